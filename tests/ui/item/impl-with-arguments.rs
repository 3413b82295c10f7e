use ad_runtime::differentiable;

pub struct Scale(f64);

// Arguments belong to the functions inside, not to the `impl` block.
#[differentiable(order = 1)]
impl Scale {
    #[differentiable]
    fn sq(x: f64) -> f64 {
        x * x
    }
}

fn main() {}
