//! Network 8 of [`crate::family::rnn`] in candle: the state is a row `(1, hidden)`, a batch
//! of one as candle's layers hold it, so each of the 50 steps is
//! `h ← tanh(h wᵀ + x_t uᵀ + b)` (the transpose of `w h + u x_t + b`), with `x_t` the row
//! `narrow(0, t, 1)` of the inputs and `wᵀ`, `uᵀ` transposed views taken once; then the MSE
//! of the last state. As in the `#[differentiable]` version, every step has its own two
//! products.

use candle_core::{Result, Tensor, Var};

use ad_runtime::ndarray::Array1;

use crate::family::Network;
use crate::family::rnn::Rnn;

use super::{Peer, gradients, matrix, mse, vector};

/// Network 8 as candle CPU tensors.
pub struct CandleRnn {
    name: &'static str,
    w: Var,
    u: Var,
    b: Var,
    xs: Tensor,
    h0: Tensor,
    target: Tensor,
}

impl CandleRnn {
    /// Copies `p` to candle tensors (outside any timing); `h0` and `target` as rows.
    pub fn new(p: &Rnn) -> Result<Self> {
        let row = |a: &Array1<f64>| vector(a)?.unsqueeze(0);
        Ok(CandleRnn {
            name: p.name(),
            w: Var::from_tensor(&matrix(&p.w)?)?,
            u: Var::from_tensor(&matrix(&p.u)?)?,
            b: Var::from_tensor(&vector(&p.b)?)?,
            xs: matrix(&p.xs)?,
            h0: row(&p.h0)?,
            target: row(&p.target)?,
        })
    }
}

impl Peer for CandleRnn {
    fn name(&self) -> &'static str {
        self.name
    }

    fn grad_native(&self) -> Result<(Tensor, Vec<Tensor>)> {
        let (wt, ut) = (self.w.t()?, self.u.t()?);
        let mut h = self.h0.clone();
        for t in 0..self.xs.dim(0)? {
            let x_t = self.xs.narrow(0, t, 1)?;
            h = (h.matmul(&wt)? + x_t.matmul(&ut)?)?
                .broadcast_add(&self.b)?
                .tanh()?;
        }
        let loss = mse(&h, &self.target)?;
        let grads = gradients(&loss, &[&self.w, &self.u, &self.b])?;
        Ok((loss, grads))
    }
}
