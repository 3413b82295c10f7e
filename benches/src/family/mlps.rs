//! Networks 1–4: two-layer perceptrons (batch 256, 64 → 128 → 10, one example per row) that
//! differ in the hidden activation and the loss, the neighbours of `crate::mlp` (ReLU +
//! cross-entropy):
//!
//! | network | hidden | loss |
//! | --- | --- | --- |
//! | [`tanh_mse`] | `mapv(f64::tanh)` | `nn::mse` against dense targets |
//! | [`sigmoid_ce`] | `nn::sigmoid` | `nn::cross_entropy`, integer labels |
//! | [`gelu_ce`] | GELU, tanh approximation, in a `mapv` closure | `nn::cross_entropy` |
//! | [`relu_mse`] | `mapv(\|v\| v.max(0.0))` | `nn::mse` |
//!
//! Each has its hand-written `*_hand_grad`, built from the shared steps [`affine`],
//! [`mse_backward`], [`ce_backward`] and [`dense_backward`].

use std::marker::PhantomData;

use ad_runtime::ndarray::{Array1, Array2, Axis, Zip};
use ad_runtime::{differentiable, nn};

use super::Rng;

/// Rows of `x`.
pub const BATCH: usize = 256;
/// Columns of `x`.
pub const INPUTS: usize = 64;
/// Hidden units.
pub const HIDDEN: usize = 128;
/// Outputs (classes for the cross-entropy networks).
pub const OUTPUTS: usize = 10;

/// `√(2/π)`, of the GELU tanh approximation.
pub const GELU_C: f64 = 0.797_884_560_802_865_4;
/// The cubic coefficient of the GELU tanh approximation.
pub const GELU_A: f64 = 0.044_715;

/// The gradient of every network here: `(dw1, db1, dw2, db2)`.
pub type Grads = (Array2<f64>, Array1<f64>, Array2<f64>, Array1<f64>);

// ---------------------------------------------------------------------------------------------
// The networks as users write them

/// Network 1: MSE of `tanh(x w1 + b1) w2 + b2` against `y`.
#[differentiable(wrt(w1, b1, w2, b2))]
pub fn tanh_mse(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    y: &Array2<f64>,
) -> f64 {
    let h = (x.dot(w1) + b1).mapv(f64::tanh);
    let out = h.dot(w2) + b2;
    nn::mse(&out, y)
}

/// Network 2: mean cross-entropy of `sigmoid(x w1 + b1) w2 + b2` against `labels`.
#[differentiable(wrt(w1, b1, w2, b2))]
pub fn sigmoid_ce(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    labels: &[usize],
) -> f64 {
    let h = nn::sigmoid(&(x.dot(w1) + b1));
    let logits = h.dot(w2) + b2;
    nn::cross_entropy(&logits, labels)
}

/// Network 3: mean cross-entropy of `gelu(x w1 + b1) w2 + b2` against `labels`, GELU in its
/// tanh approximation `½ v (1 + tanh(√(2/π) (v + 0.044715 v³)))`.
///
/// The coefficients are written as literals (the values of [`GELU_C`] and [`GELU_A`]; the
/// named constants work as well, `GELU_A * v` being a float times a dual number in the
/// second-order code).
#[differentiable(wrt(w1, b1, w2, b2))]
pub fn gelu_ce(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    labels: &[usize],
) -> f64 {
    let h = (x.dot(w1) + b1)
        .mapv(|v| 0.5 * v * (1.0 + (0.797_884_560_802_865_4 * (v + 0.044_715 * v * v * v)).tanh()));
    let logits = h.dot(w2) + b2;
    nn::cross_entropy(&logits, labels)
}

/// Network 4: MSE of `relu(x w1 + b1) w2 + b2` against `y`.
#[differentiable(wrt(w1, b1, w2, b2))]
pub fn relu_mse(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    y: &Array2<f64>,
) -> f64 {
    let h = (x.dot(w1) + b1).mapv(|v| v.max(0.0));
    let out = h.dot(w2) + b2;
    nn::mse(&out, y)
}

// ---------------------------------------------------------------------------------------------
// Shared steps of the hand-written passes

/// `x w + b`, in one fresh array.
pub fn affine(x: &Array2<f64>, w: &Array2<f64>, b: &Array1<f64>) -> Array2<f64> {
    let mut z = x.dot(w);
    z += b;
    z
}

/// The MSE of `out` against `y`, overwriting `out` with `∂L/∂out = 2 (out − y) / n`.
pub fn mse_backward(out: &mut Array2<f64>, y: &Array2<f64>) -> f64 {
    let n = out.len() as f64;
    let c = 2.0 / n;
    let mut sum = 0.0;
    Zip::from(out).and(y).for_each(|o, &t| {
        let e = *o - t;
        sum += e * e;
        *o = c * e;
    });
    sum / n
}

