//! ndarray arrays built from differentiated values (`Array1::from_vec`, `Array1::from`,
//! `arr1(&[..])`, `Array::from_shape_vec` in both memory orders, `vec![a, b]` of floats) and
//! the array methods rewritten into values (`assign`, `scaled_add`, `map_axis` of 2-D
//! arrays). Each checked against central differences (`_grad`), the gradient (`_jvp` =
//! grad · v), differences of the gradient (`_hvp`) and a closed form.

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Array2, Axis, ShapeBuilder, Zip, arr1, array};
use common::arrays::*;
use common::{Rng, assert_close, fd_grad};

#[differentiable]
fn built(x: f64, y: f64) -> f64 {
    let a = Array1::from_vec(vec![x, y * 2.0, x * y]);
    let b = arr1(&[x, y, 1.0]);
    let c = Array2::from_shape_vec((2, 2), vec![x, y, y * y, x]).unwrap();
    let d = Array2::from_shape_vec((2, 2).f(), vec![x, y, y * y, x]).unwrap();
    let e = Array1::from(vec![x.sin(), y]);
    let w = array![[1.0, 2.0], [3.0, 4.0]];
    a.dot(&b) + (&c * &w).sum() + (&d * &w).sum() * 0.5 + e.mapv(|v| v * v).sum()
}

#[test]
fn arrays_from_differentiated_values() {
    let mut rng = Rng::new(5);
    for _ in 0..4 {
        let (x, y) = (rng.signed(0.2, 1.5), rng.signed(0.2, 1.5));
        let (v, (gx, gy)) = built_grad(x, y);
        assert_eq!(v, built(x, y));
        let fd = fd_grad(|z| built(z[0], z[1]), &[x, y]);
        assert_close(&[gx, gy], &fd, "gradient");
        // Closed form: a·b = x² + 2y² + xy; c·w = x + 2y + 3y² + 4x; the column-major d·w/2 =
        // (x + 3y + 2y² + 4x)/2; |e|² = sin² x + y².
        let want_x = 2.0 * x + y + 5.0 + 2.5 + 2.0 * x.sin() * x.cos();
        let want_y = 4.0 * y + x + 2.0 + 6.0 * y + 0.5 * (3.0 + 4.0 * y) + 2.0 * y;
        assert_close(
            &[gx, gy],
            &[want_x, want_y],
            "closed form (row- and column-major)",
        );
        let (jv, t) = built_jvp(x, y, 0.4, -0.9);
        assert_eq!(jv, v);
        assert_close(&[t], &[0.4 * gx - 0.9 * gy], "jvp");
        let e = 1e-5;
        let g = |x: f64, y: f64| {
            let (_, (a, b)) = built_grad(x, y);
            [a, b]
        };
        let (gp, gm) = (g(x + e * 0.4, y - e * 0.9), g(x - e * 0.4, y + e * 0.9));
        let (_, _, (hx, hy)) = built_hvp(x, y, 0.4, -0.9);
        let hfd = [(gp[0] - gm[0]) / (2.0 * e), (gp[1] - gm[1]) / (2.0 * e)];
        common::assert_close_tol(&[hx, hy], &hfd, 1e-6, "hvp");
    }
}

#[differentiable]
fn assigned_and_scaled(a: &Array1<f64>, b: &Array1<f64>, k: f64) -> f64 {
    let mut c = a.clone();
    c.scaled_add(k, b);
    let mut d = Array1::zeros(a.len());
    d.assign(&c);
    let mut m = Array2::zeros((2, a.len()));
    m.assign(&d);
    (&d * &d).sum() + m.mapv(f64::sin).sum()
}

#[test]
fn assign_and_scaled_add() {
    let mut rng = Rng::new(9);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let k = 0.7;
    let (v, (ga, gb, gk)) = assigned_and_scaled_grad(&a, &b, k);
    assert_eq!(v, assigned_and_scaled(&a, &b, k));
    // Closed form: c = a + k b, f = |c|² + 2 Σ sin c (the row broadcast into two rows).
    let c = &a + &(&b * k);
    let dc = c.mapv(|c| 2.0 * c + 2.0 * c.cos());
    assert_array(&ga, &dc, "d/da");
    assert_array(&gb, &(&dc * k), "d/db");
    assert_close(&[gk], &[inner(&dc, &b)], "d/dk");
    assert_fd_array(|a| assigned_and_scaled(a, &b, k), &a, &ga, "fd a");
    assert_fd_array(|b| assigned_and_scaled(&a, b, k), &b, &gb, "fd b");
    let (ta, tb) = (rand(&mut rng, 3, -1.0, 1.0), rand(&mut rng, 3, -1.0, 1.0));
    let (_, t) = assigned_and_scaled_jvp(&a, &b, k, &ta, &tb, 0.3);
    assert_close(&[t], &[inner(&ga, &ta) + inner(&gb, &tb) + 0.3 * gk], "jvp");
    // H·t against differences of the gradient along (ta, tb, 0.3).
    let h = 1e-5;
    let (_, _, (ha, hb, hk)) = assigned_and_scaled_hvp(&a, &b, k, &ta, &tb, 0.3);
    let gp = assigned_and_scaled_grad(&(&a + &(&ta * h)), &(&b + &(&tb * h)), k + 0.3 * h).1;
    let gm = assigned_and_scaled_grad(&(&a - &(&ta * h)), &(&b - &(&tb * h)), k - 0.3 * h).1;
    assert_hv_array(&ha, &gp.0, &gm.0, h, "H t a");
    assert_hv_array(&hb, &gp.1, &gm.1, h, "H t b");
    common::assert_close_tol(&[hk], &[(gp.2 - gm.2) / (2.0 * h)], 1e-5, "H t k");
}

