// An iterator chain (`xs.iter().sum()`) on a differentiated slice.
use ad_runtime::differentiable;

#[differentiable]
fn f(xs: &[f64]) -> f64 {
    let s: f64 = xs.iter().sum();
    s
}

fn main() {}
