//! Ordinary code that did not compile, found by hunts 32 (an independent random-program
//! generator) and 33 (gradbench's programs written as a user would): each in every mode
//! against closed forms.

// Primals used only through their generated functions.
#![allow(dead_code)]

mod common;

use ad_runtime::differentiable;
use common::assert_close;

/// A constant made by a float method, then compared (second order lifted it to a dual).
#[differentiable]
fn constant_method_in_condition(x: f64) -> f64 {
    let k = 2.0_f64.sqrt();
    if k > 1.0 { x * x * k } else { -x }
}

/// A literal on the left of a comparison with a cast (`1.5 > i as f64`).
#[differentiable]
fn literal_left_of_a_cast(x: f64, n: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        if 1.5 > i as f64 {
            s += x;
        } else {
            s -= x * x;
        }
    }
    s
}

fn knot(i: usize) -> f64 {
    i as f64 - 1.5
}
fn sign(t: f64) -> f64 {
    if t > 0.0 { 1.0 } else { -1.0 }
}

/// Plain helpers (no attribute) on constants, one's result passed to the other (llsq's
/// `t`/`s`): `Σ (sign(t_i) - x₀ t_i)²`.
#[differentiable]
fn plain_helpers_on_constants(x: &[f64], n: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        let ti = knot(i);
        s += (sign(ti) - x[0] * ti).powi(2);
    }
    s
}

/// A slice parameter shadowed by a mutable copy of itself: `2 x₁²`.
#[differentiable]
fn shadowed_by_its_copy(x: &[f64]) -> f64 {
    let mut x = x.to_vec();
    x[0] = x[1] * 2.0;
    x[0] * x[1]
}

/// The same with a constant index list (det's minors): `x₁ x₀`.
#[differentiable(wrt(x))]
fn shadowed_index_copy(x: &[f64], idx: &[usize]) -> f64 {
    let mut idx = idx.to_vec();
    idx[0] = 1;
    x[idx[0]] * x[0]
}

#[test]
fn comparisons_with_lifted_constants() {
    let (x, k) = (0.7, 2.0_f64.sqrt());
    let (_, g) = constant_method_in_condition_grad(x);
    let (_, t) = constant_method_in_condition_jvp(x, 1.0);
    let (_, hg, hv) = constant_method_in_condition_hvp(x, 1.0);
    assert_close(&[g, t, hg, hv], &[2.0 * x * k, 2.0 * x * k, 2.0 * x * k, 2.0 * k], "method");
    // n = 4: s = 2x - 2x².
    let (_, g) = literal_left_of_a_cast_grad(x, 4);
    let (_, hg, hv) = literal_left_of_a_cast_hvp(x, 4, 1.0);
    assert_close(&[g, hg, hv], &[2.0 - 4.0 * x, 2.0 - 4.0 * x, -4.0], "cast");
}

#[test]
fn plain_helpers_and_shadowing_copies() {
    let x = [0.3];
    let ts: Vec<f64> = (0..5).map(knot).collect();
    let g: f64 = ts.iter().map(|&t| -2.0 * t * (sign(t) - x[0] * t)).sum();
    let h: f64 = ts.iter().map(|&t| 2.0 * t * t).sum();
    let (_, gr) = plain_helpers_on_constants_grad(&x, 5);
    let (_, hg, hv) = plain_helpers_on_constants_hvp(&x, 5, &[1.0]);
    assert_close(&[gr[0], hg[0], hv[0]], &[g, g, h], "plain helpers");

    let x = [0.4, -1.5];
    let (v, g) = shadowed_by_its_copy_grad(&x);
    assert_close(&[v], &[2.0 * x[1] * x[1]], "copy value");
    assert_close(&g, &[0.0, 4.0 * x[1]], "copy gradient");
    let (_, t) = shadowed_by_its_copy_jvp(&x, &[1.0, 1.0]);
    assert_close(&[t], &[4.0 * x[1]], "copy jvp");
    let (_, _, hv) = shadowed_by_its_copy_hvp(&x, &[0.0, 1.0]);
    assert_close(&hv, &[0.0, 4.0], "copy hvp");
    let (_, g) = shadowed_index_copy_grad(&x, &[0, 0]);
    assert_close(&g, &[x[1], x[0]], "index copy gradient");
}
