//! Every float method with a derivative rule, in method form (`x.sin()`) and path form
//! (`f64::sin(x)`): values, gradients against the closed-form derivative and against central
//! finite differences at random points of the method's domain, and the conventions at kinks
//! (which follow JAX, see `ad_runtime::rules::scalar`).

mod common;

use ad_runtime::differentiable;
use common::*;

/// Random points per method and form.
const N: usize = 8;

/// Closed-form derivatives are computed with different formulas than the rules, so they agree
/// to rounding only; this is far tighter than finite differences.
const CLOSED_RTOL: f64 = 1e-9;

type Unary = (fn(f64) -> f64, fn(f64) -> (f64, f64));
type Binary = (fn(f64, f64) -> f64, fn(f64, f64) -> (f64, (f64, f64)));
type Ternary = (
    fn(f64, f64, f64) -> f64,
    fn(f64, f64, f64) -> (f64, (f64, f64, f64)),
);

fn points(seed: u64, mut sample: impl FnMut(&mut Rng) -> f64) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    (0..N).map(|_| sample(&mut rng)).collect()
}

fn points2(seed: u64, mut sample: impl FnMut(&mut Rng) -> (f64, f64)) -> Vec<(f64, f64)> {
    let mut rng = Rng::new(seed);
    (0..N).map(|_| sample(&mut rng)).collect()
}

/// Checks both forms of a unary method at `xs`: the value is the plain float operation's,
/// and the gradient matches `df` and finite differences of the primal.
#[track_caller]
fn unary(name: &str, forms: [Unary; 2], f: fn(f64) -> f64, df: fn(f64) -> f64, xs: &[f64]) {
    assert!(!xs.is_empty());
    for (form, (primal, grad)) in ["method", "path"].iter().zip(forms) {
        for &x in xs {
            let what = format!("{name} ({form} form) at x = {x}");
            let (v, g) = grad(x);
            assert_eq!(v.to_bits(), f(x).to_bits(), "{what}: value");
            assert_eq!(primal(x).to_bits(), f(x).to_bits(), "{what}: primal");
            assert_close_tol(&[g], &[df(x)], CLOSED_RTOL, &format!("{what}: closed form"));
            assert_fd(|p| primal(p[0]), &[x], &[g], &what);
        }
    }
}

/// [`unary`] for two-operand methods.
#[track_caller]
fn binary(
    name: &str,
    forms: [Binary; 2],
    f: fn(f64, f64) -> f64,
    df: fn(f64, f64) -> (f64, f64),
    xs: &[(f64, f64)],
) {
    assert!(!xs.is_empty());
    for (form, (primal, grad)) in ["method", "path"].iter().zip(forms) {
        for &(a, b) in xs {
            let what = format!("{name} ({form} form) at ({a}, {b})");
            let (v, (da, db)) = grad(a, b);
            assert_eq!(v.to_bits(), f(a, b).to_bits(), "{what}: value");
            assert_eq!(primal(a, b).to_bits(), f(a, b).to_bits(), "{what}: primal");
            let (ea, eb) = df(a, b);
            assert_close_tol(
                &[da, db],
                &[ea, eb],
                CLOSED_RTOL,
                &format!("{what}: closed form"),
            );
            assert_fd(|p| primal(p[0], p[1]), &[a, b], &[da, db], &what);
        }
    }
}

/// [`unary`] for three-operand methods.
#[track_caller]
fn ternary(
    name: &str,
    forms: [Ternary; 2],
    f: fn(f64, f64, f64) -> f64,
    df: fn(f64, f64, f64) -> (f64, f64, f64),
    xs: &[(f64, f64, f64)],
) {
    assert!(!xs.is_empty());
    for (form, (primal, grad)) in ["method", "path"].iter().zip(forms) {
        for &(a, b, c) in xs {
            let what = format!("{name} ({form} form) at ({a}, {b}, {c})");
            let (v, (da, db, dc)) = grad(a, b, c);
            assert_eq!(v.to_bits(), f(a, b, c).to_bits(), "{what}: value");
            assert_eq!(
                primal(a, b, c).to_bits(),
                f(a, b, c).to_bits(),
                "{what}: primal"
            );
            let (ea, eb, ec) = df(a, b, c);
            assert_close_tol(
                &[da, db, dc],
                &[ea, eb, ec],
                CLOSED_RTOL,
                &format!("{what}: closed form"),
            );
            assert_fd(
                |p| primal(p[0], p[1], p[2]),
                &[a, b, c],
                &[da, db, dc],
                &what,
            );
        }
    }
}

// ---- one-operand methods ----------------------------------------------------------------

