// An element write into a struct's field at an index that varies (`self.u[i] = ..` in a loop
// of a `&mut self` step): rejected, with how to write it instead. (At a literal index,
// `self.vel[1] -= ..`, the field is copied, written and stored back.)
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Debug, Differentiable)]
pub struct Rod {
    pub u: Vec<f64>,
}

impl Rod {
    #[differentiable]
    pub fn cool(&mut self, k: f64) {
        for i in 0..self.u.len() {
            self.u[i] *= k;
        }
    }
}

fn main() {}
