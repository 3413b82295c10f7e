//! Networks 5 and 9 in candle: the residual layer norm of [`crate::family::layernorm`] and
//! the batch norm of [`crate::family::batchnorm`]. Both normalise as candle-nn's `LayerNorm`
//! does, with candle-core's operations: the mean by `mean_keepdim`, the (biased) variance as
//! the mean of the centred entries' squares, `broadcast_div` by `sqrt(var + ε)`; candle's
//! `var_keepdim` is not used, as it divides by `n − 1`. The layer norm reduces dimension 1
//! (each row), the batch norm dimension 0 (each column, over the batch).

use candle_core::{Result, Tensor, Var};

use crate::family::Network;
use crate::family::batchnorm::BatchNorm;
use crate::family::layernorm::{EPS, LayerNorm};

use super::{Peer, gradients, matrix, mse, vector};

/// `(z − mean) / √(var + ε)` along `dim`, `mean` and `var` over that dimension (kept).
fn normalise(z: &Tensor, dim: usize) -> Result<Tensor> {
    let centred = z.broadcast_sub(&z.mean_keepdim(dim)?)?;
    let var = centred.sqr()?.mean_keepdim(dim)?;
    centred.broadcast_div(&(var + EPS)?.sqrt()?)
}

/// Network 5, `(x + layernorm(x w + b)) wo + bo` and its MSE, as candle CPU tensors.
pub struct CandleLayerNorm {
    name: &'static str,
    w: Var,
    b: Var,
    gain: Var,
    beta: Var,
    wo: Var,
    bo: Var,
    x: Tensor,
    target: Tensor,
}

impl CandleLayerNorm {
    /// Copies `p` to candle tensors (outside any timing).
    pub fn new(p: &LayerNorm) -> Result<Self> {
        Ok(CandleLayerNorm {
            name: p.name(),
            w: Var::from_tensor(&matrix(&p.w)?)?,
            b: Var::from_tensor(&vector(&p.b)?)?,
            gain: Var::from_tensor(&vector(&p.gain)?)?,
            beta: Var::from_tensor(&vector(&p.beta)?)?,
            wo: Var::from_tensor(&matrix(&p.wo)?)?,
            bo: Var::from_tensor(&vector(&p.bo)?)?,
            x: matrix(&p.x)?,
            target: matrix(&p.target)?,
        })
    }
}

impl Peer for CandleLayerNorm {
    fn name(&self) -> &'static str {
        self.name
    }

    fn grad_native(&self) -> Result<(Tensor, Vec<Tensor>)> {
        let z = self.x.matmul(&self.w)?.broadcast_add(&self.b)?;
        let normed = normalise(&z, 1)?
            .broadcast_mul(&self.gain)?
            .broadcast_add(&self.beta)?;
        let y = (&self.x + normed)?;
        let out = y.matmul(&self.wo)?.broadcast_add(&self.bo)?;
        let loss = mse(&out, &self.target)?;
        let grads = gradients(
            &loss,
            &[&self.w, &self.b, &self.gain, &self.beta, &self.wo, &self.bo],
        )?;
        Ok((loss, grads))
    }
}

/// Network 9, `tanh(batchnorm(x w)) wo + bo` and its MSE, as candle CPU tensors.
pub struct CandleBatchNorm {
    name: &'static str,
    w: Var,
    gain: Var,
    beta: Var,
    wo: Var,
    bo: Var,
    x: Tensor,
    target: Tensor,
}

impl CandleBatchNorm {
    /// Copies `p` to candle tensors (outside any timing).
    pub fn new(p: &BatchNorm) -> Result<Self> {
        Ok(CandleBatchNorm {
            name: p.name(),
            w: Var::from_tensor(&matrix(&p.w)?)?,
            gain: Var::from_tensor(&vector(&p.gain)?)?,
            beta: Var::from_tensor(&vector(&p.beta)?)?,
            wo: Var::from_tensor(&matrix(&p.wo)?)?,
            bo: Var::from_tensor(&vector(&p.bo)?)?,
            x: matrix(&p.x)?,
            target: matrix(&p.target)?,
        })
    }
}

impl Peer for CandleBatchNorm {
    fn name(&self) -> &'static str {
        self.name
    }

    fn grad_native(&self) -> Result<(Tensor, Vec<Tensor>)> {
        let z = self.x.matmul(&self.w)?;
        let h = normalise(&z, 0)?
            .broadcast_mul(&self.gain)?
            .broadcast_add(&self.beta)?
            .tanh()?;
        let out = h.matmul(&self.wo)?.broadcast_add(&self.bo)?;
        let loss = mse(&out, &self.target)?;
        let grads = gradients(
            &loss,
            &[&self.w, &self.gain, &self.beta, &self.wo, &self.bo],
        )?;
        Ok((loss, grads))
    }
}
