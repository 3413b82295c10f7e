//! The Gaussian mixture model objective of ADBench, in the corrected form of the gradbench
//! `gmm` eval (the log posterior: GMM log-likelihood plus a Wishart log prior on the precision
//! matrices), written four ways:
//!
//! - [`gmm_objective`]: plain scalar Rust over flat slices under `#[differentiable]`, close to
//!   gradbench's C++ `gmm.hpp`, which generates [`gmm_objective_grad`] (gradient with respect
//!   to `alphas`, `means`, `icf`);
//! - [`gmm_objective_split`]: the same function restructured around two costs that earlier
//!   versions of the macro had with [`gmm_objective`] (see its documentation); kept for
//!   comparison;
//! - [`gmm_grad_manual`]: a hand-derived value and gradient (the "manual" baseline);
//! - [`gmm_objective_naive`]: an independent straightforward evaluation of the log posterior
//!   from its definition (dense matrices, densities, determinant), used only by the tests.
//!
//! # Definition
//!
//! Inputs: `K` components in `D` dimensions, `N` points.
//! - `alphas` (`K`): mixture weights `φ = softmax(α)`;
//! - `means` (`K × D`, row-major): the means `μ_k`;
//! - `icf` (`K × D(D+1)/2`, row `k` for component `k`): the inverse covariance factor. The
//!   first `D` entries of row `k` are `q_k`, the logarithms of the diagonal of the lower
//!   triangular `Q_k`; the remaining `D(D-1)/2` are the strictly lower triangle `L_k` of `Q_k`
//!   in **column-major** order (ADBench's layout): `L[1,0], L[2,0], .., L[D-1,0], L[2,1], ..`.
//!   `Q_k = diag(exp(q_k)) + L_k`, and the precision matrix is `Σ_k⁻¹ = Q_kᵀ Q_k`.
//! - `x` (`N × D`, row-major): the data;
//! - Wishart prior `W_D(V, n)` on each precision matrix with `V = γ⁻² I`, `n = D + m + 1`.
//!
//! With `β_ik = α_k + Σ_j q_kj - ½ ‖Q_k (x_i - μ_k)‖²`, the objective is
//!
//! ```text
//! F = -N D/2 log 2π + Σ_i logsumexp_k(β_ik) - N logsumexp(α)
//!     + K (D n log(γ/√2) - log Γ_D(n/2)) - γ²/2 Σ_k ‖Q_k‖_F² + m Σ_k Σ_j q_kj
//! ```
//!
//! (`log p(X | θ, φ) + log p(θ)`, as gradbench's C++ reference computes it; the original
//! ADBench code added the *negative* log prior to the log-likelihood.) The objective is
//! checked against [`gmm_objective_naive`], which evaluates `log p(X | θ, φ) + log p(θ)`
//! from the densities.

// The differentiated functions use index loops on purpose: that is the code under test (the
// macro handles `for i in a..b` over constants and `v[i]`), and the manual gradient mirrors them.
#![allow(clippy::needless_range_loop, clippy::manual_memcpy)]

use ad_runtime::differentiable;

/// `log Γ(a)` for `a` a positive multiple of ½, exactly by the recurrences
/// `Γ(a + 1) = a Γ(a)`, `Γ(1) = 1`, `Γ(½) = √π`. All arguments of the multivariate gamma
/// function in the Wishart constant are of this form (`n` is an integer).
fn ln_gamma_half_integer(a: f64) -> f64 {
    let twice = (2.0 * a).round();
    assert!(
        twice >= 1.0 && (2.0 * a - twice).abs() < 1e-12,
        "ln_gamma_half_integer({a})"
    );
    let (mut s, mut t) = if (twice as u64).is_multiple_of(2) {
        (0.0, 1.0) // Γ(1) = 1
    } else {
        (0.5 * std::f64::consts::PI.ln(), 0.5) // Γ(½) = √π
    };
    while t < a - 0.25 {
        s += t.ln();
        t += 1.0;
    }
    s
}

