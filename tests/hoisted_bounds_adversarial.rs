//! Adversarial tests of the bounds-check hoisting (`ad-macros/src/reverse/hoist.rs`), next to
//! the basic ones in `hoisted_bounds.rs`.
//!
//! Every function is checked on in-bounds inputs (gradient against central finite differences
//! and, where easy, a closed form) and on out-of-bounds inputs, where `f_grad` must panic
//! exactly like the primal `f` (same message, compared through `catch_unwind`), or succeed
//! exactly when the primal does (release builds wrap some index computations that panic in
//! debug builds). Run in debug and in release (`cargo test --release --test hoisted_bounds_adversarial`).

#![allow(
    clippy::needless_range_loop,
    clippy::assign_op_pattern,
    clippy::identity_op,
    clippy::ptr_arg,
    clippy::erasing_op,
    dead_code
)]

mod common;

use ad_runtime::differentiable;
use common::*;

// ---- helpers ---------------------------------------------------------------------------------

/// The primal and the gradient both panic with the same message, or both return (the same
/// value, when `value` extracts it from the gradient's result). Returns the primal's outcome.
#[track_caller]
fn same_outcome<G>(
    what: &str,
    primal: impl FnOnce() -> f64,
    grad: impl FnOnce() -> G,
    value: impl Fn(&G) -> f64,
) -> Result<f64, String> {
    let p = outcome(primal);
    let g = outcome(grad);
    match (&p, &g) {
        (Err(a), Err(b)) => assert_eq!(b, a, "{what}: gradient panics differently from the primal"),
        (Ok(a), Ok(b)) => {
            let v = value(b);
            assert!(
                v == *a || (v - a).abs() <= 1e-9 * a.abs().max(1.0),
                "{what}: value {v} vs primal {a}"
            );
        }
        (Err(a), Ok(_)) => panic!("{what}: primal panics ({a}) but the gradient returns"),
        (Ok(a), Err(b)) => panic!("{what}: primal returns {a} but the gradient panics ({b})"),
    }
    p
}

/// The primal panics (with `must_contain` in its message), and the gradient panics alike.
#[track_caller]
fn both_panic<G>(
    what: &str,
    must_contain: &str,
    primal: impl FnOnce() -> f64,
    grad: impl FnOnce() -> G,
) {
    let p = outcome(primal);
    let g = outcome(grad);
    let (Err(a), Err(b)) = (&p, &g) else {
        panic!(
            "{what}: expected both to panic, primal: {:?}, gradient: {}",
            p,
            if g.is_ok() { "returned" } else { "panicked" }
        );
    };
    assert!(a.contains(must_contain), "{what}: primal message {a:?}");
    assert_eq!(b, a, "{what}: gradient panics differently from the primal");
}

/// Whether index arithmetic panics on overflow in this build (debug) or wraps (release).
const OVERFLOW_CHECKS: bool = cfg!(debug_assertions);

fn sample(seed: u64, n: usize) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| rng.signed(0.2, 1.2)).collect()
}

// ---- 1. out of bounds only at the last iteration ----------------------------------------------

/// `x[i + 1]` reads one past the end at the last iteration when `n == x.len()`.
#[differentiable(wrt(x))]
fn last_read(x: &[f64], n: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        s += x[i] * x[i + 1].sin();
    }
    s
}

/// A hoisted write `buf[i + 1] = ..` past the end at the last iteration only.
#[differentiable(wrt(x))]
fn last_write(x: &[f64], n: usize, m: usize) -> f64 {
    let mut buf = vec![0.0; m];
    for i in 0..n {
        buf[i + 1] = x[i] * x[i];
    }
    let mut s = 0.0;
    for j in 0..m {
        s += buf[j] * (j as f64 + 1.0);
    }
    s
}

#[test]
fn out_of_bounds_at_the_last_iteration() {
    let x = sample(1, 6);
    let n = x.len();
    // In bounds: n - 1 iterations.
    let (v, g) = last_read_grad(&x, n - 1);
    assert_near(v, last_read(&x, n - 1), "last_read value");
    let mut e = vec![0.0; n];
    for i in 0..n - 1 {
        e[i] += x[i + 1].sin();
        e[i + 1] += x[i] * x[i + 1].cos();
    }
    closed(&g, &e, "last_read closed form");
    assert_fd(|x| last_read(x, n - 1), &x, &g, "last_read fd");
    // n iterations: the last one reads x[n].
    both_panic(
        "last_read n",
        "out of bounds",
        || last_read(&x, n),
        || last_read_grad(&x, n),
    );
    both_panic(
        "last_read n + 3",
        "out of bounds",
        || last_read(&x, n + 3),
        || last_read_grad(&x, n + 3),
    );
    // Writes: buf has m = n slots, n - 1 writes fit, n do not.
    let (v, g) = last_write_grad(&x, n - 1, n);
    assert_near(v, last_write(&x, n - 1, n), "last_write value");
    assert_fd(|x| last_write(x, n - 1, n), &x, &g, "last_write fd");
    both_panic(
        "last_write",
        "out of bounds",
        || last_write(&x, n, n),
        || last_write_grad(&x, n, n),
    );
    // The reads of x go out of bounds first when m is larger.
    both_panic(
        "last_write x",
        "out of bounds",
        || last_write(&x, n + 1, n + 5),
        || last_write_grad(&x, n + 1, n + 5),
    );
}

// ---- 2. out of bounds (or below zero) only at the first iteration ------------------------------

