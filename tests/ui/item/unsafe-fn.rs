// An `unsafe fn` cannot be differentiated.
use ad_runtime::differentiable;

#[differentiable]
unsafe fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
