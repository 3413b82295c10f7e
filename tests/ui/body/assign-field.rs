// Assignment to a struct field.
use ad_runtime::differentiable;

pub struct P {
    pub x: f64,
}

#[differentiable(wrt(y))]
fn f(mut p: P, y: f64) -> f64 {
    p.x = y;
    let _p = p;
    y
}

fn main() {}
