//! Straight-line constructs: bindings, shadowing, annotations, destructuring, arithmetic,
//! casts, blocks, tuple results, `wrt(...)`, constant parameters and seeds. Each derivative is
//! checked against a closed form and against central finite differences.

#![allow(dead_code)] // the primals of functions only differentiated here
mod common;

use ad_runtime::differentiable;
use common::*;

/// Random points per function.
const N: usize = 6;

fn pairs(seed: u64, lo: f64, hi: f64) -> Vec<(f64, f64)> {
    let mut r = Rng::new(seed);
    (0..N)
        .map(|_| (r.uniform(lo, hi), r.uniform(lo, hi)))
        .collect()
}

/// Checks a two-parameter scalar function's `_grad` against its closed form and finite
/// differences of its primal, and that the value is the primal's.

/// [`check2`] for one parameter.

fn singles(seed: u64, lo: f64, hi: f64) -> Vec<f64> {
    let mut r = Rng::new(seed);
    (0..N).map(|_| r.uniform(lo, hi)).collect()
}

// ---- let, shadowing, annotations ----------------------------------------------------------

#[differentiable]
fn shadowing(x: f64) -> f64 {
    let x = x * 2.0;
    let x = x.sin();
    x * x
}

#[test]
fn let_shadowing() {
    // sin²(2x)' = 2 sin(2x) cos(2x) · 2 = 2 sin(4x)
    check1(
        "shadowing",
        shadowing,
        shadowing_grad,
        |x| 2.0 * (4.0 * x).sin(),
        &singles(1, -3.0, 3.0),
    );
}

#[differentiable]
fn shadow_both(x: f64, y: f64) -> f64 {
    let y = x * y;
    let x = y + x;
    let y = x * y;
    y - x
}

#[test]
fn shadowing_parameters_in_turn() {
    // f = (xy + x) xy - (xy + x) = x²y² + x²y - xy - x
    check2(
        "shadow_both",
        shadow_both,
        shadow_both_grad,
        |x, y| {
            (
                2.0 * x * y * y + 2.0 * x * y - y - 1.0,
                2.0 * x * x * y + x * x - x,
            )
        },
        &pairs(2, -2.0, 2.0),
    );
}

#[differentiable]
fn shadow_in_block(x: f64) -> f64 {
    let a = x * 3.0;
    let b = {
        let a = a * a;
        a + 1.0
    };
    a * b
}

#[test]
fn shadowing_inside_a_block_ends_with_the_block() {
    // 3x (9x² + 1) = 27x³ + 3x
    check1(
        "shadow_in_block",
        shadow_in_block,
        shadow_in_block_grad,
        |x| 81.0 * x * x + 3.0,
        &singles(3, -2.0, 2.0),
    );
}

#[differentiable]
fn annotated(x: f64, y: f64) -> f64 {
    let a: f64 = x * y;
    let b: f64 = a.exp();
    let c: f32 = 2.0;
    let n: usize = 3;
    let (p, q): (f64, f64) = (a, b);
    p + q * (c as f64) + (n as f64) * x
}

#[test]
fn type_annotations() {
    // xy + 2 e^{xy} + 3x
    check2(
        "annotated",
        annotated,
        annotated_grad,
        |x, y| {
            let e = (x * y).exp();
            (y * (1.0 + 2.0 * e) + 3.0, x * (1.0 + 2.0 * e))
        },
        &pairs(4, -1.5, 1.5),
    );
}

// `let` without an initializer is rejected on purpose (the macro's message: "`let` without a
// value is not supported by #[differentiable]; initialise the variable where it is declared
// (use an `if` expression for conditional values)"), so it is not tested here:
//
// #[differentiable]
// fn deferred_init(x: f64, y: f64) -> f64 {
//     let z: f64;
//     z = x * y;
//     z.sin() + z
// }

#[differentiable]
fn compound(x: f64, y: f64) -> f64 {
    let mut a = x;
    a *= y;
    a += x;
    a -= 1.0;
    a /= y;
    a
}

