//! Gradient-based optimisation with generated gradients.
//!
//! Three objectives, each an ordinary Rust function marked `#[differentiable]`, minimised by
//! a small hand-written L-BFGS that only ever calls the generated `<name>_grad`:
//!
//! 1. the extended Rosenbrock function in 1000 dimensions;
//! 2. a least-squares fit of a damped oscillator `A e^(-γt) cos(ωt + φ)` to noisy samples;
//! 3. a fit of the four rates of a Lotka–Volterra predator–prey model to noisy observations,
//!    where the objective integrates the ODE with RK4 (the gradient flows back through every
//!    integration step and through calls to another `#[differentiable]` function).
//!
//! Run with `cargo run --release --example optimize` (it also runs, more slowly, in debug).

use ad_runtime::check::{compare, fd_gradient};
use ad_runtime::differentiable;
use std::time::Instant;

// ---- objectives ------------------------------------------------------------------------------

/// Extended Rosenbrock (Moré, Garbow & Hillstrom 1981): `n/2` independent 2-D Rosenbrock
/// valleys, minimum 0 at `(1, .., 1)`.
#[differentiable]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() / 2 {
        let a = x[2 * i + 1] - x[2 * i] * x[2 * i];
        let b = 1.0 - x[2 * i];
        s += 100.0 * a * a + b * b;
    }
    s
}

/// Half the sum of squared residuals of the damped oscillator `p = (A, γ, ω, φ)` against the
/// samples `(t[k], y[k])`. Only `p` is differentiated; the data are constants.
#[differentiable(wrt(p))]
fn oscillator_loss(p: &[f64], t: &[f64], y: &[f64]) -> f64 {
    let (amp, damping, freq, phase) = (p[0], p[1], p[2], p[3]);
    let mut s = 0.0;
    for (k, &tk) in t.iter().enumerate() {
        let model = amp * (-damping * tk).exp() * (freq * tk + phase).cos();
        let r = model - y[k];
        s += 0.5 * r * r;
    }
    s
}

/// Lotka–Volterra right-hand side: prey `u`, predators `v`,
/// `u' = αu - βuv`, `v' = δuv - γv`.
#[differentiable]
fn lotka_volterra(u: f64, v: f64, alpha: f64, beta: f64, delta: f64, gamma: f64) -> (f64, f64) {
    (alpha * u - beta * u * v, delta * u * v - gamma * v)
}

/// Integrates Lotka–Volterra with rates `p = (α, β, δ, γ)` from `(u0, v0)` by RK4 with step
/// `dt`, `steps` steps between observations, and returns half the squared distance to the
/// observations `obs = (u₁, v₁, u₂, v₂, ..)`.
#[differentiable(wrt(p))]
fn ode_loss(p: &[f64], u0: f64, v0: f64, obs: &[f64], dt: f64, steps: usize) -> f64 {
    let (alpha, beta, delta, gamma) = (p[0], p[1], p[2], p[3]);
    let mut u = u0;
    let mut v = v0;
    let mut loss = 0.0;
    for k in 0..obs.len() / 2 {
        for _ in 0..steps {
            let (k1u, k1v) = lotka_volterra(u, v, alpha, beta, delta, gamma);
            let (k2u, k2v) = lotka_volterra(
                u + 0.5 * dt * k1u,
                v + 0.5 * dt * k1v,
                alpha,
                beta,
                delta,
                gamma,
            );
            let (k3u, k3v) = lotka_volterra(
                u + 0.5 * dt * k2u,
                v + 0.5 * dt * k2v,
                alpha,
                beta,
                delta,
                gamma,
            );
            let (k4u, k4v) = lotka_volterra(u + dt * k3u, v + dt * k3v, alpha, beta, delta, gamma);
            u += dt / 6.0 * (k1u + 2.0 * k2u + 2.0 * k3u + k4u);
            v += dt / 6.0 * (k1v + 2.0 * k2v + 2.0 * k3v + k4v);
        }
        let du = u - obs[2 * k];
        let dv = v - obs[2 * k + 1];
        loss += 0.5 * (du * du + dv * dv);
    }
    loss
}

// ---- L-BFGS ----------------------------------------------------------------------------------

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

struct Report {
    x: Vec<f64>,
    f: f64,
    grad_norm: f64,
    iterations: usize,
    evaluations: usize,
}

