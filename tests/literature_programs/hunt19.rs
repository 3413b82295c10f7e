//! Hunts 18 and 19 (programs in the style of other AD tools' test suites: Clad, Enzyme,
//! Tapenade, ADBench; JAX, Swift AutoDiff, PyTorch gradcheck, num-dual): each a wrong value or
//! a compile failure of ordinary code, fixed, and checked in every mode by the harness, with
//! closed forms.

use crate::harness::*;
use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Axis};

/// `std` of distinct data on a large offset (a spread of 64 ulps): the rounding-noise
/// convention (derivative 0 below `64 ε max|a|`) zeroed a real gradient, which forward mode
/// gave (`f_jvp ≠ f_grad · v`). Now below `8 ε max|a|` only.
#[differentiable]
fn std_on_offset(a: &Array1<f64>) -> f64 {
    a.std(0.0)
}

#[differentiable]
fn std_axis_on_offset(a: &ad_runtime::ndarray::Array2<f64>) -> f64 {
    a.std_axis(Axis(1), 0.0).sum()
}

#[test]
fn h1901_std_of_a_small_spread_on_a_large_offset() {
    let a = arr1(&[1e12, 1e12 + 0.0078125, 1e12 + 0.015625]);
    // Closed form: (aᵢ − m) / (n s), with s = 2⁻⁷ √(2/3).
    let s = 0.0078125 * (2.0f64 / 3.0).sqrt();
    let want = [-0.0078125 / (3.0 * s), 0.0, 0.0078125 / (3.0 * s)];
    let (v, g) = std_on_offset_grad(&a);
    assert!(close(v, s, 1e-12), "{v} vs {s}");
    for k in 0..3 {
        assert!(scal_close(g[k], want[k], 1e-9, 1.0), "{:?} vs {want:?}", g);
    }
    let t = arr1(&[-1.0, 0.0, 1.0]);
    let (_, d) = std_on_offset_jvp(&a, &t);
    assert!(close(d, want[2] - want[0], 1e-9), "jvp {d}");
    let m = arr2(&[1e12, 1e12 + 0.0078125, 1e12 + 0.015625], 1, 3);
    let (_, gm) = std_axis_on_offset_grad(&m);
    for k in 0..3 {
        assert!(scal_close(gm[[0, k]], want[k], 1e-9, 1.0), "{gm:?}");
    }
}

#[differentiable]
fn tails(x: f64, y: f64, z: f64) -> f64 {
    x.exp_m1() + y.asinh() + z.acosh()
}

#[differentiable]
fn tanh_tail(x: f64) -> f64 {
    x.tanh()
}

#[differentiable]
fn exp_m1_array(a: &Array1<f64>) -> f64 {
    a.exp_m1().sum()
}

/// Derivatives in the tails, against closed forms (differences are rounded there too):
/// `exp_m1'(-40) = e⁻⁴⁰` (was `y + 1 = 0`), `asinh'(1e200) = 1e-200` and `acosh'(1e200)
/// = 1e-200` (was `1/√(x² ± 1)` with `x²` overflowing: 0), in every mode; `tanh'(20) =
/// 4e⁻⁴⁰/(1 + e⁻⁴⁰)²` in forward mode (was `1 - y² = 0`).
#[test]
fn h1902_derivatives_in_the_tails() {
    let (x, y, z) = (-40.0f64, 1e200, 1e200);
    let want = [x.exp(), 1e-200, 1e-200];
    let (_, (gx, gy, gz)) = tails_grad(x, y, z);
    for (got, w) in [gx, gy, gz].iter().zip(want) {
        assert!(close(*got, w, 1e-14), "grad {got:e} vs {w:e}");
    }
    for (k, w) in want.iter().enumerate() {
        let mut t = [0.0; 3];
        t[k] = 1.0;
        let (_, d) = tails_jvp(x, y, z, t[0], t[1], t[2]);
        assert!(close(d, *w, 1e-14), "jvp {k}: {d:e} vs {w:e}");
    }
    let (_, (hx, _, _), _) = tails_hvp(x, y, z, 1.0, 0.0, 0.0);
    assert!(close(hx, want[0], 1e-14));
    let (_, g) = exp_m1_array_grad(&arr1(&[-40.0, -700.0]));
    assert!(close(g[0], (-40.0f64).exp(), 1e-14) && close(g[1], (-700.0f64).exp(), 1e-14));
    let e = (-40.0f64).exp();
    let (_, d) = tanh_tail_jvp(20.0, 1.0);
    assert!(close(d, 4.0 * e / ((1.0 + e) * (1.0 + e)), 1e-14), "{d:e}");
    let (_, d) = tanh_tail_jvp(-20.0, 1.0);
    assert!(close(d, 4.0 * e / ((1.0 + e) * (1.0 + e)), 1e-14), "{d:e}");
    // Away from the tails, the same as before.
    let (_, d) = tanh_tail_jvp(0.3, 1.0);
    assert!(close(d, 1.0 - 0.3f64.tanh().powi(2), 1e-15));
    let (_, d) = tanh_tail_jvp(0.6, 1.0);
    assert!(close(d, 1.0 - 0.6f64.tanh().powi(2), 1e-14));
}

