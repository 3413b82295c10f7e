//! Where the time of the generated Rosenbrock gradient goes: hand-made copies of the
//! expansion in `tests/expand/rosenbrock.expanded.rs` (as of the ad-macros snapshot that
//! file records), each with ONE generated construct changed, timed against the real
//! `rosen_grad`, the hand-written gradient and the primal.
//!
//!   cargo run --release --manifest-path benches/Cargo.toml --example anatomy [REPS] [N]
//!
//! This is a diagnostic, not a benchmark of the macro: when the expansion changes, the copies
//! here go stale (the `generated` row always measures the real macro output).

#![allow(clippy::assign_op_pattern)] // the copies keep the expansion's `s = s + t`

use std::hint::black_box;
use std::time::Instant;

use ad_benches::{input, max_rel_diff, rosen, rosen_grad, rosen_hand_grad, rosen_pullback};
use ad_runtime::__private as p;

// Knobs for the reverse sweep (bits of the const parameter `M`), each removing one generated
// construct:
/// Local adjoint slots start at (and `take` leaves) `-0.0`, the exact IEEE additive identity,
/// so `zero + g` folds to `g` without fast-math (with `+0.0` it cannot: `0.0 + -0.0 == +0.0`).
const NEG_ZERO: u8 = 1;
/// `d_x[i] += g` instead of `acc_index` (no grow-if-shorter check; indexing still checked).
const PLAIN_INDEX_ACC: u8 = 2;
/// The reverse loop runs over `(0..x.len() - 1).rev()` (trip count known to LLVM) instead of
/// `0..tape.pop()` mapped through `range_up`, so bounds checks can be hoisted.
const KNOWN_TRIP: u8 = 4;
/// The gradient buffer is `vec![0.0; x.len()]` written inline (what `#[inline]` on
/// `Differentiable::zero_tangent` would give), so LLVM knows `d_x.len() == x.len()`.
const INLINE_ZERO_LIKE: u8 = 8;
/// The seed is the constant `1.0` (what `#[inline]` on `rosen_vjp` gives to `rosen_grad`).
const CONST_SEED: u8 = 16;
const ALL: u8 = 31;

#[inline(always)]
fn z<const M: u8>() -> f64 {
    if M & NEG_ZERO != 0 { -0.0 } else { p::zero() }
}

#[inline(always)]
fn take<const M: u8>(d: &mut f64) -> f64 {
    core::mem::replace(d, z::<M>())
}

#[inline(always)]
fn acc_ix<const M: u8>(d: &mut Vec<f64>, i: usize, g: f64) {
    if M & PLAIN_INDEX_ACC != 0 {
        d[i] += g;
    } else {
        p::acc_index(d, i, g);
    }
}

/// The reverse sweep of the expansion (statement for statement), under the knobs `M`.
#[inline(always)]
fn reverse<const M: u8>(x: &[f64], seed: f64, iters: usize) -> Vec<f64> {
    let seed = if M & CONST_SEED != 0 { 1.0 } else { seed };
    let mut d_x = if M & INLINE_ZERO_LIKE != 0 { vec![0.0; x.len()] } else { p::zero_like(&x) };
    let mut d_s = z::<M>();
    p::acc(&mut d_s, seed);
    let n_rev = if M & KNOWN_TRIP != 0 { x.len() - 1 } else { iters };
    for kk in (0..n_rev).rev() {
        let i = if M & KNOWN_TRIP != 0 { kk } else { p::range_up(0usize, kk) };
        let v6 = i + 1;
        let v7 = x[v6];
        let v8 = x[i];
        let v9 = x[i];
        let v10 = v8 * v9;
        let a = v7 - v10;
        let v11 = x[i];
        let b = 1.0 - v11;
        let v12 = 100.0 * a;
        let (mut d_v7, mut d_v8, mut d_v9, mut d_v10, mut d_a) = (z::<M>(), z::<M>(), z::<M>(), z::<M>(), z::<M>());
        let (mut d_v11, mut d_b, mut d_v12, mut d_v13, mut d_v14, mut d_v15) =
            (z::<M>(), z::<M>(), z::<M>(), z::<M>(), z::<M>(), z::<M>());
        { let g = take::<M>(&mut d_s); p::acc(&mut d_s, p::add_d0(g)); p::acc(&mut d_v15, p::add_d1(g)); }
        { let g = take::<M>(&mut d_v15); p::acc(&mut d_v13, p::add_d0(g)); p::acc(&mut d_v14, p::add_d1(g)); }
        { let g = take::<M>(&mut d_v14); p::acc(&mut d_b, p::mul_d0(&b, g)); p::acc(&mut d_b, p::mul_d1(&b, g)); }
        { let g = take::<M>(&mut d_v13); p::acc(&mut d_v12, p::mul_d0(&a, g)); p::acc(&mut d_a, p::mul_d1(&v12, g)); }
        { let g = take::<M>(&mut d_v12); p::acc(&mut d_a, p::mul_d1(&(100.0), g)); }
        { let g = take::<M>(&mut d_b); p::acc(&mut d_v11, p::sub_d1(g)); }
        { let g = take::<M>(&mut d_v11); acc_ix::<M>(&mut d_x, i, g); }
        { let g = take::<M>(&mut d_a); p::acc(&mut d_v7, p::sub_d0(g)); p::acc(&mut d_v10, p::sub_d1(g)); }
        { let g = take::<M>(&mut d_v10); p::acc(&mut d_v8, p::mul_d0(&v9, g)); p::acc(&mut d_v9, p::mul_d1(&v8, g)); }
        { let g = take::<M>(&mut d_v9); acc_ix::<M>(&mut d_x, i, g); }
        { let g = take::<M>(&mut d_v8); acc_ix::<M>(&mut d_x, i, g); }
        { let g = take::<M>(&mut d_v7); acc_ix::<M>(&mut d_x, v6, g); }
    }
    d_x
}

