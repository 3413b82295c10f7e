//! `+ - * /` between arrays and scalars, with `ndarray` broadcasting. Each rule computes its
//! contribution in the result's shape and lets the target reduce it to the operand.

use super::cotangent::{CotRef, Cotangent};
use super::target::Target;
use super::value::{DynVal, TensorFloat, Value};
use super::zips::{zip1, zip2};
use ndarray::{Array, ArrayD, Dimension};
use num_traits::Float;

// ---------------------------------------------------------------------------------------
// y = a + b;  ā += unbroadcast(ȳ);  b̄ += unbroadcast(ȳ)
/// `a + b`, cotangent of `a`: `g` reduced to `a`.
#[inline]
#[track_caller]
pub fn add_d0<T: Target<G>, G: Cotangent>(t: T, g: G) -> T::Out {
    t.reduce_g(g)
}
/// `a + b`, cotangent of `b`: `g` reduced to `b`.
#[inline]
#[track_caller]
pub fn add_d1<T: Target<G>, G: Cotangent>(t: T, g: G) -> T::Out {
    t.reduce_g(g)
}

// ---------------------------------------------------------------------------------------
// y = a - b;  ā += unbroadcast(ȳ);  b̄ -= unbroadcast(ȳ)
/// `a - b`, cotangent of `a`: `g` reduced to `a`.
#[inline]
#[track_caller]
pub fn sub_d0<T: Target<G>, G: Cotangent>(t: T, g: G) -> T::Out {
    t.reduce_g(g)
}
/// `a - b`, cotangent of `b`: `-g` reduced to `b`.
#[inline]
#[track_caller]
pub fn sub_d1<T: Target<G>, G: Cotangent>(t: T, g: G) -> T::Out {
    t.reduce_g(-g)
}

// ---------------------------------------------------------------------------------------
// Both operands of `+` and `-` at once: one cotangent, two targets. The operand whose
// target takes the cotangent whole (same shape) gets `g` itself; the other is reduced from a
// borrow of it, so no copy of `g` is made unless both operands have the result's shape.

/// `a + b`, cotangents of both operands: `(g reduced to a, g reduced to b)`.
#[inline]
#[track_caller]
pub fn add_both<TA, TB, G>(ta: TA, tb: TB, g: G) -> (TA::Out, TB::Out)
where
    TA: Target<G>,
    TB: Target<G>,
    G: Cotangent,
{
    if let Some(g2) = g.scalar_copy() {
        return (ta.reduce_g(g2), tb.reduce_g(g));
    }
    if ta.whole(&g) && tb.whole(&g) {
        // Both operands have the result's shape: one copy, with static types throughout.
        return (ta.reduce_g(g.clone()), tb.reduce_g(g));
    }
    if tb.whole(&g) {
        let a = ta.reduce_view(g.cot_view());
        (a, tb.reduce_g(g))
    } else {
        let b = tb.reduce_view(g.cot_view());
        (ta.reduce_g(g), b)
    }
}

/// `a + b` of two arrays, both cotangents added into the operands' adjoints `d0`, `d1`: when
/// both operands have the result's shape, `g` is added (from a borrow) into an adjoint that
/// already holds a buffer and moved into the other, instead of copied for one of them (the
/// reverse of `w h + u x` in a recurrent step allocated a copy per step); otherwise as
/// [`add_both`].
#[inline]
#[track_caller]
pub fn acc_add_both<TA, TB, G, F, D0, D1>(
    d0: &mut Array<F, D0>,
    d1: &mut Array<F, D1>,
    ta: TA,
    tb: TB,
    g: G,
) where
    TA: Target<G, Out = Array<F, D0>>,
    TB: Target<G, Out = Array<F, D1>>,
    G: Cotangent<Elem = F>,
    F: TensorFloat,
    D0: Dimension,
    D1: Dimension,
{
    use crate::traits::Accumulate;
    if g.scalar_copy().is_none() && ta.whole(&g) && tb.whole(&g) {
        if add_in_place(d1, &g) {
            d0.accumulate(ta.reduce_g(g));
            return;
        }
        if add_in_place(d0, &g) {
            d1.accumulate(tb.reduce_g(g));
            return;
        }
    }
    let (a, b) = add_both(ta, tb, g);
    d0.accumulate(a);
    d1.accumulate(b);
}

/// `d += g` in place when `d` holds a buffer (it is not the empty zero marker) of `g`'s
/// shape; `false`, with `d` untouched, otherwise.
#[inline]
fn add_in_place<F: TensorFloat, D: Dimension, G: CotRef<Elem = F>>(
    d: &mut Array<F, D>,
    g: &G,
) -> bool {
    if d.is_empty() {
        return false;
    }
    match g.cot_view_as::<D>() {
        Some(gv) if gv.shape() == d.shape() => {
            *d += &gv;
            true
        }
        _ => false,
    }
}

