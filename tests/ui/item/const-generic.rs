// A const generic parameter is not supported.
use ad_runtime::differentiable;

#[differentiable]
fn f<const N: usize>(x: f64) -> f64 {
    x * N as f64
}

fn main() {}
