//! Constructs that programs written in the style of the AD literature use (sorting networks,
//! double-buffered stencils, recurrences, small ODE right-hand sides, matrices as rows), each
//! first found to fail to compile and now taken by the macro: copies and writes of array and
//! `Vec` parameters, rows of `Vec<Vec<f64>>` as values, `[f64; N]` results, loops over
//! borrowed sub-slices, `xs.swap(i, j)`, `std::mem::swap`, destructuring assignment and
//! `zip` with a bare slice, `let y;` assigned later, `if let Some(v) = xs.get(i)`. Each is checked against central differences (`_grad`), the
//! gradient (`_jvp` = grad · v) and differences of the gradient (`_hvp`).

mod common;

use ad_runtime::differentiable;
use common::{Rng, assert_close, assert_close_tol, assert_fd, assert_near, fd_grad};

/// `grad · v`.
fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Central differences of a gradient along `v` (for `H v`).
fn fd_hv(grad: impl Fn(&[f64]) -> Vec<f64>, x: &[f64], v: &[f64]) -> Vec<f64> {
    let h = 1e-5;
    let at = |s: f64| -> Vec<f64> {
        let p: Vec<f64> = x.iter().zip(v).map(|(a, b)| a + s * h * b).collect();
        grad(&p)
    };
    let (p, m) = (at(1.0), at(-1.0));
    p.iter().zip(&m).map(|(a, b)| (a - b) / (2.0 * h)).collect()
}

#[differentiable]
fn copy_array_param(s0: [f64; 3]) -> f64 {
    let s = s0;
    s[0] * s[1] + s[2].sin() * s[0]
}

#[differentiable]
fn copy_array_ref_param(s0: &[f64; 3]) -> f64 {
    let s = *s0;
    s[0] * s[1] + s[2].sin() * s[0]
}

#[differentiable]
fn write_array_param(mut a: [f64; 3]) -> f64 {
    a[0] *= a[1];
    a[2] = a[0] + a[2] * a[2];
    a[0] * a[2]
}

#[differentiable]
fn move_vec_param(s0: Vec<f64>) -> f64 {
    let s = s0;
    s[0] * s[1] + s[2].exp()
}

#[test]
fn array_and_vec_parameters() {
    let mut rng = Rng::new(41);
    for _ in 0..4 {
        let x: Vec<f64> = (0..3).map(|_| rng.signed(0.3, 1.5)).collect();
        let a = [x[0], x[1], x[2]];
        let v: Vec<f64> = (0..3).map(|_| rng.signed(0.1, 1.0)).collect();
        let va = [v[0], v[1], v[2]];

        let (y, g) = copy_array_param_grad(a);
        assert_near(y, copy_array_param(a), "copy value");
        assert_fd(|p| copy_array_param([p[0], p[1], p[2]]), &x, &g, "copy");
        assert_near(copy_array_param_jvp(a, va).1, dot(&g, &v), "copy jvp");
        let hv = copy_array_param_hvp(a, va).2;
        let fd = fd_hv(
            |p| copy_array_param_grad([p[0], p[1], p[2]]).1.to_vec(),
            &x,
            &v,
        );
        assert_close_tol(&hv, &fd, 1e-5, "copy hvp");

        let (y, g) = copy_array_ref_param_grad(&a);
        assert_near(y, copy_array_ref_param(&a), "deref copy value");
        assert_fd(
            |p| copy_array_ref_param(&[p[0], p[1], p[2]]),
            &x,
            &g,
            "deref copy",
        );
        assert_near(
            copy_array_ref_param_jvp(&a, &va).1,
            dot(&g, &v),
            "deref copy jvp",
        );

        let (y, g) = write_array_param_grad(a);
        assert_near(y, write_array_param(a), "write value");
        assert_fd(|p| write_array_param([p[0], p[1], p[2]]), &x, &g, "write");
        assert_near(write_array_param_jvp(a, va).1, dot(&g, &v), "write jvp");
        let hv = write_array_param_hvp(a, va).2;
        let fd = fd_hv(
            |p| write_array_param_grad([p[0], p[1], p[2]]).1.to_vec(),
            &x,
            &v,
        );
        assert_close_tol(&hv, &fd, 1e-5, "write hvp");

        let (y, g) = move_vec_param_grad(x.clone());
        assert_near(y, move_vec_param(x.clone()), "move value");
        assert_fd(|p| move_vec_param(p.to_vec()), &x, &g, "move");
        assert_near(
            move_vec_param_jvp(x.clone(), v.clone()).1,
            dot(&g, &v),
            "move jvp",
        );
        let hv = move_vec_param_hvp(x.clone(), v.clone()).2;
        let fd = fd_hv(|p| move_vec_param_grad(p.to_vec()).1, &x, &v);
        assert_close_tol(&hv, &fd, 1e-5, "move hvp");
    }
}

/// A matrix as rows: a row as a value (`a[0].len()`, `&a[i]`).
#[differentiable]
fn rows_as_values(a: &Vec<Vec<f64>>) -> f64 {
    let cols = a[0].len();
    let mut s = 0.0;
    for i in 0..a.len() {
        let r = &a[i];
        for j in 0..cols {
            s += r[j] * r[j] * (i + 1) as f64;
        }
    }
    s * a[1][0]
}

