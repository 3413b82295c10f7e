//! Language features: closures (capturing, multi-statement, branching), iterator chains
//! (`zip`, `map`, `enumerate`, `sum`), generic functions over the float type, fixed-size
//! arrays (by value, by reference, nested, destructured), sequences of arrays,
//! `Vec<Vec<f64>>` matrices and `Option` parameters.

use crate::harness::*;
use ad_runtime::{Float, differentiable};

/// Closure capturing a differentiated value.
#[differentiable]
fn closure_capture(x: &[f64], a: f64) -> f64 {
    let dist = |v: f64| (v - a) * (v - a);
    let mut s = 0.0;
    for i in 0..x.len() {
        s += dist(x[i]);
    }
    s.sqrt()
}

#[test]
fn t_closure_capture() {
    let x = [0.3, -0.5, 0.8, 1.2];
    let a = 0.25;
    verify(
        "closure_capture",
        &[x[0], x[1], x[2], x[3], a],
        &|p| closure_capture(&p[..4], p[4]),
        &|p| {
            let (v, (mut gx, ga)) = closure_capture_grad(&p[..4], p[4]);
            gx.push(ga);
            (v, gx)
        },
        &|p, t| closure_capture_jvp(&p[..4], p[4], &t[..4], t[4]),
        Some(&|p, t| {
            let (v, (mut gx, ga), (mut hx, ha)) = closure_capture_hvp(&p[..4], p[4], &t[..4], t[4]);
            gx.push(ga);
            hx.push(ha);
            (v, gx, hx)
        }),
        Some(closure_capture_check(&x, a)),
    );
}

/// A multi-statement closure with a branch, called in a loop.
#[differentiable]
fn closure_branchy(x: &[f64], a: f64) -> f64 {
    let act = |v: f64| {
        let z = v * a;
        if z > 0.0 { z } else { 0.01 * z }
    };
    let mut s = 0.0;
    for i in 0..x.len() {
        s += act(x[i]) * act(x[i] + 0.5);
    }
    s
}

#[test]
fn t_closure_branchy() {
    let x = [0.3, -0.45, 0.8, -1.2, 1.7];
    slice_scalar(
        "closure_branchy",
        &[x[0], x[1], x[2], x[3], x[4], 1.3],
        &|c, t| closure_branchy(c, t),
        &|c, t| closure_branchy_grad(c, t),
        &|c, t, dc, dt| closure_branchy_jvp(c, t, dc, dt),
        &|c, t, dc, dt| closure_branchy_hvp(c, t, dc, dt),
        Some(closure_branchy_check(&x, 1.3)),
    );
}

#[differentiable]
fn dot_iter(x: &[f64], y: &[f64]) -> f64 {
    x.iter()
        .zip(y.iter())
        .map(|(a, b)| a * b)
        .sum::<f64>()
        .tanh()
}

#[test]
fn t_dot_iter() {
    let x = [0.3, -0.5, 0.8, 0.2, 0.4, -0.1];
    two_slices(
        "dot_iter",
        &x,
        3,
        &|a, b| dot_iter(a, b),
        &|a, b| dot_iter_grad(a, b),
        &|a, b, c, d| dot_iter_jvp(a, b, c, d),
        &|a, b, c, d| dot_iter_hvp(a, b, c, d),
        Some(dot_iter_check(&x[..3], &x[3..])),
    );
}

#[differentiable]
fn l2_norm(x: &[f64]) -> f64 {
    x.iter().map(|v| v * v).sum::<f64>().sqrt()
}

#[test]
fn t_l2_norm() {
    slice_case!(
        "l2_norm",
        vec![0.3, -0.5, 0.8, 1.2],
        l2_norm,
        l2_norm_grad,
        l2_norm_jvp,
        l2_norm_hvp,
        l2_norm_check
    );
}

/// Enumerate / zip iterator styles.
#[differentiable]
fn weighted_mse(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    x.iter()
        .zip(y.iter())
        .enumerate()
        .map(|(i, (a, b))| (i as f64 + 1.0) * (a - b).powi(2))
        .sum::<f64>()
        / n
}

#[test]
fn t_weighted_mse() {
    let x = [0.3, -0.5, 0.8, 0.2, 0.4, -0.1];
    two_slices(
        "weighted_mse",
        &x,
        3,
        &|a, b| weighted_mse(a, b),
        &|a, b| weighted_mse_grad(a, b),
        &|a, b, c, d| weighted_mse_jvp(a, b, c, d),
        &|a, b, c, d| weighted_mse_hvp(a, b, c, d),
        Some(weighted_mse_check(&x[..3], &x[3..])),
    );
}

