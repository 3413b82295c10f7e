//! Forward mode (`f_jvp`): every construct of the scalar/slice language, checked against the
//! reverse mode's gradient (jvp = grad · v) and against central finite differences along v.

#![allow(clippy::needless_range_loop)]

mod common;

use ad_runtime::differentiable;
use common::{Rng, assert_close};

/// Central difference of `f` at `x` along `v`.
fn fd_dir(f: impl Fn(&[f64]) -> f64, x: &[f64], v: &[f64]) -> f64 {
    let h = 1e-6;
    let p: Vec<f64> = x.iter().zip(v).map(|(a, b)| a + h * b).collect();
    let m: Vec<f64> = x.iter().zip(v).map(|(a, b)| a - h * b).collect();
    (f(&p) - f(&m)) / (2.0 * h)
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[differentiable]
fn scalar_mix(x: f64, y: f64) -> f64 {
    let a = x * y + x.sin() - y / (1.0 + x * x);
    let b = f64::exp(a * 0.3).ln_1p() + x.powi(3) - y.powf(1.5) + x.atan2(y);
    let c = a.max(b) * x.hypot(y) + b.tanh() * x.mul_add(y, 0.5) + (x - y).abs();
    c + x.clamp(-0.5, 0.8) * y.sqrt() + (-x).exp2() % 3.0
}

#[test]
fn scalar_operations() {
    let mut rng = Rng::new(7);
    for _ in 0..6 {
        let (x, y) = (rng.uniform(-1.2, 1.2), rng.uniform(0.3, 2.0));
        let (dx, dy) = (rng.signed(0.2, 1.0), rng.signed(0.2, 1.0));
        let (v, t) = scalar_mix_jvp(x, y, dx, dy);
        assert_eq!(v, scalar_mix(x, y));
        let (_, (gx, gy)) = scalar_mix_grad(x, y);
        assert_close(&[t], &[gx * dx + gy * dy], "jvp = grad . v");
        let fd = fd_dir(|p| scalar_mix(p[0], p[1]), &[x, y], &[dx, dy]);
        common::assert_close_tol(&[t], &[fd], 1e-5, "jvp = finite differences");
    }
}

#[differentiable]
fn rosen(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

#[differentiable]
fn control(x: &[f64], w: f64, n: usize) -> f64 {
    // Local buffers, element writes, pushes, branches, while/loop, break/continue, early exit.
    let mut buf = vec![0.0; x.len()];
    for i in 0..x.len() {
        buf[i] = x[i] * w;
        if buf[i] > 0.5 {
            buf[i] = buf[i].sin();
        } else if i % 2 == 0 {
            buf[i] += w * w;
        }
    }
    let mut pushed = Vec::new();
    for (i, &v) in x.iter().enumerate() {
        if i == n {
            continue;
        }
        pushed.push(v * v + w);
    }
    let mut s = 0.0;
    let mut k = 0;
    while k < pushed.len() {
        s += pushed[k] * buf[k % buf.len()];
        k += 1;
    }
    let mut m = 1.0;
    loop {
        m *= 0.5 + w.cos() * 0.1;
        if m < 0.2 {
            break;
        }
    }
    if n > 10 {
        return s * m;
    }
    for j in (0..x.len()).rev().step_by(2) {
        s -= x[j] * m;
    }
    s + m
}

#[differentiable]
fn helper(a: f64, xs: &[f64]) -> f64 {
    a * xs[0] + xs[xs.len() - 1].cos()
}

#[differentiable(wrt(x))]
fn only_x(x: f64, c: f64) -> f64 {
    x * c
}

#[differentiable]
fn depth(x: f64, k: usize) -> f64 {
    if k == 0 {
        x.sin()
    } else {
        depth(x * 1.1, k - 1) + x
    }
}

#[differentiable]
fn calls(x: &[f64], w: f64) -> f64 {
    let mut local = vec![0.0; 3];
    local[0] = w;
    local[1] = 2.0 * w;
    local[2] = w * w;
    helper(w, x)
        + helper(x[1], &local)
        + helper(2.0, &x[1..])
        + only_x(w, 3.0)
        + depth(w, 3)
        + x.iter().sum::<f64>()
        + x.iter().map(|v| v * v).sum::<f64>()
}

fn check_slice(
    what: &str,
    f: impl Fn(&[f64], f64) -> f64,
    jvp: impl Fn(&[f64], f64, &[f64], f64) -> (f64, f64),
    grad: impl Fn(&[f64], f64) -> (f64, (Vec<f64>, f64)),
) {
    let mut rng = Rng::new(11);
    for _ in 0..4 {
        let x: Vec<f64> = (0..5).map(|_| rng.uniform(-1.0, 1.0)).collect();
        let w = rng.uniform(0.2, 0.9);
        let dx: Vec<f64> = (0..5).map(|_| rng.signed(0.1, 1.0)).collect();
        let dw = rng.signed(0.1, 1.0);
        let (v, t) = jvp(&x, w, &dx, dw);
        assert_eq!(v, f(&x, w), "{what}: value");
        let (_, (gx, gw)) = grad(&x, w);
        assert_close(
            &[t],
            &[dot(&gx, &dx) + gw * dw],
            &format!("{what}: jvp = grad . v"),
        );
        let mut p = x.clone();
        p.push(w);
        let mut dir = dx.clone();
        dir.push(dw);
        let fd = fd_dir(|q| f(&q[..5], q[5]), &p, &dir);
        common::assert_close_tol(&[t], &[fd], 1e-5, &format!("{what}: finite differences"));
    }
}

#[test]
fn slices_loops_branches_and_calls() {
    let mut rng = Rng::new(3);
    let x: Vec<f64> = (0..6).map(|_| rng.uniform(-1.0, 1.5)).collect();
    let dx: Vec<f64> = (0..6).map(|_| rng.signed(0.1, 1.0)).collect();
    let (v, t) = rosen_jvp(&x, &dx);
    assert_eq!(v, rosen(&x));
    let (_, g) = rosen_grad(&x);
    assert_close(&[t], &[dot(&g, &dx)], "rosenbrock");

    for n in [1, 3, 20] {
        check_slice(
            &format!("control n = {n}"),
            |x, w| control(x, w, n),
            |x, w, dx, dw| control_jvp(x, w, n, dx, dw),
            |x, w| control_grad(x, w, n),
        );
    }
    check_slice("calls", calls, calls_jvp, calls_grad);
}

#[differentiable]
fn single_precision(x: f32, v: &[f32]) -> f32 {
    let mut s = x;
    for i in 0..v.len() {
        s = s * v[i] + x.sin();
    }
    s
}

#[differentiable]
fn vec_result(x: &[f64], a: f64) -> Vec<f64> {
    let mut out = Vec::new();
    for i in 0..x.len() {
        out.push(x[i] * a + x[i].exp());
    }
    out
}

#[test]
fn f32_and_vector_results() {
    let v = [0.5f32, -1.25, 0.75];
    let (y, t) = single_precision_jvp(0.3, &v, 1.0, &[0.0, 0.5, -1.0]);
    assert_eq!(y, single_precision(0.3, &v));
    let (_, (gx, gv)) = single_precision_grad(0.3, &v);
    let want = gx + gv[1] * 0.5 - gv[2];
    assert!(
        (t - want).abs() < 1e-5 * want.abs().max(1.0),
        "{t} vs {want}"
    );

    let x = [0.2, -0.4, 1.1];
    let (y, t) = vec_result_jvp(&x, 1.5, &[1.0, 0.0, -2.0], 0.5);
    assert_eq!(y, vec_result(&x, 1.5));
    let want: Vec<f64> = x
        .iter()
        .zip([1.0, 0.0, -2.0])
        .map(|(xi, di)| di * (1.5 + xi.exp()) + 0.5 * xi)
        .collect();
    assert_close(&t, &want, "Vec result");
}

// ---------------------------------------------------------------------------------------------
// Jacobians: forward passes when there are fewer inputs than outputs, reverse passes otherwise.
// ---------------------------------------------------------------------------------------------

/// R^1 -> R^4 written with element writes.
#[differentiable]
fn tall(t: f64) -> Vec<f64> {
    let mut out = vec![0.0; 4];
    out[0] = t.sin();
    out[1] = t.cos();
    out[2] = t * t;
    out[3] = 1.0;
    out
}

/// R^(3+1) -> R^2 (wide: two reverse passes).
#[differentiable]
fn wide(x: &[f64], s: f64) -> (f64, f64) {
    let a = x[0] * x[1] + s * x[2];
    let b = (x[0] - x[2]).exp() * s;
    (a, b)
}

/// R^3 -> R^3, square (forward, n <= m).
#[differentiable]
fn square(x: [f64; 3]) -> Vec<f64> {
    let mut y = vec![0.0; 3];
    y[0] = x[0] * x[1];
    y[1] = x[1].sin() + x[2];
    y[2] = x[0] * x[2] * x[2];
    y
}

#[test]
fn jacobians_of_tall_wide_and_square_functions() {
    let t = 0.7;
    let (v, j) = tall_jacobian(t);
    assert_eq!(v, tall(t));
    assert_eq!(j.dim(), (4, 1));
    assert_close(
        j.as_slice().unwrap(),
        &[t.cos(), -t.sin(), 2.0 * t, 0.0],
        "tall",
    );

    let x = [0.5, -1.5, 0.25];
    let s = 1.3;
    let (v, j) = wide_jacobian(&x, s);
    assert_eq!(v, wide(&x, s));
    assert_eq!(j.dim(), (2, 4));
    let e = (x[0] - x[2]).exp();
    let want = [
        x[1],
        x[0],
        s,
        x[2], // d a / d (x0, x1, x2, s)
        e * s,
        0.0,
        -e * s,
        e, // d b
    ];
    assert_close(j.as_slice().unwrap(), &want, "wide");

    let x = [0.3, 1.1, -0.8];
    let (v, j) = square_jacobian(x);
    assert_eq!(v, square(x));
    let want = [
        x[1],
        x[0],
        0.0,
        0.0,
        x[1].cos(),
        1.0,
        x[2] * x[2],
        0.0,
        2.0 * x[0] * x[2],
    ];
    assert_close(j.as_slice().unwrap(), &want, "square");
}

#[differentiable]
fn loop_over_slice(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for v in x {
        s += v * v;
    }
    for &v in x.iter() {
        s += v.sin();
    }
    for (i, v) in x.iter().enumerate() {
        s += v * i as f64;
    }
    s
}

#[test]
fn loops_over_differentiated_slices() {
    let x = [1.0, 2.0, 3.0];
    let d = [1.0, -0.5, 0.25];
    let (v, t) = loop_over_slice_jvp(&x, &d);
    assert_eq!(v, loop_over_slice(&x));
    let (_, g) = loop_over_slice_grad(&x);
    assert_close(&[t], &[dot(&g, &d)], "loops over a slice");
}

#[differentiable]
fn tup(x: f64, n: usize) -> f64 {
    let (a, b) = if n > 1 { (x.sin(), x * 2.0) } else { (x, 1.0) };
    let k = (x * 3.0) as usize;
    let c = match n {
        0 => x,
        1 | 2 => x * x,
        _ => 1.0,
    };
    let t = (a, b);
    a * b + k as f64 * x + c + t.0 * t.1
}
#[differentiable]
fn ret_tuple(x: f64, y: &[f64]) -> (f64, Vec<f64>) {
    let mut v = y.to_vec();
    v[0] *= x;
    (x * y[1], v)
}
/// Deferred tuples, casts to integers, `match` values; a tuple result holding a `to_vec` copy.
#[test]
fn tuples_casts_and_copies() {
    for n in 0..4 {
        let (v, d) = tup_jvp(0.7, n, 1.0);
        let (_, g) = tup_grad(0.7, n);
        assert_eq!(v, tup(0.7, n));
        assert!((d - g).abs() < 1e-12);
    }
    let (v, (d0, d1)) = ret_tuple_jvp(2.0, &[1.0, 3.0], 1.0, &[0.5, 0.0]);
    assert_eq!(v, ret_tuple(2.0, &[1.0, 3.0]));
    assert_eq!(d0, 3.0);
    assert_eq!(d1, vec![1.0 + 2.0 * 0.5, 0.0]);
}

#[differentiable]
fn uses_sin_cos(x: f64) -> f64 {
    let (s, c) = x.sin_cos();
    s * 3.0 - c * c
}

#[test]
fn sin_cos_in_forward_mode() {
    for x in [-1.1, 0.3, 2.0] {
        let (v, t) = uses_sin_cos_jvp(x, 1.0);
        assert_eq!(v, uses_sin_cos(x));
        assert_close(&[t], &[3.0 * x.cos() + 2.0 * x.cos() * x.sin()], "sin_cos");
    }
}

// ---- forward mode calling into a function it takes through dual numbers ------------------

#[differentiable]
fn array_inner(xs: &[f64], k: f64) -> f64 {
    let a = ad_runtime::ndarray::Array1::from_vec(xs.to_vec());
    (a.mapv(f64::tanh) * k).sum() + a.dot(&a) * 0.5
}

#[differentiable]
fn scalar_outer(x: f64, xs: &[f64]) -> f64 {
    let mut s = x.sin();
    for i in 0..xs.len() {
        s += xs[i] * x;
    }
    s * array_inner(xs, x * 2.0)
}

#[test]
fn forward_calls_into_array_functions() {
    let xs = [0.3, -0.7, 1.1];
    let x = 0.4;
    let (v, (gx, gxs)) = scalar_outer_grad(x, &xs);
    let fd = common::fd_grad(|z| scalar_outer(z[0], &z[1..]), &[x, xs[0], xs[1], xs[2]]);
    let mut g = vec![gx];
    g.extend(&gxs);
    common::assert_close(&g, &fd, "gradient");
    let dxs = [0.5, 0.1, -0.2];
    let (vj, t) = scalar_outer_jvp(x, &xs, -0.3, &dxs);
    assert_eq!(vj, v);
    let want = -0.3 * gx + gxs.iter().zip(&dxs).map(|(a, b)| a * b).sum::<f64>();
    common::assert_close(&[t], &[want], "jvp = grad . v through an array function");
}

/// A slice tangent of another length than its primal is a usage error, reported at the call
/// with a message, not an index panic somewhere inside or extra entries silently ignored.
#[test]
#[should_panic(expected = "a tangent must have its primal's length")]
fn tangent_of_the_wrong_length_panics() {
    let x = [1.0, 2.0, 3.0];
    let _ = rosen_jvp(&x, &[1.0, 0.0]);
}

#[differentiable]
fn by_ref_scalar(x: &f64) -> f64 {
    x * 2.0 + x.exp()
}

/// `&f64` parameters, read by auto-deref in arithmetic and methods and passed on by reference.
#[differentiable]
fn ref_scalars(x: &f64, y: f64) -> f64 {
    let a = x + 1.0;
    let b = 3.0 * x;
    let c = by_ref_scalar(x) + by_ref_scalar(&y);
    a * b + c + x.powi(2) + (x - y) * (y - x)
}

#[test]
fn scalar_parameters_by_reference() {
    let (x, y) = (0.7_f64, 2.0_f64);
    // f = 3x(x + 1) + 2x + eˣ + 2y + eʸ + x² − (x − y)².
    let gx = 6.0 * x + 3.0 + 2.0 + x.exp() + 2.0 * x - 2.0 * (x - y);
    let gy = 2.0 + y.exp() + 2.0 * (x - y);
    let (_, (dx, dy)) = ref_scalars_grad(&x, y);
    assert_close(&[dx, dy], &[gx, gy], "gradient");
    let (_, t) = ref_scalars_jvp(&x, y, &1.0, 0.5);
    assert_close(&[t], &[gx + 0.5 * gy], "jvp");
    let (_, _, (hx, hy)) = ref_scalars_hvp(&x, y, &1.0, 0.0);
    assert_close(&[hx, hy], &[6.0 + x.exp(), 2.0], "H e_x");
}

/// `vᵀ M v` over a borrowed fixed-size matrix.
#[differentiable]
fn quadratic_form(m: &[[f64; 3]; 3], v: &[f64; 3]) -> f64 {
    let mut s = 0.0;
    for i in 0..3 {
        for j in 0..3 {
            s += m[i][j] * v[i] * v[j];
        }
    }
    s
}

/// A sub-slice of a local copied out (`y[1..3].to_vec()`).
#[differentiable]
fn local_sub_slice(x: &[f64]) -> f64 {
    let y: Vec<f64> = x.iter().map(|v| v * 2.0).collect();
    let z = y[1..3].to_vec();
    z[0] * z[1] + z.iter().sum::<f64>()
}

#[test]
fn borrowed_matrices_and_local_sub_slices() {
    let m = [[1.0, 2.0, 0.5], [0.3, -1.0, 2.0], [0.1, 0.2, 0.3]];
    let v = [0.5, -0.2, 1.5];
    let (dm, dv) = (
        [[0.2, -0.1, 0.0], [1.0, 0.5, -0.5], [0.3, 0.0, 0.7]],
        [1.0, 0.25, -0.5],
    );
    let (s, (gm, gv)) = quadratic_form_grad(&m, &v);
    // ∂/∂M = v vᵀ, ∂/∂v = (M + Mᵀ) v.
    for i in 0..3 {
        for j in 0..3 {
            assert_close(&[gm[i][j]], &[v[i] * v[j]], "d/dM");
        }
        let want: f64 = (0..3).map(|j| (m[i][j] + m[j][i]) * v[j]).sum();
        assert_close(&[gv[i]], &[want], "d/dv");
    }
    let (s2, t) = quadratic_form_jvp(&m, &v, &dm, &dv);
    assert_eq!(s, s2);
    let gdot: f64 = (0..3)
        .map(|i| (0..3).map(|j| gm[i][j] * dm[i][j]).sum::<f64>() + gv[i] * dv[i])
        .sum();
    assert_close(&[t], &[gdot], "jvp = grad · v");

    let x = [1.0, 2.0, 3.0, 4.0];
    // f = 4 x1 x2 + 2 x1 + 2 x2.
    let (y, g) = local_sub_slice_grad(&x);
    assert_close(&[y], &[4.0 * x[1] * x[2] + 2.0 * (x[1] + x[2])], "value");
    assert_close(
        &g,
        &[0.0, 4.0 * x[2] + 2.0, 4.0 * x[1] + 2.0, 0.0],
        "gradient",
    );
    let d = [0.5, 1.0, -1.0, 2.0];
    let (_, t) = local_sub_slice_jvp(&x, &d);
    assert_close(&[t], &[dot(&g, &d)], "jvp");
    let (_, _, h) = local_sub_slice_hvp(&x, &d);
    assert_close(&h, &[0.0, 4.0 * d[2], 4.0 * d[1], 0.0], "H d");
}

/// A tuple holding a constant `Vec` next to a differentiated value (`2 x0 x1`).
#[differentiable]
fn tuple_with_constant_vec(x: &[f64]) -> f64 {
    let base = vec![1.0, 2.0];
    let t = (x[0] * x[1], base);
    let (a, b) = t;
    a * b[1]
}

#[test]
fn tuples_moving_constant_sequences() {
    let x = [0.5, -0.3];
    let (_, t) = tuple_with_constant_vec_jvp(&x, &[1.0, 2.0]);
    assert_close(&[t], &[2.0 * x[1] + 2.0 * 2.0 * x[0]], "jvp");
    assert_close(
        &tuple_with_constant_vec_grad(&x).1,
        &[2.0 * x[1], 2.0 * x[0]],
        "gradient",
    );
}
