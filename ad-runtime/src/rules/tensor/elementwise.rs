//! Elementwise float methods of arrays (`a.sin()`, `a.powf(p)`, `a.clamp(lo, hi)`, ...):
//! the scalar rule of the same name ([`crate::rules::scalar`]) applied element by element,
//! in place in `g`'s buffer. Each read value is an array of `g`'s shape or a scalar; the
//! result has `g`'s type. Same names and argument lists as the scalar rules.
//!
//! The rules with respect to a scalar argument of an array method (`p` in `a.powf(p)`,
//! `lo` in `a.clamp(lo, hi)`, ...) return the sum over the elements. The float methods that
//! arrays lack (`max`, `atan2`, `sin_cos`, ...) are here too, for receivers the macro cannot
//! prove scalar; they work elementwise like the others.

use super::cotangent::Cotangent;
use super::value::Value;
use super::zips::{zip1, zip2};
use crate::rules::scalar;
use crate::traits::Real;
use num_traits::FloatConst;

/// Defines `<op>_d0(v, g)` as the scalar rule `scalar::<op>_d0` mapped over `(v, g)`.
macro_rules! elementwise1 {
    ($($(#[$doc:meta])* $name:ident($v:ident);)*) => {$(
        $(#[$doc])*
        #[inline]
        #[track_caller]
        pub fn $name<X, G>($v: &X, g: G) -> G
        where
            X: Value + ?Sized,
            G: Cotangent<Elem = X::Elem>,
        {
            G::from_dyn_cot(zip1(g.into_dyn_cot(), &$v.dyn_val(), |g, v| scalar::$name(&v, g)))
        }
    )*};
}

/// Defines `<op>_d0(g)`: `g` times a constant.
macro_rules! elementwise0 {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[inline]
        pub fn $name<G: Cotangent>(g: G) -> G
        where
            G::Elem: FloatConst,
        {
            G::from_dyn_cot(g.into_dyn_cot().map(scalar::$name))
        }
    )*};
}

elementwise1! {
    // y = |x|;  x̄ += ȳ sign(x) (+1 at 0)
    /// `x.abs()`, needs `x`.
    abs_d0(x);
    // y = √x;  x̄ += ȳ / (2y)
    /// `x.sqrt()`, needs `y`.
    sqrt_d0(y);
    // y = ∛x;  x̄ += ȳ / (3y²)
    /// `x.cbrt()`, needs `y`.
    cbrt_d0(y);
    // y = eˣ;  x̄ += ȳ y
    /// `x.exp()`, needs `y`.
    exp_d0(y);
    // y = 2ˣ;  x̄ += ȳ y ln 2
    /// `x.exp2()`, needs `y`.
    exp2_d0(y);
    // y = eˣ - 1;  x̄ += ȳ eˣ
    /// `x.exp_m1()`, needs `x`.
    exp_m1_d0(x);
    // y = ln x;  x̄ += ȳ / x
    /// `x.ln()`, needs `x`.
    ln_d0(x);
    // y = log₂ x;  x̄ += ȳ / (x ln 2)
    /// `x.log2()`, needs `x`.
    log2_d0(x);
    // y = log₁₀ x;  x̄ += ȳ / (x ln 10)
    /// `x.log10()`, needs `x`.
    log10_d0(x);
    // y = ln(1 + x);  x̄ += ȳ / (1 + x)
    /// `x.ln_1p()`, needs `x`.
    ln_1p_d0(x);
    // y = sin x;  x̄ += ȳ cos x
    /// `x.sin()`, needs `x`.
    sin_d0(x);
    // y = cos x;  x̄ -= ȳ sin x
    /// `x.cos()`, needs `x`.
    cos_d0(x);
    // y = tan x;  x̄ += ȳ (1 + y²)
    /// `x.tan()`, needs `y`.
    tan_d0(y);
    // y = asin x;  x̄ += ȳ / √(1 - x²)
    /// `x.asin()`, needs `x`.
    asin_d0(x);
    // y = acos x;  x̄ -= ȳ / √(1 - x²)
    /// `x.acos()`, needs `x`.
    acos_d0(x);
    // y = atan x;  x̄ += ȳ / (1 + x²)
    /// `x.atan()`, needs `x`.
    atan_d0(x);
    // y = sinh x;  x̄ += ȳ cosh x
    /// `x.sinh()`, needs `x`.
    sinh_d0(x);
    // y = cosh x;  x̄ += ȳ sinh x
    /// `x.cosh()`, needs `x`.
    cosh_d0(x);
    // y = tanh x;  x̄ += ȳ (1 - y²)
    /// `x.tanh()`, needs `y`.
    tanh_d0(y);
    // y = asinh x;  x̄ += ȳ / hypot(x, 1)
    /// `x.asinh()`, needs `x`.
    asinh_d0(x);
    // y = acosh x;  x̄ += ȳ / (√(x - 1) √(x + 1))
    /// `x.acosh()`, needs `x`.
    acosh_d0(x);
    // y = atanh x;  x̄ += ȳ / (1 - x²)
    /// `x.atanh()`, needs `x`.
    atanh_d0(x);
    // y = 1/x;  x̄ -= ȳ y²
    /// `x.recip()`, needs `y`.
    recip_d0(y);
}

