//! Prints a markdown table of median times (primal, hand-written gradient, generated gradient)
//! for the extended Rosenbrock function and the ratios generated/hand and generated/primal,
//! without criterion: `std::time::Instant`, median of `REPS` repetitions.
//!
//!   cargo run --release --manifest-path benches/Cargo.toml --bin ratios [REPS]
//!
//! The three variants are timed interleaved (primal, hand, generated, primal, ...) so that
//! background load on a shared machine hits all three alike, and each sample repeats the call
//! enough times to last at least ~2 ms, so small `n` are not dominated by timer resolution.

use std::hint::black_box;
use std::time::Duration;

use ad_benches::measure::{calibrate, median, time_per_call};
use ad_benches::{check_agreement, input, rosen, rosen_grad, rosen_hand_grad};

const SIZES: [usize; 3] = [1_000, 10_000, 1_000_000];
const MIN_SAMPLE: Duration = Duration::from_millis(2);

fn fmt_time(s: f64) -> String {
    if s >= 1e-3 {
        format!("{:.3} ms", s * 1e3)
    } else {
        format!("{:.2} µs", s * 1e6)
    }
}

fn main() {
    let reps: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("REPS must be a positive integer"))
        .unwrap_or(30);
    assert!(reps > 0, "REPS must be positive");

    println!(
        "| n | primal | hand gradient | generated gradient | generated / hand | generated / primal | hand / primal |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for n in SIZES {
        let x = input(n);
        check_agreement(&x);

        let mut primal = || rosen(black_box(&x));
        let mut hand = || rosen_hand_grad(black_box(&x));
        let mut generated = || rosen_grad(black_box(&x));

        // Warm up (page faults, caches, frequency) and size the samples.
        let ip = calibrate(MIN_SAMPLE, &mut primal);
        let ih = calibrate(MIN_SAMPLE, &mut hand);
        let ig = calibrate(MIN_SAMPLE, &mut generated);

        let (mut tp, mut th, mut tg) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..reps {
            tp.push(time_per_call(ip, &mut primal));
            th.push(time_per_call(ih, &mut hand));
            tg.push(time_per_call(ig, &mut generated));
        }
        let (p, h, g) = (median(&mut tp), median(&mut th), median(&mut tg));
        println!(
            "| {n} | {} | {} | {} | {:.2}x | {:.2}x | {:.2}x |",
            fmt_time(p),
            fmt_time(h),
            fmt_time(g),
            g / h,
            g / p,
            h / p,
        );
    }
    println!();
    println!(
        "median of {reps} interleaved samples per cell; each sample >= {} ms; {} logical CPUs",
        MIN_SAMPLE.as_millis(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
}
