//! Loop fusion in `f_vjp` / `f_grad`: when the output cotangent is known before the forward
//! sweep, the reverse of a loop whose only loop-carried differentiated state is accumulators
//! (`s += e`, `s -= e`) runs inside the forward loop, one iteration at a time (see the module
//! docs of `ad-macros/src/reverse.rs`). `f_pullback` is unchanged, so every test compares the
//! fused `_grad`/`_vjp` with the split reverse mode (`_pullback` and its closure), which is
//! the same maths in another order, and with finite differences or a closed form.
//!
//! Which functions are fused is visible in the expansion snapshot `tests/expand/fusion.rs`;
//! the functions here that are not fused (a body that reads its accumulator, a scale after the
//! loop that the loop changes) check that the conservative fallback is still right.

#![allow(
    clippy::assign_op_pattern,
    clippy::needless_range_loop,
    clippy::ptr_arg,
    clippy::useless_vec
)]

mod common;

use ad_runtime::differentiable;
use common::*;

fn sample(seed: u64, n: usize) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| rng.signed(0.3, 1.3)).collect()
}

/// The fused gradient `(v, g)` of `primal` at `x` against the split reverse mode `(pv, pg)`
/// (tight: same maths, other summation order), finite differences, and the primal's value.
#[track_caller]
fn check(
    what: &str,
    primal: impl Fn(&[f64]) -> f64,
    x: &[f64],
    (v, g): (f64, Vec<f64>),
    (pv, pg): (f64, Vec<f64>),
) {
    assert_eq!(v, primal(x), "{what}: value of _grad is the primal's");
    assert_eq!(v, pv, "{what}: value of _grad is the pullback's");
    closed(
        &g,
        &pg,
        &format!("{what}: fused against split reverse mode"),
    );
    assert_fd(&primal, x, &g, what);
}

/// `f_pullback(..)` then its closure at `seed`, as `(value, cotangent of the first argument)`.
macro_rules! split {
    ($pb:ident($($arg:expr),*), $seed:expr) => {{
        let (v, back) = $pb($($arg),*);
        (v, back($seed).0)
    }};
}

// ---------------------------------------------------------------------------------------------
// Fused
// ---------------------------------------------------------------------------------------------

/// Three accumulators, `+=` and `-=`, combined linearly after the loop.
#[differentiable]
fn three_accumulators(x: &[f64]) -> f64 {
    let mut s = 0.0;
    let mut t = 1.0;
    let mut u = 0.0;
    for i in 0..x.len() {
        s += x[i] * x[i];
        t -= x[i].sin();
        u = u + x[i].exp();
        u = x[i] * 0.5 + u;
    }
    s + t - 0.25 * u
}

#[test]
fn several_accumulators() {
    for n in [1, 2, 7] {
        let x = sample(1, n);
        let what = format!("three_accumulators n={n}");
        check(
            &what,
            three_accumulators,
            &x,
            three_accumulators_grad(&x),
            split!(three_accumulators_pullback(&x), 1.0),
        );
        let closed_form: Vec<f64> = x
            .iter()
            .map(|&xi| 2.0 * xi - xi.cos() - 0.25 * (xi.exp() + 0.5))
            .collect();
        closed(&three_accumulators_grad(&x).1, &closed_form, &what);
    }
}

/// The accumulator scaled after the loop, by a literal and by a value computed before it
/// (not differentiated here: see `scale_with_its_gradient` for the differentiated one).
#[differentiable(wrt(x))]
fn scaled_after(x: &[f64], k: f64) -> f64 {
    let c = k * k;
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i].sin() * k;
    }
    let r = 2.0 * s;
    r * c + s / c
}

#[test]
fn accumulator_scaled_after_the_loop() {
    let x = sample(2, 5);
    let k = 0.7;
    check(
        "scaled_after",
        |x| scaled_after(x, k),
        &x,
        scaled_after_grad(&x, k),
        split!(scaled_after_pullback(&x, k), 1.0),
    );
    // Closed form: f = (2c + 1/c) S with S = k Σ sin x_i, c = k².
    let c = k * k;
    let want: Vec<f64> = x
        .iter()
        .map(|xi| (2.0 * c + 1.0 / c) * k * xi.cos())
        .collect();
    closed(
        &scaled_after_grad(&x, k).1,
        &want,
        "scaled_after: closed form",
    );
}

