//! Everyday constructs rewritten in the front end, so every mode takes them: array
//! expressions of differentiated values (`[x, y * 2.0]`) and array patterns
//! (`let [a, b] = *p;`). Checked against central differences (`_grad`), the gradient
//! (`_jvp` = grad · v) and differences of the gradient (`_hvp`).

mod common;

use ad_runtime::differentiable;
use common::{Rng, assert_close, assert_close_tol, fd_grad};

#[differentiable]
fn array_literal(x: f64, y: f64) -> f64 {
    let a = [x, y * 2.0, x.sin()];
    let b = a[0] * a[1] + a[2];
    let c = [b, 1.5];
    c[0] * c[1] + a[1].exp()
}

#[differentiable]
fn array_pattern(p: &[f64; 2], q: [f64; 3]) -> f64 {
    let [a, b] = *p;
    let [u, _, w] = q;
    let [s, t] = [a * w, b.cos() + u];
    s * t + a / (1.0 + b * b)
}

#[differentiable]
fn array_in_loop(x: &[f64]) -> f64 {
    let mut acc = 0.0;
    for i in 0..x.len() {
        let pair = [x[i], x[i] * x[i]];
        acc += pair[0] * 0.5 + pair[1].sqrt();
    }
    acc
}

#[test]
fn array_expressions() {
    let mut rng = Rng::new(21);
    for _ in 0..5 {
        let (x, y) = (rng.signed(0.2, 1.5), rng.signed(0.2, 1.5));
        let (v, (gx, gy)) = array_literal_grad(x, y);
        assert_eq!(v, array_literal(x, y));
        let fd = fd_grad(|z| array_literal(z[0], z[1]), &[x, y]);
        assert_close(&[gx, gy], &fd, "array literal gradient");
        // Closed form: b = 2xy + sin x, f = 1.5 b + exp(2y).
        assert_close(
            &[gx, gy],
            &[
                1.5 * (2.0 * y + x.cos()),
                1.5 * 2.0 * x + 2.0 * (2.0 * y).exp(),
            ],
            "closed form",
        );
        let (dx, dy) = (rng.signed(0.2, 1.0), rng.signed(0.2, 1.0));
        let (jv, t) = array_literal_jvp(x, y, dx, dy);
        assert_eq!(jv, v);
        assert_close(&[t], &[gx * dx + gy * dy], "jvp = grad . v");
        let (_, _, (hx, hy)) = array_literal_hvp(x, y, dx, dy);
        // H = [[-1.5 sin x, 3], [3, 4 exp(2y)]].
        assert_close(
            &[hx, hy],
            &[
                -1.5 * x.sin() * dx + 3.0 * dy,
                3.0 * dx + 4.0 * (2.0 * y).exp() * dy,
            ],
            "H v",
        );
    }
}

#[test]
fn array_patterns() {
    let mut rng = Rng::new(22);
    for _ in 0..5 {
        let p = [rng.signed(0.2, 1.5), rng.signed(0.2, 1.5)];
        let q = [
            rng.signed(0.2, 1.5),
            rng.signed(0.2, 1.5),
            rng.signed(0.2, 1.5),
        ];
        let f = |z: &[f64]| array_pattern(&[z[0], z[1]], [z[2], z[3], z[4]]);
        let (v, (gp, gq)) = array_pattern_grad(&p, q);
        assert_eq!(v, f(&[p[0], p[1], q[0], q[1], q[2]]));
        let g: Vec<f64> = gp.iter().chain(gq.iter()).copied().collect();
        assert_close(
            &g,
            &fd_grad(f, &[p[0], p[1], q[0], q[1], q[2]]),
            "array pattern gradient",
        );
        let (dp, dq) = ([0.3, -0.7], [0.5, 0.2, -0.4]);
        let (_, t) = array_pattern_jvp(&p, q, &dp, dq);
        let dv: Vec<f64> = dp.iter().chain(dq.iter()).copied().collect();
        let gv: f64 = g.iter().zip(&dv).map(|(a, b)| a * b).sum();
        assert_close(&[t], &[gv], "jvp = grad . v");
        let (_, _, (hp, hq)) = array_pattern_hvp(&p, q, &dp, dq);
        let h = 1e-5;
        let at = |s: f64| {
            let z: Vec<f64> = [p[0], p[1], q[0], q[1], q[2]]
                .iter()
                .zip(&dv)
                .map(|(a, b)| a + s * b)
                .collect();
            let (_, (gp, gq)) = array_pattern_grad(&[z[0], z[1]], [z[2], z[3], z[4]]);
            gp.iter().chain(gq.iter()).copied().collect::<Vec<f64>>()
        };
        let fd: Vec<f64> = at(h)
            .iter()
            .zip(at(-h))
            .map(|(a, b)| (a - b) / (2.0 * h))
            .collect();
        let hv: Vec<f64> = hp.iter().chain(hq.iter()).copied().collect();
        assert_close_tol(&hv, &fd, 1e-5, "H v");
    }
}

