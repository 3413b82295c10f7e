//! Operator syntax on the function's own structs (`p + v * dt` of `P2` values): rewritten as
//! the operator traits' methods and differentiated through the user's `#[differentiable]`
//! trait impls, in every mode, against finite differences and closed forms.

// Primals used only through their generated functions.
#![allow(dead_code)]

mod common;

use ad_runtime::{Differentiable, differentiable};
use common::{assert_close, fd_grad};

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct P2 {
    x: f64,
    y: f64,
}

#[differentiable]
impl std::ops::Add for P2 {
    type Output = P2;
    #[differentiable]
    fn add(self, o: P2) -> P2 {
        P2 {
            x: self.x + o.x,
            y: self.y + o.y,
        }
    }
}

#[differentiable]
impl std::ops::Sub for P2 {
    type Output = P2;
    #[differentiable]
    fn sub(self, o: P2) -> P2 {
        P2 {
            x: self.x - o.x,
            y: self.y - o.y,
        }
    }
}

#[differentiable]
impl std::ops::Mul<f64> for P2 {
    type Output = P2;
    #[differentiable]
    fn mul(self, k: f64) -> P2 {
        P2 {
            x: self.x * k,
            y: self.y * k,
        }
    }
}

#[differentiable]
impl std::ops::AddAssign for P2 {
    #[differentiable]
    fn add_assign(&mut self, o: P2) {
        self.x += o.x;
        self.y += o.y;
    }
}

#[differentiable]
impl std::ops::Neg for P2 {
    type Output = P2;
    #[differentiable]
    fn neg(self) -> P2 {
        P2 {
            x: -self.x,
            y: -self.y,
        }
    }
}

impl P2 {
    #[differentiable]
    fn norm2(self) -> f64 {
        self.x * self.x + self.y * self.y
    }

    /// Not the dot product on purpose: the derivative must come from this method.
    #[differentiable]
    fn dot(self, o: P2) -> f64 {
        self.x * o.x + 2.0 * self.y * o.y
    }
}

/// Five symplectic Euler steps of a spring, `a = -k q`, written with operators: a compound
/// assignment, a negation, products by a float, a sum and a difference of locals.
#[differentiable]
fn spring(p: P2, v: P2, k: f64) -> f64 {
    let dt = 0.1;
    let (mut q, mut w) = (p, v);
    for _ in 0..5 {
        let a = -q * k;
        w += a * dt;
        q = q + w * dt;
    }
    let d = q - p;
    d.norm2() + w.norm2()
}

fn spring_flat(x: &[f64]) -> f64 {
    spring(P2 { x: x[0], y: x[1] }, P2 { x: x[2], y: x[3] }, x[4])
}

fn spring_grad_flat(x: &[f64]) -> Vec<f64> {
    let (_, (gp, gv, gk)) = spring_grad(P2 { x: x[0], y: x[1] }, P2 { x: x[2], y: x[3] }, x[4]);
    vec![gp.x, gp.y, gv.x, gv.y, gk]
}

#[test]
fn operators_on_struct_values_in_every_mode() {
    let x = [0.7, -0.4, 0.3, 0.9, 1.7];
    let g = spring_grad_flat(&x);
    assert_close(&g, &fd_grad(spring_flat, &x), "gradient");
    let (p, v, k) = (P2 { x: x[0], y: x[1] }, P2 { x: x[2], y: x[3] }, x[4]);
    assert_close(&[spring_grad(p, v, k).0], &[spring_flat(&x)], "value");

    let t = [0.2, -0.5, 0.8, 0.1, -0.3];
    let (tp, tv) = (P2 { x: t[0], y: t[1] }, P2 { x: t[2], y: t[3] });
    let (_, jv) = spring_jvp(p, v, k, tp, tv, t[4]);
    let gv: f64 = g.iter().zip(&t).map(|(a, b)| a * b).sum();
    assert_close(&[jv], &[gv], "jvp");

    let (_, _, (hp, hv, hk)) = spring_hvp(p, v, k, tp, tv, t[4]);
    let h = 1e-5;
    let at = |s: f64| -> Vec<f64> {
        let y: Vec<f64> = x.iter().zip(&t).map(|(a, b)| a + s * h * b).collect();
        spring_grad_flat(&y)
    };
    let (a, b) = (at(1.0), at(-1.0));
    let fd_hv: Vec<f64> = a.iter().zip(&b).map(|(a, b)| (a - b) / (2.0 * h)).collect();
    common::assert_close_tol(&[hp.x, hp.y, hv.x, hv.y, hk], &fd_hv, 1e-6, "hvp");
}

/// A struct literal as the left operand.
#[differentiable]
fn products(p: P2, v: P2) -> f64 {
    let s = p.dot(v);
    let q = P2 { x: s, y: 1.0 } + v;
    q.dot(p)
}

#[test]
fn struct_literal_operands() {
    let (p, v) = (P2 { x: 0.5, y: -1.5 }, P2 { x: 2.0, y: 0.25 });
    // s = p.x v.x + 2 p.y v.y; f = (s + v.x) p.x + 2 (1 + v.y) p.y.
    let (f, (gp, gv)) = products_grad(p, v);
    let s = p.x * v.x + 2.0 * p.y * v.y;
    assert_close(&[f], &[(s + v.x) * p.x + 2.0 * (1.0 + v.y) * p.y], "value");
    assert_close(
        &[gp.x, gp.y, gv.x, gv.y],
        &[
            s + v.x + p.x * v.x,
            2.0 * (1.0 + v.y) + p.x * 2.0 * v.y,
            p.x * p.x + p.x,
            p.x * 2.0 * p.y + 2.0 * p.y,
        ],
        "gradient",
    );
}