/// The forward sweep of the expansion, verbatim: a `Tape` (a droppable `Vec`) is live across
/// the loop, so every bounds-check panic in the loop gets an unwind cleanup edge.
#[inline(never)]
fn forward_as_generated(x: &[f64]) -> (f64, p::Tape<usize>) {
    let mut tape = p::Tape::new();
    let mut s = 0.0;
    let mut iters: usize = 0;
    for i in 0..x.len() - 1 {
        iters += 1;
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s = s + (100.0 * a * a + b * b);
    }
    tape.push(iters);
    (s, tape)
}

/// The same with the tape declared at its first push (after the loop); a plain `usize`
/// local for the trip count behaves the same.
#[inline(never)]
fn forward_tape_after_loop(x: &[f64]) -> (f64, p::Tape<usize>) {
    let mut s = 0.0;
    let mut iters: usize = 0;
    for i in 0..x.len() - 1 {
        iters += 1;
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s = s + (100.0 * a * a + b * b);
    }
    let mut tape = p::Tape::new();
    tape.push(iters);
    (s, tape)
}

/// The same with the tape held as `ManuallyDrop` during the forward sweep (leaks it if the
/// user's code panics; the pullback takes it back into a normal `Tape`).
#[inline(never)]
fn forward_manually_drop(x: &[f64]) -> (f64, p::Tape<usize>) {
    let mut tape = std::mem::ManuallyDrop::new(p::Tape::new());
    let mut s = 0.0;
    let mut iters: usize = 0;
    for i in 0..x.len() - 1 {
        iters += 1;
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s = s + (100.0 * a * a + b * b);
    }
    tape.push(iters);
    (s, std::mem::ManuallyDrop::into_inner(tape))
}

/// The whole gradient with the fixes that help here: forward with the tape as `ManuallyDrop`,
/// reverse with `-0.0` slots, plain index accumulation and the seed constant.
#[inline(never)]
fn fixed(x: &[f64]) -> (f64, Vec<f64>) {
    let (s, tape) = forward_manually_drop(x);
    (s, reverse_sweep::<{ NEG_ZERO | PLAIN_INDEX_ACC | CONST_SEED }>(x, 1.0, tape))
}

#[inline(never)]
fn reverse_sweep<const M: u8>(x: &[f64], seed: f64, mut tape: p::Tape<usize>) -> Vec<f64> {
    reverse::<M>(x, seed, tape.pop())
}

