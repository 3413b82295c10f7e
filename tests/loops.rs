//! Reverse mode through loops: every `for` range and iterator form the macro accepts, `while`,
//! `loop`/`break`, `continue`, labelled `break`/`continue`, nested loops, run-time trip counts,
//! compound assignments to loop-carried variables, empty loops, and calls to other
//! differentiable functions inside loop bodies.
//!
//! Most loop bodies are order-sensitive (a Horner-like recurrence `s = s * x[i] + sin(x[i])`),
//! so visiting the iterations in the wrong order in the reverse sweep, or restoring the wrong
//! value of a loop-carried variable, gives a wrong gradient. The reference gradient is a
//! hand-written forward (tangent) propagation over the same index sequence, plus finite
//! differences.

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

use ad_runtime::differentiable;
use common::*;

/// Value and gradient of `s <- s * x[i] + sin(x[i])` (from `s = 0`) over the index sequence
/// `idx`, by forward propagation of all partial derivatives.
fn horner_ref(x: &[f64], idx: impl IntoIterator<Item = usize>) -> (f64, Vec<f64>) {
    let mut s = 0.0;
    let mut ds = vec![0.0; x.len()];
    for i in idx {
        for d in ds.iter_mut() {
            *d *= x[i];
        }
        ds[i] += s + x[i].cos();
        s = s * x[i] + x[i].sin();
    }
    (s, ds)
}

fn sample(seed: u64, n: usize) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| rng.signed(0.3, 1.3)).collect()
}

/// Checks a Horner-form loop against the reference over `idx`, and against finite differences.
#[track_caller]
fn check_horner(
    what: &str,
    x: &[f64],
    primal: impl Fn(&[f64]) -> f64,
    (v, g): (f64, Vec<f64>),
    idx: impl IntoIterator<Item = usize>,
) {
    let (rv, rg) = horner_ref(x, idx);
    assert_eq!(v, primal(x), "{what}: value of _grad is the primal's");
    assert_close_tol(&[v], &[rv], CLOSED, what);
    closed(&g, &rg, what);
    assert_fd(&primal, x, &g, what);
}

// ---------------------------------------------------------------------------------------------
// for over ranges
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn h_range(x: &[f64], a: usize, b: usize) -> f64 {
    let mut s = 0.0;
    for i in a..b {
        s = s * x[i] + x[i].sin();
    }
    s
}

#[differentiable]
fn h_range_incl(x: &[f64], a: usize, b: usize) -> f64 {
    let mut s = 0.0;
    for i in a..=b {
        s = s * x[i] + x[i].sin();
    }
    s
}

#[differentiable]
fn h_range_rev(x: &[f64], a: usize, b: usize) -> f64 {
    let mut s = 0.0;
    for i in (a..b).rev() {
        s = s * x[i] + x[i].sin();
    }
    s
}

#[differentiable]
fn h_range_incl_rev(x: &[f64], a: usize, b: usize) -> f64 {
    let mut s = 0.0;
    for i in (a..=b).rev() {
        s = s * x[i] + x[i].sin();
    }
    s
}

#[differentiable]
fn h_step_by(x: &[f64], a: usize, b: usize, k: usize) -> f64 {
    let mut s = 0.0;
    for i in (a..b).step_by(k) {
        s = s * x[i] + x[i].sin();
    }
    s
}

#[test]
fn for_over_exclusive_range() {
    let x = sample(1, 9);
    for (a, b) in [(0, 9), (2, 7), (3, 4), (4, 4), (6, 2)] {
        check_horner(
            &format!("{a}..{b}"),
            &x,
            |x| h_range(x, a, b),
            h_range_grad(&x, a, b),
            a..b,
        );
    }
}

#[test]
fn for_over_inclusive_range() {
    let x = sample(2, 9);
    for (a, b) in [(0, 8), (2, 7), (3, 3), (5, 4)] {
        check_horner(
            &format!("{a}..={b}"),
            &x,
            |x| h_range_incl(x, a, b),
            h_range_incl_grad(&x, a, b),
            a..=b,
        );
    }
}

#[test]
fn for_over_reversed_range() {
    let x = sample(3, 9);
    for (a, b) in [(0, 9), (2, 7), (3, 4), (4, 4)] {
        check_horner(
            &format!("({a}..{b}).rev()"),
            &x,
            |x| h_range_rev(x, a, b),
            h_range_rev_grad(&x, a, b),
            (a..b).rev(),
        );
    }
}

#[test]
fn for_over_reversed_inclusive_range() {
    let x = sample(4, 9);
    for (a, b) in [(0, 8), (2, 7), (3, 3), (5, 4)] {
        check_horner(
            &format!("({a}..={b}).rev()"),
            &x,
            |x| h_range_incl_rev(x, a, b),
            h_range_incl_rev_grad(&x, a, b),
            (a..=b).rev(),
        );
    }
}

#[test]
fn for_over_range_step_by() {
    let x = sample(5, 11);
    for (a, b, k) in [
        (0, 11, 2),
        (1, 11, 3),
        (2, 10, 4),
        (3, 4, 5),
        (0, 11, 1),
        (7, 7, 2),
    ] {
        check_horner(
            &format!("({a}..{b}).step_by({k})"),
            &x,
            |x| h_step_by(x, a, b, k),
            h_step_by_grad(&x, a, b, k),
            (a..b).step_by(k),
        );
    }
}

