// Returning a reference is not supported.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: &[f64]) -> &f64 {
    &x[0]
}

fn main() {}
