//! The traits generated code calls: how to read a scalar through references ([`Real`]),
//! what the zero cotangent of a type is ([`Zero`], [`Differentiable`]), and how cotangents
//! add up ([`Accumulate`]).
//!
//! The macro sees syntax, not types, so it never decides anything by type: it emits calls to
//! these traits and lets rustc pick the implementation. A missing implementation is a type
//! error spanned on the user's expression.

use crate::rules::tensor::TensorFloat;
use num_traits::Float;

/// A floating-point value read through any number of shared references.
///
/// Loop variables bound by `for x in xs.iter()` are `&f64`; rules take `&X` with `X: Real`
/// so that `f64`, `&f64` and `&&f64` operands all work without the macro knowing which.
pub trait Real {
    /// The underlying float type (`f64` or `f32`).
    type F: Float + Zero + Accumulate + 'static;
    /// The value.
    fn get(&self) -> Self::F;
}

impl Real for f64 {
    type F = f64;
    #[inline(always)]
    fn get(&self) -> f64 {
        *self
    }
}

impl Real for f32 {
    type F = f32;
    #[inline(always)]
    fn get(&self) -> f32 {
        *self
    }
}

impl<T: Real + ?Sized> Real for &T {
    type F = T::F;
    #[inline(always)]
    fn get(&self) -> T::F {
        (**self).get()
    }
}

/// A cotangent with a zero that needs no shape.
///
/// For floats it is `-0.0`, the exact identity of IEEE addition (`-0.0 + x == x` bit for bit,
/// also for `x = +0.0`), so the optimiser can drop the first `zero() + g` of an adjoint.
/// Gradients returned to users start from [`Differentiable::zero_tangent`] (`+0.0`).
///
/// Scalars are plain zeros. Growable containers (`Vec`) use the empty container as their
/// zero: [`Accumulate`] grows it on first use, so an adjoint can be created before the
/// primal value it belongs to is known (the reverse sweep declares adjoints up front).
pub trait Zero {
    /// The additive identity.
    fn zero() -> Self;
}

/// A type that can be differentiated: it names its tangent (cotangent) type and can produce
/// a zero tangent shaped like a given value.
///
/// | value | tangent |
/// | --- | --- |
/// | `f64`, `f32` | same |
/// | `[f64]`, `Vec<f64>` (and `f32`) | `Vec<f64>` (`Vec<f32>`) |
/// | `[f64; N]` (and `f32`) | the same |
/// | `&T` | `T::Tangent` |
/// | `ndarray` arrays of `F` (any storage), `ArrayRef<F, D>` | `Array<F, D>` |
/// | tuples | tuples of tangents |
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no derivative",
    label = "not differentiable",
    note = "differentiable values are floats, slices, `Vec`s, fixed-size arrays, ndarray arrays and structs with `#[derive(Differentiable)]`; derive it, mark a struct field `#[no_derivative]`, or leave a parameter out with `#[differentiable(wrt(..))]`"
)]
pub trait Differentiable {
    /// The type of tangents and cotangents of `Self`.
    type Tangent: Zero + Accumulate;
    /// A zero tangent with the shape of `self`.
    fn zero_tangent(&self) -> Self::Tangent;
}

/// Adding a contribution into a cotangent: `*self += g`.
pub trait Accumulate {
    /// Adds `g` into `self`.
    fn accumulate(&mut self, g: Self);
}

/// `n` zeros. Small vectors are allocated with `malloc` and filled, not with `calloc`: the
/// allocator's per-thread cache of recently freed small blocks serves `malloc` but not
/// `calloc` (glibc), so the gradient vector of a small differentiable callee, made and freed
/// once per call, then costs a few instructions instead of a trip through the allocator's
/// bins. Large vectors keep `calloc`, whose fresh pages are already zero.
#[inline]
fn zeros<T: Copy + Default>(n: usize) -> Vec<T> {
    const SMALL_BYTES: usize = 1024;
    if n.saturating_mul(core::mem::size_of::<T>()) <= SMALL_BYTES {
        let mut v = Vec::with_capacity(n);
        v.resize(n, T::default());
        v
    } else {
        vec![T::default(); n]
    }
}

