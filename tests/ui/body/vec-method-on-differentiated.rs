// A `Vec` method that moves or fills elements, on a differentiated local: one error naming
// what to write instead (not the list of float methods).
use ad_runtime::differentiable;

#[differentiable]
fn fill_it(x: &[f64]) -> f64 {
    let mut v = x.to_vec();
    v.fill(x[0]);
    v[1] * v[2]
}

#[differentiable]
fn reversed(x: &[f64]) -> f64 {
    let mut v = x.to_vec();
    v.reverse();
    v[0] * x[1]
}

fn main() {}
