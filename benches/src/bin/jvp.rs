//! Forward mode on the extended Rosenbrock function: the median time of `rosen_jvp` (one
//! directional derivative) against the primal, across sizes, timed interleaved like `ratios`.
//!
//!   cargo run --release --manifest-path benches/Cargo.toml --bin jvp [REPS]
//!
//! Each `jvp` result is checked against the generated gradient's dot product with the
//! direction before timing.

use std::hint::black_box;
use std::time::Duration;

use ad_benches::measure::{calibrate, median, time_per_call};
use ad_benches::{input, rosen, rosen_grad, rosen_jvp};

const SIZES: [usize; 6] = [10, 100, 1_000, 10_000, 100_000, 1_000_000];
const MIN_SAMPLE: Duration = Duration::from_millis(2);

fn main() {
    let reps: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("REPS must be a positive integer"))
        .unwrap_or(21);
    println!("| n | primal | jvp | gradient | jvp / primal | gradient / primal |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for n in SIZES {
        let x = input(n);
        let v: Vec<f64> = (0..n).map(|i| ((i * 7 % 5) as f64) * 0.25 - 0.5).collect();
        let (_, g) = rosen_grad(&x);
        let want: f64 = g.iter().zip(&v).map(|(a, b)| a * b).sum();
        let (_, t) = rosen_jvp(&x, &v);
        let scale: f64 = g.iter().zip(&v).map(|(a, b)| (a * b).abs()).sum();
        assert!(
            (t - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {t} vs {want}"
        );
        let mut primal = || rosen(black_box(&x));
        let mut jvp = || rosen_jvp(black_box(&x), black_box(&v));
        let mut grad = || rosen_grad(black_box(&x));
        let (ip, ij, ig) = (
            calibrate(MIN_SAMPLE, &mut primal),
            calibrate(MIN_SAMPLE, &mut jvp),
            calibrate(MIN_SAMPLE, &mut grad),
        );
        let (mut tp, mut tj, mut tg) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..reps {
            tp.push(time_per_call(ip, &mut primal));
            tj.push(time_per_call(ij, &mut jvp));
            tg.push(time_per_call(ig, &mut grad));
        }
        let (p, j, g) = (median(&mut tp), median(&mut tj), median(&mut tg));
        println!(
            "| {n} | {:.2} µs | {:.2} µs | {:.2} µs | {:.2}x | {:.2}x |",
            p * 1e6,
            j * 1e6,
            g * 1e6,
            j / p,
            g / p
        );
    }
    println!("median of {reps} interleaved samples per cell; each sample >= 2 ms");
}
