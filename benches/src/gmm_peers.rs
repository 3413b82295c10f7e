//! The GMM log posterior of [`crate::gmm`] differentiated by runtime-tape reverse-mode crates,
//! for `src/bin/gmm.rs`: is the generated gradient faster than a runtime tape on GMM?
//!
//! [`gmm_objective`] is written out once more, generically over the scalar type, as a user of
//! these crates would write it: the same loops over the same flat inputs (`alphas` `K`,
//! `means` `K × D`, `icf` `K × D(D+1)/2` with the strictly lower triangle column-major after
//! the `D` log-diagonal entries, `x` `N × D`), the same formula with the same constant
//! [`gmm_constant`], and the same log-sum-exp shifted by the maximum. The scalar is any type
//! of a small local trait, `TapeScalar` (the operators, plus `exp`, `ln`, the plain value and
//! a zero), implemented for the three crates' scalars by delegating to each crate's own API;
//! each peer runs that one objective on its own scalar. The maximum is taken on the plain
//! `f64` values (none of the crates needs to record it: the derivative of the shift cancels),
//! so every peer records the same operations as [`gmm_objective`] minus the `max`. The data
//! `x` and the Wishart parameters are plain `f64` constants, never on the tape.
//!
//! | peer | how the gradient is taken |
//! | --- | --- |
//! | [`reverse`] 0.2 | a fresh `Tape::new()` per call, `add_vars` for `alphas`, `means`, `icf`, `result.grad().wrt(&vars)` for each |
//! | [`echidna`] 0.15 | `echidna::vjp(f, p, &[1.0])` on `p = (alphas, means, icf)` concatenated (value and gradient; `echidna::grad` gives only the gradient), with its `Reverse<f64>` (Adept-style tape in a thread-local pool reused across calls) |
//! | [`RustQuant_autodiff`] 0.4 | a fresh `Graph::new()` per call, `vars` for `alphas`, `means`, `icf`, `result.accumulate().wrt(&vars)` for each |
//!
//! `reverse` and RustQuant_autodiff record one node of two (parent, partial) pairs per
//! operation in a `Vec` (32 bytes per node); in both a `Var - Var` records a negation and an
//! addition. `reverse` has no `+=`, so the objective writes `s += t` as `s = s + (t)`; echidna's
//! and RustQuant's `+=` are defined as exactly that, so they record the same nodes either way.
//! The accumulators start from a variable `0.0` on the tape of the inputs (`Var` and
//! `Variable` need one to exist), which costs one node per objective and one per log-sum-exp
//! and does not change the gradient.
//! echidna's `Reverse` is `Copy`, 12 bytes, records on a thread-local tape and has
//! `Reverse::constant(0.0)`, a constant that is not on the tape, used as its zero. echidna's
//! other reverse mode, the bytecode tape (`echidna::record`, `bytecode` feature), records once
//! to evaluate many times; one gradient per call is what `vjp` is for, so that is what is
//! timed.
//!
//! The tape grows with `N K D²`: about `1.5 D²` nodes per point and component, so `N = 1000`,
//! `D = 64`, `K = 100` would need some 6·10⁸ nodes (about 20 GB for `reverse`). The binary
//! times the peers only on the sizes where that stays small (see `src/bin/gmm.rs`).

// The objective uses index loops on purpose: the straightforward translation of
// `gmm_objective`'s loops.
#![allow(clippy::needless_range_loop, clippy::too_many_arguments)]

use std::ops::{Add, Mul, Sub};

use crate::gmm::{GmmGradient, GmmInput, gmm_constant};
#[cfg(doc)]
use crate::gmm::{gmm_grad_manual, gmm_objective};

/// Checks the shapes of the inputs (the same as [`gmm_grad_manual`] requires).
fn check_shapes(
    alphas: &[f64],
    means: &[f64],
    icf: &[f64],
    x: &[f64],
    d: usize,
    k: usize,
    n: usize,
) {
    assert!(d > 0 && k > 0, "gmm: d and k must be positive");
    assert_eq!(alphas.len(), k, "alphas: K");
    assert_eq!(means.len(), k * d, "means: K x D");
    assert_eq!(icf.len(), k * d * (d + 1) / 2, "icf: K x D(D+1)/2");
    assert_eq!(x.len(), n * d, "x: N x D");
}

// ---------------------------------------------------------------------------------------------
// The objective, once, on any of the three scalars
// ---------------------------------------------------------------------------------------------

