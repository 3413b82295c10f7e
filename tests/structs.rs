//! Parameter structs (`#[derive(Differentiable)]`): field reads at any depth, gradients that
//! are the struct itself, the vector operations and the optimisers, against finite
//! differences and closed forms.

// Primals used only through their generated functions.
#![allow(dead_code)]

mod common;

use ad_runtime::ndarray::{Array1, Array2, array};
use ad_runtime::optim::{Adam, Sgd};
use ad_runtime::{Differentiable, VectorSpace, differentiable, nn};
use common::{assert_close, fd_grad};
use std::ops::{Add, Mul};

#[derive(Clone, Debug, Differentiable)]
struct Line {
    slope: f64,
    intercept: f64,
}

#[differentiable(wrt(p))]
fn line_loss(p: &Line, xs: &[f64], ys: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..xs.len() {
        let r = p.slope * xs[i] + p.intercept - ys[i];
        s += r * r;
    }
    s / xs.len() as f64
}

#[derive(Clone, Debug, Differentiable)]
struct Layer {
    w: Array2<f64>,
    b: Array1<f64>,
}

#[derive(Clone, Debug, Differentiable)]
struct Mlp {
    l1: Layer,
    l2: Layer,
    scale: f64,
    taps: Vec<f64>,
    #[no_derivative]
    name: String,
}

#[differentiable(wrt(m))]
fn mlp_loss(m: &Mlp, x: &Array2<f64>, labels: &[usize]) -> f64 {
    let h = (x.dot(&m.l1.w) + &m.l1.b).mapv(f64::tanh);
    let logits = (h.dot(&m.l2.w) + &m.l2.b) * m.scale;
    let mut extra = 0.0;
    for i in 0..m.taps.len() {
        extra += m.taps[i] * m.taps[i];
    }
    nn::cross_entropy(&logits, labels) + 0.1 * extra
}

fn mlp() -> Mlp {
    let w1 = Array2::from_shape_fn((3, 4), |(i, j)| ((i * 4 + j) as f64 * 0.37).sin() * 0.5);
    let w2 = Array2::from_shape_fn((4, 2), |(i, j)| ((i * 2 + j) as f64 * 0.61).cos() * 0.5);
    Mlp {
        l1: Layer {
            w: w1,
            b: array![0.1, -0.2, 0.05, 0.3],
        },
        l2: Layer {
            w: w2,
            b: array![0.0, 0.1],
        },
        scale: 1.3,
        taps: vec![0.4, -0.7],
        name: "net".to_string(),
    }
}

/// The floats of an `Mlp` as one vector, and back (for finite differences).
fn flat(m: &Mlp) -> Vec<f64> {
    let mut v: Vec<f64> =
        m.l1.w
            .iter()
            .chain(&m.l1.b)
            .chain(m.l2.w.iter())
            .chain(&m.l2.b)
            .copied()
            .collect();
    v.push(m.scale);
    v.extend(&m.taps);
    v
}

fn unflat(like: &Mlp, v: &[f64]) -> Mlp {
    let mut m = like.clone();
    let mut k = 0;
    for x in
        m.l1.w
            .iter_mut()
            .chain(m.l1.b.iter_mut())
            .chain(m.l2.w.iter_mut())
            .chain(m.l2.b.iter_mut())
    {
        *x = v[k];
        k += 1;
    }
    m.scale = v[k];
    m.taps = v[k + 1..].to_vec();
    m
}

#[test]
fn scalar_fields() {
    let p = Line {
        slope: 0.7,
        intercept: -0.2,
    };
    let xs = [0.0, 1.0, 2.0, 3.5];
    let ys = [0.1, 0.9, 1.2, 2.8];
    let (v, g): (f64, Line) = line_loss_grad(&p, &xs, &ys);
    assert_eq!(v, line_loss(&p, &xs, &ys));
    let n = xs.len() as f64;
    let r: Vec<f64> = xs
        .iter()
        .zip(&ys)
        .map(|(x, y)| p.slope * x + p.intercept - y)
        .collect();
    let ds: f64 = r.iter().zip(&xs).map(|(r, x)| 2.0 * r * x).sum::<f64>() / n;
    let di: f64 = r.iter().map(|r| 2.0 * r).sum::<f64>() / n;
    assert_close(&[g.slope, g.intercept], &[ds, di], "closed form");
}

#[test]
fn nested_structs_with_arrays() {
    let m = mlp();
    let x = Array2::from_shape_fn((5, 3), |(i, j)| ((i * 3 + j) as f64 * 0.23).cos());
    let labels = [0, 1, 1, 0, 1];
    let (v, g): (f64, Mlp) = mlp_loss_grad(&m, &x, &labels);
    assert_eq!(v, mlp_loss(&m, &x, &labels));
    assert_eq!(
        g.name, "net",
        "no_derivative fields are clones of the primal's"
    );
    let fd = fd_grad(|z| mlp_loss(&unflat(&m, z), &x, &labels), &flat(&m));
    assert_close(&flat(&g), &fd, "struct gradient");
}

#[test]
fn optimisers_train_a_struct() {
    let xs: Vec<f64> = (0..20).map(|i| i as f64 * 0.1).collect();
    let ys: Vec<f64> = xs.iter().map(|x| 1.5 * x - 0.3).collect();
    let mut p = Line {
        slope: 0.0,
        intercept: 0.0,
    };
    let mut opt = Adam::new(&p, 0.05);
    for _ in 0..2000 {
        let (_, g) = line_loss_grad(&p, &xs, &ys);
        opt.step(&mut p, &g);
    }
    assert!(
        (p.slope - 1.5).abs() < 1e-3 && (p.intercept + 0.3).abs() < 1e-3,
        "{p:?}"
    );
    let mut q = Line {
        slope: 0.0,
        intercept: 0.0,
    };
    let mut sgd = Sgd::new(&q, 0.1, 0.9);
    for _ in 0..2000 {
        let (_, g) = line_loss_grad(&q, &xs, &ys);
        sgd.step(&mut q, &g);
    }
    assert!(
        (q.slope - 1.5).abs() < 1e-3 && (q.intercept + 0.3).abs() < 1e-3,
        "{q:?}"
    );
    // The vector operations, field by field.
    let a = Line {
        slope: 1.0,
        intercept: 2.0,
    };
    let mut b = Line {
        slope: 3.0,
        intercept: -1.0,
    };
    assert_eq!(a.inner(&b), 1.0);
    b.add_scaled(2.0, &a);
    assert_eq!((b.slope, b.intercept), (5.0, 3.0));
    let z = a.zero_tangent();
    assert_eq!((z.slope, z.intercept), (0.0, 0.0));
}

/// A struct without the derive, left out of `wrt`: its fields are constants.
pub struct Config {
    pub gain: f64,
    pub offset: f64,
}

#[differentiable(wrt(y))]
fn with_config(c: &Config, y: f64) -> f64 {
    c.gain * y * y + c.offset
}