/// `x[i - k]` with `i` from `lo`: below zero at the first iteration only when `lo == k - 1`.
#[differentiable(wrt(x))]
fn first_sub(x: &[f64], lo: usize, k: usize) -> f64 {
    let mut s = 0.0;
    for i in lo..x.len() {
        s += x[i - k] * x[i];
    }
    s
}

/// `x[n - 1 - i]`: a decreasing index (not affine in the guard's sense: the subtrahend depends
/// on the iteration), out of bounds at the first iteration only when `n == x.len() + 1`.
#[differentiable(wrt(x))]
fn first_rev(x: &[f64], n: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        s += x[n - 1 - i] * (i as f64 + 1.0);
    }
    s
}

#[test]
fn out_of_bounds_at_the_first_iteration() {
    let x = sample(2, 7);
    let n = x.len();
    for (lo, k) in [(1, 1), (2, 1), (3, 3), (5, 0), (7, 2), (9, 2)] {
        let (v, g) = first_sub_grad(&x, lo, k);
        assert_near(v, first_sub(&x, lo, k), "first_sub value");
        let mut e = vec![0.0; n];
        for i in lo..n {
            e[i - k] += x[i];
            e[i] += x[i - k];
        }
        closed(&g, &e, "first_sub closed form");
        assert_fd(|x| first_sub(x, lo, k), &x, &g, "first_sub fd");
    }
    // Below zero at i = lo only: overflow panic (debug) or a huge index (release).
    for (lo, k) in [(0, 1), (2, 3), (0, usize::MAX)] {
        let msg = if OVERFLOW_CHECKS {
            "subtract with overflow"
        } else {
            "out of bounds"
        };
        both_panic(
            &format!("first_sub {lo} {k}"),
            msg,
            || first_sub(&x, lo, k),
            || first_sub_grad(&x, lo, k),
        );
    }
    let (v, g) = first_rev_grad(&x, n);
    assert_near(v, first_rev(&x, n), "first_rev value");
    let e: Vec<f64> = (0..n).map(|j| (n - j) as f64).collect();
    closed(&g, &e, "first_rev closed form");
    both_panic(
        "first_rev",
        "out of bounds",
        || first_rev(&x, n + 1),
        || first_rev_grad(&x, n + 1),
    );
}

// ---- 3. counters: run-time step, read before and after the step, step 0 ------------------------

/// `x[k]` before and after `k += step`, `w[j]` by the loop variable.
#[differentiable(wrt(x, w))]
fn counter_rw(x: &[f64], w: &[f64], m: usize, start: usize, step: usize) -> f64 {
    let mut k = start;
    let mut s = 0.0;
    for j in 0..m {
        s += w[j] * x[k];
        k += step;
        s += 0.5 * x[k] * w[j] * w[j];
    }
    s + k as f64 * 1e-3
}

fn counter_rw_expected(
    x: &[f64],
    w: &[f64],
    m: usize,
    start: usize,
    step: usize,
) -> (Vec<f64>, Vec<f64>) {
    let (mut ex, mut ew) = (vec![0.0; x.len()], vec![0.0; w.len()]);
    let mut k = start;
    for j in 0..m {
        ex[k] += w[j];
        ew[j] += x[k];
        k += step;
        ex[k] += 0.5 * w[j] * w[j];
        ew[j] += x[k] * w[j];
    }
    (ex, ew)
}

#[test]
fn counters_with_a_run_time_step() {
    let x = sample(3, 9);
    let w = sample(4, 5);
    for (m, start, step) in [
        (4, 0, 2),
        (5, 0, 1),
        (3, 2, 2),
        (4, 8, 0),
        (5, 0, 0),
        (2, 2, 3),
        (0, 100, 100),
        (1, 0, 8),
    ] {
        let what = format!("counter_rw m {m} start {start} step {step}");
        let (v, (gx, gw)) = counter_rw_grad(&x, &w, m, start, step);
        assert_near(v, counter_rw(&x, &w, m, start, step), &what);
        let (ex, ew) = counter_rw_expected(&x, &w, m, start, step);
        closed(&gx, &ex, &format!("{what} dx"));
        closed(&gw, &ew, &format!("{what} dw"));
        assert_fd(|x| counter_rw(x, &w, m, start, step), &x, &gx, &what);
        assert_fd(|w| counter_rw(&x, w, m, start, step), &w, &gw, &what);
    }
    // Out of bounds only for the read after the step, at the last iteration: x[9].
    both_panic(
        "counter_rw after-step read",
        "out of bounds",
        || counter_rw(&x, &w, 4, 1, 2),
        || counter_rw_grad(&x, &w, 4, 1, 2),
    );
    // Only the read before the step, at the first iteration.
    both_panic(
        "counter_rw before-step read",
        "out of bounds",
        || counter_rw(&x, &w, 3, 9, 0),
        || counter_rw_grad(&x, &w, 3, 9, 0),
    );
    // w out of bounds at the last iteration (m = 6 > w.len()).
    both_panic(
        "counter_rw w",
        "out of bounds",
        || counter_rw(&x, &w, 6, 0, 1),
        || counter_rw_grad(&x, &w, 6, 0, 1),
    );
    // A step that overflows the counter: `k += step` panics (debug) or wraps (release).
    for (m, start, step) in [
        (2, 1, usize::MAX),
        (3, 0, usize::MAX / 2 + 1),
        (2, 0, usize::MAX),
    ] {
        same_outcome(
            &format!("counter_rw overflow {m} {start} {step}"),
            || counter_rw(&x, &w, m, start, step),
            || counter_rw_grad(&x, &w, m, start, step),
            |r| r.0,
        )
        .ok();
    }
}