#[test]
fn compound_assignment_statements() {
    // (xy + x - 1) / y = x + x/y - 1/y
    check2(
        "compound",
        compound,
        compound_grad,
        |x, y| (1.0 + 1.0 / y, (1.0 - x) / (y * y)),
        &pairs(6, 0.5, 3.0),
    );
}

// ---- tuples -------------------------------------------------------------------------------

#[differentiable]
fn destructure(x: f64, y: f64) -> f64 {
    let (a, b) = (x * y, x + y);
    a * b
}

#[differentiable]
fn tuple_fields(x: f64, y: f64) -> f64 {
    let t = (x * y, x + y);
    t.0 * t.1
}

#[test]
fn tuple_destructuring() {
    // xy (x + y) = x²y + xy²
    let closed = |x: f64, y: f64| (2.0 * x * y + y * y, x * x + 2.0 * x * y);
    check2(
        "destructure",
        destructure,
        destructure_grad,
        closed,
        &pairs(7, -2.0, 2.0),
    );
    check2(
        "tuple_fields",
        tuple_fields,
        tuple_fields_grad,
        closed,
        &pairs(8, -2.0, 2.0),
    );
}

#[differentiable]
fn destructure_nested(x: f64, y: f64) -> f64 {
    let ((a, b), c) = ((x * y, x - y), x / y);
    let (d, (e, _)) = (a + c, (b.sin(), y.exp()));
    d * e
}

#[test]
fn nested_tuple_destructuring() {
    // (xy + x/y) sin(x - y)
    check2(
        "destructure_nested",
        destructure_nested,
        destructure_nested_grad,
        |x, y| {
            let (u, s, c) = (x * y + x / y, (x - y).sin(), (x - y).cos());
            ((y + 1.0 / y) * s + u * c, (x - x / (y * y)) * s - u * c)
        },
        &pairs(9, 0.5, 2.5),
    );
}

#[differentiable]
fn tuple_with_constant_element(x: f64, y: f64) -> f64 {
    let (a, c, b) = (x * y, 2.5, y);
    let t = (a, 4.0);
    a * c + t.0 * t.1 + b
}

#[test]
fn tuples_with_constant_float_elements() {
    // 2.5 xy + 4 xy + y
    check2(
        "tuple_with_constant_element",
        tuple_with_constant_element,
        tuple_with_constant_element_grad,
        |x, y| (6.5 * y, 6.5 * x + 1.0),
        &pairs(32, -2.0, 2.0),
    );
}

// A tuple that mixes a differentiated element with integer or bool elements: each name
// keeps its own activity.
#[differentiable]
fn tuple_with_integer(x: f64) -> f64 {
    let (a, n) = (x * 2.0, 3usize);
    a * (n as f64)
}

#[differentiable]
fn tuple_var_with_integer(x: f64) -> f64 {
    let t = (x, 3.0);
    let (a, flag, n) = (x, true, 3usize);
    t.0 * t.1 + a * ((flag as i32) as f64) * (n as f64)
}

#[differentiable]
fn tuple_with_exponent(x: f64) -> f64 {
    let (a, k) = (x, 3i32);
    a.powi(k)
}

#[test]
fn tuple_with_integer_element() {
    assert_eq!(tuple_with_integer_grad(1.5), (9.0, 6.0));
    assert_eq!(tuple_var_with_integer_grad(1.5), (9.0, 6.0));
    assert_eq!(tuple_with_exponent_grad(2.0), (8.0, 12.0));
    assert_eq!(tuple_with_integer(1.5), 9.0);
    assert_eq!(tuple_var_with_integer(1.5), 9.0);
    assert_eq!(tuple_with_exponent(2.0), 8.0);
}

// ---- arithmetic ---------------------------------------------------------------------------

#[differentiable]
fn arith(x: f64, y: f64) -> f64 {
    2.0 * x + x / 3.0 - 1.5 / y + y - 4.0 + x * y - y / x + 0.5 - x
}

