//! Parameter structs: what `#[derive(Differentiable)]` implements besides
//! [`Differentiable`](crate::traits::Differentiable) (whose tangent is the struct itself),
//! and what generated code uses to read their fields.
//!
//! - [`FieldRead`]: a field read `p.w` in a differentiable body is `read(&p.w)`: a copy for
//!   a float, a borrow for everything else (arrays, `Vec`s, nested structs), so reading a
//!   field of a borrowed struct never moves out of it.
//! - [`VectorSpace`]: the vector operations an optimiser needs (`scale_by`, `add_scaled`, `inner`,
//!   elementwise maps), for floats, `Vec`s, fixed-size arrays, ndarray arrays and every
//!   derived struct, so one optimiser ([`crate::optim`]) trains any parameter struct.

use crate::rules::tensor::TensorFloat;

/// How a differentiable body reads a field: by copy (floats) or by borrow (the rest).
pub trait FieldRead {
    /// The value read.
    type Out<'a>
    where
        Self: 'a;
    /// Reads the field.
    fn read(&self) -> Self::Out<'_>;
}

/// Fields read by copy, whose owned copy is the value itself (see [`Owned`]); the
/// dual-number code reads them the same way ([`DualRead`]), but a plain float as a dual
/// constant (only a `#[no_derivative]` field holds one in a struct's dual twin).
macro_rules! read_copy {
    ($($t:ty => $dual:ty, $lift:expr);* $(;)?) => {$(
        impl FieldRead for $t {
            type Out<'a> = $t;
            #[inline(always)]
            fn read(&self) -> $t { *self }
        }
        impl Owned for $t {
            type O = $t;
            #[inline(always)]
            fn owned(self) -> $t { self }
        }
        impl DualRead for $t {
            type Out<'a> = $dual;
            #[inline(always)]
            fn read_dual(&self) -> $dual { ($lift)(*self) }
        }
    )*};
}
read_copy!(
    f64 => crate::Dual<f64>, crate::Dual::cst;
    f32 => crate::Dual<f32>, crate::Dual::cst;
    crate::Dual<f64> => crate::Dual<f64>, core::convert::identity;
    crate::Dual<f32> => crate::Dual<f32>, core::convert::identity;
    usize => usize, core::convert::identity;
    isize => isize, core::convert::identity;
    i32 => i32, core::convert::identity;
    i64 => i64, core::convert::identity;
    u32 => u32, core::convert::identity;
    u64 => u64, core::convert::identity;
    bool => bool, core::convert::identity;
);

macro_rules! read_borrow {
    ($([$($g:tt)*] $t:ty),*) => {$(
        impl<$($g)*> FieldRead for $t {
            type Out<'a> = &'a Self where Self: 'a;
            #[inline(always)]
            fn read(&self) -> &Self { self }
        }
        impl<$($g)*> DualRead for $t {
            type Out<'a> = &'a Self where Self: 'a;
            #[inline(always)]
            fn read_dual(&self) -> &Self { self }
        }
    )*};
}
read_borrow!(
    [T] Vec<T>,
    [T, const N: usize] [T; N],
    [S: ndarray::RawData, D] ndarray::ArrayBase<S, D>,
    [] String,
    [A, B] (A, B),
    [A, B, C] (A, B, C),
    [A, B, C, D] (A, B, C, D)
);

/// How the dual-number code (second order, forward mode through dual numbers) reads a field
/// of a struct's dual twin: as [`FieldRead`], except that a plain float, which only a
/// `#[no_derivative]` field holds there, is read as a dual constant (it meets dual numbers).
#[doc(hidden)]
pub trait DualRead {
    /// The value read.
    type Out<'a>
    where
        Self: 'a;
    /// Reads the field.
    fn read_dual(&self) -> Self::Out<'_>;
}

/// `x` read as the dual-number code reads a field (see [`DualRead`]).
#[doc(hidden)]
#[inline(always)]
pub fn read_dual<T: DualRead + ?Sized>(x: &T) -> T::Out<'_> {
    x.read_dual()
}

