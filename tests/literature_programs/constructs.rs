//! Ordinary Rust that the literature programs needed and that once failed to compile, each
//! construct on its own and checked in every mode: copies of fixed-size array and `Vec`
//! parameters, writes into a by-value array parameter, rows of a `&Vec<Vec<f64>>` used as
//! values, `[f64; N]` results, and loops over borrowed sub-slices. The programs elsewhere in
//! the suite that use each construct are named in its doc comment.

use crate::harness::*;
use ad_runtime::differentiable;

fn a2(p: &[f64]) -> [f64; 2] {
    [p[0], p[1]]
}

fn a3(p: &[f64]) -> [f64; 3] {
    [p[0], p[1], p[2]]
}

// ---- copies of array and Vec parameters ----------------------------------------------

/// A fixed-size array parameter copied into a local (also `lorenz_rk4`, `lv_rk4`).
#[differentiable]
fn array_copy(s0: [f64; 2]) -> f64 {
    let s = s0;
    s[0] * s[1].sin() + s[0] * s[0]
}

#[test]
fn t_array_copy() {
    let x = [0.7, -1.3];
    verify(
        "array_copy",
        &x,
        &|p| array_copy(a2(p)),
        &|p| {
            let (v, g) = array_copy_grad(a2(p));
            (v, g.to_vec())
        },
        &|p, t| array_copy_jvp(a2(p), a2(t)),
        Some(&|p, t| {
            let (v, g, h) = array_copy_hvp(a2(p), a2(t));
            (v, g.to_vec(), h.to_vec())
        }),
        Some(array_copy_check(x)),
    );
}

/// A mutable copy of a fixed-size array parameter, updated while the parameter is still read.
#[differentiable]
fn array_copy_mut(s0: [f64; 3]) -> f64 {
    let mut s = s0;
    for i in 1..3 {
        s[i] += s[i - 1] * s0[i];
    }
    s[2] * s[0] + s0[1]
}

#[test]
fn t_array_copy_mut() {
    let x = [0.7, -1.3, 0.4];
    verify(
        "array_copy_mut",
        &x,
        &|p| array_copy_mut(a3(p)),
        &|p| {
            let (v, g) = array_copy_mut_grad(a3(p));
            (v, g.to_vec())
        },
        &|p, t| array_copy_mut_jvp(a3(p), a3(t)),
        Some(&|p, t| {
            let (v, g, h) = array_copy_mut_hvp(a3(p), a3(t));
            (v, g.to_vec(), h.to_vec())
        }),
        Some(array_copy_mut_check(x)),
    );
}

/// A borrowed fixed-size array parameter copied into a local with `*`.
#[differentiable]
fn array_deref_copy(s0: &[f64; 2]) -> f64 {
    let s = *s0;
    s[0] * s[1].sin() + s[0] * s[0]
}

#[test]
fn t_array_deref_copy() {
    let x = [0.7, -1.3];
    verify(
        "array_deref_copy",
        &x,
        &|p| array_deref_copy(&a2(p)),
        &|p| {
            let (v, g) = array_deref_copy_grad(&a2(p));
            (v, g.to_vec())
        },
        &|p, t| array_deref_copy_jvp(&a2(p), &a2(t)),
        Some(&|p, t| {
            let (v, g, h) = array_deref_copy_hvp(&a2(p), &a2(t));
            (v, g.to_vec(), h.to_vec())
        }),
        Some(array_deref_copy_check(&x)),
    );
}

/// A by-value `Vec` parameter moved into a local.
#[differentiable]
fn vec_move(s0: Vec<f64>) -> f64 {
    let s = s0;
    s[0] * s[1] + s[2].exp()
}

#[test]
fn t_vec_move() {
    let x = [0.7, -1.3, 0.4];
    verify(
        "vec_move",
        &x,
        &|p| vec_move(p.to_vec()),
        &|p| vec_move_grad(p.to_vec()),
        &|p, t| vec_move_jvp(p.to_vec(), t.to_vec()),
        Some(&|p, t| vec_move_hvp(p.to_vec(), t.to_vec())),
        Some(vec_move_check(x.to_vec())),
    );
}

/// A by-value `Vec` parameter moved into a mutable local and updated in place.
#[differentiable]
fn vec_move_mut(s0: Vec<f64>, k: f64) -> f64 {
    let mut s = s0;
    for i in 1..s.len() {
        s[i] += k * s[i - 1] * s[i - 1];
    }
    s[s.len() - 1]
}

#[test]
fn t_vec_move_mut() {
    let x = [0.7, -1.3, 0.4, 0.9, 0.6];
    verify(
        "vec_move_mut",
        &x,
        &|p| vec_move_mut(p[..4].to_vec(), p[4]),
        &|p| {
            let (v, (mut g, gk)) = vec_move_mut_grad(p[..4].to_vec(), p[4]);
            g.push(gk);
            (v, g)
        },
        &|p, t| vec_move_mut_jvp(p[..4].to_vec(), p[4], t[..4].to_vec(), t[4]),
        Some(&|p, t| {
            let (v, (mut g, gk), (mut h, hk)) =
                vec_move_mut_hvp(p[..4].to_vec(), p[4], t[..4].to_vec(), t[4]);
            g.push(gk);
            h.push(hk);
            (v, g, h)
        }),
        Some(vec_move_mut_check(x[..4].to_vec(), x[4])),
    );
}

