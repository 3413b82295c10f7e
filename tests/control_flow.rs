//! Reverse mode through control flow: `if`/`else if`/`else` (statements and expressions, on
//! active and on constant conditions), nested ifs, `match` (integers, bools, a user enum),
//! early `return` and short-circuit `&&`/`||`. Every gradient is checked against finite
//! differences of the primal at points away from branch switches, and against the closed
//! form of the branch taken where there is one.

// The differentiated functions deliberately use the forms under test (index loops, `s = s * x`
// instead of `s *= x`, `&Vec` parameters, empty ranges, ...), which clippy would restyle.
#![allow(
    clippy::assign_op_pattern,
    clippy::collapsible_match,
    clippy::needless_range_loop,
    clippy::needless_return,
    clippy::neg_cmp_op_on_partial_ord,
    clippy::ptr_arg,
    clippy::reversed_empty_ranges,
    clippy::single_match,
    clippy::useless_vec
)]

mod common;

use ad_runtime::check::{assert_gradient, compare, fd_gradient};
use ad_runtime::differentiable;
use common::*;

// ---------------------------------------------------------------------------------------------
// if / else if / else
// ---------------------------------------------------------------------------------------------

/// `if`/`else if`/`else` as statements assigning to a mutable local, conditions on active
/// values.
#[differentiable]
fn if_stmt(x: f64, y: f64) -> f64 {
    let mut r = 1.0;
    if x > y {
        r = x * y;
    } else if x < 0.0 {
        r *= x.sin() * y;
    } else {
        r = y.exp() + x;
    }
    r
}

#[test]
fn if_else_if_else_statement_on_active_condition() {
    // (x, y, [d/dx, d/dy]) for each branch.
    let cases: [(f64, f64, [f64; 2]); 4] = [
        (0.9, 0.4, [0.4, 0.9]),
        (-0.7, 0.3, [(-0.7f64).cos() * 0.3, (-0.7f64).sin()]),
        (0.2, 0.5, [1.0, 0.5f64.exp()]),
        (-2.0, -1.5, [(-2.0f64).cos() * -1.5, (-2.0f64).sin()]),
    ];
    for (x, y, expected) in cases {
        let (v, (dx, dy)) = if_stmt_grad(x, y);
        assert_eq!(v, if_stmt(x, y));
        closed(&[dx, dy], &expected, &format!("if_stmt at ({x}, {y})"));
        assert_fd(|p| if_stmt(p[0], p[1]), &[x, y], &[dx, dy], "if_stmt");
    }
}

/// `if` without `else` that conditionally squares an accumulator, twice in a row (the second
/// condition depends on the result of the first).
#[differentiable]
fn if_without_else(x: f64) -> f64 {
    let mut s = x * 2.0;
    if s > 1.0 {
        s = s * s;
    }
    if s > 5.0 {
        s = s.ln();
    }
    s + x
}

#[test]
fn if_without_else_statement() {
    // s = 2x; s > 1 => s = 4x^2; s > 5 => ln(4x^2).
    for (x, expected) in [
        (0.3, 3.0),             // neither: 2x + x
        (0.8, 8.0 * 0.8 + 1.0), // first only: 4x^2 + x
        (1.5, 2.0 / 1.5 + 1.0), // both: ln(4x^2) + x
        (-0.4, 3.0),            // neither, negative
    ] {
        let (v, d) = if_without_else_grad(x);
        assert_eq!(v, if_without_else(x));
        closed(&[d], &[expected], &format!("if_without_else at {x}"));
        assert_fd(|p| if_without_else(p[0]), &[x], &[d], "if_without_else");
    }
}

/// `if`/`else if`/`else` as an expression: the value of a `let`, with statements inside the
/// branches, and as the tail expression of the function.
#[differentiable]
fn if_expr(x: f64, y: f64) -> f64 {
    let z = if x * y > 0.5 {
        let t = x.exp();
        t * y
    } else if x < y {
        (x - y).powi(2)
    } else {
        x.cos()
    };
    if z > 1.0 { z.sqrt() * x } else { z * y + 1.0 }
}