#[test]
fn rows_of_a_vec_of_vecs() {
    let a = vec![vec![0.5, -1.2, 0.3], vec![1.1, 0.4, -0.7]];
    let flat: Vec<f64> = a.iter().flatten().copied().collect();
    let rows = |p: &[f64]| vec![p[0..3].to_vec(), p[3..6].to_vec()];
    let (y, g) = rows_as_values_grad(&a);
    assert_near(y, rows_as_values(&a), "value");
    let g: Vec<f64> = g.iter().flatten().copied().collect();
    assert_fd(|p| rows_as_values(&rows(p)), &flat, &g, "rows");
    let v = [0.3, -0.1, 0.2, 0.5, -0.4, 0.1];
    assert_near(rows_as_values_jvp(&a, &rows(&v)).1, dot(&g, &v), "rows jvp");
    let hv: Vec<f64> = rows_as_values_hvp(&a, &rows(&v))
        .2
        .into_iter()
        .flatten()
        .collect();
    let fd = fd_hv(
        |p| {
            rows_as_values_grad(&rows(p))
                .1
                .into_iter()
                .flatten()
                .collect()
        },
        &flat,
        &v,
    );
    assert_close_tol(&hv, &fd, 1e-5, "rows hvp");
}

/// The right-hand side of Lotka–Volterra as a fixed-size array.
#[differentiable]
fn lotka_volterra(u: [f64; 2], p: &[f64]) -> [f64; 2] {
    [
        p[0] * u[0] - p[1] * u[0] * u[1],
        p[3] * u[0] * u[1] - p[2] * u[1],
    ]
}

#[test]
fn array_results() {
    let (u, p) = ([1.3, 0.7], [1.1, 0.4, 0.9, 0.3]);
    let y = lotka_volterra(u, &p);
    // Column j of the Jacobian by differences, against `_jvp` along the unit vectors and
    // against `_jacobian`.
    let all = |x: &[f64]| lotka_volterra([x[0], x[1]], &x[2..]);
    let x0: Vec<f64> = u.iter().chain(&p).copied().collect();
    let (_, jac) = lotka_volterra_jacobian(u, &p);
    assert_eq!(jac.dim(), (2, 6));
    for j in 0..6 {
        let h = 1e-6;
        let (mut a, mut b) = (x0.clone(), x0.clone());
        a[j] += h;
        b[j] -= h;
        let (ya, yb) = (all(&a), all(&b));
        let col = [(ya[0] - yb[0]) / (2.0 * h), (ya[1] - yb[1]) / (2.0 * h)];
        let mut e = [0.0; 6];
        e[j] = 1.0;
        let (yv, t) = lotka_volterra_jvp(u, &p, [e[0], e[1]], &e[2..]);
        assert_eq!(yv, y);
        assert_close(&t, &col, "jvp column");
        assert_close(&[jac[[0, j]], jac[[1, j]]], &col, "jacobian column");
    }
    // `_vjp` with a seed: wᵀ J.
    let w = [0.6, -1.4];
    let (yv, (du, dp)) = lotka_volterra_vjp(u, &p, w);
    assert_eq!(yv, y);
    let wj: Vec<f64> = (0..6)
        .map(|j| w[0] * jac[[0, j]] + w[1] * jac[[1, j]])
        .collect();
    let got: Vec<f64> = du.iter().chain(&dp).copied().collect();
    assert_close(&got, &wj, "vjp");
}

#[differentiable]
fn sub_slices(x: &[f64], k: usize) -> f64 {
    let mut s = 0.0;
    for &v in &x[1..] {
        s += v * v;
    }
    for v in x[..k].iter() {
        s += v.sin() * x[0];
    }
    for &v in &x[1..=k] {
        s *= 1.0 + 0.1 * v;
    }
    let tail = &x[2..];
    for &v in tail {
        s += v * x[1];
    }
    s
}

#[test]
fn loops_over_sub_slices() {
    let x = [0.4, -1.1, 0.8, 1.7, -0.2];
    let (y, g) = sub_slices_grad(&x, 3);
    assert_near(y, sub_slices(&x, 3), "value");
    assert_fd(|p| sub_slices(p, 3), &x, &g, "sub-slices");
    let v = [0.2, 0.5, -0.3, 0.1, 0.4];
    assert_near(sub_slices_jvp(&x, 3, &v).1, dot(&g, &v), "sub-slices jvp");
    let hv = sub_slices_hvp(&x, 3, &v).2;
    assert_close_tol(
        &hv,
        &fd_hv(|p| sub_slices_grad(p, 3).1, &x, &v),
        1e-5,
        "hvp",
    );
}

/// A bubble sort, then a weighted sum: a sorting network of compare-and-swap steps.
#[differentiable]
fn bubble_sorted(x: &[f64]) -> f64 {
    let mut v = x.to_vec();
    let n = v.len();
    for i in 0..n {
        for j in 0..n - 1 - i {
            if v[j] > v[j + 1] {
                v.swap(j, j + 1);
            }
        }
    }
    let mut s = 0.0;
    for i in 0..n {
        s += v[i] * v[i] * (i as f64 + 1.0);
    }
    s
}

