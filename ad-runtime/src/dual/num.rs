//! `num_traits` for [`Dual`]: `Zero`, `One`, `Num`, `NumCast`, `ToPrimitive`,
//! `FromPrimitive`, `Float` (by the inherent methods) and `FloatConst`, so the generic rules
//! run on duals.

use super::Dual;
use num_traits::{Float, FloatConst, Num, NumCast, One, ToPrimitive};

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