#[differentiable]
fn m_abs(x: f64) -> f64 {
    x.abs()
}
#[differentiable]
fn p_abs(x: f64) -> f64 {
    f64::abs(x)
}
#[differentiable]
fn m_signum(x: f64) -> f64 {
    x.signum()
}
#[differentiable]
fn p_signum(x: f64) -> f64 {
    f64::signum(x)
}
#[differentiable]
fn m_sqrt(x: f64) -> f64 {
    x.sqrt()
}
#[differentiable]
fn p_sqrt(x: f64) -> f64 {
    f64::sqrt(x)
}
#[differentiable]
fn m_cbrt(x: f64) -> f64 {
    x.cbrt()
}
#[differentiable]
fn p_cbrt(x: f64) -> f64 {
    f64::cbrt(x)
}
#[differentiable]
fn m_exp(x: f64) -> f64 {
    x.exp()
}
#[differentiable]
fn p_exp(x: f64) -> f64 {
    f64::exp(x)
}
#[differentiable]
fn m_exp2(x: f64) -> f64 {
    x.exp2()
}
#[differentiable]
fn p_exp2(x: f64) -> f64 {
    f64::exp2(x)
}
#[differentiable]
fn m_exp_m1(x: f64) -> f64 {
    x.exp_m1()
}
#[differentiable]
fn p_exp_m1(x: f64) -> f64 {
    f64::exp_m1(x)
}
#[differentiable]
fn m_ln(x: f64) -> f64 {
    x.ln()
}
#[differentiable]
fn p_ln(x: f64) -> f64 {
    f64::ln(x)
}
#[differentiable]
fn m_log2(x: f64) -> f64 {
    x.log2()
}
#[differentiable]
fn p_log2(x: f64) -> f64 {
    f64::log2(x)
}
#[differentiable]
fn m_log10(x: f64) -> f64 {
    x.log10()
}
#[differentiable]
fn p_log10(x: f64) -> f64 {
    f64::log10(x)
}
#[differentiable]
fn m_ln_1p(x: f64) -> f64 {
    x.ln_1p()
}
#[differentiable]
fn p_ln_1p(x: f64) -> f64 {
    f64::ln_1p(x)
}
#[differentiable]
fn m_sin(x: f64) -> f64 {
    x.sin()
}
#[differentiable]
fn p_sin(x: f64) -> f64 {
    f64::sin(x)
}
#[differentiable]
fn m_cos(x: f64) -> f64 {
    x.cos()
}
#[differentiable]
fn p_cos(x: f64) -> f64 {
    f64::cos(x)
}
#[differentiable]
fn m_tan(x: f64) -> f64 {
    x.tan()
}
#[differentiable]
fn p_tan(x: f64) -> f64 {
    f64::tan(x)
}
#[differentiable]
fn m_asin(x: f64) -> f64 {
    x.asin()
}
#[differentiable]
fn p_asin(x: f64) -> f64 {
    f64::asin(x)
}
#[differentiable]
fn m_acos(x: f64) -> f64 {
    x.acos()
}
#[differentiable]
fn p_acos(x: f64) -> f64 {
    f64::acos(x)
}
#[differentiable]
fn m_atan(x: f64) -> f64 {
    x.atan()
}
#[differentiable]
fn p_atan(x: f64) -> f64 {
    f64::atan(x)
}
#[differentiable]
fn m_sinh(x: f64) -> f64 {
    x.sinh()
}
#[differentiable]
fn p_sinh(x: f64) -> f64 {
    f64::sinh(x)
}
#[differentiable]
fn m_cosh(x: f64) -> f64 {
    x.cosh()
}
#[differentiable]
fn p_cosh(x: f64) -> f64 {
    f64::cosh(x)
}
#[differentiable]
fn m_tanh(x: f64) -> f64 {
    x.tanh()
}
#[differentiable]
fn p_tanh(x: f64) -> f64 {
    f64::tanh(x)
}
#[differentiable]
fn m_asinh(x: f64) -> f64 {
    x.asinh()
}
#[differentiable]
fn p_asinh(x: f64) -> f64 {
    f64::asinh(x)
}
#[differentiable]
fn m_acosh(x: f64) -> f64 {
    x.acosh()
}
#[differentiable]
fn p_acosh(x: f64) -> f64 {
    f64::acosh(x)
}
#[differentiable]
fn m_atanh(x: f64) -> f64 {
    x.atanh()
}
#[differentiable]
fn p_atanh(x: f64) -> f64 {
    f64::atanh(x)
}
#[differentiable]
fn m_recip(x: f64) -> f64 {
    x.recip()
}
#[differentiable]
fn p_recip(x: f64) -> f64 {
    f64::recip(x)
}
#[differentiable]
fn m_to_degrees(x: f64) -> f64 {
    x.to_degrees()
}
#[differentiable]
fn p_to_degrees(x: f64) -> f64 {
    f64::to_degrees(x)
}
#[differentiable]
fn m_to_radians(x: f64) -> f64 {
    x.to_radians()
}
#[differentiable]
fn p_to_radians(x: f64) -> f64 {
    f64::to_radians(x)
}
#[differentiable]
fn m_floor(x: f64) -> f64 {
    x.floor()
}
#[differentiable]
fn p_floor(x: f64) -> f64 {
    f64::floor(x)
}
#[differentiable]
fn m_ceil(x: f64) -> f64 {
    x.ceil()
}
#[differentiable]
fn p_ceil(x: f64) -> f64 {
    f64::ceil(x)
}
#[differentiable]
fn m_round(x: f64) -> f64 {
    x.round()
}
#[differentiable]
fn p_round(x: f64) -> f64 {
    f64::round(x)
}
#[differentiable]
fn m_trunc(x: f64) -> f64 {
    x.trunc()
}
#[differentiable]
fn p_trunc(x: f64) -> f64 {
    f64::trunc(x)
}
#[differentiable]
fn m_fract(x: f64) -> f64 {
    x.fract()
}
#[differentiable]
fn p_fract(x: f64) -> f64 {
    f64::fract(x)
}

#[test]
fn abs() {
    let xs = points(1, |r| r.signed(0.05, 5.0));
    unary(
        "abs",
        [(m_abs, m_abs_grad), (p_abs, p_abs_grad)],
        f64::abs,
        |x| {
            if x > 0.0 { 1.0 } else { -1.0 }
        },
        &xs,
    );
}

#[test]
fn signum() {
    let xs = points(2, |r| r.signed(0.05, 5.0));
    unary(
        "signum",
        [(m_signum, m_signum_grad), (p_signum, p_signum_grad)],
        f64::signum,
        |_| 0.0,
        &xs,
    );
}

#[test]
fn sqrt() {
    let xs = points(3, |r| r.uniform(0.05, 10.0));
    unary(
        "sqrt",
        [(m_sqrt, m_sqrt_grad), (p_sqrt, p_sqrt_grad)],
        f64::sqrt,
        |x| 0.5 / x.sqrt(),
        &xs,
    );
}

#[test]
fn cbrt() {
    let xs = points(4, |r| r.signed(0.1, 10.0));
    unary(
        "cbrt",
        [(m_cbrt, m_cbrt_grad), (p_cbrt, p_cbrt_grad)],
        f64::cbrt,
        |x| x.abs().powf(-2.0 / 3.0) / 3.0,
        &xs,
    );
}