macro_rules! float_impls {
    ($($t:ty),*) => {$(
        impl Zero for $t {
            #[inline(always)]
            fn zero() -> Self { -0.0 }
        }
        impl Differentiable for $t {
            type Tangent = $t;
            #[inline(always)]
            fn zero_tangent(&self) -> $t { 0.0 }
        }
        impl Accumulate for $t {
            #[inline(always)]
            fn accumulate(&mut self, g: Self) { *self += g; }
        }
        impl Differentiable for [$t] {
            type Tangent = Vec<$t>;
            #[inline]
            fn zero_tangent(&self) -> Vec<$t> { zeros(self.len()) }
        }
        impl Differentiable for Vec<$t> {
            type Tangent = Vec<$t>;
            #[inline]
            fn zero_tangent(&self) -> Vec<$t> { zeros(self.len()) }
        }
    )*};
}
float_impls!(f64, f32);

// Fixed-size arrays `[F; N]`: the tangent is the same array type; its zero needs no shape.
impl<T: Differentiable<Tangent = T> + Zero + Accumulate, const N: usize> Differentiable for [T; N] {
    type Tangent = [T; N];
    fn zero_tangent(&self) -> [T; N] {
        core::array::from_fn(|i| self[i].zero_tangent())
    }
}

impl<T: Zero, const N: usize> Zero for [T; N] {
    #[inline(always)]
    fn zero() -> Self {
        core::array::from_fn(|_| T::zero())
    }
}

impl<T: Accumulate, const N: usize> Accumulate for [T; N] {
    fn accumulate(&mut self, g: Self) {
        for (a, b) in self.iter_mut().zip(g) {
            a.accumulate(b);
        }
    }
}

impl<T: Differentiable + ?Sized> Differentiable for &T {
    type Tangent = T::Tangent;
    #[inline(always)]
    fn zero_tangent(&self) -> T::Tangent {
        (**self).zero_tangent()
    }
}

/// A `#[derive(Differentiable)]` struct or its dual-number twin, as the element of a `Vec`
/// field or parameter (`layers: Vec<Layer>`): implemented by the derive, so that `Vec<S>` is
/// differentiable element by element (the float `Vec`s have their own impls above).
#[doc(hidden)]
pub trait StructElem: Differentiable<Tangent = Self> + Accumulate + Zero + Sized {}

impl<S: StructElem> Differentiable for [S] {
    type Tangent = Vec<S>;
    fn zero_tangent(&self) -> Vec<S> {
        self.iter().map(Differentiable::zero_tangent).collect()
    }
}

impl<S: StructElem> Differentiable for Vec<S> {
    type Tangent = Vec<S>;
    fn zero_tangent(&self) -> Vec<S> {
        self.iter().map(Differentiable::zero_tangent).collect()
    }
}

impl<T> Zero for Vec<T> {
    #[inline(always)]
    fn zero() -> Self {
        Vec::new()
    }
}

impl<T: Accumulate + Zero> Accumulate for Vec<T> {
    fn accumulate(&mut self, g: Self) {
        if self.is_empty() {
            *self = g;
            return;
        }
        if g.len() > self.len() {
            self.resize_with(g.len(), T::zero);
        }
        for (a, b) in self.iter_mut().zip(g) {
            a.accumulate(b);
        }
    }
}

// ---------------------------------------------------------------------------------------
// ndarray arrays. The cotangent of any array (owned, view, `ArrayRef`, shared) is an owned
// `Array<F, D>` of the same dimension type. Its shape-free zero is the empty marker array
// (every axis of length 0; `[0]` for `IxDyn`), which `Accumulate` replaces by the first
// contribution (a move, no copy), like the empty `Vec` for `Vec` adjoints. A 0-dimensional
// array has no axes, so its zero is a genuine `0`.

impl<F, S, D> Differentiable for ndarray::ArrayBase<S, D>
where
    F: TensorFloat,
    S: ndarray::Data<Elem = F>,
    D: ndarray::Dimension,
{
    type Tangent = ndarray::Array<F, D>;
    fn zero_tangent(&self) -> ndarray::Array<F, D> {
        ndarray::Array::zeros(self.raw_dim())
    }
}

impl<F: TensorFloat, D: ndarray::Dimension> Differentiable for ndarray::ArrayRef<F, D> {
    type Tangent = ndarray::Array<F, D>;
    fn zero_tangent(&self) -> ndarray::Array<F, D> {
        ndarray::Array::zeros(self.raw_dim())
    }
}

