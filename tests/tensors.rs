//! ndarray code under `#[differentiable]`: every supported array operation, in owned and `&`
//! forms, with broadcasting, each checked against central finite differences over every
//! element of every differentiated argument (and the forward value against ndarray's own).

#![allow(clippy::needless_range_loop)]

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array, Array1, Array2, ArrayView1, ArrayView2, Axis, Ix2, s};
use common::Rng;
use common::arrays::*;

// ---------------------------------------------------------------------------------------------
// 1. Elementwise arithmetic and broadcasting
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn broadcast_mix(a: &Array2<f64>, b: &Array1<f64>, c: &Array2<f64>, s: f64) -> f64 {
    let x = a + b; // (3,4) + (4,)
    let y = &x * c; // (3,4) * (3,1)
    let z = y / s - s * a;
    let w = -z + 2.0;
    let q = &w / &x;
    (&q * &q).sum() + (x - 1.0).sum()
}

#[test]
fn arithmetic_broadcasting() {
    let mut rng = Rng::new(1);
    let a = rand(&mut rng, (3, 4), 0.5, 1.5);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let c = rand(&mut rng, (3, 1), -1.0, 1.0);
    let s = 1.3;
    let (v, (da, db, dc, ds)) = broadcast_mix_grad(&a, &b, &c, s);
    assert_eq!(v, broadcast_mix(&a, &b, &c, s));
    assert_fd_array(|a| broadcast_mix(a, &b, &c, s), &a, &da, "da");
    assert_fd_array(|b| broadcast_mix(&a, b, &c, s), &b, &db, "db");
    assert_fd_array(|c| broadcast_mix(&a, &b, c, s), &c, &dc, "dc");
    let fs = fd(
        |s: &Array<f64, _>| broadcast_mix(&a, &b, &c, s[()]),
        &Array::from_elem((), s),
    );
    common::assert_near(ds, fs[()], "ds");
}

#[differentiable]
fn owned_forms(a: Array2<f64>, r: Array2<f64>) -> f64 {
    // (3,4) / (1,4) and (1,4) - (3,4): broadcasting of length-1 axes both ways.
    let x = &a / &r;
    let y = &r - &a;
    let z = 3.0 / &x + &y * 0.5;
    (z * y).sum() + (&a % 0.4).sum()
}

#[test]
fn owned_and_unit_axes() {
    let mut rng = Rng::new(2);
    let a = rand(&mut rng, (3, 4), 0.5, 1.5);
    let r = rand(&mut rng, (1, 4), 0.5, 1.5);
    let (v, (da, dr)) = owned_forms_grad(a.clone(), r.clone());
    assert_eq!(v, owned_forms(a.clone(), r.clone()));
    assert_fd_array(|a| owned_forms(a.clone(), r.clone()), &a, &da, "da");
    assert_fd_array(|r| owned_forms(a.clone(), r.clone()), &r, &dr, "dr");
}

/// `+` and `-` with both operands differentiated, where neither, one or both operands have
/// the result's shape (the reverse sweep hands the cotangent whole to one operand and reduces
/// the other from a borrow of it), and with a scalar operand.
#[differentiable]
fn both_operands(col: &Array2<f64>, row: &Array2<f64>, m: &Array2<f64>, s: f64) -> f64 {
    let outer = col + row; // (3,1) + (1,4): both reduced
    let diff = row - col; // (1,4) - (3,1): both reduced, the second negated
    let same = &outer - m; // (3,4) - (3,4): one whole, one copied
    let back = m + &diff; // whole on the right
    let shifted = s - &same; // scalar and array
    let scaled = &back + s;
    (&outer * &diff).sum() + (&same * &shifted).sum() + (&scaled * &back).sum()
}

#[test]
fn sum_and_difference_of_two_differentiated_operands() {
    let mut rng = Rng::new(21);
    let col = rand(&mut rng, (3, 1), -1.0, 1.0);
    let row = rand(&mut rng, (1, 4), -1.0, 1.0);
    let m = rand(&mut rng, (3, 4), -1.0, 1.0);
    let s = 0.7;
    let (v, (dcol, drow, dm, ds)) = both_operands_grad(&col, &row, &m, s);
    assert_eq!(v, both_operands(&col, &row, &m, s));
    assert_fd_array(|c| both_operands(c, &row, &m, s), &col, &dcol, "dcol");
    assert_fd_array(|r| both_operands(&col, r, &m, s), &row, &drow, "drow");
    assert_fd_array(|m| both_operands(&col, &row, m, s), &m, &dm, "dm");
    let fs = fd(
        |s: &Array<f64, _>| both_operands(&col, &row, &m, s[()]),
        &Array::from_elem((), s),
    );
    common::assert_near(ds, fs[()], "ds");
}

