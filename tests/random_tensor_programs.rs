//! Random array programs from `tests/gen/gen_random_tensor_programs.py --seed 2 --count 40`.
//! Generated once and committed as a regression suite (regenerate with the command above).

#![allow(unused_variables, unused_mut, dead_code, unused_parens, clippy::all)]

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array, Array1, Array2, ArrayView1, ArrayView2, Axis, Order, s};
use ad_runtime::nn;
use common::Rng;
use common::arrays::*;

// Constructs (functions using each):
//   array * array                        22
//   array * scalar                       8
//   array + array                        23
//   array + scalar                       6
//   array - array                        24
//   array - scalar                       8
//   array / array                        19
//   array / scalar                       8
//   array accumulator                    24
//   broadcast 1∘2                        7
//   broadcast 2∘1                        7
//   broadcast 2∘unit                     8
//   broadcast unit∘2                     3
//   broadcast unit∘unit                  12
//   call helper                          4
//   closure branch                       7
//   closure captures scalar              12
//   concatenate                          9
//   constant                             25
//   dot 1x1                              2
//   dot 1x2                              12
//   dot 2x1                              9
//   dot 2x2                              17
//   element read                         31
//   fold_axis max closure f64::max(m, e) 3
//   fold_axis max closure |&m, &v| e.max(m) 1
//   fold_axis max closure |&m, &v| m.max(e) 1
//   fold_axis max closure |&m: &f64, ..| m.max(e) 1
//   fold_axis max closure |m, v| m.max(*v) 2
//   fold_axis min closure f64::min(m, e) 3
//   fold_axis min closure |&m, &v| e.min(m) 3
//   fold_axis min closure |&m, &v| m.min(e) 2
//   fold_axis min closure |&m: &f64, ..| e.min(m) 2
//   fold_axis min closure |&m: &f64, ..| m.min(e) 2
//   fold_axis min closure |m, v| m.min(*v) 2
//   fold_axis of a function of the element 5
//   if on scalar                         21
//   if statement                         11
//   if value                             12
//   insert_axis                          19
//   integer parameter choosing the order 5
//   into_shape_with_order                1
//   logsumexp                            8
//   loop index as f64                    8
//   loop over rows                       24
//   made positive                        39
//   map(|&v| ..)                         9
//   mapv closure                         28
//   mapv path                            14
//   mapv_into closure                    3
//   max                                  8
//   mean                                 27
//   mean_axis                            9
//   method abs                           5
//   method cos                           5
//   method exp                           6
//   method ln                            9
//   method mapv_into                     7
//   method powf                          5
//   method powi                          5
//   method sin                           6
//   method sqrt                          8
//   method tanh                          7
//   min                                  10
//   neighbour reads of an array local    3
//   neighbour reads of an array parameter 9
//   nn::cross_entropy                    8
//   nn::cross_entropy_one_hot            8
//   nn::log_softmax                      7
//   nn::mse                              5
//   nn::relu                             5
//   nn::sigmoid                          2
//   nn::softmax                          4
//   nn::softplus                         3
//   owned lhs                            23
//   owned rhs                            20
//   reshape Order::C                     3
//   reshape Order::ColumnMajor           1
//   reshape Order::F                     7
//   reshape Order::RowMajor              5
//   reshape order in a variable          5
//   row/column/index_axis                26
//   scalar * array                       5
//   scalar + array                       9
//   scalar - array                       5
//   scalar / array                       10
//   scalar abs                           9
//   scalar accumulator                   24
//   scalar cos                           10
//   scalar exp                           11
//   scalar ln                            9
//   scalar powi                          6
//   scalar sin                           6
//   scalar sqrt                          9
//   scalar tanh                          7
//   slice                                27
//   squash                               26
//   stack                                4
//   std                                  4
//   std_axis                             4
//   sum                                  20
//   sum_axis                             3
//   sumsq                                7
//   t()                                  21
//   to_owned/clone                       19
//   to_shape                             7
//   to_shape 2d                          5
//   to_shape(n, order) then into_shape_with_order 5
//   unary -                              17
//   var                                  9
//   var_axis                             13
//   view()                               19

// dims (5, 2, 4)
#[differentiable]
fn f0(a: Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = (&a * &a).to_owned();
    if 1.32_f64 > 0.11 {
        let t2 = 1.29_f64;
        t1 = &t1 * 0.316
            + &Array::from_elem((2, 5), 0.25_f64)
                .to_shape((10, Order::F))
                .unwrap();
    }
    let t3 = a[3];
    let t4: Array1<f64> = (((-1.05_f64) * t3) + (&t1 + t3))
        + Array1::<f64>::linspace(-0.5, 0.5, 4).dot(&(&Array::from_elem((4, 10), 1.5_f64) + a[7]));
    let t5: Array2<f64> = t3 + (Array::from_elem((2, 4), 0.25_f64) - t3);
    let t6: Array1<f64> = (&t1 + &t1).mapv(f64::exp).mapv(f64::tanh);
    let mut t7: Array1<f64> = t5
        .index_axis(Axis(0), 1)
        .mapv(|v| (v * v + 0.5).sqrt())
        .to_owned();
    let mut t8: f64 = 0.0;
    for i in 0..t5.nrows() {
        let r = t5.row(i);
        let t9 = t3 * t5[[1, 3]];
        let t10: Array1<f64> = &r + &r;
        t7 = &t7 * 0.7 + &(&(&r + &(nn::sigmoid(&t10) + 0.25).ln()) * 0.55);
        t8 += ((a.std(1.0) - t10.sum().tanh()) + t9).tanh();
    }
    t8 + (&t4 * &t4).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
        + (&t7 * &t7).mean().unwrap()
        + 0.597 * t8
}

#[test]
fn test_f0() {
    let mut rng = Rng::new(200002);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let (v, d_a) = f0_grad(a.clone());
    common::assert_near(v, f0(a.clone()), "value");
    assert_fd_array(|xx| f0(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 10, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f0_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f0_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f0_grad(pp_a.clone());
    let (_, gm_a) = f0_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 2, 5)
#[differentiable]
fn f1(a: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            Array::from_elem((3, 5), 0.25_f64).dot(a).tanh().view(),
            (nn::sigmoid(&a.dot(&Array::from_elem((5, 2), 1.5_f64))) + 0.25)
                .ln()
                .view(),
        ],
    )
    .unwrap();
    let t2 = (0.722_f64 / a) * t1.mapv(|v| v);
    let mut t3: f64 = a.mean().unwrap();
    if nn::mse(&(&t1 - a), &a.mapv(f64::cos)) > -1.13 {
        t3 = t3 * 0.546 + t3.exp().tanh();
    } else {
        t3 = nn::mse(a, a).tanh() - t3;
    }
    (t3 + &(-a)) * ((&t2 * &t2).mean().unwrap())
}

#[test]
fn test_f1() {
    let mut rng = Rng::new(200014);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, d_a) = f1_vjp(&a, seed.clone());
    assert_array(&y, &f1(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f1(xx)), &a, &d_a, "da");
}

// dims (2, 5, 3)
#[differentiable(wrt(s))]
fn f2(a: &Array1<f64>, b: &Array1<f64>, s: f64) -> f64 {
    let t1: Array2<f64> = Array2::<f64>::eye(2).dot(&Array::from_elem((2, 5), 0.25_f64))
        * Array::from_elem((2, 5), 0.5_f64).sin();
    let t2: ArrayView1<f64> = t1.column(3);
    let t3 = (&t2 * a).powi(2);
    let t4: Array1<f64> = t1.to_shape(10).unwrap().to_owned().cos();
    nn::cross_entropy_one_hot(
        &(&t1 / s),
        &nn::softmax(
            &t1.mapv(|v| {
                if v > -0.547 {
                    ((v * s) * (v * s) + 0.5).sqrt()
                } else {
                    v * 1.49
                }
            }),
            Axis(1),
        ),
    ) + 0.213 * s
        + (&t3 * &t3).mean().unwrap()
        + 0.5 * t4.sum()
}

