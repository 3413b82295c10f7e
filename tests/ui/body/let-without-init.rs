// A `let` without an initialiser.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let y;
    y = x * 2.0;
    y
}

fn main() {}
