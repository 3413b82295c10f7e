// `for x in v` over a differentiated Vec, without `.iter()`.
use ad_runtime::differentiable;

#[differentiable]
fn f(v: Vec<f64>) -> f64 {
    let mut s = 0.0;
    for x in v {
        s = s + x;
    }
    s
}

fn main() {}
