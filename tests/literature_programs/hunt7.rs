//! Hunt 7: a local struct written after its fields were read (a field overwritten from
//! itself, the whole struct reassigned from its own fields or by a step function, `&mut
//! self` methods, nested fields, `Copy` structs copied before the write), and `move`
//! closures whose captured variable is reassigned before the call. Each checked in every
//! mode by the harness, the small ones also against closed forms.
//!
//! Findings, fixed (both silent wrong derivatives): the reverse sweep re-made a field read
//! (`let old = s.x;`) from the struct's final value instead of the value at the read, so
//! `f_grad`, `f_vjp` and `f_hvp` were wrong whenever the struct changed afterwards in
//! straight-line code (forward mode was right); a `move` closure was inlined at its call
//! reading the variable's current value, not the one it captured, so value and derivative
//! were wrong in every mode.

use crate::harness::*;
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Debug, Differentiable)]
struct S {
    x: f64,
    v: f64,
}

#[differentiable]
fn field_from_itself(x0: f64) -> f64 {
    let mut s = S { x: x0, v: 0.0 };
    s.x = s.x.sin();
    s.x
}

#[differentiable]
fn struct_from_itself(x0: f64) -> f64 {
    let mut s = S { x: x0, v: 0.0 };
    s = S {
        x: s.x.sin(),
        v: 0.0,
    };
    s.x + s.v
}

impl S {
    #[differentiable]
    fn squash(&mut self) {
        self.x = self.x.sin();
    }

    #[differentiable]
    fn kick(&mut self, k: f64) {
        self.v = self.v * (1.0 - k) - k * self.x;
        self.x = self.x + 0.1 * self.v;
    }

    #[differentiable]
    fn energy(&self) -> f64 {
        0.5 * (self.x * self.x + self.v * self.v)
    }
}

#[differentiable]
fn squashed(x0: f64) -> f64 {
    let mut s = S { x: x0, v: 0.0 };
    s.squash();
    s.x
}

#[test]
fn h701_a_field_overwritten_from_itself() {
    let x = 0.7;
    for (name, f, g, j, h, c) in [
        (
            "field_from_itself",
            field_from_itself as fn(f64) -> f64,
            field_from_itself_grad as fn(f64) -> (f64, f64),
            field_from_itself_jvp as fn(f64, f64) -> (f64, f64),
            field_from_itself_hvp as fn(f64, f64) -> (f64, f64, f64),
            field_from_itself_check(x),
        ),
        (
            "struct_from_itself",
            struct_from_itself,
            struct_from_itself_grad,
            struct_from_itself_jvp,
            struct_from_itself_hvp,
            struct_from_itself_check(x),
        ),
        (
            "squashed",
            squashed,
            squashed_grad,
            squashed_jvp,
            squashed_hvp,
            squashed_check(x),
        ),
    ] {
        scalar_n_case(name, x, &f, &g, &j, &h, c);
        // Closed forms: (sin x)' = cos x, '' = -sin x.
        let (_, d) = g(x);
        let (_, _, dd) = h(x, 1.0);
        assert!(scal_close(d, x.cos(), 1e-14, 1.0), "{name}: {d}");
        assert!(scal_close(dd, -x.sin(), 1e-14, 1.0), "{name}: {dd}");
    }
}

#[differentiable]
fn step(s: &S, dt: f64) -> S {
    S {
        x: s.x + dt * s.v,
        v: s.v,
    }
}

/// A field read bound to a local, then the struct stepped (`f = x0 (x0 + v0 / 2)`).
#[differentiable]
fn old_field(x0: f64, v0: f64) -> f64 {
    let mut s = S { x: x0, v: v0 };
    let old = s.x;
    s = step(&s, 0.5);
    old * s.x
}

#[differentiable]
fn whole_reassign(x0: f64, v0: f64) -> f64 {
    let mut s = S { x: x0, v: v0 };
    let a = s.x;
    s = S {
        x: s.x * s.v,
        v: s.v.sin(),
    };
    a * s.x + s.v
}

#[differentiable]
fn kicked(x0: f64, k: f64) -> f64 {
    let mut s = S { x: x0, v: 0.5 };
    s.kick(k);
    s.kick(k);
    s.energy()
}