#[test]
fn if_else_if_else_expression_on_active_condition() {
    let mut rng = Rng::new(11);
    let mut seen = [false; 6];
    for _ in 0..200 {
        let x = rng.uniform(-2.0, 2.0);
        let y = rng.uniform(-2.0, 2.0);
        // Keep away from the three switching surfaces.
        let z = if_expr_z(x, y);
        if (x * y - 0.5).abs() < 1e-3 || (x - y).abs() < 1e-3 || (z - 1.0).abs() < 1e-3 {
            continue;
        }
        let first = if x * y > 0.5 {
            0
        } else if x < y {
            1
        } else {
            2
        };
        seen[first] = true;
        seen[3 + (z > 1.0) as usize] = true;
        let (v, (dx, dy)) = if_expr_grad(x, y);
        assert_eq!(v, if_expr(x, y));
        assert_fd(|p| if_expr(p[0], p[1]), &[x, y], &[dx, dy], "if_expr");
    }
    assert!(seen[..5].iter().all(|&s| s), "all branches taken: {seen:?}");
}

fn if_expr_z(x: f64, y: f64) -> f64 {
    if x * y > 0.5 {
        x.exp() * y
    } else if x < y {
        (x - y).powi(2)
    } else {
        x.cos()
    }
}

/// Conditions on constants: a `bool` and an integer parameter.
#[differentiable]
fn if_const(x: f64, flag: bool, k: i32) -> f64 {
    let a = if flag { x * x } else { x.cos() };
    let b = if k > 2 {
        a * 3.0
    } else if k < 0 {
        a - x
    } else {
        a
    };
    if !flag && k == 1 { b * x } else { b }
}

#[test]
fn if_on_constant_conditions() {
    let x = 0.7f64;
    for flag in [true, false] {
        for k in [-3, 0, 1, 5] {
            let (v, d) = if_const_grad(x, flag, k);
            assert_eq!(v, if_const(x, flag, k));
            let da = if flag { 2.0 * x } else { -x.sin() };
            let a = if flag { x * x } else { x.cos() };
            let (b, db) = if k > 2 {
                (a * 3.0, da * 3.0)
            } else if k < 0 {
                (a - x, da - 1.0)
            } else {
                (a, da)
            };
            let expected = if !flag && k == 1 { db * x + b } else { db };
            closed(&[d], &[expected], &format!("if_const flag={flag} k={k}"));
            assert_fd(|p| if_const(p[0], flag, k), &[x], &[d], "if_const");
        }
    }
}

/// Conditions that are computed from active values (`(x*y).sin() > 0`), and negated.
#[differentiable]
fn if_computed_condition(x: f64, y: f64) -> f64 {
    let c = (x * y).sin();
    let mut r = x + y;
    if !(c > 0.0) {
        r = r * c;
    }
    if c * c < 0.25 { r * x } else { r / y }
}

#[test]
fn if_on_computed_and_negated_condition() {
    for (x, y) in [
        (0.5f64, 0.4f64),
        (1.0, 1.2),
        (-0.8, 0.6),
        (-1.5, 1.3),
        (2.0, 2.0),
    ] {
        let c = (x * y).sin();
        assert!(c.abs() > 0.01 && (c * c - 0.25).abs() > 0.01);
        let (v, (dx, dy)) = if_computed_condition_grad(x, y);
        assert_eq!(v, if_computed_condition(x, y));
        assert_fd(
            |p| if_computed_condition(p[0], p[1]),
            &[x, y],
            &[dx, dy],
            "if_computed_condition",
        );
    }
}

/// Nested ifs, as expressions and as statements, with a shadowing `let` inside a branch.
#[differentiable]
fn nested_if(x: f64, y: f64) -> f64 {
    let mut acc = 0.0;
    let v = if x > 0.0 {
        if y > 0.0 {
            x * y
        } else {
            let y = y * y;
            x - y
        }
    } else if y > x {
        (x * y).sin()
    } else {
        let t = x + y;
        if t < -3.0 {
            acc += t;
            t * t * t
        } else {
            t * t
        }
    };
    if v > 0.0 {
        if v > 1.0 {
            acc += v.ln();
        } else {
            acc += v * x;
        }
    } else {
        acc -= v * y;
    }
    acc + v
}

