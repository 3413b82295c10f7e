// A custom-rule function without `second_order`, called from a function with a struct
// parameter: forward mode (through dual numbers) takes its value and tangent from the `jvp`
// rule and compiles, but second order needs the rule's own derivative, and calling `f_hvp`
// is an error that names the function.
use ad_runtime::{Differentiable, differentiable};

#[differentiable(custom(jvp = softplus_jvp, vjp = softplus_vjp))]
fn softplus(x: f64) -> f64 {
    x.exp().ln_1p()
}

fn softplus_jvp(x: f64, dx: f64) -> (f64, f64) {
    (softplus(x), dx / (1.0 + (-x).exp()))
}

fn softplus_vjp(x: f64) -> (f64, impl FnOnce(f64) -> f64) {
    let s = 1.0 / (1.0 + (-x).exp());
    (softplus(x), move |g| g * s)
}

#[derive(Clone, Debug, Differentiable)]
struct S {
    w: f64,
}

#[differentiable]
fn energy(s: &S) -> f64 {
    softplus(s.w) * s.w
}

fn main() {
    let s = S { w: 0.3 };
    let _ = energy_jvp(&s, &S { w: 1.0 });
    let _ = energy_hvp(&s, &S { w: 1.0 });
}
