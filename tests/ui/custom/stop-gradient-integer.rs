// `stop_gradient` on a value without a derivative.
use ad_runtime::{differentiable, stop_gradient};

#[differentiable]
fn f(x: f64, n: usize) -> f64 {
    x * stop_gradient(n) as f64
}

fn main() {}
