//! Programs modelled on the Enzyme, Clad and Tapenade test suites: loops over flat matrices,
//! nested control flow, recursion, early exits, aliasing and reversal.

use crate::harness::*;
use ad_runtime::differentiable;

/// E1: C = A·B on flat row-major buffers, Frobenius norm of C.
#[differentiable]
fn matmul_frob(a: &[f64], b: &[f64], n: usize) -> f64 {
    let mut c = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            let mut s = 0.0;
            for k in 0..n {
                s += a[i * n + k] * b[k * n + j];
            }
            c[i * n + j] = s;
        }
    }
    let mut f = 0.0;
    for i in 0..n * n {
        f += c[i] * c[i];
    }
    f.sqrt()
}
#[test]
fn t_matmul_frob() {
    let x: Vec<f64> = (0..18)
        .map(|i| ((i * 5 + 2) % 7) as f64 * 0.3 - 0.8)
        .collect();
    let n = 3;
    verify(
        "matmul_frob",
        &x,
        &|p| matmul_frob(&p[..9], &p[9..], n),
        &|p| {
            let (v, (mut a, b)) = matmul_frob_grad(&p[..9], &p[9..], n);
            a.extend(b);
            (v, a)
        },
        &|p, t| matmul_frob_jvp(&p[..9], &p[9..], n, &t[..9], &t[9..]),
        Some(&|p, t| {
            let (v, (mut a, b), (mut c, d)) =
                matmul_frob_hvp(&p[..9], &p[9..], n, &t[..9], &t[9..]);
            a.extend(b);
            c.extend(d);
            (v, a, c)
        }),
        Some(matmul_frob_check(&x[..9], &x[9..], n)),
    );
}

/// E2: reversed recurrence.
#[differentiable]
fn rev_recur(x: &[f64]) -> f64 {
    let n = x.len();
    let mut acc = 1.0;
    for i in (0..n).rev() {
        acc = (acc * x[i]).sin() + 0.5 * x[i];
    }
    acc
}
#[test]
fn t_rev_recur() {
    slice_case!(
        "rev_recur",
        vec![0.3, -1.2, 0.8, 1.7, 0.4],
        rev_recur,
        rev_recur_grad,
        rev_recur_jvp,
        rev_recur_hvp,
        rev_recur_check
    );
}

/// E3: strided loops, reversed + step_by.
#[differentiable]
fn strided(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in (0..n - 1).step_by(2) {
        s += x[i] * x[i + 1];
    }
    for i in (0..n).rev().step_by(3) {
        s += x[i].powi(3) / 3.0;
    }
    for i in (1..=n - 1).step_by(3) {
        s -= (x[i] * x[i - 1]).cos();
    }
    s
}
#[test]
fn t_strided() {
    slice_case!(
        "strided",
        vec![0.3, -1.2, 0.8, 1.7, 0.4, -0.6, 0.9, 1.1],
        strided,
        strided_grad,
        strided_jvp,
        strided_hvp,
        strided_check
    );
}

/// E4: while with compound condition and two counters.
#[differentiable]
fn while_complex(x: &[f64]) -> f64 {
    let mut i = 0;
    let mut s = 0.0;
    let mut count = 0;
    while i < x.len() && (s < 6.0 || count < 2) {
        s += x[i].exp();
        if x[i] > 0.0 {
            count += 1;
        }
        i += 1;
    }
    s * x[0] + count as f64
}
#[test]
fn t_while_complex() {
    slice_case!(
        "while_complex a",
        vec![0.3, -1.2, 0.8, 1.7, 0.4, -0.6],
        while_complex,
        while_complex_grad,
        while_complex_jvp,
        while_complex_hvp,
        while_complex_check
    );
    slice_case!(
        "while_complex b",
        vec![-0.3, -1.2, -0.8, 0.2, -0.4, -0.6, 0.1],
        while_complex,
        while_complex_grad,
        while_complex_jvp,
        while_complex_hvp,
        while_complex_check
    );
}

/// E5: labelled break/continue out of nested loops.
#[differentiable]
fn labelled(x: &[f64], n: usize) -> f64 {
    let mut acc = 0.0;
    let mut found = 0.0;
    'outer: for i in 0..n {
        for j in 0..n {
            let v = x[i * n + j];
            if v > 0.9 {
                found = v * x[0];
                break 'outer;
            }
            if v < -0.5 {
                continue 'outer;
            }
            acc += v * x[j];
        }
        acc *= 0.9;
    }
    acc + found
}
#[test]
fn t_labelled() {
    for (name, x) in [
        (
            "labelled a",
            vec![0.2, 0.4, -0.3, 0.1, -0.7, 0.5, 0.3, 1.2, 0.6],
        ),
        (
            "labelled b",
            vec![0.2, 0.4, -0.3, 0.1, 0.7, 0.5, 0.3, 0.2, 0.6],
        ),
    ] {
        verify(
            name,
            &x,
            &|p| labelled(p, 3),
            &|p| labelled_grad(p, 3),
            &|p, t| labelled_jvp(p, 3, t),
            Some(&|p, t| labelled_hvp(p, 3, t)),
            Some(labelled_check(&x, 3)),
        );
    }
}

