// An `async fn` cannot be differentiated.
use ad_runtime::differentiable;

#[differentiable]
async fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
