//! Forward against reverse mode, and both against num-dual:
//!
//! 1. the full Jacobian of `fan: R^n → R^m` by `n` forward passes, by `m` reverse passes,
//!    by `fan_jacobian` (which picks the mode with fewer passes), by num-dual's `Dual64`
//!    (`n` passes written by hand) and by num-dual's own `jacobian` (one pass of
//!    `DualDVec64`), at (n, m) = (1000, 1), (1000, 1000), (1, 1000);
//! 2. the crossover: time against `n` at `m = 200` for both modes, written to
//!    `docs/modes.csv` (and drawn as `docs/modes.png` by `--plot`);
//! 3. Rosenbrock at n = 1000: one JVP, the gradient (num-dual's own `gradient`), one HVP and
//!    the dense Hessian, ours against num-dual.
//!
//!   cargo run --release --manifest-path benches/Cargo.toml --bin modes [REPS]
//!
//! Every result is checked against the other ways of computing it before timing.

use std::hint::black_box;
use std::time::Duration;

use ad_benches::measure;
use ad_benches::modes::{
    fan_jacobian, fan_jacobian_forward, fan_jacobian_num_dual, fan_jacobian_num_dual_api,
    fan_jacobian_reverse, rosen_gradient_num_dual_api, rosen_hessian_num_dual,
    rosen_hvp_num_dual, rosen_jvp_num_dual,
};
use ad_benches::{input, rosen_grad, rosen_hessian, rosen_hvp, rosen_jvp};
use ad_runtime::ndarray::Array2;

const MIN_SAMPLE: Duration = Duration::from_millis(2);

/// Median seconds per call of each closure, sampled interleaved.
fn interleaved(reps: usize, fs: &mut [&mut dyn FnMut()]) -> Vec<f64> {
    measure::interleaved(reps, MIN_SAMPLE, fs)
}

fn close(a: &Array2<f64>, b: &Array2<f64>, what: &str) {
    assert_eq!(a.dim(), b.dim(), "{what}");
    for (x, y) in a.iter().zip(b) {
        assert!(
            (x - y).abs() <= 1e-10 * (1.0 + y.abs()),
            "{what}: {x} vs {y}"
        );
    }
}

fn point(n: usize) -> Vec<f64> {
    (0..n).map(|i| 0.3 + ((i * 7 % 11) as f64) / 11.0).collect()
}

