//! Custom rules for opaque functions, numeric edge cases (kinks, variable exponents, `sqrt` near
//! zero, `atan2` in every quadrant, `exp` of huge negatives, division guards) and float methods
//! at unusual values.

use crate::harness::*;
use ad_runtime::differentiable;

/// A "black box" the macro never sees: erf by Abramowitz–Stegun 7.1.26 refined with a
/// series (plain Rust, no attribute, integer loop counters and `as` casts).
fn opaque_erf(x: f64) -> f64 {
    // Maclaurin series, fine for |x| < 3.
    let mut term = x;
    let mut sum = x;
    let mut n = 0i64;
    loop {
        n += 1;
        term *= -x * x / n as f64;
        let add = term / (2 * n + 1) as f64;
        sum += add;
        if add.abs() < 1e-17 * sum.abs() || n > 200 {
            break;
        }
    }
    sum * 2.0 / std::f64::consts::PI.sqrt()
}

#[differentiable(custom(jvp = my_erf_jvp, vjp = my_erf_vjp))]
fn my_erf(x: f64) -> f64 {
    opaque_erf(x)
}

fn my_erf_jvp(x: f64, dx: f64) -> (f64, f64) {
    (
        opaque_erf(x),
        dx * 2.0 / std::f64::consts::PI.sqrt() * (-x * x).exp(),
    )
}

fn my_erf_vjp(x: f64) -> (f64, impl FnOnce(f64) -> f64) {
    (opaque_erf(x), move |g| {
        g * 2.0 / std::f64::consts::PI.sqrt() * (-x * x).exp()
    })
}

#[differentiable(wrt(w, b))]
fn probit_nll(w: &[f64], b: f64, x: &[f64], y: &[f64]) -> f64 {
    let d = w.len();
    let n = y.len();
    let mut s = 0.0;
    for i in 0..n {
        let mut z = b;
        for j in 0..d {
            z += w[j] * x[i * d + j];
        }
        let p = 0.5 * (1.0 + my_erf(z / 2f64.sqrt()));
        s -= y[i] * p.ln() + (1.0 - y[i]) * (1.0 - p).ln();
    }
    s / n as f64
}

#[test]
fn k01_custom_rule_in_caller_grad_jvp() {
    let x = det_vals(12, 0.47);
    let y = [1.0, 0.0, 1.0, 1.0];
    let z = vec![0.4, -0.7, 0.9, 0.1];
    let (v, g) = my_erf_grad(0.3);
    assert!((v - 0.328626759459127).abs() < 1e-14, "{v}");
    assert!((g - 2.0 / std::f64::consts::PI.sqrt() * (-0.09f64).exp()).abs() < 1e-14);
    // second order needs `second_order`: check grad and jvp only (hvp by differences below).
    let gfn = |q: &[f64]| {
        let (v, (gw, gb)) = probit_nll_grad(&q[..3], q[3], &x, &y);
        let mut g = gw;
        g.push(gb);
        (v, g)
    };
    verify(
        "probit_nll",
        &z,
        &|q| probit_nll(&q[..3], q[3], &x, &y),
        &gfn,
        &|q, t| probit_nll_jvp(&q[..3], q[3], &x, &y, &t[..3], t[3]),
        None,
        Some(probit_nll_check(&z[..3], z[3], &x, &y)),
    );
}

#[differentiable(custom(jvp = erf2_jvp, vjp = erf2_vjp, second_order))]
fn erf2(x: f64) -> f64 {
    opaque_erf(x)
}

#[differentiable]
fn erf2_jvp(x: f64, dx: f64) -> (f64, f64) {
    (
        erf2(x),
        dx * 2.0 / std::f64::consts::PI.sqrt() * (-x * x).exp(),
    )
}

fn erf2_vjp(x: f64) -> (f64, impl FnOnce(f64) -> f64) {
    (opaque_erf(x), move |g| {
        g * 2.0 / std::f64::consts::PI.sqrt() * (-x * x).exp()
    })
}

#[differentiable]
fn erf2_caller(x: &[f64], s: f64) -> f64 {
    let mut acc = 0.0;
    for i in 0..x.len() {
        acc += erf2(x[i] * s).powi(2) + erf2(x[i]).sin();
    }
    acc
}