/// Sums whose left operand is a product or arithmetic result that nothing else reads: the
/// forward sweep computes them in that operand's memory and the reverse sweep reduces to its
/// recorded shape, including when the operand itself is broadcast up ((4,) + (3,4)).
#[differentiable]
fn consumed_operands(m: &Array2<f64>, u: &Array1<f64>, big: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let up = u.dot(m) + big; // (4,) + (3,4): the result is larger than the consumed operand
    let down = m.t().dot(big) - b; // (4,4) - (4,)
    let chained = (&up * 2.0) + &up; // an arithmetic result, consumed
    (&up * &chained).sum() + down.mapv(|v| v * v).sum()
}

#[test]
fn sums_computed_in_place_of_their_left_operand() {
    let mut rng = Rng::new(22);
    let m = rand(&mut rng, (3, 4), -1.0, 1.0);
    let u = rand(&mut rng, 3, -1.0, 1.0);
    let big = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (dm, du, dbig, db)) = consumed_operands_grad(&m, &u, &big, &b);
    assert_eq!(v, consumed_operands(&m, &u, &big, &b));
    assert_fd_array(|m| consumed_operands(m, &u, &big, &b), &m, &dm, "dm");
    assert_fd_array(|u| consumed_operands(&m, u, &big, &b), &u, &du, "du");
    assert_fd_array(
        |big| consumed_operands(&m, &u, big, &b),
        &big,
        &dbig,
        "dbig",
    );
    assert_fd_array(|b| consumed_operands(&m, &u, &big, b), &b, &db, "db");
}

#[differentiable]
fn elementwise_vjp(a: &Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
    (a * b).mapv(f64::tanh) - a
}

#[test]
fn array_result_vjp() {
    let mut rng = Rng::new(3);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (y, (da, db)) = elementwise_vjp_vjp(&a, &b, seed.clone());
    assert_array(&y, &elementwise_vjp(&a, &b), "value");
    assert_fd_array(|a| inner(&seed, &elementwise_vjp(a, &b)), &a, &da, "da");
    assert_fd_array(|b| inner(&seed, &elementwise_vjp(&a, b)), &b, &db, "db");
}

// ---------------------------------------------------------------------------------------------
// 2. dot, transposes
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn dots(m: &Array2<f64>, n: &Array2<f64>, u: &Array1<f64>, v: &Array1<f64>) -> f64 {
    let mn = m.dot(n); // (3,4)·(4,2)
    let mv = m.dot(v); // (3,4)·(4,)
    let um = u.dot(m); // (3,)·(3,4)
    let uu = u.dot(u); // (3,)·(3,)
    let nt = n.t(); // (2,4)
    let back = nt.dot(&um); // (2,)
    let r = mn.reversed_axes(); // (2,3)
    r.dot(&mv).sum() * uu + back.sum() + mv.dot(&mv)
}

#[test]
fn dot_all_ranks() {
    let mut rng = Rng::new(4);
    let m = rand(&mut rng, (3, 4), -1.0, 1.0);
    let n = rand(&mut rng, (4, 2), -1.0, 1.0);
    let u = rand(&mut rng, 3, -1.0, 1.0);
    let v = rand(&mut rng, 4, -1.0, 1.0);
    let (val, (dm, dn, du, dv)) = dots_grad(&m, &n, &u, &v);
    assert!((val - dots(&m, &n, &u, &v)).abs() < 1e-12);
    assert_fd_array(|m| dots(m, &n, &u, &v), &m, &dm, "dm");
    assert_fd_array(|n| dots(&m, n, &u, &v), &n, &dn, "dn");
    assert_fd_array(|u| dots(&m, &n, u, &v), &u, &du, "du");
    assert_fd_array(|v| dots(&m, &n, &u, v), &v, &dv, "dv");
}

#[differentiable]
fn matvec(w: &Array2<f64>, x: &Array1<f64>) -> Array1<f64> {
    w.dot(x)
}

#[test]
fn matvec_closed_form() {
    // y = W x: W̄ = ȳ ⊗ x, x̄ = Wᵀ ȳ.
    let mut rng = Rng::new(5);
    let w = rand(&mut rng, (3, 5), -1.0, 1.0);
    let x = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (dw, dx)) = matvec_vjp(&w, &x, seed.clone());
    assert_array(&y, &w.dot(&x), "value");
    let outer = seed
        .view()
        .insert_axis(Axis(1))
        .dot(&x.view().insert_axis(Axis(0)));
    assert_array(&dw, &outer, "dW = ȳ xᵀ");
    assert_array(&dx, &w.t().dot(&seed), "dx = Wᵀ ȳ");
}

