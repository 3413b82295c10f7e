//! Calls between `#[differentiable]` functions: same module, another module by path, another
//! crate, tuple results, `wrt(...)` and integer parameters in the callee, recursion, call
//! chains, and the cost of a call (one forward pass of the callee per call).

mod common;

use ad_runtime::differentiable;
use common::*;
use std::cell::Cell;

/// Random points per function.
const N: usize = 6;

fn pairs(seed: u64, lo: f64, hi: f64) -> Vec<(f64, f64)> {
    let mut r = Rng::new(seed);
    (0..N)
        .map(|_| (r.uniform(lo, hi), r.uniform(lo, hi)))
        .collect()
}

fn singles(seed: u64, lo: f64, hi: f64) -> Vec<f64> {
    let mut r = Rng::new(seed);
    (0..N).map(|_| r.uniform(lo, hi)).collect()
}

// ---- same module --------------------------------------------------------------------------

#[differentiable]
fn sq(x: f64) -> f64 {
    x * x
}

#[differentiable]
fn mul(a: f64, b: f64) -> f64 {
    a * b
}

#[differentiable]
fn uses_sq(x: f64, y: f64) -> f64 {
    sq(x) + sq(y) * x + sq(sq(x) + y)
}

#[test]
fn same_module() {
    // x² + x y² + (x² + y)²
    check2(
        "uses_sq",
        uses_sq,
        uses_sq_grad,
        |x, y| {
            let u = x * x + y;
            (2.0 * x + y * y + 4.0 * x * u, 2.0 * x * y + 2.0 * u)
        },
        &pairs(1, -2.0, 2.0),
    );
}

#[differentiable]
fn constant_arguments(x: f64, y: f64) -> f64 {
    let four = sq(2.0);
    let _unused = sq(y);
    mul(x, 3.0) + mul(2.0, y) * four + mul(x, x) + sq(four) * 0.0
}

#[test]
fn calls_with_constant_and_repeated_arguments() {
    // 3x + 8y + x²; `sq(y)` is unused.
    check2(
        "constant_arguments",
        constant_arguments,
        constant_arguments_grad,
        |x, _| (3.0 + 2.0 * x, 8.0),
        &pairs(2, -2.0, 2.0),
    );
}

// ---- another module, by path --------------------------------------------------------------

mod m {
    use ad_runtime::differentiable;

    #[differentiable]
    pub fn g(x: f64, y: f64) -> f64 {
        x.sin() * y
    }

    pub mod inner {
        use ad_runtime::differentiable;

        #[differentiable]
        pub fn k(x: f64) -> f64 {
            super::g(x, x) + x.exp()
        }
    }
}

#[differentiable]
fn via_modules(x: f64, y: f64) -> f64 {
    m::g(x, y) * m::inner::k(y) + crate::m::g(y, x) + self::m::g(x, 2.0)
}

#[test]
fn other_module_by_path() {
    let k = |t: f64| t.sin() * t + t.exp();
    let dk = |t: f64| t.cos() * t + t.sin() + t.exp();
    check2(
        "via_modules",
        via_modules,
        via_modules_grad,
        |x, y| {
            let g = x.sin() * y;
            (
                x.cos() * y * k(y) + y.sin() + 2.0 * x.cos(),
                x.sin() * k(y) + g * dk(y) + y.cos() * x,
            )
        },
        &pairs(3, -2.0, 2.0),
    );
    // The callee's own derivatives, for reference.
    check1(
        "m::inner::k",
        m::inner::k,
        m::inner::k_grad,
        dk,
        &singles(4, -2.0, 2.0),
    );
}

// LIMITATION (compile error): a callee imported with `use` and called by its bare name. The
// caller calls `g_pullback`, which the import does not bring into scope:
//     error[E0425]: cannot find function `g_pullback` in this scope
// (rustc suggests `use crate::m::g_pullback;`, a #[doc(hidden)] item). Calls by path work.
//
// use m::g;
// #[differentiable]
// fn via_use(x: f64, y: f64) -> f64 {
//     g(x, y)
// }

