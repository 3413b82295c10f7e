//! Implicit differentiation, twice: the root of a scalar equation, then tuning the
//! regularisation strength of ridge regression by gradient descent on the
//! validation loss, differentiating *through the optimality condition* of the inner problem
//! (implicit differentiation), not through the solver.
//!
//! Inner problem: `w*(λ) = argmin |X w - y|² + λ |w|²`, whose optimality condition is
//! `F(w, λ) = Xᵀ(X w - y) + λ w = 0` (a `#[differentiable]` function). The inner solver is
//! plain conjugate gradients (never differentiated). Outer problem: minimise the validation
//! loss `L(w*(λ))` over `θ = ln λ`. Its gradient: `∂L/∂λ = -(∂F/∂λ)ᵀ μ` with
//! `(∂F/∂w)ᵀ μ = ∂L/∂w` (`ad_runtime::implicit::implicit_vjp`, fed by the generated
//! `optimality_vjp` and `val_loss_grad`). Each step prints λ, the losses and the gradient;
//! the first gradient is checked against the closed form `dw*/dλ = -(XᵀX + λI)⁻¹ w*` and
//! against central differences of the closed-form solution.
//!
//! ```sh
//! cargo run --release --example implicit
//! ```

use ad_runtime::differentiable;
use ad_runtime::implicit::{Solver, implicit_vjp, solve};

const D: usize = 10;
const N_TRAIN: usize = 14;
const N_VAL: usize = 200;

/// `F(w, λ) = Xᵀ(X w - y) + λ w` for `X` (`n × d`, row-major) and `y`.
#[differentiable(wrt(w, lam))]
fn optimality(w: &[f64], lam: f64, x: &[f64], y: &[f64], d: usize) -> Vec<f64> {
    let n = y.len();
    let mut r = vec![0.0; n];
    for i in 0..n {
        let mut s = 0.0;
        for j in 0..d {
            s += x[i * d + j] * w[j];
        }
        r[i] = s - y[i];
    }
    let mut g = vec![0.0; d];
    for j in 0..d {
        let mut s = 0.0;
        for i in 0..n {
            s += x[i * d + j] * r[i];
        }
        g[j] = s + lam * w[j];
    }
    g
}

/// The scalar equation `x³ + θx - 1 = 0` (one real root for θ > 0), as a residual.
#[differentiable]
fn cubic(x: &[f64], theta: &[f64]) -> Vec<f64> {
    let mut r = vec![0.0; 1];
    r[0] = x[0] * x[0] * x[0] + theta[0] * x[0] - 1.0;
    r
}

/// First, the root of a scalar equation found by Newton's method, and its derivative with
/// respect to θ by the implicit function theorem, against the closed form
/// `dx/dθ = -x / (3x² + θ)`.
fn scalar_root() {
    for theta in [0.5, 2.0] {
        let mut x = 1.0;
        for _ in 0..50 {
            x -= (x * x * x + theta * x - 1.0) / (3.0 * x * x + theta);
        }
        let dx = implicit_vjp(
            &[1.0],
            |w: &[f64]| {
                let (_, (gx, gt)) = cubic_vjp(&[x], &[theta], w.to_vec());
                (gx, gt)
            },
            Solver::Dense,
        )
        .unwrap()[0];
        let closed = -x / (3.0 * x * x + theta);
        println!(
            "root of x³ + {theta}x - 1: x = {x:.10}, dx/dθ implicit {dx:.10}, closed form {closed:.10}"
        );
        assert!(cubic(&[x], &[theta])[0].abs() < 1e-12);
        assert!((dx - closed).abs() <= 1e-12);
    }
}

/// Mean squared error on the validation set.
#[differentiable(wrt(w))]
fn val_loss(w: &[f64], x: &[f64], y: &[f64], d: usize) -> f64 {
    let n = y.len();
    let mut s = 0.0;
    for i in 0..n {
        let mut p = 0.0;
        for j in 0..d {
            p += x[i * d + j] * w[j];
        }
        s += (p - y[i]) * (p - y[i]);
    }
    s / n as f64
}

/// `(XᵀX + λI) v` without forming the matrix.
fn normal_op(x: &[f64], lam: f64, v: &[f64]) -> Vec<f64> {
    let n = x.len() / D;
    let xv: Vec<f64> = (0..n)
        .map(|i| (0..D).map(|j| x[i * D + j] * v[j]).sum())
        .collect();
    (0..D)
        .map(|j| (0..n).map(|i| x[i * D + j] * xv[i]).sum::<f64>() + lam * v[j])
        .collect()
}

/// The inner solver: conjugate gradients on `(XᵀX + λI) w = Xᵀy` (not differentiated).
fn inner_solve(x: &[f64], y: &[f64], lam: f64) -> Vec<f64> {
    let n = y.len();
    let b: Vec<f64> = (0..D)
        .map(|j| (0..n).map(|i| x[i * D + j] * y[i]).sum())
        .collect();
    let mut w = vec![0.0; D];
    let mut r = b.clone();
    let mut p = r.clone();
    let mut rr: f64 = r.iter().map(|v| v * v).sum();
    for _ in 0..10 * D {
        if rr.sqrt() < 1e-14 {
            break;
        }
        let ap = normal_op(x, lam, &p);
        let alpha = rr / p.iter().zip(&ap).map(|(a, b)| a * b).sum::<f64>();
        for j in 0..D {
            w[j] += alpha * p[j];
            r[j] -= alpha * ap[j];
        }
        let rr_new: f64 = r.iter().map(|v| v * v).sum();
        for j in 0..D {
            p[j] = r[j] + rr_new / rr * p[j];
        }
        rr = rr_new;
    }
    w
}