/// A runtime-tape reverse-mode scalar: the operators the objective uses (the `f64` on the left
/// of `-`, `*` and `+` is a where-clause of [`gmm_objective_tape`]), and the rest of what it
/// needs, each implemented by the crate's own method.
trait TapeScalar:
    Copy
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Add<f64, Output = Self>
    + Sub<f64, Output = Self>
{
    /// `e^self`, recorded.
    fn exp(self) -> Self;
    /// `ln self`, recorded.
    fn ln(self) -> Self;
    /// The plain value, not recorded (for the shift of the log-sum-exp).
    fn value(self) -> f64;
    /// A `0.0` to start an accumulator from, on the tape of `self`: a new variable on
    /// `reverse`'s tape and RustQuant's graph (one node), echidna's untracked constant.
    fn zero_like(self) -> Self;
}

impl TapeScalar for reverse::Var<'_> {
    fn exp(self) -> Self {
        reverse::Var::exp(&self)
    }
    fn ln(self) -> Self {
        reverse::Var::ln(&self)
    }
    fn value(self) -> f64 {
        self.val
    }
    fn zero_like(self) -> Self {
        self.tape.add_var(0.0)
    }
}

type Rev = echidna::Reverse<f64>;

impl TapeScalar for Rev {
    fn exp(self) -> Self {
        num_traits::Float::exp(self)
    }
    fn ln(self) -> Self {
        num_traits::Float::ln(self)
    }
    fn value(self) -> f64 {
        echidna::Scalar::value(&self)
    }
    fn zero_like(self) -> Self {
        Rev::constant(0.0)
    }
}

type RqVar<'g> = RustQuant_autodiff::Variable<'g>;

impl TapeScalar for RqVar<'_> {
    fn exp(self) -> Self {
        RqVar::exp(self)
    }
    fn ln(self) -> Self {
        RqVar::ln(self)
    }
    fn value(self) -> f64 {
        self.value
    }
    fn zero_like(self) -> Self {
        self.graph.var(0.0)
    }
}

/// `log Σ exp(v_i)` on the tape of `v`, shifted by the maximum of the values.
fn logsumexp_tape<T: TapeScalar>(v: &[T]) -> T {
    let mx = v
        .iter()
        .map(|vi| vi.value())
        .fold(f64::NEG_INFINITY, f64::max);
    let mut s = v[0].zero_like();
    for i in 0..v.len() {
        s = s + (v[i] - mx).exp();
    }
    s.ln() + mx
}