/// `a - b`, cotangents of both operands: `(g reduced to a, -g reduced to b)`.
#[inline]
#[track_caller]
pub fn sub_both<TA, TB, G>(ta: TA, tb: TB, g: G) -> (TA::Out, TB::Out)
where
    TA: Target<G>,
    TB: Target<G>,
    TB::Out: core::ops::Neg<Output = TB::Out>,
    G: Cotangent,
{
    if let Some(g2) = g.scalar_copy() {
        return (ta.reduce_g(g2), tb.reduce_g(-g));
    }
    if ta.whole(&g) && tb.whole(&g) {
        return (ta.reduce_g(g.clone()), tb.reduce_g(-g));
    }
    if tb.whole(&g) {
        let a = ta.reduce_view(g.cot_view());
        (a, tb.reduce_g(-g))
    } else {
        let b = tb.reduce_view(g.cot_view());
        (ta.reduce_g(g), -b)
    }
}

// ---------------------------------------------------------------------------------------
// y = -a;  ā -= ȳ
/// `-a`, cotangent of `a`: `-g`.
#[inline]
pub fn neg_d0<G: Cotangent>(g: G) -> G {
    -g
}

// ---------------------------------------------------------------------------------------
// y = a ⊙ b;  ā += unbroadcast(ȳ ⊙ b);  b̄ += unbroadcast(a ⊙ ȳ)
/// `a * b`, cotangent of `a`: `g * b` reduced to `a`.
#[inline]
#[track_caller]
pub fn mul_d0<T, B, G>(t: T, b: &B, g: G) -> T::Out
where
    T: Target<G>,
    B: Value<Elem = G::Elem> + ?Sized,
    G: Cotangent,
{
    t.reduce(zip1(g.into_dyn_cot(), &b.dyn_val(), |g, b| g * b))
}
/// `a * b`, cotangent of `b`: `a * g` reduced to `b`.
#[inline]
#[track_caller]
pub fn mul_d1<T, A, G>(t: T, a: &A, g: G) -> T::Out
where
    T: Target<G>,
    A: Value<Elem = G::Elem> + ?Sized,
    G: Cotangent,
{
    t.reduce(zip1(g.into_dyn_cot(), &a.dyn_val(), |g, a| a * g))
}

/// `a * b`, cotangents of both operands from one `g` (both differentiated): the one that
/// does not take `g`'s shape whole (a broadcast operand, or `b` when both do) gets its part
/// from a borrow of `g`, the other is computed in place in `g`. Equal to `mul_d0` and
/// `mul_d1` of a copy of `g`, without the copy.
#[inline]
#[track_caller]
pub fn mul_both<TA, TB, A, B, G>(ta: TA, tb: TB, a: &A, b: &B, g: G) -> (TA::Out, TB::Out)
where
    TA: Target<G>,
    TB: Target<G>,
    A: Value<Elem = G::Elem> + ?Sized,
    B: Value<Elem = G::Elem> + ?Sized,
    G: Cotangent,
{
    if let Some(g2) = g.scalar_copy() {
        return (mul_d0(ta, b, g2), mul_d1(tb, a, g));
    }
    if tb.whole(&g) && !ta.whole(&g) {
        let ga = ta.reduce_zip(g.cot_view(), &b.dyn_val(), None, |g, b, _| g * b);
        (ga, mul_d1(tb, a, g))
    } else {
        let gb = tb.reduce_zip(g.cot_view(), &a.dyn_val(), None, |g, a, _| a * g);
        (mul_d0(ta, b, g), gb)
    }
}

/// `a / b`, cotangents of both operands from one `g` (see [`mul_both`]).
#[inline]
#[track_caller]
pub fn div_both<TA, TB, A, B, G>(ta: TA, tb: TB, a: &A, b: &B, g: G) -> (TA::Out, TB::Out)
where
    TA: Target<G>,
    TB: Target<G>,
    A: Value<Elem = G::Elem> + ?Sized,
    B: Value<Elem = G::Elem> + ?Sized,
    G: Cotangent,
{
    if let Some(g2) = g.scalar_copy() {
        return (div_d0(ta, b, g2), div_d1(tb, a, b, g));
    }
    if tb.whole(&g) && !ta.whole(&g) {
        let ga = ta.reduce_zip(g.cot_view(), &b.dyn_val(), None, |g, b, _| g / b);
        (ga, div_d1(tb, a, b, g))
    } else {
        let bv = b.dyn_val();
        if let Some(r) = broadcast_recip(&bv, g.cot_shape()) {
            // `b` is broadcast (a per-row statistic): its reciprocals, once per element of
            // `b`, turn both parts' divisions into products.
            let r = DynVal::Array(r.view());
            let gb = tb.reduce_zip(g.cot_view(), &a.dyn_val(), Some(&r), div_b_recip);
            return (ta.reduce(zip1(g.into_dyn_cot(), &r, |g, r| g * r)), gb);
        }
        let gb = tb.reduce_zip(g.cot_view(), &a.dyn_val(), Some(&bv), |g, a, b| {
            let q = a / b;
            if q.is_infinite() {
                return <G::Elem as num_traits::Zero>::zero();
            }
            crate::rules::scalar::zero_or(g, |g| -(g * q) / b)
        });
        (div_d0(ta, b, g), gb)
    }
}