/// `log Γ_D(a)`, the logarithm of the multivariate gamma function, for `2a` an integer.
pub fn ln_multigamma(a: f64, d: usize) -> f64 {
    let mut s = 0.25 * (d * (d.saturating_sub(1))) as f64 * std::f64::consts::PI.ln();
    for j in 1..=d {
        s += ln_gamma_half_integer(a + 0.5 * (1.0 - j as f64));
    }
    s
}

/// The terms of the objective that depend on no differentiated input:
/// `-N D/2 log 2π + K (D n log(γ/√2) - log Γ_D(n/2))` with `n = D + m + 1`.
pub fn gmm_constant(d: usize, k: usize, n: usize, wishart_gamma: f64, wishart_m: usize) -> f64 {
    let nu = d + wishart_m + 1;
    let c = (nu * d) as f64 * (wishart_gamma.ln() - 0.5 * std::f64::consts::LN_2)
        - ln_multigamma(0.5 * nu as f64, d);
    -((n * d) as f64) * 0.5 * (2.0 * std::f64::consts::PI).ln() + k as f64 * c
}

/// `log Σ exp(v_i)`, stably (shifted by the maximum).
#[differentiable]
pub fn logsumexp(v: &[f64]) -> f64 {
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

/// The GMM log posterior (see the module documentation), as plain loops over flat slices.
#[differentiable(wrt(alphas, means, icf))]
#[allow(clippy::too_many_arguments)]
pub fn gmm_objective(
    alphas: &[f64],
    means: &[f64],
    icf: &[f64],
    x: &[f64],
    d: usize,
    k: usize,
    n: usize,
    wishart_gamma: f64,
    wishart_m: usize,
) -> f64 {
    let icf_sz = d * (d + 1) / 2;

    // exp of the log-diagonals, and their sums (log det Q_k).
    let mut qdiags = vec![0.0; d * k];
    let mut sum_qs = vec![0.0; k];
    for ik in 0..k {
        let mut s = 0.0;
        for j in 0..d {
            let q = icf[ik * icf_sz + j];
            qdiags[ik * d + j] = q.exp();
            s += q;
        }
        sum_qs[ik] = s;
    }

    let mut xc = vec![0.0; d];
    let mut qxc = vec![0.0; d];
    let mut main_term = vec![0.0; k];
    let mut slse = 0.0;
    for ix in 0..n {
        for ik in 0..k {
            // xc = x_i - mu_k
            for j in 0..d {
                xc[j] = x[ix * d + j] - means[ik * d + j];
            }
            // qxc = Q_k xc, Q_k = diag(exp q_k) + L_k (L_k column-major after the diagonal)
            for j in 0..d {
                qxc[j] = qdiags[ik * d + j] * xc[j];
            }
            let mut idx = ik * icf_sz + d;
            for c in 0..d {
                for r in c + 1..d {
                    qxc[r] += icf[idx] * xc[c];
                    idx += 1;
                }
            }
            let mut sq = 0.0;
            for j in 0..d {
                sq += qxc[j] * qxc[j];
            }
            main_term[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sq;
        }
        slse += logsumexp(&main_term);
    }

    // Wishart log prior, without its constant: -γ²/2 ‖Q_k‖_F² + m Σ q_k.
    let mut prior = 0.0;
    for ik in 0..k {
        let mut frob = 0.0;
        for j in 0..d {
            frob += qdiags[ik * d + j] * qdiags[ik * d + j];
        }
        for j in d..icf_sz {
            let l = icf[ik * icf_sz + j];
            frob += l * l;
        }
        prior += wishart_m as f64 * sum_qs[ik] - 0.5 * wishart_gamma * wishart_gamma * frob;
    }

    let constant = gmm_constant(d, k, n, wishart_gamma, wishart_m);
    constant + slse - n as f64 * logsumexp(alphas) + prior
}

/// [`gmm_objective`] restructured around two costs that earlier versions of the macro had
/// with it: the packed index of `L_k[r, c]` is computed in closed form instead of with a
/// mutable counter (which was recorded at every step, and with it every `icf[idx]` read;
/// the macro now undoes `idx += 1` in the reverse sweep instead), and `Q_k (x - μ_k)` is
/// accumulated in one buffer and copied into another before it is read (the old `acc[r]`
/// was saved at every increment; now an increment records nothing either way). Both forms
/// now record `D` values per point and component; this one does a little more work. Same
/// value as [`gmm_objective`] up to rounding.
#[differentiable(wrt(alphas, means, icf))]
#[allow(clippy::too_many_arguments)]
pub fn gmm_objective_split(
    alphas: &[f64],
    means: &[f64],
    icf: &[f64],
    x: &[f64],
    d: usize,
    k: usize,
    n: usize,
    wishart_gamma: f64,
    wishart_m: usize,
) -> f64 {
    let icf_sz = d * (d + 1) / 2;

    let mut qdiags = vec![0.0; d * k];
    let mut sum_qs = vec![0.0; k];
    for ik in 0..k {
        let mut s = 0.0;
        for j in 0..d {
            let q = icf[ik * icf_sz + j];
            qdiags[ik * d + j] = q.exp();
            s += q;
        }
        sum_qs[ik] = s;
    }

    let mut xc = vec![0.0; d];
    let mut acc = vec![0.0; d];
    let mut qxc = vec![0.0; d];
    let mut main_term = vec![0.0; k];
    let mut slse = 0.0;
    for ix in 0..n {
        for ik in 0..k {
            for j in 0..d {
                xc[j] = x[ix * d + j] - means[ik * d + j];
            }
            for j in 0..d {
                acc[j] = qdiags[ik * d + j] * xc[j];
            }
            for c in 0..d {
                // icf index of L_k[r, c] is col + r (column c starts at row c + 1).
                let col = ik * icf_sz + d + c * (2 * d - c - 1) / 2 - c - 1;
                for r in c + 1..d {
                    acc[r] += icf[col + r] * xc[c];
                }
            }
            for j in 0..d {
                qxc[j] = acc[j];
            }
            let mut sq = 0.0;
            for j in 0..d {
                sq += qxc[j] * qxc[j];
            }
            main_term[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sq;
        }
        slse += logsumexp(&main_term);
    }

    let mut prior = 0.0;
    for ik in 0..k {
        let mut frob = 0.0;
        for j in 0..d {
            frob += qdiags[ik * d + j] * qdiags[ik * d + j];
        }
        for j in d..icf_sz {
            let l = icf[ik * icf_sz + j];
            frob += l * l;
        }
        prior += wishart_m as f64 * sum_qs[ik] - 0.5 * wishart_gamma * wishart_gamma * frob;
    }

    let constant = gmm_constant(d, k, n, wishart_gamma, wishart_m);
    constant + slse - n as f64 * logsumexp(alphas) + prior
}

/// Gradient of the objective with respect to `(alphas, means, icf)`, shaped like them (the
/// tangent type [`gmm_objective_grad`] returns).
pub type GmmGradient = (Vec<f64>, Vec<f64>, Vec<f64>);

/// Hand-written value and gradient of [`gmm_objective`] with respect to
/// `(alphas, means, icf)`, in the same shapes as [`gmm_objective_grad`] returns them.
///
/// One pass per data point over the `K` components: the forward part computes, for each
/// component, `xc = x_i - μ_k`, `z = Q_k xc` and `β_ik`, keeping `xc` and `z` in scratch
/// buffers of `K × D` that are reused for every point; then with the responsibilities
/// `w_k = softmax(β_i)_k` (`∂ logsumexp / ∂β_ik`) and `g = w_k z` it accumulates
///
/// - `∂α_k += w_k`,
/// - `∂q_kj += w_k - g_j exp(q_kj) xc_j` (from `+q_kj` and the diagonal of `Q_k`),
/// - `∂L_k[r, c] -= g_r xc_c`,
/// - `∂μ_k += Q_kᵀ g` (since `∂β/∂xc = -Q_kᵀ z` and `xc = x - μ`),
///
/// the last two fused in one sweep over the packed triangle. The terms outside the sum over
/// points are `∂α -= N softmax(α)` and, from the prior, `∂q_kj += m - γ² exp(2 q_kj)` and
/// `∂L_k += -γ² L_k`.
///
/// No allocation inside the loop over points; bounds checks are hoisted by slicing.
#[allow(clippy::too_many_arguments)]
pub fn gmm_grad_manual(
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
    assert!(d > 0 && k > 0, "gmm_grad_manual: d and k must be positive");
    let icf_sz = d * (d + 1) / 2;
    assert_eq!(alphas.len(), k, "alphas: K");
    assert_eq!(means.len(), k * d, "means: K x D");
    assert_eq!(icf.len(), k * icf_sz, "icf: K x D(D+1)/2");
    assert_eq!(x.len(), n * d, "x: N x D");

    let mut d_alphas = vec![0.0; k];
    let mut d_means = vec![0.0; k * d];
    let mut d_icf = vec![0.0; k * icf_sz];

    let mut qdiags = vec![0.0; k * d];
    let mut sum_qs = vec![0.0; k];
    for ((qd, s), row) in qdiags
        .chunks_exact_mut(d)
        .zip(sum_qs.iter_mut())
        .zip(icf.chunks_exact(icf_sz))
    {
        for (qdj, &q) in qd.iter_mut().zip(&row[..d]) {
            *qdj = q.exp();
            *s += q;
        }
    }

    // Per-point scratch, reused: centred point and Q (x - mu) per component, and beta / exp.
    let mut xcs = vec![0.0; k * d];
    let mut zs = vec![0.0; k * d];
    let mut beta = vec![0.0; k];

    let mut slse = 0.0;
    for xi in x.chunks_exact(d) {
        // Forward: beta_k for every component.
        for ik in 0..k {
            let mu = &means[ik * d..(ik + 1) * d];
            let qd = &qdiags[ik * d..(ik + 1) * d];
            let l = &icf[ik * icf_sz + d..(ik + 1) * icf_sz];
            let xc = &mut xcs[ik * d..(ik + 1) * d];
            let z = &mut zs[ik * d..(ik + 1) * d];
            for j in 0..d {
                xc[j] = xi[j] - mu[j];
                z[j] = qd[j] * xc[j];
            }
            let mut idx = 0;
            for c in 0..d {
                let xcc = xc[c];
                let m = d - c - 1;
                let lc = &l[idx..idx + m];
                for (zr, &lrc) in z[c + 1..].iter_mut().zip(lc) {
                    *zr += lrc * xcc;
                }
                idx += m;
            }
            let sq: f64 = z.iter().map(|v| v * v).sum();
            beta[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sq;
        }
        // logsumexp and the responsibilities.
        let mx = beta.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mut s = 0.0;
        for b in beta.iter_mut() {
            *b = (*b - mx).exp();
            s += *b;
        }
        slse += s.ln() + mx;
        let inv_s = 1.0 / s;
        // Reverse: accumulate the weighted per-component gradients.
        for ik in 0..k {
            let w = beta[ik] * inv_s;
            d_alphas[ik] += w;
            let qd = &qdiags[ik * d..(ik + 1) * d];
            let l = &icf[ik * icf_sz + d..(ik + 1) * icf_sz];
            let xc = &xcs[ik * d..(ik + 1) * d];
            let g = &mut zs[ik * d..(ik + 1) * d];
            let gmu = &mut d_means[ik * d..(ik + 1) * d];
            let (gq, gl) = d_icf[ik * icf_sz..(ik + 1) * icf_sz].split_at_mut(d);
            for j in 0..d {
                g[j] *= w;
                gq[j] += w - g[j] * qd[j] * xc[j];
            }
            let mut idx = 0;
            for c in 0..d {
                let xcc = xc[c];
                let m = d - c - 1;
                let lc = &l[idx..idx + m];
                let glc = &mut gl[idx..idx + m];
                let mut acc = qd[c] * g[c];
                for ((glrc, &lrc), &gr) in glc.iter_mut().zip(lc).zip(&g[c + 1..]) {
                    *glrc -= gr * xcc;
                    acc += lrc * gr;
                }
                gmu[c] += acc;
                idx += m;
            }
        }
    }

    // -N logsumexp(alpha)
    let amax = alphas.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let sa: f64 = alphas.iter().map(|a| (a - amax).exp()).sum();
    let lse_alpha = sa.ln() + amax;
    for (ga, &a) in d_alphas.iter_mut().zip(alphas) {
        *ga -= n as f64 * (a - amax).exp() / sa;
    }

    // Wishart prior: m sum q - gamma^2/2 |Q|_F^2.
    let g2 = wishart_gamma * wishart_gamma;
    let mf = wishart_m as f64;
    let mut prior = 0.0;
    for ik in 0..k {
        let qd = &qdiags[ik * d..(ik + 1) * d];
        let row = &icf[ik * icf_sz..(ik + 1) * icf_sz];
        let (gq, gl) = d_icf[ik * icf_sz..(ik + 1) * icf_sz].split_at_mut(d);
        let mut frob = 0.0;
        for j in 0..d {
            frob += qd[j] * qd[j];
            gq[j] += mf - g2 * qd[j] * qd[j];
        }
        for (glj, &lj) in gl.iter_mut().zip(&row[d..]) {
            frob += lj * lj;
            *glj -= g2 * lj;
        }
        prior += mf * sum_qs[ik] - 0.5 * g2 * frob;
    }

    let value =
        gmm_constant(d, k, n, wishart_gamma, wishart_m) + slse - n as f64 * lse_alpha + prior;
    (value, (d_alphas, d_means, d_icf))
}

/// `log Γ(x)` for `x > 0` by the Lanczos approximation (g = 7, 9 terms; about 1e-15 relative).
/// Independent of [`ln_gamma_half_integer`]; used by [`gmm_objective_naive`].
fn ln_gamma_lanczos(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 - x) = π / sin(π x).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma_lanczos(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (i, &c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// `log det A` of a symmetric positive definite matrix (row-major, `d × d`) by Gaussian
/// elimination with partial pivoting.
fn ln_det(a: &[f64], d: usize) -> f64 {
    let mut m = a.to_vec();
    let mut s = 0.0;
    for c in 0..d {
        let p = (c..d)
            .max_by(|&i, &j| m[i * d + c].abs().total_cmp(&m[j * d + c].abs()))
            .unwrap();
        if p != c {
            for j in 0..d {
                m.swap(c * d + j, p * d + j);
            }
        }
        let piv = m[c * d + c];
        s += piv.abs().ln();
        for r in c + 1..d {
            let f = m[r * d + c] / piv;
            for j in c..d {
                m[r * d + j] -= f * m[c * d + j];
            }
        }
    }
    s
}

/// The GMM log posterior computed straight from its definition, for testing: dense `Q_k`,
/// precision `Σ_k⁻¹ = Q_kᵀ Q_k`, the mixture density `Σ_k φ_k N(x_i; μ_k, Σ_k)` with
/// `φ = softmax(α)` and the Gaussian density written with `det Σ_k⁻¹` (computed by
/// elimination, not from `q`), and the Wishart log density `log W_D(Σ_k⁻¹; γ⁻² I, D + m + 1)`
/// with a Lanczos `log Γ`. No log-sum-exp shift: only for small, well-scaled inputs.
#[allow(clippy::too_many_arguments)]
pub fn gmm_objective_naive(
    alphas: &[f64],
    means: &[f64],
    icf: &[f64],
    x: &[f64],
    d: usize,
    k: usize,
    n: usize,
    wishart_gamma: f64,
    wishart_m: usize,
) -> f64 {
    let pi = std::f64::consts::PI;
    let icf_sz = d * (d + 1) / 2;
    // Dense Q_k (row-major), then P_k = Q_k^T Q_k.
    let mut precisions = Vec::new();
    for ik in 0..k {
        let row = &icf[ik * icf_sz..(ik + 1) * icf_sz];
        let mut q = vec![0.0; d * d];
        for j in 0..d {
            q[j * d + j] = row[j].exp();
        }
        let mut idx = d;
        for c in 0..d {
            for r in c + 1..d {
                q[r * d + c] = row[idx];
                idx += 1;
            }
        }
        let mut p = vec![0.0; d * d];
        for a in 0..d {
            for b in 0..d {
                p[a * d + b] = (0..d).map(|t| q[t * d + a] * q[t * d + b]).sum();
            }
        }
        precisions.push(p);
    }
    let z: f64 = alphas.iter().map(|a| a.exp()).sum();
    let phi: Vec<f64> = alphas.iter().map(|a| a.exp() / z).collect();

    let mut log_lik = 0.0;
    for i in 0..n {
        let xi = &x[i * d..(i + 1) * d];
        let mut dens = 0.0;
        for ik in 0..k {
            let p = &precisions[ik];
            let diff: Vec<f64> = (0..d).map(|j| xi[j] - means[ik * d + j]).collect();
            let mut quad = 0.0;
            for a in 0..d {
                for b in 0..d {
                    quad += diff[a] * p[a * d + b] * diff[b];
                }
            }
            // N(x; mu, Sigma) = exp(-quad/2) / sqrt((2 pi)^D det Sigma), det Sigma = 1/det P.
            let det_p = ln_det(p, d).exp();
            dens += phi[ik] * (-0.5 * quad).exp() / ((2.0 * pi).powi(d as i32) / det_p).sqrt();
        }
        log_lik += dens.ln();
    }

    // Wishart W_D(V, nu) density of X = P_k, V = I / gamma^2:
    // log f = (nu-D-1)/2 log det X - tr(V^-1 X)/2 - nu D/2 log 2 - nu/2 log det V - log Gamma_D(nu/2)
    let nu = (d + wishart_m + 1) as f64;
    let df = d as f64;
    let ln_det_v = -2.0 * df * wishart_gamma.ln();
    let mut ln_multigamma = 0.25 * df * (df - 1.0) * pi.ln();
    for j in 1..=d {
        ln_multigamma += ln_gamma_lanczos(0.5 * nu + 0.5 * (1.0 - j as f64));
    }
    let mut log_prior = 0.0;
    for p in &precisions {
        let trace: f64 = (0..d).map(|j| p[j * d + j]).sum();
        log_prior += 0.5 * (nu - df - 1.0) * ln_det(p, d)
            - 0.5 * wishart_gamma * wishart_gamma * trace
            - 0.5 * nu * df * std::f64::consts::LN_2
            - 0.5 * nu * ln_det_v
            - ln_multigamma;
    }
    log_lik + log_prior
}

/// One GMM problem: sizes, differentiated inputs, data and Wishart parameters.
#[derive(Clone, Debug)]
pub struct GmmInput {
    pub d: usize,
    pub k: usize,
    pub n: usize,
    pub alphas: Vec<f64>,
    pub means: Vec<f64>,
    pub icf: Vec<f64>,
    pub x: Vec<f64>,
    pub wishart_gamma: f64,
    pub wishart_m: usize,
}

impl GmmInput {
    /// [`gmm_objective`] at this input.
    pub fn objective(&self) -> f64 {
        gmm_objective(
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

    /// [`gmm_objective_grad`] (the generated gradient) at this input.
    pub fn grad_generated(&self) -> (f64, GmmGradient) {
        gmm_objective_grad(
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

    /// [`gmm_objective_split_grad`] (generated, restructured source) at this input.
    pub fn grad_generated_split(&self) -> (f64, GmmGradient) {
        gmm_objective_split_grad(
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

    /// [`gmm_grad_manual`] at this input.
    pub fn grad_manual(&self) -> (f64, GmmGradient) {
        gmm_grad_manual(
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

    /// [`gmm_objective_naive`] at this input.
    pub fn objective_naive(&self) -> f64 {
        gmm_objective_naive(
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

/// xorshift64* uniform in `[0, 1)` and Box–Muller standard normals; no `rand` dependency.
struct Rng {
    state: u64,
    spare: Option<f64>,
}

impl Rng {
    fn new(seed: u64) -> Self {
        // splitmix64 of the seed, so that small seeds give well-mixed states (never zero).
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng {
            state: z | 1,
            spare: None,
        }
    }

    fn uniform(&mut self) -> f64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        let r = self.state.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (r >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        let u1 = 1.0 - self.uniform(); // (0, 1]
        let u2 = self.uniform();
        let r = (-2.0 * u1.ln()).sqrt();
        let t = 2.0 * std::f64::consts::PI * u2;
        self.spare = Some(r * t.sin());
        r * t.cos()
    }
}

/// A deterministic GMM input in the style of the gradbench generator (`evals/gmm`): with one
/// seeded generator, in this order, `x ~ N(0, 1)` (`N × D`), `means ~ U[0, 1)` (`K × D`),
/// the log-diagonals `q ~ N(0, 1)` and the strictly lower triangles `L ~ N(0, 1)` (packed
/// into `icf`, see the module documentation), and `alphas ~ N(0, 1)`; `γ = 1`, `m = 0`.
/// Not the same numbers as gradbench's (no NumPy here).
pub fn gmm_input(d: usize, k: usize, n: usize) -> GmmInput {
    gmm_input_with(d, k, n, 1.0, 0, 31337)
}

/// [`gmm_input`] with explicit Wishart parameters and seed.
pub fn gmm_input_with(
    d: usize,
    k: usize,
    n: usize,
    wishart_gamma: f64,
    wishart_m: usize,
    seed: u64,
) -> GmmInput {
    let mut rng = Rng::new(seed);
    let icf_sz = d * (d + 1) / 2;
    let x = (0..n * d).map(|_| rng.normal()).collect();
    let means = (0..k * d).map(|_| rng.uniform()).collect();
    let q: Vec<f64> = (0..k * d).map(|_| rng.normal()).collect();
    let l: Vec<f64> = (0..k * (icf_sz - d)).map(|_| rng.normal()).collect();
    let mut icf = Vec::with_capacity(k * icf_sz);
    for ik in 0..k {
        icf.extend_from_slice(&q[ik * d..(ik + 1) * d]);
        icf.extend_from_slice(&l[ik * (icf_sz - d)..(ik + 1) * (icf_sz - d)]);
    }
    let alphas = (0..k).map(|_| rng.normal()).collect();
    GmmInput {
        d,
        k,
        n,
        alphas,
        means,
        icf,
        x,
        wishart_gamma,
        wishart_m,
    }
}

/// Concatenation `(alphas, means, icf)`, the order of gradbench's `jacobian` output.
pub fn flatten_grad(g: &GmmGradient) -> Vec<f64> {
    let mut v = g.0.clone();
    v.extend_from_slice(&g.1);
    v.extend_from_slice(&g.2);
    v
}

/// Checks, before anything is timed, that both generated values and gradients
/// ([`gmm_objective_grad`], [`gmm_objective_split_grad`]) agree with the manual ones (relative 1e-8 per component, scaled by `max(|a|, |b|, 1)`).
/// The runtime-tape peers are checked the same way by
/// [`gmm_peers_check_agreement`](crate::gmm_peers::gmm_peers_check_agreement).
///
/// # Panics
/// If they differ.
pub fn gmm_check_agreement(input: &GmmInput) {
    let p = input.objective();
    let (vg, gg) = input.grad_generated();
    let (vm, gm) = input.grad_manual();
    let (vs, gs) = input.grad_generated_split();
    let tol = 1e-8 * p.abs().max(1.0);
    assert!(
        (vs - p).abs() <= tol,
        "generated (split) value {vs} differs from the primal {p}"
    );
    assert!(
        (vg - p).abs() <= tol,
        "generated value {vg} differs from the primal {p}"
    );
    assert!(
        (vm - p).abs() <= tol,
        "manual value {vm} differs from the primal {p}"
    );
    let diff = crate::max_rel_diff(&flatten_grad(&gg), &flatten_grad(&gm));
    assert!(
        diff <= 1e-8,
        "generated gradient differs from the manual one: max relative difference {diff:e} \
         (d = {}, k = {}, n = {})",
        input.d,
        input.k,
        input.n
    );
    let diff = crate::max_rel_diff(&flatten_grad(&gs), &flatten_grad(&gm));
    assert!(
        diff <= 1e-8,
        "generated (split) gradient differs from the manual one: max relative difference \
         {diff:e} (d = {}, k = {}, n = {})",
        input.d,
        input.k,
        input.n
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use ad_runtime::check::{compare, fd_gradient};

    /// The sizes of the brief, plus variants exercising the Wishart parameters and D = 1.
    fn cases() -> Vec<GmmInput> {
        vec![
            gmm_input(2, 3, 5),
            gmm_input(3, 2, 7),
            gmm_input_with(2, 3, 5, 0.7, 2, 7),
            gmm_input_with(3, 2, 7, 1.3, 1, 11),
            gmm_input_with(4, 3, 6, 0.9, 3, 5),
            gmm_input_with(1, 2, 4, 1.1, 0, 3),
        ]
    }

    /// The objective as a function of the flat vector `(alphas, means, icf)`.
    fn flat_objective(inp: &GmmInput) -> impl Fn(&[f64]) -> f64 + '_ {
        move |p: &[f64]| {
            let (a, rest) = p.split_at(inp.k);
            let (m, icf) = rest.split_at(inp.k * inp.d);
            gmm_objective(
                a,
                m,
                icf,
                &inp.x,
                inp.d,
                inp.k,
                inp.n,
                inp.wishart_gamma,
                inp.wishart_m,
            )
        }
    }

    #[test]
    fn objective_matches_naive_definition() {
        for inp in cases() {
            let v = inp.objective();
            let r = inp.objective_naive();
            assert!(
                (v - r).abs() <= 1e-10 * r.abs().max(1.0),
                "d={} k={} n={}: objective {v} vs naive {r}",
                inp.d,
                inp.k,
                inp.n
            );
        }
    }

    #[test]
    fn ln_multigamma_matches_lanczos() {
        for d in 1..8 {
            for nu in d..d + 6 {
                let a = 0.5 * (nu + 1) as f64;
                let exact = ln_multigamma(a, d);
                let mut lz = 0.25 * (d * (d - 1)) as f64 * std::f64::consts::PI.ln();
                for j in 1..=d {
                    lz += ln_gamma_lanczos(a + 0.5 * (1.0 - j as f64));
                }
                assert!(
                    (exact - lz).abs() <= 1e-12 * lz.abs().max(1.0),
                    "{d} {nu}: {exact} {lz}"
                );
            }
        }
    }

    #[test]
    fn generated_equals_manual() {
        for inp in cases() {
            let p = inp.objective();
            let (vg, gg) = inp.grad_generated();
            let (vm, gm) = inp.grad_manual();
            assert_eq!(vg, p, "value of _grad is the primal's");
            assert!(
                (vm - p).abs() <= 1e-10 * p.abs().max(1.0),
                "manual value {vm} vs {p}"
            );
            let (gg, gm) = (flatten_grad(&gg), flatten_grad(&gm));
            assert_eq!(gg.len(), inp.k * (1 + inp.d + inp.d * (inp.d + 1) / 2));
            if let Err(e) = compare(&gg, &gm, 1e-8, 1e-12) {
                panic!(
                    "d={} k={} n={}: generated vs manual: {e}",
                    inp.d, inp.k, inp.n
                );
            }
            let (vs, gs) = inp.grad_generated_split();
            assert!(
                (vs - p).abs() <= 1e-12 * p.abs().max(1.0),
                "split value {vs} vs {p}"
            );
            if let Err(e) = compare(&flatten_grad(&gs), &gm, 1e-8, 1e-12) {
                panic!(
                    "d={} k={} n={}: generated (split) vs manual: {e}",
                    inp.d, inp.k, inp.n
                );
            }
        }
    }

    #[test]
    fn gradients_match_finite_differences() {
        for inp in cases() {
            let mut p = inp.alphas.clone();
            p.extend_from_slice(&inp.means);
            p.extend_from_slice(&inp.icf);
            let fd = fd_gradient(flat_objective(&inp), &p, 1e-6);
            for (what, g) in [
                ("generated", inp.grad_generated()),
                ("generated (split)", inp.grad_generated_split()),
                ("manual", inp.grad_manual()),
            ] {
                if let Err(e) = compare(&flatten_grad(&g.1), &fd, 1e-5, 1e-6) {
                    panic!(
                        "d={} k={} n={}: {what} vs finite differences: {e}",
                        inp.d, inp.k, inp.n
                    );
                }
            }
        }
    }

    #[test]
    fn check_agreement_at_benchmark_shape() {
        gmm_check_agreement(&gmm_input(5, 4, 50));
    }
}
