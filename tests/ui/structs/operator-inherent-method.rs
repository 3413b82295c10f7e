// `a + b` of struct values is written as `a.add(b)`, which method syntax resolves to an
// inherent `add` before the trait's: without a `#[differentiable]` impl of `Add`, that would
// differentiate another function than the operator. A compile error naming the trait's impl.
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct P2 {
    x: f64,
    y: f64,
}

impl std::ops::Add for P2 {
    type Output = P2;
    fn add(self, o: P2) -> P2 {
        P2 { x: self.x + o.x, y: self.y + o.y }
    }
}

#[differentiable]
impl P2 {
    /// Not the operator: a weighted sum.
    #[differentiable]
    pub fn add(self, o: P2) -> P2 {
        P2 { x: self.x + 2.0 * o.x, y: self.y + 2.0 * o.y }
    }
}

#[differentiable]
fn total(p: P2, q: P2) -> f64 {
    let s = p + q;
    s.x + s.y
}

fn main() {}
