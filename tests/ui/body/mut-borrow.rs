// A `&mut` borrow in the body.
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
