//! Regressions of issue 12 ("a derivative is correct or the code does not compile"): each test
//! here failed (wrong gradient, a value differing from the primal, a macro panic or a compile
//! error on supported code) before the class of mistake behind it was fixed.

#![allow(clippy::needless_range_loop, dead_code)]

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Array2, Axis, Order, array};
use common::arrays::*;
use common::{assert_close, assert_fd};

// ---------------------------------------------------------------------------------------------
// 1. `fold_axis`: the closure is read as syntax, not searched for "max"/"min" as text.
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn fold_scaled_max(a: &Array2<f64>) -> f64 {
    a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| m.max(v * 2.0))
        .sum()
}

#[differentiable]
fn fold_shifted_min(a: &Array2<f64>, s: f64) -> f64 {
    // The element expression reads a captured variable; the accumulator comes second.
    let r = a.fold_axis(Axis(0), f64::INFINITY, |&acc, &x| (x - s).powi(2).min(acc));
    (&r * &r).sum()
}

#[differentiable]
fn fold_plain_max(a: &Array2<f64>) -> f64 {
    let m = a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| f64::max(m, v));
    m.sum()
}

#[test]
fn fold_axis_closure_of_the_element() {
    let a = array![[1.0, 3.0], [-2.0, -1.0]];
    let (v, g) = fold_scaled_max_grad(&a);
    assert_eq!(v, fold_scaled_max(&a));
    // Closed form: row maxima 2·3 and 2·(-1), each with derivative 2.
    assert_array(&g, &array![[0.0, 2.0], [0.0, 2.0]], "scaled max");
    assert_fd_array(fold_scaled_max, &a, &g, "scaled max fd");

    let a = array![[0.3, 1.7, -0.4], [1.2, 0.2, 2.5]];
    let s = 0.9;
    let (v, (ga, gs)) = fold_shifted_min_grad(&a, s);
    assert_eq!(v, fold_shifted_min(&a, s));
    assert_fd_array(|a| fold_shifted_min(a, s), &a, &ga, "shifted min fd");
    let h = 1e-6;
    let fs = (fold_shifted_min(&a, s + h) - fold_shifted_min(&a, s - h)) / (2.0 * h);
    common::assert_near(gs, fs, "shifted min ds");

    let (v, g) = fold_plain_max_grad(&a);
    assert_eq!(v, fold_plain_max(&a));
    assert_array(&g, &array![[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], "plain max");
}

// ---------------------------------------------------------------------------------------------
// 2. Reshapes: the order argument is part of the op.
// ---------------------------------------------------------------------------------------------

fn weights() -> Array2<f64> {
    array![[1.0, -2.0, 4.0], [10.0, -20.0, 40.0]]
}

#[differentiable]
fn reshape_col_major(x: &Array1<f64>) -> f64 {
    let m = x.to_shape(((2, 3), Order::ColumnMajor)).unwrap();
    let w = weights();
    (&m * &w).sum() * 0.5
}

#[differentiable]
fn reshape_f_owned(x: Array1<f64>) -> f64 {
    let m = x.into_shape_with_order(((2, 3), Order::F)).unwrap();
    let w = weights();
    (&m * &w).sum() * 0.5
}

#[differentiable]
fn reshape_order_variable(x: &Array1<f64>, column: bool) -> f64 {
    let order = if column {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let m = x.to_shape(((2, 3), order)).unwrap();
    let w = weights();
    (&m * &w).sum() * 0.5
}

#[differentiable]
fn reshape_row_major(x: &Array1<f64>) -> f64 {
    let m = x.to_shape((2, 3)).unwrap();
    let w = weights();
    (&m * &w).sum() * 0.5
}

#[differentiable]
fn reshape_matrix_f(x: &Array2<f64>) -> f64 {
    // Column-major from a 2-D array into another 2-D shape, then a nonlinear use.
    let m = x.to_shape(((3, 2), Order::F)).unwrap();
    let w = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
    (&m * &m * &w).sum()
}

#[test]
fn reshapes_in_both_orders() {
    let x = Array1::from(vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    let col = array![0.5, 5.0, -1.0, -10.0, 2.0, 20.0];
    let row = array![0.5, -1.0, 2.0, 5.0, -10.0, 20.0];
    let (v, g) = reshape_col_major_grad(&x);
    assert_eq!(v, reshape_col_major(&x));
    assert_array(&g, &col, "to_shape ColumnMajor");
    assert_fd_array(reshape_col_major, &x, &g, "to_shape ColumnMajor fd");
    let (v, g) = reshape_f_owned_grad(x.clone());
    assert_eq!(v, reshape_f_owned(x.clone()));
    assert_array(&g, &col, "into_shape_with_order F");
    let (_, g) = reshape_order_variable_grad(&x, true);
    assert_array(&g, &col, "order in a variable: column");
    let (_, g) = reshape_order_variable_grad(&x, false);
    assert_array(&g, &row, "order in a variable: row");
    let (_, g) = reshape_row_major_grad(&x);
    assert_array(&g, &row, "default order");

    let x = array![[0.3, -1.1, 0.7], [2.0, 0.4, -0.6]];
    let (v, g) = reshape_matrix_f_grad(&x);
    assert_eq!(v, reshape_matrix_f(&x));
    assert_fd_array(reshape_matrix_f, &x, &g, "2-D to_shape F fd");
}

// ---------------------------------------------------------------------------------------------
// 3. Element reads are not reused across statements that may change the buffer.
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn read_swap_read(x: f64) -> f64 {
    let mut w = vec![1.0, 2.0];
    let a = w[0] * x;
    w.swap(0, 1);
    let b = w[0] * x;
    a + b
}

#[differentiable]
fn read_fill_read(x: f64, y: f64) -> f64 {
    let mut w = vec![1.0, 2.0, 3.0];
    let a = w[1] * x;
    w.fill(4.0);
    let b = w[1] * y;
    w.reverse();
    let c = w[0] * x * y;
    a + b + c
}

#[differentiable]
fn read_sort_read(x: f64) -> f64 {
    let mut w = vec![3.0, 1.0, 2.0];
    let a = w[0] * x;
    w.sort_by(|p, q| p.total_cmp(q));
    let b = w[0] * x * x;
    w.rotate_left(1);
    let c = w[0] * x;
    let src = [7.0, 8.0, 9.0];
    w.copy_from_slice(&src);
    a + b + c + w[0] * x
}

#[test]
fn mutating_methods_between_reads() {
    let (v, g) = read_swap_read_grad(1.0);
    assert_eq!(v, read_swap_read(1.0));
    assert_eq!(v, 3.0);
    assert_eq!(g, 3.0);

    let (v, (gx, gy)) = read_fill_read_grad(1.5, -0.5);
    assert_eq!(v, read_fill_read(1.5, -0.5));
    // a + b + c = 2x + 4y + 4xy
    assert_close(
        &[gx, gy],
        &[2.0 + 4.0 * -0.5, 4.0 + 4.0 * 1.5],
        "fill/reverse",
    );

    let x = 0.7;
    let (v, g) = read_sort_read_grad(x);
    assert_eq!(v, read_sort_read(x));
    // 3x + x² + 2x + 7x
    assert_close(&[g], &[3.0 + 2.0 * x + 2.0 + 7.0], "sort/rotate/copy");
    assert_fd(|p| read_sort_read(p[0]), &[x], &[g], "sort fd");
}

// ---------------------------------------------------------------------------------------------
// 4. Typed closure parameters in iterator chains (the macro panicked).
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn typed_map(x: &[f64]) -> f64 {
    x.iter().map(|v: &f64| v * v).sum()
}

#[differentiable]
fn typed_deref_map(x: &[f64]) -> f64 {
    x.iter().map(|&v: &f64| v.sin() * v).sum::<f64>()
}

#[differentiable]
fn typed_fold(x: &[f64]) -> f64 {
    x.iter().fold(1.0, |acc: f64, &v: &f64| acc * (1.0 + v * v))
}

#[test]
fn typed_closure_parameters() {
    let x = [0.5, -1.25, 2.0];
    let (v, g) = typed_map_grad(&x);
    assert_eq!(v, typed_map(&x));
    assert_close(&g, &[1.0, -2.5, 4.0], "typed map");
    let (v, g) = typed_deref_map_grad(&x);
    assert_eq!(v, typed_deref_map(&x));
    let closed: Vec<f64> = x.iter().map(|v| v.cos() * v + v.sin()).collect();
    assert_close(&g, &closed, "typed deref map");
    let (v, g) = typed_fold_grad(&x);
    assert_eq!(v, typed_fold(&x));
    assert_fd(typed_fold, &x, &g, "typed fold");
}

// ---------------------------------------------------------------------------------------------
// 5. Neighbour reads of an array parameter (the neighbour carry assumed a slice).
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn rosenbrock_array(x: &Array1<f64>) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

#[differentiable]
fn neighbours_vec(x: Vec<f64>) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += x[i] * x[i + 1];
    }
    s
}

#[test]
fn neighbour_reads_of_arrays() {
    let x = array![0.5, -1.0, 1.5, 0.25];
    let (v, g) = rosenbrock_array_grad(&x);
    assert_eq!(v, rosenbrock_array(&x));
    let mut closed = vec![0.0; 4];
    for i in 0..3 {
        let a = x[i + 1] - x[i] * x[i];
        closed[i] += -400.0 * x[i] * a - 2.0 * (1.0 - x[i]);
        closed[i + 1] += 200.0 * a;
    }
    assert_close(g.as_slice().unwrap(), &closed, "rosenbrock over Array1");
    let xs = vec![0.5, -1.0, 1.5, 0.25];
    let (_, g) = neighbours_vec_grad(xs.clone());
    assert_close(&g, &[-1.0, 2.0, -0.75, 1.5], "neighbours over Vec");
}

// ---------------------------------------------------------------------------------------------
// max / min: NaN operands and ties
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn max_of(a: f64, b: f64) -> f64 {
    a.max(b)
}

#[differentiable]
fn min_of(a: f64, b: f64) -> f64 {
    f64::min(a, b)
}

#[test]
fn max_min_against_nan_give_all_to_the_result() {
    // f64::max returns the operand that is not NaN: it gets the whole cotangent.
    let (v, (ga, gb)) = max_of_grad(2.0, f64::NAN);
    assert_eq!(v, 2.0);
    assert_eq!((ga, gb), (1.0, 0.0));
    let (v, (ga, gb)) = max_of_grad(f64::NAN, -3.0);
    assert_eq!(v, -3.0);
    assert_eq!((ga, gb), (0.0, 1.0));
    let (v, (ga, gb)) = min_of_grad(f64::NAN, 5.0);
    assert_eq!(v, 5.0);
    assert_eq!((ga, gb), (0.0, 1.0));
    let (v, (ga, gb)) = min_of_grad(5.0, f64::NAN);
    assert_eq!(v, 5.0);
    assert_eq!((ga, gb), (1.0, 0.0));
}

#[differentiable]
fn fold_max_iter(x: &[f64]) -> f64 {
    x.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

#[differentiable]
fn fold_max_loop(x: &[f64]) -> f64 {
    let mut m = f64::NEG_INFINITY;
    for i in 0..x.len() {
        m = m.max(x[i]);
    }
    m
}

#[differentiable]
fn fold_axis_max_all(a: &Array2<f64>) -> f64 {
    a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| m.max(v))
        .sum()
}

#[test]
fn ties_follow_the_documented_conventions() {
    // Binary max/min split a tie evenly (the central difference's value); a fold is a chain
    // of binary maxima, so three equal values get ¼, ¼, ½ (README, "Conventions").
    let x = [1.0, 1.0, 1.0];
    let (_, g) = fold_max_iter_grad(&x);
    assert_eq!(g, vec![0.25, 0.25, 0.5]);
    let (_, g) = fold_max_loop_grad(&x);
    assert_eq!(g, vec![0.25, 0.25, 0.5]);
    // Array reductions along an axis give each lane's cotangent to its first maximum.
    let a = array![[1.0, 1.0, 1.0]];
    let (_, g) = fold_axis_max_all_grad(&a);
    assert_array(&g, &array![[1.0, 0.0, 0.0]], "fold_axis ties");
}

// ---------------------------------------------------------------------------------------------
// Errors that pointed nowhere, now supported: `matches!` on a length, `to_owned` of a slice,
// a nested-sequence parameter left out of `wrt`.
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn matches_on_len(x: &[f64]) -> f64 {
    if matches!(x.len(), 1 | 2) {
        x[0] * x[0]
    } else {
        x[0] * x[1] * x[2]
    }
}

#[differentiable]
fn owned_copy(x0: &[f64]) -> f64 {
    let mut v = x0.to_owned();
    v[1] *= 3.0;
    let w = x0.to_vec();
    v[0] * v[1] + w[2]
}

#[differentiable(wrt(x))]
fn nested_constant(p: &[[f64; 3]], x: f64) -> f64 {
    p[1][2] * x * x
}

#[test]
fn formerly_rejected_constructs() {
    let (v, g) = matches_on_len_grad(&[1.5, 2.0]);
    assert_eq!(v, 2.25);
    assert_close(&g, &[3.0, 0.0], "matches! short");
    let (_, g) = matches_on_len_grad(&[1.5, 2.0, -1.0]);
    assert_close(&g, &[-2.0, -1.5, 3.0], "matches! long");

    let x = [0.5, -2.0, 4.0];
    let (v, g) = owned_copy_grad(&x);
    assert_eq!(v, owned_copy(&x));
    assert_close(&g, &[-6.0, 1.5, 1.0], "to_owned / to_vec");

    let p = [[0.0; 3], [0.0, 0.0, 2.5]];
    let (v, g) = nested_constant_grad(&p, 2.0);
    assert_eq!(v, 10.0);
    assert_eq!(g, 10.0);
}

// ---------------------------------------------------------------------------------------------
// `slice_move` (the one array method with a rule that no test exercised).
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn slice_moved(a: Array2<f64>) -> f64 {
    let b = a.slice_move(ad_runtime::ndarray::s![1.., ..2]);
    (&b * &b).sum()
}

#[test]
fn slice_move_rule() {
    let a = array![[0.5, -1.0, 2.0], [1.5, 0.25, -3.0], [2.0, -0.5, 1.0]];
    let (v, g) = slice_moved_grad(a.clone());
    assert_eq!(v, slice_moved(a.clone()));
    let closed = array![[0.0, 0.0, 0.0], [3.0, 0.5, 0.0], [4.0, -1.0, 0.0]];
    assert_array(&g, &closed, "slice_move closed form");
    assert_fd_array(|a| slice_moved(a.clone()), &a, &g, "slice_move fd");
}

// ---------------------------------------------------------------------------------------------
// Constant buffers changed by methods after reads the reverse sweep needs (found by the random
// program generator): the reads are stored, never re-read from the changed buffer.
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn swap_in_loop(a: f64) -> f64 {
    let mut w: Vec<f64> = vec![1.0, 2.0];
    let mut y = a;
    for _ in 0..2 {
        y = w[0] * y.sin();
        w.swap(0, 1);
    }
    y
}

#[differentiable]
fn swap_after_loop(a: f64) -> f64 {
    let w0: Vec<f64> = vec![1.0, 2.0];
    let mut w = w0.clone();
    let mut y = a;
    for _ in 0..2 {
        y = w[1] * y.sin();
    }
    w.swap(0, 1);
    y * w[1]
}

#[differentiable]
fn fold_then_fill(a: f64) -> f64 {
    let mut w: Vec<f64> = vec![0.5, 1.5, -0.7];
    let p = w.iter().fold(1.0, |acc: f64, &v: &f64| acc * (v * a).sin());
    w.fill(0.5);
    p + w[0] * a
}

#[differentiable]
fn return_then_swap(a: f64, n: usize) -> f64 {
    if n == 3 {
        return a;
    }
    let mut w: Vec<f64> = vec![1.0, 2.0];
    let y = w[0] * a.sin();
    w.swap(0, 1);
    y * w[0]
}

#[test]
fn buffers_changed_by_methods_after_reads() {
    for a in [0.7, -0.3, 1.9] {
        let cases: [(&str, fn(f64) -> f64, fn(f64) -> (f64, f64)); 3] = [
            ("swap_in_loop", swap_in_loop, swap_in_loop_grad),
            ("swap_after_loop", swap_after_loop, swap_after_loop_grad),
            ("fold_then_fill", fold_then_fill, fold_then_fill_grad),
        ];
        for (what, f, g) in cases {
            let (v, d) = g(a);
            assert_eq!(v, f(a), "{what}: value");
            assert_fd(|p| f(p[0]), &[a], &[d], what);
        }
        let (v, d) = return_then_swap_grad(a, 1);
        assert_eq!(v, return_then_swap(a, 1));
        assert_close(&[d], &[2.0 * a.cos()], "return_then_swap");
    }
}

#[differentiable]
fn method_in_fused_loop(b: f64) -> f64 {
    // The loop's reverse is fused into its forward sweep; the statements after it must not be
    // moved before it: `reverse()` changes `w` in the loop.
    let mut p: f64 = 0.46;
    let mut w: [f64; 5] = [1.4, 0.3, 1.11, -1.83, -0.38];
    for _ in 0..2 {
        p += w[0] * b;
        w.reverse();
    }
    w.swap(0, 2);
    p += w[3] * b;
    p
}

#[test]
fn methods_change_what_fusion_may_reorder() {
    let (v, g) = method_in_fused_loop_grad(1.35);
    assert_eq!(v, method_in_fused_loop(1.35));
    assert_close(&[g], &[1.4 - 0.38 - 1.83], "fused loop with reverse()");
}

// An owned array parameter kept for the reverse sweep is borrowed in arithmetic, and so is
// an array on the other side (`&A * B` exists in ndarray only for an owned `B`, not a view).
#[differentiable]
fn owned_times_view(b: &Array2<f64>, c: Array2<f64>, s: f64) -> f64 {
    let _t = c * b.t();
    s * s
}

#[differentiable]
fn owned_times_view_used(b: &Array2<f64>, c: Array2<f64>) -> f64 {
    let t = &c * &b.t();
    let u = c * b.t();
    (&t * &u).sum()
}

#[test]
fn owned_parameter_times_a_view() {
    let b = array![[1.0, 2.0], [3.0, 4.0]];
    let c = array![[0.5, -1.0], [2.0, 0.25]];
    let (v, (gb, gc, gs)) = owned_times_view_grad(&b, c.clone(), 1.5);
    assert_eq!(v, 2.25);
    assert_eq!(gs, 3.0);
    assert!(gb.iter().chain(gc.iter()).all(|g| *g == 0.0));
    let (v, (gb, gc)) = owned_times_view_used_grad(&b, c.clone());
    assert_eq!(v, owned_times_view_used(&b, c.clone()));
    assert_fd_array(|b| owned_times_view_used(b, c.clone()), &b, &gb, "b");
    assert_fd_array(|c| owned_times_view_used(&b, c.clone()), &c, &gc, "c");
}

// A negative literal as a method receiver, in array expressions (the generator excluded it).
#[differentiable]
fn negative_literal_receivers(a: &Array1<f64>) -> f64 {
    let c = (-0.7_f64).exp();
    (a * (-0.5_f64).exp()).sum() + (a * c).sum() + (-1.2_f64).sin() * a.sum()
}

#[test]
fn negative_literal_receivers_keep_their_sign() {
    let a = array![1.0, 2.0];
    let (v, g) = negative_literal_receivers_grad(&a);
    assert_eq!(v, negative_literal_receivers(&a));
    let k = (-0.5_f64).exp() + (-0.7_f64).exp() + (-1.2_f64).sin();
    assert_array(&g, &array![k, k], "closed form");
}

// ---------------------------------------------------------------------------------------------
// The same constructs in forward mode: `f_jvp` equals the gradient's dot product with the
// tangent (the gradients themselves are checked above).
// ---------------------------------------------------------------------------------------------

#[test]
fn forward_mode_agrees_on_the_new_constructs() {
    let close = |t: f64, want: f64, what: &str| assert_close(&[t], &[want], what);
    // Methods on constant buffers between reads.
    let (v, t) = read_swap_read_jvp(1.3, 0.5);
    assert_eq!(v, read_swap_read(1.3));
    close(t, read_swap_read_grad(1.3).1 * 0.5, "swap");
    let (v, t) = read_fill_read_jvp(1.5, -0.5, 1.0, 2.0);
    assert_eq!(v, read_fill_read(1.5, -0.5));
    let (_, (gx, gy)) = read_fill_read_grad(1.5, -0.5);
    close(t, gx + 2.0 * gy, "fill/reverse");
    let (_, t) = read_sort_read_jvp(0.7, -1.0);
    close(t, -read_sort_read_grad(0.7).1, "sort/rotate/copy");
    close(
        swap_in_loop_jvp(0.7, 1.0).1,
        swap_in_loop_grad(0.7).1,
        "swap in loop",
    );
    close(
        swap_after_loop_jvp(0.7, 1.0).1,
        swap_after_loop_grad(0.7).1,
        "swap after loop",
    );
    close(
        fold_then_fill_jvp(0.7, 1.0).1,
        fold_then_fill_grad(0.7).1,
        "fold then fill",
    );
    close(
        return_then_swap_jvp(0.7, 1, 1.0).1,
        return_then_swap_grad(0.7, 1).1,
        "return then swap",
    );
    close(
        method_in_fused_loop_jvp(1.35, 1.0).1,
        method_in_fused_loop_grad(1.35).1,
        "method in fused loop",
    );
    // Typed closures, neighbour reads of a Vec, matches!, to_vec.
    let x = [0.5, -1.25, 2.0];
    let d = [1.0, 0.5, -0.25];
    let dot = |g: &[f64]| g.iter().zip(d).map(|(a, b)| a * b).sum::<f64>();
    close(
        typed_map_jvp(&x, &d).1,
        dot(&typed_map_grad(&x).1),
        "typed map",
    );
    close(
        typed_deref_map_jvp(&x, &d).1,
        dot(&typed_deref_map_grad(&x).1),
        "typed deref map",
    );
    close(
        typed_fold_jvp(&x, &d).1,
        dot(&typed_fold_grad(&x).1),
        "typed fold",
    );
    close(
        neighbours_vec_jvp(x.to_vec(), d.to_vec()).1,
        dot(&neighbours_vec_grad(x.to_vec()).1),
        "neighbours",
    );
    close(
        matches_on_len_jvp(&x, &d).1,
        dot(&matches_on_len_grad(&x).1),
        "matches!",
    );
    close(
        owned_copy_jvp(&x, &d).1,
        dot(&owned_copy_grad(&x).1),
        "to_owned / to_vec",
    );
    // NaN operands of max/min: the tangent of the returned operand.
    assert_eq!(max_of_jvp(2.0, f64::NAN, 3.0, 5.0).1, 3.0);
    assert_eq!(min_of_jvp(f64::NAN, 5.0, 3.0, 7.0).1, 7.0);
}

#[differentiable]
fn quotient(x: f64, y: f64) -> f64 {
    x / y
}

#[differentiable]
fn angle(y: f64, x: f64) -> f64 {
    y.atan2(x)
}

#[differentiable]
fn array_quotient(
    x: &ad_runtime::ndarray::Array1<f64>,
    y: &ad_runtime::ndarray::Array1<f64>,
) -> f64 {
    (x / y).sum()
}

/// `x / y` and `atan2` where `y²` (or `x² + y²`) is out of range but the derivative is not
/// (found by a test of numeric edge cases): the derivatives are computed without squaring.
#[test]
fn quotient_and_angle_at_extreme_magnitudes() {
    for s in [1e-200, 1e-160, 1e200, 1e150] {
        let (x, y) = (0.5 * s, 2.0 * s);
        let (_, (gx, gy)) = quotient_grad(x, y);
        let (ex, ey) = (1.0 / y, -(x / y) / y);
        assert!(
            (gx - ex).abs() <= 1e-15 * ex.abs(),
            "d/dx at {s:e}: {gx:e} vs {ex:e}"
        );
        assert!(
            (gy - ey).abs() <= 1e-15 * ey.abs(),
            "d/dy at {s:e}: {gy:e} vs {ey:e}"
        );
        let (_, t) = quotient_jvp(x, y, 0.0, 1.0);
        assert!((t - ey).abs() <= 1e-15 * ey.abs(), "jvp at {s:e}");
        let (_, g2, hv) = quotient_hvp(x, y, 0.0, 1.0);
        assert_eq!(g2, (gx, gy), "hvp's gradient at {s:e}");
        // d²/dx dy (x/y) = -1/y², d²/dy² = 2x/y³ (out of range themselves at 1e-200: then
        // the same infinity).
        let same = |a: f64, e: f64| {
            if e.is_finite() {
                (a - e).abs() <= 1e-14 * e.abs()
            } else {
                a == e
            }
        };
        let (ehx, ehy) = (-(1.0 / y) / y, 2.0 * (x / y) / y / y);
        assert!(
            same(hv.0, ehx) && same(hv.1, ehy),
            "H v at {s:e}: {hv:?} vs ({ehx:e}, {ehy:e})"
        );
        let (_, (ga, gb)) = angle_grad(x, y);
        let h = x.hypot(y);
        let (ea, eb) = ((y / h) / h, -(x / h) / h);
        assert!(
            (ga - ea).abs() <= 1e-15 * ea.abs() && (gb - eb).abs() <= 1e-15 * eb.abs(),
            "atan2 at {s:e}: {ga:e} {gb:e}"
        );
        let (_, t) = angle_jvp(x, y, 1.0, 0.0);
        assert!((t - ea).abs() <= 1e-15 * ea.abs(), "atan2 jvp at {s:e}");
        let (_, g2, _) = angle_hvp(x, y, 1.0, 0.0);
        assert!(
            (g2.0 - ea).abs() <= 1e-15 * ea.abs(),
            "atan2 hvp's gradient at {s:e}"
        );
        let xs = ad_runtime::ndarray::arr1(&[x, 3.0 * s]);
        let ys = ad_runtime::ndarray::arr1(&[y, 0.5 * s]);
        let (_, (_, gys)) = array_quotient_grad(&xs, &ys);
        for k in 0..2 {
            let e = -(xs[k] / ys[k]) / ys[k];
            assert!((gys[k] - e).abs() <= 1e-15 * e.abs(), "array d/dy at {s:e}");
        }
    }
}

/// A value that overflows (`exp` of a square that grew past 709) and is then not used: its
/// cotangent is zero, and `0 · ∞` must not make the gradient NaN (found by the tensor
/// generator, `f178` of seed 3351).
#[differentiable]
fn overflow_unused(x: f64) -> f64 {
    let mut t = x;
    let mut s = 0.0;
    for _ in 0..4 {
        s += t.exp() * 0.1;
        t = t * 0.8 - (t.powi(2).exp() + 1.0);
    }
    s
}

#[test]
fn zero_cotangent_through_an_overflowed_slope() {
    for x in [0.3, 0.5] {
        let (v, g) = overflow_unused_grad(x);
        assert_eq!(v, overflow_unused(x));
        assert!(g.is_finite(), "gradient at {x}: {g}");
        assert_fd(|p| overflow_unused(p[0]), &[x], &[g], "overflow, unused");
    }
}

// Hunt 4 (H4-5, H4-6): an infinite quotient is locally constant, so its slope in the divisor
// is zero, in every mode; it was NaN (`0 · ∞` in reverse mode for an inline constant, which
// took the array rule without the zero guard; `∞ · 0` of `exp`'s zero slope in forward mode
// and second order). `f(g) = exp(-∞ / g) + g = g`.
#[differentiable]
fn inf_over_named(g: f64) -> f64 {
    let inf: f64 = f64::INFINITY;
    (-inf / g).exp() + g
}

#[differentiable]
fn inf_over_inline(g: f64) -> f64 {
    (f64::NEG_INFINITY / g).exp() + g
}

#[differentiable]
fn overflowed_quotient(g: f64) -> f64 {
    (-1e308 / (g * 1e-10)).exp() + g * g
}

/// A buffer filled with a float constant named by its path (H4-4: the second-order code
/// did not lift it, so nothing compiled).
#[differentiable]
fn inf_filled(x: &[f64]) -> f64 {
    let mut r = vec![f64::INFINITY; 2];
    let a = [f64::MAX; 2];
    r[1] = x[0] * x[1];
    r[0].min(r[1]) + a[0].min(x[0])
}

#[test]
fn infinite_quotients_have_zero_slope_in_every_mode() {
    for (f, grad, jvp, hvp, want) in [
        (
            inf_over_named as fn(f64) -> f64,
            inf_over_named_grad as fn(f64) -> (f64, f64),
            inf_over_named_jvp as fn(f64, f64) -> (f64, f64),
            inf_over_named_hvp as fn(f64, f64) -> (f64, f64, f64),
            (1.0, 0.0),
        ),
        (
            inf_over_inline,
            inf_over_inline_grad,
            inf_over_inline_jvp,
            inf_over_inline_hvp,
            (1.0, 0.0),
        ),
        (
            overflowed_quotient,
            overflowed_quotient_grad,
            overflowed_quotient_jvp,
            overflowed_quotient_hvp,
            (1.4, 2.0),
        ),
    ] {
        let g = 0.7;
        let (v, d) = grad(g);
        assert_eq!(v, f(g));
        assert_eq!(d, want.0, "gradient");
        assert_eq!(jvp(g, 1.0), (v, want.0), "jvp");
        let (_, d2, h) = hvp(g, 1.0);
        assert_eq!((d2, h), want, "hvp");
        // Central differences agree.
        let e = 1e-6;
        assert!(((f(g + e) - f(g - e)) / (2.0 * e) - want.0).abs() < 1e-6);
    }
    let x = [0.6, -1.5];
    let (v, g) = inf_filled_grad(&x);
    assert_eq!(v, inf_filled(&x));
    assert_eq!(g, vec![-1.5 + 1.0, 0.6]);
    let (_, _, h) = inf_filled_hvp(&x, &[1.0, 0.0]);
    assert_eq!(h, vec![0.0, 1.0]);
}

// Scalar seed 3181 (`r116`): in second order of an `f32` function, a comparison of a constant
// buffer's element with an unsuffixed literal lifted the literal to `Dual<f64>` (nothing
// compiled).
#[differentiable]
fn f32_compare_constant(x: Vec<f32>) -> f32 {
    let w: Vec<f32> = vec![1.75, -1.79, 1.15, 0.94];
    let y = if w[2] >= 0.5 { x[1] * w[2] } else { w[2] };
    y * x[0]
}

#[test]
fn f32_comparison_with_a_literal_in_second_order() {
    let x = vec![0.5f32, 2.0];
    let (v, g) = f32_compare_constant_grad(x.clone());
    assert_eq!(v, 2.0 * 1.15 * 0.5);
    assert_eq!(g, vec![2.0 * 1.15, 1.15 * 0.5]);
    let (_, _, h) = f32_compare_constant_hvp(x, vec![1.0, 0.0]);
    assert_eq!(h, vec![0.0, 1.15]);
}

// ---- hunt 24: values of constants assigned to differentiated sequences ----------------------

/// `[0.1, 0.2, x0 x1]`: `v` is differentiated, then given a value of constants.
#[differentiable]
fn h24_reassign_vec(x: &[f64]) -> Vec<f64> {
    let mut v = x.to_vec();
    v = vec![0.1, 0.2];
    v.push(x[0] * x[1]);
    v
}

/// `w0 w1 + x2` with `w` constant on one branch.
#[differentiable]
fn h24_branch_constant(x: &[f64]) -> f64 {
    let w = if x[0] > 0.0 {
        vec![1.0, 2.0]
    } else {
        x.to_vec()
    };
    w[0] * w[1] + x[2]
}

#[test]
fn h2401_forward_mode_zero_tangent_of_a_constant_sequence() {
    // Forward mode gave the reassigned `Vec` an empty tangent: a tangent one element long
    // (`[-0.3]`), a Jacobian with that column broadcast over every row, and index panics.
    let x = [0.5, -0.3];
    let (y, t) = h24_reassign_vec_jvp(&x, &[1.0, 0.0]);
    assert_eq!(y, vec![0.1, 0.2, -0.15]);
    assert_eq!(t, vec![0.0, 0.0, x[1]]);
    let (_, j) = h24_reassign_vec_jacobian(&x);
    assert_eq!(j, array![[0.0, 0.0], [0.0, 0.0], [x[1], x[0]]]);
    let x = [0.5, -0.3, 1.2];
    let (_, t) = h24_branch_constant_jvp(&x, &[1.0, 1.0, 1.0]);
    assert_eq!(t, 1.0);
}

/// `k²`: `v` is overwritten before it is read.
#[differentiable]
fn h24_overwritten(mut v: Vec<f64>, k: f64) -> f64 {
    v = vec![k, k];
    v[0] * v[1]
}

/// `2 k²`: an array parameter overwritten by one of another shape.
#[differentiable]
fn h24_overwritten_array(mut a: Array1<f64>, k: f64) -> f64 {
    a = Array1::from_vec(vec![k, k]);
    a.sum() * k
}

#[test]
fn h2402_overwritten_parameters_keep_their_gradient_shape() {
    // The gradient of an overwritten by-value parameter came back empty (or shaped like the
    // new value), so `f_hessian` and `f_jacobian` put the other parameters' entries in its
    // columns.
    let (v, k) = (vec![1.5, 0.2, 0.3], 0.7);
    let (_, (gv, gk)) = h24_overwritten_grad(v.clone(), k);
    assert_eq!((gv, gk), (vec![0.0; 3], 2.0 * k));
    let (_, _, h) = h24_overwritten_hessian(v.clone(), k);
    let mut want = Array2::zeros((4, 4));
    want[[3, 3]] = 2.0;
    assert_eq!(h, want);
    let (_, j) = h24_overwritten_jacobian(v, k);
    assert_eq!(j, array![[0.0, 0.0, 0.0, 2.0 * k]]);
    let a = Array1::from(vec![1.0, 2.0, 3.0]);
    let (_, (ga, gk)) = h24_overwritten_array_grad(a.clone(), k);
    assert_eq!(ga, Array1::zeros(3));
    assert_close(&[gk], &[4.0 * k], "d/dk");
    let (_, _, h) = h24_overwritten_array_hessian(a, k);
    let mut want = Array2::zeros((4, 4));
    want[[3, 3]] = 4.0;
    assert_eq!(h, want);
}

// ---- a `match` arm's whole-scrutinee binding stays in its arm --------------------------------

/// `k` of the first arm binds the scrutinee; the second arm's `k` is the outer `k = 2`.
#[differentiable]
fn arm_binding_shadows(x: f64) -> f64 {
    let k = 2.0;
    match x * 3.0 {
        k if k > 5.0 => k * x,
        _ => k * x,
    }
}

/// `v @ -1.0..=0.5`: the scrutinee bound and tested against a range.
#[differentiable]
fn bound_range_arm(x: f64, y: f64) -> f64 {
    match x * y {
        v if v < -1.0 => v * 2.0,
        v @ -1.0..=0.5 => v.sin() * x,
        v => v * v,
    }
}

#[test]
fn h2403_arm_bindings_do_not_leak_into_later_arms() {
    // The binding was lowered in a scope that also held the later arms: `_ => k * x` read the
    // scrutinee (3x) instead of the outer `k`, in every derivative mode (value 3, gradient 6
    // where f = 2x).
    assert_eq!(arm_binding_shadows(1.0), 2.0);
    assert_eq!(arm_binding_shadows_grad(1.0), (2.0, 2.0));
    assert_eq!(arm_binding_shadows_jvp(1.0, 1.0), (2.0, 2.0));
    assert_eq!(arm_binding_shadows_grad(2.0), (12.0, 12.0)); // 3x · x
    for (x, y) in [(0.5, 0.4), (2.0, -1.0), (1.0, 3.0)] {
        let (v, (gx, gy)) = bound_range_arm_grad(x, y);
        assert_eq!(v, bound_range_arm(x, y));
        assert_fd(
            |p| bound_range_arm(p[0], p[1]),
            &[x, y],
            &[gx, gy],
            "bound range arm",
        );
        let (_, t) = bound_range_arm_jvp(x, y, 1.0, -1.0);
        assert_close(&[t], &[gx - gy], "jvp");
    }
}

// ---- hunt 25: closure parameters of iterator chains and `mapv` closures stay theirs ---------

#[differentiable]
fn h25_map_map(xs: &[f64], y: f64) -> f64 {
    xs.iter().map(|&y| y * y).map(|v| v + y).sum()
}

#[differentiable]
fn h25_for_over_map(xs: &[f64], y: f64) -> f64 {
    let mut s = 0.0;
    for v in xs.iter().map(|y| y * 3.0) {
        s += v * y;
    }
    s
}

#[differentiable]
fn h25_zip_map_fold(xs: &[f64], a: f64) -> f64 {
    xs.iter()
        .zip(xs.iter().skip(1))
        .map(|(a, b)| a * b)
        .fold(0.0, |s, c| s + c * a)
}

#[differentiable]
fn h25_enum_map_map(xs: &[f64], y: f64) -> f64 {
    let i = 1usize;
    xs.iter()
        .enumerate()
        .map(|(i, v)| v * i as f64)
        .map(|w| w * xs[i] + y)
        .sum()
}

const H25_W: [f64; 3] = [0.5, -1.25, 2.0];

/// A loop variable of a `mapv` closure named like an outer variable.
#[differentiable]
fn h25_mapv_loop_var(a: &Array1<f64>) -> f64 {
    let k = 0usize;
    a.mapv(|x| {
        let mut s = 0.0;
        for k in 0..3 {
            s += H25_W[k] * x;
        }
        s
    })
    .sum()
        + H25_W[k]
}

#[test]
fn h2501_chain_and_closure_bindings_do_not_leak() {
    // A `map` closure's parameter was bound in the loop body the chain stands for, so the
    // stages after it (and a `for` body, a `fold` closure) read it instead of the outer
    // variable of that name; a `mapv` closure's element reads were moved before the map
    // with a loop variable of the closure resolved outside it. Wrong values in every mode.
    let xs = [1.0, 2.0];
    assert_eq!(h25_map_map_grad(&xs, 10.0), (25.0, (vec![2.0, 4.0], 2.0)));
    assert_eq!(
        h25_for_over_map_grad(&xs, 10.0),
        (90.0, (vec![30.0, 30.0], 9.0))
    );
    let xs = [1.0, 2.0, 3.0];
    assert_eq!(
        h25_zip_map_fold_grad(&xs, 10.0),
        (80.0, (vec![20.0, 40.0, 20.0], 8.0))
    );
    let (v, (gx, gy)) = h25_enum_map_map_grad(&xs, 10.0);
    assert_eq!(v, h25_enum_map_map(&xs, 10.0));
    assert_eq!(v, 46.0);
    // Σ i xᵢ x₁ + 3y: ∂/∂x = (x₁·0, 0·x₀ + 1·x₁ + Σ i xᵢ, 2 x₁), ∂/∂y = 3.
    assert_eq!((gx, gy), (vec![0.0, 2.0 + 8.0, 4.0], 3.0));
    let a = Array1::from(vec![1.0, 2.0]);
    let (v, g) = h25_mapv_loop_var_grad(&a);
    assert_eq!(v, h25_mapv_loop_var(&a));
    assert_eq!((v, g.to_vec()), (4.25, vec![1.25, 1.25]));
    assert_eq!(
        h25_mapv_loop_var_jvp(&a, &Array1::from(vec![1.0, 1.0])).1,
        2.5
    );
}

// ---- hunt 26: desugared chains and searches run as Rust runs them ---------------------------

/// A `map` pattern named like an outer variable the `fold` closure reads.
#[differentiable]
fn h26_map_fold(x: &[f64]) -> f64 {
    let s = x[0] * 2.0;
    x.iter().map(|&s| s * s).fold(0.0, |acc, v| acc + v * s)
}

/// A `move` closure keeps the value it captured while the loop changes the variable.
#[differentiable]
fn h26_move_map(x: &[f64]) -> f64 {
    let mut s = x[0];
    for v in x.iter().map(move |&a| a * s).skip(1) {
        s += v;
    }
    s
}

/// `any` and `all` stop running their predicates once the answer is known.
#[differentiable]
fn h26_searches(x: &[f64]) -> f64 {
    let mut n = 0usize;
    let big = x.iter().any(|&v| {
        n += 1;
        v > 1.0
    });
    let mut s = 0.0;
    let small = x.iter().all(|&v| {
        s += v * v;
        v < 1.0
    });
    let k = if big { 2.0 } else { 1.0 };
    x[0] * (n as f64) * k + if small { s } else { s * 2.0 }
}

/// `take(n)` never runs the stages before it on the element past its count (a neighbour
/// product would read past the end).
#[differentiable]
fn h26_take(x: &[f64]) -> f64 {
    let mut c = 0.0;
    let s: f64 = x
        .iter()
        .map(|&v| {
            c += 1.0;
            v * v
        })
        .take(2)
        .sum();
    let p: f64 = x
        .iter()
        .enumerate()
        .map(|(i, &v)| v * x[i + 1])
        .take(x.len() - 1)
        .sum();
    s * c + p
}

/// A loop's source that is not a variable is evaluated once, where the loop starts.
#[differentiable]
fn h26_source_once(x: &[f64]) -> f64 {
    let mut a = 0;
    let mut s = 0.0;
    for &v in x[a..].to_vec().iter().skip(0) {
        s += v * (a as f64 + 1.0);
        a += 1;
    }
    s
}

#[test]
fn h2601_desugared_chains_keep_rust_semantics() {
    // Each computed another value than the function in every mode (a panic for the last two
    // at some inputs): the map's binding read by the fold, `move` ignored, predicates run
    // after the answer was known, `take` pulling one element too many, a source re-evaluated.
    let x = [0.7, 1.3, -0.4, 2.1, 0.9];
    let fs: [(&str, fn(&[f64]) -> f64, fn(&[f64]) -> (f64, Vec<f64>)); 5] = [
        ("map fold", h26_map_fold, h26_map_fold_grad),
        ("move map", h26_move_map, h26_move_map_grad),
        ("searches", h26_searches, h26_searches_grad),
        ("take", h26_take, h26_take_grad),
        ("source once", h26_source_once, h26_source_once_grad),
    ];
    for (name, f, g) in fs {
        let (v, grad) = g(&x);
        assert_eq!(v, f(&x), "{name}: value");
        assert_fd(f, &x, &grad, name);
    }
    assert_close(
        &[h26_map_fold(&x)],
        &[2.0 * x[0] * x.iter().map(|v| v * v).sum::<f64>()],
        "closed form",
    );
}