#[test]
fn arrays_in_loops() {
    let x = [0.4, 1.3, 0.9, 2.2];
    let (v, g) = array_in_loop_grad(&x);
    assert_eq!(v, array_in_loop(&x));
    // d/dx (x/2 + |x|) = 1.5 for x > 0.
    assert_close(&g, &[1.5; 4], "closed form");
    let (_, t) = array_in_loop_jvp(&x, &[1.0, 0.0, -1.0, 2.0]);
    assert_close(&[t], &[1.5 * 2.0], "jvp");
}

#[differentiable]
fn let_closures(x: f64, y: &[f64]) -> f64 {
    let scale = x * 0.5;
    let sq = |v: f64| v * v * scale;
    let mix = |a, b: f64| a * b.sin() + x;
    let mut s = sq(x) + sq(2.0);
    for i in 0..y.len() {
        s += mix(y[i], sq(y[i]));
    }
    s
}

#[test]
fn closures_bound_by_let() {
    let mut rng = Rng::new(23);
    for _ in 0..4 {
        let x = rng.signed(0.2, 1.5);
        let y: Vec<f64> = (0..3).map(|_| rng.signed(0.2, 1.5)).collect();
        let z: Vec<f64> = std::iter::once(x).chain(y.iter().copied()).collect();
        let f = |z: &[f64]| let_closures(z[0], &z[1..]);
        let (v, (gx, gy)) = let_closures_grad(x, &y);
        assert_eq!(v, f(&z));
        let g: Vec<f64> = std::iter::once(gx).chain(gy.iter().copied()).collect();
        assert_close(&g, &fd_grad(f, &z), "closure gradient");
        let dz = [0.4, -0.3, 0.8, 0.1];
        let (_, t) = let_closures_jvp(x, &y, dz[0], &dz[1..]);
        let gv: f64 = g.iter().zip(&dz).map(|(a, b)| a * b).sum();
        assert_close(&[t], &[gv], "jvp = grad . v");
        let (_, _, (hx, hy)) = let_closures_hvp(x, &y, dz[0], &dz[1..]);
        let h = 1e-5;
        let at = |s: f64| {
            let (_, (gx, gy)) = let_closures_grad(
                x + s * dz[0],
                &y.iter()
                    .zip(&dz[1..])
                    .map(|(a, b)| a + s * b)
                    .collect::<Vec<f64>>(),
            );
            std::iter::once(gx).chain(gy).collect::<Vec<f64>>()
        };
        let fd: Vec<f64> = at(h)
            .iter()
            .zip(at(-h))
            .map(|(a, b)| (a - b) / (2.0 * h))
            .collect();
        let hv: Vec<f64> = std::iter::once(hx).chain(hy).collect();
        assert_close_tol(&hv, &fd, 1e-5, "H v");
    }
}

#[derive(Clone, Copy)]
enum Act {
    Tanh,
    Scale(f64),
    Shift { by: f64 },
}

