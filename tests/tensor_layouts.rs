//! The tensor rules' fast paths, each against central finite differences and against the
//! general path's layouts: broadcast operands read row by row as slices or repeated values
//! (`(m, 1)`, `(1, n)`, `(n,)`, scalars; standard and transposed cotangents), divisions by a
//! broadcast denominator through its reciprocals (and the exact path where a reciprocal is
//! not a normal number), and the products, `mapv` and `+` rules on statically typed
//! operands (1-D and 2-D, and the same values as dynamic-dimensional arrays).

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Array2, ArrayD, Axis};
use common::Rng;
use common::arrays::*;

/// A layer norm's statistics: per-row `(m, 1)` and per-column `(1, n)` denominators and
/// numerators, a `(n,)` gain, scalars on both sides.
#[differentiable]
fn row_and_column_stats(z: &Array2<f64>, gain: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let mean = z.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1));
    let var = z.var_axis(Axis(1), 0.0).insert_axis(Axis(1));
    let normed = (z - &mean) / (var + 1e-3).mapv(f64::sqrt);
    let cols = z.sum_axis(Axis(0)).insert_axis(Axis(0));
    let by_col = &normed / &(cols * 0.1 + 3.0);
    let scaled = by_col * gain / 2.0;
    let row_over = &mean / &scaled.mapv(|v| v * v + 1.0);
    (&scaled * c).sum() + row_over.sum() + (1.5 / &mean).sum()
}

#[test]
fn broadcast_rows_and_columns() {
    let mut rng = Rng::new(71);
    for (m, n) in [(5, 7), (1, 6), (6, 1), (3, 3)] {
        let z = rand(&mut rng, (m, n), -1.0, 2.0);
        let gain = rand(&mut rng, n, 0.5, 1.5);
        let c = rand(&mut rng, (m, n), -1.0, 1.0);
        let (v, (dz, dgain, dc)) = row_and_column_stats_grad(&z, &gain, &c);
        assert_eq!(v, row_and_column_stats(&z, &gain, &c));
        assert_fd_array(|z| row_and_column_stats(z, &gain, &c), &z, &dz, "dz");
        assert_fd_array(|g| row_and_column_stats(&z, g, &c), &gain, &dgain, "dgain");
        assert_fd_array(|c| row_and_column_stats(&z, &gain, c), &c, &dc, "dc");
        // Transposed inputs: the cotangents arrive in other layouts.
        let zt = z.t().to_owned().reversed_axes();
        let (_, (dzt, _, _)) = row_and_column_stats_grad(&zt, &gain, &c);
        assert_array(&dzt, &dz, "dz, transposed input");
    }
}

/// Both operands of `/` differentiated, the denominator broadcast per row or per column.
#[differentiable]
fn quotient_both(a: &Array2<f64>, r: &Array2<f64>, k: &Array2<f64>) -> f64 {
    let q = a / r;
    let p = &q * &q;
    let w = a.t().to_owned() / k;
    p.sum() + w.mapv(f64::tanh).sum()
}

#[test]
fn broadcast_denominators() {
    let mut rng = Rng::new(72);
    let a = rand(&mut rng, (4, 6), -1.0, 1.0);
    let r = rand(&mut rng, (4, 1), 0.5, 2.0);
    let k = rand(&mut rng, (1, 4), 0.5, 2.0);
    let (_, (da, dr, dk)) = quotient_both_grad(&a, &r, &k);
    assert_fd_array(|a| quotient_both(a, &r, &k), &a, &da, "da");
    assert_fd_array(|r| quotient_both(&a, r, &k), &r, &dr, "dr");
    assert_fd_array(|k| quotient_both(&a, &r, k), &k, &dk, "dk");
    // Closed form of the first term's denominator: ∂/∂r_i Σ_j (a_ij / r_i)² = -2 Σ_j a_ij² / r_i³.
    let wt = a.t().to_owned();
    for i in 0..4 {
        let first: f64 = (0..6)
            .map(|j| -2.0 * a[[i, j]].powi(2) / r[[i, 0]].powi(3))
            .sum();
        let second: f64 = (0..6)
            .map(|j| {
                let t = (wt[[j, i]] / k[[0, i]]).tanh();
                (1.0 - t * t) * (-wt[[j, i]] / (k[[0, i]] * k[[0, i]]))
            })
            .sum();
        common::assert_near(dr[[i, 0]], first, "dr closed form");
        common::assert_near(dk[[0, i]], second, "dk closed form");
    }
}

