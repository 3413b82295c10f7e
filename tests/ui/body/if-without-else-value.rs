// An `if` without `else` whose (unit) value is bound.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let mut y = x;
    let _u = if x > 0.0 {
        y = 2.0 * x;
    };
    y
}

fn main() {}
