// A struct parameter without `#[derive(Differentiable)]`.
use ad_runtime::differentiable;

struct Params {
    a: f64,
}

#[differentiable]
fn f(p: &Params, x: f64) -> f64 {
    p.a * x
}

fn main() {}
