//! Dual numbers: the scalar type that second-order derivatives run the reverse sweep on.
//!
//! `f_hvp` is forward over reverse: the macro emits the reverse sweep once more with every
//! float replaced by [`Dual`] (the "types over source" design), so one reverse sweep on
//! duals carries the directional derivative of every gradient entry along `v`: the real
//! parts are the gradient, the tangent parts `H·v`. Every scalar rule of
//! [`rules::scalar`](crate::rules::scalar) is generic over `num_traits::Float`, and `Dual`
//! is one, so the rules need no second version.
//!
//! The type is small on purpose (num-dual's duals carry nalgebra, too heavy for the debug
//! builds of every user): arithmetic with `Dual` and with a plain float on the right (not on
//! the left: impls on `f64` itself would change type inference in every user's crate), the
//! float methods as inherent methods (so `x.sin()` needs no trait in scope), `num_traits`'
//! `Float` and `FloatConst`, and the crate's own traits.
//!
//! Conventions where a derivative is not defined are those of the reverse rules, so that
//! the tangent of the reverse sweep is the derivative of what it computes: `max`/`min`
//! split the tangent evenly at ties and give all of it to the operand returned against a
//! NaN; `abs` has slope `+1` at `0`; `floor`, `round`, ... have slope `0`.

use crate::traits::{Accumulate, Differentiable, Real};
use core::cmp::Ordering;
use core::ops::{
    Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
};
use num_traits::Float;

/// A dual number `re + eps·ε` with `ε² = 0`: a value and its directional derivative.
///
/// Comparisons (`<`, `==`, `max`, ...) look at the value only, so control flow on duals
/// follows the same branches as on the plain floats.
#[derive(Clone, Copy, Debug, Default)]
pub struct Dual<F> {
    /// The value.
    pub re: F,
    /// The tangent (derivative along the chosen direction).
    pub eps: F,
}

impl<F: Float> Dual<F> {
    /// `re + eps·ε`.
    #[inline(always)]
    pub fn new(re: F, eps: F) -> Self {
        Dual { re, eps }
    }

    /// A constant: tangent zero.
    #[inline(always)]
    pub fn cst(re: F) -> Self {
        Dual { re, eps: F::zero() }
    }

    /// `f(self)` given `f`'s value and slope. A zero tangent stays zero whatever the slope
    /// (`sqrt` of a variance that is exactly zero has an infinite slope, and `0 · ∞` would
    /// make the tangent NaN where the reverse rules give a finite derivative).
    #[inline(always)]
    fn chain(self, re: F, slope: F) -> Self {
        // Likewise a zero slope gives a zero tangent whatever the tangent (`recip` or
        // `exp(-·)` of an overflowed `exp`, whose slope rounds to 0 while the tangent is
        // infinite: the function is flat there), as the reverse rules' selections do.
        let eps = if self.eps == F::zero() || slope == F::zero() {
            F::zero()
        } else {
            self.eps * slope
        };
        Dual { re, eps }
    }
}

impl<F: Float> From<F> for Dual<F> {
    #[inline(always)]
    fn from(re: F) -> Self {
        Dual::cst(re)
    }
}

// ---- arithmetic -------------------------------------------------------------------------

impl<F: Float> Add for Dual<F> {
    type Output = Self;
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        Dual {
            re: self.re + o.re,
            eps: self.eps + o.eps,
        }
    }
}
impl<F: Float> Sub for Dual<F> {
    type Output = Self;
    #[inline(always)]
    fn sub(self, o: Self) -> Self {
        Dual {
            re: self.re - o.re,
            eps: self.eps - o.eps,
        }
    }
}
impl<F: Float> Mul for Dual<F> {
    type Output = Self;
    #[inline(always)]
    fn mul(self, o: Self) -> Self {
        Dual {
            re: self.re * o.re,
            eps: self.eps * o.re + self.re * o.eps,
        }
    }
}
impl<F: Float> Div for Dual<F> {
    type Output = Self;
    #[inline(always)]
    fn div(self, o: Self) -> Self {
        let re = self.re / o.re;
        // An infinite quotient is locally constant (see `rules::arith::div_d1`): slope zero
        // (also where `re · ε_o` would be `∞ · 0`); so is a finite numerator over an
        // infinite denominator (`1 / (1 + exp(-x))` where `exp` overflowed: `0 · ∞` there).
        let eps = if re.is_infinite() || (o.re.is_infinite() && self.re.is_finite()) {
            F::zero()
        } else {
            (self.eps - re * o.eps) / o.re
        };
        Dual { re, eps }
    }
}
impl<F: Float> Rem for Dual<F> {
    type Output = Self;
    /// `a % b = a - trunc(a / b)·b`: slope `1` in `a`, `-trunc(a / b)` in `b`.
    #[inline(always)]
    fn rem(self, o: Self) -> Self {
        let q = (self.re / o.re).trunc();
        Dual {
            re: self.re % o.re,
            eps: self.eps - q * o.eps,
        }
    }
}
impl<F: Float> Neg for Dual<F> {
    type Output = Self;
    #[inline(always)]
    fn neg(self) -> Self {
        Dual {
            re: -self.re,
            eps: -self.eps,
        }
    }
}