/// Range bounds that are expressions of the slice length and of an active-independent
/// computation.
#[differentiable]
fn h_computed_bounds(x: &[f64]) -> f64 {
    let mut s = 0.0;
    let half = x.len() / 2;
    for i in half - 1..x.len() - 1 {
        s = s * x[i + 1] + x[i + 1].sin();
    }
    s
}

#[test]
fn for_over_range_with_computed_bounds() {
    let x = sample(6, 8);
    check_horner(
        "computed bounds",
        &x,
        h_computed_bounds,
        h_computed_bounds_grad(&x),
        4..8,
    );
}

// ---------------------------------------------------------------------------------------------
// for over iterators of a slice
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn h_iter(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for xi in x.iter() {
        s = s * xi + xi.sin();
    }
    s
}

#[differentiable]
fn h_iter_pat(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for &xi in x.iter() {
        s = s * xi + xi.sin();
    }
    s
}

#[differentiable]
fn h_ref_vec(x: Vec<f64>) -> f64 {
    let mut s = 0.0;
    for xi in &x {
        s = s * xi + xi.sin();
    }
    s
}

#[differentiable]
fn h_ref_pat(x: Vec<f64>) -> f64 {
    let mut s = 0.0;
    for &xi in &x {
        s = s * xi + xi.sin();
    }
    s
}

/// `&Vec<f64>` parameter iterated with `.iter()`. (Iterating the reference itself,
/// `for xi in x` with `x: &[f64]` or `&Vec<f64>`, is rejected with a clear error that says to
/// write `x.iter()`.)
#[differentiable]
fn h_ref_vec_iter(x: &Vec<f64>) -> f64 {
    let mut s = 0.0;
    for xi in x.iter() {
        s = s * xi + xi.sin();
    }
    s
}

/// References from `.iter()` used by value (`*xi`), in `&f64 * &f64`, and in method calls.
#[differentiable]
fn iter_refs(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for xi in x.iter() {
        s += xi * xi + *xi * 2.0 - (*xi).exp() + xi.sin() * s;
    }
    s
}

#[test]
fn iterator_references_used_as_values() {
    let x = sample(16, 5);
    // Tangent propagation of s <- s + x^2 + 2x - e^x + sin(x) s.
    let mut s = 0.0;
    let mut ds = vec![0.0; 5];
    for i in 0..5 {
        let xi = x[i];
        for d in ds.iter_mut() {
            *d *= 1.0 + xi.sin();
        }
        ds[i] += 2.0 * xi + 2.0 - xi.exp() + xi.cos() * s;
        s += xi * xi + xi * 2.0 - xi.exp() + xi.sin() * s;
    }
    let (v, g) = iter_refs_grad(&x);
    assert_eq!(v, iter_refs(&x));
    closed(&[v], &[s], "iter_refs value");
    closed(&g, &ds, "iter_refs");
}

#[test]
fn for_over_slice_iterators() {
    let x = sample(7, 7);
    let n = x.len();
    check_horner("x.iter()", &x, h_iter, h_iter_grad(&x), 0..n);
    check_horner("&xi in x.iter()", &x, h_iter_pat, h_iter_pat_grad(&x), 0..n);
    check_horner(
        "xi in &x (Vec)",
        &x,
        |x| h_ref_vec(x.to_vec()),
        h_ref_vec_grad(x.clone()),
        0..n,
    );
    check_horner(
        "&xi in &x (Vec)",
        &x,
        |x| h_ref_pat(x.to_vec()),
        h_ref_pat_grad(x.clone()),
        0..n,
    );
    check_horner(
        "xi in x.iter() (&Vec)",
        &x,
        |x| h_ref_vec_iter(&x.to_vec()),
        h_ref_vec_iter_grad(&x),
        0..n,
    );
    // Empty slices.
    assert_eq!(h_iter_grad(&[]), (0.0, vec![]));
    assert_eq!(h_ref_vec_grad(vec![]), (0.0, vec![]));
}

/// `.iter().enumerate()` with `(i, xi)`: the index weights the term and picks a second entry.
#[differentiable]
fn enum_ref(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for (i, xi) in x.iter().enumerate() {
        s = s * xi + (i as f64 + 1.0) * xi.sin() + x[x.len() - 1 - i] * 0.5;
    }
    s
}

/// The same with `(i, &xi)`.
#[differentiable]
fn enum_pat(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for (i, &xi) in x.iter().enumerate() {
        s = s * xi + (i as f64 + 1.0) * xi.sin() + x[x.len() - 1 - i] * 0.5;
    }
    s
}

/// Hand-written reference for `enum_ref`/`enum_pat`.
fn enum_ref_grad_ref(x: &[f64]) -> (f64, Vec<f64>) {
    let n = x.len();
    let mut s = 0.0;
    let mut ds = vec![0.0; n];
    for i in 0..n {
        let w = i as f64 + 1.0;
        for d in ds.iter_mut() {
            *d *= x[i];
        }
        ds[i] += s + w * x[i].cos();
        ds[n - 1 - i] += 0.5;
        s = s * x[i] + w * x[i].sin() + x[n - 1 - i] * 0.5;
    }
    (s, ds)
}

#[test]
fn for_over_enumerate() {
    let x = sample(8, 6);
    let (rv, rg) = enum_ref_grad_ref(&x);
    for (what, f, (v, g)) in [
        ("(i, xi)", enum_ref as fn(&[f64]) -> f64, enum_ref_grad(&x)),
        ("(i, &xi)", enum_pat, enum_pat_grad(&x)),
    ] {
        assert_eq!(v, f(&x));
        closed(&[v], &[rv], what);
        closed(&g, &rg, what);
        assert_fd(f, &x, &g, what);
    }
}