/// A three-point stencil applied three times between two buffers swapped with
/// `std::mem::swap`.
#[differentiable]
fn double_buffered(x: &[f64]) -> f64 {
    let n = x.len();
    let mut a = vec![0.0; n];
    let mut b = x.to_vec();
    for _ in 0..3 {
        for i in 0..n {
            a[i] = 0.5 * (b[i] + b[(i + 1) % n]) * b[i];
        }
        std::mem::swap(&mut a, &mut b);
    }
    let mut p = b[0];
    let mut q = b[1] * 2.0;
    core::mem::swap(&mut p, &mut q);
    b.iter().sum::<f64>() + p * q.exp()
}

/// A recurrence by destructuring assignment, and a dot product by `zip` with a bare slice.
#[differentiable]
fn recurrence(x: &[f64], y: &[f64]) -> f64 {
    let (mut a, mut b) = (x[0], y[0]);
    for _ in 0..5 {
        (a, b) = (b, a + b * 0.5);
    }
    [a, b] = [b * a, a];
    a * b + x.iter().zip(y).map(|(u, w)| u * w * u).sum::<f64>()
}

/// The gradient against differences, `_jvp` against `grad · v`, `_hvp` against differences
/// of the gradient.
#[allow(clippy::too_many_arguments)]
fn every_mode(
    name: &str,
    x: &[f64],
    v: &[f64],
    f: fn(&[f64]) -> f64,
    grad: fn(&[f64]) -> Vec<f64>,
    jvp: fn(&[f64], &[f64]) -> f64,
    hvp: fn(&[f64], &[f64]) -> Vec<f64>,
) {
    let g = grad(x);
    assert_fd(f, x, &g, name);
    assert_near(jvp(x, v), dot(&g, v), name);
    assert_close_tol(&hvp(x, v), &fd_hv(grad, x, v), 1e-5, name);
}

#[test]
fn exchanges_and_destructuring() {
    let mut rng = Rng::new(43);
    for _ in 0..4 {
        let x: Vec<f64> = (0..5).map(|_| rng.signed(0.2, 1.5)).collect();
        let y: Vec<f64> = (0..5).map(|_| rng.signed(0.2, 1.5)).collect();
        let v: Vec<f64> = (0..5).map(|_| rng.signed(0.1, 1.0)).collect();
        every_mode(
            "bubble",
            &x,
            &v,
            bubble_sorted,
            |p| bubble_sorted_grad(p).1,
            |p, t| bubble_sorted_jvp(p, t).1,
            |p, t| bubble_sorted_hvp(p, t).2,
        );
        every_mode(
            "double buffer",
            &x,
            &v,
            double_buffered,
            |p| double_buffered_grad(p).1,
            |p, t| double_buffered_jvp(p, t).1,
            |p, t| double_buffered_hvp(p, t).2,
        );
        let (r, (gx, gy)) = recurrence_grad(&x, &y);
        assert_near(r, recurrence(&x, &y), "recurrence value");
        assert_fd(|p| recurrence(p, &y), &x, &gx, "recurrence x");
        assert_fd(|p| recurrence(&x, p), &y, &gy, "recurrence y");
        let jv = recurrence_jvp(&x, &y, &v, &v).1;
        assert_near(jv, dot(&gx, &v) + dot(&gy, &v), "recurrence jvp");
    }
}

/// `let y;` initialised later, once on every path (in `if` branches and `match` arms).
#[differentiable]
fn deferred_initialisation(x: f64, v: &[f64]) -> f64 {
    let y;
    if x > 0.0 {
        y = x * x;
    } else {
        y = -x;
    }
    let z: f64;
    match v.len() {
        0 => z = 1.0,
        _ => z = v[0] * y.sin(),
    }
    y * 2.0 * z + v[1]
}

#[test]
fn let_without_a_value() {
    let v = [1.3, 2.0];
    for x in [0.7, -0.4] {
        let (y, (gx, gv)) = deferred_initialisation_grad(x, &v);
        assert_near(y, deferred_initialisation(x, &v), "value");
        let all: Vec<f64> = [x].iter().chain(&v).copied().collect();
        let g: Vec<f64> = [gx].iter().chain(&gv).copied().collect();
        assert_fd(
            |p| deferred_initialisation(p[0], &p[1..]),
            &all,
            &g,
            "deferred",
        );
        let t = [0.3, -0.5, 0.8];
        let jv = deferred_initialisation_jvp(x, &v, t[0], &t[1..]).1;
        assert_near(jv, dot(&g, &t), "deferred jvp");
        let hv = deferred_initialisation_hvp(x, &v, t[0], &t[1..]);
        let hv: Vec<f64> = [hv.2.0].iter().chain(&hv.2.1).copied().collect();
        let fd = fd_hv(
            |p| {
                let (_, (a, b)) = deferred_initialisation_grad(p[0], &p[1..]);
                [a].iter().chain(&b).copied().collect()
            },
            &all,
            &t,
        );
        assert_close_tol(&hv, &fd, 1e-5, "deferred hvp");
    }
}

#[differentiable]
fn rotate(t: f64, p: [f64; 2]) -> [f64; 2] {
    let (s, c) = t.sin_cos();
    [c * p[0] - s * p[1], s * p[0] + c * p[1]]
}

#[differentiable]
fn energy(a: &[f64; 2]) -> f64 {
    a[0] * a[1].sin() + a[0] * a[0]
}

#[differentiable]
fn sum_sq(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i] * x[i];
    }
    s
}