#[test]
fn arithmetic_on_values_and_literals() {
    check2(
        "arith",
        arith,
        arith_grad,
        |x, y| {
            (
                2.0 + 1.0 / 3.0 + y + y / (x * x) - 1.0,
                1.5 / (y * y) + 1.0 + x - 1.0 / x,
            )
        },
        &pairs(10, 0.5, 3.0),
    );
}

#[differentiable]
fn rem(x: f64, y: f64) -> f64 {
    x % y
}

#[differentiable]
fn rem_literals(x: f64) -> f64 {
    x % 2.0 + 7.5 % x
}

#[test]
fn remainder() {
    // x % y = x - trunc(x / y) y, away from the jumps.
    let mut r = Rng::new(11);
    let mut pts = Vec::new();
    while pts.len() < 2 * N {
        let (x, y) = (r.signed(0.5, 10.0), r.signed(0.3, 3.0));
        let q = x / y;
        if (q - q.round()).abs() > 1e-3 {
            pts.push((x, y));
        }
    }
    check2("rem", rem, rem_grad, |x, y| (1.0, -(x / y).trunc()), &pts);
    let xs: Vec<f64> = (0..N)
        .map(|_| {
            loop {
                let x = r.uniform(0.5, 9.0);
                let (a, b) = (x / 2.0, 7.5 / x);
                if (a - a.round()).abs() > 1e-3 && (b - b.round()).abs() > 1e-3 {
                    break x;
                }
            }
        })
        .collect();
    check1(
        "rem_literals",
        rem_literals,
        rem_literals_grad,
        |x| 1.0 - (7.5 / x).trunc(),
        &xs,
    );
}

#[differentiable]
fn negation(x: f64, y: f64) -> f64 {
    -x * -y + -(x + y) - -x.sin() + -2.0 * x
}

#[test]
fn unary_minus() {
    // xy - x - y + sin x - 2x
    check2(
        "negation",
        negation,
        negation_grad,
        |x, y| (y - 1.0 + x.cos() - 2.0, x - 1.0),
        &pairs(12, -3.0, 3.0),
    );
}

#[differentiable]
fn parens(x: f64, y: f64) -> f64 {
    ((x + y) * (x - y)) / ((x * x) + 1.0)
}

#[test]
fn parentheses() {
    // (x² - y²) / (x² + 1)
    check2(
        "parens",
        parens,
        parens_grad,
        |x, y| {
            let d = x * x + 1.0;
            (2.0 * x * (1.0 + y * y) / (d * d), -2.0 * y / d)
        },
        &pairs(13, -2.0, 2.0),
    );
}

#[differentiable]
fn long_expression(x: f64, y: f64) -> f64 {
    x * y + x.sin() * y.cos() - (x / (1.0 + y * y)).exp() + 0.5 * x.powi(3) - y.tanh() * x
        + (x * x + y * y).sqrt()
        - 3.0 * x * y * x
        + y / 7.0
        - x.atan() * y.ln_1p()
        + (x - y).abs()
}

#[test]
fn long_expression_of_many_operations() {
    let mut r = Rng::new(14);
    let pts: Vec<(f64, f64)> = (0..2 * N)
        .map(|_| {
            loop {
                let (x, y) = (r.uniform(-2.0, 2.0), r.uniform(-0.5, 2.0));
                if (x - y).abs() > 1e-3 {
                    break (x, y);
                }
            }
        })
        .collect();
    check2(
        "long_expression",
        long_expression,
        long_expression_grad,
        |x, y| {
            let d = 1.0 + y * y;
            let e = (x / d).exp();
            let r = x.hypot(y);
            let t = y.tanh();
            let s = (x - y).signum();
            let dx = y + x.cos() * y.cos() - e / d + 1.5 * x * x - t + x / r
                - 6.0 * x * y
                - y.ln_1p() / (1.0 + x * x)
                + s;
            let dy = x - x.sin() * y.sin() + 2.0 * x * y * e / (d * d) - x * (1.0 - t * t) + y / r
                - 3.0 * x * x
                + 1.0 / 7.0
                - x.atan() / (1.0 + y)
                - s;
            (dx, dy)
        },
        &pts,
    );
}

