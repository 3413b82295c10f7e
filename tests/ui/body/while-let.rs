// `while let` over differentiated values: the values a pattern binds are constants
// (`while let Some(k) = stack.pop()` over a buffer of integers works).
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let mut v = vec![0.0; 2];
    v[0] = x;
    v[1] = 2.0 * x;
    let mut s = 0.0;
    while let Some(t) = v.pop() {
        s += t * t;
    }
    s
}

fn main() {}
