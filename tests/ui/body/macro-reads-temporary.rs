// An opaque expression reading values the lowering computed (`sq(x)`, an array expression
// whose elements are not visibly floats): the message describes them instead of naming
// internal temporaries.
use ad_runtime::differentiable;

#[differentiable]
fn sq(x: f64) -> f64 {
    x * x
}

#[differentiable]
fn f(x: f64) -> f64 {
    let v = [sq(x), sq(x + 1.0)];
    v[0] + v[1]
}

fn main() {}
