//! Binomial checkpointing (Griewank's *revolve*) of a long time loop: the reverse sweep of
//! `n` steps `s_{i+1} = step(s_i, i)` with at most `snapshots` copies of the state alive at
//! once, instead of a tape that grows with `n`.
//!
//! [`revolve`] takes the initial state, the step, the step's reverse (the cotangent of `s_i`
//! from the cotangent of `s_{i+1}`, given `s_i`; parameters' cotangents are accumulated by the
//! caller's closure) and the cotangent of the final state as a function of it, and returns the
//! final state and the cotangent of the initial state. The primal run stores nothing. The schedule is
//! the recursive binomial one: a range of `l` steps is reversed with `c` free snapshots by
//! advancing to a split point `m`, storing the state there, reversing `[m, l)` with `c - 1`
//! snapshots and then `[0, m)` with `c`. With the repetition number `r`, the least `r` with
//! `β(c, r) = C(c + r, c) ≥ n`, the split keeps `m ≤ β(c, r - 1)` and `l - m ≤ β(c - 1, r)`,
//! so no step is evaluated more than `r + 1` times (once in the primal run, at most `r` more
//! while reversing) and the snapshots alive never exceed `c` (plus the initial state): for
//! `c` snapshots, `r` grows like `n^(1/c)`, and with `c ≈ log₂ n`, `r ≈ log₂ n` too.
//! [`Stats`] counts what was done, for tests and benchmarks.
//!
//! In a `#[differentiable]` function, `#[checkpoint]` on a loop `for i in a..b { s =
//! step(&s, ..); }` makes the generated reverse sweep (and `f_hvp`'s) use this schedule (see
//! the attribute's documentation); [`revolve`] and [`revolve_reverse`] are the engine, for
//! loops written by hand with a step's `_vjp`:
//!
//! ```
//! use ad_runtime::checkpoint::revolve;
//!
//! // s_{i+1} = s_i + h cos(s_i), 1000 steps; d s_n / d s_0 by the reverse of each step.
//! let (h, n) = (0.01, 1000);
//! let step = |s: f64, _i: usize| s + h * s.cos();
//! let step_reverse = |s: f64, _i: usize, g: f64| g * (1.0 - h * s.sin());
//! let (s_n, d_s0, stats) = revolve(n, 4, 0.3, step, step_reverse, |_| 1.0);
//! // The same by the chain rule with every state stored:
//! let mut states = vec![0.3];
//! for i in 0..n {
//!     states.push(step(states[i], i));
//! }
//! let mut g = 1.0;
//! for i in (0..n).rev() {
//!     g = step_reverse(states[i], i, g);
//! }
//! assert_eq!(s_n, states[n]);
//! assert!((d_s0 - g).abs() <= 1e-14 * g.abs());
//! assert!(stats.peak_snapshots <= 4);
//! ```

/// What one [`revolve`] call did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Steps evaluated forward, the primal run's `n` included.
    pub steps: usize,
    /// Steps reversed (always `n`).
    pub reversed: usize,
    /// The most snapshots alive at once (the initial state not counted).
    pub peak_snapshots: usize,
}

/// `C(c + r, c)`, saturating.
fn beta(c: usize, r: usize) -> usize {
    let mut b: usize = 1;
    for k in 1..=c.min(r) {
        // C(c + r, k) built incrementally: b * (c + r - k + 1) / k stays an integer.
        b = match b.checked_mul(c.max(r) + k) {
            Some(v) => v / k,
            None => return usize::MAX,
        };
    }
    b
}

/// The least repetition number `r` with `β(c, r) ≥ l`.
fn repetitions(c: usize, l: usize) -> usize {
    let mut r = 0;
    while beta(c, r) < l {
        r += 1;
    }
    r
}

/// The recursion's shared state: the step functions and the counters.
struct Sweep<S, G, F, R> {
    step: F,
    reverse: R,
    stats: Stats,
    alive: usize,
    _types: core::marker::PhantomData<(S, G)>,
}

impl<S: Clone, G, F: FnMut(S, usize) -> S, R: FnMut(S, usize, G) -> G> Sweep<S, G, F, R> {
    fn new(step: F, reverse: R) -> Self {
        Sweep {
            step,
            reverse,
            stats: Stats::default(),
            alive: 0,
            _types: core::marker::PhantomData,
        }
    }

    /// `s_lo` advanced to `s_to`.
    fn advance(&mut self, mut s: S, lo: usize, to: usize) -> S {
        for i in lo..to {
            s = (self.step)(s, i);
            self.stats.steps += 1;
        }
        s
    }

