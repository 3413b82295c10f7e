// Forward mode does not take ndarray functions yet: their `f_jvp` exists, so that code that
// never calls it compiles, but calling it is an error that says so.
use ad_runtime::differentiable;
use ad_runtime::ndarray::Array1;

#[differentiable]
fn norm2(x: &Array1<f64>) -> f64 {
    x.dot(x)
}

fn main() {
    let x = Array1::from(vec![1.0, 2.0]);
    let _ = norm2_grad(&x);
    let _ = norm2_jvp(&x, &x);
}
