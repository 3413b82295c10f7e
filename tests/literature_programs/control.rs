//! Control flow in the style of Clad's and Enzyme's test suites: `while` with `break`, nested
//! loops, `if` chains, early `return` (also from inside nested loops), `continue`, `match`,
//! `loop` with a value, labelled `break`, recursion (simple, by squaring, mutual,
//! divide-and-conquer), helpers calling helpers, many locals, overwritten variables and
//! shadowing.

use crate::harness::*;
use ad_runtime::differentiable;

/// while loop with an accumulator and a data-dependent break.
#[differentiable]
fn while_break(x: f64, y: f64) -> f64 {
    let mut s = 0.0;
    let mut t = x;
    let mut i = 0;
    while i < 100 {
        s += t * y;
        t *= 0.9;
        if s > 5.0 {
            break;
        }
        i += 1;
    }
    s
}

#[test]
fn t_while_break() {
    // s reaches 5 after a few steps; keep away from the switch.
    s2_case!(
        "while_break",
        [1.3, 0.77],
        while_break,
        while_break_grad,
        while_break_jvp,
        while_break_hvp,
        while_break_check
    );
}

/// Nested loops over pairs.
#[differentiable]
fn nested_pairs(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 0..n {
        for j in (i + 1)..n {
            s += x[i] * x[j] * (x[i] - x[j]).sin();
        }
    }
    s
}

#[test]
fn t_nested_pairs() {
    slice_case!(
        "nested_pairs",
        vec![0.3, -0.7, 1.4, 0.9],
        nested_pairs,
        nested_pairs_grad,
        nested_pairs_jvp,
        nested_pairs_hvp,
        nested_pairs_check
    );
}

/// if / else if / else on values.
#[differentiable]
fn piecewise(x: f64, y: f64) -> f64 {
    let r = if x > y {
        x * x - y
    } else if x > 0.0 {
        (x * y).exp()
    } else {
        -x * y.cos()
    };
    r * 2.0 + if y > 1.0 { y.ln() } else { y * y }
}

#[test]
fn t_piecewise() {
    for x in [[1.5, 0.8], [0.4, 1.3], [-0.6, 0.7]] {
        s2_case!(
            "piecewise",
            x,
            piecewise,
            piecewise_grad,
            piecewise_jvp,
            piecewise_hvp,
            piecewise_check
        );
    }
}

/// Early return.
#[differentiable]
fn early_return(x: f64, y: f64) -> f64 {
    if x < 0.0 {
        return x * y;
    }
    let z = x.sqrt() * y;
    if z > 10.0 {
        return z.ln();
    }
    z * z + x
}

#[test]
fn t_early_return() {
    for x in [[-0.5, 1.2], [2.0, 1.3], [9.0, 4.0]] {
        s2_case!(
            "early_return",
            x,
            early_return,
            early_return_grad,
            early_return_jvp,
            early_return_hvp,
            early_return_check
        );
    }
}

/// Recursion: pow by repeated multiplication.
#[differentiable]
fn pow_rec(x: f64, n: u32) -> f64 {
    if n == 0 { 1.0 } else { x * pow_rec(x, n - 1) }
}

#[test]
fn t_pow_rec() {
    scalar_n_case(
        "pow_rec",
        1.3,
        &|x| pow_rec(x, 7),
        &|x| pow_rec_grad(x, 7),
        &|x, t| pow_rec_jvp(x, 7, t),
        &|x, t| pow_rec_hvp(x, 7, t),
        pow_rec_check(1.3, 7),
    );
    let (_, d) = pow_rec_grad(1.3, 7);
    assert!((d - 7.0 * 1.3f64.powi(6)).abs() < 1e-12);
}

/// Recursion: exponentiation by squaring.
#[differentiable]
fn pow_fast(x: f64, n: u32) -> f64 {
    if n == 0 {
        return 1.0;
    }
    let h = pow_fast(x, n / 2);
    if n % 2 == 0 { h * h } else { h * h * x }
}

#[test]
fn t_pow_fast() {
    scalar_n_case(
        "pow_fast",
        1.3,
        &|x| pow_fast(x, 11),
        &|x| pow_fast_grad(x, 11),
        &|x, t| pow_fast_jvp(x, 11, t),
        &|x, t| pow_fast_hvp(x, 11, t),
        pow_fast_check(1.3, 11),
    );
}

/// Mutual recursion.
#[differentiable]
fn ping(x: f64, n: u32) -> f64 {
    if n == 0 { x } else { pong(x, n - 1).sin() + x }
}

#[differentiable]
fn pong(x: f64, n: u32) -> f64 {
    if n == 0 { x * x } else { ping(x, n - 1) * x }
}

#[test]
fn t_ping_pong() {
    scalar_n_case(
        "ping",
        0.8,
        &|x| ping(x, 5),
        &|x| ping_grad(x, 5),
        &|x, t| ping_jvp(x, 5, t),
        &|x, t| ping_hvp(x, 5, t),
        ping_check(0.8, 5),
    );
}