#[test]
fn exp() {
    let xs = points(5, |r| r.uniform(-4.0, 4.0));
    unary(
        "exp",
        [(m_exp, m_exp_grad), (p_exp, p_exp_grad)],
        f64::exp,
        f64::exp,
        &xs,
    );
}

#[test]
fn exp2() {
    let xs = points(6, |r| r.uniform(-4.0, 4.0));
    unary(
        "exp2",
        [(m_exp2, m_exp2_grad), (p_exp2, p_exp2_grad)],
        f64::exp2,
        |x| 2f64.ln() * (x * 2f64.ln()).exp(),
        &xs,
    );
}

#[test]
fn exp_m1() {
    let mut xs = points(7, |r| r.uniform(-4.0, 4.0));
    xs.push(1e-9); // where exp_m1 is more accurate than exp - 1
    unary(
        "exp_m1",
        [(m_exp_m1, m_exp_m1_grad), (p_exp_m1, p_exp_m1_grad)],
        f64::exp_m1,
        f64::exp,
        &xs,
    );
}

#[test]
fn ln() {
    let xs = points(8, |r| r.uniform(0.05, 20.0));
    unary(
        "ln",
        [(m_ln, m_ln_grad), (p_ln, p_ln_grad)],
        f64::ln,
        |x| 1.0 / x,
        &xs,
    );
}

#[test]
fn log2() {
    let xs = points(9, |r| r.uniform(0.05, 20.0));
    unary(
        "log2",
        [(m_log2, m_log2_grad), (p_log2, p_log2_grad)],
        f64::log2,
        |x| 1.0 / (x * 2f64.ln()),
        &xs,
    );
}

#[test]
fn log10() {
    let xs = points(10, |r| r.uniform(0.05, 20.0));
    unary(
        "log10",
        [(m_log10, m_log10_grad), (p_log10, p_log10_grad)],
        f64::log10,
        |x| 1.0 / (x * 10f64.ln()),
        &xs,
    );
}

#[test]
fn ln_1p() {
    let mut xs = points(11, |r| r.uniform(-0.9, 10.0));
    xs.push(1e-10);
    unary(
        "ln_1p",
        [(m_ln_1p, m_ln_1p_grad), (p_ln_1p, p_ln_1p_grad)],
        f64::ln_1p,
        |x| 1.0 / (x + 1.0),
        &xs,
    );
}

#[test]
fn sin() {
    let xs = points(12, |r| r.uniform(-6.0, 6.0));
    unary(
        "sin",
        [(m_sin, m_sin_grad), (p_sin, p_sin_grad)],
        f64::sin,
        f64::cos,
        &xs,
    );
}

#[test]
fn cos() {
    let xs = points(13, |r| r.uniform(-6.0, 6.0));
    unary(
        "cos",
        [(m_cos, m_cos_grad), (p_cos, p_cos_grad)],
        f64::cos,
        |x| -x.sin(),
        &xs,
    );
}

#[test]
fn tan() {
    let xs = points(14, |r| r.uniform(-1.4, 1.4));
    unary(
        "tan",
        [(m_tan, m_tan_grad), (p_tan, p_tan_grad)],
        f64::tan,
        |x| 1.0 / (x.cos() * x.cos()),
        &xs,
    );
}

#[test]
fn asin() {
    let xs = points(15, |r| r.uniform(-0.95, 0.95));
    unary(
        "asin",
        [(m_asin, m_asin_grad), (p_asin, p_asin_grad)],
        f64::asin,
        |x| 1.0 / ((1.0 - x) * (1.0 + x)).sqrt(),
        &xs,
    );
}

#[test]
fn acos() {
    let xs = points(16, |r| r.uniform(-0.95, 0.95));
    unary(
        "acos",
        [(m_acos, m_acos_grad), (p_acos, p_acos_grad)],
        f64::acos,
        |x| -1.0 / ((1.0 - x) * (1.0 + x)).sqrt(),
        &xs,
    );
}

#[test]
fn atan() {
    let xs = points(17, |r| r.uniform(-6.0, 6.0));
    unary(
        "atan",
        [(m_atan, m_atan_grad), (p_atan, p_atan_grad)],
        f64::atan,
        |x| 1.0 / (1.0 + x * x),
        &xs,
    );
}

#[test]
fn sinh() {
    let xs = points(18, |r| r.uniform(-4.0, 4.0));
    unary(
        "sinh",
        [(m_sinh, m_sinh_grad), (p_sinh, p_sinh_grad)],
        f64::sinh,
        |x| (x.exp() + (-x).exp()) / 2.0,
        &xs,
    );
}

#[test]
fn cosh() {
    let xs = points(19, |r| r.uniform(-4.0, 4.0));
    unary(
        "cosh",
        [(m_cosh, m_cosh_grad), (p_cosh, p_cosh_grad)],
        f64::cosh,
        |x| (x.exp() - (-x).exp()) / 2.0,
        &xs,
    );
}

#[test]
fn tanh() {
    let xs = points(20, |r| r.uniform(-4.0, 4.0));
    unary(
        "tanh",
        [(m_tanh, m_tanh_grad), (p_tanh, p_tanh_grad)],
        f64::tanh,
        |x| 1.0 / (x.cosh() * x.cosh()),
        &xs,
    );
}

#[test]
fn asinh() {
    let xs = points(21, |r| r.uniform(-6.0, 6.0));
    unary(
        "asinh",
        [(m_asinh, m_asinh_grad), (p_asinh, p_asinh_grad)],
        f64::asinh,
        |x| 1.0 / x.hypot(1.0),
        &xs,
    );
}

#[test]
fn acosh() {
    let xs = points(22, |r| r.uniform(1.05, 8.0));
    unary(
        "acosh",
        [(m_acosh, m_acosh_grad), (p_acosh, p_acosh_grad)],
        f64::acosh,
        |x| 1.0 / ((x - 1.0) * (x + 1.0)).sqrt(),
        &xs,
    );
}

