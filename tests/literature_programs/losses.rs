//! Machine-learning losses on flat buffers and `const` data tables: hinge, focal, Huber,
//! KL, soft k-means, Gaussian-process likelihood, GRU and LSTM cells.

use crate::harness::*;
use ad_runtime::differentiable;
use std::f64::consts::PI;

const HX: [f64; 12] = [
    0.5, -1.0, 0.3, 1.2, 0.4, -0.7, -0.3, 0.8, 1.5, 0.9, -0.2, 0.1,
];
const HY: [f64; 4] = [1.0, -1.0, 1.0, -1.0];
/// Squared hinge loss with L2 (margins away from the kink).
#[differentiable]
fn sq_hinge(w: &[f64], b: f64) -> f64 {
    let mut loss = 0.0;
    for i in 0..4 {
        let mut z = b;
        for j in 0..3 {
            z += w[j] * HX[i * 3 + j];
        }
        let m = 1.0 - HY[i] * z;
        if m > 0.0 {
            loss += m * m;
        }
    }
    loss + 0.01 * w.iter().map(|v| v * v).sum::<f64>()
}
#[test]
fn t_sq_hinge() {
    let x = vec![0.4, -0.3, 0.6, 0.1];
    for i in 0..4 {
        let z: f64 = x[3] + (0..3).map(|j| x[j] * HX[i * 3 + j]).sum::<f64>();
        assert!((1.0 - HY[i] * z).abs() > 0.05);
    }
    slice_scalar_case!(
        "sq_hinge",
        x,
        sq_hinge,
        sq_hinge_grad,
        sq_hinge_jvp,
        sq_hinge_hvp,
        sq_hinge_check
    );
}

/// Huber on residuals of a linear model (away from |r| = delta).
#[differentiable]
fn huber_fit(w: &[f64], delta: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..4 {
        let r = w[0] + w[1] * HX[i] - HY[i];
        s += if r.abs() <= delta {
            0.5 * r * r
        } else {
            delta * (r.abs() - 0.5 * delta)
        };
    }
    s
}
#[test]
fn t_huber_fit() {
    slice_scalar_case!(
        "huber_fit",
        vec![0.2, 0.7, 0.9],
        huber_fit,
        huber_fit_grad,
        huber_fit_jvp,
        huber_fit_hvp,
        huber_fit_check
    );
}

/// Focal loss; labels as a constant usize slice, gamma differentiated.
#[differentiable]
fn focal(z: &[f64], y: &[usize], gamma: f64) -> f64 {
    let mut l = 0.0;
    for i in 0..z.len() {
        let p = 1.0 / (1.0 + (-z[i]).exp());
        let pt = if y[i] == 1 { p } else { 1.0 - p };
        l -= (1.0 - pt).powf(gamma) * pt.ln();
    }
    l / z.len() as f64
}
#[test]
fn t_focal() {
    let y = [1usize, 0, 1, 0, 1];
    let x = vec![0.3, -1.2, 0.8, 1.7, -0.4, 2.0];
    let k = 5;
    verify(
        "focal",
        &x,
        &|p| focal(&p[..k], &y, p[k]),
        &|p| {
            let (v, (mut a, b)) = focal_grad(&p[..k], &y, p[k]);
            a.push(b);
            (v, a)
        },
        &|p, t| focal_jvp(&p[..k], &y, p[k], &t[..k], t[k]),
        Some(&|p, t| {
            let (v, (mut a, b), (mut c, d)) = focal_hvp(&p[..k], &y, p[k], &t[..k], t[k]);
            a.push(b);
            c.push(d);
            (v, a, c)
        }),
        Some(focal_check(&x[..k], &y, x[k])),
    );
}

