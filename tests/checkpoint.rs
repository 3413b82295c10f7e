//! Binomial checkpointing of a long time loop (`ad_runtime::checkpoint::revolve`) driven by
//! the generated `_vjp` of a `#[differentiable]` step: the gradient equals the one of the
//! stored-tape loop (the same loop inside one `#[differentiable]` function) to 1e-14, and the
//! peak heap is bounded by the snapshots (a counting allocator) instead of growing with the
//! number of steps.

mod common;
#[path = "common/counting_alloc.rs"]
mod counting_alloc;

use ad_runtime::checkpoint::{default_snapshots, revolve};
use ad_runtime::{Differentiable, VectorSpace, differentiable};

/// A chain of masses between two walls.
#[derive(Clone, Debug, Differentiable)]
pub struct Chain {
    x: Vec<f64>,
    v: Vec<f64>,
}

#[derive(Clone, Debug, Differentiable)]
pub struct Physics {
    k: f64,
    c: f64,
}

const DT: f64 = 0.01;

/// One semi-implicit Euler step.
#[differentiable(wrt(s, p))]
fn step(s: &Chain, p: &Physics, dt: f64) -> Chain {
    let n = s.x.len();
    let mut x = vec![0.0; n];
    let mut v = vec![0.0; n];
    for i in 0..n {
        let left = if i == 0 { 0.0 } else { s.x[i - 1] };
        let right = if i + 1 == n { 0.0 } else { s.x[i + 1] };
        let a = p.k * (left - 2.0 * s.x[i] + right) - p.c * s.v[i] - 0.1 * s.x[i].powi(3);
        v[i] = s.v[i] + dt * a;
        x[i] = s.x[i] + dt * v[i];
    }
    Chain { x, v }
}

/// The objective of the final state: `Σ x² + Σ v / 2`.
#[differentiable]
fn objective(s: &Chain) -> f64 {
    let mut o = 0.0;
    for i in 0..s.x.len() {
        o += s.x[i] * s.x[i] + 0.5 * s.v[i];
    }
    o
}

/// The whole simulation in one function: the stored-tape reference.
#[differentiable(wrt(s0, p))]
fn simulate(s0: &Chain, p: &Physics, n: usize) -> f64 {
    let mut s = s0.clone();
    for _ in 0..n {
        s = step(&s, p, DT);
    }
    objective(&s)
}

/// The same gradient by `revolve` with `snapshots` stored states.
fn checkpointed(
    s0: &Chain,
    p: &Physics,
    n: usize,
    snapshots: usize,
) -> (f64, Chain, Physics, usize) {
    let mut dp = Physics { k: 0.0, c: 0.0 };
    let (s_n, ds0, stats) = revolve(
        n,
        snapshots,
        s0.clone(),
        |s, _| step(&s, p, DT),
        |s, _, g: Chain| {
            let (_, (gs, gp)) = step_vjp(&s, p, DT, g);
            dp.add_scaled(1.0, &gp);
            gs
        },
        |s_n| objective_grad(s_n).1,
    );
    let value = objective(&s_n);
    (value, ds0, dp, stats.peak_snapshots)
}

fn start(m: usize) -> Chain {
    Chain {
        x: (0..m).map(|i| 0.3 * ((i as f64) * 0.7).sin()).collect(),
        v: (0..m).map(|i| 0.2 * ((i as f64) * 1.3).cos()).collect(),
    }
}

fn close(a: &[f64], b: &[f64], what: &str) {
    for (k, (x, y)) in a.iter().zip(b).enumerate() {
        assert!(
            (x - y).abs() <= 1e-14 * y.abs().max(1.0),
            "{what}[{k}]: checkpointed {x} vs stored tape {y}"
        );
    }
}