fn reverse_sweep_dyn(m: u8, x: &[f64], t: p::Tape<usize>) -> Vec<f64> {
    match m {
        0 => reverse_sweep::<0>(x, 1.0, t),
        NEG_ZERO => reverse_sweep::<NEG_ZERO>(x, 1.0, t),
        PLAIN_INDEX_ACC => reverse_sweep::<PLAIN_INDEX_ACC>(x, 1.0, t),
        KNOWN_TRIP => reverse_sweep::<KNOWN_TRIP>(x, 1.0, t),
        INLINE_ZERO_LIKE => reverse_sweep::<INLINE_ZERO_LIKE>(x, 1.0, t),
        CONST_SEED => reverse_sweep::<CONST_SEED>(x, 1.0, t),
        _ => reverse_sweep::<ALL>(x, 1.0, t),
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

type Case<'a> = (&'a str, Box<dyn FnMut() -> f64 + 'a>);

fn main() {
    let reps: usize = std::env::args().nth(1).map_or(30, |a| a.parse().expect("REPS"));
    let n: usize = std::env::args().nth(2).map_or(1_000_000, |a| a.parse().expect("N"));
    assert!(n >= 2, "N must be at least 2");
    // Calls per sample, so that a sample of a small `n` still lasts about a millisecond.
    let inner = (1_000_000 / n).max(1);
    let x = input(n);
    let (_, gh) = rosen_hand_grad(&x);
    for m in [0, NEG_ZERO, PLAIN_INDEX_ACC, KNOWN_TRIP, INLINE_ZERO_LIKE, CONST_SEED, ALL] {
        let (_, t) = forward_as_generated(&x);
        let d = max_rel_diff(&reverse_sweep_dyn(m, &x, t), &gh);
        assert!(d <= 1e-10, "knobs {m}: {d:e}");
    }
    assert!(max_rel_diff(&fixed(&x).1, &gh) <= 1e-10);

    let xs: &[f64] = &x;
    let tape = || {
        let mut t = p::Tape::new();
        t.push(xs.len() - 1);
        t
    };
    macro_rules! rev {
        ($m:expr) => {
            Box::new(move || reverse_sweep::<{ $m }>(black_box(xs), black_box(1.0), tape())[0])
        };
    }
    let mut cases: Vec<Case> = vec![
        ("primal `rosen`", Box::new(move || rosen(black_box(xs)))),
        ("hand-written gradient", Box::new(move || rosen_hand_grad(black_box(xs)).0)),
        ("generated `rosen_grad` (forward + reverse)", Box::new(move || rosen_grad(black_box(xs)).0)),
        ("generated forward sweep (`rosen_pullback`, closure dropped)", Box::new(move || rosen_pullback(black_box(xs)).0)),
        ("forward: copy as generated", Box::new(move || forward_as_generated(black_box(xs)).0)),
        ("forward: tape declared after the loop", Box::new(move || forward_tape_after_loop(black_box(xs)).0)),
        ("forward: tape held as ManuallyDrop", Box::new(move || forward_manually_drop(black_box(xs)).0)),
        ("reverse: copy as generated", rev!(0)),
        ("reverse: adjoint slots start at -0.0", rev!(NEG_ZERO)),
        ("reverse: `d_x[i] += g` instead of acc_index", rev!(PLAIN_INDEX_ACC)),
        ("reverse: trip count known (x.len() - 1)", rev!(KNOWN_TRIP)),
        ("reverse: zero_like inlined", rev!(INLINE_ZERO_LIKE)),
        ("reverse: seed constant 1.0", rev!(CONST_SEED)),
        ("reverse: -0.0 slots + plain index acc", rev!(NEG_ZERO | PLAIN_INDEX_ACC)),
        ("reverse: -0.0 slots + plain index acc + constant seed", rev!(NEG_ZERO | PLAIN_INDEX_ACC | CONST_SEED)),
        ("reverse: all five (SLP packs the d_x[i], d_x[i+1] stores: store-forwarding chain)", rev!(ALL)),
        ("gradient: ManuallyDrop tape + reverse with -0.0 slots, plain index acc, constant seed", Box::new(move || fixed(black_box(xs)).0)),
    ];
    let mut times = vec![Vec::new(); cases.len()];
    for (_, f) in cases.iter_mut() {
        black_box(f()); // warm up
    }
    for _ in 0..reps {
        for (t, (_, f)) in times.iter_mut().zip(cases.iter_mut()) {
            let s = Instant::now();
            for _ in 0..inner {
                black_box(f());
            }
            t.push(s.elapsed().as_secs_f64() / inner as f64);
        }
    }
    let med: Vec<f64> = times.into_iter().map(median).collect();
    let (prim, hand) = (med[0], med[1]);
    println!("n = {n}, median of {reps} interleaved samples of {inner} call(s)\n");
    println!("| variant | time | / hand | / primal |");
    println!("| --- | ---: | ---: | ---: |");
    for ((name, _), t) in cases.iter().zip(&med) {
        println!("| {name} | {:.2} µs | {:.2}x | {:.2}x |", t * 1e6, t / hand, t / prim);
    }
}