/// A denominator whose reciprocal is not a normal number takes the exact path: a huge
/// per-row scale (`1 / 1e308` is subnormal) still gives the quotient rule's values, to the
/// last bit (`-(g q) / r`, `q = a / r`).
#[test]
fn denominators_with_subnormal_reciprocals() {
    let scale = [1e300, 1.0];
    let a = Array2::from_shape_fn((2, 3), |(i, j)| scale[i] * (1.0 + 0.5 * j as f64));
    let r = Array2::from_shape_vec((2, 1), vec![1e308, 2.0]).unwrap();
    let k = Array2::from_elem((1, 2), 1.0);
    let (_, (_, dr, _)) = quotient_both_grad(&a, &r, &k);
    for i in 0..2 {
        let expected: f64 = (0..3)
            .map(|j| {
                let q = a[[i, j]] / r[[i, 0]];
                -(2.0 * q * q) / r[[i, 0]]
            })
            .sum();
        assert!(
            expected != 0.0 && expected.is_finite(),
            "row {i}: {expected}"
        );
        assert_eq!(dr[[i, 0]], expected, "row {i}");
    }
}

/// A recurrent cell: matrix·vector and vector·matrix products, `+` of equal shapes and a
/// `tanh` map, in a loop.
#[differentiable]
fn cell(w: &Array2<f64>, v: &Array2<f64>, b: &Array1<f64>, h0: &Array1<f64>) -> f64 {
    let mut h = h0.to_owned();
    for _ in 0..4 {
        let back = h.dot(v);
        h = (w.dot(&h) + back + b).mapv(f64::tanh);
    }
    (&h * &h).sum()
}

/// The same cell on dynamic-dimensional arrays (the rules' general path).
#[differentiable]
fn cell_dyn(w: &ArrayD<f64>, v: &ArrayD<f64>, b: &ArrayD<f64>, h0: &ArrayD<f64>) -> f64 {
    let w = w
        .view()
        .into_dimensionality::<ad_runtime::ndarray::Ix2>()
        .unwrap();
    let v = v
        .view()
        .into_dimensionality::<ad_runtime::ndarray::Ix2>()
        .unwrap();
    let mut h = h0.to_owned();
    for _ in 0..4 {
        let h1 = h
            .view()
            .into_dimensionality::<ad_runtime::ndarray::Ix1>()
            .unwrap();
        let back = h1.dot(&v).into_dyn();
        h = (w.dot(&h1).into_dyn() + back + b).mapv(f64::tanh);
    }
    (&h * &h).sum()
}

#[test]
fn recurrent_products_static_and_dynamic() {
    let mut rng = Rng::new(73);
    let w = rand(&mut rng, (5, 5), -0.5, 0.5);
    let v = rand(&mut rng, (5, 5), -0.5, 0.5);
    let b = rand(&mut rng, 5, -0.2, 0.2);
    let h0 = rand(&mut rng, 5, -0.5, 0.5);
    let (val, (dw, dv, db, dh0)) = cell_grad(&w, &v, &b, &h0);
    assert_eq!(val, cell(&w, &v, &b, &h0));
    assert_fd_array(|w| cell(w, &v, &b, &h0), &w, &dw, "dw");
    assert_fd_array(|v| cell(&w, v, &b, &h0), &v, &dv, "dv");
    assert_fd_array(|b| cell(&w, &v, b, &h0), &b, &db, "db");
    assert_fd_array(|h| cell(&w, &v, &b, h), &h0, &dh0, "dh0");
    let (vd, (dwd, dvd, dbd, dhd)) =
        cell_dyn_grad(&dyn_of(&w), &dyn_of(&v), &dyn_of(&b), &dyn_of(&h0));
    common::assert_near(vd, val, "dynamic value");
    assert_array(&dwd, &dyn_of(&dw), "dw, dynamic");
    assert_array(&dvd, &dyn_of(&dv), "dv, dynamic");
    assert_array(&dbd, &dyn_of(&db), "db, dynamic");
    assert_array(&dhd, &dyn_of(&dh0), "dh0, dynamic");
    // Transposed weights: column-major operands of both products.
    let wt = w.t().to_owned().reversed_axes();
    let (_, (dwt, ..)) = cell_grad(&wt, &v, &b, &h0);
    assert_array(&dwt, &dw, "dw, column-major");
}

