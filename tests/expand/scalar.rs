// A straight-line scalar function: each operation becomes one line of the forward sweep and
// one partial in the reverse sweep.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, y: f64) -> f64 {
    let z = x * y + x.sin();
    z.exp() / y
}
