//! Hunt 5: in-place numerical code (`&mut` parameters: integrators with state buffers,
//! stencil steps with double buffers, Gauss–Seidel and Jacobi sweeps, in-place
//! normalisation, prefix sums, `y += A x`, layer methods writing an output buffer,
//! checkpointed in-place steps, `&mut f64` accumulators, several `&mut` parameters at once),
//! small `Copy` vector structs with by-value methods in physics, models as structs, generic
//! `T: Float` code, closures and iterator chains, custom rules for special functions, and
//! log-densities, losses and layers written with plain loops; each checked in every mode by
//! the harness.

use crate::harness::*;
use ad_runtime::{Differentiable, Float, differentiable};

// ===================================================================================
// In-place functions: integrators with state buffers
// ===================================================================================

/// The Lotka–Volterra right-hand side written into an output buffer.
#[differentiable]
fn lv_rhs(y: &[f64], p: &[f64], dy: &mut [f64]) {
    dy[0] = p[0] * y[0] - p[1] * y[0] * y[1];
    dy[1] = p[3] * y[0] * y[1] - p[2] * y[1];
}

/// Explicit midpoint (RK2) in place, with a scratch stage buffer.
#[differentiable]
fn midpoint_step(y: &mut [f64], p: &[f64], h: f64) {
    let mut k = vec![0.0; 2];
    let mut t = vec![0.0; 2];
    lv_rhs(y, p, &mut k);
    for i in 0..2 {
        t[i] = y[i] + 0.5 * h * k[i];
    }
    lv_rhs(&t, p, &mut k);
    for i in 0..2 {
        y[i] += h * k[i];
    }
}

#[differentiable(wrt(p))]
fn lv_midpoint_misfit(p: &[f64], obs: &[f64]) -> f64 {
    let mut y = vec![1.0, 0.5];
    let mut s = 0.0;
    for t in 0..obs.len() / 2 {
        for _ in 0..5 {
            midpoint_step(&mut y, p, 0.02);
        }
        let a = y[0] - obs[2 * t];
        let b = y[1] - obs[2 * t + 1];
        s += a * a + b * b;
    }
    s
}

#[test]
fn h501_lv_midpoint_inplace() {
    let obs = vec![1.05, 0.48, 1.1, 0.47, 1.12, 0.5, 1.1, 0.52];
    slice_extra_case!(
        "lv_midpoint_misfit",
        vec![1.1, 0.4, 0.9, 0.3],
        lv_midpoint_misfit,
        lv_midpoint_misfit_grad,
        lv_midpoint_misfit_jvp,
        lv_midpoint_misfit_hvp,
        lv_midpoint_misfit_check,
        &obs
    );
}

/// Van der Pol by the implicit midpoint rule: a fixed-point iteration for the stage inside
/// the in-place step (a `while` loop with a convergence `break`).
#[differentiable]
fn vdp_implicit_midpoint(y: &mut [f64; 2], mu: f64, h: f64) {
    let mut k = [y[1], mu * (1.0 - y[0] * y[0]) * y[1] - y[0]];
    let mut it = 0;
    while it < 30 {
        let m0 = y[0] + 0.5 * h * k[0];
        let m1 = y[1] + 0.5 * h * k[1];
        let n0 = m1;
        let n1 = mu * (1.0 - m0 * m0) * m1 - m0;
        let d = (n0 - k[0]).abs() + (n1 - k[1]).abs();
        k = [n0, n1];
        it += 1;
        if d < 1e-14 {
            break;
        }
    }
    y[0] += h * k[0];
    y[1] += h * k[1];
}

#[differentiable]
fn vdp_final(y0: &[f64; 2], mu: f64) -> f64 {
    let mut y = *y0;
    for _ in 0..12 {
        vdp_implicit_midpoint(&mut y, mu, 0.05);
    }
    y[0] * y[0] + 0.5 * y[1]
}

#[test]
fn h502_vdp_implicit_midpoint() {
    verify(
        "vdp_final",
        &[1.2, -0.3, 0.8],
        &|p| vdp_final(&[p[0], p[1]], p[2]),
        &|p| {
            let (v, (g, m)) = vdp_final_grad(&[p[0], p[1]], p[2]);
            (v, vec![g[0], g[1], m])
        },
        &|p, t| vdp_final_jvp(&[p[0], p[1]], p[2], &[t[0], t[1]], t[2]),
        Some(&|p, t| {
            let (v, (g, m), (hg, hm)) = vdp_final_hvp(&[p[0], p[1]], p[2], &[t[0], t[1]], t[2]);
            (v, vec![g[0], g[1], m], vec![hg[0], hg[1], hm])
        }),
        Some(vdp_final_check(&[1.2, -0.3], 0.8)),
    );
}

/// Störmer–Verlet with two `&mut [f64; 2]` state arrays (position and momentum) in a
/// Hénon–Heiles potential.
#[differentiable]
fn henon_force(q: &[f64; 2], lam: f64) -> [f64; 2] {
    [
        -q[0] - 2.0 * lam * q[0] * q[1],
        -q[1] - lam * (q[0] * q[0] - q[1] * q[1]),
    ]
}

#[differentiable]
fn verlet_step(q: &mut [f64; 2], p: &mut [f64; 2], lam: f64, dt: f64) {
    let f0: [f64; 2] = henon_force(q, lam);
    p[0] += 0.5 * dt * f0[0];
    p[1] += 0.5 * dt * f0[1];
    q[0] += dt * p[0];
    q[1] += dt * p[1];
    let f1: [f64; 2] = henon_force(q, lam);
    p[0] += 0.5 * dt * f1[0];
    p[1] += 0.5 * dt * f1[1];
}

#[differentiable]
fn henon_heiles(s: &[f64], lam: f64) -> f64 {
    let mut q = [s[0], s[1]];
    let mut p = [s[2], s[3]];
    for _ in 0..40 {
        verlet_step(&mut q, &mut p, lam, 0.05);
    }
    q[0] * p[1] - q[1] * p[0] + q[0] * q[0]
}

#[test]
fn h503_henon_heiles_verlet() {
    slice_scalar_case!(
        "henon_heiles",
        vec![0.3, -0.2, 0.1, 0.4, 0.9],
        henon_heiles,
        henon_heiles_grad,
        henon_heiles_jvp,
        henon_heiles_hvp,
        henon_heiles_check
    );
}

/// Leapfrog n-body (3 bodies in 2-D, flat buffers): `kick` and `drift` in place.
#[differentiable]
fn nb_kick(v: &mut [f64], x: &[f64], m: &[f64], dt: f64) {
    let n = m.len();
    for i in 0..n {
        for j in 0..n {
            if i != j {
                let dx = x[2 * j] - x[2 * i];
                let dy = x[2 * j + 1] - x[2 * i + 1];
                let r2 = dx * dx + dy * dy + 0.01;
                let inv = m[j] / (r2 * r2.sqrt());
                v[2 * i] += dt * dx * inv;
                v[2 * i + 1] += dt * dy * inv;
            }
        }
    }
}

#[differentiable]
fn nb_drift(x: &mut [f64], v: &[f64], dt: f64) {
    for i in 0..x.len() {
        x[i] += dt * v[i];
    }
}

#[differentiable(wrt(x0, m))]
fn nbody_leapfrog(x0: &[f64], m: &[f64], steps: usize) -> f64 {
    let mut x = x0.to_vec();
    let mut v = vec![0.0, 0.3, 0.0, -0.3, 0.2, 0.0];
    let dt = 0.02;
    for _ in 0..steps {
        nb_kick(&mut v, &x, m, 0.5 * dt);
        nb_drift(&mut x, &v, dt);
        nb_kick(&mut v, &x, m, 0.5 * dt);
    }
    let mut e = 0.0;
    for i in 0..x.len() {
        e += x[i] * x[i] + 0.1 * v[i] * v[i];
    }
    e
}

#[test]
fn h504_nbody_leapfrog_inplace() {
    two_slices_case!(
        "nbody_leapfrog",
        vec![1.0, 0.0, -1.0, 0.1, 0.0, 0.8, 1.0, 0.9, 1.2],
        6,
        nbody_leapfrog_s,
        nbody_leapfrog_s_grad,
        nbody_leapfrog_s_jvp,
        nbody_leapfrog_s_hvp,
        nbody_leapfrog_s_check
    );
}

#[differentiable]
fn nbody_leapfrog_s(x0: &[f64], m: &[f64]) -> f64 {
    nbody_leapfrog(x0, m, 15)
}

/// Classic RK4 on a `&mut Vec<f64>` state with four stage buffers filled by a right-hand
/// side written as an in-place function of a chain of pendula coupled by springs.
#[differentiable]
fn chain_rhs(y: &[f64], k: f64, out: &mut [f64]) {
    let n = y.len() / 2;
    for i in 0..n {
        out[i] = y[n + i];
        let left = if i > 0 { y[i - 1] } else { 0.0 };
        let right = if i + 1 < n { y[i + 1] } else { 0.0 };
        out[n + i] = -y[i].sin() + k * (left - 2.0 * y[i] + right);
    }
}