// ---------------------------------------------------------------------------------------------
// 3. Reductions
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn reductions(a: &Array2<f64>) -> f64 {
    let s = a.sum();
    let m = a.mean().unwrap();
    let s0 = a.sum_axis(Axis(0));
    let m1 = a.mean_axis(Axis(1)).unwrap();
    let v = a.var(0.0);
    let sd = a.std(1.0);
    let va = a.var_axis(Axis(0), 1.0);
    let sa = a.std_axis(Axis(1), 0.0);
    let mx = a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max(x));
    let mn = a.fold_axis(Axis(0), f64::INFINITY, |&m, &x| m.min(x));
    let norm = (a * a).sum().sqrt();
    s * m + s0.dot(&s0) + (&m1 * &m1).sum() + v * sd + va.sum() + sa.sum() + mx.sum() * 2.0
        - mn.sum()
        + norm
}

#[test]
fn reductions_match_fd() {
    let mut rng = Rng::new(6);
    let a = rand(&mut rng, (4, 3), -2.0, 2.0);
    let (v, da) = reductions_grad(&a);
    assert!((v - reductions(&a)).abs() < 1e-12);
    assert_fd_array(reductions, &a, &da, "da");
}

// ---------------------------------------------------------------------------------------------
// 4. Elementwise maps and float methods
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn maps(a: &Array1<f64>, c: f64) -> f64 {
    let t = a.mapv(f64::tanh);
    let u = a.mapv(|v| (v * c).sin() + c * v * v);
    let w = a.mapv(|v| if v > 0.0 { v } else { 0.1 * v });
    let e = a.exp() + a.mapv(f64::abs).ln() + a.mapv(|v| v * v + 1.0).sqrt();
    let p = a.powi(3) + a.sin() * a.cos() - a.abs();
    (t * u).sum() + w.sum() + e.sum() + p.sum()
}

#[test]
fn maps_and_methods() {
    let mut rng = Rng::new(7);
    let a = common::arrays::rand(&mut rng, 5, 0.1, 1.5).mapv(|v| if v > 0.8 { -v } else { v });
    let c = 0.7;
    let (v, (da, dc)) = maps_grad(&a, c);
    assert!((v - maps(&a, c)).abs() < 1e-12);
    assert_fd_array(|a| maps(a, c), &a, &da, "da");
    let fc = fd(
        |c: &Array<f64, _>| maps(&a, c[()]),
        &Array::from_elem((), c),
    );
    common::assert_near(dc, fc[()], "dc (captured by the closures)");
}

// ---------------------------------------------------------------------------------------------
// 5. Shape operations and indexing
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn shapes(a: &Array2<f64>, v: &Array1<f64>) -> f64 {
    let col = v.view().insert_axis(Axis(1)); // (3,1)
    let b = a * &col;
    let flat = b.to_shape(12).unwrap();
    let back = flat.into_owned().into_shape_with_order((4, 3)).unwrap();
    let sl = a.slice(s![1.., ..2]);
    let r = a.row(1);
    let c = a.column(2);
    let ia = a.index_axis(Axis(0), 2);
    let e = a[[0, 1]] * v[2];
    let cat = ad_runtime::ndarray::concatenate(Axis(0), &[r.view(), c.view()]).unwrap();
    let st = ad_runtime::ndarray::stack(Axis(0), &[r.view(), ia.view()]).unwrap();
    let own = sl.to_owned();
    let cl = own.clone();
    back.sum() * e + (&cl * &own).sum() + (&cat * &cat).sum() + st.sum() * v[0]
}

#[test]
fn shape_ops() {
    let mut rng = Rng::new(8);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let v = rand(&mut rng, 3, -1.0, 1.0);
    let (val, (da, dv)) = shapes_grad(&a, &v);
    assert!((val - shapes(&a, &v)).abs() < 1e-12);
    assert_fd_array(|a| shapes(a, &v), &a, &da, "da");
    assert_fd_array(|v| shapes(&a, v), &v, &dv, "dv");
}

// ---------------------------------------------------------------------------------------------
// 6. Constants, loops over rows, scalar indexing
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn rows_loop(a: &Array2<f64>, w: &Array1<f64>) -> f64 {
    let mut acc = Array1::<f64>::zeros(a.ncols());
    let ones = Array2::<f64>::ones((2, 2));
    let mut s = ones.sum();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let z = r.dot(w);
        s += z.tanh();
        acc = acc + &r * z;
        for j in 0..a.ncols() {
            s += a[[i, j]] * w[j] * (i as f64);
        }
    }
    s + acc.sum()
}

