// An early `return` inside a block whose value is used.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let y = {
        if x > 0.0 {
            return x;
        }
        x * 2.0
    };
    y
}

fn main() {}
