//! Arithmetic operators: `+ - * /`, unary `-`, float-to-float `as` casts.

use crate::traits::Real;
use num_traits::{AsPrimitive, Float};

// ---------------------------------------------------------------------------------------
// z = a + b;  ā += z̄;  b̄ += z̄
/// `a + b`, cotangent of `a` (and of `b`): `g`.
#[inline(always)]
pub fn add_d0<T>(g: T) -> T {
    g
}
/// `a + b`, cotangent of `b`: `g`.
#[inline(always)]
pub fn add_d1<T>(g: T) -> T {
    g
}

// ---------------------------------------------------------------------------------------
// z = a - b;  ā += z̄;  b̄ -= z̄
/// `a - b`, cotangent of `a`: `g`.
#[inline(always)]
pub fn sub_d0<T>(g: T) -> T {
    g
}
/// `a - b`, cotangent of `b`: `-g`.
#[inline(always)]
pub fn sub_d1<T: core::ops::Neg<Output = T>>(g: T) -> T {
    -g
}

// ---------------------------------------------------------------------------------------
// z = -a;  ā -= z̄
/// `-a`, cotangent of `a`: `-g`.
#[inline(always)]
pub fn neg_d0<T: core::ops::Neg<Output = T>>(g: T) -> T {
    -g
}

// ---------------------------------------------------------------------------------------
// z = a * b;  ā += z̄ b;  b̄ += a z̄
/// `a * b`, cotangent of `a`: `g * b`.
#[inline(always)]
pub fn mul_d0<B: Real>(b: &B, g: B::F) -> B::F {
    g * b.get()
}
/// `a * b`, cotangent of `b`: `a * g`.
#[inline(always)]
pub fn mul_d1<A: Real>(a: &A, g: A::F) -> A::F {
    a.get() * g
}

// ---------------------------------------------------------------------------------------
// z = a * a;  ā += 2 a z̄
/// `a * a` of one operand: both partials at once, `g a + g a` (exactly what the two rules
/// `mul_d0` and `mul_d1` accumulate into a zero: doubling rounds nothing), one rule call and
/// one contribution instead of two.
#[inline(always)]
pub fn sq_d0<A: Real>(a: &A, g: A::F) -> A::F {
    let t = g * a.get();
    t + t
}

// ---------------------------------------------------------------------------------------
// z = a / b;  ā += z̄ / b;  b̄ -= z̄ a / b²
/// `a / b`, cotangent of `a`: `g / b`.
#[inline(always)]
pub fn div_d0<B: Real>(b: &B, g: B::F) -> B::F {
    // (Unguarded, unlike `div_d1`: the slope `1 / b` is infinite only where the quotient
    // itself is, and forward mode calls this rule in its inner loops.)
    g / b.get()
}
/// `a / b`, cotangent of `b`: `-g a / b²`, computed as `-(g (a / b)) / b` so that `b²` never
/// overflows or underflows where the result itself is representable (`|b|` beyond 1e±154).
/// An infinite quotient (`-inf / b`, or one that overflowed) is the same infinity for every
/// `b` nearby: its slope is zero, not `∓∞` (so `(f64::NEG_INFINITY / b).exp()` has derivative
/// zero in `b`, in both modes, as its values do).
#[inline(always)]
pub fn div_d1<A: Real, B: Real<F = A::F>>(a: &A, b: &B, g: A::F) -> A::F {
    let b = b.get();
    let q = a.get() / b;
    // Likewise a finite numerator over an infinite denominator: the quotient is flat there
    // (`1 / (1 + exp(-x))` where `exp` overflowed, whose cotangent or tangent may be
    // infinite: `∞ · 0` would be NaN).
    if q.is_infinite() || (b.is_infinite() && a.get().is_finite()) {
        return num_traits::Zero::zero();
    }
    crate::rules::scalar::zero_or(g, |g| -(g * q) / b)
}

// ---------------------------------------------------------------------------------------
// z = a as U (float to float);  ā += z̄ as T
/// `a as U` between float types: the cotangent converted back to the operand's type.
#[inline(always)]
pub fn cast_d0<G: AsPrimitive<T>, T: Float + 'static>(g: G) -> T {
    g.as_()
}

/// The cotangent of an integer, which has none: a cast from an integer of a type the macro
/// cannot see (a struct's integer field, `m.n as f64`) gives it this, which the struct's
/// constant field then ignores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoCotangent;

impl crate::traits::Zero for NoCotangent {
    #[inline(always)]
    fn zero() -> Self {
        NoCotangent
    }
}

impl crate::traits::Accumulate for NoCotangent {
    #[inline(always)]
    fn accumulate(&mut self, _: Self) {}
}

/// The operand type of a cast, seen by its value: the cotangent `G` of the result converted
/// back to it (a float), or [`NoCotangent`] (an integer).
pub trait CastBack<G> {
    /// The operand's cotangent.
    type Out;
    /// `g` as the operand's cotangent.
    fn cast_back(g: G) -> Self::Out;
}

macro_rules! cast_back_floats {
    ($($f:ty),*) => {$(
        impl<G: AsPrimitive<$f>> CastBack<G> for $f {
            type Out = $f;
            #[inline(always)]
            fn cast_back(g: G) -> $f {
                g.as_()
            }
        }
    )*};
}
cast_back_floats!(f32, f64);

macro_rules! cast_back_integers {
    ($($i:ty),*) => {$(
        impl<G> CastBack<G> for $i {
            type Out = NoCotangent;
            #[inline(always)]
            fn cast_back(_: G) -> NoCotangent {
                NoCotangent
            }
        }
    )*};
}
cast_back_integers!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, bool, char
);

impl<F, G> CastBack<G> for crate::Dual<F>
where
    G: crate::dual::CastToDual<F>,
{
    type Out = crate::Dual<F>;
    #[inline(always)]
    fn cast_back(g: G) -> crate::Dual<F> {
        g.cast_to_dual()
    }
}

/// [`cast_d0`] for an operand of a type the macro cannot see (a struct field): typed by the
/// operand's value, read only for its type.
#[inline(always)]
pub fn cast_back<S: CastBack<G>, G>(_operand: &S, g: G) -> S::Out {
    S::cast_back(g)
}

// ---------------------------------------------------------------------------------------
// z = a (copy, move, `*a`, `&a`, `a.clone()`);  ā += z̄
/// Identity-like operations (copies, derefs, borrows, clones): the cotangent unchanged.
#[inline(always)]
pub fn id_d0<T>(g: T) -> T {
    g
}

// ---------------------------------------------------------------------------------------
// z = a % b = a - trunc(a / b) b;  ā += z̄;  b̄ -= z̄ trunc(a / b)   (almost everywhere)
/// `a % b`, cotangent of `a`: `g`.
#[inline(always)]
pub fn rem_d0<T>(g: T) -> T {
    g
}
/// `a % b`, cotangent of `b`: `-g trunc(a / b)`.
#[inline(always)]
pub fn rem_d1<A: Real, B: Real<F = A::F>>(a: &A, b: &B, g: A::F) -> A::F {
    -g * (a.get() / b.get()).trunc()
}