#[test]
fn nested_ifs() {
    let points = [
        (0.5, 0.8),
        (2.0, 1.5),
        (0.7, -0.6),
        (-0.4, 0.9),
        (-0.5, -0.9),
        (-2.0, -2.5),
        (-1.0, -1.2),
    ];
    for (x, y) in points {
        let (v, (dx, dy)) = nested_if_grad(x, y);
        assert_eq!(v, nested_if(x, y));
        assert_fd(|p| nested_if(p[0], p[1]), &[x, y], &[dx, dy], "nested_if");
    }
    // Closed form in the innermost-else branch (x <= 0, y <= x, t < -3):
    // v = t^3, acc = t - v*y (v < 0), result = t - t^3 y + t^3.
    let (x, y) = (-2.0, -2.5);
    let t: f64 = x + y;
    let dt = 1.0 - 3.0 * t * t * y + 3.0 * t * t;
    let (_, (dx, dy)) = nested_if_grad(x, y);
    closed(&[dx, dy], &[dt, dt - t.powi(3)], "nested_if closed form");
}

/// An `if` expression that yields a tuple, destructured by a `let`.
#[differentiable]
fn if_tuple(x: f64, y: f64) -> f64 {
    let (a, b) = if x > y { (x, y * 2.0) } else { (y.sin(), x) };
    a * b + a
}

#[test]
fn if_expression_yielding_a_tuple() {
    for (x, y, expected) in [
        (1.0, 0.5, [2.0 * 0.5 + 1.0, 2.0]),
        (0.2, 0.9, [0.9f64.sin(), 0.9f64.cos() * (0.2 + 1.0)]),
    ] {
        let (_, (dx, dy)) = if_tuple_grad(x, y);
        closed(&[dx, dy], &expected, "if_tuple");
        assert_fd(|p| if_tuple(p[0], p[1]), &[x, y], &[dx, dy], "if_tuple");
    }
}

// ---------------------------------------------------------------------------------------------
// match
// ---------------------------------------------------------------------------------------------

/// `match` on an integer parameter: literals, `|` alternatives, inclusive and exclusive
/// ranges, a guard, and a binding of the whole scrutinee.
#[differentiable]
fn match_int(x: f64, k: i32) -> f64 {
    match k {
        0 => x,
        1 | 2 => x * x,
        3..=5 => x.sin() * k as f64,
        6..10 => x.exp(),
        n if n < 0 => x / (n as f64),
        other => x * x * x + other as f64,
    }
}

#[test]
fn match_on_integer_constant() {
    let x = 0.6f64;
    let expected = |k: i32| -> f64 {
        match k {
            0 => 1.0,
            1 | 2 => 2.0 * x,
            3..=5 => x.cos() * k as f64,
            6..10 => x.exp(),
            n if n < 0 => 1.0 / n as f64,
            _ => 3.0 * x * x,
        }
    };
    for k in [-4, -1, 0, 1, 2, 3, 5, 6, 9, 10, 42] {
        let (v, d) = match_int_grad(x, k);
        assert_eq!(v, match_int(x, k));
        closed(&[d], &[expected(k)], &format!("match_int k={k}"));
        assert_fd(|p| match_int(p[0], k), &[x], &[d], "match_int");
    }
}

/// `match` on an integer computed from an active value, used as a value (with block arms)
/// and the whole scrutinee bound with a guard.
#[differentiable]
fn match_active_int(x: f64, y: f64) -> f64 {
    let bucket = (x * 4.0).floor() as i64;
    let scale = match bucket {
        i64::MIN..=-1 => {
            let t = x * y;
            t.exp()
        }
        0 | 1 => x + y,
        b if b % 2 == 0 => y * b as f64,
        b => x * x * b as f64 - y,
    };
    scale * x
}

#[test]
fn match_on_integer_computed_from_active_value() {
    // One point in each arm, away from multiples of 1/4 where the bucket changes.
    for (x, y) in [
        (-0.6, 0.8),
        (0.1, 0.3),
        (0.35, -0.7),
        (0.6, 1.1),
        (0.9, 0.2),
        (1.1, 2.0),
    ] {
        let (v, (dx, dy)) = match_active_int_grad(x, y);
        assert_eq!(v, match_active_int(x, y));
        assert_fd(
            |p| match_active_int(p[0], p[1]),
            &[x, y],
            &[dx, dy],
            "match_active_int",
        );
    }
    // Bucket 3 (odd): scale = 3x^2 - y, result = 3x^3 - xy.
    let (x, y) = (0.9, 0.2);
    let (_, (dx, dy)) = match_active_int_grad(x, y);
    closed(
        &[dx, dy],
        &[9.0 * x * x - y, -x],
        "match_active_int closed form",
    );
}

