// A function returning `()` has no output to differentiate.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) {
    let _y = x * x;
}

fn main() {}
