//! Local buffers and by-value parameters: in-place updates, `push`, whole-buffer reassignment,
//! self-referencing element updates, helpers over sub-slices and helpers returning a `Vec`,
//! and `Vec` / fixed-size array parameters taken by value and written in place.

use crate::harness::*;
use ad_runtime::differentiable;

/// In-place mutation of a local buffer.
#[differentiable]
fn inplace(x: &[f64], y: f64) -> f64 {
    let mut v = x.to_vec();
    for i in 0..v.len() {
        v[i] *= y;
    }
    for i in 1..v.len() {
        v[i] += v[i - 1];
    }
    for i in 0..v.len() {
        v[i] = v[i].sin();
        v[i] -= 0.5 * x[i];
        v[i] /= 1.0 + y * y;
    }
    let mut s = 0.0;
    for i in 0..v.len() {
        s += v[i] * v[i];
    }
    s
}

#[test]
fn t_inplace() {
    let x = [0.3, -0.5, 0.8, 0.2];
    let y = 1.7;
    verify(
        "inplace",
        &[x[0], x[1], x[2], x[3], y],
        &|p| inplace(&p[..4], p[4]),
        &|p| {
            let (v, (mut gx, gy)) = inplace_grad(&p[..4], p[4]);
            gx.push(gy);
            (v, gx)
        },
        &|p, t| inplace_jvp(&p[..4], p[4], &t[..4], t[4]),
        Some(&|p, t| {
            let (v, (mut gx, gy), (mut hx, hy)) = inplace_hvp(&p[..4], p[4], &t[..4], t[4]);
            gx.push(gy);
            hx.push(hy);
            (v, gx, hx)
        }),
        Some(inplace_check(&x, y)),
    );
}

/// Buffer built by push.
#[differentiable]
fn pushed(x: &[f64]) -> f64 {
    let mut out = Vec::new();
    for i in 0..x.len() {
        out.push(x[i] * x[i] + 1.0);
    }
    let mut s = 0.0;
    for i in 0..out.len() {
        s += out[i].ln() * x[i];
    }
    s
}

#[test]
fn t_pushed() {
    slice_case!(
        "pushed",
        vec![0.3, -0.5, 0.8, 1.2],
        pushed,
        pushed_grad,
        pushed_jvp,
        pushed_hvp,
        pushed_check
    );
}

/// Reassigning a whole buffer each iteration (`cur = next.clone()`).
#[differentiable]
fn jacobi_clone(x: &[f64]) -> f64 {
    let n = x.len();
    let mut cur = x.to_vec();
    let mut next = vec![0.0; n];
    for _ in 0..4 {
        next[0] = cur[0];
        next[n - 1] = cur[n - 1];
        for i in 1..n - 1 {
            next[i] = 0.25 * cur[i - 1] + 0.5 * cur[i] + 0.25 * cur[i + 1] * cur[i + 1];
        }
        cur = next.clone();
    }
    cur.iter().sum()
}

#[test]
fn t_jacobi_clone() {
    slice_case!(
        "jacobi_clone",
        vec![0.3, -0.5, 0.8, 1.2, 0.4],
        jacobi_clone,
        jacobi_clone_grad,
        jacobi_clone_jvp,
        jacobi_clone_hvp,
        jacobi_clone_check
    );
}

/// Self-referencing element updates.
#[differentiable]
fn self_ref(x: &[f64]) -> f64 {
    let mut v = x.to_vec();
    for i in 0..v.len() {
        v[i] *= v[i];
    }
    for i in 0..v.len() - 1 {
        v[i + 1] += v[i] * 0.5;
    }
    v[0] = v[v.len() - 1] * v[0];
    v.iter().map(|a| a.sin()).sum()
}

#[test]
fn t_self_ref() {
    slice_case!(
        "self_ref",
        vec![0.3, -0.5, 0.8, 1.2],
        self_ref,
        self_ref_grad,
        self_ref_jvp,
        self_ref_hvp,
        self_ref_check
    );
}

/// Helper over a sub-slice and a local buffer.
#[differentiable]
fn sum_sq(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i] * x[i];
    }
    s
}

#[differentiable]
fn subslice_calls(x: &[f64]) -> f64 {
    let mut buf = vec![0.0; x.len()];
    for i in 0..x.len() {
        buf[i] = x[i].exp();
    }
    sum_sq(&x[1..]) * sum_sq(&buf) + sum_sq(&buf[..2])
}

