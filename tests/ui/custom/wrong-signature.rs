// A `jvp` rule must have `f_jvp`'s signature: the error is on the rule's name.
use ad_runtime::differentiable;

#[differentiable(custom(jvp = square_tangent))]
fn square(x: f64, y: f64) -> f64 {
    x * y
}

fn square_tangent(x: f64, dx: f64) -> (f64, f64) {
    (x * x, 2.0 * x * dx)
}

fn main() {}