/// An `f32` function with a literal scale after the loop (its type comes from its uses).
#[differentiable]
fn scaled_f32(x: &[f32]) -> f32 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i] * x[i];
    }
    0.5 * s
}

#[test]
fn f32_accumulator_scaled_after_the_loop() {
    let x = [0.5f32, -1.25, 2.0];
    let (v, g) = scaled_f32_grad(&x);
    assert_eq!(v, scaled_f32(&x));
    let g: Vec<f64> = g.iter().map(|&v| v as f64).collect();
    let want: Vec<f64> = x.iter().map(|&v| v as f64).collect();
    assert_close_tol(&g, &want, 1e-6, "scaled_f32");
}

/// The accumulator starts from a differentiated value (the reverse of its initialisation
/// runs after the fused loop and reads the accumulator's adjoint).
#[differentiable]
fn from_active_start(x: &[f64]) -> f64 {
    let mut s = x[0] * x[1];
    for i in 1..x.len() {
        s -= x[i - 1] * x[i].cos();
    }
    s * 3.0
}

#[test]
fn accumulator_from_a_differentiated_start() {
    let x = sample(3, 6);
    check(
        "from_active_start",
        from_active_start,
        &x,
        from_active_start_grad(&x),
        split!(from_active_start_pullback(&x), 1.0),
    );
}

/// A value computed before the loop, read (not written) in it: its adjoint sums over the
/// iterations.
#[differentiable]
fn outer_value_read(x: &[f64]) -> f64 {
    let c = x[0].tanh();
    let mut s = 0.0;
    for i in 1..x.len() {
        s += c * x[i] + (c * x[i]).sin();
    }
    s
}

#[test]
fn value_from_before_the_loop() {
    let x = sample(4, 5);
    check(
        "outer_value_read",
        outer_value_read,
        &x,
        outer_value_read_grad(&x),
        split!(outer_value_read_pullback(&x), 1.0),
    );
}

/// Branches on differentiated values, a nested loop and a call inside the fused loop: their
/// per-iteration records (branch taken, inner trip count, callee pullback) are made and used
/// within the iteration.
#[differentiable]
fn sq_sin(a: f64, b: f64) -> f64 {
    (a * b).sin() + a * a
}

#[differentiable]
fn busy_body(x: &[f64], y: f64) -> f64 {
    let mut s = 0.0;
    let mut t = 0.0;
    for i in 0..x.len() {
        if x[i] > 0.0 {
            s += x[i] * y;
        } else if x[i] > -0.5 {
            s -= x[i].exp();
        } else {
            t += x[i] * x[i];
        }
        for j in 0..i {
            t += x[j] * x[i] * 0.1;
        }
        let u = sq_sin(x[i], y);
        s += u * u;
    }
    s - 2.0 * t
}

#[test]
fn branches_nested_loops_and_calls_in_the_fused_loop() {
    let mut rng = Rng::new(5);
    for _ in 0..3 {
        let x: Vec<f64> = (0..6).map(|_| rng.signed(0.05, 1.2)).collect();
        let y = rng.signed(0.3, 1.0);
        let (v, (gx, gy)) = busy_body_grad(&x, y);
        let (pv, back) = busy_body_pullback(&x, y);
        let (pgx, pgy) = back(1.0);
        assert_eq!(v, pv);
        assert_eq!(v, busy_body(&x, y));
        closed(&gx, &pgx, "busy_body x: fused against split");
        closed(&[gy], &[pgy], "busy_body y: fused against split");
        let mut p = x.clone();
        p.push(y);
        let mut g = gx.clone();
        g.push(gy);
        assert_fd(|q| busy_body(&q[..6], q[6]), &p, &g, "busy_body");
    }
}

