// A `&mut` parameter's name bound again in the body: the attribute returns the outputs by the
// parameters' names, which would name the local; an error says to rename it.
use ad_runtime::differentiable;

#[differentiable]
fn g(s: &mut f64, x: f64) {
    *s += x;
    let s = *s * 2.0;
    let _u = s + x;
}

fn main() {}