static MEASURING: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn equals_the_stored_tape_gradient() {
    let _guard = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let p = Physics { k: 4.0, c: 0.3 };
    let s0 = start(6);
    for n in [1usize, 7, 200, 1000] {
        let (v, (gs, gp)) = simulate_grad(&s0, &p, n);
        // (One snapshot makes the schedule quadratic: only on the short loops.)
        let ks = if n <= 200 {
            vec![1usize, 2, 5, default_snapshots(n)]
        } else {
            vec![3, default_snapshots(n)]
        };
        for k in ks {
            let (vc, gsc, gpc, peak) = checkpointed(&s0, &p, n, k);
            assert_eq!(vc, v, "value, n {n} k {k}");
            close(&gsc.x, &gs.x, "d/dx0");
            close(&gsc.v, &gs.v, "d/dv0");
            close(&[gpc.k, gpc.c], &[gp.k, gp.c], "d/dp");
            assert!(peak <= k, "n {n}: {peak} snapshots > {k}");
        }
    }
    // And against central differences of the simulation (in the stiffness).
    let n = 200;
    let h = 1e-6;
    let f = |k: f64| simulate(&s0, &Physics { k, c: p.c }, n);
    let fd = (f(p.k + h) - f(p.k - h)) / (2.0 * h);
    let (_, _, gp, _) = checkpointed(&s0, &p, n, 3);
    assert!(
        (gp.k - fd).abs() <= 1e-6 * fd.abs().max(1.0),
        "{} vs {fd}",
        gp.k
    );
}

/// Peak heap of one gradient: the stored tape grows with the number of steps, the
/// checkpointed sweep stays within its snapshots.
#[test]
fn peak_heap_is_bounded_by_the_snapshots() {
    let _guard = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let p = Physics { k: 4.0, c: 0.3 };
    let m = 64;
    let s0 = start(m);
    let state_bytes = 2 * m * std::mem::size_of::<f64>();
    let mut tape = Vec::new();
    for n in [500usize, 2000] {
        let before = counting_alloc::reset_peak();
        let _ = simulate_grad(&s0, &p, n);
        tape.push(counting_alloc::peak() - before);
        for k in [3usize, 6, 11] {
            let before = counting_alloc::reset_peak();
            let _ = checkpointed(&s0, &p, n, k);
            let peak = counting_alloc::peak() - before;
            // k snapshots, the initial state and the one being stepped, the cotangents, and
            // one step's own pullback: a constant number of states beyond the snapshots.
            assert!(
                peak <= (k + 12) * state_bytes,
                "n {n} k {k}: peak {peak} bytes > {} states of {state_bytes} bytes",
                k + 12
            );
        }
    }
    assert!(
        tape[1] > 3 * tape[0],
        "the stored tape grows with the number of steps: {tape:?}"
    );
}

// ---- `#[checkpoint]`: the same schedule generated by the macro --------------------------

/// The simulation with its loop checkpointed by the attribute, `k` snapshots.
#[differentiable(wrt(s0, p))]
fn simulate_checkpointed(s0: &Chain, p: &Physics, n: usize, k: usize) -> f64 {
    let mut s = s0.clone();
    #[checkpoint(snapshots = k)]
    for _ in 0..n {
        s = step(&s, p, DT);
    }
    objective(&s)
}

/// The default snapshot count (`⌈log₂ n⌉`).
#[differentiable(wrt(s0, p))]
fn simulate_default(s0: &Chain, p: &Physics, n: usize) -> f64 {
    let mut s = s0.clone();
    #[checkpoint]
    for _ in 0..n {
        s = step(&s, p, DT);
    }
    objective(&s)
}

#[test]
fn attribute_equals_the_stored_tape_gradient() {
    let _guard = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let p = Physics { k: 4.0, c: 0.3 };
    let s0 = start(6);
    for n in [0usize, 1, 7, 200, 1000] {
        let (v, (gs, gp)) = simulate_grad(&s0, &p, n);
        let ks = if n <= 200 {
            vec![0usize, 1, 2, 5]
        } else {
            vec![3, 10]
        };
        for k in ks {
            let (vc, (gsc, gpc)) = simulate_checkpointed_grad(&s0, &p, n, k);
            assert_eq!(vc, v, "value, n {n} k {k}");
            assert_eq!(simulate_checkpointed(&s0, &p, n, k), v, "primal, n {n}");
            close(&gsc.x, &gs.x, "d/dx0");
            close(&gsc.v, &gs.v, "d/dv0");
            close(&[gpc.k, gpc.c], &[gp.k, gp.c], "d/dp");
        }
        let (vd, (gsd, gpd)) = simulate_default_grad(&s0, &p, n);
        assert_eq!(vd, v);
        assert_eq!(simulate_default(&s0, &p, n), v);
        close(&gsd.x, &gs.x, "d/dx0 (default snapshots)");
        close(&[gpd.k, gpd.c], &[gp.k, gp.c], "d/dp (default snapshots)");
    }
}

