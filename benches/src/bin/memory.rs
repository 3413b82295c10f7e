//! Peak heap of a gradient through a long loop with a nonlinear loop-carried update:
//!
//! ```text
//! #[differentiable]
//! fn long_loop(x: f64, a: f64, n: usize) -> f64 {
//!     let mut y = x;
//!     for _ in 0..n { y = (y * a).sin() + x; }
//!     y
//! }
//! ```
//!
//! (`ad_benches::long_loop`), differentiated with respect to `x` and `a` by the generated
//! `long_loop_grad` and by the runtime-tape peers echidna, reverse and RustQuant_autodiff (the
//! same loop in their scalar types, `ad_benches::peers`), with forward mode (num-dual, two
//! passes, no tape) for reference.
//!
//! ```text
//! CARGO_TARGET_DIR=/work/target-peers \
//!   cargo run --release --manifest-path benches/Cargo.toml --bin memory [N ...]
//! ```
//!
//! Default N: 10^6 and 10^7. Every method's value and gradient are first checked against each
//! other and against central finite differences at N = 1000; then each method runs once per N,
//! in a fresh process of this binary (`memory --one METHOD N`), under a counting global
//! allocator. "Peak heap" is the largest
//! number of heap bytes live at once during the call beyond those live before it (tape, with
//! `Vec`'s capacity doubling, plus adjoint buffers); "retained" is what is still allocated
//! after the call returned (echidna keeps its tape in a thread-local pool for the next call).
//! The times are of that single call and of one primal call, so they are rough.

use std::hint::black_box;
use std::time::Instant;

use ad_benches::measure::{CountingAlloc, live_heap, with_peak_heap};
use ad_benches::peers::{
    long_loop_grad_echidna, long_loop_grad_num_dual, long_loop_grad_reverse,
    long_loop_grad_rustquant,
};
use ad_benches::{long_loop, long_loop_grad};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

type GradFn = fn(f64, f64, usize) -> (f64, (f64, f64));

const METHODS: [(&str, GradFn); 5] = [
    ("generated (ad)", long_loop_grad),
    ("echidna", long_loop_grad_echidna),
    ("reverse", long_loop_grad_reverse),
    ("RustQuant_autodiff", long_loop_grad_rustquant),
    ("num-dual (forward, 2 passes)", long_loop_grad_num_dual),
];

/// The point: `|a cos(.)| <= 0.5`, so the loop contracts and the derivatives stay bounded.
const X: f64 = 0.3;
const A: f64 = 0.5;

fn fmt_bytes(b: usize) -> String {
    let b = b as f64;
    if b >= 1e9 {
        format!("{:.2} GB", b / 1e9)
    } else if b >= 1e6 {
        format!("{:.1} MB", b / 1e6)
    } else if b >= 1e3 {
        format!("{:.1} kB", b / 1e3)
    } else {
        format!("{b} B")
    }
}

fn fmt_n(n: usize) -> String {
    let e = (n as f64).log10().round() as i32;
    if 10usize.pow(e as u32) == n {
        format!("10^{e}")
    } else {
        n.to_string()
    }
}

/// Checks all methods at `n` against the generated gradient and finite differences.
fn check(n: usize) {
    let (v0, (gx, ga)) = long_loop_grad(X, A, n);
    assert_eq!(
        v0,
        long_loop(X, A, n),
        "generated value differs from the primal"
    );
    let h = 1e-6;
    let fdx = (long_loop(X + h, A, n) - long_loop(X - h, A, n)) / (2.0 * h);
    let fda = (long_loop(X, A + h, n) - long_loop(X, A - h, n)) / (2.0 * h);
    let close = |p: f64, q: f64, tol: f64| (p - q).abs() <= tol * p.abs().max(q.abs()).max(1.0);
    assert!(
        close(gx, fdx, 1e-6) && close(ga, fda, 1e-6),
        "generated ({gx}, {ga}) vs fd ({fdx}, {fda})"
    );
    for (name, f) in METHODS {
        let (v, (dx, da)) = f(X, A, n);
        assert!(
            close(v, v0, 1e-12) && close(dx, gx, 1e-10) && close(da, ga, 1e-10),
            "{name} at n = {n}: ({v}, {dx}, {da}) vs generated ({v0}, {gx}, {ga})"
        );
    }
    println!(
        "n = {n}: all methods agree (value {v0:.12}, gradient ({gx:.12}, {ga:.12}); finite differences ({fdx:.8}, {fda:.8}))\n"
    );
}

/// Runs method `idx` once at `n` in this process (a fresh one, so that no earlier call's
/// pooled or freed memory is reused) and prints one table row.
fn run_one(idx: usize, n: usize) {
    let (name, f) = METHODS[idx];
    let t = Instant::now();
    let v0 = black_box(long_loop(black_box(X), black_box(A), black_box(n)));
    let primal = t.elapsed().as_secs_f64();
    let base = live_heap();
    let t = Instant::now();
    let ((v, g), peak) = with_peak_heap(|| f(black_box(X), black_box(A), black_box(n)));
    let time = t.elapsed().as_secs_f64();
    let retained = live_heap().saturating_sub(base);
    assert!(
        (v - v0).abs() <= 1e-12 * v0.abs().max(1.0),
        "{name}: value {v} vs primal {v0}"
    );
    black_box(g);
    println!(
        "| {} | {name} | {} | {:.1} | {} | {:.1} ms | {:.1} |",
        fmt_n(n),
        fmt_bytes(peak),
        peak as f64 / n as f64,
        fmt_bytes(retained),
        time * 1e3,
        time / primal,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--one") {
        run_one(args[1].parse().unwrap(), args[2].parse().unwrap());
        return;
    }
    let sizes: Vec<usize> = if args.is_empty() {
        vec![1_000_000, 10_000_000]
    } else {
        args.iter()
            .map(|s| s.parse::<f64>().expect("N must be a number, e.g. 1e7") as usize)
            .collect()
    };
    check(1000);

    println!(
        "| n | method | peak heap | bytes / iteration | retained after the call | gradient time | gradient / primal time |"
    );
    println!("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
    let exe = std::env::current_exe().expect("own path");
    for &n in &sizes {
        for (idx, (name, _)) in METHODS.iter().enumerate() {
            let status = std::process::Command::new(&exe)
                .args(["--one", &idx.to_string(), &n.to_string()])
                .status()
                .expect("running a measurement");
            if !status.success() {
                println!("| {} | {name} | failed: {status} | | | | |", fmt_n(n));
            }
        }
    }
    println!(
        "\none call per cell, each in a fresh process; x = {X}, a = {A}; primal = one call of long_loop"
    );
}