#[test]
fn k02_custom_rule_second_order() {
    let x = vec![0.3, -0.8, 1.1];
    let mut z = x.clone();
    z.push(0.9);
    verify(
        "erf2_caller",
        &z,
        &|q| erf2_caller(&q[..3], q[3]),
        &|q| {
            let (v, (gx, gs)) = erf2_caller_grad(&q[..3], q[3]);
            let mut g = gx;
            g.push(gs);
            (v, g)
        },
        &|q, t| erf2_caller_jvp(&q[..3], q[3], &t[..3], t[3]),
        Some(&|q, t| {
            let (v, (gx, gs), (hx, hs)) = erf2_caller_hvp(&q[..3], q[3], &t[..3], t[3]);
            let mut g = gx;
            g.push(gs);
            let mut h = hx;
            h.push(hs);
            (v, g, h)
        }),
        Some(erf2_caller_check(&x, 0.9)),
    );
    // erf'' = -2x erf'
    let (_, _, h) = erf2_hvp(0.4, 1.0);
    let want = -2.0 * 0.4 * 2.0 / std::f64::consts::PI.sqrt() * (-0.16f64).exp();
    assert!((h - want).abs() < 1e-12, "{h} vs {want}");
}

/// log|det A| of a 2×2 matrix given row-major: a black box with a slice input.
fn opaque_logdet2(a: &[f64]) -> f64 {
    (a[0] * a[3] - a[1] * a[2]).abs().ln()
}

#[differentiable(custom(jvp = logdet2_jvp, vjp = logdet2_vjp))]
fn logdet2(a: &[f64]) -> f64 {
    opaque_logdet2(a)
}

fn logdet2_jvp(a: &[f64], da: &[f64]) -> (f64, f64) {
    let det = a[0] * a[3] - a[1] * a[2];
    // tr(A^{-1} dA), A^{-1} = [d, -b; -c, a] / det
    let t = (a[3] * da[0] - a[1] * da[2] - a[2] * da[1] + a[0] * da[3]) / det;
    (opaque_logdet2(a), t)
}

fn logdet2_vjp(a: &[f64]) -> (f64, impl FnOnce(f64) -> Vec<f64>) {
    let det = a[0] * a[3] - a[1] * a[2];
    let a = a.to_vec();
    (opaque_logdet2(&a), move |g| {
        vec![
            g * a[3] / det,
            -g * a[2] / det,
            -g * a[1] / det,
            g * a[0] / det,
        ]
    })
}

#[differentiable]
fn gauss2_nll(params: &[f64], xs: &[f64]) -> f64 {
    // covariance L L^T with L = [[p0, 0], [p1, p2]]
    let c = vec![
        params[0] * params[0],
        params[0] * params[1],
        params[0] * params[1],
        params[1] * params[1] + params[2] * params[2],
    ];
    let det = c[0] * c[3] - c[1] * c[2];
    let mut q = 0.0;
    for i in 0..xs.len() / 2 {
        let (u, v) = (xs[2 * i], xs[2 * i + 1]);
        q += (c[3] * u * u - 2.0 * c[1] * u * v + c[0] * v * v) / det;
    }
    0.5 * q + 0.5 * (xs.len() / 2) as f64 * logdet2(&c)
}

#[test]
fn k03_custom_rule_slice_on_local_buffer() {
    let xs = det_vals(10, 0.83);
    let z = vec![1.2, 0.3, 0.8];
    verify(
        "gauss2_nll",
        &z,
        &|q| gauss2_nll(q, &xs),
        &|q| {
            let (v, (g, _)) = gauss2_nll_grad(q, &xs);
            (v, g)
        },
        &|q, t| gauss2_nll_jvp(q, &xs, t, &vec![0.0; xs.len()]),
        None,
        None,
    );
}

// ---- numeric edge cases -----------------------------------------------------------------

#[differentiable]
fn kinks_away(x: f64, y: f64, z: f64) -> f64 {
    let a = (x - 0.3).abs() + (y + 0.2).abs() * z;
    let b = x.max(y) * z.min(1.5) + (x * y).max(0.01);
    let c = (x * 3.0).clamp(-1.0, 1.0) + y.clamp(0.5, 2.0) * z.clamp(-0.5, 0.5);
    a + b + c + x.min(y).max(z - 2.0)
}

#[test]
fn e01_abs_max_min_clamp() {
    for x in [[0.7, -0.9, 1.2], [-0.25, 1.1, 0.3], [0.1, 0.8, 2.5]] {
        s3_case_fn(
            "kinks_away",
            x,
            &kinks_away,
            &kinks_away_grad,
            &kinks_away_jvp,
            &kinks_away_hvp,
            kinks_away_check(x[0], x[1], x[2]),
        );
    }
}

