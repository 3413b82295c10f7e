//! Iterator chains (`map`, `filter`, `enumerate`, `zip`, `rev`, `skip`, `take`, `step_by`,
//! `chain`, `copied`, `windows`, `chunks`, `chunks_exact`, `enumerate().rev()` into `max_by`/`min_by`/`reduce`, `sum`, `product`, `fold`, `count`, `collect` and `for`
//! loops), rewritten into their index loops: every mode checked against central finite
//! differences (`_grad`), against the gradient (`_jvp` = grad · v) and against differences
//! of the gradient (`_hvp`).

#![allow(clippy::needless_range_loop)]

mod common;

use ad_runtime::differentiable;
use common::{Rng, assert_close, assert_close_tol, fd_grad};

#[differentiable]
fn zip_map_sum(x: &[f64], y: &[f64]) -> f64 {
    x.iter().zip(y.iter()).map(|(a, b)| a * b.sin()).sum()
}

#[differentiable]
fn enumerate_weighted(x: &[f64]) -> f64 {
    x.iter()
        .enumerate()
        .map(|(i, v)| v * v * (i as f64 + 1.0))
        .sum()
}

#[differentiable]
fn filter_positive(x: &[f64]) -> f64 {
    x.iter().filter(|v| **v > 0.0).map(|v| v * v.exp()).sum()
}

#[differentiable]
fn filter_ref_pattern(x: &[f64]) -> f64 {
    x.iter()
        .copied()
        .filter(|&v| v < 0.5)
        .map(|v| v.tanh())
        .sum()
}

#[differentiable]
fn collect_then_index(x: &[f64]) -> f64 {
    let y: Vec<f64> = x.iter().map(|v| v.sin() * 2.0).collect();
    let z = x.iter().map(|&v| v * v).collect::<Vec<f64>>();
    y[0] * z[1] + y[y.len() - 1] / (1.0 + z[0])
}

#[differentiable]
fn fold_rev(x: &[f64]) -> f64 {
    x.iter().rev().fold(0.0, |a, v| a * 0.5 + v.cos())
}

#[differentiable]
fn chain_sum(x: &[f64], y: &[f64]) -> f64 {
    x.iter().chain(y.iter()).map(|v| v * v).sum::<f64>()
        + x.iter()
            .skip(1)
            .chain(y.iter().take(2))
            .enumerate()
            .map(|(i, v)| v * i as f64)
            .sum::<f64>()
}

#[differentiable]
fn skip_take_step(x: &[f64]) -> f64 {
    let a: f64 = x.iter().skip(1).take(3).map(|v| v * v).sum();
    let b: f64 = x.iter().step_by(2).map(|v| v.sin()).sum();
    a * b + x.iter().copied().product::<f64>()
}

#[differentiable]
fn count_and_range(x: &[f64]) -> f64 {
    let n = x.iter().filter(|&&v| v > 0.0).count();
    let w: f64 = (0..x.len()).map(|i| x[i] * i as f64).sum();
    w * n as f64
        + (1..=3)
            .zip(x.iter())
            .map(|(k, v)| v * k as f64)
            .sum::<f64>()
}

#[differentiable]
fn for_chains(x: &[f64], y: &[f64]) -> f64 {
    let mut s = 0.0;
    for (i, (a, b)) in x.iter().zip(y.iter()).enumerate() {
        if i == 2 {
            continue;
        }
        s += a * b * (i as f64 + 0.5);
    }
    for w in x.windows(2) {
        s += w[0] * w[1];
    }
    for v in x.iter().rev().skip(1) {
        s = s * 0.9 + v;
    }
    for (k, &v) in y.iter().enumerate().filter(|(k, _)| *k % 2 == 0) {
        s += v.powi(2) * k as f64;
    }
    for v in x.iter().chain(y.iter()).filter(|v| **v < 1.0) {
        s += v.sin();
    }
    s
}

