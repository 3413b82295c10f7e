// `let ... else` in the body.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, n: Option<usize>) -> f64 {
    let Some(k) = n else { return x };
    x * k as f64
}

fn main() {}
