// Loop fusion in `f_vjp`: the seed is known before the forward sweep, so the reverse of a
// loop whose only loop-carried differentiated state is accumulators runs inside the forward
// loop. `sums` is fused: the reverse of `0.5 * t` runs before the loop (the literal is
// computed there), each iteration runs its reverse right after its forward (the branch is
// re-read from its condition, nothing is recorded), and `f_pullback` stays the split reverse
// mode for callers. `feedback` is not fused: its body reads its accumulator, whose adjoint
// then changes from iteration to iteration; its `f_vjp` calls `f_pullback`.
use ad_runtime::differentiable;

#[differentiable]
fn sums(x: &[f64]) -> f64 {
    let mut s = 0.0;
    let mut t = 0.0;
    for i in 0..x.len() {
        if x[i] > 0.0 {
            s += x[i].ln();
        }
        t -= x[i] * x[i];
    }
    s + 0.5 * t
}

#[differentiable]
fn feedback(x: &[f64]) -> f64 {
    let mut s: f64 = 1.0;
    for i in 0..x.len() {
        s += x[i] * s.sin();
    }
    s
}
