use ad_runtime::differentiable;

#[differentiable]
fn step(s: f64, h: f64) -> f64 {
    s + h * s.cos()
}

#[differentiable]
fn over_a_slice(x: f64, hs: &[f64]) -> f64 {
    let mut s = x;
    #[checkpoint]
    for h in hs.iter() {
        s = step(s, *h);
    }
    s
}

#[differentiable]
fn unknown_argument(x: f64, n: usize) -> f64 {
    let mut s = x;
    #[checkpoint(every = 3)]
    for _ in 0..n {
        s = step(s, 0.1);
    }
    s
}

fn main() {}
