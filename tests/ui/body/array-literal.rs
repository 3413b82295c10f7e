// A three-level array expression of differentiated values (flat ones, `[x, y * 2.0]`, and
// two-level ones, `[[x, y], [y, x]]`, work).
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, y: f64) -> f64 {
    let a = [[[x, y]], [[y, x]]];
    a[0][0][0] * a[1][0][1]
}

fn main() {}