#[test]
fn loops_over_rows() {
    let mut rng = Rng::new(9);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let w = rand(&mut rng, 3, -1.0, 1.0);
    let (val, (da, dw)) = rows_loop_grad(&a, &w);
    assert!((val - rows_loop(&a, &w)).abs() < 1e-12);
    assert_fd_array(|a| rows_loop(a, &w), &a, &da, "da");
    assert_fd_array(|w| rows_loop(&a, w), &w, &dw, "dw");
}

#[differentiable]
fn views(a: ArrayView2<f64>, b: ArrayView1<f64>) -> f64 {
    (&a + &b).mapv(|v| v * v).sum()
}

#[test]
fn view_parameters() {
    let mut rng = Rng::new(10);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let (_, (da, db)) = views_grad(a.view(), b.view());
    let da: Array2<f64> = da;
    assert_fd_array(|a| views(a.view(), b.view()), &a, &da, "da");
    assert_fd_array(|b| views(a.view(), b.view()), &b, &db, "db");
}

#[differentiable]
fn f32_model(w: &Array2<f32>, x: &Array1<f32>) -> f32 {
    let h = w.dot(x).mapv(f32::tanh);
    (&h * &h).sum() * 0.5
}

#[test]
fn f32_arrays() {
    let w = Array2::from_shape_vec((2, 3), vec![0.1f32, -0.2, 0.3, 0.4, 0.5, -0.6]).unwrap();
    let x = Array1::from_vec(vec![1.0f32, 0.5, -1.0]);
    let (_, (dw, dx)) = f32_model_grad(&w, &x);
    // Closed form: h = tanh(Wx), L = ½|h|², ∂L/∂(Wx) = h (1 - h²).
    let h = w.dot(&x).mapv(f32::tanh);
    let gz = &h * &h.mapv(|v| 1.0 - v * v);
    let dw_ref = gz
        .view()
        .insert_axis(Axis(1))
        .dot(&x.view().insert_axis(Axis(0)));
    let dx_ref = w.t().dot(&gz);
    for (a, b) in dw.iter().zip(dw_ref.iter()) {
        assert!((a - b).abs() < 1e-5, "{dw} vs {dw_ref}");
    }
    for (a, b) in dx.iter().zip(dx_ref.iter()) {
        assert!((a - b).abs() < 1e-5, "{dx} vs {dx_ref}");
    }
}

#[differentiable]
fn dyn_arrays(a: &ad_runtime::ndarray::ArrayD<f64>) -> f64 {
    let b = a.clone().into_dimensionality::<Ix2>().unwrap();
    (b.t().dot(&b)).sum()
}

#[test]
fn dynamic_dimension() {
    let mut rng = Rng::new(11);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0).into_dyn();
    let (_, da) = dyn_arrays_grad(&a);
    assert_fd_array(dyn_arrays, &a, &da, "da");
}

// ---------------------------------------------------------------------------------------------
// 7. Models: a two-layer classifier, an attention head, layer normalisation
// ---------------------------------------------------------------------------------------------

use ad_runtime::nn;

#[differentiable(wrt(w1, b1, w2, b2))]
fn classifier(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    labels: &[usize],
) -> f64 {
    let h = nn::relu(&(x.dot(w1) + b1));
    let logits = h.dot(w2) + b2;
    nn::cross_entropy(&logits, labels)
}

/// The same classifier with softmax cross-entropy written out in array operations
/// (max-shifted log-sum-exp), against one-hot targets.
#[differentiable(wrt(w1, b1, w2, b2))]
fn classifier_by_hand(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    onehot: &Array2<f64>,
) -> f64 {
    let h = (x.dot(w1) + b1).mapv(|v| v.max(0.0));
    let logits = h.dot(w2) + b2;
    let m = logits
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&a, &b| a.max(b))
        .insert_axis(Axis(1));
    let shifted = &logits - &m;
    let lse = shifted.exp().sum_axis(Axis(1)).ln().insert_axis(Axis(1));
    let logp = shifted - lse;
    -(onehot * &logp).sum() / (x.nrows() as f64)
}

