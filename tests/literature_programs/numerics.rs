//! Numerical methods: quadrature (Simpson, Gauss–Legendre over `const` tables), stencils, LU,
//! splines, integrators (Verlet, RKF45), and `f32` twins checked against
//! their `f64` versions.

use crate::harness::*;
use ad_runtime::differentiable;

/// Composite Simpson with the integrand as a closure bound by let and called in a loop.
#[differentiable]
fn simpson(a: f64, b: f64, k: f64) -> f64 {
    let n = 20;
    let h = (b - a) / n as f64;
    let f = |t: f64| (k * t).sin() * (-t * t).exp();
    let mut s = f(a) + f(b);
    for i in 1..n {
        let w = if i % 2 == 1 { 4.0 } else { 2.0 };
        s += w * f(a + i as f64 * h);
    }
    s * h / 3.0
}
#[test]
fn t_simpson() {
    s3_case!(
        "simpson",
        [0.2, 1.7, 1.3],
        simpson,
        simpson_grad,
        simpson_jvp,
        simpson_hvp,
        simpson_check
    );
}

const GL_X: [f64; 5] = [
    -0.9061798459386640,
    -0.5384693101056831,
    0.0,
    0.5384693101056831,
    0.9061798459386640,
];
const GL_W: [f64; 5] = [
    0.2369268850561891,
    0.4786286704993665,
    0.5688888888888889,
    0.4786286704993665,
    0.2369268850561891,
];

/// Gauss–Legendre on [0, q], weights as const arrays read by index.
#[differentiable]
fn gauss_legendre(p: f64, q: f64) -> f64 {
    let half = 0.5 * q;
    let mut s = 0.0;
    for i in 0..5 {
        let t = half * (GL_X[i] + 1.0);
        s += GL_W[i] * (-p * t * t).exp() * t.cos();
    }
    s * half
}
#[test]
fn t_gauss_legendre() {
    s2_case!(
        "gauss_legendre",
        [0.7, 1.4],
        gauss_legendre,
        gauss_legendre_grad,
        gauss_legendre_jvp,
        gauss_legendre_hvp,
        gauss_legendre_check
    );
}

/// Same, over the const arrays with iter().zip().
#[differentiable]
fn gauss_legendre_zip(p: f64, q: f64) -> f64 {
    let half = 0.5 * q;
    let mut s = 0.0;
    let gx = GL_X;
    let gw = GL_W;
    for (xi, wi) in gx.iter().zip(gw.iter()) {
        let t = half * (xi + 1.0);
        s += wi * (-p * t * t).exp() * t.cos();
    }
    s * half
}
#[test]
fn t_gauss_legendre_zip() {
    s2_case!(
        "gauss_legendre_zip",
        [0.7, 1.4],
        gauss_legendre_zip,
        gauss_legendre_zip_grad,
        gauss_legendre_zip_jvp,
        gauss_legendre_zip_hvp,
        gauss_legendre_zip_check
    );
    assert!(close(
        gauss_legendre_zip(0.7, 1.4),
        gauss_legendre(0.7, 1.4),
        1e-14
    ));
}

/// Periodic finite-difference stencils with modular index arithmetic.
#[differentiable]
fn stencil_energy(u: &[f64]) -> f64 {
    let n = u.len();
    let mut e = 0.0;
    for i in 0..n {
        let l = u[(i + n - 1) % n];
        let r = u[(i + 1) % n];
        let lap = l - 2.0 * u[i] + r;
        let d4 = u[(i + n - 2) % n] - 4.0 * l + 6.0 * u[i] - 4.0 * r + u[(i + 2) % n];
        e += 0.5 * lap * lap + 0.01 * u[i] * d4 + 0.25 * u[i].powi(4);
    }
    e
}
#[test]
fn t_stencil_energy() {
    slice_case!(
        "stencil_energy",
        vec![0.3, -1.2, 0.8, 1.7, 0.4, -0.6, 0.9],
        stencil_energy,
        stencil_energy_grad,
        stencil_energy_jvp,
        stencil_energy_hvp,
        stencil_energy_check
    );
}

