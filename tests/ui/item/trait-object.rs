// A trait object parameter: its calls cannot be seen into.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, g: &dyn Fn(f64) -> f64) -> f64 {
    g(x) * x
}

fn main() {}
