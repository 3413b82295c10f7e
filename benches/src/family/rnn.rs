//! Network 8: a recurrent tanh cell unrolled over 50 steps, `h ← tanh(w h + u x_t + b)`
//! from a given `h0` (hidden 32, input 16, one sequence), and the MSE of the last state
//! against a target; written as a loop over `t` with array ops.

use ad_runtime::ndarray::{Array1, Array2, Axis, Zip, s};
use ad_runtime::{differentiable, nn};

use super::Rng;

/// Time steps (rows of `xs`).
pub const STEPS: usize = 50;
/// Hidden units.
pub const HIDDEN: usize = 32;
/// Inputs per step.
pub const INPUTS: usize = 16;

/// The gradient: `(dw, du, db)`.
pub type Grads = (Array2<f64>, Array2<f64>, Array1<f64>);

/// MSE against `target` of the state after `xs.nrows()` steps of `h ← tanh(w h + u x_t + b)`
/// from `h0`, `x_t` the rows of `xs`.
#[differentiable(wrt(w, u, b))]
pub fn rnn(
    w: &Array2<f64>,
    u: &Array2<f64>,
    b: &Array1<f64>,
    xs: &Array2<f64>,
    h0: &Array1<f64>,
    target: &Array1<f64>,
) -> f64 {
    let mut h = h0.to_owned();
    for t in 0..xs.nrows() {
        h = (w.dot(&h) + u.dot(&xs.row(t)) + b).mapv(f64::tanh);
    }
    nn::mse(&h, target)
}

/// Hand-written value and gradient of [`rnn`], backpropagation through time: the input
/// terms of all steps in one product (`xs uᵀ`), the states kept in one `(T + 1) × H` array,
/// the backward recursion `∂L/∂z_t = ∂L/∂h_{t+1} ⊙ (1 − h_{t+1}²)`,
/// `∂L/∂h_t = wᵀ ∂L/∂z_t` writing the rows of one `T × H` array, and the weight gradients
/// from it in two products: `dw = Σ_t ∂L/∂z_t h_tᵀ`, `du = Σ_t ∂L/∂z_t x_tᵀ`.
pub fn rnn_hand_grad(
    w: &Array2<f64>,
    u: &Array2<f64>,
    b: &Array1<f64>,
    xs: &Array2<f64>,
    h0: &Array1<f64>,
    target: &Array1<f64>,
) -> (f64, Grads) {
    let steps = xs.nrows();
    let mut input = xs.dot(&u.t());
    input += b;
    let mut hs = Array2::<f64>::zeros((steps + 1, w.nrows()));
    hs.row_mut(0).assign(h0);
    for t in 0..steps {
        let (prev, mut next) = hs.multi_slice_mut((s![t, ..], s![t + 1, ..]));
        next.assign(&input.row(t));
        ad_runtime::ndarray::linalg::general_mat_vec_mul(1.0, w, &prev, 1.0, &mut next);
        next.mapv_inplace(f64::tanh);
    }
    let n = target.len() as f64;
    let mut sum = 0.0;
    let mut dh = Zip::from(hs.row(steps)).and(target).map_collect(|&h, &t| {
        let e = h - t;
        sum += e * e;
        2.0 * e / n
    });
    let mut dz = Array2::<f64>::zeros((steps, w.nrows()));
    for t in (0..steps).rev() {
        let mut dzt = dz.row_mut(t);
        Zip::from(&mut dzt)
            .and(&dh)
            .and(hs.row(t + 1))
            .for_each(|d, &g, &h| *d = g * (1.0 - h * h));
        if t > 0 {
            ad_runtime::ndarray::linalg::general_mat_vec_mul(1.0, &w.t(), &dzt, 0.0, &mut dh);
        }
    }
    let dw = dz.t().dot(&hs.slice(s![..steps, ..]));
    let du = dz.t().dot(xs);
    let db = dz.sum_axis(Axis(0));
    (sum / n, (dw, du, db))
}

/// Inputs of [`rnn`].
#[derive(Clone, Debug)]
pub struct Rnn {
    /// Hidden × hidden.
    pub w: Array2<f64>,
    /// Hidden × inputs.
    pub u: Array2<f64>,
    /// Hidden.
    pub b: Array1<f64>,
    /// Steps × inputs, entries in `[-1, 1)`.
    pub xs: Array2<f64>,
    /// Hidden, entries in `[-1/2, 1/2)`.
    pub h0: Array1<f64>,
    /// Hidden, entries in `[-1/2, 1/2)`.
    pub target: Array1<f64>,
}

/// Seeded inputs; `w` with bound `1.5/√H`, so the recursion neither explodes nor dies out
/// within 50 steps.
pub fn problem(seed: u64) -> Rnn {
    let mut r = Rng::new(seed);
    Rnn {
        w: r.array((HIDDEN, HIDDEN), 1.5 / (HIDDEN as f64).sqrt()),
        u: r.array((HIDDEN, INPUTS), super::bound(INPUTS)),
        b: r.array(HIDDEN, 0.1),
        xs: r.array((STEPS, INPUTS), 1.0),
        h0: r.array(HIDDEN, 0.5),
        target: r.array(HIDDEN, 0.5),
    }
}

network!(
    Rnn, "RNN tanh cell, 50 steps, MSE of last h",
    primal: rnn, generated: rnn_grad, hand: rnn_hand_grad,
    wrt(w, u, b), consts(xs, h0, target),
);
