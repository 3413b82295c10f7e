//! Odd but valid Rust and trickier data flow: shadowing, a `static` table, tuple helpers,
//! `let else`, `while` inside `for`, in-place reversal, gathers through aliases, block values,
//! early returns of a `Vec` from a loop.

use crate::harness::*;
use ad_runtime::differentiable;
use std::f64::consts::PI;

#[differentiable]
fn shadow_scopes(x: f64, y: f64) -> f64 {
    let x = x * 2.0;
    let mut acc = 0.0;
    {
        let x = x.sin();
        acc += x * y;
        {
            let y = x + y;
            acc += y * y;
        }
        acc += x;
    }
    let y = y.exp();
    acc + x * y
}
#[test]
fn t_shadow_scopes() {
    s2_case!(
        "shadow_scopes",
        [0.4, -0.7],
        shadow_scopes,
        shadow_scopes_grad,
        shadow_scopes_jvp,
        shadow_scopes_hvp,
        shadow_scopes_check
    );
    let (x, y) = (0.4f64, -0.7f64);
    let want =
        (2.0 * x).sin() * y + ((2.0 * x).sin() + y).powi(2) + (2.0 * x).sin() + 2.0 * x * y.exp();
    assert!(close(shadow_scopes(x, y), want, 1e-14));
}

#[differentiable]
fn rev_enum(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for (i, &v) in x.iter().rev().enumerate() {
        s += (i as f64 + 1.0) * v * v.sin();
    }
    s
}
#[test]
fn t_rev_enum() {
    let x = vec![0.3, -1.2, 0.8, 1.7];
    let want: f64 = (0..4)
        .map(|i| (i as f64 + 1.0) * x[3 - i] * x[3 - i].sin())
        .sum();
    assert!(close(rev_enum(&x), want, 1e-14));
    slice_case!(
        "rev_enum",
        x,
        rev_enum,
        rev_enum_grad,
        rev_enum_jvp,
        rev_enum_hvp,
        rev_enum_check
    );
}

#[differentiable]
fn windows3(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for w in x.windows(3) {
        s += w[0] * w[2] - w[1] * w[1];
    }
    let t: f64 = x.windows(2).map(|w| (w[1] - w[0]).powi(2)).sum();
    s + t
}
#[test]
fn t_windows3() {
    slice_case!(
        "windows3",
        vec![0.3, -1.2, 0.8, 1.7, 0.4],
        windows3,
        windows3_grad,
        windows3_jvp,
        windows3_hvp,
        windows3_check
    );
}

#[differentiable]
fn consts_fn(x: f64) -> f64 {
    (x + f64::EPSILON).ln()
        + (PI * x).sin()
        + x.max(f64::MIN_POSITIVE).sqrt()
        + std::f64::consts::E * x
        + core::f64::consts::FRAC_1_SQRT_2 * x * x
        + std::f64::consts::LN_2 / x
}
#[test]
fn t_consts_fn() {
    for x in [0.3, 1.7] {
        scalar_case(
            "consts_fn",
            x,
            &|a| consts_fn(a),
            &|a| consts_fn_grad(a),
            &|a, t| consts_fn_jvp(a, t),
            Some(&|a, t| consts_fn_hvp(a, t)),
            Some(consts_fn_check(x)),
        );
    }
}

#[differentiable]
fn polar2(r: f64, t: f64) -> (f64, f64) {
    (r * t.cos(), r * t.sin())
}
#[differentiable]
fn tuple_helpers(r: f64, t: f64) -> f64 {
    let (a, b) = polar2(r, t);
    let (c, _) = polar2(b, a);
    let (_, (d, e)) = (1, polar2(c, 0.3));
    a * c + b + d * e
}
#[test]
fn t_tuple_helpers() {
    s2_case!(
        "tuple_helpers",
        [1.2, 0.6],
        tuple_helpers,
        tuple_helpers_grad,
        tuple_helpers_jvp,
        tuple_helpers_hvp,
        tuple_helpers_check
    );
}

static TABLE: [f64; 5] = [0.5, -1.5, 2.0, 0.25, 1.0];
#[differentiable]
fn static_table(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += TABLE[i % 5] * x[i].tanh() + TABLE[(i * 3) % 5] * x[i] * x[i];
    }
    s
}
#[test]
fn t_static_table() {
    slice_case!(
        "static_table",
        vec![0.3, -1.2, 0.8, 1.7, 0.4, -0.6, 0.9],
        static_table,
        static_table_grad,
        static_table_jvp,
        static_table_hvp,
        static_table_check
    );
}

