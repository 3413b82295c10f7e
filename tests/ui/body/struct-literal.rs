// A struct literal of a type without `#[derive(Differentiable)]` (derived structs work).
use ad_runtime::differentiable;

struct P {
    a: f64,
}

#[differentiable]
fn f(x: f64) -> f64 {
    let _p = P { a: x };
    x * 2.0
}

fn main() {}
