// A `macro_rules!` macro that declares a variable named like one its caller passes in: Rust
// keeps the two apart by hygiene, the attribute compares names as text, so it is an error
// (it would read the macro's `x` where the caller's is meant).
use ad_runtime::differentiable;

macro_rules! scaled {
    ($name:ident, $x:ident, $e:expr) => {
        #[differentiable]
        fn $name($x: f64) -> f64 {
            let x = 2.0;
            x * $e
        }
    };
}

scaled!(h, x, x);

fn main() {}
