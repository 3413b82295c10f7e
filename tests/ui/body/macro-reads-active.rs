// A macro whose arguments read a differentiated value, used as a value.
use ad_runtime::differentiable;

macro_rules! twice {
    ($e:expr) => {
        $e * 2.0
    };
}

#[differentiable]
fn f(x: f64) -> f64 {
    let y = twice!(x);
    let _s = format!("{}", x);
    y
}

fn main() {}