#[differentiable]
fn powf_var(x: f64, p: f64, q: f64) -> f64 {
    x.powf(p) + p.powf(q * x) + (x * x + 1.0).powf(-q) + x.powi(-3) * q.powi(2)
}

#[test]
fn e02_powf_variable_exponent() {
    for x in [[1.3, 0.7, 2.1], [0.4, 2.5, -0.6], [2.0, 1.5, 0.5]] {
        s3_case_fn(
            "powf_var",
            x,
            &powf_var,
            &powf_var_grad,
            &powf_var_jvp,
            &powf_var_hvp,
            powf_var_check(x[0], x[1], x[2]),
        );
    }
}

#[differentiable]
fn sqrt_near_zero(x: f64, y: f64) -> f64 {
    x.sqrt() + (x * y).sqrt() * 2.0 + (x * x + y * y).sqrt() + x.cbrt()
}

#[test]
fn e03_sqrt_near_zero() {
    for x in [[1e-3, 2e-3], [1e-5, 0.5]] {
        let step = x[0] * 1e-3;
        verify_h(
            "sqrt_near_zero",
            &x,
            step,
            &|p| sqrt_near_zero(p[0], p[1]),
            &|p| {
                let (v, (a, b)) = sqrt_near_zero_grad(p[0], p[1]);
                (v, vec![a, b])
            },
            &|p, t| sqrt_near_zero_jvp(p[0], p[1], t[0], t[1]),
            Some(&|p, t| {
                let (v, (a, b), (c, d)) = sqrt_near_zero_hvp(p[0], p[1], t[0], t[1]);
                (v, vec![a, b], vec![c, d])
            }),
            None,
        );
        // closed form d/dx
        let (_, (gx, _)) = sqrt_near_zero_grad(x[0], x[1]);
        let want = 0.5 / x[0].sqrt()
            + x[1] / (x[0] * x[1]).sqrt()
            + x[0] / (x[0] * x[0] + x[1] * x[1]).sqrt()
            + x[0].powf(-2.0 / 3.0) / 3.0;
        assert!((gx - want).abs() <= 1e-10 * want.abs(), "{gx} vs {want}");
    }
}

#[differentiable]
fn atan2_hypot(x: f64, y: f64, r: f64) -> f64 {
    let th = y.atan2(x);
    let rr = x.hypot(y);
    let th2 = f64::atan2(-y, -x + r);
    th * rr + th2.sin() + (rr - r).powi(2) + r.hypot(1.0)
}

#[test]
fn e04_atan2_hypot() {
    for x in [[0.7, -0.9, 1.2], [-0.5, 0.4, 0.3], [-1.2, -0.6, 2.0]] {
        s3_case_fn(
            "atan2_hypot",
            x,
            &atan2_hypot,
            &atan2_hypot_grad,
            &atan2_hypot_jvp,
            &atan2_hypot_hvp,
            atan2_hypot_check(x[0], x[1], x[2]),
        );
    }
}

#[differentiable]
fn exp_large_negative(a: f64, b: f64) -> f64 {
    // naive two-way softmax weight: e^a / (e^a + e^b) at a, b ≈ -700 (no subnormals).
    let ea = a.exp();
    let eb = b.exp();
    ea / (ea + eb) + (ea * 1e300) * 0.5
}

/// The weight alone, its gradient against the closed form.
#[differentiable]
fn exp_large_negative_naive(a: f64, b: f64) -> f64 {
    let ea = a.exp();
    let eb = b.exp();
    ea / (ea + eb)
}

#[test]
fn e05b_naive_softmax_weight() {
    let (a, b): (f64, f64) = (-700.0, -700.5);
    let r = 1.0 / (1.0 + (b - a).exp());
    let (v, (ga, gb)) = exp_large_negative_naive_grad(a, b);
    assert_eq!(v, exp_large_negative_naive(a, b));
    let want = r * (1.0 - r);
    assert!(
        (ga - want).abs() <= 1e-9 * want && (gb + want).abs() <= 1e-9 * want,
        "grad ({ga}, {gb}) vs ({want}, {})",
        -want
    );
}

