// A call through a type path (`f64::from`) on a differentiated value has no derivative.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f32) -> f64 {
    f64::from(x) * 2.0
}

fn main() {}