/// Two counters, one stepped by the other's initial value, one read through `let` copies taken
/// before the step and used after it.
#[differentiable(wrt(x))]
fn two_counters(x: &[f64], m: usize, a0: usize, b0: usize) -> f64 {
    let mut a = a0;
    let mut b = b0;
    let sa = b0;
    let mut s = 0.0;
    for _ in 0..m {
        let before = a;
        let twice = b * 2;
        a = a + sa;
        b = b + 1;
        s += x[before] * x[a] + x[twice] * x[b - 1];
    }
    s
}

#[test]
fn two_counters_and_copies() {
    let x = sample(5, 12);
    for (m, a0, b0) in [(3, 0, 1), (4, 1, 2), (2, 0, 0), (5, 0, 0), (5, 1, 0)] {
        let what = format!("two_counters {m} {a0} {b0}");
        let r = outcome(|| two_counters(&x, m, a0, b0));
        match r {
            Ok(v) => {
                let (gv, g) = two_counters_grad(&x, m, a0, b0);
                assert_near(gv, v, &what);
                assert_fd(|x| two_counters(x, m, a0, b0), &x, &g, &what);
            }
            Err(msg) => {
                let g = outcome(|| two_counters_grad(&x, m, a0, b0)).err();
                assert_eq!(g.as_deref(), Some(msg.as_str()), "{what}");
            }
        }
    }
    // x[twice] reaches 2 * (b0 + m - 1) = 12 at the last iteration only.
    both_panic(
        "two_counters twice",
        "out of bounds",
        || two_counters(&x, 4, 0, 3),
        || two_counters_grad(&x, 4, 0, 3),
    );
}

/// A counter stepped by 0 through a variable, over an inclusive range.
#[differentiable(wrt(x))]
fn step_zero(x: &[f64], k0: usize, hi: usize) -> f64 {
    let z = 0;
    let mut k = k0;
    let mut s = 0.0;
    for i in 0..=hi {
        s += x[k] * x[i];
        k = k + z;
    }
    s
}

#[test]
fn counter_with_step_zero() {
    let x = sample(6, 5);
    let (v, g) = step_zero_grad(&x, 2, 3);
    assert_near(v, step_zero(&x, 2, 3), "step_zero value");
    let mut e = vec![0.0; 5];
    for i in 0..=3 {
        e[2] += x[i];
        e[i] += x[2];
    }
    closed(&g, &e, "step_zero closed form");
    assert_fd(|x| step_zero(x, 2, 3), &x, &g, "step_zero fd");
    both_panic(
        "step_zero k",
        "out of bounds",
        || step_zero(&x, 5, 0),
        || step_zero_grad(&x, 5, 0),
    );
    both_panic(
        "step_zero i",
        "out of bounds",
        || step_zero(&x, 0, 5),
        || step_zero_grad(&x, 0, 5),
    );
}

/// A counter plus the loop variable (`coef = 1 + step`) and a multiple of the counter.
#[differentiable(wrt(x))]
fn counter_plus_var(x: &[f64], lo: usize, hi: usize, k0: usize, step: usize) -> f64 {
    let mut k = k0;
    let mut s = 0.0;
    for i in lo..hi {
        s += x[k + i] * x[2 * k];
        k += step;
    }
    s
}

#[test]
fn counter_plus_loop_variable() {
    let x = sample(23, 16);
    for (lo, hi, k0, step) in [(0, 4, 0, 1), (2, 5, 1, 2), (1, 6, 3, 0), (7, 7, 50, 50)] {
        let what = format!("counter_plus_var {lo} {hi} {k0} {step}");
        let (v, g) = counter_plus_var_grad(&x, lo, hi, k0, step);
        assert_near(v, counter_plus_var(&x, lo, hi, k0, step), &what);
        assert_fd(|x| counter_plus_var(x, lo, hi, k0, step), &x, &g, &what);
    }
    // Last iteration: k + i = 5 + 4 + 6 = 15 fits, 2 k = 2 * 8 = 16 does not.
    both_panic(
        "counter_plus_var 2k",
        "out of bounds",
        || counter_plus_var(&x, 4, 7, 4, 2),
        || counter_plus_var_grad(&x, 4, 7, 4, 2),
    );
    // k + i = 8, 10, .., 16 (2 k at most 14): out of bounds at the last iteration only.
    both_panic(
        "counter_plus_var k + i",
        "out of bounds",
        || counter_plus_var(&x, 5, 10, 3, 1),
        || counter_plus_var_grad(&x, 5, 10, 3, 1),
    );
}

// ---- 4. subtraction, multiplication --------------------------------------------------------

/// `x[(i + a) * b - c]` and `x[i - k]` with `i` from `k`.
#[differentiable(wrt(x))]
fn mixed_forms(x: &[f64], lo: usize, hi: usize, a: usize, b: usize, c: usize) -> f64 {
    let mut s = 0.0;
    for i in lo..hi {
        let j = (i + a) * b - c;
        s += x[j] * x[i - lo];
    }
    s
}

