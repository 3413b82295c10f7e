// A `match` arm that binds a variable and has a guard (binding arms without a guard work).
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, n: Option<usize>) -> f64 {
    match n {
        Some(v) if v > 2 => x * v as f64,
        _ => x,
    }
}

fn main() {}
