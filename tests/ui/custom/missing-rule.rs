// A function with only a `jvp` rule is usable in forward mode; reverse mode (here through a
// caller's gradient) is an error that names the missing rule.
use ad_runtime::differentiable;

#[differentiable(custom(jvp = cube_jvp))]
fn cube(x: f64) -> f64 {
    x * x * x
}

fn cube_jvp(x: f64, dx: f64) -> (f64, f64) {
    (x * x * x, 3.0 * x * x * dx)
}

#[differentiable]
fn caller(x: f64) -> f64 {
    cube(x) + x
}

fn main() {
    let _ = caller_jvp(1.0, 1.0);
    let _ = caller_grad(1.0);
}
