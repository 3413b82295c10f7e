// A cast of a differentiated value to a type that is not `f64`, `f32` or an integer
// (here an alias of `f64`, which the macro cannot see through).
use ad_runtime::differentiable;

type Real = f64;

#[differentiable]
fn f(x: f64) -> f64 {
    let y = x as Real;
    y
}

fn main() {}
