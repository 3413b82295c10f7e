// A cast inside a `mapv` closure is not lifted to dual numbers yet (its operand is not
// delimited in the closure's tokens): `f_hvp` exists, so that code that never calls it
// compiles, but calling it is an error that says so.
use ad_runtime::differentiable;
use ad_runtime::ndarray::Array1;

#[differentiable]
fn scaled(x: &Array1<f64>, k: usize) -> f64 {
    x.mapv(|v| v * v * k as f64).sum()
}

fn main() {
    let x = Array1::from(vec![1.0, 2.0]);
    let _ = scaled_grad(&x, 3);
    let _ = scaled_hvp(&x, 3, &x);
}