#[differentiable]
fn rk4_vec(y: &mut Vec<f64>, k: f64, h: f64) {
    let n = y.len();
    let mut k1 = vec![0.0; n];
    let mut k2 = vec![0.0; n];
    let mut k3 = vec![0.0; n];
    let mut k4 = vec![0.0; n];
    chain_rhs(y, k, &mut k1);
    let t: Vec<f64> = (0..n).map(|i| y[i] + 0.5 * h * k1[i]).collect();
    chain_rhs(&t, k, &mut k2);
    let t: Vec<f64> = (0..n).map(|i| y[i] + 0.5 * h * k2[i]).collect();
    chain_rhs(&t, k, &mut k3);
    let t: Vec<f64> = (0..n).map(|i| y[i] + h * k3[i]).collect();
    chain_rhs(&t, k, &mut k4);
    for i in 0..n {
        y[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
    }
}

#[differentiable]
fn pendulum_chain(y0: &[f64], k: f64) -> f64 {
    let mut y = y0.to_vec();
    for _ in 0..10 {
        rk4_vec(&mut y, k, 0.05);
    }
    y.iter().map(|v| v * v).sum::<f64>()
}

#[test]
fn h505_pendulum_chain_rk4_vec() {
    slice_scalar_case!(
        "pendulum_chain",
        vec![0.3, -0.2, 0.5, 0.1, 0.0, -0.1, 1.3],
        pendulum_chain,
        pendulum_chain_grad,
        pendulum_chain_jvp,
        pendulum_chain_hvp,
        pendulum_chain_check
    );
}

// ===================================================================================
// In-place stencils with double buffers
// ===================================================================================

/// Explicit heat step: the new values into `un` from `u`, then copied back.
#[differentiable]
fn heat_step(u: &mut [f64], un: &mut [f64], r: f64) {
    let n = u.len();
    un[0] = u[0];
    un[n - 1] = u[n - 1];
    for i in 1..n - 1 {
        un[i] = u[i] + r * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
    }
    for i in 0..n {
        u[i] = un[i];
    }
}

#[differentiable]
fn heat_energy(u0: &[f64], kappa: f64) -> f64 {
    let mut u = u0.to_vec();
    let mut un = vec![0.0; u0.len()];
    for _ in 0..25 {
        heat_step(&mut u, &mut un, kappa * 0.4);
    }
    let mut e = 0.0;
    for i in 0..u.len() {
        e += u[i] * u[i] * (1.0 + i as f64);
    }
    e
}

#[test]
fn h506_heat_double_buffer() {
    slice_scalar_case!(
        "heat_energy",
        vec![0.0, 0.4, 0.9, 0.3, -0.2, 0.6, 0.0, 0.8],
        heat_energy,
        heat_energy_grad,
        heat_energy_jvp,
        heat_energy_hvp,
        heat_energy_check
    );
}

/// The wave equation by leapfrog: two `&mut` time levels rotated with `mem::swap` of locals
/// in the caller.
#[differentiable]
fn wave_step(prev: &mut [f64], cur: &[f64], c2: f64) {
    let n = cur.len();
    for i in 1..n - 1 {
        prev[i] = 2.0 * cur[i] - prev[i] + c2 * (cur[i - 1] - 2.0 * cur[i] + cur[i + 1]);
    }
    prev[0] = 0.0;
    prev[n - 1] = 0.0;
}

#[differentiable]
fn wave_probe(u0: &[f64], c: f64) -> f64 {
    let mut a = u0.to_vec();
    let mut b = u0.to_vec();
    for _ in 0..20 {
        wave_step(&mut a, &b, c * c * 0.25);
        std::mem::swap(&mut a, &mut b);
    }
    b[2] * b[2] + b[3] + a[4] * b[4]
}

#[test]
fn h507_wave_leapfrog_swap() {
    slice_scalar_case!(
        "wave_probe",
        vec![0.0, 0.3, 0.7, 0.9, 0.4, 0.1, 0.0, 0.9],
        wave_probe,
        wave_probe_grad,
        wave_probe_jvp,
        wave_probe_hvp,
        wave_probe_check
    );
}

/// Viscous Burgers' equation with an upwind convective term chosen per point (a branch on
/// the sign of the velocity) and periodic boundaries, in place through a local copy.
#[differentiable]
fn burgers_step(u: &mut [f64], nu: f64, dt: f64, dx: f64) {
    let n = u.len();
    let old = u.to_vec();
    for i in 0..n {
        let l = old[(i + n - 1) % n];
        let r = old[(i + 1) % n];
        let c = old[i];
        let adv = if c > 0.0 {
            c * (c - l) / dx
        } else {
            c * (r - c) / dx
        };
        u[i] = c - dt * adv + nu * dt / (dx * dx) * (l - 2.0 * c + r);
    }
}

#[differentiable]
fn burgers_final(u0: &[f64], nu: f64) -> f64 {
    let mut u = u0.to_vec();
    for _ in 0..15 {
        burgers_step(&mut u, nu, 0.01, 0.2);
    }
    u.iter()
        .enumerate()
        .map(|(i, v)| v * v * (i as f64 + 0.5))
        .sum()
}

#[test]
fn h508_burgers_upwind_inplace() {
    slice_scalar_case!(
        "burgers_final",
        vec![0.3, 0.8, 0.5, -0.2, -0.6, -0.1, 0.2, 0.05],
        burgers_final,
        burgers_final_grad,
        burgers_final_jvp,
        burgers_final_hvp,
        burgers_final_check
    );
}

/// A checkpointed heat loop: the in-place step with a `&mut Vec<f64>` as the state.
#[differentiable]
fn heat_step_vec(u: &mut Vec<f64>, r: f64) {
    let n = u.len();
    let old = u.clone();
    for i in 1..n - 1 {
        u[i] = old[i] + r * (old[i - 1] - 2.0 * old[i] + old[i + 1]);
    }
}

#[differentiable]
fn heat_ckpt(u0: &[f64], r: f64, n: usize) -> f64 {
    let mut u = u0.to_vec();
    #[checkpoint(snapshots = 3)]
    for _ in 0..n {
        heat_step_vec(&mut u, r);
    }
    u.iter().map(|v| v.powi(3)).sum::<f64>()
}

#[differentiable]
fn heat_ckpt_30(u0: &[f64], r: f64) -> f64 {
    heat_ckpt(u0, r, 30)
}

#[test]
fn h509_heat_checkpointed_inplace() {
    slice_scalar_case!(
        "heat_ckpt_30",
        vec![0.0, 0.5, 0.9, 0.7, 0.2, 0.0, 0.3],
        heat_ckpt_30,
        heat_ckpt_30_grad,
        heat_ckpt_30_jvp,
        heat_ckpt_30_hvp,
        heat_ckpt_30_check
    );
}

/// A checkpointed loop whose in-place step works on a fixed-size array state, with the
/// counter read by an argument.
#[differentiable]
fn forced_osc_step(s: &mut [f64; 2], w: f64, f: f64) {
    let a = -w * w * s[0] - 0.1 * s[1] + f;
    s[1] += 0.05 * a;
    s[0] += 0.05 * s[1];
}

#[differentiable]
fn forced_osc(s0: &[f64; 2], w: f64, n: usize) -> f64 {
    let mut s = *s0;
    #[checkpoint]
    for i in 0..n {
        forced_osc_step(&mut s, w, (i as f64 * 0.05).sin());
    }
    s[0] * s[0] + s[1]
}

#[test]
fn h510_forced_osc_checkpointed_array() {
    verify(
        "forced_osc",
        &[0.4, -0.1, 1.7],
        &|p| forced_osc(&[p[0], p[1]], p[2], 50),
        &|p| {
            let (v, (g, w)) = forced_osc_grad(&[p[0], p[1]], p[2], 50);
            (v, vec![g[0], g[1], w])
        },
        &|p, t| forced_osc_jvp(&[p[0], p[1]], p[2], 50, &[t[0], t[1]], t[2]),
        Some(&|p, t| {
            let (v, (g, w), (hg, hw)) =
                forced_osc_hvp(&[p[0], p[1]], p[2], 50, &[t[0], t[1]], t[2]);
            (v, vec![g[0], g[1], w], vec![hg[0], hg[1], hw])
        }),
        Some(forced_osc_check(&[0.4, -0.1], 1.7, 50)),
    );
}

// ===================================================================================
// In-place linear algebra
// ===================================================================================

/// One Gauss–Seidel sweep: each new value is used at once by the rows below it.
#[differentiable]
fn gauss_seidel_sweep(x: &mut [f64], a: &[f64], b: &[f64]) {
    let n = b.len();
    for i in 0..n {
        let mut s = b[i];
        for j in 0..n {
            if j != i {
                s -= a[i * n + j] * x[j];
            }
        }
        x[i] = s / a[i * n + i];
    }
}

#[differentiable]
fn gs_solve_quad(a: &[f64], b: &[f64]) -> f64 {
    let mut x = vec![0.0; b.len()];
    for _ in 0..8 {
        gauss_seidel_sweep(&mut x, a, b);
    }
    x.iter().zip(b.iter()).map(|(u, v)| u * v).sum::<f64>()
}

#[test]
fn h511_gauss_seidel_inplace() {
    let a = vec![4.0, 1.0, 0.5, 1.0, 5.0, -1.0, 0.5, -1.0, 3.0];
    let b = vec![1.0, -0.5, 0.8];
    two_slices_case!(
        "gs_solve_quad",
        cat(&[a, b]),
        9,
        gs_solve_quad,
        gs_solve_quad_grad,
        gs_solve_quad_jvp,
        gs_solve_quad_hvp,
        gs_solve_quad_check
    );
}

/// Weighted Jacobi on a 1-D Poisson problem with a `&mut Vec<f64>` iterate and a local copy
/// of the previous sweep; the right-hand side written into an output buffer first.
#[differentiable]
fn poisson_rhs(f: &[f64], h: f64, out: &mut Vec<f64>) {
    for i in 0..f.len() {
        out[i] = h * h * f[i];
    }
}

#[differentiable]
fn jacobi_sweep(u: &mut Vec<f64>, rhs: &[f64], omega: f64) {
    let n = u.len();
    let old = u.clone();
    for i in 0..n {
        let l = if i > 0 { old[i - 1] } else { 0.0 };
        let r = if i + 1 < n { old[i + 1] } else { 0.0 };
        u[i] = (1.0 - omega) * old[i] + omega * 0.5 * (l + r + rhs[i]);
    }
}

#[differentiable]
fn jacobi_poisson(f: &[f64], omega: f64) -> f64 {
    let n = f.len();
    let mut rhs = vec![0.0; n];
    poisson_rhs(f, 1.0 / (n as f64 + 1.0), &mut rhs);
    let mut u = vec![0.0; n];
    for _ in 0..12 {
        jacobi_sweep(&mut u, &rhs, omega);
    }
    u.iter().sum::<f64>() + u[n / 2] * u[n / 2]
}

#[test]
fn h512_jacobi_poisson() {
    slice_scalar_case!(
        "jacobi_poisson",
        vec![1.0, 2.0, -0.5, 0.7, 1.5, 0.2, 0.67],
        jacobi_poisson,
        jacobi_poisson_grad,
        jacobi_poisson_jvp,
        jacobi_poisson_hvp,
        jacobi_poisson_check
    );
}

/// `y += A x` in place, used by a power iteration with in-place normalisation.
#[differentiable]
fn gemv_acc(y: &mut [f64], a: &[f64], x: &[f64]) {
    let m = y.len();
    let n = x.len();
    for i in 0..m {
        let mut s = 0.0;
        for j in 0..n {
            s += a[i * n + j] * x[j];
        }
        y[i] += s;
    }
}

#[differentiable]
fn normalize_inplace(v: &mut [f64]) {
    let mut s = 0.0;
    for i in 0..v.len() {
        s += v[i] * v[i];
    }
    let inv = 1.0 / s.sqrt();
    for i in 0..v.len() {
        v[i] *= inv;
    }
}

#[differentiable]
fn power_rayleigh(a: &[f64]) -> f64 {
    let n = 3;
    let mut v = vec![1.0, 0.5, 0.25];
    for _ in 0..6 {
        let mut y = vec![0.0; n];
        gemv_acc(&mut y, a, &v);
        normalize_inplace(&mut y);
        v = y;
    }
    let mut av = vec![0.0; n];
    gemv_acc(&mut av, a, &v);
    v.iter().zip(&av).map(|(p, q)| p * q).sum()
}

#[test]
fn h513_power_iteration_inplace() {
    slice_case!(
        "power_rayleigh",
        vec![3.0, 1.0, 0.2, 1.0, 2.0, 0.5, 0.2, 0.5, 1.0],
        power_rayleigh,
        power_rayleigh_grad,
        power_rayleigh_jvp,
        power_rayleigh_hvp,
        power_rayleigh_check
    );
}

/// Inclusive prefix sums in place, then a log-sum of the cumulative sums of squares.
#[differentiable]
fn prefix_sum_inplace(v: &mut [f64]) {
    for i in 1..v.len() {
        v[i] += v[i - 1];
    }
}

#[differentiable]
fn cumsum_logs(x: &[f64]) -> f64 {
    let mut c: Vec<f64> = x.iter().map(|v| v * v).collect();
    prefix_sum_inplace(&mut c);
    c.iter().map(|v| (1.0 + v).ln()).sum()
}

#[test]
fn h514_prefix_sum_inplace() {
    slice_case!(
        "cumsum_logs",
        vec![0.3, -0.8, 1.2, 0.1, -0.4],
        cumsum_logs,
        cumsum_logs_grad,
        cumsum_logs_jvp,
        cumsum_logs_hvp,
        cumsum_logs_check
    );
}

/// The Thomas algorithm for a tridiagonal system, overwriting the right-hand side with the
/// solution (`d` in place, `c'` in a scratch buffer); Crank–Nicolson steps use it.
#[differentiable]
fn thomas_inplace(d: &mut [f64], lo: f64, diag: f64, up: f64) {
    let n = d.len();
    let mut cp = vec![0.0; n];
    cp[0] = up / diag;
    d[0] = d[0] / diag;
    for i in 1..n {
        let m = diag - lo * cp[i - 1];
        cp[i] = up / m;
        d[i] = (d[i] - lo * d[i - 1]) / m;
    }
    for i in (0..n - 1).rev() {
        d[i] -= cp[i] * d[i + 1];
    }
}

#[differentiable]
fn crank_nicolson(u0: &[f64], r: f64) -> f64 {
    let n = u0.len();
    let mut u = u0.to_vec();
    for _ in 0..6 {
        let mut rhs = vec![0.0; n];
        for i in 0..n {
            let l = if i > 0 { u[i - 1] } else { 0.0 };
            let rr = if i + 1 < n { u[i + 1] } else { 0.0 };
            rhs[i] = u[i] + 0.5 * r * (l - 2.0 * u[i] + rr);
        }
        thomas_inplace(&mut rhs, -0.5 * r, 1.0 + r, -0.5 * r);
        u = rhs;
    }
    u.iter().map(|v| v * v).sum::<f64>() + u[1]
}

#[test]
fn h515_crank_nicolson_thomas() {
    slice_scalar_case!(
        "crank_nicolson",
        vec![0.2, 0.9, 0.4, -0.3, 0.6, 0.1, 0.8],
        crank_nicolson,
        crank_nicolson_grad,
        crank_nicolson_jvp,
        crank_nicolson_hvp,
        crank_nicolson_check
    );
}

/// Modified Gram–Schmidt on the columns of a row-major `n × k` matrix, in place; the
/// result is a sum of products of the orthonormal columns with fixed vectors.
#[differentiable]
fn mgs_inplace(q: &mut [f64], n: usize, k: usize) {
    for j in 0..k {
        for p in 0..j {
            let mut r = 0.0;
            for i in 0..n {
                r += q[i * k + p] * q[i * k + j];
            }
            for i in 0..n {
                q[i * k + j] -= r * q[i * k + p];
            }
        }
        let mut s = 0.0;
        for i in 0..n {
            s += q[i * k + j] * q[i * k + j];
        }
        let inv = 1.0 / s.sqrt();
        for i in 0..n {
            q[i * k + j] *= inv;
        }
    }
}

#[differentiable]
fn mgs_projection(a: &[f64]) -> f64 {
    let mut q = a.to_vec();
    mgs_inplace(&mut q, 3, 2);
    let t = [1.0, -2.0, 0.5];
    let mut s = 0.0;
    for j in 0..2 {
        let mut c = 0.0;
        for i in 0..3 {
            c += q[i * 2 + j] * t[i];
        }
        s += c * c * (j as f64 + 1.0);
    }
    s
}

#[test]
fn h516_modified_gram_schmidt() {
    slice_case!(
        "mgs_projection",
        vec![1.0, 0.3, 0.5, 1.2, -0.4, 0.7],
        mgs_projection,
        mgs_projection_grad,
        mgs_projection_jvp,
        mgs_projection_hvp,
        mgs_projection_check
    );
}

/// Insertion sort in place by element swaps on a `&mut [f64]` parameter, then a weighted
/// sum of the order statistics (an L-estimator).
#[differentiable]
fn insertion_sort(v: &mut [f64]) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[differentiable]
fn l_estimator(x: &[f64]) -> f64 {
    let mut v = x.to_vec();
    insertion_sort(&mut v);
    let n = v.len();
    let mut s = 0.0;
    for i in 0..n {
        let w = (i as f64 + 0.5) / n as f64;
        s += w * (1.0 - w) * v[i] * v[i].abs();
    }
    s
}

#[test]
fn h517_insertion_sort_inplace() {
    slice_case!(
        "l_estimator",
        vec![0.3, -1.1, 2.2, 0.7, -0.35, 1.45],
        l_estimator,
        l_estimator_grad,
        l_estimator_jvp,
        l_estimator_hvp,
        l_estimator_check
    );
}

// ===================================================================================
// `&mut f64` and several `&mut` parameters
// ===================================================================================

/// Kahan compensated summation with two `&mut f64` accumulators.
#[differentiable]
fn kahan_add(sum: &mut f64, comp: &mut f64, x: f64) {
    let y = x - *comp;
    let t = *sum + y;
    *comp = (t - *sum) - y;
    *sum = t;
}

#[differentiable]
fn kahan_sum_sq(x: &[f64]) -> f64 {
    let mut s = 0.0;
    let mut c = 0.0;
    for i in 0..x.len() {
        kahan_add(&mut s, &mut c, x[i] * x[i] * (i as f64 + 1.0));
    }
    s.sqrt()
}

#[test]
fn h518_kahan_two_mut_scalars() {
    slice_case!(
        "kahan_sum_sq",
        vec![0.3, -1.1, 2.2, 0.7, -0.35],
        kahan_sum_sq,
        kahan_sum_sq_grad,
        kahan_sum_sq_jvp,
        kahan_sum_sq_hvp,
        kahan_sum_sq_check
    );
}

/// Welford's running mean and variance: three `&mut f64` states updated per sample.
#[differentiable]
fn welford_push(mean: &mut f64, m2: &mut f64, count: &mut f64, x: f64) {
    *count += 1.0;
    let d = x - *mean;
    *mean += d / *count;
    *m2 += d * (x - *mean);
}

#[differentiable]
fn welford_zscore(x: &[f64]) -> f64 {
    let mut mean = 0.0;
    let mut m2 = 0.0;
    let mut cnt = 0.0;
    for &v in x {
        welford_push(&mut mean, &mut m2, &mut cnt, v);
    }
    let var = m2 / (cnt - 1.0);
    (x[0] - mean) / var.sqrt()
}

#[test]
fn h519_welford_three_mut_scalars() {
    slice_case!(
        "welford_zscore",
        vec![0.3, -1.1, 2.2, 0.7, -0.35, 1.2],
        welford_zscore,
        welford_zscore_grad,
        welford_zscore_jvp,
        welford_zscore_hvp,
        welford_zscore_check
    );
}

/// Horner's rule writing its result and derivative through `&mut f64` outputs, with an
/// early `return` for the empty polynomial; used by Newton's method.
#[differentiable]
fn horner_with_deriv(c: &[f64], x: f64, p: &mut f64, dp: &mut f64) {
    *p = 0.0;
    *dp = 0.0;
    if c.is_empty() {
        return;
    }
    for i in (0..c.len()).rev() {
        *dp = *dp * x + *p;
        *p = *p * x + c[i];
    }
}

#[differentiable]
fn newton_poly_root(c: &[f64]) -> f64 {
    let mut x = 1.0;
    let mut p = 0.0;
    let mut dp = 0.0;
    for _ in 0..8 {
        horner_with_deriv(c, x, &mut p, &mut dp);
        x -= p / dp;
    }
    x
}

#[test]
fn h520_horner_mut_outputs_newton() {
    slice_case!(
        "newton_poly_root",
        vec![-2.0, 0.5, 0.3, 1.0],
        newton_poly_root,
        newton_poly_root_grad,
        newton_poly_root_jvp,
        newton_poly_root_hvp,
        newton_poly_root_check
    );
}

/// A `&mut Vec<f64>` history that grows by `push` inside the in-place step, and a
/// `&mut f64` clock.
#[differentiable]
fn logistic_record(x: &mut f64, t: &mut f64, hist: &mut Vec<f64>, r: f64) {
    *x = r * *x * (1.0 - *x);
    *t += 0.1;
    hist.push(*x * t.cos());
}

#[differentiable]
fn logistic_history(x0: f64, r: f64) -> f64 {
    let mut x = x0;
    let mut t = 0.0;
    let mut hist = Vec::new();
    for _ in 0..7 {
        logistic_record(&mut x, &mut t, &mut hist, r);
    }
    let mut s = 0.0;
    for i in 0..hist.len() {
        s += hist[i] * (i as f64 + 1.0);
    }
    s
}

#[test]
fn h521_growing_history_vec() {
    s2_case!(
        "logistic_history",
        [0.3, 2.9],
        logistic_history,
        logistic_history_grad,
        logistic_history_jvp,
        logistic_history_hvp,
        logistic_history_check
    );
}

/// A `&mut` parameter passed on in place through two levels (`&mut *y`), and a local
/// buffer lent whole as `&mut buf[..]`.
#[differentiable]
fn damp_inplace(y: &mut [f64], c: f64) {
    for i in 0..y.len() {
        y[i] *= (-c * (i as f64 + 1.0)).exp();
    }
}

#[differentiable]
fn shift_and_damp(y: &mut [f64], c: f64) {
    let first = y[0];
    for i in 0..y.len() - 1 {
        y[i] = y[i + 1];
    }
    let n = y.len();
    y[n - 1] = first.tanh();
    damp_inplace(&mut *y, c);
}

#[differentiable]
fn twice_shift(y: &mut Vec<f64>, c: f64) {
    shift_and_damp(&mut *y, c);
    shift_and_damp(&mut y[..], 0.5 * c);
}

#[differentiable]
fn shift_energy(x: &[f64], c: f64) -> f64 {
    let mut buf = x.to_vec();
    twice_shift(&mut buf, c);
    let mut s = 0.0;
    for i in 0..buf.len() {
        s += buf[i] * x[i];
    }
    s
}

#[test]
fn h522_mut_passed_on_two_levels() {
    slice_scalar_case!(
        "shift_energy",
        vec![0.3, -1.1, 0.8, 0.7, 0.4],
        shift_energy,
        shift_energy_grad,
        shift_energy_jvp,
        shift_energy_hvp,
        shift_energy_check
    );
}

/// A rotation of a `&mut [f64; 3]` point about z then x, in place; the caller rotates a
/// rigid body's three points and measures them.
#[differentiable]
fn rotate_zx(p: &mut [f64; 3], a: f64, b: f64) {
    let (s, c) = a.sin_cos();
    let x = c * p[0] - s * p[1];
    let y = s * p[0] + c * p[1];
    p[0] = x;
    p[1] = y;
    let (s2, c2) = b.sin_cos();
    let y2 = c2 * p[1] - s2 * p[2];
    let z2 = s2 * p[1] + c2 * p[2];
    p[1] = y2;
    p[2] = z2;
}

#[differentiable]
fn rigid_fit(ang: &[f64]) -> f64 {
    let body = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.3, 0.3, 1.0]];
    let target = [[0.8, 0.5, 0.2], [-0.5, 0.7, 0.4], [0.1, 0.2, 1.1]];
    let mut s = 0.0;
    for k in 0..3 {
        let mut p = body[k];
        rotate_zx(&mut p, ang[0], ang[1]);
        for d in 0..3 {
            let e = p[d] - target[k][d];
            s += e * e;
        }
    }
    s
}

