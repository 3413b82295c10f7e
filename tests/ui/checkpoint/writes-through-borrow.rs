// A #[checkpoint] loop whose step writes its state through `&mut`: the state is handed to the
// step's in-place value twin by value (`buf = relax(buf)`), which the schedule can snapshot;
// here `relax` has no #[differentiable], so rustc cannot find the twin's pullback.
use ad_runtime::differentiable;

fn relax(buf: &mut Vec<f64>) {
    buf[0] = buf[1];
}

#[differentiable]
fn f(x: f64, n: usize) -> f64 {
    let mut buf = vec![x, 2.0 * x];
    #[checkpoint]
    for _ in 0..n {
        relax(&mut buf);
    }
    buf[0]
}

fn main() {}
