//! A family of small networks, each written twice, for `src/bin/family.rs` (issue 17):
//!
//! - as ordinary user code under `#[differentiable(wrt(..))]` on ndarray arrays with
//!   `ad_runtime::nn` ops (or on slices, for the convolution), which generates its `_grad`;
//! - as a hand-written value and gradient with the same signature and result: the textbook
//!   backward pass, with nothing recomputed and no array built that it does not need.
//!
//! | network | module | size |
//! | --- | --- | --- |
//! | MLP, tanh hidden, MSE | [`mlps`] | batch 256, 64 → 128 → 10 |
//! | MLP, sigmoid hidden, cross-entropy | [`mlps`] | batch 256, 64 → 128 → 10 |
//! | MLP, GELU (tanh approximation) hidden, cross-entropy | [`mlps`] | batch 256, 64 → 128 → 10 |
//! | MLP, ReLU hidden, MSE | [`mlps`] | batch 256, 64 → 128 → 10 |
//! | `x + layernorm(x w + b)`, linear head, MSE | [`layernorm`] | batch 256, 64 → 64 → 10 |
//! | single-head self-attention, MSE | [`attention`] | 32 tokens, width 32 |
//! | 1-D convolution (valid), MSE | [`conv`] | signal 4096, kernel 9 |
//! | recurrent tanh cell unrolled, MSE of the last state | [`rnn`] | 50 steps, hidden 32, input 16 |
//! | batch norm (per-column statistics), tanh, linear head, MSE | [`batchnorm`] | batch 256, 64 → 64 → 10 |
//!
//! With the `candle-peer` (or `tensor-peers`) feature, [`candle`] has all nine networks in
//! candle, for a comparison with a tensor library.
//!
//! Every network's problem type implements [`Network`], through which the binary checks
//! the two gradients against each other ([`check_agreement`]), checks the hand-written one
//! against central differences ([`fd_spot_check`]) and times the three calls.

use ad_runtime::ndarray::{Array, Dimension};

/// Implements [`Network`] for a problem struct whose fields are named like the arguments of
/// its functions: the differentiated ones (`wrt`, in gradient order) first, then the
/// constant ones (`consts`), each passed by reference.
macro_rules! network {
    (
        $ty:ty, $name:literal,
        primal: $primal:path, generated: $generated:path, hand: $hand:path,
        wrt($($p:ident),+ $(,)?), consts($($c:ident),* $(,)?) $(,)?
    ) => {
        impl $crate::family::Network for $ty {
            fn name(&self) -> &'static str {
                $name
            }

            fn params(&self) -> &'static [&'static str] {
                &[$(stringify!($p)),+]
            }

            fn primal(&self) -> f64 {
                $primal($(&self.$p,)+ $(&self.$c,)*)
            }

            fn generated(&self) -> (f64, Vec<Vec<f64>>) {
                let (v, ($($p,)+)) = $generated($(&self.$p,)+ $(&self.$c,)*);
                (v, vec![$($crate::family::Param::flat(&$p)),+])
            }

            fn hand(&self) -> (f64, Vec<Vec<f64>>) {
                let (v, ($($p,)+)) = $hand($(&self.$p,)+ $(&self.$c,)*);
                (v, vec![$($crate::family::Param::flat(&$p)),+])
            }

            fn run_primal(&self) {
                let s = ::std::hint::black_box(self);
                ::std::hint::black_box($primal($(&s.$p,)+ $(&s.$c,)*));
            }

            fn run_generated(&self) {
                let s = ::std::hint::black_box(self);
                ::std::hint::black_box($generated($(&s.$p,)+ $(&s.$c,)*));
            }

            fn run_hand(&self) {
                let s = ::std::hint::black_box(self);
                ::std::hint::black_box($hand($(&s.$p,)+ $(&s.$c,)*));
            }

            fn primal_perturbed(&self, k: usize, i: usize, delta: f64) -> f64 {
                let mut q = self.clone();
                let slot = [$($crate::family::Param::flat_mut(&mut q.$p)),+]
                    .into_iter()
                    .nth(k)
                    .expect("parameter index out of range");
                slot[i] += delta;
                $crate::family::Network::primal(&q)
            }
        }
    };
}

