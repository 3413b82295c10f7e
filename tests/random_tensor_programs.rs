//! Random array programs from `tests/gen/gen_random_tensor_programs.py --seed 2 --count 40`.
//! Generated once and committed as a regression suite (regenerate with the command above).

#![allow(unused_variables, unused_mut, dead_code, unused_parens, clippy::all)]

mod common;

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array, Array1, Array2, ArrayView1, ArrayView2, Axis, Order, Zip, s};
use ad_runtime::nn;
use common::Rng;
use common::arrays::*;

// Constructs (functions using each):
//   Zip                                  14
//   array * array                        23
//   array * scalar                       9
//   array + array                        26
//   array + scalar                       6
//   array - array                        19
//   array - scalar                       5
//   array / array                        24
//   array / scalar                       8
//   array accumulator                    19
//   broadcast 1∘2                        10
//   broadcast 2∘1                        7
//   broadcast 2∘unit                     11
//   broadcast unit∘2                     4
//   broadcast unit∘unit                  13
//   call helper                          5
//   closure branch                       8
//   closure captures scalar              8
//   concatenate                          7
//   constant                             24
//   dot 1x1                              11
//   dot 1x2                              13
//   dot 2x1                              8
//   dot 2x2                              16
//   element read                         28
//   fold_axis max closure f64::max(m, e) 1
//   fold_axis max closure |&m, &v| e.max(m) 2
//   fold_axis max closure |&m, &v| m.max(e) 2
//   fold_axis max closure |&m: &f64, ..| e.max(m) 2
//   fold_axis max closure |m, v| m.max(*v) 1
//   fold_axis min closure f64::min(m, e) 1
//   fold_axis min closure |&m, &v| e.min(m) 2
//   fold_axis min closure |&m, &v| m.min(e) 2
//   fold_axis min closure |&m: &f64, ..| e.min(m) 3
//   fold_axis min closure |&m: &f64, ..| m.min(e) 1
//   fold_axis of a function of the element 10
//   from_vec                             10
//   if on scalar                         25
//   if statement                         14
//   if value                             17
//   insert_axis                          23
//   integer parameter choosing the order 7
//   into_shape_with_order                1
//   logsumexp                            8
//   loop index as f64                    7
//   loop over rows                       19
//   made positive                        37
//   map(|&v| ..)                         9
//   map_axis                             20
//   mapv closure                         30
//   mapv path                            10
//   mapv_into closure                    5
//   max                                  8
//   mean                                 23
//   mean_axis                            5
//   method abs                           4
//   method cos                           6
//   method exp                           4
//   method ln                            5
//   method mapv_into                     2
//   method powf                          6
//   method powi                          1
//   method sin                           2
//   method sqrt                          3
//   method tanh                          4
//   min                                  9
//   neighbour reads of an array parameter 17
//   nn::cross_entropy                    5
//   nn::cross_entropy_one_hot            5
//   nn::log_softmax                      4
//   nn::mse                              8
//   nn::relu                             8
//   nn::sigmoid                          6
//   nn::softmax                          5
//   nn::softplus                         5
//   owned lhs                            24
//   owned rhs                            26
//   reshape Order::C                     3
//   reshape Order::ColumnMajor           8
//   reshape Order::F                     5
//   reshape Order::RowMajor              5
//   reshape order in a variable          7
//   row/column/index_axis                27
//   scalar * array                       6
//   scalar + array                       4
//   scalar - array                       4
//   scalar / array                       4
//   scalar abs                           13
//   scalar accumulator                   19
//   scalar cos                           11
//   scalar exp                           8
//   scalar ln                            14
//   scalar powi                          7
//   scalar sin                           9
//   scalar sqrt                          7
//   scalar tanh                          9
//   slice                                29
//   squash                               33
//   stack                                2
//   std                                  6
//   std_axis                             5
//   sum                                  20
//   sum_axis                             10
//   sumsq                                12
//   t()                                  19
//   to_owned/clone                       14
//   to_shape                             4
//   to_shape 2d                          9
//   to_shape(n, order) then into_shape_with_order 3
//   unary -                              23
//   var                                  7
//   var_axis                             7
//   view()                               21

// dims (5, 2, 4)
#[differentiable]
fn f0(a: Array1<f64>) -> Array1<f64> {
    let mut t1: Array1<f64> = Zip::from(a.view())
        .and(a.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25)
        * &a;
    if 0.908_f64 > 0.387 {
        t1 = &t1 * 0.47
            + &Array::from_elem((4, 10), 0.5_f64)
                .fold_axis(Axis(0), f64::INFINITY, |&acc, &x| x.min(acc));
    } else {
        t1 = &(&t1 + &t1) - &t1;
    }
    let t2: Array1<f64> = Array2::<f64>::eye(2)
        .to_shape((4, Order::RowMajor))
        .unwrap()
        .into_owned()
        .dot(&Array::from_elem((4, 10), 0.25_f64).mapv_into(|v| v.exp()));
    let t3: Array1<f64> = Array::from_elem((4, 4), 0.5_f64)
        .var_axis(Axis(0), 0.0)
        .dot(&Array::from_elem((4, 4), 1.5_f64).dot(&Array::from_elem((4, 10), 0.5_f64)));
    let t4: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            Array1::<f64>::ones(5).view(),
            Array1::<f64>::linspace(-0.5, 0.5, 5).view(),
        ],
    )
    .unwrap()
    .mapv(|v| ((v.powi(2) - 0.5) * (v.powi(2) - 0.5) + 0.5).sqrt());
    let t5: Array1<f64> = (nn::softmax(&a, Axis(0)) + nn::softmax(&t1, Axis(0))).map(|&v| v);
    let t6: f64 = (&(&t3 + &t3) * &(&t3 + &t3)).sum();
    (-Array::from_elem((2, 5), 0.25_f64)
        .to_shape((10, Order::ColumnMajor))
        .unwrap()
        .into_owned())
        * (t2.sum() + t4.sum() + t5.sum() + t6)
}

#[test]
fn test_f0() {
    let mut rng = Rng::new(200002);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let seed = rand(&mut rng, 10, -1.0, 1.0);
    let (y, d_a) = f0_vjp(a.clone(), seed.clone());
    assert_array(&y, &f0(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f0(xx.clone())), &a, &d_a, "da");
}

// dims (5, 3, 2)
#[differentiable]
fn h1(a: &Array1<f64>, b: Array1<f64>, c: ArrayView2<f64>) -> Array1<f64> {
    let t1: Array1<f64> = if (b.std(1.0) - b.sum().tanh()) > -0.761 {
        a.exp().powf(0.5).dot(
            &Array::from_elem((5, 2), 0.5_f64)
                .to_shape(((5, 2), Order::ColumnMajor))
                .unwrap()
                .into_owned(),
        )
    } else {
        nn::log_softmax(&b, Axis(0))
    };
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 += (a[i + 1] * 0.698 - a[i]).tanh();
    }
    let mut t3 = Array1::<f64>::zeros(3);
    let mut t4: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t5: ArrayView1<f64> = r;
        let t6: f64 = c[[0, 2]] / (t4 * t4 + 1.0);
        t3 = (&t3 + &(&r - &t5)).mapv(f64::tanh);
        t4 = (t4 + (b.var(1.0).cos() + t6)).tanh();
    }
    (Array2::<f64>::eye(5).mean_axis(Axis(1)).unwrap()
        - &(a - Zip::from(a.view())
            .and(a.view())
            .map_collect(|&p, &q| p * q.sin() + 0.25)))
        + (t1.sum() + t2 + t3.sum())
}

#[test]
fn test_h1() {
    let mut rng = Rng::new(200014);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h1_vjp(&a, b.clone(), c.view(), seed.clone());
    assert_array(&y, &h1(&a, b.clone(), c.view()), "value");
    assert_fd_array(
        |xx| inner(&seed, &h1(xx, b.clone(), c.view())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &h1(&a, xx.clone(), c.view())),
        &b,
        &d_b,
        "db",
    );
    let d_c: Array2<f64> = d_c;
    assert_fd_array(
        |xx| inner(&seed, &h1(&a, b.clone(), xx.view())),
        &c,
        &d_c,
        "dc",
    );
}

// dims (5, 3, 2)
#[differentiable]
fn f1(a: ArrayView2<f64>, b: &Array2<f64>) -> f64 {
    let mut t1 = Array1::<f64>::zeros(3);
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = b[[0, 0]] + t2;
        t1 = (&t1 + &(&r + (&t1 * &t1))).mapv(f64::tanh);
        t2 += (-&t1).var(0.0) + t3;
    }
    let t4: Array1<f64> = a.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| m.max(v * 1.76));
    let t5 = if (nn::softplus(&t4) + 0.5).powf(1.5).dot(&(&t1 * t4[0])) < -1.26 {
        (t2 / &(&t1 * &t1 + 0.5)).cos()
    } else {
        &(&t4 - &t1) - nn::relu(&t4)
    };
    let t6: Array1<f64> = a
        .view()
        .reversed_axes()
        .mapv(|v| {
            if v > 0.175 {
                (v * v + 0.5).sqrt()
            } else {
                if v > -0.51 { v } else { v }
            }
        })
        .dot(&a.index_axis(Axis(1), 1));
    let t7 = (&t4 / Array2::<f64>::eye(3).mapv(|v| v * v + 1.0))
        .dot(&(t5 - &t1))
        .tanh();
    let mut t8: Array1<f64> = b.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5)
        / &(&Array1::from_vec(vec![t2 * 0.5, t2 * 2.0])
            * &Array1::from_vec(vec![t2 * 0.5, t2 * 2.0])
            + 0.5);
    let mut t9: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t10: Array1<f64> = Zip::from(r.view())
            .and(r.view())
            .map_collect(|&p, &q| p * q.sin() + 0.25)
            * r[1];
        t8 = (&t8
            + &(&((&r + (Array1::from_vec(vec![t9 * 2.0, t2 * 0.5]) - &t8).mapv(f64::tanh))
                - &t10)
                * 0.615))
            .mapv(f64::tanh);
        t9 = (t9 + ((t2 + b.sum()) + 0.226).abs().tanh()).tanh();
    }
    t2 + 0.415 * t6.sum() + 0.294 * t7.sum()
}