#[test]
fn constant_struct_fields() {
    let c = Config {
        gain: 3.0,
        offset: -1.0,
    };
    let (v, g) = with_config_grad(&c, 2.0);
    assert_eq!((v, g), (with_config(&c, 2.0), 12.0));
    assert_eq!(v, 11.0);
}

// ---- methods ----------------------------------------------------------------------------

impl Mlp {
    #[differentiable(wrt(self))]
    fn hidden(&self, x: &Array2<f64>) -> Array2<f64> {
        (x.dot(&self.l1.w) + &self.l1.b).mapv(f64::tanh)
    }

    #[differentiable(wrt(self))]
    fn loss(&self, x: &Array2<f64>, labels: &[usize]) -> f64 {
        let h = self.hidden(x);
        let logits = (h.dot(&self.l2.w) + &self.l2.b) * self.scale;
        let mut extra = 0.0;
        for i in 0..self.taps.len() {
            extra += self.taps[i] * self.taps[i];
        }
        nn::cross_entropy(&logits, labels) + 0.1 * extra
    }
}

impl Line {
    #[differentiable]
    fn eval(&self, x: f64) -> f64 {
        self.slope * x + self.intercept
    }

    /// A method calling a method and a free function.
    #[differentiable(wrt(self))]
    fn loss(&self, xs: &[f64], ys: &[f64]) -> f64 {
        let mut s = 0.0;
        for i in 0..xs.len() {
            let r = self.eval(xs[i]) - ys[i];
            s += r * r;
        }
        s / xs.len() as f64 + 0.0 * line_loss(self, xs, ys)
    }
}

#[test]
fn methods_match_free_functions() {
    let m = mlp();
    let x = Array2::from_shape_fn((5, 3), |(i, j)| ((i * 3 + j) as f64 * 0.23).cos());
    let labels = [0, 1, 1, 0, 1];
    let (v, g): (f64, Mlp) = m.loss_grad(&x, &labels);
    let (vf, gf) = mlp_loss_grad(&m, &x, &labels);
    assert_eq!(v, vf);
    assert_close(
        &flat(&g),
        &flat(&gf),
        "method gradient = free function gradient",
    );

    let p = Line {
        slope: 0.7,
        intercept: -0.2,
    };
    let xs = [0.0, 1.0, 2.0, 3.5];
    let ys = [0.1, 0.9, 1.2, 2.8];
    let (v, g) = p.loss_grad(&xs, &ys);
    let (vf, gf) = line_loss_grad(&p, &xs, &ys);
    assert_eq!(v, vf);
    assert_close(
        &[g.slope, g.intercept],
        &[gf.slope, gf.intercept],
        "method calling a method",
    );
    let (e, (ge, gx)) = p.eval_grad(2.0);
    assert_eq!(e, 1.2);
    assert_close(
        &[ge.slope, ge.intercept, gx],
        &[2.0, 1.0, 0.7],
        "closed form",
    );
}

#[differentiable(wrt(p))]
fn destructured(p: &Mlp, x: &Array2<f64>) -> f64 {
    let Mlp { l1, scale, .. } = p;
    let Layer { w, b: bias } = l1;
    ((x.dot(w) + bias).mapv(f64::tanh) * *scale).sum()
}

#[test]
fn struct_patterns() {
    let m = mlp();
    let x = Array2::from_shape_fn((2, 3), |(i, j)| (i as f64 - j as f64) * 0.3);
    let (v, g) = destructured_grad(&m, &x);
    assert_eq!(v, destructured(&m, &x));
    let fd = fd_grad(|z| destructured(&unflat(&m, z), &x), &flat(&m));
    assert_close(&flat(&g), &fd, "destructured struct gradient");
}

/// `⟨a, b⟩` over the floats of two `Mlp`s.
fn mlp_dot(a: &Mlp, b: &Mlp) -> f64 {
    flat(a).iter().zip(flat(b)).map(|(x, y)| x * y).sum()
}

#[test]
fn forward_mode_and_second_order_of_structs() {
    // Scalar fields: jvp = grad · v, and H v against differences of the gradient.
    let p = Line {
        slope: 0.7,
        intercept: -0.2,
    };
    let v = Line {
        slope: 0.3,
        intercept: -1.1,
    };
    let xs = [0.0, 1.0, 2.0, 3.5];
    let ys = [0.1, 0.9, 1.2, 2.8];
    let (_, g) = line_loss_grad(&p, &xs, &ys);
    let (val, t) = line_loss_jvp(&p, &xs, &ys, &v);
    assert_eq!(val, line_loss(&p, &xs, &ys));
    assert_close(
        &[t],
        &[g.slope * v.slope + g.intercept * v.intercept],
        "jvp = grad . v",
    );
    let (_, g2, hv) = line_loss_hvp(&p, &xs, &ys, &v);
    assert_close(
        &[g2.slope, g2.intercept],
        &[g.slope, g.intercept],
        "hvp gradient",
    );
    // The loss is quadratic: H v = (2/n) Σ (x v_s + v_i) (x, 1).
    let n = xs.len() as f64;
    let hs: f64 = xs
        .iter()
        .map(|x| 2.0 * (x * v.slope + v.intercept) * x)
        .sum::<f64>()
        / n;
    let hi: f64 = xs
        .iter()
        .map(|x| 2.0 * (x * v.slope + v.intercept))
        .sum::<f64>()
        / n;
    assert_close(&[hv.slope, hv.intercept], &[hs, hi], "H v closed form");

    // Nested structs of arrays, through a method calling a method.
    let m = mlp();
    let mut dir = mlp();
    dir.scale_by(0.5);
    let x = Array2::from_shape_fn((5, 3), |(i, j)| ((i * 3 + j) as f64 * 0.23).cos());
    let labels = [0, 1, 1, 0, 1];
    let (_, g) = m.loss_grad(&x, &labels);
    let (_, t) = m.loss_jvp(&x, &labels, &dir);
    assert_close(&[t], &[mlp_dot(&g, &dir)], "method jvp = grad . v");
    let (_, _, hv) = m.loss_hvp(&x, &labels, &dir);
    let h = 1e-5;
    let shifted = |s: f64| {
        let mut q = m.clone();
        q.add_scaled(s, &dir);
        flat(&q.loss_grad(&x, &labels).1)
    };
    let fd: Vec<f64> = shifted(h)
        .iter()
        .zip(shifted(-h))
        .map(|(a, b)| (a - b) / (2.0 * h))
        .collect();
    common::assert_close_tol(&flat(&hv), &fd, 1e-5, "method H v");
    assert_eq!(hv.name, "net");
}

#[derive(Clone, Debug, Differentiable)]
struct Pair(f64, Vec<f64>);

#[differentiable]
fn pair_loss(p: &Pair, k: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..p.1.len() {
        s += p.1[i] * p.1[i] * p.0;
    }
    s * k
}

#[test]
fn tuple_structs() {
    let p = Pair(1.5, vec![0.5, -1.0]);
    let (v, (g, gk)) = pair_loss_grad(&p, 2.0);
    assert_eq!(v, pair_loss(&p, 2.0));
    assert_close(
        &[g.0, g.1[0], g.1[1], gk],
        &[2.5, 3.0, -6.0, 1.875],
        "closed form",
    );
    let (_, t) = pair_loss_jvp(&p, 2.0, &Pair(1.0, vec![0.0, 1.0]), 0.0);
    assert_close(&[t], &[2.5 - 6.0], "jvp");
}