pub mod attention;
pub mod batchnorm;
#[cfg(any(feature = "candle-peer", feature = "tensor-peers"))]
pub mod candle;
pub mod conv;
pub mod layernorm;
pub mod mlps;
pub mod rnn;

/// One network of the family at its benchmark size: its primal, both gradients, and
/// perturbed primals for finite differences. Gradients come flattened, one `Vec` per
/// differentiated parameter in [`Network::params`] order (row-major for arrays).
pub trait Network {
    /// The row label of the table.
    fn name(&self) -> &'static str;
    /// The differentiated parameters, in gradient order.
    fn params(&self) -> &'static [&'static str];
    /// The loss.
    fn primal(&self) -> f64;
    /// Value and gradient from the macro-generated `_grad`.
    fn generated(&self) -> (f64, Vec<Vec<f64>>);
    /// Value and gradient from the hand-written backward pass.
    fn hand(&self) -> (f64, Vec<Vec<f64>>);
    /// The primal, for timing: the result goes through `black_box`, nothing is converted.
    fn run_primal(&self);
    /// The generated gradient, for timing (as [`Network::run_primal`]).
    fn run_generated(&self);
    /// The hand-written gradient, for timing (as [`Network::run_primal`]).
    fn run_hand(&self);
    /// The loss with entry `i` (row-major) of parameter `k` moved by `delta`.
    fn primal_perturbed(&self, k: usize, i: usize, delta: f64) -> f64;
}

/// Every network of the family at its benchmark size, with seeded inputs.
pub fn all(seed: u64) -> Vec<Box<dyn Network>> {
    vec![
        Box::new(mlps::tanh_mse_problem(seed)),
        Box::new(mlps::sigmoid_ce_problem(seed)),
        Box::new(mlps::gelu_ce_problem(seed)),
        Box::new(mlps::relu_mse_problem(seed)),
        Box::new(layernorm::problem(seed)),
        Box::new(attention::problem(seed)),
        Box::new(conv::problem(seed)),
        Box::new(rnn::problem(seed)),
        Box::new(batchnorm::problem(seed)),
    ]
}

/// A differentiated parameter or its gradient, seen as a flat row-major vector.
pub trait Param {
    /// A row-major copy of the entries.
    fn flat(&self) -> Vec<f64>;
    /// The entries in place, row-major.
    fn flat_mut(&mut self) -> &mut [f64];
}

impl<D: Dimension> Param for Array<f64, D> {
    fn flat(&self) -> Vec<f64> {
        self.iter().copied().collect()
    }

    fn flat_mut(&mut self) -> &mut [f64] {
        self.as_slice_mut()
            .expect("problem arrays are in standard layout")
    }
}

impl Param for Vec<f64> {
    fn flat(&self) -> Vec<f64> {
        self.clone()
    }

    fn flat_mut(&mut self) -> &mut [f64] {
        self
    }
}

/// SplitMix64, so that the inputs are the same in every run without `rand`.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `[-a, a)`.
    pub fn symmetric(&mut self, a: f64) -> f64 {
        a * (2.0 * self.uniform() - 1.0)
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// An array of shape `shape`, entries uniform in `[-a, a)`.
    pub fn array<Sh: ad_runtime::ndarray::ShapeBuilder>(
        &mut self,
        shape: Sh,
        a: f64,
    ) -> Array<f64, Sh::Dim> {
        Array::from_shape_simple_fn(shape, || self.symmetric(a))
    }
}

/// Glorot/He-style uniform bound for a weight matrix with `fan_in` inputs.
pub fn bound(fan_in: usize) -> f64 {
    (3.0 / fan_in as f64).sqrt()
}

