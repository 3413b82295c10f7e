// `#[cfg]` on a statement inside a differentiable function: the macro cannot evaluate it, and
// a statement compiled out of the primal would run in the derivatives (a silently wrong
// result before); `if cfg!(..)` says the same and is differentiated. Names starting with
// `__ad` are reserved.
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let mut s = x * x;
    #[cfg(any())]
    {
        s += x * 100.0;
    }
    s
}

#[differentiable]
fn g(x: f64) -> f64 {
    let __ad_array = x * 2.0;
    __ad_array
}

fn main() {}