#[test]
fn e05_exp_large_negative() {
    let x = [-700.0, -700.5];
    let (v, (ga, gb)) = exp_large_negative_grad(x[0], x[1]);
    let r = 1.0 / (1.0 + (x[1] - x[0]).exp());
    let extra = x[0].exp() * 1e300 * 0.5;
    let want_a = r * (1.0 - r) + extra;
    let want_b = -r * (1.0 - r);
    assert!((v - exp_large_negative(x[0], x[1])).abs() == 0.0);
    assert!(
        (ga - want_a).abs() <= 1e-9 * want_a.abs() && (gb - want_b).abs() <= 1e-9 * want_b.abs(),
        "grad ({ga}, {gb}) vs ({want_a}, {want_b})"
    );
    let (_, t) = exp_large_negative_jvp(x[0], x[1], 1.0, 0.5);
    let tw = want_a + 0.5 * want_b;
    assert!((t - tw).abs() <= 1e-9 * tw.abs(), "jvp {t} vs {tw}");
    let (_, _, (ha, hb)) = exp_large_negative_hvp(x[0], x[1], 1.0, 0.0);
    // d²/da² = r(1-r)(1-2r) + extra, d²/dadb = -r(1-r)(1-2r)
    let s = r * (1.0 - r) * (1.0 - 2.0 * r);
    assert!(
        (ha - (s + extra)).abs() <= 1e-8 * (s + extra).abs() && (hb + s).abs() <= 1e-8 * s.abs(),
        "hvp ({ha}, {hb}) vs ({}, {})",
        s + extra,
        -s
    );
}

#[differentiable]
fn guarded_div(x: &[f64], d: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let den = x[i] - d;
        let q = if den.abs() < 1e-12 { 0.0 } else { 1.0 / den };
        s += q * x[i];
    }
    let mean = s / x.len() as f64;
    if mean.abs() < 1e-12 {
        0.0
    } else {
        mean.ln_1p()
    }
}

#[test]
fn e06_division_guards() {
    let x = vec![0.3, 1.5, 2.2, -0.4];
    slice_extra_case!(
        "guarded_div",
        x.clone(),
        guarded_div,
        guarded_div_grad_x,
        guarded_div_jvp_x,
        guarded_div_hvp_x,
        guarded_div_check,
        0.9
    );
}
fn guarded_div_grad_x(x: &[f64], d: f64) -> (f64, Vec<f64>) {
    let (v, (g, _)) = guarded_div_grad(x, d);
    (v, g)
}
fn guarded_div_jvp_x(x: &[f64], d: f64, t: &[f64]) -> (f64, f64) {
    guarded_div_jvp(x, d, t, 0.0)
}
fn guarded_div_hvp_x(x: &[f64], d: f64, t: &[f64]) -> (f64, Vec<f64>, Vec<f64>) {
    let (v, (g, _), (h, _)) = guarded_div_hvp(x, d, t, 0.0);
    (v, g, h)
}

#[differentiable]
fn misc_methods(x: f64, y: f64, z: f64) -> f64 {
    let (s, c) = (x * y).sin_cos();
    let a = x.mul_add(y, z) * s + c;
    let b = x.ln_1p() + y.exp_m1() + z.copysign(x) + (x * 2.0).log(y + 2.0);
    let d = (x + y).recip() + z.to_degrees() * 0.01 + y.log10() + x.log2() + z.exp2();
    let e = (0.3 * x).asin() + (0.2 * y).acos() + (0.5 * z).atanh() + x.asinh() + (y + 1.5).acosh();
    let f = x.tan() + y.sinh() * z.cosh() + (x * 7.3).fract() + (y * 3.1).floor() * z;
    a + b + d + e + f
}

#[test]
fn e07_float_methods() {
    for x in [[0.7, 0.9, 1.2], [0.35, 1.4, -0.8]] {
        s3_case_fn(
            "misc_methods",
            x,
            &misc_methods,
            &misc_methods_grad,
            &misc_methods_jvp,
            &misc_methods_hvp,
            misc_methods_check(x[0], x[1], x[2]),
        );
    }
}

#[differentiable]
fn stable_logsumexp(x: &[f64]) -> f64 {
    let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let s: f64 = x.iter().map(|v| (v - m).exp()).sum();
    m + s.ln()
}

#[test]
fn e08_logsumexp_huge_negative() {
    let x = vec![-1000.0, -1001.5, -999.2, -1003.0];
    let (v, g) = stable_logsumexp_grad(&x);
    assert!(v.is_finite());
    let m = -999.2;
    let s: f64 = x.iter().map(|v| (v - m).exp()).sum();
    let soft: Vec<f64> = x.iter().map(|v| (v - m).exp() / s).collect();
    for i in 0..4 {
        assert!((g[i] - soft[i]).abs() < 1e-14, "{g:?} vs {soft:?}");
    }
    verify_h(
        "stable_logsumexp",
        &x,
        1e-7,
        &|p| stable_logsumexp(p),
        &|p| stable_logsumexp_grad(p),
        &|p, t| stable_logsumexp_jvp(p, t),
        Some(&|p, t| stable_logsumexp_hvp(p, t)),
        Some(stable_logsumexp_check(&x)),
    );
}

