//! Hunt 10: ndarray models and generic code (worked), and three silent wrong results, fixed:
//! operands evaluated out of Rust's left-to-right order when a later operand assigns a
//! variable an earlier one reads (`a + { a = 3.0 * a; a }`, a tuple, a receiver and its
//! arguments, call arguments, an index that assigns); the do-while idiom `while { body; cond }
//! {}`, whose condition block's assignments the reverse sweep ignored; and `powf` with a
//! constant exponent at a negative base, NaN through dual numbers (0 · ln x). Each checked in
//! every mode by the harness, with closed forms.

use crate::harness::*;
use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Array2};

#[differentiable]
fn helper2(p: f64, q: f64) -> f64 {
    p * q.sin()
}

/// `a + { a = 3a; a } y + a` = x + 3xy + 3x.
#[differentiable]
fn ord_block(x: f64, y: f64) -> f64 {
    let mut a = x;
    let r = a + {
        a = a * 3.0;
        a
    } * y;
    r + a
}

/// A tuple whose second element assigns what the first reads.
#[differentiable]
fn ord_tuple(x: f64, y: f64) -> f64 {
    let mut a = x;
    let t = (
        a,
        {
            a = a * y;
            a
        },
        a + 1.0,
    );
    t.0 * t.1 + t.2
}

/// A receiver read before its argument assigns it: `x^(x + y) + (x + y)`.
#[differentiable]
fn ord_recv(x: f64, y: f64) -> f64 {
    let mut a = x;
    let r = a.powf({
        a = a + y;
        a
    });
    r + a
}

/// Call arguments in order: `helper2(xy, xy + 1) (xy + 1)`.
#[differentiable]
fn ord_call_args(x: f64, y: f64) -> f64 {
    let mut a = x;
    let r = helper2(
        {
            a *= y;
            a
        },
        {
            a += 1.0;
            a
        },
    );
    r * a
}

/// The assigned value before the place: `v[1] = 3x` (the index block runs after the value).
#[differentiable]
fn ord_index(x: f64, y: f64) -> f64 {
    let mut v = vec![x, y, x * y];
    let mut i = 0;
    v[{
        i += 1;
        i
    }] = v[i] * 2.0 + v[0];
    v[1] * v[2] + i as f64
}

/// Both operands assign (`{ b += a; b } * { a *= b; a } - { b -= a; b }`).
#[differentiable]
fn ord_binop_mut(x: f64, y: f64) -> f64 {
    let mut a = x;
    let mut b = y;
    let r = {
        b += a;
        b
    } * {
        a *= b;
        a
    } - {
        b -= a;
        b
    };
    r + a * b
}

#[test]
fn h1001_operands_left_to_right() {
    for (name, f, g, j, h, c) in [
        (
            "ord_block",
            ord_block as fn(f64, f64) -> f64,
            ord_block_grad as fn(f64, f64) -> (f64, (f64, f64)),
            ord_block_jvp as fn(f64, f64, f64, f64) -> (f64, f64),
            ord_block_hvp as fn(f64, f64, f64, f64) -> (f64, (f64, f64), (f64, f64)),
            ord_block_check as fn(f64, f64) -> Result<(), ad_runtime::check::Mismatch>,
        ),
        (
            "ord_tuple",
            ord_tuple,
            ord_tuple_grad,
            ord_tuple_jvp,
            ord_tuple_hvp,
            ord_tuple_check,
        ),
        (
            "ord_recv",
            ord_recv,
            ord_recv_grad,
            ord_recv_jvp,
            ord_recv_hvp,
            ord_recv_check,
        ),
        (
            "ord_call_args",
            ord_call_args,
            ord_call_args_grad,
            ord_call_args_jvp,
            ord_call_args_hvp,
            ord_call_args_check,
        ),
        (
            "ord_index",
            ord_index,
            ord_index_grad,
            ord_index_jvp,
            ord_index_hvp,
            ord_index_check,
        ),
        (
            "ord_binop_mut",
            ord_binop_mut,
            ord_binop_mut_grad,
            ord_binop_mut_jvp,
            ord_binop_mut_hvp,
            ord_binop_mut_check,
        ),
    ] {
        let p = [0.7, 0.4];
        verify(
            name,
            &p,
            &|q| f(q[0], q[1]),
            &|q| {
                let (v, (a, b)) = g(q[0], q[1]);
                (v, vec![a, b])
            },
            &|q, t| j(q[0], q[1], t[0], t[1]),
            Some(&|q, t| {
                let (v, (a, b), (c, d)) = h(q[0], q[1], t[0], t[1]);
                (v, vec![a, b], vec![c, d])
            }),
            Some(c(p[0], p[1])),
        );
    }
    let (x, y) = (0.7_f64, 0.4_f64);
    assert!(scal_close(
        ord_block(x, y),
        x + 3.0 * x * y + 3.0 * x,
        1e-14,
        1.0
    ));
    let (_, (dx, dy)) = ord_block_grad(x, y);
    assert!(scal_close(dx, 4.0 + 3.0 * y, 1e-14, 1.0));
    assert!(scal_close(dy, 3.0 * x, 1e-14, 1.0));
    assert!(scal_close(
        ord_index(x, y),
        3.0 * x * x * y + 1.0,
        1e-14,
        1.0
    ));
    let (_, (ix, iy)) = ord_index_grad(x, y);
    assert!(scal_close(ix, 6.0 * x * y, 1e-14, 1.0));
    assert!(scal_close(iy, 3.0 * x * x, 1e-14, 1.0));
}