/// The mean cross-entropy of `logits` against `labels`, overwriting `logits` with
/// `∂L/∂logits = (softmax(logits) − onehot(labels)) / n`, one pass per row.
pub fn ce_backward(logits: &mut Array2<f64>, labels: &[usize]) -> f64 {
    let inv_n = 1.0 / labels.len() as f64;
    let mut total = 0.0;
    for (mut row, &label) in logits.rows_mut().into_iter().zip(labels) {
        let max = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        let z_label = row[label];
        let mut sum = 0.0;
        row.mapv_inplace(|v| {
            let e = (v - max).exp();
            sum += e;
            e
        });
        total += sum.ln() - (z_label - max);
        let scale = inv_n / sum;
        row.mapv_inplace(|e| e * scale);
        row[label] -= inv_n;
    }
    total * inv_n
}

/// The weight and bias gradients of `z = input w + b` from `∂L/∂z`:
/// `(inputᵀ ∂L/∂z, Σ_rows ∂L/∂z)`.
pub fn dense_backward(input: &Array2<f64>, dz: &Array2<f64>) -> (Array2<f64>, Array1<f64>) {
    (input.t().dot(dz), dz.sum_axis(Axis(0)))
}

/// The hidden layer's gradients from `∂L/∂out` of the head: `dw2`, `db2`, then
/// `∂L/∂z1 = ∂L/∂out w2ᵀ`, scaled in place by the activation's derivative (`act_grad` gets
/// each entry of `∂L/∂z1` and the matching `h`, from which the derivative is read off), and
/// from that `dw1`, `db1`.
fn two_layer_backward(
    x: &Array2<f64>,
    h: &Array2<f64>,
    w2: &Array2<f64>,
    dout: &Array2<f64>,
    act_grad: impl Fn(&mut f64, f64),
) -> Grads {
    let (dw2, db2) = dense_backward(h, dout);
    let mut dz = dout.dot(&w2.t());
    Zip::from(&mut dz).and(h).for_each(|d, &h| act_grad(d, h));
    let (dw1, db1) = dense_backward(x, &dz);
    (dw1, db1, dw2, db2)
}

// ---------------------------------------------------------------------------------------------
// The hand-written gradients

/// Hand-written value and gradient of [`tanh_mse`]: `tanh′ = 1 − h²` read off `h`.
pub fn tanh_mse_hand_grad(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    y: &Array2<f64>,
) -> (f64, Grads) {
    let mut h = affine(x, w1, b1);
    h.mapv_inplace(f64::tanh);
    let mut dout = affine(&h, w2, b2);
    let loss = mse_backward(&mut dout, y);
    let g = two_layer_backward(x, &h, w2, &dout, |d, h| *d *= 1.0 - h * h);
    (loss, g)
}

/// Hand-written value and gradient of [`sigmoid_ce`]: `σ′ = h (1 − h)` read off `h`.
pub fn sigmoid_ce_hand_grad(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    labels: &[usize],
) -> (f64, Grads) {
    let mut h = affine(x, w1, b1);
    h.mapv_inplace(|v| 1.0 / (1.0 + (-v).exp()));
    let mut dlogits = affine(&h, w2, b2);
    let loss = ce_backward(&mut dlogits, labels);
    let g = two_layer_backward(x, &h, w2, &dlogits, |d, h| *d *= h * (1.0 - h));
    (loss, g)
}

/// Hand-written value and gradient of [`gelu_ce`]: the forward pass computes `gelu(z)` and
/// `gelu′(z)` together (one `tanh` per element) and keeps the derivative for the backward
/// pass.
pub fn gelu_ce_hand_grad(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    labels: &[usize],
) -> (f64, Grads) {
    let mut h = affine(x, w1, b1);
    let mut dact = Array2::<f64>::zeros(h.raw_dim());
    Zip::from(&mut h).and(&mut dact).for_each(|h, d| {
        let v = *h;
        let t = (GELU_C * (v + GELU_A * v * v * v)).tanh();
        *h = 0.5 * v * (1.0 + t);
        *d = 0.5 * (1.0 + t) + 0.5 * v * (1.0 - t * t) * GELU_C * (1.0 + 3.0 * GELU_A * v * v);
    });
    let mut dlogits = affine(&h, w2, b2);
    let loss = ce_backward(&mut dlogits, labels);
    let (dw2, db2) = dense_backward(&h, &dlogits);
    let mut dz = dlogits.dot(&w2.t());
    dz *= &dact;
    let (dw1, db1) = dense_backward(x, &dz);
    (loss, (dw1, db1, dw2, db2))
}