// A float operand is a constant (zero tangent): adding it leaves the tangent as it is and
// multiplying by it scales the tangent, fewer operations than the dual operation with
// `Dual::cst`.
macro_rules! mixed_ops {
    ($($f:ty),*) => {$(
        impl Add<$f> for Dual<$f> {
            type Output = Self;
            #[inline(always)]
            fn add(self, o: $f) -> Self { Dual { re: self.re + o, eps: self.eps } }
        }
        impl Sub<$f> for Dual<$f> {
            type Output = Self;
            #[inline(always)]
            fn sub(self, o: $f) -> Self { Dual { re: self.re - o, eps: self.eps } }
        }
        impl Mul<$f> for Dual<$f> {
            type Output = Self;
            #[inline(always)]
            fn mul(self, o: $f) -> Self { Dual { re: self.re * o, eps: self.eps * o } }
        }
        impl Div<$f> for Dual<$f> {
            type Output = Self;
            #[inline(always)]
            fn div(self, o: $f) -> Self { Dual { re: self.re / o, eps: self.eps / o } }
        }
        impl Rem<$f> for Dual<$f> {
            type Output = Self;
            #[inline(always)]
            fn rem(self, o: $f) -> Self { self % Dual::cst(o) }
        }
        // A float on the left (`0.5 * v` of a closure lifted to duals whose constant is a
        // named `f64`): the same as on the right.
        impl Add<Dual<$f>> for $f {
            type Output = Dual<$f>;
            #[inline(always)]
            fn add(self, o: Dual<$f>) -> Dual<$f> { Dual { re: self + o.re, eps: o.eps } }
        }
        impl Sub<Dual<$f>> for $f {
            type Output = Dual<$f>;
            #[inline(always)]
            fn sub(self, o: Dual<$f>) -> Dual<$f> { Dual { re: self - o.re, eps: -o.eps } }
        }
        impl Mul<Dual<$f>> for $f {
            type Output = Dual<$f>;
            #[inline(always)]
            fn mul(self, o: Dual<$f>) -> Dual<$f> { Dual { re: self * o.re, eps: self * o.eps } }
        }
        impl Div<Dual<$f>> for $f {
            type Output = Dual<$f>;
            #[inline(always)]
            fn div(self, o: Dual<$f>) -> Dual<$f> { Dual::cst(self) / o }
        }
        impl PartialEq<$f> for Dual<$f> {
            #[inline(always)]
            fn eq(&self, o: &$f) -> bool { self.re == *o }
        }
        impl PartialOrd<$f> for Dual<$f> {
            #[inline(always)]
            fn partial_cmp(&self, o: &$f) -> Option<Ordering> { self.re.partial_cmp(o) }
        }
        impl AddAssign<$f> for Dual<$f> {
            #[inline(always)]
            fn add_assign(&mut self, o: $f) { *self = *self + o; }
        }
        impl SubAssign<$f> for Dual<$f> {
            #[inline(always)]
            fn sub_assign(&mut self, o: $f) { *self = *self - o; }
        }
        impl MulAssign<$f> for Dual<$f> {
            #[inline(always)]
            fn mul_assign(&mut self, o: $f) { *self = *self * o; }
        }
        impl DivAssign<$f> for Dual<$f> {
            #[inline(always)]
            fn div_assign(&mut self, o: $f) { *self = *self / o; }
        }
        impl Real for Dual<$f> {
            type F = Dual<$f>;
            #[inline(always)]
            fn get(&self) -> Self { *self }
        }
        impl crate::traits::Zero for Dual<$f> {
            /// `-0.0 - 0.0ε`, the exact identity of addition (as for the floats).
            #[inline(always)]
            fn zero() -> Self { Dual { re: -0.0, eps: -0.0 } }
        }
        impl Differentiable for Dual<$f> {
            type Tangent = Dual<$f>;
            #[inline(always)]
            fn zero_tangent(&self) -> Self { Dual::cst(0.0) }
        }
        impl Differentiable for [Dual<$f>] {
            type Tangent = Vec<Dual<$f>>;
            fn zero_tangent(&self) -> Vec<Dual<$f>> { pool_take(self.len(), core::iter::repeat_n(Dual::cst(0.0), self.len())) }
        }
        impl Differentiable for Vec<Dual<$f>> {
            type Tangent = Vec<Dual<$f>>;
            fn zero_tangent(&self) -> Vec<Dual<$f>> { pool_take(self.len(), core::iter::repeat_n(Dual::cst(0.0), self.len())) }
        }
        impl core::iter::Sum for Dual<$f> {
            fn sum<I: Iterator<Item = Self>>(it: I) -> Self {
                it.fold(Dual::cst(0.0), |a, b| a + b)
            }
        }
        impl<'a> core::iter::Sum<&'a Dual<$f>> for Dual<$f> {
            fn sum<I: Iterator<Item = &'a Self>>(it: I) -> Self {
                it.fold(Dual::cst(0.0), |a, b| a + *b)
            }
        }
        impl core::iter::Product for Dual<$f> {
            fn product<I: Iterator<Item = Self>>(it: I) -> Self {
                it.fold(Dual::cst(1.0), |a, b| a * b)
            }
        }
        impl<'a> core::iter::Product<&'a Dual<$f>> for Dual<$f> {
            fn product<I: Iterator<Item = &'a Self>>(it: I) -> Self {
                it.fold(Dual::cst(1.0), |a, b| a * *b)
            }
        }
    )*};
}
mixed_ops!(f64, f32);

