//! The classic reverse-mode examples: Speelpenning's product, the extended Rosenbrock
//! function at n = 10^4, Newton's iteration for a square root, an RK4 integration of an ODE
//! differentiated with respect to its parameters, recurrences written into local buffers,
//! and a long (10^5-iteration) loop with a nonlinear loop-carried update.

// The differentiated functions deliberately use the forms under test (index loops, `s = s * x`
// instead of `s *= x`, `&Vec` parameters, empty ranges, ...), which clippy would restyle.
#![allow(
    clippy::assign_op_pattern,
    clippy::collapsible_match,
    clippy::needless_range_loop,
    clippy::needless_return,
    clippy::neg_cmp_op_on_partial_ord,
    clippy::ptr_arg,
    clippy::reversed_empty_ranges,
    clippy::single_match,
    clippy::useless_vec
)]

mod common;

use ad_runtime::differentiable;
use common::*;

// ---------------------------------------------------------------------------------------------
// Speelpenning's product
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn speelpenning(x: &[f64]) -> f64 {
    let mut p = 1.0;
    for xi in x.iter() {
        p *= xi;
    }
    p
}

/// The same product over indices, on a `Vec` parameter.
#[differentiable]
fn speelpenning_indexed(x: Vec<f64>) -> f64 {
    let mut p = 1.0;
    for i in 0..x.len() {
        p = p * x[i];
    }
    p
}

#[test]
fn speelpenning_product_gradient_is_prod_over_xi() {
    let mut rng = Rng::new(2024);
    let x: Vec<f64> = (0..20).map(|_| rng.signed(0.5, 1.5)).collect();
    let prod: f64 = x.iter().product();
    let expected: Vec<f64> = x.iter().map(|xi| prod / xi).collect();

    let (v, g) = speelpenning_grad(&x);
    assert_eq!(v, speelpenning(&x));
    assert_close_tol(&[v], &[prod], 1e-13, "speelpenning value");
    assert_close_tol(&g, &expected, 1e-12, "speelpenning gradient");
    assert_fd(speelpenning, &x, &g, "speelpenning");

    let (v, g) = speelpenning_indexed_grad(x.clone());
    assert_eq!(v, speelpenning_indexed(x.clone()));
    assert_close_tol(&g, &expected, 1e-12, "speelpenning_indexed gradient");
}

// ---------------------------------------------------------------------------------------------
// extended Rosenbrock
// ---------------------------------------------------------------------------------------------