/// A `while` loop with an integer counter, and `break`/`continue`.
#[differentiable]
fn while_counter(x: &[f64]) -> f64 {
    let mut s = 0.0;
    let mut i = 0;
    while i < x.len() {
        let xi = x[i];
        i += 1;
        if xi < -1.0 {
            continue;
        }
        if xi > 1.2 {
            break;
        }
        s += xi * xi.sin();
    }
    s
}

#[test]
fn while_loop_with_break_and_continue() {
    for (k, x) in [
        vec![0.3, -1.1, 0.8, 1.25, 0.5],
        vec![0.3, 0.9, -0.7],
        vec![-1.5, -1.2],
    ]
    .into_iter()
    .enumerate()
    {
        check(
            &format!("while_counter {k}"),
            while_counter,
            &x,
            while_counter_grad(&x),
            split!(while_counter_pullback(&x), 1.0),
        );
    }
}

/// Neighbour accesses (`x[i]`, `x[i + 1]`) over an inclusive range that does not start at 0:
/// the fused loop carries the part for `x̄[i + 1]` forwards.
#[differentiable]
fn neighbours_inclusive(x: &[f64], lo: usize, hi: usize) -> f64 {
    let mut s = 0.0;
    for i in lo..=hi {
        let d = x[i + 1] - x[i] * x[i];
        s += d * d + (1.0 - x[i]).powi(2);
    }
    s
}

#[test]
fn neighbour_carry_in_the_fused_loop() {
    let x = sample(6, 7);
    for (lo, hi) in [(0, 5), (1, 4), (2, 2), (3, 1)] {
        let (v, g) = neighbours_inclusive_grad(&x, lo, hi);
        let (pv, back) = neighbours_inclusive_pullback(&x, lo, hi);
        let (pg, _, _) = back(1.0);
        assert_eq!(v, pv);
        closed(
            &g,
            &pg,
            &format!("neighbours {lo}..={hi}: fused against split"),
        );
        assert_fd(
            |q| neighbours_inclusive(q, lo, hi),
            &x,
            &g,
            &format!("neighbours {lo}..={hi}"),
        );
    }
}

/// The extended Rosenbrock function: fused gradient against the closed form.
#[differentiable]
fn rosen(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

#[test]
fn rosenbrock_closed_form() {
    for n in [1, 2, 3, 10] {
        let x = sample(7, n);
        let mut want = vec![0.0; n];
        for i in 0..n - 1 {
            let a = x[i + 1] - x[i] * x[i];
            want[i] += -400.0 * a * x[i] - 2.0 * (1.0 - x[i]);
            want[i + 1] += 200.0 * a;
        }
        let (v, g) = rosen_grad(&x);
        assert_eq!(v, rosen(&x));
        closed(&g, &want, &format!("rosen n={n}"));
        check(
            &format!("rosen n={n}"),
            rosen,
            &x,
            (v, g),
            split!(rosen_pullback(&x), 1.0),
        );
    }
}

/// A seed other than 1, and a tuple result: both accumulators' adjoints come from the seed.
#[differentiable]
fn two_sums(x: &[f64]) -> (f64, f64) {
    let mut s = 0.0;
    let mut q = 0.0;
    for i in 0..x.len() {
        s += x[i];
        q += x[i] * x[i];
    }
    (s, q)
}

#[test]
fn vjp_with_a_tuple_seed() {
    let x = sample(8, 4);
    let (v, g) = two_sums_vjp(&x, (0.5, -2.0));
    let (pv, back) = two_sums_pullback(&x);
    let (pg,) = back((0.5, -2.0));
    assert_eq!(v, pv);
    assert_eq!(v, two_sums(&x));
    closed(&g, &pg, "two_sums: fused against split");
    let want: Vec<f64> = x.iter().map(|xi| 0.5 - 4.0 * xi).collect();
    closed(&g, &want, "two_sums: closed form");
}

#[test]
fn vjp_scales_with_the_seed() {
    let x = sample(9, 5);
    let (_, g1) = three_accumulators_vjp(&x, 1.0);
    let (_, g3) = three_accumulators_vjp(&x, -3.0);
    let want: Vec<f64> = g1.iter().map(|g| -3.0 * g).collect();
    closed(&g3, &want, "three_accumulators_vjp(-3) = -3 * grad");
}

/// An accumulator that is a parameter.
#[differentiable]
fn param_accumulator(mut s: f64, x: &[f64]) -> f64 {
    for i in 0..x.len() {
        s += x[i] * x[i];
    }
    s * 2.0
}

#[test]
fn parameter_as_accumulator() {
    let x = sample(10, 4);
    let (v, (gs, gx)) = param_accumulator_grad(0.75, &x);
    let (pv, back) = param_accumulator_pullback(0.75, &x);
    let (pgs, pgx) = back(1.0);
    assert_eq!(v, pv);
    assert_eq!(v, param_accumulator(0.75, &x));
    closed(&[gs], &[pgs], "param_accumulator s");
    closed(&gx, &pgx, "param_accumulator x");
    closed(&[gs], &[2.0], "param_accumulator s: closed form");
    let want: Vec<f64> = x.iter().map(|v| 4.0 * v).collect();
    closed(&gx, &want, "param_accumulator x: closed form");
}

/// A call to another differentiable function before the loop, whose value the loop reads:
/// the callee's pullback runs in the reverse of the statements before the loop.
#[differentiable]
fn call_before(x: &[f64]) -> f64 {
    let r = rosen(x);
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i].cos() * r;
    }
    s
}