#[test]
fn t_subslice_calls() {
    slice_case!(
        "subslice_calls",
        vec![0.3, -0.5, 0.8, 0.2],
        subslice_calls,
        subslice_calls_grad,
        subslice_calls_jvp,
        subslice_calls_hvp,
        subslice_calls_check
    );
}

/// Helper returning a Vec.
#[differentiable]
fn affine(a: &[f64], x: &[f64], n: usize) -> Vec<f64> {
    let mut y = vec![0.0; n];
    for i in 0..n {
        for j in 0..x.len() {
            y[i] += a[i * x.len() + j] * x[j];
        }
        y[i] = y[i].tanh();
    }
    y
}

#[differentiable]
fn two_layer(a: &[f64], b: &[f64], x: &[f64]) -> f64 {
    let h = affine(a, x, 3);
    let o = affine(b, &h, 2);
    o[0] * o[0] + o[1]
}

#[test]
fn t_two_layer() {
    let a: Vec<f64> = (0..6).map(|i| (i as f64 * 0.7).sin()).collect();
    let b: Vec<f64> = (0..6).map(|i| (i as f64 * 1.3).cos()).collect();
    let xin = [0.4, -0.9];
    let mut x = a.clone();
    x.extend(&b);
    x.extend(xin);
    verify(
        "two_layer",
        &x,
        &|p| two_layer(&p[..6], &p[6..12], &p[12..]),
        &|p| {
            let (v, (ga, gb, gx)) = two_layer_grad(&p[..6], &p[6..12], &p[12..]);
            (v, [ga, gb, gx].concat())
        },
        &|p, t| two_layer_jvp(&p[..6], &p[6..12], &p[12..], &t[..6], &t[6..12], &t[12..]),
        Some(&|p, t| {
            let (v, (ga, gb, gx), (ha, hb, hx)) =
                two_layer_hvp(&p[..6], &p[6..12], &p[12..], &t[..6], &t[6..12], &t[12..]);
            (v, [ga, gb, gx].concat(), [ha, hb, hx].concat())
        }),
        Some(two_layer_check(&a, &b, &xin)),
    );
}

/// By-value Vec parameter mutated in place.
#[differentiable]
fn by_value_vec(mut v: Vec<f64>, s: f64) -> f64 {
    for i in 0..v.len() {
        v[i] = v[i] * s + (i as f64) * 0.1;
    }
    let mut acc = 0.0;
    for i in 0..v.len() {
        acc += v[i].sin() * v[i];
    }
    acc
}

#[test]
fn t_by_value_vec() {
    let x = [0.3, -0.5, 0.8, 1.2, 1.7];
    verify(
        "by_value_vec",
        &x,
        &|p| by_value_vec(p[..4].to_vec(), p[4]),
        &|p| {
            let (v, (mut g, gs)) = by_value_vec_grad(p[..4].to_vec(), p[4]);
            g.push(gs);
            (v, g)
        },
        &|p, t| by_value_vec_jvp(p[..4].to_vec(), p[4], t[..4].to_vec(), t[4]),
        Some(&|p, t| {
            let (v, (mut g, gs), (mut h, hs)) =
                by_value_vec_hvp(p[..4].to_vec(), p[4], t[..4].to_vec(), t[4]);
            g.push(gs);
            h.push(hs);
            (v, g, h)
        }),
        Some(by_value_vec_check(x[..4].to_vec(), x[4])),
    );
}

/// By-value fixed array parameter mutated in place.
#[differentiable]
fn by_value_arr(mut a: [f64; 3], s: f64) -> f64 {
    a[0] *= s;
    a[1] += a[0] * a[2];
    a[2] = a[1].exp() - s;
    a[0] + a[1] * a[2]
}

#[test]
fn t_by_value_arr() {
    let x = [0.3, -0.5, 0.8, 1.2];
    let a3 = |p: &[f64]| [p[0], p[1], p[2]];
    verify(
        "by_value_arr",
        &x,
        &|p| by_value_arr(a3(p), p[3]),
        &|p| {
            let (v, (g, gs)) = by_value_arr_grad(a3(p), p[3]);
            (v, vec![g[0], g[1], g[2], gs])
        },
        &|p, t| by_value_arr_jvp(a3(p), p[3], a3(t), t[3]),
        Some(&|p, t| {
            let (v, (g, gs), (h, hs)) = by_value_arr_hvp(a3(p), p[3], a3(t), t[3]);
            (v, vec![g[0], g[1], g[2], gs], vec![h[0], h[1], h[2], hs])
        }),
        Some(by_value_arr_check(a3(&x), x[3])),
    );
}
