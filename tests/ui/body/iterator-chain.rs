// An iterator chain the macro does not rewrite (`rev` after an adaptor) on a differentiated
// slice (`rev` right after the source, `map`, `filter`, `enumerate`, `zip`, `skip`, `take`,
// `step_by`, `chain` into `sum`, `product`, `fold`, `count`, `collect` are supported).
use ad_runtime::differentiable;

#[differentiable]
fn f(xs: &[f64]) -> f64 {
    let s: f64 = xs.iter().map(|v| v * 2.0).rev().sum();
    s
}

fn main() {}
