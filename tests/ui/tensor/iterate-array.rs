// Iterator adaptors the macro does not rewrite (`filter`) over a differentiated array
// (`a.iter().map(..).sum()` of a 1-D array is rewritten into a loop).
use ad_runtime::differentiable;
use ad_runtime::ndarray::Array1;

#[differentiable]
fn f(a: &Array1<f64>) -> f64 {
    a.iter().filter(|v| **v > 0.0).sum()
}

fn main() {}