/// E6: early return inside nested loops.
#[differentiable]
fn early_nested(x: &[f64], n: usize) -> f64 {
    let mut p = 1.0;
    for i in 0..n {
        for j in i..n {
            p *= 1.0 + x[i] * x[j];
            if p > 50.0 {
                return p.ln() + x[j];
            }
        }
    }
    p
}
#[test]
fn t_early_nested() {
    for (name, x) in [
        ("early_nested exit", vec![1.5, 1.2, 0.9, 1.1]),
        ("early_nested full", vec![0.3, -0.2, 0.5, 0.1]),
    ] {
        verify(
            name,
            &x,
            &|p| early_nested(p, 4),
            &|p| early_nested_grad(p, 4),
            &|p, t| early_nested_jvp(p, 4, t),
            Some(&|p, t| early_nested_hvp(p, 4, t)),
            Some(early_nested_check(&x, 4)),
        );
    }
}

/// E7: match on an integer computed from a float.
#[differentiable]
fn match_bucket(x: f64, y: f64) -> f64 {
    let k = (x * 4.0) as usize;
    let r = match k {
        0 => x * y,
        1 | 2 => (x * y).sin() + x,
        3 => {
            let t = x - 0.75;
            t * t * y
        }
        _ => y.exp() / x,
    };
    r + x * 0.1
}
#[test]
fn t_match_bucket() {
    for x in [[0.1, 0.7], [0.4, 1.3], [0.6, -0.4], [0.8, 0.5], [1.5, 0.3]] {
        s2_case!(
            "match_bucket",
            x,
            match_bucket,
            match_bucket_grad,
            match_bucket_jvp,
            match_bucket_hvp,
            match_bucket_check
        );
    }
}

/// E8: match on a signed integer with guard and ranges.
#[differentiable]
fn match_signed(x: f64, y: f64) -> f64 {
    let k = (x * 2.0).floor() as i64;
    match k {
        i64::MIN..=-2 => x * x * y,
        -1 | 0 => (x + y).tanh(),
        k if k > 4 => y / x,
        _ => x.sqrt() * y.cos(),
    }
}
#[test]
fn t_match_signed() {
    for x in [
        [-1.7, 0.4],
        [-0.3, 0.8],
        [0.2, 1.1],
        [1.3, -0.5],
        [3.1, 0.7],
    ] {
        s2_case!(
            "match_signed",
            x,
            match_signed,
            match_signed_grad,
            match_signed_jvp,
            match_signed_hvp,
            match_signed_check
        );
    }
}

/// E9: recursion over a slice with an index.
#[differentiable]
fn sum_rec(x: &[f64], i: usize) -> f64 {
    if i >= x.len() {
        return 0.0;
    }
    x[i] * x[i].cos() + 0.5 * sum_rec(x, i + 1)
}
#[test]
fn t_sum_rec() {
    let x = vec![0.3, -1.2, 0.8, 1.7, 0.4];
    verify(
        "sum_rec",
        &x,
        &|p| sum_rec(p, 0),
        &|p| sum_rec_grad(p, 0),
        &|p, t| sum_rec_jvp(p, 0, t),
        Some(&|p, t| sum_rec_hvp(p, 0, t)),
        Some(sum_rec_check(&x, 0)),
    );
}

/// E10: divide and conquer recursion.
#[differentiable]
fn dc(x: &[f64], lo: usize, hi: usize) -> f64 {
    if hi - lo == 1 {
        return x[lo].sin() * x[lo];
    }
    let mid = (lo + hi) / 2;
    let a = dc(x, lo, mid);
    let b = dc(x, mid, hi);
    a + b + 0.1 * a * b
}
#[test]
fn t_dc() {
    let x = vec![0.3, -1.2, 0.8, 1.7, 0.4, 1.1, -0.5];
    let n = x.len();
    verify(
        "dc",
        &x,
        &|p| dc(p, 0, n),
        &|p| dc_grad(p, 0, n),
        &|p, t| dc_jvp(p, 0, n, t),
        Some(&|p, t| dc_hvp(p, 0, n, t)),
        Some(dc_check(&x, 0, n)),
    );
}

