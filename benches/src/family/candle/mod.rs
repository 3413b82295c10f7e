//! The nine networks of [`super::all`] in candle 0.11 (CPU, `f64`), for the candle column of
//! `src/bin/family.rs` (only with the `candle-peer` or `tensor-peers` feature).
//!
//! Each is written as a user of candle writes it, computing the same function as its
//! `#[differentiable]` version: the differentiated parameters are `Var` leaves, the forward
//! graph is built on every call, `loss.backward()` runs it backwards, and the parameters'
//! gradients are fetched from the gradient store, in [`super::Network::params`] order.
//! Only candle-core's tensor operations are used (no candle-nn):
//!
//! | network | module | in candle |
//! | --- | --- | --- |
//! | 1–4, the MLPs | [`mlps`] | `matmul`, `broadcast_add`, the activation, MSE or `log_sum_exp − gather` |
//! | 5, residual layer norm + head | [`norms`] | `mean_keepdim(1)`, the centred rows' `sqr().mean_keepdim(1)`, `sqrt`, `broadcast_div` |
//! | 6, self-attention | [`attention`] | `matmul` with `k.t()`, a softmax from `max_keepdim`, `exp`, `sum_keepdim` |
//! | 7, conv1d | [`conv`] | `conv1d` on a `(1, 1, 4096)` signal and a `(1, 1, 9)` kernel |
//! | 8, RNN unrolled 50 steps | [`rnn`] | a row state `(1, 32)`: `h wᵀ + x_t uᵀ + b`, `tanh`, per step |
//! | 9, batch norm + tanh + head | [`norms`] | as the layer norm, over dimension 0 |
//!
//! [`all`] builds them on the inputs of [`super::all`]; each [`Peer`] carries the name of its
//! network, so that the binary pairs them by name.

use candle_core::{Device, Error, Result, Tensor, Var};

use ad_runtime::ndarray::{Array1, Array2};

pub mod attention;
pub mod conv;
pub mod mlps;
pub mod norms;
pub mod rnn;

/// One network of the family in candle: its gradient, and how closely that can agree with
/// the hand-written one.
pub trait Peer {
    /// The name of the network it computes ([`super::Network::name`]).
    fn name(&self) -> &'static str;

    /// Loss and the parameters' gradients, left as candle tensors in
    /// [`super::Network::params`] order (what is timed).
    fn grad_native(&self) -> Result<(Tensor, Vec<Tensor>)>;

    /// The largest [`super::max_rel_diff`] from the hand-written gradient that the check
    /// accepts: `1e-10` where candle's operations and backward rules are exact in `f64` and
    /// only the order of summation differs.
    fn rtol(&self) -> f64 {
        1e-10
    }

    /// Loss and gradients flattened as [`super::Network::hand`] gives them, for checking.
    fn grad(&self) -> Result<(f64, Vec<Vec<f64>>)> {
        let (loss, grads) = self.grad_native()?;
        let flat = grads
            .iter()
            .map(|t| t.flatten_all()?.to_vec1())
            .collect::<Result<_>>()?;
        Ok((loss.to_scalar()?, flat))
    }
}

/// The nine networks in candle, on the inputs of [`super::all`]`(seed)`, in its order.
pub fn all(seed: u64) -> Result<Vec<Box<dyn Peer>>> {
    use super::{attention as a, batchnorm as bn, conv as c, layernorm as ln, mlps as m, rnn as r};
    use mlps::Kind;

    Ok(vec![
        Box::new(mlps::CandleMlp::new(
            Kind::TanhMse,
            &m::tanh_mse_problem(seed),
        )?),
        Box::new(mlps::CandleMlp::new(
            Kind::SigmoidCe,
            &m::sigmoid_ce_problem(seed),
        )?),
        Box::new(mlps::CandleMlp::new(
            Kind::GeluCe,
            &m::gelu_ce_problem(seed),
        )?),
        Box::new(mlps::CandleMlp::new(
            Kind::ReluMse,
            &m::relu_mse_problem(seed),
        )?),
        Box::new(norms::CandleLayerNorm::new(&ln::problem(seed))?),
        Box::new(attention::CandleAttention::new(&a::problem(seed))?),
        Box::new(conv::CandleConv::new(&c::problem(seed))?),
        Box::new(rnn::CandleRnn::new(&r::problem(seed))?),
        Box::new(norms::CandleBatchNorm::new(&bn::problem(seed))?),
    ])
}

/// A copy of `a` as a candle CPU tensor of the same shape.
fn matrix(a: &Array2<f64>) -> Result<Tensor> {
    Tensor::from_vec(a.iter().copied().collect(), a.dim(), &Device::Cpu)
}

/// A copy of `a` as a candle CPU tensor of the same shape.
fn vector(a: &Array1<f64>) -> Result<Tensor> {
    Tensor::from_vec(a.to_vec(), a.len(), &Device::Cpu)
}

/// `loss.backward()`, then the gradient of each of `vars` from the store.
fn gradients(loss: &Tensor, vars: &[&Var]) -> Result<Vec<Tensor>> {
    let grads = loss.backward()?;
    vars.iter()
        .map(|v| {
            grads
                .get(v.as_tensor())
                .cloned()
                .ok_or_else(|| Error::Msg("no gradient".into()))
        })
        .collect()
}

/// The mean of the squared differences of two tensors of the same shape (`nn::mse`).
fn mse(out: &Tensor, target: &Tensor) -> Result<Tensor> {
    out.sub(target)?.sqr()?.mean_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peers_agree_with_hand_written() {
        let peers = all(5).unwrap();
        let nets = super::super::all(5);
        assert_eq!(peers.len(), nets.len());
        for (net, peer) in nets.iter().zip(&peers) {
            assert_eq!(peer.name(), net.name());
            let (v, g) = net.hand();
            let (vc, gc) = peer.grad().unwrap();
            assert!((vc - v).abs() <= 1e-10 * v.abs(), "{}: loss", net.name());
            let d = super::super::max_rel_diff(&g, &gc);
            assert!(d <= peer.rtol(), "{}: gradient {d:e}", net.name());
        }
    }
}
