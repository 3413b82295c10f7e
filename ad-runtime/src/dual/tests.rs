use super::*;

fn fd(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    let h = 1e-6;
    (f(x + h) - f(x - h)) / (2.0 * h)
}

#[test]
fn unary_tangents_match_finite_differences() {
    type Pair = (fn(Dual<f64>) -> Dual<f64>, fn(f64) -> f64);
    let cases: [(&str, Pair, f64); 22] = [
        ("sin", (Dual::sin, f64::sin), 0.7),
        ("cos", (Dual::cos, f64::cos), 0.7),
        ("tan", (Dual::tan, f64::tan), 0.7),
        ("asin", (Dual::asin, f64::asin), 0.3),
        ("acos", (Dual::acos, f64::acos), 0.3),
        ("atan", (Dual::atan, f64::atan), 0.3),
        ("sinh", (Dual::sinh, f64::sinh), 0.3),
        ("cosh", (Dual::cosh, f64::cosh), 0.3),
        ("tanh", (Dual::tanh, f64::tanh), 0.3),
        ("asinh", (Dual::asinh, f64::asinh), 0.3),
        ("acosh", (Dual::acosh, f64::acosh), 1.3),
        ("atanh", (Dual::atanh, f64::atanh), 0.3),
        ("exp", (Dual::exp, f64::exp), 0.3),
        ("exp2", (Dual::exp2, f64::exp2), 0.3),
        ("exp_m1", (Dual::exp_m1, f64::exp_m1), 0.3),
        ("ln", (Dual::ln, f64::ln), 1.3),
        ("log2", (Dual::log2, f64::log2), 1.3),
        ("log10", (Dual::log10, f64::log10), 1.3),
        ("ln_1p", (Dual::ln_1p, f64::ln_1p), 1.3),
        ("sqrt", (Dual::sqrt, f64::sqrt), 1.3),
        ("cbrt", (Dual::cbrt, f64::cbrt), 1.3),
        ("recip", (Dual::recip, f64::recip), 1.3),
    ];
    for (name, (d, f), x) in cases {
        let y = d(Dual::new(x, 1.0));
        assert_eq!(y.re, f(x), "{name}");
        assert!(
            (y.eps - fd(f, x)).abs() < 1e-7,
            "{name}: {} vs {}",
            y.eps,
            fd(f, x)
        );
    }
}

#[test]
fn binary_tangents_match_finite_differences() {
    let (a, b) = (1.3, 0.6);
    type Bin = (fn(Dual<f64>, Dual<f64>) -> Dual<f64>, fn(f64, f64) -> f64);
    let cases: [(&str, Bin); 11] = [
        ("mul", (|x, y| x * y, |x, y| x * y)),
        ("div", (|x, y| x / y, |x, y| x / y)),
        ("rem", (|x, y| x % y, |x, y| x % y)),
        ("powf", (Dual::powf, f64::powf)),
        ("atan2", (Dual::atan2, f64::atan2)),
        ("hypot", (Dual::hypot, f64::hypot)),
        ("log", (Dual::log, f64::log)),
        ("max", (Dual::max, f64::max)),
        ("min", (Dual::min, f64::min)),
        ("rem_euclid", (Dual::rem_euclid, f64::rem_euclid)),
        (
            "abs_sub of max",
            (|x, y| (x - y).max(Dual::cst(0.0)), |x, y| (x - y).max(0.0)),
        ),
    ];
    for (name, (d, f)) in cases {
        let da = d(Dual::new(a, 1.0), Dual::cst(b)).eps;
        let db = d(Dual::cst(a), Dual::new(b, 1.0)).eps;
        assert!((da - fd(|x| f(x, b), a)).abs() < 1e-7, "{name} d/da");
        assert!((db - fd(|y| f(a, y), b)).abs() < 1e-7, "{name} d/db");
    }
    // rem_euclid below zero: slope 1 in a, -floor(a / b) in b.
    let (a, b) = (-1.3, 0.6);
    let da = Dual::new(a, 1.0).rem_euclid(Dual::cst(b)).eps;
    let db = Dual::cst(a).rem_euclid(Dual::new(b, 1.0)).eps;
    assert!((da - fd(|x| x.rem_euclid(b), a)).abs() < 1e-7);
    assert!((db - fd(|y| a.rem_euclid(y), b)).abs() < 1e-6, "{db}");
    let p = Dual::new(2.0, 1.0).powi(3);
    assert_eq!((p.re, p.eps), (8.0, 12.0));
}

#[test]
fn ties_and_nans_follow_the_reverse_rules() {
    let m = Dual::new(1.0, 2.0).max(Dual::new(1.0, 4.0));
    assert_eq!(m.eps, 3.0);
    let m = Dual::new(f64::NAN, 2.0).max(Dual::new(1.0, 4.0));
    assert_eq!((m.re, m.eps), (1.0, 4.0));
    assert_eq!(Dual::new(0.0, 1.0).abs().eps, 1.0);
}

#[test]
fn mixed_arithmetic_with_plain_floats() {
    let x: Dual<f64> = Dual::new(2.0, 1.0);
    assert_eq!((x * 3.0).eps, 3.0);
    assert_eq!((x / 4.0).eps, 0.25);
    assert_eq!((x - 1.0).re, 1.0);
    assert!(x > 1.5f64 && x > Dual::cst(1.5));
}

#[test]
fn round_ties_even_matches_std() {
    for &a in &[
        2.5,
        3.5,
        -2.5,
        -3.5,
        0.5,
        -0.5,
        1.4,
        1.6,
        -7.2,
        1e17 + 2.0,
        0.0,
    ] {
        let d = Dual::new(a, 1.0).round_ties_even();
        assert_eq!(d.re, f64::round_ties_even(a), "{a}");
        assert_eq!(d.eps, 0.0);
    }
}

/// `tanh`'s slope against `1 / cosh²(a)` in its overflow-free form `4e^{-2|a|} / (1 +
/// e^{-2|a|})²` over every range of its piecewise evaluation: `1 - y²` (`|y| < ½`), the
/// factored `(1 - |y|)(1 + |y|)` and the exponential itself (`|a| ≳ 3.8`, where `y` rounds
/// towards ±1; at `|a| = 25`, `1 - y²` is 0 but the slope is not).
#[test]
fn tanh_slope_is_accurate_everywhere() {
    let reference = |a: f64| {
        let e = (-2.0 * a.abs()).exp();
        4.0 * e / ((1.0 + e) * (1.0 + e))
    };
    let mut a = -30.0;
    while a <= 30.0 {
        let got = Dual::new(a, 1.0).tanh().eps;
        let want = reference(a);
        assert!(
            ((got - want) / want).abs() < 1e-12,
            "tanh'({a}) = {got}, want {want}"
        );
        a += 0.0137;
    }
    assert!(Dual::new(25.0, 1.0).tanh().eps > 0.0);
}