elementwise0! {
    // y = x · 180/π;  x̄ += ȳ · 180/π
    /// `x.to_degrees()`.
    to_degrees_d0;
    // y = x · π/180;  x̄ += ȳ · π/180
    /// `x.to_radians()`.
    to_radians_d0;
    // y = x - trunc x;  x̄ += ȳ (almost everywhere)
    /// `x.fract()`.
    fract_d0;
}

// y = x²;  x̄ += 2 ȳ x
/// `x.pow2()` (ndarray's square), needs `x`.
#[inline]
#[track_caller]
pub fn pow2_d0<X, G>(x: &X, g: G) -> G
where
    X: Value + ?Sized,
    G: Cotangent<Elem = X::Elem>,
{
    G::from_dyn_cot(zip1(g.into_dyn_cot(), &x.dyn_val(), |g, x| (g + g) * x))
}

// y = xⁿ (n: i32);  x̄ += ȳ n xⁿ⁻¹
/// `x.powi(n)` with respect to `x`, needs `x` and `n`.
#[inline]
#[track_caller]
pub fn powi_d0<X, G>(x: &X, n: &i32, g: G) -> G
where
    X: Value + ?Sized,
    G: Cotangent<Elem = X::Elem>,
{
    G::from_dyn_cot(zip1(g.into_dyn_cot(), &x.dyn_val(), |g, x| {
        scalar::powi_d0(&x, n, g)
    }))
}

// y = xᵖ (p scalar);  x̄ += ȳ p xᵖ⁻¹
/// `x.powf(p)` with respect to `x`, needs `x` and the scalar `p`.
#[inline]
#[track_caller]
pub fn powf_d0<X, P, G>(x: &X, p: &P, g: G) -> G
where
    X: Value + ?Sized,
    P: Real<F = X::Elem> + ?Sized,
    G: Cotangent<Elem = X::Elem>,
{
    let p = p.get();
    G::from_dyn_cot(zip1(g.into_dyn_cot(), &x.dyn_val(), |g, x| {
        scalar::powf_d0(&x, &p, g)
    }))
}

// y = log_b x (b scalar);  x̄ += ȳ / (x ln b)
/// `x.log(b)` with respect to `x`, needs `x` and the scalar `b`.
#[inline]
#[track_caller]
pub fn log_d0<X, B, G>(x: &X, base: &B, g: G) -> G
where
    X: Value + ?Sized,
    B: Real<F = X::Elem> + ?Sized,
    G: Cotangent<Elem = X::Elem>,
{
    let b = base.get();
    G::from_dyn_cot(zip1(g.into_dyn_cot(), &x.dyn_val(), |g, x| {
        scalar::log_d0(&x, &b, g)
    }))
}

// y = min(max(x, lo), hi) (lo, hi scalars);  x̄ += ȳ [lo < x < hi] (½ at ties, as JAX)
/// `x.clamp(lo, hi)` with respect to `x`, needs `x` and the scalars `lo`, `hi`.
#[inline]
#[track_caller]
pub fn clamp_d0<X, L, H, G>(x: &X, lo: &L, hi: &H, g: G) -> G
where
    X: Value + ?Sized,
    L: Real<F = X::Elem> + ?Sized,
    H: Real<F = X::Elem> + ?Sized,
    G: Cotangent<Elem = X::Elem>,
{
    let (lo, hi) = (lo.get(), hi.get());
    G::from_dyn_cot(zip1(g.into_dyn_cot(), &x.dyn_val(), |g, x| {
        scalar::clamp_d0(&x, &lo, &hi, g)
    }))
}