#[differentiable]
fn fold_max(x: &[f64]) -> f64 {
    let m = x.iter().map(|v| v * 2.0).fold(f64::NEG_INFINITY, f64::max);
    let lse: f64 = x.iter().map(|v| (v - m).exp()).sum();
    m + lse.ln()
}

/// Pairs of neighbours (the last chunk of an odd length a single element), then blocks of
/// three read backwards in a `for` loop, and chunks zipped with weights.
#[differentiable]
fn chunked(x: &[f64], w: &[f64]) -> f64 {
    let mut s: f64 = x.chunks(2).map(|c| c[0] * c[c.len() - 1]).sum();
    s += x
        .chunks(2)
        .map(|c| c.iter().sum::<f64>())
        .map(|t| t * t)
        .sum::<f64>();
    for c in x.chunks_exact(3).rev() {
        s = s * 0.5 + c[0] * c[2].sin() - c[1];
    }
    s + x
        .chunks(2)
        .zip(w.iter())
        .map(|(c, wi)| wi * c[0])
        .sum::<f64>()
}

/// Extremes written with comparators (`max_by(|a, b| a.partial_cmp(b).unwrap())`, `total_cmp`,
/// reversed, `min_by`, a leading `*`, `reduce(f64::max)`): the selected element's slope.
#[differentiable]
fn extremes(x: &[f64]) -> f64 {
    let hi = x
        .iter()
        .copied()
        .max_by(|a, b| a.partial_cmp(b).unwrap())
        .unwrap();
    let top = *x.iter().max_by(|a, b| a.total_cmp(b)).unwrap();
    let lo = x
        .iter()
        .min_by(|p, q| p.partial_cmp(q).expect("no NaN"))
        .unwrap();
    let rev = x
        .iter()
        .cloned()
        .max_by(|a, b| b.partial_cmp(a).unwrap())
        .unwrap();
    let s = x.iter().map(|v| v.sin()).reduce(f64::max).unwrap();
    hi * lo + top.exp() + 2.0 * rev * rev + s
}

/// `enumerate().rev()`: backwards, each element numbered by its index (a `for` loop and a
/// chain into a `fold`).
#[differentiable]
fn enumerate_rev(x: &[f64]) -> f64 {
    let mut acc = 0.0;
    for (i, v) in x.iter().enumerate().rev() {
        acc = acc * 0.5 + v * i as f64;
    }
    acc + x
        .iter()
        .enumerate()
        .rev()
        .map(|(i, v)| v * v * (i as f64 + 1.0))
        .fold(0.0, |a, t| a * 0.9 + t)
}

/// A differentiable function used by path in `map` below.
#[differentiable]
fn softplus(v: f64) -> f64 {
    (1.0 + v.exp()).ln()
}

/// `map` given function paths instead of closures: a float method (`f64::exp`, `f64::sin`),
/// a differentiable user function, and both in a chain into `sum` and `fold`.
#[differentiable]
fn map_paths(x: &[f64]) -> f64 {
    let s: f64 = x.iter().copied().map(f64::exp).sum();
    let t: f64 = x.iter().copied().map(softplus).map(f64::sin).sum();
    let u = x
        .iter()
        .copied()
        .map(f64::cos)
        .fold(0.0, |a, c| a * 0.5 + c);
    s + t * u
}

type F1<'a> = &'a dyn Fn(&[f64]) -> f64;
type G1<'a> = &'a dyn Fn(&[f64]) -> (f64, Vec<f64>);
type J1<'a> = &'a dyn Fn(&[f64], &[f64]) -> (f64, f64);
type H1<'a> = &'a dyn Fn(&[f64], &[f64]) -> (f64, Vec<f64>, Vec<f64>);

