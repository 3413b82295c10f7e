//! Helpers for tests of array code: random arrays, finite differences over every element of
//! an array argument, and elementwise comparison.

use super::{FD_STEP, RTOL, Rng};
use ad_runtime::check::compare;
use ad_runtime::ndarray::{Array, ArrayD, Dimension, IntoDimension};

/// A random array of the given shape with entries in `[lo, hi)`.
pub fn rand<Sh: IntoDimension>(rng: &mut Rng, shape: Sh, lo: f64, hi: f64) -> Array<f64, Sh::Dim> {
    let dim = shape.into_dimension();
    let n = dim.size();
    let data: Vec<f64> = (0..n).map(|_| rng.uniform(lo, hi)).collect();
    Array::from_shape_vec(dim, data).expect("shape matches data")
}

/// Central finite differences of `f` with respect to every element of `x`.
pub fn fd<D: Dimension>(f: impl Fn(&Array<f64, D>) -> f64, x: &Array<f64, D>) -> Array<f64, D> {
    let mut p = x.clone();
    let mut out = Array::zeros(x.raw_dim());
    for (i, o) in out.iter_mut().enumerate() {
        let xi = x.as_slice_memory_order().expect("contiguous")[i];
        let h = FD_STEP * xi.abs().max(1.0);
        p.as_slice_memory_order_mut().unwrap()[i] = xi + h;
        let up = f(&p);
        p.as_slice_memory_order_mut().unwrap()[i] = xi - h;
        let down = f(&p);
        p.as_slice_memory_order_mut().unwrap()[i] = xi;
        *o = (up - down) / (2.0 * h);
    }
    out
}

/// Asserts two arrays have the same shape and agree elementwise to [`RTOL`].
#[track_caller]
pub fn assert_array<D: Dimension>(actual: &Array<f64, D>, expected: &Array<f64, D>, what: &str) {
    assert_array_tol(actual, expected, RTOL, what);
}

/// [`assert_array`] with an explicit tolerance.
#[track_caller]
pub fn assert_array_tol<D: Dimension>(
    actual: &Array<f64, D>,
    expected: &Array<f64, D>,
    rtol: f64,
    what: &str,
) {
    assert_eq!(actual.shape(), expected.shape(), "{what}: shapes differ");
    let a: Vec<f64> = actual.iter().copied().collect();
    let e: Vec<f64> = expected.iter().copied().collect();
    if let Err(err) = compare(&a, &e, rtol, rtol) {
        panic!("{what}: {err}\n  actual:   {actual}\n  expected: {expected}");
    }
}

/// Asserts that `grad` is the finite-difference gradient of `f` at `x`.
#[track_caller]
pub fn assert_fd_array<D: Dimension>(
    f: impl Fn(&Array<f64, D>) -> f64,
    x: &Array<f64, D>,
    grad: &Array<f64, D>,
    what: &str,
) {
    let expected = fd(f, x);
    assert_array_tol(grad, &expected, 1e-5, what);
}

/// `<a, b>` summed over all elements (for checking vector–Jacobian products of array results).
pub fn inner<D: Dimension>(a: &Array<f64, D>, b: &Array<f64, D>) -> f64 {
    a.iter().zip(b.iter()).map(|(x, y)| x * y).sum()
}

/// A dynamic-dimension copy (for helpers that take any shape).
pub fn dyn_of<D: Dimension>(a: &Array<f64, D>) -> ArrayD<f64> {
    a.clone().into_dyn()
}

/// `H·t` against central differences of the gradient: `(g(p + h t) - g(p - h t)) / 2h`, to
/// `1e-4` relative to the largest entry (both are exact up to the differences' error).
#[track_caller]
pub fn assert_hv_array<D: Dimension>(
    hv: &Array<f64, D>,
    g_plus: &Array<f64, D>,
    g_minus: &Array<f64, D>,
    h: f64,
    what: &str,
) {
    assert_eq!(hv.shape(), g_plus.shape(), "{what}: shape");
    let fd: Vec<f64> = g_plus
        .iter()
        .zip(g_minus)
        .map(|(a, b)| (a - b) / (2.0 * h))
        .collect();
    let scale = fd
        .iter()
        .chain(hv.iter())
        .fold(1.0f64, |m, v| m.max(v.abs()));
    for (k, (a, b)) in hv.iter().zip(&fd).enumerate() {
        assert!(
            (a - b).abs() <= 1e-4 * scale,
            "{what}[{k}]: H t {a} vs differences of the gradient {b}"
        );
    }
}
