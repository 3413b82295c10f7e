//! Network 7 of [`crate::family::conv`] in candle: the loops become one `conv1d` (candle's is
//! a cross-correlation, like the loops) with padding 0, stride 1, dilation 1, on the signal
//! as a `(batch 1, channel 1, 4096)` tensor and the kernel as `(out 1, in 1, 9)`, and the MSE
//! of its `(1, 1, 4088)` output. Its backward rule is a `conv_transpose1d` for the signal and
//! a `conv1d` of the signal by the output's gradient for the kernel. The gradients keep
//! these shapes; flattened, they are those of the slices.

use candle_core::{Device, Result, Tensor, Var};

use crate::family::Network;
use crate::family::conv::Conv;

use super::{Peer, gradients, mse};

/// Network 7 as candle CPU tensors.
pub struct CandleConv {
    name: &'static str,
    x: Var,
    w: Var,
    target: Tensor,
}

impl CandleConv {
    /// Copies `p` to candle tensors (outside any timing).
    pub fn new(p: &Conv) -> Result<Self> {
        let t = |v: &[f64]| Tensor::from_vec(v.to_vec(), (1, 1, v.len()), &Device::Cpu);
        Ok(CandleConv {
            name: p.name(),
            x: Var::from_tensor(&t(&p.x)?)?,
            w: Var::from_tensor(&t(&p.w)?)?,
            target: t(&p.target)?,
        })
    }
}

impl Peer for CandleConv {
    fn name(&self) -> &'static str {
        self.name
    }

    fn grad_native(&self) -> Result<(Tensor, Vec<Tensor>)> {
        let y = self.x.conv1d(&self.w, 0, 1, 1, 1)?;
        let loss = mse(&y, &self.target)?;
        let grads = gradients(&loss, &[&self.x, &self.w])?;
        Ok((loss, grads))
    }
}
