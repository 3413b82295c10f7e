// `map` takes the element by reference: use `mapv` (by value) or `map(|&v| ..)`.
use ad_runtime::differentiable;
use ad_runtime::ndarray::Array1;

#[differentiable]
fn f(a: &Array1<f64>) -> f64 {
    a.map(|v| v.sin()).sum()
}

fn main() {}
