// A misspelt attribute argument (`wrtt`) is rejected and the valid one is named.
use ad_runtime::differentiable;

#[differentiable(wrtt(x))]
fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