#[test]
fn h702_a_struct_stepped_after_its_fields_were_read() {
    s2_case!(
        "old_field",
        [0.7, 1.3],
        old_field,
        old_field_grad,
        old_field_jvp,
        old_field_hvp,
        old_field_check
    );
    let (_, (a, b)) = old_field_grad(0.7, 1.3);
    assert!(scal_close(a, 2.0 * 0.7 + 0.5 * 1.3, 1e-14, 1.0), "{a}");
    assert!(scal_close(b, 0.5 * 0.7, 1e-14, 1.0), "{b}");
    s2_case!(
        "whole_reassign",
        [0.7, 1.3],
        whole_reassign,
        whole_reassign_grad,
        whole_reassign_jvp,
        whole_reassign_hvp,
        whole_reassign_check
    );
    s2_case!(
        "kicked",
        [0.7, 0.2],
        kicked,
        kicked_grad,
        kicked_jvp,
        kicked_hvp,
        kicked_check
    );
}

#[derive(Clone, Copy, Debug, Differentiable)]
struct V2 {
    x: f64,
    y: f64,
}

/// A `Copy` struct copied, the copy written, copied again and written again.
#[differentiable]
fn copy_struct(a0: f64, b0: f64) -> f64 {
    let a = V2 { x: a0, y: b0 };
    let mut b = a;
    b.x = b.x * 5.0 + b.y;
    let c = b;
    b.y *= a.x;
    a.x * 2.0 + b.x * b.y + c.y
}

#[derive(Clone, Debug, Differentiable)]
struct Outer {
    a: S,
    w: f64,
}

#[differentiable]
fn nested_write(x0: f64, w: f64) -> f64 {
    let mut o = Outer {
        a: S { x: x0, v: 2.0 },
        w,
    };
    o.a.x = o.a.x * o.w;
    o.w = o.a.x.exp();
    o.a.x + o.w
}

#[test]
fn h703_copies_and_nested_fields() {
    s2_case!(
        "copy_struct",
        [0.7, 1.3],
        copy_struct,
        copy_struct_grad,
        copy_struct_jvp,
        copy_struct_hvp,
        copy_struct_check
    );
    // f = 2 a + (5 a + b) a b + b: ∂a = 2 + 10 a b + b², ∂b = 5 a² + 2 a b + 1.
    let (a, b) = (0.7, 1.3);
    let (_, (da, db)) = copy_struct_grad(a, b);
    assert!(
        scal_close(da, 2.0 + 10.0 * a * b + b * b, 1e-14, 1.0),
        "{da}"
    );
    assert!(
        scal_close(db, 5.0 * a * a + 2.0 * a * b + 1.0, 1e-14, 1.0),
        "{db}"
    );
    s2_case!(
        "nested_write",
        [0.7, 0.4],
        nested_write,
        nested_write_grad,
        nested_write_jvp,
        nested_write_hvp,
        nested_write_check
    );
}

/// A `move` closure captures `s`; `s` is reassigned before the call: the call reads the
/// captured value (`f = x y + 3 y + x`).
#[differentiable]
fn move_closure(x: f64, y: f64) -> f64 {
    let mut s = y;
    let f = move |t: f64| t * s;
    s = s * 3.0 + x;
    f(x) + s
}

/// Two `move` closures over the same variable at different times, one called in a loop.
#[differentiable]
fn move_closures_in_a_loop(x: f64, y: f64) -> f64 {
    let mut s = x;
    let first = move |t: f64| t * s;
    s = s.sin() + y;
    let second = move |t: f64| t + s * s;
    let mut acc = 0.0;
    for i in 0..3 {
        s = s * 0.5 + first(i as f64);
        acc += second(s);
    }
    acc + s
}

#[test]
fn h704_move_closures_keep_what_they_captured() {
    let (x, y) = (0.7, 1.3);
    assert_eq!(move_closure(x, y), x * y + 3.0 * y + x);
    assert_eq!(move_closure_grad(x, y).0, move_closure(x, y));
    let (_, (dx, dy)) = move_closure_grad(x, y);
    assert!(scal_close(dx, y + 1.0, 1e-14, 1.0), "{dx}");
    assert!(scal_close(dy, x + 3.0, 1e-14, 1.0), "{dy}");
    s2_case!(
        "move_closure",
        [0.7, 1.3],
        move_closure,
        move_closure_grad,
        move_closure_jvp,
        move_closure_hvp,
        move_closure_check
    );
    s2_case!(
        "move_closures_in_a_loop",
        [0.7, 1.3],
        move_closures_in_a_loop,
        move_closures_in_a_loop_grad,
        move_closures_in_a_loop_jvp,
        move_closures_in_a_loop_hvp,
        move_closures_in_a_loop_check
    );
}

