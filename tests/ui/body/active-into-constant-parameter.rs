// A differentiated value passed to a parameter the callee does not differentiate (left out
// of its `wrt(...)`) is a type error that says so.
use ad_runtime::differentiable;

#[differentiable(wrt(x))]
fn scaled(x: f64, n: i32, c: f64) -> f64 {
    c * x.powi(n)
}

#[differentiable]
fn caller(x: f64, y: f64) -> f64 {
    scaled(x, 2, y)
}

fn main() {}
