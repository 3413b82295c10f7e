// An ndarray method with no derivative rule, on a differentiated array.
use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array2, Axis};

#[differentiable]
fn f(a: &Array2<f64>) -> f64 {
    a.map_axis(Axis(0), |r| r.sum()).sum()
}

fn main() {}