#[test]
fn test_f1() {
    let mut rng = Rng::new(200016);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (v, (d_a, d_b)) = f1_grad(a.view(), &b);
    common::assert_near(v, f1(a.view(), &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f1(xx.view(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| f1(a.view(), xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f1_jvp(a.view(), &b, t_a.view(), &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f1_hvp(a.view(), &b, t_a.view(), &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f1_grad(pp_a.view(), &pp_b);
    let fp = f1(pp_a.view(), &pp_b);
    let (_, (gm_a, gm_b)) = f1_grad(pm_a.view(), &pm_b);
    let fm = f1(pm_a.view(), &pm_b);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 5, 4)
#[differentiable]
fn f2(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let t1 = b.mapv(f64::sin).exp().powf(2.5).tanh();
    let t2 = nn::relu(&Array::from_elem((4, 15), 0.5_f64).sum_axis(Axis(0)));
    let t3 = (-(&a.index_axis(Axis(1), 4).insert_axis(Axis(1)) + &b.view().insert_axis(Axis(0))))
        .var_axis(Axis(0), 0.0);
    let t4: f64 = if t1.sum().powi(2).tanh() < 0.18 {
        (0.751_f64 + (-1.4_f64)).tanh()
    } else {
        (&t1 * Zip::from(t2.view())
            .and(t2.view())
            .map_collect(|&p, &q| p * q.sin() + 0.25))
        .std(0.0)
    };
    let t5: f64 = a.sum();
    t5 + (&t3 * &t3).mean().unwrap() + 0.412 * t4 + 0.905 * t5
}

#[test]
fn test_f2() {
    let mut rng = Rng::new(200028);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    let (v, (d_a, d_b)) = f2_grad(&a, &b);
    common::assert_near(v, f2(&a, &b), "value");
    assert_fd_array(|xx| f2(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f2(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 5), -1.0, 1.0);
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
    let fp = f2(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f2_grad(&pm_a, &pm_b);
    let fm = f2(&pm_a, &pm_b);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 5, 2)
#[differentiable]
fn h3(a: Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = if 1.23_f64 > 0.231 {
        &Array::from_elem((5, 5), 0.25_f64).dot(
            &Zip::from(a.view())
                .and(a.view())
                .map_collect(|&p, &q| p * q.sin() + 0.25),
        ) + a.map(|&v| (v * v) * ((v * v + 0.5).sqrt()))
    } else {
        nn::relu(&(&a - (-0.81_f64)))
    };
    nn::softplus(&t1.dot(&Array2::<f64>::eye(5)).tanh()) * (t1.sum())
}

#[test]
fn test_h3() {
    let mut rng = Rng::new(200040);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, d_a) = h3_vjp(a.clone(), seed.clone());
    assert_array(&y, &h3(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h3(xx.clone())), &a, &d_a, "da");
}

// dims (3, 5, 2)
#[differentiable(wrt(a, c))]
fn f3(a: &Array1<f64>, b: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let t1: ArrayView2<f64> = c.view();
    let mut t2: Array2<f64> = t1
        .mapv(|v| (((v * v + 0.5).sqrt()) * ((v * v + 0.5).sqrt()) + 0.5).sqrt())
        .to_owned();
    if (0.373_f64.sin() + 1.2_f64.ln()) > 0.11 {
        t2 = &t2 * 0.58 + &Array2::<f64>::eye(5).dot(c).mapv(f64::tanh);
    } else {
        t2 = &(&t1.column(0).insert_axis(Axis(1))
            / &c.mean_axis(Axis(0)).unwrap().insert_axis(Axis(0)).exp())
            .mapv(f64::tanh)
            - &t2;
    }
    let mut t3: Array2<f64> = t1
        .map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
        .insert_axis(Axis(1))
        / (nn::softplus(
            &c.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25)
                .insert_axis(Axis(0)),
        ) + 0.5);
    if b.sum() > -1.36 {
        t3 = &t3 * 0.667
            + &ad_runtime::ndarray::concatenate(
                Axis(0),
                &[t1.slice(s![3.., ..]), c.slice(s![2.., ..])],
            )
            .unwrap();
    }
    let t4 = if (nn::sigmoid(&t2) + 0.25).ln().sum() < 0.166 {
        Array::from_elem((3, 5), 0.25_f64).abs() / (b[0].exp().powi(2) + 0.5)
    } else {
        (b.sum() + Array::from_elem((3, 5), 0.25_f64)).mapv(|v| v.powi(2) - 0.5)
    };
    let t5 = (b.mean().unwrap()
        - nn::cross_entropy(
            &ad_runtime::ndarray::concatenate(
                Axis(1),
                &[t4.slice(s![.., ..3]), t1.slice(s![1..4, ..])],
            )
            .unwrap(),
            &vec![2usize; 3],
        ))
    .tanh();
    let t6 = nn::log_softmax(
        &t1.to_shape(((5, 2), Order::F))
            .unwrap()
            .into_owned()
            .mapv(|v| ((v * t5).sin()).tanh()),
        Axis(0),
    );
    t3[[4, 1]] + 0.84 * a.sum() + (&t3 * &t3).mean().unwrap() + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f3() {
    let mut rng = Rng::new(200042);
    let a = rand(&mut rng, 15, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, (5, 2), 0.5, 1.5);
    let (v, (d_a, d_c)) = f3_grad(&a, &b, &c);
    common::assert_near(v, f3(&a, &b, &c), "value");
    assert_fd_array(|xx| f3(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f3(&a, &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_c = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f3_jvp(&a, &b, &c, &t_a, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_c), (hh_a, hh_c)) = f3_hvp(&a, &b, &c, &t_a, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_c)) = f3_grad(&pp_a, &b, &pp_c);
    let fp = f3(&pp_a, &b, &pp_c);
    let (_, (gm_a, gm_c)) = f3_grad(&pm_a, &b, &pm_c);
    let fm = f3(&pm_a, &b, &pm_c);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 2, 3)
#[differentiable]
fn h4(a: Array2<f64>) -> f64 {
    let t1 = a.column(2);
    t1[1] + 0.345 * t1.sum()
}

#[test]
fn test_h4() {
    let mut rng = Rng::new(200054);
    let a = rand(&mut rng, (4, 3), 0.5, 1.5);
    let (v, d_a) = h4_grad(a.clone());
    common::assert_near(v, h4(a.clone()), "value");
    assert_fd_array(|xx| h4(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h4_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h4_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h4_grad(pp_a.clone());
    let fp = h4(pp_a.clone());
    let (_, gm_a) = h4_grad(pm_a.clone());
    let fm = h4(pm_a.clone());
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 2, 3)
#[differentiable(wrt(a, c, d, s))]
fn f4(a: &Array1<f64>, b: Array1<f64>, c: Array2<f64>, d: &Array2<f64>, s: f64) -> f64 {
    let t1 = &c.var_axis(Axis(0), 1.0) - nn::logsumexp(d, Axis(0)).abs();
    let t2 = h4(Array::from_elem((4, 3), 1.5_f64));
    let t3: f64 = t2.tanh();
    let mut t4: f64 = 0.0;
    for i in 0..1 {
        let t5 = b[i + 1] - b[i] * b[i];
        let t6 = 1.0 - b[i];
        t4 += 2.45 * t5 * t5 + t6 * t6;
    }
    let t7 = t4.tanh();
    let mut t8: Array1<f64> = Array1::<f64>::zeros(3);
    let mut t9: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        t8 = &t8 * 0.7 + &nn::sigmoid(&(&r + &(-&d.index_axis(Axis(0), 0))));
        t9 += (t9.cos() + 0.528).abs();
    }
    let mut t10: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t10 = t10 * 0.8 + a[i].sin() * a[i + 1];
    }
    (b[0] - c[[1, 0]]).sin()
        + 0.35 * s
        + 0.689 * t1.sum()
        + 0.306 * t2
        + 0.965 * t3
        + 0.999 * t7
        + 0.835 * t8.sum()
        + 0.701 * t10
}

#[test]
fn test_f4() {
    let mut rng = Rng::new(200056);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let d = rand(&mut rng, (2, 3), 0.5, 1.5);
    let s = 1.0650;
    let (v, (d_a, d_c, d_d, d_s)) = f4_grad(&a, b.clone(), c.clone(), &d, s);
    common::assert_near(v, f4(&a, b.clone(), c.clone(), &d, s), "value");
    assert_fd_array(|xx| f4(xx, b.clone(), c.clone(), &d, s), &a, &d_a, "da");
    assert_fd_array(|xx| f4(&a, b.clone(), xx.clone(), &d, s), &c, &d_c, "dc");
    assert_fd_array(|xx| f4(&a, b.clone(), c.clone(), xx, s), &d, &d_d, "dd");
    let fd_s = fd(
        |xx: &Array<f64, _>| f4(&a, b.clone(), c.clone(), &d, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_c = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_s = 0.9;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f4_jvp(
        &a,
        b.clone(),
        c.clone(),
        &d,
        s,
        &t_a,
        t_c.clone(),
        &t_d,
        t_s,
    );
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_c * &t_c).sum() + (&d_d * &t_d).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
        + (&d_c * &t_c).mapv(f64::abs).sum()
        + (&d_d * &t_d).mapv(f64::abs).sum()
        + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_c, hg_d, hg_s), (hh_a, hh_c, hh_d, hh_s)) = f4_hvp(
        &a,
        b.clone(),
        c.clone(),
        &d,
        s,
        &t_a,
        t_c.clone(),
        &t_d,
        t_s,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_c, gp_d, gp_s)) = f4_grad(&pp_a, b.clone(), pp_c.clone(), &pp_d, pp_s);
    let fp = f4(&pp_a, b.clone(), pp_c.clone(), &pp_d, pp_s);
    let (_, (gm_a, gm_c, gm_d, gm_s)) = f4_grad(&pm_a, b.clone(), pm_c.clone(), &pm_d, pm_s);
    let fm = f4(&pm_a, b.clone(), pm_c.clone(), &pm_d, pm_s);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
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

// dims (2, 5, 2)
#[differentiable]
fn h5(a: Array1<f64>) -> Array1<f64> {
    let mut t1: f64 = 0.0;
    for i in 1..a.len() {
        t1 += (a[i] - a[i - 1]).powi(2) * 0.989;
    }
    let t2: f64 = t1.tanh();
    Zip::from(a.view())
        .and(a.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25)
        + (t2)
}

#[test]
fn test_h5() {
    let mut rng = Rng::new(200068);
    let a = rand(&mut rng, 10, 0.5, 1.5);
    let seed = rand(&mut rng, 10, -1.0, 1.0);
    let (y, d_a) = h5_vjp(a.clone(), seed.clone());
    assert_array(&y, &h5(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h5(xx.clone())), &a, &d_a, "da");
}

// dims (2, 5, 2)
#[differentiable]
fn f5(a: &Array1<f64>, b: &Array1<f64>, c: &Array2<f64>, s: f64) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..4 {
        t1 += (b[i + 1] * s - b[i]).tanh();
    }
    let mut t2: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t2 += (b[i + 1] * s - b[i]).tanh();
    }
    let t3 = Zip::from(a.view())
        .and(a.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25)
        .map(|&v| (((v * 0.861).tanh()) * ((v * 0.861).tanh()) + 0.5).sqrt())
        .insert_axis(Axis(1))
        + &(b - &c.index_axis(Axis(0), 1)).insert_axis(Axis(0));
    let t4: Array2<f64> = c.map_axis(Axis(1), |lane| lane.dot(&lane) * 0.25).dot(c) + &(c + b);
    let t5 = a[1];
    let t6: Array2<f64> = t3.cos().mapv(|v| v * v + 1.0).ln();
    (c.sum().powi(2).tanh() - t1.powi(2).tanh())
        + 0.669 * t1
        + 0.643 * t2
        + 0.783 * t4.sum()
        + 0.464 * t5
        + 0.39 * t6.sum()
}

#[test]
fn test_f5() {
    let mut rng = Rng::new(200070);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let s = 1.3440;
    let (v, (d_a, d_b, d_c, d_s)) = f5_grad(&a, &b, &c, s);
    common::assert_near(v, f5(&a, &b, &c, s), "value");
    assert_fd_array(|xx| f5(xx, &b, &c, s), &a, &d_a, "da");
    assert_fd_array(|xx| f5(&a, xx, &c, s), &b, &d_b, "db");
    assert_fd_array(|xx| f5(&a, &b, xx, s), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| f5(&a, &b, &c, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_s = 0.9;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f5_jvp(&a, &b, &c, s, &t_a, &t_b, &t_c, t_s);
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
        f5_hvp(&a, &b, &c, s, &t_a, &t_b, &t_c, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_s)) = f5_grad(&pp_a, &pp_b, &pp_c, pp_s);
    let fp = f5(&pp_a, &pp_b, &pp_c, pp_s);
    let (_, (gm_a, gm_b, gm_c, gm_s)) = f5_grad(&pm_a, &pm_b, &pm_c, pm_s);
    let fm = f5(&pm_a, &pm_b, &pm_c, pm_s);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
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

// dims (4, 3, 5)
#[differentiable]
fn f6(a: &Array1<f64>, b: Array2<f64>) -> Array1<f64> {
    let t1: f64 = b[[3, 1]];
    let t2 = (-a) * (b[[3, 1]] * b[[3, 1]] + 1.0).ln();
    let t3 = &(&(nn::sigmoid(&t2) + 0.25).powf(1.5) + b[[2, 1]].exp().sqrt())
        - (b.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5) * t1)
            .dot(&Array::from_elem((3, 12), 0.25_f64));
    Array::from_elem((3, 4), 0.5_f64)
        .to_shape((12, Order::ColumnMajor))
        .unwrap()
        .to_owned()
        .mapv(|v| ((v * t1).tanh()).powi(2) - 0.5)
        + ((&t3 * &t3).mean().unwrap())
}

#[test]
fn test_f6() {
    let mut rng = Rng::new(200082);
    let a = rand(&mut rng, 12, -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let seed = rand(&mut rng, 12, -1.0, 1.0);
    let (y, (d_a, d_b)) = f6_vjp(&a, b.clone(), seed.clone());
    assert_array(&y, &f6(&a, b.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f6(xx, b.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f6(&a, xx.clone())), &b, &d_b, "db");
}

// dims (5, 3, 5)
#[differentiable(wrt(a, c))]
fn f7(a: &Array1<f64>, b: &Array2<f64>, c: &Array2<f64>) -> f64 {
    let mut t1: Array2<f64> = b.slice(s![.., 1..4]).to_owned();
    if a[2] < -0.402 {
        t1 = &t1 * 0.387 + &nn::softplus(c);
    } else {
        t1 = &(&a.view().insert_axis(Axis(1)) / c.mapv(|v| v * v + 1.0)) - &t1;
    }
    let t2 = if (a.dot(a) + 0.453).abs() > -0.499 {
        b.to_shape((25, Order::C))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((5, 5), Order::F))
            .unwrap()
            .dot(&(b * 0.417_f64))
    } else {
        c.dot(&c.view().reversed_axes()) * ((-1.39_f64) + b.mean().unwrap())
    };
    let t3: Array2<f64> = if (c * c).sum() > -0.175 {
        nn::sigmoid(&b.map(|&v| (((v * v + 0.5).sqrt()) * ((v * v + 0.5).sqrt()) + 0.5).sqrt()))
    } else {
        &b.t()
            .to_shape((25, Order::ColumnMajor))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((5, 5), Order::RowMajor))
            .unwrap()
            - nn::log_softmax(a, Axis(0)).insert_axis(Axis(0))
    };
    let t4: f64 = (-0.864_f64) + (0.417_f64 - t3[[0, 3]]);
    let mut t5: f64 = 0.0;
    for i in 1..a.len() {
        t5 += (a[i] - a[i - 1]).powi(2) * 0.504;
    }
    let t6 = t2.column(4);
    let mut t7: Array1<f64> = (&c.std_axis(Axis(0), 1.0) / (-0.55_f64).exp()).to_owned();
    let mut t8: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t9 = b - t8;
        t7 = t7 + &nn::sigmoid(&(&r * r.mapv(|v| v * v + 1.0).powf(1.5)));
        t8 += nn::cross_entropy(&t1, &vec![0usize; 5]).tanh() + t9.mean().unwrap();
    }
    let t10: f64 = t8.tanh();
    t6.mean().unwrap() + 0.349 * t4 + 0.452 * t5 + 0.368 * t6.sum() + 0.698 * t7.sum() + 0.975 * t10
}

#[test]
fn test_f7() {
    let mut rng = Rng::new(200094);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, (5, 5), 0.5, 1.5);
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (v, (d_a, d_c)) = f7_grad(&a, &b, &c);
    common::assert_near(v, f7(&a, &b, &c), "value");
    assert_fd_array(|xx| f7(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f7(&a, &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f7_jvp(&a, &b, &c, &t_a, &t_c);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_c * &t_c).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_c), (hh_a, hh_c)) = f7_hvp(&a, &b, &c, &t_a, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_c)) = f7_grad(&pp_a, &b, &pp_c);
    let fp = f7(&pp_a, &b, &pp_c);
    let (_, (gm_a, gm_c)) = f7_grad(&pm_a, &b, &pm_c);
    let fm = f7(&pm_a, &b, &pm_c);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (5, 2, 3)
#[differentiable]
fn f8(a: &Array2<f64>, b: Array2<f64>, c: Array2<f64>, d: Array1<f64>, w: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = w
        .map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5)
        .tanh();
    let mut t2: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t3: Array1<f64> = w.sum_axis(Axis(0));
        t1 = t1 + &nn::sigmoid(&(&r * (&t3 / &(&t3 * &t3 + 0.5))));
        t2 = (t2 + (nn::mse(a, a) + 0.537).abs().tanh()).tanh();
    }
    let mut t4: Array1<f64> = nn::relu(&c.index_axis(Axis(1), 0));
    let mut t5: f64 = c
        .fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &v: &f64| {
            ((v - t2).powi(2)).min(m)
        })
        .dot(&t4);
    for i in 0..b.nrows() {
        let r = b.row(i);
        t4 = &(&r - nn::logsumexp(&b, Axis(0)).dot(&b.slice(s![1..4, ..]))).mapv(f64::tanh)
            * ((i as f64 * 0.3) * (i as f64 * 0.3) + 1.0).sqrt().tanh()
            + t4;
        t5 = t5 * 0.8 - (d[1] + 0.379).abs().exp().tanh();
    }
    let t6: f64 = t5.tanh();
    let t7 = w.column(0);
    let t8 = w[[4, 0]];
    let mut t9: Array2<f64> = nn::softmax(&b, Axis(1));
    if t2.sin().cos() < -0.274 {
        let t10 = nn::cross_entropy_one_hot(w, &nn::softmax(w, Axis(1)));
        t9 = &t9 * 0.708 + &(-&b);
    } else {
        t9 = &(-a) - &t9;
    }
    let t11 = (Array::from_elem((5, 5), 1.5_f64) * (-1.09_f64))
        .dot(&(a * a))
        .mapv(f64::tanh);
    let t12 = if (&a.slice(s![.., 1..]) * &a.slice(s![.., 1..])).sum() > 1.11 {
        t8
    } else {
        nn::cross_entropy_one_hot(
            &(&t7.insert_axis(Axis(1)) + &t1.view().insert_axis(Axis(0))),
            &nn::softmax(
                &w.map(|&v| ((v * 0.878) * (v * 0.878) + 0.5).sqrt()),
                Axis(1),
            ),
        )
    };
    (w[[0, 1]] * 1.29_f64).cos()
        + 0.911 * t5
        + 0.852 * t6
        + 0.831 * t9.sum()
        + (&t11 * &t11).mean().unwrap()
        + 0.502 * t12
}

#[test]
fn test_f8() {
    let mut rng = Rng::new(200106);
    let a = rand(&mut rng, (5, 3), 0.5, 1.5);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let d = rand(&mut rng, 5, -1.0, 1.0);
    let w = rand(&mut rng, (5, 2), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f8_grad(&a, b.clone(), c.clone(), d.clone(), &w);
    common::assert_near(v, f8(&a, b.clone(), c.clone(), d.clone(), &w), "value");
    assert_fd_array(
        |xx| f8(xx, b.clone(), c.clone(), d.clone(), &w),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| f8(&a, xx.clone(), c.clone(), d.clone(), &w),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| f8(&a, b.clone(), xx.clone(), d.clone(), &w),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| f8(&a, b.clone(), c.clone(), xx.clone(), &w),
        &d,
        &d_d,
        "dd",
    );
    assert_fd_array(
        |xx| f8(&a, b.clone(), c.clone(), d.clone(), xx),
        &w,
        &d_w,
        "dw",
    );
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 5, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f8_jvp(
        &a,
        b.clone(),
        c.clone(),
        d.clone(),
        &w,
        &t_a,
        t_b.clone(),
        t_c.clone(),
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
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f8_hvp(
        &a,
        b.clone(),
        c.clone(),
        d.clone(),
        &w,
        &t_a,
        t_b.clone(),
        t_c.clone(),
        t_d.clone(),
        &t_w,
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) =
        f8_grad(&pp_a, pp_b.clone(), pp_c.clone(), pp_d.clone(), &pp_w);
    let fp = f8(&pp_a, pp_b.clone(), pp_c.clone(), pp_d.clone(), &pp_w);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) =
        f8_grad(&pm_a, pm_b.clone(), pm_c.clone(), pm_d.clone(), &pm_w);
    let fm = f8(&pm_a, pm_b.clone(), pm_c.clone(), pm_d.clone(), &pm_w);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (5, 4, 3)
#[differentiable]
fn f9(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let mut t1: f64 = a[[1, 2]] * 0.971_f64;
    if nn::mse(b, &(b * (-0.805_f64))) < 0.656 {
        t1 = t1 * 0.723 + nn::mse(b, b).tanh();
    }
    let t2 = a.view();
    let mut t3: f64 = 0.0;
    for i in 1..b.len() {
        t3 += (b[i] - b[i - 1]).powi(2) * 1.38;
    }
    let t4: f64 = t3.tanh();
    t4.exp().ln() + 0.753 * t1 + 0.78 * t2.sum() + 0.33 * t4
}

#[test]
fn test_f9() {
    let mut rng = Rng::new(200118);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let (v, (d_a, d_b)) = f9_grad(&a, &b);
    common::assert_near(v, f9(&a, &b), "value");
    assert_fd_array(|xx| f9(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f9(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f9_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f9_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f9_grad(&pp_a, &pp_b);
    let fp = f9(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f9_grad(&pm_a, &pm_b);
    let fm = f9(&pm_a, &pm_b);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (2, 5, 3)
#[differentiable]
fn f10(k: usize, a: &Array1<f64>, b: Array1<f64>) -> f64 {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1: Array2<f64> = ad_runtime::ndarray::concatenate(
        Axis(1),
        &[
            Array::from_elem((2, 3), 1.5_f64).view(),
            Array::from_elem((2, 2), 1.5_f64).view(),
        ],
    )
    .unwrap()
    .to_shape(((2, 5), ord))
    .unwrap()
    .into_owned();
    let t2 = (-1.28_f64).exp();
    let mut t3: Array1<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            t1.column(0),
            Array1::from_vec(vec![t2 * -1.5, t2 * 0.5, t2 * 0.5]).view(),
        ],
    )
    .unwrap()
    .to_owned();
    let mut t4: f64 = t1[[1, 2]].sin();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t3 = &t3 * 0.7 + &(&r + &t3).mapv(f64::tanh);
        t4 = t4 * 0.8
            - (&(&t1
                .map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
                .insert_axis(Axis(1))
                - &t1
                    .map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25)
                    .insert_axis(Axis(0)))
                * &(&t1
                    .map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
                    .insert_axis(Axis(1))
                    - &t1
                        .map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25)
                        .insert_axis(Axis(0))))
                .sum()
                .tanh();
    }
    let t5 = a.slice(s![1..]);
    let t6 = t5.slice(s![1..]);
    let t7: f64 = nn::mse(
        &(Zip::from(b.view())
            .and(b.view())
            .map_collect(|&p, &q| p * q.sin() + 0.25)
            * (&Zip::from(b.view())
                .and(b.view())
                .map_collect(|&p, &q| p * q.sin() + 0.25)
                / 1.1_f64)),
        &Zip::from(b.view())
            .and(b.view())
            .map_collect(|&p, &q| p * q.sin() + 0.25),
    );
    let t8 = a.view();
    let t9 = nn::softmax(&t8, Axis(0)).std(0.0);
    t6.mean().unwrap() + 0.826 * t4 + (&t6 * &t6).mean().unwrap() + 0.591 * t7 + 0.74 * t9
}

#[test]
fn test_f10() {
    let mut rng = Rng::new(200130);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, 10, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b)) = f10_grad(k, &a, b.clone());
        common::assert_near(v, f10(k, &a, b.clone()), "value");
        assert_fd_array(|xx| f10(k, xx, b.clone()), &a, &d_a, "da");
        assert_fd_array(|xx| f10(k, &a, xx.clone()), &b, &d_b, "db");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 5, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, 10, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let (vj, tj) = f10_jvp(k, &a, b.clone(), &t_a, t_b.clone());
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f10_hvp(k, &a, b.clone(), &t_a, t_b.clone());
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b)) = f10_grad(k, &pp_a, pp_b.clone());
        let fp = f10(k, &pp_a, pp_b.clone());
        let (_, (gm_a, gm_b)) = f10_grad(k, &pm_a, pm_b.clone());
        let fm = f10(k, &pm_a, pm_b.clone());
        let fdj = (fp - fm) / (2.0 * hstep);
        assert!(
            (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
            "jvp {tj} vs differences along the tangent {fdj}"
        );
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    }
}

