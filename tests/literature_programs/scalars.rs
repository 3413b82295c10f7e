//! `f64` and `f32` methods (`powf`, `atan2`, `hypot`, `mul_add`, `sin_cos`, ...), integer and
//! runtime powers, and piecewise-smooth functions (`abs`, `max`, `min`, `clamp`) whose second
//! derivatives are taken between the kinks.

use crate::harness::*;
use ad_runtime::differentiable;

/// f64 methods, part 1.
#[differentiable]
fn std_methods_a(x: f64, y: f64) -> f64 {
    x.powf(y)
        + y.powi(3)
        + x.exp_m1()
        + y.ln_1p()
        + x.cbrt()
        + x.atan2(y)
        + x.hypot(y)
        + (x * y).tanh()
}

#[test]
fn t_std_methods_a() {
    s2_case!(
        "std_methods_a",
        [0.7, 1.3],
        std_methods_a,
        std_methods_a_grad,
        std_methods_a_jvp,
        std_methods_a_hvp,
        std_methods_a_check
    );
}

/// f64 methods, part 2.
#[differentiable]
fn std_methods_b(x: f64, y: f64) -> f64 {
    (x - y).abs()
        + x.max(y)
        + x.min(y)
        + (x * 0.9).clamp(0.0, 1.0)
        + x.tan()
        + f64::sqrt(x + y)
        + f64::max(x * x, y)
        + x.mul_add(y, 1.0)
        + y.log10()
        + x.log(3.0)
        + x.asinh()
        + y.recip()
}

#[test]
fn t_std_methods_b() {
    s2_case!(
        "std_methods_b",
        [0.7, 1.3],
        std_methods_b,
        std_methods_b_grad,
        std_methods_b_jvp,
        std_methods_b_hvp,
        std_methods_b_check
    );
}

/// f64 methods, part 3: sin_cos, exp2, log2, acos, atan, sinh, cosh.
#[differentiable]
fn std_methods_c(x: f64, y: f64) -> f64 {
    let (s, c) = (x * y).sin_cos();
    s * c
        + x.exp2()
        + y.log2()
        + (x * 0.5).acos()
        + y.atan()
        + x.sinh() * y.cosh()
        + x.to_degrees() * 0.01
}

#[test]
fn t_std_methods_c() {
    s2_case!(
        "std_methods_c",
        [0.7, 1.3],
        std_methods_c,
        std_methods_c_grad,
        std_methods_c_jvp,
        std_methods_c_hvp,
        std_methods_c_check
    );
}

/// powi with negative and runtime exponents, powf with both arguments differentiated.
#[differentiable]
fn powers(x: f64, y: f64, n: i32) -> f64 {
    x.powi(-2) + y.powi(n) + x.powf(y) + (x * y).powf(0.5) + 1.0 / x + x.recip() * y
}

#[test]
fn t_powers() {
    let n = 3;
    verify(
        "powers",
        &[0.7, 1.3],
        &|p| powers(p[0], p[1], n),
        &|p| {
            let (v, (a, b)) = powers_grad(p[0], p[1], n);
            (v, vec![a, b])
        },
        &|p, t| powers_jvp(p[0], p[1], n, t[0], t[1]),
        Some(&|p, t| {
            let (v, (a, b), (c, d)) = powers_hvp(p[0], p[1], n, t[0], t[1]);
            (v, vec![a, b], vec![c, d])
        }),
        Some(powers_check(0.7, 1.3, n)),
    );
}

/// Second order through abs, max and clamp (piecewise smooth).
#[differentiable]
fn kinky_cubic(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i].abs().powi(3)
            + x[i].max(0.2).powi(2) * x[i]
            + (x[i] * 2.0).clamp(-1.0, 1.0).powi(3);
    }
    s
}

#[test]
fn t_kinky_cubic() {
    slice_case!(
        "kinky_cubic",
        vec![0.3, -0.45, 0.8, -1.2, 1.7, 0.1],
        kinky_cubic,
        kinky_cubic_grad,
        kinky_cubic_jvp,
        kinky_cubic_hvp,
        kinky_cubic_check
    );
}

/// Running max / min and chained max.
#[differentiable]
fn running_extremes(x: &[f64]) -> f64 {
    let mut hi = x[0];
    let mut lo = x[0];
    for &v in &x[1..] {
        hi = hi.max(v);
        lo = lo.min(v);
    }
    hi * lo + x[0].max(x[1]).max(x[2]) - x[3].clamp(x[0], x[2])
}

#[test]
fn t_running_extremes() {
    slice_case!(
        "running_extremes",
        vec![0.3, -0.5, 0.8, 0.45, 1.7, -1.1],
        running_extremes,
        running_extremes_grad,
        running_extremes_jvp,
        running_extremes_hvp,
        running_extremes_check
    );
}

#[differentiable]
fn f32_poly(x: f32, y: f32) -> f32 {
    x * x * y + (x * y).sin() - y.sqrt()
}

#[test]
fn t_f32_poly() {
    let (x, y) = (0.7f32, 1.3f32);
    let (v, (dx, dy)) = f32_poly_grad(x, y);
    assert_eq!(v, f32_poly(x, y));
    let ex = 2.0 * x * y + y * (x * y).cos();
    let ey = x * x + x * (x * y).cos() - 0.5 / y.sqrt();
    assert!(
        (dx - ex).abs() < 1e-5 && (dy - ey).abs() < 1e-5,
        "({dx}, {dy}) vs ({ex}, {ey})"
    );
    let (_, t) = f32_poly_jvp(x, y, 0.5, -0.25);
    assert!((t - (0.5 * ex - 0.25 * ey)).abs() < 1e-5);
    assert_eq!(f32_poly_check(x, y), Ok(()));
}
