//! Bounds checks hoisted out of counted loops (`ad-macros/src/reverse/hoist.rs`): a range loop
//! whose element accesses have affine indices (the loop variable plus an offset, a row start
//! `r * d + j`, a counter stepped once per iteration) runs, in the forward sweep, without
//! those checks when a guard before the loop finds every index in bounds, and as written
//! otherwise.
//!
//! Checked here: gradients through every index form the guard understands (against closed
//! forms and finite differences), loops where the guard fails and the gradient must panic
//! exactly where the primal panics (same message), trip counts of zero, and an index
//! computation that overflows.

#![allow(clippy::needless_range_loop, clippy::assign_op_pattern, dead_code)]

mod common;

use ad_runtime::differentiable;
use common::*;

/// A packed lower triangle walked with a counter, as in the GMM objective:
/// `y = L x` with `L` strictly lower triangular, column by column, then `Σ y²`.
#[differentiable(wrt(l, x))]
fn triangle(l: &[f64], x: &[f64], d: usize) -> f64 {
    let mut y = vec![0.0; d];
    let mut idx = 0;
    for c in 0..d {
        for r in c + 1..d {
            y[r] += l[idx] * x[c];
            idx += 1;
        }
    }
    let mut s = 0.0;
    for j in 0..d {
        s += y[j] * y[j];
    }
    s
}

#[test]
fn counter_indexed_triangle() {
    let d = 5;
    let mut rng = Rng::new(7);
    let l: Vec<f64> = (0..d * (d - 1) / 2).map(|_| rng.signed(0.2, 1.0)).collect();
    let x: Vec<f64> = (0..d).map(|_| rng.signed(0.2, 1.0)).collect();
    let (v, (dl, dx)) = triangle_grad(&l, &x, d);
    assert_near(v, triangle(&l, &x, d), "value");
    // Closed form: y = L x, ∂/∂L_rc = 2 y_r x_c, ∂/∂x_c = 2 Σ_r L_rc y_r.
    let mut y = vec![0.0; d];
    let mut idx = 0;
    for c in 0..d {
        for r in c + 1..d {
            y[r] += l[idx] * x[c];
            idx += 1;
        }
    }
    let (mut el, mut ex) = (vec![0.0; l.len()], vec![0.0; d]);
    let mut idx = 0;
    for c in 0..d {
        for r in c + 1..d {
            el[idx] = 2.0 * y[r] * x[c];
            ex[c] += 2.0 * l[idx] * y[r];
            idx += 1;
        }
    }
    closed(&dl, &el, "dl");
    closed(&dx, &ex, "dx");
    assert_fd(|l| triangle(l, &x, d), &l, &dl, "dl (fd)");
    assert_fd(|x| triangle(&l, x, d), &x, &dx, "dx (fd)");
}

/// Row-major rows `x[r * n + j]`, a shifted read `w[j + 1]`, a read before the start
/// `w[j - 1]` with `j` from 1, an inclusive range and a counter with a run-time step.
#[differentiable(wrt(x, w))]
fn affine_forms(x: &[f64], w: &[f64], m: usize, n: usize, step: usize) -> f64 {
    let mut s = 0.0;
    for r in 0..m {
        for j in 1..n - 1 {
            s += x[r * n + j] * (w[j + 1] - w[j - 1]);
        }
    }
    let mut k = 0;
    for j in 0..=n / 2 {
        s += w[j] * x[k];
        k += step;
    }
    s
}

#[test]
fn affine_index_forms() {
    let (m, n, step) = (3, 6, 2);
    let mut rng = Rng::new(11);
    let x: Vec<f64> = (0..m * n).map(|_| rng.signed(0.2, 1.0)).collect();
    let w: Vec<f64> = (0..n).map(|_| rng.signed(0.2, 1.0)).collect();
    let (v, (dx, dw)) = affine_forms_grad(&x, &w, m, n, step);
    assert_near(v, affine_forms(&x, &w, m, n, step), "value");
    let mut ex = vec![0.0; x.len()];
    let mut ew = vec![0.0; n];
    for r in 0..m {
        for j in 1..n - 1 {
            ex[r * n + j] += w[j + 1] - w[j - 1];
            ew[j + 1] += x[r * n + j];
            ew[j - 1] -= x[r * n + j];
        }
    }
    for j in 0..=n / 2 {
        ew[j] += x[j * step];
        ex[j * step] += w[j];
    }
    closed(&dx, &ex, "dx");
    closed(&dw, &ew, "dw");
    assert_fd(|x| affine_forms(x, &w, m, n, step), &x, &dx, "dx (fd)");
    assert_fd(|w| affine_forms(&x, w, m, n, step), &w, &dw, "dw (fd)");
}

/// Writes `buf[j] = ..` in a hoisted loop, read back by a later loop.
#[differentiable]
fn smooth(x: &[f64]) -> f64 {
    let n = x.len();
    let mut buf = vec![0.0; n];
    for j in 1..n - 1 {
        buf[j] = 0.25 * x[j - 1] + 0.5 * x[j] + 0.25 * x[j + 1];
    }
    let mut s = 0.0;
    for j in 0..n {
        s += buf[j].sin();
    }
    s
}