#[test]
fn two_layer_classifier() {
    let mut rng = Rng::new(20);
    let (n, d, hdim, k) = (6, 4, 5, 3);
    let x = rand(&mut rng, (n, d), -1.0, 1.0);
    let labels: Vec<usize> = (0..n).map(|i| (i * 7 + 1) % k).collect();
    let mut onehot = Array2::<f64>::zeros((n, k));
    for (i, &l) in labels.iter().enumerate() {
        onehot[[i, l]] = 1.0;
    }
    let w1 = rand(&mut rng, (d, hdim), -1.0, 1.0);
    let b1 = rand(&mut rng, hdim, -0.1, 0.1);
    let w2 = rand(&mut rng, (hdim, k), -1.0, 1.0);
    let b2 = rand(&mut rng, k, -0.1, 0.1);
    let (l, (dw1, db1, dw2, db2)) = classifier_grad(&w1, &b1, &w2, &b2, &x, &labels);
    let (l2, (ew1, eb1, ew2, eb2)) = classifier_by_hand_grad(&w1, &b1, &w2, &b2, &x, &onehot);
    common::assert_near(l, l2, "nn::cross_entropy vs array operations");
    assert_array(&dw1, &ew1, "dw1 (two formulations)");
    assert_array(&db1, &eb1, "db1");
    assert_array(&dw2, &ew2, "dw2");
    assert_array(&db2, &eb2, "db2");
    let f = |w1: &Array2<f64>, b1: &Array1<f64>, w2: &Array2<f64>, b2: &Array1<f64>| {
        classifier(w1, b1, w2, b2, &x, &labels)
    };
    assert_fd_array(|w| f(w, &b1, &w2, &b2), &w1, &dw1, "dw1");
    assert_fd_array(|b| f(&w1, b, &w2, &b2), &b1, &db1, "db1");
    assert_fd_array(|w| f(&w1, &b1, w, &b2), &w2, &dw2, "dw2");
    assert_fd_array(|b| f(&w1, &b1, &w2, b), &b2, &db2, "db2");
}

#[differentiable(wrt(wq, wk, wv))]
fn attention(wq: &Array2<f64>, wk: &Array2<f64>, wv: &Array2<f64>, x: &Array2<f64>) -> f64 {
    let q = x.dot(wq);
    let k = x.dot(wk);
    let v = x.dot(wv);
    let d = wq.ncols() as f64;
    let scores = q.dot(&k.t()) / d.sqrt();
    let p = nn::softmax(&scores, Axis(1));
    let out = p.dot(&v);
    (&out * &out).sum()
}

#[test]
fn attention_head() {
    let mut rng = Rng::new(21);
    let (t, d, dk) = (4, 3, 2);
    let x = rand(&mut rng, (t, d), -1.0, 1.0);
    let wq = rand(&mut rng, (d, dk), -1.0, 1.0);
    let wk = rand(&mut rng, (d, dk), -1.0, 1.0);
    let wv = rand(&mut rng, (d, dk), -1.0, 1.0);
    let (v, (dq, dk_, dv)) = attention_grad(&wq, &wk, &wv, &x);
    common::assert_near(v, attention(&wq, &wk, &wv, &x), "value");
    assert_fd_array(|w| attention(w, &wk, &wv, &x), &wq, &dq, "dWq");
    assert_fd_array(|w| attention(&wq, w, &wv, &x), &wk, &dk_, "dWk");
    assert_fd_array(|w| attention(&wq, &wk, w, &x), &wv, &dv, "dWv");
}

#[differentiable]
fn layer_norm_residual(
    x: &Array2<f64>,
    gamma: &Array1<f64>,
    beta: &Array1<f64>,
    w: &Array2<f64>,
) -> f64 {
    let h = x.dot(w);
    let mean = h.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1));
    let centered = &h - &mean;
    let var = (&centered * &centered)
        .mean_axis(Axis(1))
        .unwrap()
        .insert_axis(Axis(1));
    let normed = &centered / &(var + 1e-5).mapv(f64::sqrt);
    let y = &normed * gamma + beta + x;
    y.mapv(|v| v.tanh()).sum()
}

#[test]
fn layer_norm_with_residual() {
    let mut rng = Rng::new(22);
    let x = rand(&mut rng, (3, 4), -1.0, 1.0);
    let gamma = rand(&mut rng, 4, 0.5, 1.5);
    let beta = rand(&mut rng, 4, -0.5, 0.5);
    let w = rand(&mut rng, (4, 4), -1.0, 1.0);
    let (_, (dx, dg, db, dw)) = layer_norm_residual_grad(&x, &gamma, &beta, &w);
    assert_fd_array(|x| layer_norm_residual(x, &gamma, &beta, &w), &x, &dx, "dx");
    assert_fd_array(
        |g| layer_norm_residual(&x, g, &beta, &w),
        &gamma,
        &dg,
        "dgamma",
    );
    assert_fd_array(
        |b| layer_norm_residual(&x, &gamma, b, &w),
        &beta,
        &db,
        "dbeta",
    );
    assert_fd_array(|w| layer_norm_residual(&x, &gamma, &beta, w), &w, &dw, "dw");
}

