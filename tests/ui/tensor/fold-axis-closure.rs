// `fold_axis` is differentiated for max and min folds only.
use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array2, Axis};

#[differentiable]
fn f(a: &Array2<f64>) -> f64 {
    a.fold_axis(Axis(1), 0.0, |&s, &x| s + x * x).sum()
}

fn main() {}