#[differentiable]
fn fan_out(x: f64, y: f64) -> f64 {
    let a = x * y;
    a * a * a
        + a.sin() * a
        + a / (1.0 + a * a)
        + x * x * x * x * x * x * x * x
        + (x + x + x + x + x)
}

#[test]
fn variables_used_many_times() {
    check2(
        "fan_out",
        fan_out,
        fan_out_grad,
        |x, y| {
            let a = x * y;
            let g = 3.0 * a * a + a.sin() + a * a.cos() + (1.0 - a * a) / (1.0 + a * a).powi(2);
            (g * y + 8.0 * x.powi(7) + 5.0, g * x)
        },
        &pairs(15, -1.3, 1.3),
    );
}

#[differentiable]
fn twice(x: f64) -> f64 {
    x + x
}

#[differentiable]
fn square(x: f64) -> f64 {
    x * x
}

#[test]
fn one_variable_as_both_operands() {
    check1("twice", twice, twice_grad, |_| 2.0, &singles(16, -3.0, 3.0));
    check1(
        "square",
        square,
        square_grad,
        |x| 2.0 * x,
        &singles(17, -3.0, 3.0),
    );
}

#[differentiable]
fn unused_intermediate(x: f64, y: f64) -> f64 {
    let _unused = x.exp() * y;
    let _also = y.sin();
    let _ = (x * y).ln();
    x * 3.0
}

#[test]
fn unused_active_intermediates_contribute_nothing() {
    check2(
        "unused_intermediate",
        unused_intermediate,
        unused_intermediate_grad,
        |_, _| (3.0, 0.0),
        &pairs(18, 0.5, 2.0),
    );
    // Where an unused value's partial would be 0/0 (ln at 0), the gradient is still exact:
    // nothing flows into an unused value.
    assert_eq!(unused_intermediate_grad(0.0, 0.0), (0.0, (3.0, 0.0)));
}

#[differentiable]
fn constant_result(x: f64, y: f64) -> f64 {
    let _ = x * y;
    2.5
}

#[differentiable]
fn identity(x: f64) -> f64 {
    x
}

#[differentiable]
fn explicit_return(x: f64, y: f64) -> f64 {
    let z = x * y;
    return z + x;
}

#[test]
fn trivial_bodies() {
    assert_eq!(constant_result_grad(1.5, -2.0), (2.5, (0.0, 0.0)));
    assert_eq!(constant_result(1.5, -2.0), 2.5);
    for x in singles(19, -5.0, 5.0) {
        assert_eq!(identity_grad(x), (x, 1.0));
        assert_eq!(identity_vjp(x, -3.5), (x, -3.5));
        assert_eq!(identity(x), x);
    }
    for (x, y) in pairs(20, -2.0, 2.0) {
        let (v, (dx, dy)) = explicit_return_grad(x, y);
        assert_eq!(v, explicit_return(x, y));
        assert_close(&[dx, dy], &[y + 1.0, x], "explicit_return");
    }
}

// ---- casts --------------------------------------------------------------------------------

#[differentiable]
fn cast_usize(x: f64, n: usize) -> f64 {
    x * (n as f64) + (n as f64).sqrt() + x as f64
}

#[differentiable]
fn cast_f32_roundtrip(x: f64) -> f64 {
    let y = x as f32;
    let z = y * y;
    z as f64
}

#[differentiable]
fn cast_to_integer(x: f64) -> f64 {
    let n = x as i64;
    x * (n as f64)
}

