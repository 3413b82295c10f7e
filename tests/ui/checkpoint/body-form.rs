use ad_runtime::differentiable;

#[differentiable]
fn step(s: f64, h: f64) -> f64 {
    s + h * s.cos()
}

#[differentiable]
fn two_statements(x: f64, n: usize) -> f64 {
    let mut s = x;
    #[checkpoint]
    for _ in 0..n {
        let t = s * 0.5;
        s = step(t, 0.1);
    }
    s
}

#[differentiable]
fn not_a_call(x: f64, n: usize) -> f64 {
    let mut s = x;
    #[checkpoint]
    for _ in 0..n {
        s = s + 0.1 * s.cos();
    }
    s
}

#[differentiable]
fn state_not_passed(x: f64, n: usize) -> f64 {
    let mut s = x;
    #[checkpoint]
    for _ in 0..n {
        s = step(x, 0.1);
    }
    s
}

#[differentiable]
fn counter_reads_a_local(x: f64, h: f64, n: usize) -> f64 {
    let mut s = x;
    #[checkpoint]
    for i in 0..n {
        s = step(s, i as f64 * h);
    }
    s
}

fn main() {}