/// Helpers calling helpers.
#[differentiable]
fn sq(x: f64) -> f64 {
    x * x
}

#[differentiable]
fn norm2(x: f64, y: f64) -> f64 {
    (sq(x) + sq(y)).sqrt()
}

#[differentiable]
fn helper_chain(x: f64, y: f64, z: f64) -> f64 {
    let r = norm2(x, y);
    let s = norm2(r, z);
    sq(s) * r.sin() + norm2(z, 1.0)
}

#[test]
fn t_helper_chain() {
    s3_case!(
        "helper_chain",
        [0.7, -1.1, 0.4],
        helper_chain,
        helper_chain_grad,
        helper_chain_jvp,
        helper_chain_hvp,
        helper_chain_check
    );
}

/// Many local variables (Clad's "many locals" style).
#[differentiable]
fn many_locals(x: f64, y: f64, z: f64) -> f64 {
    let a = x * y;
    let b = a + z;
    let c = b.sin();
    let d = c * x;
    let e = d / (1.0 + y * y);
    let f = e.exp();
    let g = f - a;
    let h = g * g;
    let i = (h + 1.0).sqrt();
    let j = i * z - b;
    let k = j.tanh();
    let l = k + a * c;
    let m = l * l * l;
    let n = m - d * e;
    let o = n / (2.0 + c);
    let p = o + f * g;
    p
}

#[test]
fn t_many_locals() {
    s3_case!(
        "many_locals",
        [0.7, -1.1, 0.4],
        many_locals,
        many_locals_grad,
        many_locals_jvp,
        many_locals_hvp,
        many_locals_check
    );
}

/// Overwriting the same variable (Clad's variable-reuse tests).
#[differentiable]
fn overwrite(x: f64, y: f64) -> f64 {
    let mut t = x;
    t = t * t;
    t = t.sin() * t;
    t += y;
    t *= t;
    t -= x * y;
    t /= 1.0 + y * y;
    t
}

#[test]
fn t_overwrite() {
    s2_case!(
        "overwrite",
        [0.7, -1.1],
        overwrite,
        overwrite_grad,
        overwrite_jvp,
        overwrite_hvp,
        overwrite_check
    );
}

/// continue in a loop.
#[differentiable]
fn skip_negative(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        if x[i] < 0.0 {
            continue;
        }
        s += x[i].sqrt() * x[i];
    }
    s
}

#[test]
fn t_skip_negative() {
    slice_case!(
        "skip_negative",
        vec![0.3, -0.5, 0.8, 1.2, -2.0],
        skip_negative,
        skip_negative_grad,
        skip_negative_jvp,
        skip_negative_hvp,
        skip_negative_check
    );
}

/// match on an integer.
#[differentiable]
fn match_idx(x: &[f64]) -> f64 {
    let mut s = 1.0;
    for i in 0..x.len() {
        match i % 3 {
            0 => s += x[i],
            1 => s *= x[i],
            _ => s = s.sin() + x[i] * x[i],
        }
    }
    s
}

#[test]
fn t_match_idx() {
    slice_case!(
        "match_idx",
        vec![0.3, -0.5, 0.8, 1.2, -2.0, 0.6, 1.1],
        match_idx,
        match_idx_grad,
        match_idx_jvp,
        match_idx_hvp,
        match_idx_check
    );
}

/// loop with break carrying a value.
#[allow(unused_assignments)]
#[differentiable]
fn loop_break_value(x: f64, y: f64) -> f64 {
    let mut t = x;
    let mut k = 0;
    let mut r = 0.0;
    loop {
        t = t * 0.5 + y;
        k += 1;
        if k == 10 {
            r = t * t;
            break;
        }
    }
    r
}

#[test]
fn t_loop_break_value() {
    s2_case!(
        "loop_break_value",
        [0.7, 1.3],
        loop_break_value,
        loop_break_value_grad,
        loop_break_value_jvp,
        loop_break_value_hvp,
        loop_break_value_check
    );
}

/// Fibonacci-like recurrence with tuple destructuring assignment.
#[differentiable]
fn fib_like(x: f64, y: f64) -> f64 {
    let (mut a, mut b) = (x, y);
    for _ in 0..8 {
        let t = b;
        b = 0.5 * a + 0.3 * b * b.sin();
        a = t;
    }
    a * b
}

#[test]
fn t_fib_like() {
    s2_case!(
        "fib_like",
        [0.7, 0.4],
        fib_like,
        fib_like_grad,
        fib_like_jvp,
        fib_like_hvp,
        fib_like_check
    );
}

/// mut parameter.
#[differentiable]
fn mut_param(mut x: f64, y: f64) -> f64 {
    for _ in 0..5 {
        x = x * y.cos() + 0.1;
    }
    x *= y;
    x
}

#[test]
fn t_mut_param() {
    s2_case!(
        "mut_param",
        [0.7, 0.4],
        mut_param,
        mut_param_grad,
        mut_param_jvp,
        mut_param_hvp,
        mut_param_check
    );
}