/// Hand-written value and gradient of [`relu_mse`]: the mask `[z > 0]` read off `h`.
pub fn relu_mse_hand_grad(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    y: &Array2<f64>,
) -> (f64, Grads) {
    let mut h = affine(x, w1, b1);
    h.mapv_inplace(|v| v.max(0.0));
    let mut dout = affine(&h, w2, b2);
    let loss = mse_backward(&mut dout, y);
    let g = two_layer_backward(x, &h, w2, &dout, |d, h| {
        if h <= 0.0 {
            *d = 0.0;
        }
    });
    (loss, g)
}

// ---------------------------------------------------------------------------------------------
// Problems

/// Inputs of a perceptron of this module; `A` picks the network (one of the marker types
/// [`TanhMse`], [`SigmoidCe`], [`GeluCe`], [`ReluMse`]). Targets `y` and `labels` are both
/// there; each network reads the one its loss takes.
#[derive(Clone, Debug)]
pub struct Mlp<A> {
    /// Inputs × hidden.
    pub w1: Array2<f64>,
    /// Hidden.
    pub b1: Array1<f64>,
    /// Hidden × outputs.
    pub w2: Array2<f64>,
    /// Outputs.
    pub b2: Array1<f64>,
    /// Batch × inputs, entries in `[0, 1)`.
    pub x: Array2<f64>,
    /// Batch × outputs dense targets, entries in `[-1, 1)`.
    pub y: Array2<f64>,
    /// Batch labels in `0..outputs`.
    pub labels: Vec<usize>,
    act: PhantomData<A>,
}

/// Marker of network 1 ([`tanh_mse`]).
#[derive(Clone, Debug)]
pub struct TanhMse;
/// Marker of network 2 ([`sigmoid_ce`]).
#[derive(Clone, Debug)]
pub struct SigmoidCe;
/// Marker of network 3 ([`gelu_ce`]).
#[derive(Clone, Debug)]
pub struct GeluCe;
/// Marker of network 4 ([`relu_mse`]).
#[derive(Clone, Debug)]
pub struct ReluMse;

/// Seeded inputs: uniform weights with Glorot-like bounds, small random biases (so no bias
/// gradient is trivially zero), `x` in `[0, 1)`, uniform targets and labels.
pub fn problem<A>(seed: u64) -> Mlp<A> {
    let mut r = Rng::new(seed);
    Mlp {
        w1: r.array((INPUTS, HIDDEN), super::bound(INPUTS)),
        b1: r.array(HIDDEN, 0.1),
        w2: r.array((HIDDEN, OUTPUTS), super::bound(HIDDEN)),
        b2: r.array(OUTPUTS, 0.1),
        x: Array2::from_shape_simple_fn((BATCH, INPUTS), || r.uniform()),
        y: r.array((BATCH, OUTPUTS), 1.0),
        labels: (0..BATCH).map(|_| r.below(OUTPUTS)).collect(),
        act: PhantomData,
    }
}

/// Network 1's seeded inputs.
pub fn tanh_mse_problem(seed: u64) -> Mlp<TanhMse> {
    problem(seed)
}

/// Network 2's seeded inputs.
pub fn sigmoid_ce_problem(seed: u64) -> Mlp<SigmoidCe> {
    problem(seed)
}

/// Network 3's seeded inputs.
pub fn gelu_ce_problem(seed: u64) -> Mlp<GeluCe> {
    problem(seed)
}

/// Network 4's seeded inputs.
pub fn relu_mse_problem(seed: u64) -> Mlp<ReluMse> {
    problem(seed)
}

network!(
    Mlp<TanhMse>, "MLP tanh + MSE",
    primal: tanh_mse, generated: tanh_mse_grad, hand: tanh_mse_hand_grad,
    wrt(w1, b1, w2, b2), consts(x, y),
);
network!(
    Mlp<SigmoidCe>, "MLP sigmoid + CE",
    primal: sigmoid_ce, generated: sigmoid_ce_grad, hand: sigmoid_ce_hand_grad,
    wrt(w1, b1, w2, b2), consts(x, labels),
);
network!(
    Mlp<GeluCe>, "MLP GELU + CE",
    primal: gelu_ce, generated: gelu_ce_grad, hand: gelu_ce_hand_grad,
    wrt(w1, b1, w2, b2), consts(x, labels),
);
network!(
    Mlp<ReluMse>, "MLP ReLU + MSE",
    primal: relu_mse, generated: relu_mse_grad, hand: relu_mse_hand_grad,
    wrt(w1, b1, w2, b2), consts(x, y),
);