#[differentiable(wrt(x))]
fn patterns(x: f64, o: Option<f64>, acts: &[Act], pair: (usize, f64)) -> f64 {
    let mut y = if let Some(c) = o { x * c } else { x.sin() };
    for i in 0..acts.len() {
        y = match acts[i] {
            Act::Tanh => y.tanh(),
            Act::Scale(k) => y * k,
            Act::Shift { by } => y + by * x,
        };
    }
    let (n, w) = pair;
    let mut stack = vec![1usize, 2, 3];
    while let Some(k) = stack.pop() {
        y = y * 0.9 + (k * n) as f64 * w * x;
    }
    let Some(c) = o else {
        return y * 2.0;
    };
    y + c * x * x
}

#[test]
fn pattern_bindings() {
    let acts = [Act::Scale(1.5), Act::Tanh, Act::Shift { by: -0.3 }];
    for (o, x) in [(Some(0.7), 0.4), (None, -0.9), (Some(-1.2), 1.3)] {
        let f = |z: &[f64]| patterns(z[0], o, &acts, (2, 0.25));
        let (v, g) = patterns_grad(x, o, &acts, (2, 0.25));
        assert_eq!(v, f(&[x]));
        assert_close(
            &[g],
            &fd_grad(f, &[x]),
            "if let / match / while let / let else",
        );
        let (_, t) = patterns_jvp(x, o, &acts, (2, 0.25), 1.0);
        assert_close(&[t], &[g], "forward");
        let (_, _, h) = patterns_hvp(x, o, &acts, (2, 0.25), 1.0);
        let e = 1e-5;
        let fd = (patterns_grad(x + e, o, &acts, (2, 0.25)).1
            - patterns_grad(x - e, o, &acts, (2, 0.25)).1)
            / (2.0 * e);
        assert_close_tol(&[h], &[fd], 1e-5, "second order");
    }
}

#[derive(Clone, Copy)]
enum Step {
    Shift { by: f64 },
    Repeat(usize),
    Same(Act),
    Pull(f64),
    Off,
}

#[differentiable]
fn shifted(s: f64, a: f64) -> f64 {
    s + a * s.sin()
}

#[differentiable(wrt(s))]
fn repeated(s: f64, n: usize) -> f64 {
    s * (n as f64 + 0.5).sqrt()
}

#[differentiable(wrt(s))]
fn acted(s: f64, act: Act) -> f64 {
    match act {
        Act::Tanh => s.tanh(),
        Act::Scale(k) => s * k,
        Act::Shift { by } => s + by,
    }
}

/// Values a user enum's pattern binds (a float, an integer, another enum) passed alone to
/// differentiable calls (everyday generator, `match-binding-as-call-arg`: the float reached
/// the dual callee as `f64`, E0308 in every build), or negated before meeting a float.
#[differentiable(wrt(x))]
fn stepped(x: f64, steps: &[Step]) -> f64 {
    let mut u = x;
    for i in 0..steps.len() {
        match steps[i] {
            Step::Shift { by } => {
                u = shifted(u, by);
            }
            Step::Repeat(n) => {
                u = repeated(u, n);
            }
            Step::Same(a) => {
                u = acted(u, a);
            }
            // Negated before it meets a float (it was left a plain `f64` in second order).
            Step::Pull(k) => {
                u = -k * u.sin() + u;
            }
            Step::Off => {}
        }
    }
    u * x
}

#[test]
fn pattern_bindings_passed_to_calls() {
    let steps = [
        Step::Shift { by: 0.8 },
        Step::Repeat(3),
        Step::Same(Act::Tanh),
        Step::Off,
        Step::Same(Act::Scale(-1.3)),
        Step::Pull(0.6),
        Step::Shift { by: -0.4 },
    ];
    for x in [0.4, -0.9, 1.3] {
        let f = |z: &[f64]| stepped(z[0], &steps);
        let (v, g) = stepped_grad(x, &steps);
        assert_eq!(v, f(&[x]));
        assert_close(&[g], &fd_grad(f, &[x]), "gradient");
        let (_, t) = stepped_jvp(x, &steps, 1.0);
        assert_close(&[t], &[g], "forward");
        let (_, _, h) = stepped_hvp(x, &steps, 1.0);
        let e = 1e-5;
        let fd = (stepped_grad(x + e, &steps).1 - stepped_grad(x - e, &steps).1) / (2.0 * e);
        assert_close_tol(&[h], &[fd], 1e-5, "second order");
    }
}