const W3: [f64; 3] = [0.5, 1.0, 2.0];
static WS3: [f64; 3] = [0.5, 1.0, 2.0];
const NODES3: [f64; 3] = [-0.7745966692414834, 0.0, 0.7745966692414834];
const GW3: [f64; 3] = [5.0 / 9.0, 8.0 / 9.0, 5.0 / 9.0];

/// Loops over global tables: `for w in W` (by value), `W.iter()`, `&W`, `WS.iter().enumerate()`
/// (rejected, or second order failed to compile: E0308 in `take`).
#[differentiable]
fn over_tables(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for w in W3 {
        s += x[0] * w;
    }
    for &w in W3.iter() {
        s += x[0] * w * x[1];
    }
    for (i, &c) in WS3.iter().enumerate() {
        s += x[i] * c;
    }
    for w in &W3 {
        s += w * x[2].sin();
    }
    s
}

/// Three-point Gauss–Legendre quadrature of `e^{u²}` on `[a, b]` over its `const` tables.
#[differentiable]
fn gauss3(a: f64, b: f64) -> f64 {
    let mut s = 0.0;
    for (k, t) in NODES3.iter().enumerate() {
        let u = 0.5 * (b - a) * t + 0.5 * (a + b);
        s += GW3[k] * (u * u).exp();
    }
    s * 0.5 * (b - a)
}

#[test]
fn h1903_loops_over_global_tables() {
    let x = vec![0.3, -0.5, 0.8];
    slice_case!(
        "over_tables",
        x.clone(),
        over_tables,
        over_tables_grad,
        over_tables_jvp,
        over_tables_hvp,
        over_tables_check
    );
    // Closed form: ∂/∂x0 = 3.5 + 3.5 x1 + 0.5, ∂/∂x1 = 3.5 x0 + 1, ∂/∂x2 = 2 + 3.5 cos x2.
    let (_, g) = over_tables_grad(&x);
    assert!(close(g[0], 3.5 + 3.5 * x[1] + 0.5, 1e-14));
    assert!(close(g[1], 3.5 * x[0] + 1.0, 1e-14));
    assert!(close(g[2], 2.0 + 3.5 * x[2].cos(), 1e-14));
    s2_case!(
        "gauss3",
        [0.1, 0.9],
        gauss3,
        gauss3_grad,
        gauss3_jvp,
        gauss3_hvp,
        gauss3_check
    );
}

const DIM: usize = 2;
const IDX3: [usize; 3] = [0, 1, 1];

/// An embedding lookup: a global `const DIM: usize` times an element of an integer slice
/// (`tokens[p] * DIM`) was taken for a float next to a float and lifted to a dual number in
/// second order (`usize: Float` not satisfied, at the attribute). Indices are integers now,
/// and so are the operands of the arithmetic that makes them.
#[differentiable]
fn embedding(x: &[f64], tokens: &[usize]) -> f64 {
    let mut s = 0.0;
    for p in 0..tokens.len() {
        s += x[tokens[p] * DIM] * x[1] + x[tokens[p] + DIM] * x[DIM * tokens[p]];
        let k = tokens[p];
        s += x[k * DIM + 1] * x[IDX3[p % 3] * DIM % 4];
    }
    s
}

