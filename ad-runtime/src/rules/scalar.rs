//! Float methods of `f64`/`f32` (method form `x.sin()` and path form `f64::sin(x)` alike).
//!
//! Conventions at points where the derivative is not defined follow JAX:
//! - `abs`: derivative `1` at `x >= 0` (so `+1` at `0`), `-1` below.
//! - `max`/`min`: at ties the cotangent is split evenly, `g/2` to each operand (the central
//!   difference's value); against a NaN the operand returned (the other one) gets all of it.
//!   A fold of maxima (`fold(f64::NEG_INFINITY, f64::max)`, or `m = m.max(x[i])` in a loop)
//!   is a chain of these, so three equal values get `¼, ¼, ½`.
//! - `clamp(x, lo, hi)` is `min(max(x, lo), hi)` for differentiation (ties split evenly).
//! - `floor`, `ceil`, `round`, `round_ties_even`, `trunc`, `signum`: derivative zero almost
//!   everywhere; the macro treats their results as constants, so no rule is needed.
//! - `fract` = `x - trunc(x)`: derivative `1` almost everywhere.
//! - `powf(x, p)` with respect to `p` is `y ln x`, taken as `0` where `x == 0`.
//! - `hypot(a, b)` at `a = b = 0`: zero cotangent.

use crate::traits::Real;
use num_traits::{Float, FloatConst, One, Zero};

