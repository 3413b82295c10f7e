//! Network 5: layer normalisation with a residual connection and a linear head,
//! `y = x + layernorm(x w + b)`, `out = y wo + bo`, MSE against dense targets (batch 256,
//! width 64, 10 outputs). Each row of `z = x w + b` is normalised by its own mean and
//! (biased) variance over `Axis(1)`, then scaled by the learnable `gain` and shifted by
//! `beta`.

use ad_runtime::ndarray::{Array1, Array2, Axis, Zip};
use ad_runtime::{differentiable, nn};

use super::Rng;
use super::mlps::{affine, dense_backward, mse_backward};

/// Rows of `x`.
pub const BATCH: usize = 256;
/// Columns of `x` and of `z = x w + b`.
pub const WIDTH: usize = 64;
/// Outputs of the head.
pub const OUTPUTS: usize = 10;
/// Added to the variance before the square root.
pub const EPS: f64 = 1e-5;

/// The gradient: `(dw, db, dgain, dbeta, dwo, dbo)`.
pub type Grads = (
    Array2<f64>,
    Array1<f64>,
    Array1<f64>,
    Array1<f64>,
    Array2<f64>,
    Array1<f64>,
);

/// MSE of `(x + layernorm(x w + b)) wo + bo` against `target`, `layernorm(z) =
/// (z − mean) / √(var + ε) ⊙ gain + beta` row by row.
#[differentiable(wrt(w, b, gain, beta, wo, bo))]
#[allow(clippy::too_many_arguments)] // six parameters and two data arrays, as a user writes them
pub fn layernorm_residual(
    w: &Array2<f64>,
    b: &Array1<f64>,
    gain: &Array1<f64>,
    beta: &Array1<f64>,
    wo: &Array2<f64>,
    bo: &Array1<f64>,
    x: &Array2<f64>,
    target: &Array2<f64>,
) -> f64 {
    let z = x.dot(w) + b;
    let mean = z.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1));
    let var = z.var_axis(Axis(1), 0.0).insert_axis(Axis(1));
    let normed = (&z - &mean) / (var + EPS).mapv(f64::sqrt);
    let y = x + &(normed * gain + beta);
    let out = y.dot(wo) + bo;
    nn::mse(&out, target)
}

/// Hand-written value and gradient of [`layernorm_residual`]. The forward pass normalises
/// `z` in place into `ẑ` and keeps each row's `1/σ`; the backward pass uses the closed form
/// per row, with `g = ∂L/∂y ⊙ gain` and `d` the width:
/// `∂L/∂z = (g − mean(g) − ẑ mean(g ⊙ ẑ)) / σ`, `dgain = Σ_rows ∂L/∂y ⊙ ẑ`,
/// `dbeta = Σ_rows ∂L/∂y`. The residual `x` is a constant, so it only shifts `y`.
#[allow(clippy::too_many_arguments)] // the signature of the generated gradient
pub fn layernorm_residual_hand_grad(
    w: &Array2<f64>,
    b: &Array1<f64>,
    gain: &Array1<f64>,
    beta: &Array1<f64>,
    wo: &Array2<f64>,
    bo: &Array1<f64>,
    x: &Array2<f64>,
    target: &Array2<f64>,
) -> (f64, Grads) {
    let width = w.ncols() as f64;
    // z, normalised in place.
    let mut zhat = affine(x, w, b);
    let mut inv_sigma = Array1::<f64>::zeros(zhat.nrows());
    for (mut row, s) in zhat.rows_mut().into_iter().zip(&mut inv_sigma) {
        let mean = row.sum() / width;
        row -= mean;
        let var = row.fold(0.0, |acc, &v| acc + v * v) / width;
        *s = 1.0 / (var + EPS).sqrt();
        row *= *s;
    }
    let mut y = &zhat * gain;
    y += beta;
    y += x;
    let mut dout = affine(&y, wo, bo);
    let loss = mse_backward(&mut dout, target);
    let (dwo, dbo) = dense_backward(&y, &dout);
    // ∂L/∂y, then overwritten row by row with ∂L/∂z.
    let mut dz = dout.dot(&wo.t());
    let mut dgain = Array1::<f64>::zeros(gain.len());
    let dbeta = dz.sum_axis(Axis(0));
    for ((mut d, zh), &s) in dz.rows_mut().into_iter().zip(zhat.rows()).zip(&inv_sigma) {
        let (mut sum_g, mut sum_gz) = (0.0, 0.0);
        Zip::from(&mut d)
            .and(&zh)
            .and(gain)
            .and(&mut dgain)
            .for_each(|d, &zh, &gn, dg| {
                *dg += *d * zh;
                *d *= gn;
                sum_g += *d;
                sum_gz += *d * zh;
            });
        let (mean_g, mean_gz) = (sum_g / width, sum_gz / width);
        Zip::from(&mut d)
            .and(&zh)
            .for_each(|d, &zh| *d = (*d - mean_g - zh * mean_gz) * s);
    }
    let (dw, db) = dense_backward(x, &dz);
    (loss, (dw, db, dgain, dbeta, dwo, dbo))
}

/// Inputs of [`layernorm_residual`].
#[derive(Clone, Debug)]
pub struct LayerNorm {
    /// Width × width.
    pub w: Array2<f64>,
    /// Width.
    pub b: Array1<f64>,
    /// Width, near 1.
    pub gain: Array1<f64>,
    /// Width.
    pub beta: Array1<f64>,
    /// Width × outputs.
    pub wo: Array2<f64>,
    /// Outputs.
    pub bo: Array1<f64>,
    /// Batch × width, entries in `[0, 1)`.
    pub x: Array2<f64>,
    /// Batch × outputs, entries in `[-1, 1)`.
    pub target: Array2<f64>,
}

/// Seeded inputs; `gain` in `[0.9, 1.1)`, other parameters as in [`super::mlps::problem`].
pub fn problem(seed: u64) -> LayerNorm {
    let mut r = Rng::new(seed);
    LayerNorm {
        w: r.array((WIDTH, WIDTH), super::bound(WIDTH)),
        b: r.array(WIDTH, 0.1),
        gain: r.array(WIDTH, 0.1) + 1.0,
        beta: r.array(WIDTH, 0.1),
        wo: r.array((WIDTH, OUTPUTS), super::bound(WIDTH)),
        bo: r.array(OUTPUTS, 0.1),
        x: Array2::from_shape_simple_fn((BATCH, WIDTH), || r.uniform()),
        target: r.array((BATCH, OUTPUTS), 1.0),
    }
}

network!(
    LayerNorm, "residual layer norm + head, MSE",
    primal: layernorm_residual, generated: layernorm_residual_grad, hand: layernorm_residual_hand_grad,
    wrt(w, b, gain, beta, wo, bo), consts(x, target),
);