// ---- another crate ------------------------------------------------------------------------

#[differentiable]
fn via_crate(x: f64, y: f64) -> f64 {
    let (p, q) = ad_workspace::h_pair(x, y);
    ad_workspace::h(x, y) + p * q + ad_workspace::h_scaled(x, 3, 2.0) + ad_workspace::h_nested(y)
}

#[test]
fn another_crate() {
    // h = x sin y + y²; h_pair = (xy, x/y); h_scaled = 2x³; h_nested(y) = (y sin y + y²) eʸ.
    check2(
        "via_crate",
        via_crate,
        via_crate_grad,
        |x, y| {
            let hn = (y.sin() * y + y * y) * y.exp();
            let dhn = (y.cos() * y + y.sin() + 2.0 * y) * y.exp() + hn;
            (y.sin() + 2.0 * x + 6.0 * x * x, x * y.cos() + 2.0 * y + dhn)
        },
        &pairs(5, 0.5, 2.0),
    );
    // The other crate's functions directly.
    for (x, y) in pairs(6, 0.5, 2.0) {
        let (v, (dx, dy)) = ad_workspace::h_grad(x, y);
        assert_eq!(v, ad_workspace::h(x, y));
        assert_close(
            &[dx, dy],
            &[y.sin(), x * y.cos() + 2.0 * y],
            "ad_workspace::h",
        );
        let (v, dx) = ad_workspace::h_scaled_grad(x, 4, y);
        assert_eq!(v, ad_workspace::h_scaled(x, 4, y));
        assert_close(&[dx], &[4.0 * y * x.powi(3)], "ad_workspace::h_scaled");
    }
}

// ---- tuple results ------------------------------------------------------------------------

#[differentiable]
fn polar(r: f64, t: f64) -> (f64, f64) {
    (r * t.cos(), r * t.sin())
}

#[differentiable]
fn use_polar(r: f64, t: f64) -> f64 {
    let (a, b) = polar(r, t);
    a * b + a
}

#[differentiable]
fn use_polar_fields(r: f64, t: f64) -> f64 {
    let p = polar(r, t);
    p.0 * p.1 + p.0
}

#[differentiable]
fn use_polar_partially(r: f64, t: f64) -> f64 {
    let (_, b) = polar(r, t);
    sq(polar(t, r).0) + b
}

#[test]
fn callee_returning_a_tuple() {
    // r² cos t sin t + r cos t
    let closed = |r: f64, t: f64| {
        (
            r * (2.0 * t).sin() + t.cos(),
            r * r * (2.0 * t).cos() - r * t.sin(),
        )
    };
    check2(
        "use_polar",
        use_polar,
        use_polar_grad,
        closed,
        &pairs(7, -2.0, 2.0),
    );
    check2(
        "use_polar_fields",
        use_polar_fields,
        use_polar_fields_grad,
        closed,
        &pairs(8, -2.0, 2.0),
    );
    // r sin t + (t cos r)²: only one component of each call flows back.
    check2(
        "use_polar_partially",
        use_polar_partially,
        use_polar_partially_grad,
        |r, t| {
            let c = t * r.cos();
            (
                t.sin() - 2.0 * c * t * r.sin(),
                r * t.cos() + 2.0 * c * r.cos(),
            )
        },
        &pairs(9, -2.0, 2.0),
    );
}

// ---- wrt(...) and integer parameters in the callee ----------------------------------------

#[differentiable(wrt(x))]
fn scaled(x: f64, n: i32, c: f64) -> f64 {
    c * x.powi(n)
}

#[differentiable(wrt(b))]
fn affine(a: f64, b: f64, k: usize) -> f64 {
    a * b + k as f64
}

#[differentiable]
fn use_scaled(x: f64, y: f64) -> f64 {
    scaled(x * y, 3, 2.0) + scaled(y, 2, 0.5) + affine(4.0, x, 7)
}

