// The attribute applies to functions only: on a struct it is rejected.
use ad_runtime::differentiable;

#[differentiable]
struct Point {
    x: f64,
}

fn main() {}