#[test]
fn casts() {
    for n in [0usize, 1, 4, 17] {
        for x in singles(21, -3.0, 3.0) {
            let (v, g) = cast_usize_grad(x, n);
            assert_eq!(v, cast_usize(x, n));
            assert_close(&[g], &[n as f64 + 1.0], "cast_usize");
            assert_fd(|p| cast_usize(p[0], n), &[x], &[g], "cast_usize");
        }
    }
    for x in singles(22, -3.0, 3.0) {
        // An f32 round trip: the derivative of (x as f32)² is 2x to f32 precision.
        let (v, g) = cast_f32_roundtrip_grad(x);
        let xf = x as f32;
        assert_eq!(v, (xf * xf) as f64);
        assert_eq!(v, cast_f32_roundtrip(x));
        assert_close(&[g], &[2.0 * x], "cast_f32_roundtrip");
        // A cast to an integer is a constant: d/dx (x · trunc x) = trunc x (away from integers).
        let x = if (x - x.round()).abs() < 1e-3 {
            x + 0.25
        } else {
            x
        };
        let (v, g) = cast_to_integer_grad(x);
        assert_eq!(v, cast_to_integer(x));
        assert_close(&[g], &[x.trunc()], "cast_to_integer");
        assert_fd(|p| cast_to_integer(p[0]), &[x], &[g], "cast_to_integer");
    }
}

// ---- blocks -------------------------------------------------------------------------------

#[differentiable]
fn blocks(x: f64, y: f64) -> f64 {
    let z = {
        let t = x * y;
        t.sin() + x
    };
    let w = { x.exp() } * { y };
    z * 2.0 + w
}

#[differentiable]
fn tail_block(x: f64) -> f64 {
    {
        let a = x * x;
        {
            let b = a * x;
            b
        }
    }
}

#[test]
fn nested_blocks_as_values() {
    check2(
        "blocks",
        blocks,
        blocks_grad,
        |x, y| {
            (
                2.0 * (y * (x * y).cos() + 1.0) + x.exp() * y,
                2.0 * x * (x * y).cos() + x.exp(),
            )
        },
        &pairs(23, -2.0, 2.0),
    );
    check1(
        "tail_block",
        tail_block,
        tail_block_grad,
        |x| 3.0 * x * x,
        &singles(24, -2.0, 2.0),
    );
}

// ---- tuple results ------------------------------------------------------------------------

#[differentiable]
fn pair(x: f64, y: f64) -> (f64, f64) {
    (x * y, x.sin() + y)
}

#[test]
fn tuple_result_vjp() {
    for (x, y) in pairs(25, -2.0, 2.0) {
        let (v, (dx, dy)) = pair_vjp(x, y, (1.0, 0.0));
        assert_eq!(v, pair(x, y));
        assert_close(&[dx, dy], &[y, x], "pair, seed (1, 0)");
        assert_fd(|p| pair(p[0], p[1]).0, &[x, y], &[dx, dy], "pair.0");

        let (v, (dx, dy)) = pair_vjp(x, y, (0.0, 1.0));
        assert_eq!(v, pair(x, y));
        assert_close(&[dx, dy], &[x.cos(), 1.0], "pair, seed (0, 1)");
        assert_fd(|p| pair(p[0], p[1]).1, &[x, y], &[dx, dy], "pair.1");

        // A general seed: the cotangents combine linearly.
        let (a, b) = (-1.5, 2.25);
        let (_, (dx, dy)) = pair_vjp(x, y, (a, b));
        assert_close(
            &[dx, dy],
            &[a * y + b * x.cos(), a * x + b],
            "pair, seed (a, b)",
        );
        assert_fd(
            |p| {
                let (u, w) = pair(p[0], p[1]);
                a * u + b * w
            },
            &[x, y],
            &[dx, dy],
            "a pair.0 + b pair.1",
        );
    }
}

#[differentiable]
fn nested_result(x: f64) -> (f64, (f64, f64)) {
    (x * x, (x.sin(), 3.0))
}

#[differentiable]
fn params_returned(x: f64, y: f64) -> (f64, f64, f64) {
    (x, y, x * y)
}

