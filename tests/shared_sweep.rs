//! One reverse sweep for both orders (`ad-macros/src/nest/shared/`): a function whose
//! first-order and dual sweeps differ only in the scalar gets one sweep generic over it,
//! `f_sweep::<S, M>`; `f_pullback` and `f_hvp_pullback` instantiate it. Checked: the
//! generic sweep at `f64` is `f_pullback` bit for bit, at `Dual<f64>` gives the HVP (against
//! differences of the gradient), calls between shared functions, from a shared function to
//! one that keeps its two sweeps (a dispatcher: a custom rule, array code), recursion, and
//! each way the lift spells the scalar differently that the shared sweep covers (casts,
//! constants in `vec!`, float functions and constants by path, value-only calls, a generic
//! callee at the float), and the bounds of arithmetic on borrowed scalars only where a body
//! may borrow one or calls another sweep (`nest::shared::borrows`).

#![allow(clippy::needless_range_loop)]

use ad_runtime::ndarray::Array1;
use ad_runtime::{Dual, Float, differentiable};

#[differentiable]
fn leaf(x: &[f64], p: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let a = x[i] * p + 0.25;
        s += if a > 0.1 {
            a.sin() * a
        } else {
            (a * a + 1.0).ln()
        };
    }
    s * 0.5 + p.exp()
}

#[differentiable]
fn caller(x: &[f64], p: f64) -> f64 {
    let a = leaf(x, p * 0.5);
    let b = custom_cube(a);
    a * 2.0 + b + arrays(x)
}

/// A custom rule (first order only): its pullbacks are the user's, reached through a
/// dispatcher from `caller`'s shared sweep.
#[differentiable(custom(jvp = custom_cube_jvp, vjp = custom_cube_vjp, second_order))]
fn custom_cube(a: f64) -> f64 {
    a * a * a
}

#[differentiable]
fn custom_cube_jvp(a: f64, da: f64) -> (f64, f64) {
    (a * a * a, 3.0 * a * a * da)
}

fn custom_cube_vjp(a: f64) -> (f64, impl FnOnce(f64) -> f64) {
    (a * a * a, move |g| 3.0 * a * a * g)
}

/// Array code keeps its two sweeps (its dual sweep takes other rules).
#[differentiable]
fn arrays(x: &[f64]) -> f64 {
    let v = Array1::from(x.to_vec());
    v.mapv(f64::tanh).sum()
}

/// Recursion: the shared sweep calls itself (a boxed pullback).
#[differentiable]
fn power(x: f64, n: usize) -> f64 {
    if n == 0 { 1.0 } else { x * power(x, n - 1) }
}

/// The lift's other spellings of the scalar, each a row of the table in `nest::shared`:
/// casts (`as f64`, `as _`), a constant in `vec!`, `f64::max` and `std::f64::consts::PI` by
/// path, a value-only call of a differentiable function (a buffer refilled per row: the
/// callee's pullback is made again in the reverse sweep, so the forward sweep wants its
/// value only), a generic callee called at `f64` with a turbofish.
#[differentiable]
fn spellings(x: &[f64], k: usize) -> f64 {
    let n = x.len() as f64;
    let c: f64 = k as _;
    let mut buf = vec![0.0; 2];
    let mut s = 0.0;
    for r in 0..x.len() - 1 {
        for j in 0..2 {
            buf[j] = f64::max(x[r + j] * c, -0.5) * std::f64::consts::PI / n;
        }
        s += scaled::<f64>(buf[0], buf[1]) + leaf(&buf, 0.7);
    }
    s
}

#[differentiable]
fn scaled<T: Float>(a: T, b: T) -> T {
    a * b + a.sin()
}

/// `spellings` called by another function, so its sweep runs through a caller's.
#[differentiable]
fn spelled(x: &[f64]) -> f64 {
    spellings(x, 3) * 1.5
}

fn fd_grad(f: impl Fn(&[f64]) -> f64, x: &[f64]) -> Vec<f64> {
    let h = 1e-6;
    (0..x.len())
        .map(|i| {
            let (mut a, mut b) = (x.to_vec(), x.to_vec());
            a[i] += h;
            b[i] -= h;
            (f(&a) - f(&b)) / (2.0 * h)
        })
        .collect()
}

fn close(a: f64, b: f64, tol: f64, what: &str) {
    assert!((a - b).abs() <= tol * (1.0 + b.abs()), "{what}: {a} vs {b}");
}

#[test]
fn the_generic_sweep_at_f64_is_the_first_order_one() {
    let (x, p) = (vec![0.3, -0.7, 1.1, 0.05], 0.8);
    let (y, pb) = leaf_pullback(&x, p);
    let (gx, gp) = pb(1.0);
    let (y2, pb2) = leaf_sweep::<f64, ()>(&x, p);
    let (gx2, gp2) = pb2(1.0);
    assert_eq!(y.to_bits(), y2.to_bits());
    assert_eq!(gp.to_bits(), gp2.to_bits());
    assert_eq!(gx, gx2);
    // And against differences.
    let all = |v: &[f64]| leaf(&v[..4], v[4]);
    let mut z = x.clone();
    z.push(p);
    let fd = fd_grad(all, &z);
    for i in 0..4 {
        close(gx[i], fd[i], 1e-6, "d leaf / dx");
    }
    close(gp, fd[4], 1e-6, "d leaf / dp");
}

