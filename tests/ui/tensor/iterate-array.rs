// Iterator adaptors over a differentiated array.
use ad_runtime::differentiable;
use ad_runtime::ndarray::Array1;

#[differentiable]
fn f(a: &Array1<f64>) -> f64 {
    a.iter().map(|v| v * v).sum()
}

fn main() {}