// ---------------------------------------------------------------------------------------------
// while, loop, break, continue
// ---------------------------------------------------------------------------------------------

/// `while` with an integer counter and a run-time trip count.
#[differentiable]
fn h_while(x: &[f64], n: usize) -> f64 {
    let mut s = 0.0;
    let mut i = 0;
    while i < n {
        s = s * x[i] + x[i].sin();
        i += 1;
    }
    s
}

/// `loop` with `break` at the end of the trip count.
#[differentiable]
fn h_loop(x: &[f64], n: usize) -> f64 {
    let mut s = 0.0;
    let mut i = 0;
    loop {
        if i == n {
            break;
        }
        s = s * x[i] + x[i].sin();
        i += 1;
    }
    s
}

/// `continue` on a constant condition (every third index is skipped).
#[differentiable]
fn h_continue(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        if i % 3 == 1 {
            continue;
        }
        s = s * x[i] + x[i].sin();
    }
    s
}

/// `continue` on an active condition (negative entries are skipped) and `break` on one (an
/// entry above 1.2 ends the loop before it is used).
#[differentiable]
fn h_continue_break_active(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        if x[i] < 0.0 {
            continue;
        }
        if x[i] > 1.2 {
            break;
        }
        s = s * x[i] + x[i].sin();
    }
    s
}

#[test]
fn while_loop_break_continue() {
    let x = sample(9, 8);
    for n in [0, 1, 5, 8] {
        check_horner(
            &format!("while n={n}"),
            &x,
            |x| h_while(x, n),
            h_while_grad(&x, n),
            0..n,
        );
        check_horner(
            &format!("loop/break n={n}"),
            &x,
            |x| h_loop(x, n),
            h_loop_grad(&x, n),
            0..n,
        );
    }
    check_horner(
        "continue (constant)",
        &x,
        h_continue,
        h_continue_grad(&x),
        (0..8).filter(|i| i % 3 != 1),
    );
    let x = [0.5, -0.7, 0.9, 1.1, -0.4, 0.8, 1.25, 0.6, 0.7];
    check_horner(
        "continue/break (active)",
        &x,
        h_continue_break_active,
        h_continue_break_active_grad(&x),
        [0, 2, 3, 5],
    );
}

/// `while` whose condition depends on active values: the trip count is decided at run time by
/// the data, and is replayed in the reverse sweep.
#[differentiable]
fn while_active(x: f64, y: f64) -> f64 {
    let mut t = y;
    let mut k = 0;
    while t < x {
        t = t * 1.5 + x * 0.1;
        k += 1;
    }
    t * k as f64
}

#[test]
fn while_with_active_condition() {
    // Tangent recurrence: dt <- 1.5 dt + 0.1 dx.
    for (x, y) in [(3.0f64, 0.2f64), (10.0, 0.7), (0.5, 1.0)] {
        let mut t = y;
        let (mut tx, mut ty) = (0.0, 1.0);
        let mut k = 0;
        while t < x {
            t = t * 1.5 + x * 0.1;
            tx = tx * 1.5 + 0.1;
            ty *= 1.5;
            k += 1;
        }
        let (v, (dx, dy)) = while_active_grad(x, y);
        assert_eq!(v, t * k as f64);
        closed(&[dx, dy], &[tx * k as f64, ty * k as f64], "while_active");
        assert_fd(
            |p| while_active(p[0], p[1]),
            &[x, y],
            &[dx, dy],
            "while_active",
        );
    }
}

/// `loop` that ends on a convergence test (Newton for the cube root) with a `break` from the
/// middle of the body; the result's derivative converges with the iterate.
#[differentiable]
fn cbrt_newton(a: f64) -> f64 {
    let mut y = 1.0 + a / 3.0;
    let mut k = 0;
    loop {
        let next = y - (y * y * y - a) / (3.0 * y * y);
        k += 1;
        if (next - y).abs() < 1e-15 * next.abs() || k >= 100 {
            y = next;
            break;
        }
        y = next;
    }
    y
}

#[test]
fn loop_with_convergence_break() {
    for a in [0.5f64, 2.0, 27.0, 100.0] {
        let (v, d) = cbrt_newton_grad(a);
        assert_eq!(v, cbrt_newton(a));
        closed(&[v], &[a.cbrt()], "cbrt value");
        closed(&[d], &[1.0 / (3.0 * a.cbrt().powi(2))], "d cbrt / da");
    }
}

/// A `loop` that sets a result variable and breaks on an active condition. (`break value`
/// out of a `loop` used as an expression is rejected with a clear error that says to write
/// it this way.)
#[differentiable]
#[allow(unused_assignments)]
fn loop_break_value(x: f64) -> f64 {
    let mut t = x;
    let mut r = 0.0;
    loop {
        t = t * t;
        if t > 100.0 {
            r = t.ln();
            break;
        }
    }
    r * x
}

#[test]
fn loop_breaking_with_a_value() {
    // x = 1.5: t = x^2, x^4, x^8 = 25.6, x^16 = 656.8 > 100, r = 16 ln x, result 16 x ln x.
    let x = 1.5f64;
    let (v, d) = loop_break_value_grad(x);
    assert_eq!(v, loop_break_value(x));
    closed(&[d], &[16.0 * (x.ln() + 1.0)], "loop_break_value");
}

// ---------------------------------------------------------------------------------------------
// labelled break / continue and nested loops
// ---------------------------------------------------------------------------------------------