/// Defines `<op>_d0(v, g)` rules that read one primal value `v` (the operand or the output,
/// as the rule's comment says) and return `g * f'(...)`.
macro_rules! rule1 {
    // `guarded`: a zero cotangent stays zero whatever the slope (see `zero_or`); `bounded`:
    // rules whose slope is bounded (`sin`, `cos`, `tanh`, `atan`, `abs`, ...), where
    // `g · f'(x)` is never `0 · ∞`, so no guard (forward mode calls the same rules on
    // tangents, and a guard costs there: see `zero_or`).
    ($mode:ident: $($(#[$doc:meta])* $name:ident($v:ident) => $body:expr;)*) => {$(
        $(#[$doc])*
        #[inline(always)]
        pub fn $name<X: Real>($v: &X, g: X::F) -> X::F
        where
            X::F: FloatConst,
        {
            #[allow(unused_variables)]
            let $v = $v.get();
            rule1!(@apply $mode, g, $body)
        }
    )*};
    (@apply guarded, $g:ident, $body:expr) => { zero_or($g, $body) };
    (@apply bounded, $g:ident, $body:expr) => { $body($g) };
}

/// `rule(g)`, or `g` itself when `g` is exactly zero and the rule gave NaN (a value that does
/// not reach the result): `0 · ∞` would make the gradient NaN where the slope has overflowed
/// (`exp` of a value that grew past 709, `ln` or `sqrt` at 0) although the value was not used.
/// The dual numbers of forward mode keep zero tangents zero the same way (`Dual::chain`).
///
/// Likewise an infinite `g` whose rule gave NaN met an exactly zero slope (`∞ · 0`: a tangent
/// that overflowed, `e^{800}`, through `recip`, `powi`, `exp` of `-∞`, whose values are flat
/// there): the result is zero. A finite `g` keeps a NaN rule (a slope outside the domain,
/// where the value is NaN too).
///
/// The rule is evaluated unconditionally and only its NaN result replaced: branching on `g`
/// first would move the slope's computation into a branch of its own, and `sin` and its slope
/// `cos` at the same point would no longer be one `sincos` (forward mode's `jvp` of a sine
/// measured 50% slower that way).
#[inline(always)]
pub(crate) fn zero_or<F: Float>(g: F, rule: impl FnOnce(F) -> F) -> F {
    let r = rule(g);
    if r.is_nan() && (g.is_zero() || g.is_infinite()) {
        if g.is_zero() { g } else { F::zero() }
    } else {
        r
    }
}

/// Defines `<op>_d0(g)` rules that read no primal value.
macro_rules! rule0 {
    ($($(#[$doc:meta])* $name:ident => $body:expr;)*) => {$(
        $(#[$doc])*
        #[inline(always)]
        pub fn $name<T: Float + FloatConst>(g: T) -> T {
            $body(g)
        }
    )*};
}

fn two<T: Float>() -> T {
    T::one() + T::one()
}

rule1! { guarded:
    // y = √x;  x̄ += ȳ / (2y)
    /// `x.sqrt()`, needs `y`.
    sqrt_d0(y) => |g: X::F| g / (two::<X::F>() * y);
    // y = ∛x;  x̄ += ȳ / (3y²)
    /// `x.cbrt()`, needs `y`.
    cbrt_d0(y) => |g: X::F| g / ((two::<X::F>() + X::F::one()) * y * y);
    // y = eˣ;  x̄ += ȳ y
    /// `x.exp()`, needs `y`.
    exp_d0(y) => |g: X::F| g * y;
    // y = 2ˣ;  x̄ += ȳ y ln 2
    /// `x.exp2()`, needs `y`.
    exp2_d0(y) => |g: X::F| g * y * X::F::LN_2();
    // y = eˣ - 1;  x̄ += ȳ eˣ  (not `ȳ (y + 1)`: for x ≪ 0, y + 1 rounds to 0)
    /// `x.exp_m1()`, needs `x`.
    exp_m1_d0(x) => |g: X::F| g * x.exp();
    // y = ln x;  x̄ += ȳ / x
    /// `x.ln()`, needs `x`.
    ln_d0(x) => |g: X::F| g / x;
    // y = log₂ x;  x̄ += ȳ / (x ln 2)
    /// `x.log2()`, needs `x`.
    log2_d0(x) => |g: X::F| g / (x * X::F::LN_2());
    // y = log₁₀ x;  x̄ += ȳ / (x ln 10)
    /// `x.log10()`, needs `x`.
    log10_d0(x) => |g: X::F| g / (x * X::F::LN_10());
    // y = ln(1 + x);  x̄ += ȳ / (1 + x)
    /// `x.ln_1p()`, needs `x`.
    ln_1p_d0(x) => |g: X::F| g / (X::F::one() + x);
    // y = tan x;  x̄ += ȳ (1 + y²)
    /// `x.tan()`, needs `y`.
    tan_d0(y) => |g: X::F| g * (X::F::one() + y * y);
    // y = asin x;  x̄ += ȳ / √(1 - x²)
    /// `x.asin()`, needs `x`.
    asin_d0(x) => |g: X::F| g / (X::F::one() - x * x).sqrt();
    // y = acos x;  x̄ -= ȳ / √(1 - x²)
    /// `x.acos()`, needs `x`.
    acos_d0(x) => |g: X::F| -g / (X::F::one() - x * x).sqrt();
    // y = sinh x;  x̄ += ȳ cosh x
    /// `x.sinh()`, needs `x`.
    sinh_d0(x) => |g: X::F| g * x.cosh();
    // y = cosh x;  x̄ += ȳ sinh x
    /// `x.cosh()`, needs `x`.
    cosh_d0(x) => |g: X::F| g * x.sinh();
    // y = acosh x;  x̄ += ȳ / (√(x - 1) √(x + 1))  (`x² - 1` overflows for large x)
    /// `x.acosh()`, needs `x`.
    acosh_d0(x) => |g: X::F| g / ((x - X::F::one()).sqrt() * (x + X::F::one()).sqrt());
    // y = atanh x;  x̄ += ȳ / (1 - x²)
    /// `x.atanh()`, needs `x`.
    atanh_d0(x) => |g: X::F| g / (X::F::one() - x * x);
    // y = 1/x;  x̄ -= ȳ y²
    /// `x.recip()`, needs `y`.
    recip_d0(y) => |g: X::F| -g * y * y;
}

rule1! { bounded:
    // y = |x|;  x̄ += ȳ (x >= 0), -ȳ (x < 0)
    /// `x.abs()`, needs `x`.
    abs_d0(x) => |g: X::F| if x >= X::F::zero() { g } else { -g };
    // y = sin x;  x̄ += ȳ cos x
    /// `x.sin()`, needs `x`.
    sin_d0(x) => |g: X::F| g * x.cos();
    // y = cos x;  x̄ -= ȳ sin x
    /// `x.cos()`, needs `x`.
    cos_d0(x) => |g: X::F| -g * x.sin();
    // y = atan x;  x̄ += ȳ / (1 + x²)
    /// `x.atan()`, needs `x`.
    atan_d0(x) => |g: X::F| g / (X::F::one() + x * x);
    // y = tanh x;  x̄ += ȳ (1 - y²)
    /// `x.tanh()`, needs `y`.
    tanh_d0(y) => |g: X::F| g * (X::F::one() - y * y);
    // y = asinh x;  x̄ += ȳ / √(x² + 1), as `hypot(x, 1)` (`x²` overflows for large x)
    /// `x.asinh()`, needs `x`.
    asinh_d0(x) => |g: X::F| g / x.hypot(X::F::one());
    // y = x a + b;  x̄ += ȳ a
    /// `x.mul_add(a, b)` with respect to `x`, needs `a`.
    mul_add_d0(a) => |g: X::F| g * a;
    // y = x a + b;  ā += x ȳ
    /// `x.mul_add(a, b)` with respect to `a`, needs `x`.
    mul_add_d1(x) => |g: X::F| g * x;
}

rule0! {
    // y = x a + b;  b̄ += ȳ
    /// `x.mul_add(a, b)` with respect to `b`.
    mul_add_d2 => |g: T| g;
    // y = x · 180/π;  x̄ += ȳ · 180/π
    /// `x.to_degrees()`.
    to_degrees_d0 => |g: T| g * (<T as num_traits::NumCast>::from(180.0).unwrap() / T::PI());
    // y = x · π/180;  x̄ += ȳ · π/180
    /// `x.to_radians()`.
    to_radians_d0 => |g: T| g * (T::PI() / <T as num_traits::NumCast>::from(180.0).unwrap());
    // y = x - trunc x;  x̄ += ȳ (almost everywhere)
    /// `x.fract()`.
    fract_d0 => |g: T| g;
}

// y = xⁿ (n: i32);  x̄ += ȳ n xⁿ⁻¹
/// `x.powi(n)` with respect to `x`, needs `x` and `n`.
#[inline(always)]
pub fn powi_d0<X: Real>(x: &X, n: &i32, g: X::F) -> X::F {
    let n = *n;
    if n == 0 {
        return X::F::zero();
    }
    zero_or(g, |g| {
        g * <X::F as num_traits::NumCast>::from(n).unwrap() * x.get().powi(n - 1)
    })
}

// y = xᵖ;  x̄ += ȳ p xᵖ⁻¹
/// `x.powf(p)` with respect to `x`, needs `x` and `p`.
#[inline(always)]
pub fn powf_d0<X: Real, P: Real<F = X::F>>(x: &X, p: &P, g: X::F) -> X::F {
    let p = p.get();
    if p.is_zero() {
        return X::F::zero();
    }
    zero_or(g, |g| g * p * x.get().powf(p - X::F::one()))
}

// y = xᵖ;  p̄ += ȳ y ln x   (0 where x = 0, as JAX)
/// `x.powf(p)` with respect to `p`, needs `x` and `y`.
#[inline(always)]
pub fn powf_d1<X: Real, Y: Real<F = X::F>>(x: &X, y: &Y, g: X::F) -> X::F {
    let x = x.get();
    if x == X::F::zero() {
        return X::F::zero();
    }
    zero_or(g, |g| g * y.get() * x.ln())
}

// y = log_b x = ln x / ln b;  x̄ += ȳ / (x ln b)
/// `x.log(b)` with respect to `x`, needs `x` and `b`.
#[inline(always)]
pub fn log_d0<X: Real, B: Real<F = X::F>>(x: &X, b: &B, g: X::F) -> X::F {
    zero_or(g, |g| g / (x.get() * b.get().ln()))
}

// y = ln x / ln b;  b̄ -= ȳ ln x / (b ln² b)
/// `x.log(b)` with respect to `b`, needs `x` and `b`.
#[inline(always)]
pub fn log_d1<X: Real, B: Real<F = X::F>>(x: &X, b: &B, g: X::F) -> X::F {
    let b = b.get();
    let lb = b.ln();
    zero_or(g, |g| -g * x.get().ln() / (b * lb * lb))
}

// y = atan2(a, b);  ā += ȳ b / (a² + b²);  b̄ -= ȳ a / (a² + b²)
/// `a.atan2(b)` with respect to `a`, needs `a` and `b`.
#[inline(always)]
pub fn atan2_d0<A: Real, B: Real<F = A::F>>(a: &A, b: &B, g: A::F) -> A::F {
    // Through `h = hypot(a, b)`, not `a² + b²`, which overflows or underflows far sooner.
    let (a, b) = (a.get(), b.get());
    let h = a.hypot(b);
    // At the origin (undefined), a zero cotangent gives zero (`0 · atan2(y, x)`).
    zero_or(g, |g| g * (b / h) / h)
}
/// `a.atan2(b)` with respect to `b`, needs `a` and `b`.
#[inline(always)]
pub fn atan2_d1<A: Real, B: Real<F = A::F>>(a: &A, b: &B, g: A::F) -> A::F {
    let (a, b) = (a.get(), b.get());
    let h = a.hypot(b);
    zero_or(g, |g| -(g * (a / h)) / h)
}

// h = √(a² + b²);  ā += ȳ a / h;  b̄ += ȳ b / h   (0 at a = b = 0)
/// `a.hypot(b)` with respect to `a`, needs `a` and `h`.
#[inline(always)]
pub fn hypot_d0<A: Real, H: Real<F = A::F>>(a: &A, h: &H, g: A::F) -> A::F {
    let h = h.get();
    if h == A::F::zero() {
        A::F::zero()
    } else {
        // (`a / h` first: `|a / h| ≤ 1`, where `g · a` may overflow.)
        g * (a.get() / h)
    }
}
/// `a.hypot(b)` with respect to `b`, needs `b` and `h`.
#[inline(always)]
pub fn hypot_d1<B: Real, H: Real<F = B::F>>(b: &B, h: &H, g: B::F) -> B::F {
    hypot_d0(b, h, g)
}

/// Weight of `a` in `max(a, b)`: 1 if it wins, ½ at a tie, 0 otherwise. Against a NaN,
/// `f64::max` returns the other operand, which then gets the whole cotangent (`a` wins when
/// `b` is NaN and `a` is not).
#[inline(always)]
fn max_weight<T: Float>(a: T, b: T) -> T {
    if a > b || (b.is_nan() && !a.is_nan()) {
        T::one()
    } else if a == b {
        T::one() / two::<T>()
    } else {
        T::zero()
    }
}

/// Weight of `a` in `min(a, b)`: 1 if it wins, ½ at a tie, 0 otherwise (all of it when `b`
/// is NaN and `a` is not, as for [`max_weight`]).
#[inline(always)]
fn min_weight<T: Float>(a: T, b: T) -> T {
    if a < b || (b.is_nan() && !a.is_nan()) {
        T::one()
    } else if a == b {
        T::one() / two::<T>()
    } else {
        T::zero()
    }
}

/// `g` times a selection weight (0, ½ or 1), exactly zero where the weight is: an operand
/// that `max`/`min`/`clamp` did not select gets nothing, also when `g` is infinite (the
/// cotangent of `v.max(0.0).sqrt()` at `v < 0`, where `√` has an infinite slope at 0: the
/// composition is constant there), as forward mode's zero tangents do.
#[inline(always)]
fn selected<T: Float>(g: T, w: T) -> T {
    if w == T::zero() { T::zero() } else { g * w }
}

// y = max(a, b);  ā += ȳ [a > b] (½ at a tie);  b̄ likewise
/// `a.max(b)` with respect to `a`, needs `a` and `b`.
#[inline(always)]
pub fn max_d0<A: Real, B: Real<F = A::F>>(a: &A, b: &B, g: A::F) -> A::F {
    selected(g, max_weight(a.get(), b.get()))
}
/// `a.max(b)` with respect to `b`, needs `a` and `b`.
#[inline(always)]
pub fn max_d1<A: Real, B: Real<F = A::F>>(a: &A, b: &B, g: A::F) -> A::F {
    selected(g, max_weight(b.get(), a.get()))
}
// y = min(a, b);  ā += ȳ [a < b] (½ at a tie);  b̄ likewise
/// `a.min(b)` with respect to `a`, needs `a` and `b`.
#[inline(always)]
pub fn min_d0<A: Real, B: Real<F = A::F>>(a: &A, b: &B, g: A::F) -> A::F {
    selected(g, min_weight(a.get(), b.get()))
}
/// `a.min(b)` with respect to `b`, needs `a` and `b`.
#[inline(always)]
pub fn min_d1<A: Real, B: Real<F = A::F>>(a: &A, b: &B, g: A::F) -> A::F {
    selected(g, min_weight(b.get(), a.get()))
}

// y = min(max(x, lo), hi);  each operand gets ȳ times its weight through max then min
/// Weights of `(x, lo, hi)` in `clamp(x, lo, hi) = min(max(x, lo), hi)`.
#[inline(always)]
fn clamp_weights<T: Float>(x: T, lo: T, hi: T) -> (T, T, T) {
    let m = x.max(lo);
    let through_m = min_weight(m, hi); // weight of m in min(m, hi)
    (
        through_m * max_weight(x, lo),
        through_m * max_weight(lo, x),
        min_weight(hi, m),
    )
}
/// `x.clamp(lo, hi)` with respect to `x`, needs `x`, `lo`, `hi`.
#[inline(always)]
pub fn clamp_d0<X: Real, L: Real<F = X::F>, H: Real<F = X::F>>(
    x: &X,
    lo: &L,
    hi: &H,
    g: X::F,
) -> X::F {
    selected(g, clamp_weights(x.get(), lo.get(), hi.get()).0)
}
/// `x.clamp(lo, hi)` with respect to `lo`, needs `x`, `lo`, `hi`.
#[inline(always)]
pub fn clamp_d1<X: Real, L: Real<F = X::F>, H: Real<F = X::F>>(
    x: &X,
    lo: &L,
    hi: &H,
    g: X::F,
) -> X::F {
    selected(g, clamp_weights(x.get(), lo.get(), hi.get()).1)
}
/// `x.clamp(lo, hi)` with respect to `hi`, needs `x`, `lo`, `hi`.
#[inline(always)]
pub fn clamp_d2<X: Real, L: Real<F = X::F>, H: Real<F = X::F>>(
    x: &X,
    lo: &L,
    hi: &H,
    g: X::F,
) -> X::F {
    selected(g, clamp_weights(x.get(), lo.get(), hi.get()).2)
}

// (s, c) = (sin x, cos x);  x̄ += s̄ cos x - c̄ sin x
/// `x.sin_cos()`, needs `x`; the cotangent is a pair.
#[inline(always)]
pub fn sin_cos_d0<X: Real>(x: &X, g: (X::F, X::F)) -> X::F {
    let (s, c) = x.get().sin_cos();
    g.0 * c - g.1 * s
}

// y = |x| sign(b);  x̄ += ȳ sign(x) sign(b) (almost everywhere; +1 for x = +0 like abs);  b̄ += 0
/// `x.copysign(b)` with respect to `x`, needs `x` and `b`.
#[inline(always)]
pub fn copysign_d0<X: Real, B: Real<F = X::F>>(x: &X, b: &B, g: X::F) -> X::F {
    let sx = if x.get() >= X::F::zero() {
        X::F::one()
    } else {
        -X::F::one()
    };
    g * sx * X::F::one().copysign(b.get())
}

/// `x.copysign(b)` with respect to `b`: zero almost everywhere.
#[inline(always)]
pub fn copysign_d1<X: Real, B: Real<F = X::F>>(_x: &X, _b: &B, _g: X::F) -> X::F {
    X::F::zero()
}