#[test]
fn test_f2() {
    let mut rng = Rng::new(200026);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let b = rand(&mut rng, 10, -1.0, 1.0);
    let s = 0.8110;
    let (v, d_s) = f2_grad(&a, &b, s);
    common::assert_near(v, f2(&a, &b, s), "value");
    let fd_s = fd(
        |xx: &Array<f64, _>| f2(&a, &b, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_s = 0.3;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f2_jvp(&a, &b, s, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = d_s * t_s;
    let scale: f64 = (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_s, hh_s) = f2_hvp(&a, &b, s, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_s) = f2_grad(&a, &b, pp_s);
    let (_, gm_s) = f2_grad(&a, &b, pm_s);
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (4, 2, 5)
#[differentiable]
fn f3(a: ArrayView2<f64>, b: &Array1<f64>, s: f64, c: &Array2<f64>, d: Array1<f64>) -> f64 {
    let t1 = b.view();
    let mut t2: Array1<f64> = c.row(0).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t4: Array1<f64> = &r * &t2;
        let t5: f64 = t2[4] * t2[4];
        t2 = (&t2
            + &(&((&r
                + (nn::sigmoid(
                    &c.fold_axis(Axis(0), f64::INFINITY, |&m, &v| ((v - t5).powi(2)).min(m)),
                ) - r))
                - &t4)
                * 0.32))
            .mapv(f64::tanh);
        t3 = (t3 + ((s + b.sum()) + 0.226).abs().tanh()).tanh();
    }
    let t6: Array2<f64> = (&c.row(1) * &a) * c[[1, 2]].sin();
    (b.sum() * b.sum() + 1.0).sqrt() + 0.544 * d.sum() + 0.873 * t3 + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f3() {
    let mut rng = Rng::new(200038);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let s = 0.4235;
    let c = rand(&mut rng, (2, 5), 0.5, 1.5);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c, d_d)) = f3_grad(a.view(), &b, s, &c, d.clone());
    common::assert_near(v, f3(a.view(), &b, s, &c, d.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f3(xx.view(), &b, s, &c, d.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f3(a.view(), xx, s, &c, d.clone()), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f3(a.view(), &b, xx[()], &c, d.clone()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f3(a.view(), &b, s, xx, d.clone()), &c, &d_c, "dc");
    assert_fd_array(|xx| f3(a.view(), &b, s, &c, xx.clone()), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 4, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f3_jvp(
        a.view(),
        &b,
        s,
        &c,
        d.clone(),
        t_a.view(),
        &t_b,
        t_s,
        &t_c,
        t_d.clone(),
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum()
        + (&d_b * &t_b).sum()
        + d_s * t_s
        + (&d_c * &t_c).sum()
        + (&d_d * &t_d).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s, hg_c, hg_d), (hh_a, hh_b, hh_s, hh_c, hh_d)) = f3_hvp(
        a.view(),
        &b,
        s,
        &c,
        d.clone(),
        t_a.view(),
        &t_b,
        t_s,
        &t_c,
        t_d.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_c, gp_d)) =
        f3_grad(pp_a.view(), &pp_b, pp_s, &pp_c, pp_d.clone());
    let (_, (gm_a, gm_b, gm_s, gm_c, gm_d)) =
        f3_grad(pm_a.view(), &pm_b, pm_s, &pm_c, pm_d.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (3, 4, 3)
#[differentiable]
fn h4(a: &Array1<f64>) -> f64 {
    let t1 = a.view();
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t3 = a[i + 1] - a[i] * a[i];
        let t4 = 1.0 - a[i];
        t2 += 2.85 * t3 * t3 + t4 * t4;
    }
    let t5: f64 = t2.tanh();
    let t6: ArrayView1<f64> = t1.view();
    t5 + 0.284 * t5 + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_h4() {
    let mut rng = Rng::new(200050);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let (v, d_a) = h4_grad(&a);
    common::assert_near(v, h4(&a), "value");
    assert_fd_array(|xx| h4(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h4_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h4_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h4_grad(&pp_a);
    let (_, gm_a) = h4_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 4, 3)
#[differentiable]
fn f4(a: &Array2<f64>) -> Array2<f64> {
    let mut t1: Array2<f64> = a
        .t()
        .to_shape((12, Order::C))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((3, 4), Order::F))
        .unwrap();
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = &t1 * 0.7 + &a.dot(&Array::from_elem((4, 4), 1.5_f64)).tanh();
        t2 += (i as f64 * 0.3).exp().sqrt();
    }
    let t3: ArrayView2<f64> = a.view();
    let t4 = ((&a.column(1) - t2).insert_axis(Axis(1))
        + &(t2 * &t3.mean_axis(Axis(0)).unwrap()).insert_axis(Axis(0)))
        .mapv(f64::tanh);
    let t5: f64 = t2;
    let t6 = a.t();
    let t7: Array2<f64> = (&t6.index_axis(Axis(0), 2)
        * &t3.fold_axis(Axis(1), f64::NEG_INFINITY, |m, x| m.max(*x)))
        .powi(2)
        .insert_axis(Axis(0))
        * &nn::relu(&(&(nn::logsumexp(&t3, Axis(0)) * t2) * 0.105)).insert_axis(Axis(1));
    (t5 + &t7).mapv(|v| v.powi(2) - 0.5).tanh() * (t1.sum() + t4.sum() + t5 + t7.sum())
}

#[test]
fn test_f4() {
    let mut rng = Rng::new(200052);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (y, d_a) = f4_vjp(&a, seed.clone());
    assert_array(&y, &f4(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f4(xx)), &a, &d_a, "da");
}

// dims (3, 2, 4)
#[differentiable]
fn h5(a: Array2<f64>) -> Array2<f64> {
    let t1 = a.column(0);
    let mut t2: Array2<f64> = (&a * t1.sum()).to_owned();
    if (0.373_f64.sin() + 1.2_f64.ln()) > 0.11 {
        t2 = &t2 * 0.58 + &a.slice(s![.., 1..3]).dot(&a).mapv(f64::tanh);
    } else {
        t2 = &(&t1.insert_axis(Axis(1)) / &a.row(0).insert_axis(Axis(0))) - &t2;
    }
    ad_runtime::ndarray::concatenate(
        Axis(1),
        &[
            (&t1.insert_axis(Axis(1))
                / (nn::softplus(&a.var_axis(Axis(1), 0.0).insert_axis(Axis(0))) + 0.5))
                .view(),
            a.index_axis(Axis(0), 1)
                .to_owned()
                .into_shape_with_order((2, 2))
                .unwrap()
                .view(),
        ],
    )
    .unwrap()
        + (t2.sum())
}

#[test]
fn test_h5() {
    let mut rng = Rng::new(200064);
    let a = rand(&mut rng, (2, 4), 0.5, 1.5);
    let seed = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (y, d_a) = h5_vjp(a.clone(), seed.clone());
    assert_array(&y, &h5(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h5(xx.clone())), &a, &d_a, "da");
}

// dims (3, 2, 4)
#[differentiable]
fn f5(a: &Array1<f64>, s: f64, b: &Array1<f64>, c: &Array1<f64>, p: f64) -> f64 {
    let t1: Array1<f64> = -(a.abs() / (a[0].exp().powi(2) + 0.5));
    let t2 = c.exp().mapv_into(f64::sin);
    let t3 = b.mean().unwrap()
        - nn::cross_entropy(&(t1 * Array::from_elem((3, 2), 1.5_f64)), &vec![1usize; 3]);
    Array::from_elem((2, 3), 0.25_f64)
        .var_axis(Axis(1), 1.0)
        .sum()
        + 0.562 * s
        + 0.855 * p
        + (&t2 * &t2).mean().unwrap()
        + 0.67 * t3
}

#[test]
fn test_f5() {
    let mut rng = Rng::new(200066);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let s = 1.3200;
    let b = rand(&mut rng, 6, -1.0, 1.0);
    let c = rand(&mut rng, 6, -1.0, 1.0);
    let p = -0.3229;
    let (v, (d_a, d_s, d_b, d_c, d_p)) = f5_grad(&a, s, &b, &c, p);
    common::assert_near(v, f5(&a, s, &b, &c, p), "value");
    assert_fd_array(|xx| f5(xx, s, &b, &c, p), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f5(&a, xx[()], &b, &c, p),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f5(&a, s, xx, &c, p), &b, &d_b, "db");
    assert_fd_array(|xx| f5(&a, s, &b, xx, p), &c, &d_c, "dc");
    let fd_p = fd(
        |xx: &Array<f64, _>| f5(&a, s, &b, &c, xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, 6, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 6, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_p = 1.1;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let (vj, tj) = f5_jvp(&a, s, &b, &c, p, &t_a, t_s, &t_b, &t_c, t_p);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 =
        (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum() + (&d_c * &t_c).sum() + d_p * t_p;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (d_p * t_p).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b, hg_c, hg_p), (hh_a, hh_s, hh_b, hh_c, hh_p)) =
        f5_hvp(&a, s, &b, &c, p, &t_a, t_s, &t_b, &t_c, t_p);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_c, gp_p)) = f5_grad(&pp_a, pp_s, &pp_b, &pp_c, pp_p);
    let (_, (gm_a, gm_s, gm_b, gm_c, gm_p)) = f5_grad(&pm_a, pm_s, &pm_b, &pm_c, pm_p);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(
        &Array::from_elem((), hh_p),
        &Array::from_elem((), gp_p),
        &Array::from_elem((), gm_p),
        hstep,
        "H t p",
    );
}

// dims (5, 4, 2)
#[differentiable]
fn f6(a: &Array2<f64>, b: ArrayView2<f64>, c: &Array2<f64>, s: f64) -> f64 {
    let t1 = (a
        .fold_axis(Axis(0), f64::INFINITY, |&m, &x| f64::min(m, x))
        .insert_axis(Axis(1))
        - &b.t())
        .to_shape(((5, 2), Order::RowMajor))
        .unwrap()
        .to_owned();
    let t2 = 0.41_f64 + s;
    let t3 = (&((-&a.std_axis(Axis(0), 0.0)).insert_axis(Axis(0))
        - Array::from_elem((5, 4), 1.5_f64)
            .dot(&a.column(1))
            .insert_axis(Axis(1)))
        * &((-&a.std_axis(Axis(0), 0.0)).insert_axis(Axis(0))
            - Array::from_elem((5, 4), 1.5_f64)
                .dot(&a.column(1))
                .insert_axis(Axis(1))))
        .sum();
    (t2.exp() / (a.mean().unwrap().powi(2) + 0.5)).tanh()
        + 0.974 * c.sum()
        + (&t1 * &t1).mean().unwrap()
        + 0.28 * t2
        + 0.469 * t3
}

#[test]
fn test_f6() {
    let mut rng = Rng::new(200078);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let s = 0.5764;
    let (v, (d_a, d_b, d_c, d_s)) = f6_grad(&a, b.view(), &c, s);
    common::assert_near(v, f6(&a, b.view(), &c, s), "value");
    assert_fd_array(|xx| f6(xx, b.view(), &c, s), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f6(&a, xx.view(), &c, s), &b, &d_b, "db");
    assert_fd_array(|xx| f6(&a, b.view(), xx, s), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| f6(&a, b.view(), &c, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_s = 0.9;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f6_jvp(&a, b.view(), &c, s, &t_a, t_b.view(), &t_c, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c, hg_s), (hh_a, hh_b, hh_c, hh_s)) =
        f6_hvp(&a, b.view(), &c, s, &t_a, t_b.view(), &t_c, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_s)) = f6_grad(&pp_a, pp_b.view(), &pp_c, pp_s);
    let (_, (gm_a, gm_b, gm_c, gm_s)) = f6_grad(&pm_a, pm_b.view(), &pm_c, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (3, 4, 5)
#[differentiable]
fn f7(a: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = Array::from_elem((3, 4), 0.25_f64)
        .to_shape((12, Order::RowMajor))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((4, 3), Order::C))
        .unwrap()
        .var_axis(Axis(1), 1.0);
    let t2: f64 = a[2];
    let t3: Array1<f64> = a.var(0.0) + a;
    let t4 = &(&(&t3 + &t3) - &nn::logsumexp(&Array2::<f64>::eye(4), Axis(0))) * 0.133;
    t2 + 0.545 * t2 + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f7() {
    let mut rng = Rng::new(200090);
    let a = rand(&mut rng, 4, 0.5, 1.5);
    let (v, d_a) = f7_grad(&a);
    common::assert_near(v, f7(&a), "value");
    assert_fd_array(|xx| f7(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f7_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f7_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f7_grad(&pp_a);
    let (_, gm_a) = f7_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 5, 4)
#[differentiable]
fn f8(a: Array1<f64>, b: Array1<f64>, s: f64, c: &Array1<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t1 += b[i] * b[i + 1];
    }
    let t2 = c.slice(s![1..]);
    let t3 = c.mapv(f64::exp);
    let t4 = (t3.std(1.0) - a.var(0.0)).tanh();
    let t5 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (Array::from_elem(2, 1.5_f64) + Array::from_elem(2, 0.5_f64)).view(),
            (Array::from_elem(2, 0.5_f64) / &Array1::<f64>::ones(2)).view(),
        ],
    )
    .unwrap();
    t5.mean().unwrap()
        + 0.787 * s
        + 0.929 * t1
        + (&t2 * &t2).mean().unwrap()
        + 0.694 * t4
        + 0.634 * t5.sum()
}

#[test]
fn test_f8() {
    let mut rng = Rng::new(200102);
    let a = rand(&mut rng, 10, 0.5, 1.5);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let s = 0.8679;
    let c = rand(&mut rng, 4, 0.5, 1.5);
    let (v, (d_a, d_b, d_s, d_c)) = f8_grad(a.clone(), b.clone(), s, &c);
    common::assert_near(v, f8(a.clone(), b.clone(), s, &c), "value");
    assert_fd_array(|xx| f8(xx.clone(), b.clone(), s, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f8(a.clone(), xx.clone(), s, &c), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f8(a.clone(), b.clone(), xx[()], &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f8(a.clone(), b.clone(), s, xx), &c, &d_c, "dc");
}

// dims (3, 2, 5)
#[differentiable]
fn f9(a: &Array2<f64>, b: Array1<f64>, s: f64) -> Array2<f64> {
    let mut t1: Array2<f64> = a.dot(&a.slice(s![1.., ..])).to_owned();
    let mut t2: f64 = b.mean().unwrap() / (b.mean().unwrap() * b.mean().unwrap() + 1.0);
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = &(&(&t1 - &r) * 0.333) * t2 + t1;
        t2 += (i as f64 * 0.3).cos().exp();
    }
    let t3 = &t1 * 0.148;
    let mut t4: f64 = 0.0;
    for i in 0..2 {
        t4 = t4 * 0.8 + b[i].sin() * b[i + 1];
    }
    let t5: f64 = (t3.mapv(|v| v * ((v * v + 1.0).ln())).var(1.0)
        / ((a.mean().unwrap().cos()
            / ((t1[[1, 1]] + 0.597).abs().tanh() * (t1[[1, 1]] + 0.597).abs().tanh() + 1.0))
            .powi(2)
            + 0.5))
        .tanh();
    let mut t6: Array2<f64> = nn::sigmoid(&t1)
        .mapv(|v| (((v * s) * (v * s) + 0.5).sqrt()) * ((v * v + 1.0).ln()))
        .to_owned();
    let mut t7: f64 = (&t6 * &t6).sum();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t6 = (&t6 + &t3).mapv(f64::tanh);
        t7 = (t7 + s).tanh();
    }
    (nn::softmax(&t3, Axis(0))
        - &t3
            .view()
            .reversed_axes()
            .to_shape((6, Order::C))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((3, 2), Order::RowMajor))
            .unwrap())
        * (t4 + t5 + t7)
}

#[test]
fn test_f9() {
    let mut rng = Rng::new(200114);
    let a = rand(&mut rng, (3, 2), 0.5, 1.5);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let s = 1.1258;
    let seed = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = f9_vjp(&a, b.clone(), s, seed.clone());
    assert_array(&y, &f9(&a, b.clone(), s), "value");
    assert_fd_array(|xx| inner(&seed, &f9(xx, b.clone(), s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f9(&a, xx.clone(), s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f9(&a, b.clone(), xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 2, 4)
#[differentiable]
fn f10(a: &Array1<f64>, b: Array2<f64>) -> Array1<f64> {
    let t1 = ((-0.7_f64) + a).dot(&(&b.slice(s![..2, ..]) / &a.view().insert_axis(Axis(0))));
    let mut t2: Array2<f64> = b.mapv(|v| ((v.sin()) * (v.sin()) + 1.0).ln()).to_owned();
    if (-1.12_f64) < 0.184 {
        let t3: f64 = t2.std(1.0);
        t2 = &t2 * 0.789 + &b;
    } else {
        t2 = &b - &t2;
    }
    let t4 = if (&b * &b).sum() > -0.175 {
        nn::log_softmax(
            &ad_runtime::ndarray::stack(Axis(1), &[b.column(0), b.index_axis(Axis(1), 0)]).unwrap(),
            Axis(1),
        )
    } else {
        (&t2 - &t1.view().insert_axis(Axis(0))).powi(2).tanh()
    };
    let mut t5: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t6: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t5 = &(t4[[0, 1]] * &t1).tanh() * a.sum().tanh() + t5;
        t6 += ((&t2 * &t2).sum() + t1.sum()).tanh();
    }
    let t7: Array1<f64> = nn::relu(&a.mapv(|v| v)) - ((t6 - t1.sum()).tanh().powi(2) + 0.5).ln();
    nn::sigmoid(&nn::logsumexp(&t4, Axis(1)).dot(&t4)) + ((&t5 * &t5).mean().unwrap() + t7.sum())
}

#[test]
fn test_f10() {
    let mut rng = Rng::new(200126);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b)) = f10_vjp(&a, b.clone(), seed.clone());
    assert_array(&y, &f10(&a, b.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f10(xx, b.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f10(&a, xx.clone())), &b, &d_b, "db");
}

// dims (5, 4, 2)
#[differentiable]
fn f11(a: Array2<f64>, k: usize) -> f64 {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1: Array2<f64> = (a[[3, 3]] - &a).to_shape(((5, 4), ord)).unwrap().to_owned();
    let t2 = (t1.sum() - (-1.49_f64)).tanh().powi(2)
        - nn::cross_entropy(
            &(&t1.row(4).insert_axis(Axis(0)) * &a.index_axis(Axis(1), 1).insert_axis(Axis(1))),
            &vec![1usize; 5],
        );
    let t3 = ad_runtime::ndarray::concatenate(
        Axis(1),
        &[
            ad_runtime::ndarray::stack(
                Axis(1),
                &[
                    a.fold_axis(Axis(1), f64::INFINITY, |&m, &v| m.min(v))
                        .view(),
                    a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &v: &f64| m.max(v))
                        .view(),
                ],
            )
            .unwrap()
            .to_shape(((5, 2), ord))
            .unwrap()
            .view(),
            t1.tanh().dot(&a.slice(s![1.., ..2]).abs()).view(),
        ],
    )
    .unwrap();
    let mut t4: Array1<f64> = (&t3.row(3) / (nn::softplus(&t3.row(1)) + 0.5)).to_owned();
    let mut t5: f64 = Array1::<f64>::ones(2).dot(&Array1::<f64>::ones(2));
    for i in 0..t3.nrows() {
        let r = t3.row(i);
        let t6: f64 = (t2 + t4[1]).tanh();
        let t7 = t3.t().mean_axis(Axis(1)).unwrap();
        t4 = t4
            + &nn::sigmoid(
                &((&r
                    + &a.slice(s![1..3, 1..3])
                        .to_shape((4, Order::ColumnMajor))
                        .unwrap()
                        .to_owned())
                    - &t7),
            );
        t5 = (t5 + (t5 + t6)).tanh();
    }
    let t8: Array1<f64> = nn::sigmoid(&t4);
    let mut t9: f64 = 0.0;
    for i in 0..3 {
        let t10 = t8[i + 1] - t8[i] * t8[i];
        let t11 = 1.0 - t8[i];
        t9 += 1.77 * t10 * t10 + t11 * t11;
    }
    let t12: f64 = t9.tanh();
    let t13 = -&t3.sin().dot(
        &ad_runtime::ndarray::concatenate(Axis(0), &[a.slice(s![1..3, ..]), a.slice(s![2..4, ..])])
            .unwrap(),
    );
    let t14 = (a[[0, 3]] - t13[[1, 2]].tanh().exp()).cos();
    ad_runtime::ndarray::concatenate(Axis(1), &[t1.slice(s![.., 2..]), t1.slice(s![.., 2..])])
        .unwrap()
        .sum()
        + 0.946 * t12
        + 0.866 * t14
}

#[test]
fn test_f11() {
    let mut rng = Rng::new(200138);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f11_grad(a.clone(), k);
        common::assert_near(v, f11(a.clone(), k), "value");
        assert_fd_array(|xx| f11(xx.clone(), k), &a, &d_a, "da");
    }
}

// dims (3, 5, 2)
#[differentiable]
fn f12(a: &Array1<f64>, b: Array1<f64>, c: &Array1<f64>, d: &Array1<f64>) -> Array1<f64> {
    let t1 = b.view();
    let t2 = a.slice(s![1..]);
    let t3: f64 = (-0.733_f64).tanh();
    t2.mapv(|v| if v > 0.378 { v } else { (v * t3) * t3 + t3 })
        .mapv(|v| v)
        + (c.sum() + d.sum() + (&t1 * &t1).mean().unwrap() + (&t2 * &t2).mean().unwrap() + t3)
}

#[test]
fn test_f12() {
    let mut rng = Rng::new(200150);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let d = rand(&mut rng, 15, 0.5, 1.5);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d)) = f12_vjp(&a, b.clone(), &c, &d, seed.clone());
    assert_array(&y, &f12(&a, b.clone(), &c, &d), "value");
    assert_fd_array(
        |xx| inner(&seed, &f12(xx, b.clone(), &c, &d)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f12(&a, xx.clone(), &c, &d)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f12(&a, b.clone(), xx, &d)),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f12(&a, b.clone(), &c, xx)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (3, 4, 3)
#[differentiable]
fn f13(a: Array2<f64>) -> f64 {
    let mut t1: f64 = a.var(0.0);
    if ((t1 - a.sum()).tanh() * ((-0.805_f64) - a.sum()).tanh()) > 0.114 {
        let t2 = t1 / a[[2, 0]];
        t1 = t1 * 0.573 + a[[1, 1]].cos();
    }
    let t3 = -a.sqrt();
    let t4: Array2<f64> = nn::sigmoid(
        &((&t3.index_axis(Axis(1), 3) * &t3.column(3))
            .dot(&nn::sigmoid(&(&t3 - a.sum())))
            .insert_axis(Axis(0))
            / (nn::sigmoid(
                &(&(&t3.column(1) / &a.index_axis(Axis(1), 0))
                    / (t3[[0, 3]].powi(2) + 0.5).ln().exp())
                .insert_axis(Axis(1)),
            ) + 0.25)),
    );
    let t5: Array2<f64> = (-t4.slice(s![.., ..3]).dot(&t3)).mapv(f64::sin);
    let t6: Array2<f64> =
        -&(&(&t5.var_axis(Axis(0), 0.0) - &t5.index_axis(Axis(0), 0)) - t4.mapv(|v| v));
    let mut t7: Array2<f64> = t3.dot(&Array::from_elem((4, 4), 0.5_f64)).to_owned();
    let mut t8: f64 = t1.cos();
    for i in 0..t5.nrows() {
        let r = t5.row(i);
        let t9: f64 = nn::cross_entropy(&a, &vec![0usize; 3]);
        t7 = (&t7 + &(&a.slice(s![.., ..3]).dot(&t5) * 0.444)).mapv(f64::tanh);
        t8 = (t8 + (t7[[2, 0]] + t9).tanh()).tanh();
    }
    let t10: Array2<f64> = a
        .powi(2)
        .map(|&v| if v > -0.474 { v * 1.44 } else { v * 0.913 });
    t8.exp() + 0.86 * t6.sum() + 0.822 * t8 + (&t10 * &t10).mean().unwrap()
}

#[test]
fn test_f13() {
    let mut rng = Rng::new(200162);
    let a = rand(&mut rng, (3, 4), 0.5, 1.5);
    let (v, d_a) = f13_grad(a.clone());
    common::assert_near(v, f13(a.clone()), "value");
    assert_fd_array(|xx| f13(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f13_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f13_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f13_grad(pp_a.clone());
    let (_, gm_a) = f13_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 3, 5)
#[differentiable(wrt(c))]
fn f14(a: Array1<f64>, b: ArrayView2<f64>, c: &Array2<f64>, d: &Array2<f64>) -> f64 {
    let t1 = d.t();
    let t2: Array2<f64> = -&(&d.column(0) + &t1).cos();
    let t3: ArrayView2<f64> = t1.t();
    let t4: f64 = ((-0.53_f64) + 0.44).abs();
    let t5 = (-&t3.var_axis(Axis(1), 0.0)).dot(d).insert_axis(Axis(1))
        - t1.map(|&v| (((v * v + 0.5).sqrt()) * ((v * v + 0.5).sqrt()) + 0.5).sqrt())
            .mapv(f64::cos);
    let mut t6: Array1<f64> = b.mean_axis(Axis(0)).unwrap();
    let mut t7: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t6 = (&t6 + &(&r - (t4 * &b.index_axis(Axis(0), 0)))).mapv(f64::tanh);
        t7 = t7 * 0.8 - (i as f64 * 0.3).powi(2);
    }
    let t8 = if d.exp().mean().unwrap() > -0.383 {
        d.t().var(0.0)
    } else {
        a.var(1.0) + nn::cross_entropy_one_hot(&b, &nn::softmax(&b, Axis(1)))
    };
    (&t5.index_axis(Axis(1), 1).insert_axis(Axis(0))
        / t3.index_axis(Axis(1), 4)
            .insert_axis(Axis(1))
            .mapv(|v| v * v + 1.0))
    .var(1.0)
        + (c * c).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + 0.873 * t5.sum()
        + 0.485 * t6.sum()
        + 0.508 * t7
        + 0.943 * t8
}

#[test]
fn test_f14() {
    let mut rng = Rng::new(200174);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, d_c) = f14_grad(a.clone(), b.view(), &c, &d);
    common::assert_near(v, f14(a.clone(), b.view(), &c, &d), "value");
    assert_fd_array(|xx| f14(a.clone(), b.view(), xx, &d), &c, &d_c, "dc");
}

// dims (2, 4, 3)
#[differentiable]
fn f15(a: &Array1<f64>, b: &Array2<f64>, s: f64, c: ArrayView2<f64>, d: &Array1<f64>) -> f64 {
    let t1: ArrayView2<f64> = b.view();
    let mut t2: Array2<f64> = (a * &c).to_owned();
    let mut t3: f64 = d.sum();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4: f64 = t3;
        let t5: f64 = (t3 + c.sum()).tanh();
        t2 = &t1.mapv(|v| v * 1.41) * (t5 - b.mean().unwrap()).tanh() + t2;
        t3 = t3 * 0.8 - ((t4 + c[[3, 2]]) + 0.424).abs().tanh();
    }
    let t6 = c.view();
    (a + a).dot(&(-a)) + 0.916 * s + (&t2 * &t2).mean().unwrap() + 0.764 * t6.sum()
}

#[test]
fn test_f15() {
    let mut rng = Rng::new(200186);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = 1.0323;
    let c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let d = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c, d_d)) = f15_grad(&a, &b, s, c.view(), &d);
    common::assert_near(v, f15(&a, &b, s, c.view(), &d), "value");
    assert_fd_array(|xx| f15(xx, &b, s, c.view(), &d), &a, &d_a, "da");
    assert_fd_array(|xx| f15(&a, xx, s, c.view(), &d), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f15(&a, &b, xx[()], c.view(), &d),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f15(&a, &b, s, xx.view(), &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f15(&a, &b, s, c.view(), xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 2, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f15_jvp(&a, &b, s, c.view(), &d, &t_a, &t_b, t_s, t_c.view(), &t_d);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum()
        + (&d_b * &t_b).sum()
        + d_s * t_s
        + (&d_c * &t_c).sum()
        + (&d_d * &t_d).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s, hg_c, hg_d), (hh_a, hh_b, hh_s, hh_c, hh_d)) =
        f15_hvp(&a, &b, s, c.view(), &d, &t_a, &t_b, t_s, t_c.view(), &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_c, gp_d)) = f15_grad(&pp_a, &pp_b, pp_s, pp_c.view(), &pp_d);
    let (_, (gm_a, gm_b, gm_s, gm_c, gm_d)) = f15_grad(&pm_a, &pm_b, pm_s, pm_c.view(), &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (5, 4, 2)
#[differentiable(wrt(b, c))]
fn f16(a: &Array2<f64>, b: &Array1<f64>, c: &Array1<f64>, d: Array2<f64>, w: &Array1<f64>) -> f64 {
    let mut t1: Array2<f64> = a.dot(&a.slice(s![..2, ..]));
    if b.mean().unwrap() > 0.408 {
        let t2: f64 = t1[[3, 0]].cos();
        t1 = &t1 * 0.696 + &ad_runtime::ndarray::stack(Axis(1), &[b.view(), w.view()]).unwrap();
    } else {
        t1 = &a.mapv(|v| (v.powi(2) - 0.5).exp()).mapv(f64::tanh) - &t1;
    }
    let mut t3: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t4: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t5 = w.mapv(|v| {
            ((((v * 0.519) * (v * 0.519) + 1.0).ln()) * (((v * 0.519) * (v * 0.519) + 1.0).ln())
                + 1.0)
                .ln()
        });
        let t6: Array1<f64> = r.mapv(f64::exp);
        t3 = (&t3
            + &(&((&(&r
                * &ad_runtime::ndarray::concatenate(
                    Axis(0),
                    &[
                        nn::logsumexp(a, Axis(0)).view(),
                        t1.fold_axis(Axis(0), f64::INFINITY, |&m, &x| ((x - t4).powi(2)).min(m))
                            .mapv(f64::tanh)
                            .view(),
                    ],
                )
                .unwrap())
                + &t5)
                - t6)
                * 0.206))
            .mapv(f64::tanh);
        t4 += nn::cross_entropy_one_hot(
            &d,
            &nn::softmax(&((i as f64 * 0.3) / (nn::softplus(&d) + 0.5)), Axis(1)),
        )
        .tanh();
    }
    let t7 = a.view().reversed_axes();
    let t8 = if t4 > -1.39 {
        nn::relu(&d.slice(s![..4, 2..]))
            .mapv(|v| v * v + 1.0)
            .powf(2.5)
    } else {
        nn::softplus(&(-&t1))
    };
    a.fold_axis(Axis(0), f64::NEG_INFINITY, |&acc, &x| acc.max(x))
        .dot(&d.slice(s![3.., ..]))
        .var(1.0)
        + (c * c).mean().unwrap()
        + 0.337 * t3.sum()
        + 0.63 * t7.sum()
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f16() {
    let mut rng = Rng::new(200198);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let c = rand(&mut rng, 5, 0.5, 1.5);
    let d = rand(&mut rng, (5, 4), -1.0, 1.0);
    let w = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_b, d_c)) = f16_grad(&a, &b, &c, d.clone(), &w);
    common::assert_near(v, f16(&a, &b, &c, d.clone(), &w), "value");
    assert_fd_array(|xx| f16(&a, xx, &c, d.clone(), &w), &b, &d_b, "db");
    assert_fd_array(|xx| f16(&a, &b, xx, d.clone(), &w), &c, &d_c, "dc");
}

// dims (2, 4, 5)
#[differentiable]
fn f17(a: &Array1<f64>, s: f64, p: f64, q: f64) -> f64 {
    let t1: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (&Array2::<f64>::eye(4).var_axis(Axis(0), 1.0)
                * &Array2::<f64>::eye(4).var_axis(Axis(0), 1.0)
                + 0.5)
                .sqrt()
                .view(),
            Array::from_elem((4, 4), 1.5_f64)
                .var_axis(Axis(1), 1.0)
                .tanh()
                .view(),
        ],
    )
    .unwrap();
    let mut t2: Array1<f64> = &t1 + &t1;
    if (nn::cross_entropy(&Array::from_elem((2, 4), 0.25_f64), &vec![0usize; 2]) + 0.231).abs()
        < -0.189
    {
        let t3: f64 = (-0.715_f64) + p;
        t2 = &t2 * 0.764 + &a.exp();
    }
    let mut t4: Array1<f64> = ((-0.311_f64) / (nn::sigmoid(&t1) + 0.25)).to_owned();
    if (0.698_f64.powi(2) * nn::cross_entropy(&Array::from_elem((2, 4), 1.5_f64), &vec![0usize; 2]))
        < 0.858
    {
        let t5 = nn::mse(a, &t1);
        t4 = &t4 * 0.412 + &nn::sigmoid(&(&t2 - a));
    } else {
        t4 = &Array::from_elem((8, 5), 0.5_f64)
            .mean_axis(Axis(1))
            .unwrap()
            - &t4;
    }
    let t6 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            Array1::<f64>::linspace(-0.5, 0.5, 4)
                .mapv(|v| (if v > 0.526 { v * 0.337 } else { v * s }).powi(2) - 0.5)
                .view(),
            Array2::<f64>::eye(2).to_shape(4).unwrap().view(),
        ],
    )
    .unwrap();
    (t1.sum() - t1.mean().unwrap().powi(2)).tanh()
        + 0.645 * q
        + 0.312 * t4.sum()
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f17() {
    let mut rng = Rng::new(200210);
    let a = rand(&mut rng, 8, -1.0, 1.0);
    let s = 1.1811;
    let p = 1.3352;
    let q = 0.8642;
    let (v, (d_a, d_s, d_p, d_q)) = f17_grad(&a, s, p, q);
    common::assert_near(v, f17(&a, s, p, q), "value");
    assert_fd_array(|xx| f17(xx, s, p, q), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f17(&a, xx[()], p, q),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f17(&a, s, xx[()], q),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let fd_q = fd(
        |xx: &Array<f64, _>| f17(&a, s, p, xx[()]),
        &Array::from_elem((), q),
    );
    common::assert_close_tol(&[d_q], &[fd_q[()]], 1e-5, "dq");
}

// dims (2, 3, 5)
#[differentiable]
fn h18(a: Array1<f64>, b: &Array2<f64>, c: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t2: f64 = c[0] * a[1];
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3 = &t1 / (t2 * t2 + 1.0);
        t1 = (&t1 + &(&(&r * &nn::logsumexp(b, Axis(0))) + &t3).tanh()).mapv(f64::tanh);
        t2 = (t2 + c.mean().unwrap().cos()).tanh();
    }
    t1.sum()
}