/// `f_grad` against central differences, `f_jvp` against `grad · v`, `f_hvp` against the
/// gradient and against differences of the gradient along `v`, at points away from kinks.
fn check(what: &str, n: usize, seed: u64, f: F1, grad: G1, jvp: J1, hvp: H1) {
    let mut rng = Rng::new(seed);
    for _ in 0..4 {
        let x: Vec<f64> = (0..n).map(|_| rng.signed(0.1, 1.3)).collect();
        let v: Vec<f64> = (0..n).map(|_| rng.signed(0.2, 1.0)).collect();
        let (value, g) = grad(&x);
        assert_eq!(value, f(&x), "{what}: value");
        assert_close(&g, &fd_grad(f, &x), &format!("{what}: gradient"));
        let (jv, t) = jvp(&x, &v);
        assert_eq!(jv, value, "{what}: jvp value");
        let gv: f64 = g.iter().zip(&v).map(|(a, b)| a * b).sum();
        assert_close(&[t], &[gv], &format!("{what}: jvp = grad . v"));
        let (hv_value, hg, hv) = hvp(&x, &v);
        assert_close(&[hv_value], &[value], &format!("{what}: hvp value"));
        assert_close(&hg, &g, &format!("{what}: hvp gradient"));
        let h = 1e-5;
        let xp: Vec<f64> = x.iter().zip(&v).map(|(a, b)| a + h * b).collect();
        let xm: Vec<f64> = x.iter().zip(&v).map(|(a, b)| a - h * b).collect();
        let fd: Vec<f64> = grad(&xp)
            .1
            .iter()
            .zip(grad(&xm).1)
            .map(|(p, m)| (p - m) / (2.0 * h))
            .collect();
        assert_close_tol(&hv, &fd, 1e-5, &format!("{what}: H v"));
    }
}

macro_rules! check1 {
    ($f:ident, $grad:ident, $jvp:ident, $hvp:ident, $n:expr, $seed:expr) => {
        check(
            stringify!($f),
            $n,
            $seed,
            &|x| $f(x),
            &|x| $grad(x),
            &|x, v| $jvp(x, v),
            &|x, v| $hvp(x, v),
        )
    };
}

/// A function of two slices as a function of their concatenation (`n` each).
macro_rules! check2 {
    ($f:ident, $grad:ident, $jvp:ident, $hvp:ident, $n:expr, $seed:expr) => {{
        let n = $n;
        check(
            stringify!($f),
            2 * n,
            $seed,
            &|x| $f(&x[..n], &x[n..]),
            &|x| {
                let (v, (a, b)) = $grad(&x[..n], &x[n..]);
                (v, [a, b].concat())
            },
            &|x, t| $jvp(&x[..n], &x[n..], &t[..n], &t[n..]),
            &|x, t| {
                let (v, (a, b), (c, d)) = $hvp(&x[..n], &x[n..], &t[..n], &t[n..]);
                (v, [a, b].concat(), [c, d].concat())
            },
        )
    }};
}

#[test]
fn map_zip_enumerate_filter() {
    check2!(
        zip_map_sum,
        zip_map_sum_grad,
        zip_map_sum_jvp,
        zip_map_sum_hvp,
        5,
        1
    );
    check1!(
        enumerate_weighted,
        enumerate_weighted_grad,
        enumerate_weighted_jvp,
        enumerate_weighted_hvp,
        6,
        2
    );
    check1!(
        filter_positive,
        filter_positive_grad,
        filter_positive_jvp,
        filter_positive_hvp,
        7,
        3
    );
    check1!(
        filter_ref_pattern,
        filter_ref_pattern_grad,
        filter_ref_pattern_jvp,
        filter_ref_pattern_hvp,
        7,
        4
    );
}

#[test]
fn enumerate_then_rev() {
    check1!(
        enumerate_rev,
        enumerate_rev_grad,
        enumerate_rev_jvp,
        enumerate_rev_hvp,
        5,
        24
    );
    // The same sums written forwards (the last element first).
    let x = [0.3, -1.2, 0.5, 2.0];
    let mut acc = 0.0;
    let mut fold = 0.0;
    for i in (0..4).rev() {
        acc = acc * 0.5 + x[i] * i as f64;
        fold = fold * 0.9 + x[i] * x[i] * (i as f64 + 1.0);
    }
    assert_close(&[enumerate_rev_grad(&x).0], &[acc + fold], "value");
}

