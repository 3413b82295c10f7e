//! Ordinary code that did not compile, found by hunts 32 (an independent random-program
//! generator) and 33 (gradbench's programs written as a user would): each in every mode
//! against closed forms.

// Primals used only through their generated functions.
#![allow(dead_code)]

mod common;

use ad_runtime::{Float, differentiable};
use common::{assert_close, fd_grad};

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
    assert_close(
        &[g, t, hg, hv],
        &[2.0 * x * k, 2.0 * x * k, 2.0 * x * k, 2.0 * k],
        "method",
    );
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

#[differentiable]
fn weigh3(a: [f64; 3], s: f64) -> f64 {
    a[0] * s + a[1] * a[2]
}

/// Array literals whose elements are branch and block values (an argument, and the result
/// where the return type says `[f64; 3]`).
#[differentiable]
fn branch_elements(x: f64, y: f64) -> f64 {
    weigh3([if y > x { x } else { y }, x, { y * 2.0 }], x)
}
#[differentiable]
fn branch_elements_result(x: f64, y: f64) -> [f64; 3] {
    let m = if x > 0.0 {
        x * y
    } else if y > 0.0 {
        y
    } else {
        0.0
    };
    let b = {
        let t = x + y;
        t * t
    };
    [m - b, b, m + weigh3([x, y, b], y)]
}

/// An array literal assigned to a float array, from a nested gradient's destructured result.
#[differentiable]
fn potential(x0: f64, x1: f64) -> f64 {
    x0 * x0 * x1
}
#[differentiable]
fn force_product(x0: f64, x1: f64) -> f64 {
    let mut a = [0.0, 0.0];
    let (_, (g0, g1)) = potential_grad(x0, x1);
    a = [-g0, -g1];
    a[0] * a[1]
}

/// An array literal in a `match` arm's compound assignment, in a loop, one element a `powf`.
#[differentiable]
fn arm_array_argument(x: f64, y: f64, n: usize) -> f64 {
    let mut acc = x;
    for i in 0..n {
        match i % 2 {
            0 => acc += weigh3([x, y, (acc * acc + 1.0).powf(0.75)], y),
            _ => acc *= 0.9,
        }
    }
    acc
}

/// `to_vec` and `swap` of a `Vec` filled by pushes, `to_vec` of an annotated local array.
#[differentiable]
fn pushed_then_copied(x: f64, xs: &[f64]) -> f64 {
    let mut b = Vec::with_capacity(xs.len());
    for &t in xs.iter() {
        b.push(t * x);
    }
    b.swap(0, 1);
    let c = b.to_vec();
    c[0] * 3.0 + c.iter().sum::<f64>()
}
#[differentiable]
fn array_to_vec(x: f64, y: f64) -> f64 {
    let ar: [f64; 3] = [x, y, x * y];
    let mut b = ar.to_vec();
    b[0] *= y;
    b.iter().sum::<f64>()
}

/// A generic function called with a turbofish.
#[differentiable]
fn generic_product<T: Float>(a: T, b: T) -> T {
    a * b + a.sin()
}
#[differentiable]
fn turbofish_call(x: f64, y: f64) -> f64 {
    generic_product::<f64>(x, y) * 2.0
}

/// `f_grad` against differences, `f_jvp` against it, `f_hvp`'s product against differences
/// of the gradient (two scalar parameters).
fn check2(
    what: &str,
    f: fn(f64, f64) -> f64,
    grad: fn(f64, f64) -> (f64, (f64, f64)),
    jvp: fn(f64, f64, f64, f64) -> (f64, f64),
    hvp: fn(f64, f64, f64, f64) -> (f64, (f64, f64), (f64, f64)),
) {
    for (x, y) in [(0.3, 0.8), (0.9, -0.4), (-0.6, 0.5)] {
        let (v, (gx, gy)) = grad(x, y);
        assert_eq!(v, f(x, y), "{what}: value");
        let fd = fd_grad(&|p: &[f64]| f(p[0], p[1]), &[x, y]);
        assert_close(&[gx, gy], &fd, &format!("{what}: gradient"));
        let (_, t) = jvp(x, y, 0.5, -1.0);
        assert_close(&[t], &[0.5 * gx - gy], &format!("{what}: jvp"));
        let (_, (hx, hy), (hvx, hvy)) = hvp(x, y, 1.0, 0.0);
        assert_close(&[hx, hy], &[gx, gy], &format!("{what}: hvp gradient"));
        let e = 1e-5;
        let (p, m) = (grad(x + e, y).1, grad(x - e, y).1);
        let fd = [(p.0 - m.0) / (2.0 * e), (p.1 - m.1) / (2.0 * e)];
        common::assert_close_tol(&[hvx, hvy], &fd, 1e-6, &format!("{what}: H v"));
    }
}