#[test]
fn h523_rotate_mut_array3() {
    slice_case!(
        "rigid_fit",
        vec![0.4, 0.3],
        rigid_fit,
        rigid_fit_grad,
        rigid_fit_jvp,
        rigid_fit_hvp,
        rigid_fit_check
    );
}

// ===================================================================================
// In-place ML kernels
// ===================================================================================

/// Softmax in place with the max shift.
#[differentiable]
fn softmax_inplace(z: &mut [f64]) {
    let mut m = z[0];
    for i in 1..z.len() {
        if z[i] > m {
            m = z[i];
        }
    }
    let mut s = 0.0;
    for i in 0..z.len() {
        z[i] = (z[i] - m).exp();
        s += z[i];
    }
    for i in 0..z.len() {
        z[i] /= s;
    }
}

/// Layer normalisation in place with a learned gain and bias.
#[differentiable]
fn layer_norm_inplace(v: &mut [f64], gain: &[f64], bias: &[f64]) {
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    let mut var = 0.0;
    for i in 0..v.len() {
        var += (v[i] - mean) * (v[i] - mean);
    }
    let inv = 1.0 / (var / n + 1e-5).sqrt();
    for i in 0..v.len() {
        v[i] = gain[i] * (v[i] - mean) * inv + bias[i];
    }
}

/// Single-query attention over a slice of keys and values (dimension 2), in place kernels.
#[differentiable]
fn attention_readout(q: &[f64], kv: &[f64]) -> f64 {
    let t = kv.len() / 4;
    let mut scores = vec![0.0; t];
    for i in 0..t {
        scores[i] = (q[0] * kv[4 * i] + q[1] * kv[4 * i + 1]) / 2f64.sqrt();
    }
    softmax_inplace(&mut scores);
    let mut out = vec![0.0; 2];
    for i in 0..t {
        out[0] += scores[i] * kv[4 * i + 2];
        out[1] += scores[i] * kv[4 * i + 3];
    }
    let gain = [1.0, 0.5];
    let bias = [0.1, -0.2];
    let mut h = vec![out[0] + q[0], out[1] - q[1]];
    layer_norm_inplace(&mut h, &gain, &bias);
    h[0] * 0.7 + h[1] * h[1] + out[0] * out[1]
}

#[test]
fn h524_attention_inplace_kernels() {
    two_slices_case!(
        "attention_readout",
        vec![
            0.5, -0.3, 0.2, 0.9, 1.1, -0.4, -0.6, 0.3, 0.7, 0.1, 0.4, 0.8, -0.2, 0.5,
        ],
        2,
        attention_readout,
        attention_readout_grad,
        attention_readout_jvp,
        attention_readout_hvp,
        attention_readout_check
    );
}

/// A dense layer struct whose method writes into an output buffer, and a two-layer model
/// that calls it on its fields through the type (`Dense::apply(&self.l1, ..)`).
#[derive(Clone, Debug, Differentiable)]
struct Dense {
    w: Vec<f64>,
    b: Vec<f64>,
}

impl Dense {
    #[differentiable]
    fn apply(&self, x: &[f64], out: &mut [f64]) {
        let n = x.len();
        for i in 0..out.len() {
            let mut z = self.b[i];
            for j in 0..n {
                z += self.w[i * n + j] * x[j];
            }
            out[i] = z.tanh();
        }
    }
}

#[derive(Clone, Debug, Differentiable)]
struct TwoLayer {
    l1: Dense,
    l2: Dense,
}

impl Flat for TwoLayer {
    fn flat(&self) -> Vec<f64> {
        cat(&[
            self.l1.w.clone(),
            self.l1.b.clone(),
            self.l2.w.clone(),
            self.l2.b.clone(),
        ])
    }
    fn unflat(&self, v: &[f64]) -> Self {
        let (a, b, c) = (self.l1.w.len(), self.l1.b.len(), self.l2.w.len());
        TwoLayer {
            l1: Dense {
                w: v[..a].to_vec(),
                b: v[a..a + b].to_vec(),
            },
            l2: Dense {
                w: v[a + b..a + b + c].to_vec(),
                b: v[a + b + c..].to_vec(),
            },
        }
    }
}

impl TwoLayer {
    #[differentiable]
    fn forward(&self, x: &[f64], out: &mut [f64]) {
        let mut h = vec![0.0; self.l1.b.len()];
        Dense::apply(&self.l1, x, &mut h);
        Dense::apply(&self.l2, &h, &mut *out);
    }

    #[differentiable(wrt(self))]
    fn loss(&self, xs: &[f64], ys: &[f64]) -> f64 {
        let mut s = 0.0;
        let mut out = vec![0.0; 1];
        for i in 0..ys.len() {
            self.forward(&xs[2 * i..2 * i + 2], &mut out);
            let r = out[0] - ys[i];
            s += r * r;
        }
        s
    }
}

#[test]
fn h525_layer_struct_output_buffers() {
    let m = TwoLayer {
        l1: Dense {
            w: vec![0.3, -0.5, 0.8, 0.2, -0.1, 0.6],
            b: vec![0.1, 0.0, -0.2],
        },
        l2: Dense {
            w: vec![0.5, -0.4, 0.7],
            b: vec![0.05],
        },
    };
    let xs = det_vals(8, 0.71);
    let ys = vec![0.2, -0.1, 0.4, 0.3];
    verify_struct(
        "TwoLayer::loss",
        &m,
        &|p| p.loss(&xs, &ys),
        &|p| p.loss_grad(&xs, &ys),
        &|p, t| p.loss_jvp(&xs, &ys, t),
        Some(&|p, t| p.loss_hvp(&xs, &ys, t)),
    );
}

// ===================================================================================
// In-place code written the idiomatic Rust way
// ===================================================================================

/// Euler step with `iter_mut().zip(..)`, the way Rust integrators are usually written.
#[differentiable]
fn axpy_iter_mut(y: &mut [f64], k: &[f64], h: f64) {
    // WORKAROUND(H5-1): `for (yi, ki) in y.iter_mut().zip(k.iter()) { *yi += h * ki; }` is
    // rejected (two errors: the iterator, and `*yi` as an assignment target).
    for i in 0..y.len() {
        y[i] += h * k[i];
    }
}

#[differentiable]
fn probe_iter_mut(x: &[f64], h: f64) -> f64 {
    let mut y = x.to_vec();
    let k: Vec<f64> = x.iter().map(|v| v.sin()).collect();
    axpy_iter_mut(&mut y, &k, h);
    y.iter().map(|v| v * v).sum()
}

#[test]
fn h526_iter_mut_zip() {
    slice_scalar_case!(
        "probe_iter_mut",
        vec![0.3, -1.1, 0.8, 0.5],
        probe_iter_mut,
        probe_iter_mut_grad,
        probe_iter_mut_jvp,
        probe_iter_mut_hvp,
        probe_iter_mut_check
    );
}

/// Double buffering with `copy_from_slice`.
#[differentiable]
fn smooth_copy_back(u: &mut [f64], w: f64) {
    let n = u.len();
    let mut tmp = vec![0.0; n];
    for i in 0..n {
        let l = u[(i + n - 1) % n];
        let r = u[(i + 1) % n];
        tmp[i] = (1.0 - 2.0 * w) * u[i] + w * (l + r);
    }
    // WORKAROUND(H5-2): `u.copy_from_slice(&tmp)` is rejected as a missing float/array method
    // rule (the message lists float and ndarray methods, not the loop to write).
    for i in 0..n {
        u[i] = tmp[i];
    }
}

#[differentiable]
fn probe_copy_from_slice(x: &[f64], w: f64) -> f64 {
    let mut u = x.to_vec();
    for _ in 0..3 {
        smooth_copy_back(&mut u, w);
    }
    u.iter().map(|v| v.powi(3)).sum()
}

#[test]
fn h527_copy_from_slice() {
    slice_scalar_case!(
        "probe_copy_from_slice",
        vec![0.3, -1.1, 0.8, 0.5, 0.2, 0.25],
        probe_copy_from_slice,
        probe_copy_from_slice_grad,
        probe_copy_from_slice_jvp,
        probe_copy_from_slice_hvp,
        probe_copy_from_slice_check
    );
}

/// `for v in y.iter_mut() { *v = .. }` with a closure bound by `let`.
#[differentiable]
fn clip_scale(y: &mut [f64], s: f64) {
    let squash = |v: f64| v / (1.0 + v.abs());
    // WORKAROUND(H5-1): `for v in y.iter_mut() { *v = squash(*v * s); }` is rejected.
    for i in 0..y.len() {
        y[i] = squash(y[i] * s);
    }
}

#[differentiable]
fn probe_clip_scale(x: &[f64], s: f64) -> f64 {
    let mut y = x.to_vec();
    clip_scale(&mut y, s);
    y.iter().zip(x.iter()).map(|(a, b)| a * b).sum()
}

#[test]
fn h528_iter_mut_closure() {
    slice_scalar_case!(
        "probe_clip_scale",
        vec![0.3, -1.1, 0.8, 0.5, 1.3],
        probe_clip_scale,
        probe_clip_scale_grad,
        probe_clip_scale_jvp,
        probe_clip_scale_hvp,
        probe_clip_scale_check
    );
}

/// `*y = ..` of a whole `&mut Vec<f64>` parameter.
#[differentiable]
fn replace_vec(y: &mut Vec<f64>, a: f64) {
    let n = y.len();
    let mut z = vec![0.0; n];
    for i in 0..n {
        z[i] = y[n - 1 - i] * a + y[i];
    }
    // WORKAROUND(H5-4): `*y = z;` compiles, but the gradient panics in the reverse sweep
    // (index out of bounds, len 0), as for any whole reassignment of a by-value `Vec`
    // parameter; copy the elements back instead.
    for i in 0..n {
        y[i] = z[i];
    }
}

#[differentiable]
fn probe_replace_vec(x: &[f64], a: f64) -> f64 {
    let mut y = x.to_vec();
    replace_vec(&mut y, a);
    replace_vec(&mut y, a * 0.5);
    y[0] * y[1] + y[2].exp()
}

#[test]
fn h529_assign_whole_mut_vec() {
    slice_scalar_case!(
        "probe_replace_vec",
        vec![0.3, -1.1, 0.8, 0.5, 0.7],
        probe_replace_vec,
        probe_replace_vec_grad,
        probe_replace_vec_jvp,
        probe_replace_vec_hvp,
        probe_replace_vec_check
    );
}