#[test]
fn max_by_min_by_reduce() {
    check1!(extremes, extremes_grad, extremes_jvp, extremes_hvp, 6, 23);
    // Closed form: max 0.9 (index 2), min -1.2 (index 1), max sin at index 2.
    let x = [0.3, -1.2, 0.9, 0.1];
    let (v, g) = extremes_grad(&x);
    let want = 0.9 * -1.2 + 0.9f64.exp() + 2.0 * 1.44 + 0.9f64.sin();
    assert_close(&[v], &[want], "extremes value");
    assert_close(
        &g,
        &[
            0.0,
            0.9 + 4.0 * -1.2,
            -1.2 + 0.9f64.exp() + 0.9f64.cos(),
            0.0,
        ],
        "extremes gradient",
    );
}

#[test]
fn chunks() {
    // Odd lengths: the last `chunks(2)` is one element, `chunks_exact(3)` drops a remainder.
    check2!(chunked, chunked_grad, chunked_jvp, chunked_hvp, 7, 21);
    check2!(chunked, chunked_grad, chunked_jvp, chunked_hvp, 6, 22);
    // A closed form: chunks [a, b], [c]: a b + c² + (a + b)² + c² + w0 a + w1 c.
    let (v, (g, _)) = chunked_grad(&[0.5, -1.0, 2.0], &[1.0, 3.0, 0.0]);
    let c = 2.0f64;
    // The one block of three: s = s / 2 + a sin(c) + 1.
    let s0 = -0.5 + c * c + 0.25 + c * c;
    let want = s0 * 0.5 + 0.5 * c.sin() + 1.0 + 0.5 + 3.0 * c;
    assert_close(&[v], &[want], "chunks value");
    assert_close(
        &g,
        &[
            0.5 * (-1.0 + 2.0 * -0.5) + c.sin() + 1.0,
            0.5 * (0.5 + 2.0 * -0.5) - 1.0,
            0.5 * (4.0 * c) + 0.5 * c.cos() + 3.0,
        ],
        "chunks gradient",
    );
}

#[test]
fn collect_fold_rev() {
    check1!(
        collect_then_index,
        collect_then_index_grad,
        collect_then_index_jvp,
        collect_then_index_hvp,
        4,
        5
    );
    check1!(fold_rev, fold_rev_grad, fold_rev_jvp, fold_rev_hvp, 6, 6);
    check1!(fold_max, fold_max_grad, fold_max_jvp, fold_max_hvp, 5, 7);
}

#[test]
fn chain_skip_take_step_count() {
    check2!(
        chain_sum,
        chain_sum_grad,
        chain_sum_jvp,
        chain_sum_hvp,
        4,
        8
    );
    check1!(
        skip_take_step,
        skip_take_step_grad,
        skip_take_step_jvp,
        skip_take_step_hvp,
        6,
        9
    );
    check1!(
        count_and_range,
        count_and_range_grad,
        count_and_range_jvp,
        count_and_range_hvp,
        5,
        10
    );
}

#[test]
fn for_loops_over_chains() {
    check2!(
        for_chains,
        for_chains_grad,
        for_chains_jvp,
        for_chains_hvp,
        5,
        11
    );
}

/// Closed forms: the chains compute what the loops they stand for compute.
#[test]
fn values_match_the_iterators() {
    let x: [f64; 5] = [0.3, -1.2, 0.8, 2.0, -0.4];
    let y: [f64; 5] = [1.5, 0.2, -0.7, 0.9, 0.1];
    let zip: f64 = x.iter().zip(y.iter()).map(|(a, b)| a * b.sin()).sum();
    assert_eq!(zip_map_sum(&x, &y), zip);
    let filt: f64 = x.iter().filter(|v| **v > 0.0).map(|v| v * v.exp()).sum();
    assert_eq!(filter_positive(&x), filt);
    let chain: f64 = x.iter().chain(y.iter()).map(|v| v * v).sum::<f64>()
        + x.iter()
            .skip(1)
            .chain(y.iter().take(2))
            .enumerate()
            .map(|(i, v)| v * i as f64)
            .sum::<f64>();
    assert_eq!(chain_sum(&x, &y), chain);
    // d/dx_k of sum_i (i+1) x_i^2 = 2 (k+1) x_k.
    let (_, g) = enumerate_weighted_grad(&x);
    let expected: Vec<f64> = x
        .iter()
        .enumerate()
        .map(|(k, v)| 2.0 * (k as f64 + 1.0) * v)
        .collect();
    assert_close(&g, &expected, "enumerate closed form");
}

