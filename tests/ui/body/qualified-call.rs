// A qualified call `<T as Trait>::f(..)`.
use ad_runtime::differentiable;

trait Sq {
    fn sq(self) -> f64;
}

impl Sq for f64 {
    fn sq(self) -> f64 {
        self * self
    }
}

#[differentiable]
fn f(x: f64) -> f64 {
    <f64 as Sq>::sq(x)
}

fn main() {}