/// LU without pivoting on a flat copy, then forward/back substitution; Vec result.
#[differentiable]
fn lu_solve(a: &[f64], b: &[f64], n: usize) -> Vec<f64> {
    let mut m = a.to_vec();
    for k in 0..n {
        for i in k + 1..n {
            let l = m[i * n + k] / m[k * n + k];
            m[i * n + k] = l;
            for j in k + 1..n {
                m[i * n + j] -= l * m[k * n + j];
            }
        }
    }
    let mut y = b.to_vec();
    for i in 0..n {
        for j in 0..i {
            y[i] -= m[i * n + j] * y[j];
        }
    }
    for i in (0..n).rev() {
        for j in i + 1..n {
            y[i] -= m[i * n + j] * y[j];
        }
        y[i] /= m[i * n + i];
    }
    y
}
#[test]
fn t_lu_solve() {
    let a = vec![4.0, 1.0, 0.5, -1.0, 5.0, 1.2, 0.3, 0.7, 3.0];
    let b = vec![1.0, -2.0, 0.5];
    let mut x = a.clone();
    x.extend(&b);
    // A x = b residual
    let s = lu_solve(&a, &b, 3);
    for i in 0..3 {
        let r: f64 = (0..3).map(|j| a[i * 3 + j] * s[j]).sum::<f64>() - b[i];
        assert!(r.abs() < 1e-12);
    }
    verify_vector(
        "lu_solve",
        &x,
        &|p| lu_solve(&p[..9], &p[9..], 3),
        &|p, t| lu_solve_jvp(&p[..9], &p[9..], 3, &t[..9], &t[9..]),
        &|p| lu_solve_jacobian(&p[..9], &p[9..], 3),
        Some(&|p, w| {
            let (v, (mut ga, gb)) = lu_solve_vjp(&p[..9], &p[9..], 3, w.to_vec());
            ga.extend(gb);
            (v, ga)
        }),
    );
}

/// Modified Gram–Schmidt on k rows of length n.
#[differentiable]
fn gram_schmidt(a: &[f64], n: usize, k: usize) -> f64 {
    let mut q = a.to_vec();
    let mut logdet = 0.0;
    for i in 0..k {
        for p in 0..i {
            let mut d = 0.0;
            for j in 0..n {
                d += q[p * n + j] * q[i * n + j];
            }
            for j in 0..n {
                q[i * n + j] -= d * q[p * n + j];
            }
        }
        let mut nrm = 0.0;
        for j in 0..n {
            nrm += q[i * n + j] * q[i * n + j];
        }
        let nrm = nrm.sqrt();
        logdet += nrm.ln();
        for j in 0..n {
            q[i * n + j] /= nrm;
        }
    }
    let mut s = logdet;
    for i in 0..k {
        for j in 0..n {
            s += q[i * n + j] * ((i + 1) * (j + 2)) as f64 * 0.1;
        }
    }
    s
}
#[test]
fn t_gram_schmidt() {
    let x = vec![
        1.0, 0.2, -0.3, 0.5, 0.4, 1.1, 0.3, -0.2, -0.6, 0.1, 0.9, 0.7,
    ];
    verify(
        "gram_schmidt",
        &x,
        &|p| gram_schmidt(p, 4, 3),
        &|p| gram_schmidt_grad(p, 4, 3),
        &|p, t| gram_schmidt_jvp(p, 4, 3, t),
        Some(&|p, t| gram_schmidt_hvp(p, 4, 3, t)),
        Some(gram_schmidt_check(&x, 4, 3)),
    );
}

#[differentiable]
fn rkf_rhs(t: f64, y: f64, k: f64) -> f64 {
    -k * y + (t * y).sin()
}
/// One Runge–Kutta–Fehlberg 4(5) step with its error estimate, tuple result.
#[differentiable]
fn rkf45(y: f64, k: f64, h: f64) -> (f64, f64) {
    let t = 0.3;
    let k1 = h * rkf_rhs(t, y, k);
    let k2 = h * rkf_rhs(t + h / 4.0, y + k1 / 4.0, k);
    let k3 = h * rkf_rhs(t + 3.0 * h / 8.0, y + 3.0 / 32.0 * k1 + 9.0 / 32.0 * k2, k);
    let k4 = h * rkf_rhs(
        t + 12.0 * h / 13.0,
        y + 1932.0 / 2197.0 * k1 - 7200.0 / 2197.0 * k2 + 7296.0 / 2197.0 * k3,
        k,
    );
    let k5 = h * rkf_rhs(
        t + h,
        y + 439.0 / 216.0 * k1 - 8.0 * k2 + 3680.0 / 513.0 * k3 - 845.0 / 4104.0 * k4,
        k,
    );
    let k6 = h * rkf_rhs(
        t + h / 2.0,
        y - 8.0 / 27.0 * k1 + 2.0 * k2 - 3544.0 / 2565.0 * k3 + 1859.0 / 4104.0 * k4
            - 11.0 / 40.0 * k5,
        k,
    );
    let y4 = y + 25.0 / 216.0 * k1 + 1408.0 / 2565.0 * k3 + 2197.0 / 4104.0 * k4 - k5 / 5.0;
    let y5 = y + 16.0 / 135.0 * k1 + 6656.0 / 12825.0 * k3 + 28561.0 / 56430.0 * k4
        - 9.0 / 50.0 * k5
        + 2.0 / 55.0 * k6;
    (y5, (y5 - y4).abs())
}
#[test]
fn t_rkf45() {
    let x = [1.3, 0.7, 0.4];
    let (_, err) = rkf45(x[0], x[1], x[2]);
    assert!(err > 1e-9, "err {err}");
    verify_vector(
        "rkf45",
        &x,
        &|p| {
            let (a, b) = rkf45(p[0], p[1], p[2]);
            vec![a, b]
        },
        &|p, t| {
            let ((a, b), (c, d)) = rkf45_jvp(p[0], p[1], p[2], t[0], t[1], t[2]);
            (vec![a, b], vec![c, d])
        },
        &|p| {
            let ((a, b), j) = rkf45_jacobian(p[0], p[1], p[2]);
            (vec![a, b], j)
        },
        Some(&|p, w| {
            let ((a, b), (c, d, e)) = rkf45_vjp(p[0], p[1], p[2], (w[0], w[1]));
            (vec![a, b], vec![c, d, e])
        }),
    );
}

