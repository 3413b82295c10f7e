//! Network 7: a 1-D convolution (cross-correlation, valid padding) written with slices and
//! loops, `y[i] = Σ_k w[k] x[i + k]`, and its MSE against a target, differentiated with
//! respect to both the signal and the kernel (signal 4096, kernel 9).

use ad_runtime::differentiable;

use super::Rng;

/// Length of the signal.
pub const SIGNAL: usize = 4096;
/// Length of the kernel.
pub const KERNEL: usize = 9;

/// MSE of the valid convolution of `x` with `w` against `target` (length
/// `x.len() − w.len() + 1`).
#[differentiable(wrt(x, w))]
pub fn conv_mse(x: &[f64], w: &[f64], target: &[f64]) -> f64 {
    let n = x.len() - w.len() + 1;
    let mut sum = 0.0;
    for i in 0..n {
        let mut y = 0.0;
        for k in 0..w.len() {
            y += w[k] * x[i + k];
        }
        let e = y - target[i];
        sum += e * e;
    }
    sum / n as f64
}

/// Hand-written value and gradient `(dx, dw)` of [`conv_mse`], in three vectorisable passes
/// rather than one scatter per output (whose `dx` updates form a chain through memory):
/// the outputs and `g[i] = ∂L/∂y[i] = 2 e[i] / n`; then `dx[i + k] += w[k] g[i]` as one
/// `axpy` per kernel tap; then `dw[k] = Σ_i g[i] x[i + k]` as one dot product per tap, with
/// eight partial sums so that the compiler can keep them in vector registers.
pub fn conv_mse_hand_grad(x: &[f64], w: &[f64], target: &[f64]) -> (f64, (Vec<f64>, Vec<f64>)) {
    let m = w.len();
    let n = x.len() - m + 1;
    let c = 2.0 / n as f64;
    let mut sum = 0.0;
    let g: Vec<f64> = x
        .windows(m)
        .zip(&target[..n])
        .map(|(win, &t)| {
            let mut y = 0.0;
            for (&wk, &xk) in w.iter().zip(win) {
                y += wk * xk;
            }
            let e = y - t;
            sum += e * e;
            c * e
        })
        .collect();
    let mut dx = vec![0.0; x.len()];
    for (k, &wk) in w.iter().enumerate() {
        for (d, &gi) in dx[k..k + n].iter_mut().zip(&g) {
            *d += wk * gi;
        }
    }
    let dw = (0..m).map(|k| dot(&g, &x[k..k + n])).collect();
    (sum / n as f64, (dx, dw))
}

/// `Σ a[i] b[i]` with eight partial sums (the lengths must match).
fn dot(a: &[f64], b: &[f64]) -> f64 {
    const L: usize = 8;
    let mut acc = [0.0; L];
    let (ca, cb) = (a.chunks_exact(L), b.chunks_exact(L));
    let tail: f64 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for l in 0..L {
            acc[l] += x[l] * y[l];
        }
    }
    acc.iter().sum::<f64>() + tail
}

/// Inputs of [`conv_mse`].
#[derive(Clone, Debug)]
pub struct Conv {
    /// The signal, entries in `[-1, 1)`.
    pub x: Vec<f64>,
    /// The kernel, entries in `[-1/3, 1/3)`.
    pub w: Vec<f64>,
    /// The target, entries in `[-1, 1)`.
    pub target: Vec<f64>,
}

/// Seeded inputs.
pub fn problem(seed: u64) -> Conv {
    let mut r = Rng::new(seed);
    Conv {
        x: (0..SIGNAL).map(|_| r.symmetric(1.0)).collect(),
        w: (0..KERNEL).map(|_| r.symmetric(1.0 / 3.0)).collect(),
        target: (0..SIGNAL - KERNEL + 1).map(|_| r.symmetric(1.0)).collect(),
    }
}

network!(
    Conv, "conv1d (4096, kernel 9) loops, MSE",
    primal: conv_mse, generated: conv_mse_grad, hand: conv_mse_hand_grad,
    wrt(x, w), consts(target),
);
