// A call, on a differentiated value, to a plain function that is not #[differentiable]:
// rustc cannot find its generated pullback, and the error points at the user's call.
use ad_runtime::differentiable;

fn helper(x: f64) -> f64 {
    x * x
}

#[differentiable]
fn f(x: f64) -> f64 {
    helper(x) + 1.0
}

fn main() {}