/// `state = step(state)` on a fixed-size array state, a copy passed on, a written copy of a
/// borrowed array, a call result annotated and written.
#[differentiable]
fn array_states(s0: [f64; 2], r0: &[f64; 2], t: f64) -> f64 {
    let mut u = s0;
    for k in 0..3 {
        u = rotate(t * (k + 1) as f64, u);
    }
    let v = u;
    let mut w = *r0;
    w[0] *= w[1] + t;
    let mut q: [f64; 2] = rotate(t, w);
    q[1] += q[0] * 0.5;
    energy(&v) + q[0] * q[1]
}

/// A row passed to a slice function, and `enumerate` over a sub-slice.
#[differentiable]
fn rows_and_offsets(a: &Vec<Vec<f64>>, x: &[f64]) -> f64 {
    let mut s = sum_sq(&a[0]) * a[1][1];
    for (i, &v) in x[1..].iter().enumerate() {
        s += v * (i + 1) as f64 * x[0];
    }
    s
}

#[test]
fn array_states_and_rows() {
    let flat = [0.4, -0.9, 1.2, 0.3, 0.7];
    let f = |p: &[f64]| array_states([p[0], p[1]], &[p[2], p[3]], p[4]);
    let grad = |p: &[f64]| {
        let (_, (a, b, c)) = array_states_grad([p[0], p[1]], &[p[2], p[3]], p[4]);
        vec![a[0], a[1], b[0], b[1], c]
    };
    let g = grad(&flat);
    assert_near(
        array_states_grad([0.4, -0.9], &[1.2, 0.3], 0.7).0,
        f(&flat),
        "value",
    );
    assert_fd(f, &flat, &g, "array states");
    let v = [0.3, -0.2, 0.5, 0.1, -0.4];
    let jv = array_states_jvp(
        [0.4, -0.9],
        &[1.2, 0.3],
        0.7,
        [v[0], v[1]],
        &[v[2], v[3]],
        v[4],
    )
    .1;
    assert_near(jv, dot(&g, &v), "array states jvp");
    let hv = array_states_hvp(
        [0.4, -0.9],
        &[1.2, 0.3],
        0.7,
        [v[0], v[1]],
        &[v[2], v[3]],
        v[4],
    )
    .2;
    let hv = [hv.0[0], hv.0[1], hv.1[0], hv.1[1], hv.2];
    assert_close_tol(&hv, &fd_hv(grad, &flat, &v), 1e-5, "array states hvp");

    let a = vec![vec![0.5, -1.2, 0.3], vec![1.1, 0.4, -0.7]];
    let x = [0.8, -0.3, 1.4, 0.6];
    let all: Vec<f64> = a.iter().flatten().chain(&x).copied().collect();
    let split = |p: &[f64]| (vec![p[0..3].to_vec(), p[3..6].to_vec()], p[6..].to_vec());
    let f = |p: &[f64]| {
        let (a, x) = split(p);
        rows_and_offsets(&a, &x)
    };
    let grad = |p: &[f64]| {
        let (a, x) = split(p);
        let (_, (ga, gx)) = rows_and_offsets_grad(&a, &x);
        ga.iter()
            .flatten()
            .chain(&gx)
            .copied()
            .collect::<Vec<f64>>()
    };
    let g = grad(&all);
    assert_fd(f, &all, &g, "rows and offsets");
    let t: Vec<f64> = (0..10).map(|k| 0.1 * k as f64 - 0.4).collect();
    let (ta, tx) = split(&t);
    assert_near(
        rows_and_offsets_jvp(&a, &x, &ta, &tx).1,
        dot(&g, &t),
        "rows jvp",
    );
    let (_, _, (ha, hx)) = rows_and_offsets_hvp(&a, &x, &ta, &tx);
    let hv: Vec<f64> = ha.iter().flatten().chain(&hx).copied().collect();
    assert_close_tol(&hv, &fd_hv(grad, &all, &t), 1e-5, "rows hvp");
}

/// Parameters whose tangent names would be keywords (`do`, `dyn`).
#[differentiable]
fn keyword_tangents(o: f64, yn: f64) -> f64 {
    o * yn.sin()
}

#[derive(Clone, Debug, ad_runtime::Differentiable)]
struct Osc {
    a: f64,
    b: f64,
    v: [f64; 2],
}

#[differentiable]
fn osc_step(s: &Osc, dt: f64) -> Osc {
    Osc {
        a: s.a + dt * s.b,
        b: s.b - dt * s.a,
        v: [s.v[0] * (1.0 + dt), s.v[1] + dt * s.a],
    }
}

impl Osc {
    #[differentiable]
    fn energy(&self) -> f64 {
        self.a * self.a + self.b * self.b * self.v[0]
    }
}

/// A loop-carried struct whose fields are read (non-linearly, and an array field copied)
/// before it is reassigned; a method on a clone of a struct parameter; a sub-slice of a
/// fixed-size array parameter.
#[differentiable]
fn carried_struct(s0: &Osc, dt: f64, q: &[f64; 3]) -> f64 {
    let mut s = s0.clone();
    let mut acc = 0.0;
    for _ in 0..4 {
        let w = s.v;
        acc += s.a * s.a + w[0] * w[1] * s.b;
        s = osc_step(&s, dt);
    }
    let c = s0.clone();
    let r = &q[1..];
    acc + c.energy() * q[0] * r[1]
}

