// A `mapv` closure that assigns a variable of the function (a running sum, a counter that
// indexes another array) carries state from element to element, which its per-element
// derivative cannot see: a compile error on the assignment, not a wrong gradient.
use ad_runtime::differentiable;
use ad_runtime::ndarray::Array1;

#[differentiable]
fn running(a: &Array1<f64>) -> f64 {
    let mut s: f64 = 0.0;
    a.mapv(|x| {
        s += x;
        s
    })
    .sum()
}

#[differentiable]
fn counter(a: &Array1<f64>, b: &[f64]) -> f64 {
    let mut i = 0;
    a.mapv(|x| {
        let r = x * b[i];
        i += 1;
        r
    })
    .sum()
}

#[differentiable]
fn local_state_is_fine(a: &Array1<f64>) -> f64 {
    a.mapv(|x| {
        let mut s = x;
        s += 1.0;
        s * s
    })
    .sum()
}

fn main() {}