/// Nested loops over a row-major `m x n` matrix `a` (a constant) with run-time sizes:
/// `f = sum_i (a_i . x)^2`, gradient `2 a^T a x`.
#[differentiable(wrt(x))]
fn normal_sq(a: &[f64], x: &[f64], m: usize, n: usize) -> f64 {
    let mut f = 0.0;
    for i in 0..m {
        let mut r = 0.0;
        for j in 0..n {
            r += a[i * n + j] * x[j];
        }
        f += r * r;
    }
    f
}

#[test]
fn nested_loops_with_run_time_sizes() {
    let mut rng = Rng::new(10);
    for (m, n) in [(3, 4), (5, 2), (1, 1), (0, 3)] {
        let a: Vec<f64> = (0..m * n).map(|_| rng.uniform(-1.0, 1.0)).collect();
        let x: Vec<f64> = (0..n).map(|_| rng.uniform(-1.0, 1.0)).collect();
        let ax: Vec<f64> = (0..m)
            .map(|i| (0..n).map(|j| a[i * n + j] * x[j]).sum())
            .collect();
        let expected: Vec<f64> = (0..n)
            .map(|j| (0..m).map(|i| 2.0 * a[i * n + j] * ax[i]).sum())
            .collect();
        let (v, g) = normal_sq_grad(&a, &x, m, n);
        closed(&[v], &[ax.iter().map(|r| r * r).sum()], "normal_sq value");
        closed(&g, &expected, &format!("normal_sq {m}x{n}"));
        assert_fd(|x| normal_sq(&a, x, m, n), &x, &g, "normal_sq");
    }
}

/// Labelled `continue 'outer` and `break 'outer` from an inner loop, plus an unlabelled
/// `break` of the inner loop, on constant and active conditions. A triangular nest whose
/// inner bound depends on the outer index.
#[differentiable]
fn labelled(x: &[f64], stop: f64) -> f64 {
    let mut s = 0.0;
    'outer: for i in 0..x.len() {
        'inner: for j in 0..=i {
            if j == 3 {
                continue 'outer;
            }
            if x[j] > stop {
                break 'outer;
            }
            if x[i] < -1.0 {
                break 'inner;
            }
            s = s * x[j] + (x[i] * x[j]).sin();
        }
        s = s * 0.5;
    }
    s
}

/// Hand-written value and gradient of `labelled` (forward propagation).
fn labelled_ref(x: &[f64], stop: f64) -> (f64, Vec<f64>) {
    let n = x.len();
    let mut s = 0.0;
    let mut ds = vec![0.0; n];
    'outer: for i in 0..n {
        for j in 0..=i {
            if j == 3 {
                continue 'outer;
            }
            if x[j] > stop {
                break 'outer;
            }
            if x[i] < -1.0 {
                break;
            }
            let c = (x[i] * x[j]).cos();
            for d in ds.iter_mut() {
                *d *= x[j];
            }
            ds[j] += s;
            ds[i] += c * x[j];
            ds[j] += c * x[i];
            s = s * x[j] + (x[i] * x[j]).sin();
        }
        for d in ds.iter_mut() {
            *d *= 0.5;
        }
        s *= 0.5;
    }
    (s, ds)
}

#[test]
fn labelled_break_and_continue() {
    // Runs to completion; skips j == 3 rows early; row 4 breaks its inner loop.
    let x = [0.6, 0.9, -0.5, 0.7, -1.3, 0.8];
    // stop = 2: never stops; stop = 0.85: stops at j = 1 of i = 1.
    for stop in [2.0, 0.85] {
        let (rv, rg) = labelled_ref(&x, stop);
        let (v, (g, ds)) = labelled_grad(&x, stop);
        assert_eq!(v, labelled(&x, stop));
        closed(&[v], &[rv], "labelled value");
        closed(&g, &rg, &format!("labelled stop={stop}"));
        assert_eq!(ds, 0.0, "the stop threshold only enters comparisons");
        assert_fd(|x| labelled(x, stop), &x, &g, "labelled");
    }
}

/// Three nested loops, the innermost carrying a nonlinear update.
#[differentiable]
fn triple(x: &[f64], n: usize) -> f64 {
    let mut s = 0.1;
    for i in 0..n {
        for j in 0..n {
            for k in 0..n {
                s = (s + x[i] * x[j]).sin() * x[k];
            }
        }
    }
    s
}

#[test]
fn triply_nested_loops() {
    let x = sample(12, 3);
    for n in [0, 1, 2, 3] {
        let (v, g) = triple_grad(&x, n);
        assert_eq!(v, triple(&x, n));
        assert_fd(|x| triple(x, n), &x, &g, &format!("triple n={n}"));
    }
}

// ---------------------------------------------------------------------------------------------
// loop-carried variables and compound assignment
// ---------------------------------------------------------------------------------------------

/// One loop per compound operator, each with a closed form.
#[differentiable]
fn compound(x: f64, y: f64, n: usize) -> f64 {
    let mut a = y;
    for _ in 0..n {
        a *= x;
    }
    let mut b = y;
    for _ in 0..n {
        b /= x;
    }
    let mut c = y;
    for _ in 0..n {
        c += x;
    }
    let mut d = y;
    for _ in 0..n {
        d -= x * y;
    }
    let mut e = x;
    for _ in 0..n {
        e = e * y;
    }
    a + b + c + d + e
}