#[test]
fn structs_and_names() {
    let (y, (go, gy)) = keyword_tangents_grad(0.7, 1.3);
    assert_near(y, keyword_tangents(0.7, 1.3), "value");
    assert_close(
        &[go, gy],
        &[1.3f64.sin(), 0.7 * 1.3f64.cos()],
        "keyword names",
    );
    assert_near(
        keyword_tangents_jvp(0.7, 1.3, 1.0, 2.0).1,
        go + 2.0 * gy,
        "keyword jvp",
    );
    let (_, _, hv) = keyword_tangents_hvp(0.7, 1.3, 1.0, 2.0);
    let fd = fd_hv(
        |q| {
            let (_, (a, b)) = keyword_tangents_grad(q[0], q[1]);
            vec![a, b]
        },
        &[0.7, 1.3],
        &[1.0, 2.0],
    );
    assert_close_tol(&[hv.0, hv.1], &fd, 1e-5, "keyword hvp");

    let p = [1.0, 0.5, 0.3, -0.7, 0.1, 0.4, -0.8, 1.5];
    let make = |p: &[f64]| Osc {
        a: p[0],
        b: p[1],
        v: [p[2], p[3]],
    };
    let f = |p: &[f64]| carried_struct(&make(p), p[4], &[p[5], p[6], p[7]]);
    let grad = |p: &[f64]| {
        let (_, (g, gdt, gq)) = carried_struct_grad(&make(p), p[4], &[p[5], p[6], p[7]]);
        vec![g.a, g.b, g.v[0], g.v[1], gdt, gq[0], gq[1], gq[2]]
    };
    let g = grad(&p);
    assert_near(
        carried_struct_grad(&make(&p), p[4], &[p[5], p[6], p[7]]).0,
        f(&p),
        "value",
    );
    assert_fd(f, &p, &g, "carried struct");
    let t = [0.2, -0.1, 0.3, 0.5, 0.05, -0.2, 0.1, 0.4];
    let jv = carried_struct_jvp(
        &make(&p),
        p[4],
        &[p[5], p[6], p[7]],
        &make(&t),
        t[4],
        &[t[5], t[6], t[7]],
    )
    .1;
    assert_near(jv, dot(&g, &t), "carried struct jvp");
    let hv = carried_struct_hvp(
        &make(&p),
        p[4],
        &[p[5], p[6], p[7]],
        &make(&t),
        t[4],
        &[t[5], t[6], t[7]],
    )
    .2;
    let hv = [
        hv.0.a, hv.0.b, hv.0.v[0], hv.0.v[1], hv.1, hv.2[0], hv.2[1], hv.2[2],
    ];
    assert_close_tol(&hv, &fd_hv(grad, &p, &t), 1e-5, "carried struct hvp");
}

/// `Option<&[f64]>` and `Option<&f64>` constant parameters, in second order too.
#[differentiable]
fn optional_weights(x: f64, w: Option<&[f64]>, c: Option<&f64>) -> f64 {
    let k = if let Some(&cc) = c { cc } else { 1.0 };
    if let Some(ws) = w {
        ws[0] * x * x * k
    } else {
        x.sin()
    }
}

#[test]
fn optional_parameters() {
    assert_eq!(optional_weights_grad(3.0, Some(&[2.0]), Some(&0.5)).1, 6.0);
    assert_eq!(
        optional_weights_hvp(3.0, Some(&[2.0]), Some(&0.5), 1.0).1,
        6.0
    );
    assert_eq!(
        optional_weights_hvp(3.0, Some(&[2.0]), Some(&0.5), 1.0).2,
        2.0
    );
    assert_near(
        optional_weights_hvp(3.0, None, None, 1.0).2,
        -(3.0f64.sin()),
        "none",
    );
    for (w, c) in [(Some(&[2.0][..]), Some(&0.5)), (None, None)] {
        let (_, g) = optional_weights_grad(1.3, w, c);
        assert_fd(|p| optional_weights(p[0], w, c), &[1.3], &[g], "optional");
        assert_near(optional_weights_jvp(1.3, w, c, 1.0).1, g, "optional jvp");
    }
}

#[differentiable]
fn cube(v: f64) -> f64 {
    v * v * v
}

#[differentiable]
fn times(v: f64, w: f64) -> f64 {
    v * w
}

/// `mapv` of a `#[differentiable]` function, by path and in a closure, in second order too.
#[differentiable]
fn map_of_functions(a: &ad_runtime::ndarray::Array1<f64>) -> f64 {
    a.mapv(cube).sum() + a.mapv(|v| times(cube(v), 2.0)).sum()
}

#[test]
fn maps_of_differentiable_functions() {
    let a = ad_runtime::ndarray::array![1.0, 2.0];
    assert_eq!(
        map_of_functions_grad(&a).1,
        ad_runtime::ndarray::array![9.0, 36.0]
    );
    let (_, g, h) = map_of_functions_hvp(&a, &ad_runtime::ndarray::array![1.0, 0.0]);
    assert_eq!(g, ad_runtime::ndarray::array![9.0, 36.0]);
    assert_eq!(h, ad_runtime::ndarray::array![18.0, 0.0]);
    assert_eq!(
        map_of_functions_jvp(&a, &ad_runtime::ndarray::array![0.0, 1.0]).1,
        36.0
    );
}

