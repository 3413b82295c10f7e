// A struct literal with `..base` (functional update): the macro does not see the fields it
// fills in.
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Debug, Differentiable)]
pub struct State {
    x: f64,
    v: f64,
}

#[differentiable]
fn step(s: &State, dt: f64) -> State {
    State { x: s.x + dt * s.v, ..s.clone() }
}

fn main() {}
