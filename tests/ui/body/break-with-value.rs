// `break` with a value, in a loop used as a statement.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    loop {
        break x * 2.0;
    };
    x
}

fn main() {}