#[test]
fn callee_with_wrt_and_integer_parameters() {
    // 2 (xy)³ + 0.5 y² + 4x + 7
    check2(
        "use_scaled",
        use_scaled,
        use_scaled_grad,
        |x, y| (6.0 * x * x * y.powi(3) + 4.0, 6.0 * x.powi(3) * y * y + y),
        &pairs(10, -2.0, 2.0),
    );
}

// DIAGNOSTIC (a compile error, so not silently wrong, but an unhelpful message): passing a
// differentiated value for a parameter the callee leaves out of `wrt(...)`:
//     error[E0308]: mismatched types: expected `f64`, found `()`   (in `ad_runtime::__private::acc`,
//     spanned on the caller's #[differentiable])
// The API asks for an error that names the callee and says how to fix it.
//
// #[differentiable]
// fn active_in_constant_slot(x: f64, y: f64) -> f64 {
//     scaled(x, 2, y)
// }

// ---- recursion ----------------------------------------------------------------------------

#[differentiable]
fn power(x: f64, n: u32) -> f64 {
    if n == 0 { 1.0 } else { x * power(x, n - 1) }
}

#[test]
fn direct_recursion() {
    for n in 0..=7u32 {
        for x in singles(11, -2.0, 2.0) {
            let what = format!("power({x}, {n})");
            let (v, g) = power_grad(x, n);
            assert_eq!(v, power(x, n), "{what}");
            assert_close(&[v], &[x.powi(n as i32)], &what);
            let expected = if n == 0 {
                0.0
            } else {
                n as f64 * x.powi(n as i32 - 1)
            };
            assert_close(&[g], &[expected], &what);
            assert_fd(|p| power(p[0], n), &[x], &[g], &what);
        }
    }
}

#[differentiable]
fn iterate_sin(x: f64, n: u32) -> f64 {
    if n == 0 {
        x
    } else {
        iterate_sin(x.sin(), n - 1) * 1.0
    }
}

#[test]
fn recursion_through_a_transformed_argument() {
    // sin∘sin∘…∘sin (n times): the chain rule gives the product of cos of the iterates.
    for n in [0u32, 1, 3, 6] {
        for x in singles(12, -2.0, 2.0) {
            let (mut t, mut d) = (x, 1.0);
            for _ in 0..n {
                d *= t.cos();
                t = t.sin();
            }
            let (v, g) = iterate_sin_grad(x, n);
            assert_eq!(v, t, "iterate_sin({x}, {n})");
            assert_close(&[g], &[d], &format!("iterate_sin({x}, {n})"));
            assert_fd(|p| iterate_sin(p[0], n), &[x], &[g], "iterate_sin");
        }
    }
}

// Recursion through a path (`self::p(..)`) is recognised like a bare call.
#[differentiable]
fn power_by_path(x: f64, n: u32) -> f64 {
    if n == 0 {
        1.0
    } else {
        x * self::power_by_path(x, n - 1)
    }
}

#[test]
fn recursion_by_path() {
    for n in 0..6u32 {
        let (v, d) = power_by_path_grad(1.3, n);
        assert_eq!(v, power_by_path(1.3, n));
        assert!((v - 1.3f64.powi(n as i32)).abs() < 1e-12);
        let want = if n == 0 {
            0.0
        } else {
            n as f64 * 1.3f64.powi(n as i32 - 1)
        };
        assert!((d - want).abs() < 1e-12, "n = {n}: {d} vs {want}");
    }
}

// ---- call chains --------------------------------------------------------------------------

#[differentiable]
fn c1(x: f64) -> f64 {
    x.sin() + x
}
#[differentiable]
fn c2(x: f64) -> f64 {
    c1(x).sin() + x
}
#[differentiable]
fn c3(x: f64) -> f64 {
    c2(x).sin() + x
}
#[differentiable]
fn c4(x: f64) -> f64 {
    c3(x).sin() + x
}
#[differentiable]
fn c5(x: f64) -> f64 {
    c4(x).sin() + x
}