/// `match` as a statement: arms that assign, compound-assign, or do nothing.
#[differentiable]
fn match_stmt(x: f64, y: f64, k: usize) -> f64 {
    let mut s = x;
    match k {
        0 => {
            s = s * y;
        }
        1 => s += y.sin(),
        2 | 3 => {
            s *= s;
            s -= y;
        }
        _ => {}
    }
    s * x
}

#[test]
fn match_as_statement() {
    let (x, y) = (0.8f64, 1.3f64);
    let expected = [
        [2.0 * x * y, x * x],
        [2.0 * x + y.sin(), x * y.cos()],
        [3.0 * x * x - y, -x],
        [3.0 * x * x - y, -x],
        [2.0 * x, 0.0],
    ];
    for k in 0..5 {
        let (v, (dx, dy)) = match_stmt_grad(x, y, k);
        assert_eq!(v, match_stmt(x, y, k));
        closed(&[dx, dy], &expected[k], &format!("match_stmt k={k}"));
        assert_fd(
            |p| match_stmt(p[0], p[1], k),
            &[x, y],
            &[dx, dy],
            "match_stmt",
        );
    }
}

/// `match` on a `bool` computed from active values and on a constant `bool`.
#[differentiable]
fn match_bool(x: f64, y: f64, flip: bool) -> f64 {
    let a = match x > y {
        true => x - y,
        false => (y - x).sqrt(),
    };
    match flip {
        true => a * y,
        false => a + x * x,
    }
}

#[test]
fn match_on_bool() {
    for (x, y) in [(1.5, 0.5), (0.5, 1.5)] {
        for flip in [true, false] {
            let (v, (dx, dy)) = match_bool_grad(x, y, flip);
            assert_eq!(v, match_bool(x, y, flip));
            let (a, da): (f64, [f64; 2]) = if x > y {
                (x - y, [1.0, -1.0])
            } else {
                let r = (y - x).sqrt();
                (r, [-0.5 / r, 0.5 / r])
            };
            let expected = if flip {
                [da[0] * y, da[1] * y + a]
            } else {
                [da[0] + 2.0 * x, da[1]]
            };
            closed(
                &[dx, dy],
                &expected,
                &format!("match_bool ({x}, {y}, {flip})"),
            );
            assert_fd(
                |p| match_bool(p[0], p[1], flip),
                &[x, y],
                &[dx, dy],
                "match_bool",
            );
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    A,
    B,
    C,
}

/// `match` on a user enum with unit variants (a constant parameter: not a float, so it is
/// excluded with `wrt`), as a value and as a statement, with `|` alternatives.
#[differentiable(wrt(x))]
fn match_enum(x: f64, mode: Mode) -> f64 {
    let base = match mode {
        Mode::A => x.sin(),
        Mode::B => x * x,
        Mode::C => 1.0 / x,
    };
    let mut out = base;
    match mode {
        Mode::A | Mode::C => out *= x,
        Mode::B => {}
    }
    out
}

#[test]
fn match_on_user_enum() {
    let x = 1.3f64;
    for (mode, expected) in [
        (Mode::A, x.sin() + x * x.cos()),
        (Mode::B, 2.0 * x),
        (Mode::C, 0.0),
    ] {
        let (v, d) = match_enum_grad(x, mode);
        assert_eq!(v, match_enum(x, mode));
        closed(&[d], &[expected], &format!("match_enum {mode:?}"));
        assert_fd(|p| match_enum(p[0], mode), &[x], &[d], "match_enum");
    }
}

/// An enum parameter left out of `wrt` and another float left out too: the float is a
/// constant and gets no tangent.
#[differentiable(wrt(x))]
fn match_enum_const_float(x: f64, c: f64, mode: Mode) -> f64 {
    match mode {
        Mode::A => x * c,
        _ => x.powi(3) + c,
    }
}

#[test]
fn match_on_enum_with_constant_float() {
    assert_eq!(match_enum_const_float(2.0, 5.0, Mode::A), 10.0);
    let (v, d) = match_enum_const_float_grad(2.0, 5.0, Mode::A);
    assert_eq!(v, 10.0);
    closed(&[d], &[5.0], "match_enum_const_float A");
    let (v, d) = match_enum_const_float_grad(2.0, 5.0, Mode::B);
    assert_eq!(v, 13.0);
    closed(&[d], &[12.0], "match_enum_const_float B");
}

// ---------------------------------------------------------------------------------------------
// early return
// ---------------------------------------------------------------------------------------------

/// `return` from the top level, from inside an `if`, from a `match` arm.
#[differentiable]
fn early_top(x: f64, y: f64) -> f64 {
    if x < 0.0 {
        return x * y;
    }
    let t = x.sqrt();
    match (y * 2.0) as i32 {
        0 => return t + y,
        1 => {}
        _ => {
            let u = t * y;
            if u > 2.0 {
                return u.ln();
            }
        }
    }
    t * y * y
}

#[test]
fn early_return_from_top_level() {
    for (x, y, expected) in [
        (-1.0, 3.0, [3.0, -1.0]),
        (4.0, 0.25, [0.25, 1.0]),
        (4.0, 0.75, [0.75 * 0.75 / 4.0, 2.0 * 2.0 * 0.75]),
        (1.0, 1.6, [1.6 * 1.6 / 2.0, 2.0 * 1.6]),
        (4.0, 1.6, [1.0 / 8.0, 1.0 / 1.6]),
        (9.0, 1.6, [1.0 / 18.0, 1.0 / 1.6]),
    ] {
        let (v, (dx, dy)) = early_top_grad(x, y);
        assert_eq!(v, early_top(x, y));
        closed(&[dx, dy], &expected, &format!("early_top ({x}, {y})"));
        assert_fd(|p| early_top(p[0], p[1]), &[x, y], &[dx, dy], "early_top");
    }
}

/// `return` from inside a `for` loop, after the accumulator has been updated several times.
#[differentiable]
fn early_in_loop(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i] * x[i];
        if s > 2.0 {
            return s.sqrt() * x[i];
        }
    }
    s
}