impl<F: Float> Accumulate for Dual<F> {
    #[inline(always)]
    fn accumulate(&mut self, g: Self) {
        *self = *self + g;
    }
}

macro_rules! ref_ops {
    ($($tr:ident $m:ident),*) => {$(
        impl<F: Float> $tr<&Dual<F>> for Dual<F> {
            type Output = Dual<F>;
            #[inline(always)]
            fn $m(self, o: &Dual<F>) -> Dual<F> { self.$m(*o) }
        }
        impl<F: Float> $tr<Dual<F>> for &Dual<F> {
            type Output = Dual<F>;
            #[inline(always)]
            fn $m(self, o: Dual<F>) -> Dual<F> { (*self).$m(o) }
        }
        impl<F: Float> $tr<&Dual<F>> for &Dual<F> {
            type Output = Dual<F>;
            #[inline(always)]
            fn $m(self, o: &Dual<F>) -> Dual<F> { (*self).$m(*o) }
        }
    )*};
}
ref_ops!(Add add, Sub sub, Mul mul, Div div, Rem rem);

impl<F: Float> Neg for &Dual<F> {
    type Output = Dual<F>;
    #[inline(always)]
    fn neg(self) -> Dual<F> {
        -*self
    }
}

macro_rules! assign_ops {
    ($($tr:ident $m:ident $op:tt),*) => {$(
        impl<F: Float> $tr for Dual<F> {
            #[inline(always)]
            fn $m(&mut self, o: Self) { *self = *self $op o; }
        }
    )*};
}
assign_ops!(AddAssign add_assign +, SubAssign sub_assign -, MulAssign mul_assign *,
    DivAssign div_assign /, RemAssign rem_assign %);

impl<F: Float> PartialEq for Dual<F> {
    #[inline(always)]
    fn eq(&self, o: &Self) -> bool {
        self.re == o.re
    }
}
impl<F: Float> PartialOrd for Dual<F> {
    #[inline(always)]
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        self.re.partial_cmp(&o.re)
    }
}

impl<F: Float + core::fmt::Display> core::fmt::Display for Dual<F> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} + {}ε", self.re, self.eps)
    }
}

// ---- float methods (inherent, so generated code needs no trait in scope) ----------------

