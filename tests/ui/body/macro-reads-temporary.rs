// An opaque expression reading values the lowering computed (`x * 2.0`): the message
// describes them instead of naming internal temporaries.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let v = [x * 2.0, x.sin()];
    v[0] + v[1]
}

fn main() {}
