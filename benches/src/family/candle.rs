//! Networks 1–4 of [`super::mlps`] in candle 0.11 (CPU, `f64`), for the candle column of
//! `src/bin/family.rs` (only with the `candle-peer` or `tensor-peers` feature). The gradient is
//! taken as in `crate::mlp_peers`: `Var` leaves, the forward graph built each call,
//! `loss.backward()`, the four gradients fetched from the store. The sigmoid is
//! `1 / (1 + e^-z)` from candle's unary ops (candle-core has none of its own), GELU is
//! candle's `gelu` (the same tanh approximation), cross-entropy is
//! `mean(logsumexp(logits) − gather(logits, labels))`.

use candle_core::{Device, Result, Tensor, Var};

use ad_runtime::ndarray::{Array1, Array2};

use super::mlps::Mlp;

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

/// The four networks in [`super::all`] order.
pub const KINDS: [Kind; 4] = [Kind::TanhMse, Kind::SigmoidCe, Kind::GeluCe, Kind::ReluMse];

/// One network's problem as candle CPU tensors.
pub struct CandleNet {
    kind: Kind,
    w1: Var,
    b1: Var,
    w2: Var,
    b2: Var,
    x: Tensor,
    y: Tensor,
    labels: Tensor,
}

impl CandleNet {
    /// Copies `p` to candle tensors (outside any timing).
    pub fn new<A>(kind: Kind, p: &Mlp<A>) -> Result<Self> {
        let dev = Device::Cpu;
        let t2 = |a: &Array2<f64>| {
            Tensor::from_vec(a.iter().copied().collect(), (a.nrows(), a.ncols()), &dev)
        };
        let t1 = |a: &Array1<f64>| Tensor::from_vec(a.to_vec(), a.len(), &dev);
        let labels: Vec<u32> = p.labels.iter().map(|&l| l as u32).collect();
        Ok(CandleNet {
            kind,
            w1: Var::from_tensor(&t2(&p.w1)?)?,
            b1: Var::from_tensor(&t1(&p.b1)?)?,
            w2: Var::from_tensor(&t2(&p.w2)?)?,
            b2: Var::from_tensor(&t1(&p.b2)?)?,
            x: t2(&p.x)?,
            y: t2(&p.y)?,
            labels: Tensor::from_vec(labels, (p.labels.len(), 1), &dev)?,
        })
    }

    /// Loss and the gradients of `w1, b1, w2, b2`, left as candle tensors (what is timed).
    pub fn grad_native(&self) -> Result<(Tensor, [Tensor; 4])> {
        let z = self.x.matmul(&self.w1)?.broadcast_add(&self.b1)?;
        let h = match self.kind {
            Kind::TanhMse => z.tanh()?,
            Kind::SigmoidCe => (z.neg()?.exp()? + 1.0)?.recip()?,
            Kind::GeluCe => z.gelu()?,
            Kind::ReluMse => z.relu()?,
        };
        let out = h.matmul(&self.w2)?.broadcast_add(&self.b2)?;
        let loss = match self.kind {
            Kind::TanhMse | Kind::ReluMse => (out - &self.y)?.sqr()?.mean_all()?,
            Kind::SigmoidCe | Kind::GeluCe => {
                let picked = out.gather(&self.labels, 1)?.squeeze(1)?;
                (out.log_sum_exp(1)? - picked)?.mean_all()?
            }
        };
        let grads = loss.backward()?;
        let g = |v: &Var| {
            grads
                .get(v.as_tensor())
                .cloned()
                .ok_or_else(|| candle_core::Error::Msg("no gradient".into()))
        };
        Ok((
            loss,
            [g(&self.w1)?, g(&self.b1)?, g(&self.w2)?, g(&self.b2)?],
        ))
    }

    /// How closely this gradient can agree with the hand-written one: `1e-10` (candle sums in
    /// other orders), but `1e-5` for GELU, whose backward rule in candle 0.11 uses its
    /// coefficients rounded to six digits (`0.797885`, `0.0356774`, ...; `backprop.rs`), so
    /// its gradient is off by about `2e-7` relative.
    pub fn rtol(&self) -> f64 {
        if self.kind == Kind::GeluCe {
            1e-5
        } else {
            1e-10
        }
    }

    /// Loss and gradients flattened as [`super::Network::hand`] gives them, for checking.
    pub fn grad(&self) -> Result<(f64, Vec<Vec<f64>>)> {
        let (loss, grads) = self.grad_native()?;
        let flat = grads
            .iter()
            .map(|t| t.flatten_all()?.to_vec1())
            .collect::<Result<_>>()?;
        Ok((loss.to_scalar()?, flat))
    }
}

/// Networks 1–4 in candle, on the inputs of [`super::all`]`(seed)`.
pub fn all(seed: u64) -> Result<Vec<CandleNet>> {
    let p = super::mlps::problem::<()>(seed);
    KINDS.iter().map(|&k| CandleNet::new(k, &p)).collect()
}