#[test]
fn early_return_from_inside_a_loop() {
    // Returns at i = 2: s = x0^2 + x1^2 + x2^2 > 2, result sqrt(s) * x2.
    let x = [0.6, 0.9, 1.0, 5.0, 7.0];
    let (v, g) = early_in_loop_grad(&x);
    assert_eq!(v, early_in_loop(&x));
    let s: f64 = x[..3].iter().map(|a| a * a).sum();
    let r = s.sqrt();
    let expected = [
        x[0] * x[2] / r,
        x[1] * x[2] / r,
        x[2] * x[2] / r + r,
        0.0,
        0.0,
    ];
    closed(&g, &expected, "early_in_loop returns");
    assert_fd(early_in_loop, &x, &g, "early_in_loop returns");
    // Never returns early.
    let x = [0.3, -0.4, 0.5];
    let (v, g) = early_in_loop_grad(&x);
    assert_eq!(v, early_in_loop(&x));
    closed(&g, &[0.6, -0.8, 1.0], "early_in_loop runs through");
}

/// `return` from the inner of two nested loops, and from a `while` inside a `for`.
#[differentiable]
fn early_nested(x: &[f64], y: f64) -> f64 {
    let mut acc = y;
    for i in 0..x.len() {
        for j in 0..x.len() {
            acc = acc * 0.9 + x[i] * x[j];
            if acc > 10.0 {
                return acc.ln() * y;
            }
        }
        let mut k = 0;
        while k < 3 {
            acc = acc.sin() + x[i];
            if acc < -1.5 {
                return acc * acc;
            }
            k += 1;
        }
    }
    acc * y
}

