//! Second order: a hand-written Rosenbrock Hessian–vector product (the baseline for
//! `rosen_hvp`), and a neighbour of a different shape, a one-hidden-layer tanh network's
//! squared error written with loops over flat slices (`mlp_loops`), for `src/bin/hvp.rs`.

use ad_runtime::differentiable;

/// Value, gradient and `H·v` of [`crate::rosen`] in one fused pass (the Hessian is
/// tridiagonal: `H[i][i] = 1200 x_i² - 400 x_{i+1} + 2 (+200 for i > 0)`,
/// `H[i][i+1] = H[i+1][i] = -400 x_i`).
pub fn rosen_hand_hvp(x: &[f64], v: &[f64]) -> (f64, Vec<f64>, Vec<f64>) {
    let n = x.len();
    assert!(n >= 1 && v.len() == n);
    let mut g = vec![0.0; n];
    let mut hv = vec![0.0; n];
    let mut s = 0.0;
    for i in 0..n - 1 {
        let (xi, xj, vi, vj) = (x[i], x[i + 1], v[i], v[i + 1]);
        let a = xj - xi * xi;
        let b = 1.0 - xi;
        s += 100.0 * a * a + b * b;
        g[i] += -400.0 * a * xi - 2.0 * b;
        g[i + 1] += 200.0 * a;
        hv[i] += (1200.0 * xi * xi - 400.0 * xj + 2.0) * vi - 400.0 * xi * vj;
        hv[i + 1] += 200.0 * vj - 400.0 * xi * vi;
    }
    (s, g, hv)
}

/// Squared error of a tanh network with one hidden layer of `h` units on `d` inputs, over
/// the samples of `x` (row-major, `y.len()` rows): weights `w = [W1 (h×d), b1 (h), w2 (h), b2]`.
#[differentiable(wrt(w))]
pub fn mlp_loops(w: &[f64], x: &[f64], y: &[f64], d: usize, h: usize) -> f64 {
    let m = y.len();
    let mut loss = 0.0;
    for s in 0..m {
        let mut out = w[h * d + h + h];
        for k in 0..h {
            let mut z = w[h * d + k];
            for i in 0..d {
                z += w[k * d + i] * x[s * d + i];
            }
            out += w[h * d + h + k] * z.tanh();
        }
        let e = out - y[s];
        loss += e * e;
    }
    loss / m as f64
}

use ad_runtime::ndarray::{Array1, Array2};

/// The neighbour of the MLP benchmark's loss ([`crate::mlp::loss`]): tanh hidden units and a
/// squared error against one-hot targets.
#[differentiable(wrt(w1, b1, w2, b2))]
pub fn mlp_tanh(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    targets: &Array2<f64>,
) -> f64 {
    let h = (x.dot(w1) + b1).tanh();
    let r = h.dot(w2) + b2 - targets;
    (&r * &r).sum() / x.nrows() as f64
}