/// log-cosh loss via zip/map/sum with a tuple closure pattern.
#[differentiable]
fn log_cosh(pred: &[f64], target: &[f64]) -> f64 {
    pred.iter()
        .zip(target.iter())
        .map(|(p, t)| (p - t).cosh().ln())
        .sum::<f64>()
        / pred.len() as f64
}
#[test]
fn t_log_cosh() {
    two_slices_case!(
        "log_cosh",
        vec![0.3, -1.2, 0.8, 1.7, 0.1, -0.2, 0.5, 0.4],
        4,
        log_cosh,
        log_cosh_grad,
        log_cosh_jvp,
        log_cosh_hvp,
        log_cosh_check
    );
}

/// KL divergence between two softmaxes, each normalised with a max fold.
#[differentiable]
fn kl_softmax(a: &[f64], b: &[f64]) -> f64 {
    let ma = a.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let la = ma + a.iter().map(|v| (v - ma).exp()).sum::<f64>().ln();
    let mb = b.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let lb = mb + b.iter().map(|v| (v - mb).exp()).sum::<f64>().ln();
    let mut kl = 0.0;
    for i in 0..a.len() {
        let lp = a[i] - la;
        let lq = b[i] - lb;
        kl += lp.exp() * (lp - lq);
    }
    kl
}
#[test]
fn t_kl_softmax() {
    two_slices_case!(
        "kl_softmax",
        vec![0.3, -1.2, 0.8, 1.7, 0.1, -0.2, 0.5, 0.4],
        4,
        kl_softmax,
        kl_softmax_grad,
        kl_softmax_jvp,
        kl_softmax_hvp,
        kl_softmax_check
    );
}

#[differentiable]
fn sigm(v: f64) -> f64 {
    1.0 / (1.0 + (-v).exp())
}
#[differentiable]
fn affine2(w: &[f64], off: usize, x: &[f64], h: &[f64], i: usize) -> f64 {
    let m = x.len();
    let n = h.len();
    let mut s = 0.0;
    for j in 0..m {
        s += w[off + i * m + j] * x[j];
    }
    let off2 = off + n * m;
    for j in 0..n {
        s += w[off2 + i * n + j] * h[j];
    }
    s
}
/// GRU cell over slices, Vec result; the candidate reads a local buffer through a borrow.
#[differentiable]
fn gru_cell(x: &[f64], h: &[f64], w: &[f64]) -> Vec<f64> {
    let m = x.len();
    let n = h.len();
    let blk = n * m + n * n;
    let mut z = vec![0.0; n];
    let mut r = vec![0.0; n];
    for i in 0..n {
        z[i] = sigm(affine2(w, 0, x, h, i));
        r[i] = sigm(affine2(w, blk, x, h, i));
    }
    let mut rh = vec![0.0; n];
    for i in 0..n {
        rh[i] = r[i] * h[i];
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let c = affine2(w, 2 * blk, x, &rh, i).tanh();
        out.push((1.0 - z[i]) * h[i] + z[i] * c);
    }
    out
}
#[test]
fn t_gru_cell() {
    let mut x: Vec<f64> = vec![0.5, -0.8, 0.2, -0.4, 0.6];
    x.extend((0..45).map(|i| ((i * 7 + 3) % 13) as f64 * 0.09 - 0.55));
    verify_vector(
        "gru_cell",
        &x,
        &|p| gru_cell(&p[..2], &p[2..5], &p[5..]),
        &|p, t| gru_cell_jvp(&p[..2], &p[2..5], &p[5..], &t[..2], &t[2..5], &t[5..]),
        &|p| gru_cell_jacobian(&p[..2], &p[2..5], &p[5..]),
        Some(&|p, w| {
            let (v, (mut a, b, c)) = gru_cell_vjp(&p[..2], &p[2..5], &p[5..], w.to_vec());
            a.extend(b);
            a.extend(c);
            (v, a)
        }),
    );
}