#[test]
fn h1904_integer_constants_in_indices() {
    let x = vec![0.3, -0.5, 0.8, 1.1, -0.2, 0.7];
    let tk = [0usize, 1, 2, 1];
    verify(
        "embedding",
        &x,
        &|q| embedding(q, &tk),
        &|q| embedding_grad(q, &tk),
        &|q, t| embedding_jvp(q, &tk, t),
        Some(&|q: &[f64], t: &[f64]| embedding_hvp(q, &tk, t)),
        Some(embedding_check(&x, &tk)),
    );
}

/// A constant array made by `from_shape_fn` over indices: second order lifted the closure
/// itself to a dual constant (`{closure}: Float`).
#[differentiable]
fn from_shape_fn_constant(w: &Array1<f64>) -> f64 {
    let m = ad_runtime::ndarray::Array2::from_shape_fn((2, w.len()), |(i, j)| (i + j) as f64);
    let r = Array1::from_shape_fn(w.len(), |i| 1.0 / (i as f64 + 1.0));
    (m.dot(w).mapv(f64::sin).sum() + r.dot(w)) * w[0]
}

#[test]
fn h1905_from_shape_fn_constants() {
    let x = vec![0.3, -0.5, 0.8];
    verify(
        "from_shape_fn_constant",
        &x,
        &|q| from_shape_fn_constant(&arr1(q)),
        &|q| {
            let (v, g) = from_shape_fn_constant_grad(&arr1(q));
            (v, g.to_vec())
        },
        &|q, t| from_shape_fn_constant_jvp(&arr1(q), &arr1(t)),
        Some(&|q: &[f64], t: &[f64]| {
            let (v, g, h) = from_shape_fn_constant_hvp(&arr1(q), &arr1(t));
            (v, g.to_vec(), h.to_vec())
        }),
        None,
    );
}

/// An inner loop's branch reading an element at the outer loop's index (`if x[i] > 1.0`):
/// the reverse sweep's loop-versioning guard named `i`, which the reverse of the outer loop
/// does not bind (E0425 in optimised builds only) (hunt 18).
#[differentiable]
fn inner_branch_on_outer_element(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        for j in 0..x.len() {
            if x[i] > 1.0 {
                break;
            }
            s += x[j];
        }
    }
    s
}

#[differentiable]
fn inner_if_on_outer_element(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        for j in 0..x.len() {
            if x[i] > 1.0 {
                s += x[j];
            }
        }
    }
    s
}

#[test]
fn h1906_inner_branch_on_an_outer_element() {
    let x = vec![0.5, 2.0, 0.25];
    slice_case!(
        "inner_branch_on_outer_element",
        x.clone(),
        inner_branch_on_outer_element,
        inner_branch_on_outer_element_grad,
        inner_branch_on_outer_element_jvp,
        inner_branch_on_outer_element_hvp,
        inner_branch_on_outer_element_check
    );
    slice_case!(
        "inner_if_on_outer_element",
        x.clone(),
        inner_if_on_outer_element,
        inner_if_on_outer_element_grad,
        inner_if_on_outer_element_jvp,
        inner_if_on_outer_element_hvp,
        inner_if_on_outer_element_check
    );
}

/// A counter stepped by a value made in the loop body (`let k = ..; idx += k;`): the reverse
/// sweep undid the step at the body's start, before the step existed (E0425) (hunt 18).
#[differentiable]
fn counter_step_from_body(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    let mut idx = 0;
    let mut jdx = 0;
    for i in 0..n {
        let step = 1;
        let k = ((x[i].abs() * 3.0) as usize) % 3 + 1;
        s += x[idx % n] * x[i] + x[jdx % n].sin();
        idx += k;
        jdx += step;
    }
    s
}

#[test]
fn h1907_counter_step_made_in_the_body() {
    let x = vec![0.3, -0.5, 0.8, 1.1];
    slice_case!(
        "counter_step_from_body",
        x.clone(),
        counter_step_from_body,
        counter_step_from_body_grad,
        counter_step_from_body_jvp,
        counter_step_from_body_hvp,
        counter_step_from_body_check
    );
}