#[test]
fn subtraction_and_multiplication_forms() {
    let x = sample(7, 20);
    for (lo, hi, a, b, c) in [
        (0, 5, 1, 2, 2),
        (2, 6, 0, 3, 6),
        (1, 4, 2, 0, 0),
        (3, 3, 9, 9, 9),
        (0, 10, 0, 2, 0),
    ] {
        let what = format!("mixed_forms {lo} {hi} {a} {b} {c}");
        let (v, g) = mixed_forms_grad(&x, lo, hi, a, b, c);
        assert_near(v, mixed_forms(&x, lo, hi, a, b, c), &what);
        assert_fd(|x| mixed_forms(x, lo, hi, a, b, c), &x, &g, &what);
    }
    // (i + 1) * 2 - 0 = 20 at the last iteration of 0..10.
    both_panic(
        "mixed_forms last",
        "out of bounds",
        || mixed_forms(&x, 0, 10, 1, 2, 0),
        || mixed_forms_grad(&x, 0, 10, 1, 2, 0),
    );
    // (0 + 0) * 2 - 1 below zero at the first iteration only.
    let msg = if OVERFLOW_CHECKS {
        "overflow"
    } else {
        "out of bounds"
    };
    both_panic(
        "mixed_forms first",
        msg,
        || mixed_forms(&x, 0, 5, 0, 2, 1),
        || mixed_forms_grad(&x, 0, 5, 0, 2, 1),
    );
    // (i + a) * b overflows at the last iteration but the result after `- c` would be small
    // if wrapped: overflow panic (debug); in release the wrapped index is what the primal reads.
    let b = usize::MAX / 4 + 1; // 2^62
    same_outcome(
        "mixed_forms wrap",
        || mixed_forms(&x, 0, 5, 0, b, 0),
        || mixed_forms_grad(&x, 0, 5, 0, b, 0),
        |r| r.0,
    )
    .ok();
}

/// `x[i * i]`: not affine, must stay checked.
#[differentiable(wrt(x))]
fn square_index(x: &[f64], n: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        s += x[i * i] * x[i];
    }
    s
}

/// `x[i * k]` with `k` a copy of the loop variable made before a shadowing `let`.
#[differentiable(wrt(x))]
fn square_index_shadowed(x: &[f64], n: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        let k = i;
        let i = i * k;
        s += x[i];
    }
    s
}

#[test]
fn index_multiplied_by_the_loop_variable() {
    let x = sample(8, 10);
    let (v, g) = square_index_grad(&x, 4);
    assert_near(v, square_index(&x, 4), "square_index value");
    let mut e = vec![0.0; 10];
    for i in 0..4 {
        e[i * i] += x[i];
        e[i] += x[i * i];
    }
    closed(&g, &e, "square_index closed form");
    assert_fd(|x| square_index(x, 4), &x, &g, "square_index fd");
    both_panic(
        "square_index",
        "out of bounds",
        || square_index(&x, 5),
        || square_index_grad(&x, 5),
    );
    let (v, g) = square_index_shadowed_grad(&x, 4);
    assert_near(
        v,
        square_index_shadowed(&x, 4),
        "square_index_shadowed value",
    );
    assert_fd(
        |x| square_index_shadowed(x, 4),
        &x,
        &g,
        "square_index_shadowed fd",
    );
    both_panic(
        "square_index_shadowed",
        "out of bounds",
        || square_index_shadowed(&x, 5),
        || square_index_shadowed_grad(&x, 5),
    );
}

// ---- 5. inclusive ranges and usize::MAX ------------------------------------------------------

/// `lo..=usize::MAX`, reading `x[i - lo]`.
#[differentiable(wrt(x))]
fn to_max(x: &[f64], lo: usize) -> f64 {
    let mut s = 0.0;
    for i in lo..=usize::MAX {
        s += x[i - lo] * x[i - lo];
    }
    s
}

/// `lo..=hi` with `x[i + 1 - lo]`: `i + 1` overflows at `i == usize::MAX` (a panic in debug
/// builds; in release builds the wrapped index is in bounds, for the primal and the gradient).
#[differentiable(wrt(x))]
fn to_hi_plus_one(x: &[f64], lo: usize, hi: usize) -> f64 {
    let mut s = 0.0;
    for i in lo..=hi {
        s += x[i + 1 - lo].sin();
    }
    s
}

/// A counter over an inclusive range whose trip count does not fit in `usize` when
/// `hi == usize::MAX` and `lo == 0` (the guard's `size_hint` saturates): step 1 fails the
/// guard (the primal panics at `x[len]`).
#[differentiable(wrt(x))]
fn counter_to_max(x: &[f64], lo: usize, hi: usize, step: usize) -> f64 {
    let mut k = 0;
    let mut s = 0.0;
    for _ in lo..=hi {
        s += x[k];
        k += step;
    }
    s
}

