//! Second order (`f_hvp`, `f_hessian`): forward over reverse, checked against closed-form
//! Hessians and against central differences of the generated gradient along `v`, on every
//! construct of the scalar/slice language (loops with overwrites, branches, early exits,
//! calls, float methods with non-smooth points, f32).

#![allow(clippy::needless_range_loop)]
#![allow(dead_code)]

mod common;

use ad_runtime::differentiable;
use common::{Rng, assert_close_tol};

/// `(grad(x + h v) - grad(x - h v)) / 2h`: the Hessian–vector product by differences.
fn fd_hv(grad: impl Fn(&[f64]) -> Vec<f64>, x: &[f64], v: &[f64]) -> Vec<f64> {
    let h = 1e-5;
    let p: Vec<f64> = x.iter().zip(v).map(|(a, b)| a + h * b).collect();
    let m: Vec<f64> = x.iter().zip(v).map(|(a, b)| a - h * b).collect();
    grad(&p)
        .iter()
        .zip(grad(&m))
        .map(|(a, b)| (a - b) / (2.0 * h))
        .collect()
}

fn random_vec(rng: &mut Rng, n: usize, lo: f64, hi: f64) -> Vec<f64> {
    (0..n).map(|_| rng.uniform(lo, hi)).collect()
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

/// The Rosenbrock Hessian in closed form (tridiagonal).
fn rosen_closed_hessian(x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut h = vec![vec![0.0; n]; n];
    for i in 0..n - 1 {
        h[i][i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
        h[i + 1][i + 1] += 200.0;
        h[i][i + 1] -= 400.0 * x[i];
        h[i + 1][i] -= 400.0 * x[i];
    }
    h
}

#[test]
fn rosenbrock_hvp_and_hessian_match_the_closed_form() {
    let mut rng = Rng::new(3);
    for n in [2, 3, 10] {
        let x = random_vec(&mut rng, n, -1.5, 1.5);
        let v = random_vec(&mut rng, n, -1.0, 1.0);
        let h = rosen_closed_hessian(&x);
        let hv: Vec<f64> = (0..n)
            .map(|i| (0..n).map(|j| h[i][j] * v[j]).sum())
            .collect();
        let (y, g, got) = rosen_hvp(&x, &v);
        let (y0, g0) = rosen_grad(&x);
        assert_eq!(y, y0);
        assert_eq!(g, g0, "the gradient is f_grad's");
        assert_close_tol(&got, &hv, 1e-12, "H v");
        let (y, g, hess) = rosen_hessian(&x);
        assert_eq!((y, g), (y0, g0));
        assert_eq!(hess.dim(), (n, n));
        for i in 0..n {
            assert_close_tol(&hess.row(i).to_vec(), &h[i], 1e-12, "Hessian row");
        }
    }
}

/// `½ xᵀAx + Σ tanh(xᵢ)` with `A` a constant parameter (row-major, n × n).
#[differentiable(wrt(x))]
fn quad_tanh(x: &[f64], a: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 0..n {
        let mut r = 0.0;
        for j in 0..n {
            r += a[i * n + j] * x[j];
        }
        s += 0.5 * x[i] * r + x[i].tanh();
    }
    s
}

#[test]
fn quadratic_form_plus_tanh_matches_the_closed_form() {
    let mut rng = Rng::new(5);
    let n = 6;
    let a = random_vec(&mut rng, n * n, -1.0, 1.0);
    let x = random_vec(&mut rng, n, -1.0, 1.0);
    let (_, _, hess) = quad_tanh_hessian(&x, &a);
    for i in 0..n {
        for j in 0..n {
            let t = x[i].tanh();
            let diag = if i == j {
                -2.0 * t * (1.0 - t * t)
            } else {
                0.0
            };
            let want = 0.5 * (a[i * n + j] + a[j * n + i]) + diag;
            assert!(
                (hess[[i, j]] - want).abs() < 1e-13,
                "H[{i},{j}] = {} vs {want}",
                hess[[i, j]]
            );
        }
    }
}

/// A small MLP loss written with loops: one hidden tanh layer, squared error, the weights
/// flattened in one slice (the Hessian of a real training loss).
#[differentiable(wrt(w))]
fn mlp_loss(w: &[f64], x: &[f64], y: &[f64], d: usize, h: usize) -> f64 {
    let m = y.len();
    let mut loss = 0.0;
    for s in 0..m {
        let mut out = w[h * d + h + h];
        for k in 0..h {
            let mut z = w[h * d + k];
            for i in 0..d {
                z += w[k * d + i] * x[s * d + i];
            }
            out += w[h * d + h + k] * z.tanh();
        }
        let e = out - y[s];
        loss += e * e;
    }
    loss / m as f64
}

#[test]
fn mlp_loss_hvp_matches_differences_of_the_gradient() {
    let mut rng = Rng::new(11);
    let (d, h, m) = (3, 4, 5);
    let w = random_vec(&mut rng, h * d + 2 * h + 1, -1.0, 1.0);
    let x = random_vec(&mut rng, m * d, -1.0, 1.0);
    let y = random_vec(&mut rng, m, -1.0, 1.0);
    for _ in 0..3 {
        let v = random_vec(&mut rng, w.len(), -1.0, 1.0);
        let (_, _, hv) = mlp_loss_hvp(&w, &x, &y, d, h, &v);
        let want = fd_hv(|w| mlp_loss_grad(w, &x, &y, d, h).1, &w, &v);
        assert_close_tol(&hv, &want, 1e-6, "MLP H v");
    }
    // Symmetry of the dense Hessian.
    let (_, _, hess) = mlp_loss_hessian(&w, &x, &y, d, h);
    for i in 0..w.len() {
        for j in 0..i {
            assert!((hess[[i, j]] - hess[[j, i]]).abs() < 1e-12);
        }
    }
}

// ---- every construct ----------------------------------------------------------------------

#[differentiable]
fn scalar_mix(x: f64, y: f64) -> f64 {
    let a = x * y + x.sin() - y / (1.0 + x * x);
    let b = f64::exp(a * 0.3).ln_1p() + x.powi(3) - y.powf(1.5) + x.atan2(y);
    let c = a.max(b) * x.hypot(y) + b.tanh() * x.mul_add(y, 0.5) + (x - y).abs();
    c + x.clamp(-0.5, 0.8) * y.sqrt() + (-x).exp2() % 3.0 + std::f64::consts::PI * x.cbrt()
}

#[test]
fn scalar_operations_two_parameters() {
    let mut rng = Rng::new(7);
    for _ in 0..6 {
        let (x, y) = (rng.uniform(0.2, 1.2), rng.uniform(0.3, 2.0));
        let (vx, vy) = (rng.signed(0.2, 1.0), rng.signed(0.2, 1.0));
        let (val, (gx, gy), (hx, hy)) = scalar_mix_hvp(x, y, vx, vy);
        assert_eq!(val, scalar_mix(x, y));
        assert_eq!((gx, gy), scalar_mix_grad(x, y).1);
        let want = fd_hv(
            |p| {
                let (_, (a, b)) = scalar_mix_grad(p[0], p[1]);
                vec![a, b]
            },
            &[x, y],
            &[vx, vy],
        );
        assert_close_tol(&[hx, hy], &want, 1e-6, "scalar H v");
        let (_, _, hess) = scalar_mix_hessian(x, y);
        assert_close_tol(
            &[
                hess[[0, 0]] * vx + hess[[0, 1]] * vy,
                hess[[1, 0]] * vx + hess[[1, 1]] * vy,
            ],
            &[hx, hy],
            1e-12,
            "Hessian columns are HVPs",
        );
    }
}

#[differentiable]
fn inner(a: f64, b: f64) -> f64 {
    (a * b).sin() + a * a * b
}

#[differentiable]
fn outer(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += inner(x[i], s) * 0.5;
    }
    inner(s, x[0])
}

/// Recursion: the dual pullback calls itself.
#[differentiable]
fn power_tower(x: f64, n: usize) -> f64 {
    if n == 0 {
        x
    } else {
        (power_tower(x, n - 1) * 0.7).sin() + x * x
    }
}

/// Overwrites, branches on values, early exits, integer casts, local buffers.
#[differentiable]
fn buffers_and_branches(x: &[f64]) -> f64 {
    let n = x.len();
    let mut buf = vec![0.0; n];
    let mut t = x[0];
    for i in 0..n {
        t = t * 0.9 + x[i].exp() / (1.0 + i as f64);
        if t > 2.0 {
            t = t.ln();
        } else {
            t = t * t;
        }
        buf[i] = t;
        if i > 6 {
            break;
        }
    }
    let mut s = 0.0;
    for v in buf.iter() {
        s += v.sqrt() * (*v).max(0.3);
    }
    if s > 100.0 {
        return s.ln();
    }
    s + x.iter().sum::<f64>().powi(2)
}

#[test]
fn calls_recursion_loops_and_branches() {
    let mut rng = Rng::new(13);
    for n in [3, 6, 9] {
        let x = random_vec(&mut rng, n, 0.1, 0.9);
        let v = random_vec(&mut rng, n, -1.0, 1.0);
        let (_, g, hv) = outer_hvp(&x, &v);
        assert_eq!(g, outer_grad(&x).1);
        assert_close_tol(&hv, &fd_hv(|x| outer_grad(x).1, &x, &v), 1e-6, "calls");
        let (_, _, hv) = buffers_and_branches_hvp(&x, &v);
        let want = fd_hv(|x| buffers_and_branches_grad(x).1, &x, &v);
        assert_close_tol(&hv, &want, 1e-6, "buffers and branches");
    }
    for n in [0, 1, 4] {
        let x = 0.8;
        let (_, g, h) = power_tower_hvp(x, n, 1.0);
        assert_eq!(g, power_tower_grad(x, n).1);
        let want = fd_hv(|p| vec![power_tower_grad(p[0], n).1], &[x], &[1.0])[0];
        assert!(
            (h - want).abs() < 1e-6 * (1.0 + want.abs()),
            "recursion n = {n}"
        );
    }
}

/// Generic over the float type by hand: the f32 version.
#[differentiable]
fn rosen32(x: &[f32]) -> f32 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

#[test]
fn f32_hessian() {
    let x = [0.5f32, -0.3, 0.8];
    let (_, _, h) = rosen32_hessian(&x);
    let want = rosen_closed_hessian(&[0.5, -0.3, 0.8]);
    for i in 0..3 {
        for j in 0..3 {
            assert!((h[[i, j]] as f64 - want[i][j]).abs() < 1e-3 * (1.0 + want[i][j].abs()));
        }
    }
}

/// Parameters of mixed types: a float, a fixed-size array and a `Vec`.
#[differentiable(wrt(a, p, q))]
fn mixed_params(a: f64, p: [f64; 2], q: Vec<f64>, k: usize) -> f64 {
    let mut s = a * p[0] * p[1];
    for i in 0..k.min(q.len()) {
        s += (q[i] * a).cos() + p[i % 2] * q[i] * q[i];
    }
    s
}

#[test]
fn hessian_over_mixed_parameters() {
    let (a, p, q) = (0.7, [0.4, -1.1], vec![0.3, 0.9, -0.2]);
    let (_, _, hess) = mixed_params_hessian(a, p, q.clone(), 3);
    assert_eq!(hess.dim(), (6, 6));
    let flat = [a, p[0], p[1], q[0], q[1], q[2]];
    let grad = |z: &[f64]| {
        let (_, (ga, gp, gq)) = mixed_params_grad(z[0], [z[1], z[2]], z[3..].to_vec(), 3);
        let mut g = vec![ga, gp[0], gp[1]];
        g.extend(gq);
        g
    };
    for j in 0..6 {
        let mut e = [0.0; 6];
        e[j] = 1.0;
        assert_close_tol(
            &hess.column(j).to_vec(),
            &fd_hv(grad, &flat, &e),
            1e-6,
            "column",
        );
    }
}

// ---- calls of functions that are not differentiated ----------------------------------------

/// Not differentiable (no attribute), with a float argument: a constant term, as GMM's.
fn constant_term(n: usize, gamma: f64) -> f64 {
    n as f64 * gamma.ln()
}

/// Not differentiable, returns a tuple.
fn pair(v: &[f64]) -> (f64, usize) {
    (v.iter().sum(), v.len())
}

#[differentiable(wrt(x))]
fn with_plain_helpers(x: &[f64], gamma: f64, data: &[f64]) -> f64 {
    let c = constant_term(x.len(), gamma);
    let (s, k) = pair(&data[1..]);
    let mut acc = c * x[0];
    for i in 0..x.len() {
        acc += (x[i] * s).sin() * k as f64 + x[i] * x[i] * gamma;
    }
    acc
}

#[test]
fn helpers_that_are_not_differentiable_run_on_values() {
    let x = [0.3, -0.7, 1.1];
    let data = [0.5, 0.25, -0.125];
    let v = [1.0, -0.5, 0.25];
    let (y, g, hv) = with_plain_helpers_hvp(&x, 1.7, &data, &v);
    assert_eq!(y, with_plain_helpers(&x, 1.7, &data));
    assert_eq!(g, with_plain_helpers_grad(&x, 1.7, &data).1);
    let want = fd_hv(|x| with_plain_helpers_grad(x, 1.7, &data).1, &x, &v);
    assert_close_tol(&hv, &want, 1e-6, "H v through plain helpers");
}

// ---- ndarray ----------------------------------------------------------------------------------

use ad_runtime::ndarray::{Array1, Array2, Axis, s};
use ad_runtime::nn;

/// A two-layer network on ndarray arrays: matmul, broadcasting bias, tanh (a float method on
/// an array), softmax cross-entropy; the Hessian of the loss in the direction of all weights.
#[differentiable(wrt(w1, b1, w2))]
fn net_loss(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    x: &Array2<f64>,
    labels: &[usize],
) -> f64 {
    let h = (x.dot(w1) + b1).tanh();
    let logits = h.dot(w2);
    nn::cross_entropy(&logits, labels) + 0.01 * (w1 * w1).sum()
}

#[differentiable]
fn array_mix(a: &Array2<f64>, v: &Array1<f64>) -> f64 {
    let r = a.dot(v);
    let s = (&r * &r).sum_axis(Axis(0)).sum();
    let m = a.mean_axis(Axis(1)).unwrap();
    let t = Array2::<f64>::eye(3);
    s.sqrt() + (&m * &m).sum() * a.sum() + (a * &t).sum().sin() + r.exp().sum().ln()
}

fn flat2(a: &Array2<f64>) -> Vec<f64> {
    a.iter().copied().collect()
}

#[test]
fn ndarray_functions() {
    let mut rng = Rng::new(17);
    let arr2 = |rng: &mut Rng, r: usize, c: usize| {
        Array2::from_shape_vec((r, c), random_vec(rng, r * c, -0.8, 0.8)).unwrap()
    };
    let (d, h, k, m) = (3, 4, 3, 5);
    let (w1, w2, x) = (
        arr2(&mut rng, d, h),
        arr2(&mut rng, h, k),
        arr2(&mut rng, m, d),
    );
    let b1 = Array1::from(random_vec(&mut rng, h, -0.5, 0.5));
    let labels = [0, 2, 1, 1, 0];
    let (v1, v2) = (arr2(&mut rng, d, h), arr2(&mut rng, h, k));
    let vb = Array1::from(random_vec(&mut rng, h, -1.0, 1.0));
    let (y, (g1, gb, g2), (h1, hb, h2)) = net_loss_hvp(&w1, &b1, &w2, &x, &labels, &v1, &vb, &v2);
    // To rounding: ndarray multiplies `f64` matrices with matrixmultiply's kernels and dual
    // ones with its generic loop, which sum in another order.
    let y0 = net_loss(&w1, &b1, &w2, &x, &labels);
    assert!((y - y0).abs() <= 1e-14 * y0.abs());
    let (_, (r1, rb, r2)) = net_loss_grad(&w1, &b1, &w2, &x, &labels);
    let close = |a: &[f64], b: &[f64]| {
        a.iter()
            .zip(b)
            .all(|(p, q)| (p - q).abs() <= 1e-12 * (1.0 + q.abs()))
    };
    assert!(
        close(&flat2(&g1), &flat2(&r1))
            && close(&flat2(&g2), &flat2(&r2))
            && close(gb.as_slice().unwrap(), rb.as_slice().unwrap())
    );
    // Differences of the gradient along (v1, vb, v2), flattened in parameter order.
    let point: Vec<f64> = [flat2(&w1), b1.to_vec(), flat2(&w2)].concat();
    let dir: Vec<f64> = [flat2(&v1), vb.to_vec(), flat2(&v2)].concat();
    let grad = |p: &[f64]| {
        let a = Array2::from_shape_vec((d, h), p[..d * h].to_vec()).unwrap();
        let b = Array1::from(p[d * h..d * h + h].to_vec());
        let c = Array2::from_shape_vec((h, k), p[d * h + h..].to_vec()).unwrap();
        let (_, (ga, gb, gc)) = net_loss_grad(&a, &b, &c, &x, &labels);
        [flat2(&ga), gb.to_vec(), flat2(&gc)].concat()
    };
    let got = [flat2(&h1), hb.to_vec(), flat2(&h2)].concat();
    assert_close_tol(&got, &fd_hv(grad, &point, &dir), 1e-6, "network H v");

    let a = arr2(&mut rng, 3, 3);
    let v = Array1::from(random_vec(&mut rng, 3, -1.0, 1.0));
    let (va, vv) = (
        arr2(&mut rng, 3, 3),
        Array1::from(random_vec(&mut rng, 3, -1.0, 1.0)),
    );
    let (_, _, (ha, hv)) = array_mix_hvp(&a, &v, &va, &vv);
    let point: Vec<f64> = [flat2(&a), v.to_vec()].concat();
    let dir: Vec<f64> = [flat2(&va), vv.to_vec()].concat();
    let grad = |p: &[f64]| {
        let a = Array2::from_shape_vec((3, 3), p[..9].to_vec()).unwrap();
        let v = Array1::from(p[9..].to_vec());
        let (_, (ga, gv)) = array_mix_grad(&a, &v);
        [flat2(&ga), gv.to_vec()].concat()
    };
    assert_close_tol(
        &[flat2(&ha), hv.to_vec()].concat(),
        &fd_hv(grad, &point, &dir),
        1e-6,
        "array ops H v",
    );
}

/// `mapv` closures (with a captured differentiated scalar, a path in place of a closure and a
/// typed parameter) on dual arrays.
#[differentiable]
fn closures(a: &Array2<f64>, s: f64) -> f64 {
    let h = a.mapv(|v| (v * s).max(0.0) + v.tanh());
    let t = h.mapv(f64::exp);
    let u = a.mapv(|v: f64| v * v * f64::EPSILON.sqrt());
    t.sum().ln() + u.sum() * s
}

#[test]
fn mapv_closures() {
    let mut rng = Rng::new(19);
    let a = Array2::from_shape_vec((2, 3), random_vec(&mut rng, 6, -0.8, 0.8)).unwrap();
    let va = Array2::from_shape_vec((2, 3), random_vec(&mut rng, 6, -1.0, 1.0)).unwrap();
    let (s, vs) = (0.7, -0.4);
    let (_, _, (ha, hs)) = closures_hvp(&a, s, &va, vs);
    let point: Vec<f64> = [flat2(&a), vec![s]].concat();
    let dir: Vec<f64> = [flat2(&va), vec![vs]].concat();
    let grad = |p: &[f64]| {
        let a = Array2::from_shape_vec((2, 3), p[..6].to_vec()).unwrap();
        let (_, (ga, gs)) = closures_grad(&a, p[6]);
        [flat2(&ga), vec![gs]].concat()
    };
    assert_close_tol(
        &[flat2(&ha), vec![hs]].concat(),
        &fd_hv(grad, &point, &dir),
        1e-6,
        "mapv H v",
    );
}

/// `concatenate`/`stack` of differentiated arrays and casts inside `mapv` closures (to a
/// float, of an integer and of a differentiated element; to an integer) on dual arrays.
#[differentiable]
fn joins_and_casts(x: &Array1<f64>, y: &Array1<f64>, k: usize) -> f64 {
    let c = ad_runtime::ndarray::concatenate(Axis(0), &[x.view(), y.view()]).unwrap();
    let s = ad_runtime::ndarray::stack(Axis(1), &[x.view(), y.slice(s![1..]).view()]).unwrap();
    let t = s.mapv(f64::sin);
    let u = c.mapv(|v| v * v * k as f64 + (v as f32) as f64 * (v.abs() as usize + 1) as f64);
    c.dot(&c) * 0.5 + (&t * &t).sum() + u.sum() + c.mapv(f64::exp).sum()
}

#[test]
fn concatenate_stack_and_casts_in_closures() {
    let mut rng = Rng::new(29);
    let x = Array1::from(random_vec(&mut rng, 2, -0.9, 0.9));
    let y = Array1::from(random_vec(&mut rng, 3, -0.9, 0.9));
    let dx = Array1::from(random_vec(&mut rng, 2, -1.0, 1.0));
    let dy = Array1::from(random_vec(&mut rng, 3, -1.0, 1.0));
    let point: Vec<f64> = [x.to_vec(), y.to_vec()].concat();
    let dir: Vec<f64> = [dx.to_vec(), dy.to_vec()].concat();
    let f = |p: &[f64]| {
        joins_and_casts(
            &Array1::from(p[..2].to_vec()),
            &Array1::from(p[2..].to_vec()),
            3,
        )
    };
    let grad = |p: &[f64]| {
        let (_, (gx, gy)) = joins_and_casts_grad(
            &Array1::from(p[..2].to_vec()),
            &Array1::from(p[2..].to_vec()),
            3,
        );
        [gx.to_vec(), gy.to_vec()].concat()
    };
    let g = grad(&point);
    // The gradient against differences of the function (a step large against the `f32`
    // round trip's rounding, whose derivative is 1).
    let h = 1e-3;
    for i in 0..5 {
        let (mut p, mut m) = (point.clone(), point.clone());
        p[i] += h;
        m[i] -= h;
        let fd = (f(&p) - f(&m)) / (2.0 * h);
        assert!(
            (fd - g[i]).abs() <= 1e-4 * (1.0 + fd.abs()),
            "d/dp{i}: {fd} vs {}",
            g[i]
        );
    }
    // Forward mode: jvp = grad · v (to `f32` precision: the tangent through `as f32` is an
    // `f32`).
    let (v, t) = joins_and_casts_jvp(&x, &y, 3, &dx, &dy);
    assert_eq!(v, f(&point));
    let gv = dot_flat(&g, &dir);
    assert!(
        (t - gv).abs() <= 1e-6 * (1.0 + gv.abs()),
        "jvp {t} vs grad·v {gv}"
    );
    // Second order: H v against differences of the gradient.
    let (v2, (gx, gy), (hx, hy)) = joins_and_casts_hvp(&x, &y, 3, &dx, &dy);
    assert_eq!(v2, v);
    assert_close_tol(
        &[gx.to_vec(), gy.to_vec()].concat(),
        &g,
        1e-14,
        "hvp's gradient",
    );
    assert_close_tol(
        &[hx.to_vec(), hy.to_vec()].concat(),
        &fd_hv(grad, &point, &dir),
        1e-6,
        "H v",
    );
}

// ---- forward mode on arrays, through dual numbers ------------------------------------------

#[differentiable]
fn array_out(a: &Array2<f64>, v: &Array1<f64>) -> Array1<f64> {
    (a.dot(v) * 2.0).tanh() + v.mapv(|x| x * x)
}

fn dot_flat(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[test]
fn jvp_of_array_functions() {
    let mut rng = Rng::new(23);
    let arr2 = |rng: &mut Rng, r: usize, c: usize| {
        Array2::from_shape_vec((r, c), random_vec(rng, r * c, -0.8, 0.8)).unwrap()
    };
    // Scalar result: jvp = grad . v.
    let (a, va) = (arr2(&mut rng, 3, 3), arr2(&mut rng, 3, 3));
    let (v, vv) = (
        Array1::from(random_vec(&mut rng, 3, -1.0, 1.0)),
        Array1::from(random_vec(&mut rng, 3, -1.0, 1.0)),
    );
    let (y, t) = array_mix_jvp(&a, &v, &va, &vv);
    let (y0, (ga, gv)) = array_mix_grad(&a, &v);
    assert!((y - y0).abs() <= 1e-14 * y0.abs());
    let want = dot_flat(&flat2(&ga), &flat2(&va)) + dot_flat(&gv.to_vec(), &vv.to_vec());
    assert!(
        (t - want).abs() <= 1e-12 * (1.0 + want.abs()),
        "{t} vs {want}"
    );
    let (s, vs) = (0.7, -0.4);
    let (_, t) = closures_jvp(&a, s, &va, vs);
    let (_, (ga, gs)) = closures_grad(&a, s);
    let want = dot_flat(&flat2(&ga), &flat2(&va)) + gs * vs;
    assert!(
        (t - want).abs() <= 1e-12 * (1.0 + want.abs()),
        "{t} vs {want}"
    );
    // Array result: against central differences along the tangents.
    let (y, t) = array_out_jvp(&a, &v, &va, &vv);
    let h = 1e-6;
    let yp = array_out(&(&a + &(&va * h)), &(&v + &(&vv * h)));
    let ym = array_out(&(&a - &(&va * h)), &(&v - &(&vv * h)));
    let fd: Vec<f64> = yp
        .iter()
        .zip(&ym)
        .map(|(p, m)| (p - m) / (2.0 * h))
        .collect();
    assert_close_tol(&t.to_vec(), &fd, 1e-6, "array result jvp");
    assert_close_tol(
        &y.to_vec(),
        &array_out(&a, &v).to_vec(),
        1e-14,
        "array result value",
    );
}

/// A standard deviation over values that are exactly equal (the broadcast rows of a
/// constant): its slope is infinite, its tangent must still be zero, not `0 · ∞ = NaN`
/// (found by the tensor generator).
#[differentiable]
fn equal_rows_std(a: &Array1<f64>) -> f64 {
    let t = (a * &Array2::<f64>::from_elem((3, 2), 0.5)).std_axis(Axis(0), 1.0);
    (&t * &t).sum() + a.mapv(|v| v * v).sum()
}

#[test]
fn zero_tangent_through_an_infinite_slope() {
    let a = Array1::from(vec![0.3, -0.6]);
    let t = Array1::from(vec![1.0, 0.5]);
    let (_, jt) = equal_rows_std_jvp(&a, &t);
    let (_, g) = equal_rows_std_grad(&a);
    let want = g[0] * t[0] + g[1] * t[1];
    assert!((jt - want).abs() <= 1e-12, "{jt} vs {want}");
    let (_, _, hv) = equal_rows_std_hvp(&a, &t);
    assert!(hv.iter().all(|v| v.is_finite()));
}

/// Comparisons with a borrowed constant (`partial_cmp(&0.5)`, `total_cmp(&-1.0)`): the
/// constant is a borrowed dual constant in second order.
#[differentiable]
fn compared(x: f64, k: usize) -> f64 {
    let s = if x.partial_cmp(&0.5) == Some(std::cmp::Ordering::Greater) {
        x * x
    } else {
        x
    };
    let t = if x.total_cmp(&-1.0).is_gt() {
        s * 2.0
    } else {
        s
    };
    t * (k as f64)
}

#[test]
fn comparisons_with_borrowed_constants() {
    // x > 0.5: f = 6 x² (k = 3); x < -1: f = 3 x.
    let (v, g, h) = compared_hvp(0.7, 3, 1.0);
    assert_close_tol(
        &[v, g, h],
        &[6.0 * 0.49, 12.0 * 0.7, 12.0],
        1e-14,
        "x = 0.7",
    );
    let (v, g, h) = compared_hvp(-1.5, 3, 1.0);
    assert_close_tol(&[v, g, h], &[-4.5, 3.0, 0.0], 1e-14, "x = -1.5");
    let (_, t) = compared_jvp(0.7, 3, 2.0);
    assert_close_tol(&[t], &[2.0 * 12.0 * 0.7], 1e-14, "jvp");
}

/// A cast to an inferred float type (`let c: f64 = k as _;`): a dual constant in second order.
#[differentiable]
fn inferred_cast(x: f64, k: usize) -> f64 {
    let c: f64 = k as _;
    x * x * c + x
}

#[test]
fn casts_to_an_inferred_float() {
    let (v, g, h) = inferred_cast_hvp(0.7, 3, 1.0);
    assert_close_tol(
        &[v, g, h],
        &[3.0 * 0.49 + 0.7, 6.0 * 0.7 + 1.0, 6.0],
        1e-14,
        "k = 3",
    );
}

/// Casts of the element inside a `mapv` closure over an `f32` array (the closure's element is
/// an `f32`; its cast's reverse was typed `f64`).
#[differentiable]
fn f32_closure_casts(x: &Array1<f32>) -> f32 {
    x.mapv(|v| (v as f32) * 2.0 + (v as f64).sin() as f32).sum()
}

#[test]
fn casts_in_closures_over_f32_arrays() {
    let x = Array1::from(vec![0.5f32, 1.0]);
    let (_, g) = f32_closure_casts_grad(&x);
    let want: Vec<f32> = x.iter().map(|v| 2.0 + v.cos()).collect();
    for (a, b) in g.iter().zip(&want) {
        assert!((a - b).abs() < 1e-6, "{a} vs {b}");
    }
    let (_, t) = f32_closure_casts_jvp(&x, &Array1::from(vec![1.0f32, -1.0]));
    assert!((t - (want[0] - want[1])).abs() < 1e-6);
}

const TABLE3: [f64; 3] = [0.2, 0.3, 0.5];
const INIT3: [f64; 3] = [1.0, 2.0, 3.0];

/// Owned copies of constant tables written with differentiated values (`W.to_vec()`, also
/// assigned in a loop).
#[differentiable]
fn table_copies(x: &[f64]) -> f64 {
    let mut v = TABLE3.to_vec();
    v[0] = x[0] * x[1];
    let mut acc = x.to_vec();
    let mut s = v[0] * v[1] + v[2] * x[2];
    for k in 0..2 {
        s += acc[0] * acc[1];
        acc = INIT3.to_vec();
        acc[k] = x[k] * x[k];
    }
    s + acc[0] * acc[2]
}

#[test]
fn copies_of_constant_tables() {
    let x = [0.5, -0.3, 1.2];
    // f = 0.3 x0 x1 + 0.5 x2 + x0 x1 + 2 x0² + 3.
    let (v, g, h) = table_copies_hvp(&x, &[1.0, 0.0, 0.0]);
    let want = 0.3 * x[0] * x[1] + 0.5 * x[2] + x[0] * x[1] + 2.0 * x[0] * x[0] + 3.0;
    assert_close_tol(&[v], &[want], 1e-14, "value");
    assert_close_tol(
        &g,
        &[1.3 * x[1] + 4.0 * x[0], 1.3 * x[0], 0.5],
        1e-14,
        "gradient",
    );
    assert_close_tol(&h, &[4.0, 1.3, 0.0], 1e-14, "H e0");
    let (_, t) = table_copies_jvp(&x, &[1.0, 1.0, 1.0]);
    assert_close_tol(&[t], &[g.iter().sum::<f64>()], 1e-14, "jvp");
}
