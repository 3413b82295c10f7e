// A `mapv` closure that reads a differentiated array at an index the closure binds itself:
// its elements cannot be read before the map, and the error says what to write instead.
use ad_runtime::differentiable;
use ad_runtime::ndarray::Array1;

#[differentiable]
fn f(a: &Array1<f64>, y: f64) -> f64 {
    let w = a.mapv(|v| v * y);
    let b = a.mapv(|x| {
        let mut s = 0.0;
        for k in 0..3 {
            s += w[k] * x;
        }
        s
    });
    b.sum()
}

fn main() {}
