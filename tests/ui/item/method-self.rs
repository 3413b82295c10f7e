// Methods (a `self` parameter) are not supported yet.
use ad_runtime::differentiable;

struct Scale(f64);

impl Scale {
    #[differentiable]
    fn apply(&self, x: f64) -> f64 {
        x * x
    }
}

fn main() {}