#[test]
fn atanh() {
    let xs = points(23, |r| r.uniform(-0.95, 0.95));
    unary(
        "atanh",
        [(m_atanh, m_atanh_grad), (p_atanh, p_atanh_grad)],
        f64::atanh,
        |x| 1.0 / ((1.0 - x) * (1.0 + x)),
        &xs,
    );
}

#[test]
fn recip() {
    let xs = points(24, |r| r.signed(0.1, 10.0));
    unary(
        "recip",
        [(m_recip, m_recip_grad), (p_recip, p_recip_grad)],
        f64::recip,
        |x| -1.0 / (x * x),
        &xs,
    );
}

#[test]
fn to_degrees() {
    let xs = points(25, |r| r.uniform(-7.0, 7.0));
    unary(
        "to_degrees",
        [
            (m_to_degrees, m_to_degrees_grad),
            (p_to_degrees, p_to_degrees_grad),
        ],
        f64::to_degrees,
        |_| 180.0 / std::f64::consts::PI,
        &xs,
    );
}

#[test]
fn to_radians() {
    let xs = points(26, |r| r.uniform(-400.0, 400.0));
    unary(
        "to_radians",
        [
            (m_to_radians, m_to_radians_grad),
            (p_to_radians, p_to_radians_grad),
        ],
        f64::to_radians,
        |_| std::f64::consts::PI / 180.0,
        &xs,
    );
}

#[test]
fn floor() {
    let xs = points(27, |r| r.off_integer(-6.0, 6.0, 1e-3));
    unary(
        "floor",
        [(m_floor, m_floor_grad), (p_floor, p_floor_grad)],
        f64::floor,
        |_| 0.0,
        &xs,
    );
}

#[test]
fn ceil() {
    let xs = points(28, |r| r.off_integer(-6.0, 6.0, 1e-3));
    unary(
        "ceil",
        [(m_ceil, m_ceil_grad), (p_ceil, p_ceil_grad)],
        f64::ceil,
        |_| 0.0,
        &xs,
    );
}

#[test]
fn round() {
    // `round` jumps at the half-integers.
    let xs = points(29, |r| r.off_integer(-6.0, 6.0, 1e-3) + 0.5);
    unary(
        "round",
        [(m_round, m_round_grad), (p_round, p_round_grad)],
        f64::round,
        |_| 0.0,
        &xs,
    );
}

#[test]
fn trunc() {
    let xs = points(30, |r| r.off_integer(-6.0, 6.0, 1e-3));
    unary(
        "trunc",
        [(m_trunc, m_trunc_grad), (p_trunc, p_trunc_grad)],
        f64::trunc,
        |_| 0.0,
        &xs,
    );
}

#[test]
fn fract() {
    let xs = points(31, |r| r.off_integer(-6.0, 6.0, 1e-3));
    unary(
        "fract",
        [(m_fract, m_fract_grad), (p_fract, p_fract_grad)],
        f64::fract,
        |_| 1.0,
        &xs,
    );
}

// The zero-derivative methods used inside a product: their result is a constant factor.
#[differentiable]
fn times_floor(x: f64) -> f64 {
    x * x.floor() + x * f64::ceil(x) + x.round() * x + f64::trunc(x) * x + x * x.signum()
}

#[test]
fn zero_derivative_methods_are_constant_factors() {
    for x in points(32, |r| r.off_integer(-6.0, 6.0, 1e-3) + 0.25) {
        let (v, g) = times_floor_grad(x);
        let expected = x.floor() + x.ceil() + x.round() + x.trunc() + x.signum();
        assert_eq!(v, times_floor(x));
        assert_close(&[g], &[expected], &format!("times_floor at {x}"));
        assert_fd(|p| times_floor(p[0]), &[x], &[g], "times_floor");
    }
}

// ---- powi: integer exponent (a constant) ------------------------------------------------

#[differentiable]
fn m_powi(x: f64, n: i32) -> f64 {
    x.powi(n)
}
#[differentiable]
fn p_powi(x: f64, n: i32) -> f64 {
    f64::powi(x, n)
}
#[differentiable]
fn m_powi_lit(x: f64) -> f64 {
    x.powi(3) + x.powi(-2)
}
#[differentiable]
fn p_powi_lit(x: f64) -> f64 {
    f64::powi(x, 3) + f64::powi(x, -2)
}

#[test]
fn powi() {
    let xs = points(33, |r| r.signed(0.3, 3.0));
    for n in -3..=5 {
        for (form, primal, grad) in [
            (
                "method",
                m_powi as fn(f64, i32) -> f64,
                m_powi_grad as fn(f64, i32) -> (f64, f64),
            ),
            ("path", p_powi, p_powi_grad),
        ] {
            for &x in &xs {
                let what = format!("powi ({form} form) at x = {x}, n = {n}");
                let (v, g) = grad(x, n);
                assert_eq!(v, x.powi(n), "{what}: value");
                let expected = if n == 0 {
                    0.0
                } else {
                    n as f64 * x.powi(n - 1)
                };
                assert_close_tol(&[g], &[expected], CLOSED_RTOL, &what);
                assert_fd(|p| primal(p[0], n), &[x], &[g], &what);
            }
        }
    }
    for x in points(46, |r| r.signed(0.3, 3.0)) {
        for (primal, grad) in [
            (
                m_powi_lit as fn(f64) -> f64,
                m_powi_lit_grad as fn(f64) -> (f64, f64),
            ),
            (p_powi_lit, p_powi_lit_grad),
        ] {
            let (v, g) = grad(x);
            assert_eq!(v, x.powi(3) + x.powi(-2));
            assert_eq!(v, primal(x));
            let expected = 3.0 * x * x - 2.0 / (x * x * x);
            assert_close_tol(
                &[g],
                &[expected],
                CLOSED_RTOL,
                "powi with literal exponents",
            );
            assert_fd(|p| primal(p[0]), &[x], &[g], "powi with literal exponents");
        }
    }
}