/// Forward and second order through the same paths (dual numbers run the same rules):
/// `f_jvp` against `grad · t`, and `f_hvp`'s `H t` against differences of the gradient.
#[test]
fn forward_and_second_order_through_the_fast_paths() {
    let mut rng = Rng::new(74);
    let a = rand(&mut rng, (4, 6), -1.0, 1.0);
    let r = rand(&mut rng, (4, 1), 0.5, 2.0);
    let k = rand(&mut rng, (1, 4), 0.5, 2.0);
    let (ta, tr, tk) = (
        rand(&mut rng, (4, 6), -1.0, 1.0),
        rand(&mut rng, (4, 1), -1.0, 1.0),
        rand(&mut rng, (1, 4), -1.0, 1.0),
    );
    let (_, (da, dr, dk)) = quotient_both_grad(&a, &r, &k);
    let (_, j) = quotient_both_jvp(&a, &r, &k, &ta, &tr, &tk);
    common::assert_near(
        j,
        inner(&da, &ta) + inner(&dr, &tr) + inner(&dk, &tk),
        "jvp",
    );
    let (_, _, (ha, hr, hk)) = quotient_both_hvp(&a, &r, &k, &ta, &tr, &tk);
    let h = 1e-5;
    let at =
        |s: f64| quotient_both_grad(&(&a + &(&ta * s)), &(&r + &(&tr * s)), &(&k + &(&tk * s))).1;
    let ((pa, pr, pk), (ma, mr, mk)) = (at(h), at(-h));
    assert_hv_array(&ha, &pa, &ma, h, "H t, a");
    assert_hv_array(&hr, &pr, &mr, h, "H t, r");
    assert_hv_array(&hk, &pk, &mk, h, "H t, k");

    let w = rand(&mut rng, (5, 5), -0.5, 0.5);
    let v = rand(&mut rng, (5, 5), -0.5, 0.5);
    let b = rand(&mut rng, 5, -0.2, 0.2);
    let h0 = rand(&mut rng, 5, -0.5, 0.5);
    let (tw, tv) = (
        rand(&mut rng, (5, 5), -1.0, 1.0),
        rand(&mut rng, (5, 5), -1.0, 1.0),
    );
    let (tb, th) = (rand(&mut rng, 5, -1.0, 1.0), rand(&mut rng, 5, -1.0, 1.0));
    let (_, (dw, dv, db, dh)) = cell_grad(&w, &v, &b, &h0);
    let (_, j) = cell_jvp(&w, &v, &b, &h0, &tw, &tv, &tb, &th);
    common::assert_near(
        j,
        inner(&dw, &tw) + inner(&dv, &tv) + inner(&db, &tb) + inner(&dh, &th),
        "cell jvp",
    );
    let (_, _, (hw, _, _, hh)) = cell_hvp(&w, &v, &b, &h0, &tw, &tv, &tb, &th);
    let at = |s: f64| {
        cell_grad(
            &(&w + &(&tw * s)),
            &(&v + &(&tv * s)),
            &(&b + &(&tb * s)),
            &(&h0 + &(&th * s)),
        )
        .1
    };
    let ((pw, _, _, ph), (mw, _, _, mh)) = (at(h), at(-h));
    assert_hv_array(&hw, &pw, &mw, h, "cell H t, w");
    assert_hv_array(&hh, &ph, &mh, h, "cell H t, h0");
}