/// `while { s = s x; i += 1; i < 3 } {}`: x³.
#[differentiable]
fn do_while(x: f64) -> f64 {
    let mut s = 1.0;
    let mut i = 0;
    while {
        s = s * x;
        i += 1;
        i < 3
    } {}
    s
}

/// Newton's square root as a do-while.
#[differentiable]
fn do_while_newton(a: f64) -> f64 {
    let mut r = a;
    let mut it = 0;
    while {
        r = 0.5 * (r + a / r);
        it += 1;
        it < 6
    } {}
    r
}

/// A condition block that assigns, followed by a body.
#[differentiable]
fn while_cond_and_body(x: f64) -> f64 {
    let mut s = x;
    let mut n = 0;
    while {
        s = s.sin() + x;
        n += 1;
        n
    } < 3
    {
        s *= 1.1;
    }
    s
}

/// Gradient descent on arrays as a do-while.
#[differentiable(wrt(w0))]
fn do_while_gd(w0: &Array1<f64>, x: &Array2<f64>) -> f64 {
    let mut w = w0.clone();
    let mut k = 0;
    while {
        let g = x.t().dot(&x.dot(&w)) * 0.1;
        w = &w - &g;
        k += 1;
        k < 3
    } {}
    w.dot(&w)
}

#[test]
fn h1002_do_while() {
    let x = 0.7;
    scalar_n_case(
        "do_while",
        x,
        &do_while,
        &do_while_grad,
        &do_while_jvp,
        &do_while_hvp,
        do_while_check(x),
    );
    let (_, d) = do_while_grad(x);
    let (_, _, h) = do_while_hvp(x, 1.0);
    assert!(scal_close(d, 3.0 * x * x, 1e-14, 1.0));
    assert!(scal_close(h, 6.0 * x, 1e-14, 1.0));
    scalar_n_case(
        "do_while_newton",
        2.0,
        &do_while_newton,
        &do_while_newton_grad,
        &do_while_newton_jvp,
        &do_while_newton_hvp,
        do_while_newton_check(2.0),
    );
    let (_, d) = do_while_newton_grad(2.0);
    assert!(scal_close(d, 1.0 / (2.0 * 2f64.sqrt()), 1e-9, 1.0), "{d}");
    scalar_n_case(
        "while_cond_and_body",
        x,
        &while_cond_and_body,
        &while_cond_and_body_grad,
        &while_cond_and_body_jvp,
        &while_cond_and_body_hvp,
        while_cond_and_body_check(x),
    );
    let xm = Array2::from_shape_vec((2, 2), vec![1.0, 0.5, -0.3, 0.8]).unwrap();
    verify(
        "do_while_gd",
        &[0.4, -0.7],
        &|p| do_while_gd(&arr1(p), &xm),
        &|p| {
            let (v, g) = do_while_gd_grad(&arr1(p), &xm);
            (v, g.to_vec())
        },
        &|p, t| do_while_gd_jvp(&arr1(p), &xm, &arr1(t)),
        Some(&|p, t| {
            let (v, g, h) = do_while_gd_hvp(&arr1(p), &xm, &arr1(t));
            (v, g.to_vec(), h.to_vec())
        }),
        None,
    );
}

/// `powf` with a constant exponent at negative bases: a scalar, `mapv` of a closure, an array.
#[differentiable]
fn powf_scalar(x: f64) -> f64 {
    x.powf(3.0) + x.powf(2.0)
}