impl<F: TensorFloat, D: ndarray::Dimension> Zero for ndarray::Array<F, D> {
    /// The empty marker (no allocation).
    #[inline]
    fn zero() -> Self {
        crate::rules::tensor::marker()
    }
}

impl<F: TensorFloat, D: ndarray::Dimension> Accumulate for ndarray::Array<F, D> {
    /// `self += g` in place; the empty marker on either side means zero (`self` takes `g`
    /// by move when it is the marker).
    ///
    /// # Panics
    /// When both are non-empty and their shapes differ (contributions are reduced to the
    /// operand's shape by the rules, never here).
    #[inline]
    #[track_caller]
    fn accumulate(&mut self, g: Self) {
        if g.is_empty() {
            return;
        }
        if self.is_empty() {
            *self = g;
            return;
        }
        assert!(
            self.shape() == g.shape(),
            "cannot accumulate a cotangent of shape {:?} into an adjoint of shape {:?}",
            g.shape(),
            self.shape()
        );
        *self += &g;
    }
}

/// Integers and `bool` are never differentiated, but a tuple mixing them with floats gets a
/// tuple adjoint; their slots stay zero and accumulate nothing meaningful.
macro_rules! inert_impls {
    ($($t:ty),*) => {$(
        impl Zero for $t {
            #[inline(always)]
            fn zero() -> Self { Default::default() }
        }
        impl Accumulate for $t {
            #[inline(always)]
            fn accumulate(&mut self, _: Self) {}
        }
    )*};
}
inert_impls!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, bool
);

impl Zero for () {
    fn zero() -> Self {}
}

impl Accumulate for () {
    fn accumulate(&mut self, _: ()) {}
}

macro_rules! tuple_impls {
    ($(($($n:tt $t:ident),+)),*) => {$(
        impl<$($t: Zero),+> Zero for ($($t,)+) {
            #[inline(always)]
            fn zero() -> Self { ($($t::zero(),)+) }
        }
        impl<$($t: Accumulate),+> Accumulate for ($($t,)+) {
            #[inline(always)]
            fn accumulate(&mut self, g: Self) { $(self.$n.accumulate(g.$n);)+ }
        }
        impl<$($t: Differentiable),+> Differentiable for ($($t,)+) {
            type Tangent = ($($t::Tangent,)+);
            #[inline(always)]
            fn zero_tangent(&self) -> Self::Tangent { ($(self.$n.zero_tangent(),)+) }
        }
    )*};
}
tuple_impls!(
    (0 A),
    (0 A, 1 B),
    (0 A, 1 B, 2 C),
    (0 A, 1 B, 2 C, 3 D),
    (0 A, 1 B, 2 C, 3 D, 4 E),
    (0 A, 1 B, 2 C, 3 D, 4 E, 5 F),
    (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G),
    (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H)
);

// Sequences of float arrays and of `Vec`s (`&[[f64; 3]]`, `&Vec<Vec<f64>>`): the tangent
// is a `Vec` of the element's tangent, shaped like the value.
macro_rules! nested_impls {
    ($($t:ty => $zero:expr),*) => {$(
        impl<const N: usize> Differentiable for [[$t; N]] {
            type Tangent = Vec<[$t; N]>;
            fn zero_tangent(&self) -> Vec<[$t; N]> { vec![[$zero; N]; self.len()] }
        }
        impl<const N: usize> Differentiable for Vec<[$t; N]> {
            type Tangent = Vec<[$t; N]>;
            fn zero_tangent(&self) -> Vec<[$t; N]> { vec![[$zero; N]; self.len()] }
        }
        impl Differentiable for [Vec<$t>] {
            type Tangent = Vec<Vec<$t>>;
            fn zero_tangent(&self) -> Vec<Vec<$t>> { self.iter().map(|v| vec![$zero; v.len()]).collect() }
        }
        impl Differentiable for Vec<Vec<$t>> {
            type Tangent = Vec<Vec<$t>>;
            fn zero_tangent(&self) -> Vec<Vec<$t>> { self.iter().map(|v| vec![$zero; v.len()]).collect() }
        }
    )*};
}
nested_impls!(
    f64 => 0.0,
    f32 => 0.0,
    crate::Dual<f64> => crate::Dual::cst(0.0),
    crate::Dual<f32> => crate::Dual::cst(0.0)
);
