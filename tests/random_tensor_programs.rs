//! Random array programs from `tests/gen/gen_random_tensor_programs.py --seed 2 --count 40`.
//! Generated once and committed as a regression suite (regenerate with the command above).

#![allow(unused_variables, unused_mut, dead_code, unused_parens, clippy::all)]

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array, Array1, Array2, ArrayView1, ArrayView2, Axis, s};
use ad_runtime::nn;
use common::Rng;
use common::arrays::*;

// Constructs (functions using each):
//   array * array                        19
//   array * scalar                       8
//   array + array                        23
//   array + scalar                       5
//   array - array                        23
//   array - scalar                       9
//   array / array                        20
//   array / scalar                       8
//   array accumulator                    23
//   broadcast 1∘2                        4
//   broadcast 2∘1                        13
//   broadcast 2∘unit                     10
//   broadcast unit∘2                     5
//   broadcast unit∘unit                  14
//   call helper                          5
//   closure branch                       8
//   closure captures scalar              13
//   concatenate                          7
//   constant                             25
//   dot 1x1                              6
//   dot 1x2                              10
//   dot 2x1                              15
//   dot 2x2                              17
//   element read                         36
//   if on scalar                         25
//   if statement                         12
//   if value                             15
//   insert_axis                          25
//   logsumexp                            14
//   loop index as f64                    6
//   loop over rows                       23
//   made positive                        42
//   map(|&v| ..)                         16
//   mapv closure                         36
//   mapv path                            11
//   mapv_into closure                    6
//   max                                  7
//   mean                                 24
//   mean_axis                            10
//   method abs                           3
//   method cos                           5
//   method exp                           3
//   method ln                            7
//   method mapv_into                     7
//   method powf                          7
//   method powi                          9
//   method sin                           4
//   method sqrt                          6
//   method tanh                          3
//   min                                  7
//   nn::cross_entropy                    4
//   nn::cross_entropy_one_hot            13
//   nn::log_softmax                      5
//   nn::mse                              7
//   nn::relu                             3
//   nn::sigmoid                          6
//   nn::softmax                          7
//   nn::softplus                         2
//   owned lhs                            22
//   owned rhs                            23
//   row/column/index_axis                37
//   scalar * array                       6
//   scalar + array                       5
//   scalar - array                       8
//   scalar / array                       5
//   scalar abs                           13
//   scalar accumulator                   23
//   scalar cos                           4
//   scalar exp                           10
//   scalar ln                            12
//   scalar powi                          6
//   scalar sin                           8
//   scalar sqrt                          8
//   scalar tanh                          13
//   slice                                29
//   squash                               29
//   stack                                4
//   std                                  3
//   std_axis                             9
//   sum                                  23
//   sum_axis                             10
//   sumsq                                12
//   t()                                  21
//   to_owned/clone                       14
//   to_shape                             1
//   to_shape 2d                          9
//   unary -                              22
//   var                                  9
//   var_axis                             13
//   view()                               22

// dims (5, 2, 4)
#[differentiable]
fn f0(a: Array2<f64>) -> f64 {
    let t1 = a.index_axis(Axis(1), 3);
    let t2: ArrayView1<f64> = a.index_axis(Axis(1), 2);
    let mut t3: Array1<f64> = &t1 - t1[1];
    let mut t4: f64 = 0.45_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t5: f64 = t2[0];
        let t6: Array2<f64> = &a
            / a.std_axis(Axis(0), 0.0)
                .insert_axis(Axis(0))
                .mapv(|v| v * v + 1.0);
        t3 = t3 + &(t1[1] + &t6.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max(x)));
        t4 = (t4 + t5.exp().sqrt().sin()).tanh();
    }
    let t7 = (&a * t2.sum()).mapv(|v| (v * 0.32) * (v * t4 + t4));
    let t8: f64 = t7.sum();
    let t9: Array1<f64> = a.index_axis(Axis(1), 2).mapv(f64::tanh);
    let t10: ArrayView1<f64> = t2.view();
    nn::cross_entropy_one_hot(
        &(Array::from_elem(5, 0.25_f64).insert_axis(Axis(1))
            / &a.column(2).insert_axis(Axis(0)).exp()),
        &nn::softmax(
            &Array::from_elem((2, 5), 0.5_f64)
                .to_shape((5, 2))
                .unwrap()
                .into_owned(),
            Axis(1),
        ),
    ) + 0.713 * t3.sum()
        + 0.872 * t8
        + 0.518 * t9.sum()
        + (&t10 * &t10).mean().unwrap()
}

#[test]
fn test_f0() {
    let mut rng = Rng::new(200002);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (v, d_a) = f0_grad(a.clone());
    common::assert_near(v, f0(a.clone()), "value");
    assert_fd_array(|xx| f0(xx.clone()), &a, &d_a, "da");
}

// dims (5, 3, 2)
#[differentiable]
fn h1(a: &Array2<f64>, b: &Array2<f64>, c: Array1<f64>) -> Array2<f64> {
    let t1 = nn::logsumexp(&b.slice(s![1..3, ..]), Axis(1)).tanh();
    (&a.dot(&b.slice(s![3.., ..]))
        / (b.column(0).dot(&a.column(1)) * b.column(0).dot(&a.column(1)) + 1.0))
        * ((a * a).mean().unwrap() + (&c * &c).mean().unwrap() + t1.sum())
}

#[test]
fn test_h1() {
    let mut rng = Rng::new(200014);
    let a = rand(&mut rng, (5, 2), 0.5, 1.5);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h1_vjp(&a, &b, c.clone(), seed.clone());
    assert_array(&y, &h1(&a, &b, c.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h1(xx, &b, c.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h1(&a, xx, c.clone())), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h1(&a, &b, xx.clone())), &c, &d_c, "dc");
}

// dims (5, 3, 2)
#[differentiable]
fn f1(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let t1 = -&ad_runtime::ndarray::stack(
        Axis(1),
        &[a.var_axis(Axis(1), 0.0).view(), a.index_axis(Axis(1), 0)],
    )
    .unwrap()
    .fold_axis(Axis(0), f64::INFINITY, |&m, &x| m.min(x));
    let t2: Array1<f64> = &Array::from_elem((2, 5), 0.25_f64)
        .dot(&Array::from_elem((5, 2), 0.5_f64))
        .dot(&b.dot(&a.slice(s![1.., ..])))
        * (1.21_f64 - Array::from_elem((5, 2), 0.5_f64))
            .mean_axis(Axis(0))
            .unwrap();
    let t3: Array1<f64> = nn::sigmoid(&t1).mapv_into(|v| (v.powi(2) - 0.5).tanh());
    let t4 = nn::sigmoid(
        &(a.mean_axis(Axis(1)).unwrap() - &(&a.dot(&t2) * 0.156)).dot(
            &(&a.column(1).insert_axis(Axis(0)) / &b.view().insert_axis(Axis(1)))
                .to_shape((3, 2))
                .unwrap()
                .into_owned(),
        ),
    );
    let t5 = t3.view();
    let t6 = b.mean().unwrap().cos();
    0.989_f64 + 0.431 * t4.sum() + 0.857 * t5.sum() + 0.661 * t6
}

#[test]
fn test_f1() {
    let mut rng = Rng::new(200016);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 2, 0.5, 1.5);
    let (v, (d_a, d_b)) = f1_grad(&a, &b);
    common::assert_near(v, f1(&a, &b), "value");
    assert_fd_array(|xx| f1(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f1(&a, xx), &b, &d_b, "db");
}

// dims (4, 3, 2)
#[differentiable]
fn h2(a: &Array2<f64>, b: Array1<f64>) -> f64 {
    let t1 = (b / 0.502_f64).map(|&v| v);
    ((a[[1, 0]] * 0.751_f64) + 0.584).abs() + (a * a).mean().unwrap() + 0.858 * t1.sum()
}

#[test]
fn test_h2() {
    let mut rng = Rng::new(200028);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, 2, 0.5, 1.5);
    let (v, (d_a, d_b)) = h2_grad(&a, b.clone());
    common::assert_near(v, h2(&a, b.clone()), "value");
    assert_fd_array(|xx| h2(xx, b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| h2(&a, xx.clone()), &b, &d_b, "db");
}

// dims (4, 3, 2)
#[differentiable]
fn f2(a: &Array2<f64>) -> f64 {
    let mut t1: Array2<f64> = a.exp().to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = r.sum();
        let t4 = a.sum_axis(Axis(0));
        t1 = t1 + &(a - &r);
        t2 += ((a.sum() + t3) + t4.mean().unwrap()).tanh();
    }
    let t5 = (t1.std(1.0) * (&t1.dot(&a.slice(s![1.., ..])) * 0.115)).mapv(f64::tanh);
    let t6: f64 = 0.569_f64;
    let t7 = ((&t5.index_axis(Axis(0), 1) - t5.mean_axis(Axis(0)).unwrap()).insert_axis(Axis(0))
        - &t5.dot(&t5.index_axis(Axis(0), 1)).insert_axis(Axis(1)))
        .mapv_into(f64::sin);
    let t8: Array2<f64> = if (t6 + (1.2_f64 - a[[1, 0]])) > -0.662 {
        &(t7.mean().unwrap() + a)
            * nn::cross_entropy_one_hot(
                &Array::from_elem((4, 3), 0.25_f64),
                &nn::softmax(&Array::from_elem((4, 3), 1.5_f64), Axis(1)),
            )
    } else {
        (nn::sigmoid(&t7.mapv(|v| v * v + 1.0).ln()) + 0.25).sqrt()
    };
    let t9 = nn::softplus(&(a + t5)).map(|&v| ((v * t2) * (v * t2) + 0.5).sqrt());
    let mut t10 = Array1::<f64>::zeros(2);
    let mut t11: f64 = t10.sum();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t12: Array1<f64> = -&r;
        let t13 = t9.row(2);
        t10 = &((&r * &nn::softmax(&t13, Axis(0))) + t12) * (i as f64 * 0.3) + t10;
        t11 = t11 * 0.8 - ((i as f64 * 0.3) - (t9[[1, 0]] - (i as f64 * 0.3))).tanh();
    }
    (t6 - &t9).sum() + 0.412 * t8.sum() + 0.905 * t11
}

#[test]
fn test_f2() {
    let mut rng = Rng::new(200030);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, d_a) = f2_grad(&a);
    common::assert_near(v, f2(&a), "value");
    assert_fd_array(|xx| f2(xx), &a, &d_a, "da");
}

// dims (3, 5, 2)
#[differentiable]
fn h3(a: Array2<f64>) -> Array2<f64> {
    let mut t1: Array2<f64> = &a + &a;
    if (&t1 * &t1.row(1).insert_axis(Axis(0))).sum() > 0.409 {
        let t2 = (t1[[2, 2]].powi(2) + 0.5).sqrt();
        t1 = &t1 * 0.359 + &a.map(|&v| ((v.sin()) * (v.sin()) + 1.0).ln());
    }
    a.slice(s![.., 2..])
        .dot(&a)
        .map(|&v| ((v * v + 1.0).ln()).tanh().exp())
}

#[test]
fn test_h3() {
    let mut rng = Rng::new(200042);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (y, d_a) = h3_vjp(a.clone(), seed.clone());
    assert_array(&y, &h3(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h3(xx.clone())), &a, &d_a, "da");
}