/// Minimises `fg` (value and gradient) from `x0` by L-BFGS with memory `m`: the two-loop
/// recursion gives the search direction, a backtracking line search enforces Armijo's
/// sufficient decrease. Prints a progress line every `every` iterations.
fn lbfgs(
    mut fg: impl FnMut(&[f64]) -> (f64, Vec<f64>),
    x0: &[f64],
    m: usize,
    max_iter: usize,
    gtol: f64,
    every: usize,
) -> Report {
    let mut x = x0.to_vec();
    let (mut f, mut g) = fg(&x);
    let mut evaluations = 1;
    let (mut s_hist, mut y_hist, mut rho_hist): (Vec<Vec<f64>>, Vec<Vec<f64>>, Vec<f64>) =
        (Vec::new(), Vec::new(), Vec::new());
    let mut iter = 0;
    println!("  {:>5}  {:>14}  {:>11}", "iter", "f", "|grad|");
    while iter < max_iter && norm(&g) > gtol {
        if iter % every == 0 {
            println!("  {:>5}  {:>14.6e}  {:>11.3e}", iter, f, norm(&g));
        }
        // Two-loop recursion: d = -H g, with H₀ = (sᵀy / yᵀy) I.
        let mut q = g.clone();
        let mut alphas = vec![0.0; s_hist.len()];
        for j in (0..s_hist.len()).rev() {
            alphas[j] = rho_hist[j] * dot(&s_hist[j], &q);
            q.iter_mut()
                .zip(&y_hist[j])
                .for_each(|(qi, yi)| *qi -= alphas[j] * yi);
        }
        let gamma = match (s_hist.last(), y_hist.last()) {
            (Some(s), Some(y)) => dot(s, y) / dot(y, y),
            _ => 1.0 / norm(&g).max(1.0), // first step: at most unit length
        };
        q.iter_mut().for_each(|qi| *qi *= gamma);
        for j in 0..s_hist.len() {
            let beta = rho_hist[j] * dot(&y_hist[j], &q);
            q.iter_mut()
                .zip(&s_hist[j])
                .for_each(|(qi, si)| *qi += (alphas[j] - beta) * si);
        }
        let mut d: Vec<f64> = q.iter().map(|qi| -qi).collect();
        let mut slope = dot(&g, &d);
        if slope >= 0.0 {
            // Not a descent direction (curvature information gone stale): restart.
            s_hist.clear();
            y_hist.clear();
            rho_hist.clear();
            d = g.iter().map(|gi| -gi).collect();
            slope = dot(&g, &d);
        }
        // Backtracking line search, Armijo condition f(x + t d) <= f(x) + c₁ t gᵀd.
        let mut t = 1.0;
        let (x_new, f_new, g_new) = loop {
            let xt: Vec<f64> = x.iter().zip(&d).map(|(xi, di)| xi + t * di).collect();
            let (ft, gt) = fg(&xt);
            evaluations += 1;
            if ft <= f + 1e-4 * t * slope || t < 1e-12 {
                break (xt, ft, gt);
            }
            t *= 0.5;
        };
        let s: Vec<f64> = x_new.iter().zip(&x).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = g_new.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        if sy > 1e-12 * norm(&s) * norm(&y) {
            if s_hist.len() == m {
                s_hist.remove(0);
                y_hist.remove(0);
                rho_hist.remove(0);
            }
            s_hist.push(s);
            y_hist.push(y);
            rho_hist.push(1.0 / sy);
        }
        let stalled = f - f_new <= 1e-15 * f.abs().max(1e-300);
        (x, f, g) = (x_new, f_new, g_new);
        iter += 1;
        if stalled {
            break;
        }
    }
    println!("  {:>5}  {:>14.6e}  {:>11.3e}  (done)", iter, f, norm(&g));
    Report {
        grad_norm: norm(&g),
        x,
        f,
        iterations: iter,
        evaluations,
    }
}

// ---- data ------------------------------------------------------------------------------------

/// SplitMix64 with Box–Muller: reproducible Gaussian noise without dependencies.
struct Rng(u64);

impl Rng {
    fn uniform(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        ((z >> 11) as f64 + 0.5) / (1u64 << 53) as f64 // in (0, 1)
    }

