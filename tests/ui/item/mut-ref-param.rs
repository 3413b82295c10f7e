// A `&mut` parameter is not supported.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, _out: &mut f64) -> f64 {
    x
}

fn main() {}