/// Forward mode runs the loop with the step's pushforward (`jvp = grad · v`); second order
/// runs the schedule on dual numbers (`H v` equal to the stored tape's).
#[test]
fn attribute_in_forward_mode_and_second_order() {
    let p = Physics { k: 4.0, c: 0.3 };
    let s0 = start(5);
    let n = 60;
    let ds = Chain {
        x: (0..5).map(|i| 0.1 * i as f64 - 0.2).collect(),
        v: (0..5).map(|i| 0.05 * i as f64).collect(),
    };
    let dp = Physics { k: 0.7, c: -0.4 };
    let (_, (gs, gp)) = simulate_grad(&s0, &p, n);
    let expected: f64 = gs.x.iter().zip(&ds.x).map(|(a, b)| a * b).sum::<f64>()
        + gs.v.iter().zip(&ds.v).map(|(a, b)| a * b).sum::<f64>()
        + gp.k * dp.k
        + gp.c * dp.c;
    let (v, t) = simulate_checkpointed_jvp(&s0, &p, n, 3, &ds, &dp);
    assert_eq!(v, simulate(&s0, &p, n));
    assert!(
        (t - expected).abs() <= 1e-12 * expected.abs().max(1.0),
        "{t} vs {expected}"
    );
    let (_, _, (hs, hp)) = simulate_hvp(&s0, &p, n, &ds, &dp);
    let (_, _, (hsc, hpc)) = simulate_checkpointed_hvp(&s0, &p, n, 3, &ds, &dp);
    close(&hsc.x, &hs.x, "H v (x)");
    close(&hsc.v, &hs.v, "H v (v)");
    close(&[hpc.k, hpc.c], &[hp.k, hp.c], "H v (p)");
}

/// The attribute's sweep keeps its heap within the snapshots too.
#[test]
fn attribute_peak_heap_is_bounded_by_the_snapshots() {
    let _guard = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let p = Physics { k: 4.0, c: 0.3 };
    let m = 64;
    let s0 = start(m);
    let state_bytes = 2 * m * std::mem::size_of::<f64>();
    for n in [500usize, 2000] {
        for k in [3usize, 6, 11] {
            let before = counting_alloc::reset_peak();
            let _ = simulate_checkpointed_grad(&s0, &p, n, k);
            let peak = counting_alloc::peak() - before;
            assert!(
                peak <= (k + 12) * state_bytes,
                "n {n} k {k}: peak {peak} bytes > {} states of {state_bytes} bytes",
                k + 12
            );
        }
    }
}

/// A scalar state, a step reading the counter (`i as f64 * H`), an inclusive range from a
/// non-zero start, the state passed by value.
#[differentiable]
fn forced(th: f64, t: f64, w: f64) -> f64 {
    th + H * (w * t.cos() - th.sin())
}

const H: f64 = 0.01;

#[differentiable]
fn pendulum(theta0: f64, w: f64, n: i32) -> f64 {
    let mut th = theta0 * 0.5;
    #[checkpoint(snapshots = 4)]
    for i in 3..=n {
        th = forced(th, i as f64 * H, w);
    }
    th * th + w
}

#[differentiable]
fn pendulum_taped(theta0: f64, w: f64, n: i32) -> f64 {
    let mut th = theta0 * 0.5;
    for i in 3..=n {
        th = forced(th, i as f64 * H, w);
    }
    th * th + w
}

