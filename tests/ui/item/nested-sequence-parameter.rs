// Parameters nested deeper than a sequence of arrays or `Vec`s, or sequences of tuples: one
// error on each type, saying what to pass (`&[[f64; 3]]` and `&Vec<Vec<f64>>` work).
use ad_runtime::differentiable;

#[differentiable]
fn deep(p: &[Vec<Vec<f64>>]) -> f64 {
    p[0][1][0]
}

#[differentiable]
fn pairs(p: &Vec<(f64, f64)>) -> f64 {
    p[0].1
}

fn main() {}