#[test]
fn inclusive_ranges_up_to_usize_max() {
    let x = sample(9, 4);
    let m = usize::MAX;
    // Two and four iterations: in bounds.
    for lo in [m - 1, m - 3, m] {
        let what = format!("to_max {lo}");
        let (v, g) = to_max_grad(&x, lo);
        assert_near(v, to_max(&x, lo), &what);
        let mut e = vec![0.0; 4];
        for t in 0..=(m - lo) {
            e[t] = 2.0 * x[t];
        }
        closed(&g, &e, &what);
        assert_fd(|x| to_max(x, lo), &x, &g, &what);
    }
    // Six iterations over four elements, and 2^64 iterations (must not hang: the fifth read
    // is out of bounds).
    for lo in [m - 5, 0, 1] {
        both_panic(
            &format!("to_max {lo}"),
            "out of bounds",
            || to_max(&x, lo),
            || to_max_grad(&x, lo),
        );
    }
    // i + 1 - lo: in bounds except for the overflow of i + 1 at usize::MAX.
    for (lo, hi) in [(m - 2, m - 1), (5, 7), (m - 2, m)] {
        same_outcome(
            &format!("to_hi_plus_one {lo} {hi}"),
            || to_hi_plus_one(&x, lo, hi),
            || to_hi_plus_one_grad(&x, lo, hi),
            |r| r.0,
        )
        .ok();
    }
    let (v, g) = to_hi_plus_one_grad(&x, m - 2, m - 1);
    closed(
        &g,
        &[0.0, x[1].cos(), x[2].cos(), 0.0],
        "to_hi_plus_one closed form",
    );
    assert_near(v, x[1].sin() + x[2].sin(), "to_hi_plus_one value");
    // Release builds wrap i + 1 to 0 at i = usize::MAX: indices 1, 2, 3 (x[3] = x[0 - lo]).
    if !OVERFLOW_CHECKS {
        let (v, g) = to_hi_plus_one_grad(&x, m - 2, m);
        assert_near(v, to_hi_plus_one(&x, m - 2, m), "to_hi_plus_one wrap");
        assert_fd(
            |x| to_hi_plus_one(x, m - 2, m),
            &x,
            &g,
            "to_hi_plus_one wrap fd",
        );
    }
    // Empty inclusive ranges.
    let (v, g) = to_hi_plus_one_grad(&x, 10, 3);
    assert_eq!(v, 0.0);
    closed(&g, &[0.0; 4], "empty inclusive");
    // Counters: step 1 over 2^64 iterations panics at x[4]; small ranges are fine.
    both_panic(
        "counter_to_max 0..=MAX",
        "out of bounds",
        || counter_to_max(&x, 0, m, 1),
        || counter_to_max_grad(&x, 0, m, 1),
    );
    both_panic(
        "counter_to_max MAX-4..=MAX",
        "out of bounds",
        || counter_to_max(&x, m - 4, m, 1),
        || counter_to_max_grad(&x, m - 4, m, 1),
    );
    let (v, g) = counter_to_max_grad(&x, m - 3, m, 1);
    assert_near(v, counter_to_max(&x, m - 3, m, 1), "counter_to_max");
    closed(&g, &[1.0; 4], "counter_to_max");
    let (v, g) = counter_to_max_grad(&x, m - 1, m, 3);
    assert_near(v, x[0] + x[3], "counter_to_max step 3");
    closed(&g, &[1.0, 0.0, 0.0, 1.0], "counter_to_max step 3");
}

// ---- 6. loops with break / continue / return (not hoisted) ----------------------------------

#[differentiable(wrt(x))]
fn with_break(x: &[f64], n: usize, stop: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        if i == stop {
            break;
        }
        s += x[i] * x[i + 1];
    }
    s
}

#[differentiable(wrt(x))]
fn with_continue(x: &[f64], n: usize, skip: usize) -> f64 {
    let mut s = 0.0;
    let mut k = 0;
    for i in 0..n {
        k += 1;
        if i == skip {
            continue;
        }
        s += x[i] * x[k];
    }
    s
}

#[differentiable(wrt(x))]
fn with_return(x: &[f64], n: usize, at: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        s += x[i].sin() * x[i + 1];
        if i == at {
            return s * 2.0;
        }
    }
    s
}

/// An unconditional `break` at the end of the body (straight-line otherwise).
#[differentiable(wrt(x))]
fn unconditional_break(x: &[f64], n: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        s += x[i + 3] * x[i];
        break;
    }
    s
}

#[test]
fn early_exits() {
    let x = sample(10, 6);
    let n = x.len();
    // The loop would read x[n] at its last iteration, but stops before.
    for stop in [0, 2, n - 1] {
        let (v, g) = with_break_grad(&x, n, stop);
        assert_near(v, with_break(&x, n, stop), "with_break");
        assert_fd(|x| with_break(x, n, stop), &x, &g, "with_break fd");
    }
    both_panic(
        "with_break",
        "out of bounds",
        || with_break(&x, n, n),
        || with_break_grad(&x, n, n),
    );
    // k = i + 1: x[n] at the last iteration, unless that one is skipped.
    let (v, g) = with_continue_grad(&x, n, n - 1);
    assert_near(v, with_continue(&x, n, n - 1), "with_continue");
    assert_fd(|x| with_continue(x, n, n - 1), &x, &g, "with_continue fd");
    both_panic(
        "with_continue",
        "out of bounds",
        || with_continue(&x, n, 0),
        || with_continue_grad(&x, n, 0),
    );
    for at in [0, 3, n - 2] {
        let (v, g) = with_return_grad(&x, n, at);
        assert_near(v, with_return(&x, n, at), "with_return");
        assert_fd(|x| with_return(x, n, at), &x, &g, "with_return fd");
    }
    both_panic(
        "with_return",
        "out of bounds",
        || with_return(&x, n, n),
        || with_return_grad(&x, n, n),
    );
    // One iteration only, reading x[3]: fine although i + 3 would be out of bounds at the end
    // of the range.
    let (v, g) = unconditional_break_grad(&x, 100);
    assert_near(v, x[3] * x[0], "unconditional_break");
    assert_fd(
        |x| unconditional_break(x, 100),
        &x,
        &g,
        "unconditional_break fd",
    );
    both_panic(
        "unconditional_break",
        "out of bounds",
        || unconditional_break(&x[..3], 100),
        || unconditional_break_grad(&x[..3], 100),
    );
}

// ---- 7. local buffers written then read --------------------------------------------------------

/// A recurrence through a local buffer: `buf[i + 1] = buf[i] * a + x[i]`, read back shifted.
#[differentiable(wrt(x))]
fn recurrence(x: &[f64], n: usize, len: usize, shift: usize) -> f64 {
    let mut buf = vec![0.5; len];
    for i in 0..n {
        buf[i + 1] = buf[i] * 0.9 + x[i] * x[i];
    }
    let mut s = 0.0;
    for j in shift..len {
        s += buf[j - shift] * buf[j];
    }
    for j in 0..n {
        buf[j] += x[j];
    }
    s + buf[0] * buf[n - 1]
}