// ---------------------------------------------------------------------------------------------
// 8. Arrays in loops: a recurrent update, a reassigned accumulator, branches
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn recurrent(w: &Array2<f64>, u: &Array2<f64>, xs: &Array2<f64>, h0: &Array1<f64>) -> f64 {
    let mut h = h0.clone();
    for t in 0..xs.nrows() {
        let x = xs.row(t);
        h = (w.dot(&h) + u.dot(&x)).mapv(f64::tanh);
        if h.sum() > 0.0 {
            h = &h * 0.5;
        }
    }
    (&h * &h).sum()
}

#[test]
fn recurrent_network() {
    let mut rng = Rng::new(30);
    let w = rand(&mut rng, (3, 3), -0.8, 0.8);
    let u = rand(&mut rng, (3, 2), -0.8, 0.8);
    let xs = rand(&mut rng, (5, 2), -1.0, 1.0);
    let h0 = rand(&mut rng, 3, -0.5, 0.5);
    let (v, (dw, du, dxs, dh0)) = recurrent_grad(&w, &u, &xs, &h0);
    common::assert_near(v, recurrent(&w, &u, &xs, &h0), "value");
    assert_fd_array(|w| recurrent(w, &u, &xs, &h0), &w, &dw, "dW");
    assert_fd_array(|u| recurrent(&w, u, &xs, &h0), &u, &du, "dU");
    assert_fd_array(|xs| recurrent(&w, &u, xs, &h0), &xs, &dxs, "dxs");
    assert_fd_array(|h| recurrent(&w, &u, &xs, h), &h0, &dh0, "dh0");
}

#[differentiable]
fn elementwise_methods(a: &Array1<f64>, p: f64) -> f64 {
    let b = a.mapv(|v| v * 0.5); // in (0, 0.5): inside every domain below
    let s1 = b.cbrt().sum() + b.exp2().sum() + b.exp_m1().sum() + b.log2().sum();
    let s2 = b.log10().sum() + b.ln_1p().sum() + b.tan().sum() + b.asin().sum();
    let s3 = b.acos().sum() + b.atan().sum() + b.sinh().sum() + b.cosh().sum();
    let s4 = b.asinh().sum() + (&b + 1.5).acosh().sum() + b.atanh().sum() + b.recip().sum();
    let s5 = b.powf(1.7).sum() + b.log(3.0).sum() + b.clamp(0.1, 0.3).sum() + b.tanh().sum();
    let s6 = b.to_degrees().sum() + b.to_radians().sum() + b.sqrt().sum() + b.powi(2).sum();
    let s7 = b.powf(p).sum() + b.log(p + 2.0).sum();
    (s1 + s2 + s3) * p + s4 + s5 + s6 + s7
}

#[test]
fn every_elementwise_method() {
    let mut rng = Rng::new(31);
    let a = rand(&mut rng, 6, 0.05, 0.95);
    let (_, (da, dp)) = elementwise_methods_grad(&a, 1.3);
    assert_fd_array(|a| elementwise_methods(a, 1.3), &a, &da, "da");
    let fp = fd(
        |p: &Array<f64, _>| elementwise_methods(&a, p[()]),
        &Array::from_elem((), 1.3),
    );
    common::assert_near(dp, fp[()], "dp");
}

#[differentiable]
fn nn_ops(x: &Array2<f64>, y: &Array2<f64>) -> f64 {
    let a = nn::sigmoid(x).sum() + nn::softplus(x).sum();
    let b = nn::log_softmax(x, Axis(0)).sum() * 0.3 + nn::logsumexp(x, Axis(1)).sum();
    a + b + nn::mse(x, y) + nn::cross_entropy_one_hot(x, &nn::softmax(y, Axis(1)))
}

#[test]
fn nn_ops_inside_differentiable_code() {
    let mut rng = Rng::new(32);
    let x = rand(&mut rng, (3, 4), -2.0, 2.0);
    let y = rand(&mut rng, (3, 4), -2.0, 2.0);
    let (_, (dx, dy)) = nn_ops_grad(&x, &y);
    assert_fd_array(|x| nn_ops(x, &y), &x, &dx, "dx");
    assert_fd_array(|y| nn_ops(&x, y), &y, &dy, "dy");
}

#[differentiable]
fn iterate_vector(a: &Array1<f64>, w: &Array1<f64>) -> f64 {
    let mut s = 0.0;
    for &v in a.iter() {
        s += v * v;
    }
    for (i, &v) in w.iter().enumerate() {
        s += v * a[i];
    }
    s
}

#[test]
fn for_loops_over_array_elements() {
    let mut rng = Rng::new(33);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let w = rand(&mut rng, 4, -1.0, 1.0);
    let (_, (da, dw)) = iterate_vector_grad(&a, &w);
    assert_array(&da, &(&a * 2.0 + &w), "da = 2a + w");
    assert_array(&dw, &a, "dw = a");
}