#[differentiable]
fn closures_loop(a: f64, b: f64, n: usize) -> f64 {
    let f = |t: f64| (a * t).sin() * b + t * t;
    let g = |u: f64, v: f64| u * v - a;
    let mut s = 0.0;
    for i in 0..n {
        let t = i as f64 * 0.1;
        s += g(f(t), t + b);
    }
    s
}
#[test]
fn t_closures_loop() {
    let x = [0.8, 1.3];
    verify(
        "closures_loop",
        &x,
        &|p| closures_loop(p[0], p[1], 9),
        &|p| {
            let (v, (a, b)) = closures_loop_grad(p[0], p[1], 9);
            (v, vec![a, b])
        },
        &|p, t| closures_loop_jvp(p[0], p[1], 9, t[0], t[1]),
        Some(&|p, t| {
            let (v, (a, b), (c, d)) = closures_loop_hvp(p[0], p[1], 9, t[0], t[1]);
            (v, vec![a, b], vec![c, d])
        }),
        Some(closures_loop_check(x[0], x[1], 9)),
    );
}

#[differentiable]
fn geo(x: f64, y: f64, z: f64) -> f64 {
    x.hypot(y).atan2(z) + x.mul_add(y, z).powf(1.5) + (x / y).atan() + (y * z).cbrt()
}
#[test]
fn t_geo() {
    s3_case!(
        "geo",
        [0.7, 1.3, 0.9],
        geo,
        geo_grad,
        geo_jvp,
        geo_hvp,
        geo_check
    );
}

#[differentiable]
fn filter_enum(x: &[f64]) -> f64 {
    let a: f64 = x
        .iter()
        .copied()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, v)| v * v)
        .sum();
    let b: f64 = x.iter().skip(1).step_by(2).map(|v| v.exp()).sum();
    let c = x.iter().filter(|v| **v > 0.0).count() as f64;
    a * b + c
}
#[test]
fn t_filter_enum() {
    slice_case!(
        "filter_enum",
        vec![0.3, -1.2, 0.8, 1.7, 0.4],
        filter_enum,
        filter_enum_grad,
        filter_enum_jvp,
        filter_enum_hvp,
        filter_enum_check
    );
}

#[differentiable]
fn normalize(x: &[f64]) -> Vec<f64> {
    let n = x.iter().map(|v| v * v).sum::<f64>().sqrt();
    x.iter().map(|v| v / n).collect()
}
#[test]
fn t_normalize() {
    let x = [0.3, -1.2, 0.8];
    verify_vector(
        "normalize",
        &x,
        &|p| normalize(p),
        &|p, t| normalize_jvp(p, t),
        &|p| normalize_jacobian(p),
        Some(&|p, w| normalize_vjp(p, w.to_vec())),
    );
}

#[differentiable]
fn mean_var(x: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0);
    (mean, var)
}
#[test]
fn t_mean_var() {
    let x = [0.3, -1.2, 0.8, 1.7];
    verify_vector(
        "mean_var",
        &x,
        &|p| {
            let (a, b) = mean_var(p);
            vec![a, b]
        },
        &|p, t| {
            let ((a, b), (c, d)) = mean_var_jvp(p, t);
            (vec![a, b], vec![c, d])
        },
        &|p| {
            let ((a, b), j) = mean_var_jacobian(p);
            (vec![a, b], j)
        },
        Some(&|p, w| {
            let ((a, b), g) = mean_var_vjp(p, (w[0], w[1]));
            (vec![a, b], g)
        }),
    );
}

/// Local fixed-size array as a scratch buffer, copied by value into a helper.
#[differentiable]
fn sum3(v: [f64; 3]) -> f64 {
    v[0] * v[1] + v[2].sin()
}
#[differentiable]
fn array_scratch(x: &[f64]) -> f64 {
    let mut acc = 0.0;
    for i in 0..x.len() - 2 {
        let buf = [x[i], x[i + 1] * 2.0, x[i + 2]];
        acc += sum3(buf);
    }
    acc
}
#[test]
fn t_array_scratch() {
    slice_case!(
        "array_scratch",
        vec![0.3, -1.2, 0.8, 1.7, 0.4],
        array_scratch,
        array_scratch_grad,
        array_scratch_jvp,
        array_scratch_hvp,
        array_scratch_check
    );
}

