// A `&mut self` method is differentiated as the map from the receiver (and its other
// parameters) to the receiver after the call, so it returns `()`.
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Debug, Differentiable)]
struct Body {
    x: f64,
    v: f64,
}

impl Body {
    #[differentiable]
    fn step(&mut self, dt: f64) -> f64 {
        self.x += self.v * dt;
        self.x
    }
}

fn main() {}
