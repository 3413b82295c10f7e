// A closure passed as an argument is not differentiated: capturing a differentiated value
// (`w`) is an error on the closure (an ordering's comparator, `sort_by`, may read them: its
// result is discrete).
use ad_runtime::differentiable;

fn apply(v: &[f64], f: impl Fn(f64) -> f64) -> f64 {
    f(v[0])
}

#[differentiable]
fn f(x: &[f64], w: f64) -> f64 {
    apply(x, |v| v * w)
}

fn main() {}