// ---- edge values, aliasing, iterator shapes ----------------------------------------------

#[differentiable]
fn prod_iter(x: &[f64]) -> f64 {
    let p: f64 = x.iter().product();
    let q = x.iter().fold(1.0, |a, v| a * v);
    let mut r = 1.0;
    for i in 0..x.len() {
        r *= x[i];
    }
    p + 2.0 * q + 3.0 * r
}
#[test]
fn t_prod_iter() {
    slice_case!(
        "prod_iter",
        vec![0.3, -1.2, 0.8, 1.7],
        prod_iter,
        prod_iter_grad,
        prod_iter_jvp,
        prod_iter_hvp,
        prod_iter_check
    );
    // with an exact zero: gradient is 6 * prod of the others at the zero, 0 elsewhere
    let x = [0.3, 0.0, 0.8, 1.7];
    let (_, g) = prod_iter_grad(&x);
    let want = [0.0, 6.0 * 0.3 * 0.8 * 1.7, 0.0, 0.0];
    for i in 0..4 {
        assert!(
            close(g[i], want[i], 1e-12),
            "prod grad with zero: {g:?} vs {want:?}"
        );
    }
    let (_, d) = prod_iter_jvp(&x, &[0.0, 1.0, 0.0, 0.0]);
    assert!(close(d, want[1], 1e-12), "prod jvp with zero {d}");
    let (_, _, hv) = prod_iter_hvp(&x, &[1.0, 0.0, 0.0, 0.0]);
    // H[:,0] = 6 * d/dx_j prod_{k != 0} at x: only j=1 nonzero (0.8*1.7*6)
    let wanth = [0.0, 6.0 * 0.8 * 1.7, 0.0, 0.0];
    for i in 0..4 {
        assert!(
            close(hv[i], wanth[i], 1e-12),
            "prod hvp with zero: {hv:?} vs {wanth:?}"
        );
    }
}

/// In-place self-aliasing element updates.
#[differentiable]
fn self_alias(x: &[f64]) -> f64 {
    let mut v = x.to_vec();
    let n = v.len();
    for i in 0..n {
        v[i] *= v[i];
        v[i] -= v[i] * 0.25;
        let j = (i * 2) % n;
        v[j] += v[i] * v[j];
        v.swap(i, j);
    }
    v.iter()
        .enumerate()
        .map(|(i, a)| a * (i as f64 + 1.0))
        .sum::<f64>()
}
#[test]
fn t_self_alias() {
    slice_case!(
        "self_alias",
        vec![0.3, -1.2, 0.8, 1.1, 0.4],
        self_alias,
        self_alias_grad,
        self_alias_jvp,
        self_alias_hvp,
        self_alias_check
    );
}

/// Float remainder, fract, atan2 in other quadrants, copysign, recip, to_degrees.
#[differentiable]
fn float_misc(x: f64, y: f64) -> f64 {
    (x % y) * 1.3
        + (x * 2.7).fract() * y
        + (-y).atan2(-x)
        + 2.0f64.copysign(x) * x
        + (x + y).recip()
        + y.to_degrees() * 0.01
}
#[test]
fn t_float_misc() {
    for x in [[2.3, 0.7], [-1.45, 0.6]] {
        s2_case!(
            "float_misc",
            x,
            float_misc,
            float_misc_grad,
            float_misc_jvp,
            float_misc_hvp,
            float_misc_check
        );
    }
}

/// powf at base 0 with a differentiated exponent: d/dx = 0, d/dy = 0 for y > 1.
#[differentiable]
fn powf_zero(x: f64, y: f64) -> f64 {
    x.powf(y) + y
}
#[test]
fn t_powf_zero() {
    let (v, (dx, dy)) = powf_zero_grad(0.0, 2.5);
    assert_eq!(v, 2.5);
    assert_eq!(v, powf_zero(0.0, 2.5));
    assert!(
        dx == 0.0 && dy == 1.0,
        "powf(0, 2.5) grad: ({dx}, {dy}), expected (0, 1)"
    );
    let (_, d) = powf_zero_jvp(0.0, 2.5, 1.0, 1.0);
    assert!(d == 1.0, "powf(0,2.5) jvp {d}");
}