/// A field read of a type that may have no [`FieldRead`] (a `#[no_derivative]` field of the
/// user's own type: an activation enum, a `u8`), as `(&&&ReadProbe(&s.f)).read_field()`:
/// through [`FieldRead`] where it applies ([`ReadByTrait`], at the receiver's own level), else
/// a copy of a `Copy` value ([`ReadByCopy`], one dereference down), else a borrow
/// ([`ReadByRef`]): method resolution takes the first that applies.
#[doc(hidden)]
pub struct ReadProbe<'a, T: ?Sized>(pub &'a T);

/// [`ReadProbe`] of a [`FieldRead`] type.
#[doc(hidden)]
pub trait ReadByTrait<'a> {
    /// The value read.
    type Out;
    /// Reads the field.
    fn read_field(self) -> Self::Out;
}

impl<'a, T: FieldRead + ?Sized> ReadByTrait<'a> for &&&ReadProbe<'a, T> {
    type Out = T::Out<'a>;
    #[inline(always)]
    fn read_field(self) -> T::Out<'a> {
        self.0.read()
    }
}

/// [`ReadProbe`] of any other `Copy` type: a copy.
#[doc(hidden)]
pub trait ReadByCopy<T> {
    /// Reads the field.
    fn read_field(self) -> T;
}

impl<T: Copy> ReadByCopy<T> for &&ReadProbe<'_, T> {
    #[inline(always)]
    fn read_field(self) -> T {
        *self.0
    }
}

/// [`ReadProbe`] of anything else: a borrow.
#[doc(hidden)]
pub trait ReadByRef<'a, T: ?Sized> {
    /// Reads the field.
    fn read_field(self) -> &'a T;
}

impl<'a, T: ?Sized> ReadByRef<'a, T> for &ReadProbe<'a, T> {
    #[inline(always)]
    fn read_field(self) -> &'a T {
        self.0
    }
}

/// [`ReadProbe`] in the dual-number code: through [`DualRead`] where it applies.
#[doc(hidden)]
pub struct DualReadProbe<'a, T: ?Sized>(pub &'a T);

/// [`DualReadProbe`] of a [`DualRead`] type.
#[doc(hidden)]
pub trait DualReadByTrait<'a> {
    /// The value read.
    type Out;
    /// Reads the field.
    fn read_field(self) -> Self::Out;
}

impl<'a, T: DualRead + ?Sized> DualReadByTrait<'a> for &&&DualReadProbe<'a, T> {
    type Out = T::Out<'a>;
    #[inline(always)]
    fn read_field(self) -> T::Out<'a> {
        self.0.read_dual()
    }
}

impl<T: Copy> ReadByCopy<T> for &&DualReadProbe<'_, T> {
    #[inline(always)]
    fn read_field(self) -> T {
        *self.0
    }
}

impl<'a, T: ?Sized> ReadByRef<'a, T> for &DualReadProbe<'a, T> {
    #[inline(always)]
    fn read_field(self) -> &'a T {
        self.0
    }
}

/// `x` read as a differentiable body reads a field (see [`FieldRead`]).
#[doc(hidden)]
#[inline(always)]
pub fn read<T: FieldRead + ?Sized>(x: &T) -> T::Out<'_> {
    x.read()
}

/// A field read or an array view as an owned value: what the reverse sweep keeps of a read
/// whose base is written afterwards (`let a = s.w[0]; s.b = ..;`), where a borrow of the base
/// could not outlive the write. A copy of a float, a clone of a borrowed value, the elements
/// of a view.
#[doc(hidden)]
pub trait Owned {
    /// The owned value.
    type O;
    /// Makes it.
    fn owned(self) -> Self::O;
}

impl<T: Clone> Owned for &T {
    type O = T;
    #[inline(always)]
    fn owned(self) -> T {
        self.clone()
    }
}

impl<A: Clone, D: ndarray::Dimension> Owned for ndarray::ArrayView<'_, A, D> {
    type O = ndarray::Array<A, D>;
    #[inline]
    fn owned(self) -> ndarray::Array<A, D> {
        self.to_owned()
    }
}

/// [`Owned::owned`] as a function.
#[doc(hidden)]
#[inline(always)]
pub fn owned<T: Owned>(x: T) -> T::O {
    x.owned()
}

