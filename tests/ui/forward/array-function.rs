// Forward mode takes ndarray arrays through dual numbers, but not `concatenate`/`stack` yet:
// their `f_jvp` exists, so that code that never calls it compiles, but calling it is an error
// that says so.
use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Axis};

#[differentiable]
fn joined(x: &Array1<f64>) -> f64 {
    let c = ad_runtime::ndarray::concatenate(Axis(0), &[x.view(), x.view()]).unwrap();
    c.dot(&c)
}

fn main() {
    let x = Array1::from(vec![1.0, 2.0]);
    let _ = joined_grad(&x);
    let _ = joined_jvp(&x, &x);
}