/// `let r;` assigned once inside a `loop` before its `break` (what the error for a loop used
/// as a value suggests writing), of a float and of an array.
#[differentiable]
fn let_in_loop(a: f64) -> f64 {
    let mut x = a;
    let r;
    loop {
        x = 0.5 * (x + a / x);
        if x < 2.0 {
            r = x * 2.0;
            break;
        }
    }
    r
}

#[differentiable]
fn let_array_in_loop(x: &[f64]) -> f64 {
    let v = ad_runtime::ndarray::Array1::from_vec(x.to_vec());
    let mut k = 0;
    let best: ad_runtime::ndarray::Array1<f64>;
    loop {
        k += 1;
        if k == 3 {
            best = v.mapv(|t| t * t) * (k as f64);
            break;
        }
    }
    best.sum()
}

#[test]
fn h705_let_assigned_in_a_loop() {
    scalar_n_case(
        "let_in_loop",
        3.4,
        &let_in_loop,
        &let_in_loop_grad,
        &let_in_loop_jvp,
        &let_in_loop_hvp,
        let_in_loop_check(3.4),
    );
    // Two Newton steps from a: x1 = (a + 1) / 2, x2 = (x1 + a / x1) / 2, r = 2 x2.
    let a: f64 = 3.4;
    let x1 = (a + 1.0) / 2.0;
    let d = 0.5 + (1.0 / x1 - a * 0.5 / (x1 * x1));
    let (_, g) = let_in_loop_grad(a);
    assert!(scal_close(g, d, 1e-14, 1.0), "{g} vs {d}");
    let x = vec![0.5, -1.5, 2.0];
    slice_case!(
        "let_array_in_loop",
        x.clone(),
        let_array_in_loop,
        let_array_in_loop_grad,
        let_array_in_loop_jvp,
        let_array_in_loop_hvp,
        let_array_in_loop_check
    );
}

/// `zip` with a shortened source: neighbours (`skip(1)`), a prefix (`take`), both.
#[differentiable]
fn zip_neighbours(x: &[f64]) -> f64 {
    let near: f64 = x.iter().zip(x.iter().skip(1)).map(|(a, b)| a * b).sum();
    let far: f64 = x
        .iter()
        .zip(x.iter().skip(2).take(2).copied())
        .map(|(a, b)| (a - b).powi(2))
        .sum();
    let past: f64 = x.iter().zip(x.iter().skip(10)).map(|(a, b)| a * b).sum();
    near + far + past
}

#[test]
fn h706_zip_with_skip_and_take() {
    let x = vec![0.5, -1.5, 2.0, 0.25, 1.1];
    slice_case!(
        "zip_neighbours",
        x.clone(),
        zip_neighbours,
        zip_neighbours_grad,
        zip_neighbours_jvp,
        zip_neighbours_hvp,
        zip_neighbours_check
    );
    // Closed form: ∂/∂x_i of Σ x_j x_{j+1} + Σ_{j<2} (x_j − x_{j+2})².
    let (_, g) = zip_neighbours_grad(&x);
    let n = x.len();
    for i in 0..n {
        let mut d = 0.0;
        if i + 1 < n {
            d += x[i + 1];
        }
        if i >= 1 {
            d += x[i - 1];
        }
        if i < 2 {
            d += 2.0 * (x[i] - x[i + 2]);
        }
        if (2..4).contains(&i) {
            d -= 2.0 * (x[i - 2] - x[i]);
        }
        assert!(scal_close(g[i], d, 1e-14, 1.0), "{i}: {} vs {d}", g[i]);
    }
}

/// Elements of a local tuple written (`t.0 = ..`, `t.1 += ..`), a state pair stepped in a loop.
#[differentiable]
fn tuple_write(x0: f64, v0: f64) -> f64 {
    let mut t = (x0, v0);
    t.0 = t.0 * t.1;
    t.1 = t.0.sin();
    let mut s: (f64, f64, f64) = (t.1, 0.5, x0);
    for _ in 0..3 {
        s.0 += 0.1 * s.1;
        s.1 -= 0.1 * s.0 * s.2;
    }
    t.0 + t.1 + s.0 * s.1
}

