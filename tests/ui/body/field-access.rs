// Struct field access `p.x`.
use ad_runtime::differentiable;

pub struct P {
    pub x: f64,
}

#[differentiable(wrt(y))]
fn f(p: &P, y: f64) -> f64 {
    p.x * y
}

fn main() {}