/// LSTM over a scalar sequence with a hidden state of 2; gate pre-activations from a helper.
#[differentiable]
fn gate_pre(w: &[f64], g: usize, k: usize, xt: f64, h: &[f64]) -> f64 {
    let n = h.len();
    let base = g * (2 * n + n * n);
    let mut s = w[base + k] * xt + w[base + n + k];
    for j in 0..n {
        s += w[base + 2 * n + k * n + j] * h[j];
    }
    s
}
#[differentiable]
fn lstm_loss(xs: &[f64], w: &[f64]) -> f64 {
    let n = 2;
    let mut h = vec![0.0; n];
    let mut c = vec![0.0; n];
    for t in 0..xs.len() {
        let mut hn = vec![0.0; n];
        let mut cn = vec![0.0; n];
        for k in 0..n {
            let ig = sigm(gate_pre(w, 0, k, xs[t], &h));
            let fg = sigm(gate_pre(w, 1, k, xs[t], &h));
            let og = sigm(gate_pre(w, 2, k, xs[t], &h));
            let gg = gate_pre(w, 3, k, xs[t], &h).tanh();
            cn[k] = fg * c[k] + ig * gg;
            hn[k] = og * cn[k].tanh();
        }
        h = hn;
        c = cn;
    }
    h[0] * h[0] + h[1] + 0.5 * c[0]
}
#[test]
fn t_lstm_loss() {
    let mut x: Vec<f64> = vec![0.5, -0.8, 0.2, 1.1];
    x.extend((0..32).map(|i| ((i * 5 + 1) % 11) as f64 * 0.12 - 0.6));
    two_slices_case!(
        "lstm_loss",
        x,
        4,
        lstm_loss,
        lstm_loss_grad,
        lstm_loss_jvp,
        lstm_loss_hvp,
        lstm_loss_check
    );
}

static PTS: [f64; 12] = [
    0.1, 0.2, 1.5, 1.1, -0.7, 0.4, 0.9, -1.2, 2.0, 0.3, -0.2, -0.9,
];
/// Soft k-means energy (negative log-sum-exp over centres, min-shifted).
#[differentiable]
fn kmeans_soft(c: &[f64]) -> f64 {
    let beta = 2.0;
    let mut e = 0.0;
    for i in 0..6 {
        let mut d = [0.0; 3];
        for k in 0..3 {
            let dx = PTS[2 * i] - c[2 * k];
            let dy = PTS[2 * i + 1] - c[2 * k + 1];
            d[k] = dx * dx + dy * dy;
        }
        let m = d[0].min(d[1]).min(d[2]);
        let mut s = 0.0;
        for k in 0..3 {
            s += (-beta * (d[k] - m)).exp();
        }
        e += m - s.ln() / beta;
    }
    e
}
#[test]
fn t_kmeans_soft() {
    slice_case!(
        "kmeans_soft",
        vec![0.0, 0.5, 1.4, 0.2, -0.5, -0.8],
        kmeans_soft,
        kmeans_soft_grad,
        kmeans_soft_jvp,
        kmeans_soft_hvp,
        kmeans_soft_check
    );
}

const LX: [f64; 15] = [
    0.5, -1.0, 0.3, 1.2, 0.4, -0.7, -0.3, 0.8, 1.5, 0.9, -0.2, 0.1, 0.3, 0.3, -1.1,
];
const LY: [f64; 5] = [1.0, 0.0, 1.0, 0.0, 1.0];
/// Logistic regression + L2 with a zip over a sub-slice of a const table.
#[differentiable]
fn logreg_l2(w: &[f64], lam: f64) -> f64 {
    let mut nll = 0.0;
    for i in 0..5 {
        let lx = LX;
        let z: f64 = w
            .iter()
            .zip(lx[i * 3..i * 3 + 3].iter())
            .map(|(a, b)| a * b)
            .sum();
        let p = (1.0 / (1.0 + (-z).exp())).max(f64::MIN_POSITIVE);
        let q = (1.0 - p).max(f64::MIN_POSITIVE);
        nll -= LY[i] * p.ln() + (1.0 - LY[i]) * q.ln();
    }
    nll + lam * w.iter().map(|v| v * v).sum::<f64>()
}
#[test]
fn t_logreg_l2() {
    slice_scalar_case!(
        "logreg_l2",
        vec![0.4, -0.3, 0.6, 0.05],
        logreg_l2,
        logreg_l2_grad,
        logreg_l2_jvp,
        logreg_l2_hvp,
        logreg_l2_check
    );
}

