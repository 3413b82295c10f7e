//! Conversions between plain numbers and duals in generated second-order code: casts to a
//! float (`dual_cast`), the values of duals passed to functions that are not differentiated
//! (`undual`, `undual_ref`, `undual_seq`), and their results lifted back (`Relift`).

use super::Dual;

/// `a as F` where the result is a dual: integers and floats become constants, duals convert
/// both parts. What the generated second-order code prints for a cast to a float type.
pub trait CastToDual<F> {
    /// The converted value.
    fn cast_to_dual(self) -> Dual<F>;
}

macro_rules! cast_prims {
    ($($t:ty),*) => {$(
        impl CastToDual<f64> for $t {
            #[inline(always)]
            fn cast_to_dual(self) -> Dual<f64> { Dual::cst(self as f64) }
        }
        impl CastToDual<f32> for $t {
            #[inline(always)]
            fn cast_to_dual(self) -> Dual<f32> { Dual::cst(self as f32) }
        }
    )*};
}
cast_prims!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64
);

macro_rules! cast_duals {
    ($(($a:ty, $b:ty)),*) => {$(
        impl CastToDual<$b> for Dual<$a> {
            #[inline(always)]
            fn cast_to_dual(self) -> Dual<$b> { Dual { re: self.re as $b, eps: self.eps as $b } }
        }
        impl num_traits::AsPrimitive<Dual<$b>> for Dual<$a> {
            #[inline(always)]
            fn as_(self) -> Dual<$b> { self.cast_to_dual() }
        }
    )*};
}
cast_duals!((f64, f64), (f64, f32), (f32, f64), (f32, f32));

/// A number without its tangent: the value of a dual, plain numbers unchanged (what a
/// cast to an integer reads in second-order code).
pub trait Undual {
    /// The plain number type.
    type Out;
    /// The value.
    fn undual(self) -> Self::Out;
}

macro_rules! undual_prims {
    ($($t:ty),*) => {$(
        impl Undual for $t {
            type Out = $t;
            #[inline(always)]
            fn undual(self) -> $t { self }
        }
    )*};
}
undual_prims!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64, bool, char
);

impl<F> Undual for Dual<F> {
    type Out = F;
    #[inline(always)]
    fn undual(self) -> F {
        self.re
    }
}

impl<T: Undual + Copy> Undual for &T {
    type Out = T::Out;
    #[inline(always)]
    fn undual(self) -> T::Out {
        (*self).undual()
    }
}

/// The value of a dual, a plain number unchanged (see [`Undual`]).
#[inline(always)]
pub fn undual<T: Undual>(x: T) -> T::Out {
    x.undual()
}

/// A value whose type the macro cannot see (a binding of a user enum's pattern), passed to a
/// differentiable call in second-order code: `(&LiftProbe(v)).lift_by_type()` is a dual
/// constant for a float ([`LiftFloat`]) and a clone of anything else ([`KeepOther`], reached
/// by one more auto-reference, so the float impls win where they apply). Unlike [`Relift`] it
/// needs nothing of the value's type (an enum of the user's, an integer, a `Dual`).
pub struct LiftProbe<T>(pub T);

/// [`LiftProbe`] of a float: a dual constant; of a dual: itself.
pub trait LiftFloat {
    /// The lifted type.
    type Out;
    /// The value lifted.
    fn lift_by_type(&self) -> Self::Out;
}

macro_rules! lift_float_probe {
    ($($f:ty),*) => {$(
        impl LiftFloat for LiftProbe<$f> {
            type Out = Dual<$f>;
            #[inline(always)]
            fn lift_by_type(&self) -> Dual<$f> { Dual::cst(self.0) }
        }
        impl LiftFloat for LiftProbe<Dual<$f>> {
            type Out = Dual<$f>;
            #[inline(always)]
            fn lift_by_type(&self) -> Dual<$f> { self.0 }
        }
    )*};
}
lift_float_probe!(f64, f32);

/// [`LiftProbe`] of anything that is not a float: a clone, unchanged.
pub trait KeepOther {
    /// The value's own type.
    type Out;
    /// A clone of the value.
    fn lift_by_type(&self) -> Self::Out;
}

impl<T: Clone> KeepOther for &LiftProbe<T> {
    type Out = T;
    #[inline(always)]
    fn lift_by_type(&self) -> T {
        self.0.clone()
    }
}

/// The result of a function that is not differentiated, called from second-order code: its
/// floats become dual constants (tangent zero), anything without floats stays as it is.
pub trait Relift {
    /// The lifted type.
    type Out;
    /// The value with its floats lifted.
    fn relift(self) -> Self::Out;
}

macro_rules! relift_floats {
    ($($f:ty),*) => {$(
        impl Relift for $f {
            type Out = Dual<$f>;
            #[inline(always)]
            fn relift(self) -> Dual<$f> { Dual::cst(self) }
        }
        impl Relift for Dual<$f> {
            type Out = Dual<$f>;
            #[inline(always)]
            fn relift(self) -> Dual<$f> { self }
        }
    )*};
}
relift_floats!(f64, f32);

macro_rules! relift_plain {
    ($($t:ty),*) => {$(
        impl Relift for $t {
            type Out = $t;
            #[inline(always)]
            fn relift(self) -> $t { self }
        }
    )*};
}
relift_plain!(
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    bool,
    char,
    (),
    String
);

impl<T: Relift> Relift for Vec<T> {
    type Out = Vec<T::Out>;
    fn relift(self) -> Vec<T::Out> {
        self.into_iter().map(T::relift).collect()
    }
}

