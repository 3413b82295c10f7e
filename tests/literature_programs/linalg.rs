//! Numerical linear algebra and numerics on flat buffers: Horner, log-sum-exp, softmax (with
//! its Jacobian), cross-entropy, the Thomas algorithm, sorting networks, matrix–vector
//! products, power iteration, Gauss–Seidel, Cholesky, Gaussian elimination with pivoting,
//! and linear and bilinear interpolation.

use crate::harness::*;
use ad_runtime::differentiable;

#[differentiable]
fn horner(c: &[f64], x: f64) -> f64 {
    let mut acc = 0.0;
    for i in (0..c.len()).rev() {
        acc = acc * x + c[i];
    }
    acc
}

#[test]
fn t_horner() {
    let x = [1.0, -2.0, 0.5, 3.0, -0.25, 0.7];
    slice_scalar(
        "horner",
        &x,
        &|c, t| horner(c, t),
        &|c, t| horner_grad(c, t),
        &|c, t, dc, dt| horner_jvp(c, t, dc, dt),
        &|c, t, dc, dt| horner_hvp(c, t, dc, dt),
        Some(horner_check(&x[..5], x[5])),
    );
}

#[differentiable]
fn horner_fold(c: &[f64], x: f64) -> f64 {
    c.iter().rev().fold(0.0, |acc, &ci| acc * x + ci)
}

#[test]
fn t_horner_fold() {
    let x = [1.0, -2.0, 0.5, 3.0, -0.25, 0.7];
    slice_scalar(
        "horner_fold",
        &x,
        &|c, t| horner_fold(c, t),
        &|c, t| horner_fold_grad(c, t),
        &|c, t, dc, dt| horner_fold_jvp(c, t, dc, dt),
        &|c, t, dc, dt| horner_fold_hvp(c, t, dc, dt),
        Some(horner_fold_check(&x[..5], x[5])),
    );
    assert!((horner_fold(&x[..5], 0.7) - horner(&x[..5], 0.7)).abs() < 1e-14);
}

#[differentiable]
fn logsumexp(x: &[f64]) -> f64 {
    let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let s: f64 = x.iter().map(|v| (v - m).exp()).sum();
    m + s.ln()
}

#[test]
fn t_logsumexp() {
    slice_case!(
        "logsumexp",
        vec![0.3, -0.5, 2.8, 1.2, 100.0],
        logsumexp,
        logsumexp_grad,
        logsumexp_jvp,
        logsumexp_hvp,
        logsumexp_check
    );
    slice_case!(
        "logsumexp",
        vec![0.3, -0.5, 2.8, 1.2],
        logsumexp,
        logsumexp_grad,
        logsumexp_jvp,
        logsumexp_hvp,
        logsumexp_check
    );
}

#[differentiable]
fn softmax_xent(logits: &[f64], target: usize) -> f64 {
    let mut m = logits[0];
    for &l in &logits[1..] {
        if l > m {
            m = l;
        }
    }
    let mut z = 0.0;
    for &l in logits {
        z += (l - m).exp();
    }
    -(logits[target] - m - z.ln())
}

#[test]
fn t_softmax_xent() {
    let x = vec![0.3, -0.5, 2.8, 1.2];
    for target in [0, 2] {
        verify(
            "softmax_xent",
            &x,
            &|p| softmax_xent(p, target),
            &|p| softmax_xent_grad(p, target),
            &|p, t| softmax_xent_jvp(p, target, t),
            Some(&|p, t| softmax_xent_hvp(p, target, t)),
            Some(softmax_xent_check(&x, target)),
        );
    }
}

#[differentiable]
fn softmax(x: &[f64]) -> Vec<f64> {
    let mut m = f64::NEG_INFINITY;
    for i in 0..x.len() {
        m = m.max(x[i]);
    }
    let mut e = vec![0.0; x.len()];
    let mut z = 0.0;
    for i in 0..x.len() {
        e[i] = (x[i] - m).exp();
        z += e[i];
    }
    for i in 0..x.len() {
        e[i] /= z;
    }
    e
}

