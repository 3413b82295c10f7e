// A method of a struct without `#[derive(Differentiable)]`: its receiver has no derivative.
use ad_runtime::differentiable;

struct Scale(f64);

impl Scale {
    #[differentiable]
    fn apply(&self, x: f64) -> f64 {
        x * x
    }
}

fn main() {}
