// `let ... else` on a differentiated value (on constants it works).
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let Some(c) = Some(x) else { return x };
    c * x
}

fn main() {}