// dims (3, 5, 2)
#[differentiable]
fn f3(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let t1 = &(a / &a.var_axis(Axis(1), 0.0).insert_axis(Axis(1)).exp())
        + &ad_runtime::ndarray::concatenate(Axis(0), &[b.view(), a.index_axis(Axis(1), 2)])
            .unwrap();
    let t2 = h3(a.powi(3));
    let t3: Array2<f64> = t2.mapv(f64::tanh);
    let t4 = (-&a.view().reversed_axes())
        .to_shape((3, 5))
        .unwrap()
        .into_owned();
    let t5: ArrayView1<f64> = b.view();
    t5.sum().tanh()
        + (&t1 * &t1).mean().unwrap()
        + 0.808 * t2.sum()
        + 0.294 * t3.sum()
        + (&t4 * &t4).mean().unwrap()
        + 0.595 * t5.sum()
}

#[test]
fn test_f3() {
    let mut rng = Rng::new(200044);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b)) = f3_grad(&a, &b);
    common::assert_near(v, f3(&a, &b), "value");
    assert_fd_array(|xx| f3(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f3(&a, xx), &b, &d_b, "db");
}

// dims (3, 2, 4)
#[differentiable]
fn f4(a: &Array2<f64>, b: &Array1<f64>, c: &Array1<f64>, d: &Array1<f64>) -> Array1<f64> {
    let t1 = a
        .slice(s![1.., ..2])
        .to_shape(4)
        .unwrap()
        .to_owned()
        .mapv(f64::cos)
        .map(|&v| if v > 0.386 { v } else { v.sin() });
    let mut t2: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[Array1::<f64>::ones(2).view(), Array1::<f64>::ones(2).view()],
    )
    .unwrap();
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                Array1::<f64>::ones(2).view(),
                Array::from_elem(2, 0.25_f64).view(),
            ],
        )
        .unwrap();
        let t5 = d / &(nn::softplus(d) + 0.5);
        t2 = t2 + &(&(&r - r.powi(2)) + &t4).tanh();
        t3 = t3 * 0.8 - (t4.sum() + t5.mean().unwrap()).tanh();
    }
    let t6 = if t1.sum().powi(2).tanh() > 0.209 {
        &(a[[2, 1]] * a) / (&c.mapv(|v| (v.exp()).exp()) * 0.132).mapv(|v| v * v + 1.0)
    } else {
        -a.dot(&Array2::<f64>::eye(4))
    };
    (d.mapv(f64::cos) / (nn::sigmoid(&a.mean_axis(Axis(1)).unwrap()) + 0.25))
        + (b.sum() + t3 + t6.sum())
}

#[test]
fn test_f4() {
    let mut rng = Rng::new(200056);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d)) = f4_vjp(&a, &b, &c, &d, seed.clone());
    assert_array(&y, &f4(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| inner(&seed, &f4(xx, &b, &c, &d)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f4(&a, xx, &c, &d)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f4(&a, &b, xx, &d)), &c, &d_c, "dc");
    assert_fd_array(|xx| inner(&seed, &f4(&a, &b, &c, xx)), &d, &d_d, "dd");
}

