// A method with no derivative rule called on a differentiated value (it exists through a
// user trait, so the only error is the macro's).
use ad_runtime::differentiable;

trait Foo {
    fn foo(self) -> f64;
}

impl Foo for f64 {
    fn foo(self) -> f64 {
        self * 2.0
    }
}

#[differentiable]
fn f(x: f64) -> f64 {
    x.foo() + 1.0
}

fn main() {}
