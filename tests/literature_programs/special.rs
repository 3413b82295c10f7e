//! Stan-math-style special functions: `log1p_exp`, `inv_logit`, `lgamma` by Lanczos (a global
//! `const` table), log densities, series and continued fractions, Kepler's equation by Newton.

use crate::harness::*;
use ad_runtime::differentiable;
use std::f64::consts::PI;

#[differentiable]
fn log1p_exp(a: f64) -> f64 {
    if a > 0.0 {
        a + (-a).exp().ln_1p()
    } else {
        a.exp().ln_1p()
    }
}
#[test]
fn t_log1p_exp() {
    for x in [-3.0, 0.5, 20.0] {
        scalar_case(
            "log1p_exp",
            x,
            &|a| log1p_exp(a),
            &|a| log1p_exp_grad(a),
            &|a, t| log1p_exp_jvp(a, t),
            Some(&|a, t| log1p_exp_hvp(a, t)),
            Some(log1p_exp_check(x)),
        );
        let (_, d) = log1p_exp_grad(x);
        assert!(
            close(d, 1.0 / (1.0 + (-x).exp()), 1e-13),
            "log1p_exp' at {x}: {d}"
        );
    }
}

#[differentiable]
fn log_sum_exp2(a: f64, b: f64) -> f64 {
    let m = a.max(b);
    m + ((a - m).exp() + (b - m).exp()).ln()
}
#[test]
fn t_log_sum_exp2() {
    for x in [[0.3, -1.2], [-2.0, 1.5], [700.0, 699.0]] {
        s2_case!(
            "log_sum_exp2",
            x,
            log_sum_exp2,
            log_sum_exp2_grad,
            log_sum_exp2_jvp,
            log_sum_exp2_hvp,
            log_sum_exp2_check
        );
    }
}

const LOG_EPSILON: f64 = -36.04365338911715;
#[differentiable]
fn inv_logit(x: f64) -> f64 {
    if x < 0.0 {
        let e = x.exp();
        if x < LOG_EPSILON { e } else { e / (1.0 + e) }
    } else {
        1.0 / (1.0 + (-x).exp())
    }
}
#[test]
fn t_inv_logit() {
    for x in [-2.0, 3.0, -40.0] {
        scalar_case(
            "inv_logit",
            x,
            &|a| inv_logit(a),
            &|a| inv_logit_grad(a),
            &|a, t| inv_logit_jvp(a, t),
            Some(&|a, t| inv_logit_hvp(a, t)),
            Some(inv_logit_check(x)),
        );
    }
}

#[differentiable]
fn log_inv_logit(x: f64) -> f64 {
    if x < 0.0 {
        x - x.exp().ln_1p()
    } else {
        -(-x).exp().ln_1p()
    }
}
#[test]
fn t_log_inv_logit() {
    for x in [-2.5, 1.7] {
        scalar_case(
            "log_inv_logit",
            x,
            &|a| log_inv_logit(a),
            &|a| log_inv_logit_grad(a),
            &|a, t| log_inv_logit_jvp(a, t),
            Some(&|a, t| log_inv_logit_hvp(a, t)),
            Some(log_inv_logit_check(x)),
        );
        let (_, d) = log_inv_logit_grad(x);
        assert!(close(d, 1.0 - 1.0 / (1.0 + (-x).exp()), 1e-12));
    }
}

#[differentiable]
fn softplus_beta(x: f64, beta: f64) -> f64 {
    let z = beta * x;
    if z > 20.0 { x } else { z.exp().ln_1p() / beta }
}
#[test]
fn t_softplus_beta() {
    for x in [[0.3, 2.0], [-1.5, 0.7], [12.0, 3.0]] {
        s2_case!(
            "softplus_beta",
            x,
            softplus_beta,
            softplus_beta_grad,
            softplus_beta_jvp,
            softplus_beta_hvp,
            softplus_beta_check
        );
    }
}