const EDGES3: [(usize, usize); 3] = [(0, 1), (1, 2), (0, 2)];

/// Loops destructuring their elements: `for &(a, b) in pairs.iter()` over index pairs (graph
/// edges, bundle adjustment's observations), `for (a, b) in EDGES` over a `const` table, and
/// `for &P { x, v } in ps.iter()` over `Copy` structs (rejected: "this loop pattern").
#[differentiable(wrt(x))]
fn over_pairs(x: &[f64], pairs: &[(usize, usize)]) -> f64 {
    let mut s = 0.0;
    for &(a, b) in pairs.iter() {
        s += x[a] * x[b];
    }
    for (k, &(a, b)) in pairs.iter().enumerate() {
        s += x[a] * (k as f64) - x[b];
    }
    for (a, b) in EDGES3 {
        s += (x[a] - x[b]).powi(2);
    }
    s
}

#[derive(Clone, Copy, Debug, ad_runtime::Differentiable)]
pub struct Pv {
    pub x: f64,
    pub v: f64,
}

#[differentiable]
fn over_structs(ps: &[Pv]) -> f64 {
    let mut s = 0.0;
    for &Pv { x, v } in ps.iter() {
        s += x * v + x.sin();
    }
    s
}

#[test]
fn h1908_loops_destructuring_elements() {
    let x = vec![0.3, -0.5, 0.8];
    let pairs = [(0usize, 1usize), (1, 2), (2, 0)];
    verify(
        "over_pairs",
        &x,
        &|q| over_pairs(q, &pairs),
        &|q| over_pairs_grad(q, &pairs),
        &|q, t| over_pairs_jvp(q, &pairs, t),
        Some(&|q: &[f64], t: &[f64]| over_pairs_hvp(q, &pairs, t)),
        Some(over_pairs_check(&x, &pairs)),
    );
    let un = |q: &[f64]| -> Vec<Pv> { q.chunks(2).map(|c| Pv { x: c[0], v: c[1] }).collect() };
    let fl = |p: &[Pv]| -> Vec<f64> { p.iter().flat_map(|q| [q.x, q.v]).collect() };
    let y = vec![0.3, -0.5, 0.8, 0.2];
    verify(
        "over_structs",
        &y,
        &|q| over_structs(&un(q)),
        &|q| {
            let (v, g) = over_structs_grad(&un(q));
            (v, fl(&g))
        },
        &|q, t| over_structs_jvp(&un(q), &un(t)),
        Some(&|q: &[f64], t: &[f64]| {
            let (v, g, h) = over_structs_hvp(&un(q), &un(t));
            (v, fl(&g), fl(&h))
        }),
        None,
    );
    // Closed form: ∂/∂x over the particles is (v + cos x, x).
    let (_, g) = over_structs_grad(&un(&y));
    assert!(close(g[0].x, y[1] + y[0].cos(), 1e-15) && close(g[0].v, y[0], 1e-15));
}

#[differentiable]
fn cumulative(x: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; x.len()];
    let mut s = 0.0;
    for i in 0..x.len() {
        s += x[i] * x[i];
        out[i] = s;
    }
    out
}

/// `f_vjp` of a `Vec` result with a seed of another length panics (it was padded with zeros
/// or cut, silently); the right length works.
#[test]
#[should_panic(expected = "the seed (the output cotangent) has 3 entries, the result 5")]
fn h1909_vjp_seed_of_the_wrong_length() {
    let x = [0.1, 0.2, 0.3, 0.4, 0.5];
    let (_, g) = cumulative_vjp(&x, vec![1.0; 5]);
    assert!(close(g[0], 2.0 * 0.1 * 5.0, 1e-15));
    let _ = cumulative_vjp(&x, vec![1.0; 3]);
}

fn tiny_jvp(x: f64, _dx: f64) -> (f64, f64) {
    (tiny(x), 0.0)
}

fn tiny_vjp(x: f64) -> (f64, impl FnOnce(f64) -> f64) {
    (tiny(x), move |_g: f64| 0.0)
}

