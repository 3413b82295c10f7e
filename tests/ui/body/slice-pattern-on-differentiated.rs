// A slice pattern binding elements of a differentiated slice: the error points at the pattern.
use ad_runtime::differentiable;

#[differentiable]
fn pair(x: &[f64]) -> f64 {
    match x {
        [a, b] => a * b,
        _ => 0.0,
    }
}

fn main() {}