#[test]
fn early_return_from_nested_loops() {
    let mut rng = Rng::new(5);
    let mut checked = 0;
    for _ in 0..60 {
        let n = 2 + (rng.next_u64() % 4) as usize;
        let x: Vec<f64> = (0..n).map(|_| rng.uniform(-1.6, 2.5)).collect();
        let y = rng.uniform(0.5, 2.0);
        let (v, (g, dy)) = early_nested_grad(&x, y);
        assert_eq!(v, early_nested(&x, y));
        let mut p = x.clone();
        p.push(y);
        let f = |p: &[f64]| early_nested(&p[..n], p[n]);
        let mut grad = g.clone();
        grad.push(dy);
        // Skip points where a perturbation switches a comparison (FD across a switch): there
        // the differences at two step sizes disagree.
        let fd = fd_gradient(f, &p, 1e-6);
        let fd2 = fd_gradient(f, &p, 1e-7);
        if compare(&fd, &fd2, 1e-4, 1e-4).is_err() {
            continue;
        }
        assert_gradient(f, &p, &grad, RTOL);
        checked += 1;
    }
    assert!(checked > 40, "only {checked} points checked");
    // A fixed point that returns from the inner `for`: acc passes 10 at (i, j) = (0, 1).
    let x = [2.0, 3.0];
    let y = 1.0;
    let (v, (g, dy)) = early_nested_grad(&x, y);
    assert_eq!(v, early_nested(&x, y));
    assert_fd(
        |p| early_nested(&p[..2], p[2]),
        &[2.0, 3.0, 1.0],
        &[g[0], g[1], dy],
        "early_nested inner for",
    );
    // One that returns from the `while`.
    let x = [-1.5, -1.2];
    let (v, (g, dy)) = early_nested_grad(&x, 0.1);
    assert_eq!(v, early_nested(&x, 0.1));
    assert_fd(
        |p| early_nested(&p[..2], p[2]),
        &[-1.5, -1.2, 0.1],
        &[g[0], g[1], dy],
        "early_nested while",
    );
}

// ---------------------------------------------------------------------------------------------
// short-circuit && / ||
// ---------------------------------------------------------------------------------------------

/// `&&` guards an index: evaluating the right side when the left is false would panic, in
/// the primal and in the reverse sweep alike.
#[differentiable]
fn sum_log_positive_prefix(x: &[f64]) -> f64 {
    let mut s = 0.0;
    let mut i = 0;
    while i < x.len() && x[i] > 0.0 {
        s += x[i].ln();
        i += 1;
    }
    s
}

#[test]
fn and_guarding_an_index_in_a_while_condition() {
    // All positive: the loop runs off the end and `&&` must stop at `i < len`.
    let x = [0.5, 2.0, 3.0];
    let (v, g) = sum_log_positive_prefix_grad(&x);
    assert_eq!(v, sum_log_positive_prefix(&x));
    closed(&g, &[2.0, 0.5, 1.0 / 3.0], "all positive");
    // Stops at the negative entry.
    let x = [0.5, 4.0, -1.0, 3.0];
    let (_, g) = sum_log_positive_prefix_grad(&x);
    closed(
        &g,
        &[2.0, 0.25, 0.0, 0.0],
        "stops at the first non-positive",
    );
    assert_fd(sum_log_positive_prefix, &x, &g, "sum_log_positive_prefix");
    // Empty.
    let (v, g) = sum_log_positive_prefix_grad(&[]);
    assert_eq!(v, 0.0);
    assert!(g.is_empty());
}

/// `||` and `&&` in `if` conditions mixing constants and active comparisons, with a `break`
/// guarded by `i >= len || ..`.
#[differentiable]
fn short_circuit_if(x: &[f64], y: f64, strict: bool) -> f64 {
    let mut s = 0.0;
    let mut i = 0;
    loop {
        if i >= x.len() || (strict && x[i] < 0.0) {
            break;
        }
        if x[i] > y || x[i] < -y {
            s += x[i] * y;
        } else if !strict && x[i] * y > 0.1 {
            s += (x[i] * y).sin();
        } else {
            s -= x[i] * x[i];
        }
        i += 1;
    }
    s
}

#[test]
fn or_and_and_in_if_conditions() {
    let x = [2.0, -3.0, 0.5, 0.05, -0.4, 1.7];
    let y = 1.0;
    for strict in [false, true] {
        let (v, (g, dy)) = short_circuit_if_grad(&x, y, strict);
        assert_eq!(v, short_circuit_if(&x, y, strict));
        let mut grad = g.clone();
        grad.push(dy);
        let mut p = x.to_vec();
        p.push(y);
        assert_fd(
            |p| short_circuit_if(&p[..6], p[6], strict),
            &p,
            &grad,
            "short_circuit_if",
        );
    }
    // strict: stops at x[1] < 0, so only x[0] contributes: s = x0 * y.
    let (_, (g, dy)) = short_circuit_if_grad(&x, y, true);
    closed(&g, &[1.0, 0.0, 0.0, 0.0, 0.0, 0.0], "strict stops");
    closed(&[dy], &[2.0], "strict stops, dy");
}