#[differentiable]
fn array_map(p: [f64; 3], k: f64) -> f64 {
    let q = p.map(|v| (v * k).sin());
    let r: [f64; 3] = q.map(|v| v * v + k);
    r[0] + r[1] * r[2]
}

#[test]
fn fixed_array_map() {
    let (p, k) = ([0.3, -0.7, 1.1], 0.9);
    let f = |z: &[f64]| array_map([z[0], z[1], z[2]], z[3]);
    let (v, (gp, gk)) = array_map_grad(p, k);
    assert_eq!(v, f(&[p[0], p[1], p[2], k]));
    assert_close(
        &[gp[0], gp[1], gp[2], gk],
        &fd_grad(f, &[p[0], p[1], p[2], k]),
        "[T; N]::map",
    );
    let (_, t) = array_map_jvp(p, k, [1.0, 0.0, 0.5], 0.2);
    assert_close(&[t], &[gp[0] + 0.5 * gp[2] + 0.2 * gk], "jvp");
    let (_, _, (hp, hk)) = array_map_hvp(p, k, [1.0, 0.0, 0.5], 0.2);
    let e = 1e-5;
    let at = |s: f64| {
        let (_, (gp, gk)) = array_map_grad([p[0] + s, p[1], p[2] + 0.5 * s], k + 0.2 * s);
        vec![gp[0], gp[1], gp[2], gk]
    };
    let fd: Vec<f64> = at(e)
        .iter()
        .zip(at(-e))
        .map(|(a, b)| (a - b) / (2.0 * e))
        .collect();
    assert_close_tol(&[hp[0], hp[1], hp[2], hk], &fd, 1e-5, "H v");
}

#[differentiable]
fn nested_points(p: &[[f64; 3]], w: &Vec<Vec<f64>>) -> f64 {
    let mut s = 0.0;
    for i in 0..p.len() {
        let r = p[i];
        s += r[0] * r[1] - r[2].sin() * w[i][0];
    }
    for row in w.iter() {
        for j in 0..row.len() {
            s += row[j] * row[j] * 0.5;
        }
    }
    s
}

#[test]
fn nested_parameters() {
    let p = [[0.3, -0.2, 0.9], [1.1, 0.4, -0.6]];
    let w = vec![vec![0.5, -1.0], vec![2.0]];
    let (v, (gp, gw)) = nested_points_grad(&p, &w);
    assert_eq!(v, nested_points(&p, &w));
    // d/dp[i] = (r1, r0, -cos(r2) w[i][0]); d/dw[i][0] = -sin(p[i][2]) + w[i][0], d/dw[0][1] = w[0][1].
    for i in 0..2 {
        let r = p[i];
        assert_close(&gp[i], &[r[1], r[0], -r[2].cos() * w[i][0]], "dp");
    }
    assert_close(&gw[0], &[-p[0][2].sin() + w[0][0], w[0][1]], "dw0");
    assert_close(&gw[1], &[-p[1][2].sin() + w[1][0]], "dw1");
    // Forward mode: jvp = grad · v; second order: H v against differences of the gradient.
    let tp = [[0.5, -0.1, 0.2], [-0.3, 0.7, 0.4]];
    let tw = vec![vec![0.2, 0.6], vec![-0.9]];
    let dot = |gp: &[[f64; 3]], gw: &[Vec<f64>]| {
        let a: f64 = gp
            .iter()
            .zip(&tp)
            .flat_map(|(g, t)| g.iter().zip(t).map(|(a, b)| a * b))
            .sum();
        let b: f64 = gw
            .iter()
            .zip(&tw)
            .flat_map(|(g, t)| g.iter().zip(t).map(|(a, b)| a * b))
            .sum();
        a + b
    };
    let (vj, t) = nested_points_jvp(&p, &w, &tp, &tw);
    assert_eq!(vj, v);
    assert_close(&[t], &[dot(&gp, &gw)], "jvp = grad . v");
    let (vh, (gp2, gw2), (hp, hw)) = nested_points_hvp(&p, &w, &tp, &tw);
    assert_eq!(vh, v);
    assert_eq!((gp2.clone(), gw2.clone()), (gp.clone(), gw.clone()));
    let e = 1e-5;
    let shift = |s: f64| {
        let p2: Vec<[f64; 3]> = p
            .iter()
            .zip(&tp)
            .map(|(r, t)| core::array::from_fn(|j| r[j] + s * t[j]))
            .collect();
        let w2: Vec<Vec<f64>> = w
            .iter()
            .zip(&tw)
            .map(|(r, t)| r.iter().zip(t).map(|(a, b)| a + s * b).collect())
            .collect();
        nested_points_grad(&p2, &w2).1
    };
    let ((pp, wp), (pm, wm)) = (shift(e), shift(-e));
    for i in 0..2 {
        let fd: Vec<f64> = (0..3).map(|j| (pp[i][j] - pm[i][j]) / (2.0 * e)).collect();
        assert_close_tol(&hp[i], &fd, 1e-6, "H v (rows of arrays)");
        let fd: Vec<f64> = (0..w[i].len())
            .map(|j| (wp[i][j] - wm[i][j]) / (2.0 * e))
            .collect();
        assert_close_tol(&hw[i], &fd, 1e-6, "H v (rows of Vecs)");
    }
}

