// An accumulator updated in a loop and read only after it (`s += e` ... `s.ln()`): the
// old values of `s` are never needed, so nothing is recorded per iteration. The running
// maximum `mx` is read by each `max` partial, so its overwrites are recorded.
use ad_runtime::differentiable;

#[differentiable]
fn logsumexp(v: &[f64]) -> f64 {
    let mut mx = v[0];
    for i in 1..v.len() {
        mx = mx.max(v[i]);
    }
    let mut s = 0.0;
    for i in 0..v.len() {
        s += (v[i] - mx).exp();
    }
    s.ln() + mx
}