    fn normal(&mut self) -> f64 {
        let (u1, u2) = (self.uniform(), self.uniform());
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// Checks the generated gradient against central finite differences at `x`.
fn check_gradient(name: &str, f: impl Fn(&[f64]) -> f64, grad: &[f64], x: &[f64]) {
    let fd = fd_gradient(&f, x, 1e-6);
    match compare(grad, &fd, 1e-5, 1e-7) {
        Ok(()) => println!("  gradient of `{name}` matches finite differences at the start"),
        Err(e) => panic!("gradient of `{name}` disagrees with finite differences: {e}"),
    }
}

fn print_params(names: &[&str], truth: &[f64], start: &[f64], found: &[f64]) {
    println!(
        "  {:>10}  {:>10}  {:>10}  {:>10}  {:>10}",
        "parameter", "true", "start", "recovered", "rel. error"
    );
    for k in 0..names.len() {
        println!(
            "  {:>10}  {:>10.5}  {:>10.5}  {:>10.5}  {:>10.2e}",
            names[k],
            truth[k],
            start[k],
            found[k],
            ((found[k] - truth[k]) / truth[k]).abs()
        );
    }
}

fn main() {
    let every = 10;

    // 1. Extended Rosenbrock, n = 1000, from the standard start (-1.2, 1, -1.2, 1, ..).
    let n = 1000;
    println!("== 1. extended Rosenbrock, n = {n}");
    let x0: Vec<f64> = (0..n)
        .map(|i| if i % 2 == 0 { -1.2 } else { 1.0 })
        .collect();
    let (_, g0) = rosenbrock_grad(&x0[..8]);
    check_gradient("rosenbrock", rosenbrock, &g0, &x0[..8]);
    let start = Instant::now();
    let r = lbfgs(rosenbrock_grad, &x0, 10, 500, 1e-8, every);
    let max_err = r.x.iter().map(|xi| (xi - 1.0).abs()).fold(0.0, f64::max);
    println!(
        "  f = {:.3e}, |grad| = {:.1e}, max |x_i - 1| = {:.1e} after {} iterations, {} gradient evaluations, {:.1?}",
        r.f,
        r.grad_norm,
        max_err,
        r.iterations,
        r.evaluations,
        start.elapsed()
    );

    // 2. Damped oscillator y = A e^(-γt) cos(ωt + φ) + noise, 400 samples on [0, 10].
    println!("\n== 2. damped oscillator fit, 400 noisy samples");
    let truth = [2.0, 0.3, 2.5, 0.7];
    let mut rng = Rng(42);
    let samples = 400;
    let t: Vec<f64> = (0..samples)
        .map(|k| 10.0 * k as f64 / samples as f64)
        .collect();
    let y: Vec<f64> = t
        .iter()
        .map(|&tk| {
            truth[0] * (-truth[1] * tk).exp() * (truth[2] * tk + truth[3]).cos()
                + 0.05 * rng.normal()
        })
        .collect();
    let p0 = [1.0, 0.1, 2.3, 0.0];
    let (_, g0) = oscillator_loss_grad(&p0, &t, &y);
    check_gradient("oscillator_loss", |p| oscillator_loss(p, &t, &y), &g0, &p0);
    let start = Instant::now();
    let r = lbfgs(
        |p| oscillator_loss_grad(p, &t, &y),
        &p0,
        10,
        500,
        1e-10,
        every,
    );
    println!(
        "  loss = {:.5} (at the true parameters: {:.5}) after {} iterations, {} evaluations, {:.1?}",
        r.f,
        oscillator_loss(&truth, &t, &y),
        r.iterations,
        r.evaluations,
        start.elapsed()
    );
    print_params(&["A", "γ", "ω", "φ"], &truth, &p0, &r.x);

    // 3. Lotka–Volterra rates from 20 noisy observations of (prey, predators), RK4 inside.
    println!("\n== 3. Lotka–Volterra rate fit, ODE integrated by RK4 inside the objective");
    let truth = [1.1, 0.4, 0.1, 0.4];
    let (u0, v0, dt, steps, n_obs) = (10.0, 5.0, 0.05, 10, 20);
    let mut obs = vec![0.0; 2 * n_obs];
    simulate(&truth, u0, v0, dt, steps, &mut obs);
    for o in obs.iter_mut() {
        *o *= 1.0 + 0.02 * rng.normal();
    }
    let p0 = [0.8, 0.5, 0.15, 0.3];
    let (_, g0) = ode_loss_grad(&p0, u0, v0, &obs, dt, steps);
    check_gradient(
        "ode_loss",
        |p| ode_loss(p, u0, v0, &obs, dt, steps),
        &g0,
        &p0,
    );
    let start = Instant::now();
    let r = lbfgs(
        |p| ode_loss_grad(p, u0, v0, &obs, dt, steps),
        &p0,
        10,
        500,
        1e-9,
        every,
    );
    println!(
        "  loss = {:.5} (at the true parameters: {:.5}) after {} iterations, {} evaluations of {} RK4 steps, {:.1?}",
        r.f,
        ode_loss(&truth, u0, v0, &obs, dt, steps),
        r.iterations,
        r.evaluations,
        n_obs * steps,
        start.elapsed()
    );
    print_params(&["α", "β", "δ", "γ"], &truth, &p0, &r.x);
}

/// The noise-free trajectory at the observation times (plain Rust, no derivatives).
fn simulate(p: &[f64], u0: f64, v0: f64, dt: f64, steps: usize, out: &mut [f64]) {
    let (mut u, mut v) = (u0, v0);
    let rhs = |u: f64, v: f64| lotka_volterra(u, v, p[0], p[1], p[2], p[3]);
    for k in 0..out.len() / 2 {
        for _ in 0..steps {
            let (k1u, k1v) = rhs(u, v);
            let (k2u, k2v) = rhs(u + 0.5 * dt * k1u, v + 0.5 * dt * k1v);
            let (k3u, k3v) = rhs(u + 0.5 * dt * k2u, v + 0.5 * dt * k2v);
            let (k4u, k4v) = rhs(u + dt * k3u, v + dt * k3v);
            u += dt / 6.0 * (k1u + 2.0 * k2u + 2.0 * k3u + k4u);
            v += dt / 6.0 * (k1v + 2.0 * k2v + 2.0 * k3v + k4v);
        }
        out[2 * k] = u;
        out[2 * k + 1] = v;
    }
}
