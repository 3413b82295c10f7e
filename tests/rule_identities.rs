//! Every derivative rule family, forward against reverse: for a small wrapper per rule, with
//! random `v` and a random cotangent `w` of the result's shape, `<J v, w> = <v, Jᵀ w>` (`J v`
//! from `f_jvp`, `Jᵀ w` from `f_vjp` seeded with `w`), and `J v` against central finite
//! differences along `v` (`common::identity::check_identity`, three random points per rule).
//!
//! The rules are tables: one line (or a few) per rule, each expanding to a module `name` with
//! the `#[differentiable] fn f` and a test `name::identity`. Inputs are drawn inside each
//! function's domain and away from its kinks.

#![allow(clippy::needless_range_loop)]

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Array2};
use common::Rng;
use common::identity::{Flat, check_identity};

/// Random points per rule.
const TRIALS: usize = 3;

/// Elements of each slice argument.
const N: usize = 5;

/// A seed from the rule's name, so each rule sees its own points (and a failure reproduces).
fn seed_of(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

/// Runs [`check_identity`] at [`TRIALS`] points drawn by `gen`.
#[track_caller]
fn run<X: Flat, Y: Flat>(
    name: &str,
    generate: impl Fn(&mut Rng) -> X,
    f: impl Fn(&X) -> Y,
    jvp: impl Fn(&X, &X) -> (Y, Y),
    vjp: impl Fn(&X, Y) -> (Y, X),
) {
    let mut rng = Rng::new(seed_of(name));
    for trial in 0..TRIALS {
        let x = generate(&mut rng);
        check_identity(
            &format!("{name} (point {trial})"),
            &mut rng,
            &x,
            &f,
            &jvp,
            &vjp,
        );
    }
}

// ---- generators of inputs -------------------------------------------------------------------

/// Uniform in `[lo, hi)`.
fn u(lo: f64, hi: f64) -> impl Fn(&mut Rng) -> f64 + Copy {
    move |r| r.uniform(lo, hi)
}
/// `±[lo, hi)`: away from zero.
fn s(lo: f64, hi: f64) -> impl Fn(&mut Rng) -> f64 + Copy {
    move |r| r.signed(lo, hi)
}
/// In `[lo, hi)`, at least 0.05 away from every integer.
fn off(lo: f64, hi: f64) -> impl Fn(&mut Rng) -> f64 + Copy {
    move |r| r.off_integer(lo, hi, 0.05)
}
/// A `Vec` of [`N`] elements.
fn slice(g: impl Fn(&mut Rng) -> f64) -> impl Fn(&mut Rng) -> Vec<f64> {
    move |r| (0..N).map(|_| g(r)).collect()
}
fn vec1(n: usize, g: impl Fn(&mut Rng) -> f64) -> impl Fn(&mut Rng) -> Array1<f64> {
    move |r| Array1::from_shape_fn(n, |_| g(r))
}
fn mat(m: usize, n: usize, g: impl Fn(&mut Rng) -> f64) -> impl Fn(&mut Rng) -> Array2<f64> {
    move |r| Array2::from_shape_fn((m, n), |_| g(r))
}
fn pair<A, B>(
    ga: impl Fn(&mut Rng) -> A,
    gb: impl Fn(&mut Rng) -> B,
) -> impl Fn(&mut Rng) -> (A, B) {
    move |r| {
        let a = ga(r);
        (a, gb(r))
    }
}

// ---- the two kinds of table -----------------------------------------------------------------

/// `name(gen_a, gen_b) |a, b| e;`: `e` applied elementwise over two slices into a `Vec<f64>`,
/// `a`, `b` the elements (drawn by `gen_a`, `gen_b`).
macro_rules! elementwise {
    ($( $(#[$m:meta])* $name:ident($ga:expr, $gb:expr) |$a:ident, $b:ident| $e:expr; )*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[differentiable]
            pub fn f(x: &[f64], y: &[f64]) -> Vec<f64> {
                let mut out = vec![0.0; x.len()];
                for i in 0..x.len() {
                    let $a = x[i];
                    let $b = y[i];
                    out[i] = $e;
                }
                out
            }

            #[test]
            $(#[$m])*
            fn identity() {
                run(
                    concat!("elementwise ", stringify!($name)),
                    pair(slice($ga), slice($gb)),
                    |(x, y)| f(x, y),
                    |(x, y), (dx, dy)| f_jvp(x, y, dx, dy),
                    |(x, y), w| f_vjp(x, y, w),
                );
            }
        }
    )*};
}

/// `name(a: A = gen_a, b: B = gen_b) -> R { body }`: a function of two arguments taken by
/// value (arrays, floats, `Vec`s).
macro_rules! rules {
    ($( $(#[$m:meta])* $name:ident($a:ident: $ta:ty = $ga:expr, $b:ident: $tb:ty = $gb:expr) -> $r:ty $body:block )*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[differentiable]
            pub fn f($a: $ta, $b: $tb) -> $r $body

            #[test]
            $(#[$m])*
            fn identity() {
                run(
                    stringify!($name),
                    pair($ga, $gb),
                    |(a, b)| f(a.clone(), b.clone()),
                    |(a, b), (da, db)| f_jvp(a.clone(), b.clone(), da.clone(), db.clone()),
                    |(a, b), w| f_vjp(a.clone(), b.clone(), w),
                );
            }
        }
    )*};
}

// =============================================================================================
// 1. Scalar rules, elementwise over slices (the README's "float methods" and arithmetic)
// =============================================================================================

mod scalar {
    use super::*;

    elementwise! {
        add(u(-2.0, 2.0), u(-2.0, 2.0)) |a, b| a + b;
        sub(u(-2.0, 2.0), u(-2.0, 2.0)) |a, b| a - b;
        mul(u(-2.0, 2.0), u(-2.0, 2.0)) |a, b| a * b;
        div(u(-2.0, 2.0), s(0.3, 2.0)) |a, b| a / b;
        rem(s(0.5, 5.0), s(0.7, 1.3)) |a, b| a % b;
        neg(u(-2.0, 2.0), u(-1.0, 1.0)) |a, _b| -a;
        compound(u(-2.0, 2.0), u(-2.0, 2.0)) |a, b| {
            let mut t = a;
            t *= b;
            t += a;
            t -= b;
            t /= 1.5 + b * b;
            t %= 3.0;
            t
        };
        sin(u(-3.0, 3.0), u(-1.0, 1.0)) |a, _b| a.sin();
        cos(u(-3.0, 3.0), u(-1.0, 1.0)) |a, _b| a.cos();
        tan(u(-1.2, 1.2), u(-1.0, 1.0)) |a, _b| a.tan();
        exp(u(-2.0, 2.0), u(-1.0, 1.0)) |a, _b| a.exp();
        exp2(u(-2.0, 2.0), u(-1.0, 1.0)) |a, _b| a.exp2();
        exp_m1(u(-2.0, 2.0), u(-1.0, 1.0)) |a, _b| a.exp_m1();
        ln(u(0.2, 3.0), u(-1.0, 1.0)) |a, _b| a.ln();
        log(u(0.2, 3.0), u(1.5, 4.0)) |a, b| a.log(b);
        log2(u(0.2, 3.0), u(-1.0, 1.0)) |a, _b| a.log2();
        log10(u(0.2, 3.0), u(-1.0, 1.0)) |a, _b| a.log10();
        ln_1p(u(-0.8, 3.0), u(-1.0, 1.0)) |a, _b| a.ln_1p();
        sqrt(u(0.2, 3.0), u(-1.0, 1.0)) |a, _b| a.sqrt();
        cbrt(s(0.2, 3.0), u(-1.0, 1.0)) |a, _b| a.cbrt();
        powi(u(-2.0, 2.0), u(-1.0, 1.0)) |a, _b| a.powi(3);
        powi_negative(s(0.3, 2.0), u(-1.0, 1.0)) |a, _b| a.powi(-2);
        powf(u(0.2, 3.0), u(-2.0, 2.0)) |a, b| a.powf(b);
        asin(u(-0.9, 0.9), u(-1.0, 1.0)) |a, _b| a.asin();
        acos(u(-0.9, 0.9), u(-1.0, 1.0)) |a, _b| a.acos();
        atan(u(-3.0, 3.0), u(-1.0, 1.0)) |a, _b| a.atan();
        atan2(s(0.2, 2.0), s(0.2, 2.0)) |a, b| a.atan2(b);
        sinh(u(-2.0, 2.0), u(-1.0, 1.0)) |a, _b| a.sinh();
        cosh(u(-2.0, 2.0), u(-1.0, 1.0)) |a, _b| a.cosh();
        tanh(u(-2.0, 2.0), u(-1.0, 1.0)) |a, _b| a.tanh();
        asinh(u(-3.0, 3.0), u(-1.0, 1.0)) |a, _b| a.asinh();
        acosh(u(1.1, 4.0), u(-1.0, 1.0)) |a, _b| a.acosh();
        atanh(u(-0.9, 0.9), u(-1.0, 1.0)) |a, _b| a.atanh();
        hypot(s(0.2, 2.0), s(0.2, 2.0)) |a, b| a.hypot(b);
        recip(s(0.3, 2.0), u(-1.0, 1.0)) |a, _b| a.recip();
        mul_add(u(-2.0, 2.0), u(-2.0, 2.0)) |a, b| a.mul_add(b, b * 0.5);
        max(u(-2.0, 2.0), u(-2.0, 2.0)) |a, b| a.max(b);
        min(u(-2.0, 2.0), u(-2.0, 2.0)) |a, b| a.min(b);
        clamp(u(-2.0, 2.0), u(-1.0, 1.0)) |a, b| a.clamp(b - 0.5, b + 0.5);
        clamp_constant(u(-2.0, 2.0), u(-1.0, 1.0)) |a, _b| a.clamp(-0.5, 0.8);
        abs(s(0.1, 2.0), u(-1.0, 1.0)) |a, _b| a.abs();
        to_degrees(u(-2.0, 2.0), u(-1.0, 1.0)) |a, _b| a.to_degrees();
        to_radians(u(-200.0, 200.0), u(-1.0, 1.0)) |a, _b| a.to_radians();
        fract(off(-3.0, 3.0), u(-1.0, 1.0)) |a, _b| a.fract();
        copysign(s(0.2, 2.0), s(0.2, 2.0)) |a, b| a.copysign(b);
        // Derivative 0 (away from the jumps).
        floor(off(-3.0, 3.0), u(-1.0, 1.0)) |a, _b| a.floor();
        ceil(off(-3.0, 3.0), u(-1.0, 1.0)) |a, _b| a.ceil();
        round(off(-3.0, 3.0), u(-1.0, 1.0)) |a, _b| (a + 0.5).round();
        trunc(off(-3.0, 3.0), u(-1.0, 1.0)) |a, _b| a.trunc();
        signum(s(0.1, 2.0), u(-1.0, 1.0)) |a, _b| a.signum() * a;
    }

    /// `sin_cos`: two results, each with its own cotangent.
    #[differentiable]
    fn sin_cos_pair(x: &[f64], y: &[f64]) -> (Vec<f64>, Vec<f64>) {
        let mut s = vec![0.0; x.len()];
        let mut c = vec![0.0; x.len()];
        for i in 0..x.len() {
            let (a, b) = x[i].sin_cos();
            s[i] = a;
            c[i] = b * y[i];
        }
        (s, c)
    }

    #[test]
    fn sin_cos() {
        run(
            "elementwise sin_cos",
            pair(slice(u(-3.0, 3.0)), slice(u(-1.0, 1.0))),
            |(x, y)| sin_cos_pair(x, y),
            |(x, y), (dx, dy)| sin_cos_pair_jvp(x, y, dx, dy),
            |(x, y), w| sin_cos_pair_vjp(x, y, w),
        );
    }
}