/// [`gmm_objective`] on a runtime-tape scalar, recorded on the tape of `alphas` (which must
/// not be empty).
fn gmm_objective_tape<T: TapeScalar>(
    alphas: &[T],
    means: &[T],
    icf: &[T],
    x: &[f64],
    d: usize,
    k: usize,
    n: usize,
    wishart_gamma: f64,
    wishart_m: usize,
) -> T
where
    // `Mul<f64>` too: a where-clause on `f64` hides its built-in impls from inference.
    f64: Add<T, Output = T> + Sub<T, Output = T> + Mul<T, Output = T> + Mul<f64, Output = f64>,
{
    let icf_sz = d * (d + 1) / 2;
    let zero = alphas[0].zero_like();

    let mut qdiags = vec![zero; d * k];
    let mut sum_qs = vec![zero; k];
    for ik in 0..k {
        let mut s = zero;
        for j in 0..d {
            let q = icf[ik * icf_sz + j];
            qdiags[ik * d + j] = q.exp();
            s = s + q;
        }
        sum_qs[ik] = s;
    }

    let mut xc = vec![zero; d];
    let mut qxc = vec![zero; d];
    let mut main_term = vec![zero; k];
    let mut slse = zero;
    for ix in 0..n {
        for ik in 0..k {
            for j in 0..d {
                xc[j] = x[ix * d + j] - means[ik * d + j];
            }
            for j in 0..d {
                qxc[j] = qdiags[ik * d + j] * xc[j];
            }
            let mut idx = ik * icf_sz + d;
            for c in 0..d {
                for r in c + 1..d {
                    qxc[r] = qxc[r] + icf[idx] * xc[c];
                    idx += 1;
                }
            }
            let mut sq = zero;
            for j in 0..d {
                sq = sq + qxc[j] * qxc[j];
            }
            main_term[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sq;
        }
        slse = slse + logsumexp_tape(&main_term);
    }

    let mut prior = zero;
    for ik in 0..k {
        let mut frob = zero;
        for j in 0..d {
            frob = frob + qdiags[ik * d + j] * qdiags[ik * d + j];
        }
        for j in d..icf_sz {
            let l = icf[ik * icf_sz + j];
            frob = frob + l * l;
        }
        prior =
            prior + (wishart_m as f64 * sum_qs[ik] - 0.5 * wishart_gamma * wishart_gamma * frob);
    }

    let constant = gmm_constant(d, k, n, wishart_gamma, wishart_m);
    constant + slse - n as f64 * logsumexp_tape(alphas) + prior
}

// ---------------------------------------------------------------------------------------------
// reverse 0.2
// ---------------------------------------------------------------------------------------------

/// Value and gradient of [`gmm_objective`] with respect to `(alphas, means, icf)` with the
/// [`reverse`] crate 0.2: a fresh `reverse::Tape` per call, the three inputs added with
/// `add_vars`, the objective recorded by [`gmm_objective`]'s loops on `reverse::Var`, then one
/// reverse sweep (`result.grad()`) read with `wrt` for each input. Same arguments and result
/// shapes as [`gmm_grad_manual`].
///
/// The tape holds about `1.5 N K D²` nodes of 32 bytes (plus 8 bytes each for the adjoints of
/// the sweep).
///
/// # Panics
/// If the slices do not have the shapes of [`gmm_grad_manual`], or `d` or `k` is zero.
pub fn gmm_grad_reverse(
    alphas: &[f64],
    means: &[f64],
    icf: &[f64],
    x: &[f64],
    d: usize,
    k: usize,
    n: usize,
    wishart_gamma: f64,
    wishart_m: usize,
) -> (f64, GmmGradient) {
    use reverse::Gradient as _;
    check_shapes(alphas, means, icf, x, d, k, n);
    let tape = reverse::Tape::new();
    let a = tape.add_vars(alphas);
    let m = tape.add_vars(means);
    let q = tape.add_vars(icf);
    let r = gmm_objective_tape(&a, &m, &q, x, d, k, n, wishart_gamma, wishart_m);
    let g = r.grad();
    (r.val(), (g.wrt(&a), g.wrt(&m), g.wrt(&q)))
}

// ---------------------------------------------------------------------------------------------
// echidna 0.15
// ---------------------------------------------------------------------------------------------

/// Value and gradient of [`gmm_objective`] with respect to `(alphas, means, icf)` with
/// [`echidna`] 0.15's reverse mode: `echidna::vjp` with weight `1` on the concatenation
/// `(alphas, means, icf)` (echidna differentiates a function of one slice), the objective
/// recorded by [`gmm_objective`]'s loops on `echidna::Reverse<f64>`, the gradient split back
/// into the three shapes. echidna keeps its tape in a thread-local pool, so repeated calls
/// reuse its memory. Same arguments and result shapes as [`gmm_grad_manual`].
///
/// # Panics
/// If the slices do not have the shapes of [`gmm_grad_manual`], or `d` or `k` is zero.
pub fn gmm_grad_echidna(
    alphas: &[f64],
    means: &[f64],
    icf: &[f64],
    x: &[f64],
    d: usize,
    k: usize,
    n: usize,
    wishart_gamma: f64,
    wishart_m: usize,
) -> (f64, GmmGradient) {
    check_shapes(alphas, means, icf, x, d, k, n);
    let mut p = Vec::with_capacity(alphas.len() + means.len() + icf.len());
    p.extend_from_slice(alphas);
    p.extend_from_slice(means);
    p.extend_from_slice(icf);
    let (v, mut g) = echidna::vjp(
        |p| {
            let (a, rest) = p.split_at(k);
            let (m, q) = rest.split_at(k * d);
            vec![gmm_objective_tape(
                a,
                m,
                q,
                x,
                d,
                k,
                n,
                wishart_gamma,
                wishart_m,
            )]
        },
        &p,
        &[1.0],
    );
    let g_icf = g.split_off(k + k * d);
    let g_means = g.split_off(k);
    (v[0], (g, g_means, g_icf))
}

// ---------------------------------------------------------------------------------------------
// RustQuant_autodiff 0.4
// ---------------------------------------------------------------------------------------------

/// Value and gradient of [`gmm_objective`] with respect to `(alphas, means, icf)` with
/// [`RustQuant_autodiff`] 0.4: a fresh `Graph` per call, the three inputs added with `vars`,
/// the objective recorded by [`gmm_objective`]'s loops on `Variable`, then one reverse sweep
/// (`result.accumulate()`) read with `wrt` for each input. Same arguments and result shapes as
/// [`gmm_grad_manual`].
///
/// # Panics
/// If the slices do not have the shapes of [`gmm_grad_manual`], or `d` or `k` is zero.
pub fn gmm_grad_rustquant(
    alphas: &[f64],
    means: &[f64],
    icf: &[f64],
    x: &[f64],
    d: usize,
    k: usize,
    n: usize,
    wishart_gamma: f64,
    wishart_m: usize,
) -> (f64, GmmGradient) {
    use RustQuant_autodiff::{Accumulate as _, Gradient as _};
    check_shapes(alphas, means, icf, x, d, k, n);
    let graph = RustQuant_autodiff::Graph::new();
    let a = graph.vars(alphas);
    let m = graph.vars(means);
    let q = graph.vars(icf);
    let r = gmm_objective_tape(&a, &m, &q, x, d, k, n, wishart_gamma, wishart_m);
    let g = r.accumulate();
    (r.value(), (g.wrt(&a), g.wrt(&m), g.wrt(&q)))
}

// ---------------------------------------------------------------------------------------------
// On a `GmmInput`
// ---------------------------------------------------------------------------------------------

impl GmmInput {
    /// [`gmm_grad_reverse`] (the `reverse` crate's runtime tape) at this input.
    pub fn grad_reverse(&self) -> (f64, GmmGradient) {
        gmm_grad_reverse(
            &self.alphas,
            &self.means,
            &self.icf,
            &self.x,
            self.d,
            self.k,
            self.n,
            self.wishart_gamma,
            self.wishart_m,
        )
    }

    /// [`gmm_grad_echidna`] (echidna's reverse mode) at this input.
    pub fn grad_echidna(&self) -> (f64, GmmGradient) {
        gmm_grad_echidna(
            &self.alphas,
            &self.means,
            &self.icf,
            &self.x,
            self.d,
            self.k,
            self.n,
            self.wishart_gamma,
            self.wishart_m,
        )
    }

    /// [`gmm_grad_rustquant`] (RustQuant_autodiff's graph) at this input.
    pub fn grad_rustquant(&self) -> (f64, GmmGradient) {
        gmm_grad_rustquant(
            &self.alphas,
            &self.means,
            &self.icf,
            &self.x,
            self.d,
            self.k,
            self.n,
            self.wishart_gamma,
            self.wishart_m,
        )
    }
}

/// A value-and-gradient function of a [`GmmInput`], like [`GmmInput::grad_reverse`].
pub type GmmGradFn = fn(&GmmInput) -> (f64, GmmGradient);

/// The runtime-tape peers by name, for the agreement check and the binary.
pub const GMM_PEERS: [(&str, GmmGradFn); 3] = [
    ("reverse", GmmInput::grad_reverse),
    ("echidna", GmmInput::grad_echidna),
    ("RustQuant", GmmInput::grad_rustquant),
];

/// Checks that every peer's value and gradient agree with [`gmm_grad_manual`] (relative 1e-8
/// per component, scaled by `max(|a|, |b|, 1)`, like the generated gradients in
/// [`crate::gmm::gmm_check_agreement`]).
///
/// # Panics
/// If one differs.
pub fn gmm_peers_check_agreement(input: &GmmInput) {
    let (vm, gm) = input.grad_manual();
    let gm = crate::gmm::flatten_grad(&gm);
    let tol = 1e-8 * vm.abs().max(1.0);
    for (name, f) in GMM_PEERS {
        let (v, g) = f(input);
        assert!(
            (v - vm).abs() <= tol,
            "{name}: value {v} differs from the manual one {vm}"
        );
        let g = crate::gmm::flatten_grad(&g);
        assert_eq!(g.len(), gm.len(), "{name}: gradient length");
        let diff = crate::max_rel_diff(&g, &gm);
        assert!(
            diff <= 1e-8,
            "{name}: gradient differs from the manual one: max relative difference {diff:e} \
             (d = {}, k = {}, n = {})",
            input.d,
            input.k,
            input.n
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gmm::{flatten_grad, gmm_input, gmm_input_with};
    use ad_runtime::check::compare;

    #[test]
    fn gmm_peers_equal_manual() {
        for inp in [
            gmm_input(3, 4, 10),
            gmm_input_with(3, 4, 10, 0.8, 2, 17),
            gmm_input_with(1, 2, 5, 1.2, 1, 3),
        ] {
            let (vm, gm) = inp.grad_manual();
            let gm = flatten_grad(&gm);
            for (name, f) in GMM_PEERS {
                let (v, g) = f(&inp);
                assert!(
                    (v - vm).abs() <= 1e-10 * vm.abs().max(1.0),
                    "{name}: value {v} vs manual {vm}"
                );
                let (ga, gmu, gq) = &g;
                assert_eq!(
                    (ga.len(), gmu.len(), gq.len()),
                    (inp.k, inp.k * inp.d, inp.k * inp.d * (inp.d + 1) / 2),
                    "{name}: gradient shapes"
                );
                if let Err(e) = compare(&flatten_grad(&g), &gm, 1e-8, 1e-12) {
                    panic!(
                        "{name} vs manual (d={} k={} n={}): {e}",
                        inp.d, inp.k, inp.n
                    );
                }
            }
            gmm_peers_check_agreement(&inp);
        }
    }
}