// ---- writes into a by-value array parameter ------------------------------------------

/// Writes into a by-value fixed-size array parameter (also `by_value_arr`).
#[differentiable]
fn array_param_write(mut a: [f64; 3]) -> f64 {
    a[0] *= a[1];
    for i in 1..3 {
        a[i] = a[i - 1].sin() + a[i] * a[0];
    }
    a[0] * a[2]
}

#[test]
fn t_array_param_write() {
    let x = [0.7, -1.3, 0.4];
    verify(
        "array_param_write",
        &x,
        &|p| array_param_write(a3(p)),
        &|p| {
            let (v, g) = array_param_write_grad(a3(p));
            (v, g.to_vec())
        },
        &|p, t| array_param_write_jvp(a3(p), a3(t)),
        Some(&|p, t| {
            let (v, g, h) = array_param_write_hvp(a3(p), a3(t));
            (v, g.to_vec(), h.to_vec())
        }),
        Some(array_param_write_check(x)),
    );
}

// ---- rows of a Vec<Vec<f64>> as values ------------------------------------------------

/// Rows of a `&Vec<Vec<f64>>` used as values: a borrowed row and row lengths (also
/// `gram_frob`).
#[differentiable]
fn row_values(a: &Vec<Vec<f64>>) -> f64 {
    let first = &a[0];
    let mut s = 0.0;
    for i in 1..a.len() {
        for j in 0..a[i].len() {
            s += first[j] * a[i][j].sin();
        }
    }
    s * a[0].len() as f64
}

#[test]
fn t_row_values() {
    let x = [0.3, -0.5, 2.8, 1.2, -1.7, 0.9, 0.1, 0.4, -0.6];
    let mk = |p: &[f64]| vec![p[0..3].to_vec(), p[3..6].to_vec(), p[6..9].to_vec()];
    let fl = |m: Vec<Vec<f64>>| m.concat();
    verify(
        "row_values",
        &x,
        &|p| row_values(&mk(p)),
        &|p| {
            let (v, g) = row_values_grad(&mk(p));
            (v, fl(g))
        },
        &|p, t| row_values_jvp(&mk(p), &mk(t)),
        Some(&|p, t| {
            let (v, g, h) = row_values_hvp(&mk(p), &mk(t));
            (v, fl(g), fl(h))
        }),
        None,
    );
}

// ---- [f64; N] results ------------------------------------------------------------------

/// A `[f64; 2]` result (also `lv_rhs`): a rotated point.
#[differentiable]
fn rotate(theta: f64, p: [f64; 2]) -> [f64; 2] {
    let (s, c) = theta.sin_cos();
    [c * p[0] - s * p[1], s * p[0] + c * p[1]]
}

#[test]
fn t_rotate() {
    let x = [0.7, 1.3, -0.4];
    let (val, jac) = rotate_jacobian(x[0], a2(&x[1..]));
    assert_eq!(val, rotate(x[0], a2(&x[1..])));
    assert_eq!(jac.shape(), &[2, 3]);
    verify_vector(
        "rotate",
        &x,
        &|q| rotate(q[0], a2(&q[1..])).to_vec(),
        &|q, t| {
            let (v, dv) = rotate_jvp(q[0], a2(&q[1..]), t[0], a2(&t[1..]));
            (v.to_vec(), dv.to_vec())
        },
        &|q| {
            let (v, j) = rotate_jacobian(q[0], a2(&q[1..]));
            (v.to_vec(), j)
        },
        Some(&|q, w| {
            let (v, (gt, gp)) = rotate_vjp(q[0], a2(&q[1..]), [w[0], w[1]]);
            (v.to_vec(), vec![gt, gp[0], gp[1]])
        }),
    );
}

