// `order` is 1 or 2.
use ad_runtime::differentiable;

#[differentiable(order = 3)]
fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