#[differentiable(wrt(x, y))]
fn nested_const(x: f64, y: f64, c: &[[f64; 2]]) -> f64 {
    let s = c[0][1] * x + c[1][0] * y;
    s * x
}
#[differentiable]
fn nested_by_value(m: [[f64; 2]; 2], x: f64) -> f64 {
    m[0][1] * x + m[1][0] * m[1][1]
}
#[differentiable]
fn nested_vecs(w: Vec<Vec<f64>>, x: f64) -> f64 {
    w[0][1] * x + w[1][0] * w[0][0]
}
/// Rows of nested parameters: constant and differentiated, by reference and by value.
#[test]
fn nested_rows() {
    let c = [[1.0, 2.0], [3.0, 4.0]];
    let (v, (gx, gy)) = nested_const_grad(0.5, 2.0, &c);
    assert_eq!(v, nested_const(0.5, 2.0, &c));
    assert!(
        (gx - (4.0 * 0.5 + 3.0 * 2.0)).abs() < 1e-12 && (gy - 3.0 * 0.5).abs() < 1e-12,
        "{gx} {gy}"
    );
    let (_, t) = nested_const_jvp(0.5, 2.0, &c, 1.0, 0.0);
    assert!((t - gx).abs() < 1e-12);
    assert_eq!(nested_by_value(c, 0.5), 2.0 * 0.5 + 3.0 * 4.0);
    let (_, (gm, gx2)) = nested_by_value_grad(c, 0.5);
    assert_eq!(gm, [[0.0, 0.5], [4.0, 3.0]]);
    assert_eq!(gx2, 2.0);
    let w = vec![vec![1.0, 2.0], vec![3.0]];
    let (vh, (gw, gx3)) = nested_vecs_grad(w.clone(), 0.5);
    assert_eq!(vh, nested_vecs(w.clone(), 0.5));
    assert_eq!(gw, vec![vec![3.0, 0.5], vec![1.0]]);
    assert_eq!(gx3, 2.0);
    // Forward mode and second order of nested parameters by value.
    let (_, t) = nested_by_value_jvp(c, 0.5, [[1.0, 0.0], [0.0, 2.0]], 1.0);
    assert!((t - (0.0 + 2.0 * 3.0 + 2.0)).abs() < 1e-12, "{t}");
    let (_, _, (hm, hx)) = nested_by_value_hvp(c, 0.5, [[0.0, 1.0], [0.0, 0.0]], 0.0);
    // f = m01 x + m10 m11: H (dm01 = 1) = (d/dm: 0, d/dx: 1).
    assert_eq!((hm, hx), ([[0.0, 0.0], [0.0, 0.0]], 1.0));
    let (_, t) = nested_vecs_jvp(w.clone(), 0.5, vec![vec![0.0, 1.0], vec![1.0]], 0.0);
    assert!((t - (0.5 + 1.0)).abs() < 1e-12, "{t}");
}

