//! A two-layer perceptron's loss on a batch, the one `examples/digits.rs` trains, in two
//! forms:
//!
//! - [`loss`]: the user's code under `#[differentiable]`, which generates [`loss_grad`];
//! - [`loss_hand_grad`]: a hand-written backward pass with the same signature and result.
//!
//! Layout: one example per row (`x` is batch × inputs), `h = relu(x w1 + b1)`,
//! `logits = h w2 + b2`, and the mean softmax cross-entropy against `labels`.
//! [`problem`] makes seeded inputs; `src/bin/mlp.rs` times both gradients (and, with the
//! `tensor-peers` feature, the same gradient in burn, candle and autograd, see
//! [`crate::mlp_peers`]).

use ad_runtime::ndarray::{Array1, Array2, Axis, Zip};
use ad_runtime::{differentiable, nn};

/// The benchmark's size: batch 256, 64 inputs, 128 hidden units, 10 classes.
pub const SIZE: Size = Size {
    batch: 256,
    inputs: 64,
    hidden: 128,
    classes: 10,
};

/// The dimensions of a [`Problem`].
#[derive(Clone, Copy, Debug)]
pub struct Size {
    /// Rows of `x`.
    pub batch: usize,
    /// Columns of `x`, rows of `w1`.
    pub inputs: usize,
    /// Columns of `w1`, rows of `w2`.
    pub hidden: usize,
    /// Columns of `w2`, number of classes.
    pub classes: usize,
}

/// Mean softmax cross-entropy of the perceptron `relu(x w1 + b1) w2 + b2` on the batch `x`
/// (one example per row) against `labels`, differentiated with respect to the weights and
/// biases.
#[differentiable(wrt(w1, b1, w2, b2))]
pub fn loss(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    labels: &[usize],
) -> f64 {
    let h = (x.dot(w1) + b1).mapv(|v| v.max(0.0));
    let logits = h.dot(w2) + b2;
    nn::cross_entropy(&logits, labels)
}

/// The gradient of [`loss`]: `(dw1, db1, dw2, db2)`.
pub type Grads = (Array2<f64>, Array1<f64>, Array2<f64>, Array1<f64>);

/// Hand-written value and gradient of [`loss`], the textbook backward pass with no wasted
/// work: every intermediate is computed in place where it can be, the ReLU mask is read off
/// `h` (`h > 0` exactly where `x w1 + b1 > 0`), and softmax, loss and `∂L/∂logits` come
/// from one pass per row.
///
/// With `p = softmax(logits)` row-wise and `Y` the one-hot labels, `n` rows:
/// `∂L/∂logits = (p - Y) / n`, `dw2 = hᵀ ∂L/∂logits`, `db2 = Σ_rows ∂L/∂logits`,
/// `∂L/∂z1 = (∂L/∂logits w2ᵀ) ⊙ [h > 0]`, `dw1 = xᵀ ∂L/∂z1`, `db1 = Σ_rows ∂L/∂z1`.
pub fn loss_hand_grad(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    labels: &[usize],
) -> (f64, Grads) {
    let inv_n = 1.0 / labels.len() as f64;
    let mut h = x.dot(w1);
    h += b1;
    h.mapv_inplace(|v| v.max(0.0));
    let mut dlogits = h.dot(w2);
    dlogits += b2;
    let mut total = 0.0;
    for (mut row, &label) in dlogits.rows_mut().into_iter().zip(labels) {
        let max = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        let mut sum = 0.0;
        row.mapv_inplace(|v| {
            let e = (v - max).exp();
            sum += e;
            e
        });
        // -log softmax(z)[label] = log Σ exp(z - max) - (z[label] - max)
        total += sum.ln() - row[label].ln();
        let scale = inv_n / sum;
        row.mapv_inplace(|e| e * scale);
        row[label] -= inv_n;
    }
    let dw2 = h.t().dot(&dlogits);
    let db2 = dlogits.sum_axis(Axis(0));
    let mut dz1 = dlogits.dot(&w2.t());
    Zip::from(&mut dz1).and(&h).for_each(|d, &hv| {
        if hv <= 0.0 {
            *d = 0.0;
        }
    });
    let dw1 = x.t().dot(&dz1);
    let db1 = dz1.sum_axis(Axis(0));
    (total * inv_n, (dw1, db1, dw2, db2))
}

