//! The scalar type of a reverse sweep shared by first and second order.
//!
//! When a function's reverse sweep on `f64` and its sweep on dual numbers differ only in the
//! scalar type (the macro checks this token by token, see its `nest::shared` module), the
//! macro emits the sweep once, generic over `S: Scalar<f64>`, and `f_pullback` and
//! `f_hvp_pullback` instantiate it at `f64` and at `Dual<f64>`: rustc expands, type-checks
//! and borrow-checks one body instead of two. A literal of the body is `S::cst(lit)`,
//! the literal itself at `f64` (inlined away) and a constant dual number otherwise.

use super::Dual;
use super::convert::{CastToDual, Undual};
use crate::__private::Either;
use crate::traits::{Accumulate, Differentiable, Real, Zero};
use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Rem, Sub, SubAssign};

mod sealed {
    pub trait Sealed {}
    impl Sealed for f64 {}
    impl Sealed for f32 {}
    impl Sealed for super::Dual<f64> {}
    impl Sealed for super::Dual<f32> {}
}

/// A scalar of a shared reverse sweep over the real type `F`: `F` itself (first order) or
/// `Dual<F>` (second order). Sealed: exactly these four implementations.
pub trait Scalar<F>:
    sealed::Sealed
    + num_traits::Float
    + num_traits::FloatConst
    + Real<F = Self>
    + Differentiable<Tangent = Self>
    + Accumulate
    + Zero
    + crate::stop::StopGradient
    + PartialEq<F>
    + PartialOrd<F>
    + Add<F, Output = Self>
    + Sub<F, Output = Self>
    + Mul<F, Output = Self>
    + Div<F, Output = Self>
    + Rem<F, Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
    + DivAssign
    + AddAssign<F>
    + SubAssign<F>
    + core::iter::Sum
    + for<'a> core::iter::Sum<&'a Self>
    + core::iter::Product
    + for<'a> core::iter::Product<&'a Self>
    + Default
    + core::fmt::Debug
    + CastToDual<F>
    + Undual<Out = F>
    + num_traits::AsPrimitive<Self>
    + 'static
{
    /// The constant `v` (a literal of the function's body).
    fn cst(v: F) -> Self;
    /// The result of a cast to the scalar (see [`scalar_cast`]): `d.re` for the real scalar,
    /// whose casts read integers, floats and itself (`d.eps` is zero), `d` for the dual one.
    fn from_cast(d: Dual<F>) -> Self;
    /// `f64::total_cmp` (of the real parts for dual numbers).
    fn total_cmp(&self, other: &Self) -> core::cmp::Ordering;
    /// `f64::round_ties_even`.
    fn round_ties_even(self) -> Self;
    /// `f64::rem_euclid`.
    fn rem_euclid(self, rhs: Self) -> Self;
    /// `first(x)` for the real scalar, `dual(x)` for the dual one. The other closure is never
    /// called, so its body is not instantiated: a dispatcher at `f64` does not instantiate
    /// its dual callee (a stub fails to compile where instantiated).
    fn pick<X, A, B>(x: X, first: impl FnOnce(X) -> A, dual: impl FnOnce(X) -> B) -> Either<A, B>;
    /// `first(a, x)` or `dual(b, x)` for what [`Scalar::pick`] returned.
    fn run<X, A, B, R>(
        e: Either<A, B>,
        x: X,
        first: impl FnOnce(A, X) -> R,
        dual: impl FnOnce(B, X) -> R,
    ) -> R;
}

macro_rules! scalar_impls {
    ($($f:ty),*) => {$(
        impl Scalar<$f> for $f {
            #[inline(always)]
            fn cst(v: $f) -> Self {
                v
            }
            #[inline(always)]
            fn from_cast(d: Dual<$f>) -> Self {
                d.re
            }
            #[inline(always)]
            fn total_cmp(&self, other: &Self) -> core::cmp::Ordering {
                <$f>::total_cmp(self, other)
            }
            #[inline(always)]
            fn round_ties_even(self) -> Self {
                <$f>::round_ties_even(self)
            }
            #[inline(always)]
            fn rem_euclid(self, rhs: Self) -> Self {
                <$f>::rem_euclid(self, rhs)
            }
            #[inline(always)]
            fn pick<X, A, B>(x: X, first: impl FnOnce(X) -> A, _: impl FnOnce(X) -> B) -> Either<A, B> {
                Either::A(first(x))
            }
            #[inline(always)]
            fn run<X, A, B, R>(
                e: Either<A, B>,
                x: X,
                first: impl FnOnce(A, X) -> R,
                _: impl FnOnce(B, X) -> R,
            ) -> R {
                match e {
                    Either::A(a) => first(a, x),
                    Either::B(_) => unreachable!("a first-order sweep holds first-order pullbacks"),
                }
            }
        }
        impl Scalar<$f> for Dual<$f> {
            #[inline(always)]
            fn cst(v: $f) -> Self {
                Dual::cst(v)
            }
            #[inline(always)]
            fn from_cast(d: Dual<$f>) -> Self {
                d
            }
            #[inline(always)]
            fn total_cmp(&self, other: &Self) -> core::cmp::Ordering {
                Dual::total_cmp(self, other)
            }
            #[inline(always)]
            fn round_ties_even(self) -> Self {
                Dual::round_ties_even(self)
            }
            #[inline(always)]
            fn rem_euclid(self, rhs: Self) -> Self {
                Dual::rem_euclid(self, rhs)
            }
            #[inline(always)]
            fn pick<X, A, B>(x: X, _: impl FnOnce(X) -> A, dual: impl FnOnce(X) -> B) -> Either<A, B> {
                Either::B(dual(x))
            }
            #[inline(always)]
            fn run<X, A, B, R>(
                e: Either<A, B>,
                x: X,
                _: impl FnOnce(A, X) -> R,
                dual: impl FnOnce(B, X) -> R,
            ) -> R {
                match e {
                    Either::B(b) => dual(b, x),
                    Either::A(_) => unreachable!("a dual sweep holds dual pullbacks"),
                }
            }
        }
    )*};
}
scalar_impls!(f64, f32);

/// `x as F` in a shared sweep, where the first-order sweep casts with `as` and the dual one
/// with [`dual_cast`](super::dual_cast): an integer, a float or the sweep's own scalar.
#[inline(always)]
pub fn scalar_cast<S: Scalar<F>, F, T: CastToDual<F>>(x: T) -> S {
    S::from_cast(x.cast_to_dual())
}