// ---------------------------------------------------------------------------------------------
// other forms a Rust user writes
// ---------------------------------------------------------------------------------------------

/// A `match` with a wildcard on an enum constant, and `match` on a tuple of constants.
/// (`if let` is rejected with a clear error, so it is written as a `match`.)
#[differentiable(wrt(x))]
fn wildcard_and_tuple_match(x: f64, mode: Mode, k: i32) -> f64 {
    let a = match mode {
        Mode::B => x * x,
        _ => x,
    };
    match (k, mode) {
        (0, Mode::A) => a * 2.0,
        (0, _) => a + x,
        (_, Mode::C) => a.exp(),
        _ => a,
    }
}

#[test]
fn wildcard_match_and_match_on_tuple_of_constants() {
    let x = 0.9f64;
    for (mode, k, expected) in [
        (Mode::A, 0, 2.0),
        (Mode::B, 0, 2.0 * x + 1.0),
        (Mode::C, 0, 2.0),
        (Mode::C, 3, x.exp()),
        (Mode::B, 3, 2.0 * x),
        (Mode::A, 3, 1.0),
    ] {
        let (v, d) = wildcard_and_tuple_match_grad(x, mode, k);
        assert_eq!(v, wildcard_and_tuple_match(x, mode, k));
        closed(
            &[d],
            &[expected],
            &format!("wildcard_and_tuple_match {mode:?} {k}"),
        );
    }
}

/// `return` as the last statement, and a `return` inside an `if` nested in a `match` arm.
#[differentiable]
fn explicit_returns(x: f64, k: u8) -> f64 {
    match k {
        0 => {
            if x > 1.0 {
                return x.ln();
            }
        }
        _ => {}
    }
    let y = x * x;
    return y * x;
}

#[test]
fn explicit_return_statements() {
    let (v, d) = explicit_returns_grad(2.0, 0);
    assert_eq!(v, explicit_returns(2.0, 0));
    closed(&[d], &[0.5], "explicit_returns returns ln");
    let (_, d) = explicit_returns_grad(2.0, 1);
    closed(&[d], &[12.0], "explicit_returns runs through");
    let (_, d) = explicit_returns_grad(0.5, 0);
    closed(&[d], &[0.75], "explicit_returns x <= 1");
}

// A value-producing `if` with a branch that leaves (`return`, `continue`).
#[differentiable]
fn return_in_let_if(x: f64) -> f64 {
    let y = if x > 1.0 {
        x.ln()
    } else {
        return x * x * x;
    };
    y * x
}

#[differentiable]
fn return_in_tail_if(x: f64) -> f64 {
    if x > 0.0 {
        x * x
    } else {
        return -x;
    }
}

#[differentiable]
fn continue_in_let_if(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let t = if x[i] < 0.0 {
            continue;
        } else {
            x[i]
        };
        s += t * t;
    }
    s
}

#[test]
fn diverging_branch_of_a_value_if() {
    let (_, d) = return_in_let_if_grad(2.0);
    closed(&[d], &[2f64.ln() + 1.0], "x > 1");
    let (_, d) = return_in_let_if_grad(0.5);
    closed(&[d], &[0.75], "x <= 1");
    assert_eq!(return_in_tail_if_grad(3.0).1, 6.0);
    assert_eq!(return_in_tail_if_grad(-3.0).1, -1.0);
    assert_eq!(
        continue_in_let_if_grad(&[1.0, -1.0, 2.0]).1,
        vec![2.0, 0.0, 4.0]
    );
    for x in [-2.0, 0.5, 3.0] {
        assert_eq!(return_in_let_if_grad(x).0, return_in_let_if(x));
        assert_eq!(return_in_tail_if_grad(x).0, return_in_tail_if(x));
    }
    let xs = [1.0, -1.0, 2.0];
    assert_eq!(continue_in_let_if_grad(&xs).0, continue_in_let_if(&xs));
}
