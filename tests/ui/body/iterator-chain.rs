// An iterator chain with a closure (`xs.iter().map(..).sum()`) on a differentiated slice
// (`xs.iter().sum()` alone is supported).
use ad_runtime::differentiable;

#[differentiable]
fn f(xs: &[f64]) -> f64 {
    let s: f64 = xs.iter().map(|v| v * v).sum();
    s
}

fn main() {}
