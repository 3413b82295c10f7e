//! Networks 1–4 of [`crate::family::mlps`] in candle. The gradient is taken as in
//! `crate::mlp_peers`: `Var` leaves, the forward graph built each call, `loss.backward()`,
//! the four gradients fetched from the store. The sigmoid is `1 / (1 + e^-z)` from candle's
//! unary ops (candle-core has none of its own), GELU is candle's `gelu` (the same tanh
//! approximation), cross-entropy is `mean(logsumexp(logits) − gather(logits, labels))`.

use candle_core::{Device, Result, Tensor, Var};

use crate::family::Network;
use crate::family::mlps::Mlp;

use super::{Peer, gradients, matrix, mse, vector};

/// Which of networks 1–4.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Network 1: tanh hidden, MSE.
    TanhMse,
    /// Network 2: sigmoid hidden, cross-entropy.
    SigmoidCe,
    /// Network 3: GELU hidden, cross-entropy.
    GeluCe,
    /// Network 4: ReLU hidden, MSE.
    ReluMse,
}

/// One of networks 1–4 as candle CPU tensors.
pub struct CandleMlp {
    name: &'static str,
    kind: Kind,
    w1: Var,
    b1: Var,
    w2: Var,
    b2: Var,
    x: Tensor,
    y: Tensor,
    labels: Tensor,
}

impl CandleMlp {
    /// Copies `p` to candle tensors (outside any timing); `kind` must be the network `p` is.
    pub fn new<A>(kind: Kind, p: &Mlp<A>) -> Result<Self>
    where
        Mlp<A>: Network,
    {
        let labels: Vec<u32> = p.labels.iter().map(|&l| l as u32).collect();
        Ok(CandleMlp {
            name: p.name(),
            kind,
            w1: Var::from_tensor(&matrix(&p.w1)?)?,
            b1: Var::from_tensor(&vector(&p.b1)?)?,
            w2: Var::from_tensor(&matrix(&p.w2)?)?,
            b2: Var::from_tensor(&vector(&p.b2)?)?,
            x: matrix(&p.x)?,
            y: matrix(&p.y)?,
            labels: Tensor::from_vec(labels, (p.labels.len(), 1), &Device::Cpu)?,
        })
    }
}

impl Peer for CandleMlp {
    fn name(&self) -> &'static str {
        self.name
    }

    fn grad_native(&self) -> Result<(Tensor, Vec<Tensor>)> {
        let z = self.x.matmul(&self.w1)?.broadcast_add(&self.b1)?;
        let h = match self.kind {
            Kind::TanhMse => z.tanh()?,
            Kind::SigmoidCe => (z.neg()?.exp()? + 1.0)?.recip()?,
            Kind::GeluCe => z.gelu()?,
            Kind::ReluMse => z.relu()?,
        };
        let out = h.matmul(&self.w2)?.broadcast_add(&self.b2)?;
        let loss = match self.kind {
            Kind::TanhMse | Kind::ReluMse => mse(&out, &self.y)?,
            Kind::SigmoidCe | Kind::GeluCe => {
                let picked = out.gather(&self.labels, 1)?.squeeze(1)?;
                (out.log_sum_exp(1)? - picked)?.mean_all()?
            }
        };
        let grads = gradients(&loss, &[&self.w1, &self.b1, &self.w2, &self.b2])?;
        Ok((loss, grads))
    }

    /// `1e-10` (candle sums in other orders), but `1e-5` for GELU, whose backward rule in
    /// candle 0.11 uses its coefficients rounded to six digits (`0.797885`, `0.0356774`, ...;
    /// `backprop.rs`), so its gradient is off by about `2e-7` relative.
    fn rtol(&self) -> f64 {
        if self.kind == Kind::GeluCe {
            1e-5
        } else {
            1e-10
        }
    }
}