/// `fill` on a `&mut` output buffer before accumulating into it (a histogram-like kernel
/// density on a grid).
#[differentiable]
fn kde_grid(xs: &[f64], bw: f64, out: &mut [f64]) {
    // WORKAROUND(H5-2): `out.fill(0.0)` on the `&mut` output buffer is rejected as a missing
    // float/array method rule.
    for g in 0..out.len() {
        out[g] = 0.0;
    }
    let m = out.len();
    for g in 0..m {
        let c = -1.0 + 2.0 * g as f64 / (m as f64 - 1.0);
        for &x in xs {
            let z = (c - x) / bw;
            out[g] += (-0.5 * z * z).exp() / bw;
        }
    }
}

#[differentiable]
fn probe_kde(xs: &[f64], bw: f64) -> f64 {
    let mut grid = vec![1.0; 5];
    kde_grid(xs, bw, &mut grid);
    grid.iter().map(|v| (v + 0.1).ln()).sum()
}

#[test]
fn h530_fill_output_buffer() {
    slice_scalar_case!(
        "probe_kde",
        vec![0.3, -0.6, 0.1, 0.45, 0.4],
        probe_kde,
        probe_kde_grad,
        probe_kde_jvp,
        probe_kde_hvp,
        probe_kde_check
    );
}

// ===================================================================================
// Small `Copy` vector structs with by-value methods
// ===================================================================================

#[derive(Clone, Copy, Debug, Differentiable)]
struct V2 {
    x: f64,
    y: f64,
}

impl V2 {
    #[differentiable]
    fn new(x: f64, y: f64) -> Self {
        V2 { x, y }
    }
    #[differentiable]
    fn add(self, o: V2) -> V2 {
        V2 {
            x: self.x + o.x,
            y: self.y + o.y,
        }
    }
    #[differentiable]
    fn sub(self, o: V2) -> V2 {
        V2 {
            x: self.x - o.x,
            y: self.y - o.y,
        }
    }
    #[differentiable]
    fn scale(self, s: f64) -> V2 {
        V2 {
            x: self.x * s,
            y: self.y * s,
        }
    }
    #[differentiable]
    fn dot(self, o: V2) -> f64 {
        self.x * o.x + self.y * o.y
    }
    #[differentiable]
    fn norm(self) -> f64 {
        self.dot(self).sqrt()
    }
}

/// A projectile with quadratic drag, semi-implicit Euler on `V2` values until it lands (a
/// `while` loop with a `break`), the landing point interpolated linearly.
#[differentiable]
fn projectile_range(v0: f64, angle: f64, k: f64) -> f64 {
    // WORKAROUND(H5-7): `let g = V2::new(0.0, -9.81);` (a struct of constants made by the
    // constructor) then `g.sub(..)` fails to compile in the second-order code
    // (`V2: Relift` not satisfied); a literal works.
    let g = V2 { x: 0.0, y: -9.81 };
    let mut p = V2::new(0.0, 0.0);
    let mut v = V2::new(v0 * angle.cos(), v0 * angle.sin());
    let dt = 0.01;
    let mut steps = 0;
    let mut x_land = 0.0;
    while steps < 10000 {
        let speed = v.norm();
        let a = g.sub(v.scale(k * speed));
        v = v.add(a.scale(dt));
        let pn = p.add(v.scale(dt));
        steps += 1;
        if pn.y < 0.0 {
            let t = p.y / (p.y - pn.y);
            x_land = p.x + t * (pn.x - p.x);
            break;
        }
        p = pn;
    }
    x_land
}

#[test]
fn h531_projectile_with_drag_v2() {
    s3_case!(
        "projectile_range",
        [12.0, 0.7, 0.05],
        projectile_range,
        projectile_range_grad,
        projectile_range_jvp,
        projectile_range_hvp,
        projectile_range_check
    );
}

/// A spring network in the plane: node positions from a slice, each spring's force from
/// `V2` methods, a few steps of damped relaxation.
impl V2 {
    #[differentiable]
    fn spring_to(self, b: V2, k: f64, rest: f64) -> V2 {
        let d = b.sub(self);
        let len = d.norm();
        d.scale(k * (len - rest) / len)
    }
}

#[differentiable(wrt(x, k))]
fn edge_force(x: &[f64], i: usize, j: usize, k: f64) -> [f64; 2] {
    let a = V2::new(x[2 * i], x[2 * i + 1]);
    let b = V2::new(x[2 * j], x[2 * j + 1]);
    let fe = a.spring_to(b, k, 1.0);
    // (`[fe.x, fe.y]` is rejected with a clear message: the fields are not visibly floats)
    let fx: f64 = fe.x;
    let fy: f64 = fe.y;
    [fx, fy]
}

#[differentiable(wrt(pos, k))]
fn spring_relax(pos: &[f64], k: f64, edges: &[usize]) -> f64 {
    let n = pos.len() / 2;
    let mut x = pos.to_vec();
    for _ in 0..4 {
        let mut f = vec![0.0; 2 * n];
        for e in 0..edges.len() / 2 {
            let i = edges[2 * e];
            let j = edges[2 * e + 1];
            // WORKAROUND(H5-9): a call returning `V2` inside this loop, its fields then read
            // (`let fe = spring_force(a, b, k, 1.0); f[2 * i] += fe.x;`, also as the method
            // `a.spring_to(b, ..)`), fails to compile (E0282 on the struct's adjoint); the
            // struct code moved into a loop-free helper returning `[f64; 2]`.
            let fe: [f64; 2] = edge_force(&x, i, j, k);
            f[2 * i] += fe[0];
            f[2 * i + 1] += fe[1];
            f[2 * j] -= fe[0];
            f[2 * j + 1] -= fe[1];
        }
        for m in 0..2 * n {
            x[m] += 0.05 * f[m];
        }
    }
    let mut e = 0.0;
    for i in 0..n {
        let p = V2::new(x[2 * i], x[2 * i + 1]);
        // WORKAROUND(H5-8): `p.dot(p)` on a local made by `V2::new` is taken for ndarray's
        // `dot` (rustc: `V2: Value` / `__AdDualV2: DualArray` not satisfied); `norm` is not.
        e += p.norm() * p.norm() * (i as f64 + 1.0);
    }
    e
}

#[test]
fn h532_spring_network_v2() {
    let edges = vec![0, 1, 1, 2, 2, 0, 2, 3];
    slice_scalar_case!(
        "spring_relax",
        vec![0.0, 0.0, 1.2, 0.1, 0.5, 0.9, 1.4, 1.3, 2.5],
        spring_relax_e,
        spring_relax_e_grad,
        spring_relax_e_jvp,
        spring_relax_e_hvp,
        spring_relax_e_check
    );
    let _ = edges;
}

#[differentiable]
fn spring_relax_e(pos: &[f64], k: f64) -> f64 {
    let edges = [0, 1, 1, 2, 2, 0, 2, 3];
    spring_relax(pos, k, &edges)
}

#[derive(Clone, Copy, Debug, Differentiable)]
struct V3 {
    x: f64,
    y: f64,
    z: f64,
}

impl V3 {
    #[differentiable]
    fn add(self, o: V3) -> V3 {
        V3 {
            x: self.x + o.x,
            y: self.y + o.y,
            z: self.z + o.z,
        }
    }
    #[differentiable]
    fn scale(self, s: f64) -> V3 {
        V3 {
            x: self.x * s,
            y: self.y * s,
            z: self.z * s,
        }
    }
    #[differentiable]
    fn dot(self, o: V3) -> f64 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }
    #[differentiable]
    fn cross(self, o: V3) -> V3 {
        V3 {
            x: self.y * o.z - self.z * o.y,
            y: self.z * o.x - self.x * o.z,
            z: self.x * o.y - self.y * o.x,
        }
    }
    #[differentiable]
    fn norm2(self) -> f64 {
        self.dot(self)
    }
}

/// Rodrigues' rotation of a vector about an axis written with `V3` methods
/// (`v cosθ + (k × v) sinθ + k (k·v)(1 − cosθ)`), applied to a rigid body's points.
#[differentiable]
fn rodrigues_v3(v: V3, axis: V3, theta: f64) -> V3 {
    let k = axis.scale(1.0 / axis.norm2().sqrt());
    let (s, c) = theta.sin_cos();
    // WORKAROUND(H5-6): the chain `v.scale(c).add(k.cross(v).scale(s)).add(..)` is rejected
    // ("no derivative rule for method `add`"), its suggested `V3::add(..)` path form does
    // not type-check for a by-value receiver; every intermediate bound to a local instead.
    let a = v.scale(c);
    let kv = k.cross(v);
    let b = kv.scale(s);
    // WORKAROUND(H5-8): `k.dot(v)` on the local `k` is taken for ndarray's `dot`; on the
    // parameter `v` it is `V3::dot`.
    let kd = v.dot(k);
    let d = k.scale(kd * (1.0 - c));
    let ab = a.add(b);
    ab.add(d)
}

#[differentiable]
fn rigid_rotation_misfit(p: &[f64]) -> f64 {
    let axis = V3 {
        x: p[0],
        y: p[1],
        z: p[2],
    };
    let pts = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.5], [0.3, -0.2, 1.0]];
    let tgt = [[0.6, 0.7, 0.1], [-0.8, 0.4, 0.6], [0.5, 0.3, 0.9]];
    let mut s = 0.0;
    for i in 0..3 {
        let v = V3 {
            x: pts[i][0],
            y: pts[i][1],
            z: pts[i][2],
        };
        // WORKAROUND(H5-6): without the annotation `r.add(..)` is rejected.
        let r: V3 = rodrigues_v3(v, axis, p[3]);
        let t = V3 {
            x: tgt[i][0],
            y: tgt[i][1],
            z: tgt[i][2],
        };
        let mt = t.scale(-1.0);
        let d = r.add(mt);
        s += d.norm2();
    }
    s
}

#[test]
fn h533_rodrigues_v3_methods() {
    slice_case!(
        "rigid_rotation_misfit",
        vec![0.2, 0.3, 0.9, 0.6],
        rigid_rotation_misfit,
        rigid_rotation_misfit_grad,
        rigid_rotation_misfit_jvp,
        rigid_rotation_misfit_hvp,
        rigid_rotation_misfit_check
    );
}

/// A charged particle in a magnetic field: the Lorentz force `q v × B` with `V3::cross`,
/// Boris-like explicit steps, the final kinetic energy plus position.
#[differentiable]
fn lorentz_orbit(v0: &[f64], b: &[f64]) -> f64 {
    let bb = V3 {
        x: b[0],
        y: b[1],
        z: b[2],
    };
    let mut v = V3 {
        x: v0[0],
        y: v0[1],
        z: v0[2],
    };
    let mut x = V3 {
        x: 0.0,
        y: 0.0,
        z: 0.0,
    };
    let dt = 0.05;
    for _ in 0..30 {
        let a = v.cross(bb);
        let vh = v.add(a.scale(0.5 * dt));
        let a2 = vh.cross(bb);
        v = v.add(a2.scale(dt));
        x = x.add(v.scale(dt));
    }
    0.5 * v.norm2() + x.x + 0.3 * x.y * x.z
}

#[test]
fn h534_lorentz_cross_product() {
    two_slices_case!(
        "lorentz_orbit",
        vec![0.5, 0.2, -0.3, 0.1, -0.4, 1.2],
        3,
        lorentz_orbit,
        lorentz_orbit_grad,
        lorentz_orbit_jvp,
        lorentz_orbit_hvp,
        lorentz_orbit_check
    );
}

/// A complex number as a `Copy` struct with by-value methods.
#[derive(Clone, Copy, Debug, Differentiable)]
struct Cx {
    re: f64,
    im: f64,
}

impl Cx {
    #[differentiable]
    fn mul(self, o: Cx) -> Cx {
        Cx {
            re: self.re * o.re - self.im * o.im,
            im: self.re * o.im + self.im * o.re,
        }
    }
    #[differentiable]
    fn add(self, o: Cx) -> Cx {
        Cx {
            re: self.re + o.re,
            im: self.im + o.im,
        }
    }
    #[differentiable]
    fn abs2(self) -> f64 {
        self.re * self.re + self.im * self.im
    }
    // WORKAROUND(H5-8): named `exp`, the call `Cx { .. }.exp()` on a literal is taken for
    // the float method (rustc: no method `exp` for `__AdDualCx`, `Cx: Value`).
    #[differentiable]
    fn cexp(self) -> Cx {
        let r = self.re.exp();
        Cx {
            re: r * self.im.cos(),
            im: r * self.im.sin(),
        }
    }
}

/// `|p(z)|²` for a polynomial with complex coefficients by Horner's rule, times a
/// complex exponential: a frequency-response magnitude.
#[differentiable]
fn freq_response(c: &[f64], w: f64) -> f64 {
    // (a method on the literal itself, `Cx { .. }.cexp()`, is not a recognised call)
    let iw = Cx { re: 0.0, im: w };
    let z = iw.cexp();
    let n = c.len() / 2;
    let mut acc = Cx {
        re: c[2 * (n - 1)],
        im: c[2 * (n - 1) + 1],
    };
    for k in (0..n - 1).rev() {
        let ck = Cx {
            re: c[2 * k],
            im: c[2 * k + 1],
        };
        // WORKAROUND(H5-6): `acc = acc.mul(z).add(ck);` is rejected.
        let az = acc.mul(z);
        acc = az.add(ck);
    }
    acc.abs2().ln()
}

#[test]
fn h535_complex_struct_horner() {
    slice_scalar_case!(
        "freq_response",
        vec![1.0, 0.2, -0.5, 0.3, 0.25, -0.1, 0.1, 0.05, 0.7],
        freq_response,
        freq_response_grad,
        freq_response_jvp,
        freq_response_hvp,
        freq_response_check
    );
}

/// Smooth escape-time of the Mandelbrot iteration on `Cx` values (`while` with `break`).
#[differentiable]
fn mandel_smooth(cr: f64, ci: f64) -> f64 {
    let c = Cx { re: cr, im: ci };
    let mut z = Cx { re: 0.0, im: 0.0 };
    let mut n = 0;
    while n < 50 {
        // WORKAROUND(H5-6): `z = z.mul(z).add(c);` is rejected.
        let zz = z.mul(z);
        z = zz.add(c);
        n += 1;
        if z.abs2() > 16.0 {
            break;
        }
    }
    n as f64 - z.abs2().ln().ln() / 2f64.ln()
}

#[test]
fn h536_mandelbrot_smooth_cx() {
    s2_case!(
        "mandel_smooth",
        [0.5, 0.5],
        mandel_smooth,
        mandel_smooth_grad,
        mandel_smooth_jvp,
        mandel_smooth_hvp,
        mandel_smooth_check
    );
}

// ===================================================================================
// Models as structs: `&self` methods calling each other, nested structs
// ===================================================================================

#[derive(Clone, Debug, Differentiable)]
struct Spring {
    k: f64,
    rest: f64,
}

impl Spring {
    #[differentiable]
    fn force(&self, ext: f64) -> f64 {
        -self.k * (ext - self.rest)
    }
    #[differentiable]
    fn energy(&self, ext: f64) -> f64 {
        0.5 * self.k * (ext - self.rest) * (ext - self.rest)
    }
}