const GX: [f64; 3] = [0.1, 0.7, 1.5];
const GY: [f64; 3] = [0.3, -0.2, 0.8];
/// Gaussian-process negative log marginal likelihood, 3×3 Cholesky on a flat array.
#[differentiable]
fn gp_nlml(theta: &[f64]) -> f64 {
    let ell = theta[0].exp();
    let sf2 = (2.0 * theta[1]).exp();
    let sn2 = (2.0 * theta[2]).exp();
    let mut k = [0.0; 9];
    for i in 0..3 {
        for j in 0..3 {
            let d = GX[i] - GX[j];
            k[i * 3 + j] = sf2 * (-d * d / (2.0 * ell * ell)).exp();
        }
        k[i * 3 + i] += sn2;
    }
    let mut l = [0.0; 9];
    for j in 0..3 {
        let mut s = k[j * 3 + j];
        for p in 0..j {
            s -= l[j * 3 + p] * l[j * 3 + p];
        }
        l[j * 3 + j] = s.sqrt();
        for i in j + 1..3 {
            let mut t = k[i * 3 + j];
            for p in 0..j {
                t -= l[i * 3 + p] * l[j * 3 + p];
            }
            l[i * 3 + j] = t / l[j * 3 + j];
        }
    }
    let mut a = [0.0; 3];
    for i in 0..3 {
        let mut t = GY[i];
        for p in 0..i {
            t -= l[i * 3 + p] * a[p];
        }
        a[i] = t / l[i * 3 + i];
    }
    let mut nll = 0.0;
    for i in 0..3 {
        nll += 0.5 * a[i] * a[i] + l[i * 3 + i].ln();
    }
    nll + 1.5 * (2.0 * PI).ln()
}
#[test]
fn t_gp_nlml() {
    slice_case!(
        "gp_nlml",
        vec![-0.3, 0.2, -1.0],
        gp_nlml,
        gp_nlml_grad,
        gp_nlml_jvp,
        gp_nlml_hvp,
        gp_nlml_check
    );
}

#[differentiable]
fn logreg32(w: &[f32], b: f32) -> f32 {
    let mut nll = 0.0f32;
    for i in 0..5 {
        let mut z = b;
        for j in 0..3 {
            z += w[j] * LX[i * 3 + j] as f32;
        }
        let p = 1.0 / (1.0 + (-z).exp());
        nll -= LY[i] as f32 * p.ln() + (1.0 - LY[i] as f32) * (1.0 - p).ln();
    }
    nll
}
#[differentiable]
fn logreg64(w: &[f64], b: f64) -> f64 {
    let mut nll = 0.0f64;
    for i in 0..5 {
        let mut z = b;
        for j in 0..3 {
            z += w[j] * LX[i * 3 + j];
        }
        let p = 1.0 / (1.0 + (-z).exp());
        nll -= LY[i] * p.ln() + (1.0 - LY[i]) * (1.0 - p).ln();
    }
    nll
}
#[test]
fn t_logreg32() {
    slice_scalar_case!(
        "logreg64",
        vec![0.4, -0.3, 0.6, 0.1],
        logreg64,
        logreg64_grad,
        logreg64_jvp,
        logreg64_hvp,
        logreg64_check
    );
    let w = [0.4f32, -0.3, 0.6];
    let (v, (g, gb)) = logreg32_grad(&w, 0.1);
    let (v64, (g64, gb64)) = logreg64_grad(&[0.4, -0.3, 0.6], 0.1f32 as f64);
    assert!(close32(v, v64, 1e-5));
    for i in 0..3 {
        assert!(close32(g[i], g64[i], 1e-4), "{i}: {} vs {}", g[i], g64[i]);
    }
    assert!(close32(gb, gb64, 1e-4));
    let (_, jac) = logreg32_jacobian(&w, 0.1);
    assert!(close32(jac[[0, 3]], gb64, 1e-4));
    assert_eq!(logreg32_check(&w, 0.1), Ok(()));
}
