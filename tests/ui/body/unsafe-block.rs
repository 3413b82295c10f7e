// An `unsafe { }` block in the body.
use ad_runtime::differentiable;

unsafe fn id(x: f64) -> f64 {
    x
}

#[differentiable]
fn f(x: f64) -> f64 {
    let y = unsafe { id(x) };
    y
}

fn main() {}
