// A nested array repeat expression (a 2-D local array): use a flat buffer instead.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let mut m = [[0.0; 2]; 2];
    m[0][0] = x;
    m[0][0] * x
}

fn main() {}
