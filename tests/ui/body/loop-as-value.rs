// A `loop` used as an operand (`1.0 + loop { break v; }`); `let y = loop { .. };` and a block
// ending in a loop work (rewritten into `let y;` and assignments before the `break`s).
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let y = 1.0
        + loop {
            break x * 2.0;
        };
    y
}

fn main() {}