/// The extended Rosenbrock function of Moré, Garbow and Hillstrom: independent pairs,
/// `sum_{i even} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2`.
#[differentiable]
fn rosen_extended(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in (0..x.len()).step_by(2) {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

/// The chained (generalised) Rosenbrock function: `sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2`.
#[differentiable]
fn rosen_chained(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

fn rosen_extended_hand(x: &[f64]) -> (f64, Vec<f64>) {
    let mut f = 0.0;
    let mut g = vec![0.0; x.len()];
    for i in (0..x.len()).step_by(2) {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        f += 100.0 * a * a + b * b;
        g[i] = -400.0 * a * x[i] - 2.0 * b;
        g[i + 1] = 200.0 * a;
    }
    (f, g)
}

fn rosen_chained_hand(x: &[f64]) -> (f64, Vec<f64>) {
    let n = x.len();
    let mut f = 0.0;
    let mut g = vec![0.0; n];
    for i in 0..n - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        f += 100.0 * a * a + b * b;
        g[i] += -400.0 * a * x[i] - 2.0 * b;
        g[i + 1] += 200.0 * a;
    }
    (f, g)
}

#[test]
fn extended_rosenbrock_at_n_10000() {
    let n = 10_000;
    let mut rng = Rng::new(77);
    let x: Vec<f64> = (0..n).map(|_| rng.uniform(-2.0, 2.0)).collect();

    let (v, g) = rosen_extended_grad(&x);
    let (hv, hg) = rosen_extended_hand(&x);
    assert_eq!(g.len(), n);
    assert_close_tol(&[v], &[hv], 1e-10, "rosen_extended value");
    assert_close_tol(&g, &hg, 1e-10, "rosen_extended gradient");

    let (v, g) = rosen_chained_grad(&x);
    let (hv, hg) = rosen_chained_hand(&x);
    assert_eq!(g.len(), n);
    assert_close_tol(&[v], &[hv], 1e-10, "rosen_chained value");
    assert_close_tol(&g, &hg, 1e-10, "rosen_chained gradient");

    // The minimum (1, ..., 1): value and gradient exactly zero.
    let ones = vec![1.0; n];
    assert_eq!(rosen_extended_grad(&ones), (0.0, vec![0.0; n]));
    assert_eq!(rosen_chained_grad(&ones), (0.0, vec![0.0; n]));
}

#[test]
fn rosenbrock_against_finite_differences() {
    let mut rng = Rng::new(78);
    for _ in 0..5 {
        let x: Vec<f64> = (0..10).map(|_| rng.uniform(-1.5, 1.5)).collect();
        let (_, g) = rosen_extended_grad(&x);
        assert_fd(rosen_extended, &x, &g, "rosen_extended n=10");
        let (_, g) = rosen_chained_grad(&x);
        assert_fd(rosen_chained, &x, &g, "rosen_chained n=10");
    }
}

// ---------------------------------------------------------------------------------------------
// Newton's iteration for sqrt(a)
// ---------------------------------------------------------------------------------------------

/// A fixed number of Newton steps for `x^2 = a` from `x = a`; differentiating the unrolled
/// iteration gives d sqrt(a) / da = 1 / (2 sqrt a) once the iteration has converged.
#[differentiable]
fn newton_sqrt(a: f64, iters: usize) -> f64 {
    let mut x = a;
    for _ in 0..iters {
        x = 0.5 * (x + a / x);
    }
    x
}

#[test]
fn newton_sqrt_derivative_is_one_over_two_sqrt() {
    for a in [0.01f64, 0.25, 2.0, 9.0, 1234.5] {
        let (v, d) = newton_sqrt_grad(a, 40);
        assert_eq!(v, newton_sqrt(a, 40));
        assert_close_tol(&[v], &[a.sqrt()], 1e-14, &format!("sqrt({a})"));
        assert_close_tol(&[d], &[0.5 / a.sqrt()], 1e-12, &format!("d sqrt({a}) / da"));
    }
    // Before convergence the derivative is that of the truncated iteration, which finite
    // differences of the same truncated iteration see too: one step is (a + 1) / 2.
    assert_eq!(newton_sqrt_grad(3.0, 1), (2.0, 0.5));
    for iters in [2, 3, 5] {
        let (_, d) = newton_sqrt_grad(9.0, iters);
        assert_fd(
            |p| newton_sqrt(p[0], iters),
            &[9.0],
            &[d],
            "newton truncated",
        );
    }
}

// ---------------------------------------------------------------------------------------------
// RK4 integration of ODEs
// ---------------------------------------------------------------------------------------------

/// Damped oscillator `x'' + c x' + k x = 0` integrated with classical RK4 (state in local
/// variables), returning the final state.
#[differentiable]
fn oscillator(k: f64, c: f64, x0: f64, v0: f64, dt: f64, steps: usize) -> (f64, f64) {
    let mut x = x0;
    let mut v = v0;
    for _ in 0..steps {
        let k1x = v;
        let k1v = -k * x - c * v;
        let x2 = x + 0.5 * dt * k1x;
        let v2 = v + 0.5 * dt * k1v;
        let k2x = v2;
        let k2v = -k * x2 - c * v2;
        let x3 = x + 0.5 * dt * k2x;
        let v3 = v + 0.5 * dt * k2v;
        let k3x = v3;
        let k3v = -k * x3 - c * v3;
        let x4 = x + dt * k3x;
        let v4 = v + dt * k3v;
        let k4x = v4;
        let k4v = -k * x4 - c * v4;
        x += dt / 6.0 * (k1x + 2.0 * k2x + 2.0 * k3x + k4x);
        v += dt / 6.0 * (k1v + 2.0 * k2v + 2.0 * k3v + k4v);
    }
    (x, v)
}

/// Exact position of the underdamped oscillator at time `t`.
fn oscillator_exact(k: f64, c: f64, x0: f64, v0: f64, t: f64) -> f64 {
    let g = 0.5 * c;
    let w = (k - g * g).sqrt();
    (-g * t).exp() * (x0 * (w * t).cos() + (v0 + g * x0) / w * (w * t).sin())
}

#[test]
fn rk4_damped_oscillator_parameter_gradients() {
    let (k, c, x0, v0) = (4.0, 0.3, 1.0, -0.5);
    let (dt, steps) = (0.05, 100);
    let p = [k, c, x0, v0];
    let pos = |p: &[f64]| oscillator(p[0], p[1], p[2], p[3], dt, steps).0;
    let vel = |p: &[f64]| oscillator(p[0], p[1], p[2], p[3], dt, steps).1;

    // The integration is accurate: the final position matches the exact solution.
    let (x_end, v_end) = oscillator(k, c, x0, v0, dt, steps);
    let exact = oscillator_exact(k, c, x0, v0, dt * steps as f64);
    assert!((x_end - exact).abs() < 1e-5, "{x_end} vs {exact}");

    // Pull back each output component (dt is differentiated too: it is a float parameter).
    let (y, (gk, gc, gx0, gv0, gdt)) = oscillator_vjp(k, c, x0, v0, dt, steps, (1.0, 0.0));
    assert_eq!(y, (x_end, v_end));
    assert_fd(pos, &p, &[gk, gc, gx0, gv0], "oscillator position");
    let (_, (hk, hc, hx0, hv0, _)) = oscillator_vjp(k, c, x0, v0, dt, steps, (0.0, 1.0));
    assert_fd(vel, &p, &[hk, hc, hx0, hv0], "oscillator velocity");

    // The derivative of the discretised solution approximates that of the exact one.
    let exact_grad = fd_grad(|p| oscillator_exact(p[0], p[1], p[2], p[3], 5.0), &p);
    assert_close_tol(&[gk, gc, gx0, gv0], &exact_grad, 1e-4, "vs exact solution");
    // d x(T) / d dt = 0 for the exact flow at fixed T; here T = steps dt moves with dt, so
    // d x(steps dt) / d dt = steps x'(T) = steps v(T), up to discretisation error.
    assert_close_tol(&[gdt], &[steps as f64 * v_end], 1e-4, "d x / d dt");

    // A combined seed is the linear combination of the two pullbacks.
    let (_, (sk, sc, sx0, sv0, _)) = oscillator_vjp(k, c, x0, v0, dt, steps, (2.0, -3.0));
    assert_close_tol(
        &[sk, sc, sx0, sv0],
        &[
            2.0 * gk - 3.0 * hk,
            2.0 * gc - 3.0 * hc,
            2.0 * gx0 - 3.0 * hx0,
            2.0 * gv0 - 3.0 * hv0,
        ],
        1e-12,
        "linearity in the seed",
    );
}

/// Right-hand side of the Lotka–Volterra equations.
#[differentiable]
fn lv_rhs(x: f64, y: f64, p: &[f64]) -> (f64, f64) {
    (p[0] * x - p[1] * x * y, p[2] * x * y - p[3] * y)
}

/// RK4 for Lotka–Volterra with the state in a local `Vec` and the right-hand side in a
/// tuple-returning callee; the loss is the sum over the trajectory of squared deviations from
/// a reference trajectory (a constant).
#[differentiable(wrt(p, init))]
fn lotka_volterra_loss(p: &[f64], init: &[f64], data: &[f64], dt: f64, steps: usize) -> f64 {
    let mut s = vec![0.0; 2];
    s[0] = init[0];
    s[1] = init[1];
    let mut loss = 0.0;
    for n in 0..steps {
        let (k1x, k1y) = lv_rhs(s[0], s[1], p);
        let (k2x, k2y) = lv_rhs(s[0] + 0.5 * dt * k1x, s[1] + 0.5 * dt * k1y, p);
        let (k3x, k3y) = lv_rhs(s[0] + 0.5 * dt * k2x, s[1] + 0.5 * dt * k2y, p);
        let (k4x, k4y) = lv_rhs(s[0] + dt * k3x, s[1] + dt * k3y, p);
        s[0] += dt / 6.0 * (k1x + 2.0 * k2x + 2.0 * k3x + k4x);
        s[1] += dt / 6.0 * (k1y + 2.0 * k2y + 2.0 * k3y + k4y);
        let ex = s[0] - data[2 * n];
        let ey = s[1] - data[2 * n + 1];
        loss += ex * ex + ey * ey;
    }
    loss
}

#[test]
fn rk4_lotka_volterra_parameter_gradients() {
    let (dt, steps) = (0.1, 100);
    // Reference data: the trajectory of slightly different parameters.
    let truth = [1.1, 0.4, 0.1, 0.4];
    let init = [10.0, 5.0];
    let mut data = vec![0.0; 2 * steps];
    {
        let (mut x, mut y) = (init[0], init[1]);
        let f = |x: f64, y: f64| {
            (
                truth[0] * x - truth[1] * x * y,
                truth[2] * x * y - truth[3] * y,
            )
        };
        for n in 0..steps {
            let (k1x, k1y) = f(x, y);
            let (k2x, k2y) = f(x + 0.5 * dt * k1x, y + 0.5 * dt * k1y);
            let (k3x, k3y) = f(x + 0.5 * dt * k2x, y + 0.5 * dt * k2y);
            let (k4x, k4y) = f(x + dt * k3x, y + dt * k3y);
            x += dt / 6.0 * (k1x + 2.0 * k2x + 2.0 * k3x + k4x);
            y += dt / 6.0 * (k1y + 2.0 * k2y + 2.0 * k3y + k4y);
            data[2 * n] = x;
            data[2 * n + 1] = y;
        }
    }
    // At the true parameters the loss and its gradient vanish.
    let (l, (gp, gi)) = lotka_volterra_loss_grad(&truth, &init, &data, dt, steps);
    assert_eq!(l, 0.0);
    assert!(gp.iter().chain(&gi).all(|&g| g == 0.0), "{gp:?} {gi:?}");

    let p = [1.0, 0.42, 0.11, 0.38];
    let (l, (gp, gi)) = lotka_volterra_loss_grad(&p, &init, &data, dt, steps);
    assert_eq!(l, lotka_volterra_loss(&p, &init, &data, dt, steps));
    assert!(l > 0.0);
    assert_eq!((gp.len(), gi.len()), (4, 2));
    let mut all = p.to_vec();
    all.extend_from_slice(&init);
    let mut grad = gp;
    grad.extend_from_slice(&gi);
    assert_fd(
        |a| lotka_volterra_loss(&a[..4], &a[4..], &data, dt, steps),
        &all,
        &grad,
        "lotka_volterra_loss",
    );
}

// ---------------------------------------------------------------------------------------------
// recurrences in local buffers
// ---------------------------------------------------------------------------------------------

/// `v[i] = a v[i-1] + b`, returned at step n: `a^n v0 + b (a^n - 1) / (a - 1)`.
#[differentiable]
fn linear_recurrence(a: f64, b: f64, v0: f64, n: usize) -> f64 {
    let mut v = vec![0.0; n + 1];
    v[0] = v0;
    for i in 1..=n {
        v[i] = a * v[i - 1] + b;
    }
    v[n]
}

#[test]
fn linear_recurrence_closed_form() {
    let (a, b, v0) = (1.07f64, 0.3f64, -2.0f64);
    for n in [0usize, 1, 5, 40] {
        let k = n as i32;
        let an = a.powi(k);
        let nf = n as f64;
        let value = an * v0 + b * (an - 1.0) / (a - 1.0);
        let da = nf * a.powi(k - 1) * v0
            + b * (nf * a.powi(k - 1) * (a - 1.0) - (an - 1.0)) / ((a - 1.0) * (a - 1.0));
        let db = (an - 1.0) / (a - 1.0);
        let dv0 = an;
        let (v, (ga, gb, gv0)) = linear_recurrence_grad(a, b, v0, n);
        assert_eq!(v, linear_recurrence(a, b, v0, n));
        assert_close_tol(&[v], &[value], 1e-11, &format!("linear recurrence n={n}"));
        assert_close_tol(&[ga, gb, gv0], &[da, db, dv0], 1e-10, &format!("n={n}"));
    }
}

/// Fibonacci-like recurrence `v[i] = v[i-1] + c v[i-2]`; for `c = 1` the derivatives with
/// respect to the two seeds are Fibonacci numbers.
#[differentiable]
fn fib(v0: f64, v1: f64, c: f64, n: usize) -> f64 {
    let mut v = Vec::with_capacity(n + 1);
    v.push(v0);
    v.push(v1);
    for i in 2..=n {
        let next = v[i - 1] + c * v[i - 2];
        v.push(next);
    }
    v[n]
}

#[test]
fn fibonacci_recurrence() {
    let mut f = vec![0.0f64, 1.0];
    for i in 2..=31 {
        f.push(f[i - 1] + f[i - 2]);
    }
    for n in [2usize, 3, 10, 30] {
        // v_n = F_{n-1} v0 + F_n v1 for c = 1.
        let (v, (g0, g1, gc)) = fib_grad(2.0, 3.0, 1.0, n);
        assert_eq!(v, f[n - 1] * 2.0 + f[n] * 3.0);
        assert_eq!((g0, g1), (f[n - 1], f[n]), "n={n}");
        assert_fd(
            |p| fib(p[0], p[1], p[2], n),
            &[2.0, 3.0, 1.0],
            &[g0, g1, gc],
            "fib",
        );
    }
}

/// The logistic map `v[i] = r v[i-1] (1 - v[i-1])`, the trajectory kept in a local buffer and
/// averaged.
#[differentiable]
fn logistic_mean(r: f64, v0: f64, n: usize) -> f64 {
    let mut v = vec![0.0; n + 1];
    v[0] = v0;
    for i in 1..=n {
        v[i] = r * v[i - 1] * (1.0 - v[i - 1]);
    }
    let mut s = 0.0;
    for i in 0..=n {
        s += v[i];
    }
    s / (n as f64 + 1.0)
}

#[test]
fn logistic_map_trajectory() {
    // At r = 3.9 the map is chaotic: the derivative grows so fast with n that central
    // differences lose accuracy, so that case is checked over fewer steps.
    for (r, v0, n) in [(2.8f64, 0.2f64, 12), (3.2, 0.6, 12), (3.9, 0.3, 6)] {
        // Forward tangents.
        let (mut v, mut vr, mut vv) = (v0, 0.0, 1.0);
        let (mut s, mut sr, mut sv) = (v, vr, vv);
        for _ in 0..n {
            let dfdv = r * (1.0 - 2.0 * v);
            vr = v * (1.0 - v) + dfdv * vr;
            vv *= dfdv;
            v = r * v * (1.0 - v);
            s += v;
            sr += vr;
            sv += vv;
        }
        let m = n as f64 + 1.0;
        let (val, (gr, gv)) = logistic_mean_grad(r, v0, n);
        assert_eq!(val, logistic_mean(r, v0, n));
        assert_close_tol(&[val], &[s / m], 1e-12, "logistic value");
        assert_close_tol(&[gr, gv], &[sr / m, sv / m], 1e-10, "logistic gradient");
        assert_fd(
            |p| logistic_mean(p[0], p[1], n),
            &[r, v0],
            &[gr, gv],
            "logistic",
        );
    }
}

// ---------------------------------------------------------------------------------------------
// long loops
// ---------------------------------------------------------------------------------------------

/// 10^5 iterations of the contraction `y <- 0.5 sin(y) + x`. The update overwrites the
/// loop-carried `y` with a nonlinear function of its old value, so the reverse sweep needs
/// every old value: the generated code pushes one `f64` per iteration onto a typed tape
/// (about 800 kB here) and pops it while running the iterations backwards, recomputing the
/// body's temporaries. Memory is linear in the trip count; nothing else is recorded per
/// iteration. The iterate converges to the fixed point `y* = 0.5 sin y* + x`, whose
/// derivative by the implicit function theorem is `1 / (1 - 0.5 cos y*)`.
#[differentiable]
fn long_contraction(x: f64, n: usize) -> f64 {
    let mut y = 0.0f64;
    for _ in 0..n {
        y = 0.5 * y.sin() + x;
    }
    y
}

#[test]
fn long_loop_with_nonlinear_loop_carried_update() {
    let n = 100_000;
    for x in [0.3f64, -1.2, 2.0] {
        let (y, d) = long_contraction_grad(x, n);
        assert_eq!(y, long_contraction(x, n));
        assert!((y - (0.5 * y.sin() + x)).abs() < 1e-14, "converged");
        assert_close_tol(
            &[d],
            &[1.0 / (1.0 - 0.5 * y.cos())],
            1e-12,
            "implicit derivative",
        );
        assert_fd(
            |p| long_contraction(p[0], n),
            &[x],
            &[d],
            "long_contraction",
        );
    }
}

/// 10^5 iterations that branch on an active value each time and carry two variables, one of
/// which (`acc`) only accumulates: the tape records the branch taken and the overwritten `y`
/// per iteration.
#[differentiable]
fn long_branchy(x: f64, n: usize) -> f64 {
    let mut y = x;
    let mut acc = 0.0;
    for i in 0..n {
        if y > 0.0 {
            y = (y * 0.999).sin() * x;
        } else {
            y = y * 0.5 + 0.1 * x;
        }
        acc += y * 1e-5;
        if i % 1000 == 0 {
            y = -y;
        }
    }
    acc + y
}

#[test]
fn long_loop_with_branches() {
    let n = 100_000;
    for x in [0.7f64, 1.3] {
        let (v, d) = long_branchy_grad(x, n);
        assert_eq!(v, long_branchy(x, n));
        // The map is piecewise smooth and contracting, so finite differences of the whole
        // loop are well-conditioned unless a sign test flips, which the step is far too
        // small to cause here.
        assert_fd(|p| long_branchy(p[0], n), &[x], &[d], "long_branchy");
    }
}