/// Largest difference between two flattened gradients, parameter by parameter, relative to
/// the largest magnitude in that parameter's gradient `a` (NaN if any entry is NaN).
pub fn max_rel_diff(a: &[Vec<f64>], b: &[Vec<f64>]) -> f64 {
    assert_eq!(a.len(), b.len(), "different numbers of parameters");
    let mut worst = 0.0f64;
    for (k, (a, b)) in a.iter().zip(b).enumerate() {
        assert_eq!(
            a.len(),
            b.len(),
            "parameter {k}: gradients of different sizes"
        );
        let scale = a.iter().fold(f64::MIN_POSITIVE, |m, v| m.max(v.abs()));
        for (x, y) in a.iter().zip(b) {
            let d = (x - y).abs() / scale;
            if d.is_nan() {
                return f64::NAN;
            }
            worst = worst.max(d);
        }
    }
    worst
}

/// What [`check_agreement`] measured.
#[derive(Clone, Copy, Debug)]
pub struct Agreement {
    /// `|generated value − primal| / |primal|`.
    pub generated_value: f64,
    /// `|hand-written value − primal| / |primal|`.
    pub hand_value: f64,
    /// [`max_rel_diff`] of the hand-written and generated gradients.
    pub gradient: f64,
}

/// Checks that the generated and hand-written values equal the primal (to `1e-12`
/// relative: the hand-written passes sum in their own order) and that the two gradients
/// agree to `1e-9` ([`max_rel_diff`]).
///
/// # Panics
/// Naming the network, if they disagree.
pub fn check_agreement(net: &dyn Network) -> Agreement {
    let v = net.primal();
    let (vg, gg) = net.generated();
    let (vh, gh) = net.hand();
    let rel = |w: f64| (w - v).abs() / v.abs().max(f64::MIN_POSITIVE);
    let a = Agreement {
        generated_value: rel(vg),
        hand_value: rel(vh),
        gradient: max_rel_diff(&gh, &gg),
    };
    let name = net.name();
    assert!(
        a.generated_value <= 1e-12,
        "{name}: generated value {vg} differs from the primal {v}"
    );
    assert!(
        a.hand_value <= 1e-12,
        "{name}: hand-written value {vh} differs from the primal {v}"
    );
    assert!(
        a.gradient <= 1e-9,
        "{name}: generated gradient differs from the hand-written one: max relative difference {:e}",
        a.gradient
    );
    a
}

/// Checks `count` entries of every parameter's hand-written gradient (the first, the last
/// and seeded random ones) against central differences of the primal with step `1e-5`.
/// Returns the largest error, each relative to the largest entry of its parameter's
/// gradient.
///
/// # Panics
/// Naming the network, parameter and entry, if an error exceeds `1e-6`.
pub fn fd_spot_check(net: &dyn Network, count: usize, seed: u64) -> f64 {
    const H: f64 = 1e-5;
    let (_, g) = net.hand();
    let mut rng = Rng::new(seed);
    let mut worst = 0.0f64;
    for (k, gk) in g.iter().enumerate() {
        let scale = gk.iter().fold(f64::MIN_POSITIVE, |m, v| m.max(v.abs()));
        let mut entries = vec![0, gk.len() - 1];
        entries.extend((2..count).map(|_| rng.below(gk.len())));
        for i in entries {
            let fd = (net.primal_perturbed(k, i, H) - net.primal_perturbed(k, i, -H)) / (2.0 * H);
            let err = (fd - gk[i]).abs() / scale;
            assert!(
                err <= 1e-6,
                "{}: d/d{}[{i}]: hand-written {} vs central difference {fd} (error {err:e} of the largest entry {scale:e})",
                net.name(),
                net.params()[k],
                gk[i]
            );
            worst = worst.max(err);
        }
    }
    worst
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_and_hand_agree() {
        for net in all(1) {
            check_agreement(net.as_ref());
        }
    }

    #[test]
    fn hand_gradients_match_central_differences() {
        for net in all(2) {
            fd_spot_check(net.as_ref(), 6, 3);
        }
    }
}
