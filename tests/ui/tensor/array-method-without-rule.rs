// An ndarray method with no derivative rule, on a differentiated array (`map_axis` takes a
// literal axis).
use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array2, Axis};

#[differentiable]
fn f(a: &Array2<f64>, k: usize) -> f64 {
    a.map_axis(Axis(k), |r| r.sum()).sum()
}

fn main() {}
