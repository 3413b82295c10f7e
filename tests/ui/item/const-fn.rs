// A `const fn` cannot be differentiated.
use ad_runtime::differentiable;

#[differentiable]
const fn f(x: f64) -> f64 {
    x
}

fn main() {}