/// Iterator shapes: take/skip/chain/zip of different lengths, rev on &v loop.
#[differentiable]
fn iter_shapes(x: &[f64], y: &[f64]) -> f64 {
    let a: f64 = x.iter().skip(1).take(3).map(|v| v * v).sum();
    let b: f64 = x.iter().zip(y.iter()).map(|(p, q)| p * q).sum();
    let mut c = 0.0;
    for v in x.iter().chain(y.iter()) {
        c = c * 0.7 + v;
    }
    let mut d = 0.0;
    for &v in y.iter().rev() {
        d = d * v + 1.0;
    }
    a + b * c + d
}
#[test]
fn t_iter_shapes() {
    let x = vec![0.3, -1.2, 0.8, 1.7, 0.4, -0.3, 0.9, 0.5];
    let k = 5;
    two_slices_case!(
        "iter_shapes",
        x,
        k,
        iter_shapes,
        iter_shapes_grad,
        iter_shapes_jvp,
        iter_shapes_hvp,
        iter_shapes_check
    );
    // zip of different lengths: only 3 pairs
    let (x, y) = ([0.3, -1.2, 0.8, 1.7, 0.4], [-0.3, 0.9, 0.5]);
    let b: f64 = 0.3 * -0.3 + -1.2 * 0.9 + 0.8 * 0.5;
    let a: f64 = 1.44 + 0.64 + 2.89;
    let mut c: f64 = 0.0;
    for v in x.iter().chain(y.iter()) {
        c = c * 0.7 + v;
    }
    let d = (1.0 * 0.9 + 1.0) * -0.3 + 1.0;
    assert!(close(iter_shapes(&x, &y), a + b * c + d, 1e-13));
}

/// match with @ bindings and early return inside a match arm inside a loop.
#[differentiable]
fn match_at(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let k = (x[i] * 2.0 + 4.0) as i32;
        match k {
            small @ 0..=2 => s += x[i] * small as f64,
            3 | 4 => s *= 1.0 + x[i] * x[i],
            big @ 5..=7 => {
                if s > 10.0 {
                    return s + big as f64 * x[i];
                }
                s += x[i].exp();
            }
            _ => s -= x[i],
        }
    }
    s
}
#[test]
fn t_match_at() {
    slice_case!(
        "match_at a",
        vec![-1.3, 0.3, 1.2, -0.4, 2.3],
        match_at,
        match_at_grad,
        match_at_jvp,
        match_at_hvp,
        match_at_check
    );
    slice_case!(
        "match_at b",
        vec![1.3, 1.1, 1.2, 1.4, 1.05, 0.7],
        match_at,
        match_at_grad,
        match_at_jvp,
        match_at_hvp,
        match_at_check
    );
}

/// Tuple state carried through a loop with destructuring assignment and sin_cos.
#[differentiable]
fn rotation_walk(x: f64, y: f64, th: f64) -> f64 {
    let (mut a, mut b) = (x, y);
    for k in 0..6 {
        let (s, c) = (th * (k as f64 + 1.0)).sin_cos();
        (a, b) = (c * a - s * b, s * a + c * b);
        a *= 0.95;
    }
    a * a + 3.0 * b
}
#[test]
fn t_rotation_walk() {
    s3_case!(
        "rotation_walk",
        [0.7, -0.4, 0.3],
        rotation_walk,
        rotation_walk_grad,
        rotation_walk_jvp,
        rotation_walk_hvp,
        rotation_walk_check
    );
}

/// f64 -> f32 -> f64 round trip inside an f64 function.
#[differentiable]
fn cast_roundtrip(x: f64) -> f64 {
    let y = (x * 3.0) as f32;
    let z = y.sin() as f64;
    z * x + (x as f32 as f64).exp()
}
#[test]
fn t_cast_roundtrip() {
    let x = 0.7f64;
    let (v, d) = cast_roundtrip_grad(x);
    assert_eq!(v, cast_roundtrip(x));
    let want = 3.0 * (3.0 * x).cos() * x + (3.0 * x).sin() + x.exp();
    assert!(close(d, want, 1e-6), "cast_roundtrip' {d} vs {want}");
    let (_, dj) = cast_roundtrip_jvp(x, 1.0);
    assert!(close(dj, d, 1e-6), "jvp {dj} grad {d}");
}
