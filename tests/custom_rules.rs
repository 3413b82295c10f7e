//! Custom derivatives (`#[differentiable(custom(jvp = .., vjp = ..))]`) and
//! `ad_runtime::stop_gradient`, in every mode, against closed forms and differences.

mod common;

use ad_runtime::ndarray::{Array1, array};
use ad_runtime::{differentiable, stop_gradient};
use common::{Rng, assert_close, fd_grad};

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
    assert_eq!(
        stopped_in_loop(&xs),
        xs.iter().map(|v| v * v * v).sum::<f64>()
    );
    let (_, g) = stopped_in_loop_grad(&xs);
    let expected: Vec<f64> = xs.iter().map(|v| v * v).collect();
    assert_close(&g, &expected, "loop");
    let (_, t) = stopped_in_loop_jvp(&xs, &[1.0, 1.0, 1.0]);
    assert_close(&[t], &[expected.iter().sum()], "loop forward");

    let a = array![0.1, -0.4, 0.9];
    assert_eq!(stopped_array(&a), (a.mapv(f64::exp) * &a).sum());
    let (_, g) = stopped_array_grad(&a);
    assert_close(
        g.as_slice().unwrap(),
        a.mapv(f64::exp).as_slice().unwrap(),
        "array",
    );
    let (_, t) = stopped_array_jvp(&a, &Array1::ones(3));
    assert_close(&[t], &[a.mapv(f64::exp).sum()], "array forward");
}

// ---- custom rules ---------------------------------------------------------------------

/// The positive root of `x² = a` by Newton's method: the iteration is not what should be
/// differentiated, the root is (`dx/da = 1 / (2x)`).
#[differentiable(custom(jvp = newton_sqrt_jvp, vjp = newton_sqrt_vjp))]
fn newton_sqrt(a: f64) -> f64 {
    let mut x = a.max(1.0);
    for _ in 0..60 {
        x = 0.5 * (x + a / x);
    }
    x
}

fn newton_sqrt_jvp(a: f64, da: f64) -> (f64, f64) {
    let x = newton_sqrt(a);
    (x, da / (2.0 * x))
}

fn newton_sqrt_vjp(a: f64) -> (f64, impl FnOnce(f64) -> f64) {
    let x = newton_sqrt(a);
    (x, move |g| g / (2.0 * x))
}

/// A dot product of a slice with a constant weight and a scalar: the rule in both modes.
#[differentiable(custom(jvp = weighted_jvp, vjp = weighted_vjp))]
fn weighted(x: &[f64], w: &[f64], s: f64) -> f64 {
    s * x.iter().zip(w).map(|(a, b)| a * b).sum::<f64>()
}

#[allow(clippy::too_many_arguments)]
fn weighted_jvp(x: &[f64], w: &[f64], s: f64, dx: &[f64], dw: &[f64], ds: f64) -> (f64, f64) {
    let xw: f64 = x.iter().zip(w).map(|(a, b)| a * b).sum();
    let t: f64 = dx.iter().zip(w).map(|(a, b)| a * b).sum::<f64>()
        + x.iter().zip(dw).map(|(a, b)| a * b).sum::<f64>();
    (s * xw, s * t + ds * xw)
}

type WeightedGrad = (Vec<f64>, Vec<f64>, f64);

fn weighted_vjp(x: &[f64], w: &[f64], s: f64) -> (f64, impl FnOnce(f64) -> WeightedGrad) {
    let xw: f64 = x.iter().zip(w).map(|(a, b)| a * b).sum();
    let (x, w) = (x.to_vec(), w.to_vec());
    (s * xw, move |g| {
        (
            w.iter().map(|b| g * s * b).collect(),
            x.iter().map(|a| g * s * a).collect(),
            g * xw,
        )
    })
}

/// Only a `vjp` rule, with a constant parameter (left out of `wrt`).
#[differentiable(wrt(x), custom(vjp = scaled_exp_vjp))]
fn scaled_exp(x: f64, k: i32) -> f64 {
    (x * k as f64).exp()
}

