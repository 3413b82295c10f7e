//! The reverse rules that take a shortcut: a map whose derivative is a function of its value
//! (`mapv(f64::tanh)`, `exp`, `sqrt`, ...) reads the stored result instead of evaluating the
//! closure again (`tensor::mapv_out_d0`), and a tensor `x * x` is one rule, `2 x ȳ`
//! (`tensor::square_d0`), and a product or quotient of two differentiated arrays gives both
//! partials from one rule (`tensor::mul_both`, `div_both`). Each is checked against finite
//! differences, against the same function written so that the general rule runs (equal to
//! rounding) where one can be written, and in second order.

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Array2, Axis};
use common::Rng;
use common::arrays::*;

#[differentiable]
fn by_output(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let h = (a + b).mapv(f64::tanh);
    let e = h.mapv(|v| v.exp());
    let s = e.mapv(f64::sqrt);
    let r = a.row(0).mapv(f64::tanh);
    (&s * &h).sum() + r.sum() + s.mapv(f64::recip).sum()
}

/// The same with closures the shortcut does not take (two operations each).
#[differentiable]
fn by_input(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let h = (a + b).mapv(|v| v.tanh() * 1.0);
    let e = h.mapv(|v| v.exp() * 1.0);
    let s = e.mapv(|v| v.sqrt() * 1.0);
    let r = a.row(0).mapv(|v| v.tanh() * 1.0);
    (&s * &h).sum() + r.sum() + s.mapv(|v| v.recip() * 1.0).sum()
}

#[test]
fn maps_from_their_output() {
    let mut rng = Rng::new(11);
    let a = rand(&mut rng, (3, 4), -1.5, 1.5);
    let b = rand(&mut rng, 4, -0.5, 0.5);
    let (v, (ga, gb)) = by_output_grad(&a, &b);
    let (vi, (gai, gbi)) = by_input_grad(&a, &b);
    assert_eq!(v, by_output(&a, &b));
    assert_eq!(vi, by_input(&a, &b));
    assert!((v - vi).abs() <= 1e-14 * v.abs());
    assert_array_tol(&ga, &gai, 1e-13, "d/da against the general rule");
    assert_array_tol(&gb, &gbi, 1e-13, "d/db against the general rule");
    assert_fd_array(|a| by_output(a, &b), &a, &ga, "d/da");
    assert_fd_array(|b| by_output(&a, b), &b, &gb, "d/db");
    // Second order: H t against differences of the gradient.
    let ta = rand(&mut rng, (3, 4), -1.0, 1.0);
    let tb = rand(&mut rng, 4, -1.0, 1.0);
    let (_, _, (ha, hb)) = by_output_hvp(&a, &b, &ta, &tb);
    let h = 1e-5;
    let (_, (gpa, gpb)) = by_output_grad(&(&a + &(&ta * h)), &(&b + &(&tb * h)));
    let (_, (gma, gmb)) = by_output_grad(&(&a - &(&ta * h)), &(&b - &(&tb * h)));
    assert_hv_array(&ha, &gpa, &gma, h, "H t (a)");
    assert_hv_array(&hb, &gpb, &gmb, h, "H t (b)");
}

/// A map's result overwritten later: its stored value is restored for the reverse.
#[differentiable]
fn overwritten(a: &Array1<f64>) -> f64 {
    let mut h = a.mapv(f64::exp);
    let first = h.sum();
    h = &h * 3.0 + 1.0;
    first * h.mapv(f64::tanh).sum()
}

#[test]
fn map_result_overwritten_later() {
    let a = Array1::from(vec![0.3, -0.7, 1.1]);
    let (v, g) = overwritten_grad(&a);
    assert_eq!(v, overwritten(&a));
    assert_fd_array(overwritten, &a, &g, "d/da");
}

#[differentiable]
fn squares(x: &Array2<f64>, y: &Array2<f64>, w: &Array1<f64>) -> f64 {
    let r = x - y;
    let q = &r * &r;
    let p = w * w;
    q.sum_axis(Axis(1)).sum() / 7.0 + p.sum() * (&q * &q).mean().unwrap()
}

#[differentiable]
fn squares_as_products(x: &Array2<f64>, y: &Array2<f64>, w: &Array1<f64>) -> f64 {
    let r = x - y;
    let r2 = r.clone();
    let q = &r * &r2;
    let w2 = w.clone();
    let p = w * &w2;
    let q2 = q.clone();
    q.sum_axis(Axis(1)).sum() / 7.0 + p.sum() * (&q * &q2).mean().unwrap()
}

