//! Second order: the median time of `rosen_hvp` (value, gradient and one Hessian–vector
//! product, forward over reverse) against the generated gradient `rosen_grad` and a
//! hand-written HVP, across sizes; and the same ratio on a neighbour of another shape, a tanh
//! network's loss written with loops (`mlp_loops`). Timed interleaved like `ratios`.
//!
//!   cargo run --release --manifest-path benches/Cargo.toml --bin hvp [REPS]
//!
//! Every HVP is checked against the hand-written one (Rosenbrock) or against central
//! differences of the gradient (the network) before timing.

use std::hint::black_box;
use std::time::Duration;

use ad_benches::measure;
use ad_benches::second::{mlp_loops_grad, mlp_loops_hvp, rosen_hand_hvp};
use ad_benches::{input, rosen_grad, rosen_hvp};
use ad_runtime::ndarray::{Array1, Array2};

const SIZES: [usize; 6] = [10, 100, 1_000, 10_000, 100_000, 1_000_000];
const MIN_SAMPLE: Duration = Duration::from_millis(2);

/// Median seconds per call of each closure, sampled interleaved.
fn interleaved(reps: usize, fs: &mut [&mut dyn FnMut()]) -> Vec<f64> {
    measure::interleaved(reps, MIN_SAMPLE, fs)
}

