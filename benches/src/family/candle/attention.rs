//! Network 6 of [`crate::family::attention`] in candle: `q = x wq`, `k = x wk`, `v = x wv`,
//! the scores `q kᵀ / √d` (`matmul` with the transposed view `k.t()`, then division by the
//! scalar), a softmax along dimension 1 written as candle-nn's `ops::softmax` writes it
//! (candle-core has none: `max_keepdim`, `broadcast_sub`, `exp`, `sum_keepdim`,
//! `broadcast_div`), `out = a v` and its MSE.

use candle_core::{Result, Tensor, Var};

use crate::family::Network;
use crate::family::attention::Attention;

use super::{Peer, gradients, matrix, mse};

/// The softmax of `xs` along `dim`, shifted by the maximum for range (the shift's gradient
/// is zero up to rounding).
fn softmax(xs: &Tensor, dim: usize) -> Result<Tensor> {
    let max = xs.max_keepdim(dim)?;
    let num = xs.broadcast_sub(&max)?.exp()?;
    let den = num.sum_keepdim(dim)?;
    num.broadcast_div(&den)
}

/// Network 6 as candle CPU tensors.
pub struct CandleAttention {
    name: &'static str,
    wq: Var,
    wk: Var,
    wv: Var,
    x: Tensor,
    target: Tensor,
}

impl CandleAttention {
    /// Copies `p` to candle tensors (outside any timing).
    pub fn new(p: &Attention) -> Result<Self> {
        Ok(CandleAttention {
            name: p.name(),
            wq: Var::from_tensor(&matrix(&p.wq)?)?,
            wk: Var::from_tensor(&matrix(&p.wk)?)?,
            wv: Var::from_tensor(&matrix(&p.wv)?)?,
            x: matrix(&p.x)?,
            target: matrix(&p.target)?,
        })
    }
}

impl Peer for CandleAttention {
    fn name(&self) -> &'static str {
        self.name
    }

    fn grad_native(&self) -> Result<(Tensor, Vec<Tensor>)> {
        let q = self.x.matmul(&self.wq)?;
        let k = self.x.matmul(&self.wk)?;
        let v = self.x.matmul(&self.wv)?;
        let scores = (q.matmul(&k.t()?)? / (self.wq.dim(1)? as f64).sqrt())?;
        let a = softmax(&scores, 1)?;
        let out = a.matmul(&v)?;
        let loss = mse(&out, &self.target)?;
        let grads = gradients(&loss, &[&self.wq, &self.wk, &self.wv])?;
        Ok((loss, grads))
    }
}