#[derive(Clone, Debug, Differentiable)]
struct WithTuple {
    pair: (f64, Vec<f64>),
    k: f64,
}

#[differentiable]
fn with_tuple(p: &WithTuple) -> f64 {
    let s = p.pair.0 * p.k;
    s + p.pair.1[0] * p.pair.1[1]
}

#[test]
fn tuple_fields() {
    let p = WithTuple {
        pair: (2.0, vec![3.0, -1.0]),
        k: 0.5,
    };
    let (v, g) = with_tuple_grad(&p);
    assert_eq!(v, with_tuple(&p));
    assert_close(
        &[g.pair.0, g.pair.1[0], g.pair.1[1], g.k],
        &[0.5, -1.0, 3.0, 2.0],
        "closed form",
    );
}

impl Line {
    /// An associated function without `self` (its signature names `Self`).
    #[differentiable(wrt(p))]
    fn residual(p: &Self, x: f64, y: f64) -> f64 {
        let r = p.slope * x + p.intercept - y;
        r * r
    }
}

#[test]
fn associated_function_naming_self() {
    let p = Line {
        slope: 2.0,
        intercept: -1.0,
    };
    let (v, g) = Line::residual_grad(&p, 1.5, 1.0);
    assert_eq!(v, Line::residual(&p, 1.5, 1.0));
    // r = 1, d/dslope = 2 r x = 3, d/dintercept = 2 r = 2.
    assert_close(&[g.slope, g.intercept], &[3.0, 2.0], "closed form");
    let (_, _, h) = Line::residual_hvp(
        &p,
        1.5,
        1.0,
        &Line {
            slope: 1.0,
            intercept: 0.0,
        },
    );
    assert_close(
        &[h.slope, h.intercept],
        &[2.0 * 1.5 * 1.5, 2.0 * 1.5],
        "H v",
    );
}

// ---- struct literals: a simulation step that returns the state ---------------------------

#[derive(Clone, Debug, Differentiable)]
struct State {
    x: f64,
    v: Vec<f64>,
}

#[differentiable]
fn step(s: &State, k: f64) -> State {
    let mut v = s.v.clone();
    for i in 0..v.len() {
        v[i] = v[i] - k * s.x * 0.1;
    }
    State {
        x: s.x + v[0] * 0.1,
        v,
    }
}

#[differentiable]
fn energy_after(s: &State, k: f64) -> f64 {
    let s1 = step(s, k);
    let s2 = step(&s1, k);
    s2.x * s2.x + s2.v[1] * k
}

#[test]
fn struct_results() {
    let s = State {
        x: 0.5,
        v: vec![0.2, -0.3],
    };
    let k = 1.3;
    // The vjp of a struct result takes a struct seed.
    let seed = State {
        x: 1.0,
        v: vec![0.0, 2.0],
    };
    let (y, (gs, gk)) = step_vjp(&s, k, seed.clone());
    assert_eq!(y.x, step(&s, k).x);
    // x' = x + 0.1 (v0 - 0.1 k x), v1' = v1 - 0.1 k x: <seed, y> = x' + 2 v1'.
    let dx = 1.0 - 0.01 * k + 2.0 * (-0.1 * k);
    let dk = -0.01 * s.x + 2.0 * (-0.1 * s.x);
    assert_close(
        &[gs.x, gs.v[0], gs.v[1], gk],
        &[dx, 0.1, 2.0, dk],
        "closed form",
    );
    // A scalar objective through two steps, against differences, in every mode.
    let (v, (g, gk)) = energy_after_grad(&s, k);
    assert_eq!(v, energy_after(&s, k));
    let f = |z: &[f64]| {
        energy_after(
            &State {
                x: z[0],
                v: vec![z[1], z[2]],
            },
            z[3],
        )
    };
    let fd = fd_grad(f, &[s.x, s.v[0], s.v[1], k]);
    assert_close(&[g.x, g.v[0], g.v[1], gk], &fd, "two steps");
    let (_, t) = energy_after_jvp(
        &s,
        k,
        &State {
            x: 1.0,
            v: vec![0.0, 0.0],
        },
        0.5,
    );
    assert_close(&[t], &[g.x + 0.5 * gk], "jvp");
    let (_, _, (hs, hk)) = energy_after_hvp(
        &s,
        k,
        &State {
            x: 1.0,
            v: vec![0.0, 0.0],
        },
        0.5,
    );
    let e = 1e-5;
    let at = |h: f64| {
        let (_, (g, gk)) = energy_after_grad(
            &State {
                x: s.x + h,
                v: s.v.clone(),
            },
            k + 0.5 * h,
        );
        vec![g.x, g.v[0], g.v[1], gk]
    };
    let fdh: Vec<f64> = at(e)
        .iter()
        .zip(at(-e))
        .map(|(a, b)| (a - b) / (2.0 * e))
        .collect();
    common::assert_close_tol(&[hs.x, hs.v[0], hs.v[1], hk], &fdh, 1e-5, "H v");
}

// ---- struct results whose fields are fixed-size arrays built in the body -----------------

#[derive(Clone, Debug, Differentiable)]
pub struct Pair2 {
    x: [f64; 2],
    v: [f64; 2],
}

/// A struct literal whose array fields are array expressions `[a, b]` (local buffers, whose
/// adjoints are `Vec`s, given the fields' array cotangents).
#[differentiable(wrt(s))]
fn pair_step(s: &Pair2, dt: f64) -> Pair2 {
    let v0 = s.v[0] - dt * s.x[0].sin();
    let v1 = s.v[1] - dt * s.x[1] * s.x[0];
    Pair2 {
        x: [s.x[0] + dt * v0, s.x[1] + dt * v1],
        v: [v0, v1],
    }
}

#[differentiable]
fn pair_run(s: &Pair2, n: usize) -> f64 {
    let mut p = s.clone();
    for _ in 0..n {
        p = pair_step(&p, 0.1);
    }
    p.x[0] * p.v[1] + p.x[1]
}