/// A deliberately wrong custom rule (derivative 0) of a function whose derivative is small.
#[differentiable(custom(jvp = tiny_jvp, vjp = tiny_vjp))]
fn tiny(x: f64) -> f64 {
    1e-6 * x.sin()
}

#[differentiable]
fn fourier32(x: f32, y: f32) -> f32 {
    (x * 30.0).sin() * y
}

#[differentiable]
fn cube(x: f64) -> f64 {
    x * x * x
}

#[differentiable]
fn wiggle(x: f64) -> f64 {
    (30.0 * x).sin()
}

/// `f_check`: Richardson-extrapolated differences and no absolute floor. A wrong rule of a
/// small derivative is caught (the floor `1e-5` passed it); a correct `f32` function with
/// curvature passes (the single step `1e-2` alone was 2% off: a false alarm); a zero
/// derivative next to a third derivative passes (`x³` at 0; `sin 30x` where its slope is 0).
#[test]
fn h1910_f_check_without_an_absolute_floor() {
    assert!(tiny_check(0.5).is_err(), "a wrong rule passed");
    assert!(
        fourier32_check(1.1, 1.0).is_ok(),
        "{:?}",
        fourier32_check(1.1, 1.0)
    );
    assert!(cube_check(0.0).is_ok() && cube_check(0.7).is_ok());
    let top = std::f64::consts::PI / 60.0;
    assert!(wiggle_check(top).is_ok(), "{:?}", wiggle_check(top));
    assert!(wiggle_check(0.3).is_ok());
}

#[derive(Clone, Debug, ad_runtime::Differentiable)]
pub struct V2(f64, f64);

/// The constructor of a tuple struct named in capitals (`V2(..)`) was taken for an unknown
/// function ("`V2` has no derivative").
#[differentiable]
fn capital_tuple_struct(x: f64, y: f64) -> f64 {
    let p = V2(x * y, 2.0);
    p.0 * p.1 + p.0.sin()
}

#[test]
fn h1911_tuple_struct_named_in_capitals() {
    s2_case!(
        "capital_tuple_struct",
        [0.3, -0.7],
        capital_tuple_struct,
        capital_tuple_struct_grad,
        capital_tuple_struct_jvp,
        capital_tuple_struct_hvp,
        capital_tuple_struct_check
    );
}

/// `fold_axis` with an untyped `0.0` init and typed closure parameters (E0689: `max` on an
/// ambiguous float in the rewritten fold).
#[differentiable]
fn row_max_abs(a: &ad_runtime::ndarray::Array2<f64>) -> f64 {
    a.fold_axis(Axis(1), 0.0, |&m: &f64, &v: &f64| m.max(v.abs()))
        .sum()
        + a.fold_axis(Axis(0), 10.0, |&m: &f64, &v| m.min(v * v))
            .sum()
}

#[test]
fn h1912_fold_axis_with_an_untyped_init() {
    let a = arr2(&[0.3, -0.9, 0.5, -0.2, 0.7, 0.1], 2, 3);
    let (v, g) = row_max_abs_grad(&a);
    assert!(close(v, 0.9 + 0.7 + 0.04 + 0.49 + 0.01, 1e-14), "{v}");
    // Closed form: sign at the row maxima of |a|, 2a at the column minima of a².
    let want = [0.0, -1.0, 0.0, -0.4, 1.0 + 1.4, 0.2];
    for (k, w) in want.iter().enumerate() {
        assert!(close(g[[k / 3, k % 3]], *w, 1e-14), "{g:?}");
    }
}

/// A shape query of a differentiated array inside `s![..]` (`k.len()`) was rejected as
/// reading `k` ("cannot see into it"): a length is a constant.
#[differentiable]
fn conv_valid(x: &Array1<f64>, k: &Array1<f64>) -> f64 {
    let n = x.len() - k.len() + 1;
    let mut s = 0.0;
    for i in 0..n {
        s += (&x.slice(ad_runtime::ndarray::s![i..i + k.len()]) * k)
            .sum()
            .tanh();
    }
    s
}