/// Helper with &[f64] called on sub-slices of a local buffer in a loop.
#[differentiable]
fn dot3(a: &[f64], b: &[f64]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}
#[differentiable]
fn subslice_helper(x: &[f64]) -> f64 {
    let mut y = vec![0.0; x.len()];
    for i in 0..x.len() {
        y[i] = x[i].sin() + 0.5 * x[i];
    }
    let mut s = 0.0;
    for i in 0..x.len() - 2 {
        s += dot3(&y[i..i + 3], &x[i..]);
    }
    s
}
#[test]
fn t_subslice_helper() {
    slice_case!(
        "subslice_helper",
        vec![0.3, -1.2, 0.8, 1.7, 0.4],
        subslice_helper,
        subslice_helper_grad,
        subslice_helper_jvp,
        subslice_helper_hvp,
        subslice_helper_check
    );
}

/// Nested closures capturing each other's results and a shadowed variable.
#[differentiable]
fn let_else_opt(x: f64, w: Option<f64>) -> f64 {
    let Some(c) = w else {
        return x * x;
    };
    x.sin() * c + x
}
#[test]
fn t_let_else_opt() {
    for w in [Some(1.7), None] {
        scalar_case(
            "let_else_opt",
            0.6,
            &|a| let_else_opt(a, w),
            &|a| let_else_opt_grad(a, w),
            &|a, t| let_else_opt_jvp(a, w, t),
            Some(&|a, t| let_else_opt_hvp(a, w, t)),
            Some(let_else_opt_check(0.6, w)),
        );
    }
}

/// Variance via Welford's online update (counter-based division).
#[differentiable]
fn welford(x: &[f64]) -> f64 {
    let mut mean = 0.0;
    let mut m2 = 0.0;
    let mut n = 0.0;
    for &v in x {
        n += 1.0;
        let d = v - mean;
        mean += d / n;
        m2 += d * (v - mean);
    }
    m2 / (n - 1.0)
}
#[test]
fn t_welford() {
    slice_case!(
        "welford",
        vec![0.3, -1.2, 0.8, 1.7, 0.4],
        welford,
        welford_grad,
        welford_jvp,
        welford_hvp,
        welford_check
    );
}