#[test]
fn call_before_the_loop() {
    let x = sample(11, 5);
    check(
        "call_before",
        call_before,
        &x,
        call_before_grad(&x),
        split!(call_before_pullback(&x), 1.0),
    );
}

/// `log Σ exp(v_i)` (a callee taking a borrowed local buffer).
#[differentiable]
fn lse(v: &[f64]) -> f64 {
    let mut mx = v[0];
    for i in 1..v.len() {
        mx = mx.max(v[i]);
    }
    let mut s = 0.0;
    for i in 0..v.len() {
        s += (v[i] - mx).exp();
    }
    s.ln() + mx
}

/// A mixture-model-shaped objective: per point, scratch buffers filled whole before they
/// are read (`xc` inside the loop over components, `terms` by it), a call on a scratch
/// buffer, and after the loop a prior term that does not depend on it. The scratch buffers
/// carry nothing between points, so the loop over points is fused; the prior loop runs
/// before it.
#[differentiable(wrt(w))]
fn scratch_buffers(w: &[f64], pts: &[f64], d: usize, k: usize, n: usize) -> f64 {
    let mut xc = vec![0.0; d];
    let mut terms = vec![0.0; k];
    let mut total = 0.0;
    for p in 0..n {
        for c in 0..k {
            for j in 0..d {
                xc[j] = pts[p * d + j] - w[c * d + j];
            }
            let mut sq = 0.0;
            for j in 0..d {
                sq += xc[j] * xc[j] * w[c * d + j].cos();
            }
            terms[c] = -0.5 * sq;
        }
        total += lse(&terms);
    }
    let mut prior = 0.0;
    for i in 0..w.len() {
        prior += w[i] * w[i];
    }
    total - 0.1 * prior
}

/// The unchecked adjoint accesses of the generated code are `unsafe` blocks the macro allows
/// on the functions it generates: a module that denies `unsafe_code` still compiles.
#[deny(unsafe_code)]
mod denies_unsafe {
    use ad_runtime::differentiable;

    #[differentiable(wrt(x))]
    pub fn sum_of_fills(x: &[f64], d: usize) -> f64 {
        let mut b = vec![0.0; d];
        let mut s = 0.0;
        for i in 0..x.len() {
            for j in 0..d {
                b[j] = x[i] * x[(i + j) % x.len()];
            }
            for j in 0..d {
                s += b[j].sin();
            }
        }
        s
    }
}

