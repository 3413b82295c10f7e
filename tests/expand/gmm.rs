// The GMM objective of benches/src/gmm.rs (without its constant term). Per point and
// component the forward sweep records d values (qxc, read by the squared norm) and the
// final packed-triangle counter idx: xc is refilled whole per component and rebuilt in the
// reverse sweep, the steps idx += 1 are undone there (idx -= 1) so icf[idx] is recomputed,
// the increments qxc[r] += .. read their cotangent in place, and the cotangent of xc[c] in
// the loop over r is summed in a register. In `gmm_objective_vjp` the loop over points is
// fused (xc, qxc and main_term are filled whole per point before they are read: scratch
// buffers), the prior loop after it runs before it, and the pullback of
// `logsumexp(&main_term)` is kept from the forward call; the reverse sweep's element accesses
// of the gradients and of the fixed-length buffers skip bounds checks. (`logsumexp` is the
// function of accumulator.rs.)
use ad_runtime::differentiable;

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

    slse - n as f64 * logsumexp(alphas) + prior
}

