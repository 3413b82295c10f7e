// An array expression `[x, y]` in the body.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, y: f64) -> f64 {
    let a = [x, y];
    a[0] * a[1]
}

fn main() {}