#[test]
fn t_softmax_jacobian() {
    let x = [0.3, -0.5, 2.8, 1.2];
    let (val, jac) = softmax_jacobian(&x);
    assert_eq!(val, softmax(&x));
    let s = softmax(&x);
    // closed form: J = diag(s) - s sᵀ
    for i in 0..4 {
        for j in 0..4 {
            let want = if i == j { s[i] } else { 0.0 } - s[i] * s[j];
            assert!(
                (jac[[i, j]] - want).abs() < 1e-12,
                "J[{i},{j}] = {} vs {want}",
                jac[[i, j]]
            );
        }
    }
    let v = [0.1, 0.2, -0.3, 0.4];
    let (_, t) = softmax_jvp(&x, &v);
    for i in 0..4 {
        let want: f64 = (0..4).map(|j| jac[[i, j]] * v[j]).sum();
        assert!((t[i] - want).abs() < 1e-12, "jvp[{i}]");
    }
    let (_, g) = softmax_vjp(&x, vec![1.0, 0.0, 0.0, 2.0]);
    for j in 0..4 {
        let want = jac[[0, j]] + 2.0 * jac[[3, j]];
        assert!((g[j] - want).abs() < 1e-12, "vjp[{j}] = {} vs {want}", g[j]);
    }
    verify_vector(
        "softmax",
        &x,
        &|q| softmax(q),
        &|q, t| softmax_jvp(q, t),
        &|q| softmax_jacobian(q),
        Some(&|q, w| softmax_vjp(q, w.to_vec())),
    );
}

/// Thomas algorithm for a tridiagonal system, then a weighted sum of the solution.
#[differentiable]
fn thomas(a: &[f64], b: &[f64], c: &[f64], d: &[f64], w: &[f64]) -> f64 {
    let n = d.len();
    let mut cp = vec![0.0; n];
    let mut dp = vec![0.0; n];
    cp[0] = c[0] / b[0];
    dp[0] = d[0] / b[0];
    for i in 1..n {
        let m = b[i] - a[i] * cp[i - 1];
        cp[i] = c[i] / m;
        dp[i] = (d[i] - a[i] * dp[i - 1]) / m;
    }
    let mut x = vec![0.0; n];
    x[n - 1] = dp[n - 1];
    for i in (0..n - 1).rev() {
        x[i] = dp[i] - cp[i] * x[i + 1];
    }
    let mut s = 0.0;
    for i in 0..n {
        s += w[i] * x[i];
    }
    s
}

#[test]
fn t_thomas() {
    let a = [0.0, 1.0, 0.5, 0.7];
    let b = [4.0, 5.0, 4.5, 3.8];
    let c = [1.0, 0.3, 0.9, 0.0];
    let d = [1.0, 2.0, -1.0, 0.5];
    let w = [0.3, -0.4, 1.0, 0.8];
    let mut x = vec![];
    for s in [a, b, c, d, w] {
        x.extend(s);
    }
    let sl = |p: &[f64], k: usize| p[4 * k..4 * k + 4].to_vec();
    verify(
        "thomas",
        &x,
        &|p| thomas(&sl(p, 0), &sl(p, 1), &sl(p, 2), &sl(p, 3), &sl(p, 4)),
        &|p| {
            let (v, (ga, gb, gc, gd, gw)) =
                thomas_grad(&sl(p, 0), &sl(p, 1), &sl(p, 2), &sl(p, 3), &sl(p, 4));
            (v, [ga, gb, gc, gd, gw].concat())
        },
        &|p, t| {
            thomas_jvp(
                &sl(p, 0),
                &sl(p, 1),
                &sl(p, 2),
                &sl(p, 3),
                &sl(p, 4),
                &sl(t, 0),
                &sl(t, 1),
                &sl(t, 2),
                &sl(t, 3),
                &sl(t, 4),
            )
        },
        Some(&|p, t| {
            let (v, (ga, gb, gc, gd, gw), (ha, hb, hc, hd, hw)) = thomas_hvp(
                &sl(p, 0),
                &sl(p, 1),
                &sl(p, 2),
                &sl(p, 3),
                &sl(p, 4),
                &sl(t, 0),
                &sl(t, 1),
                &sl(t, 2),
                &sl(t, 3),
                &sl(t, 4),
            );
            (
                v,
                [ga, gb, gc, gd, gw].concat(),
                [ha, hb, hc, hd, hw].concat(),
            )
        }),
        Some(thomas_check(&a, &b, &c, &d, &w)),
    );
}

/// Bubble sort (compare-and-swap network), then a weighted sum of squares.
#[differentiable]
fn bubble(x: &[f64]) -> f64 {
    let mut v = x.to_vec();
    let n = v.len();
    for i in 0..n {
        for j in 0..n - 1 - i {
            if v[j] > v[j + 1] {
                let t = v[j];
                v[j] = v[j + 1];
                v[j + 1] = t;
            }
        }
    }
    let mut s = 0.0;
    for i in 0..n {
        s += (i as f64 + 1.0) * v[i] * v[i];
    }
    s
}

#[test]
fn t_bubble() {
    slice_case!(
        "bubble",
        vec![0.3, -0.5, 2.8, 1.2, -1.7, 0.9],
        bubble,
        bubble_grad,
        bubble_jvp,
        bubble_hvp,
        bubble_check
    );
}