/// Inputs for one evaluation: the parameters, a batch and its labels.
#[derive(Clone, Debug)]
pub struct Problem {
    /// Inputs × hidden.
    pub w1: Array2<f64>,
    /// Hidden.
    pub b1: Array1<f64>,
    /// Hidden × classes.
    pub w2: Array2<f64>,
    /// Classes.
    pub b2: Array1<f64>,
    /// Batch × inputs, entries in `[0, 1)` like scaled pixels.
    pub x: Array2<f64>,
    /// Batch labels in `0..classes`.
    pub labels: Vec<usize>,
}

impl Problem {
    /// [`loss`] at this problem.
    pub fn loss(&self) -> f64 {
        loss(
            &self.w1,
            &self.b1,
            &self.w2,
            &self.b2,
            &self.x,
            &self.labels,
        )
    }

    /// The generated [`loss_grad`] at this problem.
    pub fn generated_grad(&self) -> (f64, Grads) {
        loss_grad(
            &self.w1,
            &self.b1,
            &self.w2,
            &self.b2,
            &self.x,
            &self.labels,
        )
    }

    /// [`loss_hand_grad`] at this problem.
    pub fn hand_grad(&self) -> (f64, Grads) {
        loss_hand_grad(
            &self.w1,
            &self.b1,
            &self.w2,
            &self.b2,
            &self.x,
            &self.labels,
        )
    }
}

/// SplitMix64, so that the inputs are the same in every run without `rand`.
struct SplitMix(u64);

impl SplitMix {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `[-a, a)`.
    fn symmetric(&mut self, a: f64) -> f64 {
        a * (2.0 * self.uniform() - 1.0)
    }
}

/// A seeded problem of size `s`: weights uniform with He/Glorot scale, small random biases
/// (so that no bias gradient is trivially compared with zero), `x` in `[0, 1)`, labels
/// uniform.
pub fn problem(s: Size, seed: u64) -> Problem {
    let mut r = SplitMix(seed);
    let a1 = (6.0 / s.inputs as f64).sqrt();
    let a2 = (6.0 / (s.hidden + s.classes) as f64).sqrt();
    Problem {
        w1: Array2::from_shape_simple_fn((s.inputs, s.hidden), || r.symmetric(a1)),
        b1: Array1::from_shape_simple_fn(s.hidden, || r.symmetric(0.1)),
        w2: Array2::from_shape_simple_fn((s.hidden, s.classes), || r.symmetric(a2)),
        b2: Array1::from_shape_simple_fn(s.classes, || r.symmetric(0.1)),
        x: Array2::from_shape_simple_fn((s.batch, s.inputs), || r.uniform()),
        labels: (0..s.batch)
            .map(|_| (r.next_u64() % s.classes as u64) as usize)
            .collect(),
    }
}

/// Largest difference between two gradients, array by array, relative to the largest
/// magnitude in the first one's array.
pub fn max_rel_diff(a: &Grads, b: &Grads) -> f64 {
    fn one<'a>(a: impl Iterator<Item = &'a f64> + Clone, b: impl Iterator<Item = &'a f64>) -> f64 {
        let scale = a.clone().fold(f64::MIN_POSITIVE, |m, v| m.max(v.abs()));
        a.zip(b)
            .map(|(x, y)| (x - y).abs() / scale)
            .fold(
                0.0,
                |m: f64, d| if d.is_nan() { f64::NAN } else { m.max(d) },
            )
    }
    assert_eq!(a.0.dim(), b.0.dim(), "dw1 shapes differ");
    assert_eq!(a.1.dim(), b.1.dim(), "db1 shapes differ");
    assert_eq!(a.2.dim(), b.2.dim(), "dw2 shapes differ");
    assert_eq!(a.3.dim(), b.3.dim(), "db2 shapes differ");
    [
        one(a.0.iter(), b.0.iter()),
        one(a.1.iter(), b.1.iter()),
        one(a.2.iter(), b.2.iter()),
        one(a.3.iter(), b.3.iter()),
    ]
    .into_iter()
    .fold(
        0.0,
        |m: f64, d| if d.is_nan() { f64::NAN } else { m.max(d) },
    )
}

