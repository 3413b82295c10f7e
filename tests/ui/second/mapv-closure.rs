// Second order does not take `mapv` closures yet: `f_hvp` exists, so that code that never
// calls it compiles (the gradient below does), but calling it is an error that says so.
use ad_runtime::differentiable;
use ad_runtime::ndarray::Array1;

#[differentiable]
fn sq_sum(x: &Array1<f64>) -> f64 {
    x.mapv(|v| v * v.sin()).sum()
}

fn main() {
    let x = Array1::from(vec![1.0, 2.0]);
    let _ = sq_sum_grad(&x);
    let _ = sq_sum_hvp(&x, &x);
}