// dims (5, 4, 3)
#[differentiable]
fn h11(a: Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = Array::from_elem((5, 5), 0.5_f64)
        .dot(&Array::from_elem((5, 5), 0.5_f64))
        .dot(&(-a));
    ((&t1 + &t1).mapv(f64::tanh) / (nn::sigmoid(&t1.mapv(|v| v.powi(2) - 0.5).tanh()) + 0.25))
        + (t1.sum())
}

#[test]
fn test_h11() {
    let mut rng = Rng::new(200142);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, d_a) = h11_vjp(a.clone(), seed.clone());
    assert_array(&y, &h11(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h11(xx.clone())), &a, &d_a, "da");
}

// dims (5, 4, 3)
#[differentiable]
fn f11(a: &Array1<f64>, s: f64, b: &Array1<f64>, c: ArrayView2<f64>, d: &Array2<f64>) -> f64 {
    let t1: ArrayView1<f64> = a.slice(s![1..]);
    let mut t2: f64 = 0.0;
    for i in 1..b.len() {
        t2 += (b[i] - b[i - 1]).powi(2) * 1.12;
    }
    let t3: f64 = t2.tanh();
    let t4 = d[[1, 1]];
    let mut t5: Array1<f64> = t1
        .map(|&v| (((v * v + 0.5).sqrt()) * ((v * v + 0.5).sqrt()) + 0.5).sqrt())
        .to_owned();
    if ((t1.mean().unwrap() + a[2]) - b.mean().unwrap()) > -0.873 {
        t5 = &t5 * 0.395 + &nn::sigmoid(&b.dot(&c.slice(s![.., 1..])));
    } else {
        t5 = &(-&c.map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)) - &t5;
    }
    let t6 = b.view();
    (&Array::from_elem((5, 4), 0.25_f64).mapv_into(|v| v)
        * &Array::from_elem((5, 4), 0.25_f64).mapv_into(|v| v))
        .sum()
        + 0.219 * s
        + 0.34 * t3
        + 0.246 * t4
        + (&t5 * &t5).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f11() {
    let mut rng = Rng::new(200144);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let s = 1.1595;
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, (3, 4), 0.5, 1.5);
    let d = rand(&mut rng, (4, 3), 0.5, 1.5);
    let (v, (d_a, d_s, d_b, d_c, d_d)) = f11_grad(&a, s, &b, c.view(), &d);
    common::assert_near(v, f11(&a, s, &b, c.view(), &d), "value");
    assert_fd_array(|xx| f11(xx, s, &b, c.view(), &d), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f11(&a, xx[()], &b, c.view(), &d),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f11(&a, s, xx, c.view(), &d), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f11(&a, s, &b, xx.view(), &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f11(&a, s, &b, c.view(), xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f11_jvp(&a, s, &b, c.view(), &d, &t_a, t_s, &t_b, t_c.view(), &t_d);
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
        f11_hvp(&a, s, &b, c.view(), &d, &t_a, t_s, &t_b, t_c.view(), &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_c, gp_d)) = f11_grad(&pp_a, pp_s, &pp_b, pp_c.view(), &pp_d);
    let fp = f11(&pp_a, pp_s, &pp_b, pp_c.view(), &pp_d);
    let (_, (gm_a, gm_s, gm_b, gm_c, gm_d)) = f11_grad(&pm_a, pm_s, &pm_b, pm_c.view(), &pm_d);
    let fm = f11(&pm_a, pm_s, &pm_b, pm_c.view(), &pm_d);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
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

// dims (3, 2, 5)
#[differentiable]
fn f12(a: &Array1<f64>, b: &Array1<f64>, s: f64, c: &Array2<f64>) -> f64 {
    let t1 = c.index_axis(Axis(1), 0);
    let mut t2: Array1<f64> = c.std_axis(Axis(0), 1.0).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t4 = b[2] / s;
        let t5: f64 = t3 - (i as f64 * 0.3);
        t2 = &c
            .fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| {
                ((v - t5).powi(2)).max(m)
            })
            .mapv(f64::tanh)
            * (b * b).sum().tanh()
            + t2;
        t3 += ((&nn::relu(a) * &nn::relu(a)).sum() + t4).tanh();
    }
    let t6: Array1<f64> =
        &ad_runtime::ndarray::arr1(&[t3 * -1.5, t3 * 0.5, t3 * 2.0, s * -1.5, t3 * 0.5])
            .dot(&Array::from_elem((5, 5), 0.5_f64))
            * 0.133;
    let t7 = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[t1, ad_runtime::ndarray::arr1(&[t3 * 2.0, s * -1.5]).view()],
    )
    .unwrap()
    .abs()
    .dot(
        &(&Array::from_elem((5, 6), 0.25_f64).mapv(|v| (((v * s) * (v * s) + 0.5).sqrt()) * s + s)
            * t1.dot(&t1)),
    )
    .mapv(f64::tanh);
    let mut t8: Array1<f64> = (-t6).to_owned();
    let mut t9: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        t8 = &nn::sigmoid(
            &(b + ad_runtime::ndarray::arr1(&[s * 0.5, s * -1.5, s * -1.5, t9 * 0.5, s * 0.5])),
        ) * t2.std(1.0).tanh()
            + t8;
        t9 += (a.mean().unwrap() + s).cos();
    }
    let t10: ArrayView1<f64> = c.index_axis(Axis(0), 1);
    t1[0] + (&t7 * &t7).mean().unwrap() + 0.396 * t8.sum() + 0.297 * t10.sum()
}

