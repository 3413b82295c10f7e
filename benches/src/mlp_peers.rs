//! The MLP gradient of [`crate::mlp`] in tensor-level Rust frameworks with reverse-mode
//! autodiff, for `src/bin/mlp.rs` (only with the `tensor-peers` feature).
//!
//! Each peer holds the problem in its own tensor type (converted once, outside any timing)
//! and computes loss and gradient the way its documentation shows for training: build the
//! forward graph from the parameters each call, run its backward pass, fetch the four
//! gradients. [`BurnMlp::grad`] etc. return them converted back to ndarray 0.17 for checking
//! against [`crate::mlp::loss_hand_grad`]; the `*_native` methods are what is timed and stop
//! at the framework's own gradient tensors.
//!
//! | peer | how the gradient is taken |
//! | --- | --- |
//! | burn 0.22 (`burn-tensor` on `Device::ndarray().autodiff()`) | `require_grad` leaves, `loss.backward()`, `w.grad(&grads)`; loss `-mean(gather(log_softmax(logits), labels))` as burn-nn's cross-entropy |
//! | candle 0.11 (`candle-core`, CPU) | `Var`s, `loss.backward()`, `grads.get(&w)`; loss `mean(logsumexp(logits) - gather(logits, labels))` |
//! | autograd 2.0.0-rc3 (ndarray 0.14) | variables in a `VariableEnvironment`, a graph per call (`env.run`), `grad(&[loss], &[w1, ..])`, one evaluator run for loss and gradients with `x`, labels fed to placeholders; loss `reduce_mean(sparse_softmax_cross_entropy(logits, labels))` |
//!
//! All in `f64`, like ours.

use ad_runtime::ndarray::{Array1, Array2};

use crate::mlp::{Grads, Problem};

fn array2(rows: usize, cols: usize, v: Vec<f64>) -> Array2<f64> {
    Array2::from_shape_vec((rows, cols), v).expect("gradient of the wrong size")
}

fn flat(a: &Array2<f64>) -> Vec<f64> {
    a.iter().copied().collect()
}

// ---------------------------------------------------------------------------------------------
// burn
// ---------------------------------------------------------------------------------------------

/// The problem as burn tensors on the autodiff ndarray device.
pub struct BurnMlp {
    w1: burn_tensor::Tensor<2>,
    b1: burn_tensor::Tensor<1>,
    w2: burn_tensor::Tensor<2>,
    b2: burn_tensor::Tensor<1>,
    x: burn_tensor::Tensor<2>,
    labels: burn_tensor::Tensor<2, burn_tensor::Int>,
}

/// Loss and gradients as burn tensors.
pub type BurnOut = (
    burn_tensor::Tensor<1>,
    (
        burn_tensor::Tensor<2>,
        burn_tensor::Tensor<1>,
        burn_tensor::Tensor<2>,
        burn_tensor::Tensor<1>,
    ),
);

impl BurnMlp {
    /// Copies `p` to burn's ndarray backend with autodiff.
    pub fn new(p: &Problem) -> Self {
        use burn_tensor::{DType, Device, Int, Tensor, TensorData};
        // burn 0.22 deprecates its ndarray backend in favour of `Device::flex()`; we keep it
        // because it is the ndarray-based CPU backend this comparison is about.
        #[allow(deprecated)]
        let device = Device::ndarray().autodiff();
        let opts = (&device, DType::F64);
        let t2 = |a: &Array2<f64>| {
            Tensor::<2>::from_data(TensorData::new(flat(a), [a.nrows(), a.ncols()]), opts)
        };
        let t1 =
            |a: &Array1<f64>| Tensor::<1>::from_data(TensorData::new(a.to_vec(), [a.len()]), opts);
        let labels: Vec<i64> = p.labels.iter().map(|&l| l as i64).collect();
        BurnMlp {
            w1: t2(&p.w1).require_grad(),
            b1: t1(&p.b1).require_grad(),
            w2: t2(&p.w2).require_grad(),
            b2: t1(&p.b2).require_grad(),
            x: t2(&p.x),
            labels: Tensor::<2, Int>::from_data(
                TensorData::new(labels, [p.labels.len(), 1]),
                &device,
            ),
        }
    }

