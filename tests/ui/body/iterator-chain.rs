// An iterator chain the macro does not rewrite (`filter`) on a differentiated slice
// (`xs.iter().sum()`, `xs.iter().map(..).sum()` and `xs.iter().zip(..).map(..).sum()` are
// supported).
use ad_runtime::differentiable;

#[differentiable]
fn f(xs: &[f64]) -> f64 {
    let s: f64 = xs.iter().filter(|v| **v > 0.0).sum();
    s
}

fn main() {}