/// The vector operations of a parameter (or gradient) value, elementwise over its floats.
/// `#[derive(Differentiable)]` implements it field by field (`#[no_derivative]` fields are
/// left alone).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a vector of floats for the optimisers",
    label = "no `VectorSpace`",
    note = "fields of a `#[derive(Differentiable)]` struct are floats, `Vec`s, fixed-size arrays, ndarray arrays or derived structs; mark any other field `#[no_derivative]`"
)]
pub trait VectorSpace {
    /// `self *= a`.
    fn scale_by(&mut self, a: f64);
    /// `self += a * x`.
    fn add_scaled(&mut self, a: f64, x: &Self);
    /// The inner product `Σ self_i x_i`.
    fn inner(&self, x: &Self) -> f64;
    /// `f(&mut self_i, x_i, y_i)` for every float, in order (optimiser updates).
    fn zip2_mut(&mut self, x: &Self, y: &Self, f: &mut dyn FnMut(&mut f64, f64, f64));
    /// The squared norm `Σ self_i²`.
    fn norm_squared(&self) -> f64 {
        self.dot_self()
    }
    /// `Σ self_i²` (see [`VectorSpace::norm_squared`]).
    #[doc(hidden)]
    fn dot_self(&self) -> f64;
}

macro_rules! vs_float {
    ($($t:ty),*) => {$(
        impl VectorSpace for $t {
            #[inline]
            fn scale_by(&mut self, a: f64) { *self = (*self as f64 * a) as $t; }
            #[inline]
            fn add_scaled(&mut self, a: f64, x: &Self) { *self = (*self as f64 + a * *x as f64) as $t; }
            #[inline]
            fn inner(&self, x: &Self) -> f64 { *self as f64 * *x as f64 }
            #[inline]
            fn zip2_mut(&mut self, x: &Self, y: &Self, f: &mut dyn FnMut(&mut f64, f64, f64)) {
                let mut v = *self as f64;
                f(&mut v, *x as f64, *y as f64);
                *self = v as $t;
            }
            #[inline]
            fn dot_self(&self) -> f64 { *self as f64 * *self as f64 }
        }
    )*};
}
vs_float!(f64, f32);

/// Sequences: element by element.
macro_rules! vs_sequence {
    ($([$($g:tt)*] $t:ty),*) => {$(
        impl<$($g)*> VectorSpace for $t {
            fn scale_by(&mut self, a: f64) {
                self.iter_mut().for_each(|v| v.scale_by(a));
            }
            fn add_scaled(&mut self, a: f64, x: &Self) {
                self.iter_mut().zip(x.iter()).for_each(|(v, x)| v.add_scaled(a, x));
            }
            fn inner(&self, x: &Self) -> f64 {
                self.iter().zip(x.iter()).map(|(v, x)| v.inner(x)).sum()
            }
            fn zip2_mut(&mut self, x: &Self, y: &Self, f: &mut dyn FnMut(&mut f64, f64, f64)) {
                for ((v, x), y) in self.iter_mut().zip(x.iter()).zip(y.iter()) {
                    v.zip2_mut(x, y, f);
                }
            }
            fn dot_self(&self) -> f64 {
                self.iter().map(|v| v.dot_self()).sum()
            }
        }
    )*};
}
vs_sequence!(
    [T: VectorSpace] Vec<T>,
    [T: VectorSpace, const N: usize] [T; N],
    [F: TensorFloat + VectorSpace, D: ndarray::Dimension] ndarray::Array<F, D>
);

macro_rules! vs_tuples {
    ($(($($n:tt $t:ident),+)),*) => {$(
        impl<$($t: VectorSpace),+> VectorSpace for ($($t,)+) {
            fn scale_by(&mut self, a: f64) {
                $(self.$n.scale_by(a);)+
            }
            fn add_scaled(&mut self, a: f64, x: &Self) {
                $(self.$n.add_scaled(a, &x.$n);)+
            }
            fn inner(&self, x: &Self) -> f64 {
                0.0 $(+ self.$n.inner(&x.$n))+
            }
            fn zip2_mut(&mut self, x: &Self, y: &Self, f: &mut dyn FnMut(&mut f64, f64, f64)) {
                $(self.$n.zip2_mut(&x.$n, &y.$n, f);)+
            }
            fn dot_self(&self) -> f64 {
                0.0 $(+ self.$n.dot_self())+
            }
        }
    )*};
}
vs_tuples!((0 A, 1 B), (0 A, 1 B, 2 C), (0 A, 1 B, 2 C, 3 D));
