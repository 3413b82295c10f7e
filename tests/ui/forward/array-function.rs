// Forward mode takes ndarray arrays through dual numbers, which `order = 1` leaves out: the
// function's `f_jvp` exists, so that code that never calls it compiles, but calling it is an
// error that says so.
use ad_runtime::differentiable;
use ad_runtime::ndarray::Array1;

#[differentiable(order = 1)]
fn joined(x: &Array1<f64>) -> f64 {
    x.dot(x)
}

fn main() {
    let x = Array1::from(vec![1.0, 2.0]);
    let _ = joined_grad(&x);
    let _ = joined_jvp(&x, &x);
}
