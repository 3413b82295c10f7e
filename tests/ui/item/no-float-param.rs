// A function without any float-valued parameter has nothing to differentiate.
use ad_runtime::differentiable;

#[differentiable]
fn f(n: usize, b: bool) -> f64 {
    if b { n as f64 } else { 0.0 }
}

fn main() {}
