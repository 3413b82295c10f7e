// A closure bound by `let` is inlined where it is called; used as a value it is an error.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let sq = |t: f64| t * t;
    let g = sq;
    g(x)
}

fn main() {}
