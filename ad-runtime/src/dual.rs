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
use num_traits::{Float, FloatConst, Num, NumCast, One, ToPrimitive};

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
        let eps = if self.eps == F::zero() {
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
        Dual {
            re,
            eps: (self.eps - re * o.eps) / o.re,
        }
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

macro_rules! mixed_ops {
    ($($f:ty),*) => {$(
        impl Add<$f> for Dual<$f> {
            type Output = Self;
            #[inline(always)]
            fn add(self, o: $f) -> Self { self + Dual::cst(o) }
        }
        impl Sub<$f> for Dual<$f> {
            type Output = Self;
            #[inline(always)]
            fn sub(self, o: $f) -> Self { self - Dual::cst(o) }
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

/// `Dual::m(self) -> Self` from the value's function and its slope (given the value `a`
/// and the result `y`).
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
    tanh(|a, y| F::one() - y * y);
    /// `asinh`.
    asinh(|a, y| (a * a + F::one()).sqrt().recip());
    /// `acosh`.
    acosh(|a, y| (a * a - F::one()).sqrt().recip());
    /// `atanh`.
    atanh(|a, y| (F::one() - a * a).recip());
    /// `exp`.
    exp(|a, y| y);
    /// `exp2`.
    exp2(|a, y| y * F::LN_2());
    /// `exp_m1`.
    exp_m1(|a, y| y + F::one());
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
        Dual {
            re: y,
            eps: self.eps * dx + p.eps * dp,
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
        let r2 = x.re * x.re + self.re * self.re;
        Dual {
            re: self.re.atan2(x.re),
            eps: (x.re * self.eps - self.re * x.eps) / r2,
        }
    }

    /// `hypot(self, o) = √(self² + o²)` (tangent `0` at the origin).
    #[inline(always)]
    pub fn hypot(self, o: Self) -> Self {
        let r = self.re.hypot(o.re);
        let eps = if r == F::zero() {
            F::zero()
        } else {
            (self.re * self.eps + o.re * o.eps) / r
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
scalar_left_array_ops!(Add add +, Sub sub -, Mul mul *, Div div /);

// ---- num_traits -------------------------------------------------------------------------

impl<F: Float> num_traits::Zero for Dual<F> {
    fn zero() -> Self {
        Dual::cst(F::zero())
    }
    fn is_zero(&self) -> bool {
        self.re.is_zero() && self.eps.is_zero()
    }
}
impl<F: Float> One for Dual<F> {
    fn one() -> Self {
        Dual::cst(F::one())
    }
}
impl<F: Float> Num for Dual<F> {
    type FromStrRadixErr = F::FromStrRadixErr;
    fn from_str_radix(s: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
        F::from_str_radix(s, radix).map(Dual::cst)
    }
}
impl<F: Float> ToPrimitive for Dual<F> {
    fn to_i64(&self) -> Option<i64> {
        self.re.to_i64()
    }
    fn to_u64(&self) -> Option<u64> {
        self.re.to_u64()
    }
    fn to_f64(&self) -> Option<f64> {
        self.re.to_f64()
    }
}
impl<F: Float + num_traits::FromPrimitive> num_traits::FromPrimitive for Dual<F> {
    fn from_i64(n: i64) -> Option<Self> {
        F::from_i64(n).map(Dual::cst)
    }
    fn from_u64(n: u64) -> Option<Self> {
        F::from_u64(n).map(Dual::cst)
    }
    fn from_f64(n: f64) -> Option<Self> {
        F::from_f64(n).map(Dual::cst)
    }
}

impl<F: Float + 'static> ndarray::ScalarOperand for Dual<F> {}

impl<F: Float> NumCast for Dual<F> {
    fn from<T: ToPrimitive>(n: T) -> Option<Self> {
        F::from(n).map(Dual::cst)
    }
}

/// `Float` by the inherent methods above (value-only queries read `re`).
impl<F: Float> Float for Dual<F> {
    fn nan() -> Self {
        Dual::cst(F::nan())
    }
    fn infinity() -> Self {
        Dual::cst(F::infinity())
    }
    fn neg_infinity() -> Self {
        Dual::cst(F::neg_infinity())
    }
    fn neg_zero() -> Self {
        Dual::cst(F::neg_zero())
    }
    fn min_value() -> Self {
        Dual::cst(F::min_value())
    }
    fn min_positive_value() -> Self {
        Dual::cst(F::min_positive_value())
    }
    fn max_value() -> Self {
        Dual::cst(F::max_value())
    }
    fn epsilon() -> Self {
        Dual::cst(F::epsilon())
    }
    fn is_nan(self) -> bool {
        Dual::is_nan(self)
    }
    fn is_infinite(self) -> bool {
        Dual::is_infinite(self)
    }
    fn is_finite(self) -> bool {
        Dual::is_finite(self)
    }
    fn is_normal(self) -> bool {
        self.re.is_normal()
    }
    fn classify(self) -> core::num::FpCategory {
        self.re.classify()
    }
    fn floor(self) -> Self {
        Dual::floor(self)
    }
    fn ceil(self) -> Self {
        Dual::ceil(self)
    }
    fn round(self) -> Self {
        Dual::round(self)
    }
    fn trunc(self) -> Self {
        Dual::trunc(self)
    }
    fn fract(self) -> Self {
        Dual::fract(self)
    }
    fn abs(self) -> Self {
        Dual::abs(self)
    }
    fn signum(self) -> Self {
        Dual::signum(self)
    }
    fn is_sign_positive(self) -> bool {
        Dual::is_sign_positive(self)
    }
    fn is_sign_negative(self) -> bool {
        Dual::is_sign_negative(self)
    }
    fn mul_add(self, a: Self, b: Self) -> Self {
        Dual::mul_add(self, a, b)
    }
    fn recip(self) -> Self {
        Dual::recip(self)
    }
    fn powi(self, n: i32) -> Self {
        Dual::powi(self, n)
    }
    fn powf(self, n: Self) -> Self {
        Dual::powf(self, n)
    }
    fn sqrt(self) -> Self {
        Dual::sqrt(self)
    }
    fn exp(self) -> Self {
        Dual::exp(self)
    }
    fn exp2(self) -> Self {
        Dual::exp2(self)
    }
    fn ln(self) -> Self {
        Dual::ln(self)
    }
    fn log(self, base: Self) -> Self {
        Dual::log(self, base)
    }
    fn log2(self) -> Self {
        Dual::log2(self)
    }
    fn log10(self) -> Self {
        Dual::log10(self)
    }
    fn to_degrees(self) -> Self {
        Dual::to_degrees(self)
    }
    fn to_radians(self) -> Self {
        Dual::to_radians(self)
    }
    fn max(self, o: Self) -> Self {
        Dual::max(self, o)
    }
    fn min(self, o: Self) -> Self {
        Dual::min(self, o)
    }
    fn clamp(self, lo: Self, hi: Self) -> Self {
        Dual::clamp(self, lo, hi)
    }
    fn abs_sub(self, o: Self) -> Self {
        Dual::abs_sub(self, o)
    }
    fn cbrt(self) -> Self {
        Dual::cbrt(self)
    }
    fn hypot(self, o: Self) -> Self {
        Dual::hypot(self, o)
    }
    fn sin(self) -> Self {
        Dual::sin(self)
    }
    fn cos(self) -> Self {
        Dual::cos(self)
    }
    fn tan(self) -> Self {
        Dual::tan(self)
    }
    fn asin(self) -> Self {
        Dual::asin(self)
    }
    fn acos(self) -> Self {
        Dual::acos(self)
    }
    fn atan(self) -> Self {
        Dual::atan(self)
    }
    fn atan2(self, x: Self) -> Self {
        Dual::atan2(self, x)
    }
    fn sin_cos(self) -> (Self, Self) {
        Dual::sin_cos(self)
    }
    fn exp_m1(self) -> Self {
        Dual::exp_m1(self)
    }
    fn ln_1p(self) -> Self {
        Dual::ln_1p(self)
    }
    fn sinh(self) -> Self {
        Dual::sinh(self)
    }
    fn cosh(self) -> Self {
        Dual::cosh(self)
    }
    fn tanh(self) -> Self {
        Dual::tanh(self)
    }
    fn asinh(self) -> Self {
        Dual::asinh(self)
    }
    fn acosh(self) -> Self {
        Dual::acosh(self)
    }
    fn atanh(self) -> Self {
        Dual::atanh(self)
    }
    fn integer_decode(self) -> (u64, i16, i8) {
        self.re.integer_decode()
    }
    fn copysign(self, s: Self) -> Self {
        Dual::copysign(self, s)
    }
}

macro_rules! float_consts {
    ($($c:ident),*) => {
        impl<F: Float + FloatConst> FloatConst for Dual<F> {
            $(fn $c() -> Self { Dual::cst(F::$c()) })*
        }
    };
}
float_consts!(
    E,
    FRAC_1_PI,
    FRAC_1_SQRT_2,
    FRAC_2_PI,
    FRAC_2_SQRT_PI,
    FRAC_PI_2,
    FRAC_PI_3,
    FRAC_PI_4,
    FRAC_PI_6,
    FRAC_PI_8,
    LN_10,
    LN_2,
    LOG10_E,
    LOG2_E,
    PI,
    SQRT_2,
    TAU,
    LOG10_2,
    LOG2_10
);

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
relift_plain!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, bool, char, (), String);

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
undual_ref_prims!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64, bool, char);

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


// ---- a per-thread pool of dual vectors --------------------------------------------------

/// Vectors of duals made and dropped once per `f_hvp` call (the lifted arguments, the dual
/// gradient) are taken from and given back to a small per-thread pool: for large `n` a fresh
/// vector per call goes to the system each time (glibc maps, or trims and regrows, blocks
/// above its thresholds), and its page faults cost more than the sweep itself (4x the
/// gradient's time at n = 10^4 without the pool, against 2.8x with it).
pub trait DualPool: Sized + 'static {
    /// Runs `f` on this thread's pool.
    fn with_pool<R>(f: impl FnOnce(&mut Vec<Vec<Self>>) -> R) -> R;
}

const POOL_SIZE: usize = 8;

macro_rules! pools {
    ($($f:ty),*) => {$(
        impl DualPool for Dual<$f> {
            fn with_pool<R>(f: impl FnOnce(&mut Vec<Vec<Self>>) -> R) -> R {
                thread_local! {
                    static POOL: core::cell::RefCell<Vec<Vec<Dual<$f>>>> =
                        const { core::cell::RefCell::new(Vec::new()) };
                }
                POOL.with(|p| f(&mut p.borrow_mut()))
            }
        }
    )*};
}
pools!(f64, f32);

/// A vector of the `n` elements of `items`, in memory from this thread's pool when it has a
/// block large enough.
pub fn pool_take<T: DualPool>(n: usize, items: impl Iterator<Item = T>) -> Vec<T> {
    // The smallest block that fits.
    let mut v = T::with_pool(|p| {
        match p
            .iter()
            .enumerate()
            .filter(|(_, b)| b.capacity() >= n)
            .min_by_key(|(_, b)| b.capacity())
        {
            Some((k, _)) => p.swap_remove(k),
            None => Vec::with_capacity(n),
        }
    });
    v.extend(items);
    v
}

/// Gives a vector's memory back to this thread's pool (dropped when the pool is full).
pub fn pool_give<T: DualPool>(mut v: Vec<T>) {
    v.clear();
    if v.capacity() == 0 {
        return;
    }
    T::with_pool(|p| {
        if p.len() < POOL_SIZE {
            p.push(v);
        } else if let Some((k, _)) = p
            .iter()
            .enumerate()
            .min_by_key(|(_, b)| b.capacity())
            .filter(|(_, b)| b.capacity() < v.capacity())
        {
            // Full: the smallest block makes room for a larger one (sizes change over a
            // program's life; the pool must follow the current ones).
            p[k] = v;
        }
    });
}

/// What `f_hvp` gives back after the call: a lifted argument's memory (a no-op for anything
/// but a vector of duals).
pub trait Recycle {
    /// Gives the memory back to the pool.
    fn recycle(self);
}

impl<T: PoolOrAlloc> Recycle for Vec<T> {
    fn recycle(self) {
        T::give(self)
    }
}

macro_rules! no_recycle {
    ($($t:ty),*) => {$(
        impl Recycle for $t {
            fn recycle(self) {}
        }
    )*};
}
no_recycle!(Dual<f64>, Dual<f32>);

impl<T, const N: usize> Recycle for [T; N] {
    fn recycle(self) {}
}

impl<F: Float, D: ndarray::Dimension> Recycle for ndarray::Array<Dual<F>, D> {
    fn recycle(self) {}
}

/// A parameter lifted to dual numbers for `f_hvp`: each float paired with its tangent
/// (`lift`) or with a zero tangent (`lift_const`, for parameters not differentiated).
pub trait LiftDual {
    /// The lifted value: `Dual<F>` for a float, `Vec<Dual<F>>` for a slice or `Vec`,
    /// `[Dual<F>; N]` for an array.
    type Out;
    /// Pairs every float of `self` with the one at the same place in `t`.
    ///
    /// # Panics
    /// When `t` is shorter than `self`.
    fn lift(&self, t: &Self) -> Self::Out;
    /// Every float of `self` as a constant (tangent zero).
    fn lift_const(&self) -> Self::Out;
}

/// Gradients on dual numbers split into the real parts (the gradient) and the tangent
/// parts (the Hessian–vector product).
pub trait SplitDual {
    /// The plain type (`F`, `Vec<F>`, `[F; N]`).
    type Out;
    /// `(real parts, tangent parts)`.
    fn split(self) -> (Self::Out, Self::Out);
}

macro_rules! lift_impls {
    ($($f:ty),*) => {$(
        impl LiftDual for $f {
            type Out = Dual<$f>;
            #[inline(always)]
            fn lift(&self, t: &Self) -> Dual<$f> { Dual::new(*self, *t) }
            #[inline(always)]
            fn lift_const(&self) -> Dual<$f> { Dual::cst(*self) }
        }
        impl SplitDual for Dual<$f> {
            type Out = $f;
            #[inline(always)]
            fn split(self) -> ($f, $f) { (self.re, self.eps) }
        }
    )*};
}
lift_impls!(f64, f32);

impl<T: LiftDual> LiftDual for [T]
where
    T::Out: PoolOrAlloc,
{
    type Out = Vec<T::Out>;
    fn lift(&self, t: &Self) -> Vec<T::Out> {
        assert!(
            t.len() >= self.len(),
            "the tangent has {} entries, the value {}",
            t.len(),
            self.len()
        );
        T::Out::make(self.len(), self.iter().zip(t).map(|(a, b)| a.lift(b)))
    }
    fn lift_const(&self) -> Vec<T::Out> {
        T::Out::make(self.len(), self.iter().map(T::lift_const))
    }
}

/// How a vector of lifted elements is made: duals from the pool, anything else (nested
/// arrays) by a plain allocation.
pub trait PoolOrAlloc: Sized {
    /// The `n` elements of `items`.
    fn make(n: usize, items: impl Iterator<Item = Self>) -> Vec<Self>;
    /// Gives the memory of a vector back (to the pool, or to the system).
    fn give(v: Vec<Self>);
}

impl<T: DualPool> PoolOrAlloc for T {
    fn make(n: usize, items: impl Iterator<Item = Self>) -> Vec<Self> {
        pool_take(n, items)
    }
    fn give(v: Vec<Self>) {
        pool_give(v)
    }
}

impl<T, const N: usize> PoolOrAlloc for [T; N] {
    fn make(_: usize, items: impl Iterator<Item = Self>) -> Vec<Self> {
        items.collect()
    }
    fn give(_: Vec<Self>) {}
}

impl<T: LiftDual> LiftDual for Vec<T>
where
    T::Out: PoolOrAlloc,
{
    type Out = Vec<T::Out>;
    fn lift(&self, t: &Self) -> Vec<T::Out> {
        self[..].lift(&t[..])
    }
    fn lift_const(&self) -> Vec<T::Out> {
        self[..].lift_const()
    }
}

impl<T: LiftDual, const N: usize> LiftDual for [T; N] {
    type Out = [T::Out; N];
    fn lift(&self, t: &Self) -> [T::Out; N] {
        core::array::from_fn(|i| self[i].lift(&t[i]))
    }
    fn lift_const(&self) -> [T::Out; N] {
        core::array::from_fn(|i| self[i].lift_const())
    }
}

impl<T: SplitDual + Copy + PoolOrAlloc> SplitDual for Vec<T> {
    type Out = Vec<T::Out>;
    fn split(self) -> (Vec<T::Out>, Vec<T::Out>) {
        let re = self.iter().map(|x| x.split().0).collect();
        let eps = self.iter().map(|x| x.split().1).collect();
        Recycle::recycle(self);
        (re, eps)
    }
}

impl<T: SplitDual, const N: usize> SplitDual for [T; N] {
    type Out = [T::Out; N];
    fn split(self) -> ([T::Out; N], [T::Out; N]) {
        let mut parts = self.map(T::split).into_iter();
        let pairs: [(T::Out, T::Out); N] = core::array::from_fn(|_| parts.next().unwrap());
        let mut it = pairs.into_iter();
        let mut hs = Vec::with_capacity(N);
        let gs: [T::Out; N] = core::array::from_fn(|_| {
            let (g, h) = it.next().unwrap();
            hs.push(h);
            g
        });
        let mut hs = hs.into_iter();
        (gs, core::array::from_fn(|_| hs.next().unwrap()))
    }
}

impl<F, S, D> LiftDual for ndarray::ArrayBase<S, D>
where
    F: Float,
    S: ndarray::Data<Elem = F>,
    D: ndarray::Dimension,
{
    type Out = ndarray::Array<Dual<F>, D>;
    /// # Panics
    /// When the shapes differ.
    fn lift(&self, t: &Self) -> Self::Out {
        assert_eq!(
            self.shape(),
            t.shape(),
            "the tangent's shape differs from the value's"
        );
        ndarray::Zip::from(self)
            .and(t)
            .map_collect(|a, b| Dual::new(*a, *b))
    }
    fn lift_const(&self) -> Self::Out {
        self.mapv(Dual::cst)
    }
}

macro_rules! split_tuples {
    ($(($($n:tt $t:ident),+)),*) => {$(
        impl<$($t: SplitDual),+> SplitDual for ($($t,)+) {
            type Out = ($($t::Out,)+);
            fn split(self) -> (Self::Out, Self::Out) {
                let parts = ($(self.$n.split(),)+);
                (($(parts.$n.0,)+), ($(parts.$n.1,)+))
            }
        }
    )*};
}
split_tuples!(
    (0 A),
    (0 A, 1 B),
    (0 A, 1 B, 2 C),
    (0 A, 1 B, 2 C, 3 D)
);

impl<F: Float, D: ndarray::Dimension> SplitDual for ndarray::Array<Dual<F>, D> {
    type Out = ndarray::Array<F, D>;
    fn split(self) -> (Self::Out, Self::Out) {
        (self.mapv(|d| d.re), self.mapv(|d| d.eps))
    }
}

impl<T: LiftDual + ?Sized> LiftDual for &T {
    type Out = T::Out;
    fn lift(&self, t: &Self) -> T::Out {
        (**self).lift(t)
    }
    fn lift_const(&self) -> T::Out {
        (**self).lift_const()
    }
}

impl<T: LiftDual + ?Sized> LiftDual for &mut T {
    type Out = T::Out;
    fn lift(&self, t: &Self) -> T::Out {
        (**self).lift(t)
    }
    fn lift_const(&self) -> T::Out {
        (**self).lift_const()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fd(f: impl Fn(f64) -> f64, x: f64) -> f64 {
        let h = 1e-6;
        (f(x + h) - f(x - h)) / (2.0 * h)
    }

    #[test]
    fn unary_tangents_match_finite_differences() {
        type Pair = (fn(Dual<f64>) -> Dual<f64>, fn(f64) -> f64);
        let cases: [(&str, Pair, f64); 22] = [
            ("sin", (Dual::sin, f64::sin), 0.7),
            ("cos", (Dual::cos, f64::cos), 0.7),
            ("tan", (Dual::tan, f64::tan), 0.7),
            ("asin", (Dual::asin, f64::asin), 0.3),
            ("acos", (Dual::acos, f64::acos), 0.3),
            ("atan", (Dual::atan, f64::atan), 0.3),
            ("sinh", (Dual::sinh, f64::sinh), 0.3),
            ("cosh", (Dual::cosh, f64::cosh), 0.3),
            ("tanh", (Dual::tanh, f64::tanh), 0.3),
            ("asinh", (Dual::asinh, f64::asinh), 0.3),
            ("acosh", (Dual::acosh, f64::acosh), 1.3),
            ("atanh", (Dual::atanh, f64::atanh), 0.3),
            ("exp", (Dual::exp, f64::exp), 0.3),
            ("exp2", (Dual::exp2, f64::exp2), 0.3),
            ("exp_m1", (Dual::exp_m1, f64::exp_m1), 0.3),
            ("ln", (Dual::ln, f64::ln), 1.3),
            ("log2", (Dual::log2, f64::log2), 1.3),
            ("log10", (Dual::log10, f64::log10), 1.3),
            ("ln_1p", (Dual::ln_1p, f64::ln_1p), 1.3),
            ("sqrt", (Dual::sqrt, f64::sqrt), 1.3),
            ("cbrt", (Dual::cbrt, f64::cbrt), 1.3),
            ("recip", (Dual::recip, f64::recip), 1.3),
        ];
        for (name, (d, f), x) in cases {
            let y = d(Dual::new(x, 1.0));
            assert_eq!(y.re, f(x), "{name}");
            assert!(
                (y.eps - fd(f, x)).abs() < 1e-7,
                "{name}: {} vs {}",
                y.eps,
                fd(f, x)
            );
        }
    }

    #[test]
    fn binary_tangents_match_finite_differences() {
        let (a, b) = (1.3, 0.6);
        type Bin = (fn(Dual<f64>, Dual<f64>) -> Dual<f64>, fn(f64, f64) -> f64);
        let cases: [(&str, Bin); 9] = [
            ("mul", (|x, y| x * y, |x, y| x * y)),
            ("div", (|x, y| x / y, |x, y| x / y)),
            ("rem", (|x, y| x % y, |x, y| x % y)),
            ("powf", (Dual::powf, f64::powf)),
            ("atan2", (Dual::atan2, f64::atan2)),
            ("hypot", (Dual::hypot, f64::hypot)),
            ("log", (Dual::log, f64::log)),
            ("max", (Dual::max, f64::max)),
            ("min", (Dual::min, f64::min)),
        ];
        for (name, (d, f)) in cases {
            let da = d(Dual::new(a, 1.0), Dual::cst(b)).eps;
            let db = d(Dual::cst(a), Dual::new(b, 1.0)).eps;
            assert!((da - fd(|x| f(x, b), a)).abs() < 1e-7, "{name} d/da");
            assert!((db - fd(|y| f(a, y), b)).abs() < 1e-7, "{name} d/db");
        }
        let p = Dual::new(2.0, 1.0).powi(3);
        assert_eq!((p.re, p.eps), (8.0, 12.0));
    }

    #[test]
    fn ties_and_nans_follow_the_reverse_rules() {
        let m = Dual::new(1.0, 2.0).max(Dual::new(1.0, 4.0));
        assert_eq!(m.eps, 3.0);
        let m = Dual::new(f64::NAN, 2.0).max(Dual::new(1.0, 4.0));
        assert_eq!((m.re, m.eps), (1.0, 4.0));
        assert_eq!(Dual::new(0.0, 1.0).abs().eps, 1.0);
    }

    #[test]
    fn mixed_arithmetic_with_plain_floats() {
        let x: Dual<f64> = Dual::new(2.0, 1.0);
        assert_eq!((x * 3.0).eps, 3.0);
        assert_eq!((x / 4.0).eps, 0.25);
        assert_eq!((x - 1.0).re, 1.0);
        assert!(x > 1.5f64 && x > Dual::cst(1.5));
    }
}