#[test]
fn array_fields_built_from_array_expressions() {
    let s = Pair2 {
        x: [0.3, -0.4],
        v: [0.2, 0.5],
    };
    let flat = |z: &[f64]| {
        pair_run(
            &Pair2 {
                x: [z[0], z[1]],
                v: [z[2], z[3]],
            },
            5,
        )
    };
    let (v, g) = pair_run_grad(&s, 5);
    assert_eq!(v, pair_run(&s, 5));
    let fd = fd_grad(flat, &[0.3, -0.4, 0.2, 0.5]);
    assert_close(
        &[g.x[0], g.x[1], g.v[0], g.v[1]],
        &fd,
        "gradient through 5 steps",
    );
    let t = Pair2 {
        x: [0.1, 0.2],
        v: [-0.3, 0.4],
    };
    let (_, jt) = pair_run_jvp(&s, 5, &t);
    let want = g.x[0] * 0.1 + g.x[1] * 0.2 - g.v[0] * 0.3 + g.v[1] * 0.4;
    assert_close(&[jt], &[want], "jvp");
    // H·t against differences of the gradient along t.
    let e = 1e-5;
    let (_, _, ht) = pair_run_hvp(&s, 5, &t);
    let moved = |h: f64| {
        let p = Pair2 {
            x: [s.x[0] + h * t.x[0], s.x[1] + h * t.x[1]],
            v: [s.v[0] + h * t.v[0], s.v[1] + h * t.v[1]],
        };
        let g = pair_run_grad(&p, 5).1;
        [g.x[0], g.x[1], g.v[0], g.v[1]]
    };
    let (gp, gm) = (moved(e), moved(-e));
    let fd: Vec<f64> = (0..4).map(|k| (gp[k] - gm[k]) / (2.0 * e)).collect();
    common::assert_close_tol(&[ht.x[0], ht.x[1], ht.v[0], ht.v[1]], &fd, 1e-6, "hvp");
}

// Forward mode through calls that take a struct: a method on a struct the caller builds
// (by a constructor or a literal), a free function taking a struct by reference or by
// value, and a struct argument that carries no tangent (built from constants).
#[derive(Clone, Debug, Differentiable)]
struct Pt {
    x: f64,
    y: f64,
}

#[differentiable]
impl Pt {
    #[differentiable]
    fn at(x: f64, y: f64) -> Pt {
        Pt { x, y }
    }
    #[differentiable]
    fn n2(&self) -> f64 {
        self.x * self.x + 3.0 * self.y * self.x.sin()
    }
    #[differentiable]
    fn scaled(self, k: f64) -> f64 {
        (self.x * k).exp() - self.y * k
    }
}

#[differentiable]
fn pt_dot(p: &Pt, q: &Pt) -> f64 {
    p.x * q.x + p.y * q.y.cos()
}

#[differentiable]
fn pt_owned(p: Pt, s: f64) -> f64 {
    p.x * s + p.y * p.y
}

#[differentiable]
fn pt_built(a: f64, b: f64) -> f64 {
    let p = Pt::at(a, b);
    let q = Pt { x: b * a, y: a - b };
    let fixed = Pt { x: 0.5, y: -1.5 };
    p.n2() * a + pt_dot(&p, &q) + pt_dot(&fixed, &q) + pt_owned(q.clone(), b) + q.scaled(0.3)
}

#[differentiable]
fn pt_param(p: &Pt, b: f64) -> f64 {
    p.n2() * b + pt_dot(p, p) + pt_owned(p.clone(), b)
}

#[test]
fn forward_mode_through_struct_arguments() {
    let x = [0.8, -0.6];
    let (v, (ga, gb)) = pt_built_grad(x[0], x[1]);
    assert_eq!(v, pt_built(x[0], x[1]));
    let fd = fd_grad(|z| pt_built(z[0], z[1]), &x);
    assert_close(&[ga, gb], &fd, "gradient");
    for t in [[1.0, 0.0], [0.0, 1.0], [0.3, -0.7]] {
        let (vj, jt) = pt_built_jvp(x[0], x[1], t[0], t[1]);
        assert_eq!(vj, v);
        assert_close(&[jt], &[ga * t[0] + gb * t[1]], "jvp = grad·t");
    }
    let (_, _, (ha, hb)) = pt_built_hvp(x[0], x[1], 0.3, -0.7);
    let e = 1e-5;
    let g = |s: f64| pt_built_grad(x[0] + s * 0.3, x[1] - s * 0.7).1;
    let (p, m) = (g(e), g(-e));
    common::assert_close_tol(
        &[ha, hb],
        &[(p.0 - m.0) / (2.0 * e), (p.1 - m.1) / (2.0 * e)],
        1e-6,
        "hvp",
    );

    let p = Pt { x: 0.4, y: 1.1 };
    let (v, (gp, gb)) = pt_param_grad(&p, 0.7);
    let fd = fd_grad(
        |z| pt_param(&Pt { x: z[0], y: z[1] }, z[2]),
        &[0.4, 1.1, 0.7],
    );
    assert_close(&[gp.x, gp.y, gb], &fd, "gradient, struct parameter");
    let (vj, jt) = pt_param_jvp(&p, 0.7, &Pt { x: 0.2, y: -0.5 }, 0.9);
    assert_eq!(vj, v);
    assert_close(
        &[jt],
        &[gp.x * 0.2 - gp.y * 0.5 + gb * 0.9],
        "jvp, struct parameter",
    );
}

// A `Copy` vector type with methods taking `self` by value, named like float and array
// methods (`dot`, `norm`): called on `self` (also passed whole, `self.dot(self)`), on struct
// parameters by value and on a struct made in the body.
#[derive(Clone, Copy, Debug, Differentiable)]
struct V3 {
    x: f64,
    y: f64,
    z: f64,
}

#[differentiable]
impl V3 {
    #[differentiable]
    fn new(x: f64, y: f64, z: f64) -> V3 {
        V3 { x, y, z }
    }
    #[differentiable]
    fn dot(self, o: V3) -> f64 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }
    #[differentiable]
    fn norm(self) -> f64 {
        self.dot(self).sqrt()
    }
    #[differentiable]
    fn lerp(self, o: V3, w: f64) -> V3 {
        V3 {
            x: self.x + (o.x - self.x) * w,
            y: self.y + (o.y - self.y) * w,
            z: self.z + (o.z - self.z) * w,
        }
    }
}

#[differentiable]
fn spring_energy(a: V3, b: V3, k: f64) -> f64 {
    let c = V3::new(a.x - b.x, a.y - b.y, a.z - b.z);
    k * (c.norm() - 1.0).powi(2) + a.dot(b)
}

