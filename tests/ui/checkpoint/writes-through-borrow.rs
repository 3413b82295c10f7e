use ad_runtime::differentiable;

fn relax(buf: &mut Vec<f64>) {
    buf[0] = buf[1];
}

#[differentiable]
fn f(x: f64, n: usize) -> f64 {
    let mut buf = vec![x, 2.0 * x];
    #[checkpoint]
    for _ in 0..n {
        relax(&mut buf);
    }
    buf[0]
}

fn main() {}
