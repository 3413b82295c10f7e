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
