//! Nested differentiation: `g_grad` called inside a differentiable body, differentiated
//! through `g_hvp` (reverse and forward mode), against closed forms and finite differences;
//! perturbation confusion (Siskind and Pearlmutter) included.

// Primals used only through their generated functions.
#![allow(dead_code)]

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, array};
use common::{assert_close, fd_grad};

#[differentiable]
fn sum_xy(x: f64, y: f64) -> f64 {
    x + y
}

/// `d/dx (x · d/dy (x + y))` at `y = 1` is 1: an implementation that confuses the inner
/// perturbation with the outer one gets 2.
#[differentiable]
fn confusion(x: f64) -> f64 {
    let (_, (_, dy)) = sum_xy_grad(x, 1.0);
    x * dy
}

#[test]
fn no_perturbation_confusion() {
    let (v, g) = confusion_grad(3.0);
    assert_close(&[v, g], &[3.0, 1.0], "value and derivative");
    let (_, t) = confusion_jvp(3.0, 1.0);
    assert_close(&[t], &[1.0], "forward mode");
}

/// The inner derivative depends on the outer variable: `d/dx (x · ∂/∂y (x y²))` at `y = 2`
/// is `d/dx (4 x²) = 8 x`.
#[differentiable]
fn xy2(x: f64, y: f64) -> f64 {
    x * y * y
}

#[differentiable]
fn inner_depends_on_outer(x: f64) -> f64 {
    let (_, (_, dy)) = xy2_grad(x, 2.0);
    x * dy
}

#[test]
fn inner_derivative_of_the_outer_variable() {
    let (v, g) = inner_depends_on_outer_grad(1.5);
    assert_close(
        &[v, g],
        &[4.0 * 1.5 * 1.5, 8.0 * 1.5],
        "value and derivative",
    );
    let (_, t) = inner_depends_on_outer_jvp(1.5, 0.5);
    assert_close(&[t], &[8.0 * 1.5 * 0.5], "forward mode");
}

#[differentiable]
fn quartic(w: &[f64]) -> f64 {
    let mut s = w[0] * w[1];
    for i in 0..w.len() {
        s += w[i] * w[i] * w[i] * w[i];
    }
    s
}

/// A gradient penalty: the value plus half the squared norm of its gradient.
#[differentiable]
fn penalised(w: &[f64]) -> f64 {
    let (v, g) = quartic_grad(w);
    let mut n = 0.0;
    for i in 0..g.len() {
        n += g[i] * g[i];
    }
    v + 0.5 * n
}

#[test]
fn gradient_penalty_in_both_modes() {
    let w = [0.7, -0.4, 1.1];
    let (v, g) = penalised_grad(&w);
    assert_close(&[v], &[penalised(&w)], "value");
    assert_close(&g, &fd_grad(|w| penalised(w), &w), "gradient");
    let t = [0.3, 0.9, -0.5];
    let (_, jv) = penalised_jvp(&w, &t);
    let gv: f64 = g.iter().zip(&t).map(|(a, b)| a * b).sum();
    assert_close(&[jv], &[gv], "forward mode");
}

#[differentiable]
fn cubic(x: f64, c: f64) -> f64 {
    x * x * x - c * x - 1.0
}

/// One Newton step for a root of `cubic(·, c)`: its derivative in `x` is `f f'' / f'²` and in
/// `c` goes through both `f` and `f'`.
#[differentiable]
fn newton_step(x: f64, c: f64) -> f64 {
    let (f, (df, _)) = cubic_grad(x, c);
    x - f / df
}

#[test]
fn newton_step_derivatives() {
    let (x, c) = (1.3, 0.4);
    let (_, (gx, gc)) = newton_step_grad(x, c);
    let f = x * x * x - c * x - 1.0;
    let df = 3.0 * x * x - c;
    let d2f = 6.0 * x;
    // ∂/∂c (x - f/f') = -(f_c f' - f f'_c) / f'² with f_c = -x, f'_c = -1.
    assert_close(
        &[gx, gc],
        &[f * d2f / (df * df), -(-x * df + f) / (df * df)],
        "gradient",
    );
    let fd = fd_grad(|p| newton_step(p[0], p[1]), &[x, c]);
    assert_close(&[gx, gc], &fd, "gradient against differences");
    let (_, t) = newton_step_jvp(x, c, 0.2, -0.7);
    assert_close(&[t], &[0.2 * gx - 0.7 * gc], "forward mode");
}

#[differentiable]
fn energy(a: &Array1<f64>) -> f64 {
    (a * a).sum() + a[0] * a[1] * a[2]
}

/// An array gradient used as an array (`g.dot(&g)`).
#[differentiable]
fn array_penalty(a: &Array1<f64>) -> f64 {
    let (v, g): (f64, Array1<f64>) = energy_grad(a);
    v + g.dot(&g)
}

#[test]
fn array_gradient_penalty() {
    let a = array![0.4, -1.2, 0.9];
    let (v, g) = array_penalty_grad(&a);
    assert_close(&[v], &[array_penalty(&a)], "value");
    let fd = fd_grad(
        |x| array_penalty(&Array1::from(x.to_vec())),
        a.as_slice().unwrap(),
    );
    assert_close(g.as_slice().unwrap(), &fd, "gradient");
    // Forward mode on arrays runs the function lifted to dual numbers: `energy_grad` there
    // on the arguments' real and tangent parts.
    let t = array![0.5, 0.1, -0.8];
    let (_, jv) = array_penalty_jvp(&a, &t);
    assert_close(&[jv], &[g.dot(&t)], "forward mode");
}

#[differentiable(wrt(x))]
fn weighted(w: f64, x: &[f64]) -> f64 {
    w * (x[0] * x[0] * x[1] + x[1].sin())
}

/// `wrt` on the inner function: its constant parameter gets a constant argument.
#[differentiable]
fn weighted_slope(x: &[f64]) -> f64 {
    let (_, g) = weighted_grad(2.0, x);
    g[0] * g[1]
}

#[test]
fn inner_wrt_subset() {
    let x = [0.6, -0.3];
    let (_, g) = weighted_slope_grad(&x);
    assert_close(&g, &fd_grad(|x| weighted_slope(x), &x), "gradient");
    let (_, jv) = weighted_slope_jvp(&x, &[1.0, 0.5]);
    assert_close(&[jv], &[g[0] + 0.5 * g[1]], "forward mode");
}

#[differentiable]
fn qw(w: &[f64]) -> f64 {
    w[0] * w[0] * w[1] + w[2] * w[1]
}

/// Only some entries of a slice's gradient read (hunt 29): the cotangent of the gradient
/// stops at the last entry written, and is padded for `qw_hvp`.
#[differentiable]
fn first_entry_only(w: &[f64]) -> f64 {
    qw_grad(w).1[0]
}

#[differentiable]
fn gradient_unread(w: &[f64]) -> f64 {
    let (v, _g) = qw_grad(w);
    v
}

#[test]
fn partly_read_sequence_gradients() {
    let w = [0.7, -0.4, 1.1];
    let (_, g) = first_entry_only_grad(&w);
    assert_close(&g, &[2.0 * w[1], 2.0 * w[0], 0.0], "first entry");
    let (_, g) = gradient_unread_grad(&w);
    assert_close(
        &g,
        &[2.0 * w[0] * w[1], w[0] * w[0] + w[2], w[1]],
        "value only",
    );
}