/// A struct's name bound again to a float (`let p = s.x;`, a loop variable, a closure
/// parameter): operators on it are the float's again.
#[differentiable]
fn shadowed(p: P2, k: f64) -> f64 {
    let s = p + p * k;
    let mut t = 0.0;
    for p in 0..2 {
        t += p as f64 * k;
    }
    let scale = |p: f64| p * k;
    let p = s.x;
    p * k + p + t + scale(s.y)
}

#[test]
fn shadowed_struct_names_are_floats_again() {
    let (p, k) = (P2 { x: 0.8, y: -0.6 }, 1.7);
    // s = p (1 + k); f = s.x k + s.x + k + s.y k.
    let (f, (gp, gk)) = shadowed_grad(p, k);
    let (sx, sy) = (p.x * (1.0 + k), p.y * (1.0 + k));
    assert_close(&[f], &[sx * k + sx + k + sy * k], "value");
    assert_close(
        &[gp.x, gp.y, gk],
        &[
            (1.0 + k) * (k + 1.0),
            (1.0 + k) * k,
            p.x * k + sx + p.x + 1.0 + p.y * k + sy,
        ],
        "gradient",
    );
}

/// Elements of a slice of structs as operands (n-body style): `ps[j] - ps[i]`.
#[differentiable]
fn pair_energy(ps: &[P2], k: f64) -> f64 {
    let mut e = 0.0;
    for i in 0..ps.len() {
        for j in (i + 1)..ps.len() {
            let d = ps[j] - ps[i];
            e += (d * k).norm2();
        }
    }
    e
}

#[test]
fn elements_of_struct_slices_as_operands() {
    let ps = [
        P2 { x: 0.1, y: 0.7 },
        P2 { x: -0.4, y: 0.2 },
        P2 { x: 0.9, y: -0.3 },
    ];
    let k = 1.3;
    let (e, (gps, gk)) = pair_energy_grad(&ps, k);
    assert_close(&[e], &[pair_energy(&ps, k)], "value");
    let flat = |q: &[f64]| {
        let ps: Vec<P2> = q[..6].chunks(2).map(|c| P2 { x: c[0], y: c[1] }).collect();
        pair_energy(&ps, q[6])
    };
    let x: Vec<f64> = ps.iter().flat_map(|p| [p.x, p.y]).chain([k]).collect();
    let g: Vec<f64> = gps.iter().flat_map(|p| [p.x, p.y]).chain([gk]).collect();
    assert_close(&g, &fd_grad(flat, &x), "gradient");
    let dps = [
        P2 { x: 0.3, y: -0.2 },
        P2 { x: 0.1, y: 0.5 },
        P2 { x: -0.4, y: 0.2 },
    ];
    let (_, t) = pair_energy_jvp(&ps, k, &dps, 0.7);
    let dx: Vec<f64> = dps.iter().flat_map(|p| [p.x, p.y]).chain([0.7]).collect();
    let gv: f64 = g.iter().zip(&dx).map(|(a, b)| a * b).sum();
    assert_close(&[t], &[gv], "jvp");
}

/// An operator on constant struct values (a literal plus a literal), then on a parameter.
#[differentiable]
fn constant_operands(p: P2) -> f64 {
    let c = P2 { x: 1.0, y: 2.0 } + P2 { x: 0.5, y: -0.5 };
    let q = p + c;
    q.norm2()
}

#[test]
fn constant_struct_operands() {
    let p = P2 { x: 0.3, y: -0.8 };
    let (v, g) = constant_operands_grad(p);
    let (qx, qy) = (p.x + 1.5, p.y + 1.5);
    assert_close(
        &[v, g.x, g.y],
        &[qx * qx + qy * qy, 2.0 * qx, 2.0 * qy],
        "gradient",
    );
    let (_, _, hv) = constant_operands_hvp(p, P2 { x: 1.0, y: 0.0 });
    assert_close(&[hv.x, hv.y], &[2.0, 0.0], "hvp");
    let (_, t) = constant_operands_jvp(p, P2 { x: 0.5, y: -1.0 });
    assert_close(&[t], &[0.5 * g.x - g.y], "jvp");
}

/// `f64 * P2` for `k * v` in the primal (not differentiated itself).
impl std::ops::Mul<P2> for f64 {
    type Output = P2;
    fn mul(self, v: P2) -> P2 {
        v * self
    }
}

/// A factor on the left, `k * v` and `2.0 * (v + v)`: `w = (k + 4) v`, `f = (k + 4)² x y`.
#[differentiable]
fn scaled_on_the_left(v: P2, k: f64) -> f64 {
    let w = k * v + 2.0 * (v + v);
    w.x * w.y
}

#[test]
fn a_factor_on_the_left() {
    let (v, k) = (P2 { x: 0.3, y: -1.1 }, 0.7);
    let (val, (gv, gk)) = scaled_on_the_left_grad(v, k);
    assert_eq!(val, scaled_on_the_left(v, k));
    let c = k + 4.0;
    assert_close(
        &[gv.x, gv.y, gk],
        &[c * c * v.y, c * c * v.x, 2.0 * c * v.x * v.y],
        "gradient",
    );
    let (_, t) = scaled_on_the_left_jvp(v, k, P2 { x: 0.0, y: 0.0 }, 1.0);
    assert_close(&[t], &[gk], "jvp");
    let (_, _, hv) = scaled_on_the_left_hvp(v, k, P2 { x: 0.0, y: 0.0 }, 1.0);
    assert_close(
        &[hv.0.x, hv.0.y, hv.1],
        &[2.0 * c * v.y, 2.0 * c * v.x, 2.0 * v.x * v.y],
        "hvp",
    );
}
