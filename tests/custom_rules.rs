//! Custom derivatives (`#[differentiable(custom(jvp = .., vjp = ..))]`) and
//! `ad_runtime::stop_gradient`, in every mode, against closed forms and differences.

mod common;

use ad_runtime::ndarray::{Array1, array};
use ad_runtime::{differentiable, stop_gradient};
use common::{assert_close, fd_grad};

#[differentiable]
fn half_stopped(x: f64, y: f64) -> f64 {
    let s = stop_gradient(x * y);
    x * s + y.sin() * stop_gradient(y)
}

#[differentiable]
fn stopped_in_loop(x: &[f64]) -> f64 {
    let mut acc = 0.0;
    for i in 0..x.len() {
        let c = stop_gradient(x[i] * x[i]);
        acc += c * x[i];
    }
    acc
}

#[differentiable]
fn stopped_array(a: &Array1<f64>) -> f64 {
    let w = stop_gradient(a.mapv(f64::exp));
    (&w * a).sum()
}

#[test]
fn stop_gradient_is_a_constant_in_every_mode() {
    let (x, y) = (0.7, -1.3);
    assert_eq!(half_stopped(x, y), x * x * y + y.sin() * y);
    let (_, (gx, gy)) = half_stopped_grad(x, y);
    // d/dx [x s] = s = x y (s held), d/dy [sin y c] = cos y c (c = y held).
    assert_close(&[gx, gy], &[x * y, y.cos() * y], "reverse");
    let (_, t) = half_stopped_jvp(x, y, 0.5, -2.0);
    assert_close(&[t], &[0.5 * x * y - 2.0 * y.cos() * y], "forward");
    let (_, _, (hx, hy)) = half_stopped_hvp(x, y, 0.5, -2.0);
    // The gradient (x y held, y held) has Jacobian [[0, 0], [0, -sin y · y]] in the live
    // variables: H v = (0, 2 sin y · y).
    assert_close(&[hx, hy], &[0.0, 2.0 * y * y.sin()], "second order");

    let xs = [0.5, -1.0, 2.0];
    let (_, g) = stopped_in_loop_grad(&xs);
    let expected: Vec<f64> = xs.iter().map(|v| v * v).collect();
    assert_close(&g, &expected, "loop");
    let (_, t) = stopped_in_loop_jvp(&xs, &[1.0, 1.0, 1.0]);
    assert_close(&[t], &[expected.iter().sum()], "loop forward");

    let a = array![0.1, -0.4, 0.9];
    let (_, g) = stopped_array_grad(&a);
    assert_close(
        g.as_slice().unwrap(),
        a.mapv(f64::exp).as_slice().unwrap(),
        "array",
    );
    let (_, t) = stopped_array_jvp(&a, &Array1::ones(3));
    assert_close(&[t], &[a.mapv(f64::exp).sum()], "array forward");
}