// h = √(x² + b²) (b scalar);  x̄ += ȳ x / h   (0 where h = 0)
/// `x.hypot(b)` with respect to `x`, needs `x` and `h` (the result).
#[inline]
#[track_caller]
pub fn hypot_d0<X, H, G>(x: &X, h: &H, g: G) -> G
where
    X: Value + ?Sized,
    H: Value<Elem = X::Elem> + ?Sized,
    G: Cotangent<Elem = X::Elem>,
{
    let c = zip2(g.into_dyn_cot(), &x.dyn_val(), &h.dyn_val(), |g, x, h| {
        scalar::hypot_d0(&x, &h, g)
    });
    G::from_dyn_cot(c)
}

// ---------------------------------------------------------------------------------------
// Rules with respect to a scalar argument of an array method: the sum over the elements.

// y = xᵖ;  p̄ += Σ ȳ y ln x   (0 where x = 0)
/// `x.powf(p)` with respect to the scalar `p`, needs `x` and `y`: a sum over the elements.
#[inline]
#[track_caller]
pub fn powf_d1<X, Y, G>(x: &X, y: &Y, g: G) -> X::Elem
where
    X: Value + ?Sized,
    Y: Value<Elem = X::Elem> + ?Sized,
    G: Cotangent<Elem = X::Elem>,
{
    zip2(g.into_dyn_cot(), &x.dyn_val(), &y.dyn_val(), |g, x, y| {
        scalar::powf_d1(&x, &y, g)
    })
    .sum()
}

// y = ln x / ln b;  b̄ -= Σ ȳ ln x / (b ln² b)
/// `x.log(b)` with respect to the scalar `b`, needs `x` and `b`: a sum over the elements.
#[inline]
#[track_caller]
pub fn log_d1<X, B, G>(x: &X, base: &B, g: G) -> X::Elem
where
    X: Value + ?Sized,
    B: Value<Elem = X::Elem> + ?Sized,
    G: Cotangent<Elem = X::Elem>,
{
    zip2(
        g.into_dyn_cot(),
        &x.dyn_val(),
        &base.dyn_val(),
        |g, x, b| scalar::log_d1(&x, &b, g),
    )
    .sum()
}

// h = √(x² + b²);  b̄ += Σ ȳ b / h   (0 where h = 0)
/// `x.hypot(b)` with respect to the scalar `b`, needs `b` and `h`: a sum over the elements.
#[inline]
#[track_caller]
pub fn hypot_d1<B, H, G>(b: &B, h: &H, g: G) -> B::Elem
where
    B: Value + ?Sized,
    H: Value<Elem = B::Elem> + ?Sized,
    G: Cotangent<Elem = B::Elem>,
{
    zip2(g.into_dyn_cot(), &b.dyn_val(), &h.dyn_val(), |g, b, h| {
        scalar::hypot_d1(&b, &h, g)
    })
    .sum()
}

// y = min(max(x, lo), hi);  lo̅ += Σ ȳ [x < lo] (½ at ties);  hi̅ += Σ ȳ [x > hi] (likewise)
/// `x.clamp(lo, hi)` with respect to the scalar `lo`: a sum over the elements.
#[inline]
#[track_caller]
pub fn clamp_d1<X, L, H, G>(x: &X, lo: &L, hi: &H, g: G) -> X::Elem
where
    X: Value + ?Sized,
    L: Real<F = X::Elem> + ?Sized,
    H: Real<F = X::Elem> + ?Sized,
    G: Cotangent<Elem = X::Elem>,
{
    let (lo, hi) = (lo.get(), hi.get());
    zip1(g.into_dyn_cot(), &x.dyn_val(), |g, x| {
        scalar::clamp_d1(&x, &lo, &hi, g)
    })
    .sum()
}
/// `x.clamp(lo, hi)` with respect to the scalar `hi`: a sum over the elements.
#[inline]
#[track_caller]
pub fn clamp_d2<X, L, H, G>(x: &X, lo: &L, hi: &H, g: G) -> X::Elem
where
    X: Value + ?Sized,
    L: Real<F = X::Elem> + ?Sized,
    H: Real<F = X::Elem> + ?Sized,
    G: Cotangent<Elem = X::Elem>,
{
    let (lo, hi) = (lo.get(), hi.get());
    zip1(g.into_dyn_cot(), &x.dyn_val(), |g, x| {
        scalar::clamp_d2(&x, &lo, &hi, g)
    })
    .sum()
}