fn main() {
    let reps: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("REPS must be a positive integer"))
        .unwrap_or(21);
    println!(
        "| problem | gradient | hvp | hand-written hvp | hvp / gradient | hand hvp / gradient |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for n in SIZES {
        let x = input(n);
        let v: Vec<f64> = (0..n).map(|i| ((i * 7 % 5) as f64) * 0.25 - 0.5).collect();
        let (y, g, hv) = rosen_hvp(&x, &v);
        let (yh, gh, hvh) = rosen_hand_hvp(&x, &v);
        assert_eq!(g, rosen_grad(&x).1);
        assert!((y - yh).abs() <= 1e-12 * y.abs());
        for ((a, b), (c, d)) in hv.iter().zip(&hvh).zip(g.iter().zip(&gh)) {
            assert!((a - b).abs() <= 1e-9 * (1.0 + b.abs()), "hvp {a} vs {b}");
            assert!(
                (c - d).abs() <= 1e-9 * (1.0 + d.abs()),
                "gradient {c} vs {d}"
            );
        }
        let t = interleaved(
            reps,
            &mut [
                &mut || {
                    black_box(rosen_grad(black_box(&x)));
                },
                &mut || {
                    black_box(rosen_hvp(black_box(&x), black_box(&v)));
                },
                &mut || {
                    black_box(rosen_hand_hvp(black_box(&x), black_box(&v)));
                },
            ],
        );
        println!(
            "| Rosenbrock n = {n} | {:.2} µs | {:.2} µs | {:.2} µs | {:.2}x | {:.2}x |",
            t[0] * 1e6,
            t[1] * 1e6,
            t[2] * 1e6,
            t[1] / t[0],
            t[2] / t[0]
        );
    }
    // The neighbour: 64 samples, 16 inputs, 32 tanh units.
    let (m, d, h) = (64, 16, 32);
    let w: Vec<f64> = (0..h * d + 2 * h + 1)
        .map(|i| ((i * 37 % 23) as f64) / 23.0 - 0.5)
        .collect();
    let x: Vec<f64> = (0..m * d)
        .map(|i| ((i * 13 % 17) as f64) / 17.0 - 0.5)
        .collect();
    let y: Vec<f64> = (0..m).map(|i| ((i * 5 % 7) as f64) / 7.0 - 0.5).collect();
    let v: Vec<f64> = (0..w.len())
        .map(|i| ((i * 7 % 5) as f64) * 0.25 - 0.5)
        .collect();
    let (_, _, hv) = mlp_loops_hvp(&w, &x, &y, d, h, &v);
    let eps = 1e-5;
    let wp: Vec<f64> = w.iter().zip(&v).map(|(a, b)| a + eps * b).collect();
    let wm: Vec<f64> = w.iter().zip(&v).map(|(a, b)| a - eps * b).collect();
    let (gp, gm) = (
        mlp_loops_grad(&wp, &x, &y, d, h).1,
        mlp_loops_grad(&wm, &x, &y, d, h).1,
    );
    for ((a, p), q) in hv.iter().zip(&gp).zip(&gm) {
        let fd = (p - q) / (2.0 * eps);
        assert!(
            (a - fd).abs() <= 1e-5 * (1.0 + fd.abs()),
            "network hvp {a} vs {fd}"
        );
    }
    let t = interleaved(
        reps,
        &mut [
            &mut || {
                black_box(mlp_loops_grad(black_box(&w), &x, &y, d, h));
            },
            &mut || {
                black_box(mlp_loops_hvp(black_box(&w), &x, &y, d, h, black_box(&v)));
            },
        ],
    );
    println!(
        "| tanh network (loops), {m} × {d} → {h} → 1 | {:.2} µs | {:.2} µs | — | {:.2}x | — |",
        t[0] * 1e6,
        t[1] * 1e6,
        t[1] / t[0]
    );
    // ndarray networks (the MLP benchmark's size): ReLU + cross-entropy, tanh + squared error.
    let p = ad_benches::mlp::problem(ad_benches::mlp::SIZE, 7);
    let (ns, nc) = (p.x.nrows(), p.b2.len());
    let targets =
        Array2::from_shape_fn((ns, nc), |(i, j)| if p.labels[i] == j { 1.0 } else { 0.0 });
    let dir = |a: &Array2<f64>| a.mapv(|v| (v * 7.0).sin());
    let dir1 = |a: &Array1<f64>| a.mapv(|v| (v * 7.0 + 0.5).sin());
    let (v1, vb1, v2, vb2) = (dir(&p.w1), dir1(&p.b1), dir(&p.w2), dir1(&p.b2));
    {
        use ad_benches::mlp::{loss_grad as mlp_relu_grad, loss_hvp as mlp_relu_hvp};
        use ad_benches::second::{mlp_tanh_grad, mlp_tanh_hvp};
        let (_, _, (h1, _, _, _)) = mlp_relu_hvp(
            &p.w1, &p.b1, &p.w2, &p.b2, &p.x, &p.labels, &v1, &vb1, &v2, &vb2,
        );
        let eps = 1e-6;
        let shift = |s: f64| {
            (
                &p.w1 + &(&v1 * s),
                &p.b1 + &(&vb1 * s),
                &p.w2 + &(&v2 * s),
                &p.b2 + &(&vb2 * s),
            )
        };
        let (a, b, c, d) = shift(eps);
        let (e, f, g, h) = shift(-eps);
        let gp = mlp_relu_grad(&a, &b, &c, &d, &p.x, &p.labels).1.0;
        let gm = mlp_relu_grad(&e, &f, &g, &h, &p.x, &p.labels).1.0;
        let scale = h1.iter().fold(1e-12f64, |m, v| m.max(v.abs()));
        for ((x, y), z) in h1.iter().zip(&gp).zip(&gm) {
            assert!(
                (x - (y - z) / (2.0 * eps)).abs() <= 1e-4 * scale,
                "relu network hvp"
            );
        }
        for (label, t) in [
            (
                "ReLU (`mapv`) + cross-entropy, the MLP benchmark's `loss`",
                interleaved(
                    reps,
                    &mut [
                        &mut || {
                            black_box(mlp_relu_grad(&p.w1, &p.b1, &p.w2, &p.b2, &p.x, &p.labels));
                        },
                        &mut || {
                            black_box(mlp_relu_hvp(
                                &p.w1, &p.b1, &p.w2, &p.b2, &p.x, &p.labels, &v1, &vb1, &v2, &vb2,
                            ));
                        },
                    ],
                ),
            ),
            (
                "tanh + squared error",
                interleaved(
                    reps,
                    &mut [
                        &mut || {
                            black_box(mlp_tanh_grad(&p.w1, &p.b1, &p.w2, &p.b2, &p.x, &targets));
                        },
                        &mut || {
                            black_box(mlp_tanh_hvp(
                                &p.w1, &p.b1, &p.w2, &p.b2, &p.x, &targets, &v1, &vb1, &v2, &vb2,
                            ));
                        },
                    ],
                ),
            ),
        ] {
            println!(
                "| MLP (ndarray) {label}, {ns} × {} → {} → {nc} | {:.2} µs | {:.2} µs | — | {:.2}x | — |",
                p.w1.nrows(),
                p.w1.ncols(),
                t[0] * 1e6,
                t[1] * 1e6,
                t[1] / t[0]
            );
        }
    }
    println!("median of {reps} interleaved samples per cell; each sample >= 2 ms");
}