/// Spreads along both axes of standard, transposed and 3-D arrays: the forward sweeps run
/// the runtime's copy of ndarray's `var_axis` (hardware fused multiply-adds, the same
/// operations in the same order), so every derivative function's value is the primal's, bit
/// for bit.
#[differentiable]
fn spreads(a: &Array2<f64>, b: &ArrayD<f64>) -> f64 {
    let v0 = a.var_axis(Axis(0), 1.0);
    let s1 = a.std_axis(Axis(1), 0.0);
    let t = a.t().var_axis(Axis(1), 0.0);
    let d = b.var_axis(Axis(1), 0.0);
    v0.sum() * 0.5 + s1.sum() + t.sum() * 1.5 + d.sum()
}

#[test]
fn spreads_keep_the_primal_value() {
    let mut rng = Rng::new(73);
    for (m, n) in [(5, 7), (2, 9), (17, 3), (256, 64)] {
        let a = rand(&mut rng, (m, n), -1e3, 2e3);
        let b = rand(&mut rng, (2, m, 3), -1.0, 2.0).into_dyn();
        let at = a.t().to_owned().reversed_axes();
        for a in [&a, &at] {
            let v = spreads(a, &b);
            let (vg, (da, db)) = spreads_grad(a, &b);
            assert_eq!(vg.to_bits(), v.to_bits());
            let (vh, _, _) = spreads_hvp(a, &b, a, &b);
            assert_eq!(vh.to_bits(), v.to_bits());
            assert!(da.iter().chain(&db).all(|d| d.is_finite()));
        }
        if m * n < 100 {
            // Central differences at moderate values (at 10³ their rounding is too coarse).
            let a = &a / 1e3;
            let (_, (da, db)) = spreads_grad(&a, &b);
            assert_fd_array(|a| spreads(a, &b), &a, &da, "da");
            assert_fd_array(|b| spreads(&a, b), &b, &db, "db");
        }
    }
}

/// A recurrent cell whose reverse loop gathers the rank-1 updates of `w̄` and `ū` and adds
/// them after the loop as one product (`tensor::OuterBatch`): more steps than a batch holds
/// (it is flushed in the loop), a vector · matrix product (`h.dot(&v)`), and `v` also used as
/// a matrix · matrix operand in the same loop (added at once between batched updates). `k`
/// is used otherwise in the loop (`k * 0.5`): not batched.
#[differentiable]
fn rnn_cell(
    w: &Array2<f64>,
    u: &Array2<f64>,
    v: &Array2<f64>,
    k: &Array2<f64>,
    xs: &Array2<f64>,
    steps: usize,
) -> f64 {
    let mut h = u.dot(&xs.row(0)).mapv(f64::sin);
    let mut s = 0.0;
    for t in 0..steps {
        let x = xs.row(t % xs.nrows());
        let z = w.dot(&h) + u.dot(&x) + h.dot(v) * 0.25 + (k * 0.5).dot(&h);
        h = z.mapv(f64::tanh);
        if t % 50 == 7 {
            s += v.dot(w).sum() * 1e-3;
        }
    }
    h.sum() + s + w.sum() * 0.1
}

