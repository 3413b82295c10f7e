// `#[differentiable(order = 1)]` generates first derivatives only: no `f_hvp`, `f_hessian`
// (a smaller build for crates that do not need them).
use ad_runtime::differentiable;

#[differentiable(order = 1)]
fn f(x: f64) -> f64 {
    x.sin() * x
}

fn main() {
    let _ = f_grad(1.0);
    let _ = f_jvp(1.0, 1.0);
    let _ = f_hvp(1.0, 1.0);
}