impl<T: Relift, const N: usize> Relift for [T; N] {
    type Out = [T::Out; N];
    fn relift(self) -> [T::Out; N] {
        self.map(T::relift)
    }
}

impl<T: Relift> Relift for Option<T> {
    type Out = Option<T::Out>;
    fn relift(self) -> Option<T::Out> {
        self.map(T::relift)
    }
}

macro_rules! relift_arrays {
    ($($f:ty),*) => {$(
        impl<D: ndarray::Dimension> Relift for ndarray::Array<$f, D> {
            type Out = ndarray::Array<Dual<$f>, D>;
            fn relift(self) -> Self::Out {
                self.mapv(Dual::cst)
            }
        }
        impl<D: ndarray::Dimension> Relift for ndarray::Array<Dual<$f>, D> {
            type Out = Self;
            fn relift(self) -> Self {
                self
            }
        }
        // A borrowed array the dual code already holds lifted (`Some(m) =>` of an
        // `Option<&Array1<f64>>` constant parameter): the same borrow.
        impl<'a, D: ndarray::Dimension> Relift for &'a ndarray::Array<Dual<$f>, D> {
            type Out = Self;
            fn relift(self) -> Self {
                self
            }
        }
        // A borrowed array of plain numbers: a lifted copy.
        impl<D: ndarray::Dimension> Relift for &ndarray::Array<$f, D> {
            type Out = ndarray::Array<Dual<$f>, D>;
            fn relift(self) -> Self::Out {
                self.mapv(Dual::cst)
            }
        }
    )*};
}
relift_arrays!(f64, f32);

macro_rules! relift_tuples {
    ($(($($n:tt $t:ident),+)),*) => {$(
        impl<$($t: Relift),+> Relift for ($($t,)+) {
            type Out = ($($t::Out,)+);
            fn relift(self) -> Self::Out { ($(self.$n.relift(),)+) }
        }
    )*};
}
relift_tuples!(
    (0 A),
    (0 A, 1 B),
    (0 A, 1 B, 2 C),
    (0 A, 1 B, 2 C, 3 D),
    (0 A, 1 B, 2 C, 3 D, 4 E),
    (0 A, 1 B, 2 C, 3 D, 4 E, 5 G),
    (0 A, 1 B, 2 C, 3 D, 4 E, 5 G, 6 H),
    (0 A, 1 B, 2 C, 3 D, 4 E, 5 G, 6 H, 7 I)
);

/// The values of a dual-valued argument, owned (`Dual` -> `F`, slices and `Vec`s of duals ->
/// `Vec<F>`, arrays -> arrays, plain numbers unchanged): what second-order code passes to a
/// function that is not differentiated (see [`undual_ref`]).
pub trait UndualRef {
    /// The plain type.
    type Out;
    /// The values.
    fn undual_ref(&self) -> Self::Out;
}

macro_rules! undual_ref_prims {
    ($($t:ty),*) => {$(
        impl UndualRef for $t {
            type Out = $t;
            #[inline(always)]
            fn undual_ref(&self) -> $t { *self }
        }
    )*};
}
undual_ref_prims!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64, bool, char
);

impl<F: Copy> UndualRef for Dual<F> {
    type Out = F;
    #[inline(always)]
    fn undual_ref(&self) -> F {
        self.re
    }
}

impl<T: UndualRef> UndualRef for [T] {
    type Out = Vec<T::Out>;
    fn undual_ref(&self) -> Vec<T::Out> {
        self.iter().map(T::undual_ref).collect()
    }
}

impl<T: UndualRef> UndualRef for Vec<T> {
    type Out = Vec<T::Out>;
    fn undual_ref(&self) -> Vec<T::Out> {
        self.iter().map(T::undual_ref).collect()
    }
}

impl<T: UndualRef, const N: usize> UndualRef for [T; N] {
    type Out = [T::Out; N];
    fn undual_ref(&self) -> [T::Out; N] {
        core::array::from_fn(|i| self[i].undual_ref())
    }
}

impl<T: UndualRef + ?Sized> UndualRef for &T {
    type Out = T::Out;
    fn undual_ref(&self) -> T::Out {
        (**self).undual_ref()
    }
}

impl UndualRef for ndarray::Axis {
    type Out = ndarray::Axis;
    fn undual_ref(&self) -> ndarray::Axis {
        *self
    }
}

impl<T, S, D> UndualRef for ndarray::ArrayBase<S, D>
where
    T: UndualRef,
    S: ndarray::Data<Elem = T>,
    D: ndarray::Dimension,
{
    type Out = ndarray::Array<T::Out, D>;
    fn undual_ref(&self) -> Self::Out {
        self.map(T::undual_ref)
    }
}

/// The values of `x` (see [`UndualRef`]).
#[inline(always)]
pub fn undual_ref<T: UndualRef + ?Sized>(x: &T) -> T::Out {
    x.undual_ref()
}

/// The values of a slice of duals (or a copy of a slice of plain numbers): what a call of a
/// function that is not differentiated receives in second-order code.
pub fn undual_seq<T: Undual + Copy>(xs: &[T]) -> Vec<T::Out> {
    xs.iter().map(|x| x.undual()).collect()
}

/// `x as F` for a dual result (see [`CastToDual`]).
#[inline(always)]
pub fn dual_cast<F, T: CastToDual<F>>(x: T) -> Dual<F> {
    x.cast_to_dual()
}