    /// Loss and gradients, left as burn tensors (what is timed).
    pub fn grad_native(&self) -> BurnOut {
        use burn_tensor::activation::{log_softmax, relu};
        let h = relu(self.x.clone().matmul(self.w1.clone()) + self.b1.clone().unsqueeze::<2>());
        let logits = h.matmul(self.w2.clone()) + self.b2.clone().unsqueeze::<2>();
        let loss = log_softmax(logits, 1)
            .gather(1, self.labels.clone())
            .mean()
            .neg();
        let grads = loss.backward();
        let g = |t: &burn_tensor::Tensor<2>| t.grad(&grads).expect("no gradient");
        let g1 = |t: &burn_tensor::Tensor<1>| t.grad(&grads).expect("no gradient");
        let out = (g(&self.w1), g1(&self.b1), g(&self.w2), g1(&self.b2));
        (loss, out)
    }

    /// Loss and gradients as ndarray 0.17 arrays.
    pub fn grad(&self) -> (f64, Grads) {
        fn v<const D: usize>(t: burn_tensor::Tensor<D>) -> Vec<f64> {
            t.into_data().as_slice::<f64>().expect("f64 data").to_vec()
        }
        let (loss, (w1, b1, w2, b2)) = self.grad_native();
        let (s1, s2) = (w1.dims(), w2.dims());
        (
            v(loss)[0],
            (
                array2(s1[0], s1[1], v(w1)),
                Array1::from_vec(v(b1)),
                array2(s2[0], s2[1], v(w2)),
                Array1::from_vec(v(b2)),
            ),
        )
    }
}

// ---------------------------------------------------------------------------------------------
// candle
// ---------------------------------------------------------------------------------------------

/// The problem as candle CPU tensors.
pub struct CandleMlp {
    w1: candle_core::Var,
    b1: candle_core::Var,
    w2: candle_core::Var,
    b2: candle_core::Var,
    x: candle_core::Tensor,
    labels: candle_core::Tensor,
}

/// Loss and gradients as candle tensors.
pub type CandleOut = (candle_core::Tensor, [candle_core::Tensor; 4]);

impl CandleMlp {
    /// Copies `p` to candle tensors on the CPU.
    pub fn new(p: &Problem) -> candle_core::Result<Self> {
        use candle_core::{Device, Tensor, Var};
        let dev = Device::Cpu;
        let t2 = |a: &Array2<f64>| Tensor::from_vec(flat(a), (a.nrows(), a.ncols()), &dev);
        let t1 = |a: &Array1<f64>| Tensor::from_vec(a.to_vec(), a.len(), &dev);
        let labels: Vec<u32> = p.labels.iter().map(|&l| l as u32).collect();
        Ok(CandleMlp {
            w1: Var::from_tensor(&t2(&p.w1)?)?,
            b1: Var::from_tensor(&t1(&p.b1)?)?,
            w2: Var::from_tensor(&t2(&p.w2)?)?,
            b2: Var::from_tensor(&t1(&p.b2)?)?,
            x: t2(&p.x)?,
            labels: Tensor::from_vec(labels, (p.labels.len(), 1), &dev)?,
        })
    }