fn scaled_exp_vjp(x: f64, k: i32) -> (f64, impl FnOnce(f64) -> f64) {
    let y = (x * k as f64).exp();
    (y, move |g| g * k as f64 * y)
}

/// Only a `jvp` rule.
#[differentiable(custom(jvp = cube_jvp))]
fn cube(x: f64) -> f64 {
    x * x * x
}

fn cube_jvp(x: f64, dx: f64) -> (f64, f64) {
    (x * x * x, 3.0 * x * x * dx)
}

/// Custom functions called from differentiated code: in a loop, through a call chain.
#[differentiable]
fn uses_rules(x: &[f64], w: &[f64]) -> f64 {
    let mut acc = 0.0;
    for i in 0..x.len() {
        acc += newton_sqrt(x[i] * x[i] + 1.0) * w[i];
    }
    acc + weighted(x, w, acc) + scaled_exp(x[0], 2)
}

#[differentiable]
fn uses_jvp_only(x: f64, y: f64) -> f64 {
    cube(x * y) + newton_sqrt(x * x + y * y)
}

#[test]
fn custom_rules_in_both_modes() {
    // Closed forms: sqrt and its derivative.
    for a in [0.3, 2.0, 17.0] {
        let (v, g) = newton_sqrt_grad(a);
        assert_close(&[v, g], &[a.sqrt(), 0.5 / a.sqrt()], "newton_sqrt grad");
        let (v, t) = newton_sqrt_jvp(a, 2.0);
        assert_close(&[v, t], &[a.sqrt(), 1.0 / a.sqrt()], "newton_sqrt jvp");
    }
    let (v, g) = scaled_exp_grad(0.3, 3);
    assert_close(
        &[v, g],
        &[(0.9f64).exp(), 3.0 * (0.9f64).exp()],
        "scaled_exp",
    );
    let (v, t) = cube_jvp(1.5, 2.0);
    assert_close(&[v, t], &[3.375, 13.5], "cube jvp");

    let mut rng = Rng::new(31);
    for _ in 0..4 {
        let n = 4;
        let x: Vec<f64> = (0..n).map(|_| rng.signed(0.2, 1.2)).collect();
        let w: Vec<f64> = (0..n).map(|_| rng.signed(0.2, 1.2)).collect();
        let z: Vec<f64> = x.iter().chain(&w).copied().collect();
        let f = |z: &[f64]| uses_rules(&z[..n], &z[n..]);
        let (v, (gx, gw)) = uses_rules_grad(&x, &w);
        assert_eq!(v, f(&z));
        let g: Vec<f64> = gx.iter().chain(&gw).copied().collect();
        assert_close(
            &g,
            &fd_grad(f, &z),
            "custom rules in a loop and a call, reverse",
        );
        let dz: Vec<f64> = (0..2 * n).map(|_| rng.signed(0.2, 1.0)).collect();
        // `uses_jvp_only` calls `cube`, which has only a `jvp` rule: forward mode only
        // (its `_grad` would be a compile error naming the missing rule).
        let (vj, t) = uses_jvp_only_jvp(x[0], w[0], dz[0], dz[1]);
        assert_eq!(vj, uses_jvp_only(x[0], w[0]));
        let fd = fd_grad(|p| uses_jvp_only(p[0], p[1]), &[x[0], w[0]]);
        assert_close(
            &[t],
            &[fd[0] * dz[0] + fd[1] * dz[1]],
            "custom rules, forward",
        );
    }
}

