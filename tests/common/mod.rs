//! Shared helpers for the numeric integration tests: a deterministic RNG for random points,
//! central finite differences, and tolerance-based assertions.
#![allow(dead_code)]

use ad_runtime::check::{compare, fd_directional, fd_gradient};

pub mod arrays;
pub mod identity;

/// Relative tolerance of every finite-difference and closed-form check.
pub const RTOL: f64 = 1e-6;

/// Step of the central finite differences (relative to `max(1, |x|)`).
pub const FD_STEP: f64 = 1e-6;

/// A tiny deterministic xorshift64* generator: the same seed gives the same points on every
/// machine, so a failure is reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Avoid the all-zero state, and mix small seeds.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[lo, hi)`.
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform in `[lo, hi)` with a random sign: `±[lo, hi)` (keeps away from zero).
    pub fn signed(&mut self, lo: f64, hi: f64) -> f64 {
        let v = self.uniform(lo, hi);
        if self.next_u64() & 1 == 0 { v } else { -v }
    }

    /// Uniform in `[lo, hi)` but at least `margin` away from every integer (for functions with
    /// jumps or kinks at the integers).
    pub fn off_integer(&mut self, lo: f64, hi: f64, margin: f64) -> f64 {
        loop {
            let v = self.uniform(lo, hi);
            if (v - v.round()).abs() > margin {
                return v;
            }
        }
    }
}

/// Central finite-difference gradient of `f` at `x`.
pub fn fd_grad(f: impl Fn(&[f64]) -> f64, x: &[f64]) -> Vec<f64> {
    fd_gradient(f, x, FD_STEP)
}

/// Asserts `actual` and `expected` agree elementwise to relative tolerance [`RTOL`] (absolute
/// [`RTOL`] near zero).
#[track_caller]
pub fn assert_close(actual: &[f64], expected: &[f64], what: &str) {
    assert_close_tol(actual, expected, RTOL, what);
}

/// [`assert_close`] with an explicit tolerance (relative, and absolute near zero).
#[track_caller]
pub fn assert_close_tol(actual: &[f64], expected: &[f64], rtol: f64, what: &str) {
    if let Err(e) = compare(actual, expected, rtol, rtol) {
        panic!("{what}: {e}\n  actual:   {actual:?}\n  expected: {expected:?}");
    }
}

/// Asserts that `grad` agrees with central finite differences of `f` at `x`.
#[track_caller]
pub fn assert_fd(f: impl Fn(&[f64]) -> f64, x: &[f64], grad: &[f64], what: &str) {
    let fd = fd_grad(f, x);
    if let Err(e) = compare(grad, &fd, RTOL, RTOL) {
        panic!(
            "{what}: gradient at {x:?} does not match finite differences: {e}\n  analytic: {grad:?}\n  finite differences: {fd:?}"
        );
    }
}

/// Asserts a JVP's tangent `jvp` against central differences of `f` at `x` along `dir`
/// (to [`RTOL`]).
#[track_caller]
pub fn assert_jvp_fd(f: impl Fn(&[f64]) -> f64, x: &[f64], dir: &[f64], jvp: f64, what: &str) {
    let fd = fd_directional(f, x, dir, FD_STEP);
    if let Err(e) = compare(&[jvp], &[fd], RTOL, RTOL) {
        panic!("{what}: jvp at {x:?} along {dir:?} does not match finite differences: {e}");
    }
}

/// Asserts two scalars agree to [`RTOL`].
#[track_caller]
pub fn assert_near(actual: f64, expected: f64, what: &str) {
    assert_close(&[actual], &[expected], what);
}

/// Checks a two-argument function's generated gradient: the value equals the primal, the
/// gradient matches the closed form and central finite differences at every point.
#[track_caller]
pub fn check2(
    what: &str,
    primal: fn(f64, f64) -> f64,
    grad: fn(f64, f64) -> (f64, (f64, f64)),
    closed: impl Fn(f64, f64) -> (f64, f64),
    pts: &[(f64, f64)],
) {
    for &(x, y) in pts {
        let what = format!("{what} at ({x}, {y})");
        let (v, (dx, dy)) = grad(x, y);
        assert_eq!(v, primal(x, y), "{what}: value");
        let (ex, ey) = closed(x, y);
        assert_close(&[dx, dy], &[ex, ey], &format!("{what}: closed form"));
        assert_fd(|p| primal(p[0], p[1]), &[x, y], &[dx, dy], &what);
    }
}

/// One-argument version of [`check2`].
#[track_caller]
pub fn check1(
    what: &str,
    primal: fn(f64) -> f64,
    grad: fn(f64) -> (f64, f64),
    closed: impl Fn(f64) -> f64,
    xs: &[f64],
) {
    for &x in xs {
        let what = format!("{what} at {x}");
        let (v, g) = grad(x);
        assert_eq!(v, primal(x), "{what}: value");
        assert_close(&[g], &[closed(x)], &format!("{what}: closed form"));
        assert_fd(|p| primal(p[0]), &[x], &[g], &what);
    }
}

/// Generated gradients against closed forms or hand-written tangents: the same maths in a
/// different evaluation order, so they agree to rounding.
pub const CLOSED: f64 = 1e-11;

/// Asserts agreement with a closed form to [`CLOSED`].
#[track_caller]
pub fn closed(actual: &[f64], expected: &[f64], what: &str) {
    assert_close_tol(actual, expected, CLOSED, what);
}

/// `Ok(value)` or `Err(panic message)` of `f`.
pub fn outcome<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|err| {
        err.downcast_ref::<String>()
            .cloned()
            .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "<non-string panic>".to_string())
    })
}

/// Runs a primal and its gradient, which must both panic with the same message; returns it.
#[track_caller]
pub fn same_panic<A, B>(primal: impl FnOnce() -> A, grad: impl FnOnce() -> B) -> String {
    let (Err(p), Err(g)) = (outcome(primal), outcome(grad)) else {
        panic!("expected the primal and the gradient to panic");
    };
    assert_eq!(g, p, "the gradient must panic like the primal");
    p
}