#[test]
fn recurrent_rank1_updates_gathered() {
    let mut rng = Rng::new(74);
    let n = 4;
    let w = rand(&mut rng, (n, n), -0.5, 0.5);
    let u = rand(&mut rng, (n, 3), -0.5, 0.5);
    let v = rand(&mut rng, (n, n), -0.5, 0.5);
    let k = rand(&mut rng, (n, n), -0.5, 0.5);
    let xs = rand(&mut rng, (5, 3), -1.0, 1.0);
    for steps in [0, 1, 3, 130, 300] {
        let (val, (dw, du, dv, dk, dxs)) = rnn_cell_grad(&w, &u, &v, &k, &xs, steps);
        assert_eq!(val, rnn_cell(&w, &u, &v, &k, &xs, steps));
        assert_fd_array(|w| rnn_cell(w, &u, &v, &k, &xs, steps), &w, &dw, "dw");
        assert_fd_array(|u| rnn_cell(&w, u, &v, &k, &xs, steps), &u, &du, "du");
        assert_fd_array(|v| rnn_cell(&w, &u, v, &k, &xs, steps), &v, &dv, "dv");
        assert_fd_array(|k| rnn_cell(&w, &u, &v, k, &xs, steps), &k, &dk, "dk");
        assert_fd_array(|xs| rnn_cell(&w, &u, &v, &k, xs, steps), &xs, &dxs, "dxs");
        // Second order runs the same batches on dual numbers.
        let t = rand(&mut rng, (n, n), -1.0, 1.0);
        let z = |a: &Array2<f64>| a * 0.0;
        let (_, g, hv) = rnn_cell_hvp(
            &w,
            &u,
            &v,
            &k,
            &xs,
            steps,
            &t,
            &z(&u),
            &z(&v),
            &z(&k),
            &z(&xs),
        );
        assert_eq!(g.0, dw);
        let h = 1e-5;
        let (_, gp) = rnn_cell_grad(&(&w + &(&t * h)), &u, &v, &k, &xs, steps);
        let (_, gm) = rnn_cell_grad(&(&w - &(&t * h)), &u, &v, &k, &xs, steps);
        assert_hv_array(&hv.0, &gp.0, &gm.0, h, "H t (w)");
        assert_hv_array(&hv.2, &gp.2, &gm.2, h, "H t (v)");
    }
}

/// `+` of two arrays of the result's shape in a loop, the loop-invariant operand on either
/// side: its adjoint holds a buffer after the first step, and the reverse adds `g` into it in
/// place and moves `g` into the other operand's (`tensor::acc_add_both`); `h + h` (the same
/// adjoint twice) keeps the copy.
#[differentiable]
fn sums_in_a_loop(w: &Array2<f64>, b: &Array1<f64>, c: &Array1<f64>, h0: &Array1<f64>) -> f64 {
    let mut h = h0.to_owned();
    for t in 0..5 {
        let z = if t % 2 == 0 {
            b + &w.dot(&h)
        } else {
            w.dot(&h) + c
        };
        h = (&z + &z).mapv(f64::tanh) + &h * 0.5;
    }
    (&h * &h).sum() + b.sum() * 0.25
}

#[test]
fn array_sums_add_into_held_adjoints() {
    let mut rng = Rng::new(75);
    let w = rand(&mut rng, (3, 3), -0.6, 0.6);
    let b = rand(&mut rng, 3, -0.5, 0.5);
    let c = rand(&mut rng, 3, -0.5, 0.5);
    let h0 = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (dw, db, dc, dh0)) = sums_in_a_loop_grad(&w, &b, &c, &h0);
    assert_eq!(v, sums_in_a_loop(&w, &b, &c, &h0));
    assert_fd_array(|w| sums_in_a_loop(w, &b, &c, &h0), &w, &dw, "dw");
    assert_fd_array(|b| sums_in_a_loop(&w, b, &c, &h0), &b, &db, "db");
    assert_fd_array(|c| sums_in_a_loop(&w, &b, c, &h0), &c, &dc, "dc");
    assert_fd_array(|h| sums_in_a_loop(&w, &b, &c, h), &h0, &dh0, "dh0");
    let t = rand(&mut rng, 3, -1.0, 1.0);
    let z = Array1::zeros(3);
    let (_, g, hv) = sums_in_a_loop_hvp(&w, &b, &c, &h0, &(&w * 0.0), &t, &z, &z);
    assert_eq!(g.1, db);
    let h = 1e-5;
    let (_, gp) = sums_in_a_loop_grad(&w, &(&b + &(&t * h)), &c, &h0);
    let (_, gm) = sums_in_a_loop_grad(&w, &(&b - &(&t * h)), &c, &h0);
    assert_hv_array(&hv.1, &gp.1, &gm.1, h, "H t (b)");
    assert_hv_array(&hv.0, &gp.0, &gm.0, h, "H t (w)");
}