/// Mean and variance.
#[differentiable]
fn variance(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let mut v = 0.0;
    for xi in x.iter() {
        v += (xi - mean) * (xi - mean);
    }
    v / (n - 1.0)
}

#[test]
fn t_variance() {
    slice_case!(
        "variance",
        vec![0.3, -0.5, 0.8, 1.2],
        variance,
        variance_grad,
        variance_jvp,
        variance_hvp,
        variance_check
    );
}

/// Generic over the float type.
#[differentiable]
fn softplus_sum<T: Float>(x: &[T]) -> T {
    let mut s = T::zero();
    for i in 0..x.len() {
        s = s + (T::one() + x[i].exp()).ln() * T::from(0.5).unwrap();
    }
    s
}

#[test]
fn t_softplus_sum_generic() {
    slice_case!(
        "softplus_sum",
        vec![0.3, -0.5, 2.8, 1.2],
        softplus_sum,
        softplus_sum_grad,
        softplus_sum_jvp,
        softplus_sum_hvp,
        softplus_sum_check
    );
    let x32 = [0.3f32, -0.5, 2.8, 1.2];
    let (v, g) = softplus_sum_grad::<f32>(&x32);
    assert!((v - softplus_sum(&x32)).abs() < 1e-6);
    for i in 0..4 {
        let want = 0.5 / (1.0 + (-x32[i]).exp());
        assert!(
            (g[i] - want).abs() < 1e-6,
            "f32 grad {i}: {} vs {want}",
            g[i]
        );
    }
}

/// Generic function calling a generic helper.
#[differentiable]
fn gsq<T: Float>(x: T) -> T {
    x * x
}

#[differentiable]
fn generic_energy<T: Float>(x: &[T], k: T) -> T {
    let mut e = T::zero();
    for i in 0..x.len() - 1 {
        e = e + k * gsq(x[i + 1] - x[i]) + T::from(0.1).unwrap() * x[i].sin();
    }
    e / T::from(x.len()).unwrap()
}

#[test]
fn t_generic_energy() {
    let x = [0.3, -0.5, 0.8, 1.2, 1.7];
    let k = 2.5;
    slice_scalar(
        "generic_energy",
        &[x[0], x[1], x[2], x[3], x[4], k],
        &|c, t| generic_energy(c, t),
        &|c, t| generic_energy_grad(c, t),
        &|c, t, dc, dt| generic_energy_jvp(c, t, dc, dt),
        &|c, t, dc, dt| generic_energy_hvp(c, t, dc, dt),
        Some(generic_energy_check(&x, k)),
    );
    let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let (v32, (g32, k32)) = generic_energy_grad::<f32>(&x32, 2.5f32);
    let (v64, (g64, k64)) = generic_energy_grad(&x, k);
    assert!((v32 as f64 - v64).abs() < 1e-5 && (k32 as f64 - k64).abs() < 1e-4);
    for i in 0..5 {
        assert!((g32[i] as f64 - g64[i]).abs() < 1e-4, "f32 grad {i}");
    }
}

/// Fixed-size arrays: norm of a cross product.
#[differentiable]
fn cross_norm(a: [f64; 3], b: &[f64; 3]) -> f64 {
    let c = [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ];
    (c[0] * c[0] + c[1] * c[1] + c[2] * c[2]).sqrt()
}

#[test]
fn t_cross_norm() {
    let x = [0.3, -0.5, 2.8, 1.2, -1.7, 0.9];
    let a3 = |p: &[f64]| [p[0], p[1], p[2]];
    let b3 = |p: &[f64]| [p[3], p[4], p[5]];
    verify(
        "cross_norm",
        &x,
        &|p| cross_norm(a3(p), &b3(p)),
        &|p| {
            let (v, (ga, gb)) = cross_norm_grad(a3(p), &b3(p));
            (v, [ga, gb].concat())
        },
        &|p, t| cross_norm_jvp(a3(p), &b3(p), a3(t), &b3(t)),
        Some(&|p, t| {
            let (v, (ga, gb), (ha, hb)) = cross_norm_hvp(a3(p), &b3(p), a3(t), &b3(t));
            (v, [ga, gb].concat(), [ha, hb].concat())
        }),
        Some(cross_norm_check(a3(&x), &b3(&x))),
    );
}