#[test]
fn array_literals_of_branch_values_and_assigned_arrays() {
    check2(
        "branch elements",
        branch_elements,
        branch_elements_grad,
        branch_elements_jvp,
        branch_elements_hvp,
    );
    // (A nested gradient's caller has first-order derivatives only.)
    let fd = fd_grad(&|p: &[f64]| force_product(p[0], p[1]), &[0.7, 1.3]);
    let (_, (g0, g1)) = force_product_grad(0.7, 1.3);
    assert_close(&[g0, g1], &fd, "force product gradient");
    let (_, t) = force_product_jvp(0.7, 1.3, 1.0, 0.0);
    assert_close(&[t], &[g0], "force product jvp");
    // -2 x0 x1 · -x0² = 2 x0³ x1.
    let (_, (g0, g1)) = force_product_grad(0.7, 1.3);
    assert_close(
        &[g0, g1],
        &[6.0 * 0.49 * 1.3, 2.0 * 0.343],
        "force product closed form",
    );
    let arm = |x: f64, y: f64| arm_array_argument(x, y, 3);
    let (_, (gx, gy)) = arm_array_argument_grad(0.3, 0.8, 3);
    let fd = fd_grad(&|p: &[f64]| arm(p[0], p[1]), &[0.3, 0.8]);
    assert_close(&[gx, gy], &fd, "match arm gradient");
    let (_, _, (hx, hy)) = arm_array_argument_hvp(0.3, 0.8, 3, 1.0, 0.0);
    let e = 1e-5;
    let (p, m) = (
        arm_array_argument_grad(0.3 + e, 0.8, 3).1,
        arm_array_argument_grad(0.3 - e, 0.8, 3).1,
    );
    common::assert_close_tol(
        &[hx, hy],
        &[(p.0 - m.0) / (2.0 * e), (p.1 - m.1) / (2.0 * e)],
        1e-6,
        "match arm H v",
    );
    // The array result: its Jacobian against differences of each entry.
    let (x, y) = (0.4, 0.7);
    let (_, jac) = branch_elements_result_jacobian(x, y);
    for r in 0..3 {
        let fd = fd_grad(&|p: &[f64]| branch_elements_result(p[0], p[1])[r], &[x, y]);
        assert_close(&[jac[[r, 0]], jac[[r, 1]]], &fd, "array result jacobian");
    }
}

#[test]
fn pushed_vecs_local_arrays_and_turbofish_calls() {
    let xs = [0.5, -1.5, 2.0];
    let x = 0.7;
    // swap(0, 1) then 3 c₀ + Σ c = 3 x xs₁ + x Σ xs.
    let (v, (gx, gxs)) = pushed_then_copied_grad(x, &xs);
    let sum: f64 = xs.iter().sum();
    assert_close(&[v], &[3.0 * x * xs[1] + x * sum], "pushed value");
    assert_close(&[gx], &[3.0 * xs[1] + sum], "pushed gradient in x");
    assert_close(&gxs, &[x, 4.0 * x, x], "pushed gradient in xs");
    let (_, t) = pushed_then_copied_jvp(x, &xs, 1.0, &[0.0, 0.0, 0.0]);
    assert_close(&[t], &[3.0 * xs[1] + sum], "pushed jvp");
    check2(
        "array to_vec",
        array_to_vec,
        array_to_vec_grad,
        array_to_vec_jvp,
        array_to_vec_hvp,
    );
    check2(
        "turbofish",
        turbofish_call,
        turbofish_call_grad,
        turbofish_call_jvp,
        turbofish_call_hvp,
    );
}

/// Sorting a differentiated `Vec` (the cotangents follow the elements) and `get(i)` with a
/// default: a trimmed, weighted order statistic.
#[differentiable]
fn sorted_weights(x: &[f64], i: usize) -> f64 {
    let mut v = x.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let mut d = x.to_vec();
    d.sort_unstable_by(|a, b| b.total_cmp(a));
    let extra = x.get(i).copied().unwrap_or(0.5);
    v[0] * 2.0 + v[v.len() - 1] * v[1] + d[0] * extra
}

#[test]
fn sorting_and_get() {
    let x = [0.4, -1.2, 0.9, 0.1];
    // Ascending: -1.2, 0.1, 0.4, 0.9 (indices 1, 3, 0, 2); descending starts at 0.9.
    let (v, g) = sorted_weights_grad(&x, 0);
    assert_close(&[v], &[-2.4 + 0.9 * 0.1 + 0.9 * 0.4], "value");
    assert_close(&g, &[0.9, 2.0, 0.1 + 0.4, 0.9], "gradient");
    // Past the end: the default.
    let (v, g) = sorted_weights_grad(&x, 7);
    assert_close(&[v], &[-2.4 + 0.09 + 0.45], "default value");
    assert_close(&g, &[0.0, 2.0, 0.1 + 0.5, 0.9], "default gradient");
    let (_, t) = sorted_weights_jvp(&x, 0, &[1.0, 0.0, 0.0, 0.0]);
    assert_close(&[t], &[0.9], "jvp");
    let (_, _, hv) = sorted_weights_hvp(&x, 0, &[0.0, 0.0, 1.0, 0.0]);
    assert_close(&hv, &[1.0, 0.0, 0.0, 1.0], "hvp");
}

/// `swap` of a `vec![..]` literal of elements of a float slice.
#[differentiable]
fn swapped_literal(xs: &[f64], x: f64) -> f64 {
    let mut b = vec![xs[2], x * xs[0], x];
    b.swap(0, 2);
    b[0] * b[1] + b[2]
}

#[test]
fn swap_of_a_vec_literal() {
    let xs = [0.4, -1.2, 0.9];
    let x = 0.7;
    // b = [x, x xs0, xs2]: x² xs0 + xs2.
    let (v, (gxs, gx)) = swapped_literal_grad(&xs, x);
    assert_close(&[v], &[x * x * xs[0] + xs[2]], "value");
    assert_close(&gxs, &[x * x, 0.0, 1.0], "gradient in xs");
    assert_close(&[gx], &[2.0 * x * xs[0]], "gradient in x");
}
