// A generic function whose bound brings a method the macro has no rule for: one error, on
// the method (not rustc's errors about the instantiations the macro makes).
use ad_runtime::{Float, differentiable};

pub trait Scaled {
    fn scale(self) -> Self;
}

#[differentiable]
fn g<T: Float + Scaled>(x: T) -> T {
    x.scale() * x
}

fn main() {}
