// `wrt(n)` names an integer parameter, which is a constant.
use ad_runtime::differentiable;

#[differentiable(wrt(x, n))]
fn f(x: f64, n: i32) -> f64 {
    x.powi(n)
}

fn main() {}
