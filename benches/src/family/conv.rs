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

/// Hand-written value and gradient `(dx, dw)` of [`conv_mse`]: one pass over the outputs;
/// each output's `∂L/∂y[i] = 2 e / n` is scattered into `dw` and into the window of `dx`
/// right away, over slices the compiler can see are in bounds.
pub fn conv_mse_hand_grad(x: &[f64], w: &[f64], target: &[f64]) -> (f64, (Vec<f64>, Vec<f64>)) {
    let m = w.len();
    let n = x.len() - m + 1;
    let c = 2.0 / n as f64;
    let mut dx = vec![0.0; x.len()];
    let mut dw = vec![0.0; m];
    let mut sum = 0.0;
    for (i, (win, &t)) in x.windows(m).zip(target).enumerate() {
        let mut y = 0.0;
        for (&wk, &xk) in w.iter().zip(win) {
            y += wk * xk;
        }
        let e = y - t;
        sum += e * e;
        let g = c * e;
        for ((dwk, dxk), (&wk, &xk)) in dw.iter_mut().zip(&mut dx[i..i + m]).zip(w.iter().zip(win)) {
            *dwk += g * xk;
            *dxk += g * wk;
        }
    }
    (sum / n as f64, (dx, dw))
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