// ---------------------------------------------------------------------------------------------
// 9. Calls between differentiable array functions, tuple results, parameters by value
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn dense(w: &Array2<f64>, x: &Array1<f64>) -> Array1<f64> {
    w.dot(x).mapv(f64::tanh)
}

#[differentiable]
fn two_dense(w1: &Array2<f64>, w2: &Array2<f64>, x: &Array1<f64>) -> f64 {
    let h = dense(w1, x);
    let y = dense(w2, &h);
    let z: Array1<f64> = dense(w2, &y);
    (&y * &y).sum() + z.sum()
}

#[test]
fn calls_between_array_functions() {
    let mut rng = Rng::new(40);
    let w1 = rand(&mut rng, (3, 4), -1.0, 1.0);
    let w2 = rand(&mut rng, (3, 3), -1.0, 1.0);
    let x = rand(&mut rng, 4, -1.0, 1.0);
    let (_, (d1, d2, dx)) = two_dense_grad(&w1, &w2, &x);
    assert_fd_array(|w| two_dense(w, &w2, &x), &w1, &d1, "dw1");
    assert_fd_array(|w| two_dense(&w1, w, &x), &w2, &d2, "dw2");
    assert_fd_array(|x| two_dense(&w1, &w2, x), &x, &dx, "dx");
}

#[differentiable]
fn stats(a: Array1<f64>, s: f64) -> (f64, Array1<f64>) {
    let scaled = a * s;
    let m = scaled.mean().unwrap();
    (m, scaled - m)
}

#[test]
fn tuple_result_with_array() {
    let mut rng = Rng::new(41);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let s = 1.7;
    let seed_m = 0.3;
    let seed_v = rand(&mut rng, 5, -1.0, 1.0);
    let ((m, v), (da, ds)) = stats_vjp(a.clone(), s, (seed_m, seed_v.clone()));
    let (m_ref, v_ref) = stats(a.clone(), s);
    common::assert_near(m, m_ref, "m");
    assert_array(&v, &v_ref, "v");
    let f = |a: &Array1<f64>, s: f64| {
        let (m, v) = stats(a.clone(), s);
        seed_m * m + inner(&seed_v, &v)
    };
    assert_fd_array(|a| f(a, s), &a, &da, "da");
    let fs = fd(|s: &Array<f64, _>| f(&a, s[()]), &Array::from_elem((), s));
    common::assert_near(ds, fs[()], "ds");
}

#[differentiable]
fn unknown_kinds(w: &Array2<f64>, x: &Array1<f64>, b: &Array1<f64>) -> f64 {
    let y = dense(w, x); // an array the macro cannot see the type of
    let z = y + b; // moves `y`, which the reverse sweep reads
    let t = two_dense(w, w, x) * 2.0; // a scalar of unknown kind
    (z * t).sum()
}

#[test]
fn values_of_unknown_kind() {
    let mut rng = Rng::new(42);
    let w = rand(&mut rng, (3, 3), -1.0, 1.0);
    let x = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let (_, (dw, dx, db)) = unknown_kinds_grad(&w, &x, &b);
    assert_fd_array(|w| unknown_kinds(w, &x, &b), &w, &dw, "dw");
    assert_fd_array(|x| unknown_kinds(&w, x, &b), &x, &dx, "dx");
    assert_fd_array(|b| unknown_kinds(&w, &x, b), &b, &db, "db");
}

#[differentiable]
fn constants(a: &Array2<f64>) -> f64 {
    let i = Array2::<f64>::eye(2);
    let f = Array2::from_elem((2, 2), 0.5);
    let v = Array1::from_shape_vec(2, vec![1.0, -2.0]).unwrap();
    let lit = ad_runtime::ndarray::array![[1.0, 2.0], [3.0, 4.0]];
    let z = Array2::<f64>::zeros((2, 2)) + Array2::<f64>::ones((2, 2));
    ((a + &i) * &f).dot(&v).sum() + (a * &lit).sum() + (a - &z).mapv(|x| x * x).sum()
}

#[test]
fn constant_arrays() {
    let mut rng = Rng::new(43);
    let a = rand(&mut rng, (2, 2), -1.0, 1.0);
    let (v, da) = constants_grad(&a);
    common::assert_near(v, constants(&a), "value");
    assert_fd_array(constants, &a, &da, "da");
}

#[differentiable]
fn write_elements(a: &Array2<f64>, s: f64) -> f64 {
    let (n, m) = a.dim();
    let mut out = Array2::<f64>::zeros((m, n));
    let mut v = Array1::<f64>::zeros(n);
    for i in 0..n {
        for j in 0..m {
            out[[j, i]] = a[[i, j]] * s;
            v[i] += a[[i, j]].sin();
        }
    }
    out[[0, 0]] = out[[0, 0]] * out[[0, 0]];
    out.dot(&v).mapv(|x| x * x).sum() + v.sum()
}