/// `swap` of buffers the front end knows as float sequences by their initialiser: a `vec!`
/// of float expressions, a by-value array parameter, copies of array and `Vec` parameters;
/// `to_vec()` of a local `Vec`.
#[differentiable]
fn swaps_of_copies(s0: [f64; 3], r: &[f64; 3], v0: Vec<f64>, mut a: [f64; 2]) -> f64 {
    let mut b = vec![s0[0].sin(), s0[1].cos() * 2.0];
    b.swap(0, 1);
    let mut c = s0;
    c.swap(0, 1);
    let mut d = *r;
    d.swap(1, 2);
    let mut v = v0;
    v.swap(0, 1);
    a.swap(0, 1);
    let w = v.to_vec();
    b[0] * b[1] * b[1] + c[0] * c[1] * d[1] + w[0] * d[2] + a[0] * a[1] * a[1]
}

#[test]
fn swaps_of_known_buffers() {
    let p = [0.7, -0.4, 1.2, 0.5, 0.9, -1.1, 0.3, 1.6, 0.8, -0.6];
    let f = |p: &[f64]| {
        swaps_of_copies(
            [p[0], p[1], p[2]],
            &[p[3], p[4], p[5]],
            vec![p[6], p[7]],
            [p[8], p[9]],
        )
    };
    let grad = |p: &[f64]| {
        let (_, (a, b, c, d)) = swaps_of_copies_grad(
            [p[0], p[1], p[2]],
            &[p[3], p[4], p[5]],
            vec![p[6], p[7]],
            [p[8], p[9]],
        );
        a.iter()
            .chain(&b)
            .chain(&c)
            .chain(&d)
            .copied()
            .collect::<Vec<f64>>()
    };
    let g = grad(&p);
    assert_fd(f, &p, &g, "swaps");
    let t = [0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0.8, -0.9, 1.0];
    let jv = swaps_of_copies_jvp(
        [p[0], p[1], p[2]],
        &[p[3], p[4], p[5]],
        vec![p[6], p[7]],
        [p[8], p[9]],
        [t[0], t[1], t[2]],
        &[t[3], t[4], t[5]],
        vec![t[6], t[7]],
        [t[8], t[9]],
    )
    .1;
    assert_near(jv, dot(&g, &t), "swaps jvp");
    let (_, _, (h0, h1, h2, h3)) = swaps_of_copies_hvp(
        [p[0], p[1], p[2]],
        &[p[3], p[4], p[5]],
        vec![p[6], p[7]],
        [p[8], p[9]],
        [t[0], t[1], t[2]],
        &[t[3], t[4], t[5]],
        vec![t[6], t[7]],
        [t[8], t[9]],
    );
    let hv: Vec<f64> = h0
        .iter()
        .chain(&h1)
        .chain(&h2)
        .chain(&h3)
        .copied()
        .collect();
    assert_close_tol(&hv, &fd_hv(grad, &p, &t), 1e-5, "swaps hvp");
}

const TABLE: [f64; 2] = [1.5, 2.0];
static WEIGHTS: [f64; 3] = [0.5, -1.0, 3.0];
const SLICE: &[f64] = &[0.25, 0.75];
const PERM: [usize; 2] = [1, 0];

/// Global `const` and `static` tables read by index, copied whole and iterated (in second
/// order they are lifted by type, element by element).
#[differentiable]
fn constant_tables(x: f64, y: &[f64]) -> f64 {
    let mut s = TABLE[0] * x + x * WEIGHTS[1] * x;
    for i in 0..2 {
        s += SLICE[i] * y[PERM[i]] * y[i] + TABLE[i] * x.sin();
    }
    let c: [f64; 2] = TABLE;
    s + c[1] * x * x
        + TABLE
            .iter()
            .zip(y.iter())
            .map(|(a, b)| a * b * b)
            .sum::<f64>()
}

/// A cast of a cast, and an early `return` of a local `Vec` from inside a loop.
#[differentiable]
fn casts_and_returns(x: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; x.len()];
    for i in 0..x.len() {
        out[i] = (x[i] * x[i]) as f32 as f64;
        let y: f32 = x[i] as f32;
        out[i] += (y * y) as f64 * 0.5;
        if x[i] > 1.0 {
            return out;
        }
    }
    out
}

#[test]
fn constants_casts_and_returns() {
    let p = [0.7, 1.3, -0.4];
    let f = |p: &[f64]| constant_tables(p[0], &p[1..]);
    let grad = |p: &[f64]| {
        let (_, (gx, gy)) = constant_tables_grad(p[0], &p[1..]);
        [gx].iter().chain(&gy).copied().collect::<Vec<f64>>()
    };
    let g = grad(&p);
    assert_near(constant_tables_grad(p[0], &p[1..]).0, f(&p), "value");
    assert_fd(f, &p, &g, "constant tables");
    let t = [0.3, -0.2, 0.5];
    assert_near(
        constant_tables_jvp(p[0], &p[1..], t[0], &t[1..]).1,
        dot(&g, &t),
        "tables jvp",
    );
    let (_, _, (hx, hy)) = constant_tables_hvp(p[0], &p[1..], t[0], &t[1..]);
    let hv: Vec<f64> = [hx].iter().chain(&hy).copied().collect();
    assert_close_tol(&hv, &fd_hv(grad, &p, &t), 1e-5, "tables hvp");

    // f32 round trips: exact for these values' squares to f32 precision.
    let x = [0.5, 2.0, 3.0];
    assert_eq!(casts_and_returns(&x), vec![0.375, 6.0, 0.0]);
    let (v, g) = casts_and_returns_vjp(&x, vec![1.0, 1.0, 1.0]);
    assert_eq!(v, vec![0.375, 6.0, 0.0]);
    assert_close(&g, &[1.5, 6.0, 0.0], "casts vjp");
    assert_close(
        &casts_and_returns_jvp(&x, &[1.0, 1.0, 1.0]).1,
        &[1.5, 6.0, 0.0],
        "casts jvp",
    );
}