#[test]
fn scalar_state_counter_and_inclusive_range() {
    for n in [2, 3, 4, 50, 400] {
        let x = [0.4, 1.3];
        let (v, g) = pendulum_grad(x[0], x[1], n);
        let (vt, gt) = pendulum_taped_grad(x[0], x[1], n);
        assert_eq!(v, vt);
        assert_eq!(pendulum(x[0], x[1], n), pendulum_taped(x[0], x[1], n));
        close(&[g.0, g.1], &[gt.0, gt.1], "pendulum gradient");
        common::assert_fd(|x| pendulum(x[0], x[1], n), &x, &[g.0, g.1], "pendulum");
        let (_, t) = pendulum_jvp(x[0], x[1], n, 0.3, -0.7);
        assert!((t - (0.3 * g.0 - 0.7 * g.1)).abs() <= 1e-12);
        let (_, _, hv) = pendulum_hvp(x[0], x[1], n, 0.3, -0.7);
        let (_, _, hvt) = pendulum_taped_hvp(x[0], x[1], n, 0.3, -0.7);
        close(&[hv.0, hv.1], &[hvt.0, hvt.1], "pendulum H v");
        let (_, gv) = pendulum_vjp(x[0], x[1], n, 2.0);
        close(&[gv.0, gv.1], &[2.0 * g.0, 2.0 * g.1], "pendulum vjp");
    }
}

/// A `Vec` state passed as `s.clone()`, a checkpointed loop inside an outer loop (its initial
/// state is saved per outer iteration), and values computed before it.
#[differentiable]
fn relax(s: Vec<f64>, a: f64) -> Vec<f64> {
    let n = s.len();
    let mut out = vec![0.0; n];
    for i in 0..n {
        let left = if i == 0 { s[n - 1] } else { s[i - 1] };
        out[i] = s[i] + a * (left - s[i]).tanh();
    }
    out
}

#[differentiable]
fn sweeps(x: &[f64], a: f64, outer: usize, inner: usize) -> f64 {
    let mut s = x.to_vec();
    let mut total = 0.0;
    for _ in 0..outer {
        let b = a * 0.5 + total * 0.01;
        #[checkpoint(snapshots = 2)]
        for _ in 0..inner {
            s = relax(s.clone(), b);
        }
        total = total + s[0] * s[1];
    }
    total
}

#[differentiable]
fn sweeps_taped(x: &[f64], a: f64, outer: usize, inner: usize) -> f64 {
    let mut s = x.to_vec();
    let mut total = 0.0;
    for _ in 0..outer {
        let b = a * 0.5 + total * 0.01;
        for _ in 0..inner {
            s = relax(s.clone(), b);
        }
        total = total + s[0] * s[1];
    }
    total
}

#[test]
fn vec_state_in_an_outer_loop() {
    let x = [0.3, -0.2, 0.9, 0.1];
    let a = 0.7;
    for (outer, inner) in [(1usize, 1usize), (3, 9), (2, 40)] {
        let (v, (gx, ga)) = sweeps_grad(&x, a, outer, inner);
        let (vt, (gxt, gat)) = sweeps_taped_grad(&x, a, outer, inner);
        assert_eq!(v, vt);
        assert_eq!(
            sweeps(&x, a, outer, inner),
            sweeps_taped(&x, a, outer, inner)
        );
        close(&gx, &gxt, "d/dx");
        close(&[ga], &[gat], "d/da");
        let mut all = x.to_vec();
        all.push(a);
        let mut g = gx.clone();
        g.push(ga);
        common::assert_fd(|z| sweeps(&z[..4], z[4], outer, inner), &all, &g, "sweeps");
    }
}

/// A function generic over its float type (instantiated at `f64` and `f32`) with a
/// checkpointed loop whose step is generic too.
#[differentiable]
fn decay_step<T: ad_runtime::Float>(s: T, k: T) -> T {
    s - k * s * s * T::from(0.01).unwrap()
}

#[differentiable]
fn decay<T: ad_runtime::Float>(s0: T, k: T, n: usize) -> T {
    let mut s = s0;
    #[checkpoint(snapshots = 3)]
    for _ in 0..n {
        s = decay_step(s, k);
    }
    s
}

#[test]
fn generic_float_type() {
    let n = 100;
    let (v, g) = decay_grad(0.8f64, 1.5f64, n);
    assert_eq!(v, decay(0.8f64, 1.5f64, n));
    common::assert_fd(|x| decay(x[0], x[1], n), &[0.8, 1.5], &[g.0, g.1], "decay");
    let (v32, g32) = decay_grad(0.8f32, 1.5f32, n);
    assert!((v32 as f64 - v).abs() < 1e-5 && (g32.0 as f64 - g.0).abs() < 1e-4);
}