// dims (5, 2, 4)
#[differentiable(wrt(a, b, p))]
fn f5(a: Array1<f64>, b: &Array1<f64>, s: f64, p: f64) -> f64 {
    let t1 = a.view();
    let t2: Array1<f64> = &nn::logsumexp(
        &nn::softmax(&Array::from_elem((2, 4), 0.25_f64), Axis(0)),
        Axis(1),
    ) + &(&t1 / b[1]).powi(3);
    let mut t3: Array2<f64> = Array::from_elem((5, 2), 0.5_f64)
        .mapv(|v| (if v > -0.286 { v * s } else { v * s }).powi(2) - 0.5)
        .to_owned();
    if t1[1] > 0.421 {
        let t4: f64 = 0.831_f64 / s;
        t3 = &t3 * 0.561 + &t3.mapv(f64::sin);
    } else {
        t3 = &t3.sin() - &t3;
    }
    let t5: f64 = t3.mean().unwrap() - s.tanh();
    let t6 = a.view();
    s + 0.796 * p + 0.878 * t5 + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f5() {
    let mut rng = Rng::new(200068);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let s = 0.6468;
    let p = 0.4084;
    let (v, (d_a, d_b, d_p)) = f5_grad(a.clone(), &b, s, p);
    common::assert_near(v, f5(a.clone(), &b, s, p), "value");
    assert_fd_array(|xx| f5(xx.clone(), &b, s, p), &a, &d_a, "da");
    assert_fd_array(|xx| f5(a.clone(), xx, s, p), &b, &d_b, "db");
    let fd_p = fd(
        |xx: &Array<f64, _>| f5(a.clone(), &b, s, xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (3, 5, 3)
#[differentiable]
fn f6(a: &Array2<f64>, b: &Array2<f64>, c: Array1<f64>) -> f64 {
    let t1: f64 = a.mean().unwrap();
    let t2: Array1<f64> =
        (1.06_f64 / &(nn::sigmoid(b) + 0.25))
            .fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max(x))
            * c[1];
    let mut t3: Array1<f64> = t2
        .map(|&v| (((v * t1) * (v * t1) + 0.5).sqrt()).tanh().exp())
        .to_owned();
    let mut t4: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t5 = a.index_axis(Axis(0), 1).powi(2);
        let t6 = r[2];
        t3 = &t3 * 0.7 + &(&(&t2 - &c) + &t5).tanh();
        t4 += t6.sin().tanh();
    }
    let t7: Array1<f64> = ((-&c)
        / (nn::softplus(&(&b.column(2) * &b.index_axis(Axis(0), 2))) + 0.5))
        / ((c.sum() + 0.274).abs() * (c.sum() + 0.274).abs() + 1.0);
    c.std(1.0).exp() + 0.626 * t3.sum() + 0.521 * t4 + 0.49 * t7.sum()
}

#[test]
fn test_f6() {
    let mut rng = Rng::new(200080);
    let a = rand(&mut rng, (3, 3), -1.0, 1.0);
    let b = rand(&mut rng, (3, 3), -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f6_grad(&a, &b, c.clone());
    common::assert_near(v, f6(&a, &b, c.clone()), "value");
    assert_fd_array(|xx| f6(xx, &b, c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f6(&a, xx, c.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f6(&a, &b, xx.clone()), &c, &d_c, "dc");
}

// dims (5, 4, 2)
#[differentiable]
fn f7(a: Array2<f64>, b: Array2<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let t1: f64 = (-&d.index_axis(Axis(1), 2))
        .dot(&(&c.view().insert_axis(Axis(0)) * d.var_axis(Axis(1), 0.0).insert_axis(Axis(1))))
        .tanh()
        .mean()
        .unwrap();
    let mut t2: Array2<f64> = Array2::<f64>::zeros((5, 4));
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t2 = &t2 + &(nn::sigmoid(&t2) + 0.25).powf(1.5);
        t3 = (t3 + d[[2, 2]].sqrt().ln()).tanh();
    }
    let t4 = d.index_axis(Axis(0), 2);
    let t5 = (nn::sigmoid(&t2.sin()) + 0.25).powf(0.5);
    t5[[0, 3]]
        + (&a * &a).mean().unwrap()
        + 0.887 * t1
        + 0.633 * t3
        + (&t4 * &t4).mean().unwrap()
        + 0.914 * t5.sum()
}

#[test]
fn test_f7() {
    let mut rng = Rng::new(200092);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), 0.5, 1.5);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, (5, 4), 0.5, 1.5);
    let (v, (d_a, d_b, d_c, d_d)) = f7_grad(a.clone(), b.clone(), &c, &d);
    common::assert_near(v, f7(a.clone(), b.clone(), &c, &d), "value");
    assert_fd_array(|xx| f7(xx.clone(), b.clone(), &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f7(a.clone(), xx.clone(), &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f7(a.clone(), b.clone(), xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f7(a.clone(), b.clone(), &c, xx), &d, &d_d, "dd");
}

// dims (5, 2, 3)
#[differentiable]
fn f8(a: &Array1<f64>, b: ArrayView2<f64>, c: &Array2<f64>) -> Array2<f64> {
    let t1 = (&c.sum_axis(Axis(1)) + b.sum_axis(Axis(1))).insert_axis(Axis(1))
        - &c.view()
            .reversed_axes()
            .sum_axis(Axis(1))
            .insert_axis(Axis(0));
    let t2 = &a.cos().mapv_into(|v| {
        if v > -0.302 {
            v.tanh()
        } else {
            v.powi(2) - 0.5
        }
    }) + a
        .mapv(|v| if v > 0.1 { v.sin() } else { v.powi(2) - 0.5 })
        .map(|&v| (if v > -0.474 { v } else { v }).powi(2) - 0.5);
    let t3 = if t2.mean().unwrap() < 1.49 {
        -&(c * &c
            .fold_axis(Axis(1), f64::INFINITY, |&m, &x| m.min(x))
            .insert_axis(Axis(1)))
    } else {
        c.dot(&c.view().reversed_axes()).dot(&b)
    };
    let t4 = 0.413_f64.sin().sin();
    let t5: ArrayView2<f64> = b.t();
    (Array::from_elem((5, 2), 0.25_f64) + c.row(2)).powi(2)
        + ((&t1 * &t1).mean().unwrap() + t3.sum() + t4 + t5.sum())
}

#[test]
fn test_f8() {
    let mut rng = Rng::new(200104);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f8_vjp(&a, b.view(), &c, seed.clone());
    assert_array(&y, &f8(&a, b.view(), &c), "value");
    assert_fd_array(|xx| inner(&seed, &f8(xx, b.view(), &c)), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| inner(&seed, &f8(&a, xx.view(), &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f8(&a, b.view(), xx)), &c, &d_c, "dc");
}

// dims (2, 4, 3)
#[differentiable]
fn h9(a: ArrayView2<f64>, b: &Array1<f64>, c: &Array1<f64>) -> f64 {
    let t1: f64 = ((&a * &a).sum() + b.sum()).tanh();
    let t2 = (t1 - t1).tanh();
    ((t1 - b.sum()) * (t1 - b.sum()) + 1.0).ln() + 0.372 * c.sum() + 0.556 * t2
}

#[test]
fn test_h9() {
    let mut rng = Rng::new(200116);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, 0.5, 1.5);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = h9_grad(a.view(), &b, &c);
    common::assert_near(v, h9(a.view(), &b, &c), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h9(xx.view(), &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| h9(a.view(), xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| h9(a.view(), &b, xx), &c, &d_c, "dc");
}

// dims (2, 4, 3)
#[differentiable]
fn f9(a: &Array2<f64>, b: &Array2<f64>, s: f64) -> Array2<f64> {
    let t1: ArrayView1<f64> = b.column(3);
    let t2: f64 = nn::cross_entropy(b, &vec![1usize; 2]).tanh();
    let t3 = nn::log_softmax(
        &(&t1 / &(&nn::logsumexp(b, Axis(1)) * &nn::logsumexp(b, Axis(1)) + 0.5)),
        Axis(0),
    );
    let t4: Array2<f64> =
        if ((1.48_f64 + 0.382).abs() * (1.48_f64 + 0.382).abs() + 1.0).sqrt() < 0.11 {
            a.slice(s![.., ..3])
                .dot(&Array::from_elem((3, 2), 0.25_f64).dot(b))
        } else {
            (a * &nn::logsumexp(a, Axis(0)))
                * &b.view()
                    .reversed_axes()
                    .sum_axis(Axis(0))
                    .insert_axis(Axis(1))
        };
    let t5 =
        ((t4.mean().unwrap() / (t2 * t2 + 1.0)) / ((&t4 * &t4).sum().tanh().powi(2) + 0.5)).tanh();
    nn::log_softmax(&(t2 * &Array::from_elem((4, 3), 0.5_f64)), Axis(1))
        * (s + (&t3 * &t3).mean().unwrap() + t5)
}

#[test]
fn test_f9() {
    let mut rng = Rng::new(200118);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let s = -0.7794;
    let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = f9_vjp(&a, &b, s, seed.clone());
    assert_array(&y, &f9(&a, &b, s), "value");
    assert_fd_array(|xx| inner(&seed, &f9(xx, &b, s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f9(&a, xx, s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f9(&a, &b, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (2, 4, 3)
#[differentiable]
fn f10(a: &Array2<f64>, s: f64, b: &Array2<f64>, c: &Array1<f64>, d: &Array1<f64>) -> Array1<f64> {
    let t1 = 1.24_f64.sin();
    let t2 =
        (ad_runtime::ndarray::concatenate(Axis(0), &[b.slice(s![..2, ..]), a.slice(s![2.., ..])])
            .unwrap()
            .var(1.0)
            .powi(2)
            + 0.5)
            .ln();
    let t3 = nn::logsumexp(a, Axis(1)).mapv(f64::cos);
    let t4 = (&(c + d[2]) / &(&nn::logsumexp(b, Axis(1)) * &nn::logsumexp(b, Axis(1)) + 0.5))
        .mapv_into(|v| ((v * 0.362).sin()).exp());
    (d.sum() * &b.column(0)).dot(&Array::from_elem((4, 4), 0.5_f64))
        + (s + t1 + t2 + (&t3 * &t3).mean().unwrap() + (&t4 * &t4).mean().unwrap())
}

#[test]
fn test_f10() {
    let mut rng = Rng::new(200130);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = 0.5751;
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_s, d_b, d_c, d_d)) = f10_vjp(&a, s, &b, &c, &d, seed.clone());
    assert_array(&y, &f10(&a, s, &b, &c, &d), "value");
    assert_fd_array(|xx| inner(&seed, &f10(xx, s, &b, &c, &d)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f10(&a, xx[()], &b, &c, &d)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f10(&a, s, xx, &c, &d)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f10(&a, s, &b, xx, &d)), &c, &d_c, "dc");
    assert_fd_array(|xx| inner(&seed, &f10(&a, s, &b, &c, xx)), &d, &d_d, "dd");
}

// dims (2, 3, 5)
#[differentiable(wrt(a))]
fn f11(a: &Array2<f64>, b: &Array2<f64>, c: Array1<f64>, s: f64) -> Array2<f64> {
    let t1: ArrayView2<f64> = a.view().reversed_axes();
    let t2 = if (nn::mse(&c, &b.sum_axis(Axis(0))) / t1.sum().powi(2).tanh().exp()).tanh() > -0.241
    {
        (nn::sigmoid(&(a + t1.mean().unwrap())) + 0.25).powf(1.5)
    } else {
        (a + a).mapv_into(|v| (v * 1.19) * s + s)
    };
    let t3: ArrayView2<f64> = t1.view();
    let t4 = (t1.t().map(|&v| ((v * s).exp()).powi(2) - 0.5) / t1.var(0.0).exp())
        .mapv(f64::tanh)
        .tanh();
    let t5: Array2<f64> = if s > -0.0538 {
        t1.t().mapv(|v| (v.sin()).sin()).tanh()
    } else {
        ad_runtime::ndarray::concatenate(
            Axis(1),
            &[
                (&a.slice(s![.., 2..4]) - &a.index_axis(Axis(1), 2).insert_axis(Axis(1))).view(),
                b.slice(s![.., ..3]).mapv(|v| v * s).view(),
            ],
        )
        .unwrap()
    };
    let t6 = nn::sigmoid(
        &(&c - a.sum())
            .mapv_into(|v| v)
            .mapv(|v| (v.sin()) * (v * s)),
    );
    (&t5 + &t6).mapv_into(f64::tanh)
        * (t2.sum()
            + (&t3 * &t3).mean().unwrap()
            + (&t4 * &t4).mean().unwrap()
            + (&t5 * &t5).mean().unwrap()
            + (&t6 * &t6).mean().unwrap())
}

#[test]
fn test_f11() {
    let mut rng = Rng::new(200142);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let s = -0.8834;
    let seed = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (y, d_a) = f11_vjp(&a, &b, c.clone(), s, seed.clone());
    assert_array(&y, &f11(&a, &b, c.clone(), s), "value");
    assert_fd_array(
        |xx| inner(&seed, &f11(xx, &b, c.clone(), s)),
        &a,
        &d_a,
        "da",
    );
}

// dims (5, 3, 4)
#[differentiable]
fn h12(a: ArrayView2<f64>, b: &Array2<f64>) -> f64 {
    let mut t1 = Array1::<f64>::zeros(4);
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3: f64 = t2.exp();
        t1 = &t1 * 0.7 + &(t1.mean().unwrap() - &t1);
        t2 = (t2
            + (nn::cross_entropy_one_hot(
                &(Array::from_elem((5, 3), 1.5_f64) + (i as f64 * 0.3)),
                &nn::softmax(
                    &(&Array::from_elem((5, 3), 1.5_f64)
                        - Array::from_elem(5, 1.5_f64).insert_axis(Axis(1))),
                    Axis(1),
                ),
            ) + t3)
                .tanh())
        .tanh();
    }
    let t4 = &t1 + (&a.sum_axis(Axis(0)) + &t1);
    let mut t5: f64 = t1[0] / (a.sum() * a.sum() + 1.0);
    if nn::cross_entropy(&(t5 + &Array::from_elem((5, 3), 0.5_f64)), &vec![1usize; 5]) > -1.42 {
        let t6: f64 = t2;
        t5 = t5 * 0.537 + (&t4 * &t4).sum().tanh();
    }
    (a.mean().unwrap() + 0.48).abs().exp() + 0.28 * b.sum()
}

#[test]
fn test_h12() {
    let mut rng = Rng::new(200154);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (v, (d_a, d_b)) = h12_grad(a.view(), &b);
    common::assert_near(v, h12(a.view(), &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h12(xx.view(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| h12(a.view(), xx), &b, &d_b, "db");
}

// dims (5, 3, 4)
#[differentiable]
fn f12(
    a: Array1<f64>,
    b: &Array1<f64>,
    c: ArrayView2<f64>,
    d: ArrayView2<f64>,
    w: Array1<f64>,
) -> f64 {
    let mut t1: Array1<f64> =
        c.view()
            .reversed_axes()
            .fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max(x));
    if (&d.sum_axis(Axis(0)) * b).var(1.0) < 0.303 {
        t1 = &t1 * 0.88 + &(c[[0, 2]] - &t1);
    } else {
        t1 = &c.mean_axis(Axis(0)).unwrap() - &t1;
    }
    let mut t2 = Array1::<f64>::zeros(4);
    let mut t3: f64 = 0.811_f64.ln();
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t4: f64 = r.sum();
        let t5 = (t1.sum() / (t4 * t4 + 1.0)).tanh();
        t2 = t2 + &(&r * d.mean_axis(Axis(0)).unwrap()).tanh();
        t3 = (t3 + (((t3 + t1[0]) - t3) + t5).tanh()).tanh();
    }
    let mut t6: Array1<f64> = Array1::<f64>::zeros(4);
    let mut t7: f64 = a.std(1.0);
    for i in 0..d.nrows() {
        let r = d.row(i);
        let t8: Array2<f64> = &c + &c;
        t6 = t6 + &nn::sigmoid(&(&r * (&c.slice(s![..4, ..]).dot(&t1) * 0.0988)));
        t7 += (nn::cross_entropy_one_hot(
            &c.powi(2),
            &nn::softmax(&c.map(|&v| ((v * 1.0) * (v * 1.0) + 0.5).sqrt()), Axis(1)),
        ) + t8.mean().unwrap())
        .tanh();
    }
    ((d[[2, 3]] - t3).powi(2) + 0.5).ln()
        + 0.965 * w.sum()
        + (&t2 * &t2).mean().unwrap()
        + 0.899 * t6.sum()
        + 0.814 * t7
}

#[test]
fn test_f12() {
    let mut rng = Rng::new(200156);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (5, 3), 0.5, 1.5);
    let d = rand(&mut rng, (5, 4), 0.5, 1.5);
    let w = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f12_grad(a.clone(), &b, c.view(), d.view(), w.clone());
    common::assert_near(
        v,
        f12(a.clone(), &b, c.view(), d.view(), w.clone()),
        "value",
    );
    assert_fd_array(
        |xx| f12(xx.clone(), &b, c.view(), d.view(), w.clone()),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| f12(a.clone(), xx, c.view(), d.view(), w.clone()),
        &b,
        &d_b,
        "db",
    );
    let d_c: Array2<f64> = d_c;
    assert_fd_array(
        |xx| f12(a.clone(), &b, xx.view(), d.view(), w.clone()),
        &c,
        &d_c,
        "dc",
    );
    let d_d: Array2<f64> = d_d;
    assert_fd_array(
        |xx| f12(a.clone(), &b, c.view(), xx.view(), w.clone()),
        &d,
        &d_d,
        "dd",
    );
    assert_fd_array(
        |xx| f12(a.clone(), &b, c.view(), d.view(), xx.clone()),
        &w,
        &d_w,
        "dw",
    );
}

// dims (3, 2, 4)
#[differentiable]
fn f13(a: ArrayView2<f64>, b: &Array1<f64>) -> f64 {
    let t1 = b.view();
    let mut t2: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t2 = &t2 * 0.7 + &t1.mapv(|v| v * v + 1.0).ln();
        t3 = (t3 + ((t3 + t2.sum()) + 0.202).abs().tanh()).tanh();
    }
    let t4: Array1<f64> = nn::logsumexp(&a.slice(s![.., 1..3]).powi(2), Axis(0));
    let t5 = (&t4 - &t2).abs();
    ((t1.mean().unwrap() / (t3.powi(2) + 0.5)).powi(2) + 0.5).ln() + 0.712 * t5.sum()
}

#[test]
fn test_f13() {
    let mut rng = Rng::new(200168);
    let a = rand(&mut rng, (3, 4), 0.5, 1.5);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b)) = f13_grad(a.view(), &b);
    common::assert_near(v, f13(a.view(), &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f13(xx.view(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| f13(a.view(), xx), &b, &d_b, "db");
}

// dims (3, 5, 4)
#[differentiable]
fn h14(a: &Array2<f64>, b: &Array1<f64>, c: &Array2<f64>) -> Array2<f64> {
    let t1 = 1.45_f64.sqrt();
    let t2: f64 = t1.tanh();
    (nn::softplus(&a.mapv(|v| v)) + 0.5).sqrt() + (a.sum() + (b * b).mean().unwrap() + c.sum() + t2)
}

#[test]
fn test_h14() {
    let mut rng = Rng::new(200180);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h14_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &h14(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &h14(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h14(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h14(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (3, 5, 4)
#[differentiable]
fn f14(a: Array1<f64>, s: f64, b: &Array2<f64>, p: f64, c: &Array1<f64>) -> f64 {
    let t1 = (nn::sigmoid(&b.slice(s![..4, ..]).dot(&b.t())) + 0.25)
        .ln()
        .dot(&((c[3] * p) / &(nn::sigmoid(&b.mean_axis(Axis(1)).unwrap()) + 0.25)))
        .mapv(f64::tanh);
    let mut t2: Array1<f64> = nn::logsumexp(&b.view().reversed_axes(), Axis(1)).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t2 = t2 + &(&r + &b.index_axis(Axis(0), 4));
        t3 = t3 * 0.8 - r.mean().unwrap();
    }
    let t4 = nn::sigmoid(&t2);
    let t5: ArrayView1<f64> = t1.slice(s![1..]);
    let t6 = if nn::mse(&(c + s), &b.column(0).dot(b)) > -1.35 {
        c.mapv(|v| v * v + 1.0).powf(0.5).mapv_into(f64::tanh)
    } else {
        (-b).fold_axis(Axis(0), f64::INFINITY, |&m, &x| m.min(x))
    };
    let t7 = a.view();
    nn::cross_entropy_one_hot(
        &(-Array::from_elem((3, 5), 1.5_f64)),
        &nn::softmax(
            &Array::from_elem((3, 5), 0.25_f64)
                .mapv(|v| (((v * 0.587).tanh()) * ((v * 0.587).tanh()) + 0.5).sqrt()),
            Axis(1),
        ),
    ) + 0.379 * t3
        + (&t4 * &t4).mean().unwrap()
        + 0.535 * t5.sum()
        + 0.565 * t6.sum()
        + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f14() {
    let mut rng = Rng::new(200182);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let s = 0.6648;
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let p = -0.7255;
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_p, d_c)) = f14_grad(a.clone(), s, &b, p, &c);
    common::assert_near(v, f14(a.clone(), s, &b, p, &c), "value");
    assert_fd_array(|xx| f14(xx.clone(), s, &b, p, &c), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f14(a.clone(), xx[()], &b, p, &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f14(a.clone(), s, xx, p, &c), &b, &d_b, "db");
    let fd_p = fd(
        |xx: &Array<f64, _>| f14(a.clone(), s, &b, xx[()], &c),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(|xx| f14(a.clone(), s, &b, p, xx), &c, &d_c, "dc");
}

// dims (2, 3, 4)
#[differentiable]
fn f15(a: &Array2<f64>, s: f64) -> Array2<f64> {
    let t1: ArrayView2<f64> = a.t();
    let t2 = s.ln().cos();
    let mut t3: Array2<f64> = t1.map(|&v| ((v * v + 1.0).ln()) * t2 + t2).to_owned();
    let mut t4: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t5: Array2<f64> = t3.clone();
        let t6: Array1<f64> = r.map(|&v| ((v * 0.817).tanh()).powi(2) - 0.5);
        t3 = &(&t3 + t5).mapv(f64::tanh) * t1.mean().unwrap() + t3;
        t4 = t4 * 0.8 - (a.sum() + t6.mean().unwrap()).tanh();
    }
    let t7 = a.t().powi(2);
    let t8 = a.view();
    let mut t9: Array1<f64> = t8.dot(&t8.row(0));
    let mut t10: f64 = a.sum();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t11: Array1<f64> = t1.index_axis(Axis(1), 1).dot(&t1);
        t9 = &t9 * 0.7 + &(&(&t9 + t11) * 0.333);
        t10 = (t10 + t3[[0, 1]].tanh()).tanh();
    }
    (-&t1.t()) * (t4 + (&t7 * &t7).mean().unwrap() + t10)
}

#[test]
fn test_f15() {
    let mut rng = Rng::new(200194);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let s = 0.8642;
    let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (y, (d_a, d_s)) = f15_vjp(&a, s, seed.clone());
    assert_array(&y, &f15(&a, s), "value");
    assert_fd_array(|xx| inner(&seed, &f15(xx, s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f15(&a, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 4, 3)
#[differentiable]
fn f16(a: &Array1<f64>, b: &Array1<f64>, s: f64, c: &Array2<f64>, p: f64) -> Array1<f64> {
    let t1 = a[0];
    let t2: Array2<f64> =
        &(&c.index_axis(Axis(0), 2) * c) / &(nn::sigmoid(&(p - &c.row(2))) + 0.25);
    let mut t3: Array1<f64> = b[2] / &(nn::sigmoid(&c.std_axis(Axis(0), 1.0)) + 0.25);
    let mut t4: f64 = 0.0;
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t5: f64 = t2.mean().unwrap();
        let t6 = c[[0, 0]];
        t3 = &t3 * 0.7 + &nn::sigmoid(&(&t3 - &r));
        t4 = t4 * 0.8
            - ((nn::mse(
                &nn::sigmoid(&t3.dot(&Array::from_elem((4, 4), 0.5_f64))),
                &Array::from_elem((4, 4), 1.5_f64)
                    .mean_axis(Axis(0))
                    .unwrap(),
            ) + t5)
                + t6)
                .tanh();
    }
    let t7 = t2.row(0);
    (&(&t2.t().dot(a) * 0.0741) - c.index_axis(Axis(0), 0).abs()) + (s + t1 + t4 + t7.sum())
}

#[test]
fn test_f16() {
    let mut rng = Rng::new(200206);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let s = 0.7562;
    let c = rand(&mut rng, (3, 4), 0.5, 1.5);
    let p = 1.4487;
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_c, d_p)) = f16_vjp(&a, &b, s, &c, p, seed.clone());
    assert_array(&y, &f16(&a, &b, s, &c, p), "value");
    assert_fd_array(|xx| inner(&seed, &f16(xx, &b, s, &c, p)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f16(&a, xx, s, &c, p)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f16(&a, &b, xx[()], &c, p)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f16(&a, &b, s, xx, p)), &c, &d_c, "dc");
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f16(&a, &b, s, &c, xx[()])),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (3, 4, 5)
#[differentiable]
fn h17(a: &Array2<f64>, b: &Array1<f64>, s: f64) -> f64 {
    let t1: Array1<f64> =
        b.mean().unwrap().powi(2) * a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max(x));
    let t2: ArrayView1<f64> = b.view();
    let mut t3: Array1<f64> = (t1 / a[[0, 1]]).to_owned();
    let mut t4: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t3 = (&t3 + &nn::sigmoid(&(&t3 + &a.index_axis(Axis(1), 2)))).mapv(f64::tanh);
        t4 += t3[1] / (s * s + 1.0);
    }
    (&(&t3 + &t3) * &(&t3 + &t3)).sum() + (&t2 * &t2).mean().unwrap() + 0.458 * t4
}

#[test]
fn test_h17() {
    let mut rng = Rng::new(200218);
    let a = rand(&mut rng, (3, 5), 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let s = -0.3467;
    let (v, (d_a, d_b, d_s)) = h17_grad(&a, &b, s);
    common::assert_near(v, h17(&a, &b, s), "value");
    assert_fd_array(|xx| h17(xx, &b, s), &a, &d_a, "da");
    assert_fd_array(|xx| h17(&a, xx, s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| h17(&a, &b, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (3, 4, 5)
#[differentiable]
fn f17(a: ArrayView2<f64>) -> Array2<f64> {
    let t1 = a.row(0);
    let mut t2 = Array1::<f64>::zeros(5);
    let mut t3: f64 = nn::mse(&a, &a);
    for i in 0..a.nrows() {
        let r = a.row(i);
        t2 = &t2 * 0.7 + &(&r * &nn::softmax(&t2, Axis(0)));
        t3 = (t3 + t2.mean().unwrap().tanh()).tanh();
    }
    let t4 = t1.dot(&t1) - nn::cross_entropy(&a.slice(s![1.., ..4]), &vec![0usize; 3]);
    let t5 = a.view();
    let mut t6 = Array1::<f64>::zeros(5);
    let mut t7: f64 = t4;
    for i in 0..t5.nrows() {
        let r = t5.row(i);
        let t8 = t6[4] / (t1[1] * t1[1] + 1.0);
        t6 = (&t6 + &(&r * &(&a.var_axis(Axis(0), 0.0) + &t1)).tanh()).mapv(f64::tanh);
        t7 += (nn::mse(
            &(&r / &t5.mean_axis(Axis(0)).unwrap().mapv(|v| v * v + 1.0)),
            &nn::relu(&r),
        ) + t8)
            .tanh();
    }
    let t9 = t7.tanh();
    let t10 = t4;
    let t11: Array1<f64> = if (Array1::<f64>::ones(3) - Array1::<f64>::ones(3))
        .dot(&nn::log_softmax(&Array::from_elem(3, 1.5_f64), Axis(0)))
        > 0.87
    {
        (nn::sigmoid(&nn::sigmoid(&(t2[3] * &t2))) + 0.25).sqrt()
    } else {
        &(nn::sigmoid(&t2).exp() + nn::log_softmax(&t2, Axis(0))) * 0.157
    };
    (&a / (nn::sigmoid(&t2) + 0.25)).abs() * (t3 + t7 + t9 + t10 + (&t11 * &t11).mean().unwrap())
}

#[test]
fn test_f17() {
    let mut rng = Rng::new(200220);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (y, d_a) = f17_vjp(a.view(), seed.clone());
    assert_array(&y, &f17(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &f17(xx.view())), &a, &d_a, "da");
}

// dims (4, 5, 3)
#[differentiable]
fn h18(a: Array1<f64>, b: &Array2<f64>, s: f64) -> f64 {
    let t1 = (-b.sum_axis(Axis(1))).insert_axis(Axis(1))
        + &b.row(3).mapv(|v| v * v + 1.0).sqrt().insert_axis(Axis(0));
    ((t1[[0, 1]] + t1.sum()).tanh() * (&t1 * &t1).sum()).tanh()
        + (&a * &a).mean().unwrap()
        + 0.989 * s
        + (&t1 * &t1).mean().unwrap()
}

#[test]
fn test_h18() {
    let mut rng = Rng::new(200232);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = 1.2826;
    let (v, (d_a, d_b, d_s)) = h18_grad(a.clone(), &b, s);
    common::assert_near(v, h18(a.clone(), &b, s), "value");
    assert_fd_array(|xx| h18(xx.clone(), &b, s), &a, &d_a, "da");
    assert_fd_array(|xx| h18(a.clone(), xx, s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| h18(a.clone(), &b, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 5, 3)
#[differentiable]
fn f18(a: &Array1<f64>, b: &Array1<f64>, c: &Array2<f64>, s: f64) -> Array1<f64> {
    let t1 = h18(
        c.dot(a),
        &(-Array::from_elem((4, 3), 1.5_f64)),
        a.mean().unwrap(),
    );
    let t2 = t1.tanh();
    let t3: ArrayView1<f64> = b.slice(s![1..]);
    let t4: ArrayView1<f64> = b.slice(s![1..]);
    let t5: Array1<f64> = nn::softmax(
        &(&Array2::<f64>::eye(5) + a).std_axis(Axis(0), 0.0),
        Axis(0),
    );
    let t6 = c
        .dot(&Array::from_elem((5, 5), 0.25_f64))
        .var_axis(Axis(0), 0.0);
    let t7 = t4.mapv(|v| (v * t2).sin()).mapv(f64::exp) - t5.mean().unwrap();
    (&(&t4 / &t4.mapv(|v| v * v + 1.0)) * (&nn::logsumexp(c, Axis(1)) + &t7))
        + (s + t1 + t3.sum() + t6.sum() + t7.sum())
}

#[test]
fn test_f18() {
    let mut rng = Rng::new(200234);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let s = 1.4344;
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_s)) = f18_vjp(&a, &b, &c, s, seed.clone());
    assert_array(&y, &f18(&a, &b, &c, s), "value");
    assert_fd_array(|xx| inner(&seed, &f18(xx, &b, &c, s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f18(&a, xx, &c, s)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f18(&a, &b, xx, s)), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f18(&a, &b, &c, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (2, 4, 3)
#[differentiable]
fn h19(a: Array2<f64>, b: Array2<f64>) -> f64 {
    let t1 = b.column(1);
    let t2: Array2<f64> = a
        .index_axis(Axis(1), 1)
        .mapv(|v| (((v * v + 1.0).ln()) * ((v * v + 1.0).ln()) + 0.5).sqrt())
        .insert_axis(Axis(1))
        / (nn::softplus(
            &ad_runtime::ndarray::concatenate(
                Axis(1),
                &[a.slice(s![.., 1..3]), b.slice(s![..3, 1..])],
            )
            .unwrap(),
        ) + 0.5);
    nn::cross_entropy_one_hot(
        &t2.slice(s![1.., ..]).mapv(|v| (v.sin()).exp()),
        &nn::softmax(
            &ad_runtime::ndarray::stack(Axis(0), &[t1, t1]).unwrap(),
            Axis(1),
        ),
    ) + 0.662 * t1.sum()
        + 0.457 * t2.sum()
}

#[test]
fn test_h19() {
    let mut rng = Rng::new(200246);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (v, (d_a, d_b)) = h19_grad(a.clone(), b.clone());
    common::assert_near(v, h19(a.clone(), b.clone()), "value");
    assert_fd_array(|xx| h19(xx.clone(), b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| h19(a.clone(), xx.clone()), &b, &d_b, "db");
}

// dims (2, 4, 3)
#[differentiable]
fn f19(a: ArrayView2<f64>, b: Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> = -&(b.t().to_shape((2, 3)).unwrap().into_owned()
        / (nn::softplus(&(&b.row(1) - &b.row(1))) + 0.5));
    let t2: f64 = h19(
        (&Array::from_elem((3, 4), 1.5_f64)
            / (nn::sigmoid(&nn::logsumexp(&a, Axis(0)).insert_axis(Axis(0))) + 0.25))
            .to_owned(),
        Array::from_elem((4, 3), 0.25_f64)
            .mapv(|v| v * v)
            .to_owned(),
    );
    let t3: f64 = t2.tanh();
    let t4: Array2<f64> = a.powf(1.5);
    let t5 = a.t().to_shape((2, 4)).unwrap().into_owned().sqrt();
    a.slice(s![.., ..3]).cos() + (t1.sum() + t2 + t3 + (&t4 * &t4).mean().unwrap() + t5.sum())
}

#[test]
fn test_f19() {
    let mut rng = Rng::new(200248);
    let a = rand(&mut rng, (2, 4), 0.5, 1.5);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (y, (d_a, d_b)) = f19_vjp(a.view(), b.clone(), seed.clone());
    assert_array(&y, &f19(a.view(), b.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(
        |xx| inner(&seed, &f19(xx.view(), b.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f19(a.view(), xx.clone())),
        &b,
        &d_b,
        "db",
    );
}

// dims (2, 4, 3)
#[differentiable]
fn f20(a: &Array2<f64>, s: f64, b: ArrayView2<f64>) -> f64 {
    let t1 = a.slice(s![.., 1..]).dot(a) - 0.335_f64.cos();
    let t2: Array2<f64> = if a.cos().var(1.0) < -0.514 {
        b.mapv(f64::tanh)
    } else {
        nn::logsumexp(&b, Axis(0)).insert_axis(Axis(0))
            - t1.var_axis(Axis(0), 1.0)
                .mapv(f64::tanh)
                .insert_axis(Axis(1))
    };
    let t3: Array2<f64> = (&t1.mapv(|v| v * v + 1.0).powf(1.5) * 0.0632)
        .dot(&t2.dot(&Array::from_elem((4, 2), 0.25_f64)))
        .tanh()
        .dot(&t2.slice(s![..2, 1..]));
    let t4: Array2<f64> = if 0.338_f64 > -0.258 {
        nn::sigmoid(
            &a.dot(&t2.slice(s![.., ..3]))
                .dot(&(-&t2.slice(s![.., 1..]))),
        )
    } else {
        (t1.std_axis(Axis(1), 0.0) - t1.view().reversed_axes())
            .to_shape((2, 3))
            .unwrap()
            .into_owned()
    };
    let mut t5: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t6: f64 = 0.0;
    for i in 0..t3.nrows() {
        let r = t3.row(i);
        let t7: f64 = s;
        t5 = &t5 * 0.7
            + &(&b
                .fold_axis(Axis(1), f64::INFINITY, |&m, &x| m.min(x))
                .mapv(|v| {
                    if v > 0.449 {
                        v.sin()
                    } else {
                        (v * t7).powi(2) - 0.5
                    }
                })
                * 0.727);
        t6 = (t6 + ((t7 - s) / (t6.tanh() * t6.tanh() + 1.0))).tanh();
    }
    let t8 = t3[[1, 1]];
    t1.fold_axis(Axis(1), f64::INFINITY, |&m, &x| m.min(x))
        .dot(&a.std_axis(Axis(1), 0.0))
        .tanh()
        .exp()
        + (&t4 * &t4).mean().unwrap()
        + 0.735 * t5.sum()
        + 0.834 * t8
}

#[test]
fn test_f20() {
    let mut rng = Rng::new(200260);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let s = 0.7154;
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, (d_a, d_s, d_b)) = f20_grad(&a, s, b.view());
    common::assert_near(v, f20(&a, s, b.view()), "value");
    assert_fd_array(|xx| f20(xx, s, b.view()), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f20(&a, xx[()], b.view()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| f20(&a, s, xx.view()), &b, &d_b, "db");
}

// dims (5, 2, 4)
#[differentiable]
fn f21(a: &Array2<f64>, b: &Array2<f64>, s: f64, p: f64, c: &Array2<f64>) -> f64 {
    let t1 = a.view();
    let mut t2: Array2<f64> = a.dot(&Array::from_elem((4, 4), 1.5_f64));
    if s.exp() > 0.695 {
        let t3 = p.tanh();
        t2 = &t2 * 0.771 + &(&c.t() - &b.std_axis(Axis(0), 1.0));
    } else {
        t2 = &nn::sigmoid(a) - &t2;
    }
    let t4 = nn::log_softmax(
        &a.map(|&v| if v > -0.0701 { v * (v * s) } else { v }),
        Axis(1),
    );
    nn::mse(
        &(c[[2, 0]] + a),
        &a.mapv(|v| (if v > -0.348 { v * 1.05 } else { v }) * p + p),
    ) + 0.564 * t1.sum()
        + (&t2 * &t2).mean().unwrap()
        + 0.35 * t4.sum()
}

#[test]
fn test_f21() {
    let mut rng = Rng::new(200272);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let s = -0.6275;
    let p = -0.8870;
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_p, d_c)) = f21_grad(&a, &b, s, p, &c);
    common::assert_near(v, f21(&a, &b, s, p, &c), "value");
    assert_fd_array(|xx| f21(xx, &b, s, p, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f21(&a, xx, s, p, &c), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f21(&a, &b, xx[()], p, &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f21(&a, &b, s, xx[()], &c),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(|xx| f21(&a, &b, s, p, xx), &c, &d_c, "dc");
}

// dims (5, 2, 3)
#[differentiable]
fn f22(a: &Array2<f64>, b: Array1<f64>) -> Array2<f64> {
    let t1 = b.slice(s![1..]);
    let t2: ArrayView1<f64> = a.row(0);
    let t3: Array1<f64> = ((&b * a[[0, 1]]) - a.sum().tanh().exp()).cos();
    (a.dot(&t2).insert_axis(Axis(1)) / (nn::softplus(a) + 0.5))
        + ((&t2 * &t2).mean().unwrap() + (&t3 * &t3).mean().unwrap())
}

#[test]
fn test_f22() {
    let mut rng = Rng::new(200284);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (y, (d_a, d_b)) = f22_vjp(&a, b.clone(), seed.clone());
    assert_array(&y, &f22(&a, b.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f22(xx, b.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f22(&a, xx.clone())), &b, &d_b, "db");
}

// dims (5, 2, 3)
#[differentiable]
fn f23(a: &Array2<f64>, s: f64) -> Array2<f64> {
    let t1: ArrayView1<f64> = a.index_axis(Axis(0), 1);
    let t2: f64 = (t1[0] + 0.571).abs();
    let t3 = t1.slice(s![1..]);
    (a - t2).mapv(|v| ((v * 0.325).tanh()).exp()) + (s + t2 + t3.sum())
}

#[test]
fn test_f23() {
    let mut rng = Rng::new(200296);
    let a = rand(&mut rng, (5, 3), 0.5, 1.5);
    let s = -0.6477;
    let seed = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (y, (d_a, d_s)) = f23_vjp(&a, s, seed.clone());
    assert_array(&y, &f23(&a, s), "value");
    assert_fd_array(|xx| inner(&seed, &f23(xx, s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f23(&a, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 3, 2)
#[differentiable]
fn h24(a: &Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> = &(a.slice(s![.., 1..]).dot(a) * a.t().std_axis(Axis(1), 0.0)) * 0.148;
    let t2 = a.row(1);
    let t3: Array1<f64> = (&t1.index_axis(Axis(0), 1) * &t2)
        .mapv(|v| (v * v).powi(2) - 0.5)
        .tanh();
    nn::softmax(a, Axis(0)).dot(&Array::from_elem((3, 3), 0.5_f64)) * ((&t3 * &t3).mean().unwrap())
}

#[test]
fn test_h24() {
    let mut rng = Rng::new(200308);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (y, d_a) = h24_vjp(&a, seed.clone());
    assert_array(&y, &h24(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h24(xx)), &a, &d_a, "da");
}

// dims (4, 3, 2)
#[differentiable]
fn f24(a: ArrayView2<f64>) -> f64 {
    let mut t1: Array2<f64> = Array2::<f64>::zeros((3, 2));
    let mut t2: f64 = 0.743_f64.sqrt();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = (i as f64 * 0.3);
        let t4: f64 =
            nn::logsumexp(&t1, Axis(1))
                .dot(&a.fold_axis(Axis(1), f64::INFINITY, |&m, &x| m.min(x)));
        t1 = t1 + &(&a - t2);
        t2 = (t2 + ((t2.powi(2).ln() + t3) + t4).tanh()).tanh();
    }
    let mut t5: Array2<f64> = (&t1.column(0).insert_axis(Axis(1))
        / (nn::softplus(&t1.row(2).insert_axis(Axis(0))) + 0.5))
        .to_owned();
    if 0.422_f64 < 0.404 {
        t5 = &t5 * 0.853 + &(&t1 / 1.06_f64).tanh();
    } else {
        t5 = &Array::from_elem((3, 3), 0.5_f64).dot(&t1).tanh() - &t5;
    }
    let t6: Array2<f64> = -&ad_runtime::ndarray::stack(
        Axis(1),
        &[
            (t1.fold_axis(Axis(1), f64::INFINITY, |&m, &x| m.min(x)) - t1.column(0)).view(),
            (&t1.column(1) / &(nn::softplus(&t1.std_axis(Axis(1), 1.0)) + 0.5)).view(),
        ],
    )
    .unwrap();
    let t7: Array2<f64> = h24(&a.t().mapv(f64::cos));
    let t8: Array2<f64> = t7.mapv(f64::tanh);
    let t9: Array2<f64> = t8.map(|&v| (v * t2).tanh());
    let mut t10 = Array1::<f64>::zeros(2);
    let mut t11: f64 = 0.0;
    for i in 0..t6.nrows() {
        let r = t6.row(i);
        t10 = &r.tanh() * (i as f64 * 0.3).exp().tanh() + t10;
        t11 = t11 * 0.8 - ((t5[[0, 0]] + 0.327).abs().tanh() + 0.362).abs();
    }
    nn::mse(
        &t9.t().to_shape((2, 3)).unwrap().into_owned(),
        &(&t10.view().insert_axis(Axis(1))
            - t8.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &x| m.max(x))
                .insert_axis(Axis(0))),
    ) + 0.442 * t7.sum()
        + (&t9 * &t9).mean().unwrap()
        + 0.884 * t10.sum()
        + 0.936 * t11
}

#[test]
fn test_f24() {
    let mut rng = Rng::new(200310);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, d_a) = f24_grad(a.view());
    common::assert_near(v, f24(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f24(xx.view()), &a, &d_a, "da");
}

// dims (4, 2, 5)
#[differentiable]
fn h25(a: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = nn::softplus(&(0.596_f64 / &(nn::softplus(a) + 0.5)));
    let t2 = &(t1.map(|&v| v) * (&t1 * &t1).sum()) * 0.0475;
    let t3: Array1<f64> = nn::logsumexp(&Array::from_elem((5, 4), 0.5_f64), Axis(0));
    nn::cross_entropy_one_hot(
        &Array::from_elem((4, 2), 0.5_f64),
        &nn::softmax(&Array::from_elem((4, 2), 0.25_f64), Axis(1)),
    )
    .exp()
    .tanh()
        + 0.358 * t2.sum()
        + 0.753 * t3.sum()
}

#[test]
fn test_h25() {
    let mut rng = Rng::new(200322);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let (v, d_a) = h25_grad(&a);
    common::assert_near(v, h25(&a), "value");
    assert_fd_array(|xx| h25(xx), &a, &d_a, "da");
}

// dims (4, 2, 5)
#[differentiable]
fn f25(a: &Array1<f64>, b: &Array1<f64>, c: &Array2<f64>, d: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = c.slice(s![..2, ..]).mapv(|v| v).dot(&(b * b));
    let t2: f64 = (0.497_f64.ln() / a[0].exp()).exp();
    let mut t3: Array1<f64> = (&t1 * &t1).to_owned();
    let mut t4: f64 = t2 + 0.507_f64;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t5: Array1<f64> = &t3 / d.mapv(|v| v * v + 1.0);
        t3 = (&t3 + &(&(&r - &c.column(1).dot(c)) - &t5).mapv(f64::tanh)).mapv(f64::tanh);
        t4 = (t4 + (&t3 * d).var(1.0)).tanh();
    }
    let t6 = c.index_axis(Axis(0), 0);
    nn::cross_entropy_one_hot(c, &nn::softmax(c, Axis(1)))
        .tanh()
        .exp()
        + 0.774 * t4
        + 0.372 * t6.sum()
}

#[test]
fn test_f25() {
    let mut rng = Rng::new(200324);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (4, 2), 0.5, 1.5);
    let d = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f25_grad(&a, &b, &c, &d);
    common::assert_near(v, f25(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f25(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f25(&a, xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f25(&a, &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f25(&a, &b, &c, xx), &d, &d_d, "dd");
}

// dims (4, 5, 2)
#[differentiable]
fn h26(a: &Array2<f64>) -> f64 {
    let t1: ArrayView1<f64> = a.index_axis(Axis(1), 0);
    ((0.56_f64 * t1.sum()) + 0.322).abs() + (&t1 * &t1).mean().unwrap()
}

#[test]
fn test_h26() {
    let mut rng = Rng::new(200336);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, d_a) = h26_grad(&a);
    common::assert_near(v, h26(&a), "value");
    assert_fd_array(|xx| h26(xx), &a, &d_a, "da");
}

// dims (4, 5, 2)
#[differentiable(wrt(b))]
fn f26(a: &Array2<f64>, s: f64, b: &Array1<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let t1 = ad_runtime::ndarray::concatenate(Axis(1), &[a.view().reversed_axes(), a.t()])
        .unwrap()
        .dot(
            &(&d.var_axis(Axis(1), 0.0)
                - d.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max(x))),
        )
        .tanh();
    let t2 = if s < -0.477 {
        c.map(|&v| ((v * s).sin()).tanh())
            .mapv(|v| (if v > 0.1 { v } else { v * 0.466 }) * s + s)
    } else {
        nn::logsumexp(d, Axis(0)).tanh().exp()
    };
    let t3: Array1<f64> = (&d.index_axis(Axis(0), 3) + &c.sin())
        + &t2
            .mapv(|v| ((v.sin()) * (v.sin()) + 0.5).sqrt())
            .mapv_into(|v| {
                if v > -0.34 {
                    ((v * 1.02) * (v * 1.02) + 0.5).sqrt()
                } else {
                    v.sin()
                }
            });
    let t4: Array1<f64> = nn::sigmoid(&a.t()).mean_axis(Axis(0)).unwrap();
    ((&a.index_axis(Axis(0), 0) * &a.index_axis(Axis(0), 0)).sum() * (s + 0.262).abs())
        + (b * b).mean().unwrap()
        + 0.425 * t1.sum()
        + 0.568 * t3.sum()
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f26() {
    let mut rng = Rng::new(200338);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let s = 1.4557;
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let d = rand(&mut rng, (4, 2), 0.5, 1.5);
    let (v, d_b) = f26_grad(&a, s, &b, &c, &d);
    common::assert_near(v, f26(&a, s, &b, &c, &d), "value");
    assert_fd_array(|xx| f26(&a, s, xx, &c, &d), &b, &d_b, "db");
}

// dims (5, 2, 4)
#[differentiable]
fn f27(a: &Array1<f64>, b: &Array1<f64>) -> Array1<f64> {
    let t1 = Array::from_elem((5, 5), 1.5_f64)
        .dot(b)
        .mapv(|v| (v * v).powi(2) - 0.5)
        .mapv(f64::tanh);
    let t2 = (-&(&b.view().insert_axis(Axis(0)) - &a.view().insert_axis(Axis(1))))
        .var_axis(Axis(0), 0.0);
    let t3 = if (t1[1] + t2.var(1.0)).tanh() < 0.497 {
        &nn::relu(a) + Array::from_elem((4, 2), 0.25_f64).var_axis(Axis(0), 1.0)
    } else {
        (&a.view().insert_axis(Axis(1)) / Array::from_elem((2, 4), 1.5_f64)).fold_axis(
            Axis(1),
            f64::NEG_INFINITY,
            |&m, &x| m.max(x),
        )
    };
    (&(a / (t2[0] * t2[0] + 1.0)) * (b[4] + 0.318).abs()) * (t3.sum())
}

#[test]
fn test_f27() {
    let mut rng = Rng::new(200350);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b)) = f27_vjp(&a, &b, seed.clone());
    assert_array(&y, &f27(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f27(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f27(&a, xx)), &b, &d_b, "db");
}

// dims (5, 2, 3)
#[differentiable]
fn f28(
    a: &Array2<f64>,
    b: Array1<f64>,
    c: &Array2<f64>,
    d: &Array2<f64>,
    w: &Array2<f64>,
) -> Array2<f64> {
    let t1 = (c[[4, 0]] + 0.271).abs() + (b[2] - w[[1, 0]]);
    let mut t2: f64 = (c[[1, 1]] + 0.529).abs();
    if c[[4, 2]] > -0.453 {
        let t3 = t1 - t1;
        t2 = t2 * 0.311 + (b.mean().unwrap() * b.mean().unwrap() + 1.0).ln();
    } else {
        t2 = t1.tanh() - t2;
    }
    let t4 = nn::sigmoid(
        &(&w.mean_axis(Axis(1))
            .unwrap()
            .mapv(|v| (((v * 0.438) * (v * 0.438) + 1.0).ln()) * t2 + t2)
            .insert_axis(Axis(1))
            * ad_runtime::ndarray::stack(
                Axis(0),
                &[
                    w.std_axis(Axis(0), 0.0).view(),
                    w.std_axis(Axis(0), 1.0).view(),
                ],
            )
            .unwrap()),
    ) + (&(&c.slice(s![1..3, ..]) * &d.var_axis(Axis(0), 1.0)) - c[[4, 1]]);
    let t5: ArrayView1<f64> = c.index_axis(Axis(1), 0);
    Array::from_elem((2, 5), 0.25_f64).dot(c).exp().ln()
        * (a.sum() + t4.sum() + (&t5 * &t5).mean().unwrap())
}

#[test]
fn test_f28() {
    let mut rng = Rng::new(200362);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let d = rand(&mut rng, (2, 3), -1.0, 1.0);
    let w = rand(&mut rng, (2, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d, d_w)) = f28_vjp(&a, b.clone(), &c, &d, &w, seed.clone());
    assert_array(&y, &f28(&a, b.clone(), &c, &d, &w), "value");
    assert_fd_array(
        |xx| inner(&seed, &f28(xx, b.clone(), &c, &d, &w)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f28(&a, xx.clone(), &c, &d, &w)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f28(&a, b.clone(), xx, &d, &w)),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f28(&a, b.clone(), &c, xx, &w)),
        &d,
        &d_d,
        "dd",
    );
    assert_fd_array(
        |xx| inner(&seed, &f28(&a, b.clone(), &c, &d, xx)),
        &w,
        &d_w,
        "dw",
    );
}

// dims (5, 2, 3)
#[differentiable(wrt(s, p, b, c))]
fn f29(a: &Array1<f64>, s: f64, p: f64, b: Array2<f64>, c: ArrayView2<f64>) -> f64 {
    let t1: ArrayView1<f64> = b.column(1);
    let mut t2 = Array1::<f64>::zeros(2);
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4: Array1<f64> = a.dot(&b);
        t2 = (&t2 + &(&(&t2.mapv(|v| (v * 1.37).exp()) - &t4) * 0.5)).mapv(f64::tanh);
        t3 += t1.var(0.0).powi(2).tanh();
    }
    let t5 = t3.sin();
    let mut t6: Array1<f64> = &t1 * &t1;
    let mut t7: f64 = c[[4, 0]];
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t8 = t5.tanh();
        let t9 = b.var(1.0);
        t6 = &(&r - &r) * (i as f64 * 0.3) + t6;
        t7 = (t7 + ((t5.cos() + t8) + t9).tanh()).tanh();
    }
    let t10: Array1<f64> = t6.mapv(f64::tanh);
    let t11: f64 = if t1[1] < 0.353 {
        (t3 - t2[0]).tanh()
    } else {
        (t1.mean().unwrap() + c.mean().unwrap()) + (t2[1] * t3)
    };
    let mut t12: f64 = b[[1, 1]];
    if (b.mean().unwrap() + t6.sum()).tanh() < 0.333 {
        t12 = t12 * 0.775
            + nn::cross_entropy_one_hot(
                &c.slice(s![.., 1..]),
                &nn::softmax(&c.slice(s![.., 1..]), Axis(1)),
            )
            .tanh();
    } else {
        t12 = t2.sum() - t12;
    }
    let t13 = t10.view();
    (c.mean().unwrap() / (nn::mse(&t10, &t10) * nn::mse(&t10, &t10) + 1.0))
        + 0.783 * s
        + 0.406 * p
        + 0.253 * t7
        + 0.295 * t11
        + 0.701 * t12
        + (&t13 * &t13).mean().unwrap()
}

#[test]
fn test_f29() {
    let mut rng = Rng::new(200374);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let s = -0.5462;
    let p = 1.0065;
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, (d_s, d_p, d_b, d_c)) = f29_grad(&a, s, p, b.clone(), c.view());
    common::assert_near(v, f29(&a, s, p, b.clone(), c.view()), "value");
    let fd_s = fd(
        |xx: &Array<f64, _>| f29(&a, xx[()], p, b.clone(), c.view()),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f29(&a, s, xx[()], b.clone(), c.view()),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(|xx| f29(&a, s, p, xx.clone(), c.view()), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f29(&a, s, p, b.clone(), xx.view()), &c, &d_c, "dc");
}

// dims (4, 5, 4)
#[differentiable]
fn f30(a: ArrayView2<f64>) -> Array2<f64> {
    let t1 = if (a[[3, 1]].sin() + 1.46_f64) < -0.369 {
        a.mapv(f64::sin).mapv(|v| v.exp())
    } else {
        nn::softmax(&a.mapv(f64::cos), Axis(0))
    };
    let t2: f64 = ((&t1 * &t1).sum() / (t1[[0, 3]].powi(2) + 0.5)).tanh();
    let t3 = a.t().mapv(f64::exp).to_shape((4, 5)).unwrap().into_owned();
    let t4: f64 = (&(&(&t1.slice(s![.., 1..]) * &t1.slice(s![.., 1..]) + 0.5)
        .powf(0.5)
        .dot(&(t2 - &t1))
        * 0.0478)
        * &(&(&t1.slice(s![.., 1..]) * &t1.slice(s![.., 1..]) + 0.5)
            .powf(0.5)
            .dot(&(t2 - &t1))
            * 0.0478))
        .sum();
    t3.slice(s![.., ..4])
        .sqrt()
        .dot(&t3.map(|&v| (if v > -0.288 { v * t2 } else { v * 1.04 }).tanh()))
        + (t3.sum() + t4)
}

#[test]
fn test_f30() {
    let mut rng = Rng::new(200386);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (y, d_a) = f30_vjp(a.view(), seed.clone());
    assert_array(&y, &f30(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &f30(xx.view())), &a, &d_a, "da");
}

// dims (3, 5, 4)
#[differentiable]
fn f31(a: &Array1<f64>, b: Array2<f64>, c: &Array1<f64>, d: &Array1<f64>, w: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = w.t().mean_axis(Axis(1)).unwrap();
    if t1.sin().sum() > 1.32 {
        t1 = &t1 * 0.402 + &(nn::softplus(d) + 0.5).powf(0.5);
    }
    let mut t2: Array2<f64> = Array::from_elem((3, 5), 0.25_f64).exp().ln().to_owned();
    if nn::cross_entropy_one_hot(&nn::sigmoid(&t2), &nn::softmax(&(&t2 / &t2.exp()), Axis(1)))
        < -0.781
    {
        let t3 = (c * c).sum();
        t2 = &t2 * 0.351 + &t2.mapv(|v| v);
    } else {
        t2 = &Array::from_elem((5, 3), 0.5_f64)
            .to_shape((3, 5))
            .unwrap()
            .into_owned()
            - &t2;
    }
    let t4 = ((d / &(&t1 * &t1 + 0.5)) * nn::log_softmax(&t1, Axis(0))).tanh();
    let t5: ArrayView1<f64> = d.slice(s![1..]);
    ((1.08_f64 * 0.796_f64) + (a[2] - t5.sum()))
        + (a * a).mean().unwrap()
        + 0.207 * b.sum()
        + 0.334 * t4.sum()
        + (&t5 * &t5).mean().unwrap()
}

#[test]
fn test_f31() {
    let mut rng = Rng::new(200398);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let c = rand(&mut rng, 3, 0.5, 1.5);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    let w = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f31_grad(&a, b.clone(), &c, &d, &w);
    common::assert_near(v, f31(&a, b.clone(), &c, &d, &w), "value");
    assert_fd_array(|xx| f31(xx, b.clone(), &c, &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f31(&a, xx.clone(), &c, &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f31(&a, b.clone(), xx, &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f31(&a, b.clone(), &c, xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f31(&a, b.clone(), &c, &d, xx), &w, &d_w, "dw");
}

// dims (2, 4, 5)
#[differentiable]
fn f32(a: &Array2<f64>) -> f64 {
    let t1: Array2<f64> = -&(nn::softplus(
        &(&a.row(2).insert_axis(Axis(0)) * &nn::logsumexp(a, Axis(1)).insert_axis(Axis(1))),
    ) + 0.5)
        .ln();
    let t2 = a.index_axis(Axis(0), 3);
    let t3: ArrayView1<f64> = t2.view();
    let t4: ArrayView1<f64> = t3.slice(s![1..]);
    (0.883_f64 + 0.682_f64).sin() + 0.445 * t1.sum() + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f32() {
    let mut rng = Rng::new(200410);
    let a = rand(&mut rng, (5, 4), 0.5, 1.5);
    let (v, d_a) = f32_grad(&a);
    common::assert_near(v, f32(&a), "value");
    assert_fd_array(|xx| f32(xx), &a, &d_a, "da");
}

// dims (4, 5, 4)
#[differentiable]
fn f33(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>, d: Array2<f64>, s: f64) -> f64 {
    let t1 = if ((b[[2, 3]] + 0.518).abs().powi(2) + 0.5).ln() < -0.123 {
        nn::cross_entropy_one_hot(
            &(c + &c
                .fold_axis(Axis(0), f64::INFINITY, |&m, &x| m.min(x))
                .insert_axis(Axis(0))),
            &nn::softmax(&(nn::softplus(c) + 0.5).ln(), Axis(1)),
        )
    } else {
        b.mean().unwrap()
    };
    let t2: Array2<f64> = (&a.row(0) + a).mapv(f64::tanh);
    let t3 = c.view().reversed_axes();
    a.var(1.0)
        + (&d * &d).mean().unwrap()
        + 0.953 * s
        + 0.381 * t1
        + 0.743 * t2.sum()
        + 0.636 * t3.sum()
}

#[test]
fn test_f33() {
    let mut rng = Rng::new(200422);
    let a = rand(&mut rng, (4, 4), 0.5, 1.5);
    let b = rand(&mut rng, (4, 5), 0.5, 1.5);
    let c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let d = rand(&mut rng, (4, 5), -1.0, 1.0);
    let s = 0.3416;
    let (v, (d_a, d_b, d_c, d_d, d_s)) = f33_grad(&a, &b, &c, d.clone(), s);
    common::assert_near(v, f33(&a, &b, &c, d.clone(), s), "value");
    assert_fd_array(|xx| f33(xx, &b, &c, d.clone(), s), &a, &d_a, "da");
    assert_fd_array(|xx| f33(&a, xx, &c, d.clone(), s), &b, &d_b, "db");
    assert_fd_array(|xx| f33(&a, &b, xx, d.clone(), s), &c, &d_c, "dc");
    assert_fd_array(|xx| f33(&a, &b, &c, xx.clone(), s), &d, &d_d, "dd");
    let fd_s = fd(
        |xx: &Array<f64, _>| f33(&a, &b, &c, d.clone(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 5, 3)
#[differentiable]
fn f34(a: &Array2<f64>, s: f64) -> f64 {
    let t1 = a.row(0);
    let t2: Array2<f64> = -(a + t1[2]);
    let t3 = t1.view();
    ((t2[[2, 0]] / (t2.mean().unwrap() * t2.mean().unwrap() + 1.0)) * a.sum()).tanh()
        + 0.941 * s
        + 0.802 * t2.sum()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_f34() {
    let mut rng = Rng::new(200434);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let s = 1.3261;
    let (v, (d_a, d_s)) = f34_grad(&a, s);
    common::assert_near(v, f34(&a, s), "value");
    assert_fd_array(|xx| f34(xx, s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f34(&a, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (5, 3, 4)
#[differentiable]
fn h35(a: Array2<f64>) -> f64 {
    let mut t1: Array2<f64> = nn::log_softmax(&a, Axis(1));
    let mut t2: f64 = t1[[4, 2]];
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = (&t1 + &nn::sigmoid(&t1)).mapv(f64::tanh);
        t2 += (&t1.mapv(f64::tanh) * &t1.mapv(f64::tanh)).sum().tanh();
    }
    let mut t3: Array1<f64> = a.t().dot(&a.sum_axis(Axis(1))).tanh().to_owned();
    let mut t4: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t5 = -&a;
        let t6: Array1<f64> = t4 / &(&r * &r + 0.5);
        t3 = (&t3 + &(a.t().dot(&a.std_axis(Axis(1), 0.0)) + &t6).tanh()).mapv(f64::tanh);
        t4 += (((i as f64 * 0.3) + 0.352).abs().exp() + t5.mean().unwrap()).tanh();
    }
    t4 + 0.282 * t2 + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_h35() {
    let mut rng = Rng::new(200446);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, d_a) = h35_grad(a.clone());
    common::assert_near(v, h35(a.clone()), "value");
    assert_fd_array(|xx| h35(xx.clone()), &a, &d_a, "da");
}

// dims (5, 3, 4)
#[differentiable(wrt(a, b, d))]
fn f35(a: ArrayView2<f64>, b: Array1<f64>, c: &Array1<f64>, d: &Array1<f64>) -> f64 {
    let t1 = b.view();
    let t2: Array1<f64> = if 0.603_f64 > -0.399 {
        (Array1::<f64>::ones(4).insert_axis(Axis(1)) * d.view().insert_axis(Axis(0)))
            .var_axis(Axis(0), 0.0)
    } else {
        &b.mapv(|v| (if v > 0.1 { v } else { v }).tanh())
            - Array::from_elem((5, 5), 0.25_f64).dot(&a.sum_axis(Axis(1)))
    };
    let mut t3: Array1<f64> = (-&a.index_axis(Axis(0), 2)).to_owned();
    let mut t4: f64 = 1.42_f64 * 0.36_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t5 = -&t1;
        let t6: f64 = d.dot(&t1);
        t3 = (&t3 + &(c.sum() + &a.index_axis(Axis(0), 0)).tanh()).mapv(f64::tanh);
        t4 += (((t2.mean().unwrap() * t2.mean().unwrap() + 1.0).ln() + t5.mean().unwrap()) + t6)
            .tanh();
    }
    let mut t7: Array2<f64> =
        (&d.view().insert_axis(Axis(1)) * &t3.view().insert_axis(Axis(0))).to_owned();
    if t4 > -1.35 {
        let t8: f64 = t4;
        t7 = &t7 * 0.809 + &a.t().to_shape((5, 3)).unwrap().into_owned();
    }
    let t9 = b.slice(s![1..]);
    let t10: Array1<f64> = nn::softmax(&(d / &d.mapv(|v| v * v + 1.0)), Axis(0));
    b.sum()
        + (&t7 * &t7).mean().unwrap()
        + (&t9 * &t9).mean().unwrap()
        + (&t10 * &t10).mean().unwrap()
}

#[test]
fn test_f35() {
    let mut rng = Rng::new(200448);
    let a = rand(&mut rng, (5, 3), 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b, d_d)) = f35_grad(a.view(), b.clone(), &c, &d);
    common::assert_near(v, f35(a.view(), b.clone(), &c, &d), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f35(xx.view(), b.clone(), &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f35(a.view(), xx.clone(), &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f35(a.view(), b.clone(), &c, xx), &d, &d_d, "dd");
}

// dims (5, 2, 3)
#[differentiable]
fn f36(a: ArrayView2<f64>) -> f64 {
    let t1: Array2<f64> = if ((0.347_f64 / 0.643_f64) / (a[[1, 1]].powi(2) + 0.5).sqrt()) > 0.104 {
        ((&nn::logsumexp(&a, Axis(0)) / &(nn::sigmoid(&a.row(1)) + 0.25)).insert_axis(Axis(0))
            - a.var_axis(Axis(1), 1.0)
                .mapv_into(f64::tanh)
                .insert_axis(Axis(1)))
        .mapv(f64::tanh)
    } else {
        a.dot(&a.slice(s![2.., ..])).mapv(|v| v)
    };
    let t2 = t1.cos().map(|&v| v) * 1.13_f64;
    let t3 = t1.column(0);
    let t4 = t2.view();
    let t5 =
        &(&t3.dot(&a.slice(s![.., 1..])) * 0.133) - nn::logsumexp(&t1.slice(s![1..3, ..]), Axis(1));
    let mut t6 = Array1::<f64>::zeros(2);
    let mut t7: f64 = a.sum();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t8: Array1<f64> = nn::sigmoid(&t4.t().dot(&t3));
        let t9: f64 = t1[[3, 0]] / (t4.sum() * t4.sum() + 1.0);
        t6 = &(&t6 / &(&t6 * &t6 + 0.5)) * t4[[0, 0]] + t6;
        t7 = (t7
            + (((&t1.dot(&t1.slice(s![2.., ..])) * 0.0741).sum() + t8.mean().unwrap()) + t9)
                .tanh())
        .tanh();
    }
    t7 + (&t5 * &t5).mean().unwrap() + 0.339 * t7
}

#[test]
fn test_f36() {
    let mut rng = Rng::new(200460);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, d_a) = f36_grad(a.view());
    common::assert_near(v, f36(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f36(xx.view()), &a, &d_a, "da");
}

// dims (4, 2, 3)
#[differentiable]
fn f37(a: &Array2<f64>, b: &Array2<f64>, s: f64, p: f64) -> Array2<f64> {
    let t1: f64 = a.sum();
    let t2: Array2<f64> = (&b.row(1)
        + &(&a.row(2).insert_axis(Axis(1))
            * a.fold_axis(Axis(1), f64::INFINITY, |&m, &x| m.min(x))
                .insert_axis(Axis(0))))
        - s;
    let mut t3: Array2<f64> = b + &a.t();
    let mut t4: f64 = (&t2 * &t2).sum();
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t5 = -&t2;
        t3 = &(((i as f64 * 0.3) - &t2) + &t5).tanh() * r.var(0.0).tanh() + t3;
        t4 = (t4
            + nn::cross_entropy_one_hot(
                &Array::from_elem((4, 2), 0.25_f64).powi(3),
                &nn::softmax(
                    &(b.var_axis(Axis(1), 1.0) - Array::from_elem((4, 2), 0.5_f64)),
                    Axis(1),
                ),
            ))
        .tanh();
    }
    let mut t6: Array1<f64> =
        (&a.index_axis(Axis(0), 1) / b.var_axis(Axis(1), 1.0).mapv(|v| v * v + 1.0)).to_owned();
    let mut t7: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t6 = &t6.map(|&v| (v * v + 1.0).ln()).tanh()
            * nn::sigmoid(&t3.sum_axis(Axis(1))).sum().tanh()
            + t6;
        t7 = t7 * 0.8 - t6[0].tanh();
    }
    let t8: Array1<f64> = nn::sigmoid(&t3.sum_axis(Axis(1)));
    let mut t9: f64 = t4;
    if nn::cross_entropy(&Array::from_elem((4, 2), 0.25_f64), &vec![0usize; 4])
        .exp()
        .tanh()
        < 0.116
    {
        let t10: f64 = a[[2, 0]];
        t9 = t9 * 0.38 + t4.tanh();
    }
    (&a.index_axis(Axis(0), 0).insert_axis(Axis(1)) - &nn::relu(&t3))
        + (p + t1 + t7 + (&t8 * &t8).mean().unwrap() + t9)
}

#[test]
fn test_f37() {
    let mut rng = Rng::new(200472);
    let a = rand(&mut rng, (3, 2), 0.5, 1.5);
    let b = rand(&mut rng, (2, 3), 0.5, 1.5);
    let s = -0.3089;
    let p = -0.6108;
    let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_p)) = f37_vjp(&a, &b, s, p, seed.clone());
    assert_array(&y, &f37(&a, &b, s, p), "value");
    assert_fd_array(|xx| inner(&seed, &f37(xx, &b, s, p)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f37(&a, xx, s, p)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f37(&a, &b, xx[()], p)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f37(&a, &b, s, xx[()])),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (2, 3, 5)
#[differentiable]
fn f38(a: &Array2<f64>) -> f64 {
    let t1: ArrayView1<f64> = a.row(0);
    let t2 = &nn::sigmoid(&a.slice(s![.., 2..]).dot(a))
        - &((a[[1, 2]] - &a.column(0)) * (a[[2, 2]] * 1.21_f64)).insert_axis(Axis(1));
    let mut t3: Array2<f64> = t2.slice(s![.., 1..4]).dot(&t2).tanh();
    let mut t4: f64 = a.sum();
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        t3 = &t3 * 0.7
            + &(&ad_runtime::ndarray::concatenate(
                Axis(1),
                &[t2.slice(s![.., 1..3]), a.slice(s![.., ..3])],
            )
            .unwrap()
                * 0.586);
        t4 = (t4 + t4.tanh()).tanh();
    }
    let t5: f64 = t1.mean().unwrap();
    let t6 = -t2.mapv(|v| v).mapv_into(f64::sin);
    let mut t7: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t8: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t7 = &t7 * 0.7 + &(&r - r.tanh());
        t8 += (&a.mapv(|v| v * 1.45) * &a.mapv(|v| v * 1.45)).sum().tanh();
    }
    (&Array::from_elem((5, 5), 0.5_f64).dot(&t1) * &Array::from_elem((5, 5), 0.5_f64).dot(&t1))
        .sum()
        + (&t3 * &t3).mean().unwrap()
        + 0.894 * t5
        + 0.747 * t6.sum()
        + 0.226 * t7.sum()
        + 0.343 * t8
}

#[test]
fn test_f38() {
    let mut rng = Rng::new(200484);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, d_a) = f38_grad(&a);
    common::assert_near(v, f38(&a), "value");
    assert_fd_array(|xx| f38(xx), &a, &d_a, "da");
}

// dims (3, 2, 5)
#[differentiable]
fn h39(a: &Array2<f64>, s: f64, b: &Array2<f64>) -> f64 {
    let t1 = b.view();
    (t1[[1, 0]].tanh() + (b.mean().unwrap() * a[[1, 1]]))
        + 0.648 * a.sum()
        + 0.201 * s
        + (&t1 * &t1).mean().unwrap()
}

#[test]
fn test_h39() {
    let mut rng = Rng::new(200496);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let s = -0.4662;
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, (d_a, d_s, d_b)) = h39_grad(&a, s, &b);
    common::assert_near(v, h39(&a, s, &b), "value");
    assert_fd_array(|xx| h39(xx, s, &b), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| h39(&a, xx[()], &b),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| h39(&a, s, xx), &b, &d_b, "db");
}

// dims (3, 2, 5)
#[differentiable]
fn f39(a: &Array2<f64>, b: Array2<f64>, s: f64, c: &Array1<f64>, p: f64) -> f64 {
    let mut t1: Array1<f64> = b.index_axis(Axis(0), 1).dot(a);
    if nn::cross_entropy_one_hot(
        &a.slice(s![..3, ..]),
        &nn::softmax(&b.slice(s![.., 2..4]), Axis(1)),
    )
    .tanh()
        < -0.218
    {
        let t2: f64 = b.mean().unwrap();
        t1 = &t1 * 0.441 + &t1.tanh();
    } else {
        t1 = &t1.dot(&b.slice(s![..2, 1..3])).tanh() - &t1;
    }
    let t3: f64 = h39(
        a,
        a[[0, 1]].sin(),
        &(&a.var_axis(Axis(0), 0.0).insert_axis(Axis(0))
            + &b.index_axis(Axis(1), 1).insert_axis(Axis(1))),
    );
    let t4 = t3.tanh();
    let t5: f64 = (0.568_f64.ln() * 0.568_f64.ln() + 1.0).sqrt().ln();
    let t6: Array2<f64> = (-a).mapv_into(|v| v * 1.12);
    let t7 = t6.mapv(f64::sin);
    let mut t8: Array1<f64> = nn::sigmoid(c).to_owned();
    let mut t9: f64 = 0.0;
    for i in 0..t6.nrows() {
        let r = t6.row(i);
        let t10: f64 = p.powi(2);
        let t11: f64 = a[[3, 1]];
        t8 = &t8 * 0.7 + &nn::sigmoid(&(&r - (-&t8)));
        t9 += ((b.index_axis(Axis(1), 3).dot(&b.column(0)).sin() + t10) + t11).tanh();
    }
    let t12 = b.view();
    c.mean().unwrap().powi(2).exp().ln()
        + 0.769 * s
        + 0.442 * t3
        + 0.631 * t4
        + 0.436 * t5
        + 0.517 * t7.sum()
        + 0.246 * t9
        + 0.837 * t12.sum()
}

#[test]
fn test_f39() {
    let mut rng = Rng::new(200498);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let s = 1.3302;
    let c = rand(&mut rng, 2, 0.5, 1.5);
    let p = -0.6541;
    let (v, (d_a, d_b, d_s, d_c, d_p)) = f39_grad(&a, b.clone(), s, &c, p);
    common::assert_near(v, f39(&a, b.clone(), s, &c, p), "value");
    assert_fd_array(|xx| f39(xx, b.clone(), s, &c, p), &a, &d_a, "da");
    assert_fd_array(|xx| f39(&a, xx.clone(), s, &c, p), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f39(&a, b.clone(), xx[()], &c, p),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f39(&a, b.clone(), s, xx, p), &c, &d_c, "dc");
    let fd_p = fd(
        |xx: &Array<f64, _>| f39(&a, b.clone(), s, &c, xx[()]),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}