#[test]
fn h707_tuple_elements_written() {
    s2_case!(
        "tuple_write",
        [0.7, 1.3],
        tuple_write,
        tuple_write_grad,
        tuple_write_jvp,
        tuple_write_hvp,
        tuple_write_check
    );
}

/// `fold` with a tuple accumulator: running sum and sum of squares, then the variance.
#[differentiable]
fn fold_pair(x: &[f64]) -> f64 {
    let (s, q) = x.iter().fold((0.0, 0.0), |(s, q), &v| (s + v, q + v * v));
    let n = x.len() as f64;
    let (lo, _) = x
        .iter()
        .map(|v| v.sin())
        .fold((f64::INFINITY, 0.0), |(m, k), v| (m.min(v), k + v));
    q / n - (s / n) * (s / n) + lo
}

#[test]
fn h708_fold_with_a_tuple_accumulator() {
    let x = vec![0.5, -1.5, 2.0, 0.25];
    slice_case!(
        "fold_pair",
        x.clone(),
        fold_pair,
        fold_pair_grad,
        fold_pair_jvp,
        fold_pair_hvp,
        fold_pair_check
    );
    // Closed form of the variance part plus the minimum's: (2 x_i − 2 mean) / n + cos at argmin.
    let (_, g) = fold_pair_grad(&x);
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    for i in 0..x.len() {
        let min_at = if i == 1 { x[i].cos() } else { 0.0 };
        let d = (2.0 * x[i] - 2.0 * mean) / n + min_at;
        assert!(scal_close(g[i], d, 1e-14, 1.0), "{i}: {} vs {d}", g[i]);
    }
}

/// A `move` closure reading a field of a (non-`Copy`) struct used after it, and one over a
/// local buffer: the captured values are copies taken at the definition.
#[differentiable]
fn move_closure_fields(x0: f64, v0: f64) -> f64 {
    let mut s = S { x: x0, v: v0 };
    let buf = vec![x0 * v0, v0];
    let f = move |t: f64| t * s.x + buf[0];
    s.x = s.x * 3.0;
    s.v = s.v + s.x;
    f(2.0) + s.v * s.x
}

#[test]
fn h709_move_closure_over_a_struct_field() {
    s2_case!(
        "move_closure_fields",
        [0.7, 1.3],
        move_closure_fields,
        move_closure_fields_grad,
        move_closure_fields_jvp,
        move_closure_fields_hvp,
        move_closure_fields_check
    );
    // f = 2 x + x v + (v + 3 x) 3 x.
    let (x, v) = (0.7, 1.3);
    let (_, (dx, dv)) = move_closure_fields_grad(x, v);
    assert!(
        scal_close(dx, 2.0 + v + 3.0 * v + 18.0 * x, 1e-14, 1.0),
        "{dx}"
    );
    assert!(scal_close(dv, x + 3.0 * x, 1e-14, 1.0), "{dv}");
}

/// `move` closures capturing a slice parameter and an array parameter.
#[differentiable]
fn move_closure_params(x: &[f64], a: &ad_runtime::ndarray::Array1<f64>, k: f64) -> f64 {
    let f = move |i: usize| x[i] * k + a[i];
    let g = move |t: f64| t * a.sum();
    f(0) * f(2) + g(x[1])
}

#[test]
fn h710_move_closures_over_parameters() {
    let x = [0.7, -1.3, 0.4];
    let a = ad_runtime::ndarray::Array1::from_vec(vec![0.2, 0.5, -0.3]);
    let k = 1.5;
    let (v, (dx, da, dk)) = move_closure_params_grad(&x, &a, k);
    assert_eq!(v, move_closure_params(&x, &a, k));
    // f = (x0 k + a0)(x2 k + a2) + x1 Σa.
    let (f0, f2) = (x[0] * k + a[0], x[2] * k + a[2]);
    let sa: f64 = a.sum();
    assert!(scal_close(dx[0], k * f2, 1e-14, 1.0));
    assert!(scal_close(dx[1], sa, 1e-14, 1.0));
    assert!(scal_close(dx[2], f0 * k, 1e-14, 1.0));
    assert!(scal_close(da[0], f2 + x[1], 1e-14, 1.0));
    assert!(scal_close(da[1], x[1], 1e-14, 1.0));
    assert!(scal_close(da[2], f0 + x[1], 1e-14, 1.0));
    assert!(scal_close(dk, x[0] * f2 + f0 * x[2], 1e-14, 1.0));
}
