// A method named like a builtin without a derivative (`len`) on a local the macro only
// guesses to be a struct (the result of a struct's method): the builtin meaning would lose
// the gradient of the struct's own `len`, so the build fails and says what to write.
use ad_runtime::differentiable;

#[derive(Clone, Copy, Debug, ad_runtime::Differentiable)]
pub struct P2 {
    pub x: f64,
    pub y: f64,
}

#[differentiable]
impl P2 {
    #[differentiable]
    pub fn new(x: f64, y: f64) -> P2 {
        P2 { x, y }
    }
    #[differentiable]
    pub fn minus(self, o: P2) -> P2 {
        P2 { x: self.x - o.x, y: self.y - o.y }
    }
    #[differentiable]
    pub fn len(self) -> f64 {
        (self.x * self.x + self.y * self.y).sqrt()
    }
}

#[differentiable(order = 1)]
fn gap(a: f64, b: f64) -> f64 {
    let p = P2::new(a, b);
    let d = p.minus(P2::new(b, a));
    d.len()
}

fn main() {
    let _ = gap_grad(0.3, 0.7);
}