/// Velocity Verlet on an anharmonic oscillator.
#[differentiable]
fn verlet(x0: f64, v0: f64, k: f64) -> f64 {
    let dt = 0.01;
    let mut x = x0;
    let mut v = v0;
    let mut a = -k * x - x * x * x;
    for _ in 0..200 {
        x += v * dt + 0.5 * a * dt * dt;
        let a_new = -k * x - x * x * x;
        v += 0.5 * (a + a_new) * dt;
        a = a_new;
    }
    x * v + 0.5 * v * v
}
#[test]
fn t_verlet() {
    s3_case!(
        "verlet",
        [0.8, -0.3, 1.5],
        verlet,
        verlet_grad,
        verlet_jvp,
        verlet_hvp,
        verlet_check
    );
}

/// Explicit 1-D heat equation, new buffer each step, Vec result.
#[differentiable]
fn heat1d(u0: &[f64], kappa: f64) -> Vec<f64> {
    let n = u0.len();
    let mut u = u0.to_vec();
    let r = kappa * 0.2;
    for _ in 0..30 {
        let mut next = vec![0.0; n];
        for i in 1..n - 1 {
            next[i] = u[i] + r * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
        }
        next[0] = u[0];
        next[n - 1] = u[n - 1];
        u = next;
    }
    u
}
#[test]
fn t_heat1d() {
    let x = [0.0, 0.5, 1.2, 0.7, -0.3, 0.1, 1.1];
    let k = x.len() - 1;
    verify_vector(
        "heat1d",
        &x,
        &|p| heat1d(&p[..k], p[k]),
        &|p, t| heat1d_jvp(&p[..k], p[k], &t[..k], t[k]),
        &|p| heat1d_jacobian(&p[..k], p[k]),
        Some(&|p, w| {
            let (v, (mut a, b)) = heat1d_vjp(&p[..k], p[k], w.to_vec());
            a.push(b);
            (v, a)
        }),
    );
}

/// 1-D wave equation, three time levels, clones as buffer rotation.
#[differentiable]
fn wave1d(u0: &[f64], c: f64) -> f64 {
    let n = u0.len();
    let r2 = (c * 0.3) * (c * 0.3);
    let mut prev = u0.to_vec();
    let mut cur = u0.to_vec();
    for _ in 0..25 {
        let mut next = vec![0.0; n];
        for i in 1..n - 1 {
            next[i] = 2.0 * cur[i] - prev[i] + r2 * (cur[i + 1] - 2.0 * cur[i] + cur[i - 1]);
        }
        prev = cur.clone();
        cur = next;
    }
    let mut e = 0.0;
    for i in 0..n {
        e += cur[i] * cur[i] + (cur[i] - prev[i]).powi(2);
    }
    e
}
#[test]
fn t_wave1d() {
    slice_scalar_case!(
        "wave1d",
        vec![0.0, 0.5, 1.2, 0.7, -0.3, 0.1, 0.0, 0.9],
        wave1d,
        wave1d_grad,
        wave1d_jvp,
        wave1d_hvp,
        wave1d_check
    );
}

