//! Every derivative rule family, forward against reverse: for a small wrapper per rule, with
//! random `v` and a random cotangent `w` of the result's shape, `<J v, w> = <v, Jᵀ w>` (`J v`
//! from `f_jvp`, `Jᵀ w` from `f_vjp` seeded with `w`), and `J v` against central finite
//! differences along `v` (`common::identity::check_identity`, three random points per rule).
//!
//! The rules are tables: one line (or a few) per rule, each expanding to a module `name` with
//! the `#[differentiable] fn f` and a test `name::identity`. Inputs are drawn inside each
//! function's domain and away from its kinks.

#![allow(clippy::needless_range_loop)]
// Each wrapper also gets `f_grad`, `f_hvp`, ...; only `f`, `f_jvp` and `f_vjp` are called.
#![allow(dead_code)]

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Array2, ShapeBuilder, s};
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

/// Runs [`check_identity`] at [`TRIALS`] points drawn by `generate`.
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
/// Column-major (Fortran-order) random matrices: the rules must not assume the standard layout
/// (the tangents and cotangents they meet are in the standard one).
fn fmat(m: usize, n: usize, g: impl Fn(&mut Rng) -> f64) -> impl Fn(&mut Rng) -> Array2<f64> {
    move |r| Array2::from_shape_fn((m, n).f(), |_| g(r))
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
    ($( $(#[$m:meta])* $name:ident(
        $a:ident: $ta:ident$(<$pa:ident>)? = $ga:expr,
        $b:ident: $tb:ident$(<$pb:ident>)? = $gb:expr
    ) -> $r:ident$(<$pr:ident>)? $body:block )*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            // (Types as identifiers, not `ty` fragments: the macro does not see through the
            // invisible group a `ty` fragment becomes, and would not know `f64` there.)
            #[differentiable]
            pub fn f($a: $ta$(<$pa>)?, $b: $tb$(<$pb>)?) -> $r$(<$pr>)? $body

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
        // Derivative 0 (away from the jumps). `+ b` keeps the result differentiated: a `Vec`
        // result with no differentiated contribution at all does not compile in forward mode
        // (`vec_result_without_tangent` at the end).
        floor(off(-3.0, 3.0), u(-1.0, 1.0)) |a, b| a.floor() + b;
        ceil(off(-3.0, 3.0), u(-1.0, 1.0)) |a, b| a.ceil() + b;
        round(off(-3.0, 3.0), u(-1.0, 1.0)) |a, b| (a + 0.5).round() + b;
        trunc(off(-3.0, 3.0), u(-1.0, 1.0)) |a, b| a.trunc() + b;
        signum(s(0.1, 2.0), u(-1.0, 1.0)) |a, b| a.signum() + b;
        // Path forms and casts (`as f64` of a float: derivative 1; to an integer: a constant).
        path_forms(s(0.2, 2.0), s(0.2, 2.0)) |a, b| f64::sin(a) + f64::hypot(a, b) * f64::exp(b);
        cast(s(0.1, 0.9), u(-1.0, 1.0)) |a, b| (a as f64) * b + ((a + 10.0) as i32) as f64;
    }

    /// `round_ties_even` with `order = 1`: `Dual` has no `round_ties_even`, so the second-order
    /// code of the default attribute does not compile (see the end of the file).
    #[differentiable(order = 1)]
    fn round_ties_even_order1(x: &[f64], y: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; x.len()];
        for i in 0..x.len() {
            out[i] = (x[i] + 0.5).round_ties_even() + y[i];
        }
        out
    }

    #[test]
    fn round_ties_even() {
        run(
            "elementwise round_ties_even",
            pair(slice(off(-3.0, 3.0)), slice(u(-1.0, 1.0))),
            |(x, y)| round_ties_even_order1(x, y),
            |(x, y), (dx, dy)| round_ties_even_order1_jvp(x, y, dx, dy),
            |(x, y), w| round_ties_even_order1_vjp(x, y, w),
        );
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

// =============================================================================================
// 2. ndarray rules (arguments taken by value; array results where the op makes arrays)
// =============================================================================================

mod arrays {
    use super::*;
    use ad_runtime::ndarray::{Axis, Order, arr1};

    // ---- arithmetic and broadcasting ----
    rules! {
        add(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), b: Array2<f64> = mat(3, 4, u(-1.0, 1.0))) -> Array2<f64> { &a + &b }
        add_2d_1d(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), b: Array1<f64> = vec1(4, u(-1.0, 1.0))) -> Array2<f64> { &a + &b }
        sub_1d_2d(a: Array1<f64> = vec1(4, u(-1.0, 1.0)), b: Array2<f64> = mat(3, 4, u(-1.0, 1.0))) -> Array2<f64> { &a - &b }
        mul_column(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), b: Array2<f64> = mat(3, 1, u(-1.0, 1.0))) -> Array2<f64> { &a * &b }
        div_row(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), b: Array2<f64> = mat(1, 4, s(0.5, 2.0))) -> Array2<f64> { &a / &b }
        div_1d_2d(a: Array1<f64> = vec1(4, u(-1.0, 1.0)), b: Array2<f64> = mat(3, 4, s(0.5, 2.0))) -> Array2<f64> { &a / &b }
        rem_2d_1d(a: Array2<f64> = mat(3, 4, s(0.5, 5.0)), b: Array1<f64> = vec1(4, s(0.7, 1.3))) -> Array2<f64> { &a % &b }
        both_broadcast(a: Array2<f64> = mat(3, 1, u(-1.0, 1.0)), b: Array2<f64> = mat(1, 4, s(0.5, 2.0))) -> Array2<f64> {
            (&a - &b) / &b
        }
        owned_operands(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), b: Array1<f64> = vec1(4, u(-1.0, 1.0))) -> Array2<f64> { a * b }
        square(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { &a * &a }
        neg(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { -a }
        add_scalar(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), s: f64 = u(-1.0, 1.0)) -> Array2<f64> { &a + s }
        scalar_sub(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), s: f64 = u(-1.0, 1.0)) -> Array2<f64> { s - &a }
        mul_scalar(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), s: f64 = u(-1.0, 1.0)) -> Array2<f64> { &a * s }
        div_scalar(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), s: f64 = s(0.5, 2.0)) -> Array2<f64> { &a / s }
        scalar_div(a: Array2<f64> = mat(3, 4, s(0.5, 2.0)), s: f64 = u(-1.0, 1.0)) -> Array2<f64> { s / &a }
        rem_scalar(a: Array2<f64> = mat(3, 4, s(0.5, 5.0)), s: f64 = u(0.7, 1.3)) -> Array2<f64> { &a % s }
        compound(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), b: Array1<f64> = vec1(4, u(-1.0, 1.0))) -> Array2<f64> {
            let mut c = a.clone();
            c *= 0.9;
            c += &b;
            c -= &a.mapv(|v| v * v);
            c
        }
    }

    // ---- products ----
    rules! {
        dot_1_1(a: Array1<f64> = vec1(4, u(-1.0, 1.0)), b: Array1<f64> = vec1(4, u(-1.0, 1.0))) -> f64 { a.dot(&b) }
        dot_2_1(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), b: Array1<f64> = vec1(4, u(-1.0, 1.0))) -> Array1<f64> { a.dot(&b) }
        dot_1_2(a: Array1<f64> = vec1(3, u(-1.0, 1.0)), b: Array2<f64> = mat(3, 4, u(-1.0, 1.0))) -> Array1<f64> { a.dot(&b) }
        dot_2_2(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), b: Array2<f64> = mat(4, 2, u(-1.0, 1.0))) -> Array2<f64> { a.dot(&b) }
        transpose(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { a.t().to_owned() }
        transpose_dot(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), b: Array2<f64> = mat(3, 2, u(-1.0, 1.0))) -> Array2<f64> { a.t().dot(&b) }
        reversed_axes(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { a.reversed_axes() }
    }

    // ---- reductions ----
    rules! {
        sum(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> f64 { a.sum() }
        mean(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> f64 { a.mean().unwrap() }
        sum_axis_0(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> { a.sum_axis(Axis(0)) }
        sum_axis_1(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> { a.sum_axis(Axis(1)) }
        mean_axis(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> { a.mean_axis(Axis(1)).unwrap() }
        var(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> f64 { a.var(1.0) }
        std(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> f64 { a.std(0.0) }
        var_axis(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> { a.var_axis(Axis(0), 1.0) }
        std_axis(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> { a.std_axis(Axis(1), 0.0) }
        fold_axis_max(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max(x))
        }
        fold_axis_min(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            a.fold_axis(Axis(0), f64::INFINITY, |&m, &x| f64::min(m, x * 2.0))
        }
    }

    // ---- elementwise: mapv of float methods (paths), array methods, closures ----
    rules! {
        mapv_sin(a: Array2<f64> = mat(3, 4, u(-2.0, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { a.mapv(f64::sin) }
        mapv_tanh(a: Array2<f64> = mat(3, 4, u(-2.0, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { a.mapv(f64::tanh) }
        mapv_exp(a: Array2<f64> = mat(3, 4, u(-2.0, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { a.mapv(f64::exp) }
        mapv_sqrt(a: Array2<f64> = mat(3, 4, u(0.2, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { a.mapv(f64::sqrt) }
        mapv_ln(a: Array2<f64> = mat(3, 4, u(0.2, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { a.mapv(f64::ln) }
        mapv_recip(a: Array2<f64> = mat(3, 4, s(0.3, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { a.mapv(f64::recip) }
        mapv_abs(a: Array2<f64> = mat(3, 4, s(0.1, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { a.mapv(f64::abs) }
        method_unary(a: Array1<f64> = vec1(4, u(0.05, 0.45)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            // In (0.05, 0.45): inside every domain below.
            a.exp() + a.ln() * 0.5 + a.sqrt() - a.sin() + a.cos() * 1.5 + a.tan() - a.tanh() * 0.7
                + a.abs() * 0.3 + a.recip() * 0.2 + a.cbrt() - a.exp2() * 0.4 + a.exp_m1() * 0.6
                + a.log2() * 0.8 - a.log10() + a.ln_1p() * 0.9 + a.asin() * 1.1 - a.acos() * 1.2
                + a.atan() * 1.3 + a.sinh() * 1.4 - a.cosh() * 1.6 + a.asinh() * 1.7
                + (&a + 1.5).acosh() * 1.8 - a.atanh() * 1.9 + a.to_degrees() * 0.01
                + a.to_radians() * 2.1 + a.powi(3) * 2.2
        }
        method_powf(a: Array1<f64> = vec1(4, u(0.2, 2.0)), p: f64 = u(-2.0, 2.0)) -> Array1<f64> { a.powf(p) }
        method_log(a: Array1<f64> = vec1(4, u(0.2, 2.0)), b: f64 = u(1.5, 4.0)) -> Array1<f64> { a.log(b) }
        method_piecewise_constant(a: Array1<f64> = vec1(6, off(-3.0, 3.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            // Derivative 0 away from the jumps (`mapv(f64::floor)` does not compile: see the end).
            a.floor() + a.ceil() * 2.0 + a.round() * 3.0 + a.trunc() * 4.0 + a.signum() * 5.0
        }
        method_clamp(a: Array1<f64> = vec1(6, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> { a.clamp(-0.5, 0.5) }
        closure_capturing(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), c: f64 = u(-1.0, 1.0)) -> Array2<f64> {
            a.mapv(|v| (v * c).sin() + c * v * v)
        }
        closure_branch(a: Array2<f64> = mat(3, 4, s(0.1, 1.0)), c: f64 = u(0.5, 1.5)) -> Array2<f64> {
            a.mapv(|v| if v > 0.0 { v * v * c } else { 0.1 * v })
        }
        closure_methods(a: Array2<f64> = mat(3, 4, u(0.2, 2.0)), p: f64 = u(0.5, 2.0)) -> Array2<f64> {
            a.mapv(|v| v.powf(p) + v.ln().max(-0.5) + v.hypot(p))
        }
        closure_map_ref(a: Array1<f64> = vec1(4, u(-1.0, 1.0)), c: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            a.map(|&v| v.exp() * c)
        }
        closure_mapv_into(a: Array1<f64> = vec1(4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            a.mapv_into(|v| v.tanh() * 2.0)
        }
        closure_reads_element(a: Array1<f64> = vec1(4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            a.mapv(|x| x * a[0] + x.sin())
        }
    }

    // ---- shapes and indexing ----
    rules! {
        insert_axis(a: Array1<f64> = vec1(3, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { a.insert_axis(Axis(1)) }
        insert_axis_view(a: Array1<f64> = vec1(3, u(-1.0, 1.0)), b: Array2<f64> = mat(2, 3, u(-1.0, 1.0))) -> Array2<f64> {
            &a.view().insert_axis(Axis(0)) * &b
        }
        into_shape_with_order(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> {
            a.into_shape_with_order((2, 6)).unwrap()
        }
        to_shape_row_major(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> {
            a.to_shape((6, 2)).unwrap().into_owned()
        }
        to_shape_column_major(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> {
            a.to_shape(((6, 2), Order::ColumnMajor)).unwrap().into_owned()
        }
        slice(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { a.slice(s![1.., ..3]).to_owned() }
        row(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> { a.row(1).to_owned() }
        column(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> { a.column(2).to_owned() }
        index_axis(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            a.index_axis(Axis(1), 3).to_owned()
        }
        element_reads(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), b: Array1<f64> = vec1(4, u(-1.0, 1.0))) -> f64 {
            a[[0, 1]] * b[2] + a[[2, 3]] * a[[0, 1]]
        }
        element_writes(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), c: f64 = u(-1.0, 1.0)) -> Array2<f64> {
            let mut out = Array2::<f64>::zeros((4, 3));
            for i in 0..3 {
                for j in 0..4 {
                    out[[j, i]] = a[[i, j]] * c;
                }
            }
            out
        }
    }

    // ---- arrays built from values ----
    rules! {
        from_vec(x: Vec<f64> = slice(u(-1.0, 1.0)), c: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            let mut v = Vec::new();
            for i in 0..x.len() {
                v.push(x[i] * c);
            }
            Array1::from_vec(v)
        }
        from_into(x: Vec<f64> = slice(u(-1.0, 1.0)), c: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            Array1::from(vec![x[4] * c, x[0], c])
        }
        from_arr1(x: Vec<f64> = slice(u(-1.0, 1.0)), c: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            arr1(&[x[0] * c, x[3], x[1] + c])
        }
        from_shape_vec(x: Vec<f64> = slice(u(-1.0, 1.0)), c: f64 = u(-1.0, 1.0)) -> Array2<f64> {
            Array2::from_shape_vec((2, 3), vec![x[0], x[1] * c, x[2], x[3], x[4], c]).unwrap()
        }
        from_shape_vec_column_major(x: Vec<f64> = slice(u(-1.0, 1.0)), c: f64 = u(-1.0, 1.0)) -> Array2<f64> {
            Array2::from_shape_vec((3, 2).f(), vec![x[0], x[1] * c, x[2], x[3], x[4], c]).unwrap()
        }
    }
}

// =============================================================================================
// 3. ndarray: constructs rewritten into other rules, copies, column-major arguments
// =============================================================================================

mod rewritten_and_layouts {
    use super::*;
    use ad_runtime::ndarray::{Axis, Ix2, Zip};

    // ---- constructs rewritten into other rules, copies and dimension changes ----
    rules! {
        assign_and_scaled_add(a: Array1<f64> = vec1(4, u(-1.0, 1.0)), b: Array1<f64> = vec1(4, u(-1.0, 1.0))) -> Array2<f64> {
            let mut c = a.clone();
            c.scaled_add(0.7, &b);
            let mut m = Array2::zeros((2, 4));
            m.assign(&c);
            m
        }
        map_axis(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            a.map_axis(Axis(1), |row| row.sum() * row[0])
        }
        zip_map_collect(a: Array1<f64> = vec1(4, u(-1.0, 1.0)), b: Array1<f64> = vec1(4, u(-1.0, 1.0))) -> Array1<f64> {
            let mut c = Array1::zeros(a.len());
            Zip::from(&mut c).and(&a).and(&b).for_each(|c, &a, &b| *c = a * b.sin());
            Zip::from(&c).and(&a).map_collect(|&c, a| c * *a + 1.0)
        }
        copies_and_dyn(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> {
            let d = a.view().to_owned().into_dyn();
            let b = d.into_dimensionality::<Ix2>().unwrap();
            &b.clone() * &a.view()
        }
    }

    // ---- column-major arguments ----
    rules! {
        f_add_2d_1d(a: Array2<f64> = fmat(3, 4, u(-1.0, 1.0)), b: Array1<f64> = vec1(4, u(-1.0, 1.0))) -> Array2<f64> { &a * &b + &a }
        f_dot_2_2(a: Array2<f64> = fmat(3, 4, u(-1.0, 1.0)), b: Array2<f64> = fmat(4, 2, u(-1.0, 1.0))) -> Array2<f64> { a.dot(&b) }
        f_dot_2_1(a: Array2<f64> = fmat(3, 4, u(-1.0, 1.0)), b: Array1<f64> = vec1(4, u(-1.0, 1.0))) -> Array1<f64> { a.dot(&b) }
        f_sum_axis(a: Array2<f64> = fmat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> { a.sum_axis(Axis(0)) }
        f_std_axis(a: Array2<f64> = fmat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> { a.std_axis(Axis(1), 1.0) }
        f_fold_axis_max(a: Array2<f64> = fmat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> {
            a.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &x| m.max(x))
        }
        f_mapv_closure(a: Array2<f64> = fmat(3, 4, u(-1.0, 1.0)), c: f64 = u(-1.0, 1.0)) -> Array2<f64> { a.mapv(|v| (v * c).tanh()) }
        f_into_shape(a: Array2<f64> = fmat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> {
            a.to_shape((6, 2)).unwrap().into_owned()
        }
        f_slice_row(a: Array2<f64> = fmat(3, 4, u(-1.0, 1.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> {
            let r = a.row(2).to_owned().insert_axis(Axis(0));
            &a.slice(s![..2, 1..]).to_owned() * &r.slice(s![.., ..3])
        }
        f_softmax(a: Array2<f64> = fmat(3, 4, u(-2.0, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> {
            ad_runtime::nn::softmax(&a, Axis(0))
        }
    }
}

// =============================================================================================
// 4. ad_runtime::nn
// =============================================================================================

mod nn_ops {
    use super::*;
    use ad_runtime::ndarray::Axis;
    use ad_runtime::nn;

    rules! {
        relu(a: Array2<f64> = mat(3, 4, s(0.1, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { nn::relu(&a) }
        sigmoid(a: Array2<f64> = mat(3, 4, u(-3.0, 3.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { nn::sigmoid(&a) }
        softplus(a: Array2<f64> = mat(3, 4, u(-3.0, 3.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { nn::softplus(&a) }
        softmax_rows(a: Array2<f64> = mat(3, 4, u(-2.0, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { nn::softmax(&a, Axis(1)) }
        softmax_columns(a: Array2<f64> = mat(3, 4, u(-2.0, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { nn::softmax(&a, Axis(0)) }
        log_softmax(a: Array2<f64> = mat(3, 4, u(-2.0, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array2<f64> { nn::log_softmax(&a, Axis(1)) }
        logsumexp(a: Array2<f64> = mat(3, 4, u(-2.0, 2.0)), _s: f64 = u(-1.0, 1.0)) -> Array1<f64> { nn::logsumexp(&a, Axis(1)) }
        cross_entropy(a: Array2<f64> = mat(3, 4, u(-2.0, 2.0)), _s: f64 = u(-1.0, 1.0)) -> f64 {
            let labels = [2usize, 0, 3];
            nn::cross_entropy(&a, &labels)
        }
        cross_entropy_one_hot(a: Array2<f64> = mat(3, 4, u(-2.0, 2.0)), t: Array2<f64> = mat(3, 4, u(0.0, 1.0))) -> f64 {
            nn::cross_entropy_one_hot(&a, &t)
        }
        mse(a: Array2<f64> = mat(3, 4, u(-2.0, 2.0)), b: Array2<f64> = mat(3, 4, u(-2.0, 2.0))) -> f64 { nn::mse(&a, &b) }
    }
}

// =============================================================================================
// 5. Constructs forward mode now takes through dual numbers: `concatenate`, `stack`, casts
//    inside `mapv` closures (until commit f2faa39, calling `f_jvp` of these was a compile
//    error naming the construct)
// =============================================================================================

mod lifted {
    use super::*;
    use ad_runtime::ndarray::{Array3, Axis, concatenate, stack};

    rules! {
        concatenate_rows(a: Array2<f64> = mat(2, 4, u(-1.0, 1.0)), b: Array2<f64> = mat(3, 4, u(-1.0, 1.0))) -> Array2<f64> {
            concatenate(Axis(0), &[a.view(), b.view()]).unwrap()
        }
        concatenate_columns(a: Array2<f64> = mat(3, 2, u(-1.0, 1.0)), b: Array2<f64> = mat(3, 4, u(-1.0, 1.0))) -> Array2<f64> {
            concatenate(Axis(1), &[b.view(), a.view(), b.view()]).unwrap()
        }
        stack_rows(a: Array1<f64> = vec1(4, u(-1.0, 1.0)), b: Array1<f64> = vec1(4, u(-1.0, 1.0))) -> Array2<f64> {
            stack(Axis(0), &[a.view(), b.view(), a.view()]).unwrap()
        }
        stack_last_axis(a: Array2<f64> = mat(3, 4, u(-1.0, 1.0)), b: Array2<f64> = mat(3, 4, u(-1.0, 1.0))) -> Array3<f64> {
            stack(Axis(2), &[a.view(), b.view()]).unwrap()
        }
        mapv_cast(a: Array2<f64> = mat(3, 4, s(0.1, 0.9)), c: f64 = u(-1.0, 1.0)) -> Array2<f64> {
            // `(v + 10.0) as i32` is piecewise constant (derivative 0 away from the jumps).
            a.mapv(|v| ((v + 10.0) as i32) as f64 * 0.5 + (v as f64) * c + v.sin())
        }
    }
}

// =============================================================================================
// 6. Piecewise-constant results, which did not compile until these were fixed (the
//    other sections work around them): a `Vec` result that nothing differentiated reaches
//    (E0382 in `f_pushforward`: the zero tangent was shaped after the value had moved), a
//    `mapv` closure whose derivative is zero (E0283: its adjoint had no type), and
//    `round_ties_even` in second order (no such method on `Dual`).
// =============================================================================================

mod piecewise_constant {
    use super::*;

    #[differentiable]
    fn vec_result_without_tangent(x: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; x.len()];
        for i in 0..x.len() {
            out[i] = x[i].floor();
        }
        out
    }

    #[differentiable]
    fn mapv_of_piecewise_constant(a: Array1<f64>, c: f64) -> Array1<f64> {
        a.mapv(f64::floor) + a.mapv(|v| v.signum() * c)
    }

    #[differentiable]
    fn round_ties_even_default(x: f64) -> f64 {
        (x + 0.5).round_ties_even() + x
    }

    #[test]
    fn piecewise_constant_results() {
        let x = vec![0.3, -1.7, 2.2];
        assert_eq!(
            vec_result_without_tangent_jvp(&x, &[1.0, 1.0, 1.0]).1,
            vec![0.0; 3]
        );
        let a = Array1::from(x.clone());
        let (_, (ga, gc)) = mapv_of_piecewise_constant_vjp(a.clone(), 2.0, Array1::ones(3));
        assert_eq!((ga, gc), (Array1::zeros(3), 1.0 - 1.0 + 1.0));
        assert_eq!(round_ties_even_default_grad(0.3).1, 1.0);
    }
}
