// A method on a struct the caller builds itself, in the caller's forward mode: the method's
// pushforward has no tangent slot for a struct parameter yet. `_grad` and `_hvp` work; calling
// `_jvp` is an error that names the struct parameter (not arrays).
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Debug, Differentiable)]
struct Pt {
    x: f64,
    y: f64,
}

#[differentiable]
impl Pt {
    #[differentiable]
    fn new(x: f64, y: f64) -> Pt {
        Pt { x, y }
    }
    #[differentiable]
    fn n2(&self) -> f64 {
        self.x * self.x + self.y
    }
}

#[differentiable]
fn built(a: f64, b: f64) -> f64 {
    let p = Pt::new(a, b);
    p.n2()
}

fn main() {
    let _ = built_grad(3.0, 2.0);
    let _ = built_jvp(3.0, 2.0, 1.0, 0.0);
}
