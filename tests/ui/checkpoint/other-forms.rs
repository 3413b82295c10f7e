use ad_runtime::differentiable;

#[differentiable]
fn step(s: f64, h: f64) -> f64 {
    s + h * s.cos()
}

#[differentiable]
fn pair(s: f64, t: f64) -> f64 {
    s * t
}

#[differentiable]
fn labelled(x: f64, n: usize) -> f64 {
    let mut s = x;
    #[checkpoint]
    'outer: for _ in 0..n {
        s = step(s, 0.1);
    }
    s
}

#[differentiable]
fn open_range(x: f64, n: usize) -> f64 {
    let mut s = x;
    #[checkpoint]
    for _ in n.. {
        s = step(s, 0.1);
    }
    s
}

#[differentiable]
fn tuple_pattern(x: f64, n: usize) -> f64 {
    let mut s = x;
    #[checkpoint]
    for ref i in 0..n {
        s = step(s, 0.1);
    }
    s
}

#[differentiable]
fn state_twice(x: f64, n: usize) -> f64 {
    let mut s = x;
    #[checkpoint]
    for _ in 0..n {
        s = pair(s, s);
    }
    s
}

#[differentiable]
fn state_in_expression(x: f64, n: usize) -> f64 {
    let mut s = x;
    #[checkpoint]
    for _ in 0..n {
        s = step(s, s * 0.1);
    }
    s
}

#[differentiable]
fn not_a_local(x: f64, n: usize) -> f64 {
    #[checkpoint]
    for _ in 0..n {
        t = step(x, 0.1);
    }
    x
}

fn main() {}
