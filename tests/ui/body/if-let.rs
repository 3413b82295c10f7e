// `if let` in the body.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, n: Option<usize>) -> f64 {
    if let Some(k) = n {
        return x * k as f64;
    }
    x
}

fn main() {}
