//! Binomial checkpointing (`#[checkpoint]` on the loop, and `ad_runtime::checkpoint::revolve`
//! driven by hand with the step's `_vjp`) against the stored tape, on a
//! damped nonlinear oscillator chain stepped `n` times (semi-implicit Euler, a
//! `#[differentiable]` step of 2 masses): time and peak heap of one gradient with respect to
//! the initial state and the two parameters, for n = 10⁶ and 10⁷ and several snapshot counts.
//!
//! ```text
//! cargo run --release --manifest-path benches/Cargo.toml --bin checkpoint
//! ```

use std::time::Instant;

use ad_benches::measure::{CountingAlloc, with_peak_heap};
use ad_runtime::checkpoint::{default_snapshots, revolve};
use ad_runtime::{Differentiable, VectorSpace, differentiable};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

#[derive(Clone, Debug, Differentiable)]
pub struct Chain {
    x: [f64; 2],
    v: [f64; 2],
}

#[derive(Clone, Debug, Differentiable)]
pub struct Physics {
    k: f64,
    c: f64,
}

const DT: f64 = 1e-4;

#[differentiable(wrt(s, p), order = 1)]
fn step(s: &Chain, p: &Physics, dt: f64) -> Chain {
    let a0 = p.k * (s.x[1] - 2.0 * s.x[0]) - p.c * s.v[0] - 0.1 * s.x[0].powi(3);
    let a1 = p.k * (s.x[0] - 2.0 * s.x[1]) - p.c * s.v[1] - 0.1 * s.x[1].powi(3);
    let v0 = s.v[0] + dt * a0;
    let v1 = s.v[1] + dt * a1;
    Chain {
        x: [s.x[0] + dt * v0, s.x[1] + dt * v1],
        v: [v0, v1],
    }
}

#[differentiable(order = 1)]
fn objective(s: &Chain) -> f64 {
    s.x[0] * s.x[0] + s.x[1] * s.v[1]
}

/// The stored tape: the whole loop in one differentiable function (only its gradient is timed).
#[allow(dead_code)]
#[differentiable(wrt(s0, p), order = 1)]
fn simulate(s0: &Chain, p: &Physics, n: usize) -> f64 {
    let mut s = s0.clone();
    for _ in 0..n {
        s = step(&s, p, DT);
    }
    objective(&s)
}

/// The same loop with `#[checkpoint(snapshots = k)]`: the macro's binomial schedule.
#[allow(dead_code)]
#[differentiable(wrt(s0, p), order = 1)]
fn simulate_checkpointed(s0: &Chain, p: &Physics, n: usize, k: usize) -> f64 {
    let mut s = s0.clone();
    #[checkpoint(snapshots = k)]
    for _ in 0..n {
        s = step(&s, p, DT);
    }
    objective(&s)
}

fn checkpointed(s0: &Chain, p: &Physics, n: usize, k: usize) -> (f64, Chain, Physics, usize) {
    let mut dp = Physics { k: 0.0, c: 0.0 };
    let (s_n, ds0, stats) = revolve(
        n,
        k,
        s0.clone(),
        |s, _| step(&s, p, DT),
        |s, _, g: Chain| {
            let (_, (gs, gp)) = step_vjp(&s, p, DT, g);
            dp.add_scaled(1.0, &gp);
            gs
        },
        |s_n| objective_grad(s_n).1,
    );
    (objective(&s_n), ds0, dp, stats.steps)
}

fn main() {
    let s0 = Chain {
        x: [0.3, -0.2],
        v: [0.1, 0.05],
    };
    let p = Physics { k: 4.0, c: 0.3 };
    println!(
        "| steps n | gradient | snapshots | time | time / stored tape | peak heap | steps evaluated / n |"
    );
    println!("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
    for n in [1_000_000usize, 10_000_000] {
        let t = Instant::now();
        let ((v, (gs, gp)), heap) = with_peak_heap(|| simulate_grad(&s0, &p, n));
        let tape_time = t.elapsed().as_secs_f64();
        println!(
            "| {n} | stored tape | — | {:.3} s | 1.00x | {:.1} MB | 1 |",
            tape_time,
            heap as f64 / 1e6
        );
        for k in [default_snapshots(n), 2 * default_snapshots(n), 64] {
            let t = Instant::now();
            let ((vc, (gsc, gpc)), heap) =
                with_peak_heap(|| simulate_checkpointed_grad(&s0, &p, n, k));
            let time = t.elapsed().as_secs_f64();
            let err = [
                gsc.x[0] - gs.x[0],
                gsc.v[1] - gs.v[1],
                gpc.k - gp.k,
                gpc.c - gp.c,
            ]
            .iter()
            .fold(0.0f64, |m, d| m.max(d.abs()));
            assert!(
                vc == v && err <= 1e-9 * (1.0 + gp.k.abs()),
                "n {n} k {k}: error {err}"
            );
            println!(
                "| {n} | `#[checkpoint]` | {k} | {time:.3} s | {:.2}x | {:.1} kB | |",
                time / tape_time,
                heap as f64 / 1e3,
            );
        }
        for k in [default_snapshots(n), 2 * default_snapshots(n), 64] {
            let t = Instant::now();
            let ((vc, gsc, gpc, steps), heap) = with_peak_heap(|| checkpointed(&s0, &p, n, k));
            let time = t.elapsed().as_secs_f64();
            let err = [
                gsc.x[0] - gs.x[0],
                gsc.v[1] - gs.v[1],
                gpc.k - gp.k,
                gpc.c - gp.c,
            ]
            .iter()
            .fold(0.0f64, |m, d| m.max(d.abs()));
            assert!(
                vc == v && err <= 1e-9 * (1.0 + gp.k.abs()),
                "n {n} k {k}: error {err}"
            );
            println!(
                "| {n} | `revolve` by hand | {k} | {time:.3} s | {:.2}x | {:.1} kB | {:.1} |",
                time / tape_time,
                heap as f64 / 1e3,
                steps as f64 / n as f64 + 1.0
            );
        }
    }
}
