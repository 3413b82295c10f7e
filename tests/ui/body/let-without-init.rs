// A `let` without an initialiser.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    // `let y;` assigned once on every path is taken; a mutable one, assigned again, not.
    let mut y;
    y = x * 2.0;
    y = y + 1.0;
    y
}

fn main() {}