/// Matrix–vector product with index arithmetic on a flat row-major matrix.
#[differentiable]
fn matvec(a: &[f64], x: &[f64], n: usize) -> f64 {
    let mut y = vec![0.0; n];
    for i in 0..n {
        for j in 0..n {
            y[i] += a[i * n + j] * x[j];
        }
    }
    let mut s = 0.0;
    for i in 0..n {
        s += y[i] * y[i];
    }
    0.5 * s
}

#[test]
fn t_matvec() {
    let n = 3;
    let a = [0.3, -0.5, 2.8, 1.2, -1.7, 0.9, 0.1, 0.4, -0.6];
    let xv = [0.7, -0.2, 1.1];
    let mut x = a.to_vec();
    x.extend(xv);
    verify(
        "matvec",
        &x,
        &|p| matvec(&p[..9], &p[9..], n),
        &|p| {
            let (v, (mut ga, gx)) = matvec_grad(&p[..9], &p[9..], n);
            ga.extend(gx);
            (v, ga)
        },
        &|p, t| matvec_jvp(&p[..9], &p[9..], n, &t[..9], &t[9..]),
        Some(&|p, t| {
            let (v, (mut ga, gx), (mut ha, hx)) = matvec_hvp(&p[..9], &p[9..], n, &t[..9], &t[9..]);
            ga.extend(gx);
            ha.extend(hx);
            (v, ga, ha)
        }),
        Some(matvec_check(&a, &xv, n)),
    );
}

/// Power iteration with normalisation: the Rayleigh quotient.
#[differentiable]
fn power_iter(a: &[f64]) -> f64 {
    let n = 3;
    let mut v = vec![1.0, 0.5, 0.25];
    let mut lam = 0.0;
    for _ in 0..30 {
        let mut w = vec![0.0; n];
        for i in 0..n {
            for j in 0..n {
                w[i] += a[i * n + j] * v[j];
            }
        }
        let norm = (w[0] * w[0] + w[1] * w[1] + w[2] * w[2]).sqrt();
        lam = 0.0;
        for i in 0..n {
            lam += v[i] * w[i];
        }
        for i in 0..n {
            v[i] = w[i] / norm;
        }
    }
    lam
}

#[test]
fn t_power_iter() {
    // symmetric matrix: the Rayleigh quotient's gradient is v vᵀ (flattened).
    let a = vec![2.0, 0.5, 0.1, 0.5, 1.0, 0.3, 0.1, 0.3, 0.5];
    slice_case!(
        "power_iter",
        a.clone(),
        power_iter,
        power_iter_grad,
        power_iter_jvp,
        power_iter_hvp,
        power_iter_check
    );
}

/// Gauss–Seidel on a small diagonally dominant system.
#[differentiable]
fn gauss_seidel(a: &[f64], b: &[f64]) -> f64 {
    let n = b.len();
    let mut x = vec![0.0; n];
    for _ in 0..25 {
        for i in 0..n {
            let mut s = b[i];
            for j in 0..n {
                if j != i {
                    s -= a[i * n + j] * x[j];
                }
            }
            x[i] = s / a[i * n + i];
        }
    }
    x[0] + 2.0 * x[1] - x[2]
}

#[test]
fn t_gauss_seidel() {
    let a = [4.0, 1.0, 0.5, 1.0, 5.0, 1.5, 0.5, 1.5, 6.0];
    let b = [1.0, -2.0, 0.5];
    let mut x = a.to_vec();
    x.extend(b);
    two_slices(
        "gauss_seidel",
        &x,
        9,
        &|a, b| gauss_seidel(a, b),
        &|a, b| gauss_seidel_grad(a, b),
        &|a, b, c, d| gauss_seidel_jvp(a, b, c, d),
        &|a, b, c, d| gauss_seidel_hvp(a, b, c, d),
        Some(gauss_seidel_check(&a, &b)),
    );
}

/// Cholesky factorisation of an SPD matrix, log-determinant = 2 Σ ln L_ii.
#[differentiable]
fn chol_logdet(a: &[f64], n: usize) -> f64 {
    let mut l = vec![0.0; n * n];
    for j in 0..n {
        let mut d = a[j * n + j];
        for k in 0..j {
            d -= l[j * n + k] * l[j * n + k];
        }
        l[j * n + j] = d.sqrt();
        for i in (j + 1)..n {
            let mut s = a[i * n + j];
            for k in 0..j {
                s -= l[i * n + k] * l[j * n + k];
            }
            l[i * n + j] = s / l[j * n + j];
        }
    }
    let mut ld = 0.0;
    for i in 0..n {
        ld += 2.0 * l[i * n + i].ln();
    }
    ld
}