/// Insertion sort on a local copy (element swaps through a temporary), then weighted sum.
#[differentiable]
fn insertion_sorted(x: &[f64]) -> f64 {
    let mut a = x.to_vec();
    for i in 1..a.len() {
        let mut j = i;
        while j > 0 && a[j - 1] > a[j] {
            a.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut s = 0.0;
    for i in 0..a.len() {
        s += (i as f64 + 1.0) * a[i] * a[i];
    }
    s
}
#[test]
fn t_insertion_sorted() {
    slice_case!(
        "insertion_sorted",
        vec![0.3, -1.2, 0.8, 1.7, 0.4],
        insertion_sorted,
        insertion_sorted_grad,
        insertion_sorted_jvp,
        insertion_sorted_hvp,
        insertion_sorted_check
    );
}

// ---- trickier data flow ------------------------------------------------------------------

/// In-place reversed update reading the element being overwritten and its neighbour.
#[differentiable]
fn inplace_rev(x: &[f64]) -> f64 {
    let mut a = x.to_vec();
    let n = a.len();
    for i in (1..n).rev() {
        a[i] -= a[i - 1] * a[i];
    }
    for i in 0..n - 1 {
        a[i + 1] = a[i + 1] * a[i] + a[i].sin();
    }
    a[n - 1] + a[0] * a[1]
}
#[test]
fn t_inplace_rev() {
    slice_case!(
        "inplace_rev",
        vec![0.3, -1.2, 0.8, 1.7, 0.4],
        inplace_rev,
        inplace_rev_grad,
        inplace_rev_jvp,
        inplace_rev_hvp,
        inplace_rev_check
    );
}

/// Data-dependent index computed from a float (gather), aliasing write.
#[differentiable]
fn gather_alias(x: &[f64]) -> f64 {
    let n = x.len();
    let mut a = x.to_vec();
    for i in 0..n {
        let k = ((x[i].abs() * 3.0) as usize) % n;
        a[k] = a[k] * a[i] + 0.5 * x[i];
    }
    a.iter().map(|v| v * v).sum::<f64>()
}
#[test]
fn t_gather_alias() {
    slice_case!(
        "gather_alias",
        vec![0.3, -1.2, 0.8, 1.7, 0.45],
        gather_alias,
        gather_alias_grad,
        gather_alias_jvp,
        gather_alias_hvp,
        gather_alias_check
    );
}

/// Block expressions as values, if-expressions with statements in both branches.
#[differentiable]
fn block_values(x: f64, y: f64) -> f64 {
    let a = {
        let t = x * 2.0;
        t.sin() + t
    };
    let b = if a > 1.0 {
        let u = a * y;
        u.exp() - 1.0
    } else {
        let u = a - y;
        let v = u * u;
        v.sqrt() + 0.1
    };
    let c = match (a > 0.0, b > 2.0) {
        (true, true) => a * b,
        (true, false) => a + b,
        _ => b,
    };
    c + a * b
}
#[test]
fn t_block_values() {
    for x in [[0.4, 0.3], [0.1, 0.9], [0.6, 2.5], [-0.3, 0.5]] {
        s2_case!(
            "block_values",
            x,
            block_values,
            block_values_grad,
            block_values_jvp,
            block_values_hvp,
            block_values_check
        );
    }
}

/// Recursion returning a tuple: (x^n, d/dx x^n) by binary powering.
#[differentiable]
fn pow_pair(x: f64, n: u32) -> (f64, f64) {
    if n == 0 {
        return (1.0, 0.0);
    }
    let (h, dh) = pow_pair(x, n / 2);
    if n % 2 == 0 {
        (h * h, 2.0 * h * dh)
    } else {
        (x * h * h, h * h + 2.0 * x * h * dh)
    }
}
#[differentiable]
fn use_pow_pair(x: f64) -> f64 {
    let (p, d) = pow_pair(x, 7);
    p + d
}
#[test]
fn t_pow_pair() {
    scalar_case(
        "use_pow_pair",
        1.3,
        &|a| use_pow_pair(a),
        &|a| use_pow_pair_grad(a),
        &|a, t| use_pow_pair_jvp(a, t),
        Some(&|a, t| use_pow_pair_hvp(a, t)),
        Some(use_pow_pair_check(1.3)),
    );
    let x: f64 = 1.3;
    let (_, d) = use_pow_pair_grad(x);
    assert!(close(d, 7.0 * x.powi(6) + 42.0 * x.powi(5), 1e-12));
    let x = [1.3];
    verify_vector(
        "pow_pair",
        &x,
        &|p| {
            let (a, b) = pow_pair(p[0], 5);
            vec![a, b]
        },
        &|p, t| {
            let ((a, b), (c, d)) = pow_pair_jvp(p[0], 5, t[0]);
            (vec![a, b], vec![c, d])
        },
        &|p| {
            let ((a, b), j) = pow_pair_jacobian(p[0], 5);
            (vec![a, b], j)
        },
        Some(&|p, w| {
            let ((a, b), g) = pow_pair_vjp(p[0], 5, (w[0], w[1]));
            (vec![a, b], vec![g])
        }),
    );
}

/// 2×2 matrix exponential by scaling and squaring, [f64; 4] helper called in a loop.
#[differentiable]
fn mat2_mul(a: [f64; 4], b: [f64; 4]) -> [f64; 4] {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
    ]
}
#[differentiable]
fn expm2_trace(p: f64, q: f64) -> f64 {
    let s = 8;
    let scale = 1.0 / 256.0;
    let a = [p * scale, q * scale, -q * scale, 0.5 * p * scale];
    // Taylor to 6th order
    let mut term: [f64; 4] = [1.0, 0.0, 0.0, 1.0];
    let mut e: [f64; 4] = [1.0, 0.0, 0.0, 1.0];
    for k in 1..7 {
        term = mat2_mul(term, a);
        let inv = 1.0 / k as f64;
        for j in 0..4 {
            term[j] *= inv;
            e[j] += term[j];
        }
    }
    for _ in 0..s {
        e = mat2_mul(e, e);
    }
    e[0] + e[3] + 0.1 * e[1]
}
#[test]
fn t_expm2_trace() {
    s2_case!(
        "expm2_trace",
        [0.7, 0.4],
        expm2_trace,
        expm2_trace_grad,
        expm2_trace_jvp,
        expm2_trace_hvp,
        expm2_trace_check
    );
}

/// Early return of a Vec from inside a loop.
#[differentiable]
fn early_vec(x: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; x.len()];
    let mut acc = 0.0;
    for i in 0..x.len() {
        acc += x[i] * x[i];
        out[i] = acc.sqrt() * x[i];
        if acc > 3.0 {
            return out;
        }
    }
    out[0] += acc;
    out
}
#[test]
fn t_early_vec() {
    for x in [[0.3, -1.2, 0.8, 1.7], [0.3, -0.2, 0.8, 0.7]] {
        verify_vector(
            "early_vec",
            &x,
            &|p| early_vec(p),
            &|p, t| early_vec_jvp(p, t),
            &|p| early_vec_jacobian(p),
            Some(&|p, w| early_vec_vjp(p, w.to_vec())),
        );
    }
}