#[differentiable]
fn nested_literal(x: f64, y: f64) -> f64 {
    let m = [[x, y * 2.0], [x * y, 1.5]];
    let r = m[1];
    m[0][0] * m[1][1] + m[0][1].sin() * r[0] + [[x.exp()], [y]][1][0]
}

/// Nested array expressions `[[a, b], [c, d]]` of differentiated values.
#[test]
fn nested_array_literals() {
    let mut rng = Rng::new(29);
    for _ in 0..4 {
        let (x, y) = (rng.signed(0.2, 1.2), rng.signed(0.2, 1.2));
        let (v, (gx, gy)) = nested_literal_grad(x, y);
        assert_eq!(v, nested_literal(x, y));
        // f = 1.5 x + sin(2y) x y + y.
        let want = [
            1.5 + (2.0 * y).sin() * y,
            2.0 * (2.0 * y).cos() * x * y + (2.0 * y).sin() * x + 1.0,
        ];
        assert_close(&[gx, gy], &want, "closed form");
        assert_close(
            &[gx, gy],
            &fd_grad(|z| nested_literal(z[0], z[1]), &[x, y]),
            "differences",
        );
        let (_, t) = nested_literal_jvp(x, y, 0.3, -0.6);
        assert_close(&[t], &[0.3 * gx - 0.6 * gy], "jvp");
        let (_, _, (hx, hy)) = nested_literal_hvp(x, y, 1.0, 0.0);
        // d/dx of the gradient: (0, 2 cos(2y) y + sin(2y)).
        assert_close_tol(
            &[hx, hy],
            &[0.0, 2.0 * (2.0 * y).cos() * y + (2.0 * y).sin()],
            1e-12,
            "H e_x",
        );
    }
}

/// A closure bound by `let` with a loop variable of its own, called where a variable of that
/// name exists (`3 · x`: the closure is `t`, summed over `i` = 0, 1, 2).
#[differentiable]
fn closure_with_own_loop(x: f64) -> f64 {
    let f = |t: f64| {
        let mut s = 0.0;
        for i in 0..2 {
            s += t * i as f64;
        }
        s
    };
    let mut acc = 0.0;
    for i in 0..3 {
        acc += f(x) * i as f64;
    }
    acc
}

#[test]
fn closures_binding_names_of_their_own() {
    assert_eq!(closure_with_own_loop_grad(2.0), (6.0, 3.0));
    assert_eq!(closure_with_own_loop_jvp(2.0, 1.0), (6.0, 3.0));
}

/// A matrix built by pushing rows, annotated (`Vec<Vec<f64>>`, rows from `Vec::new()` and
/// pushes) and not (rows from `vec![..]` written by index): `m[i][j] = x_i x_j` and
/// `(x_i - x_j)² + x_i`.
#[differentiable]
fn pushed_rows(x: &[f64]) -> f64 {
    let mut m: Vec<Vec<f64>> = Vec::new();
    for i in 0..2 {
        let mut row = Vec::new();
        for j in 0..2 {
            row.push(x[i] * x[j]);
        }
        m.push(row);
    }
    m[0][1] + m[1][1] * m[1][0]
}

#[differentiable]
fn pushed_rows_inferred(x: &[f64]) -> f64 {
    let n = x.len();
    let mut m = Vec::new();
    for i in 0..n {
        let mut row = vec![0.0; n];
        for j in 0..n {
            row[j] = (x[i] - x[j]).powi(2) + x[i];
        }
        m.push(row);
    }
    let mut s = 0.0;
    for i in 0..n {
        for j in 0..n {
            s += m[i][j] * x[j];
        }
    }
    s
}