#[test]
fn by_value_methods_of_a_copy_struct() {
    let a = V3 {
        x: 0.3,
        y: -0.5,
        z: 0.9,
    };
    let b = V3 {
        x: 1.0,
        y: 0.2,
        z: -0.4,
    };
    let k = 1.5;
    let flat =
        |z: &[f64]| spring_energy(V3::new(z[0], z[1], z[2]), V3::new(z[3], z[4], z[5]), z[6]);
    let x = [a.x, a.y, a.z, b.x, b.y, b.z, k];
    let (v, (ga, gb, gk)) = spring_energy_grad(a, b, k);
    assert_eq!(v, flat(&x));
    let g = [ga.x, ga.y, ga.z, gb.x, gb.y, gb.z, gk];
    assert_close(&g, &fd_grad(flat, &x), "gradient");
    // Closed form: with d = a - b, r = |d|: ∂a = 2k(r - 1) d / r + b, ∂b = -2k(r - 1) d / r + a.
    let d = [a.x - b.x, a.y - b.y, a.z - b.z];
    let r = (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt();
    let s = 2.0 * k * (r - 1.0) / r;
    assert_close(
        &g[..3],
        &[s * d[0] + b.x, s * d[1] + b.y, s * d[2] + b.z],
        "closed form",
    );
    let (ta, tb) = (
        V3 {
            x: 0.1,
            y: 0.2,
            z: -0.3,
        },
        V3 {
            x: -0.2,
            y: 0.4,
            z: 0.1,
        },
    );
    let (_, jt) = spring_energy_jvp(a, b, k, ta, tb, 0.5);
    let t = [ta.x, ta.y, ta.z, tb.x, tb.y, tb.z, 0.5];
    let want: f64 = g.iter().zip(&t).map(|(p, q)| p * q).sum();
    assert_close(&[jt], &[want], "jvp");
    let (_, _, (ha, hb, hk)) = spring_energy_hvp(a, b, k, ta, tb, 0.5);
    let e = 1e-5;
    let grad_at = |h: f64| {
        let z: Vec<f64> = x.iter().zip(&t).map(|(p, q)| p + h * q).collect();
        let (_, (ga, gb, gk)) =
            spring_energy_grad(V3::new(z[0], z[1], z[2]), V3::new(z[3], z[4], z[5]), z[6]);
        [ga.x, ga.y, ga.z, gb.x, gb.y, gb.z, gk]
    };
    let (p, m) = (grad_at(e), grad_at(-e));
    let fd: Vec<f64> = (0..7).map(|i| (p[i] - m[i]) / (2.0 * e)).collect();
    common::assert_close_tol(&[ha.x, ha.y, ha.z, hb.x, hb.y, hb.z, hk], &fd, 1e-6, "hvp");
    // The methods' own derivatives, called as methods.
    let (n, dn) = a.norm_grad();
    assert_close(&[n], &[(0.09f64 + 0.25 + 0.81).sqrt()], "norm");
    assert_close(
        &[dn.x, dn.y, dn.z],
        &[a.x / n, a.y / n, a.z / n],
        "norm gradient",
    );
}

// Methods called on fields of structs (`self.l1.forward(x)`, `n.l1.forward(x)`): the field's
// type comes from the derive (`FieldType`), so nested models call their layers' methods
// directly, in every mode.
#[derive(Clone, Debug, Differentiable)]
struct Neuron {
    w: Vec<f64>,
    b: f64,
}

impl Neuron {
    #[differentiable]
    fn forward(&self, x: &[f64]) -> f64 {
        let mut s = self.b;
        for i in 0..x.len() {
            s += self.w[i] * x[i];
        }
        s.tanh()
    }
}

#[derive(Clone, Debug, Differentiable)]
struct TwoNeurons {
    l1: Neuron,
    l2: Neuron,
    k: f64,
}

#[differentiable]
impl TwoNeurons {
    #[differentiable(wrt(self))]
    fn loss(&self, x: &[f64]) -> f64 {
        let h: [f64; 2] = [self.l1.forward(x), self.l2.forward(x)];
        self.k * (h[0] * h[1] - 0.3).powi(2)
    }
}

#[differentiable(wrt(n))]
fn two_neurons_outside(n: &TwoNeurons, x: &[f64]) -> f64 {
    n.l1.forward(x) + n.loss(x)
}

fn two_neurons_flat(n: &TwoNeurons) -> Vec<f64> {
    let mut v = n.l1.w.clone();
    v.push(n.l1.b);
    v.extend(&n.l2.w);
    v.push(n.l2.b);
    v.push(n.k);
    v
}

fn two_neurons_from(v: &[f64]) -> TwoNeurons {
    TwoNeurons {
        l1: Neuron {
            w: v[0..2].to_vec(),
            b: v[2],
        },
        l2: Neuron {
            w: v[3..5].to_vec(),
            b: v[5],
        },
        k: v[6],
    }
}

#[test]
fn methods_on_fields() {
    let n = two_neurons_from(&[0.3, -0.2, 0.1, 0.5, 0.4, -0.2, 2.0]);
    let x = [0.7, -1.1];
    let p = two_neurons_flat(&n);
    let (v, g) = n.loss_grad(&x);
    assert_eq!(v, n.loss(&x));
    let fd = fd_grad(|z| two_neurons_from(z).loss(&x), &p);
    assert_close(&two_neurons_flat(&g), &fd, "gradient");
    let (_, go) = two_neurons_outside_grad(&n, &x);
    let fd = fd_grad(|z| two_neurons_outside(&two_neurons_from(z), &x), &p);
    assert_close(&two_neurons_flat(&go), &fd, "gradient, struct parameter");
    let t = two_neurons_from(&[0.1, 0.2, -0.1, 0.3, -0.2, 0.05, 0.4]);
    let (_, jt) = n.loss_jvp(&x, &t);
    let want: f64 = two_neurons_flat(&g)
        .iter()
        .zip(two_neurons_flat(&t))
        .map(|(a, b)| a * b)
        .sum();
    assert_close(&[jt], &[want], "jvp");
    let (_, _, ht) = n.loss_hvp(&x, &t);
    let e = 1e-5;
    let at = |s: f64| {
        let z: Vec<f64> = p
            .iter()
            .zip(two_neurons_flat(&t))
            .map(|(a, b)| a + s * b)
            .collect();
        two_neurons_flat(&two_neurons_from(&z).loss_grad(&x).1)
    };
    let (gp, gm) = (at(e), at(-e));
    let fd: Vec<f64> = gp
        .iter()
        .zip(&gm)
        .map(|(a, b)| (a - b) / (2.0 * e))
        .collect();
    common::assert_close_tol(&two_neurons_flat(&ht), &fd, 1e-6, "hvp");
}

// Field writes (`p.v -= ..`, `s.a.x = ..`) of structs held in locals, and `&mut self`
// methods (`w.step(dt)`, `self.a.kick(f, dt)` on fields, an early `return;`): every mode.
#[derive(Clone, Debug, Differentiable)]
struct Mass {
    x: f64,
    v: f64,
}

#[derive(Clone, Debug, Differentiable)]
struct Pair3 {
    a: Mass,
    b: Mass,
    k: f64,
}

#[differentiable]
impl Mass {
    #[differentiable]
    fn kick(&mut self, f: f64, dt: f64) {
        self.v += f * dt;
    }
    #[differentiable]
    fn drift(&mut self, dt: f64) {
        self.x += self.v * dt;
        if self.x > 100.0 {
            return;
        }
        self.x = self.x * 0.999;
    }
}

#[differentiable]
impl Pair3 {
    #[differentiable]
    fn step(&mut self, dt: f64) {
        let f = self.k * (self.b.x - self.a.x);
        self.a.kick(f, dt);
        self.b.kick(-f, dt);
        self.a.drift(dt);
        self.b.drift(dt);
    }
}

#[differentiable]
fn oscillate(x0: f64, k: f64) -> f64 {
    let mut p = Mass { x: x0, v: 0.0 };
    let mut w = Pair3 {
        a: Mass { x: x0, v: 0.0 },
        b: Mass { x: -x0, v: 0.2 },
        k,
    };
    for _ in 0..20 {
        p.v -= k * p.x * 0.05;
        p.x += p.v * 0.05;
        w.step(0.05);
        w.a.v = w.a.v * 0.99;
    }
    p.x * p.x + w.a.x * w.a.x + w.b.v * w.b.v
}

#[test]
fn field_writes_and_mut_self_methods() {
    let x = [0.7, 1.3];
    let f = |z: &[f64]| oscillate(z[0], z[1]);
    let (v, (gx, gk)) = oscillate_grad(x[0], x[1]);
    assert_eq!(v, f(&x));
    assert_close(&[gx, gk], &fd_grad(f, &x), "gradient");
    let (_, jt) = oscillate_jvp(x[0], x[1], 0.3, -0.5);
    assert_close(&[jt], &[0.3 * gx - 0.5 * gk], "jvp");
    let (_, _, (hx, hk)) = oscillate_hvp(x[0], x[1], 0.3, -0.5);
    let e = 1e-5;
    let g = |s: f64| oscillate_grad(x[0] + 0.3 * s, x[1] - 0.5 * s).1;
    let (p, m) = (g(e), g(-e));
    common::assert_close_tol(
        &[hx, hk],
        &[(p.0 - m.0) / (2.0 * e), (p.1 - m.1) / (2.0 * e)],
        1e-6,
        "hvp",
    );
}

// Hunt 5: a struct-returning call in a loop with a field read (H5-9), a loop that breaks
// after reading a method's result (H5-5), a constant struct made by a constructor (H5-7,
// second order), methods named like float/array methods on a local and on a literal (H5-8).
#[derive(Clone, Copy, Debug, Differentiable)]
struct W2 {
    x: f64,
    y: f64,
}

#[differentiable]
impl W2 {
    #[differentiable]
    fn new(x: f64, y: f64) -> W2 {
        W2 { x, y }
    }
    #[differentiable]
    fn scale(self, s: f64) -> W2 {
        W2 {
            x: self.x * s,
            y: self.y * s,
        }
    }
    #[differentiable]
    fn add(self, o: W2) -> W2 {
        W2 {
            x: self.x + o.x,
            y: self.y + o.y,
        }
    }
    #[differentiable]
    fn dot(self, o: W2) -> f64 {
        self.x * o.x + self.y * o.y
    }
    #[differentiable]
    fn exp(self) -> W2 {
        W2 {
            x: self.x.exp(),
            y: self.y.exp(),
        }
    }
}

#[differentiable]
fn w2_force(a: W2, k: f64) -> W2 {
    W2 { x: a.x * k, y: a.y }
}

#[differentiable]
fn w2_all(v0: f64, k: f64) -> f64 {
    let mut s = 0.0;
    for _ in 0..2 {
        let fe = w2_force(W2 { x: v0, y: 1.0 }, k);
        s += fe.x;
    }
    let mut v = W2::new(v0, 1.0);
    let mut r = 0.0;
    for _ in 0..3 {
        let p = v.scale(0.5);
        if p.y < 0.2 {
            r = p.x;
            break;
        }
        v = p;
    }
    let g = W2::new(1.0, -9.81);
    let a = v.add(g);
    let q = W2::new(v0, 2.0 * k);
    let e = W2 { x: 0.1, y: v0 }.exp();
    s + r + v.x + a.x * a.y + q.dot(q) + e.y
}

#[test]
fn struct_calls_in_loops_and_builtin_names() {
    let (v0, k) = (0.5, 1.5);
    // Closed form: 2 v0 k + v0/8 + v0/4 + (v0/4 + 1)(1/4 - 9.81) + v0² + 4k² + e^v0
    // (v = (v0/4, 1/4) after the loop).
    let f = |v0: f64, k: f64| {
        2.0 * v0 * k
            + v0 / 8.0
            + v0 / 4.0
            + (v0 / 4.0 + 1.0) * (0.25 - 9.81)
            + v0 * v0
            + 4.0 * k * k
            + v0.exp()
    };
    let (v, (g0, gk)) = w2_all_grad(v0, k);
    assert_close(&[v], &[f(v0, k)], "value");
    let want = [
        2.0 * k + 1.0 / 8.0 + 0.25 + 0.25 * (0.25 - 9.81) + 2.0 * v0 + v0.exp(),
        2.0 * v0 + 8.0 * k,
    ];
    assert_close(&[g0, gk], &want, "gradient");
    let (_, _, (h0, hk)) = w2_all_hvp(v0, k, 1.0, 0.0);
    assert_close(&[h0, hk], &[2.0 + v0.exp(), 2.0], "hvp");
    let (_, jt) = w2_all_jvp(v0, k, 0.0, 1.0);
    assert_close(&[jt], &[gk], "jvp");
}

// Generator findings: a copy of a struct parameter read by field next to a loop (the fused
// `f_vjp` declared its adjoint before the type token existed), an array field copied into an
// annotated local.
#[differentiable]
fn copy_then_loop(xs: &[f64], vb: W2) -> f64 {
    let c = vb;
    let mut s = 0.0;
    for i in 0..xs.len() {
        s += xs[i].sin();
    }
    c.x * c.y + s
}

#[derive(Clone, Debug, Differentiable)]
struct WithArray {
    w: [f64; 3],
    b: f64,
}

#[differentiable]
fn array_field_copy(p: &WithArray) -> f64 {
    let r: [f64; 3] = p.w;
    r[0] * r[1] + p.b
}

#[test]
fn struct_copies_and_array_fields() {
    let (v, (gx, gv)) = copy_then_loop_vjp(&[0.1, 0.2], W2 { x: 1.5, y: 2.0 }, 1.0);
    assert_close(&[v], &[3.0 + 0.1f64.sin() + 0.2f64.sin()], "value");
    assert_close(&gx, &[0.1f64.cos(), 0.2f64.cos()], "gradient xs");
    assert_close(&[gv.x, gv.y], &[2.0, 1.5], "gradient vb");
    let p = WithArray {
        w: [1.0, 2.0, 3.0],
        b: 0.5,
    };
    let (v, g) = array_field_copy_grad(&p);
    assert_eq!(v, 2.5);
    assert_close(
        &[g.w[0], g.w[1], g.w[2], g.b],
        &[2.0, 1.0, 0.0, 1.0],
        "gradient",
    );
    let (_, _, h) = array_field_copy_hvp(
        &p,
        &WithArray {
            w: [1.0, 0.0, 0.0],
            b: 0.0,
        },
    );
    assert_close(&[h.w[0], h.w[1], h.w[2]], &[0.0, 1.0, 0.0], "hvp");
}

/// A struct made by its constructor and read by field next to a loop (fused `f_vjp`).
#[differentiable]
fn new_then_loop(xs: &[f64], a: f64) -> f64 {
    let c = W2::new(a, 2.0 * a);
    let mut s = 0.0;
    for i in 0..xs.len() {
        s += xs[i].sin();
    }
    c.x * c.y + s
}

#[test]
fn constructor_result_read_by_field_next_to_a_loop() {
    let (v, (gx, ga)) = new_then_loop_vjp(&[0.1, 0.2], 0.5, 1.0);
    assert_close(&[v], &[0.5 + 0.1f64.sin() + 0.2f64.sin()], "value");
    assert_close(&gx, &[0.1f64.cos(), 0.2f64.cos()], "gradient xs");
    assert_close(&[ga], &[2.0], "gradient a");
    let (_, _, (_, ha)) = new_then_loop_hvp(&[0.1, 0.2], 0.5, &[0.0, 0.0], 1.0);
    assert_close(&[ha], &[4.0], "hvp");
}

/// A struct made by a method (the body does not show its type) next to a loop that `f_vjp`
/// fuses (everyday generator, seed 3681 `f192`: "cannot find `__dt_vm0`"): its adjoint is
/// made from the value, so the fused `f_vjp` declares it right after the value, not at the top.
#[differentiable]
fn method_result_next_to_a_loop(xs: &[f64], a: V3, t: f64) -> f64 {
    let m = a.lerp(V3::new(t, 1.0, -t), t.cos());
    let mut s = 0.0;
    for i in 0..xs.len() {
        s += xs[i].sin() * m.z;
    }
    m.x * t + s
}

#[test]
fn method_result_next_to_a_fused_loop() {
    let f = |z: &[f64]| method_result_next_to_a_loop(&z[..3], V3::new(z[3], z[4], z[5]), z[6]);
    let grad = |z: &[f64]| {
        let (v, (gx, ga, gt)) =
            method_result_next_to_a_loop_grad(&z[..3], V3::new(z[3], z[4], z[5]), z[6]);
        (v, [gx, vec![ga.x, ga.y, ga.z, gt]].concat())
    };
    let z = [0.3, -0.7, 1.1, 0.4, -0.2, 0.9, 0.6];
    let (v, g) = grad(&z);
    assert_eq!(v, f(&z));
    assert_close(&g, &fd_grad(f, &z), "gradient");
    // Forward mode: jvp = grad · t; second order: H·t against differences of the gradient.
    let t = [0.2, 0.1, -0.3, 0.5, -0.4, 0.3, 0.7];
    let tv = V3::new(t[3], t[4], t[5]);
    let (_, jt) = method_result_next_to_a_loop_jvp(
        &z[..3],
        V3::new(z[3], z[4], z[5]),
        z[6],
        &t[..3],
        tv,
        t[6],
    );
    let gt: f64 = g.iter().zip(&t).map(|(a, b)| a * b).sum();
    assert_close(&[jt], &[gt], "jvp");
    let (_, _, (hx, ha, ht)) = method_result_next_to_a_loop_hvp(
        &z[..3],
        V3::new(z[3], z[4], z[5]),
        z[6],
        &t[..3],
        tv,
        t[6],
    );
    let h = 1e-5;
    let shift = |k: f64| -> Vec<f64> { z.iter().zip(&t).map(|(a, b)| a + k * b).collect() };
    let fd: Vec<f64> = grad(&shift(h))
        .1
        .iter()
        .zip(&grad(&shift(-h)).1)
        .map(|(a, b)| (a - b) / (2.0 * h))
        .collect();
    assert_close(&[hx, vec![ha.x, ha.y, ha.z, ht]].concat(), &fd, "hvp");
}

/// A user struct named like a library type (num-complex's `Complex`): its associated
/// functions are the user's, called by path (`Complex::norm2(z)`) or as methods of locals.
#[derive(Differentiable, Clone, Copy, Debug)]
pub struct Complex {
    re: f64,
    im: f64,
}

impl Complex {
    #[differentiable]
    fn norm2(&self) -> f64 {
        self.re * self.re + self.im * self.im
    }
    #[differentiable]
    fn times(&self, o: &Complex) -> Complex {
        Complex {
            re: self.re * o.re - self.im * o.im,
            im: self.re * o.im + self.im * o.re,
        }
    }
}

/// `|z w + 1|² + |z|²`.
#[differentiable]
fn complex_norms(z: &Complex, w: &Complex) -> f64 {
    let p = z.times(w);
    let q = Complex {
        re: p.re + 1.0,
        im: p.im,
    };
    q.norm2() + Complex::norm2(z)
}

#[test]
fn struct_named_like_a_library_type() {
    let (z, w) = (Complex { re: 0.3, im: -0.7 }, Complex { re: 1.1, im: 0.4 });
    let (a, b) = (z.re * w.re - z.im * w.im + 1.0, z.re * w.im + z.im * w.re);
    let (v, (gz, gw)) = complex_norms_grad(&z, &w);
    assert_close(&[v], &[a * a + b * b + z.re * z.re + z.im * z.im], "value");
    // ∂/∂z = 2 (a w.re + b w.im) + 2 z.re, 2 (b w.re − a w.im) + 2 z.im; likewise for w.
    let want_z = [
        2.0 * (a * w.re + b * w.im) + 2.0 * z.re,
        2.0 * (b * w.re - a * w.im) + 2.0 * z.im,
    ];
    let want_w = [2.0 * (a * z.re + b * z.im), 2.0 * (b * z.re - a * z.im)];
    assert_close(
        &[gz.re, gz.im, gw.re, gw.im],
        &[want_z, want_w].concat(),
        "gradient",
    );
    let (_, t) = complex_norms_jvp(&z, &w, &z, &w);
    let gv = want_z[0] * z.re + want_z[1] * z.im + want_w[0] * w.re + want_w[1] * w.im;
    assert_close(&[t], &[gv], "jvp");
}

/// Fields without floats (a name, sizes, flags, an index list) are constants of the struct
/// without `#[no_derivative]`; an integer field is read and cast like any integer.
#[derive(Differentiable, Clone, Debug)]
pub struct Configured {
    name: String,
    n: usize,
    picks: Vec<usize>,
    on: bool,
    a: f64,
    w: Vec<f64>,
}

#[differentiable]
fn configured(m: &Configured, x: f64) -> f64 {
    let mut s = m.a * x * (m.n as f64);
    for &k in &m.picks {
        s += m.w[k] * x;
    }
    if m.on { s * s } else { s }
}

#[test]
fn constant_fields_without_floats() {
    let m = Configured {
        name: "net".to_string(),
        n: 3,
        picks: vec![0, 2],
        on: true,
        a: 2.0,
        w: vec![0.5, -1.0, 0.25],
    };
    let x = 0.5;
    // s = x (a n + w0 + w2), f = s².
    let c = m.a * m.n as f64 + m.w[0] + m.w[2];
    let s = x * c;
    let (v, (gm, gx)) = configured_grad(&m, x);
    assert_close(&[v], &[s * s], "value");
    assert_close(&[gx], &[2.0 * s * c], "d/dx");
    assert_close(&[gm.a], &[2.0 * s * x * m.n as f64], "d/da");
    assert_close(&gm.w, &[2.0 * s * x, 0.0, 2.0 * s * x], "d/dw");
    let (_, t) = configured_jvp(&m, x, &m, 1.0);
    let want = gm.a * m.a + gm.w.iter().zip(&m.w).map(|(g, w)| g * w).sum::<f64>() + gx;
    assert_close(&[t], &[want], "jvp");
    assert_eq!(gm.name, "net");
}

#[derive(Differentiable, Clone, Copy, Debug)]
pub struct Pv {
    x: f64,
    v: f64,
}

impl Pv {
    #[differentiable]
    fn energy(&self) -> f64 {
        0.5 * self.v * self.v + self.x * self.x
    }
}

/// Field writes into a local struct built from constants (`1.5 s²`).
#[differentiable]
fn built_from_constants(s: f64) -> f64 {
    let mut q = Pv { x: 1.0, v: 2.0 };
    q.v = s;
    q.x = q.x * s;
    q.energy()
}

/// Methods on the elements of a local `Vec` of structs made by `push` (`6.5 s²`).
#[differentiable]
fn pushed_structs(s: f64) -> f64 {
    let mut ps: Vec<Pv> = Vec::new();
    for i in 0..3 {
        ps.push(Pv {
            x: s * i as f64,
            v: s,
        });
    }
    let mut e = 0.0;
    for i in 0..3 {
        e += ps[i].energy();
    }
    e
}

/// A by-value `mut Vec` of structs written in place.
#[differentiable]
fn written_in_place(mut ps: Vec<Pv>, s: f64) -> f64 {
    for i in 0..ps.len() {
        ps[i].x = ps[i].x * s;
    }
    ps[0].x * ps[1].v + ps[1].x
}

#[test]
fn local_structs_in_every_mode() {
    let s = 0.7;
    let (v, g, h) = built_from_constants_hvp(s, 1.0);
    assert_close(
        &[v, g, h],
        &[1.5 * s * s, 3.0 * s, 3.0],
        "built from constants",
    );
    assert_close(&[built_from_constants_jvp(s, 2.0).1], &[6.0 * s], "its jvp");
    let (v, g, h) = pushed_structs_hvp(s, 1.0);
    assert_close(&[v, g, h], &[6.5 * s * s, 13.0 * s, 13.0], "pushed");
    assert_close(&[pushed_structs_jvp(s, 2.0).1], &[26.0 * s], "its jvp");
    let ps = vec![Pv { x: 1.0, v: 2.0 }, Pv { x: 3.0, v: 4.0 }];
    let s = 0.5;
    // f = x0 s v1 + x1 s.
    let (v, (gp, gs)) = written_in_place_grad(ps.clone(), s);
    assert_close(&[v], &[1.0 * s * 4.0 + 3.0 * s], "value");
    assert_close(
        &[gp[0].x, gp[0].v, gp[1].x, gp[1].v, gs],
        &[s * 4.0, 0.0, s, 1.0 * s, 4.0 + 3.0],
        "gradient",
    );
    let (_, t) = written_in_place_jvp(ps.clone(), s, ps.clone(), 1.0);
    assert_close(&[t], &[s * 4.0 + s * 3.0 + 0.5 * 4.0 + 7.0], "jvp");
}

/// Operator traits called as methods (`a.add(b).mul(k)`, the traits in scope): the user's
/// `#[differentiable]` trait impls, whatever they compute (here not componentwise).
#[derive(Differentiable, Clone, Copy, Debug)]
pub struct Odd {
    x: f64,
    y: f64,
}

#[differentiable]
impl std::ops::Add for Odd {
    type Output = Odd;
    #[differentiable]
    fn add(self, o: Odd) -> Odd {
        Odd {
            x: self.x * o.x,
            y: self.y + o.y,
        }
    }
}

#[differentiable]
impl std::ops::Mul<f64> for Odd {
    type Output = Odd;
    #[differentiable]
    fn mul(self, k: f64) -> Odd {
        Odd {
            x: self.x * k * k,
            y: self.y,
        }
    }
}

#[differentiable]
fn operator_methods(a: Odd, b: Odd, k: f64) -> f64 {
    let d = a.add(b).mul(k);
    d.x + d.y
}

#[test]
fn operator_traits_called_as_methods() {
    let (a, b, k) = (Odd { x: 0.3, y: -0.7 }, Odd { x: 1.1, y: 0.4 }, 2.0);
    // f = a.x b.x k² + a.y + b.y.
    let (v, (ga, gb, gk)) = operator_methods_grad(a, b, k);
    assert_close(&[v], &[a.x * b.x * k * k + a.y + b.y], "value");
    assert_close(
        &[ga.x, ga.y, gb.x, gb.y, gk],
        &[b.x * k * k, 1.0, a.x * k * k, 1.0, 2.0 * a.x * b.x * k],
        "gradient",
    );
    let (_, t) = operator_methods_jvp(a, b, k, a, b, 1.0);
    let want = ga.x * a.x + ga.y * a.y + gb.x * b.x + gb.y * b.y + gk;
    assert_close(&[t], &[want], "jvp");
}

/// `powi` with an integer field as the exponent, also inside a `mapv` closure.
#[derive(Clone, Debug, Differentiable)]
pub struct PowK {
    c: f64,
    #[no_derivative]
    k: i32,
}

impl PowK {
    #[differentiable]
    fn scalar(&self, x: &[f64]) -> f64 {
        (x[0] * self.c).powi(self.k)
    }
    #[differentiable]
    fn mapped(&self, a: &Array1<f64>) -> f64 {
        a.mapv(|v| (v * self.c).powi(self.k)).sum()
    }
}

#[test]
fn integer_field_exponents() {
    let p = PowK { c: 2.0, k: 3 };
    // (x c)³: ∂/∂c = 3 (x c)² x, ∂/∂x = 3 (x c)² c.
    let (v, (gp, gx)) = p.scalar_grad(&[0.5]);
    assert_close(&[v, gp.c, gx[0]], &[1.0, 1.5, 6.0], "scalar");
    let (_, _, (hp, hx)) = p.scalar_hvp(&[0.5], &PowK { c: 1.0, k: 0 }, &[0.0]);
    assert_close(&[hp.c, hx[0]], &[1.5, 9.0], "H e_c");
    let (v, (gp, ga)) = p.mapped_grad(&Array1::from(vec![0.5, 1.0]));
    assert_close(&[v, gp.c], &[9.0, 13.5], "mapped");
    assert_close(ga.as_slice().unwrap(), &[6.0, 24.0], "d/da");
}

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct W3 {
    x: f64,
    y: f64,
    z: f64,
}

#[differentiable]
impl W3 {
    #[differentiable]
    fn dot(self, o: W3) -> f64 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }
    #[differentiable]
    fn scale(self, s: f64) -> W3 {
        W3 {
            x: self.x * s,
            y: self.y * s,
            z: self.z * s,
        }
    }
}

/// A by-value `self` method named like an array method (`dot`) on a local given its type.
#[differentiable]
fn annotated_local(v0: W3) -> f64 {
    let v: W3 = v0.scale(2.0);
    v.dot(v)
}

#[test]
fn by_value_methods_on_annotated_locals() {
    let v = W3 {
        x: 1.0,
        y: 2.0,
        z: 3.0,
    };
    // 4 |v|².
    let (f, g) = annotated_local_grad(v);
    assert_close(&[f, g.x, g.y, g.z], &[56.0, 8.0, 16.0, 24.0], "gradient");
    assert_close(&[annotated_local_jvp(v, v).1], &[112.0], "jvp");
}