#[test]
fn call_chain_of_depth_5() {
    // c_k = sin(c_{k-1}) + x with c_0 = x: c_k' = cos(c_{k-1}) c_{k-1}' + 1.
    let closed = |x: f64| {
        let (mut c, mut d) = (x, 1.0);
        for _ in 0..5 {
            d = c.cos() * d + 1.0;
            c = c.sin() + x;
        }
        d
    };
    check1("c5", c5, c5_grad, closed, &singles(13, -3.0, 3.0));
    for x in singles(14, -3.0, 3.0) {
        let (_, g) = c5_vjp(x, -0.75);
        assert_close(&[g], &[-0.75 * closed(x)], "c5 vjp");
    }
}

// ---- cost: one forward pass of each callee per call ---------------------------------------

thread_local! {
    static CALLS: Cell<usize> = const { Cell::new(0) };
}

/// Counts its calls (a side effect on constants inside differentiated functions).
fn bump(k: usize) -> usize {
    CALLS.with(|c| c.set(c.get() + 1));
    k
}

/// How many times `bump` runs during `f`.
fn count<T>(f: impl FnOnce() -> T) -> usize {
    let before = CALLS.with(|c| c.get());
    let _ = f();
    CALLS.with(|c| c.get()) - before
}

#[differentiable]
fn k1(x: f64) -> f64 {
    x.sin() * bump(1) as f64
}
#[differentiable]
fn k2(x: f64) -> f64 {
    k1(x) * x * bump(1) as f64
}
#[differentiable]
fn k3(x: f64) -> f64 {
    k2(x).exp() * bump(1) as f64 - x
}
#[differentiable]
fn k4(x: f64) -> f64 {
    (k3(x) + 1.0) * bump(1) as f64
}
#[differentiable]
fn k5(x: f64) -> f64 {
    let y = k4(x) * bump(1) as f64;
    y * x
}

/// Calls `k3` three times: three forward passes of the depth-3 chain.
#[differentiable]
fn k3_thrice(x: f64) -> f64 {
    k3(x) * k3(x) * 0.5 + k3(x) * bump(1) as f64
}

#[differentiable]
fn counted_power(x: f64, n: u32) -> f64 {
    let one = bump(1) as f64;
    if n == 0 {
        one
    } else {
        x * counted_power(x, n - 1) * one
    }
}

#[test]
fn callee_forward_pass_runs_once_per_call() {
    // A chain of depth d runs each level's forward pass once: d bumps (a re-run of the
    // callee per level would give d (d + 1) / 2).
    assert_eq!(count(|| k1_grad(0.3)), 1);
    assert_eq!(count(|| k2_grad(0.3)), 2);
    assert_eq!(count(|| k3_grad(0.3)), 3);
    assert_eq!(count(|| k4_grad(0.3)), 4);
    assert_eq!(count(|| k5_grad(0.3)), 5);
    assert_eq!(count(|| k5_vjp(0.3, 2.0)), 5);
    // The same as the primal.
    assert_eq!(count(|| k5(0.3)), 5);
    // Three calls of the depth-3 chain: 1 + 3 · 3.
    assert_eq!(count(|| k3_thrice(0.3)), 10);
    assert_eq!(count(|| k3_thrice_grad(0.3)), 10);
    assert_eq!(count(|| k3_thrice_vjp(0.3, -1.0)), 10);

    // The derivatives are right too: k5 = x (exp(x sin x) - x + 1).
    for x in singles(15, -1.5, 1.5) {
        let e = (x * x.sin()).exp();
        let de = e * (x.sin() + x * x.cos());
        check1("k5", k5, k5_grad, |_| e - x + 1.0 + x * (de - 1.0), &[x]);
        // k3_thrice = k3² / 2 + k3 with k3 = e - x.
        let k3 = e - x;
        check1(
            "k3_thrice",
            k3_thrice,
            k3_thrice_grad,
            |_| (k3 + 1.0) * (de - 1.0),
            &[x],
        );
    }
}

