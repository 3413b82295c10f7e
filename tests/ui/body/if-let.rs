// `if let` on a value that holds a differentiated float: pattern payloads are constants
// (`if let Some(c) = o` with a constant `o` works).
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let o = Some(x * 2.0);
    if let Some(v) = o { v * v } else { x }
}

fn main() {}