#[test]
fn nested_tuple_results_and_returned_parameters() {
    for x in singles(26, -2.0, 2.0) {
        let (v, g) = nested_result_vjp(x, (2.0, (-3.0, 5.0)));
        assert_eq!(v, (x * x, (x.sin(), 3.0)));
        assert_eq!(v, nested_result(x));
        assert_close(&[g], &[4.0 * x - 3.0 * x.cos()], "nested_result");
        assert_fd(
            |p| {
                let (a, (b, c)) = nested_result(p[0]);
                2.0 * a - 3.0 * b + 5.0 * c
            },
            &[x],
            &[g],
            "nested_result",
        );
    }
    for (x, y) in pairs(27, -2.0, 2.0) {
        let (v, (dx, dy)) = params_returned_vjp(x, y, (1.0, 10.0, 100.0));
        assert_eq!(v, params_returned(x, y));
        assert_close(
            &[dx, dy],
            &[1.0 + 100.0 * y, 10.0 + 100.0 * x],
            "params_returned",
        );
    }
}

// ---- wrt(...) -----------------------------------------------------------------------------

#[differentiable(wrt(y))]
fn wrt_one(x: f64, y: f64, z: f64) -> f64 {
    x * y * z + y.sin() + x.exp() * z
}

#[differentiable(wrt(x, z))]
fn wrt_two(x: f64, y: f64, z: f64) -> f64 {
    x * y * z + y.sin() + x.exp() * z
}

#[differentiable(wrt(z, x))]
fn wrt_two_reordered(x: f64, y: f64, z: f64) -> f64 {
    x * y * z + y.sin() + x.exp() * z
}

#[test]
fn wrt_selects_a_subset() {
    let mut r = Rng::new(28);
    for _ in 0..N {
        let (x, y, z) = (
            r.uniform(-2.0, 2.0),
            r.uniform(-2.0, 2.0),
            r.uniform(-2.0, 2.0),
        );
        let f = |x: f64, y: f64, z: f64| x * y * z + y.sin() + x.exp() * z;
        let full = fd_grad(|p| f(p[0], p[1], p[2]), &[x, y, z]);

        // One differentiated parameter: its tangent alone, not a 1-tuple.
        let (v, dy): (f64, f64) = wrt_one_grad(x, y, z);
        assert_eq!(v, wrt_one(x, y, z));
        assert_close(&[dy], &[x * z + y.cos()], "wrt(y)");
        assert_close(&[dy], &full[1..2], "wrt(y) vs finite differences");

        // Two: a pair in parameter order; `y` keeps its place in the arguments.
        let (v, (dx, dz)): (f64, (f64, f64)) = wrt_two_grad(x, y, z);
        assert_eq!(v, wrt_two(x, y, z));
        assert_close(
            &[dx, dz],
            &[y * z + x.exp() * z, x * y + x.exp()],
            "wrt(x, z)",
        );
        assert_close(
            &[dx, dz],
            &[full[0], full[2]],
            "wrt(x, z) vs finite differences",
        );

        // The order inside wrt(...) does not matter: tangents come in parameter order.
        let (_, (dx2, dz2)): (f64, (f64, f64)) = wrt_two_reordered_grad(x, y, z);
        assert_eq!((dx2, dz2), (dx, dz), "wrt(z, x)");
        assert_eq!(wrt_two_reordered(x, y, z), v);

        // And the vjp takes the seed last.
        let (_, (sx, sz)) = wrt_two_vjp(x, y, z, -2.0);
        assert_close(&[sx, sz], &[-2.0 * dx, -2.0 * dz], "wrt(x, z) vjp");
        let (_, sy) = wrt_one_vjp(x, y, z, 0.5);
        assert_close(&[sy], &[0.5 * dy], "wrt(y) vjp");
    }
}

// ---- constant parameters ------------------------------------------------------------------

#[differentiable]
fn with_constants(x: f64, n: usize, k: i32, flag: bool, y: f64) -> f64 {
    let s = (flag as i32 * 2 - 1) as f64;
    s * x * y * (n as f64) + x.powi(k) + (k as f64) * y
}