/// E11: tuple result.
#[differentiable]
fn polar(r: f64, t: f64) -> (f64, f64) {
    let (s, c) = t.sin_cos();
    (r * c, r * s)
}
#[test]
fn t_polar() {
    let x = [1.3, 0.7];
    verify_vector(
        "polar",
        &x,
        &|p| {
            let (a, b) = polar(p[0], p[1]);
            vec![a, b]
        },
        &|p, t| {
            let ((a, b), (c, d)) = polar_jvp(p[0], p[1], t[0], t[1]);
            (vec![a, b], vec![c, d])
        },
        &|p| {
            let ((a, b), j) = polar_jacobian(p[0], p[1]);
            (vec![a, b], j)
        },
        Some(&|p, w| {
            let ((a, b), (c, d)) = polar_vjp(p[0], p[1], (w[0], w[1]));
            (vec![a, b], vec![c, d])
        }),
    );
}

/// E12: Vec result built by push.
#[differentiable]
fn prefix_rms(x: &[f64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(x.len());
    let mut run = 0.0;
    for i in 0..x.len() {
        run = run * 0.5 + x[i] * x[i];
        out.push(run.sqrt());
    }
    out
}
#[test]
fn t_prefix_rms() {
    let x = [0.3, -1.2, 0.8, 1.7];
    verify_vector(
        "prefix_rms",
        &x,
        &|p| prefix_rms(p),
        &|p, t| prefix_rms_jvp(p, t),
        &|p| prefix_rms_jacobian(p),
        Some(&|p, w| prefix_rms_vjp(p, w.to_vec())),
    );
}

/// E13: arg-max tracking (index carried across iterations).
#[differentiable]
fn argmax_weighted(x: &[f64]) -> f64 {
    let mut best = x[0];
    let mut bi = 0;
    for i in 1..x.len() {
        if x[i] > best {
            best = x[i];
            bi = i;
        }
    }
    best * (bi as f64 + 1.0) + x[bi] * x[0]
}
#[test]
fn t_argmax_weighted() {
    slice_case!(
        "argmax_weighted",
        vec![0.3, -1.2, 1.8, 1.7, 0.4],
        argmax_weighted,
        argmax_weighted_grad,
        argmax_weighted_jvp,
        argmax_weighted_hvp,
        argmax_weighted_check
    );
}

/// E14: while let over an integer work stack.
#[differentiable]
fn stack_walk(x: &[f64]) -> f64 {
    let mut stack = vec![0usize, 2, 1];
    let mut s = 0.0;
    while let Some(k) = stack.pop() {
        s += x[k] * x[k].cos() + s * 0.1;
        if k == 2 {
            stack.push(3);
        }
    }
    s
}
#[test]
fn t_stack_walk() {
    slice_case!(
        "stack_walk",
        vec![0.3, -1.2, 0.8, 1.7],
        stack_walk,
        stack_walk_grad,
        stack_walk_jvp,
        stack_walk_hvp,
        stack_walk_check
    );
}

/// E15: loop with break and counter (Tapenade-style "do while").
#[differentiable]
fn loop_until(a: f64, b: f64) -> f64 {
    let mut y = a;
    let mut n = 0;
    loop {
        y = y * b + a.sin();
        n += 1;
        if n >= 7 || y > 40.0 {
            break;
        }
    }
    y + n as f64
}
#[test]
fn t_loop_until() {
    s2_case!(
        "loop_until a",
        [0.4, 1.3],
        loop_until,
        loop_until_grad,
        loop_until_jvp,
        loop_until_hvp,
        loop_until_check
    );
    s2_case!(
        "loop_until b",
        [1.4, 2.9],
        loop_until,
        loop_until_grad,
        loop_until_jvp,
        loop_until_hvp,
        loop_until_check
    );
}

// ---- shadowing, recursion and branches between helpers in loops ----
#[differentiable]
fn shadow_in_loop(x: &[f64], y: f64) -> f64 {
    let x = x;
    let mut s = y;
    let mut acc = 0.0;
    for i in 0..x.len() {
        let s0 = s;
        let s = s0 * x[i] + 0.1;
        acc += s * s;
        let y = y * 0.5;
        acc += y * x[i];
    }
    s = s * acc;
    s + y
}
#[test]
fn t_shadow_in_loop() {
    slice_scalar_case!(
        "shadow_in_loop",
        vec![0.3, -1.2, 0.8, 1.7, 0.6],
        shadow_in_loop,
        shadow_in_loop_grad,
        shadow_in_loop_jvp,
        shadow_in_loop_hvp,
        shadow_in_loop_check
    );
}

#[differentiable]
fn rec_in_loop(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += sum_rec(x, i) * x[i];
    }
    s
}
#[test]
fn t_rec_in_loop() {
    slice_case!(
        "rec_in_loop",
        vec![0.3, -1.2, 0.8, 1.7],
        rec_in_loop,
        rec_in_loop_grad,
        rec_in_loop_jvp,
        rec_in_loop_hvp,
        rec_in_loop_check
    );
}