#[test]
fn h1913_shape_queries_inside_macros() {
    let xk = vec![0.3, -0.5, 0.8, 1.1, -0.2, 0.4, -0.6];
    verify(
        "conv_valid",
        &xk,
        &|q| conv_valid(&arr1(&q[..5]), &arr1(&q[5..])),
        &|q| {
            let (v, (gx, gk)) = conv_valid_grad(&arr1(&q[..5]), &arr1(&q[5..]));
            (v, cat(&[gx.to_vec(), gk.to_vec()]))
        },
        &|q, t| {
            conv_valid_jvp(
                &arr1(&q[..5]),
                &arr1(&q[5..]),
                &arr1(&t[..5]),
                &arr1(&t[5..]),
            )
        },
        Some(&|q: &[f64], t: &[f64]| {
            let (v, (gx, gk), (hx, hk)) = conv_valid_hvp(
                &arr1(&q[..5]),
                &arr1(&q[5..]),
                &arr1(&t[..5]),
                &arr1(&t[5..]),
            );
            (
                v,
                cat(&[gx.to_vec(), gk.to_vec()]),
                cat(&[hx.to_vec(), hk.to_vec()]),
            )
        }),
        None,
    );
}

/// A `move` closure, then its captured name shadowed before the call (`let x = 5.0 * x +
/// y;`): rejected as reading another value ("redefined after the closure"); the closure
/// keeps the value it captured, as reassignment already did.
#[differentiable]
fn move_then_shadow(x: f64, y: f64) -> f64 {
    let f = move |t: f64| t * x + x.sin();
    let x = 5.0 * x + y;
    let g = move |t: f64| t * x;
    let x = x * x;
    f(y) + g(y) + x
}

#[test]
fn h1914_move_closure_then_shadowing() {
    s2_case!(
        "move_then_shadow",
        [0.3, -0.7],
        move_then_shadow,
        move_then_shadow_grad,
        move_then_shadow_jvp,
        move_then_shadow_hvp,
        move_then_shadow_check
    );
    // Closed form: y x + sin x + y (5x + y) + (5x + y)².
    let (x, y) = (0.3f64, -0.7f64);
    let (v, (gx, gy)) = move_then_shadow_grad(x, y);
    let u = 5.0 * x + y;
    assert!(close(v, y * x + x.sin() + y * u + u * u, 1e-14));
    assert!(close(gx, y + x.cos() + 5.0 * y + 10.0 * u, 1e-14));
    assert!(close(gy, x + u + y + 2.0 * u, 1e-14));
}

#[derive(Clone, Debug, ad_runtime::Differentiable)]
pub struct Pt2 {
    pub x: f64,
    pub y: f64,
}

#[differentiable]
impl Pt2 {
    #[differentiable]
    pub fn scaled(&self, s: f64) -> Pt2 {
        Pt2 {
            x: self.x * s,
            y: self.y * s,
        }
    }

    #[differentiable]
    pub fn dot(&self, o: &Pt2) -> f64 {
        self.x * o.x + self.y * o.y
    }
}

/// A struct's own `dot` on a local whose type is guessed (the result of a method), with a
/// struct argument: taken for ndarray's `dot` (E0277 `Pt: Value`).
#[differentiable]
fn guessed_dot(p: &Pt2, s: f64) -> f64 {
    let q = p.scaled(s);
    q.dot(p) * s
}

#[test]
fn h1915_struct_dot_on_a_guessed_local() {
    let p = Pt2 { x: 0.3, y: -0.7 };
    let s = 1.3;
    let (v, (gp, gs)) = guessed_dot_grad(&p, s);
    // Closed form: s² |p|².
    let n2 = 0.3f64 * 0.3 + 0.7 * 0.7;
    assert!(close(v, s * s * n2, 1e-14));
    assert!(close(gs, 2.0 * s * n2, 1e-14));
    assert!(close(gp.x, 2.0 * s * s * 0.3, 1e-14) && close(gp.y, -2.0 * s * s * 0.7, 1e-14));
    let (_, d) = guessed_dot_jvp(&p, s, &Pt2 { x: 0.0, y: 0.0 }, 1.0);
    assert!(close(d, 2.0 * s * n2, 1e-14));
}