#[test]
fn squares_in_one_rule() {
    let mut rng = Rng::new(12);
    let x = rand(&mut rng, (4, 3), -1.0, 1.0);
    let y = rand(&mut rng, (4, 3), -1.0, 1.0);
    let w = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (gx, gy, gw)) = squares_grad(&x, &y, &w);
    let (vp, (gxp, gyp, gwp)) = squares_as_products_grad(&x, &y, &w);
    assert_eq!(v, vp);
    assert_eq!(vp, squares_as_products(&x, &y, &w));
    assert_array_tol(&gx, &gxp, 1e-14, "d/dx against two products");
    assert_array_tol(&gy, &gyp, 1e-14, "d/dy against two products");
    assert_array_tol(&gw, &gwp, 1e-14, "d/dw against two products");
    assert_fd_array(|x| squares(x, &y, &w), &x, &gx, "d/dx");
    assert_fd_array(|w| squares(&x, &y, w), &w, &gw, "d/dw");
    let tx = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (_, _, hx) = squares_hvp(&x, &y, &w, &tx, &(&y * 0.0), &(&w * 0.0));
    let h = 1e-5;
    let (_, (gpx, _, _)) = squares_grad(&(&x + &(&tx * h)), &y, &w);
    let (_, (gmx, _, _)) = squares_grad(&(&x - &(&tx * h)), &y, &w);
    assert_hv_array(&hx.0, &gpx, &gmx, h, "H t (x)");
}

const GELU_A: f64 = 0.044715;

/// GELU (tanh approximation, a named constant), a closure with a branch and a captured
/// constant, and `mapv_into`: their derivatives come from the forward sweep's dual numbers.
#[differentiable(wrt(a, w))]
fn by_dual(a: &Array2<f64>, w: &Array1<f64>, c: f64) -> f64 {
    let z = a.dot(w);
    let g = z.mapv(|v| 0.5 * v * (1.0 + (0.7978845608 * (v + GELU_A * v * v * v)).tanh()));
    let k = z.mapv(|v| if v > 0.2 { v * v * c } else { (v * c).sin() });
    let m = (&g * 2.0).mapv_into(|v| v.exp() / (1.0 + v * v));
    (&g * &k).sum() + m.sum()
}

/// The same maps inside a loop of one iteration: the closure's own reverse per element.
#[differentiable(wrt(a, w))]
fn by_dual_in_loop(a: &Array2<f64>, w: &Array1<f64>, c: f64) -> f64 {
    let z = a.dot(w);
    let mut total = 0.0;
    for _ in 0..1 {
        let g = z.mapv(|v| 0.5 * v * (1.0 + (0.7978845608 * (v + GELU_A * v * v * v)).tanh()));
        let k = z.mapv(|v| if v > 0.2 { v * v * c } else { (v * c).sin() });
        let m = (&g * 2.0).mapv_into(|v| v.exp() / (1.0 + v * v));
        total += (&g * &k).sum() + m.sum();
    }
    total
}

#[test]
fn maps_by_dual_numbers() {
    let mut rng = Rng::new(13);
    let a = rand(&mut rng, (6, 4), -1.0, 1.0);
    let w = rand(&mut rng, 4, -1.0, 1.0);
    let c = 0.8;
    let (v, (ga, gw)) = by_dual_grad(&a, &w, c);
    let (vl, (gal, gwl)) = by_dual_in_loop_grad(&a, &w, c);
    assert_eq!(v, by_dual(&a, &w, c));
    assert_eq!(vl, by_dual_in_loop(&a, &w, c));
    assert!((v - vl).abs() <= 1e-14 * v.abs().max(1.0));
    assert_array_tol(&ga, &gal, 1e-13, "d/da against the closure's reverse");
    assert_array_tol(&gw, &gwl, 1e-13, "d/dw against the closure's reverse");
    assert_fd_array(|a| by_dual(a, &w, c), &a, &ga, "d/da");
    assert_fd_array(|w| by_dual(&a, w, c), &w, &gw, "d/dw");
    let (_, vjp) = by_dual_vjp(&a, &w, c, 2.0);
    assert_array_tol(&vjp.1, &(&gw * 2.0), 1e-14, "vjp");
    let tw = rand(&mut rng, 4, -1.0, 1.0);
    let (_, t) = by_dual_jvp(&a, &w, c, &(&a * 0.0), &tw);
    let want = inner(&gw, &tw);
    assert!(
        (t - want).abs() <= 1e-12 * want.abs().max(1.0),
        "jvp {t} vs {want}"
    );
    let (_, _, (_, hw)) = by_dual_hvp(&a, &w, c, &(&a * 0.0), &tw);
    let h = 1e-5;
    let (_, (_, gp)) = by_dual_grad(&a, &(&w + &(&tw * h)), c);
    let (_, (_, gm)) = by_dual_grad(&a, &(&w - &(&tw * h)), c);
    assert_hv_array(&hw, &gp, &gm, h, "H t (w)");
}

