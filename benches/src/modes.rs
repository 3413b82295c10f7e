//! The two modes against each other, and against num-dual (forward mode on dual numbers, the
//! tool a Rust user would pick for derivatives), for `src/bin/modes.rs`:
//!
//! - [`fan`]: `R^n → R^m` at cost `O(n + m)` per evaluation, whose full Jacobian takes `n`
//!   forward passes or `m` reverse passes: the crossover the theory predicts is at `n ≈ m`
//!   (times the ratio of one pass's costs);
//! - Jacobian–vector products, Hessian–vector products and Hessians of [`crate::rosen`] with
//!   num-dual's `Dual64` (one pass per direction) and `HyperDual64` (one pass per entry of
//!   `H·v`: num-dual has no reverse mode, so an HVP takes `n` passes).

use ad_runtime::differentiable;
use ad_runtime::ndarray::Array2;
use num_dual::{Dual64, DualDVec64, DualNum, HyperDual64};
use nalgebra::DVector;

/// `y_j = sin(s (j + 1) / m) · x[j mod n]` with `s = Σ x_i² / n`: every output depends on
/// every input through `s`, and one evaluation costs `O(n + m)`.
#[differentiable]
pub fn fan(x: &[f64], m: usize) -> Vec<f64> {
    let n = x.len();
    let mut s = 0.0;
    for i in 0..n {
        s += x[i] * x[i];
    }
    s = s / n as f64;
    let mut y = vec![0.0; m];
    for j in 0..m {
        y[j] = (s * (j + 1) as f64 / m as f64).sin() * x[j % n];
    }
    y
}

/// [`fan`] on any num-dual number.
fn fan_dual<D: DualNum<Primitive = f64> + Copy>(x: &[D], m: usize) -> Vec<D> {
    let n = x.len();
    let mut s = D::from(0.0);
    for xi in x {
        s += *xi * *xi;
    }
    s /= n as f64;
    (0..m)
        .map(|j| (s * ((j + 1) as f64) / (m as f64)).sin() * x[j % n])
        .collect()
}

/// The Jacobian of [`fan`] by `n` forward passes (`fan_jvp` on unit tangents).
pub fn fan_jacobian_forward(x: &[f64], m: usize) -> Array2<f64> {
    let n = x.len();
    let mut j = Array2::zeros((m, n));
    let mut e = vec![0.0; n];
    for c in 0..n {
        e[c] = 1.0;
        let (_, col) = fan_jvp(x, m, &e);
        e[c] = 0.0;
        for r in 0..m {
            j[[r, c]] = col[r];
        }
    }
    j
}

/// The Jacobian of [`fan`] by `m` reverse passes (`fan_vjp` on unit seeds).
pub fn fan_jacobian_reverse(x: &[f64], m: usize) -> Array2<f64> {
    let n = x.len();
    let mut j = Array2::zeros((m, n));
    for r in 0..m {
        let mut seed = vec![0.0; m];
        seed[r] = 1.0;
        let (_, row) = fan_vjp(x, m, seed);
        for c in 0..n {
            j[[r, c]] = row[c];
        }
    }
    j
}

/// The Jacobian of [`fan`] by `n` passes of num-dual's `Dual64`.
pub fn fan_jacobian_num_dual(x: &[f64], m: usize) -> Array2<f64> {
    let n = x.len();
    let mut j = Array2::zeros((m, n));
    let mut xd: Vec<Dual64> = x.iter().map(|&v| Dual64::from_re(v)).collect();
    for c in 0..n {
        xd[c].eps = 1.0;
        let y = fan_dual(&xd, m);
        xd[c].eps = 0.0;
        for r in 0..m {
            j[[r, c]] = y[r].eps;
        }
    }
    j
}