// ---------------------------------------------------------------------------------------
// Float methods arrays do not have, for receivers not proven scalar: elementwise.

/// Defines `<op>_d<k>(a, b, g)` as the scalar rule mapped over `(a, b, g)`.
macro_rules! elementwise2 {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[inline]
        #[track_caller]
        pub fn $name<A, B, G>(a: &A, b: &B, g: G) -> G
        where
            A: Value + ?Sized,
            B: Value<Elem = A::Elem> + ?Sized,
            G: Cotangent<Elem = A::Elem>,
        {
            let c = zip2(g.into_dyn_cot(), &a.dyn_val(), &b.dyn_val(), |g, a, b| {
                scalar::$name(&a, &b, g)
            });
            G::from_dyn_cot(c)
        }
    )*};
}

elementwise2! {
    // y = max(a, b);  ā += ȳ [a > b] (½ at a tie);  b̄ likewise
    /// `a.max(b)` with respect to `a`, needs `a` and `b`.
    max_d0;
    /// `a.max(b)` with respect to `b`, needs `a` and `b`.
    max_d1;
    // y = min(a, b);  ā += ȳ [a < b] (½ at a tie);  b̄ likewise
    /// `a.min(b)` with respect to `a`, needs `a` and `b`.
    min_d0;
    /// `a.min(b)` with respect to `b`, needs `a` and `b`.
    min_d1;
    // y = atan2(a, b);  ā += ȳ b / (a² + b²);  b̄ -= ȳ a / (a² + b²)
    /// `a.atan2(b)` with respect to `a`, needs `a` and `b`.
    atan2_d0;
    /// `a.atan2(b)` with respect to `b`, needs `a` and `b`.
    atan2_d1;
    // y = |x| sign(b);  x̄ += ȳ sign(x) sign(b);  b̄ += 0
    /// `x.copysign(b)` with respect to `x`, needs `x` and `b`.
    copysign_d0;
    /// `x.copysign(b)` with respect to `b`: zero almost everywhere.
    copysign_d1;
}

// y = x a + b;  x̄ += ȳ a;  ā += ȳ x;  b̄ += ȳ
/// `x.mul_add(a, b)` with respect to `x`, needs `a`.
#[inline]
#[track_caller]
pub fn mul_add_d0<A, G>(a: &A, g: G) -> G
where
    A: Value + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    G::from_dyn_cot(zip1(g.into_dyn_cot(), &a.dyn_val(), |g, a| g * a))
}
/// `x.mul_add(a, b)` with respect to `a`, needs `x`.
#[inline]
#[track_caller]
pub fn mul_add_d1<X, G>(x: &X, g: G) -> G
where
    X: Value + ?Sized,
    G: Cotangent<Elem = X::Elem>,
{
    G::from_dyn_cot(zip1(g.into_dyn_cot(), &x.dyn_val(), |g, x| g * x))
}
/// `x.mul_add(a, b)` with respect to `b`.
#[inline(always)]
pub fn mul_add_d2<G: Cotangent>(g: G) -> G {
    g
}

// (s, c) = (sin x, cos x);  x̄ += s̄ cos x - c̄ sin x
/// `x.sin_cos()`, needs `x`; the cotangent is a pair.
#[inline]
#[track_caller]
pub fn sin_cos_d0<X, G>(x: &X, g: (G, G)) -> G
where
    X: Value + ?Sized,
    G: Cotangent<Elem = X::Elem>,
{
    let x = x.dyn_val();
    let s = zip1(g.0.into_dyn_cot(), &x, |g, x| scalar::sin_d0(&x, g));
    let c = zip1(g.1.into_dyn_cot(), &x, |g, x| scalar::cos_d0(&x, g));
    G::from_dyn_cot(s + c)
}
