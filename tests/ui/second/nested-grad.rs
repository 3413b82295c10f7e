// `g_grad` called in a differentiable body: first derivatives of the caller come from
// `g_hvp` (reverse and forward mode compile and run); the caller's second order would need
// third derivatives of `g`, and calling it is an error that names `g`.
use ad_runtime::differentiable;

#[differentiable]
fn sum_xy(x: f64, y: f64) -> f64 {
    x + y
}

#[differentiable]
fn confusion(x: f64) -> f64 {
    let (_, (_, dy)) = sum_xy_grad(x, 1.0);
    x * dy
}

fn main() {
    let _ = confusion_grad(3.0);
    let _ = confusion_jvp(3.0, 1.0);
    let _ = confusion_hvp(3.0, 1.0);
}