#[derive(Clone, Debug, Differentiable)]
struct TwoMass {
    s1: Spring,
    s2: Spring,
    m: [f64; 2],
    damping: f64,
}

impl Flat for TwoMass {
    fn flat(&self) -> Vec<f64> {
        vec![
            self.s1.k,
            self.s1.rest,
            self.s2.k,
            self.s2.rest,
            self.m[0],
            self.m[1],
            self.damping,
        ]
    }
    fn unflat(&self, v: &[f64]) -> Self {
        TwoMass {
            s1: Spring {
                k: v[0],
                rest: v[1],
            },
            s2: Spring {
                k: v[2],
                rest: v[3],
            },
            m: [v[4], v[5]],
            damping: v[6],
        }
    }
}

impl TwoMass {
    #[differentiable]
    fn accel(&self, x: &[f64; 4]) -> [f64; 2] {
        let f1 = Spring::force(&self.s1, x[0]);
        let f2 = Spring::force(&self.s2, x[1] - x[0]);
        [
            (f1 - f2 - self.damping * x[2]) / self.m[0],
            (f2 - self.damping * x[3]) / self.m[1],
        ]
    }

    #[differentiable]
    fn energy(&self, x: &[f64; 4]) -> f64 {
        Spring::energy(&self.s1, x[0])
            + Spring::energy(&self.s2, x[1] - x[0])
            + 0.5 * (self.m[0] * x[2] * x[2] + self.m[1] * x[3] * x[3])
    }

    #[differentiable]
    fn step(&self, x: &mut [f64; 4], dt: f64) {
        let a: [f64; 2] = self.accel(x);
        x[2] += dt * a[0];
        x[3] += dt * a[1];
        x[0] += dt * x[2];
        x[1] += dt * x[3];
    }

    #[differentiable(wrt(self))]
    fn dissipated(&self, x0: &[f64; 4], n: usize) -> f64 {
        let mut x = *x0;
        let e0 = self.energy(&x);
        for _ in 0..n {
            self.step(&mut x, 0.02);
        }
        e0 - self.energy(&x)
    }
}

#[test]
fn h537_nested_springs_methods() {
    let m = TwoMass {
        s1: Spring { k: 4.0, rest: 1.0 },
        s2: Spring { k: 2.5, rest: 0.8 },
        m: [1.0, 0.7],
        damping: 0.3,
    };
    let x0 = [1.3, 2.4, 0.0, 0.1];
    verify_struct(
        "TwoMass::dissipated",
        &m,
        &|p| p.dissipated(&x0, 40),
        &|p| p.dissipated_grad(&x0, 40),
        &|p, t| p.dissipated_jvp(&x0, 40, t),
        Some(&|p, t| p.dissipated_hvp(&x0, 40, t)),
    );
}

/// A Gaussian-process-like kernel model: `&self` methods calling each other
/// (`kernel` ← `gram_entry` ← `quad_form`) over flat data.
#[derive(Clone, Debug, Differentiable)]
struct RbfModel {
    log_ell: f64,
    log_sf: f64,
    alpha: Vec<f64>,
}

impl Flat for RbfModel {
    fn flat(&self) -> Vec<f64> {
        let mut v = vec![self.log_ell, self.log_sf];
        v.extend(self.alpha.iter());
        v
    }
    fn unflat(&self, v: &[f64]) -> Self {
        RbfModel {
            log_ell: v[0],
            log_sf: v[1],
            alpha: v[2..].to_vec(),
        }
    }
}

impl RbfModel {
    #[differentiable]
    fn kernel(&self, a: f64, b: f64) -> f64 {
        let ell = self.log_ell.exp();
        let d = (a - b) / ell;
        (2.0 * self.log_sf).exp() * (-0.5 * d * d).exp()
    }
    #[differentiable]
    fn predict(&self, xs: &[f64], t: f64) -> f64 {
        let mut s = 0.0;
        for i in 0..xs.len() {
            s += self.alpha[i] * self.kernel(xs[i], t);
        }
        s
    }
    #[differentiable]
    fn quad_form(&self, xs: &[f64]) -> f64 {
        let mut s = 0.0;
        for i in 0..xs.len() {
            s += self.alpha[i] * self.predict(xs, xs[i]);
        }
        s
    }
    #[differentiable(wrt(self))]
    fn objective(&self, xs: &[f64], ys: &[f64]) -> f64 {
        let mut fit = 0.0;
        for i in 0..ys.len() {
            let r = self.predict(xs, xs[i]) - ys[i];
            fit += r * r;
        }
        fit + 0.1 * self.quad_form(xs)
    }
}

#[test]
fn h538_rbf_model_method_chain() {
    let m = RbfModel {
        log_ell: -0.3,
        log_sf: 0.1,
        alpha: vec![0.3, -0.2, 0.5, 0.1],
    };
    let xs = vec![-1.0, -0.2, 0.4, 1.1];
    let ys = vec![0.2, 0.5, 0.1, -0.3];
    verify_struct(
        "RbfModel::objective",
        &m,
        &|p| p.objective(&xs, &ys),
        &|p| p.objective_grad(&xs, &ys),
        &|p, t| p.objective_jvp(&xs, &ys, t),
        Some(&|p, t| p.objective_hvp(&xs, &ys, t)),
    );
}

// ===================================================================================
// Generic code over `T: Float`
// ===================================================================================

/// A generic RK2 step for the logistic equation with harvesting.
// WORKAROUND(H5-10): written in place, `fn g_logistic_step<T: Float>(y: &mut [T], r: T, h: T)`,
// it is rejected with two errors ("must return a value: add a return type" and "`&mut`
// parameters of this type are not supported"); it returns the new state instead.
#[differentiable]
fn g_logistic_step<T: Float>(y: &[T], r: T, h: T) -> Vec<T> {
    let half = T::from(0.5).unwrap();
    let mut out = y.to_vec();
    for i in 0..y.len() {
        let f0 = r * y[i] * (T::one() - y[i]) - T::from(0.1).unwrap() * y[i];
        let ym = y[i] + half * h * f0;
        let f1 = r * ym * (T::one() - ym) - T::from(0.1).unwrap() * ym;
        out[i] = y[i] + h * f1;
    }
    out
}

#[differentiable]
fn g_logistic_final<T: Float>(y0: &[T], r: T) -> T {
    let mut y = y0.to_vec();
    for _ in 0..10 {
        y = g_logistic_step(&y, r, T::from(0.1).unwrap());
    }
    let mut s = T::zero();
    for i in 0..y.len() {
        s = s + y[i] * y[i];
    }
    s
}

#[test]
fn h539_generic_inplace_step() {
    let x = vec![0.2, 0.5, 0.9, 1.8];
    slice_scalar_case!(
        "g_logistic_final",
        x.clone(),
        g_logistic_final,
        g_logistic_final_grad,
        g_logistic_final_jvp,
        g_logistic_final_hvp,
        g_logistic_final_check
    );
    let xf: Vec<f32> = x[..3].iter().map(|&v| v as f32).collect();
    let (v32, (g32, r32)) = g_logistic_final_grad::<f32>(&xf, 1.8f32);
    let (v64, (g64, r64)) = g_logistic_final_grad(&x[..3], 1.8);
    vec_close32(&[v32, r32], &[v64, r64], 1e-4, "g_logistic_final f32");
    vec_close32(&g32, &g64, 1e-4, "g_logistic_final f32 grad");
}

/// A generic Student-t log-likelihood with `FloatConst` and a closure bound by `let`.
#[differentiable]
fn g_student_t_nll<T: Float + ad_runtime::num_traits::FloatConst>(x: &[T], mu: T, log_s: T) -> T {
    let nu = T::from(4.0).unwrap();
    let s = log_s.exp();
    let one = T::one();
    let two = one + one;
    let term = |v: T| {
        let z = (v - mu) / s;
        (nu + one) / two * (one + z * z / nu).ln()
    };
    let mut acc = T::zero();
    for &v in x.iter() {
        acc = acc + term(v) + log_s;
    }
    acc + T::from(x.len()).unwrap() * (nu * T::PI()).ln() / two
}

#[test]
fn h540_generic_student_t() {
    let xs = vec![0.3, -1.2, 2.5, 0.7, 0.1];
    verify(
        "g_student_t_nll",
        &[0.2, -0.3],
        &|p| g_student_t_nll(&xs, p[0], p[1]),
        &|p| {
            let (v, (_, a, b)) = g_student_t_nll_grad(&xs, p[0], p[1]);
            (v, vec![a, b])
        },
        &|p, t| g_student_t_nll_jvp(&xs, p[0], p[1], &[0.0; 5], t[0], t[1]),
        Some(&|p, t| {
            let (v, (_, a, b), (_, c, d)) =
                g_student_t_nll_hvp(&xs, p[0], p[1], &[0.0; 5], t[0], t[1]);
            (v, vec![a, b], vec![c, d])
        }),
        Some(g_student_t_nll_check(&xs, 0.2, -0.3)),
    );
}

/// Generic iterator chains: `windows`, `zip`, `filter`, `enumerate`, `fold`.
#[differentiable]
fn g_path_stats<T: Float + std::iter::Sum>(x: &[T], w: T) -> T {
    let tv: T = x.windows(2).map(|p| (p[1] - p[0]).abs()).sum();
    let curv: T = x
        .windows(3)
        .map(|p| {
            let d = p[0] - (p[1] + p[1]) + p[2];
            d * d
        })
        .sum();
    let pos = x
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .fold(T::zero(), |a, (_, &v)| a + v * w);
    tv + curv * w + pos
}

#[test]
fn h541_generic_windows_chains() {
    slice_scalar_case!(
        "g_path_stats",
        vec![0.3, -1.2, 0.8, 1.5, 0.7, -0.2, 0.6],
        g_path_stats,
        g_path_stats_grad,
        g_path_stats_jvp,
        g_path_stats_hvp,
        g_path_stats_check
    );
}

/// A generic Newton solve with an early `return` on convergence inside a `loop`, returning
/// `T`; the caller takes it as a generic function.
#[differentiable]
fn g_kepler_e<T: Float>(m: T, e: T) -> T {
    let mut ea = m;
    let mut k = 0;
    loop {
        let f = ea - e * ea.sin() - m;
        let d = f / (T::one() - e * ea.cos());
        ea = ea - d;
        k += 1;
        if d.abs() < T::from(1e-15).unwrap() || k > 40 {
            return ea;
        }
    }
}

#[differentiable]
fn g_true_anomaly<T: Float>(m: T, e: T) -> T {
    let ea = g_kepler_e::<T>(m, e);
    let half = T::from(0.5).unwrap();
    T::from(2.0).unwrap() * (((T::one() + e) / (T::one() - e)).sqrt() * (half * ea).tan()).atan()
}

#[test]
fn h542_generic_kepler_newton_loop_return() {
    s2_case!(
        "g_true_anomaly",
        [1.1, 0.3],
        g_true_anomaly,
        g_true_anomaly_grad,
        g_true_anomaly_jvp,
        g_true_anomaly_hvp,
        g_true_anomaly_check
    );
}

// ===================================================================================
// Closures, `Option`, `match`, `while` with `break`, early returns
// ===================================================================================

/// Piecewise-defined losses chosen by `match` on an enum constant, closures bound by `let`
/// capturing differentiated values.
#[derive(Clone, Copy)]
enum Robust {
    Huber(f64),
    Cauchy(f64),
    Tukey(f64),
}

#[differentiable(wrt(r, s))]
fn robust_loss(r: &[f64], s: f64, kind: Robust) -> f64 {
    let scaled = |v: f64| v / s;
    let mut acc = 0.0;
    for &v in r.iter() {
        let z = scaled(v);
        let l = match kind {
            Robust::Huber(d) => {
                if z.abs() <= d {
                    0.5 * z * z
                } else {
                    d * (z.abs() - 0.5 * d)
                }
            }
            Robust::Cauchy(c) => 0.5 * c * c * (1.0 + (z / c) * (z / c)).ln(),
            Robust::Tukey(c) if z.abs() < c => {
                let t = 1.0 - (z / c) * (z / c);
                c * c / 6.0 * (1.0 - t * t * t)
            }
            Robust::Tukey(c) => c * c / 6.0,
        };
        acc += l;
    }
    acc + r.len() as f64 * s.ln()
}

#[test]
fn h543_robust_losses_match() {
    slice_scalar_case!(
        "robust_loss_k",
        vec![0.3, -1.7, 2.9, 0.45, -0.8, 0.9],
        robust_loss_k,
        robust_loss_k_grad,
        robust_loss_k_jvp,
        robust_loss_k_hvp,
        robust_loss_k_check
    );
}

#[differentiable]
fn robust_loss_k(r: &[f64], s: f64) -> f64 {
    robust_loss(r, s, Robust::Huber(1.0))
        + robust_loss(r, s, Robust::Cauchy(1.5))
        + robust_loss(r, s, Robust::Tukey(2.0))
}

/// Bisection then secant for a root of `x³ − a x − b` with `while` loops and `break`,
/// `Option` of a bracket as a constant parameter (`if let`).
#[differentiable(wrt(a, b))]
fn bisect_secant(a: f64, b: f64, bracket: Option<(f64, f64)>) -> f64 {
    let (mut lo, mut hi) = if let Some((l, h)) = bracket {
        (l, h)
    } else {
        (0.0, 4.0)
    };
    let f = |x: f64| x * x * x - a * x - b;
    let mut it = 0;
    while it < 20 {
        let mid = 0.5 * (lo + hi);
        if f(mid) > 0.0 {
            hi = mid;
        } else {
            lo = mid;
        }
        it += 1;
        if hi - lo < 1e-3 {
            break;
        }
    }
    let mut x0 = lo;
    let mut x1 = hi;
    for _ in 0..30 {
        let f0 = f(x0);
        let f1 = f(x1);
        if f1 == f0 {
            break;
        }
        let x2 = x1 - f1 * (x1 - x0) / (f1 - f0);
        x0 = x1;
        x1 = x2;
        if (x1 - x0).abs() < 1e-14 {
            break;
        }
    }
    x1
}

#[differentiable]
fn bisect_secant_some(a: f64, b: f64) -> f64 {
    bisect_secant(a, b, Some((0.5, 3.0))) + bisect_secant(a, b, None)
}

#[test]
fn h544_bisection_secant_option() {
    s2_case!(
        "bisect_secant_some",
        [1.3, 0.8],
        bisect_secant_some,
        bisect_secant_some_grad,
        bisect_secant_some_jvp,
        bisect_secant_some_hvp,
        bisect_secant_some_check
    );
}

