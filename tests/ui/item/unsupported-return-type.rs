// A result type without a cotangent (here `String`) is rejected on the return type.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> String {
    format!("{x}")
}

fn main() {}