#[test]
fn the_generic_sweep_on_duals_is_second_order() {
    let (x, p) = (vec![0.3, -0.7, 1.1, 0.05], 0.8);
    let (v, vp) = (vec![0.2, 0.1, -0.4, 1.0], -0.3);
    let (y, (g, gp), (hv, hvp)) = caller_hvp(&x, p, &v, vp);
    close(y, caller(&x, p), 1e-14, "value");
    let (_, (g1, gp1)) = caller_grad(&x, p);
    assert_eq!(g, g1);
    assert_eq!(gp.to_bits(), gp1.to_bits());
    // H·v by differences of the gradient along (v, vp).
    let h = 1e-5;
    let shift = |s: f64| {
        let xs: Vec<f64> = x.iter().zip(&v).map(|(a, b)| a + s * b).collect();
        caller_grad(&xs, p + s * vp).1
    };
    let ((gu, gpu), (gd, gpd)) = (shift(h), shift(-h));
    for i in 0..4 {
        close(hv[i], (gu[i] - gd[i]) / (2.0 * h), 1e-5, "H v (x)");
    }
    close(hvp, (gpu - gpd) / (2.0 * h), 1e-5, "H v (p)");
    // The dual instantiation directly: the same as `caller_hvp_pullback`.
    let xd: Vec<Dual<f64>> = x.iter().zip(&v).map(|(a, b)| Dual::new(*a, *b)).collect();
    let (yd, _) = caller_sweep::<Dual<f64>, ()>(&xd, Dual::new(p, vp));
    let (yd2, _) = caller_hvp_pullback::<()>(&xd, Dual::new(p, vp));
    assert_eq!(yd.re.to_bits(), yd2.re.to_bits());
    assert_eq!(yd.eps.to_bits(), yd2.eps.to_bits());
}

#[test]
fn recursion_through_the_generic_sweep() {
    let x = 1.3;
    let (y, dx) = power_grad(x, 5);
    close(y, x.powi(5), 1e-14, "x^5");
    close(dx, 5.0 * x.powi(4), 1e-14, "5 x^4");
    let (_, _, h) = power_hessian(x, 5);
    close(h[[0, 0]], 20.0 * x.powi(3), 1e-12, "20 x^3");
}

#[test]
fn the_lifts_spellings_share_and_differentiate() {
    let x = vec![0.3, -0.7, 1.1, 0.05, -0.2];
    let v = vec![0.2, 0.1, -0.4, 1.0, 0.5];
    // First order: `_grad` (fused), the pullback (the shared sweep at `f64`), the caller's.
    let (y, g) = spellings_grad(&x, 3);
    close(y, spellings(&x, 3), 1e-14, "value");
    let fd = fd_grad(|z| spellings(z, 3), &x);
    let (_, pb) = spellings_sweep::<f64, ()>(&x, 3);
    let (gs, _) = pb(1.0);
    let (_, gc) = spelled_grad(&x);
    for i in 0..x.len() {
        close(g[i], fd[i], 1e-6, "d spellings / dx");
        close(gs[i], g[i], 1e-13, "the shared sweep at f64");
        close(gc[i], 1.5 * g[i], 1e-13, "through a caller");
    }
    // Second order: H·v against differences of the gradient, directly and through a caller.
    let h = 1e-5;
    let shifted = |s: f64| -> Vec<f64> {
        let xs: Vec<f64> = x.iter().zip(&v).map(|(a, b)| a + s * b).collect();
        spellings_grad(&xs, 3).1
    };
    let (gu, gd) = (shifted(h), shifted(-h));
    let (_, g2, hv) = spellings_hvp(&x, 3, &v);
    let (_, _, hvc) = spelled_hvp(&x, &v);
    for i in 0..x.len() {
        close(g2[i], g[i], 1e-13, "hvp's gradient");
        close(hv[i], (gu[i] - gd[i]) / (2.0 * h), 1e-5, "H v");
        close(hvc[i], 1.5 * hv[i], 1e-12, "H v through a caller");
    }
    // Forward mode along v.
    let (_, t) = spellings_jvp(&x, 3, &v);
    let gv: f64 = g.iter().zip(&v).map(|(a, b)| a * b).sum();
    close(t, gv, 1e-12, "jvp = grad . v");
}

/// A leaf that borrows its elements (`for v in x`, a closure's parameter, a `&f64`
/// parameter): its shared sweep has the bounds of arithmetic on references
/// (`nest::shared::borrows`).
#[differentiable]
fn borrowing_leaf(x: &[f64], w: &f64) -> f64 {
    let mut s = 0.0;
    for v in x {
        s += v * w + (v * v).sin();
    }
    s + x.iter().map(|v| v * 0.5).sum::<f64>()
}