const XS: [f64; 6] = [0.0, 0.5, 1.3, 2.0, 3.1, 4.0];
/// Natural cubic spline through (XS, ys), evaluated at t with a binary search.
#[differentiable]
fn spline_eval(ys: &[f64], t: f64) -> f64 {
    let n = 6;
    // tridiagonal system for the interior second derivatives
    let mut diag = vec![0.0; n];
    let mut rhs = vec![0.0; n];
    let mut m = vec![0.0; n];
    for i in 1..n - 1 {
        let h0 = XS[i] - XS[i - 1];
        let h1 = XS[i + 1] - XS[i];
        diag[i] = 2.0 * (h0 + h1);
        rhs[i] = 6.0 * ((ys[i + 1] - ys[i]) / h1 - (ys[i] - ys[i - 1]) / h0);
    }
    // Thomas: sub = h0 (row i), super = h1 (row i)
    for i in 2..n - 1 {
        let w = (XS[i] - XS[i - 1]) / diag[i - 1];
        diag[i] -= w * (XS[i] - XS[i - 1]);
        rhs[i] -= w * rhs[i - 1];
    }
    m[n - 2] = rhs[n - 2] / diag[n - 2];
    for i in (1..n - 2).rev() {
        m[i] = (rhs[i] - (XS[i + 1] - XS[i]) * m[i + 1]) / diag[i];
    }
    let mut lo = 0;
    let mut hi = n - 1;
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if XS[mid] > t {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let h = XS[hi] - XS[lo];
    let a = (XS[hi] - t) / h;
    let b = (t - XS[lo]) / h;
    a * ys[lo] + b * ys[hi] + ((a * a * a - a) * m[lo] + (b * b * b - b) * m[hi]) * h * h / 6.0
}
#[test]
fn t_spline_eval() {
    let ys = [0.3, -0.2, 0.8, 1.1, 0.4, -0.5];
    for i in 0..6 {
        assert!(
            close(spline_eval(&ys, XS[i]), ys[i], 1e-12),
            "interpolates at {i}"
        );
    }
    for t in [0.2, 1.7, 3.5] {
        let mut x = ys.to_vec();
        x.push(t);
        slice_scalar_case!(
            "spline_eval",
            x,
            spline_eval,
            spline_eval_grad,
            spline_eval_jvp,
            spline_eval_hvp,
            spline_eval_check
        );
    }
}

// ---- `f32` versions, compared with their `f64` twins -----------------------------------

#[differentiable]
fn simpson32(a: f32, b: f32, k: f32) -> f32 {
    let n = 20;
    let h = (b - a) / n as f32;
    let f = |t: f32| (k * t).sin() * (-t * t).exp();
    let mut s = f(a) + f(b);
    for i in 1..n {
        let w = if i % 2 == 1 { 4.0 } else { 2.0 };
        s += w * f(a + i as f32 * h);
    }
    s * h / 3.0
}
#[test]
fn t_simpson32() {
    let (a, b, k) = (0.2f32, 1.7f32, 1.3f32);
    let (v, (ga, gb, gk)) = simpson32_grad(a, b, k);
    let (v64, (ha, hb, hk)) = simpson_grad(a as f64, b as f64, k as f64);
    assert!(close32(v, v64, 1e-5));
    assert!(
        close32(ga, ha, 1e-4) && close32(gb, hb, 1e-4) && close32(gk, hk, 1e-4),
        "{ga} {gb} {gk} vs {ha} {hb} {hk}"
    );
    let (_, d) = simpson32_jvp(a, b, k, 1.0, -0.5, 0.25);
    assert!(close32(d, ha - 0.5 * hb + 0.25 * hk, 1e-4));
    let (_, _, hv) = simpson32_hvp(a, b, k, 1.0, -0.5, 0.25);
    let (_, _, hv64) = simpson_hvp(a as f64, b as f64, k as f64, 1.0, -0.5, 0.25);
    assert!(
        close32(hv.0, hv64.0, 1e-3) && close32(hv.1, hv64.1, 1e-3) && close32(hv.2, hv64.2, 1e-3)
    );
    assert_eq!(simpson32_check(a, b, k), Ok(()));
}

/// f32 function that widens to f64 internally and narrows back.
#[differentiable]
fn mixed_prec(x: f32, y: f32) -> f32 {
    let z = x as f64 * 1.5;
    let s = (z.sin() * 2.0) as f32;
    s * y + (x * y).exp()
}
#[test]
fn t_mixed_prec() {
    let (x, y) = (0.6f32, -0.4f32);
    let (v, (gx, gy)) = mixed_prec_grad(x, y);
    assert_eq!(v, mixed_prec(x, y));
    let (xd, yd) = (x as f64, y as f64);
    let wx = 3.0 * (1.5 * xd).cos() * yd + yd * (xd * yd).exp();
    let wy = 2.0 * (1.5 * xd).sin() + xd * (xd * yd).exp();
    assert!(
        close32(gx, wx, 1e-5) && close32(gy, wy, 1e-5),
        "{gx} {gy} vs {wx} {wy}"
    );
    let (_, d) = mixed_prec_jvp(x, y, 1.0, 2.0);
    assert!(close32(d, wx + 2.0 * wy, 1e-5));
    let (_, _, (hx, hy)) = mixed_prec_hvp(x, y, 1.0, 0.0);
    let hxx = -4.5 * (1.5 * xd).sin() * yd + yd * yd * (xd * yd).exp();
    let hxy = 3.0 * (1.5 * xd).cos() + (1.0 + xd * yd) * (xd * yd).exp();
    assert!(
        close32(hx, hxx, 1e-4) && close32(hy, hxy, 1e-4),
        "{hx} {hy} vs {hxx} {hxy}"
    );
}