/// `tanh'(a) = 1 - y²`, as `(1 - |y|)(1 + |y|)` (`1 - |y|` is exact for `|y| ≥ ½`, so this
/// has no cancellation: relative error below `2⁻⁴³` while `1 - |y| > 2⁻¹⁰`), or
/// `4e^{-2|a|} / (1 + e^{-2|a|})²` where `y` is nearer ±1 (for `|a| ≳ 19`, `1 - y²` rounds
/// to 0 where the slope is still representable). The `exp` costs as much as the `tanh`, so
/// it is kept to `|a| ≳ 3.8`.
#[inline(always)]
fn tanh_slope<F: Float>(a: F, y: F) -> F {
    let ay = y.abs();
    let m = F::one() - ay;
    if m > F::from(1.0 / 1024.0).unwrap() {
        m * (F::one() + ay)
    } else {
        let e = (-(a + a).abs()).exp();
        let d = F::one() + e;
        (e + e + e + e) / (d * d)
    }
}

/// `Dual::m(self) -> Self` from the value's function and its slope (given the value `a`
/// and the result `y`).
impl<F: Float> Dual<F> {
    /// `round_ties_even` (slope `0`): `round`, with halves to the even neighbour.
    #[inline(always)]
    pub fn round_ties_even(self) -> Self {
        let a = self.re;
        let r = a.round();
        let half = F::from(0.5).unwrap();
        let y = if (r - a).abs() == half {
            (a * half).round() * (F::one() + F::one())
        } else {
            r
        };
        self.chain(y, F::zero())
    }
}

