//! `#[differentiable(checked)]`: the generated reverse sweep keeps every bounds check and
//! contains no `unsafe`, so it compiles in a crate that forbids `unsafe_code` (this test
//! crate does). Without `checked`, the reverse sweep reads adjoint elements of fixed-length
//! buffers and parameters, and recomputed elements of them, without bounds checks (indices
//! the forward sweep already checked); see `tests/fusion.rs` for that code under
//! `#[deny(unsafe_code)]`. Both give the same gradient.

#![forbid(unsafe_code)]
#![allow(clippy::needless_range_loop)]

mod common;

use ad_runtime::differentiable;
use common::*;

/// Buffers filled per point, an increment loop over a packed triangle, a call on a buffer:
/// every kind of element access the reverse sweep makes.
#[differentiable(wrt(q), checked)]
fn packed(q: &[f64], x: &[f64], d: usize, n: usize) -> f64 {
    let mut z = vec![0.0; d];
    let mut s = 0.0;
    for p in 0..n {
        for j in 0..d {
            z[j] = q[j].exp() * x[p * d + j];
        }
        let mut idx = d;
        for c in 0..d {
            for r in c + 1..d {
                z[r] += q[idx] * x[p * d + c];
                idx += 1;
            }
        }
        for j in 0..d {
            s += z[j] * z[j];
        }
    }
    s.sqrt()
}

#[test]
fn checked_gradient_without_unsafe() {
    let (d, n) = (4, 6);
    let mut rng = Rng::new(31);
    let q: Vec<f64> = (0..d * (d + 1) / 2).map(|_| rng.signed(0.1, 0.8)).collect();
    let x: Vec<f64> = (0..n * d).map(|_| rng.signed(0.2, 1.0)).collect();
    let (v, g) = packed_grad(&q, &x, d, n);
    assert_eq!(v, packed(&q, &x, d, n));
    assert_fd(|q| packed(q, &x, d, n), &q, &g, "packed (checked)");
    let (pv, back) = packed_pullback(&q, &x, d, n);
    assert_eq!(v, pv);
    closed(&g, &back(1.0).0, "packed (checked): fused against split");
}