/// `if let Some(v) = xs.get(i)` (also `Some(&v)`, with and without `else`).
#[differentiable]
fn checked_reads(x: &[f64], i: usize) -> f64 {
    let mut s = 0.0;
    if let Some(v) = x.get(i) {
        s += v * v;
    } else {
        s += 1.0;
    }
    if let Some(&w) = x.get(i + 1) {
        s += w.sin();
    }
    s * x[0]
}

#[test]
fn slice_get() {
    let x = [0.5, 2.0, 3.0];
    for i in [1, 2, 5] {
        let (v, g) = checked_reads_grad(&x, i);
        assert_near(v, checked_reads(&x, i), "value");
        assert_fd(|p| checked_reads(p, i), &x, &g, "get");
        let t = [0.3, -0.2, 0.5];
        assert_near(checked_reads_jvp(&x, i, &t).1, dot(&g, &t), "get jvp");
        let hv = checked_reads_hvp(&x, i, &t).2;
        assert_close_tol(
            &hv,
            &fd_hv(|p| checked_reads_grad(p, i).1, &x, &t),
            1e-5,
            "get hvp",
        );
    }
}

/// `for c in xs.chunks(k)` and `chunks_exact(k)`: loops over borrowed sub-slices.
#[differentiable]
fn chunked(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for c in x.chunks(2) {
        s += c[0] * c[c.len() - 1];
    }
    for c in x.chunks_exact(2) {
        s += c[1].sin() * c[0];
    }
    s
}

#[test]
fn chunks() {
    for x in [vec![0.5, 2.0, 3.0], vec![0.5, -1.2, 0.8, 1.7]] {
        let (v, g) = chunked_grad(&x);
        assert_near(v, chunked(&x), "value");
        assert_fd(|p| chunked(p), &x, &g, "chunks");
        let t: Vec<f64> = (0..x.len()).map(|k| 0.3 - 0.2 * k as f64).collect();
        assert_near(chunked_jvp(&x, &t).1, dot(&g, &t), "chunks jvp");
        let hv = chunked_hvp(&x, &t).2;
        assert_close_tol(
            &hv,
            &fd_hv(|p| chunked_grad(p).1, &x, &t),
            1e-5,
            "chunks hvp",
        );
    }
}

// Hunt 4 (H4-2): sub-slices of a local `Vec` built by `vec![..]` of values or by `collect()`
// (bound by a move, `let y = <the buffer>;`), also named (`let z = &y[1..];`), passed to a
// differentiable callee: the callee's pullback borrowed `y` past its life (E0597).
#[differentiable]
fn pair_prod(a: &[f64]) -> f64 {
    a[0] * a[1]
}

#[differentiable]
fn sub_slices_of_built_buffers(x: &[f64]) -> f64 {
    let y: Vec<f64> = x.iter().map(|v| v * 2.0).collect();
    let z = &y[1..];
    let w = vec![x[0] * 2.0, x[1], x[0]];
    pair_prod(z) + pair_prod(&y[..2]) + pair_prod(&w[..2]) * pair_prod(&w[1..])
}

#[test]
fn sub_slices_of_built_buffers_every_mode() {
    let x = [0.5, 0.7, 0.3];
    let f = |z: &[f64]| sub_slices_of_built_buffers(z);
    let (v, g) = sub_slices_of_built_buffers_grad(&x);
    assert_eq!(v, f(&x));
    // Closed form: 4 x1 x2 + 4 x0 x1 + 2 x0² x1².
    let want = [
        4.0 * x[1] + 4.0 * x[0] * x[1] * x[1],
        4.0 * x[2] + 4.0 * x[0] + 4.0 * x[0] * x[0] * x[1],
        4.0 * x[1],
    ];
    assert_close(&g, &want, "gradient");
    assert_close(&g, &fd_grad(f, &x), "gradient vs differences");
    let t = [0.3, -0.2, 0.5];
    let (_, jt) = sub_slices_of_built_buffers_jvp(&x, &t);
    let gt: f64 = g.iter().zip(&t).map(|(a, b)| a * b).sum();
    assert_close(&[jt], &[gt], "jvp");
    let (_, _, ht) = sub_slices_of_built_buffers_hvp(&x, &t);
    let h = [
        [4.0 * x[1] * x[1], 4.0 + 8.0 * x[0] * x[1], 0.0],
        [4.0 + 8.0 * x[0] * x[1], 4.0 * x[0] * x[0], 4.0],
        [0.0, 4.0, 0.0],
    ];
    let want: Vec<f64> = h
        .iter()
        .map(|r| r.iter().zip(&t).map(|(a, b)| a * b).sum())
        .collect();
    assert_close(&ht, &want, "hvp");
}

// Hunt 4 (H4-1): a closure passed as an argument that captures constants (the usual argsort
// comparator) was rejected as "a closure"; one that captures a differentiated value is a
// compile error that says so (`tests/ui/body/closure-captures-active.rs`).
#[differentiable(wrt(x))]
fn argsort_sum(x: &[f64], key: &[f64]) -> f64 {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|a, b| key[*a].total_cmp(&key[*b]));
    x[idx[0]] * x[idx[1]] + x[idx[2]].sin()
}

