// Bounds checks hoisted out of counted loops (ad-macros/src/reverse/hoist.rs): the inner
// loop's indices are the loop variable (`y[r]`), a loop invariant (`x[c]`) and a counter
// stepped once per iteration (`l[idx]`, `idx += 1`), so the forward sweep checks the first
// and last index of each before the loop and runs it without checks, or as written when a
// check fails. The primal `triangle` is unchanged.
use ad_runtime::differentiable;

#[differentiable(wrt(l, x))]
fn triangle(l: &[f64], x: &[f64], d: usize) -> f64 {
    let mut y = vec![0.0; d];
    let mut idx = 0;
    for c in 0..d {
        for r in c + 1..d {
            y[r] += l[idx] * x[c];
            idx += 1;
        }
    }
    let mut s = 0.0;
    for j in 0..d {
        s += y[j] * y[j];
    }
    s
}
