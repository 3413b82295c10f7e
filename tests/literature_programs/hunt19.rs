//! Hunts 18 and 19 (programs in the style of other AD tools' test suites: Clad, Enzyme,
//! Tapenade, ADBench; JAX, Swift AutoDiff, PyTorch gradcheck, num-dual): each a wrong value or
//! a compile failure of ordinary code, fixed, and checked in every mode by the harness, with
//! closed forms.

use crate::harness::*;
use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Axis};

/// `std` of distinct data on a large offset (a spread of 64 ulps): the rounding-noise
/// convention (derivative 0 below `64 ε max|a|`) zeroed a real gradient, which forward mode
/// gave (`f_jvp ≠ f_grad · v`). Now below `8 ε max|a|` only.
#[differentiable]
fn std_on_offset(a: &Array1<f64>) -> f64 {
    a.std(0.0)
}

#[differentiable]
fn std_axis_on_offset(a: &ad_runtime::ndarray::Array2<f64>) -> f64 {
    a.std_axis(Axis(1), 0.0).sum()
}

#[test]
fn h1901_std_of_a_small_spread_on_a_large_offset() {
    let a = arr1(&[1e12, 1e12 + 0.0078125, 1e12 + 0.015625]);
    // Closed form: (aᵢ − m) / (n s), with s = 2⁻⁷ √(2/3).
    let s = 0.0078125 * (2.0f64 / 3.0).sqrt();
    let want = [-0.0078125 / (3.0 * s), 0.0, 0.0078125 / (3.0 * s)];
    let (v, g) = std_on_offset_grad(&a);
    assert!(close(v, s, 1e-12), "{v} vs {s}");
    for k in 0..3 {
        assert!(scal_close(g[k], want[k], 1e-9, 1.0), "{:?} vs {want:?}", g);
    }
    let t = arr1(&[-1.0, 0.0, 1.0]);
    let (_, d) = std_on_offset_jvp(&a, &t);
    assert!(close(d, want[2] - want[0], 1e-9), "jvp {d}");
    let m = arr2(&[1e12, 1e12 + 0.0078125, 1e12 + 0.015625], 1, 3);
    let (_, gm) = std_axis_on_offset_grad(&m);
    for k in 0..3 {
        assert!(scal_close(gm[[0, k]], want[k], 1e-9, 1.0), "{gm:?}");
    }
}

#[differentiable]
fn tails(x: f64, y: f64, z: f64) -> f64 {
    x.exp_m1() + y.asinh() + z.acosh()
}

#[differentiable]
fn tanh_tail(x: f64) -> f64 {
    x.tanh()
}

#[differentiable]
fn exp_m1_array(a: &Array1<f64>) -> f64 {
    a.exp_m1().sum()
}

/// Derivatives in the tails, against closed forms (differences are rounded there too):
/// `exp_m1'(-40) = e⁻⁴⁰` (was `y + 1 = 0`), `asinh'(1e200) = 1e-200` and `acosh'(1e200)
/// = 1e-200` (was `1/√(x² ± 1)` with `x²` overflowing: 0), in every mode; `tanh'(20) =
/// 4e⁻⁴⁰/(1 + e⁻⁴⁰)²` in forward mode (was `1 - y² = 0`).
#[test]
fn h1902_derivatives_in_the_tails() {
    let (x, y, z) = (-40.0f64, 1e200, 1e200);
    let want = [x.exp(), 1e-200, 1e-200];
    let (_, (gx, gy, gz)) = tails_grad(x, y, z);
    for (got, w) in [gx, gy, gz].iter().zip(want) {
        assert!(close(*got, w, 1e-14), "grad {got:e} vs {w:e}");
    }
    for (k, w) in want.iter().enumerate() {
        let mut t = [0.0; 3];
        t[k] = 1.0;
        let (_, d) = tails_jvp(x, y, z, t[0], t[1], t[2]);
        assert!(close(d, *w, 1e-14), "jvp {k}: {d:e} vs {w:e}");
    }
    let (_, (hx, _, _), _) = tails_hvp(x, y, z, 1.0, 0.0, 0.0);
    assert!(close(hx, want[0], 1e-14));
    let (_, g) = exp_m1_array_grad(&arr1(&[-40.0, -700.0]));
    assert!(close(g[0], (-40.0f64).exp(), 1e-14) && close(g[1], (-700.0f64).exp(), 1e-14));
    let e = (-40.0f64).exp();
    let (_, d) = tanh_tail_jvp(20.0, 1.0);
    assert!(close(d, 4.0 * e / ((1.0 + e) * (1.0 + e)), 1e-14), "{d:e}");
    let (_, d) = tanh_tail_jvp(-20.0, 1.0);
    assert!(close(d, 4.0 * e / ((1.0 + e) * (1.0 + e)), 1e-14), "{d:e}");
    // Away from the tails, the same as before.
    let (_, d) = tanh_tail_jvp(0.3, 1.0);
    assert!(close(d, 1.0 - 0.3f64.tanh().powi(2), 1e-15));
    let (_, d) = tanh_tail_jvp(0.6, 1.0);
    assert!(close(d, 1.0 - 0.6f64.tanh().powi(2), 1e-14));
}