#[test]
fn unchecked_code_under_deny_unsafe_code() {
    use denies_unsafe::*;
    let x = sample(25, 5);
    check(
        "sum_of_fills",
        |x| sum_of_fills(x, 3),
        &x,
        sum_of_fills_grad(&x, 3),
        split!(sum_of_fills_pullback(&x, 3), 1.0),
    );
}

#[test]
fn scratch_buffers_and_an_independent_tail() {
    let (d, k, n) = (3, 4, 7);
    let w = sample(21, d * k);
    let pts = sample(22, d * n);
    check(
        "scratch_buffers",
        |w| scratch_buffers(w, &pts, d, k, n),
        &w,
        scratch_buffers_grad(&w, &pts, d, k, n),
        split!(scratch_buffers_pullback(&w, &pts, d, k, n), 1.0),
    );
}

/// A buffer the loop fills only in part (`0..d - 1`), then reads whole: the last element
/// keeps its value from before the loop (a constant) and the others take the next element's
/// value of the previous iteration; an element read before the fill carries the previous
/// iteration's value. Neither buffer is scratch
/// space of one iteration; the gradient must still be right.
#[differentiable(wrt(x))]
fn carried_buffers(x: &[f64], d: usize) -> f64 {
    let mut part = vec![0.5; d];
    let mut prev = vec![0.0; d];
    let mut s = 0.0;
    for i in 0..x.len() {
        let carry = prev[0];
        for j in 0..d {
            prev[j] = x[i] * (j as f64 + 1.0) + carry;
        }
        for j in 0..d - 1 {
            part[j] = x[i] * part[j + 1];
        }
        for j in 0..d {
            s += part[j] * prev[j];
        }
    }
    s
}

#[test]
fn buffers_carried_between_iterations() {
    let x = sample(23, 5);
    check(
        "carried_buffers",
        |x| carried_buffers(x, 3),
        &x,
        carried_buffers_grad(&x, 3),
        split!(carried_buffers_pullback(&x, 3), 1.0),
    );
}

/// A statement after the loop that reads what the loop wrote stays after it; the one that
/// does not moves before it (and a buffer read after the loop is not scratch space).
#[differentiable]
fn tail_reads_buffer(x: &[f64]) -> f64 {
    let mut b = vec![0.0; 2];
    let mut s = 0.0;
    for i in 0..x.len() {
        for j in 0..2 {
            b[j] = x[i] * (j as f64 + 0.5);
        }
        s += b[0] * b[1];
    }
    let q = x[0].sin();
    s * q + b[1]
}

#[test]
fn tail_that_reads_the_loop_buffer() {
    let x = sample(24, 5);
    check(
        "tail_reads_buffer",
        tail_reads_buffer,
        &x,
        tail_reads_buffer_grad(&x),
        split!(tail_reads_buffer_pullback(&x), 1.0),
    );
}

/// A `while` loop with a scratch buffer filled in one branch and read only there, a call on
/// a sub-slice of it, and a write to the buffer after the call (so the call's pullback is
/// not kept: the callee runs again in the reverse sweep, after the buffer is restored).
#[differentiable(wrt(x))]
fn scratch_in_while(x: &[f64], d: usize) -> f64 {
    let mut buf = vec![0.0; d];
    let mut s = 0.0;
    let mut i = 0;
    while i < x.len() {
        if x[i] > 0.0 {
            for j in 0..d {
                buf[j] = x[i] * (j as f64 + 1.0) - x[(i + j) % x.len()];
            }
            s += lse(&buf[1..]);
            buf[0] = s * 0.0 + 2.0;
            s += buf[0] * x[i];
        } else {
            s -= x[i] * x[i];
        }
        i += 1;
    }
    s
}

#[test]
fn scratch_buffer_in_a_while_loop_branch() {
    let x = sample(26, 6);
    check(
        "scratch_in_while",
        |x| scratch_in_while(x, 3),
        &x,
        scratch_in_while_grad(&x, 3),
        split!(scratch_in_while_pullback(&x, 3), 1.0),
    );
}

// ---------------------------------------------------------------------------------------------
// Not fused (the fallback calls the pullback)
// ---------------------------------------------------------------------------------------------