#[differentiable]
fn array_chain(a: &ad_runtime::ndarray::Array1<f64>) -> f64 {
    a.iter()
        .filter(|v| **v > 0.0)
        .map(|v| v * v.sin())
        .sum::<f64>()
        + a.iter().enumerate().map(|(i, v)| v * i as f64).sum::<f64>()
}

/// Chains over a 1-D ndarray array index it like a slice.
#[test]
fn chains_over_arrays() {
    let a = ad_runtime::ndarray::array![0.5, -1.2, 2.0, 0.3];
    let (v, g) = array_chain_grad(&a);
    assert_eq!(v, array_chain(&a));
    let expected: Vec<f64> = a
        .iter()
        .enumerate()
        .map(|(i, &x)| if x > 0.0 { x.sin() + x * x.cos() } else { 0.0 } + i as f64)
        .collect();
    assert_close(g.as_slice().unwrap(), &expected, "closed form");
}

/// A chain collected into an annotated `Array1` (hunt 28): the `Vec` the chain builds, made
/// an array.
#[differentiable]
fn collected_array(a: &ad_runtime::ndarray::Array1<f64>) -> f64 {
    let c: ad_runtime::ndarray::Array1<f64> = a.iter().map(|v| v * v + 1.0).collect();
    c.dot(a) + c[1]
}

#[test]
fn chain_collected_into_an_array() {
    let a = ad_runtime::ndarray::array![0.5, -1.5, 2.0];
    let (v, g) = collected_array_grad(&a);
    let f = |x: &[f64]| collected_array(&ad_runtime::ndarray::Array1::from(x.to_vec()));
    assert_close(&[v], &[f(a.as_slice().unwrap())], "value");
    // f = Σ (a_i³ + a_i) + a_1² + 1: ∂f/∂a_i = 3 a_i² + 1 (+ 2 a_1 for i = 1).
    let want: Vec<f64> = (0..3)
        .map(|i| 3.0 * a[i] * a[i] + 1.0 + if i == 1 { 2.0 * a[1] } else { 0.0 })
        .collect();
    assert_close(g.as_slice().unwrap(), &want, "gradient");
    assert_close(
        g.as_slice().unwrap(),
        &fd_grad(f, a.as_slice().unwrap()),
        "differences",
    );
    let t = ad_runtime::ndarray::array![0.2, 0.4, -0.6];
    let (_, jv) = collected_array_jvp(&a, &t);
    assert_close(&[jv], &[g.dot(&t)], "forward mode");
}

#[test]
fn map_given_function_paths() {
    check1!(
        map_paths,
        map_paths_grad,
        map_paths_jvp,
        map_paths_hvp,
        5,
        21
    );
    // Closed form of the first term alone: ∂/∂x_i Σ e^{x_j} = e^{x_i}, so at x = 0 the
    // gradient of `map_paths` is 1 + u ∂t/∂x_i + t ∂u/∂x_i with t = n sin(ln 2),
    // ∂t/∂x_i = cos(ln 2) / 2 (softplus' slope is ½ at 0), and ∂u/∂x_i = 0 (sin 0).
    let x = [0.0; 4];
    let (_, g) = map_paths_grad(&x);
    let u: f64 = (0..4).fold(0.0, |a, _| a * 0.5 + 1.0);
    for (i, gi) in g.iter().enumerate() {
        let want = 1.0 + u * 0.5 * 2f64.ln().cos();
        assert_close(&[*gi], &[want], &format!("closed form, component {i}"));
    }
}