/// `∂L/∂λ` at `λ` by implicit differentiation, with the value of the validation loss.
fn hypergradient(
    x: &[f64],
    y: &[f64],
    xv: &[f64],
    yv: &[f64],
    lam: f64,
    solver: Solver,
) -> (f64, f64) {
    let w = inner_solve(x, y, lam);
    let (l, gw) = val_loss_grad(&w, xv, yv, D);
    let dl = implicit_vjp(
        &gw,
        |v: &[f64]| {
            let (_, (gx, gl)) = optimality_vjp(&w, lam, x, y, D, v.to_vec());
            (gx, vec![gl])
        },
        solver,
    )
    .expect("the inner problem is strictly convex");
    (l, dl[0])
}

fn main() {
    scalar_root();
    // Data: y = X w_true + noise, few training rows (so regularisation pays).
    let mut state = 2024u64;
    let mut rand = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    };
    let w_true: Vec<f64> = (0..D)
        .map(|j| if j % 4 == 0 { 1.0 } else { 0.1 * rand() })
        .collect();
    let mut data = |n: usize| {
        let x: Vec<f64> = (0..n * D).map(|_| rand()).collect();
        let y: Vec<f64> = (0..n)
            .map(|i| (0..D).map(|j| x[i * D + j] * w_true[j]).sum::<f64>() + 1.5 * rand())
            .collect();
        (x, y)
    };
    let (x, y) = data(N_TRAIN);
    let (xv, yv) = data(N_VAL);

    // Check the first hypergradient: closed form and central differences.
    let lam0: f64 = 0.05;
    let (_, g_dense) = hypergradient(&x, &y, &xv, &yv, lam0, Solver::Dense);
    let (_, g_iter) = hypergradient(
        &x,
        &y,
        &xv,
        &yv,
        lam0,
        Solver::Iterative {
            tol: 1e-12,
            max_iter: 200,
        },
    );
    let w = inner_solve(&x, &y, lam0);
    let residual = optimality(&w, lam0, &x, &y, D)
        .iter()
        .map(|v| v * v)
        .sum::<f64>()
        .sqrt();
    assert!(
        residual < 1e-9,
        "the inner solver solved F(w, λ) = 0 ({residual:e})"
    );
    let (_, gw) = val_loss_grad(&w, &xv, &yv, D);
    let dw = solve(D, &|v: &[f64]| normal_op(&x, lam0, v), &w, Solver::Dense).unwrap();
    let closed: f64 = -gw.iter().zip(&dw).map(|(a, b)| a * b).sum::<f64>();
    let h = 1e-6;
    let fd = (val_loss(&inner_solve(&x, &y, lam0 + h), &xv, &yv, D)
        - val_loss(&inner_solve(&x, &y, lam0 - h), &xv, &yv, D))
        / (2.0 * h);
    println!(
        "dL/dλ at λ = {lam0}: implicit (dense) {g_dense:.10}, implicit (BiCGSTAB) {g_iter:.10}, closed form {closed:.10}, central differences {fd:.10}"
    );
    assert!((g_dense - closed).abs() <= 1e-8 * closed.abs().max(1.0));
    assert!((g_iter - closed).abs() <= 1e-8 * closed.abs().max(1.0));
    assert!((g_dense - fd).abs() <= 1e-5 * fd.abs().max(1.0));

    // Adam on θ = ln λ (the runtime's optimiser, on a one-element `Vec`).
    let mut theta = vec![lam0.ln()];
    let mut adam = ad_runtime::optim::Adam::new(&theta, 0.2);
    println!(
        "{:>4}  {:>10}  {:>12}  {:>12}",
        "step", "lambda", "val loss", "dL/dθ"
    );
    let mut last = f64::INFINITY;
    for step in 0..=60 {
        let lam = theta[0].exp();
        let (l, dl) = hypergradient(&x, &y, &xv, &yv, lam, Solver::Dense);
        let dtheta = dl * lam;
        if step % 6 == 0 {
            println!("{step:>4}  {lam:>10.5}  {l:>12.8}  {dtheta:>12.3e}");
        }
        last = l;
        adam.step(&mut theta, &vec![dtheta]);
    }
    let theta = theta[0];
    let w = inner_solve(&x, &y, theta.exp());
    let unreg = val_loss(&inner_solve(&x, &y, 1e-9), &xv, &yv, D);
    println!(
        "tuned λ = {:.5}: validation loss {:.6} (unregularised: {:.6}); |w - w_true| = {:.4}",
        theta.exp(),
        last,
        unreg,
        w.iter()
            .zip(&w_true)
            .map(|(a, b)| (a - b) * (a - b))
            .sum::<f64>()
            .sqrt()
    );
}