// ---- two-operand methods ----------------------------------------------------------------

#[differentiable]
fn m_powf(x: f64, p: f64) -> f64 {
    x.powf(p)
}
#[differentiable]
fn p_powf(x: f64, p: f64) -> f64 {
    f64::powf(x, p)
}
#[differentiable]
fn m_log(x: f64, b: f64) -> f64 {
    x.log(b)
}
#[differentiable]
fn p_log(x: f64, b: f64) -> f64 {
    f64::log(x, b)
}
#[differentiable]
fn m_atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}
#[differentiable]
fn p_atan2(y: f64, x: f64) -> f64 {
    f64::atan2(y, x)
}
#[differentiable]
fn m_hypot(a: f64, b: f64) -> f64 {
    a.hypot(b)
}
#[differentiable]
fn p_hypot(a: f64, b: f64) -> f64 {
    f64::hypot(a, b)
}
#[differentiable]
fn m_max(a: f64, b: f64) -> f64 {
    a.max(b)
}
#[differentiable]
fn p_max(a: f64, b: f64) -> f64 {
    f64::max(a, b)
}
#[differentiable]
fn m_min(a: f64, b: f64) -> f64 {
    a.min(b)
}
#[differentiable]
fn p_min(a: f64, b: f64) -> f64 {
    f64::min(a, b)
}

#[test]
fn powf() {
    let xs = points2(34, |r| (r.uniform(0.1, 5.0), r.uniform(-3.0, 3.0)));
    binary(
        "powf",
        [(m_powf, m_powf_grad), (p_powf, p_powf_grad)],
        f64::powf,
        |x, p| (p * x.powf(p) / x, x.powf(p) * x.ln()),
        &xs,
    );
}

#[differentiable]
fn powf_const_exponent(x: f64) -> f64 {
    x.powf(2.5) + f64::powf(2.0, x)
}

#[test]
fn powf_with_one_constant_operand() {
    for x in points(35, |r| r.uniform(0.1, 4.0)) {
        let (v, g) = powf_const_exponent_grad(x);
        assert_eq!(v, x.powf(2.5) + 2f64.powf(x));
        let expected = 2.5 * x.powf(1.5) + 2f64.powf(x) * 2f64.ln();
        assert_close_tol(
            &[g],
            &[expected],
            CLOSED_RTOL,
            "powf with a constant operand",
        );
        assert_fd(
            |p| powf_const_exponent(p[0]),
            &[x],
            &[g],
            "powf with a constant operand",
        );
    }
}

#[test]
fn powf_at_zero_base() {
    // ∂/∂p xᵖ = xᵖ ln x is taken as 0 at x = 0 (as JAX); ∂/∂x = p xᵖ⁻¹ = 0 for p = 2.
    for (primal, grad) in [
        (
            m_powf as fn(f64, f64) -> f64,
            m_powf_grad as fn(f64, f64) -> (f64, (f64, f64)),
        ),
        (p_powf, p_powf_grad),
    ] {
        let (v, (dx, dp)) = grad(0.0, 2.0);
        assert_eq!(v, primal(0.0, 2.0));
        assert_eq!((v, dx, dp), (0.0, 0.0, 0.0));
        let (v, (dx, dp)) = grad(0.0, 3.5);
        assert_eq!((v, dx, dp), (0.0, 0.0, 0.0));
    }
}

#[test]
fn log() {
    let mut xs = points2(36, |r| (r.uniform(0.1, 20.0), r.uniform(1.5, 10.0)));
    xs.extend(points2(37, |r| (r.uniform(0.1, 20.0), r.uniform(0.1, 0.8))));
    binary(
        "log",
        [(m_log, m_log_grad), (p_log, p_log_grad)],
        f64::log,
        |x, b| (1.0 / (x * b.ln()), -x.ln() / (b * b.ln().powi(2))),
        &xs,
    );
}

#[test]
fn atan2() {
    // Away from the origin and from the branch cut on the negative x axis.
    let xs = points2(38, |r| (r.signed(0.2, 3.0), r.uniform(-3.0, 3.0)));
    binary(
        "atan2",
        [(m_atan2, m_atan2_grad), (p_atan2, p_atan2_grad)],
        f64::atan2,
        |y, x| {
            let r2 = x.hypot(y).powi(2);
            (x / r2, -y / r2)
        },
        &xs,
    );
}

#[test]
fn hypot() {
    let xs = points2(39, |r| (r.uniform(-3.0, 3.0), r.signed(0.1, 3.0)));
    binary(
        "hypot",
        [(m_hypot, m_hypot_grad), (p_hypot, p_hypot_grad)],
        f64::hypot,
        |a, b| {
            let h = (a * a + b * b).sqrt();
            (a / h, b / h)
        },
        &xs,
    );
}

#[test]
fn hypot_at_origin_is_zero() {
    assert_eq!(m_hypot_grad(0.0, 0.0), (0.0, (0.0, 0.0)));
    assert_eq!(p_hypot_grad(0.0, 0.0), (0.0, (0.0, 0.0)));
}

fn distinct_pair(r: &mut Rng) -> (f64, f64) {
    loop {
        let (a, b) = (r.uniform(-5.0, 5.0), r.uniform(-5.0, 5.0));
        if (a - b).abs() > 1e-3 {
            return (a, b);
        }
    }
}

#[test]
fn max() {
    let xs = points2(40, distinct_pair);
    assert!(xs.iter().any(|(a, b)| a > b) && xs.iter().any(|(a, b)| a < b));
    binary(
        "max",
        [(m_max, m_max_grad), (p_max, p_max_grad)],
        f64::max,
        |a, b| {
            if a > b { (1.0, 0.0) } else { (0.0, 1.0) }
        },
        &xs,
    );
}