/// Early return from inside nested loops.
#[differentiable]
fn return_in_loop(x: &[f64], thresh: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        for j in 0..x.len() {
            s += x[i] * x[j] * 0.1;
            if s > thresh {
                return s * thresh;
            }
        }
    }
    s
}

#[test]
fn t_return_in_loop() {
    for x in [[0.9, 1.1, 0.7, 2.0], [0.9, 1.1, 0.7, 30.0]] {
        slice_scalar(
            "return_in_loop",
            &x,
            &|c, t| return_in_loop(c, t),
            &|c, t| return_in_loop_grad(c, t),
            &|c, t, dc, dt| return_in_loop_jvp(c, t, dc, dt),
            &|c, t, dc, dt| return_in_loop_hvp(c, t, dc, dt),
            Some(return_in_loop_check(&x[..3], x[3])),
        );
    }
}

/// Cumulative product with continue and while.
#[differentiable]
fn while_cumprod(x: &[f64]) -> f64 {
    let mut i = 0;
    let mut p = 1.0;
    let mut s = 0.0;
    while i < x.len() {
        i += 1;
        if i % 2 == 0 {
            continue;
        }
        p *= x[i - 1];
        s += p;
    }
    s
}

#[test]
fn t_while_cumprod() {
    slice_case!(
        "while_cumprod",
        vec![0.3, -0.5, 0.8, 1.2, 1.7, -1.1, 0.6],
        while_cumprod,
        while_cumprod_grad,
        while_cumprod_jvp,
        while_cumprod_hvp,
        while_cumprod_check
    );
}

/// collect into a Vec, enumerate patterns, step_by and labelled break.
#[differentiable]
fn collect_enumerate(x: &[f64]) -> f64 {
    let sq: Vec<f64> = x.iter().map(|v| v * v + 1.0).collect();
    let mut s = 0.0;
    for (i, &v) in sq.iter().enumerate() {
        s += (i as f64 + 1.0) * v.ln();
    }
    for i in (0..x.len()).step_by(2) {
        s += x[i] * 0.5;
    }
    'outer: for i in 0..x.len() {
        for j in 0..x.len() {
            if i + j > 3 {
                break 'outer;
            }
            s += x[i] * x[j] * 0.01;
        }
    }
    s
}

#[test]
fn t_collect_enumerate() {
    slice_case!(
        "collect_enumerate",
        vec![0.3, -0.5, 0.8, 1.2, 1.7],
        collect_enumerate,
        collect_enumerate_grad,
        collect_enumerate_jvp,
        collect_enumerate_hvp,
        collect_enumerate_check
    );
}

/// Divide-and-conquer (recursive) pairwise sum of squares via split_at.
#[differentiable]
fn pairwise(x: &[f64]) -> f64 {
    if x.len() == 1 {
        return x[0] * x[0];
    }
    let k = x.len() / 2;
    let (l, r) = x.split_at(k);
    pairwise(l) + pairwise(r) * 1.5
}

#[test]
fn t_pairwise() {
    slice_case!(
        "pairwise",
        vec![0.3, -0.5, 0.8, 1.2, 1.7],
        pairwise,
        pairwise_grad,
        pairwise_jvp,
        pairwise_hvp,
        pairwise_check
    );
}

/// Kahan compensated summation.
#[differentiable]
fn kahan(x: &[f64]) -> f64 {
    let mut s = 0.0;
    let mut c = 0.0;
    for i in 0..x.len() {
        let y = x[i] * x[i] - c;
        let t = s + y;
        c = (t - s) - y;
        s = t;
    }
    s
}

#[test]
fn t_kahan() {
    slice_case!(
        "kahan",
        vec![0.3, -0.5, 0.8, 1.2, 1.7],
        kahan,
        kahan_grad,
        kahan_jvp,
        kahan_hvp,
        kahan_check
    );
}

/// Huber loss with match guards on a float.
#[differentiable]
fn huber(r: &[f64], delta: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..r.len() {
        let a = r[i].abs();
        s += match a {
            a if a <= delta => 0.5 * a * a,
            _ => delta * (a - 0.5 * delta),
        };
    }
    s
}

#[test]
fn t_huber() {
    let x = [0.3, -0.5, 1.8, -2.2, 0.9];
    slice_scalar(
        "huber",
        &x,
        &|c, t| huber(c, t),
        &|c, t| huber_grad(c, t),
        &|c, t, dc, dt| huber_jvp(c, t, dc, dt),
        &|c, t, dc, dt| huber_hvp(c, t, dc, dt),
        Some(huber_check(&x[..4], x[4])),
    );
}

/// Shadowing of a parameter.
#[differentiable]
fn shadowing(x: f64, y: f64) -> f64 {
    let x = x * 2.0;
    let y = x + y;
    let x = x.sin() * y;
    {
        let y = x * x;
        let _ = y;
    }
    x * y
}

#[test]
fn t_shadowing() {
    s2_case!(
        "shadowing",
        [0.7, 0.4],
        shadowing,
        shadowing_grad,
        shadowing_jvp,
        shadowing_hvp,
        shadowing_check
    );
}