    /// The reverse of steps `lo..hi` from the state at `lo` and the cotangent of the state at
    /// `hi`, with `c` free snapshots: the cotangent of the state at `lo`. The left part's
    /// reverse is a loop (not a recursive call), so the recursion is at most `c` deep.
    fn reverse(&mut self, s_lo: S, lo: usize, mut hi: usize, c: usize, mut g: G) -> G {
        loop {
            let l = hi - lo;
            if l == 0 {
                return g;
            }
            if l == 1 {
                self.stats.reversed += 1;
                return (self.reverse)(s_lo, lo, g);
            }
            if c == 0 {
                // No snapshot left: recompute from `lo` for every step (quadratic, only when
                // the caller asked for no snapshots at all).
                for i in (lo..hi).rev() {
                    let s = self.advance(s_lo.clone(), lo, i);
                    self.stats.reversed += 1;
                    g = (self.reverse)(s, i, g);
                }
                return g;
            }
            let r = repetitions(c, l);
            // m ≤ β(c, r - 1) (the left part, reversed again with c snapshots, repeats one
            // time less) and l - m ≤ β(c - 1, r) (the right part has one snapshot less).
            let right_cap = beta(c - 1, r);
            let left_cap = beta(c, r.saturating_sub(1));
            let m = l
                .saturating_sub(right_cap)
                .max(1)
                .min(left_cap.max(1))
                .min(l - 1);
            let s_m = self.advance(s_lo.clone(), lo, lo + m);
            self.alive += 1;
            self.stats.peak_snapshots = self.stats.peak_snapshots.max(self.alive);
            g = self.reverse(s_m, lo + m, hi, c - 1, g);
            self.alive -= 1;
            hi = lo + m;
        }
    }
}

/// Runs `n` steps `s_{i+1} = step(s_i, i)` from `s0`, then their reverse from the cotangent
/// `final_cotangent(&s_n)` of the final state (an objective's gradient) with binomial
/// checkpointing using at most `snapshots` stored states: returns the final state, the
/// cotangent of `s0` and what was done.
///
/// `step_reverse(s_i, i, ḡ_{i+1})` returns `ḡ_i`, the cotangent of `s_i`; it is called once
/// per step, from the last to the first, each time with the exact `s_i`, so a closure that
/// accumulates parameters' cotangents (`dp += ∂step/∂p(s_i)ᵀ ḡ_{i+1}`) gets each term once.
/// With `snapshots = 0` every state is recomputed from `s0` (quadratic time, no memory).
pub fn revolve<S, G, F, R>(
    n: usize,
    snapshots: usize,
    s0: S,
    step: F,
    step_reverse: R,
    final_cotangent: impl FnOnce(&S) -> G,
) -> (S, G, Stats)
where
    S: Clone,
    F: FnMut(S, usize) -> S,
    R: FnMut(S, usize, G) -> G,
{
    let mut sweep = Sweep::new(step, step_reverse);
    let s_n = sweep.advance(s0.clone(), 0, n);
    let g_n = final_cotangent(&s_n);
    let g0 = sweep.reverse(s0, 0, n, snapshots, g_n);
    (s_n, g0, sweep.stats)
}

/// The reverse half of [`revolve`], for a caller that ran the `n` steps itself (the sweep
/// generated for a `#[checkpoint]` loop runs them in its forward sweep, which stores only
/// `s0`): the cotangent of `s0` from the cotangent `g_n` of the final state, with at most
/// `snapshots` stored states. The steps are evaluated again from `s0` as the schedule needs
/// them (up to `r` times each, see the module docs).
pub fn revolve_reverse<S, G, F, R>(
    n: usize,
    snapshots: usize,
    s0: S,
    step: F,
    step_reverse: R,
    g_n: G,
) -> (G, Stats)
where
    S: Clone,
    F: FnMut(S, usize) -> S,
    R: FnMut(S, usize, G) -> G,
{
    let mut sweep = Sweep::new(step, step_reverse);
    let g0 = sweep.reverse(s0, 0, n, snapshots, g_n);
    (g0, sweep.stats)
}

