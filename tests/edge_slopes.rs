//! Infinite and zero slopes meeting (hunt 31), in every mode: `relu` under `√`, a sigmoid
//! written as `1 / (1 + exp(-x))` where `exp` overflows, `hypot` of large operands, `atan2`
//! at the origin under a zero cotangent, `recip`/`powi`/`powf`/`exp` of an overflowed value. Each is flat, finite or conventional where a rule
//! used to make `0 · ∞` (NaN) or overflow in an intermediate (`g · a` before `/ h`).

// Primals used only through their generated functions.
#![allow(dead_code)]

mod common;

use ad_runtime::ndarray::{Array1, array};
use ad_runtime::{differentiable, nn};
use common::assert_close;

#[differentiable]
fn relu_sqrt(x: &Array1<f64>) -> f64 {
    nn::relu(x).mapv(f64::sqrt).sum()
}

#[differentiable]
fn sigmoid_mapv(x: &Array1<f64>) -> f64 {
    x.mapv(|v| 1.0 / (1.0 + (-v).exp())).sum()
}

#[differentiable]
fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

#[differentiable]
fn log_hypot(x: f64) -> f64 {
    x.exp().hypot(1.0).ln()
}

#[differentiable]
fn hypot_square(x: f64, y: f64) -> f64 {
    (x * x).hypot(y)
}

#[differentiable]
fn weighted_angle(x: f64, y: f64) -> f64 {
    0.0 * y.atan2(x) + x
}

#[test]
fn relu_under_a_square_root() {
    let a = array![-2.0, 3.0];
    let (_, g) = relu_sqrt_grad(&a);
    assert_close(g.as_slice().unwrap(), &[0.0, 0.5 / 3f64.sqrt()], "gradient");
    let (_, t) = relu_sqrt_jvp(&a, &array![1.0, 0.0]);
    assert_close(&[t], &[0.0], "jvp");
    let (_, _, hv) = relu_sqrt_hvp(&a, &array![1.0, 0.0]);
    assert_close(hv.as_slice().unwrap(), &[0.0, 0.0], "hvp");
}

#[test]
fn sigmoid_where_exp_overflows() {
    let s = |v: f64| 1.0 / (1.0 + (-v).exp());
    let a = array![-800.0, 0.5];
    let (_, g) = sigmoid_mapv_grad(&a);
    assert_close(
        g.as_slice().unwrap(),
        &[0.0, s(0.5) * (1.0 - s(0.5))],
        "mapv gradient",
    );
    let (_, t) = sigmoid_mapv_jvp(&a, &array![1.0, 0.0]);
    assert_close(&[t], &[0.0], "mapv jvp");
    assert_close(
        &[sigmoid_grad(-800.0).1, sigmoid_jvp(-800.0, 1.0).1],
        &[0.0, 0.0],
        "scalar",
    );
    let (_, g, hv) = sigmoid_mapv_hvp(&a, &array![1.0, 0.0]);
    assert_close(
        g.as_slice().unwrap(),
        &[0.0, s(0.5) * (1.0 - s(0.5))],
        "mapv hvp gradient",
    );
    assert_close(hv.as_slice().unwrap(), &[0.0, 0.0], "mapv hvp");
    let (_, g, hv) = sigmoid_hvp(-800.0, 1.0);
    assert_close(&[g, hv], &[0.0, 0.0], "scalar hvp");
}

// The same flat spot reached through other rules: an overflowed value's infinite tangent (or
// cotangent) meets an exactly zero slope in `recip`, `powi`, `powf`, `exp` of `-∞`.
#[differentiable]
fn sigmoid_recip(x: f64) -> f64 {
    (1.0 + (-x).exp()).recip()
}
#[differentiable]
fn sigmoid_powi(x: f64) -> f64 {
    (1.0 + (-x).exp()).powi(-1)
}
#[differentiable]
fn sigmoid_powf(x: f64) -> f64 {
    (1.0 + (-x).exp()).powf(-1.0)
}
#[differentiable]
fn gompertz(x: f64) -> f64 {
    (-(-x).exp()).exp()
}
#[differentiable]
fn swish(x: f64) -> f64 {
    x / (1.0 + (-x).exp())
}
#[differentiable]
fn sigmoid_sum(x: &Array1<f64>) -> f64 {
    (1.0 / (x.mapv(|v| (-v).exp()) + 1.0)).sum()
}