#[test]
fn min() {
    let xs = points2(41, distinct_pair);
    assert!(xs.iter().any(|(a, b)| a > b) && xs.iter().any(|(a, b)| a < b));
    binary(
        "min",
        [(m_min, m_min_grad), (p_min, p_min_grad)],
        f64::min,
        |a, b| {
            if a < b { (1.0, 0.0) } else { (0.0, 1.0) }
        },
        &xs,
    );
}

// ---- three-operand methods --------------------------------------------------------------

#[differentiable]
fn m_mul_add(x: f64, a: f64, b: f64) -> f64 {
    x.mul_add(a, b)
}
#[differentiable]
fn p_mul_add(x: f64, a: f64, b: f64) -> f64 {
    f64::mul_add(x, a, b)
}
#[differentiable]
fn m_clamp(x: f64, lo: f64, hi: f64) -> f64 {
    x.clamp(lo, hi)
}
#[differentiable]
fn p_clamp(x: f64, lo: f64, hi: f64) -> f64 {
    f64::clamp(x, lo, hi)
}

#[test]
fn mul_add() {
    let mut rng = Rng::new(42);
    let xs: Vec<_> = (0..N)
        .map(|_| {
            (
                rng.uniform(-5.0, 5.0),
                rng.uniform(-5.0, 5.0),
                rng.uniform(-5.0, 5.0),
            )
        })
        .collect();
    ternary(
        "mul_add",
        [(m_mul_add, m_mul_add_grad), (p_mul_add, p_mul_add_grad)],
        f64::mul_add,
        |x, a, _| (a, x, 1.0),
        &xs,
    );
}

#[test]
fn clamp() {
    let mut rng = Rng::new(43);
    let mut xs = Vec::new();
    while xs.len() < 3 * N {
        let (x, lo, hi) = (
            rng.uniform(-3.0, 3.0),
            rng.uniform(-2.0, -0.5),
            rng.uniform(0.5, 2.0),
        );
        if (x - lo).abs() > 1e-3 && (x - hi).abs() > 1e-3 {
            xs.push((x, lo, hi));
        }
    }
    // All three regimes are exercised.
    assert!(xs.iter().any(|&(x, lo, _)| x < lo));
    assert!(xs.iter().any(|&(x, _, hi)| x > hi));
    assert!(xs.iter().any(|&(x, lo, hi)| lo < x && x < hi));
    ternary(
        "clamp",
        [(m_clamp, m_clamp_grad), (p_clamp, p_clamp_grad)],
        f64::clamp,
        |x, lo, hi| {
            if x < lo {
                (0.0, 1.0, 0.0)
            } else if x > hi {
                (0.0, 0.0, 1.0)
            } else {
                (1.0, 0.0, 0.0)
            }
        },
        &xs,
    );
}

// ---- conventions at kinks (JAX) ---------------------------------------------------------

#[test]
fn abs_derivative_is_one_at_zero() {
    assert_eq!(m_abs_grad(0.0), (0.0, 1.0));
    assert_eq!(p_abs_grad(0.0), (0.0, 1.0));
    // -0.0 compares equal to 0.0: same convention.
    assert_eq!(m_abs_grad(-0.0).1, 1.0);
    assert_eq!(m_abs_grad(-1e-300).1, -1.0);
    assert_eq!(m_abs_grad(1e-300).1, 1.0);
}

#[differentiable]
fn max_self(x: f64) -> f64 {
    x.max(x)
}
#[differentiable]
fn min_self(x: f64) -> f64 {
    f64::min(x, x)
}

#[test]
fn max_min_ties_split_the_cotangent() {
    for t in [0.0, 1.5, -2.25] {
        assert_eq!(m_max_grad(t, t), (t, (0.5, 0.5)));
        assert_eq!(p_max_grad(t, t), (t, (0.5, 0.5)));
        assert_eq!(m_min_grad(t, t), (t, (0.5, 0.5)));
        assert_eq!(p_min_grad(t, t), (t, (0.5, 0.5)));
        // Both halves reach the same variable: the derivative of the identity.
        assert_eq!(max_self_grad(t), (t, 1.0));
        assert_eq!(min_self_grad(t), (t, 1.0));
        assert_eq!((max_self(t), min_self(t)), (t, t));
    }
    // The split scales with the seed.
    assert_eq!(m_max_vjp(2.0, 2.0, 3.0), (2.0, (1.5, 1.5)));
    assert_eq!(p_min_vjp(2.0, 2.0, -4.0), (2.0, (-2.0, -2.0)));
}

