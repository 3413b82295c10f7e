//! Optimisers for any parameter value with [`VectorSpace`]: floats, `Vec`s, ndarray arrays,
//! and every `#[derive(Differentiable)]` struct.
//!
//! ```
//! use ad_runtime::optim::Adam;
//!
//! let mut x = vec![3.0, -2.0];
//! let mut opt = Adam::new(&x, 0.1);
//! for _ in 0..500 {
//!     let g: Vec<f64> = x.iter().map(|v| 2.0 * v).collect(); // gradient of |x|²
//!     opt.step(&mut x, &g);
//! }
//! assert!(x.iter().all(|v| v.abs() < 1e-3));
//! ```

use crate::structs::VectorSpace;

/// Stochastic gradient descent with momentum: `v = μ v + g`, `p -= lr v`.
pub struct Sgd<P> {
    /// The learning rate.
    pub lr: f64,
    /// The momentum `μ` (0 for plain gradient descent).
    pub momentum: f64,
    velocity: P,
}

impl<P: VectorSpace + Clone> Sgd<P> {
    /// An optimiser for parameters shaped like `like` (the velocity starts at zero).
    pub fn new(like: &P, lr: f64, momentum: f64) -> Self {
        let mut velocity = like.clone();
        velocity.scale_by(0.0);
        Sgd {
            lr,
            momentum,
            velocity,
        }
    }

    /// One step along the gradient `g`.
    pub fn step(&mut self, p: &mut P, g: &P) {
        self.velocity.scale_by(self.momentum);
        self.velocity.add_scaled(1.0, g);
        p.add_scaled(-self.lr, &self.velocity);
    }
}

/// Adam (Kingma & Ba): moments `m`, `v` of the gradient, bias-corrected.
pub struct Adam<P> {
    /// The learning rate.
    pub lr: f64,
    /// Decay of the first moment (0.9).
    pub beta1: f64,
    /// Decay of the second moment (0.999).
    pub beta2: f64,
    /// Added to the root of the second moment (1e-8).
    pub eps: f64,
    m: P,
    v: P,
    t: i32,
}

impl<P: VectorSpace + Clone> Adam<P> {
    /// An optimiser for parameters shaped like `like`, with the usual constants.
    pub fn new(like: &P, lr: f64) -> Self {
        let mut m = like.clone();
        m.scale_by(0.0);
        Adam {
            lr,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            v: m.clone(),
            m,
            t: 0,
        }
    }

    /// One step along the gradient `g`.
    pub fn step(&mut self, p: &mut P, g: &P) {
        self.t += 1;
        let (b1, b2) = (self.beta1, self.beta2);
        let c1 = 1.0 - b1.powi(self.t);
        let c2 = 1.0 - b2.powi(self.t);
        self.m.scale_by(b1);
        self.m.add_scaled(1.0 - b1, g);
        self.v
            .zip2_mut(g, g, &mut |v, g, _| *v = b2 * *v + (1.0 - b2) * g * g);
        let (lr, eps) = (self.lr, self.eps);
        p.zip2_mut(&self.m, &self.v, &mut |p, m, v| {
            *p -= lr * (m / c1) / ((v / c2).sqrt() + eps)
        });
    }
}