/// Nested closures: one calling another, capturing a loop-invariant differentiated value.
#[differentiable]
fn nested_closures(x: &[f64], a: f64) -> f64 {
    let sq = |v: f64| v * v;
    let bump = |v: f64| sq(v - a) * a + v;
    let mut s = 0.0;
    for i in 0..x.len() {
        s += bump(x[i]) * sq(x[i]);
    }
    s
}
#[test]
fn t_nested_closures() {
    slice_scalar_case!(
        "nested_closures",
        vec![0.3, -1.2, 0.8, 1.7, 0.6],
        nested_closures,
        nested_closures_grad,
        nested_closures_jvp,
        nested_closures_hvp,
        nested_closures_check
    );
}

/// Labelled continue from a while inside a for; counters and float conditions.
#[differentiable]
fn while_in_for(x: &[f64]) -> f64 {
    let mut s = 0.0;
    'rows: for i in 0..x.len() {
        let mut v = x[i];
        let mut k = 0;
        while k < 5 {
            v = v * 0.8 + 0.1 * s;
            k += 1;
            if v.abs() < 0.05 {
                continue 'rows;
            }
            if k == 3 && v < 0.0 {
                break;
            }
        }
        s += v * v + x[i];
    }
    s
}
#[test]
fn t_while_in_for() {
    slice_case!(
        "while_in_for",
        vec![0.3, -1.2, 0.8, 0.002, 1.7, -0.4],
        while_in_for,
        while_in_for_grad,
        while_in_for_jvp,
        while_in_for_hvp,
        while_in_for_check
    );
}

/// powf with both operands differentiated, powi negative, clamp/min/max away from ties.
#[differentiable]
fn powers_mix(x: f64, y: f64) -> f64 {
    x.powf(y)
        + y.powi(-3)
        + f64::max(x, 0.2 * y) * x.clamp(-1.0, 5.0)
        + f64::hypot(x, y).min(10.0)
        + (x * y).powf(0.5)
}
#[test]
fn t_powers_mix() {
    s2_case!(
        "powers_mix",
        [1.4, 0.7],
        powers_mix,
        powers_mix_grad,
        powers_mix_jvp,
        powers_mix_hvp,
        powers_mix_check
    );
}

/// Vec parameter by value, modified in place and returned.
#[differentiable]
fn scale_vec(mut v: Vec<f64>, a: f64) -> Vec<f64> {
    for i in 0..v.len() {
        v[i] = (v[i] * a).tanh() + v[i];
    }
    let last = v[v.len() - 1];
    v[0] *= last;
    v
}
#[test]
fn t_scale_vec() {
    let x = [0.3, -1.2, 0.8, 0.9];
    verify_vector(
        "scale_vec",
        &x,
        &|p| scale_vec(p[..3].to_vec(), p[3]),
        &|p, t| scale_vec_jvp(p[..3].to_vec(), p[3], t[..3].to_vec(), t[3]),
        &|p| scale_vec_jacobian(p[..3].to_vec(), p[3]),
        Some(&|p, w| {
            let (v, (mut a, b)) = scale_vec_vjp(p[..3].to_vec(), p[3], w.to_vec());
            a.push(b);
            (v, a)
        }),
    );
}

/// wrt subset: only `w` differentiated; `b` float constant.
#[differentiable(wrt(w))]
fn wrt_subset(w: &[f64], b: f64, x: &[f64]) -> f64 {
    let mut s = b;
    for i in 0..w.len() {
        s += w[i] * x[i] + (w[i] * b).sin();
    }
    s * s
}
#[test]
fn t_wrt_subset() {
    let xd = [0.5, -0.2, 0.9];
    let w = vec![0.3, -1.2, 0.8];
    verify(
        "wrt_subset",
        &w,
        &|p| wrt_subset(p, 0.7, &xd),
        &|p| wrt_subset_grad(p, 0.7, &xd),
        &|p, t| wrt_subset_jvp(p, 0.7, &xd, t),
        Some(&|p, t| wrt_subset_hvp(p, 0.7, &xd, t)),
        Some(wrt_subset_check(&w, 0.7, &xd)),
    );
}
