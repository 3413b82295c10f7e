// A `match` arm pattern that binds a variable (`Some(v) =>`).
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, n: Option<usize>) -> f64 {
    match n {
        Some(v) => x * v as f64,
        None => x,
    }
}

fn main() {}
