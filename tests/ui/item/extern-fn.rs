// An `extern "C" fn` cannot be differentiated.
use ad_runtime::differentiable;

#[differentiable]
extern "C" fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