#[test]
fn flat_where_an_intermediate_overflows_in_every_mode() {
    let sig = |v: f64| 1.0 / (1.0 + (-v).exp());
    // Closed forms at a moderate point (so the guards do not flatten real slopes), and zero
    // where `exp(-x)` overflows (the true slopes, about e^{-800}, round to zero).
    let d_sig = |v: f64| sig(v) * (1.0 - sig(v));
    let dd_sig = |v: f64| d_sig(v) * (1.0 - 2.0 * sig(v));
    let d_gomp = |v: f64| (-(-v).exp()).exp() * (-v).exp();
    let dd_gomp = |v: f64| d_gomp(v) * ((-v).exp() - 1.0);
    let d_swish = |v: f64| sig(v) + v * d_sig(v);
    let dd_swish = |v: f64| 2.0 * d_sig(v) + v * dd_sig(v);
    type Modes = (
        fn(f64) -> (f64, f64),
        fn(f64, f64) -> (f64, f64),
        fn(f64, f64) -> (f64, f64, f64),
    );
    let cases: [(&str, Modes, &dyn Fn(f64) -> f64, &dyn Fn(f64) -> f64); 5] = [
        (
            "recip",
            (sigmoid_recip_grad, sigmoid_recip_jvp, sigmoid_recip_hvp),
            &d_sig,
            &dd_sig,
        ),
        (
            "powi",
            (sigmoid_powi_grad, sigmoid_powi_jvp, sigmoid_powi_hvp),
            &d_sig,
            &dd_sig,
        ),
        (
            "powf",
            (sigmoid_powf_grad, sigmoid_powf_jvp, sigmoid_powf_hvp),
            &d_sig,
            &dd_sig,
        ),
        (
            "gompertz",
            (gompertz_grad, gompertz_jvp, gompertz_hvp),
            &d_gomp,
            &dd_gomp,
        ),
        (
            "swish",
            (swish_grad, swish_jvp, swish_hvp),
            &d_swish,
            &dd_swish,
        ),
    ];
    for (name, (grad, jvp, hvp), d, dd) in cases {
        for x in [0.7, -720.0, -800.0] {
            let (flat, flat2) = if x < -700.0 {
                (0.0, 0.0)
            } else {
                (d(x), dd(x))
            };
            let (_, g) = grad(x);
            let (_, t) = jvp(x, 1.0);
            let (_, hg, hv) = hvp(x, 1.0);
            assert_close(
                &[g, t, hg, hv],
                &[flat, flat, flat, flat2],
                &format!("{name} at {x}"),
            );
        }
    }
    let a = array![0.3, -800.0, 800.0];
    let v = array![1.0, 1.0, 1.0];
    let want = [d_sig(0.3), 0.0, 0.0];
    let (_, g) = sigmoid_sum_grad(&a);
    assert_close(g.as_slice().unwrap(), &want, "array grad");
    let (_, t) = sigmoid_sum_jvp(&a, &v);
    assert_close(&[t], &[d_sig(0.3)], "array jvp");
    let (_, g, hv) = sigmoid_sum_hvp(&a, &v);
    assert_close(g.as_slice().unwrap(), &want, "array hvp gradient");
    assert_close(
        hv.as_slice().unwrap(),
        &[dd_sig(0.3), 0.0, 0.0],
        "array hvp",
    );
}

#[test]
fn hypot_of_large_operands() {
    // ln √(e²ˣ + 1) has slope e²ˣ / (e²ˣ + 1) = 1 at x = 700 (e⁷⁰⁰ · e⁷⁰⁰ overflows).
    assert_close(
        &[log_hypot_grad(700.0).1, log_hypot_jvp(700.0, 1.0).1],
        &[1.0, 1.0],
        "ln hypot",
    );
    // hypot(x², 1) at x = 10¹²⁰: slope 2x (x²/h) = 2·10¹²⁰ (x² · 2x overflows).
    let (_, (gx, gy)) = hypot_square_grad(1e120, 1.0);
    let (_, t) = hypot_square_jvp(1e120, 1.0, 1.0, 0.0);
    assert_close(&[gx, t], &[2e120, 2e120], "hypot of a square");
    assert!(gy.is_finite() && gy.abs() < 1e-200, "∂/∂y = y / h: {gy}");
}

#[test]
fn atan2_at_the_origin_under_a_zero_cotangent() {
    let (_, (gx, gy)) = weighted_angle_grad(0.0, 0.0);
    assert_close(&[gx, gy], &[1.0, 0.0], "gradient");
    // Forward mode along a tangent that moves the angle is `0 · NaN` there (README,
    // Limitations); along one that does not, it is defined.
    let (_, t) = weighted_angle_jvp(0.0, 0.0, 0.0, 0.0);
    assert_close(&[t], &[0.0], "jvp");
}