#[differentiable]
fn lanes(a: &Array2<f64>) -> f64 {
    let r = a.map_axis(Axis(1), |row| row.sum() * row[0]);
    let c = a.map_axis(Axis(0), |col| col.mapv(|v| v * v).sum());
    (&r * &r).sum() + c.sum().sqrt()
}

#[test]
fn map_axis_of_matrices() {
    let mut rng = Rng::new(17);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, g) = lanes_grad(&a);
    assert_eq!(v, lanes(&a));
    assert_fd_array(lanes, &a, &g, "map_axis gradient");
    // Closed form: r_i = s_i a_i0 (s_i the row sum), q = Σ a² (the column sums of squares).
    let q: f64 = a.iter().map(|v| v * v).sum();
    let mut want = a.mapv(|v| v / q.sqrt());
    for i in 0..3 {
        let s = a.row(i).sum();
        let r = s * a[[i, 0]];
        for j in 0..4 {
            want[[i, j]] += 2.0 * r * (a[[i, 0]] + if j == 0 { s } else { 0.0 });
        }
    }
    assert_array(&g, &want, "closed form");
    let t = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (_, jt) = lanes_jvp(&a, &t);
    assert_close(&[jt], &[inner(&g, &t)], "jvp");
    let h = 1e-5;
    let (_, _, hv) = lanes_hvp(&a, &t);
    let gp = lanes_grad(&(&a + &(&t * h))).1;
    let gm = lanes_grad(&(&a - &(&t * h))).1;
    assert_hv_array(&hv, &gp, &gm, h, "hvp");
}

#[differentiable]
fn zipped(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    let mut c = Array1::zeros(a.len());
    Zip::from(&mut c)
        .and(a)
        .and(b)
        .for_each(|c, &a, &b| *c = a * b.sin());
    let d = Zip::from(&c).and(a).map_collect(|&c, a| c * *a + 1.0);
    let mut e = Array1::<f64>::zeros(a.len());
    Zip::from(&mut e).and(&d).for_each(|e, &d| {
        *e += d.tanh();
    });
    d.sum() + c.sum() + e.sum()
}

#[test]
fn zip_of_vectors() {
    let mut rng = Rng::new(23);
    for n in [1usize, 4] {
        let a = rand(&mut rng, n, -1.0, 1.0);
        let b = rand(&mut rng, n, -1.0, 1.0);
        let (v, (ga, gb)) = zipped_grad(&a, &b);
        assert_eq!(v, zipped(&a, &b));
        assert_fd_array(|a| zipped(a, &b), &a, &ga, "fd a");
        assert_fd_array(|b| zipped(&a, b), &b, &gb, "fd b");
        // Closed form: c = a sin b, d = c a + 1, e = tanh d.
        let s = b.mapv(f64::sin);
        let d = &(&a * &a) * &s + 1.0;
        let sech2 = d.mapv(|d| 1.0 - d.tanh().powi(2));
        let dd = &sech2 + 1.0;
        let want_a = &(&(&dd * 2.0) * &(&a * &s)) + &s;
        let want_b = &(&(&dd * &(&a * &a)) + &a) * &b.mapv(f64::cos);
        assert_array(&ga, &want_a, "closed form a");
        assert_array(&gb, &want_b, "closed form b");
        let (ta, tb) = (rand(&mut rng, n, -1.0, 1.0), rand(&mut rng, n, -1.0, 1.0));
        let (_, t) = zipped_jvp(&a, &b, &ta, &tb);
        assert_close(&[t], &[inner(&ga, &ta) + inner(&gb, &tb)], "jvp");
        let h = 1e-5;
        let (_, _, (ha, hb)) = zipped_hvp(&a, &b, &ta, &tb);
        let gp = zipped_grad(&(&a + &(&ta * h)), &(&b + &(&tb * h))).1;
        let gm = zipped_grad(&(&a - &(&ta * h)), &(&b - &(&tb * h))).1;
        assert_hv_array(&ha, &gp.0, &gm.0, h, "H t a");
        assert_hv_array(&hb, &gp.1, &gm.1, h, "H t b");
    }
}