#[test]
fn compound_assignment_in_loops() {
    let (x, y) = (1.3f64, 0.7f64);
    for n in [0usize, 1, 2, 7] {
        let k = n as i32;
        let nf = n as f64;
        let value =
            y * x.powi(k) + y * x.powi(-k) + (y + nf * x) + (y - nf * x * y) + x * y.powi(k);
        let dx = y * nf * x.powi(k - 1) - y * nf * x.powi(-k - 1) + nf - nf * y + y.powi(k);
        let dy = x.powi(k) + x.powi(-k) + 1.0 + 1.0 - nf * x + x * nf * y.powi(k - 1);
        let (v, (gx, gy)) = compound_grad(x, y, n);
        assert_eq!(v, compound(x, y, n));
        closed(&[v], &[value], &format!("compound value n={n}"));
        closed(&[gx, gy], &[dx, dy], &format!("compound n={n}"));
    }
}

/// All compound operators on one loop-carried variable in one body, with the old value
/// feeding nonlinear ops.
#[differentiable]
fn compound_mixed(x: f64, y: f64, n: usize) -> f64 {
    let mut s = y;
    for i in 0..n {
        s += x * s.cos();
        s *= 1.0 + 0.1 * x;
        s -= (i as f64) * 0.01 * y;
        s /= 1.0 + s * s;
        s = s.exp() - 1.0;
    }
    s
}

#[test]
fn compound_assignments_mixed_in_one_body() {
    // Forward tangents of s with respect to x and y.
    let (x, y) = (0.4f64, 0.3f64);
    for n in [0usize, 1, 4, 25] {
        let (mut s, mut sx, mut sy) = (y, 0.0, 1.0);
        for i in 0..n {
            // s += x cos s
            let (c, si) = (s.cos(), s.sin());
            sx += c - x * si * sx;
            sy += -x * si * sy;
            s += x * c;
            // s *= 1 + 0.1 x
            sx = sx * (1.0 + 0.1 * x) + 0.1 * s;
            sy *= 1.0 + 0.1 * x;
            s *= 1.0 + 0.1 * x;
            // s -= 0.01 i y
            sy -= i as f64 * 0.01;
            s -= i as f64 * 0.01 * y;
            // s /= 1 + s^2: d = (1 - s^2) / (1 + s^2)^2
            let q = (1.0 - s * s) / (1.0 + s * s).powi(2);
            sx *= q;
            sy *= q;
            s /= 1.0 + s * s;
            // s = exp(s) - 1
            sx *= s.exp();
            sy *= s.exp();
            s = s.exp() - 1.0;
        }
        let (v, (gx, gy)) = compound_mixed_grad(x, y, n);
        assert_eq!(v, compound_mixed(x, y, n));
        closed(&[v], &[s], "compound_mixed value");
        closed(&[gx, gy], &[sx, sy], &format!("compound_mixed n={n}"));
        assert_fd(
            |p| compound_mixed(p[0], p[1], n),
            &[x, y],
            &[gx, gy],
            "compound_mixed",
        );
    }
}

/// `y = y.sin() * x` repeated: the old value of `y` feeds a nonlinear op every iteration, so
/// the reverse sweep must see each iteration's own `y`.
#[differentiable]
fn sin_iter(x: f64, y0: f64, n: usize) -> f64 {
    let mut y = y0;
    for _ in 0..n {
        y = y.sin() * x;
    }
    y
}

#[test]
fn nonlinear_loop_carried_update() {
    for (x, y0) in [(2.0f64, 0.5f64), (0.9, -1.2), (2.5, 2.0)] {
        for n in [0usize, 1, 3, 50] {
            let (mut y, mut yx, mut yy) = (y0, 0.0, 1.0);
            for _ in 0..n {
                let (s, c) = (y.sin(), y.cos());
                yx = c * yx * x + s;
                yy = c * yy * x;
                y = s * x;
            }
            let (v, (gx, gy)) = sin_iter_grad(x, y0, n);
            assert_eq!(v, y);
            assert_eq!(v, sin_iter(x, y0, n));
            closed(
                &[gx, gy],
                &[yx, yy],
                &format!("sin_iter x={x} y0={y0} n={n}"),
            );
        }
    }
}

/// A loop-carried pair updated through temporaries, with a `let` inside the body that
/// shadows the outer `q` for the rest of the body only (the outer `q` stays `b`).
#[differentiable]
fn pair_update(a: f64, b: f64, n: usize) -> f64 {
    let mut p = a;
    let q = b;
    for _ in 0..n {
        let t = p;
        let p2 = p * q.cos();
        let q = q + t * 0.5;
        p = p2 + q * 0.1;
    }
    p + q
}

#[test]
fn loop_carried_pair_with_shadowing() {
    let (a, b) = (0.8f64, 0.3f64);
    for n in [0usize, 1, 2, 5] {
        let (v, (da, db)) = pair_update_grad(a, b, n);
        assert_eq!(v, pair_update(a, b, n));
        assert_fd(
            |p| pair_update(p[0], p[1], n),
            &[a, b],
            &[da, db],
            "pair_update",
        );
    }
}

// ---------------------------------------------------------------------------------------------
// loops whose body never runs
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn empty_loops(x: f64, x_arr: &[f64], n: usize) -> f64 {
    let mut s = x * 2.0;
    for i in 0..n {
        s = s * x_arr[i];
    }
    for i in 5..3 {
        s += x_arr[i];
    }
    for i in (n..n).rev() {
        s *= x_arr[i];
    }
    let head = &x_arr[..n];
    for xi in head.iter() {
        s *= xi;
    }
    let mut k = 0;
    while k < n {
        s = s.sin();
        k += 1;
    }
    s
}

