// A method call with a turbofish (`::<..>`), even on constants.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let n = "3".parse::<f64>().unwrap();
    x * n
}

fn main() {}
