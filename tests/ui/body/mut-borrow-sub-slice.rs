// A sub-slice lent by `&mut` to an in-place function: only whole variables (`&mut y`,
// `&mut y[..]`, `&mut *y`) are passed in place.
use ad_runtime::differentiable;

#[differentiable]
fn step(y: &mut [f64], h: f64) {
    y[0] += h * y[0];
}

#[differentiable]
fn f(x: &[f64]) -> f64 {
    let mut y = x.to_vec();
    step(&mut y[1..], 0.1);
    y[0]
}

fn main() {}
