// `custom(..)` takes `jvp = ..` and `vjp = ..` only.
use ad_runtime::differentiable;

#[differentiable(custom(hvp = f_hvp_rule))]
fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
