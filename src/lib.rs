//! Support library of the workspace's integration tests and examples.
//!
//! It is its own crate (`ad_workspace`), distinct from each integration test crate, so the
//! differentiable functions below exercise calls to `#[differentiable]` functions defined in
//! another crate (`ad_workspace::h(..)` from a test).

use ad_runtime::differentiable;

/// `h(x, y) = x sin(y) + y²`.
#[differentiable]
pub fn h(x: f64, y: f64) -> f64 {
    x * y.sin() + y * y
}

/// `(x y, x / y)`: a callee in another crate that returns a tuple.
#[differentiable]
pub fn h_pair(x: f64, y: f64) -> (f64, f64) {
    (x * y, x / y)
}

/// `c xⁿ` differentiated with respect to `x` only; `n` and `c` are constants.
#[differentiable(wrt(x))]
pub fn h_scaled(x: f64, n: i32, c: f64) -> f64 {
    c * x.powi(n)
}

/// `h(x, x) eˣ`, calling another `#[differentiable]` function of this crate.
#[differentiable]
pub fn h_nested(x: f64) -> f64 {
    h(x, x) * x.exp()
}