/// A leaf that only indexes: its sweep goes without those bounds.
#[differentiable]
fn indexing_leaf(x: &[f64], p: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += (x[i] * p).tanh();
    }
    s
}

/// Indexes, but calls both leaves: its sweep must prove the borrowing leaf's bounds, so it
/// has them too (`calls_sweep`).
#[differentiable]
fn indexing_caller(x: &[f64], p: f64) -> f64 {
    let w = p * 0.5;
    borrowing_leaf(x, &w) * indexing_leaf(x, p) + x[0] * p
}

/// Borrows, and calls the indexing leaf.
#[differentiable]
fn borrowing_caller(x: &[f64], p: f64) -> f64 {
    let mut s = indexing_leaf(x, p);
    for v in x.iter() {
        s += v * indexing_caller(x, p);
    }
    s
}

#[test]
fn borrowed_and_indexed_elements_in_calls_between_shared_sweeps() {
    let x = vec![0.3, -0.7, 1.1, 0.05];
    let v = vec![0.2, 0.1, -0.4, 1.0];
    let (p, vp) = (0.8, -0.3);
    let all = |f: fn(&[f64], f64) -> f64| move |z: &[f64]| f(&z[..4], z[4]);
    let mut z = x.clone();
    z.push(p);
    let mut dz = v.clone();
    dz.push(vp);
    let h = 1e-5;
    type Grad = fn(&[f64], f64) -> (f64, (Vec<f64>, f64));
    type Hvp = fn(&[f64], f64, &[f64], f64) -> (f64, (Vec<f64>, f64), (Vec<f64>, f64));
    let cases: [(&str, fn(&[f64], f64) -> f64, Grad, Hvp); 3] = [
        (
            "indexing_leaf",
            indexing_leaf,
            indexing_leaf_grad,
            indexing_leaf_hvp,
        ),
        (
            "indexing_caller",
            indexing_caller,
            indexing_caller_grad,
            indexing_caller_hvp,
        ),
        (
            "borrowing_caller",
            borrowing_caller,
            borrowing_caller_grad,
            borrowing_caller_hvp,
        ),
    ];
    for (name, f, grad, hvp) in cases {
        let (y, (gx, gp)) = grad(&x, p);
        close(y, f(&x, p), 1e-14, name);
        let fd = fd_grad(all(f), &z);
        for i in 0..4 {
            close(gx[i], fd[i], 1e-6, name);
        }
        close(gp, fd[4], 1e-6, name);
        // H·v against differences of the gradient along (v, vp).
        let shifted = |s: f64| {
            let xs: Vec<f64> = x.iter().zip(&v).map(|(a, b)| a + s * b).collect();
            grad(&xs, p + s * vp).1
        };
        let ((gu, gpu), (gd, gpd)) = (shifted(h), shifted(-h));
        let (_, (g2, gp2), (hv, hvp_p)) = hvp(&x, p, &v, vp);
        for i in 0..4 {
            close(g2[i], gx[i], 1e-13, name);
        }
        close(gp2, gp, 1e-13, name);
        for i in 0..4 {
            close(hv[i], (gu[i] - gd[i]) / (2.0 * h), 1e-5, name);
        }
        close(hvp_p, (gpu - gpd) / (2.0 * h), 1e-5, name);
    }
    // The borrowing leaf (a `&f64` parameter): its gradient against differences.
    let w = 0.4;
    let (y, (gx, gw)) = borrowing_leaf_grad(&x, &w);
    close(y, borrowing_leaf(&x, &w), 1e-14, "borrowing_leaf");
    let fd = fd_grad(
        |z: &[f64]| borrowing_leaf(&z[..4], &z[4]),
        &[&x[..], &[w]].concat(),
    );
    for i in 0..4 {
        close(gx[i], fd[i], 1e-6, "borrowing_leaf");
    }
    close(gw, fd[4], 1e-6, "borrowing_leaf");
}

/// Generic over the scalar without bounds on `&S`: compiles only if `indexing_leaf`'s shared
/// sweep has none (a leaf that indexes its slices).
fn call_indexing_leaf_generically<S: ad_runtime::__private::Scalar<f64>>(x: &[S], p: S) -> S
where
    for<'r> S: std::ops::Add<&'r S, Output = S>
        + std::ops::Sub<&'r S, Output = S>
        + std::ops::Mul<&'r S, Output = S>
        + std::ops::Div<&'r S, Output = S>,
    [S]: ad_runtime::Differentiable<Tangent = Vec<S>>,
    Vec<S>: ad_runtime::Differentiable<Tangent = Vec<S>>,
{
    indexing_leaf_sweep::<S, ()>(x, p).0
}

#[test]
fn a_leaf_that_indexes_needs_no_bounds_on_references() {
    let x = vec![0.3, -0.7, 1.1, 0.05];
    close(
        call_indexing_leaf_generically(&x, 0.8),
        indexing_leaf(&x, 0.8),
        1e-15,
        "value",
    );
}
