//! Infinite and zero slopes meeting (hunt 31), in every mode: `relu` under `√`, a sigmoid
//! written as `1 / (1 + exp(-x))` where `exp` overflows, `hypot` of large operands, `atan2`
//! at the origin under a zero cotangent. Each is flat, finite or conventional where a rule
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
    // (The Hessian–vector product there is still NaN: README, Limitations.)
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
