// Parameters that are sequences of sequences: one error on each type, saying what to pass.
use ad_runtime::differentiable;

#[differentiable]
fn rows(p: &[[f64; 3]]) -> f64 {
    p[0][1]
}

#[differentiable]
fn nested(p: &Vec<Vec<f64>>) -> f64 {
    p[0][1]
}

fn main() {}
