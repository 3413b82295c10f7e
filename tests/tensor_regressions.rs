//! Minimal programs from the random tensor-program generator
//! (`tests/gen/gen_random_tensor_programs.py`) that once failed, each checked against
//! finite differences.

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array, Array1, Array2, Axis};
use ad_runtime::nn;
use common::Rng;
use common::arrays::*;

// `(-0.5_f64).exp()` printed as `-0.5_f64.exp()`, which is `-(0.5_f64.exp())`.
#[differentiable]
fn negative_literal_receiver(x: f64) -> f64 {
    x * (-0.5_f64).exp()
}

#[test]
fn negative_literal_as_receiver() {
    let (v, g) = negative_literal_receiver_grad(2.0);
    assert_eq!(v, negative_literal_receiver(2.0));
    assert_eq!(g, (-0.5_f64).exp());
}

// Unary `-` moved an owned array that the reverse sweep reads.
#[differentiable]
fn negate_arrays(a: &Array1<f64>, d: Array1<f64>) -> f64 {
    let t = -d;
    (-a.exp()).sum() * t.sum()
}

// A view of a variable reassigned in a loop, taken inside the loop (stored per iteration).
#[differentiable]
fn view_in_loop(b: &Array1<f64>) -> f64 {
    let mut t2 = b * 2.0;
    let mut t3 = 0.0;
    for _ in 0..3 {
        t2 = &t2 * 1.5;
        t3 += t2.view().mapv(f64::sin).sum();
    }
    t3
}

// `concatenate` of the view of a value whose kind is unknown (a product of a call's result).
#[differentiable]
fn concat_view_of_product(a: &Array2<f64>) -> f64 {
    let t3 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            a.view(),
            (-Array::from_elem((3, 3), 0.25_f64))
                .dot(&nn::relu(a))
                .view(),
        ],
    )
    .unwrap();
    (&t3 * &t3).sum()
}

// An element read `t1[[i, j]]` of an `if` value of unknown kind took the slice rule.
#[differentiable]
fn index_if_value(a: &Array2<f64>, s: f64) -> f64 {
    let t1 = if s > 0.0 {
        a * 2.0
    } else {
        (a / &(nn::softplus(a) + 0.5)).dot(&Array::from_elem((3, 3), 0.5_f64))
    };
    t1[[2, 0]] * t1[[1, 1]]
}

#[test]
fn generator_reductions() {
    let mut rng = Rng::new(50);
    let a1 = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, 3, -1.0, 1.0);
    let (_, (da, dd)) = negate_arrays_grad(&a1, d.clone());
    assert_fd_array(|a| negate_arrays(a, d.clone()), &a1, &da, "negate: da");
    assert_fd_array(|d| negate_arrays(&a1, d.clone()), &d, &dd, "negate: dd");

    let (_, db) = view_in_loop_grad(&a1);
    assert_fd_array(view_in_loop, &a1, &db, "view in loop");

    let a: Array2<f64> = rand(&mut rng, (3, 3), -1.0, 1.0);
    let (_, da) = concat_view_of_product_grad(&a);
    assert_fd_array(concat_view_of_product, &a, &da, "concatenate");

    for s in [1.0, -1.0] {
        let (_, (da, ds)) = index_if_value_grad(&a, s);
        assert_fd_array(|a| index_if_value(a, s), &a, &da, "index of if value");
        assert_eq!(ds, 0.0);
    }
}

/// A callee taking an `ArrayView1`, called inside a loop on views of a local array that the
/// loop reassigns (the call runs again in the reverse sweep, on the view rebuilt there).
#[differentiable]
fn half_square_plus_sum(v: ad_runtime::ndarray::ArrayView1<f64>) -> f64 {
    (&v * &v).sum() * 0.5 + v.sum()
}

#[differentiable]
fn rows_of_a_changing_local(a: &Array2<f64>) -> f64 {
    let mut s: f64 = 0.0;
    let mut m = a * 2.0;
    for i in 0..a.nrows() {
        s += half_square_plus_sum(m.row(i)) * s.sin();
        m = m.mapv(|v| v * 0.9 + 0.01);
        let r = m.row(i);
        s += half_square_plus_sum(r);
    }
    s
}

