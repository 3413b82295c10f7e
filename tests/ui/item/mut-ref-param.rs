// A `&mut` parameter of a type other than floats and float buffers is not supported.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, _out: &mut Vec<usize>) -> f64 {
    x
}

fn main() {}
