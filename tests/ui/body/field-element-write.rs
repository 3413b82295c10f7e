// An element write into a struct's array field in place (`self.vel[1] -= ..` in a `&mut self`
// step): rejected, with how to write it instead (copy, write, store back).
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Debug, Differentiable)]
pub struct Ball {
    pub pos: [f64; 2],
    pub vel: [f64; 2],
}

impl Ball {
    #[differentiable]
    pub fn fall(&mut self, g: f64, dt: f64) {
        self.vel[1] -= g * dt;
        self.pos = [self.pos[0] + self.vel[0] * dt, self.pos[1] + self.vel[1] * dt];
    }
}

fn main() {}