#[test]
fn integer_usize_and_bool_parameters_are_constants() {
    let mut r = Rng::new(29);
    for _ in 0..N {
        let (x, y) = (r.signed(0.3, 2.0), r.uniform(-2.0, 2.0));
        for (n, k, flag) in [
            (0usize, 0i32, true),
            (3, 2, false),
            (5, -1, true),
            (2, 4, false),
        ] {
            let what = format!("with_constants({x}, {n}, {k}, {flag}, {y})");
            // Only x and y have tangents.
            let (v, (dx, dy)): (f64, (f64, f64)) = with_constants_grad(x, n, k, flag, y);
            assert_eq!(v, with_constants(x, n, k, flag, y), "{what}");
            let s = if flag { 1.0 } else { -1.0 };
            let dpow = if k == 0 {
                0.0
            } else {
                k as f64 * x.powi(k - 1)
            };
            let closed = [s * y * n as f64 + dpow, s * x * n as f64 + k as f64];
            assert_close(&[dx, dy], &closed, &what);
            assert_fd(
                |p| with_constants(p[0], n, k, flag, p[1]),
                &[x, y],
                &[dx, dy],
                &what,
            );
        }
    }
}

#[differentiable]
fn mixed_ints(a: i64, x: f64, b: u8, y: f64, c: isize, d: u64, e: i16, f: u32) -> f64 {
    let ab = (a * b as i64) as f64;
    x * ab + y * (c as f64) - (d as f64) * x * y + (e as f64) / (1.0 + x * x) + (f + 1) as f64 * y
}

#[test]
fn mixed_integer_parameters() {
    let mut r = Rng::new(30);
    for _ in 0..N {
        let (x, y) = (r.uniform(-2.0, 2.0), r.uniform(-2.0, 2.0));
        let (a, b, c, d, e, f) = (-3i64, 7u8, -2isize, 5u64, 11i16, 4u32);
        let (v, (dx, dy)) = mixed_ints_grad(a, x, b, y, c, d, e, f);
        assert_eq!(v, mixed_ints(a, x, b, y, c, d, e, f));
        let closed = [
            -21.0 - 5.0 * y - 22.0 * x / (1.0 + x * x).powi(2),
            -2.0 - 5.0 * x + 5.0,
        ];
        assert_close(&[dx, dy], &closed, "mixed_ints");
        assert_fd(
            |p| mixed_ints(a, p[0], b, p[1], c, d, e, f),
            &[x, y],
            &[dx, dy],
            "mixed_ints",
        );
        let (v2, (sx, sy)) = mixed_ints_vjp(a, x, b, y, c, d, e, f, 3.0);
        assert_eq!(v2, v);
        assert_close(&[sx, sy], &[3.0 * dx, 3.0 * dy], "mixed_ints vjp");
    }
}

// ---- seeds --------------------------------------------------------------------------------

#[test]
fn vjp_is_linear_in_the_seed() {
    let fns: [(
        &str,
        fn(f64, f64) -> (f64, (f64, f64)),
        fn(f64, f64, f64) -> (f64, (f64, f64)),
    ); 5] = [
        ("shadow_both", shadow_both_grad, shadow_both_vjp),
        ("arith", arith_grad, arith_vjp),
        (
            "destructure_nested",
            destructure_nested_grad,
            destructure_nested_vjp,
        ),
        ("long_expression", long_expression_grad, long_expression_vjp),
        ("fan_out", fan_out_grad, fan_out_vjp),
    ];
    for (name, grad, vjp) in fns {
        for (x, y) in pairs(31, 0.5, 1.5) {
            let (v, (gx, gy)) = grad(x, y);
            for s in [-2.5, 0.0, 3.0, 1e-3, 1.0] {
                let (vs, (dx, dy)) = vjp(x, y, s);
                assert_eq!(vs, v, "{name}: value does not depend on the seed");
                assert_close(&[dx, dy], &[s * gx, s * gy], &format!("{name}, seed {s}"));
            }
            // grad is vjp with seed 1.
            assert_eq!(vjp(x, y, 1.0), (v, (gx, gy)), "{name}");
        }
    }
}