#[differentiable]
fn clamp_composed(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

#[test]
fn clamp_ties_follow_min_of_max() {
    // clamp(x, lo, hi) is differentiated as min(max(x, lo), hi).
    assert_eq!(m_clamp_grad(-1.0, -1.0, 1.0), (-1.0, (0.5, 0.5, 0.0)));
    assert_eq!(m_clamp_grad(1.0, -1.0, 1.0), (1.0, (0.5, 0.0, 0.5)));
    assert_eq!(m_clamp_grad(0.5, 0.5, 0.5), (0.5, (0.25, 0.25, 0.5)));
    assert_eq!(p_clamp_grad(-1.0, -1.0, 1.0), (-1.0, (0.5, 0.5, 0.0)));
    assert_eq!(p_clamp_grad(1.0, -1.0, 1.0), (1.0, (0.5, 0.0, 0.5)));
    assert_eq!(p_clamp_grad(0.5, 0.5, 0.5), (0.5, (0.25, 0.25, 0.5)));
    let cases = [
        (-1.0, -1.0, 1.0),
        (1.0, -1.0, 1.0),
        (0.5, 0.5, 0.5),
        (0.7, 0.5, 0.5),
        (0.2, 0.5, 0.5),
        (0.0, -1.0, 1.0),
        (-3.0, -1.0, 1.0),
        (3.0, -1.0, 1.0),
    ];
    for (x, lo, hi) in cases {
        assert_eq!(
            m_clamp_grad(x, lo, hi),
            clamp_composed_grad(x, lo, hi),
            "clamp({x}, {lo}, {hi})"
        );
        assert_eq!(
            p_clamp_grad(x, lo, hi),
            clamp_composed_grad(x, lo, hi),
            "clamp({x}, {lo}, {hi})"
        );
        assert_eq!(clamp_composed(x, lo, hi), x.clamp(lo, hi));
    }
}

#[test]
fn step_functions_have_zero_derivative_at_integers() {
    for x in [-2.0, -1.0, 0.0, 1.0, 3.0, 2.5, -0.5] {
        for grad in [
            m_floor_grad as fn(f64) -> (f64, f64),
            p_floor_grad,
            m_ceil_grad,
            p_ceil_grad,
            m_round_grad,
            p_round_grad,
            m_trunc_grad,
            p_trunc_grad,
            m_signum_grad,
            p_signum_grad,
        ] {
            assert_eq!(grad(x).1, 0.0, "at {x}");
        }
        // fract = x - trunc(x): derivative 1 everywhere, including at the integers.
        assert_eq!(m_fract_grad(x), (x.fract(), 1.0));
        assert_eq!(p_fract_grad(x), (x.fract(), 1.0));
    }
}

// ---- f32 ----------------------------------------------------------------------------------

#[differentiable]
fn f32_sin(x: f32) -> f32 {
    x.sin()
}
#[differentiable]
fn f32_sin_path(x: f32) -> f32 {
    f32::sin(x)
}
#[differentiable]
fn f32_exp(x: f32) -> f32 {
    x.exp()
}
#[differentiable]
fn f32_exp_path(x: f32) -> f32 {
    f32::exp(x)
}
#[differentiable]
fn f32_powi(x: f32, n: i32) -> f32 {
    x.powi(n)
}
#[differentiable]
fn f32_powi_path(x: f32, n: i32) -> f32 {
    f32::powi(x, n)
}
#[differentiable]
fn f32_hypot(a: f32, b: f32) -> f32 {
    a.hypot(b)
}
#[differentiable]
fn f32_hypot_path(a: f32, b: f32) -> f32 {
    f32::hypot(a, b)
}
#[differentiable]
fn f32_max(a: f32, b: f32) -> f32 {
    a.max(b)
}
#[differentiable]
fn f32_max_path(a: f32, b: f32) -> f32 {
    f32::max(a, b)
}

const F32_RTOL: f64 = 1e-3;

#[test]
fn f32_methods() {
    let mut rng = Rng::new(44);
    for _ in 0..N {
        let x = rng.uniform(-2.0, 2.0) as f32;
        let xd = x as f64;
        for grad in [f32_sin_grad as fn(f32) -> (f32, f32), f32_sin_path_grad] {
            let (v, g): (f32, f32) = grad(x);
            assert_eq!(v, x.sin());
            assert_close_tol(&[g as f64], &[xd.cos()], F32_RTOL, "f32 sin");
        }
        for grad in [f32_exp_grad as fn(f32) -> (f32, f32), f32_exp_path_grad] {
            let (v, g): (f32, f32) = grad(x);
            assert_eq!(v, x.exp());
            assert_close_tol(&[g as f64], &[xd.exp()], F32_RTOL, "f32 exp");
        }
        for n in [-2, 0, 3] {
            let x = if x.abs() < 0.1 { 0.5 } else { x };
            let xd = x as f64;
            for grad in [
                f32_powi_grad as fn(f32, i32) -> (f32, f32),
                f32_powi_path_grad,
            ] {
                let (v, g): (f32, f32) = grad(x, n);
                assert_eq!(v, x.powi(n));
                let expected = if n == 0 {
                    0.0
                } else {
                    n as f64 * xd.powi(n - 1)
                };
                assert_close_tol(&[g as f64], &[expected], F32_RTOL, "f32 powi");
            }
        }
        let y = rng.signed(0.1, 2.0) as f32;
        let yd = y as f64;
        for grad in [
            f32_hypot_grad as fn(f32, f32) -> (f32, (f32, f32)),
            f32_hypot_path_grad,
        ] {
            let (v, (da, db)): (f32, (f32, f32)) = grad(x, y);
            assert_eq!(v, x.hypot(y));
            let h = xd.hypot(yd);
            assert_close_tol(
                &[da as f64, db as f64],
                &[xd / h, yd / h],
                F32_RTOL,
                "f32 hypot",
            );
        }
        for grad in [
            f32_max_grad as fn(f32, f32) -> (f32, (f32, f32)),
            f32_max_path_grad,
        ] {
            let (v, (da, db)): (f32, (f32, f32)) = grad(x, y);
            assert_eq!(v, x.max(y));
            let expected = if x > y { [1.0, 0.0] } else { [0.0, 1.0] };
            assert_close_tol(&[da as f64, db as f64], &expected, F32_RTOL, "f32 max");
            assert_eq!(grad(x, x).1, (0.5, 0.5));
        }
    }
}

#[test]
fn f32_primals_are_unchanged() {
    let (x, y, n) = (0.75f32, -1.25f32, 3);
    assert_eq!(f32_sin(x), x.sin());
    assert_eq!(f32_sin_path(x), x.sin());
    assert_eq!(f32_exp(x), x.exp());
    assert_eq!(f32_exp_path(x), x.exp());
    assert_eq!(f32_powi(x, n), x.powi(n));
    assert_eq!(f32_powi_path(x, n), x.powi(n));
    assert_eq!(f32_hypot(x, y), x.hypot(y));
    assert_eq!(f32_hypot_path(x, y), x.hypot(y));
    assert_eq!(f32_max(x, y), x);
    assert_eq!(f32_max_path(x, y), x);
}

#[test]
fn f32_agrees_with_f64_finite_differences() {
    // The f32 derivative against finite differences of the f64 twin (f32 finite differences
    // are too noisy to be useful).
    for x in points(45, |r| r.uniform(-2.0, 2.0)) {
        let xf = x as f32;
        let g = f32_sin_grad(xf).1 as f64;
        let fd = fd_grad(|p| m_sin(p[0]), &[xf as f64]);
        assert_close_tol(&[g], &fd, F32_RTOL, "f32 sin vs f64 finite differences");
        let g = f32_exp_grad(xf).1 as f64;
        let fd = fd_grad(|p| m_exp(p[0]), &[xf as f64]);
        assert_close_tol(&[g], &fd, F32_RTOL, "f32 exp vs f64 finite differences");
    }
}

#[differentiable]
fn sin_cos_pair(x: f64) -> f64 {
    let (s, c) = x.sin_cos();
    s * 2.0 + c * c
}

#[differentiable]
fn copysign_fn(x: f64, b: f64) -> f64 {
    x.copysign(b) * x
}

#[test]
fn sin_cos_and_copysign() {
    for x in [-1.3, 0.2, 2.5] {
        let (v, d) = sin_cos_pair_grad(x);
        assert_eq!(v, sin_cos_pair(x));
        let want = 2.0 * x.cos() - 2.0 * x.cos() * x.sin();
        assert!((d - want).abs() < 1e-12, "{d} vs {want}");
        ad_runtime::check::assert_gradient(|p| sin_cos_pair(p[0]), &[x], &[d], 1e-6);
        for b in [-2.0, 3.0] {
            let (v, (dx, db)) = copysign_fn_grad(x, b);
            assert_eq!(v, copysign_fn(x, b));
            assert_eq!(db, 0.0);
            ad_runtime::check::assert_gradient(|p| copysign_fn(p[0], b), &[x], &[dx], 1e-6);
        }
    }
}

#[differentiable]
fn m_copysign(x: f64, s: f64) -> f64 {
    x.copysign(s)
}
#[differentiable]
fn p_copysign(x: f64, s: f64) -> f64 {
    f64::copysign(x, s)
}
#[differentiable]
fn m_sin_cos(x: f64) -> f64 {
    let (s, c) = x.sin_cos();
    s * 3.0 - c
}
#[differentiable]
fn p_sin_cos(x: f64) -> f64 {
    let (s, c) = f64::sin_cos(x);
    s * 3.0 - c
}

#[test]
fn copysign_and_sin_cos_both_forms() {
    // Operands of different signs and magnitudes: a swapped pair could not pass.
    let xs = points2(61, |r| (r.signed(0.2, 3.0), r.signed(0.5, 2.0)));
    binary(
        "copysign",
        [(m_copysign, m_copysign_grad), (p_copysign, p_copysign_grad)],
        f64::copysign,
        |x, s| (x.signum() * s.signum(), 0.0),
        &xs,
    );
    let xs = points(62, |r| r.uniform(-3.0, 3.0));
    unary(
        "sin_cos",
        [(m_sin_cos, m_sin_cos_grad), (p_sin_cos, p_sin_cos_grad)],
        |x| {
            let (s, c) = x.sin_cos();
            s * 3.0 - c
        },
        |x| 3.0 * x.cos() + x.sin(),
        &xs,
    );
}

/// Squares written `x * x` (one rule, `sq_d0`, for both partials): of a parameter, of a
/// borrowed element, of a temporary read only by its square, and inside a loop whose
/// accumulator is itself squared; gradient, JVP and HVP against the closed form.
#[differentiable]
fn squares(x: f64, y: &[f64]) -> f64 {
    let a = x * y[0];
    let mut s = a * a;
    for i in 0..y.len() {
        let e = y[i] - x;
        s += e * e;
    }
    s * s + x * x
}

#[test]
fn squares_written_as_products() {
    let (x, y): (f64, [f64; 3]) = (0.7, [0.3, -1.1, 2.0]);
    // s = (x y0)² + Σ (y_i - x)², f = s² + x².
    let s = (x * y[0]).powi(2) + y.iter().map(|v| (v - x) * (v - x)).sum::<f64>();
    let ds_dx = 2.0 * x * y[0] * y[0] - 2.0 * y.iter().map(|v| v - x).sum::<f64>();
    let ds_dy: Vec<f64> = (0..3)
        .map(|i| 2.0 * (y[i] - x) + if i == 0 { 2.0 * x * x * y[0] } else { 0.0 })
        .collect();
    let (v, (gx, gy)) = squares_grad(x, &y);
    assert_near(v, s * s + x * x, "value");
    assert_near(gx, 2.0 * s * ds_dx + 2.0 * x, "df/dx");
    let want: Vec<f64> = ds_dy.iter().map(|d| 2.0 * s * d).collect();
    closed(&gy, &want, "df/dy");
    let (t, dy) = (0.4, [1.0, -0.5, 0.25]);
    let (_, jv) = squares_jvp(x, &y, t, &dy);
    let gv = gx * t + gy.iter().zip(&dy).map(|(a, b)| a * b).sum::<f64>();
    assert_near(jv, gv, "jvp = grad . v");
    let (_, _, (hx, hy)) = squares_hvp(x, &y, t, &dy);
    let h = 1e-5;
    let yp: Vec<f64> = y.iter().zip(&dy).map(|(a, b)| a + h * b).collect();
    let ym: Vec<f64> = y.iter().zip(&dy).map(|(a, b)| a - h * b).collect();
    let (_, (gxp, gyp)) = squares_grad(x + h * t, &yp);
    let (_, (gxm, gym)) = squares_grad(x - h * t, &ym);
    assert_close_tol(&[hx], &[(gxp - gxm) / (2.0 * h)], 1e-6, "H v, x");
    let fd: Vec<f64> = gyp
        .iter()
        .zip(&gym)
        .map(|(p, m)| (p - m) / (2.0 * h))
        .collect();
    assert_close_tol(&hy, &fd, 1e-6, "H v, y");
}