/// Early returns from nested loops: the first cumulative log-return crossing a barrier, or
/// the final value; `if let Some(..) = xs.get(i)` for a look-ahead.
#[differentiable]
fn barrier_first_passage(ret: &[f64], barrier: f64) -> f64 {
    let mut logp = 0.0;
    for i in 0..ret.len() {
        logp += ret[i] - 0.5 * ret[i] * ret[i];
        if logp > barrier {
            let mut extra = 0.0;
            if let Some(nx) = ret.get(i + 1) {
                extra = 0.5 * nx;
            }
            return logp.exp() + extra + i as f64;
        }
    }
    logp.tanh()
}

#[test]
fn h545_early_return_get() {
    for x in [
        vec![0.1, 0.25, -0.05, 0.3, 0.2, 0.55],
        vec![0.1, -0.25, -0.05, 0.1, 0.2, 0.85],
    ] {
        slice_scalar_case!(
            "barrier_first_passage",
            x,
            barrier_first_passage,
            barrier_first_passage_grad,
            barrier_first_passage_jvp,
            barrier_first_passage_hvp,
            barrier_first_passage_check
        );
    }
}

/// `let else` on a parsed constant, `matches!`, `while let` over a stack of indices.
#[differentiable(wrt(x))]
fn stack_tree_sum(x: &[f64], spec: &[usize], root: Option<usize>) -> f64 {
    let Some(r) = root else {
        return x.iter().sum();
    };
    let mut stack = vec![r];
    let mut acc = 0.0;
    let mut depth = 1.0;
    while let Some(k) = stack.pop() {
        let v = x[k];
        acc += v.sin() * depth;
        depth *= 0.9;
        if matches!(spec[k], 1 | 2) && 2 * k + 1 < x.len() {
            stack.push(2 * k + 1);
        }
        if spec[k] == 2 && 2 * k + 2 < x.len() {
            stack.push(2 * k + 2);
        }
    }
    acc
}

#[differentiable]
fn stack_tree_both(x: &[f64]) -> f64 {
    let spec = [2, 1, 2, 0, 2, 0, 0];
    stack_tree_sum(x, &spec, Some(0)) + 0.1 * stack_tree_sum(x, &spec, None)
}

#[test]
fn h546_let_else_while_let_stack() {
    slice_case!(
        "stack_tree_both",
        vec![0.3, -1.2, 0.8, 1.5, 0.7, -0.2, 0.6],
        stack_tree_both,
        stack_tree_both_grad,
        stack_tree_both_jvp,
        stack_tree_both_hvp,
        stack_tree_both_check
    );
}

// ===================================================================================
// Custom rules for functions the macro should not differentiate step by step
// ===================================================================================

/// `erf` by its Maclaurin series (accurate to ~1e-14 for |x| ≤ 3), differentiable itself so
/// the rules below can use it.
#[differentiable]
fn erf_series(x: f64) -> f64 {
    let x2 = x * x;
    let mut term = x;
    let mut s = x;
    for n in 1..80 {
        term = -term * x2 / n as f64;
        s += term / (2 * n + 1) as f64;
    }
    s * std::f64::consts::FRAC_2_SQRT_PI
}

/// `erf` with its exact derivative `2/√π e^{-x²}` as a custom rule (second order through the
/// differentiable `jvp` rule).
#[differentiable(custom(jvp = erf_c_jvp, vjp = erf_c_vjp, second_order))]
fn erf_c(x: f64) -> f64 {
    erf_series(x)
}

#[differentiable]
fn erf_c_jvp(x: f64, dx: f64) -> (f64, f64) {
    (
        erf_series(x),
        std::f64::consts::FRAC_2_SQRT_PI * (-x * x).exp() * dx,
    )
}

fn erf_c_vjp(x: f64) -> (f64, impl FnOnce(f64) -> f64) {
    let v = erf_series(x);
    (v, move |g| {
        g * std::f64::consts::FRAC_2_SQRT_PI * (-x * x).exp()
    })
}

#[differentiable]
fn norm_cdf(x: f64) -> f64 {
    0.5 * (1.0 + erf_c(x / std::f64::consts::SQRT_2))
}

/// Black–Scholes call price over `[S, K, r, σ, T]`.
#[differentiable]
fn black_scholes_call(p: &[f64]) -> f64 {
    let (s, k, r, sigma, t) = (p[0], p[1], p[2], p[3], p[4]);
    let st = sigma * t.sqrt();
    let d1 = ((s / k).ln() + (r + 0.5 * sigma * sigma) * t) / st;
    let d2 = d1 - st;
    s * norm_cdf(d1) - k * (-r * t).exp() * norm_cdf(d2)
}

#[test]
fn h547_black_scholes_custom_erf() {
    slice_case!(
        "black_scholes_call",
        vec![100.0, 95.0, 0.03, 0.25, 0.75],
        black_scholes_call,
        black_scholes_call_grad,
        black_scholes_call_jvp,
        black_scholes_call_hvp,
        black_scholes_call_check
    );
    // delta = N(d1)
    let p = [100.0, 95.0, 0.03, 0.25, 0.75];
    let d1 = ((p[0] / p[1]) as f64).ln() + (p[2] + 0.5 * p[3] * p[3]) * p[4];
    let d1 = d1 / (p[3] * p[4].sqrt());
    let (_, g) = black_scholes_call_grad(&p);
    assert!(
        close(g[0], norm_cdf(d1), 1e-12),
        "delta {} vs {}",
        g[0],
        norm_cdf(d1)
    );
}

/// Probit regression negative log-likelihood through the custom `erf`.
#[differentiable(wrt(beta))]
fn probit_nll(beta: &[f64], xs: &[f64], ys: &[f64]) -> f64 {
    let d = beta.len();
    let mut s = 0.0;
    for i in 0..ys.len() {
        let mut z = 0.0;
        for j in 0..d {
            z += beta[j] * xs[i * d + j];
        }
        let p = norm_cdf(z);
        s -= ys[i] * p.ln() + (1.0 - ys[i]) * (1.0 - p).ln();
    }
    s
}

#[test]
fn h548_probit_custom_erf() {
    let xs = det_vals(18, 0.57);
    let ys = vec![1.0, 0.0, 0.0, 1.0, 1.0, 0.0];
    slice_extra_case!(
        "probit_nll",
        vec![0.4, -0.7, 1.1],
        probit_nll,
        probit_nll_grad,
        probit_nll_jvp,
        probit_nll_hvp,
        probit_nll_check,
        &xs,
        &ys
    );
}

/// Kepler's equation `E − e sin E = M` solved by Newton's method, differentiated by the
/// implicit function theorem in custom rules of two parameters.
#[differentiable(custom(jvp = kepler_c_jvp, vjp = kepler_c_vjp, second_order))]
fn kepler_c(m: f64, e: f64) -> f64 {
    let mut ea = m + e * m.sin();
    for _ in 0..60 {
        ea -= (ea - e * ea.sin() - m) / (1.0 - e * ea.cos());
    }
    ea
}

#[differentiable]
fn kepler_newton(m: f64, e: f64) -> f64 {
    let mut ea = m + e * m.sin();
    for _ in 0..60 {
        ea -= (ea - e * ea.sin() - m) / (1.0 - e * ea.cos());
    }
    ea
}

#[differentiable]
fn kepler_c_jvp(m: f64, e: f64, dm: f64, de: f64) -> (f64, f64) {
    let ea = kepler_newton(m, e);
    (ea, (dm + ea.sin() * de) / (1.0 - e * ea.cos()))
}

fn kepler_c_vjp(m: f64, e: f64) -> (f64, impl FnOnce(f64) -> (f64, f64)) {
    let ea = kepler_c(m, e);
    let den = 1.0 - e * ea.cos();
    (ea, move |g| (g / den, g * ea.sin() / den))
}

#[differentiable]
fn orbit_radius(m: f64, e: f64) -> f64 {
    let ea = kepler_c(m, e);
    (1.0 - e * ea.cos()) * (1.0 + 0.1 * m)
}

#[test]
fn h549_kepler_custom_two_params() {
    s2_case!(
        "orbit_radius",
        [1.3, 0.4],
        orbit_radius,
        orbit_radius_grad,
        orbit_radius_jvp,
        orbit_radius_hvp,
        orbit_radius_check
    );
    let (v, (dm, de)) = kepler_c_grad(1.3, 0.4);
    let (v2, (dm2, de2)) = kepler_newton_grad(1.3, 0.4);
    assert!(close(v, v2, 1e-14) && close(dm, dm2, 1e-10) && close(de, de2, 1e-10));
}

/// A norm with a custom rule over a slice (safe at zero: gradient 0 there), used in a
/// group-lasso penalty.
#[differentiable(custom(jvp = safe_norm_jvp, vjp = safe_norm_vjp, second_order))]
fn safe_norm(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for v in x {
        s += v * v;
    }
    s.sqrt()
}

#[differentiable]
fn safe_norm_jvp(x: &[f64], dx: &[f64]) -> (f64, f64) {
    let mut s = 0.0;
    let mut d = 0.0;
    for i in 0..x.len() {
        s += x[i] * x[i];
        d += x[i] * dx[i];
    }
    let n = s.sqrt();
    if n == 0.0 { (0.0, 0.0) } else { (n, d / n) }
}

fn safe_norm_vjp(x: &[f64]) -> (f64, impl FnOnce(f64) -> Vec<f64>) {
    let n = safe_norm(x);
    let xs = x.to_vec();
    (n, move |g| {
        if n == 0.0 {
            vec![0.0; xs.len()]
        } else {
            xs.iter().map(|v| g * v / n).collect()
        }
    })
}

#[differentiable]
fn group_lasso(w: &[f64], lam: f64) -> f64 {
    let mut fit = 0.0;
    for i in 0..w.len() {
        let r = w[i] - 0.3 * (i as f64 - 2.0);
        fit += r * r;
    }
    fit + lam * (safe_norm(&w[0..3]) + safe_norm(&w[3..6]))
}

#[test]
fn h550_group_lasso_custom_slice_norm() {
    slice_scalar_case!(
        "group_lasso",
        vec![0.3, -0.7, 0.2, 0.9, 1.4, -0.5, 0.8],
        group_lasso,
        group_lasso_grad,
        group_lasso_jvp,
        group_lasso_hvp,
        group_lasso_check
    );
}

// ===================================================================================
// Log-densities and likelihoods with plain loops
// ===================================================================================

/// `ln Γ(x)` by the Lanczos approximation (g = 7, 9 coefficients) over a `const` table.
const LANCZOS: [f64; 9] = [
    0.999_999_999_999_809_9,
    676.520_368_121_885_1,
    -1_259.139_216_722_402_8,
    771.323_428_777_653_1,
    -176.615_029_162_140_6,
    12.507_343_278_686_905,
    -0.138_571_095_265_720_12,
    9.984_369_578_019_572e-6,
    1.505_632_735_149_311_6e-7,
];

