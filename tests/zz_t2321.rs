//! Random array programs from `tests/gen/gen_random_tensor_programs.py --seed 2321 --count 250`.
//! Scratch output: do not commit.

#![allow(unused_variables, unused_mut, dead_code, unused_parens, clippy::all)]

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array, Array1, Array2, ArrayView1, ArrayView2, Axis, Order, s};
use ad_runtime::nn;
use common::Rng;
use common::arrays::*;

// Constructs (functions using each):
//   array * array                        129
//   array * scalar                       40
//   array + array                        146
//   array + scalar                       41
//   array - array                        133
//   array - scalar                       32
//   array / array                        120
//   array / scalar                       45
//   array accumulator                    137
//   broadcast 1∘2                        40
//   broadcast 2∘1                        31
//   broadcast 2∘unit                     54
//   broadcast unit∘2                     38
//   broadcast unit∘unit                  61
//   call helper                          25
//   closure branch                       37
//   closure captures scalar              69
//   concatenate                          45
//   constant                             190
//   dot 1x1                              33
//   dot 1x2                              90
//   dot 2x1                              84
//   dot 2x2                              102
//   element read                         181
//   fold_axis max closure f64::max(m, e) 9
//   fold_axis max closure |&m, &v| e.max(m) 9
//   fold_axis max closure |&m, &v| m.max(e) 6
//   fold_axis max closure |&m: &f64, ..| e.max(m) 14
//   fold_axis max closure |&m: &f64, ..| m.max(e) 7
//   fold_axis max closure |m, v| m.max(*v) 10
//   fold_axis min closure f64::min(m, e) 8
//   fold_axis min closure |&m, &v| e.min(m) 8
//   fold_axis min closure |&m, &v| m.min(e) 13
//   fold_axis min closure |&m: &f64, ..| e.min(m) 10
//   fold_axis min closure |&m: &f64, ..| m.min(e) 7
//   fold_axis min closure |m, v| m.min(*v) 7
//   fold_axis of a function of the element 47
//   if on scalar                         121
//   if statement                         73
//   if value                             69
//   insert_axis                          118
//   integer parameter choosing the order 61
//   into_shape_with_order                4
//   logsumexp                            47
//   loop index as f64                    34
//   loop over rows                       137
//   made positive                        224
//   map(|&v| ..)                         56
//   mapv closure                         168
//   mapv path                            56
//   mapv_into closure                    22
//   max                                  51
//   mean                                 139
//   mean_axis                            57
//   method abs                           22
//   method cos                           30
//   method exp                           42
//   method ln                            36
//   method mapv_into                     32
//   method powf                          34
//   method powi                          26
//   method sin                           30
//   method sqrt                          24
//   method tanh                          40
//   min                                  48
//   neighbour reads of an array local    9
//   neighbour reads of an array parameter 93
//   nn::cross_entropy                    40
//   nn::cross_entropy_one_hot            55
//   nn::log_softmax                      35
//   nn::mse                              51
//   nn::relu                             35
//   nn::sigmoid                          29
//   nn::softmax                          35
//   nn::softplus                         34
//   owned lhs                            136
//   owned rhs                            110
//   reshape Order::C                     18
//   reshape Order::ColumnMajor           21
//   reshape Order::F                     17
//   reshape Order::RowMajor              24
//   reshape order in a variable          61
//   row/column/index_axis                156
//   scalar * array                       31
//   scalar + array                       37
//   scalar - array                       31
//   scalar / array                       35
//   scalar abs                           48
//   scalar accumulator                   137
//   scalar cos                           61
//   scalar exp                           52
//   scalar ln                            70
//   scalar powi                          53
//   scalar sin                           58
//   scalar sqrt                          58
//   scalar tanh                          49
//   slice                                155
//   squash                               181
//   stack                                30
//   std                                  28
//   std_axis                             35
//   sum                                  139
//   sum_axis                             45
//   sumsq                                47
//   t()                                  122
//   to_owned/clone                       101
//   to_shape                             22
//   to_shape 2d                          44
//   to_shape(n, order) then into_shape_with_order 19
//   unary -                              134
//   var                                  46
//   var_axis                             64
//   view()                               122

// dims (3, 4, 3)
#[differentiable]
fn h0(a: Array2<f64>, s: f64, b: &Array1<f64>) -> Array2<f64> {
    let t1 = if s < 0.528 {
        b.abs() + &b.exp()
    } else {
        Array::from_elem((12, 3), 0.25_f64)
            .mean_axis(Axis(1))
            .unwrap()
            * &(b + b)
    };
    let t2: f64 = s.sin().sin();
    let mut t3: Array2<f64> = a.mapv(f64::exp);
    let mut t4: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t5 = t3
            .fold_axis(Axis(1), f64::NEG_INFINITY, |&acc: &f64, &x: &f64| {
                acc.max(x)
            })
            .dot(&a)
            .tanh();
        t3 = (&t3 + &nn::sigmoid(&(-&t3))).mapv(f64::tanh);
        t4 = t4 * 0.8
            - (nn::cross_entropy(&(&t3 + &r.insert_axis(Axis(0))), &vec![1usize; 3])
                + t5.mean().unwrap())
            .tanh();
    }
    a.powf(1.5).abs() + ((&t1 * &t1).mean().unwrap() + t2 + t4)
}

#[test]
fn test_h0() {
    let mut rng = Rng::new(232100002);
    let a = rand(&mut rng, (3, 4), 0.5, 1.5);
    let s = 1.1097;
    let b = rand(&mut rng, 12, 0.5, 1.5);
    let seed = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (y, (d_a, d_s, d_b)) = h0_vjp(a.clone(), s, &b, seed.clone());
    assert_array(&y, &h0(a.clone(), s, &b), "value");
    assert_fd_array(|xx| inner(&seed, &h0(xx.clone(), s, &b)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h0(a.clone(), xx[()], &b)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &h0(a.clone(), s, xx)), &b, &d_b, "db");
}

// dims (3, 4, 3)
#[differentiable]
fn f0(a: &Array1<f64>, k: usize) -> f64 {
    let ord = match k {
        0 => Order::RowMajor,
        _ => Order::ColumnMajor,
    };
    let t1: Array2<f64> = (&a.view().insert_axis(Axis(1))
        + &Array1::<f64>::ones(4).insert_axis(Axis(0)))
        .to_shape(((3, 4), ord))
        .unwrap()
        .to_owned();
    let t2 = ((&t1.row(1) - &t1.var_axis(Axis(0), 0.0)).insert_axis(Axis(0))
        - a.view().insert_axis(Axis(1)))
    .dot(&t1.mean_axis(Axis(0)).unwrap())
    .tanh();
    let t3: Array1<f64> = -&a.tanh();
    let mut t4: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t4 += a[i] * a[i + 1];
    }
    let t5 = t3.slice(s![1..]);
    a[0].exp() + (&t2 * &t2).mean().unwrap() + 0.553 * t4 + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f0() {
    let mut rng = Rng::new(232100004);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f0_grad(&a, k);
        common::assert_near(v, f0(&a, k), "value");
        assert_fd_array(|xx| f0(xx, k), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 3, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f0_jvp(&a, k, &t_a);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f0_hvp(&a, k, &t_a);
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f0_grad(&pp_a, k);
        let (_, gm_a) = f0_grad(&pm_a, k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (4, 3, 2)
#[differentiable(wrt(c))]
fn f1(a: &Array1<f64>, b: &Array1<f64>, c: Array2<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 1..b.len() {
        t1 += (b[i] - b[i - 1]).powi(2) * 0.604;
    }
    let t2 = t1.tanh();
    let t3 = (&Array::from_elem(3, 0.25_f64)
        / &(nn::softplus(&Array1::<f64>::linspace(-0.5, 0.5, 3)) + 0.5))
        .dot(&nn::logsumexp(&Array::from_elem((3, 3), 1.5_f64), Axis(0)));
    let mut t4: Array1<f64> = c.sum_axis(Axis(0));
    let mut t5: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t6 = a.var(0.0);
        let t7 = t2 / (c.sum() * c.sum() + 1.0);
        t4 = t4 + &r;
        t5 = t5 * 0.8
            - (((&(c.sum_axis(Axis(1)) * a) * &(c.sum_axis(Axis(1)) * a)).sum() + t6) + t7).tanh();
    }
    let mut t8: Array1<f64> = a.mapv(|v| v * 1.29);
    let mut t9: f64 = t4.dot(&t4);
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t10: Array1<f64> = &(&t4 / (nn::sigmoid(&r) + 0.25)) * 0.0625;
        let t11: f64 = (a[0].powi(2) + 0.5).ln();
        t8 = &c.slice(s![2.., ..]).to_shape(4).unwrap().to_owned() * (i as f64 * 0.3) + t8;
        t9 = t9 * 0.8 - ((r[0] + t10.mean().unwrap()) + t11).tanh();
    }
    let t12 = t9.tanh();
    let t13 = nn::mse(
        &(nn::sigmoid(&c.index_axis(Axis(1), 0)) + 0.25).ln(),
        &nn::sigmoid(&(&t8 * nn::logsumexp(&c, Axis(1)))),
    );
    let t14: Array1<f64> = (-c.index_axis(Axis(0), 0).mapv(|v| v.sin())).dot(
        &c.slice(s![1..3, ..])
            .mapv(|v| ((v * t12) * (v * 1.18)).exp()),
    );
    (&t4 * &t4).sum().cos() + 0.943 * t3 + 0.503 * t5 + 0.537 * t9 + 0.69 * t13 + 0.38 * t14.sum()
}

#[test]
fn test_f1() {
    let mut rng = Rng::new(232100016);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, d_c) = f1_grad(&a, &b, c.clone());
    common::assert_near(v, f1(&a, &b, c.clone()), "value");
    assert_fd_array(|xx| f1(&a, &b, xx.clone()), &c, &d_c, "dc");
}

// dims (4, 2, 5)
#[differentiable]
fn f2(a: Array1<f64>, s: f64, b: &Array1<f64>, c: &Array1<f64>) -> Array1<f64> {
    let t1 = b.slice(s![1..]);
    let mut t2: Array1<f64> = c.to_owned();
    if s < -0.286 {
        let t3 = 1.1_f64;
        t2 = &t2 * 0.727 + &nn::sigmoid(&(&t2 / &(nn::sigmoid(&t2) + 0.25)));
    }
    let t4 = b.view();
    let t5: f64 = (nn::cross_entropy(&Array::from_elem((4, 2), 0.25_f64), &vec![0usize; 4])
        * (s * t2.mean().unwrap()))
    .powi(2)
    .tanh();
    let mut t6: f64 = 0.0;
    for i in 0..c.len() - 1 {
        let t7 = c[i + 1] - c[i] * c[i];
        let t8 = 1.0 - c[i];
        t6 += 1.71 * t7 * t7 + t8 * t8;
    }
    let t9: f64 = t6.tanh();
    let mut t10: f64 = 0.0;
    for i in 0..1 {
        t10 += (c[i + 1] * t5 - c[i]).tanh();
    }
    let t11 = t1.slice(s![1..]);
    (&t2 + &t2).mapv(f64::tanh) + (a.sum() + t4.sum() + t9 + t10 + (&t11 * &t11).mean().unwrap())
}

#[test]
fn test_f2() {
    let mut rng = Rng::new(232100028);
    let a = rand(&mut rng, 8, -1.0, 1.0);
    let s = 0.9284;
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_s, d_b, d_c)) = f2_vjp(a.clone(), s, &b, &c, seed.clone());
    assert_array(&y, &f2(a.clone(), s, &b, &c), "value");
    assert_fd_array(
        |xx| inner(&seed, &f2(xx.clone(), s, &b, &c)),
        &a,
        &d_a,
        "da",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f2(a.clone(), xx[()], &b, &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f2(a.clone(), s, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f2(a.clone(), s, &b, xx)), &c, &d_c, "dc");
}

// dims (5, 4, 3)
#[differentiable]
fn h3(a: &Array1<f64>, b: &Array2<f64>, s: f64) -> f64 {
    let t1: Array2<f64> = -&nn::log_softmax(b, Axis(0));
    let t2 = a.view();
    let t3 = Array::from_elem((4, 4), 1.5_f64).dot(&b.powi(3));
    1.12_f64.sin()
        + 0.672 * s
        + (&t1 * &t1).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_h3() {
    let mut rng = Rng::new(232100040);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = 0.7124;
    let (v, (d_a, d_b, d_s)) = h3_grad(&a, &b, s);
    common::assert_near(v, h3(&a, &b, s), "value");
    assert_fd_array(|xx| h3(xx, &b, s), &a, &d_a, "da");
    assert_fd_array(|xx| h3(&a, xx, s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| h3(&a, &b, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h3_jvp(&a, &b, s, &t_a, &t_b, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) = h3_hvp(&a, &b, s, &t_a, &t_b, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = h3_grad(&pp_a, &pp_b, pp_s);
    let (_, (gm_a, gm_b, gm_s)) = h3_grad(&pm_a, &pm_b, pm_s);
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

// dims (5, 4, 3)
#[differentiable]
fn f3(a: &Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> = ((-a) + &a.var_axis(Axis(1), 1.0).insert_axis(Axis(1))).mapv(|v| v);
    let t2 = 0.873_f64;
    let t3: Array2<f64> = nn::sigmoid(
        &((&nn::sigmoid(&t1.sum_axis(Axis(0))) + t2).insert_axis(Axis(1))
            - &b.dot(&t1.slice(s![1..4, 1..]))),
    )
    .exp();
    let t4 = nn::softplus(b);
    nn::log_softmax(
        &t1.t()
            .to_shape(((5, 4), Order::RowMajor))
            .unwrap()
            .into_owned(),
        Axis(0),
    ) + (t3.sum() + (&t4 * &t4).mean().unwrap())
}

#[test]
fn test_f3() {
    let mut rng = Rng::new(232100042);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, (d_a, d_b)) = f3_vjp(&a, &b, seed.clone());
    assert_array(&y, &f3(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f3(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f3(&a, xx)), &b, &d_b, "db");
}

// dims (2, 4, 3)
#[differentiable]
fn h4(a: Array1<f64>, b: Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = (&a + &a).mapv(|v| v);
    let mut t2: f64 = 0.0;
    for i in 0..7 {
        t2 = t2 * 0.8 + a[i].sin() * a[i + 1];
    }
    let mut t3: f64 = 0.0;
    for i in 0..b.len() - 1 {
        let t4 = b[i + 1] - b[i] * b[i];
        let t5 = 1.0 - b[i];
        t3 += 1.97 * t4 * t4 + t5 * t5;
    }
    let t6 = t3.tanh();
    (Array::from_elem((8, 3), 0.5_f64).dot(&b)
        - &Array::from_elem((4, 8), 1.5_f64)
            .mean_axis(Axis(0))
            .unwrap())
        * ((&t1 * &t1).mean().unwrap() + t2 + t6)
}

#[test]
fn test_h4() {
    let mut rng = Rng::new(232100054);
    let a = rand(&mut rng, 8, -1.0, 1.0);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let seed = rand(&mut rng, 8, -1.0, 1.0);
    let (y, (d_a, d_b)) = h4_vjp(a.clone(), b.clone(), seed.clone());
    assert_array(&y, &h4(a.clone(), b.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &h4(xx.clone(), b.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &h4(a.clone(), xx.clone())),
        &b,
        &d_b,
        "db",
    );
}

// dims (2, 4, 3)
#[differentiable]
fn f4(a: &Array2<f64>) -> f64 {
    let t1 = &a.index_axis(Axis(1), 0).insert_axis(Axis(1))
        + &a.t().to_shape(((2, 4), Order::C)).unwrap().into_owned();
    let mut t2: Array2<f64> =
        (a + t1.fold_axis(Axis(0), f64::INFINITY, |&m, &x| m.min(x))).to_owned();
    let mut t3: f64 = 0.586_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4: f64 = a.sum();
        let t5 = nn::relu(&t1);
        t2 = &(&t2 - t5).mapv(f64::tanh) * t4.sin() + t2;
        t3 = (t3 + r[2].tanh()).tanh();
    }
    let t6: f64 = nn::cross_entropy_one_hot(&t2, &nn::softmax(a, Axis(1)));
    (t1[[1, 3]] + 0.365).abs() + 0.621 * t3 + 0.636 * t6
}

#[test]
fn test_f4() {
    let mut rng = Rng::new(232100056);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (v, d_a) = f4_grad(&a);
    common::assert_near(v, f4(&a), "value");
    assert_fd_array(|xx| f4(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f4_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f4_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f4_grad(&pp_a);
    let (_, gm_a) = f4_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 4, 3)
#[differentiable]
fn h5(a: &Array2<f64>) -> f64 {
    let t1 = a.view();
    let t2 = t1.view();
    nn::cross_entropy_one_hot(
        &Array::from_elem((5, 3), 0.5_f64).dot(&t2),
        &nn::softmax(&Array::from_elem((5, 4), 0.5_f64), Axis(1)),
    ) + (&t2 * &t2).mean().unwrap()
}

#[test]
fn test_h5() {
    let mut rng = Rng::new(232100068);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, d_a) = h5_grad(&a);
    common::assert_near(v, h5(&a), "value");
    assert_fd_array(|xx| h5(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h5_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h5_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h5_grad(&pp_a);
    let (_, gm_a) = h5_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 4, 3)
#[differentiable]
fn f5(a: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = a * a;
    if 1.22_f64.sin() < 0.11 {
        let t2 = a[4] - t1.sum();
        t1 = &t1 * 0.679 + &(a / (t1.sum() * t1.sum() + 1.0));
    }
    let t3: Array2<f64> = a[4].powi(2) * nn::relu(&Array::from_elem((5, 4), 0.25_f64));
    let t4: Array2<f64> = t3.sin();
    let t5 = t1.exp().powf(1.5).tanh().insert_axis(Axis(1))
        * &(&t3.fold_axis(Axis(0), f64::INFINITY, |&acc: &f64, &x: &f64| x.min(acc))
            - &t4.mean_axis(Axis(0)).unwrap())
            .insert_axis(Axis(0));
    let t6: f64 =
        h5(&(Array1::<f64>::ones(3).insert_axis(Axis(1)) - t3.row(0).insert_axis(Axis(0))));
    let t7: f64 = t6.tanh();
    let t8: Array1<f64> = t3.mean_axis(Axis(1)).unwrap();
    let t9 = h5(&Array::from_elem((3, 5), 1.5_f64).dot(&t3));
    let t10: f64 = t9.tanh();
    t10 + 0.948 * t5.sum() + 0.933 * t6 + 0.785 * t7 + 0.272 * t8.sum() + 0.759 * t9 + 0.885 * t10
}

#[test]
fn test_f5() {
    let mut rng = Rng::new(232100070);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let (v, d_a) = f5_grad(&a);
    common::assert_near(v, f5(&a), "value");
    assert_fd_array(|xx| f5(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f5_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f5_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f5_grad(&pp_a);
    let (_, gm_a) = f5_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 3, 4)
#[differentiable(wrt(a, d))]
fn f6(a: Array2<f64>, b: &Array1<f64>, c: &Array1<f64>, d: ArrayView2<f64>) -> f64 {
    let t1 = (b / (b * b + 0.5)) + b;
    let mut t2: Array1<f64> = d
        .fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &v: &f64| v.max(m))
        .mapv(|v| (v * v + 0.5).sqrt());
    if a.mean().unwrap().sin() > -0.467 {
        t2 = &t2 * 0.803
            + &ad_runtime::ndarray::concatenate(
                Axis(0),
                &[
                    d.mean_axis(Axis(1)).unwrap().view(),
                    a.std_axis(Axis(1), 1.0).view(),
                ],
            )
            .unwrap();
    }
    let t3 = ((b * b).insert_axis(Axis(1))
        + &(Array::from_elem((3, 3), 1.5_f64) * t1.view().insert_axis(Axis(0))))
        .var_axis(Axis(1), 0.0)
        .mapv(f64::tanh);
    let mut t4: Array1<f64> = Array::from_elem((3, 4), 1.5_f64).dot(c);
    if nn::cross_entropy(
        &(&a.slice(s![.., ..3]) * &a.slice(s![.., ..3]) + 0.5).sqrt(),
        &vec![1usize; 2],
    ) > -0.648
    {
        let t5: f64 = nn::cross_entropy_one_hot(
            &d.slice(s![.., 1..]),
            &nn::softmax(&a.slice(s![.., 1..]), Axis(1)),
        );
        t4 = &t4 * 0.302 + &nn::sigmoid(&Array::from_elem((3, 3), 1.5_f64).dot(&t4));
    }
    let mut t6: f64 = 0.0;
    for i in 0..2 {
        let t7 = b[i + 1] - b[i] * b[i];
        let t8 = 1.0 - b[i];
        t6 += 2.26 * t7 * t7 + t8 * t8;
    }
    let t9: f64 = t6.tanh();
    let mut t10 = Array1::<f64>::zeros(4);
    let mut t11: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t12: Array1<f64> = &t4 - &t3;
        let t13 = Array::from_elem((3, 4), 0.25_f64).var(0.0);
        t10 = &t10 * 0.7 + &d.t().dot(&d.var_axis(Axis(1), 0.0)).mapv(f64::tanh);
        t11 = t11 * 0.8 - (((t6.sin().powi(2) + 0.5).ln() + t12.mean().unwrap()) + t13).tanh();
    }
    let t14: Array1<f64> = (-Array::from_elem((3, 4), 0.25_f64)
        .mean_axis(Axis(1))
        .unwrap())
    .mapv(|v| v * v + 1.0)
    .powf(1.5);
    t3.mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + 0.486 * t9
        + (&t10 * &t10).mean().unwrap()
        + 0.507 * t11
        + 0.405 * t14.sum()
}

#[test]
fn test_f6() {
    let mut rng = Rng::new(232100082);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (v, (d_a, d_d)) = f6_grad(a.clone(), &b, &c, d.view());
    common::assert_near(v, f6(a.clone(), &b, &c, d.view()), "value");
    assert_fd_array(|xx| f6(xx.clone(), &b, &c, d.view()), &a, &d_a, "da");
    let d_d: Array2<f64> = d_d;
    assert_fd_array(|xx| f6(a.clone(), &b, &c, xx.view()), &d, &d_d, "dd");
}

// dims (5, 3, 4)
#[differentiable]
fn f7(a: &Array1<f64>, s: f64) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t1 += (a[i + 1] * s - a[i]).tanh();
    }
    let t2 = t1.tanh();
    let t3: f64 = if (a.sum() * t2).tanh().cos() < -0.241 {
        s.cos() * (a.mean().unwrap().powi(2) + 0.5).sqrt()
    } else {
        nn::mse(a, &a.tanh())
    };
    let mut t4: f64 = t3.powi(2).tanh();
    if s < 0.11 {
        let t5 = a[7];
        t4 = t4 * 0.865 + a.sum().tanh();
    }
    let t6 = ((a + a)
        + nn::cross_entropy_one_hot(
            &Array::from_elem((5, 3), 1.5_f64),
            &nn::softmax(&Array::from_elem((5, 3), 0.5_f64), Axis(1)),
        ))
        * Array::from_elem((15, 5), 1.5_f64)
            .dot(&Array::from_elem(5, 0.25_f64))
            .tanh();
    let mut t7: f64 = 0.0;
    for i in 1..t6.len() {
        t7 += (t6[i] - t6[i - 1]).powi(2) * 0.953;
    }
    let t8 = t7.tanh();
    let t9 = a.slice(s![1..]);
    let mut t10: f64 = 0.0;
    for i in 1..a.len() {
        t10 += (a[i] - a[i - 1]).powi(2) * 1.06;
    }
    let t11 = t10.tanh();
    (&a.mapv(|v| v * t4) * &a.mapv(|v| v * t4)).sum()
        + 0.413 * t4
        + 0.696 * t8
        + 0.685 * t9.sum()
        + 0.392 * t11
}

#[test]
fn test_f7() {
    let mut rng = Rng::new(232100094);
    let a = rand(&mut rng, 15, 0.5, 1.5);
    let s = 0.6195;
    let (v, (d_a, d_s)) = f7_grad(&a, s);
    common::assert_near(v, f7(&a, s), "value");
    assert_fd_array(|xx| f7(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f7(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f7_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f7_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f7_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = f7_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (4, 5, 2)
#[differentiable]
fn f8(a: &Array2<f64>) -> f64 {
    let mut t1: Array2<f64> = a.tanh().to_owned();
    if (-0.683_f64) > 0.11 {
        let t2: f64 = t1.mean().unwrap() * a.sum();
        t1 = &t1 * 0.751 + &(a / (t2 * t2 + 1.0));
    } else {
        t1 = &(-a) - &t1;
    }
    let t3: ArrayView1<f64> = a.index_axis(Axis(1), 0);
    let t4: Array2<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (nn::sigmoid(&a.slice(s![..2, ..])) + 0.25).powf(1.5).view(),
            (&a.slice(s![..2, ..]) + &a.slice(s![..2, ..])).view(),
        ],
    )
    .unwrap();
    let t5 = ad_runtime::ndarray::stack(Axis(1), &[t3, t3])
        .unwrap()
        .to_shape((8, Order::ColumnMajor))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((2, 4), Order::ColumnMajor))
        .unwrap()
        .to_shape((4, 2))
        .unwrap()
        .into_owned();
    let t6: Array2<f64> = if ((t3.mean().unwrap() + a[[2, 0]]) * t4.var(1.0)).tanh() > 0.267 {
        (&Array::from_elem((4, 4), 0.25_f64) / (t3[1] * t3[1] + 1.0))
            .dot(&(&t4.index_axis(Axis(0), 1).insert_axis(Axis(0)) + &t3.insert_axis(Axis(1))))
    } else {
        t4.t()
            .to_shape(((4, 2), Order::RowMajor))
            .unwrap()
            .exp()
            .ln()
    };
    let t7 = t5.index_axis(Axis(1), 1);
    ((-0.974_f64) / t3.mean().unwrap().sin().exp()) + 0.691 * t6.sum() + 0.999 * t7.sum()
}

#[test]
fn test_f8() {
    let mut rng = Rng::new(232100106);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, d_a) = f8_grad(&a);
    common::assert_near(v, f8(&a), "value");
    assert_fd_array(|xx| f8(xx), &a, &d_a, "da");
}

// dims (4, 3, 2)
#[differentiable]
fn h9(a: ArrayView2<f64>, b: Array1<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t1 += (b[i + 1] * 1.23 - b[i]).tanh();
    }
    let mut t2: Array1<f64> = Array::from_elem((3, 3), 1.5_f64).dot(&b).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4: Array1<f64> = a.sum_axis(Axis(0));
        let t5: f64 = t3 * r[1];
        t2 = &t2 * 0.7 + &((&r * &(a.var_axis(Axis(0), 0.0) * (i as f64 * 0.3))) - &t4).tanh();
        t3 = (t3 + (b.sum().exp().ln() + t5).tanh()).tanh();
    }
    (-0.868_f64) + 0.952 * t1 + 0.359 * t2.sum()
}

#[test]
fn test_h9() {
    let mut rng = Rng::new(232100118);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b)) = h9_grad(a.view(), b.clone());
    common::assert_near(v, h9(a.view(), b.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h9(xx.view(), b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| h9(a.view(), xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h9_jvp(a.view(), b.clone(), t_a.view(), t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h9_hvp(a.view(), b.clone(), t_a.view(), t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h9_grad(pp_a.view(), pp_b.clone());
    let (_, (gm_a, gm_b)) = h9_grad(pm_a.view(), pm_b.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (4, 3, 2)
#[differentiable]
fn f9(a: &Array2<f64>, b: &Array2<f64>, c: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> =
        &(c * &nn::log_softmax(c, Axis(0))) + c.exp().mapv_into(|v| (v.sin()) * v);
    let t2 = &b.slice(s![1.., ..2]).sum_axis(Axis(1)) + (0.321_f64 * b);
    let mut t3: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t3 += (c[i + 1] * 1.33 - c[i]).tanh();
    }
    let mut t4: Array1<f64> = (nn::sigmoid(c) + 0.25).ln();
    let mut t5: f64 = t3 * t3;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t6 = a
            .map(|&v| (((v * t3) * t3 + t3) * ((v * t3) * t3 + t3) + 0.5).sqrt())
            .mapv(f64::tanh);
        let t7: Array1<f64> = t1.tanh();
        t4 = (&t4 + &(&(&(&r + &(-c)) + t7) * 0.667)).mapv(f64::tanh);
        t5 = t5 * 0.8 - t6.mean().unwrap();
    }
    let t8: f64 = t5.sin().exp().sqrt();
    let t9 = (&(-&t1).mapv(f64::sin) * &(-&t1).mapv(f64::sin)).sum();
    nn::log_softmax(
        &a.fold_axis(Axis(0), f64::INFINITY, |&m, &x| x.min(m))
            .mapv(f64::tanh),
        Axis(0),
    ) + ((&t2 * &t2).mean().unwrap() + (&t4 * &t4).mean().unwrap() + t8 + t9)
}

#[test]
fn test_f9() {
    let mut rng = Rng::new(232100120);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f9_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &f9(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f9(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f9(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f9(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (2, 4, 3)
#[differentiable]
fn f10(a: Array1<f64>) -> Array1<f64> {
    let t1 = (-&Array::from_elem((3, 3), 0.25_f64))
        .mean_axis(Axis(0))
        .unwrap();
    let t2: Array1<f64> = -&(t1.mapv(f64::cos) * nn::mse(&t1, &t1));
    let t3 = (-t2).mapv(|v| v * v).sum();
    let t4 = -&t1.map(|&v| (v * t3).tanh());
    (&t4 / &a).powi(2) + (a.sum() + (&t4 * &t4).mean().unwrap())
}

#[test]
fn test_f10() {
    let mut rng = Rng::new(232100132);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, d_a) = f10_vjp(a.clone(), seed.clone());
    assert_array(&y, &f10(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f10(xx.clone())), &a, &d_a, "da");
}

// dims (5, 4, 3)
#[differentiable]
fn f11(a: &Array1<f64>, b: ArrayView2<f64>, s: f64) -> f64 {
    let t1: Array1<f64> = -b
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &x: &f64| {
            (x * s).max(m)
        })
        .dot(&b);
    let t2 = &(&nn::logsumexp(&b, Axis(0)) + &Array2::<f64>::eye(4).powi(2).dot(&(a + s))) * 0.145;
    let t3 = nn::sigmoid(&((a + &t1) * &(a + a)));
    (a + &b.index_axis(Axis(0), 2)).var(1.0) + (&t2 * &t2).mean().unwrap() + 0.355 * t3.sum()
}

#[test]
fn test_f11() {
    let mut rng = Rng::new(232100144);
    let a = rand(&mut rng, 4, 0.5, 1.5);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let s = -0.8722;
    let (v, (d_a, d_b, d_s)) = f11_grad(&a, b.view(), s);
    common::assert_near(v, f11(&a, b.view(), s), "value");
    assert_fd_array(|xx| f11(xx, b.view(), s), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f11(&a, xx.view(), s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f11(&a, b.view(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f11_jvp(&a, b.view(), s, &t_a, t_b.view(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) =
        f11_hvp(&a, b.view(), s, &t_a, t_b.view(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = f11_grad(&pp_a, pp_b.view(), pp_s);
    let (_, (gm_a, gm_b, gm_s)) = f11_grad(&pm_a, pm_b.view(), pm_s);
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

// dims (4, 2, 3)
#[differentiable]
fn f12(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    let t1 = &(&(&b.row(1) - b.fold_axis(Axis(0), f64::INFINITY, |&m, &v| v.min(m)))
        * &b.row(0).mapv(|v| v))
        .insert_axis(Axis(0))
        * (b.std(1.0) + &(-&b.index_axis(Axis(1), 0))).insert_axis(Axis(1));
    let t2 = t1[[2, 1]];
    let t3 = if t1[[2, 0]] > -0.15 {
        a.sin() + a.powi(3)
    } else {
        nn::log_softmax(&(-a), Axis(0))
    };
    t2.cos().powi(2) + 0.54 * t2 + 0.599 * t3.sum()
}

#[test]
fn test_f12() {
    let mut rng = Rng::new(232100156);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, (d_a, d_b)) = f12_grad(&a, &b);
    common::assert_near(v, f12(&a, &b), "value");
    assert_fd_array(|xx| f12(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f12(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f12_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f12_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f12_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f12_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (4, 2, 5)
#[differentiable(wrt(a, s, b, p))]
fn f13(a: &Array2<f64>, s: f64, b: &Array1<f64>, p: f64, c: &Array2<f64>) -> f64 {
    let t1: Array2<f64> = &c.dot(&a.slice(s![.., 1..3])) * p;
    let mut t2: Array1<f64> = b.to_owned();
    let mut t3: f64 = t1[[0, 1]].tanh().exp();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t2 = &t2 * 0.7 + &(&r - &nn::softmax(&a.row(0), Axis(0))).mapv(f64::tanh);
        t3 = (t3 + nn::log_softmax(b, Axis(0)).std(1.0).tanh()).tanh();
    }
    let t4 = &nn::sigmoid(&a.t().dot(&a.sum_axis(Axis(1)))) * (p / &t2.mapv(|v| v * v + 1.0));
    let t5 = nn::log_softmax(&Array::from_elem((5, 5), 1.5_f64), Axis(0))
        .mapv_into(|v| ((v.sin()) * (v.sin()) + 0.5).sqrt())
        .dot(&nn::relu(&Array::from_elem((5, 5), 0.25_f64)).dot(&t2.mapv(f64::tanh)))
        .mapv(f64::tanh);
    nn::log_softmax(b, Axis(0)).mean().unwrap()
        + 0.454 * s
        + 0.497 * t3
        + (&t4 * &t4).mean().unwrap()
        + 0.569 * t5.sum()
}

#[test]
fn test_f13() {
    let mut rng = Rng::new(232100168);
    let a = rand(&mut rng, (2, 5), 0.5, 1.5);
    let s = 1.4456;
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let p = 0.4638;
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_p)) = f13_grad(&a, s, &b, p, &c);
    common::assert_near(v, f13(&a, s, &b, p, &c), "value");
    assert_fd_array(|xx| f13(xx, s, &b, p, &c), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f13(&a, xx[()], &b, p, &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f13(&a, s, xx, p, &c), &b, &d_b, "db");
    let fd_p = fd(
        |xx: &Array<f64, _>| f13(&a, s, &b, xx[()], &c),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_p = 0.9;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let (vj, tj) = f13_jvp(&a, s, &b, p, &c, &t_a, t_s, &t_b, t_p);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum() + d_p * t_p;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (d_p * t_p).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b, hg_p), (hh_a, hh_s, hh_b, hh_p)) =
        f13_hvp(&a, s, &b, p, &c, &t_a, t_s, &t_b, t_p);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_p)) = f13_grad(&pp_a, pp_s, &pp_b, pp_p, &c);
    let (_, (gm_a, gm_s, gm_b, gm_p)) = f13_grad(&pm_a, pm_s, &pm_b, pm_p, &c);
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
}

// dims (4, 2, 4)
#[differentiable]
fn f14(a: &Array2<f64>, b: &Array2<f64>, c: &Array1<f64>, d: &Array2<f64>, w: &Array1<f64>) -> f64 {
    let t1: f64 = a
        .mapv(|v| (if v > 0.416 { v } else { v }) * (v * v))
        .var_axis(Axis(1), 0.0)
        .sum();
    let t2: Array2<f64> = ad_runtime::ndarray::concatenate(
        Axis(1),
        &[
            (ad_runtime::ndarray::stack(
                Axis(1),
                &[b.sum_axis(Axis(0)).view(), d.sum_axis(Axis(0)).view()],
            )
            .unwrap()
                + &d.slice(s![..2, 2..])
                    .to_shape(4)
                    .unwrap()
                    .to_owned()
                    .insert_axis(Axis(1)))
                .view(),
            a.t().sin().map(|&v| v.exp()).view(),
        ],
    )
    .unwrap();
    let t3 = ((a.mean().unwrap() * a.mean().unwrap() + 1.0).ln().powi(2) + 0.5).ln();
    let t4 = nn::sigmoid(&(&t2 / &(nn::sigmoid(&(&t2.dot(&a.sum_axis(Axis(0))) * 0.0357)) + 0.25)));
    let t5 = w.view();
    let t6: ArrayView1<f64> = a.index_axis(Axis(1), 2);
    b.slice(s![.., ..2]).var_axis(Axis(0), 0.0).var(0.0)
        + (c * c).mean().unwrap()
        + 0.886 * t1
        + 0.605 * t3
        + 0.869 * t4.sum()
        + (&t5 * &t5).mean().unwrap()
        + 0.907 * t6.sum()
}

#[test]
fn test_f14() {
    let mut rng = Rng::new(232100180);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 4), 0.5, 1.5);
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let d = rand(&mut rng, (4, 4), -1.0, 1.0);
    let w = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f14_grad(&a, &b, &c, &d, &w);
    common::assert_near(v, f14(&a, &b, &c, &d, &w), "value");
    assert_fd_array(|xx| f14(xx, &b, &c, &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f14(&a, xx, &c, &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f14(&a, &b, xx, &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f14(&a, &b, &c, xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f14(&a, &b, &c, &d, xx), &w, &d_w, "dw");
}

// dims (2, 3, 5)
#[differentiable]
fn f15(
    a: &Array1<f64>,
    b: &Array1<f64>,
    s: f64,
    c: &Array1<f64>,
    k: usize,
    d: ArrayView2<f64>,
) -> Array1<f64> {
    let ord = match k {
        0 => Order::C,
        _ => Order::F,
    };
    let t1: Array2<f64> = (&d.slice(s![.., 2..]) + c[1])
        .to_shape(((2, 3), ord))
        .unwrap()
        .into_owned();
    let t2: f64 = b[1];
    let t3 = nn::sigmoid(c).mapv(|v| v);
    let t4: Array1<f64> = ((d.std(0.0) - (b + b))
        / &(nn::sigmoid(
            &(&d.index_axis(Axis(0), 0) * &t3)
                .dot(&(Array::from_elem((5, 3), 0.25_f64) - &Array::from_elem((5, 3), 0.25_f64))),
        ) + 0.25))
        .tanh();
    let t5: ArrayView1<f64> = c.view();
    let t6: f64 = t1[[0, 0]];
    let t7 = b.slice(s![1..]);
    (&t7 * a).mapv_into(f64::tanh) + (s + t2 + t4.sum() + t5.sum() + t6 + t7.sum())
}

#[test]
fn test_f15() {
    let mut rng = Rng::new(232100192);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let s = 1.4793;
    let c = rand(&mut rng, 5, 0.5, 1.5);
    let d = rand(&mut rng, (2, 5), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 2, -1.0, 1.0);
        let (y, (d_a, d_b, d_s, d_c, d_d)) = f15_vjp(&a, &b, s, &c, k, d.view(), seed.clone());
        assert_array(&y, &f15(&a, &b, s, &c, k, d.view()), "value");
        assert_fd_array(
            |xx| inner(&seed, &f15(xx, &b, s, &c, k, d.view())),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f15(&a, xx, s, &c, k, d.view())),
            &b,
            &d_b,
            "db",
        );
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f15(&a, &b, xx[()], &c, k, d.view())),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(
            |xx| inner(&seed, &f15(&a, &b, s, xx, k, d.view())),
            &c,
            &d_c,
            "dc",
        );
        let d_d: Array2<f64> = d_d;
        assert_fd_array(
            |xx| inner(&seed, &f15(&a, &b, s, &c, k, xx.view())),
            &d,
            &d_d,
            "dd",
        );
    }
}

// dims (3, 5, 3)
#[differentiable]
fn f16(a: &Array2<f64>, b: Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = (&b / &(nn::softplus(&b) + 0.5)).to_owned();
    let mut t2: f64 = -1.23_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = a.std_axis(Axis(0), 1.0) - &b;
        let t4: Array1<f64> = a.slice(s![2.., ..]).dot(&t1);
        t1 = (&t1 + &(&(&r - &t3) + t4).tanh()).mapv(f64::tanh);
        t2 = (t2 + (&(-&r) * &(-&r)).sum()).tanh();
    }
    let t5 = a.index_axis(Axis(1), 0);
    let t6 = t5.view();
    let t7 = &(t6.sum().sin()
        / (&t1.dot(&a.slice(s![2.., ..])) * &t1.dot(&a.slice(s![2.., ..])) + 0.5))
        + (&a.slice(s![1..4, ..]).dot(&b) + &(t5[4] + &b));
    let t8: ArrayView1<f64> = t7.view();
    (t2 * t1[1]).powi(2) + 0.403 * t2 + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f16() {
    let mut rng = Rng::new(232100204);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b)) = f16_grad(&a, b.clone());
    common::assert_near(v, f16(&a, b.clone()), "value");
    assert_fd_array(|xx| f16(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f16(&a, xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f16_jvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f16_hvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f16_grad(&pp_a, pp_b.clone());
    let (_, (gm_a, gm_b)) = f16_grad(&pm_a, pm_b.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 4, 2)
#[differentiable]
fn f17(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    let t1 = 0.404_f64;
    let mut t2: Array2<f64> = b.slice(s![.., ..3]).dot(b).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t2 = t2 + b;
        t3 += ((b * b).sum() - r.mean().unwrap()).tanh();
    }
    let t4: Array1<f64> = (t2.mean().unwrap() - &a.dot(&b.slice(s![..2, 1..3])))
        - &(b.sum() + a).mapv(f64::tanh).mapv(f64::cos);
    t1 + 0.672 * t1 + 0.457 * t3 + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f17() {
    let mut rng = Rng::new(232100216);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, (d_a, d_b)) = f17_grad(&a, &b);
    common::assert_near(v, f17(&a, &b), "value");
    assert_fd_array(|xx| f17(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f17(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f17_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f17_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f17_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f17_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (4, 3, 2)
#[differentiable]
fn f18(a: &Array1<f64>, s: f64) -> f64 {
    let t1 = a.mapv(f64::exp).mapv_into(|v| (v * s + s).sin());
    let t2 = nn::logsumexp(
        &Array::from_elem((4, 4), 0.25_f64)
            .to_shape((16, Order::RowMajor))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((4, 4), Order::ColumnMajor))
            .unwrap(),
        Axis(1),
    );
    let t3: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (&Array1::<f64>::linspace(-0.5, 0.5, 2) * &Array1::<f64>::ones(2)).view(),
            (s - &Array1::<f64>::ones(2)).view(),
        ],
    )
    .unwrap()
    .cos();
    let t4: f64 = s;
    let mut t5: f64 = 0.0;
    for i in 1..a.len() {
        t5 += (a[i] - a[i - 1]).powi(2) * 0.359;
    }
    let t6 = t1.slice(s![1..]);
    t1.dot(&Array::from_elem((4, 4), 0.5_f64)).var(0.0)
        + 0.539 * t2.sum()
        + (&t3 * &t3).mean().unwrap()
        + 0.754 * t4
        + 0.347 * t5
        + 0.495 * t6.sum()
}

#[test]
fn test_f18() {
    let mut rng = Rng::new(232100228);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let s = 0.7932;
    let (v, (d_a, d_s)) = f18_grad(&a, s);
    common::assert_near(v, f18(&a, s), "value");
    assert_fd_array(|xx| f18(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f18(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (5, 4, 2)
#[differentiable]
fn f19(a: Array1<f64>) -> f64 {
    let t1 = a.view();
    let t2: Array1<f64> = nn::relu(&(a.sum() / &t1.exp()).tanh());
    let t3: Array1<f64> = nn::logsumexp(
        &nn::sigmoid(&ad_runtime::ndarray::stack(Axis(0), &[a.view(), t1]).unwrap()),
        Axis(0),
    );
    let mut t4: Array1<f64> = t3.tanh();
    if t3[3] > 1.31 {
        t4 = &t4 * 0.647 + &(a[1] / t4.exp());
    }
    let t5: f64 = nn::mse(
        &t2.mapv(|v| {
            if v > 0.593 {
                if v > -0.135 { v } else { v }
            } else {
                v
            }
        }),
        &((&t1 / (a[3] * a[3] + 1.0)) + (t2.mean().unwrap() + 0.363).abs()),
    );
    let t6: Array1<f64> = nn::softmax(&a, Axis(0)).mapv(|v| ((v.sin()) * (v.sin()) + 0.5).sqrt());
    Array2::<f64>::eye(5)
        .dot(&t3)
        .mapv(f64::tanh)
        .mean()
        .unwrap()
        + 0.344 * t5
        + 0.437 * t6.sum()
}

#[test]
fn test_f19() {
    let mut rng = Rng::new(232100240);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let (v, d_a) = f19_grad(a.clone());
    common::assert_near(v, f19(a.clone()), "value");
    assert_fd_array(|xx| f19(xx.clone()), &a, &d_a, "da");
}

// dims (4, 2, 5)
#[differentiable]
fn h20(a: &Array1<f64>) -> Array1<f64> {
    let t1: ArrayView1<f64> = a.view();
    let t2 = Array::from_elem((2, 2), 0.5_f64)
        .abs()
        .to_shape(4)
        .unwrap()
        .to_owned();
    let t3: ArrayView1<f64> = a.view();
    ((-a) * t1.sum().cos())
        * ((&t1 * &t1).mean().unwrap() + (&t2 * &t2).mean().unwrap() + (&t3 * &t3).mean().unwrap())
}

#[test]
fn test_h20() {
    let mut rng = Rng::new(232100252);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, d_a) = h20_vjp(&a, seed.clone());
    assert_array(&y, &h20(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h20(xx)), &a, &d_a, "da");
}

// dims (4, 2, 5)
#[differentiable]
fn f20(a: &Array1<f64>, b: ArrayView2<f64>, s: f64, c: &Array1<f64>, p: f64) -> Array1<f64> {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t2: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3 = nn::softmax(&r, Axis(0));
        let t4 = b.sum_axis(Axis(0));
        t1 = &t1 * 0.7 + &(&t4.mapv(f64::cos) - &t3);
        t2 = (t2 + (c.mean().unwrap().powi(2) - t3.mean().unwrap())).tanh();
    }
    let t5: Array1<f64> =
        &a.dot(&b.t()).map(|&v| (v.powi(2) - 0.5).tanh().exp()) + b.std_axis(Axis(1), 1.0);
    let t6 = &(&(a * a) * &t1) * 0.111;
    let t7 = (t1.std(1.0) - (t6.sum() / (t1[1] * t1[1] + 1.0))).tanh();
    let mut t8: Array1<f64> = a.map(|&v| (v.sin()) * p + p).to_owned();
    let mut t9: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t10: Array1<f64> =
            b.view()
                .reversed_axes()
                .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &x: &f64| m.max(x));
        t8 = t8 + &((&r + (&t6 / &(nn::sigmoid(&r) + 0.25))) + t10).mapv(f64::tanh);
        t9 = t9 * 0.8 - t1.sum().sin();
    }
    let t11: f64 = t1.sum().tanh();
    b.to_shape(((2, 4), Order::RowMajor))
        .unwrap()
        .to_owned()
        .dot(&c.mapv(|v| (v.tanh()).tanh()))
        * (s + t2 + t5.sum() + t7 + t8.sum() + t9 + t11)
}

#[test]
fn test_f20() {
    let mut rng = Rng::new(232100254);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = -0.9820;
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let p = 0.4942;
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_c, d_p)) = f20_vjp(&a, b.view(), s, &c, p, seed.clone());
    assert_array(&y, &f20(&a, b.view(), s, &c, p), "value");
    assert_fd_array(
        |xx| inner(&seed, &f20(xx, b.view(), s, &c, p)),
        &a,
        &d_a,
        "da",
    );
    let d_b: Array2<f64> = d_b;
    assert_fd_array(
        |xx| inner(&seed, &f20(&a, xx.view(), s, &c, p)),
        &b,
        &d_b,
        "db",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f20(&a, b.view(), xx[()], &c, p)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| inner(&seed, &f20(&a, b.view(), s, xx, p)),
        &c,
        &d_c,
        "dc",
    );
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f20(&a, b.view(), s, &c, xx[()])),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (4, 3, 5)
#[differentiable]
fn f21(a: &Array1<f64>, b: &Array1<f64>, c: Array2<f64>, d: Array2<f64>) -> f64 {
    let t1 = (-0.423_f64).exp().ln();
    let t2 = c.to_shape((5, 3)).unwrap().into_owned().mapv(|v| {
        ((((v * 1.02) * (v * 1.02) + 0.5).sqrt()) * (((v * 1.02) * (v * 1.02) + 0.5).sqrt()) + 0.5)
            .sqrt()
    });
    let t3: f64 = b[1];
    let t4 = if Array::from_elem(4, 0.5_f64)
        .dot(&Array1::<f64>::ones(4))
        .tanh()
        < 0.146
    {
        nn::cross_entropy(&t2.slice(s![..4, ..]), &vec![1usize; 4]) * &(-&d)
    } else {
        d.mapv(|v| ((v.exp()) * (v.exp()) + 0.5).sqrt()).mapv(|v| v)
    };
    c[[0, 0]] + (a * a).mean().unwrap() + 0.613 * t1 + 0.454 * t3 + 0.447 * t4.sum()
}

#[test]
fn test_f21() {
    let mut rng = Rng::new(232100266);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let d = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f21_grad(&a, &b, c.clone(), d.clone());
    common::assert_near(v, f21(&a, &b, c.clone(), d.clone()), "value");
    assert_fd_array(|xx| f21(xx, &b, c.clone(), d.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f21(&a, xx, c.clone(), d.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f21(&a, &b, xx.clone(), d.clone()), &c, &d_c, "dc");
    assert_fd_array(|xx| f21(&a, &b, c.clone(), xx.clone()), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f21_jvp(
        &a,
        &b,
        c.clone(),
        d.clone(),
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
    let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) = f21_hvp(
        &a,
        &b,
        c.clone(),
        d.clone(),
        &t_a,
        &t_b,
        t_c.clone(),
        t_d.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f21_grad(&pp_a, &pp_b, pp_c.clone(), pp_d.clone());
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f21_grad(&pm_a, &pm_b, pm_c.clone(), pm_d.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (3, 5, 3)
#[differentiable]
fn f22(a: ArrayView2<f64>, s: f64, b: &Array2<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = -&a.fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &v: &f64| {
        ((v - s).powi(2)).max(m)
    });
    let mut t2: f64 = s;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3: Array2<f64> = nn::softplus(b);
        t1 = &t1 * 0.7 + &(&r * &t1.mapv(|v| v * v + 1.0).powf(1.5).tanh());
        t2 += (((t2 * b.mean().unwrap()).powi(2) + 0.5).sqrt() + t3.mean().unwrap()).tanh();
    }
    let t4: Array2<f64> = (&a.t().dot(&a.column(2)) / s.exp().sqrt())
        / (nn::softplus(
            &a.mapv(f64::tanh)
                .map(|&v| (if v > 0.1 { v * 1.23 } else { v }).sin()),
        ) + 0.5);
    let t5 = b.mean_axis(Axis(1)).unwrap().dot(&((-0.508_f64) + &a));
    let t6 = (t5 / (nn::softplus(&t1) + 0.5)).abs();
    let t7 = t6.view();
    let t8: Array1<f64> = &(&t7 / &(nn::softplus(&t4.std_axis(Axis(0), 1.0).tanh()) + 0.5)) * 0.11;
    (nn::cross_entropy(&a, &vec![0usize; 3]) - &nn::softplus(&t1)).tanh() * (t8.sum())
}

#[test]
fn test_f22() {
    let mut rng = Rng::new(232100278);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let s = 0.5268;
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_s, d_b)) = f22_vjp(a.view(), s, &b, seed.clone());
    assert_array(&y, &f22(a.view(), s, &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &f22(xx.view(), s, &b)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f22(a.view(), xx[()], &b)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f22(a.view(), s, xx)), &b, &d_b, "db");
}

// dims (5, 4, 2)
#[differentiable]
fn h23(a: Array1<f64>, b: &Array1<f64>, s: f64) -> f64 {
    let t1: Array1<f64> =
        (Array2::<f64>::eye(5).dot(&a) / &(nn::softplus(&a.mapv(f64::exp)) + 0.5)).tanh();
    let t2: ArrayView1<f64> = a.view();
    let t3 = Array::from_elem((5, 5), 1.5_f64)
        .var_axis(Axis(1), 0.0)
        .mapv(|v| (if v > 0.56 { v * s } else { v }).tanh().exp());
    nn::mse(&(&t2 + &t3), &(&t1 + &t1))
        + (b * b).mean().unwrap()
        + 0.337 * t1.sum()
        + 0.55 * t2.sum()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_h23() {
    let mut rng = Rng::new(232100290);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let s = 0.7410;
    let (v, (d_a, d_b, d_s)) = h23_grad(a.clone(), &b, s);
    common::assert_near(v, h23(a.clone(), &b, s), "value");
    assert_fd_array(|xx| h23(xx.clone(), &b, s), &a, &d_a, "da");
    assert_fd_array(|xx| h23(a.clone(), xx, s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| h23(a.clone(), &b, xx[()]),
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
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h23_jvp(a.clone(), &b, s, t_a.clone(), &t_b, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) =
        h23_hvp(a.clone(), &b, s, t_a.clone(), &t_b, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = h23_grad(pp_a.clone(), &pp_b, pp_s);
    let (_, (gm_a, gm_b, gm_s)) = h23_grad(pm_a.clone(), &pm_b, pm_s);
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

// dims (5, 4, 2)
#[differentiable]
fn f23(
    a: ArrayView2<f64>,
    b: Array1<f64>,
    c: &Array2<f64>,
    d: &Array2<f64>,
    k: usize,
    s: f64,
) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = Array::from_elem((5, 4), 0.5_f64)
        .cos()
        .to_shape(((5, 4), ord))
        .unwrap()
        .to_owned();
    let t2 = c.t();
    let mut t3: Array2<f64> = -&t2;
    if t1[[1, 0]] > -0.342 {
        let t4: f64 = c[[4, 0]] - s;
        t3 = &t3 * 0.436 + &(nn::sigmoid(&t2) + 0.25).ln();
    } else {
        t3 = &ad_runtime::ndarray::stack(Axis(0), &[b.view(), b.view()]).unwrap() - &t3;
    }
    let t5: ArrayView1<f64> = d.index_axis(Axis(0), 3);
    let mut t6: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t7: f64 = (a.mean().unwrap().powi(2) + 0.5).sqrt();
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        t6 = (&t6 + &r).mapv(f64::tanh);
        t7 = t7 * 0.8 - (t2[[1, 4]] / s).powi(2).tanh();
    }
    let t8 = t5.view();
    nn::mse(&(&t2 * s), &t2.to_shape(((2, 5), ord)).unwrap().to_owned())
        + 0.463 * t3.sum()
        + (&t6 * &t6).mean().unwrap()
        + 0.532 * t7
        + 0.344 * t8.sum()
}

#[test]
fn test_f23() {
    let mut rng = Rng::new(232100292);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let d = rand(&mut rng, (4, 2), 0.5, 1.5);
    let s = 1.2367;
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_d, d_s)) = f23_grad(a.view(), b.clone(), &c, &d, k, s);
        common::assert_near(v, f23(a.view(), b.clone(), &c, &d, k, s), "value");
        let d_a: Array2<f64> = d_a;
        assert_fd_array(|xx| f23(xx.view(), b.clone(), &c, &d, k, s), &a, &d_a, "da");
        assert_fd_array(|xx| f23(a.view(), xx.clone(), &c, &d, k, s), &b, &d_b, "db");
        assert_fd_array(|xx| f23(a.view(), b.clone(), xx, &d, k, s), &c, &d_c, "dc");
        assert_fd_array(|xx| f23(a.view(), b.clone(), &c, xx, k, s), &d, &d_d, "dd");
        let fd_s = fd(
            |xx: &Array<f64, _>| f23(a.view(), b.clone(), &c, &d, k, xx[()]),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    }
}

// dims (2, 3, 4)
#[differentiable]
fn h24(a: Array1<f64>, b: Array2<f64>, c: &Array2<f64>) -> f64 {
    let t1 = a.view();
    let mut t2: Array1<f64> = c.row(1).mapv(|v| v * v + 1.0).ln().to_owned();
    let mut t3: f64 = 1.03_f64;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t4 = c.view().reversed_axes().mean_axis(Axis(1)).unwrap();
        let t5 = &t2 - &r;
        t2 = t2 + &(&((&r - &b.var_axis(Axis(0), 0.0).dot(c).tanh()) - t4) - &t5).mapv(f64::tanh);
        t3 += (i as f64 * 0.3);
    }
    let t6 = t1.slice(s![1..]);
    t6.mean().unwrap() + 0.796 * t3 + 0.79 * t6.sum()
}

#[test]
fn test_h24() {
    let mut rng = Rng::new(232100304);
    let a = rand(&mut rng, 6, 0.5, 1.5);
    let b = rand(&mut rng, (2, 3), 0.5, 1.5);
    let c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h24_grad(a.clone(), b.clone(), &c);
    common::assert_near(v, h24(a.clone(), b.clone(), &c), "value");
    assert_fd_array(|xx| h24(xx.clone(), b.clone(), &c), &a, &d_a, "da");
    assert_fd_array(|xx| h24(a.clone(), xx.clone(), &c), &b, &d_b, "db");
    assert_fd_array(|xx| h24(a.clone(), b.clone(), xx), &c, &d_c, "dc");
}

// dims (2, 3, 4)
#[differentiable]
fn f24(a: &Array2<f64>, k: usize, b: &Array2<f64>) -> Array2<f64> {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1: Array2<f64> = b
        .exp()
        .powf(1.5)
        .to_shape(((2, 3), ord))
        .unwrap()
        .into_owned();
    let t2 = nn::sigmoid(
        &(&a.fold_axis(Axis(1), f64::INFINITY, |&m, &x| m.min(x))
            .insert_axis(Axis(1))
            - a)
            .mapv(f64::exp),
    )
    .map(|&v| (if v > 0.453 { v } else { v }).tanh());
    let t3: f64 = a.sum();
    let mut t4: Array2<f64> = nn::sigmoid(b);
    let mut t5: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t6: f64 = t4.var(1.0);
        let t7: Array1<f64> = &r
            * &t2.fold_axis(Axis(0), f64::NEG_INFINITY, |&acc, &x| {
                ((x - t5).powi(2)).max(acc)
            });
        t4 = &t4 * 0.7 + &a.mapv(f64::cos);
        t5 = (t5
            + (((r.mean().unwrap() * r.mean().unwrap() + 1.0).sqrt() + t6) + t7.mean().unwrap())
                .tanh())
        .tanh();
    }
    let t8 = ((&(&b.sum_axis(Axis(1)) / (nn::sigmoid(&t2.index_axis(Axis(1), 2)) + 0.25))
        * &t2.index_axis(Axis(1), 2))
        + &(-&(&t4.mean_axis(Axis(1)).unwrap() / &a.mean_axis(Axis(1)).unwrap().exp()).tanh()))
        .tanh();
    b.cos() + ((&t1 * &t1).mean().unwrap() + t3 + (&t8 * &t8).mean().unwrap())
}

#[test]
fn test_f24() {
    let mut rng = Rng::new(232100306);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
        let (y, (d_a, d_b)) = f24_vjp(&a, k, &b, seed.clone());
        assert_array(&y, &f24(&a, k, &b), "value");
        assert_fd_array(|xx| inner(&seed, &f24(xx, k, &b)), &a, &d_a, "da");
        assert_fd_array(|xx| inner(&seed, &f24(&a, k, xx)), &b, &d_b, "db");
    }
}

// dims (3, 2, 5)
#[differentiable]
fn h25(a: Array2<f64>) -> f64 {
    let t1 = if ((a[[2, 2]] * a[[2, 2]] + 1.0).ln() + (a[[0, 1]] * a[[0, 1]] + 1.0).sqrt()) < -0.734
    {
        ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                nn::logsumexp(&a, Axis(1)).view(),
                Array1::<f64>::ones(2).view(),
            ],
        )
        .unwrap()
        .insert_axis(Axis(0))
            - &(&a.index_axis(Axis(1), 3) * &a.index_axis(Axis(1), 2)).insert_axis(Axis(1))
    } else {
        &a.mapv(f64::cos) / (nn::sigmoid(&nn::logsumexp(&a, Axis(0)).insert_axis(Axis(0))) + 0.25)
    };
    let mut t2: Array2<f64> = (-&t1).to_owned();
    if nn::mse(&t1.tanh(), &(a.sum() + &t2).mapv(f64::tanh)) < -0.153 {
        let t3 = 0.404_f64;
        t2 = &t2 * 0.57 + &a.dot(&Array2::<f64>::eye(5)).tanh();
    }
    nn::log_softmax(&a, Axis(0)).sum()
}

#[test]
fn test_h25() {
    let mut rng = Rng::new(232100318);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, d_a) = h25_grad(a.clone());
    common::assert_near(v, h25(a.clone()), "value");
    assert_fd_array(|xx| h25(xx.clone()), &a, &d_a, "da");
}

// dims (3, 2, 5)
#[differentiable]
fn f25(
    a: &Array1<f64>,
    b: ArrayView2<f64>,
    c: ArrayView2<f64>,
    d: &Array1<f64>,
    w: Array1<f64>,
) -> f64 {
    let t1 = (&(&b / &d.view().insert_axis(Axis(0))) - w.var(1.0))
        .mapv(|v| ((v.tanh().exp()) * (v.tanh().exp()) + 1.0).ln());
    let t2: Array2<f64> = c
        .dot(&Array::from_elem((5, 5), 0.5_f64))
        .dot(&(-&Array::from_elem((5, 5), 1.5_f64)))
        .tanh()
        .exp();
    let t3: Array1<f64> = if (c.var(0.0) + (d.mean().unwrap() - b.mean().unwrap())) < 0.419 {
        -&(-a)
    } else {
        &a.mapv(|v| v) * a.dot(a)
    };
    nn::cross_entropy_one_hot(
        &Array::from_elem((3, 2), 0.25_f64).map(|&v| (v.sin()).powi(2) - 0.5),
        &nn::softmax(
            &(&w.view().insert_axis(Axis(1)) - &Array::from_elem((3, 2), 0.5_f64)),
            Axis(1),
        ),
    ) + (&t1 * &t1).mean().unwrap()
        + 0.783 * t2.sum()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_f25() {
    let mut rng = Rng::new(232100320);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let d = rand(&mut rng, 5, 0.5, 1.5);
    let w = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f25_grad(&a, b.view(), c.view(), &d, w.clone());
    common::assert_near(v, f25(&a, b.view(), c.view(), &d, w.clone()), "value");
    assert_fd_array(
        |xx| f25(xx, b.view(), c.view(), &d, w.clone()),
        &a,
        &d_a,
        "da",
    );
    let d_b: Array2<f64> = d_b;
    assert_fd_array(
        |xx| f25(&a, xx.view(), c.view(), &d, w.clone()),
        &b,
        &d_b,
        "db",
    );
    let d_c: Array2<f64> = d_c;
    assert_fd_array(
        |xx| f25(&a, b.view(), xx.view(), &d, w.clone()),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| f25(&a, b.view(), c.view(), xx, w.clone()),
        &d,
        &d_d,
        "dd",
    );
    assert_fd_array(
        |xx| f25(&a, b.view(), c.view(), &d, xx.clone()),
        &w,
        &d_w,
        "dw",
    );
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 5, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, 3, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f25_jvp(
        &a,
        b.view(),
        c.view(),
        &d,
        w.clone(),
        &t_a,
        t_b.view(),
        t_c.view(),
        &t_d,
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
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f25_hvp(
        &a,
        b.view(),
        c.view(),
        &d,
        w.clone(),
        &t_a,
        t_b.view(),
        t_c.view(),
        &t_d,
        t_w.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) =
        f25_grad(&pp_a, pp_b.view(), pp_c.view(), &pp_d, pp_w.clone());
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) =
        f25_grad(&pm_a, pm_b.view(), pm_c.view(), &pm_d, pm_w.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (3, 4, 3)
#[differentiable]
fn h26(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    let t1 = b.t();
    ((-1.25_f64) * (-1.25_f64) + 1.0).ln() + 0.457 * a.sum() + 0.658 * t1.sum()
}

#[test]
fn test_h26() {
    let mut rng = Rng::new(232100332);
    let a = rand(&mut rng, 12, -1.0, 1.0);
    let b = rand(&mut rng, (3, 3), 0.5, 1.5);
    let (v, (d_a, d_b)) = h26_grad(&a, &b);
    common::assert_near(v, h26(&a, &b), "value");
    assert_fd_array(|xx| h26(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| h26(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 12, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h26_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h26_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h26_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = h26_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 4, 3)
#[differentiable(wrt(d))]
fn f26(
    a: &Array2<f64>,
    b: Array2<f64>,
    k: usize,
    c: &Array1<f64>,
    d: Array1<f64>,
    w: Array1<f64>,
) -> Array2<f64> {
    let ord = match k {
        0 => Order::F,
        _ => Order::C,
    };
    let t1 = b
        .dot(&b.slice(s![1.., ..]))
        .to_shape(((3, 4), ord))
        .unwrap()
        .to_owned();
    let t2 = (-1.22_f64).exp();
    let t3: Array1<f64> =
        (&a.index_axis(Axis(1), 1) * &b.column(0)).dot(&(&b / (a.sum() * a.sum() + 1.0)));
    let t4 = d.sum();
    let mut t5: f64 = 0.0;
    for i in 0..d.len() - 1 {
        let t6 = d[i + 1] - d[i] * d[i];
        let t7 = 1.0 - d[i];
        t5 += 2.72 * t6 * t6 + t7 * t7;
    }
    let t8: f64 = t5.tanh();
    let t9 = (t5
        - nn::cross_entropy(
            &d.clone()
                .into_shape_with_order(((3, 4), Order::RowMajor))
                .unwrap(),
            &vec![1usize; 3],
        ))
    .tanh();
    (&b.std_axis(Axis(1), 1.0)
        .exp()
        .mapv(f64::tanh)
        .insert_axis(Axis(1))
        / &nn::sigmoid(&(t4 + &b.row(0)))
            .insert_axis(Axis(0))
            .mapv(|v| v * v + 1.0))
        * ((&t1 * &t1).mean().unwrap() + t2 + (&t3 * &t3).mean().unwrap() + t4 + t8 + t9)
}

#[test]
fn test_f26() {
    let mut rng = Rng::new(232100334);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), 0.5, 1.5);
    let c = rand(&mut rng, 12, -1.0, 1.0);
    let d = rand(&mut rng, 12, -1.0, 1.0);
    let w = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
        let (y, d_d) = f26_vjp(&a, b.clone(), k, &c, d.clone(), w.clone(), seed.clone());
        assert_array(
            &y,
            &f26(&a, b.clone(), k, &c, d.clone(), w.clone()),
            "value",
        );
        assert_fd_array(
            |xx| inner(&seed, &f26(&a, b.clone(), k, &c, xx.clone(), w.clone())),
            &d,
            &d_d,
            "dd",
        );
    }
}

// dims (5, 2, 5)
#[differentiable]
fn f27(a: &Array1<f64>) -> f64 {
    let t1 = nn::log_softmax(&a.mapv(|v| ((v * v + 0.5).sqrt()).powi(2) - 0.5), Axis(0));
    let t2: f64 = if (-1.48_f64) > -0.594 {
        t1[2]
    } else {
        nn::cross_entropy_one_hot(
            &Array2::<f64>::eye(5).dot(&Array::from_elem((5, 2), 0.25_f64)),
            &nn::softmax(
                &Array::from_elem((5, 2), 0.5_f64).mapv_into(f64::tanh),
                Axis(1),
            ),
        )
    };
    let t3 = a.view();
    let mut t4: Array1<f64> = t1.map(|&v| ((v * v + 1.0).ln()).powi(2) - 0.5).tanh();
    if 1.49_f64 < -0.643 {
        t4 = &t4 * 0.445 + &t3;
    }
    let t5: Array1<f64> = a.mapv(f64::tanh) - &(&t4 / (&t3 * &t3 + 0.5));
    t4.dot(&Array::from_elem((5, 5), 0.5_f64)).sum() + 0.758 * t2 + 0.258 * t5.sum()
}

#[test]
fn test_f27() {
    let mut rng = Rng::new(232100346);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let (v, d_a) = f27_grad(&a);
    common::assert_near(v, f27(&a), "value");
    assert_fd_array(|xx| f27(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f27_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f27_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f27_grad(&pp_a);
    let (_, gm_a) = f27_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 4, 3)
#[differentiable]
fn f28(a: &Array2<f64>, s: f64) -> f64 {
    let t1 = (&Array::from_elem((4, 5), 0.5_f64)
        .fold_axis(Axis(1), f64::INFINITY, |m, v| m.min(*v))
        .insert_axis(Axis(1))
        * (&a.t() * a[[1, 0]]))
    .to_shape(((3, 4), Order::C))
    .unwrap()
    .to_owned();
    let t2: ArrayView1<f64> = a.index_axis(Axis(0), 2);
    let t3 = nn::softmax(
        &((&t2 + &t2)
            / (nn::softplus(
                &(t1 / &(&a.column(0).insert_axis(Axis(1)) * &a.column(0).insert_axis(Axis(1))
                    + 0.5)),
            ) + 0.5)),
        Axis(0),
    );
    let t4 = t3.mean().unwrap().exp().cos();
    (a / &t2.mapv(|v| v * v + 1.0)).std(1.0) + 0.467 * s + 0.277 * t4
}

#[test]
fn test_f28() {
    let mut rng = Rng::new(232100358);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let s = 0.9333;
    let (v, (d_a, d_s)) = f28_grad(&a, s);
    common::assert_near(v, f28(&a, s), "value");
    assert_fd_array(|xx| f28(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f28(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f28_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f28_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f28_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = f28_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (2, 3, 2)
#[differentiable]
fn f29(
    a: &Array2<f64>,
    b: &Array1<f64>,
    c: Array2<f64>,
    d: &Array1<f64>,
    w: ArrayView2<f64>,
) -> Array2<f64> {
    let t1: Array2<f64> = if (-0.398_f64).exp() > 0.208 {
        ad_runtime::ndarray::stack(
            Axis(0),
            &[
                w.t().var_axis(Axis(1), 1.0).view(),
                a.var_axis(Axis(1), 0.0).dot(&c).view(),
            ],
        )
        .unwrap()
    } else {
        c.mapv(|v| v * v + 1.0).ln().mapv(|v| v * v + 1.0).ln()
    };
    let t2: Array1<f64> = if c[[1, 2]].cos().sin() > 0.11 {
        Array::from_elem((6, 2), 0.5_f64).dot(&nn::logsumexp(&w, Axis(1)))
            - (a.mean().unwrap() / (t1.sum() * t1.sum() + 1.0))
    } else {
        (&nn::logsumexp(&w, Axis(0)).dot(&Array::from_elem((3, 6), 1.5_f64)) * 0.148)
            + ((-0.674_f64) / (-0.696_f64).exp())
    };
    let mut t3: f64 = (w.sum() * w.sum() + 1.0).ln();
    if 0.944_f64 > 0.465 {
        t3 = t3 * 0.855 + t3.sin();
    } else {
        t3 = (t3 / (t3 * t3 + 1.0)).tanh() - t3;
    }
    let t4 = t1.mean_axis(Axis(0)).unwrap() + &t1;
    let mut t5: f64 = 0.0;
    for i in 1..b.len() {
        t5 += (b[i] - b[i - 1]).powi(2) * 1.37;
    }
    let t6: f64 = t5.tanh();
    t1.mapv(|v| v).mapv(|v| v * v + 1.0).powf(0.5)
        + ((d * d).mean().unwrap() + t2.sum() + (&t4 * &t4).mean().unwrap() + t6)
}

#[test]
fn test_f29() {
    let mut rng = Rng::new(232100370);
    let a = rand(&mut rng, (2, 2), -1.0, 1.0);
    let b = rand(&mut rng, 6, -1.0, 1.0);
    let c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let d = rand(&mut rng, 6, -1.0, 1.0);
    let w = rand(&mut rng, (2, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d, d_w)) = f29_vjp(&a, &b, c.clone(), &d, w.view(), seed.clone());
    assert_array(&y, &f29(&a, &b, c.clone(), &d, w.view()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f29(xx, &b, c.clone(), &d, w.view())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f29(&a, xx, c.clone(), &d, w.view())),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f29(&a, &b, xx.clone(), &d, w.view())),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f29(&a, &b, c.clone(), xx, w.view())),
        &d,
        &d_d,
        "dd",
    );
    let d_w: Array2<f64> = d_w;
    assert_fd_array(
        |xx| inner(&seed, &f29(&a, &b, c.clone(), &d, xx.view())),
        &w,
        &d_w,
        "dw",
    );
}

// dims (5, 3, 2)
#[differentiable]
fn h30(a: ArrayView2<f64>, s: f64) -> f64 {
    let t1 = a.view();
    (-0.884_f64).exp().ln() + 0.663 * s + 0.313 * t1.sum()
}

#[test]
fn test_h30() {
    let mut rng = Rng::new(232100382);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let s = 1.2881;
    let (v, (d_a, d_s)) = h30_grad(a.view(), s);
    common::assert_near(v, h30(a.view(), s), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h30(xx.view(), s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h30(a.view(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h30_jvp(a.view(), s, t_a.view(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h30_hvp(a.view(), s, t_a.view(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h30_grad(pp_a.view(), pp_s);
    let (_, (gm_a, gm_s)) = h30_grad(pm_a.view(), pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (5, 3, 2)
#[differentiable]
fn f30(a: &Array2<f64>, b: &Array1<f64>, s: f64) -> Array2<f64> {
    let mut t1: Array1<f64> = b.dot(&a.slice(s![2..4, ..2])).to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = &r + &a.var_axis(Axis(0), 1.0);
        t1 = (&t1 + &t1).mapv(f64::tanh);
        t2 += ((i as f64 * 0.3) + t3.mean().unwrap()).tanh();
    }
    let mut t4: f64 = 0.0;
    for i in 1..b.len() {
        t4 += (b[i] - b[i - 1]).powi(2) * 1.43;
    }
    let mut t5: Array2<f64> =
        ad_runtime::ndarray::concatenate(Axis(0), &[a.slice(s![2.., ..]), a.slice(s![3.., ..])])
            .unwrap();
    if (b * b + 0.5).sqrt().sum() > -0.0921 {
        t5 = &t5 * 0.525 + &(-&t5);
    } else {
        t5 = &Array::from_elem((5, 5), 0.25_f64).dot(a) - &t5;
    }
    let t6: f64 = h30(
        a.slice(s![..3, ..]).dot(&a.slice(s![..3, 1..])).view(),
        (b[1] + t5.sum()).tanh() * (b[1] + t5.sum()).tanh() + 1.0,
    );
    let t7 = t6.tanh();
    let t8: f64 = h30(
        nn::softmax(&a.slice(s![..3, ..2]), Axis(0)).view(),
        (b.mean().unwrap() / (t5.sum() * t5.sum() + 1.0)).exp(),
    );
    let t9 = t8.tanh();
    let t10 = &Array2::<f64>::eye(5).dot(a)
        / &t5
            .sum_axis(Axis(1))
            .map(|&v| v * t9)
            .insert_axis(Axis(1))
            .mapv(|v| v * v + 1.0);
    let mut t11: Array1<f64> = b - &t1;
    if (t8 * t8 + 1.0).sqrt().tanh() < 0.105 {
        t11 = &t11 * 0.514 + &a.slice(s![1..3, ..2]).std_axis(Axis(0), 0.0);
    } else {
        t11 = &(&(&t11 / (&t1 * &t1 + 0.5)) * 0.5) - &t11;
    }
    (-a).map(|&v| (v * s) * s + s) * (s + t2 + t4 + t6 + t7 + t10.sum())
}

#[test]
fn test_f30() {
    let mut rng = Rng::new(232100384);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let s = 1.0895;
    let seed = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = f30_vjp(&a, &b, s, seed.clone());
    assert_array(&y, &f30(&a, &b, s), "value");
    assert_fd_array(|xx| inner(&seed, &f30(xx, &b, s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f30(&a, xx, s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f30(&a, &b, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 5, 3)
#[differentiable(wrt(b, s, c))]
fn f31(a: &Array2<f64>, b: &Array1<f64>, s: f64, c: &Array1<f64>, d: Array2<f64>) -> Array2<f64> {
    let t1 = b.slice(s![1..]);
    let mut t2: f64 = s;
    if s > 0.442 {
        let t3: f64 = s;
        t2 = t2 * 0.68 + (-1.4_f64);
    }
    let t4: Array1<f64> = &c.map(|&v| (v * 1.15).exp()).powi(2) * 0.0629;
    (s / (&(a + t2) * &(a + t2) + 0.5))
        * ((&t1 * &t1).mean().unwrap() + t2 + (&t4 * &t4).mean().unwrap())
}

#[test]
fn test_f31() {
    let mut rng = Rng::new(232100396);
    let a = rand(&mut rng, (4, 5), 0.5, 1.5);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let s = 0.8226;
    let c = rand(&mut rng, 3, 0.5, 1.5);
    let d = rand(&mut rng, (5, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (y, (d_b, d_s, d_c)) = f31_vjp(&a, &b, s, &c, d.clone(), seed.clone());
    assert_array(&y, &f31(&a, &b, s, &c, d.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f31(&a, xx, s, &c, d.clone())),
        &b,
        &d_b,
        "db",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f31(&a, &b, xx[()], &c, d.clone())),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| inner(&seed, &f31(&a, &b, s, xx, d.clone())),
        &c,
        &d_c,
        "dc",
    );
}

// dims (4, 5, 2)
#[differentiable]
fn h32(a: &Array1<f64>, s: f64) -> f64 {
    let t1: f64 = a[6].powi(2) - a[17];
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 = t2 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t3: f64 = t2.tanh();
    let t4: ArrayView1<f64> = a.view();
    a.sum().tanh().exp().cos() + 0.875 * s + 0.381 * t1 + 0.73 * t3 + 0.844 * t4.sum()
}

#[test]
fn test_h32() {
    let mut rng = Rng::new(232100408);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let s = -0.3972;
    let (v, (d_a, d_s)) = h32_grad(&a, s);
    common::assert_near(v, h32(&a, s), "value");
    assert_fd_array(|xx| h32(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h32(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 20, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h32_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h32_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h32_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = h32_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (4, 5, 2)
#[differentiable]
fn f32(a: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = if a.sum() < -0.0958 {
        -(a + a)
    } else {
        &Array::from_elem((2, 2), 0.25_f64)
            .to_shape(4)
            .unwrap()
            .to_owned()
            * &(a / a.mapv(|v| v * v + 1.0))
    };
    let t2 = Array1::<f64>::linspace(-0.5, 0.5, 5).dot(&Array::from_elem((5, 5), 0.25_f64))
        + (Array::from_elem(5, 0.5_f64) * Array1::<f64>::linspace(-0.5, 0.5, 5));
    let mut t3: f64 = 0.0;
    for i in 0..3 {
        t3 += (t1[i + 1] * 0.626 - t1[i]).tanh();
    }
    let t4: Array1<f64> = nn::softmax(&t2, Axis(0));
    let t5 = t2.powi(2).dot(&Array2::<f64>::eye(5).powi(3));
    let t6 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            Array1::<f64>::ones(2).powf(1.5).view(),
            Array1::<f64>::linspace(-0.5, 0.5, 2).sin().view(),
        ],
    )
    .unwrap();
    Array::from_elem((2, 2), 1.5_f64)
        .to_shape((4, Order::ColumnMajor))
        .unwrap()
        .mapv(|v| (((v * v + 0.5).sqrt()) * ((v * v + 0.5).sqrt()) + 0.5).sqrt())
        + (t3 + t4.sum() + (&t5 * &t5).mean().unwrap() + (&t6 * &t6).mean().unwrap())
}

#[test]
fn test_f32() {
    let mut rng = Rng::new(232100410);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, d_a) = f32_vjp(&a, seed.clone());
    assert_array(&y, &f32(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f32(xx)), &a, &d_a, "da");
}

// dims (3, 5, 2)
#[differentiable]
fn f33(
    a: &Array2<f64>,
    b: &Array2<f64>,
    c: &Array1<f64>,
    d: &Array1<f64>,
    w: ArrayView2<f64>,
) -> f64 {
    let t1 = w.view();
    let mut t2: Array1<f64> = d.mapv(|v| (v.powi(2) - 0.5) * (v.powi(2) - 0.5)).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4: f64 = (t3.powi(2) + 0.5).ln();
        let t5 = r.mapv(|v| (v * v + 0.5).sqrt());
        t2 = &t2 * 0.7 + &(&nn::sigmoid(&(nn::softplus(&t2) + 0.5).powf(2.5)) - t5).tanh();
        t3 = t3 * 0.8 - (t1.t().sum() + t4).tanh();
    }
    let t6 = (&a.column(0).insert_axis(Axis(1))
        / (nn::softplus(&t2.dot(&w).insert_axis(Axis(0))) + 0.5))
        + &((&t1.row(0) * Array::from_elem((3, 5), 0.5_f64))
            + nn::logsumexp(a, Axis(1)).insert_axis(Axis(1)));
    let t7 = (&(ad_runtime::ndarray::concatenate(Axis(0), &[t6.column(4), t2.view()])
        .unwrap()
        .insert_axis(Axis(1))
        - &a.index_axis(Axis(0), 1).insert_axis(Axis(0)))
        / &(&t6.row(0).dot(&Array2::<f64>::eye(5).dot(b)) * 0.0145)
            .insert_axis(Axis(0))
            .exp())
        .tanh();
    let t8 = t1.view();
    let t9 = nn::softplus(&t6.t())
        .dot(
            &t6.slice(s![1.., 1..4])
                .to_shape((3, 2))
                .unwrap()
                .into_owned(),
        )
        .tanh()
        + &nn::softplus(&(c[9] - t7));
    let t10 = t1.index_axis(Axis(0), 0);
    t3.powi(2) + 0.237 * t8.sum() + (&t9 * &t9).mean().unwrap() + 0.922 * t10.sum()
}

#[test]
fn test_f33() {
    let mut rng = Rng::new(232100422);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let c = rand(&mut rng, 15, -1.0, 1.0);
    let d = rand(&mut rng, 2, -1.0, 1.0);
    let w = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f33_grad(&a, &b, &c, &d, w.view());
    common::assert_near(v, f33(&a, &b, &c, &d, w.view()), "value");
    assert_fd_array(|xx| f33(xx, &b, &c, &d, w.view()), &a, &d_a, "da");
    assert_fd_array(|xx| f33(&a, xx, &c, &d, w.view()), &b, &d_b, "db");
    assert_fd_array(|xx| f33(&a, &b, xx, &d, w.view()), &c, &d_c, "dc");
    assert_fd_array(|xx| f33(&a, &b, &c, xx, w.view()), &d, &d_d, "dd");
    let d_w: Array2<f64> = d_w;
    assert_fd_array(|xx| f33(&a, &b, &c, &d, xx.view()), &w, &d_w, "dw");
}

// dims (2, 3, 5)
#[differentiable]
fn f34(a: Array2<f64>) -> Array2<f64> {
    let t1 = a.t().to_shape(((5, 3), Order::C)).unwrap().to_owned();
    let t2 = a.view();
    let t3: f64 = (&ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            t2.slice(s![2..4, ..]).dot(&t1.slice(s![2.., ..])).view(),
            (-&t2.slice(s![2.., ..])).view(),
        ],
    )
    .unwrap()
        * &ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                t2.slice(s![2..4, ..]).dot(&t1.slice(s![2.., ..])).view(),
                (-&t2.slice(s![2.., ..])).view(),
            ],
        )
        .unwrap())
        .sum();
    let mut t4: Array1<f64> = &t2.var_axis(Axis(0), 1.0) - &a.var_axis(Axis(0), 1.0);
    let mut t5: f64 = nn::cross_entropy_one_hot(
        &t1.slice(s![..2, ..]),
        &nn::softmax(&a.slice(s![3.., ..]), Axis(1)),
    );
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t6: Array1<f64> = &t2.slice(s![2.., ..]).dot(&t4) * 0.0494;
        t4 = &t4 * 0.7 + &(&(&r + t6) * 0.571);
        t5 = (t5 + t1.powf(0.5).var(1.0)).tanh();
    }
    let t7 = nn::sigmoid(&t4);
    let t8 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (&t2.slice(s![1..4, ..]) * a.sum()).mapv(f64::tanh).view(),
            (Array::from_elem(2, 0.25_f64).insert_axis(Axis(1)) * &a.slice(s![..2, ..])).view(),
        ],
    )
    .unwrap();
    ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (&a.slice(s![1..4, ..]) / a.mean().unwrap().exp()).view(),
            a.slice(s![..2, ..]),
        ],
    )
    .unwrap()
        * (t3 + t5 + (&t7 * &t7).mean().unwrap() + t8.sum())
}

#[test]
fn test_f34() {
    let mut rng = Rng::new(232100434);
    let a = rand(&mut rng, (5, 3), 0.5, 1.5);
    let seed = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (y, d_a) = f34_vjp(a.clone(), seed.clone());
    assert_array(&y, &f34(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f34(xx.clone())), &a, &d_a, "da");
}

// dims (5, 4, 3)
#[differentiable]
fn f35(a: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = &nn::logsumexp(&Array::from_elem((20, 4), 0.5_f64), Axis(1)) * &(-a);
    let mut t2: Array1<f64> = t1
        .mapv(|v| ((v.tanh()) * (v.tanh()) + 0.5).sqrt())
        .to_owned();
    if t1[15] < 0.68 {
        let t3: f64 = t2.mean().unwrap();
        t2 = &t2 * 0.607
            + &Array::from_elem((20, 5), 1.5_f64)
                .dot(&Array::from_elem(5, 1.5_f64))
                .tanh();
    }
    let t4 = Array1::<f64>::linspace(-0.5, 0.5, 3)
        .map(|&v| (v.powi(2) - 0.5) * ((v * v + 0.5).sqrt()))
        .dot(&(&Array::from_elem((3, 20), 0.5_f64) + (-1.27_f64)));
    let t5 = a.sin().cos();
    let t6 = t1.view();
    let t7 = (&(&t6 - &t1) - t6.map(|&v| v)).tanh();
    t4[15] + (&t4 * &t4).mean().unwrap() + 0.953 * t5.sum() + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f35() {
    let mut rng = Rng::new(232100446);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let (v, d_a) = f35_grad(&a);
    common::assert_near(v, f35(&a), "value");
    assert_fd_array(|xx| f35(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 20, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f35_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f35_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f35_grad(&pp_a);
    let (_, gm_a) = f35_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 5, 4)
#[differentiable]
fn f36(a: ArrayView2<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = Array::from_elem((5, 3), 0.25_f64)
        .exp()
        .to_shape(((3, 5), ord))
        .unwrap()
        .to_owned();
    let t2 = (nn::softplus(
        &(a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| f64::max(m, v))
            .dot(&t1)
            - &t1.mapv(|v| (v.sin()).tanh())),
    ) + 0.5)
        .powf(1.5)
        .mapv(f64::tanh);
    let t3: f64 = -0.551_f64;
    let t4 = a.t();
    let mut t5: Array2<f64> = a.mapv(|v| (v * v + 0.5).sqrt());
    if nn::cross_entropy_one_hot(
        &a.slice(s![.., ..3]).dot(&t2),
        &nn::softmax(&t2.map(|&v| (v * t3) * t3 + t3), Axis(1)),
    ) < 0.862
    {
        let t6 = t4.sum().powi(2).tanh();
        t5 = &t5 * 0.439 + &a.tanh();
    }
    t2.column(3).dot(&t5.sum_axis(Axis(1))).sin() + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f36() {
    let mut rng = Rng::new(232100458);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f36_grad(a.view(), k);
        common::assert_near(v, f36(a.view(), k), "value");
        let d_a: Array2<f64> = d_a;
        assert_fd_array(|xx| f36(xx.view(), k), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f36_jvp(a.view(), k, t_a.view());
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f36_hvp(a.view(), k, t_a.view());
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f36_grad(pp_a.view(), k);
        let (_, gm_a) = f36_grad(pm_a.view(), k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (5, 4, 3)
#[differentiable]
fn f37(a: &Array1<f64>, s: f64, b: ArrayView2<f64>, p: f64) -> f64 {
    let t1: Array1<f64> = ((a * a) + &nn::log_softmax(a, Axis(0))).dot(
        &(&a.view().insert_axis(Axis(1)) * Array::from_elem((4, 4), 0.25_f64))
            .mapv(|v| (v * 0.41) * v),
    );
    let mut t2: Array1<f64> = (a.mean().unwrap() * a).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4 = r.mean().unwrap().tanh();
        t2 = (&t2 + &nn::sigmoid(&t2)).mapv(f64::tanh);
        t3 = (t3 + (p + t4)).tanh();
    }
    let t5: ArrayView1<f64> = a.slice(s![1..]);
    t2.sum() + 0.772 * s + (&t1 * &t1).mean().unwrap() + 0.308 * t3 + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f37() {
    let mut rng = Rng::new(232100470);
    let a = rand(&mut rng, 4, 0.5, 1.5);
    let s = -0.3117;
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let p = -0.3244;
    let (v, (d_a, d_s, d_b, d_p)) = f37_grad(&a, s, b.view(), p);
    common::assert_near(v, f37(&a, s, b.view(), p), "value");
    assert_fd_array(|xx| f37(xx, s, b.view(), p), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f37(&a, xx[()], b.view(), p),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f37(&a, s, xx.view(), p), &b, &d_b, "db");
    let fd_p = fd(
        |xx: &Array<f64, _>| f37(&a, s, b.view(), xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_p = 0.9;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let (vj, tj) = f37_jvp(&a, s, b.view(), p, &t_a, t_s, t_b.view(), t_p);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum() + d_p * t_p;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (d_p * t_p).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b, hg_p), (hh_a, hh_s, hh_b, hh_p)) =
        f37_hvp(&a, s, b.view(), p, &t_a, t_s, t_b.view(), t_p);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_p)) = f37_grad(&pp_a, pp_s, pp_b.view(), pp_p);
    let (_, (gm_a, gm_s, gm_b, gm_p)) = f37_grad(&pm_a, pm_s, pm_b.view(), pm_p);
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
}

// dims (5, 3, 5)
#[differentiable]
fn h38(a: &Array2<f64>, s: f64) -> f64 {
    let t1: Array2<f64> = if s.exp().ln() > 0.254 {
        &(a.std_axis(Axis(1), 0.0).insert_axis(Axis(1)) + a)
            - &a.t()
                .to_shape(((3, 5), Order::RowMajor))
                .unwrap()
                .into_owned()
    } else {
        a.tanh()
    };
    (nn::cross_entropy_one_hot(&t1.t(), &nn::softmax(&t1.t(), Axis(1))) + (s - t1[[1, 2]])).tanh()
        + 0.392 * t1.sum()
}

#[test]
fn test_h38() {
    let mut rng = Rng::new(232100482);
    let a = rand(&mut rng, (3, 5), 0.5, 1.5);
    let s = 0.7657;
    let (v, (d_a, d_s)) = h38_grad(&a, s);
    common::assert_near(v, h38(&a, s), "value");
    assert_fd_array(|xx| h38(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h38(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h38_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h38_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h38_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = h38_grad(&pm_a, pm_s);
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
#[differentiable(wrt(a, b, d))]
fn f38(
    a: ArrayView2<f64>,
    b: Array1<f64>,
    c: &Array2<f64>,
    s: f64,
    d: &Array2<f64>,
) -> Array1<f64> {
    let t1 = nn::log_softmax(&b, Axis(0));
    let mut t2: Array1<f64> = t1 + a.mean().unwrap();
    if a[[4, 2]] > 0.141 {
        let t3: f64 = b.sum();
        t2 = &t2 * 0.636 + &b.tanh();
    } else {
        t2 = &(&(&t2 / d.mean().unwrap().exp()) * 0.123) - &t2;
    }
    let mut t4: f64 = 0.0;
    for i in 0..4 {
        t4 += (b[i + 1] * s - b[i]).tanh();
    }
    d.index_axis(Axis(0), 0)
        .dot(&a)
        .mapv(|v| ((v * 1.09).sin()) * s + s)
        * (t4)
}

#[test]
fn test_f38() {
    let mut rng = Rng::new(232100484);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let c = rand(&mut rng, (5, 5), -1.0, 1.0);
    let s = -1.1413;
    let d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_d)) = f38_vjp(a.view(), b.clone(), &c, s, &d, seed.clone());
    assert_array(&y, &f38(a.view(), b.clone(), &c, s, &d), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(
        |xx| inner(&seed, &f38(xx.view(), b.clone(), &c, s, &d)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f38(a.view(), xx.clone(), &c, s, &d)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f38(a.view(), b.clone(), &c, s, xx)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (3, 2, 5)
#[differentiable]
fn f39(a: &Array1<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1: Array2<f64> = (Array1::<f64>::ones(3).insert_axis(Axis(1))
        + a.view().insert_axis(Axis(0)))
    .to_shape(((3, 2), ord))
    .unwrap()
    .to_owned();
    let t2 = if nn::cross_entropy_one_hot(
        &(-t1),
        &nn::softmax(&Array::from_elem((3, 2), 0.5_f64).powf(0.5), Axis(1)),
    ) < -0.558
    {
        a.var(0.0).sin()
    } else {
        ((-0.64_f64) - 1.32_f64).powi(2)
    };
    let t3: ArrayView1<f64> = a.view();
    let t4 = &t3.mapv(|v| ((v * v + 1.0).ln()).tanh()) * (t2 - a[1]);
    let t5 = if ((t2 + 1.07_f64) * (t2 + 1.07_f64) + 1.0).sqrt() > 1.03 {
        &(&Array::from_elem(3, 0.25_f64) - &Array1::<f64>::linspace(-0.5, 0.5, 3))
            / (&Array1::<f64>::ones(3).tanh() * &Array1::<f64>::ones(3).tanh() + 0.5)
    } else {
        Array::from_elem((3, 3), 0.5_f64)
            .sum_axis(Axis(0))
            .mapv(f64::sin)
    };
    t2.powi(2).tanh() + (&t4 * &t4).mean().unwrap() + 0.58 * t5.sum()
}

#[test]
fn test_f39() {
    let mut rng = Rng::new(232100496);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f39_grad(&a, k);
        common::assert_near(v, f39(&a, k), "value");
        assert_fd_array(|xx| f39(xx, k), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 2, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f39_jvp(&a, k, &t_a);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f39_hvp(&a, k, &t_a);
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f39_grad(&pp_a, k);
        let (_, gm_a) = f39_grad(&pm_a, k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (4, 5, 3)
#[differentiable(wrt(a))]
fn f40(a: &Array1<f64>, b: &Array2<f64>) -> Array2<f64> {
    let mut t1: Array1<f64> = b
        .index_axis(Axis(0), 0)
        .mapv(|v| ((v.powi(2) - 0.5) * (v.powi(2) - 0.5) + 1.0).ln());
    if (1.44_f64 - 1.22_f64).cos() < -0.378 {
        let t2: f64 = (b.mean().unwrap() + 0.469).abs();
        t1 = &t1 * 0.336 + &b.sum_axis(Axis(0)).tanh();
    } else {
        t1 = &(&t1 + &t1).mapv(f64::tanh) - &t1;
    }
    let mut t3: f64 = 0.0;
    for i in 1..a.len() {
        t3 += (a[i] - a[i - 1]).powi(2) * 0.99;
    }
    let t4 = t3.tanh();
    let mut t5: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t5 += a[i] * a[i + 1];
    }
    let t6 = &(-&t1) - &(&b.fold_axis(Axis(0), f64::NEG_INFINITY, |acc, x| acc.max(*x)) - &t1);
    let t7: f64 = if a[2] < -0.099 {
        b.index_axis(Axis(0), 3).mean().unwrap()
    } else {
        (&(b - &t1) * &(b - &t1)).sum().tanh()
    };
    let t8 = if b.mean().unwrap() < -0.136 {
        b.mapv(|v| ((v * 0.549) * t7 + t7).sin())
    } else {
        b.dot(&b.slice(s![1.., ..]))
            .dot(&b.slice(s![1.., ..]).exp())
            .tanh()
    };
    (t4 + nn::softplus(&t8)) + (t4 + t5 + t6.sum() + t8.sum())
}

#[test]
fn test_f40() {
    let mut rng = Rng::new(232100508);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (y, d_a) = f40_vjp(&a, &b, seed.clone());
    assert_array(&y, &f40(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f40(xx, &b)), &a, &d_a, "da");
}

// dims (3, 5, 4)
#[differentiable]
fn f41(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1: Array2<f64> = (b
        .fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &x: &f64| {
            (x * -0.969).min(m)
        })
        .insert_axis(Axis(0))
        / Array1::<f64>::ones(3).insert_axis(Axis(1)))
    .to_shape(((3, 5), ord))
    .unwrap()
    .to_owned();
    let t2 = &(-a).dot(&b.var_axis(Axis(1), 0.0)).insert_axis(Axis(0))
        / &(&((t1.sum_axis(Axis(1))
            - t1.fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &v: &f64| {
                (v * -1.98).min(m)
            }))
            / (nn::sigmoid(&t1.mean_axis(Axis(1)).unwrap()) + 0.25))
            * 0.0739)
            .insert_axis(Axis(1))
            .mapv(|v| v * v + 1.0);
    let mut t3: Array2<f64> = c.map(|&v| ((v * v + 0.5).sqrt()).powi(2) - 0.5);
    if t3.mapv(|v| v).sum() < -0.571 {
        t3 = &t3 * 0.696 + &(&c.index_axis(Axis(1), 3).insert_axis(Axis(1)) + b);
    }
    let mut t4 = Array2::<f64>::zeros((5, 4));
    let mut t5: f64 = (a.sum() * a.sum() + 1.0).sqrt().tanh();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t6: Array1<f64> = r.exp().powf(0.5);
        t4 = &t4 * 0.7 + &a.cos();
        t5 = t5 * 0.8 - (t1[[2, 2]].exp().sqrt().cos() + t6.mean().unwrap());
    }
    let t7: f64 = t5.tanh();
    let t8 = c.row(1);
    let t9 = t1.index_axis(Axis(1), 1);
    let t10 = nn::cross_entropy(&(&t1 / (t7.powi(2).powi(2) + 0.5)), &vec![3usize; 3]);
    (t5.cos().powi(2) + 0.5).ln()
        + 0.832 * t2.sum()
        + 0.77 * t4.sum()
        + 0.266 * t5
        + 0.352 * t8.sum()
        + (&t9 * &t9).mean().unwrap()
        + 0.947 * t10
}

#[test]
fn test_f41() {
    let mut rng = Rng::new(232100520);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, (4, 5), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f41_grad(&a, &b, &c, k);
        common::assert_near(v, f41(&a, &b, &c, k), "value");
        assert_fd_array(|xx| f41(xx, &b, &c, k), &a, &d_a, "da");
        assert_fd_array(|xx| f41(&a, xx, &c, k), &b, &d_b, "db");
        assert_fd_array(|xx| f41(&a, &b, xx, k), &c, &d_c, "dc");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (5, 4), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (4, 5), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, (4, 5), -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f41_jvp(&a, &b, &c, k, &t_a, &t_b, &t_c);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
            + (&d_b * &t_b).mapv(f64::abs).sum()
            + (&d_c * &t_c).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_b, hg_c), (hh_a, hh_b, hh_c)) = f41_hvp(&a, &b, &c, k, &t_a, &t_b, &t_c);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c)) = f41_grad(&pp_a, &pp_b, &pp_c, k);
        let (_, (gm_a, gm_b, gm_c)) = f41_grad(&pm_a, &pm_b, &pm_c, k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    }
}

// dims (5, 2, 4)
#[differentiable]
fn f42(
    a: &Array1<f64>,
    b: &Array1<f64>,
    c: &Array1<f64>,
    k: usize,
    s: f64,
    d: Array1<f64>,
) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = (-&Array::from_elem((5, 2), 1.5_f64))
        .to_shape(((5, 2), ord))
        .unwrap()
        .to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t2 += (b[i + 1] * s - b[i]).tanh();
    }
    let mut t3: Array1<f64> =
        (&t1.index_axis(Axis(0), 4) / &t1.var_axis(Axis(0), 1.0).mapv(|v| v * v + 1.0)).to_owned();
    let mut t4: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t3 = &t3 * 0.7 + &r;
        t4 += nn::cross_entropy_one_hot(
            &t1.mapv(|v| (v.powi(2) - 0.5) * s + s),
            &nn::softmax(&(-&t1), Axis(1)),
        )
        .tanh();
    }
    let mut t5: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t5 += c[i] * c[i + 1];
    }
    ad_runtime::ndarray::concatenate(Axis(0), &[(c + s).view(), c.view()]).unwrap()
        * ((a * a).mean().unwrap()
            + (&d * &d).mean().unwrap()
            + t2
            + (&t3 * &t3).mean().unwrap()
            + t4
            + t5)
}

#[test]
fn test_f42() {
    let mut rng = Rng::new(232100532);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let b = rand(&mut rng, 10, -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let s = 1.4883;
    let d = rand(&mut rng, 5, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 10, -1.0, 1.0);
        let (y, (d_a, d_b, d_c, d_s, d_d)) = f42_vjp(&a, &b, &c, k, s, d.clone(), seed.clone());
        assert_array(&y, &f42(&a, &b, &c, k, s, d.clone()), "value");
        assert_fd_array(
            |xx| inner(&seed, &f42(xx, &b, &c, k, s, d.clone())),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f42(&a, xx, &c, k, s, d.clone())),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f42(&a, &b, xx, k, s, d.clone())),
            &c,
            &d_c,
            "dc",
        );
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f42(&a, &b, &c, k, xx[()], d.clone())),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(
            |xx| inner(&seed, &f42(&a, &b, &c, k, s, xx.clone())),
            &d,
            &d_d,
            "dd",
        );
    }
}

// dims (2, 4, 3)
#[differentiable]
fn f43(a: &Array2<f64>, s: f64, b: &Array2<f64>, c: ArrayView2<f64>, k: usize) -> Array1<f64> {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1 = (b.mean_axis(Axis(1)).unwrap().insert_axis(Axis(0))
        - a.index_axis(Axis(1), 0).insert_axis(Axis(1)))
    .to_shape(((2, 4), ord))
    .unwrap()
    .to_owned();
    let t2 = t1.index_axis(Axis(0), 1);
    let t3: ArrayView2<f64> = c.view();
    let t4: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            t3,
            ad_runtime::ndarray::stack(Axis(0), &[t3.row(0), t3.index_axis(Axis(0), 0)])
                .unwrap()
                .view(),
        ],
    )
    .unwrap()
    .fold_axis(Axis(1), f64::INFINITY, |&m, &x| m.min(x));
    let t5 = (&a.sum_axis(Axis(1)) / t4.mapv(|v| v * v + 1.0))
        .mapv(|v| (v.exp()).powi(2) - 0.5)
        .tanh();
    let mut t6: Array1<f64> = (nn::sigmoid(&t5) + 0.25).sqrt().to_owned();
    let mut t7: f64 = nn::mse(&t4, &t2);
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t8 = &t1.column(0).insert_axis(Axis(1)) - a.sum_axis(Axis(0)).insert_axis(Axis(0));
        t6 = &r * s + t6;
        t7 += (nn::cross_entropy(&nn::softmax(&t1, Axis(1)), &vec![2usize; 2])
            + t8.mean().unwrap())
        .tanh();
    }
    let t9 = &(t4 - &t2) - t1.mapv(|v| ((v * s) * (v * 0.312)).sin());
    a.t().std_axis(Axis(0), 1.0) * (t6.sum() + t7 + t9.sum())
}

#[test]
fn test_f43() {
    let mut rng = Rng::new(232100544);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = -0.8575;
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let c = rand(&mut rng, (2, 3), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 4, -1.0, 1.0);
        let (y, (d_a, d_s, d_b, d_c)) = f43_vjp(&a, s, &b, c.view(), k, seed.clone());
        assert_array(&y, &f43(&a, s, &b, c.view(), k), "value");
        assert_fd_array(
            |xx| inner(&seed, &f43(xx, s, &b, c.view(), k)),
            &a,
            &d_a,
            "da",
        );
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f43(&a, xx[()], &b, c.view(), k)),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(
            |xx| inner(&seed, &f43(&a, s, xx, c.view(), k)),
            &b,
            &d_b,
            "db",
        );
        let d_c: Array2<f64> = d_c;
        assert_fd_array(
            |xx| inner(&seed, &f43(&a, s, &b, xx.view(), k)),
            &c,
            &d_c,
            "dc",
        );
    }
}

// dims (4, 2, 3)
#[differentiable]
fn h44(a: Array1<f64>, b: &Array1<f64>, c: &Array2<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = (b.mean().unwrap() + b).to_owned();
    if 0.892_f64 < -0.0846 {
        let t2: f64 = t1.mean().unwrap();
        t1 = &t1 * 0.375 + &b.dot(&c.slice(s![..2, ..]));
    }
    let mut t3 = Array1::<f64>::zeros(2);
    let mut t4: f64 = (-0.826_f64) / (-0.922_f64).exp();
    for i in 0..c.nrows() {
        let r = c.row(i);
        t3 = &t3 * 0.7 + &r;
        t4 = t4 * 0.8 - r.mean().unwrap().powi(2);
    }
    let t5 = c.sum().powi(2).tanh().exp();
    nn::log_softmax(&t3.mapv(|v| v * v + 1.0).ln(), Axis(0))
        * (a.sum() + (&t3 * &t3).mean().unwrap() + t4 + t5)
}

#[test]
fn test_h44() {
    let mut rng = Rng::new(232100556);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (3, 2), 0.5, 1.5);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h44_vjp(a.clone(), &b, &c, seed.clone());
    assert_array(&y, &h44(a.clone(), &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &h44(xx.clone(), &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h44(a.clone(), xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h44(a.clone(), &b, xx)), &c, &d_c, "dc");
}

// dims (4, 2, 3)
#[differentiable]
fn f44(a: &Array2<f64>, s: f64, b: Array2<f64>, c: ArrayView2<f64>, d: &Array1<f64>) -> f64 {
    let t1: ArrayView1<f64> = d.slice(s![1..]);
    let mut t2: f64 = 0.0;
    for i in 0..d.len() - 1 {
        t2 = t2 * 0.8 + d[i].sin() * d[i + 1];
    }
    let mut t3: Array2<f64> = c.to_owned();
    let mut t4: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t3 = &(a / (r[2].powi(2) + 0.5))
            * Array::from_elem(2, 0.5_f64).dot(&Array1::<f64>::linspace(-0.5, 0.5, 2))
            + t3;
        t4 += (i as f64 * 0.3).sin().cos();
    }
    let t5 = (a - b[[2, 0]])
        .to_shape(((4, 3), Order::F))
        .unwrap()
        .dot(&(-&b.slice(s![..3, ..])).exp())
        .mapv(f64::tanh);
    let t6: Array1<f64> = h44(
        (&t1 + &t1).to_owned(),
        &(Array1::<f64>::linspace(-0.5, 0.5, 2) * Array::from_elem(2, 0.5_f64)),
        &(&t1.insert_axis(Axis(1)) + Array1::<f64>::linspace(-0.5, 0.5, 2).insert_axis(Axis(0)))
            .mapv(|v| v * v + 1.0),
    );
    let t7 = t6.mapv(f64::tanh);
    a.mean().unwrap()
        + 0.763 * s
        + 0.9 * t2
        + (&t3 * &t3).mean().unwrap()
        + 0.366 * t4
        + 0.644 * t5.sum()
        + (&t6 * &t6).mean().unwrap()
        + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f44() {
    let mut rng = Rng::new(232100558);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = -1.1714;
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, (4, 3), 0.5, 1.5);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_c, d_d)) = f44_grad(&a, s, b.clone(), c.view(), &d);
    common::assert_near(v, f44(&a, s, b.clone(), c.view(), &d), "value");
    assert_fd_array(|xx| f44(xx, s, b.clone(), c.view(), &d), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f44(&a, xx[()], b.clone(), c.view(), &d),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f44(&a, s, xx.clone(), c.view(), &d), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f44(&a, s, b.clone(), xx.view(), &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f44(&a, s, b.clone(), c.view(), xx), &d, &d_d, "dd");
}

// dims (5, 3, 2)
#[differentiable]
fn f45(a: &Array1<f64>, s: f64) -> Array1<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..2 {
        t1 += a[i] * a[i + 1];
    }
    let t2: Array1<f64> = (&(-&Array::from_elem((3, 2), 1.5_f64).var_axis(Axis(1), 1.0))
        / (nn::sigmoid(
            &(&Array::from_elem((3, 5), 1.5_f64)
                .mean_axis(Axis(1))
                .unwrap()
                * &Array::from_elem((3, 5), 1.5_f64)
                    .mean_axis(Axis(1))
                    .unwrap()
                + 0.5)
                .ln(),
        ) + 0.25))
        .tanh();
    let t3: Array1<f64> = &(&t2.mapv(|v| ((v * s) * s + s) * ((v * 0.689).exp()))
        / &(a / &(nn::sigmoid(&t2) + 0.25)).mapv(|v| v * v + 1.0))
        .dot(&(Array::from_elem((3, 3), 0.25_f64).dot(&t2) + &Array::from_elem((3, 3), 1.5_f64)))
        * 0.0563;
    let mut t4: f64 = 0.0;
    for i in 0..2 {
        t4 += (a[i + 1] * s - a[i]).tanh();
    }
    let t5 = a.slice(s![1..]);
    ((&t2 * a) - (&t2 + &t3)) * (t1 + t3.sum() + t4 + (&t5 * &t5).mean().unwrap())
}

#[test]
fn test_f45() {
    let mut rng = Rng::new(232100570);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let s = -0.8362;
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_s)) = f45_vjp(&a, s, seed.clone());
    assert_array(&y, &f45(&a, s), "value");
    assert_fd_array(|xx| inner(&seed, &f45(xx, s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f45(&a, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (2, 5, 3)
#[differentiable]
fn h46(a: &Array1<f64>) -> Array1<f64> {
    let t1 = (a[0] * a).mapv(|v| v);
    (&a.mapv(|v| v * v + 1.0).sqrt() + &a.map(|&v| v)) * (t1.sum())
}

#[test]
fn test_h46() {
    let mut rng = Rng::new(232100582);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, d_a) = h46_vjp(&a, seed.clone());
    assert_array(&y, &h46(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h46(xx)), &a, &d_a, "da");
}

// dims (2, 5, 3)
#[differentiable]
fn f46(a: &Array1<f64>, s: f64) -> f64 {
    let t1: Array1<f64> = (nn::softplus(&(a * a)) + 0.5).ln().map(|&v| v * 0.866);
    let t2 = &nn::sigmoid(a) / (s.powi(2) * s.powi(2) + 1.0);
    let mut t3: Array1<f64> = (-&t1).to_owned();
    if t2.mean().unwrap() < -0.33 {
        let t4 = nn::cross_entropy(&Array::from_elem((2, 5), 0.25_f64), &vec![0usize; 2]);
        t3 = &t3 * 0.86 + &Array2::<f64>::eye(3).dot(&t3);
    } else {
        t3 = &(&t2 * &t2) - &t3;
    }
    (s.tanh() + s)
}

#[test]
fn test_f46() {
    let mut rng = Rng::new(232100584);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.6445;
    let (v, (d_a, d_s)) = f46_grad(&a, s);
    common::assert_near(v, f46(&a, s), "value");
    assert_fd_array(|xx| f46(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f46(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f46_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f46_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f46_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = f46_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (2, 5, 3)
#[differentiable]
fn f47(a: &Array2<f64>, s: f64) -> Array2<f64> {
    let t1 = 1.32_f64.tanh();
    let t2 = a.view();
    let t3: ArrayView2<f64> = a.view();
    let t4: ArrayView2<f64> = t3.view();
    let mut t5: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t6: f64 = nn::cross_entropy(&t3.slice(s![1.., ..]), &vec![0usize; 2]);
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t7 = t5.sum() + t3[[1, 1]];
        let t8 = t5[0] - t5.mean().unwrap();
        t5 = (&t5 + &r).mapv(f64::tanh);
        t6 = (t6 + (((nn::mse(a, &t4) - t4.sum().cos()) + t7) + t8).tanh()).tanh();
    }
    let mut t9: Array2<f64> = t2.exp().powf(1.5).to_owned();
    if t5.sum() > 0.973 {
        t9 = &t9 * 0.443 + &(a / (nn::softplus(&t9) + 0.5));
    }
    (a.dot(&Array::from_elem((5, 5), 0.25_f64))
        - &(&t2.var_axis(Axis(1), 0.0) + &t2.var_axis(Axis(1), 1.0)).insert_axis(Axis(1)))
        + (s + t1 + t6)
}

#[test]
fn test_f47() {
    let mut rng = Rng::new(232100596);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let s = 0.8905;
    let seed = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (y, (d_a, d_s)) = f47_vjp(&a, s, seed.clone());
    assert_array(&y, &f47(&a, s), "value");
    assert_fd_array(|xx| inner(&seed, &f47(xx, s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f47(&a, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (2, 5, 3)
#[differentiable(wrt(b))]
fn f48(a: &Array2<f64>, s: f64, b: ArrayView2<f64>, c: ArrayView2<f64>) -> f64 {
    let t1 = (s * s + 1.0).sqrt();
    let t2: Array2<f64> = a.mean().unwrap()
        * &ad_runtime::ndarray::concatenate(Axis(0), &[b.slice(s![2.., ..]), a.view()]).unwrap();
    let t3: ArrayView2<f64> = c.view();
    let mut t4: Array1<f64> = b.column(0).abs();
    let mut t5: f64 = c.mean().unwrap();
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t6: f64 = t5 / (t5 * t5 + 1.0);
        t4 = &t4 * 0.7 + &(&r * &r.mapv(|v| v));
        t5 += (nn::cross_entropy(&(-&c), &vec![2usize; 2]) + t6).tanh();
    }
    c.view()
        .reversed_axes()
        .to_shape((10, Order::C))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((2, 5), Order::ColumnMajor))
        .unwrap()
        .var(1.0)
        + 0.864 * t1
        + 0.432 * t2.sum()
        + (&t3 * &t3).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f48() {
    let mut rng = Rng::new(232100608);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let s = 0.8834;
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, d_b) = f48_grad(&a, s, b.view(), c.view());
    common::assert_near(v, f48(&a, s, b.view(), c.view()), "value");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f48(&a, s, xx.view(), c.view()), &b, &d_b, "db");
}

// dims (2, 5, 3)
#[differentiable]
fn f49(k: usize, a: &Array1<f64>) -> f64 {
    let ord = match k {
        0 => Order::C,
        _ => Order::F,
    };
    let t1: Array2<f64> = Array::from_elem((2, 5), 0.5_f64)
        .abs()
        .to_shape(((2, 5), ord))
        .unwrap()
        .to_owned();
    let t2 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            Array::from_elem((3, 2), 0.25_f64).view(),
            t1.slice(s![.., ..2]),
        ],
    )
    .unwrap()
    .to_shape(((2, 5), Order::ColumnMajor))
    .unwrap()
    .to_owned();
    let mut t3: Array1<f64> = nn::sigmoid(&t1.row(0)).to_owned();
    let mut t4: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t3 = &t3 * 0.7 + &r;
        t4 = (t4 + (t2[[1, 0]].cos() - t1.mean().unwrap())).tanh();
    }
    let t5 = t2.row(1);
    nn::cross_entropy(&t1, &vec![2usize; 2]).tanh()
        + 0.861 * t3.sum()
        + 0.311 * t4
        + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f49() {
    let mut rng = Rng::new(232100620);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f49_grad(k, &a);
        common::assert_near(v, f49(k, &a), "value");
        assert_fd_array(|xx| f49(k, xx), &a, &d_a, "da");
    }
}

// dims (2, 3, 5)
#[differentiable]
fn f50(a: &Array2<f64>, b: &Array2<f64>, s: f64, c: &Array2<f64>) -> Array2<f64> {
    let mut t1: Array2<f64> = b.to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        t1 = (&t1 + &t1.abs()).mapv(f64::tanh);
        t2 += t1.mapv(f64::sin).mean().unwrap();
    }
    let t3: Array2<f64> = nn::sigmoid(a).tanh().mapv(f64::exp);
    let t4: Array2<f64> =
        &a.index_axis(Axis(0), 0).insert_axis(Axis(1)) * (b.mapv(|v| v.powi(2) - 0.5) * t3[[0, 1]]);
    let t5: Array2<f64> = nn::relu(&t3);
    let mut t6: Array2<f64> = t3.to_shape(((2, 3), Order::F)).unwrap().into_owned();
    let mut t7: f64 = 0.0;
    for i in 0..t5.nrows() {
        let r = t5.row(i);
        t6 = &t6 * 0.7 + &(-c);
        t7 = t7 * 0.8 - t2.powi(2).tanh();
    }
    ad_runtime::ndarray::concatenate(
        Axis(1),
        &[
            nn::softmax(&t4.slice(s![.., ..3]), Axis(1)).view(),
            (nn::logsumexp(&t1, Axis(1)).insert_axis(Axis(1))
                + a.var_axis(Axis(1), 1.0).insert_axis(Axis(0)))
            .view(),
        ],
    )
    .unwrap()
        + (s + (&t4 * &t4).mean().unwrap() + t6.sum() + t7)
}

#[test]
fn test_f50() {
    let mut rng = Rng::new(232100632);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let s = 0.5374;
    let c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_c)) = f50_vjp(&a, &b, s, &c, seed.clone());
    assert_array(&y, &f50(&a, &b, s, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f50(xx, &b, s, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f50(&a, xx, s, &c)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f50(&a, &b, xx[()], &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f50(&a, &b, s, xx)), &c, &d_c, "dc");
}

// dims (3, 2, 4)
#[differentiable]
fn f51(
    a: &Array2<f64>,
    b: &Array1<f64>,
    c: &Array2<f64>,
    d: &Array2<f64>,
    w: &Array2<f64>,
) -> Array1<f64> {
    let t1 = c.view();
    let mut t2: f64 = 0.0;
    for i in 1..b.len() {
        t2 += (b[i] - b[i - 1]).powi(2) * 0.513;
    }
    let t3: f64 = t2.tanh();
    let t4 = b.slice(s![1..]);
    let t5 = ad_runtime::ndarray::concatenate(Axis(1), &[c.view(), c.view()])
        .unwrap()
        .dot(&d.cos())
        .mapv(|v| v * v + 1.0)
        .sqrt();
    t4.exp().mapv(|v| v * v + 1.0).ln()
        + ((a * a).mean().unwrap()
            + (w * w).mean().unwrap()
            + (&t1 * &t1).mean().unwrap()
            + t3
            + t4.sum()
            + (&t5 * &t5).mean().unwrap())
}

#[test]
fn test_f51() {
    let mut rng = Rng::new(232100644);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, 6, 0.5, 1.5);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let d = rand(&mut rng, (4, 2), -1.0, 1.0);
    let w = rand(&mut rng, (3, 4), -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d, d_w)) = f51_vjp(&a, &b, &c, &d, &w, seed.clone());
    assert_array(&y, &f51(&a, &b, &c, &d, &w), "value");
    assert_fd_array(|xx| inner(&seed, &f51(xx, &b, &c, &d, &w)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f51(&a, xx, &c, &d, &w)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f51(&a, &b, xx, &d, &w)), &c, &d_c, "dc");
    assert_fd_array(|xx| inner(&seed, &f51(&a, &b, &c, xx, &w)), &d, &d_d, "dd");
    assert_fd_array(|xx| inner(&seed, &f51(&a, &b, &c, &d, xx)), &w, &d_w, "dw");
}

// dims (5, 2, 4)
#[differentiable]
fn f52(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let t1 = b.slice(s![1..]);
    let t2 = b.exp();
    let mut t3: Array2<f64> = Array2::<f64>::zeros((5, 4));
    let mut t4: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t3 = (&t3
            + &ad_runtime::ndarray::concatenate(
                Axis(1),
                &[a.slice(s![.., 1..3]), a.slice(s![.., 1..3])],
            )
            .unwrap())
            .mapv(f64::tanh);
        t4 = (t4 + nn::cross_entropy(&a.slice(s![.., ..2]), &vec![1usize; 5]).tanh()).tanh();
    }
    let t5 = (-&a.slice(s![1.., ..])).dot(&(t2.sum() / (nn::sigmoid(&t1) + 0.25)).tanh());
    let mut t6: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t7: f64 = t4.sin();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t8: f64 = t3.sum();
        t6 = &r * nn::mse(&t6, &t6) + t6;
        t7 = t7 * 0.8 - ((t3.sum().tanh() * (t7 * t7 + 1.0).sqrt()) + t8).tanh();
    }
    b.sum() + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f52() {
    let mut rng = Rng::new(232100656);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b)) = f52_grad(&a, &b);
    common::assert_near(v, f52(&a, &b), "value");
    assert_fd_array(|xx| f52(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f52(&a, xx), &b, &d_b, "db");
}

// dims (5, 2, 3)
#[differentiable]
fn h53(a: Array2<f64>) -> f64 {
    let t1 = a.index_axis(Axis(0), 0);
    let t2 = a[[0, 0]];
    nn::cross_entropy_one_hot(
        &Array::from_elem((5, 2), 0.5_f64),
        &nn::softmax(&Array::from_elem((5, 2), 0.5_f64), Axis(1)),
    )
    .powi(2)
        + (&t1 * &t1).mean().unwrap()
        + 0.218 * t2
}

#[test]
fn test_h53() {
    let mut rng = Rng::new(232100668);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let (v, d_a) = h53_grad(a.clone());
    common::assert_near(v, h53(a.clone()), "value");
    assert_fd_array(|xx| h53(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h53_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h53_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h53_grad(pp_a.clone());
    let (_, gm_a) = h53_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 2, 3)
#[differentiable]
fn f53(a: &Array2<f64>) -> Array2<f64> {
    let t1 = (&a.index_axis(Axis(0), 4) + a) + a.std(1.0);
    let t2 = t1.view();
    let t3: f64 =
        h53((nn::softplus(&nn::sigmoid(&Array::from_elem((2, 3), 0.25_f64))) + 0.5).to_owned());
    let t4: f64 = t3.tanh();
    let mut t5: Array2<f64> = Array2::<f64>::zeros((5, 2));
    let mut t6: f64 = 0.766_f64;
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        t5 = t5 + &nn::relu(&t2).mapv(f64::tanh);
        t6 += t6;
    }
    let t7 = a.view();
    nn::softmax(
        &ad_runtime::ndarray::stack(
            Axis(1),
            &[
                t1.index_axis(Axis(1), 0),
                t1.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| m.max(v * -0.874))
                    .view(),
            ],
        )
        .unwrap(),
        Axis(0),
    ) + (t3 + t4 + (&t5 * &t5).mean().unwrap() + (&t7 * &t7).mean().unwrap())
}

#[test]
fn test_f53() {
    let mut rng = Rng::new(232100670);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (y, d_a) = f53_vjp(&a, seed.clone());
    assert_array(&y, &f53(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f53(xx)), &a, &d_a, "da");
}

// dims (3, 4, 2)
#[differentiable]
fn h54(a: Array1<f64>, b: &Array1<f64>, c: &Array1<f64>) -> f64 {
    let t1 = b.slice(s![1..]);
    let t2 = a.view();
    let t3 = (&Array::from_elem((3, 3), 0.25_f64) + 1.14_f64).dot(&nn::softplus(&a));
    (a.mean().unwrap() * a.mean().unwrap() + 1.0).sqrt().powi(2)
        + 0.969 * c.sum()
        + (&t1 * &t1).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_h54() {
    let mut rng = Rng::new(232100682);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, 12, 0.5, 1.5);
    let (v, (d_a, d_b, d_c)) = h54_grad(a.clone(), &b, &c);
    common::assert_near(v, h54(a.clone(), &b, &c), "value");
    assert_fd_array(|xx| h54(xx.clone(), &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| h54(a.clone(), xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| h54(a.clone(), &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 12, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h54_jvp(a.clone(), &b, &c, t_a.clone(), &t_b, &t_c);
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
        h54_hvp(a.clone(), &b, &c, t_a.clone(), &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h54_grad(pp_a.clone(), &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = h54_grad(pm_a.clone(), &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (3, 4, 2)
#[differentiable]
fn f54(a: &Array1<f64>, b: &Array1<f64>, c: ArrayView2<f64>, k: usize) -> Array1<f64> {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1 = (Array::from_elem((4, 3), 0.5_f64) - &Array1::<f64>::ones(4).insert_axis(Axis(1)))
        .to_shape(((3, 4), ord))
        .unwrap()
        .to_owned();
    let t2: Array2<f64> = t1.index_axis(Axis(0), 1).mapv(f64::tanh).var(1.0)
        / &(t1.mapv(|v| ((v.sin()) * (v.sin()) + 1.0).ln()) * (-&t1)).mapv(|v| v * v + 1.0);
    let t3: f64 = h54(
        a.to_owned(),
        &a.dot(&t2.slice(s![.., ..3])),
        &(&Array::from_elem(12, 0.25_f64) * &Array::from_elem(12, 0.25_f64) + 0.5).sqrt(),
    );
    let t4 = t3.tanh();
    let t5: Array2<f64> = ad_runtime::ndarray::concatenate(
        Axis(1),
        &[
            t2.slice(s![.., 1..])
                .dot(&c)
                .to_shape(((3, 2), Order::ColumnMajor))
                .unwrap()
                .to_owned()
                .view(),
            (&t1.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| acc.min(x))
                .insert_axis(Axis(1))
                / (nn::softplus(&b.mapv(|v| v * (v * 0.851)).insert_axis(Axis(0))) + 0.5))
                .view(),
        ],
    )
    .unwrap();
    let t6 = h54(
        c.t().var_axis(Axis(0), 1.0).to_owned(),
        &(nn::sigmoid(a) + 0.25).ln(),
        &(nn::sigmoid(&Array1::<f64>::linspace(-0.5, 0.5, 12)) + 0.25),
    );
    let t7 = t6.tanh();
    let t8: f64 = nn::cross_entropy_one_hot(
        &t2.map(|&v| v),
        &nn::softmax(
            &(t1 * &t5.index_axis(Axis(0), 0).insert_axis(Axis(0))),
            Axis(1),
        ),
    );
    let t9: Array1<f64> = (b * b).abs().tanh();
    let t10 = t6;
    t9.cos()
        .dot(&(t5.mean().unwrap() / (nn::softplus(&t2.slice(s![1.., ..2])) + 0.5)))
        .tanh()
        + (t3 + t4 + t7 + t8 + t9.sum() + t10)
}

#[test]
fn test_f54() {
    let mut rng = Rng::new(232100684);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 2, -1.0, 1.0);
        let (y, (d_a, d_b, d_c)) = f54_vjp(&a, &b, c.view(), k, seed.clone());
        assert_array(&y, &f54(&a, &b, c.view(), k), "value");
        assert_fd_array(|xx| inner(&seed, &f54(xx, &b, c.view(), k)), &a, &d_a, "da");
        assert_fd_array(|xx| inner(&seed, &f54(&a, xx, c.view(), k)), &b, &d_b, "db");
        let d_c: Array2<f64> = d_c;
        assert_fd_array(
            |xx| inner(&seed, &f54(&a, &b, xx.view(), k)),
            &c,
            &d_c,
            "dc",
        );
    }
}

// dims (2, 5, 4)
#[differentiable]
fn h55(a: Array1<f64>, b: &Array1<f64>) -> f64 {
    let t1 = if (1.12_f64 - nn::mse(&a, &a)) < 1.43 {
        Array::from_elem((5, 2), 0.5_f64)
            .var_axis(Axis(1), 0.0)
            .mapv(|v| v.powi(2) - 0.5)
    } else {
        (-b).powi(2)
    };
    (a.mean().unwrap() * a.mean().unwrap() + 1.0).sqrt() + (&t1 * &t1).mean().unwrap()
}

#[test]
fn test_h55() {
    let mut rng = Rng::new(232100696);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b)) = h55_grad(a.clone(), &b);
    common::assert_near(v, h55(a.clone(), &b), "value");
    assert_fd_array(|xx| h55(xx.clone(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| h55(a.clone(), xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h55_jvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h55_hvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h55_grad(pp_a.clone(), &pp_b);
    let (_, (gm_a, gm_b)) = h55_grad(pm_a.clone(), &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (2, 5, 4)
#[differentiable]
fn f55(a: &Array1<f64>, b: &Array2<f64>, c: &Array2<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 1..a.len() {
        t1 += (a[i] - a[i - 1]).powi(2) * 0.583;
    }
    let mut t2: Array2<f64> = Array2::<f64>::zeros((5, 4));
    let mut t3: f64 = t2[[2, 1]];
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4 = nn::softplus(&t2);
        let t5: Array1<f64> = (nn::softplus(a) + 0.5).sqrt();
        t2 = &(t4 / (t3.powi(2) + 0.5)) * (t1 + t1).tanh() + t2;
        t3 = (t3 + (((i as f64 * 0.3) * (i as f64 * 0.3)) / (t5.sum() * t5.sum() + 1.0))).tanh();
    }
    let t6 = (&a.view().insert_axis(Axis(1)) / &(&t2 * &t2 + 0.5)).dot(&c.slice(s![1.., ..]));
    let t7 = nn::cross_entropy(
        &(b.fold_axis(Axis(0), f64::NEG_INFINITY, |m, v| m.max(*v))
            .insert_axis(Axis(0))
            * Array::from_elem(2, 1.5_f64).insert_axis(Axis(1)))
        .tanh(),
        &vec![2usize; 2],
    );
    let t8 = ((t2[[2, 2]] + 0.231).abs() * (t2[[2, 2]] + 0.231).abs() + 1.0).sqrt();
    t2.mean().unwrap().sin() + (&t6 * &t6).mean().unwrap() + 0.378 * t7 + 0.358 * t8
}

#[test]
fn test_f55() {
    let mut rng = Rng::new(232100698);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), 0.5, 1.5);
    let (v, (d_a, d_b, d_c)) = f55_grad(&a, &b, &c);
    common::assert_near(v, f55(&a, &b, &c), "value");
    assert_fd_array(|xx| f55(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f55(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f55(&a, &b, xx), &c, &d_c, "dc");
}

// dims (4, 3, 2)
#[differentiable]
fn f56(a: &Array2<f64>, b: &Array2<f64>, c: Array1<f64>) -> Array1<f64> {
    let t1: Array2<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (&a.index_axis(Axis(0), 0) / &(nn::softplus(&a.slice(s![1..3, ..])) + 0.5)).view(),
            b.t(),
        ],
    )
    .unwrap();
    let t2 = a.column(0);
    let t3 = t1.row(0);
    let t4 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (&b.row(2) * &b.index_axis(Axis(0), 2)).view(),
            (-&b.row(0)).view(),
        ],
    )
    .unwrap()
    .mapv(|v| (if v > 0.207 { v } else { v }).sin());
    (&(&t2 + &t2) + &c.mapv(f64::sin))
        + (c.sum() + t2.sum() + (&t3 * &t3).mean().unwrap() + t4.sum())
}

#[test]
fn test_f56() {
    let mut rng = Rng::new(232100710);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f56_vjp(&a, &b, c.clone(), seed.clone());
    assert_array(&y, &f56(&a, &b, c.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f56(xx, &b, c.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f56(&a, xx, c.clone())), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f56(&a, &b, xx.clone())), &c, &d_c, "dc");
}

// dims (5, 4, 3)
#[differentiable]
fn h57(a: &Array1<f64>, b: &Array2<f64>, s: f64) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..3 {
        t1 += a[i] * a[i + 1];
    }
    let t2: Array1<f64> = &b.row(2) + (a + a);
    (b.sum() + b[[0, 2]]).tanh() + 0.395 * s + 0.551 * t1 + (&t2 * &t2).mean().unwrap()
}

#[test]
fn test_h57() {
    let mut rng = Rng::new(232100722);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), 0.5, 1.5);
    let s = -1.0378;
    let (v, (d_a, d_b, d_s)) = h57_grad(&a, &b, s);
    common::assert_near(v, h57(&a, &b, s), "value");
    assert_fd_array(|xx| h57(xx, &b, s), &a, &d_a, "da");
    assert_fd_array(|xx| h57(&a, xx, s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| h57(&a, &b, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h57_jvp(&a, &b, s, &t_a, &t_b, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) = h57_hvp(&a, &b, s, &t_a, &t_b, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = h57_grad(&pp_a, &pp_b, pp_s);
    let (_, (gm_a, gm_b, gm_s)) = h57_grad(&pm_a, &pm_b, pm_s);
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

// dims (5, 4, 3)
#[differentiable]
fn f57(a: &Array2<f64>, b: Array1<f64>, s: f64) -> f64 {
    let t1 = b.view();
    let t2 = nn::mse(&(b.mean().unwrap() * &b), &t1.mapv(|v| v * 1.28));
    let t3: ArrayView1<f64> = a.index_axis(Axis(0), 1);
    let t4: Array1<f64> = (&t3 + &b) / &(nn::sigmoid(&(&t1 - s)) + 0.25);
    let t5: f64 = t3.mean().unwrap();
    let t6 = if t2 < -0.155 {
        &(&a.index_axis(Axis(0), 3) - &t1) / (nn::softplus(&(&t3 * &t4)) + 0.5)
    } else {
        nn::softplus(&t3.mapv(|v| ((v * v + 1.0).ln()).tanh()))
    };
    let mut t7: Array2<f64> = nn::sigmoid(a);
    if a.sum() > -1.3 {
        t7 = &t7 * 0.579 + &(&(t4[0] / (nn::sigmoid(a) + 0.25)) * 0.05);
    }
    nn::mse(
        &t4.mapv(|v| (v * 0.938) * s + s).mapv(f64::tanh),
        &a.index_axis(Axis(0), 3),
    ) + 0.589 * t5
        + 0.604 * t6.sum()
        + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f57() {
    let mut rng = Rng::new(232100724);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let s = 0.6722;
    let (v, (d_a, d_b, d_s)) = f57_grad(&a, b.clone(), s);
    common::assert_near(v, f57(&a, b.clone(), s), "value");
    assert_fd_array(|xx| f57(xx, b.clone(), s), &a, &d_a, "da");
    assert_fd_array(|xx| f57(&a, xx.clone(), s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f57(&a, b.clone(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f57_jvp(&a, b.clone(), s, &t_a, t_b.clone(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) =
        f57_hvp(&a, b.clone(), s, &t_a, t_b.clone(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = f57_grad(&pp_a, pp_b.clone(), pp_s);
    let (_, (gm_a, gm_b, gm_s)) = f57_grad(&pm_a, pm_b.clone(), pm_s);
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

// dims (3, 4, 3)
#[differentiable]
fn f58(a: &Array1<f64>, b: Array1<f64>, s: f64) -> f64 {
    let t1: f64 = Array::from_elem((4, 3), 0.5_f64).mean().unwrap() - a[11];
    let t2: Array1<f64> = nn::relu(
        &Array::from_elem((3, 4), 0.25_f64)
            .to_shape((12, Order::F))
            .unwrap(),
    );
    let mut t3: f64 = 0.0;
    for i in 1..a.len() {
        t3 += (a[i] - a[i - 1]).powi(2) * 1.46;
    }
    let t4: f64 = t3.tanh();
    let t5: f64 = (nn::mse(a, a) * nn::mse(a, a) + 1.0).ln().exp().tanh();
    let mut t6: Array1<f64> = Array::from_elem((12, 4), 0.25_f64).dot(&Array1::<f64>::ones(4));
    if (&b / &a.mapv(|v| v * v + 1.0)).var(0.0) > 0.667 {
        let t7 = t3;
        t6 = &t6 * 0.344 + &nn::sigmoid(&t2);
    }
    let t8 = t1;
    nn::mse(&(-&t2), &(&t6 - &t2))
        + 0.856 * s
        + 0.525 * t4
        + 0.203 * t5
        + (&t6 * &t6).mean().unwrap()
        + 0.298 * t8
}

#[test]
fn test_f58() {
    let mut rng = Rng::new(232100736);
    let a = rand(&mut rng, 12, -1.0, 1.0);
    let b = rand(&mut rng, 12, -1.0, 1.0);
    let s = 1.0997;
    let (v, (d_a, d_b, d_s)) = f58_grad(&a, b.clone(), s);
    common::assert_near(v, f58(&a, b.clone(), s), "value");
    assert_fd_array(|xx| f58(xx, b.clone(), s), &a, &d_a, "da");
    assert_fd_array(|xx| f58(&a, xx.clone(), s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f58(&a, b.clone(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 12, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 12, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f58_jvp(&a, b.clone(), s, &t_a, t_b.clone(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) =
        f58_hvp(&a, b.clone(), s, &t_a, t_b.clone(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = f58_grad(&pp_a, pp_b.clone(), pp_s);
    let (_, (gm_a, gm_b, gm_s)) = f58_grad(&pm_a, pm_b.clone(), pm_s);
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

// dims (2, 5, 4)
#[differentiable]
fn f59(a: &Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    let mut t1: f64 = (b[4] * b[4] + 1.0).ln();
    if (b * b + 0.5).powf(1.5).dot(&b.mapv(|v| (v.sin()).tanh())) < 0.993 {
        let t2 = a[[1, 1]];
        t1 = t1 * 0.544
            + nn::cross_entropy_one_hot(
                &Array::from_elem((2, 5), 1.5_f64),
                &nn::softmax(&Array::from_elem((2, 5), 0.5_f64), Axis(1)),
            )
            .tanh();
    }
    let t3: Array1<f64> = (t1 * b.exp()) + &((b / b.exp()) - (b + b));
    let t4 = t1;
    let mut t5: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t5 = t5 * 0.8 + b[i].sin() * b[i + 1];
    }
    let mut t6: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t7: f64 = t3.mean().unwrap().tanh().exp();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t8 = (nn::sigmoid(a) + 0.25).powf(0.5);
        t6 = (&t6 + &(&r * (&r - &t6))).mapv(f64::tanh);
        t7 = (t7 + (t4.exp() + t8.mean().unwrap()).tanh()).tanh();
    }
    (Array2::<f64>::eye(5).fold_axis(Axis(1), f64::INFINITY, |&acc, &x| acc.min(x)) * &(b[3] + b))
        + (t5 + t7)
}

#[test]
fn test_f59() {
    let mut rng = Rng::new(232100748);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b)) = f59_vjp(&a, &b, seed.clone());
    assert_array(&y, &f59(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f59(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f59(&a, xx)), &b, &d_b, "db");
}

// dims (5, 3, 5)
#[differentiable]
fn h60(a: &Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    let t1 = b.slice(s![1..]);
    let mut t2: Array1<f64> = a
        .dot(&a.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| v.max(m)))
        .to_owned();
    let mut t3: f64 = 0.456_f64.cos();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4: Array1<f64> = a.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &x| f64::max(m, x * t3));
        t2 = t2 + &(&(&r - &b.dot(&a.slice(s![2.., ..]))) - t4).mapv(f64::tanh);
        t3 += t3;
    }
    let t5: f64 = ((-0.775_f64) / (t3 * t3 + 1.0))
        * nn::cross_entropy_one_hot(
            &a.slice(s![.., ..3]),
            &nn::softmax(&a.slice(s![.., 2..]), Axis(1)),
        );
    (t5.cos() / &(&(b + t1.mean().unwrap()) * &(b + t1.mean().unwrap()) + 0.5))
        + (t1.sum() + (&t2 * &t2).mean().unwrap() + t5)
}

#[test]
fn test_h60() {
    let mut rng = Rng::new(232100760);
    let a = rand(&mut rng, (5, 5), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b)) = h60_vjp(&a, &b, seed.clone());
    assert_array(&y, &h60(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &h60(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h60(&a, xx)), &b, &d_b, "db");
}

// dims (5, 3, 5)
#[differentiable]
fn f60(a: &Array1<f64>, b: Array1<f64>, c: Array1<f64>, d: &Array1<f64>, w: Array2<f64>) -> f64 {
    let t1: Array2<f64> = w.tanh() * b.mean().unwrap();
    let t2 = &w.t().var_axis(Axis(0), 1.0) * (&nn::relu(a) + d);
    let t3: Array2<f64> = (&t1.t() + &t1)
        .to_shape(((5, 5), Order::ColumnMajor))
        .unwrap()
        .to_owned();
    let t4: ArrayView1<f64> = t2.slice(s![1..]);
    let t5: Array2<f64> = t3
        .t()
        .to_shape(((5, 5), Order::ColumnMajor))
        .unwrap()
        .into_owned();
    let t6 = -&(-&(&c.view().insert_axis(Axis(0)) + &a.view().insert_axis(Axis(1))));
    let t7 = nn::sigmoid(
        &(&(c.sum() + w.slice(s![..3, ..]).mean_axis(Axis(0)).unwrap()) + t6.exp().ln().sum()),
    );
    (t2.sum() + (a.mean().unwrap() - (-1.12_f64))).tanh()
        + 0.362 * t4.sum()
        + (&t5 * &t5).mean().unwrap()
        + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f60() {
    let mut rng = Rng::new(232100762);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, 5, 0.5, 1.5);
    let d = rand(&mut rng, 5, 0.5, 1.5);
    let w = rand(&mut rng, (5, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f60_grad(&a, b.clone(), c.clone(), &d, w.clone());
    common::assert_near(v, f60(&a, b.clone(), c.clone(), &d, w.clone()), "value");
    assert_fd_array(
        |xx| f60(xx, b.clone(), c.clone(), &d, w.clone()),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| f60(&a, xx.clone(), c.clone(), &d, w.clone()),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| f60(&a, b.clone(), xx.clone(), &d, w.clone()),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| f60(&a, b.clone(), c.clone(), xx, w.clone()),
        &d,
        &d_d,
        "dd",
    );
    assert_fd_array(
        |xx| f60(&a, b.clone(), c.clone(), &d, xx.clone()),
        &w,
        &d_w,
        "dw",
    );
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 5, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 5, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, (5, 5), -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f60_jvp(
        &a,
        b.clone(),
        c.clone(),
        &d,
        w.clone(),
        &t_a,
        t_b.clone(),
        t_c.clone(),
        &t_d,
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
        b.clone(),
        c.clone(),
        &d,
        w.clone(),
        &t_a,
        t_b.clone(),
        t_c.clone(),
        &t_d,
        t_w.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) =
        f60_grad(&pp_a, pp_b.clone(), pp_c.clone(), &pp_d, pp_w.clone());
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) =
        f60_grad(&pm_a, pm_b.clone(), pm_c.clone(), &pm_d, pm_w.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (5, 3, 4)
#[differentiable(wrt(a, b, c))]
fn f61(a: ArrayView2<f64>, s: f64, b: &Array1<f64>, c: Array1<f64>) -> Array2<f64> {
    let mut t1: Array1<f64> = s / &c.mapv(|v| v * v + 1.0);
    if b.mapv(f64::tanh).dot(&(b + b)) < 1.21 {
        t1 = &t1 * 0.354 + &a.slice(s![..3, 1..]).std_axis(Axis(0), 1.0);
    } else {
        t1 = &nn::softplus(&t1) - &t1;
    }
    let t2 = b.slice(s![1..]);
    let t3 = t2.view();
    let t4 = ((a.mean().unwrap().exp() + (b[0] + c[2]))
        * (a.mean().unwrap().exp() + (b[0] + c[2]))
        + 1.0)
        .sqrt();
    let t5 = a.t();
    let t6: Array1<f64> = &t2.mapv(|v| v * v + 1.0).ln() * t4.sin();
    let mut t7: f64 = 0.0;
    for i in 0..b.len() - 1 {
        let t8 = b[i + 1] - b[i] * b[i];
        let t9 = 1.0 - b[i];
        t7 += 0.678 * t8 * t8 + t9 * t9;
    }
    let t10 = t7.tanh();
    ((b.sum() * &t5) - (&t5.sum_axis(Axis(0)) - &a.sum_axis(Axis(1))).insert_axis(Axis(0)))
        * (t3.sum() + (&t5 * &t5).mean().unwrap() + (&t6 * &t6).mean().unwrap() + t10)
}

#[test]
fn test_f61() {
    let mut rng = Rng::new(232100774);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let s = -1.0570;
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f61_vjp(a.view(), s, &b, c.clone(), seed.clone());
    assert_array(&y, &f61(a.view(), s, &b, c.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(
        |xx| inner(&seed, &f61(xx.view(), s, &b, c.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f61(a.view(), s, xx, c.clone())),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f61(a.view(), s, &b, xx.clone())),
        &c,
        &d_c,
        "dc",
    );
}

// dims (5, 2, 4)
#[differentiable(wrt(a, b, p))]
fn f62(a: &Array2<f64>, b: Array2<f64>, s: f64, c: Array1<f64>, p: f64) -> Array1<f64> {
    let t1 = ((b[[1, 1]] / s).exp() * (b[[1, 1]] / s).exp() + 1.0).ln();
    let t2 = &(nn::softplus(&c) + 0.5).ln().insert_axis(Axis(0))
        / (c[2]
            - a.fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &v: &f64| {
                ((v - p).powi(2)).min(m)
            }))
        .insert_axis(Axis(1))
        .mapv(|v| v * v + 1.0);
    let mut t3: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t4: f64 = t1;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t5 = a.var_axis(Axis(0), 0.0).mapv(f64::exp);
        let t6 = -&t3;
        t3 = &nn::sigmoid(&(&(&r - &t5) + t6)) * b.var(0.0).tanh() + t3;
        t4 += nn::mse(
            &t2.view().reversed_axes().var_axis(Axis(1), 1.0),
            &a.slice(s![.., ..2]).to_shape(4).unwrap().to_owned(),
        )
        .tanh();
    }
    (&Array1::<f64>::ones(5) + &Array1::<f64>::ones(5)).sqrt() * (t4)
}

#[test]
fn test_f62() {
    let mut rng = Rng::new(232100786);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let s = 1.4785;
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let p = -1.0499;
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b, d_p)) = f62_vjp(&a, b.clone(), s, c.clone(), p, seed.clone());
    assert_array(&y, &f62(&a, b.clone(), s, c.clone(), p), "value");
    assert_fd_array(
        |xx| inner(&seed, &f62(xx, b.clone(), s, c.clone(), p)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f62(&a, xx.clone(), s, c.clone(), p)),
        &b,
        &d_b,
        "db",
    );
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f62(&a, b.clone(), s, c.clone(), xx[()])),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (2, 3, 4)
#[differentiable]
fn f63(a: Array2<f64>, s: f64, p: f64) -> Array2<f64> {
    let t1: Array2<f64> = if ((a[[0, 0]] * a[[0, 0]] + 1.0).sqrt() + a[[0, 2]]) > 0.927 {
        (&a.slice(s![.., 2..]) / (p * p + 1.0)).dot(
            &(&nn::logsumexp(&a, Axis(0)).insert_axis(Axis(0))
                - &a.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1))),
        )
    } else {
        &a.column(0).insert_axis(Axis(1)) + &a.index_axis(Axis(1), 3).dot(&a).insert_axis(Axis(0))
    };
    let t2 = (s + &t1.t())
        .to_shape((8, Order::C))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((2, 4), Order::ColumnMajor))
        .unwrap();
    let mut t3: f64 = t1[[1, 1]].tanh();
    if (&t1 * &t1).sum() > 1.12 {
        let t4: f64 = 0.835_f64;
        t3 = t3 * 0.829 + (a.sum() / 0.881_f64).tanh();
    }
    let mut t5 = Array1::<f64>::zeros(4);
    let mut t6: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t7 = (t1[[1, 2]] + 0.395).abs();
        let t8: Array2<f64> = t1.mapv(|v| v * v + 1.0).powf(0.5);
        t5 = t5 + &(r.sum() * &r).tanh();
        t6 += ((p.cos().tanh() + t7) + t8.mean().unwrap()).tanh();
    }
    let t9 = t2.index_axis(Axis(1), 0);
    let mut t10: Array1<f64> = t5.clone();
    let mut t11: f64 = t3 - a.mean().unwrap();
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t12: Array1<f64> = t5.map(|&v| (v * t3).tanh().exp());
        t10 = t10 + &(&r + t12).mapv(f64::tanh);
        t11 = t11 * 0.8
            - (&t2.slice(s![.., 1..3]).to_shape(4).unwrap().to_owned()
                * &t2.slice(s![.., 1..3]).to_shape(4).unwrap().to_owned())
                .sum()
                .tanh();
    }
    t1.mapv(|v| ((v * 0.453).tanh()) * (((v * 0.352) * (v * 0.352) + 1.0).ln()))
        .powi(2)
        .mapv(f64::tanh)
        + (t6 + t9.sum() + (&t10 * &t10).mean().unwrap() + t11)
}

#[test]
fn test_f63() {
    let mut rng = Rng::new(232100798);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let s = 0.3260;
    let p = -0.3345;
    let seed = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (y, (d_a, d_s, d_p)) = f63_vjp(a.clone(), s, p, seed.clone());
    assert_array(&y, &f63(a.clone(), s, p), "value");
    assert_fd_array(|xx| inner(&seed, &f63(xx.clone(), s, p)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f63(a.clone(), xx[()], p)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f63(a.clone(), s, xx[()])),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (2, 3, 4)
#[differentiable]
fn f64(a: Array2<f64>) -> f64 {
    let t1: Array2<f64> = -&(&a.index_axis(Axis(0), 1) - &a);
    let t2 = ad_runtime::ndarray::concatenate(
        Axis(1),
        &[t1.slice(s![.., 1..3]), (-&t1.slice(s![.., 2..])).view()],
    )
    .unwrap();
    let t3: f64 = if (&t1.row(1) + &t1.index_axis(Axis(0), 2)).dot(&t2.row(1)) < -0.133 {
        a.mean().unwrap()
    } else {
        (-1.27_f64) - (0.732_f64 * t2[[2, 2]])
    };
    a.mean().unwrap() + 0.779 * t3
}

#[test]
fn test_f64() {
    let mut rng = Rng::new(232100810);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, d_a) = f64_grad(a.clone());
    common::assert_near(v, f64(a.clone()), "value");
    assert_fd_array(|xx| f64(xx.clone()), &a, &d_a, "da");
}

// dims (5, 3, 5)
#[differentiable]
fn h65(a: &Array1<f64>, b: &Array2<f64>, c: Array1<f64>) -> f64 {
    let mut t1: Array1<f64> =
        nn::logsumexp(&Array::from_elem((5, 15), 1.5_f64), Axis(0)).to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t1 = t1 + &c.dot(&Array::from_elem((5, 15), 1.5_f64)).mapv(f64::tanh);
        t2 += (nn::cross_entropy(b, &vec![0usize; 5]) - (t1[11] * t1[11] + 1.0).ln()).tanh();
    }
    let t3 = -&b.mapv(f64::cos);
    ((t2 + 0.284).abs() - c.sum()) + (a * a).mean().unwrap() + 0.978 * t2 + 0.225 * t3.sum()
}

#[test]
fn test_h65() {
    let mut rng = Rng::new(232100822);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h65_grad(&a, &b, c.clone());
    common::assert_near(v, h65(&a, &b, c.clone()), "value");
    assert_fd_array(|xx| h65(xx, &b, c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| h65(&a, xx, c.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| h65(&a, &b, xx.clone()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 5, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h65_jvp(&a, &b, c.clone(), &t_a, &t_b, t_c.clone());
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
        h65_hvp(&a, &b, c.clone(), &t_a, &t_b, t_c.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h65_grad(&pp_a, &pp_b, pp_c.clone());
    let (_, (gm_a, gm_b, gm_c)) = h65_grad(&pm_a, &pm_b, pm_c.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (5, 3, 5)
#[differentiable]
fn f65(a: &Array2<f64>, b: &Array1<f64>, c: &Array2<f64>, d: &Array2<f64>) -> f64 {
    let t1: f64 = (b.mean().unwrap() + 0.449).abs();
    let t2: f64 = h65(
        &b.mapv(|v| (v.tanh()).tanh()),
        &a.mapv(|v| {
            ((if v > 0.177 { v * t1 } else { v * t1 }) * (if v > 0.177 { v * t1 } else { v * t1 })
                + 0.5)
                .sqrt()
        }),
        c.var_axis(Axis(1), 0.0),
    );
    let t3 = t2.tanh();
    let mut t4: f64 = 0.0;
    for i in 0..14 {
        let t5 = b[i + 1] - b[i] * b[i];
        let t6 = 1.0 - b[i];
        t4 += 2.03 * t5 * t5 + t6 * t6;
    }
    let t7: f64 = t4.tanh();
    ((-0.843_f64) * ((-0.838_f64) - a[[1, 0]]))
        + (d * d).mean().unwrap()
        + 0.81 * t2
        + 0.886 * t3
        + 0.24 * t7
}

#[test]
fn test_f65() {
    let mut rng = Rng::new(232100824);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let c = rand(&mut rng, (5, 5), 0.5, 1.5);
    let d = rand(&mut rng, (3, 5), 0.5, 1.5);
    let (v, (d_a, d_b, d_c, d_d)) = f65_grad(&a, &b, &c, &d);
    common::assert_near(v, f65(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f65(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f65(&a, xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f65(&a, &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f65(&a, &b, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 15, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (5, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f65_jvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
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
        f65_hvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f65_grad(&pp_a, &pp_b, &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f65_grad(&pm_a, &pm_b, &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (4, 2, 3)
#[differentiable]
fn f66(a: &Array1<f64>, b: Array1<f64>) -> f64 {
    let t1 = &(a * 1.37_f64) + ((-0.674_f64) + 0.242).abs();
    let t2 = Array2::<f64>::eye(4).dot(a).mapv(|v| v);
    let t3 = nn::softmax(
        &(&t1.mapv(f64::cos) - &(a.mean().unwrap() / &(nn::softplus(a) + 0.5))),
        Axis(0),
    );
    nn::sigmoid(&b).mean().unwrap() + (&b * &b).mean().unwrap() + 0.308 * t2.sum() + 0.37 * t3.sum()
}

#[test]
fn test_f66() {
    let mut rng = Rng::new(232100836);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b)) = f66_grad(&a, b.clone());
    common::assert_near(v, f66(&a, b.clone()), "value");
    assert_fd_array(|xx| f66(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f66(&a, xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f66_jvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f66_hvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f66_grad(&pp_a, pp_b.clone());
    let (_, (gm_a, gm_b)) = f66_grad(&pm_a, pm_b.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 5, 2)
#[differentiable]
fn h67(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = ((-0.624_f64) * a.mean().unwrap()) / &(nn::sigmoid(&(b[6] * b)) + 0.25);
    let t2: Array1<f64> = (a * t1).powi(3).tanh();
    let t3: Array1<f64> = (Array1::<f64>::ones(3) + Array::from_elem((5, 3), 0.5_f64))
        .to_shape(15)
        .unwrap()
        .to_owned();
    nn::mse(&(&t2 * &t3), &(a - &t3)) + (&t2 * &t2).mean().unwrap() + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_h67() {
    let mut rng = Rng::new(232100848);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let (v, (d_a, d_b)) = h67_grad(&a, &b);
    common::assert_near(v, h67(&a, &b), "value");
    assert_fd_array(|xx| h67(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| h67(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 15, -1.0, 1.0);
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

// dims (3, 5, 2)
#[differentiable]
fn f67(a: Array1<f64>) -> f64 {
    let t1 = (&Array1::<f64>::linspace(-0.5, 0.5, 3) - a.mean().unwrap())
        .dot(&nn::relu(&Array::from_elem((3, 15), 0.5_f64)));
    let t2: f64 = if t1[12] > 1.04 {
        t1.mean().unwrap()
    } else {
        ((-1.06_f64) - 1.22_f64) + 0.893_f64.powi(2)
    };
    let mut t3: Array1<f64> = (-a).to_owned();
    if (Array::from_elem(5, 1.5_f64).dot(&Array::from_elem(5, 0.25_f64)) / (t3[1].powi(2) + 0.5))
        > -0.5
    {
        let t4: f64 = t2.cos();
        t3 = &t3 * 0.697 + &(&t3 * &t1);
    } else {
        t3 = &(&t1 / &(&t1 * &t1 + 0.5)).mapv(f64::tanh) - &t3;
    }
    (t3[12] * (t1[5] + 0.301).abs())
}

#[test]
fn test_f67() {
    let mut rng = Rng::new(232100850);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let (v, d_a) = f67_grad(a.clone());
    common::assert_near(v, f67(a.clone()), "value");
    assert_fd_array(|xx| f67(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f67_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f67_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f67_grad(pp_a.clone());
    let (_, gm_a) = f67_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 2, 3)
#[differentiable]
fn f68(a: &Array2<f64>, b: Array1<f64>, c: Array2<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = t1
            + &(&(&r
                + (&r / (&c.mean_axis(Axis(0)).unwrap() * &c.mean_axis(Axis(0)).unwrap() + 0.5)))
                * 0.667);
        t2 = (t2 + (t2.sin() - (i as f64 * 0.3))).tanh();
    }
    let mut t3 = Array1::<f64>::zeros(3);
    let mut t4: f64 = t2;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t5 = &t3.view().insert_axis(Axis(1)) - &t1.view().insert_axis(Axis(0));
        t3 = &a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max(x * t4)) * t2 + t3;
        t4 += (t4 + t5.mean().unwrap()).tanh();
    }
    let t6 = c.view();
    nn::relu(&t3) + (b.sum() + t6.sum())
}

#[test]
fn test_f68() {
    let mut rng = Rng::new(232100862);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f68_vjp(&a, b.clone(), c.clone(), seed.clone());
    assert_array(&y, &f68(&a, b.clone(), c.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f68(xx, b.clone(), c.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f68(&a, xx.clone(), c.clone())),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f68(&a, b.clone(), xx.clone())),
        &c,
        &d_c,
        "dc",
    );
}

// dims (2, 4, 5)
#[differentiable]
fn f69(a: &Array1<f64>, s: f64, p: f64, b: &Array2<f64>, q: f64) -> Array1<f64> {
    let t1 = a.view();
    let t2 = if (-0.684_f64) < 0.0967 {
        b.slice(s![2.., ..])
            .tanh()
            .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &x: &f64| {
                ((x - p).powi(2)).max(m)
            })
    } else {
        a.exp() / (nn::sigmoid(&(&t1 * a)) + 0.25)
    };
    let t3: f64 = t1.mean().unwrap();
    let t4: Array1<f64> = (&b.slice(s![2.., ..]) * t3)
        .dot(&Array::from_elem((5, 2), 1.5_f64).mapv(f64::exp))
        .mapv(f64::tanh)
        .dot(&(q - a));
    let t5: Array1<f64> = if a[0] < -0.352 {
        (&b.slice(s![1..3, 3..]) + &t4.view().insert_axis(Axis(1))).std_axis(Axis(0), 0.0)
    } else {
        (-a).cos()
    };
    let mut t6: Array1<f64> = (&t2 * &t5).tanh();
    let mut t7: f64 = t3.powi(2);
    for i in 0..b.nrows() {
        let r = b.row(i);
        t6 = &t6 * 0.7 + &(&(&t1 - &t4) * 0.333);
        t7 += (q + 0.206).abs();
    }
    (Array::from_elem((5, 2), 0.5_f64).var_axis(Axis(0), 1.0) - a.sum())
        * (s + (&t6 * &t6).mean().unwrap() + t7)
}

#[test]
fn test_f69() {
    let mut rng = Rng::new(232100874);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let s = 0.3410;
    let p = 0.7077;
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let q = 1.0975;
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_s, d_p, d_b, d_q)) = f69_vjp(&a, s, p, &b, q, seed.clone());
    assert_array(&y, &f69(&a, s, p, &b, q), "value");
    assert_fd_array(|xx| inner(&seed, &f69(xx, s, p, &b, q)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f69(&a, xx[()], p, &b, q)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f69(&a, s, xx[()], &b, q)),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(|xx| inner(&seed, &f69(&a, s, p, xx, q)), &b, &d_b, "db");
    let fd_q = fd(
        |xx: &Array<f64, _>| inner(&seed, &f69(&a, s, p, &b, xx[()])),
        &Array::from_elem((), q),
    );
    common::assert_close_tol(&[d_q], &[fd_q[()]], 1e-5, "dq");
}

// dims (4, 5, 2)
#[differentiable]
fn h70(a: &Array1<f64>, b: ArrayView2<f64>) -> Array1<f64> {
    let t1: Array1<f64> =
        &ad_runtime::ndarray::concatenate(Axis(0), &[b.index_axis(Axis(1), 1), b.column(1)])
            .unwrap()
            + &(-a);
    (&(&t1.powi(3) * &(a + a)) * 0.125) + (t1.sum())
}

#[test]
fn test_h70() {
    let mut rng = Rng::new(232100886);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b)) = h70_vjp(&a, b.view(), seed.clone());
    assert_array(&y, &h70(&a, b.view()), "value");
    assert_fd_array(|xx| inner(&seed, &h70(xx, b.view())), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| inner(&seed, &h70(&a, xx.view())), &b, &d_b, "db");
}

// dims (4, 5, 2)
#[differentiable(wrt(s, b, p))]
fn f70(a: &Array1<f64>, s: f64, b: Array2<f64>, p: f64) -> f64 {
    let t1 = b.view();
    let t2: Array2<f64> = nn::softmax(
        &(&b.column(1).insert_axis(Axis(1))
            * &(&b
                / &(nn::sigmoid(&t1.fold_axis(Axis(0), f64::INFINITY, |&m, &v| f64::min(m, v)))
                    + 0.25))),
        Axis(0),
    );
    let t3 = (t1.std_axis(Axis(1), 0.0).insert_axis(Axis(1)) - &t2).mapv(f64::sin)
        / &(nn::sigmoid(&nn::logsumexp(&(&b + &b), Axis(1)).insert_axis(Axis(1))) + 0.25);
    let t4: Array1<f64> = h70(
        &(-&t1.column(4)),
        (&b.row(2) * &t2.slice(s![2.., ..])).view(),
    );
    let t5 = t4.mapv(f64::tanh);
    let mut t6: Array1<f64> = &t1.index_axis(Axis(0), 2) / &(nn::sigmoid(&t1.row(2)) + 0.25);
    let mut t7: f64 = t2[[3, 2]].powi(2);
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t8 = (t4.sum() * t4.sum() + 1.0).sqrt().tanh();
        t6 = (&t6 + &(&(&r - &t1.t().dot(&t4.mapv(f64::tanh))) * 0.4)).mapv(f64::tanh);
        t7 = t7 * 0.8 - ((t2[[3, 4]].powi(2) / t5[3].exp()) + t8).tanh();
    }
    let t9 = t5.slice(s![1..]);
    p + 0.401 * s
        + 0.572 * p
        + (&t3 * &t3).mean().unwrap()
        + 0.611 * t6.sum()
        + 0.672 * t7
        + 0.382 * t9.sum()
}

#[test]
fn test_f70() {
    let mut rng = Rng::new(232100888);
    let a = rand(&mut rng, 20, 0.5, 1.5);
    let s = 1.0913;
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let p = -0.7481;
    let (v, (d_s, d_b, d_p)) = f70_grad(&a, s, b.clone(), p);
    common::assert_near(v, f70(&a, s, b.clone(), p), "value");
    let fd_s = fd(
        |xx: &Array<f64, _>| f70(&a, xx[()], b.clone(), p),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f70(&a, s, xx.clone(), p), &b, &d_b, "db");
    let fd_p = fd(
        |xx: &Array<f64, _>| f70(&a, s, b.clone(), xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (4, 5, 4)
#[differentiable]
fn f71(a: &Array1<f64>, b: Array1<f64>, c: &Array2<f64>, d: Array2<f64>) -> f64 {
    let t1: Array1<f64> = &b.mapv(f64::cos) / &b.dot(&d.slice(s![..4, ..])).mapv(|v| v * v + 1.0);
    let t2: Array1<f64> = ((-1.48_f64) + &c.t())
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &v: &f64| v.max(m))
        .cos();
    let t3: Array1<f64> = -nn::sigmoid(&(&b / b.exp()).exp());
    let t4: Array1<f64> = &c.slice(s![..4, ..]).exp().sum_axis(Axis(0)).mapv(f64::tanh)
        / (d.dot(&c.slice(s![1.., ..])).var(1.0) * d.dot(&c.slice(s![1.., ..])).var(1.0) + 1.0);
    let mut t5: f64 = 0.0;
    for i in 0..4 {
        t5 = t5 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t6: Array2<f64> = nn::sigmoid(&(c * &a.view().insert_axis(Axis(1)))).tanh();
    let mut t7: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t8 = a[i + 1] - a[i] * a[i];
        let t9 = 1.0 - a[i];
        t7 += 1.8 * t8 * t8 + t9 * t9;
    }
    let t10 = t7.tanh();
    b.sum().cos()
        + 0.843 * t1.sum()
        + 0.741 * t2.sum()
        + 0.327 * t3.sum()
        + 0.538 * t4.sum()
        + 0.327 * t5
        + (&t6 * &t6).mean().unwrap()
        + 0.275 * t10
}

#[test]
fn test_f71() {
    let mut rng = Rng::new(232100900);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), 0.5, 1.5);
    let d = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f71_grad(&a, b.clone(), &c, d.clone());
    common::assert_near(v, f71(&a, b.clone(), &c, d.clone()), "value");
    assert_fd_array(|xx| f71(xx, b.clone(), &c, d.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f71(&a, xx.clone(), &c, d.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f71(&a, b.clone(), xx, d.clone()), &c, &d_c, "dc");
    assert_fd_array(|xx| f71(&a, b.clone(), &c, xx.clone()), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f71_jvp(
        &a,
        b.clone(),
        &c,
        d.clone(),
        &t_a,
        t_b.clone(),
        &t_c,
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
    let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) = f71_hvp(
        &a,
        b.clone(),
        &c,
        d.clone(),
        &t_a,
        t_b.clone(),
        &t_c,
        t_d.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f71_grad(&pp_a, pp_b.clone(), &pp_c, pp_d.clone());
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f71_grad(&pm_a, pm_b.clone(), &pm_c, pm_d.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (3, 2, 5)
#[differentiable]
fn f72(a: &Array2<f64>) -> f64 {
    let t1 = a[[0, 0]];
    let t2 = a.column(0);
    let t3: f64 = t1;
    let t4 = t1.powi(2).sin() - (a.std(0.0).powi(2) + 0.5).ln();
    let t5 = &((&(a * t4) * (t1 + 0.454).abs())
        * (nn::mse(&t2, &t2) * nn::mse(&t2, &t2) + 1.0).sqrt())
        * 0.133;
    nn::logsumexp(&t5, Axis(1)).sum() + 0.309 * t3 + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f72() {
    let mut rng = Rng::new(232100912);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, d_a) = f72_grad(&a);
    common::assert_near(v, f72(&a), "value");
    assert_fd_array(|xx| f72(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f72_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f72_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f72_grad(&pp_a);
    let (_, gm_a) = f72_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 4, 2)
#[differentiable]
fn f73(a: Array2<f64>, b: &Array1<f64>, s: f64, c: &Array2<f64>, d: ArrayView2<f64>) -> f64 {
    let mut t1: Array1<f64> = c.t().std_axis(Axis(1), 1.0).to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        t1 = &(&t1.mapv(f64::exp) * 0.27) * s + t1;
        t2 = t2 * 0.8 - d[[1, 0]];
    }
    let t3: Array1<f64> = t1.mapv(f64::tanh);
    let t4 = (d.sum() / t3.sum().exp()).tanh().sin();
    let t5 = a.column(0);
    let t6 = (&t5 + t5.mean().unwrap()).dot(c);
    let t7: Array1<f64> = (&t6 * c)
        .fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &x: &f64| m.min(x * s))
        .tanh();
    (&t5 * &t5).dot(&t5.cos())
        + 0.563 * b.sum()
        + 0.933 * t2
        + 0.957 * t4
        + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f73() {
    let mut rng = Rng::new(232100924);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let s = 0.7231;
    let c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let d = rand(&mut rng, (5, 4), 0.5, 1.5);
    let (v, (d_a, d_b, d_s, d_c, d_d)) = f73_grad(a.clone(), &b, s, &c, d.view());
    common::assert_near(v, f73(a.clone(), &b, s, &c, d.view()), "value");
    assert_fd_array(|xx| f73(xx.clone(), &b, s, &c, d.view()), &a, &d_a, "da");
    assert_fd_array(|xx| f73(a.clone(), xx, s, &c, d.view()), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f73(a.clone(), &b, xx[()], &c, d.view()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f73(a.clone(), &b, s, xx, d.view()), &c, &d_c, "dc");
    let d_d: Array2<f64> = d_d;
    assert_fd_array(|xx| f73(a.clone(), &b, s, &c, xx.view()), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f73_jvp(
        a.clone(),
        &b,
        s,
        &c,
        d.view(),
        t_a.clone(),
        &t_b,
        t_s,
        &t_c,
        t_d.view(),
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
    let (hv, (hg_a, hg_b, hg_s, hg_c, hg_d), (hh_a, hh_b, hh_s, hh_c, hh_d)) = f73_hvp(
        a.clone(),
        &b,
        s,
        &c,
        d.view(),
        t_a.clone(),
        &t_b,
        t_s,
        &t_c,
        t_d.view(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_c, gp_d)) =
        f73_grad(pp_a.clone(), &pp_b, pp_s, &pp_c, pp_d.view());
    let (_, (gm_a, gm_b, gm_s, gm_c, gm_d)) =
        f73_grad(pm_a.clone(), &pm_b, pm_s, &pm_c, pm_d.view());
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

// dims (2, 4, 2)
#[differentiable]
fn f74(a: &Array2<f64>, b: &Array1<f64>, s: f64, p: f64, c: &Array1<f64>) -> f64 {
    let t1 = -(&a.row(1) * a);
    let t2 = t1.row(1);
    let t3 = (&t2.exp() + &nn::log_softmax(a, Axis(1)))
        .mapv(f64::tanh)
        .std_axis(Axis(1), 0.0);
    let t4: Array2<f64> = (&c.mapv(|v| ((v * p).sin()).exp()) * b).insert_axis(Axis(1))
        + &nn::sigmoid(&(&t2 + &t2)).insert_axis(Axis(0));
    t2[3] + 0.742 * s + 0.222 * t3.sum() + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f74() {
    let mut rng = Rng::new(232100936);
    let a = rand(&mut rng, (2, 4), 0.5, 1.5);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let s = 1.1834;
    let p = 0.6388;
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let (v, (d_a, d_b, d_s, d_p, d_c)) = f74_grad(&a, &b, s, p, &c);
    common::assert_near(v, f74(&a, &b, s, p, &c), "value");
    assert_fd_array(|xx| f74(xx, &b, s, p, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f74(&a, xx, s, p, &c), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f74(&a, &b, xx[()], p, &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f74(&a, &b, s, xx[()], &c),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(|xx| f74(&a, &b, s, p, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_p = 0.9;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let t_c = rand(&mut rng, 2, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f74_jvp(&a, &b, s, p, &c, &t_a, &t_b, t_s, t_p, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 =
        (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s + d_p * t_p + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (d_p * t_p).abs()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s, hg_p, hg_c), (hh_a, hh_b, hh_s, hh_p, hh_c)) =
        f74_hvp(&a, &b, s, p, &c, &t_a, &t_b, t_s, t_p, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_p, gp_c)) = f74_grad(&pp_a, &pp_b, pp_s, pp_p, &pp_c);
    let (_, (gm_a, gm_b, gm_s, gm_p, gm_c)) = f74_grad(&pm_a, &pm_b, pm_s, pm_p, &pm_c);
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
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 3, 2)
#[differentiable]
fn f75(a: &Array1<f64>, b: Array2<f64>, c: &Array2<f64>, s: f64) -> f64 {
    let mut t1: Array2<f64> = c.to_owned();
    if s < 0.496 {
        t1 = &t1 * 0.72 + &t1;
    }
    let t2 = c.row(0);
    let mut t3: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t4: f64 = s.sin();
    for i in 0..c.nrows() {
        let r = c.row(i);
        t3 = (&t3 + &nn::softmax(&t2, Axis(0))).mapv(f64::tanh);
        t4 += (&(c[[0, 1]] - &r) * &(c[[0, 1]] - &r)).sum().tanh();
    }
    let mut t5 = Array1::<f64>::zeros(2);
    let mut t6: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        t5 = (&t5 + &(&t3 + &t2)).mapv(f64::tanh);
        t6 = t6 * 0.8 - a[4];
    }
    let t7: f64 = (&(-c) * &(-c)).sum();
    let mut t8 = Array1::<f64>::zeros(3);
    let mut t9: f64 = t1.var(1.0);
    for i in 0..c.nrows() {
        let r = c.row(i);
        t8 = &t8 + &(&t8 / (t9 * t9 + 1.0));
        t9 += (s + &t5).std(0.0).tanh();
    }
    let t10: Array1<f64> = if ((b[[1, 2]] * b[[1, 0]]) + b[[0, 1]]) > -0.951 {
        b.index_axis(Axis(0), 0).to_owned()
    } else {
        nn::logsumexp(&(&b + t7), Axis(0))
    };
    nn::cross_entropy_one_hot(
        &ad_runtime::ndarray::concatenate(Axis(0), &[b.view(), b.view()]).unwrap(),
        &nn::softmax(&(Array::from_elem((4, 3), 0.5_f64) + &t10), Axis(1)),
    ) + 0.269 * t4
        + 0.4 * t6
        + (&t10 * &t10).mean().unwrap()
}

#[test]
fn test_f75() {
    let mut rng = Rng::new(232100948);
    let a = rand(&mut rng, 12, -1.0, 1.0);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = -0.5041;
    let (v, (d_a, d_b, d_c, d_s)) = f75_grad(&a, b.clone(), &c, s);
    common::assert_near(v, f75(&a, b.clone(), &c, s), "value");
    assert_fd_array(|xx| f75(xx, b.clone(), &c, s), &a, &d_a, "da");
    assert_fd_array(|xx| f75(&a, xx.clone(), &c, s), &b, &d_b, "db");
    assert_fd_array(|xx| f75(&a, b.clone(), xx, s), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| f75(&a, b.clone(), &c, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 3, 2)
#[differentiable]
fn h76(a: &Array2<f64>, b: ArrayView2<f64>) -> f64 {
    let t1 = if nn::cross_entropy_one_hot(
        &ad_runtime::ndarray::concatenate(Axis(0), &[b.t(), a.t()]).unwrap(),
        &nn::softmax(
            &Array::from_elem((4, 3), 0.25_f64)
                .map(|&v| (if v > 0.0938 { v } else { v }).powi(2) - 0.5),
            Axis(1),
        ),
    ) > 0.517
    {
        (b[[2, 1]] * a)
            * (&a.index_axis(Axis(0), 1).insert_axis(Axis(0))
                / a.var_axis(Axis(1), 1.0).insert_axis(Axis(1)).exp())
    } else {
        nn::softmax(
            &(&a.fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &x: &f64| x.min(m))
                .insert_axis(Axis(0))
                - &a.sum_axis(Axis(1)).insert_axis(Axis(1))),
            Axis(1),
        )
    };
    let mut t2: Array2<f64> = Array::from_elem((3, 4), 1.5_f64)
        .dot(&Array::from_elem((4, 2), 0.25_f64))
        .to_owned();
    let mut t3: f64 = (t1[[1, 0]] * t1[[1, 0]] + 1.0).ln();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4: Array1<f64> = &(&r + &r) * 0.135;
        let t5 = (i as f64 * 0.3).powi(2);
        t2 = t2 + &a.exp().sqrt();
        t3 += (((i as f64 * 0.3) + t4.mean().unwrap()) + t5).tanh();
    }
    t1[[2, 1]] + 0.682 * t2.sum() + 0.54 * t3
}

#[test]
fn test_h76() {
    let mut rng = Rng::new(232100960);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, (d_a, d_b)) = h76_grad(&a, b.view());
    common::assert_near(v, h76(&a, b.view()), "value");
    assert_fd_array(|xx| h76(xx, b.view()), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| h76(&a, xx.view()), &b, &d_b, "db");
}

// dims (4, 3, 2)
#[differentiable]
fn f76(a: Array1<f64>, b: ArrayView2<f64>) -> Array1<f64> {
    let t1: Array2<f64> = b
        .mapv(|v| (((v * v + 0.5).sqrt()) * ((v * v + 0.5).sqrt()) + 0.5).sqrt())
        .abs();
    let mut t2 = Array1::<f64>::zeros(2);
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t2 = t2 + &r;
        t3 = (t3 + t3.tanh().sin()).tanh();
    }
    let t4: f64 = h76(
        &b.mapv(|v| (if v > -0.521 { v } else { v * t3 }).powi(2) - 0.5),
        (&b + t3).view(),
    );
    let t5 = t4.tanh();
    let t6 = t1.std_axis(Axis(0), 0.0);
    ad_runtime::ndarray::stack(
        Axis(0),
        &[
            b.mean_axis(Axis(1)).unwrap().view(),
            t1.sum_axis(Axis(1)).view(),
        ],
    )
    .unwrap()
    .sum_axis(Axis(1))
    .tanh()
        * (a.sum() + t2.sum() + t4 + t5 + t6.sum())
}

#[test]
fn test_f76() {
    let mut rng = Rng::new(232100962);
    let a = rand(&mut rng, 12, -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b)) = f76_vjp(a.clone(), b.view(), seed.clone());
    assert_array(&y, &f76(a.clone(), b.view()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f76(xx.clone(), b.view())),
        &a,
        &d_a,
        "da",
    );
    let d_b: Array2<f64> = d_b;
    assert_fd_array(
        |xx| inner(&seed, &f76(a.clone(), xx.view())),
        &b,
        &d_b,
        "db",
    );
}

// dims (5, 4, 3)
#[differentiable]
fn f77(a: Array1<f64>) -> f64 {
    let t1 = a.view();
    let t2 = a.slice(s![1..]);
    let mut t3: Array1<f64> = &a - &t1;
    if t3.exp().mean().unwrap() < -1.36 {
        let t4: f64 = (t1.sum() * t1.sum() + 1.0).sqrt().tanh();
        t3 = &t3 * 0.748 + &(&t3 + &t3).mapv(f64::tanh);
    }
    let mut t5: f64 = t1.mean().unwrap();
    if t5 < 0.368 {
        let t6: f64 = a[14] * t5;
        t5 = t5 * 0.768 + (t5 / (t1[15] * t1[15] + 1.0));
    } else {
        t5 = (t1.sum() * t1.sum() + 1.0).ln().tanh() - t5;
    }
    let mut t7: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t7 += a[i] * a[i + 1];
    }
    let t8 = t7.tanh();
    t7 + (&t2 * &t2).mean().unwrap() + 0.626 * t8
}

#[test]
fn test_f77() {
    let mut rng = Rng::new(232100974);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let (v, d_a) = f77_grad(a.clone());
    common::assert_near(v, f77(a.clone()), "value");
    assert_fd_array(|xx| f77(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 20, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f77_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f77_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f77_grad(pp_a.clone());
    let (_, gm_a) = f77_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 3, 2)
#[differentiable]
fn f78(a: Array1<f64>, b: &Array1<f64>) -> f64 {
    let t1: f64 = -0.789_f64;
    let t2 = (a.sum().tanh()
        / nn::cross_entropy_one_hot(
            &Array::from_elem((5, 3), 0.5_f64),
            &nn::softmax(&Array::from_elem((5, 3), 0.25_f64), Axis(1)),
        )
        .exp())
    .tanh()
    .powi(2);
    let t3: ArrayView1<f64> = a.view();
    let t4: Array1<f64> = (&nn::relu(&a) - (&a * &t3)).mapv_into(f64::sin);
    let t5: Array1<f64> = (&t3 * Array2::<f64>::eye(2)).dot(&nn::log_softmax(&t4, Axis(0)));
    let t6 = (t1 * t1 + 1.0).sqrt().cos();
    let t7: ArrayView1<f64> = t4.view();
    t2 + (b * b).mean().unwrap() + 0.481 * t2 + 0.676 * t5.sum() + 0.912 * t6 + 0.478 * t7.sum()
}

#[test]
fn test_f78() {
    let mut rng = Rng::new(232100986);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b)) = f78_grad(a.clone(), &b);
    common::assert_near(v, f78(a.clone(), &b), "value");
    assert_fd_array(|xx| f78(xx.clone(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| f78(a.clone(), xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f78_jvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f78_hvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f78_grad(pp_a.clone(), &pp_b);
    let (_, (gm_a, gm_b)) = f78_grad(pm_a.clone(), &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 3, 4)
#[differentiable]
fn f79(a: &Array1<f64>, s: f64) -> Array1<f64> {
    let t1: ArrayView1<f64> = a.slice(s![1..]);
    let t2 = (&(Array::from_elem((3, 5), 0.5_f64) * s)
        - (&Array1::<f64>::linspace(-0.5, 0.5, 4) * &Array1::<f64>::linspace(-0.5, 0.5, 4)).sum())
    .var_axis(Axis(1), 1.0);
    let t3 = nn::softmax(
        &nn::softplus(a).dot(&Array::from_elem((3, 3), 1.5_f64).abs()),
        Axis(0),
    );
    let t4 = t1.view();
    let t5: Array1<f64> =
        if ((s / (t1.mean().unwrap().powi(2) + 0.5)) + (t1[1] * t1[1] + 1.0).ln()) > -1.17 {
            (Array::from_elem((4, 3), 0.25_f64) - Array::from_elem(4, 1.5_f64).insert_axis(Axis(1)))
                .fold_axis(Axis(0), f64::NEG_INFINITY, |m, x| m.max(*x * -0.568))
        } else {
            &Array::from_elem((3, 3), 0.25_f64).dot(a)
                / &(nn::softplus(&Array::from_elem((5, 3), 0.5_f64).var_axis(Axis(0), 1.0)) + 0.5)
        };
    ((&t4 * &t4).sum() * t4.mapv(|v| ((v * 1.47) * (v * 1.47) + 1.0).ln()))
        + (t2.sum() + (&t3 * &t3).mean().unwrap() + (&t4 * &t4).mean().unwrap() + t5.sum())
}

#[test]
fn test_f79() {
    let mut rng = Rng::new(232100998);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let s = 1.1110;
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_s)) = f79_vjp(&a, s, seed.clone());
    assert_array(&y, &f79(&a, s), "value");
    assert_fd_array(|xx| inner(&seed, &f79(xx, s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f79(&a, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 4, 2)
#[differentiable]
fn f80(
    a: &Array2<f64>,
    b: &Array1<f64>,
    k: usize,
    c: &Array1<f64>,
    d: ArrayView2<f64>,
    w: &Array1<f64>,
) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = a.t().to_shape(((3, 4), ord)).unwrap().to_owned();
    let mut t2: Array2<f64> = d.mapv(|v| ((v.powi(2) - 0.5) * (v.powi(2) - 0.5) + 0.5).sqrt());
    if (-0.653_f64).tanh().sin() < -0.134 {
        let t3 = ((-1.27_f64) + 0.219).abs();
        t2 = &t2 * 0.724
            + &w.to_owned()
                .into_shape_with_order(((3, 4), Order::F))
                .unwrap();
    }
    let mut t4: Array1<f64> = b.sqrt().to_owned();
    if ((0.973_f64 + (-0.582_f64)) / (nn::mse(a, &t1) * nn::mse(a, &t1) + 1.0)) > 0.502 {
        t4 = &t4 * 0.749 + &(b / &t4);
    }
    let t5 = a.row(2);
    let t6: Array2<f64> = d
        .slice(s![.., 1..])
        .dot(
            &ad_runtime::ndarray::concatenate(
                Axis(1),
                &[d.slice(s![.., 1..3]), d.slice(s![.., ..2])],
            )
            .unwrap(),
        )
        .mapv(|v| ((v * v + 0.5).sqrt()).tanh().exp());
    let t7 = t1.index_axis(Axis(0), 1);
    (-&t7).exp().ln() + (c.sum() + t2.sum() + (&t5 * &t5).mean().unwrap() + t6.sum() + t7.sum())
}

#[test]
fn test_f80() {
    let mut rng = Rng::new(232101010);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let d = rand(&mut rng, (3, 4), -1.0, 1.0);
    let w = rand(&mut rng, 12, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 4, -1.0, 1.0);
        let (y, (d_a, d_b, d_c, d_d, d_w)) = f80_vjp(&a, &b, k, &c, d.view(), &w, seed.clone());
        assert_array(&y, &f80(&a, &b, k, &c, d.view(), &w), "value");
        assert_fd_array(
            |xx| inner(&seed, &f80(xx, &b, k, &c, d.view(), &w)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f80(&a, xx, k, &c, d.view(), &w)),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f80(&a, &b, k, xx, d.view(), &w)),
            &c,
            &d_c,
            "dc",
        );
        let d_d: Array2<f64> = d_d;
        assert_fd_array(
            |xx| inner(&seed, &f80(&a, &b, k, &c, xx.view(), &w)),
            &d,
            &d_d,
            "dd",
        );
        assert_fd_array(
            |xx| inner(&seed, &f80(&a, &b, k, &c, d.view(), xx)),
            &w,
            &d_w,
            "dw",
        );
    }
}

// dims (2, 3, 5)
#[differentiable]
fn h81(a: ArrayView2<f64>, s: f64) -> f64 {
    let t1 = a
        .t()
        .mapv(|v| {
            if v > -0.327 {
                v * s
            } else {
                if v > -0.525 { v * s } else { v * s }
            }
        })
        .to_shape((15, Order::ColumnMajor))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((3, 5), Order::RowMajor))
        .unwrap();
    let t2: f64 = if ((-1.01_f64) * nn::mse(&a, &t1)) > -0.163 {
        (&a * &a).sum().sin()
    } else {
        a[[1, 1]].powi(2) * 0.813_f64.tanh()
    };
    let t3 = a[[0, 4]];
    t1[[2, 2]].sin() + 0.544 * t2 + 0.493 * t3
}

#[test]
fn test_h81() {
    let mut rng = Rng::new(232101022);
    let a = rand(&mut rng, (3, 5), 0.5, 1.5);
    let s = 0.3460;
    let (v, (d_a, d_s)) = h81_grad(a.view(), s);
    common::assert_near(v, h81(a.view(), s), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h81(xx.view(), s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h81(a.view(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h81_jvp(a.view(), s, t_a.view(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h81_hvp(a.view(), s, t_a.view(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h81_grad(pp_a.view(), pp_s);
    let (_, (gm_a, gm_s)) = h81_grad(pm_a.view(), pm_s);
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
fn f81(a: &Array1<f64>, b: &Array1<f64>, c: &Array2<f64>, d: &Array2<f64>, w: &Array2<f64>) -> f64 {
    let t1: f64 = (((-1.28_f64) / (nn::mse(b, b) * nn::mse(b, b) + 1.0))
        + b.dot(&Array::from_elem((3, 6), 1.5_f64)).var(1.0))
    .tanh();
    let mut t2: Array1<f64> = (b * &c.index_axis(Axis(0), 1)).to_owned();
    let mut t3: f64 = ((-0.392_f64) + 0.598).abs();
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t4 = c / &(&d.index_axis(Axis(1), 1).insert_axis(Axis(1))
            * &d.index_axis(Axis(1), 1).insert_axis(Axis(1))
            + 0.5);
        let t5: Array1<f64> = t2.mapv(|v| v * t1);
        t2 = &(-t5) * (i as f64 * 0.3) + t2;
        t3 = (t3 + ((t1 + t1) + t4.mean().unwrap()).tanh()).tanh();
    }
    let t6: Array1<f64> = &t2 * 0.157;
    let mut t7: Array1<f64> = nn::sigmoid(&d.sum_axis(Axis(1)).dot(d)).to_owned();
    let mut t8: f64 = t3.exp();
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t9 = t6.mapv(f64::cos);
        let t10 = r.mean().unwrap();
        t7 = (&t7 + &(&(&r * &r) - &t9)).mapv(f64::tanh);
        t8 = (t8
            + ((nn::cross_entropy_one_hot(
                &d.slice(s![2..4, ..]),
                &nn::softmax(&w.slice(s![.., 1..4]), Axis(1)),
            ) / (t1.powi(2) + 0.5))
                + t10)
                .tanh())
        .tanh();
    }
    let t11 = (-c
        .t()
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&acc, &x| x.max(acc)))
    .mapv(|v| (v * 1.08) * t8 + t8);
    let t12: Array2<f64> = nn::relu(&(c * t2[1]).mapv(f64::tanh));
    t12.tanh().var(0.0)
        + 0.837 * a.sum()
        + (&t7 * &t7).mean().unwrap()
        + 0.295 * t11.sum()
        + 0.638 * t12.sum()
}

#[test]
fn test_f81() {
    let mut rng = Rng::new(232101024);
    let a = rand(&mut rng, 6, -1.0, 1.0);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let d = rand(&mut rng, (5, 3), -1.0, 1.0);
    let w = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f81_grad(&a, &b, &c, &d, &w);
    common::assert_near(v, f81(&a, &b, &c, &d, &w), "value");
    assert_fd_array(|xx| f81(xx, &b, &c, &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f81(&a, xx, &c, &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f81(&a, &b, xx, &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f81(&a, &b, &c, xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f81(&a, &b, &c, &d, xx), &w, &d_w, "dw");
}

// dims (2, 3, 5)
#[differentiable]
fn f82(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    let t1 = nn::softplus(a).mapv_into(|v| v);
    let t2 = a.view();
    let t3 = nn::sigmoid(
        &b.slice(s![1..3, 1..])
            .dot(&Array::from_elem((2, 5), 0.25_f64).dot(&b.slice(s![.., ..2])))
            .dot(&((0.666_f64 + &t2) + &nn::relu(&t1))),
    );
    let mut t4: f64 = 0.0;
    for i in 1..a.len() {
        t4 += (a[i] - a[i - 1]).powi(2) * 0.875;
    }
    let t5 = nn::softmax(b, Axis(0));
    (t1[0] - b.mean().unwrap().exp())
        + (&t3 * &t3).mean().unwrap()
        + 0.912 * t4
        + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f82() {
    let mut rng = Rng::new(232101036);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, (d_a, d_b)) = f82_grad(&a, &b);
    common::assert_near(v, f82(&a, &b), "value");
    assert_fd_array(|xx| f82(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f82(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f82_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f82_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f82_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f82_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 2, 3)
#[differentiable]
fn f83(a: &Array2<f64>, b: &Array1<f64>, c: &Array1<f64>) -> f64 {
    let t1: ArrayView2<f64> = a.t();
    let mut t2: f64 = 0.0;
    for i in 0..9 {
        t2 = t2 * 0.8 + c[i].sin() * c[i + 1];
    }
    let mut t3: Array2<f64> = (&Array::from_elem((5, 2), 1.5_f64)
        * &a.index_axis(Axis(0), 2).insert_axis(Axis(0)))
        .to_owned();
    let mut t4: f64 = 0.676_f64 + (-0.31_f64);
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t5: f64 = t4 + t1[[0, 0]];
        t3 = &t3 + &t3.dot(&t1.slice(s![.., 1..])).mapv(f64::tanh);
        t4 += (a.sum() + c.mean().unwrap()).sin() + t5;
    }
    nn::cross_entropy_one_hot(
        &(&t3.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1))
            + &t1.std_axis(Axis(1), 0.0).insert_axis(Axis(0))),
        &nn::softmax(&t3, Axis(1)),
    ) + 0.776 * b.sum()
        + 0.559 * t2
}

#[test]
fn test_f83() {
    let mut rng = Rng::new(232101048);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let c = rand(&mut rng, 10, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f83_grad(&a, &b, &c);
    common::assert_near(v, f83(&a, &b, &c), "value");
    assert_fd_array(|xx| f83(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f83(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f83(&a, &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 10, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f83_jvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c), (hh_a, hh_b, hh_c)) = f83_hvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f83_grad(&pp_a, &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = f83_grad(&pm_a, &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (5, 2, 4)
#[differentiable(wrt(a, c, d, w))]
fn f84(a: Array1<f64>, b: &Array1<f64>, c: &Array1<f64>, d: &Array2<f64>, w: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t2: f64 = w.std(0.0);
    for i in 0..w.nrows() {
        let r = w.row(i);
        t1 = t1 + &r;
        t2 = (t2
            + (nn::cross_entropy(w, &vec![1usize; 5]) * nn::cross_entropy(w, &vec![1usize; 5])
                + 1.0)
                .ln())
        .tanh();
    }
    let mut t3: f64 = 0.0;
    for i in 0..4 {
        t3 += b[i] * b[i + 1];
    }
    let t4: f64 = w.row(3).dot(c).exp().tanh() + a.sum();
    let mut t5: Array1<f64> = (c * &t1).to_owned();
    let mut t6: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t7: Array1<f64> =
            (nn::sigmoid(&w.fold_axis(Axis(0), f64::INFINITY, |acc, x| acc.min(*x))) + 0.25).ln();
        t5 = (&t5 + &(&r - t7).tanh()).mapv(f64::tanh);
        t6 += (i as f64 * 0.3) + (c[1] * t6);
    }
    let t8: Array1<f64> = &w.fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &v: &f64| m.min(v))
        / &(&t5 + &t1).mapv(|v| (((v * 1.22).tanh()) * ((v * 1.22).tanh()) + 0.5).sqrt());
    t2 + 0.357 * t2 + 0.66 * t3 + 0.351 * t4 + 0.97 * t8.sum()
}

#[test]
fn test_f84() {
    let mut rng = Rng::new(232101060);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let d = rand(&mut rng, (4, 2), -1.0, 1.0);
    let w = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (v, (d_a, d_c, d_d, d_w)) = f84_grad(a.clone(), &b, &c, &d, &w);
    common::assert_near(v, f84(a.clone(), &b, &c, &d, &w), "value");
    assert_fd_array(|xx| f84(xx.clone(), &b, &c, &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f84(a.clone(), &b, xx, &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f84(a.clone(), &b, &c, xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f84(a.clone(), &b, &c, &d, xx), &w, &d_w, "dw");
}

// dims (3, 4, 5)
#[differentiable]
fn f85(a: Array1<f64>, b: &Array2<f64>, c: &Array1<f64>, k: usize, d: &Array1<f64>) -> Array2<f64> {
    let ord = match k {
        0 => Order::C,
        _ => Order::F,
    };
    let t1 = (&b.slice(s![1.., ..4]) * c)
        .to_shape(((3, 4), ord))
        .unwrap()
        .into_owned();
    let t2: Array2<f64> = nn::sigmoid(&t1.dot(&b.slice(s![.., ..4])))
        .dot(&(&b.slice(s![.., ..4]).map(|&v| v) * &b.slice(s![.., ..4]).map(|&v| v) + 0.5).ln());
    let mut t3: Array1<f64> = c.mapv(|v| ((v.sin()) * (v.sin()) + 1.0).ln()).to_owned();
    let mut t4: f64 = 1.24_f64.powi(2);
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t5: Array1<f64> = &r / c;
        let t6: Array1<f64> = c / (i as f64 * 0.3).exp();
        t3 = &(&(&nn::softplus(&t5) + &t6) * 0.151) * t4.exp().sqrt().tanh() + t3;
        t4 = t4 * 0.8 - (t4.powi(2) + 0.5).sqrt().sqrt();
    }
    let t7: Array2<f64> = (&b.slice(s![.., ..4]).dot(b) / (t3[1] * t3[1] + 1.0))
        / (t3.mean().unwrap() * t3.mean().unwrap() + 1.0);
    let t8: f64 = t1.mapv(|v| v).mean().unwrap();
    let t9 = b.index_axis(Axis(1), 1);
    let t10 = t2.t();
    (&(&t2 - t9[3]) / (t4 * t4 + 1.0))
        + ((&a * &a).mean().unwrap()
            + (d * d).mean().unwrap()
            + (&t7 * &t7).mean().unwrap()
            + t8
            + t9.sum()
            + (&t10 * &t10).mean().unwrap())
}

#[test]
fn test_f85() {
    let mut rng = Rng::new(232101072);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, 4, 0.5, 1.5);
    let d = rand(&mut rng, 12, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (3, 4), -1.0, 1.0);
        let (y, (d_a, d_b, d_c, d_d)) = f85_vjp(a.clone(), &b, &c, k, &d, seed.clone());
        assert_array(&y, &f85(a.clone(), &b, &c, k, &d), "value");
        assert_fd_array(
            |xx| inner(&seed, &f85(xx.clone(), &b, &c, k, &d)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f85(a.clone(), xx, &c, k, &d)),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f85(a.clone(), &b, xx, k, &d)),
            &c,
            &d_c,
            "dc",
        );
        assert_fd_array(
            |xx| inner(&seed, &f85(a.clone(), &b, &c, k, xx)),
            &d,
            &d_d,
            "dd",
        );
    }
}

// dims (3, 4, 2)
#[differentiable]
fn f86(a: Array1<f64>) -> f64 {
    let t1 = nn::softmax(&Array2::<f64>::eye(3), Axis(0))
        .dot(&(-a))
        .mapv(|v| v * v + 1.0)
        .ln();
    let mut t2: f64 = 0.0;
    for i in 0..t1.len() - 1 {
        t2 += t1[i] * t1[i + 1];
    }
    let t3 = t2.tanh();
    let t4: Array1<f64> = t1.tanh()
        / &(nn::sigmoid(&t1.map(|&v| (((v * t3) * (v * t3) + 0.5).sqrt()).tanh().exp())) + 0.25);
    t1.mapv(f64::cos).var(0.0) + 0.617 * t4.sum()
}

#[test]
fn test_f86() {
    let mut rng = Rng::new(232101084);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let (v, d_a) = f86_grad(a.clone());
    common::assert_near(v, f86(a.clone()), "value");
    assert_fd_array(|xx| f86(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f86_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f86_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f86_grad(pp_a.clone());
    let (_, gm_a) = f86_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 4, 5)
#[differentiable(wrt(a, s, b, c))]
fn f87(a: &Array2<f64>, s: f64, b: Array2<f64>, k: usize, c: &Array1<f64>, p: f64) -> Array1<f64> {
    let ord = match k {
        0 => Order::RowMajor,
        _ => Order::ColumnMajor,
    };
    let t1: Array2<f64> = ad_runtime::ndarray::stack(Axis(1), &[c.view(), c.view()])
        .unwrap()
        .to_shape(((2, 4), ord))
        .unwrap()
        .to_owned();
    let t2: Array2<f64> = b
        .t()
        .to_shape(((4, 5), Order::RowMajor))
        .unwrap()
        .into_owned();
    let mut t3: f64 = 0.0;
    for i in 0..c.len() - 1 {
        let t4 = c[i + 1] - c[i] * c[i];
        let t5 = 1.0 - c[i];
        t3 += 1.62 * t4 * t4 + t5 * t5;
    }
    let t6: f64 = t3.tanh();
    let t7: ArrayView1<f64> = a.index_axis(Axis(1), 2);
    let t8 = t1.index_axis(Axis(1), 2);
    let mut t9: Array1<f64> = (&t8 / (&t8 * &t8 + 0.5)).to_owned();
    if a.slice(s![.., ..2]).sum_axis(Axis(1)).mean().unwrap() < 0.304 {
        let t10: f64 = t8.sum();
        t9 = &t9 * 0.646 + &(&t9 / (nn::sigmoid(&t9) + 0.25)).mapv(f64::tanh);
    } else {
        t9 = &(&t8 + &t8) - &t9;
    }
    t9.mapv(|v| ((v * p) * (v * p) + 0.5).sqrt())
        .mapv_into(|v| ((v * p).sin()).exp())
        * (s + t2.sum() + t6 + t7.sum())
}

#[test]
fn test_f87() {
    let mut rng = Rng::new(232101096);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let s = -0.9561;
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let p = -0.4513;
    for k in 0..2usize {
        let seed = rand(&mut rng, 2, -1.0, 1.0);
        let (y, (d_a, d_s, d_b, d_c)) = f87_vjp(&a, s, b.clone(), k, &c, p, seed.clone());
        assert_array(&y, &f87(&a, s, b.clone(), k, &c, p), "value");
        assert_fd_array(
            |xx| inner(&seed, &f87(xx, s, b.clone(), k, &c, p)),
            &a,
            &d_a,
            "da",
        );
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f87(&a, xx[()], b.clone(), k, &c, p)),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(
            |xx| inner(&seed, &f87(&a, s, xx.clone(), k, &c, p)),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f87(&a, s, b.clone(), k, xx, p)),
            &c,
            &d_c,
            "dc",
        );
    }
}

// dims (5, 2, 3)
#[differentiable]
fn h88(a: &Array1<f64>, b: &Array2<f64>) -> Array1<f64> {
    let t1 = -&b
        .slice(s![1..3, ..])
        .fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &x: &f64| m.min(x));
    (&b.fold_axis(Axis(1), f64::INFINITY, |&m, &x| f64::min(x, m))
        .insert_axis(Axis(1))
        * b)
        .mean_axis(Axis(0))
        .unwrap()
        * (a.sum() + (&t1 * &t1).mean().unwrap())
}

#[test]
fn test_h88() {
    let mut rng = Rng::new(232101108);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b)) = h88_vjp(&a, &b, seed.clone());
    assert_array(&y, &h88(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &h88(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h88(&a, xx)), &b, &d_b, "db");
}

// dims (5, 2, 3)
#[differentiable]
fn f88(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    let t1 = &(-a)
        - &(nn::cross_entropy_one_hot(
            &Array::from_elem((5, 2), 0.25_f64),
            &nn::softmax(&Array::from_elem((5, 2), 0.5_f64), Axis(1)),
        ) - (a / (a * a + 0.5)));
    let t2 = nn::softplus(&t1).mapv_into(f64::tanh);
    let t3: Array1<f64> = (a * a) / t1.mapv(|v| v * v + 1.0);
    let t4 = nn::cross_entropy_one_hot(
        &Array::from_elem((5, 2), 1.5_f64),
        &nn::softmax(&Array::from_elem((5, 2), 1.5_f64), Axis(1)),
    )
    .sin();
    let t5 = a.view();
    1.24_f64
        + 0.546 * b.sum()
        + 0.299 * t2.sum()
        + 0.682 * t3.sum()
        + 0.505 * t4
        + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f88() {
    let mut rng = Rng::new(232101110);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b)) = f88_grad(&a, &b);
    common::assert_near(v, f88(&a, &b), "value");
    assert_fd_array(|xx| f88(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f88(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f88_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f88_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f88_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f88_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 5, 2)
#[differentiable]
fn h89(a: &Array1<f64>, b: Array2<f64>, s: f64) -> Array2<f64> {
    let mut t1: f64 = b[[1, 1]].exp();
    if b.cos().var(1.0) < -0.956 {
        t1 = t1 * 0.845 + b.mean().unwrap().powi(2);
    } else {
        t1 = b.sum().sin() - t1;
    }
    let t2: Array2<f64> = nn::relu(&Array2::<f64>::eye(5)).dot(&b.powf(0.5));
    let t3 = t2.view();
    ((&b / &b) * t1).tanh() * ((a * a).mean().unwrap() + s + t1 + t3.sum())
}

#[test]
fn test_h89() {
    let mut rng = Rng::new(232101122);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), 0.5, 1.5);
    let s = 1.3897;
    let seed = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = h89_vjp(&a, b.clone(), s, seed.clone());
    assert_array(&y, &h89(&a, b.clone(), s), "value");
    assert_fd_array(|xx| inner(&seed, &h89(xx, b.clone(), s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h89(&a, xx.clone(), s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h89(&a, b.clone(), xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 5, 2)
#[differentiable]
fn f89(a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>) -> f64 {
    let t1 = &(&Array::from_elem((5, 5), 0.5_f64)
        .dot(&Array::from_elem((5, 2), 1.5_f64))
        .mean_axis(Axis(0))
        .unwrap()
        / (nn::sigmoid(&(-&Array1::<f64>::linspace(-0.5, 0.5, 2))) + 0.25))
        * 0.133;
    let t2: f64 = (c + c.sin()).std(0.0);
    let t3 = h89(
        &(c.mean().unwrap() + &b.row(0)),
        ad_runtime::ndarray::stack(
            Axis(1),
            &[
                b.mean_axis(Axis(0)).unwrap().view(),
                b.mean_axis(Axis(0)).unwrap().view(),
            ],
        )
        .unwrap()
        .exp(),
        0.522_f64,
    );
    let t4: Array2<f64> = t3.mapv(f64::tanh);
    let t5: Array1<f64> = ((-&nn::sigmoid(&t3.t()))
        .dot(&Array::from_elem((5, 5), 0.25_f64).dot(&t4.index_axis(Axis(1), 0)))
        * &(-&nn::log_softmax(&t1, Axis(0))))
        .tanh();
    let mut t6: f64 = 0.0;
    for i in 0..14 {
        t6 += c[i] * c[i + 1];
    }
    let t7 = t6.tanh();
    let t8 = a.view();
    let t9: ArrayView1<f64> = c.view();
    (&t1 * &t1).sum().sin()
        + 0.561 * t2
        + 0.846 * t5.sum()
        + 0.563 * t7
        + 0.823 * t8.sum()
        + 0.8 * t9.sum()
}

#[test]
fn test_f89() {
    let mut rng = Rng::new(232101124);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), 0.5, 1.5);
    let c = rand(&mut rng, 15, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f89_grad(&a, &b, &c);
    common::assert_near(v, f89(&a, &b, &c), "value");
    assert_fd_array(|xx| f89(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f89(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f89(&a, &b, xx), &c, &d_c, "dc");
}

// dims (2, 5, 4)
#[differentiable]
fn f90(a: &Array1<f64>, b: &Array1<f64>, c: ArrayView2<f64>) -> f64 {
    let mut t1: Array1<f64> = (a + a).to_owned();
    if nn::mse(&(c.mean().unwrap() * &t1), &(a * a)) > 0.11 {
        let t2 = c[[3, 1]].exp().sqrt();
        t1 = &t1 * 0.871 + &c.view().reversed_axes().var_axis(Axis(1), 1.0);
    }
    let mut t3: Array2<f64> = -&c;
    if nn::cross_entropy(
        &c.slice(s![1..3, ..]).mapv(|v| (v.sin()).powi(2) - 0.5),
        &vec![4usize; 2],
    ) > 0.443
    {
        t3 = &t3 * 0.338
            + &ad_runtime::ndarray::concatenate(
                Axis(0),
                &[c.slice(s![..2, ..]), c.slice(s![1..3, ..])],
            )
            .unwrap();
    }
    let t4: f64 = -1.15_f64;
    let mut t5: Array2<f64> = t3.mapv(|v| v * t4);
    let mut t6: f64 = t1[2];
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t7 = Array::from_elem((2, 10), 1.5_f64).var_axis(Axis(0), 0.0);
        let t8 = (i as f64 * 0.3);
        t5 = &t5 * 0.7 + &nn::sigmoid(&(&t5 * &t5));
        t6 = (t6 + ((t1[1] + t7.mean().unwrap()) + t8).tanh()).tanh();
    }
    let t9: Array1<f64> = (nn::softplus(&Array1::<f64>::linspace(-0.5, 0.5, 2))
        * Array1::<f64>::ones(2).mapv_into(|v| v * t4))
        * (&(&c.slice(s![1..3, ..]) - t1[4]).dot(&nn::relu(a)) * 0.08);
    0.86_f64 + (b * b).mean().unwrap() + 0.967 * t6 + 0.283 * t9.sum()
}

#[test]
fn test_f90() {
    let mut rng = Rng::new(232101136);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 10, 0.5, 1.5);
    let c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f90_grad(&a, &b, c.view());
    common::assert_near(v, f90(&a, &b, c.view()), "value");
    assert_fd_array(|xx| f90(xx, &b, c.view()), &a, &d_a, "da");
    assert_fd_array(|xx| f90(&a, xx, c.view()), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f90(&a, &b, xx.view()), &c, &d_c, "dc");
}

// dims (5, 4, 3)
#[differentiable]
fn h91(a: Array1<f64>, s: f64) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t2 = a[i + 1] - a[i] * a[i];
        let t3 = 1.0 - a[i];
        t1 += 2.96 * t2 * t2 + t3 * t3;
    }
    let t4 = t1.tanh();
    ((t4 * s) + (&a * &a).sum()) + 0.919 * s + 0.632 * t4
}

#[test]
fn test_h91() {
    let mut rng = Rng::new(232101148);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let s = 0.8608;
    let (v, (d_a, d_s)) = h91_grad(a.clone(), s);
    common::assert_near(v, h91(a.clone(), s), "value");
    assert_fd_array(|xx| h91(xx.clone(), s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h91(a.clone(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h91_jvp(a.clone(), s, t_a.clone(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h91_hvp(a.clone(), s, t_a.clone(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h91_grad(pp_a.clone(), pp_s);
    let (_, (gm_a, gm_s)) = h91_grad(pm_a.clone(), pm_s);
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
fn f91(a: &Array2<f64>) -> Array2<f64> {
    let t1 = if a.sum() > 1.4 {
        a.t()
            .mapv(|v| {
                if v > -0.304 {
                    v
                } else {
                    if v > 0.316 { v } else { v }
                }
            })
            .to_shape((12, Order::F))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((3, 4), Order::ColumnMajor))
            .unwrap()
    } else {
        nn::sigmoid(&a.dot(&Array::from_elem((4, 4), 0.5_f64)))
    };
    let t2 = a.index_axis(Axis(1), 3);
    let t3: f64 = h91(
        a.fold_axis(Axis(0), f64::INFINITY, |&m, &v| m.min(v * -1.22))
            .sin(),
        t1.mean().unwrap() - a[[0, 1]],
    );
    let t4 = t3.tanh();
    let t5: f64 = (t3 * t3 + 1.0).sqrt().tanh();
    let mut t6: Array1<f64> = nn::logsumexp(&t1, Axis(0));
    let mut t7: f64 = t2.sum();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t8 = nn::sigmoid(a);
        t6 = t6 + &r;
        t7 += (t1.std(0.0).exp() + t8.mean().unwrap()).tanh();
    }
    a.cos().mapv(f64::tanh) * (t4 + t5 + t6.sum() + t7)
}

#[test]
fn test_f91() {
    let mut rng = Rng::new(232101150);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (y, d_a) = f91_vjp(&a, seed.clone());
    assert_array(&y, &f91(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f91(xx)), &a, &d_a, "da");
}

// dims (3, 2, 5)
#[differentiable(wrt(a, b))]
fn f92(a: ArrayView2<f64>, b: Array1<f64>, s: f64, p: f64, k: usize) -> f64 {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1 = nn::relu(&Array::from_elem((2, 3), 1.5_f64))
        .to_shape(((3, 2), ord))
        .unwrap()
        .to_owned();
    let t2 = &(b.sum() - &Array::from_elem((5, 5), 1.5_f64).dot(&a)) * 0.16;
    let t3 = Array::from_elem((3, 5), 1.5_f64)
        .abs()
        .mapv_into(|v| ((v * 1.21) * s + s) * s + s)
        .dot(
            &(-(a.fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &x: &f64| x.max(m))
                / (nn::sigmoid(&t2) + 0.25))),
        )
        .mapv(f64::tanh);
    let t4: Array2<f64> = &(&t2.std_axis(Axis(0), 0.0)
        / &(&t3.index_axis(Axis(0), 0) * &t3.index_axis(Axis(0), 0) + 0.5))
        / &t2.dot(&t2.slice(s![..2, ..])).mapv(|v| v * v + 1.0);
    let t5: Array2<f64> = -&(&(&t4 - (&a.column(0) * &a.column(0)).sum()) * 0.154);
    let mut t6: Array2<f64> = nn::sigmoid(&t2).to_owned();
    if (t5.var(0.0) + 0.529).abs() > -0.407 {
        let t7 = (t5[[4, 0]] * t5[[4, 0]] + 1.0).ln();
        t6 = &t6 * 0.579 + &t5;
    } else {
        t6 = &ad_runtime::ndarray::stack(Axis(1), &[b.view(), b.view()]).unwrap() - &t6;
    }
    (s.exp() - s.sqrt()) + 0.603 * t1.sum() + 0.792 * t6.sum()
}

#[test]
fn test_f92() {
    let mut rng = Rng::new(232101162);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let s = 1.0580;
    let p = -0.6780;
    for k in 0..2usize {
        let (v, (d_a, d_b)) = f92_grad(a.view(), b.clone(), s, p, k);
        common::assert_near(v, f92(a.view(), b.clone(), s, p, k), "value");
        let d_a: Array2<f64> = d_a;
        assert_fd_array(|xx| f92(xx.view(), b.clone(), s, p, k), &a, &d_a, "da");
        assert_fd_array(|xx| f92(a.view(), xx.clone(), s, p, k), &b, &d_b, "db");
    }
}

// dims (4, 3, 5)
#[differentiable(wrt(s, d))]
fn f93(
    a: &Array2<f64>,
    s: f64,
    k: usize,
    b: &Array1<f64>,
    c: &Array1<f64>,
    d: &Array1<f64>,
) -> f64 {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1: Array2<f64> = (a.var_axis(Axis(0), 0.0).insert_axis(Axis(0))
        + d.view().insert_axis(Axis(1)))
    .to_shape(((4, 3), ord))
    .unwrap()
    .to_owned();
    let t2 = d.slice(s![1..]);
    let t3: f64 = (&a.tanh() * &a.tanh()).sum().tanh().exp();
    let t4: Array1<f64> = nn::log_softmax(c, Axis(0));
    let t5: f64 = t2[2];
    let mut t6: f64 = 0.0;
    for i in 1..b.len() {
        t6 += (b[i] - b[i - 1]).powi(2) * 0.954;
    }
    let t7: f64 = t6.tanh();
    ((t7 - a[[0, 0]]) * (t7 - a[[0, 0]]) + 1.0).ln()
        + 0.702 * s
        + 0.92 * t1.sum()
        + 0.696 * t3
        + 0.275 * t4.sum()
        + 0.705 * t5
        + 0.744 * t7
}

#[test]
fn test_f93() {
    let mut rng = Rng::new(232101174);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let s = 1.1869;
    let b = rand(&mut rng, 12, 0.5, 1.5);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_s, d_d)) = f93_grad(&a, s, k, &b, &c, &d);
        common::assert_near(v, f93(&a, s, k, &b, &c, &d), "value");
        let fd_s = fd(
            |xx: &Array<f64, _>| f93(&a, xx[()], k, &b, &c, &d),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(|xx| f93(&a, s, k, &b, &c, xx), &d, &d_d, "dd");
        let hstep = 1e-5;
        let t_s = 0.3;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let t_d = rand(&mut rng, 4, -1.0, 1.0);
        let pp_d = &d + &(&t_d * hstep);
        let pm_d = &d - &(&t_d * hstep);
        let (vj, tj) = f93_jvp(&a, s, k, &b, &c, &d, t_s, &t_d);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = d_s * t_s + (&d_d * &t_d).sum();
        let scale: f64 = (d_s * t_s).abs() + (&d_d * &t_d).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_s, hg_d), (hh_s, hh_d)) = f93_hvp(&a, s, k, &b, &c, &d, t_s, &t_d);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_s, gp_d)) = f93_grad(&a, pp_s, k, &b, &c, &pp_d);
        let (_, (gm_s, gm_d)) = f93_grad(&a, pm_s, k, &b, &c, &pm_d);
        assert_hv_array(
            &Array::from_elem((), hh_s),
            &Array::from_elem((), gp_s),
            &Array::from_elem((), gm_s),
            hstep,
            "H t s",
        );
        assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    }
}

// dims (3, 5, 2)
#[differentiable]
fn f94(a: &Array1<f64>, s: f64, b: Array1<f64>, c: &Array2<f64>, d: &Array2<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = Array::from_elem((5, 5), 1.5_f64)
        .dot(&Array::from_elem((5, 3), 0.5_f64))
        .to_shape(((3, 5), ord))
        .unwrap()
        .to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t2 = t2 * 0.8 + b[i].sin() * b[i + 1];
    }
    let t3 = (&d.index_axis(Axis(0), 2) - t1[[0, 4]])
        / a.dot(&c.slice(s![.., 2..4])).mapv(|v| v * v + 1.0);
    let mut t4: Array1<f64> =
        t1.fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &v: &f64| (v * t2).min(m));
    let mut t5: f64 = 1.34_f64;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t6 = nn::cross_entropy_one_hot(&t1, &nn::softmax(&t1, Axis(1)));
        t4 = (&t4 + &(&r + &c.view().reversed_axes().dot(&t3)).tanh()).mapv(f64::tanh);
        t5 = t5 * 0.8 - (c[[1, 3]] + t6).tanh();
    }
    t2 + 0.312 * s + 0.332 * t4.sum() + 0.221 * t5
}

#[test]
fn test_f94() {
    let mut rng = Rng::new(232101186);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let s = 1.2700;
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let d = rand(&mut rng, (3, 2), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_s, d_b, d_c, d_d)) = f94_grad(&a, s, b.clone(), &c, &d, k);
        common::assert_near(v, f94(&a, s, b.clone(), &c, &d, k), "value");
        assert_fd_array(|xx| f94(xx, s, b.clone(), &c, &d, k), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| f94(&a, xx[()], b.clone(), &c, &d, k),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(|xx| f94(&a, s, xx.clone(), &c, &d, k), &b, &d_b, "db");
        assert_fd_array(|xx| f94(&a, s, b.clone(), xx, &d, k), &c, &d_c, "dc");
        assert_fd_array(|xx| f94(&a, s, b.clone(), &c, xx, k), &d, &d_d, "dd");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 2, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_s = 0.5;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let t_b = rand(&mut rng, 2, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, (2, 5), -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let t_d = rand(&mut rng, (3, 2), -1.0, 1.0);
        let pp_d = &d + &(&t_d * hstep);
        let pm_d = &d - &(&t_d * hstep);
        let (vj, tj) = f94_jvp(
            &a,
            s,
            b.clone(),
            &c,
            &d,
            k,
            &t_a,
            t_s,
            t_b.clone(),
            &t_c,
            &t_d,
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
        let (hv, (hg_a, hg_s, hg_b, hg_c, hg_d), (hh_a, hh_s, hh_b, hh_c, hh_d)) = f94_hvp(
            &a,
            s,
            b.clone(),
            &c,
            &d,
            k,
            &t_a,
            t_s,
            t_b.clone(),
            &t_c,
            &t_d,
        );
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_s, gp_b, gp_c, gp_d)) =
            f94_grad(&pp_a, pp_s, pp_b.clone(), &pp_c, &pp_d, k);
        let (_, (gm_a, gm_s, gm_b, gm_c, gm_d)) =
            f94_grad(&pm_a, pm_s, pm_b.clone(), &pm_c, &pm_d, k);
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
}

// dims (5, 4, 5)
#[differentiable]
fn f95(k: usize, a: &Array1<f64>, b: Array2<f64>, c: Array1<f64>) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1: Array2<f64> = b.t().to_shape(((5, 4), ord)).unwrap().to_owned();
    let mut t2: Array2<f64> = Array2::<f64>::zeros((5, 4));
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4 = (&c * &c).sum();
        let t5: Array1<f64> = -&r;
        t2 = &b.dot(&t1.slice(s![..4, ..])).mapv(f64::tanh) * t3.cos() + t2;
        t3 += ((t1.var_axis(Axis(0), 1.0).std(0.0) + t4) + t5.mean().unwrap()).tanh();
    }
    let t6 = b.index_axis(Axis(0), 4);
    let mut t7: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t7 += a[i] * a[i + 1];
    }
    let t8 = t7.tanh();
    let t9 = t1.index_axis(Axis(0), 0);
    let mut t10: f64 = 0.0;
    for i in 1..c.len() {
        t10 += (c[i] - c[i - 1]).powi(2) * 1.11;
    }
    let t11 = t10.tanh();
    let t12: f64 = (c.sum().cos() * c.sum().cos() + 1.0).ln();
    let mut t13: f64 = b[[3, 1]].cos();
    if t11.exp() > -0.881 {
        let t14: f64 = (-0.484_f64) - t3;
        t13 = t13 * 0.564 + t6.mean().unwrap().powi(2);
    }
    (&c / &(nn::softplus(&c) + 0.5)).dot(&Array::from_elem((5, 20), 0.25_f64))
        + ((&t2 * &t2).mean().unwrap() + t8 + t9.sum() + t12 + t13)
}

#[test]
fn test_f95() {
    let mut rng = Rng::new(232101198);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 20, -1.0, 1.0);
        let (y, (d_a, d_b, d_c)) = f95_vjp(k, &a, b.clone(), c.clone(), seed.clone());
        assert_array(&y, &f95(k, &a, b.clone(), c.clone()), "value");
        assert_fd_array(
            |xx| inner(&seed, &f95(k, xx, b.clone(), c.clone())),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f95(k, &a, xx.clone(), c.clone())),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f95(k, &a, b.clone(), xx.clone())),
            &c,
            &d_c,
            "dc",
        );
    }
}

// dims (2, 3, 5)
#[differentiable]
fn f96(a: &Array1<f64>, k: usize, s: f64, b: ArrayView2<f64>) -> Array1<f64> {
    let ord = match k {
        0 => Order::F,
        _ => Order::C,
    };
    let t1 = b.t().to_shape(((2, 3), ord)).unwrap().into_owned();
    let t2: f64 = if s > 0.5 {
        s.tanh().sin()
    } else {
        ((0.865_f64 + 0.34).abs() * (0.865_f64 + 0.34).abs() + 1.0).sqrt()
    };
    let t3 = b.index_axis(Axis(0), 0);
    let t4: f64 = nn::cross_entropy(&b.mapv(|v| v * v + 1.0).ln(), &vec![1usize; 2]);
    let t5 = nn::sigmoid(
        &(&(-t1) + (nn::logsumexp(&b, Axis(1)) / (t2.powi(2) + 0.5)).insert_axis(Axis(1))).dot(
            &nn::softmax(
                &(Array2::<f64>::eye(3) * Array::from_elem((3, 3), 0.5_f64)),
                Axis(1),
            ),
        ),
    );
    let t6 = t3.slice(s![1..]);
    let mut t7: f64 = 0.0;
    for i in 0..2 {
        t7 += a[i] * a[i + 1];
    }
    let mut t8: Array1<f64> = t3.sin();
    if t6[1] < 0.445 {
        t8 = &t8 * 0.881 + &b.std_axis(Axis(0), 0.0);
    }
    (&t5 / (&t8.view().insert_axis(Axis(0)) * &t8.view().insert_axis(Axis(0)) + 0.5))
        .var_axis(Axis(0), 0.0)
        * (t4 + (&t5 * &t5).mean().unwrap() + t7 + t8.sum())
}

#[test]
fn test_f96() {
    let mut rng = Rng::new(232101210);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.5756;
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 3, -1.0, 1.0);
        let (y, (d_a, d_s, d_b)) = f96_vjp(&a, k, s, b.view(), seed.clone());
        assert_array(&y, &f96(&a, k, s, b.view()), "value");
        assert_fd_array(|xx| inner(&seed, &f96(xx, k, s, b.view())), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f96(&a, k, xx[()], b.view())),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        let d_b: Array2<f64> = d_b;
        assert_fd_array(|xx| inner(&seed, &f96(&a, k, s, xx.view())), &b, &d_b, "db");
    }
}

// dims (5, 3, 4)
#[differentiable]
fn f97(a: Array2<f64>, b: &Array1<f64>) -> Array2<f64> {
    let t1 = b.slice(s![1..]);
    let t2 = if (-1.14_f64) < -0.134 {
        0.733_f64.exp()
    } else {
        nn::mse(
            &t1.abs(),
            &nn::logsumexp(&Array::from_elem((14, 5), 0.25_f64), Axis(1)),
        )
    };
    let mut t3: Array1<f64> = -&a.index_axis(Axis(0), 0);
    let mut t4: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t3 = &t3 * 0.7 + &(&r - a.mean_axis(Axis(0)).unwrap());
        t4 = (t4 + t3[3].tanh()).tanh();
    }
    (t4.powi(2) - Array::from_elem((5, 3), 1.5_f64)) + (t2 + t4)
}

#[test]
fn test_f97() {
    let mut rng = Rng::new(232101222);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let seed = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (y, (d_a, d_b)) = f97_vjp(a.clone(), &b, seed.clone());
    assert_array(&y, &f97(a.clone(), &b), "value");
    assert_fd_array(|xx| inner(&seed, &f97(xx.clone(), &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f97(a.clone(), xx)), &b, &d_b, "db");
}

// dims (4, 3, 2)
#[differentiable]
fn f98(
    a: &Array1<f64>,
    b: &Array1<f64>,
    c: &Array2<f64>,
    d: &Array1<f64>,
    w: &Array1<f64>,
) -> Array1<f64> {
    let t1: Array1<f64> =
        -(&w.mapv(|v| (v * v).powi(2) - 0.5) * &w.mapv(|v| (v * v).powi(2) - 0.5) + 0.5)
            .powf(1.5)
            .mapv(f64::tanh);
    let t2: ArrayView1<f64> = b.view();
    let t3 = (d / d.exp())
        .dot(
            &(&d.view().insert_axis(Axis(1))
                / (&d.view().insert_axis(Axis(0)) * &d.view().insert_axis(Axis(0)) + 0.5)),
        )
        .tanh()
        .dot(
            &(1.44_f64
                * &ad_runtime::ndarray::concatenate(
                    Axis(1),
                    &[c.slice(s![..3, ..]), c.slice(s![1.., ..])],
                )
                .unwrap()),
        );
    let t4 = nn::cross_entropy_one_hot(
        &Array::from_elem((4, 3), 1.5_f64),
        &nn::softmax(&Array::from_elem((4, 3), 0.25_f64), Axis(1)),
    ) + d.mapv(|v| if v > -0.0596 { v.exp() } else { v.tanh() });
    let t5 = t1.view();
    let t6: ArrayView1<f64> = t2.view();
    let mut t7: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t7 = t7 * 0.8 + a[i].sin() * a[i + 1];
    }
    (nn::softplus(&Array::from_elem((4, 4), 1.5_f64).dot(&t6)) + 0.5).powf(0.5)
        * ((&t3 * &t3).mean().unwrap() + t4.sum() + t5.sum() + (&t6 * &t6).mean().unwrap() + t7)
}

#[test]
fn test_f98() {
    let mut rng = Rng::new(232101234);
    let a = rand(&mut rng, 12, -1.0, 1.0);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let d = rand(&mut rng, 3, -1.0, 1.0);
    let w = rand(&mut rng, 4, 0.5, 1.5);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d, d_w)) = f98_vjp(&a, &b, &c, &d, &w, seed.clone());
    assert_array(&y, &f98(&a, &b, &c, &d, &w), "value");
    assert_fd_array(|xx| inner(&seed, &f98(xx, &b, &c, &d, &w)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f98(&a, xx, &c, &d, &w)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f98(&a, &b, xx, &d, &w)), &c, &d_c, "dc");
    assert_fd_array(|xx| inner(&seed, &f98(&a, &b, &c, xx, &w)), &d, &d_d, "dd");
    assert_fd_array(|xx| inner(&seed, &f98(&a, &b, &c, &d, xx)), &w, &d_w, "dw");
}

// dims (3, 5, 4)
#[differentiable]
fn f99(a: &Array1<f64>, b: &Array1<f64>, s: f64) -> Array1<f64> {
    let t1 = Array2::<f64>::eye(5).dot(b).mapv(|v| {
        if v > -0.327 {
            (v * 0.492).sin()
        } else {
            v * 0.309
        }
    });
    let t2: Array1<f64> = (0.829_f64 * Array::from_elem((3, 5), 0.25_f64)).var_axis(Axis(0), 1.0);
    let t3 = t1.view();
    let t4 = t1.slice(s![1..]);
    (&Array::from_elem((5, 4), 0.5_f64) - &b.view().insert_axis(Axis(1)))
        .mean_axis(Axis(1))
        .unwrap()
        * ((a * a).mean().unwrap()
            + s
            + (&t2 * &t2).mean().unwrap()
            + (&t3 * &t3).mean().unwrap()
            + (&t4 * &t4).mean().unwrap())
}

#[test]
fn test_f99() {
    let mut rng = Rng::new(232101246);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let s = -0.4669;
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = f99_vjp(&a, &b, s, seed.clone());
    assert_array(&y, &f99(&a, &b, s), "value");
    assert_fd_array(|xx| inner(&seed, &f99(xx, &b, s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f99(&a, xx, s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f99(&a, &b, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (2, 3, 5)
#[differentiable]
fn h100(a: Array1<f64>, s: f64) -> Array1<f64> {
    let t1: ArrayView1<f64> = a.slice(s![1..]);
    (&(-&a) * &a.mapv(|v| v * 1.34)) * (s + (&t1 * &t1).mean().unwrap())
}

#[test]
fn test_h100() {
    let mut rng = Rng::new(232101258);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let s = -0.6626;
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_s)) = h100_vjp(a.clone(), s, seed.clone());
    assert_array(&y, &h100(a.clone(), s), "value");
    assert_fd_array(|xx| inner(&seed, &h100(xx.clone(), s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h100(a.clone(), xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (2, 3, 5)
#[differentiable]
fn f100(a: &Array2<f64>, b: &Array1<f64>, c: &Array1<f64>, k: usize, d: &Array1<f64>) -> f64 {
    let ord = match k {
        0 => Order::C,
        _ => Order::F,
    };
    let t1: Array2<f64> =
        ad_runtime::ndarray::stack(Axis(1), &[nn::logsumexp(a, Axis(0)).view(), d.view()])
            .unwrap()
            .to_shape(((2, 3), ord))
            .unwrap()
            .to_owned();
    let t2: Array1<f64> = h100((b * b), Array::from_elem((3, 5), 0.25_f64).var(1.0));
    let t3: Array1<f64> = t2.mapv(f64::tanh);
    let t4 = -&Array::from_elem((3, 5), 0.25_f64)
        .mean_axis(Axis(0))
        .unwrap();
    let t5: Array1<f64> = Array::from_elem((2, 5), 0.5_f64)
        .tanh()
        .to_shape((10, ord))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((5, 2), ord))
        .unwrap()
        .var_axis(Axis(1), 0.0);
    let t6: Array1<f64> =
        nn::log_softmax(&(t3.mapv(|v| (v.exp()).sin()) * t3.mapv(|v| v)), Axis(0));
    Array::from_elem((2, 5), 0.5_f64).sum_axis(Axis(0)).var(1.0)
        + 0.937 * c.sum()
        + 0.22 * t1.sum()
        + 0.216 * t2.sum()
        + 0.563 * t4.sum()
        + 0.951 * t5.sum()
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f100() {
    let mut rng = Rng::new(232101260);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let c = rand(&mut rng, 6, -1.0, 1.0);
    let d = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_d)) = f100_grad(&a, &b, &c, k, &d);
        common::assert_near(v, f100(&a, &b, &c, k, &d), "value");
        assert_fd_array(|xx| f100(xx, &b, &c, k, &d), &a, &d_a, "da");
        assert_fd_array(|xx| f100(&a, xx, &c, k, &d), &b, &d_b, "db");
        assert_fd_array(|xx| f100(&a, &b, xx, k, &d), &c, &d_c, "dc");
        assert_fd_array(|xx| f100(&a, &b, &c, k, xx), &d, &d_d, "dd");
    }
}

// dims (4, 5, 2)
#[differentiable]
fn h101(a: &Array1<f64>, b: &Array1<f64>, c: Array2<f64>) -> f64 {
    let t1: ArrayView2<f64> = c.view();
    let t2 = t1.index_axis(Axis(0), 0);
    nn::cross_entropy_one_hot(
        &Array::from_elem((4, 5), 0.25_f64).map(|&v| v.exp()),
        &nn::softmax(&Array::from_elem((4, 2), 0.5_f64).dot(&c), Axis(1)),
    ) + 0.415 * a.sum()
        + (b * b).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
}

#[test]
fn test_h101() {
    let mut rng = Rng::new(232101272);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h101_grad(&a, &b, c.clone());
    common::assert_near(v, h101(&a, &b, c.clone()), "value");
    assert_fd_array(|xx| h101(xx, &b, c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| h101(&a, xx, c.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| h101(&a, &b, xx.clone()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 20, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h101_jvp(&a, &b, c.clone(), &t_a, &t_b, t_c.clone());
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
        h101_hvp(&a, &b, c.clone(), &t_a, &t_b, t_c.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h101_grad(&pp_a, &pp_b, pp_c.clone());
    let (_, (gm_a, gm_b, gm_c)) = h101_grad(&pm_a, &pm_b, pm_c.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 5, 2)
#[differentiable]
fn f101(a: &Array2<f64>, b: &Array1<f64>, s: f64, c: &Array2<f64>) -> f64 {
    let t1: Array2<f64> =
        ad_runtime::ndarray::stack(Axis(0), &[nn::softmax(b, Axis(0)).view(), (b * b).view()])
            .unwrap()
            .to_shape((10, Order::RowMajor))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((5, 2), Order::ColumnMajor))
            .unwrap();
    let t2: Array2<f64> = nn::log_softmax(
        &(&a.mapv(f64::cos) * &c.row(2).mapv(f64::tanh).insert_axis(Axis(0))),
        Axis(0),
    );
    let t3 = &(&(a.sum_axis(Axis(1)) - &(&t2.var_axis(Axis(1), 0.0) * 0.0625))
        .insert_axis(Axis(1))
        * &t1.var_axis(Axis(0), 1.0).insert_axis(Axis(0)))
        .map(|&v| (((v * 1.46) * (v * s)) * ((v * 1.46) * (v * s)) + 0.5).sqrt())
        * 0.00912;
    let t4: f64 = t2
        .view()
        .reversed_axes()
        .sin()
        .dot(&(&a.sum_axis(Axis(1)).mapv(f64::exp) * 0.0994))
        .std(1.0);
    let t5 = Array::from_elem((5, 5), 0.5_f64)
        .exp()
        .dot(&Array::from_elem((5, 4), 0.5_f64).dot(&t1.slice(s![1.., ..])))
        .tanh();
    (&Array::from_elem((4, 4), 1.5_f64).dot(&t2) * 0.0833).std(0.0)
        + 0.613 * t3.sum()
        + 0.709 * t4
        + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f101() {
    let mut rng = Rng::new(232101274);
    let a = rand(&mut rng, (4, 2), 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let s = 0.9901;
    let c = rand(&mut rng, (4, 2), 0.5, 1.5);
    let (v, (d_a, d_b, d_s, d_c)) = f101_grad(&a, &b, s, &c);
    common::assert_near(v, f101(&a, &b, s, &c), "value");
    assert_fd_array(|xx| f101(xx, &b, s, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f101(&a, xx, s, &c), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f101(&a, &b, xx[()], &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f101(&a, &b, s, xx), &c, &d_c, "dc");
}

// dims (5, 4, 3)
#[differentiable]
fn h102(a: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = (nn::softplus(&Array::from_elem((5, 5), 0.5_f64).dot(a)) + 0.5).ln();
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 += (a[i + 1] * 1.28 - a[i]).tanh();
    }
    let t3 = if (-t1).std(0.0) < 0.647 {
        nn::sigmoid(&((a.sum() * a.sum() + 1.0).sqrt() - Array::from_elem((5, 5), 1.5_f64).dot(a)))
    } else {
        nn::log_softmax(a, Axis(0)) - a.dot(&Array::from_elem((5, 5), 1.5_f64))
    };
    a.mean().unwrap() + 0.927 * t2 + 0.431 * t3.sum()
}

#[test]
fn test_h102() {
    let mut rng = Rng::new(232101286);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let (v, d_a) = h102_grad(&a);
    common::assert_near(v, h102(&a), "value");
    assert_fd_array(|xx| h102(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h102_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h102_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h102_grad(&pp_a);
    let (_, gm_a) = h102_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 4, 3)
#[differentiable]
fn f102(
    a: &Array2<f64>,
    b: &Array1<f64>,
    c: &Array2<f64>,
    d: &Array1<f64>,
    w: &Array2<f64>,
) -> f64 {
    let t1 = &a.dot(&a.mean_axis(Axis(0)).unwrap()) + &c.dot(&w.row(0));
    let t2 = &w.row(0).insert_axis(Axis(0))
        / &(nn::softplus(
            &((-0.438_f64) + c.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| f64::max(m, x)))
                .insert_axis(Axis(1)),
        ) + 0.5);
    let t3 = nn::relu(
        &(&Array::from_elem((4, 5), 0.25_f64) / (t2[[1, 2]] * t2[[1, 2]] + 1.0))
            .dot(&Array::from_elem((5, 3), 1.5_f64)),
    );
    let mut t4: Array1<f64> = nn::relu(&w.sum_axis(Axis(0))).to_owned();
    let mut t5: f64 = t2[[0, 2]].powi(2);
    for i in 0..a.nrows() {
        let r = a.row(i);
        t4 = &t4 * 0.7 + &r.mapv(f64::exp).mapv(f64::tanh);
        t5 = t5 * 0.8 - d.dot(&a.mean_axis(Axis(1)).unwrap()).tanh().exp();
    }
    let t6: f64 = t5.tanh();
    let t7 = -1.19_f64;
    let t8 = t2.t().tanh().to_shape((4, 3)).unwrap().into_owned();
    let t9 = if (w.mean().unwrap() + &t4).var(1.0) > 0.754 {
        c[[3, 0]].exp().ln().powi(2)
    } else {
        (d.sum() * d.sum() + 1.0).sqrt() - c[[1, 1]].tanh()
    };
    (nn::cross_entropy(&Array::from_elem((5, 4), 0.25_f64), &vec![0usize; 5])
        / (nn::mse(&t2, w) * nn::mse(&t2, w) + 1.0))
        + (&t1 * &t1).mean().unwrap()
        + 0.727 * t3.sum()
        + 0.618 * t5
        + 0.379 * t6
        + 0.801 * t7
        + 0.535 * t8.sum()
        + 0.642 * t9
}

#[test]
fn test_f102() {
    let mut rng = Rng::new(232101288);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let d = rand(&mut rng, 4, 0.5, 1.5);
    let w = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f102_grad(&a, &b, &c, &d, &w);
    common::assert_near(v, f102(&a, &b, &c, &d, &w), "value");
    assert_fd_array(|xx| f102(xx, &b, &c, &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f102(&a, xx, &c, &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f102(&a, &b, xx, &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f102(&a, &b, &c, xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f102(&a, &b, &c, &d, xx), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 4, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f102_jvp(&a, &b, &c, &d, &w, &t_a, &t_b, &t_c, &t_d, &t_w);
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
        f102_hvp(&a, &b, &c, &d, &w, &t_a, &t_b, &t_c, &t_d, &t_w);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) = f102_grad(&pp_a, &pp_b, &pp_c, &pp_d, &pp_w);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) = f102_grad(&pm_a, &pm_b, &pm_c, &pm_d, &pm_w);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (5, 4, 3)
#[differentiable(wrt(a, c, d))]
fn f103(a: &Array1<f64>, s: f64, b: ArrayView2<f64>, c: Array2<f64>, d: Array1<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..4 {
        t1 = t1 * 0.8 + d[i].sin() * d[i + 1];
    }
    let t2 = d.view();
    let mut t3: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t4: f64 = 1.09_f64;
    for i in 0..c.nrows() {
        let r = c.row(i);
        t3 = &r * (t2[0] * t1).tanh() + t3;
        t4 += nn::sigmoid(&t3.powi(2)).mean().unwrap();
    }
    let t5: Array1<f64> = (nn::sigmoid(&d.mapv(f64::cos)) + 0.25).powf(1.5);
    let t6: Array1<f64> = (nn::sigmoid(&a.map(|&v| ((v * s).sin()) * (v.exp()))) + 0.25).powf(0.5);
    let mut t7: Array1<f64> = (-&t3).to_owned();
    let mut t8: f64 = c.sum();
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t9: f64 = s;
        let t10 = t5.mapv(f64::exp);
        t7 = (&t7 + &(&r - b.slice(s![..4, ..]).std_axis(Axis(1), 1.0)).tanh()).mapv(f64::tanh);
        t8 += (((t6.sum() + 0.436).abs().tanh() + t9) + t10.mean().unwrap()).tanh();
    }
    let t11 = t8.tanh();
    t4 + 0.443 * t4 + 0.393 * t7.sum() + 0.342 * t8 + 0.91 * t11
}

#[test]
fn test_f103() {
    let mut rng = Rng::new(232101300);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let s = -0.3083;
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, (3, 4), 0.5, 1.5);
    let d = rand(&mut rng, 5, 0.5, 1.5);
    let (v, (d_a, d_c, d_d)) = f103_grad(&a, s, b.view(), c.clone(), d.clone());
    common::assert_near(v, f103(&a, s, b.view(), c.clone(), d.clone()), "value");
    assert_fd_array(
        |xx| f103(xx, s, b.view(), c.clone(), d.clone()),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| f103(&a, s, b.view(), xx.clone(), d.clone()),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| f103(&a, s, b.view(), c.clone(), xx.clone()),
        &d,
        &d_d,
        "dd",
    );
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 20, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 5, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f103_jvp(
        &a,
        s,
        b.view(),
        c.clone(),
        d.clone(),
        &t_a,
        t_c.clone(),
        t_d.clone(),
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_c * &t_c).sum() + (&d_d * &t_d).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_c, hg_d), (hh_a, hh_c, hh_d)) = f103_hvp(
        &a,
        s,
        b.view(),
        c.clone(),
        d.clone(),
        &t_a,
        t_c.clone(),
        t_d.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_c, gp_d)) = f103_grad(&pp_a, s, b.view(), pp_c.clone(), pp_d.clone());
    let (_, (gm_a, gm_c, gm_d)) = f103_grad(&pm_a, s, b.view(), pm_c.clone(), pm_d.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (4, 3, 2)
#[differentiable]
fn h104(a: &Array1<f64>, b: ArrayView2<f64>, c: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t2: f64 = nn::cross_entropy_one_hot(
        &Array::from_elem((4, 3), 1.5_f64),
        &nn::softmax(&Array::from_elem((4, 3), 0.5_f64), Axis(1)),
    );
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t3: f64 = r[0];
        let t4: Array1<f64> = b.t().sum_axis(Axis(1));
        t1 = &(&b.slice(s![..2, ..]).dot(&t1) + t4).tanh() * (t2 * t2 + 1.0).sqrt().tanh() + t1;
        t2 = t2 * 0.8
            - ((b[[0, 0]] / &(nn::sigmoid(&c.sum_axis(Axis(1))) + 0.25))
                .dot(&b.mean_axis(Axis(1)).unwrap().mapv_into(|v| v.sin()))
                + t3)
                .tanh();
    }
    let t5 = t1.map(|&v| (v * v).powi(2) - 0.5).tanh() / &b.row(0).mapv(|v| v * v + 1.0);
    let t6 = b.t().mean_axis(Axis(1)).unwrap() - &c.sum_axis(Axis(0));
    b.mapv(f64::cos).std(1.0) + (&t5 * &t5).mean().unwrap() + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_h104() {
    let mut rng = Rng::new(232101312);
    let a = rand(&mut rng, 12, -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h104_grad(&a, b.view(), &c);
    common::assert_near(v, h104(&a, b.view(), &c), "value");
    assert_fd_array(|xx| h104(xx, b.view(), &c), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| h104(&a, xx.view(), &c), &b, &d_b, "db");
    assert_fd_array(|xx| h104(&a, b.view(), xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 12, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h104_jvp(&a, b.view(), &c, &t_a, t_b.view(), &t_c);
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
        h104_hvp(&a, b.view(), &c, &t_a, t_b.view(), &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h104_grad(&pp_a, pp_b.view(), &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = h104_grad(&pm_a, pm_b.view(), &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 3, 2)
#[differentiable]
fn f104(a: &Array2<f64>) -> Array1<f64> {
    let t1: Array2<f64> = (a
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| v.max(m))
        .mapv(f64::exp)
        .insert_axis(Axis(1))
        - &(a - &nn::logsumexp(a, Axis(0)).insert_axis(Axis(0))))
        .tanh();
    let t2: Array2<f64> = (&a.index_axis(Axis(0), 2).dot(&t1.t()).insert_axis(Axis(1))
        * ad_runtime::ndarray::stack(Axis(1), &[t1.var_axis(Axis(1), 1.0).view(), t1.column(0)])
            .unwrap())
    .cos();
    let mut t3 = Array1::<f64>::zeros(2);
    let mut t4: f64 = 0.0;
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t5: Array1<f64> = nn::softplus(&r);
        t3 = t3 + &(&(&r - &r.cos()) - t5).tanh();
        t4 = (t4 + nn::cross_entropy(&Array::from_elem((4, 3), 0.5_f64), &vec![0usize; 4]).cos())
            .tanh();
    }
    let t6 = (t3[1] / &(nn::sigmoid(&t2) + 0.25)).tanh() / (t3.sum() * t4).cos().exp();
    let t7 = t1.view();
    (-&nn::logsumexp(&t2, Axis(0))) + (t6.sum() + (&t7 * &t7).mean().unwrap())
}

#[test]
fn test_f104() {
    let mut rng = Rng::new(232101314);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, d_a) = f104_vjp(&a, seed.clone());
    assert_array(&y, &f104(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f104(xx)), &a, &d_a, "da");
}

// dims (3, 4, 2)
#[differentiable]
fn f105(a: ArrayView2<f64>, b: &Array1<f64>) -> Array2<f64> {
    let mut t1: Array1<f64> = b.map(|&v| v.powi(2) - 0.5).to_owned();
    if 0.314_f64 < 0.0931 {
        let t2: f64 = b.sum();
        t1 = &t1 * 0.501 + &(&t1 / (b * b + 0.5));
    } else {
        t1 = &(&t1 + &t1) - &t1;
    }
    let t3 = b.sum().exp().sqrt().powi(2).tanh();
    let mut t4: Array2<f64> = a.to_owned();
    let mut t5: f64 = Array::from_elem((3, 4), 1.5_f64).var(1.0);
    for i in 0..a.nrows() {
        let r = a.row(i);
        t4 = &a * b.sum().tanh() + t4;
        t5 = t5 * 0.8 - t1.dot(&t1).cos();
    }
    ((&a.row(3) / (nn::sigmoid(&a.index_axis(Axis(0), 1)) + 0.25)).insert_axis(Axis(0))
        + (-t4.fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &v: &f64| {
            m.min(v * -1.24)
        }))
        .insert_axis(Axis(1)))
        + (t3 + t4.sum() + t5)
}

#[test]
fn test_f105() {
    let mut rng = Rng::new(232101326);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (y, (d_a, d_b)) = f105_vjp(a.view(), &b, seed.clone());
    assert_array(&y, &f105(a.view(), &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &f105(xx.view(), &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f105(a.view(), xx)), &b, &d_b, "db");
}

// dims (3, 5, 2)
#[differentiable]
fn f106(a: &Array2<f64>, b: &Array1<f64>) -> Array2<f64> {
    let t1: Array2<f64> = &(a + b.sum()) * 0.121;
    let mut t2: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t2 += b[i] * b[i + 1];
    }
    let t3: f64 = t2.tanh();
    let t4: Array2<f64> = (&(&Array2::<f64>::eye(5) * b[1]).dot(&a.dot(&t1.slice(s![..2, ..])))
        * 0.0668)
        - b[13].sin();
    ((a * &t4.row(4)) + (b.mean().unwrap() + 0.372).abs()) + (t3 + (&t4 * &t4).mean().unwrap())
}

#[test]
fn test_f106() {
    let mut rng = Rng::new(232101338);
    let a = rand(&mut rng, (5, 2), 0.5, 1.5);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let seed = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (y, (d_a, d_b)) = f106_vjp(&a, &b, seed.clone());
    assert_array(&y, &f106(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f106(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f106(&a, xx)), &b, &d_b, "db");
}

// dims (2, 5, 3)
#[differentiable]
fn f107(a: &Array1<f64>, b: &Array1<f64>, s: f64, c: &Array1<f64>) -> f64 {
    let t1 = nn::relu(&c.map(|&v| v));
    let t2 = (nn::softplus(c) + 0.5).powf(1.5) * nn::softmax(c, Axis(0));
    let t3 = Array::from_elem((5, 2), 0.25_f64)
        .dot(&t2)
        .mapv_into(|v| (v * s + s) * ((v * v + 1.0).ln()))
        .mapv(f64::tanh)
        / (nn::softplus(
            &Array::from_elem((5, 3), 1.5_f64)
                .dot(&Array2::<f64>::eye(3))
                .fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| (v * -1.71).max(m)),
        ) + 0.5);
    let mut t4: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t5 = a[i + 1] - a[i] * a[i];
        let t6 = 1.0 - a[i];
        t4 += 0.953 * t5 * t5 + t6 * t6;
    }
    let t7: f64 = t4.tanh();
    let t8 = (&Array::from_elem((2, 3), 0.5_f64) * s).var_axis(Axis(1), 0.0);
    let mut t9: f64 = 0.0;
    for i in 1..c.len() {
        t9 += (c[i] - c[i - 1]).powi(2) * 1.07;
    }
    let t10: Array1<f64> = (t2.dot(&Array::from_elem((2, 5), 1.5_f64))
        * &ad_runtime::ndarray::concatenate(Axis(0), &[b.view(), t2.view()]).unwrap())
        .tanh()
        .mapv(|v| v.tanh());
    t10.sum().sin()
        + 0.971 * t1.sum()
        + (&t3 * &t3).mean().unwrap()
        + 0.223 * t7
        + 0.618 * t8.sum()
        + 0.587 * t9
        + 0.395 * t10.sum()
}

#[test]
fn test_f107() {
    let mut rng = Rng::new(232101350);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.8514;
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c)) = f107_grad(&a, &b, s, &c);
    common::assert_near(v, f107(&a, &b, s, &c), "value");
    assert_fd_array(|xx| f107(xx, &b, s, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f107(&a, xx, s, &c), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f107(&a, &b, xx[()], &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f107(&a, &b, s, xx), &c, &d_c, "dc");
}

// dims (3, 5, 2)
#[differentiable]
fn f108(
    k: usize,
    a: &Array1<f64>,
    b: &Array2<f64>,
    c: &Array2<f64>,
    d: &Array1<f64>,
    w: &Array1<f64>,
) -> Array2<f64> {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1 = Array::from_elem((3, 5), 0.25_f64)
        .to_shape(((3, 5), ord))
        .unwrap()
        .to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..w.len() - 1 {
        t2 += w[i] * w[i + 1];
    }
    let t3 = t2.tanh();
    let t4: Array2<f64> = (&t1 / (d.mean().unwrap() * d.mean().unwrap() + 1.0)).mapv_into(f64::sin);
    let mut t5: Array2<f64> = (nn::softplus(c) + 0.5).ln().to_owned();
    let mut t6: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t5 = (&t5 + &(&r.insert_axis(Axis(1)) / &c.exp()).tanh()).mapv(f64::tanh);
        t6 = t6 * 0.8 - (-b).mean().unwrap();
    }
    let mut t7: f64 = 0.0;
    for i in 0..d.len() - 1 {
        let t8 = d[i + 1] - d[i] * d[i];
        let t9 = 1.0 - d[i];
        t7 += 2.99 * t8 * t8 + t9 * t9;
    }
    let t10: f64 = t7.tanh();
    let t11: Array2<f64> = &c.row(4).dot(b).insert_axis(Axis(0))
        * &(&c.mean_axis(Axis(0)).unwrap() * t7)
            .mapv(f64::tanh)
            .insert_axis(Axis(1));
    let t12 = nn::softplus(&(-w));
    let t13: Array1<f64> = (d + d) + &t12.exp().tanh();
    t4.mapv(|v| ((v * 0.748).powi(2) - 0.5).tanh())
        * ((a * a).mean().unwrap()
            + t3
            + t4.sum()
            + (&t5 * &t5).mean().unwrap()
            + t6
            + t10
            + t11.sum()
            + (&t13 * &t13).mean().unwrap())
}

#[test]
fn test_f108() {
    let mut rng = Rng::new(232101362);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let d = rand(&mut rng, 15, -1.0, 1.0);
    let w = rand(&mut rng, 15, 0.5, 1.5);
    for k in 0..2usize {
        let seed = rand(&mut rng, (3, 5), -1.0, 1.0);
        let (y, (d_a, d_b, d_c, d_d, d_w)) = f108_vjp(k, &a, &b, &c, &d, &w, seed.clone());
        assert_array(&y, &f108(k, &a, &b, &c, &d, &w), "value");
        assert_fd_array(
            |xx| inner(&seed, &f108(k, xx, &b, &c, &d, &w)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f108(k, &a, xx, &c, &d, &w)),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f108(k, &a, &b, xx, &d, &w)),
            &c,
            &d_c,
            "dc",
        );
        assert_fd_array(
            |xx| inner(&seed, &f108(k, &a, &b, &c, xx, &w)),
            &d,
            &d_d,
            "dd",
        );
        assert_fd_array(
            |xx| inner(&seed, &f108(k, &a, &b, &c, &d, xx)),
            &w,
            &d_w,
            "dw",
        );
    }
}

// dims (4, 3, 5)
#[differentiable]
fn f109(a: &Array2<f64>) -> Array2<f64> {
    let t1 = (nn::cross_entropy_one_hot(
        &a.slice(s![..4, ..])
            .mapv(|v| ((v * v) * (v * v) + 0.5).sqrt()),
        &nn::softmax(&Array2::<f64>::eye(4).dot(&a.slice(s![1.., ..])), Axis(1)),
    ) * nn::cross_entropy_one_hot(
        &a.slice(s![..4, ..])
            .mapv(|v| ((v * v) * (v * v) + 0.5).sqrt()),
        &nn::softmax(&Array2::<f64>::eye(4).dot(&a.slice(s![1.., ..])), Axis(1)),
    ) + 1.0)
        .ln();
    let t2 = a
        .mean_axis(Axis(0))
        .unwrap()
        .dot(&a.var_axis(Axis(0), 1.0))
        .cos();
    let t3 = if ((a.mean().unwrap().powi(2) + 0.5).ln() + t2) < 0.269 {
        (a[[0, 2]] / &(nn::sigmoid(&a.column(1)) + 0.25)).insert_axis(Axis(1))
            + (a / (nn::sigmoid(&a.index_axis(Axis(0), 2)) + 0.25))
    } else {
        -(1.41_f64 / (nn::sigmoid(a) + 0.25))
    };
    let t4: Array2<f64> = nn::log_softmax(a, Axis(0)).mapv(|v| v);
    let t5 = (&(&t4.t() + t3.sum()) * 0.0161)
        .tanh()
        .to_shape((5, 3))
        .unwrap()
        .into_owned();
    let mut t6: Array2<f64> = (a / &(nn::softplus(a) + 0.5)).to_owned();
    if t5[[2, 2]] < 0.303 {
        let t7 = t5.sum();
        t6 = &t6 * 0.662 + &t5.mapv(|v| v * t2);
    }
    t4.mapv(|v| {
        if v > 0.171 {
            (v * t2).tanh()
        } else {
            if v > -0.201 { v } else { v * t2 }
        }
    })
    .mapv_into(|v| ((v * t2) * t2 + t2).powi(2) - 0.5)
    .mapv(f64::tanh)
        * (t1 + (&t6 * &t6).mean().unwrap())
}

#[test]
fn test_f109() {
    let mut rng = Rng::new(232101374);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (y, d_a) = f109_vjp(&a, seed.clone());
    assert_array(&y, &f109(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f109(xx)), &a, &d_a, "da");
}

// dims (2, 5, 4)
#[differentiable]
fn f110(a: &Array1<f64>, k: usize, s: f64, p: f64, b: &Array1<f64>) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = Array::from_elem((2, 5), 1.5_f64)
        .to_shape(((2, 5), ord))
        .unwrap()
        .into_owned();
    let t2 = if a.sum() < -0.39 {
        t1.mapv(|v| (((v * s).sin()) * ((v * s).sin()) + 1.0).ln())
            / &(nn::sigmoid(&a.view().insert_axis(Axis(1))) + 0.25)
    } else {
        t1.sin() + (t1[[1, 3]] - (-0.943_f64))
    };
    let t3 = t2.index_axis(Axis(1), 4);
    let t4: Array1<f64> = if (&t1 * &t1).sum().powi(2).tanh() < 0.278 {
        b.dot(&Array2::<f64>::eye(4)) - &(b + b)
    } else {
        (b * b).cos()
    };
    let t5 = nn::mse(
        &t1.fold_axis(Axis(1), f64::INFINITY, |&m, &x| {
            f64::min((x - s).powi(2), m)
        }),
        &(a * a),
    )
    .tanh()
    .exp();
    let t6 = t2.view().reversed_axes();
    let t7 = b.view();
    let t8 = t4.slice(s![1..]);
    t4.sum()
        + 0.219 * p
        + 0.663 * t3.sum()
        + 0.457 * t5
        + 0.68 * t6.sum()
        + 0.462 * t7.sum()
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f110() {
    let mut rng = Rng::new(232101386);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let s = 1.2016;
    let p = -0.3181;
    let b = rand(&mut rng, 4, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_s, d_p, d_b)) = f110_grad(&a, k, s, p, &b);
        common::assert_near(v, f110(&a, k, s, p, &b), "value");
        assert_fd_array(|xx| f110(xx, k, s, p, &b), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| f110(&a, k, xx[()], p, &b),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        let fd_p = fd(
            |xx: &Array<f64, _>| f110(&a, k, s, xx[()], &b),
            &Array::from_elem((), p),
        );
        common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
        assert_fd_array(|xx| f110(&a, k, s, p, xx), &b, &d_b, "db");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 2, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_s = 0.5;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let t_p = 0.7;
        let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
        let t_b = rand(&mut rng, 4, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let (vj, tj) = f110_jvp(&a, k, s, p, &b, &t_a, t_s, t_p, &t_b);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + d_p * t_p + (&d_b * &t_b).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
            + (d_s * t_s).abs()
            + (d_p * t_p).abs()
            + (&d_b * &t_b).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_s, hg_p, hg_b), (hh_a, hh_s, hh_p, hh_b)) =
            f110_hvp(&a, k, s, p, &b, &t_a, t_s, t_p, &t_b);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_s, gp_p, gp_b)) = f110_grad(&pp_a, k, pp_s, pp_p, &pp_b);
        let (_, (gm_a, gm_s, gm_p, gm_b)) = f110_grad(&pm_a, k, pm_s, pm_p, &pm_b);
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
    }
}

// dims (4, 5, 4)
#[differentiable]
fn f111(a: &Array2<f64>, b: Array2<f64>, c: &Array1<f64>, d: ArrayView2<f64>, s: f64) -> f64 {
    let t1 = b.t();
    let t2 = b.t();
    let t3: Array2<f64> =
        if (nn::cross_entropy_one_hot(&a.view().reversed_axes(), &nn::softmax(&a.t(), Axis(1)))
            + t2[[0, 0]].sqrt())
            < -0.174
        {
            t1.t().to_owned()
        } else {
            nn::sigmoid(&t2.dot(&b).mapv(|v| (v * s + s) * s + s))
        };
    let t4: f64 = if c.exp().std(1.0) < 1.33 {
        t2[[3, 1]]
    } else {
        s / b[[1, 0]]
    };
    t4.tanh() + 0.806 * t3.sum() + 0.867 * t4
}

#[test]
fn test_f111() {
    let mut rng = Rng::new(232101398);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 4), 0.5, 1.5);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, (4, 4), -1.0, 1.0);
    let s = -1.1004;
    let (v, (d_a, d_b, d_c, d_d, d_s)) = f111_grad(&a, b.clone(), &c, d.view(), s);
    common::assert_near(v, f111(&a, b.clone(), &c, d.view(), s), "value");
    assert_fd_array(|xx| f111(xx, b.clone(), &c, d.view(), s), &a, &d_a, "da");
    assert_fd_array(|xx| f111(&a, xx.clone(), &c, d.view(), s), &b, &d_b, "db");
    assert_fd_array(|xx| f111(&a, b.clone(), xx, d.view(), s), &c, &d_c, "dc");
    let d_d: Array2<f64> = d_d;
    assert_fd_array(|xx| f111(&a, b.clone(), &c, xx.view(), s), &d, &d_d, "dd");
    let fd_s = fd(
        |xx: &Array<f64, _>| f111(&a, b.clone(), &c, d.view(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 4, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 4), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_s = 1.1;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f111_jvp(
        &a,
        b.clone(),
        &c,
        d.view(),
        s,
        &t_a,
        t_b.clone(),
        &t_c,
        t_d.view(),
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
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_s), (hh_a, hh_b, hh_c, hh_d, hh_s)) = f111_hvp(
        &a,
        b.clone(),
        &c,
        d.view(),
        s,
        &t_a,
        t_b.clone(),
        &t_c,
        t_d.view(),
        t_s,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_s)) =
        f111_grad(&pp_a, pp_b.clone(), &pp_c, pp_d.view(), pp_s);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_s)) =
        f111_grad(&pm_a, pm_b.clone(), &pm_c, pm_d.view(), pm_s);
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

// dims (3, 4, 2)
#[differentiable]
fn f112(a: &Array2<f64>, b: Array2<f64>, c: Array1<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = Array::from_elem((4, 3), 0.25_f64)
        .tanh()
        .to_shape(((3, 4), ord))
        .unwrap()
        .to_owned();
    let t2: Array1<f64> = if nn::cross_entropy_one_hot(
        &(&b.index_axis(Axis(0), 1) * t1),
        &nn::softmax(&(&b.row(0) + Array::from_elem((3, 4), 0.25_f64)), Axis(1)),
    ) > -1.22
    {
        a.std_axis(Axis(1), 0.0).mapv(|v| (v * v + 1.0).ln())
    } else {
        &(&c - c[1]) - (&c / &(&c * &c + 0.5))
    };
    let t3: ArrayView2<f64> = a.view();
    let t4: Array2<f64> = &a
        .index_axis(Axis(0), 2)
        .sin()
        .dot(
            &b.index_axis(Axis(0), 0)
                .to_shape(((2, 2), ord))
                .unwrap()
                .to_owned(),
        )
        .insert_axis(Axis(0))
        / &(nn::sigmoid(
            &t2.dot(&((-0.851_f64) + &Array::from_elem((3, 3), 0.5_f64)))
                .mapv(f64::tanh)
                .insert_axis(Axis(1)),
        ) + 0.25);
    let mut t5: f64 = 0.0;
    for i in 1..t2.len() {
        t5 += (t2[i] - t2[i - 1]).powi(2) * 0.882;
    }
    let t6 = t5.tanh();
    let mut t7: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t7 = t7 * 0.8 + c[i].sin() * c[i + 1];
    }
    let mut t8: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t8 += (c[i + 1] * t7 - c[i]).tanh();
    }
    a[[2, 1]] + 0.468 * t3.sum() + (&t4 * &t4).mean().unwrap() + 0.726 * t6 + 0.969 * t8
}

#[test]
fn test_f112() {
    let mut rng = Rng::new(232101410);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f112_grad(&a, b.clone(), c.clone(), k);
        common::assert_near(v, f112(&a, b.clone(), c.clone(), k), "value");
        assert_fd_array(|xx| f112(xx, b.clone(), c.clone(), k), &a, &d_a, "da");
        assert_fd_array(|xx| f112(&a, xx.clone(), c.clone(), k), &b, &d_b, "db");
        assert_fd_array(|xx| f112(&a, b.clone(), xx.clone(), k), &c, &d_c, "dc");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (3, 2), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (2, 4), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, 3, -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f112_jvp(&a, b.clone(), c.clone(), k, &t_a, t_b.clone(), t_c.clone());
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
            f112_hvp(&a, b.clone(), c.clone(), k, &t_a, t_b.clone(), t_c.clone());
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c)) = f112_grad(&pp_a, pp_b.clone(), pp_c.clone(), k);
        let (_, (gm_a, gm_b, gm_c)) = f112_grad(&pm_a, pm_b.clone(), pm_c.clone(), k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    }
}

// dims (3, 5, 4)
#[differentiable]
fn h113(a: &Array2<f64>, s: f64, b: &Array2<f64>) -> f64 {
    let t1: ArrayView2<f64> = b.view();
    (nn::cross_entropy(&t1, &vec![2usize; 3])
        + (&a.slice(s![1.., ..]) * &a.slice(s![1.., ..])).sum())
    .tanh()
        + 0.517 * a.sum()
        + 0.744 * s
        + (&t1 * &t1).mean().unwrap()
}

#[test]
fn test_h113() {
    let mut rng = Rng::new(232101422);
    let a = rand(&mut rng, (4, 5), 0.5, 1.5);
    let s = 0.8344;
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_a, d_s, d_b)) = h113_grad(&a, s, &b);
    common::assert_near(v, h113(&a, s, &b), "value");
    assert_fd_array(|xx| h113(xx, s, &b), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h113(&a, xx[()], &b),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| h113(&a, s, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h113_jvp(&a, s, &b, &t_a, t_s, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum();
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b), (hh_a, hh_s, hh_b)) = h113_hvp(&a, s, &b, &t_a, t_s, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b)) = h113_grad(&pp_a, pp_s, &pp_b);
    let (_, (gm_a, gm_s, gm_b)) = h113_grad(&pm_a, pm_s, &pm_b);
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

// dims (3, 5, 4)
#[differentiable(wrt(a))]
fn f113(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>) -> f64 {
    let mut t1: f64 = b.mean().unwrap();
    if (t1.exp().sqrt() - (-0.413_f64)) > -0.327 {
        let t2 = t1;
        t1 = t1 * 0.867 + (-1.32_f64);
    } else {
        t1 = (c[[0, 3]] + t1) - t1;
    }
    let t3 = h113(
        &(&(&a.t() * &a.column(2)) * &(&a.t() * &a.column(2)) + 0.5),
        (t1 + t1).tanh(),
        &(&Array::from_elem((3, 5), 0.25_f64) * t1),
    );
    let t4 = t3.tanh();
    let t5: Array2<f64> = if t1 > 0.947 {
        (t4 - c).sin()
    } else {
        &(&c.dot(&a.slice(s![..4, ..]))
            / &(nn::sigmoid(
                &a.fold_axis(Axis(0), f64::INFINITY, |&m, &x| ((x - t4).powi(2)).min(m)),
            ) + 0.25))
            * 0.125
    };
    let t6: Array2<f64> = t5.dot(&a.slice(s![1.., ..])).abs();
    let mut t7: Array2<f64> = a.to_owned();
    let mut t8: f64 = 0.0;
    for i in 0..t6.nrows() {
        let r = t6.row(i);
        t7 = &t7 * 0.7 + &t7.mapv(|v| v.sin());
        t8 += b.sum().tanh();
    }
    let t9: ArrayView1<f64> = t6.index_axis(Axis(1), 1);
    nn::cross_entropy_one_hot(
        &Array::from_elem((3, 5), 0.5_f64),
        &nn::softmax(&Array::from_elem((3, 5), 1.5_f64), Axis(1)),
    )
    .exp()
    .ln()
        + 0.347 * t3
        + 0.952 * t8
        + (&t9 * &t9).mean().unwrap()
}

#[test]
fn test_f113() {
    let mut rng = Rng::new(232101424);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, d_a) = f113_grad(&a, &b, &c);
    common::assert_near(v, f113(&a, &b, &c), "value");
    assert_fd_array(|xx| f113(xx, &b, &c), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f113_jvp(&a, &b, &c, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f113_hvp(&a, &b, &c, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f113_grad(&pp_a, &b, &c);
    let (_, gm_a) = f113_grad(&pm_a, &b, &c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 3, 5)
#[differentiable]
fn f114(a: &Array2<f64>, s: f64, k: usize, b: ArrayView2<f64>, c: &Array1<f64>, p: f64) -> f64 {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1: Array2<f64> = a
        .view()
        .reversed_axes()
        .mapv(|v| ((v * 1.46) * (v * s)).sin())
        .to_shape(((2, 3), ord))
        .unwrap()
        .into_owned();
    let t2: Array2<f64> = if t1[[1, 2]] < -0.254 {
        (a * &a.index_axis(Axis(0), 1).insert_axis(Axis(0))) - t1.var_axis(Axis(0), 0.0)
    } else {
        &(t1.fold_axis(Axis(0), f64::INFINITY, |&m, &v| m.min(v * 1.25)) + &t1.row(1))
            + &ad_runtime::ndarray::stack(Axis(0), &[t1.row(0), a.row(1)]).unwrap()
    };
    let t3: Array2<f64> = b.slice(s![.., ..3]).mapv(f64::tanh);
    let t4 = b.view();
    let mut t5: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t6: f64 = nn::mse(&t4.slice(s![.., 2..]), &t1);
    for i in 0..a.nrows() {
        let r = a.row(i);
        t5 = t5 + &(&r - &r.cos());
        t6 += t1
            .std_axis(Axis(0), 1.0)
            .dot(&nn::logsumexp(&t1, Axis(0)))
            .tanh();
    }
    let mut t7 = Array2::<f64>::zeros((2, 3));
    let mut t8: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t9: f64 = ((i as f64 * 0.3) + 0.209).abs();
        let t10 = t4.index_axis(Axis(0), 1).powi(2);
        t7 = &(&(&t3 + &t1.std_axis(Axis(1), 0.0).insert_axis(Axis(1))) * 0.667) * c.sum().cos()
            + t7;
        t8 +=
            ((nn::mse(&r, &t4.t().mean_axis(Axis(1)).unwrap()) + t9) + t10.mean().unwrap()).tanh();
    }
    s + 0.548 * p
        + (&t2 * &t2).mean().unwrap()
        + (&t5 * &t5).mean().unwrap()
        + 0.306 * t6
        + 0.878 * t7.sum()
        + 0.868 * t8
}

#[test]
fn test_f114() {
    let mut rng = Rng::new(232101436);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let s = 1.4033;
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let p = 0.9605;
    for k in 0..2usize {
        let (v, (d_a, d_s, d_b, d_c, d_p)) = f114_grad(&a, s, k, b.view(), &c, p);
        common::assert_near(v, f114(&a, s, k, b.view(), &c, p), "value");
        assert_fd_array(|xx| f114(xx, s, k, b.view(), &c, p), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| f114(&a, xx[()], k, b.view(), &c, p),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        let d_b: Array2<f64> = d_b;
        assert_fd_array(|xx| f114(&a, s, k, xx.view(), &c, p), &b, &d_b, "db");
        assert_fd_array(|xx| f114(&a, s, k, b.view(), xx, p), &c, &d_c, "dc");
        let fd_p = fd(
            |xx: &Array<f64, _>| f114(&a, s, k, b.view(), &c, xx[()]),
            &Array::from_elem((), p),
        );
        common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    }
}

// dims (5, 4, 2)
#[differentiable]
fn f115(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    let mut t1: f64 = a.mean().unwrap().tanh();
    if (a[2] * b[15]).cos() < -0.154 {
        let t2 = b[14].cos();
        t1 = t1 * 0.76 + (-0.951_f64).tanh();
    } else {
        t1 = nn::mse(b, b).tanh() - t1;
    }
    let t3 = (a + a).sqrt();
    let t4 = t3.slice(s![1..]);
    let t5 = b + b.cos();
    (nn::cross_entropy(&Array::from_elem((5, 4), 1.5_f64), &vec![3usize; 5])
        + nn::cross_entropy_one_hot(
            &Array::from_elem((5, 4), 0.5_f64),
            &nn::softmax(&Array::from_elem((5, 4), 0.5_f64), Axis(1)),
        ))
        + 0.589 * t1
        + 0.233 * t4.sum()
        + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f115() {
    let mut rng = Rng::new(232101448);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, 20, 0.5, 1.5);
    let (v, (d_a, d_b)) = f115_grad(&a, &b);
    common::assert_near(v, f115(&a, &b), "value");
    assert_fd_array(|xx| f115(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f115(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 20, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f115_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f115_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f115_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f115_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 4, 2)
#[differentiable]
fn f116(a: ArrayView2<f64>, b: &Array2<f64>, c: &Array2<f64>) -> f64 {
    let t1: ArrayView2<f64> = a.t();
    let t2 = (&t1 / &t1).map(|&v| v.tanh());
    let mut t3: Array1<f64> = c.std_axis(Axis(0), 0.0) * &b.index_axis(Axis(1), 0);
    let mut t4: f64 = nn::mse(
        &t3,
        &b.fold_axis(Axis(1), f64::INFINITY, |&m, &x| f64::min(x, m)),
    );
    for i in 0..c.nrows() {
        let r = c.row(i);
        t3 = (&t3 + &r).mapv(f64::tanh);
        t4 += b.sum().tanh();
    }
    let t5 = t4.tanh();
    let t6: f64 = (b * &t1.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc: &f64, &x: &f64| {
        acc.max(x * t5)
    }))
        .var(1.0)
        / (t3.sum() * t3.sum() + 1.0);
    let t7: ArrayView1<f64> = t1.index_axis(Axis(1), 3);
    let mut t8: f64 = t7.dot(&t7);
    if (&nn::softmax(&t7, Axis(0)) * &nn::softmax(&t7, Axis(0))).sum() < 0.523 {
        t8 = t8 * 0.894 + t8.tanh();
    } else {
        t8 = t6.tanh().exp() - t8;
    }
    (nn::logsumexp(&t1, Axis(0)) + c).std(0.0) + 0.435 * t2.sum() + 0.959 * t4
}

#[test]
fn test_f116() {
    let mut rng = Rng::new(232101460);
    let a = rand(&mut rng, (4, 2), 0.5, 1.5);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f116_grad(a.view(), &b, &c);
    common::assert_near(v, f116(a.view(), &b, &c), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f116(xx.view(), &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f116(a.view(), xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f116(a.view(), &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f116_jvp(a.view(), &b, &c, t_a.view(), &t_b, &t_c);
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
        f116_hvp(a.view(), &b, &c, t_a.view(), &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f116_grad(pp_a.view(), &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = f116_grad(pm_a.view(), &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (3, 2, 4)
#[differentiable]
fn h117(a: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = Array2::<f64>::eye(2).dot(&a.mapv(|v| v));
    t1.sum().cos() + (&t1 * &t1).mean().unwrap()
}

#[test]
fn test_h117() {
    let mut rng = Rng::new(232101472);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let (v, d_a) = h117_grad(&a);
    common::assert_near(v, h117(&a), "value");
    assert_fd_array(|xx| h117(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h117_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h117_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h117_grad(&pp_a);
    let (_, gm_a) = h117_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 2, 4)
#[differentiable]
fn f117(
    a: &Array2<f64>,
    b: &Array2<f64>,
    c: &Array1<f64>,
    d: &Array2<f64>,
    w: &Array2<f64>,
) -> f64 {
    let t1: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            d.mapv(|v| ((v.tanh()) * (v.tanh()) + 0.5).sqrt())
                .dot(&c.mapv(|v| (((v * v + 0.5).sqrt()) * ((v * v + 0.5).sqrt()) + 0.5).sqrt()))
                .tanh()
                .view(),
            (a / (a * a + 0.5))
                .fold_axis(Axis(0), f64::NEG_INFINITY, |&acc: &f64, &x: &f64| {
                    acc.max(x)
                })
                .view(),
        ],
    )
    .unwrap();
    let mut t2: f64 = 0.0;
    for i in 0..c.len() - 1 {
        let t3 = c[i + 1] - c[i] * c[i];
        let t4 = 1.0 - c[i];
        t2 += 2.82 * t3 * t3 + t4 * t4;
    }
    let t5 = t2.tanh();
    let mut t6: f64 = 0.0;
    for i in 1..c.len() {
        t6 += (c[i] - c[i - 1]).powi(2) * 1.14;
    }
    let t7: f64 = t6.tanh();
    let mut t8 = Array1::<f64>::zeros(2);
    let mut t9: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t8 = &t8 * 0.7 + &nn::sigmoid(&(&r + &nn::logsumexp(w, Axis(0))));
        t9 += (i as f64 * 0.3);
    }
    let t10 = a.view();
    (nn::mse(b, b) * nn::mse(b, b) + 1.0).sqrt()
        + 0.339 * b.sum()
        + (&t1 * &t1).mean().unwrap()
        + 0.368 * t5
        + 0.604 * t7
        + (&t8 * &t8).mean().unwrap()
        + 0.328 * t9
        + 0.27 * t10.sum()
}

#[test]
fn test_f117() {
    let mut rng = Rng::new(232101474);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, (2, 4), 0.5, 1.5);
    let w = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f117_grad(&a, &b, &c, &d, &w);
    common::assert_near(v, f117(&a, &b, &c, &d, &w), "value");
    assert_fd_array(|xx| f117(xx, &b, &c, &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f117(&a, xx, &c, &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f117(&a, &b, xx, &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f117(&a, &b, &c, xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f117(&a, &b, &c, &d, xx), &w, &d_w, "dw");
}

// dims (5, 4, 2)
#[differentiable]
fn f118(a: &Array2<f64>, b: &Array1<f64>, c: &Array1<f64>, d: Array1<f64>) -> Array1<f64> {
    let t1 = (-c) * &nn::log_softmax(&d, Axis(0));
    let mut t2: Array1<f64> = Array1::<f64>::zeros(20);
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4: f64 = t2.std(1.0);
        let t5: Array1<f64> = a.t().to_shape((20, Order::ColumnMajor)).unwrap().to_owned();
        t2 = (&t2 + &((&t2 / &(nn::sigmoid(&t2) + 0.25)) - t5)).mapv(f64::tanh);
        t3 = t3 * 0.8 - (((i as f64 * 0.3).sin() / b.mean().unwrap().exp()) + t4);
    }
    let t6 = t3.tanh();
    let t7 = &b
        .mapv(|v| ((v * t6) * (v * t6) + 1.0).ln())
        .dot(&nn::softmax(&Array::from_elem((5, 20), 0.5_f64), Axis(0)))
        + nn::sigmoid(
            &t2.mapv(|v| (((v * t6) * (v * t6) + 1.0).ln()) * (if v > 0.288 { v } else { v * t6 })),
        );
    let t8 = t7.view();
    let t9: Array1<f64> = &(&Array::from_elem((20, 4), 0.25_f64).dot(&a.t())
        / ((t7.mean().unwrap() * t7.mean().unwrap() + 1.0).ln()
            * (t7.mean().unwrap() * t7.mean().unwrap() + 1.0).ln()
            + 1.0))
        .dot(&(&a.sum_axis(Axis(1)) * t6.sin()))
        * 0.1;
    let t10: Array1<f64> = (&(-Array::from_elem((20, 5), 0.5_f64))
        / ((t3 + 0.238).abs().tanh() * (t3 + 0.238).abs().tanh() + 1.0))
        .dot(&((b * b) * &(&a.column(3) + b)));
    (b.dot(&Array::from_elem((5, 20), 0.5_f64)) * t9.mapv(|v| (v.sin()) * t6 + t6))
        * (t1.sum() + t8.sum() + (&t9 * &t9).mean().unwrap() + t10.sum())
}

#[test]
fn test_f118() {
    let mut rng = Rng::new(232101486);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, 20, -1.0, 1.0);
    let d = rand(&mut rng, 20, -1.0, 1.0);
    let seed = rand(&mut rng, 20, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d)) = f118_vjp(&a, &b, &c, d.clone(), seed.clone());
    assert_array(&y, &f118(&a, &b, &c, d.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f118(xx, &b, &c, d.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f118(&a, xx, &c, d.clone())),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f118(&a, &b, xx, d.clone())),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f118(&a, &b, &c, xx.clone())),
        &d,
        &d_d,
        "dd",
    );
}

// dims (3, 2, 4)
#[differentiable]
fn h119(a: &Array2<f64>) -> Array1<f64> {
    let t1: Array2<f64> = a.dot(&a.t().dot(a));
    let mut t2: Array1<f64> = nn::sigmoid(&t1.index_axis(Axis(1), 1).dot(a)).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4: f64 = t3;
        t2 = &t2 * 0.7 + &t2.tanh();
        t3 = (t3 + ((t2.sum().tanh().exp() + a[[2, 0]]) + t4).tanh()).tanh();
    }
    let t5: Array2<f64> = if (t2.sum() / (t2.sum() * t2.sum() + 1.0)).tanh() > -0.145 {
        (&(-&t1) * &(-&t1) + 0.5).ln()
    } else {
        ad_runtime::ndarray::stack(
            Axis(1),
            &[
                (&t1.var_axis(Axis(1), 1.0).tanh() - a.sum()).view(),
                (&t1.index_axis(Axis(1), 0) + &a.index_axis(Axis(1), 1)).view(),
            ],
        )
        .unwrap()
    };
    nn::logsumexp(&(-&t1), Axis(0)) + (t5.sum())
}

#[test]
fn test_h119() {
    let mut rng = Rng::new(232101498);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, d_a) = h119_vjp(&a, seed.clone());
    assert_array(&y, &h119(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h119(xx)), &a, &d_a, "da");
}

// dims (3, 2, 4)
#[differentiable]
fn f119(a: Array2<f64>, b: Array2<f64>) -> Array2<f64> {
    let t1 = (&b.slice(s![..2, ..]) * &b.slice(s![..2, ..]) + 0.5)
        .powf(1.5)
        .mapv(f64::tanh)
        / &(nn::sigmoid(
            &nn::softmax(&b.t(), Axis(0))
                .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &x: &f64| {
                    (x * -1.38).max(m)
                })
                .insert_axis(Axis(0)),
        ) + 0.25);
    let t2 = b.index_axis(Axis(0), 2);
    let t3 = nn::log_softmax(&a.column(0), Axis(0)).insert_axis(Axis(1))
        + nn::sigmoid(&t1.view().reversed_axes().var_axis(Axis(1), 0.0)).insert_axis(Axis(0));
    b.slice(s![..2, ..]).sin().mapv_into(f64::sin) + ((&t2 * &t2).mean().unwrap() + t3.sum())
}

#[test]
fn test_f119() {
    let mut rng = Rng::new(232101500);
    let a = rand(&mut rng, (2, 4), 0.5, 1.5);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (y, (d_a, d_b)) = f119_vjp(a.clone(), b.clone(), seed.clone());
    assert_array(&y, &f119(a.clone(), b.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f119(xx.clone(), b.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f119(a.clone(), xx.clone())),
        &b,
        &d_b,
        "db",
    );
}

// dims (2, 4, 2)
#[differentiable]
fn f120(a: &Array2<f64>, s: f64) -> f64 {
    let t1 = Array::from_elem(4, 1.5_f64)
        .into_shape_with_order(((2, 2), Order::C))
        .unwrap()
        .dot(&(a[[0, 1]] + Array::from_elem((2, 4), 0.25_f64)));
    let t2 = t1.index_axis(Axis(1), 3);
    let mut t3: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t4: f64 = a[[1, 0]];
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t5: f64 = (t3.mean().unwrap() + 0.568).abs();
        let t6 = t3.sum() / t5.exp();
        t3 = &t3 * 0.7 + &r;
        t4 = (t4 + (t4 + t6)).tanh();
    }
    let mut t7: Array1<f64> = nn::logsumexp(&t1, Axis(0));
    let mut t8: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t7 = (&t7 + &(&r * &(&t7 * &t7 + 0.5).ln()).mapv(f64::tanh)).mapv(f64::tanh);
        t8 = (t8 + t1.mean().unwrap().tanh()).tanh();
    }
    ((t1.sum() * t1.sum() + 1.0).sqrt().tanh().powi(2) + 0.5).sqrt()
        + 0.856 * s
        + (&t2 * &t2).mean().unwrap()
        + 0.888 * t8
}

#[test]
fn test_f120() {
    let mut rng = Rng::new(232101512);
    let a = rand(&mut rng, (2, 2), -1.0, 1.0);
    let s = -0.8361;
    let (v, (d_a, d_s)) = f120_grad(&a, s);
    common::assert_near(v, f120(&a, s), "value");
    assert_fd_array(|xx| f120(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f120(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f120_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f120_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f120_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = f120_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (4, 2, 3)
#[differentiable]
fn f121(a: Array1<f64>, b: &Array1<f64>, s: f64, p: f64, c: Array1<f64>) -> Array1<f64> {
    let t1 = Array::from_elem((4, 2), 1.5_f64)
        .mapv_into(f64::sin)
        .var_axis(Axis(1), 0.0);
    let t2: Array1<f64> = &Array::from_elem((4, 4), 0.5_f64).dot(&a) + b.mean().unwrap().tanh();
    let t3: f64 = nn::cross_entropy_one_hot(
        &Array::from_elem((4, 2), 1.5_f64),
        &nn::softmax(&Array::from_elem((4, 2), 0.5_f64), Axis(1)),
    ) - nn::cross_entropy_one_hot(
        &Array::from_elem((4, 2), 0.25_f64),
        &nn::softmax(&Array::from_elem((4, 2), 0.5_f64), Axis(1)),
    );
    let mut t4: f64 = 0.0;
    for i in 0..2 {
        let t5 = c[i + 1] - c[i] * c[i];
        let t6 = 1.0 - c[i];
        t4 += 0.74 * t5 * t5 + t6 * t6;
    }
    let t7 = t4.tanh();
    let t8 = (&c * &c).powi(2).dot(
        &ad_runtime::ndarray::concatenate(
            Axis(1),
            &[
                (-&Array::from_elem((3, 2), 1.5_f64)).view(),
                Array::from_elem((3, 2), 0.5_f64)
                    .mapv(|v| (((v * s).sin()) * ((v * s).sin()) + 0.5).sqrt())
                    .view(),
            ],
        )
        .unwrap(),
    );
    (-&(&t2 - b[3]))
        + (p + (&t1 * &t1).mean().unwrap() + t2.sum() + t3 + t7 + (&t8 * &t8).mean().unwrap())
}

#[test]
fn test_f121() {
    let mut rng = Rng::new(232101524);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let s = -1.1403;
    let p = 0.8760;
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_p, d_c)) = f121_vjp(a.clone(), &b, s, p, c.clone(), seed.clone());
    assert_array(&y, &f121(a.clone(), &b, s, p, c.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f121(xx.clone(), &b, s, p, c.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f121(a.clone(), xx, s, p, c.clone())),
        &b,
        &d_b,
        "db",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f121(a.clone(), &b, xx[()], p, c.clone())),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f121(a.clone(), &b, s, xx[()], c.clone())),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(
        |xx| inner(&seed, &f121(a.clone(), &b, s, p, xx.clone())),
        &c,
        &d_c,
        "dc",
    );
}

// dims (2, 4, 3)
#[differentiable]
fn f122(a: Array1<f64>, b: &Array1<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let t1 = (-0.762_f64) + 0.868_f64;
    let t2 = a.view();
    let mut t3: Array1<f64> = &t2 - &d.index_axis(Axis(0), 0);
    let mut t4: f64 = 0.0;
    for i in 0..d.nrows() {
        let r = d.row(i);
        t3 = &t3 + &(&a - &t3).tanh();
        t4 = t4 * 0.8 - (i as f64 * 0.3);
    }
    let t5 = &(-&d.slice(s![.., ..2])).to_shape(4).unwrap().to_owned()
        * (&t3 / &a.exp())
            .mapv(|v| ((v * 1.01).powi(2) - 0.5) * ((v * t4) * t1 + t1))
            .tanh();
    let mut t6: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t6 += (c[i + 1] * t4 - c[i]).tanh();
    }
    let mut t7: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t7 += (c[i + 1] * t1 - c[i]).tanh();
    }
    let t8 = nn::softplus(
        &(&b.view().insert_axis(Axis(0)) - &b.view().insert_axis(Axis(1)))
            .dot(&ad_runtime::ndarray::stack(Axis(0), &[t2, t5.view()]).unwrap()),
    );
    t1.cos() + 0.488 * t6 + 0.719 * t7 + 0.619 * t8.sum()
}

#[test]
fn test_f122() {
    let mut rng = Rng::new(232101536);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f122_grad(a.clone(), &b, &c, &d);
    common::assert_near(v, f122(a.clone(), &b, &c, &d), "value");
    assert_fd_array(|xx| f122(xx.clone(), &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f122(a.clone(), xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f122(a.clone(), &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f122(a.clone(), &b, &c, xx), &d, &d_d, "dd");
}

// dims (4, 2, 5)
#[differentiable]
fn f123(a: &Array2<f64>) -> f64 {
    let t1 = a.t();
    let mut t2 = Array1::<f64>::zeros(4);
    let mut t3: f64 = -0.696_f64;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4 = t1.slice(s![..4, ..]).dot(a);
        let t5 = &r * &t2;
        t2 = &t2 * 0.7 + &(&(&r + (&t4.slice(s![.., ..4]).dot(&r) * 0.125)) - &t5).tanh();
        t3 = t3 * 0.8 - t4.sum().tanh();
    }
    let mut t6: Array2<f64> = t1.to_shape((4, 5)).unwrap().into_owned();
    if a.sum() > -0.245 {
        let t7 = a.t().var(0.0);
        t6 = &t6 * 0.702
            + &(a + t1
                .fold_axis(Axis(1), f64::INFINITY, |m, x| m.min(*x * t7))
                .insert_axis(Axis(0)));
    }
    let mut t8: Array2<f64> = t1
        .slice(s![1..3, ..])
        .to_shape((8, Order::F))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((4, 2), Order::F))
        .unwrap();
    if t3.tanh() < 0.32 {
        t8 = &t8 * 0.763
            + &(&t8
                + t8.fold_axis(Axis(0), f64::INFINITY, |&m, &x| m.min(x))
                    .insert_axis(Axis(0)));
    } else {
        t8 = &(&t8.map(|&v| (((v * v + 1.0).ln()) * ((v * v + 1.0).ln()) + 1.0).ln()) * 0.5) - &t8;
    }
    nn::cross_entropy_one_hot(
        &(&(t8.sum() + &t8) * 0.0741),
        &nn::softmax(&(&t1.slice(s![1.., 1..3]) * (-0.329_f64)), Axis(1)),
    ) + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f123() {
    let mut rng = Rng::new(232101548);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (v, d_a) = f123_grad(&a);
    common::assert_near(v, f123(&a), "value");
    assert_fd_array(|xx| f123(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f123_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f123_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f123_grad(&pp_a);
    let (_, gm_a) = f123_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 2, 5)
#[differentiable(wrt(a, p))]
fn f124(a: &Array1<f64>, s: f64, b: Array2<f64>, p: f64) -> f64 {
    let t1: Array2<f64> = if nn::mse(
        &b.mean_axis(Axis(0)).unwrap(),
        &b.slice(s![..2, ..])
            .fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max((x - p).powi(2))),
    ) < 1.46
    {
        (&b / &b) + &nn::sigmoid(&b)
    } else {
        b.mapv(|v| if v > 0.129 { v * (v * s) } else { v * 0.852 })
            - &b.view()
                .reversed_axes()
                .to_shape(((4, 2), Order::RowMajor))
                .unwrap()
    };
    let t2 = b.index_axis(Axis(1), 0);
    let t3: f64 = ((&b * &b).sum() + a.mean().unwrap()).tanh();
    let mut t4: Array2<f64> = &t2.insert_axis(Axis(1)) * &b.row(3).insert_axis(Axis(0));
    let mut t5: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t4 = t4 + &nn::sigmoid(&t1.t().to_shape(((4, 2), Order::C)).unwrap().into_owned());
        t5 = t5 * 0.8 - (i as f64 * 0.3);
    }
    let mut t6: Array1<f64> = (&(a + t4.sum()) * 0.0392).to_owned();
    let mut t7: f64 = s + t5;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t8 = a * (i as f64 * 0.3);
        t6 = &t6 + &nn::sigmoid(&(&(&r * (&t6 + &t6)) + t8));
        t7 += nn::cross_entropy(
            &b.mapv(|v| {
                if v > -0.44 {
                    (v * 1.21).exp()
                } else {
                    (v * 0.416) * p + p
                }
            }),
            &vec![1usize; 4],
        )
        .tanh();
    }
    let t9 = t2.view();
    let t10 = t1.t();
    t3 + 0.89 * t3 + 0.483 * t7 + 0.576 * t9.sum() + 0.981 * t10.sum()
}

#[test]
fn test_f124() {
    let mut rng = Rng::new(232101560);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let s = -0.5463;
    let b = rand(&mut rng, (4, 2), 0.5, 1.5);
    let p = -1.0720;
    let (v, (d_a, d_p)) = f124_grad(&a, s, b.clone(), p);
    common::assert_near(v, f124(&a, s, b.clone(), p), "value");
    assert_fd_array(|xx| f124(xx, s, b.clone(), p), &a, &d_a, "da");
    let fd_p = fd(
        |xx: &Array<f64, _>| f124(&a, s, b.clone(), xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (5, 3, 5)
#[differentiable]
fn f125(a: Array1<f64>) -> f64 {
    let t1: Array1<f64> =
        ((&a * &a) / (nn::sigmoid(&a) + 0.25)) * (nn::softplus(&a) + 0.5).sqrt().map(|&v| v.tanh());
    let t2 = (((-0.713_f64) - a.sum()) + 0.456).abs();
    let t3 = if 0.472_f64.powi(2) > 0.11 {
        nn::cross_entropy_one_hot(
            &(&a.view().insert_axis(Axis(1)) + &Array::from_elem((5, 3), 1.5_f64)),
            &nn::softmax(
                &(&Array::from_elem((5, 3), 1.5_f64) * Array1::<f64>::ones(3).insert_axis(Axis(0))),
                Axis(1),
            ),
        )
    } else {
        t1[4]
    };
    nn::logsumexp(&Array::from_elem((5, 5), 1.5_f64), Axis(1)).var(1.0) + 0.594 * t2 + 0.478 * t3
}

#[test]
fn test_f125() {
    let mut rng = Rng::new(232101572);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let (v, d_a) = f125_grad(a.clone());
    common::assert_near(v, f125(a.clone()), "value");
    assert_fd_array(|xx| f125(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f125_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f125_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f125_grad(pp_a.clone());
    let (_, gm_a) = f125_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 5, 4)
#[differentiable(wrt(a, c))]
fn f126(a: &Array2<f64>, b: &Array1<f64>, c: &Array2<f64>, d: Array1<f64>, w: &Array2<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..3 {
        let t2 = b[i + 1] - b[i] * b[i];
        let t3 = 1.0 - b[i];
        t1 += 1.7 * t2 * t2 + t3 * t3;
    }
    let t4 = t1.tanh();
    let t5 = b.slice(s![1..]);
    let mut t6: f64 = t4;
    if w.var(1.0).tanh() < -0.339 {
        let t7: f64 = nn::cross_entropy_one_hot(
            &w.slice(s![..2, ..]),
            &nn::softmax(&a.slice(s![1..3, ..]), Axis(1)),
        );
        t6 = t6 * 0.9 + (a.sum() + t7).tanh();
    } else {
        t6 = t1.tanh() - t6;
    }
    let t8 = if nn::cross_entropy_one_hot(
        &a.slice(s![1..3, ..]),
        &nn::softmax(&c.slice(s![..2, ..]).dot(&c.t()), Axis(1)),
    ) > 0.172
    {
        a.var(1.0)
    } else {
        nn::cross_entropy_one_hot(
            &w.slice(s![2.., ..])
                .mapv(|v| (((v * v + 0.5).sqrt()) * ((v * v + 0.5).sqrt()) + 1.0).ln()),
            &nn::softmax(
                &(c.fold_axis(Axis(1), f64::INFINITY, |m, v| m.min(*v * 1.57))
                    .insert_axis(Axis(0))
                    * &Array1::<f64>::ones(2).insert_axis(Axis(1))),
                Axis(1),
            ),
        )
    };
    0.372_f64.ln() + 0.754 * t5.sum() + 0.775 * t6 + 0.486 * t8
}

#[test]
fn test_f126() {
    let mut rng = Rng::new(232101584);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), 0.5, 1.5);
    let d = rand(&mut rng, 10, -1.0, 1.0);
    let w = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (v, (d_a, d_c)) = f126_grad(&a, &b, &c, d.clone(), &w);
    common::assert_near(v, f126(&a, &b, &c, d.clone(), &w), "value");
    assert_fd_array(|xx| f126(xx, &b, &c, d.clone(), &w), &a, &d_a, "da");
    assert_fd_array(|xx| f126(&a, &b, xx, d.clone(), &w), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f126_jvp(&a, &b, &c, d.clone(), &w, &t_a, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_c), (hh_a, hh_c)) = f126_hvp(&a, &b, &c, d.clone(), &w, &t_a, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_c)) = f126_grad(&pp_a, &b, &pp_c, d.clone(), &w);
    let (_, (gm_a, gm_c)) = f126_grad(&pm_a, &b, &pm_c, d.clone(), &w);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 2, 3)
#[differentiable]
fn f127(a: &Array2<f64>, b: &Array2<f64>, s: f64) -> Array2<f64> {
    let mut t1 = Array2::<f64>::zeros((4, 3));
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = a.mapv(|v| v);
        let t4: Array1<f64> = t3.slice(s![..3, ..]).dot(&r);
        t1 = &t1 * 0.7 + &Array2::<f64>::eye(4).dot(b).tanh();
        t2 += (nn::cross_entropy(&b.slice(s![.., ..2]), &vec![0usize; 4]) + t4.mean().unwrap())
            .tanh();
    }
    let mut t5: f64 = s;
    if (t2 * t2 + 1.0).ln().exp().sqrt() < 0.458 {
        t5 = t5 * 0.457 + t2.tanh();
    }
    let t6: Array2<f64> = if (nn::cross_entropy(&a.slice(s![.., 1..]), &vec![1usize; 4])
        * nn::cross_entropy(&a.slice(s![.., 1..]), &vec![1usize; 4])
        + 1.0)
        .ln()
        > -0.871
    {
        -&(&a.index_axis(Axis(1), 0).insert_axis(Axis(1))
            * a.var_axis(Axis(0), 1.0).insert_axis(Axis(0)))
    } else {
        Array::from_elem((4, 4), 0.25_f64)
            .dot(b)
            .map(|&v| ((v * 0.688).sin()).sin())
    };
    let mut t7: Array2<f64> = b.to_owned();
    let mut t8: f64 = b.std(0.0);
    for i in 0..t6.nrows() {
        let r = t6.row(i);
        let t9: ArrayView1<f64> = r;
        t7 = &nn::sigmoid(&(&t1 * &r)) * t2.tanh() + t7;
        t8 = t8 * 0.8 - t9[0];
    }
    (&t7.fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &v: &f64| {
        m.min(v * -1.94)
    })
    .insert_axis(Axis(1))
        + (&t1 + &t6.index_axis(Axis(0), 1).insert_axis(Axis(0))))
        .tanh()
        * (t5 + t7.sum() + t8)
}

#[test]
fn test_f127() {
    let mut rng = Rng::new(232101596);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = -0.8353;
    let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = f127_vjp(&a, &b, s, seed.clone());
    assert_array(&y, &f127(&a, &b, s), "value");
    assert_fd_array(|xx| inner(&seed, &f127(xx, &b, s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f127(&a, xx, s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f127(&a, &b, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 5, 2)
#[differentiable(wrt(a, b, c, d))]
fn f128(
    a: &Array1<f64>,
    s: f64,
    b: ArrayView2<f64>,
    c: &Array1<f64>,
    d: ArrayView2<f64>,
) -> Array1<f64> {
    let t1: ArrayView1<f64> = b.row(0);
    let t2: Array2<f64> = if (-1.19_f64) > -0.225 {
        (nn::sigmoid(&nn::softmax(&d, Axis(1))) + 0.25).sqrt()
    } else {
        d.mapv(|v| ((v * s).exp()).powi(2) - 0.5) / (d.sum() + a).mapv(|v| v * v + 1.0)
    };
    let t3 = (a[1] + &t1).dot(&nn::sigmoid(&(t2 + c.sum()))).tanh();
    let mut t4: Array2<f64> = d
        .t()
        .to_shape(((5, 2), Order::RowMajor))
        .unwrap()
        .into_owned();
    let mut t5: f64 = c[3];
    for i in 0..b.nrows() {
        let r = b.row(i);
        t4 = &t4 * 0.7 + &(-&d);
        t5 = t5 * 0.8 - (t3[1] + 0.54).abs().exp().ln();
    }
    let t6: Array1<f64> = t4.sum_axis(Axis(0)).tanh();
    (b.fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &v: &f64| {
        (v * 0.34).max(m)
    }) + &(&b.index_axis(Axis(1), 3) * &b.column(3)))
        * (t5 + (&t6 * &t6).mean().unwrap())
}

#[test]
fn test_f128() {
    let mut rng = Rng::new(232101608);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let s = -0.5147;
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let c = rand(&mut rng, 5, 0.5, 1.5);
    let d = rand(&mut rng, (5, 2), -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d)) = f128_vjp(&a, s, b.view(), &c, d.view(), seed.clone());
    assert_array(&y, &f128(&a, s, b.view(), &c, d.view()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f128(xx, s, b.view(), &c, d.view())),
        &a,
        &d_a,
        "da",
    );
    let d_b: Array2<f64> = d_b;
    assert_fd_array(
        |xx| inner(&seed, &f128(&a, s, xx.view(), &c, d.view())),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f128(&a, s, b.view(), xx, d.view())),
        &c,
        &d_c,
        "dc",
    );
    let d_d: Array2<f64> = d_d;
    assert_fd_array(
        |xx| inner(&seed, &f128(&a, s, b.view(), &c, xx.view())),
        &d,
        &d_d,
        "dd",
    );
}

// dims (4, 5, 2)
#[differentiable]
fn f129(a: &Array2<f64>, b: &Array2<f64>, c: Array2<f64>, d: &Array2<f64>, w: &Array1<f64>) -> f64 {
    let t1: Array2<f64> =
        (-nn::sigmoid(b)) / (nn::softplus(&nn::softmax(&b.row(0), Axis(0))) + 0.5);
    let mut t2: Array1<f64> = b.t().dot(&b.index_axis(Axis(1), 3));
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t2 = (&t2
            + &c.t().fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| {
                f64::max(m, (x - t3).powi(2))
            }))
            .mapv(f64::tanh);
        t3 = t3 * 0.8 - t3.exp().ln();
    }
    let t4 = a.t();
    let t5: Array2<f64> = (c[[0, 4]] * &c.t())
        .abs()
        .to_shape(((2, 5), Order::RowMajor))
        .unwrap()
        .into_owned();
    let t6: Array2<f64> = &(d
        / (nn::sigmoid(
            &t1.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| f64::min(x * t3, acc))
                .insert_axis(Axis(1)),
        ) + 0.25))
        .mapv(|v| (v * t3).exp())
        / &(nn::sigmoid(
            &(nn::cross_entropy_one_hot(b, &nn::softmax(b, Axis(1)))
                + &b.index_axis(Axis(1), 1).abs())
                .insert_axis(Axis(1)),
        ) + 0.25);
    let t7: Array2<f64> = d
        .ln()
        .mapv(|v| (((v * 0.852) * v) * ((v * 0.852) * v) + 0.5).sqrt())
        .powf(2.5);
    let t8: ArrayView2<f64> = t4.t();
    t3.sin()
        + 0.57 * w.sum()
        + 0.78 * t2.sum()
        + 0.804 * t5.sum()
        + 0.793 * t6.sum()
        + (&t7 * &t7).mean().unwrap()
        + 0.551 * t8.sum()
}

#[test]
fn test_f129() {
    let mut rng = Rng::new(232101620);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), 0.5, 1.5);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let d = rand(&mut rng, (4, 2), 0.5, 1.5);
    let w = rand(&mut rng, 20, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f129_grad(&a, &b, c.clone(), &d, &w);
    common::assert_near(v, f129(&a, &b, c.clone(), &d, &w), "value");
    assert_fd_array(|xx| f129(xx, &b, c.clone(), &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f129(&a, xx, c.clone(), &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f129(&a, &b, xx.clone(), &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f129(&a, &b, c.clone(), xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f129(&a, &b, c.clone(), &d, xx), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, 20, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f129_jvp(
        &a,
        &b,
        c.clone(),
        &d,
        &w,
        &t_a,
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
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f129_hvp(
        &a,
        &b,
        c.clone(),
        &d,
        &w,
        &t_a,
        &t_b,
        t_c.clone(),
        &t_d,
        &t_w,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) = f129_grad(&pp_a, &pp_b, pp_c.clone(), &pp_d, &pp_w);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) = f129_grad(&pm_a, &pm_b, pm_c.clone(), &pm_d, &pm_w);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (3, 5, 2)
#[differentiable]
fn h130(a: Array1<f64>, b: &Array1<f64>, s: f64) -> f64 {
    let t1: Array1<f64> = if (b[2] - (a[1].powi(2) + 0.5).ln()) > -0.266 {
        ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                b.sin().view(),
                (&Array1::<f64>::ones(2) - &Array1::<f64>::ones(2)).view(),
            ],
        )
        .unwrap()
    } else {
        Array2::<f64>::eye(5).mapv_into(f64::sin).dot(&(&a + &a))
    };
    b[0] + 0.3 * s + 0.949 * t1.sum()
}

#[test]
fn test_h130() {
    let mut rng = Rng::new(232101632);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let s = -0.6879;
    let (v, (d_a, d_b, d_s)) = h130_grad(a.clone(), &b, s);
    common::assert_near(v, h130(a.clone(), &b, s), "value");
    assert_fd_array(|xx| h130(xx.clone(), &b, s), &a, &d_a, "da");
    assert_fd_array(|xx| h130(a.clone(), xx, s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| h130(a.clone(), &b, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 5, 2)
#[differentiable]
fn f130(k: usize, a: &Array1<f64>, b: &Array1<f64>, c: &Array1<f64>) -> Array1<f64> {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            Array2::<f64>::eye(3).view(),
            Array::from_elem((2, 3), 0.25_f64).view(),
        ],
    )
    .unwrap()
    .to_shape(((3, 5), ord))
    .unwrap()
    .to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t3 = a[i + 1] - a[i] * a[i];
        let t4 = 1.0 - a[i];
        t2 += 2.43 * t3 * t3 + t4 * t4;
    }
    let t5: f64 = t2.tanh();
    let t6 = t1[[0, 4]];
    let t7: Array1<f64> = ad_runtime::ndarray::stack(Axis(0), &[c.view(), b.view()])
        .unwrap()
        .var_axis(Axis(0), 0.0);
    (a * a).dot(&(&t1.slice(s![1.., 2..4]) - a)) * (t5 + t6 + t7.sum())
}

#[test]
fn test_f130() {
    let mut rng = Rng::new(232101634);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let c = rand(&mut rng, 15, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 2, -1.0, 1.0);
        let (y, (d_a, d_b, d_c)) = f130_vjp(k, &a, &b, &c, seed.clone());
        assert_array(&y, &f130(k, &a, &b, &c), "value");
        assert_fd_array(|xx| inner(&seed, &f130(k, xx, &b, &c)), &a, &d_a, "da");
        assert_fd_array(|xx| inner(&seed, &f130(k, &a, xx, &c)), &b, &d_b, "db");
        assert_fd_array(|xx| inner(&seed, &f130(k, &a, &b, xx)), &c, &d_c, "dc");
    }
}

// dims (3, 2, 4)
#[differentiable]
fn h131(a: Array2<f64>, b: &Array2<f64>, c: Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> = nn::sigmoid(&(a - c.var_axis(Axis(1), 1.0).insert_axis(Axis(0))));
    let t2: ArrayView1<f64> = c.column(0);
    let t3 = nn::mse(&t1, &t1).powi(2).tanh();
    (b[[0, 0]] - &t1.slice(s![.., 1..])).dot(&t1) * (b.sum() + (&t2 * &t2).mean().unwrap() + t3)
}

#[test]
fn test_h131() {
    let mut rng = Rng::new(232101646);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h131_vjp(a.clone(), &b, c.clone(), seed.clone());
    assert_array(&y, &h131(a.clone(), &b, c.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &h131(xx.clone(), &b, c.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &h131(a.clone(), xx, c.clone())),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &h131(a.clone(), &b, xx.clone())),
        &c,
        &d_c,
        "dc",
    );
}

// dims (3, 2, 4)
#[differentiable]
fn f131(a: &Array2<f64>, s: f64, b: &Array2<f64>, c: &Array1<f64>, d: ArrayView2<f64>) -> f64 {
    let t1: ArrayView1<f64> = c.slice(s![1..]);
    let t2 = ((s + a.sum()).sin() + 0.439).abs();
    let t3: Array1<f64> = if nn::mse(
        &c.mapv(|v| if v > -0.406 { v * s } else { v * s + s }),
        &d.column(1),
    ) < -0.891
    {
        t1.dot(&d.t())
            .mapv(|v| (((v * 0.426) * t2 + t2) * ((v * 0.426) * t2 + t2) + 0.5).sqrt())
    } else {
        c.mapv(|v| (((v * 1.24) * (v * 1.24) + 1.0).ln()).powi(2) - 0.5)
            .tanh()
            .exp()
    };
    nn::cross_entropy_one_hot(
        &nn::sigmoid(&(&d - b.sum())),
        &nn::softmax(
            &d.mapv(|v| {
                ((if v > -0.391 { v * s } else { v * s })
                    * (if v > -0.391 { v * s } else { v * s })
                    + 0.5)
                    .sqrt()
            }),
            Axis(1),
        ),
    ) + 0.96 * b.sum()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_f131() {
    let mut rng = Rng::new(232101648);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = -0.4454;
    let b = rand(&mut rng, (2, 4), 0.5, 1.5);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_c, d_d)) = f131_grad(&a, s, &b, &c, d.view());
    common::assert_near(v, f131(&a, s, &b, &c, d.view()), "value");
    assert_fd_array(|xx| f131(xx, s, &b, &c, d.view()), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f131(&a, xx[()], &b, &c, d.view()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f131(&a, s, xx, &c, d.view()), &b, &d_b, "db");
    assert_fd_array(|xx| f131(&a, s, &b, xx, d.view()), &c, &d_c, "dc");
    let d_d: Array2<f64> = d_d;
    assert_fd_array(|xx| f131(&a, s, &b, &c, xx.view()), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 3, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f131_jvp(&a, s, &b, &c, d.view(), &t_a, t_s, &t_b, &t_c, t_d.view());
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
    let (hv, (hg_a, hg_s, hg_b, hg_c, hg_d), (hh_a, hh_s, hh_b, hh_c, hh_d)) =
        f131_hvp(&a, s, &b, &c, d.view(), &t_a, t_s, &t_b, &t_c, t_d.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_c, gp_d)) = f131_grad(&pp_a, pp_s, &pp_b, &pp_c, pp_d.view());
    let (_, (gm_a, gm_s, gm_b, gm_c, gm_d)) = f131_grad(&pm_a, pm_s, &pm_b, &pm_c, pm_d.view());
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

// dims (3, 2, 4)
#[differentiable(wrt(a))]
fn f132(k: usize, a: Array1<f64>, b: &Array1<f64>) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1: Array2<f64> = Array::from_elem((3, 2), 0.25_f64)
        .dot(&Array2::<f64>::eye(2))
        .to_shape(((3, 2), ord))
        .unwrap()
        .into_owned();
    let mut t2: Array1<f64> = t1.t().dot(&t1.var_axis(Axis(1), 0.0));
    let mut t3: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4: Array1<f64> = &t2 / &(nn::softplus(&r) + 0.5);
        t2 = &nn::sigmoid(&(&Array::from_elem((2, 4), 1.5_f64).dot(&a) - &t4))
            * (t4[0] * t4[0] + 1.0).sqrt().tanh()
            + t2;
        t3 = (t3 + a.mapv(f64::exp).mean().unwrap()).tanh();
    }
    let t5 = (((b.mean().unwrap() - t3) + (b.sum() * t2[0]).tanh()) / (-1.46_f64).exp()).tanh();
    let mut t6: Array1<f64> = nn::logsumexp(&t1, Axis(0));
    let mut t7: f64 = t3.sin();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t6 = (&t6 + &r).mapv(f64::tanh);
        t7 = (t7
            + a.mapv(|v| {
                ((((v * 0.73) * (v * 0.73) + 1.0).ln()) * (((v * 0.73) * (v * 0.73) + 1.0).ln())
                    + 1.0)
                    .ln()
            })
            .sum()
            .tanh())
        .tanh();
    }
    nn::mse(&t1.index_axis(Axis(0), 2), &t2).powi(2).tanh()
        + 0.235 * t5
        + 0.777 * t6.sum()
        + 0.768 * t7
}

#[test]
fn test_f132() {
    let mut rng = Rng::new(232101660);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 6, -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f132_grad(k, a.clone(), &b);
        common::assert_near(v, f132(k, a.clone(), &b), "value");
        assert_fd_array(|xx| f132(k, xx.clone(), &b), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 4, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f132_jvp(k, a.clone(), &b, t_a.clone());
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f132_hvp(k, a.clone(), &b, t_a.clone());
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f132_grad(k, pp_a.clone(), &b);
        let (_, gm_a) = f132_grad(k, pm_a.clone(), &b);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (2, 3, 4)
#[differentiable]
fn h133(a: &Array2<f64>) -> Array2<f64> {
    let t1 = nn::cross_entropy_one_hot(
        &a.slice(s![2.., ..]),
        &nn::softmax(&a.slice(s![..2, ..]), Axis(1)),
    )
    .cos();
    let t2 = if t1 > 0.207 {
        nn::softplus(a).exp()
    } else {
        nn::logsumexp(a, Axis(0)).mapv(|v| ((v * 0.41) * t1 + t1).exp()) + a.mapv(|v| v)
    };
    let t3: Array2<f64> = (nn::sigmoid(a) + 0.25).sqrt() * (-&t2.column(1)).insert_axis(Axis(1));
    (t1 / (nn::softplus(&a.slice(s![.., ..2])) + 0.5))
        .dot(&nn::softplus(&t3.slice(s![..2, ..])).tanh())
        * ((&t3 * &t3).mean().unwrap())
}

#[test]
fn test_h133() {
    let mut rng = Rng::new(232101672);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (y, d_a) = h133_vjp(&a, seed.clone());
    assert_array(&y, &h133(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h133(xx)), &a, &d_a, "da");
}

// dims (2, 3, 4)
#[differentiable]
fn f133(a: &Array2<f64>, b: &Array2<f64>, k: usize, c: &Array1<f64>) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = nn::softplus(&a.t())
        .to_shape(((2, 3), ord))
        .unwrap()
        .to_owned();
    let t2 = a.index_axis(Axis(0), 1);
    let t3 = ((&(&t2 * &t2) - t2.map(|&v| ((v.powi(2) - 0.5) * (v.powi(2) - 0.5) + 1.0).ln()))
        / &(nn::sigmoid(&b.slice(s![..2, ..]).to_shape(((2, 3), Order::F)).unwrap()) + 0.25))
        .tanh();
    let mut t4: Array1<f64> = (&t2 / (nn::sigmoid(&t2) + 0.25)).to_owned();
    let mut t5: f64 = a.sum().powi(2).tanh();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t6: f64 = t5;
        let t7 = &r + &t1.var_axis(Axis(0), 1.0);
        t4 = &t4 * 0.7 + &(&(&r.mapv(|v| ((v * v + 0.5).sqrt()).powi(2) - 0.5) - t7) * 0.148);
        t5 = t5 * 0.8 - ((a.mean().unwrap() / ((c[0] + t4.sum()).tanh().powi(2) + 0.5)) + t6);
    }
    (nn::cross_entropy(&t3, &vec![1usize; 2]) + 0.321).abs() + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_f133() {
    let mut rng = Rng::new(232101674);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f133_grad(&a, &b, k, &c);
        common::assert_near(v, f133(&a, &b, k, &c), "value");
        assert_fd_array(|xx| f133(xx, &b, k, &c), &a, &d_a, "da");
        assert_fd_array(|xx| f133(&a, xx, k, &c), &b, &d_b, "db");
        assert_fd_array(|xx| f133(&a, &b, k, xx), &c, &d_c, "dc");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, 2, -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f133_jvp(&a, &b, k, &c, &t_a, &t_b, &t_c);
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
            f133_hvp(&a, &b, k, &c, &t_a, &t_b, &t_c);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c)) = f133_grad(&pp_a, &pp_b, k, &pp_c);
        let (_, (gm_a, gm_b, gm_c)) = f133_grad(&pm_a, &pm_b, k, &pm_c);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    }
}

// dims (5, 2, 4)
#[differentiable]
fn f134(a: &Array1<f64>, b: &Array1<f64>, c: Array2<f64>, s: f64) -> Array1<f64> {
    let t1: ArrayView2<f64> = c.view();
    let t2: Array2<f64> = &(-(-&c)) + (b.sum() - b).dot(&nn::relu(&t1.t())).insert_axis(Axis(1));
    let t3: Array2<f64> = (t2.sum() - (&t1 + s)).mapv(f64::tanh);
    let mut t4 = Array1::<f64>::zeros(2);
    let mut t5: f64 = 0.0;
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t6: Array1<f64> = nn::sigmoid(&(&r / &(nn::softplus(b) + 0.5)));
        t4 = &t4 * 0.7 + &(&r + t6).mapv(f64::tanh);
        t5 = t5 * 0.8 - (t3[[0, 0]] + s).cos();
    }
    let t7 = c.index_axis(Axis(1), 0).cos().insert_axis(Axis(1))
        * t4.mapv(|v| ((v * s).sin()).tanh()).insert_axis(Axis(0));
    (Array::from_elem((10, 2), 0.25_f64)
        / &(&b.view().insert_axis(Axis(0)) * &b.view().insert_axis(Axis(0)) + 0.5))
        .dot(&c.t().std_axis(Axis(1), 0.0))
        * ((a * a).mean().unwrap() + t5 + t7.sum())
}

#[test]
fn test_f134() {
    let mut rng = Rng::new(232101686);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = 0.6444;
    let seed = rand(&mut rng, 10, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_s)) = f134_vjp(&a, &b, c.clone(), s, seed.clone());
    assert_array(&y, &f134(&a, &b, c.clone(), s), "value");
    assert_fd_array(
        |xx| inner(&seed, &f134(xx, &b, c.clone(), s)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f134(&a, xx, c.clone(), s)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f134(&a, &b, xx.clone(), s)),
        &c,
        &d_c,
        "dc",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f134(&a, &b, c.clone(), xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (5, 2, 4)
#[differentiable]
fn f135(a: ArrayView2<f64>, b: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let t1 = (&((-1.47_f64) - &c.slice(s![.., ..2]))
        * (&c.index_axis(Axis(1), 0) * &a.column(3)).insert_axis(Axis(0)))
    .dot(
        &ad_runtime::ndarray::stack(Axis(0), &[b.view(), a.mean_axis(Axis(0)).unwrap().view()])
            .unwrap()
            .to_shape(((2, 4), Order::F))
            .unwrap(),
    );
    let t2: Array2<f64> = if (nn::mse(&a, &a) * nn::mse(&a, &a) + 1.0).ln() > 1.26 {
        ad_runtime::ndarray::concatenate(
            Axis(1),
            &[
                (&c.slice(s![.., 1..3]) - (-0.979_f64)).view(),
                c.slice(s![.., ..2]),
            ],
        )
        .unwrap()
    } else {
        ad_runtime::ndarray::stack(Axis(0), &[b.view(), b.view()])
            .unwrap()
            .tanh()
    };
    let mut t3: f64 = 0.0;
    for i in 0..3 {
        t3 += (b[i + 1] * 1.32 - b[i]).tanh();
    }
    let mut t4: Array2<f64> = (t1 + t3).tanh().to_owned();
    if t2.mean().unwrap() > 0.298 {
        let t5 = nn::mse(b, b);
        t4 = &t4 * 0.527
            + &ad_runtime::ndarray::concatenate(
                Axis(1),
                &[c.slice(s![.., 1..3]), t2.slice(s![.., 2..])],
            )
            .unwrap();
    }
    let mut t6: Array1<f64> = b.map(|&v| v);
    let mut t7: f64 = 0.0;
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t8: f64 = t2[[0, 0]];
        t6 = t6 + &r;
        t7 = (t7
            + ((Array::from_elem(5, 0.5_f64).dot(&Array1::<f64>::ones(5))
                / (nn::cross_entropy_one_hot(
                    &Array::from_elem((5, 2), 0.5_f64),
                    &nn::softmax(&Array::from_elem((5, 2), 0.5_f64), Axis(1)),
                ) * nn::cross_entropy_one_hot(
                    &Array::from_elem((5, 2), 0.5_f64),
                    &nn::softmax(&Array::from_elem((5, 2), 0.5_f64), Axis(1)),
                ) + 1.0))
                + t8)
                .tanh())
        .tanh();
    }
    let mut t9: Array1<f64> = b + b;
    let mut t10: f64 = (t9.sum() * t9.sum() + 1.0).sqrt();
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t11: Array2<f64> = a.tanh();
        let t12 = (i as f64 * 0.3) * t4[[0, 0]];
        t9 = &t9 * 0.7 + &(t4[[0, 1]] / nn::logsumexp(c, Axis(0)).exp()).tanh();
        t10 = t10 * 0.8
            - (((t6[2].cos() * (c.sum() * c.sum() + 1.0).ln()) + t11.mean().unwrap()) + t12).tanh();
    }
    t9.sum() + 0.297 * t7 + 0.514 * t10
}

#[test]
fn test_f135() {
    let mut rng = Rng::new(232101698);
    let a = rand(&mut rng, (2, 4), 0.5, 1.5);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f135_grad(a.view(), &b, &c);
    common::assert_near(v, f135(a.view(), &b, &c), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f135(xx.view(), &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f135(a.view(), xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f135(a.view(), &b, xx), &c, &d_c, "dc");
}

// dims (4, 5, 2)
#[differentiable]
fn f136(a: &Array2<f64>, b: &Array2<f64>, c: ArrayView2<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1: Array2<f64> = b
        .view()
        .reversed_axes()
        .dot(&a.slice(s![.., ..4]))
        .to_shape(((4, 5), ord))
        .unwrap()
        .into_owned();
    let t2: Array2<f64> = if (b.std(0.0) + 0.344_f64) < 0.853 {
        t1.slice(s![.., ..4])
            .mapv(|v| ((v.tanh().exp()) * (v.tanh().exp()) + 0.5).sqrt())
            .dot(
                &ad_runtime::ndarray::concatenate(
                    Axis(0),
                    &[b.slice(s![1..3, ..]), c.slice(s![..2, ..])],
                )
                .unwrap(),
            )
            .mapv(f64::tanh)
    } else {
        (&t1 / &(nn::softplus(&nn::logsumexp(&t1, Axis(0)).insert_axis(Axis(0))) + 0.5))
            .mapv(|v| {
                if v > -0.238 {
                    v.powi(2) - 0.5
                } else {
                    v.powi(2) - 0.5
                }
            })
            .tanh()
    };
    let mut t3: Array2<f64> = &t1.column(4).insert_axis(Axis(1)) / (nn::softplus(&t1) + 0.5);
    let mut t4: f64 = c[[1, 3]];
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t5 = -&r;
        let t6: Array2<f64> = c.mapv(|v| v * t4);
        t3 = t3
            + &(&c
                .t()
                .to_shape(((4, 5), Order::RowMajor))
                .unwrap()
                .into_owned()
                - &t6)
                .mapv(f64::tanh);
        t4 = t4 * 0.8 - ((t4.cos() * t4.cos() + 1.0).sqrt() + t5.mean().unwrap());
    }
    let t7 = t1.index_axis(Axis(0), 2);
    let t8: f64 = t7.sum();
    nn::cross_entropy(&(&t7 * &c), &vec![0usize; 4]) + 0.941 * t2.sum() + 0.709 * t8
}

#[test]
fn test_f136() {
    let mut rng = Rng::new(232101710);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, (4, 5), 0.5, 1.5);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f136_grad(&a, &b, c.view(), k);
        common::assert_near(v, f136(&a, &b, c.view(), k), "value");
        assert_fd_array(|xx| f136(xx, &b, c.view(), k), &a, &d_a, "da");
        assert_fd_array(|xx| f136(&a, xx, c.view(), k), &b, &d_b, "db");
        let d_c: Array2<f64> = d_c;
        assert_fd_array(|xx| f136(&a, &b, xx.view(), k), &c, &d_c, "dc");
    }
}

// dims (5, 2, 4)
#[differentiable]
fn f137(a: &Array2<f64>, b: &Array1<f64>, c: &Array1<f64>, s: f64, p: f64) -> Array1<f64> {
    let t1 = b.view();
    let t2 = a.t();
    let t3: f64 = (&t1 / (-1.41_f64).exp()).var(0.0);
    let t4: Array1<f64> = &(&t1 + t2.index_axis(Axis(0), 2).dot(a)) + 1.36_f64;
    let mut t5: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t6: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t5 = t5 + &r;
        t6 = t6 * 0.8 - ((&t2 * &t2).sum() * (&t2 * &t2).sum() + 1.0).sqrt().tanh();
    }
    let t7 = t1.slice(s![1..]);
    (-t5.dot(&Array2::<f64>::eye(4))) + (c.sum() + s + p + t3 + t4.sum() + t5.sum() + t6 + t7.sum())
}

#[test]
fn test_f137() {
    let mut rng = Rng::new(232101722);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, 10, -1.0, 1.0);
    let s = -0.7211;
    let p = 0.7369;
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_s, d_p)) = f137_vjp(&a, &b, &c, s, p, seed.clone());
    assert_array(&y, &f137(&a, &b, &c, s, p), "value");
    assert_fd_array(|xx| inner(&seed, &f137(xx, &b, &c, s, p)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f137(&a, xx, &c, s, p)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f137(&a, &b, xx, s, p)), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f137(&a, &b, &c, xx[()], p)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f137(&a, &b, &c, s, xx[()])),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (2, 3, 5)
#[differentiable]
fn f138(a: Array2<f64>, b: &Array2<f64>, c: ArrayView2<f64>) -> f64 {
    let t1: Array2<f64> = (-&a.row(2)) * (&a / (-0.882_f64).exp());
    let t2 = c.column(1);
    let mut t3: f64 = 0.0;
    for i in 0..t2.len() - 1 {
        t3 += (t2[i + 1] * 0.5 - t2[i]).tanh();
    }
    let t4 = t1.t().map(|&v| v.tanh()).var(1.0).tanh();
    let mut t5: Array1<f64> = (-&t2).to_owned();
    let mut t6: f64 = t2[1];
    for i in 0..a.nrows() {
        let r = a.row(i);
        t5 = &(nn::softplus(&t5) + 0.5).ln() * (&b.column(3) * &b.column(3)).sum().tanh() + t5;
        t6 += t4.exp();
    }
    let t7 = t6.tanh();
    let mut t8: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t9: f64 = t8[1];
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t10: f64 = t2[2];
        let t11 = t1.t();
        t8 = &t8 * 0.7 + &c.fold_axis(Axis(1), f64::INFINITY, |m, x| m.min(*x));
        t9 = (t9 + (t11[[0, 3]] + t10).tanh()).tanh();
    }
    t2.sum().cos() + 0.223 * t3 + 0.241 * t6 + 0.23 * t7 + 0.347 * t9
}

#[test]
fn test_f138() {
    let mut rng = Rng::new(232101734);
    let a = rand(&mut rng, (5, 3), 0.5, 1.5);
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f138_grad(a.clone(), &b, c.view());
    common::assert_near(v, f138(a.clone(), &b, c.view()), "value");
    assert_fd_array(|xx| f138(xx.clone(), &b, c.view()), &a, &d_a, "da");
    assert_fd_array(|xx| f138(a.clone(), xx, c.view()), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f138(a.clone(), &b, xx.view()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f138_jvp(a.clone(), &b, c.view(), t_a.clone(), &t_b, t_c.view());
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
        f138_hvp(a.clone(), &b, c.view(), t_a.clone(), &t_b, t_c.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f138_grad(pp_a.clone(), &pp_b, pp_c.view());
    let (_, (gm_a, gm_b, gm_c)) = f138_grad(pm_a.clone(), &pm_b, pm_c.view());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (5, 4, 2)
#[differentiable]
fn f139(a: &Array2<f64>, b: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t2: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        t1 = t1 + &(&r * &r);
        t2 = (t2 + t2.tanh().sin()).tanh();
    }
    let t3 = ad_runtime::ndarray::stack(
        Axis(1),
        &[
            ((&a.column(1) / (nn::sigmoid(&a.std_axis(Axis(1), 1.0)) + 0.25))
                + &(&a.index_axis(Axis(1), 1) / 0.93_f64))
                .view(),
            (a.mean_axis(Axis(1)).unwrap() * Array::from_elem((5, 4), 0.25_f64).dot(&t1)).view(),
        ],
    )
    .unwrap();
    let t4: Array1<f64> = &Array::from_elem((20, 5), 0.25_f64)
        .dot(&Array::from_elem((5, 4), 1.5_f64))
        .dot(&t1.mapv(f64::cos))
        * (b.mapv(f64::cos) * &b.mapv(f64::sin));
    let mut t5: Array1<f64> = nn::softplus(&t4).to_owned();
    if t4.mean().unwrap() < -0.573 {
        let t6: f64 = t1.sum();
        t5 = &t5 * 0.424 + &nn::sigmoid(&t5.mapv(|v| v * v + 1.0).sqrt());
    }
    let t7: f64 = a.mean().unwrap();
    nn::cross_entropy_one_hot(
        &(-Array::from_elem((5, 4), 0.5_f64)),
        &nn::softmax(
            &Array::from_elem((4, 5), 1.5_f64)
                .to_shape(((5, 4), Order::C))
                .unwrap()
                .into_owned(),
            Axis(1),
        ),
    ) + (&t3 * &t3).mean().unwrap()
        + 0.458 * t7
}

#[test]
fn test_f139() {
    let mut rng = Rng::new(232101746);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, 20, 0.5, 1.5);
    let c = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f139_grad(&a, &b, &c);
    common::assert_near(v, f139(&a, &b, &c), "value");
    assert_fd_array(|xx| f139(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f139(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f139(&a, &b, xx), &c, &d_c, "dc");
}

// dims (5, 4, 3)
#[differentiable]
fn h140(a: Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> = ((-1.06_f64).powi(2) + 0.5).ln() * &(a + (-0.539_f64));
    (-t1.dot(&t1.slice(s![..4, ..]))) + (t1.sum())
}

#[test]
fn test_h140() {
    let mut rng = Rng::new(232101758);
    let a = rand(&mut rng, (5, 4), 0.5, 1.5);
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, d_a) = h140_vjp(a.clone(), seed.clone());
    assert_array(&y, &h140(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h140(xx.clone())), &a, &d_a, "da");
}

// dims (5, 4, 3)
#[differentiable]
fn f140(a: &Array1<f64>, s: f64) -> Array1<f64> {
    let t1: Array1<f64> = a.sum().sin() / &(a + a).mapv(|v| v * v + 1.0);
    let t2: Array1<f64> = (&t1 * Array::from_elem((5, 3), 0.5_f64).var_axis(Axis(1), 0.0))
        / &t1.cos().map(|&v| v * 1.43).mapv(|v| v * v + 1.0);
    let t3: f64 = (t1[2].cos().powi(2) + 0.5).ln();
    let mut t4: f64 = 0.0;
    for i in 1..a.len() {
        t4 += (a[i] - a[i - 1]).powi(2) * 1.08;
    }
    let t5 = t4.tanh();
    Array2::<f64>::eye(5)
        .exp()
        .var_axis(Axis(0), 0.0)
        .mapv(f64::tanh)
        + (s + t2.sum() + t3 + t5)
}

#[test]
fn test_f140() {
    let mut rng = Rng::new(232101760);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let s = 0.8929;
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_s)) = f140_vjp(&a, s, seed.clone());
    assert_array(&y, &f140(&a, s), "value");
    assert_fd_array(|xx| inner(&seed, &f140(xx, s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f140(&a, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 4, 2)
#[differentiable]
fn h141(a: &Array2<f64>, b: &Array1<f64>, c: Array2<f64>) -> Array1<f64> {
    let t1: Array2<f64> = (b[1] + 0.557).abs() - (c.mean().unwrap() / &c);
    let mut t2: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t3: f64 = -1.02_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = r;
        let t5: Array1<f64> = c.slice(s![.., 2..]).to_shape(4).unwrap().to_owned();
        t2 = (&t2 + &(&(&((&r - r.mapv(f64::sin)) + t4) - &t5) * 0.364)).mapv(f64::tanh);
        t3 = t3 * 0.8 - b.mean().unwrap();
    }
    (-&Array::from_elem((4, 4), 1.5_f64)).dot(&nn::softmax(&t2, Axis(0)))
        + (t1.sum() + (&t2 * &t2).mean().unwrap() + t3)
}

#[test]
fn test_h141() {
    let mut rng = Rng::new(232101772);
    let a = rand(&mut rng, (3, 4), 0.5, 1.5);
    let b = rand(&mut rng, 12, -1.0, 1.0);
    let c = rand(&mut rng, (2, 4), 0.5, 1.5);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h141_vjp(&a, &b, c.clone(), seed.clone());
    assert_array(&y, &h141(&a, &b, c.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h141(xx, &b, c.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h141(&a, xx, c.clone())), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h141(&a, &b, xx.clone())), &c, &d_c, "dc");
}

// dims (3, 4, 2)
#[differentiable]
fn f141(a: &Array2<f64>) -> f64 {
    let mut t1: Array2<f64> = a * a;
    let mut t2: f64 = (-1.29_f64) - 0.408_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3: Array2<f64> = &r - &t1;
        t1 = (&t1 + &(&Array2::<f64>::eye(3).dot(&t3) * 0.333)).mapv(f64::tanh);
        t2 = (t2 + t2.exp().tanh()).tanh();
    }
    let t4 = -&(a[[0, 0]] * &t1);
    let t5: f64 = a[[2, 0]] + a.sum();
    a.mean().unwrap() + 0.584 * t5
}

#[test]
fn test_f141() {
    let mut rng = Rng::new(232101774);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, d_a) = f141_grad(&a);
    common::assert_near(v, f141(&a), "value");
    assert_fd_array(|xx| f141(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f141_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f141_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f141_grad(&pp_a);
    let (_, gm_a) = f141_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 2, 4)
#[differentiable]
fn h142(a: &Array1<f64>, s: f64, b: Array1<f64>) -> f64 {
    let t1: Array1<f64> =
        &(&a.view().insert_axis(Axis(0)) - &a.view().insert_axis(Axis(1))).dot(&(a / a)) * 0.0444;
    let t2 = (-&t1) / ((a[1] - (-0.942_f64)).powi(2) + 0.5);
    let t3 = b.view();
    (Array1::<f64>::ones(2) - Array::from_elem(2, 0.5_f64)).var(0.0)
        + 0.846 * s
        + (&t2 * &t2).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_h142() {
    let mut rng = Rng::new(232101786);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let s = 0.6644;
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_s, d_b)) = h142_grad(&a, s, b.clone());
    common::assert_near(v, h142(&a, s, b.clone()), "value");
    assert_fd_array(|xx| h142(xx, s, b.clone()), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h142(&a, xx[()], b.clone()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| h142(&a, s, xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h142_jvp(&a, s, b.clone(), &t_a, t_s, t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum();
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b), (hh_a, hh_s, hh_b)) =
        h142_hvp(&a, s, b.clone(), &t_a, t_s, t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b)) = h142_grad(&pp_a, pp_s, pp_b.clone());
    let (_, (gm_a, gm_s, gm_b)) = h142_grad(&pm_a, pm_s, pm_b.clone());
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

// dims (5, 2, 4)
#[differentiable]
fn f142(a: Array2<f64>, b: &Array1<f64>, c: ArrayView2<f64>, d: &Array1<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t1 += b[i] * b[i + 1];
    }
    let mut t2: f64 = 0.0;
    for i in 0..d.len() - 1 {
        t2 += (d[i + 1] * 1.0 - d[i]).tanh();
    }
    let t3: Array2<f64> = (c[[1, 1]] / &Array2::<f64>::eye(5).mapv(|v| v * v + 1.0))
        .dot(&Array::from_elem((5, 5), 0.5_f64).dot(&c))
        .mapv(f64::tanh);
    let t4 = h142(
        &(d + d).exp(),
        1.31_f64.sqrt(),
        Array1::<f64>::linspace(-0.5, 0.5, 4).abs().to_owned(),
    );
    let t5: f64 = t4.tanh();
    let t6 =
        (&a.view()
            .reversed_axes()
            .fold_axis(Axis(0), f64::INFINITY, |&acc: &f64, &x: &f64| {
                acc.min((x - t5).powi(2))
            })
            + b)
            .tanh();
    ((a.mean().unwrap() * a.mean().unwrap() + 1.0).ln() / (0.915_f64.ln().powi(2) + 0.5))
        + 0.586 * t1
        + 0.486 * t2
        + (&t3 * &t3).mean().unwrap()
        + 0.219 * t4
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f142() {
    let mut rng = Rng::new(232101788);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f142_grad(a.clone(), &b, c.view(), &d);
    common::assert_near(v, f142(a.clone(), &b, c.view(), &d), "value");
    assert_fd_array(|xx| f142(xx.clone(), &b, c.view(), &d), &a, &d_a, "da");
    assert_fd_array(|xx| f142(a.clone(), xx, c.view(), &d), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f142(a.clone(), &b, xx.view(), &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f142(a.clone(), &b, c.view(), xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 5, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f142_jvp(
        a.clone(),
        &b,
        c.view(),
        &d,
        t_a.clone(),
        &t_b,
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
    let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) = f142_hvp(
        a.clone(),
        &b,
        c.view(),
        &d,
        t_a.clone(),
        &t_b,
        t_c.view(),
        &t_d,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f142_grad(pp_a.clone(), &pp_b, pp_c.view(), &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f142_grad(pm_a.clone(), &pm_b, pm_c.view(), &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (4, 2, 3)
#[differentiable]
fn f143(a: &Array1<f64>, b: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = &(-b) + (0.337_f64 / (-0.643_f64).exp());
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 += a[i] * a[i + 1];
    }
    let mut t3: f64 = 0.0;
    for i in 0..3 {
        t3 = t3 * 0.8 + b[i].sin() * b[i + 1];
    }
    let mut t4: Array1<f64> = Array::from_elem((4, 4), 0.5_f64).dot(b).to_owned();
    if t2 > -0.824 {
        t4 = &t4 * 0.694 + &(&t1 / t4.mapv(|v| v * v + 1.0));
    } else {
        t4 = &(&Array::from_elem((2, 4), 1.5_f64).var_axis(Axis(0), 1.0) * 0.444) - &t4;
    }
    let t5: Array1<f64> = b.abs().mapv_into(|v| {
        if v > 0.208 {
            (v * 1.08) * (v * 0.681)
        } else {
            (v * t2).sin()
        }
    });
    (nn::sigmoid(a) + 0.25).ln().mapv(|v| v * 1.21) * (t3 + (&t5 * &t5).mean().unwrap())
}

#[test]
fn test_f143() {
    let mut rng = Rng::new(232101800);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b)) = f143_vjp(&a, &b, seed.clone());
    assert_array(&y, &f143(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f143(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f143(&a, xx)), &b, &d_b, "db");
}

// dims (5, 2, 3)
#[differentiable]
fn f144(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let t1 = b.sum().tanh();
    let mut t2 = Array1::<f64>::zeros(2);
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t2 = (&t2 + &(b * &t2)).mapv(f64::tanh);
        t3 += t1.cos().cos();
    }
    let mut t4: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t4 += b[i] * b[i + 1];
    }
    t1.exp().ln().tanh() + 0.753 * t3 + 0.959 * t4
}

#[test]
fn test_f144() {
    let mut rng = Rng::new(232101812);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b)) = f144_grad(&a, &b);
    common::assert_near(v, f144(&a, &b), "value");
    assert_fd_array(|xx| f144(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f144(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f144_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f144_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f144_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f144_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 4, 2)
#[differentiable]
fn f145(a: &Array1<f64>, b: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let t1 = (c / &(&a.view().insert_axis(Axis(1)) / &c.mapv(|v| v * v + 1.0))
        .mapv(|v| v * v + 1.0))
        .sum();
    let t2: f64 = ((b.sum() * b.sum() + 1.0).ln() + 0.341).abs();
    let t3: f64 = c.sum();
    let t4 = t1.tanh().exp();
    let mut t5: Array1<f64> = (b + b).to_owned();
    if ((t5.sum() * 0.575_f64) / (b.sum() * b.sum() + 1.0)) < 0.178 {
        let t6 = t3.tanh().exp();
        t5 = &t5 * 0.535 + &t5;
    } else {
        t5 = &(-b) - &t5;
    }
    let t7 = &nn::sigmoid(
        &(&a.view().insert_axis(Axis(1)) * &a.view().insert_axis(Axis(0)))
            .dot(&Array::from_elem((4, 5), 1.5_f64).dot(&Array::from_elem((5, 2), 0.5_f64))),
    ) / &(c
        .t()
        .to_shape(((4, 2), Order::ColumnMajor))
        .unwrap()
        .into_owned()
        - &(a + a).insert_axis(Axis(1)))
        .mapv(|v| v * v + 1.0);
    t4 + 0.411 * t2 + 0.292 * t4 + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f145() {
    let mut rng = Rng::new(232101824);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f145_grad(&a, &b, &c);
    common::assert_near(v, f145(&a, &b, &c), "value");
    assert_fd_array(|xx| f145(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f145(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f145(&a, &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f145_jvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c), (hh_a, hh_b, hh_c)) = f145_hvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f145_grad(&pp_a, &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = f145_grad(&pm_a, &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 2, 5)
#[differentiable]
fn f146(a: &Array2<f64>, b: Array1<f64>, c: &Array2<f64>) -> Array1<f64> {
    let t1 = a.row(3).exp().dot(
        &(a.fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &v: &f64| m.min(v))
            - a.index_axis(Axis(0), 2)),
    );
    let t2 = b.slice(s![1..]);
    let mut t3: Array1<f64> = (0.389_f64 * &b).to_owned();
    let mut t4: f64 = t2.mean().unwrap() + c[[1, 4]];
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t5 = c
            .slice(s![..2, 2..4])
            .to_shape((4, Order::ColumnMajor))
            .unwrap()
            .to_owned();
        t3 = t3
            + &a.fold_axis(Axis(0), f64::INFINITY, |&acc: &f64, &x: &f64| {
                (x * -0.481).min(acc)
            })
            .dot(&c.slice(s![..2, ..]));
        t4 = t4 * 0.8 - ((t2.mean().unwrap().cos() + t4) + t5.mean().unwrap()).tanh();
    }
    let mut t6: f64 = 0.0;
    for i in 1..b.len() {
        t6 += (b[i] - b[i - 1]).powi(2) * 0.78;
    }
    let t7 = t6.tanh();
    let t8 = c.index_axis(Axis(0), 2);
    let t9: ArrayView1<f64> = b.slice(s![1..]);
    (&(0.706_f64 + &c.t()).dot(&c.slice(s![..2, 1..]).fold_axis(
        Axis(0),
        f64::NEG_INFINITY,
        |&m, &v| ((v - t7).powi(2)).max(m),
    )) * 0.0733)
        * (t1 + t3.sum() + t7 + (&t8 * &t8).mean().unwrap() + (&t9 * &t9).mean().unwrap())
}

#[test]
fn test_f146() {
    let mut rng = Rng::new(232101836);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f146_vjp(&a, b.clone(), &c, seed.clone());
    assert_array(&y, &f146(&a, b.clone(), &c), "value");
    assert_fd_array(|xx| inner(&seed, &f146(xx, b.clone(), &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f146(&a, xx.clone(), &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f146(&a, b.clone(), xx)), &c, &d_c, "dc");
}

// dims (2, 3, 4)
#[differentiable]
fn f147(a: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = (nn::sigmoid(&(a / 0.319_f64.exp())) + 0.25).powf(1.5);
    let t2 = a.view();
    let t3: Array1<f64> = t2[1].exp().ln() + ((a + &t2) * a.mean().unwrap());
    let t4 = if ((-0.445_f64) + 1.5_f64.tanh()) < 0.439 {
        Array::from_elem((3, 2), 1.5_f64)
            .exp()
            .fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| f64::max(v, m))
    } else {
        (a / &t3.mapv(|v| v * v + 1.0)).mapv(f64::tanh)
    };
    nn::sigmoid(&(a / &t1.exp()).mapv(|v| ((v.powi(2) - 0.5) * (v.powi(2) - 0.5) + 0.5).sqrt()))
        * ((&t1 * &t1).mean().unwrap() + (&t4 * &t4).mean().unwrap())
}

#[test]
fn test_f147() {
    let mut rng = Rng::new(232101848);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, d_a) = f147_vjp(&a, seed.clone());
    assert_array(&y, &f147(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f147(xx)), &a, &d_a, "da");
}

// dims (3, 4, 5)
#[differentiable]
fn f148(a: Array2<f64>, b: ArrayView2<f64>, c: &Array2<f64>, d: &Array1<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..d.len() - 1 {
        t1 += (d[i + 1] * 0.59 - d[i]).tanh();
    }
    let t2: ArrayView1<f64> = d.slice(s![1..]);
    let t3 = d.view();
    let t4: Array2<f64> =
        (&a / (t3[3].powi(2) + 0.5)).mapv_into(|v| (if v > -0.195 { v } else { v }).powi(2) - 0.5);
    a.cos().std(1.0)
        + (&b * &b).mean().unwrap()
        + 0.591 * c.sum()
        + 0.565 * t1
        + (&t2 * &t2).mean().unwrap()
        + 0.203 * t4.sum()
}

#[test]
fn test_f148() {
    let mut rng = Rng::new(232101860);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), 0.5, 1.5);
    let d = rand(&mut rng, 12, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f148_grad(a.clone(), b.view(), &c, &d);
    common::assert_near(v, f148(a.clone(), b.view(), &c, &d), "value");
    assert_fd_array(|xx| f148(xx.clone(), b.view(), &c, &d), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f148(a.clone(), xx.view(), &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f148(a.clone(), b.view(), xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f148(a.clone(), b.view(), &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 12, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f148_jvp(
        a.clone(),
        b.view(),
        &c,
        &d,
        t_a.clone(),
        t_b.view(),
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
    let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) = f148_hvp(
        a.clone(),
        b.view(),
        &c,
        &d,
        t_a.clone(),
        t_b.view(),
        &t_c,
        &t_d,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f148_grad(pp_a.clone(), pp_b.view(), &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f148_grad(pm_a.clone(), pm_b.view(), &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (5, 4, 2)
#[differentiable]
fn f149(a: ArrayView2<f64>, s: f64, b: &Array1<f64>, c: &Array1<f64>, d: ArrayView2<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 1..c.len() {
        t1 += (c[i] - c[i - 1]).powi(2) * 1.45;
    }
    let t2: f64 = t1.tanh();
    let t3 = c.slice(s![1..]);
    let t4 = b.view();
    let t5: f64 = nn::cross_entropy_one_hot(
        &(Array::from_elem((5, 4), 0.25_f64) - t4.sum()),
        &nn::softmax(
            &Array::from_elem((5, 4), 0.5_f64).mapv_into(f64::tanh),
            Axis(1),
        ),
    );
    c.dot(&Array::from_elem((4, 3), 1.5_f64)).var(1.0)
        + 0.612 * a.sum()
        + 0.458 * s
        + (&d * &d).mean().unwrap()
        + 0.48 * t2
        + (&t3 * &t3).mean().unwrap()
        + 0.368 * t5
}

#[test]
fn test_f149() {
    let mut rng = Rng::new(232101872);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let s = -0.3597;
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_c, d_d)) = f149_grad(a.view(), s, &b, &c, d.view());
    common::assert_near(v, f149(a.view(), s, &b, &c, d.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f149(xx.view(), s, &b, &c, d.view()), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f149(a.view(), xx[()], &b, &c, d.view()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f149(a.view(), s, xx, &c, d.view()), &b, &d_b, "db");
    assert_fd_array(|xx| f149(a.view(), s, &b, xx, d.view()), &c, &d_c, "dc");
    let d_d: Array2<f64> = d_d;
    assert_fd_array(|xx| f149(a.view(), s, &b, &c, xx.view()), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 4, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f149_jvp(
        a.view(),
        s,
        &b,
        &c,
        d.view(),
        t_a.view(),
        t_s,
        &t_b,
        &t_c,
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
    let (hv, (hg_a, hg_s, hg_b, hg_c, hg_d), (hh_a, hh_s, hh_b, hh_c, hh_d)) = f149_hvp(
        a.view(),
        s,
        &b,
        &c,
        d.view(),
        t_a.view(),
        t_s,
        &t_b,
        &t_c,
        t_d.view(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_c, gp_d)) =
        f149_grad(pp_a.view(), pp_s, &pp_b, &pp_c, pp_d.view());
    let (_, (gm_a, gm_s, gm_b, gm_c, gm_d)) =
        f149_grad(pm_a.view(), pm_s, &pm_b, &pm_c, pm_d.view());
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

// dims (2, 3, 4)
#[differentiable]
fn f150(a: ArrayView2<f64>, s: f64, b: &Array1<f64>, c: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = ((b[1] - s)
        / (&Array::from_elem((4, 4), 1.5_f64).dot(c) * &Array::from_elem((4, 4), 1.5_f64).dot(c)
            + 0.5))
        - (&a * &a).sum().tanh();
    let t2 = b.slice(s![1..]);
    let mut t3: f64 = 0.0;
    for i in 0..3 {
        t3 = t3 * 0.8 + c[i].sin() * c[i + 1];
    }
    let mut t4: f64 = 0.0;
    for i in 0..3 {
        t4 += (c[i + 1] * s - c[i]).tanh();
    }
    let mut t5: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t6: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t5 = &r * t2.mean().unwrap().sin() + t5;
        t6 = t6 * 0.8 - nn::mse(&(-&t2), &(t2.mean().unwrap() / &t2)).tanh();
    }
    let t7 = if t1[3] > -0.0579 {
        nn::logsumexp(
            &ad_runtime::ndarray::concatenate(Axis(1), &[a, a.slice(s![.., ..2])]).unwrap(),
            Axis(0),
        )
    } else {
        (&t2 / &t2) - &t2
    };
    let t8 = t7.view();
    a.slice(s![.., 1..])
        .to_shape(((2, 2), Order::F))
        .unwrap()
        .to_shape(4)
        .unwrap()
        .into_owned()
        * (t3 + t4 + (&t5 * &t5).mean().unwrap() + t6 + t8.sum())
}

#[test]
fn test_f150() {
    let mut rng = Rng::new(232101884);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let s = 1.3407;
    let b = rand(&mut rng, 6, 0.5, 1.5);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_s, d_b, d_c)) = f150_vjp(a.view(), s, &b, &c, seed.clone());
    assert_array(&y, &f150(a.view(), s, &b, &c), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(
        |xx| inner(&seed, &f150(xx.view(), s, &b, &c)),
        &a,
        &d_a,
        "da",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f150(a.view(), xx[()], &b, &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| inner(&seed, &f150(a.view(), s, xx, &c)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f150(a.view(), s, &b, xx)),
        &c,
        &d_c,
        "dc",
    );
}

// dims (5, 4, 2)
#[differentiable]
fn f151(a: &Array1<f64>, b: Array1<f64>, k: usize, c: &Array2<f64>) -> Array1<f64> {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1: Array2<f64> = Array::from_elem((4, 5), 0.5_f64)
        .sqrt()
        .to_shape(((5, 4), ord))
        .unwrap()
        .into_owned();
    let t2: Array2<f64> = ((0.989_f64 + &t1.slice(s![1.., 1..3]))
        - &c.view()
            .reversed_axes()
            .to_shape((4, 2))
            .unwrap()
            .into_owned())
        .tanh();
    let mut t3: Array1<f64> = &c
        .fold_axis(Axis(0), f64::NEG_INFINITY, |&acc, &x| acc.max(x * -0.563))
        / &t2.index_axis(Axis(0), 3).mapv(|v| v * v + 1.0);
    let mut t4: f64 = -0.488_f64;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t5: f64 = t1.mean().unwrap();
        t3 = &t3 * 0.7 + &(&r - &r);
        t4 = t4 * 0.8 - ((c.mean().unwrap() * b.mean().unwrap()).sin() + t5);
    }
    let t6 = (&Array::from_elem((5, 5), 0.5_f64).dot(&t1.mapv(f64::cos))
        * &Array::from_elem((5, 5), 0.5_f64).dot(&t1.mapv(f64::cos)))
        .sum();
    let t7: Array2<f64> = &(t4 + &(&t1 + &t1.index_axis(Axis(0), 4).insert_axis(Axis(0))))
        - &t1.row(3).mapv(|v| v).insert_axis(Axis(0));
    let t8 = (t1.fold_axis(Axis(1), f64::INFINITY, |&m, &v| v.min(m))
        / (nn::softplus(&b.sin()) + 0.5))
        .mapv(|v| (v.tanh()).tanh());
    let mut t9: Array1<f64> = c.column(1).to_owned();
    let mut t10: f64 = t3[0].powi(2).tanh();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t11: Array1<f64> = nn::sigmoid(&t7.sum_axis(Axis(1)));
        t9 = &t9 * 0.7 + &r;
        t10 += t3.var(0.0).sin() + t11.mean().unwrap();
    }
    nn::sigmoid(&(&t3 / t9.dot(c).tanh().exp()))
        * ((a * a).mean().unwrap() + t6 + (&t8 * &t8).mean().unwrap() + t9.sum() + t10)
}

#[test]
fn test_f151() {
    let mut rng = Rng::new(232101896);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 2, -1.0, 1.0);
        let (y, (d_a, d_b, d_c)) = f151_vjp(&a, b.clone(), k, &c, seed.clone());
        assert_array(&y, &f151(&a, b.clone(), k, &c), "value");
        assert_fd_array(
            |xx| inner(&seed, &f151(xx, b.clone(), k, &c)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f151(&a, xx.clone(), k, &c)),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f151(&a, b.clone(), k, xx)),
            &c,
            &d_c,
            "dc",
        );
    }
}

// dims (4, 3, 5)
#[differentiable]
fn f152(a: Array2<f64>) -> f64 {
    let t1 = a.t();
    let t2 = (((-0.782_f64) + 0.47).abs() * ((-0.782_f64) + 0.47).abs() + 1.0).sqrt();
    let t3 = if (t1[[1, 0]] * a.mean().unwrap()).cos() > -0.247 {
        (t2 - t2) / (t2.sin().powi(2) + 0.5)
    } else {
        a[[2, 0]]
    };
    let t4 = nn::softplus(&a.view().reversed_axes());
    let t5: ArrayView2<f64> = t4.t();
    t1[[2, 1]] + 0.453 * t3 + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f152() {
    let mut rng = Rng::new(232101908);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, d_a) = f152_grad(a.clone());
    common::assert_near(v, f152(a.clone()), "value");
    assert_fd_array(|xx| f152(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f152_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f152_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f152_grad(pp_a.clone());
    let (_, gm_a) = f152_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 5, 2)
#[differentiable]
fn f153(a: ArrayView2<f64>, s: f64) -> f64 {
    let t1: f64 = nn::cross_entropy_one_hot(
        &(-&(&Array::from_elem((3, 5), 1.5_f64) - a.sum())),
        &nn::softmax(
            &(&a.slice(s![..3, ..]) - &Array1::<f64>::ones(3).insert_axis(Axis(1)))
                .dot(&(&a.view().reversed_axes() * &a.row(3).insert_axis(Axis(1)))),
            Axis(1),
        ),
    );
    let t2 = Array2::<f64>::eye(5)
        .dot(&a)
        .dot(&a.slice(s![2..4, ..]).abs())
        .map(|&v| v);
    let t3: Array2<f64> = (&nn::sigmoid(&t2.fold_axis(
        Axis(0),
        f64::NEG_INFINITY,
        |&m: &f64, &x: &f64| (x * 1.51).max(m),
    ))
    .insert_axis(Axis(1))
        * &a.t())
        .to_shape((10, Order::RowMajor))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((5, 2), Order::C))
        .unwrap();
    let mut t4: Array2<f64> = a.to_owned();
    let mut t5: f64 = t2[[3, 0]].cos();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t6 = (i as f64 * 0.3);
        t4 = t4 + &nn::sigmoid(&a);
        t5 += (i as f64 * 0.3) + t6;
    }
    let t7 = t5.tanh();
    let mut t8: Array2<f64> = t4
        .mapv(|v| ((v * t7).powi(2) - 0.5).tanh().exp())
        .to_owned();
    if t3[[3, 1]] < -0.259 {
        t8 = &t8 * 0.737
            + &nn::sigmoid(
                &(&t2
                    * t2.fold_axis(Axis(0), f64::INFINITY, |m, v| m.min(*v))
                        .insert_axis(Axis(0))),
            );
    }
    let t9: Array2<f64> = (-&t3
        .index_axis(Axis(1), 1)
        .mapv(|v| ((v.sin()) * (v.sin()) + 1.0).ln()))
        .insert_axis(Axis(1))
        - (&(t4.mean().unwrap() + &t2.row(4)) * 0.125)
            .dot(&nn::softmax(&t2.slice(s![2..4, ..]), Axis(1)))
            .insert_axis(Axis(0));
    let mut t10 = Array2::<f64>::zeros((5, 2));
    let mut t11: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t12 = -&t8;
        let t13: f64 = t9.mean().unwrap().powi(2).tanh();
        t10 = (&t10
            + &(&t3
                .t()
                .to_shape((10, Order::ColumnMajor))
                .unwrap()
                .into_owned()
                .into_shape_with_order(((5, 2), Order::F))
                .unwrap()
                - t12)
                .mapv(f64::tanh))
            .mapv(f64::tanh);
        t11 = t11 * 0.8 - ((i as f64 * 0.3) + t13);
    }
    let t14 = t11.tanh();
    t14 + 0.818 * s + 0.733 * t1 + 0.413 * t5 + 0.821 * t10.sum() + 0.765 * t11 + 0.299 * t14
}

#[test]
fn test_f153() {
    let mut rng = Rng::new(232101920);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let s = -0.7622;
    let (v, (d_a, d_s)) = f153_grad(a.view(), s);
    common::assert_near(v, f153(a.view(), s), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f153(xx.view(), s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f153(a.view(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 2, 3)
#[differentiable]
fn f154(a: Array2<f64>) -> f64 {
    let t1: Array2<f64> = nn::sigmoid(&nn::sigmoid(
        &(&a.t().dot(&a.mean_axis(Axis(1)).unwrap())
            * &a.view()
                .reversed_axes()
                .to_shape((8, Order::C))
                .unwrap()
                .into_owned()
                .into_shape_with_order(((4, 2), Order::RowMajor))
                .unwrap()),
    ));
    let t2 = nn::log_softmax(&a.sin().mapv(|v| v), Axis(0));
    let t3 = (&(1.11_f64 / (&Array2::<f64>::eye(4) * &Array2::<f64>::eye(4) + 0.5))
        .dot(&(&t1 * t1.sum_axis(Axis(0))))
        * 0.0564)
        .mapv_into(f64::tanh);
    let mut t4: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t5: f64 = nn::mse(&t2, &t3);
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t4 = &t3.t().var_axis(Axis(1), 0.0) * t5.tanh() + t4;
        t5 = (t5 + t2.mean().unwrap().tanh()).tanh();
    }
    let t6 = &(-(&t4.mapv(|v| ((v * 0.948).tanh().exp()) * (v * t5)) * 0.0919))
        .insert_axis(Axis(0))
        / (nn::sigmoid(&((t1.sum_axis(Axis(1)) / a[[0, 0]]) + t2.std(1.0)).insert_axis(Axis(1)))
            + 0.25);
    Array1::<f64>::linspace(-0.5, 0.5, 3)
        .mapv(|v| ((v * t5) * t5 + t5) * (v * 0.63))
        .dot(&(0.929_f64 - Array1::<f64>::linspace(-0.5, 0.5, 3)))
        + 0.34 * t6.sum()
}

#[test]
fn test_f154() {
    let mut rng = Rng::new(232101932);
    let a = rand(&mut rng, (4, 2), 0.5, 1.5);
    let (v, d_a) = f154_grad(a.clone());
    common::assert_near(v, f154(a.clone()), "value");
    assert_fd_array(|xx| f154(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f154_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f154_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f154_grad(pp_a.clone());
    let (_, gm_a) = f154_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 4, 3)
#[differentiable]
fn f155(a: &Array2<f64>, b: &Array2<f64>, c: Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = a
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &v: &f64| v.max(m))
        .to_owned();
    let mut t2: f64 = (-1.37_f64).cos();
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3: Array1<f64> = &r + &r;
        t1 = &t1 * 0.7 + &t3;
        t2 = (t2 + (t2 * t2 + 1.0).sqrt()).tanh();
    }
    let t4: Array2<f64> = &a
        .index_axis(Axis(1), 1)
        .mapv(|v| {
            if v > 0.0796 {
                if v > -0.575 { v } else { v * t2 }
            } else {
                v * 0.666
            }
        })
        .map(|&v| v * 1.22)
        .insert_axis(Axis(1))
        * b.column(0)
            .mapv(|v| (if v > 0.117 { v } else { v }).tanh())
            .mapv_into(f64::tanh)
            .insert_axis(Axis(0));
    let mut t5: Array1<f64> = (&a.row(0) + &t4.index_axis(Axis(0), 1)).to_owned();
    let mut t6: f64 = nn::cross_entropy_one_hot(
        &b.slice(s![..2, ..]),
        &nn::softmax(&b.slice(s![1.., ..]), Axis(1)),
    );
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t7 = t2 - t1[1];
        let t8: f64 = t6;
        t5 = (&t5 + &(&r * nn::softmax(&r, Axis(0)))).mapv(f64::tanh);
        t6 = (t6 + ((c.mean().unwrap() + t7) + t8).tanh()).tanh();
    }
    let t9 = &a.column(1)
        / &(&ad_runtime::ndarray::concatenate(Axis(0), &[c.view(), c.view()]).unwrap()
            - t4.slice(s![.., 1..]).dot(&c))
        .mapv(|v| v * v + 1.0);
    let mut t10: f64 = 0.0;
    for i in 0..1 {
        t10 += (c[i + 1] * t2 - c[i]).tanh();
    }
    let t11 = t9.slice(s![1..]);
    let t12 = t11.view();
    (nn::cross_entropy(&b.slice(s![1.., ..]), &vec![3usize; 2])
        * nn::cross_entropy(&b.slice(s![1.., ..]), &vec![3usize; 2])
        + 1.0)
        .sqrt()
        + 0.639 * t5.sum()
        + 0.99 * t10
        + 0.461 * t12.sum()
}

#[test]
fn test_f155() {
    let mut rng = Rng::new(232101944);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f155_grad(&a, &b, c.clone());
    common::assert_near(v, f155(&a, &b, c.clone()), "value");
    assert_fd_array(|xx| f155(xx, &b, c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f155(&a, xx, c.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f155(&a, &b, xx.clone()), &c, &d_c, "dc");
}

// dims (5, 3, 2)
#[differentiable]
fn h156(a: &Array2<f64>, s: f64, b: &Array2<f64>) -> f64 {
    let t1: Array2<f64> = Array::from_elem((5, 5), 0.25_f64).dot(b).mapv_into(|v| v);
    let mut t2: Array1<f64> = (b.mean_axis(Axis(0)).unwrap() + b[[0, 2]]).to_owned();
    let mut t3: f64 = b[[3, 0]];
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4: Array1<f64> = t3 - &t2;
        let t5: Array1<f64> = r.sin();
        t2 = &((&r.mapv(f64::exp) - t4) + t5).mapv(f64::tanh) * r.sum().tanh() + t2;
        t3 = (t3 + (b / &r.exp()).mean().unwrap()).tanh();
    }
    (a.sum() + t2.dot(&t2)).tanh() + 0.583 * a.sum() + 0.768 * s + 0.772 * t1.sum()
}

#[test]
fn test_h156() {
    let mut rng = Rng::new(232101956);
    let a = rand(&mut rng, (5, 3), 0.5, 1.5);
    let s = -1.0831;
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, (d_a, d_s, d_b)) = h156_grad(&a, s, &b);
    common::assert_near(v, h156(&a, s, &b), "value");
    assert_fd_array(|xx| h156(xx, s, &b), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h156(&a, xx[()], &b),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| h156(&a, s, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h156_jvp(&a, s, &b, &t_a, t_s, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum();
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b), (hh_a, hh_s, hh_b)) = h156_hvp(&a, s, &b, &t_a, t_s, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b)) = h156_grad(&pp_a, pp_s, &pp_b);
    let (_, (gm_a, gm_s, gm_b)) = h156_grad(&pm_a, pm_s, &pm_b);
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

// dims (5, 3, 2)
#[differentiable]
fn f156(k: usize, a: Array2<f64>, b: &Array2<f64>) -> f64 {
    let ord = match k {
        0 => Order::C,
        _ => Order::F,
    };
    let t1 = (&b.sum_axis(Axis(0)).insert_axis(Axis(1))
        / &(nn::softplus(&b.column(2).insert_axis(Axis(0))) + 0.5))
        .to_shape(((5, 3), ord))
        .unwrap()
        .to_owned();
    let t2: ArrayView1<f64> = a.row(1);
    let mut t3: f64 = 0.0;
    for i in 0..t2.len() - 1 {
        let t4 = t2[i + 1] - t2[i] * t2[i];
        let t5 = 1.0 - t2[i];
        t3 += 2.79 * t4 * t4 + t5 * t5;
    }
    let t6: f64 = t3.tanh();
    let t7: Array2<f64> = b.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1))
        - &(&t2 / (&t2 * &t2 + 0.5))
            .dot(&(&b.slice(s![..3, ..]) / (t3 * t3 + 1.0)))
            .insert_axis(Axis(0));
    let t8 = (nn::sigmoid(&b.slice(s![2.., ..2]).dot(&a)) + 0.25)
        .powf(1.5)
        .dot(&(-&nn::logsumexp(&a, Axis(1))).dot(&(&t2 / &a.mapv(|v| v * v + 1.0))))
        .mapv(f64::tanh);
    (0.797_f64.powi(2) + t6)
        + 0.914 * t1.sum()
        + 0.528 * t6
        + (&t7 * &t7).mean().unwrap()
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f156() {
    let mut rng = Rng::new(232101958);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b)) = f156_grad(k, a.clone(), &b);
        common::assert_near(v, f156(k, a.clone(), &b), "value");
        assert_fd_array(|xx| f156(k, xx.clone(), &b), &a, &d_a, "da");
        assert_fd_array(|xx| f156(k, a.clone(), xx), &b, &d_b, "db");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (5, 3), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let (vj, tj) = f156_jvp(k, a.clone(), &b, t_a.clone(), &t_b);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f156_hvp(k, a.clone(), &b, t_a.clone(), &t_b);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b)) = f156_grad(k, pp_a.clone(), &pp_b);
        let (_, (gm_a, gm_b)) = f156_grad(k, pm_a.clone(), &pm_b);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    }
}

// dims (2, 4, 5)
#[differentiable]
fn h157(a: Array2<f64>) -> f64 {
    let t1: f64 = nn::mse(&a.slice(s![.., ..4]).dot(&a), &a.powi(3));
    let t2: Array2<f64> = &(-&a) + &a.mean_axis(Axis(0)).unwrap().tanh();
    let t3: Array2<f64> = &(&(t2[[3, 2]] + a.sum_axis(Axis(1))).insert_axis(Axis(1))
        + &(&a + &a.row(1).insert_axis(Axis(0))))
        * 0.154;
    ((t2[[3, 2]] / (t3.sum() * t3.sum() + 1.0)) + t1.sin()) + 0.771 * t1 + 0.264 * t3.sum()
}

#[test]
fn test_h157() {
    let mut rng = Rng::new(232101970);
    let a = rand(&mut rng, (4, 5), 0.5, 1.5);
    let (v, d_a) = h157_grad(a.clone());
    common::assert_near(v, h157(a.clone()), "value");
    assert_fd_array(|xx| h157(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h157_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h157_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h157_grad(pp_a.clone());
    let (_, gm_a) = h157_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 4, 5)
#[differentiable]
fn f157(a: &Array2<f64>, k: usize) -> Array2<f64> {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1: Array2<f64> = a
        .slice(s![1.., ..2])
        .to_shape(((2, 4), ord))
        .unwrap()
        .to_owned();
    let t2: Array2<f64> = if t1.sum() < -0.0857 {
        (nn::sigmoid(&a.tanh()) + 0.25).ln()
    } else {
        (a * a) * (-0.528_f64)
    };
    let t3 = (nn::sigmoid(
        &(((-0.383_f64) * (-0.383_f64) + 1.0).ln() / &t2.slice(s![..2, ..]).mapv(|v| v * v + 1.0)),
    ) + 0.25)
        .sqrt();
    let t4 = h157(
        (nn::sigmoid(
            &t2.slice(s![..4, 1..3])
                .dot(&Array::from_elem((2, 5), 0.25_f64)),
        ) + 0.25)
            .to_owned(),
    );
    let t5 = t4.tanh();
    nn::sigmoid(&t1).exp() * ((&t3 * &t3).mean().unwrap() + t4 + t5)
}

#[test]
fn test_f157() {
    let mut rng = Rng::new(232101972);
    let a = rand(&mut rng, (5, 4), 0.5, 1.5);
    for k in 0..2usize {
        let seed = rand(&mut rng, (2, 4), -1.0, 1.0);
        let (y, d_a) = f157_vjp(&a, k, seed.clone());
        assert_array(&y, &f157(&a, k), "value");
        assert_fd_array(|xx| inner(&seed, &f157(xx, k)), &a, &d_a, "da");
    }
}

// dims (2, 3, 5)
#[differentiable]
fn f158(a: ArrayView2<f64>, k: usize) -> Array2<f64> {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1: Array2<f64> = (&a.t() - &a.column(2).insert_axis(Axis(0)))
        .to_shape(((2, 3), ord))
        .unwrap()
        .to_owned();
    let t2 = if 1.13_f64.exp() < 0.9 {
        (a.sum_axis(Axis(0)) / 1.48_f64) + &nn::sigmoid(&t1)
    } else {
        a.map(|&v| ((v.powi(2) - 0.5) * (v.powi(2) - 0.5) + 0.5).sqrt())
            .mapv_into(|v| (v * v + 1.0).ln())
    };
    let t3 = t2.index_axis(Axis(0), 1);
    let t4: f64 = t3[2].tanh().exp();
    let t5: f64 = (&a.t() - &t1.column(2))
        .to_shape(((2, 3), Order::RowMajor))
        .unwrap()
        .to_owned()
        .mean()
        .unwrap();
    let t6 = t1.view().reversed_axes();
    let t7 = t1.column(1);
    let mut t8: Array2<f64> = t6.sin();
    let mut t9: f64 = 0.0;
    for i in 0..t6.nrows() {
        let r = t6.row(i);
        let t10: f64 = t4;
        t8 = &nn::sigmoid(&(&t3.insert_axis(Axis(1)) * &t6)) * t6.std(1.0).tanh() + t8;
        t9 += ((t10 * t2.sum()).tanh() - t4).tanh();
    }
    (&a / (t8[[0, 0]] * t8[[0, 0]] + 1.0))
        .to_shape((3, 2))
        .unwrap()
        .into_owned()
        + (t5 + t7.sum() + (&t8 * &t8).mean().unwrap() + t9)
}

#[test]
fn test_f158() {
    let mut rng = Rng::new(232101984);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    for k in 0..2usize {
        let seed = rand(&mut rng, (3, 2), -1.0, 1.0);
        let (y, d_a) = f158_vjp(a.view(), k, seed.clone());
        assert_array(&y, &f158(a.view(), k), "value");
        let d_a: Array2<f64> = d_a;
        assert_fd_array(|xx| inner(&seed, &f158(xx.view(), k)), &a, &d_a, "da");
    }
}

// dims (3, 4, 5)
#[differentiable]
fn f159(a: ArrayView2<f64>) -> f64 {
    let mut t1: Array2<f64> = a.dot(&Array::from_elem((5, 5), 0.25_f64)).to_owned();
    if (t1[[1, 3]].powi(2) + 0.5).ln().cos() > -0.309 {
        let t2: f64 = nn::cross_entropy(&a.slice(s![.., ..4]), &vec![0usize; 3]);
        t1 = &t1 * 0.473 + &(&a.slice(s![.., 2..]).dot(&a) * 0.296);
    }
    let mut t3: f64 = nn::cross_entropy_one_hot(
        &a.slice(s![.., 1..]),
        &nn::softmax(&a.slice(s![.., 1..]), Axis(1)),
    );
    if (a.mean().unwrap().powi(2) + 0.5).ln() < -0.218 {
        t3 = t3 * 0.405 + t1[[0, 1]].tanh();
    }
    let t4 = a.t();
    let t5: f64 = (t4[[0, 0]].sin().cos() * t4[[0, 0]].sin().cos() + 1.0).ln();
    let t6: Array2<f64> = a
        .t()
        .mapv(f64::tanh)
        .to_shape((15, Order::RowMajor))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((3, 5), Order::ColumnMajor))
        .unwrap()
        .cos();
    let mut t7: Array2<f64> = t1.mapv(|v| v * v + 1.0).sqrt();
    if ((t3 - 0.55_f64) * (t3 - 0.55_f64) + 1.0).sqrt() < 1.49 {
        t7 = &t7 * 0.614 + &t4.to_shape(((3, 5), Order::RowMajor)).unwrap().into_owned();
    } else {
        t7 = &t6
            .t()
            .to_shape((15, Order::F))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((3, 5), Order::ColumnMajor))
            .unwrap()
            - &t7;
    }
    let t8 = t6.view().reversed_axes();
    (&t8.t() - &a.index_axis(Axis(0), 0)).mean().unwrap()
        + 0.26 * t5
        + 0.848 * t7.sum()
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f159() {
    let mut rng = Rng::new(232101996);
    let a = rand(&mut rng, (3, 5), 0.5, 1.5);
    let (v, d_a) = f159_grad(a.view());
    common::assert_near(v, f159(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f159(xx.view()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f159_jvp(a.view(), t_a.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f159_hvp(a.view(), t_a.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f159_grad(pp_a.view());
    let (_, gm_a) = f159_grad(pm_a.view());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 3, 5)
#[differentiable]
fn h160(a: &Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    let t1 = b.view();
    nn::relu(&Array::from_elem((12, 4), 0.25_f64).dot(&Array::from_elem(4, 0.25_f64)))
        + (a.sum() + t1.sum())
}

#[test]
fn test_h160() {
    let mut rng = Rng::new(232102008);
    let a = rand(&mut rng, (3, 5), 0.5, 1.5);
    let b = rand(&mut rng, 12, -1.0, 1.0);
    let seed = rand(&mut rng, 12, -1.0, 1.0);
    let (y, (d_a, d_b)) = h160_vjp(&a, &b, seed.clone());
    assert_array(&y, &h160(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &h160(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h160(&a, xx)), &b, &d_b, "db");
}

// dims (4, 3, 5)
#[differentiable(wrt(b, c, d))]
fn f160(a: &Array2<f64>, b: Array2<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = d.sum_axis(Axis(0)) * &d.row(3);
    let mut t2: f64 = ((-0.847_f64) * (-0.847_f64) + 1.0).sqrt();
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3 = r.dot(&Array2::<f64>::eye(5));
        t1 = (&t1 + &(&r - t3).mapv(f64::tanh)).mapv(f64::tanh);
        t2 = (t2 + ((t2.powi(2) + 0.5).sqrt() + 0.483).abs()).tanh();
    }
    let t4 = c.view();
    let t5 = b.view();
    let t6 = t4.view();
    let mut t7: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t8: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t7 = &(&r - &t6) * t6[2].tanh() + t7;
        t8 = (t8 + (&t6 * &t7).var(1.0).tanh()).tanh();
    }
    let t9 = if 1.05_f64 > -0.0592 { t8 } else { t2 };
    t9.sin() + (&t1 * &t1).mean().unwrap() + (&t5 * &t5).mean().unwrap() + 0.291 * t9
}

#[test]
fn test_f160() {
    let mut rng = Rng::new(232102010);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (v, (d_b, d_c, d_d)) = f160_grad(&a, b.clone(), &c, &d);
    common::assert_near(v, f160(&a, b.clone(), &c, &d), "value");
    assert_fd_array(|xx| f160(&a, xx.clone(), &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f160(&a, b.clone(), xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f160(&a, b.clone(), &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 3, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f160_jvp(&a, b.clone(), &c, &d, t_b.clone(), &t_c, &t_d);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_b * &t_b).sum() + (&d_c * &t_c).sum() + (&d_d * &t_d).sum();
    let scale: f64 = (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_b, hg_c, hg_d), (hh_b, hh_c, hh_d)) =
        f160_hvp(&a, b.clone(), &c, &d, t_b.clone(), &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_b, gp_c, gp_d)) = f160_grad(&a, pp_b.clone(), &pp_c, &pp_d);
    let (_, (gm_b, gm_c, gm_d)) = f160_grad(&a, pm_b.clone(), &pm_c, &pm_d);
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (2, 4, 3)
#[differentiable]
fn f161(a: &Array1<f64>) -> f64 {
    let t1 = if (a[1] * a[1] + 1.0).sqrt().sin() > 0.11 {
        Array::from_elem((4, 3), 0.5_f64)
            .dot(&Array1::<f64>::ones(3))
            .dot(&Array2::<f64>::eye(4).cos())
    } else {
        (&Array1::<f64>::linspace(-0.5, 0.5, 2).insert_axis(Axis(1))
            - &Array::from_elem((2, 4), 0.25_f64))
            .fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| v.max(m))
    };
    let t2: Array1<f64> = (nn::sigmoid(a) + 0.25)
        .powf(1.5)
        .mapv(|v| (v.powi(2) - 0.5).tanh());
    let mut t3: Array1<f64> = (&t2 * t1).to_owned();
    if (t2[0] - t2[3]) > -0.21 {
        let t4: f64 = 1.14_f64;
        t3 = &t3 * 0.874 + &nn::sigmoid(&nn::log_softmax(&t2, Axis(0)));
    } else {
        t3 = &t2.exp() - &t3;
    }
    let t5: Array1<f64> = Array::from_elem((4, 3), 0.25_f64)
        .to_shape((12, Order::F))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((3, 4), Order::C))
        .unwrap()
        .var_axis(Axis(0), 1.0);
    1.42_f64.ln() + (&t3 * &t3).mean().unwrap() + 0.218 * t5.sum()
}

#[test]
fn test_f161() {
    let mut rng = Rng::new(232102022);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let (v, d_a) = f161_grad(&a);
    common::assert_near(v, f161(&a), "value");
    assert_fd_array(|xx| f161(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f161_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f161_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f161_grad(&pp_a);
    let (_, gm_a) = f161_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 5, 3)
#[differentiable]
fn f162(a: &Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    let t1 = 0.71_f64.sqrt().exp().exp();
    let mut t2 = Array1::<f64>::zeros(3);
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t2 = &t2 * 0.7 + &b.mapv(f64::sin);
        t3 = (t3 + t1.tanh()).tanh();
    }
    let mut t4 = Array1::<f64>::zeros(3);
    let mut t5: f64 = t2.mean().unwrap().cos();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t4 = &t4 * 0.7 + &(&r + b.sin());
        t5 = (t5 + (&t4 * &t4).sum().cos()).tanh();
    }
    let mut t6: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t6 += b[i] * b[i + 1];
    }
    let t7: Array1<f64> = (a.index_axis(Axis(1), 2).dot(a).insert_axis(Axis(0))
        * (-a.mean_axis(Axis(1)).unwrap()).insert_axis(Axis(1)))
    .var_axis(Axis(0), 1.0)
    .mapv(f64::tanh);
    let t8 = b.view();
    (t7.std(0.0) - &t8.mapv(|v| v * t6)) * (t3 + t5 + t6 + t7.sum() + (&t8 * &t8).mean().unwrap())
}

#[test]
fn test_f162() {
    let mut rng = Rng::new(232102034);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b)) = f162_vjp(&a, &b, seed.clone());
    assert_array(&y, &f162(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f162(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f162(&a, xx)), &b, &d_b, "db");
}

// dims (3, 4, 5)
#[differentiable]
fn f163(a: &Array2<f64>, k: usize, s: f64) -> f64 {
    let ord = match k {
        0 => Order::C,
        _ => Order::F,
    };
    let t1: Array2<f64> = (a.var_axis(Axis(0), 0.0).insert_axis(Axis(1))
        * &a.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc, &x| f64::max(x * s, acc))
            .insert_axis(Axis(0)))
        .to_shape(((3, 4), ord))
        .unwrap()
        .to_owned();
    let t2: ArrayView2<f64> = a.t();
    let t3: Array2<f64> = ((&a.column(3)
        / &a.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc, &x| x.max(acc))
            .mapv(|v| v * v + 1.0))
        .insert_axis(Axis(1))
        - nn::softplus(a))
    .sin();
    let t4: ArrayView1<f64> = t1.column(0);
    let t5: Array2<f64> = (nn::logsumexp(&t1, Axis(0)) / (a.sum() * a.sum() + 1.0))
        .insert_axis(Axis(0))
        / (nn::softplus(&(&t4 / ((-0.327_f64) * (-0.327_f64) + 1.0)).insert_axis(Axis(1))) + 0.5);
    let t6 = t1.t();
    ((a.sum() - a.mean().unwrap()).tanh() - (t3.sum() - s).tanh())
        + (&t2 * &t2).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
        + 0.448 * t5.sum()
        + 0.431 * t6.sum()
}

#[test]
fn test_f163() {
    let mut rng = Rng::new(232102046);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let s = -1.0555;
    for k in 0..2usize {
        let (v, (d_a, d_s)) = f163_grad(&a, k, s);
        common::assert_near(v, f163(&a, k, s), "value");
        assert_fd_array(|xx| f163(xx, k, s), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| f163(&a, k, xx[()]),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_s = 0.5;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let (vj, tj) = f163_jvp(&a, k, s, &t_a, t_s);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f163_hvp(&a, k, s, &t_a, t_s);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_s)) = f163_grad(&pp_a, k, pp_s);
        let (_, (gm_a, gm_s)) = f163_grad(&pm_a, k, pm_s);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(
            &Array::from_elem((), hh_s),
            &Array::from_elem((), gp_s),
            &Array::from_elem((), gm_s),
            hstep,
            "H t s",
        );
    }
}

// dims (4, 5, 4)
#[differentiable]
fn f164(k: usize, a: Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
    let ord = match k {
        0 => Order::F,
        _ => Order::C,
    };
    let t1: Array2<f64> = a
        .view()
        .reversed_axes()
        .to_shape(((4, 5), ord))
        .unwrap()
        .into_owned();
    let t2: ArrayView2<f64> = t1.t();
    let t3: Array2<f64> = (nn::cross_entropy(&a, &vec![2usize; 4])
        * (&a.mean_axis(Axis(1)).unwrap() * &a.mean_axis(Axis(1)).unwrap()).sum())
    .tanh()
        - &(-&(&b.std_axis(Axis(0), 1.0).insert_axis(Axis(1))
            * &t1.index_axis(Axis(0), 2).insert_axis(Axis(0))));
    let t4: Array2<f64> = &a.tanh() - &(&t2.column(2) - (-1.34_f64));
    let t5: Array2<f64> = (t2[[1, 0]] * 0.973_f64) + &t4;
    a.t().abs() * (t3.sum() + (&t5 * &t5).mean().unwrap())
}

#[test]
fn test_f164() {
    let mut rng = Rng::new(232102058);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), 0.5, 1.5);
    for k in 0..2usize {
        let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
        let (y, (d_a, d_b)) = f164_vjp(k, a.clone(), &b, seed.clone());
        assert_array(&y, &f164(k, a.clone(), &b), "value");
        assert_fd_array(|xx| inner(&seed, &f164(k, xx.clone(), &b)), &a, &d_a, "da");
        assert_fd_array(|xx| inner(&seed, &f164(k, a.clone(), xx)), &b, &d_b, "db");
    }
}

// dims (2, 3, 4)
#[differentiable]
fn h165(a: Array1<f64>, s: f64, b: &Array1<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t2 = a[i + 1] - a[i] * a[i];
        let t3 = 1.0 - a[i];
        t1 += 0.732 * t2 * t2 + t3 * t3;
    }
    let t4 = t1.tanh();
    let t5 = b.view();
    let t6: f64 = t1;
    (t4.cos() * t6.sin()) + 0.597 * s + 0.992 * t4 + (&t5 * &t5).mean().unwrap() + 0.44 * t6
}

#[test]
fn test_h165() {
    let mut rng = Rng::new(232102070);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let s = 0.3139;
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_s, d_b)) = h165_grad(a.clone(), s, &b);
    common::assert_near(v, h165(a.clone(), s, &b), "value");
    assert_fd_array(|xx| h165(xx.clone(), s, &b), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h165(a.clone(), xx[()], &b),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| h165(a.clone(), s, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h165_jvp(a.clone(), s, &b, t_a.clone(), t_s, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + (&d_b * &t_b).sum();
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_b), (hh_a, hh_s, hh_b)) =
        h165_hvp(a.clone(), s, &b, t_a.clone(), t_s, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b)) = h165_grad(pp_a.clone(), pp_s, &pp_b);
    let (_, (gm_a, gm_s, gm_b)) = h165_grad(pm_a.clone(), pm_s, &pm_b);
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

// dims (2, 3, 4)
#[differentiable]
fn f165(a: &Array2<f64>, b: Array2<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let t1: f64 = (c * c).sum() / (d[[3, 2]].exp() * d[[3, 2]].exp() + 1.0);
    let mut t2: Array1<f64> = c.dot(&a.slice(s![1.., ..3]));
    let mut t3: f64 = (t2.mean().unwrap().powi(2) + 0.5).ln();
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t4 = c[0] + &r;
        t2 = t2 + &(&((&r + &a.slice(s![.., ..2]).dot(c)) - t4) * 0.308);
        t3 += r.sum().exp().ln().tanh();
    }
    let t5: f64 = h165(
        c.mapv(|v| ((v.exp()) * (v.exp()) + 1.0).ln()).to_owned(),
        c[1].sqrt(),
        &c.dot(&d.slice(s![2.., ..2])),
    );
    let t6 = t5.tanh();
    let t7: ArrayView1<f64> = a.index_axis(Axis(0), 2);
    let mut t8: f64 = 0.0;
    for i in 0..t7.len() - 1 {
        t8 = t8 * 0.8 + t7[i].sin() * t7[i + 1];
    }
    let t9 = (c / c).exp().mapv(f64::tanh);
    let t10 = if 0.557_f64 < 0.289 {
        ((b[[1, 3]] / t9[0].exp()) + 0.446).abs()
    } else {
        d.sin().var(1.0)
    };
    d[[2, 1]] + 0.38 * t1 + 0.856 * t3 + 0.433 * t5 + 0.234 * t6 + 0.383 * t8 + 0.724 * t10
}

#[test]
fn test_f165() {
    let mut rng = Rng::new(232102072);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let d = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f165_grad(&a, b.clone(), &c, &d);
    common::assert_near(v, f165(&a, b.clone(), &c, &d), "value");
    assert_fd_array(|xx| f165(xx, b.clone(), &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f165(&a, xx.clone(), &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f165(&a, b.clone(), xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f165(&a, b.clone(), &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 2, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f165_jvp(&a, b.clone(), &c, &d, &t_a, t_b.clone(), &t_c, &t_d);
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
        f165_hvp(&a, b.clone(), &c, &d, &t_a, t_b.clone(), &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f165_grad(&pp_a, pp_b.clone(), &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f165_grad(&pm_a, pm_b.clone(), &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (5, 2, 3)
#[differentiable]
fn h166(a: &Array2<f64>, b: Array1<f64>) -> Array1<f64> {
    let t1 = b.slice(s![1..]);
    a.sum_axis(Axis(1))
        .dot(&Array::from_elem((3, 3), 1.5_f64))
        .dot(&a.dot(&Array::from_elem((2, 10), 1.5_f64)))
        .tanh()
        * (a.sum() + (&t1 * &t1).mean().unwrap())
}

#[test]
fn test_h166() {
    let mut rng = Rng::new(232102084);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 10, -1.0, 1.0);
    let seed = rand(&mut rng, 10, -1.0, 1.0);
    let (y, (d_a, d_b)) = h166_vjp(&a, b.clone(), seed.clone());
    assert_array(&y, &h166(&a, b.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h166(xx, b.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h166(&a, xx.clone())), &b, &d_b, "db");
}

// dims (5, 2, 3)
#[differentiable]
fn f166(a: &Array1<f64>) -> Array1<f64> {
    let t1 = a.mean().unwrap().cos().exp().ln();
    let t2: f64 = a.map(|&v| v * t1).mapv(|v| v).mean().unwrap();
    let mut t3: Array1<f64> = (nn::softplus(a) + 0.5).powf(0.5).to_owned();
    if t1.cos() < -0.355 {
        t3 = &t3 * 0.338 + &(a + a);
    } else {
        t3 = &nn::softplus(a) - &t3;
    }
    let mut t4: f64 = 0.0;
    for i in 1..a.len() {
        t4 += (a[i] - a[i - 1]).powi(2) * 0.994;
    }
    let t5: f64 = t4.tanh();
    let mut t6: Array1<f64> = a.mapv(|v| v * t2).to_owned();
    if a.cos().var(1.0) > 0.162 {
        t6 = &t6 * 0.655
            + &ad_runtime::ndarray::concatenate(
                Axis(0),
                &[
                    Array::from_elem(5, 0.5_f64).view(),
                    Array::from_elem(5, 0.25_f64).view(),
                ],
            )
            .unwrap();
    } else {
        t6 = &(t6[8] * &t6) - &t6;
    }
    (-(a / &(nn::softplus(a) + 0.5))) + ((&t3 * &t3).mean().unwrap() + t5)
}

#[test]
fn test_f166() {
    let mut rng = Rng::new(232102086);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let seed = rand(&mut rng, 10, -1.0, 1.0);
    let (y, d_a) = f166_vjp(&a, seed.clone());
    assert_array(&y, &f166(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f166(xx)), &a, &d_a, "da");
}

// dims (3, 4, 2)
#[differentiable]
fn f167(
    a: Array1<f64>,
    b: ArrayView2<f64>,
    c: &Array2<f64>,
    s: f64,
    d: &Array1<f64>,
) -> Array1<f64> {
    let t1: f64 = nn::mse(&d.tanh(), &a.dot(&Array::from_elem((2, 12), 0.25_f64)));
    let t2 = c[[2, 0]].sin() - (-0.354_f64);
    let mut t3: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t3 += (a[i + 1] * s - a[i]).tanh();
    }
    let mut t4: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t5 = a[i + 1] - a[i] * a[i];
        let t6 = 1.0 - a[i];
        t4 += 1.41 * t5 * t5 + t6 * t6;
    }
    let t7 = t4.tanh();
    let t8 = s;
    (&c.t().dot(&b.column(0)) - &b.column(0).dot(&b)) + (b.sum() + t1 + t2 + t3 + t7 + t8)
}

#[test]
fn test_f167() {
    let mut rng = Rng::new(232102098);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let b = rand(&mut rng, (3, 2), 0.5, 1.5);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let s = 0.9674;
    let d = rand(&mut rng, 12, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_s, d_d)) = f167_vjp(a.clone(), b.view(), &c, s, &d, seed.clone());
    assert_array(&y, &f167(a.clone(), b.view(), &c, s, &d), "value");
    assert_fd_array(
        |xx| inner(&seed, &f167(xx.clone(), b.view(), &c, s, &d)),
        &a,
        &d_a,
        "da",
    );
    let d_b: Array2<f64> = d_b;
    assert_fd_array(
        |xx| inner(&seed, &f167(a.clone(), xx.view(), &c, s, &d)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f167(a.clone(), b.view(), xx, s, &d)),
        &c,
        &d_c,
        "dc",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f167(a.clone(), b.view(), &c, xx[()], &d)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| inner(&seed, &f167(a.clone(), b.view(), &c, s, xx)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (3, 5, 3)
#[differentiable]
fn h168(a: Array2<f64>, b: &Array1<f64>) -> f64 {
    let mut t1: f64 = a.mean().unwrap();
    if ((a.sum() / (t1 * t1 + 1.0)) * (a.sum() / (t1 * t1 + 1.0)) + 1.0).ln() < 0.74 {
        t1 = t1 * 0.767 + (b * b).sum().tanh();
    }
    let mut t2: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t2 += (b[i + 1] * t1 - b[i]).tanh();
    }
    let t3 = t2.tanh();
    ((a.mean().unwrap() / (a[[1, 1]] * a[[1, 1]] + 1.0))
        - nn::cross_entropy(&Array::from_elem((3, 5), 1.5_f64), &vec![2usize; 3]))
        + 0.417 * t3
}

#[test]
fn test_h168() {
    let mut rng = Rng::new(232102110);
    let a = rand(&mut rng, (3, 3), -1.0, 1.0);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let (v, (d_a, d_b)) = h168_grad(a.clone(), &b);
    common::assert_near(v, h168(a.clone(), &b), "value");
    assert_fd_array(|xx| h168(xx.clone(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| h168(a.clone(), xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 15, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h168_jvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h168_hvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h168_grad(pp_a.clone(), &pp_b);
    let (_, (gm_a, gm_b)) = h168_grad(pm_a.clone(), &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 5, 3)
#[differentiable]
fn f168(a: &Array1<f64>, s: f64, k: usize) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = (&a.view().insert_axis(Axis(0)) + Array::from_elem(3, 0.5_f64).insert_axis(Axis(1)))
        .to_shape(((3, 5), ord))
        .unwrap()
        .into_owned();
    let t2: f64 = h168(
        (-&t1.slice(s![.., ..3])),
        &(Array::from_elem(15, 0.25_f64) + Array::from_elem(15, 0.5_f64)),
    );
    let t3: f64 = t2.tanh();
    let mut t4: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t4 += (a[i + 1] * t3 - a[i]).tanh();
    }
    let t5: ArrayView1<f64> = t1.index_axis(Axis(1), 3);
    let t6: Array1<f64> = &(&(&t1.var_axis(Axis(1), 1.0) + (&t5 / t5.exp()))
        + &t1
            .fold_axis(Axis(1), f64::NEG_INFINITY, |acc, x| acc.max(*x))
            .mapv_into(|v| (((v * 0.762).sin()) * ((v * 0.762).sin()) + 0.5).sqrt()))
        * 0.151;
    let t7 = h168(
        t1.slice(s![.., ..3]).to_owned(),
        &t1.index_axis(Axis(1), 4)
            .dot(&Array::from_elem((3, 15), 0.5_f64)),
    );
    let t8 = t7.tanh();
    let mut t9: Array1<f64> = a + t8;
    let mut t10: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t11 = nn::logsumexp(&t1, Axis(0));
        let t12: Array1<f64> = a.mapv(f64::cos);
        t9 = &(&(&(&r + t5.dot(&t1)) + &t11) - t12).tanh() * a.mean().unwrap().exp().tanh() + t9;
        t10 = (t10 + r.sum().tanh()).tanh();
    }
    (&(t8 - &t6) / t1.mean_axis(Axis(1)).unwrap().mapv(|v| v * v + 1.0))
        + (s + t2 + t4 + t6.sum() + t7 + (&t9 * &t9).mean().unwrap() + t10)
}

#[test]
fn test_f168() {
    let mut rng = Rng::new(232102112);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let s = 0.6365;
    for k in 0..2usize {
        let seed = rand(&mut rng, 3, -1.0, 1.0);
        let (y, (d_a, d_s)) = f168_vjp(&a, s, k, seed.clone());
        assert_array(&y, &f168(&a, s, k), "value");
        assert_fd_array(|xx| inner(&seed, &f168(xx, s, k)), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f168(&a, xx[()], k)),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    }
}

// dims (4, 5, 2)
#[differentiable]
fn f169(k: usize, a: Array2<f64>) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1: Array2<f64> = Array::from_elem((5, 4), 0.5_f64)
        .powi(3)
        .to_shape(((4, 5), ord))
        .unwrap()
        .to_owned();
    let t2 = t1.t();
    let t3 = t2.sum();
    let t4 = t1.t();
    let t5 = (t1.sum() + &a).cos().mapv(|v| v);
    let t6 = t1.t();
    let t7 = nn::sigmoid(
        &t5.mapv(|v| v * t3)
            .mapv(|v| (((v * t3) * (v * t3) + 1.0).ln()) * t3 + t3),
    );
    let t8 = -0.917_f64;
    (&t5.index_axis(Axis(0), 0) - &t2.slice(s![.., ..2])).var(0.0)
        + (&t4 * &t4).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
        + 0.552 * t7.sum()
        + 0.995 * t8
}

#[test]
fn test_f169() {
    let mut rng = Rng::new(232102124);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f169_grad(k, a.clone());
        common::assert_near(v, f169(k, a.clone()), "value");
        assert_fd_array(|xx| f169(k, xx.clone()), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f169_jvp(k, a.clone(), t_a.clone());
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f169_hvp(k, a.clone(), t_a.clone());
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f169_grad(k, pp_a.clone());
        let (_, gm_a) = f169_grad(k, pm_a.clone());
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (2, 4, 3)
#[differentiable]
fn f170(a: Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = a.mapv(|v| if v > 0.0727 { v.exp() } else { v.tanh() });
    let t2 = if (&a * &a).sum().tanh() > 0.255 {
        a.mapv(|v| (if v > -0.262 { v } else { v }).sin())
    } else {
        nn::relu(&a.dot(&Array::from_elem((3, 3), 0.25_f64)))
    };
    let t3 = a.mean().unwrap();
    (&t2.mapv(|v| {
        if v > -0.51 {
            ((v * 1.37) * (v * 1.37) + 1.0).ln()
        } else {
            v * t3
        }
    }) + (1.33_f64 - &t1))
        * ((&t1 * &t1).mean().unwrap() + (&t2 * &t2).mean().unwrap() + t3)
}

#[test]
fn test_f170() {
    let mut rng = Rng::new(232102136);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, d_a) = f170_vjp(a.clone(), seed.clone());
    assert_array(&y, &f170(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f170(xx.clone())), &a, &d_a, "da");
}

// dims (3, 2, 5)
#[differentiable]
fn h171(a: &Array1<f64>, b: ArrayView2<f64>) -> f64 {
    let mut t1: Array2<f64> = ((-0.91_f64) + &b).to_owned();
    if t1[[0, 4]] < 0.413 {
        t1 = &t1 * 0.851
            + &ad_runtime::ndarray::concatenate(
                Axis(1),
                &[b.slice(s![.., 1..3]), b.slice(s![.., 2..])],
            )
            .unwrap();
    } else {
        t1 = &b - &t1;
    }
    let mut t2: f64 = 0.0;
    for i in 1..a.len() {
        t2 += (a[i] - a[i - 1]).powi(2) * 0.837;
    }
    let mut t3: Array2<f64> = Array2::<f64>::zeros((3, 5));
    let mut t4: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t5 = t3.exp();
        t3 = &t3 * 0.7 + &(&b.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1)) - &t5);
        t4 = (t4 + (i as f64 * 0.3).powi(2).exp().ln()).tanh();
    }
    0.3_f64 + 0.763 * t2 + 0.484 * t4
}

#[test]
fn test_h171() {
    let mut rng = Rng::new(232102148);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_a, d_b)) = h171_grad(&a, b.view());
    common::assert_near(v, h171(&a, b.view()), "value");
    assert_fd_array(|xx| h171(xx, b.view()), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| h171(&a, xx.view()), &b, &d_b, "db");
}

// dims (3, 2, 5)
#[differentiable]
fn f171(a: &Array2<f64>, b: &Array1<f64>, c: &Array1<f64>) -> Array1<f64> {
    let t1 = h171(
        &a.slice(s![..2, ..]).mean_axis(Axis(1)).unwrap(),
        Array::from_elem((3, 5), 0.25_f64).powi(3).view(),
    );
    let t2: f64 = t1.tanh();
    let t3 = a.var_axis(Axis(1), 1.0);
    let t4 = (&a.var_axis(Axis(1), 1.0) + &a.t().sum_axis(Axis(0)))
        .mapv_into(|v| (((v * 0.648).tanh()) * ((v * 0.648).tanh()) + 1.0).ln());
    let mut t5: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t5 += (b[i + 1] * t2 - b[i]).tanh();
    }
    let t6 = nn::sigmoid(&nn::softmax(a, Axis(1)));
    (-&t6
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &v: &f64| v.max(m))
        .mapv_into(|v| v * t2))
        * ((c * c).mean().unwrap()
            + t1
            + (&t3 * &t3).mean().unwrap()
            + (&t4 * &t4).mean().unwrap()
            + t5
            + t6.sum())
}

#[test]
fn test_f171() {
    let mut rng = Rng::new(232102150);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f171_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &f171(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f171(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f171(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f171(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (4, 5, 3)
#[differentiable]
fn f172(a: &Array1<f64>, s: f64, p: f64) -> f64 {
    let t1 = nn::logsumexp(
        &(Array::from_elem((3, 5), 1.5_f64) / (a.dot(a).powi(2) + 0.5)),
        Axis(1),
    );
    let t2: Array1<f64> = if (p.exp().ln() + 0.405).abs() > 0.503 {
        t1[2].tanh().exp()
            * &Array::from_elem((3, 3), 1.5_f64)
                .fold_axis(Axis(0), f64::INFINITY, |&acc, &x| (x * -0.787).min(acc))
    } else {
        &t1 / (nn::softplus(a) + 0.5)
    };
    let mut t3: f64 = nn::cross_entropy_one_hot(
        &Array::from_elem((4, 5), 0.5_f64),
        &nn::softmax(&Array::from_elem((4, 5), 0.25_f64), Axis(1)),
    );
    if a.sum().exp().ln().powi(2) > 0.154 {
        t3 = t3 * 0.488 + t2.std(1.0).tanh();
    }
    let t4: Array1<f64> =
        (&t1.mapv(|v| ((v.tanh()) * (v.tanh()) + 0.5).sqrt()) - &t1).map(|&v| v.sin());
    let t5 = t2.view();
    let t6 =
        &((-0.804_f64) * Array::from_elem((3, 4), 0.5_f64).var_axis(Axis(1), 1.0)) / (p * p + 1.0);
    t3 + 0.478 * s
        + 0.737 * t3
        + (&t4 * &t4).mean().unwrap()
        + (&t5 * &t5).mean().unwrap()
        + 0.505 * t6.sum()
}

#[test]
fn test_f172() {
    let mut rng = Rng::new(232102162);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.4935;
    let p = -1.1950;
    let (v, (d_a, d_s, d_p)) = f172_grad(&a, s, p);
    common::assert_near(v, f172(&a, s, p), "value");
    assert_fd_array(|xx| f172(xx, s, p), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f172(&a, xx[()], p),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f172(&a, s, xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_p = 0.7;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let (vj, tj) = f172_jvp(&a, s, p, &t_a, t_s, t_p);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + d_p * t_p;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (d_p * t_p).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_p), (hh_a, hh_s, hh_p)) = f172_hvp(&a, s, p, &t_a, t_s, t_p);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_p)) = f172_grad(&pp_a, pp_s, pp_p);
    let (_, (gm_a, gm_s, gm_p)) = f172_grad(&pm_a, pm_s, pm_p);
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

// dims (5, 2, 4)
#[differentiable]
fn f173(a: Array2<f64>, b: &Array2<f64>, c: &Array2<f64>, d: &Array1<f64>, w: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = nn::softplus(&(-w));
    let t2 = (&b.index_axis(Axis(1), 3) - &t1)
        .mapv_into(|v| if v > 0.287 { v.exp() } else { v.tanh() })
        .mapv(f64::tanh);
    let t3 = -&a.t().sum_axis(Axis(1)).dot(&(-&a.t()));
    (nn::cross_entropy_one_hot(&a, &nn::softmax(&a, Axis(1)))
        * nn::cross_entropy_one_hot(&a, &nn::softmax(&a, Axis(1)))
        + 1.0)
        .ln()
        + 0.73 * c.sum()
        + 0.272 * d.sum()
        + (&t2 * &t2).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_f173() {
    let mut rng = Rng::new(232102174);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, (2, 4), -1.0, 1.0);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let w = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f173_grad(a.clone(), &b, &c, &d, &w);
    common::assert_near(v, f173(a.clone(), &b, &c, &d, &w), "value");
    assert_fd_array(|xx| f173(xx.clone(), &b, &c, &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f173(a.clone(), xx, &c, &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f173(a.clone(), &b, xx, &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f173(a.clone(), &b, &c, xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f173(a.clone(), &b, &c, &d, xx), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 5, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, 5, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f173_jvp(
        a.clone(),
        &b,
        &c,
        &d,
        &w,
        t_a.clone(),
        &t_b,
        &t_c,
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
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f173_hvp(
        a.clone(),
        &b,
        &c,
        &d,
        &w,
        t_a.clone(),
        &t_b,
        &t_c,
        &t_d,
        &t_w,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) = f173_grad(pp_a.clone(), &pp_b, &pp_c, &pp_d, &pp_w);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) = f173_grad(pm_a.clone(), &pm_b, &pm_c, &pm_d, &pm_w);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (2, 5, 4)
#[differentiable]
fn h174(a: &Array2<f64>, b: &Array1<f64>, c: &Array1<f64>) -> Array2<f64> {
    let mut t1: Array2<f64> = 0.542_f64 / &Array::from_elem((2, 5), 0.25_f64).mapv(|v| v * v + 1.0);
    let mut t2: f64 = c.mean().unwrap();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = (&t1 + &t1.sin()).mapv(f64::tanh);
        t2 = t2 * 0.8 - t1.mean().unwrap().cos().tanh();
    }
    ad_runtime::ndarray::concatenate(
        Axis(1),
        &[
            a.slice(s![.., ..2])
                .mapv(|v| {
                    if v > -0.137 {
                        (v * v + 1.0).ln()
                    } else {
                        v.powi(2) - 0.5
                    }
                })
                .view(),
            a.dot(&a.slice(s![1.., 2..])).view(),
        ],
    )
    .unwrap()
        * ((b * b).mean().unwrap() + t2)
}

#[test]
fn test_h174() {
    let mut rng = Rng::new(232102186);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, 10, -1.0, 1.0);
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h174_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &h174(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &h174(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h174(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h174(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (2, 5, 4)
#[differentiable]
fn f174(a: &Array1<f64>, k: usize, b: &Array2<f64>, s: f64, c: &Array2<f64>) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = c
        .mapv(|v| (if v > 0.237 { v } else { v }).powi(2) - 0.5)
        .to_shape(((2, 5), ord))
        .unwrap()
        .into_owned();
    let mut t2: Array1<f64> = nn::logsumexp(&b.t(), Axis(1)).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4 = s.powi(2);
        let t5: Array1<f64> = t2.clone();
        t2 = (&t2 + &((&r * r.sin()) + &t5).tanh()).mapv(f64::tanh);
        t3 = (t3 + (t2[3] + t4)).tanh();
    }
    let t6 = (t3 + 0.48).abs() * t2[3];
    let t7: ArrayView2<f64> = b.t();
    let t8: f64 = t2.mean().unwrap().cos();
    let mut t9: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t10: f64 = 0.928_f64;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t11: f64 =
            nn::cross_entropy_one_hot(&t7.slice(s![2.., ..]), &nn::softmax(&t1, Axis(1)));
        t9 = &t9 * 0.7 + &b.std_axis(Axis(0), 0.0).cos();
        t10 = t10 * 0.8 - (c[[1, 2]] + t11).tanh();
    }
    t9[0].powi(2).tanh().sin()
        + 0.24 * a.sum()
        + 0.961 * t6
        + 0.982 * t8
        + 0.863 * t9.sum()
        + 0.469 * t10
}

#[test]
fn test_f174() {
    let mut rng = Rng::new(232102188);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let s = -0.7177;
    let c = rand(&mut rng, (2, 5), 0.5, 1.5);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_s, d_c)) = f174_grad(&a, k, &b, s, &c);
        common::assert_near(v, f174(&a, k, &b, s, &c), "value");
        assert_fd_array(|xx| f174(xx, k, &b, s, &c), &a, &d_a, "da");
        assert_fd_array(|xx| f174(&a, k, xx, s, &c), &b, &d_b, "db");
        let fd_s = fd(
            |xx: &Array<f64, _>| f174(&a, k, &b, xx[()], &c),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(|xx| f174(&a, k, &b, s, xx), &c, &d_c, "dc");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 4, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (5, 4), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_s = 0.7;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let t_c = rand(&mut rng, (2, 5), -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f174_jvp(&a, k, &b, s, &c, &t_a, &t_b, t_s, &t_c);
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
        let (hv, (hg_a, hg_b, hg_s, hg_c), (hh_a, hh_b, hh_s, hh_c)) =
            f174_hvp(&a, k, &b, s, &c, &t_a, &t_b, t_s, &t_c);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_s, gp_c)) = f174_grad(&pp_a, k, &pp_b, pp_s, &pp_c);
        let (_, (gm_a, gm_b, gm_s, gm_c)) = f174_grad(&pm_a, k, &pm_b, pm_s, &pm_c);
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
}

// dims (2, 3, 2)
#[differentiable]
fn f175(a: &Array1<f64>, b: &Array2<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1: Array2<f64> = Array::from_elem((2, 3), 1.5_f64)
        .to_shape(((2, 3), Order::ColumnMajor))
        .unwrap()
        .to_owned()
        .to_shape(((2, 3), ord))
        .unwrap()
        .to_owned();
    let mut t2: f64 = 0.0;
    for i in 1..a.len() {
        t2 += (a[i] - a[i - 1]).powi(2) * 0.646;
    }
    let t3 = t2.tanh();
    let t4 = b.t();
    let mut t5: f64 = 0.0;
    for i in 1..a.len() {
        t5 += (a[i] - a[i - 1]).powi(2) * 0.343;
    }
    let t6 = t1.sum() * nn::cross_entropy_one_hot(&t1, &nn::softmax(&t1, Axis(1))).sin();
    let t7: Array2<f64> =
        nn::sigmoid(&(&b.t().mapv(|v| (v * t3 + t3) * ((v * 1.35).exp())) - &t1.dot(&t1.t())));
    t7.sum() + (&t4 * &t4).mean().unwrap() + 0.761 * t5 + 0.831 * t6 + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f175() {
    let mut rng = Rng::new(232102200);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let b = rand(&mut rng, (2, 2), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b)) = f175_grad(&a, &b, k);
        common::assert_near(v, f175(&a, &b, k), "value");
        assert_fd_array(|xx| f175(xx, &b, k), &a, &d_a, "da");
        assert_fd_array(|xx| f175(&a, xx, k), &b, &d_b, "db");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 3, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (2, 2), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let (vj, tj) = f175_jvp(&a, &b, k, &t_a, &t_b);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f175_hvp(&a, &b, k, &t_a, &t_b);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b)) = f175_grad(&pp_a, &pp_b, k);
        let (_, (gm_a, gm_b)) = f175_grad(&pm_a, &pm_b, k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    }
}

// dims (5, 2, 3)
#[differentiable]
fn f176(a: &Array2<f64>, b: Array1<f64>, s: f64, c: &Array1<f64>) -> Array1<f64> {
    let t1 = -c.dot(a);
    let t2 = b.slice(s![1..]);
    let t3 = a.t();
    let t4 = c.view();
    let t5 = c.view();
    let t6: ArrayView1<f64> = b.view();
    let mut t7: f64 = 0.0;
    for i in 0..1 {
        t7 += (c[i + 1] * s - c[i]).tanh();
    }
    a.index_axis(Axis(1), 0).to_owned()
        + ((&t1 * &t1).mean().unwrap()
            + t2.sum()
            + (&t3 * &t3).mean().unwrap()
            + t4.sum()
            + (&t5 * &t5).mean().unwrap()
            + t6.sum()
            + t7)
}

#[test]
fn test_f176() {
    let mut rng = Rng::new(232102212);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let b = rand(&mut rng, 10, -1.0, 1.0);
    let s = -0.3413;
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_c)) = f176_vjp(&a, b.clone(), s, &c, seed.clone());
    assert_array(&y, &f176(&a, b.clone(), s, &c), "value");
    assert_fd_array(
        |xx| inner(&seed, &f176(xx, b.clone(), s, &c)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f176(&a, xx.clone(), s, &c)),
        &b,
        &d_b,
        "db",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f176(&a, b.clone(), xx[()], &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| inner(&seed, &f176(&a, b.clone(), s, xx)),
        &c,
        &d_c,
        "dc",
    );
}

// dims (4, 2, 3)
#[differentiable]
fn h177(a: &Array1<f64>, b: ArrayView2<f64>) -> f64 {
    let t1 = a.view();
    let t2 = if nn::mse(&(a - &t1), &(-a)) > 0.916 {
        b.slice(s![.., ..2]).dot(&(a * a))
    } else {
        (b.std_axis(Axis(0), 0.0) + &b)
            .dot(&b.fold_axis(Axis(0), f64::NEG_INFINITY, |m, v| m.max(*v)))
    };
    b.mean().unwrap().cos() + (&t2 * &t2).mean().unwrap()
}

#[test]
fn test_h177() {
    let mut rng = Rng::new(232102224);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (v, (d_a, d_b)) = h177_grad(&a, b.view());
    common::assert_near(v, h177(&a, b.view()), "value");
    assert_fd_array(|xx| h177(xx, b.view()), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| h177(&a, xx.view()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h177_jvp(&a, b.view(), &t_a, t_b.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h177_hvp(&a, b.view(), &t_a, t_b.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h177_grad(&pp_a, pp_b.view());
    let (_, (gm_a, gm_b)) = h177_grad(&pm_a, pm_b.view());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (4, 2, 3)
#[differentiable]
fn f177(a: Array1<f64>) -> f64 {
    let t1: Array1<f64> = (&Array::from_elem((2, 2), 0.5_f64)
        .to_shape(4)
        .unwrap()
        .to_owned()
        * (-0.485_f64))
        .mapv(f64::tanh);
    let t2 = t1[1];
    let t3: Array1<f64> = (&t1 * &t1).dot(&Array::from_elem((4, 4), 0.5_f64).map(|&v| {
        ((((v * t2) * (v * t2) + 0.5).sqrt()) * (((v * t2) * (v * t2) + 0.5).sqrt()) + 1.0).ln()
    }));
    let t4: Array1<f64> = Array2::<f64>::eye(4)
        .mapv(f64::exp)
        .dot(&(&Array2::<f64>::eye(4).dot(&t3) * 0.0417))
        .tanh();
    (-0.334_f64) + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f177() {
    let mut rng = Rng::new(232102226);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let (v, d_a) = f177_grad(a.clone());
    common::assert_near(v, f177(a.clone()), "value");
    assert_fd_array(|xx| f177(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f177_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f177_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f177_grad(pp_a.clone());
    let (_, gm_a) = f177_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 4, 3)
#[differentiable]
fn h178(a: &Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
    let t1: ArrayView2<f64> = b.view();
    let t2 = a[[1, 1]];
    let t3: Array2<f64> = &Array::from_elem((4, 4), 0.5_f64).dot(b) * a.dot(&b.slice(s![..3, ..]));
    (t1.mean().unwrap() / (&(-a) * &(-a) + 0.5))
        * ((&t1 * &t1).mean().unwrap() + t2 + (&t3 * &t3).mean().unwrap())
}

#[test]
fn test_h178() {
    let mut rng = Rng::new(232102238);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (y, (d_a, d_b)) = h178_vjp(&a, &b, seed.clone());
    assert_array(&y, &h178(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &h178(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h178(&a, xx)), &b, &d_b, "db");
}

// dims (3, 4, 3)
#[differentiable]
fn f178(a: &Array1<f64>, b: Array1<f64>, k: usize, s: f64, c: &Array1<f64>) -> Array1<f64> {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1: Array2<f64> = (&c.view().insert_axis(Axis(0))
        / &Array1::<f64>::linspace(-0.5, 0.5, 4)
            .insert_axis(Axis(1))
            .exp())
        .to_shape(((3, 4), ord))
        .unwrap()
        .into_owned();
    let mut t2 = Array1::<f64>::zeros(3);
    let mut t3: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4 = a[0];
        let t5 = t2.mean().unwrap();
        t2 = (&t2 + &nn::sigmoid(&a.exp())).mapv(f64::tanh);
        t3 += ((((&r * &r).sum() + (c[1] / t3.exp())) + t4) + t5).tanh();
    }
    let t6 = t1.index_axis(Axis(0), 2);
    let t7 = t1.column(1);
    let t8 = (nn::mse(&(&t6 + &t6), &nn::relu(&t6))
        + nn::cross_entropy(&t1.map(|&v| v * 0.753), &vec![1usize; 3]))
    .tanh();
    let t9 = &t1.slice(s![.., 1..]).dot(&t7).dot(&t1) * 0.0495;
    let t10 = a.slice(s![1..]);
    let t11: Array1<f64> = if (&(&t10 + &t10) * &(&t10 + &t10)).sum() > 1.05 {
        nn::logsumexp(&t1.t(), Axis(1)).powi(2).mapv(f64::tanh)
    } else {
        t1.var_axis(Axis(0), 1.0)
    };
    ((-1.03_f64) / &t1.t().exp()).fold_axis(Axis(0), f64::INFINITY, |&m, &v| m.min(v * s))
        * ((&b * &b).mean().unwrap() + s + t8 + t9.sum() + t11.sum())
}

#[test]
fn test_f178() {
    let mut rng = Rng::new(232102240);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let s = -0.5933;
    let c = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 3, -1.0, 1.0);
        let (y, (d_a, d_b, d_s, d_c)) = f178_vjp(&a, b.clone(), k, s, &c, seed.clone());
        assert_array(&y, &f178(&a, b.clone(), k, s, &c), "value");
        assert_fd_array(
            |xx| inner(&seed, &f178(xx, b.clone(), k, s, &c)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f178(&a, xx.clone(), k, s, &c)),
            &b,
            &d_b,
            "db",
        );
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f178(&a, b.clone(), k, xx[()], &c)),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(
            |xx| inner(&seed, &f178(&a, b.clone(), k, s, xx)),
            &c,
            &d_c,
            "dc",
        );
    }
}

// dims (5, 3, 5)
#[differentiable]
fn h179(a: Array2<f64>, b: Array1<f64>, c: ArrayView2<f64>) -> Array2<f64> {
    let mut t1: Array2<f64> = c.t().dot(&a);
    if (-0.813_f64) > 0.113 {
        let t2: f64 = 0.77_f64;
        t1 = &t1 * 0.868 + &(c.sum() / &(&a * &a + 0.5)).mapv(f64::tanh);
    } else {
        t1 = &c.slice(s![.., ..3]) - &t1;
    }
    c.map(|&v| (v * v + 0.5).sqrt()).tanh() + ((&b * &b).mean().unwrap() + t1.sum())
}

#[test]
fn test_h179() {
    let mut rng = Rng::new(232102252);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, (5, 5), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 5), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h179_vjp(a.clone(), b.clone(), c.view(), seed.clone());
    assert_array(&y, &h179(a.clone(), b.clone(), c.view()), "value");
    assert_fd_array(
        |xx| inner(&seed, &h179(xx.clone(), b.clone(), c.view())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &h179(a.clone(), xx.clone(), c.view())),
        &b,
        &d_b,
        "db",
    );
    let d_c: Array2<f64> = d_c;
    assert_fd_array(
        |xx| inner(&seed, &h179(a.clone(), b.clone(), xx.view())),
        &c,
        &d_c,
        "dc",
    );
}

// dims (5, 3, 5)
#[differentiable]
fn f179(
    a: ArrayView2<f64>,
    b: &Array1<f64>,
    c: ArrayView2<f64>,
    d: Array1<f64>,
    w: Array2<f64>,
) -> Array2<f64> {
    let t1 = -&w
        .to_shape((25, Order::ColumnMajor))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((5, 5), Order::C))
        .unwrap();
    let mut t2: f64 = 0.0;
    for i in 0..d.len() - 1 {
        t2 = t2 * 0.8 + d[i].sin() * d[i + 1];
    }
    let t3 = if nn::cross_entropy_one_hot(
        &(&c.column(3).insert_axis(Axis(0)) - &d.view().insert_axis(Axis(1))),
        &nn::softmax(
            &w.slice(s![.., ..3])
                .map(|&v| ((v * v + 0.5).sqrt()) * (if v > 0.142 { v } else { v })),
            Axis(1),
        ),
    ) < 0.11
    {
        c.mean().unwrap()
    } else {
        (t2 / (t2 * t2 + 1.0)) + c.var(0.0)
    };
    let t4: ArrayView1<f64> = w.row(3);
    nn::sigmoid(&c.mapv(|v| (v.exp()) * (v.powi(2) - 0.5)))
        .mapv_into(|v| if v > 0.266 { v.exp() } else { v })
        * ((&a * &a).mean().unwrap() + b.sum() + t1.sum() + t3 + (&t4 * &t4).mean().unwrap())
}

#[test]
fn test_f179() {
    let mut rng = Rng::new(232102254);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), 0.5, 1.5);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let w = rand(&mut rng, (5, 5), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d, d_w)) =
        f179_vjp(a.view(), &b, c.view(), d.clone(), w.clone(), seed.clone());
    assert_array(
        &y,
        &f179(a.view(), &b, c.view(), d.clone(), w.clone()),
        "value",
    );
    let d_a: Array2<f64> = d_a;
    assert_fd_array(
        |xx| inner(&seed, &f179(xx.view(), &b, c.view(), d.clone(), w.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f179(a.view(), xx, c.view(), d.clone(), w.clone())),
        &b,
        &d_b,
        "db",
    );
    let d_c: Array2<f64> = d_c;
    assert_fd_array(
        |xx| inner(&seed, &f179(a.view(), &b, xx.view(), d.clone(), w.clone())),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f179(a.view(), &b, c.view(), xx.clone(), w.clone())),
        &d,
        &d_d,
        "dd",
    );
    assert_fd_array(
        |xx| inner(&seed, &f179(a.view(), &b, c.view(), d.clone(), xx.clone())),
        &w,
        &d_w,
        "dw",
    );
}

// dims (3, 4, 2)
#[differentiable]
fn h180(a: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = a.t().mean_axis(Axis(1)).unwrap().to_owned();
    let mut t2: f64 = 0.751_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = &r * (a * a).sum().tanh() + t1;
        t2 += ((r.mean().unwrap() / ((i as f64 * 0.3) * (i as f64 * 0.3) + 1.0))
            * (r.mean().unwrap() / ((i as f64 * 0.3) * (i as f64 * 0.3) + 1.0))
            + 1.0)
            .ln();
    }
    t2 + 0.916 * t1.sum() + 0.831 * t2
}

#[test]
fn test_h180() {
    let mut rng = Rng::new(232102266);
    let a = rand(&mut rng, (3, 4), 0.5, 1.5);
    let (v, d_a) = h180_grad(&a);
    common::assert_near(v, h180(&a), "value");
    assert_fd_array(|xx| h180(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h180_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h180_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h180_grad(&pp_a);
    let (_, gm_a) = h180_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 4, 2)
#[differentiable]
fn f180(a: &Array1<f64>, b: &Array2<f64>, c: ArrayView2<f64>) -> Array2<f64> {
    let t1: f64 = c[[1, 0]] - (0.605_f64 * (-0.777_f64)).exp().ln();
    let t2 = c.index_axis(Axis(0), 0);
    let t3 = t1.exp().ln() + &(-&c);
    let t4 = h180(&Array::from_elem((3, 4), 0.25_f64).exp());
    let t5: f64 = t4.tanh();
    (nn::softplus(&(-&c)) + 0.5).ln()
        * (a.sum() + b.sum() + (&t2 * &t2).mean().unwrap() + t3.sum() + t4 + t5)
}

#[test]
fn test_f180() {
    let mut rng = Rng::new(232102268);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let c = rand(&mut rng, (2, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f180_vjp(&a, &b, c.view(), seed.clone());
    assert_array(&y, &f180(&a, &b, c.view()), "value");
    assert_fd_array(|xx| inner(&seed, &f180(xx, &b, c.view())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f180(&a, xx, c.view())), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| inner(&seed, &f180(&a, &b, xx.view())), &c, &d_c, "dc");
}

// dims (3, 5, 2)
#[differentiable]
fn f181(a: &Array1<f64>, b: Array1<f64>) -> f64 {
    let t1 = (&Array::from_elem((3, 2), 1.5_f64)
        / (&b.view().insert_axis(Axis(0)) * &b.view().insert_axis(Axis(0)) + 0.5))
        .var_axis(Axis(0), 1.0)
        .tanh();
    let t2: ArrayView1<f64> = a.view();
    let t3 = nn::relu(&(a - &t2));
    let t4: Array1<f64> = -(&t1 / &b.mapv(|v| v * v + 1.0));
    let t5: Array1<f64> =
        (b.mean().unwrap() * &Array::from_elem((2, 3), 0.5_f64).dot(&t2)) * (-(&b / &t1.exp()));
    let t6: f64 = (Array::from_elem((2, 3), 0.25_f64).dot(&t3)
        / &(nn::sigmoid(&b.mapv(f64::cos)) + 0.25))
        .var(0.0);
    let t7 = a.slice(s![1..]);
    t5.sum() + 0.849 * t4.sum() + (&t5 * &t5).mean().unwrap() + 0.899 * t6 + 0.87 * t7.sum()
}

#[test]
fn test_f181() {
    let mut rng = Rng::new(232102280);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b)) = f181_grad(&a, b.clone());
    common::assert_near(v, f181(&a, b.clone()), "value");
    assert_fd_array(|xx| f181(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f181(&a, xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f181_jvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f181_hvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f181_grad(&pp_a, pp_b.clone());
    let (_, (gm_a, gm_b)) = f181_grad(&pm_a, pm_b.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (4, 3, 4)
#[differentiable]
fn h182(a: &Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> = &a.powi(2) - &(&a.row(0) - a[[2, 1]]);
    let t2 = (&a
        .fold_axis(Axis(1), f64::INFINITY, |&acc, &x| acc.min(x))
        .insert_axis(Axis(1))
        - &t1.index_axis(Axis(1), 1).insert_axis(Axis(0)))
        .dot(&Array::from_elem((4, 4), 0.5_f64).dot(a))
        .mapv(f64::tanh);
    let t3: ArrayView1<f64> = t2.index_axis(Axis(0), 3);
    (&(&(t1.fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &v: &f64| {
        m.max(v * 1.36)
    }) * t1.index_axis(Axis(1), 0))
        * 0.163)
        .insert_axis(Axis(1))
        + Array::from_elem((4, 4), 0.25_f64).dot(&t1))
        * ((&t3 * &t3).mean().unwrap())
}

#[test]
fn test_h182() {
    let mut rng = Rng::new(232102292);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (y, d_a) = h182_vjp(&a, seed.clone());
    assert_array(&y, &h182(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h182(xx)), &a, &d_a, "da");
}

// dims (4, 3, 4)
#[differentiable]
fn f182(a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>, d: Array2<f64>) -> f64 {
    let mut t1 = Array1::<f64>::zeros(3);
    let mut t2: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3 = t1[2] * t1[0];
        t1 = &t1 * 0.7 + &r;
        t2 = t2 * 0.8 - (t1.mapv(|v| v * v + 1.0).ln().sum() + t3).tanh();
    }
    let mut t4: f64 = 0.0;
    for i in 0..2 {
        t4 += c[i] * c[i + 1];
    }
    let t5: Array2<f64> = &b
        .dot(&d.slice(s![..3, ..]))
        .dot(&(-&d.slice(s![.., ..3])))
        .powi(2)
        * 0.0139;
    let mut t6: Array1<f64> = (-&t1).to_owned();
    let mut t7: f64 = t4.exp().tanh();
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t8: Array1<f64> = b.t().mean_axis(Axis(1)).unwrap();
        t6 = &t6 * 0.7
            + &((&t5.slice(s![1.., ..]).dot(&t5.fold_axis(
                Axis(0),
                f64::NEG_INFINITY,
                |&acc, &x| f64::max(acc, x),
            )) * 0.166)
                + &t8)
                .mapv(f64::tanh);
        t7 += (t2 - a.mean().unwrap()).tanh();
    }
    let t9 = a.slice(s![1..]);
    (-0.356_f64) + (&t6 * &t6).mean().unwrap() + 0.512 * t7 + 0.742 * t9.sum()
}

#[test]
fn test_f182() {
    let mut rng = Rng::new(232102294);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, (4, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f182_grad(&a, &b, &c, d.clone());
    common::assert_near(v, f182(&a, &b, &c, d.clone()), "value");
    assert_fd_array(|xx| f182(xx, &b, &c, d.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f182(&a, xx, &c, d.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f182(&a, &b, xx, d.clone()), &c, &d_c, "dc");
    assert_fd_array(|xx| f182(&a, &b, &c, xx.clone()), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 3, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 4), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f182_jvp(&a, &b, &c, d.clone(), &t_a, &t_b, &t_c, t_d.clone());
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
        f182_hvp(&a, &b, &c, d.clone(), &t_a, &t_b, &t_c, t_d.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f182_grad(&pp_a, &pp_b, &pp_c, pp_d.clone());
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f182_grad(&pm_a, &pm_b, &pm_c, pm_d.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (4, 3, 2)
#[differentiable]
fn h183(a: &Array1<f64>) -> f64 {
    let t1 = a.view();
    0.517_f64 + 0.773 * t1.sum()
}

#[test]
fn test_h183() {
    let mut rng = Rng::new(232102306);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let (v, d_a) = h183_grad(&a);
    common::assert_near(v, h183(&a), "value");
    assert_fd_array(|xx| h183(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h183_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h183_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h183_grad(&pp_a);
    let (_, gm_a) = h183_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 3, 2)
#[differentiable]
fn f183(a: Array1<f64>, b: &Array2<f64>, c: &Array1<f64>) -> Array1<f64> {
    let t1: f64 = (b * b).sum().tanh().exp();
    let t2: Array1<f64> = nn::log_softmax(
        &(&(&a + &a) + Array::from_elem((3, 3), 0.25_f64).dot(c)),
        Axis(0),
    );
    let mut t3: Array1<f64> = b.var_axis(Axis(0), 0.0);
    let mut t4: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t5: Array1<f64> = b
            .mean_axis(Axis(0))
            .unwrap()
            .mapv(|v| ((v * 0.336).tanh()).sin());
        t3 = &nn::sigmoid(&(nn::log_softmax(&r, Axis(0)) - &t5)) * (i as f64 * 0.3) + t3;
        t4 = t4 * 0.8 - ((t1 + 0.564).abs() * t1).tanh();
    }
    let t6 = a.sum();
    b.row(0).to_owned() * ((&t2 * &t2).mean().unwrap() + (&t3 * &t3).mean().unwrap() + t4 + t6)
}

#[test]
fn test_f183() {
    let mut rng = Rng::new(232102308);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f183_vjp(a.clone(), &b, &c, seed.clone());
    assert_array(&y, &f183(a.clone(), &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f183(xx.clone(), &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f183(a.clone(), xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f183(a.clone(), &b, xx)), &c, &d_c, "dc");
}

// dims (3, 5, 4)
#[differentiable]
fn h184(a: ArrayView2<f64>, b: &Array1<f64>, c: Array2<f64>) -> f64 {
    let t1: Array2<f64> = nn::sigmoid(&(nn::sigmoid(&a) + a.sum()));
    let mut t2: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t2 = (&t2 + &r).mapv(f64::tanh);
        t3 += t2.std(0.0).exp().sqrt();
    }
    let t4 = t3.tanh();
    nn::mse(&t1, &a).tanh()
        + 0.681 * b.sum()
        + (&c * &c).mean().unwrap()
        + (&t1 * &t1).mean().unwrap()
        + 0.93 * t3
        + 0.978 * t4
}

#[test]
fn test_h184() {
    let mut rng = Rng::new(232102320);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let c = rand(&mut rng, (4, 5), 0.5, 1.5);
    let (v, (d_a, d_b, d_c)) = h184_grad(a.view(), &b, c.clone());
    common::assert_near(v, h184(a.view(), &b, c.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h184(xx.view(), &b, c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| h184(a.view(), xx, c.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| h184(a.view(), &b, xx.clone()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h184_jvp(a.view(), &b, c.clone(), t_a.view(), &t_b, t_c.clone());
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
        h184_hvp(a.view(), &b, c.clone(), t_a.view(), &t_b, t_c.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h184_grad(pp_a.view(), &pp_b, pp_c.clone());
    let (_, (gm_a, gm_b, gm_c)) = h184_grad(pm_a.view(), &pm_b, pm_c.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (3, 5, 4)
#[differentiable]
fn f184(
    a: &Array1<f64>,
    b: &Array1<f64>,
    k: usize,
    c: &Array1<f64>,
    d: Array2<f64>,
    w: &Array1<f64>,
) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = Array::from_elem((5, 3), 0.25_f64)
        .to_shape(((5, 3), ord))
        .unwrap()
        .to_owned()
        .to_shape(((3, 5), ord))
        .unwrap()
        .into_owned();
    let mut t2: f64 = 0.0;
    for i in 0..w.len() - 1 {
        t2 = t2 * 0.8 + w[i].sin() * w[i + 1];
    }
    let mut t3: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t3 = t3 * 0.8 + a[i].sin() * a[i + 1];
    }
    let mut t4: f64 = nn::cross_entropy(&t1, &vec![2usize; 3]);
    if nn::cross_entropy(&(-t1), &vec![4usize; 3]) > -0.968 {
        t4 = t4 * 0.838 + b[0].tanh();
    } else {
        t4 = t3 - t4;
    }
    let t5 = if t4 > 0.854 {
        ((d.sum() + 0.429).abs().tanh().powi(2) + 0.5).ln()
    } else {
        a[0]
    };
    let mut t6: f64 = 0.0;
    for i in 1..b.len() {
        t6 += (b[i] - b[i - 1]).powi(2) * 1.04;
    }
    let t7 = t6.tanh();
    d[[2, 1]] + 0.48 * c.sum() + 0.929 * t2 + 0.769 * t5 + 0.677 * t7
}

#[test]
fn test_f184() {
    let mut rng = Rng::new(232102322);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, (3, 4), -1.0, 1.0);
    let w = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_d, d_w)) = f184_grad(&a, &b, k, &c, d.clone(), &w);
        common::assert_near(v, f184(&a, &b, k, &c, d.clone(), &w), "value");
        assert_fd_array(|xx| f184(xx, &b, k, &c, d.clone(), &w), &a, &d_a, "da");
        assert_fd_array(|xx| f184(&a, xx, k, &c, d.clone(), &w), &b, &d_b, "db");
        assert_fd_array(|xx| f184(&a, &b, k, xx, d.clone(), &w), &c, &d_c, "dc");
        assert_fd_array(|xx| f184(&a, &b, k, &c, xx.clone(), &w), &d, &d_d, "dd");
        assert_fd_array(|xx| f184(&a, &b, k, &c, d.clone(), xx), &w, &d_w, "dw");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 3, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, 4, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, 4, -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let t_d = rand(&mut rng, (3, 4), -1.0, 1.0);
        let pp_d = &d + &(&t_d * hstep);
        let pm_d = &d - &(&t_d * hstep);
        let t_w = rand(&mut rng, 3, -1.0, 1.0);
        let pp_w = &w + &(&t_w * hstep);
        let pm_w = &w - &(&t_w * hstep);
        let (vj, tj) = f184_jvp(
            &a,
            &b,
            k,
            &c,
            d.clone(),
            &w,
            &t_a,
            &t_b,
            &t_c,
            t_d.clone(),
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
        let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f184_hvp(
            &a,
            &b,
            k,
            &c,
            d.clone(),
            &w,
            &t_a,
            &t_b,
            &t_c,
            t_d.clone(),
            &t_w,
        );
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) =
            f184_grad(&pp_a, &pp_b, k, &pp_c, pp_d.clone(), &pp_w);
        let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) =
            f184_grad(&pm_a, &pm_b, k, &pm_c, pm_d.clone(), &pm_w);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
        assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
        assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
    }
}

// dims (2, 3, 5)
#[differentiable]
fn f185(a: Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = (b * b + 0.5).sqrt().to_owned();
    if (b / &t1).var(0.0) < -1.3 {
        let t2 = 1.35_f64 * t1[3];
        t1 = &t1 * 0.586 + &a.mean_axis(Axis(0)).unwrap();
    }
    let mut t3: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t3 = t3 * 0.8 + b[i].sin() * b[i + 1];
    }
    let t4 = a.t();
    let mut t5: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            a.mean_axis(Axis(1)).unwrap().view(),
            Array1::<f64>::ones(2).view(),
        ],
    )
    .unwrap()
    .to_owned();
    let mut t6: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t5 = &t5 * 0.7 + &nn::sigmoid(&b.dot(&Array::from_elem((5, 5), 1.5_f64)));
        t6 = (t6
            + (-Array1::<f64>::linspace(-0.5, 0.5, 2))
                .dot(&a.slice(s![1.., ..]).dot(&t1))
                .tanh())
        .tanh();
    }
    let mut t7: Array2<f64> = t4.dot(&a.slice(s![.., 1..4])).to_owned();
    let mut t8: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t7 = (&t7 + &t7.mapv(f64::tanh)).mapv(f64::tanh);
        t8 += (nn::cross_entropy(&t4.slice(s![..2, ..]), &vec![1usize; 2]) + 0.355)
            .abs()
            .tanh();
    }
    (t4.std_axis(Axis(1), 0.0) + &t1) + (t3 + (&t5 * &t5).mean().unwrap() + t6 + t8)
}

#[test]
fn test_f185() {
    let mut rng = Rng::new(232102334);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b)) = f185_vjp(a.clone(), &b, seed.clone());
    assert_array(&y, &f185(a.clone(), &b), "value");
    assert_fd_array(|xx| inner(&seed, &f185(xx.clone(), &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f185(a.clone(), xx)), &b, &d_b, "db");
}

// dims (3, 5, 4)
#[differentiable(wrt(b, d))]
fn f186(
    a: &Array1<f64>,
    b: ArrayView2<f64>,
    c: Array2<f64>,
    d: &Array1<f64>,
    s: f64,
) -> Array1<f64> {
    let t1 = c.dot(a).mapv(f64::sin);
    let t2 = nn::softplus(&(-c).mapv_into(|v| (if v > -0.151 { v * s } else { v }) * s + s));
    let t3 = nn::softmax(&(&(b.sum() - &b) * 0.125), Axis(1));
    nn::logsumexp(&t2, Axis(0)) * (d.sum() + (&t1 * &t1).mean().unwrap() + t2.sum() + t3.sum())
}

#[test]
fn test_f186() {
    let mut rng = Rng::new(232102346);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let s = -1.0777;
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_b, d_d)) = f186_vjp(&a, b.view(), c.clone(), &d, s, seed.clone());
    assert_array(&y, &f186(&a, b.view(), c.clone(), &d, s), "value");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(
        |xx| inner(&seed, &f186(&a, xx.view(), c.clone(), &d, s)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f186(&a, b.view(), c.clone(), xx, s)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (5, 2, 4)
#[differentiable]
fn f187(a: ArrayView2<f64>, b: &Array2<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1: Array2<f64> = (Array::from_elem((2, 5), 1.5_f64) - &Array::from_elem((2, 5), 1.5_f64))
        .to_shape(((5, 2), ord))
        .unwrap()
        .to_owned();
    let mut t2: Array2<f64> = Array2::<f64>::zeros((4, 2));
    let mut t3: f64 = a[[3, 0]];
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4: f64 = r.dot(&r);
        let t5 = t3;
        t2 = t2 + &(&nn::log_softmax(b, Axis(1)) * 0.5);
        t3 += (((&Array::from_elem((4, 4), 0.25_f64).dot(b)
            * &Array::from_elem((4, 4), 0.25_f64).dot(b))
            .sum()
            + t4)
            + t5)
            .tanh();
    }
    let t6 = -&t1.dot(&b.slice(s![..2, ..]));
    let t7: Array2<f64> = ad_runtime::ndarray::stack(
        Axis(1),
        &[
            nn::sigmoid(
                &t6.fold_axis(Axis(1), f64::NEG_INFINITY, |m, v| m.max(*v))
                    .map(|&v| v),
            )
            .view(),
            nn::logsumexp(&a, Axis(1))
                .dot(&Array::from_elem((4, 5), 0.25_f64))
                .exp()
                .mapv(f64::tanh)
                .view(),
        ],
    )
    .unwrap();
    t3 + (&t2 * &t2).mean().unwrap() + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f187() {
    let mut rng = Rng::new(232102358);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b)) = f187_grad(a.view(), &b, k);
        common::assert_near(v, f187(a.view(), &b, k), "value");
        let d_a: Array2<f64> = d_a;
        assert_fd_array(|xx| f187(xx.view(), &b, k), &a, &d_a, "da");
        assert_fd_array(|xx| f187(a.view(), xx, k), &b, &d_b, "db");
    }
}

// dims (3, 5, 2)
#[differentiable]
fn f188(k: usize, a: Array1<f64>, s: f64, b: &Array1<f64>, p: f64) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1: Array2<f64> = (-Array::from_elem((3, 5), 0.25_f64))
        .to_shape(((3, 5), ord))
        .unwrap()
        .to_owned();
    let t2: Array2<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (&t1.slice(s![..2, 2..4]) - Array1::<f64>::linspace(-0.5, 0.5, 2).insert_axis(Axis(1)))
                .view(),
            t1.slice(s![.., 1..3]).mapv(|v| v * p).view(),
        ],
    )
    .unwrap()
    .map(|&v| {
        ((if v > 0.49 { v * p } else { v * p }) * (if v > 0.49 { v * p } else { v * p }) + 0.5)
            .sqrt()
    });
    let mut t3: Array2<f64> = t1.clone();
    if nn::cross_entropy(&t3, &vec![2usize; 3]).cos() < 0.21 {
        t3 = &t3 * 0.464 + &nn::relu(&t1);
    } else {
        t3 = &(-&t1) - &t3;
    }
    let t4 = a.slice(s![1..]);
    let t5 = -&nn::log_softmax(&t4, Axis(0));
    let t6: Array1<f64> =
        (b + b) / &(nn::softplus(&t1.to_shape((15, Order::C)).unwrap().into_owned()) + 0.5);
    (&(-&t5) + &(&t4 + &t4)) * (s + t2.sum() + t5.sum() + t6.sum())
}

#[test]
fn test_f188() {
    let mut rng = Rng::new(232102370);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let s = 1.1576;
    let b = rand(&mut rng, 15, 0.5, 1.5);
    let p = 0.7253;
    for k in 0..2usize {
        let seed = rand(&mut rng, 14, -1.0, 1.0);
        let (y, (d_a, d_s, d_b, d_p)) = f188_vjp(k, a.clone(), s, &b, p, seed.clone());
        assert_array(&y, &f188(k, a.clone(), s, &b, p), "value");
        assert_fd_array(
            |xx| inner(&seed, &f188(k, xx.clone(), s, &b, p)),
            &a,
            &d_a,
            "da",
        );
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f188(k, a.clone(), xx[()], &b, p)),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(
            |xx| inner(&seed, &f188(k, a.clone(), s, xx, p)),
            &b,
            &d_b,
            "db",
        );
        let fd_p = fd(
            |xx: &Array<f64, _>| inner(&seed, &f188(k, a.clone(), s, &b, xx[()])),
            &Array::from_elem((), p),
        );
        common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    }
}

// dims (5, 4, 3)
#[differentiable]
fn f189(a: &Array1<f64>, b: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = nn::softmax(&(a.sin() * a.sin()), Axis(0));
    let t2 = (a * a.mean().unwrap()).mapv(|v| v * v + 1.0).powf(0.5);
    let t3 = a.slice(s![1..]);
    let t4 = b.slice(s![1..]);
    let t5 = (b.var(0.0) / nn::softmax(b, Axis(0)).sum().exp()).tanh();
    (nn::sigmoid(&(&t1 + &t1)) + 0.25).powf(1.5)
        + (t1.sum() + t2.sum() + (&t3 * &t3).mean().unwrap() + (&t4 * &t4).mean().unwrap() + t5)
}

#[test]
fn test_f189() {
    let mut rng = Rng::new(232102382);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b)) = f189_vjp(&a, &b, seed.clone());
    assert_array(&y, &f189(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f189(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f189(&a, xx)), &b, &d_b, "db");
}

// dims (3, 2, 4)
#[differentiable]
fn f190(a: &Array2<f64>) -> Array1<f64> {
    let t1 = a.column(0);
    let t2: f64 = if ((t1[1] + t1.sum()) + t1.mean().unwrap()) > 0.155 {
        0.756_f64
    } else {
        t1.mean().unwrap()
    };
    let t3 = if (nn::cross_entropy_one_hot(
        &a.slice(s![.., ..2]),
        &nn::softmax(&a.slice(s![.., ..2]), Axis(1)),
    ) + 0.503)
        .abs()
        > -0.619
    {
        a.slice(s![.., 1..])
            .dot(a)
            .dot(&nn::softmax(&a.row(2), Axis(0)))
    } else {
        nn::log_softmax(&a.index_axis(Axis(1), 0), Axis(0))
    };
    let t4 = -a.t().to_shape(((3, 4), Order::F)).unwrap().into_owned();
    let mut t5: Array1<f64> = a
        .row(2)
        .mapv(|v| (((v * 1.35).tanh()) * ((v * 1.35).tanh()) + 1.0).ln());
    let mut t6: f64 = t2;
    for i in 0..t4.nrows() {
        let r = t4.row(i);
        t5 = (&t5
            + &(&r
                - &t4
                    .slice(s![1.., 2..])
                    .to_shape((4, Order::C))
                    .unwrap()
                    .to_owned()))
            .mapv(f64::tanh);
        t6 += t2.exp().sqrt().cos();
    }
    let t7 = t6;
    let t8 = t3.view();
    a.dot(&t5).cos() * (t5.sum() + t7 + t8.sum())
}

#[test]
fn test_f190() {
    let mut rng = Rng::new(232102394);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, d_a) = f190_vjp(&a, seed.clone());
    assert_array(&y, &f190(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f190(xx)), &a, &d_a, "da");
}

// dims (5, 4, 3)
#[differentiable(wrt(b, c))]
fn f191(a: &Array2<f64>, b: &Array2<f64>, c: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::ones(4);
    if (((-0.688_f64) + 0.589).abs().powi(2) + 0.5).ln() > 0.0834 {
        let t2: f64 = 1.23_f64 - 0.828_f64;
        t1 = &t1 * 0.846 + &t1;
    }
    let t3 = (a / ((-1.29_f64) * (-1.29_f64) + 1.0))
        .to_shape(((5, 3), Order::ColumnMajor))
        .unwrap()
        .to_owned()
        / ((&(a + c[12]) * &(a + c[12])).sum() * (&(a + c[12]) * &(a + c[12])).sum() + 1.0);
    let t4 = &b.t().to_shape(((5, 3), Order::RowMajor)).unwrap().sin() + t3.mean().unwrap();
    let t5: ArrayView2<f64> = a.view();
    b.sum() + 0.594 * t4.sum() + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f191() {
    let mut rng = Rng::new(232102406);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), 0.5, 1.5);
    let c = rand(&mut rng, 20, -1.0, 1.0);
    let (v, (d_b, d_c)) = f191_grad(&a, &b, &c);
    common::assert_near(v, f191(&a, &b, &c), "value");
    assert_fd_array(|xx| f191(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f191(&a, &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 20, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f191_jvp(&a, &b, &c, &t_b, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_b * &t_b).mapv(f64::abs).sum() + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_b, hg_c), (hh_b, hh_c)) = f191_hvp(&a, &b, &c, &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_b, gp_c)) = f191_grad(&a, &pp_b, &pp_c);
    let (_, (gm_b, gm_c)) = f191_grad(&a, &pm_b, &pm_c);
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 2, 3)
#[differentiable]
fn f192(a: Array2<f64>, s: f64) -> Array2<f64> {
    let t1 = (1.39_f64 / s).sin();
    let t2 = -&(&a * a.sum()).mapv_into(f64::tanh);
    let t3 = nn::cross_entropy(
        &Array::from_elem((4, 2), 0.25_f64).dot(&t2.slice(s![.., ..2])),
        &vec![1usize; 4],
    )
    .cos();
    (&a.std_axis(Axis(1), 0.0).insert_axis(Axis(1)) * nn::relu(&t2)) * (t1 + t3)
}

#[test]
fn test_f192() {
    let mut rng = Rng::new(232102418);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let s = 1.2652;
    let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (y, (d_a, d_s)) = f192_vjp(a.clone(), s, seed.clone());
    assert_array(&y, &f192(a.clone(), s), "value");
    assert_fd_array(|xx| inner(&seed, &f192(xx.clone(), s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f192(a.clone(), xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 2, 4)
#[differentiable]
fn f193(a: ArrayView2<f64>, b: &Array1<f64>, s: f64, c: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = 0.612_f64
        / &b.dot(&Array::from_elem((4, 3), 1.5_f64))
            .mapv(|v| v * v + 1.0);
    let t2 = a.to_shape((6, Order::RowMajor)).unwrap();
    let t3 = b.view();
    let t4 = if b[3] > 0.321 {
        nn::softplus(&a).dot(&a.sum_axis(Axis(0)))
    } else {
        nn::softmax(&t1, Axis(0))
    };
    let mut t5: Array2<f64> = a.mapv(|v| ((v * 1.17).sin()).sin());
    if t4.sum() > -0.927 {
        let t6: f64 = c.mean().unwrap();
        t5 = &t5 * 0.651 + &ad_runtime::ndarray::stack(Axis(1), &[t1.view(), t1.view()]).unwrap();
    } else {
        t5 = &a.dot(&a.slice(s![1.., ..])) - &t5;
    }
    (b[3].powi(2) + 0.5).ln().exp()
        + 0.831 * s
        + 0.28 * t2.sum()
        + (&t3 * &t3).mean().unwrap()
        + 0.662 * t5.sum()
}

#[test]
fn test_f193() {
    let mut rng = Rng::new(232102430);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let s = 0.3207;
    let c = rand(&mut rng, 6, -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c)) = f193_grad(a.view(), &b, s, &c);
    common::assert_near(v, f193(a.view(), &b, s, &c), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f193(xx.view(), &b, s, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f193(a.view(), xx, s, &c), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f193(a.view(), &b, xx[()], &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f193(a.view(), &b, s, xx), &c, &d_c, "dc");
}

// dims (3, 4, 5)
#[differentiable]
fn f194(a: ArrayView2<f64>, b: &Array1<f64>, c: &Array1<f64>) -> f64 {
    let t1: f64 = b[3];
    let t2 = &(b[1] * &a) + &a.index_axis(Axis(1), 0).insert_axis(Axis(1));
    let mut t3: Array1<f64> = b.to_owned();
    let mut t4: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t5: Array1<f64> = nn::logsumexp(&a, Axis(0));
        t3 = &t3 * 0.7 + &nn::sigmoid(&(&r - t5));
        t4 += (&a * &r.insert_axis(Axis(0))).sum().tanh();
    }
    let t6: Array1<f64> = &((Array::from_elem(3, 1.5_f64) / Array1::<f64>::ones(3))
        - &Array1::<f64>::ones(3).exp())
        + (&t2.slice(s![1..4, ..3]).std_axis(Axis(0), 0.0) - Array1::<f64>::linspace(-0.5, 0.5, 3));
    let t7: Array1<f64> = c + c;
    (-1.42_f64).cos()
        + 0.878 * t1
        + (&t3 * &t3).mean().unwrap()
        + 0.525 * t4
        + 0.266 * t6.sum()
        + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f194() {
    let mut rng = Rng::new(232102442);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, 12, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f194_grad(a.view(), &b, &c);
    common::assert_near(v, f194(a.view(), &b, &c), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f194(xx.view(), &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f194(a.view(), xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f194(a.view(), &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 12, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f194_jvp(a.view(), &b, &c, t_a.view(), &t_b, &t_c);
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
        f194_hvp(a.view(), &b, &c, t_a.view(), &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f194_grad(pp_a.view(), &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = f194_grad(pm_a.view(), &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (2, 5, 2)
#[differentiable]
fn f195(a: Array2<f64>) -> f64 {
    let t1 = a.index_axis(Axis(1), 2);
    let t2: Array1<f64> = 0.489_f64
        - a.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| f64::min(acc, x))
            .mapv(|v| v);
    let t3 = a.var(1.0).exp().sqrt() + (t2 + &(&a.column(1) - &t1));
    let mut t4: Array1<f64> = t1.mapv(f64::tanh).to_owned();
    if t1[0] > 0.11 {
        let t5 = ((-0.31_f64).powi(2) + 0.5).sqrt();
        t4 = &t4 * 0.34 + &a.column(0);
    }
    0.463_f64 + 0.996 * t3.sum() + 0.663 * t4.sum()
}

#[test]
fn test_f195() {
    let mut rng = Rng::new(232102454);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, d_a) = f195_grad(a.clone());
    common::assert_near(v, f195(a.clone()), "value");
    assert_fd_array(|xx| f195(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f195_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f195_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f195_grad(pp_a.clone());
    let (_, gm_a) = f195_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 3, 4)
#[differentiable]
fn f196(a: ArrayView2<f64>, b: ArrayView2<f64>, s: f64, c: &Array1<f64>, k: usize) -> f64 {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1: Array2<f64> = b
        .slice(s![.., 2..])
        .to_shape((6, ord))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((2, 3), Order::F))
        .unwrap()
        .to_shape(((2, 3), ord))
        .unwrap()
        .into_owned();
    let t2: Array1<f64> = nn::sigmoid(
        &((&t1.column(0) / (c[1] * c[1] + 1.0)) * &a.var_axis(Axis(1), 0.0).powi(2))
            .dot(&(&a.var_axis(Axis(0), 0.0).exp() * &b.slice(s![..2, ..]).cos())),
    );
    let mut t3: Array1<f64> = (nn::softplus(&t2) + 0.5).ln().to_owned();
    let mut t4: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t5: f64 = b.mean().unwrap();
        let t6: f64 = (i as f64 * 0.3);
        t3 = &(&t3 + &t2) * b[[2, 1]].tanh() + t3;
        t4 += ((c[1] + t5) + t6).tanh();
    }
    let t7: Array2<f64> = (&(c / (s.powi(2) + 0.5)).insert_axis(Axis(1))
        + &b.sum_axis(Axis(0)).insert_axis(Axis(0)))
        .dot(
            &((b[[0, 2]] * c.sum())
                + &(&t3.view().insert_axis(Axis(0)) + &t2.view().insert_axis(Axis(1)))),
        )
        .tanh();
    let t8 = &t7
        .slice(s![.., 1..3])
        .mapv(|v| v * 1.34)
        .dot(&(s / &a.mapv(|v| v * v + 1.0)))
        - a.slice(s![.., ..2])
            .to_shape(4)
            .unwrap()
            .to_owned()
            .insert_axis(Axis(0));
    (t3.dot(&t2) - (t4 / (t2.mean().unwrap().powi(2) + 0.5))).tanh()
        + 0.962 * t4
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f196() {
    let mut rng = Rng::new(232102466);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let s = -0.7567;
    let c = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_s, d_c)) = f196_grad(a.view(), b.view(), s, &c, k);
        common::assert_near(v, f196(a.view(), b.view(), s, &c, k), "value");
        let d_a: Array2<f64> = d_a;
        assert_fd_array(|xx| f196(xx.view(), b.view(), s, &c, k), &a, &d_a, "da");
        let d_b: Array2<f64> = d_b;
        assert_fd_array(|xx| f196(a.view(), xx.view(), s, &c, k), &b, &d_b, "db");
        let fd_s = fd(
            |xx: &Array<f64, _>| f196(a.view(), b.view(), xx[()], &c, k),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(|xx| f196(a.view(), b.view(), s, xx, k), &c, &d_c, "dc");
    }
}

// dims (4, 2, 5)
#[differentiable]
fn h197(a: &Array1<f64>, b: Array2<f64>, s: f64) -> Array2<f64> {
    let t1: ArrayView1<f64> = a.view();
    let t2 = (-0.384_f64).exp().ln();
    ((&b.index_axis(Axis(0), 1).insert_axis(Axis(0))
        - &b.index_axis(Axis(1), 0).insert_axis(Axis(1)))
        * &b.index_axis(Axis(0), 2)
            .map(|&v| (((v * t2) * (v * t2) + 1.0).ln()).tanh()))
        * (b.sum() + s + (&t1 * &t1).mean().unwrap() + t2)
}

#[test]
fn test_h197() {
    let mut rng = Rng::new(232102478);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = 0.8356;
    let seed = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = h197_vjp(&a, b.clone(), s, seed.clone());
    assert_array(&y, &h197(&a, b.clone(), s), "value");
    assert_fd_array(|xx| inner(&seed, &h197(xx, b.clone(), s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h197(&a, xx.clone(), s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h197(&a, b.clone(), xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 2, 5)
#[differentiable]
fn f197(a: &Array1<f64>, b: Array1<f64>) -> f64 {
    let t1 = b.view();
    let t2: Array1<f64> = (&b + &b).mapv_into(f64::tanh);
    let t3: Array1<f64> = (&b / &t1.mapv(|v| v * v + 1.0)).mapv(|v| {
        if v > -0.0614 {
            (v * v + 1.0).ln()
        } else {
            v.sin()
        }
    });
    let t4: Array1<f64> = Array2::<f64>::eye(2)
        .mapv(|v| v)
        .mean_axis(Axis(0))
        .unwrap()
        .cos();
    t2.sum()
        + (a * a).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f197() {
    let mut rng = Rng::new(232102480);
    let a = rand(&mut rng, 4, 0.5, 1.5);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b)) = f197_grad(&a, b.clone());
    common::assert_near(v, f197(&a, b.clone()), "value");
    assert_fd_array(|xx| f197(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f197(&a, xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f197_jvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f197_hvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f197_grad(&pp_a, pp_b.clone());
    let (_, (gm_a, gm_b)) = f197_grad(&pm_a, pm_b.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 2, 3)
#[differentiable]
fn f198(a: Array2<f64>, b: &Array2<f64>, c: &Array1<f64>, d: &Array1<f64>, w: Array2<f64>) -> f64 {
    let t1 = 0.45_f64 + (1.25_f64 + 0.414).abs();
    let t2 = d.slice(s![1..]);
    let t3 =
        (nn::sigmoid(&(&d.view().insert_axis(Axis(1)) - &t2.insert_axis(Axis(0)))) + 0.25).sqrt();
    let t4: ArrayView1<f64> = c.view();
    let mut t5: f64 = 0.0;
    for i in 0..2 {
        let t6 = d[i + 1] - d[i] * d[i];
        let t7 = 1.0 - d[i];
        t5 += 1.66 * t6 * t6 + t7 * t7;
    }
    let t8 = t5.tanh();
    b.sum()
        + 0.812 * a.sum()
        + (b * b).mean().unwrap()
        + 0.423 * w.sum()
        + 0.443 * t1
        + 0.762 * t3.sum()
        + (&t4 * &t4).mean().unwrap()
        + 0.28 * t8
}

#[test]
fn test_f198() {
    let mut rng = Rng::new(232102492);
    let a = rand(&mut rng, (3, 3), 0.5, 1.5);
    let b = rand(&mut rng, (3, 2), 0.5, 1.5);
    let c = rand(&mut rng, 3, 0.5, 1.5);
    let d = rand(&mut rng, 3, 0.5, 1.5);
    let w = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f198_grad(a.clone(), &b, &c, &d, w.clone());
    common::assert_near(v, f198(a.clone(), &b, &c, &d, w.clone()), "value");
    assert_fd_array(|xx| f198(xx.clone(), &b, &c, &d, w.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f198(a.clone(), xx, &c, &d, w.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f198(a.clone(), &b, xx, &d, w.clone()), &c, &d_c, "dc");
    assert_fd_array(|xx| f198(a.clone(), &b, &c, xx, w.clone()), &d, &d_d, "dd");
    assert_fd_array(|xx| f198(a.clone(), &b, &c, &d, xx.clone()), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 3, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 3, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f198_jvp(
        a.clone(),
        &b,
        &c,
        &d,
        w.clone(),
        t_a.clone(),
        &t_b,
        &t_c,
        &t_d,
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
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f198_hvp(
        a.clone(),
        &b,
        &c,
        &d,
        w.clone(),
        t_a.clone(),
        &t_b,
        &t_c,
        &t_d,
        t_w.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) =
        f198_grad(pp_a.clone(), &pp_b, &pp_c, &pp_d, pp_w.clone());
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) =
        f198_grad(pm_a.clone(), &pm_b, &pm_c, &pm_d, pm_w.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (2, 5, 4)
#[differentiable]
fn h199(a: &Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> = a.dot(&a.index_axis(Axis(0), 2)).insert_axis(Axis(1)) - a.abs();
    let t2 = t1.t();
    t2.t().to_owned() * (t2.sum())
}

#[test]
fn test_h199() {
    let mut rng = Rng::new(232102504);
    let a = rand(&mut rng, (5, 4), 0.5, 1.5);
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, d_a) = h199_vjp(&a, seed.clone());
    assert_array(&y, &h199(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h199(xx)), &a, &d_a, "da");
}

// dims (2, 5, 4)
#[differentiable]
fn f199(a: &Array1<f64>, s: f64, b: &Array1<f64>, c: &Array2<f64>, p: f64) -> f64 {
    let t1: Array2<f64> = h199(&Array::from_elem((5, 4), 0.5_f64));
    let t2 = t1.mapv(f64::tanh);
    let t3 = h199(&(&t1.mapv(f64::tanh) * &t1.mapv(f64::tanh) + 0.5).ln().exp());
    let t4 = t3.mapv(f64::tanh);
    let t5: Array2<f64> = ad_runtime::ndarray::stack(Axis(0), &[b.view(), (a + a).view()]).unwrap();
    let t6: Array2<f64> = nn::log_softmax(&nn::log_softmax(&t4, Axis(0)), Axis(0));
    let mut t7: Array2<f64> = c.exp();
    let mut t8: f64 = 0.0;
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        t7 = &t7 * 0.7 + &nn::sigmoid(&t1.slice(s![3.., 1..3])).dot(c);
        t8 = (t8 + (i as f64 * 0.3)).tanh();
    }
    let t9 = &t7 * 0.157;
    ((t8 / (t7.sum() * t7.sum() + 1.0)) + 1.37_f64.exp())
        + 0.617 * s
        + 0.382 * p
        + 0.229 * t3.sum()
        + 0.879 * t5.sum()
        + (&t6 * &t6).mean().unwrap()
        + 0.255 * t8
        + (&t9 * &t9).mean().unwrap()
}

#[test]
fn test_f199() {
    let mut rng = Rng::new(232102506);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let s = 0.9841;
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let p = -0.6199;
    let (v, (d_a, d_s, d_b, d_c, d_p)) = f199_grad(&a, s, &b, &c, p);
    common::assert_near(v, f199(&a, s, &b, &c, p), "value");
    assert_fd_array(|xx| f199(xx, s, &b, &c, p), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f199(&a, xx[()], &b, &c, p),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f199(&a, s, xx, &c, p), &b, &d_b, "db");
    assert_fd_array(|xx| f199(&a, s, &b, xx, p), &c, &d_c, "dc");
    let fd_p = fd(
        |xx: &Array<f64, _>| f199(&a, s, &b, &c, xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (5, 3, 5)
#[differentiable]
fn h200(a: Array2<f64>, s: f64) -> f64 {
    let t1 = s;
    let t2 = a.t();
    a.sin().var(0.0) + 0.588 * t1 + (&t2 * &t2).mean().unwrap()
}

#[test]
fn test_h200() {
    let mut rng = Rng::new(232102518);
    let a = rand(&mut rng, (3, 5), 0.5, 1.5);
    let s = 0.8551;
    let (v, (d_a, d_s)) = h200_grad(a.clone(), s);
    common::assert_near(v, h200(a.clone(), s), "value");
    assert_fd_array(|xx| h200(xx.clone(), s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h200(a.clone(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h200_jvp(a.clone(), s, t_a.clone(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h200_hvp(a.clone(), s, t_a.clone(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h200_grad(pp_a.clone(), pp_s);
    let (_, (gm_a, gm_s)) = h200_grad(pm_a.clone(), pm_s);
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
fn f200(a: &Array1<f64>, s: f64) -> Array2<f64> {
    let t1 = (-&a.dot(&Array2::<f64>::eye(5)))
        + &(&a.mapv(|v| (if v > 0.592 { v * s } else { v * s }).sin())
            - &nn::logsumexp(&Array::from_elem((5, 5), 1.5_f64), Axis(1)));
    let t2: ArrayView1<f64> = a.view();
    let t3: ArrayView1<f64> = t1.view();
    let t4: Array1<f64> = t1.mapv(f64::cos).tanh();
    (0.739_f64.cos() + &Array::from_elem((5, 5), 0.25_f64).dot(&Array::from_elem((5, 3), 1.5_f64)))
        + ((&t2 * &t2).mean().unwrap() + (&t3 * &t3).mean().unwrap() + (&t4 * &t4).mean().unwrap())
}

#[test]
fn test_f200() {
    let mut rng = Rng::new(232102520);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let s = 0.3484;
    let seed = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (y, (d_a, d_s)) = f200_vjp(&a, s, seed.clone());
    assert_array(&y, &f200(&a, s), "value");
    assert_fd_array(|xx| inner(&seed, &f200(xx, s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f200(&a, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (2, 3, 5)
#[differentiable(wrt(c))]
fn f201(a: Array2<f64>, b: &Array1<f64>, c: &Array1<f64>, d: Array1<f64>, w: Array2<f64>) -> f64 {
    let t1 = d.sum().cos();
    let mut t2: f64 = c.dot(c);
    if (nn::mse(c, c) + (&w * &w).sum()).tanh() > -0.259 {
        t2 = t2 * 0.732 + d.mean().unwrap();
    } else {
        t2 = b.mean().unwrap() - t2;
    }
    let t3: Array1<f64> = c.exp().mapv_into(f64::tanh).exp();
    let t4 = (&t3 + &a).dot(&(&w.slice(s![.., 2..]) * &t3)).tanh();
    t2 + 0.847 * t1 + 0.994 * t2 + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f201() {
    let mut rng = Rng::new(232102532);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, 2, -1.0, 1.0);
    let w = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, d_c) = f201_grad(a.clone(), &b, &c, d.clone(), w.clone());
    common::assert_near(v, f201(a.clone(), &b, &c, d.clone(), w.clone()), "value");
    assert_fd_array(
        |xx| f201(a.clone(), &b, xx, d.clone(), w.clone()),
        &c,
        &d_c,
        "dc",
    );
    let hstep = 1e-5;
    let t_c = rand(&mut rng, 3, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f201_jvp(a.clone(), &b, &c, d.clone(), w.clone(), &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_c * &t_c).sum();
    let scale: f64 = (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_c, hh_c) = f201_hvp(a.clone(), &b, &c, d.clone(), w.clone(), &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_c) = f201_grad(a.clone(), &b, &pp_c, d.clone(), w.clone());
    let (_, gm_c) = f201_grad(a.clone(), &b, &pm_c, d.clone(), w.clone());
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (3, 2, 5)
#[differentiable(wrt(a, c, s))]
fn f202(a: &Array1<f64>, b: &Array1<f64>, c: &Array1<f64>, s: f64) -> f64 {
    let t1 = -&b.mapv(|v| ((v * s).exp()).tanh());
    let t2: f64 = Array2::<f64>::eye(3)
        .sum_axis(Axis(1))
        .dot(&c.mapv(f64::exp));
    let t3 = (b[3] + 0.24).abs() * (((-0.372_f64) + a[0]) * t2).tanh();
    let t4 = t1.view();
    let t5 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            (c * c).view(),
            Array::from_elem((3, 3), 1.5_f64).dot(c).view(),
        ],
    )
    .unwrap();
    let t6 = &(&t4 - t5) + &(&t1 - t3);
    let t7 = t4.slice(s![1..]);
    (a.mean().unwrap() - (t6[1] + t4[3])) + 0.419 * t6.sum() + 0.617 * t7.sum()
}

#[test]
fn test_f202() {
    let mut rng = Rng::new(232102544);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, 6, -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let s = 1.2004;
    let (v, (d_a, d_c, d_s)) = f202_grad(&a, &b, &c, s);
    common::assert_near(v, f202(&a, &b, &c, s), "value");
    assert_fd_array(|xx| f202(xx, &b, &c, s), &a, &d_a, "da");
    assert_fd_array(|xx| f202(&a, &b, xx, s), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| f202(&a, &b, &c, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (2, 5, 2)
#[differentiable]
fn h203(a: &Array1<f64>, b: &Array2<f64>, c: Array2<f64>) -> f64 {
    let t1: Array2<f64> = b.slice(s![.., 2..4]).dot(&c).map(|&v| v);
    let t2 = b.mean().unwrap().tanh().cos();
    let t3 = -&(0.348_f64 / &(a * a + 0.5));
    (t3[3] + t3[7]) + (&t1 * &t1).mean().unwrap() + 0.721 * t2 + 0.59 * t3.sum()
}

#[test]
fn test_h203() {
    let mut rng = Rng::new(232102556);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h203_grad(&a, &b, c.clone());
    common::assert_near(v, h203(&a, &b, c.clone()), "value");
    assert_fd_array(|xx| h203(xx, &b, c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| h203(&a, xx, c.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| h203(&a, &b, xx.clone()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 10, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h203_jvp(&a, &b, c.clone(), &t_a, &t_b, t_c.clone());
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
        h203_hvp(&a, &b, c.clone(), &t_a, &t_b, t_c.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h203_grad(&pp_a, &pp_b, pp_c.clone());
    let (_, (gm_a, gm_b, gm_c)) = h203_grad(&pm_a, &pm_b, pm_c.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (2, 5, 2)
#[differentiable]
fn f203(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    let t1 = b.t();
    let t2: f64 = b.row(1).dot(&t1.row(0)) * 1.45_f64;
    let t3 = (&t1.index_axis(Axis(0), 1) * b.mean_axis(Axis(0)).unwrap())
        .dot(&(nn::softmax(&t1.index_axis(Axis(1), 1), Axis(0)) - t1.powf(1.5)))
        .tanh();
    let mut t4: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t5: f64 = t2;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t6 = t1[[1, 0]] + t2;
        t4 = (&t4 + &r).mapv(f64::tanh);
        t5 = (t5
            + (nn::cross_entropy(&Array::from_elem((2, 5), 0.5_f64), &vec![0usize; 2])
                .exp()
                .tanh()
                + t6)
                .tanh())
        .tanh();
    }
    let t7: ArrayView1<f64> = t3.view();
    (t5 - t1[[0, 1]]) + (a * a).mean().unwrap() + 0.861 * t4.sum() + 0.267 * t5 + 0.868 * t7.sum()
}

#[test]
fn test_f203() {
    let mut rng = Rng::new(232102558);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, (2, 2), 0.5, 1.5);
    let (v, (d_a, d_b)) = f203_grad(&a, &b);
    common::assert_near(v, f203(&a, &b), "value");
    assert_fd_array(|xx| f203(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f203(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f203_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f203_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f203_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f203_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 2, 5)
#[differentiable]
fn h204(a: Array1<f64>) -> f64 {
    let t1: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            Array1::<f64>::ones(3).view(),
            (&Array1::<f64>::ones(3)
                / (nn::softplus(&Array1::<f64>::linspace(-0.5, 0.5, 3)) + 0.5))
                .view(),
        ],
    )
    .unwrap();
    a[1].sin().sin() + 0.6 * a.sum() + 0.431 * t1.sum()
}

#[test]
fn test_h204() {
    let mut rng = Rng::new(232102570);
    let a = rand(&mut rng, 6, 0.5, 1.5);
    let (v, d_a) = h204_grad(a.clone());
    common::assert_near(v, h204(a.clone()), "value");
    assert_fd_array(|xx| h204(xx.clone()), &a, &d_a, "da");
}

// dims (3, 2, 5)
#[differentiable]
fn f204(k: usize, a: &Array2<f64>, s: f64, b: &Array2<f64>) -> f64 {
    let ord = match k {
        0 => Order::RowMajor,
        _ => Order::ColumnMajor,
    };
    let t1 = ad_runtime::ndarray::stack(
        Axis(0),
        &[a.std_axis(Axis(1), 0.0).view(), a.index_axis(Axis(1), 0)],
    )
    .unwrap()
    .to_shape(((3, 2), ord))
    .unwrap()
    .to_owned();
    let t2: f64 = h204(
        Array1::<f64>::ones(6)
            .mapv(|v| ((v * s) * (v * s) + 0.5).sqrt())
            .to_owned(),
    );
    let t3: f64 = t2.tanh();
    let t4: Array2<f64> = b
        .t()
        .mapv(|v| v)
        .to_shape(((2, 5), ord))
        .unwrap()
        .to_owned();
    let t5 = t1.t();
    let t6: f64 = s;
    let mut t7: Array1<f64> = Array2::<f64>::eye(3).mean_axis(Axis(1)).unwrap();
    let mut t8: f64 = 0.0;
    for i in 0..t5.nrows() {
        let r = t5.row(i);
        let t9: f64 = t3.exp();
        t7 = &r * (t7[0] * t4[[1, 3]]) + t7;
        t8 = t8 * 0.8 - (a.mean().unwrap().cos().powi(2) + t9).tanh();
    }
    let t10 = t1.view();
    t7[2] + 0.571 * t2 + 0.31 * t6 + 0.528 * t8 + (&t10 * &t10).mean().unwrap()
}

#[test]
fn test_f204() {
    let mut rng = Rng::new(232102572);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let s = -0.5407;
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_s, d_b)) = f204_grad(k, &a, s, &b);
        common::assert_near(v, f204(k, &a, s, &b), "value");
        assert_fd_array(|xx| f204(k, xx, s, &b), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| f204(k, &a, xx[()], &b),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(|xx| f204(k, &a, s, xx), &b, &d_b, "db");
    }
}

// dims (4, 3, 2)
#[differentiable]
fn h205(a: &Array1<f64>, s: f64) -> f64 {
    let t1 = a.view();
    ((a[0] / s) - nn::mse(&t1, &t1)) + 0.982 * s + 0.437 * t1.sum()
}

#[test]
fn test_h205() {
    let mut rng = Rng::new(232102584);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let s = 0.7088;
    let (v, (d_a, d_s)) = h205_grad(&a, s);
    common::assert_near(v, h205(&a, s), "value");
    assert_fd_array(|xx| h205(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h205(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h205_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h205_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h205_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = h205_grad(&pm_a, pm_s);
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
#[differentiable(wrt(b))]
fn f205(a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>) -> Array1<f64> {
    let t1 = nn::relu(&Array::from_elem((4, 2), 0.25_f64).fold_axis(
        Axis(1),
        f64::NEG_INFINITY,
        |&m: &f64, &x: &f64| x.max(m),
    ));
    let t2: f64 = h205(&b.row(1).to_owned(), t1.var(1.0) * t1.var(1.0) + 1.0);
    let t3 = t2.tanh();
    let mut t4: Array1<f64> = nn::relu(&b.index_axis(Axis(0), 0));
    if t2 < 0.368 {
        let t5: f64 = (t2 - t2).tanh();
        t4 = &t4 * 0.306 + &(&b.var_axis(Axis(0), 1.0).abs() * 0.444);
    } else {
        t4 = &(&t4 + &t4) - &t4;
    }
    nn::sigmoid(
        &Array::from_elem((4, 4), 0.5_f64)
            .dot(&Array2::<f64>::eye(4))
            .dot(&Array::from_elem((4, 3), 0.25_f64).dot(&t4)),
    ) * (t3)
}

#[test]
fn test_f205() {
    let mut rng = Rng::new(232102586);
    let a = rand(&mut rng, 12, 0.5, 1.5);
    let b = rand(&mut rng, (2, 3), 0.5, 1.5);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, d_b) = f205_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &f205(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f205(&a, xx, &c)), &b, &d_b, "db");
}

// dims (2, 3, 4)
#[differentiable]
fn f206(a: &Array2<f64>) -> f64 {
    let t1 = a.view();
    let t2: Array2<f64> =
        (&t1.t().to_shape(((3, 4), Order::C)).unwrap().to_owned() + a.mean().unwrap()).abs();
    let t3: f64 = (&Array::from_elem((4, 2), 0.5_f64)
        .var_axis(Axis(1), 0.0)
        .mapv_into(|v| (if v > 0.0548 { v } else { v }).sin())
        * &Array::from_elem((4, 2), 0.5_f64)
            .var_axis(Axis(1), 0.0)
            .mapv_into(|v| (if v > 0.0548 { v } else { v }).sin()))
        .sum();
    let t4 = -1.3_f64;
    let t5: ArrayView1<f64> = t2.index_axis(Axis(0), 0);
    t5.mean().unwrap() + 0.204 * t3 + 0.636 * t4 + 0.307 * t5.sum()
}

#[test]
fn test_f206() {
    let mut rng = Rng::new(232102598);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, d_a) = f206_grad(&a);
    common::assert_near(v, f206(&a), "value");
    assert_fd_array(|xx| f206(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f206_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f206_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f206_grad(&pp_a);
    let (_, gm_a) = f206_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 5, 2)
#[differentiable(wrt(b, c))]
fn f207(a: Array1<f64>, b: Array1<f64>, c: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = nn::softplus(&(1.08_f64 / &(nn::softplus(c) + 0.5)));
    let t2 = a.view();
    let t3: Array1<f64> = nn::log_softmax(&(&b + &t2), Axis(0))
        .mapv(|v| {
            if v > -0.533 {
                v.powi(2) - 0.5
            } else {
                (v * v + 0.5).sqrt()
            }
        })
        .tanh();
    let t4 = (nn::sigmoid(&t3) + 0.25).powf(1.5).abs();
    let t5 = a.slice(s![1..]);
    let t6 = if (c.var(0.0)
        - nn::cross_entropy(&Array::from_elem((3, 5), 0.25_f64), &vec![1usize; 3]))
        > -0.497
    {
        &Array::from_elem((2, 2), 0.5_f64)
            .to_shape((4, Order::C))
            .unwrap()
            * &nn::log_softmax(&t5, Axis(0))
    } else {
        nn::logsumexp(
            &(&Array::from_elem((4, 3), 0.25_f64) - &c.view().insert_axis(Axis(0))),
            Axis(1),
        )
    };
    let mut t7: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t8 = a[i + 1] - a[i] * a[i];
        let t9 = 1.0 - a[i];
        t7 += 2.35 * t8 * t8 + t9 * t9;
    }
    let t10 = t7.tanh();
    nn::logsumexp(&Array::from_elem((5, 3), 1.5_f64), Axis(1)).mapv(f64::tanh)
        * ((&t1 * &t1).mean().unwrap() + t4.sum() + (&t6 * &t6).mean().unwrap() + t10)
}

#[test]
fn test_f207() {
    let mut rng = Rng::new(232102610);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_b, d_c)) = f207_vjp(a.clone(), b.clone(), &c, seed.clone());
    assert_array(&y, &f207(a.clone(), b.clone(), &c), "value");
    assert_fd_array(
        |xx| inner(&seed, &f207(a.clone(), xx.clone(), &c)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f207(a.clone(), b.clone(), xx)),
        &c,
        &d_c,
        "dc",
    );
}

// dims (3, 5, 2)
#[differentiable]
fn f208(k: usize, a: Array2<f64>) -> Array1<f64> {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1: Array2<f64> = Array::from_elem((3, 5), 1.5_f64)
        .cos()
        .to_shape(((3, 5), ord))
        .unwrap()
        .to_owned();
    let t2 = ((-0.961_f64) * (-0.961_f64) + 1.0).ln();
    let t3 = a.index_axis(Axis(1), 0);
    let t4 = t1.row(2);
    let t5 = t1
        .t()
        .dot(&(&t1.column(3) / (t1[[1, 1]].powi(2) + 0.5)))
        .sum();
    let mut t6: Array1<f64> = (&t4 * (-0.918_f64)).to_owned();
    if t6[0] < -0.424 {
        t6 = &t6 * 0.817 + &nn::softmax(&t4, Axis(0));
    } else {
        t6 = &a.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| {
            ((x - t2).powi(2)).min(acc)
        }) - &t6;
    }
    let t7 = t4.view();
    let mut t8: Array1<f64> = a.row(3).to_owned();
    let mut t9: f64 = (t8[1] + 0.218).abs();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t8 = &t8 + &(&(&r - &nn::softplus(&t8)) * 0.667);
        t9 = t9 * 0.8
            - (&(&(&t8 - &a.row(2)) * 0.167) * &(&(&t8 - &a.row(2)) * 0.167))
                .sum()
                .tanh();
    }
    (-&t1.column(4).dot(&t1)) * ((&t3 * &t3).mean().unwrap() + t5 + t9)
}

#[test]
fn test_f208() {
    let mut rng = Rng::new(232102622);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 5, -1.0, 1.0);
        let (y, d_a) = f208_vjp(k, a.clone(), seed.clone());
        assert_array(&y, &f208(k, a.clone()), "value");
        assert_fd_array(|xx| inner(&seed, &f208(k, xx.clone())), &a, &d_a, "da");
    }
}

// dims (5, 4, 2)
#[differentiable]
fn f209(a: Array2<f64>, b: ArrayView2<f64>) -> f64 {
    let t1: f64 = -0.343_f64;
    let mut t2: Array1<f64> = a.row(2).to_owned();
    let mut t3: f64 = b[[3, 3]] * (-1.24_f64);
    for i in 0..a.nrows() {
        let r = a.row(i);
        t2 = &(t1 * &r) * t2[1] + t2;
        t3 = (t3 + t2.sum().tanh()).tanh();
    }
    let t4 = t3;
    b[[3, 0]] + 0.58 * t4
}

#[test]
fn test_f209() {
    let mut rng = Rng::new(232102634);
    let a = rand(&mut rng, (4, 2), 0.5, 1.5);
    let b = rand(&mut rng, (5, 4), 0.5, 1.5);
    let (v, (d_a, d_b)) = f209_grad(a.clone(), b.view());
    common::assert_near(v, f209(a.clone(), b.view()), "value");
    assert_fd_array(|xx| f209(xx.clone(), b.view()), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f209(a.clone(), xx.view()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f209_jvp(a.clone(), b.view(), t_a.clone(), t_b.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f209_hvp(a.clone(), b.view(), t_a.clone(), t_b.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f209_grad(pp_a.clone(), pp_b.view());
    let (_, (gm_a, gm_b)) = f209_grad(pm_a.clone(), pm_b.view());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (2, 3, 5)
#[differentiable(wrt(d, w))]
fn f210(
    a: ArrayView2<f64>,
    b: &Array2<f64>,
    c: &Array2<f64>,
    d: &Array1<f64>,
    w: &Array2<f64>,
) -> Array2<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..d.len() - 1 {
        let t2 = d[i + 1] - d[i] * d[i];
        let t3 = 1.0 - d[i];
        t1 += 0.753 * t2 * t2 + t3 * t3;
    }
    let t4 = t1.tanh();
    let t5 = nn::sigmoid(&nn::log_softmax(
        &((&b.column(0).insert_axis(Axis(1))
            + a.fold_axis(Axis(0), f64::NEG_INFINITY, |&acc, &x| {
                ((x - t4).powi(2)).max(acc)
            })
            .insert_axis(Axis(0)))
            + (-&a.row(1)).insert_axis(Axis(0))),
        Axis(1),
    ));
    let t6: ArrayView1<f64> = c.column(2);
    let mut t7: f64 = 0.0;
    for i in 1..d.len() {
        t7 += (d[i] - d[i - 1]).powi(2) * 0.452;
    }
    let t8: f64 = t7.tanh();
    let mut t9: Array1<f64> = (t4
        / &a.fold_axis(Axis(0), f64::NEG_INFINITY, |m, v| m.max(*v))
            .exp())
        .to_owned();
    let mut t10: f64 = t4.sin();
    for i in 0..w.nrows() {
        let r = w.row(i);
        let t11 = t9[0] - t6[0];
        let t12 = (i as f64 * 0.3);
        t9 = &t9.mapv(|v| v * 0.935).tanh() * (&t6 * &t6).sum().tanh() + t9;
        t10 += ((((t4 / r[0].exp()) + 0.492).abs() + t11) + t12).tanh();
    }
    let t13 = t5.view();
    let mut t14: f64 = 0.0;
    for i in 0..d.len() - 1 {
        let t15 = d[i + 1] - d[i] * d[i];
        let t16 = 1.0 - d[i];
        t14 += 1.4 * t15 * t15 + t16 * t16;
    }
    let t17: f64 = t14.tanh();
    (t9.mapv(|v| v * t17) / &Array2::<f64>::eye(5).dot(b).mapv(|v| v * v + 1.0))
        * (t8 + t10 + t13.sum() + t17)
}

#[test]
fn test_f210() {
    let mut rng = Rng::new(232102646);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let d = rand(&mut rng, 6, 0.5, 1.5);
    let w = rand(&mut rng, (5, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (y, (d_d, d_w)) = f210_vjp(a.view(), &b, &c, &d, &w, seed.clone());
    assert_array(&y, &f210(a.view(), &b, &c, &d, &w), "value");
    assert_fd_array(
        |xx| inner(&seed, &f210(a.view(), &b, &c, xx, &w)),
        &d,
        &d_d,
        "dd",
    );
    assert_fd_array(
        |xx| inner(&seed, &f210(a.view(), &b, &c, &d, xx)),
        &w,
        &d_w,
        "dw",
    );
}

// dims (2, 4, 3)
#[differentiable(wrt(b, c, s, d))]
fn f211(a: &Array2<f64>, b: Array1<f64>, c: ArrayView2<f64>, s: f64, d: Array2<f64>) -> f64 {
    let t1: Array2<f64> = c.tanh();
    let t2 = (&d.std_axis(Axis(0), 1.0).dot(&c) * &d.std_axis(Axis(0), 1.0).dot(&c)).sum();
    let mut t3: f64 = 0.0;
    for i in 1..b.len() {
        t3 += (b[i] - b[i - 1]).powi(2) * 1.48;
    }
    let t4 = t3.tanh();
    let t5: Array2<f64> = if (b.sum() + s) < -0.223 {
        nn::sigmoid(
            &Array::from_elem((4, 4), 0.5_f64)
                .dot(&d)
                .mapv_into(|v| ((v * 1.13).exp()).powi(2) - 0.5),
        )
    } else {
        c.t().to_owned()
    };
    let mut t6: f64 = (d[[1, 2]] + 0.366).abs();
    if t5[[2, 1]] < 0.497 {
        let t7 = -0.835_f64;
        t6 = t6 * 0.894 + a.mean().unwrap();
    } else {
        t6 = t3.powi(2).tanh() - t6;
    }
    let t8 = b.view();
    let t9: Array2<f64> = ((&t1.sum_axis(Axis(1)) * &a.slice(s![.., 1..]))
        + &(a.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1))
            / &t1.slice(s![1.., ..3]).mapv(|v| v * v + 1.0)))
        .dot(&(&c - &a.row(0).insert_axis(Axis(0))).mapv(|v| ((v * 0.31) * (v * 0.36)).sin()))
        .tanh();
    b[0] + 0.587 * t2 + 0.204 * t4 + 0.315 * t6 + 0.961 * t8.sum() + (&t9 * &t9).mean().unwrap()
}

#[test]
fn test_f211() {
    let mut rng = Rng::new(232102658);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let s = 1.4562;
    let d = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (v, (d_b, d_c, d_s, d_d)) = f211_grad(&a, b.clone(), c.view(), s, d.clone());
    common::assert_near(v, f211(&a, b.clone(), c.view(), s, d.clone()), "value");
    assert_fd_array(
        |xx| f211(&a, xx.clone(), c.view(), s, d.clone()),
        &b,
        &d_b,
        "db",
    );
    let d_c: Array2<f64> = d_c;
    assert_fd_array(
        |xx| f211(&a, b.clone(), xx.view(), s, d.clone()),
        &c,
        &d_c,
        "dc",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| f211(&a, b.clone(), c.view(), xx[()], d.clone()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| f211(&a, b.clone(), c.view(), s, xx.clone()),
        &d,
        &d_d,
        "dd",
    );
    let hstep = 1e-5;
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_d = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f211_jvp(
        &a,
        b.clone(),
        c.view(),
        s,
        d.clone(),
        t_b.clone(),
        t_c.view(),
        t_s,
        t_d.clone(),
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_b * &t_b).sum() + (&d_c * &t_c).sum() + d_s * t_s + (&d_d * &t_d).sum();
    let scale: f64 = (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (d_s * t_s).abs()
        + (&d_d * &t_d).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_b, hg_c, hg_s, hg_d), (hh_b, hh_c, hh_s, hh_d)) = f211_hvp(
        &a,
        b.clone(),
        c.view(),
        s,
        d.clone(),
        t_b.clone(),
        t_c.view(),
        t_s,
        t_d.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_b, gp_c, gp_s, gp_d)) =
        f211_grad(&a, pp_b.clone(), pp_c.view(), pp_s, pp_d.clone());
    let (_, (gm_b, gm_c, gm_s, gm_d)) =
        f211_grad(&a, pm_b.clone(), pm_c.view(), pm_s, pm_d.clone());
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (2, 5, 3)
#[differentiable]
fn f212(a: &Array2<f64>, b: &Array1<f64>, s: f64, c: &Array2<f64>, d: Array1<f64>) -> f64 {
    let t1: Array2<f64> = (&a.index_axis(Axis(0), 2).insert_axis(Axis(1))
        / (nn::sigmoid(&a.t()) + 0.25))
        .mapv(|v| (v * s + s).tanh());
    let mut t2: f64 = 0.0;
    for i in 0..1 {
        t2 = t2 * 0.8 + d[i].sin() * d[i + 1];
    }
    let t3: f64 = t2;
    let t4 = (-b).mapv(f64::exp);
    let t5 = t2;
    (t4[5] - d.sum()).tanh()
        + (c * c).mean().unwrap()
        + 0.671 * t1.sum()
        + 0.616 * t3
        + 0.917 * t4.sum()
        + 0.77 * t5
}

#[test]
fn test_f212() {
    let mut rng = Rng::new(232102670);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, 10, 0.5, 1.5);
    let s = 0.9750;
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let d = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c, d_d)) = f212_grad(&a, &b, s, &c, d.clone());
    common::assert_near(v, f212(&a, &b, s, &c, d.clone()), "value");
    assert_fd_array(|xx| f212(xx, &b, s, &c, d.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f212(&a, xx, s, &c, d.clone()), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f212(&a, &b, xx[()], &c, d.clone()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f212(&a, &b, s, xx, d.clone()), &c, &d_c, "dc");
    assert_fd_array(|xx| f212(&a, &b, s, &c, xx.clone()), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 10, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 2, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f212_jvp(&a, &b, s, &c, d.clone(), &t_a, &t_b, t_s, &t_c, t_d.clone());
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
        f212_hvp(&a, &b, s, &c, d.clone(), &t_a, &t_b, t_s, &t_c, t_d.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_c, gp_d)) = f212_grad(&pp_a, &pp_b, pp_s, &pp_c, pp_d.clone());
    let (_, (gm_a, gm_b, gm_s, gm_c, gm_d)) = f212_grad(&pm_a, &pm_b, pm_s, &pm_c, pm_d.clone());
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

// dims (4, 5, 2)
#[differentiable]
fn h213(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = Array::from_elem((5, 20), 0.25_f64)
        .var_axis(Axis(0), 0.0)
        .exp();
    1.07_f64 + 0.612 * a.sum() + 0.349 * b.sum() + (&t1 * &t1).mean().unwrap()
}

#[test]
fn test_h213() {
    let mut rng = Rng::new(232102682);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let b = rand(&mut rng, 20, -1.0, 1.0);
    let (v, (d_a, d_b)) = h213_grad(&a, &b);
    common::assert_near(v, h213(&a, &b), "value");
    assert_fd_array(|xx| h213(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| h213(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 20, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h213_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h213_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h213_grad(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = h213_grad(&pm_a, &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (4, 5, 2)
#[differentiable]
fn f213(a: &Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
    let t1: f64 = h213(
        &(-Array::from_elem((4, 5), 0.5_f64)),
        &(Array1::<f64>::ones(20) / &Array::from_elem(20, 1.5_f64)),
    );
    let t2 = t1.tanh();
    let t3: Array2<f64> = Array2::<f64>::eye(5)
        .dot(&b.t())
        .to_shape(((2, 5), Order::C))
        .unwrap()
        .into_owned();
    let t4 = a.index_axis(Axis(1), 1);
    let t5: f64 = (t1
        * ((t4.mean().unwrap().powi(2) + 0.5).sqrt()
            * (t2 / (b.mean().unwrap() * b.mean().unwrap() + 1.0))))
        .tanh();
    let t6 = (t3[[1, 0]] / (t4.sum() * t4.sum() + 1.0)).tanh().exp();
    (&ad_runtime::ndarray::stack(
        Axis(0),
        &[
            a.fold_axis(Axis(0), f64::INFINITY, |acc, x| acc.min((*x - t5).powi(2)))
                .view(),
            b.fold_axis(Axis(0), f64::INFINITY, |acc, x| acc.min(*x))
                .view(),
        ],
    )
    .unwrap()
        / nn::logsumexp(b, Axis(0))
            .insert_axis(Axis(0))
            .mapv(|v| v * v + 1.0))
        + (t5 + t6)
}

#[test]
fn test_f213() {
    let mut rng = Rng::new(232102684);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (y, (d_a, d_b)) = f213_vjp(&a, &b, seed.clone());
    assert_array(&y, &f213(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f213(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f213(&a, xx)), &b, &d_b, "db");
}

// dims (4, 2, 3)
#[differentiable]
fn f214(a: Array1<f64>, b: &Array2<f64>, s: f64, c: &Array1<f64>) -> Array1<f64> {
    let t1 = (b.sum() * b.sum() + 1.0).ln();
    let t2: Array1<f64> = (&b.slice(s![1.., ..]) * t1).mean_axis(Axis(1)).unwrap();
    let t3 =
        &(c + c) / (nn::sigmoid(&Array::from_elem((2, 8), 0.5_f64).var_axis(Axis(0), 0.0)) + 0.25);
    (&Array::from_elem((2, 3), 0.5_f64) + s).sum_axis(Axis(0))
        * (a.sum() + s + (&t2 * &t2).mean().unwrap() + (&t3 * &t3).mean().unwrap())
}

#[test]
fn test_f214() {
    let mut rng = Rng::new(232102696);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = -0.3272;
    let c = rand(&mut rng, 8, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_c)) = f214_vjp(a.clone(), &b, s, &c, seed.clone());
    assert_array(&y, &f214(a.clone(), &b, s, &c), "value");
    assert_fd_array(
        |xx| inner(&seed, &f214(xx.clone(), &b, s, &c)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f214(a.clone(), xx, s, &c)),
        &b,
        &d_b,
        "db",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f214(a.clone(), &b, xx[()], &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| inner(&seed, &f214(a.clone(), &b, s, xx)),
        &c,
        &d_c,
        "dc",
    );
}

// dims (4, 5, 3)
#[differentiable]
fn f215(a: &Array1<f64>) -> Array1<f64> {
    let t1 = if (-0.329_f64) < 0.404 {
        (-a).mapv(f64::exp)
    } else {
        (-a).mapv(|v| ((v.powi(2) - 0.5) * (v.powi(2) - 0.5) + 0.5).sqrt())
    };
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t3 = a[i + 1] - a[i] * a[i];
        let t4 = 1.0 - a[i];
        t2 += 1.84 * t3 * t3 + t4 * t4;
    }
    let t5 = t2.tanh();
    let t6: Array1<f64> = &t1.mapv(|v| (v * v + 1.0).ln())
        * Array::from_elem((3, 5), 1.5_f64)
            .fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| m.max(v * t5));
    let t7 = (a.mapv(f64::cos) - &(a / &t1.exp()).mapv(f64::tanh)).powi(3);
    let mut t8: f64 = 0.0;
    for i in 0..2 {
        t8 = t8 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t9 = (&(&t1
        .dot(&Array::from_elem((3, 4), 0.25_f64))
        .insert_axis(Axis(0))
        * &t7.mapv(|v| v * 0.889).insert_axis(Axis(1)))
        * 0.138)
        .fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &x: &f64| x.min(m));
    let mut t10: f64 = 0.0;
    for i in 1..a.len() {
        t10 += (a[i] - a[i - 1]).powi(2) * 0.546;
    }
    nn::sigmoid(&(&t9 / &t9.mapv(|v| v * v + 1.0)))
        * ((&t6 * &t6).mean().unwrap() + t8 + t9.sum() + t10)
}

#[test]
fn test_f215() {
    let mut rng = Rng::new(232102708);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, d_a) = f215_vjp(&a, seed.clone());
    assert_array(&y, &f215(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f215(xx)), &a, &d_a, "da");
}

// dims (3, 4, 3)
#[differentiable]
fn f216(a: Array2<f64>) -> f64 {
    let t1 = nn::relu(&a.mapv(|v| if v > 0.237 { (v * v + 0.5).sqrt() } else { v })).mapv(|v| v);
    let t2: ArrayView2<f64> = a.t();
    let t3: Array2<f64> =
        &(&t1.t() + &nn::logsumexp(&a, Axis(0)).insert_axis(Axis(1))) * t2[[2, 1]];
    let t4 = t2.row(2);
    (-1.11_f64) + 0.932 * t3.sum() + 0.557 * t4.sum()
}

#[test]
fn test_f216() {
    let mut rng = Rng::new(232102720);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (v, d_a) = f216_grad(a.clone());
    common::assert_near(v, f216(a.clone()), "value");
    assert_fd_array(|xx| f216(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f216_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f216_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f216_grad(pp_a.clone());
    let (_, gm_a) = f216_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 4, 5)
#[differentiable(wrt(a))]
fn f217(a: ArrayView2<f64>, b: &Array2<f64>) -> Array2<f64> {
    let t1 = 0.399_f64.sqrt();
    let t2 = if (nn::mse(b, b) + t1) < -0.815 {
        (&Array2::<f64>::eye(5) - &Array::from_elem((5, 5), 0.5_f64)).dot(&a)
    } else {
        &a.row(0).dot(&a.t()).insert_axis(Axis(1)) - b
    };
    let t3: Array2<f64> = &nn::softplus(&a) / (b.mean().unwrap() * b.mean().unwrap() + 1.0);
    let t4 = t2
        .t()
        .to_shape(((5, 4), Order::RowMajor))
        .unwrap()
        .to_owned();
    let t5: Array2<f64> = (&t4 - &nn::logsumexp(&t4, Axis(0))).tanh()
        / ((t3[[4, 0]] / a.mean().unwrap().exp()) * (t3[[4, 0]] / a.mean().unwrap().exp()) + 1.0);
    (t2.fold_axis(Axis(0), f64::NEG_INFINITY, |&acc: &f64, &x: &f64| {
        (x * -1.19).max(acc)
    }) / &a.mapv(|v| v * v + 1.0))
        .mapv(|v| v * v + 1.0)
        .ln()
        * ((&t5 * &t5).mean().unwrap())
}

#[test]
fn test_f217() {
    let mut rng = Rng::new(232102732);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, d_a) = f217_vjp(a.view(), &b, seed.clone());
    assert_array(&y, &f217(a.view(), &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &f217(xx.view(), &b)), &a, &d_a, "da");
}

// dims (5, 4, 3)
#[differentiable]
fn h218(a: Array2<f64>, b: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let t1 = Array2::<f64>::eye(5)
        .mapv(|v| ((v * v + 1.0).ln()).tanh())
        .dot(&(c / &(nn::softplus(c) + 0.5)));
    ((-0.876_f64).powi(2) + 0.5).ln().exp().sqrt()
        + 0.466 * a.sum()
        + 0.71 * b.sum()
        + 0.905 * t1.sum()
}

#[test]
fn test_h218() {
    let mut rng = Rng::new(232102744);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h218_grad(a.clone(), &b, &c);
    common::assert_near(v, h218(a.clone(), &b, &c), "value");
    assert_fd_array(|xx| h218(xx.clone(), &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| h218(a.clone(), xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| h218(a.clone(), &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h218_jvp(a.clone(), &b, &c, t_a.clone(), &t_b, &t_c);
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
        h218_hvp(a.clone(), &b, &c, t_a.clone(), &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h218_grad(pp_a.clone(), &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = h218_grad(pm_a.clone(), &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (5, 4, 3)
#[differentiable]
fn f218(a: &Array1<f64>, b: &Array1<f64>, c: &Array1<f64>) -> f64 {
    let t1 = Array::from_elem((4, 4), 0.5_f64)
        .dot(&Array::from_elem((4, 3), 1.5_f64))
        .dot(&(-&Array2::<f64>::eye(3)));
    let mut t2: f64 = 0.0;
    for i in 0..2 {
        let t3 = a[i + 1] - a[i] * a[i];
        let t4 = 1.0 - a[i];
        t2 += 2.53 * t3 * t3 + t4 * t4;
    }
    let t5: f64 = t2.tanh();
    let mut t6: Array1<f64> = a * a;
    let mut t7: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t8 = nn::sigmoid(&t1.var_axis(Axis(0), 0.0)) - &t6;
        let t9: f64 = t1.sum();
        t6 = &(&r - &(t8 - a.mean().unwrap())).mapv(f64::tanh) * t1.row(3).sum().tanh() + t6;
        t7 += ((t2 * t2 + 1.0).sqrt().tanh().exp() + t9).tanh();
    }
    let t10: Array2<f64> = (t6.mean().unwrap().cos() - &(&t1.dot(a) * 0.0741)).insert_axis(Axis(1))
        + ((a + c[4]) * t6.mapv(|v| v * 1.43))
            .tanh()
            .insert_axis(Axis(0));
    let t11: Array2<f64> = (&(t6[2] / (nn::sigmoid(&t1) + 0.25)) * 0.1)
        .exp()
        .mapv(f64::cos);
    let t12: Array1<f64> = c
        .cos()
        .dot(&Array::from_elem((5, 3), 1.5_f64).dot(&Array::from_elem((3, 20), 0.5_f64)));
    (nn::mse(&t12, &t12) * 1.44_f64.tanh()).tanh()
        + (b * b).mean().unwrap()
        + 0.628 * t5
        + 0.798 * t7
        + 0.27 * t10.sum()
        + (&t11 * &t11).mean().unwrap()
        + 0.79 * t12.sum()
}

#[test]
fn test_f218() {
    let mut rng = Rng::new(232102746);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 20, 0.5, 1.5);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f218_grad(&a, &b, &c);
    common::assert_near(v, f218(&a, &b, &c), "value");
    assert_fd_array(|xx| f218(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f218(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f218(&a, &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 20, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 5, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f218_jvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c), (hh_a, hh_b, hh_c)) = f218_hvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f218_grad(&pp_a, &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = f218_grad(&pm_a, &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (5, 3, 2)
#[differentiable]
fn f219(a: Array1<f64>, b: &Array1<f64>, c: &Array2<f64>, s: f64, d: &Array2<f64>) -> f64 {
    let t1 = d
        .slice(s![3.., ..])
        .to_shape((6, Order::F))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((3, 2), Order::ColumnMajor))
        .unwrap()
        .exp()
        .sqrt();
    let t2: Array2<f64> = &(c + &a) + &a.mapv(f64::cos);
    let t3 = d.column(2);
    let mut t4 = Array1::<f64>::zeros(15);
    let mut t5: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t6: Array1<f64> = t2.slice(s![..2, ..]).dot(&t1.index_axis(Axis(0), 0));
        t4 = &t4 * 0.7
            + &(&Array::from_elem((5, 15), 1.5_f64).fold_axis(
                Axis(0),
                f64::NEG_INFINITY,
                |&m, &v| f64::max(m, (v - s).powi(2)),
            ) * 0.274);
        t5 = (t5
            + (nn::cross_entropy_one_hot(
                &(d / ((i as f64 * 0.3).powi(2) + 0.5)),
                &nn::softmax(&(d / &t1.index_axis(Axis(1), 1)), Axis(1)),
            ) + t6.mean().unwrap())
            .tanh())
        .tanh();
    }
    let mut t7: Array2<f64> = (&d.row(2) + d).to_owned();
    if nn::mse(&t1, &t1).cos() > 0.144 {
        let t8 = t4.sum().cos();
        t7 = &t7 * 0.489
            + &ad_runtime::ndarray::concatenate(Axis(0), &[d.slice(s![1..4, ..]), c.t()]).unwrap();
    }
    let t9: f64 = (-&t2)
        .map(|&v| {
            if v > 0.1 {
                (v * s).tanh()
            } else {
                ((v * 0.895) * (v * 0.895) + 0.5).sqrt()
            }
        })
        .sum();
    let mut t10: Array1<f64> = a.dot(&Array::from_elem((2, 15), 0.25_f64));
    let mut t11: f64 = ((-1.14_f64) * (-1.14_f64) + 1.0).ln();
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t12: f64 = t4.sum().cos();
        let t13: Array1<f64> = &a / &(&a * &a + 0.5);
        t10 = &t10 + &nn::sigmoid(&t10.map(|&v| (((v * t11) * (v * t11) + 0.5).sqrt()).exp()));
        t11 += (((s.tanh() * (i as f64 * 0.3)) + t12) + t13.mean().unwrap()).tanh();
    }
    t7.mean().unwrap()
        + 0.488 * b.sum()
        + (&t3 * &t3).mean().unwrap()
        + 0.243 * t5
        + (&t7 * &t7).mean().unwrap()
        + 0.93 * t9
}

#[test]
fn test_f219() {
    let mut rng = Rng::new(232102758);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 15, 0.5, 1.5);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let s = 0.6634;
    let d = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_s, d_d)) = f219_grad(a.clone(), &b, &c, s, &d);
    common::assert_near(v, f219(a.clone(), &b, &c, s, &d), "value");
    assert_fd_array(|xx| f219(xx.clone(), &b, &c, s, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f219(a.clone(), xx, &c, s, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f219(a.clone(), &b, xx, s, &d), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| f219(a.clone(), &b, &c, xx[()], &d),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f219(a.clone(), &b, &c, s, xx), &d, &d_d, "dd");
}

// dims (2, 3, 4)
#[differentiable]
fn h220(a: Array2<f64>) -> f64 {
    let t1: f64 = if a.std(0.0) > -0.33 {
        -1.27_f64
    } else {
        (a[[1, 0]] / ((-0.668_f64).powi(2) + 0.5)).exp()
    };
    let mut t2: Array2<f64> = (&a
        .fold_axis(Axis(0), f64::INFINITY, |&m, &x| f64::min(x, m))
        .insert_axis(Axis(0))
        + &a.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1)))
        .to_owned();
    let mut t3: f64 = (&t2 * &t2).sum();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = t1 * a[[0, 0]];
        t2 = t2 + &ad_runtime::ndarray::stack(Axis(0), &[a.row(1), r]).unwrap();
        t3 += t4.sin().sin();
    }
    let t5 = t3.tanh();
    (t2[[0, 2]].sin() / (t1 * t1 + 1.0)) + 0.921 * t3 + 0.793 * t5
}

#[test]
fn test_h220() {
    let mut rng = Rng::new(232102770);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (v, d_a) = h220_grad(a.clone());
    common::assert_near(v, h220(a.clone()), "value");
    assert_fd_array(|xx| h220(xx.clone()), &a, &d_a, "da");
}

// dims (2, 3, 4)
#[differentiable]
fn f220(k: usize, a: &Array1<f64>) -> f64 {
    let ord = match k {
        0 => Order::F,
        _ => Order::C,
    };
    let t1: Array2<f64> = ad_runtime::ndarray::stack(Axis(1), &[a.view(), a.view()])
        .unwrap()
        .to_shape(((2, 3), ord))
        .unwrap()
        .into_owned();
    let t2 = a[1];
    let mut t3: Array2<f64> = t1.slice(s![.., 1..]).dot(&t1);
    let mut t4: f64 = 1.27_f64 * t3[[0, 1]];
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t3 = &t3.mapv(|v| (v * 0.626).sin()) * t3[[1, 0]].tanh() + t3;
        t4 = (t4
            + ad_runtime::ndarray::stack(Axis(0), &[r, r])
                .unwrap()
                .sum()
                .tanh())
        .tanh();
    }
    let t5: f64 = h220((&t1 + t4).to_owned());
    let t6 = t5.tanh();
    let t7 = t1.index_axis(Axis(1), 2);
    (t1[[0, 2]].powi(2) + t1[[1, 1]].tanh())
        + 0.399 * t2
        + 0.789 * t5
        + 0.736 * t6
        + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f220() {
    let mut rng = Rng::new(232102772);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    for k in 0..2usize {
        let (v, d_a) = f220_grad(k, &a);
        common::assert_near(v, f220(k, &a), "value");
        assert_fd_array(|xx| f220(k, xx), &a, &d_a, "da");
    }
}

// dims (4, 5, 3)
#[differentiable]
fn h221(a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>) -> Array1<f64> {
    let t1: ArrayView1<f64> = a.slice(s![1..]);
    let mut t2: f64 = 0.0;
    for i in 0..2 {
        t2 += (a[i + 1] * 0.724 - a[i]).tanh();
    }
    let mut t3: Array1<f64> = nn::log_softmax(a, Axis(0));
    let mut t4: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t5: f64 = a.mean().unwrap();
        t3 = &t3 * 0.7 + &(&(&r * &r.mapv(|v| (v * 1.43).powi(2) - 0.5)) * 0.784);
        t4 = t4 * 0.8
            - ((c.mean().unwrap() - t5) * (t3.mean().unwrap() * t3.mean().unwrap() + 1.0).ln())
                .tanh();
    }
    let t6 = &t3 * 0.154;
    (-&(&t3 * 0.154)) * (t1.sum() + t2 + t4 + (&t6 * &t6).mean().unwrap())
}

#[test]
fn test_h221() {
    let mut rng = Rng::new(232102784);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h221_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &h221(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &h221(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h221(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h221(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (4, 5, 3)
#[differentiable]
fn f221(a: &Array1<f64>, s: f64, k: usize, b: &Array1<f64>) -> Array1<f64> {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = Array::from_elem((5, 4), 1.5_f64)
        .to_shape((4, 5))
        .unwrap()
        .into_owned()
        .to_shape(((4, 5), ord))
        .unwrap()
        .to_owned();
    let mut t2: Array1<f64> = b.to_owned();
    if (&t1 / (b.sum() * b.sum() + 1.0)).sum() < 0.837 {
        let t3 = t2.var(0.0);
        t2 = &t2 * 0.449 + &b.mapv(|v| (v * 0.304).powi(2) - 0.5);
    } else {
        t2 = &(&t1.row(1).dot(&t1.t()) * 0.178) - &t2;
    }
    let t4: f64 = t1
        .fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &x: &f64| {
            (x * 1.44).min(m)
        })
        .exp()
        .mean()
        .unwrap();
    let mut t5: f64 = 0.0;
    for i in 0..19 {
        t5 += a[i] * a[i + 1];
    }
    let t6 = t5.tanh();
    let mut t7: Array2<f64> = Array2::<f64>::zeros((4, 5));
    let mut t8: f64 = (t4 * t4).tanh();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t7 = &t7.exp().ln() * a.mean().unwrap().exp().sqrt().tanh() + t7;
        t8 = t8 * 0.8 - ((r.mean().unwrap() / t8.exp()) + 0.244).abs().tanh();
    }
    let t9 = nn::mse(&(a * a + 0.5).powf(1.5), &a.exp());
    ((t9 - t4).tanh() * (b - a[19])) + (s + t6 + t9)
}

#[test]
fn test_f221() {
    let mut rng = Rng::new(232102786);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let s = 0.8848;
    let b = rand(&mut rng, 4, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 4, -1.0, 1.0);
        let (y, (d_a, d_s, d_b)) = f221_vjp(&a, s, k, &b, seed.clone());
        assert_array(&y, &f221(&a, s, k, &b), "value");
        assert_fd_array(|xx| inner(&seed, &f221(xx, s, k, &b)), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f221(&a, xx[()], k, &b)),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(|xx| inner(&seed, &f221(&a, s, k, xx)), &b, &d_b, "db");
    }
}

// dims (4, 5, 2)
#[differentiable]
fn h222(a: &Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = (&a.view().insert_axis(Axis(1)) + &Array::from_elem((5, 5), 1.5_f64))
        .dot(&(a + a))
        .tanh();
    let t2: Array1<f64> = (-t1).dot(&(Array2::<f64>::eye(5) * (-1.12_f64)));
    a.mapv(f64::sin).mapv_into(f64::tanh) + ((&t2 * &t2).mean().unwrap())
}

#[test]
fn test_h222() {
    let mut rng = Rng::new(232102798);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, d_a) = h222_vjp(&a, seed.clone());
    assert_array(&y, &h222(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h222(xx)), &a, &d_a, "da");
}

// dims (4, 5, 2)
#[differentiable]
fn f222(a: &Array2<f64>, b: Array1<f64>, k: usize) -> Array1<f64> {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1 = (Array1::<f64>::ones(4).insert_axis(Axis(0))
        / &a.index_axis(Axis(0), 1)
            .insert_axis(Axis(1))
            .mapv(|v| v * v + 1.0))
        .to_shape(((4, 5), ord))
        .unwrap()
        .to_owned();
    let t2 = nn::cross_entropy_one_hot(
        &t1.map(|&v| ((v * v + 0.5).sqrt()).sin()),
        &nn::softmax(
            &(a.mean().unwrap() * &b.into_shape_with_order(((4, 5), ord)).unwrap()),
            Axis(1),
        ),
    );
    let mut t3: Array1<f64> = t1.index_axis(Axis(0), 2).to_owned();
    let mut t4: f64 = t2.cos();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t5: Array1<f64> = &r + &t3;
        t3 = (&t3
            + &nn::sigmoid(
                &((&r + nn::sigmoid(&(&nn::logsumexp(a, Axis(0)) / (i as f64 * 0.3).exp()))) - &t5),
            ))
            .mapv(f64::tanh);
        t4 = (t4 + a[[0, 3]]).tanh();
    }
    let t6 = nn::relu(&(&a.t() + t1.sum()).mapv(f64::tanh)).std_axis(Axis(1), 0.0);
    let mut t7: Array1<f64> = t6.to_owned();
    let mut t8: f64 = t6.sum().cos();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t9: f64 = t1.sum().tanh();
        t7 = t7 + &r;
        t8 = (t8 + (t3.sum() + t9).tanh()).tanh();
    }
    t7.sin()
        .dot(&Array::from_elem((5, 5), 0.25_f64).map(|&v| ((v * 0.95).exp()).powi(2) - 0.5))
        * (t4 + (&t7 * &t7).mean().unwrap() + t8)
}

#[test]
fn test_f222() {
    let mut rng = Rng::new(232102800);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, 20, 0.5, 1.5);
    for k in 0..2usize {
        let seed = rand(&mut rng, 5, -1.0, 1.0);
        let (y, (d_a, d_b)) = f222_vjp(&a, b.clone(), k, seed.clone());
        assert_array(&y, &f222(&a, b.clone(), k), "value");
        assert_fd_array(|xx| inner(&seed, &f222(xx, b.clone(), k)), &a, &d_a, "da");
        assert_fd_array(|xx| inner(&seed, &f222(&a, xx.clone(), k)), &b, &d_b, "db");
    }
}

// dims (3, 2, 4)
#[differentiable]
fn f223(a: &Array1<f64>, b: ArrayView2<f64>, k: usize, s: f64) -> f64 {
    let ord = match k {
        0 => Order::RowMajor,
        _ => Order::ColumnMajor,
    };
    let t1 = nn::log_softmax(&b, Axis(1))
        .to_shape(((3, 2), ord))
        .unwrap()
        .to_owned();
    let t2 = nn::sigmoid(&nn::sigmoid(&t1).exp().dot(&t1.slice(s![..2, ..])));
    let mut t3: Array2<f64> = Array2::<f64>::zeros((3, 2));
    let mut t4: f64 = nn::mse(&b, &b);
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t5 = (i as f64 * 0.3).tanh();
        let t6 = &t2 - t2.sum();
        t3 = &(&ad_runtime::ndarray::stack(Axis(1), &[t6.column(1), t1.sum_axis(Axis(1)).view()])
            .unwrap()
            * 0.2)
            * t2.fold_axis(Axis(1), f64::NEG_INFINITY, |&acc, &x| acc.max(x * t5))
                .dot(&t6.std_axis(Axis(1), 0.0).tanh())
                .tanh()
            + t3;
        t4 = (t4 + t2[[2, 0]]).tanh();
    }
    let t7 = (a * a).dot(&t2.slice(s![..2, ..]))
        / (nn::softplus(&(a / a).mapv(|v| ((v * t4).tanh()).exp())) + 0.5);
    let t8 = -&b
        .t()
        .fold_axis(Axis(1), f64::NEG_INFINITY, |m, v| m.max(*v));
    let t9 = -&(&(t4 + t7)
        / &t2
            .fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &x: &f64| x.min(m))
            .mapv(|v| v * v + 1.0));
    let mut t10: f64 = t8[1];
    if (nn::sigmoid(&Array1::<f64>::linspace(-0.5, 0.5, 4)) + 0.25)
        .powf(1.5)
        .dot(&Array::from_elem((4, 4), 0.5_f64).var_axis(Axis(1), 1.0))
        > -1.07
    {
        t10 = t10 * 0.656 + (&b * &b).sum().tanh();
    } else {
        t10 = nn::cross_entropy_one_hot(&t1, &nn::softmax(&b, Axis(1))).tanh() - t10;
    }
    let t11 = t1.t();
    t1.sum().powi(2).tanh()
        + 0.239 * s
        + 0.226 * t3.sum()
        + 0.285 * t9.sum()
        + 0.698 * t10
        + 0.61 * t11.sum()
}

#[test]
fn test_f223() {
    let mut rng = Rng::new(232102812);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let b = rand(&mut rng, (3, 2), 0.5, 1.5);
    let s = 1.2396;
    for k in 0..2usize {
        let (v, (d_a, d_b, d_s)) = f223_grad(&a, b.view(), k, s);
        common::assert_near(v, f223(&a, b.view(), k, s), "value");
        assert_fd_array(|xx| f223(xx, b.view(), k, s), &a, &d_a, "da");
        let d_b: Array2<f64> = d_b;
        assert_fd_array(|xx| f223(&a, xx.view(), k, s), &b, &d_b, "db");
        let fd_s = fd(
            |xx: &Array<f64, _>| f223(&a, b.view(), k, xx[()]),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    }
}

// dims (2, 3, 5)
#[differentiable]
fn h224(a: &Array1<f64>, b: Array1<f64>, c: &Array2<f64>) -> f64 {
    let t1 = c
        .t()
        .mapv(f64::cos)
        .to_shape((10, Order::F))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((2, 5), Order::F))
        .unwrap();
    ((a * a).sum() * (a * a).sum() + 1.0).ln()
        + (a * a).mean().unwrap()
        + 0.717 * b.sum()
        + 0.662 * t1.sum()
}

#[test]
fn test_h224() {
    let mut rng = Rng::new(232102824);
    let a = rand(&mut rng, 6, -1.0, 1.0);
    let b = rand(&mut rng, 2, 0.5, 1.5);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h224_grad(&a, b.clone(), &c);
    common::assert_near(v, h224(&a, b.clone(), &c), "value");
    assert_fd_array(|xx| h224(xx, b.clone(), &c), &a, &d_a, "da");
    assert_fd_array(|xx| h224(&a, xx.clone(), &c), &b, &d_b, "db");
    assert_fd_array(|xx| h224(&a, b.clone(), xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 6, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h224_jvp(&a, b.clone(), &c, &t_a, t_b.clone(), &t_c);
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
        h224_hvp(&a, b.clone(), &c, &t_a, t_b.clone(), &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h224_grad(&pp_a, pp_b.clone(), &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = h224_grad(&pm_a, pm_b.clone(), &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (2, 3, 5)
#[differentiable]
fn f224(a: &Array2<f64>, b: Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = -a.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &x| f64::max(m, x));
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3: f64 = t2.sin();
        let t4 = (&t1 * &t1 + 0.5).powf(1.5);
        t1 = t1 + &(&(&r + t4) * 0.705);
        t2 += r[0] + t3;
    }
    let t5: Array2<f64> = nn::relu(&a.t())
        .exp()
        .to_shape((2, 3))
        .unwrap()
        .into_owned();
    let t6 = if (t2 + t2.tanh()) < 1.01 {
        nn::sigmoid(&nn::log_softmax(
            &(&t5 + &t1.view().insert_axis(Axis(0))),
            Axis(0),
        ))
    } else {
        (nn::softplus(a) + 0.5).ln()
    };
    let mut t7 = Array1::<f64>::zeros(6);
    let mut t8: f64 = t5[[1, 1]];
    for i in 0..t5.nrows() {
        let r = t5.row(i);
        let t9 = b.mean().unwrap().exp();
        t7 = t7 + &b.abs();
        t8 = t8 * 0.8 - (t2.tanh().exp().tanh() + t9).tanh();
    }
    let t10 = t5.view().reversed_axes();
    t8.powi(2).tanh().exp().ln()
        + (&t6 * &t6).mean().unwrap()
        + 0.611 * t7.sum()
        + 0.703 * t8
        + (&t10 * &t10).mean().unwrap()
}

#[test]
fn test_f224() {
    let mut rng = Rng::new(232102826);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, 6, -1.0, 1.0);
    let (v, (d_a, d_b)) = f224_grad(&a, b.clone());
    common::assert_near(v, f224(&a, b.clone()), "value");
    assert_fd_array(|xx| f224(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f224(&a, xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 6, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f224_jvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f224_hvp(&a, b.clone(), &t_a, t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f224_grad(&pp_a, pp_b.clone());
    let (_, (gm_a, gm_b)) = f224_grad(&pm_a, pm_b.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 4, 5)
#[differentiable]
fn f225(k: usize, a: Array1<f64>, b: &Array2<f64>) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1: Array2<f64> = (&b.view().reversed_axes() / (b[[2, 0]] * b[[2, 0]] + 1.0))
        .to_shape(((5, 4), ord))
        .unwrap()
        .to_owned();
    let t2 = a.slice(s![1..]);
    let t3 = a.view();
    let t4 = t1.view();
    let mut t5: Array2<f64> = t4
        .view()
        .reversed_axes()
        .to_shape((20, Order::F))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((5, 4), ord))
        .unwrap();
    let mut t6: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t7: Array1<f64> = t5.mean_axis(Axis(1)).unwrap();
        t5 = &t5 * 0.7 + &(t6 * &t1);
        t6 = (t6 + (((i as f64 * 0.3) + t1.mean().unwrap()).tanh() + t7.mean().unwrap())).tanh();
    }
    let t8 = t4.view().reversed_axes();
    let mut t9: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t10: f64 = 0.0;
    for i in 0..t4.nrows() {
        let r = t4.row(i);
        t9 = (&t9 + &(&t8.index_axis(Axis(1), 3) * t2.mean().unwrap())).mapv(f64::tanh);
        t10 += (t3.sum() * t3.sum() + 1.0).ln().tanh();
    }
    ((t10 + (-0.859_f64)) * (t10 + (-0.859_f64)) + 1.0).ln()
        + (&t9 * &t9).mean().unwrap()
        + 0.342 * t10
}

#[test]
fn test_f225() {
    let mut rng = Rng::new(232102838);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b)) = f225_grad(k, a.clone(), &b);
        common::assert_near(v, f225(k, a.clone(), &b), "value");
        assert_fd_array(|xx| f225(k, xx.clone(), &b), &a, &d_a, "da");
        assert_fd_array(|xx| f225(k, a.clone(), xx), &b, &d_b, "db");
    }
}

// dims (4, 3, 2)
#[differentiable]
fn f226(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>, d: &Array2<f64>) -> f64 {
    let t1 = a.index_axis(Axis(1), 1);
    let mut t2: Array1<f64> = b.index_axis(Axis(0), 1).powi(3);
    let mut t3: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        t2 = t2 + &(&r - &b.slice(s![1.., ..2]).var_axis(Axis(1), 1.0)).tanh();
        t3 += (b.sum().sin() * nn::cross_entropy_one_hot(c, &nn::softmax(d, Axis(1)))).tanh();
    }
    let t4 = nn::log_softmax(&a.mapv(f64::cos), Axis(1));
    let t5 = Array2::<f64>::eye(4).dot(&b.mapv(f64::tanh));
    t3.tanh().exp()
        + (&t1 * &t1).mean().unwrap()
        + 0.905 * t2.sum()
        + 0.978 * t3
        + 0.206 * t4.sum()
        + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f226() {
    let mut rng = Rng::new(232102850);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let d = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f226_grad(&a, &b, &c, &d);
    common::assert_near(v, f226(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f226(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f226(&a, xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f226(&a, &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f226(&a, &b, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f226_jvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
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
        f226_hvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f226_grad(&pp_a, &pp_b, &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f226_grad(&pm_a, &pm_b, &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (5, 2, 4)
#[differentiable]
fn f227(a: &Array1<f64>, b: Array1<f64>, c: &Array1<f64>, s: f64, d: &Array1<f64>) -> Array1<f64> {
    let t1 = d.view();
    let t2 = &Array::from_elem((10, 5), 0.25_f64)
        .fold_axis(Axis(1), f64::NEG_INFINITY, |acc, x| acc.max(*x))
        .exp()
        * (s - c).map(|&v| (((v * 1.04).sin()) * ((v * 1.04).sin()) + 1.0).ln());
    let t3: Array1<f64> = (d + d) + (d - (-1.02_f64));
    let t4: Array1<f64> = t3.cos().powi(3);
    let t5 = b.view();
    let t6 = t4[0].powi(2);
    let t7: Array1<f64> = &(a - t1[3]) + (t1[2] - a[1]);
    (&t7 / (c.mean().unwrap().powi(2) + 0.5)).tanh() * ((&t5 * &t5).mean().unwrap() + t6 + t7.sum())
}

#[test]
fn test_f227() {
    let mut rng = Rng::new(232102862);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, 10, -1.0, 1.0);
    let s = 0.6460;
    let d = rand(&mut rng, 10, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_s, d_d)) = f227_vjp(&a, b.clone(), &c, s, &d, seed.clone());
    assert_array(&y, &f227(&a, b.clone(), &c, s, &d), "value");
    assert_fd_array(
        |xx| inner(&seed, &f227(xx, b.clone(), &c, s, &d)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f227(&a, xx.clone(), &c, s, &d)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f227(&a, b.clone(), xx, s, &d)),
        &c,
        &d_c,
        "dc",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f227(&a, b.clone(), &c, xx[()], &d)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| inner(&seed, &f227(&a, b.clone(), &c, s, xx)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (4, 2, 5)
#[differentiable(wrt(a, c))]
fn f228(a: Array1<f64>, k: usize, b: ArrayView2<f64>, c: &Array2<f64>) -> Array2<f64> {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1: Array2<f64> = (c * &b).to_shape(((4, 2), ord)).unwrap().into_owned();
    let mut t2 = Array2::<f64>::zeros((4, 2));
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4 = t3 + (i as f64 * 0.3);
        let t5: f64 = (i as f64 * 0.3);
        t2 = t2 + &t1.t().to_shape(((4, 2), Order::C)).unwrap().to_owned();
        t3 += ((((i as f64 * 0.3) * t3).cos() + t4) + t5).tanh();
    }
    let t6: Array1<f64> = Array::from_elem((8, 4), 1.5_f64)
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &x: &f64| x.max(m))
        .exp();
    let t7: Array1<f64> = a.mapv(|v| v * v + 1.0).ln();
    let t8 = nn::sigmoid(&((t3 - t3) - t6));
    let t9: Array1<f64> = nn::softplus(
        &(&Array::from_elem((8, 4), 0.25_f64)
            .mean_axis(Axis(1))
            .unwrap()
            / c.view()
                .reversed_axes()
                .to_shape(8)
                .unwrap()
                .to_owned()
                .mapv(|v| v * v + 1.0)),
    );
    (&t2 * &c.powi(3))
        + (t2.sum() + t7.sum() + (&t8 * &t8).mean().unwrap() + (&t9 * &t9).mean().unwrap())
}

#[test]
fn test_f228() {
    let mut rng = Rng::new(232102874);
    let a = rand(&mut rng, 8, -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (4, 2), -1.0, 1.0);
        let (y, (d_a, d_c)) = f228_vjp(a.clone(), k, b.view(), &c, seed.clone());
        assert_array(&y, &f228(a.clone(), k, b.view(), &c), "value");
        assert_fd_array(
            |xx| inner(&seed, &f228(xx.clone(), k, b.view(), &c)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f228(a.clone(), k, b.view(), xx)),
            &c,
            &d_c,
            "dc",
        );
    }
}

// dims (5, 3, 4)
#[differentiable]
fn h229(a: Array1<f64>) -> f64 {
    let t1 = (a.mean().unwrap() + 0.534).abs() + ((-1.16_f64) + a[12]);
    let mut t2: f64 = 0.0;
    for i in 0..14 {
        t2 = t2 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t3: f64 = t2.tanh();
    a[3].cos() + 0.335 * t1 + 0.326 * t3
}

#[test]
fn test_h229() {
    let mut rng = Rng::new(232102886);
    let a = rand(&mut rng, 15, 0.5, 1.5);
    let (v, d_a) = h229_grad(a.clone());
    common::assert_near(v, h229(a.clone()), "value");
    assert_fd_array(|xx| h229(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h229_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h229_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h229_grad(pp_a.clone());
    let (_, gm_a) = h229_grad(pm_a.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 3, 4)
#[differentiable]
fn f229(a: ArrayView2<f64>, b: &Array1<f64>, c: &Array1<f64>, d: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = b.mapv(|v| v);
    if 0.562_f64 > -0.0938 {
        let t2 = b.dot(&t1);
        t1 = &t1 * 0.565 + d;
    } else {
        t1 = &nn::softplus(b) - &t1;
    }
    let t3: f64 = h229(Array1::<f64>::linspace(-0.5, 0.5, 15).exp());
    let t4 = t3.tanh();
    let t5 = h229((-&Array1::<f64>::linspace(-0.5, 0.5, 15)).exp().to_owned());
    let t6: f64 = t5.tanh();
    let mut t7: Array1<f64> = a.t().dot(c);
    let mut t8: f64 = t1[2];
    for i in 0..a.nrows() {
        let r = a.row(i);
        t7 = &t7 * 0.7 + &(&(&r - &(-&t1)) * 0.5);
        t8 = (t8 + t4.tanh().sin()).tanh();
    }
    c[0] + 0.413 * t3 + 0.702 * t5 + 0.66 * t6 + 0.841 * t7.sum() + 0.477 * t8
}

#[test]
fn test_f229() {
    let mut rng = Rng::new(232102888);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f229_grad(a.view(), &b, &c, &d);
    common::assert_near(v, f229(a.view(), &b, &c, &d), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f229(xx.view(), &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f229(a.view(), xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f229(a.view(), &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f229(a.view(), &b, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 4, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 3, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f229_jvp(a.view(), &b, &c, &d, t_a.view(), &t_b, &t_c, &t_d);
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
        f229_hvp(a.view(), &b, &c, &d, t_a.view(), &t_b, &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f229_grad(pp_a.view(), &pp_b, &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f229_grad(pm_a.view(), &pm_b, &pm_c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (4, 2, 5)
#[differentiable]
fn h230(a: &Array1<f64>) -> f64 {
    let t1 = a.slice(s![1..]);
    let t2: f64 = (&t1 / &(nn::sigmoid(&t1) + 0.25)).std(1.0);
    nn::mse(
        &a.dot(&Array::from_elem((4, 4), 0.5_f64)),
        &Array1::<f64>::ones(2).dot(&Array::from_elem((2, 4), 1.5_f64)),
    ) + 0.45 * t2
}

#[test]
fn test_h230() {
    let mut rng = Rng::new(232102900);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let (v, d_a) = h230_grad(&a);
    common::assert_near(v, h230(&a), "value");
    assert_fd_array(|xx| h230(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h230_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h230_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h230_grad(&pp_a);
    let (_, gm_a) = h230_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 2, 5)
#[differentiable]
fn f230(a: ArrayView2<f64>) -> f64 {
    let t1: f64 = h230(&((-0.908_f64) + &Array::from_elem(4, 1.5_f64)));
    let t2: f64 = t1.tanh();
    let t3: f64 = (&a * &a.mean_axis(Axis(0)).unwrap())
        .dot(&(&Array::from_elem((5, 5), 1.5_f64) - t1).tanh())
        .mean()
        .unwrap();
    let mut t4: Array1<f64> = (&a.index_axis(Axis(0), 0) - a[[1, 3]]).to_owned();
    let mut t5: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t6 = a
            .t()
            .fold_axis(Axis(1), f64::NEG_INFINITY, |m, x| m.max(*x * t2));
        let t7: Array1<f64> = r[2] - t6;
        t4 = &t4 * 0.7 + &(t7 + t5);
        t5 = (t5 + t1.cos()).tanh();
    }
    let t8 = a.row(0);
    let t9 = h230(&Array::from_elem(4, 0.25_f64).mapv(|v| v * t5));
    let t10 = t9.tanh();
    let t11 = h230(&(Array::from_elem(4, 0.5_f64) * Array::from_elem(4, 1.5_f64)));
    let t12 = t11.tanh();
    let t13 = (&a.t() * &a.t() + 0.5)
        .powf(1.5)
        .fold_axis(Axis(1), f64::INFINITY, |&acc, &x| acc.min(x));
    (t3 + 0.476).abs()
        + 0.278 * t3
        + (&t8 * &t8).mean().unwrap()
        + 0.827 * t9
        + 0.938 * t10
        + 0.415 * t11
        + 0.423 * t12
        + (&t13 * &t13).mean().unwrap()
}

#[test]
fn test_f230() {
    let mut rng = Rng::new(232102902);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, d_a) = f230_grad(a.view());
    common::assert_near(v, f230(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f230(xx.view()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f230_jvp(a.view(), t_a.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f230_hvp(a.view(), t_a.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f230_grad(pp_a.view());
    let (_, gm_a) = f230_grad(pm_a.view());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 3, 4)
#[differentiable]
fn f231(a: &Array1<f64>, s: f64, b: &Array2<f64>, c: &Array1<f64>, k: usize) -> Array1<f64> {
    let ord = match k {
        0 => Order::RowMajor,
        _ => Order::ColumnMajor,
    };
    let t1: Array2<f64> = b.powi(2).to_shape(((5, 3), ord)).unwrap().into_owned();
    let mut t2: Array1<f64> = b.mean_axis(Axis(0)).unwrap();
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4 = t1.t().to_shape(((5, 3), ord)).unwrap().to_owned();
        t2 = t2 + &(-a);
        t3 = (t3
            + ((nn::cross_entropy_one_hot(&t1, &nn::softmax(&t1, Axis(1)))
                * (c[2].powi(2) + 0.5).sqrt())
                + t4.mean().unwrap())
            .tanh())
        .tanh();
    }
    let t5 = &(&t1.slice(s![..4, ..]).dot(a) / &c.mapv(|v| v * v + 1.0)).dot(
        &(c.sum()
            - t1.slice(s![1.., ..])
                .mapv(|v| (if v > 0.1 { v } else { v }) * s + s)),
    ) * 0.0174;
    let t6 = nn::softplus(&t1.mapv(|v| (v.powi(2) - 0.5).tanh()));
    let t7 = t1.index_axis(Axis(0), 1);
    let t8 = if a.sum().powi(2).tanh().exp().ln() < -0.118 {
        b.dot(&t6.slice(s![2.., ..])).map(|&v| (v * s + s).tanh())
    } else {
        -&t6.mapv(|v| ((v.tanh()) * (v.tanh()) + 0.5).sqrt())
    };
    let t9: Array2<f64> = (&(&t1.index_axis(Axis(1), 2).insert_axis(Axis(1)) * &t6)
        .dot(&(t7.sum() / (&t6.slice(s![..3, ..]) * &t6.slice(s![..3, ..]) + 0.5)))
        * 0.0556)
        .sin();
    let t10 = t5.slice(s![1..]);
    (&t10 + &t10).map(|&v| (((v * t3) * s + s) * ((v * t3) * s + s) + 0.5).sqrt())
        + ((&t2 * &t2).mean().unwrap()
            + t3
            + (&t8 * &t8).mean().unwrap()
            + (&t9 * &t9).mean().unwrap()
            + t10.sum())
}

#[test]
fn test_f231() {
    let mut rng = Rng::new(232102914);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let s = 0.8580;
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 2, -1.0, 1.0);
        let (y, (d_a, d_s, d_b, d_c)) = f231_vjp(&a, s, &b, &c, k, seed.clone());
        assert_array(&y, &f231(&a, s, &b, &c, k), "value");
        assert_fd_array(|xx| inner(&seed, &f231(xx, s, &b, &c, k)), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f231(&a, xx[()], &b, &c, k)),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        assert_fd_array(|xx| inner(&seed, &f231(&a, s, xx, &c, k)), &b, &d_b, "db");
        assert_fd_array(|xx| inner(&seed, &f231(&a, s, &b, xx, k)), &c, &d_c, "dc");
    }
}

// dims (3, 5, 4)
#[differentiable]
fn h232(a: &Array1<f64>, s: f64) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t2 = a[i + 1] - a[i] * a[i];
        let t3 = 1.0 - a[i];
        t1 += 1.35 * t2 * t2 + t3 * t3;
    }
    let t4 = t1.tanh();
    let t5 = a[3];
    a.tanh().mean().unwrap() + 0.681 * s + 0.467 * t4 + 0.534 * t5
}

#[test]
fn test_h232() {
    let mut rng = Rng::new(232102926);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let s = -0.8885;
    let (v, (d_a, d_s)) = h232_grad(&a, s);
    common::assert_near(v, h232(&a, s), "value");
    assert_fd_array(|xx| h232(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h232(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h232_jvp(&a, s, &t_a, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = h232_hvp(&a, s, &t_a, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = h232_grad(&pp_a, pp_s);
    let (_, (gm_a, gm_s)) = h232_grad(&pm_a, pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (3, 5, 4)
#[differentiable(wrt(a, b, d))]
fn f232(a: &Array1<f64>, b: Array1<f64>, c: &Array1<f64>, d: &Array1<f64>) -> f64 {
    let t1: ArrayView1<f64> = d.slice(s![1..]);
    let mut t2: Array1<f64> = t1.tanh().to_owned();
    if (0.46_f64.ln() + 0.422).abs() > 0.18 {
        t2 = &t2 * 0.809 + &(&t1 / &t1.mapv(|v| v * v + 1.0));
    } else {
        t2 = &t1.mapv(f64::sin) - &t2;
    }
    let mut t3: f64 = 0.0;
    for i in 0..b.len() - 1 {
        let t4 = b[i + 1] - b[i] * b[i];
        let t5 = 1.0 - b[i];
        t3 += 2.79 * t4 * t4 + t5 * t5;
    }
    let t6 = t3.tanh();
    t6 + 0.49 * a.sum() + 0.74 * t2.sum() + 0.419 * t6
}

#[test]
fn test_f232() {
    let mut rng = Rng::new(232102928);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b, d_d)) = f232_grad(&a, b.clone(), &c, &d);
    common::assert_near(v, f232(&a, b.clone(), &c, &d), "value");
    assert_fd_array(|xx| f232(xx, b.clone(), &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f232(&a, xx.clone(), &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f232(&a, b.clone(), &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_d = rand(&mut rng, 4, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f232_jvp(&a, b.clone(), &c, &d, &t_a, t_b.clone(), &t_d);
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
        f232_hvp(&a, b.clone(), &c, &d, &t_a, t_b.clone(), &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_d)) = f232_grad(&pp_a, pp_b.clone(), &c, &pp_d);
    let (_, (gm_a, gm_b, gm_d)) = f232_grad(&pm_a, pm_b.clone(), &c, &pm_d);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (2, 3, 4)
#[differentiable]
fn f233(a: Array1<f64>) -> f64 {
    let t1 = a.slice(s![1..]);
    let t2 = nn::cross_entropy(
        &ad_runtime::ndarray::stack(Axis(0), &[a.view(), a.view()]).unwrap(),
        &vec![2usize; 2],
    );
    let t3: f64 = t2;
    let t4: f64 = t1[1];
    let t5: Array1<f64> = -(&a * a[1]);
    let t6 = t1.view();
    let t7: Array1<f64> = (-t5) * 0.332_f64.cos();
    nn::cross_entropy(
        &(&Array::from_elem((2, 3), 1.5_f64) * Array::from_elem((2, 3), 0.5_f64)),
        &vec![0usize; 2],
    ) + 0.901 * t3
        + 0.912 * t4
        + 0.256 * t6.sum()
        + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f233() {
    let mut rng = Rng::new(232102940);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let (v, d_a) = f233_grad(a.clone());
    common::assert_near(v, f233(a.clone()), "value");
    assert_fd_array(|xx| f233(xx.clone()), &a, &d_a, "da");
}

// dims (2, 3, 2)
#[differentiable]
fn h234(a: &Array2<f64>) -> f64 {
    let t1: Array2<f64> = &a
        .fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &v: &f64| m.max(v))
        .map(|&v| if v > -0.507 { v } else { v })
        .insert_axis(Axis(0))
        / &(nn::sigmoid(&(&a.index_axis(Axis(1), 0) - &a.column(0)).insert_axis(Axis(1))) + 0.25);
    let t2: f64 = ((-0.525_f64) * (-0.525_f64) + 1.0).ln();
    ((a.sum() + 0.229).abs() + 0.321).abs() + (&t1 * &t1).mean().unwrap() + 0.863 * t2
}

#[test]
fn test_h234() {
    let mut rng = Rng::new(232102952);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (v, d_a) = h234_grad(&a);
    common::assert_near(v, h234(&a), "value");
    assert_fd_array(|xx| h234(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h234_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h234_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h234_grad(&pp_a);
    let (_, gm_a) = h234_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 3, 2)
#[differentiable]
fn f234(
    a: &Array2<f64>,
    b: &Array2<f64>,
    c: &Array1<f64>,
    d: &Array1<f64>,
    k: usize,
) -> Array2<f64> {
    let ord = match k {
        0 => Order::F,
        _ => Order::C,
    };
    let t1: Array2<f64> = (&d.view().insert_axis(Axis(1)) * &a.t())
        .to_shape(((2, 3), ord))
        .unwrap()
        .to_owned();
    let mut t2: Array1<f64> = ((-0.905_f64) / &d.mapv(|v| v * v + 1.0)).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4 = c.mean().unwrap().exp().sqrt();
        t2 = t2 + &r;
        t3 = (t3 + (nn::mse(&(&t1 + &t2.view().insert_axis(Axis(1))), &(-&t1)) + t4).tanh()).tanh();
    }
    let mut t5: f64 = 0.0;
    for i in 0..d.len() - 1 {
        t5 += d[i] * d[i + 1];
    }
    let t6 = d.view();
    let t7: Array1<f64> = t6
        .mapv(|v| (v.sin()) * ((v * 0.304) * t3 + t3))
        .dot(&ad_runtime::ndarray::concatenate(Axis(1), &[t1.view(), t1.view()]).unwrap());
    let t8 = (&t1.dot(&t1.var_axis(Axis(0), 1.0)) + &d.mapv(|v| ((v * 1.31).tanh()).sin())).sum();
    let t9: Array2<f64> = (nn::softplus(&(&t1.t() - a[[0, 1]].tanh())) + 0.5).sqrt();
    (a.column(1).mapv(|v| v * 1.0)
        / &(&t9.t().mapv(|v| (v * t5) * t5 + t5) * &t9.t().mapv(|v| (v * t5) * t5 + t5) + 0.5))
        * (t5 + (&t7 * &t7).mean().unwrap() + t8 + (&t9 * &t9).mean().unwrap())
}

#[test]
fn test_f234() {
    let mut rng = Rng::new(232102954);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, (2, 2), -1.0, 1.0);
    let c = rand(&mut rng, 6, -1.0, 1.0);
    let d = rand(&mut rng, 2, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
        let (y, (d_a, d_b, d_c, d_d)) = f234_vjp(&a, &b, &c, &d, k, seed.clone());
        assert_array(&y, &f234(&a, &b, &c, &d, k), "value");
        assert_fd_array(|xx| inner(&seed, &f234(xx, &b, &c, &d, k)), &a, &d_a, "da");
        assert_fd_array(|xx| inner(&seed, &f234(&a, xx, &c, &d, k)), &b, &d_b, "db");
        assert_fd_array(|xx| inner(&seed, &f234(&a, &b, xx, &d, k)), &c, &d_c, "dc");
        assert_fd_array(|xx| inner(&seed, &f234(&a, &b, &c, xx, k)), &d, &d_d, "dd");
    }
}

// dims (3, 5, 4)
#[differentiable]
fn h235(a: &Array1<f64>, b: &Array2<f64>, c: &Array2<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 1..a.len() {
        t1 += (a[i] - a[i - 1]).powi(2) * 0.691;
    }
    let t2 = t1.tanh();
    let t3 = Array::from_elem((5, 15), 0.25_f64)
        .fold_axis(Axis(0), f64::INFINITY, |&acc: &f64, &x: &f64| {
            (x * t2).min(acc)
        })
        .mapv(|v| v);
    let t4: Array2<f64> = b.map(|&v| ((v * t2).powi(2) - 0.5).powi(2) - 0.5)
        / &(nn::softplus(
            &c.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| acc.min(x * t2))
                .dot(&b.slice(s![..3, 1..]))
                .insert_axis(Axis(1)),
        ) + 0.5);
    b[[1, 4]].exp().powi(2) + (&t3 * &t3).mean().unwrap() + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_h235() {
    let mut rng = Rng::new(232102966);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h235_grad(&a, &b, &c);
    common::assert_near(v, h235(&a, &b, &c), "value");
    assert_fd_array(|xx| h235(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| h235(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| h235(&a, &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = h235_jvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_b * &t_b).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_c), (hh_a, hh_b, hh_c)) = h235_hvp(&a, &b, &c, &t_a, &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = h235_grad(&pp_a, &pp_b, &pp_c);
    let (_, (gm_a, gm_b, gm_c)) = h235_grad(&pm_a, &pm_b, &pm_c);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (3, 5, 4)
#[differentiable]
fn f235(
    a: Array2<f64>,
    b: &Array2<f64>,
    c: &Array1<f64>,
    d: ArrayView2<f64>,
    w: &Array1<f64>,
) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..4 {
        t1 = t1 * 0.8 + c[i].sin() * c[i + 1];
    }
    let t2 = a.t();
    let mut t3: f64 = 0.0;
    for i in 0..c.len() - 1 {
        let t4 = c[i + 1] - c[i] * c[i];
        let t5 = 1.0 - c[i];
        t3 += 0.736 * t4 * t4 + t5 * t5;
    }
    let t6 = t3.tanh();
    ((c[3] - a.sum()).tanh() + 0.562).abs()
        + (b * b).mean().unwrap()
        + 0.418 * d.sum()
        + 0.972 * w.sum()
        + 0.51 * t1
        + (&t2 * &t2).mean().unwrap()
        + 0.599 * t6
}

#[test]
fn test_f235() {
    let mut rng = Rng::new(232102968);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let d = rand(&mut rng, (4, 5), 0.5, 1.5);
    let w = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f235_grad(a.clone(), &b, &c, d.view(), &w);
    common::assert_near(v, f235(a.clone(), &b, &c, d.view(), &w), "value");
    assert_fd_array(|xx| f235(xx.clone(), &b, &c, d.view(), &w), &a, &d_a, "da");
    assert_fd_array(|xx| f235(a.clone(), xx, &c, d.view(), &w), &b, &d_b, "db");
    assert_fd_array(|xx| f235(a.clone(), &b, xx, d.view(), &w), &c, &d_c, "dc");
    let d_d: Array2<f64> = d_d;
    assert_fd_array(|xx| f235(a.clone(), &b, &c, xx.view(), &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f235(a.clone(), &b, &c, d.view(), xx), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 5, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, 5, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f235_jvp(
        a.clone(),
        &b,
        &c,
        d.view(),
        &w,
        t_a.clone(),
        &t_b,
        &t_c,
        t_d.view(),
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
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f235_hvp(
        a.clone(),
        &b,
        &c,
        d.view(),
        &w,
        t_a.clone(),
        &t_b,
        &t_c,
        t_d.view(),
        &t_w,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) =
        f235_grad(pp_a.clone(), &pp_b, &pp_c, pp_d.view(), &pp_w);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) =
        f235_grad(pm_a.clone(), &pm_b, &pm_c, pm_d.view(), &pm_w);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (4, 3, 4)
#[differentiable]
fn f236(a: &Array2<f64>, b: Array1<f64>, k: usize, c: &Array1<f64>, d: &Array1<f64>) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1: Array2<f64> = (a - &d.view().insert_axis(Axis(0)))
        .to_shape(((4, 3), ord))
        .unwrap()
        .to_owned();
    let t2 = c.view();
    let t3: f64 = (nn::relu(&t2).dot(&c.map(|&v| (v.tanh()) * (v.powi(2) - 0.5)))
        * (&(&a.index_axis(Axis(1), 1).insert_axis(Axis(0)) + &t2.insert_axis(Axis(1)))
            * &(&a.index_axis(Axis(1), 1).insert_axis(Axis(0)) + &t2.insert_axis(Axis(1))))
            .sum())
    .tanh();
    let t4 = t3;
    let t5 = b.view();
    let t6 = t2.slice(s![1..]);
    let mut t7: Array1<f64> = t1.dot(&t6).to_owned();
    let mut t8: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t9: Array1<f64> = t1.column(1).dot(&Array::from_elem((4, 4), 1.5_f64));
        let t10: Array1<f64> = (nn::softplus(&r) + 0.5).sqrt();
        t7 = (&t7 + &(&(&r + t9) - t10).tanh()).mapv(f64::tanh);
        t8 = (t8 + (i as f64 * 0.3)).tanh();
    }
    t6.sum() + 0.564 * t4 + 0.374 * t5.sum() + (&t7 * &t7).mean().unwrap() + 0.234 * t8
}

#[test]
fn test_f236() {
    let mut rng = Rng::new(232102980);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_d)) = f236_grad(&a, b.clone(), k, &c, &d);
        common::assert_near(v, f236(&a, b.clone(), k, &c, &d), "value");
        assert_fd_array(|xx| f236(xx, b.clone(), k, &c, &d), &a, &d_a, "da");
        assert_fd_array(|xx| f236(&a, xx.clone(), k, &c, &d), &b, &d_b, "db");
        assert_fd_array(|xx| f236(&a, b.clone(), k, xx, &d), &c, &d_c, "dc");
        assert_fd_array(|xx| f236(&a, b.clone(), k, &c, xx), &d, &d_d, "dd");
    }
}

// dims (2, 5, 4)
#[differentiable]
fn f237(a: &Array2<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1 = (-Array::from_elem((5, 2), 0.25_f64))
        .to_shape(((2, 5), ord))
        .unwrap()
        .into_owned();
    let t2 = t1.index_axis(Axis(0), 0);
    let t3 = 1.38_f64.powi(2).ln();
    let mut t4: f64 = 0.0;
    for i in 0..t2.len() - 1 {
        t4 += t2[i] * t2[i + 1];
    }
    let mut t5: Array1<f64> = nn::softplus(&t2).to_owned();
    let mut t6: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t5 = &t5 + &(&t5 - &t2);
        t6 = (t6 + nn::relu(a).mean().unwrap()).tanh();
    }
    let t7 = (nn::sigmoid(&t5)
        / (&(&t1 / a.mean().unwrap().exp()) * &(&t1 / a.mean().unwrap().exp()) + 0.5))
        .mapv(f64::cos);
    let t8 = nn::cross_entropy(
        &((&nn::logsumexp(&t7, Axis(1))
            - &a.fold_axis(Axis(1), f64::INFINITY, |&m, &x| f64::min(x * 1.43, m)))
            .insert_axis(Axis(1))
            + t7.mapv(f64::cos)),
        &vec![2usize; 2],
    );
    (((-0.505_f64).powi(2) + 0.5).sqrt() * (a * a).sum()).tanh()
        + 0.921 * t3
        + 0.536 * t4
        + 0.214 * t6
        + 0.871 * t8
}

#[test]
fn test_f237() {
    let mut rng = Rng::new(232102992);
    let a = rand(&mut rng, (2, 4), 0.5, 1.5);
    for k in 0..2usize {
        let (v, d_a) = f237_grad(&a, k);
        common::assert_near(v, f237(&a, k), "value");
        assert_fd_array(|xx| f237(xx, k), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (2, 4), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f237_jvp(&a, k, &t_a);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f237_hvp(&a, k, &t_a);
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f237_grad(&pp_a, k);
        let (_, gm_a) = f237_grad(&pm_a, k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (3, 5, 2)
#[differentiable]
fn f238(a: &Array2<f64>, s: f64, b: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = (-&c.index_axis(Axis(0), 1)).to_owned();
    let mut t2: f64 = s.cos();
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t3 = c.slice(s![.., ..2]).dot(c);
        let t4 = &r + &r;
        t1 = &t1 * 0.7 + &nn::sigmoid(&(&r - t4));
        t2 = (t2 + (r.mapv(f64::tanh).sum() + t3.mean().unwrap()).tanh()).tanh();
    }
    let t5: Array2<f64> = (&c.t() - t2).sum_axis(Axis(1)).insert_axis(Axis(0))
        - &(t2 - &c.column(2).dot(&a.slice(s![..2, ..2]))).insert_axis(Axis(1));
    let t6 = (-ad_runtime::ndarray::concatenate(Axis(0), &[a.index_axis(Axis(1), 1), b.view()])
        .unwrap())
        / ((t2.exp() / ((c[[0, 0]] * c[[0, 0]] + 1.0).ln().powi(2) + 0.5))
            * (t2.exp() / ((c[[0, 0]] * c[[0, 0]] + 1.0).ln().powi(2) + 0.5))
            + 1.0);
    let t7 = ((-0.375_f64) + 0.288).abs();
    nn::mse(b, b).sin()
        + (&t1 * &t1).mean().unwrap()
        + 0.676 * t5.sum()
        + 0.752 * t6.sum()
        + 0.648 * t7
}

#[test]
fn test_f238() {
    let mut rng = Rng::new(232103004);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let s = 0.4919;
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_c)) = f238_grad(&a, s, &b, &c);
    common::assert_near(v, f238(&a, s, &b, &c), "value");
    assert_fd_array(|xx| f238(xx, s, &b, &c), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f238(&a, xx[()], &b, &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f238(&a, s, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f238(&a, s, &b, xx), &c, &d_c, "dc");
}

// dims (4, 2, 5)
#[differentiable]
fn f239(a: &Array1<f64>, k: usize) -> Array2<f64> {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1: Array2<f64> = Array::from_elem((2, 4), 0.5_f64)
        .mapv(f64::sin)
        .to_shape(((4, 2), ord))
        .unwrap()
        .into_owned();
    let t2: ArrayView1<f64> = t1.index_axis(Axis(0), 3);
    let t3 = (a * (-0.831_f64)).exp();
    let mut t4: Array1<f64> = nn::relu(a);
    if 0.395_f64.ln().cos() < 0.0837 {
        t4 = &t4 * 0.328 + &(&t1.row(0) + &t2);
    } else {
        t4 = &(&t1.sum_axis(Axis(0)) * 0.5) - &t4;
    }
    let t5: ArrayView1<f64> = t1.index_axis(Axis(1), 0);
    let mut t6 = Array1::<f64>::zeros(2);
    let mut t7: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t8: f64 = (i as f64 * 0.3).exp();
        let t9: f64 = a[0];
        t6 = &t6 * 0.7 + &r;
        t7 = t7 * 0.8 - (((t4.var(1.0) / (t3.sum() * t3.sum() + 1.0)).tanh() + t8) + t9).tanh();
    }
    let t10 = t1.view();
    ((&t5 - &t1.column(0)).insert_axis(Axis(1)) - a.sin().insert_axis(Axis(0)))
        * ((&t5 * &t5).mean().unwrap()
            + (&t6 * &t6).mean().unwrap()
            + t7
            + (&t10 * &t10).mean().unwrap())
}

#[test]
fn test_f239() {
    let mut rng = Rng::new(232103016);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (4, 2), -1.0, 1.0);
        let (y, d_a) = f239_vjp(&a, k, seed.clone());
        assert_array(&y, &f239(&a, k), "value");
        assert_fd_array(|xx| inner(&seed, &f239(xx, k)), &a, &d_a, "da");
    }
}

// dims (2, 3, 4)
#[differentiable]
fn f240(
    a: &Array1<f64>,
    b: &Array1<f64>,
    c: &Array1<f64>,
    d: Array2<f64>,
    k: usize,
    w: &Array1<f64>,
) -> f64 {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1: Array2<f64> = ((-0.602_f64) * &d.t())
        .to_shape(((2, 3), ord))
        .unwrap()
        .to_owned();
    let t2 = (-c) - (-1.5_f64).tanh();
    let t3 = nn::relu(&(d + t1)).mapv(|v| v * v + 1.0).sqrt();
    let t4 = a.sum();
    let t5: ArrayView1<f64> = c.slice(s![1..]);
    let t6: f64 = t4;
    let mut t7: Array1<f64> = Array1::<f64>::zeros(6);
    let mut t8: f64 = 0.0;
    for i in 0..t3.nrows() {
        let r = t3.row(i);
        let t9: f64 = t2[2].powi(2);
        let t10: Array1<f64> = &t3.row(0) + &r;
        t7 = &(&t2 - t8) * c.sum().tanh() + t7;
        t8 += ((((t5.sum() * (i as f64 * 0.3)) * (i as f64 * 0.3)) + t9) + t10.mean().unwrap())
            .tanh();
    }
    let mut t11: f64 = 0.0;
    for i in 0..5 {
        t11 += (c[i + 1] * t6 - c[i]).tanh();
    }
    (t11 / (t2.mean().unwrap().powi(2) + 0.5)).sin()
        + (b * b).mean().unwrap()
        + 0.463 * w.sum()
        + (&t7 * &t7).mean().unwrap()
        + 0.883 * t11
}

#[test]
fn test_f240() {
    let mut rng = Rng::new(232103028);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, 6, -1.0, 1.0);
    let d = rand(&mut rng, (2, 3), -1.0, 1.0);
    let w = rand(&mut rng, 2, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_d, d_w)) = f240_grad(&a, &b, &c, d.clone(), k, &w);
        common::assert_near(v, f240(&a, &b, &c, d.clone(), k, &w), "value");
        assert_fd_array(|xx| f240(xx, &b, &c, d.clone(), k, &w), &a, &d_a, "da");
        assert_fd_array(|xx| f240(&a, xx, &c, d.clone(), k, &w), &b, &d_b, "db");
        assert_fd_array(|xx| f240(&a, &b, xx, d.clone(), k, &w), &c, &d_c, "dc");
        assert_fd_array(|xx| f240(&a, &b, &c, xx.clone(), k, &w), &d, &d_d, "dd");
        assert_fd_array(|xx| f240(&a, &b, &c, d.clone(), k, xx), &w, &d_w, "dw");
    }
}

// dims (4, 3, 5)
#[differentiable]
fn f241(a: &Array1<f64>, b: &Array1<f64>, c: &Array1<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = (b * 0.924_f64).to_owned();
    if 1.22_f64.cos().exp() > 0.821 {
        t1 = &t1 * 0.558 + &(0.38_f64 * b);
    } else {
        t1 = &Array2::<f64>::eye(3).fold_axis(Axis(1), f64::INFINITY, |&m, &x| x.min(m)) - &t1;
    }
    let t2 = nn::relu(a);
    let t3 = t1.mean().unwrap();
    let mut t4: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t4 += (c[i + 1] * t3 - c[i]).tanh();
    }
    let t5 = (1.25_f64 / &(&t2 * &t2).mapv(|v| v * v + 1.0))
        .map(|&v| (((v * t3) * (v * t3)) * ((v * t3) * (v * t3)) + 1.0).ln());
    let t6: Array1<f64> = nn::sigmoid(&(t5 - t4)).mapv(|v| {
        if v > 0.548 {
            ((v * 0.969) * (v * 0.969) + 1.0).ln()
        } else {
            (v * 0.901) * v
        }
    });
    let t7: Array1<f64> = (a - t6).sin()
        - nn::log_softmax(
            &Array::from_elem((5, 3), 0.5_f64)
                .mean_axis(Axis(1))
                .unwrap(),
            Axis(0),
        );
    t1.mapv(f64::cos) * ((&t7 * &t7).mean().unwrap())
}

#[test]
fn test_f241() {
    let mut rng = Rng::new(232103040);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f241_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &f241(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f241(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f241(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f241(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (5, 4, 3)
#[differentiable]
fn f242(a: &Array1<f64>, b: &Array2<f64>, s: f64, c: ArrayView2<f64>) -> f64 {
    let t1 = c.t();
    let t2: ArrayView1<f64> = a.view();
    let t3 = (nn::mse(
        &(t2[4] * &c),
        &(&b.index_axis(Axis(0), 1).insert_axis(Axis(0)) * &t2.insert_axis(Axis(1))),
    ) * nn::mse(
        &(t2[4] * &c),
        &(&b.index_axis(Axis(0), 1).insert_axis(Axis(0)) * &t2.insert_axis(Axis(1))),
    ) + 1.0)
        .sqrt();
    let mut t4: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t5: f64 = t2.mean().unwrap().exp();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t4 = &(&r * (&t4 * a)) * a.sum().tanh() + t4;
        t5 += t5.tanh();
    }
    let t6: f64 = (&b.std_axis(Axis(0), 0.0).mapv(f64::tanh)
        * &b.std_axis(Axis(0), 0.0).mapv(f64::tanh))
        .sum();
    (t2[4] / ((t1[[0, 2]] - t1.mean().unwrap()) * (t1[[0, 2]] - t1.mean().unwrap()) + 1.0))
        + 0.355 * s
        + 0.217 * t3
        + 0.619 * t6
}

#[test]
fn test_f242() {
    let mut rng = Rng::new(232103052);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let s = 0.8370;
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c)) = f242_grad(&a, &b, s, c.view());
    common::assert_near(v, f242(&a, &b, s, c.view()), "value");
    assert_fd_array(|xx| f242(xx, &b, s, c.view()), &a, &d_a, "da");
    assert_fd_array(|xx| f242(&a, xx, s, c.view()), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f242(&a, &b, xx[()], c.view()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f242(&a, &b, s, xx.view()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f242_jvp(&a, &b, s, c.view(), &t_a, &t_b, t_s, t_c.view());
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
    let (hv, (hg_a, hg_b, hg_s, hg_c), (hh_a, hh_b, hh_s, hh_c)) =
        f242_hvp(&a, &b, s, c.view(), &t_a, &t_b, t_s, t_c.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_c)) = f242_grad(&pp_a, &pp_b, pp_s, pp_c.view());
    let (_, (gm_a, gm_b, gm_s, gm_c)) = f242_grad(&pm_a, &pm_b, pm_s, pm_c.view());
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

// dims (2, 5, 4)
#[differentiable]
fn f243(a: Array1<f64>, s: f64, b: ArrayView2<f64>, c: Array1<f64>) -> f64 {
    let t1 = c.view();
    let t2 = (&(&c - &t1).mapv(f64::exp) * 0.0994)
        .mapv_into(|v| ((v * 0.514).sin()) * ((v * v + 1.0).ln()));
    let mut t3: f64 = 0.0;
    for i in 0..c.len() - 1 {
        t3 += (c[i + 1] * s - c[i]).tanh();
    }
    let mut t4: Array1<f64> = t1.mapv(|v| ((v * 0.828) * t3 + t3).tanh().exp());
    let mut t5: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t6: Array1<f64> = &t1 * t3;
        let t7: Array1<f64> = b.slice(s![1..3, 1..3]).to_shape(4).unwrap().to_owned();
        t4 = (&t4 + &(&t6 * 0.667)).mapv(f64::tanh);
        t5 += (i as f64 * 0.3) + t7.mean().unwrap();
    }
    let t8 = t5.tanh();
    let t9 = b.view();
    let mut t10: f64 = 0.0;
    for i in 0..1 {
        t10 += (c[i + 1] * t8 - c[i]).tanh();
    }
    let t11 = b.index_axis(Axis(1), 1);
    t9.sum().sin()
        + 0.674 * a.sum()
        + 0.25 * t2.sum()
        + 0.605 * t4.sum()
        + 0.991 * t5
        + (&t9 * &t9).mean().unwrap()
        + 0.918 * t10
        + 0.79 * t11.sum()
}

#[test]
fn test_f243() {
    let mut rng = Rng::new(232103064);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let s = 0.7925;
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let (v, (d_a, d_s, d_b, d_c)) = f243_grad(a.clone(), s, b.view(), c.clone());
    common::assert_near(v, f243(a.clone(), s, b.view(), c.clone()), "value");
    assert_fd_array(
        |xx| f243(xx.clone(), s, b.view(), c.clone()),
        &a,
        &d_a,
        "da",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| f243(a.clone(), xx[()], b.view(), c.clone()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(
        |xx| f243(a.clone(), s, xx.view(), c.clone()),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| f243(a.clone(), s, b.view(), xx.clone()),
        &c,
        &d_c,
        "dc",
    );
}

// dims (4, 2, 4)
#[differentiable]
fn f244(a: ArrayView2<f64>, b: &Array1<f64>, c: Array1<f64>) -> Array1<f64> {
    let t1 = a.index_axis(Axis(1), 0);
    let t2 = nn::softplus(&a)
        .dot(&nn::softmax(&a.slice(s![2.., ..]), Axis(0)))
        .fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &v: &f64| m.max(v));
    let t3 = b[2];
    let t4: f64 = t3;
    let t5: Array1<f64> = (nn::sigmoid(
        &a.slice(s![1..3, ..])
            .to_shape((4, Order::RowMajor))
            .unwrap()
            .to_owned()
            .dot(
                &ad_runtime::ndarray::concatenate(Axis(0), &[a.view().reversed_axes(), a.t()])
                    .unwrap(),
            ),
    ) + 0.25)
        .ln();
    let mut t6: Array1<f64> = &t2 + a.std_axis(Axis(1), 1.0);
    let mut t7: f64 = t2[0].tanh().exp();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t6 = (&t6 + &a.column(0)).mapv(f64::tanh);
        t7 = t7 * 0.8 - (r.sum() + a.sum()).tanh().exp().ln();
    }
    let t8 = &nn::log_softmax(&(&a.sum_axis(Axis(0)) - &a), Axis(0)).mapv(f64::tanh)
        / ((b * &t1).dot(&a.fold_axis(Axis(1), f64::INFINITY, |&m, &x| ((x - t3).powi(2)).min(m)))
            * (b * &t1)
                .dot(&a.fold_axis(Axis(1), f64::INFINITY, |&m, &x| ((x - t3).powi(2)).min(m)))
            + 1.0);
    t8.var_axis(Axis(1), 1.0).mapv_into(f64::tanh)
        * ((&c * &c).mean().unwrap() + t4 + (&t6 * &t6).mean().unwrap() + t7 + t8.sum())
}

#[test]
fn test_f244() {
    let mut rng = Rng::new(232103076);
    let a = rand(&mut rng, (4, 2), 0.5, 1.5);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f244_vjp(a.view(), &b, c.clone(), seed.clone());
    assert_array(&y, &f244(a.view(), &b, c.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(
        |xx| inner(&seed, &f244(xx.view(), &b, c.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f244(a.view(), xx, c.clone())),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f244(a.view(), &b, xx.clone())),
        &c,
        &d_c,
        "dc",
    );
}

// dims (3, 5, 4)
#[differentiable]
fn f245(a: &Array2<f64>, b: &Array2<f64>, c: ArrayView2<f64>) -> Array1<f64> {
    let mut t1: Array2<f64> = &c - a;
    if c.mapv(f64::tanh).mean().unwrap() < -0.467 {
        t1 = &t1 * 0.616 + &b.slice(s![.., 1..]);
    }
    let t2: Array2<f64> = -&nn::softplus(&t1);
    let t3 = a.view();
    let t4: ArrayView1<f64> = t3.index_axis(Axis(1), 1);
    let mut t5: f64 = 0.0;
    for i in 0..t4.len() - 1 {
        t5 += t4[i] * t4[i + 1];
    }
    (&t4 / &(&t4 * &t4 + 0.5)).mapv(|v| (((v * 1.18) * v) * ((v * 1.18) * v) + 0.5).sqrt())
        * ((&t2 * &t2).mean().unwrap() + t5)
}

#[test]
fn test_f245() {
    let mut rng = Rng::new(232103088);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), 0.5, 1.5);
    let c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f245_vjp(&a, &b, c.view(), seed.clone());
    assert_array(&y, &f245(&a, &b, c.view()), "value");
    assert_fd_array(|xx| inner(&seed, &f245(xx, &b, c.view())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f245(&a, xx, c.view())), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| inner(&seed, &f245(&a, &b, xx.view())), &c, &d_c, "dc");
}

// dims (5, 2, 4)
#[differentiable]
fn f246(a: &Array2<f64>, k: usize, b: Array1<f64>) -> f64 {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1: Array2<f64> = (&a.t() / a.mean().unwrap().exp())
        .to_shape(((5, 2), ord))
        .unwrap()
        .to_owned();
    let t2 = nn::logsumexp(
        &(&(&Array::from_elem((10, 4), 0.25_f64) * Array::from_elem((10, 4), 0.5_f64))
            * &(Array1::<f64>::ones(4) * &Array::from_elem(4, 0.5_f64))),
        Axis(1),
    );
    let t3: Array1<f64> = &nn::relu(&b) * &(&b / (-1.48_f64).exp());
    let t4 = t1.index_axis(Axis(1), 1);
    (0.43_f64 / t4[0].exp()).tanh().exp()
        + 0.924 * t2.sum()
        + 0.284 * t3.sum()
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f246() {
    let mut rng = Rng::new(232103100);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, 10, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b)) = f246_grad(&a, k, b.clone());
        common::assert_near(v, f246(&a, k, b.clone()), "value");
        assert_fd_array(|xx| f246(xx, k, b.clone()), &a, &d_a, "da");
        assert_fd_array(|xx| f246(&a, k, xx.clone()), &b, &d_b, "db");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, 10, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let (vj, tj) = f246_jvp(&a, k, b.clone(), &t_a, t_b.clone());
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f246_hvp(&a, k, b.clone(), &t_a, t_b.clone());
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b)) = f246_grad(&pp_a, k, pp_b.clone());
        let (_, (gm_a, gm_b)) = f246_grad(&pm_a, k, pm_b.clone());
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    }
}

// dims (3, 4, 5)
#[differentiable(wrt(c))]
fn f247(a: ArrayView2<f64>, b: &Array1<f64>, c: ArrayView2<f64>) -> f64 {
    let t1: Array2<f64> = if c.sum_axis(Axis(0)).dot(&c.index_axis(Axis(0), 1).tanh()) > -0.466 {
        &a.slice(s![.., ..4]).map(|&v| (v * v).sin())
            + &(&c.row(1) / (a.mean().unwrap() * a.mean().unwrap() + 1.0))
    } else {
        &c.dot(&c.t()).dot(&(&c * 1.08_f64)) * 0.154
    };
    let t2 = a
        .mapv(|v| ((v * v) * (v * v) + 1.0).ln())
        .mapv(|v| (v.tanh()).powi(2) - 0.5);
    let t3: f64 = nn::cross_entropy_one_hot(&t1, &nn::softmax(&a.slice(s![.., ..4]), Axis(1)))
        * a.mean().unwrap().powi(2);
    let t4 = a.index_axis(Axis(1), 4);
    nn::cross_entropy_one_hot(
        &(&t1 - c.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1))),
        &nn::softmax(
            &(&t1 + &c.index_axis(Axis(0), 2).insert_axis(Axis(0))),
            Axis(1),
        ),
    ) + (&t2 * &t2).mean().unwrap()
        + 0.269 * t3
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f247() {
    let mut rng = Rng::new(232103112);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, d_c) = f247_grad(a.view(), &b, c.view());
    common::assert_near(v, f247(a.view(), &b, c.view()), "value");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f247(a.view(), &b, xx.view()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f247_jvp(a.view(), &b, c.view(), t_c.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_c * &t_c).sum();
    let scale: f64 = (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_c, hh_c) = f247_hvp(a.view(), &b, c.view(), t_c.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_c) = f247_grad(a.view(), &b, pp_c.view());
    let (_, gm_c) = f247_grad(a.view(), &b, pm_c.view());
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (3, 2, 5)
#[differentiable]
fn f248(a: &Array1<f64>, b: &Array2<f64>, c: Array1<f64>, k: usize) -> f64 {
    let ord = match k {
        0 => Order::F,
        _ => Order::C,
    };
    let t1 = ad_runtime::ndarray::stack(Axis(0), &[a.view(), a.view()])
        .unwrap()
        .to_shape(((3, 2), ord))
        .unwrap()
        .to_owned();
    let t2 = t1.row(0);
    let mut t3 = Array1::<f64>::zeros(2);
    let mut t4: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t3 = (&t3 + &(&r * &(&t3 / &r.exp()))).mapv(f64::tanh);
        t4 = (t4 + (r.sum().tanh() - c.sum().sin())).tanh();
    }
    let t5 = b / &t1.mean_axis(Axis(0)).unwrap().mapv(|v| v * v + 1.0);
    let t6: Array2<f64> = (t3.mapv(f64::tanh).insert_axis(Axis(1))
        / (&(&t1.t() / &t1.t().exp()) * &(&t1.t() / &t1.t().exp()) + 0.5))
        .to_shape((6, Order::ColumnMajor))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((3, 2), ord))
        .unwrap();
    let mut t7: f64 = 0.0;
    for i in 1..c.len() {
        t7 += (c[i] - c[i - 1]).powi(2) * 1.35;
    }
    let t8: f64 = t7.tanh();
    let mut t9 = Array1::<f64>::zeros(2);
    let mut t10: f64 = t8;
    for i in 0..t6.nrows() {
        let r = t6.row(i);
        let t11: ArrayView1<f64> = r;
        let t12 = nn::mse(&t5, &t5);
        t9 = &nn::sigmoid(&(&(&r - t6.index_axis(Axis(0), 2).powi(3)) + &t11)) * t2.sum().tanh()
            + t9;
        t10 = t10 * 0.8
            - (nn::cross_entropy(&(&t1 * &t3.view().insert_axis(Axis(0))), &vec![1usize; 3]) + t12)
                .tanh();
    }
    let mut t13: Array2<f64> = b.to_owned();
    let mut t14: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t15: Array1<f64> = a.dot(&b.slice(s![2.., ..]));
        t13 = &t13 * 0.7
            + &(&t5
                / &(nn::sigmoid(&t5.fold_axis(Axis(0), f64::INFINITY, |&m, &x| m.min(x * -1.63)))
                    + 0.25))
                .tanh();
        t14 = (t14 + (t13[[1, 0]] + t15.mean().unwrap()).tanh()).tanh();
    }
    (a.mean().unwrap().powi(2) - t4) + 0.634 * t4 + 0.611 * t9.sum() + 0.56 * t10 + 0.945 * t14
}

#[test]
fn test_f248() {
    let mut rng = Rng::new(232103124);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (5, 2), -1.0, 1.0);
    let c = rand(&mut rng, 6, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c)) = f248_grad(&a, &b, c.clone(), k);
        common::assert_near(v, f248(&a, &b, c.clone(), k), "value");
        assert_fd_array(|xx| f248(xx, &b, c.clone(), k), &a, &d_a, "da");
        assert_fd_array(|xx| f248(&a, xx, c.clone(), k), &b, &d_b, "db");
        assert_fd_array(|xx| f248(&a, &b, xx.clone(), k), &c, &d_c, "dc");
    }
}

// dims (2, 4, 3)
#[differentiable]
fn f249(a: &Array1<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::C } else { Order::F };
    let t1 = Array::from_elem((4, 2), 0.25_f64)
        .to_shape(((2, 4), ord))
        .unwrap()
        .into_owned();
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 += a[i] * a[i + 1];
    }
    let t3 = &(a + a).mapv(|v| v * v + 1.0).powf(1.5).dot(
        &(a.dot(&Array::from_elem((3, 3), 0.25_f64))
            .insert_axis(Axis(1))
            * &nn::sigmoid(a).insert_axis(Axis(0))),
    ) * 0.0795;
    let t4: ArrayView1<f64> = t3.view();
    (&t1.slice(s![.., 2..]).dot(&t1) * &t1.slice(s![.., 2..]).dot(&t1)).sum()
        + 0.272 * t1.sum()
        + 0.566 * t2
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f249() {
    let mut rng = Rng::new(232103136);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f249_grad(&a, k);
        common::assert_near(v, f249(&a, k), "value");
        assert_fd_array(|xx| f249(xx, k), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 3, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f249_jvp(&a, k, &t_a);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f249_hvp(&a, k, &t_a);
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f249_grad(&pp_a, k);
        let (_, gm_a) = f249_grad(&pm_a, k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}