/// [`fan`] on num-dual numbers that are not `Copy` (the vector duals of its `jacobian`).
fn fan_dual_vec(x: &[DualDVec64], m: usize) -> Vec<DualDVec64> {
    let n = x.len();
    let mut s = x[0].clone() * 0.0;
    for xi in x {
        s += xi.clone() * xi.clone();
    }
    s /= n as f64;
    (0..m)
        .map(|j| (s.clone() * ((j + 1) as f64) / (m as f64)).sin() * x[j % n].clone())
        .collect()
}

/// The Jacobian of [`fan`] by num-dual's own `jacobian` function: one pass on `DualDVec64`
/// numbers, each carrying all `n` tangents (num-dual's API for an input whose length is
/// known at run time).
pub fn fan_jacobian_num_dual_api(x: &[f64], m: usize) -> Array2<f64> {
    let n = x.len();
    let (_, j) = num_dual::jacobian(
        |v: DVector<DualDVec64>| DVector::from_vec(fan_dual_vec(v.as_slice(), m)),
        &DVector::from_vec(x.to_vec()),
    );
    Array2::from_shape_fn((m, n), |(r, c)| j[(r, c)])
}

/// The gradient of [`crate::rosen`] by num-dual's own `gradient` function (`DualDVec64`
/// numbers carrying all `n` tangents: forward mode, so `n` times the work of the value).
pub fn rosen_gradient_num_dual_api(x: &[f64]) -> Vec<f64> {
    let (_, g) = num_dual::gradient(
        |v: DVector<DualDVec64>| {
            let mut s = v[0].clone() * 0.0;
            for i in 0..v.len() - 1 {
                let a = v[i + 1].clone() - v[i].clone() * v[i].clone();
                let b = -v[i].clone() + 1.0;
                s += a.clone() * 100.0 * a + b.clone() * b;
            }
            s
        },
        &DVector::from_vec(x.to_vec()),
    );
    g.iter().copied().collect()
}

/// [`crate::rosen`] on any num-dual number (constants on the right: num-dual has no
/// `f64 op Dual`).
fn rosen_dual<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> D {
    let mut s = D::from(0.0);
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = -x[i] + 1.0;
        s += a * 100.0 * a + b * b;
    }
    s
}

/// One Jacobian–vector product of [`crate::rosen`] with num-dual: one `Dual64` pass.
pub fn rosen_jvp_num_dual(x: &[f64], v: &[f64]) -> (f64, f64) {
    let xd: Vec<Dual64> = x.iter().zip(v).map(|(&a, &b)| Dual64::new(a, b)).collect();
    let y = rosen_dual(&xd);
    (y.re, y.eps)
}

/// `H·v` of [`crate::rosen`] with num-dual: `n` `HyperDual64` passes, pass `i` seeded
/// `eps1 = e_i`, `eps2 = v`, so that its `eps1eps2` is `(H·v)_i`.
pub fn rosen_hvp_num_dual(x: &[f64], v: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut xd: Vec<HyperDual64> = x
        .iter()
        .zip(v)
        .map(|(&a, &b)| HyperDual64::new(a, 0.0, b, 0.0))
        .collect();
    let mut hv = vec![0.0; n];
    for i in 0..n {
        xd[i].eps1 = 1.0;
        hv[i] = rosen_dual(&xd).eps1eps2;
        xd[i].eps1 = 0.0;
    }
    hv
}

/// The dense Hessian of [`crate::rosen`] with num-dual: `n (n + 1) / 2` `HyperDual64`
/// passes, one per entry of the upper triangle.
pub fn rosen_hessian_num_dual(x: &[f64]) -> Array2<f64> {
    let n = x.len();
    let mut h = Array2::zeros((n, n));
    let mut xd: Vec<HyperDual64> = x.iter().map(|&a| HyperDual64::from_re(a)).collect();
    for i in 0..n {
        for j in i..n {
            xd[i].eps1 = 1.0;
            xd[j].eps2 = 1.0;
            let v = rosen_dual(&xd).eps1eps2;
            xd[i].eps1 = 0.0;
            xd[j].eps2 = 0.0;
            h[[i, j]] = v;
            h[[j, i]] = v;
        }
    }
    h
}