#[test]
fn custom_rule_jacobian_and_vjp() {
    let x = [0.5, -1.0, 2.0];
    let w = [1.5, 0.25, -0.5];
    // The rule is named `weighted_vjp`, as in the contract's example: it is the user's, and
    // the generated reverse mode goes through it.
    let (v, pb) = weighted_vjp(&x, &w, 2.0);
    let (gx, gw, gs) = pb(3.0);
    let (vg, (ggx, ggw, ggs)) = weighted_grad(&x, &w, 2.0);
    assert_eq!(vg, v);
    assert_close(&[ggs], &[gs / 3.0], "grad s");
    assert_close(
        &ggx,
        &gx.iter().map(|g| g / 3.0).collect::<Vec<_>>(),
        "grad x",
    );
    assert_close(
        &ggw,
        &gw.iter().map(|g| g / 3.0).collect::<Vec<_>>(),
        "grad w",
    );
    let xw: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
    assert_close(&[v], &[2.0 * xw], "value");
    assert_close(
        &gx,
        &w.iter().map(|b| 6.0 * b).collect::<Vec<_>>(),
        "x cotangent",
    );
    assert_close(
        &gw,
        &x.iter().map(|a| 6.0 * a).collect::<Vec<_>>(),
        "w cotangent",
    );
    assert_close(&[gs], &[3.0 * xw], "s cotangent");
    let (_, j) = weighted_jacobian(&x, &w, 2.0);
    let row: Vec<f64> = gx
        .iter()
        .chain(&gw)
        .map(|g| g / 3.0)
        .chain([gs / 3.0])
        .collect();
    assert_close(j.as_slice().unwrap(), &row, "jacobian row = gradient");
}

// ---- f_check ----------------------------------------------------------------------------

/// A custom rule with a deliberate mistake in its `vjp` (the factor 2 of `d(x²)` missing).
#[differentiable(custom(jvp = wrong_square_jvp, vjp = wrong_square_vjp))]
fn wrong_square(x: &[f64]) -> f64 {
    x.iter().map(|v| v * v).sum()
}

fn wrong_square_jvp(x: &[f64], dx: &[f64]) -> (f64, f64) {
    (
        wrong_square(x),
        x.iter().zip(dx).map(|(a, b)| 2.0 * a * b).sum(),
    )
}

fn wrong_square_vjp(x: &[f64]) -> (f64, impl FnOnce(f64) -> Vec<f64>) {
    let x = x.to_vec();
    (wrong_square(&x), move |g| x.iter().map(|a| g * a).collect())
}

#[differentiable]
fn rosen32(x: &[f32]) -> f32 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        s += 100.0 * a * a + (1.0 - x[i]) * (1.0 - x[i]);
    }
    s
}

#[test]
fn f_check_finds_a_wrong_rule() {
    // Generated derivatives and correct rules pass.
    assert_eq!(
        weighted_check(&[0.3, -0.7, 1.1], &[0.5, 1.5, -0.2], 0.8),
        Ok(())
    );
    assert_eq!(newton_sqrt_check(2.5), Ok(()));
    // `stop_gradient` is a derivative finite differences do not see: reported as such.
    assert_eq!(
        half_stopped_check(0.4, 1.3).unwrap_err().function,
        "half_stopped"
    );
    assert_eq!(rosen32_check(&[0.5, 1.2, -0.3]), Ok(()));
    // The wrong vjp is caught (and named); its jvp is right.
    let err = wrong_square_check(&[0.5, -1.5, 2.0]).unwrap_err();
    assert_eq!((err.function, err.mode), ("wrong_square", "f_vjp"));
    assert!((err.generated - err.finite_difference).abs() > err.tolerance);
    println!("{err}");
}

// ---- split reverse mode with a typed tape --------------------------------------------------

#[differentiable(split)]
fn spring_energy(x: &[f64], k: f64) -> f64 {
    let mut e = 0.0;
    for i in 0..x.len() - 1 {
        let d = x[i + 1] - x[i];
        e += 0.5 * k * d * d;
    }
    e
}

