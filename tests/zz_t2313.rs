//! Random array programs from `tests/gen/gen_random_tensor_programs.py --seed 2313 --count 250`.
//! Scratch output: do not commit.

#![allow(unused_variables, unused_mut, dead_code, unused_parens, clippy::all)]

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array, Array1, Array2, ArrayView1, ArrayView2, Axis, Order, s};
use ad_runtime::nn;
use common::Rng;
use common::arrays::*;

// Constructs (functions using each):
//   array * array                        132
//   array * scalar                       55
//   array + array                        158
//   array + scalar                       54
//   array - array                        132
//   array - scalar                       44
//   array / array                        129
//   array / scalar                       51
//   array accumulator                    143
//   broadcast 1∘2                        30
//   broadcast 2∘1                        30
//   broadcast 2∘unit                     59
//   broadcast unit∘2                     36
//   broadcast unit∘unit                  68
//   call helper                          28
//   closure branch                       41
//   closure captures scalar              81
//   concatenate                          44
//   constant                             170
//   dot 1x1                              47
//   dot 1x2                              66
//   dot 2x1                              67
//   dot 2x2                              117
//   element read                         197
//   fold_axis max closure f64::max(m, e) 7
//   fold_axis max closure |&m, &v| e.max(m) 13
//   fold_axis max closure |&m, &v| m.max(e) 12
//   fold_axis max closure |&m: &f64, ..| e.max(m) 12
//   fold_axis max closure |&m: &f64, ..| m.max(e) 11
//   fold_axis max closure |m, v| m.max(*v) 17
//   fold_axis min closure f64::min(m, e) 9
//   fold_axis min closure |&m, &v| e.min(m) 10
//   fold_axis min closure |&m, &v| m.min(e) 7
//   fold_axis min closure |&m: &f64, ..| e.min(m) 2
//   fold_axis min closure |&m: &f64, ..| m.min(e) 12
//   fold_axis min closure |m, v| m.min(*v) 11
//   fold_axis of a function of the element 51
//   if on scalar                         147
//   if statement                         82
//   if value                             82
//   insert_axis                          125
//   integer parameter choosing the order 52
//   into_shape_with_order                1
//   logsumexp                            56
//   loop index as f64                    28
//   loop over rows                       143
//   made positive                        231
//   map(|&v| ..)                         65
//   mapv closure                         184
//   mapv path                            64
//   mapv_into closure                    25
//   max                                  64
//   mean                                 156
//   mean_axis                            62
//   method abs                           25
//   method cos                           25
//   method exp                           33
//   method ln                            26
//   method mapv_into                     41
//   method powf                          26
//   method powi                          33
//   method sin                           25
//   method sqrt                          35
//   method tanh                          36
//   min                                  43
//   neighbour reads of an array local    11
//   neighbour reads of an array parameter 94
//   nn::cross_entropy                    58
//   nn::cross_entropy_one_hot            49
//   nn::log_softmax                      31
//   nn::mse                              30
//   nn::relu                             30
//   nn::sigmoid                          33
//   nn::softmax                          38
//   nn::softplus                         34
//   owned lhs                            123
//   owned rhs                            134
//   reshape Order::C                     16
//   reshape Order::ColumnMajor           16
//   reshape Order::F                     9
//   reshape Order::RowMajor              14
//   reshape order in a variable          52
//   row/column/index_axis                161
//   scalar * array                       35
//   scalar + array                       35
//   scalar - array                       32
//   scalar / array                       36
//   scalar abs                           60
//   scalar accumulator                   143
//   scalar cos                           77
//   scalar exp                           58
//   scalar ln                            48
//   scalar powi                          54
//   scalar sin                           66
//   scalar sqrt                          59
//   scalar tanh                          49
//   slice                                152
//   squash                               189
//   stack                                27
//   std                                  33
//   std_axis                             40
//   sum                                  148
//   sum_axis                             65
//   sumsq                                38
//   t()                                  122
//   to_owned/clone                       102
//   to_shape                             16
//   to_shape 2d                          42
//   to_shape(n, order) then into_shape_with_order 14
//   unary -                              117
//   var                                  46
//   var_axis                             75
//   view()                               110

// dims (3, 5, 2)
#[differentiable]
fn f0(a: Array2<f64>, b: &Array1<f64>, c: &Array2<f64>) -> Array2<f64> {
    let mut t1: Array1<f64> = nn::softmax(&c.row(0), Axis(0));
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = t2.powi(2);
        let t4: Array2<f64> = a.mapv(f64::sin);
        t1 = (&t1 + &r).mapv(f64::tanh);
        t2 = (t2 + (t3 + t4.mean().unwrap())).tanh();
    }
    let t5: Array1<f64> = nn::log_softmax(&(b + b), Axis(0));
    let t6 = (((t2 / (b.mean().unwrap() * b.mean().unwrap() + 1.0))
        - Array1::<f64>::ones(5).dot(&Array::from_elem(5, 1.5_f64)))
        * a.mapv(|v| (v * 1.01) * t2 + t2).mean().unwrap())
    .tanh();
    let t7 = (b + b) + b;
    let t8 = t2;
    (&ad_runtime::ndarray::stack(
        Axis(1),
        &[a.var_axis(Axis(1), 0.0).view(), a.index_axis(Axis(1), 1)],
    )
    .unwrap()
        / t1.dot(&t1).exp())
    .tanh()
        * ((&t1 * &t1).mean().unwrap()
            + (&t5 * &t5).mean().unwrap()
            + t6
            + (&t7 * &t7).mean().unwrap()
            + t8)
}

#[test]
fn test_f0() {
    let mut rng = Rng::new(231300002);
    let a = rand(&mut rng, (3, 2), 0.5, 1.5);
    let b = rand(&mut rng, 15, 0.5, 1.5);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f0_vjp(a.clone(), &b, &c, seed.clone());
    assert_array(&y, &f0(a.clone(), &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f0(xx.clone(), &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f0(a.clone(), xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f0(a.clone(), &b, xx)), &c, &d_c, "dc");
}

// dims (4, 5, 3)
#[differentiable]
fn h1(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    let t1: Array1<f64> = b.t().mean_axis(Axis(1)).unwrap();
    let t2 = if nn::cross_entropy(&((-1.35_f64) - b), &vec![3usize; 4]) > -0.445 {
        &(-&b.fold_axis(Axis(0), f64::INFINITY, |&acc: &f64, &x: &f64| acc.min(x)))
            / (nn::cross_entropy_one_hot(b, &nn::softmax(b, Axis(1)))
                * nn::cross_entropy_one_hot(b, &nn::softmax(b, Axis(1)))
                + 1.0)
    } else {
        (nn::sigmoid(&b.fold_axis(Axis(1), f64::NEG_INFINITY, |m, x| m.max(*x))) + 0.25)
            .ln()
            .dot(&(&b.index_axis(Axis(1), 1).insert_axis(Axis(1)) / b.mapv(|v| v * v + 1.0)))
    };
    t1[4] + (a * a).mean().unwrap() + 0.563 * t1.sum() + (&t2 * &t2).mean().unwrap()
}

#[test]
fn test_h1() {
    let mut rng = Rng::new(231300014);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (v, (d_a, d_b)) = h1_grad(&a, &b);
    common::assert_near(v, h1(&a, &b), "value");
    assert_fd_array(|xx| h1(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| h1(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h1_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h1_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h1_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = h1_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (4, 5, 3)
#[differentiable]
fn f1(a: Array1<f64>, b: Array1<f64>, c: &Array1<f64>, d: &Array1<f64>) -> Array1<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..19 {
        let t2 = d[i + 1] - d[i] * d[i];
        let t3 = 1.0 - d[i];
        t1 += 2.23 * t2 * t2 + t3 * t3;
    }
    let t4: f64 = t1.tanh();
    let t5 = h1(
        &(&Array::from_elem(5, 1.5_f64) / &Array1::<f64>::ones(5)),
        &Array::from_elem((4, 5), 1.5_f64),
    );
    let t6 = t5.tanh();
    let mut t7: Array1<f64> = -Array::from_elem(4, 0.25_f64);
    if (&(&b / &b) * &(&b / &b)).sum() < 0.548 {
        t7 = &t7 * 0.479
            + &t7.mapv(|v| (((v * t4) * (v * t6)) * ((v * t4) * (v * t6)) + 0.5).sqrt());
    }
    let t8 = (&t7.dot(&nn::sigmoid(&Array::from_elem((4, 20), 0.25_f64)))
        * &t7.dot(&nn::sigmoid(&Array::from_elem((4, 20), 0.25_f64))))
        .sum();
    let t9 = Array::from_elem((5, 4), 0.25_f64)
        .mapv_into(|v| v * t4)
        .mean_axis(Axis(1))
        .unwrap();
    (&Array::from_elem((20, 5), 1.5_f64) / (t7[3] * t7[3] + 1.0))
        .dot(&Array::from_elem((5, 5), 0.5_f64).var_axis(Axis(1), 1.0))
        * ((&a * &a).mean().unwrap() + c.sum() + t5 + t8 + (&t9 * &t9).mean().unwrap())
}

#[test]
fn test_f1() {
    let mut rng = Rng::new(231300016);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let b = rand(&mut rng, 20, 0.5, 1.5);
    let c = rand(&mut rng, 20, -1.0, 1.0);
    let d = rand(&mut rng, 20, -1.0, 1.0);
    let seed = rand(&mut rng, 20, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d)) = f1_vjp(a.clone(), b.clone(), &c, &d, seed.clone());
    assert_array(&y, &f1(a.clone(), b.clone(), &c, &d), "value");
    assert_fd_array(
        |xx| inner(&seed, &f1(xx.clone(), b.clone(), &c, &d)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f1(a.clone(), xx.clone(), &c, &d)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f1(a.clone(), b.clone(), xx, &d)),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f1(a.clone(), b.clone(), &c, xx)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (5, 3, 5)
#[differentiable]
fn f2(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let t1 = b.slice(s![1..]);
    let t2 = t1.slice(s![1..]);
    let mut t3: f64 = 0.0;
    for i in 0..b.len() - 1 {
        let t4 = b[i + 1] - b[i] * b[i];
        let t5 = 1.0 - b[i];
        t3 += 2.43 * t4 * t4 + t5 * t5;
    }
    let t6 = t3.tanh();
    let t7: Array1<f64> = (&t1 * &t1) / &(&t1 + &t1).mapv(|v| v * v + 1.0);
    t2.sum() + (a * a).mean().unwrap() + 0.376 * t2.sum() + 0.363 * t6 + 0.678 * t7.sum()
}

#[test]
fn test_f2() {
    let mut rng = Rng::new(231300028);
    let a = rand(&mut rng, (5, 5), 0.5, 1.5);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let (v, (d_a, d_b)) = f2_grad(&a, &b);
    common::assert_near(v, f2(&a, &b), "value");
    assert_fd_array(|xx| f2(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f2(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 15, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f2_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f2_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f2_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f2_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 4, 5)
#[differentiable]
fn f3(a: &Array1<f64>, b: &Array1<f64>, c: &Array2<f64>, d: &Array2<f64>) -> f64 {
    let mut t1: f64 = (-1.38_f64).cos();
    if b.mapv(|v| (v.tanh()) * t1 + t1).var(1.0) > 0.842 {
        t1 = t1 * 0.314 + b[2];
    } else {
        t1 = (d[[2, 3]] + b.sum()).tanh() - t1;
    }
    let mut t2: Array2<f64> = Array2::<f64>::zeros((4, 5));
    let mut t3: f64 = a.sum().sin();
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t4: Array1<f64> = d.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| {
            ((v - t1).powi(2)).max(m)
        });
        let t5: f64 = b[3] / d[[0, 3]].exp();
        t2 = &t2.powi(2) * t1.tanh() + t2;
        t3 += (t5 + t4.mean().unwrap()).tanh();
    }
    let t6 = nn::softmax(
        &((t1 - d.sum()).tanh() + &(&t2 / (&t2 * &t2 + 0.5))),
        Axis(1),
    );
    let t7: Array2<f64> = (c.mapv(|v| if v > 0.113 { v } else { v.tanh() })
        - (a[4] / (b.mean().unwrap().powi(2) + 0.5)))
        * &(&t6.index_axis(Axis(0), 0).insert_axis(Axis(1))
            + &t6.index_axis(Axis(1), 3).insert_axis(Axis(0)));
    let t8 = t6.t();
    let mut t9: Array2<f64> = t8
        .mapv(|v| if v > 0.263 { (v * t1).exp() } else { v.sin() })
        .to_owned();
    if ((a[0] + b.sum()) * (a[0] + b.sum()) + 1.0).ln() > -0.597 {
        let t10: f64 = t1;
        t9 = &t9 * 0.752 + d;
    } else {
        t9 = &(d * t2.mean().unwrap()) - &t9;
    }
    (-0.747_f64) + 0.263 * t3 + 0.972 * t7.sum() + (&t9 * &t9).mean().unwrap()
}

#[test]
fn test_f3() {
    let mut rng = Rng::new(231300040);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), 0.5, 1.5);
    let d = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f3_grad(&a, &b, &c, &d);
    common::assert_near(v, f3(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f3(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f3(&a, xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f3(&a, &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f3(&a, &b, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f3_jvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
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
        f3_hvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f3_grad(&pp_a, &pp_b, &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f3_grad(&pm_a, &pm_b, &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (3, 2, 5)
#[differentiable]
fn h4(a: Array1<f64>, s: f64, b: ArrayView2<f64>) -> f64 {
    let mut t1: Array2<f64> = (&b.row(4) + &b).to_owned();
    if b.mean().unwrap().cos() < -0.484 {
        let t2: f64 = s;
        t1 = &t1 * 0.39 + &(&b * t2);
    }
    let t3: Array2<f64> = (&(b.sum_axis(Axis(0)) + &t1) * 0.157).exp().sqrt();
    let t4: Array2<f64> = b
        .view()
        .reversed_axes()
        .mapv(f64::cos)
        .to_shape(((5, 2), Order::RowMajor))
        .unwrap()
        .to_owned();
    nn::cross_entropy(
        &(&t3.slice(s![2.., ..]) - t4.std_axis(Axis(0), 1.0)),
        &vec![0usize; 3],
    ) + 0.77 * a.sum()
        + 0.377 * t3.sum()
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_h4() {
    let mut rng = Rng::new(231300052);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let s = 0.5037;
    let b = rand(&mut rng, (5, 2), 0.5, 1.5);
    let (v, (d_a, d_s, d_b)) = h4_grad(a.clone(), s, b.view());
    common::assert_near(v, h4(a.clone(), s, b.view()), "value");
    assert_fd_array(|xx| h4(xx.clone(), s, b.view()), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h4(a.clone(), xx[()], b.view()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| h4(a.clone(), s, xx.view()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h4_jvp(a.clone(), s, b.view(), t_a.clone(), t_s, t_b.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum();
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b), (hh_a, hh_s, hh_b)) =
        h4_hvp(a.clone(), s, b.view(), t_a.clone(), t_s, t_b.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b)) = h4_grad(pp_a.clone(), pp_s, pp_b.view());
    let (_, (gm_a, gm_s, gm_b)) = h4_grad(pm_a.clone(), pm_s, pm_b.view());
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

// dims (3, 2, 5)
#[differentiable]
fn f4(a: &Array1<f64>) -> Array1<f64> {
    let t1 = (&(&Array1::<f64>::linspace(-0.5, 0.5, 2)
        / (a.mean().unwrap() * a.mean().unwrap() + 1.0))
        * &(&Array1::<f64>::linspace(-0.5, 0.5, 2)
            / (a.mean().unwrap() * a.mean().unwrap() + 1.0))
        + 0.5)
        .sqrt();
    let t2 = if (((-1.14_f64) + 0.44).abs()
        * Array1::<f64>::linspace(-0.5, 0.5, 3).dot(&Array1::<f64>::linspace(-0.5, 0.5, 3)))
        > 0.11
    {
        (a * a) - Array::from_elem((5, 3), 1.5_f64).dot(&Array1::<f64>::ones(3))
    } else {
        (-0.944_f64) * a
    };
    let t3 = &t1.mapv(|v| v * (if v > -0.0988 { v } else { v }))
        + Array2::<f64>::eye(2).var_axis(Axis(1), 0.0);
    let t4: f64 = 0.744_f64;
    let t5 = t2.view();
    let t6: Array1<f64> = -(&t3 / t3.mapv(|v| v * v + 1.0));
    (&(&t1 - &Array2::<f64>::eye(2)).dot(&t3.powi(2)) * 0.0709)
        + (t4 + t5.sum() + (&t6 * &t6).mean().unwrap())
}

#[test]
fn test_f4() {
    let mut rng = Rng::new(231300054);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, d_a) = f4_vjp(&a, seed.clone());
    assert_array(&y, &f4(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f4(xx)), &a, &d_a, "da");
}

// dims (3, 5, 4)
#[differentiable]
fn f5(a: Array1<f64>, b: &Array2<f64>, s: f64) -> f64 {
    let t1: Array1<f64> = &a.powi(3) + b.std(0.0);
    let t2 = b
        .slice(s![..4, ..])
        .dot(&b.t())
        .to_shape(((5, 4), Order::ColumnMajor))
        .unwrap()
        .mapv(f64::tanh);
    let mut t3: Array2<f64> = b
        .to_shape(((5, 4), Order::ColumnMajor))
        .unwrap()
        .into_owned();
    let mut t4: f64 = a.mean().unwrap() / (t2[[0, 2]] * t2[[0, 2]] + 1.0);
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        t3 = t3 + &t2.abs();
        t4 = t4 * 0.8 - (t2.mean().unwrap() - s);
    }
    let mut t5: Array2<f64> = Array2::<f64>::zeros((5, 4));
    let mut t6: f64 = nn::cross_entropy_one_hot(
        &Array::from_elem((3, 5), 1.5_f64),
        &nn::softmax(&Array::from_elem((3, 5), 0.25_f64), Axis(1)),
    );
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t7: Array2<f64> = &t3 + &t2;
        let t8 = t3.dot(&t2.slice(s![..4, ..])).tanh();
        t5 = &t5 * 0.7 + &nn::sigmoid(&((t3.abs() + t7) - t8));
        t6 += (a.sum() + b.sum()).tanh();
    }
    let t9: Array2<f64> = b
        .slice(s![1.., 1..])
        .dot(&Array::from_elem((3, 5), 1.5_f64))
        .to_shape((20, Order::RowMajor))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((5, 4), Order::ColumnMajor))
        .unwrap();
    let t10: f64 = if t4 > 1.47 {
        (&t9 - t3.mean().unwrap()).var(0.0).tanh()
    } else {
        0.815_f64.powi(2)
    };
    nn::cross_entropy_one_hot(
        &Array::from_elem((3, 5), 0.25_f64),
        &nn::softmax(
            &Array::from_elem((3, 5), 0.5_f64).dot(&Array2::<f64>::eye(5)),
            Axis(1),
        ),
    ) + 0.85 * t1.sum()
        + (&t5 * &t5).mean().unwrap()
        + 0.692 * t6
        + 0.891 * t10
}

#[test]
fn test_f5() {
    let mut rng = Rng::new(231300066);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let s = 0.5565;
    let (v, (d_a, d_b, d_s)) = f5_grad(a.clone(), &b, s);
    common::assert_near(v, f5(a.clone(), &b, s), "value");
    assert_fd_array(|xx| f5(xx.clone(), &b, s), &a, &d_a, "da");
    assert_fd_array(|xx| f5(a.clone(), xx, s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f5(a.clone(), &b, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f5_jvp(a.clone(), &b, s, t_a.clone(), &t_b, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) =
        f5_hvp(a.clone(), &b, s, t_a.clone(), &t_b, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = f5_grad(pp_a.clone(), &pp_b, pp_s);
    let (_, (gm_a, gm_b, gm_s)) = f5_grad(pm_a.clone(), &pm_b, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
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
fn f6(a: &Array1<f64>, b: Array1<f64>, c: &Array1<f64>, d: &Array1<f64>) -> Array1<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t1 += b[i] * b[i + 1];
    }
    let t2 = t1.tanh();
    let t3: Array1<f64> = Array::from_elem((4, 3), 0.25_f64)
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| x.max(m))
        .dot(&Array::from_elem((4, 5), 0.5_f64).dot(&Array::from_elem((5, 4), 0.5_f64)));
    let t4 = nn::logsumexp(&Array::from_elem((5, 5), 0.25_f64).sin(), Axis(0));
    let t5 = a - b.std(0.0);
    (&t3 + c).exp().sqrt()
        + (c.sum()
            + d.sum()
            + t2
            + (&t3 * &t3).mean().unwrap()
            + (&t4 * &t4).mean().unwrap()
            + t5.sum())
}

#[test]
fn test_f6() {
    let mut rng = Rng::new(231300078);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 12, 0.5, 1.5);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, 3, 0.5, 1.5);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d)) = f6_vjp(&a, b.clone(), &c, &d, seed.clone());
    assert_array(&y, &f6(&a, b.clone(), &c, &d), "value");
    assert_fd_array(
        |xx| inner(&seed, &f6(xx, b.clone(), &c, &d)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f6(&a, xx.clone(), &c, &d)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f6(&a, b.clone(), xx, &d)),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f6(&a, b.clone(), &c, xx)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (3, 5, 4)
#[differentiable]
fn f7(a: ArrayView2<f64>, b: &Array2<f64>) -> Array2<f64> {
    let t1: ArrayView2<f64> = b.t();
    let mut t2: Array2<f64> = -b;
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = t2.mapv(|v| (((v * 0.675).exp()) * ((v * 0.675).exp()) + 0.5).sqrt());
        t2 = t2 + &nn::sigmoid(&(a.mapv(f64::cos) + &t4));
        t3 = (t3 + (t4.mean().unwrap().powi(2) - t3).tanh()).tanh();
    }
    let t5 = (-0.65_f64) * (b.sum() * t3).tanh().powi(2);
    let t6 = -0.943_f64;
    let mut t7: Array2<f64> = (&nn::logsumexp(b, Axis(0)).insert_axis(Axis(0))
        / &t1
            .fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &x: &f64| {
                (x * t6).max(m)
            })
            .insert_axis(Axis(1))
            .mapv(|v| v * v + 1.0))
        .to_owned();
    let mut t8: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t9 = a.slice(s![1.., ..]).dot(&t1);
        let t10: f64 = t8.tanh();
        t7 = (&t7 + &t9.view().reversed_axes().mapv(f64::tanh)).mapv(f64::tanh);
        t8 = (t8 + (r[0] + t10)).tanh();
    }
    let t11 = (&(&(nn::logsumexp(&t2, Axis(1)).insert_axis(Axis(1)) + &t2) * 0.143)
        * &(&(nn::logsumexp(&t2, Axis(1)).insert_axis(Axis(1)) + &t2) * 0.143))
        .sum();
    (b[[0, 1]] - &a)
        .dot(
            &(&b.slice(s![1.., ..])
                - &b.fold_axis(Axis(0), f64::NEG_INFINITY, |&acc, &x| x.max(acc))
                    .insert_axis(Axis(1))),
        )
        .mapv(f64::tanh)
        * (t5 + t7.sum() + t11)
}

#[test]
fn test_f7() {
    let mut rng = Rng::new(231300090);
    let a = rand(&mut rng, (5, 4), 0.5, 1.5);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, (d_a, d_b)) = f7_vjp(a.view(), &b, seed.clone());
    assert_array(&y, &f7(a.view(), &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &f7(xx.view(), &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f7(a.view(), xx)), &b, &d_b, "db");
}

// dims (3, 4, 2)
#[differentiable]
fn f8(a: &Array2<f64>) -> f64 {
    let t1 = a.view();
    let mut t2: Array2<f64> = (0.954_f64 + a).to_owned();
    if a.var_axis(Axis(1), 1.0)
        .dot(&t2)
        .mapv(f64::tanh)
        .dot(&a.sum_axis(Axis(0)))
        < 0.141
    {
        t2 = &t2 * 0.897 + &a.powi(2);
    }
    let t3 = t1.view();
    (-0.553_f64) + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_f8() {
    let mut rng = Rng::new(231300102);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, d_a) = f8_grad(&a);
    common::assert_near(v, f8(&a), "value");
    assert_fd_array(|xx| f8(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f8_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f8_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f8_grad(&pp_a);
    let (_, gm_a) = f8_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 4, 2)
#[differentiable]
fn h9(a: Array2<f64>, b: &Array2<f64>, c: &Array1<f64>) -> Array2<f64> {
    let t1: Array2<f64> = &c.mapv(f64::cos).insert_axis(Axis(1))
        / (&a.var_axis(Axis(0), 1.0).mapv(|v| v).insert_axis(Axis(0))
            * &a.var_axis(Axis(0), 1.0).mapv(|v| v).insert_axis(Axis(0))
            + 0.5);
    let mut t2: f64 = 0.0;
    for i in 0..3 {
        t2 = t2 * 0.8 + c[i].sin() * c[i + 1];
    }
    (&b.slice(s![..4, ..]) * &c.view().insert_axis(Axis(1)))
        .dot(&a.dot(&t1.slice(s![2.., ..])))
        .tanh()
        * ((b * b).mean().unwrap() + t1.sum() + t2)
}

#[test]
fn test_h9() {
    let mut rng = Rng::new(231300114);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h9_vjp(a.clone(), &b, &c, seed.clone());
    assert_array(&y, &h9(a.clone(), &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &h9(xx.clone(), &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h9(a.clone(), xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h9(a.clone(), &b, xx)), &c, &d_c, "dc");
}

// dims (5, 4, 2)
#[differentiable]
fn f9(a: &Array1<f64>, b: &Array2<f64>) -> Array1<f64> {
    let t1: f64 = (nn::logsumexp(b, Axis(1)) + (-0.895_f64)).sum();
    let t2 = h9(
        b.slice(s![..4, 1..3]).to_owned(),
        &b.mapv(|v| (v.exp()).powi(2) - 0.5),
        &b.t().std_axis(Axis(1), 0.0),
    );
    let t3 = t2.mapv(f64::tanh);
    let mut t4 = Array1::<f64>::zeros(2);
    let mut t5: f64 = 0.0;
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        t4 = (&t4 + &(&r * 0.01)).mapv(f64::tanh);
        t5 = t5 * 0.8 - ((r.sum() + a[1]).tanh() + t2.sum()).tanh();
    }
    let mut t6: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t6 += (a[i + 1] * 0.602 - a[i]).tanh();
    }
    (-a).cos() + (t1 + t3.sum() + t4.sum() + t5 + t6)
}

#[test]
fn test_f9() {
    let mut rng = Rng::new(231300116);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b)) = f9_vjp(&a, &b, seed.clone());
    assert_array(&y, &f9(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f9(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f9(&a, xx)), &b, &d_b, "db");
}

// dims (2, 5, 4)
#[differentiable]
fn h10(a: Array1<f64>, b: &Array1<f64>) -> f64 {
    let t1 = a.view();
    let t2: Array1<f64> = a.exp().sqrt();
    (0.75_f64 - (-1.05_f64)).cos() + 0.554 * b.sum() + 0.62 * t1.sum() + 0.96 * t2.sum()
}

#[test]
fn test_h10() {
    let mut rng = Rng::new(231300128);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b)) = h10_grad(a.clone(), &b);
    common::assert_near(v, h10(a.clone(), &b), "value");
    assert_fd_array(|xx| h10(xx.clone(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| h10(a.clone(), xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h10_jvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h10_hvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h10_grad(pp_a.clone(), &pp_b);
    let (_, (gm_a, gm_b)) = h10_grad(pm_a.clone(), &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (2, 5, 4)
#[differentiable]
fn f10(a: &Array2<f64>, b: &Array1<f64>, c: &Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> = nn::softplus(&(a - c.sum_axis(Axis(0)).insert_axis(Axis(0))));
    let mut t2: f64 = 0.0;
    for i in 0..b.len() - 1 {
        let t3 = b[i + 1] - b[i] * b[i];
        let t4 = 1.0 - b[i];
        t2 += 2.17 * t3 * t3 + t4 * t4;
    }
    let t5 = t2.tanh();
    let mut t6: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t6 += b[i] * b[i + 1];
    }
    let t7 = h10(
        Array::from_elem((2, 5), 0.25_f64).dot(&c.fold_axis(
            Axis(1),
            f64::INFINITY,
            |&m: &f64, &x: &f64| x.min(m),
        )),
        &b.mapv(f64::tanh),
    );
    let t8 = t7.tanh();
    let t9 = c.view();
    let mut t10: Array2<f64> = nn::sigmoid(&t9).to_owned();
    if t2 < 1.05 {
        let t11: f64 = (a * a).sum();
        t10 = &t10 * 0.702 + &t9;
    }
    (nn::logsumexp(a, Axis(1)).insert_axis(Axis(1)) / &t9.mapv(|v| v * v + 1.0))
        .map(|&v| (v * 1.14).tanh().exp())
        + (t1.sum() + t5 + t6 + t7 + t8 + t10.sum())
}

#[test]
fn test_f10() {
    let mut rng = Rng::new(231300130);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f10_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &f10(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f10(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f10(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f10(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (2, 5, 3)
#[differentiable(wrt(a))]
fn f11(a: &Array1<f64>, k: usize, b: &Array2<f64>) -> f64 {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1 = b
        .slice(s![..2, ..])
        .mapv(|v| v)
        .to_shape(((2, 5), ord))
        .unwrap()
        .to_owned();
    let mut t2: Array2<f64> = (b / ((-1.09_f64) * (-1.09_f64) + 1.0)).to_owned();
    if 0.541_f64 > 0.341 {
        let t3 = (-1.05_f64) + 1.19_f64;
        t2 = &t2 * 0.35 + &t2.mapv(|v| v * t3);
    }
    let mut t4: f64 = 0.0;
    for i in 0..1 {
        t4 += a[i] * a[i + 1];
    }
    let mut t5: f64 = nn::cross_entropy(&t1, &vec![3usize; 2]);
    if (t4 + t2[[0, 4]]).tanh().exp() < -1.15 {
        let t6: f64 = (a.mean().unwrap().powi(2) + 0.5).sqrt();
        t5 = t5 * 0.81 + (b[[0, 3]] * (-1.35_f64));
    } else {
        t5 = t4.tanh() - t5;
    }
    let t7 = b.index_axis(Axis(1), 1);
    let mut t8: Array2<f64> = nn::softplus(b).to_owned();
    let mut t9: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t10: Array1<f64> = &r - b.mean().unwrap();
        let t11 = &t10.dot(&Array::from_elem((5, 5), 1.5_f64)) * 0.133;
        t8 = &t8 + &b.slice(s![.., ..3]).dot(&t8).mapv(f64::tanh);
        t9 = (t9
            + t11
                .mapv(|v| ((v.powi(2) - 0.5) * (v.powi(2) - 0.5) + 0.5).sqrt())
                .sum()
                .tanh())
        .tanh();
    }
    let t12 = a.view();
    t7.mean().unwrap().tanh()
        + 0.585 * t5
        + 0.782 * t7.sum()
        + 0.463 * t9
        + (&t12 * &t12).mean().unwrap()
}

#[test]
fn test_f11() {
    let mut rng = Rng::new(231300142);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f11_grad(&a, k, &b);
        common::assert_near(v, f11(&a, k, &b), "value");
        assert_fd_array(|xx| f11(xx, k, &b), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 2, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f11_jvp(&a, k, &b, &t_a);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f11_hvp(&a, k, &b, &t_a);
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f11_grad(&pp_a, k, &b);
        let (_, gm_a) = f11_grad(&pm_a, k, &b);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (4, 5, 2)
#[differentiable]
fn f12(a: &Array1<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1 = Array::from_elem((5, 4), 0.5_f64)
        .mapv_into(f64::tanh)
        .to_shape(((4, 5), ord))
        .unwrap()
        .to_owned();
    let t2 = (-&t1.slice(s![1..3, 1..])).sum_axis(Axis(1));
    let t3 = if a.mean().unwrap() < 0.44 {
        &t2 * t1.mean().unwrap()
    } else {
        (&t2 / &t2.mapv(|v| v * v + 1.0)).mapv(|v| (v.tanh().exp()).sin())
    };
    let t4 = &(&(&t2 / &(nn::sigmoid(&t2) + 0.25)) * 0.125) * t1.slice(s![2.., 3..]).dot(a);
    let t5 = t1.t();
    let mut t6: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t6 = t6 * 0.8 + a[i].sin() * a[i + 1];
    }
    let mut t7 = Array2::<f64>::zeros((4, 5));
    let mut t8: f64 = t6;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t7 = &t7
            + &(&t1 / &(nn::softplus(&t7.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1))) + 0.5));
        t8 += t3.mean().unwrap().tanh();
    }
    ((&t7 * &t7).sum() + t6).tanh() + 0.837 * t4.sum() + 0.384 * t5.sum() + 0.28 * t8
}

#[test]
fn test_f12() {
    let mut rng = Rng::new(231300154);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f12_grad(&a, k);
        common::assert_near(v, f12(&a, k), "value");
        assert_fd_array(|xx| f12(xx, k), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 2, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f12_jvp(&a, k, &t_a);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f12_hvp(&a, k, &t_a);
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f12_grad(&pp_a, k);
        let (_, gm_a) = f12_grad(&pm_a, k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (3, 4, 5)
#[differentiable]
fn f13(k: usize, a: &Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = a
        .slice(s![..3, ..])
        .dot(&a.view().reversed_axes())
        .to_shape(((3, 4), ord))
        .unwrap()
        .to_owned();
    let t2: Array1<f64> = nn::sigmoid(
        &t1.fold_axis(Axis(1), f64::INFINITY, |&m, &v| f64::min(v, m))
            .mapv(|v| (v.powi(2) - 0.5).powi(2) - 0.5),
    );
    let t3: Array2<f64> = nn::softmax(a, Axis(1))
        .mapv_into(f64::tanh)
        .dot(
            &(&(t1[[2, 3]] * &Array::from_elem((5, 5), 1.5_f64))
                + nn::logsumexp(&Array::from_elem((5, 5), 0.25_f64), Axis(1)).insert_axis(Axis(1))),
        )
        .mapv(f64::tanh);
    let t4 = (-1.15_f64).sin();
    let mut t5: Array1<f64> = nn::logsumexp(&t3, Axis(0));
    let mut t6: f64 = b.dot(b);
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t7: Array1<f64> = a.index_axis(Axis(0), 3).mapv(|v| v * 1.14);
        let t8: f64 = r.dot(&t5);
        t5 = &t5 * 0.7 + &(&t7 * &t7 + 0.5).ln();
        t6 = (t6 + ((t8 * t1[[0, 0]]).tanh() + t7.var(1.0)).tanh()).tanh();
    }
    let t9 = a.view();
    let t10: Array2<f64> =
        b.powf(0.5).insert_axis(Axis(1)) - nn::softplus(&t5).insert_axis(Axis(0));
    let t11 = t1.index_axis(Axis(0), 2);
    ((-&t2) - t6) * (t2.sum() + t4 + t6 + t9.sum() + (&t10 * &t10).mean().unwrap() + t11.sum())
}

#[test]
fn test_f13() {
    let mut rng = Rng::new(231300166);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    for k in 0..2usize {
        let seed = rand(&mut rng, 3, -1.0, 1.0);
        let (y, (d_a, d_b)) = f13_vjp(k, &a, &b, seed.clone());
        assert_array(&y, &f13(k, &a, &b), "value");
        assert_fd_array(|xx| inner(&seed, &f13(k, xx, &b)), &a, &d_a, "da");
        assert_fd_array(|xx| inner(&seed, &f13(k, &a, xx)), &b, &d_b, "db");
    }
}

// dims (2, 3, 5)
#[differentiable]
fn f14(a: &Array1<f64>, b: Array2<f64>, c: &Array2<f64>, k: usize, s: f64, d: Array1<f64>) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1: Array2<f64> = (-&b.slice(s![.., 2..4]))
        .to_shape(((2, 3), ord))
        .unwrap()
        .into_owned();
    let t2 = a.slice(s![1..]);
    let mut t3 = Array2::<f64>::zeros((2, 3));
    let mut t4: f64 = t3.sum().sin();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t5: f64 = s - (i as f64 * 0.3);
        let t6: Array1<f64> = a + a;
        t3 = &t1.mapv(|v| v * s) * t4 + t3;
        t4 = t4 * 0.8 - (t5.cos() + t6.mean().unwrap());
    }
    let mut t7: Array2<f64> = (&t3 * b.mean().unwrap()).to_owned();
    if (-0.385_f64) > -0.337 {
        t7 = &t7 * 0.552 + &b.slice(s![.., 3..]).to_shape((2, 3)).unwrap().into_owned();
    }
    let t8: Array1<f64> = nn::sigmoid(&(&d + &d));
    let t9 = (a[0]
        - &ad_runtime::ndarray::concatenate(
            Axis(1),
            &[b.slice(s![.., 1..3]), b.slice(s![.., 1..4])],
        )
        .unwrap())
        + (&b * d[0]);
    (s / (b.mean().unwrap().powi(2) + 0.5)).powi(2)
        + (c * c).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + 0.455 * t7.sum()
        + 0.963 * t8.sum()
        + 0.319 * t9.sum()
}

#[test]
fn test_f14() {
    let mut rng = Rng::new(231300178);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let c = rand(&mut rng, (2, 3), 0.5, 1.5);
    let s = -0.6273;
    let d = rand(&mut rng, 2, 0.5, 1.5);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_s, d_d)) = f14_grad(&a, b.clone(), &c, k, s, d.clone());
        common::assert_near(v, f14(&a, b.clone(), &c, k, s, d.clone()), "value");
        assert_fd_array(|xx| f14(xx, b.clone(), &c, k, s, d.clone()), &a, &d_a, "da");
        assert_fd_array(
            |xx| f14(&a, xx.clone(), &c, k, s, d.clone()),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(|xx| f14(&a, b.clone(), xx, k, s, d.clone()), &c, &d_c, "dc");
        let fd_s = fd(
            |xx: &Array<f64, _>| f14(&a, b.clone(), &c, k, xx[()], d.clone()),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(
            |xx| f14(&a, b.clone(), &c, k, s, xx.clone()),
            &d,
            &d_d,
            "dd",
        );
    }
}

// dims (4, 3, 2)
#[differentiable]
fn f15(a: &Array2<f64>, s: f64) -> f64 {
    let mut t1: Array2<f64> = a.mapv(f64::sin);
    if (a.mean().unwrap() * 0.95_f64).powi(2) < 0.0519 {
        let t2 = (a * a).sum();
        t1 = &t1 * 0.699 + a;
    }
    let t3: ArrayView2<f64> = a.view();
    let t4 = (t1[[3, 1]].powi(2) + 0.5).ln();
    let t5 = t3.index_axis(Axis(0), 2);
    1.14_f64 + 0.654 * s + 0.933 * t4 + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f15() {
    let mut rng = Rng::new(231300190);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = 0.5708;
    let (v, (d_a, d_s)) = f15_grad(&a, s);
    common::assert_near(v, f15(&a, s), "value");
    assert_fd_array(|xx| f15(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f15(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f15_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f15_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f15_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = f15_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (4, 3, 2)
#[differentiable]
fn f16(a: &Array2<f64>, s: f64, b: &Array1<f64>, c: &Array2<f64>, d: ArrayView2<f64>) -> f64 {
    let t1 = d.row(3);
    let t2: Array1<f64> = (a + a.mean().unwrap()).dot(&(&t1 + &t1));
    let t3 = ad_runtime::ndarray::stack(
        Axis(1),
        &[
            b.mapv(|v| (v * 1.02).powi(2) - 0.5).view(),
            a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &x: &f64| x.max(m))
                .view(),
        ],
    )
    .unwrap()
    .var_axis(Axis(1), 0.0);
    let mut t4: f64 = 0.0;
    for i in 1..b.len() {
        t4 += (b[i] - b[i - 1]).powi(2) * 1.06;
    }
    let t5: f64 = t4.tanh();
    let t6 = b.view();
    ((0.66_f64 * t5) * (b.mean().unwrap() / s))
        + 0.512 * s
        + (c * c).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
        + 0.861 * t5
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f16() {
    let mut rng = Rng::new(231300202);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let s = 1.2256;
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let d = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_c, d_d)) = f16_grad(&a, s, &b, &c, d.view());
    common::assert_near(v, f16(&a, s, &b, &c, d.view()), "value");
    assert_fd_array(|xx| f16(xx, s, &b, &c, d.view()), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f16(&a, xx[()], &b, &c, d.view()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f16(&a, s, xx, &c, d.view()), &b, &d_b, "db");
    assert_fd_array(|xx| f16(&a, s, &b, xx, d.view()), &c, &d_c, "dc");
    let d_d: Array2<f64> = d_d;
    assert_fd_array(|xx| f16(&a, s, &b, &c, xx.view()), &d, &d_d, "dd");
}

// dims (5, 3, 4)
#[differentiable]
fn h17(a: &Array1<f64>, s: f64, b: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = (-Array::from_elem((5, 15), 0.25_f64)).var_axis(Axis(0), 0.0);
    ((b.mean().unwrap() + a.sum()) * ((-0.389_f64) + s)).tanh()
        + (a * a).mean().unwrap()
        + 0.659 * s
        + (b * b).mean().unwrap()
        + 0.217 * t1.sum()
}

#[test]
fn test_h17() {
    let mut rng = Rng::new(231300214);
    let a = rand(&mut rng, 4, 0.5, 1.5);
    let s = 0.8160;
    let b = rand(&mut rng, 15, 0.5, 1.5);
    let (v, (d_a, d_s, d_b)) = h17_grad(&a, s, &b);
    common::assert_near(v, h17(&a, s, &b), "value");
    assert_fd_array(|xx| h17(xx, s, &b), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h17(&a, xx[()], &b),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| h17(&a, s, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, 15, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h17_jvp(&a, s, &b, &t_a, t_s, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum();
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b), (hh_a, hh_s, hh_b)) = h17_hvp(&a, s, &b, &t_a, t_s, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b)) = h17_grad(&pp_a, pp_s, &pp_b);
    let (_, (gm_a, gm_s, gm_b)) = h17_grad(&pm_a, pm_s, &pm_b);
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

// dims (5, 3, 4)
#[differentiable]
fn f17(a: &Array2<f64>, b: Array1<f64>, k: usize, c: &Array2<f64>, d: ArrayView2<f64>) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = a
        .t()
        .to_shape(((5, 3), ord))
        .unwrap()
        .to_shape(((5, 3), ord))
        .unwrap()
        .into_owned();
    let t2 = (a * nn::sigmoid(&t1)).cos();
    let t3: Array2<f64> = ((0.781_f64 / (t2.sum() * t2.sum() + 1.0))
        * &(&d / (t1.sum() * t1.sum() + 1.0)))
        .dot(&((-t2.mean_axis(Axis(0)).unwrap()) * &nn::softmax(&t1.slice(s![1..4, ..]), Axis(0))));
    let mut t4: f64 = 0.0;
    for i in 1..b.len() {
        t4 += (b[i] - b[i - 1]).powi(2) * 0.994;
    }
    let t5: f64 = t4.tanh();
    let t6 = (&c.mapv(|v| if v > 0.313 { v * t5 } else { (v * 0.849).sin() }) + (c * c).sum())
        .mapv(f64::tanh)
        .map(|&v| ((v * t5).exp()).tanh());
    let mut t7: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t7 += (b[i + 1] * t5 - b[i]).tanh();
    }
    ((t1[[3, 2]] + 0.396).abs() + 0.522).abs()
        + (&t3 * &t3).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
        + 0.824 * t7
}

#[test]
fn test_f17() {
    let mut rng = Rng::new(231300216);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let d = rand(&mut rng, (4, 3), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_d)) = f17_grad(&a, b.clone(), k, &c, d.view());
        common::assert_near(v, f17(&a, b.clone(), k, &c, d.view()), "value");
        assert_fd_array(|xx| f17(xx, b.clone(), k, &c, d.view()), &a, &d_a, "da");
        assert_fd_array(|xx| f17(&a, xx.clone(), k, &c, d.view()), &b, &d_b, "db");
        assert_fd_array(|xx| f17(&a, b.clone(), k, xx, d.view()), &c, &d_c, "dc");
        let d_d: Array2<f64> = d_d;
        assert_fd_array(|xx| f17(&a, b.clone(), k, &c, xx.view()), &d, &d_d, "dd");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, 4, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, (5, 3), -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let t_d = rand(&mut rng, (4, 3), -1.0, 1.0);
        let pp_d = &d + &(&t_d * hstep);
        let pm_d = &d - &(&t_d * hstep);
        let (vj, tj) = f17_jvp(
            &a,
            b.clone(),
            k,
            &c,
            d.view(),
            &t_a,
            t_b.clone(),
            &t_c,
            t_d.view(),
        );
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
        let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) = f17_hvp(
            &a,
            b.clone(),
            k,
            &c,
            d.view(),
            &t_a,
            t_b.clone(),
            &t_c,
            t_d.view(),
        );
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c, gp_d)) = f17_grad(&pp_a, pp_b.clone(), k, &pp_c, pp_d.view());
        let (_, (gm_a, gm_b, gm_c, gm_d)) = f17_grad(&pm_a, pm_b.clone(), k, &pm_c, pm_d.view());
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
        assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    }
}

// dims (5, 3, 4)
#[differentiable]
fn h18(a: Array1<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = nn::softmax(&a, Axis(0));
    if ((-1.41_f64) / (t1.mean().unwrap().powi(2) + 0.5)) < 0.101 {
        t1 = &t1 * 0.602 + &a;
    }
    let t2: Array1<f64> = &nn::softplus(&t1) / &(nn::softplus(&(&a + t1.sum())) + 0.5);
    (t2[0] * &t2).mapv(f64::tanh).sin() + (t2.sum())
}

#[test]
fn test_h18() {
    let mut rng = Rng::new(231300228);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, d_a) = h18_vjp(a.clone(), seed.clone());
    assert_array(&y, &h18(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h18(xx.clone())), &a, &d_a, "da");
}

// dims (5, 3, 4)
#[differentiable(wrt(a, s))]
fn f18(a: &Array1<f64>, b: &Array2<f64>, s: f64, c: &Array2<f64>) -> f64 {
    let t1 = if s < 0.486 {
        &(Array1::<f64>::ones(4) / &Array1::<f64>::ones(4))
            * &(&a.view().insert_axis(Axis(1)) - Array::from_elem((3, 4), 0.5_f64))
    } else {
        Array::from_elem((3, 4), 0.25_f64).map(|&v| ((v * 1.07) * (v * 1.07) + 1.0).ln())
    };
    let t2: Array2<f64> = nn::log_softmax(&Array::from_elem((5, 5), 0.25_f64), Axis(1))
        .mapv_into(|v| (v * (v * s)).tanh().exp())
        .dot(&(-&(c - &a.view().insert_axis(Axis(0)))))
        .mapv(f64::tanh);
    let t3 = b
        .fold_axis(Axis(0), f64::INFINITY, |&m, &x| f64::min(m, x * s))
        .powi(2)
        .mapv_into(f64::sin);
    let t4: f64 = nn::cross_entropy(
        &(&b.t() * t1[[1, 1]])
            .to_shape(((5, 3), Order::F))
            .unwrap()
            .into_owned(),
        &vec![0usize; 5],
    );
    (t3[1] + s.cos()) + (&t2 * &t2).mean().unwrap() + 0.283 * t4
}

#[test]
fn test_f18() {
    let mut rng = Rng::new(231300230);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), 0.5, 1.5);
    let s = -1.1209;
    let c = rand(&mut rng, (5, 3), 0.5, 1.5);
    let (v, (d_a, d_s)) = f18_grad(&a, &b, s, &c);
    common::assert_near(v, f18(&a, &b, s, &c), "value");
    assert_fd_array(|xx| f18(xx, &b, s, &c), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f18(&a, &b, xx[()], &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f18_jvp(&a, &b, s, &c, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f18_hvp(&a, &b, s, &c, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f18_grad(&pp_a, &b, pp_s, &c);
    let (_, (gm_a, gm_s)) = f18_grad(&pm_a, &b, pm_s, &c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (5, 3, 5)
#[differentiable]
fn f19(a: Array2<f64>) -> f64 {
    let mut t1: f64 = a.mean().unwrap();
    if (1.41_f64 * t1.cos()) > 0.405 {
        t1 = t1 * 0.496 + a[[3, 1]];
    }
    let t2 = a.std(1.0) / ((a[[2, 0]] - a.mean().unwrap()) * (a[[2, 0]] - a.mean().unwrap()) + 1.0);
    let t3 = -&a.exp().ln().map(|&v| (v.exp()).powi(2) - 0.5);
    let t4: Array2<f64> = (&a.column(1).insert_axis(Axis(1)) - &a).tanh();
    let mut t5: Array1<f64> = t4.t().mean_axis(Axis(1)).unwrap().to_owned();
    let mut t6: f64 = 0.0;
    for i in 0..t3.nrows() {
        let r = t3.row(i);
        let t7 = t4.index_axis(Axis(0), 2);
        t5 = &((t4.mean().unwrap() + &r) - t7).mapv(f64::tanh) * nn::mse(&a, &t4).tanh() + t5;
        t6 += nn::cross_entropy(&t3, &vec![0usize; 5]).sin();
    }
    (((-1.14_f64) + t5.mean().unwrap()) + 0.819_f64) + 0.842 * t2 + 0.351 * t5.sum() + 0.874 * t6
}

#[test]
fn test_f19() {
    let mut rng = Rng::new(231300242);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, d_a) = f19_grad(a.clone());
    common::assert_near(v, f19(a.clone()), "value");
    assert_fd_array(|xx| f19(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f19_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f19_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f19_grad(pp_a.clone());
    let (_, gm_a) = f19_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 4, 2)
#[differentiable]
fn h20(a: ArrayView2<f64>) -> f64 {
    let mut t1: Array2<f64> = a.mapv(f64::tanh).to_owned();
    let mut t2: f64 = a.mean().unwrap();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = (t2 + 0.249).abs();
        t1 = (&t1 + &ad_runtime::ndarray::stack(Axis(0), &[r, r]).unwrap()).mapv(f64::tanh);
        t2 += (r.sum() + t3).tanh();
    }
    let t4 = (&t1 * &t1.std_axis(Axis(0), 1.0).insert_axis(Axis(0))).map(|&v| {
        if v > -0.214 {
            (v * 0.802).powi(2) - 0.5
        } else {
            v.sin()
        }
    });
    let t5: f64 = (-0.96_f64).powi(2);
    nn::mse(&t1.map(|&v| ((v * t5).tanh()).sin()), &(t4[[1, 0]] + &t1))
        + (&t4 * &t4).mean().unwrap()
        + 0.762 * t5
}

#[test]
fn test_h20() {
    let mut rng = Rng::new(231300254);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (v, d_a) = h20_grad(a.view());
    common::assert_near(v, h20(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h20(xx.view()), &a, &d_a, "da");
}

// dims (3, 4, 2)
#[differentiable]
fn f20(a: &Array1<f64>) -> f64 {
    let t1: f64 =
        h20((Array::from_elem((2, 4), 0.5_f64) * Array::from_elem((2, 4), 0.5_f64)).view());
    let t2 = t1.tanh();
    let t3: Array1<f64> = nn::logsumexp(&Array::from_elem((4, 4), 1.5_f64), Axis(0)) * a.std(0.0);
    let t4: Array1<f64> = Array::from_elem((2, 2), 0.5_f64)
        .dot(&(t2 / (nn::sigmoid(&Array::from_elem((2, 4), 0.25_f64)) + 0.25)))
        .mean_axis(Axis(0))
        .unwrap();
    let t5: Array1<f64> = (nn::sigmoid(&t4) + 0.25)
        .sqrt()
        .dot(&nn::relu(&Array::from_elem((4, 4), 1.5_f64)));
    nn::cross_entropy(&Array::from_elem((3, 4), 0.25_f64), &vec![2usize; 3]).sin()
        + 0.559 * t1
        + 0.563 * t3.sum()
        + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f20() {
    let mut rng = Rng::new(231300256);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let (v, d_a) = f20_grad(&a);
    common::assert_near(v, f20(&a), "value");
    assert_fd_array(|xx| f20(xx), &a, &d_a, "da");
}

// dims (2, 4, 5)
#[differentiable]
fn h21(a: &Array1<f64>, s: f64, p: f64) -> Array1<f64> {
    let t1 = nn::softmax(a, Axis(0)).mapv(f64::tanh);
    let t2 = (&t1 * a).powi(3);
    a.mapv(|v| ((v * p + p) * (v * p + p) + 1.0).ln())
        .mapv_into(|v| ((v * 0.606).sin()) * p + p)
        + (s + p + (&t2 * &t2).mean().unwrap())
}

#[test]
fn test_h21() {
    let mut rng = Rng::new(231300268);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let s = 0.8867;
    let p = 1.0903;
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_s, d_p)) = h21_vjp(&a, s, p, seed.clone());
    assert_array(&y, &h21(&a, s, p), "value");
    assert_fd_array(|xx| inner(&seed, &h21(xx, s, p)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h21(&a, xx[()], p)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &h21(&a, s, xx[()])),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (2, 4, 5)
#[differentiable(wrt(a, s, q))]
fn f21(a: &Array1<f64>, s: f64, p: f64, q: f64) -> f64 {
    let t1 =
        ((-1.49_f64) - &Array2::<f64>::eye(2))
            .fold_axis(Axis(1), f64::NEG_INFINITY, |&acc, &x| acc.max(x * -0.926));
    let t2: Array1<f64> = h21(
        &a.mapv(|v| (((v * 0.922) * (v * 0.922) + 1.0).ln()) * q + q)
            .mapv(|v| v * v + 1.0),
        a.mean().unwrap() * a.mean().unwrap() + 1.0,
        a.sum(),
    );
    let t3: Array1<f64> = t2.mapv(f64::tanh);
    let t4 = ((t1 - t2.tanh()).map(|&v| ((v * p).tanh()) * (((v * s) * (v * s) + 0.5).sqrt()))
        * nn::logsumexp(&Array::from_elem((2, 2), 1.5_f64), Axis(0)).sum())
    .mapv(f64::tanh);
    nn::cross_entropy(&(-Array::from_elem((2, 4), 0.25_f64)), &vec![0usize; 2])
        + (&t3 * &t3).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f21() {
    let mut rng = Rng::new(231300270);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let s = 0.6890;
    let p = 0.6526;
    let q = 1.0951;
    let (v, (d_a, d_s, d_q)) = f21_grad(&a, s, p, q);
    common::assert_near(v, f21(&a, s, p, q), "value");
    assert_fd_array(|xx| f21(xx, s, p, q), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f21(&a, xx[()], p, q),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_q = fd(
        |xx: &Array<f64, _>| f21(&a, s, p, xx[()]),
        &Array::from_elem((), q),
    );
    common::assert_close_tol(&[d_q], &[fd_q[()]], 1e-5, "dq");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_q = 0.7;
    let (pp_q, pm_q) = (q + hstep * t_q, q - hstep * t_q);
    let (vj, tj) = f21_jvp(&a, s, p, q, &t_a, t_s, t_q);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + d_q * t_q;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (d_q * t_q).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_q), (hh_a, hh_s, hh_q)) = f21_hvp(&a, s, p, q, &t_a, t_s, t_q);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_q)) = f21_grad(&pp_a, pp_s, p, pp_q);
    let (_, (gm_a, gm_s, gm_q)) = f21_grad(&pm_a, pm_s, p, pm_q);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
    assert_hv_array(
        &Array::from_elem((), hh_q),
        &Array::from_elem((), gp_q),
        &Array::from_elem((), gm_q),
        hstep,
        "H t q",
    );
}

// dims (4, 2, 4)
#[differentiable]
fn f22(a: &Array1<f64>, b: ArrayView2<f64>, c: &Array2<f64>, s: f64) -> Array1<f64> {
    let t1 = c[[1, 0]].tanh().cos();
    let t2: Array2<f64> = &b.t()
        / &(&b.fold_axis(Axis(1), f64::INFINITY, |acc, x| acc.min(*x)) * a[2])
            .insert_axis(Axis(0))
            .exp();
    let t3 = if (&(&b * c.std_axis(Axis(1), 1.0).insert_axis(Axis(0)))
        * &(&b * c.std_axis(Axis(1), 1.0).insert_axis(Axis(0))))
        .sum()
        < 0.0638
    {
        s
    } else {
        c[[1, 0]].cos().sin()
    };
    let t4: f64 = t1.exp().ln();
    let mut t5: Array2<f64> = c.map(|&v| ((v * t4) * v).exp()).to_owned();
    if c[[0, 1]] > -0.465 {
        t5 = &t5 * 0.896 + &nn::sigmoid(&t5.mapv(|v| ((v * t3) * (v * 0.758)) * t1 + t1));
    } else {
        t5 = &nn::sigmoid(
            &(c + &t2
                .fold_axis(Axis(0), f64::INFINITY, |&m, &v| v.min(m))
                .insert_axis(Axis(0))),
        ) - &t5;
    }
    let mut t6: f64 = 0.0;
    for i in 1..a.len() {
        t6 += (a[i] - a[i - 1]).powi(2) * 1.18;
    }
    let t7 = t6.tanh();
    let mut t8: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t8 += (a[i + 1] * t3 - a[i]).tanh();
    }
    a.cos().mapv(|v| {
        if v > 0.1 {
            ((v * 1.16) * (v * 1.16) + 0.5).sqrt()
        } else {
            v * 0.473
        }
    }) * (t7 + t8)
}

#[test]
fn test_f22() {
    let mut rng = Rng::new(231300282);
    let a = rand(&mut rng, 8, -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = -0.3435;
    let seed = rand(&mut rng, 8, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_s)) = f22_vjp(&a, b.view(), &c, s, seed.clone());
    assert_array(&y, &f22(&a, b.view(), &c, s), "value");
    assert_fd_array(|xx| inner(&seed, &f22(xx, b.view(), &c, s)), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(
        |xx| inner(&seed, &f22(&a, xx.view(), &c, s)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(|xx| inner(&seed, &f22(&a, b.view(), xx, s)), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f22(&a, b.view(), &c, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (5, 3, 4)
#[differentiable]
fn f23(a: &Array2<f64>, s: f64, k: usize, p: f64) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = (a.mean_axis(Axis(0)).unwrap().insert_axis(Axis(1))
        + &a.index_axis(Axis(1), 0).insert_axis(Axis(0)))
        .to_shape(((5, 3), ord))
        .unwrap()
        .to_owned();
    let t2 = a.t();
    let t3 = (&t2
        .to_shape((15, ord))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((5, 3), Order::F))
        .unwrap()
        * &t2
            .to_shape((15, ord))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((5, 3), Order::F))
            .unwrap())
        .sum();
    let t4 = nn::cross_entropy_one_hot(
        &(a / &(nn::softplus(&t1) + 0.5)),
        &nn::softmax(&t2.to_shape((5, 3)).unwrap().into_owned(), Axis(1)),
    );
    let t5: ArrayView2<f64> = t2.t();
    let t6 = t2.t();
    t4 + 0.822 * s
        + 0.259 * p
        + 0.412 * t3
        + 0.953 * t4
        + (&t5 * &t5).mean().unwrap()
        + 0.815 * t6.sum()
}

#[test]
fn test_f23() {
    let mut rng = Rng::new(231300294);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let s = -0.7036;
    let p = -0.8348;
    for k in 0..2usize {
        let (v, (d_a, d_s, d_p)) = f23_grad(&a, s, k, p);
        common::assert_near(v, f23(&a, s, k, p), "value");
        assert_fd_array(|xx| f23(xx, s, k, p), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| f23(&a, xx[()], k, p),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        let fd_p = fd(
            |xx: &Array<f64, _>| f23(&a, s, k, xx[()]),
            &Array::from_elem((), p),
        );
        common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_s = 0.5;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let t_p = 0.7;
        let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
        let (vj, tj) = f23_jvp(&a, s, k, p, &t_a, t_s, t_p);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + d_p * t_p;
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (d_p * t_p).abs();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_s, hg_p), (hh_a, hh_s, hh_p)) = f23_hvp(&a, s, k, p, &t_a, t_s, t_p);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_s, gp_p)) = f23_grad(&pp_a, pp_s, k, pp_p);
        let (_, (gm_a, gm_s, gm_p)) = f23_grad(&pm_a, pm_s, k, pm_p);
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

// dims (5, 4, 2)
#[differentiable(wrt(a, b))]
fn f24(a: &Array2<f64>, b: &Array2<f64>, s: f64, c: &Array1<f64>) -> Array2<f64> {
    let mut t1: Array2<f64> = b.to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3 = r.powi(2);
        t1 = &t1 * s.powi(2) + t1;
        t2 += ((a.mean().unwrap().powi(2) - (i as f64 * 0.3)) + t3.mean().unwrap()).tanh();
    }
    let mut t4: Array1<f64> = c.to_owned();
    if a[[1, 0]] < -0.2 {
        t4 = &t4 * 0.372 + &nn::logsumexp(&Array::from_elem((2, 5), 0.5_f64), Axis(0));
    } else {
        t4 =
            &Array::from_elem((5, 5), 1.5_f64)
                .fold_axis(Axis(0), f64::NEG_INFINITY, |&acc, &x| (x * -0.395).max(acc))
                - &t4;
    }
    let t5: Array1<f64> = (&nn::sigmoid(&t1.std_axis(Axis(1), 1.0))
        .mapv(|v| ((v * s) * (v * s) + 1.0).ln())
        .exp()
        / (s + 0.511).abs().exp())
    .tanh();
    let mut t6: Array1<f64> = &b.index_axis(Axis(0), 0) / &b.std_axis(Axis(0), 1.0).exp();
    let mut t7: f64 = a.mean().unwrap();
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t8 = &r * &t6;
        t6 = &t6 * 0.7 + &(&(&(&r + &r.mapv(|v| v * t7)) + t8) * 0.213);
        t7 += (t4.mean().unwrap() + 0.225).abs().powi(2).tanh();
    }
    let t9: Array1<f64> = t6.mapv(f64::tanh);
    let mut t10 = Array1::<f64>::zeros(2);
    let mut t11: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t10 = &r * a.sum().tanh() + t10;
        t11 = (t11 + (&t10 - &t9).std(1.0).tanh()).tanh();
    }
    let mut t12: Array1<f64> = (&t5 / (&t5 * &t5 + 0.5)).to_owned();
    if (nn::mse(a, a) + 0.264).abs() > 0.291 {
        t12 = &t12 * 0.489 + &t12.dot(&Array::from_elem((4, 4), 0.25_f64));
    } else {
        t12 = &(&t5 / &t5.mapv(|v| v * v + 1.0)) - &t12;
    }
    let t13 = t9.view();
    (a + t13.sum()) * (t2 + t11 + t13.sum())
}

#[test]
fn test_f24() {
    let mut rng = Rng::new(231300306);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = -0.9640;
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (y, (d_a, d_b)) = f24_vjp(&a, &b, s, &c, seed.clone());
    assert_array(&y, &f24(&a, &b, s, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f24(xx, &b, s, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f24(&a, xx, s, &c)), &b, &d_b, "db");
}

// dims (4, 3, 5)
#[differentiable]
fn f25(a: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = a.powi(2) / &(&(a + a) * &(a + a) + 0.5);
    let t2: Array1<f64> = t1
        .exp()
        .map(|&v| (((v * v + 1.0).ln()) * ((v * v + 1.0).ln()) + 1.0).ln())
        .tanh();
    let t3: Array1<f64> = (t1.mean().unwrap() - a.mean().unwrap())
        / (&(t1.mean().unwrap() * &a.dot(&Array::from_elem((5, 5), 0.25_f64)))
            * &(t1.mean().unwrap() * &a.dot(&Array::from_elem((5, 5), 0.25_f64)))
            + 0.5);
    (&nn::softmax(&Array::from_elem((5, 5), 1.5_f64), Axis(0))
        .dot(&(&t1 / &(nn::softplus(&t3) + 0.5)))
        * 0.1)
        + ((&t2 * &t2).mean().unwrap() + t3.sum())
}

#[test]
fn test_f25() {
    let mut rng = Rng::new(231300318);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, d_a) = f25_vjp(&a, seed.clone());
    assert_array(&y, &f25(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f25(xx)), &a, &d_a, "da");
}

// dims (2, 3, 5)
#[differentiable]
fn h26(a: Array1<f64>) -> f64 {
    let t1: f64 = if (-0.937_f64) < -0.292 {
        (&(&a + &a) * &(&a + &a)).sum().tanh()
    } else {
        0.992_f64
    };
    let t2: f64 = if a.sum() < -0.472 {
        a[5]
    } else {
        (Array1::<f64>::ones(2) - &Array1::<f64>::ones(2))
            .dot(&Array::from_elem((5, 2), 0.5_f64).sum_axis(Axis(0)))
    };
    a.std(1.0) + 0.361 * t1 + 0.365 * t2
}

#[test]
fn test_h26() {
    let mut rng = Rng::new(231300330);
    let a = rand(&mut rng, 6, -1.0, 1.0);
    let (v, d_a) = h26_grad(a.clone());
    common::assert_near(v, h26(a.clone()), "value");
    assert_fd_array(|xx| h26(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 6, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h26_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h26_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h26_grad(pp_a.clone());
    let (_, gm_a) = h26_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 3, 5)
#[differentiable]
fn f26(k: usize, a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = a
        .slice(s![.., 1..4])
        .to_shape(((2, 3), ord))
        .unwrap()
        .to_owned();
    let t2: f64 = -1.35_f64;
    let t3: f64 = a.abs().sum();
    let mut t4: f64 = (t2.powi(2) + 0.5).sqrt();
    if (&t1 / (a.mean().unwrap().powi(2) + 0.5)).var(1.0) < -0.8 {
        t4 = t4 * 0.478 + ((-1.27_f64) - t1.sum()).tanh();
    } else {
        t4 = t1[[0, 1]].sin() - t4;
    }
    let mut t5: f64 = 0.0;
    for i in 0..2 {
        let t6 = b[i + 1] - b[i] * b[i];
        let t7 = 1.0 - b[i];
        t5 += 2.77 * t6 * t6 + t7 * t7;
    }
    let t8 = t5.tanh();
    ((-1.24_f64).cos() * (t2 + b.sum())) + 0.604 * t3 + 0.595 * t4 + 0.591 * t8
}

#[test]
fn test_f26() {
    let mut rng = Rng::new(231300332);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b)) = f26_grad(k, &a, &b);
        common::assert_near(v, f26(k, &a, &b), "value");
        assert_fd_array(|xx| f26(k, xx, &b), &a, &d_a, "da");
        assert_fd_array(|xx| f26(k, &a, xx), &b, &d_b, "db");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (2, 5), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, 3, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let (vj, tj) = f26_jvp(k, &a, &b, &t_a, &t_b);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f26_hvp(k, &a, &b, &t_a, &t_b);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b)) = f26_grad(k, &pp_a, &pp_b);
        let (_, (gm_a, gm_b)) = f26_grad(k, &pm_a, &pm_b);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    }
}

// dims (5, 2, 4)
#[differentiable]
fn f27(a: ArrayView2<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t2: f64 = (-0.808_f64) - t1[0];
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = &t1 + &(&(&r * (&r + &t1)) * 0.889);
        t2 += r.sum().sin().cos();
    }
    let mut t3: Array1<f64> = a.mean_axis(Axis(0)).unwrap();
    let mut t4: f64 = (t1[3] * t1[3] + 1.0).ln();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t3 = (&t3 + &(&(&r * &(&r - &t3)) * 0.444)).mapv(f64::tanh);
        t4 += (t1[0] / (i as f64 * 0.3).exp()).tanh();
    }
    let t5 = (nn::softplus(&nn::sigmoid(&a.row(1))) + 0.5).powf(1.5);
    (&t1 / t3.mapv(|v| v * v + 1.0)).map(|&v| (((v * 1.2).sin()) * ((v * 1.2).sin()) + 0.5).sqrt())
        + (t2 + t4 + t5.sum())
}

#[test]
fn test_f27() {
    let mut rng = Rng::new(231300344);
    let a = rand(&mut rng, (2, 4), 0.5, 1.5);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, d_a) = f27_vjp(a.view(), seed.clone());
    assert_array(&y, &f27(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &f27(xx.view())), &a, &d_a, "da");
}

// dims (2, 4, 5)
#[differentiable]
fn f28(a: Array2<f64>, s: f64) -> Array2<f64> {
    let mut t1: Array2<f64> = (&a
        / &(&a.index_axis(Axis(0), 0).insert_axis(Axis(0))
            * &a.index_axis(Axis(0), 0).insert_axis(Axis(0))
            + 0.5))
        .to_owned();
    if 1.15_f64 > -0.443 {
        t1 = &t1 * 0.606 + &t1.mapv(f64::sin);
    }
    let t2 = (t1.var(0.0) - s.exp()).tanh();
    let t3: Array2<f64> = nn::softmax(
        &(&t1.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1))
            * &nn::logsumexp(&t1, Axis(0)).insert_axis(Axis(0)))
            .mapv(f64::tanh),
        Axis(0),
    );
    let t4: Array2<f64> = &nn::softplus(&a.slice(s![.., 1..3]).dot(&t1))
        / &((t2 * t2 + 1.0).sqrt() / &a.slice(s![.., 2..]).dot(&t1).mapv(|v| v * v + 1.0))
            .mapv(|v| v * v + 1.0);
    let mut t5: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            t4.index_axis(Axis(1), 3),
            (&t4.sum_axis(Axis(1)) * 0.0714).view(),
        ],
    )
    .unwrap();
    let mut t6: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t7: Array1<f64> = -&t5;
        let t8: f64 = t2;
        t5 = &t5 * 0.7 + &nn::sigmoid(&(&r - &t7));
        t6 += r[0].powi(2) + t8;
    }
    let mut t9: Array1<f64> = t4.var_axis(Axis(0), 0.0).tanh().to_owned();
    let mut t10: f64 = t5[3].tanh().exp();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t11 = t4.index_axis(Axis(0), 1);
        t9 = &(&r + &t11).mapv(f64::tanh) * (s / (t10.powi(2) + 0.5)).tanh() + t9;
        t10 = t10 * 0.8
            - (&a.t().sum_axis(Axis(1)) * &a.t().sum_axis(Axis(1)))
                .sum()
                .tanh();
    }
    ad_runtime::ndarray::stack(
        Axis(0),
        &[
            (&t5 + t3.var_axis(Axis(0), 0.0)).view(),
            Array2::<f64>::eye(4).dot(&t5).tanh().view(),
        ],
    )
    .unwrap()
        * ((&t3 * &t3).mean().unwrap() + t6 + (&t9 * &t9).mean().unwrap())
}

#[test]
fn test_f28() {
    let mut rng = Rng::new(231300356);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let s = 0.8692;
    let seed = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (y, (d_a, d_s)) = f28_vjp(a.clone(), s, seed.clone());
    assert_array(&y, &f28(a.clone(), s), "value");
    assert_fd_array(|xx| inner(&seed, &f28(xx.clone(), s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f28(a.clone(), xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 5, 2)
#[differentiable]
fn h29(a: &Array1<f64>, b: &Array1<f64>, s: f64) -> Array1<f64> {
    let t1: Array1<f64> = nn::log_softmax(a, Axis(0)) * a[1];
    Array::from_elem((3, 3), 0.25_f64)
        .var_axis(Axis(1), 0.0)
        .mapv(f64::exp)
        * (s + t1.sum())
}

#[test]
fn test_h29() {
    let mut rng = Rng::new(231300368);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let s = -0.9583;
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = h29_vjp(&a, &b, s, seed.clone());
    assert_array(&y, &h29(&a, &b, s), "value");
    assert_fd_array(|xx| inner(&seed, &h29(xx, &b, s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h29(&a, xx, s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h29(&a, &b, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 5, 2)
#[differentiable]
fn f29(a: Array1<f64>, b: &Array1<f64>, c: &Array2<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1: Array2<f64> = (&Array::from_elem((5, 3), 1.5_f64)
        * &Array1::<f64>::linspace(-0.5, 0.5, 5).insert_axis(Axis(1)))
        .to_shape(((3, 5), ord))
        .unwrap()
        .to_owned();
    let t2 = ((-1.02_f64) - c).mapv(|v| v);
    let t3: f64 = ((-1.1_f64) * (-1.1_f64) + 1.0).sqrt();
    let mut t4: Array1<f64> = t2
        .var_axis(Axis(0), 1.0)
        .mapv(|v| v * v + 1.0)
        .powf(0.5)
        .to_owned();
    let mut t5: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        t4 = &t4 * 0.7 + &(&r * &r.powi(3));
        t5 = (t5 + t5).tanh();
    }
    let t6: Array1<f64> =
        (&t1.view().reversed_axes().dot(b) * &t1.view().reversed_axes().dot(b) + 0.5).ln();
    let t7 = h29(
        &(nn::softplus(&(b / b.exp())) + 0.5),
        b,
        nn::cross_entropy_one_hot(&t1, &nn::softmax(&t1, Axis(1))).tanh(),
    );
    let t8 = t7.mapv(f64::tanh);
    let t9 = h29(
        &t7.mapv(f64::tanh)
            .mapv(|v| (((v * t3).tanh()) * ((v * t3).tanh()) + 1.0).ln())
            .mapv(|v| v * v + 1.0),
        &(t8 / (nn::sigmoid(&(&t7 * 0.01)) + 0.25)),
        t4[0].powi(2).tanh(),
    );
    let t10: Array1<f64> = t9.mapv(f64::tanh);
    let t11 = if (&t4 + &t4)
        .mapv(f64::tanh)
        .dot(&c.view().reversed_axes().mean_axis(Axis(1)).unwrap())
        > 0.976
    {
        (&(&t2.slice(s![1.., ..]).dot(&t4) * 0.0442) + &t4).tanh()
    } else {
        nn::sigmoid(
            &t2.t()
                .sum_axis(Axis(1))
                .dot(&nn::sigmoid(&c.slice(s![1.., ..]))),
        )
    };
    nn::cross_entropy_one_hot(
        &c.dot(&t1.slice(s![1.., ..])),
        &nn::softmax(&(&t1 - &t6.view().insert_axis(Axis(0))), Axis(1)),
    ) + (&a * &a).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
        + 0.539 * t9.sum()
        + (&t10 * &t10).mean().unwrap()
        + (&t11 * &t11).mean().unwrap()
}

#[test]
fn test_f29() {
    let mut rng = Rng::new(231300370);
    let a = rand(&mut rng, 15, 0.5, 1.5);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f29_grad(a.clone(), &b, &c, k);
        common::assert_near(v, f29(a.clone(), &b, &c, k), "value");
        assert_fd_array(|xx| f29(xx.clone(), &b, &c, k), &a, &d_a, "da");
        assert_fd_array(|xx| f29(a.clone(), xx, &c, k), &b, &d_b, "db");
        assert_fd_array(|xx| f29(a.clone(), &b, xx, k), &c, &d_c, "dc");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 15, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, 3, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, (3, 2), -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f29_jvp(a.clone(), &b, &c, k, t_a.clone(), &t_b, &t_c);
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
            f29_hvp(a.clone(), &b, &c, k, t_a.clone(), &t_b, &t_c);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c)) = f29_grad(pp_a.clone(), &pp_b, &pp_c, k);
        let (_, (gm_a, gm_b, gm_c)) = f29_grad(pm_a.clone(), &pm_b, &pm_c, k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    }
}

// dims (3, 4, 5)
#[differentiable]
fn f30(a: ArrayView2<f64>, b: &Array2<f64>, c: Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = a
        .fold_axis(Axis(0), f64::INFINITY, |&m, &v| v.min(m))
        .tanh()
        .to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3 = nn::cross_entropy(&b.slice(s![..3, ..]), &vec![0usize; 3]);
        let t4 = t2 * t2;
        t1 = t1 + &(&r - &r.dot(&b.slice(s![1.., ..]))).mapv(f64::tanh);
        t2 += (((&t1 * &t1).sum() + t3) + t4).tanh();
    }
    let t5: Array2<f64> = if nn::cross_entropy(&b.slice(s![2.., ..]), &vec![1usize; 3])
        .tanh()
        .exp()
        > 0.194
    {
        -&(-b)
    } else {
        (&a.index_axis(Axis(1), 2) + &b.fold_axis(Axis(1), f64::INFINITY, |m, x| m.min(*x)))
            .insert_axis(Axis(1))
            / (nn::sigmoid(&a.mapv(|v| {
                if v > 0.538 {
                    if v > 0.489 { v } else { v }
                } else {
                    v.tanh()
                }
            })) + 0.25)
    };
    let t6: ArrayView1<f64> = t5.index_axis(Axis(1), 0);
    let t7 = c.slice(s![1..]);
    let t8 = t6.mapv(f64::tanh).map(|&v| v);
    let mut t9 = Array1::<f64>::zeros(4);
    let mut t10: f64 = t8.sum();
    for i in 0..t5.nrows() {
        let r = t5.row(i);
        let t11 = t9.mapv(f64::cos);
        t9 = &((&r + (t2 + &a.index_axis(Axis(0), 0))) + &t11).mapv(f64::tanh)
            * (t10 / c[10].exp()).tanh()
            + t9;
        t10 = (t10 + b.mean().unwrap().powi(2).sin()).tanh();
    }
    (&(&t1 * &t1) * 0.0556).dot(&t9.mapv(f64::sin)) + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f30() {
    let mut rng = Rng::new(231300382);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, 12, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f30_grad(a.view(), &b, c.clone());
    common::assert_near(v, f30(a.view(), &b, c.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f30(xx.view(), &b, c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f30(a.view(), xx, c.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f30(a.view(), &b, xx.clone()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 12, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f30_jvp(a.view(), &b, c.clone(), t_a.view(), &t_b, t_c.clone());
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
        f30_hvp(a.view(), &b, c.clone(), t_a.view(), &t_b, t_c.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f30_grad(pp_a.view(), &pp_b, pp_c.clone());
    let (_, (gm_a, gm_b, gm_c)) = f30_grad(pm_a.view(), &pm_b, pm_c.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 2, 5)
#[differentiable]
fn h31(a: Array2<f64>, b: Array1<f64>, c: &Array1<f64>) -> f64 {
    let t1 = (&Array::from_elem((8, 2), 0.5_f64) * &b.view().insert_axis(Axis(1)))
        .dot(&a.var_axis(Axis(1), 0.0));
    let t2 = Array::from_elem((2, 8), 0.25_f64)
        .mean_axis(Axis(0))
        .unwrap();
    let mut t3: Array1<f64> = a.row(1).dot(&Array::from_elem((5, 8), 0.25_f64));
    let mut t4: f64 = t1[5].cos();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t5: Array1<f64> = &r * t1[5];
        let t6 = t5;
        t3 = (&t3 + &(&t2 - &b)).mapv(f64::tanh);
        t4 += (t4 + (i as f64 * 0.3)).exp().tanh() + t6.mean().unwrap();
    }
    a.mean().unwrap().sin() + 0.808 * t3.sum()
}

#[test]
fn test_h31() {
    let mut rng = Rng::new(231300394);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, 8, -1.0, 1.0);
    let c = rand(&mut rng, 5, 0.5, 1.5);
    let (v, (d_a, d_b, d_c)) = h31_grad(a.clone(), b.clone(), &c);
    common::assert_near(v, h31(a.clone(), b.clone(), &c), "value");
    assert_fd_array(|xx| h31(xx.clone(), b.clone(), &c), &a, &d_a, "da");
    assert_fd_array(|xx| h31(a.clone(), xx.clone(), &c), &b, &d_b, "db");
    assert_fd_array(|xx| h31(a.clone(), b.clone(), xx), &c, &d_c, "dc");
}

// dims (4, 2, 5)
#[differentiable]
fn f31(k: usize, a: &Array2<f64>, b: &Array1<f64>, c: &Array1<f64>, d: &Array1<f64>) -> f64 {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1 = a
        .slice(s![.., ..2])
        .to_shape(((4, 2), ord))
        .unwrap()
        .to_owned();
    let t2: f64 = h31(
        (&a.slice(s![2.., ..]) * (-1.22_f64)).to_owned(),
        (b * b).to_owned(),
        &c.mapv(|v| v).exp(),
    );
    let t3 = t2.tanh();
    let t4: Array1<f64> = b.powi(2) - b;
    let t5: Array2<f64> = (nn::sigmoid(&(d + t2)).insert_axis(Axis(1))
        * (&a.slice(s![.., 1..3]) * &t1.index_axis(Axis(0), 1).insert_axis(Axis(0))))
        .map(|&v| ((v * 1.46) * t3 + t3).powi(2) - 0.5);
    let t6 = h31(
        (&a.slice(s![..2, ..]) / (nn::softplus(&c.view().insert_axis(Axis(0))) + 0.5)),
        c.dot(&Array::from_elem((5, 8), 0.25_f64)).to_owned(),
        &(&c.dot(&Array::from_elem((5, 5), 1.5_f64)) * &c.dot(&Array::from_elem((5, 5), 1.5_f64))
            + 0.5),
    );
    let t7: f64 = t6.tanh();
    let mut t8: f64 = 0.0;
    for i in 0..d.len() - 1 {
        let t9 = d[i + 1] - d[i] * d[i];
        let t10 = 1.0 - d[i];
        t8 += 1.69 * t9 * t9 + t10 * t10;
    }
    let t11 = t8.tanh();
    t3 + 0.811 * t4.sum() + 0.441 * t5.sum() + 0.519 * t6 + 0.97 * t7 + 0.531 * t11
}

#[test]
fn test_f31() {
    let mut rng = Rng::new(231300396);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let b = rand(&mut rng, 8, -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_d)) = f31_grad(k, &a, &b, &c, &d);
        common::assert_near(v, f31(k, &a, &b, &c, &d), "value");
        assert_fd_array(|xx| f31(k, xx, &b, &c, &d), &a, &d_a, "da");
        assert_fd_array(|xx| f31(k, &a, xx, &c, &d), &b, &d_b, "db");
        assert_fd_array(|xx| f31(k, &a, &b, xx, &d), &c, &d_c, "dc");
        assert_fd_array(|xx| f31(k, &a, &b, &c, xx), &d, &d_d, "dd");
    }
}

// dims (5, 2, 3)
#[differentiable]
fn f32(a: &Array1<f64>, s: f64) -> f64 {
    let mut t1: Array1<f64> = a.mapv(|v| ((v * 0.708).sin()).sin()).to_owned();
    if (Array1::<f64>::linspace(-0.5, 0.5, 2).dot(&Array1::<f64>::ones(2)) - a.var(1.0)) > -1.1 {
        t1 = &t1 * 0.511 + &t1;
    } else {
        t1 = &(nn::sigmoid(&t1) + 0.25).sqrt() - &t1;
    }
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 += (a[i + 1] * s - a[i]).tanh();
    }
    let t3 = a.map(|&v| ((v * s) * (v * s)) * s + s).std(0.0);
    let t4: ArrayView1<f64> = a.slice(s![1..]);
    let t5 = (&(a * a).mapv(|v| (v * s + s).exp())
        / ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                (t4[3] * &Array1::<f64>::ones(2)).view(),
                (&Array1::<f64>::linspace(-0.5, 0.5, 3) / (t3 * t3 + 1.0)).view(),
            ],
        )
        .unwrap()
        .exp())
    .mapv(f64::tanh);
    (s + 0.277).abs() + 0.795 * t2 + 0.72 * t5.sum()
}

#[test]
fn test_f32() {
    let mut rng = Rng::new(231300408);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let s = 0.7944;
    let (v, (d_a, d_s)) = f32_grad(&a, s);
    common::assert_near(v, f32(&a, s), "value");
    assert_fd_array(|xx| f32(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f32(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 5, 4)
#[differentiable]
fn f33(a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>) -> Array1<f64> {
    let mut t1: f64 = (-1.16_f64).sin();
    if a.sum() < 1.48 {
        t1 = t1 * 0.472 + t1;
    } else {
        t1 = t1 - t1;
    }
    let mut t2: f64 = nn::cross_entropy(&Array::from_elem((3, 5), 0.5_f64), &vec![4usize; 3]);
    if (-0.716_f64) > 0.408 {
        t2 = t2 * 0.575 + c.sum().cos();
    } else {
        t2 = ((-1.5_f64) - t2).tanh() - t2;
    }
    let t3 = b.row(2).mean().unwrap();
    let mut t4: Array1<f64> = c.mapv(f64::sin);
    let mut t5: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t6 = t4.dot(&t4);
        t4 = &(&(&r - &Array::from_elem((4, 5), 1.5_f64).dot(a)) * 0.222) * r[2].cos() + t4;
        t5 = t5 * 0.8 - ((t4[3] * t4[3] + 1.0).sqrt() + t6).tanh();
    }
    let mut t7: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t7 += a[i] * a[i + 1];
    }
    let mut t8: Array1<f64> = t4.clone();
    let mut t9: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t10: f64 = nn::logsumexp(b, Axis(0)).mean().unwrap();
        t8 = &t8 * 0.7 + &(&r + (&b.row(1) + &r)).mapv(f64::tanh);
        t9 = (t9
            + ((&Array::from_elem((4, 5), 0.5_f64).var_axis(Axis(0), 0.0)
                * &Array::from_elem((4, 5), 0.5_f64).var_axis(Axis(0), 0.0))
                .sum()
                + t10)
                .tanh())
        .tanh();
    }
    nn::sigmoid(&(&t4 / &(nn::softplus(&t8) + 0.5))).cos()
        + (t3 + t5 + t7 + (&t8 * &t8).mean().unwrap() + t9)
}

#[test]
fn test_f33() {
    let mut rng = Rng::new(231300420);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), 0.5, 1.5);
    let c = rand(&mut rng, 4, 0.5, 1.5);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f33_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &f33(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f33(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f33(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f33(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (3, 5, 4)
#[differentiable]
fn f34(a: &Array2<f64>, b: ArrayView2<f64>, c: &Array1<f64>, s: f64) -> f64 {
    let t1: Array2<f64> = b
        .slice(s![.., 1..])
        .dot(&b)
        .dot(
            &(&a.slice(s![.., 1..])
                - &a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &x: &f64| {
                    m.max((x - s).powi(2))
                })
                .insert_axis(Axis(1))),
        )
        .mapv(f64::tanh);
    let mut t2 = Array1::<f64>::zeros(4);
    let mut t3: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4 = a.sqrt();
        t2 = (&t2 + &r).mapv(f64::tanh);
        t3 = (t3 + (a.dot(&Array2::<f64>::eye(5)).mean().unwrap() + t4.mean().unwrap()).tanh())
            .tanh();
    }
    let t5 = t1.view().reversed_axes();
    let mut t6: f64 = 0.0;
    for i in 0..14 {
        t6 += c[i] * c[i + 1];
    }
    let t7 = t6.tanh();
    let t8: f64 = 1.32_f64;
    let t9: f64 = s;
    let t10 = (a + &nn::relu(a)).mapv(|v| v.powi(2) - 0.5);
    nn::sigmoid(&(a.std_axis(Axis(0), 1.0) + &t10))
        .mean()
        .unwrap()
        + 0.711 * t2.sum()
        + 0.452 * t3
        + (&t5 * &t5).mean().unwrap()
        + 0.894 * t7
        + 0.972 * t8
        + 0.579 * t9
        + (&t10 * &t10).mean().unwrap()
}

#[test]
fn test_f34() {
    let mut rng = Rng::new(231300432);
    let a = rand(&mut rng, (4, 5), 0.5, 1.5);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let c = rand(&mut rng, 15, 0.5, 1.5);
    let s = 0.7171;
    let (v, (d_a, d_b, d_c, d_s)) = f34_grad(&a, b.view(), &c, s);
    common::assert_near(v, f34(&a, b.view(), &c, s), "value");
    assert_fd_array(|xx| f34(xx, b.view(), &c, s), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f34(&a, xx.view(), &c, s), &b, &d_b, "db");
    assert_fd_array(|xx| f34(&a, b.view(), xx, s), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| f34(&a, b.view(), &c, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 15, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_s = 0.9;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f34_jvp(&a, b.view(), &c, s, &t_a, t_b.view(), &t_c, t_s);
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
        f34_hvp(&a, b.view(), &c, s, &t_a, t_b.view(), &t_c, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_s)) = f34_grad(&pp_a, pp_b.view(), &pp_c, pp_s);
    let (_, (gm_a, gm_b, gm_c, gm_s)) = f34_grad(&pm_a, pm_b.view(), &pm_c, pm_s);
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

// dims (3, 2, 5)
#[differentiable]
fn f35(a: Array1<f64>, b: &Array2<f64>, k: usize, c: &Array2<f64>, s: f64) -> f64 {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1: Array2<f64> = Array::from_elem((2, 3), 0.25_f64)
        .to_shape(((3, 2), ord))
        .unwrap()
        .to_owned()
        .to_shape(((3, 2), ord))
        .unwrap()
        .to_owned();
    let mut t2: f64 = 0.0;
    for i in 1..a.len() {
        t2 += (a[i] - a[i - 1]).powi(2) * 0.999;
    }
    let mut t3: Array1<f64> = &t1.sum_axis(Axis(0)) * b.sum();
    let mut t4: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        t3 = &r * (c[[4, 0]] / (t2 * t2 + 1.0)) + t3;
        t4 = (t4 + (nn::cross_entropy(&t1, &vec![1usize; 3]) - t1[[0, 1]])).tanh();
    }
    let t5: Array1<f64> = nn::sigmoid(&t3);
    let t6 = (&(-&nn::sigmoid(&t3)).abs() * &(-&nn::sigmoid(&t3)).abs()).sum();
    let mut t7: Array1<f64> = t1
        .index_axis(Axis(1), 1)
        .mapv(|v| {
            if v > 0.59 {
                (v * t4).exp()
            } else {
                (v * 0.789) * (v * s)
            }
        })
        .to_owned();
    let mut t8: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t7 = (&t7 + &t1.column(0)).mapv(f64::tanh);
        t8 = (t8
            + (&(c.sum_axis(Axis(1)).insert_axis(Axis(1)) - b)
                * &(c.sum_axis(Axis(1)).insert_axis(Axis(1)) - b))
                .sum()
                .tanh())
        .tanh();
    }
    let mut t9: Array1<f64> = t1.sum_axis(Axis(0)).to_owned();
    let mut t10: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t11 = -nn::logsumexp(c, Axis(1));
        let t12: f64 = (i as f64 * 0.3).exp().ln();
        t9 = &r * t10.powi(2) + t9;
        t10 = t10 * 0.8 - ((nn::mse(&t9, &(&t3 * 0.16)).cos() + t11.mean().unwrap()) + t12).tanh();
    }
    a.mean().unwrap()
        + (&t5 * &t5).mean().unwrap()
        + 0.629 * t6
        + (&t7 * &t7).mean().unwrap()
        + 0.817 * t8
}

#[test]
fn test_f35() {
    let mut rng = Rng::new(231300444);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let s = 0.3188;
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_s)) = f35_grad(a.clone(), &b, k, &c, s);
        common::assert_near(v, f35(a.clone(), &b, k, &c, s), "value");
        assert_fd_array(|xx| f35(xx.clone(), &b, k, &c, s), &a, &d_a, "da");
        assert_fd_array(|xx| f35(a.clone(), xx, k, &c, s), &b, &d_b, "db");
        assert_fd_array(|xx| f35(a.clone(), &b, k, xx, s), &c, &d_c, "dc");
        let fd_s = fd(
            |xx: &Array<f64, _>| f35(a.clone(), &b, k, &c, xx[()]),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    }
}

// dims (2, 4, 2)
#[differentiable]
fn h36(a: Array1<f64>, b: &Array2<f64>) -> Array2<f64> {
    let mut t1: Array1<f64> = b.std_axis(Axis(0), 1.0).to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t1 = (&t1 + &(&a + &b.index_axis(Axis(0), 0))).mapv(f64::tanh);
        t2 = t2 * 0.8
            - nn::cross_entropy(&b.slice(s![2.., ..]).dot(&b.t()), &vec![0usize; 2]).tanh();
    }
    let mut t3: Array2<f64> = b.map(|&v| (v * v + 0.5).sqrt()).to_owned();
    let mut t4: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t3 = &t3.dot(&b.slice(s![1..3, ..])).tanh() * t2.cos() + t3;
        t4 += (t2.tanh().exp() + (r.sum() + 0.245).abs()).tanh();
    }
    t3.map(|&v| (v.powi(2) - 0.5).tanh().exp()).mapv(f64::sin) + ((&t1 * &t1).mean().unwrap() + t4)
}

#[test]
fn test_h36() {
    let mut rng = Rng::new(231300456);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (y, (d_a, d_b)) = h36_vjp(a.clone(), &b, seed.clone());
    assert_array(&y, &h36(a.clone(), &b), "value");
    assert_fd_array(|xx| inner(&seed, &h36(xx.clone(), &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h36(a.clone(), xx)), &b, &d_b, "db");
}

// dims (2, 4, 2)
#[differentiable]
fn f36(a: &Array2<f64>, b: Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = b.row(0).exp().to_owned();
    let mut t2: f64 = 1.0_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = -&r;
        let t4 = ad_runtime::ndarray::concatenate(
            Axis(0),
            &[b.index_axis(Axis(1), 1), b.sum_axis(Axis(1)).view()],
        )
        .unwrap();
        t1 = &nn::sigmoid(&(&(&nn::relu(&t1) - t3) - t4)) * b.mean().unwrap().tanh() + t1;
        t2 = t2 * 0.8 - b.mean().unwrap().tanh();
    }
    let t5 = if (t1.mean().unwrap().tanh() + (t2 * t2 + 1.0).ln()) < 0.505 {
        (&b.column(2).insert_axis(Axis(0)) * &t1.view().insert_axis(Axis(1)))
            .to_shape(((2, 4), Order::C))
            .unwrap()
            .to_owned()
    } else {
        (a - b.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1))).sin()
    };
    let t6 = &(t5
        .view()
        .reversed_axes()
        .sin()
        .to_shape((2, 4))
        .unwrap()
        .into_owned()
        / (b.mean().unwrap() / &(&t5 * &t5 + 0.5))
            .to_shape(((2, 4), Order::ColumnMajor))
            .unwrap()
            .to_owned()
            .exp())
        * 0.0994;
    let t7 = a.mean().unwrap();
    let t8 = t1[1].tanh().exp() + (t6[[1, 1]].powi(2) + 0.5).sqrt();
    let t9 = (-(&b.column(1).insert_axis(Axis(1))
        + a.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc: &f64, &x: &f64| {
            acc.max((x - t7).powi(2))
        })
        .insert_axis(Axis(0))))
    .dot(&nn::softmax(&t5, Axis(1)).exp().powf(1.5))
    .mapv(f64::tanh);
    let mut t10: Array2<f64> =
        (a / &(&t1.view().insert_axis(Axis(0)) * &t1.view().insert_axis(Axis(0)) + 0.5)).to_owned();
    if (-&t9).var(0.0) > 0.823 {
        let t11: f64 = t5.index_axis(Axis(1), 2).sum();
        t10 = &t10 * 0.566
            + &nn::sigmoid(
                &(a.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc, &x| {
                    acc.max((x - t7).powi(2))
                })
                .insert_axis(Axis(1))
                    / &(nn::softplus(a) + 0.5)),
            );
    }
    nn::cross_entropy_one_hot(a, &nn::softmax(&t9, Axis(1)))
        .tanh()
        .exp()
        + 0.697 * t8
        + 0.239 * t10.sum()
}

#[test]
fn test_f36() {
    let mut rng = Rng::new(231300458);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), 0.5, 1.5);
    let (v, (d_a, d_b)) = f36_grad(&a, b.clone());
    common::assert_near(v, f36(&a, b.clone()), "value");
    assert_fd_array(|xx| f36(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f36(&a, xx.clone()), &b, &d_b, "db");
}

// dims (2, 3, 4)
#[differentiable(wrt(a))]
fn f37(a: &Array2<f64>, s: f64, k: usize) -> f64 {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1: Array2<f64> = (&a
        .fold_axis(Axis(1), f64::INFINITY, |&m, &v| {
            f64::min(m, (v - s).powi(2))
        })
        .insert_axis(Axis(1))
        + a.fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &x: &f64| m.min(x))
            .insert_axis(Axis(0)))
    .to_shape(((2, 3), ord))
    .unwrap()
    .to_owned();
    let t2 = a.index_axis(Axis(0), 0);
    let mut t3: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t4: f64 = t2[0] - s;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t3 = &t3 * 0.7 + &(&(&r + (&t2 + &t2)) * 0.667);
        t4 += t1.sum().tanh();
    }
    let t5: f64 = (&t1 + &t1).mapv(f64::tanh).sum().tanh();
    let t6 = t4 / (nn::logsumexp(a, Axis(0)).dot(&t2) * nn::logsumexp(a, Axis(0)).dot(&t2) + 1.0);
    let mut t7: f64 = 0.0;
    for i in 0..t2.len() - 1 {
        t7 += (t2[i + 1] * s - t2[i]).tanh();
    }
    let t8 = t4;
    let mut t9: f64 = 0.0;
    for i in 0..t2.len() - 1 {
        t9 += (t2[i + 1] * t7 - t2[i]).tanh();
    }
    ((t3[1] * (-0.698_f64)) / t7.sin().exp())
        + 0.217 * t3.sum()
        + 0.259 * t5
        + 0.476 * t6
        + 0.646 * t8
        + 0.917 * t9
}

#[test]
fn test_f37() {
    let mut rng = Rng::new(231300470);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let s = 0.9849;
    for k in 0..2usize {
        let (v, d_a) = f37_grad(&a, s, k);
        common::assert_near(v, f37(&a, s, k), "value");
        assert_fd_array(|xx| f37(xx, s, k), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f37_jvp(&a, s, k, &t_a);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f37_hvp(&a, s, k, &t_a);
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f37_grad(&pp_a, s, k);
        let (_, gm_a) = f37_grad(&pm_a, s, k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (4, 2, 3)
#[differentiable]
fn f38(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let t1 = b.slice(s![1..]);
    let t2: ArrayView1<f64> = t1.view();
    let t3 = (nn::softplus(a) + 0.5)
        .powf(2.5)
        .std_axis(Axis(0), 0.0)
        .tanh()
        .mean()
        .unwrap();
    t1.sum().exp() + (&t2 * &t2).mean().unwrap() + 0.209 * t3
}

#[test]
fn test_f38() {
    let mut rng = Rng::new(231300482);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b)) = f38_grad(&a, &b);
    common::assert_near(v, f38(&a, &b), "value");
    assert_fd_array(|xx| f38(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f38(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f38_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f38_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f38_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f38_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 4, 5)
#[differentiable(wrt(a, s, b))]
fn f39(a: ArrayView2<f64>, s: f64, b: &Array2<f64>, c: &Array2<f64>) -> Array2<f64> {
    let t1: ArrayView1<f64> = b.index_axis(Axis(0), 0);
    let t2: Array2<f64> = (&c.index_axis(Axis(1), 3).insert_axis(Axis(1))
        * &b.fold_axis(Axis(1), f64::INFINITY, |m, x| m.min(*x * s))
            .insert_axis(Axis(0)))
        .dot(c);
    let t3: Array2<f64> = (a.map(|&v| ((v * 0.642) * (v * 0.642) + 1.0).ln()) - c.mean().unwrap())
        .mapv(|v| (v * 0.438).tanh());
    let t4 = t1.view();
    let mut t5: Array1<f64> = t4.powi(2).to_owned();
    let mut t6: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t7 = Array::from_elem((5, 5), 1.5_f64).dot(&t3.index_axis(Axis(1), 2));
        t5 = t5 + &(&(&r * &(&r * c.mean_axis(Axis(0)).unwrap())) - &t7).tanh();
        t6 = (t6 + t1.sum().cos()).tanh();
    }
    let t8 = -&(t1.mean().unwrap() - &nn::softmax(&t3, Axis(0)));
    (&t8.mapv(f64::cos)
        .dot(&(&t8.row(2).insert_axis(Axis(1)) * &t8.slice(s![1.., ..])))
        * 0.125)
        * ((&t2 * &t2).mean().unwrap()
            + (&t5 * &t5).mean().unwrap()
            + t6
            + (&t8 * &t8).mean().unwrap())
}

#[test]
fn test_f39() {
    let mut rng = Rng::new(231300494);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let s = 1.0432;
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), 0.5, 1.5);
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, (d_a, d_s, d_b)) = f39_vjp(a.view(), s, &b, &c, seed.clone());
    assert_array(&y, &f39(a.view(), s, &b, &c), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(
        |xx| inner(&seed, &f39(xx.view(), s, &b, &c)),
        &a,
        &d_a,
        "da",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f39(a.view(), xx[()], &b, &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f39(a.view(), s, xx, &c)), &b, &d_b, "db");
}

// dims (5, 2, 3)
#[differentiable]
fn f40(a: ArrayView2<f64>, b: Array1<f64>) -> f64 {
    let t1 = -&Array::from_elem((10, 3), 0.5_f64)
        .map(|&v| v.powi(2) - 0.5)
        .dot(&nn::softplus(&Array::from_elem(3, 0.5_f64)));
    let t2 = b.slice(s![1..]);
    let mut t3: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t3 = t3 * 0.8 + b[i].sin() * b[i + 1];
    }
    let t4: f64 = t3.tanh();
    nn::cross_entropy(&(&a.column(0).insert_axis(Axis(1)) - &a), &vec![1usize; 5])
        + 0.6 * a.sum()
        + (&t1 * &t1).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + 0.86 * t4
}

#[test]
fn test_f40() {
    let mut rng = Rng::new(231300506);
    let a = rand(&mut rng, (5, 2), 0.5, 1.5);
    let b = rand(&mut rng, 10, 0.5, 1.5);
    let (v, (d_a, d_b)) = f40_grad(a.view(), b.clone());
    common::assert_near(v, f40(a.view(), b.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f40(xx.view(), b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f40(a.view(), xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 10, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f40_jvp(a.view(), b.clone(), t_a.view(), t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f40_hvp(a.view(), b.clone(), t_a.view(), t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f40_grad(pp_a.view(), pp_b.clone());
    let (_, (gm_a, gm_b)) = f40_grad(pm_a.view(), pm_b.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (2, 4, 5)
#[differentiable]
fn h41(a: &Array2<f64>) -> Array2<f64> {
    let t1: f64 =
        ad_runtime::ndarray::concatenate(Axis(1), &[a.slice(s![.., 1..3]), a.slice(s![.., ..2])])
            .unwrap()
            .var(0.0);
    let t2: Array2<f64> = (&a.slice(s![2..4, ..]) - a.mean().unwrap())
        .mapv(|v| v * v + 1.0)
        .ln();
    nn::relu(&nn::relu(a)) + (t1 + t2.sum())
}

#[test]
fn test_h41() {
    let mut rng = Rng::new(231300518);
    let a = rand(&mut rng, (5, 4), 0.5, 1.5);
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, d_a) = h41_vjp(&a, seed.clone());
    assert_array(&y, &h41(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h41(xx)), &a, &d_a, "da");
}

// dims (2, 4, 5)
#[differentiable]
fn f41(a: &Array2<f64>, b: &Array1<f64>, c: &Array2<f64>, d: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = nn::sigmoid(&c.index_axis(Axis(1), 1));
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = &r + &r;
        let t4 = a * &c.slice(s![.., 1..]);
        t1 = &t1 * 0.7 + &(b * b);
        t2 = t2 * 0.8
            - ((c
                .view()
                .reversed_axes()
                .to_shape((2, 5))
                .unwrap()
                .into_owned()
                .sum()
                + t3.mean().unwrap())
                + t4.mean().unwrap())
            .tanh();
    }
    let t5 = c[[1, 2]] / (t1[0].powi(2) + 0.5);
    let mut t6: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t7: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t8: Array1<f64> = a.view().reversed_axes().std_axis(Axis(0), 1.0);
        let t9 = -a.fold_axis(Axis(0), f64::NEG_INFINITY, |&acc, &x| acc.max(x));
        t6 = t6 + &(a.t().dot(&t8) - t9).mapv(f64::tanh);
        t7 += t7;
    }
    let mut t10: Array1<f64> = (-&c.index_axis(Axis(0), 1)).to_owned();
    let mut t11: f64 = c[[1, 2]].ln();
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t12 = c
            .t()
            .fold_axis(Axis(0), f64::NEG_INFINITY, |&acc: &f64, &x: &f64| {
                acc.max(x)
            });
        t10 = (&t10 + &(&(&r * &Array::from_elem((5, 4), 0.25_f64).dot(&t6)) * 0.667))
            .mapv(f64::tanh);
        t11 = (t11 + ((t1.mean().unwrap() * t2) + t12.mean().unwrap()).tanh()).tanh();
    }
    let t13 = h41(&(-Array::from_elem((5, 4), 0.5_f64)).mapv(|v| v * v + 1.0));
    let t14: Array2<f64> = t13.mapv(f64::tanh);
    let t15: Array1<f64> = if t2 > -0.97 {
        &t10.mapv(|v| (((v * t5) * (v * t5) + 1.0).ln()) * v)
            - nn::sigmoid(&t13.slice(s![.., 2..])).fold_axis(
                Axis(1),
                f64::NEG_INFINITY,
                |&m, &v| v.max(m),
            )
    } else {
        c.row(0).to_owned()
    };
    let t16: Array2<f64> = c.mapv(|v| v.exp()).abs();
    t14.std(0.0)
        + (d * d).mean().unwrap()
        + 0.258 * t11
        + (&t14 * &t14).mean().unwrap()
        + (&t15 * &t15).mean().unwrap()
        + 0.788 * t16.sum()
}

#[test]
fn test_f41() {
    let mut rng = Rng::new(231300520);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), 0.5, 1.5);
    let d = rand(&mut rng, 8, 0.5, 1.5);
    let (v, (d_a, d_b, d_c, d_d)) = f41_grad(&a, &b, &c, &d);
    common::assert_near(v, f41(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f41(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f41(&a, xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f41(&a, &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f41(&a, &b, &c, xx), &d, &d_d, "dd");
}

// dims (2, 4, 3)
#[differentiable]
fn f42(a: &Array2<f64>, s: f64, b: &Array2<f64>, c: &Array1<f64>, d: &Array2<f64>) -> Array2<f64> {
    let t1 = d.view();
    let t2 = d.t();
    let mut t3: f64 = 0.0;
    for i in 1..c.len() {
        t3 += (c[i] - c[i - 1]).powi(2) * 1.02;
    }
    let t4 = t3.tanh();
    let t5: Array2<f64> = a
        .mapv(|v| (((v * s) * (v * s) + 1.0).ln()).tanh())
        .tanh()
        .mapv(f64::tanh);
    (b.sin()
        - b.mean_axis(Axis(1))
            .unwrap()
            .mapv_into(|v| {
                ((((v * 0.568) * (v * 0.568) + 1.0).ln())
                    * (((v * 0.568) * (v * 0.568) + 1.0).ln())
                    + 0.5)
                    .sqrt()
            })
            .insert_axis(Axis(1)))
        + (b.sum() + (&t1 * &t1).mean().unwrap() + t2.sum() + t4 + (&t5 * &t5).mean().unwrap())
}

#[test]
fn test_f42() {
    let mut rng = Rng::new(231300532);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let s = -0.8452;
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, (4, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (y, (d_a, d_s, d_b, d_c, d_d)) = f42_vjp(&a, s, &b, &c, &d, seed.clone());
    assert_array(&y, &f42(&a, s, &b, &c, &d), "value");
    assert_fd_array(|xx| inner(&seed, &f42(xx, s, &b, &c, &d)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f42(&a, xx[()], &b, &c, &d)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f42(&a, s, xx, &c, &d)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f42(&a, s, &b, xx, &d)), &c, &d_c, "dc");
    assert_fd_array(|xx| inner(&seed, &f42(&a, s, &b, &c, xx)), &d, &d_d, "dd");
}

// dims (4, 3, 2)
#[differentiable]
fn h43(a: &Array1<f64>, b: Array1<f64>, s: f64) -> f64 {
    let t1 = (a + a).mapv(|v| v);
    b[1] + 0.972 * b.sum() + 0.605 * s + 0.213 * t1.sum()
}

#[test]
fn test_h43() {
    let mut rng = Rng::new(231300544);
    let a = rand(&mut rng, 12, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let s = 1.0047;
    let (v, (d_a, d_b, d_s)) = h43_grad(&a, b.clone(), s);
    common::assert_near(v, h43(&a, b.clone(), s), "value");
    assert_fd_array(|xx| h43(xx, b.clone(), s), &a, &d_a, "da");
    assert_fd_array(|xx| h43(&a, xx.clone(), s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| h43(&a, b.clone(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 12, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h43_jvp(&a, b.clone(), s, &t_a, t_b.clone(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) =
        h43_hvp(&a, b.clone(), s, &t_a, t_b.clone(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = h43_grad(&pp_a, pp_b.clone(), pp_s);
    let (_, (gm_a, gm_b, gm_s)) = h43_grad(&pm_a, pm_b.clone(), pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (4, 3, 2)
#[differentiable]
fn f43(a: Array1<f64>, b: &Array1<f64>, c: &Array1<f64>, d: Array2<f64>, w: Array1<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 1..w.len() {
        t1 += (w[i] - w[i - 1]).powi(2) * 0.687;
    }
    let t2: f64 = h43(
        &Array1::<f64>::linspace(-0.5, 0.5, 12).abs(),
        nn::relu(b).to_owned(),
        (a[1] / 1.11_f64).powi(2) + 0.5,
    );
    let t3: f64 = t2.tanh();
    let t4 = (-w.mapv(f64::cos)).sum();
    let mut t5: f64 = 0.0;
    for i in 0..3 {
        t5 = t5 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t6: f64 = (t1 * t1 + 1.0).ln().cos();
    t3 + 0.918 * c.sum() + 0.727 * t2 + 0.918 * t3 + 0.709 * t4 + 0.845 * t5 + 0.402 * t6
}

#[test]
fn test_f43() {
    let mut rng = Rng::new(231300546);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, (4, 2), -1.0, 1.0);
    let w = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f43_grad(a.clone(), &b, &c, d.clone(), w.clone());
    common::assert_near(v, f43(a.clone(), &b, &c, d.clone(), w.clone()), "value");
    assert_fd_array(
        |xx| f43(xx.clone(), &b, &c, d.clone(), w.clone()),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| f43(a.clone(), xx, &c, d.clone(), w.clone()),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| f43(a.clone(), &b, xx, d.clone(), w.clone()),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| f43(a.clone(), &b, &c, xx.clone(), w.clone()),
        &d,
        &d_d,
        "dd",
    );
    assert_fd_array(
        |xx| f43(a.clone(), &b, &c, d.clone(), xx.clone()),
        &w,
        &d_w,
        "dw",
    );
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 3, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, 4, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f43_jvp(
        a.clone(),
        &b,
        &c,
        d.clone(),
        w.clone(),
        t_a.clone(),
        &t_b,
        &t_c,
        t_d.clone(),
        t_w.clone(),
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum()
        + (&d_b * &t_b).sum()
        + (&d_c * &t_c).sum()
        + (&d_d * &t_d).sum()
        + (&d_w * &t_w).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum()
        + (&d_w * &t_w).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f43_hvp(
        a.clone(),
        &b,
        &c,
        d.clone(),
        w.clone(),
        t_a.clone(),
        &t_b,
        &t_c,
        t_d.clone(),
        t_w.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) =
        f43_grad(pp_a.clone(), &pp_b, &pp_c, pp_d.clone(), pp_w.clone());
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) =
        f43_grad(pm_a.clone(), &pm_b, &pm_c, pm_d.clone(), pm_w.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (3, 2, 4)
#[differentiable(wrt(b, p))]
fn f44(a: &Array1<f64>, s: f64, b: &Array2<f64>, p: f64) -> f64 {
    let t1: ArrayView1<f64> = b.row(0);
    let mut t2: f64 = t1[3] / 0.665_f64;
    if nn::cross_entropy_one_hot(
        &(&Array::from_elem((3, 2), 0.5_f64) * a.mean().unwrap()),
        &nn::softmax(
            &(&Array::from_elem((3, 2), 0.5_f64)
                / Array::from_elem(3, 1.5_f64).insert_axis(Axis(1))),
            Axis(1),
        ),
    ) < -0.502
    {
        let t3: f64 = (p.powi(2) + 0.5).ln();
        t2 = t2 * 0.46 + (b.mean().unwrap() + 0.522).abs();
    }
    let t4 = b.t();
    let t5: f64 = p;
    let mut t6: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t7: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t8 = s;
        let t9 = t4.mean().unwrap();
        t6 = &t6 * 0.7 + &nn::softmax(&t6, Axis(0));
        t7 = t7 * 0.8
            - ((nn::cross_entropy_one_hot(
                &t4.slice(s![1.., ..]),
                &nn::softmax(&t4.slice(s![1.., ..]), Axis(1)),
            )
            .powi(2)
            .tanh()
                + t8)
                + t9)
                .tanh();
    }
    let t10 = &nn::log_softmax(&t4.t(), Axis(1))
        + Array1::<f64>::ones(3).dot(&Array::from_elem(3, 0.25_f64));
    let t11 = t2.sin() - t6.mean().unwrap();
    (t5 / (-1.36_f64).exp()) + 0.386 * t5 + 0.844 * t7 + (&t10 * &t10).mean().unwrap() + 0.248 * t11
}

#[test]
fn test_f44() {
    let mut rng = Rng::new(231300558);
    let a = rand(&mut rng, 6, -1.0, 1.0);
    let s = 0.5005;
    let b = rand(&mut rng, (2, 4), 0.5, 1.5);
    let p = 1.1348;
    let (v, (d_b, d_p)) = f44_grad(&a, s, &b, p);
    common::assert_near(v, f44(&a, s, &b, p), "value");
    assert_fd_array(|xx| f44(&a, s, xx, p), &b, &d_b, "db");
    let fd_p = fd(
        |xx: &Array<f64, _>| f44(&a, s, &b, xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let hstep = 1e-5;
    let t_b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_p = 0.5;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let (vj, tj) = f44_jvp(&a, s, &b, p, &t_b, t_p);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_b * &t_b).sum() + d_p * t_p;
    let scale: f64 = (&d_b * &t_b).mapv(f64::abs).sum() + (d_p * t_p).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_b, hg_p), (hh_b, hh_p)) = f44_hvp(&a, s, &b, p, &t_b, t_p);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_b, gp_p)) = f44_grad(&a, s, &pp_b, pp_p);
    let (_, (gm_b, gm_p)) = f44_grad(&a, s, &pm_b, pm_p);
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(
        &Array::from_elem((), hh_p),
        &Array::from_elem((), gp_p),
        &Array::from_elem((), gm_p),
        hstep,
        "H t p",
    );
}

// dims (4, 3, 2)
#[differentiable]
fn f45(a: &Array1<f64>, s: f64, b: Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> = ((-&b.column(0)).insert_axis(Axis(1))
        + &a.map(|&v| (v * s).powi(2) - 0.5).insert_axis(Axis(0)))
        .dot(&b.slice(s![1.., ..]).mapv(|v| (v * s + s) * s + s))
        .tanh();
    let mut t2: Array1<f64> = a.mapv(|v| v * 0.538).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4 = nn::mse(&t2, &t1.mean_axis(Axis(0)).unwrap());
        let t5 = &r - a;
        t2 = (&t2 + &(&(&r - &(&t5 - t3)) * 0.667)).mapv(f64::tanh);
        t3 = (t3 + ((t1[[2, 0]] - s).tanh() + t4).tanh()).tanh();
    }
    let t6: Array2<f64> = if (s - a[0]).sin() > 0.23 {
        ad_runtime::ndarray::stack(
            Axis(1),
            &[
                (&t1.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc, &x| {
                    ((x - s).powi(2)).max(acc)
                }) / &t1.column(0).mapv(|v| v * v + 1.0))
                    .view(),
                t1.column(0).mapv(|v| (v * t3) * ((v * s) * s + s)).view(),
            ],
        )
        .unwrap()
    } else {
        (&b.column(1).insert_axis(Axis(1)) - &Array::from_elem((3, 4), 0.25_f64))
            .dot(&(Array::from_elem((4, 2), 0.25_f64) / &t2.mapv(|v| v * v + 1.0)))
    };
    (&t1.var_axis(Axis(1), 1.0).insert_axis(Axis(1)) - &a.view().insert_axis(Axis(0)))
        .dot(&(&b.slice(s![..2, ..]) / t1.mean().unwrap().exp()))
        .tanh()
        * (t6.sum())
}

#[test]
fn test_f45() {
    let mut rng = Rng::new(231300570);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let s = 1.4030;
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (y, (d_a, d_s, d_b)) = f45_vjp(&a, s, b.clone(), seed.clone());
    assert_array(&y, &f45(&a, s, b.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f45(xx, s, b.clone())), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f45(&a, xx[()], b.clone())),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f45(&a, s, xx.clone())), &b, &d_b, "db");
}

// dims (5, 2, 4)
#[differentiable]
fn f46(a: &Array2<f64>, s: f64, b: &Array2<f64>, c: Array2<f64>, d: ArrayView2<f64>) -> f64 {
    let t1 = d
        .slice(s![.., ..2])
        .to_shape(((2, 5), Order::RowMajor))
        .unwrap()
        .to_shape((5, 2))
        .unwrap()
        .into_owned();
    let mut t2: Array2<f64> = (b - t1.std_axis(Axis(1), 1.0).insert_axis(Axis(1))).to_owned();
    if (s.powi(2) * nn::cross_entropy_one_hot(&c, &nn::softmax(&c, Axis(1)))) < -0.855 {
        t2 = &t2 * 0.626 + b;
    }
    let t3 = if d
        .var_axis(Axis(0), 0.0)
        .dot(&(d.mean_axis(Axis(0)).unwrap() - d.var_axis(Axis(0), 0.0)))
        > -0.424
    {
        &(&t1.index_axis(Axis(0), 1) + a) + t1.mean().unwrap().tanh()
    } else {
        nn::relu(&a.mapv(f64::cos))
    };
    let t4 = t1.view();
    s + 0.708 * t2.sum() + 0.965 * t3.sum() + 0.679 * t4.sum()
}

#[test]
fn test_f46() {
    let mut rng = Rng::new(231300582);
    let a = rand(&mut rng, (5, 2), 0.5, 1.5);
    let s = 1.0871;
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let d = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_c, d_d)) = f46_grad(&a, s, &b, c.clone(), d.view());
    common::assert_near(v, f46(&a, s, &b, c.clone(), d.view()), "value");
    assert_fd_array(|xx| f46(xx, s, &b, c.clone(), d.view()), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f46(&a, xx[()], &b, c.clone(), d.view()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f46(&a, s, xx, c.clone(), d.view()), &b, &d_b, "db");
    assert_fd_array(|xx| f46(&a, s, &b, xx.clone(), d.view()), &c, &d_c, "dc");
    let d_d: Array2<f64> = d_d;
    assert_fd_array(|xx| f46(&a, s, &b, c.clone(), xx.view()), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f46_jvp(
        &a,
        s,
        &b,
        c.clone(),
        d.view(),
        &t_a,
        t_s,
        &t_b,
        t_c.clone(),
        t_d.view(),
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
    let (hv, (hg_a, hg_s, hg_b, hg_c, hg_d), (hh_a, hh_s, hh_b, hh_c, hh_d)) = f46_hvp(
        &a,
        s,
        &b,
        c.clone(),
        d.view(),
        &t_a,
        t_s,
        &t_b,
        t_c.clone(),
        t_d.view(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_c, gp_d)) =
        f46_grad(&pp_a, pp_s, &pp_b, pp_c.clone(), pp_d.view());
    let (_, (gm_a, gm_s, gm_b, gm_c, gm_d)) =
        f46_grad(&pm_a, pm_s, &pm_b, pm_c.clone(), pm_d.view());
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

// dims (3, 2, 3)
#[differentiable]
fn f47(a: &Array1<f64>, b: Array1<f64>, c: Array1<f64>) -> f64 {
    let t1 = (&(&b - &Array::from_elem((2, 2), 0.25_f64))
        * ((-1.21_f64) / c.mean().unwrap().exp()))
    .var_axis(Axis(0), 1.0)
    .tanh();
    let mut t2: Array1<f64> = (&b * &b + 0.5).ln().to_owned();
    if t2[0] < 0.215 {
        let t3: f64 = (-0.683_f64).exp();
        t2 = &t2 * 0.765 + &b.mapv(|v| v.powi(2) - 0.5);
    } else {
        t2 = &nn::relu(&t2) - &t2;
    }
    let t4 = (a / ((-0.706_f64) * (-0.706_f64) + 1.0))
        / Array::from_elem((3, 3), 1.5_f64)
            .var_axis(Axis(1), 1.0)
            .mapv(|v| v * v + 1.0);
    let t5 = (-&t4) * (a + 1.46_f64);
    c[4] + 0.595 * t5.sum()
}

#[test]
fn test_f47() {
    let mut rng = Rng::new(231300594);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, 6, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f47_grad(&a, b.clone(), c.clone());
    common::assert_near(v, f47(&a, b.clone(), c.clone()), "value");
    assert_fd_array(|xx| f47(xx, b.clone(), c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f47(&a, xx.clone(), c.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f47(&a, b.clone(), xx.clone()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 6, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f47_jvp(&a, b.clone(), c.clone(), &t_a, t_b.clone(), t_c.clone());
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
        f47_hvp(&a, b.clone(), c.clone(), &t_a, t_b.clone(), t_c.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f47_grad(&pp_a, pp_b.clone(), pp_c.clone());
    let (_, (gm_a, gm_b, gm_c)) = f47_grad(&pm_a, pm_b.clone(), pm_c.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (3, 2, 5)
#[differentiable(wrt(b))]
fn f48(a: Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    let t1 = a.index_axis(Axis(1), 3);
    let mut t2: Array1<f64> = nn::softplus(b);
    let mut t3: f64 = b.dot(&t2);
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = a.row(0);
        t2 = &nn::sigmoid(&(&r - (t3 - &t4)))
            * nn::cross_entropy_one_hot(
                &Array::from_elem((3, 2), 0.5_f64),
                &nn::softmax(&Array::from_elem((3, 2), 0.25_f64), Axis(1)),
            )
            .tanh()
            + t2;
        t3 = t3 * 0.8 - (&t2 / (t3 * t3 + 1.0)).var(0.0).tanh();
    }
    let t5 = (&a.row(1) - &t2).var(0.0);
    let t6 = t1.view();
    let t7: Array2<f64> =
        if (nn::cross_entropy(&Array::from_elem((3, 2), 0.25_f64), &vec![1usize; 3]).powi(2) + 0.5)
            .sqrt()
            < 0.11
        {
            ad_runtime::ndarray::concatenate(
                Axis(1),
                &[
                    (&t6.insert_axis(Axis(0)) + &t6.insert_axis(Axis(1))).view(),
                    (&(t3 / &a.slice(s![.., 2..])) * 0.0833).view(),
                ],
            )
            .unwrap()
        } else {
            nn::cross_entropy(&Array::from_elem((3, 2), 0.25_f64), &vec![0usize; 3])
                * &a.mapv(|v| v)
        };
    let t8 = (&nn::sigmoid(&(t5 + &t2)) * &nn::sigmoid(&(t5 + &t2)) + 0.5).powf(2.5);
    t7.mapv(|v| (v * v + 1.0).ln())
        .var_axis(Axis(1), 0.0)
        .mapv(f64::tanh)
        * ((&t7 * &t7).mean().unwrap() + t8.sum())
}

#[test]
fn test_f48() {
    let mut rng = Rng::new(231300606);
    let a = rand(&mut rng, (2, 5), 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, d_b) = f48_vjp(a.clone(), &b, seed.clone());
    assert_array(&y, &f48(a.clone(), &b), "value");
    assert_fd_array(|xx| inner(&seed, &f48(a.clone(), xx)), &b, &d_b, "db");
}

// dims (4, 2, 3)
#[differentiable(wrt(d))]
fn f49(a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let t1 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            nn::sigmoid(&(-c)).view(),
            d.view()
                .reversed_axes()
                .sum_axis(Axis(1))
                .mapv_into(|v| v)
                .view(),
        ],
    )
    .unwrap();
    let t2: ArrayView1<f64> = t1.slice(s![1..]);
    let t3: f64 = nn::softplus(a).dot(&(&t1 - a));
    let mut t4: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t5 = a[i + 1] - a[i] * a[i];
        let t6 = 1.0 - a[i];
        t4 += 2.47 * t5 * t5 + t6 * t6;
    }
    let t7: f64 = t4.tanh();
    let t8 = (t4 + 0.424).abs().tanh();
    nn::sigmoid(d).var(1.0) + (&t2 * &t2).mean().unwrap() + 0.283 * t3 + 0.915 * t7 + 0.507 * t8
}

#[test]
fn test_f49() {
    let mut rng = Rng::new(231300618);
    let a = rand(&mut rng, 4, 0.5, 1.5);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let d = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, d_d) = f49_grad(&a, &b, &c, &d);
    common::assert_near(v, f49(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f49(&a, &b, &c, xx), &d, &d_d, "dd");
}

// dims (3, 5, 2)
#[differentiable]
fn h50(a: &Array1<f64>) -> f64 {
    let t1: ArrayView1<f64> = a.slice(s![1..]);
    nn::logsumexp(&Array::from_elem((3, 2), 1.5_f64), Axis(0)).sum() + (&t1 * &t1).mean().unwrap()
}

#[test]
fn test_h50() {
    let mut rng = Rng::new(231300630);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let (v, d_a) = h50_grad(&a);
    common::assert_near(v, h50(&a), "value");
    assert_fd_array(|xx| h50(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h50_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h50_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h50_grad(&pp_a);
    let (_, gm_a) = h50_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 5, 2)
#[differentiable]
fn f50(k: usize, a: &Array1<f64>, s: f64, b: Array1<f64>) -> f64 {
    let ord = match k {
        0 => Order::C,
        _ => Order::F,
    };
    let t1 = (Array::from_elem((3, 5), 0.5_f64) * a.mean().unwrap())
        .to_shape(((3, 5), ord))
        .unwrap()
        .to_owned();
    let t2: Array2<f64> = t1
        .slice(s![..2, 2..])
        .to_shape(((3, 2), ord))
        .unwrap()
        .to_owned()
        .dot(&nn::log_softmax(&t1.slice(s![..2, ..]), Axis(0)))
        * &(b * t1.row(2)).mapv(|v| v * v + 1.0).sqrt();
    let mut t3: Array1<f64> = &t1
        .fold_axis(Axis(0), f64::INFINITY, |&acc: &f64, &x: &f64| acc.min(x))
        + &t1.index_axis(Axis(0), 2);
    let mut t4: f64 = s / s.exp();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t5: Array2<f64> = (&t2 * a.sum()).tanh();
        t3 = t3 + &r;
        t4 += (t4 + t5.mean().unwrap()).tanh();
    }
    let t6 = if (a * a).std(0.0) < -0.778 {
        Array::from_elem((5, 2), 0.25_f64)
            .mapv_into(f64::tanh)
            .var_axis(Axis(0), 1.0)
    } else {
        a * &(a / a)
    };
    let t7: ArrayView1<f64> = t1.index_axis(Axis(0), 0);
    let t8: f64 = s.cos().exp().sqrt();
    let t9: f64 = h50(&(&t2.column(4) + t7.sum()));
    let t10: f64 = t9.tanh();
    (-1.21_f64) + 0.91 * t3.sum() + 0.3 * t6.sum() + 0.659 * t8 + 0.976 * t9 + 0.493 * t10
}

#[test]
fn test_f50() {
    let mut rng = Rng::new(231300632);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let s = 0.7156;
    let b = rand(&mut rng, 5, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_s, d_b)) = f50_grad(k, &a, s, b.clone());
        common::assert_near(v, f50(k, &a, s, b.clone()), "value");
        assert_fd_array(|xx| f50(k, xx, s, b.clone()), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| f50(k, &a, xx[()], b.clone()),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(|xx| f50(k, &a, s, xx.clone()), &b, &d_b, "db");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 2, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_s = 0.5;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let t_b = rand(&mut rng, 5, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let (vj, tj) = f50_jvp(k, &a, s, b.clone(), &t_a, t_s, t_b.clone());
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
            + (d_s * t_s).abs()
            + (&d_b * &t_b).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_s, hg_b), (hh_a, hh_s, hh_b)) =
            f50_hvp(k, &a, s, b.clone(), &t_a, t_s, t_b.clone());
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_s, gp_b)) = f50_grad(k, &pp_a, pp_s, pp_b.clone());
        let (_, (gm_a, gm_s, gm_b)) = f50_grad(k, &pm_a, pm_s, pm_b.clone());
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
}

// dims (4, 2, 4)
#[differentiable(wrt(a, b, s, c))]
fn f51(a: &Array1<f64>, b: &Array2<f64>, s: f64, c: Array2<f64>, d: ArrayView2<f64>) -> f64 {
    let mut t1: Array1<f64> = nn::softmax(a, Axis(0)).to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t1 = t1 + &nn::sigmoid(&(a + c.var_axis(Axis(1), 1.0)));
        t2 = t2 * 0.8
            - (&ad_runtime::ndarray::stack(Axis(0), &[a.view(), a.view()]).unwrap()
                * &ad_runtime::ndarray::stack(Axis(0), &[a.view(), a.view()]).unwrap())
                .sum()
                .tanh();
    }
    let t3 = d.index_axis(Axis(1), 1);
    let t4: Array2<f64> = (c * &a.view().insert_axis(Axis(1)))
        .dot(&ad_runtime::ndarray::concatenate(Axis(1), &[d, d]).unwrap())
        - &nn::relu(&b.t()).var_axis(Axis(1), 0.0).insert_axis(Axis(1));
    let mut t5: Array1<f64> = d.fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &v: &f64| {
        m.min((v - t2).powi(2))
    }) / &t1.mapv(|v| v * v + 1.0);
    let mut t6: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t5 = (&t5 + &t1.mapv(f64::tanh)).mapv(f64::tanh);
        t6 = (t6
            + (&(&nn::logsumexp(&t4, Axis(0)) * &t3) * &(&nn::logsumexp(&t4, Axis(0)) * &t3))
                .sum()
                .tanh())
        .tanh();
    }
    let t7 = if b[[1, 3]] > -0.149 {
        (b / &(nn::sigmoid(&d.index_axis(Axis(1), 1)) + 0.25))
            - nn::cross_entropy(&d, &vec![0usize; 4])
    } else {
        (nn::sigmoid(&t4.slice(s![1..3, ..])) + 0.25)
            .ln()
            .mapv(|v| v * 0.565)
    };
    let mut t8: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t9: f64 = 0.0;
    for i in 0..t7.nrows() {
        let r = t7.row(i);
        t8 = (&t8 + &nn::sigmoid(&r)).mapv(f64::tanh);
        t9 += (t9 * a[0]) + (b[[0, 3]].powi(2) + 0.5).ln();
    }
    (t8.sum() * t8.sum() + 1.0).ln()
        + 0.751 * s
        + (&t5 * &t5).mean().unwrap()
        + 0.392 * t6
        + 0.802 * t8.sum()
}

#[test]
fn test_f51() {
    let mut rng = Rng::new(231300644);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let s = 0.7271;
    let c = rand(&mut rng, (4, 4), -1.0, 1.0);
    let d = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c)) = f51_grad(&a, &b, s, c.clone(), d.view());
    common::assert_near(v, f51(&a, &b, s, c.clone(), d.view()), "value");
    assert_fd_array(|xx| f51(xx, &b, s, c.clone(), d.view()), &a, &d_a, "da");
    assert_fd_array(|xx| f51(&a, xx, s, c.clone(), d.view()), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f51(&a, &b, xx[()], c.clone(), d.view()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f51(&a, &b, s, xx.clone(), d.view()), &c, &d_c, "dc");
}

// dims (3, 2, 5)
#[differentiable]
fn f52(a: &Array2<f64>, b: &Array1<f64>, c: Array1<f64>) -> Array1<f64> {
    let t1 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            Array1::<f64>::linspace(-0.5, 0.5, 3)
                .mapv(|v| (v.powi(2) - 0.5).powi(2) - 0.5)
                .view(),
            (-a.var_axis(Axis(1), 1.0)).view(),
        ],
    )
    .unwrap();
    let t2: ArrayView1<f64> = a.column(2);
    let t3: ArrayView1<f64> = t2.view();
    let t4 = t3.view();
    let t5 = a.column(2).powf(2.5).sum();
    let mut t6: Array1<f64> = t1.tanh().to_owned();
    let mut t7: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t8: Array1<f64> = (nn::sigmoid(b) + 0.25).ln();
        let t9 = &a.row(1) - &t1;
        t6 = t6 + &nn::sigmoid(&(&(&r + &t8) - t9));
        t7 = (t7 + r.sum().powi(2).tanh()).tanh();
    }
    ((&a.index_axis(Axis(0), 0) - a.std_axis(Axis(0), 0.0))
        / ((t3.sum() + t4.mean().unwrap()) * (t3.sum() + t4.mean().unwrap()) + 1.0))
        * (c.sum() + t4.sum() + t5 + t6.sum() + t7)
}

#[test]
fn test_f52() {
    let mut rng = Rng::new(231300656);
    let a = rand(&mut rng, (2, 5), 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f52_vjp(&a, &b, c.clone(), seed.clone());
    assert_array(&y, &f52(&a, &b, c.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f52(xx, &b, c.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f52(&a, xx, c.clone())), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f52(&a, &b, xx.clone())), &c, &d_c, "dc");
}

// dims (2, 5, 3)
#[differentiable]
fn f53(a: &Array1<f64>) -> Array1<f64> {
    let t1 = ((-0.749_f64) * &Array::from_elem((5, 5), 1.5_f64)).var_axis(Axis(0), 1.0);
    let t2: Array1<f64> = nn::sigmoid(a)
        .dot(&Array::from_elem((5, 3), 0.5_f64).dot(&Array::from_elem((3, 5), 1.5_f64)))
        .mapv_into(|v| v);
    let t3 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            Array1::<f64>::linspace(-0.5, 0.5, 2).view(),
            Array1::<f64>::ones(3).view(),
        ],
    )
    .unwrap()
    .tanh();
    let t4: Array1<f64> =
        &(&t1.exp().sqrt() * &t1.exp().sqrt() + 0.5).ln() - &(&t1 * &t2).tanh().cos();
    let t5: f64 = 0.697_f64;
    let t6 = if (t3[4] + a[4]) > 0.791 {
        t4.abs() - &(&t4.dot(&Array::from_elem((5, 5), 1.5_f64)) * 0.0749)
    } else {
        &(&t4 + &t1) / t5
    };
    let t7 = if t6[0] < 0.642 {
        (a + &t4).mapv(|v| ((v * 0.324) * (v * 0.324) + 0.5).sqrt())
    } else {
        Array::from_elem((5, 2), 1.5_f64).dot(&Array1::<f64>::ones(2))
    };
    (&(&t6 + t1[2]) / &(&t1 / &(nn::sigmoid(&t7) + 0.25)).mapv(|v| v * v + 1.0))
        * ((&t7 * &t7).mean().unwrap())
}

#[test]
fn test_f53() {
    let mut rng = Rng::new(231300668);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, d_a) = f53_vjp(&a, seed.clone());
    assert_array(&y, &f53(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f53(xx)), &a, &d_a, "da");
}

// dims (2, 4, 5)
#[differentiable]
fn f54(
    a: &Array2<f64>,
    b: &Array2<f64>,
    c: &Array1<f64>,
    d: ArrayView2<f64>,
    w: &Array1<f64>,
) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 1..w.len() {
        t1 += (w[i] - w[i - 1]).powi(2) * 1.1;
    }
    let t2: f64 = t1.tanh();
    let t3 = (a + a.mean().unwrap())
        .dot(&d.dot(&d.t()))
        .tanh()
        .map(|&v| (v * 1.2).exp());
    let mut t4: f64 = 0.0;
    for i in 0..w.len() - 1 {
        t4 += (w[i + 1] * t2 - w[i]).tanh();
    }
    let mut t5 = Array1::<f64>::zeros(4);
    let mut t6: f64 = d[[3, 2]] / (t1 * t1 + 1.0);
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t7 = t5.exp();
        let t8 = t5.dot(&d.slice(s![.., ..4]));
        t5 = (&t5 + &(&(&r + &t7) + &t8).tanh()).mapv(f64::tanh);
        t6 += nn::cross_entropy(&(&d.slice(s![..2, 1..]) - &t3), &vec![3usize; 2]).tanh();
    }
    let t9 = c.view();
    let t10: f64 = a[[1, 3]];
    t4.cos().cos() + 0.463 * t4 + 0.485 * t6 + (&t9 * &t9).mean().unwrap() + 0.846 * t10
}

#[test]
fn test_f54() {
    let mut rng = Rng::new(231300680);
    let a = rand(&mut rng, (2, 4), 0.5, 1.5);
    let b = rand(&mut rng, (2, 4), 0.5, 1.5);
    let c = rand(&mut rng, 8, 0.5, 1.5);
    let d = rand(&mut rng, (4, 5), -1.0, 1.0);
    let w = rand(&mut rng, 8, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f54_grad(&a, &b, &c, d.view(), &w);
    common::assert_near(v, f54(&a, &b, &c, d.view(), &w), "value");
    assert_fd_array(|xx| f54(xx, &b, &c, d.view(), &w), &a, &d_a, "da");
    assert_fd_array(|xx| f54(&a, xx, &c, d.view(), &w), &b, &d_b, "db");
    assert_fd_array(|xx| f54(&a, &b, xx, d.view(), &w), &c, &d_c, "dc");
    let d_d: Array2<f64> = d_d;
    assert_fd_array(|xx| f54(&a, &b, &c, xx.view(), &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f54(&a, &b, &c, d.view(), xx), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 8, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, 8, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f54_jvp(&a, &b, &c, d.view(), &w, &t_a, &t_b, &t_c, t_d.view(), &t_w);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum()
        + (&d_b * &t_b).sum()
        + (&d_c * &t_c).sum()
        + (&d_d * &t_d).sum()
        + (&d_w * &t_w).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum()
        + (&d_w * &t_w).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) =
        f54_hvp(&a, &b, &c, d.view(), &w, &t_a, &t_b, &t_c, t_d.view(), &t_w);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) = f54_grad(&pp_a, &pp_b, &pp_c, pp_d.view(), &pp_w);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) = f54_grad(&pm_a, &pm_b, &pm_c, pm_d.view(), &pm_w);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (4, 5, 2)
#[differentiable]
fn f55(a: &Array1<f64>) -> f64 {
    let t1 = (&a.view().insert_axis(Axis(1)) * &Array::from_elem(2, 0.25_f64).insert_axis(Axis(0)))
        .dot(&Array1::<f64>::ones(2).mapv(|v| v * (v.powi(2) - 0.5)));
    let t2 = a.slice(s![1..]);
    let t3 = nn::cross_entropy(
        &(t1[13] + &Array::from_elem((4, 5), 0.25_f64)),
        &vec![4usize; 4],
    );
    let t4 = if t3 < -0.407 {
        Array::from_elem((20, 5), 0.5_f64)
            .dot(&Array::from_elem((5, 2), 1.5_f64))
            .mean_axis(Axis(1))
            .unwrap()
    } else {
        ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                Array1::<f64>::linspace(-0.5, 0.5, 2).view(),
                Array1::<f64>::linspace(-0.5, 0.5, 2).view(),
            ],
        )
        .unwrap()
        .dot(&nn::softmax(&Array::from_elem((4, 20), 0.25_f64), Axis(1)))
    };
    let t5: Array1<f64> = (t4.sum()
        + &(&t4.mapv(|v| v * v + 1.0).powf(1.5) * 0.0342).mapv_into(f64::sin))
        .mapv(f64::tanh);
    let t6 = t1.slice(s![1..]);
    nn::cross_entropy(
        &nn::log_softmax(&Array::from_elem((4, 5), 0.5_f64), Axis(1)),
        &vec![1usize; 4],
    ) + (&t5 * &t5).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f55() {
    let mut rng = Rng::new(231300692);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let (v, d_a) = f55_grad(&a);
    common::assert_near(v, f55(&a), "value");
    assert_fd_array(|xx| f55(xx), &a, &d_a, "da");
}

// dims (3, 5, 2)
#[differentiable]
fn h56(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = if (1.12_f64.sqrt() / (a[1].exp() * a[1].exp() + 1.0)) < 0.47 {
        (-0.612_f64) * &Array2::<f64>::eye(2).dot(a)
    } else {
        a.mapv(f64::exp).mapv_into(|v| v.sin())
    };
    nn::cross_entropy_one_hot(
        &Array::from_elem((3, 5), 0.5_f64).map(|&v| v.exp()),
        &nn::softmax(
            &(&Array::from_elem(5, 1.5_f64) * Array::from_elem((3, 5), 0.5_f64)),
            Axis(1),
        ),
    ) + 0.512 * b.sum()
        + (&t1 * &t1).mean().unwrap()
}

#[test]
fn test_h56() {
    let mut rng = Rng::new(231300704);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 15, 0.5, 1.5);
    let (v, (d_a, d_b)) = h56_grad(&a, &b);
    common::assert_near(v, h56(&a, &b), "value");
    assert_fd_array(|xx| h56(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| h56(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 15, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h56_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h56_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h56_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = h56_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 5, 2)
#[differentiable(wrt(b, s, p))]
fn f56(a: &Array2<f64>, b: &Array2<f64>, s: f64, p: f64) -> f64 {
    let t1: f64 = a.mean().unwrap().powi(2) - (a.sum() * a.sum() + 1.0).ln();
    let t2: Array2<f64> = (&a
        .slice(s![.., 1..4])
        .dot(a)
        .map(|&v| ((v * 1.32) * v) * p + p)
        * 0.104)
        .cos();
    let t3: Array1<f64> = Array::from_elem((5, 2), 1.5_f64)
        .dot(&a.slice(s![1.., 2..]))
        .sum_axis(Axis(0))
        .mapv(f64::tanh);
    (b.std(1.0) * b.std(1.0) + 1.0).ln()
        + (b * b).mean().unwrap()
        + 0.273 * s
        + 0.435 * t1
        + 0.758 * t2.sum()
        + 0.421 * t3.sum()
}

#[test]
fn test_f56() {
    let mut rng = Rng::new(231300706);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let s = 0.4957;
    let p = 0.7041;
    let (v, (d_b, d_s, d_p)) = f56_grad(&a, &b, s, p);
    common::assert_near(v, f56(&a, &b, s, p), "value");
    assert_fd_array(|xx| f56(&a, xx, s, p), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f56(&a, &b, xx[()], p),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f56(&a, &b, s, xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let hstep = 1e-5;
    let t_b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_p = 0.7;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let (vj, tj) = f56_jvp(&a, &b, s, p, &t_b, t_s, t_p);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_b * &t_b).sum() + d_s * t_s + d_p * t_p;
    let scale: f64 = (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs() + (d_p * t_p).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_b, hg_s, hg_p), (hh_b, hh_s, hh_p)) = f56_hvp(&a, &b, s, p, &t_b, t_s, t_p);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_b, gp_s, gp_p)) = f56_grad(&a, &pp_b, pp_s, pp_p);
    let (_, (gm_b, gm_s, gm_p)) = f56_grad(&a, &pm_b, pm_s, pm_p);
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
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

// dims (5, 4, 2)
#[differentiable]
fn f57(a: &Array2<f64>) -> f64 {
    let t1: Array2<f64> =
        &(nn::cross_entropy(&Array::from_elem((5, 4), 1.5_f64), &vec![2usize; 5])
            + &(a.mean().unwrap() / Array::from_elem((4, 4), 0.5_f64)))
            .dot(&(a.mean().unwrap() - &a.cos()))
            * 0.0357;
    let mut t2: Array1<f64> = (&a.var_axis(Axis(0), 0.0) + a.var_axis(Axis(0), 0.0)).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4: f64 = a[[1, 0]];
        let t5 = r.mean().unwrap();
        t2 = &t2 * 0.7 + &(&r + &r).mapv(f64::tanh);
        t3 = (t3 + ((t1.mean().unwrap().exp() + t4) + t5).tanh()).tanh();
    }
    let mut t6: f64 = t1.mean().unwrap();
    if (t2[1] - t6.cos()) < 0.982 {
        t6 = t6 * 0.424 + nn::mse(&t2, &t2).tanh();
    } else {
        t6 = t2[0].tanh() - t6;
    }
    let t7 = t3
        * nn::cross_entropy_one_hot(
            &Array::from_elem((5, 4), 0.5_f64),
            &nn::softmax(&Array::from_elem((5, 4), 1.5_f64), Axis(1)),
        );
    let t8: ArrayView1<f64> = t1.index_axis(Axis(1), 0);
    (nn::mse(&t2, &t2) * a.sum()).tanh() + 0.646 * t7 + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f57() {
    let mut rng = Rng::new(231300718);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, d_a) = f57_grad(&a);
    common::assert_near(v, f57(&a), "value");
    assert_fd_array(|xx| f57(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f57_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f57_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f57_grad(&pp_a);
    let (_, gm_a) = f57_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 2, 4)
#[differentiable]
fn h58(a: &Array1<f64>, s: f64) -> f64 {
    let t1 = &nn::log_softmax(a, Axis(0))
        .dot(&Array::from_elem((3, 2), 1.5_f64).dot(&Array::from_elem((2, 3), 1.5_f64)))
        * 0.0296;
    let t2 = if (t1[1] + t1.sum()) < -1.22 {
        &a.dot(&Array::from_elem((3, 3), 0.5_f64)) - a
    } else {
        Array::from_elem((2, 3), 0.25_f64)
            .fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| {
                f64::max(m, (v - s).powi(2))
            })
            .mapv(|v| ((v * s).sin()).tanh())
    };
    (s / (a.sum() * a.sum() + 1.0)).powi(2) + 0.893 * t2.sum()
}

#[test]
fn test_h58() {
    let mut rng = Rng::new(231300730);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let s = 1.2236;
    let (v, (d_a, d_s)) = h58_grad(&a, s);
    common::assert_near(v, h58(&a, s), "value");
    assert_fd_array(|xx| h58(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h58(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h58_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h58_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h58_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = h58_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (3, 2, 4)
#[differentiable]
fn f58(a: &Array2<f64>, b: &Array2<f64>, c: ArrayView2<f64>) -> Array2<f64> {
    let t1 = (&(-&c) * c.mapv(|v| (v.powi(2) - 0.5).tanh())).std(1.0);
    let t2: Array2<f64> = if a.sum() < 0.575 {
        c.slice(s![..3, ..]).to_owned()
    } else {
        b.tanh() * nn::relu(b)
    };
    let t3: Array2<f64> = if b[[2, 0]] > 0.45 {
        &c / &(&c.mean_axis(Axis(0)).unwrap().mapv(|v| (v * 0.62).tanh())
            * &c.mean_axis(Axis(0)).unwrap().mapv(|v| (v * 0.62).tanh())
            + 0.5)
    } else {
        &c - &c.mapv(|v| v.powi(2) - 0.5)
    };
    let t4: f64 = h58(
        &(nn::sigmoid(&b.var_axis(Axis(1), 0.0)) + 0.25),
        b.mean().unwrap().exp().ln().powi(2) + 0.5,
    );
    let t5: f64 = t4.tanh();
    let t6: Array2<f64> = ad_runtime::ndarray::stack(
        Axis(1),
        &[
            (&a.index_axis(Axis(0), 2) - nn::logsumexp(a, Axis(0))).view(),
            t3.std_axis(Axis(1), 0.0).mapv(|v| v * t5).view(),
        ],
    )
    .unwrap();
    let t7 = nn::softplus(&t6.powi(2).mapv(f64::tanh));
    let t8 = a.view();
    nn::sigmoid(&b.mapv(|v| (v.tanh()).exp()).exp()) + (t1 + t2.sum() + t4 + t7.sum() + t8.sum())
}

#[test]
fn test_f58() {
    let mut rng = Rng::new(231300732);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f58_vjp(&a, &b, c.view(), seed.clone());
    assert_array(&y, &f58(&a, &b, c.view()), "value");
    assert_fd_array(|xx| inner(&seed, &f58(xx, &b, c.view())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f58(&a, xx, c.view())), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| inner(&seed, &f58(&a, &b, xx.view())), &c, &d_c, "dc");
}

// dims (2, 3, 2)
#[differentiable]
fn f59(a: ArrayView2<f64>, b: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let t1: Array1<f64> = c.index_axis(Axis(1), 0).abs();
    let t2: Array1<f64> = &c.slice(s![.., ..2]).mean_axis(Axis(1)).unwrap() * &b.mapv(|v| v);
    let t3 = 1.16_f64;
    let mut t4: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t4 = t4 * 0.8 + b[i].sin() * b[i + 1];
    }
    (t2.sum() - 0.829_f64)
        + (&a * &a).mean().unwrap()
        + (&t1 * &t1).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + 0.255 * t3
        + 0.931 * t4
}

#[test]
fn test_f59() {
    let mut rng = Rng::new(231300744);
    let a = rand(&mut rng, (2, 2), -1.0, 1.0);
    let b = rand(&mut rng, 2, 0.5, 1.5);
    let c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f59_grad(a.view(), &b, &c);
    common::assert_near(v, f59(a.view(), &b, &c), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f59(xx.view(), &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f59(a.view(), xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f59(a.view(), &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f59_jvp(a.view(), &b, &c, t_a.view(), &t_b, &t_c);
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
        f59_hvp(a.view(), &b, &c, t_a.view(), &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f59_grad(pp_a.view(), &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = f59_grad(pm_a.view(), &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (3, 5, 3)
#[differentiable]
fn f60(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>, d: Array1<f64>, w: Array1<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 1..w.len() {
        t1 += (w[i] - w[i - 1]).powi(2) * 0.544;
    }
    let t2: Array1<f64> = &(&(-d)
        * b.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc: &f64, &x: &f64| {
            x.max(acc)
        }))
        / &(&c.map(|&v| v).sum_axis(Axis(0)) * &c.map(|&v| v).sum_axis(Axis(0)) + 0.5);
    let t3: Array2<f64> = c.mean_axis(Axis(0)).unwrap().dot(b).insert_axis(Axis(1))
        + &(&w / 1.32_f64).insert_axis(Axis(0));
    let mut t4: f64 = nn::cross_entropy(c, &vec![1usize; 3]);
    if t3[[0, 2]] < 0.478 {
        let t5 = b[[1, 0]].exp().sqrt();
        t4 = t4 * 0.853 + b.std(0.0);
    } else {
        t4 = t1.tanh() - t4;
    }
    let t6 = a.index_axis(Axis(1), 0);
    (c[[0, 3]] * 0.924_f64).exp().sqrt() + 0.268 * t2.sum() + 0.929 * t4 + 0.888 * t6.sum()
}

#[test]
fn test_f60() {
    let mut rng = Rng::new(231300756);
    let a = rand(&mut rng, (3, 3), -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let w = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f60_grad(&a, &b, &c, d.clone(), w.clone());
    common::assert_near(v, f60(&a, &b, &c, d.clone(), w.clone()), "value");
    assert_fd_array(|xx| f60(xx, &b, &c, d.clone(), w.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f60(&a, xx, &c, d.clone(), w.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f60(&a, &b, xx, d.clone(), w.clone()), &c, &d_c, "dc");
    assert_fd_array(|xx| f60(&a, &b, &c, xx.clone(), w.clone()), &d, &d_d, "dd");
    assert_fd_array(|xx| f60(&a, &b, &c, d.clone(), xx.clone()), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 5, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, 3, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f60_jvp(
        &a,
        &b,
        &c,
        d.clone(),
        w.clone(),
        &t_a,
        &t_b,
        &t_c,
        t_d.clone(),
        t_w.clone(),
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum()
        + (&d_b * &t_b).sum()
        + (&d_c * &t_c).sum()
        + (&d_d * &t_d).sum()
        + (&d_w * &t_w).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum()
        + (&d_w * &t_w).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f60_hvp(
        &a,
        &b,
        &c,
        d.clone(),
        w.clone(),
        &t_a,
        &t_b,
        &t_c,
        t_d.clone(),
        t_w.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) =
        f60_grad(&pp_a, &pp_b, &pp_c, pp_d.clone(), pp_w.clone());
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) =
        f60_grad(&pm_a, &pm_b, &pm_c, pm_d.clone(), pm_w.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (2, 4, 3)
#[differentiable]
fn f61(a: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = nn::sigmoid(
        &Array::from_elem((4, 3), 0.25_f64)
            .dot(&(a.mean().unwrap() - &Array::from_elem((3, 4), 1.5_f64)))
            .dot(&(Array2::<f64>::eye(2).to_shape(4).unwrap().to_owned() * &(a + a))),
    );
    let t2: Array1<f64> =
        (&Array::from_elem((4, 4), 0.5_f64)
            .fold_axis(Axis(1), f64::INFINITY, |&m, &v| f64::min(v * 1.17, m))
            + (&t1 - a))
            + &t1.mapv(|v| v * v + 1.0).sqrt();
    let t3 = nn::log_softmax(&Array::from_elem((3, 4), 0.25_f64), Axis(1)).fold_axis(
        Axis(0),
        f64::NEG_INFINITY,
        |m, v| m.max(*v),
    );
    let t4: Array1<f64> = Array1::<f64>::linspace(-0.5, 0.5, 3)
        .tanh()
        .dot(&Array::from_elem((3, 4), 0.25_f64));
    let t5 = (&t1 + &t1) / (a / (nn::softplus(&t2) + 0.5)).mapv(|v| v * v + 1.0);
    let t6: Array1<f64> = (((-0.599_f64) + (-0.908_f64)) * Array2::<f64>::eye(4).mapv(f64::exp))
        .dot(&((t2 / &(nn::softplus(&t1) + 0.5)) * t5.sum()).mapv(f64::tanh))
        .mapv(f64::tanh);
    (Array::from_elem((4, 2), 0.5_f64) - t6[2])
        .mean_axis(Axis(1))
        .unwrap()
        + ((&t3 * &t3).mean().unwrap() + (&t4 * &t4).mean().unwrap() + (&t6 * &t6).mean().unwrap())
}

#[test]
fn test_f61() {
    let mut rng = Rng::new(231300768);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, d_a) = f61_vjp(&a, seed.clone());
    assert_array(&y, &f61(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f61(xx)), &a, &d_a, "da");
}

// dims (5, 4, 2)
#[differentiable(wrt(a, b))]
fn f62(k: usize, a: ArrayView2<f64>, b: &Array2<f64>, c: &Array1<f64>) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1: Array2<f64> = Array::from_elem((4, 5), 0.5_f64)
        .mapv(|v| v.powi(2) - 0.5)
        .to_shape(((5, 4), ord))
        .unwrap()
        .to_owned();
    let t2 = b.column(0);
    let t3: Array2<f64> = (&t1.slice(s![..4, ..2]) - &t1.slice(s![1.., 1..3])).tanh();
    let mut t4: f64 = 0.0;
    for i in 0..c.len() - 1 {
        let t5 = c[i + 1] - c[i] * c[i];
        let t6 = 1.0 - c[i];
        t4 += 1.39 * t5 * t5 + t6 * t6;
    }
    let t7: f64 = t4.tanh();
    let t8 = c.slice(s![1..]);
    let t9 = ad_runtime::ndarray::stack(
        Axis(1),
        &[
            t1.slice(s![.., 2..]).dot(&t3.index_axis(Axis(0), 0)).view(),
            Array2::<f64>::eye(5).dot(&t2).view(),
        ],
    )
    .unwrap();
    let mut t10: Array1<f64> = t1
        .t()
        .fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &x: &f64| m.min(x))
        .to_owned();
    let mut t11: f64 = t7 / c[0].exp();
    for i in 0..t9.nrows() {
        let r = t9.row(i);
        let t12: f64 = b.sum() / (t1[[4, 1]] * t1[[4, 1]] + 1.0);
        t10 = (&t10 + &nn::relu(&t2)).mapv(f64::tanh);
        t11 = (t11 + ((&(-&t3.column(1)) * &(-&t3.column(1))).sum() + t12).tanh()).tanh();
    }
    let t13: Array2<f64> = &nn::softmax(&t8, Axis(0)).insert_axis(Axis(0))
        - (&t2 / (&t10 * &t10 + 0.5)).insert_axis(Axis(1));
    ((t2.sum() + &b.index_axis(Axis(1), 0)) + t10.powi(3))
        + ((&a * &a).mean().unwrap() + t11 + (&t13 * &t13).mean().unwrap())
}

#[test]
fn test_f62() {
    let mut rng = Rng::new(231300780);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 5, -1.0, 1.0);
        let (y, (d_a, d_b)) = f62_vjp(k, a.view(), &b, &c, seed.clone());
        assert_array(&y, &f62(k, a.view(), &b, &c), "value");
        let d_a: Array2<f64> = d_a;
        assert_fd_array(
            |xx| inner(&seed, &f62(k, xx.view(), &b, &c)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(|xx| inner(&seed, &f62(k, a.view(), xx, &c)), &b, &d_b, "db");
    }
}

// dims (5, 3, 4)
#[differentiable]
fn f63(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let mut t1: Array2<f64> = (a.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1)) + a).to_owned();
    if ((0.671_f64 - (-1.03_f64)).powi(2) + 0.5).sqrt() < -0.681 {
        let t2 = a.mean().unwrap();
        t1 = &t1 * 0.559
            + &a.view()
                .reversed_axes()
                .to_shape((5, 4))
                .unwrap()
                .into_owned();
    } else {
        t1 = &t1 - &t1;
    }
    let t3 = -1.45_f64;
    let mut t4: f64 = 0.0;
    for i in 1..b.len() {
        t4 += (b[i] - b[i - 1]).powi(2) * 1.14;
    }
    let t5 = t4.tanh();
    let mut t6: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t6 = t6 * 0.8 + b[i].sin() * b[i + 1];
    }
    let mut t7 = Array1::<f64>::zeros(4);
    let mut t8: f64 = t7.mean().unwrap();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t7 = &(nn::softplus(&r) + 0.5).powf(0.5) * r[2].cos() + t7;
        t8 += nn::cross_entropy(&a.dot(&a.slice(s![1.., 1..])), &vec![0usize; 5]).tanh();
    }
    (a.mean().unwrap() + t7[1]).sin() + 0.828 * t3 + 0.259 * t5 + 0.58 * t6 + 0.731 * t8
}

#[test]
fn test_f63() {
    let mut rng = Rng::new(231300792);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b)) = f63_grad(&a, &b);
    common::assert_near(v, f63(&a, &b), "value");
    assert_fd_array(|xx| f63(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f63(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f63_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f63_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f63_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f63_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 2, 4)
#[differentiable]
fn h64(a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>) -> f64 {
    let t1 = b.mean().unwrap();
    let t2 = b.abs().abs();
    ((b[[2, 0]] + 0.576).abs().powi(2) + 0.5).sqrt()
        + 0.348 * a.sum()
        + (c * c).mean().unwrap()
        + 0.35 * t1
        + 0.758 * t2.sum()
}

#[test]
fn test_h64() {
    let mut rng = Rng::new(231300804);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h64_grad(&a, &b, &c);
    common::assert_near(v, h64(&a, &b, &c), "value");
    assert_fd_array(|xx| h64(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| h64(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| h64(&a, &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 2, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h64_jvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c), (hh_a, hh_b, hh_c)) = h64_hvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h64_grad(&pp_a, &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = h64_grad(&pm_a, &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (3, 2, 4)
#[differentiable]
fn f64(a: &Array1<f64>) -> f64 {
    let t1: ArrayView1<f64> = a.view();
    let t2: Array1<f64> = if t1[2] > 0.411 {
        a.mapv(|v| v).mapv_into(|v| v * v)
    } else {
        nn::softmax(&Array::from_elem((2, 3), 0.25_f64), Axis(1)).fold_axis(
            Axis(0),
            f64::NEG_INFINITY,
            |acc, x| acc.max(*x),
        )
    };
    let mut t3: f64 = 0.0;
    for i in 0..t1.len() - 1 {
        t3 = t3 * 0.8 + t1[i].sin() * t1[i + 1];
    }
    (a[1].sin() + 0.472).abs() + (&t2 * &t2).mean().unwrap() + 0.924 * t3
}

#[test]
fn test_f64() {
    let mut rng = Rng::new(231300806);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let (v, d_a) = f64_grad(&a);
    common::assert_near(v, f64(&a), "value");
    assert_fd_array(|xx| f64(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f64_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f64_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f64_grad(&pp_a);
    let (_, gm_a) = f64_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 2, 3)
#[differentiable(wrt(a, c))]
fn f65(a: &Array2<f64>, k: usize, b: &Array1<f64>, c: &Array1<f64>, d: Array1<f64>, s: f64) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = (&a.slice(s![.., ..2]) + &c.view().insert_axis(Axis(0)))
        .to_shape(((4, 2), ord))
        .unwrap()
        .to_owned();
    let t2 = ad_runtime::ndarray::stack(
        Axis(0),
        &[
            a.slice(s![..3, ..]).dot(&d).view(),
            d.map(|&v| {
                if v > -0.283 {
                    ((v * s) * (v * s) + 1.0).ln()
                } else {
                    v * 1.28
                }
            })
            .view(),
        ],
    )
    .unwrap();
    let mut t3: f64 = t1[[2, 0]].sin();
    if s < -0.244 {
        let t4: f64 = d[0];
        t3 = t3 * 0.56 + a.sum().tanh();
    } else {
        t3 = t2.mean().unwrap() - t3;
    }
    let mut t5: Array1<f64> = (nn::sigmoid(&d) + 0.25).sqrt();
    let mut t6: f64 = 0.0;
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t7: f64 = t1.mean().unwrap().cos();
        t5 = (&t5 + &r.tanh()).mapv(f64::tanh);
        t6 = t6 * 0.8 - t7;
    }
    let t8 = (&c.cos() * &c.cos() + 0.5).powf(2.5);
    let mut t9: Array2<f64> = t1 + a.index_axis(Axis(1), 1).insert_axis(Axis(1));
    let mut t10: f64 = t3.sin();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t9 = &t9 * 0.7
            + &(&a
                .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &x: &f64| x.max(m))
                .insert_axis(Axis(1))
                / (nn::sigmoid(&t8.view().insert_axis(Axis(0))) + 0.25))
                .tanh();
        t10 = t10 * 0.8 - b[1];
    }
    let mut t11: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t11 = t11 * 0.8 + c[i].sin() * c[i + 1];
    }
    t11.tanh().tanh()
        + 0.49 * t5.sum()
        + 0.93 * t6
        + (&t9 * &t9).mean().unwrap()
        + 0.613 * t10
        + 0.589 * t11
}

#[test]
fn test_f65() {
    let mut rng = Rng::new(231300818);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let d = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.4061;
    for k in 0..2usize {
        let (v, (d_a, d_c)) = f65_grad(&a, k, &b, &c, d.clone(), s);
        common::assert_near(v, f65(&a, k, &b, &c, d.clone(), s), "value");
        assert_fd_array(|xx| f65(xx, k, &b, &c, d.clone(), s), &a, &d_a, "da");
        assert_fd_array(|xx| f65(&a, k, &b, xx, d.clone(), s), &c, &d_c, "dc");
    }
}

// dims (5, 2, 4)
#[differentiable]
fn f66(a: &Array2<f64>) -> f64 {
    let mut t1: Array2<f64> = &a.column(1).insert_axis(Axis(1)) * a;
    if nn::mse(
        &(1.34_f64 / a),
        &a.view()
            .reversed_axes()
            .to_shape((5, 2))
            .unwrap()
            .into_owned(),
    ) < -0.434
    {
        t1 = &t1 * 0.36 + &(&t1 / &a.index_axis(Axis(0), 0)).mapv(f64::tanh);
    }
    let mut t2: Array2<f64> = ad_runtime::ndarray::stack(
        Axis(1),
        &[
            a.fold_axis(Axis(1), f64::NEG_INFINITY, |acc, x| acc.max(*x))
                .view(),
            t1.fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &x: &f64| m.max(x))
                .view(),
        ],
    )
    .unwrap()
    .to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = t1[[1, 1]];
        let t5: f64 = t4;
        t2 = &t2 * 0.7 + &(&Array2::<f64>::eye(5).dot(&t2) * 0.123);
        t3 = t3 * 0.8 - ((a[[0, 1]].sin() + 0.306).abs() + t5).tanh();
    }
    let t6 = nn::sigmoid(&t2);
    let t7 = -0.716_f64;
    let t8: ArrayView1<f64> = t6.row(4);
    (nn::mse(&t8, &t8) - t7.exp()) + 0.545 * t3 + 0.435 * t7 + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f66() {
    let mut rng = Rng::new(231300830);
    let a = rand(&mut rng, (5, 2), 0.5, 1.5);
    let (v, d_a) = f66_grad(&a);
    common::assert_near(v, f66(&a), "value");
    assert_fd_array(|xx| f66(xx), &a, &d_a, "da");
}

// dims (4, 5, 3)
#[differentiable]
fn h67(a: &Array2<f64>, b: &Array2<f64>) -> f64 {
    let t1 = b.view().reversed_axes();
    t1[[2, 1]] + 0.762 * a.sum() + 0.674 * t1.sum()
}

#[test]
fn test_h67() {
    let mut rng = Rng::new(231300842);
    let a = rand(&mut rng, (4, 5), 0.5, 1.5);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_a, d_b)) = h67_grad(&a, &b);
    common::assert_near(v, h67(&a, &b), "value");
    assert_fd_array(|xx| h67(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| h67(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h67_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h67_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h67_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = h67_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (4, 5, 3)
#[differentiable]
fn f67(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    let t1 = (b + b).map(|&v| v.powi(2) - 0.5);
    let t2 = nn::sigmoid(
        &(&(b.mean().unwrap().sin() * nn::softplus(&t1))
            * &(&(a[19] + b) + (-0.97_f64).exp().sqrt())),
    );
    let mut t3: Array1<f64> = a.mapv(|v| ((v * v + 0.5).sqrt()).exp());
    if (-t1).mean().unwrap() > -0.792 {
        let t4: f64 = t3.mean().unwrap();
        t3 = &t3 * 0.472
            + &Array::from_elem((4, 5), 1.5_f64)
                .to_shape((20, Order::RowMajor))
                .unwrap();
    } else {
        t3 = &(&(&t3 - (-1.4_f64)) * 0.227) - &t3;
    }
    let t5 = 0.792_f64;
    let t6: Array1<f64> = Array::from_elem((20, 3), 0.5_f64).exp().sum_axis(Axis(1));
    (t2[0] + b.mean().unwrap()) + (&t2 * &t2).mean().unwrap() + 0.223 * t5 + 0.539 * t6.sum()
}

#[test]
fn test_f67() {
    let mut rng = Rng::new(231300844);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b)) = f67_grad(&a, &b);
    common::assert_near(v, f67(&a, &b), "value");
    assert_fd_array(|xx| f67(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f67(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 20, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f67_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f67_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f67_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f67_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 2, 3)
#[differentiable]
fn h68(a: &Array1<f64>, b: &Array1<f64>, s: f64) -> f64 {
    let t1 = a.abs().mapv(|v| ((v * s) * s + s).tanh());
    let t2 = (b * b).abs();
    s + 0.41 * t1.sum() + 0.817 * t2.sum()
}

#[test]
fn test_h68() {
    let mut rng = Rng::new(231300856);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.6330;
    let (v, (d_a, d_b, d_s)) = h68_grad(&a, &b, s);
    common::assert_near(v, h68(&a, &b, s), "value");
    assert_fd_array(|xx| h68(xx, &b, s), &a, &d_a, "da");
    assert_fd_array(|xx| h68(&a, xx, s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| h68(&a, &b, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h68_jvp(&a, &b, s, &t_a, &t_b, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) = h68_hvp(&a, &b, s, &t_a, &t_b, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = h68_grad(&pp_a, &pp_b, pp_s);
    let (_, (gm_a, gm_b, gm_s)) = h68_grad(&pm_a, &pm_b, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (5, 2, 3)
#[differentiable]
fn f68(a: Array2<f64>) -> f64 {
    let t1: Array2<f64> = (a[[4, 0]] * &a).tanh();
    let mut t2: Array2<f64> = &t1 + &a.std_axis(Axis(0), 0.0);
    let mut t3: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4 = r;
        let t5 = t4;
        t2 = t2 + &t1.to_shape(((5, 3), Order::ColumnMajor)).unwrap();
        t3 = (t3 + (t4.mean().unwrap().sin() + t5.mean().unwrap())).tanh();
    }
    let t6 = t3;
    let mut t7: Array2<f64> = (&a * &a + 0.5).sqrt().to_owned();
    if t2.var(0.0).tanh().exp() > 0.44 {
        t7 = &t7 * 0.412 + &a;
    }
    let t8 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            a.slice(s![..3, ..]).abs().view(),
            (-&a.slice(s![3.., ..])).view(),
        ],
    )
    .unwrap()
    .to_shape(((5, 3), Order::ColumnMajor))
    .unwrap()
    .into_owned();
    let mut t9: f64 = (t1[[4, 0]].powi(2) + 0.5).sqrt();
    if t9 > -0.109 {
        t9 = t9 * 0.385 + t2.var(1.0).tanh();
    } else {
        t9 = t7[[0, 0]].cos() - t9;
    }
    ((t2.sum() / t1[[0, 1]].exp()).tanh() * (t2.sum() / t1[[0, 1]].exp()).tanh() + 1.0).sqrt()
        + 0.308 * t6
        + 0.418 * t8.sum()
}

#[test]
fn test_f68() {
    let mut rng = Rng::new(231300858);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, d_a) = f68_grad(a.clone());
    common::assert_near(v, f68(a.clone()), "value");
    assert_fd_array(|xx| f68(xx.clone()), &a, &d_a, "da");
}

// dims (2, 5, 3)
#[differentiable(wrt(s, d))]
fn f69(a: ArrayView2<f64>, b: &Array1<f64>, s: f64, c: &Array2<f64>, d: ArrayView2<f64>) -> f64 {
    let mut t1 = Array1::<f64>::zeros(5);
    let mut t2: f64 = c.mean().unwrap().cos();
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t3: f64 = (i as f64 * 0.3);
        let t4: Array2<f64> = &t1 / &(c * c + 0.5);
        t1 = &t1 + &(&t1 - &r);
        t2 += ((t1[4] + t3) + t4.mean().unwrap()).tanh();
    }
    let mut t5: Array1<f64> = t1.clone();
    let mut t6: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t7 = r[3].exp();
        let t8 = d.row(1);
        t5 = t5 + &(&r - (&t8 + s)).mapv(f64::tanh);
        t6 = (t6 + (a.t().dot(b).sum() + t7).tanh()).tanh();
    }
    let mut t9: Array2<f64> = -&a;
    if (0.672_f64 + 0.218).abs().powi(2) > 0.11 {
        t9 = &t9 * 0.48 + &nn::sigmoid(&(&d * &t5.view().insert_axis(Axis(0))));
    } else {
        t9 = &d - &t9;
    }
    let t10: Array2<f64> = ad_runtime::ndarray::concatenate(
        Axis(1),
        &[d.t(), c.view().reversed_axes().map(|&v| v).view()],
    )
    .unwrap()
    .dot(
        &ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                (t6 + &d.slice(s![1.., 1..4])).view(),
                (b + &d.slice(s![.., ..3])).view(),
            ],
        )
        .unwrap(),
    );
    let t11 = nn::relu(&c.cos());
    let t12 = t10.sum();
    let t13 = d.row(1);
    d.t().dot(b).std(1.0)
        + 0.741 * t2
        + (&t9 * &t9).mean().unwrap()
        + 0.616 * t11.sum()
        + 0.438 * t12
        + 0.771 * t13.sum()
}

#[test]
fn test_f69() {
    let mut rng = Rng::new(231300870);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let s = -1.1801;
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_s, d_d)) = f69_grad(a.view(), &b, s, &c, d.view());
    common::assert_near(v, f69(a.view(), &b, s, &c, d.view()), "value");
    let fd_s = fd(
        |xx: &Array<f64, _>| f69(a.view(), &b, xx[()], &c, d.view()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_d: Array2<f64> = d_d;
    assert_fd_array(|xx| f69(a.view(), &b, s, &c, xx.view()), &d, &d_d, "dd");
}

// dims (3, 2, 4)
#[differentiable]
fn f70(
    a: Array2<f64>,
    b: &Array2<f64>,
    k: usize,
    c: &Array2<f64>,
    d: &Array2<f64>,
    s: f64,
) -> Array2<f64> {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = b.dot(&a).to_shape(((3, 2), ord)).unwrap().into_owned();
    let t2 = if (0.915_f64 * b.mean().unwrap()) < 0.11 {
        (-0.775_f64).tanh() - (c.mean().unwrap() + s)
    } else {
        ((-0.738_f64) + s) * a[[0, 1]].powi(2)
    };
    let t3 = Array::from_elem((4, 4), 1.5_f64).dot(&a).map(|&v| v * s);
    let mut t4: Array2<f64> = a.view().reversed_axes().to_owned();
    let mut t5: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t6 = b.mapv(|v| (v.sin()) * s + s);
        t4 = (&t4 + &(&(c * &t1.index_axis(Axis(0), 0).insert_axis(Axis(1))) * 0.333))
            .mapv(f64::tanh);
        t5 = (t5 + (c.sum() + t6.mean().unwrap()).tanh()).tanh();
    }
    nn::sigmoid(&(&t4 + t2)).exp() * (t2 + (&t3 * &t3).mean().unwrap() + t4.sum() + t5)
}

#[test]
fn test_f70() {
    let mut rng = Rng::new(231300882);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let c = rand(&mut rng, (2, 4), 0.5, 1.5);
    let d = rand(&mut rng, (3, 4), -1.0, 1.0);
    let s = 0.5454;
    for k in 0..2usize {
        let seed = rand(&mut rng, (2, 4), -1.0, 1.0);
        let (y, (d_a, d_b, d_c, d_d, d_s)) = f70_vjp(a.clone(), &b, k, &c, &d, s, seed.clone());
        assert_array(&y, &f70(a.clone(), &b, k, &c, &d, s), "value");
        assert_fd_array(
            |xx| inner(&seed, &f70(xx.clone(), &b, k, &c, &d, s)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f70(a.clone(), xx, k, &c, &d, s)),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f70(a.clone(), &b, k, xx, &d, s)),
            &c,
            &d_c,
            "dc",
        );
        assert_fd_array(
            |xx| inner(&seed, &f70(a.clone(), &b, k, &c, xx, s)),
            &d,
            &d_d,
            "dd",
        );
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f70(a.clone(), &b, k, &c, &d, xx[()])),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    }
}

// dims (3, 5, 3)
#[differentiable]
fn f71(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    let t1 = ((-0.36_f64).tanh().powi(2) + 0.5).sqrt().tanh();
    let t2 = b.var_axis(Axis(1), 0.0);
    let t3 = t2.slice(s![1..]);
    let t4 = b.column(1);
    let t5 = b.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| acc.min(x * t1));
    (t2.mean().unwrap().powi(2) * t2.mean().unwrap().powi(2) + 1.0).sqrt()
        + (a * a).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
        + 0.418 * t5.sum()
}

#[test]
fn test_f71() {
    let mut rng = Rng::new(231300894);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_a, d_b)) = f71_grad(&a, &b);
    common::assert_near(v, f71(&a, &b), "value");
    assert_fd_array(|xx| f71(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f71(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f71_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f71_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f71_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f71_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 5, 2)
#[differentiable]
fn f72(a: &Array2<f64>, k: usize) -> Array1<f64> {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1: Array2<f64> = (0.613_f64 + Array::from_elem((5, 3), 1.5_f64))
        .to_shape(((3, 5), ord))
        .unwrap()
        .to_owned();
    let t2: Array2<f64> = (-a) * a.index_axis(Axis(0), 1);
    let t3 = t1.view().reversed_axes();
    let mut t4: Array2<f64> = &t3.var_axis(Axis(1), 0.0).insert_axis(Axis(1)) / &t3;
    if nn::mse(
        &t1.to_shape(((5, 3), ord)).unwrap().to_owned(),
        &(&t4 + &t3.index_axis(Axis(0), 2).insert_axis(Axis(0))),
    ) > -0.347
    {
        let t5: f64 = 0.903_f64 / (a.sum() * a.sum() + 1.0);
        t4 = &t4 * 0.899
            + &(&(t4
                .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &v: &f64| v.max(m))
                .insert_axis(Axis(1))
                - &t4)
                * 0.237);
    }
    let t6 = Array::from_elem((5, 5), 1.5_f64)
        .exp()
        .dot(&t3.map(|&v| if v > -0.351 { v * v } else { v }))
        .tanh()
        .std(0.0);
    let t7 = a.row(1);
    ((&t7 + 0.905_f64) * t4.mean().unwrap().sin()) + (t2.sum() + t6 + t7.sum())
}

#[test]
fn test_f72() {
    let mut rng = Rng::new(231300906);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 2, -1.0, 1.0);
        let (y, d_a) = f72_vjp(&a, k, seed.clone());
        assert_array(&y, &f72(&a, k), "value");
        assert_fd_array(|xx| inner(&seed, &f72(xx, k)), &a, &d_a, "da");
    }
}

// dims (5, 4, 2)
#[differentiable]
fn f73(a: &Array1<f64>) -> f64 {
    let t1: f64 = nn::cross_entropy_one_hot(
        &(Array::from_elem((5, 4), 0.25_f64)
            / &Array1::<f64>::linspace(-0.5, 0.5, 4)
                .insert_axis(Axis(0))
                .mapv(|v| v * v + 1.0))
            .mapv(f64::exp),
        &nn::softmax(
            &(a.mean().unwrap() / Array::from_elem((5, 4), 0.5_f64)).powi(2),
            Axis(1),
        ),
    );
    let t2 = (a + a).dot(&Array::from_elem((5, 5), 0.5_f64));
    let mut t3: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t3 += a[i] * a[i + 1];
    }
    nn::cross_entropy(
        &Array::from_elem((5, 5), 0.5_f64).dot(&Array::from_elem((5, 4), 1.5_f64)),
        &vec![2usize; 5],
    ) + 0.625 * t1
        + (&t2 * &t2).mean().unwrap()
        + 0.342 * t3
}

#[test]
fn test_f73() {
    let mut rng = Rng::new(231300918);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let (v, d_a) = f73_grad(&a);
    common::assert_near(v, f73(&a), "value");
    assert_fd_array(|xx| f73(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f73_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f73_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f73_grad(&pp_a);
    let (_, gm_a) = f73_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 2, 4)
#[differentiable]
fn f74(a: &Array2<f64>, b: ArrayView2<f64>) -> f64 {
    let t1: ArrayView1<f64> = b.column(1);
    let t2: Array2<f64> = &b * 0.753_f64.sqrt();
    let t3: ArrayView1<f64> = a.row(0);
    (&t2.slice(s![1.., ..]) * &t2.slice(s![1.., ..])).sum()
        + (&t1 * &t1).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + 0.544 * t3.sum()
}

#[test]
fn test_f74() {
    let mut rng = Rng::new(231300930);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (v, (d_a, d_b)) = f74_grad(&a, b.view());
    common::assert_near(v, f74(&a, b.view()), "value");
    assert_fd_array(|xx| f74(xx, b.view()), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f74(&a, xx.view()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f74_jvp(&a, b.view(), &t_a, t_b.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f74_hvp(&a, b.view(), &t_a, t_b.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f74_grad(&pp_a, pp_b.view());
    let (_, (gm_a, gm_b)) = f74_grad(&pm_a, pm_b.view());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 2, 4)
#[differentiable]
fn h75(a: ArrayView2<f64>, b: &Array1<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..b.len() - 1 {
        let t2 = b[i + 1] - b[i] * b[i];
        let t3 = 1.0 - b[i];
        t1 += 1.14 * t2 * t2 + t3 * t3;
    }
    let t4: f64 = t1.tanh();
    (t1 * a.sum()).tanh() + 0.961 * a.sum() + 0.348 * t4
}

#[test]
fn test_h75() {
    let mut rng = Rng::new(231300942);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b)) = h75_grad(a.view(), &b);
    common::assert_near(v, h75(a.view(), &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h75(xx.view(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| h75(a.view(), xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h75_jvp(a.view(), &b, t_a.view(), &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h75_hvp(a.view(), &b, t_a.view(), &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h75_grad(pp_a.view(), &pp_b);
    let (_, (gm_a, gm_b)) = h75_grad(pm_a.view(), &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 2, 4)
#[differentiable]
fn f75(a: &Array2<f64>, b: &Array1<f64>, s: f64, c: &Array1<f64>) -> Array1<f64> {
    let mut t1: Array2<f64> = a.mapv(|v| ((v * s) * (v * s)).powi(2) - 0.5);
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = &t1 * 0.7 + &(&nn::relu(&t1) * 0.777);
        t2 = (t2 + t1[[1, 1]].tanh().exp().tanh()).tanh();
    }
    let t3: Array2<f64> = nn::sigmoid(&t1);
    let t4: Array1<f64> =
        ((&t1.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc, &x| x.max(acc)) * 0.159).powi(3)
            + t1.sum())
        .mapv(f64::tanh);
    let mut t5: f64 = 0.0;
    for i in 0..c.len() - 1 {
        let t6 = c[i + 1] - c[i] * c[i];
        let t7 = 1.0 - c[i];
        t5 += 2.46 * t6 * t6 + t7 * t7;
    }
    let t8 = t5.tanh();
    let t9 = &(b + b) - &(-b);
    (&t3.mean_axis(Axis(1)).unwrap() + b.mapv(f64::cos))
        + (t2 + t3.sum() + t4.sum() + t8 + (&t9 * &t9).mean().unwrap())
}

#[test]
fn test_f75() {
    let mut rng = Rng::new(231300944);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let s = 1.1879;
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_c)) = f75_vjp(&a, &b, s, &c, seed.clone());
    assert_array(&y, &f75(&a, &b, s, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f75(xx, &b, s, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f75(&a, xx, s, &c)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f75(&a, &b, xx[()], &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f75(&a, &b, s, xx)), &c, &d_c, "dc");
}

// dims (2, 5, 3)
#[differentiable]
fn f76(a: ArrayView2<f64>, b: Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = &(-b) - &(&a.index_axis(Axis(0), 1) - &a.index_axis(Axis(0), 1));
    let t2 = t1.view();
    let t3: ArrayView1<f64> = t1.view();
    nn::log_softmax(&t3, Axis(0)).tanh() + (t2.sum() + (&t3 * &t3).mean().unwrap())
}

#[test]
fn test_f76() {
    let mut rng = Rng::new(231300956);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b)) = f76_vjp(a.view(), b.clone(), seed.clone());
    assert_array(&y, &f76(a.view(), b.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(
        |xx| inner(&seed, &f76(xx.view(), b.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f76(a.view(), xx.clone())),
        &b,
        &d_b,
        "db",
    );
}

// dims (5, 3, 4)
#[differentiable]
fn f77(a: Array1<f64>, s: f64, b: &Array2<f64>, c: &Array2<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1: Array2<f64> = (-&c.t()).to_shape(((5, 3), ord)).unwrap().into_owned();
    let t2 = (-&t1.mapv(|v| ((v * v + 1.0).ln()).exp()).tanh()).mapv(|v| v * s);
    let mut t3: Array2<f64> =
        &t2 / &(nn::softplus(&c.mean_axis(Axis(0)).unwrap().insert_axis(Axis(0))) + 0.5);
    let mut t4: f64 = b[[1, 3]].powi(2);
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t5 = &r + s;
        t3 = &(s * c) * t3.std_axis(Axis(0), 1.0).dot(&r).tanh() + t3;
        t4 = t4 * 0.8 - (t3[[3, 0]] + t5.mean().unwrap()).tanh();
    }
    let mut t6: f64 = 0.0;
    for i in 0..4 {
        t6 = t6 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t7: ArrayView1<f64> = t2.index_axis(Axis(0), 1);
    let mut t8: f64 = 0.0;
    for i in 1..a.len() {
        t8 += (a[i] - a[i - 1]).powi(2) * 0.974;
    }
    let t9 = t8.tanh();
    let mut t10: Array1<f64> = &b.index_axis(Axis(1), 0) / &(&t7 * &t7 + 0.5);
    let mut t11: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t10 = &nn::sigmoid(&(&r * &t10)) * t1.sum().cos() + t10;
        t11 = t11 * 0.8 - t4.tanh();
    }
    (t7.sum() + 0.247).abs() + 0.553 * t6 + 0.817 * t9 + 0.301 * t11
}

#[test]
fn test_f77() {
    let mut rng = Rng::new(231300968);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let s = -0.3290;
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let c = rand(&mut rng, (5, 3), 0.5, 1.5);
    for k in 0..2usize {
        let (v, (d_a, d_s, d_b, d_c)) = f77_grad(a.clone(), s, &b, &c, k);
        common::assert_near(v, f77(a.clone(), s, &b, &c, k), "value");
        assert_fd_array(|xx| f77(xx.clone(), s, &b, &c, k), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| f77(a.clone(), xx[()], &b, &c, k),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(|xx| f77(a.clone(), s, xx, &c, k), &b, &d_b, "db");
        assert_fd_array(|xx| f77(a.clone(), s, &b, xx, k), &c, &d_c, "dc");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 5, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_s = 0.5;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let t_b = rand(&mut rng, (3, 4), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, (5, 3), -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f77_jvp(a.clone(), s, &b, &c, k, t_a.clone(), t_s, &t_b, &t_c);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
            + (d_s * t_s).abs()
            + (&d_b * &t_b).mapv(f64::abs).sum()
            + (&d_c * &t_c).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_s, hg_b, hg_c), (hh_a, hh_s, hh_b, hh_c)) =
            f77_hvp(a.clone(), s, &b, &c, k, t_a.clone(), t_s, &t_b, &t_c);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_s, gp_b, gp_c)) = f77_grad(pp_a.clone(), pp_s, &pp_b, &pp_c, k);
        let (_, (gm_a, gm_s, gm_b, gm_c)) = f77_grad(pm_a.clone(), pm_s, &pm_b, &pm_c, k);
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
    }
}

// dims (5, 4, 2)
#[differentiable]
fn h78(a: ArrayView2<f64>) -> f64 {
    let t1: Array2<f64> = if (-0.803_f64).sin().tanh() > 0.444 {
        (&a + &a.row(1)).mapv(f64::sin)
    } else {
        (&a - a.sum()) - &a
    };
    let mut t2: f64 = t1.mean().unwrap().tanh().exp();
    if ((a.sum() * a.sum() + 1.0).sqrt() / (t1[[0, 0]] * t1[[0, 0]] + 1.0)) > -1.28 {
        let t3: f64 = (t1[[0, 0]] * t1[[0, 0]] + 1.0).ln();
        t2 = t2 * 0.848 + t2;
    }
    nn::softmax(&t1, Axis(0)).mean().unwrap()
}

#[test]
fn test_h78() {
    let mut rng = Rng::new(231300980);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (v, d_a) = h78_grad(a.view());
    common::assert_near(v, h78(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h78(xx.view()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h78_jvp(a.view(), t_a.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h78_hvp(a.view(), t_a.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h78_grad(pp_a.view());
    let (_, gm_a) = h78_grad(pm_a.view());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 4, 2)
#[differentiable]
fn f78(a: &Array2<f64>, b: &Array2<f64>, c: ArrayView2<f64>) -> f64 {
    let t1 = ((b.sum().tanh() * b.sum()) + 0.35).abs();
    let t2 = h78((&a.slice(s![3.., ..]) * a[[0, 1]]).view());
    let t3: f64 = t2.tanh();
    let t4: Array2<f64> = &a.sin().mapv_into(|v| ((v * 1.14).powi(2) - 0.5) * t3 + t3)
        - (&c + 0.513_f64).mapv_into(|v| v);
    let t5 = h78((&a.slice(s![3.., ..]) - &b.row(3).insert_axis(Axis(1))).view());
    let t6 = t5.tanh();
    let mut t7: Array2<f64> = t4.clone();
    if ((0.86_f64 * t4.sum()).tanh() * (0.86_f64 * t4.sum()).tanh() + 1.0).ln() > 0.485 {
        t7 = &t7 * 0.733
            + &ad_runtime::ndarray::concatenate(Axis(1), &[b.view(), b.view()]).unwrap();
    } else {
        t7 = &t4.mapv(f64::cos) - &t7;
    }
    t1 + 0.929 * t1 + 0.217 * t2 + 0.22 * t5 + 0.846 * t6 + 0.926 * t7.sum()
}

#[test]
fn test_f78() {
    let mut rng = Rng::new(231300982);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), 0.5, 1.5);
    let (v, (d_a, d_b, d_c)) = f78_grad(&a, &b, c.view());
    common::assert_near(v, f78(&a, &b, c.view()), "value");
    assert_fd_array(|xx| f78(xx, &b, c.view()), &a, &d_a, "da");
    assert_fd_array(|xx| f78(&a, xx, c.view()), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f78(&a, &b, xx.view()), &c, &d_c, "dc");
}

// dims (2, 5, 2)
#[differentiable]
fn f79(a: &Array2<f64>, k: usize, b: &Array2<f64>, c: Array1<f64>, d: &Array1<f64>) -> Array2<f64> {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1: Array2<f64> = Array::from_elem((5, 5), 0.25_f64)
        .dot(b)
        .to_shape(((2, 5), ord))
        .unwrap()
        .to_owned();
    let mut t2: f64 = 0.0;
    for i in 1..c.len() {
        t2 += (c[i] - c[i - 1]).powi(2) * 1.5;
    }
    let t3 = t2.tanh();
    let mut t4: f64 = 0.0;
    for i in 0..d.len() - 1 {
        t4 += d[i] * d[i + 1];
    }
    let mut t5: Array2<f64> = (&a.index_axis(Axis(0), 1).insert_axis(Axis(1)) * b).to_owned();
    if (a.t().std(1.0) + nn::cross_entropy_one_hot(a, &nn::softmax(&t1, Axis(1)))) > 0.5 {
        t5 = &t5 * 0.461 + &(&b.index_axis(Axis(1), 1).insert_axis(Axis(1)) / t5.exp());
    }
    let t6 = (&a.t() - (&t1.row(1).insert_axis(Axis(1)) + &t5))
        / ((&a.mean_axis(Axis(0)).unwrap() / (nn::softplus(&b.column(1)) + 0.5))
            .dot(&a.var_axis(Axis(0), 0.0).mapv_into(f64::sin))
            * (&a.mean_axis(Axis(0)).unwrap() / (nn::softplus(&b.column(1)) + 0.5))
                .dot(&a.var_axis(Axis(0), 0.0).mapv_into(f64::sin))
            + 1.0);
    let mut t7: f64 = 0.0;
    for i in 0..d.len() - 1 {
        let t8 = d[i + 1] - d[i] * d[i];
        let t9 = 1.0 - d[i];
        t7 += 1.79 * t8 * t8 + t9 * t9;
    }
    let t10 = t7.tanh();
    (&t1.t()
        * t1.to_shape((10, Order::ColumnMajor))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((5, 2), ord))
            .unwrap())
        + (t3 + t4 + t6.sum() + t10)
}

#[test]
fn test_f79() {
    let mut rng = Rng::new(231300994);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let d = rand(&mut rng, 2, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (5, 2), -1.0, 1.0);
        let (y, (d_a, d_b, d_c, d_d)) = f79_vjp(&a, k, &b, c.clone(), &d, seed.clone());
        assert_array(&y, &f79(&a, k, &b, c.clone(), &d), "value");
        assert_fd_array(
            |xx| inner(&seed, &f79(xx, k, &b, c.clone(), &d)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f79(&a, k, xx, c.clone(), &d)),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f79(&a, k, &b, xx.clone(), &d)),
            &c,
            &d_c,
            "dc",
        );
        assert_fd_array(
            |xx| inner(&seed, &f79(&a, k, &b, c.clone(), xx)),
            &d,
            &d_d,
            "dd",
        );
    }
}

// dims (5, 2, 4)
#[differentiable]
fn f80(a: &Array1<f64>, b: &Array1<f64>, c: Array2<f64>, d: Array2<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1: Array2<f64> = c
        .dot(&c.slice(s![..2, ..]))
        .to_shape(((5, 2), ord))
        .unwrap()
        .into_owned();
    let mut t2 = Array1::<f64>::zeros(5);
    let mut t3: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t4: Array1<f64> = nn::relu(&t2);
        t2 = &t4 * (t3 * t3) + t2;
        t3 = t3 * 0.8 - t3;
    }
    let mut t5: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t5 += (b[i + 1] * t3 - b[i]).tanh();
    }
    let t6: ArrayView2<f64> = c.t();
    a.mean().unwrap() + 0.583 * a.sum() + 0.711 * t1.sum() + 0.763 * t5 + 0.297 * t6.sum()
}

#[test]
fn test_f80() {
    let mut rng = Rng::new(231301006);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let d = rand(&mut rng, (4, 2), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_d)) = f80_grad(&a, &b, c.clone(), d.clone(), k);
        common::assert_near(v, f80(&a, &b, c.clone(), d.clone(), k), "value");
        assert_fd_array(|xx| f80(xx, &b, c.clone(), d.clone(), k), &a, &d_a, "da");
        assert_fd_array(|xx| f80(&a, xx, c.clone(), d.clone(), k), &b, &d_b, "db");
        assert_fd_array(|xx| f80(&a, &b, xx.clone(), d.clone(), k), &c, &d_c, "dc");
        assert_fd_array(|xx| f80(&a, &b, c.clone(), xx.clone(), k), &d, &d_d, "dd");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 5, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, 2, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, (5, 2), -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let t_d = rand(&mut rng, (4, 2), -1.0, 1.0);
        let pp_d = &d + &(&t_d * hstep);
        let pm_d = &d - &(&t_d * hstep);
        let (vj, tj) = f80_jvp(
            &a,
            &b,
            c.clone(),
            d.clone(),
            k,
            &t_a,
            &t_b,
            t_c.clone(),
            t_d.clone(),
        );
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
        let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) = f80_hvp(
            &a,
            &b,
            c.clone(),
            d.clone(),
            k,
            &t_a,
            &t_b,
            t_c.clone(),
            t_d.clone(),
        );
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c, gp_d)) = f80_grad(&pp_a, &pp_b, pp_c.clone(), pp_d.clone(), k);
        let (_, (gm_a, gm_b, gm_c, gm_d)) = f80_grad(&pm_a, &pm_b, pm_c.clone(), pm_d.clone(), k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
        assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    }
}

// dims (2, 5, 4)
#[differentiable]
fn h81(a: Array2<f64>, b: &Array2<f64>, c: &Array1<f64>) -> Array2<f64> {
    let mut t1: Array1<f64> = a.t().std_axis(Axis(1), 0.0);
    let mut t2: f64 = b[[3, 4]].tanh();
    for i in 0..b.nrows() {
        let r = b.row(i);
        t1 = t1 + &r;
        t2 += c.mean().unwrap();
    }
    let t3: ArrayView2<f64> = b.slice(s![2.., ..]);
    let t4: f64 = t2;
    (t4.sin() * &b.slice(s![1..3, ..])) + (t1.sum() + t3.sum() + t4)
}

#[test]
fn test_h81() {
    let mut rng = Rng::new(231301018);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, 10, 0.5, 1.5);
    let seed = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h81_vjp(a.clone(), &b, &c, seed.clone());
    assert_array(&y, &h81(a.clone(), &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &h81(xx.clone(), &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h81(a.clone(), xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h81(a.clone(), &b, xx)), &c, &d_c, "dc");
}

// dims (2, 5, 4)
#[differentiable]
fn f81(a: &Array2<f64>, b: ArrayView2<f64>, c: Array1<f64>, d: &Array1<f64>) -> f64 {
    let t1 = ad_runtime::ndarray::stack(Axis(1), &[a.var_axis(Axis(0), 0.0).view(), c.view()])
        .unwrap()
        .var_axis(Axis(1), 0.0);
    let t2: Array1<f64> = if 1.33_f64 > 0.209 {
        (t1.sum()
            * &ad_runtime::ndarray::concatenate(
                Axis(0),
                &[
                    a.std_axis(Axis(1), 0.0).view(),
                    a.var_axis(Axis(1), 0.0).view(),
                ],
            )
            .unwrap())
            .tanh()
    } else {
        (a / 0.53_f64).sum_axis(Axis(0))
    };
    let mut t3: Array1<f64> = (-1.41_f64) / (nn::sigmoid(&c) + 0.25);
    if a[[0, 2]] > 0.142 {
        t3 = &t3 * 0.733 + &b.slice(s![.., 2..]).to_shape(4).unwrap().to_owned();
    }
    let t4: f64 = d[3];
    let t5: Array1<f64> = (t4.sin() * &(c.sum() - &a.t()))
        .dot(
            &((t4 + 0.479).abs()
                / (&nn::softmax(
                    &b.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc: &f64, &x: &f64| {
                        ((x - t4).powi(2)).max(acc)
                    }),
                    Axis(0),
                ) * &nn::softmax(
                    &b.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc: &f64, &x: &f64| {
                        ((x - t4).powi(2)).max(acc)
                    }),
                    Axis(0),
                ) + 0.5)),
        )
        .tanh();
    let t6: f64 = t4.cos();
    let mut t7 = Array1::<f64>::zeros(4);
    let mut t8: f64 = t4;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t9 = t4;
        let t10 = r;
        t7 = &t7 * 0.7
            + &nn::sigmoid(&((&r + t5.mapv(|v| ((v * v + 0.5).sqrt()) * t6 + t6)) + &t10));
        t8 = (t8 + (t4.exp().ln() + t9)).tanh();
    }
    t5.sum() + 0.863 * t2.sum() + (&t3 * &t3).mean().unwrap() + 0.621 * t7.sum() + 0.434 * t8
}

#[test]
fn test_f81() {
    let mut rng = Rng::new(231301020);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f81_grad(&a, b.view(), c.clone(), &d);
    common::assert_near(v, f81(&a, b.view(), c.clone(), &d), "value");
    assert_fd_array(|xx| f81(xx, b.view(), c.clone(), &d), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f81(&a, xx.view(), c.clone(), &d), &b, &d_b, "db");
    assert_fd_array(|xx| f81(&a, b.view(), xx.clone(), &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f81(&a, b.view(), c.clone(), xx), &d, &d_d, "dd");
}

// dims (2, 3, 4)
#[differentiable]
fn h82(a: ArrayView2<f64>) -> f64 {
    let t1 = -(a.mean().unwrap() + &a);
    let t2 = (t1
        .index_axis(Axis(0), 0)
        .dot(&t1.view().reversed_axes())
        .insert_axis(Axis(1))
        - (t1.mean_axis(Axis(0)).unwrap()
            + t1.fold_axis(Axis(0), f64::INFINITY, |m, v| m.min(*v)))
        .insert_axis(Axis(0)))
    .tanh();
    let t3 = if (nn::cross_entropy_one_hot(
        &t1.slice(s![2.., ..]),
        &nn::softmax(&t2.slice(s![2.., ..]), Axis(1)),
    ) * nn::cross_entropy_one_hot(
        &t1.slice(s![2.., ..]),
        &nn::softmax(&t2.slice(s![2.., ..]), Axis(1)),
    ) + 1.0)
        .ln()
        < -0.431
    {
        (&a.column(2).insert_axis(Axis(1)) * &t2).sin()
    } else {
        t2.mapv(|v| v)
            .map(|&v| (if v > -0.257 { v } else { v }).exp())
    };
    (-0.641_f64) + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_h82() {
    let mut rng = Rng::new(231301032);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (v, d_a) = h82_grad(a.view());
    common::assert_near(v, h82(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h82(xx.view()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h82_jvp(a.view(), t_a.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h82_hvp(a.view(), t_a.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h82_grad(pp_a.view());
    let (_, gm_a) = h82_grad(pm_a.view());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 3, 4)
#[differentiable]
fn f82(a: &Array2<f64>, b: &Array2<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t2: f64 = (-0.404_f64).cos();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = (&t1 + &(&r * (b.sum() + &t1)).tanh()).mapv(f64::tanh);
        t2 = (t2
            + (((i as f64 * 0.3) - t2)
                / ((r.mean().unwrap() / t2.exp()) * (r.mean().unwrap() / t2.exp()) + 1.0)))
            .tanh();
    }
    let t3: Array2<f64> = a
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| m.max(v * 0.959))
        .insert_axis(Axis(1))
        - a.slice(s![..3, ..]).dot(&t1).insert_axis(Axis(0));
    let mut t4 = Array1::<f64>::zeros(3);
    let mut t5: f64 = 0.0;
    for i in 0..t3.nrows() {
        let r = t3.row(i);
        let t6 = r[0].tanh();
        let t7 = a.mean().unwrap();
        t4 = (&t4 + &(&(&r - (&a.sum_axis(Axis(0)) + &t1)) * 0.155)).mapv(f64::tanh);
        t5 += (((t3[[1, 0]] * t3[[1, 0]] + 1.0).sqrt() + t6) + t7).tanh();
    }
    let t8 = if (-0.807_f64) < 0.461 {
        t1.mapv(|v| if v > -0.208 { v.tanh() } else { v * t2 + t2 })
    } else {
        Array2::<f64>::eye(4)
            .dot(&t3)
            .mapv(f64::tanh)
            .sum_axis(Axis(0))
    };
    (-&t8).dot(&t3.slice(s![1.., ..2]).dot(&t3.slice(s![..2, ..])).tanh())
        * ((&t4 * &t4).mean().unwrap() + t5 + (&t8 * &t8).mean().unwrap())
}

#[test]
fn test_f82() {
    let mut rng = Rng::new(231301034);
    let a = rand(&mut rng, (4, 3), 0.5, 1.5);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b)) = f82_vjp(&a, &b, seed.clone());
    assert_array(&y, &f82(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f82(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f82(&a, xx)), &b, &d_b, "db");
}

// dims (3, 4, 2)
#[differentiable]
fn f83(
    a: &Array2<f64>,
    b: &Array2<f64>,
    c: Array2<f64>,
    d: &Array2<f64>,
    k: usize,
    w: &Array1<f64>,
) -> Array2<f64> {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1: Array2<f64> = (&w.view().insert_axis(Axis(0))
        - &b.index_axis(Axis(1), 0).insert_axis(Axis(1)))
        .to_shape(((3, 4), ord))
        .unwrap()
        .into_owned();
    let t2: f64 = if a.mean().unwrap().powi(2) < 0.34 {
        0.768_f64
    } else {
        (w.sum().sin() + 0.258).abs()
    };
    let mut t3: Array1<f64> = d.index_axis(Axis(1), 0).dot(d);
    let mut t4: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        t3 = (&t3 + &(&(&r * t3.dot(&a.slice(s![.., 1..3]))) * 0.333)).mapv(f64::tanh);
        t4 += d.map(|&v| ((v * t4).powi(2) - 0.5).exp()).sum().tanh();
    }
    let t5: Array2<f64> = &(&d.column(0) * &d.index_axis(Axis(1), 0)).insert_axis(Axis(1))
        - &(&b.row(1) + w).insert_axis(Axis(0));
    let t6: Array2<f64> = (&(&b.index_axis(Axis(1), 1) + &t5.index_axis(Axis(1), 0))
        .insert_axis(Axis(1))
        - t3.dot(a).insert_axis(Axis(0)))
    .mapv(f64::tanh);
    ad_runtime::ndarray::concatenate(Axis(1), &[t6.dot(&c.t()).view(), b.dot(&a.t()).view()])
        .unwrap()
        + ((&c * &c).mean().unwrap() + (&t1 * &t1).mean().unwrap() + t2 + t6.sum())
}

#[test]
fn test_f83() {
    let mut rng = Rng::new(231301046);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let c = rand(&mut rng, (2, 4), -1.0, 1.0);
    let d = rand(&mut rng, (3, 2), -1.0, 1.0);
    let w = rand(&mut rng, 4, 0.5, 1.5);
    for k in 0..2usize {
        let seed = rand(&mut rng, (3, 4), -1.0, 1.0);
        let (y, (d_a, d_b, d_c, d_d, d_w)) = f83_vjp(&a, &b, c.clone(), &d, k, &w, seed.clone());
        assert_array(&y, &f83(&a, &b, c.clone(), &d, k, &w), "value");
        assert_fd_array(
            |xx| inner(&seed, &f83(xx, &b, c.clone(), &d, k, &w)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f83(&a, xx, c.clone(), &d, k, &w)),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f83(&a, &b, xx.clone(), &d, k, &w)),
            &c,
            &d_c,
            "dc",
        );
        assert_fd_array(
            |xx| inner(&seed, &f83(&a, &b, c.clone(), xx, k, &w)),
            &d,
            &d_d,
            "dd",
        );
        assert_fd_array(
            |xx| inner(&seed, &f83(&a, &b, c.clone(), &d, k, xx)),
            &w,
            &d_w,
            "dw",
        );
    }
}

// dims (3, 4, 2)
#[differentiable]
fn h84(a: &Array1<f64>) -> Array1<f64> {
    let t1 = &a.exp().mapv(|v| v.exp()) * 0.132;
    (&t1 / (nn::sigmoid(&(a.sum() + a)) + 0.25)) * (t1.sum())
}

#[test]
fn test_h84() {
    let mut rng = Rng::new(231301058);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, d_a) = h84_vjp(&a, seed.clone());
    assert_array(&y, &h84(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h84(xx)), &a, &d_a, "da");
}

// dims (3, 4, 2)
#[differentiable]
fn f84(k: usize, a: Array1<f64>, s: f64) -> Array1<f64> {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1: Array2<f64> = Array2::<f64>::eye(4)
        .dot(&Array::from_elem((4, 3), 0.25_f64))
        .to_shape(((3, 4), ord))
        .unwrap()
        .to_owned();
    let t2: Array1<f64> = h84(&t1.var_axis(Axis(0), 1.0));
    let t3 = t2.mapv(f64::tanh);
    let mut t4 = Array1::<f64>::zeros(4);
    let mut t5: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t4 = &(&t4 / &(nn::sigmoid(&t1.row(0)) + 0.25)) * nn::sigmoid(&t2).var(1.0).tanh() + t4;
        t5 += (&t3 * &t3).sum().cos();
    }
    let mut t6: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t6 += a[i] * a[i + 1];
    }
    let mut t7: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[Array1::<f64>::ones(2).view(), Array1::<f64>::ones(2).view()],
    )
    .unwrap();
    if t2[3] > 1.38 {
        let t8: f64 = t1.mean().unwrap() + t1.mean().unwrap();
        t7 = &t7 * 0.448 + &t1.t().dot(&t1.index_axis(Axis(1), 2));
    }
    let t9: Array1<f64> = nn::sigmoid(&Array::from_elem(2, 0.25_f64))
        .dot(&Array::from_elem(2, 0.25_f64))
        / &((&t4 + &t7) + &(&t3 / s)).mapv(|v| v * v + 1.0);
    let t10 = h84(&(t9.sum() / t4.mapv(|v| v * v + 1.0)));
    let t11: Array1<f64> = t10.mapv(f64::tanh);
    t1.mapv(|v| v * v + 1.0).sqrt().sum_axis(Axis(0))
        * (t5 + t6 + (&t10 * &t10).mean().unwrap() + t11.sum())
}

#[test]
fn test_f84() {
    let mut rng = Rng::new(231301060);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.9608;
    for k in 0..2usize {
        let seed = rand(&mut rng, 4, -1.0, 1.0);
        let (y, (d_a, d_s)) = f84_vjp(k, a.clone(), s, seed.clone());
        assert_array(&y, &f84(k, a.clone(), s), "value");
        assert_fd_array(|xx| inner(&seed, &f84(k, xx.clone(), s)), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f84(k, a.clone(), xx[()])),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    }
}

// dims (2, 3, 5)
#[differentiable(wrt(a, b, c, d))]
fn f85(
    a: &Array2<f64>,
    b: &Array1<f64>,
    c: Array2<f64>,
    d: &Array1<f64>,
    w: ArrayView2<f64>,
) -> Array2<f64> {
    let t1 = d.slice(s![1..]);
    let t2 = w.index_axis(Axis(0), 1);
    let t3 = (-a).dot(&c.t()).dot(&(&c + 0.401_f64).ln()).mapv(f64::tanh);
    let t4 = nn::sigmoid(&c.index_axis(Axis(1), 2).dot(&c));
    let mut t5: Array1<f64> = (b - &a.row(1)).to_owned();
    let mut t6: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t7 = r.sqrt();
        let t8: f64 = t4[1];
        t5 = t5 + &(&r - &t7).tanh();
        t6 = t6 * 0.8 - (r[1] + t8);
    }
    (t5.mean().unwrap() * a) * ((&t1 * &t1).mean().unwrap() + t2.sum() + t3.sum() + t5.sum() + t6)
}

#[test]
fn test_f85() {
    let mut rng = Rng::new(231301072);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, (5, 3), 0.5, 1.5);
    let d = rand(&mut rng, 3, -1.0, 1.0);
    let w = rand(&mut rng, (2, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d)) = f85_vjp(&a, &b, c.clone(), &d, w.view(), seed.clone());
    assert_array(&y, &f85(&a, &b, c.clone(), &d, w.view()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f85(xx, &b, c.clone(), &d, w.view())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f85(&a, xx, c.clone(), &d, w.view())),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f85(&a, &b, xx.clone(), &d, w.view())),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f85(&a, &b, c.clone(), xx, w.view())),
        &d,
        &d_d,
        "dd",
    );
}

// dims (4, 3, 5)
#[differentiable(wrt(p, q))]
fn f86(a: Array1<f64>, s: f64, p: f64, b: &Array1<f64>, q: f64) -> f64 {
    let t1 = Array::from_elem((3, 5), 0.5_f64).sum_axis(Axis(0)) * (&a + &a);
    let t2: Array1<f64> = (&Array::from_elem((5, 5), 0.5_f64).sum_axis(Axis(1))
        * &t1.mapv(|v| ((v * q).sin()) * (v.tanh())))
        + &(Array::from_elem((5, 5), 0.25_f64) * t1[1])
            .dot(&Array::from_elem((5, 4), 0.5_f64).dot(b));
    let t3 = b.view();
    let t4 = t2
        .mapv(|v| ((v * p) * (v * p) + 1.0).ln())
        .mapv(f64::tanh)
        .var(0.0);
    (-0.969_f64).sin() + (&t3 * &t3).mean().unwrap() + 0.863 * t4
}

#[test]
fn test_f86() {
    let mut rng = Rng::new(231301084);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let s = 0.9275;
    let p = 0.8636;
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let q = 0.9908;
    let (v, (d_p, d_q)) = f86_grad(a.clone(), s, p, &b, q);
    common::assert_near(v, f86(a.clone(), s, p, &b, q), "value");
    let fd_p = fd(
        |xx: &Array<f64, _>| f86(a.clone(), s, xx[()], &b, q),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let fd_q = fd(
        |xx: &Array<f64, _>| f86(a.clone(), s, p, &b, xx[()]),
        &Array::from_elem((), q),
    );
    common::assert_close_tol(&[d_q], &[fd_q[()]], 1e-5, "dq");
    let hstep = 1e-5;
    let t_p = 0.3;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let t_q = 0.5;
    let (pp_q, pm_q) = (q + hstep * t_q, q - hstep * t_q);
    let (vj, tj) = f86_jvp(a.clone(), s, p, &b, q, t_p, t_q);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = d_p * t_p + d_q * t_q;
    let scale: f64 = (d_p * t_p).abs() + (d_q * t_q).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_p, hg_q), (hh_p, hh_q)) = f86_hvp(a.clone(), s, p, &b, q, t_p, t_q);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_p, gp_q)) = f86_grad(a.clone(), s, pp_p, &b, pp_q);
    let (_, (gm_p, gm_q)) = f86_grad(a.clone(), s, pm_p, &b, pm_q);
    assert_hv_array(
        &Array::from_elem((), hh_p),
        &Array::from_elem((), gp_p),
        &Array::from_elem((), gm_p),
        hstep,
        "H t p",
    );
    assert_hv_array(
        &Array::from_elem((), hh_q),
        &Array::from_elem((), gp_q),
        &Array::from_elem((), gm_q),
        hstep,
        "H t q",
    );
}

// dims (4, 3, 5)
#[differentiable]
fn h87(a: Array1<f64>, b: Array2<f64>, c: Array1<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = b
        .mean_axis(Axis(0))
        .unwrap()
        .map(|&v| (v.sin()).powi(2) - 0.5)
        .to_owned();
    let mut t2: f64 = b.mean().unwrap();
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3 = b.index_axis(Axis(0), 3);
        let t4 = -&c;
        t1 = (&t1 + &(&(&r * &b.row(0)) - &t3)).mapv(f64::tanh);
        t2 += (t3[1] + t1[1]) + t4.mean().unwrap();
    }
    let t5 = t2.tanh();
    let mut t6: Array1<f64> = t1.mapv(|v| ((v * 0.324).exp()).exp());
    let mut t7: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t8 = &r - b[[2, 0]];
        t6 = (&t6 + &nn::sigmoid(&(&r + t8))).mapv(f64::tanh);
        t7 = (t7 + c[4].exp()).tanh();
    }
    let t9: ArrayView1<f64> = b.row(1);
    (&a / (nn::softplus(&a) + 0.5)).mapv_into(f64::sin)
        + (a.sum() + t2 + t5 + t6.sum() + t7 + (&t9 * &t9).mean().unwrap())
}

#[test]
fn test_h87() {
    let mut rng = Rng::new(231301096);
    let a = rand(&mut rng, 12, -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 12, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h87_vjp(a.clone(), b.clone(), c.clone(), seed.clone());
    assert_array(&y, &h87(a.clone(), b.clone(), c.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &h87(xx.clone(), b.clone(), c.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &h87(a.clone(), xx.clone(), c.clone())),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &h87(a.clone(), b.clone(), xx.clone())),
        &c,
        &d_c,
        "dc",
    );
}

// dims (4, 3, 5)
#[differentiable(wrt(a))]
fn f87(a: Array2<f64>, b: &Array1<f64>) -> Array2<f64> {
    let t1 = b.slice(s![1..]);
    let t2: Array1<f64> = (b * b)
        / ((&nn::logsumexp(&a, Axis(0)) - b)
            + (&a.index_axis(Axis(0), 0) * &a.index_axis(Axis(0), 0) + 0.5).sqrt())
        .mapv(|v| v * v + 1.0);
    let t3: Array2<f64> = &(&(&a.index_axis(Axis(1), 2) * &a.index_axis(Axis(1), 1))
        .insert_axis(Axis(0))
        + &a.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc, &x| acc.max(x))
            .mapv(|v| v.tanh())
            .insert_axis(Axis(1)))
        .dot(&a.dot(&a.slice(s![1.., ..])).mapv(|v| {
            if v > 0.0514 {
                if v > -0.486 { v } else { v }
            } else {
                v.powi(2) - 0.5
            }
        }))
        * 0.0263;
    let t4: f64 = -0.508_f64;
    (&t3 + t2.mean().unwrap())
        .mapv(|v| if v > -0.507 { v } else { v.exp() })
        .tanh()
        + ((&t1 * &t1).mean().unwrap() + (&t2 * &t2).mean().unwrap() + t3.sum() + t4)
}

#[test]
fn test_f87() {
    let mut rng = Rng::new(231301098);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (y, d_a) = f87_vjp(a.clone(), &b, seed.clone());
    assert_array(&y, &f87(a.clone(), &b), "value");
    assert_fd_array(|xx| inner(&seed, &f87(xx.clone(), &b)), &a, &d_a, "da");
}

// dims (3, 2, 5)
#[differentiable]
fn h88(a: &Array2<f64>) -> f64 {
    let t1: Array2<f64> =
        &nn::softplus(a) / ((a.sum() * a.sum() + 1.0).ln() * (a.sum() * a.sum() + 1.0).ln() + 1.0);
    let t2: Array2<f64> = &(&a.var_axis(Axis(1), 1.0) * &a.column(2)).insert_axis(Axis(1))
        - a.slice(s![.., 2..4]).dot(a);
    let mut t3: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t4: f64 = 0.0;
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t5: Array2<f64> = t1.mapv(|v| (v * t4).exp());
        t3 = t3
            + &(&r
                + t2.fold_axis(Axis(1), f64::INFINITY, |m, v| m.min(*v * t4))
                    .dot(&t5))
            .mapv(f64::tanh);
        t4 += t4.tanh().cos();
    }
    (t4.exp().ln() / (t4 * t4 + 1.0).sqrt()) + 0.518 * t3.sum()
}

#[test]
fn test_h88() {
    let mut rng = Rng::new(231301110);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, d_a) = h88_grad(&a);
    common::assert_near(v, h88(&a), "value");
    assert_fd_array(|xx| h88(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h88_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h88_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h88_grad(&pp_a);
    let (_, gm_a) = h88_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 2, 5)
#[differentiable]
fn f88(a: &Array1<f64>, b: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = Array::from_elem((2, 2), 0.5_f64)
        .dot(a)
        .mapv(|v| (v * v).exp());
    let t2 = b[1].exp().sqrt();
    let t3 = t1.view();
    let t4: f64 = ((&t3 * &t3).sum() - (a.mean().unwrap() + 0.513).abs()).tanh();
    let mut t5: f64 = 0.0;
    for i in 0..b.len() - 1 {
        let t6 = b[i + 1] - b[i] * b[i];
        let t7 = 1.0 - b[i];
        t5 += 1.11 * t6 * t6 + t7 * t7;
    }
    let t8: f64 = t5.tanh();
    (&(a - &t3) * b.var(1.0)) + (t2 + t4 + t8)
}

#[test]
fn test_f88() {
    let mut rng = Rng::new(231301112);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b)) = f88_vjp(&a, &b, seed.clone());
    assert_array(&y, &f88(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f88(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f88(&a, xx)), &b, &d_b, "db");
}

// dims (2, 3, 5)
#[differentiable]
fn h89(a: &Array2<f64>) -> f64 {
    let t1 = (1.5_f64 + 0.481).abs();
    let t2 = a.column(0);
    t2.mean().unwrap() + 0.767 * t1 + 0.395 * t2.sum()
}

#[test]
fn test_h89() {
    let mut rng = Rng::new(231301124);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (v, d_a) = h89_grad(&a);
    common::assert_near(v, h89(&a), "value");
    assert_fd_array(|xx| h89(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h89_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h89_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h89_grad(&pp_a);
    let (_, gm_a) = h89_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 3, 5)
#[differentiable]
fn f89(k: usize, a: Array2<f64>, b: &Array1<f64>) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1: Array2<f64> = a
        .to_shape((3, 2))
        .unwrap()
        .into_owned()
        .to_shape(((2, 3), ord))
        .unwrap()
        .to_owned();
    let mut t2 = Array2::<f64>::zeros((2, 3));
    let mut t3: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4 = (i as f64 * 0.3) * t1[[0, 0]];
        let t5: f64 = t2[[0, 2]] * b.sum();
        t2 = t2 + &t1.sqrt();
        t3 = (t3 + ((b.var(0.0).tanh().exp() + t4) + t5).tanh()).tanh();
    }
    let t6 = if (t2.sum() * t2.sum() + 1.0).sqrt().tanh().cos() > 0.27 {
        (&Array::from_elem((5, 3), 0.5_f64).sum_axis(Axis(1)) / &(b * b).exp()).tanh()
    } else {
        nn::logsumexp(
            &Array::from_elem((5, 5), 0.25_f64).dot(&Array::from_elem((5, 5), 0.25_f64)),
            Axis(0),
        )
    };
    let t7 = a
        .t()
        .tanh()
        .to_shape(((2, 3), Order::C))
        .unwrap()
        .to_owned()
        .mapv(f64::sin);
    let t8 = if t6[0] < 0.11 {
        (&a.index_axis(Axis(0), 1) - &t2).dot(
            &Array::from_elem((3, 3), 0.5_f64)
                .to_shape((9, Order::ColumnMajor))
                .unwrap()
                .into_owned()
                .into_shape_with_order(((3, 3), ord))
                .unwrap(),
        )
    } else {
        (&t7.column(2).insert_axis(Axis(1)) * &t7)
            .mapv_into(|v| ((v * 0.373) * t3 + t3).powi(2) - 0.5)
    };
    let t9: Array2<f64> = if a[[1, 2]] > -0.39 {
        -&a.mapv(|v| v * 0.973)
    } else {
        t7.slice(s![.., 1..]).dot(&t7) + (&a.column(0) / &a.column(1)).insert_axis(Axis(1))
    };
    let mut t10: f64 = 0.0;
    for i in 0..b.len() - 1 {
        let t11 = b[i + 1] - b[i] * b[i];
        let t12 = 1.0 - b[i];
        t10 += 1.33 * t11 * t11 + t12 * t12;
    }
    let t13: f64 = t10.tanh();
    let t14 = nn::sigmoid(&t8.index_axis(Axis(0), 0).map(|&v| (v * v).powi(2) - 0.5))
        .insert_axis(Axis(0))
        / &((&t9.var_axis(Axis(1), 0.0) * 0.04)
            - &t1.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| acc.min(x)))
            .insert_axis(Axis(1))
            .mapv(|v| v * v + 1.0);
    t6.sum() + 0.314 * t13 + 0.796 * t14.sum()
}

#[test]
fn test_f89() {
    let mut rng = Rng::new(231301126);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    for k in 0..2usize {
        let (v, (d_a, d_b)) = f89_grad(k, a.clone(), &b);
        common::assert_near(v, f89(k, a.clone(), &b), "value");
        assert_fd_array(|xx| f89(k, xx.clone(), &b), &a, &d_a, "da");
        assert_fd_array(|xx| f89(k, a.clone(), xx), &b, &d_b, "db");
    }
}

// dims (2, 5, 4)
#[differentiable]
fn f90(a: &Array1<f64>, b: Array1<f64>, c: &Array1<f64>) -> Array1<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t1 += (a[i + 1] * 1.49 - a[i]).tanh();
    }
    let t2 = c.view();
    let mut t3: f64 = 0.0;
    for i in 0..1 {
        t3 += (c[i + 1] * 0.84 - c[i]).tanh();
    }
    let mut t4: f64 = 0.0;
    for i in 0..t2.len() - 1 {
        let t5 = t2[i + 1] - t2[i] * t2[i];
        let t6 = 1.0 - t2[i];
        t4 += 2.38 * t5 * t5 + t6 * t6;
    }
    let t7 = t4.tanh();
    let t8 = b.sum();
    let t9 = c.view();
    nn::logsumexp(
        &Array::from_elem((4, 2), 0.25_f64).mapv(|v| v * t7),
        Axis(1),
    ) * (t1 + t3 + t7 + t8 + (&t9 * &t9).mean().unwrap())
}

#[test]
fn test_f90() {
    let mut rng = Rng::new(231301138);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f90_vjp(&a, b.clone(), &c, seed.clone());
    assert_array(&y, &f90(&a, b.clone(), &c), "value");
    assert_fd_array(|xx| inner(&seed, &f90(xx, b.clone(), &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f90(&a, xx.clone(), &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f90(&a, b.clone(), xx)), &c, &d_c, "dc");
}

// dims (2, 4, 2)
#[differentiable]
fn f91(k: usize, a: &Array2<f64>) -> f64 {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1 = a
        .dot(&Array2::<f64>::eye(4))
        .to_shape(((2, 4), ord))
        .unwrap()
        .to_owned();
    let t2: f64 = if a[[0, 2]] < -0.247 {
        ((&t1 * &t1).sum() / (1.34_f64.tanh().powi(2) + 0.5)).tanh()
    } else {
        (t1.sum() * ((-1.04_f64) / (t1.mean().unwrap() * t1.mean().unwrap() + 1.0))).tanh()
    };
    let t3: ArrayView2<f64> = t1.t();
    let t4 = t3.column(0);
    let mut t5: f64 = 0.0;
    for i in 0..3 {
        let t6 = t4[i + 1] - t4[i] * t4[i];
        let t7 = 1.0 - t4[i];
        t5 += 1.93 * t6 * t6 + t7 * t7;
    }
    let t8: f64 = t5.tanh();
    let mut t9: Array2<f64> =
        nn::sigmoid(&(&t3.mean_axis(Axis(0)).unwrap().insert_axis(Axis(1)) * &t1));
    if 0.52_f64 < -0.408 {
        let t10 = a[[1, 2]].sin();
        t9 = &t9 * 0.769 + &nn::sigmoid(&t3.view().reversed_axes());
    }
    (&t1 + &t4).std(1.0) + 0.469 * t2 + 0.958 * t8 + 0.93 * t9.sum()
}

#[test]
fn test_f91() {
    let mut rng = Rng::new(231301150);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f91_grad(k, &a);
        common::assert_near(v, f91(k, &a), "value");
        assert_fd_array(|xx| f91(k, xx), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (2, 4), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f91_jvp(k, &a, &t_a);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f91_hvp(k, &a, &t_a);
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f91_grad(k, &pp_a);
        let (_, gm_a) = f91_grad(k, &pm_a);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (3, 5, 2)
#[differentiable]
fn f92(a: &Array2<f64>, s: f64, b: Array2<f64>, k: usize) -> Array2<f64> {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1 = Array::from_elem((5, 3), 0.5_f64)
        .to_shape(((3, 5), ord))
        .unwrap()
        .to_owned();
    let t2 = b.view();
    let t3: Array2<f64> = t1.tanh();
    let t4: f64 = if s < 0.11 {
        (s - t3[[2, 3]]).exp().sqrt()
    } else {
        s - t2.mean_axis(Axis(1)).unwrap().dot(&t2.column(2))
    };
    let t5 = ((a[[1, 1]] + 1.06_f64) * &(&b / (t4 * t4 + 1.0))).mapv(|v| {
        if v > 0.111 {
            ((v * s) * (v * s) + 1.0).ln()
        } else {
            v
        }
    });
    let t6 = a
        .to_shape(((2, 5), ord))
        .unwrap()
        .to_shape((5, 2))
        .unwrap()
        .into_owned();
    (-(t4 - &b.view().reversed_axes())) * ((&t5 * &t5).mean().unwrap() + t6.sum())
}

#[test]
fn test_f92() {
    let mut rng = Rng::new(231301162);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let s = 0.8818;
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (5, 2), -1.0, 1.0);
        let (y, (d_a, d_s, d_b)) = f92_vjp(&a, s, b.clone(), k, seed.clone());
        assert_array(&y, &f92(&a, s, b.clone(), k), "value");
        assert_fd_array(|xx| inner(&seed, &f92(xx, s, b.clone(), k)), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f92(&a, xx[()], b.clone(), k)),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(
            |xx| inner(&seed, &f92(&a, s, xx.clone(), k)),
            &b,
            &d_b,
            "db",
        );
    }
}

// dims (3, 4, 5)
#[differentiable(wrt(a, b))]
fn f93(a: &Array2<f64>, b: &Array1<f64>, s: f64) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t1 += (b[i + 1] * s - b[i]).tanh();
    }
    let t2: f64 = if (s + 0.595).abs() < 0.632 {
        (-&a.var_axis(Axis(0), 0.0)).dot(&nn::sigmoid(&a.sum_axis(Axis(0))))
    } else {
        t1
    };
    let mut t3: Array1<f64> = &a.slice(s![1.., ..4]).dot(&a.sum_axis(Axis(1))) * 0.1;
    let mut t4: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t3 = &t3 * 0.7 + &(&t3.mapv(|v| ((v * v + 1.0).ln()) * s + s) * 0.333);
        t4 += (b[3] * b[3] + 1.0).sqrt().sqrt();
    }
    let mut t5 = Array1::<f64>::zeros(3);
    let mut t6: f64 = t3.sum().cos();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t7 = r.exp();
        t5 = &nn::relu(&t3).tanh() * ((i as f64 * 0.3) * t5.sum()) + t5;
        t6 += (b.exp().powf(1.5).std(0.0) + t7.mean().unwrap()).tanh();
    }
    let mut t8: Array1<f64> = a.slice(s![1.., 1..4]).dot(&t3).tanh().to_owned();
    let mut t9: f64 = a[[3, 1]].sin();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t10 = &r + &r;
        t8 = (&t8 + &a.slice(s![1.., ..3]).dot(&t8).mapv(f64::tanh)).mapv(f64::tanh);
        t9 = (t9 + (nn::softplus(&t3).mean().unwrap() + t10.mean().unwrap()).tanh()).tanh();
    }
    t9.powi(2) + 0.289 * t2 + 0.5 * t4 + 0.611 * t6 + 0.312 * t9
}

#[test]
fn test_f93() {
    let mut rng = Rng::new(231301174);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let s = -0.7112;
    let (v, (d_a, d_b)) = f93_grad(&a, &b, s);
    common::assert_near(v, f93(&a, &b, s), "value");
    assert_fd_array(|xx| f93(xx, &b, s), &a, &d_a, "da");
    assert_fd_array(|xx| f93(&a, xx, s), &b, &d_b, "db");
}

// dims (4, 5, 2)
#[differentiable]
fn h94(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    let mut t1: Array2<f64> = b.to_owned();
    if b[[0, 0]] < 0.0696 {
        t1 = &t1 * 0.674 + &(b + t1.sum()).mapv(f64::tanh);
    }
    let mut t2: Array1<f64> = (a * a + 0.5).powf(0.5);
    let mut t3: f64 = t1[[2, 1]];
    for i in 0..b.nrows() {
        let r = b.row(i);
        t2 = &t2 + &(&(&r + &(&t2 + a)) * 0.62);
        t3 = (t3 + t3).tanh();
    }
    (t3.cos() + 0.227).abs()
}

#[test]
fn test_h94() {
    let mut rng = Rng::new(231301186);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, (d_a, d_b)) = h94_grad(&a, &b);
    common::assert_near(v, h94(&a, &b), "value");
    assert_fd_array(|xx| h94(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| h94(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h94_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h94_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h94_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = h94_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (4, 5, 2)
#[differentiable(wrt(a, c))]
fn f94(a: ArrayView2<f64>, b: Array1<f64>, c: &Array1<f64>) -> f64 {
    let t1 = (&a.t().dot(&Array::from_elem((5, 4), 0.25_f64)) - c.sum().tanh())
        .dot(&(&(&b * &b) * &b.abs()));
    let mut t2: f64 = 0.0;
    for i in 0..3 {
        let t3 = b[i + 1] - b[i] * b[i];
        let t4 = 1.0 - b[i];
        t2 += 1.31 * t3 * t3 + t4 * t4;
    }
    let t5: f64 = t2.tanh();
    let t6: Array2<f64> = (&a / (nn::softplus(&t1) + 0.5)) + &c.mapv(f64::sin);
    let mut t7: Array1<f64> = t6.slice(s![..2, ..]).to_shape(4).unwrap().to_owned();
    let mut t8: f64 = t7.sum();
    for i in 0..t6.nrows() {
        let r = t6.row(i);
        let t9 = (t2 * t2 + 1.0).sqrt().tanh();
        let t10 = a.mean().unwrap();
        t7 = t7
            + &Array::from_elem((4, 5), 0.25_f64)
                .fold_axis(Axis(1), f64::INFINITY, |&m, &x| x.min(m));
        t8 = (t8 + (((b[0] + 0.485).abs() + t9) + t10).tanh()).tanh();
    }
    let t11 = nn::sigmoid(
        &(Array::from_elem((4, 4), 0.25_f64)
            .mapv_into(f64::tanh)
            .sum_axis(Axis(0))
            / (c[1] / (t8 * t8 + 1.0)).exp().ln().exp()),
    );
    t6.sum().cos() + 0.306 * t5 + 0.642 * t11.sum()
}

#[test]
fn test_f94() {
    let mut rng = Rng::new(231301188);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let (v, (d_a, d_c)) = f94_grad(a.view(), b.clone(), &c);
    common::assert_near(v, f94(a.view(), b.clone(), &c), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f94(xx.view(), b.clone(), &c), &a, &d_a, "da");
    assert_fd_array(|xx| f94(a.view(), b.clone(), xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_c = rand(&mut rng, 2, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f94_jvp(a.view(), b.clone(), &c, t_a.view(), &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_c), (hh_a, hh_c)) = f94_hvp(a.view(), b.clone(), &c, t_a.view(), &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_c)) = f94_grad(pp_a.view(), b.clone(), &pp_c);
    let (_, (gm_a, gm_c)) = f94_grad(pm_a.view(), b.clone(), &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 2, 5)
#[differentiable]
fn f95(a: &Array1<f64>, b: &Array2<f64>, c: &Array2<f64>) -> f64 {
    let t1 = c.t();
    let t2 = &c
        .view()
        .reversed_axes()
        .mapv(|v| (if v > -0.457 { v } else { v }).sin())
        .dot(&t1.slice(s![..4, ..]).powi(2))
        .dot(
            &(&(&t1.slice(s![..4, ..]) * &t1.slice(s![..4, ..]) + 0.5)
                .powf(2.5)
                .mapv(f64::exp)
                * 0.127),
        )
        * 0.0625;
    let t3 = ad_runtime::ndarray::concatenate(Axis(1), &[t1.slice(s![..4, 1..3]), b.view()])
        .unwrap()
        .dot(&(-c.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max(x))))
        .dot(
            &(&t2.slice(s![3.., 2..]).to_shape((4, Order::F)).unwrap()
                + t2.sum_axis(Axis(0)).mapv_into(f64::tanh)),
        );
    let mut t4: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t4 += a[i] * a[i + 1];
    }
    let t5 =
        ad_runtime::ndarray::concatenate(Axis(1), &[t1.slice(s![.., 1..3]), t2.slice(s![.., ..2])])
            .unwrap()
            .map(|&v| v)
            .mapv(|v| (((v * 0.37).exp()) * ((v * 0.37).exp()) + 1.0).ln());
    let mut t6: f64 = (c[[0, 4]] * t3).tanh();
    if (t5.sum() * c).mapv(f64::tanh).std(1.0) < -0.666 {
        let t7: f64 = a.sum();
        t6 = t6 * 0.596 + t1.mean().unwrap().powi(2);
    } else {
        t6 = t5[[1, 1]].cos() - t6;
    }
    let mut t8: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t9: f64 = 0.0;
    for i in 0..t5.nrows() {
        let r = t5.row(i);
        let t10 = b.map(|&v| v * 0.608);
        let t11 = t2.dot(&c.slice(s![.., ..4]));
        t8 = &t8 * 0.7 + &(&r * 0.477);
        t9 += ((t3 + t10.mean().unwrap()) + t11.mean().unwrap()).tanh();
    }
    nn::mse(&t8, &nn::logsumexp(&c.slice(s![.., 2..4]), Axis(1)))
        + 0.835 * t4
        + 0.375 * t6
        + (&t8 * &t8).mean().unwrap()
        + 0.963 * t9
}

#[test]
fn test_f95() {
    let mut rng = Rng::new(231301200);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f95_grad(&a, &b, &c);
    common::assert_near(v, f95(&a, &b, &c), "value");
    assert_fd_array(|xx| f95(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f95(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f95(&a, &b, xx), &c, &d_c, "dc");
}

// dims (5, 4, 3)
#[differentiable]
fn h96(a: &Array2<f64>, s: f64) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3: Array2<f64> =
            &r.insert_axis(Axis(0)) + Array::from_elem(4, 0.5_f64).insert_axis(Axis(1));
        let t4: f64 = t2;
        t1 = &r * t4 + t1;
        t2 = t2 * 0.8 - (t1.mean().unwrap().exp().sin() + t3.mean().unwrap());
    }
    let t5: f64 = t2.tanh();
    let t6 = a.column(1);
    (t6[3].powi(2) - (t2 * t5).tanh()) + 0.902 * s + 0.39 * t5 + 0.496 * t6.sum()
}

#[test]
fn test_h96() {
    let mut rng = Rng::new(231301212);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let s = 0.3822;
    let (v, (d_a, d_s)) = h96_grad(&a, s);
    common::assert_near(v, h96(&a, s), "value");
    assert_fd_array(|xx| h96(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h96(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h96_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h96_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h96_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = h96_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (5, 4, 3)
#[differentiable]
fn f96(a: &Array1<f64>, b: Array2<f64>, c: &Array1<f64>, d: &Array1<f64>, s: f64) -> Array2<f64> {
    let mut t1: Array2<f64> = Array2::<f64>::zeros((5, 4));
    let mut t2: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t1 = &(a / t1.mapv(|v| v * v + 1.0)) * s + t1;
        t2 += (d + d).dot(&d.map(|&v| v * s)).tanh();
    }
    let t3: f64 = 1.21_f64;
    let mut t4: Array2<f64> = (&b * (-0.82_f64)).to_owned();
    if (c.sum() + t3).sin() < -0.443 {
        let t5: f64 = t1[[1, 1]] / (c[2] * c[2] + 1.0);
        t4 = &t4 * 0.404
            + &b.t()
                .to_shape((20, Order::RowMajor))
                .unwrap()
                .into_owned()
                .into_shape_with_order(((5, 4), Order::RowMajor))
                .unwrap();
    }
    b.slice(s![1.., ..3])
        .dot(&Array::from_elem((3, 5), 0.25_f64))
        .to_shape((5, 4))
        .unwrap()
        .into_owned()
        + (t2 + (&t4 * &t4).mean().unwrap())
}

#[test]
fn test_f96() {
    let mut rng = Rng::new(231301214);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), 0.5, 1.5);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let d = rand(&mut rng, 3, -1.0, 1.0);
    let s = 1.1979;
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d, d_s)) = f96_vjp(&a, b.clone(), &c, &d, s, seed.clone());
    assert_array(&y, &f96(&a, b.clone(), &c, &d, s), "value");
    assert_fd_array(
        |xx| inner(&seed, &f96(xx, b.clone(), &c, &d, s)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f96(&a, xx.clone(), &c, &d, s)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f96(&a, b.clone(), xx, &d, s)),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f96(&a, b.clone(), &c, xx, s)),
        &d,
        &d_d,
        "dd",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f96(&a, b.clone(), &c, &d, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 2, 3)
#[differentiable]
fn f97(a: &Array1<f64>, b: Array1<f64>) -> f64 {
    let t1: Array1<f64> = (Array::from_elem((2, 2), 1.5_f64) / ((-1.35_f64).powi(2) + 0.5))
        .to_shape(4)
        .unwrap()
        .to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 += a[i] * a[i + 1];
    }
    let t3 = Array::from_elem((2, 3), 1.5_f64)
        .sin()
        .mean_axis(Axis(1))
        .unwrap();
    let t4: Array1<f64> = -&(a / (-0.71_f64).exp());
    b.sum().tanh()
        + (&b * &b).mean().unwrap()
        + 0.905 * t1.sum()
        + 0.97 * t2
        + (&t3 * &t3).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f97() {
    let mut rng = Rng::new(231301226);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b)) = f97_grad(&a, b.clone());
    common::assert_near(v, f97(&a, b.clone()), "value");
    assert_fd_array(|xx| f97(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f97(&a, xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f97_jvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f97_hvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f97_grad(&pp_a, pp_b.clone());
    let (_, (gm_a, gm_b)) = f97_grad(&pm_a, pm_b.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 5, 3)
#[differentiable]
fn f98(a: Array1<f64>, s: f64, b: &Array1<f64>) -> f64 {
    let t1: f64 = (Array::from_elem(5, 1.5_f64).mapv(f64::exp) - Array1::<f64>::ones(5).tanh())
        .dot(&(Array1::<f64>::linspace(-0.5, 0.5, 5) * &(0.943_f64 / &Array1::<f64>::ones(5))));
    let t2: Array1<f64> = &a + (s + b[3]);
    let t3: Array1<f64> = ((b.sum() + t2[7]).tanh() * &(b / &a)).mapv(f64::sin);
    s + 0.286 * t1 + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_f98() {
    let mut rng = Rng::new(231301238);
    let a = rand(&mut rng, 15, 0.5, 1.5);
    let s = -0.3044;
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let (v, (d_a, d_s, d_b)) = f98_grad(a.clone(), s, &b);
    common::assert_near(v, f98(a.clone(), s, &b), "value");
    assert_fd_array(|xx| f98(xx.clone(), s, &b), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f98(a.clone(), xx[()], &b),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f98(a.clone(), s, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, 15, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f98_jvp(a.clone(), s, &b, t_a.clone(), t_s, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum();
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b), (hh_a, hh_s, hh_b)) =
        f98_hvp(a.clone(), s, &b, t_a.clone(), t_s, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b)) = f98_grad(pp_a.clone(), pp_s, &pp_b);
    let (_, (gm_a, gm_s, gm_b)) = f98_grad(pm_a.clone(), pm_s, &pm_b);
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

// dims (2, 4, 3)
#[differentiable]
fn f99(a: Array1<f64>, s: f64, b: ArrayView2<f64>, c: &Array1<f64>) -> Array2<f64> {
    let mut t1: Array1<f64> = c.mapv(|v| (v * 1.41) * s + s).to_owned();
    if (s * (c.mean().unwrap() / ((-1.01_f64) * (-1.01_f64) + 1.0))) < 0.303 {
        t1 = &t1 * 0.422 + c;
    }
    let t2 = if s.cos().sin() < -0.261 {
        -1.12_f64
    } else {
        s.sin()
    };
    let t3 = c.view();
    (&b.slice(s![.., 1..]) - &a.view().insert_axis(Axis(1)))
        .dot(&b.slice(s![2.., ..]).mapv(f64::cos))
        * ((&a * &a).mean().unwrap() + b.sum() + t1.sum() + t2 + t3.sum())
}

#[test]
fn test_f99() {
    let mut rng = Rng::new(231301250);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let s = -0.5886;
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (y, (d_a, d_s, d_b, d_c)) = f99_vjp(a.clone(), s, b.view(), &c, seed.clone());
    assert_array(&y, &f99(a.clone(), s, b.view(), &c), "value");
    assert_fd_array(
        |xx| inner(&seed, &f99(xx.clone(), s, b.view(), &c)),
        &a,
        &d_a,
        "da",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f99(a.clone(), xx[()], b.view(), &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(
        |xx| inner(&seed, &f99(a.clone(), s, xx.view(), &c)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f99(a.clone(), s, b.view(), xx)),
        &c,
        &d_c,
        "dc",
    );
}

// dims (5, 4, 3)
#[differentiable]
fn f100(a: Array1<f64>) -> Array1<f64> {
    let t1: f64 = a[0].exp();
    let t2: f64 = ((t1 * a.sum())
        * nn::cross_entropy_one_hot(
            &Array::from_elem((5, 4), 0.25_f64),
            &nn::softmax(&Array::from_elem((5, 4), 0.5_f64), Axis(1)),
        ))
    .tanh()
    .cos();
    let t3: ArrayView1<f64> = a.slice(s![1..]);
    let t4: Array1<f64> = (&t3.insert_axis(Axis(1)) - Array1::<f64>::ones(5).insert_axis(Axis(0)))
        .var_axis(Axis(1), 0.0);
    let mut t5: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t5 = t5 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t6: Array1<f64> = nn::relu(&t3).exp();
    let t7: Array1<f64> = Array::from_elem((3, 5), 0.5_f64)
        .dot(&Array::from_elem((5, 5), 0.5_f64))
        .var_axis(Axis(1), 0.0)
        - (&Array::from_elem((3, 3), 1.5_f64) - &t6)
            .dot(&Array::from_elem((3, 5), 1.5_f64).fold_axis(
                Axis(1),
                f64::NEG_INFINITY,
                |&m, &v| f64::max(m, v * t2),
            ))
            .mapv(f64::tanh);
    nn::relu(&Array::from_elem((3, 4), 1.5_f64)).dot(&(&a - t3.mean().unwrap()))
        + ((&t4 * &t4).mean().unwrap() + t5 + (&t7 * &t7).mean().unwrap())
}

#[test]
fn test_f100() {
    let mut rng = Rng::new(231301262);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, d_a) = f100_vjp(a.clone(), seed.clone());
    assert_array(&y, &f100(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f100(xx.clone())), &a, &d_a, "da");
}

// dims (2, 4, 5)
#[differentiable(wrt(a, b, c, d))]
fn f101(a: &Array1<f64>, b: &Array2<f64>, s: f64, c: &Array1<f64>, d: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t2: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t1 = &t1 * 0.7 + &(d - &r);
        t2 += (t1[0] - t1[4]).tanh().exp();
    }
    let mut t3: f64 = 0.0;
    for i in 0..1 {
        let t4 = a[i + 1] - a[i] * a[i];
        let t5 = 1.0 - a[i];
        t3 += 2.05 * t4 * t4 + t5 * t5;
    }
    let t6: f64 = t3.tanh();
    let mut t7: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t8: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t9 = (&r - t3).mapv(f64::tanh);
        t7 = &t7 * 0.7 + &((&r * (d / (nn::sigmoid(&t7) + 0.25))) - &t9).mapv(f64::tanh);
        t8 += t2.tanh();
    }
    ((c.sum() * t1[2]).tanh() * c.dot(&t1)).tanh() + 0.416 * c.sum() + 0.287 * t6 + 0.371 * t8
}

#[test]
fn test_f101() {
    let mut rng = Rng::new(231301274);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let s = 1.1779;
    let c = rand(&mut rng, 5, 0.5, 1.5);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f101_grad(&a, &b, s, &c, &d);
    common::assert_near(v, f101(&a, &b, s, &c, &d), "value");
    assert_fd_array(|xx| f101(xx, &b, s, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f101(&a, xx, s, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f101(&a, &b, s, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f101(&a, &b, s, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 5, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 5, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f101_jvp(&a, &b, s, &c, &d, &t_a, &t_b, &t_c, &t_d);
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
        f101_hvp(&a, &b, s, &c, &d, &t_a, &t_b, &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f101_grad(&pp_a, &pp_b, s, &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f101_grad(&pm_a, &pm_b, s, &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (2, 3, 2)
#[differentiable]
fn h102(a: Array1<f64>) -> Array1<f64> {
    let t1 = a.view();
    (&t1.map(|&v| {
        ((if v > -0.118 { v } else { v }) * (if v > -0.118 { v } else { v }) + 0.5).sqrt()
    }) / a.mean().unwrap().exp())
        * (t1.sum())
}

#[test]
fn test_h102() {
    let mut rng = Rng::new(231301286);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, d_a) = h102_vjp(a.clone(), seed.clone());
    assert_array(&y, &h102(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h102(xx.clone())), &a, &d_a, "da");
}

// dims (2, 3, 2)
#[differentiable]
fn f102(a: &Array2<f64>, b: ArrayView2<f64>, k: usize, c: &Array1<f64>) -> Array2<f64> {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1: Array2<f64> = c
        .to_owned()
        .into_shape_with_order((2, 3))
        .unwrap()
        .to_shape(((2, 3), ord))
        .unwrap()
        .to_owned();
    let t2 = ((-1.1_f64) * (-1.1_f64) + 1.0).sqrt();
    let t3 = h102(b.dot(&b.var_axis(Axis(0), 0.0)).to_owned());
    let t4 = t3.mapv(f64::tanh);
    let t5 = t4.view();
    let t6: f64 = t2;
    let mut t7: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t8: f64 = t6;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t9 = b.t().var_axis(Axis(1), 1.0);
        let t10: f64 = t9.sum();
        t7 = (&t7 + &(&r * (&r + &t7)).mapv(f64::tanh)).mapv(f64::tanh);
        t8 = (t8 + ((i as f64 * 0.3).exp().powi(2).tanh() + t10).tanh()).tanh();
    }
    ad_runtime::ndarray::stack(
        Axis(1),
        &[
            t7.view(),
            t7.mapv(|v| ((v * 1.17) * t2 + t2) * t2 + t2).view(),
        ],
    )
    .unwrap()
        + ((a * a).mean().unwrap() + (&t3 * &t3).mean().unwrap() + (&t5 * &t5).mean().unwrap() + t8)
}

#[test]
fn test_f102() {
    let mut rng = Rng::new(231301288);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let c = rand(&mut rng, 6, 0.5, 1.5);
    for k in 0..2usize {
        let seed = rand(&mut rng, (3, 2), -1.0, 1.0);
        let (y, (d_a, d_b, d_c)) = f102_vjp(&a, b.view(), k, &c, seed.clone());
        assert_array(&y, &f102(&a, b.view(), k, &c), "value");
        assert_fd_array(
            |xx| inner(&seed, &f102(xx, b.view(), k, &c)),
            &a,
            &d_a,
            "da",
        );
        let d_b: Array2<f64> = d_b;
        assert_fd_array(
            |xx| inner(&seed, &f102(&a, xx.view(), k, &c)),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f102(&a, b.view(), k, xx)),
            &c,
            &d_c,
            "dc",
        );
    }
}

// dims (2, 5, 4)
#[differentiable]
fn f103(a: &Array1<f64>, b: &Array1<f64>, s: f64, c: &Array2<f64>, d: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(10);
    let mut t2: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t3 = c.index_axis(Axis(0), 1);
        let t4: f64 = d.mean().unwrap().cos();
        t1 = &t1 * 0.7 + &t1.sin();
        t2 += (t2 + t3.mean().unwrap()) + t4;
    }
    let t5 = b.view();
    let t6 = if b.sum() < -0.606 {
        nn::softmax(&(b * b + 0.5).ln(), Axis(0))
    } else {
        c.row(3).to_owned()
    };
    let mut t7 = Array1::<f64>::zeros(10);
    let mut t8: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        t7 = (&t7 + &t7).mapv(f64::tanh);
        t8 = t8 * 0.8 - (t2 + b.std(1.0)).tanh();
    }
    let t9: ArrayView1<f64> = d.slice(s![1..]);
    c[[2, 3]]
        + 0.503 * a.sum()
        + 0.439 * s
        + (&t5 * &t5).mean().unwrap()
        + 0.926 * t6.sum()
        + 0.726 * t8
        + 0.947 * t9.sum()
}

#[test]
fn test_f103() {
    let mut rng = Rng::new(231301300);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let s = -0.4261;
    let c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let d = rand(&mut rng, 10, -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c, d_d)) = f103_grad(&a, &b, s, &c, &d);
    common::assert_near(v, f103(&a, &b, s, &c, &d), "value");
    assert_fd_array(|xx| f103(xx, &b, s, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f103(&a, xx, s, &c, &d), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f103(&a, &b, xx[()], &c, &d),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f103(&a, &b, s, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f103(&a, &b, s, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 10, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f103_jvp(&a, &b, s, &c, &d, &t_a, &t_b, t_s, &t_c, &t_d);
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
        f103_hvp(&a, &b, s, &c, &d, &t_a, &t_b, t_s, &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_c, gp_d)) = f103_grad(&pp_a, &pp_b, pp_s, &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_s, gm_c, gm_d)) = f103_grad(&pm_a, &pm_b, pm_s, &pm_c, &pm_d);
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

// dims (2, 5, 3)
#[differentiable]
fn h104(a: &Array1<f64>) -> Array1<f64> {
    let t1 = nn::logsumexp(
        &Array::from_elem((2, 5), 0.25_f64).map(|&v| ((v * v + 1.0).ln()).powi(2) - 0.5),
        Axis(0),
    );
    let t2: f64 = (-0.781_f64).sin() * (a.sum() / (t1[3] * t1[3] + 1.0));
    let t3: f64 = if (t1.var(0.0) * t1.var(0.0) + 1.0).ln() < 0.382 {
        (a.sum() / (a[2].powi(2) + 0.5)).tanh().exp()
    } else {
        a.sum().tanh().exp()
    };
    (&Array::from_elem((2, 5), 0.5_f64)
        .fold_axis(Axis(0), f64::INFINITY, |m, v| m.min((*v - t3).powi(2)))
        + nn::softmax(&t1, Axis(0)))
        + (t2 + t3)
}

#[test]
fn test_h104() {
    let mut rng = Rng::new(231301312);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, d_a) = h104_vjp(&a, seed.clone());
    assert_array(&y, &h104(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h104(xx)), &a, &d_a, "da");
}

// dims (2, 5, 3)
#[differentiable]
fn f104(a: &Array1<f64>, b: &Array1<f64>, k: usize, c: ArrayView2<f64>) -> f64 {
    let ord = match k {
        0 => Order::F,
        _ => Order::C,
    };
    let t1 = (&Array::from_elem((2, 5), 0.5_f64) + 1.12_f64)
        .to_shape(((2, 5), ord))
        .unwrap()
        .to_owned();
    let t2 =
        (c.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1)) + &c).dot(&(-&c.slice(s![1..4, ..])));
    let t3 = (b / &c.tanh().mapv(|v| v * v + 1.0))
        / (&(t2.row(4).mapv(|v| v) * a[7].powi(2)).insert_axis(Axis(0))
            * &(t2.row(4).mapv(|v| v) * a[7].powi(2)).insert_axis(Axis(0))
            + 0.5);
    let t4 = &(&(&t2.var_axis(Axis(1), 0.0) * 0.0278) + 1.24_f64).insert_axis(Axis(1))
        - &(b * b).insert_axis(Axis(0));
    let t5: Array2<f64> = ((b.sum() - t4[[3, 2]]) - &(Array2::<f64>::eye(5) - (-0.376_f64)))
        .dot(
            &(&nn::sigmoid(&((&t2.sum_axis(Axis(1)) * 0.111) - t2.std_axis(Axis(1), 0.0)))
                .insert_axis(Axis(1))
                - (b + b).insert_axis(Axis(0))),
        )
        .tanh();
    let t6: Array2<f64> =
        ad_runtime::ndarray::concatenate(Axis(0), &[t2.slice(s![2..4, ..]), t3.slice(s![..3, ..])])
            .unwrap()
            .mapv(|v| v);
    let t7: f64 = (t6[[3, 1]] * t6[[3, 1]] + 1.0).ln();
    t7.cos().cos() + 0.396 * t1.sum() + 0.629 * t5.sum() + 0.513 * t7
}

#[test]
fn test_f104() {
    let mut rng = Rng::new(231301314);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f104_grad(&a, &b, k, c.view());
        common::assert_near(v, f104(&a, &b, k, c.view()), "value");
        assert_fd_array(|xx| f104(xx, &b, k, c.view()), &a, &d_a, "da");
        assert_fd_array(|xx| f104(&a, xx, k, c.view()), &b, &d_b, "db");
        let d_c: Array2<f64> = d_c;
        assert_fd_array(|xx| f104(&a, &b, k, xx.view()), &c, &d_c, "dc");
    }
}

// dims (3, 4, 3)
#[differentiable]
fn f105(a: Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> =
        nn::relu(&(b * &b.fold_axis(Axis(0), f64::NEG_INFINITY, |&acc, &x| x.max(acc))));
    let t2 = b.view();
    let t3: ArrayView2<f64> = t1.t();
    (0.606_f64.cos() + t2.mapv(|v| if v > 0.184 { v } else { v.powi(2) - 0.5 }))
        + (a.sum() + (&t2 * &t2).mean().unwrap() + t3.sum())
}

#[test]
fn test_f105() {
    let mut rng = Rng::new(231301326);
    let a = rand(&mut rng, (3, 4), 0.5, 1.5);
    let b = rand(&mut rng, (3, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 3), -1.0, 1.0);
    let (y, (d_a, d_b)) = f105_vjp(a.clone(), &b, seed.clone());
    assert_array(&y, &f105(a.clone(), &b), "value");
    assert_fd_array(|xx| inner(&seed, &f105(xx.clone(), &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f105(a.clone(), xx)), &b, &d_b, "db");
}

// dims (2, 5, 4)
#[differentiable]
fn f106(a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>, d: &Array2<f64>) -> Array2<f64> {
    let t1 = d.column(4);
    let t2: Array1<f64> = t1.exp() + &d.t().sum_axis(Axis(0));
    let t3 = -&d
        .slice(s![..2, ..])
        .mapv(|v| (v.powi(2) - 0.5).exp())
        .tanh();
    let t4 = t3.slice(s![.., 3..]).to_shape(4).unwrap().to_owned().abs();
    (t4[3] * b).mapv_into(f64::tanh)
        + (a.sum() + (b * b).mean().unwrap() + (c * c).mean().unwrap() + t2.sum() + t4.sum())
}

#[test]
fn test_f106() {
    let mut rng = Rng::new(231301338);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (2, 5), 0.5, 1.5);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let d = rand(&mut rng, (4, 5), 0.5, 1.5);
    let seed = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d)) = f106_vjp(&a, &b, &c, &d, seed.clone());
    assert_array(&y, &f106(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| inner(&seed, &f106(xx, &b, &c, &d)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f106(&a, xx, &c, &d)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f106(&a, &b, xx, &d)), &c, &d_c, "dc");
    assert_fd_array(|xx| inner(&seed, &f106(&a, &b, &c, xx)), &d, &d_d, "dd");
}

// dims (3, 5, 4)
#[differentiable]
fn f107(a: Array2<f64>, b: Array1<f64>, c: &Array1<f64>, d: Array1<f64>, w: Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = (&d + &d).to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = t2 - d.mean().unwrap();
        let t4 = t1.mapv(|v| if v > -0.321 { (v * t3).exp() } else { v.sin() });
        t1 = (&t1 + &((&r - &t1.powi(2)) + t4).mapv(f64::tanh)).mapv(f64::tanh);
        t2 = (t2 + a.var(0.0).sin()).tanh();
    }
    let t5 = (b.sum() + 0.534).abs();
    let t6 = c.view();
    let mut t7: f64 = 0.0;
    for i in 0..d.len() - 1 {
        t7 += d[i] * d[i + 1];
    }
    let t8: Array2<f64> =
        (&(t5 * &w).dot(&(&a.slice(s![.., ..4]) - b.sum())) * 0.0102).mapv(|v| v * 1.49);
    let mut t9: Array1<f64> = (&b / &b).to_owned();
    let mut t10: f64 = nn::cross_entropy(&a.slice(s![1.., ..]), &vec![3usize; 3]);
    for i in 0..t8.nrows() {
        let r = t8.row(i);
        let t11 = b.mapv(|v| v);
        t9 = &(&(&r * r.powi(2)) + t11).tanh() * a.mean().unwrap() + t9;
        t10 = t10 * 0.8 - ((t1.sum() + 0.336).abs() + 0.329).abs().tanh();
    }
    t7 + (&t6 * &t6).mean().unwrap() + 0.257 * t7 + 0.715 * t9.sum() + 0.815 * t10
}

#[test]
fn test_f107() {
    let mut rng = Rng::new(231301350);
    let a = rand(&mut rng, (4, 5), 0.5, 1.5);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let c = rand(&mut rng, 15, 0.5, 1.5);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let w = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f107_grad(a.clone(), b.clone(), &c, d.clone(), w.clone());
    common::assert_near(
        v,
        f107(a.clone(), b.clone(), &c, d.clone(), w.clone()),
        "value",
    );
    assert_fd_array(
        |xx| f107(xx.clone(), b.clone(), &c, d.clone(), w.clone()),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| f107(a.clone(), xx.clone(), &c, d.clone(), w.clone()),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| f107(a.clone(), b.clone(), xx, d.clone(), w.clone()),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| f107(a.clone(), b.clone(), &c, xx.clone(), w.clone()),
        &d,
        &d_d,
        "dd",
    );
    assert_fd_array(
        |xx| f107(a.clone(), b.clone(), &c, d.clone(), xx.clone()),
        &w,
        &d_w,
        "dw",
    );
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 15, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 5, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f107_jvp(
        a.clone(),
        b.clone(),
        &c,
        d.clone(),
        w.clone(),
        t_a.clone(),
        t_b.clone(),
        &t_c,
        t_d.clone(),
        t_w.clone(),
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum()
        + (&d_b * &t_b).sum()
        + (&d_c * &t_c).sum()
        + (&d_d * &t_d).sum()
        + (&d_w * &t_w).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum()
        + (&d_w * &t_w).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f107_hvp(
        a.clone(),
        b.clone(),
        &c,
        d.clone(),
        w.clone(),
        t_a.clone(),
        t_b.clone(),
        &t_c,
        t_d.clone(),
        t_w.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) = f107_grad(
        pp_a.clone(),
        pp_b.clone(),
        &pp_c,
        pp_d.clone(),
        pp_w.clone(),
    );
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) = f107_grad(
        pm_a.clone(),
        pm_b.clone(),
        &pm_c,
        pm_d.clone(),
        pm_w.clone(),
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (4, 3, 5)
#[differentiable]
fn f108(a: &Array1<f64>, b: &Array2<f64>, c: ArrayView2<f64>, d: &Array2<f64>) -> f64 {
    let t1: ArrayView2<f64> = b.t();
    let t2: f64 = a.mean().unwrap();
    let t3: Array2<f64> = t1
        .to_shape((20, Order::F))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((4, 5), Order::ColumnMajor))
        .unwrap()
        .dot(
            &(b.sum_axis(Axis(0))
                .mapv(|v| (v.tanh().exp()) * (v * 1.07))
                .insert_axis(Axis(1))
                / (nn::softplus(&(&c.var_axis(Axis(0), 0.0) + a).insert_axis(Axis(0))) + 0.5))
                .mapv(f64::tanh),
        );
    let t4 = a.view();
    let mut t5: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t5 += (a[i + 1] * t2 - a[i]).tanh();
    }
    t3.mean().unwrap()
        + 0.66 * d.sum()
        + (&t3 * &t3).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
        + 0.87 * t5
}

#[test]
fn test_f108() {
    let mut rng = Rng::new(231301362);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let d = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f108_grad(&a, &b, c.view(), &d);
    common::assert_near(v, f108(&a, &b, c.view(), &d), "value");
    assert_fd_array(|xx| f108(xx, &b, c.view(), &d), &a, &d_a, "da");
    assert_fd_array(|xx| f108(&a, xx, c.view(), &d), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f108(&a, &b, xx.view(), &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f108(&a, &b, c.view(), xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f108_jvp(&a, &b, c.view(), &d, &t_a, &t_b, t_c.view(), &t_d);
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
        f108_hvp(&a, &b, c.view(), &d, &t_a, &t_b, t_c.view(), &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f108_grad(&pp_a, &pp_b, pp_c.view(), &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f108_grad(&pm_a, &pm_b, pm_c.view(), &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (3, 4, 5)
#[differentiable(wrt(c))]
fn f109(a: &Array2<f64>, b: Array2<f64>, c: &Array1<f64>) -> f64 {
    let t1: Array2<f64> = nn::softplus(&a.to_shape(((4, 5), Order::ColumnMajor)).unwrap());
    let mut t2: Array1<f64> = (c + c).to_owned();
    if (&t2.exp() * &t2.exp()).sum() < -0.564 {
        let t3 =
            nn::logsumexp(a, Axis(1))
                .dot(&a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max(x)));
        t2 = &t2 * 0.387 + &(&t2 / b[[0, 3]].exp()).tanh();
    } else {
        t2 = &t1
            .fold_axis(Axis(1), f64::INFINITY, |&acc, &x| (x * -0.563).min(acc))
            .dot(&Array::from_elem((4, 12), 0.5_f64))
            - &t2;
    }
    let t4 = nn::softplus(&t1).dot(&(Array::from_elem((5, 5), 1.5_f64) * 0.318_f64));
    let mut t5 = Array1::<f64>::zeros(4);
    let mut t6: f64 = t1.sum();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t7: Array1<f64> = r.map(|&v| (v.exp()).sin());
        t5 = &(&r * &(&t5 - t7)) * (t6 / (r.sum() * r.sum() + 1.0)).tanh() + t5;
        t6 += (&(&t2 * &t2) * 0.111).mean().unwrap();
    }
    let t8 = t6.tanh();
    let t9 = c.mean().unwrap() + &a.to_shape((4, 5)).unwrap().into_owned();
    let mut t10: Array2<f64> = t4.mapv(f64::sin);
    let mut t11: f64 = t10.mean().unwrap();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t10 = &t10
            + &(&t10.var_axis(Axis(0), 0.0).insert_axis(Axis(0)) - &t5.view().insert_axis(Axis(1)))
                .tanh();
        t11 = t11 * 0.8 - (nn::mse(&t10, &a.t()) + 0.389).abs().tanh();
    }
    t8 + 0.635 * t8 + 0.533 * t9.sum() + 0.329 * t11
}

#[test]
fn test_f109() {
    let mut rng = Rng::new(231301374);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, 12, -1.0, 1.0);
    let (v, d_c) = f109_grad(&a, b.clone(), &c);
    common::assert_near(v, f109(&a, b.clone(), &c), "value");
    assert_fd_array(|xx| f109(&a, b.clone(), xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_c = rand(&mut rng, 12, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f109_jvp(&a, b.clone(), &c, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_c * &t_c).sum();
    let scale: f64 = (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_c, hh_c) = f109_hvp(&a, b.clone(), &c, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_c) = f109_grad(&a, b.clone(), &pp_c);
    let (_, gm_c) = f109_grad(&a, b.clone(), &pm_c);
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (5, 2, 4)
#[differentiable]
fn f110(a: &Array1<f64>, k: usize) -> Array2<f64> {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1: Array2<f64> = (-&Array::from_elem((2, 5), 1.5_f64))
        .to_shape(((5, 2), ord))
        .unwrap()
        .into_owned();
    let t2 = nn::relu(&(-a));
    let t3 = a.slice(s![1..]);
    let mut t4: f64 = nn::cross_entropy_one_hot(&t1, &nn::softmax(&t1, Axis(1)));
    if a.sum().sin() < -0.25 {
        t4 = t4 * 0.601 + t1[[3, 0]].sin();
    } else {
        t4 = t2[0] - t4;
    }
    nn::sigmoid(&(t1.var_axis(Axis(1), 0.0).insert_axis(Axis(1)) * &t1))
        * ((&t3 * &t3).mean().unwrap() + t4)
}

#[test]
fn test_f110() {
    let mut rng = Rng::new(231301386);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (5, 2), -1.0, 1.0);
        let (y, d_a) = f110_vjp(&a, k, seed.clone());
        assert_array(&y, &f110(&a, k), "value");
        assert_fd_array(|xx| inner(&seed, &f110(xx, k)), &a, &d_a, "da");
    }
}

// dims (4, 2, 5)
#[differentiable]
fn f111(k: usize, a: ArrayView2<f64>, s: f64, p: f64) -> f64 {
    let ord = match k {
        0 => Order::F,
        _ => Order::C,
    };
    let t1: Array2<f64> = a
        .mapv(|v| ((v * s).sin()).powi(2) - 0.5)
        .to_shape(((4, 2), ord))
        .unwrap()
        .into_owned();
    let t2: Array2<f64> = (p - a[[1, 0]]) / &(nn::sigmoid(&(-&a)) + 0.25);
    let t3 = if t1.mapv(|v| ((v * s) * (v * s) + 0.5).sqrt()).sum() > -0.43 {
        (t1[[3, 1]] - &a) + &t2
    } else {
        &a.t().mean_axis(Axis(1)).unwrap().insert_axis(Axis(0))
            + &nn::sigmoid(
                &t2.fold_axis(Axis(1), f64::NEG_INFINITY, |m, v| m.max(*v * p))
                    .mapv_into(|v| v * p),
            )
            .insert_axis(Axis(1))
    };
    let t4: Array2<f64> = nn::log_softmax(
        &t3.mapv(f64::cos)
            .to_shape(((4, 2), ord))
            .unwrap()
            .into_owned(),
        Axis(1),
    );
    let t5 = &ad_runtime::ndarray::stack(
        Axis(1),
        &[
            t3.sum_axis(Axis(1)).tanh().mapv(f64::cos).view(),
            t1.column(0),
        ],
    )
    .unwrap()
        - &(t2[[1, 1]] / (&t3.std_axis(Axis(0), 0.0) * 0.0885).exp())
            .mapv(f64::tanh)
            .map(|&v| v)
            .insert_axis(Axis(0));
    (&t2.column(0).insert_axis(Axis(1))
        + &t4.sum_axis(Axis(0)).mapv(f64::tanh).insert_axis(Axis(0)))
        .var(0.0)
        + 0.395 * t4.sum()
        + 0.61 * t5.sum()
}

#[test]
fn test_f111() {
    let mut rng = Rng::new(231301398);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = 0.4679;
    let p = -1.0051;
    for k in 0..2usize {
        let (v, (d_a, d_s, d_p)) = f111_grad(k, a.view(), s, p);
        common::assert_near(v, f111(k, a.view(), s, p), "value");
        let d_a: Array2<f64> = d_a;
        assert_fd_array(|xx| f111(k, xx.view(), s, p), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| f111(k, a.view(), xx[()], p),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        let fd_p = fd(
            |xx: &Array<f64, _>| f111(k, a.view(), s, xx[()]),
            &Array::from_elem((), p),
        );
        common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    }
}

// dims (2, 3, 5)
#[differentiable]
fn h112(a: &Array2<f64>) -> f64 {
    let mut t1: Array2<f64> = a.dot(&a.slice(s![1..4, ..]));
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = &(&nn::log_softmax(a, Axis(1)) * 0.5) * r.mean().unwrap() + t1;
        t2 = (t2 + (t1[[2, 1]].sin() + 0.32).abs()).tanh();
    }
    let t3 = t1.tanh();
    let t4 = t3.view();
    (t4[[4, 0]].sin() - t4[[2, 0]].cos()) + 0.77 * t2 + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_h112() {
    let mut rng = Rng::new(231301410);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, d_a) = h112_grad(&a);
    common::assert_near(v, h112(&a), "value");
    assert_fd_array(|xx| h112(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h112_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h112_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h112_grad(&pp_a);
    let (_, gm_a) = h112_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 3, 5)
#[differentiable]
fn f112(a: Array2<f64>, b: Array2<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let t1 = (a[[0, 2]] * a[[0, 2]] + 1.0).ln().cos();
    let t2 = &(c * c) / c;
    let mut t3: Array1<f64> = (&d.column(2) * &d.index_axis(Axis(1), 1)).to_owned();
    let mut t4: f64 = (d.sum() - c.mean().unwrap()).tanh();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t5 = nn::log_softmax(&t3, Axis(0));
        t3 = (&t3 + &(&r + t5).tanh()).mapv(f64::tanh);
        t4 = (t4
            + (a[[0, 0]].cos()
                - nn::cross_entropy_one_hot(&a, &nn::softmax(&d.slice(s![1.., ..3]), Axis(1))))
            .tanh())
        .tanh();
    }
    let t6 = d.slice(s![.., 2..]).tanh().dot(d);
    let mut t7: f64 = t6.mean().unwrap();
    if (d.var(0.0) + a.sum()) < -0.812 {
        let t8 = t1;
        t7 = t7 * 0.893 + d.mean().unwrap();
    }
    t6.slice(s![1.., 1..3]).dot(&b).mean().unwrap()
        + (&b * &b).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + 0.865 * t4
        + 0.274 * t7
}

#[test]
fn test_f112() {
    let mut rng = Rng::new(231301412);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let c = rand(&mut rng, 6, 0.5, 1.5);
    let d = rand(&mut rng, (3, 5), 0.5, 1.5);
    let (v, (d_a, d_b, d_c, d_d)) = f112_grad(a.clone(), b.clone(), &c, &d);
    common::assert_near(v, f112(a.clone(), b.clone(), &c, &d), "value");
    assert_fd_array(|xx| f112(xx.clone(), b.clone(), &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f112(a.clone(), xx.clone(), &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f112(a.clone(), b.clone(), xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f112(a.clone(), b.clone(), &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 6, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f112_jvp(
        a.clone(),
        b.clone(),
        &c,
        &d,
        t_a.clone(),
        t_b.clone(),
        &t_c,
        &t_d,
    );
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
    let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) = f112_hvp(
        a.clone(),
        b.clone(),
        &c,
        &d,
        t_a.clone(),
        t_b.clone(),
        &t_c,
        &t_d,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f112_grad(pp_a.clone(), pp_b.clone(), &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f112_grad(pm_a.clone(), pm_b.clone(), &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (5, 4, 2)
#[differentiable]
fn h113(a: &Array2<f64>) -> Array2<f64> {
    let mut t1: Array2<f64> = (a - a.var_axis(Axis(0), 1.0)).to_owned();
    if a[[1, 0]].exp().powi(2) > -0.958 {
        let t2: f64 = (-1.17_f64) + a[[2, 0]];
        t1 = &t1 * 0.615 + &Array2::<f64>::eye(4).dot(&t1).tanh();
    } else {
        t1 = &(&Array::from_elem((4, 4), 1.5_f64).dot(&t1) * 0.111) - &t1;
    }
    ((&t1 / &(&t1 * &t1 + 0.5))
        - (a.fold_axis(Axis(1), f64::NEG_INFINITY, |m, v| m.max(*v)) - a.sum_axis(Axis(1)))
            .insert_axis(Axis(1)))
    .mapv(f64::tanh)
}

#[test]
fn test_h113() {
    let mut rng = Rng::new(231301424);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (y, d_a) = h113_vjp(&a, seed.clone());
    assert_array(&y, &h113(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h113(xx)), &a, &d_a, "da");
}

// dims (5, 4, 2)
#[differentiable]
fn f113(a: Array1<f64>, b: ArrayView2<f64>, k: usize, c: &Array2<f64>) -> f64 {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1: Array2<f64> = Array::from_elem((4, 5), 0.25_f64)
        .exp()
        .to_shape(((5, 4), ord))
        .unwrap()
        .into_owned();
    let t2: Array2<f64> = h113(&c.to_shape(((4, 2), Order::F)).unwrap().into_owned());
    let t3 = t2.mapv(f64::tanh);
    let t4: Array2<f64> = Array::from_elem((5, 5), 1.5_f64)
        .cos()
        .dot(&nn::softmax(&t1.slice(s![.., 2..]), Axis(0)).sin());
    let t5 = t2.row(1);
    let mut t6: Array1<f64> = &t5.tanh() * 0.532_f64;
    let mut t7: f64 = 0.0;
    for i in 0..t4.nrows() {
        let r = t4.row(i);
        let t8 = &t6 * &t6;
        t6 = &t6 * 0.7 + &nn::sigmoid(&(t2.mean().unwrap() / &(nn::sigmoid(&t8) + 0.25)));
        t7 = (t7
            + (t2.mean_axis(Axis(0)).unwrap().mapv(f64::tanh).var(1.0) * (t7 * t7 + 1.0).sqrt()))
        .tanh();
    }
    t7 + (&a * &a).mean().unwrap() + 0.236 * b.sum() + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_f113() {
    let mut rng = Rng::new(231301426);
    let a = rand(&mut rng, 4, 0.5, 1.5);
    let b = rand(&mut rng, (5, 2), 0.5, 1.5);
    let c = rand(&mut rng, (4, 2), 0.5, 1.5);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f113_grad(a.clone(), b.view(), k, &c);
        common::assert_near(v, f113(a.clone(), b.view(), k, &c), "value");
        assert_fd_array(|xx| f113(xx.clone(), b.view(), k, &c), &a, &d_a, "da");
        let d_b: Array2<f64> = d_b;
        assert_fd_array(|xx| f113(a.clone(), xx.view(), k, &c), &b, &d_b, "db");
        assert_fd_array(|xx| f113(a.clone(), b.view(), k, xx), &c, &d_c, "dc");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 4, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (5, 2), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, (4, 2), -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f113_jvp(a.clone(), b.view(), k, &c, t_a.clone(), t_b.view(), &t_c);
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
            f113_hvp(a.clone(), b.view(), k, &c, t_a.clone(), t_b.view(), &t_c);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c)) = f113_grad(pp_a.clone(), pp_b.view(), k, &pp_c);
        let (_, (gm_a, gm_b, gm_c)) = f113_grad(pm_a.clone(), pm_b.view(), k, &pm_c);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    }
}

// dims (4, 3, 5)
#[differentiable]
fn f114(a: Array1<f64>, s: f64) -> f64 {
    let t1: f64 = Array::from_elem(4, 0.25_f64).dot(&Array::from_elem(4, 1.5_f64))
        / (s.exp() * s.exp() + 1.0);
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 = t2 * 0.8 + a[i].sin() * a[i + 1];
    }
    let mut t3: Array1<f64> = nn::sigmoid(&a);
    if a.std(1.0).exp() < -0.524 {
        let t4: f64 = t3.sum() * (-0.61_f64);
        t3 = &t3 * 0.457 + &t3;
    } else {
        t3 = &(&t3 * &a) - &t3;
    }
    a[8] + 0.488 * t1 + 0.57 * t2
}

#[test]
fn test_f114() {
    let mut rng = Rng::new(231301438);
    let a = rand(&mut rng, 12, -1.0, 1.0);
    let s = -1.1477;
    let (v, (d_a, d_s)) = f114_grad(a.clone(), s);
    common::assert_near(v, f114(a.clone(), s), "value");
    assert_fd_array(|xx| f114(xx.clone(), s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f114(a.clone(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 12, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f114_jvp(a.clone(), s, t_a.clone(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f114_hvp(a.clone(), s, t_a.clone(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f114_grad(pp_a.clone(), pp_s);
    let (_, (gm_a, gm_s)) = f114_grad(pm_a.clone(), pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (5, 3, 4)
#[differentiable]
fn h115(a: ArrayView2<f64>, s: f64) -> f64 {
    let t1: f64 = nn::mse(
        &(&a / ((-1.28_f64).powi(2) + 0.5)),
        &a.dot(&a.slice(s![2.., ..])),
    );
    let t2 = (a[[0, 1]] - &a)
        .dot(&(&a.slice(s![2.., ..]) - &a.row(3)))
        .tanh();
    let t3 = t2.index_axis(Axis(1), 0);
    nn::cross_entropy_one_hot(
        &(&a + s),
        &nn::softmax(&Array::from_elem((5, 5), 0.5_f64).dot(&t2), Axis(1)),
    ) + 0.53 * s
        + 0.271 * t1
        + 0.638 * t3.sum()
}

#[test]
fn test_h115() {
    let mut rng = Rng::new(231301450);
    let a = rand(&mut rng, (5, 3), 0.5, 1.5);
    let s = 0.8799;
    let (v, (d_a, d_s)) = h115_grad(a.view(), s);
    common::assert_near(v, h115(a.view(), s), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h115(xx.view(), s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h115(a.view(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h115_jvp(a.view(), s, t_a.view(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h115_hvp(a.view(), s, t_a.view(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h115_grad(pp_a.view(), pp_s);
    let (_, (gm_a, gm_s)) = h115_grad(pm_a.view(), pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (5, 3, 4)
#[differentiable]
fn f115(
    a: &Array1<f64>,
    b: &Array1<f64>,
    c: &Array1<f64>,
    d: &Array1<f64>,
    w: &Array2<f64>,
) -> f64 {
    let t1 = if ((-1.24_f64).exp() + (-0.929_f64).tanh()) < 0.309 {
        d.map(|&v| v) - &nn::sigmoid(d)
    } else {
        d.mapv(f64::sin)
    };
    let mut t2: f64 = 0.0;
    for i in 0..2 {
        t2 += (c[i + 1] * 1.29 - c[i]).tanh();
    }
    let mut t3: f64 = 0.0;
    for i in 0..d.len() - 1 {
        t3 = t3 * 0.8 + d[i].sin() * d[i + 1];
    }
    let t4: f64 = t3.tanh();
    let t5 = if ((t3 - a.mean().unwrap()).tanh() - t1[11]) > -1.41 {
        c.mean().unwrap() + nn::cross_entropy(&w.slice(s![.., ..3]), &vec![1usize; 5])
    } else {
        t3.tanh()
    };
    let t6 = (c * c).mapv_into(f64::sin);
    let t7: Array1<f64> = nn::sigmoid(
        &(&(&(t3 - d).tanh() + &d.cos())
            * &(t1.mapv(|v| (v * 0.984) * t2 + t2) - (&t1 / &t1.exp()).mapv(f64::tanh))),
    );
    let t8 = (nn::sigmoid(
        &(&w.t()
            .to_shape(((5, 4), Order::RowMajor))
            .unwrap()
            .to_owned()
            / &(nn::sigmoid(&b.sin().insert_axis(Axis(1))) + 0.25)),
    ) + 0.25)
        .powf(0.5);
    t5 + 0.394 * t4 + 0.677 * t5 + 0.381 * t6.sum() + 0.563 * t7.sum() + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f115() {
    let mut rng = Rng::new(231301452);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, 15, -1.0, 1.0);
    let w = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f115_grad(&a, &b, &c, &d, &w);
    common::assert_near(v, f115(&a, &b, &c, &d, &w), "value");
    assert_fd_array(|xx| f115(xx, &b, &c, &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f115(&a, xx, &c, &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f115(&a, &b, xx, &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f115(&a, &b, &c, xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f115(&a, &b, &c, &d, xx), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 3, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 15, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f115_jvp(&a, &b, &c, &d, &w, &t_a, &t_b, &t_c, &t_d, &t_w);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum()
        + (&d_b * &t_b).sum()
        + (&d_c * &t_c).sum()
        + (&d_d * &t_d).sum()
        + (&d_w * &t_w).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum()
        + (&d_w * &t_w).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) =
        f115_hvp(&a, &b, &c, &d, &w, &t_a, &t_b, &t_c, &t_d, &t_w);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) = f115_grad(&pp_a, &pp_b, &pp_c, &pp_d, &pp_w);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) = f115_grad(&pm_a, &pm_b, &pm_c, &pm_d, &pm_w);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (5, 2, 4)
#[differentiable]
fn h116(a: &Array1<f64>, b: Array2<f64>) -> Array1<f64> {
    let t1 = (-0.354_f64).sin().exp();
    let mut t2 = Array1::<f64>::zeros(4);
    let mut t3: f64 = t2.mean().unwrap();
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4: Array2<f64> = nn::log_softmax(&b, Axis(0));
        let t5 = t4.row(1).tanh();
        t2 = &t2 * 0.7 + &(&r + &t5);
        t3 = (t3
            + nn::mse(
                &b.fold_axis(Axis(0), f64::INFINITY, |&acc, &x| x.min(acc)),
                &t4.t().sum_axis(Axis(1)),
            )
            .tanh())
        .tanh();
    }
    (t3 / &(nn::sigmoid(&nn::softplus(&b.fold_axis(
        Axis(0),
        f64::INFINITY,
        |&acc, &x| acc.min(x * t3),
    ))) + 0.25))
        * (a.sum() + t1 + t3)
}

#[test]
fn test_h116() {
    let mut rng = Rng::new(231301464);
    let a = rand(&mut rng, 4, 0.5, 1.5);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b)) = h116_vjp(&a, b.clone(), seed.clone());
    assert_array(&y, &h116(&a, b.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h116(xx, b.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h116(&a, xx.clone())), &b, &d_b, "db");
}

// dims (5, 2, 4)
#[differentiable]
fn f116(a: Array2<f64>, b: &Array2<f64>) -> Array1<f64> {
    let t1: Array1<f64> = h116(
        &(nn::sigmoid(&b.fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &v: &f64| m.max(v)))
            + 0.25),
        (&a.slice(s![..2, ..]) * a[[3, 1]]),
    );
    let t2: Array1<f64> = t1.mapv(f64::tanh);
    let mut t3: Array1<f64> = b.index_axis(Axis(0), 2).dot(&b.t());
    let mut t4: f64 = -1.03_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t3 = (&t3 + &nn::sigmoid(&t2)).mapv(f64::tanh);
        t4 += nn::cross_entropy_one_hot(
            &ad_runtime::ndarray::stack(Axis(1), &[a.column(3), a.var_axis(Axis(1), 0.0).view()])
                .unwrap(),
            &nn::softmax(&a.slice(s![.., 1..3]), Axis(1)),
        )
        .tanh();
    }
    let t5 = b.view();
    let t6 = t1.view();
    let t7: Array2<f64> = (&a / &t3.view().insert_axis(Axis(0)).mapv(|v| v * v + 1.0)).mapv(|v| v);
    let t8: Array2<f64> = &nn::sigmoid(&t6).insert_axis(Axis(1))
        - nn::log_softmax(&t5.index_axis(Axis(0), 1), Axis(0)).insert_axis(Axis(0));
    let t9 = t7.slice(s![1.., 2..]);
    (t3.mapv(|v| ((v.powi(2) - 0.5) * (v.powi(2) - 0.5) + 1.0).ln()) + &(t4 + &(&t1 * 0.01)))
        * (t4 + (&t8 * &t8).mean().unwrap() + t9.sum())
}

#[test]
fn test_f116() {
    let mut rng = Rng::new(231301466);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b)) = f116_vjp(a.clone(), &b, seed.clone());
    assert_array(&y, &f116(a.clone(), &b), "value");
    assert_fd_array(|xx| inner(&seed, &f116(xx.clone(), &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f116(a.clone(), xx)), &b, &d_b, "db");
}

// dims (5, 4, 5)
#[differentiable]
fn f117(k: usize, a: &Array2<f64>) -> Array2<f64> {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = (&a.view().reversed_axes() * &a.column(0).insert_axis(Axis(0)))
        .to_shape(((5, 4), ord))
        .unwrap()
        .to_owned();
    let t2: Array2<f64> = a
        .mapv(f64::cos)
        .mapv_into(|v| if v > 0.326 { v.powi(2) - 0.5 } else { v });
    let t3 = (&t1.row(2).mapv(|v| v.sin()) + &t2)
        .dot(&((-0.866_f64) / (nn::softplus(&(-&a.slice(s![..4, ..]))) + 0.5)))
        .mapv(f64::tanh);
    let mut t4: Array1<f64> = (&t1.std_axis(Axis(0), 1.0) / (0.345_f64.powi(2) + 0.5)).to_owned();
    let mut t5: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t6: Array1<f64> = &t4 - &r;
        t4 = &(&(t2.t().std_axis(Axis(1), 1.0) + t6) * 0.25)
            * nn::cross_entropy(&t1, &vec![1usize; 5]).tanh()
            + t4;
        t5 = t5 * 0.8 - t5;
    }
    let t7 = &t4 * 0.143;
    let t8 = t7.slice(s![1..]);
    let t9: Array2<f64> = nn::cross_entropy_one_hot(
        &t2.t()
            .to_shape((20, Order::ColumnMajor))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((5, 4), Order::F))
            .unwrap(),
        &nn::softmax(&Array2::<f64>::eye(5).dot(a), Axis(1)),
    ) / &(&(-Array2::<f64>::eye(5)).dot(&t2.sin())
        * &(-Array2::<f64>::eye(5)).dot(&t2.sin())
        + 0.5);
    t2.dot(&a.slice(s![1.., ..])).abs() + (t3.sum() + t8.sum() + (&t9 * &t9).mean().unwrap())
}

#[test]
fn test_f117() {
    let mut rng = Rng::new(231301478);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
        let (y, d_a) = f117_vjp(k, &a, seed.clone());
        assert_array(&y, &f117(k, &a), "value");
        assert_fd_array(|xx| inner(&seed, &f117(k, xx)), &a, &d_a, "da");
    }
}

// dims (4, 2, 5)
#[differentiable]
fn h118(a: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = (&a.row(3) * 0.362_f64).to_owned();
    let mut t2: f64 = ((-1.46_f64) + 0.334).abs();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = &r * a.mean().unwrap() + t1;
        t2 += t2;
    }
    let t3: Array2<f64> = a.dot(&a.t()).dot(a);
    t3.var(1.0).tanh().exp() + (&t1 * &t1).mean().unwrap() + 0.896 * t3.sum()
}

#[test]
fn test_h118() {
    let mut rng = Rng::new(231301490);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, d_a) = h118_grad(&a);
    common::assert_near(v, h118(&a), "value");
    assert_fd_array(|xx| h118(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h118_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h118_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h118_grad(&pp_a);
    let (_, gm_a) = h118_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 2, 5)
#[differentiable]
fn f118(a: &Array2<f64>, b: ArrayView2<f64>, s: f64, c: ArrayView2<f64>, d: &Array1<f64>) -> f64 {
    let t1: Array2<f64> = ((&d.view().insert_axis(Axis(1))
        / &(nn::sigmoid(&b.sum_axis(Axis(0)).insert_axis(Axis(0))) + 0.25))
        .dot(&b.slice(s![..2, ..]))
        * (&b * b.mean_axis(Axis(0)).unwrap()).var_axis(Axis(0), 1.0))
    .tanh();
    let t2: f64 = d[2];
    let mut t3: Array1<f64> = (a.fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &v: &f64| {
        m.min((v - s).powi(2))
    }) / &t1.mean_axis(Axis(0)).unwrap().mapv(|v| v * v + 1.0))
        .to_owned();
    let mut t4: f64 = -0.664_f64;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t3 = &t3 * 0.7 + &r;
        t4 = t4 * 0.8 - d.sum().sin();
    }
    let t5 = t3.mapv(f64::tanh);
    t1.sum() + (&c * &c).mean().unwrap() + 0.81 * t2 + 0.999 * t4 + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f118() {
    let mut rng = Rng::new(231301492);
    let a = rand(&mut rng, (5, 2), 0.5, 1.5);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = 1.2408;
    let c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c, d_d)) = f118_grad(&a, b.view(), s, c.view(), &d);
    common::assert_near(v, f118(&a, b.view(), s, c.view(), &d), "value");
    assert_fd_array(|xx| f118(xx, b.view(), s, c.view(), &d), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f118(&a, xx.view(), s, c.view(), &d), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f118(&a, b.view(), xx[()], c.view(), &d),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f118(&a, b.view(), s, xx.view(), &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f118(&a, b.view(), s, c.view(), xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 5, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f118_jvp(
        &a,
        b.view(),
        s,
        c.view(),
        &d,
        &t_a,
        t_b.view(),
        t_s,
        t_c.view(),
        &t_d,
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
    let (hv, (hg_a, hg_b, hg_s, hg_c, hg_d), (hh_a, hh_b, hh_s, hh_c, hh_d)) = f118_hvp(
        &a,
        b.view(),
        s,
        c.view(),
        &d,
        &t_a,
        t_b.view(),
        t_s,
        t_c.view(),
        &t_d,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_c, gp_d)) =
        f118_grad(&pp_a, pp_b.view(), pp_s, pp_c.view(), &pp_d);
    let (_, (gm_a, gm_b, gm_s, gm_c, gm_d)) =
        f118_grad(&pm_a, pm_b.view(), pm_s, pm_c.view(), &pm_d);
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
#[differentiable]
fn h119(a: ArrayView2<f64>) -> Array1<f64> {
    let t1 = (nn::sigmoid(&a) + 0.25).ln().mean().unwrap();
    let t2: ArrayView2<f64> = a.t();
    let t3 = t1;
    ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (&t2.mean_axis(Axis(1)).unwrap()
                / (&a.index_axis(Axis(0), 4) * &a.index_axis(Axis(0), 4) + 0.5))
                .view(),
            nn::logsumexp(&a, Axis(0)).view(),
        ],
    )
    .unwrap()
        * ((&t2 * &t2).mean().unwrap() + t3)
}

#[test]
fn test_h119() {
    let mut rng = Rng::new(231301504);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, d_a) = h119_vjp(a.view(), seed.clone());
    assert_array(&y, &h119(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &h119(xx.view())), &a, &d_a, "da");
}

// dims (5, 4, 2)
#[differentiable]
fn f119(a: &Array1<f64>, b: &Array2<f64>, c: &Array2<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..1 {
        let t2 = a[i + 1] - a[i] * a[i];
        let t3 = 1.0 - a[i];
        t1 += 0.564 * t2 * t2 + t3 * t3;
    }
    let t4 = t1.tanh();
    let t5: Array2<f64> = b
        .view()
        .reversed_axes()
        .to_shape((20, Order::RowMajor))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((5, 4), Order::C))
        .unwrap();
    let mut t6: Array1<f64> = t5.index_axis(Axis(1), 1).dot(&t5).to_owned();
    let mut t7: f64 = 0.751_f64.powi(2);
    for i in 0..t5.nrows() {
        let r = t5.row(i);
        let t8: Array2<f64> = t5.mapv(f64::exp);
        let t9 = t6.dot(&t5.slice(s![..4, 2..])).tanh();
        t6 = &r * r.mean().unwrap() + t6;
        t7 = t7 * 0.8
            - (((&t6.mapv(|v| v.tanh().exp()) * &t6.mapv(|v| v.tanh().exp())).sum()
                + t8.mean().unwrap())
                + t9.mean().unwrap())
            .tanh();
    }
    let t10: Array1<f64> = Array::from_elem((2, 5), 0.5_f64)
        .dot(&t5.slice(s![.., 1..3]))
        .sum_axis(Axis(0));
    let t11: Array1<f64> = h119((&t5.slice(s![.., 1..3]) * &t10).view());
    let t12: Array1<f64> = t11.mapv(f64::tanh);
    (&t10 * &t10).sum().cos()
        + 0.734 * c.sum()
        + 0.948 * t4
        + 0.698 * t7
        + 0.219 * t11.sum()
        + 0.4 * t12.sum()
}

#[test]
fn test_f119() {
    let mut rng = Rng::new(231301506);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), 0.5, 1.5);
    let (v, (d_a, d_b, d_c)) = f119_grad(&a, &b, &c);
    common::assert_near(v, f119(&a, &b, &c), "value");
    assert_fd_array(|xx| f119(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f119(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f119(&a, &b, xx), &c, &d_c, "dc");
}

// dims (3, 2, 5)
#[differentiable]
fn f120(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>, d: &Array1<f64>, s: f64) -> f64 {
    let mut t1: Array1<f64> = d.mapv(|v| ((v * s).powi(2) - 0.5).powi(2) - 0.5).to_owned();
    if (b - &b.row(1)).sum() > 0.739 {
        t1 = &t1 * 0.677 + &(&t1 * &t1).tanh();
    } else {
        t1 = &(&t1.mapv(|v| v * s) * 0.391) - &t1;
    }
    let t2 = &ad_runtime::ndarray::concatenate(Axis(1), &[b.slice(s![.., ..3]), c.view()])
        .unwrap()
        .var_axis(Axis(1), 0.0)
        .insert_axis(Axis(1))
        * &(-b).tanh();
    let t3 = if t2[[1, 2]].sin() < 0.11 {
        &ad_runtime::ndarray::stack(Axis(1), &[d.view(), t1.view()]).unwrap()
            + &ad_runtime::ndarray::stack(Axis(1), &[d.view(), t2.column(0)]).unwrap()
    } else {
        &(t2.row(2).dot(&a.view().reversed_axes()) / &nn::softmax(c, Axis(0)).exp()) * 0.0735
    };
    let t4: f64 = nn::cross_entropy(c, &vec![1usize; 3]).sin();
    let t5: Array1<f64> = if b
        .fold_axis(Axis(1), f64::INFINITY, |m, v| m.min((*v - t4).powi(2)))
        .dot(&d.sin())
        < 1.44
    {
        (&t2.column(2) * c.fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &x: &f64| m.min(x)))
            - b.t().mean_axis(Axis(0)).unwrap()
    } else {
        -&(s - &c.mean_axis(Axis(1)).unwrap())
    };
    let t6 = (&(&t3.dot(a) * 0.121) * b.dot(&Array::from_elem((5, 5), 1.5_f64)))
        .mapv(f64::tanh)
        .mapv(f64::tanh);
    nn::cross_entropy_one_hot(
        &t3.tanh(),
        &nn::softmax(&(&t3 + &t2.slice(s![.., ..2])), Axis(1)),
    ) + 0.559 * t5.sum()
        + 0.576 * t6.sum()
}

#[test]
fn test_f120() {
    let mut rng = Rng::new(231301518);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let d = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.6859;
    let (v, (d_a, d_b, d_c, d_d, d_s)) = f120_grad(&a, &b, &c, &d, s);
    common::assert_near(v, f120(&a, &b, &c, &d, s), "value");
    assert_fd_array(|xx| f120(xx, &b, &c, &d, s), &a, &d_a, "da");
    assert_fd_array(|xx| f120(&a, xx, &c, &d, s), &b, &d_b, "db");
    assert_fd_array(|xx| f120(&a, &b, xx, &d, s), &c, &d_c, "dc");
    assert_fd_array(|xx| f120(&a, &b, &c, xx, s), &d, &d_d, "dd");
    let fd_s = fd(
        |xx: &Array<f64, _>| f120(&a, &b, &c, &d, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 4, 5)
#[differentiable]
fn f121(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let t1: f64 = a[[0, 0]].sin();
    let t2: Array2<f64> = -&(&b.view().insert_axis(Axis(1))
        / (nn::sigmoid(&b.view().insert_axis(Axis(0))) + 0.25))
        .dot(&a.mapv(|v| (if v > 0.509 { v } else { v }) * ((v * v + 0.5).sqrt())))
        .mapv(f64::tanh);
    let t3: ArrayView2<f64> = a.t();
    let t4: f64 = ((b * b).sum() * (b * b).sum() + 1.0).ln() - t1;
    let t5 = (&t2.slice(s![.., ..3]) / (&t2.slice(s![.., 2..]) * &t2.slice(s![.., 2..]) + 0.5))
        .dot(&(&t2 * t2.mean_axis(Axis(0)).unwrap().insert_axis(Axis(0))).mapv_into(f64::tanh));
    ((-0.726_f64) + 0.487).abs() + (&t3 * &t3).mean().unwrap() + 0.247 * t4 + 0.337 * t5.sum()
}

#[test]
fn test_f121() {
    let mut rng = Rng::new(231301530);
    let a = rand(&mut rng, (3, 5), 0.5, 1.5);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b)) = f121_grad(&a, &b);
    common::assert_near(v, f121(&a, &b), "value");
    assert_fd_array(|xx| f121(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f121(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f121_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f121_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f121_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f121_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 4, 3)
#[differentiable(wrt(c, d, w))]
fn f122(
    a: &Array2<f64>,
    b: &Array2<f64>,
    c: &Array2<f64>,
    d: ArrayView2<f64>,
    w: Array1<f64>,
) -> f64 {
    let t1: Array2<f64> = (c - a.mean().unwrap()).mapv_into(f64::tanh);
    let t2: Array2<f64> = (nn::logsumexp(a, Axis(0)).insert_axis(Axis(0))
        / c.column(2).insert_axis(Axis(1)).mapv(|v| v * v + 1.0))
    .mapv(f64::tanh)
        * 0.483_f64;
    let mut t3 = Array1::<f64>::zeros(4);
    let mut t4: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t3 = t3 + &nn::sigmoid(&(&r * a.view().reversed_axes().dot(&t2.column(0))));
        t4 = t4 * 0.8 - nn::log_softmax(&w, Axis(0)).dot(&(-&b.row(2))).tanh();
    }
    let mut t5: Array1<f64> = d.index_axis(Axis(0), 3).to_owned();
    let mut t6: f64 = (-0.455_f64).cos();
    for i in 0..d.nrows() {
        let r = d.row(i);
        t5 = &(&r + &t5).mapv(f64::tanh) * t3.sum().tanh() + t5;
        t6 = (t6 + (&r * &r).sum().tanh()).tanh();
    }
    let t7: Array1<f64> =
        if (((-1.05_f64) + 0.354).abs() / ((-1.2_f64).exp() * (-1.2_f64).exp() + 1.0)) < -0.161 {
            nn::softplus(&t3.mapv(f64::cos))
        } else {
            (a.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| m.max((v - t6).powi(2)))
                - &t2.t().dot(&d.var_axis(Axis(1), 1.0)))
                .tanh()
        };
    let mut t8: Array2<f64> = t2.slice(s![.., 1..]).to_owned();
    if t2.row(4).var(1.0) > 0.152 {
        let t9: f64 = t3[1].sin();
        t8 = &t8 * 0.603 + &nn::sigmoid(c);
    } else {
        t8 = &(&t1.index_axis(Axis(1), 1).insert_axis(Axis(1)) / &d) - &t8;
    }
    (&d + &b
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| f64::max(v * 0.834, m))
        .insert_axis(Axis(1)))
        .mean()
        .unwrap()
        + 0.731 * t4
        + 0.253 * t7.sum()
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f122() {
    let mut rng = Rng::new(231301542);
    let a = rand(&mut rng, (5, 4), 0.5, 1.5);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let d = rand(&mut rng, (5, 3), 0.5, 1.5);
    let w = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_c, d_d, d_w)) = f122_grad(&a, &b, &c, d.view(), w.clone());
    common::assert_near(v, f122(&a, &b, &c, d.view(), w.clone()), "value");
    assert_fd_array(|xx| f122(&a, &b, xx, d.view(), w.clone()), &c, &d_c, "dc");
    let d_d: Array2<f64> = d_d;
    assert_fd_array(|xx| f122(&a, &b, &c, xx.view(), w.clone()), &d, &d_d, "dd");
    assert_fd_array(|xx| f122(&a, &b, &c, d.view(), xx.clone()), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, 3, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f122_jvp(
        &a,
        &b,
        &c,
        d.view(),
        w.clone(),
        &t_c,
        t_d.view(),
        t_w.clone(),
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_c * &t_c).sum() + (&d_d * &t_d).sum() + (&d_w * &t_w).sum();
    let scale: f64 = (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum()
        + (&d_w * &t_w).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_c, hg_d, hg_w), (hh_c, hh_d, hh_w)) = f122_hvp(
        &a,
        &b,
        &c,
        d.view(),
        w.clone(),
        &t_c,
        t_d.view(),
        t_w.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_c, gp_d, gp_w)) = f122_grad(&a, &b, &pp_c, pp_d.view(), pp_w.clone());
    let (_, (gm_c, gm_d, gm_w)) = f122_grad(&a, &b, &pm_c, pm_d.view(), pm_w.clone());
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (2, 5, 3)
#[differentiable(wrt(a, b))]
fn f123(a: &Array1<f64>, s: f64, b: &Array2<f64>) -> Array1<f64> {
    let t1 = a.slice(s![1..]);
    let t2 = a.slice(s![1..]);
    let mut t3: f64 = 0.0;
    for i in 0..9 {
        let t4 = a[i + 1] - a[i] * a[i];
        let t5 = 1.0 - a[i];
        t3 += 2.55 * t4 * t4 + t5 * t5;
    }
    let t6 = t3.tanh();
    let t7: Array1<f64> =
        &Array::from_elem((9, 5), 0.5_f64).dot(&b.column(1)) / &(t2[2] * &t2).mapv(|v| v * v + 1.0);
    let t8 = ad_runtime::ndarray::concatenate(
        Axis(1),
        &[
            Array::from_elem((9, 5), 0.5_f64).dot(b).view(),
            (&Array::from_elem((9, 2), 0.25_f64) * b[[3, 2]]).view(),
        ],
    )
    .unwrap()
    .dot(
        &((&(b.std_axis(Axis(1), 1.0) - t3) * 0.0139)
            / &(b.var_axis(Axis(1), 0.0) / s.exp()).mapv(|v| v * v + 1.0)),
    )
    .tanh();
    let t9: f64 = if nn::cross_entropy(
        &Array::from_elem((2, 5), 1.5_f64).dot(&Array::from_elem((5, 5), 0.5_f64)),
        &vec![0usize; 2],
    ) > -0.919
    {
        b.sum_axis(Axis(1))
            .dot(
                &b.t()
                    .fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &x: &f64| {
                        m.max(x * s)
                    }),
            )
            .tanh()
    } else {
        (&(nn::softplus(&t8) + 0.5).sqrt() * &(nn::softplus(&t8) + 0.5).sqrt())
            .sum()
            .tanh()
    };
    (t2.mapv(f64::sin) * (nn::softplus(&t2) + 0.5).ln())
        + (t1.sum() + t6 + (&t7 * &t7).mean().unwrap() + t9)
}

#[test]
fn test_f123() {
    let mut rng = Rng::new(231301554);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let s = -0.6094;
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let seed = rand(&mut rng, 9, -1.0, 1.0);
    let (y, (d_a, d_b)) = f123_vjp(&a, s, &b, seed.clone());
    assert_array(&y, &f123(&a, s, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f123(xx, s, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f123(&a, s, xx)), &b, &d_b, "db");
}

// dims (4, 3, 5)
#[differentiable]
fn f124(k: usize, a: Array1<f64>, s: f64, b: &Array2<f64>, c: Array1<f64>) -> Array1<f64> {
    let ord = match k {
        0 => Order::RowMajor,
        _ => Order::ColumnMajor,
    };
    let t1 = (&b.index_axis(Axis(0), 1) / &b.slice(s![..4, ..]))
        .to_shape(((4, 3), ord))
        .unwrap()
        .to_owned();
    let mut t2 = Array1::<f64>::zeros(3);
    let mut t3: f64 = s;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t2 = (&t2 + &r).mapv(f64::tanh);
        t3 = t3 * 0.8 - ((t2.mean().unwrap() * t2.mean().unwrap() + 1.0).ln() + 0.411).abs();
    }
    let t4: Array1<f64> = &c
        .dot(&Array2::<f64>::eye(4))
        .dot(&(Array2::<f64>::eye(4) + t3))
        .tanh()
        + &((nn::softplus(&c) + 0.5).ln() / (&nn::relu(&c) * &nn::relu(&c) + 0.5));
    let mut t5: Array2<f64> = Array2::<f64>::zeros((5, 3));
    let mut t6: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t7: f64 = a[1] + r[2];
        t5 = t5 + &b.dot(&t1.slice(s![..3, ..])).mapv(f64::tanh);
        t6 = t6 * 0.8 - ((&(&t4 + &t4) * &(&t4 + &t4)).sum() + t7).tanh();
    }
    let t8: f64 = t1.map(|&v| v.tanh()).std(1.0);
    let mut t9 = Array2::<f64>::zeros((4, 3));
    let mut t10: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t9 = &(&b.slice(s![1.., ..]) / &(nn::sigmoid(&t2) + 0.25)).tanh() * (t6 + r[2]).tanh() + t9;
        t10 += (&nn::sigmoid(&t9.sum_axis(Axis(1))) * &nn::sigmoid(&t9.sum_axis(Axis(1))))
            .sum()
            .tanh();
    }
    let t11: f64 = s;
    let mut t12: f64 = 0.0;
    for i in 0..3 {
        t12 = t12 * 0.8 + t4[i].sin() * t4[i + 1];
    }
    nn::softplus(&t2).tanh() + (t5.sum() + t8 + t10 + t11 + t12)
}

#[test]
fn test_f124() {
    let mut rng = Rng::new(231301566);
    let a = rand(&mut rng, 4, 0.5, 1.5);
    let s = 1.1194;
    let b = rand(&mut rng, (5, 3), 0.5, 1.5);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 3, -1.0, 1.0);
        let (y, (d_a, d_s, d_b, d_c)) = f124_vjp(k, a.clone(), s, &b, c.clone(), seed.clone());
        assert_array(&y, &f124(k, a.clone(), s, &b, c.clone()), "value");
        assert_fd_array(
            |xx| inner(&seed, &f124(k, xx.clone(), s, &b, c.clone())),
            &a,
            &d_a,
            "da",
        );
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f124(k, a.clone(), xx[()], &b, c.clone())),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(
            |xx| inner(&seed, &f124(k, a.clone(), s, xx, c.clone())),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f124(k, a.clone(), s, &b, xx.clone())),
            &c,
            &d_c,
            "dc",
        );
    }
}

// dims (5, 3, 2)
#[differentiable]
fn h125(a: &Array1<f64>, b: Array2<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t2 = a[i + 1] - a[i] * a[i];
        let t3 = 1.0 - a[i];
        t1 += 2.29 * t2 * t2 + t3 * t3;
    }
    let t4: f64 = t1.tanh();
    b.mean().unwrap() + (&b * &b).mean().unwrap() + 0.76 * t4
}

#[test]
fn test_h125() {
    let mut rng = Rng::new(231301578);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, (d_a, d_b)) = h125_grad(&a, b.clone());
    common::assert_near(v, h125(&a, b.clone()), "value");
    assert_fd_array(|xx| h125(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| h125(&a, xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h125_jvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h125_hvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h125_grad(&pp_a, pp_b.clone());
    let (_, (gm_a, gm_b)) = h125_grad(&pm_a, pm_b.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 3, 2)
#[differentiable]
fn f125(a: Array1<f64>, b: &Array1<f64>, k: usize, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1 = (&Array::from_elem((5, 3), 0.25_f64) + a[1])
        .to_shape(((5, 3), ord))
        .unwrap()
        .into_owned();
    let t2 = b.view();
    let mut t3: Array1<f64> = t1
        .t()
        .fold_axis(Axis(1), f64::INFINITY, |&acc: &f64, &x: &f64| acc.min(x))
        .to_owned();
    let mut t4: f64 = nn::cross_entropy_one_hot(&t1, &nn::softmax(&t1, Axis(1)));
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t5 = t4 * t2[1];
        let t6: f64 = (t4 / t3.mean().unwrap().exp()).tanh();
        t3 = t3 + &(&(&r * &(&r / (nn::sigmoid(&r) + 0.25))) * 0.32);
        t4 = (t4 + (((c.mean().unwrap() - b).std(1.0) + t5) + t6).tanh()).tanh();
    }
    let t7 = ad_runtime::ndarray::stack(
        Axis(1),
        &[
            t1.index_axis(Axis(0), 0).dot(&t1.t()).view(),
            (c + c).view(),
        ],
    )
    .unwrap()
    .fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &x: &f64| m.max(x));
    nn::cross_entropy(&(b[1] + &t1), &vec![2usize; 5]) + 0.515 * d.sum() + 0.252 * t7.sum()
}

#[test]
fn test_f125() {
    let mut rng = Rng::new(231301580);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, 5, 0.5, 1.5);
    let d = rand(&mut rng, (2, 3), 0.5, 1.5);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_d)) = f125_grad(a.clone(), &b, k, &c, &d);
        common::assert_near(v, f125(a.clone(), &b, k, &c, &d), "value");
        assert_fd_array(|xx| f125(xx.clone(), &b, k, &c, &d), &a, &d_a, "da");
        assert_fd_array(|xx| f125(a.clone(), xx, k, &c, &d), &b, &d_b, "db");
        assert_fd_array(|xx| f125(a.clone(), &b, k, xx, &d), &c, &d_c, "dc");
        assert_fd_array(|xx| f125(a.clone(), &b, k, &c, xx), &d, &d_d, "dd");
    }
}

// dims (4, 2, 3)
#[differentiable(wrt(a, b, d))]
fn f126(a: &Array2<f64>, b: &Array1<f64>, c: Array2<f64>, d: &Array2<f64>, s: f64) -> f64 {
    let t1: ArrayView2<f64> = d.view();
    let mut t2: Array2<f64> = d.mapv(|v| ((v * s) * (v * s) + 0.5).sqrt());
    if (t1[[1, 2]] + 0.232).abs().exp().sqrt() > 0.406 {
        let t3: f64 = c[[1, 0]].tanh();
        t2 = &t2 * 0.35 + &(-&t2);
    } else {
        t2 = &d
            .t()
            .to_shape(((4, 3), Order::RowMajor))
            .unwrap()
            .into_owned()
            - &t2;
    }
    let mut t4: f64 = d.sum().sin();
    if t4 < 0.447 {
        t4 = t4 * 0.466 + (s / (d.mean().unwrap().powi(2) + 0.5));
    } else {
        t4 = (t1.sum() * t4).tanh() - t4;
    }
    let t5 = ((c.sum() * c[[0, 1]]) + 0.373).abs()
        - (nn::mse(&t1, &t2) - ((-1.21_f64) + 0.336).abs()).tanh();
    let t6 = b.view();
    ((d.mean().unwrap() - s) - c.mean().unwrap())
        + (a * a).mean().unwrap()
        + 0.832 * t5
        + 0.936 * t6.sum()
}

#[test]
fn test_f126() {
    let mut rng = Rng::new(231301592);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 8, -1.0, 1.0);
    let c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let d = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = -1.1845;
    let (v, (d_a, d_b, d_d)) = f126_grad(&a, &b, c.clone(), &d, s);
    common::assert_near(v, f126(&a, &b, c.clone(), &d, s), "value");
    assert_fd_array(|xx| f126(xx, &b, c.clone(), &d, s), &a, &d_a, "da");
    assert_fd_array(|xx| f126(&a, xx, c.clone(), &d, s), &b, &d_b, "db");
    assert_fd_array(|xx| f126(&a, &b, c.clone(), xx, s), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 8, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_d = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f126_jvp(&a, &b, c.clone(), &d, s, &t_a, &t_b, &t_d);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_d * &t_d).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_d), (hh_a, hh_b, hh_d)) =
        f126_hvp(&a, &b, c.clone(), &d, s, &t_a, &t_b, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_d)) = f126_grad(&pp_a, &pp_b, c.clone(), &pp_d, s);
    let (_, (gm_a, gm_b, gm_d)) = f126_grad(&pm_a, &pm_b, c.clone(), &pm_d, s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (2, 5, 3)
#[differentiable]
fn h127(a: &Array2<f64>, b: Array2<f64>, c: &Array1<f64>) -> Array2<f64> {
    let t1: Array2<f64> = &a.mean_axis(Axis(0)).unwrap() * a;
    let t2 = a.view();
    let mut t3 = Array2::<f64>::zeros((2, 5));
    let mut t4: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t3 = (&t3 + &t1.cos()).mapv(f64::tanh);
        t4 += a[[1, 2]].cos();
    }
    (-t1.mapv(|v| (v * 1.47).exp())) * (b.sum() + t2.sum() + t3.sum() + t4)
}

#[test]
fn test_h127() {
    let mut rng = Rng::new(231301604);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let c = rand(&mut rng, 5, 0.5, 1.5);
    let seed = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h127_vjp(&a, b.clone(), &c, seed.clone());
    assert_array(&y, &h127(&a, b.clone(), &c), "value");
    assert_fd_array(|xx| inner(&seed, &h127(xx, b.clone(), &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h127(&a, xx.clone(), &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h127(&a, b.clone(), xx)), &c, &d_c, "dc");
}

// dims (2, 5, 3)
#[differentiable]
fn f127(a: ArrayView2<f64>) -> f64 {
    let t1 = a.index_axis(Axis(0), 1);
    let t2 = h127(
        &(&Array::from_elem((2, 5), 0.5_f64) / (t1.mean().unwrap().powi(2) + 0.5)),
        (&a + &a).to_owned(),
        &(&(0.919_f64 + &Array1::<f64>::linspace(-0.5, 0.5, 5))
            * &(0.919_f64 + &Array1::<f64>::linspace(-0.5, 0.5, 5))
            + 0.5),
    );
    let t3: Array2<f64> = t2.mapv(f64::tanh);
    let mut t4: Array2<f64> = (&t1 - &a).to_owned();
    if 0.739_f64.powi(2).sqrt() < 0.238 {
        t4 = &t4 * 0.696 + &t3.slice(s![.., 2..]);
    } else {
        t4 = &a.mapv(|v| if v > 0.1 { v.tanh() } else { v }) - &t4;
    }
    (t4.mean().unwrap() + 0.551).abs().tanh()
        + (&t2 * &t2).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f127() {
    let mut rng = Rng::new(231301606);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let (v, d_a) = f127_grad(a.view());
    common::assert_near(v, f127(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f127(xx.view()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f127_jvp(a.view(), t_a.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f127_hvp(a.view(), t_a.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f127_grad(pp_a.view());
    let (_, gm_a) = f127_grad(pm_a.view());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 5, 4)
#[differentiable]
fn f128(a: &Array1<f64>, b: &Array2<f64>, s: f64, c: &Array2<f64>) -> Array1<f64> {
    let mut t1: Array2<f64> = -c;
    if (1.43_f64 - (s * s + 1.0).ln()) > -0.126 {
        t1 = &t1 * 0.423 + &((-0.55_f64) / (nn::sigmoid(c) + 0.25));
    }
    let mut t2: Array1<f64> = nn::relu(&c.var_axis(Axis(0), 1.0)).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t2 = &r * r[0].exp().tanh() + t2;
        t3 = t3 * 0.8 - (b[[2, 3]] + 0.489).abs();
    }
    let t4 = if ((t3 * 1.44_f64) + 0.549).abs() > -0.839 {
        t3.tanh().exp().powi(2)
    } else {
        0.56_f64
    };
    let t5: Array1<f64> = c.var_axis(Axis(1), 1.0) / (t3 * t3 + 1.0);
    let t6 = (&a.dot(&c.slice(s![1..4, ..])) * a.sum()).mapv(f64::tanh);
    let t7 = a.view();
    nn::logsumexp(&t1.dot(&c.slice(s![..4, ..3])).mapv(f64::tanh), Axis(0))
        * (t1.sum()
            + t2.sum()
            + t4
            + (&t5 * &t5).mean().unwrap()
            + (&t6 * &t6).mean().unwrap()
            + (&t7 * &t7).mean().unwrap())
}

#[test]
fn test_f128() {
    let mut rng = Rng::new(231301618);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let s = 0.8037;
    let c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_c)) = f128_vjp(&a, &b, s, &c, seed.clone());
    assert_array(&y, &f128(&a, &b, s, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f128(xx, &b, s, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f128(&a, xx, s, &c)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f128(&a, &b, xx[()], &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f128(&a, &b, s, xx)), &c, &d_c, "dc");
}

// dims (2, 5, 3)
#[differentiable]
fn f129(a: &Array1<f64>, b: &Array1<f64>, c: Array1<f64>, s: f64, p: f64) -> f64 {
    let t1: Array1<f64> = nn::softplus(&Array::from_elem((2, 5), 0.25_f64))
        .to_shape((10, Order::C))
        .unwrap()
        .into_owned();
    let t2: f64 = b[9];
    let t3: Array1<f64> = &(Array::from_elem((3, 10), 1.5_f64) / (b * b + 0.5))
        .mean_axis(Axis(0))
        .unwrap()
        - &b.mapv(|v| ((v * 0.9).powi(2) - 0.5).tanh())
            .mapv(|v| (v.tanh()) * (v.exp()));
    let t4: f64 = a.mean().unwrap().exp();
    t1[8].cos()
        + 0.584 * c.sum()
        + 0.967 * s
        + 0.624 * p
        + (&t1 * &t1).mean().unwrap()
        + 0.956 * t2
        + 0.458 * t3.sum()
        + 0.632 * t4
}

#[test]
fn test_f129() {
    let mut rng = Rng::new(231301630);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let b = rand(&mut rng, 10, -1.0, 1.0);
    let c = rand(&mut rng, 10, -1.0, 1.0);
    let s = 1.0559;
    let p = 0.7554;
    let (v, (d_a, d_b, d_c, d_s, d_p)) = f129_grad(&a, &b, c.clone(), s, p);
    common::assert_near(v, f129(&a, &b, c.clone(), s, p), "value");
    assert_fd_array(|xx| f129(xx, &b, c.clone(), s, p), &a, &d_a, "da");
    assert_fd_array(|xx| f129(&a, xx, c.clone(), s, p), &b, &d_b, "db");
    assert_fd_array(|xx| f129(&a, &b, xx.clone(), s, p), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| f129(&a, &b, c.clone(), xx[()], p),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f129(&a, &b, c.clone(), s, xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 10, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 10, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_s = 0.9;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_p = 1.1;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let (vj, tj) = f129_jvp(&a, &b, c.clone(), s, p, &t_a, &t_b, t_c.clone(), t_s, t_p);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 =
        (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum() + d_s * t_s + d_p * t_p;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (d_p * t_p).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c, hg_s, hg_p), (hh_a, hh_b, hh_c, hh_s, hh_p)) =
        f129_hvp(&a, &b, c.clone(), s, p, &t_a, &t_b, t_c.clone(), t_s, t_p);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_s, gp_p)) = f129_grad(&pp_a, &pp_b, pp_c.clone(), pp_s, pp_p);
    let (_, (gm_a, gm_b, gm_c, gm_s, gm_p)) = f129_grad(&pm_a, &pm_b, pm_c.clone(), pm_s, pm_p);
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
    assert_hv_array(
        &Array::from_elem((), hh_p),
        &Array::from_elem((), gp_p),
        &Array::from_elem((), gm_p),
        hstep,
        "H t p",
    );
}

// dims (4, 3, 4)
#[differentiable]
fn f130(a: Array1<f64>, s: f64, p: f64, b: Array2<f64>, c: &Array1<f64>) -> f64 {
    let t1: ArrayView1<f64> = c.slice(s![1..]);
    let t2 = (&(c / (&b.column(0) * &b.column(0) + 0.5)).insert_axis(Axis(1))
        * &(c + a).insert_axis(Axis(0)))
        .dot(&(nn::sigmoid(&b.t().var_axis(Axis(0), 1.0)) + 0.25).powf(2.5))
        .mapv(f64::tanh);
    let mut t3: f64 = 0.0;
    for i in 1..c.len() {
        t3 += (c[i] - c[i - 1]).powi(2) * 1.4;
    }
    let t4 = t3.tanh();
    let mut t5: f64 = 0.0;
    for i in 1..c.len() {
        t5 += (c[i] - c[i - 1]).powi(2) * 1.06;
    }
    let t6 = t5.tanh();
    p + 0.488 * s
        + 0.387 * p
        + 0.489 * t1.sum()
        + (&t2 * &t2).mean().unwrap()
        + 0.212 * t4
        + 0.41 * t6
}

#[test]
fn test_f130() {
    let mut rng = Rng::new(231301642);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let s = 1.2237;
    let p = -0.7472;
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_s, d_p, d_b, d_c)) = f130_grad(a.clone(), s, p, b.clone(), &c);
    common::assert_near(v, f130(a.clone(), s, p, b.clone(), &c), "value");
    assert_fd_array(|xx| f130(xx.clone(), s, p, b.clone(), &c), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f130(a.clone(), xx[()], p, b.clone(), &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f130(a.clone(), s, xx[()], b.clone(), &c),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(|xx| f130(a.clone(), s, p, xx.clone(), &c), &b, &d_b, "db");
    assert_fd_array(|xx| f130(a.clone(), s, p, b.clone(), xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_p = 0.7;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 4, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f130_jvp(
        a.clone(),
        s,
        p,
        b.clone(),
        &c,
        t_a.clone(),
        t_s,
        t_p,
        t_b.clone(),
        &t_c,
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 =
        (&d_a * &t_a).sum() + d_s * t_s + d_p * t_p + (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (d_p * t_p).abs()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_p, hg_b, hg_c), (hh_a, hh_s, hh_p, hh_b, hh_c)) = f130_hvp(
        a.clone(),
        s,
        p,
        b.clone(),
        &c,
        t_a.clone(),
        t_s,
        t_p,
        t_b.clone(),
        &t_c,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_p, gp_b, gp_c)) =
        f130_grad(pp_a.clone(), pp_s, pp_p, pp_b.clone(), &pp_c);
    let (_, (gm_a, gm_s, gm_p, gm_b, gm_c)) =
        f130_grad(pm_a.clone(), pm_s, pm_p, pm_b.clone(), &pm_c);
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
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (5, 2, 4)
#[differentiable]
fn f131(a: &Array1<f64>, b: &Array1<f64>, c: &Array1<f64>, d: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = d.to_owned();
    if nn::cross_entropy_one_hot(
        &Array::from_elem((5, 2), 0.5_f64).mapv(|v| {
            if v > -0.253 {
                (v * v + 1.0).ln()
            } else {
                if v > 0.1 { v } else { v }
            }
        }),
        &nn::softmax(
            &Array::from_elem((5, 2), 0.5_f64).mapv_into(f64::sin),
            Axis(1),
        ),
    ) < 0.521
    {
        let t2: f64 = ((-0.516_f64).powi(2) + 0.5).sqrt();
        t1 = &t1 * 0.437 + &(&t1 * &t1);
    } else {
        t1 = &(&t1 + &t1) - &t1;
    }
    let t3: Array1<f64> = 0.434_f64.tanh() / (nn::softplus(d) + 0.5);
    let t4 = d.slice(s![1..]);
    let t5 = d.powi(2).mapv(|v| ((v.tanh()) * (v.tanh()) + 0.5).sqrt());
    let t6: Array1<f64> = d - &(-&t1);
    let t7: Array1<f64> = ad_runtime::ndarray::concatenate(Axis(0), &[c.view(), c.view()])
        .unwrap()
        .dot(&Array::from_elem((4, 3), 0.5_f64).mapv(|v| {
            if v > 0.38 {
                if v > -0.0797 { v } else { v }
            } else {
                v
            }
        }));
    let t8: ArrayView1<f64> = t7.slice(s![1..]);
    nn::log_softmax(&t4, Axis(0)).mean().unwrap()
        + (a * a).mean().unwrap()
        + (b * b).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
        + 0.889 * t4.sum()
        + (&t5 * &t5).mean().unwrap()
        + 0.345 * t6.sum()
        + 0.38 * t8.sum()
}

#[test]
fn test_f131() {
    let mut rng = Rng::new(231301654);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 10, 0.5, 1.5);
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f131_grad(&a, &b, &c, &d);
    common::assert_near(v, f131(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f131(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f131(&a, xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f131(&a, &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f131(&a, &b, &c, xx), &d, &d_d, "dd");
}

// dims (4, 5, 2)
#[differentiable]
fn f132(a: &Array2<f64>) -> Array1<f64> {
    let t1 = a.row(0);
    let t2: f64 = (-0.564_f64).exp().sqrt().tanh() - a.sum();
    let mut t3: f64 = 0.0;
    for i in 0..t1.len() - 1 {
        t3 += (t1[i + 1] * 0.723 - t1[i]).tanh();
    }
    nn::logsumexp(&a.t().map(|&v| ((v * v) * (v * v) + 0.5).sqrt()), Axis(1)) * (t2 + t3)
}

#[test]
fn test_f132() {
    let mut rng = Rng::new(231301666);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, d_a) = f132_vjp(&a, seed.clone());
    assert_array(&y, &f132(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f132(xx)), &a, &d_a, "da");
}

// dims (5, 3, 2)
#[differentiable]
fn h133(a: &Array1<f64>, s: f64) -> Array1<f64> {
    let t1: Array1<f64> = a.mapv(f64::cos) + &a.mapv(|v| v.exp());
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 = t2 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t3: Array1<f64> = t1.mapv(f64::tanh).exp().mapv(|v| v * 0.415);
    (&t1 - a).mapv_into(|v| ((v * 1.21) * (v * 0.666)).tanh()) * (s + t2 + t3.sum())
}

#[test]
fn test_h133() {
    let mut rng = Rng::new(231301678);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let s = -0.6587;
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_s)) = h133_vjp(&a, s, seed.clone());
    assert_array(&y, &h133(&a, s), "value");
    assert_fd_array(|xx| inner(&seed, &h133(xx, s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h133(&a, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (5, 3, 2)
#[differentiable]
fn f133(a: &Array1<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t1 += (a[i + 1] * 1.41 - a[i]).tanh();
    }
    let t2: Array1<f64> = t1
        / (nn::softplus(
            &(a * &a.mapv(|v| {
                ((if v > 0.251 { v } else { v * t1 }) * (if v > 0.251 { v } else { v * t1 }) + 0.5)
                    .sqrt()
            })),
        ) + 0.5);
    let t3: f64 = t1;
    let mut t4: f64 = 0.0;
    for i in 0..2 {
        t4 = t4 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t5: f64 = a.sum().sin();
    let t6: Array1<f64> = (a - t2)
        .cos()
        .mapv(|v| if v > -0.54 { v * 1.34 } else { v.sin() });
    (-0.771_f64) + 0.698 * t3 + 0.787 * t4 + 0.638 * t5 + 0.454 * t6.sum()
}

#[test]
fn test_f133() {
    let mut rng = Rng::new(231301680);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let (v, d_a) = f133_grad(&a);
    common::assert_near(v, f133(&a), "value");
    assert_fd_array(|xx| f133(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f133_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f133_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f133_grad(&pp_a);
    let (_, gm_a) = f133_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 5, 3)
#[differentiable(wrt(a, c, s))]
fn f134(
    k: usize,
    a: &Array2<f64>,
    b: &Array1<f64>,
    c: &Array2<f64>,
    d: &Array1<f64>,
    s: f64,
) -> Array1<f64> {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1 = nn::sigmoid(c).to_shape(((4, 5), ord)).unwrap().into_owned();
    let t2 = b.view();
    let t3 = if ((c.sum() + s).tanh() + 0.464).abs() > 0.0862 {
        (s / s.exp()).tanh()
    } else {
        (d[3] * d[3] + 1.0).sqrt() - 1.12_f64
    };
    let t4 = &(b + &t2) * (b / &t2);
    let t5 = c.row(3);
    let t6 = s;
    let t7 = t5.view();
    (&Array::from_elem((5, 20), 1.5_f64)
        .sum_axis(Axis(0))
        .mapv_into(|v| ((v * 1.3) * v) * t6 + t6)
        * 0.0225)
        * (t1.sum() + t3 + (&t4 * &t4).mean().unwrap() + t6 + (&t7 * &t7).mean().unwrap())
}

#[test]
fn test_f134() {
    let mut rng = Rng::new(231301692);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, 20, 0.5, 1.5);
    let c = rand(&mut rng, (4, 5), 0.5, 1.5);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    let s = -0.9118;
    for k in 0..2usize {
        let seed = rand(&mut rng, 20, -1.0, 1.0);
        let (y, (d_a, d_c, d_s)) = f134_vjp(k, &a, &b, &c, &d, s, seed.clone());
        assert_array(&y, &f134(k, &a, &b, &c, &d, s), "value");
        assert_fd_array(
            |xx| inner(&seed, &f134(k, xx, &b, &c, &d, s)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f134(k, &a, &b, xx, &d, s)),
            &c,
            &d_c,
            "dc",
        );
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f134(k, &a, &b, &c, &d, xx[()])),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    }
}

// dims (5, 3, 4)
#[differentiable]
fn f135(a: Array2<f64>) -> f64 {
    let t1: Array2<f64> = (1.28_f64 + a[[1, 2]].sin())
        / &(&(&(&a.var_axis(Axis(1), 1.0)
            + &a.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| x.min(acc)))
            .insert_axis(Axis(1))
            * &(-a.mean_axis(Axis(0)).unwrap()).insert_axis(Axis(0)))
            * &(&(&a.var_axis(Axis(1), 1.0)
                + &a.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| x.min(acc)))
                .insert_axis(Axis(1))
                * &(-a.mean_axis(Axis(0)).unwrap()).insert_axis(Axis(0)))
            + 0.5);
    let t2: f64 = (a.column(0).dot(&Array::from_elem((3, 5), 0.25_f64)) * (a[[2, 3]] * a[[1, 0]]))
        .dot(
            &(nn::sigmoid(&(0.616_f64 * &Array1::<f64>::linspace(-0.5, 0.5, 5))) + 0.25).powf(1.5),
        );
    let t3 = a
        .slice(s![.., 1..])
        .to_shape(((3, 3), Order::ColumnMajor))
        .unwrap()
        .dot(&nn::sigmoid(
            &(&t1 + &t1).dot(&t1.t().dot(&a).mapv(f64::tanh)),
        ));
    let t4: Array2<f64> =
        nn::log_softmax(&(&(t3 * &t1.row(2).insert_axis(Axis(0))) * 0.146), Axis(1));
    ((t2 * t2 + 1.0).ln() + (a.sum() + 0.478).abs().tanh())
        + 0.934 * t2
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f135() {
    let mut rng = Rng::new(231301704);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, d_a) = f135_grad(a.clone());
    common::assert_near(v, f135(a.clone()), "value");
    assert_fd_array(|xx| f135(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f135_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f135_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f135_grad(pp_a.clone());
    let (_, gm_a) = f135_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 3, 2)
#[differentiable]
fn h136(a: Array1<f64>) -> Array1<f64> {
    let t1 = &(&a + &a) / (nn::softplus(&a.mapv(f64::cos)) + 0.5);
    let t2 = nn::softmax(&Array::from_elem((2, 2), 0.25_f64).dot(&a), Axis(0));
    (-t1.tanh().exp()) + (t1.sum() + (&t2 * &t2).mean().unwrap())
}

#[test]
fn test_h136() {
    let mut rng = Rng::new(231301716);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, d_a) = h136_vjp(a.clone(), seed.clone());
    assert_array(&y, &h136(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h136(xx.clone())), &a, &d_a, "da");
}

// dims (2, 3, 2)
#[differentiable(wrt(a))]
fn f136(a: &Array2<f64>, b: &Array2<f64>) -> f64 {
    let t1 = h136((&a.column(2) / &(&a.var_axis(Axis(1), 1.0) * &a.var_axis(Axis(1), 1.0) + 0.5)));
    let t2 = t1.mapv(f64::tanh);
    let t3 = &b.dot(&Array::from_elem((3, 3), 0.25_f64)) - (t2.sum() / (-1.35_f64).exp());
    let mut t4: Array2<f64> = a.map(|&v| (v.powi(2) - 0.5) * (v * v)).to_owned();
    if (-1.2_f64).cos().cos() > -0.34 {
        let t5: f64 = t3.mean().unwrap();
        t4 = &t4 * 0.754
            + &ad_runtime::ndarray::stack(
                Axis(0),
                &[
                    b.mean_axis(Axis(0)).unwrap().view(),
                    nn::logsumexp(a, Axis(0)).view(),
                ],
            )
            .unwrap();
    }
    let mut t6: Array1<f64> = nn::sigmoid(&a.mean_axis(Axis(0)).unwrap());
    let mut t7: f64 = 0.0;
    for i in 0..t3.nrows() {
        let r = t3.row(i);
        t6 = &r.mapv(f64::tanh) * (i as f64 * 0.3).sin() + t6;
        t7 = t7 * 0.8
            - nn::cross_entropy_one_hot(
                &(-b),
                &nn::softmax(
                    &ad_runtime::ndarray::stack(Axis(0), &[t6.view(), t3.index_axis(Axis(0), 0)])
                        .unwrap(),
                    Axis(1),
                ),
            )
            .tanh();
    }
    let t8 = nn::softplus(&t2).dot(&a.slice(s![.., 1..]).mapv(f64::cos))
        / &t3
            .view()
            .reversed_axes()
            .sum_axis(Axis(0))
            .mapv(f64::tanh)
            .tanh()
            .mapv(|v| v * v + 1.0);
    let mut t9: Array1<f64> = (&t6 + &t6).to_owned();
    let mut t10: f64 = nn::cross_entropy(b, &vec![0usize; 2]);
    for i in 0..t3.nrows() {
        let r = t3.row(i);
        let t11: Array1<f64> = (nn::softplus(&r) + 0.5).powf(0.5);
        let t12 = nn::sigmoid(&(&r - t4.std_axis(Axis(0), 1.0)));
        t9 = (&t9 + &(&((&r + t1.mapv(f64::tanh).dot(b)) + t11) - &t12).tanh()).mapv(f64::tanh);
        t10 = t10 * 0.8 - t6.mean().unwrap();
    }
    let t13 = t8.view();
    t10 + 0.32 * t7 + 0.968 * t9.sum() + 0.46 * t10 + 0.666 * t13.sum()
}

#[test]
fn test_f136() {
    let mut rng = Rng::new(231301718);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (v, d_a) = f136_grad(&a, &b);
    common::assert_near(v, f136(&a, &b), "value");
    assert_fd_array(|xx| f136(xx, &b), &a, &d_a, "da");
}

// dims (3, 5, 4)
#[differentiable]
fn h137(a: Array1<f64>, b: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t2: f64 = nn::cross_entropy(&Array::from_elem((3, 5), 0.5_f64), &vec![2usize; 3]);
    for i in 0..b.nrows() {
        let r = b.row(i);
        t1 = t1 + &r;
        t2 += b[[1, 2]];
    }
    let t3 = b.column(2);
    let t4: f64 = t1[1] - t2.powi(2).tanh();
    nn::cross_entropy_one_hot(
        &(&a.view().insert_axis(Axis(1)) * &Array::from_elem((3, 5), 0.25_f64)),
        &nn::softmax(&(t3.sum() * Array::from_elem((3, 5), 1.5_f64)), Axis(1)),
    ) + 0.341 * a.sum()
        + 0.549 * t3.sum()
        + 0.237 * t4
}

#[test]
fn test_h137() {
    let mut rng = Rng::new(231301730);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let b = rand(&mut rng, (3, 4), 0.5, 1.5);
    let (v, (d_a, d_b)) = h137_grad(a.clone(), &b);
    common::assert_near(v, h137(a.clone(), &b), "value");
    assert_fd_array(|xx| h137(xx.clone(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| h137(a.clone(), xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h137_jvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h137_hvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h137_grad(pp_a.clone(), &pp_b);
    let (_, (gm_a, gm_b)) = h137_grad(pm_a.clone(), &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 5, 4)
#[differentiable]
fn f137(a: &Array1<f64>, b: Array1<f64>, c: ArrayView2<f64>, d: &Array2<f64>) -> f64 {
    let t1 = (&(&b - 1.4_f64) - c.sum_axis(Axis(1)).dot(&c.column(1))).mapv(f64::tanh);
    let t2 = &nn::sigmoid(&b.mapv(f64::cos))
        / &(nn::sigmoid(&(&b.mapv(|v| (v * v + 1.0).ln()) - &(nn::softplus(&t1) + 0.5).sqrt()))
            + 0.25);
    let mut t3: Array1<f64> = t1.exp();
    if (t3[2] * b.sum().sin()) > 0.166 {
        t3 = &t3 * 0.881 + &(-&t3);
    }
    let mut t4: Array1<f64> = c.t().sum_axis(Axis(1));
    let mut t5: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t6: Array2<f64> =
            &c.index_axis(Axis(1), 1).insert_axis(Axis(1)) * &r.insert_axis(Axis(0));
        t4 = (&t4 + &(&r - Array2::<f64>::eye(5).dot(a)).tanh()).mapv(f64::tanh);
        t5 += (t3.sum() + t6.mean().unwrap()).tanh();
    }
    let mut t7: Array1<f64> = (nn::softplus(&t1) + 0.5).sqrt();
    let mut t8: f64 = -0.842_f64;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t9: f64 = a[0];
        let t10 = b.mapv(|v| (if v > 0.0555 { v * 0.935 } else { v * t8 }).exp());
        t7 = &(&(-&d.index_axis(Axis(1), 1)) - t10).tanh() * (t7[2] - (i as f64 * 0.3)).tanh() + t7;
        t8 += (((i as f64 * 0.3).exp() * t5.cos()) + t9).tanh();
    }
    let mut t11 = Array1::<f64>::zeros(5);
    let mut t12: f64 = (t3.sum() * t3.sum() + 1.0).sqrt().tanh();
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t13: Array1<f64> = nn::logsumexp(d, Axis(0));
        let t14: f64 = t5 / (t8 * t8 + 1.0);
        t11 = t11 + &nn::sigmoid(&(&r + t13));
        t12 = (t12 + (((t1[1] + 0.6).abs() + 0.222).abs() + t14).tanh()).tanh();
    }
    let t15 = d.column(3);
    t4[3].cos().sin()
        + (&t2 * &t2).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
        + 0.219 * t11.sum()
        + 0.441 * t12
        + (&t15 * &t15).mean().unwrap()
}

#[test]
fn test_f137() {
    let mut rng = Rng::new(231301732);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, (4, 5), 0.5, 1.5);
    let d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f137_grad(&a, b.clone(), c.view(), &d);
    common::assert_near(v, f137(&a, b.clone(), c.view(), &d), "value");
    assert_fd_array(|xx| f137(xx, b.clone(), c.view(), &d), &a, &d_a, "da");
    assert_fd_array(|xx| f137(&a, xx.clone(), c.view(), &d), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f137(&a, b.clone(), xx.view(), &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f137(&a, b.clone(), c.view(), xx), &d, &d_d, "dd");
}

// dims (4, 3, 4)
#[differentiable]
fn f138(a: &Array2<f64>, b: ArrayView2<f64>) -> f64 {
    let t1 = (((-0.891_f64) / b[[1, 2]].exp()) + b.mean().unwrap()).sin();
    let mut t2 = Array2::<f64>::zeros((4, 3));
    let mut t3: f64 = b.sum();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4: f64 = (i as f64 * 0.3).cos();
        let t5: f64 = r.var(1.0);
        t2 = &(t2.sum() + &a.slice(s![.., 1..])) * t5.tanh() + t2;
        t3 = (t3 + (nn::mse(&b, &nn::sigmoid(&t2)) + t4).tanh()).tanh();
    }
    let t6 = if t2[[0, 1]] < 0.761 {
        &(&b.std_axis(Axis(1), 1.0) / a.std_axis(Axis(1), 0.0).exp()).tanh()
            + (t2.mean_axis(Axis(1)).unwrap() + a)
    } else {
        (a + t2[[3, 2]]).sin()
    };
    let t7: ArrayView2<f64> = t6.view();
    let t8 = if (&b.column(1).insert_axis(Axis(0)) * &a.std_axis(Axis(1), 1.0).insert_axis(Axis(1)))
        .mean()
        .unwrap()
        > 0.686
    {
        t3
    } else {
        (t3.cos() + 0.492).abs()
    };
    let t9 = t7.view();
    t9.mean().unwrap() + 0.855 * t1 + 0.806 * t8 + (&t9 * &t9).mean().unwrap()
}

#[test]
fn test_f138() {
    let mut rng = Rng::new(231301744);
    let a = rand(&mut rng, (4, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (v, (d_a, d_b)) = f138_grad(&a, b.view());
    common::assert_near(v, f138(&a, b.view()), "value");
    assert_fd_array(|xx| f138(xx, b.view()), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f138(&a, xx.view()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f138_jvp(&a, b.view(), &t_a, t_b.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f138_hvp(&a, b.view(), &t_a, t_b.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f138_grad(&pp_a, pp_b.view());
    let (_, (gm_a, gm_b)) = f138_grad(&pm_a, pm_b.view());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (2, 4, 5)
#[differentiable]
fn f139(a: Array2<f64>, s: f64) -> f64 {
    let t1: Array2<f64> = nn::softmax(&a.slice(s![.., 2..4]).dot(&a), Axis(0)).sin();
    let mut t2: Array1<f64> = t1.row(0).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t2 = t2 + &r;
        t3 += (nn::cross_entropy_one_hot(
            &a.slice(s![.., 1..]),
            &nn::softmax(&a.slice(s![.., ..4]), Axis(1)),
        ) - t2.mean().unwrap())
        .tanh();
    }
    let mut t4: Array2<f64> = &t2 - &t1;
    if t3.cos() > 0.126 {
        t4 = &t4 * 0.443 + &a.slice(s![.., ..2]).dot(&a);
    }
    (-0.675_f64).powi(2).powi(2) + 0.367 * s + 0.446 * t4.sum()
}

#[test]
fn test_f139() {
    let mut rng = Rng::new(231301756);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let s = -0.4995;
    let (v, (d_a, d_s)) = f139_grad(a.clone(), s);
    common::assert_near(v, f139(a.clone(), s), "value");
    assert_fd_array(|xx| f139(xx.clone(), s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f139(a.clone(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f139_jvp(a.clone(), s, t_a.clone(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f139_hvp(a.clone(), s, t_a.clone(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f139_grad(pp_a.clone(), pp_s);
    let (_, (gm_a, gm_s)) = f139_grad(pm_a.clone(), pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (2, 3, 4)
#[differentiable]
fn f140(a: &Array2<f64>) -> f64 {
    let mut t1: Array2<f64> =
        ad_runtime::ndarray::concatenate(Axis(0), &[a.slice(s![2.., ..]), a.slice(s![1..3, ..])])
            .unwrap();
    if ((-0.6_f64) + 0.374).abs() > -0.454 {
        let t2: f64 = t1.var(1.0);
        t1 = &t1 * 0.878
            + &nn::sigmoid(
                &(&a.index_axis(Axis(1), 1).insert_axis(Axis(1))
                    + t1.sum_axis(Axis(0)).insert_axis(Axis(0))),
            );
    }
    let mut t3: Array2<f64> = nn::softmax(a, Axis(0));
    if (1.34_f64 - t3[[1, 0]]).sin() > 0.259 {
        let t4: f64 = 0.52_f64;
        t3 = &t3 * 0.834 + &t1;
    }
    let mut t5: Array1<f64> = &a.mean_axis(Axis(0)).unwrap() * &t1.var_axis(Axis(0), 1.0);
    let mut t6: f64 = t5[2] - 0.655_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t7 = t6;
        let t8 = &r + &r;
        t5 = &(&(&r + &t5) + t8).tanh() * r.mean().unwrap() + t5;
        t6 += ((a / &a.column(0).insert_axis(Axis(1)).mapv(|v| v * v + 1.0)).sum() + t7).tanh();
    }
    let t9: f64 = t6.tanh();
    let t10 = a.row(0);
    let t11: ArrayView1<f64> = a.index_axis(Axis(1), 2);
    (t9 / ((t3.sum() / (t5.sum() * t5.sum() + 1.0)).tanh()
        * (t3.sum() / (t5.sum() * t5.sum() + 1.0)).tanh()
        + 1.0))
        + 0.509 * t9
        + 0.702 * t10.sum()
        + 0.477 * t11.sum()
}

#[test]
fn test_f140() {
    let mut rng = Rng::new(231301768);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (v, d_a) = f140_grad(&a);
    common::assert_near(v, f140(&a), "value");
    assert_fd_array(|xx| f140(xx), &a, &d_a, "da");
}

// dims (5, 4, 3)
#[differentiable]
fn f141(a: &Array1<f64>, k: usize) -> f64 {
    let ord = match k {
        0 => Order::F,
        _ => Order::C,
    };
    let t1: Array2<f64> = Array::from_elem((4, 5), 1.5_f64)
        .mapv(f64::sin)
        .to_shape(((5, 4), ord))
        .unwrap()
        .into_owned();
    let t2: Array1<f64> = t1
        .slice(s![1..4, ..])
        .fold_axis(Axis(1), f64::NEG_INFINITY, |acc, x| acc.max(*x));
    let mut t3: Array1<f64> = nn::logsumexp(&t1, Axis(0))
        .map(|&v| (v.exp()).sin())
        .to_owned();
    let mut t4: f64 = (-0.445_f64).exp().sqrt();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t5 = t2.var(1.0);
        t3 = &(&r + &t1.sum_axis(Axis(0))).tanh() * (t2[1].powi(2) + 0.5).sqrt() + t3;
        t4 = t4 * 0.8 - (t2[1] + t5);
    }
    let t6 = t4.tanh();
    let t7 = t1.view();
    (-&t7).mean().unwrap() + 0.278 * a.sum() + 0.486 * t4 + 0.978 * t6 + 0.561 * t7.sum()
}

#[test]
fn test_f141() {
    let mut rng = Rng::new(231301780);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f141_grad(&a, k);
        common::assert_near(v, f141(&a, k), "value");
        assert_fd_array(|xx| f141(xx, k), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 3, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f141_jvp(&a, k, &t_a);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f141_hvp(&a, k, &t_a);
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f141_grad(&pp_a, k);
        let (_, gm_a) = f141_grad(&pm_a, k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (2, 5, 3)
#[differentiable]
fn f142(a: &Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    let t1 = nn::cross_entropy(
        &(a.dot(&Array::from_elem((3, 5), 1.5_f64)) - (b.mean().unwrap() - 0.744_f64)),
        &vec![1usize; 2],
    );
    let mut t2: Array1<f64> = a.row(1).to_owned();
    let mut t3: f64 = (b.mean().unwrap() + t1).tanh();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = nn::softmax(&r, Axis(0));
        t2 = (&t2 + &nn::sigmoid(&((&r * (&r * r.sum())) + &t4))).mapv(f64::tanh);
        t3 += (r[1] + 0.59).abs();
    }
    let t5 = -&Array::from_elem((2, 5), 0.5_f64)
        .fold_axis(Axis(0), f64::NEG_INFINITY, |acc, x| acc.max(*x));
    let t6 =
        nn::softplus(&(&(a.std_axis(Axis(0), 0.0) / (nn::softplus(&t2) + 0.5)) - &t2.mapv(|v| v)));
    (t6[0] * &(b * &t5)) * (t3 + (&t5 * &t5).mean().unwrap() + t6.sum())
}

#[test]
fn test_f142() {
    let mut rng = Rng::new(231301792);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b)) = f142_vjp(&a, &b, seed.clone());
    assert_array(&y, &f142(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f142(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f142(&a, xx)), &b, &d_b, "db");
}

// dims (5, 2, 4)
#[differentiable]
fn f143(a: Array1<f64>, b: ArrayView2<f64>, c: &Array1<f64>, d: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = d / d;
    if 1.44_f64 > -0.7 {
        let t2: f64 = b.index_axis(Axis(1), 1).mean().unwrap();
        t1 = &t1 * 0.568 + &b.index_axis(Axis(1), 1);
    }
    let t3: Array1<f64> = &((b[[4, 0]] - (&a * &a).sum())
        * nn::log_softmax(&a.mapv(|v| (v.exp()).sin()), Axis(0)))
        * 0.143;
    let t4 = (&(-&(&t1 / ((-1.2_f64).powi(2) + 0.5)))
        / ((t3.sum() * t3.sum()).tanh() / (nn::softplus(&(d * (-0.874_f64))) + 0.5)).exp())
    .mapv(f64::tanh);
    let mut t5: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t6: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t7: ArrayView1<f64> = b.index_axis(Axis(1), 1);
        t5 = (&t5 + &(&t7 * &t7).tanh()).mapv(f64::tanh);
        t6 += (i as f64 * 0.3).exp().sqrt().sin();
    }
    let t8: f64 = c[0];
    let mut t9: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t9 += c[i] * c[i + 1];
    }
    let t10 = b.sum();
    t10 + 0.48 * t4.sum() + 0.917 * t5.sum() + 0.753 * t6 + 0.53 * t8 + 0.524 * t9 + 0.304 * t10
}

#[test]
fn test_f143() {
    let mut rng = Rng::new(231301804);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), 0.5, 1.5);
    let c = rand(&mut rng, 10, -1.0, 1.0);
    let d = rand(&mut rng, 5, 0.5, 1.5);
    let (v, (d_a, d_b, d_c, d_d)) = f143_grad(a.clone(), b.view(), &c, &d);
    common::assert_near(v, f143(a.clone(), b.view(), &c, &d), "value");
    assert_fd_array(|xx| f143(xx.clone(), b.view(), &c, &d), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f143(a.clone(), xx.view(), &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f143(a.clone(), b.view(), xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f143(a.clone(), b.view(), &c, xx), &d, &d_d, "dd");
}

// dims (3, 5, 4)
#[differentiable]
fn f144(a: Array1<f64>, k: usize, b: &Array2<f64>, c: &Array2<f64>) -> f64 {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1 = (a[6] - &Array::from_elem((3, 5), 0.25_f64))
        .to_shape(((3, 5), ord))
        .unwrap()
        .into_owned();
    let t2 = t1.column(2);
    let t3: Array1<f64> =
        &(&(Array::from_elem((15, 3), 0.25_f64) * &a.view().insert_axis(Axis(1))).dot(&t2)
            * nn::mse(&t1.dot(&Array2::<f64>::eye(5)), &t1.powi(3)))
            * 0.0317;
    let t4: f64 = (nn::cross_entropy_one_hot(&t1, &nn::softmax(&t1, Axis(1)))
        .powi(2)
        .tanh()
        + 0.43)
        .abs();
    let t5: ArrayView1<f64> = t2.view();
    let t6 = nn::relu(&Array::from_elem((15, 3), 1.5_f64).dot(&t5)).sum();
    let t7 = t3.slice(s![1..]);
    (b.sum() * a[1]).tanh().exp().sqrt()
        + (b * b).mean().unwrap()
        + 0.629 * c.sum()
        + 0.204 * t4
        + 0.27 * t6
        + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f144() {
    let mut rng = Rng::new(231301816);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f144_grad(a.clone(), k, &b, &c);
        common::assert_near(v, f144(a.clone(), k, &b, &c), "value");
        assert_fd_array(|xx| f144(xx.clone(), k, &b, &c), &a, &d_a, "da");
        assert_fd_array(|xx| f144(a.clone(), k, xx, &c), &b, &d_b, "db");
        assert_fd_array(|xx| f144(a.clone(), k, &b, xx), &c, &d_c, "dc");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 15, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (5, 4), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, (5, 4), -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f144_jvp(a.clone(), k, &b, &c, t_a.clone(), &t_b, &t_c);
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
            f144_hvp(a.clone(), k, &b, &c, t_a.clone(), &t_b, &t_c);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c)) = f144_grad(pp_a.clone(), k, &pp_b, &pp_c);
        let (_, (gm_a, gm_b, gm_c)) = f144_grad(pm_a.clone(), k, &pm_b, &pm_c);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    }
}

// dims (5, 4, 2)
#[differentiable]
fn h145(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>) -> Array2<f64> {
    let t1 = 0.459_f64.tanh();
    nn::log_softmax(b, Axis(1)).mapv_into(|v| v)
        + ((a * a).mean().unwrap() + (b * b).mean().unwrap() + (c * c).mean().unwrap() + t1)
}

#[test]
fn test_h145() {
    let mut rng = Rng::new(231301828);
    let a = rand(&mut rng, (2, 4), 0.5, 1.5);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h145_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &h145(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &h145(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h145(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h145(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (5, 4, 2)
#[differentiable]
fn f145(a: Array2<f64>, k: usize, b: &Array2<f64>, c: ArrayView2<f64>) -> f64 {
    let ord = match k {
        0 => Order::C,
        _ => Order::F,
    };
    let t1 = (b * c.mean().unwrap())
        .to_shape(((5, 4), ord))
        .unwrap()
        .into_owned();
    let mut t2: Array1<f64> = &a.row(1) + (-0.789_f64);
    let mut t3: f64 = t2[0].exp();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4: Array1<f64> = b.slice(s![..4, 2..]).mean_axis(Axis(1)).unwrap();
        let t5 = c.powi(3);
        t2 = t2 + &(&r - &t4);
        t3 = (t3 + (t1.t().mean_axis(Axis(1)).unwrap().sum() + t5.mean().unwrap()).tanh()).tanh();
    }
    let t6 = h145(
        &(&a + &t2).mapv(|v| v * v + 1.0),
        &c.powi(2),
        &b.slice(s![.., 1..3]).exp(),
    );
    let t7 = t6.mapv(f64::tanh);
    let t8: Array2<f64> = -&nn::log_softmax(&t1.powi(2), Axis(1));
    let t9: Array2<f64> = (t7 - t3).tanh();
    let t10 = (&t2 / &(nn::sigmoid(&b.slice(s![2..4, ..])) + 0.25))
        .tanh()
        .mapv(|v| v.sin());
    let t11: Array2<f64> = (&(&t6.column(0).mapv(f64::tanh)
        + &t10.fold_axis(Axis(1), f64::NEG_INFINITY, |m, v| m.max(*v)))
        .insert_axis(Axis(1))
        * &(&t2 + a[[1, 3]]).insert_axis(Axis(0)))
        .mapv(f64::tanh);
    let t12: ArrayView1<f64> = c.index_axis(Axis(0), 1);
    t10[[0, 3]] + 0.304 * t8.sum() + 0.812 * t11.sum() + (&t12 * &t12).mean().unwrap()
}

#[test]
fn test_f145() {
    let mut rng = Rng::new(231301830);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, (2, 4), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f145_grad(a.clone(), k, &b, c.view());
        common::assert_near(v, f145(a.clone(), k, &b, c.view()), "value");
        assert_fd_array(|xx| f145(xx.clone(), k, &b, c.view()), &a, &d_a, "da");
        assert_fd_array(|xx| f145(a.clone(), k, xx, c.view()), &b, &d_b, "db");
        let d_c: Array2<f64> = d_c;
        assert_fd_array(|xx| f145(a.clone(), k, &b, xx.view()), &c, &d_c, "dc");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (2, 4), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (5, 4), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, (2, 4), -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f145_jvp(a.clone(), k, &b, c.view(), t_a.clone(), &t_b, t_c.view());
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
            f145_hvp(a.clone(), k, &b, c.view(), t_a.clone(), &t_b, t_c.view());
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c)) = f145_grad(pp_a.clone(), k, &pp_b, pp_c.view());
        let (_, (gm_a, gm_b, gm_c)) = f145_grad(pm_a.clone(), k, &pm_b, pm_c.view());
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    }
}

// dims (3, 2, 4)
#[differentiable]
fn f146(a: &Array2<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = a
        .slice(s![..3, ..])
        .cos()
        .to_shape(((3, 2), ord))
        .unwrap()
        .into_owned();
    let t2 = (&t1.index_axis(Axis(1), 0).insert_axis(Axis(1))
        + &t1.mean_axis(Axis(0)).unwrap().insert_axis(Axis(0)))
        .map(|&v| v.sin())
        .mapv(f64::sin);
    let t3 = t2.view();
    let mut t4 = Array2::<f64>::zeros((4, 2));
    let mut t5: f64 = t1.sum();
    for i in 0..t3.nrows() {
        let r = t3.row(i);
        t4 = &t4 + &((i as f64 * 0.3) - &t4);
        t5 += t4[[3, 1]].sin().sin();
    }
    let mut t6: Array1<f64> = &t2.index_axis(Axis(0), 2) - t5;
    let mut t7: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t8: Array2<f64> = -a;
        let t9 = &r + &t6;
        t6 = (&t6 + &(&(&(&t4.var_axis(Axis(0), 0.0) * 0.0494) + t9) * 0.148)).mapv(f64::tanh);
        t7 = t7 * 0.8 - (t3.sum() + t8.mean().unwrap()).tanh();
    }
    let t10: f64 = t4[[1, 1]];
    let t11 = a.column(0);
    ((a.sum() - t7).tanh() - (t7 / (t7 * t7 + 1.0)))
        + 0.93 * t7
        + 0.675 * t10
        + (&t11 * &t11).mean().unwrap()
}

#[test]
fn test_f146() {
    let mut rng = Rng::new(231301842);
    let a = rand(&mut rng, (4, 2), 0.5, 1.5);
    for k in 0..2usize {
        let (v, d_a) = f146_grad(&a, k);
        common::assert_near(v, f146(&a, k), "value");
        assert_fd_array(|xx| f146(xx, k), &a, &d_a, "da");
    }
}

// dims (2, 4, 5)
#[differentiable]
fn h147(a: &Array1<f64>, b: &Array1<f64>) -> Array1<f64> {
    let t1: Array2<f64> =
        &(&Array::from_elem((4, 5), 0.5_f64) + a[3]) - Array::from_elem((4, 5), 0.5_f64);
    t1.slice(s![2.., ..4]).dot(a).mapv(|v| v * v + 1.0).sqrt() * ((&t1 * &t1).mean().unwrap())
}

#[test]
fn test_h147() {
    let mut rng = Rng::new(231301854);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b)) = h147_vjp(&a, &b, seed.clone());
    assert_array(&y, &h147(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &h147(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h147(&a, xx)), &b, &d_b, "db");
}

// dims (2, 4, 5)
#[differentiable]
fn f147(a: &Array1<f64>, b: &Array2<f64>, c: Array1<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = b
        .slice(s![..4, 1..3])
        .to_shape(((2, 4), ord))
        .unwrap()
        .to_owned();
    let t2: Array2<f64> = &(&(b.t().dot(&b.std_axis(Axis(1), 0.0)).insert_axis(Axis(0))
        + &t1.var_axis(Axis(1), 1.0).insert_axis(Axis(1)))
        + (-0.519_f64))
        * 0.16;
    let t3: Array2<f64> = nn::softplus(&(-&t2));
    let t4 = t2.t();
    let t5 = t3.t();
    let mut t6: f64 = -1.07_f64;
    if t6 > 0.0866 {
        let t7 = b.sum();
        t6 = t6 * 0.435 + c[4];
    }
    let mut t8: f64 = 0.0;
    for i in 1..a.len() {
        t8 += (a[i] - a[i - 1]).powi(2) * 0.404;
    }
    let t9: f64 = t8.tanh();
    t4.map(|&v| ((v * 0.531).sin()).tanh()).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
        + 0.92 * t9
}

#[test]
fn test_f147() {
    let mut rng = Rng::new(231301856);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f147_grad(&a, &b, c.clone(), k);
        common::assert_near(v, f147(&a, &b, c.clone(), k), "value");
        assert_fd_array(|xx| f147(xx, &b, c.clone(), k), &a, &d_a, "da");
        assert_fd_array(|xx| f147(&a, xx, c.clone(), k), &b, &d_b, "db");
        assert_fd_array(|xx| f147(&a, &b, xx.clone(), k), &c, &d_c, "dc");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 5, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (5, 4), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, 5, -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f147_jvp(&a, &b, c.clone(), k, &t_a, &t_b, t_c.clone());
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
            f147_hvp(&a, &b, c.clone(), k, &t_a, &t_b, t_c.clone());
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c)) = f147_grad(&pp_a, &pp_b, pp_c.clone(), k);
        let (_, (gm_a, gm_b, gm_c)) = f147_grad(&pm_a, &pm_b, pm_c.clone(), k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    }
}

// dims (2, 4, 3)
#[differentiable]
fn f148(a: &Array2<f64>, b: Array1<f64>) -> Array2<f64> {
    let t1 = a.t();
    let t2 = b.view();
    let t3 = nn::sigmoid(
        &(&(Array::from_elem(3, 0.25_f64) + &Array1::<f64>::linspace(-0.5, 0.5, 3))
            * &nn::log_softmax(&Array1::<f64>::linspace(-0.5, 0.5, 3), Axis(0)))
            .mapv(|v| ((v * v + 1.0).ln()).powi(2) - 0.5),
    );
    let t4: f64 = nn::mse(
        &a.mapv(|v| ((v.powi(2) - 0.5) * (v.powi(2) - 0.5) + 1.0).ln()),
        &((a + (-0.933_f64)) * &t2.cos().insert_axis(Axis(0))),
    );
    let t5: f64 = if (b.var(0.0) * b.var(0.0) + 1.0).ln() > 0.215 {
        (b.mean().unwrap() + a.sum()).tanh()
    } else {
        t3[0]
    };
    (&t1.slice(s![1..3, ..]).dot(a)
        / (nn::softplus(
            &(&t1.fold_axis(Axis(1), f64::INFINITY, |&m, &x| {
                f64::min((x - t5).powi(2), m)
            }) / &b),
        ) + 0.5))
        + (t4 + t5)
}

#[test]
fn test_f148() {
    let mut rng = Rng::new(231301868);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let seed = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (y, (d_a, d_b)) = f148_vjp(&a, b.clone(), seed.clone());
    assert_array(&y, &f148(&a, b.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f148(xx, b.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f148(&a, xx.clone())), &b, &d_b, "db");
}

// dims (4, 3, 2)
#[differentiable]
fn h149(a: &Array2<f64>, b: &Array2<f64>, c: &Array1<f64>) -> f64 {
    let mut t1 = Array1::<f64>::zeros(3);
    let mut t2: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t1 = &t1.mapv(f64::exp) * t2 + t1;
        t2 = (t2 + nn::mse(&r, &r).powi(2).tanh()).tanh();
    }
    nn::cross_entropy(&Array::from_elem((4, 2), 0.25_f64).dot(b), &vec![1usize; 4])
        + (a * a).mean().unwrap()
        + (c * c).mean().unwrap()
}

#[test]
fn test_h149() {
    let mut rng = Rng::new(231301880);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h149_grad(&a, &b, &c);
    common::assert_near(v, h149(&a, &b, &c), "value");
    assert_fd_array(|xx| h149(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| h149(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| h149(&a, &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 2, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h149_jvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c), (hh_a, hh_b, hh_c)) = h149_hvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h149_grad(&pp_a, &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = h149_grad(&pm_a, &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 3, 2)
#[differentiable]
fn f149(a: &Array1<f64>) -> f64 {
    let mut t1: f64 = 1.28_f64.exp();
    if (t1 * t1 + 1.0).ln() > 0.11 {
        t1 = t1 * 0.787 + (-1.34_f64);
    } else {
        t1 = a.mean().unwrap() - t1;
    }
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 += a[i] * a[i + 1];
    }
    let t3 = (-&(-Array::from_elem((4, 4), 0.5_f64))).dot(&((a * a).sum() - &(a + a)));
    let t4 = h149(
        &Array::from_elem((3, 4), 0.5_f64).dot(&Array::from_elem((4, 2), 0.5_f64)),
        &(&Array1::<f64>::linspace(-0.5, 0.5, 3).insert_axis(Axis(0))
            + &Array::from_elem(2, 0.5_f64).insert_axis(Axis(1))),
        &(0.543_f64 + &Array1::<f64>::linspace(-0.5, 0.5, 2)),
    );
    let t5: f64 = t4.tanh();
    ((0.924_f64 - (-0.994_f64)) + t3.sum()).tanh()
        + 0.833 * t2
        + (&t3 * &t3).mean().unwrap()
        + 0.929 * t4
        + 0.837 * t5
}

#[test]
fn test_f149() {
    let mut rng = Rng::new(231301882);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let (v, d_a) = f149_grad(&a);
    common::assert_near(v, f149(&a), "value");
    assert_fd_array(|xx| f149(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f149_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f149_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f149_grad(&pp_a);
    let (_, gm_a) = f149_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 2, 4)
#[differentiable]
fn f150(a: &Array1<f64>, s: f64, p: f64, b: ArrayView2<f64>, c: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = nn::log_softmax(&c.row(1), Axis(0)).to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3: f64 = p;
        t1 = &t1 * 0.7 + &r;
        t2 = (t2 + (t2 + t3)).tanh();
    }
    let t4: Array2<f64> = &ad_runtime::ndarray::concatenate(
        Axis(1),
        &[c.dot(&c.t()).view(), (&c.slice(s![.., ..2]) / s).view()],
    )
    .unwrap()
        / nn::logsumexp(c, Axis(1))
            .insert_axis(Axis(1))
            .mapv(|v| v * v + 1.0);
    let mut t5: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t6 = a[i + 1] - a[i] * a[i];
        let t7 = 1.0 - a[i];
        t5 += 2.99 * t6 * t6 + t7 * t7;
    }
    let t8: f64 = t5.tanh();
    let t9 = a.slice(s![1..]);
    let mut t10: f64 = 0.0;
    for i in 1..a.len() {
        t10 += (a[i] - a[i - 1]).powi(2) * 0.858;
    }
    let t11: Array1<f64> =
        (&b.column(1) + a).mapv(|v| (v * 0.374) * (((v * 0.516) * (v * 0.516) + 1.0).ln()));
    t2 + 0.42 * t1.sum()
        + (&t4 * &t4).mean().unwrap()
        + 0.585 * t8
        + (&t9 * &t9).mean().unwrap()
        + 0.682 * t10
        + (&t11 * &t11).mean().unwrap()
}

#[test]
fn test_f150() {
    let mut rng = Rng::new(231301894);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.8304;
    let p = 0.8445;
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let c = rand(&mut rng, (2, 4), 0.5, 1.5);
    let (v, (d_a, d_s, d_p, d_b, d_c)) = f150_grad(&a, s, p, b.view(), &c);
    common::assert_near(v, f150(&a, s, p, b.view(), &c), "value");
    assert_fd_array(|xx| f150(xx, s, p, b.view(), &c), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f150(&a, xx[()], p, b.view(), &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f150(&a, s, xx[()], b.view(), &c),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f150(&a, s, p, xx.view(), &c), &b, &d_b, "db");
    assert_fd_array(|xx| f150(&a, s, p, b.view(), xx), &c, &d_c, "dc");
}

// dims (5, 3, 4)
#[differentiable]
fn h151(a: &Array1<f64>, b: &Array1<f64>) -> Array1<f64> {
    let t1 = 1.33_f64;
    let t2 = b.slice(s![1..]);
    (b - (a[14] / b.exp())) * ((a * a).mean().unwrap() + t1 + (&t2 * &t2).mean().unwrap())
}

#[test]
fn test_h151() {
    let mut rng = Rng::new(231301906);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b)) = h151_vjp(&a, &b, seed.clone());
    assert_array(&y, &h151(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &h151(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h151(&a, xx)), &b, &d_b, "db");
}

// dims (5, 3, 4)
#[differentiable]
fn f151(a: Array2<f64>, b: &Array2<f64>, k: usize, s: f64, c: Array2<f64>, p: f64) -> f64 {
    let ord = match k {
        0 => Order::C,
        _ => Order::F,
    };
    let t1: Array2<f64> = (&c.index_axis(Axis(1), 0).insert_axis(Axis(1))
        - &Array::from_elem(5, 0.25_f64).insert_axis(Axis(0)))
        .to_shape(((5, 3), ord))
        .unwrap()
        .to_owned();
    let t2 = if (b - (-0.756_f64)).mean().unwrap() > 0.329 {
        (t1[[0, 2]] / (a.sum() * a.sum() + 1.0)) / ((s * b[[0, 0]]) * (s * b[[0, 0]]) + 1.0)
    } else {
        nn::cross_entropy(&Array::from_elem((5, 4), 0.25_f64).dot(b), &vec![1usize; 5])
    };
    let mut t3: Array1<f64> = nn::relu(&a.index_axis(Axis(1), 2));
    let mut t4: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t3 = &t3 * 0.7 + &a.index_axis(Axis(1), 2);
        t4 = t4 * 0.8 - (t2 * (b[[1, 2]] * (i as f64 * 0.3))).tanh();
    }
    let t5: Array1<f64> = nn::softplus(
        &t1.t()
            .mapv(|v| (if v > -0.459 { v * s } else { v * 0.923 }) * ((v * v + 1.0).ln()))
            .mean_axis(Axis(0))
            .unwrap(),
    );
    let mut t6: f64 = 0.0;
    for i in 1..t5.len() {
        t6 += (t5[i] - t5[i - 1]).powi(2) * 0.564;
    }
    let t7 = t6.tanh();
    let t8 = b.index_axis(Axis(0), 3);
    a[[2, 0]].exp() + 0.567 * p + 0.327 * t4 + 0.227 * t7 + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f151() {
    let mut rng = Rng::new(231301908);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = 1.0785;
    let c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let p = -0.5468;
    for k in 0..2usize {
        let (v, (d_a, d_b, d_s, d_c, d_p)) = f151_grad(a.clone(), &b, k, s, c.clone(), p);
        common::assert_near(v, f151(a.clone(), &b, k, s, c.clone(), p), "value");
        assert_fd_array(
            |xx| f151(xx.clone(), &b, k, s, c.clone(), p),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(|xx| f151(a.clone(), xx, k, s, c.clone(), p), &b, &d_b, "db");
        let fd_s = fd(
            |xx: &Array<f64, _>| f151(a.clone(), &b, k, xx[()], c.clone(), p),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(
            |xx| f151(a.clone(), &b, k, s, xx.clone(), p),
            &c,
            &d_c,
            "dc",
        );
        let fd_p = fd(
            |xx: &Array<f64, _>| f151(a.clone(), &b, k, s, c.clone(), xx[()]),
            &Array::from_elem((), p),
        );
        common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    }
}

// dims (4, 2, 5)
#[differentiable]
fn f152(a: Array2<f64>, b: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = b.dot(&Array::from_elem((5, 5), 1.5_f64));
    let mut t2: f64 = nn::cross_entropy(&Array::from_elem((4, 2), 0.25_f64), &vec![1usize; 4]);
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = t1 + &(&r - nn::softmax(b, Axis(0)));
        t2 = (t2 + t2).tanh();
    }
    let t3 = ((t1.mean().unwrap() / (t1[4] * t1[4] + 1.0))
        + nn::cross_entropy(&Array::from_elem((4, 2), 1.5_f64), &vec![0usize; 4]))
    .tanh();
    let mut t4: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t4 += (b[i + 1] * t3 - b[i]).tanh();
    }
    let mut t5: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t5 += (b[i + 1] * t2 - b[i]).tanh();
    }
    let t6 = nn::log_softmax(b, Axis(0)).mapv(f64::tanh).cos();
    (&(&t6 / &b.exp()) * &(&t6 / &b.exp())).sum() + 0.615 * t4 + 0.689 * t5 + 0.219 * t6.sum()
}

#[test]
fn test_f152() {
    let mut rng = Rng::new(231301920);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b)) = f152_grad(a.clone(), &b);
    common::assert_near(v, f152(a.clone(), &b), "value");
    assert_fd_array(|xx| f152(xx.clone(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| f152(a.clone(), xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f152_jvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f152_hvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f152_grad(pp_a.clone(), &pp_b);
    let (_, (gm_a, gm_b)) = f152_grad(pm_a.clone(), &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 2, 3)
#[differentiable]
fn h153(a: &Array1<f64>, s: f64) -> f64 {
    let t1 = a
        .tanh()
        .mapv(|v| (((v * 1.09) * v) * ((v * 1.09) * v) + 0.5).sqrt());
    let t2: Array1<f64> = (nn::softplus(&Array::from_elem((2, 3), 0.25_f64)) + 0.5)
        .sqrt()
        .mean_axis(Axis(0))
        .unwrap();
    nn::cross_entropy(
        &Array::from_elem((5, 2), 1.5_f64).mapv(f64::tanh),
        &vec![1usize; 5],
    ) + 0.57 * s
        + 0.588 * t1.sum()
        + 0.286 * t2.sum()
}

#[test]
fn test_h153() {
    let mut rng = Rng::new(231301932);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.9980;
    let (v, (d_a, d_s)) = h153_grad(&a, s);
    common::assert_near(v, h153(&a, s), "value");
    assert_fd_array(|xx| h153(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h153(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h153_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h153_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h153_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = h153_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (5, 2, 3)
#[differentiable]
fn f153(a: Array2<f64>, b: Array2<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let t1: Array1<f64> = a.index_axis(Axis(0), 0).mapv(f64::cos);
    let mut t2: Array2<f64> = d.t().to_owned();
    if ((t1[2] + 1.28_f64) * (t1[2] + 1.28_f64) + 1.0).sqrt() > 0.636 {
        let t3 = 0.602_f64;
        t2 = &t2 * 0.469 + &a.mapv(|v| ((v * 0.368).powi(2) - 0.5).sin());
    }
    let t4: f64 = h153(
        &d.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| acc.min(x * 0.534)),
        nn::logsumexp(&b, Axis(1))
            .dot(&b.fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &x: &f64| x.max(m)))
            .tanh(),
    );
    let t5: f64 = t4.tanh();
    let mut t6: Array1<f64> = &a.index_axis(Axis(1), 2) / 1.33_f64;
    let mut t7: f64 = c[1];
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t8 = (&b.index_axis(Axis(0), 3) * &b.index_axis(Axis(0), 3) + 0.5).ln();
        t6 = (&t6 + &(&r - t8)).mapv(f64::tanh);
        t7 = t7 * 0.8
            - a.to_shape(((3, 2), Order::ColumnMajor))
                .unwrap()
                .mean()
                .unwrap();
    }
    let t9: f64 = h153(c, c[2]);
    let t10 = t9.tanh();
    nn::cross_entropy(&b.tanh(), &vec![1usize; 5])
        + 0.331 * t4
        + 0.674 * t5
        + (&t6 * &t6).mean().unwrap()
        + 0.694 * t7
        + 0.669 * t9
        + 0.259 * t10
}

#[test]
fn test_f153() {
    let mut rng = Rng::new(231301934);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f153_grad(a.clone(), b.clone(), &c, &d);
    common::assert_near(v, f153(a.clone(), b.clone(), &c, &d), "value");
    assert_fd_array(|xx| f153(xx.clone(), b.clone(), &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f153(a.clone(), xx.clone(), &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f153(a.clone(), b.clone(), xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f153(a.clone(), b.clone(), &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 3, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f153_jvp(
        a.clone(),
        b.clone(),
        &c,
        &d,
        t_a.clone(),
        t_b.clone(),
        &t_c,
        &t_d,
    );
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
    let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) = f153_hvp(
        a.clone(),
        b.clone(),
        &c,
        &d,
        t_a.clone(),
        t_b.clone(),
        &t_c,
        &t_d,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f153_grad(pp_a.clone(), pp_b.clone(), &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f153_grad(pm_a.clone(), pm_b.clone(), &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (5, 4, 5)
#[differentiable]
fn f154(a: &Array1<f64>, b: &Array1<f64>, c: &Array1<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = Array::from_elem((5, 4), 0.25_f64)
        .map(|&v| (if v > 0.413 { v } else { v }).tanh())
        .to_shape(((5, 4), ord))
        .unwrap()
        .to_owned();
    let t2 = c.slice(s![1..]);
    let t3 = (-a.mapv(f64::sin))
        - (Array::from_elem((20, 5), 0.25_f64) - b.view().insert_axis(Axis(1))).dot(
            &t1.t()
                .fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &x| f64::max(m, x * 0.471)),
        );
    let t4 =
        (t1.dot(&t2) + 1.2_f64).mapv_into(|v| ((v.tanh().exp()) * (v.tanh().exp()) + 1.0).ln());
    let t5: f64 = (Array::from_elem((20, 4), 0.25_f64).dot(&t2).std(0.0)
        * Array::from_elem((20, 4), 0.25_f64).dot(&t2).std(0.0)
        + 1.0)
        .sqrt();
    let t6: f64 = nn::cross_entropy_one_hot(
        &(&c.view().insert_axis(Axis(1)) + &t2.insert_axis(Axis(0))),
        &nn::softmax(&t1, Axis(1)),
    )
    .tanh()
    .exp();
    let mut t7: Array1<f64> = t1.sum_axis(Axis(0)).to_owned();
    let mut t8: f64 = 1.39_f64;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t9: Array1<f64> = t2.sin();
        t7 = (&t7 + &(&r - t9)).mapv(f64::tanh);
        t8 = (t8 + t6).tanh();
    }
    let t10 = t1
        .t()
        .dot(&Array2::<f64>::eye(5))
        .map(|&v| (((v * t6) * (v * t6) + 1.0).ln()).sin())
        .fold_axis(Axis(0), f64::INFINITY, |acc, x| acc.min(*x));
    nn::cross_entropy(&(&t7 / &(&t1 * &t1 + 0.5)), &vec![1usize; 5])
        + 0.433 * t3.sum()
        + (&t4 * &t4).mean().unwrap()
        + 0.736 * t5
        + 0.373 * t7.sum()
        + 0.865 * t8
        + (&t10 * &t10).mean().unwrap()
}

#[test]
fn test_f154() {
    let mut rng = Rng::new(231301946);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let b = rand(&mut rng, 20, -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f154_grad(&a, &b, &c, k);
        common::assert_near(v, f154(&a, &b, &c, k), "value");
        assert_fd_array(|xx| f154(xx, &b, &c, k), &a, &d_a, "da");
        assert_fd_array(|xx| f154(&a, xx, &c, k), &b, &d_b, "db");
        assert_fd_array(|xx| f154(&a, &b, xx, k), &c, &d_c, "dc");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 20, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, 20, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, 5, -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f154_jvp(&a, &b, &c, k, &t_a, &t_b, &t_c);
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
            f154_hvp(&a, &b, &c, k, &t_a, &t_b, &t_c);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c)) = f154_grad(&pp_a, &pp_b, &pp_c, k);
        let (_, (gm_a, gm_b, gm_c)) = f154_grad(&pm_a, &pm_b, &pm_c, k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    }
}

// dims (4, 2, 5)
#[differentiable(wrt(a, c, d))]
fn f155(a: &Array1<f64>, b: Array1<f64>, c: &Array2<f64>, d: Array2<f64>, w: &Array1<f64>) -> f64 {
    let t1 = &((w * w) * d.slice(s![1.., ..]).powi(3))
        .dot(&(&d.slice(s![3.., ..]).mapv(|v| v.powi(2) - 0.5) + (0.787_f64 - c.sum())))
        * 0.0972;
    let t2 = t1.view();
    let t3 = d.slice(s![..4, ..]);
    let t4 = ((nn::cross_entropy(c, &vec![1usize; 4])
        * nn::cross_entropy_one_hot(&t2, &nn::softmax(&t1, Axis(1))))
    .tanh()
        + 0.358)
        .abs();
    let t5: Array2<f64> = &(&b.view().insert_axis(Axis(0))
        * &d.index_axis(Axis(1), 0).insert_axis(Axis(1)))
        - t4.tanh();
    ((c.mean().unwrap() - t5[[0, 1]]) - nn::cross_entropy_one_hot(&t1, &nn::softmax(&t1, Axis(1))))
        + (a * a).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
        + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f155() {
    let mut rng = Rng::new(231301958);
    let a = rand(&mut rng, 4, 0.5, 1.5);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let d = rand(&mut rng, (5, 2), -1.0, 1.0);
    let w = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_c, d_d)) = f155_grad(&a, b.clone(), &c, d.clone(), &w);
    common::assert_near(v, f155(&a, b.clone(), &c, d.clone(), &w), "value");
    assert_fd_array(|xx| f155(xx, b.clone(), &c, d.clone(), &w), &a, &d_a, "da");
    assert_fd_array(|xx| f155(&a, b.clone(), xx, d.clone(), &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f155(&a, b.clone(), &c, xx.clone(), &w), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f155_jvp(&a, b.clone(), &c, d.clone(), &w, &t_a, &t_c, t_d.clone());
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
        f155_hvp(&a, b.clone(), &c, d.clone(), &w, &t_a, &t_c, t_d.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_c, gp_d)) = f155_grad(&pp_a, b.clone(), &pp_c, pp_d.clone(), &w);
    let (_, (gm_a, gm_c, gm_d)) = f155_grad(&pm_a, b.clone(), &pm_c, pm_d.clone(), &w);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (4, 3, 5)
#[differentiable]
fn f156(a: &Array2<f64>, b: &Array1<f64>, s: f64, c: &Array1<f64>) -> Array1<f64> {
    let t1 = &Array::from_elem((5, 12), 0.25_f64).var_axis(Axis(0), 0.0) - b[0].powi(2);
    let t2: Array1<f64> = &(a.row(0).dot(&a.t())
        - a.fold_axis(Axis(1), f64::NEG_INFINITY, |m, x| m.max(*x)))
    .dot(&(Array::from_elem((3, 12), 0.5_f64) + &b.view().insert_axis(Axis(1))).abs())
        * 0.0741;
    let t3 = c.view();
    let t4 = if a.mean().unwrap() > 0.11 {
        a.view()
            .reversed_axes()
            .to_shape(((3, 5), Order::C))
            .unwrap()
            .to_owned()
            .var(1.0)
    } else {
        s
    };
    let t5 = &Array::from_elem((4, 3), 1.5_f64)
        .to_shape(12)
        .unwrap()
        .to_owned()
        * (&t1 * t1[3]);
    let mut t6: Array1<f64> = a.row(2).to_owned();
    let mut t7: f64 = t3.var(0.0);
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t8 = a;
        t6 = (&t6 + &(&t6 + &t6)).mapv(f64::tanh);
        t7 += (t6.mean().unwrap() * t6.mean().unwrap() + 1.0).ln() + t8.mean().unwrap();
    }
    let t9: ArrayView1<f64> = t2.view();
    (&nn::log_softmax(&t5, Axis(0)) - Array::from_elem((12, 4), 0.5_f64).sum_axis(Axis(1)))
        + (t4 + (&t5 * &t5).mean().unwrap() + t7 + (&t9 * &t9).mean().unwrap())
}

#[test]
fn test_f156() {
    let mut rng = Rng::new(231301970);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.3932;
    let c = rand(&mut rng, 12, 0.5, 1.5);
    let seed = rand(&mut rng, 12, -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_c)) = f156_vjp(&a, &b, s, &c, seed.clone());
    assert_array(&y, &f156(&a, &b, s, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f156(xx, &b, s, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f156(&a, xx, s, &c)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f156(&a, &b, xx[()], &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f156(&a, &b, s, xx)), &c, &d_c, "dc");
}

// dims (3, 5, 3)
#[differentiable(wrt(a, b, p))]
fn f157(a: &Array1<f64>, b: &Array1<f64>, s: f64, c: ArrayView2<f64>, p: f64) -> f64 {
    let t1 = a.slice(s![1..]);
    let t2: Array1<f64> =
        &(&b.dot(&Array::from_elem((5, 4), 1.5_f64)) / (nn::sigmoid(&(-&t1)) + 0.25)) * 0.0444;
    let t3: Array1<f64> = if c.mean().unwrap() < -0.312 {
        nn::relu(a) * b.mean().unwrap().cos()
    } else {
        c.dot(&c.slice(s![..3, ..])).std_axis(Axis(1), 1.0)
    };
    let mut t4: Array1<f64> = nn::softmax(&c.mean_axis(Axis(0)).unwrap(), Axis(0)).to_owned();
    let mut t5: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t6: Array1<f64> =
            r.mapv(|v| ((v * 0.941) * s + s) * (((v * t5) * (v * t5) + 1.0).ln()));
        let t7: Array1<f64> = -&c.sum_axis(Axis(0));
        t4 = &t4 * 0.7 + &nn::sigmoid(&((&r + &t6) - t7));
        t5 += (&(a * t5) * &(a * t5)).sum();
    }
    let t8 = (&c / (t4[1] * t4[1] + 1.0)).exp().powf(0.5);
    (t5 / (t5 + 0.201).abs().exp())
        + 0.264 * p
        + (&t2 * &t2).mean().unwrap()
        + 0.214 * t3.sum()
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f157() {
    let mut rng = Rng::new(231301982);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let s = 0.5844;
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let p = 0.4815;
    let (v, (d_a, d_b, d_p)) = f157_grad(&a, &b, s, c.view(), p);
    common::assert_near(v, f157(&a, &b, s, c.view(), p), "value");
    assert_fd_array(|xx| f157(xx, &b, s, c.view(), p), &a, &d_a, "da");
    assert_fd_array(|xx| f157(&a, xx, s, c.view(), p), &b, &d_b, "db");
    let fd_p = fd(
        |xx: &Array<f64, _>| f157(&a, &b, s, c.view(), xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_p = 0.7;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let (vj, tj) = f157_jvp(&a, &b, s, c.view(), p, &t_a, &t_b, t_p);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_p * t_p;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_p * t_p).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_p), (hh_a, hh_b, hh_p)) =
        f157_hvp(&a, &b, s, c.view(), p, &t_a, &t_b, t_p);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_p)) = f157_grad(&pp_a, &pp_b, s, c.view(), pp_p);
    let (_, (gm_a, gm_b, gm_p)) = f157_grad(&pm_a, &pm_b, s, c.view(), pm_p);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(
        &Array::from_elem((), hh_p),
        &Array::from_elem((), gp_p),
        &Array::from_elem((), gm_p),
        hstep,
        "H t p",
    );
}

// dims (2, 5, 3)
#[differentiable]
fn f158(a: Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = (&a + a.sum()).tanh();
    let t2 = &nn::softmax(&a, Axis(0)) - Array::from_elem((3, 3), 1.5_f64).dot(&t1);
    let t3 = t1.slice(s![1..]);
    let t4: ArrayView1<f64> = t1.slice(s![1..]);
    nn::sigmoid(
        &Array::from_elem((3, 5), 1.5_f64)
            .exp()
            .var_axis(Axis(1), 0.0),
    ) + ((&t2 * &t2).mean().unwrap() + t3.sum() + t4.sum())
}

#[test]
fn test_f158() {
    let mut rng = Rng::new(231301994);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, d_a) = f158_vjp(a.clone(), seed.clone());
    assert_array(&y, &f158(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f158(xx.clone())), &a, &d_a, "da");
}

// dims (5, 4, 2)
#[differentiable]
fn h159(a: &Array2<f64>, b: Array1<f64>, c: &Array1<f64>) -> Array2<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t1 = t1 * 0.8 + c[i].sin() * c[i + 1];
    }
    (-Array2::<f64>::eye(4)).dot(&a.mapv(f64::cos)) * (a.sum() + (&b * &b).mean().unwrap() + t1)
}

#[test]
fn test_h159() {
    let mut rng = Rng::new(231302006);
    let a = rand(&mut rng, (4, 2), 0.5, 1.5);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h159_vjp(&a, b.clone(), &c, seed.clone());
    assert_array(&y, &h159(&a, b.clone(), &c), "value");
    assert_fd_array(|xx| inner(&seed, &h159(xx, b.clone(), &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h159(&a, xx.clone(), &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h159(&a, b.clone(), xx)), &c, &d_c, "dc");
}

// dims (5, 4, 2)
#[differentiable]
fn f159(a: &Array1<f64>, b: &Array2<f64>, s: f64) -> Array1<f64> {
    let t1 = (0.307_f64 * a[1]).cos();
    let mut t2: Array1<f64> = a.mapv(|v| ((v * s) * (v * s)) * t1 + t1);
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4 = (i as f64 * 0.3) + &r;
        let t5 = b
            .slice(s![.., 1..3])
            .to_shape((4, Order::C))
            .unwrap()
            .to_owned();
        t2 = &t2 * 0.7 + &(&t5.dot(&b.view().reversed_axes()) * 0.222);
        t3 = t3 * 0.8 - (t3 + t4.mean().unwrap());
    }
    let t6 = h159(
        &(&Array::from_elem((4, 5), 1.5_f64).dot(&Array::from_elem((5, 2), 0.5_f64))
            * &Array::from_elem((4, 5), 1.5_f64).dot(&Array::from_elem((5, 2), 0.5_f64))
            + 0.5),
        t2.clone(),
        &b.index_axis(Axis(0), 0)
            .mapv(|v| (((v * v + 1.0).ln()) * ((v * v + 1.0).ln()) + 0.5).sqrt()),
    );
    let t7: Array2<f64> = t6.mapv(f64::tanh);
    let mut t8: f64 = 0.0;
    for i in 1..a.len() {
        t8 += (a[i] - a[i - 1]).powi(2) * 0.464;
    }
    (nn::sigmoid(&b.dot(&(&t6.std_axis(Axis(1), 0.0) * 0.005))) + 0.25).sqrt()
        + ((&t6 * &t6).mean().unwrap() + t7.sum() + t8)
}

#[test]
fn test_f159() {
    let mut rng = Rng::new(231302008);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), 0.5, 1.5);
    let s = 0.9068;
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = f159_vjp(&a, &b, s, seed.clone());
    assert_array(&y, &f159(&a, &b, s), "value");
    assert_fd_array(|xx| inner(&seed, &f159(xx, &b, s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f159(&a, xx, s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f159(&a, &b, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 3, 2)
#[differentiable]
fn h160(a: &Array1<f64>, b: ArrayView2<f64>) -> Array2<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..3 {
        let t2 = a[i + 1] - a[i] * a[i];
        let t3 = 1.0 - a[i];
        t1 += 2.46 * t2 * t2 + t3 * t3;
    }
    let t4 = t1.tanh();
    (b.slice(s![2.., ..])
        .to_shape(4)
        .unwrap()
        .to_owned()
        .insert_axis(Axis(1))
        / &b.index_axis(Axis(0), 0)
            .insert_axis(Axis(0))
            .mapv(|v| v * v + 1.0))
        + (b.sum() + t4)
}

#[test]
fn test_h160() {
    let mut rng = Rng::new(231302020);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (y, (d_a, d_b)) = h160_vjp(&a, b.view(), seed.clone());
    assert_array(&y, &h160(&a, b.view()), "value");
    assert_fd_array(|xx| inner(&seed, &h160(xx, b.view())), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| inner(&seed, &h160(&a, xx.view())), &b, &d_b, "db");
}

// dims (4, 3, 2)
#[differentiable]
fn f160(a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>, s: f64) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..1 {
        t1 = t1 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t2 = Array::from_elem((3, 3), 0.5_f64)
        .mapv(f64::exp)
        .dot(&b.mapv(|v| ((v * s) * (v * s) + 0.5).sqrt()))
        / &(&(a * a) / ((1.35_f64 + (-1.14_f64)).powi(2) + 0.5))
            .insert_axis(Axis(0))
            .mapv(|v| v * v + 1.0);
    let mut t3: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t3 += (a[i + 1] * s - a[i]).tanh();
    }
    let mut t4: f64 = 0.0;
    for i in 0..c.len() - 1 {
        let t5 = c[i + 1] - c[i] * c[i];
        let t6 = 1.0 - c[i];
        t4 += 1.89 * t5 * t5 + t6 * t6;
    }
    let t7 = t4.tanh();
    let mut t8: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t8 = t8 * 0.8 + a[i].sin() * a[i + 1];
    }
    t1 + 0.532 * t1 + (&t2 * &t2).mean().unwrap() + 0.792 * t3 + 0.768 * t7 + 0.701 * t8
}

#[test]
fn test_f160() {
    let mut rng = Rng::new(231302022);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let c = rand(&mut rng, 4, 0.5, 1.5);
    let s = 1.1476;
    let (v, (d_a, d_b, d_c, d_s)) = f160_grad(&a, &b, &c, s);
    common::assert_near(v, f160(&a, &b, &c, s), "value");
    assert_fd_array(|xx| f160(xx, &b, &c, s), &a, &d_a, "da");
    assert_fd_array(|xx| f160(&a, xx, &c, s), &b, &d_b, "db");
    assert_fd_array(|xx| f160(&a, &b, xx, s), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| f160(&a, &b, &c, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 4, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_s = 0.9;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f160_jvp(&a, &b, &c, s, &t_a, &t_b, &t_c, t_s);
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
        f160_hvp(&a, &b, &c, s, &t_a, &t_b, &t_c, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_s)) = f160_grad(&pp_a, &pp_b, &pp_c, pp_s);
    let (_, (gm_a, gm_b, gm_c, gm_s)) = f160_grad(&pm_a, &pm_b, &pm_c, pm_s);
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
fn f161(a: &Array1<f64>, s: f64, b: ArrayView2<f64>, p: f64, c: &Array1<f64>) -> f64 {
    let t1: f64 = c[8];
    let t2 = (-0.785_f64)
        + &Array::from_elem((12, 5), 0.25_f64)
            .mean_axis(Axis(1))
            .unwrap();
    let t3: Array1<f64> = (b.mean_axis(Axis(1)).unwrap().insert_axis(Axis(0))
        - Array1::<f64>::ones(3).insert_axis(Axis(1)))
    .to_shape(12)
    .unwrap()
    .to_owned();
    let t4 = if nn::cross_entropy(&(-&b.slice(s![1.., ..4])), &vec![1usize; 3]) < 1.25 {
        (&Array::from_elem((4, 12), 0.25_f64) - Array::from_elem((4, 12), 1.5_f64)).fold_axis(
            Axis(0),
            f64::INFINITY,
            |acc, x| acc.min(*x * 0.833),
        )
    } else {
        (a * c) + t1
    };
    let t5 = Array::from_elem((12, 5), 1.5_f64)
        .dot(&b.row(0))
        .mean()
        .unwrap();
    let t6 = if t4[4] > 0.11 {
        nn::log_softmax(&(-&b), Axis(1))
    } else {
        nn::log_softmax(&b.mapv(|v| v), Axis(1))
    };
    let t7 = &(&a.view().insert_axis(Axis(1)) / Array::from_elem(3, 1.5_f64).insert_axis(Axis(0)))
        .sum_axis(Axis(1))
        - &(a.powi(3) - &b.slice(s![.., 2..]).to_shape(12).unwrap().to_owned());
    t2[2]
        + 0.866 * s
        + 0.536 * p
        + (&t3 * &t3).mean().unwrap()
        + 0.461 * t5
        + 0.617 * t6.sum()
        + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f161() {
    let mut rng = Rng::new(231302034);
    let a = rand(&mut rng, 12, -1.0, 1.0);
    let s = 1.1065;
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let p = 0.7204;
    let c = rand(&mut rng, 12, -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_p, d_c)) = f161_grad(&a, s, b.view(), p, &c);
    common::assert_near(v, f161(&a, s, b.view(), p, &c), "value");
    assert_fd_array(|xx| f161(xx, s, b.view(), p, &c), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f161(&a, xx[()], b.view(), p, &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f161(&a, s, xx.view(), p, &c), &b, &d_b, "db");
    let fd_p = fd(
        |xx: &Array<f64, _>| f161(&a, s, b.view(), xx[()], &c),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(|xx| f161(&a, s, b.view(), p, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 12, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_p = 0.9;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let t_c = rand(&mut rng, 12, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f161_jvp(&a, s, b.view(), p, &c, &t_a, t_s, t_b.view(), t_p, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 =
        (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum() + d_p * t_p + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (d_p * t_p).abs()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b, hg_p, hg_c), (hh_a, hh_s, hh_b, hh_p, hh_c)) =
        f161_hvp(&a, s, b.view(), p, &c, &t_a, t_s, t_b.view(), t_p, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_p, gp_c)) = f161_grad(&pp_a, pp_s, pp_b.view(), pp_p, &pp_c);
    let (_, (gm_a, gm_s, gm_b, gm_p, gm_c)) = f161_grad(&pm_a, pm_s, pm_b.view(), pm_p, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(
        &Array::from_elem((), hh_p),
        &Array::from_elem((), gp_p),
        &Array::from_elem((), gm_p),
        hstep,
        "H t p",
    );
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 2, 5)
#[differentiable]
fn f162(a: &Array1<f64>) -> f64 {
    let t1: f64 = (a * a).sum().powi(2).tanh();
    let t2 = -&Array::from_elem((4, 5), 1.5_f64).fold_axis(Axis(0), f64::INFINITY, |&m, &v| {
        f64::min(m, (v - t1).powi(2))
    });
    let t3 = t2.view();
    let mut t4: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t5 = a[i + 1] - a[i] * a[i];
        let t6 = 1.0 - a[i];
        t4 += 0.694 * t5 * t5 + t6 * t6;
    }
    let t7: f64 = t4.tanh();
    a[3] + (&t3 * &t3).mean().unwrap() + 0.243 * t7
}

#[test]
fn test_f162() {
    let mut rng = Rng::new(231302046);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let (v, d_a) = f162_grad(&a);
    common::assert_near(v, f162(&a), "value");
    assert_fd_array(|xx| f162(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f162_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f162_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f162_grad(&pp_a);
    let (_, gm_a) = f162_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 2, 3)
#[differentiable]
fn f163(k: usize, a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>) -> f64 {
    let ord = match k {
        0 => Order::C,
        _ => Order::F,
    };
    let t1: Array2<f64> = (-&b.t()).to_shape(((4, 2), ord)).unwrap().to_owned();
    let t2 = nn::mse(
        &nn::softmax(b, Axis(0)).mapv(|v| (v.powi(2) - 0.5).powi(2) - 0.5),
        &nn::softplus(b),
    );
    let t3: ArrayView1<f64> = c.view();
    let t4 = if ((a[2] + c[1]) - t1[[0, 0]]) > -0.825 {
        -&(-&t1)
    } else {
        -t1.mapv(|v| (((v * v + 1.0).ln()) * ((v * v + 1.0).ln()) + 1.0).ln())
    };
    let mut t5: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t5 += a[i] * a[i + 1];
    }
    let mut t6: Array1<f64> = nn::sigmoid(&a.dot(&t4)).to_owned();
    let mut t7: f64 = t3.mean().unwrap();
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t8 = &t3 - c;
        let t9: Array1<f64> = &t8 * &t3;
        t6 = &((&r * &nn::logsumexp(&t1.t(), Axis(1))) + t9).tanh() * c.mean().unwrap() + t6;
        t7 = (t7 + (t3.mean().unwrap() - t2).tanh().sin()).tanh();
    }
    (b.mean().unwrap() * (t5 + 0.216).abs()) + 0.667 * t5 + (&t6 * &t6).mean().unwrap() + 0.455 * t7
}

#[test]
fn test_f163() {
    let mut rng = Rng::new(231302058);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f163_grad(k, &a, &b, &c);
        common::assert_near(v, f163(k, &a, &b, &c), "value");
        assert_fd_array(|xx| f163(k, xx, &b, &c), &a, &d_a, "da");
        assert_fd_array(|xx| f163(k, &a, xx, &c), &b, &d_b, "db");
        assert_fd_array(|xx| f163(k, &a, &b, xx), &c, &d_c, "dc");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 4, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (4, 2), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, 2, -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f163_jvp(k, &a, &b, &c, &t_a, &t_b, &t_c);
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
            f163_hvp(k, &a, &b, &c, &t_a, &t_b, &t_c);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c)) = f163_grad(k, &pp_a, &pp_b, &pp_c);
        let (_, (gm_a, gm_b, gm_c)) = f163_grad(k, &pm_a, &pm_b, &pm_c);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    }
}

// dims (4, 2, 5)
#[differentiable]
fn f164(a: Array2<f64>) -> f64 {
    let t1: Array2<f64> = if (a[[1, 1]] - (a.mean().unwrap() + 0.256).abs()) < 0.202 {
        a.index_axis(Axis(1), 4).mapv(f64::exp).insert_axis(Axis(1)) + &a
    } else {
        (&a.view().reversed_axes() + a.sum())
            .mapv(f64::tanh)
            .to_shape(((4, 5), Order::C))
            .unwrap()
            .to_owned()
    };
    let mut t2: Array1<f64> = a.index_axis(Axis(0), 2).to_owned();
    let mut t3: f64 = (-1.01_f64) * 0.667_f64;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t2 = t2 + &(&r + &r).mapv(f64::tanh);
        t3 = (t3 + (r.var(1.0) + 0.241).abs().tanh()).tanh();
    }
    let t4 = &(-(-&t2)) + t3.powi(2);
    let t5 = (t1
        .slice(s![1..3, 2..4])
        .fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| m.max(v * 1.8))
        * (t3 + t3))
        .tanh()
        .abs();
    t3.exp().ln().cos() + 0.324 * t4.sum() + 0.564 * t5.sum()
}

#[test]
fn test_f164() {
    let mut rng = Rng::new(231302070);
    let a = rand(&mut rng, (4, 5), 0.5, 1.5);
    let (v, d_a) = f164_grad(a.clone());
    common::assert_near(v, f164(a.clone()), "value");
    assert_fd_array(|xx| f164(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f164_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f164_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f164_grad(pp_a.clone());
    let (_, gm_a) = f164_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 5, 2)
#[differentiable]
fn f165(a: &Array2<f64>) -> f64 {
    let t1: ArrayView1<f64> = a.column(1);
    let t2 = a.view();
    let t3 = (-Array2::<f64>::eye(4)).dot(&a.sqrt()).mapv_into(f64::sin);
    let t4 = t3.index_axis(Axis(0), 1);
    let mut t5: f64 = 0.0;
    for i in 0..1 {
        t5 = t5 * 0.8 + t4[i].sin() * t4[i + 1];
    }
    let mut t6: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t7: f64 = 0.0;
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t8 = t7 * (i as f64 * 0.3);
        let t9 = t8;
        t6 = &(&r * (&r - &nn::logsumexp(a, Axis(0)))).tanh() * a[[3, 1]].cos() + t6;
        t7 += a.mapv(f64::cos).mean().unwrap() + t9;
    }
    let t10 = if (t1.mean().unwrap().powi(2) + 0.5).sqrt() > 0.16 {
        (&t3 * &t6.view().insert_axis(Axis(0))).std(0.0)
    } else {
        ((t4.sum() + t1[3]) * (t6.sum() - t3[[2, 0]])).tanh()
    };
    (nn::cross_entropy(&Array::from_elem((4, 5), 1.5_f64), &vec![0usize; 4])
        / (t7.cos().powi(2) + 0.5))
        + 0.31 * t5
        + 0.247 * t10
}

#[test]
fn test_f165() {
    let mut rng = Rng::new(231302082);
    let a = rand(&mut rng, (4, 2), 0.5, 1.5);
    let (v, d_a) = f165_grad(&a);
    common::assert_near(v, f165(&a), "value");
    assert_fd_array(|xx| f165(xx), &a, &d_a, "da");
}

// dims (3, 4, 5)
#[differentiable]
fn f166(a: &Array1<f64>, b: &Array2<f64>, c: &Array2<f64>, d: &Array1<f64>) -> f64 {
    let t1 = b.index_axis(Axis(0), 0);
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 += (a[i + 1] * 0.917 - a[i]).tanh();
    }
    let t3: Array2<f64> = &(-(c + t2)).dot(
        &(&c.row(2) + &Array::from_elem((4, 4), 0.5_f64))
            .map(|&v| ((v * 0.729) * (v * 0.729) + 0.5).sqrt()),
    ) * 0.0597;
    let t4: ArrayView1<f64> = b.row(1);
    (nn::cross_entropy(&t3, &vec![0usize; 3]) + b[[2, 2]])
        + 0.62 * d.sum()
        + (&t1 * &t1).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
        + 0.203 * t4.sum()
}

#[test]
fn test_f166() {
    let mut rng = Rng::new(231302094);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let d = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f166_grad(&a, &b, &c, &d);
    common::assert_near(v, f166(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f166(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f166(&a, xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f166(&a, &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f166(&a, &b, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 3, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f166_jvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
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
        f166_hvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f166_grad(&pp_a, &pp_b, &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f166_grad(&pm_a, &pm_b, &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (3, 4, 5)
#[differentiable]
fn h167(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let t1 = if (b.mean().unwrap() * b.mean().unwrap()).exp() < -0.166 {
        (nn::sigmoid(&a.fold_axis(Axis(0), f64::INFINITY, |&m, &x| f64::min(m, x))) + 0.25).ln()
    } else {
        -(b + b)
    };
    let mut t2: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4: Array1<f64> = &r - a.fold_axis(Axis(0), f64::INFINITY, |m, v| m.min(*v));
        let t5: f64 = b.mean().unwrap().exp();
        t2 = t2 + &((&r - nn::sigmoid(&a.var_axis(Axis(0), 0.0))) + t4).mapv(f64::tanh);
        t3 = t3 * 0.8 - (t3 + t5);
    }
    let t6 = (&t1 + b).map(|&v| v);
    t6[1] + (&t2 * &t2).mean().unwrap() + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_h167() {
    let mut rng = Rng::new(231302106);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b)) = h167_grad(&a, &b);
    common::assert_near(v, h167(&a, &b), "value");
    assert_fd_array(|xx| h167(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| h167(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h167_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h167_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h167_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = h167_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 4, 5)
#[differentiable]
fn f167(a: &Array2<f64>, b: Array1<f64>, c: ArrayView2<f64>, d: Array2<f64>) -> f64 {
    let t1: f64 = ((-0.927_f64) / ((-0.508_f64).powi(2) + 0.5)).cos().powi(2);
    let t2: f64 = h167(
        &(&c - t1),
        &c.view()
            .reversed_axes()
            .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &x: &f64| m.max(x)),
    );
    let t3: f64 = t2.tanh();
    let t4 = a.view();
    let t5 = (t4
        .t()
        .to_shape(((3, 5), Order::ColumnMajor))
        .unwrap()
        .into_owned()
        / &(nn::softplus(&(&c.column(2) + t4.sum_axis(Axis(1))).insert_axis(Axis(1))) + 0.5))
        .mean()
        .unwrap();
    t4.mean().unwrap().tanh()
        + 0.693 * b.sum()
        + 0.9 * d.sum()
        + 0.895 * t2
        + 0.77 * t3
        + 0.522 * t5
}

#[test]
fn test_f167() {
    let mut rng = Rng::new(231302108);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f167_grad(&a, b.clone(), c.view(), d.clone());
    common::assert_near(v, f167(&a, b.clone(), c.view(), d.clone()), "value");
    assert_fd_array(
        |xx| f167(xx, b.clone(), c.view(), d.clone()),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| f167(&a, xx.clone(), c.view(), d.clone()),
        &b,
        &d_b,
        "db",
    );
    let d_c: Array2<f64> = d_c;
    assert_fd_array(
        |xx| f167(&a, b.clone(), xx.view(), d.clone()),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| f167(&a, b.clone(), c.view(), xx.clone()),
        &d,
        &d_d,
        "dd",
    );
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f167_jvp(
        &a,
        b.clone(),
        c.view(),
        d.clone(),
        &t_a,
        t_b.clone(),
        t_c.view(),
        t_d.clone(),
    );
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
    let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) = f167_hvp(
        &a,
        b.clone(),
        c.view(),
        d.clone(),
        &t_a,
        t_b.clone(),
        t_c.view(),
        t_d.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f167_grad(&pp_a, pp_b.clone(), pp_c.view(), pp_d.clone());
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f167_grad(&pm_a, pm_b.clone(), pm_c.view(), pm_d.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (2, 3, 4)
#[differentiable]
fn f168(a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>, d: &Array1<f64>) -> f64 {
    let t1 = if (-0.543_f64) > -0.306 {
        (a * d).mapv(|v| (v.exp()).powi(2) - 0.5)
    } else {
        ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                Array::from_elem(2, 1.5_f64).exp().view(),
                (&Array::from_elem(2, 0.25_f64)
                    / (&Array::from_elem(2, 0.25_f64) * &Array::from_elem(2, 0.25_f64) + 0.5))
                    .view(),
            ],
        )
        .unwrap()
    };
    let t2 = ((-1.12_f64).powi(2) + 0.5).ln().exp().sqrt();
    let mut t3: Array1<f64> = (d * d).to_owned();
    let mut t4: f64 = t1.mean().unwrap();
    for i in 0..b.nrows() {
        let r = b.row(i);
        t3 = (&t3 + &(&(b.sum_axis(Axis(0)) / &a.mapv(|v| v * v + 1.0)) * 0.444)).mapv(f64::tanh);
        t4 += (b.mean().unwrap().powi(2) + (a.mean().unwrap().powi(2) + 0.5).sqrt()).tanh();
    }
    let t5: ArrayView1<f64> = t1.view();
    let t6: ArrayView1<f64> = a.view();
    let t7: Array1<f64> = &(&(&(t2 + &t1)
        .dot(&Array::from_elem((4, 4), 0.5_f64).mapv_into(|v| ((v * 1.17).tanh()).exp()))
        * 0.0197)
        * &(&(d - &t1)
            + &ad_runtime::ndarray::concatenate(
                Axis(0),
                &[
                    Array::from_elem(2, 1.5_f64).view(),
                    Array::from_elem(2, 0.25_f64).view(),
                ],
            )
            .unwrap()))
        * 0.0964;
    let t8 = t7.slice(s![1..]);
    a.sum()
        + 0.442 * c.sum()
        + 0.749 * t3.sum()
        + 0.615 * t4
        + 0.721 * t5.sum()
        + (&t6 * &t6).mean().unwrap()
        + 0.808 * t8.sum()
}

#[test]
fn test_f168() {
    let mut rng = Rng::new(231302120);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), 0.5, 1.5);
    let c = rand(&mut rng, 6, -1.0, 1.0);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f168_grad(&a, &b, &c, &d);
    common::assert_near(v, f168(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f168(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f168(&a, xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f168(&a, &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f168(&a, &b, &c, xx), &d, &d_d, "dd");
}

// dims (5, 3, 2)
#[differentiable]
fn f169(a: &Array2<f64>, s: f64, p: f64, b: &Array1<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1: Array2<f64> = a
        .slice(s![1..4, ..2])
        .dot(&Array::from_elem((2, 5), 1.5_f64))
        .to_shape(((5, 3), ord))
        .unwrap()
        .to_owned();
    let mut t2: Array1<f64> = (a.mean().unwrap() * &t1.index_axis(Axis(0), 1)).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4 = -&r;
        t2 = &t2 * 0.7 + &(&(&r + &r) - &t4).tanh();
        t3 = (t3 + (i as f64 * 0.3)).tanh();
    }
    let t5: f64 = b.sum();
    let t6 = t2.dot(&a.slice(s![..3, ..])).mapv(f64::tanh) + (&t2 - t2.sum()).tanh();
    let mut t7: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t7 += b[i] * b[i + 1];
    }
    let t8 = t7.tanh();
    let t9 = b.slice(s![1..]);
    let t10: Array2<f64> = nn::sigmoid(&(b.sum() / (nn::softplus(&(-&t1)) + 0.5)));
    let mut t11: Array2<f64> = &t1 / t3.exp();
    let mut t12: f64 = 0.0;
    for i in 0..t10.nrows() {
        let r = t10.row(i);
        let t13 = &t6 + &t6;
        t11 = t11
            + &(&t1
                / &t1
                    .fold_axis(Axis(1), f64::INFINITY, |&acc: &f64, &x: &f64| acc.min(x))
                    .insert_axis(Axis(1))
                    .mapv(|v| v * v + 1.0))
                .mapv(f64::tanh);
        t12 = t12 * 0.8 - (r[0] + t13.mean().unwrap()).tanh();
    }
    let t14: Array2<f64> = t11.tanh();
    (t2.mean().unwrap() * t2.mean().unwrap() + 1.0).sqrt()
        + 0.476 * s
        + 0.852 * p
        + 0.51 * t5
        + 0.891 * t8
        + 0.689 * t9.sum()
        + 0.659 * t12
        + (&t14 * &t14).mean().unwrap()
}

#[test]
fn test_f169() {
    let mut rng = Rng::new(231302132);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let s = -0.4840;
    let p = 0.3399;
    let b = rand(&mut rng, 15, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_s, d_p, d_b)) = f169_grad(&a, s, p, &b, k);
        common::assert_near(v, f169(&a, s, p, &b, k), "value");
        assert_fd_array(|xx| f169(xx, s, p, &b, k), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| f169(&a, xx[()], p, &b, k),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        let fd_p = fd(
            |xx: &Array<f64, _>| f169(&a, s, xx[()], &b, k),
            &Array::from_elem((), p),
        );
        common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
        assert_fd_array(|xx| f169(&a, s, p, xx, k), &b, &d_b, "db");
    }
}

// dims (5, 2, 4)
#[differentiable]
fn f170(a: ArrayView2<f64>) -> f64 {
    let t1 = (&a + &a).dot(&a.slice(s![..2, ..]).mapv(f64::sin));
    let mut t2: Array2<f64> = ad_runtime::ndarray::stack(
        Axis(1),
        &[
            a.var_axis(Axis(1), 1.0).view(),
            a.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc, &x| {
                f64::max(x * 1.74, acc)
            })
            .view(),
        ],
    )
    .unwrap();
    if ((-0.706_f64).exp().ln() + 0.419).abs() > 0.506 {
        let t3: f64 = 0.634_f64;
        t2 = &t2 * 0.336 + &Array::from_elem((4, 4), 0.25_f64).dot(&t1).tanh();
    } else {
        t2 = &a.mapv(f64::cos) - &t2;
    }
    let t4 = t1.view().reversed_axes();
    let t5: Array2<f64> = if t2[[2, 1]].exp().tanh() < 0.351 {
        (&t2.dot(&a.var_axis(Axis(0), 1.0)).insert_axis(Axis(1))
            / &(nn::softplus(&a.index_axis(Axis(0), 0).tanh().insert_axis(Axis(0))) + 0.5))
            .tanh()
    } else {
        t4.t().dot(&t1.slice(s![2.., ..]).tanh())
    };
    let t6: Array2<f64> = nn::sigmoid(&a.t());
    (((-0.959_f64) + 0.236).abs()
        * nn::cross_entropy_one_hot(
            &Array::from_elem((5, 2), 0.5_f64),
            &nn::softmax(&Array::from_elem((5, 2), 1.5_f64), Axis(1)),
        ))
        + (&t5 * &t5).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f170() {
    let mut rng = Rng::new(231302144);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, d_a) = f170_grad(a.view());
    common::assert_near(v, f170(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f170(xx.view()), &a, &d_a, "da");
}

// dims (3, 5, 3)
#[differentiable]
fn f171(a: &Array1<f64>, s: f64) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 1..a.len() {
        t1 += (a[i] - a[i - 1]).powi(2) * 0.73;
    }
    let t2: f64 = t1.tanh();
    let t3 = nn::sigmoid(&a.mapv(f64::cos));
    let t4 = if (-0.975_f64) < 0.349 {
        a.sqrt().tanh()
    } else {
        &(&t3 - a) * a
    };
    let t5: Array1<f64> = nn::sigmoid(&t4.abs().map(|&v| ((v * v + 1.0).ln()) * (v * 1.24)));
    let t6: ArrayView1<f64> = t4.view();
    s + 0.378 * s + 0.464 * t2 + (&t5 * &t5).mean().unwrap() + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f171() {
    let mut rng = Rng::new(231302156);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let s = 0.4601;
    let (v, (d_a, d_s)) = f171_grad(&a, s);
    common::assert_near(v, f171(&a, s), "value");
    assert_fd_array(|xx| f171(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f171(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f171_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f171_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f171_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = f171_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (2, 3, 5)
#[differentiable]
fn h172(a: &Array1<f64>, s: f64, b: &Array1<f64>) -> Array2<f64> {
    let t1 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (&Array1::<f64>::ones(3) / &Array::from_elem(3, 0.25_f64).exp()).view(),
            Array::from_elem((2, 2), 0.25_f64).dot(a).view(),
        ],
    )
    .unwrap();
    let t2 = nn::softmax(&a.mapv(|v| v * s), Axis(0));
    nn::sigmoid(&Array::from_elem((3, 3), 0.25_f64))
        .dot(&nn::sigmoid(&Array::from_elem((3, 5), 0.25_f64)))
        * ((b * b).mean().unwrap() + (&t1 * &t1).mean().unwrap() + t2.sum())
}

#[test]
fn test_h172() {
    let mut rng = Rng::new(231302168);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let s = 0.4657;
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (y, (d_a, d_s, d_b)) = h172_vjp(&a, s, &b, seed.clone());
    assert_array(&y, &h172(&a, s, &b), "value");
    assert_fd_array(|xx| inner(&seed, &h172(xx, s, &b)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h172(&a, xx[()], &b)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &h172(&a, s, xx)), &b, &d_b, "db");
}

// dims (2, 3, 5)
#[differentiable]
fn f172(a: &Array2<f64>) -> f64 {
    let t1 = a.t();
    let t2 = (&t1 / &t1.index_axis(Axis(0), 1).insert_axis(Axis(0)).exp())
        .dot(&(&a.slice(s![.., 1..]) / &t1.index_axis(Axis(0), 0).mapv(|v| v * v + 1.0)))
        / &(a.mean().unwrap() / (nn::sigmoid(&nn::logsumexp(&t1, Axis(0))) + 0.25))
            .mapv_into(|v| (v * v + 0.5).sqrt())
            .insert_axis(Axis(0));
    let mut t3: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t4: f64 = t2.var(0.0);
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t3 = &t3 + &(&r + &t3);
        t4 = t4 * 0.8
            - nn::cross_entropy_one_hot(
                &t1.slice(s![1.., ..]).dot(a),
                &nn::softmax(&a.dot(&Array::from_elem((3, 3), 0.25_f64)), Axis(1)),
            )
            .tanh();
    }
    let t5: f64 = t4.tanh();
    let t6 = h172(
        &(nn::sigmoid(&(-&t3)) + 0.25),
        a[[0, 1]].cos(),
        &Array::from_elem((2, 5), 0.5_f64)
            .mean_axis(Axis(0))
            .unwrap(),
    );
    let t7 = t6.mapv(f64::tanh);
    let mut t8: Array1<f64> = &t1.index_axis(Axis(1), 1) / t7.mean_axis(Axis(1)).unwrap().exp();
    let mut t9: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t8 = &t8 * 0.7 + &(&r * &r + 0.5).sqrt();
        t9 += t6[[0, 1]].tanh() - t9.exp().ln();
    }
    let mut t10: Array1<f64> =
        t1.fold_axis(Axis(0), f64::NEG_INFINITY, |&acc, &x| (x * t9).max(acc));
    let mut t11: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t10 = t10 + &r;
        t11 = (t11 + t8[0].tanh().sin()).tanh();
    }
    let mut t12: Array1<f64> = t3.to_owned();
    if ((t6[[1, 4]] * t6[[1, 4]] + 1.0).sqrt().tanh()
        + nn::cross_entropy_one_hot(a, &nn::softmax(a, Axis(1))))
        < 1.26
    {
        t12 = &t12 * 0.574 + &(&t12 / &t10.mapv(|v| v * v + 1.0));
    }
    (&t8.view().insert_axis(Axis(1)) - &t2)
        .mapv(f64::tanh)
        .mean()
        .unwrap()
        + 0.421 * t4
        + 0.8 * t5
        + 0.387 * t11
}

#[test]
fn test_f172() {
    let mut rng = Rng::new(231302170);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (v, d_a) = f172_grad(&a);
    common::assert_near(v, f172(&a), "value");
    assert_fd_array(|xx| f172(xx), &a, &d_a, "da");
}

// dims (2, 5, 4)
#[differentiable]
fn f173(a: &Array1<f64>, b: ArrayView2<f64>, c: ArrayView2<f64>, d: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t2: f64 = 1.33_f64 / 1.44_f64;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3 = d;
        t1 = &t1 * 0.7 + &(&r - t3);
        t2 += (t2 + t2).exp().tanh();
    }
    let t4 = a.view();
    let t5: Array2<f64> = if a
        .mapv(|v| {
            ((((v * 0.719) * (v * 0.719) + 1.0).ln()) * (((v * 0.719) * (v * 0.719) + 1.0).ln())
                + 0.5)
                .sqrt()
        })
        .sum()
        < -0.0979
    {
        &c.slice(s![..2, ..4]) * t2.sin()
    } else {
        (&t1.mapv(|v| ((v * 0.376) * (v * 0.376) + 1.0).ln()) / &b.mapv(f64::exp).exp())
            .mapv(f64::tanh)
    };
    let t6: Array2<f64> = &nn::logsumexp(&t5.t(), Axis(1))
        + (&b / (t1.mean().unwrap() * t1.mean().unwrap() + 1.0)).sin();
    let t7 = t5.column(0);
    let mut t8: Array2<f64> = t2 - &t6;
    let mut t9: f64 = 0.0;
    for i in 0..t5.nrows() {
        let r = t5.row(i);
        let t10: Array1<f64> = t7.dot(&t6);
        t8 = &c.slice(s![2.., ..4])
            * nn::cross_entropy_one_hot(
                &c.slice(s![1..3, ..]),
                &nn::softmax(&c.slice(s![..2, ..]), Axis(1)),
            )
            .tanh()
            + t8;
        t9 +=
            ((t1.mean().unwrap() * &t6.row(1)).tanh().mean().unwrap() + t10.mean().unwrap()).tanh();
    }
    let t11 = t5.t();
    c.index_axis(Axis(0), 3).mapv(|v| v * t9).dot(&d.dot(&c))
        + 0.504 * t4.sum()
        + (&t8 * &t8).mean().unwrap()
        + 0.498 * t9
        + (&t11 * &t11).mean().unwrap()
}

#[test]
fn test_f173() {
    let mut rng = Rng::new(231302182);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f173_grad(&a, b.view(), c.view(), &d);
    common::assert_near(v, f173(&a, b.view(), c.view(), &d), "value");
    assert_fd_array(|xx| f173(xx, b.view(), c.view(), &d), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f173(&a, xx.view(), c.view(), &d), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f173(&a, b.view(), xx.view(), &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f173(&a, b.view(), c.view(), xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 4, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f173_jvp(
        &a,
        b.view(),
        c.view(),
        &d,
        &t_a,
        t_b.view(),
        t_c.view(),
        &t_d,
    );
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
    let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) = f173_hvp(
        &a,
        b.view(),
        c.view(),
        &d,
        &t_a,
        t_b.view(),
        t_c.view(),
        &t_d,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f173_grad(&pp_a, pp_b.view(), pp_c.view(), &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f173_grad(&pm_a, pm_b.view(), pm_c.view(), &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (5, 3, 5)
#[differentiable]
fn f174(a: Array2<f64>, b: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t2: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t3 = r.sin();
        let t4 = r.map(|&v| v * 0.569);
        t1 = &t1 + &(&(&t1 + t3) + t4);
        t2 += (&a.column(3).insert_axis(Axis(1))
            / (nn::softplus(&a.var_axis(Axis(1), 1.0).insert_axis(Axis(0))) + 0.5))
            .mean()
            .unwrap();
    }
    let t5: Array1<f64> = a
        .slice(s![..3, ..])
        .map(|&v| v.exp())
        .dot(
            &(&c.index_axis(Axis(1), 2).mapv(|v| {
                if v > 0.202 {
                    v.tanh()
                } else {
                    (v * v + 0.5).sqrt()
                }
            }) - a.var_axis(Axis(1), 1.0).mapv_into(f64::sin)),
        )
        .mapv(f64::tanh);
    let t6 = c.column(2);
    t5.mean().unwrap()
        + (b * b).mean().unwrap()
        + 0.887 * t2
        + 0.888 * t5.sum()
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f174() {
    let mut rng = Rng::new(231302194);
    let a = rand(&mut rng, (5, 5), -1.0, 1.0);
    let b = rand(&mut rng, 15, 0.5, 1.5);
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f174_grad(a.clone(), &b, &c);
    common::assert_near(v, f174(a.clone(), &b, &c), "value");
    assert_fd_array(|xx| f174(xx.clone(), &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f174(a.clone(), xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f174(a.clone(), &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 15, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f174_jvp(a.clone(), &b, &c, t_a.clone(), &t_b, &t_c);
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
        f174_hvp(a.clone(), &b, &c, t_a.clone(), &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f174_grad(pp_a.clone(), &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = f174_grad(pm_a.clone(), &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (3, 4, 5)
#[differentiable]
fn f175(a: Array1<f64>) -> f64 {
    let t1: ArrayView1<f64> = a.slice(s![1..]);
    let t2 = Array::from_elem((4, 3), 1.5_f64)
        .map(|&v| ((v.powi(2) - 0.5) * (v.powi(2) - 0.5) + 1.0).ln())
        .var_axis(Axis(1), 0.0)
        .mapv(f64::tanh);
    let mut t3: Array1<f64> = Array::from_elem((4, 4), 0.25_f64).var_axis(Axis(0), 0.0);
    if nn::log_softmax(&t3, Axis(0)).sum() > -0.0683 {
        let t4: f64 = t3.mean().unwrap().exp();
        t3 = &t3 * 0.621 + &(&t3 - &t1);
    }
    let t5: Array1<f64> = &(&(0.835_f64 - &a) * &(&a * &a))
        / Array2::<f64>::eye(3)
            .dot(&Array::from_elem((3, 5), 1.5_f64))
            .sum_axis(Axis(0))
            .tanh()
            .mapv(|v| v * v + 1.0);
    let t6: Array1<f64> = (Array::from_elem((5, 4), 1.5_f64) * 1.36_f64).var_axis(Axis(0), 0.0);
    nn::mse(
        &Array::from_elem((4, 4), 0.25_f64).dot(&t6),
        &(&t3 - t1.sum()),
    ) + (&t2 * &t2).mean().unwrap()
        + (&t5 * &t5).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f175() {
    let mut rng = Rng::new(231302206);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let (v, d_a) = f175_grad(a.clone());
    common::assert_near(v, f175(a.clone()), "value");
    assert_fd_array(|xx| f175(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f175_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f175_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f175_grad(pp_a.clone());
    let (_, gm_a) = f175_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 4, 2)
#[differentiable]
fn f176(a: ArrayView2<f64>, b: &Array1<f64>, c: Array1<f64>) -> f64 {
    let t1: Array2<f64> = if (c.sum() * c.sum() + 1.0).sqrt() > 0.322 {
        (a.dot(&Array2::<f64>::eye(4)) * ((-1.21_f64) - b[0])).mapv(f64::tanh)
    } else {
        a.ln().mapv(f64::sin)
    };
    let t2 = t1.index_axis(Axis(0), 2);
    let t3 = c.view();
    let mut t4: Array1<f64> = nn::logsumexp(&a, Axis(0));
    let mut t5: f64 = t2.sum() - 0.421_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t6: Array1<f64> = a.slice(s![1.., 2..]).to_shape(4).unwrap().to_owned();
        let t7: f64 = nn::cross_entropy_one_hot(&a, &nn::softmax(&t1, Axis(1)));
        t4 = (&t4 + &nn::sigmoid(&(&r - t6))).mapv(f64::tanh);
        t5 = t5 * 0.8
            - ((nn::cross_entropy_one_hot(&a, &nn::softmax(&a, Axis(1))) - t5) + t7).tanh();
    }
    let mut t8: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t8 += (b[i + 1] * 1.04 - b[i]).tanh();
    }
    a[[2, 1]] + 0.384 * t3.sum() + (&t4 * &t4).mean().unwrap() + 0.799 * t8
}

#[test]
fn test_f176() {
    let mut rng = Rng::new(231302218);
    let a = rand(&mut rng, (3, 4), 0.5, 1.5);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f176_grad(a.view(), &b, c.clone());
    common::assert_near(v, f176(a.view(), &b, c.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f176(xx.view(), &b, c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f176(a.view(), xx, c.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f176(a.view(), &b, xx.clone()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 2, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f176_jvp(a.view(), &b, c.clone(), t_a.view(), &t_b, t_c.clone());
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
        f176_hvp(a.view(), &b, c.clone(), t_a.view(), &t_b, t_c.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f176_grad(pp_a.view(), &pp_b, pp_c.clone());
    let (_, (gm_a, gm_b, gm_c)) = f176_grad(pm_a.view(), &pm_b, pm_c.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (3, 2, 5)
#[differentiable]
fn f177(a: Array1<f64>, b: ArrayView2<f64>) -> Array2<f64> {
    let t1 = b.view();
    let mut t2: f64 = 1.09_f64;
    if ((t2 - t2).powi(2) + 0.5).ln() > -0.404 {
        t2 = t2 * 0.535 + 0.552_f64;
    }
    let t3 = (nn::sigmoid(&nn::softplus(&(-&t1))) + 0.25).powf(0.5);
    let t4 = ad_runtime::ndarray::stack(Axis(1), &[b.sum_axis(Axis(0)).view(), a.view()])
        .unwrap()
        .to_shape((2, 5))
        .unwrap()
        .into_owned()
        .mapv_into(|v| (v.powi(2) - 0.5).tanh());
    let t5 = if (t1.mean().unwrap() + (t1.sum() * t2).tanh()) > 0.285 {
        nn::softplus(
            &(&t4.sum_axis(Axis(1)).insert_axis(Axis(1))
                / a.view().insert_axis(Axis(0)).mapv(|v| v * v + 1.0)),
        )
    } else {
        nn::relu(&b).mapv(f64::exp)
    };
    let t6 = (-0.935_f64).tanh();
    t4.slice(s![.., 1..3])
        .dot(&t5)
        .dot(&Array2::<f64>::eye(5).mapv_into(|v| (v * v).tanh()))
        .mapv(f64::tanh)
        + ((&t3 * &t3).mean().unwrap() + (&t5 * &t5).mean().unwrap() + t6)
}

#[test]
fn test_f177() {
    let mut rng = Rng::new(231302230);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, (2, 5), 0.5, 1.5);
    let seed = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (y, (d_a, d_b)) = f177_vjp(a.clone(), b.view(), seed.clone());
    assert_array(&y, &f177(a.clone(), b.view()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f177(xx.clone(), b.view())),
        &a,
        &d_a,
        "da",
    );
    let d_b: Array2<f64> = d_b;
    assert_fd_array(
        |xx| inner(&seed, &f177(a.clone(), xx.view())),
        &b,
        &d_b,
        "db",
    );
}

// dims (5, 4, 2)
#[differentiable]
fn h178(a: &Array2<f64>, s: f64, b: &Array2<f64>) -> f64 {
    let t1 = b
        .view()
        .reversed_axes()
        .to_shape(((5, 4), Order::C))
        .unwrap()
        .into_owned()
        .mapv(|v| {
            if v > 0.32 {
                v * s + s
            } else {
                ((v * s) * (v * s) + 0.5).sqrt()
            }
        });
    let t2 = a
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &v: &f64| {
            m.max((v - s).powi(2))
        })
        .insert_axis(Axis(1))
        - a;
    (t1.std(1.0) + 1.37_f64.sqrt()) + (&t1 * &t1).mean().unwrap() + 0.733 * t2.sum()
}

#[test]
fn test_h178() {
    let mut rng = Rng::new(231302242);
    let a = rand(&mut rng, (2, 4), 0.5, 1.5);
    let s = -0.4797;
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (v, (d_a, d_s, d_b)) = h178_grad(&a, s, &b);
    common::assert_near(v, h178(&a, s, &b), "value");
    assert_fd_array(|xx| h178(xx, s, &b), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h178(&a, xx[()], &b),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| h178(&a, s, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h178_jvp(&a, s, &b, &t_a, t_s, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum();
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b), (hh_a, hh_s, hh_b)) = h178_hvp(&a, s, &b, &t_a, t_s, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b)) = h178_grad(&pp_a, pp_s, &pp_b);
    let (_, (gm_a, gm_s, gm_b)) = h178_grad(&pm_a, pm_s, &pm_b);
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

// dims (5, 4, 2)
#[differentiable(wrt(a, p))]
fn f178(a: &Array2<f64>, b: ArrayView2<f64>, s: f64, p: f64, c: &Array1<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = Array::from_elem((5, 5), 1.5_f64).dot(c).to_owned();
    if ((b[[1, 2]] + (-1.21_f64)) / ((c[3] + c.mean().unwrap()) * (c[3] + c.mean().unwrap()) + 1.0))
        > -0.889
    {
        let t2 = t1.mean().unwrap();
        t1 = &t1 * 0.687 + &(&b.index_axis(Axis(1), 0) / &(nn::sigmoid(c) + 0.25)).tanh();
    }
    let t3 = (&b.slice(s![..4, ..2]) * a.sum_axis(Axis(0)).insert_axis(Axis(1)))
        .dot(&(nn::sigmoid(&Array::from_elem((2, 5), 0.25_f64)) + 0.25).sqrt())
        .mean_axis(Axis(0))
        .unwrap();
    let t4 = c.view();
    let t5: Array1<f64> = a
        .index_axis(Axis(1), 2)
        .dot(&Array::from_elem((2, 5), 0.5_f64))
        + t3.mapv(f64::cos);
    (&t3.powi(2) * 0.1) * (p + t4.sum() + (&t5 * &t5).mean().unwrap())
}

#[test]
fn test_f178() {
    let mut rng = Rng::new(231302244);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let s = 1.4391;
    let p = -0.8379;
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_p)) = f178_vjp(&a, b.view(), s, p, &c, seed.clone());
    assert_array(&y, &f178(&a, b.view(), s, p, &c), "value");
    assert_fd_array(
        |xx| inner(&seed, &f178(xx, b.view(), s, p, &c)),
        &a,
        &d_a,
        "da",
    );
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f178(&a, b.view(), s, xx[()], &c)),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (2, 5, 3)
#[differentiable]
fn h179(a: &Array1<f64>) -> Array1<f64> {
    let t1 = nn::logsumexp(&Array::from_elem((3, 3), 1.5_f64), Axis(0));
    (a.mapv(f64::exp) / (t1[2] * t1[2] + 1.0)) + ((a * a).mean().unwrap() + t1.sum())
}

#[test]
fn test_h179() {
    let mut rng = Rng::new(231302256);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, d_a) = h179_vjp(&a, seed.clone());
    assert_array(&y, &h179(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h179(xx)), &a, &d_a, "da");
}

// dims (2, 5, 3)
#[differentiable]
fn f179(a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let t1 = ((&d.column(4) - &b.column(4)) * (&d.column(0) + a.mean().unwrap()))
        .insert_axis(Axis(1))
        - &(&b.column(2).insert_axis(Axis(1)) - d)
            .fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &x| m.max(x))
            .insert_axis(Axis(0));
    let t2 = c.mean().unwrap();
    let mut t3: Array2<f64> = t1;
    if a[1].exp() < 1.18 {
        t3 = &t3 * 0.674 + &d.tanh();
    } else {
        t3 = &(b * (&t3.var_axis(Axis(0), 1.0) * 0.0278).insert_axis(Axis(0))) - &t3;
    }
    let t4 = (t3[[1, 2]] * t3[[1, 2]] + 1.0).ln() - d.mean_axis(Axis(1)).unwrap().mapv(|v| v);
    let mut t5: Array1<f64> = c.dot(&d.t());
    if ((t5[2] * t5[2] + 1.0).sqrt() + t2.cos()) < 1.42 {
        let t6 = nn::cross_entropy_one_hot(
            &d.slice(s![..2, ..]),
            &nn::softmax(&d.slice(s![1.., ..]), Axis(1)),
        );
        t5 = &t5 * 0.623 + &b.index_axis(Axis(1), 2);
    }
    let t7: Array1<f64> = &(&(t3.mean_axis(Axis(1)).unwrap()
        / (t4.mean().unwrap() * t4.mean().unwrap() + 1.0))
        .mapv(|v| v * 0.82)
        / &(nn::softplus(&nn::softmax(&t4.mapv(|v| v), Axis(0))) + 0.5))
        * 0.152;
    let mut t8: f64 = 0.0;
    for i in 0..4 {
        t8 += (c[i + 1] * t2 - c[i]).tanh();
    }
    (t2 * t2 + 1.0).ln().sin() + (&t7 * &t7).mean().unwrap() + 0.369 * t8
}

#[test]
fn test_f179() {
    let mut rng = Rng::new(231302258);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f179_grad(&a, &b, &c, &d);
    common::assert_near(v, f179(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f179(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f179(&a, xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f179(&a, &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f179(&a, &b, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 5, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f179_jvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
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
        f179_hvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f179_grad(&pp_a, &pp_b, &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f179_grad(&pm_a, &pm_b, &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (4, 5, 4)
#[differentiable]
fn f180(a: &Array2<f64>, b: &Array1<f64>, s: f64, p: f64, c: Array1<f64>) -> Array2<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t1 = t1 * 0.8 + b[i].sin() * b[i + 1];
    }
    let t2 = &(b.mapv(|v| v * p) + (t1 / p))
        / &b.mapv(|v| (((v * v + 0.5).sqrt()) * ((v * v + 0.5).sqrt()) + 0.5).sqrt())
            .mapv(|v| {
                if v > -0.501 {
                    v * s
                } else {
                    if v > 0.0687 { v * p } else { v * s }
                }
            })
            .mapv(|v| v * v + 1.0);
    let mut t3: Array2<f64> = a.mapv(|v| ((v * s).sin()).sin());
    if ((-0.619_f64) + 0.52).abs().cos() < 0.252 {
        let t4 = 0.354_f64;
        t3 = &t3 * 0.346
            + &(&a.mapv(|v| (((v * 0.627) * s + s) * ((v * 0.627) * s + s) + 0.5).sqrt()) * 0.601);
    }
    let t5: Array1<f64> = nn::sigmoid(&t2) * a.std(0.0);
    (-a.t().ln())
        + ((&c * &c).mean().unwrap() + (&t3 * &t3).mean().unwrap() + (&t5 * &t5).mean().unwrap())
}

#[test]
fn test_f180() {
    let mut rng = Rng::new(231302270);
    let a = rand(&mut rng, (4, 4), 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let s = 0.7144;
    let p = 0.9607;
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, (4, 4), -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_p, d_c)) = f180_vjp(&a, &b, s, p, c.clone(), seed.clone());
    assert_array(&y, &f180(&a, &b, s, p, c.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f180(xx, &b, s, p, c.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f180(&a, xx, s, p, c.clone())),
        &b,
        &d_b,
        "db",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f180(&a, &b, xx[()], p, c.clone())),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f180(&a, &b, s, xx[()], c.clone())),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(
        |xx| inner(&seed, &f180(&a, &b, s, p, xx.clone())),
        &c,
        &d_c,
        "dc",
    );
}

// dims (4, 3, 2)
#[differentiable]
fn f181(a: &Array1<f64>, b: &Array2<f64>, k: usize, c: &Array1<f64>) -> Array2<f64> {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1: Array2<f64> = Array::from_elem((4, 3), 0.5_f64)
        .to_shape(((4, 3), ord))
        .unwrap()
        .into_owned();
    let t2 = c.slice(s![1..]);
    let t3 = t1.view();
    let t4 = t1.row(0);
    let mut t5: Array1<f64> = (&t2 + &t2).to_owned();
    let mut t6: f64 = 0.0;
    for i in 0..t3.nrows() {
        let r = t3.row(i);
        let t7: f64 = t2[0];
        let t8: f64 = t7;
        t5 = (&t5 + &nn::sigmoid(&(&r - &c.dot(&t1)))).mapv(f64::tanh);
        t6 += ((r[0].cos() * nn::cross_entropy(&t1, &vec![2usize; 4])) + t8).tanh();
    }
    let t9 = (a - (-1.24_f64)).var(0.0);
    let t10: Array1<f64> = (c + c).dot(&t1.cos());
    ((-&t1) + &nn::logsumexp(&t3.slice(s![..3, 1..]), Axis(1)))
        + ((b * b).mean().unwrap()
            + t4.sum()
            + (&t5 * &t5).mean().unwrap()
            + t6
            + t9
            + (&t10 * &t10).mean().unwrap())
}

#[test]
fn test_f181() {
    let mut rng = Rng::new(231302282);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let c = rand(&mut rng, 4, 0.5, 1.5);
    for k in 0..2usize {
        let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
        let (y, (d_a, d_b, d_c)) = f181_vjp(&a, &b, k, &c, seed.clone());
        assert_array(&y, &f181(&a, &b, k, &c), "value");
        assert_fd_array(|xx| inner(&seed, &f181(xx, &b, k, &c)), &a, &d_a, "da");
        assert_fd_array(|xx| inner(&seed, &f181(&a, xx, k, &c)), &b, &d_b, "db");
        assert_fd_array(|xx| inner(&seed, &f181(&a, &b, k, xx)), &c, &d_c, "dc");
    }
}

// dims (3, 2, 4)
#[differentiable]
fn f182(a: &Array2<f64>) -> f64 {
    let t1 = a.view();
    let t2: f64 = if t1.sum() < 1.43 {
        (0.658_f64 + (-0.695_f64)) - t1[[0, 1]]
    } else {
        a.mean().unwrap()
    };
    let t3 = t1.view().reversed_axes();
    let t4: Array2<f64> = ad_runtime::ndarray::stack(
        Axis(0),
        &[
            (&(&t3.index_axis(Axis(0), 0) + t1.sum())
                - nn::softplus(&a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| x.max(m))))
            .view(),
            nn::logsumexp(&t3, Axis(0))
                .mapv_into(|v| (v.sin()) * ((v * t2) * v))
                .mapv(f64::tanh)
                .mapv(|v| (((v * 0.794) * (v * 0.794) + 1.0).ln()) * (v.sin()))
                .view(),
        ],
    )
    .unwrap();
    let t5: f64 = t2;
    let t6 =
        (&t1.sum_axis(Axis(0)).dot(&nn::relu(&t4.slice(s![.., ..3]))) * 0.0227).mapv_into(f64::sin);
    let t7 = t6.view();
    nn::mse(&t6, &t6.map(|&v| v * t2)) + 0.749 * t5 + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f182() {
    let mut rng = Rng::new(231302294);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, d_a) = f182_grad(&a);
    common::assert_near(v, f182(&a), "value");
    assert_fd_array(|xx| f182(xx), &a, &d_a, "da");
}

// dims (4, 2, 3)
#[differentiable]
fn h183(a: &Array2<f64>, b: &Array1<f64>, c: ArrayView2<f64>) -> Array1<f64> {
    let t1 = if b.mean().unwrap() > 0.307 {
        (&b.view().insert_axis(Axis(1)) * &c.row(2).insert_axis(Axis(0)))
            .dot(&nn::softplus(&a.index_axis(Axis(1), 0)))
    } else {
        (&b.view().insert_axis(Axis(1)) / &(nn::softplus(&b.view().insert_axis(Axis(0))) + 0.5))
            .dot(&(nn::sigmoid(b) + 0.25).ln())
    };
    let t2 = c.index_axis(Axis(0), 3);
    (t2.dot(&c.view().reversed_axes())
        + nn::cross_entropy_one_hot(
            &c.slice(s![.., 1..]),
            &nn::softmax(&c.slice(s![.., ..2]), Axis(1)),
        ))
        + ((&t1 * &t1).mean().unwrap() + t2.sum())
}

#[test]
fn test_h183() {
    let mut rng = Rng::new(231302306);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (4, 3), 0.5, 1.5);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h183_vjp(&a, &b, c.view(), seed.clone());
    assert_array(&y, &h183(&a, &b, c.view()), "value");
    assert_fd_array(|xx| inner(&seed, &h183(xx, &b, c.view())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h183(&a, xx, c.view())), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| inner(&seed, &h183(&a, &b, xx.view())), &c, &d_c, "dc");
}

// dims (4, 2, 3)
#[differentiable]
fn f183(a: &Array2<f64>, b: Array2<f64>, s: f64, c: &Array1<f64>, d: Array1<f64>) -> f64 {
    let t1: Array2<f64> = nn::sigmoid(&(nn::mse(c, c) - &(&b * &b + 0.5).powf(0.5)).powi(2));
    let t2 = Array::from_elem((4, 4), 1.5_f64)
        .map(|&v| v * s)
        .dot(&b.tanh());
    let t3 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            nn::logsumexp(&Array2::<f64>::eye(4).dot(a), Axis(0)).view(),
            a.slice(s![..2, ..])
                .std_axis(Axis(0), 1.0)
                .mapv_into(f64::tanh)
                .view(),
        ],
    )
    .unwrap();
    let t4: f64 = (t3.var(1.0) + 0.25).abs().tanh().exp();
    let t5: Array1<f64> = b.mean_axis(Axis(1)).unwrap();
    let t6 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            t1.slice(s![1..3, 1..])
                .map(|&v| {
                    if v > -0.295 {
                        if v > 0.52 { v * 1.36 } else { v * s }
                    } else {
                        (v * 0.886).tanh()
                    }
                })
                .view(),
            a.t().dot(a).view(),
        ],
    )
    .unwrap()
    .dot(
        &((&d.view().insert_axis(Axis(1)) - a.sum_axis(Axis(0)).insert_axis(Axis(0))) * d.sum())
            .mapv(f64::tanh),
    )
    .mapv(f64::tanh);
    let t7: ArrayView1<f64> = t1.column(0);
    (-0.992_f64).tanh().cos()
        + 0.586 * t2.sum()
        + 0.624 * t4
        + 0.721 * t5.sum()
        + 0.892 * t6.sum()
        + 0.238 * t7.sum()
}

#[test]
fn test_f183() {
    let mut rng = Rng::new(231302308);
    let a = rand(&mut rng, (4, 2), 0.5, 1.5);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = -0.5346;
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c, d_d)) = f183_grad(&a, b.clone(), s, &c, d.clone());
    common::assert_near(v, f183(&a, b.clone(), s, &c, d.clone()), "value");
    assert_fd_array(|xx| f183(xx, b.clone(), s, &c, d.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f183(&a, xx.clone(), s, &c, d.clone()), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f183(&a, b.clone(), xx[()], &c, d.clone()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f183(&a, b.clone(), s, xx, d.clone()), &c, &d_c, "dc");
    assert_fd_array(|xx| f183(&a, b.clone(), s, &c, xx.clone()), &d, &d_d, "dd");
}

// dims (2, 4, 2)
#[differentiable]
fn f184(a: Array1<f64>) -> f64 {
    let t1 = nn::logsumexp(&(1.13_f64 + Array::from_elem((2, 2), 0.25_f64)), Axis(1));
    let t2: Array1<f64> = if nn::cross_entropy_one_hot(
        &(&Array::from_elem((2, 4), 1.5_f64) / 1.2_f64),
        &nn::softmax(
            &ad_runtime::ndarray::stack(
                Axis(0),
                &[
                    Array1::<f64>::linspace(-0.5, 0.5, 4).view(),
                    Array1::<f64>::linspace(-0.5, 0.5, 4).view(),
                ],
            )
            .unwrap(),
            Axis(1),
        ),
    ) > 1.05
    {
        (&a / &(&t1 * &t1 + 0.5)).dot(&(Array::from_elem((2, 2), 0.25_f64) * (-0.353_f64)))
    } else {
        (&a * &t1).mapv(f64::cos)
    };
    let mut t3: Array1<f64> = a;
    if (t1.mean().unwrap().powi(2) * t1.mean().unwrap().powi(2) + 1.0).ln() > 0.813 {
        let t4: f64 = t1.sum();
        t3 = &t3 * 0.35 + &nn::sigmoid(&nn::logsumexp(&Array::from_elem((2, 2), 1.5_f64), Axis(0)));
    }
    let t5: Array1<f64> = if (t1.mean().unwrap().tanh() + t2.sum().exp().sqrt()) > 1.45 {
        nn::sigmoid(&(nn::mse(&t3, &t3) + (&t1 + &t1)))
    } else {
        Array2::<f64>::eye(2)
            .exp()
            .fold_axis(Axis(1), f64::INFINITY, |m, x| m.min(*x * -1.47))
    };
    let t6 = nn::softmax(
        &t1.map(|&v| ((v.tanh().exp()) * (v.tanh().exp()) + 1.0).ln()),
        Axis(0),
    );
    let t7 = -1.29_f64;
    nn::cross_entropy_one_hot(
        &Array::from_elem((2, 4), 0.5_f64),
        &nn::softmax(&Array::from_elem((2, 4), 0.5_f64), Axis(1)),
    )
    .tanh()
        + (&t5 * &t5).mean().unwrap()
        + 0.206 * t6.sum()
        + 0.928 * t7
}

#[test]
fn test_f184() {
    let mut rng = Rng::new(231302320);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let (v, d_a) = f184_grad(a.clone());
    common::assert_near(v, f184(a.clone()), "value");
    assert_fd_array(|xx| f184(xx.clone()), &a, &d_a, "da");
}

// dims (4, 5, 2)
#[differentiable]
fn f185(a: &Array2<f64>, s: f64, b: &Array1<f64>, c: &Array2<f64>, d: &Array1<f64>) -> Array2<f64> {
    let t1 = b[1];
    let t2: Array1<f64> = (-b).exp();
    let t3: Array1<f64> = (nn::softplus(
        &(&Array2::<f64>::eye(5) + Array::from_elem((5, 5), 1.5_f64))
            .dot(&Array::from_elem((5, 4), 0.25_f64).sum_axis(Axis(1)))
            .tanh(),
    ) + 0.5)
        .powf(2.5);
    let t4 = a.row(0);
    let t5: f64 = b.mean().unwrap();
    let mut t6: Array1<f64> = (&t2 + &t2).to_owned();
    let mut t7: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t8: ArrayView1<f64> = r;
        t6 = &(&t8.dot(&Array::from_elem((2, 5), 1.5_f64)) * 0.667)
            * nn::cross_entropy(&Array::from_elem((4, 5), 0.5_f64), &vec![0usize; 4]).tanh()
            + t6;
        t7 += t7.tanh();
    }
    let t9: Array1<f64> = t6.mapv(f64::tanh);
    ((0.389_f64 - t5)
        / &(nn::softplus(&c.mapv(|v| (if v > 0.351 { v * 1.44 } else { v * t5 }).tanh())) + 0.5))
        * (s + (c * c).mean().unwrap()
            + (d * d).mean().unwrap()
            + t1
            + (&t3 * &t3).mean().unwrap()
            + t4.sum()
            + t5
            + t9.sum())
}

#[test]
fn test_f185() {
    let mut rng = Rng::new(231302332);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = -0.9829;
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (y, (d_a, d_s, d_b, d_c, d_d)) = f185_vjp(&a, s, &b, &c, &d, seed.clone());
    assert_array(&y, &f185(&a, s, &b, &c, &d), "value");
    assert_fd_array(|xx| inner(&seed, &f185(xx, s, &b, &c, &d)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f185(&a, xx[()], &b, &c, &d)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f185(&a, s, xx, &c, &d)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f185(&a, s, &b, xx, &d)), &c, &d_c, "dc");
    assert_fd_array(|xx| inner(&seed, &f185(&a, s, &b, &c, xx)), &d, &d_d, "dd");
}

// dims (5, 4, 3)
#[differentiable]
fn f186(a: &Array1<f64>, b: &Array1<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let t1: Array1<f64> = &Array::from_elem((5, 20), 1.5_f64).sum_axis(Axis(0))
        / Array::from_elem((5, 20), 0.5_f64)
            .mean_axis(Axis(0))
            .unwrap()
            .mapv(|v| v * v + 1.0);
    let mut t2: Array1<f64> = nn::sigmoid(&(&t1 * &t1));
    let mut t3: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t4: Array1<f64> = t3 / a.mapv(|v| v * v + 1.0);
        t2 = &nn::softplus(&t4) * (b.sum() / t3.exp()).tanh() + t2;
        t3 = (t3
            + d.index_axis(Axis(1), 1)
                .mapv(|v| ((v * t3).exp()).tanh())
                .dot(&d.fold_axis(Axis(1), f64::NEG_INFINITY, |m, x| m.max(*x)))
                .tanh())
        .tanh();
    }
    let t5: Array1<f64> = &(&Array::from_elem((3, 20), 0.25_f64) - &a.view().insert_axis(Axis(0)))
        .var_axis(Axis(0), 0.0)
        + (&t2
            / &nn::logsumexp(&Array::from_elem((20, 5), 1.5_f64), Axis(1)).mapv(|v| v * v + 1.0));
    b.sum().tanh().exp().ln() + 0.58 * c.sum() + 0.254 * t5.sum()
}

#[test]
fn test_f186() {
    let mut rng = Rng::new(231302344);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let d = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f186_grad(&a, &b, &c, &d);
    common::assert_near(v, f186(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f186(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f186(&a, xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f186(&a, &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f186(&a, &b, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 20, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 5, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f186_jvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
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
        f186_hvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f186_grad(&pp_a, &pp_b, &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f186_grad(&pm_a, &pm_b, &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (4, 2, 5)
#[differentiable]
fn f187(k: usize, a: &Array2<f64>, b: &Array2<f64>) -> f64 {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1 = nn::softmax(&b.slice(s![.., ..2]), Axis(1))
        .to_shape(((4, 2), ord))
        .unwrap()
        .to_owned();
    let mut t2: Array2<f64> = &a.mean_axis(Axis(0)).unwrap() + t1;
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = r;
        t2 = &nn::sigmoid(&(t4[1] + &t2)) * (i as f64 * 0.3) + t2;
        t3 = t3 * 0.8 - t3;
    }
    let t5: Array2<f64> = if (&nn::logsumexp(b, Axis(0)) / t3.exp()).dot(&(-&a.column(0))) > 0.273 {
        a.map(|&v| v * t3).map(|&v| v * t3)
    } else {
        b.to_shape((5, 4))
            .unwrap()
            .into_owned()
            .dot(&t2.mapv(|v| ((v * t3) * v).sin()))
    };
    let t6: ArrayView1<f64> = a.index_axis(Axis(1), 0);
    let t7 = if 1.11_f64 < 0.536 {
        (&t6 + t3) + &(-b)
    } else {
        (-&b.fold_axis(Axis(1), f64::INFINITY, |&m, &v| m.min(v * t3))).insert_axis(Axis(1))
            + &t6.mapv(f64::tanh).insert_axis(Axis(0))
    };
    let t8: Array2<f64> = (&((-0.345_f64) * &t7.var_axis(Axis(1), 0.0)).insert_axis(Axis(1))
        * &(b * b + 0.5).sqrt())
        .mapv(|v| v * t3);
    (t3.sin().powi(2) + 0.5).ln() + (&t5 * &t5).mean().unwrap() + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f187() {
    let mut rng = Rng::new(231302356);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b)) = f187_grad(k, &a, &b);
        common::assert_near(v, f187(k, &a, &b), "value");
        assert_fd_array(|xx| f187(k, xx, &b), &a, &d_a, "da");
        assert_fd_array(|xx| f187(k, &a, xx), &b, &d_b, "db");
    }
}

// dims (4, 5, 3)
#[differentiable]
fn f188(a: &Array1<f64>, s: f64) -> f64 {
    let t1 = (a.sum().sin().powi(2) + 0.5).ln();
    let t2 = a.mapv(f64::cos).mapv(f64::sin);
    let t3 = (&Array1::<f64>::ones(4) * Array1::<f64>::linspace(-0.5, 0.5, 4)).dot(
        &(Array1::<f64>::linspace(-0.5, 0.5, 4).insert_axis(Axis(1))
            * &a.view().insert_axis(Axis(0))),
    );
    let t4: Array1<f64> = a.dot(&Array::from_elem((5, 5), 1.5_f64)) - &(a / s);
    let t5 = a.slice(s![1..]);
    let t6 = a.view();
    let t7: Array1<f64> = if t4[3] > -1.35 {
        &t5.dot(&Array::from_elem((4, 3), 1.5_f64))
            + &Array1::<f64>::linspace(-0.5, 0.5, 3).mapv(f64::exp)
    } else {
        (&Array1::<f64>::linspace(-0.5, 0.5, 3) / Array::from_elem((4, 3), 0.5_f64))
            .std_axis(Axis(0), 1.0)
    };
    t7.sum()
        + 0.815 * t1
        + (&t2 * &t2).mean().unwrap()
        + 0.31 * t3.sum()
        + 0.984 * t6.sum()
        + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f188() {
    let mut rng = Rng::new(231302368);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let s = 0.7121;
    let (v, (d_a, d_s)) = f188_grad(&a, s);
    common::assert_near(v, f188(&a, s), "value");
    assert_fd_array(|xx| f188(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f188(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f188_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f188_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f188_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = f188_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (5, 4, 3)
#[differentiable]
fn f189(a: ArrayView2<f64>, k: usize) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1: Array2<f64> = Array2::<f64>::eye(5)
        .dot(&a)
        .to_shape(((5, 4), ord))
        .unwrap()
        .to_owned();
    let t2 = t1.index_axis(Axis(1), 2);
    let mut t3: Array1<f64> = a.fold_axis(Axis(0), f64::NEG_INFINITY, |&acc, &x| acc.max(x))
        / (nn::sigmoid(&a.sum_axis(Axis(0))) + 0.25);
    let mut t4: f64 = t2.mean().unwrap().tanh();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t5 = a.t().std_axis(Axis(1), 0.0);
        t3 = &nn::sigmoid(&(&r * t5.sum())) * (t5[2] + a.mean().unwrap()).tanh() + t3;
        t4 = (t4 + t5.sum().tanh()).tanh();
    }
    let t6 = (&t1.row(4).insert_axis(Axis(0)) * &t2.insert_axis(Axis(1)))
        .tanh()
        .mapv(|v| (if v > 0.17 { v } else { v }) * ((v * 0.733).exp()));
    let mut t7: Array1<f64> = nn::softplus(&t3).to_owned();
    if 0.59_f64.cos().exp().ln() > 0.37 {
        t7 = &t7 * 0.367 + &(t4 / &t7.mapv(|v| v * v + 1.0));
    }
    t7.mapv(f64::tanh) + ((&t6 * &t6).mean().unwrap())
}

#[test]
fn test_f189() {
    let mut rng = Rng::new(231302380);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 4, -1.0, 1.0);
        let (y, d_a) = f189_vjp(a.view(), k, seed.clone());
        assert_array(&y, &f189(a.view(), k), "value");
        let d_a: Array2<f64> = d_a;
        assert_fd_array(|xx| inner(&seed, &f189(xx.view(), k)), &a, &d_a, "da");
    }
}

// dims (3, 5, 2)
#[differentiable]
fn f190(a: &Array2<f64>, b: &Array1<f64>, s: f64) -> f64 {
    let t1: f64 = Array::from_elem((3, 3), 0.25_f64)
        .dot(a)
        .dot(&a.t().dot(a))
        .var(1.0);
    let t2 = b.sum();
    let t3 =
        nn::softplus(&ad_runtime::ndarray::stack(Axis(1), &[a.column(1), a.column(1)]).unwrap());
    let t4: Array2<f64> = t3.mapv(|v| (v * v + 0.5).sqrt()) * (b + b).insert_axis(Axis(0));
    let t5: Array2<f64> =
        (&b.view().insert_axis(Axis(0)) - &a.var_axis(Axis(1), 0.0).insert_axis(Axis(1))).abs();
    let t6 = b.view();
    ((t5[[0, 1]] + t4[[2, 1]]) * 1.18_f64.sqrt())
        + 0.662 * s
        + 0.554 * t1
        + 0.917 * t2
        + 0.522 * t4.sum()
        + (&t5 * &t5).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f190() {
    let mut rng = Rng::new(231302392);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let s = -0.4455;
    let (v, (d_a, d_b, d_s)) = f190_grad(&a, &b, s);
    common::assert_near(v, f190(&a, &b, s), "value");
    assert_fd_array(|xx| f190(xx, &b, s), &a, &d_a, "da");
    assert_fd_array(|xx| f190(&a, xx, s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f190(&a, &b, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (2, 3, 2)
#[differentiable]
fn h191(a: &Array2<f64>, b: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let t1: Array1<f64> = c
        .to_shape(((2, 2), Order::ColumnMajor))
        .unwrap()
        .into_owned()
        .dot(&(-b));
    let t2 = t1.view();
    let t3 = a.index_axis(Axis(1), 0);
    ((-1.33_f64).exp() * (-1.33_f64).exp() + 1.0).sqrt() + 0.431 * t2.sum() + 0.743 * t3.sum()
}

#[test]
fn test_h191() {
    let mut rng = Rng::new(231302404);
    let a = rand(&mut rng, (2, 2), 0.5, 1.5);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (2, 2), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h191_grad(&a, &b, &c);
    common::assert_near(v, h191(&a, &b, &c), "value");
    assert_fd_array(|xx| h191(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| h191(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| h191(&a, &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (2, 2), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h191_jvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c), (hh_a, hh_b, hh_c)) = h191_hvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h191_grad(&pp_a, &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = h191_grad(&pm_a, &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (2, 3, 2)
#[differentiable]
fn f191(a: &Array2<f64>, b: &Array1<f64>, s: f64, p: f64) -> Array1<f64> {
    let t1: Array1<f64> = nn::sigmoid(&b.mapv(|v| {
        ((((v * 0.421) * (v * 0.421) + 0.5).sqrt()) * (((v * 0.421) * (v * 0.421) + 0.5).sqrt())
            + 1.0)
            .ln()
    }));
    let t2 = nn::cross_entropy_one_hot(
        &Array::from_elem((2, 3), 0.5_f64),
        &nn::softmax(&(-Array::from_elem((2, 3), 0.5_f64)), Axis(1)),
    );
    let mut t3: Array1<f64> = nn::logsumexp(a, Axis(1)).to_owned();
    let mut t4: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t3 = &r * t1.mean().unwrap() + t3;
        t4 = (t4 + a.dot(&r).sum().tanh()).tanh();
    }
    let mut t5: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t6: f64 = 0.866_f64.tanh();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t7 = b[1].cos();
        t5 = (&t5 + &(&r * &t5.mapv(|v| v.tanh()))).mapv(f64::tanh);
        t6 += (t4
            / nn::cross_entropy_one_hot(
                &Array::from_elem((2, 3), 0.5_f64),
                &nn::softmax(&Array::from_elem((2, 3), 0.5_f64), Axis(1)),
            )
            .exp())
        .tanh()
            + t7;
    }
    let t8 = -0.943_f64;
    let mut t9: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t9 += (b[i + 1] * s - b[i]).tanh();
    }
    let t10 = t3.powi(2).mapv(f64::tanh) / &(&t5 * &t5).mapv(|v| v * v + 1.0);
    (&(b + &t1) * &(b + &t1) + 0.5).ln() * (p + t2 + t6 + t8 + t9 + t10.sum())
}

#[test]
fn test_f191() {
    let mut rng = Rng::new(231302406);
    let a = rand(&mut rng, (2, 2), 0.5, 1.5);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let s = -0.6849;
    let p = 1.3872;
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_p)) = f191_vjp(&a, &b, s, p, seed.clone());
    assert_array(&y, &f191(&a, &b, s, p), "value");
    assert_fd_array(|xx| inner(&seed, &f191(xx, &b, s, p)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f191(&a, xx, s, p)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f191(&a, &b, xx[()], p)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f191(&a, &b, s, xx[()])),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (4, 2, 5)
#[differentiable]
fn f192(a: &Array1<f64>, b: Array2<f64>, c: &Array1<f64>, s: f64, d: Array2<f64>) -> Array1<f64> {
    let t1 = if a.exp().var(1.0) > 0.83 {
        a.mean().unwrap().exp().ln().tanh()
    } else {
        nn::cross_entropy_one_hot(
            &Array2::<f64>::eye(4).dot(&b),
            &nn::softmax(&b.dot(&b.slice(s![2.., ..])), Axis(1)),
        )
    };
    let t2 = a.view();
    let t3 = &c.abs() - (c + &b.index_axis(Axis(0), 3));
    nn::sigmoid(&(nn::softplus(&(&b.sum_axis(Axis(1)) * b.sum_axis(Axis(1)))) + 0.5).powf(2.5))
        * (s + (&d * &d).mean().unwrap() + t1 + (&t2 * &t2).mean().unwrap() + t3.sum())
}

#[test]
fn test_f192() {
    let mut rng = Rng::new(231302418);
    let a = rand(&mut rng, 8, -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let s = 1.0963;
    let d = rand(&mut rng, (2, 5), -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_s, d_d)) = f192_vjp(&a, b.clone(), &c, s, d.clone(), seed.clone());
    assert_array(&y, &f192(&a, b.clone(), &c, s, d.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f192(xx, b.clone(), &c, s, d.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f192(&a, xx.clone(), &c, s, d.clone())),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f192(&a, b.clone(), xx, s, d.clone())),
        &c,
        &d_c,
        "dc",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f192(&a, b.clone(), &c, xx[()], d.clone())),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| inner(&seed, &f192(&a, b.clone(), &c, s, xx.clone())),
        &d,
        &d_d,
        "dd",
    );
}

// dims (5, 4, 3)
#[differentiable]
fn f193(
    a: ArrayView2<f64>,
    b: &Array2<f64>,
    c: Array2<f64>,
    d: &Array1<f64>,
    w: &Array1<f64>,
) -> f64 {
    let t1: ArrayView1<f64> = d.view();
    let t2: Array1<f64> = w[1].cos() + t1.mapv(f64::cos);
    let t3: f64 = if 0.869_f64 > 0.35 {
        0.765_f64.sin().powi(2)
    } else {
        0.709_f64
    };
    t3 + (&a * &a).mean().unwrap()
        + (b * b).mean().unwrap()
        + (&c * &c).mean().unwrap()
        + 0.356 * t2.sum()
        + 0.266 * t3
}

#[test]
fn test_f193() {
    let mut rng = Rng::new(231302430);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), 0.5, 1.5);
    let c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let d = rand(&mut rng, 20, -1.0, 1.0);
    let w = rand(&mut rng, 20, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f193_grad(a.view(), &b, c.clone(), &d, &w);
    common::assert_near(v, f193(a.view(), &b, c.clone(), &d, &w), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f193(xx.view(), &b, c.clone(), &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f193(a.view(), xx, c.clone(), &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f193(a.view(), &b, xx.clone(), &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f193(a.view(), &b, c.clone(), xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f193(a.view(), &b, c.clone(), &d, xx), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 20, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, 20, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f193_jvp(
        a.view(),
        &b,
        c.clone(),
        &d,
        &w,
        t_a.view(),
        &t_b,
        t_c.clone(),
        &t_d,
        &t_w,
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum()
        + (&d_b * &t_b).sum()
        + (&d_c * &t_c).sum()
        + (&d_d * &t_d).sum()
        + (&d_w * &t_w).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum()
        + (&d_w * &t_w).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f193_hvp(
        a.view(),
        &b,
        c.clone(),
        &d,
        &w,
        t_a.view(),
        &t_b,
        t_c.clone(),
        &t_d,
        &t_w,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) =
        f193_grad(pp_a.view(), &pp_b, pp_c.clone(), &pp_d, &pp_w);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) =
        f193_grad(pm_a.view(), &pm_b, pm_c.clone(), &pm_d, &pm_w);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (5, 2, 3)
#[differentiable]
fn f194(a: &Array2<f64>, b: Array2<f64>) -> f64 {
    let t1 = b.slice(s![.., ..2]);
    let t2 = 0.321_f64;
    let t3: Array2<f64> = b.mapv(|v| v * t2).powi(3).dot(
        &b.t()
            .dot(&b.slice(s![.., ..2]))
            .dot(&b.slice(s![2..4, ..]))
            .tanh(),
    );
    t1[[0, 1]] + 0.533 * a.sum() + (&t1 * &t1).mean().unwrap() + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_f194() {
    let mut rng = Rng::new(231302442);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), 0.5, 1.5);
    let (v, (d_a, d_b)) = f194_grad(&a, b.clone());
    common::assert_near(v, f194(&a, b.clone()), "value");
    assert_fd_array(|xx| f194(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f194(&a, xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f194_jvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f194_hvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f194_grad(&pp_a, pp_b.clone());
    let (_, (gm_a, gm_b)) = f194_grad(&pm_a, pm_b.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (2, 4, 5)
#[differentiable]
fn f195(a: Array2<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = -&a.fold_axis(Axis(0), f64::INFINITY, |&m, &v| v.min(m));
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = &r / &t1.mapv(|v| v * v + 1.0);
        let t4: Array1<f64> = &nn::logsumexp(&a, Axis(0)) - &t1;
        t1 = &nn::sigmoid(&((&r + t3) + &t4)) * (t2 / a[[1, 4]]) + t1;
        t2 += (&t4 * &t4 + 0.5).ln().var(0.0).tanh();
    }
    let mut t5: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t6: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t5 = &a.row(1).map(|&v| {
            ((((v * t6) * (v * t6) + 0.5).sqrt()) * (((v * t6) * (v * t6) + 0.5).sqrt()) + 0.5)
                .sqrt()
        }) * (t1[0] * a[[1, 2]]).tanh()
            + t5;
        t6 += t6.cos() / ((t2 - a[[0, 1]]) * (t2 - a[[0, 1]]) + 1.0);
    }
    let t7 = &(t5.dot(&Array::from_elem((5, 5), 0.25_f64)) + &t1) + t6;
    let mut t8: Array1<f64> = (&t1 + &t1).to_owned();
    let mut t9: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t10 = &a.var_axis(Axis(1), 0.0) / &a.index_axis(Axis(1), 4);
        let t11 = t9;
        t8 = &t8 * 0.7 + &r;
        t9 = (t9
            + ((a.view().reversed_axes().std_axis(Axis(1), 1.0).std(1.0) + t10.mean().unwrap())
                + t11)
                .tanh())
        .tanh();
    }
    let mut t12: Array1<f64> = (&t7 + t9).to_owned();
    let mut t13: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t14 = t12.sin();
        let t15: f64 = t5[4] + t6;
        t12 = &(&(&r - &t14) * 0.8) * (t7[0] / r[1]).tanh() + t12;
        t13 += (Array::from_elem(4, 1.5_f64)
            .dot(&Array::from_elem(4, 0.25_f64))
            .cos()
            + t15)
            .tanh();
    }
    let t16 = t12.mapv(f64::tanh);
    nn::sigmoid(&(&t5 / (&nn::sigmoid(&t12) * &nn::sigmoid(&t12) + 0.5)))
        + ((&t8 * &t8).mean().unwrap() + t13 + t16.sum())
}

#[test]
fn test_f195() {
    let mut rng = Rng::new(231302454);
    let a = rand(&mut rng, (2, 5), 0.5, 1.5);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, d_a) = f195_vjp(a.clone(), seed.clone());
    assert_array(&y, &f195(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f195(xx.clone())), &a, &d_a, "da");
}

// dims (2, 3, 2)
#[differentiable]
fn f196(a: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = a
        .sum_axis(Axis(0))
        .mapv(|v| ((v * v + 1.0).ln()).powi(2) - 0.5)
        .tanh();
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3: f64 = t2 + r.mean().unwrap();
        let t4 = t1.mapv(f64::exp);
        t1 = &t1 * 0.7 + &nn::sigmoid(&(&r + &t4));
        t2 = t2 * 0.8 - (t2 + t3);
    }
    let t5 = a.column(1);
    let t6 = t5.view();
    let t7: ArrayView1<f64> = t6.slice(s![1..]);
    let t8: ArrayView1<f64> = t6.slice(s![1..]);
    let t9: Array1<f64> = nn::cross_entropy(
        &a.view()
            .reversed_axes()
            .dot(&Array::from_elem((3, 3), 0.25_f64)),
        &vec![2usize; 2],
    ) * (t2.cos() / (nn::softplus(&(&t1 * &t8)) + 0.5));
    t9[0] + 0.889 * t7.sum() + (&t9 * &t9).mean().unwrap()
}

#[test]
fn test_f196() {
    let mut rng = Rng::new(231302466);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, d_a) = f196_grad(&a);
    common::assert_near(v, f196(&a), "value");
    assert_fd_array(|xx| f196(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f196_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f196_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f196_grad(&pp_a);
    let (_, gm_a) = f196_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 2, 5)
#[differentiable(wrt(s, b))]
fn f197(a: &Array1<f64>, s: f64, b: &Array2<f64>, c: &Array1<f64>) -> Array2<f64> {
    let t1 = (-1.21_f64) * s.sin();
    let mut t2: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t2 += (c[i + 1] * s - c[i]).tanh();
    }
    let mut t3 = Array1::<f64>::zeros(6);
    let mut t4: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t3 = t3
            + &ad_runtime::ndarray::concatenate(
                Axis(0),
                &[
                    Array1::<f64>::linspace(-0.5, 0.5, 3).view(),
                    Array1::<f64>::ones(3).view(),
                ],
            )
            .unwrap();
        t4 += (&r * b).mean().unwrap();
    }
    let mut t5: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t6: f64 = t5.sum();
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t7 = (&t5 * &t5).sum();
        t5 = t5 + &r;
        t6 = t6 * 0.8 - ((i as f64 * 0.3) + t7);
    }
    let t8: Array2<f64> = Array2::<f64>::eye(5)
        .dot(b)
        .to_shape(((2, 5), Order::RowMajor))
        .unwrap()
        .to_owned();
    let mut t9: Array2<f64> = Array2::<f64>::zeros((2, 5));
    let mut t10: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t9 = &b.to_shape(((2, 5), Order::F)).unwrap().to_owned() * t2.tanh() + t9;
        t10 += (t9.mean().unwrap() + 0.208).abs().tanh().exp();
    }
    let t11: f64 = t10.tanh();
    let mut t12: Array1<f64> = (&t5 / (t1 * t1 + 1.0)).to_owned();
    let mut t13: f64 = (t10 - 0.719_f64).tanh();
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t14: Array1<f64> = t5.mapv(f64::cos);
        let t15: Array1<f64> = (&nn::logsumexp(b, Axis(0)) * t8[[0, 0]]).mapv(f64::tanh);
        t12 = (&t12 + &(&(&(&r + t14) - t15) * 0.571)).mapv(f64::tanh);
        t13 = (t13 + c.mean().unwrap().exp()).tanh();
    }
    (&b.var_axis(Axis(1), 0.0).sin()
        / (nn::softplus(&nn::sigmoid(&b.slice(s![..2, ..]).dot(&t8))) + 0.5))
        + (t3.sum() + t4 + t6 + t11 + t12.sum() + t13)
}

#[test]
fn test_f197() {
    let mut rng = Rng::new(231302478);
    let a = rand(&mut rng, 6, -1.0, 1.0);
    let s = -0.5464;
    let b = rand(&mut rng, (5, 2), 0.5, 1.5);
    let c = rand(&mut rng, 6, -1.0, 1.0);
    let seed = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (y, (d_s, d_b)) = f197_vjp(&a, s, &b, &c, seed.clone());
    assert_array(&y, &f197(&a, s, &b, &c), "value");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f197(&a, xx[()], &b, &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f197(&a, s, xx, &c)), &b, &d_b, "db");
}

// dims (4, 3, 5)
#[differentiable]
fn f198(a: &Array1<f64>, b: &Array2<f64>, c: &Array2<f64>) -> Array2<f64> {
    let mut t1: Array1<f64> = a.to_owned();
    if b.mean().unwrap().powi(2).powi(2) > -0.315 {
        t1 = &t1 * 0.886 + &t1.cos();
    }
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t3 = a[i + 1] - a[i] * a[i];
        let t4 = 1.0 - a[i];
        t2 += 1.05 * t3 * t3 + t4 * t4;
    }
    let t5 = t2.tanh();
    let mut t6: Array1<f64> =
        (&c.index_axis(Axis(0), 3) / (&b.row(0) * &b.row(0) + 0.5)).to_owned();
    let mut t7: f64 = c.mean().unwrap().powi(2);
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t8: f64 = (i as f64 * 0.3).tanh();
        t6 = &t6 * 0.7 + &r;
        t7 = t7 * 0.8 - (((c[[2, 1]] - t1.sum()).tanh() * a[4]) + t8);
    }
    (-&nn::relu(c)) * (t5 + (&t6 * &t6).mean().unwrap() + t7)
}

#[test]
fn test_f198() {
    let mut rng = Rng::new(231302490);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f198_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &f198(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f198(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f198(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f198(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (5, 2, 3)
#[differentiable]
fn f199(a: ArrayView2<f64>, b: Array2<f64>, s: f64, c: Array2<f64>) -> f64 {
    let t1: f64 = a.sum().tanh();
    let t2 = s;
    let mut t3: Array1<f64> = (&b.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &x| {
        ((x - t1).powi(2)).max(m)
    }) + &b.row(1))
        .to_owned();
    let mut t4: f64 = c.index_axis(Axis(1), 1).dot(&c.var_axis(Axis(1), 1.0));
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t5 = t4;
        let t6: Array1<f64> = t3.powi(2).tanh();
        t3 = &t3 + &(&((&r + &t3.mapv(f64::cos)) - &t6) * 0.667);
        t4 += (nn::cross_entropy(&c.slice(s![.., ..2]), &vec![1usize; 5]) + t5).tanh();
    }
    let mut t7: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t8: f64 = b.mean().unwrap().powi(2);
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t9: Array1<f64> = c.t().sum_axis(Axis(1));
        let t10: f64 = t1.sin();
        t7 = (&t7 + &nn::sigmoid(&(&r - &t9))).mapv(f64::tanh);
        t8 = t8 * 0.8 - ((a.mean().unwrap() / (t9.sum() * t9.sum() + 1.0)) + t10);
    }
    (t4.sin() / a[[1, 0]]) + 0.901 * t2 + (&t7 * &t7).mean().unwrap() + 0.423 * t8
}

#[test]
fn test_f199() {
    let mut rng = Rng::new(231302502);
    let a = rand(&mut rng, (3, 2), 0.5, 1.5);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let s = 1.3026;
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c)) = f199_grad(a.view(), b.clone(), s, c.clone());
    common::assert_near(v, f199(a.view(), b.clone(), s, c.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(
        |xx| f199(xx.view(), b.clone(), s, c.clone()),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| f199(a.view(), xx.clone(), s, c.clone()),
        &b,
        &d_b,
        "db",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| f199(a.view(), b.clone(), xx[()], c.clone()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| f199(a.view(), b.clone(), s, xx.clone()),
        &c,
        &d_c,
        "dc",
    );
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f199_jvp(
        a.view(),
        b.clone(),
        s,
        c.clone(),
        t_a.view(),
        t_b.clone(),
        t_s,
        t_c.clone(),
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s, hg_c), (hh_a, hh_b, hh_s, hh_c)) = f199_hvp(
        a.view(),
        b.clone(),
        s,
        c.clone(),
        t_a.view(),
        t_b.clone(),
        t_s,
        t_c.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_c)) = f199_grad(pp_a.view(), pp_b.clone(), pp_s, pp_c.clone());
    let (_, (gm_a, gm_b, gm_s, gm_c)) = f199_grad(pm_a.view(), pm_b.clone(), pm_s, pm_c.clone());
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
}

// dims (5, 4, 3)
#[differentiable]
fn f200(a: &Array2<f64>, s: f64) -> f64 {
    let t1 = if a.sum() > -1.17 {
        nn::log_softmax(&Array2::<f64>::eye(5).dot(a), Axis(1))
    } else {
        (a + a).mapv(|v| {
            if v > -0.0976 {
                (v * s).powi(2) - 0.5
            } else {
                (v * v + 1.0).ln()
            }
        })
    };
    let t2: ArrayView2<f64> = a.view();
    let t3 = t2.index_axis(Axis(0), 3);
    let mut t4: Array1<f64> = (&t3 * &t3).to_owned();
    let mut t5: f64 = t2.slice(s![..4, ..3]).std(0.0);
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t6: f64 = nn::cross_entropy_one_hot(&t2, &nn::softmax(&t1, Axis(1)));
        let t7 = t1.mean().unwrap().powi(2).tanh();
        t4 = t4 + &(&r * t3.cos());
        t5 = (t5 + ((nn::mse(&nn::sigmoid(&(t4.sum() - &t3)), &(&t3 + &t4)) + t6) + t7).tanh())
            .tanh();
    }
    let mut t8: f64 = 0.0;
    for i in 0..t3.len() - 1 {
        t8 += t3[i] * t3[i + 1];
    }
    t8.cos() + 0.902 * t5 + 0.792 * t8
}

#[test]
fn test_f200() {
    let mut rng = Rng::new(231302514);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let s = 0.7720;
    let (v, (d_a, d_s)) = f200_grad(&a, s);
    common::assert_near(v, f200(&a, s), "value");
    assert_fd_array(|xx| f200(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f200(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f200_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f200_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f200_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = f200_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (4, 5, 4)
#[differentiable(wrt(a))]
fn f201(a: &Array1<f64>, b: &Array1<f64>, s: f64, c: Array2<f64>) -> Array2<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t1 += (a[i + 1] * s - a[i]).tanh();
    }
    let t2: Array1<f64> = c
        .var_axis(Axis(1), 1.0)
        .mapv(|v| (((v * s) * (v * s) + 1.0).ln()).powi(2) - 0.5)
        .tanh()
        + (b + a[3]);
    let t3 = c.view();
    let t4: Array2<f64> = -Array::from_elem((5, 4), 0.25_f64).dot(&c).dot(
        &c.to_shape((16, Order::RowMajor))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((4, 4), Order::RowMajor))
            .unwrap(),
    );
    nn::softmax(&c.mapv(|v| v * s), Axis(1))
        + (t1
            + (&t2 * &t2).mean().unwrap()
            + (&t3 * &t3).mean().unwrap()
            + (&t4 * &t4).mean().unwrap())
}

#[test]
fn test_f201() {
    let mut rng = Rng::new(231302526);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let s = 1.3516;
    let c = rand(&mut rng, (4, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 4), -1.0, 1.0);
    let (y, d_a) = f201_vjp(&a, &b, s, c.clone(), seed.clone());
    assert_array(&y, &f201(&a, &b, s, c.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f201(xx, &b, s, c.clone())),
        &a,
        &d_a,
        "da",
    );
}

// dims (3, 5, 4)
#[differentiable]
fn f202(a: Array1<f64>) -> f64 {
    let t1: Array1<f64> = Array::from_elem((5, 15), 1.5_f64)
        .mapv_into(f64::tanh)
        .var_axis(Axis(0), 0.0);
    let mut t2: Array1<f64> = Array::from_elem((4, 15), 0.5_f64).var_axis(Axis(0), 0.0);
    if (nn::cross_entropy(&Array::from_elem((3, 5), 0.25_f64), &vec![3usize; 3])
        + nn::mse(
            &Array::from_elem((3, 5), 0.25_f64),
            &Array::from_elem((3, 5), 0.5_f64),
        ))
        > -1.47
    {
        let t3 = (a.sum() + 0.462).abs().tanh();
        t2 = &t2 * 0.618 + &(&a + (-1.21_f64));
    } else {
        t2 = &nn::log_softmax(&t2, Axis(0)) - &t2;
    }
    let t4 = -&Array::from_elem(3, 1.5_f64);
    let t5 = (&t4 - t1[7]).cos();
    let t6: Array1<f64> = (&((&t5 * t4[1]) * &t5) * &((&t5 * t4[1]) * &t5) + 0.5).ln();
    let t7: Array1<f64> = (t6 + Array::from_elem((15, 3), 0.5_f64)).dot(&(&t5 * &t5));
    (-0.582_f64) + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f202() {
    let mut rng = Rng::new(231302538);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let (v, d_a) = f202_grad(a.clone());
    common::assert_near(v, f202(a.clone()), "value");
    assert_fd_array(|xx| f202(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f202_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f202_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f202_grad(pp_a.clone());
    let (_, gm_a) = f202_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 3, 2)
#[differentiable(wrt(a, c, d))]
fn f203(a: &Array1<f64>, b: &Array1<f64>, c: &Array2<f64>, s: f64, d: Array2<f64>) -> f64 {
    let mut t1 = Array2::<f64>::zeros((3, 2));
    let mut t2: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        t1 = (&t1 + &c.dot(&c.slice(s![..2, ..]))).mapv(f64::tanh);
        t2 += d.std(0.0).sin();
    }
    let mut t3: Array1<f64> = d.std_axis(Axis(0), 0.0);
    let mut t4: f64 = b[4];
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t5: f64 = s;
        t3 = (&t3 + &c.fold_axis(Axis(0), f64::NEG_INFINITY, |m, v| m.max(*v))).mapv(f64::tanh);
        t4 = (t4
            + (nn::cross_entropy_one_hot(
                &ad_runtime::ndarray::stack(Axis(0), &[a.view(), c.column(1)]).unwrap(),
                &nn::softmax(&(-&d.t()), Axis(1)),
            ) + t5)
                .tanh())
        .tanh();
    }
    let t6: f64 = nn::mse(
        &nn::relu(&c.mapv(|v| v * t2 + t2)),
        &(&t1.exp() / (d[[2, 0]].cos().powi(2) + 0.5)),
    );
    let mut t7: Array1<f64> = t3.exp();
    let mut t8: f64 = d.var(0.0);
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t9 = r;
        let t10: Array1<f64> = -&t9;
        t7 = (&t7 + &(&a.dot(&t1) + t10).mapv(f64::tanh)).mapv(f64::tanh);
        t8 += (b.sum() * b.sum() + 1.0).sqrt().tanh();
    }
    let mut t11: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t11 += b[i] * b[i + 1];
    }
    let mut t12: Array1<f64> = &t3 / (b.sum() * b.sum() + 1.0);
    if b[1] < 0.0817 {
        let t13 = nn::cross_entropy(&d.t(), &vec![0usize; 2]);
        t12 = &t12 * 0.846 + &d.fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &x: &f64| m.min(x));
    }
    ((s / (d.mean().unwrap() * d.mean().unwrap() + 1.0)) + (t1.mean().unwrap() - s))
        + 0.948 * t4
        + 0.532 * t6
        + (&t7 * &t7).mean().unwrap()
        + 0.625 * t8
        + 0.452 * t11
        + (&t12 * &t12).mean().unwrap()
}

#[test]
fn test_f203() {
    let mut rng = Rng::new(231302550);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 6, -1.0, 1.0);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let s = -0.7198;
    let d = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, (d_a, d_c, d_d)) = f203_grad(&a, &b, &c, s, d.clone());
    common::assert_near(v, f203(&a, &b, &c, s, d.clone()), "value");
    assert_fd_array(|xx| f203(xx, &b, &c, s, d.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f203(&a, &b, xx, s, d.clone()), &c, &d_c, "dc");
    assert_fd_array(|xx| f203(&a, &b, &c, s, xx.clone()), &d, &d_d, "dd");
}

// dims (3, 4, 3)
#[differentiable]
fn f204(a: &Array2<f64>, s: f64, b: ArrayView2<f64>, p: f64, q: f64) -> f64 {
    let mut t1: Array2<f64> = a - b[[2, 2]];
    let mut t2: f64 = s;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3: f64 = r.mean().unwrap().exp().sqrt();
        t1 = &b.t().exp().mapv(f64::tanh) * (t1[[0, 2]] + t2).tanh() + t1;
        t2 = t2 * 0.8 - ((r.mean().unwrap() + 0.455).abs() + t3).tanh();
    }
    let t4: Array2<f64> = b[[1, 2]]
        / &(nn::sigmoid(
            &(a.std_axis(Axis(1), 0.0)
                .dot(&t1)
                .mapv(f64::tanh)
                .insert_axis(Axis(1))
                - &t1),
        ) + 0.25);
    let t5: Array2<f64> = t4
        .dot(&Array::from_elem((3, 4), 0.5_f64))
        .mapv_into(|v| (if v > -0.462 { v * p } else { v * p }).sin())
        + &((0.686_f64 - t1.sum()).tanh() - &Array1::<f64>::ones(4).sqrt());
    let t6 = t5.row(2);
    let t7: Array2<f64> = -&t5;
    let mut t8: f64 = 0.0;
    for i in 0..3 {
        t8 += t6[i] * t6[i + 1];
    }
    let t9 = t8.tanh();
    (t2 * a.mean().unwrap()) + 0.639 * q + (&t7 * &t7).mean().unwrap() + 0.713 * t9
}

#[test]
fn test_f204() {
    let mut rng = Rng::new(231302562);
    let a = rand(&mut rng, (3, 3), -1.0, 1.0);
    let s = 1.1807;
    let b = rand(&mut rng, (3, 3), -1.0, 1.0);
    let p = 0.3117;
    let q = 0.6470;
    let (v, (d_a, d_s, d_b, d_p, d_q)) = f204_grad(&a, s, b.view(), p, q);
    common::assert_near(v, f204(&a, s, b.view(), p, q), "value");
    assert_fd_array(|xx| f204(xx, s, b.view(), p, q), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f204(&a, xx[()], b.view(), p, q),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f204(&a, s, xx.view(), p, q), &b, &d_b, "db");
    let fd_p = fd(
        |xx: &Array<f64, _>| f204(&a, s, b.view(), xx[()], q),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let fd_q = fd(
        |xx: &Array<f64, _>| f204(&a, s, b.view(), p, xx[()]),
        &Array::from_elem((), q),
    );
    common::assert_close_tol(&[d_q], &[fd_q[()]], 1e-5, "dq");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, (3, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_p = 0.9;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let t_q = 1.1;
    let (pp_q, pm_q) = (q + hstep * t_q, q - hstep * t_q);
    let (vj, tj) = f204_jvp(&a, s, b.view(), p, q, &t_a, t_s, t_b.view(), t_p, t_q);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum() + d_p * t_p + d_q * t_q;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (d_p * t_p).abs()
        + (d_q * t_q).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b, hg_p, hg_q), (hh_a, hh_s, hh_b, hh_p, hh_q)) =
        f204_hvp(&a, s, b.view(), p, q, &t_a, t_s, t_b.view(), t_p, t_q);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_p, gp_q)) = f204_grad(&pp_a, pp_s, pp_b.view(), pp_p, pp_q);
    let (_, (gm_a, gm_s, gm_b, gm_p, gm_q)) = f204_grad(&pm_a, pm_s, pm_b.view(), pm_p, pm_q);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(
        &Array::from_elem((), hh_p),
        &Array::from_elem((), gp_p),
        &Array::from_elem((), gm_p),
        hstep,
        "H t p",
    );
    assert_hv_array(
        &Array::from_elem((), hh_q),
        &Array::from_elem((), gp_q),
        &Array::from_elem((), gm_q),
        hstep,
        "H t q",
    );
}

// dims (5, 3, 4)
#[differentiable(wrt(a, s))]
fn f205(a: &Array1<f64>, b: &Array1<f64>, s: f64) -> f64 {
    let t1 = Array::from_elem((4, 3), 0.5_f64)
        .mapv(f64::cos)
        .var_axis(Axis(0), 0.0);
    let mut t2: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t2 += b[i] * b[i + 1];
    }
    let t3 = t2.tanh();
    let t4 = (&Array::from_elem((15, 3), 0.5_f64) * t1).dot(
        &(&Array::from_elem(3, 0.25_f64) / &Array::from_elem(3, 0.25_f64).mapv(|v| v * v + 1.0)),
    );
    let t5: Array1<f64> = -Array::from_elem((3, 5), 0.25_f64)
        .mean_axis(Axis(1))
        .unwrap();
    let t6 = t3;
    let t7 = &nn::softmax(&t4, Axis(0)).abs()
        / (nn::cross_entropy_one_hot(
            &(Array::from_elem((5, 3), 0.25_f64) * b.mean().unwrap()),
            &nn::softmax(&Array::from_elem((5, 3), 0.5_f64).mapv(|v| v), Axis(1)),
        ) * nn::cross_entropy_one_hot(
            &(Array::from_elem((5, 3), 0.25_f64) * b.mean().unwrap()),
            &nn::softmax(&Array::from_elem((5, 3), 0.5_f64).mapv(|v| v), Axis(1)),
        ) + 1.0);
    (t3.cos().powi(2) + 0.5).sqrt()
        + 0.619 * a.sum()
        + 0.513 * s
        + 0.422 * t5.sum()
        + 0.729 * t6
        + 0.663 * t7.sum()
}

#[test]
fn test_f205() {
    let mut rng = Rng::new(231302574);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let s = -1.1866;
    let (v, (d_a, d_s)) = f205_grad(&a, &b, s);
    common::assert_near(v, f205(&a, &b, s), "value");
    assert_fd_array(|xx| f205(xx, &b, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f205(&a, &b, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f205_jvp(&a, &b, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f205_hvp(&a, &b, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f205_grad(&pp_a, &b, pp_s);
    let (_, (gm_a, gm_s)) = f205_grad(&pm_a, &b, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (4, 3, 5)
#[differentiable]
fn f206(a: Array1<f64>, b: &Array2<f64>, s: f64, p: f64, q: f64) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t2: f64 = t1.dot(&t1);
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3: f64 = r.sum() + p;
        t1 = &(&r + a.dot(&b.slice(s![..3, ..]))).tanh() * t3.cos() + t1;
        t2 += nn::cross_entropy(&b.slice(s![.., 1..4]), &vec![2usize; 4]).cos();
    }
    let mut t4: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t5 = a[i + 1] - a[i] * a[i];
        let t6 = 1.0 - a[i];
        t4 += 2.72 * t5 * t5 + t6 * t6;
    }
    let t7 = t4.tanh();
    let t8 = (b - a.sum())
        .std_axis(Axis(0), 1.0)
        .map(|&v| (if v > 0.478 { v * 0.991 } else { v * q }).tanh());
    let t9 = t8.slice(s![1..]);
    let mut t10: Array1<f64> = t9.mean().unwrap() * &t8;
    let mut t11: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t12 = &r * &t1;
        t10 = &nn::sigmoid(&(&t8.exp() - &t12)) * r.mean().unwrap() + t10;
        t11 += r.mean().unwrap();
    }
    t10[4] + 0.989 * s + 0.44 * t2 + 0.599 * t7 + (&t10 * &t10).mean().unwrap() + 0.39 * t11
}

#[test]
fn test_f206() {
    let mut rng = Rng::new(231302586);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let s = 1.1373;
    let p = 0.3844;
    let q = 0.3912;
    let (v, (d_a, d_b, d_s, d_p, d_q)) = f206_grad(a.clone(), &b, s, p, q);
    common::assert_near(v, f206(a.clone(), &b, s, p, q), "value");
    assert_fd_array(|xx| f206(xx.clone(), &b, s, p, q), &a, &d_a, "da");
    assert_fd_array(|xx| f206(a.clone(), xx, s, p, q), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f206(a.clone(), &b, xx[()], p, q),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f206(a.clone(), &b, s, xx[()], q),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let fd_q = fd(
        |xx: &Array<f64, _>| f206(a.clone(), &b, s, p, xx[()]),
        &Array::from_elem((), q),
    );
    common::assert_close_tol(&[d_q], &[fd_q[()]], 1e-5, "dq");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_p = 0.9;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let t_q = 1.1;
    let (pp_q, pm_q) = (q + hstep * t_q, q - hstep * t_q);
    let (vj, tj) = f206_jvp(a.clone(), &b, s, p, q, t_a.clone(), &t_b, t_s, t_p, t_q);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s + d_p * t_p + d_q * t_q;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (d_p * t_p).abs()
        + (d_q * t_q).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s, hg_p, hg_q), (hh_a, hh_b, hh_s, hh_p, hh_q)) =
        f206_hvp(a.clone(), &b, s, p, q, t_a.clone(), &t_b, t_s, t_p, t_q);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_p, gp_q)) = f206_grad(pp_a.clone(), &pp_b, pp_s, pp_p, pp_q);
    let (_, (gm_a, gm_b, gm_s, gm_p, gm_q)) = f206_grad(pm_a.clone(), &pm_b, pm_s, pm_p, pm_q);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
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
    assert_hv_array(
        &Array::from_elem((), hh_q),
        &Array::from_elem((), gp_q),
        &Array::from_elem((), gm_q),
        hstep,
        "H t q",
    );
}

// dims (5, 2, 4)
#[differentiable]
fn h207(a: Array2<f64>, b: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let t1 = a.column(2);
    let mut t2: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t2 = t2 * 0.8 + b[i].sin() * b[i + 1];
    }
    let t3 = b.view();
    t1.sum() + 0.68 * c.sum() + 0.555 * t1.sum() + 0.715 * t2 + 0.915 * t3.sum()
}

#[test]
fn test_h207() {
    let mut rng = Rng::new(231302598);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h207_grad(a.clone(), &b, &c);
    common::assert_near(v, h207(a.clone(), &b, &c), "value");
    assert_fd_array(|xx| h207(xx.clone(), &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| h207(a.clone(), xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| h207(a.clone(), &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h207_jvp(a.clone(), &b, &c, t_a.clone(), &t_b, &t_c);
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
        h207_hvp(a.clone(), &b, &c, t_a.clone(), &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h207_grad(pp_a.clone(), &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = h207_grad(pm_a.clone(), &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (5, 2, 4)
#[differentiable]
fn f207(a: &Array2<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1 = Array::from_elem((2, 5), 1.5_f64)
        .dot(&Array::from_elem((5, 5), 0.25_f64))
        .to_shape(((5, 2), ord))
        .unwrap()
        .into_owned();
    let mut t2: Array2<f64> = t1.dot(&t1.slice(s![1..3, ..])).to_owned();
    if (-1.29_f64).sin() < 0.218 {
        let t3 = t2.mean().unwrap().tanh();
        t2 = &t2 * 0.448 + &t1.map(|&v| ((v * t3).sin()).powi(2) - 0.5);
    } else {
        t2 = &(&a.slice(s![.., 2..]) - (-0.88_f64)) - &t2;
    }
    let t4: ArrayView1<f64> = a.column(1);
    let t5: ArrayView1<f64> = a.index_axis(Axis(1), 2);
    let t6 = (t4.cos() * t4).mapv_into(|v| (if v > 0.388 { v } else { v }).exp());
    let t7 = (t1 - nn::logsumexp(&t2, Axis(0)))
        .mapv(f64::tanh)
        .mapv_into(|v| ((v * v + 0.5).sqrt()).powi(2) - 0.5);
    t4[3] + 0.56 * t5.sum() + 0.43 * t6.sum() + 0.565 * t7.sum()
}

#[test]
fn test_f207() {
    let mut rng = Rng::new(231302600);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f207_grad(&a, k);
        common::assert_near(v, f207(&a, k), "value");
        assert_fd_array(|xx| f207(xx, k), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (5, 4), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f207_jvp(&a, k, &t_a);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f207_hvp(&a, k, &t_a);
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f207_grad(&pp_a, k);
        let (_, gm_a) = f207_grad(&pm_a, k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (3, 5, 2)
#[differentiable]
fn f208(a: &Array1<f64>, b: &Array1<f64>, s: f64) -> f64 {
    let t1: ArrayView1<f64> = a.view();
    let t2: Array1<f64> = (&(b + b) * (-b)).map(|&v| (v.tanh().exp()) * s + s);
    let t3: ArrayView1<f64> = t2.view();
    let t4 = t1.exp().cos();
    let t5 = t1.view();
    (s * s).exp()
        + (&t3 * &t3).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
        + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f208() {
    let mut rng = Rng::new(231302612);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let b = rand(&mut rng, 2, 0.5, 1.5);
    let s = -0.3937;
    let (v, (d_a, d_b, d_s)) = f208_grad(&a, &b, s);
    common::assert_near(v, f208(&a, &b, s), "value");
    assert_fd_array(|xx| f208(xx, &b, s), &a, &d_a, "da");
    assert_fd_array(|xx| f208(&a, xx, s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f208(&a, &b, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f208_jvp(&a, &b, s, &t_a, &t_b, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) = f208_hvp(&a, &b, s, &t_a, &t_b, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = f208_grad(&pp_a, &pp_b, pp_s);
    let (_, (gm_a, gm_b, gm_s)) = f208_grad(&pm_a, &pm_b, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (5, 2, 3)
#[differentiable]
fn f209(a: &Array2<f64>, b: &Array2<f64>, c: ArrayView2<f64>) -> f64 {
    let t1: f64 = -1.08_f64;
    let mut t2: Array2<f64> = b.mapv(|v| v.powi(2) - 0.5).to_owned();
    if ((t1 + 0.563).abs().powi(2) + 0.5).ln() > 0.187 {
        let t3 = c.index_axis(Axis(0), 3).dot(&a.column(1));
        t2 = &t2 * 0.696
            + &(&(&b.mean_axis(Axis(0)).unwrap().insert_axis(Axis(0))
                + t2.var_axis(Axis(1), 0.0).insert_axis(Axis(1)))
                * 0.364);
    }
    let t4 = &(&(Array2::<f64>::eye(5).dot(&t2).mapv(f64::tanh) + t2.mean().unwrap().sin())
        * &(&(&b.row(1) + &a.sum_axis(Axis(1)))
            / &b.fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &x: &f64| {
                m.max(x * t1)
            })
            .exp())
            .insert_axis(Axis(0)))
        * 0.113;
    let mut t5: Array2<f64> = &t2 + &b.index_axis(Axis(1), 0).insert_axis(Axis(1));
    if t5[[2, 1]] < -0.308 {
        t5 = &t5 * 0.567 + &(&c - t5[[1, 2]]).tanh();
    } else {
        t5 = &(&t4 + &t4.sum_axis(Axis(0))).tanh() - &t5;
    }
    ad_runtime::ndarray::concatenate(Axis(0), &[a.row(1), nn::logsumexp(&t5, Axis(0)).view()])
        .unwrap()
        .var(0.0)
}

#[test]
fn test_f209() {
    let mut rng = Rng::new(231302624);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f209_grad(&a, &b, c.view());
    common::assert_near(v, f209(&a, &b, c.view()), "value");
    assert_fd_array(|xx| f209(xx, &b, c.view()), &a, &d_a, "da");
    assert_fd_array(|xx| f209(&a, xx, c.view()), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f209(&a, &b, xx.view()), &c, &d_c, "dc");
}

// dims (4, 2, 5)
#[differentiable]
fn h210(a: &Array1<f64>, b: ArrayView2<f64>, c: &Array1<f64>) -> f64 {
    let t1: ArrayView2<f64> = b.view();
    (-0.619_f64) + (a * a).mean().unwrap() + 0.888 * c.sum() + 0.626 * t1.sum()
}

#[test]
fn test_h210() {
    let mut rng = Rng::new(231302636);
    let a = rand(&mut rng, 8, -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), 0.5, 1.5);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h210_grad(&a, b.view(), &c);
    common::assert_near(v, h210(&a, b.view(), &c), "value");
    assert_fd_array(|xx| h210(xx, b.view(), &c), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| h210(&a, xx.view(), &c), &b, &d_b, "db");
    assert_fd_array(|xx| h210(&a, b.view(), xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 8, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 4, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h210_jvp(&a, b.view(), &c, &t_a, t_b.view(), &t_c);
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
        h210_hvp(&a, b.view(), &c, &t_a, t_b.view(), &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h210_grad(&pp_a, pp_b.view(), &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = h210_grad(&pm_a, pm_b.view(), &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 2, 5)
#[differentiable]
fn f210(a: &Array2<f64>, b: &Array1<f64>, s: f64) -> Array1<f64> {
    let t1 = b.view();
    let mut t2: Array2<f64> = Array2::<f64>::zeros((2, 5));
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = &t1 * t3;
        t2 = &t2 * 0.7 + &(&t2 / t3.exp());
        t3 = t3 * 0.8 - (a.std(0.0).exp().ln() + t4.mean().unwrap()).tanh();
    }
    let t5: Array2<f64> = (a / a)
        .map(|&v| {
            (if v > 0.1 { v * 1.15 } else { v * 0.55 })
                * (if v > -0.32 { v * 0.961 } else { v * s })
        })
        .mapv(f64::tanh);
    (&(b + b) - (&t1 / &(b * b + 0.5))) * (t5.sum())
}

#[test]
fn test_f210() {
    let mut rng = Rng::new(231302638);
    let a = rand(&mut rng, (2, 5), 0.5, 1.5);
    let b = rand(&mut rng, 8, -1.0, 1.0);
    let s = -1.1956;
    let seed = rand(&mut rng, 8, -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = f210_vjp(&a, &b, s, seed.clone());
    assert_array(&y, &f210(&a, &b, s), "value");
    assert_fd_array(|xx| inner(&seed, &f210(xx, &b, s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f210(&a, xx, s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f210(&a, &b, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (2, 5, 2)
#[differentiable]
fn h211(a: &Array1<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 1..a.len() {
        t1 += (a[i] - a[i - 1]).powi(2) * 1.16;
    }
    let t2 = t1.tanh();
    let t3: Array1<f64> = -a;
    let mut t4: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t4 += a[i] * a[i + 1];
    }
    a.map(|&v| v * 1.34).mean().unwrap() + 0.885 * t2 + (&t3 * &t3).mean().unwrap() + 0.504 * t4
}

#[test]
fn test_h211() {
    let mut rng = Rng::new(231302650);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let (v, d_a) = h211_grad(&a);
    common::assert_near(v, h211(&a), "value");
    assert_fd_array(|xx| h211(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 10, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h211_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h211_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h211_grad(&pp_a);
    let (_, gm_a) = h211_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 5, 2)
#[differentiable]
fn f211(a: &Array1<f64>, b: Array1<f64>) -> f64 {
    let t1 = if nn::cross_entropy(
        &ad_runtime::ndarray::stack(
            Axis(0),
            &[
                Array1::<f64>::ones(5).view(),
                Array1::<f64>::linspace(-0.5, 0.5, 5).view(),
            ],
        )
        .unwrap(),
        &vec![0usize; 2],
    ) > -0.417
    {
        (&a.view().insert_axis(Axis(0)) / &(nn::softplus(&b.view().insert_axis(Axis(1))) + 0.5))
            .dot(&(a[1] - a))
    } else {
        (&b + &b) - &b
    };
    let t2 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (&Array1::<f64>::linspace(-0.5, 0.5, 5) - Array::from_elem(5, 1.5_f64)).view(),
            Array::from_elem((5, 2), 0.25_f64).dot(a).view(),
        ],
    )
    .unwrap();
    let t3 = if Array::from_elem((2, 2), 1.5_f64)
        .fold_axis(Axis(0), f64::NEG_INFINITY, |acc, x| acc.max(*x))
        .dot(&(a / a.mapv(|v| v * v + 1.0)))
        > 1.39
    {
        b.exp().sqrt()
            / a.dot(&Array::from_elem((2, 10), 0.25_f64))
                .mapv(|v| v * v + 1.0)
    } else {
        ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                (&Array1::<f64>::ones(5) + &Array1::<f64>::ones(5)).view(),
                (&Array1::<f64>::ones(5) * Array::from_elem(5, 1.5_f64)).view(),
            ],
        )
        .unwrap()
    };
    ((&t1 * &t1).sum() - 0.953_f64).tanh()
        + 0.907 * t1.sum()
        + 0.707 * t2.sum()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_f211() {
    let mut rng = Rng::new(231302652);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 10, -1.0, 1.0);
    let (v, (d_a, d_b)) = f211_grad(&a, b.clone());
    common::assert_near(v, f211(&a, b.clone()), "value");
    assert_fd_array(|xx| f211(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f211(&a, xx.clone()), &b, &d_b, "db");
}

// dims (2, 4, 3)
#[differentiable]
fn f212(a: &Array1<f64>, b: &Array2<f64>) -> Array2<f64> {
    let t1: Array1<f64> = &(nn::sigmoid(&(a + a)) + 0.25).powf(2.5)
        - (&b.fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &x: &f64| {
            (x * -1.0).max(m)
        }) / &(&(a[0] + a) * &(a[0] + a) + 0.5));
    let t2: f64 = nn::cross_entropy(&Array::from_elem((2, 4), 1.5_f64), &vec![0usize; 2]);
    let mut t3: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t3 += (a[i + 1] * 1.45 - a[i]).tanh();
    }
    let t4: f64 = if (a[1].powi(2) * a[1].powi(2) + 1.0).ln() > -0.453 {
        a[0].exp().ln().exp()
    } else {
        (a + a).var(1.0)
    };
    let t5: Array1<f64> = &a.mapv(f64::cos) + &nn::logsumexp(b, Axis(1));
    let t6 = a.view();
    let mut t7: Array1<f64> = b.sum_axis(Axis(1));
    if b.mean().unwrap() < 0.213 {
        let t8: f64 = t2.tanh();
        t7 = &t7 * 0.512 + &(&b.slice(s![.., 1..]).dot(&t5) * 0.25);
    } else {
        t7 = &b.std_axis(Axis(1), 0.0).abs() - &t7;
    }
    (nn::softplus(&Array::from_elem((2, 4), 0.25_f64).mapv_into(|v| (v * t3).powi(2) - 0.5)) + 0.5)
        .sqrt()
        * ((&t1 * &t1).mean().unwrap() + t3 + t4 + t6.sum() + (&t7 * &t7).mean().unwrap())
}

#[test]
fn test_f212() {
    let mut rng = Rng::new(231302664);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (y, (d_a, d_b)) = f212_vjp(&a, &b, seed.clone());
    assert_array(&y, &f212(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f212(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f212(&a, xx)), &b, &d_b, "db");
}

// dims (3, 2, 5)
#[differentiable]
fn f213(a: &Array2<f64>, b: &Array2<f64>, s: f64, p: f64, c: Array2<f64>) -> f64 {
    let t1 = nn::cross_entropy(
        &(&c.slice(s![.., 2..4])
            / (&a.index_axis(Axis(1), 0).insert_axis(Axis(0))
                * &a.index_axis(Axis(1), 0).insert_axis(Axis(0))
                + 0.5)),
        &vec![0usize; 3],
    );
    let t2 = if c[[2, 3]] < 0.273 {
        ad_runtime::ndarray::concatenate(
            Axis(1),
            &[b.slice(s![.., 2..4]).exp().view(), b.dot(&c.t()).view()],
        )
        .unwrap()
    } else {
        b.slice(s![.., ..2]).dot(b).mapv(|v| v * v + 1.0).powf(1.5)
    };
    let t3 = c.index_axis(Axis(1), 1);
    (p.exp() - (a.sum() + 0.711_f64)).tanh()
        + 0.574 * s
        + 0.204 * p
        + 0.622 * t1
        + 0.303 * t2.sum()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_f213() {
    let mut rng = Rng::new(231302676);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let s = -0.9699;
    let p = -0.6518;
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_p, d_c)) = f213_grad(&a, &b, s, p, c.clone());
    common::assert_near(v, f213(&a, &b, s, p, c.clone()), "value");
    assert_fd_array(|xx| f213(xx, &b, s, p, c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f213(&a, xx, s, p, c.clone()), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f213(&a, &b, xx[()], p, c.clone()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f213(&a, &b, s, xx[()], c.clone()),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(|xx| f213(&a, &b, s, p, xx.clone()), &c, &d_c, "dc");
}

// dims (2, 4, 3)
#[differentiable]
fn f214(a: &Array2<f64>, s: f64) -> f64 {
    let mut t1 = Array2::<f64>::zeros((3, 4));
    let mut t2: f64 = t1.sum();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = &(&t1 + &t1) * a[[2, 3]].exp().sqrt().tanh() + t1;
        t2 += a.sum().tanh();
    }
    let t3: Array2<f64> = (t1
        .fold_axis(Axis(0), f64::INFINITY, |&m, &v| m.min(v))
        .mapv(|v| v)
        / ((s + 0.27).abs() * (s + 0.27).abs() + 1.0))
        .insert_axis(Axis(1))
        - &a.t().dot(&a.slice(s![.., ..3]).exp().sqrt());
    let t4 = &ad_runtime::ndarray::concatenate(
        Axis(0),
        &[a.slice(s![1.., ..3]), t3.slice(s![1..3, ..])],
    )
    .unwrap()
        + nn::cross_entropy(&a.slice(s![1.., ..]), &vec![2usize; 2]);
    let t5 = nn::sigmoid(
        &(&t4.t().sin().map(|&v| ((v * t2) * (v * t2) + 1.0).ln())
            / &(nn::sigmoid(&a.mapv(f64::sin).powi(2)) + 0.25)),
    );
    let t6 = t4.index_axis(Axis(0), 1);
    (&(t1.mean().unwrap() / Array::from_elem(2, 1.5_f64))
        * &(t1.mean().unwrap() / Array::from_elem(2, 1.5_f64)))
        .sum()
        + 0.606 * t5.sum()
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f214() {
    let mut rng = Rng::new(231302688);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let s = -0.9826;
    let (v, (d_a, d_s)) = f214_grad(&a, s);
    common::assert_near(v, f214(&a, s), "value");
    assert_fd_array(|xx| f214(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f214(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (2, 5, 3)
#[differentiable]
fn f215(a: &Array1<f64>) -> f64 {
    let t1: f64 = -1.06_f64;
    let t2 = t1 - &Array::from_elem((2, 5), 1.5_f64).to_shape(10).unwrap();
    let t3 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            ad_runtime::ndarray::concatenate(
                Axis(0),
                &[
                    Array1::<f64>::linspace(-0.5, 0.5, 3).view(),
                    Array::from_elem(2, 0.25_f64).view(),
                ],
            )
            .unwrap()
            .view(),
            (Array1::<f64>::linspace(-0.5, 0.5, 5) * t1).view(),
        ],
    )
    .unwrap();
    let t4 = t3.view();
    let t5 = (Array1::<f64>::linspace(-0.5, 0.5, 2) - Array1::<f64>::ones(2))
        .dot(&(t1 / &Array::from_elem(2, 1.5_f64)));
    t5 + (a * a).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
        + 0.22 * t5
}

#[test]
fn test_f215() {
    let mut rng = Rng::new(231302700);
    let a = rand(&mut rng, 10, 0.5, 1.5);
    let (v, d_a) = f215_grad(&a);
    common::assert_near(v, f215(&a), "value");
    assert_fd_array(|xx| f215(xx), &a, &d_a, "da");
}

// dims (3, 5, 2)
#[differentiable]
fn h216(a: &Array2<f64>, s: f64, p: f64) -> f64 {
    let t1 = a.t();
    ((p - 1.49_f64) - p) + 0.541 * s + 0.919 * p + (&t1 * &t1).mean().unwrap()
}

#[test]
fn test_h216() {
    let mut rng = Rng::new(231302712);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let s = -0.9980;
    let p = 1.0129;
    let (v, (d_a, d_s, d_p)) = h216_grad(&a, s, p);
    common::assert_near(v, h216(&a, s, p), "value");
    assert_fd_array(|xx| h216(xx, s, p), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h216(&a, xx[()], p),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| h216(&a, s, xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_p = 0.7;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let (vj, tj) = h216_jvp(&a, s, p, &t_a, t_s, t_p);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + d_p * t_p;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (d_p * t_p).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_p), (hh_a, hh_s, hh_p)) = h216_hvp(&a, s, p, &t_a, t_s, t_p);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_p)) = h216_grad(&pp_a, pp_s, pp_p);
    let (_, (gm_a, gm_s, gm_p)) = h216_grad(&pm_a, pm_s, pm_p);
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

// dims (3, 5, 2)
#[differentiable]
fn f216(a: ArrayView2<f64>) -> f64 {
    let t1: ArrayView2<f64> = a.view();
    let mut t2: Array2<f64> = t1
        .t()
        .to_shape(((5, 2), Order::ColumnMajor))
        .unwrap()
        .into_owned()
        .to_owned();
    let mut t3: f64 = 0.967_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = -&t1;
        let t5: f64 = a.var(1.0);
        t2 = (&t2 + &(Array::from_elem((5, 5), 1.5_f64).dot(&a) - t4).mapv(f64::tanh))
            .mapv(f64::tanh);
        t3 += ((i as f64 * 0.3) + t5).tanh();
    }
    let t6: f64 = (&(&t1.row(4).insert_axis(Axis(0)) / &a.column(0).insert_axis(Axis(1)).exp())
        * &(&t1.row(4).insert_axis(Axis(0)) / &a.column(0).insert_axis(Axis(1)).exp()))
        .sum();
    let mut t7: Array1<f64> = a.t().dot(&t1.column(1));
    let mut t8: f64 = t7.sum().powi(2).tanh();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t9 = nn::mse(&t1, &t2);
        let t10: Array1<f64> = &Array::from_elem(3, 1.5_f64) - Array::from_elem(3, 0.25_f64);
        t7 = &t7 * 0.7 + &nn::sigmoid(&(r.mean().unwrap() + &nn::logsumexp(&t2, Axis(0))));
        t8 = t8 * 0.8 - (t9 + t10.mean().unwrap()).tanh();
    }
    let t11 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            a.slice(s![3.., ..]),
            nn::sigmoid(&a.slice(s![..3, ..])).view(),
        ],
    )
    .unwrap();
    t11[[4, 1]] + 0.628 * t3 + 0.998 * t6 + 0.857 * t8 + 0.714 * t11.sum()
}

#[test]
fn test_f216() {
    let mut rng = Rng::new(231302714);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (v, d_a) = f216_grad(a.view());
    common::assert_near(v, f216(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f216(xx.view()), &a, &d_a, "da");
}

// dims (2, 5, 4)
#[differentiable]
fn f217(a: ArrayView2<f64>, s: f64) -> Array2<f64> {
    let t1 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            a.slice(s![..2, ..4])
                .dot(
                    &(&a.var_axis(Axis(0), 0.0).insert_axis(Axis(0))
                        + a.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1))),
                )
                .view(),
            (&a.slice(s![1..3, ..]).mapv(f64::exp) - a[[3, 0]].powi(2)).view(),
        ],
    )
    .unwrap();
    let t2 = s;
    let t3: f64 =
        if ((t1.mean().unwrap() - 0.531_f64).tanh() / t1.mean().unwrap().tanh().exp().exp()).tanh()
            < -0.131
        {
            nn::cross_entropy(&a.slice(s![1..3, ..]), &vec![1usize; 2]).cos()
        } else {
            a.mean().unwrap().tanh()
        };
    (-&t1.dot(&Array::from_elem((5, 5), 1.5_f64)).tanh()) + (t2 + t3)
}

#[test]
fn test_f217() {
    let mut rng = Rng::new(231302726);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let s = 0.8705;
    let seed = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (y, (d_a, d_s)) = f217_vjp(a.view(), s, seed.clone());
    assert_array(&y, &f217(a.view(), s), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &f217(xx.view(), s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f217(a.view(), xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (5, 3, 2)
#[differentiable]
fn h218(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let t1 = a.index_axis(Axis(1), 0);
    let t2 = -&t1
        .map(|&v| ((if v > 0.12 { v } else { v }) * (if v > 0.12 { v } else { v }) + 0.5).sqrt());
    let t3 = if (t2.var(1.0) * (t2[0] / ((-0.717_f64) * (-0.717_f64) + 1.0))).tanh() > 0.469 {
        ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                b.dot(&Array::from_elem((5, 3), 1.5_f64)).view(),
                b.dot(&Array::from_elem((5, 2), 1.5_f64)).view(),
            ],
        )
        .unwrap()
    } else {
        (&t1.insert_axis(Axis(0)) * &b.view().insert_axis(Axis(1))).dot(&(&t2 * &t2))
    };
    ((b.sum() * 1.29_f64) + b.var(1.0)) + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_h218() {
    let mut rng = Rng::new(231302738);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b)) = h218_grad(&a, &b);
    common::assert_near(v, h218(&a, &b), "value");
    assert_fd_array(|xx| h218(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| h218(&a, xx), &b, &d_b, "db");
}

// dims (5, 3, 2)
#[differentiable]
fn f218(
    a: Array1<f64>,
    b: Array1<f64>,
    c: Array2<f64>,
    s: f64,
    k: usize,
    d: Array2<f64>,
) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = Array::from_elem((3, 5), 1.5_f64)
        .to_shape((5, 3))
        .unwrap()
        .into_owned()
        .to_shape(((5, 3), ord))
        .unwrap()
        .to_owned();
    let t2 = (a[0] + a.sum()).powi(2).tanh();
    let mut t3: Array2<f64> = Array2::<f64>::zeros((2, 3));
    let mut t4: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t5 = t3.fold_axis(Axis(0), f64::INFINITY, |&acc, &x| {
            ((x - t2).powi(2)).min(acc)
        });
        let t6: Array1<f64> = b.sin();
        t3 = (&t3 + &c.mapv(|v| if v > 0.107 { v * s } else { v * s })).mapv(f64::tanh);
        t4 = (t4 + ((t1.sum() + nn::mse(&a, &t5)).tanh() + t6.mean().unwrap())).tanh();
    }
    let mut t7: Array1<f64> = -b;
    let mut t8: f64 = nn::cross_entropy(&t1, &vec![1usize; 5]);
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t9 = c[[0, 1]].cos();
        let t10 = d.std(0.0);
        t7 = &r * t3[[0, 1]].powi(2) + t7;
        t8 += (((t3.sum().tanh().exp() + 0.438).abs() + t9) + t10).tanh();
    }
    let mut t11: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t12 = a[i + 1] - a[i] * a[i];
        let t13 = 1.0 - a[i];
        t11 += 1.33 * t12 * t12 + t13 * t13;
    }
    let t14 = t11.tanh();
    let mut t15: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t16: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t17: f64 = t16.sin();
        let t18: Array1<f64> = nn::logsumexp(&d, Axis(0)).mapv(|v| {
            ((((v * t16) * (v * t16) + 1.0).ln()) * (((v * t16) * (v * t16) + 1.0).ln()) + 0.5)
                .sqrt()
        });
        t15 = &(&r + t18).mapv(f64::tanh) * t4 + t15;
        t16 = (t16
            + ((&t1.fold_axis(Axis(1), f64::INFINITY, |&m, &x| f64::min(m, x))
                * &t1.fold_axis(Axis(1), f64::INFINITY, |&m, &x| f64::min(m, x)))
                .sum()
                + t17)
                .tanh())
        .tanh();
    }
    (&t1.t().var_axis(Axis(1), 0.0) - (-&t15))
        + ((&t7 * &t7).mean().unwrap() + t8 + t14 + t15.sum())
}

#[test]
fn test_f218() {
    let mut rng = Rng::new(231302740);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let s = -1.0825;
    let d = rand(&mut rng, (2, 3), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 3, -1.0, 1.0);
        let (y, (d_a, d_b, d_c, d_s, d_d)) = f218_vjp(
            a.clone(),
            b.clone(),
            c.clone(),
            s,
            k,
            d.clone(),
            seed.clone(),
        );
        assert_array(
            &y,
            &f218(a.clone(), b.clone(), c.clone(), s, k, d.clone()),
            "value",
        );
        assert_fd_array(
            |xx| {
                inner(
                    &seed,
                    &f218(xx.clone(), b.clone(), c.clone(), s, k, d.clone()),
                )
            },
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| {
                inner(
                    &seed,
                    &f218(a.clone(), xx.clone(), c.clone(), s, k, d.clone()),
                )
            },
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| {
                inner(
                    &seed,
                    &f218(a.clone(), b.clone(), xx.clone(), s, k, d.clone()),
                )
            },
            &c,
            &d_c,
            "dc",
        );
        let fd_s = fd(
            |xx: &Array<f64, _>| {
                inner(
                    &seed,
                    &f218(a.clone(), b.clone(), c.clone(), xx[()], k, d.clone()),
                )
            },
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(
            |xx| {
                inner(
                    &seed,
                    &f218(a.clone(), b.clone(), c.clone(), s, k, xx.clone()),
                )
            },
            &d,
            &d_d,
            "dd",
        );
    }
}

// dims (2, 3, 5)
#[differentiable]
fn h219(a: &Array1<f64>) -> f64 {
    let t1 = &(a / &a.exp()) - nn::softmax(a, Axis(0));
    let t2 = Array::from_elem((3, 6), 1.5_f64)
        .fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &v: &f64| {
            (v * 0.963).max(m)
        })
        .map(|&v| {
            if v > 0.124 {
                (v * v + 0.5).sqrt()
            } else {
                if v > -0.223 { v } else { v }
            }
        });
    nn::cross_entropy(&t1.to_shape(((2, 3), Order::C)).unwrap(), &vec![0usize; 2])
        + (&t1 * &t1).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
}

#[test]
fn test_h219() {
    let mut rng = Rng::new(231302752);
    let a = rand(&mut rng, 6, -1.0, 1.0);
    let (v, d_a) = h219_grad(&a);
    common::assert_near(v, h219(&a), "value");
    assert_fd_array(|xx| h219(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 6, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h219_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h219_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h219_grad(&pp_a);
    let (_, gm_a) = h219_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 3, 5)
#[differentiable]
fn f219(
    a: &Array2<f64>,
    b: ArrayView2<f64>,
    c: &Array2<f64>,
    d: &Array2<f64>,
    w: &Array1<f64>,
) -> Array1<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..w.len() - 1 {
        t1 += w[i] * w[i + 1];
    }
    let t2 = h219(&(a[[1, 1]] * &Array1::<f64>::linspace(-0.5, 0.5, 6)));
    let t3 = t2.tanh();
    let t4 = b.column(2);
    let t5 = c[[1, 4]].powi(2).powi(2);
    let mut t6: Array1<f64> = w.exp().ln().to_owned();
    let mut t7: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        t6 = &t6 * 0.7 + &b.slice(s![1..4, ..]).dot(&t6).mapv(f64::tanh);
        t7 += (w / (nn::sigmoid(w) + 0.25)).sum().tanh();
    }
    (nn::logsumexp(&b, Axis(0))
        / (nn::sigmoid(&b.fold_axis(Axis(0), f64::NEG_INFINITY, |m, x| m.max(*x * t5))) + 0.25))
        + (t1 + t2 + t3 + (&t4 * &t4).mean().unwrap() + t5 + t7)
}

#[test]
fn test_f219() {
    let mut rng = Rng::new(231302754);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let d = rand(&mut rng, (3, 5), 0.5, 1.5);
    let w = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d, d_w)) = f219_vjp(&a, b.view(), &c, &d, &w, seed.clone());
    assert_array(&y, &f219(&a, b.view(), &c, &d, &w), "value");
    assert_fd_array(
        |xx| inner(&seed, &f219(xx, b.view(), &c, &d, &w)),
        &a,
        &d_a,
        "da",
    );
    let d_b: Array2<f64> = d_b;
    assert_fd_array(
        |xx| inner(&seed, &f219(&a, xx.view(), &c, &d, &w)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f219(&a, b.view(), xx, &d, &w)),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f219(&a, b.view(), &c, xx, &w)),
        &d,
        &d_d,
        "dd",
    );
    assert_fd_array(
        |xx| inner(&seed, &f219(&a, b.view(), &c, &d, xx)),
        &w,
        &d_w,
        "dw",
    );
}

// dims (4, 3, 2)
#[differentiable]
fn h220(a: &Array1<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = (a + a).to_owned();
    if nn::cross_entropy_one_hot(
        &Array::from_elem((4, 3), 1.5_f64).mapv_into(|v| ((v * v + 1.0).ln()) * (v.sin())),
        &nn::softmax(
            &Array::from_elem((3, 4), 0.5_f64)
                .to_shape((12, Order::F))
                .unwrap()
                .into_owned()
                .into_shape_with_order(((4, 3), Order::RowMajor))
                .unwrap(),
            Axis(1),
        ),
    ) < 0.699
    {
        let t2: f64 = a[2];
        t1 = &t1 * 0.761 + &(&t1 - 1.26_f64).mapv(f64::tanh);
    } else {
        t1 = &(&a.dot(&Array::from_elem((3, 3), 1.5_f64)) * 0.444) - &t1;
    }
    nn::softmax(&t1, Axis(0))
}

#[test]
fn test_h220() {
    let mut rng = Rng::new(231302766);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, d_a) = h220_vjp(&a, seed.clone());
    assert_array(&y, &h220(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h220(xx)), &a, &d_a, "da");
}

// dims (4, 3, 2)
#[differentiable]
fn f220(
    a: &Array1<f64>,
    b: &Array1<f64>,
    c: &Array2<f64>,
    k: usize,
    d: &Array1<f64>,
    w: &Array1<f64>,
) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1: Array2<f64> = ad_runtime::ndarray::concatenate(Axis(1), &[c.view(), c.view()])
        .unwrap()
        .to_shape(((4, 3), ord))
        .unwrap()
        .to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t2 += b[i] * b[i + 1];
    }
    let t3: Array1<f64> = &(nn::cross_entropy_one_hot(&t1, &nn::softmax(&t1, Axis(1)))
        / nn::logsumexp(c, Axis(0)).mapv(|v| v * v + 1.0))
        - (d * d).tanh();
    let t4: Array1<f64> = (-d)
        .tanh()
        .map(|&v| (((v * v + 1.0).ln()) * ((v * v + 1.0).ln()) + 0.5).sqrt());
    c.index_axis(Axis(1), 1)
        .mapv(|v| v)
        .dot(&(&c.var_axis(Axis(1), 0.0).insert_axis(Axis(1)) * c))
        * ((a * a).mean().unwrap() + (w * w).mean().unwrap() + t2 + t3.sum() + t4.sum())
}

#[test]
fn test_f220() {
    let mut rng = Rng::new(231302768);
    let a = rand(&mut rng, 12, -1.0, 1.0);
    let b = rand(&mut rng, 12, -1.0, 1.0);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let d = rand(&mut rng, 2, 0.5, 1.5);
    let w = rand(&mut rng, 12, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 2, -1.0, 1.0);
        let (y, (d_a, d_b, d_c, d_d, d_w)) = f220_vjp(&a, &b, &c, k, &d, &w, seed.clone());
        assert_array(&y, &f220(&a, &b, &c, k, &d, &w), "value");
        assert_fd_array(
            |xx| inner(&seed, &f220(xx, &b, &c, k, &d, &w)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f220(&a, xx, &c, k, &d, &w)),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f220(&a, &b, xx, k, &d, &w)),
            &c,
            &d_c,
            "dc",
        );
        assert_fd_array(
            |xx| inner(&seed, &f220(&a, &b, &c, k, xx, &w)),
            &d,
            &d_d,
            "dd",
        );
        assert_fd_array(
            |xx| inner(&seed, &f220(&a, &b, &c, k, &d, xx)),
            &w,
            &d_w,
            "dw",
        );
    }
}

// dims (2, 3, 4)
#[differentiable]
fn h221(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    let t1 = a.slice(s![1..]);
    let t2 = t1.slice(s![1..]);
    (((-1.3_f64) + 0.531).abs() + 0.324).abs() + (b * b).mean().unwrap() + 0.764 * t2.sum()
}

#[test]
fn test_h221() {
    let mut rng = Rng::new(231302780);
    let a = rand(&mut rng, 4, 0.5, 1.5);
    let b = rand(&mut rng, (4, 3), 0.5, 1.5);
    let (v, (d_a, d_b)) = h221_grad(&a, &b);
    common::assert_near(v, h221(&a, &b), "value");
    assert_fd_array(|xx| h221(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| h221(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h221_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h221_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h221_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = h221_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (2, 3, 4)
#[differentiable]
fn f221(a: Array2<f64>, k: usize) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = a.to_shape(((2, 3), ord)).unwrap();
    let t2 = t1.index_axis(Axis(1), 2);
    let t3 = if (nn::cross_entropy(&a, &vec![0usize; 2]) * nn::cross_entropy(&a, &vec![0usize; 2])
        + 1.0)
        .ln()
        > 1.03
    {
        &(-&t2) * t2.dot(&a.slice(s![.., 1..]))
    } else {
        t2.cos()
    };
    let t4 = t2[1];
    let mut t5: Array1<f64> = &t1.index_axis(Axis(0), 1)
        / &(nn::sigmoid(&a.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| (v * t4).max(m))) + 0.25);
    let mut t6: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t5 = &t5 * 0.7 + &r;
        t6 = (t6 + nn::relu(&r).std(1.0)).tanh();
    }
    (-&t1.t()).var_axis(Axis(0), 1.0) * (t3.sum() + (&t5 * &t5).mean().unwrap() + t6)
}

#[test]
fn test_f221() {
    let mut rng = Rng::new(231302782);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    for k in 0..2usize {
        let seed = rand(&mut rng, 2, -1.0, 1.0);
        let (y, d_a) = f221_vjp(a.clone(), k, seed.clone());
        assert_array(&y, &f221(a.clone(), k), "value");
        assert_fd_array(|xx| inner(&seed, &f221(xx.clone(), k)), &a, &d_a, "da");
    }
}

// dims (4, 5, 2)
#[differentiable(wrt(a, b, s))]
fn f222(a: &Array2<f64>, b: ArrayView2<f64>, s: f64, c: Array1<f64>) -> f64 {
    let t1 = s;
    let t2: Array2<f64> = (b.std_axis(Axis(0), 0.0) / (nn::sigmoid(&b) + 0.25)).tanh();
    let t3 = &Array::from_elem((20, 2), 0.5_f64).mapv(f64::cos).fold_axis(
        Axis(1),
        f64::NEG_INFINITY,
        |&acc, &x| acc.max((x - t1).powi(2)),
    ) / (((s + 0.447).abs() * t1).powi(2) + 0.5);
    let mut t4: f64 = (c.sum() * t1).tanh();
    if b.slice(s![.., 3..])
        .mapv(|v| v * v + 1.0)
        .sqrt()
        .mean()
        .unwrap()
        > -0.406
    {
        t4 = t4 * 0.539 + (a[[3, 0]] / (a.sum() * a.sum() + 1.0));
    } else {
        t4 = s.exp().tanh() - t4;
    }
    let t5 = nn::softplus(&(&t2.row(1) - &b).mapv(f64::tanh));
    let mut t6: f64 = 0.0;
    for i in 0..19 {
        t6 = t6 * 0.8 + t3[i].sin() * t3[i + 1];
    }
    let t7 = t6.tanh();
    s + 0.731 * t4 + 0.881 * t5.sum() + 0.744 * t7
}

#[test]
fn test_f222() {
    let mut rng = Rng::new(231302794);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let s = -0.5596;
    let c = rand(&mut rng, 20, -1.0, 1.0);
    let (v, (d_a, d_b, d_s)) = f222_grad(&a, b.view(), s, c.clone());
    common::assert_near(v, f222(&a, b.view(), s, c.clone()), "value");
    assert_fd_array(|xx| f222(xx, b.view(), s, c.clone()), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f222(&a, xx.view(), s, c.clone()), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f222(&a, b.view(), xx[()], c.clone()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f222_jvp(&a, b.view(), s, c.clone(), &t_a, t_b.view(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) =
        f222_hvp(&a, b.view(), s, c.clone(), &t_a, t_b.view(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = f222_grad(&pp_a, pp_b.view(), pp_s, c.clone());
    let (_, (gm_a, gm_b, gm_s)) = f222_grad(&pm_a, pm_b.view(), pm_s, c.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (5, 3, 4)
#[differentiable]
fn f223(a: Array2<f64>, s: f64, b: &Array1<f64>, c: &Array1<f64>, d: Array1<f64>) -> Array1<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t1 += (c[i + 1] * s - c[i]).tanh();
    }
    let t2 = if (&a + &a).var(1.0) > -0.365 {
        &(t1 - &a.row(3)).insert_axis(Axis(0)) + &c.view().insert_axis(Axis(1))
    } else {
        -&(&a * &a.row(2))
    };
    let mut t3: f64 = 0.0;
    for i in 0..b.len() - 1 {
        let t4 = b[i + 1] - b[i] * b[i];
        let t5 = 1.0 - b[i];
        t3 += 0.972 * t4 * t4 + t5 * t5;
    }
    let t6: f64 = t3.tanh();
    (&t2.row(3) * t2.std_axis(Axis(0), 1.0).mapv(f64::tanh))
        .dot(&t2.t().powi(2).tanh())
        .mapv(f64::tanh)
        + (d.sum() + t2.sum() + t6)
}

#[test]
fn test_f223() {
    let mut rng = Rng::new(231302806);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = -0.7318;
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, 4, 0.5, 1.5);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_s, d_b, d_c, d_d)) = f223_vjp(a.clone(), s, &b, &c, d.clone(), seed.clone());
    assert_array(&y, &f223(a.clone(), s, &b, &c, d.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f223(xx.clone(), s, &b, &c, d.clone())),
        &a,
        &d_a,
        "da",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f223(a.clone(), xx[()], &b, &c, d.clone())),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| inner(&seed, &f223(a.clone(), s, xx, &c, d.clone())),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f223(a.clone(), s, &b, xx, d.clone())),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f223(a.clone(), s, &b, &c, xx.clone())),
        &d,
        &d_d,
        "dd",
    );
}

// dims (2, 4, 3)
#[differentiable]
fn f224(a: Array2<f64>, k: usize) -> f64 {
    let ord = match k {
        0 => Order::F,
        _ => Order::C,
    };
    let t1 = Array::from_elem((4, 2), 1.5_f64)
        .to_shape(((2, 4), ord))
        .unwrap()
        .into_owned();
    let t2 = t1.index_axis(Axis(1), 2);
    let t3: f64 = -1.01_f64;
    let t4 = t2.view();
    let t5: Array2<f64> =
        a.t().abs() / (nn::softplus(&a.index_axis(Axis(1), 1).insert_axis(Axis(0))) + 0.5);
    t3.cos().cos() + 0.213 * t3 + (&t4 * &t4).mean().unwrap() + 0.991 * t5.sum()
}

#[test]
fn test_f224() {
    let mut rng = Rng::new(231302818);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f224_grad(a.clone(), k);
        common::assert_near(v, f224(a.clone(), k), "value");
        assert_fd_array(|xx| f224(xx.clone(), k), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f224_jvp(a.clone(), k, t_a.clone());
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f224_hvp(a.clone(), k, t_a.clone());
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f224_grad(pp_a.clone(), k);
        let (_, gm_a) = f224_grad(pm_a.clone(), k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (3, 2, 5)
#[differentiable]
fn h225(a: &Array2<f64>, s: f64, b: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = a.index_axis(Axis(1), 0).to_owned();
    if t1.mean().unwrap() > 0.11 {
        let t2: f64 = a[[0, 0]].exp().ln();
        t1 = &t1 * 0.896 + &(s + &t1);
    }
    let t3 = ((-1.09_f64) / &a.t().mapv(|v| v * v + 1.0)).var_axis(Axis(1), 0.0);
    let t4 = if nn::softplus(&Array1::<f64>::linspace(-0.5, 0.5, 3))
        .dot(&Array::from_elem((3, 2), 0.5_f64).dot(&t1))
        < 0.132
    {
        s.exp()
            / (nn::cross_entropy_one_hot(
                &Array::from_elem((3, 2), 0.25_f64),
                &nn::softmax(&Array::from_elem((3, 2), 1.5_f64), Axis(1)),
            ) * nn::cross_entropy_one_hot(
                &Array::from_elem((3, 2), 0.25_f64),
                &nn::softmax(&Array::from_elem((3, 2), 1.5_f64), Axis(1)),
            ) + 1.0)
    } else {
        t3.dot(b).cos()
    };
    ((-0.785_f64) + 0.302).abs().powi(2) + 0.342 * t4
}

#[test]
fn test_h225() {
    let mut rng = Rng::new(231302830);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let s = 0.5545;
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_s, d_b)) = h225_grad(&a, s, &b);
    common::assert_near(v, h225(&a, s, &b), "value");
    assert_fd_array(|xx| h225(xx, s, &b), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h225(&a, xx[()], &b),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| h225(&a, s, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h225_jvp(&a, s, &b, &t_a, t_s, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum();
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b), (hh_a, hh_s, hh_b)) = h225_hvp(&a, s, &b, &t_a, t_s, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b)) = h225_grad(&pp_a, pp_s, &pp_b);
    let (_, (gm_a, gm_s, gm_b)) = h225_grad(&pm_a, pm_s, &pm_b);
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

// dims (3, 2, 5)
#[differentiable]
fn f225(a: &Array2<f64>, s: f64) -> Array1<f64> {
    let mut t1 = Array1::<f64>::zeros(5);
    let mut t2: f64 = t1.sum();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = &(&r - &a.column(3).dot(a)).mapv(f64::tanh) * r.mean().unwrap() + t1;
        t2 += t1.sum().tanh();
    }
    let t3: f64 = nn::mse(&a.column(0).dot(a), &a.sum_axis(Axis(0)));
    let t4: Array1<f64> = a.slice(s![.., 1..4]).dot(a).mean_axis(Axis(0)).unwrap();
    let t5 = &a.row(1) - (t4[0] * t3).tanh();
    let mut t6: Array1<f64> = -&t5;
    let mut t7: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t6 = (&t6 + &(&r + &t5.mapv(|v| (v * 0.895).sin()))).mapv(f64::tanh);
        t7 = (t7 + (a.index_axis(Axis(0), 2).var(1.0).powi(2) + 0.5).sqrt()).tanh();
    }
    let t8: f64 = if (s - a[[2, 4]]) < 0.8 {
        t4[3]
    } else {
        nn::cross_entropy_one_hot(
            &a.slice(s![.., ..2]),
            &nn::softmax(&a.slice(s![.., 2..4]), Axis(1)),
        ) / (a.index_axis(Axis(0), 2).std(0.0).powi(2) + 0.5)
    };
    let mut t9: f64 = (&t4 * &t4).sum();
    if (t2 + 0.594).abs() < -0.0684 {
        t9 = t9 * 0.442 + (t4[1].powi(2) + 0.5).sqrt().tanh();
    }
    nn::softmax(&(&t5 / &(nn::softplus(&t6) + 0.5)), Axis(0))
        + ((&t6 * &t6).mean().unwrap() + t7 + t8 + t9)
}

#[test]
fn test_f225() {
    let mut rng = Rng::new(231302832);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let s = -0.3965;
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_s)) = f225_vjp(&a, s, seed.clone());
    assert_array(&y, &f225(&a, s), "value");
    assert_fd_array(|xx| inner(&seed, &f225(xx, s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f225(&a, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 5, 3)
#[differentiable]
fn h226(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..4 {
        t1 += (a[i + 1] * 0.56 - a[i]).tanh();
    }
    let mut t2: f64 = 0.0;
    for i in 0..4 {
        t2 += (a[i + 1] * 1.47 - a[i]).tanh();
    }
    let t3 = nn::sigmoid(&b.std_axis(Axis(1), 0.0).dot(&(b + t2)));
    ((t1 * t1 + 1.0).ln() * (b[[3, 0]] * t3.sum())).tanh()
        + 0.976 * t1
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_h226() {
    let mut rng = Rng::new(231302844);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (v, (d_a, d_b)) = h226_grad(&a, &b);
    common::assert_near(v, h226(&a, &b), "value");
    assert_fd_array(|xx| h226(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| h226(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h226_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h226_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h226_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = h226_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (4, 5, 3)
#[differentiable]
fn f226(a: &Array2<f64>) -> Array2<f64> {
    let mut t1: Array2<f64> = a.mapv(|v| v * v + 1.0).sqrt().to_owned();
    if (((-1.39_f64).powi(2) + 0.5).ln() * t1[[1, 0]].ln()) > -0.462 {
        t1 = &t1 * 0.407 + &(-&t1);
    } else {
        t1 = &(-a) - &t1;
    }
    let t2 = Array::from_elem((5, 4), 0.25_f64)
        .dot(&Array2::<f64>::eye(4))
        .to_shape((4, 5))
        .unwrap()
        .into_owned()
        .mapv(f64::sin);
    let mut t3: Array1<f64> = t1[[3, 0]] * &nn::logsumexp(a, Axis(0));
    let mut t4: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t3 = &(&t1.fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &x: &f64| {
            ((x - t4).powi(2)).max(m)
        }) * 0.25)
            * t4
            + t3;
        t4 = t4 * 0.8 - t4;
    }
    (-&a.mapv(f64::sin)) * ((&t3 * &t3).mean().unwrap())
}

#[test]
fn test_f226() {
    let mut rng = Rng::new(231302846);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (y, d_a) = f226_vjp(&a, seed.clone());
    assert_array(&y, &f226(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f226(xx)), &a, &d_a, "da");
}

// dims (5, 2, 3)
#[differentiable]
fn h227(a: &Array1<f64>, s: f64) -> f64 {
    let t1: Array1<f64> = nn::sigmoid(a);
    let t2 = if t1.dot(&(a + a)) < -1.34 {
        (s + a).powi(2)
    } else {
        (&(&t1 + &t1) * &(&t1 + &t1) + 0.5).ln()
    };
    nn::cross_entropy(&Array::from_elem((5, 2), 1.5_f64).sqrt(), &vec![0usize; 5]) + 0.21 * t2.sum()
}

#[test]
fn test_h227() {
    let mut rng = Rng::new(231302858);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.3032;
    let (v, (d_a, d_s)) = h227_grad(&a, s);
    common::assert_near(v, h227(&a, s), "value");
    assert_fd_array(|xx| h227(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h227(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h227_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h227_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h227_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = h227_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (5, 2, 3)
#[differentiable]
fn f227(a: ArrayView2<f64>, b: Array1<f64>, c: Array1<f64>) -> f64 {
    let t1: Array2<f64> = if c.mean().unwrap() > -0.312 {
        ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                Array::from_elem((2, 3), 0.5_f64)
                    .to_shape(((3, 2), Order::ColumnMajor))
                    .unwrap()
                    .to_owned()
                    .view(),
                a.slice(s![1..3, ..])
                    .mapv(|v| ((v.exp()) * (v.exp()) + 1.0).ln())
                    .view(),
            ],
        )
        .unwrap()
    } else {
        a.t()
            .to_shape((10, Order::C))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((5, 2), Order::C))
            .unwrap()
    };
    let mut t2: f64 = 0.0;
    for i in 0..1 {
        t2 += b[i] * b[i + 1];
    }
    let t3: f64 = (a[[1, 0]].powi(2) + 0.5).sqrt();
    let mut t4: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t4 += c[i] * c[i + 1];
    }
    let mut t5: Array2<f64> = nn::sigmoid(&t1.dot(&t1.slice(s![3.., ..])));
    if c.dot(&c).tanh() > 0.451 {
        t5 = &t5 * 0.845 + &a;
    } else {
        t5 = &Array::from_elem((5, 3), 1.5_f64)
            .dot(&a.slice(s![1..4, ..]))
            .mapv(f64::tanh)
            - &t5;
    }
    t1[[3, 0]] + 0.662 * t2 + 0.8 * t3 + 0.955 * t4 + 0.224 * t5.sum()
}

#[test]
fn test_f227() {
    let mut rng = Rng::new(231302860);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f227_grad(a.view(), b.clone(), c.clone());
    common::assert_near(v, f227(a.view(), b.clone(), c.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f227(xx.view(), b.clone(), c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f227(a.view(), xx.clone(), c.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f227(a.view(), b.clone(), xx.clone()), &c, &d_c, "dc");
}

// dims (4, 3, 2)
#[differentiable]
fn h228(a: &Array1<f64>, b: Array1<f64>, s: f64) -> Array1<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..1 {
        t1 += a[i] * a[i + 1];
    }
    let t2: Array1<f64> = Array::from_elem((2, 2), 0.5_f64)
        .dot(&b)
        .mapv(|v| (v * t1).powi(2) - 0.5);
    (-(-a)) + (s + (&t2 * &t2).mean().unwrap())
}

#[test]
fn test_h228() {
    let mut rng = Rng::new(231302872);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let s = 0.5052;
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = h228_vjp(&a, b.clone(), s, seed.clone());
    assert_array(&y, &h228(&a, b.clone(), s), "value");
    assert_fd_array(|xx| inner(&seed, &h228(xx, b.clone(), s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h228(&a, xx.clone(), s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h228(&a, b.clone(), xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 3, 2)
#[differentiable]
fn f228(a: &Array2<f64>) -> Array2<f64> {
    let t1 = a.view().reversed_axes();
    let t2: Array2<f64> = &(-&Array::from_elem((3, 3), 0.5_f64).mapv(|v| (v * v).exp())).dot(
        &(t1.index_axis(Axis(1), 1).tanh().insert_axis(Axis(0))
            + (&a.fold_axis(Axis(1), f64::INFINITY, |&m, &v| v.min(m)) + &a.sum_axis(Axis(1)))
                .insert_axis(Axis(1))),
    ) * 0.13;
    let t3: Array2<f64> = Array::from_elem((3, 3), 0.5_f64).dot(&t2).abs()
        + (&t2
            .t()
            .fold_axis(Axis(1), f64::NEG_INFINITY, |&acc: &f64, &x: &f64| {
                x.max(acc)
            })
            / (t1
                .fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &x: &f64| m.max(x))
                .dot(&a.mean_axis(Axis(1)).unwrap())
                * t1.fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &x: &f64| m.max(x))
                    .dot(&a.mean_axis(Axis(1)).unwrap())
                + 1.0));
    let t4: ArrayView2<f64> = t2.t();
    let t5 = a.view().reversed_axes();
    let t6 = ad_runtime::ndarray::stack(
        Axis(1),
        &[
            t4.fold_axis(Axis(0), f64::INFINITY, |&m, &x| m.min(x))
                .exp()
                .view(),
            t5.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &x| x.max(m))
                .view(),
        ],
    )
    .unwrap();
    nn::sigmoid(
        &(ad_runtime::ndarray::stack(
            Axis(0),
            &[
                t5.fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &v: &f64| m.max(v))
                    .view(),
                t6.mean_axis(Axis(1)).unwrap().view(),
            ],
        )
        .unwrap()
            * a.sum_axis(Axis(1)).mapv(|v| {
                if v > -0.584 {
                    if v > 0.471 { v } else { v }
                } else {
                    (v * v + 1.0).ln()
                }
            })),
    ) * (t3.sum() + t6.sum())
}

#[test]
fn test_f228() {
    let mut rng = Rng::new(231302874);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (y, d_a) = f228_vjp(&a, seed.clone());
    assert_array(&y, &f228(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f228(xx)), &a, &d_a, "da");
}

// dims (3, 5, 4)
#[differentiable]
fn h229(a: &Array2<f64>, b: &Array2<f64>, c: Array1<f64>) -> Array2<f64> {
    let t1 = a.powi(2).var(0.0);
    let t2 = ((b.sum() / c[7].exp()).tanh() / (t1 - (-0.598_f64)).exp()).tanh();
    (-a).exp() * (t2)
}

#[test]
fn test_h229() {
    let mut rng = Rng::new(231302886);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, 15, -1.0, 1.0);
    let seed = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h229_vjp(&a, &b, c.clone(), seed.clone());
    assert_array(&y, &h229(&a, &b, c.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h229(xx, &b, c.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h229(&a, xx, c.clone())), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h229(&a, &b, xx.clone())), &c, &d_c, "dc");
}

// dims (3, 5, 4)
#[differentiable]
fn f229(a: Array1<f64>, b: &Array2<f64>, k: usize, c: Array1<f64>, d: &Array2<f64>) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = b
        .slice(s![.., 1..])
        .abs()
        .to_shape(((3, 5), ord))
        .unwrap()
        .to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t2 += c[i] * c[i + 1];
    }
    let t3: Array1<f64> = -&nn::softplus(&a);
    let t4 = -(&a - t2);
    let t5 = d.column(2);
    let mut t6: Array1<f64> = t5.cos().to_owned();
    let mut t7: f64 = (t2 + 0.356).abs();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t8 = &r * t2;
        let t9 = b.slice(s![.., 1..]).sum_axis(Axis(1));
        t6 = (&t6 + &c.exp().sqrt()).mapv(f64::tanh);
        t7 += ((((t2 - b.sum()).tanh() * (i as f64 * 0.3)) + t8.mean().unwrap())
            + t9.mean().unwrap())
        .tanh();
    }
    let t10: Array1<f64> =
        nn::sigmoid(&nn::softplus(&t4).map(|&v| (v * 0.849) * t2 + t2)).mapv(f64::exp);
    let t11 = h229(
        &t1.powi(2),
        &(-&b.t()),
        Array::from_elem(15, 0.5_f64).abs().to_owned(),
    );
    let t12: Array2<f64> = t11.mapv(f64::tanh);
    d.index_axis(Axis(0), 1).to_owned()
        * ((&t3 * &t3).mean().unwrap()
            + (&t6 * &t6).mean().unwrap()
            + t7
            + t10.sum()
            + (&t11 * &t11).mean().unwrap()
            + (&t12 * &t12).mean().unwrap())
}

#[test]
fn test_f229() {
    let mut rng = Rng::new(231302888);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), 0.5, 1.5);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, (3, 4), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 4, -1.0, 1.0);
        let (y, (d_a, d_b, d_c, d_d)) = f229_vjp(a.clone(), &b, k, c.clone(), &d, seed.clone());
        assert_array(&y, &f229(a.clone(), &b, k, c.clone(), &d), "value");
        assert_fd_array(
            |xx| inner(&seed, &f229(xx.clone(), &b, k, c.clone(), &d)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f229(a.clone(), xx, k, c.clone(), &d)),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f229(a.clone(), &b, k, xx.clone(), &d)),
            &c,
            &d_c,
            "dc",
        );
        assert_fd_array(
            |xx| inner(&seed, &f229(a.clone(), &b, k, c.clone(), xx)),
            &d,
            &d_d,
            "dd",
        );
    }
}

// dims (5, 2, 4)
#[differentiable]
fn f230(a: Array1<f64>, b: Array1<f64>, c: &Array2<f64>, d: &Array1<f64>, s: f64) -> f64 {
    let t1 = c.row(4);
    let mut t2: Array1<f64> = (d * &b).to_owned();
    let mut t3: f64 = (&c.slice(s![.., 2..]) * &c.slice(s![.., 2..])).sum();
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t4 = d;
        t2 = (&t2 + &(d - t4)).mapv(f64::tanh);
        t3 += c.dot(&t1).var(1.0).tanh();
    }
    let t5: f64 = t3.tanh();
    let t6 = a.view();
    let t7 = if t3 > 0.133 {
        t5
    } else {
        c[[4, 1]].tanh().exp().sqrt()
    };
    let t8 = t1.view();
    (s.cos() + 1.32_f64.sqrt())
        + 0.899 * s
        + (&t2 * &t2).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
        + 0.749 * t7
        + 0.436 * t8.sum()
}

#[test]
fn test_f230() {
    let mut rng = Rng::new(231302900);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), 0.5, 1.5);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let s = -0.5030;
    let (v, (d_a, d_b, d_c, d_d, d_s)) = f230_grad(a.clone(), b.clone(), &c, &d, s);
    common::assert_near(v, f230(a.clone(), b.clone(), &c, &d, s), "value");
    assert_fd_array(|xx| f230(xx.clone(), b.clone(), &c, &d, s), &a, &d_a, "da");
    assert_fd_array(|xx| f230(a.clone(), xx.clone(), &c, &d, s), &b, &d_b, "db");
    assert_fd_array(|xx| f230(a.clone(), b.clone(), xx, &d, s), &c, &d_c, "dc");
    assert_fd_array(|xx| f230(a.clone(), b.clone(), &c, xx, s), &d, &d_d, "dd");
    let fd_s = fd(
        |xx: &Array<f64, _>| f230(a.clone(), b.clone(), &c, &d, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 5, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_s = 1.1;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f230_jvp(
        a.clone(),
        b.clone(),
        &c,
        &d,
        s,
        t_a.clone(),
        t_b.clone(),
        &t_c,
        &t_d,
        t_s,
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum()
        + (&d_b * &t_b).sum()
        + (&d_c * &t_c).sum()
        + (&d_d * &t_d).sum()
        + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum()
        + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_s), (hh_a, hh_b, hh_c, hh_d, hh_s)) = f230_hvp(
        a.clone(),
        b.clone(),
        &c,
        &d,
        s,
        t_a.clone(),
        t_b.clone(),
        &t_c,
        &t_d,
        t_s,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_s)) =
        f230_grad(pp_a.clone(), pp_b.clone(), &pp_c, &pp_d, pp_s);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_s)) =
        f230_grad(pm_a.clone(), pm_b.clone(), &pm_c, &pm_d, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (2, 3, 4)
#[differentiable]
fn f231(a: &Array1<f64>, b: &Array1<f64>, c: ArrayView2<f64>) -> f64 {
    let t1: f64 = 1.44_f64 - a.sum();
    let t2 = a.sin();
    let t3: Array1<f64> = (&c
        .slice(s![.., ..2])
        .to_shape((6, Order::C))
        .unwrap()
        .into_owned()
        / &(nn::softplus(
            &c.fold_axis(Axis(1), f64::INFINITY, |&m, &v| f64::min(m, v))
                .dot(&Array::from_elem((3, 6), 0.25_f64)),
        ) + 0.5))
        + ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                Array::from_elem(2, 1.5_f64).view(),
                c.t().sum_axis(Axis(1)).view(),
            ],
        )
        .unwrap();
    let t4 = t3.view();
    let t5: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (-&Array::from_elem(2, 0.5_f64)).view(),
            c.view()
                .reversed_axes()
                .dot(&c.mean_axis(Axis(1)).unwrap())
                .view(),
        ],
    )
    .unwrap();
    let mut t6: Array1<f64> = c
        .slice(s![1.., ..2])
        .to_shape((4, Order::RowMajor))
        .unwrap()
        .into_owned()
        .to_owned();
    let mut t7: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t8 = r;
        let t9: Array1<f64> = (&c.row(2) * &c.row(2) + 0.5).ln();
        t6 = &nn::sigmoid(&((&r + &t8) - &t9)) * (&t5 * &t5).sum().tanh() + t6;
        t7 = (t7 + (i as f64 * 0.3)).tanh();
    }
    let t10 = nn::sigmoid(&(c.mapv(|v| ((v * t7).exp()) * t7 + t7) + (-&c)).mapv(|v| {
        if v > 0.103 {
            (v * 0.756).tanh().exp()
        } else {
            v.powi(2) - 0.5
        }
    }));
    nn::cross_entropy(&t10.slice(s![1.., ..3]), &vec![0usize; 2]).sin()
        + (b * b).mean().unwrap()
        + 0.857 * t1
        + 0.759 * t2.sum()
        + (&t4 * &t4).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
        + 0.295 * t10.sum()
}

#[test]
fn test_f231() {
    let mut rng = Rng::new(231302912);
    let a = rand(&mut rng, 6, -1.0, 1.0);
    let b = rand(&mut rng, 6, -1.0, 1.0);
    let c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f231_grad(&a, &b, c.view());
    common::assert_near(v, f231(&a, &b, c.view()), "value");
    assert_fd_array(|xx| f231(xx, &b, c.view()), &a, &d_a, "da");
    assert_fd_array(|xx| f231(&a, xx, c.view()), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f231(&a, &b, xx.view()), &c, &d_c, "dc");
}

// dims (5, 4, 2)
#[differentiable]
fn f232(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    let t1 = b.row(1);
    let t2: Array1<f64> = (b.mean().unwrap() * t1[1]) / &t1.mapv(|v| v).exp();
    let t3: ArrayView1<f64> = t2.view();
    ((-1.28_f64).exp() * (-1.28_f64).exp() + 1.0).sqrt()
        + (a * a).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_f232() {
    let mut rng = Rng::new(231302924);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (v, (d_a, d_b)) = f232_grad(&a, &b);
    common::assert_near(v, f232(&a, &b), "value");
    assert_fd_array(|xx| f232(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f232(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f232_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f232_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f232_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f232_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (2, 3, 5)
#[differentiable]
fn f233(a: &Array1<f64>, b: &Array1<f64>, c: &Array1<f64>, s: f64) -> f64 {
    let t1 = c.view();
    let t2 = c.view();
    let t3 = b.view();
    1.38_f64
        + (a * a).mean().unwrap()
        + 0.388 * s
        + 0.702 * t1.sum()
        + (&t2 * &t2).mean().unwrap()
        + 0.521 * t3.sum()
}

#[test]
fn test_f233() {
    let mut rng = Rng::new(231302936);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let s = 1.1263;
    let (v, (d_a, d_b, d_c, d_s)) = f233_grad(&a, &b, &c, s);
    common::assert_near(v, f233(&a, &b, &c, s), "value");
    assert_fd_array(|xx| f233(xx, &b, &c, s), &a, &d_a, "da");
    assert_fd_array(|xx| f233(&a, xx, &c, s), &b, &d_b, "db");
    assert_fd_array(|xx| f233(&a, &b, xx, s), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| f233(&a, &b, &c, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 2, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_s = 0.9;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f233_jvp(&a, &b, &c, s, &t_a, &t_b, &t_c, t_s);
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
        f233_hvp(&a, &b, &c, s, &t_a, &t_b, &t_c, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_s)) = f233_grad(&pp_a, &pp_b, &pp_c, pp_s);
    let (_, (gm_a, gm_b, gm_c, gm_s)) = f233_grad(&pm_a, &pm_b, &pm_c, pm_s);
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

// dims (3, 5, 2)
#[differentiable(wrt(c, d))]
fn f234(a: &Array1<f64>, b: &Array1<f64>, c: &Array1<f64>, k: usize, d: &Array2<f64>) -> f64 {
    let ord = match k {
        0 => Order::F,
        _ => Order::C,
    };
    let t1 = Array::from_elem((5, 3), 1.5_f64)
        .to_shape(((3, 5), ord))
        .unwrap()
        .to_owned();
    let mut t2: Array1<f64> = t1
        .t()
        .fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &x: &f64| m.min(x))
        .to_owned();
    let mut t3: f64 = (-1.38_f64) - t2[0];
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4 = a.sum();
        let t5 = a[1];
        t2 = (&t2 + &(&(&r * &t2) * 0.889)).mapv(f64::tanh);
        t3 = t3 * 0.8 - ((t1.to_shape((15, ord)).unwrap().to_owned().var(0.0) + t4) + t5).tanh();
    }
    let mut t6: f64 = 0.0;
    for i in 1..c.len() {
        t6 += (c[i] - c[i - 1]).powi(2) * 0.714;
    }
    let t7 = t6.tanh();
    let t8 = t3.tanh().exp().ln();
    let t9 = a.view();
    let t10: Array1<f64> = (0.409_f64.powi(2) / (a + b).mapv(|v| v * v + 1.0)).tanh();
    let mut t11: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t12: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t13 = d.sum_axis(Axis(0));
        t11 = &(c + &t2) * t2.dot(c).tanh() + t11;
        t12 += (b.sin().var(1.0) + t13.mean().unwrap()).tanh();
    }
    let t14 = (-b).sin().tanh();
    ((t6 * t7).tanh() - d[[0, 0]])
        + 0.672 * t7
        + 0.306 * t8
        + 0.615 * t9.sum()
        + 0.855 * t10.sum()
        + 0.496 * t11.sum()
        + 0.276 * t12
        + 0.465 * t14.sum()
}

#[test]
fn test_f234() {
    let mut rng = Rng::new(231302948);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let d = rand(&mut rng, (3, 2), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_c, d_d)) = f234_grad(&a, &b, &c, k, &d);
        common::assert_near(v, f234(&a, &b, &c, k, &d), "value");
        assert_fd_array(|xx| f234(&a, &b, xx, k, &d), &c, &d_c, "dc");
        assert_fd_array(|xx| f234(&a, &b, &c, k, xx), &d, &d_d, "dd");
        let hstep = 1e-5;
        let t_c = rand(&mut rng, 5, -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let t_d = rand(&mut rng, (3, 2), -1.0, 1.0);
        let pp_d = &d + &(&t_d * hstep);
        let pm_d = &d - &(&t_d * hstep);
        let (vj, tj) = f234_jvp(&a, &b, &c, k, &d, &t_c, &t_d);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_c * &t_c).sum() + (&d_d * &t_d).sum();
        let scale: f64 = (&d_c * &t_c).mapv(f64::abs).sum() + (&d_d * &t_d).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_c, hg_d), (hh_c, hh_d)) = f234_hvp(&a, &b, &c, k, &d, &t_c, &t_d);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_c, gp_d)) = f234_grad(&a, &b, &pp_c, k, &pp_d);
        let (_, (gm_c, gm_d)) = f234_grad(&a, &b, &pm_c, k, &pm_d);
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
        assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    }
}

// dims (5, 2, 5)
#[differentiable]
fn f235(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..9 {
        t1 = t1 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t2 = a.mean().unwrap().cos() * b.t().dot(&b.var_axis(Axis(1), 1.0)).mean().unwrap();
    let mut t3: Array1<f64> = &b.index_axis(Axis(0), 3) - &b.row(1);
    let mut t4: f64 = (a.sum() * a.sum() + 1.0).sqrt();
    for i in 0..b.nrows() {
        let r = b.row(i);
        t3 = t3 + &b.std_axis(Axis(0), 0.0);
        t4 = t4 * 0.8 - b.sum().sin();
    }
    let t5 = t4.tanh();
    let t6: Array1<f64> = -&b.t().dot(&b.index_axis(Axis(1), 1));
    let t7: Array2<f64> = ((t2
        + b.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| f64::max(x, m))
            .tanh())
    .insert_axis(Axis(1))
        * (&b.column(1).insert_axis(Axis(0))
            / b.column(1).insert_axis(Axis(1)).mapv(|v| v * v + 1.0))
        .dot(&b.abs()))
    .mapv(f64::tanh);
    let t8 = nn::relu(&nn::sigmoid(&(b + t4))).exp();
    let mut t9: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t10 = a[i + 1] - a[i] * a[i];
        let t11 = 1.0 - a[i];
        t9 += 2.32 * t10 * t10 + t11 * t11;
    }
    let t12: f64 = t9.tanh();
    (-0.825_f64)
        + 0.769 * t1
        + (&t3 * &t3).mean().unwrap()
        + 0.246 * t5
        + 0.341 * t6.sum()
        + (&t7 * &t7).mean().unwrap()
        + 0.28 * t8.sum()
        + 0.852 * t12
}

#[test]
fn test_f235() {
    let mut rng = Rng::new(231302960);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (v, (d_a, d_b)) = f235_grad(&a, &b);
    common::assert_near(v, f235(&a, &b), "value");
    assert_fd_array(|xx| f235(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f235(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 10, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f235_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f235_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f235_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f235_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 4, 2)
#[differentiable]
fn f236(a: &Array2<f64>) -> Array2<f64> {
    let mut t1: Array2<f64> = a + a.mean().unwrap();
    let mut t2: f64 = t1[[2, 2]];
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = (i as f64 * 0.3).powi(2);
        let t4 = a.mean().unwrap();
        t1 = &(&t1.map(|&v| v * t3) * 0.444) * (t4 + 0.54).abs().tanh() + t1;
        t2 = (t2 + (t2 + 0.346).abs().exp().tanh()).tanh();
    }
    let t5 = t1.sum();
    let mut t6: Array2<f64> = Array2::<f64>::zeros((5, 4));
    let mut t7: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t8 = t6.sum().cos();
        let t9 = t1[[0, 2]].sin();
        t6 = &t6 * 0.7
            + &(&r.insert_axis(Axis(0))
                + &t1
                    .fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &x: &f64| m.min(x))
                    .insert_axis(Axis(1)))
                .tanh();
        t7 = (t7 + ((t5 + t8) + t9).tanh()).tanh();
    }
    let t10 = a.t();
    (&t6.mapv(|v| v * v + 1.0).powf(2.5) * 0.00058) + (t7 + t10.sum())
}

#[test]
fn test_f236() {
    let mut rng = Rng::new(231302972);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, d_a) = f236_vjp(&a, seed.clone());
    assert_array(&y, &f236(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f236(xx)), &a, &d_a, "da");
}

// dims (5, 3, 4)
#[differentiable]
fn f237(a: ArrayView2<f64>, b: &Array2<f64>) -> f64 {
    let t1 = nn::cross_entropy(
        &((-&b.std_axis(Axis(0), 0.0)) + &a.mapv(f64::sin)),
        &vec![0usize; 5],
    );
    let t2: Array2<f64> = if nn::cross_entropy_one_hot(
        &nn::log_softmax(&a, Axis(0)),
        &nn::softmax(
            &(&a.var_axis(Axis(1), 1.0).insert_axis(Axis(1)) - &b.row(2).insert_axis(Axis(0))),
            Axis(1),
        ),
    ) > -0.752
    {
        nn::sigmoid(
            &((&b.row(0) / (nn::softplus(&a) + 0.5))
                * &(&a.sum_axis(Axis(1)) + (-1.18_f64)).insert_axis(Axis(1))),
        )
    } else {
        (&a * &a + 0.5).ln().tanh()
    };
    let mut t3: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t4: f64 = 0.0;
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        t3 = t3 + &r;
        t4 = (t4 + r[0].exp()).tanh();
    }
    let mut t5: Array1<f64> = &t3 + &t3;
    let mut t6: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t5 = t5 + &b.column(1).dot(&t2.slice(s![1.., ..])).mapv(f64::tanh);
        t6 = (t6 + nn::mse(&nn::softplus(&r), &(&r + b[[3, 2]])).tanh()).tanh();
    }
    let t7 = t5.tanh();
    let t8 = a.slice(s![1.., ..]);
    t3[1].sin()
        + 0.611 * t1
        + 0.385 * t4
        + 0.472 * t6
        + 0.931 * t7.sum()
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f237() {
    let mut rng = Rng::new(231302984);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), 0.5, 1.5);
    let (v, (d_a, d_b)) = f237_grad(a.view(), &b);
    common::assert_near(v, f237(a.view(), &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f237(xx.view(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| f237(a.view(), xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f237_jvp(a.view(), &b, t_a.view(), &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f237_hvp(a.view(), &b, t_a.view(), &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f237_grad(pp_a.view(), &pp_b);
    let (_, (gm_a, gm_b)) = f237_grad(pm_a.view(), &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 4, 5)
#[differentiable]
fn f238(a: ArrayView2<f64>, b: &Array1<f64>, c: &Array2<f64>, d: &Array1<f64>) -> Array2<f64> {
    let t1 = (-1.21_f64).cos().tanh();
    let mut t2: Array2<f64> = Array2::<f64>::zeros((3, 5));
    let mut t3: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t4: f64 = t2[[2, 1]];
        let t5: f64 = nn::cross_entropy_one_hot(
            &c.slice(s![.., ..4]),
            &nn::softmax(&c.slice(s![.., 1..]), Axis(1)),
        );
        t2 = &t2 * 0.7 + &c.mapv(|v| v * t4);
        t3 = t3 * 0.8 - (c[[2, 0]] + t5).tanh();
    }
    let mut t6: f64 = 0.0;
    for i in 0..3 {
        let t7 = b[i + 1] - b[i] * b[i];
        let t8 = 1.0 - b[i];
        t6 += 2.86 * t7 * t7 + t8 * t8;
    }
    let t9: f64 = t6.tanh();
    let t10 = c.mapv(|v| ((v * v + 0.5).sqrt()) * t1 + t1)
        / &(&(b * d)
            .dot(&(t2.sum() * Array::from_elem((4, 3), 0.25_f64)))
            .insert_axis(Axis(1))
            * &(b * d)
                .dot(&(t2.sum() * Array::from_elem((4, 3), 0.25_f64)))
                .insert_axis(Axis(1))
            + 0.5);
    nn::sigmoid(
        &(&a.slice(s![.., 1..4])
            / &(nn::softplus(&nn::logsumexp(&t10, Axis(1)).insert_axis(Axis(0))) + 0.5))
            .dot(&(-&t10)),
    ) + (a.sum() + t3 + t9 + t10.sum())
}

#[test]
fn test_f238() {
    let mut rng = Rng::new(231302996);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d)) = f238_vjp(a.view(), &b, &c, &d, seed.clone());
    assert_array(&y, &f238(a.view(), &b, &c, &d), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(
        |xx| inner(&seed, &f238(xx.view(), &b, &c, &d)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f238(a.view(), xx, &c, &d)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f238(a.view(), &b, xx, &d)),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f238(a.view(), &b, &c, xx)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (4, 2, 5)
#[differentiable]
fn f239(a: ArrayView2<f64>) -> Array2<f64> {
    let t1: Array2<f64> = (nn::mse(&a, &a) + a.column(4).tanh()).insert_axis(Axis(1))
        - &((-&a.index_axis(Axis(0), 1)) / ((-0.446_f64) * 0.736_f64).exp()).insert_axis(Axis(0));
    let t2: f64 = t1.mean().unwrap();
    let mut t3: Array2<f64> = (&a / (t1[[0, 1]] * t1[[0, 1]] + 1.0)).to_owned();
    let mut t4: f64 = nn::cross_entropy_one_hot(
        &Array::from_elem((4, 2), 1.5_f64),
        &nn::softmax(&Array::from_elem((4, 2), 0.25_f64), Axis(1)),
    );
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t5: f64 = (t4 + 0.254).abs();
        let t6 = nn::softplus(&r);
        t3 = &(-&a) * t2.tanh() + t3;
        t4 += ((nn::mse(
            &(&a.index_axis(Axis(1), 0).insert_axis(Axis(1)) * &a),
            &nn::sigmoid(&t1),
        ) + t5)
            + t6.mean().unwrap())
        .tanh();
    }
    let t7 = nn::log_softmax(&t3, Axis(1));
    let mut t8: Array2<f64> = (&t1 * a.sum()).mapv(f64::tanh);
    if 1.32_f64 > 0.11 {
        t8 = &t8 * 0.59 + &nn::sigmoid(&(&t3 * &t3 + 0.5).powf(0.5));
    } else {
        t8 = &t1.tanh() - &t8;
    }
    let t9 = a.t();
    (&t9.sum_axis(Axis(0)).insert_axis(Axis(1)) * t7.row(1).mapv(f64::cos).insert_axis(Axis(0)))
        * ((&t7 * &t7).mean().unwrap() + (&t8 * &t8).mean().unwrap() + t9.sum())
}

#[test]
fn test_f239() {
    let mut rng = Rng::new(231303008);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (y, d_a) = f239_vjp(a.view(), seed.clone());
    assert_array(&y, &f239(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &f239(xx.view())), &a, &d_a, "da");
}

// dims (2, 4, 2)
#[differentiable]
fn f240(a: &Array2<f64>) -> f64 {
    let mut t1: Array2<f64> = a.to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = t2 / a[[2, 1]];
        t1 = &t1.mapv(f64::tanh) * t2 + t1;
        t2 = (t2
            + ((&a.fold_axis(Axis(0), f64::NEG_INFINITY, |&acc: &f64, &x: &f64| {
                (x * 0.792).max(acc)
            }) * (i as f64 * 0.3))
                .var(0.0)
                + t3)
                .tanh())
        .tanh();
    }
    let t4 = a.index_axis(Axis(0), 1);
    let t5 = t2;
    let t6: ArrayView1<f64> = t4.view();
    let t7 = t6.map(|&v| ((v * 1.03).sin()) * ((v * 0.584).powi(2) - 0.5));
    t5 + 0.886 * t5 + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f240() {
    let mut rng = Rng::new(231303020);
    let a = rand(&mut rng, (4, 2), 0.5, 1.5);
    let (v, d_a) = f240_grad(&a);
    common::assert_near(v, f240(&a), "value");
    assert_fd_array(|xx| f240(xx), &a, &d_a, "da");
}

// dims (4, 3, 5)
#[differentiable]
fn h241(a: ArrayView2<f64>, b: Array2<f64>, c: &Array2<f64>) -> f64 {
    let t1: Array2<f64> = b.mapv(|v| v).mapv_into(f64::tanh);
    let t2: Array2<f64> = a[[3, 1]].powi(2) - &Array::from_elem((4, 5), 0.25_f64).dot(&a);
    let t3: Array1<f64> = nn::sigmoid(&t1.std_axis(Axis(0), 0.0)).mapv(|v| v);
    a.sum() + (&t2 * &t2).mean().unwrap() + 0.924 * t3.sum()
}

#[test]
fn test_h241() {
    let mut rng = Rng::new(231303032);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h241_grad(a.view(), b.clone(), &c);
    common::assert_near(v, h241(a.view(), b.clone(), &c), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h241(xx.view(), b.clone(), &c), &a, &d_a, "da");
    assert_fd_array(|xx| h241(a.view(), xx.clone(), &c), &b, &d_b, "db");
    assert_fd_array(|xx| h241(a.view(), b.clone(), xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h241_jvp(a.view(), b.clone(), &c, t_a.view(), t_b.clone(), &t_c);
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
        h241_hvp(a.view(), b.clone(), &c, t_a.view(), t_b.clone(), &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h241_grad(pp_a.view(), pp_b.clone(), &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = h241_grad(pm_a.view(), pm_b.clone(), &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 3, 5)
#[differentiable]
fn f241(a: Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = (&a + &a).dot(&Array::from_elem((5, 5), 0.5_f64));
    let t2: f64 = -0.405_f64;
    let mut t3: f64 = 0.0;
    for i in 1..a.len() {
        t3 += (a[i] - a[i - 1]).powi(2) * 0.733;
    }
    let t4: f64 = t3.tanh();
    (&Array2::<f64>::eye(5) - a.mean().unwrap())
        .dot(&(&a + &t1))
        .mapv(f64::tanh)
        * (t1.sum() + t2 + t4)
}

#[test]
fn test_f241() {
    let mut rng = Rng::new(231303034);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, d_a) = f241_vjp(a.clone(), seed.clone());
    assert_array(&y, &f241(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f241(xx.clone())), &a, &d_a, "da");
}

// dims (5, 2, 4)
#[differentiable]
fn f242(a: &Array1<f64>, b: Array2<f64>, c: Array2<f64>, d: Array2<f64>) -> f64 {
    let t1: Array2<f64> = c.slice(s![.., ..2]).mapv(f64::tanh);
    let mut t2: f64 = 0.0;
    for i in 1..a.len() {
        t2 += (a[i] - a[i - 1]).powi(2) * 1.17;
    }
    let t3: f64 = t2.tanh();
    let mut t4: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t4 += a[i] * a[i + 1];
    }
    let t5 = if t4 > 0.102 {
        c.to_shape((4, 5))
            .unwrap()
            .into_owned()
            .to_shape(((5, 4), Order::C))
            .unwrap()
            .to_owned()
    } else {
        nn::relu(
            &c.t()
                .to_shape((20, Order::F))
                .unwrap()
                .into_owned()
                .into_shape_with_order(((5, 4), Order::C))
                .unwrap(),
        )
    };
    let t6 = ad_runtime::ndarray::concatenate(Axis(1), &[b.view(), t1.view()])
        .unwrap()
        .dot(&t5.slice(s![..4, 1..3]))
        / (&b
            .fold_axis(Axis(0), f64::NEG_INFINITY, |acc, x| acc.max(*x * t3))
            .insert_axis(Axis(0))
            * &b.fold_axis(Axis(0), f64::NEG_INFINITY, |acc, x| acc.max(*x * t3))
                .insert_axis(Axis(0))
            + 0.5);
    t2 + 0.79 * d.sum() + 0.951 * t6.sum()
}

#[test]
fn test_f242() {
    let mut rng = Rng::new(231303046);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), 0.5, 1.5);
    let d = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f242_grad(&a, b.clone(), c.clone(), d.clone());
    common::assert_near(v, f242(&a, b.clone(), c.clone(), d.clone()), "value");
    assert_fd_array(
        |xx| f242(xx, b.clone(), c.clone(), d.clone()),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| f242(&a, xx.clone(), c.clone(), d.clone()),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| f242(&a, b.clone(), xx.clone(), d.clone()),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| f242(&a, b.clone(), c.clone(), xx.clone()),
        &d,
        &d_d,
        "dd",
    );
}

// dims (5, 2, 4)
#[differentiable]
fn h243(a: Array2<f64>) -> f64 {
    let t1 = nn::relu(&a.t())
        .to_shape(((5, 2), Order::C))
        .unwrap()
        .to_owned();
    0.929_f64 + (&t1 * &t1).mean().unwrap()
}

#[test]
fn test_h243() {
    let mut rng = Rng::new(231303058);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (v, d_a) = h243_grad(a.clone());
    common::assert_near(v, h243(a.clone()), "value");
    assert_fd_array(|xx| h243(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h243_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h243_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h243_grad(pp_a.clone());
    let (_, gm_a) = h243_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 2, 4)
#[differentiable]
fn f243(a: Array2<f64>) -> f64 {
    let t1: Array2<f64> = &((&a / (a[[1, 2]].powi(2) + 0.5)) - 1.09_f64.sqrt())
        + (-nn::logsumexp(&a, Axis(0)))
            .exp()
            .mapv(f64::tanh)
            .insert_axis(Axis(0));
    let t2 = -&(&t1
        .sum_axis(Axis(0))
        .mapv(f64::tanh)
        .exp()
        .insert_axis(Axis(0))
        / (&t1
            .index_axis(Axis(1), 3)
            .mapv(|v| v.sin())
            .insert_axis(Axis(1))
            * &t1
                .index_axis(Axis(1), 3)
                .mapv(|v| v.sin())
                .insert_axis(Axis(1))
            + 0.5));
    let t3 = (t1[[1, 3]] - t2.mapv(f64::cos)).mapv(f64::tanh);
    let t4 = nn::sigmoid(
        &(&t2
            .var_axis(Axis(1), 0.0)
            .mapv(f64::tanh)
            .insert_axis(Axis(1))
            + &Array::from_elem((5, 5), 0.25_f64))
            .mapv(|v| (v.exp()).powi(2) - 0.5)
            .mapv(f64::tanh)
            .dot(
                &(-&(&t2 / &(nn::softplus(&t1.index_axis(Axis(0), 4).insert_axis(Axis(0))) + 0.5))),
            ),
    );
    let t5 = t2[[3, 0]].cos();
    let t6 = h243((&t2.slice(s![.., 1..3]) / (t4.sum() * t4.sum() + 1.0)));
    let t7: f64 = t6.tanh();
    let t8 = if t7 > 0.339 {
        ad_runtime::ndarray::concatenate(Axis(1), &[t1.slice(s![.., 2..]), a.slice(s![.., 2..])])
            .unwrap()
            * t4.mapv(f64::cos)
    } else {
        (&(&t1 + &t4) * 0.396).exp()
    };
    (-1.41_f64) + 0.704 * t5 + 0.226 * t6 + 0.959 * t8.sum()
}

#[test]
fn test_f243() {
    let mut rng = Rng::new(231303060);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (v, d_a) = f243_grad(a.clone());
    common::assert_near(v, f243(a.clone()), "value");
    assert_fd_array(|xx| f243(xx.clone()), &a, &d_a, "da");
}

// dims (5, 3, 2)
#[differentiable]
fn f244(a: Array2<f64>, b: &Array1<f64>, c: &Array1<f64>, s: f64) -> f64 {
    let mut t1: Array2<f64> = a.tanh();
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = &r / r.mapv(|v| v * v + 1.0);
        t1 = &t1 * 0.7 + &(b[3] * &t1);
        t2 = t2 * 0.8
            - (a.view()
                .reversed_axes()
                .var_axis(Axis(1), 0.0)
                .mean()
                .unwrap()
                + t3.mean().unwrap());
    }
    let mut t4: Array2<f64> = Array::from_elem((3, 5), 1.5_f64)
        .to_shape(((5, 3), Order::RowMajor))
        .unwrap()
        .into_owned();
    if (t2 * a.mean().unwrap()) < -0.101 {
        let t5 = nn::cross_entropy(&t4, &vec![1usize; 5]);
        t4 = &t4 * 0.33
            + &ad_runtime::ndarray::concatenate(
                Axis(0),
                &[Array2::<f64>::eye(3).view(), t1.view()],
            )
            .unwrap()
            .tanh();
    }
    let mut t6: Array1<f64> = a
        .index_axis(Axis(0), 1)
        .mapv(|v| ((v * s).exp()).powi(2) - 0.5)
        .to_owned();
    let mut t7: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t8: f64 = t4[[3, 1]];
        let t9: Array1<f64> = &r + &a.index_axis(Axis(0), 0);
        t6 = (&t6 + &nn::sigmoid(&((&r + &a.t().sum_axis(Axis(1))) + t9))).mapv(f64::tanh);
        t7 = (t7
            + (nn::cross_entropy_one_hot(
                &(nn::logsumexp(&t4, Axis(0)).insert_axis(Axis(0))
                    * &c.view().insert_axis(Axis(1))),
                &nn::softmax(&t4.mapv(|v| ((v * 0.993).exp()).tanh()), Axis(1)),
            ) + t8)
                .tanh())
        .tanh();
    }
    (t1.mean().unwrap() - b[14]) + (&t6 * &t6).mean().unwrap() + 0.341 * t7
}

#[test]
fn test_f244() {
    let mut rng = Rng::new(231303072);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, 15, 0.5, 1.5);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let s = 1.1974;
    let (v, (d_a, d_b, d_c, d_s)) = f244_grad(a.clone(), &b, &c, s);
    common::assert_near(v, f244(a.clone(), &b, &c, s), "value");
    assert_fd_array(|xx| f244(xx.clone(), &b, &c, s), &a, &d_a, "da");
    assert_fd_array(|xx| f244(a.clone(), xx, &c, s), &b, &d_b, "db");
    assert_fd_array(|xx| f244(a.clone(), &b, xx, s), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| f244(a.clone(), &b, &c, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (2, 3, 5)
#[differentiable]
fn f245(a: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = a.sin() * 1.4_f64.exp();
    let t2 = a.slice(s![1..]);
    let mut t3: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t3 = t3 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t4 = (t2[0].powi(2).powi(2) + 0.471).abs();
    ad_runtime::ndarray::stack(Axis(0), &[a.view(), a.view()])
        .unwrap()
        .fold_axis(Axis(0), f64::NEG_INFINITY, |m, v| m.max(*v * t3))
        + (t3 + t4)
}

#[test]
fn test_f245() {
    let mut rng = Rng::new(231303084);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, d_a) = f245_vjp(&a, seed.clone());
    assert_array(&y, &f245(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f245(xx)), &a, &d_a, "da");
}

// dims (3, 2, 4)
#[differentiable]
fn f246(a: ArrayView2<f64>) -> Array2<f64> {
    let mut t1: Array2<f64> = a.sin();
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = t1 + &(&a + a[[1, 3]]);
        t2 = (t2 + t2.tanh()).tanh();
    }
    let t3: f64 = a.mapv(|v| v * 0.457).sum();
    let t4 = (t1[[0, 3]] * t1[[0, 3]] + 1.0).sqrt();
    let t5 = a.column(2);
    let t6 = (&t5 / &t5.mapv(|v| v * v + 1.0)).mapv_into(|v| v).dot(
        &((&t1.fold_axis(Axis(1), f64::INFINITY, |&m, &x| x.min(m))
            * &t1.fold_axis(Axis(1), f64::INFINITY, |&m, &x| x.min(m))
            + 0.5)
            .sqrt()
            * &(&t5 + &t5)),
    );
    let t7 = t5.view();
    let mut t8: Array2<f64> = t1.mapv(f64::cos);
    if a.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &x| f64::max(m, x * t2))
        .dot(&a.view().reversed_axes().mean_axis(Axis(1)).unwrap())
        > 1.47
    {
        t8 = &t8 * 0.371 + &nn::sigmoid(&a);
    }
    t8.abs() * (t3 + t4 + t6 + t7.sum() + (&t8 * &t8).mean().unwrap())
}

#[test]
fn test_f246() {
    let mut rng = Rng::new(231303096);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (y, d_a) = f246_vjp(a.view(), seed.clone());
    assert_array(&y, &f246(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &f246(xx.view())), &a, &d_a, "da");
}

// dims (2, 3, 4)
#[differentiable]
fn h247(a: ArrayView2<f64>, s: f64, b: &Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> = nn::log_softmax(&b.t(), Axis(1))
        .to_shape((12, Order::ColumnMajor))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((3, 4), Order::ColumnMajor))
        .unwrap();
    ((&t1.index_axis(Axis(0), 1) / (s.powi(2) + 0.5)).insert_axis(Axis(0))
        + &(&(t1.mean().unwrap() / &(nn::sigmoid(&a.sum_axis(Axis(0))) + 0.25)) * 0.125)
            .insert_axis(Axis(1)))
        * ((&a * &a).mean().unwrap() + s + t1.sum())
}

#[test]
fn test_h247() {
    let mut rng = Rng::new(231303108);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let s = -0.3180;
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (y, (d_a, d_s, d_b)) = h247_vjp(a.view(), s, &b, seed.clone());
    assert_array(&y, &h247(a.view(), s, &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &h247(xx.view(), s, &b)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h247(a.view(), xx[()], &b)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &h247(a.view(), s, xx)), &b, &d_b, "db");
}

// dims (2, 3, 4)
#[differentiable]
fn f247(a: &Array2<f64>, s: f64) -> f64 {
    let mut t1: Array2<f64> = (a / a.index_axis(Axis(1), 0).insert_axis(Axis(1)).exp()).to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3: Array1<f64> = Array2::<f64>::eye(3).dot(&r);
        t1 = &t1 * 0.7 + &t1.tanh();
        t2 += (t1.sum().cos().exp() + t3.mean().unwrap()).tanh();
    }
    let t4: Array2<f64> = if a.sum() < -0.176 {
        a.t()
            .powi(3)
            .to_shape((6, Order::C))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((2, 3), Order::RowMajor))
            .unwrap()
    } else {
        t1.to_shape(((2, 3), Order::ColumnMajor))
            .unwrap()
            .into_owned()
    };
    let mut t5: Array1<f64> = t4.t().dot(&t4.column(2)).tanh();
    let mut t6: f64 = 0.0;
    for i in 0..t4.nrows() {
        let r = t4.row(i);
        let t7: Array1<f64> = r.mapv(|v| v * 0.411);
        let t8 = (i as f64 * 0.3) + s;
        t5 = &(&r * &(t8 - t7)).tanh() * t1.var(0.0).tanh() + t5;
        t6 += ad_runtime::ndarray::concatenate(Axis(0), &[a.index_axis(Axis(1), 0), t4.column(0)])
            .unwrap()
            .dot(&nn::softplus(&Array1::<f64>::ones(4)))
            .tanh();
    }
    let mut t9: Array1<f64> = -&t5;
    let mut t10: f64 = 0.0;
    for i in 0..t4.nrows() {
        let r = t4.row(i);
        t9 = (&t9 + &nn::sigmoid(&r)).mapv(f64::tanh);
        t10 = (t10
            + Array1::<f64>::ones(4)
                .powi(3)
                .dot(&(t10 / &(nn::sigmoid(&Array1::<f64>::linspace(-0.5, 0.5, 4)) + 0.25))))
        .tanh();
    }
    ad_runtime::ndarray::stack(
        Axis(0),
        &[
            t4.row(0),
            a.fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &x: &f64| {
                (x * 1.29).min(m)
            })
            .view(),
        ],
    )
    .unwrap()
    .sum()
        + 0.73 * t2
        + 0.778 * t6
        + 0.447 * t9.sum()
}

#[test]
fn test_f247() {
    let mut rng = Rng::new(231303110);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let s = -0.3387;
    let (v, (d_a, d_s)) = f247_grad(&a, s);
    common::assert_near(v, f247(&a, s), "value");
    assert_fd_array(|xx| f247(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f247(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 5, 2)
#[differentiable]
fn f248(
    a: ArrayView2<f64>,
    b: &Array2<f64>,
    c: Array1<f64>,
    d: &Array1<f64>,
    w: &Array1<f64>,
) -> f64 {
    let t1 = c.view();
    let t2 = (&t1
        * &Array::from_elem((5, 15), 0.25_f64)
            .fold_axis(Axis(0), f64::NEG_INFINITY, |m, x| m.max(*x)))
        .mapv(f64::cos);
    let t3 = (1.18_f64.cos() - c.sum()).tanh()
        - (((-0.753_f64) * 1.25_f64) * ((-0.753_f64) * 1.25_f64) + 1.0).sqrt();
    (t1.sum() + 0.48).abs().tanh()
        + 0.426 * a.sum()
        + 0.22 * b.sum()
        + (d * d).mean().unwrap()
        + (w * w).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + 0.552 * t3
}

#[test]
fn test_f248() {
    let mut rng = Rng::new(231303122);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let c = rand(&mut rng, 15, -1.0, 1.0);
    let d = rand(&mut rng, 3, 0.5, 1.5);
    let w = rand(&mut rng, 15, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f248_grad(a.view(), &b, c.clone(), &d, &w);
    common::assert_near(v, f248(a.view(), &b, c.clone(), &d, &w), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f248(xx.view(), &b, c.clone(), &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f248(a.view(), xx, c.clone(), &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f248(a.view(), &b, xx.clone(), &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f248(a.view(), &b, c.clone(), xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f248(a.view(), &b, c.clone(), &d, xx), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 15, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 3, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, 15, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f248_jvp(
        a.view(),
        &b,
        c.clone(),
        &d,
        &w,
        t_a.view(),
        &t_b,
        t_c.clone(),
        &t_d,
        &t_w,
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum()
        + (&d_b * &t_b).sum()
        + (&d_c * &t_c).sum()
        + (&d_d * &t_d).sum()
        + (&d_w * &t_w).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum()
        + (&d_w * &t_w).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f248_hvp(
        a.view(),
        &b,
        c.clone(),
        &d,
        &w,
        t_a.view(),
        &t_b,
        t_c.clone(),
        &t_d,
        &t_w,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) =
        f248_grad(pp_a.view(), &pp_b, pp_c.clone(), &pp_d, &pp_w);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) =
        f248_grad(pm_a.view(), &pm_b, pm_c.clone(), &pm_d, &pm_w);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (5, 3, 2)
#[differentiable]
fn f249(a: &Array1<f64>, b: Array1<f64>) -> f64 {
    let t1 = a.slice(s![1..]);
    let t2 = &t1.mapv(|v| v) - &Array::from_elem((2, 3), 1.5_f64).dot(a);
    let t3: Array1<f64> = &(-(0.334_f64 + t2)) - 0.734_f64;
    let t4: Array1<f64> = nn::sigmoid(&(&(a / a) * a.exp()));
    nn::cross_entropy_one_hot(
        &(&Array::from_elem((5, 3), 1.5_f64) * b[4]),
        &nn::softmax(&Array::from_elem((5, 3), 0.5_f64).cos(), Axis(1)),
    ) + 0.899 * b.sum()
        + (&t3 * &t3).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f249() {
    let mut rng = Rng::new(231303134);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let (v, (d_a, d_b)) = f249_grad(&a, b.clone());
    common::assert_near(v, f249(&a, b.clone()), "value");
    assert_fd_array(|xx| f249(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f249(&a, xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 15, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f249_jvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f249_hvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f249_grad(&pp_a, pp_b.clone());
    let (_, (gm_a, gm_b)) = f249_grad(&pm_a, pm_b.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}