#[test]
fn t_chol_logdet() {
    let a = vec![4.0, 1.0, 0.5, 1.0, 3.0, 0.2, 0.5, 0.2, 2.0];
    let n = 3;
    verify(
        "chol_logdet",
        &a,
        &|p| chol_logdet(p, n),
        &|p| chol_logdet_grad(p, n),
        &|p, t| chol_logdet_jvp(p, n, t),
        Some(&|p, t| chol_logdet_hvp(p, n, t)),
        Some(chol_logdet_check(&a, n)),
    );
}

/// Gaussian elimination with partial pivoting (value-dependent row swaps), then c·x.
#[differentiable]
fn gauss_solve(a: &[f64], b: &[f64]) -> f64 {
    let n = b.len();
    let mut m = a.to_vec();
    let mut r = b.to_vec();
    for k in 0..n {
        let mut p = k;
        for i in (k + 1)..n {
            if m[i * n + k].abs() > m[p * n + k].abs() {
                p = i;
            }
        }
        if p != k {
            for j in 0..n {
                let t = m[k * n + j];
                m[k * n + j] = m[p * n + j];
                m[p * n + j] = t;
            }
            let t = r[k];
            r[k] = r[p];
            r[p] = t;
        }
        for i in (k + 1)..n {
            let f = m[i * n + k] / m[k * n + k];
            for j in k..n {
                m[i * n + j] -= f * m[k * n + j];
            }
            r[i] -= f * r[k];
        }
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let mut s = r[i];
        for j in (i + 1)..n {
            s -= m[i * n + j] * x[j];
        }
        x[i] = s / m[i * n + i];
    }
    x[0] - 0.5 * x[1] + 2.0 * x[2]
}

#[test]
fn t_gauss_solve() {
    let a = [1.0, 2.0, 0.5, 4.0, 1.0, 0.3, 0.2, 3.0, 1.5];
    let b = [1.0, -2.0, 0.5];
    let mut x = a.to_vec();
    x.extend(b);
    two_slices(
        "gauss_solve",
        &x,
        9,
        &|a, b| gauss_solve(a, b),
        &|a, b| gauss_solve_grad(a, b),
        &|a, b, c, d| gauss_solve_jvp(a, b, c, d),
        &|a, b, c, d| gauss_solve_hvp(a, b, c, d),
        Some(gauss_solve_check(&a, &b)),
    );
}

/// Piecewise linear interpolation in a table (index from a float cast).
#[differentiable]
fn interp(table: &[f64], t: f64) -> f64 {
    let h = 1.0 / (table.len() - 1) as f64;
    let k = (t / h).floor() as usize;
    let frac = t / h - k as f64;
    table[k] * (1.0 - frac) + table[k + 1] * frac
}

#[test]
fn t_interp() {
    let x = [0.3, -0.5, 0.8, 1.2, 2.0, 0.37];
    slice_scalar(
        "interp",
        &x,
        &|c, t| interp(c, t),
        &|c, t| interp_grad(c, t),
        &|c, t, dc, dt| interp_jvp(c, t, dc, dt),
        &|c, t, dc, dt| interp_hvp(c, t, dc, dt),
        Some(interp_check(&x[..5], x[5])),
    );
}

/// Bilinear interpolation on a grid.
#[differentiable]
fn bilinear(g: &[f64], nx: usize, x: f64, y: f64) -> f64 {
    let i = x.floor() as usize;
    let j = y.floor() as usize;
    let fx = x - i as f64;
    let fy = y - j as f64;
    let v00 = g[j * nx + i];
    let v10 = g[j * nx + i + 1];
    let v01 = g[(j + 1) * nx + i];
    let v11 = g[(j + 1) * nx + i + 1];
    (1.0 - fx) * (1.0 - fy) * v00 + fx * (1.0 - fy) * v10 + (1.0 - fx) * fy * v01 + fx * fy * v11
}

#[test]
fn t_bilinear() {
    let g: Vec<f64> = (0..12).map(|i| (i as f64 * 0.83).sin()).collect();
    let mut x = g.clone();
    x.extend([1.37, 1.62]);
    verify(
        "bilinear",
        &x,
        &|p| bilinear(&p[..12], 4, p[12], p[13]),
        &|p| {
            let (v, (mut gg, gx, gy)) = bilinear_grad(&p[..12], 4, p[12], p[13]);
            gg.extend([gx, gy]);
            (v, gg)
        },
        &|p, t| bilinear_jvp(&p[..12], 4, p[12], p[13], &t[..12], t[12], t[13]),
        Some(&|p, t| {
            let (v, (mut gg, gx, gy), (mut hh, hx, hy)) =
                bilinear_hvp(&p[..12], 4, p[12], p[13], &t[..12], t[12], t[13]);
            gg.extend([gx, gy]);
            hh.extend([hx, hy]);
            (v, gg, hh)
        }),
        Some(bilinear_check(&g, 4, 1.37, 1.62)),
    );
}