#[test]
fn typed_tape_equals_vjp() {
    let x = vec![0.1, 0.7, -0.4, 1.2];
    let (v, tape): (f64, SpringEnergyTape<_>) = spring_energy_fwd(&x, 3.0);
    assert_eq!(v, spring_energy(&x, 3.0));
    assert!(tape.size_bytes() > 0);
    // The tape is a value: stored, moved to another thread, used there (it borrows `x`,
    // so within a scope).
    let (gx, gk) = std::thread::scope(|s| {
        s.spawn(move || spring_energy_rev(tape, 2.0))
            .join()
            .unwrap()
    });
    let (vv, (ex, ek)) = spring_energy_vjp(&x, 3.0, 2.0);
    assert_eq!(v, vv);
    assert_eq!((gx, gk), (ex, ek));
}

// ---- second order through custom rules ---------------------------------------------------

/// `Σ e^{k xᵢ}` with custom rules; the `jvp` rule is itself differentiable, so second order
/// (`_hvp`, `_hessian`, and the HVP of a caller) goes through it.
#[differentiable(custom(jvp = soft_jvp, vjp = soft_vjp, second_order))]
fn soft(x: &[f64], k: f64) -> f64 {
    x.iter().map(|v| (k * v).exp()).sum()
}

#[differentiable]
fn soft_jvp(x: &[f64], k: f64, dx: &[f64], dk: f64) -> (f64, f64) {
    let mut v = 0.0;
    let mut t = 0.0;
    for i in 0..x.len() {
        let e = (k * x[i]).exp();
        v += e;
        t += e * (k * dx[i] + x[i] * dk);
    }
    (v, t)
}

type SoftGrad = (Vec<f64>, f64);

fn soft_vjp(x: &[f64], k: f64) -> (f64, impl FnOnce(f64) -> SoftGrad) {
    let x = x.to_vec();
    let v: f64 = x.iter().map(|a| (k * a).exp()).sum();
    (v, move |g| {
        let gx = x.iter().map(|a| g * k * (k * a).exp()).collect();
        let gk = x.iter().map(|a| g * a * (k * a).exp()).sum();
        (gx, gk)
    })
}

#[differentiable]
fn soft_caller(x: &[f64], k: f64) -> f64 {
    soft(x, k).ln() * k
}

#[test]
fn second_order_through_custom_rules() {
    let (x, k) = (vec![0.3, -0.5, 0.8], 1.3);
    assert_eq!(soft_caller(&x, k), soft(&x, k).ln() * k);
    // Hessian of Σ e^{k x_i}: d²/dx_i² = k² e^{k x_i}, d²/dx_i dk = (1 + k x_i) e^{k x_i},
    // d²/dk² = Σ x_i² e^{k x_i}.
    let (_, _, h) = soft_hessian(&x, k);
    for i in 0..3 {
        let e = (k * x[i]).exp();
        assert_close(
            &[h[[i, i]], h[[i, 3]], h[[3, i]]],
            &[k * k * e, (1.0 + k * x[i]) * e, (1.0 + k * x[i]) * e],
            "hessian",
        );
    }
    let hkk: f64 = x.iter().map(|a| a * a * (k * a).exp()).sum();
    assert_close(&[h[[3, 3]]], &[hkk], "d2/dk2");
    // Through a caller: H v against differences of the gradient.
    let (v, dk) = (vec![0.2, -0.4, 0.1], 0.3);
    let (_, _, (hx, hk)) = soft_caller_hvp(&x, k, &v, dk);
    let e = 1e-5;
    let at = |s: f64| {
        let xs: Vec<f64> = x.iter().zip(&v).map(|(a, b)| a + s * b).collect();
        let (_, (gx, gk)) = soft_caller_grad(&xs, k + s * dk);
        gx.into_iter().chain([gk]).collect::<Vec<f64>>()
    };
    let fd: Vec<f64> = at(e)
        .iter()
        .zip(at(-e))
        .map(|(a, b)| (a - b) / (2.0 * e))
        .collect();
    let hv: Vec<f64> = hx.into_iter().chain([hk]).collect();
    common::assert_close_tol(&hv, &fd, 1e-5, "caller H v through the custom rules");
}