#[test]
fn local_buffers() {
    let x = sample(11, 6);
    for (n, len, shift) in [(5, 6, 1), (5, 6, 0), (3, 9, 4), (1, 2, 2)] {
        let what = format!("recurrence {n} {len} {shift}");
        let (v, g) = recurrence_grad(&x, n, len, shift);
        assert_near(v, recurrence(&x, n, len, shift), &what);
        assert_fd(|x| recurrence(x, n, len, shift), &x, &g, &what);
    }
    // buf[n] = .. with len == n: out of bounds at the last write.
    both_panic(
        "recurrence write",
        "out of bounds",
        || recurrence(&x, 6, 6, 1),
        || recurrence_grad(&x, 6, 6, 1),
    );
    // buf[j - shift] below zero at the first iteration (shift > 0, loop from 0): written as
    // j from shift, so instead a length too short for n: buf[0..n) in the third loop.
    both_panic(
        "recurrence third loop",
        "out of bounds",
        || recurrence(&x, 5, 4, 0),
        || recurrence_grad(&x, 5, 4, 0),
    );
}

// ---- 8. Vec<f64>, &Vec<f64>, [f64; N] --------------------------------------------------------

#[differentiable(wrt(x))]
fn vec_param(x: Vec<f64>, k: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 2 {
        s += x[i + k] * x[i + 1];
    }
    s
}

#[differentiable(wrt(x, w))]
fn vec_ref_params(x: &Vec<f64>, w: &Vec<f64>, k: usize) -> f64 {
    let mut s = 0.0;
    let mut c = k;
    for i in 0..w.len() {
        s += x[c] * w[i];
        c += 1;
    }
    s
}

#[differentiable(wrt(x))]
fn array_param(x: [f64; 5], k: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..3 {
        s += x[i + k] * x[i];
    }
    s
}

#[differentiable(wrt(x))]
fn array_ref_param(x: &[f64; 5], k: usize) -> f64 {
    let mut b = [0.0; 4];
    for i in 0..4 {
        b[i] = x[i + k] * 2.0;
    }
    let mut s = 0.0;
    for i in 0..4 {
        s += b[i] * b[i];
    }
    s
}

#[test]
fn vec_and_array_parameters() {
    let x = sample(12, 6);
    for k in [0, 1, 2] {
        let (v, g) = vec_param_grad(x.clone(), k);
        assert_near(v, vec_param(x.clone(), k), "vec_param");
        assert_fd(|x| vec_param(x.to_vec(), k), &x, &g, "vec_param fd");
    }
    both_panic(
        "vec_param",
        "out of bounds",
        || vec_param(x.clone(), 3),
        || vec_param_grad(x.clone(), 3),
    );
    let w = sample(13, 4);
    for k in [0, 1, 2] {
        let (v, (gx, gw)) = vec_ref_params_grad(&x, &w, k);
        assert_near(v, vec_ref_params(&x, &w, k), "vec_ref_params");
        assert_fd(
            |x| vec_ref_params(&x.to_vec(), &w, k),
            &x,
            &gx,
            "vec_ref fd x",
        );
        assert_fd(
            |w| vec_ref_params(&x, &w.to_vec(), k),
            &w,
            &gw,
            "vec_ref fd w",
        );
    }
    both_panic(
        "vec_ref_params",
        "out of bounds",
        || vec_ref_params(&x, &w, 3),
        || vec_ref_params_grad(&x, &w, 3),
    );
    let a = [0.3, -0.8, 1.1, 0.6, -0.4];
    for k in [0, 1, 2] {
        let (v, g): (f64, [f64; 5]) = array_param_grad(a, k);
        assert_near(v, array_param(a, k), "array_param");
        let f = |p: &[f64]| array_param(p.try_into().unwrap(), k);
        assert_fd(f, &a, &g, "array_param fd");
        let (v, g) = array_ref_param_grad(&a, k.min(1));
        assert_near(v, array_ref_param(&a, k.min(1)), "array_ref_param");
        let f = |p: &[f64]| array_ref_param(p.try_into().unwrap(), k.min(1));
        assert_fd(f, &a, &g, "array_ref_param fd");
    }
    both_panic(
        "array_param",
        "out of bounds",
        || array_param(a, 3),
        || array_param_grad(a, 3),
    );
    both_panic(
        "array_ref_param",
        "out of bounds",
        || array_ref_param(&a, 2),
        || array_ref_param_grad(&a, 2),
    );
}

// ---- 9. nested loops whose inner range depends on the outer variable --------------------------

/// `x[i * n + j]` for `j` in `i..n`, and `x[j * n + i + extra]`: out of bounds only at the
/// very last inner iteration of the last outer iteration when `extra == 1`.
#[differentiable(wrt(x))]
fn upper_triangle(x: &[f64], n: usize, extra: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        for j in i..n {
            s += x[i * n + j] * x[j * n + i + extra];
        }
    }
    s
}

/// A packed lower triangle (with diagonal) walked by a counter carried across outer iterations.
#[differentiable(wrt(x, v))]
fn packed_lower(x: &[f64], v: &[f64], n: usize) -> f64 {
    let mut idx = 0;
    let mut y = vec![0.0; n];
    for i in 0..n {
        for j in 0..=i {
            y[i] += x[idx] * v[j];
            idx += 1;
        }
    }
    let mut s = 0.0;
    for i in 0..n {
        s += y[i] * y[i];
    }
    s
}

