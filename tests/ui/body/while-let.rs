// `while let` in the body.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, mut ks: Vec<usize>) -> f64 {
    let mut y = x;
    while let Some(_) = ks.pop() {
        y = y * x;
    }
    y
}

fn main() {}
