// Assignment to a field of a parameter left out of `wrt` (whose type need not be a derived
// struct): not rewritten as a field write.
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
