//! Implicit differentiation (`ad_runtime::implicit`): derivatives of solutions of
//! `F(x, θ) = 0` against closed forms and against differentiating the unrolled solver.

mod common;

use ad_runtime::differentiable;
use ad_runtime::implicit::{ImplicitError, Solver, implicit_jvp, implicit_vjp};
use common::assert_close;

/// `F(x, θ) = x³ + θ x - 1`: one real root for θ > 0.
#[differentiable]
fn cubic(x: &[f64], theta: &[f64]) -> Vec<f64> {
    let mut r = vec![0.0; 1];
    r[0] = x[0] * x[0] * x[0] + theta[0] * x[0] - 1.0;
    r
}

fn newton(theta: f64) -> f64 {
    let mut x = 1.0;
    for _ in 0..60 {
        x -= (x * x * x + theta * x - 1.0) / (3.0 * x * x + theta);
    }
    x
}

/// The same solver written as a differentiable function (60 unrolled Newton steps).
#[differentiable]
fn newton_unrolled(theta: f64) -> f64 {
    let mut x = 1.0;
    for _ in 0..60 {
        x = x - (x * x * x + theta * x - 1.0) / (3.0 * x * x + theta);
    }
    x
}

#[test]
fn scalar_root() {
    for theta in [0.5, 1.0, 3.0] {
        let x = newton(theta);
        assert!(cubic(&[x], &[theta])[0].abs() < 1e-12);
        assert!((newton_unrolled(theta) - x).abs() < 1e-12);
        let vjp = |w: &[f64]| {
            let (_, (gx, gt)) = cubic_vjp(&[x], &[theta], w.to_vec());
            (gx, gt)
        };
        // dx/dθ = -x / (3x² + θ).
        let closed = -x / (3.0 * x * x + theta);
        let g = implicit_vjp(&[1.0], vjp, Solver::Dense).unwrap();
        let gi = implicit_vjp(
            &[1.0],
            vjp,
            Solver::Iterative {
                tol: 1e-14,
                max_iter: 10,
            },
        )
        .unwrap();
        let (_, unrolled) = newton_unrolled_grad(theta);
        assert_close(&[g[0], gi[0], unrolled], &[closed, closed, closed], "dx/dθ");
        // Forward mode: J dx = -∂F/∂θ θ̇ with θ̇ = 1.
        let (_, r) = cubic_jvp(&[x], &[theta], &[0.0], &[1.0]);
        let dx = implicit_jvp(
            |v: &[f64]| cubic_jvp(&[x], &[theta], v, &[0.0]).1,
            &r,
            Solver::Dense,
        )
        .unwrap();
        assert_close(&dx, &[closed], "forward");
    }
}

#[test]
fn singular_jacobian_is_an_error() {
    // At x = 0, θ = 0: ∂F/∂x = 3x² + θ = 0.
    let vjp = |w: &[f64]| {
        let (_, (gx, gt)) = cubic_vjp(&[0.0], &[0.0], w.to_vec());
        (gx, gt)
    };
    assert_eq!(
        implicit_vjp(&[1.0], vjp, Solver::Dense),
        Err(ImplicitError::Singular)
    );
    assert!(
        implicit_vjp(
            &[1.0],
            vjp,
            Solver::Iterative {
                tol: 1e-12,
                max_iter: 5
            }
        )
        .is_err()
    );
}
