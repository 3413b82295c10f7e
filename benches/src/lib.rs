//! Functions shared by the criterion benchmark (`benches/rosenbrock.rs`) and the plain-text
//! ratio printer (`src/bin/ratios.rs`).
//!
//! The extended Rosenbrock function
//! `f(x) = sum_{i=0}^{n-2} 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2`
//! in three forms:
//! - [`rosen`]: plain Rust under `#[differentiable]` (exactly `tests/expand/rosenbrock.rs`),
//!   which also generates [`rosen_grad`] / [`rosen_vjp`];
//! - [`rosen_hand_grad`]: a careful hand-written value-and-gradient, one fused pass;
//! - the primal [`rosen`] itself, the baseline cost of one evaluation.
//!
//! The GMM objective of ADBench / gradbench, its generated and hand-written gradients and its
//! inputs are in [`gmm`] (timed by `src/bin/gmm.rs`), and the same objective on the runtime
//! tapes of reverse, echidna and RustQuant_autodiff in [`gmm_peers`].
//!
//! [`mlp`] has the loss of a two-layer perceptron on `ndarray` arrays (the model of
//! `examples/digits.rs`) with its generated and hand-written gradients, timed by
//! `src/bin/mlp.rs`; with the `tensor-peers` feature, [`mlp_peers`] has the same gradient in
//! burn, candle and autograd.
//!
//! [`family`] has a family of small networks (perceptrons with several activations and
//! losses, a residual layer norm, self-attention, a 1-D convolution, a recurrent cell), each
//! with its generated and a hand-written gradient, timed by `src/bin/family.rs`.
//!
//! [`modes`] has a function `R^n → R^m` whose Jacobian shows the crossover of the two modes,
//! and the same derivatives with num-dual, for `src/bin/modes.rs`. [`second`] has a hand-written Rosenbrock Hessian–vector product and a loop-written tanh
//! network loss, for `src/bin/hvp.rs`.
//!
//! [`long_loop`] is the long loop whose gradient's peak heap `src/bin/memory.rs` measures, and
//! [`peers`] has Rosenbrock and that loop differentiated by other Rust AD crates (num-dual,
//! echidna, reverse, RustQuant_autodiff) for `src/bin/scaling.rs` and `src/bin/memory.rs`.

use ad_runtime::differentiable;

pub mod family;
pub mod gmm;
pub mod gmm_peers;
pub mod measure;
pub mod mlp;
#[cfg(feature = "tensor-peers")]
pub mod mlp_peers;
pub mod modes;
pub mod peers;
pub mod second;

/// The extended Rosenbrock function, written as a user would (panics for `x.len() == 0`).
#[differentiable]
pub fn rosen(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

/// The long loop of `src/bin/memory.rs`: `y <- sin(y a) + x`, `n` times, from `y = x`. The
/// update is nonlinear and loop-carried, so the reverse sweep needs every intermediate `y`
/// (or must recompute it): the tape grows by a fixed number of bytes per iteration.
#[differentiable]
pub fn long_loop(x: f64, a: f64, n: usize) -> f64 {
    let mut y = x;
    for _ in 0..n {
        y = (y * a).sin() + x;
    }
    y
}

/// Hand-written value and gradient of [`rosen`]: one fused pass over `x`, no bounds checks
/// in the loop, no allocation besides the returned gradient, each `g[i]` written exactly
/// once (the contribution of term `i` to `g[i + 1]` is carried in a register).
///
/// Term `i` with `a = x[i+1] - x[i]^2`, `b = 1 - x[i]` contributes
/// `-400 a x[i] - 2 b` to `g[i]` and `200 a` to `g[i+1]`.
///
/// The value is summed in the same order as [`rosen`], so it is bit-identical to it.
///
/// # Panics
/// If `x` is empty (like [`rosen`]).
pub fn rosen_hand_grad(x: &[f64]) -> (f64, Vec<f64>) {
    assert!(!x.is_empty(), "rosen_hand_grad: x must not be empty");
    // `vec![0.0; n]` (calloc) rather than `with_capacity` + `push`: a possible reallocation
    // inside the loop makes LLVM keep the accumulators in memory instead of registers.
    let mut g = vec![0.0; x.len()];
    let (last, body) = g.split_last_mut().expect("non-empty");
    let mut s = 0.0;
    // Contribution of the previous term to the current g[i].
    let mut carry = 0.0;
    for (gi, w) in body.iter_mut().zip(x.windows(2)) {
        let (xi, xi1) = (w[0], w[1]);
        let a = xi1 - xi * xi;
        let b = 1.0 - xi;
        s += 100.0 * a * a + b * b;
        *gi = carry - 400.0 * a * xi - 2.0 * b;
        carry = 200.0 * a;
    }
    *last = carry;
    (s, g)
}

/// A deterministic input of length `n` with entries in `[-2, 2)` (xorshift64*, no `rand`).
pub fn input(n: usize) -> Vec<f64> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
            // 53 random bits -> [0, 1) -> [-2, 2)
            let u = (r >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
            4.0 * u - 2.0
        })
        .collect()
}

/// Largest relative difference between two gradients, component-wise, each component scaled
/// by `max(|a_i|, |b_i|, 1)` (a floor of 1 so that cancellation near zero does not count).
pub fn max_rel_diff(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len(), "gradients of different lengths");
    a.iter()
        .zip(b)
        .map(|(&p, &q)| (p - q).abs() / p.abs().max(q.abs()).max(1.0))
        .fold(0.0, f64::max)
}

/// Checks, before anything is timed, that the generated gradient equals the hand-written one
/// (values to 1e-10 relative, gradients to 1e-10 relative per component).
///
/// # Panics
/// If they differ.
pub fn check_agreement(x: &[f64]) {
    let p = rosen(x);
    let (vh, gh) = rosen_hand_grad(x);
    let (vg, gg) = rosen_grad(x);
    assert_eq!(p, vh, "hand-written value differs from the primal");
    assert!(
        (vg - p).abs() <= 1e-10 * p.abs().max(1.0),
        "generated value {vg} differs from the primal {p}"
    );
    let d = max_rel_diff(&gg, &gh);
    assert!(
        d <= 1e-10,
        "generated gradient differs from the hand-written one: max relative difference {d:e} (n = {})",
        x.len()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agree_small_and_large() {
        for n in [1, 2, 3, 10, 1000] {
            check_agreement(&input(n));
        }
    }

    #[test]
    fn hand_gradient_matches_finite_differences() {
        let x = input(7);
        let (_, g) = rosen_hand_grad(&x);
        for i in 0..x.len() {
            let h = 1e-6;
            let mut xp = x.clone();
            let mut xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            let fd = (rosen(&xp) - rosen(&xm)) / (2.0 * h);
            assert!(
                (fd - g[i]).abs() <= 1e-5 * fd.abs().max(1.0),
                "i={i}: {fd} vs {}",
                g[i]
            );
        }
    }
}