#[test]
fn test_f12() {
    let mut rng = Rng::new(200156);
    let a = rand(&mut rng, 6, -1.0, 1.0);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let s = 0.8807;
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c)) = f12_grad(&a, &b, s, &c);
    common::assert_near(v, f12(&a, &b, s, &c), "value");
    assert_fd_array(|xx| f12(xx, &b, s, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f12(&a, xx, s, &c), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f12(&a, &b, xx[()], &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f12(&a, &b, s, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 6, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f12_jvp(&a, &b, s, &c, &t_a, &t_b, t_s, &t_c);
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
        f12_hvp(&a, &b, s, &c, &t_a, &t_b, t_s, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_c)) = f12_grad(&pp_a, &pp_b, pp_s, &pp_c);
    let fp = f12(&pp_a, &pp_b, pp_s, &pp_c);
    let (_, (gm_a, gm_b, gm_s, gm_c)) = f12_grad(&pm_a, &pm_b, pm_s, &pm_c);
    let fm = f12(&pm_a, &pm_b, pm_s, &pm_c);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
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
fn f13(a: &Array1<f64>, b: &Array1<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let mut t1: Array2<f64> = d.exp().to_owned();
    if ((c.mean().unwrap() + 0.53).abs() + 0.534).abs() < 0.11 {
        let t2: f64 = (-1.28_f64).powi(2);
        t1 = &t1 * 0.661 + d;
    }
    let mut t3: f64 = 0.0;
    for i in 0..4 {
        let t4 = b[i + 1] - b[i] * b[i];
        let t5 = 1.0 - b[i];
        t3 += 2.86 * t4 * t4 + t5 * t5;
    }
    let t6 = t3.tanh();
    let mut t7: f64 = 0.0;
    for i in 0..c.len() - 1 {
        let t8 = c[i + 1] - c[i] * c[i];
        let t9 = 1.0 - c[i];
        t7 += 0.689 * t8 * t8 + t9 * t9;
    }
    let t10 = t7.tanh();
    let t11 = nn::sigmoid(&d.slice(s![.., 3..]).dot(d).fold_axis(
        Axis(0),
        f64::NEG_INFINITY,
        |&m, &v| m.max(v),
    ));
    let t12 = -d;
    let t13: f64 =
        ((a * a).sum() / t10.exp()) / ((&t12 * &t12).sum() * (&t12 * &t12).sum() + 1.0).sqrt();
    1.32_f64.powi(2) + (&t1 * &t1).mean().unwrap() + 0.556 * t6 + 0.728 * t11.sum() + 0.212 * t13
}

#[test]
fn test_f13() {
    let mut rng = Rng::new(200168);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, 10, 0.5, 1.5);
    let d = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f13_grad(&a, &b, &c, &d);
    common::assert_near(v, f13(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f13(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f13(&a, xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f13(&a, &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f13(&a, &b, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 10, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f13_jvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
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
        f13_hvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f13_grad(&pp_a, &pp_b, &pp_c, &pp_d);
    let fp = f13(&pp_a, &pp_b, &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f13_grad(&pm_a, &pm_b, &pm_c, &pm_d);
    let fm = f13(&pm_a, &pm_b, &pm_c, &pm_d);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (3, 4, 2)
#[differentiable]
fn f14(a: &Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = Zip::from(a.view())
        .and(a.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25);
    if (nn::cross_entropy(&Array::from_elem((3, 4), 0.25_f64), &vec![2usize; 3])
        - t1.mean().unwrap().exp())
        < -0.99
    {
        let t2: f64 = nn::cross_entropy_one_hot(
            &Array::from_elem((3, 4), 1.5_f64),
            &nn::softmax(&Array::from_elem((3, 4), 1.5_f64), Axis(1)),
        );
        t1 = &t1 * 0.586 + &t1;
    } else {
        t1 = &nn::softmax(a, Axis(0)) - &t1;
    }
    let mut t3: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t3 += a[i] * a[i + 1];
    }
    let t4: Array1<f64> = &((&t1 / a) * &(a / a)) * 0.0952;
    let t5 = a.slice(s![1..]);
    let mut t6: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t6 += (a[i + 1] * 0.893 - a[i]).tanh();
    }
    let t7 = if ((t3 + 0.384).abs()
        + nn::cross_entropy(&Array::from_elem((3, 4), 1.5_f64), &vec![1usize; 3]))
    .tanh()
        > 0.0768
    {
        &(&(&Array1::from_vec(vec![t6 * 0.5, t6 * 0.5, t6 * -1.5, t3 * 0.5]) * 0.148)
            .insert_axis(Axis(1))
            / &a.view().insert_axis(Axis(0)))
            .fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &x| {
                f64::max((x - t6).powi(2), m)
            })
            * 0.0409
    } else {
        t5.dot(&Array::from_elem((2, 3), 0.25_f64))
            .map(|&v| ((v * t6) * (v * t6) + 1.0).ln())
    };
    let mut t8: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t8 = t8 * 0.8 + a[i].sin() * a[i + 1];
    }
    0.333_f64 + (&t4 * &t4).mean().unwrap() + 0.757 * t7.sum() + 0.895 * t8
}

#[test]
fn test_f14() {
    let mut rng = Rng::new(200180);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let (v, d_a) = f14_grad(&a);
    common::assert_near(v, f14(&a), "value");
    assert_fd_array(|xx| f14(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f14_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f14_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f14_grad(&pp_a);
    let fp = f14(&pp_a);
    let (_, gm_a) = f14_grad(&pm_a);
    let fm = f14(&pm_a);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 2, 3)
#[differentiable(wrt(b))]
fn f15(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    let t1: f64 = a[[0, 1]];
    let t2 = a.row(1);
    let t3 = b.view();
    ((t1 / (t1 * t1 + 1.0)) + 0.382).abs() + 0.634 * t1 + 0.643 * t2.sum() + 0.453 * t3.sum()
}

#[test]
fn test_f15() {
    let mut rng = Rng::new(200192);
    let a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let (v, d_b) = f15_grad(&a, &b);
    common::assert_near(v, f15(&a, &b), "value");
    assert_fd_array(|xx| f15(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f15_jvp(&a, &b, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_b * &t_b).sum();
    let scale: f64 = (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_b, hh_b) = f15_hvp(&a, &b, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_b) = f15_grad(&a, &pp_b);
    let fp = f15(&a, &pp_b);
    let (_, gm_b) = f15_grad(&a, &pm_b);
    let fm = f15(&a, &pm_b);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 4, 3)
#[differentiable]
fn h16(a: ArrayView2<f64>) -> f64 {
    let t1: Array2<f64> =
        &a.mapv(f64::sin) * &nn::logsumexp(&a, Axis(1)).sin().insert_axis(Axis(1));
    let t2 = (&nn::logsumexp(&a, Axis(1)).insert_axis(Axis(1))
        * a.var_axis(Axis(0), 0.0).insert_axis(Axis(0)))
    .mapv(f64::tanh)
    .mapv_into(|v| ((v * v + 0.5).sqrt()).powi(2) - 0.5);
    let t3: ArrayView2<f64> = a.view();
    ((a.sum() / (t2.sum() * t2.sum() + 1.0)).tanh()
        / (a.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25)
            .dot(&t1.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25))
            * a.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25)
                .dot(&t1.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25))
            + 1.0))
        + 0.436 * t1.sum()
        + 0.849 * t2.sum()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_h16() {
    let mut rng = Rng::new(200204);
    let a = rand(&mut rng, (4, 3), 0.5, 1.5);
    let (v, d_a) = h16_grad(a.view());
    common::assert_near(v, h16(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h16(xx.view()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h16_jvp(a.view(), t_a.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h16_hvp(a.view(), t_a.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h16_grad(pp_a.view());
    let fp = h16(pp_a.view());
    let (_, gm_a) = h16_grad(pm_a.view());
    let fm = h16(pm_a.view());
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (5, 4, 3)
#[differentiable]
fn f16(a: Array2<f64>, b: &Array2<f64>, s: f64) -> Array2<f64> {
    let t1: f64 = h16((nn::softplus(&b.view().reversed_axes()) + 0.5).view());
    let t2 = t1.tanh();
    let t3: f64 = h16((nn::softplus(
        &a.slice(s![..4, ..3])
            .mapv(|v| if v > -0.6 { v } else { v * 0.525 }),
    ) + 0.5)
        .view());
    let t4 = t3.tanh();
    let t5 = if (b[[1, 3]] - t1).tanh() > 0.373 {
        (-b).mapv(|v| (v * s) * t4 + t4)
    } else {
        &b.mapv(|v| (v * v).powi(2) - 0.5) * a.column(1).dot(&a)
    };
    let t6: f64 = h16((&b.view().reversed_axes()
        + &t5.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| f64::min(acc, x)))
        .mapv(|v| v * v + 1.0)
        .view());
    let t7 = t6.tanh();
    let mut t8 = Array2::<f64>::zeros((3, 4));
    let mut t9: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t8 = &(&r - b) * (t9 + t2) + t8;
        t9 = (t9 + b.sum().tanh().tanh()).tanh();
    }
    let mut t10: Array2<f64> = t8.abs();
    let mut t11: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t10 = &t5
            .t()
            .to_shape(((3, 4), Order::C))
            .unwrap()
            .into_owned()
            .tanh()
            * (&t8 * &t8).sum().tanh()
            + t10;
        t11 += nn::mse(
            &(&t10
                / &t5
                    .map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
                    .insert_axis(Axis(1))
                    .mapv(|v| v * v + 1.0)),
            &nn::relu(&t10),
        )
        .tanh();
    }
    nn::sigmoid(&(&t5.t().to_shape(((3, 4), Order::RowMajor)).unwrap() - ((-0.585_f64) - &t10)))
        + (t3 + t6 + t7 + t11)
}

#[test]
fn test_f16() {
    let mut rng = Rng::new(200206);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let s = 0.5053;
    let seed = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (y, (d_a, d_b, d_s)) = f16_vjp(a.clone(), &b, s, seed.clone());
    assert_array(&y, &f16(a.clone(), &b, s), "value");
    assert_fd_array(|xx| inner(&seed, &f16(xx.clone(), &b, s)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f16(a.clone(), xx, s)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f16(a.clone(), &b, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 2, 3)
#[differentiable]
fn f17(a: &Array1<f64>, b: Array2<f64>, s: f64, c: &Array2<f64>) -> f64 {
    let t1: Array1<f64> = (a / a)
        / (&ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                c.fold_axis(Axis(1), f64::INFINITY, |&m, &x| m.min(x))
                    .view(),
                b.index_axis(Axis(1), 0),
            ],
        )
        .unwrap()
            * &ad_runtime::ndarray::concatenate(
                Axis(0),
                &[
                    c.fold_axis(Axis(1), f64::INFINITY, |&m, &x| m.min(x))
                        .view(),
                    b.index_axis(Axis(1), 0),
                ],
            )
            .unwrap()
            + 0.5);
    let mut t2: f64 = 0.0;
    for i in 0..7 {
        t2 += (a[i + 1] * s - a[i]).tanh();
    }
    let mut t3: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t3 += a[i] * a[i + 1];
    }
    let t4: f64 = t3.tanh();
    ((t4 * t4 + 1.0).ln() / (0.489_f64.cos() * 0.489_f64.cos() + 1.0))
        + 0.221 * t1.sum()
        + 0.856 * t2
        + 0.691 * t4
}

#[test]
fn test_f17() {
    let mut rng = Rng::new(200218);
    let a = rand(&mut rng, 8, 0.5, 1.5);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = 0.7869;
    let c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c)) = f17_grad(&a, b.clone(), s, &c);
    common::assert_near(v, f17(&a, b.clone(), s, &c), "value");
    assert_fd_array(|xx| f17(xx, b.clone(), s, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f17(&a, xx.clone(), s, &c), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f17(&a, b.clone(), xx[()], &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f17(&a, b.clone(), s, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 8, -1.0, 1.0);
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
    let (vj, tj) = f17_jvp(&a, b.clone(), s, &c, &t_a, t_b.clone(), t_s, &t_c);
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
        f17_hvp(&a, b.clone(), s, &c, &t_a, t_b.clone(), t_s, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_c)) = f17_grad(&pp_a, pp_b.clone(), pp_s, &pp_c);
    let fp = f17(&pp_a, pp_b.clone(), pp_s, &pp_c);
    let (_, (gm_a, gm_b, gm_s, gm_c)) = f17_grad(&pm_a, pm_b.clone(), pm_s, &pm_c);
    let fm = f17(&pm_a, pm_b.clone(), pm_s, &pm_c);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
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
fn f18(a: &Array2<f64>, s: f64, p: f64) -> f64 {
    let t1 = a.row(0);
    let t2 = (s * (-&t1)) * (&t1 - a.sum_axis(Axis(0))).mapv(f64::cos);
    let t3 = t1.slice(s![1..]);
    let t4: Array2<f64> = if ad_runtime::ndarray::arr1(&[s * 2.0, s * 2.0, s * 0.5, s * 0.5])
        .mapv(f64::exp)
        .dot(
            &(ad_runtime::ndarray::arr1(&[s * 0.5, s * -1.5, s * 2.0, s * 0.5])
                - Array1::from_vec(vec![s * 2.0, s * -1.5, s * -1.5, p * -1.5])),
        )
        > 0.103
    {
        nn::sigmoid(
            &(a + s).dot(&(t1.mean().unwrap() / &(nn::softplus(&a.slice(s![..3, ..])) + 0.5))),
        )
    } else {
        nn::sigmoid(&(a + a[[0, 2]]).exp().powf(1.5))
    };
    let mut t5: Array1<f64> = (&t2 / &(nn::sigmoid(&t2) + 0.25)).to_owned();
    let mut t6: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t7: Array1<f64> = ad_runtime::ndarray::arr1(&[t6 * -1.5, t6 * 2.0, s * -1.5]);
        t5 = t5 + &(&((&r + &r) + &t7) * 0.455);
        t6 += t4.std(0.0) * (i as f64 * 0.3);
    }
    let t8: Array1<f64> = nn::sigmoid(&t5);
    let t9: f64 = t6.tanh();
    let t10 = if nn::cross_entropy_one_hot(
        &nn::sigmoid(&Array::from_elem((5, 4), 0.25_f64)),
        &nn::softmax(&(t9 - Array::from_elem((5, 4), 1.5_f64)), Axis(1)),
    ) > 0.728
    {
        t4.view()
            .reversed_axes()
            .mapv(|v| ((v * 1.14) * (v * 1.14) + 0.5).sqrt())
            .mean_axis(Axis(1))
            .unwrap()
    } else {
        nn::softplus(&t8) + &a.t().sum_axis(Axis(1))
    };
    let t11 = ((s - t2.mean().unwrap()) - t4.tanh()).powi(2);
    t9 + (&t3 * &t3).mean().unwrap() + (&t10 * &t10).mean().unwrap() + (&t11 * &t11).mean().unwrap()
}

#[test]
fn test_f18() {
    let mut rng = Rng::new(200230);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let s = -0.7797;
    let p = -0.9077;
    let (v, (d_a, d_s, d_p)) = f18_grad(&a, s, p);
    common::assert_near(v, f18(&a, s, p), "value");
    assert_fd_array(|xx| f18(xx, s, p), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f18(&a, xx[()], p),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f18(&a, s, xx[()]),
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
    let (vj, tj) = f18_jvp(&a, s, p, &t_a, t_s, t_p);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s + d_p * t_p;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs() + (d_p * t_p).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s, hg_p), (hh_a, hh_s, hh_p)) = f18_hvp(&a, s, p, &t_a, t_s, t_p);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_p)) = f18_grad(&pp_a, pp_s, pp_p);
    let fp = f18(&pp_a, pp_s, pp_p);
    let (_, (gm_a, gm_s, gm_p)) = f18_grad(&pm_a, pm_s, pm_p);
    let fm = f18(&pm_a, pm_s, pm_p);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
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

// dims (5, 3, 4)
#[differentiable]
fn h19(a: Array2<f64>, b: &Array2<f64>) -> f64 {
    let t1: Array2<f64> = &(b[[0, 2]] * b)
        + (b.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25)
            + a.fold_axis(Axis(1), f64::NEG_INFINITY, |&m: &f64, &v: &f64| v.max(m)));
    let t2: f64 = ((0.473_f64 * (-0.474_f64)) - (&t1.t() * &t1.t()).sum()).tanh();
    b.slice(s![.., 1..]).dot(b).sum() + 0.341 * t2
}

#[test]
fn test_h19() {
    let mut rng = Rng::new(200242);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, (d_a, d_b)) = h19_grad(a.clone(), &b);
    common::assert_near(v, h19(a.clone(), &b), "value");
    assert_fd_array(|xx| h19(xx.clone(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| h19(a.clone(), xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h19_jvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h19_hvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h19_grad(pp_a.clone(), &pp_b);
    let fp = h19(pp_a.clone(), &pp_b);
    let (_, (gm_a, gm_b)) = h19_grad(pm_a.clone(), &pm_b);
    let fm = h19(pm_a.clone(), &pm_b);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 3, 4)
#[differentiable(wrt(a, d))]
fn f19(a: &Array1<f64>, b: &Array1<f64>, c: &Array2<f64>, d: &Array2<f64>) -> f64 {
    let t1 = &(nn::logsumexp(d, Axis(0)).insert_axis(Axis(0))
        - &c.var_axis(Axis(0), 1.0).insert_axis(Axis(1)))
        + &(d
            .map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25)
            .mapv(|v| ((v.sin()) * (v.sin()) + 1.0).ln())
            - &d.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25).cos());
    let mut t2: Array1<f64> = d
        .map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5)
        .mapv_into(|v| ((v * v + 0.5).sqrt()).sin());
    let mut t3: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t4: Array2<f64> = d + (i as f64 * 0.3);
        let t5 = d[[2, 3]] - t4[[2, 2]];
        t2 = &(&r * &t2).tanh()
            * t2.dot(&t4.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5))
                .tanh()
            + t2;
        t3 += ((i as f64 * 0.3) + t5).tanh();
    }
    let t6 = nn::softmax(&d.index_axis(Axis(0), 1), Axis(0));
    let mut t7: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t7 = t7 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t8: f64 = t7.tanh();
    nn::mse(&b.ln(), &nn::logsumexp(c, Axis(1)))
        + 0.975 * t3
        + (&t6 * &t6).mean().unwrap()
        + 0.828 * t8
}

#[test]
fn test_f19() {
    let mut rng = Rng::new(200244);
    let a = rand(&mut rng, 15, 0.5, 1.5);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let c = rand(&mut rng, (5, 3), 0.5, 1.5);
    let d = rand(&mut rng, (3, 4), 0.5, 1.5);
    let (v, (d_a, d_d)) = f19_grad(&a, &b, &c, &d);
    common::assert_near(v, f19(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f19(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f19(&a, &b, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 15, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_d = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f19_jvp(&a, &b, &c, &d, &t_a, &t_d);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_d * &t_d).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_d * &t_d).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_d), (hh_a, hh_d)) = f19_hvp(&a, &b, &c, &d, &t_a, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_d)) = f19_grad(&pp_a, &b, &c, &pp_d);
    let fp = f19(&pp_a, &b, &c, &pp_d);
    let (_, (gm_a, gm_d)) = f19_grad(&pm_a, &b, &c, &pm_d);
    let fm = f19(&pm_a, &b, &c, &pm_d);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (4, 5, 3)
#[differentiable(wrt(c))]
fn f20(a: &Array1<f64>, b: &Array2<f64>, c: ArrayView2<f64>, d: ArrayView2<f64>) -> f64 {
    let t1: Array2<f64> = (&a.view().insert_axis(Axis(1)) * d.dot(&b.slice(s![1.., ..])))
        .dot(
            &(&a.view().insert_axis(Axis(1)) - &c.index_axis(Axis(0), 2).insert_axis(Axis(0)))
                .dot(&c.slice(s![2.., ..]).ln()),
        )
        .tanh();
    let mut t2: Array2<f64> = b.slice(s![.., ..4]).dot(b).to_owned();
    if c.sum().tanh() > -0.328 {
        t2 = &t2 * 0.67 + &(a + b);
    } else {
        t2 = &(b - a) - &t2;
    }
    let t3: ArrayView1<f64> = t1.row(3);
    let t4 = d.t();
    let t5: Array2<f64> =
        (t1.mean().unwrap().sin() / (&t2 * b).mapv(|v| v * v + 1.0)).mapv_into(f64::tanh);
    let t6 = (nn::sigmoid(&(t4.sum() / &t4).tanh()) + 0.25).sqrt();
    let mut t7: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t7 = t7 * 0.8 + a[i].sin() * a[i + 1];
    }
    (&t3 * &t3).var(1.0)
        + (&t3 * &t3).mean().unwrap()
        + 0.456 * t5.sum()
        + 0.46 * t6.sum()
        + 0.372 * t7
}

#[test]
fn test_f20() {
    let mut rng = Rng::new(200256);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, (5, 3), 0.5, 1.5);
    let d = rand(&mut rng, (5, 3), 0.5, 1.5);
    let (v, d_c) = f20_grad(&a, &b, c.view(), d.view());
    common::assert_near(v, f20(&a, &b, c.view(), d.view()), "value");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f20(&a, &b, xx.view(), d.view()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f20_jvp(&a, &b, c.view(), d.view(), t_c.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_c * &t_c).sum();
    let scale: f64 = (&d_c * &t_c).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_c, hh_c) = f20_hvp(&a, &b, c.view(), d.view(), t_c.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_c) = f20_grad(&a, &b, pp_c.view(), d.view());
    let fp = f20(&a, &b, pp_c.view(), d.view());
    let (_, gm_c) = f20_grad(&a, &b, pm_c.view(), d.view());
    let fm = f20(&a, &b, pm_c.view(), d.view());
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 3, 2)
#[differentiable]
fn f21(a: &Array2<f64>, s: f64, b: &Array2<f64>, c: &Array1<f64>) -> f64 {
    let t1 = nn::softplus(&b.to_shape((12, Order::C)).unwrap().into_owned());
    let mut t2: Array1<f64> = (s - &b.row(1)).to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t2 = t2 + &r;
        t3 = t3 * 0.8 - t1.mean().unwrap().sin();
    }
    let t4 = t1.slice(s![1..]);
    let t5 = a.t();
    let t6: Array2<f64> = -&(&t5
        / b.map_axis(Axis(1), |lane| lane.dot(&lane) * 0.25)
            .insert_axis(Axis(0))
            .mapv(|v| v * v + 1.0));
    let t7: ArrayView1<f64> = t5.column(2);
    let mut t8: Array1<f64> = t7.mapv(f64::tanh);
    if (a.std_axis(Axis(1), 0.0).dot(&t5.row(0)) * ((-1.11_f64) - t3)).tanh() < -0.429 {
        t8 = &t8 * 0.568 + &(&(&t7 - c.sum()) * 0.154);
    }
    nn::mse(
        &b.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5),
        &(&t2 / (t3 * t3 + 1.0)),
    ) + (&t2 * &t2).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f21() {
    let mut rng = Rng::new(200268);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = -0.9600;
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, 12, -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_c)) = f21_grad(&a, s, &b, &c);
    common::assert_near(v, f21(&a, s, &b, &c), "value");
    assert_fd_array(|xx| f21(xx, s, &b, &c), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f21(&a, xx[()], &b, &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f21(&a, s, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f21(&a, s, &b, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 12, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f21_jvp(&a, s, &b, &c, &t_a, t_s, &t_b, &t_c);
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
        f21_hvp(&a, s, &b, &c, &t_a, t_s, &t_b, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_c)) = f21_grad(&pp_a, pp_s, &pp_b, &pp_c);
    let fp = f21(&pp_a, pp_s, &pp_b, &pp_c);
    let (_, (gm_a, gm_s, gm_b, gm_c)) = f21_grad(&pm_a, pm_s, &pm_b, &pm_c);
    let fm = f21(&pm_a, pm_s, &pm_b, &pm_c);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
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

// dims (2, 4, 5)
#[differentiable]
fn h22(a: ArrayView2<f64>) -> f64 {
    let t1 = a.view().reversed_axes();
    ((t1.mean().unwrap().powi(2) + 0.5).ln() + 0.561).abs() + 0.567 * t1.sum()
}

#[test]
fn test_h22() {
    let mut rng = Rng::new(200280);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (v, d_a) = h22_grad(a.view());
    common::assert_near(v, h22(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h22(xx.view()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h22_jvp(a.view(), t_a.view());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h22_hvp(a.view(), t_a.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h22_grad(pp_a.view());
    let fp = h22(pp_a.view());
    let (_, gm_a) = h22_grad(pm_a.view());
    let fm = h22(pm_a.view());
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (2, 4, 5)
#[differentiable]
fn f22(a: &Array1<f64>, b: &Array1<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let t1: Array1<f64> = if (b[0].powi(2) + 0.5).ln() < -0.41 {
        -(b * (-0.793_f64))
    } else {
        &(b[2] / &nn::logsumexp(&d.t(), Axis(0)).exp()) * 0.0994
    };
    let t2: Array1<f64> = if d.row(1).dot(&(&d.sum_axis(Axis(0)) * d[[0, 3]])) > 0.987 {
        nn::log_softmax(&(0.476_f64 + b), Axis(0))
    } else {
        a.mapv(|v| (v.tanh()) * (v.powi(2) - 0.5))
            .dot(&(Array::from_elem((2, 5), 1.5_f64) - a.view().insert_axis(Axis(1))))
    };
    let t3 = (b * c).mapv(|v| v.exp());
    let mut t4: Array1<f64> = d.slice(s![.., ..2]).dot(a).to_owned();
    if ((d.sum() + 0.477).abs().tanh() + 0.542).abs() > 0.117 {
        let t5: f64 = d.sum().cos();
        t4 = &t4 * 0.635
            + &nn::sigmoid(
                &(&d.map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5) / &c.exp()),
            );
    }
    (1.14_f64 / (a.dot(a) * a.dot(a) + 1.0))
        + (&t1 * &t1).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + (&t3 * &t3).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f22() {
    let mut rng = Rng::new(200282);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let d = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f22_grad(&a, &b, &c, &d);
    common::assert_near(v, f22(&a, &b, &c, &d), "value");
    assert_fd_array(|xx| f22(xx, &b, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f22(&a, xx, &c, &d), &b, &d_b, "db");
    assert_fd_array(|xx| f22(&a, &b, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f22(&a, &b, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 5, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f22_jvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
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
        f22_hvp(&a, &b, &c, &d, &t_a, &t_b, &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f22_grad(&pp_a, &pp_b, &pp_c, &pp_d);
    let fp = f22(&pp_a, &pp_b, &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f22_grad(&pm_a, &pm_b, &pm_c, &pm_d);
    let fm = f22(&pm_a, &pm_b, &pm_c, &pm_d);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (2, 4, 5)
#[differentiable]
fn f23(a: &Array2<f64>, b: &Array1<f64>, s: f64, k: usize) -> Array2<f64> {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = (&a.row(3).insert_axis(Axis(0))
        / &(nn::softplus(&b.view().insert_axis(Axis(1))) + 0.5))
        .to_shape(((2, 4), ord))
        .unwrap()
        .into_owned();
    let t2: Array1<f64> = (a.sum() - b)
        .tanh()
        .mapv(|v| {
            if v > 0.465 {
                v.powi(2) - 0.5
            } else {
                (v * v + 0.5).sqrt()
            }
        })
        .cos();
    let t3 = b.view();
    let t4 = a.row(3);
    let t5 = t4.slice(s![1..]);
    ((-nn::logsumexp(a, Axis(1))).insert_axis(Axis(1)) + (&t4 + &t4).insert_axis(Axis(0)))
        * (s + t1.sum() + t2.sum() + (&t3 * &t3).mean().unwrap() + t5.sum())
}

#[test]
fn test_f23() {
    let mut rng = Rng::new(200294);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let s = 0.6040;
    for k in 0..2usize {
        let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
        let (y, (d_a, d_b, d_s)) = f23_vjp(&a, &b, s, k, seed.clone());
        assert_array(&y, &f23(&a, &b, s, k), "value");
        assert_fd_array(|xx| inner(&seed, &f23(xx, &b, s, k)), &a, &d_a, "da");
        assert_fd_array(|xx| inner(&seed, &f23(&a, xx, s, k)), &b, &d_b, "db");
        let fd_s = fd(
            |xx: &Array<f64, _>| inner(&seed, &f23(&a, &b, xx[()], k)),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    }
}

// dims (5, 3, 4)
#[differentiable]
fn f24(a: &Array2<f64>, b: Array1<f64>, c: ArrayView2<f64>) -> f64 {
    let mut t1: Array1<f64> =
        (b.sum() * c.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5)).to_owned();
    let mut t2: f64 = nn::mse(&b, &b);
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = &t1 * 0.7 + &nn::sigmoid(&t1);
        t2 = t2 * 0.8 - (t2.cos() + c[[0, 2]]);
    }
    let t3: Array1<f64> = nn::sigmoid(&t1);
    let t4: f64 = t2.tanh();
    let mut t5: Array1<f64> = c
        .slice(s![1.., ..])
        .fold_axis(Axis(0), f64::INFINITY, |&m: &f64, &v: &f64| {
            (v * -1.07).min(m)
        })
        .to_owned();
    let mut t6: f64 = 1.16_f64;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t5 = &t5 * 0.7
            + &(&r
                * &a.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5)
                    .tanh());
        t6 = t6 * 0.8
            - a.mapv(|v| (((v * t6) * (v * t6) + 0.5).sqrt()) * (v * t6))
                .std(1.0)
                .tanh();
    }
    let mut t7: Array1<f64> = a.sum_axis(Axis(0)).to_owned();
    let mut t8: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        t7 = (&t7 + &r).mapv(f64::tanh);
        t8 = (t8 + t8).tanh();
    }
    (&t1.tanh() - (&t1 * 0.154)).var(0.0)
        + 0.244 * t3.sum()
        + 0.658 * t4
        + 0.382 * t5.sum()
        + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f24() {
    let mut rng = Rng::new(200306);
    let a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (4, 3), 0.5, 1.5);
    let (v, (d_a, d_b, d_c)) = f24_grad(&a, b.clone(), c.view());
    common::assert_near(v, f24(&a, b.clone(), c.view()), "value");
    assert_fd_array(|xx| f24(xx, b.clone(), c.view()), &a, &d_a, "da");
    assert_fd_array(|xx| f24(&a, xx.clone(), c.view()), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f24(&a, b.clone(), xx.view()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f24_jvp(&a, b.clone(), c.view(), &t_a, t_b.clone(), t_c.view());
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
        f24_hvp(&a, b.clone(), c.view(), &t_a, t_b.clone(), t_c.view());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f24_grad(&pp_a, pp_b.clone(), pp_c.view());
    let fp = f24(&pp_a, pp_b.clone(), pp_c.view());
    let (_, (gm_a, gm_b, gm_c)) = f24_grad(&pm_a, pm_b.clone(), pm_c.view());
    let fm = f24(&pm_a, pm_b.clone(), pm_c.view());
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (2, 4, 3)
#[differentiable]
fn f25(a: &Array2<f64>, k: usize, b: &Array1<f64>) -> Array2<f64> {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1 = a
        .slice(s![.., 1..])
        .to_shape(((2, 4), ord))
        .unwrap()
        .into_owned();
    let mut t2: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t2 += b[i] * b[i + 1];
    }
    let t3 = ad_runtime::ndarray::arr1(&[t2 * 0.5, t2 * 2.0, t2 * 2.0, t2 * 2.0])
        .mapv(|v| v * v + 1.0)
        .sqrt()
        + t1.mapv(|v| v);
    let t4 = t3.view();
    let t5 = (((-0.509_f64) + 0.48).abs() / (t2.cos() * t2.cos() + 1.0))
        * ad_runtime::ndarray::stack(
            Axis(0),
            &[
                a.map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
                    .exp()
                    .view(),
                a.t()
                    .fold_axis(Axis(0), f64::INFINITY, |&m, &v| v.min(m))
                    .view(),
            ],
        )
        .unwrap();
    let t6 = t3.view();
    (a / ((t2 + 0.262).abs() * (t2 + 0.262).abs() + 1.0))
        * (t4.sum() + t5.sum() + (&t6 * &t6).mean().unwrap())
}

#[test]
fn test_f25() {
    let mut rng = Rng::new(200318);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (4, 3), -1.0, 1.0);
        let (y, (d_a, d_b)) = f25_vjp(&a, k, &b, seed.clone());
        assert_array(&y, &f25(&a, k, &b), "value");
        assert_fd_array(|xx| inner(&seed, &f25(xx, k, &b)), &a, &d_a, "da");
        assert_fd_array(|xx| inner(&seed, &f25(&a, k, xx)), &b, &d_b, "db");
    }
}

// dims (4, 3, 4)
#[differentiable]
fn h26(a: Array1<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t1 += a[i] * a[i + 1];
    }
    let t2 = a.slice(s![1..]);
    let t3 = (-0.996_f64).exp().ln().tanh();
    ((t2.sum() + t1) / (t3.powi(2) + 0.5)).tanh()
        + 0.415 * t1
        + (&t2 * &t2).mean().unwrap()
        + 0.677 * t3
}

#[test]
fn test_h26() {
    let mut rng = Rng::new(200330);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let (v, d_a) = h26_grad(a.clone());
    common::assert_near(v, h26(a.clone()), "value");
    assert_fd_array(|xx| h26(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
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
    let fp = h26(pp_a.clone());
    let (_, gm_a) = h26_grad(pm_a.clone());
    let fm = h26(pm_a.clone());
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 3, 4)
#[differentiable]
fn f26(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    let t1 = a.view();
    let t2 = (&t1 * &t1).var(0.0).cos();
    let t3 = t1.slice(s![1..]);
    let t4 = Zip::from(t1.view())
        .and(a.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25)
        .mapv(|v| if v > -0.243 { v * 0.317 } else { v });
    let mut t5: f64 = t1[3].exp().ln();
    if (nn::cross_entropy(&Array::from_elem((4, 3), 0.25_f64), &vec![0usize; 4]).powi(2) + 0.5)
        .sqrt()
        > 0.925
    {
        let t6 = t4[3] - t2;
        t5 = t5 * 0.661 + t1.mean().unwrap();
    }
    (-0.771_f64) + 0.214 * b.sum() + (&t3 * &t3).mean().unwrap() + 0.982 * t5
}

#[test]
fn test_f26() {
    let mut rng = Rng::new(200332);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b)) = f26_grad(&a, &b);
    common::assert_near(v, f26(&a, &b), "value");
    assert_fd_array(|xx| f26(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f26(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f26_jvp(&a, &b, &t_a, &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f26_hvp(&a, &b, &t_a, &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f26_grad(&pp_a, &pp_b);
    let fp = f26(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f26_grad(&pm_a, &pm_b);
    let fm = f26(&pm_a, &pm_b);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 4, 3)
#[differentiable]
fn f27(a: Array1<f64>, s: f64, b: &Array2<f64>, p: f64, c: &Array2<f64>) -> f64 {
    let t1: Array2<f64> = if ((-1.35_f64) + 0.573).abs().exp() > 0.6 {
        c.slice(s![..4, ..3]).to_owned()
    } else {
        (&c.fold_axis(Axis(0), f64::INFINITY, |&m, &v| m.min(v))
            .insert_axis(Axis(1))
            + b)
            .to_shape(((4, 3), Order::ColumnMajor))
            .unwrap()
            .into_owned()
    };
    let mut t2: Array1<f64> = a.to_owned();
    let mut t3: f64 = p * p;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4 = a.mapv(|v| (v * v + 1.0).ln());
        t2 = &t2 * 0.7 + &(&t4 * 0.667);
        t3 = t3 * 0.8 - (((i as f64 * 0.3) - r[1]).powi(2) + 0.5).sqrt();
    }
    let t5 = t3.tanh();
    let t6 = (-c).mapv(f64::tanh)
        - (Array::from_elem((5, 5), 0.25_f64).dot(c)
            * &(c.fold_axis(Axis(0), f64::NEG_INFINITY, |&m: &f64, &x: &f64| {
                (x * s).max(m)
            }) / &(nn::sigmoid(&t1.column(1)) + 0.25))
                .insert_axis(Axis(0)));
    let t7 = b.column(0);
    let t8 = c.view();
    (t7[1] / ((-0.355_f64) * (-0.355_f64) + 1.0)).powi(2)
        + (&t2 * &t2).mean().unwrap()
        + 0.215 * t3
        + 0.64 * t5
        + 0.305 * t6.sum()
        + (&t7 * &t7).mean().unwrap()
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f27() {
    let mut rng = Rng::new(200344);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let s = -0.9638;
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let p = 1.3107;
    let c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_p, d_c)) = f27_grad(a.clone(), s, &b, p, &c);
    common::assert_near(v, f27(a.clone(), s, &b, p, &c), "value");
    assert_fd_array(|xx| f27(xx.clone(), s, &b, p, &c), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f27(a.clone(), xx[()], &b, p, &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f27(a.clone(), s, xx, p, &c), &b, &d_b, "db");
    let fd_p = fd(
        |xx: &Array<f64, _>| f27(a.clone(), s, &b, xx[()], &c),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(|xx| f27(a.clone(), s, &b, p, xx), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_p = 0.9;
    let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
    let t_c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f27_jvp(a.clone(), s, &b, p, &c, t_a.clone(), t_s, &t_b, t_p, &t_c);
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
        f27_hvp(a.clone(), s, &b, p, &c, t_a.clone(), t_s, &t_b, t_p, &t_c);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_p, gp_c)) = f27_grad(pp_a.clone(), pp_s, &pp_b, pp_p, &pp_c);
    let fp = f27(pp_a.clone(), pp_s, &pp_b, pp_p, &pp_c);
    let (_, (gm_a, gm_s, gm_b, gm_p, gm_c)) = f27_grad(pm_a.clone(), pm_s, &pm_b, pm_p, &pm_c);
    let fm = f27(pm_a.clone(), pm_s, &pm_b, pm_p, &pm_c);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
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

// dims (2, 4, 3)
#[differentiable]
fn f28(a: &Array2<f64>, k: usize, b: Array1<f64>) -> f64 {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1 = (&a.slice(s![1.., ..]) * b[2])
        .to_shape(((2, 4), ord))
        .unwrap()
        .to_owned();
    let t2: f64 = if b[1].sin() > 0.42 {
        (-1.03_f64).exp().ln()
    } else {
        a[[0, 2]]
    };
    let t3 = if ((t1.sum() + t2) + (&t1 * &t1).sum()).tanh() > -0.488 {
        (t2 / (b.mean().unwrap() * b.mean().unwrap() + 1.0)).exp()
    } else {
        t2.cos()
    };
    let t4 = (&t1
        .fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &x| (x * -1.54).max(m))
        .dot(&t1.view().reversed_axes().dot(&t1.slice(s![.., ..3])))
        * 0.162)
        .dot(
            &(&a.index_axis(Axis(1), 3) * a.map_axis(Axis(1), |lane| lane.dot(&lane) * 0.25))
                .mapv(f64::sin),
        );
    let t5 = t1.index_axis(Axis(1), 1);
    let t6 = if t3.exp().tanh().powi(2) < -0.404 {
        ad_runtime::ndarray::concatenate(
            Axis(1),
            &[
                a.slice(s![.., 1..3]),
                a.slice(s![.., ..2]).mapv(f64::tanh).view(),
            ],
        )
        .unwrap()
    } else {
        (a * &a
            .map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
            .insert_axis(Axis(1)))
            .mapv(|v| ((v * t2).exp()).sin())
    };
    let t7 = b.view();
    let t8: Array1<f64> = t1.std_axis(Axis(0), 1.0)
        - &t7.mapv(|v| {
            if v > -0.506 {
                v.sin()
            } else {
                if v > -0.436 { v * t3 } else { v * t3 }
            }
        });
    t6[[1, 1]]
        + 0.791 * t4
        + 0.75 * t5.sum()
        + (&t6 * &t6).mean().unwrap()
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f28() {
    let mut rng = Rng::new(200356);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b)) = f28_grad(&a, k, b.clone());
        common::assert_near(v, f28(&a, k, b.clone()), "value");
        assert_fd_array(|xx| f28(xx, k, b.clone()), &a, &d_a, "da");
        assert_fd_array(|xx| f28(&a, k, xx.clone()), &b, &d_b, "db");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, 4, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let (vj, tj) = f28_jvp(&a, k, b.clone(), &t_a, t_b.clone());
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f28_hvp(&a, k, b.clone(), &t_a, t_b.clone());
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b)) = f28_grad(&pp_a, k, pp_b.clone());
        let fp = f28(&pp_a, k, pp_b.clone());
        let (_, (gm_a, gm_b)) = f28_grad(&pm_a, k, pm_b.clone());
        let fm = f28(&pm_a, k, pm_b.clone());
        let fdj = (fp - fm) / (2.0 * hstep);
        assert!(
            (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
            "jvp {tj} vs differences along the tangent {fdj}"
        );
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    }
}

// dims (3, 4, 5)
#[differentiable]
fn f29(a: &Array1<f64>, b: &Array1<f64>, c: Array2<f64>, d: Array2<f64>) -> f64 {
    let t1 = c.t().sum_axis(Axis(1)) + &c.mapv(|v| (v.exp()).sin());
    let t2 = c.view();
    let t3 = &d
        .slice(s![1..4, ..])
        .fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &x: &f64| {
            (x * -1.84).min(m)
        })
        / (nn::softplus(&(-a)) + 0.5);
    let mut t4: f64 = 0.0;
    for i in 0..a.len() - 1 {
        let t5 = a[i + 1] - a[i] * a[i];
        let t6 = 1.0 - a[i];
        t4 += 2.05 * t5 * t5 + t6 * t6;
    }
    let t7 = t4.tanh();
    let t8 = nn::relu(&Array::from_elem((5, 5), 0.5_f64).dot(&t1).tanh());
    t8.var(0.0).powi(2)
        + (b * b).mean().unwrap()
        + 0.998 * t2.sum()
        + (&t3 * &t3).mean().unwrap()
        + 0.248 * t7
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f29() {
    let mut rng = Rng::new(200368);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let d = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d)) = f29_grad(&a, &b, c.clone(), d.clone());
    common::assert_near(v, f29(&a, &b, c.clone(), d.clone()), "value");
    assert_fd_array(|xx| f29(xx, &b, c.clone(), d.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f29(&a, xx, c.clone(), d.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f29(&a, &b, xx.clone(), d.clone()), &c, &d_c, "dc");
    assert_fd_array(|xx| f29(&a, &b, c.clone(), xx.clone()), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
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
    let (vj, tj) = f29_jvp(
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
    let (hv, (hg_a, hg_b, hg_c, hg_d), (hh_a, hh_b, hh_c, hh_d)) = f29_hvp(
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
    let (_, (gp_a, gp_b, gp_c, gp_d)) = f29_grad(&pp_a, &pp_b, pp_c.clone(), pp_d.clone());
    let fp = f29(&pp_a, &pp_b, pp_c.clone(), pp_d.clone());
    let (_, (gm_a, gm_b, gm_c, gm_d)) = f29_grad(&pm_a, &pm_b, pm_c.clone(), pm_d.clone());
    let fm = f29(&pm_a, &pm_b, pm_c.clone(), pm_d.clone());
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
}

// dims (5, 3, 2)
#[differentiable]
fn h30(a: &Array2<f64>, b: Array1<f64>, s: f64) -> f64 {
    let t1 = s;
    nn::cross_entropy_one_hot(
        &(&Array1::from_vec(vec![t1 * 2.0, s * 2.0, t1 * 0.5]) / Array::from_elem((5, 3), 0.5_f64)),
        &nn::softmax(&a.dot(&Array::from_elem((2, 3), 1.5_f64)), Axis(1)),
    ) + 0.78 * a.sum()
        + (&b * &b).mean().unwrap()
        + 0.555 * t1
}

#[test]
fn test_h30() {
    let mut rng = Rng::new(200380);
    let a = rand(&mut rng, (5, 2), 0.5, 1.5);
    let b = rand(&mut rng, 2, 0.5, 1.5);
    let s = 0.8837;
    let (v, (d_a, d_b, d_s)) = h30_grad(&a, b.clone(), s);
    common::assert_near(v, h30(&a, b.clone(), s), "value");
    assert_fd_array(|xx| h30(xx, b.clone(), s), &a, &d_a, "da");
    assert_fd_array(|xx| h30(&a, xx.clone(), s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| h30(&a, b.clone(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (5, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 2, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = h30_jvp(&a, b.clone(), s, &t_a, t_b.clone(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) =
        h30_hvp(&a, b.clone(), s, &t_a, t_b.clone(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = h30_grad(&pp_a, pp_b.clone(), pp_s);
    let fp = h30(&pp_a, pp_b.clone(), pp_s);
    let (_, (gm_a, gm_b, gm_s)) = h30_grad(&pm_a, pm_b.clone(), pm_s);
    let fm = h30(&pm_a, pm_b.clone(), pm_s);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
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

// dims (5, 3, 2)
#[differentiable]
fn f30(a: &Array1<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1 = (Array::from_elem((5, 3), 0.5_f64) / &Array1::<f64>::ones(3).insert_axis(Axis(0)))
        .to_shape(((5, 3), ord))
        .unwrap()
        .to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 = t2 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t3 = a.slice(s![1..]);
    let t4 = (&t3 * t1.mean().unwrap()).mapv(|v| (v.sin()).sin()).sin();
    t2 + 0.483 * t2 + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f30() {
    let mut rng = Rng::new(200382);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f30_grad(&a, k);
        common::assert_near(v, f30(&a, k), "value");
        assert_fd_array(|xx| f30(xx, k), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 5, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f30_jvp(&a, k, &t_a);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f30_hvp(&a, k, &t_a);
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f30_grad(&pp_a, k);
        let fp = f30(&pp_a, k);
        let (_, gm_a) = f30_grad(&pm_a, k);
        let fm = f30(&pm_a, k);
        let fdj = (fp - fm) / (2.0 * hstep);
        assert!(
            (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
            "jvp {tj} vs differences along the tangent {fdj}"
        );
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (2, 4, 5)
#[differentiable]
fn f31(a: &Array1<f64>, b: &Array2<f64>, s: f64, c: &Array2<f64>, d: &Array2<f64>) -> f64 {
    let t1 = s * s.cos();
    let t2 = d.view();
    let t3 = d.t();
    let t4: Array1<f64> = (a / &(&t3.slice(s![..4, 1..3]) * &t3.slice(s![..4, 1..3]) + 0.5))
        .fold_axis(Axis(0), f64::NEG_INFINITY, |acc, x| {
            acc.max((*x - s).powi(2))
        });
    b[[0, 1]]
        + 0.746 * b.sum()
        + (c * c).mean().unwrap()
        + 0.919 * t1
        + 0.88 * t2.sum()
        + 0.945 * t4.sum()
}

#[test]
fn test_f31() {
    let mut rng = Rng::new(200394);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let s = 1.0425;
    let c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let d = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_c, d_d)) = f31_grad(&a, &b, s, &c, &d);
    common::assert_near(v, f31(&a, &b, s, &c, &d), "value");
    assert_fd_array(|xx| f31(xx, &b, s, &c, &d), &a, &d_a, "da");
    assert_fd_array(|xx| f31(&a, xx, s, &c, &d), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f31(&a, &b, xx[()], &c, &d),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f31(&a, &b, s, xx, &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f31(&a, &b, s, &c, xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 2, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f31_jvp(&a, &b, s, &c, &d, &t_a, &t_b, t_s, &t_c, &t_d);
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
        f31_hvp(&a, &b, s, &c, &d, &t_a, &t_b, t_s, &t_c, &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s, gp_c, gp_d)) = f31_grad(&pp_a, &pp_b, pp_s, &pp_c, &pp_d);
    let fp = f31(&pp_a, &pp_b, pp_s, &pp_c, &pp_d);
    let (_, (gm_a, gm_b, gm_s, gm_c, gm_d)) = f31_grad(&pm_a, &pm_b, pm_s, &pm_c, &pm_d);
    let fm = f31(&pm_a, &pm_b, pm_s, &pm_c, &pm_d);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
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

// dims (4, 3, 4)
#[differentiable]
fn h32(a: &Array2<f64>, b: Array1<f64>) -> Array1<f64> {
    let t1 = (&Zip::from(b.view())
        .and(b.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25)
        + &b)
        .cos();
    let t2 = Zip::from(b.view())
        .and(b.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25);
    (&t1.view().insert_axis(Axis(0)) + &a.column(1).insert_axis(Axis(1))).sum_axis(Axis(0))
        + (a.sum() + (&t1 * &t1).mean().unwrap() + t2.sum())
}

#[test]
fn test_h32() {
    let mut rng = Rng::new(200406);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, 12, -1.0, 1.0);
    let seed = rand(&mut rng, 12, -1.0, 1.0);
    let (y, (d_a, d_b)) = h32_vjp(&a, b.clone(), seed.clone());
    assert_array(&y, &h32(&a, b.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h32(xx, b.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h32(&a, xx.clone())), &b, &d_b, "db");
}

// dims (4, 3, 4)
#[differentiable]
fn f32(a: &Array2<f64>, b: &Array2<f64>, s: f64) -> f64 {
    let t1 = b.index_axis(Axis(0), 2);
    let t2: f64 = if s > 0.11 {
        (&(&b.view().reversed_axes() / &(nn::sigmoid(&a.row(2)) + 0.25))
            * &(&b.view().reversed_axes() / &(nn::sigmoid(&a.row(2)) + 0.25)))
            .sum()
            .tanh()
    } else {
        (&(-a) * &(-a)).sum()
    };
    let t3: ArrayView1<f64> = b.column(2);
    let mut t4: Array1<f64> = a.mean_axis(Axis(0)).unwrap();
    if t2 < 0.759 {
        let t5 = (s + 0.228).abs();
        t4 = &t4 * 0.315 + &t4;
    } else {
        t4 = &(-&t3) - &t4;
    }
    let t6 = h32(
        &(b - &t1.insert_axis(Axis(0))),
        ad_runtime::ndarray::arr1(&[
            t2 * -1.5,
            t2 * 2.0,
            s * 2.0,
            s * 0.5,
            t2 * 0.5,
            s * 2.0,
            t2 * 0.5,
            s * 0.5,
            s * 2.0,
            t2 * 2.0,
            t2 * 2.0,
            t2 * 2.0,
        ])
        .mapv(f64::tanh),
    );
    let t7: Array1<f64> = t6.mapv(f64::tanh);
    a.mean().unwrap().tanh() + (&t6 * &t6).mean().unwrap() + (&t7 * &t7).mean().unwrap()
}

#[test]
fn test_f32() {
    let mut rng = Rng::new(200408);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = 1.4861;
    let (v, (d_a, d_b, d_s)) = f32_grad(&a, &b, s);
    common::assert_near(v, f32(&a, &b, s), "value");
    assert_fd_array(|xx| f32(xx, &b, s), &a, &d_a, "da");
    assert_fd_array(|xx| f32(&a, xx, s), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f32(&a, &b, xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_s = 0.7;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f32_jvp(&a, &b, s, &t_a, &t_b, t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s;
    let scale: f64 =
        (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b, hg_s), (hh_a, hh_b, hh_s)) = f32_hvp(&a, &b, s, &t_a, &t_b, t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_s)) = f32_grad(&pp_a, &pp_b, pp_s);
    let fp = f32(&pp_a, &pp_b, pp_s);
    let (_, (gm_a, gm_b, gm_s)) = f32_grad(&pm_a, &pm_b, pm_s);
    let fm = f32(&pm_a, &pm_b, pm_s);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
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
fn h33(a: &Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t2: f64 = 0.582_f64.sqrt();
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = &(&(&r
            * &(&Zip::from(r.view())
                .and(r.view())
                .map_collect(|&p, &q| p * q.sin() + 0.25)
                / r.exp()))
            * 0.588)
            * (i as f64 * 0.3)
            + t1;
        t2 += (i as f64 * 0.3);
    }
    let t3 = nn::sigmoid(&(&(a * &t1.view().insert_axis(Axis(0))) + (t2 * t2 + 1.0).ln()));
    (t3.sum() + 0.254).abs().tanh() + 0.381 * t3.sum()
}

#[test]
fn test_h33() {
    let mut rng = Rng::new(200420);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, d_a) = h33_grad(&a);
    common::assert_near(v, h33(&a), "value");
    assert_fd_array(|xx| h33(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
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
    let fp = h33(&pp_a);
    let (_, gm_a) = h33_grad(&pm_a);
    let fm = h33(&pm_a);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 2, 3)
#[differentiable]
fn f33(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>, s: f64, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1: Array2<f64> = c
        .slice(s![1..3, ..])
        .dot(&c.view().reversed_axes())
        .to_shape(((4, 2), ord))
        .unwrap()
        .into_owned();
    let mut t2: Array1<f64> = b
        .map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5)
        .to_owned();
    let mut t3: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t4: Array1<f64> = b.sum_axis(Axis(0));
        t2 = &(&(&a.var_axis(Axis(0), 0.0) + t4) * 0.333) * t1.mean().unwrap().tanh() + t2;
        t3 = t3 * 0.8 - nn::cross_entropy(&t1.dot(&c.slice(s![..2, 1..])), &vec![1usize; 4]).tanh();
    }
    let t5: Array1<f64> = if c[[2, 0]] < 0.0816 {
        c.slice(s![1..3, 1..]).dot(&nn::logsumexp(&a.t(), Axis(1)))
    } else {
        &(&t2 + &t2).mapv(f64::tanh) * &b.row(2).mapv(f64::sin)
    };
    let t6: Array2<f64> = if (t1.var(1.0) * t1.var(1.0) + 1.0).ln() > 0.46 {
        nn::relu(&b.t().to_shape(((4, 2), ord)).unwrap().into_owned())
    } else {
        c.slice(s![.., ..2]).to_owned()
    };
    let t7: f64 = (b / &t2.view().insert_axis(Axis(0)).mapv(|v| v * v + 1.0)).sum();
    let t8: f64 = h33(&(a / (t3 * t3 + 1.0)));
    let t9: f64 = t8.tanh();
    let t10: f64 = h33(&nn::sigmoid(a));
    let t11 = t10.tanh();
    t7 + 0.559 * s
        + 0.831 * t5.sum()
        + 0.711 * t6.sum()
        + 0.646 * t7
        + 0.65 * t8
        + 0.617 * t9
        + 0.932 * t10
        + 0.35 * t11
}

#[test]
fn test_f33() {
    let mut rng = Rng::new(200422);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let c = rand(&mut rng, (4, 3), -1.0, 1.0);
    let s = 1.1064;
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_s)) = f33_grad(&a, &b, &c, s, k);
        common::assert_near(v, f33(&a, &b, &c, s, k), "value");
        assert_fd_array(|xx| f33(xx, &b, &c, s, k), &a, &d_a, "da");
        assert_fd_array(|xx| f33(&a, xx, &c, s, k), &b, &d_b, "db");
        assert_fd_array(|xx| f33(&a, &b, xx, s, k), &c, &d_c, "dc");
        let fd_s = fd(
            |xx: &Array<f64, _>| f33(&a, &b, &c, xx[()], k),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (4, 2), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, (4, 3), -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let t_s = 0.9;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let (vj, tj) = f33_jvp(&a, &b, &c, s, k, &t_a, &t_b, &t_c, t_s);
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
            f33_hvp(&a, &b, &c, s, k, &t_a, &t_b, &t_c, t_s);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c, gp_s)) = f33_grad(&pp_a, &pp_b, &pp_c, pp_s, k);
        let fp = f33(&pp_a, &pp_b, &pp_c, pp_s, k);
        let (_, (gm_a, gm_b, gm_c, gm_s)) = f33_grad(&pm_a, &pm_b, &pm_c, pm_s, k);
        let fm = f33(&pm_a, &pm_b, &pm_c, pm_s, k);
        let fdj = (fp - fm) / (2.0 * hstep);
        assert!(
            (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
            "jvp {tj} vs differences along the tangent {fdj}"
        );
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
}

// dims (4, 5, 3)
#[differentiable]
fn f34(a: Array2<f64>) -> f64 {
    let t1 = (&(&a.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25) / (a.sum() * a.sum() + 1.0))
        / &a.exp().exp())
        .tanh();
    let t2 = (a
        .map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
        .insert_axis(Axis(1))
        * t1.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25)
            .insert_axis(Axis(0)))
    .mapv(|v| (v * v).tanh().exp());
    let t3 = t1.view();
    let t4: Array2<f64> = if (1.16_f64 / ((-1.37_f64) * (-1.37_f64) + 1.0)).sin() < 0.132 {
        &t1.slice(s![.., 1..]).dot(&t3) / (t1[[3, 4]].powi(2) + 0.5)
    } else {
        (-&t2.t())
            .to_shape((20, Order::RowMajor))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((4, 5), Order::F))
            .unwrap()
    };
    let t5: Array2<f64> = (&(-&t1.t())
        .dot(&(&t4.slice(s![.., ..4]) + t1.map_axis(Axis(1), |lane| lane.dot(&lane) * 0.25)))
        * 0.0541)
        .to_shape(((4, 5), Order::ColumnMajor))
        .unwrap()
        .to_owned();
    let t6: ArrayView2<f64> = a.view();
    a.mapv(|v| {
        if v > 0.23 {
            (v * v + 0.5).sqrt()
        } else {
            (v * v + 0.5).sqrt()
        }
    })
    .mean()
    .unwrap()
        + 0.469 * t5.sum()
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f34() {
    let mut rng = Rng::new(200434);
    let a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let (v, d_a) = f34_grad(a.clone());
    common::assert_near(v, f34(a.clone()), "value");
    assert_fd_array(|xx| f34(xx.clone()), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f34_jvp(a.clone(), t_a.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f34_hvp(a.clone(), t_a.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f34_grad(pp_a.clone());
    let fp = f34(pp_a.clone());
    let (_, gm_a) = f34_grad(pm_a.clone());
    let fm = f34(pm_a.clone());
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (3, 5, 2)
#[differentiable]
fn h35(a: Array2<f64>, b: Array2<f64>) -> f64 {
    let mut t1: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t2: f64 = 1.18_f64 - 1.44_f64;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3: Array1<f64> = &t1 / &t1.mapv(|v| v * v + 1.0);
        let t4: Array1<f64> = r.mapv(f64::cos);
        t1 = &t1 * 0.7
            + &(&((&r
                + Array1::from_vec(vec![t2 * -1.5, t2 * 2.0, t2 * 2.0, t2 * 2.0, t2 * 0.5]))
                + &t3)
                + t4)
                .tanh();
        t2 = (t2 + t2).tanh();
    }
    let t5: Array1<f64> = b.t().dot(&Array1::from_vec(vec![t2 * -1.5, t2 * -1.5]))
        / &(&(&t1 * &t1) * &(&t1 * &t1) + 0.5);
    let t6 = b.row(1);
    t2 + 0.243 * a.sum() + 0.994 * t5.sum() + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_h35() {
    let mut rng = Rng::new(200446);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, (d_a, d_b)) = h35_grad(a.clone(), b.clone());
    common::assert_near(v, h35(a.clone(), b.clone()), "value");
    assert_fd_array(|xx| h35(xx.clone(), b.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| h35(a.clone(), xx.clone()), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = h35_jvp(a.clone(), b.clone(), t_a.clone(), t_b.clone());
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = h35_hvp(a.clone(), b.clone(), t_a.clone(), t_b.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = h35_grad(pp_a.clone(), pp_b.clone());
    let fp = h35(pp_a.clone(), pp_b.clone());
    let (_, (gm_a, gm_b)) = h35_grad(pm_a.clone(), pm_b.clone());
    let fm = h35(pm_a.clone(), pm_b.clone());
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 5, 2)
#[differentiable]
fn f35(a: &Array1<f64>, k: usize, b: &Array1<f64>) -> Array1<f64> {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1: Array2<f64> = Array::from_elem((5, 3), 1.5_f64)
        .to_shape((15, Order::F))
        .unwrap()
        .into_owned()
        .into_shape_with_order(((3, 5), ord))
        .unwrap()
        .to_shape(((3, 5), ord))
        .unwrap()
        .into_owned();
    let t2: f64 = h35((a / &t1.slice(s![.., 3..])), (-&t1.slice(s![..2, ..])));
    let t3: f64 = t2.tanh();
    let t4 = a.mean().unwrap();
    let t5 = nn::sigmoid(
        &a.map(|&v| {
            ((if v > 0.379 { v } else { v * 1.11 }) * (if v > 0.379 { v } else { v * 1.11 }) + 0.5)
                .sqrt()
        })
        .exp(),
    );
    (nn::sigmoid(
        &Zip::from(a.view())
            .and(a.view())
            .map_collect(|&p, &q| p * q.sin() + 0.25),
    ) - (&t5 + t3))
        + (b.sum() + t2 + t3 + t4 + (&t5 * &t5).mean().unwrap())
}

#[test]
fn test_f35() {
    let mut rng = Rng::new(200448);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let b = rand(&mut rng, 15, -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, 2, -1.0, 1.0);
        let (y, (d_a, d_b)) = f35_vjp(&a, k, &b, seed.clone());
        assert_array(&y, &f35(&a, k, &b), "value");
        assert_fd_array(|xx| inner(&seed, &f35(xx, k, &b)), &a, &d_a, "da");
        assert_fd_array(|xx| inner(&seed, &f35(&a, k, xx)), &b, &d_b, "db");
    }
}

// dims (3, 5, 4)
#[differentiable]
fn h36(a: &Array1<f64>) -> Array1<f64> {
    let mut t1: f64 = (-0.955_f64).exp().ln();
    if (t1 * t1).sin() < 0.11 {
        let t2 = a[10].sin();
        t1 = t1 * 0.428 + a.mean().unwrap().powi(2);
    }
    Array::from_elem((5, 3), 0.5_f64)
        .to_shape((3, 5))
        .unwrap()
        .into_owned()
        .to_shape((15, Order::F))
        .unwrap()
        .to_owned()
}

#[test]
fn test_h36() {
    let mut rng = Rng::new(200460);
    let a = rand(&mut rng, 15, 0.5, 1.5);
    let seed = rand(&mut rng, 15, -1.0, 1.0);
    let (y, d_a) = h36_vjp(&a, seed.clone());
    assert_array(&y, &h36(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h36(xx)), &a, &d_a, "da");
}

// dims (3, 5, 4)
#[differentiable]
fn f36(a: &Array1<f64>, b: &Array2<f64>, c: Array2<f64>) -> f64 {
    let t1: f64 = nn::cross_entropy_one_hot(&b.tanh(), &nn::softmax(&b.mapv(f64::cos), Axis(1)));
    let t2: Array2<f64> = (c + t1).mapv_into(|v| ((v * v + 1.0).ln()).tanh());
    let t3 = if t1 > -0.512 {
        (&b.sum_axis(Axis(0)) * &t2.index_axis(Axis(1), 2)).insert_axis(Axis(1)) + t2.cos()
    } else {
        ((&b.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25)
            * ad_runtime::ndarray::arr1(&[t1 * -1.5, t1 * 2.0, t1 * -1.5, t1 * 0.5, t1 * -1.5]))
        .insert_axis(Axis(1))
            + (ad_runtime::ndarray::arr1(&[t1 * 2.0, t1 * -1.5, t1 * 0.5, t1 * 2.0])
                * &t2.index_axis(Axis(0), 0))
                .insert_axis(Axis(0)))
        .mapv(f64::tanh)
    };
    let t4: Array2<f64> = (a[0] * Array::from_elem((5, 5), 0.5_f64))
        .dot(&t3.tanh())
        .to_shape(((5, 4), Order::ColumnMajor))
        .unwrap()
        .to_owned();
    let mut t5: Array1<f64> = b.t().std_axis(Axis(0), 0.0);
    let mut t6: f64 = b[[1, 3]];
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t7: Array1<f64> = r.dot(&t2.slice(s![1.., ..]));
        let t8 = -b;
        t5 = &t5 * 0.7 + &(&t8.var_axis(Axis(1), 0.0) + &t5).mapv(f64::tanh);
        t6 = (t6 + t7.mean().unwrap().tanh().exp().exp().tanh()).tanh();
    }
    (((-0.57_f64) + t1) * t6.tanh()) + 0.512 * t4.sum() + 0.746 * t6
}

#[test]
fn test_f36() {
    let mut rng = Rng::new(200462);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let c = rand(&mut rng, (5, 4), 0.5, 1.5);
    let (v, (d_a, d_b, d_c)) = f36_grad(&a, &b, c.clone());
    common::assert_near(v, f36(&a, &b, c.clone()), "value");
    assert_fd_array(|xx| f36(xx, &b, c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f36(&a, xx, c.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f36(&a, &b, xx.clone()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 3, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (5, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f36_jvp(&a, &b, c.clone(), &t_a, &t_b, t_c.clone());
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
        f36_hvp(&a, &b, c.clone(), &t_a, &t_b, t_c.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f36_grad(&pp_a, &pp_b, pp_c.clone());
    let fp = f36(&pp_a, &pp_b, pp_c.clone());
    let (_, (gm_a, gm_b, gm_c)) = f36_grad(&pm_a, &pm_b, pm_c.clone());
    let fm = f36(&pm_a, &pm_b, pm_c.clone());
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (4, 2, 3)
#[differentiable]
fn f37(a: Array2<f64>, b: &Array2<f64>) -> f64 {
    let t1 = a
        .mapv(f64::cos)
        .map(|&v| if v > -0.577 { v } else { v.sin() });
    let t2: f64 = a
        .dot(&b.index_axis(Axis(0), 1))
        .dot(&(&a.index_axis(Axis(1), 1) + &a.sum_axis(Axis(1))));
    let t3 = b.view();
    let mut t4: Array1<f64> = &t1.index_axis(Axis(0), 2) * &t1.row(0);
    let mut t5: f64 = 0.0;
    for i in 0..t3.nrows() {
        let r = t3.row(i);
        let t6: Array1<f64> = t4.mapv(f64::cos);
        let t7 = t3.mean().unwrap();
        t4 = &(&(&r + (-&t1.index_axis(Axis(0), 0))) - &t6).mapv(f64::tanh)
            * nn::mse(&t4, &t6).tanh()
            + t4;
        t5 = t5 * 0.8
            - (((t2 * t2 + 1.0).sqrt().tanh() * (i as f64 * 0.3).exp().sqrt()) + t7).tanh();
    }
    let t8: Array2<f64> = ad_runtime::ndarray::concatenate(
        Axis(0),
        &[
            a.map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
                .to_owned()
                .into_shape_with_order(((2, 2), Order::RowMajor))
                .unwrap()
                .mapv(|v| ((v * 1.07) * (v * 1.07) + 0.5).sqrt())
                .view(),
            ad_runtime::ndarray::stack(
                Axis(0),
                &[
                    (t3.sum() * &b.row(1)).mapv(f64::tanh).view(),
                    nn::sigmoid(&t3.t().dot(&b.fold_axis(
                        Axis(1),
                        f64::INFINITY,
                        |&m: &f64, &x: &f64| m.min(x * t5),
                    )))
                    .view(),
                ],
            )
            .unwrap()
            .view(),
        ],
    )
    .unwrap();
    b.to_shape(((3, 2), Order::ColumnMajor))
        .unwrap()
        .to_owned()
        .sum()
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f37() {
    let mut rng = Rng::new(200474);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), 0.5, 1.5);
    let (v, (d_a, d_b)) = f37_grad(a.clone(), &b);
    common::assert_near(v, f37(a.clone(), &b), "value");
    assert_fd_array(|xx| f37(xx.clone(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| f37(a.clone(), xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f37_jvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f37_hvp(a.clone(), &b, t_a.clone(), &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f37_grad(pp_a.clone(), &pp_b);
    let fp = f37(pp_a.clone(), &pp_b);
    let (_, (gm_a, gm_b)) = f37_grad(pm_a.clone(), &pm_b);
    let fm = f37(pm_a.clone(), &pm_b);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (5, 4, 5)
#[differentiable]
fn f38(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = &(&(Zip::from(a.view())
        .and(b.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25)
        + b)
        * &(Zip::from(a.view())
            .and(b.view())
            .map_collect(|&p, &q| p * q.sin() + 0.25)
            + b)
        + 0.5)
        .sqrt()
        - 0.397_f64;
    let t2: Array1<f64> = (b.sum() - 0.343_f64) + (t1 / 1.41_f64);
    let t3: ArrayView1<f64> = a.view();
    let mut t4: f64 = 0.0;
    for i in 0..4 {
        let t5 = a[i + 1] - a[i] * a[i];
        let t6 = 1.0 - a[i];
        t4 += 0.674 * t5 * t5 + t6 * t6;
    }
    let t7 = t4.tanh();
    let t8 = t2.slice(s![1..]);
    (t8.mean().unwrap() * t8.mean().unwrap() + 1.0)
        .ln()
        .tanh()
        .exp()
        + (&t3 * &t3).mean().unwrap()
        + 0.893 * t7
        + (&t8 * &t8).mean().unwrap()
}

#[test]
fn test_f38() {
    let mut rng = Rng::new(200486);
    let a = rand(&mut rng, 5, 0.5, 1.5);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b)) = f38_grad(&a, &b);
    common::assert_near(v, f38(&a, &b), "value");
    assert_fd_array(|xx| f38(xx, &b), &a, &d_a, "da");
    assert_fd_array(|xx| f38(&a, xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 5, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 5, -1.0, 1.0);
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
    let fp = f38(&pp_a, &pp_b);
    let (_, (gm_a, gm_b)) = f38_grad(&pm_a, &pm_b);
    let fm = f38(&pm_a, &pm_b);
    let fdj = (fp - fm) / (2.0 * hstep);
    assert!(
        (tj - fdj).abs() <= 1e-6 * (1.0 + fdj.abs() + scale),
        "jvp {tj} vs differences along the tangent {fdj}"
    );
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (4, 3, 2)
#[differentiable]
fn f39(a: &Array1<f64>, b: &Array2<f64>) -> Array1<f64> {
    let mut t1 = Array1::<f64>::zeros(3);
    let mut t2: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t3: f64 = a.mean().unwrap();
        t1 = &r.mapv(f64::sin) * (t3.powi(2) + 0.5).ln() + t1;
        t2 = t2 * 0.8 - (&(&t1 - t3) * &(&t1 - t3)).sum().tanh();
    }
    let t4 = a / (nn::softplus(&(-a)) + 0.5);
    let t5 = (t1.mean().unwrap() + (nn::sigmoid(&b.slice(s![.., ..2])) + 0.25).ln())
        .dot(&(-&t4.mapv(|v| (v * t2).tanh().exp())))
        .mapv(f64::tanh);
    let t6 = nn::logsumexp(b, Axis(1));
    nn::softplus(&b.mean_axis(Axis(0)).unwrap()) * (t5.sum() + t6.sum())
}

#[test]
fn test_f39() {
    let mut rng = Rng::new(200498);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, (d_a, d_b)) = f39_vjp(&a, &b, seed.clone());
    assert_array(&y, &f39(&a, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f39(xx, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f39(&a, xx)), &b, &d_b, "db");
}