#[test]
fn rows_pushed_onto_a_vec() {
    let x = [0.7, -1.3];
    let (v, g) = pushed_rows_grad(&x);
    assert_eq!(v, pushed_rows(&x));
    // x0 x1 + x0 x1³.
    let want = [x[1] + x[1].powi(3), x[0] + 3.0 * x[0] * x[1] * x[1]];
    assert_close_tol(&g, &want, 1e-12, "gradient");
    let (_, t) = pushed_rows_jvp(&x, &[0.5, -2.0]);
    assert_close_tol(&[t], &[0.5 * want[0] - 2.0 * want[1]], 1e-12, "jvp");
    let (_, _, hv) = pushed_rows_hvp(&x, &[1.0, 0.0]);
    assert_close_tol(&hv, &[0.0, 1.0 + 3.0 * x[1] * x[1]], 1e-12, "hvp");

    let y = [0.7, -1.3, 0.4];
    let (v, g) = pushed_rows_inferred_grad(&y);
    assert_eq!(v, pushed_rows_inferred(&y));
    let fd = fd_grad(&|p: &[f64]| pushed_rows_inferred(p), &y);
    assert_close_tol(&g, &fd, 1e-7, "gradient vs differences");
    let (_, t) = pushed_rows_inferred_jvp(&y, &[1.0, 0.5, -1.0]);
    assert_close_tol(&[t], &[g[0] + 0.5 * g[1] - g[2]], 1e-12, "jvp");
    let e = 1e-5;
    let shift = |s: f64| pushed_rows_inferred_grad(&[y[0] + s, y[1], y[2]]).1;
    let (gp, gm) = (shift(e), shift(-e));
    let fd: Vec<f64> = gp
        .iter()
        .zip(&gm)
        .map(|(a, b)| (a - b) / (2.0 * e))
        .collect();
    let (_, _, hv) = pushed_rows_inferred_hvp(&y, &[1.0, 0.0, 0.0]);
    assert_close_tol(&hv, &fd, 1e-6, "hvp vs differences");
}

#[differentiable]
fn doubled(a: &ad_runtime::ndarray::Array1<f64>) -> ad_runtime::ndarray::Array1<f64> {
    a * 2.0
}
#[differentiable]
fn doubled_vec(a: &[f64]) -> Vec<f64> {
    a.iter().map(|v| v * 2.0).collect()
}
#[differentiable]
fn doubled_fixed(a: &[f64]) -> [f64; 3] {
    [a[0] * 2.0, a[1] * 2.0, a[2] * 2.0]
}

/// A call's result written element by element without an annotation (`let mut r =
/// g(a);`), for an `Array1`, a `Vec` and a fixed-size array result: `r = 2a`, `r0 ← r1 r0`,
/// `r2 += r0 a1`, so `f = 4 a0 a1 + 2 a1 + 2 a2 + 4 a0 a1²`.
#[differentiable]
fn written_call_result(a: &ad_runtime::ndarray::Array1<f64>) -> f64 {
    let mut r = doubled(a);
    r[0] = r[1] * r[0];
    r[2] += r[0] * a[1];
    r.sum()
}
#[differentiable]
fn written_call_result_vec(a: &[f64]) -> f64 {
    let mut r = doubled_vec(a);
    r[0] = r[1] * r[0];
    r[2] += r[0] * a[1];
    r[0] + r[1] + r[2]
}
#[differentiable]
fn written_call_result_fixed(a: &[f64]) -> f64 {
    let mut r = doubled_fixed(a);
    r[0] = r[1] * r[0];
    r[2] += r[0] * a[1];
    r[0] + r[1] + r[2]
}

#[test]
fn call_results_written_by_index() {
    let a = [0.5, -1.5, 2.0];
    let f = |a: &[f64]| 4.0 * a[0] * a[1] + 2.0 * a[1] + 2.0 * a[2] + 4.0 * a[0] * a[1] * a[1];
    let want = [
        4.0 * a[1] + 4.0 * a[1] * a[1],
        4.0 * a[0] + 2.0 + 8.0 * a[0] * a[1],
        2.0,
    ];
    let arr = ad_runtime::ndarray::Array1::from(a.to_vec());
    let (v, g) = written_call_result_grad(&arr);
    assert_close_tol(&[v], &[f(&a)], 1e-12, "array value");
    assert_close_tol(g.as_slice().unwrap(), &want, 1e-12, "array gradient");
    let (v, g) = written_call_result_vec_grad(&a);
    assert_close_tol(&[v], &[f(&a)], 1e-12, "vec value");
    assert_close_tol(&g, &want, 1e-12, "vec gradient");
    let (v, g) = written_call_result_fixed_grad(&a);
    assert_close_tol(&[v], &[f(&a)], 1e-12, "fixed value");
    assert_close_tol(&g, &want, 1e-12, "fixed gradient");
    let e0 = ad_runtime::ndarray::Array1::from(vec![1.0, 0.0, 0.0]);
    let (_, t) = written_call_result_jvp(&arr, &e0);
    assert_close_tol(&[t], &[want[0]], 1e-12, "array jvp");
    let (_, _, hv) = written_call_result_hvp(&arr, &e0);
    assert_close_tol(
        hv.as_slice().unwrap(),
        &[0.0, 4.0 + 8.0 * a[1], 0.0],
        1e-12,
        "array hvp",
    );
    let (_, _, hv) = written_call_result_vec_hvp(&a, &[1.0, 0.0, 0.0]);
    assert_close_tol(&hv, &[0.0, 4.0 + 8.0 * a[1], 0.0], 1e-12, "vec hvp");
}

