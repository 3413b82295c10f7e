// `Vec::from(..)` on a differentiated value has no derivative.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: &[f64]) -> f64 {
    let v = Vec::from(x);
    v[0]
}

fn main() {}
