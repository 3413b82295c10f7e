// A `&mut` borrow in the body, lent to a function without #[differentiable]: the call is to
// its in-place value twin (`front::inplace`), which only the attribute makes, so rustc cannot
// find the twin's pullback; the error is on the call.
use ad_runtime::differentiable;

fn bump(y: &mut f64) {
    *y += 1.0;
}

#[differentiable]
fn f(x: f64) -> f64 {
    let mut y = x;
    bump(&mut y);
    y
}

fn main() {}
