// An array expression `[x, y]` of differentiated values in the body (constant arrays work).
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, y: f64) -> f64 {
    let a = [x, y];
    a[0] * a[1]
}

fn main() {}
