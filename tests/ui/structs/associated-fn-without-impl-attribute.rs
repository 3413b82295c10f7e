// An associated function whose signature has neither `self` nor `Self`, in an `impl` block
// without `#[differentiable]`: its attribute cannot see the block, so its generated functions
// call each other as free functions. One error, on the function's name, whose help says
// `Self::`; the fix is `#[differentiable]` on the block (README, "Models as structs").
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Debug, Differentiable)]
struct Pt {
    x: f64,
    y: f64,
}

impl Pt {
    #[differentiable]
    fn at(x: f64, y: f64) -> Pt {
        Pt { x, y }
    }
}

fn main() {}