#[test]
fn loops_with_zero_iterations() {
    let arr = [3.0, 4.0];
    let (v, (dx, darr)) = empty_loops_grad(1.5, &arr, 0);
    assert_eq!(v, 3.0);
    assert_eq!(empty_loops(1.5, &arr, 0), 3.0);
    assert_eq!(dx, 2.0);
    assert_eq!(darr, vec![0.0, 0.0]);
    // With one iteration everything runs once: s = sin(2x * a0 * a0).
    let (v, (dx, darr)) = empty_loops_grad(0.2, &arr, 1);
    let u = 0.4f64 * 3.0 * 3.0;
    closed(&[v], &[u.sin()], "one iteration value");
    closed(&[dx], &[u.cos() * 2.0 * 9.0], "one iteration dx");
    closed(
        &darr,
        &[u.cos() * 2.0 * 0.4 * 3.0, 0.0],
        "one iteration darr",
    );
}

// ---------------------------------------------------------------------------------------------
// calls to differentiable functions inside loops
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn damp(s: f64, x: f64) -> f64 {
    s.tanh() * x + 0.1
}

#[differentiable]
fn rot(a: f64, b: f64, th: f64) -> (f64, f64) {
    (a * th.cos() - b * th.sin(), a * th.sin() + b * th.cos())
}

/// A scalar callee in a loop over a slice.
#[differentiable]
fn damp_chain(x: &[f64], s0: f64) -> f64 {
    let mut s = s0;
    for i in 0..x.len() {
        s = damp(s, x[i]);
    }
    s
}

#[test]
fn scalar_callee_inside_a_loop() {
    let x = sample(13, 6);
    let s0 = 0.4f64;
    let (mut s, mut ds0) = (s0, 1.0);
    let mut dx = vec![0.0; 6];
    for i in 0..6 {
        let sech2 = 1.0 - s.tanh().powi(2);
        for d in dx.iter_mut() {
            *d *= sech2 * x[i];
        }
        dx[i] += s.tanh();
        ds0 *= sech2 * x[i];
        s = s.tanh() * x[i] + 0.1;
    }
    let (v, (g, gs)) = damp_chain_grad(&x, s0);
    assert_eq!(v, s);
    assert_eq!(v, damp_chain(&x, s0));
    closed(&g, &dx, "damp_chain dx");
    closed(&[gs], &[ds0], "damp_chain ds0");
}

/// A callee returning a tuple, destructured inside a loop: `n` rotations by `th` are one
/// rotation by `n th`.
#[differentiable]
fn spin(a: f64, b: f64, th: f64, n: usize) -> f64 {
    let mut p = a;
    let mut q = b;
    for _ in 0..n {
        let (p2, q2) = rot(p, q, th);
        p = p2;
        q = q2;
    }
    p * 2.0 + q
}

#[test]
fn tuple_returning_callee_inside_a_loop() {
    let (a, b, th) = (0.7f64, -0.4f64, 0.3f64);
    for n in [0usize, 1, 4, 30] {
        let t = n as f64 * th;
        let (c, s) = (t.cos(), t.sin());
        // p = a c - b s, q = a s + b c.
        let expected = [
            2.0 * c + s,
            -2.0 * s + c,
            n as f64 * (2.0 * (-a * s - b * c) + (a * c - b * s)),
        ];
        let (v, (da, db, dth)) = spin_grad(a, b, th, n);
        assert_eq!(v, spin(a, b, th, n));
        closed(
            &[v],
            &[2.0 * (a * c - b * s) + (a * s + b * c)],
            "spin value",
        );
        // The loop accumulates rounding in the angle, so compare at 1e-10.
        assert_close_tol(&[da, db, dth], &expected, 1e-10, &format!("spin n={n}"));
    }
}

/// Tuple-returning callee whose results feed a reduction and a loop-carried state, inside
/// nested loops, mixed with a scalar callee.
#[differentiable]
fn calls_nested(x: &[f64], th: f64) -> f64 {
    let mut acc = 0.0;
    let mut p = 1.0;
    let mut q = 0.0;
    for i in 0..x.len() {
        for _ in 0..2 {
            let (p2, q2) = rot(p * x[i], q, th);
            acc += p2 * q2;
            p = damp(p2, 1.5);
            q = q2;
        }
    }
    acc + p * q
}

#[test]
fn tuple_and_scalar_callees_in_nested_loops() {
    let x = sample(14, 5);
    let th = 0.7;
    let (v, (g, dth)) = calls_nested_grad(&x, th);
    assert_eq!(v, calls_nested(&x, th));
    let mut p = x.clone();
    p.push(th);
    let mut grad = g.clone();
    grad.push(dth);
    assert_fd(|p| calls_nested(&p[..5], p[5]), &p, &grad, "calls_nested");
}

// ---------------------------------------------------------------------------------------------
// mixed: conditional updates of loop-carried state
// ---------------------------------------------------------------------------------------------

/// Loop-carried state updated on some iterations only (by `if` and by `match` arms), a
/// `continue` before the update, a `loop` nested in an `if` in a `for`, a body temporary
/// overwritten without being read, and an inner `break` out of a `match` arm.
#[differentiable]
fn mixed(x: &[f64], y: f64) -> f64 {
    let mut s = y;
    let mut last = 0.0;
    for i in 0..x.len() {
        let t = x[i] * s;
        if t < -0.5 {
            continue;
        }
        last = t.sin();
        match i % 3 {
            0 => s = s * x[i] + last,
            1 => {
                if s > 0.0 {
                    s = s.sqrt() + x[i];
                }
            }
            _ => {
                let mut k = 0;
                if x[i] > 0.0 {
                    loop {
                        s = (s * x[i]).tanh() + 0.5 * s;
                        k += 1;
                        match k {
                            3 => break,
                            _ => {}
                        }
                    }
                }
            }
        }
        let i = i as f64;
        s += 0.01 * i * last;
    }
    s + last
}

