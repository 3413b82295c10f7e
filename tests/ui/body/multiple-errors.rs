// Every unsupported construct of a function is reported at once, in source order.
use ad_runtime::differentiable;

pub struct P {
    pub a: f64,
}

unsafe fn id(x: f64) -> f64 {
    x
}

#[differentiable]
fn f(x: f64, p: &P) -> f64 {
    let c = |t: f64| t;
    let y = unsafe { id(x) };
    y * p.a + c(1.0)
}

fn main() {}