const LANCZOS: [f64; 9] = [
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7,
];
/// Lanczos lgamma with reflection (recursive call in a branch).
#[differentiable]
fn lgamma(x: f64) -> f64 {
    if x < 0.5 {
        return PI.ln() - (PI * x).sin().abs().ln() - lgamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = LANCZOS[0];
    let t = x + 7.5;
    for i in 1..9 {
        a += LANCZOS[i] / (x + i as f64);
    }
    0.5 * (2.0 * PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}
#[test]
fn t_lgamma() {
    assert!(close(lgamma(0.5), 0.5723649429247001, 1e-12));
    // digamma(1) = -γ
    assert!(
        close(lgamma_grad(1.0).1, -0.5772156649015329, 1e-10),
        "digamma(1) {}",
        lgamma_grad(1.0).1
    );
    for x in [0.3, 2.7, 7.2] {
        scalar_case(
            "lgamma",
            x,
            &|a| lgamma(a),
            &|a| lgamma_grad(a),
            &|a, t| lgamma_jvp(a, t),
            Some(&|a, t| lgamma_hvp(a, t)),
            Some(lgamma_check(x)),
        );
    }
}

/// Student-t log density, calling lgamma.
#[differentiable]
fn student_t_lpdf(y: f64, nu: f64, mu: f64, sigma: f64) -> f64 {
    let z = (y - mu) / sigma;
    lgamma((nu + 1.0) / 2.0)
        - lgamma(nu / 2.0)
        - 0.5 * (nu * PI).ln()
        - sigma.ln()
        - (nu + 1.0) / 2.0 * (z * z / nu).ln_1p()
}
#[test]
fn t_student_t_lpdf() {
    for x in [[0.7, 3.5, 0.2, 1.3], [-2.0, 0.8, 0.5, 0.6]] {
        verify(
            "student_t_lpdf",
            &x,
            &|p| student_t_lpdf(p[0], p[1], p[2], p[3]),
            &|p| {
                let (v, (a, b, c, d)) = student_t_lpdf_grad(p[0], p[1], p[2], p[3]);
                (v, vec![a, b, c, d])
            },
            &|p, t| student_t_lpdf_jvp(p[0], p[1], p[2], p[3], t[0], t[1], t[2], t[3]),
            Some(&|p, t| {
                let (v, (a, b, c, d), (e, f, g, h)) =
                    student_t_lpdf_hvp(p[0], p[1], p[2], p[3], t[0], t[1], t[2], t[3]);
                (v, vec![a, b, c, d], vec![e, f, g, h])
            }),
            Some(student_t_lpdf_check(x[0], x[1], x[2], x[3])),
        );
    }
}

/// Normal log density summed over a slice via iterator map with a block closure.
#[differentiable]
fn normal_lpdf_sum(y: &[f64], mu: f64, sigma: f64) -> f64 {
    let n = y.len() as f64;
    let q: f64 = y
        .iter()
        .map(|&v| {
            let z = (v - mu) / sigma;
            -0.5 * z * z
        })
        .sum();
    q - n * (sigma.ln() + 0.5 * (2.0 * PI).ln())
}
#[test]
fn t_normal_lpdf_sum() {
    let x = vec![0.3, -1.2, 0.8, 1.7, 0.25, 1.4];
    let k = 4;
    verify(
        "normal_lpdf_sum",
        &x,
        &|p| normal_lpdf_sum(&p[..k], p[k], p[k + 1]),
        &|p| {
            let (v, (mut a, b, c)) = normal_lpdf_sum_grad(&p[..k], p[k], p[k + 1]);
            a.push(b);
            a.push(c);
            (v, a)
        },
        &|p, t| normal_lpdf_sum_jvp(&p[..k], p[k], p[k + 1], &t[..k], t[k], t[k + 1]),
        Some(&|p, t| {
            let (v, (mut a, b, c), (mut d, e, f)) =
                normal_lpdf_sum_hvp(&p[..k], p[k], p[k + 1], &t[..k], t[k], t[k + 1]);
            a.push(b);
            a.push(c);
            d.push(e);
            d.push(f);
            (v, a, d)
        }),
        Some(normal_lpdf_sum_check(&x[..k], x[k], x[k + 1])),
    );
}

/// erf by its Maclaurin series, while loop with relative tolerance.
#[differentiable]
fn erf_series(x: f64) -> f64 {
    let mut sum = x;
    let mut term = x;
    let mut n = 0;
    let x2 = x * x;
    while term.abs() > 1e-17 * sum.abs() && n < 200 {
        n += 1;
        term *= -x2 / n as f64;
        sum += term / (2 * n + 1) as f64;
    }
    2.0 / PI.sqrt() * sum
}
#[test]
fn t_erf_series() {
    for x in [0.7, 1.5, -0.4] {
        scalar_case(
            "erf_series",
            x,
            &|a| erf_series(a),
            &|a| erf_series_grad(a),
            &|a, t| erf_series_jvp(a, t),
            Some(&|a, t| erf_series_hvp(a, t)),
            Some(erf_series_check(x)),
        );
        let (_, d) = erf_series_grad(x);
        assert!(
            close(d, 2.0 / PI.sqrt() * (-x * x).exp(), 1e-12),
            "erf' {x}: {d}"
        );
    }
}

/// Clenshaw recurrence for a Chebyshev series.
#[differentiable]
fn clenshaw(c: &[f64], x: f64) -> f64 {
    let mut b1 = 0.0;
    let mut b2 = 0.0;
    for k in (1..c.len()).rev() {
        let b0 = 2.0 * x * b1 - b2 + c[k];
        b2 = b1;
        b1 = b0;
    }
    x * b1 - b2 + c[0]
}
#[test]
fn t_clenshaw() {
    slice_scalar_case!(
        "clenshaw",
        vec![0.5, -0.3, 0.8, 0.2, -0.1, 0.37],
        clenshaw,
        clenshaw_grad,
        clenshaw_jvp,
        clenshaw_hvp,
        clenshaw_check
    );
    // T0..T4 at x: value check
    let x: f64 = 0.37;
    let c = [0.5, -0.3, 0.8, 0.2, -0.1];
    let t = [
        1.0,
        x,
        2.0 * x * x - 1.0,
        4.0 * x * x * x - 3.0 * x,
        8.0 * x.powi(4) - 8.0 * x * x + 1.0,
    ];
    let want: f64 = c.iter().zip(t.iter()).map(|(a, b)| a * b).sum();
    assert!(close(clenshaw(&c, x), want, 1e-12));
}

/// tan by a backward continued fraction (Lambert).
#[differentiable]
fn cf_tan(x: f64) -> f64 {
    let x2 = x * x;
    let mut k: i32 = 20;
    let mut d = (2 * k + 1) as f64;
    while k >= 1 {
        d = (2 * k - 1) as f64 - x2 / d;
        k -= 1;
    }
    x / d
}
#[test]
fn t_cf_tan() {
    for x in [0.3, 1.1, -0.9] {
        scalar_case(
            "cf_tan",
            x,
            &|a| cf_tan(a),
            &|a| cf_tan_grad(a),
            &|a, t| cf_tan_jvp(a, t),
            Some(&|a, t| cf_tan_hvp(a, t)),
            Some(cf_tan_check(x)),
        );
        let (v, d) = cf_tan_grad(x);
        assert!(close(v, x.tan(), 1e-13));
        assert!(close(d, 1.0 / (x.cos() * x.cos()), 1e-12), "tan' {x}: {d}");
    }
}

/// Newton iteration with a tolerance.
#[differentiable]
fn cbrt_newton(a: f64) -> f64 {
    let mut y = if a > 1.0 { a / 3.0 } else { 1.0 };
    let mut it = 0;
    while (y * y * y - a).abs() > 1e-12 && it < 50 {
        y -= (y * y * y - a) / (3.0 * y * y);
        it += 1;
    }
    y
}
#[test]
fn t_cbrt_newton() {
    for x in [0.4, 5.0, 27.5] {
        scalar_case(
            "cbrt_newton",
            x,
            &|a| cbrt_newton(a),
            &|a| cbrt_newton_grad(a),
            &|a, t| cbrt_newton_jvp(a, t),
            Some(&|a, t| cbrt_newton_hvp(a, t)),
            Some(cbrt_newton_check(x)),
        );
        let (_, d) = cbrt_newton_grad(x);
        assert!(
            close(d, 1.0 / (3.0 * x.powf(2.0 / 3.0)), 1e-8),
            "cbrt' {x}: {d}"
        );
    }
}

/// Kepler's equation by fixed-point iteration, loop with break on convergence.
#[differentiable]
fn kepler(m: f64, e: f64) -> f64 {
    let mut big_e = m;
    let mut it = 0;
    loop {
        let next = m + e * big_e.sin();
        let d = next - big_e;
        big_e = next;
        it += 1;
        if d.abs() < 1e-15 || it > 500 {
            break;
        }
    }
    big_e
}
#[test]
fn t_kepler() {
    for x in [[0.8, 0.3], [2.0, 0.5]] {
        s2_case!(
            "kepler",
            x,
            kepler,
            kepler_grad,
            kepler_jvp,
            kepler_hvp,
            kepler_check
        );
        let big_e = kepler(x[0], x[1]);
        let (_, (dm, de)) = kepler_grad(x[0], x[1]);
        let den = 1.0 - x[1] * big_e.cos();
        assert!(
            close(dm, 1.0 / den, 1e-9) && close(de, big_e.sin() / den, 1e-9),
            "kepler {dm} {de}"
        );
    }
}

/// Bisection then one Newton polish: derivative w.r.t. the parameter p.
#[differentiable]
fn bisect_root(p: f64) -> f64 {
    let mut lo = 0.0;
    let mut hi = 2.0;
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        let fm = mid * mid * mid + p * mid - 1.0;
        if fm > 0.0 {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let x = 0.5 * (lo + hi);
    x - (x * x * x + p * x - 1.0) / (3.0 * x * x + p)
}
#[test]
fn t_bisect_root() {
    for p in [0.5, 2.0] {
        let x = bisect_root(p);
        let (v, d) = bisect_root_grad(p);
        assert_eq!(v, x);
        let want = -x / (3.0 * x * x + p);
        assert!(close(d, want, 1e-9), "bisect d/dp {d} vs {want}");
        let (_, dj) = bisect_root_jvp(p, 1.0);
        assert!(close(dj, d, 1e-12));
        let fd = (bisect_root(p + 1e-6) - bisect_root(p - 1e-6)) / 2e-6;
        assert!(close(d, fd, 1e-6), "fd {fd}");
    }
}

#[differentiable]
fn cond_call(x: &[f64], a: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let v = if x[i] > 0.0 {
            log1p_exp(x[i] * a)
        } else {
            inv_logit(x[i] - a)
        };
        s += v * x[i];
    }
    s
}
#[test]
fn t_cond_call() {
    slice_scalar_case!(
        "cond_call",
        vec![0.3, -1.2, 0.8, -1.7, 0.6],
        cond_call,
        cond_call_grad,
        cond_call_jvp,
        cond_call_hvp,
        cond_call_check
    );
}
