//! Network 9, the layer norm's neighbour: batch normalisation (statistics per column, over
//! the batch, `Axis(0)`), then `tanh` and a linear head, MSE against dense targets (batch
//! 256, 64 → 64 → 10): `h = tanh((z − mean₀) / √(var₀ + ε) ⊙ gain + beta)`, `z = x w` (no
//! bias before the normalisation: its gradient would be zero, the mean removes it).
//! Added when the layer norm's forward statistics and broadcast operations were made faster
//! (`var_axis`, `&a / &b` of a broadcast operand), to check that what helped one axis helps
//! the other.

use ad_runtime::ndarray::{Array1, Array2, Axis, Zip};
use ad_runtime::{differentiable, nn};

use super::Rng;
use super::layernorm::{BATCH, EPS, OUTPUTS, WIDTH};
use super::mlps::{affine, dense_backward, mse_backward};

/// The gradient: `(dw, dgain, dbeta, dwo, dbo)`.
pub type Grads = (
    Array2<f64>,
    Array1<f64>,
    Array1<f64>,
    Array2<f64>,
    Array1<f64>,
);

/// MSE of `tanh(batchnorm(x w)) wo + bo` against `target`, `batchnorm(z) =
/// (z − mean) / √(var + ε) ⊙ gain + beta` column by column.
#[differentiable(wrt(w, gain, beta, wo, bo))]
pub fn batchnorm_tanh(
    w: &Array2<f64>,
    gain: &Array1<f64>,
    beta: &Array1<f64>,
    wo: &Array2<f64>,
    bo: &Array1<f64>,
    x: &Array2<f64>,
    target: &Array2<f64>,
) -> f64 {
    let z = x.dot(w);
    let mean = z.mean_axis(Axis(0)).unwrap();
    let var = z.var_axis(Axis(0), 0.0);
    let normed = (&z - &mean) / &(var + EPS).mapv(f64::sqrt);
    let h = (normed * gain + beta).mapv(f64::tanh);
    let out = h.dot(wo) + bo;
    nn::mse(&out, target)
}

/// Hand-written value and gradient of [`batchnorm_tanh`]. The forward pass normalises `z`
/// in place into `ẑ` (column sums in row order, then the centred squares) and keeps each
/// column's `1/σ`; the backward pass uses the closed form per column, with `m` the batch,
/// `dy = ∂L/∂h ⊙ (1 − h²)` and `g = dy ⊙ gain`:
/// `∂L/∂z = (g − mean₀(g) − ẑ mean₀(g ⊙ ẑ)) / σ`, `dgain = Σ_rows dy ⊙ ẑ`,
/// `dbeta = Σ_rows dy`.
pub fn batchnorm_tanh_hand_grad(
    w: &Array2<f64>,
    gain: &Array1<f64>,
    beta: &Array1<f64>,
    wo: &Array2<f64>,
    bo: &Array1<f64>,
    x: &Array2<f64>,
    target: &Array2<f64>,
) -> (f64, Grads) {
    let m = x.nrows() as f64;
    let mut zhat = x.dot(w);
    let mean = zhat.sum_axis(Axis(0)) / m;
    zhat -= &mean;
    let mut var = Array1::<f64>::zeros(zhat.ncols());
    for row in zhat.rows() {
        Zip::from(&mut var).and(&row).for_each(|v, &z| *v += z * z);
    }
    let inv_sigma = var.mapv(|v| 1.0 / (v / m + EPS).sqrt());
    zhat *= &inv_sigma;
    let mut h = &zhat * gain;
    h += beta;
    h.mapv_inplace(f64::tanh);
    let mut dout = affine(&h, wo, bo);
    let loss = mse_backward(&mut dout, target);
    let (dwo, dbo) = dense_backward(&h, &dout);
    // ∂L/∂h, then ∂L/∂y, then (below) ∂L/∂z in the same buffer.
    let mut dz = dout.dot(&wo.t());
    Zip::from(&mut dz).and(&h).for_each(|d, &h| *d *= 1.0 - h * h);
    let dbeta = dz.sum_axis(Axis(0));
    let mut dgain = Array1::<f64>::zeros(gain.len());
    let mut sum_gz = Array1::<f64>::zeros(gain.len());
    for (mut d, zh) in dz.rows_mut().into_iter().zip(zhat.rows()) {
        Zip::from(&mut d)
            .and(&zh)
            .and(gain)
            .and(&mut dgain)
            .and(&mut sum_gz)
            .for_each(|d, &zh, &gn, dg, sgz| {
                *dg += *d * zh;
                *d *= gn;
                *sgz += *d * zh;
            });
    }
    let mean_g = &dbeta * gain / m;
    let mean_gz = sum_gz / m;
    for (mut d, zh) in dz.rows_mut().into_iter().zip(zhat.rows()) {
        Zip::from(&mut d)
            .and(&zh)
            .and(&mean_g)
            .and(&mean_gz)
            .and(&inv_sigma)
            .for_each(|d, &zh, &mg, &mgz, &s| *d = (*d - mg - zh * mgz) * s);
    }
    let dw = x.t().dot(&dz);
    (loss, (dw, dgain, dbeta, dwo, dbo))
}

/// Inputs of [`batchnorm_tanh`] (the layer norm's shapes).
#[derive(Clone, Debug)]
pub struct BatchNorm {
    /// Width × width.
    pub w: Array2<f64>,
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

/// Seeded inputs, drawn as for the layer norm.
pub fn problem(seed: u64) -> BatchNorm {
    let mut r = Rng::new(seed);
    BatchNorm {
        w: r.array((WIDTH, WIDTH), super::bound(WIDTH)),
        gain: r.array(WIDTH, 0.1) + 1.0,
        beta: r.array(WIDTH, 0.1),
        wo: r.array((WIDTH, OUTPUTS), super::bound(WIDTH)),
        bo: r.array(OUTPUTS, 0.1),
        x: Array2::from_shape_simple_fn((BATCH, WIDTH), || r.uniform()),
        target: r.array((BATCH, OUTPUTS), 1.0),
    }
}

network!(
    BatchNorm, "batch norm + tanh + head, MSE",
    primal: batchnorm_tanh, generated: batchnorm_tanh_grad, hand: batchnorm_tanh_hand_grad,
    wrt(w, gain, beta, wo, bo), consts(x, target),
);