#[test]
fn recursion_cost_is_linear_in_depth() {
    // counted_power(x, n) recurses n times: n + 1 calls, whether differentiated or not.
    for n in [0u32, 1, 5, 20, 40] {
        assert_eq!(count(|| counted_power(1.01, n)), n as usize + 1);
        assert_eq!(
            count(|| counted_power_grad(1.01, n)),
            n as usize + 1,
            "n = {n}"
        );
        let (v, g) = counted_power_grad(1.01, n);
        assert_close(
            &[v, g],
            &[
                1.01f64.powi(n as i32),
                n as f64 * 1.01f64.powi(n as i32 - 1),
            ],
            "counted_power",
        );
    }
}

// ---- a dereferenced array parameter as an argument ----------------------------------------

#[differentiable]
fn rotate_scale(a: [f64; 3], s: f64) -> [f64; 3] {
    let mut o = a;
    for i in 0..3 {
        o[i] = a[(i + 1) % 3] * s + a[i].sin();
    }
    o
}

/// `rotate_scale(*a, s)` with `a: &[f64; 3]` (hunt, 2026-12-08: failed to type-check; the
/// front end now copies `*a` into a local first, as `let c = *a;` does).
#[differentiable]
fn deref_array_arg(a: &[f64; 3], s: f64) -> f64 {
    let o: [f64; 3] = rotate_scale(*a, s);
    o[0] * o[2] + o[1]
}

#[differentiable]
fn generic_array_callee<T: ad_runtime::Float>(a: [T; 3], s: T) -> T {
    a[0] * s + a[1] * a[2]
}

#[differentiable]
fn generic_deref_array_arg<T: ad_runtime::Float>(a: &[T; 3], s: T) -> T {
    generic_array_callee::<T>(*a, s) * s
}

#[test]
fn dereferenced_array_parameter_passed_by_value() {
    let f = |z: &[f64]| deref_array_arg(&[z[0], z[1], z[2]], z[3]);
    let z = [0.3, -0.7, 1.1, 0.6];
    let a = [z[0], z[1], z[2]];
    let (v, (ga, gs)) = deref_array_arg_grad(&a, z[3]);
    assert_near(v, f(&z), "value");
    let g = [ga[0], ga[1], ga[2], gs];
    assert_fd(f, &z, &g, "deref_array_arg");
    let (_, t) = deref_array_arg_jvp(&a, z[3], &[0.5, -0.25, 1.0], 2.0);
    assert_near(
        t,
        ga[0] * 0.5 - ga[1] * 0.25 + ga[2] + gs * 2.0,
        "jvp = grad . v",
    );
    let (_, _, (ha, hs)) = deref_array_arg_hvp(&a, z[3], &[0.5, -0.25, 1.0], 2.0);
    let h = 1e-5;
    let at = |e: f64| {
        let p = [a[0] + 0.5 * e, a[1] - 0.25 * e, a[2] + e];
        let (_, (g1, g2)) = deref_array_arg_grad(&p, z[3] + 2.0 * e);
        [g1[0], g1[1], g1[2], g2]
    };
    let (gp, gm) = (at(h), at(-h));
    let fd: Vec<f64> = (0..4).map(|i| (gp[i] - gm[i]) / (2.0 * h)).collect();
    assert_close_tol(&[ha[0], ha[1], ha[2], hs], &fd, 1e-6, "H v");
    // f = (a0 s + a1 a2) s: ∂/∂a0 = s², ∂/∂a1 = a2 s, ∂/∂a2 = a1 s, ∂/∂s = 2 a0 s + a1 a2.
    let (a, s) = ([0.4f64, -1.2, 0.9], 0.75);
    let (v, (ga, gs)) = generic_deref_array_arg_grad::<f64>(&a, s);
    assert_near(v, (a[0] * s + a[1] * a[2]) * s, "generic value");
    closed(
        &[ga[0], ga[1], ga[2], gs],
        &[s * s, a[2] * s, a[1] * s, 2.0 * a[0] * s + a[1] * a[2]],
        "generic gradient",
    );
    let (_, (ga32, _)) = generic_deref_array_arg_grad::<f32>(&[0.4, -1.2, 0.9], 0.75);
    assert!((ga32[0] - 0.5625).abs() < 1e-6, "f32: {ga32:?}");
}