/// Products and quotients of two differentiated arrays, broadcast either way: both partials
/// from one rule (`tensor::mul_both`, `div_both`), one of them in place in the cotangent.
#[differentiable]
fn products(a: &Array2<f64>, r: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let p = a * r;
    let q = r * a;
    let s = c / a;
    let t = a / r;
    let u = a * c;
    let w = c / &a.column(0).insert_axis(Axis(1));
    (&p * &q).sum() + s.sum() + t.mapv(f64::sin).sum() + (&u / c).sum() + w.sum()
}

#[test]
fn products_of_two_differentiated_arrays() {
    let mut rng = Rng::new(14);
    let a = rand(&mut rng, (3, 4), 0.5, 1.5);
    let r = rand(&mut rng, 4, 0.5, 1.5);
    let c = rand(&mut rng, (3, 4), 0.5, 1.5);
    let (v, (ga, gr, gc)) = products_grad(&a, &r, &c);
    assert_eq!(v, products(&a, &r, &c));
    assert_fd_array(|a| products(a, &r, &c), &a, &ga, "d/da");
    assert_fd_array(|r| products(&a, r, &c), &r, &gr, "d/dr");
    assert_fd_array(|c| products(&a, &r, c), &c, &gc, "d/dc");
    let ta = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (_, t) = products_jvp(&a, &r, &c, &ta, &(&r * 0.0), &(&c * 0.0));
    let want = inner(&ga, &ta);
    assert!(
        (t - want).abs() <= 1e-12 * want.abs().max(1.0),
        "jvp {t} vs {want}"
    );
    let (_, _, (ha, _, _)) = products_hvp(&a, &r, &c, &ta, &(&r * 0.0), &(&c * 0.0));
    let h = 1e-5;
    let (_, (gp, _, _)) = products_grad(&(&a + &(&ta * h)), &r, &c);
    let (_, (gm, _, _)) = products_grad(&(&a - &(&ta * h)), &r, &c);
    assert_hv_array(&ha, &gp, &gm, h, "H t (a)");
}

/// Matrix operands of `dot` in a loop: their cotangents are added into the adjoint in place
/// (`tensor::acc_dot_d0`, `acc_dot_d1`: rank-1 updates for matrix·vector and vector·matrix),
/// next to matrix·matrix products and a view.
#[differentiable(wrt(w, v, m))]
fn recurrent(w: &Array2<f64>, v: &Array2<f64>, m: &Array2<f64>, x: &Array2<f64>) -> f64 {
    let mut h = x.row(0).to_owned();
    for t in 0..x.nrows() {
        let a = w.dot(&h) + h.dot(v);
        h = (a + x.row(t)).mapv(f64::tanh);
    }
    let q = m.dot(w) + w.row(1).dot(&h);
    q.sum() + h.dot(&h)
}

#[test]
fn dot_cotangents_accumulated_in_place() {
    let mut rng = Rng::new(15);
    let w = rand(&mut rng, (3, 3), -0.6, 0.6);
    let v = rand(&mut rng, (3, 3), -0.6, 0.6);
    let m = rand(&mut rng, (2, 3), -1.0, 1.0);
    let x = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (val, (gw, gv, gm)) = recurrent_grad(&w, &v, &m, &x);
    assert_eq!(val, recurrent(&w, &v, &m, &x));
    assert_fd_array(|w| recurrent(w, &v, &m, &x), &w, &gw, "d/dw");
    assert_fd_array(|v| recurrent(&w, v, &m, &x), &v, &gv, "d/dv");
    assert_fd_array(|m| recurrent(&w, &v, m, &x), &m, &gm, "d/dm");
    let tw = rand(&mut rng, (3, 3), -1.0, 1.0);
    let z = &v * 0.0;
    let (vj, t) = recurrent_jvp(&w, &v, &m, &x, &tw, &z, &(&m * 0.0));
    assert_eq!(vj, val);
    let want = inner(&gw, &tw);
    assert!(
        (t - want).abs() <= 1e-12 * want.abs().max(1.0),
        "jvp {t} vs {want}"
    );
    let (_, _, (hw, _, _)) = recurrent_hvp(&w, &v, &m, &x, &tw, &z, &(&m * 0.0));
    let h = 1e-5;
    let (_, (gp, _, _)) = recurrent_grad(&(&w + &(&tw * h)), &v, &m, &x);
    let (_, (gn, _, _)) = recurrent_grad(&(&w - &(&tw * h)), &v, &m, &x);
    assert_hv_array(&hw, &gp, &gn, h, "H t (w)");
}

