//! Regressions found by the random-program generator (tests/gen/): each once failed to compile.

mod common;

use ad_runtime::differentiable;
use common::{assert_near, closed};

#[differentiable]
fn fa(a: f32) -> f32 {
    let mut s = a;
    for _ in 0..3 {
        s = s * 1.5;
    }
    if a > 0.0 {
        s = s * 1.5;
    }
    s
}
#[differentiable]
fn fb(n: usize, a: f64) -> f64 {
    if n >= 4 {
        return a.exp();
    }
    a
}
#[differentiable]
fn help_s(a: f64, b: f64) -> f64 {
    a * b.sin()
}
#[differentiable]
fn fg(n: usize, a: f64) -> f64 {
    if n < 3 {
        return help_s(a, a);
    }
    a
}
#[differentiable]
fn fc(b: f64) -> f64 {
    let mut p = b;
    let mut buf = vec![1.0; 3];
    for v in buf.iter() {
        p = p * v;
    }
    for i in 0..3 {
        buf[i] = b;
    }
    let mut q = 0.0;
    for v in &buf {
        q = q * v + v;
    }
    p + q
}
#[test]
fn generator_regressions() {
    assert_eq!(fa_grad(2.0), (fa(2.0), 1.5f32.powi(4)));
    assert_eq!(fb_grad(5, 1.0), (fb(5, 1.0), 1f64.exp()));
    assert_eq!(fb_grad(1, 1.0).1, 1.0);
    let (v, d) = fg_grad(1, 0.7);
    assert_eq!(v, fg(1, 0.7));
    assert_eq!(v, help_s(0.7, 0.7));
    assert!((d - (0.7f64.sin() + 0.7 * 0.7f64.cos())).abs() < 1e-12);
    let (_, d) = fc_grad(0.5);
    ad_runtime::check::assert_gradient(|x| fc(x[0]), &[0.5], &[d], 1e-6);
}

// An active variable overwritten by a constant inside a loop: its adjoint must be zeroed
// there (it was carried past the overwrite to the variable's first value).
#[differentiable]
fn overwritten_by_constant(a: f64) -> f64 {
    let mut y = a.tanh();
    for i in 0..2 {
        y = 0.5 * (i as f64);
    }
    y - 2.0 * a
}

#[differentiable]
fn element_overwritten_by_constant(a: f64) -> f64 {
    let mut v = vec![0.0; 3];
    v[0] = a.cos();
    v[1] = a.sin();
    v[2] = a * a;
    for i in 0..2 {
        v[i] = 1.5;
    }
    v[0] + v[1] + v[2]
}

#[test]
fn overwrite_by_constant_zeroes_the_adjoint() {
    let (_, d) = overwritten_by_constant_grad(0.3);
    assert_eq!(d, -2.0);
    let (_, d) = element_overwritten_by_constant_grad(0.3);
    assert!((d - 0.6).abs() < 1e-15, "{d}"); // only v[2] = a² survives
}

// Neighbour reads `x[i]`, `x[i + 1]` used only in a comparison, with `x` differentiated
// elsewhere: no register carry for them (its accumulators were left without a type).
#[differentiable]
fn neighbours_compared(x: &[f64], a: f64) -> f64 {
    let mut s = x[0] * a;
    for i in 0..x.len() - 1 {
        if x[i] <= x[i + 1] {
            s += a.sin();
        } else {
            s -= a;
        }
    }
    s
}

#[test]
fn passive_neighbour_reads() {
    let x = [0.3, 0.5, 0.1, 0.9];
    let (_, (dx, da)) = neighbours_compared_grad(&x, 0.7);
    assert_eq!(dx, vec![0.7, 0.0, 0.0, 0.0]);
    assert!(
        (da - (0.3 + 2.0 * 0.7f64.cos() - 1.0)).abs() < 1e-14,
        "{da}"
    );
}

/// A subtraction whose right operand comes from a buffer of float literals (`vec![-0.5; 2]`,
/// typed `f64` only by rustc's fallback at the end of type checking): forward mode wrote the
/// tangent's negation as a unary `-`, which needs its operand's type known where it is
/// checked (E0282; found by the fusion generator, seed 3345, `f118`). The generic rule
/// `sub_d1` is kept for it.
#[differentiable]
fn literal_buffer_minus(x: &[f64], w: &[f64]) -> f64 {
    let mut bd = vec![-0.5; 2];
    let mut s2 = 1.0;
    for p in 0..2 {
        s2 -= 0.9 * bd[0];
        for j in 0..2 {
            bd[j] = w[j] * x[p];
        }
    }
    s2 * w[1]
}

#[test]
fn subtraction_of_a_literal_buffer_in_forward_mode() {
    let (x, w) = ([0.4, -0.8], [1.3, 0.6]);
    // s2 = 1 + 0.45 - 0.9 w0 x0, f = s2 w1.
    let s2 = 1.0 + 0.45 - 0.9 * w[0] * x[0];
    let (v, (gx, gw)) = literal_buffer_minus_grad(&x, &w);
    assert_near(v, s2 * w[1], "value");
    closed(&gx, &[-0.9 * w[0] * w[1], 0.0], "df/dx");
    closed(&gw, &[-0.9 * x[0] * w[1], s2], "df/dw");
    let (_, jv) = literal_buffer_minus_jvp(&x, &w, &[1.0, 2.0], &[0.5, -1.0]);
    assert_near(
        jv,
        gx[0] + 2.0 * gx[1] + 0.5 * gw[0] - gw[1],
        "jvp = grad . v",
    );
}