#[test]
fn nested_dependent_ranges() {
    let n = 4;
    let x = sample(14, n * n);
    for extra in [0] {
        let (v, g) = upper_triangle_grad(&x, n, extra);
        assert_near(v, upper_triangle(&x, n, extra), "upper_triangle");
        assert_fd(|x| upper_triangle(x, n, extra), &x, &g, "upper_triangle fd");
    }
    both_panic(
        "upper_triangle",
        "out of bounds",
        || upper_triangle(&x, n, 1),
        || upper_triangle_grad(&x, n, 1),
    );
    let l = sample(15, n * (n + 1) / 2);
    let v = sample(16, n);
    let (val, (gl, gv)) = packed_lower_grad(&l, &v, n);
    assert_near(val, packed_lower(&l, &v, n), "packed_lower");
    assert_fd(|l| packed_lower(l, &v, n), &l, &gl, "packed_lower fd l");
    assert_fd(|v| packed_lower(&l, v, n), &v, &gv, "packed_lower fd v");
    // One element short: the very last read is out of bounds.
    both_panic(
        "packed_lower",
        "out of bounds",
        || packed_lower(&l[..l.len() - 1], &v, n),
        || packed_lower_grad(&l[..l.len() - 1], &v, n),
    );
    both_panic(
        "packed_lower v",
        "out of bounds",
        || packed_lower(&l, &v[..n - 1], n),
        || packed_lower_grad(&l, &v[..n - 1], n),
    );
}

// ---- 10. integer index arrays ------------------------------------------------------------------

#[differentiable(wrt(x))]
fn permuted(x: &[f64], perm: &[usize]) -> f64 {
    let mut s = 0.0;
    for i in 0..perm.len() {
        s += x[perm[i]] * x[i];
    }
    s
}

/// An index array read through a counter, its entries offset by the loop variable.
#[differentiable(wrt(x))]
fn gathered(x: &[f64], idx: &[usize], m: usize) -> f64 {
    let mut s = 0.0;
    let mut c = 0;
    for i in 0..m {
        let p = idx[c] + i;
        s += x[p].cos();
        c += 1;
    }
    s
}

#[test]
fn index_arrays_stay_checked() {
    let x = sample(17, 5);
    let (v, g) = permuted_grad(&x, &[2, 0, 1, 4, 3]);
    assert_near(v, permuted(&x, &[2, 0, 1, 4, 3]), "permuted");
    assert_fd(|x| permuted(x, &[2, 0, 1, 4, 3]), &x, &g, "permuted fd");
    both_panic(
        "permuted",
        "out of bounds",
        || permuted(&x, &[2, 0, 1, 4, 5]),
        || permuted_grad(&x, &[2, 0, 1, 4, 5]),
    );
    both_panic(
        "permuted first",
        "out of bounds",
        || permuted(&x, &[7, 0, 1]),
        || permuted_grad(&x, &[7, 0, 1]),
    );
    let (v, g) = gathered_grad(&x, &[0, 3, 1], 3);
    assert_near(v, gathered(&x, &[0, 3, 1], 3), "gathered");
    assert_fd(|x| gathered(x, &[0, 3, 1], 3), &x, &g, "gathered fd");
    both_panic(
        "gathered",
        "out of bounds",
        || gathered(&x, &[0, 3, 3], 3),
        || gathered_grad(&x, &[0, 3, 3], 3),
    );
    both_panic(
        "gathered idx",
        "out of bounds",
        || gathered(&x, &[0, 0], 3),
        || gathered_grad(&x, &[0, 0], 3),
    );
}

// ---- 11. f32 ----------------------------------------------------------------------------------

#[differentiable(wrt(x))]
fn f32_counter(x: &[f32], n: usize, k: usize) -> f32 {
    let mut buf = vec![0.0f32; n];
    for i in 0..n {
        buf[i] = x[i + k] * x[i];
    }
    let mut s = 0.0f32;
    let mut c = 0;
    for _ in 0..n {
        s += buf[c].sin();
        c += 1;
    }
    s
}

fn f32_counter_f64(x: &[f64], n: usize, k: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        s += (x[i + k] * x[i]).sin();
    }
    s
}

#[test]
fn f32_loops() {
    let x64 = sample(18, 6);
    let x: Vec<f32> = x64.iter().map(|&v| v as f32).collect();
    let xr: Vec<f64> = x.iter().map(|&v| v as f64).collect();
    for (n, k) in [(6, 0), (5, 1), (3, 3)] {
        let (v, g) = f32_counter_grad(&x, n, k);
        // (Not `assert_eq!`: Miri perturbs `sin` by design.)
        let p = f32_counter(&x, n, k);
        assert!(
            (v - p).abs() <= 1e-5 * p.abs().max(1.0),
            "f32_counter value {v} vs {p}"
        );
        let g64: Vec<f64> = g.iter().map(|&v| v as f64).collect();
        let fd = fd_grad(|p| f32_counter_f64(p, n, k), &xr);
        assert_close_tol(&g64, &fd, 1e-4, "f32_counter");
    }
    let p = outcome(|| f32_counter(&x, 5, 2)).unwrap_err();
    let g = outcome(|| f32_counter_grad(&x, 5, 2)).unwrap_err();
    assert_eq!(g, p);
    assert!(p.contains("out of bounds"));
}

// ---- 12. checked ------------------------------------------------------------------------------

#[differentiable(wrt(x), checked)]
fn checked_counter(x: &[f64], m: usize, step: usize) -> f64 {
    let mut k = 0;
    let mut s = 0.0;
    for i in 0..m {
        s += x[k] * x[i + 1];
        k += step;
    }
    s
}