#[test]
fn conditional_updates_of_loop_carried_state() {
    let mut rng = Rng::new(15);
    let mut checked = 0;
    for _ in 0..40 {
        let n = 1 + (rng.next_u64() % 8) as usize;
        let x: Vec<f64> = (0..n).map(|_| rng.uniform(-1.0, 1.5)).collect();
        let y = rng.uniform(-1.0, 1.0);
        let (v, (g, dy)) = mixed_grad(&x, y);
        assert_eq!(v, mixed(&x, y));
        let mut p = x.clone();
        p.push(y);
        let mut grad = g;
        grad.push(dy);
        let f = |p: &[f64]| mixed(&p[..n], p[n]);
        // Skip points within reach of a branch switch: there the differences at two step
        // sizes disagree.
        let fd = ad_runtime::check::fd_gradient(f, &p, 1e-6);
        let fd2 = ad_runtime::check::fd_gradient(f, &p, 1e-7);
        if ad_runtime::check::compare(&fd, &fd2, 1e-4, 1e-4).is_err() {
            continue;
        }
        assert_fd(f, &p, &grad, "mixed");
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} points checked");
}

// `for xi in x` over a slice parameter iterates by reference, like `x.iter()`; an inclusive
// range with `step_by`.
#[differentiable]
fn slice_param_and_inclusive_step(x: &[f64], a: usize, b: usize) -> f64 {
    let mut s = 0.0;
    for i in (a..=b).step_by(2) {
        s += x[i] * x[i];
    }
    for xi in x {
        s += xi * xi.sin();
    }
    s
}

#[test]
fn for_over_a_slice_parameter() {
    let x = [1.0, 2.0, 3.0, 4.0];
    let (v, g) = slice_param_and_inclusive_step_grad(&x, 0, 2);
    assert_eq!(v, slice_param_and_inclusive_step(&x, 0, 2));
    let want: Vec<f64> = x
        .iter()
        .enumerate()
        .map(
            |(i, &xi)| if i % 2 == 0 && i <= 2 { 2.0 * xi } else { 0.0 } + xi.sin() + xi * xi.cos(),
        )
        .collect();
    ad_runtime::check::compare(&g, &want, 1e-12, 1e-12).unwrap();
}

// Neighbour reads `x[i]` and `x[i + 1]` (the reverse sweep carries x̄[i] in a register):
// with a lower bound above 0, an early `break`, zero iterations, and `1 + i`.
#[differentiable]
fn neighbours(x: &[f64], lo: usize, stop: usize) -> f64 {
    let mut s = 0.0;
    for i in lo..x.len() - 1 {
        if i == stop {
            break;
        }
        let d = x[1 + i] - x[i].sin();
        s += d * d * x[i];
    }
    s
}

#[differentiable]
fn neighbours_f32(x: &[f32]) -> f32 {
    let mut s = 0.0f32;
    for i in 0..x.len() - 1 {
        s += x[i] * x[i + 1] * x[i];
    }
    s
}

#[test]
fn neighbour_reads() {
    let x = [0.3, -1.2, 0.8, 2.0, -0.4, 1.1];
    for (lo, stop) in [(0, 99), (2, 99), (1, 3), (4, 4), (5, 99)] {
        let (v, g) = neighbours_grad(&x, lo, stop);
        assert_eq!(v, neighbours(&x, lo, stop));
        ad_runtime::check::assert_gradient(|p| neighbours(p, lo, stop), &x, &g, 1e-6);
    }
    let xf = [0.5f32, -1.0, 2.0, 0.25];
    let (v, g) = neighbours_f32_grad(&xf);
    assert_eq!(v, neighbours_f32(&xf));
    let want: Vec<f32> = (0..4)
        .map(|j| {
            let mut d = 0.0f32;
            if j + 1 < 4 {
                d += 2.0 * xf[j] * xf[j + 1];
            }
            if j >= 1 {
                d += xf[j - 1] * xf[j - 1];
            }
            d
        })
        .collect();
    for (a, b) in g.iter().zip(&want) {
        assert!((a - b).abs() < 1e-5, "{g:?} vs {want:?}");
    }
}

#[differentiable]
fn neighbours_from(x: &[f64], lo: usize) -> f64 {
    let mut s = 0.0;
    for i in lo..x.len() - 1 {
        let d = x[1 + i] - x[i].sin();
        s += d * d * x[i];
    }
    s
}

#[test]
fn neighbour_reads_from_a_lower_bound() {
    let x = [0.3, -1.2, 0.8, 2.0, -0.4, 1.1];
    for lo in 0..6 {
        let (v, g) = neighbours_from_grad(&x, lo);
        assert_eq!(v, neighbours_from(&x, lo));
        let (_, h) = neighbours_grad(&x, lo, 99);
        ad_runtime::check::compare(&g, &h, 1e-12, 1e-14).unwrap();
        ad_runtime::check::assert_gradient(|p| neighbours_from(p, lo), &x, &g, 1e-6);
    }
}

// ---------------------------------------------------------------------------------------------
// integer counters (`i += k`), undone by the inverse step in the reverse sweep
// ---------------------------------------------------------------------------------------------