/// The body reads its accumulator: its adjoint changes from iteration to iteration.
#[differentiable]
fn reads_accumulator(x: &[f64]) -> f64 {
    let mut s: f64 = 0.5;
    for i in 0..x.len() {
        s += x[i] * s.sin();
    }
    s
}

#[test]
fn body_that_reads_its_accumulator() {
    let x = sample(12, 5);
    check(
        "reads_accumulator",
        reads_accumulator,
        &x,
        reads_accumulator_grad(&x),
        split!(reads_accumulator_pullback(&x), 1.0),
    );
}

/// After the loop, the accumulator meets a value the loop also changes, and a nonlinear use.
#[differentiable]
fn nonlinear_after(x: &[f64]) -> f64 {
    let mut s = 0.0;
    let mut p = 1.0;
    for i in 0..x.len() {
        s += x[i];
        p = p * 0.5;
    }
    s * p + s.sin()
}

#[test]
fn adjoint_known_only_after_the_loop() {
    let x = sample(13, 4);
    check(
        "nonlinear_after",
        nonlinear_after,
        &x,
        nonlinear_after_grad(&x),
        split!(nonlinear_after_pullback(&x), 1.0),
    );
}

/// A scale `c` assigned after the loop: the reverse of `c * s` would read a value made after
/// the loop.
#[differentiable]
fn scale_assigned_after(x: &[f64], k: f64) -> f64 {
    let mut c = k;
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i] * x[i];
    }
    c = c * c + 1.0;
    c * s
}

#[test]
fn scale_assigned_after_the_loop() {
    let x = sample(14, 4);
    let k = 0.8;
    let (v, (gx, gk)) = scale_assigned_after_grad(&x, k);
    let (pv, back) = scale_assigned_after_pullback(&x, k);
    let (pgx, pgk) = back(1.0);
    assert_eq!(v, pv);
    assert_eq!(v, scale_assigned_after(&x, k));
    closed(&gx, &pgx, "scale_assigned_after x");
    closed(&[gk], &[pgk], "scale_assigned_after k");
    let c = k * k + 1.0;
    let sx: f64 = x.iter().map(|v| v * v).sum();
    closed(
        &[gk],
        &[2.0 * k * sx],
        "scale_assigned_after k: closed form",
    );
    let want: Vec<f64> = x.iter().map(|v| 2.0 * c * v).collect();
    closed(&gx, &want, "scale_assigned_after x: closed form");
}

/// A loop-carried buffer (written by element) is not an accumulator.
#[differentiable]
fn buffer_carried(x: &[f64]) -> f64 {
    let mut v = vec![0.0; 2];
    let mut s = 0.0;
    for i in 0..x.len() {
        v[i % 2] = v[i % 2] + x[i] * x[i];
        s += x[i];
    }
    s + v[0] * v[1]
}

#[test]
fn loop_carried_buffer() {
    let x = sample(15, 5);
    check(
        "buffer_carried",
        buffer_carried,
        &x,
        buffer_carried_grad(&x),
        split!(buffer_carried_pullback(&x), 1.0),
    );
}

/// A call after the loop (its pullback would be made after the loop), and a scale whose own
/// gradient reads the accumulator (`∂(r c)/∂c = r`).
#[differentiable]
fn scale_with_gradient(x: &[f64], k: f64) -> f64 {
    let c = k * k;
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i].sin() * k;
    }
    let r = 2.0 * s;
    r * c + rosen(x) * 0.5
}

#[test]
fn scale_with_its_gradient() {
    let x = sample(16, 5);
    let k = 0.7;
    let (v, (gx, gk)) = scale_with_gradient_grad(&x, k);
    let (pv, back) = scale_with_gradient_pullback(&x, k);
    let (pgx, pgk) = back(1.0);
    assert_eq!(v, pv);
    assert_eq!(v, scale_with_gradient(&x, k));
    closed(&gx, &pgx, "scale_with_gradient x");
    closed(&[gk], &[pgk], "scale_with_gradient k");
    let mut p = x.clone();
    p.push(k);
    let mut g = gx.clone();
    g.push(gk);
    assert_fd(
        |q| scale_with_gradient(&q[..5], q[5]),
        &p,
        &g,
        "scale_with_gradient",
    );
}

