// Iterator chains the macro does not rewrite over a differentiated array (`rev` after an
// adaptor); `a.iter().filter(..).map(..).sum()` and the other chains of slices are rewritten
// into index loops.
use ad_runtime::differentiable;
use ad_runtime::ndarray::Array1;

#[differentiable]
fn f(a: &Array1<f64>) -> f64 {
    a.iter().map(|v| v * 2.0).rev().sum()
}

fn main() {}