/// The reverse of a `#[checkpoint]` loop `for i in range { s = step(&s, i, ..) }`, as the
/// generated reverse sweep calls it: the counter values come from `range` (any integer range,
/// `Range::nth` is O(1)), `snapshots` defaults to [`default_snapshots`] of the trip count.
#[doc(hidden)]
pub fn reverse_loop<S, G, I, F, R>(
    range: I,
    snapshots: Option<usize>,
    s0: S,
    mut step: F,
    mut step_reverse: R,
    g_n: G,
) -> G
where
    S: Clone,
    I: Iterator + Clone,
    F: FnMut(S, I::Item) -> S,
    R: FnMut(S, I::Item, G) -> G,
{
    let n = trip_count(range.clone());
    let k = snapshots.unwrap_or_else(|| default_snapshots(n));
    let at = |i: usize| range.clone().nth(i).expect("a step of the loop");
    revolve_reverse(
        n,
        k,
        s0,
        |s, i| step(s, at(i)),
        |s, i, g| step_reverse(s, at(i), g),
        g_n,
    )
    .0
}

/// The number of values of an integer range (exact from `size_hint` for ranges).
fn trip_count<I: Iterator>(range: I) -> usize {
    match range.size_hint() {
        (lo, Some(hi)) if lo == hi => lo,
        _ => range.count(),
    }
}

/// A default number of snapshots for `n` steps: `⌈log₂ n⌉` (at least 1), for which the
/// repetition number is about `log₂ n` as well.
pub fn default_snapshots(n: usize) -> usize {
    (usize::BITS - n.max(2).saturating_sub(1).leading_zeros()) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beta_is_the_binomial_coefficient() {
        assert_eq!(beta(0, 5), 1);
        assert_eq!(beta(1, 5), 6);
        assert_eq!(beta(2, 3), 10);
        assert_eq!(beta(3, 3), 20);
        assert_eq!(beta(4, 10), 1001);
        assert_eq!(repetitions(2, 10), 3);
        assert_eq!(repetitions(2, 11), 4);
    }

    /// Every step is reversed once, at the right state, in reverse order; the snapshots and
    /// the number of steps stay within the binomial bounds.
    #[test]
    fn schedule_reverses_every_step_once_within_the_bounds() {
        for n in [1usize, 2, 3, 7, 10, 64, 100, 1000, 4097] {
            for c in [1usize, 2, 3, 5, 12] {
                let mut order = Vec::new();
                let (s_n, g, stats) = revolve(
                    n,
                    c,
                    0usize,
                    |s, i| {
                        assert_eq!(s, i, "the step gets the state it made");
                        s + 1
                    },
                    |s, i, g: usize| {
                        assert_eq!(s, i, "the reverse gets the state before step {i}");
                        order.push(i);
                        g + 1
                    },
                    |s_n| {
                        assert_eq!(*s_n, n);
                        0
                    },
                );
                assert_eq!(s_n, n);
                assert_eq!(g, n);
                assert_eq!(order, (0..n).rev().collect::<Vec<_>>());
                assert!(stats.peak_snapshots <= c, "n {n} c {c}: {stats:?}");
                let r = repetitions(c, n);
                assert!(
                    stats.steps <= n * (r + 1),
                    "n {n} c {c}: {} steps > n (r + 1) = {}",
                    stats.steps,
                    n * (r + 1)
                );
            }
        }
    }

    /// The split form gives the same cotangent as the whole, and `reverse_loop` hands each
    /// step its counter value from any integer range (here an inclusive `i32` range).
    #[test]
    fn reverse_alone_and_over_a_range() {
        let step = |s: f64, i: usize| s + 0.01 * (s * (i as f64 + 1.0)).sin();
        let back = |s: f64, i: usize, g: f64| {
            let a = i as f64 + 1.0;
            g * (1.0 + 0.01 * a * (s * a).cos())
        };
        let (_, g_whole, _) = revolve(300, 4, 0.2, step, back, |_| 1.0);
        let (g_split, stats) = revolve_reverse(300, 4, 0.2, step, back, 1.0);
        assert_eq!(g_whole, g_split);
        assert_eq!(stats.reversed, 300);
        let mut seen = Vec::new();
        let g = reverse_loop(
            -2i32..=5,
            Some(2),
            0.2,
            |s, i: i32| s + 0.01 * i as f64 * s,
            |_s, i: i32, g: f64| {
                seen.push(i);
                g * (1.0 + 0.01 * i as f64)
            },
            1.0,
        );
        assert_eq!(seen, (-2..=5).rev().collect::<Vec<_>>());
        let expected: f64 = (-2..=5).map(|i| 1.0 + 0.01 * i as f64).product();
        assert!((g - expected).abs() < 1e-15);
    }

    #[test]
    fn default_snapshots_is_log2() {
        assert_eq!(default_snapshots(1), 1);
        assert_eq!(default_snapshots(2), 1);
        assert_eq!(default_snapshots(1000), 10);
        assert_eq!(default_snapshots(1 << 20), 20);
        assert_eq!(default_snapshots((1 << 20) + 1), 21);
    }
}