#[test]
fn element_writes_into_local_arrays() {
    let mut rng = Rng::new(44);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, (da, ds)) = write_elements_grad(&a, 0.8);
    common::assert_near(v, write_elements(&a, 0.8), "value");
    assert_fd_array(|a| write_elements(a, 0.8), &a, &da, "da");
    let fs = fd(
        |s: &Array<f64, _>| write_elements(&a, s[()]),
        &Array::from_elem((), 0.8),
    );
    common::assert_near(ds, fs[()], "ds");
}

#[differentiable]
fn compound(a: &Array2<f64>, x: &Array1<f64>) -> f64 {
    let mut acc = Array1::<f64>::zeros(x.len());
    for i in 0..a.nrows() {
        acc += &a.row(i);
        acc *= 0.9;
        acc -= x;
    }
    let mut m = a.to_owned();
    m /= 2.0;
    m += x;
    (&acc * &acc).sum() + m.mapv(f64::sin).sum()
}
#[test]
fn compound_assignment_on_arrays() {
    let mut rng = Rng::new(1);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let x = rand(&mut rng, 4, -1.0, 1.0);
    let (_, (da, dx)) = compound_grad(&a, &x);
    assert_fd_array(|a| compound(a, &x), &a, &da, "da");
    assert_fd_array(|x| compound(&a, x), &x, &dx, "dx");
}

#[differentiable]
fn index_call_results(w: &Array2<f64>, x: &Array1<f64>, v: &[f64]) -> f64 {
    let h = dense(w, x); // an Array1 whose type the macro does not see
    let c = copy_vec(v); // a Vec likewise
    h[0] * c[1] + h[2] * h[1]
}

#[differentiable]
fn copy_vec(v: &[f64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(v.len());
    for &e in v.iter() {
        out.push(e * 2.0);
    }
    out
}

#[test]
fn indexing_values_of_unknown_kind() {
    let mut rng = Rng::new(45);
    let w = rand(&mut rng, (3, 3), -1.0, 1.0);
    let x = rand(&mut rng, 3, -1.0, 1.0);
    let v = vec![0.3, -0.7];
    let (_, (dw, dx, dv)) = index_call_results_grad(&w, &x, &v);
    assert_fd_array(|w| index_call_results(w, &x, &v), &w, &dw, "dw");
    assert_fd_array(|x| index_call_results(&w, x, &v), &x, &dx, "dx");
    let h = dense(&w, &x);
    assert_eq!(dv, vec![0.0, 2.0 * h[0]]);
}

/// `a.iter().map(|v| e).sum()` of a 1-D array: rewritten into `for v in a.iter()`.
#[differentiable]
fn array_map_sum(a: &Array1<f64>, w: f64) -> f64 {
    a.iter().map(|v| (v * w).tanh()).sum()
}

#[test]
fn map_sum_of_a_1d_array() {
    let a = Array1::from(vec![0.5, -1.0, 2.0]);
    let w = 0.3;
    let (v, (ga, gw)) = array_map_sum_grad(&a, w);
    assert_eq!(v, array_map_sum(&a, w));
    let sech2 = |t: f64| 1.0 - t.tanh() * t.tanh();
    for i in 0..3 {
        assert!((ga[i] - w * sech2(a[i] * w)).abs() < 1e-12);
    }
    let want_w: f64 = a.iter().map(|&x| x * sech2(x * w)).sum();
    assert!((gw - want_w).abs() < 1e-12);
}

/// `.iter().sum()` of ndarray views made by ndarray's methods (`x.slice(s![1..])`, a row).
#[differentiable]
fn view_iter_sums(x: &Array1<f64>, m: &Array2<f64>) -> f64 {
    x.slice(s![1..]).iter().sum::<f64>() * x[0] + m.row(1).iter().sum::<f64>() * m[[0, 0]]
}

#[test]
fn iterator_sums_of_array_views() {
    let x = Array1::from(vec![1.0, 2.0, 3.0]);
    let m = Array2::from_shape_vec((2, 2), vec![0.5, 1.0, 2.0, 3.0]).unwrap();
    // (x1 + x2) x0 + (m10 + m11) m00.
    let (v, (gx, gm)) = view_iter_sums_grad(&x, &m);
    assert_eq!(v, 5.0 + 2.5);
    assert_eq!(gx.to_vec(), vec![5.0, 1.0, 1.0]);
    assert_eq!(
        gm.iter().copied().collect::<Vec<_>>(),
        vec![5.0, 0.0, 0.5, 0.5]
    );
}