    /// Loss and gradients, left as candle tensors (what is timed).
    pub fn grad_native(&self) -> candle_core::Result<CandleOut> {
        let h = self.x.matmul(&self.w1)?.broadcast_add(&self.b1)?.relu()?;
        let logits = h.matmul(&self.w2)?.broadcast_add(&self.b2)?;
        let picked = logits.gather(&self.labels, 1)?.squeeze(1)?;
        let loss = (logits.log_sum_exp(1)? - picked)?.mean_all()?;
        let grads = loss.backward()?;
        let g = |v: &candle_core::Var| {
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

    /// Loss and gradients as ndarray 0.17 arrays.
    pub fn grad(&self) -> candle_core::Result<(f64, Grads)> {
        let (loss, [w1, b1, w2, b2]) = self.grad_native()?;
        let m = |t: &candle_core::Tensor| -> candle_core::Result<Array2<f64>> {
            let (r, c) = t.dims2()?;
            Ok(array2(r, c, t.flatten_all()?.to_vec1()?))
        };
        Ok((
            loss.to_scalar()?,
            (
                m(&w1)?,
                Array1::from_vec(b1.to_vec1()?),
                m(&w2)?,
                Array1::from_vec(b2.to_vec1()?),
            ),
        ))
    }
}

// ---------------------------------------------------------------------------------------------
// autograd
// ---------------------------------------------------------------------------------------------

/// The problem in an autograd variable environment (ndarray 0.14 arrays).
pub struct AutogradMlp {
    env: autograd::VariableEnvironment<'static, f64>,
    ids: [autograd::variable::VariableID; 4],
    x: autograd::NdArray<f64>,
    labels: autograd::NdArray<f64>,
}

impl AutogradMlp {
    /// Registers the parameters as variables (biases as `1 × n` rows, broadcast over the
    /// batch) and keeps `x` and the labels (as floats, which autograd's sparse cross-entropy
    /// takes) to feed.
    pub fn new(p: &Problem) -> Self {
        use autograd::ndarray::{Array, IxDyn};
        let nd =
            |shape: &[usize], v: Vec<f64>| Array::from_shape_vec(IxDyn(shape), v).expect("shape");
        let mut env = autograd::VariableEnvironment::new();
        let w1 = env.set(nd(&[p.w1.nrows(), p.w1.ncols()], flat(&p.w1)));
        let b1 = env.set(nd(&[1, p.b1.len()], p.b1.to_vec()));
        let w2 = env.set(nd(&[p.w2.nrows(), p.w2.ncols()], flat(&p.w2)));
        let b2 = env.set(nd(&[1, p.b2.len()], p.b2.to_vec()));
        AutogradMlp {
            env,
            ids: [w1, b1, w2, b2],
            x: nd(&[p.x.nrows(), p.x.ncols()], flat(&p.x)),
            labels: nd(
                &[p.labels.len(), 1],
                p.labels.iter().map(|&l| l as f64).collect(),
            ),
        }
    }

    /// Loss and the four gradients as autograd arrays, in that order (what is timed).
    pub fn grad_native(&self) -> Vec<autograd::NdArray<f64>> {
        use autograd::tensor_ops as T;
        self.env.run(|ctx| {
            let x = ctx.placeholder("x", &[-1, self.x.shape()[1] as isize]);
            let y = ctx.placeholder("y", &[-1, 1]);
            let [w1, b1, w2, b2] = self.ids.map(|id| ctx.variable_by_id(id));
            let h = T::relu(T::matmul(x, w1) + b1);
            let logits = T::matmul(h, w2) + b2;
            let loss = T::reduce_mean(T::sparse_softmax_cross_entropy(logits, y), &[0, 1], false);
            let grads = T::grad(&[loss], &[w1, b1, w2, b2]);
            ctx.evaluator()
                .push(loss)
                .extend(&grads)
                .feed(x, self.x.view())
                .feed(y, self.labels.view())
                .run()
                .into_iter()
                .map(|r| r.expect("autograd evaluation failed"))
                .collect()
        })
    }

    /// Loss and gradients as ndarray 0.17 arrays.
    pub fn grad(&self) -> (f64, Grads) {
        let out = self.grad_native();
        let v = |a: &autograd::NdArray<f64>| a.iter().copied().collect::<Vec<f64>>();
        let m = |a: &autograd::NdArray<f64>| array2(a.shape()[0], a.shape()[1], v(a));
        (
            out[0].iter().copied().next().expect("empty loss"),
            (
                m(&out[1]),
                Array1::from_vec(v(&out[2])),
                m(&out[3]),
                Array1::from_vec(v(&out[4])),
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mlp::{SIZE, Size, check_against_hand, problem};

    /// Every peer computes the hand-written loss and gradient, at the benchmark's size and at
    /// a small one.
    #[test]
    fn peers_agree_with_the_hand_written_gradient() {
        let small = Size {
            batch: 5,
            inputs: 3,
            hidden: 4,
            classes: 3,
        };
        for (size, seed) in [(SIZE, 42), (small, 3)] {
            let p = problem(size, seed);
            check_against_hand("burn", &p, &BurnMlp::new(&p).grad(), 1e-10);
            let candle = CandleMlp::new(&p).unwrap();
            check_against_hand("candle", &p, &candle.grad().unwrap(), 1e-10);
            check_against_hand("autograd", &p, &AutogradMlp::new(&p).grad(), 1e-10);
        }
    }
}
