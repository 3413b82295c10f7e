// The `?` operator in the body.
use ad_runtime::differentiable;

fn parse(s: &str) -> Option<f64> {
    s.parse().ok()
}

#[differentiable]
fn f(x: f64) -> Option<f64> {
    let c = parse("2.0")?;
    Some(x * c)
}

fn main() {}
