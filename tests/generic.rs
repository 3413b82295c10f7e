//! Functions generic over their float type (`T: Float`), instantiated at `f64` and `f32`:
//! every generated function against closed forms and finite differences.

mod common;

use ad_runtime::{Float, differentiable};
use common::{assert_close, fd_grad};

#[differentiable]
fn rosen<T: Float>(x: &[T]) -> T {
    let mut s = T::zero();
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = T::one() - x[i];
        s = s + T::from(100.0).unwrap() * a * a + b * b;
    }
    s
}

#[differentiable]
fn mixed<T>(x: T, y: &[T], n: usize) -> T
where
    T: Float + ad_runtime::num_traits::FromPrimitive + ad_runtime::num_traits::FloatConst,
{
    let scale = T::from_usize(n).unwrap();
    let mut acc = x.sin() * scale;
    for i in 0..y.len() {
        acc = acc + (y[i] * x).tanh() / T::from_f64(2.5).unwrap() + T::epsilon();
    }
    acc + rosen(y) * T::PI()
}

#[test]
fn rosenbrock_at_both_precisions() {
    let x = [0.5, -0.3, 1.2];
    let (v, g) = rosen_grad(&x);
    assert_eq!(v, rosen(&x));
    assert_close(&g, &fd_grad(|z| rosen(z), &x), "f64 gradient");
    let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let (vf, gf) = rosen_grad::<f32>(&xf);
    assert!((vf - rosen(&xf)).abs() <= 1e-4 * vf.abs());
    for (a, b) in gf.iter().zip(&g) {
        assert!(
            (*a as f64 - b).abs() <= 1e-3 * b.abs().max(1.0),
            "f32 gradient {a} vs {b}"
        );
    }
    let (_, t) = rosen_jvp(&x, &[1.0, 0.0, -1.0]);
    assert_close(&[t], &[g[0] - g[2]], "jvp");
    let (_, tf) = rosen_jvp::<f32>(&xf, &[1.0, 0.0, -1.0]);
    assert!((tf as f64 - t).abs() <= 1e-3 * t.abs());
    let (_, _, h) = rosen_hessian(&x);
    // d²/dx0² = 1200 x0² - 400 x1 + 2.
    assert_close(
        &[h[[0, 0]]],
        &[1200.0 * x[0] * x[0] - 400.0 * x[1] + 2.0],
        "hessian",
    );
    let (_, j) = rosen_jacobian(&x);
    assert_close(j.as_slice().unwrap(), &g, "jacobian row");
}

#[test]
fn generic_calls_and_constants() {
    let (x, y) = (0.7, vec![0.3, -0.8, 1.1]);
    let f = |z: &[f64]| mixed(z[0], &z[1..], 3);
    let z: Vec<f64> = std::iter::once(x).chain(y.iter().copied()).collect();
    let (v, (gx, gy)) = mixed_grad(x, &y, 3);
    assert_eq!(v, f(&z));
    let g: Vec<f64> = std::iter::once(gx).chain(gy.iter().copied()).collect();
    assert_close(&g, &fd_grad(f, &z), "f64 gradient through a generic call");
    let (_, t) = mixed_jvp(x, &y, 3, 1.0, &[0.5, 0.0, -0.5]);
    assert_close(
        &[t],
        &[gx + 0.5 * gy[0] - 0.5 * gy[2]],
        "jvp through a generic call",
    );
    let (vf, (gxf, _)) = mixed_grad::<f32>(
        x as f32,
        &y.iter().map(|&v| v as f32).collect::<Vec<_>>(),
        3,
    );
    assert!((vf as f64 - v).abs() <= 1e-4 * v.abs());
    assert!((gxf as f64 - gx).abs() <= 1e-3 * gx.abs().max(1.0));
    let (_, _, (hx, _)) = mixed_hvp(x, &y, 3, 1.0, &[0.0, 0.0, 0.0]);
    let h = 1e-5;
    let fd = (mixed_grad(x + h, &y, 3).1.0 - mixed_grad(x - h, &y, 3).1.0) / (2.0 * h);
    assert_close(&[hx], &[fd], "hvp");
}

/// Generic functions with a `Vec<T>`, tuple or `[T; N]` result: the pullback's seed, the
/// tangent and the Jacobian are of the result's type at `T`.
#[differentiable]
fn squares<T: Float>(x: &[T]) -> Vec<T> {
    let mut v = Vec::new();
    for i in 0..x.len() {
        v.push(x[i] * x[i] * x[0]);
    }
    v
}

#[differentiable]
fn pair<T: Float>(x: T, y: T) -> (T, T) {
    (x * y.sin(), x + y * y)
}

#[differentiable]
fn scaled<T: Float>(x: T, p: &[T]) -> [T; 2] {
    [x * p[0], p[1] * x * x]
}

#[test]
fn generic_vector_results() {
    // Jacobians against closed forms, at f64 and f32.
    let x = [1.5, -0.5, 2.0];
    let (_, j) = squares_jacobian(&x);
    for i in 0..3 {
        for k in 0..3 {
            let want = if k == 0 && i == 0 {
                3.0 * x[0] * x[0]
            } else if k == 0 {
                x[i] * x[i]
            } else if k == i {
                2.0 * x[i] * x[0]
            } else {
                0.0
            };
            assert!((j[[i, k]] - want).abs() < 1e-12, "squares J[{i},{k}]");
        }
    }
    let dx = squares_vjp(&[1.5f32, -0.5], vec![1.0, 1.0]).1;
    assert!((dx[0] - (3.0 * 2.25 + 0.25)).abs() < 1e-5 && (dx[1] - 2.0 * -0.5 * 1.5).abs() < 1e-5);
    let (v, t) = pair_jvp(0.7f64, 1.2, 1.0, 0.0);
    assert_eq!(v, pair(0.7, 1.2));
    assert!((t.0 - 1.2f64.sin()).abs() < 1e-15 && (t.1 - 1.0).abs() < 1e-15);
    let (_, (gx, gy)) = pair_vjp(0.7f32, 1.2, (0.0, 1.0));
    assert!((gx - 1.0).abs() < 1e-6 && (gy - 2.4).abs() < 1e-6);
    let (v, (gx, gp)) = scaled_vjp(2.0f64, &[3.0, 4.0], [0.5, 1.0]);
    assert_eq!(v, [6.0, 16.0]);
    assert_eq!((gx, gp), (0.5 * 3.0 + 1.0 * 4.0 * 4.0, vec![1.0, 4.0]));
    let (_, t) = scaled_jvp(2.0f32, &[3.0, 4.0], 1.0, &[0.0, 0.0]);
    assert_eq!(t, [3.0, 16.0]);
}
