// A method may change a buffer that the reverse sweep still needs whole (here to run the
// callee's pullback again, since `&w` borrows a local): it cannot be restored, so the macro
// says so on the call, with what to write instead.
use ad_runtime::differentiable;

#[differentiable]
fn weighted(w: &[f64], x: f64) -> f64 {
    w[0] * x * x + w[1] * x
}

#[differentiable(wrt(x))]
fn f(x: f64) -> f64 {
    let mut w = vec![1.0, 2.0];
    let y = weighted(&w, x);
    w.reverse();
    y + w[0]
}

fn main() {}
