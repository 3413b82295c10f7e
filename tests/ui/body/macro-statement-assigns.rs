// A statement macro that could assign a local behind the transformation's back is rejected
// (it used to give a silently wrong gradient).
use ad_runtime::differentiable;

macro_rules! set {
    ($a:ident, $b:expr) => {
        $a = $b;
    };
}

#[differentiable]
fn m(x: f64) -> f64 {
    let mut y = 0.0;
    set!(y, x * 3.0);
    y
}

fn main() {}
