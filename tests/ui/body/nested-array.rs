// A nested array repeat expression (a 2-D local array) used other than as `m[i][j]` (here a
// row as a value): only element reads and writes are flattened into one buffer.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let mut m = [[0.0; 2]; 2];
    m[0][0] = x;
    let r = m[0];
    r[0] * x
}

fn main() {}