/// A loop after the accumulation loop that changes the accumulator other than by `+=`: its
/// reverse needs its trip count from its forward sweep, so the accumulation loop is not fused
/// (random programs found a fusion that read the count before it existed).
#[differentiable]
fn tail_loop_needs_its_count(x: f64, a: f64) -> f64 {
    let mut acc: f64 = 0.41;
    let mut m: usize = 0;
    while m < 4 {
        let p = (x * a).sin();
        acc += p * p.atan();
        m += 1;
    }
    for _ in (1..4).step_by(3) {
        acc = 0.5 * acc + a.cos();
    }
    acc + 0.25 * x.sin()
}

#[test]
fn loop_after_the_loop_with_a_recorded_count() {
    let (x, a) = (0.7, -0.4);
    let (v, (gx, ga)) = tail_loop_needs_its_count_grad(x, a);
    let (pv, back) = tail_loop_needs_its_count_pullback(x, a);
    let (px, pa) = back(1.0);
    assert_eq!(v, pv);
    assert_eq!(v, tail_loop_needs_its_count(x, a));
    closed(
        &[gx, ga],
        &[px, pa],
        "tail_loop_needs_its_count: vjp against pullback",
    );
    assert_fd(
        |p| tail_loop_needs_its_count(p[0], p[1]),
        &[x, a],
        &[gx, ga],
        "tail_loop_needs_its_count",
    );
}

/// Statements before the fused loop: a loop that records (the old `y` and `tanh`'s result)
/// followed by a recorded overwrite of `y` outside any loop. That push must check the tape's
/// room: the loop reserved only its own (random programs found it pushing unchecked).
#[differentiable]
fn head_push_after_a_loop(x: &[f64], n: usize) -> f64 {
    let mut y = x[0];
    let mut s = y;
    for _ in 1..=5 {
        let p = y / 0.64;
        y = y * p.tanh() + y;
    }
    let t = (-1.56 - x[1]).tanh();
    y -= (t * y).atan();
    let mut m: usize = 0;
    while m < n {
        s -= (t + t).asinh();
        m += 1;
    }
    y - s - t
}

#[test]
fn recorded_overwrite_after_a_loop_before_the_fused_loop() {
    let x = [-0.3825, -0.2489];
    check(
        "head_push_after_a_loop",
        |x| head_push_after_a_loop(x, 4),
        &x,
        head_push_after_a_loop_grad(&x, 4),
        split!(head_push_after_a_loop_pullback(&x, 4), 1.0),
    );
}

#[differentiable]
fn sq0(v: &[f64]) -> f64 {
    v[0] * v[0]
}

/// A call on a buffer before the loop that then uses the buffer as scratch space: the call's
/// reverse (after the loop) runs the callee again on the buffer, which must hold its value
/// from before the loop again (found by tests/gen/gen_random_fusion_programs.py).
#[differentiable]
fn call_on_buffer_before_scratch_loop(x: &[f64]) -> f64 {
    let mut b = vec![0.0; 1];
    b[0] = x[0];
    let h = sq0(&b);
    let mut s = 0.0;
    for i in 0..x.len() {
        for j in 0..1 {
            b[j] = x[i];
        }
        s += b[0];
    }
    s + h
}

#[test]
fn buffer_used_before_it_becomes_scratch_space() {
    let x = [0.5, 2.0];
    let (v, g) = call_on_buffer_before_scratch_loop_grad(&x);
    closed(
        &g,
        &[2.0 * x[0] + 1.0, 1.0],
        "call_on_buffer_before_scratch_loop",
    );
    check(
        "call_on_buffer_before_scratch_loop",
        call_on_buffer_before_scratch_loop,
        &x,
        (v, g),
        split!(call_on_buffer_before_scratch_loop_pullback(&x), 1.0),
    );
}