#[test]
fn views_of_a_local_passed_to_a_call_in_a_loop() {
    let a = Array2::from_shape_vec((3, 2), vec![0.1, 0.2, 0.3, -0.4, 0.5, 0.6]).unwrap();
    let (v, ga) = rows_of_a_changing_local_grad(&a);
    assert_eq!(v, rows_of_a_changing_local(&a));
    let flat: Vec<f64> = a.iter().copied().collect();
    let g: Vec<f64> = ga.iter().copied().collect();
    ad_runtime::check::assert_gradient(
        |p| rows_of_a_changing_local(&Array2::from_shape_vec((3, 2), p.to_vec()).unwrap()),
        &flat,
        &g,
        1e-6,
    );
}

// ---- annotations that name arrays (hunt, 2026-12-08) --------------------------------------

#[derive(Clone, Debug, ad_runtime::Differentiable)]
pub struct Scale {
    pub k: f64,
}

impl Scale {
    #[differentiable]
    fn apply(&self, x: &Array1<f64>) -> Array1<f64> {
        x * self.k
    }
}

/// `let y: Array1<f64> = s.apply(x);`: the annotation wins over the guess that a struct's
/// method returns the struct (`y.mapv(..)` was looked up as `Scale::mapv`).
#[differentiable]
fn annotated_method_result(s: &Scale, x: &Array1<f64>) -> f64 {
    let y: Array1<f64> = s.apply(x);
    y.mapv(|v| v.sin()).sum()
}

/// An annotated view of a local that is written afterwards (`let v: ArrayView1<f64> =
/// h.row(0);`): the view is kept as an owned copy, whose `let` no longer carries the view's
/// type.
#[differentiable(wrt(x, w))]
fn annotated_view_of_written_local(x: &Array2<f64>, w: &Array1<f64>) -> f64 {
    let mut h = x.to_owned();
    let v: ad_runtime::ndarray::ArrayView1<f64> = h.row(0);
    let z = v.dot(w);
    h[[0, 0]] = 2.0;
    z + h.mapv(|e| e * e).sum()
}

#[test]
fn annotations_naming_arrays() {
    let mut rng = Rng::new(808);
    let x1 = rand(&mut rng, 4, -1.0, 1.0);
    let s = Scale { k: 0.7 };
    // f = Σ sin(k x_i): ∂f/∂x_i = k cos(k x_i), ∂f/∂k = Σ x_i cos(k x_i).
    let (v, (gs, gx)) = annotated_method_result_grad(&s, &x1);
    assert!(
        (v - x1.mapv(|e| (0.7 * e).sin()).sum()).abs() < 1e-12,
        "value"
    );
    assert_array(&gx, &x1.mapv(|e| 0.7 * (0.7 * e).cos()), "df/dx");
    let want_k: f64 = x1.iter().map(|e| e * (0.7 * e).cos()).sum();
    assert!((gs.k - want_k).abs() < 1e-12, "df/dk {} vs {want_k}", gs.k);

    let x = rand(&mut rng, (2, 3), -1.0, 1.0);
    let w = rand(&mut rng, 3, -1.0, 1.0);
    let (_, (gx, gw)) = annotated_view_of_written_local_grad(&x, &w);
    assert_fd_array(|x| annotated_view_of_written_local(x, &w), &x, &gx, "d/dx");
    assert_fd_array(|w| annotated_view_of_written_local(&x, w), &w, &gw, "d/dw");
    let (tx, tw) = (
        rand(&mut rng, (2, 3), -1.0, 1.0),
        rand(&mut rng, 3, -1.0, 1.0),
    );
    let (_, jv) = annotated_view_of_written_local_jvp(&x, &w, &tx, &tw);
    assert!(
        (jv - inner(&gx, &tx) - inner(&gw, &tw)).abs() < 1e-10,
        "jvp = grad . v"
    );
}