#[test]
fn checked_still_works() {
    let x = sample(19, 7);
    let (v, g) = checked_counter_grad(&x, 5, 1);
    assert_near(v, checked_counter(&x, 5, 1), "checked_counter");
    assert_fd(|x| checked_counter(x, 5, 1), &x, &g, "checked_counter fd");
    both_panic(
        "checked_counter",
        "out of bounds",
        || checked_counter(&x, 5, 2),
        || checked_counter_grad(&x, 5, 2),
    );
}

// ---- 13. loop variable shadowed, bounds changed inside the body --------------------------------

#[differentiable(wrt(x))]
fn shadowed_loop_var(x: &[f64], n: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        let i = i + 1;
        s += x[i] * x[i - 1];
    }
    s
}

/// The range's bounds are variables the body changes: the range was evaluated before.
#[differentiable(wrt(x))]
fn bounds_changed_in_body(x: &[f64], lo0: usize, hi0: usize) -> f64 {
    let mut lo = lo0;
    let mut hi = hi0;
    let mut s = 0.0;
    for i in lo..hi {
        s += x[i] * x[lo] + x[hi - 1];
        lo = lo + 1;
        hi = hi + 1;
    }
    s
}

#[test]
fn shadowing_and_moving_bounds() {
    let x = sample(20, 6);
    let (v, g) = shadowed_loop_var_grad(&x, 5);
    assert_near(v, shadowed_loop_var(&x, 5), "shadowed_loop_var");
    assert_fd(|x| shadowed_loop_var(x, 5), &x, &g, "shadowed_loop_var fd");
    both_panic(
        "shadowed_loop_var",
        "out of bounds",
        || shadowed_loop_var(&x, 6),
        || shadowed_loop_var_grad(&x, 6),
    );
    let (v, g) = bounds_changed_in_body_grad(&x, 1, 3);
    assert_near(
        v,
        bounds_changed_in_body(&x, 1, 3),
        "bounds_changed_in_body",
    );
    assert_fd(
        |x| bounds_changed_in_body(x, 1, 3),
        &x,
        &g,
        "bounds_changed fd",
    );
    // hi - 1 reaches 6 at the last of 4 iterations.
    both_panic(
        "bounds_changed_in_body",
        "out of bounds",
        || bounds_changed_in_body(&x, 0, 4),
        || bounds_changed_in_body_grad(&x, 0, 4),
    );
}

// ---- 14. a fused top-level loop with a hoisted body -------------------------------------------

#[differentiable(wrt(x, w))]
fn fused_like(x: &[f64], w: &[f64], k: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..w.len() {
        let t = x[i + k] * w[i];
        s = s + t.sin();
    }
    s * s
}

#[test]
fn fused_loop_hoisted() {
    let x = sample(21, 8);
    let w = sample(22, 5);
    for k in [0, 3] {
        let (v, (gx, gw)) = fused_like_grad(&x, &w, k);
        assert_near(v, fused_like(&x, &w, k), "fused_like");
        assert_fd(|x| fused_like(x, &w, k), &x, &gx, "fused_like fd x");
        assert_fd(|w| fused_like(&x, w, k), &w, &gw, "fused_like fd w");
    }
    both_panic(
        "fused_like",
        "out of bounds",
        || fused_like(&x, &w, 4),
        || fused_like_grad(&x, &w, 4),
    );
}

// ---- regressions of bugs found with this file ---------------------------------------------------

/// A user trait whose `last` takes `&mut self` and empties the `Vec`. Method resolution picks it
/// over the slice's `last` (it is found at the `&mut Vec<f64>` autoref step, before the deref to
/// `[f64]`). `fixed_length` once trusted the name `last` and kept `v` fixed-length, so the
/// hoisted loop read `v[1]` unchecked after `v` was emptied; a mutable binding now trusts only
/// `len`, `is_empty` and `capacity`.
pub trait Shrink {
    fn last(&mut self) -> usize;
}
impl Shrink for Vec<f64> {
    fn last(&mut self) -> usize {
        *self = Vec::new();
        0
    }
}

#[differentiable(wrt(x))]
fn shadowed_last(mut v: Vec<f64>, x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += v[i] * x[i];
        let _k = v.last();
    }
    s
}

/// Must panic like the primal (once: undefined behaviour in release builds).
#[test]
fn bug_trait_method_shadowing_keep_length() {
    let x = vec![1.0, 2.0, 3.0];
    let v = vec![4.0, 5.0, 6.0];
    both_panic(
        "shadowed_last",
        "out of bounds",
        || shadowed_last(v.clone(), &x),
        || shadowed_last_grad(v.clone(), &x),
    );
}

/// An index offset by a `&usize` (`usize + &usize` is valid Rust): the guard takes either.
#[differentiable(wrt(x))]
fn shifted_sum(x: &[f64], offsets: &[usize], m: usize) -> f64 {
    let k = &offsets[1];
    let mut s = 0.0;
    for i in 0..m {
        s += x[i + k] * x[i];
    }
    s
}

#[test]
fn index_offset_by_a_reference() {
    let x = vec![0.5, 1.5, -0.5, 2.0];
    let offsets = vec![0, 1];
    let (v, g) = shifted_sum_grad(&x, &offsets, 3);
    assert_near(v, shifted_sum(&x, &offsets, 3), "value");
    assert_fd(|x| shifted_sum(x, &offsets, 3), &x, &g, "shifted_sum");
    both_panic(
        "shifted_sum",
        "out of bounds",
        || shifted_sum(&x, &offsets, 4),
        || shifted_sum_grad(&x, &offsets, 4),
    );
}
