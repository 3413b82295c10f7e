// A function with a `&mut` parameter of floats (an in-place function) returns `()`: its
// outputs are its `&mut` parameters (a caller's statement `g(&mut y, ..);` could not tell a
// discarded result from none).
use ad_runtime::differentiable;

#[differentiable]
fn step(y: &mut [f64], h: f64) -> f64 {
    y[0] += h;
    y[0] * y[0]
}

fn main() {}