#[differentiable]
fn rev_recur32(x: &[f32]) -> f32 {
    let mut acc = 1.0f32;
    for i in (0..x.len()).rev() {
        acc = (acc * x[i]).sin() + 0.5 * x[i];
    }
    acc
}
#[test]
fn t_rev_recur32() {
    let x = [0.3f32, -1.2, 0.8, 1.7, 0.4];
    let x64: Vec<f64> = x.iter().map(|&v| v as f64).collect();
    let (v, g) = rev_recur32_grad(&x);
    let (v64, g64) = rev_recur_grad(&x64);
    assert_eq!(v, rev_recur32(&x));
    assert!(close32(v, v64, 1e-5));
    for i in 0..5 {
        assert!(close32(g[i], g64[i], 1e-4), "{i}");
    }
    let (_, d) = rev_recur32_jvp(&x, &[1.0, 0.0, 0.0, 0.0, 0.0]);
    assert!(close32(d, g64[0], 1e-4));
}

// ---- windows, running averages, last-match searches, power iteration ----

/// windows(2).enumerate() and windows(3).rev() in for loops.
#[differentiable]
fn windows_more(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for (i, w) in x.windows(2).enumerate() {
        s += (i as f64 + 1.0) * (w[1] - w[0]).powi(2);
    }
    let mut t = 0.0;
    for w in x.windows(3).rev() {
        t = t * 0.5 + w[0] * w[1] * w[2];
    }
    s + t
}
#[test]
fn t_windows_more() {
    slice_case!(
        "windows_more",
        vec![0.3, -1.2, 0.8, 1.7, 0.4],
        windows_more,
        windows_more_grad,
        windows_more_jvp,
        windows_more_hvp,
        windows_more_check
    );
}

/// EWMA with mul_add, rev fold Horner with captured x.
#[differentiable]
fn ewma_horner(x: &[f64], a: f64) -> f64 {
    let mut m = x[0];
    for i in 1..x.len() {
        m = a.mul_add(x[i] - m, m);
    }
    let h = x.iter().rev().fold(0.0, |acc, c| acc * a + c);
    m * h
}
#[test]
fn t_ewma_horner() {
    slice_scalar_case!(
        "ewma_horner",
        vec![0.3, -1.2, 0.8, 1.7, 0.35],
        ewma_horner,
        ewma_horner_grad,
        ewma_horner_jvp,
        ewma_horner_hvp,
        ewma_horner_check
    );
    let x = [0.3, -1.2, 0.8, 1.7];
    let a = 0.35f64;
    let h = ((1.7 * a + 0.8) * a - 1.2) * a + 0.3;
    let mut m: f64 = 0.3;
    for i in 1..4 {
        m = m + a * (x[i] - m);
    }
    assert!(close(ewma_horner(&x, a), m * h, 1e-14));
}

/// Variable assigned only in some iterations (default carried), read after the loop.
#[differentiable]
fn last_positive(x: &[f64]) -> f64 {
    let mut last = 0.0;
    let mut prev = 1.0;
    for i in 0..x.len() {
        if x[i] > 0.0 {
            prev = last;
            last = x[i] * x[i];
        }
    }
    last * 2.0 + prev * x[0]
}
#[test]
fn t_last_positive() {
    slice_case!(
        "last_positive",
        vec![0.3, -1.2, 0.8, -1.7, 0.4, -0.2],
        last_positive,
        last_positive_grad,
        last_positive_jvp,
        last_positive_hvp,
        last_positive_check
    );
}

/// Same local buffer passed twice to a helper; helper result used in a loop condition.
#[differentiable]
fn dotn(a: &[f64], b: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..a.len() {
        s += a[i] * b[i];
    }
    s
}
#[differentiable]
fn power_norm(x: &[f64]) -> f64 {
    let mut v = x.to_vec();
    let mut it = 0;
    while dotn(&v, &v) < 100.0 && it < 20 {
        let mut w = vec![0.0; v.len()];
        for i in 0..v.len() {
            w[i] = 1.5 * v[i] + 0.2 * v[(i + 1) % v.len()];
        }
        v = w;
        it += 1;
    }
    dotn(&v, x)
}
#[test]
fn t_power_norm() {
    slice_case!(
        "power_norm",
        vec![0.3, -1.2, 0.8, 1.7],
        power_norm,
        power_norm_grad,
        power_norm_jvp,
        power_norm_hvp,
        power_norm_check
    );
}