#[differentiable]
fn lgamma_l(x: f64) -> f64 {
    let z = x - 1.0;
    let mut a = LANCZOS[0];
    let t = z + 7.5;
    for i in 1..9 {
        a += LANCZOS[i] / (z + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (z + 0.5) * t.ln() - t + a.ln()
}

/// Negative binomial regression NLL (log link, dispersion `exp(log_r)`).
#[differentiable(wrt(beta, log_r))]
fn negbin_nll(beta: &[f64], log_r: f64, xs: &[f64], ys: &[f64]) -> f64 {
    let r = log_r.exp();
    let mut s = 0.0;
    for i in 0..ys.len() {
        let mu = (beta[0] + beta[1] * xs[i]).exp();
        let y = ys[i];
        s -= lgamma_l(y + r) - lgamma_l(r) - lgamma_l(y + 1.0)
            + r * (r / (r + mu)).ln()
            + y * (mu / (r + mu)).ln();
    }
    s
}

#[test]
fn h551_negative_binomial_lanczos() {
    let xs = vec![0.1, 0.5, -0.3, 0.9, 1.2, -0.7];
    let ys = vec![1.0, 3.0, 0.0, 4.0, 6.0, 1.0];
    verify(
        "negbin_nll",
        &[0.3, 0.8, 0.4],
        &|p| negbin_nll(&p[..2], p[2], &xs, &ys),
        &|p| {
            let (v, (mut g, r)) = negbin_nll_grad(&p[..2], p[2], &xs, &ys);
            g.push(r);
            (v, g)
        },
        &|p, t| negbin_nll_jvp(&p[..2], p[2], &xs, &ys, &t[..2], t[2]),
        Some(&|p, t| {
            let (v, (mut g, r), (mut h, hr)) =
                negbin_nll_hvp(&p[..2], p[2], &xs, &ys, &t[..2], t[2]);
            g.push(r);
            h.push(hr);
            (v, g, h)
        }),
        Some(negbin_nll_check(&[0.3, 0.8], 0.4, &xs, &ys)),
    );
}

/// Dirichlet log-density with concentrations `exp(a)`.
#[differentiable]
fn dirichlet_logpdf(log_alpha: &[f64], p: &[f64]) -> f64 {
    let mut sum_a = 0.0;
    let mut s = 0.0;
    for i in 0..p.len() {
        let a = log_alpha[i].exp();
        sum_a += a;
        s += (a - 1.0) * p[i].ln() - lgamma_l(a);
    }
    s + lgamma_l(sum_a)
}

#[test]
fn h552_dirichlet_logpdf() {
    two_slices_case!(
        "dirichlet_logpdf",
        vec![0.3, -0.2, 0.9, 0.2, 0.5, 0.3],
        3,
        dirichlet_logpdf,
        dirichlet_logpdf_grad,
        dirichlet_logpdf_jvp,
        dirichlet_logpdf_hvp,
        dirichlet_logpdf_check
    );
}

/// von Mises NLL with `ln I₀(κ)` by its power series, summed with a `while` loop stopping on
/// a relative tolerance.
#[differentiable]
fn log_bessel_i0(k: f64) -> f64 {
    let q = 0.25 * k * k;
    let mut term = 1.0;
    let mut s = 1.0;
    let mut m = 1.0;
    while m < 200.0 {
        term = term * q / (m * m);
        s += term;
        m += 1.0;
        if term < 1e-17 * s {
            break;
        }
    }
    s.ln()
}

#[differentiable(wrt(mu, log_k))]
fn von_mises_nll(mu: f64, log_k: f64, th: &[f64]) -> f64 {
    let k = log_k.exp();
    let mut s = 0.0;
    for &t in th {
        s -= k * (t - mu).cos();
    }
    s + th.len() as f64 * ((2.0 * std::f64::consts::PI).ln() + log_bessel_i0(k))
}

#[test]
fn h553_von_mises_bessel_series() {
    let th = vec![0.3, 0.9, -0.4, 0.6, 1.4, 0.1];
    verify(
        "von_mises_nll",
        &[0.4, 0.7],
        &|p| von_mises_nll(p[0], p[1], &th),
        &|p| {
            let (v, (a, b)) = von_mises_nll_grad(p[0], p[1], &th);
            (v, vec![a, b])
        },
        &|p, t| von_mises_nll_jvp(p[0], p[1], &th, t[0], t[1]),
        Some(&|p, t| {
            let (v, (a, b), (c, d)) = von_mises_nll_hvp(p[0], p[1], &th, t[0], t[1]);
            (v, vec![a, b], vec![c, d])
        }),
        Some(von_mises_nll_check(0.4, 0.7, &th)),
    );
}

/// GARCH(1,1) Gaussian NLL with the variance recursion as an in-place `&mut f64` update.
#[differentiable]
fn garch_update(h: &mut f64, r: f64, omega: f64, alpha: f64, beta: f64) {
    *h = omega + alpha * r * r + beta * *h;
}

#[differentiable(wrt(theta))]
fn garch_nll(theta: &[f64], rets: &[f64]) -> f64 {
    let omega = theta[0].exp();
    let alpha = 1.0 / (1.0 + (-theta[1]).exp());
    let beta = (1.0 - alpha) / (1.0 + (-theta[2]).exp());
    let mut h = omega / (1.0 - alpha - beta);
    let mut s = 0.0;
    for i in 0..rets.len() {
        s += 0.5 * (h.ln() + rets[i] * rets[i] / h);
        garch_update(&mut h, rets[i], omega, alpha, beta);
    }
    s
}

#[test]
fn h554_garch_mut_scalar_recursion() {
    let rets = vec![0.01, -0.02, 0.015, 0.03, -0.025, 0.005, -0.01, 0.02];
    slice_extra_case!(
        "garch_nll",
        vec![-8.0, -1.5, 1.8],
        garch_nll,
        garch_nll_grad,
        garch_nll_jvp,
        garch_nll_hvp,
        garch_nll_check,
        &rets
    );
}

/// Exponential-kernel Hawkes process log-likelihood with the recursive intensity state kept
/// in two `&mut f64` by an in-place decay.
#[differentiable]
fn hawkes_decay(a: &mut f64, last: &mut f64, t: f64, beta: f64) {
    *a = (*a) * (-beta * (t - *last)).exp();
    *last = t;
}

#[differentiable(wrt(p))]
fn hawkes_ll(p: &[f64], times: &[f64], horizon: f64) -> f64 {
    let mu = p[0].exp();
    let alpha = p[1].exp();
    let beta = p[2].exp();
    let mut a = 0.0;
    let mut last = 0.0;
    let mut ll = 0.0;
    for &t in times {
        hawkes_decay(&mut a, &mut last, t, beta);
        ll += (mu + alpha * a).ln();
        a += 1.0;
    }
    let mut comp = mu * horizon;
    for &t in times {
        comp += alpha / beta * (1.0 - (-beta * (horizon - t)).exp());
    }
    ll - comp
}

#[test]
fn h555_hawkes_two_mut_scalars() {
    let times = vec![0.3, 0.5, 1.4, 1.6, 1.65, 2.9, 3.3];
    slice_extra_case!(
        "hawkes_ll",
        vec![-0.2, -0.5, 0.3],
        hawkes_ll,
        hawkes_ll_grad,
        hawkes_ll_jvp,
        hawkes_ll_hvp,
        hawkes_ll_check,
        &times,
        4.0
    );
}

/// Cox partial likelihood: risk sets from times sorted by an argsort (a comparator reading
/// constants), Breslow ties, a running log-sum-exp over the reverse-sorted risk set.
#[differentiable(wrt(beta))]
fn cox_partial(beta: &[f64], xs: &[f64], times: &[f64], event: &[bool]) -> f64 {
    let n = times.len();
    let d = beta.len();
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|a, b| times[*b].total_cmp(&times[*a]));
    let mut risk = 0.0;
    let mut ll = 0.0;
    for k in 0..n {
        let i = idx[k];
        let mut eta = 0.0;
        for j in 0..d {
            eta += beta[j] * xs[i * d + j];
        }
        risk += eta.exp();
        if event[i] {
            ll += eta - risk.ln();
        }
    }
    -ll
}

#[test]
fn h556_cox_partial_likelihood() {
    let xs = det_vals(14, 0.61);
    let times = vec![2.0, 1.0, 3.5, 0.5, 4.0, 2.5, 1.5];
    let event = vec![true, true, false, true, true, false, true];
    slice_extra_case!(
        "cox_partial",
        vec![0.4, -0.6],
        cox_partial,
        cox_partial_grad,
        cox_partial_jvp,
        cox_partial_hvp,
        cox_partial_check,
        &xs,
        &times,
        &event
    );
}

/// A bivariate Gaussian with a Cholesky-parameterised covariance
/// (`L = [[e^{a}, 0], [b, e^{c}]]`), the NLL of points by forward substitution.
#[differentiable(wrt(theta))]
fn mvn2_nll(theta: &[f64], pts: &[[f64; 2]]) -> f64 {
    let (m0, m1) = (theta[0], theta[1]);
    let l00 = theta[2].exp();
    let l10 = theta[3];
    let l11 = theta[4].exp();
    let mut s = 0.0;
    for p in pts {
        let r0 = p[0] - m0;
        let r1 = p[1] - m1;
        let z0 = r0 / l00;
        let z1 = (r1 - l10 * z0) / l11;
        s += 0.5 * (z0 * z0 + z1 * z1) + theta[2] + theta[4];
    }
    s
}

#[test]
fn h557_mvn_cholesky_rows() {
    let pts = vec![[0.3, 0.5], [-0.2, 0.1], [1.1, 0.9], [0.4, -0.3], [0.0, 0.2]];
    slice_extra_case!(
        "mvn2_nll",
        vec![0.1, 0.2, -0.3, 0.4, 0.1],
        mvn2_nll,
        mvn2_nll_grad,
        mvn2_nll_jvp,
        mvn2_nll_hvp,
        mvn2_nll_check,
        &pts
    );
}

/// A VAE-style ELBO term: reparameterised samples with fixed noise, a Gaussian decoder
/// likelihood and the analytic KL of diagonal Gaussians.
#[differentiable(wrt(mu, log_var, w))]
fn elbo(mu: &[f64], log_var: &[f64], w: &[f64], x: &[f64], eps: &[f64]) -> f64 {
    let k = mu.len();
    let mut rec = 0.0;
    for s in 0..eps.len() / k {
        let z: Vec<f64> = (0..k)
            .map(|j| mu[j] + (0.5 * log_var[j]).exp() * eps[s * k + j])
            .collect();
        for i in 0..x.len() {
            let mut xh = 0.0;
            for j in 0..k {
                xh += w[i * k + j] * z[j];
            }
            rec += 0.5 * (x[i] - xh.tanh()) * (x[i] - xh.tanh());
        }
    }
    let kl: f64 = (0..k)
        .map(|j| 0.5 * (mu[j] * mu[j] + log_var[j].exp() - 1.0 - log_var[j]))
        .sum();
    rec / (eps.len() / k) as f64 + kl
}

#[test]
fn h558_vae_elbo() {
    let x = vec![0.3, -0.5, 0.8];
    let eps = vec![0.2, -1.1, 0.7, 0.4, -0.3, 1.2];
    let p = cat(&[vec![0.1, -0.3], vec![-0.5, 0.2], det_vals(6, 0.83)]);
    verify(
        "elbo",
        &p,
        &|q| elbo(&q[..2], &q[2..4], &q[4..], &x, &eps),
        &|q| {
            let (v, (a, b, c)) = elbo_grad(&q[..2], &q[2..4], &q[4..], &x, &eps);
            (v, cat(&[a, b, c]))
        },
        &|q, t| {
            elbo_jvp(
                &q[..2],
                &q[2..4],
                &q[4..],
                &x,
                &eps,
                &t[..2],
                &t[2..4],
                &t[4..],
            )
        },
        Some(&|q, t| {
            let (v, (a, b, c), (d, e, f)) = elbo_hvp(
                &q[..2],
                &q[2..4],
                &q[4..],
                &x,
                &eps,
                &t[..2],
                &t[2..4],
                &t[4..],
            );
            (v, cat(&[a, b, c]), cat(&[d, e, f]))
        }),
        Some(elbo_check(&p[..2], &p[2..4], &p[4..], &x, &eps)),
    );
}

// ===================================================================================
// In-place calls in branches, `while` loops, checkpointed methods, output buffers
// ===================================================================================

/// An adaptive integrator: Euler or a midpoint step chosen per step by `match` on a
/// constant schedule and by `if` on the state, the in-place steps called in the arms; a
/// `while` loop stops when the state leaves a region.
#[differentiable]
fn euler_osc(y: &mut [f64; 2], w: f64, h: f64) {
    let a = -w * w * y[0];
    y[0] += h * y[1];
    y[1] += h * a;
}

#[differentiable]
fn midpoint_osc(y: &mut [f64; 2], w: f64, h: f64) {
    let m0 = y[0] + 0.5 * h * y[1];
    let m1 = y[1] - 0.5 * h * w * w * y[0];
    y[0] += h * m1;
    y[1] -= h * w * w * m0;
}

#[differentiable]
fn branchy_integrator(y0: &[f64; 2], w: f64, plan: &[u8]) -> f64 {
    let mut y = *y0;
    let mut k = 0;
    while k < plan.len() {
        match plan[k] {
            // WORKAROUND(H5-11): as the arm's expression, `0 => euler_osc(&mut y, w, 0.05),`
            // is rejected ("a `&mut` borrow .. outside a call statement"); a block works.
            0 => {
                euler_osc(&mut y, w, 0.05);
            }
            1 => {
                midpoint_osc(&mut y, w, 0.05);
                midpoint_osc(&mut y, w, 0.05);
            }
            _ => {
                if y[0] > 0.0 {
                    euler_osc(&mut y, w, 0.1);
                } else {
                    midpoint_osc(&mut y, w, 0.1);
                }
            }
        }
        k += 1;
        if y[0] * y[0] + y[1] * y[1] > 9.0 {
            break;
        }
    }
    y[0] + 0.3 * y[1] * y[1]
}

#[test]
fn h559_inplace_calls_in_match_arms() {
    let plan = vec![0, 1, 2, 2, 1, 0, 2, 1, 2, 0, 2, 2];
    verify(
        "branchy_integrator",
        &[0.6, -0.4, 1.7],
        &|p| branchy_integrator(&[p[0], p[1]], p[2], &plan),
        &|p| {
            let (v, (g, w)) = branchy_integrator_grad(&[p[0], p[1]], p[2], &plan);
            (v, vec![g[0], g[1], w])
        },
        &|p, t| branchy_integrator_jvp(&[p[0], p[1]], p[2], &plan, &[t[0], t[1]], t[2]),
        Some(&|p, t| {
            let (v, (g, w), (hg, hw)) =
                branchy_integrator_hvp(&[p[0], p[1]], p[2], &plan, &[t[0], t[1]], t[2]);
            (v, vec![g[0], g[1], w], vec![hg[0], hg[1], hw])
        }),
        Some(branchy_integrator_check(&[0.6, -0.4], 1.7, &plan)),
    );
}

/// An output buffer that held differentiated values before the call is overwritten whole:
/// its old values must get no cotangent.
#[differentiable]
fn overwrite_out(x: &[f64], out: &mut [f64]) {
    for i in 0..out.len() {
        out[i] = x[i].sin() * x[(i + 1) % x.len()];
    }
}

#[differentiable]
fn reuse_buffer(x: &[f64]) -> f64 {
    let mut buf: Vec<f64> = x.iter().map(|v| v * v * 3.0).collect();
    let before = buf[0] + buf[1];
    overwrite_out(x, &mut buf);
    let mut s = before;
    for i in 0..buf.len() {
        s += buf[i] * (i as f64 + 1.0);
    }
    s
}

#[test]
fn h560_output_buffer_overwritten() {
    slice_case!(
        "reuse_buffer",
        vec![0.3, -0.7, 1.2, 0.5],
        reuse_buffer,
        reuse_buffer_grad,
        reuse_buffer_jvp,
        reuse_buffer_hvp,
        reuse_buffer_check
    );
}

/// An in-place function with an early `return` from inside its loop (a clipped cumulative
/// update that stops at a threshold).
#[differentiable]
fn capped_accumulate(y: &mut [f64], cap: f64) {
    // WORKAROUND(H5-13): with `return;` inside this loop the generated code fails to
    // compile (E0382, borrow of moved value: the value twin returns `y` from the loop);
    // `break` instead.
    for i in 1..y.len() {
        y[i] += 0.5 * y[i - 1];
        if y[i] > cap {
            y[i] = cap + (y[i] - cap).tanh();
            break;
        }
    }
}

#[differentiable]
fn capped_sum(x: &[f64], cap: f64) -> f64 {
    let mut y = x.to_vec();
    capped_accumulate(&mut y, cap);
    y.iter()
        .enumerate()
        .map(|(i, v)| v * (1.0 + 0.5 * i as f64))
        .sum()
}

#[test]
fn h561_inplace_early_return_in_loop() {
    for x in [
        vec![0.3, 0.7, 1.2, 0.5, 0.9, 2.1],
        vec![0.3, 0.2, -0.4, 0.1, 0.2, 0.6],
    ] {
        slice_scalar_case!(
            "capped_sum",
            x,
            capped_sum,
            capped_sum_grad,
            capped_sum_jvp,
            capped_sum_hvp,
            capped_sum_check
        );
    }
}

/// An in-place step of a model struct in a checkpointed loop.
#[differentiable]
fn relax_sweep(m: &Relax, u: &mut Vec<f64>) {
    // WORKAROUND(H5-14): the method form on the struct parameter, `m.sweep(&mut *u);`, is
    // rejected ("a `&mut` borrow .. outside a call statement"); the path form works.
    Relax::sweep(m, &mut *u);
}

#[derive(Clone, Debug, Differentiable)]
struct Relax {
    k: f64,
    c: Vec<f64>,
}

impl Flat for Relax {
    fn flat(&self) -> Vec<f64> {
        let mut v = vec![self.k];
        v.extend(self.c.iter());
        v
    }
    fn unflat(&self, v: &[f64]) -> Self {
        Relax {
            k: v[0],
            c: v[1..].to_vec(),
        }
    }
}

impl Relax {
    #[differentiable]
    fn sweep(&self, u: &mut Vec<f64>) {
        let n = u.len();
        let old = u.clone();
        for i in 0..n {
            let l = if i > 0 { old[i - 1] } else { 0.0 };
            let r = if i + 1 < n { old[i + 1] } else { 0.0 };
            u[i] = old[i] + self.k * (l - 2.0 * old[i] + r) + 0.1 * self.c[i] * old[i].tanh();
        }
    }

    #[differentiable(wrt(self))]
    fn run(&self, u0: &[f64], n: usize) -> f64 {
        let mut u = u0.to_vec();
        // WORKAROUND(H5-12): `#[checkpoint]` on `for _ in 0..n { self.sweep(&mut u); }` is
        // rejected (the message asks for `s = step(&s, ..)` and does not mention in-place
        // steps); a free in-place step taking the model works.
        #[checkpoint(snapshots = 2)]
        for _ in 0..n {
            relax_sweep(self, &mut u);
        }
        u.iter().map(|v| v * v).sum::<f64>()
    }
}

#[test]
fn h562_checkpointed_inplace_method() {
    let m = Relax {
        k: 0.2,
        c: vec![0.5, -0.3, 0.8, 0.1, 0.4],
    };
    let u0 = vec![0.1, 0.9, 0.4, -0.3, 0.6];
    verify_struct(
        "Relax::run",
        &m,
        &|p| p.run(&u0, 12),
        &|p| p.run_grad(&u0, 12),
        &|p, t| p.run_jvp(&u0, 12, t),
        Some(&|p, t| p.run_hvp(&u0, 12, t)),
    );
}

/// An in-place callee with `wrt` naming only its scalar parameter: the `&mut` buffer the
/// caller lends holds differentiated values.
#[differentiable(wrt(y, g))]
fn scale_shift(y: &mut [f64], g: f64, n: usize) {
    for i in 0..n.min(y.len()) {
        y[i] = g * y[i] + 0.1 * i as f64;
    }
}

#[differentiable]
fn wrt_inplace_caller(x: &[f64], g: f64) -> f64 {
    let mut y = x.to_vec();
    scale_shift(&mut y, g, 3);
    scale_shift(&mut y, g * g, 2);
    y.iter().map(|v| v.sin()).sum()
}

#[test]
fn h563_inplace_with_wrt_and_constant() {
    slice_scalar_case!(
        "wrt_inplace_caller",
        vec![0.3, -0.7, 1.2, 0.5],
        wrt_inplace_caller,
        wrt_inplace_caller_grad,
        wrt_inplace_caller_jvp,
        wrt_inplace_caller_hvp,
        wrt_inplace_caller_check
    );
}

/// A `&mut f64` accumulator as a checkpointed loop's state.
#[differentiable]
fn decay_bump(s: &mut f64, a: f64) {
    *s = 0.9 * *s + a * (*s).sin();
}

#[differentiable]
fn scalar_ckpt(s0: f64, a: f64) -> f64 {
    let mut s = s0;
    #[checkpoint(snapshots = 2)]
    for _ in 0..25 {
        decay_bump(&mut s, a);
    }
    s * s
}

#[test]
fn h564_checkpointed_mut_scalar() {
    s2_case!(
        "scalar_ckpt",
        [0.8, 0.3],
        scalar_ckpt,
        scalar_ckpt_grad,
        scalar_ckpt_jvp,
        scalar_ckpt_hvp,
        scalar_ckpt_check
    );
}

/// Unrolled SGD training of logistic regression: an in-place update of the weights per
/// sample, the loss of the trained weights as a function of the initial weights and the
/// learning rate.
#[differentiable(wrt(w, lr))]
fn sgd_sample(w: &mut [f64], x: &[f64], y: f64, lr: f64) {
    let mut z = 0.0;
    for j in 0..w.len() {
        z += w[j] * x[j];
    }
    let p = 1.0 / (1.0 + (-z).exp());
    for j in 0..w.len() {
        w[j] -= lr * (p - y) * x[j];
    }
}

#[differentiable(wrt(w0, lr))]
fn trained_loss(w0: &[f64], lr: f64, xs: &[f64], ys: &[f64]) -> f64 {
    let d = w0.len();
    let mut w = w0.to_vec();
    for _epoch in 0..3 {
        for i in 0..ys.len() {
            sgd_sample(&mut w, &xs[i * d..(i + 1) * d], ys[i], lr);
        }
    }
    let mut loss = 0.0;
    for i in 0..ys.len() {
        let mut z = 0.0;
        for j in 0..d {
            z += w[j] * xs[i * d + j];
        }
        loss += (1.0 + (-z).exp()).ln() + (1.0 - ys[i]) * z;
    }
    loss
}

#[test]
fn h565_unrolled_inplace_sgd() {
    let xs = det_vals(15, 0.49);
    let ys = vec![1.0, 0.0, 1.0, 0.0, 1.0];
    verify(
        "trained_loss",
        &[0.2, -0.3, 0.5, 0.8],
        &|p| trained_loss(&p[..3], p[3], &xs, &ys),
        &|p| {
            let (v, (mut g, l)) = trained_loss_grad(&p[..3], p[3], &xs, &ys);
            g.push(l);
            (v, g)
        },
        &|p, t| trained_loss_jvp(&p[..3], p[3], &xs, &ys, &t[..3], t[3]),
        Some(&|p, t| {
            let (v, (mut g, l), (mut h, hl)) =
                trained_loss_hvp(&p[..3], p[3], &xs, &ys, &t[..3], t[3]);
            g.push(l);
            h.push(hl);
            (v, g, h)
        }),
        Some(trained_loss_check(&[0.2, -0.3, 0.5], 0.8, &xs, &ys)),
    );
}

// ===================================================================================
// ML layers and losses written with plain loops
// ===================================================================================

/// A 1-D convolution (valid, 3 taps) with ReLU, max-pooling by comparisons, and a linear
/// read-out, trained by squared error.
#[differentiable(wrt(k, w))]
fn conv_pool_net(k: &[f64], w: &[f64], x: &[f64], y: f64) -> f64 {
    let n = x.len() - 2;
    let mut c = vec![0.0; n];
    for i in 0..n {
        let mut z = k[3];
        for t in 0..3 {
            z += k[t] * x[i + t];
        }
        c[i] = if z > 0.0 { z } else { 0.01 * z };
    }
    let mut out = 0.0;
    for p in 0..n / 2 {
        let a = c[2 * p];
        let b = c[2 * p + 1];
        let m = if a > b { a } else { b };
        out += w[p] * m;
    }
    (out - y) * (out - y)
}

#[test]
fn h566_conv_relu_maxpool() {
    let x = vec![0.3, -0.5, 0.9, 0.2, -0.7, 0.6, 1.1, -0.1, 0.4, 0.8];
    two_slices_case!(
        "conv_pool_net",
        vec![0.5, -0.3, 0.8, 0.05, 0.7, -0.4, 0.9, 0.3],
        4,
        conv_pool_net_y,
        conv_pool_net_y_grad,
        conv_pool_net_y_jvp,
        conv_pool_net_y_hvp,
        conv_pool_net_y_check
    );
    let _ = x;
}

#[differentiable]
fn conv_pool_net_y(k: &[f64], w: &[f64]) -> f64 {
    let x = [0.3, -0.5, 0.9, 0.2, -0.7, 0.6, 1.1, -0.1, 0.4, 0.8];
    conv_pool_net(k, w, &x, 0.7)
}

/// Two-head causal self-attention over a sequence of 2-D tokens (flat slices), with the
/// masked positions skipped by `continue` and an in-place softmax per query.
#[differentiable(wrt(wq, wk, wv))]
fn causal_attention(wq: &[f64], wk: &[f64], wv: &[f64], x: &[f64]) -> f64 {
    let t = x.len() / 2;
    let mut out = 0.0;
    for h in 0..2 {
        for i in 0..t {
            let q = wq[2 * h] * x[2 * i] + wq[2 * h + 1] * x[2 * i + 1];
            let mut sc = vec![-1e30; t];
            for j in 0..t {
                if j > i {
                    continue;
                }
                let kj = wk[2 * h] * x[2 * j] + wk[2 * h + 1] * x[2 * j + 1];
                sc[j] = q * kj;
            }
            softmax_inplace(&mut sc);
            let mut o = 0.0;
            for j in 0..=i {
                o += sc[j] * (wv[2 * h] * x[2 * j] + wv[2 * h + 1] * x[2 * j + 1]);
            }
            out += o * o * (h as f64 + 1.0);
        }
    }
    out
}

#[test]
fn h567_causal_attention_continue() {
    let x = vec![0.3, -0.5, 0.9, 0.2, -0.7, 0.6, 1.1, -0.1];
    let p = det_vals(12, 0.91);
    verify(
        "causal_attention",
        &p,
        &|q| causal_attention(&q[..4], &q[4..8], &q[8..], &x),
        &|q| {
            let (v, (a, b, c)) = causal_attention_grad(&q[..4], &q[4..8], &q[8..], &x);
            (v, cat(&[a, b, c]))
        },
        &|q, t| causal_attention_jvp(&q[..4], &q[4..8], &q[8..], &x, &t[..4], &t[4..8], &t[8..]),
        Some(&|q, t| {
            let (v, (a, b, c), (d, e, f)) =
                causal_attention_hvp(&q[..4], &q[4..8], &q[8..], &x, &t[..4], &t[4..8], &t[8..]);
            (v, cat(&[a, b, c]), cat(&[d, e, f]))
        }),
        Some(causal_attention_check(&p[..4], &p[4..8], &p[8..], &x)),
    );
}

/// RMSNorm followed by a SwiGLU feed-forward block, written with index loops.
#[differentiable]
fn rmsnorm_swiglu(w: &[f64], x: &[f64]) -> f64 {
    let d = x.len();
    let ms = x.iter().map(|v| v * v).sum::<f64>() / d as f64;
    let inv = 1.0 / (ms + 1e-6).sqrt();
    let xn: Vec<f64> = x.iter().map(|v| v * inv).collect();
    let mut out = 0.0;
    for j in 0..2 {
        let mut a = 0.0;
        let mut b = 0.0;
        for i in 0..d {
            a += w[j * d + i] * xn[i];
            b += w[2 * d + j * d + i] * xn[i];
        }
        let silu = a / (1.0 + (-a).exp());
        out += w[4 * d + j] * silu * b;
    }
    out
}

#[test]
fn h568_rmsnorm_swiglu() {
    let x = vec![0.3, -0.5, 0.9];
    two_slices_case!(
        "rmsnorm_swiglu",
        cat(&[det_vals(14, 0.67), x]),
        14,
        rmsnorm_swiglu,
        rmsnorm_swiglu_grad,
        rmsnorm_swiglu_jvp,
        rmsnorm_swiglu_hvp,
        rmsnorm_swiglu_check
    );
}

/// Focal loss and label-smoothed cross-entropy from logits by a log-softmax loop.
#[differentiable(wrt(logits))]
fn focal_smooth(logits: &[f64], labels: &[usize], k: usize) -> f64 {
    let gamma = 2.0;
    let eps = 0.1;
    let mut total = 0.0;
    for r in 0..labels.len() {
        let row = &logits[r * k..(r + 1) * k];
        let mut m = row[0];
        for &v in row.iter() {
            m = m.max(v);
        }
        let mut s = 0.0;
        for &v in row.iter() {
            s += (v - m).exp();
        }
        let lse = m + s.ln();
        let lp = row[labels[r]] - lse;
        let p = lp.exp();
        total -= (1.0 - p).powf(gamma) * lp;
        let mut smooth = 0.0;
        for &v in row.iter() {
            smooth -= (v - lse) / k as f64;
        }
        total += eps * smooth - eps * (-lp);
    }
    total
}

#[test]
fn h569_focal_label_smoothing() {
    let labels = vec![2, 0, 1];
    slice_extra_case!(
        "focal_smooth",
        det_vals(12, 1.37),
        focal_smooth,
        focal_smooth_grad,
        focal_smooth_jvp,
        focal_smooth_hvp,
        focal_smooth_check,
        &labels,
        4
    );
}

/// Triplet margin loss with a hinge, and a pinball (quantile) loss, over embeddings from a
/// shared linear map (a closure bound by `let` capturing the weights).
#[differentiable(wrt(w))]
fn triplet_pinball(w: &[f64], a: &[f64], p: &[f64], n: &[f64], tau: f64) -> f64 {
    let embed = |x: &[f64], r: usize| w[2 * r] * x[0] + w[2 * r + 1] * x[1];
    let mut dap = 0.0;
    let mut dan = 0.0;
    for r in 0..2 {
        let ea = embed(a, r);
        let ep = embed(p, r);
        let en = embed(n, r);
        dap += (ea - ep) * (ea - ep);
        dan += (ea - en) * (ea - en);
    }
    let trip = (dap - dan + 0.5).max(0.0);
    let resid = embed(a, 0) - 0.3;
    let pin = if resid >= 0.0 {
        tau * resid
    } else {
        (tau - 1.0) * resid
    };
    trip + pin
}

#[test]
fn h570_triplet_pinball_closure() {
    let (a, p, n) = (vec![0.3, 0.8], vec![0.5, 0.6], vec![-0.4, 0.9]);
    slice_extra_case!(
        "triplet_pinball",
        vec![0.9, -0.3, 0.4, 0.7],
        triplet_pinball,
        triplet_pinball_grad,
        triplet_pinball_jvp,
        triplet_pinball_hvp,
        triplet_pinball_check,
        &a,
        &p,
        &n,
        0.8
    );
}

/// An Elman RNN whose hidden update is an in-place function, then an InfoNCE-style
/// contrastive loss between the final states of two sequences and a negative.
#[differentiable]
fn elman_cell(h: &mut [f64], x: f64, w: &[f64]) {
    let d = h.len();
    let old = h.to_vec();
    for i in 0..d {
        let mut z = w[i] * x + w[d + i];
        for j in 0..d {
            z += w[2 * d + i * d + j] * old[j];
        }
        h[i] = z.tanh();
    }
}

#[differentiable]
fn elman_encode(w: &[f64], xs: &[f64]) -> Vec<f64> {
    let mut h = vec![0.0; 2];
    for &x in xs {
        elman_cell(&mut h, x, w);
    }
    h
}

#[differentiable(wrt(w))]
fn info_nce(w: &[f64], a: &[f64], b: &[f64], c: &[f64]) -> f64 {
    let ha = elman_encode(w, a);
    let hb = elman_encode(w, b);
    let hc = elman_encode(w, c);
    let pos = (ha[0] * hb[0] + ha[1] * hb[1]) / 0.5;
    let neg = (ha[0] * hc[0] + ha[1] * hc[1]) / 0.5;
    let m = pos.max(neg);
    -(pos - m) + ((pos - m).exp() + (neg - m).exp()).ln()
}

#[test]
fn h571_elman_inplace_infonce() {
    let (a, b, c) = (
        vec![0.3, -0.5, 0.9],
        vec![0.2, -0.4, 1.0],
        vec![-0.8, 0.6, -0.1],
    );
    slice_extra_case!(
        "info_nce",
        det_vals(8, 1.13),
        info_nce,
        info_nce_grad,
        info_nce_jvp,
        info_nce_hvp,
        info_nce_check,
        &a,
        &b,
        &c
    );
}