#[test]
fn test_h18() {
    let mut rng = Rng::new(200222);
    let a = rand(&mut rng, 6, -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h18_grad(a.clone(), &b, &c);
    common::assert_near(v, h18(a.clone(), &b, &c), "value");
    assert_fd_array(|xx| h18(xx.clone(), &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| h18(a.clone(), xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| h18(a.clone(), &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 6, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 3, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h18_jvp(a.clone(), &b, &c, t_a.clone(), &t_b, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c), (hh_a, hh_b, hh_c)) =
        h18_hvp(a.clone(), &b, &c, t_a.clone(), &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h18_grad(pp_a.clone(), &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = h18_grad(pm_a.clone(), &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (2, 3, 5)
#[differentiable]
fn f18(a: &Array1<f64>, b: Array2<f64>, c: &Array2<f64>, d: &Array2<f64>) -> f64 {
    let t1: ArrayView1<f64> = a.slice(s![1..]);
    let t2: f64 = h18(
        Array::from_elem((6, 2), 1.5_f64)
            .dot(&c.column(3))
            .to_owned(),
        &d.mapv(f64::cos),
        a,
    );
    let t3 = t2.tanh();
    let t4 =
        (-&d.slice(s![1.., 1..4]).dot(d)) * (t3 / &(&b * &b + 0.5).powf(1.5).mapv(|v| v * v + 1.0));
    let mut t5: f64 = 0.0;
    for i in 0..t1.len() - 1 {
        t5 += (t1[i + 1] * t3 - t1[i]).tanh();
    }
    (t2 * t2 + 1.0).sqrt().tanh() + 0.281 * t2 + (&t4 * &t4).mean().unwrap() + 0.813 * t5
}

#[test]
fn test_f18() {
    let mut rng = Rng::new(200224);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f18_grad(&a, b.clone(), &c, &d);
    common::assert_near(v, f18(&a, b.clone(), &c, &d), "value");
    assert_fd_array(|xx| f18(xx, b.clone(), &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f18(&a, xx.clone(), &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f18(&a, b.clone(), xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f18(&a, b.clone(), &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f18_jvp(&a, b.clone(), &c, &d, &t_a, t_b.clone(), &t_c, &t_d);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 =
        (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum() + (&d_d * &t_d).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) =
        f18_hvp(&a, b.clone(), &c, &d, &t_a, t_b.clone(), &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f18_grad(&pp_a, pp_b.clone(), &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f18_grad(&pm_a, pm_b.clone(), &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (2, 4, 2)
#[differentiable]
fn h19(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    let t1: ArrayView1<f64> = b.slice(s![1..]);
    let t2: Array1<f64> = (-a).mapv(|v| v.powi(2) - 0.5);
    let t3 = nn::cross_entropy_one_hot(
        &Array::from_elem((2, 4), 0.25_f64).map(|&v| v),
        &nn::softmax(
            &(&Array::from_elem((2, 4), 1.5_f64) + &Array1::<f64>::linspace(-0.5, 0.5, 4)),
            Axis(1),
        ),
    );
    t3 + (&t1 * &t1).mean().unwrap() + (&t2 * &t2).mean().unwrap() + 0.239 * t3
}

#[test]
fn test_h19() {
    let mut rng = Rng::new(200236);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 8, -1.0, 1.0);
    let (v, (d_a, d_b)) = h19_grad(&a, &b);
    common::assert_near(v, h19(&a, &b), "value");
    assert_fd_array(|xx| h19(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| h19(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 8, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h19_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h19_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h19_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = h19_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (2, 4, 2)
#[differentiable]
fn f19(
    a: Array1<f64>,
    b: &Array2<f64>,
    c: Array1<f64>,
    d: &Array2<f64>,
    w: &Array1<f64>,
) -> Array1<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..1 {
        t1 += c[i] * c[i + 1];
    }
    let mut t2: Array2<f64> = b.t().to_owned();
    if (1.42_f64 + c.mean().unwrap()).sin() < 0.19 {
        let t3: f64 = w[0].exp();
        t2 = &t2 * 0.362 + &nn::softmax(d, Axis(0));
    }
    let t4 = d.view().reversed_axes();
    let t5 = w.view();
    (&(&b.index_axis(Axis(1), 0).insert_axis(Axis(0)) / &c.view().insert_axis(Axis(1)))
        .dot(&(&t4.index_axis(Axis(1), 1) - &b.column(1)))
        * 0.125)
        + (a.sum() + t1 + t2.sum() + t4.sum() + (&t5 * &t5).mean().unwrap())
}

#[test]
fn test_f19() {
    let mut rng = Rng::new(200238);
    let a = rand(&mut rng, 8, -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let d = rand(&mut rng, (2, 4), -1.0, 1.0);
    let w = rand(&mut rng, 2, 0.5, 1.5);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d, d_w)) = f19_vjp(a.clone(), &b, c.clone(), &d, &w, seed.clone());
    assert_array(&y, &f19(a.clone(), &b, c.clone(), &d, &w), "value");
    assert_fd_array(
        |xx| inner(&seed, &f19(xx.clone(), &b, c.clone(), &d, &w)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f19(a.clone(), xx, c.clone(), &d, &w)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f19(a.clone(), &b, xx.clone(), &d, &w)),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f19(a.clone(), &b, c.clone(), xx, &w)),
        &d,
        &d_d,
        "dd",
    );
    assert_fd_array(
        |xx| inner(&seed, &f19(a.clone(), &b, c.clone(), &d, xx)),
        &w,
        &d_w,
        "dw",
    );
}

// dims (3, 5, 2)
#[differentiable]
fn f20(a: &Array2<f64>, b: Array1<f64>, c: &Array2<f64>, d: &Array1<f64>) -> f64 {
    let t1 = b.view();
    let t2 = ((-0.552_f64) / t1[0].exp()).exp().ln();
    let mut t3: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t3 += (b[i + 1] * t2 - b[i]).tanh();
    }
    let mut t4: Array1<f64> = &c.var_axis(Axis(0), 1.0) + t2;
    let mut t5: f64 = d[1] - d[0];
    for i in 0..c.nrows() {
        let r = c.row(i);
        t4 = t4 + &(-&r);
        t5 = (t5 + r.mean().unwrap()).tanh();
    }
    let t6 = b.view();
    let mut t7: Array1<f64> = c.row(1).to_owned();
    let mut t8: f64 = (t3.powi(2) + 0.5).ln();
    for i in 0..c.nrows() {
        let r = c.row(i);
        t7 = (&t7 + &r).mapv(f64::tanh);
        t8 += t6.mean().unwrap();
    }
    ((-1.32_f64) * (-1.32_f64) + 1.0).sqrt().sin() + 0.221 * t5 + 0.947 * t7.sum() + 0.404 * t8
}

#[test]
fn test_f20() {
    let mut rng = Rng::new(200250);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let d = rand(&mut rng, 15, 0.5, 1.5);
    let (v, (d_a, d_b, d_c, d_d)) = f20_grad(&a, b.clone(), &c, &d);
    common::assert_near(v, f20(&a, b.clone(), &c, &d), "value");
    assert_fd_array(|xx| f20(xx, b.clone(), &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f20(&a, xx.clone(), &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f20(&a, b.clone(), xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f20(&a, b.clone(), &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 15, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f20_jvp(&a, b.clone(), &c, &d, &t_a, t_b.clone(), &t_c, &t_d);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 =
        (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum() + (&d_d * &t_d).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) =
        f20_hvp(&a, b.clone(), &c, &d, &t_a, t_b.clone(), &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f20_grad(&pp_a, pp_b.clone(), &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f20_grad(&pm_a, pm_b.clone(), &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (4, 5, 3)
#[differentiable]
fn h21(a: &Array2<f64>, b: ArrayView2<f64>) -> Array2<f64> {
    let t1 = a.column(0);
    a.mapv(f64::tanh) * (b.sum() + t1.sum())
}

#[test]
fn test_h21() {
    let mut rng = Rng::new(200262);
    let a = rand(&mut rng, (4, 5), 0.5, 1.5);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (y, (d_a, d_b)) = h21_vjp(&a, b.view(), seed.clone());
    assert_array(&y, &h21(&a, b.view()), "value");
    assert_fd_array(|xx| inner(&seed, &h21(xx, b.view())), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| inner(&seed, &h21(&a, xx.view())), &b, &d_b, "db");
}

// dims (4, 5, 3)
#[differentiable]
fn f21(a: &Array1<f64>) -> f64 {
    let t1 = (&Array2::<f64>::eye(3) / (nn::softplus(a) + 0.5)).fold_axis(
        Axis(0),
        f64::NEG_INFINITY,
        |m, v| m.max(*v),
    );
    let t2 = &(t1[1] * t1.powi(3)) * 0.125;
    let t3 = h21(
        &Array::from_elem((4, 5), 0.5_f64).sqrt(),
        (t2[1] / &Array::from_elem((4, 5), 0.5_f64)).view(),
    );
    let t4 = t3.mapv(f64::tanh);
    let t5: ArrayView2<f64> = t3.t();
    let t6: Array2<f64> = h21(
        &(nn::softplus(
            &(&t4
                / nn::sigmoid(&t3.mean_axis(Axis(1)).unwrap())
                    .insert_axis(Axis(1))
                    .mapv(|v| v * v + 1.0)),
        ) + 0.5),
        t4.dot(&Array2::<f64>::eye(5)).view(),
    );
    let t7 = t6.mapv(f64::tanh);
    let mut t8: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t9 = a[i + 1] - a[i] * a[i];
        let t10 = 1.0 - a[i];
        t8 += 2.52 * t9 * t9 + t10 * t10;
    }
    let t11 = t8.tanh();
    let mut t12: Array2<f64> = nn::sigmoid(&t5).dot(&(&t5.slice(s![1.., ..3]) * 0.01));
    let mut t13: f64 = 0.0;
    for i in 0..t7.nrows() {
        let r = t7.row(i);
        t12 = (&t12
            + &t12
                .mapv(|v| {
                    ((if v > 0.305 { v * t11 } else { v }) * (if v > 0.305 { v * t11 } else { v })
                        + 0.5)
                        .sqrt()
                })
                .mapv(f64::tanh))
            .mapv(f64::tanh);
        t13 += (&nn::sigmoid(&t5)
            .to_shape((20, Order::RowMajor))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((4, 5), Order::F))
            .unwrap()
            * &nn::sigmoid(&t5)
                .to_shape((20, Order::RowMajor))
                .unwrap()
                .into_owned()
                .into_shape_with_order(((4, 5), Order::F))
                .unwrap())
            .sum()
            .tanh();
    }
    t4.sin().sum() + (&t6 * &t6).mean().unwrap() + 0.339 * t13
}

#[test]
fn test_f21() {
    let mut rng = Rng::new(200264);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let (v, d_a) = f21_grad(&a);
    common::assert_near(v, f21(&a), "value");
    assert_fd_array(|xx| f21(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f21_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f21_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f21_grad(&pp_a);
    let (_, gm_a) = f21_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 3, 4)
#[differentiable]
fn f22(a: &Array2<f64>, b: &Array1<f64>, s: f64, c: &Array2<f64>, d: &Array2<f64>) -> Array2<f64> {
    let t1 = d.mean().unwrap();
    let t2: ArrayView1<f64> = d.index_axis(Axis(1), 1);
    let t3: Array2<f64> = if b.mapv(|v| (v.powi(2) - 0.5).sin()).sum() < -0.939 {
        nn::relu(d).abs()
    } else {
        c.t()
            .map(|&v| (if v > -0.191 { v } else { v * 1.32 }).exp())
    };
    let mut t4: Array1<f64> = (b * &a.mean_axis(Axis(1)).unwrap()).to_owned();
    let mut t5: f64 = s + t2[0];
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t6 = r;
        t4 = &t4.tanh() * t5.tanh() + t4;
        t5 = t5 * 0.8
            - (nn::mse(&(&a.slice(s![..4, ..]) * b[3]), &(c * c + 0.5).sqrt())
                + t6.mean().unwrap())
            .tanh();
    }
    (&b.view().insert_axis(Axis(0)) * &t2.insert_axis(Axis(1)))
        .to_shape(((5, 3), Order::RowMajor))
        .unwrap()
        .into_owned()
        + (t1 + t3.sum())
}

#[test]
fn test_f22() {
    let mut rng = Rng::new(200276);
    let a = rand(&mut rng, (5, 3), 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let s = -0.7978;
    let c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let d = rand(&mut rng, (3, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_c, d_d)) = f22_vjp(&a, &b, s, &c, &d, seed.clone());
    assert_array(&y, &f22(&a, &b, s, &c, &d), "value");
    assert_fd_array(|xx| inner(&seed, &f22(xx, &b, s, &c, &d)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f22(&a, xx, s, &c, &d)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f22(&a, &b, xx[()], &c, &d)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f22(&a, &b, s, xx, &d)), &c, &d_c, "dc");
    assert_fd_array(|xx| inner(&seed, &f22(&a, &b, s, &c, xx)), &d, &d_d, "dd");
}

// dims (4, 2, 3)
#[differentiable]
fn f23(k: usize, a: &Array2<f64>, b: &Array2<f64>) -> f64 {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1: Array2<f64> = (&a.slice(s![.., ..2])
        / (nn::softplus(
            &b.fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &x: &f64| x.min(m))
                .insert_axis(Axis(0)),
        ) + 0.5))
        .to_shape(((4, 2), ord))
        .unwrap()
        .to_owned();
    let t2: f64 = b[[2, 1]];
    let t3: Array1<f64> = b
        .fold_axis(Axis(1), f64::INFINITY, |&acc, &x| x.min(acc))
        .mapv(|v| v)
        .dot(
            &(b.dot(&t1.t())
                / &(nn::sigmoid(
                    &(t1[[2, 1]]
                        / &a.fold_axis(Axis(1), f64::INFINITY, |&acc: &f64, &x: &f64| {
                            ((x - t2).powi(2)).min(acc)
                        })
                        .mapv(|v| v * v + 1.0))
                        .insert_axis(Axis(0)),
                ) + 0.25))
                .tanh(),
        );
    let t4 = b[[1, 0]];
    let t5: ArrayView1<f64> = t3.slice(s![1..]);
    let mut t6: f64 = 0.0;
    for i in 0..3 {
        t6 += (t3[i + 1] * t2 - t3[i]).tanh();
    }
    nn::cross_entropy_one_hot(&t1, &nn::softmax(&(&t1 - b.sum()), Axis(1)))
        + 0.482 * t4
        + (&t5 * &t5).mean().unwrap()
        + 0.756 * t6
}

#[test]
fn test_f23() {
    let mut rng = Rng::new(200288);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b)) = f23_grad(k, &a, &b);
        common::assert_near(v, f23(k, &a, &b), "value");
        assert_fd_array(|xx| f23(k, xx, &b), &a, &d_a, "da");
        assert_fd_array(|xx| f23(k, &a, xx), &b, &d_b, "db");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (3, 2), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let (vj, tj) = f23_jvp(k, &a, &b, &t_a, &t_b);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f23_hvp(k, &a, &b, &t_a, &t_b);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b)) = f23_grad(k, &pp_a, &pp_b);
        let (_, (gm_a, gm_b)) = f23_grad(k, &pm_a, &pm_b);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    }
}

// dims (2, 3, 4)
#[differentiable]
fn h24(a: Array1<f64>) -> f64 {
    let t1 = &(&a * a[1]) + (1.1_f64 + 0.234).abs();
    let t2: Array1<f64> = &t1.map(|&v| v) * 1.22_f64;
    ((-0.975_f64) - t2[2]).tanh() + (&t2 * &t2).mean().unwrap()
}

#[test]
fn test_h24() {
    let mut rng = Rng::new(200300);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let (v, d_a) = h24_grad(a.clone());
    common::assert_near(v, h24(a.clone()), "value");
    assert_fd_array(|xx| h24(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h24_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h24_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h24_grad(pp_a.clone());
    let (_, gm_a) = h24_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 3, 4)
#[differentiable]
fn f24(a: &Array2<f64>, b: &Array1<f64>, s: f64) -> Array1<f64> {
    let t1 = Array1::<f64>::ones(3)
        .mapv_into(|v| if v > -0.335 { v } else { v })
        .mapv_into(f64::tanh);
    let mut t2: Array1<f64> = nn::log_softmax(&a.row(1), Axis(0));
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = s.tanh();
        let t5: Array1<f64> = t2.map(|&v| (((v * t3) * (v * t3) + 0.5).sqrt()).exp());
        t2 = &t2 + &nn::sigmoid(&((&r + (&r * &t2)) + &t5));
        t3 += s + t4;
    }
    let t6 = (b[1] / (nn::softplus(&t2) + 0.5)).exp();
    let t7 = t6.slice(s![1..]);
    let t8 =
        &a.mapv(|v| (((v * s) * (v * s) + 1.0).ln()).exp()).tanh() - (a[[1, 2]] + (-0.735_f64));
    let t9 = a.fold_axis(Axis(0), f64::INFINITY, |m, x| m.min(*x));
    let t10 = (&t9.view().insert_axis(Axis(1)) / t8.t().exp())
        .mapv(f64::tanh)
        .mean_axis(Axis(1))
        .unwrap();
    (&(t7.mapv(|v| v * v + 1.0).sqrt() - &(-&t7)) * 0.135)
        + ((&t1 * &t1).mean().unwrap()
            + (&t7 * &t7).mean().unwrap()
            + (&t10 * &t10).mean().unwrap())
}

#[test]
fn test_f24() {
    let mut rng = Rng::new(200302);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let s = 1.2125;
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = f24_vjp(&a, &b, s, seed.clone());
    assert_array(&y, &f24(&a, &b, s), "value");
    assert_fd_array(|xx| inner(&seed, &f24(xx, &b, s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f24(&a, xx, s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f24(&a, &b, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (5, 2, 3)
#[differentiable]
fn h25(a: &Array1<f64>, b: &Array2<f64>, c: ArrayView2<f64>) -> f64 {
    let mut t1: Array1<f64> = (&c.row(1) / b.row(0).mapv(|v| v * v + 1.0)).to_owned();
    let mut t2: f64 = a[1] + b.sum();
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t3 = a.mean().unwrap();
        t1 = t1 + &(&r - (a[1] - &r)).tanh();
        t2 = (t2 + ((&b.mapv(f64::sin) * &b.mapv(f64::sin)).sum() + t3).tanh()).tanh();
    }
    let t4 = (&c / (t1[1].powi(2) + 0.5)).mapv(|v| v * v + 1.0).powf(1.5);
    t2.exp() + 0.636 * t2 + 0.979 * t4.sum()
}

#[test]
fn test_h25() {
    let mut rng = Rng::new(200314);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h25_grad(&a, &b, c.view());
    common::assert_near(v, h25(&a, &b, c.view()), "value");
    assert_fd_array(|xx| h25(xx, &b, c.view()), &a, &d_a, "da");
    assert_fd_array(|xx| h25(&a, xx, c.view()), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| h25(&a, &b, xx.view()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h25_jvp(&a, &b, c.view(), &t_a, &t_b, t_c.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c), (hh_a, hh_b, hh_c)) =
        h25_hvp(&a, &b, c.view(), &t_a, &t_b, t_c.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h25_grad(&pp_a, &pp_b, pp_c.view());
    let (_, (gm_a, gm_b, gm_c)) = h25_grad(&pm_a, &pm_b, pm_c.view());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (5, 2, 3)
#[differentiable]
fn f25(a: &Array2<f64>, s: f64, b: ArrayView2<f64>, c: Array2<f64>, d: &Array1<f64>) -> f64 {
    let t1: Array2<f64> = s.powi(2)
        * ad_runtime::ndarray::stack(
            Axis(0),
            &[
                nn::logsumexp(&c, Axis(1)).view(),
                b.fold_axis(Axis(1), f64::INFINITY, |&acc: &f64, &x: &f64| {
                    acc.min(x * -1.72)
                })
                .view(),
            ],
        )
        .unwrap();
    let t2 = h25(
        &(b.fold_axis(Axis(0), f64::INFINITY, |acc, x| acc.min((*x - s).powi(2)))
            * a.index_axis(Axis(0), 3))
        .mapv(|v| v * v + 1.0),
        &t1.to_shape(((2, 3), Order::F)).unwrap().to_owned(),
        t1.mapv(|v| ((v * 0.646).exp()) * s + s)
            .mapv(f64::tanh)
            .view(),
    );
    let t3: f64 = t2.tanh();
    let t4 = s;
    let t5: Array1<f64> = Array::from_elem((5, 3), 0.5_f64)
        .dot(&c.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| acc.min((x - s).powi(2))))
        .mapv_into(f64::tanh);
    let t6: Array2<f64> = t1
        .fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &x: &f64| x.min(m))
        .mapv(f64::sin)
        .mapv_into(|v| (v.powi(2) - 0.5).tanh())
        .insert_axis(Axis(0))
        / &Array::from_elem((3, 5), 0.5_f64)
            .dot(&d.mapv(f64::exp))
            .insert_axis(Axis(1))
            .mapv(|v| v * v + 1.0);
    let t7 = a.slice(s![..3, ..]).mapv(f64::exp);
    let t8 = (t7[[1, 0]] * t7[[1, 0]] + 1.0).sqrt() * t6.mean().unwrap();
    t3 + 0.823 * t2 + 0.738 * t3 + 0.386 * t4 + 0.342 * t5.sum() + 0.904 * t8
}

#[test]
fn test_f25() {
    let mut rng = Rng::new(200316);
    let a = rand(&mut rng, (5, 2), 0.5, 1.5);
    let s = -0.8762;
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_c, d_d)) = f25_grad(&a, s, b.view(), c.clone(), &d);
    common::assert_near(v, f25(&a, s, b.view(), c.clone(), &d), "value");
    assert_fd_array(|xx| f25(xx, s, b.view(), c.clone(), &d), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f25(&a, xx[()], b.view(), c.clone(), &d),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f25(&a, s, xx.view(), c.clone(), &d), &b, &d_b, "db");
    assert_fd_array(|xx| f25(&a, s, b.view(), xx.clone(), &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f25(&a, s, b.view(), c.clone(), xx), &d, &d_d, "dd");
}

// dims (4, 3, 5)
#[differentiable]
fn h26(a: &Array2<f64>, b: &Array1<f64>) -> Array2<f64> {
    let mut t1: Array1<f64> =
        ((-0.596_f64) / &(nn::softplus(&a.index_axis(Axis(0), 0)) + 0.5)).to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3: Array1<f64> = b.cos();
        t1 = &t1 * 0.7 + &(&a.var_axis(Axis(0), 0.0) * &r);
        t2 = (t2 + (a[[1, 0]].exp().sqrt() + t3.mean().unwrap())).tanh();
    }
    let t4: f64 = if t2.exp().ln() > 0.239 {
        t2.cos()
            + nn::cross_entropy_one_hot(
                &Array::from_elem((4, 3), 1.5_f64),
                &nn::softmax(&Array::from_elem((4, 3), 0.5_f64), Axis(1)),
            )
    } else {
        t2 + (1.06_f64 - t2)
    };
    let t5: f64 = (a.mean().unwrap() + 0.23).abs();
    (nn::softplus(&(a + b[2])) + 0.5).sqrt() + (t1.sum() + t4 + t5)
}

#[test]
fn test_h26() {
    let mut rng = Rng::new(200328);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (y, (d_a, d_b)) = h26_vjp(&a, &b, seed.clone());
    assert_array(&y, &h26(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &h26(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h26(&a, xx)), &b, &d_b, "db");
}

// dims (4, 3, 5)
#[differentiable]
fn f26(a: &Array2<f64>, s: f64, b: Array1<f64>, c: &Array1<f64>, d: Array1<f64>) -> f64 {
    let t1: Array2<f64> = a.tanh().mapv_into(|v| v * s)
        - &(&a.column(0) * nn::cross_entropy(&a.slice(s![1.., ..]), &vec![2usize; 4]))
            .insert_axis(Axis(1));
    let t2: f64 = s;
    let t3: f64 = 0.724_f64.ln();
    let mut t4: Array1<f64> = (d * t3).to_owned();
    let mut t5: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t4 = (&t4 + &a.sum_axis(Axis(1)).exp().ln().tanh()).mapv(f64::tanh);
        t5 = t5 * 0.8
            - t1.mapv(|v| (((v * t5) * (v * t5) + 0.5).sqrt()) * (v * t3))
                .std(1.0)
                .tanh();
    }
    let mut t6: Array1<f64> = a.sum_axis(Axis(0)).to_owned();
    let mut t7: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t6 = &t6 * 0.7 + &nn::sigmoid(&r);
        t7 = (t7 + t5.tanh()).tanh();
    }
    let t8: Array1<f64> =
        nn::sigmoid(&(t2 - &t6).dot(&nn::sigmoid(&(&t1.t() / (nn::sigmoid(&t4) + 0.25)))));
    let mut t9: Array1<f64> = (&b / (nn::softplus(&b) + 0.5)).to_owned();
    let mut t10: f64 = t9.sum();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t11: Array1<f64> = (nn::softplus(&t6) + 0.5).sqrt();
        t9 = &t9 * 0.7 + &nn::sigmoid(&Array::from_elem((12, 3), 0.5_f64).dot(&t6));
        t10 = (t10
            + ((a.mean().unwrap() - nn::cross_entropy(&t1.slice(s![1.., ..]), &vec![0usize; 4]))
                .tanh()
                + t11.mean().unwrap())
            .tanh())
        .tanh();
    }
    t6.sum() + 0.517 * c.sum() + 0.511 * t7 + 0.466 * t8.sum() + 0.391 * t10
}

#[test]
fn test_f26() {
    let mut rng = Rng::new(200330);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let s = 0.6093;
    let b = rand(&mut rng, 12, -1.0, 1.0);
    let c = rand(&mut rng, 12, -1.0, 1.0);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_c, d_d)) = f26_grad(&a, s, b.clone(), &c, d.clone());
    common::assert_near(v, f26(&a, s, b.clone(), &c, d.clone()), "value");
    assert_fd_array(|xx| f26(xx, s, b.clone(), &c, d.clone()), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f26(&a, xx[()], b.clone(), &c, d.clone()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f26(&a, s, xx.clone(), &c, d.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f26(&a, s, b.clone(), xx, d.clone()), &c, &d_c, "dc");
    assert_fd_array(|xx| f26(&a, s, b.clone(), &c, xx.clone()), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, 12, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 12, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 5, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f26_jvp(
        &a,
        s,
        b.clone(),
        &c,
        d.clone(),
        &t_a,
        t_s,
        t_b.clone(),
        &t_c,
        t_d.clone(),
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum()
        + d_s * t_s
        + (&d_b * &t_b).sum()
        + (&d_c * &t_c).sum()
        + (&d_d * &t_d).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b, hg_c, hg_d), (hh_a, hh_s, hh_b, hh_c, hh_d)) = f26_hvp(
        &a,
        s,
        b.clone(),
        &c,
        d.clone(),
        &t_a,
        t_s,
        t_b.clone(),
        &t_c,
        t_d.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_c, gp_d)) =
        f26_grad(&pp_a, pp_s, pp_b.clone(), &pp_c, pp_d.clone());
    let (_, (gm_a, gm_s, gm_b, gm_c, gm_d)) =
        f26_grad(&pm_a, pm_s, pm_b.clone(), &pm_c, pm_d.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (5, 3, 2)
#[differentiable]
fn f27(a: &Array1<f64>, s: f64, b: ArrayView2<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t1 += a[i] * a[i + 1];
    }
    let t2: f64 = s.cos().exp() / (a[2].sin().exp().powi(2) + 0.5);
    let t3: ArrayView1<f64> = a.view();
    let t4 = (a[1] + b.mean().unwrap()) + t3.map(|&v| ((v * s).sin()).sin());
    ((-0.996_f64).exp().ln() + (t2 * t2 + 1.0).sqrt()) + 0.913 * t1 + 0.446 * t2 + 0.479 * t4.sum()
}

#[test]
fn test_f27() {
    let mut rng = Rng::new(200342);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let s = -0.9924;
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (v, (d_a, d_s, d_b)) = f27_grad(&a, s, b.view());
    common::assert_near(v, f27(&a, s, b.view()), "value");
    assert_fd_array(|xx| f27(xx, s, b.view()), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f27(&a, xx[()], b.view()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f27(&a, s, xx.view()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f27_jvp(&a, s, b.view(), &t_a, t_s, t_b.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum();
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b), (hh_a, hh_s, hh_b)) =
        f27_hvp(&a, s, b.view(), &t_a, t_s, t_b.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b)) = f27_grad(&pp_a, pp_s, pp_b.view());
    let (_, (gm_a, gm_s, gm_b)) = f27_grad(&pm_a, pm_s, pm_b.view());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (2, 4, 5)
#[differentiable]
fn h28(a: Array1<f64>, b: &Array1<f64>) -> Array1<f64> {
    let t1 = a.slice(s![1..]);
    let t2 = 1.43_f64;
    let t3 = if t2.exp() > 0.773 {
        nn::cross_entropy(&Array::from_elem((2, 4), 0.25_f64), &vec![3usize; 2]).powi(2)
    } else {
        (t2 + 0.427).abs()
    };
    (b + &(b * b)) * (b.sum() + (&t1 * &t1).mean().unwrap() + t3)
}

#[test]
fn test_h28() {
    let mut rng = Rng::new(200354);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b)) = h28_vjp(a.clone(), &b, seed.clone());
    assert_array(&y, &h28(a.clone(), &b), "value");
    assert_fd_array(|xx| inner(&seed, &h28(xx.clone(), &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h28(a.clone(), xx)), &b, &d_b, "db");
}

// dims (2, 4, 5)
#[differentiable(wrt(b, c, w))]
fn f28(a: Array1<f64>, b: Array1<f64>, c: &Array2<f64>, d: &Array1<f64>, w: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = nn::log_softmax(
        &(&c.slice(s![.., 1..3]) / a.mean().unwrap().exp()).fold_axis(
            Axis(0),
            f64::INFINITY,
            |&m, &x| f64::min(m, x),
        ),
        Axis(0),
    );
    let t2: f64 = ((-1.37_f64) + 1.47_f64).exp().ln().cos();
    let mut t3: f64 = 0.0;
    for i in 0..w.len() - 1 {
        let t4 = w[i + 1] - w[i] * w[i];
        let t5 = 1.0 - w[i];
        t3 += 0.618 * t4 * t4 + t5 * t5;
    }
    let t6 = t3.tanh();
    let t7 = d.view();
    let t8 = a.view();
    let t9 = if c.slice(s![..2, ..4]).sum() > -0.646 {
        t7[0] + t1[1]
    } else {
        nn::cross_entropy(&c.slice(s![1..3, 1..]), &vec![0usize; 2])
    };
    t7[0] + 0.733 * b.sum() + 0.931 * t2 + 0.885 * t6 + (&t8 * &t8).mean().unwrap() + 0.45 * t9
}

#[test]
fn test_f28() {
    let mut rng = Rng::new(200356);
    let a = rand(&mut rng, 8, 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let d = rand(&mut rng, 2, -1.0, 1.0);
    let w = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_b, d_c, d_w)) = f28_grad(a.clone(), b.clone(), &c, &d, &w);
    common::assert_near(v, f28(a.clone(), b.clone(), &c, &d, &w), "value");
    assert_fd_array(|xx| f28(a.clone(), xx.clone(), &c, &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f28(a.clone(), b.clone(), xx, &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f28(a.clone(), b.clone(), &c, &d, xx), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_w = rand(&mut rng, 2, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f28_jvp(a.clone(), b.clone(), &c, &d, &w, t_b.clone(), &t_c, &t_w);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_b * &t_b).sum() + (&d_c * &t_c).sum() + (&d_w * &t_w).sum();
    let scale: f64 = (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_w * &t_w).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_b, hg_c, hg_w), (hh_b, hh_c, hh_w)) =
        f28_hvp(a.clone(), b.clone(), &c, &d, &w, t_b.clone(), &t_c, &t_w);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_b, gp_c, gp_w)) = f28_grad(a.clone(), pp_b.clone(), &pp_c, &d, &pp_w);
    let (_, (gm_b, gm_c, gm_w)) = f28_grad(a.clone(), pm_b.clone(), &pm_c, &d, &pm_w);
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (2, 3, 2)
#[differentiable(wrt(a, c, d))]
fn f29(a: &Array1<f64>, b: &Array1<f64>, s: f64, c: Array1<f64>, d: &Array1<f64>) -> f64 {
    let t1 = (b + c.mean().unwrap()).mapv_into(f64::sin);
    let mut t2: Array1<f64> = (&t1 / b.exp()).to_owned();
    if b[0].tanh().cos() > 0.408 {
        let t3 = s;
        t2 = &t2 * 0.414 + &(b + b);
    } else {
        t2 = &b.tanh() - &t2;
    }
    let t4 = &nn::softplus(a) / &(nn::softplus(&a.mapv(f64::cos)) + 0.5);
    s + 0.482 * d.sum() + (&t2 * &t2).mean().unwrap() + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f29() {
    let mut rng = Rng::new(200368);
    let a = rand(&mut rng, 6, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let s = -0.5393;
    let c = rand(&mut rng, 6, -1.0, 1.0);
    let d = rand(&mut rng, 6, -1.0, 1.0);
    let (v, (d_a, d_c, d_d)) = f29_grad(&a, &b, s, c.clone(), &d);
    common::assert_near(v, f29(&a, &b, s, c.clone(), &d), "value");
    assert_fd_array(|xx| f29(xx, &b, s, c.clone(), &d), &a, &d_a, "da");
    assert_fd_array(|xx| f29(&a, &b, s, xx.clone(), &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f29(&a, &b, s, c.clone(), xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 6, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_c = rand(&mut rng, 6, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 6, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f29_jvp(&a, &b, s, c.clone(), &d, &t_a, t_c.clone(), &t_d);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_c * &t_c).sum() + (&d_d * &t_d).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_c, hg_d), (hh_a, hh_c, hh_d)) =
        f29_hvp(&a, &b, s, c.clone(), &d, &t_a, t_c.clone(), &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_c, gp_d)) = f29_grad(&pp_a, &b, s, pp_c.clone(), &pp_d);
    let (_, (gm_a, gm_c, gm_d)) = f29_grad(&pm_a, &b, s, pm_c.clone(), &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (2, 4, 3)
#[differentiable]
fn h30(a: &Array1<f64>) -> Array1<f64> {
    let t1 = (nn::softplus(a) + 0.5).powf(0.5);
    let t2 = a.abs();
    let t3: ArrayView1<f64> = t2.view();
    (-nn::relu(a)) * (t1.sum() + t3.sum())
}

#[test]
fn test_h30() {
    let mut rng = Rng::new(200380);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, d_a) = h30_vjp(&a, seed.clone());
    assert_array(&y, &h30(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h30(xx)), &a, &d_a, "da");
}

// dims (2, 4, 3)
#[differentiable(wrt(a))]
fn f30(a: Array2<f64>, b: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = a.slice(s![1..3, ..2]).to_shape(4).unwrap().to_owned();
    if a.dot(&a.slice(s![1.., ..])).sum() < -1.28 {
        let t2 = a[[2, 0]] - (-0.443_f64);
        t1 = &t1 * 0.541 + &(&t1 * &t1 + 0.5).ln();
    } else {
        t1 = &a.row(2).dot(&a.t()) - &t1;
    }
    let t3 = b.view();
    let t4 = h30(&a.slice(s![..2, 1..]).to_shape(4).unwrap().to_owned());
    let t5 = t4.mapv(f64::tanh);
    let t6: f64 = t4.mean().unwrap();
    let t7: Array1<f64> = a.var_axis(Axis(0), 1.0).sin().mapv(|v| v);
    t6 + 0.432 * t3.sum() + (&t5 * &t5).mean().unwrap() + 0.247 * t6 + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f30() {
    let mut rng = Rng::new(200382);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let (v, d_a) = f30_grad(a.clone(), &b);
    common::assert_near(v, f30(a.clone(), &b), "value");
    assert_fd_array(|xx| f30(xx.clone(), &b), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f30_jvp(a.clone(), &b, t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f30_hvp(a.clone(), &b, t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f30_grad(pp_a.clone(), &b);
    let (_, gm_a) = f30_grad(pm_a.clone(), &b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 4, 2)
#[differentiable]
fn f31(a: &Array1<f64>, b: Array2<f64>, s: f64, c: &Array2<f64>) -> Array1<f64> {
    let t1 = c.row(2);
    let t2: Array1<f64> = nn::log_softmax(&nn::logsumexp(c, Axis(1)).dot(c).tanh(), Axis(0));
    let mut t3: Array1<f64> = t1.mapv(|v| ((v * 1.44).tanh()).sin());
    let mut t4: f64 = s;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t5 = nn::cross_entropy(&b, &vec![2usize; 3]);
        t3 = &t3 * 0.7 + &r;
        t4 = (t4 + ((t1.sum().exp().sqrt() + 0.253).abs() + t5).tanh()).tanh();
    }
    let t6 = &(&t2.cos() - b.slice(s![1.., ..3]).dot(&b.index_axis(Axis(1), 0)))
        .mapv(|v| (((v * 0.587).powi(2) - 0.5) * ((v * 0.587).powi(2) - 0.5) + 1.0).ln())
        * 0.166;
    let mut t7: Array1<f64> = t1.to_owned();
    let mut t8: f64 = t4;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t9: Array1<f64> = c.view().reversed_axes().dot(&b.std_axis(Axis(1), 1.0));
        t7 = &t7 * 0.7
            + &(&c
                .index_axis(Axis(0), 0)
                .mapv(|v| (((v * t4) * v) * ((v * t4) * v) + 0.5).sqrt())
                + t9)
                .tanh();
        t8 += ((i as f64 * 0.3) / &b.index_axis(Axis(0), 2).mapv(|v| v * v + 1.0))
            .var(0.0)
            .tanh();
    }
    let mut t10: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t11: f64 = t8.powi(2).tanh();
    for i in 0..c.nrows() {
        let r = c.row(i);
        t10 = &nn::sigmoid(&(&r * &c.std_axis(Axis(0), 1.0))) * t7.mean().unwrap().tanh() + t10;
        t11 += (&t6 + &r).sum().tanh();
    }
    let t12 = (&b.dot(&Array::from_elem((4, 4), 0.25_f64))
        * &b.dot(&Array::from_elem((4, 4), 0.25_f64))
        + 0.5)
        .ln();
    nn::logsumexp(
        &c.t()
            .mapv(|v| (((v * 0.76).powi(2) - 0.5) * ((v * 0.76).powi(2) - 0.5) + 1.0).ln()),
        Axis(1),
    ) * (a.sum() + (&t3 * &t3).mean().unwrap() + (&t10 * &t10).mean().unwrap() + t11 + t12.sum())
}

#[test]
fn test_f31() {
    let mut rng = Rng::new(200394);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let s = 1.0281;
    let c = rand(&mut rng, (3, 2), 0.5, 1.5);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_c)) = f31_vjp(&a, b.clone(), s, &c, seed.clone());
    assert_array(&y, &f31(&a, b.clone(), s, &c), "value");
    assert_fd_array(
        |xx| inner(&seed, &f31(xx, b.clone(), s, &c)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f31(&a, xx.clone(), s, &c)),
        &b,
        &d_b,
        "db",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f31(&a, b.clone(), xx[()], &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| inner(&seed, &f31(&a, b.clone(), s, xx)),
        &c,
        &d_c,
        "dc",
    );
}

// dims (5, 2, 4)
#[differentiable]
fn f32(a: &Array2<f64>, s: f64, k: usize, p: f64) -> f64 {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1 = (&Array::from_elem((5, 2), 1.5_f64) + &a.index_axis(Axis(0), 2))
        .to_shape(((5, 2), ord))
        .unwrap()
        .into_owned();
    let t2: Array2<f64> =
        (&(Array::from_elem((5, 4), 0.5_f64).mapv(f64::cos) * (&t1 * &t1).sum()) * 0.032).dot(
            &Array::from_elem((4, 4), 0.5_f64)
                .mapv(|v| ((v * s) * (v * s) + 1.0).ln())
                .dot(&Array::from_elem((4, 5), 0.5_f64).dot(&t1))
                .mapv(f64::tanh),
        );
    let t3: Array2<f64> = if t2[[4, 0]] > 0.519 {
        nn::sigmoid(
            &(&(t1.fold_axis(Axis(0), f64::NEG_INFINITY, |&acc, &x| f64::max(acc, x))
                + t1.var_axis(Axis(0), 1.0).mapv(f64::tanh))
            .insert_axis(Axis(0))
                - nn::logsumexp(&t2, Axis(1)).insert_axis(Axis(1))),
        )
    } else {
        a.mean_axis(Axis(0)).unwrap().insert_axis(Axis(0))
            / &(nn::softplus(
                &(&t2.sum_axis(Axis(1)) * 0.125)
                    .mapv(f64::tanh)
                    .insert_axis(Axis(1)),
            ) + 0.5)
    };
    let t4: Array2<f64> = nn::softplus(&a.index_axis(Axis(0), 0)) + (&a.row(0) + t3);
    let t5: Array2<f64> = if s > 0.598 {
        t1.dot(&a.t()).dot(&nn::log_softmax(a, Axis(1))).tanh()
    } else {
        (&t4.view().reversed_axes() + &a.row(1).insert_axis(Axis(1)))
            .to_shape((10, ord))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((5, 2), Order::F))
            .unwrap()
    };
    1.42_f64 + 0.604 * p + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f32() {
    let mut rng = Rng::new(200406);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = 0.5648;
    let p = 1.1636;
    for k in 0..2usize {
        let (v, (d_a, d_s, d_p)) = f32_grad(&a, s, k, p);
        common::assert_near(v, f32(&a, s, k, p), "value");
        assert_fd_array(|xx| f32(xx, s, k, p), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| f32(&a, xx[()], k, p),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        let fd_p = fd(
            |xx: &Array<f64, _>| f32(&a, s, k, xx[()]),
            &Array::from_elem((), p),
        );
        common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_s = 0.5;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let t_p = 0.7;
        let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
        let (vj, tj) = f32_jvp(&a, s, k, p, &t_a, t_s, t_p);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + d_p * t_p;
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (d_p * t_p).abs();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_s, hg_p), (hh_a, hh_s, hh_p)) = f32_hvp(&a, s, k, p, &t_a, t_s, t_p);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_s, gp_p)) = f32_grad(&pp_a, pp_s, k, pp_p);
        let (_, (gm_a, gm_s, gm_p)) = f32_grad(&pm_a, pm_s, k, pm_p);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(
            &Array::from_elem((), hh_s),
            &Array::from_elem((), gp_s),
            &Array::from_elem((), gm_s),
            hstep,
            "H t s",
        );
        assert_hv_array(
            &Array::from_elem((), hh_p),
            &Array::from_elem((), gp_p),
            &Array::from_elem((), gm_p),
            hstep,
            "H t p",
        );
    }
}

// dims (5, 3, 4)
#[differentiable]
fn h33(a: &Array1<f64>) -> f64 {
    let t1 = a.mapv(f64::cos).cos();
    nn::mse(
        &Array::from_elem((15, 3), 0.5_f64).sum_axis(Axis(1)),
        &Array::from_elem((5, 3), 1.5_f64)
            .to_shape((15, Order::F))
            .unwrap(),
    ) + 0.577 * t1.sum()
}

#[test]
fn test_h33() {
    let mut rng = Rng::new(200418);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let (v, d_a) = h33_grad(&a);
    common::assert_near(v, h33(&a), "value");
    assert_fd_array(|xx| h33(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h33_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h33_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h33_grad(&pp_a);
    let (_, gm_a) = h33_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 3, 4)
#[differentiable(wrt(s))]
fn f33(a: ArrayView2<f64>, k: usize, s: f64) -> f64 {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1 = a.to_shape(((5, 3), ord)).unwrap();
    let mut t2 = Array1::<f64>::zeros(3);
    let mut t3: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4 = (i as f64 * 0.3);
        let t5 = r.dot(&a.slice(s![..3, ..]));
        t2 = t2
            + &(&(&a
                .t()
                .fold_axis(Axis(1), f64::INFINITY, |&acc: &f64, &x: &f64| acc.min(x))
                + t5)
                * 0.5);
        t3 = (t3 + ((&t2 - &r).sum() + t4).tanh()).tanh();
    }
    let t6: Array2<f64> = if t2.mean().unwrap().tanh().exp() < 1.35 {
        -Array::from_elem((5, 5), 1.5_f64).dot(&t1)
    } else {
        t1.var(1.0) + Array2::<f64>::eye(5).dot(&t1)
    };
    let t7 = a[[0, 0]] / &nn::sigmoid(&a.dot(&t6.slice(s![1..4, ..]))).mapv(|v| v * v + 1.0);
    let t8 = a.t();
    let t9 = (&t1 - &t2.view().insert_axis(Axis(0))).mapv(f64::sin);
    let t10 = t7.view();
    let t11 = a.view();
    nn::cross_entropy_one_hot(
        &(nn::softplus(&t8.view().reversed_axes()) + 0.5).powf(0.5),
        &nn::softmax(&t8.view().reversed_axes().mapv(f64::cos), Axis(1)),
    ) + 0.728 * s
        + 0.466 * t3
        + (&t8 * &t8).mean().unwrap()
        + 0.24 * t9.sum()
        + 0.854 * t10.sum()
        + (&t11 * &t11).mean().unwrap()
}

#[test]
fn test_f33() {
    let mut rng = Rng::new(200420);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let s = 0.9304;
    for k in 0..2usize {
        let (v, d_s) = f33_grad(a.view(), k, s);
        common::assert_near(v, f33(a.view(), k, s), "value");
        let fd_s = fd(
            |xx: &Array<f64, _>| f33(a.view(), k, xx[()]),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    }
}

// dims (5, 2, 3)
#[differentiable(wrt(a, b, d))]
fn f34(a: &Array2<f64>, b: &Array1<f64>, c: Array1<f64>, d: &Array1<f64>) -> Array1<f64> {
    let t1 = c.mean().unwrap().exp().ln();
    let mut t2: Array1<f64> = (nn::softplus(b) + 0.5).ln().to_owned();
    if t1 > -0.108 {
        let t3: f64 = t1;
        t2 = &t2 * 0.47 + &nn::sigmoid(&a.t().dot(d));
    }
    let mut t4: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t4 += (b[i + 1] * t1 - b[i]).tanh();
    }
    let mut t5: Array1<f64> = c;
    if t4 > -1.28 {
        let t6: f64 = t4;
        t5 = &t5 * 0.787 + &a.slice(s![.., ..2]).to_shape(10).unwrap().to_owned();
    } else {
        t5 = &(&t5 / t4.exp()).mapv(f64::tanh) - &t5;
    }
    let mut t7: Array1<f64> = b.mapv(|v| v * v + 1.0).sqrt();
    let mut t8: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t7 = t7 + &nn::sigmoid(&(&r - a.var_axis(Axis(0), 1.0)));
        t8 = t8 * 0.8 - t1;
    }
    (&nn::log_softmax(b, Axis(0)) / &(nn::softplus(&t7) + 0.5)) + (t2.sum() + t7.sum() + t8)
}

#[test]
fn test_f34() {
    let mut rng = Rng::new(200432);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, 10, -1.0, 1.0);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_d)) = f34_vjp(&a, &b, c.clone(), &d, seed.clone());
    assert_array(&y, &f34(&a, &b, c.clone(), &d), "value");
    assert_fd_array(
        |xx| inner(&seed, &f34(xx, &b, c.clone(), &d)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f34(&a, xx, c.clone(), &d)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f34(&a, &b, c.clone(), xx)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (3, 2, 5)
#[differentiable]
fn f35(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>) -> Array2<f64> {
    let mut t1: Array1<f64> = &c.mean_axis(Axis(0)).unwrap() - &c.row(2);
    let mut t2: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t3: f64 = (i as f64 * 0.3) - (i as f64 * 0.3);
        let t4 = t2;
        t1 = &t1 * 0.7 + &r;
        t2 = (t2
            + (nn::mse(
                &c.slice(s![.., 1..4]).dot(a),
                &a.mapv(|v| ((v * t4).sin()).exp()),
            ) + t3)
                .tanh())
        .tanh();
    }
    let t5: Array2<f64> = if t2 > 0.11 {
        (b / (t1[2] * t1[2] + 1.0)).exp()
    } else {
        &a.t().dot(c) - &t1.abs().insert_axis(Axis(0))
    };
    let t6: Array2<f64> = if t1.mean().unwrap().cos() < -0.499 {
        nn::softmax(
            &c.mapv(|v| (((v * v + 1.0).ln()) * ((v * v + 1.0).ln()) + 0.5).sqrt()),
            Axis(0),
        )
    } else {
        &(&c.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| {
            f64::min(acc, (x - t2).powi(2))
        }) / &(nn::softplus(&a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| v.max(m))) + 0.5))
            .insert_axis(Axis(1))
            - (&t1 * &t1).mapv(f64::tanh).insert_axis(Axis(0))
    };
    let t7: Array2<f64> = c.slice(s![.., 2..]).dot(c).map(|&v| (v * 0.975) * t2 + t2);
    let t8: f64 = (0.941_f64 - t5[[0, 4]]).tanh();
    (ad_runtime::ndarray::concatenate(Axis(1), &[t7.slice(s![.., ..3]), a.view()]).unwrap()
        - ((-0.355_f64) / (t2 * t2 + 1.0)))
        + ((&t6 * &t6).mean().unwrap() + (&t7 * &t7).mean().unwrap() + t8)
}

#[test]
fn test_f35() {
    let mut rng = Rng::new(200444);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f35_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &f35(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f35(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f35(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f35(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (5, 2, 3)
#[differentiable]
fn h36(a: &Array1<f64>, s: f64, b: &Array2<f64>) -> Array1<f64> {
    let mut t1 = Array1::<f64>::zeros(2);
    let mut t2: f64 = b.mean().unwrap();
    for i in 0..b.nrows() {
        let r = b.row(i);
        t1 = (&t1 + &(&b.index_axis(Axis(1), 1) * &t1)).mapv(f64::tanh);
        t2 = (t2 + (&(&r * &r) * &(&r * &r)).sum()).tanh();
    }
    (&b.var_axis(Axis(1), 1.0) - (a.mean().unwrap() - a)) * (a.sum() + s + t2)
}

#[test]
fn test_h36() {
    let mut rng = Rng::new(200456);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let s = 0.6386;
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_s, d_b)) = h36_vjp(&a, s, &b, seed.clone());
    assert_array(&y, &h36(&a, s, &b), "value");
    assert_fd_array(|xx| inner(&seed, &h36(xx, s, &b)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h36(&a, xx[()], &b)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &h36(&a, s, xx)), &b, &d_b, "db");
}

// dims (5, 2, 3)
#[differentiable]
fn f36(a: &Array2<f64>) -> Array2<f64> {
    let mut t1 = Array2::<f64>::zeros((5, 2));
    let mut t2: f64 = 1.31_f64.sin();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = (i as f64 * 0.3) + &t1;
        t1 = &(ad_runtime::ndarray::concatenate(
            Axis(0),
            &[a.slice(s![1..4, ..]), a.slice(s![3.., ..])],
        )
        .unwrap()
            + t3)
            .tanh()
            * (t2 * t2 + 1.0).sqrt()
            + t1;
        t2 = (t2 + t1[[1, 0]].tanh()).tanh();
    }
    let t4: Array2<f64> = (nn::sigmoid(&t1.sin()) + 0.25).ln();
    let t5 = nn::sigmoid(
        &a.dot(&t4.view().reversed_axes())
            .dot(&a.to_shape(((5, 2), Order::F)).unwrap()),
    )
    .mapv(f64::sin);
    (-&Array2::<f64>::eye(5)).dot(&Array::from_elem((5, 3), 0.5_f64).dot(&t4.slice(s![1..4, ..])))
        + ((&t5 * &t5).mean().unwrap())
}

#[test]
fn test_f36() {
    let mut rng = Rng::new(200458);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (y, d_a) = f36_vjp(&a, seed.clone());
    assert_array(&y, &f36(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f36(xx)), &a, &d_a, "da");
}

// dims (3, 5, 2)
#[differentiable(wrt(a, b))]
fn f37(a: &Array2<f64>, b: &Array2<f64>, c: Array2<f64>, k: usize) -> Array2<f64> {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1 = (&b.t() + &b.index_axis(Axis(0), 0).insert_axis(Axis(1)))
        .to_shape(((3, 5), ord))
        .unwrap()
        .to_owned();
    let t2 = -&(nn::softplus(&b.slice(s![.., ..3]).dot(&t1)) + 0.5).ln();
    let t3 = (0.836_f64 * 1.11_f64) * (-1.47_f64);
    let t4 = &(&t1.slice(s![.., 1..4]).dot(b)
        + ad_runtime::ndarray::concatenate(
            Axis(0),
            &[c.index_axis(Axis(1), 1), t1.index_axis(Axis(1), 4)],
        )
        .unwrap())
        + (c.index_axis(Axis(0), 1).mapv(|v| v) * &t1.row(2)).insert_axis(Axis(0));
    let t5 = if t3 < -0.613 {
        nn::sigmoid(b).sin()
    } else {
        &c.column(2).dot(&c) - t2.tanh()
    };
    (&c.mapv(|v| ((v * v + 1.0).ln()).tanh()) - t4[[0, 4]])
        * ((a * a).mean().unwrap() + t4.sum() + t5.sum())
}

#[test]
fn test_f37() {
    let mut rng = Rng::new(200470);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (2, 5), -1.0, 1.0);
        let (y, (d_a, d_b)) = f37_vjp(&a, &b, c.clone(), k, seed.clone());
        assert_array(&y, &f37(&a, &b, c.clone(), k), "value");
        assert_fd_array(
            |xx| inner(&seed, &f37(xx, &b, c.clone(), k)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f37(&a, xx, c.clone(), k)),
            &b,
            &d_b,
            "db",
        );
    }
}

// dims (5, 4, 3)
#[differentiable]
fn f38(a: &Array1<f64>, b: Array1<f64>) -> f64 {
    let t1 = (-1.43_f64).tanh()
        + (Array::from_elem((3, 5), 0.25_f64)
            .fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| f64::max(x, m))
            + Array::from_elem((3, 4), 0.25_f64).dot(&b));
    let t2 = t1.slice(s![1..]);
    let t3 = nn::sigmoid(&Array::from_elem((3, 3), 1.5_f64).dot(a));
    (-0.576_f64) + (&t2 * &t2).mean().unwrap() + 0.215 * t3.sum()
}

#[test]
fn test_f38() {
    let mut rng = Rng::new(200482);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b)) = f38_grad(&a, b.clone());
    common::assert_near(v, f38(&a, b.clone()), "value");
    assert_fd_array(|xx| f38(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f38(&a, xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f38_jvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f38_hvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f38_grad(&pp_a, pp_b.clone());
    let (_, (gm_a, gm_b)) = f38_grad(&pm_a, pm_b.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 4, 5)
#[differentiable]
fn h39(a: &Array2<f64>, s: f64, b: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> =
        &(&a.std_axis(Axis(1), 1.0) * a[[4, 3]]) + &b.mapv(|v| (v * 0.409).powi(2) - 0.5);
    (&(b / (&t1 * &t1 + 0.5)) / (&(b - &t1) * &(b - &t1) + 0.5)) + (s + (&t1 * &t1).mean().unwrap())
}

#[test]
fn test_h39() {
    let mut rng = Rng::new(200494);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let s = -0.7796;
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_s, d_b)) = h39_vjp(&a, s, &b, seed.clone());
    assert_array(&y, &h39(&a, s, &b), "value");
    assert_fd_array(|xx| inner(&seed, &h39(xx, s, &b)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h39(&a, xx[()], &b)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &h39(&a, s, xx)), &b, &d_b, "db");
}

// dims (3, 4, 5)
#[differentiable]
fn f39(a: &Array1<f64>, b: ArrayView2<f64>, c: &Array1<f64>) -> Array1<f64> {
    let t1 = (&((-a) / &(a + c).exp())
        - (&a.map(|&v| v.powi(2) - 0.5)
            + nn::cross_entropy_one_hot(
                &b.slice(s![..3, ..]),
                &nn::softmax(&b.slice(s![2.., ..]), Axis(1)),
            )))
    .mapv(f64::tanh);
    let t2: Array1<f64> = if nn::softmax(c, Axis(0)).var(1.0) < -0.642 {
        nn::sigmoid(
            &(b.std_axis(Axis(0), 0.0).insert_axis(Axis(0)) * a.view().insert_axis(Axis(1)))
                .var_axis(Axis(1), 1.0),
        )
    } else {
        t1.exp().ln().map(|&v| (v * v + 0.5).sqrt())
    };
    let t3 = b.t();
    let t4: Array1<f64> = a.var(0.0) - &(&t2 - a);
    let t5 = b.slice(s![..3, ..]).mapv(|v| v.tanh())
        - &b.view()
            .reversed_axes()
            .fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| f64::max(x, m));
    let t6 = &nn::log_softmax(&t2.exp(), Axis(0)).tanh()
        / (&(-&t2.mapv(f64::tanh)) * &(-&t2.mapv(f64::tanh)) + 0.5);
    let t7 = nn::softmax(&(-&b.slice(s![1..4, ..])), Axis(1));
    (&((&t4 + t4.mean().unwrap()) + t7.var_axis(Axis(1), 0.0).sum()) * 0.125)
        + ((&t3 * &t3).mean().unwrap() + t4.sum() + t5.sum() + t6.sum() + t7.sum())
}

#[test]
fn test_f39() {
    let mut rng = Rng::new(200496);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), 0.5, 1.5);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f39_vjp(&a, b.view(), &c, seed.clone());
    assert_array(&y, &f39(&a, b.view(), &c), "value");
    assert_fd_array(|xx| inner(&seed, &f39(xx, b.view(), &c)), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| inner(&seed, &f39(&a, xx.view(), &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f39(&a, b.view(), xx)), &c, &d_c, "dc");
}
