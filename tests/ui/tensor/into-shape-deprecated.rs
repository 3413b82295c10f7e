// `into_shape` (deprecated by ndarray) reads elements in the array's memory order, which the
// reverse reshape cannot know from the code: rejected, with the ordered forms suggested.
#![allow(deprecated)]
use ad_runtime::differentiable;
use ad_runtime::ndarray::Array1;

#[differentiable]
fn f(x: Array1<f64>) -> f64 {
    let m = x.into_shape((2, 3)).unwrap();
    m.sum()
}

fn main() {}
