// A `where` clause is not supported.
use ad_runtime::differentiable;

#[differentiable]
fn f<'a>(x: &'a [f64]) -> f64
where
    'a: 'a,
{
    x[0]
}

fn main() {}