#[differentiable(wrt(w))]
fn mse_powf(w: &Array1<f64>, x: &Array1<f64>, y: &Array1<f64>) -> f64 {
    let pred = x * w[0] + w[1];
    (&pred - y).mapv(|d| d.powf(2.0)).mean().unwrap() + (&pred - y).powf(2.0).sum()
}

#[test]
fn h1003_powf_at_negative_bases() {
    let x = -0.5;
    scalar_n_case(
        "powf_scalar",
        x,
        &powf_scalar,
        &powf_scalar_grad,
        &powf_scalar_jvp,
        &powf_scalar_hvp,
        powf_scalar_check(x),
    );
    let (_, _, h) = powf_scalar_hvp(x, 1.0);
    assert!(scal_close(h, 6.0 * x + 2.0, 1e-14, 1.0), "{h}");
    let xs = Array1::from_vec(vec![1.0, 2.0, 3.0]);
    let ys = Array1::from_vec(vec![1.0, 0.5, 2.0]);
    verify(
        "mse_powf",
        &[0.5, 0.1],
        &|p| mse_powf(&arr1(p), &xs, &ys),
        &|p| {
            let (v, g) = mse_powf_grad(&arr1(p), &xs, &ys);
            (v, g.to_vec())
        },
        &|p, t| mse_powf_jvp(&arr1(p), &xs, &ys, &arr1(t)),
        Some(&|p, t| {
            let (v, g, h) = mse_powf_hvp(&arr1(p), &xs, &ys, &arr1(t));
            (v, g.to_vec(), h.to_vec())
        }),
        None,
    );
    // Closed form: r = x w0 + w1 − y, f = mean(r²) + Σ r²: ∂w0 = Σ (2/3 + 2) r x, ∂w1 = Σ (2/3 + 2) r.
    let (_, g) = mse_powf_grad(&arr1(&[0.5, 0.1]), &xs, &ys);
    let r: Vec<f64> = (0..3).map(|i| xs[i] * 0.5 + 0.1 - ys[i]).collect();
    let c = 2.0 / 3.0 + 2.0;
    let d0: f64 = (0..3).map(|i| c * r[i] * xs[i]).sum();
    let d1: f64 = r.iter().map(|r| c * r).sum();
    assert!(
        scal_close(g[0], d0, 1e-13, 1.0) && scal_close(g[1], d1, 1e-13, 1.0),
        "{g}"
    );
}

// ---------------------------------------------------------------------------------------
// Hunt 11: the same class elsewhere (all silent wrong results, in every mode, fixed): a `let`
// tuple pattern, a struct literal, an array of integers, a tuple scrutinee whose guard
// assigns, and tuple or struct field writes whose right side assigns another field.

#[derive(Clone, Debug, ad_runtime::Differentiable)]
struct Pq {
    a: f64,
    b: f64,
}

/// `let (p, q) = (a, { a = y; 0.0 })`: p = x.
#[differentiable]
fn lt_min(x: f64, y: f64) -> f64 {
    let mut a = x;
    let (p, q) = (a, {
        a = y;
        0.0
    });
    p + q + 0.5 * a
}

/// A struct literal's field read before a later field assigns it: `x + 10 x y`.
#[differentiable]
fn struct_lit_order(x: f64, y: f64) -> f64 {
    let mut a = x;
    let p = Pq {
        a,
        b: {
            a = a * y;
            a
        },
    };
    p.a + 10.0 * p.b
}

/// `[i, { i += 1; i }]` of integers is `[0, 1]`: `10 x + y`.
#[differentiable]
fn int_arr(x: f64, y: f64) -> f64 {
    let v = [x, y, x * y];
    let mut i = 0usize;
    let idx = [i, {
        i += 1;
        i
    }];
    v[idx[0]] * 10.0 + v[idx[1]]
}

/// A guard that assigns what the scrutinee tuple read: the arms bind the old value.
#[differentiable]
fn guard_bind_side(x: f64, y: f64) -> f64 {
    let mut a = x;
    let o: Option<usize> = Some(1);
    match (a, o) {
        (p, Some(_))
            if {
                a = a * y;
                p > 5.0
            } =>
        {
            p
        }
        (p, _) => p * 10.0 + a,
    }
}