/// The packed-triangle walk of the GMM objective: a counter `idx += 1` in the innermost loop
/// indexes `l`, per point. The reverse sweep undoes the steps instead of recording `idx`.
#[differentiable]
fn triangle_walk(l: &[f64], x: &[f64], d: usize, n: usize) -> f64 {
    let mut z = vec![0.0; d];
    let mut s = 0.0;
    for p in 0..n {
        for j in 0..d {
            z[j] = x[p * d + j] * l[j];
        }
        let mut idx = d;
        for c in 0..d {
            for r in c + 1..d {
                z[r] += l[idx] * x[p * d + c];
                idx += 1;
            }
        }
        for j in 0..d {
            s += (z[j] * z[j]).sin();
        }
    }
    s
}

#[test]
fn counter_indexing_a_packed_triangle() {
    for (d, n) in [(1, 2), (2, 3), (4, 3), (5, 1)] {
        let l = (0..d + d * (d - 1) / 2)
            .map(|i| 0.3 + 0.1 * ((i * 7) % 5) as f64)
            .collect::<Vec<_>>();
        let x = (0..n * d)
            .map(|i| -0.5 + 0.13 * ((i * 3) % 11) as f64)
            .collect::<Vec<_>>();
        let (v, (gl, gx)) = triangle_walk_grad(&l, &x, d, n);
        assert_eq!(v, triangle_walk(&l, &x, d, n));
        assert_fd(
            |p| triangle_walk(p, &x, d, n),
            &l,
            &gl,
            "triangle_walk d/dl",
        );
        assert_fd(
            |p| triangle_walk(&l, p, d, n),
            &x,
            &gx,
            "triangle_walk d/dx",
        );
    }
}

/// Counters stepped by a parameter, conditionally, downwards, and by a per-iteration value;
/// read inside the loop (before and after their steps) and after it.
#[differentiable]
fn counter_steps(x: &[f64], step: usize) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    let mut k = 0;
    let mut m = n - 1;
    let mut w = 0;
    for i in 0..n {
        let t = x[k % n];
        if i % 2 == 0 {
            k += step;
        }
        s = s * 0.5 + (t * x[m]).sin() + x[w % n] * s;
        if m > 0 {
            m -= 1;
        }
        let inc = i + 1;
        w += inc;
        s = s + x[w % n] * x[k % n];
    }
    s + x[k % n] * x[m] + x[w % n]
}

#[test]
fn counters_with_steps_of_every_kind() {
    let x = [0.7, -0.4, 1.1, 0.25, -0.9];
    for step in [0, 1, 2, 3, 7] {
        let (v, g) = counter_steps_grad(&x, step);
        assert_eq!(v, counter_steps(&x, step));
        assert_fd(|p| counter_steps(p, step), &x, &g, "counter_steps");
    }
}

/// A signed counter walking down, stepped at the end of the body (undone first in the
/// reverse), per outer iteration.
#[differentiable]
fn countdown(x: &[f64], n: usize) -> f64 {
    let mut s = 0.2;
    for p in 0..n {
        let mut k: isize = x.len() as isize - 1;
        for _q in 0..x.len() {
            s = (s * x[k as usize]).sin() + x[k as usize] * x[p];
            k -= 1;
        }
    }
    s
}

#[test]
fn counter_walking_down() {
    let x = [0.7, -0.4, 1.1, 0.25];
    for n in 0..=4 {
        let (v, g) = countdown_grad(&x, n);
        assert_eq!(v, countdown(&x, n));
        assert_fd(|p| countdown(p, n), &x, &g, "countdown");
    }
}

/// A counter in a `while` loop stepped in the middle of the body, with reads on both sides
/// of the step and an early `break`.
#[differentiable]
fn counter_in_while(x: &[f64], stop: usize) -> f64 {
    let mut s = 0.3;
    let mut i = 0;
    while i + 1 < x.len() {
        let a = x[i];
        i += 1;
        if i == stop {
            break;
        }
        s = (s * a).cos() + x[i] * s;
    }
    s + x[i]
}

#[test]
fn counter_stepped_mid_body_with_break() {
    let x = [0.4, 1.2, -0.7, 0.9, 0.5, -1.1];
    for stop in 0..8 {
        let (v, g) = counter_in_while_grad(&x, stop);
        assert_eq!(v, counter_in_while(&x, stop));
        assert_fd(|p| counter_in_while(p, stop), &x, &g, "counter_in_while");
    }
}

// ---------------------------------------------------------------------------------------------
// trip counts of nested range loops, recomputed from their bounds when they cannot exit early
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn nested_trip_counts(x: &[f64], n: usize) -> f64 {
    let mut s = 0.1;
    for i in 0..n {
        for j in i..n {
            if j % 3 == 1 {
                continue;
            }
            s = s * 0.9 + x[j] * x[i];
        }
        for j in (0..=i).rev() {
            s = (s + x[j]).sin();
        }
        for j in 0..n {
            if j > i {
                break;
            }
            s = (s * x[j]).cos();
        }
        'outer: for a in 0..2 {
            for b in 0..n {
                if a + b > i + 1 {
                    continue 'outer;
                }
                s = s * 0.95 + (x[b] * s).sin();
            }
        }
    }
    s
}

#[test]
fn nested_loops_with_and_without_early_exits() {
    let x = [0.6, -0.8, 1.3, 0.2, -0.5];
    for n in 0..=5 {
        let (v, g) = nested_trip_counts_grad(&x, n);
        assert_eq!(v, nested_trip_counts(&x, n));
        assert_fd(|p| nested_trip_counts(p, n), &x, &g, "nested_trip_counts");
    }
}