/// Checks `(value, gradient)` from some method against the hand-written one, to `rtol`
/// (values relative, gradients per array relative to the array's largest entry).
///
/// # Panics
/// Naming `method` and the difference, if they disagree.
pub fn check_against_hand(method: &str, p: &Problem, got: &(f64, Grads), rtol: f64) {
    let (v, g) = p.hand_grad();
    assert!(
        (got.0 - v).abs() <= rtol * v.abs().max(1.0),
        "{method}: loss {} differs from the hand-written {v}",
        got.0
    );
    let d = max_rel_diff(&g, &got.1);
    assert!(
        d <= rtol,
        "{method}: gradient differs from the hand-written one: max relative difference {d:e}"
    );
}

/// Checks, before anything is timed, that the primal, the hand-written and the generated
/// gradient agree (values and gradients to 1e-12 relative).
///
/// # Panics
/// If they differ.
pub fn check_agreement(p: &Problem) {
    let v = p.loss();
    let (vh, _) = p.hand_grad();
    assert!(
        (vh - v).abs() <= 1e-12 * v.abs(),
        "hand-written value {vh} differs from the primal {v}"
    );
    check_against_hand("generated", p, &p.generated_grad(), 1e-12);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ad_runtime::check::{compare, fd_gradient};

    fn flatten(g: &Grads) -> Vec<f64> {
        g.0.iter()
            .chain(&g.1)
            .chain(&g.2)
            .chain(&g.3)
            .copied()
            .collect()
    }

    /// [`loss`] as a function of all parameters flattened in `(w1, b1, w2, b2)` order.
    fn loss_flat(p: &Problem, theta: &[f64]) -> f64 {
        let (n1, n2, n3) = (p.w1.len(), p.b1.len(), p.w2.len());
        let w1 = Array2::from_shape_vec(p.w1.dim(), theta[..n1].to_vec()).unwrap();
        let b1 = Array1::from_vec(theta[n1..n1 + n2].to_vec());
        let w2 = Array2::from_shape_vec(p.w2.dim(), theta[n1 + n2..n1 + n2 + n3].to_vec()).unwrap();
        let b2 = Array1::from_vec(theta[n1 + n2 + n3..].to_vec());
        loss(&w1, &b1, &w2, &b2, &p.x, &p.labels)
    }

    #[test]
    fn generated_and_hand_agree_at_benchmark_size() {
        check_agreement(&problem(SIZE, 1));
    }

    #[test]
    fn generated_and_hand_match_finite_differences() {
        let size = Size {
            batch: 9,
            inputs: 6,
            hidden: 7,
            classes: 4,
        };
        for seed in [1, 2, 3] {
            let p = problem(size, seed);
            check_agreement(&p);
            let theta = flatten(&(p.w1.clone(), p.b1.clone(), p.w2.clone(), p.b2.clone()));
            let fd = fd_gradient(|t| loss_flat(&p, t), &theta, 1e-6);
            for (name, (_, g)) in [
                ("hand-written", p.hand_grad()),
                ("generated", p.generated_grad()),
            ] {
                if let Err(e) = compare(&flatten(&g), &fd, 1e-6, 1e-8) {
                    panic!("{name} gradient vs finite differences (seed {seed}): {e}");
                }
            }
        }
    }

    #[test]
    fn hand_value_is_the_mean_cross_entropy() {
        // Two examples, all-zero weights: uniform softmax, loss ln(classes) whatever the labels.
        let size = Size {
            batch: 2,
            inputs: 3,
            hidden: 4,
            classes: 5,
        };
        let mut p = problem(size, 7);
        p.w2.fill(0.0);
        p.b2.fill(0.0);
        let (v, (_, _, _, db2)) = p.hand_grad();
        assert!((v - 5f64.ln()).abs() < 1e-15);
        // ∂L/∂b2 = mean over rows of (1/5 - onehot)
        let mut expect = Array1::from_elem(5, 0.2);
        for &l in &p.labels {
            expect[l] -= 0.5;
        }
        for (got, want) in db2.iter().zip(&expect) {
            assert!((got - want).abs() < 1e-15, "{db2} vs {expect}");
        }
    }
}
