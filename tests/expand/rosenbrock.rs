// A loop over a slice with a mutable accumulator: the loop body's temporaries are
// recomputed in the reverse sweep, so the only thing recorded is the trip count.
use ad_runtime::differentiable;

#[differentiable]
fn rosen(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}
