// A closure in the body.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let sq = |t: f64| t * t;
    sq(x)
}

fn main() {}