macro_rules! unary {
    ($($(#[$doc:meta])* $m:ident(|$a:ident, $y:ident| $slope:expr);)*) => {
        impl<F: Float> Dual<F> {$(
            $(#[$doc])*
            #[inline(always)]
            pub fn $m(self) -> Self {
                let $a = self.re;
                let $y = $a.$m();
                self.chain($y, $slope)
            }
        )*}
    };
}

unary! {
    /// `sin`.
    sin(|a, y| a.cos());
    /// `cos`.
    cos(|a, y| -a.sin());
    /// `tan`.
    tan(|a, y| F::one() + y * y);
    /// `asin`.
    asin(|a, y| (F::one() - a * a).sqrt().recip());
    /// `acos`.
    acos(|a, y| -(F::one() - a * a).sqrt().recip());
    /// `atan`.
    atan(|a, y| (F::one() + a * a).recip());
    /// `sinh`.
    sinh(|a, y| a.cosh());
    /// `cosh`.
    cosh(|a, y| a.sinh());
    /// `tanh`.
    tanh(|a, y| tanh_slope(a, y));
    /// `asinh`.
    asinh(|a, y| a.hypot(F::one()).recip());
    /// `acosh`.
    acosh(|a, y| ((a - F::one()).sqrt() * (a + F::one()).sqrt()).recip());
    /// `atanh`.
    atanh(|a, y| (F::one() - a * a).recip());
    /// `exp`.
    exp(|a, y| y);
    /// `exp2`.
    exp2(|a, y| y * F::LN_2());
    /// `exp_m1`.
    exp_m1(|a, y| a.exp());
    /// `ln`.
    ln(|a, y| a.recip());
    /// `log2`.
    log2(|a, y| (a * F::LN_2()).recip());
    /// `log10`.
    log10(|a, y| (a * F::LN_10()).recip());
    /// `ln_1p`.
    ln_1p(|a, y| (F::one() + a).recip());
    /// `sqrt`.
    sqrt(|a, y| ((F::one() + F::one()) * y).recip());
    /// `cbrt`.
    cbrt(|a, y| ((F::one() + F::one() + F::one()) * y * y).recip());
    /// `recip`.
    recip(|a, y| -(y * y));
    /// `abs` (slope `+1` at `0`).
    abs(|a, y| if a >= F::zero() { F::one() } else { -F::one() });
    /// `fract` (slope `1`).
    fract(|a, y| F::one());
    /// `floor` (slope `0`).
    floor(|a, y| F::zero());
    /// `ceil` (slope `0`).
    ceil(|a, y| F::zero());
    /// `round` (slope `0`).
    round(|a, y| F::zero());
    /// `trunc` (slope `0`).
    trunc(|a, y| F::zero());
    /// `signum` (slope `0`).
    signum(|a, y| F::zero());
    /// `to_degrees`.
    to_degrees(|a, y| F::from(180.0).unwrap() / F::PI());
    /// `to_radians`.
    to_radians(|a, y| F::PI() / F::from(180.0).unwrap());
}

trait FloatConstExt: Float {
    #[allow(non_snake_case)]
    fn LN_2() -> Self;
    #[allow(non_snake_case)]
    fn LN_10() -> Self;
    #[allow(non_snake_case)]
    fn PI() -> Self;
}
impl<F: Float> FloatConstExt for F {
    fn LN_2() -> F {
        F::from(core::f64::consts::LN_2).unwrap()
    }
    fn LN_10() -> F {
        F::from(core::f64::consts::LN_10).unwrap()
    }
    fn PI() -> F {
        F::from(core::f64::consts::PI).unwrap()
    }
}

impl<F: Float> Dual<F> {
    /// `x^n` for an integer `n`.
    #[inline(always)]
    pub fn powi(self, n: i32) -> Self {
        let slope = if n == 0 {
            F::zero()
        } else {
            F::from(n).unwrap() * self.re.powi(n - 1)
        };
        self.chain(self.re.powi(n), slope)
    }

    /// `x^p`; the slope in `p`, `y ln x`, is taken as `0` where `x == 0` (as the reverse rule).
    #[inline(always)]
    pub fn powf(self, p: Self) -> Self {
        let y = self.re.powf(p.re);
        let dx = if p.re == F::zero() {
            F::zero()
        } else {
            p.re * self.re.powf(p.re - F::one())
        };
        let dp = if self.re == F::zero() {
            F::zero()
        } else {
            y * self.re.ln()
        };
        // A zero tangent contributes zero whatever its slope: a constant exponent of a
        // negative base (`d.powf(2.0)`, whose `ln x` is NaN) must not make the result NaN.
        // So does a zero slope whatever the tangent (an overflowed base under a negative
        // exponent, `(1 + e^{800}).powf(-1.0)`, is flat), as in `chain`.
        let part = |t: F, slope: F| {
            if t == F::zero() || slope == F::zero() {
                F::zero()
            } else {
                t * slope
            }
        };
        Dual {
            re: y,
            eps: part(self.eps, dx) + part(p.eps, dp),
        }
    }

    /// `log_base(x) = ln x / ln base`.
    #[inline(always)]
    pub fn log(self, base: Self) -> Self {
        self.ln() / base.ln()
    }

    /// `max`: ties split the tangent evenly; against a NaN the other operand's.
    #[inline(always)]
    pub fn max(self, o: Self) -> Self {
        if self.re > o.re || o.re.is_nan() {
            self
        } else if o.re > self.re || self.re.is_nan() {
            o
        } else {
            let half = (F::one() + F::one()).recip();
            Dual {
                re: self.re,
                eps: (self.eps + o.eps) * half,
            }
        }
    }

    /// `min`: ties split the tangent evenly; against a NaN the other operand's.
    #[inline(always)]
    pub fn min(self, o: Self) -> Self {
        if self.re < o.re || o.re.is_nan() {
            self
        } else if o.re < self.re || self.re.is_nan() {
            o
        } else {
            let half = (F::one() + F::one()).recip();
            Dual {
                re: self.re,
                eps: (self.eps + o.eps) * half,
            }
        }
    }

    /// `clamp(lo, hi) = min(max(x, lo), hi)`.
    #[inline(always)]
    pub fn clamp(self, lo: Self, hi: Self) -> Self {
        self.max(lo).min(hi)
    }

    /// `atan2(self, x)` (angle of the point `(x, self)`).
    #[inline(always)]
    pub fn atan2(self, x: Self) -> Self {
        // Through `h = hypot`, not `x² + y²`, which overflows or underflows far sooner.
        let h = x.re.hypot(self.re);
        // At the origin (undefined), zero tangents give a zero tangent (`0 · atan2(y, x)`,
        // `r cos θ` at `r = 0`).
        let eps = if h == F::zero() && self.eps == F::zero() && x.eps == F::zero() {
            F::zero()
        } else {
            ((x.re / h) * self.eps - (self.re / h) * x.eps) / h
        };
        Dual {
            re: self.re.atan2(x.re),
            eps,
        }
    }

    /// `hypot(self, o) = √(self² + o²)` (tangent `0` at the origin).
    #[inline(always)]
    pub fn hypot(self, o: Self) -> Self {
        let r = self.re.hypot(o.re);
        let eps = if r == F::zero() {
            F::zero()
        } else {
            // (`x / r` first: `|x / r| ≤ 1`, where `x · ε` may overflow.)
            (self.re / r) * self.eps + (o.re / r) * o.eps
        };
        Dual { re: r, eps }
    }

    /// `self * a + b` (the value with one rounding, as `f64::mul_add`).
    #[inline(always)]
    pub fn mul_add(self, a: Self, b: Self) -> Self {
        Dual {
            re: self.re.mul_add(a.re, b.re),
            eps: self.eps * a.re + self.re * a.eps + b.eps,
        }
    }

    /// `(sin x, cos x)`.
    #[inline(always)]
    pub fn sin_cos(self) -> (Self, Self) {
        (self.sin(), self.cos())
    }

    /// `max(x - o, 0)`.
    #[inline(always)]
    pub fn abs_sub(self, o: Self) -> Self {
        (self - o).max(Dual::cst(F::zero()))
    }

    /// The magnitude of `self` with the sign of `s`.
    #[inline(always)]
    pub fn copysign(self, s: Self) -> Self {
        let y = self.re.copysign(s.re);
        let same = (y < F::zero()) == (self.re < F::zero());
        Dual {
            re: y,
            eps: if same { self.eps } else { -self.eps },
        }
    }

    /// The total order of the values (`f64::total_cmp`).
    #[inline(always)]
    pub fn total_cmp(&self, o: &Self) -> Ordering {
        self.re
            .partial_cmp(&o.re)
            .unwrap_or_else(|| self.re.is_nan().cmp(&o.re.is_nan()))
    }

    /// `rem_euclid` (slope `1` in `self`, `-⌊self / o⌋` in `o`).
    #[inline(always)]
    pub fn rem_euclid(self, o: Self) -> Self {
        let q = (self.re / o.re).floor();
        let r = self.re - q * o.re;
        let r = if r < F::zero() { r + o.re.abs() } else { r };
        let q = (self.re - r) / o.re;
        Dual {
            re: r,
            eps: self.eps - q * o.eps,
        }
    }

    /// Whether the value is NaN.
    #[inline(always)]
    pub fn is_nan(self) -> bool {
        self.re.is_nan()
    }
    /// Whether the value is infinite.
    #[inline(always)]
    pub fn is_infinite(self) -> bool {
        self.re.is_infinite()
    }
    /// Whether the value is finite.
    #[inline(always)]
    pub fn is_finite(self) -> bool {
        self.re.is_finite()
    }
    /// Whether the value is positive (including `+0`).
    #[inline(always)]
    pub fn is_sign_positive(self) -> bool {
        self.re.is_sign_positive()
    }
    /// Whether the value is negative (including `-0`).
    #[inline(always)]
    pub fn is_sign_negative(self) -> bool {
        self.re.is_sign_negative()
    }
}

// ---- a dual scalar on the left of an ndarray array ---------------------------------------
// (ndarray has `f64 * &array` for its primitive element types; these are the same for duals.)

macro_rules! scalar_left_array_ops {
    ($($tr:ident $m:ident $op:tt),*) => {$(
        impl<'a, F, S, D> $tr<&'a ndarray::ArrayBase<S, D>> for Dual<F>
        where
            F: Float + 'static,
            S: ndarray::Data<Elem = Dual<F>>,
            D: ndarray::Dimension,
        {
            type Output = ndarray::Array<Dual<F>, D>;
            fn $m(self, a: &'a ndarray::ArrayBase<S, D>) -> Self::Output {
                a.mapv(|x| self $op x)
            }
        }
        impl<F, S, D> $tr<ndarray::ArrayBase<S, D>> for Dual<F>
        where
            F: Float + 'static,
            S: ndarray::Data<Elem = Dual<F>>,
            D: ndarray::Dimension,
        {
            type Output = ndarray::Array<Dual<F>, D>;
            fn $m(self, a: ndarray::ArrayBase<S, D>) -> Self::Output {
                a.mapv(|x| self $op x)
            }
        }
    )*};
}
scalar_left_array_ops!(Add add +, Sub sub -, Mul mul *, Div div /, Rem rem %);

mod args;
mod convert;
mod num;
mod scalar;
pub use scalar::{Scalar, scalar_cast};
#[cfg(test)]
mod tests;

pub use args::*;
pub use convert::*;