/// A `[f64; 3]` result from slices: the cross product.
#[differentiable]
fn cross(a: &[f64], b: &[f64]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

#[test]
fn t_cross() {
    let x = [0.3, -0.5, 2.8, 1.2, -1.7, 0.9];
    verify_vector(
        "cross",
        &x,
        &|q| cross(&q[..3], &q[3..]).to_vec(),
        &|q, t| {
            let (v, dv) = cross_jvp(&q[..3], &q[3..], &t[..3], &t[3..]);
            (v.to_vec(), dv.to_vec())
        },
        &|q| {
            let (v, j) = cross_jacobian(&q[..3], &q[3..]);
            (v.to_vec(), j)
        },
        Some(&|q, w| {
            let (v, (ga, gb)) = cross_vjp(&q[..3], &q[3..], [w[0], w[1], w[2]]);
            (v.to_vec(), [ga, gb].concat())
        }),
    );
}

/// A `[f64; 3]` result filled by a loop over a local array.
#[differentiable]
fn cyclic_products(x: &[f64]) -> [f64; 3] {
    let mut out = [0.0; 3];
    for i in 0..3 {
        out[i] = x[i] * x[(i + 1) % 3];
    }
    out
}

#[test]
fn t_cyclic_products() {
    let x = [0.5, 1.5, -2.0];
    let (val, jac) = cyclic_products_jacobian(&x);
    assert_eq!(val, [0.75, -3.0, -1.0]);
    assert_eq!(jac.row(1).to_vec(), vec![0.0, -2.0, 1.5]);
    verify_vector(
        "cyclic_products",
        &x,
        &|q| cyclic_products(q).to_vec(),
        &|q, t| {
            let (v, dv) = cyclic_products_jvp(q, t);
            (v.to_vec(), dv.to_vec())
        },
        &|q| {
            let (v, j) = cyclic_products_jacobian(q);
            (v.to_vec(), j)
        },
        Some(&|q, w| {
            let (v, g) = cyclic_products_vjp(q, [w[0], w[1], w[2]]);
            (v.to_vec(), g)
        }),
    );
}

/// A by-value array parameter written in place and returned.
#[differentiable]
fn scale_first(mut a: [f64; 2]) -> [f64; 2] {
    a[0] *= a[1].sin();
    a
}

#[test]
fn t_scale_first() {
    let x = [0.5, 1.5];
    verify_vector(
        "scale_first",
        &x,
        &|q| scale_first(a2(q)).to_vec(),
        &|q, t| {
            let (v, dv) = scale_first_jvp(a2(q), a2(t));
            (v.to_vec(), dv.to_vec())
        },
        &|q| {
            let (v, j) = scale_first_jacobian(a2(q));
            (v.to_vec(), j)
        },
        Some(&|q, w| {
            let (v, g) = scale_first_vjp(a2(q), [w[0], w[1]]);
            (v.to_vec(), g.to_vec())
        }),
    );
}

/// `[f64; N]` results consumed by a scalar caller, indexed and destructured, so that the
/// gradient and the Hessian–vector product go through them.
#[differentiable]
fn rotated_energy(theta: f64, p: [f64; 2]) -> f64 {
    let [x, y] = rotate(theta, p);
    let q = rotate(0.5 * theta, [x - 0.5 * y, x * y]);
    x * x * y + q[0] * q[1]
}

#[test]
fn t_rotated_energy() {
    let x = [0.7, 1.3, -0.4];
    verify(
        "rotated_energy",
        &x,
        &|q| rotated_energy(q[0], a2(&q[1..])),
        &|q| {
            let (v, (gt, gp)) = rotated_energy_grad(q[0], a2(&q[1..]));
            (v, vec![gt, gp[0], gp[1]])
        },
        &|q, t| rotated_energy_jvp(q[0], a2(&q[1..]), t[0], a2(&t[1..])),
        Some(&|q, t| {
            let (v, (gt, gp), (ht, hp)) = rotated_energy_hvp(q[0], a2(&q[1..]), t[0], a2(&t[1..]));
            (v, vec![gt, gp[0], gp[1]], vec![ht, hp[0], hp[1]])
        }),
        Some(rotated_energy_check(x[0], a2(&x[1..]))),
    );
}

// ---- loops over borrowed sub-slices -----------------------------------------------------

/// `for &v in &x[1..]` (also `softmax_xent`, `running_extremes`).
#[differentiable]
fn tail_loop(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for &v in &x[1..] {
        s += v * v * x[0];
    }
    s
}

#[test]
fn t_tail_loop() {
    slice_case!(
        "tail_loop",
        vec![0.7, -1.3, 0.4, 0.9],
        tail_loop,
        tail_loop_grad,
        tail_loop_jvp,
        tail_loop_hvp,
        tail_loop_check
    );
}

/// `for v in x[1..].iter()`.
#[differentiable]
fn tail_iter(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for v in x[1..].iter() {
        s += v.sin() * x[0] * x[0];
    }
    s
}

#[test]
fn t_tail_iter() {
    slice_case!(
        "tail_iter",
        vec![0.7, -1.3, 0.4, 0.9],
        tail_iter,
        tail_iter_grad,
        tail_iter_jvp,
        tail_iter_hvp,
        tail_iter_check
    );
}

/// Loops over `&x[..a]`, `&x[a..b]` and `&x[a..=b]` (the last two overlap in `x[a..b]`).
#[differentiable]
fn range_loops(x: &[f64], a: usize, b: usize) -> f64 {
    let mut s = 0.0;
    for &v in &x[..a] {
        s += v * v;
    }
    for &v in &x[a..b] {
        s += v.exp() * s;
    }
    for &v in &x[a..=b] {
        s = s * v + 1.0;
    }
    s
}

#[test]
fn t_range_loops() {
    let x = vec![0.7, -1.3, 0.4, 0.9, -0.6, 0.5];
    let (a, b) = (2, 5);
    verify(
        "range_loops",
        &x,
        &|p| range_loops(p, a, b),
        &|p| range_loops_grad(p, a, b),
        &|p, t| range_loops_jvp(p, a, b, t),
        Some(&|p, t| range_loops_hvp(p, a, b, t)),
        Some(range_loops_check(&x, a, b)),
    );
}