/// 3×3 determinant of a nested array.
#[differentiable]
fn det3(m: [[f64; 3]; 3]) -> f64 {
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
}

#[test]
fn t_det3() {
    let x = [2.0, -0.5, 0.3, 1.2, 1.7, 0.9, 0.1, 0.4, 3.0];
    let m3 = |p: &[f64]| [[p[0], p[1], p[2]], [p[3], p[4], p[5]], [p[6], p[7], p[8]]];
    let fl = |m: [[f64; 3]; 3]| m.concat();
    verify(
        "det3",
        &x,
        &|p| det3(m3(p)),
        &|p| {
            let (v, g) = det3_grad(m3(p));
            (v, fl(g))
        },
        &|p, t| det3_jvp(m3(p), m3(t)),
        Some(&|p, t| {
            let (v, g, h) = det3_hvp(m3(p), m3(t));
            (v, fl(g), fl(h))
        }),
        None,
    );
}

/// ‖AᵀA‖²_F of a `Vec<Vec<f64>>` matrix, the column count read from its first row.
#[differentiable]
fn gram_frob(a: &Vec<Vec<f64>>) -> f64 {
    let rows = a.len();
    let cols = a[0].len();
    let mut s = 0.0;
    for i in 0..cols {
        for j in 0..cols {
            let mut g = 0.0;
            for k in 0..rows {
                g += a[k][i] * a[k][j];
            }
            s += g * g;
        }
    }
    s
}

#[test]
fn t_gram_frob() {
    let x = [0.3, -0.5, 2.8, 1.2, -1.7, 0.9];
    let mk = |p: &[f64]| vec![p[0..3].to_vec(), p[3..6].to_vec()];
    let fl = |m: Vec<Vec<f64>>| m.concat();
    verify(
        "gram_frob",
        &x,
        &|p| gram_frob(&mk(p)),
        &|p| {
            let (v, g) = gram_frob_grad(&mk(p));
            (v, fl(g))
        },
        &|p, t| gram_frob_jvp(&mk(p), &mk(t)),
        Some(&|p, t| {
            let (v, g, h) = gram_frob_hvp(&mk(p), &mk(t));
            (v, fl(g), fl(h))
        }),
        None,
    );
}

/// Sequence of fixed arrays (points) parameter.
#[differentiable]
fn polygon_perimeter(p: &[[f64; 2]]) -> f64 {
    let n = p.len();
    let mut s = 0.0;
    for i in 0..n {
        let a = p[i];
        let b = p[(i + 1) % n];
        s += (b[0] - a[0]).hypot(b[1] - a[1]);
    }
    s
}

#[test]
fn t_polygon_perimeter() {
    let x = [0.0, 0.0, 1.2, 0.1, 1.0, 0.9, -0.2, 1.1];
    let pts = |p: &[f64]| vec![[p[0], p[1]], [p[2], p[3]], [p[4], p[5]], [p[6], p[7]]];
    verify(
        "polygon_perimeter",
        &x,
        &|p| polygon_perimeter(&pts(p)),
        &|p| {
            let (v, g) = polygon_perimeter_grad(&pts(p));
            (v, g.concat())
        },
        &|p, t| polygon_perimeter_jvp(&pts(p), &pts(t)),
        Some(&|p, t| {
            let (v, g, h) = polygon_perimeter_hvp(&pts(p), &pts(t));
            (v, g.concat(), h.concat())
        }),
        None,
    );
}

/// Array-pattern destructuring of a borrowed fixed array and Option constant.
#[differentiable]
fn patterns(p: &[f64; 3], scale: Option<f64>) -> f64 {
    let [a, b, c] = *p;
    let base = a * b + c.sin();
    if let Some(k) = scale { base * k } else { base }
}

#[test]
fn t_patterns() {
    for scale in [Some(1.7), None] {
        let x = [0.3, -0.5, 0.8];
        verify(
            "patterns",
            &x,
            &|p| patterns(&[p[0], p[1], p[2]], scale),
            &|p| {
                let (v, g) = patterns_grad(&[p[0], p[1], p[2]], scale);
                (v, g.to_vec())
            },
            &|p, t| patterns_jvp(&[p[0], p[1], p[2]], scale, &[t[0], t[1], t[2]]),
            Some(&|p, t| {
                let (v, g, h) = patterns_hvp(&[p[0], p[1], p[2]], scale, &[t[0], t[1], t[2]]);
                (v, g.to_vec(), h.to_vec())
            }),
            Some(patterns_check(&x, scale)),
        );
    }
}