#[test]
fn closure_capturing_constants_as_an_argument() {
    let key = [0.3, -1.0, 2.0, 0.1];
    let x = [0.5, 0.7, 0.3, 1.1];
    // Sorted by key: 1, 3, 0, 2: f = x1 x3 + sin x0.
    let (v, g) = argsort_sum_grad(&x, &key);
    assert_eq!(v, x[1] * x[3] + x[0].sin());
    assert_close(&g, &[x[0].cos(), x[3], 0.0, x[1]], "gradient");
    let (_, jt) = argsort_sum_jvp(&x, &key, &[1.0, 0.5, 0.0, 0.0]);
    assert_close(&[jt], &[x[0].cos() + 0.5 * x[3]], "jvp");
    let (_, _, ht) = argsort_sum_hvp(&x, &key, &[0.0, 1.0, 0.0, 0.0]);
    assert_close(&ht, &[0.0, 0.0, 0.0, 1.0], "hvp");
}

/// The permutation that sorts the differentiated values themselves (a comparator reading
/// them): piecewise constant, so derivatives flow only through the reads it selects.
#[differentiable]
fn weighted_order_statistics(x: &[f64]) -> f64 {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|a, b| x[*a].total_cmp(&x[*b]));
    let mut s = 0.0;
    for r in 0..idx.len() {
        s += (r as f64 + 1.0) * x[idx[r]] * x[idx[r]];
    }
    s
}

#[test]
fn comparator_reading_differentiated_values() {
    let x = [0.5, -0.7, 0.3, 1.1];
    let (v, g) = weighted_order_statistics_grad(&x);
    assert_eq!(v, weighted_order_statistics(&x));
    // Ranks: -0.7 → 1, 0.3 → 2, 0.5 → 3, 1.1 → 4.
    let rank = [3.0, 1.0, 2.0, 4.0];
    let want: Vec<f64> = (0..4).map(|i| 2.0 * rank[i] * x[i]).collect();
    assert_close(&g, &want, "gradient");
    assert_close(
        &g,
        &fd_grad(|z| weighted_order_statistics(z), &x),
        "differences",
    );
    let (_, _, h) = weighted_order_statistics_hvp(&x, &[1.0, 1.0, 0.0, 0.0]);
    assert_close(&h, &[6.0, 2.0, 0.0, 0.0], "hvp");
}

// 2-D local arrays (`[[0.0; 3]; 3]`, `vec![vec![0.0; n]; n]`) used as `m[i][j]`: flattened
// into one buffer indexed `i * cols + j` (front end), so every mode takes them.
#[differentiable]
fn matrices_in_the_body(a: f64, b: f64, v: &[f64]) -> f64 {
    let mut rz = [[0.0; 3]; 3];
    rz[0][0] = a.cos();
    rz[0][1] = -a.sin();
    rz[1][0] = a.sin();
    rz[1][1] = a.cos();
    rz[2][2] = 1.0;
    let n = v.len();
    let mut g = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..n {
            g[i][j] = (v[i] - v[j]) * b;
        }
    }
    let mut out = 0.0;
    for i in 0..3 {
        let mut s = 0.0;
        for j in 0..3 {
            s += rz[i][j] * v[j];
        }
        out += s * s * (i as f64 + 1.0);
    }
    for i in 0..n {
        for j in 0..n {
            out += g[i][j].tanh() * g[j][i];
        }
    }
    out
}

#[test]
fn matrices_in_the_body_every_mode() {
    let x = [0.4, 0.7, 0.3, -0.8, 1.1];
    let f = |z: &[f64]| matrices_in_the_body(z[0], z[1], &z[2..]);
    let (v, (ga, gb, gv)) = matrices_in_the_body_grad(x[0], x[1], &x[2..]);
    assert_eq!(v, f(&x));
    let mut g = vec![ga, gb];
    g.extend(gv);
    assert_close(&g, &fd_grad(f, &x), "gradient");
    let t = [0.3, -0.2, 0.5, 0.1, -0.4];
    let (_, jt) = matrices_in_the_body_jvp(x[0], x[1], &x[2..], t[0], t[1], &t[2..]);
    let gt: f64 = g.iter().zip(&t).map(|(a, b)| a * b).sum();
    assert_close(&[jt], &[gt], "jvp");
    let (_, _, (ha, hb, hv)) = matrices_in_the_body_hvp(x[0], x[1], &x[2..], t[0], t[1], &t[2..]);
    let e = 1e-5;
    let grad_at = |s: f64| {
        let z: Vec<f64> = x.iter().zip(&t).map(|(p, q)| p + s * q).collect();
        let (_, (ga, gb, mut gv)) = matrices_in_the_body_grad(z[0], z[1], &z[2..]);
        gv.insert(0, gb);
        gv.insert(0, ga);
        gv
    };
    let (p, m) = (grad_at(e), grad_at(-e));
    let fd: Vec<f64> = (0..5).map(|i| (p[i] - m[i]) / (2.0 * e)).collect();
    let mut h = vec![ha, hb];
    h.extend(hv);
    assert_close_tol(&h, &fd, 1e-6, "hvp");
}
