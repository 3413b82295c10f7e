// A parameter written as a pattern (`(a, b): (f64, f64)`) instead of a name.
use ad_runtime::differentiable;

#[differentiable]
fn f((a, b): (f64, f64)) -> f64 {
    a * b
}

fn main() {}
