// Forward mode of a function of a struct is not supported yet: its `_jvp` is an error where
// it is used, naming the construct (reverse mode works).
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Differentiable)]
struct Line {
    a: f64,
    b: f64,
}

#[differentiable]
fn f(p: &Line, x: f64) -> f64 {
    p.a * x + p.b
}

fn main() {
    let p = Line { a: 1.0, b: 2.0 };
    let _ = f_grad(&p, 3.0);
    let _ = f_jvp(&p, 3.0, &p.clone(), 1.0);
}