/// Broadcasting operands of `+`, `-` and `*` in a loop, where the reverse sweep needs some
/// values and, for others, only the shapes a cotangent is reduced to (recorded by
/// `tensor::shape_of_value` instead of stored or recomputed, as `w.dot(&h)` and `h.dot(v)` in
/// `recurrent` above).
#[differentiable(wrt(w, m, r))]
fn shapes_in_a_loop(w: &Array2<f64>, m: &Array2<f64>, r: &Array1<f64>, steps: usize) -> f64 {
    let mut acc = 0.0;
    let mut q = m.clone();
    for _ in 0..steps {
        let big = w.dot(&q);
        let small = r.dot(&q).insert_axis(Axis(0));
        let s = &big + &small;
        let e = small.mapv(f64::exp);
        let d = &s - &e;
        acc += s.sum() * 0.3 + (&d * 0.5).sum();
        q = s.mapv(f64::tanh);
    }
    acc
}

#[test]
fn shapes_recorded_for_broadcasting_operands() {
    let mut rng = Rng::new(16);
    let w = rand(&mut rng, (3, 3), -0.5, 0.5);
    let m = rand(&mut rng, (3, 2), -1.0, 1.0);
    let r = rand(&mut rng, 3, -1.0, 1.0);
    for steps in [1usize, 4] {
        let (v, (gw, gm, gr)) = shapes_in_a_loop_grad(&w, &m, &r, steps);
        assert_eq!(v, shapes_in_a_loop(&w, &m, &r, steps));
        assert_fd_array(|w| shapes_in_a_loop(w, &m, &r, steps), &w, &gw, "d/dw");
        assert_fd_array(|m| shapes_in_a_loop(&w, m, &r, steps), &m, &gm, "d/dm");
        assert_fd_array(|r| shapes_in_a_loop(&w, &m, r, steps), &r, &gr, "d/dr");
    }
}

/// Axis reductions of a value with other uses: their cotangents are added into the adjoint
/// in place (`tensor::acc_sum_axis_d0`, `acc_mean_axis_d0`), first or after other terms.
#[differentiable]
fn axis_reductions(z: &Array2<f64>, w: &Array1<f64>) -> f64 {
    let h = z.mapv(f64::tanh);
    let m = h.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1));
    let c = &h - &m;
    let s = h.sum_axis(Axis(0));
    let v = c.var_axis(Axis(1), 0.0);
    (&s * w).sum() + v.sum() + (&c * &c).sum() * 0.5 + h.sum_axis(Axis(1)).mapv(f64::sin).sum()
}

#[test]
fn axis_reductions_accumulate_in_place() {
    let mut rng = Rng::new(17);
    let z = rand(&mut rng, (4, 3), -1.0, 1.0);
    let w = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (gz, gw)) = axis_reductions_grad(&z, &w);
    assert_eq!(v, axis_reductions(&z, &w));
    assert_fd_array(|z| axis_reductions(z, &w), &z, &gz, "d/dz");
    assert_fd_array(|w| axis_reductions(&z, w), &w, &gw, "d/dw");
    let tz = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (_, t) = axis_reductions_jvp(&z, &w, &tz, &(&w * 0.0));
    let want = inner(&gz, &tz);
    assert!(
        (t - want).abs() <= 1e-12 * want.abs().max(1.0),
        "jvp {t} vs {want}"
    );
    let (_, _, (hz, _)) = axis_reductions_hvp(&z, &w, &tz, &(&w * 0.0));
    let h = 1e-5;
    let (_, (gp, _)) = axis_reductions_grad(&(&z + &(&tz * h)), &w);
    let (_, (gm, _)) = axis_reductions_grad(&(&z - &(&tz * h)), &w);
    assert_hv_array(&hz, &gp, &gm, h, "H t (z)");
}
