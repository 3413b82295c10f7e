//! `max`, `min` and `clamp` select an operand: the one not selected gets exactly nothing in
//! every mode, also when the cotangent from above is infinite (`√` at 0, `asin` at 1, `∛` at
//! 0): the composition is locally constant there, its derivative 0 (hunt 30: reverse mode
//! gave NaN, `∞ · 0`, where forward mode gave the right value).

// Primals used only through their generated functions.
#![allow(dead_code)]

mod common;

use ad_runtime::differentiable;
use common::assert_close;

#[differentiable]
fn max_sqrt(v: f64) -> f64 {
    v.max(0.0).sqrt()
}

#[differentiable]
fn min_asin(x: f64) -> f64 {
    x.min(1.0).asin()
}

#[differentiable]
fn max_cbrt_plus_x(x: f64) -> f64 {
    x.max(0.0).cbrt() + x
}

#[differentiable]
fn clamp_sqrt(x: f64) -> f64 {
    x.clamp(0.0, 1.0).sqrt()
}

#[differentiable]
fn wide(v: &[f64]) -> Vec<f64> {
    vec![v[0].max(0.0).sqrt() + v[1] + v[2]]
}

#[test]
fn unselected_operands_get_nothing_in_every_mode() {
    for (name, g, t) in [
        ("max sqrt", max_sqrt_grad(-1.0).1, max_sqrt_jvp(-1.0, 1.0).1),
        ("min asin", min_asin_grad(1.5).1, min_asin_jvp(1.5, 1.0).1),
        (
            "max cbrt + x",
            max_cbrt_plus_x_grad(-1.0).1,
            max_cbrt_plus_x_jvp(-1.0, 1.0).1,
        ),
        (
            "clamp sqrt",
            clamp_sqrt_grad(-0.5).1,
            clamp_sqrt_jvp(-0.5, 1.0).1,
        ),
    ] {
        let want = if name == "max cbrt + x" { 1.0 } else { 0.0 };
        assert_close(&[g, t], &[want, want], name);
    }
    let (_, _, hv) = max_cbrt_plus_x_hvp(-1.0, 1.0);
    assert_close(&[hv], &[0.0], "hvp");
    assert_close(
        &[max_cbrt_plus_x_hessian(-1.0).2[[0, 0]]],
        &[0.0],
        "hessian",
    );
    // The wide Jacobian is built from one VJP per output row.
    let (_, j) = wide_jacobian(&[-1.0, 2.0, 3.0]);
    assert_close(j.as_slice().unwrap(), &[0.0, 1.0, 1.0], "jacobian");
    // Where the operand is selected, the slope is the function's own.
    assert_close(&[max_sqrt_grad(4.0).1], &[0.25], "selected");
}