// A function made by a `macro_rules` macro: its `$t:ty` and `$k:expr` fragments arrive as
// invisible groups, read as the type `f64` and as one parenthesised expression.
macro_rules! scaled_sum {
    ($name:ident, $t:ty, $k:expr) => {
        #[differentiable]
        fn $name(x: &[$t], c: $t) -> $t {
            let v = vec![x[0], x[1] * c, c];
            v.iter().sum::<$t>() * $k
        }
    };
}
scaled_sum!(made_by_macro, f64, 1.0 + 1.0);

#[test]
fn functions_made_by_macro_rules() {
    let (x, c) = ([0.3, -1.2], 0.7);
    // f = 2 (x0 + x1 c + c): `* $k` keeps `1.0 + 1.0` together.
    let (v, (gx, gc)) = made_by_macro_grad(&x, c);
    assert_close(&[v], &[2.0 * (x[0] + x[1] * c + c)], "value");
    assert_close(&gx, &[2.0, 2.0 * c], "d/dx");
    assert_close(&[gc], &[2.0 * (x[1] + 1.0)], "d/dc");
    let (_, t) = made_by_macro_jvp(&x, c, &[1.0, -0.5], 2.0);
    assert_close(
        &[t],
        &[2.0 - 0.5 * 2.0 * c + 2.0 * 2.0 * (x[1] + 1.0)],
        "jvp",
    );
    let (_, _, (hx, hc)) = made_by_macro_hvp(&x, c, &[1.0, -0.5], 2.0);
    // H: d²f/dx1 dc = 2.
    assert_close(&hx, &[0.0, 2.0 * 2.0], "H v (x)");
    assert_close(&[hc], &[2.0 * -0.5], "H v (c)");
}

// The primal of a macro-made function keeps its fragments' precedence too (rustc's parser
// reads an invisible group in a proc macro's output as if it were not there: `x * $e` with
// `$e = x + y` computed `x * x + y`), and so do the derivatives of callers that run it.
macro_rules! made_twice {
    ($name:ident, $plain:ident, $a:ident, $b:ident, $e:expr, $k:expr) => {
        #[differentiable]
        fn $name($a: f64, $b: f64, v: &[f64]) -> f64 {
            let mut s = $a * $e + $e.sin() + $k as f64;
            for i in 0..v.len() - $k {
                s += v[i + $k] * $a;
            }
            s
        }
        fn $plain($a: f64, $b: f64, v: &[f64]) -> f64 {
            let mut s = $a * $e + $e.sin() + $k as f64;
            for i in 0..v.len() - $k {
                s += v[i + $k] * $a;
            }
            s
        }
    };
}
made_twice!(grouped, grouped_plain, x, y, x - y * 2.0, 1 + 1);

#[differentiable]
fn calls_grouped(x: f64) -> f64 {
    x * grouped(2.0, 0.5, &[1.0, 2.0, 3.0])
}

#[test]
fn macro_fragments_keep_their_precedence_in_the_primal() {
    let (x, y, v) = (0.7, -0.4, [1.0, 2.0, 3.0, 4.0]);
    assert_eq!(grouped(x, y, &v), grouped_plain(x, y, &v));
    let (value, (gx, gy, gv)) = grouped_grad(x, y, &v);
    assert_eq!(value, grouped_plain(x, y, &v));
    // f = x (x − 2y) + sin(x − 2y) + 2 + x (v2 + v3).
    let e = x - 2.0 * y;
    assert_close(
        &[gx, gy],
        &[e + x + e.cos() + v[2] + v[3], -2.0 * x - 2.0 * e.cos()],
        "gradient",
    );
    assert_close(&gv, &[0.0, 0.0, x, x], "d/dv");
    let c = grouped_plain(2.0, 0.5, &[1.0, 2.0, 3.0]);
    assert_close(&[calls_grouped_grad(1.5).1], &[c], "a caller's derivative");
}
