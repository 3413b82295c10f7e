use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, n: usize) -> f64 {
    let mut s = x;
    #[checkpoint]
    let y = s * 2.0;
    let mut k = 0;
    #[checkpoint]
    while k < n {
        s = s.sin() + y;
        k += 1;
    }
    s
}

fn main() {}
