// Iterating over an array literal of differentiated values is rejected (it used to give a
// silently zero gradient).
use ad_runtime::differentiable;

#[differentiable]
fn f(a: f64, b: f64) -> f64 {
    let mut s = 0.0;
    for y in [a, b] {
        s += y * y;
    }
    s
}

fn main() {}
