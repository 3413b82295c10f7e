// A `loop` used as a value (`let y = loop { break v; }`).
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let y = loop {
        break x * 2.0;
    };
    y
}

fn main() {}