#[test]
fn hoisted_writes() {
    let x = vec![0.3, -0.7, 1.1, 0.4, -0.2, 0.9];
    let (v, g) = smooth_grad(&x);
    assert_near(v, smooth(&x), "value");
    assert_fd(smooth, &x, &g, "smooth");
}

/// Reads one element past the end at its last iteration when `extra` is 1.
#[differentiable(wrt(x))]
fn reads_past_the_end(x: &[f64], extra: usize) -> f64 {
    let mut s = 0.0;
    let mut k = 0;
    for j in 0..x.len() {
        s += x[j] * x[k + extra];
        k += 1;
    }
    s
}

#[test]
fn out_of_bounds_panics_like_the_primal() {
    let x = vec![0.5, 1.5, -0.5];
    let (v, g) = reads_past_the_end_grad(&x, 0);
    assert_near(v, reads_past_the_end(&x, 0), "value");
    closed(&g, &[1.0, 3.0, -1.0], "grad");
    let primal = same_panic(
        || reads_past_the_end(&x, 1),
        || reads_past_the_end_grad(&x, 1),
    );
    assert!(primal.contains("out of bounds"), "{primal}");
}

/// `x[j - shift]` below zero at the first iteration when `shift` is 1 (an overflow: a panic
/// in debug builds, a wrapped index out of bounds in release builds, in both versions).
#[differentiable(wrt(x))]
fn reads_before_the_start(x: &[f64], shift: usize) -> f64 {
    let mut s = 0.0;
    for j in 0..x.len() {
        s += x[j - shift] * 2.0;
    }
    s
}

#[test]
fn underflowing_index_panics_like_the_primal() {
    let x = vec![0.5, 1.5, -0.5];
    let primal = same_panic(
        || reads_before_the_start(&x, 1),
        || reads_before_the_start_grad(&x, 1),
    );
    assert!(!primal.is_empty());
}

/// An index whose computation overflows `usize` in the middle (`j * big`) although its
/// final value would be small after wrapping: the guard's checked arithmetic fails, and the
/// loop runs as written.
#[differentiable(wrt(x))]
fn huge_stride(x: &[f64], big: usize) -> f64 {
    let mut s = 0.0;
    for j in 0..x.len() {
        s += x[j * big] * x[j];
    }
    s
}

#[test]
fn overflowing_index_computation_is_not_hoisted() {
    let x = vec![0.5, 1.5, -0.5];
    // Stride 0: the same element every time (in bounds, hoisted).
    let (v, g) = huge_stride_grad(&x, 0);
    assert_near(v, huge_stride(&x, 0), "value");
    closed(&g, &[0.5 + 1.5 - 0.5 + 0.5, 0.5, 0.5], "grad");
    // A stride that overflows at j = 2 panics (debug) or goes out of bounds (release),
    // like the primal.
    let big = usize::MAX / 2 + 1;
    same_panic(|| huge_stride(&x, big), || huge_stride_grad(&x, big));
}

/// Empty ranges: the guard holds trivially and nothing is read.
#[differentiable(wrt(x))]
fn maybe_empty(x: &[f64], lo: usize, hi: usize) -> f64 {
    let mut s = x[0];
    for j in lo..hi {
        s += x[j] * x[j + 100];
    }
    s
}

#[test]
fn empty_ranges() {
    let x = vec![2.0, 3.0];
    for (lo, hi) in [(0, 0), (5, 5), (7, 3)] {
        let (v, g) = maybe_empty_grad(&x, lo, hi);
        assert_near(v, 2.0, "value");
        closed(&g, &[1.0, 0.0], "grad");
    }
}

/// A constant buffer shrunk by a method inside the loop: its length is not fixed, so its
/// reads stay checked and panic where the primal's do.
#[differentiable(wrt(x))]
fn shrinking_buffer(x: &[f64], n: usize, how: usize) -> f64 {
    let mut buf = vec![1.0; n];
    let mut s = 0.0;
    for i in 0..n {
        s += buf[i] * x[i];
        if how == 0 {
            buf.clear();
        } else {
            buf.truncate(1);
        }
    }
    s
}

/// The same in a straight-line body (the form the guard applies to).
#[differentiable(wrt(x))]
fn popped_buffer(x: &[f64], n: usize) -> f64 {
    let mut buf = vec![1.0; n];
    let mut s = 0.0;
    for i in 0..n {
        s += buf[i] * x[i];
        let _last = buf.pop();
    }
    s
}

#[test]
fn buffers_resized_by_methods_keep_their_checks() {
    let x = vec![0.5, 1.5, -0.5];
    for how in [0, 1] {
        let primal = same_panic(
            || shrinking_buffer(&x, 3, how),
            || shrinking_buffer_grad(&x, 3, how),
        );
        assert!(primal.contains("out of bounds"), "{primal}");
    }
    let primal = same_panic(|| popped_buffer(&x, 3), || popped_buffer_grad(&x, 3));
    assert!(primal.contains("out of bounds"), "{primal}");
    // In bounds (one iteration): the gradient is x's coefficient, 1.
    let (v, g) = popped_buffer_grad(&x[..1], 1);
    assert_near(v, 0.5, "value");
    closed(&g, &[1.0], "grad");
}
