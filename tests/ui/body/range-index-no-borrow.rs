// Indexing with a range outside a borrow (`x[1..3].len()` instead of `&x[1..3]`).
use ad_runtime::differentiable;

#[differentiable]
fn f(x: &[f64]) -> f64 {
    let n = x[1..3].len();
    x[0] * n as f64
}

fn main() {}