fn fmt(t: f64) -> String {
    if t < 1e-3 {
        format!("{:.1} µs", t * 1e6)
    } else {
        format!("{:.2} ms", t * 1e3)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let reps: usize = args
        .get(1)
        .filter(|a| !a.starts_with("--"))
        .map(|a| a.parse().expect("REPS must be a positive integer"))
        .unwrap_or(11);

    println!("Full Jacobian of fan: R^n -> R^m");
    println!(
        "| n | m | forward (n JVPs) | reverse (m VJPs) | fan_jacobian | num-dual (n passes) | num-dual / fan_jacobian | num-dual `jacobian` | num-dual `jacobian` / fan_jacobian |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (n, m) in [(1000, 1), (1000, 1000), (1, 1000)] {
        let x = point(n);
        let jf = fan_jacobian_forward(&x, m);
        close(&fan_jacobian_reverse(&x, m), &jf, "reverse");
        close(&fan_jacobian(&x, m).1, &jf, "auto");
        close(&fan_jacobian_num_dual(&x, m), &jf, "num-dual");
        close(&fan_jacobian_num_dual_api(&x, m), &jf, "num-dual jacobian");
        let t = interleaved(
            reps,
            &mut [
                &mut || {
                    black_box(fan_jacobian_forward(black_box(&x), m));
                },
                &mut || {
                    black_box(fan_jacobian_reverse(black_box(&x), m));
                },
                &mut || {
                    black_box(fan_jacobian(black_box(&x), m));
                },
                &mut || {
                    black_box(fan_jacobian_num_dual(black_box(&x), m));
                },
                &mut || {
                    black_box(fan_jacobian_num_dual_api(black_box(&x), m));
                },
            ],
        );
        println!(
            "| {n} | {m} | {} | {} | {} | {} | {:.2}x | {} | {:.1}x |",
            fmt(t[0]),
            fmt(t[1]),
            fmt(t[2]),
            fmt(t[3]),
            t[3] / t[2],
            fmt(t[4]),
            t[4] / t[2]
        );
    }

    let m = 200;
    let ns = [10, 20, 50, 100, 150, 200, 300, 400, 600, 800];
    let mut csv = String::from("n,m,forward_s,reverse_s\n");
    println!();
    println!("Crossover at m = {m}: seconds per full Jacobian");
    println!("| n | forward | reverse |");
    println!("| ---: | ---: | ---: |");
    for n in ns {
        let x = point(n);
        let t = interleaved(
            reps,
            &mut [
                &mut || {
                    black_box(fan_jacobian_forward(black_box(&x), m));
                },
                &mut || {
                    black_box(fan_jacobian_reverse(black_box(&x), m));
                },
            ],
        );
        println!("| {n} | {} | {} |", fmt(t[0]), fmt(t[1]));
        csv.push_str(&format!("{n},{m},{:e},{:e}\n", t[0], t[1]));
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("modes.csv"), csv).unwrap();

    let n = 1000;
    let x = input(n);
    let v: Vec<f64> = (0..n).map(|i| ((i * 7 % 5) as f64) * 0.25 - 0.5).collect();
    let (_, t) = rosen_jvp(&x, &v);
    let (_, tn) = rosen_jvp_num_dual(&x, &v);
    assert!((t - tn).abs() <= 1e-9 * tn.abs().max(1.0));
    let (_, _, hv) = rosen_hvp(&x, &v);
    for (a, b) in hv.iter().zip(rosen_hvp_num_dual(&x, &v)) {
        assert!((a - b).abs() <= 1e-9 * (1.0 + b.abs()));
    }
    let (_, g) = rosen_grad(&x);
    for (a, b) in g.iter().zip(rosen_gradient_num_dual_api(&x)) {
        assert!((a - b).abs() <= 1e-9 * (1.0 + b.abs()));
    }
    let xs = input(100);
    close(
        &rosen_hessian(&xs).2,
        &rosen_hessian_num_dual(&xs),
        "Hessian",
    );
    let t = interleaved(
        reps,
        &mut [
            &mut || {
                black_box(rosen_jvp(black_box(&x), black_box(&v)));
            },
            &mut || {
                black_box(rosen_jvp_num_dual(black_box(&x), black_box(&v)));
            },
            &mut || {
                black_box(rosen_hvp(black_box(&x), black_box(&v)));
            },
            &mut || {
                black_box(rosen_hvp_num_dual(black_box(&x), black_box(&v)));
            },
            &mut || {
                black_box(rosen_hessian(black_box(&xs)));
            },
            &mut || {
                black_box(rosen_hessian_num_dual(black_box(&xs)));
            },
            &mut || {
                black_box(rosen_grad(black_box(&x)));
            },
            &mut || {
                black_box(rosen_gradient_num_dual_api(black_box(&x)));
            },
        ],
    );
    println!();
    println!("Rosenbrock against num-dual");
    println!("| derivative | ours | num-dual | num-dual / ours |");
    println!("| --- | ---: | ---: | ---: |");
    println!(
        "| JVP, n = {n} (`rosen_jvp` / one `Dual64` pass) | {} | {} | {:.2}x |",
        fmt(t[0]),
        fmt(t[1]),
        t[1] / t[0]
    );
    println!(
        "| HVP, n = {n} (`rosen_hvp` / n `HyperDual64` passes) | {} | {} | {:.0}x |",
        fmt(t[2]),
        fmt(t[3]),
        t[3] / t[2]
    );
    println!(
        "| Hessian, n = 100 (`rosen_hessian` / n(n+1)/2 `HyperDual64` passes) | {} | {} | {:.1}x |",
        fmt(t[4]),
        fmt(t[5]),
        t[5] / t[4]
    );
    println!(
        "| gradient, n = {n} (`rosen_grad` / num-dual's `gradient`, one `DualDVec64` pass) | {} | {} | {:.0}x |",
        fmt(t[6]),
        fmt(t[7]),
        t[7] / t[6]
    );
    println!(
        "median of {reps} interleaved samples per cell; each sample >= 2 ms; docs/modes.csv written"
    );
}