/// Tuple and struct field writes whose right side writes another field: `y + 10 x y`
/// twice over.
#[differentiable]
fn field_writes_in_order(x: f64, y: f64) -> f64 {
    let mut t = (x, y);
    t.1 += {
        t.0 = y;
        0.0
    };
    let mut p = Pq { a: x, b: y };
    p.b = {
        p.a = p.a * y;
        p.a
    };
    t.0 + t.1 + p.a + 10.0 * p.b
}

#[test]
fn h1101_evaluation_order_elsewhere() {
    let (x, y) = (0.3_f64, 0.7_f64);
    type F = fn(f64, f64) -> f64;
    type G = fn(f64, f64) -> (f64, (f64, f64));
    let cases: [(&str, F, G, f64, [f64; 2]); 5] = [
        ("lt_min", lt_min, lt_min_grad, x + 0.5 * y, [1.0, 0.5]),
        (
            "struct_lit_order",
            struct_lit_order,
            struct_lit_order_grad,
            x + 10.0 * x * y,
            [1.0 + 10.0 * y, 10.0 * x],
        ),
        ("int_arr", int_arr, int_arr_grad, 10.0 * x + y, [10.0, 1.0]),
        (
            "guard_bind_side",
            guard_bind_side,
            guard_bind_side_grad,
            10.0 * x + x * y,
            [10.0 + y, x],
        ),
        (
            "field_writes_in_order",
            field_writes_in_order,
            field_writes_in_order_grad,
            y + y + x * y + 10.0 * x * y,
            [y + 10.0 * y, 2.0 + x + 10.0 * x],
        ),
    ];
    for (name, f, g, value, grad) in cases {
        assert!(
            scal_close(f(x, y), value, 1e-14, 1.0),
            "{name}: f {}",
            f(x, y)
        );
        let (v, (dx, dy)) = g(x, y);
        assert!(scal_close(v, value, 1e-14, 1.0), "{name}: value {v}");
        assert!(
            scal_close(dx, grad[0], 1e-14, 1.0) && scal_close(dy, grad[1], 1e-14, 1.0),
            "{name}: ({dx}, {dy}) vs {grad:?}"
        );
    }
    s2_case!(
        "lt_min",
        [0.3, 0.7],
        lt_min,
        lt_min_grad,
        lt_min_jvp,
        lt_min_hvp,
        lt_min_check
    );
    s2_case!(
        "struct_lit_order",
        [0.3, 0.7],
        struct_lit_order,
        struct_lit_order_grad,
        struct_lit_order_jvp,
        struct_lit_order_hvp,
        struct_lit_order_check
    );
    s2_case!(
        "int_arr",
        [0.3, 0.7],
        int_arr,
        int_arr_grad,
        int_arr_jvp,
        int_arr_hvp,
        int_arr_check
    );
    s2_case!(
        "guard_bind_side",
        [0.3, 0.7],
        guard_bind_side,
        guard_bind_side_grad,
        guard_bind_side_jvp,
        guard_bind_side_hvp,
        guard_bind_side_check
    );
    s2_case!(
        "field_writes_in_order",
        [0.3, 0.7],
        field_writes_in_order,
        field_writes_in_order_grad,
        field_writes_in_order_jvp,
        field_writes_in_order_hvp,
        field_writes_in_order_check
    );
}

/// A tuple scrutinee whose last arm names a unit variant (`(p, None)`): it failed to compile
/// (the variant was bound as a variable named `None`).
#[differentiable]
fn tuple_arm_with_none(x: f64, y: f64) -> f64 {
    let o: Option<usize> = if y > 0.5 { Some(2) } else { None };
    match (x, o) {
        (p, Some(c)) => p * (c as f64) * y,
        (p, None) => p,
    }
}

#[test]
fn h1102_tuple_arm_naming_a_variant() {
    s2_case!(
        "tuple_arm_with_none",
        [0.3, 0.7],
        tuple_arm_with_none,
        tuple_arm_with_none_grad,
        tuple_arm_with_none_jvp,
        tuple_arm_with_none_hvp,
        tuple_arm_with_none_check
    );
    let (_, (dx, dy)) = tuple_arm_with_none_grad(0.3, 0.7);
    assert!(scal_close(dx, 1.4, 1e-14, 1.0) && scal_close(dy, 0.6, 1e-14, 1.0));
    let (v, (dx, dy)) = tuple_arm_with_none_grad(0.3, 0.2);
    assert!(scal_close(v, 0.3, 1e-14, 1.0) && scal_close(dx, 1.0, 1e-14, 1.0) && dy == 0.0);
}
