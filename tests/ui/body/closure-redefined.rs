// A closure reads `s`, which is redefined before the call: inlining the closure there would
// read the new `s`, so it is an error that says so.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let s = x * 2.0;
    let scaled = |t: f64| t * s;
    let s = 1.0;
    scaled(x) + s
}

fn main() {}