/// `1 / b` for a denominator smaller than the cotangent (broadcast along some axis), when
/// every reciprocal is a normal number: then `g / b = g r` and `-g a / b² = -(g (a r)) r`
/// to within rounding, without a division per element of the cotangent. `None` for a
/// full-size or scalar `b` (no fewer divisions to gain) and for a `b` with zero, infinite,
/// NaN or subnormal reciprocals (the divisions' own results there).
fn broadcast_recip<F: TensorFloat>(
    b: &DynVal<'_, F>,
    g_shape: Option<&[usize]>,
) -> Option<ArrayD<F>> {
    let (DynVal::Array(b), Some(g_shape)) = (b, g_shape) else {
        return None;
    };
    let g_len: usize = g_shape.iter().product();
    if b.len() >= g_len {
        return None;
    }
    let r = b.mapv(|b| b.recip());
    if !r.iter().all(|r| r.is_normal()) {
        return None;
    }
    Some(r)
}

/// `-g a / b²` from `r = 1 / b`, as `div_d1`'s scalar rule: zero where the quotient is
/// infinite.
///
/// Written without branches (the compiler selects, and the row sums vectorise): with `r`
/// normal and `q` finite the product is NaN only for a NaN `g` (kept) or an infinite `g`
/// against `q = 0` (`zero_or`'s zero slope: 0).
#[inline(always)]
fn div_b_recip<F: TensorFloat>(g: F, a: F, r: F) -> F {
    let q = a * r;
    let v = -(g * q) * r;
    let zero = q.is_infinite() | (g.is_infinite() & (q == F::zero()));
    if zero { F::zero() } else { v }
}

// y = a ⊙ a;  ā += unbroadcast(2 a ⊙ ȳ)
/// `a * a` (the same value on both sides), cotangent of `a`: `2 a g` in one pass (in place in
/// `g`), equal to `mul_d0 + mul_d1` (doubling is exact) without the second product and the
/// copy of `g` it would need.
#[inline]
#[track_caller]
pub fn square_d0<T, A, G>(t: T, a: &A, g: G) -> T::Out
where
    T: Target<G>,
    A: Value<Elem = G::Elem> + ?Sized,
    G: Cotangent,
{
    t.reduce(zip1(g.into_dyn_cot(), &a.dyn_val(), |g, a| {
        (g * a) + (g * a)
    }))
}

// ---------------------------------------------------------------------------------------
// y = a ⊘ b;  ā += unbroadcast(ȳ ⊘ b);  b̄ -= unbroadcast(ȳ ⊙ a ⊘ b²)
/// `a / b`, cotangent of `a`: `g / b` reduced to `a`.
#[inline]
#[track_caller]
pub fn div_d0<T, B, G>(t: T, b: &B, g: G) -> T::Out
where
    T: Target<G>,
    B: Value<Elem = G::Elem> + ?Sized,
    G: Cotangent,
{
    t.reduce(zip1(g.into_dyn_cot(), &b.dyn_val(), |g, b| g / b))
}
/// `a / b`, cotangent of `b`: `-g a / b²` reduced to `b`.
#[inline]
#[track_caller]
pub fn div_d1<T, A, B, G>(t: T, a: &A, b: &B, g: G) -> T::Out
where
    T: Target<G>,
    A: Value<Elem = G::Elem> + ?Sized,
    B: Value<Elem = G::Elem> + ?Sized,
    G: Cotangent,
{
    // As the scalar rule: an infinite quotient has slope zero; a zero cotangent stays zero.
    let c = zip2(g.into_dyn_cot(), &a.dyn_val(), &b.dyn_val(), |g, a, b| {
        let q = a / b;
        if q.is_infinite() {
            return <G::Elem as num_traits::Zero>::zero();
        }
        crate::rules::scalar::zero_or(g, |g| -(g * q) / b)
    });
    t.reduce(c)
}

// ---------------------------------------------------------------------------------------
// y = a % b = a - trunc(a / b) b;  ā += unbroadcast(ȳ);  b̄ -= unbroadcast(ȳ trunc(a / b))
/// `a % b`, cotangent of `a`: `g` reduced to `a`.
#[inline]
#[track_caller]
pub fn rem_d0<T: Target<G>, G: Cotangent>(t: T, g: G) -> T::Out {
    t.reduce_g(g)
}
/// `a % b`, cotangent of `b`: `-g trunc(a / b)` reduced to `b`.
#[inline]
#[track_caller]
pub fn rem_d1<T, A, B, G>(t: T, a: &A, b: &B, g: G) -> T::Out
where
    T: Target<G>,
    A: Value<Elem = G::Elem> + ?Sized,
    B: Value<Elem = G::Elem> + ?Sized,
    G: Cotangent,
{
    let c = zip2(g.into_dyn_cot(), &a.dyn_val(), &b.dyn_val(), |g, a, b| {
        crate::rules::arith::rem_d1(&a, &b, g)
    });
    t.reduce(c)
}