#[differentiable]
fn cell_sum(h: &[f64], w: f64) -> f64 {
    h.iter().map(|v| (v * w).tanh()).sum()
}

/// A `vec![vec![..]]` state whose rows are passed to a call (`&st[i - 1]`) and iterated, and
/// whose elements are written (an unrolled recurrent cell).
#[differentiable]
fn recurrent_rows(x: &[f64], w: f64) -> f64 {
    let n = x.len();
    let mut st = vec![vec![0.0; n]; 3];
    for j in 0..n {
        st[0][j] = x[j];
    }
    for i in 1..3 {
        let s = cell_sum(&st[i - 1], w);
        for j in 0..n {
            st[i][j] = s * x[j] + st[i - 1][j];
        }
    }
    st[2].iter().map(|v| v * v).sum::<f64>()
}

#[test]
fn matrix_rows_passed_and_iterated() {
    let x = [0.3, -0.5, 0.8];
    let w = 0.7;
    let (v, (gx, gw)) = recurrent_rows_grad(&x, w);
    assert_eq!(v, recurrent_rows(&x, w));
    let fd = fd_grad(
        &|p: &[f64]| recurrent_rows(&p[..3], p[3]),
        &[x[0], x[1], x[2], w],
    );
    let mut g = gx.clone();
    g.push(gw);
    assert_close_tol(&g, &fd, 1e-7, "gradient");
    let (_, t) = recurrent_rows_jvp(&x, w, &[1.0, 0.0, -1.0], 0.5);
    assert_close_tol(&[t], &[g[0] - g[2] + 0.5 * g[3]], 1e-10, "jvp");
    let (_, (hg, _), (hv, hw)) = recurrent_rows_hvp(&x, w, &[0.0, 0.0, 0.0], 1.0);
    assert_close_tol(&hg, &gx, 1e-12, "hvp gradient");
    let e = 1e-5;
    let (p, m) = (
        recurrent_rows_grad(&x, w + e).1,
        recurrent_rows_grad(&x, w - e).1,
    );
    let fd: Vec<f64> =
        p.0.iter()
            .zip(&m.0)
            .map(|(a, b)| (a - b) / (2.0 * e))
            .collect();
    assert_close_tol(&hv, &fd, 1e-6, "H v in x");
    assert_close_tol(&[hw], &[(p.1 - m.1) / (2.0 * e)], 1e-6, "H v in w");
}

/// Rows of a nested parameter iterated by `for v in r` (`r` a loop's row, or `let r =
/// &m[0];`).
#[differentiable]
fn iterated_rows(m: &Vec<Vec<f64>>) -> f64 {
    let mut s = 0.0;
    for r in m {
        for v in r {
            s += v * v;
        }
    }
    let r = &m[0];
    for &v in r {
        s += 3.0 * v;
    }
    s
}

#[test]
fn rows_iterated_by_reference() {
    let m = vec![vec![1.0, 2.0], vec![3.0]];
    let (v, g) = iterated_rows_grad(&m);
    assert_close_tol(&[v], &[14.0 + 9.0], 1e-12, "value");
    assert_close_tol(&g[0], &[5.0, 7.0], 1e-12, "row 0");
    assert_close_tol(&g[1], &[6.0], 1e-12, "row 1");
}
