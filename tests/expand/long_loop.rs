// A nonlinear loop-carried update: the old `y` is recorded at each overwrite (the reverse
// sweep reads it), and `y * a` is recomputed right before its consumer, after `y` has been
// restored, instead of being recorded too: one value per iteration.
use ad_runtime::differentiable;

#[differentiable]
fn long_loop(x: f64, a: f64, n: usize) -> f64 {
    let mut y = x;
    for _ in 0..n {
        y = (y * a).sin() + x;
    }
    y
}
