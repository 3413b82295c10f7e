// `push` onto something that is not a local variable (here a tuple field) is rejected: the
// transformation tracks buffers by variable.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let mut v = (Vec::new(), 1);
    v.0.push(x);
    v.0[0]
}

fn main() {}
