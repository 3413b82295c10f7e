//! Network 6: single-head self-attention over one sequence of 32 tokens of width 32:
//! `q = x wq`, `k = x wk`, `v = x wv`, `a = softmax(q kᵀ / √d)` along `Axis(1)`,
//! `out = a v`, MSE against a dense target.

use ad_runtime::ndarray::{Array2, Axis, Zip};
use ad_runtime::{differentiable, nn};

use super::Rng;
use super::mlps::mse_backward;

/// Tokens (rows of `x`).
pub const TOKENS: usize = 32;
/// Width of tokens, queries, keys and values.
pub const WIDTH: usize = 32;

/// The gradient: `(dwq, dwk, dwv)`.
pub type Grads = (Array2<f64>, Array2<f64>, Array2<f64>);

/// MSE of `softmax(x wq (x wk)ᵀ / √d) x wv` against `target`.
#[differentiable(wrt(wq, wk, wv))]
pub fn attention(
    wq: &Array2<f64>,
    wk: &Array2<f64>,
    wv: &Array2<f64>,
    x: &Array2<f64>,
    target: &Array2<f64>,
) -> f64 {
    let q = x.dot(wq);
    let k = x.dot(wk);
    let v = x.dot(wv);
    let scores = q.dot(&k.t()) / (wq.ncols() as f64).sqrt();
    let a = nn::softmax(&scores, Axis(1));
    let out = a.dot(&v);
    nn::mse(&out, target)
}

/// Hand-written value and gradient of [`attention`]. Softmax in place on the scores, then
/// with `s = 1/√d`: `dv = aᵀ ∂L/∂out`, `da = ∂L/∂out vᵀ`, the softmax backward per row
/// `dscores = s · a ⊙ (da − Σ_row da ⊙ a)` in `da`'s buffer, `dq = dscores k`,
/// `dk = dscoresᵀ q`, and `dw· = xᵀ d·`.
pub fn attention_hand_grad(
    wq: &Array2<f64>,
    wk: &Array2<f64>,
    wv: &Array2<f64>,
    x: &Array2<f64>,
    target: &Array2<f64>,
) -> (f64, Grads) {
    let s = 1.0 / (wq.ncols() as f64).sqrt();
    let q = x.dot(wq);
    let k = x.dot(wk);
    let v = x.dot(wv);
    let mut a = q.dot(&k.t());
    for mut row in a.rows_mut() {
        let max = row.fold(f64::NEG_INFINITY, |m, &z| m.max(z * s));
        let mut sum = 0.0;
        row.mapv_inplace(|z| {
            let e = (z * s - max).exp();
            sum += e;
            e
        });
        row /= sum;
    }
    let mut dout = a.dot(&v);
    let loss = mse_backward(&mut dout, target);
    let dv = a.t().dot(&dout);
    let mut ds = dout.dot(&v.t());
    for (mut d, a) in ds.rows_mut().into_iter().zip(a.rows()) {
        let dot = Zip::from(&d).and(&a).fold(0.0, |acc, &d, &a| acc + d * a);
        Zip::from(&mut d)
            .and(&a)
            .for_each(|d, &a| *d = s * a * (*d - dot));
    }
    let dq = ds.dot(&k);
    let dk = ds.t().dot(&q);
    (loss, (x.t().dot(&dq), x.t().dot(&dk), x.t().dot(&dv)))
}

/// Inputs of [`attention`].
#[derive(Clone, Debug)]
pub struct Attention {
    /// Width × width.
    pub wq: Array2<f64>,
    /// Width × width.
    pub wk: Array2<f64>,
    /// Width × width.
    pub wv: Array2<f64>,
    /// Tokens × width, entries in `[-1, 1)`.
    pub x: Array2<f64>,
    /// Tokens × width, entries in `[-1, 1)`.
    pub target: Array2<f64>,
}

/// Seeded inputs; the query and key weights are scaled up (bound `3/√d`) so that the
/// attention is far from uniform.
pub fn problem(seed: u64) -> Attention {
    let mut r = Rng::new(seed);
    Attention {
        wq: r.array((WIDTH, WIDTH), 3.0 * super::bound(WIDTH)),
        wk: r.array((WIDTH, WIDTH), 3.0 * super::bound(WIDTH)),
        wv: r.array((WIDTH, WIDTH), super::bound(WIDTH)),
        x: r.array((TOKENS, WIDTH), 1.0),
        target: r.array((TOKENS, WIDTH), 1.0),
    }
}

network!(
    Attention, "self-attention (T = 32, d = 32), MSE",
    primal: attention, generated: attention_grad, hand: attention_hand_grad,
    wrt(wq, wk, wv), consts(x, target),
);