/// A value whose branches may leave: `let y = if c { e } else { return d };`, `let v = match
/// o { Some(v) => v, None => return .. };`, `else { continue }` in a loop (rejected: "return
/// inside an expression") (hunt 18).
#[differentiable]
fn early_exit_values(x: f64, o: Option<f64>, xs: &[f64]) -> f64 {
    let y = if x > 0.0 { x * x } else { return x.sin() };
    let c = match o {
        Some(c) => c,
        None => return y * 3.0,
    };
    let mut s = 0.0;
    for &v in xs {
        let w: f64 = if v > -0.5 {
            v * y
        } else if v < -2.0 {
            break;
        } else {
            continue;
        };
        s += w * c;
    }
    s + y
}

#[test]
fn h1916_values_whose_branches_exit() {
    let xs = [0.3, -0.7, 1.1, -3.0, 0.5];
    for (x, o) in [(0.6, Some(1.5)), (0.6, None), (-0.4, Some(1.5))] {
        verify(
            "early_exit_values",
            &[x],
            &|q| early_exit_values(q[0], o, &xs),
            &|q| {
                let (v, (g, _)) = early_exit_values_grad(q[0], o, &xs);
                (v, vec![g])
            },
            &|q, t| early_exit_values_jvp(q[0], o, &xs, t[0], &[0.0; 5]),
            Some(&|q: &[f64], t: &[f64]| {
                let (v, (g, _), (h, _)) = early_exit_values_hvp(q[0], o, &xs, t[0], &[0.0; 5]);
                (v, vec![g], vec![h])
            }),
            None,
        );
    }
    // Closed form at x > 0 with Some(c): c y (0.3 + 1.1) + y, y = x².
    let (v, (g, _)) = early_exit_values_grad(0.6, Some(1.5), &xs);
    assert!(close(v, 1.5 * 0.36 * 1.4 + 0.36, 1e-14));
    assert!(close(g, (1.5 * 1.4 + 1.0) * 1.2, 1e-14));
}

/// A tuple with an element never read (`(x, 1.0)`): forward mode left that element's tangent
/// type open (E0283) (hunt 21).
#[differentiable]
fn tuple_read_once(x: f64) -> f64 {
    let t = (x, 1.0);
    let u = (x * 2.0, t.1);
    x * t.0 + u.0
}

/// Literal and range patterns on a differentiated float (second order compared a dual with
/// the pattern's floats: E0308), and half-open range patterns `..=K` on integers and floats
/// (lowered through `matches!`, whose `pat` fragment rejects them) (hunts 18, 21).
#[differentiable]
fn float_patterns(x: f64, k: i32) -> f64 {
    let a = match k {
        ..=0 => x,
        1..=3 => x * x,
        _ => x.sin(),
    };
    let b = match x {
        ..=0.0 => -x,
        0.0..=1.0 => x * 2.0,
        _ => x.exp(),
    };
    let c = match x {
        0.25 => 1.0,
        v if v > 2.0 => v * v,
        _ => x.cos(),
    };
    a + b + c
}

#[test]
fn h1917_tuples_and_float_patterns() {
    let (v, d) = tuple_read_once_jvp(0.7, 1.0);
    assert!(close(v, 0.49 + 1.4, 1e-15) && close(d, 1.4 + 2.0, 1e-15));
    let (_, g, h) = tuple_read_once_hvp(0.7, 1.0);
    assert!(close(g, 3.4, 1e-15) && close(h, 2.0, 1e-15));
    for (x, k) in [(-0.4, 0), (0.6, 2), (1.7, 5), (2.5, 1)] {
        verify(
            "float_patterns",
            &[x],
            &|q| float_patterns(q[0], k),
            &|q| {
                let (v, g) = float_patterns_grad(q[0], k);
                (v, vec![g])
            },
            &|q, t| float_patterns_jvp(q[0], k, t[0]),
            Some(&|q: &[f64], t: &[f64]| {
                let (v, g, h) = float_patterns_hvp(q[0], k, t[0]);
                (v, vec![g], vec![h])
            }),
            None,
        );
    }
    // The literal arm at its point: c = 1 there, derivative 0 from it.
    let (v, g) = float_patterns_grad(0.25, 2);
    assert!(close(v, 0.0625 + 0.5 + 1.0, 1e-15) && close(g, 0.5 + 2.0, 1e-15));
}
