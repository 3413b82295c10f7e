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
//   Zip                                  12
//   array * array                        27
//   array * scalar                       4
//   array + array                        23
//   array + scalar                       12
//   array - array                        24
//   array - scalar                       9
//   array / array                        25
//   array / scalar                       8
//   array accumulator                    17
//   broadcast 1∘2                        8
//   broadcast 2∘1                        7
//   broadcast 2∘unit                     11
//   broadcast unit∘2                     7
//   broadcast unit∘unit                  13
//   call helper                          4
//   closure branch                       11
//   closure captures scalar              12
//   concatenate                          5
//   constant                             25
//   dot 1x1                              3
//   dot 1x2                              13
//   dot 2x1                              12
//   dot 2x2                              15
//   element read                         29
//   fold_axis max closure |&m, &v| e.max(m) 1
//   fold_axis max closure |m, v| m.max(*v) 2
//   fold_axis min closure f64::min(m, e) 1
//   fold_axis min closure |&m, &v| e.min(m) 3
//   fold_axis min closure |&m, &v| m.min(e) 3
//   fold_axis min closure |&m: &f64, ..| e.min(m) 1
//   fold_axis min closure |m, v| m.min(*v) 2
//   fold_axis of a function of the element 4
//   from_vec                             12
//   if on scalar                         24
//   if statement                         12
//   if value                             14
//   insert_axis                          23
//   integer parameter choosing the order 9
//   into_shape_with_order                2
//   logsumexp                            9
//   loop index as f64                    2
//   loop over rows                       17
//   made positive                        37
//   map(|&v| ..)                         14
//   map_axis                             15
//   mapv closure                         29
//   mapv path                            11
//   mapv_into closure                    5
//   max                                  3
//   mean                                 20
//   mean_axis                            11
//   method abs                           3
//   method cos                           5
//   method exp                           6
//   method ln                            7
//   method mapv_into                     6
//   method powf                          6
//   method powi                          2
//   method sin                           5
//   method sqrt                          2
//   method tanh                          6
//   min                                  9
//   neighbour reads of an array local    4
//   neighbour reads of an array parameter 15
//   nn::cross_entropy_one_hot            9
//   nn::log_softmax                      5
//   nn::mse                              2
//   nn::relu                             3
//   nn::sigmoid                          2
//   nn::softmax                          5
//   nn::softplus                         6
//   owned lhs                            23
//   owned rhs                            28
//   reshape Order::C                     3
//   reshape Order::ColumnMajor           2
//   reshape Order::F                     2
//   reshape Order::RowMajor              3
//   reshape order in a variable          9
//   row/column/index_axis                27
//   scalar * array                       2
//   scalar + array                       4
//   scalar - array                       5
//   scalar / array                       6
//   scalar abs                           9
//   scalar accumulator                   17
//   scalar cos                           13
//   scalar exp                           10
//   scalar ln                            10
//   scalar powi                          5
//   scalar sin                           7
//   scalar sqrt                          6
//   scalar tanh                          7
//   slice                                22
//   squash                               31
//   stack                                4
//   std                                  4
//   std_axis                             6
//   sum                                  20
//   sum_axis                             3
//   sumsq                                7
//   t()                                  20
//   to_owned/clone                       15
//   to_shape                             6
//   to_shape 2d                          4
//   to_shape(n, order) then into_shape_with_order 1
//   unary -                              20
//   var                                  10
//   var_axis                             5
//   view()                               17

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
fn f1(a: ArrayView2<f64>, b: &Array2<f64>) -> Array2<f64> {
    let mut t1 = Array1::<f64>::zeros(3);
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t3 = b[[0, 0]] + t2;
        t1 = (&t1 + &(&r + (&t1 * &t1))).mapv(f64::tanh);
        t2 += (-&t1).var(0.0) + t3;
    }
    let t4: Array1<f64> = a.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25);
    let t5 = a.t();
    let mut t6: f64 = 0.0;
    for i in 0..t4.len() - 1 {
        t6 = t6 * 0.8 + t4[i].sin() * t4[i + 1];
    }
    let t7 = h1(
        &nn::sigmoid(
            &ad_runtime::ndarray::arr1(&[t6 * -1.5, t2 * -1.5, t6 * 2.0, t6 * -1.5, t2 * 0.5])
                .mapv(|v| v * v + 1.0)
                .powf(1.5),
        ),
        a.dot(&t1).to_owned(),
        (t5.mean().unwrap() / &a).view(),
    );
    let t8: Array1<f64> = t7.mapv(f64::tanh);
    let t9: Array1<f64> = h1(
        &t8,
        b.index_axis(Axis(0), 0).to_owned(),
        (&a - a.std_axis(Axis(1), 0.0).insert_axis(Axis(1))).view(),
    );
    let t10 = t9.mapv(f64::tanh);
    (&ad_runtime::ndarray::arr1(&[t2 * 2.0, t6 * -1.5]).insert_axis(Axis(0))
        / &(nn::softplus(
            &Array::from_elem((3, 5), 0.5_f64)
                .dot(&Array1::from_vec(vec![
                    t2 * 2.0,
                    t2 * 2.0,
                    t6 * 2.0,
                    t6 * 2.0,
                    t2 * 2.0,
                ]))
                .tanh()
                .insert_axis(Axis(1)),
        ) + 0.5))
        .tanh()
        + (t7.sum() + t9.sum() + t10.sum())
}

#[test]
fn test_f1() {
    let mut rng = Rng::new(200016);
    let a = rand(&mut rng, (2, 3), 0.5, 1.5);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (y, (d_a, d_b)) = f1_vjp(a.view(), &b, seed.clone());
    assert_array(&y, &f1(a.view(), &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| inner(&seed, &f1(xx.view(), &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f1(a.view(), xx)), &b, &d_b, "db");
}

// dims (3, 2, 4)
#[differentiable]
fn f2(a: &Array2<f64>, k: usize) -> f64 {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1 = a
        .slice(s![..3, ..])
        .mapv(f64::cos)
        .to_shape(((3, 2), ord))
        .unwrap()
        .into_owned();
    let t2 = t1.view();
    let t3 = (&t2 - 0.313_f64).tanh();
    let t4 = a.slice(s![..3, ..]);
    let mut t5: Array2<f64> = a.slice(s![..3, ..]).to_owned();
    let mut t6: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t7: Array1<f64> = -&r;
        let t8: f64 = r[1].cos();
        t5 = &t5 * 0.7 + &(&t1 + &t7.view().insert_axis(Axis(0)));
        t6 = (t6 + ((&t2.sin() * &t2.sin()).sum() + t8).tanh()).tanh();
    }
    let t9 = (-(&t5 * &t5 + 0.5).ln())
        .dot(
            &(&a.t().mean_axis(Axis(1)).unwrap().insert_axis(Axis(1))
                - &t4
                    .map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5)
                    .map(|&v| ((v * t6).sin()).sin())
                    .insert_axis(Axis(0))),
        )
        .mapv(f64::tanh);
    let mut t10: f64 = t6;
    if (t1[[2, 1]] - a.sum()).tanh() < 0.425 {
        t10 = t10 * 0.553 + t5.sum().tanh();
    }
    let t11: Array2<f64> = nn::sigmoid(
        &t3.t()
            .to_shape((6, Order::C))
            .unwrap()
            .into_owned()
            .into_shape_with_order(((3, 2), ord))
            .unwrap()
            .dot(
                &ad_runtime::ndarray::stack(
                    Axis(0),
                    &[
                        ad_runtime::ndarray::arr1(&[t6 * -1.5, t10 * 2.0, t6 * 2.0]).view(),
                        t2.map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
                            .view(),
                    ],
                )
                .unwrap(),
            )
            .dot(&(&t5 * &t3.index_axis(Axis(1), 0).insert_axis(Axis(1))).sin()),
    );
    (&t2 - &t4.var_axis(Axis(0), 0.0)).sum() + 0.91 * t9.sum() + 0.679 * t11.sum()
}

#[test]
fn test_f2() {
    let mut rng = Rng::new(200028);
    let a = rand(&mut rng, (4, 2), 0.5, 1.5);
    for k in 0..2usize {
        let (v, d_a) = f2_grad(&a, k);
        common::assert_near(v, f2(&a, k), "value");
        assert_fd_array(|xx| f2(xx, k), &a, &d_a, "da");
    }
}

// dims (3, 2, 4)
#[differentiable]
fn f3(k: usize, a: &Array2<f64>) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1: Array2<f64> = (&a.slice(s![.., ..3]) - Array1::<f64>::linspace(-0.5, 0.5, 3))
        .to_shape(((3, 2), ord))
        .unwrap()
        .into_owned();
    let t2 = nn::softplus(&t1.map_axis(Axis(1), |lane| lane.dot(&lane) * 0.25))
        .insert_axis(Axis(1))
        / &(nn::sigmoid(&t1.std_axis(Axis(0), 1.0).insert_axis(Axis(0))) + 0.25);
    let mut t3: Array1<f64> = &nn::logsumexp(&t1, Axis(0)) - nn::logsumexp(&t1, Axis(0));
    let mut t4: f64 = 0.0;
    for i in 0..t2.nrows() {
        let r = t2.row(i);
        let t5: f64 = t4 + t1[[2, 0]];
        let t6: Array1<f64> = &(&t3 + &r) * 0.129;
        t3 = t3 + &(&r + &(-&t6)).mapv(f64::tanh);
        t4 += t4 + t5;
    }
    let mut t7: Array1<f64> = a.mean_axis(Axis(0)).unwrap().to_owned();
    let mut t8: f64 = nn::cross_entropy_one_hot(&t2, &nn::softmax(&t2, Axis(1)));
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t9: Array2<f64> = a.mapv(f64::exp);
        let t10: f64 = t8;
        t7 = &t7 * 0.7 + &(-&t7);
        t8 = (t8 + (((r.sum() + a).sum() + t9.mean().unwrap()) + t10).tanh()).tanh();
    }
    0.574_f64
}

#[test]
fn test_f3() {
    let mut rng = Rng::new(200040);
    let a = rand(&mut rng, (2, 4), -1.0, 1.0);
    for k in 0..2usize {
        let (v, d_a) = f3_grad(k, &a);
        common::assert_near(v, f3(k, &a), "value");
        assert_fd_array(|xx| f3(k, xx), &a, &d_a, "da");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (2, 4), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let (vj, tj) = f3_jvp(k, &a, &t_a);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, hg_a, hh_a) = f3_hvp(k, &a, &t_a);
        common::assert_near(hv, v, "value of _hvp");
        let (_, gp_a) = f3_grad(k, &pp_a);
        let (_, gm_a) = f3_grad(k, &pm_a);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    }
}

// dims (2, 5, 4)
#[differentiable]
fn f4(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>, d: &Array1<f64>, w: &Array2<f64>) -> f64 {
    let t1 = b.index_axis(Axis(1), 2);
    let t2: Array2<f64> = if b.slice(s![..2, 1..]).sin().sum() < 0.438 {
        a.map(|&v| v).mapv(f64::exp)
    } else {
        a.mapv(f64::cos)
    };
    let t3: Array2<f64> = (a - &t2.row(0).insert_axis(Axis(0)))
        .dot(&(&t1 * &b.view().reversed_axes()))
        .mapv(f64::tanh)
        .dot(&b.slice(s![.., 1..]).mapv(|v| v.exp()));
    nn::relu(w).var(0.0)
        + 0.924 * c.sum()
        + (d * d).mean().unwrap()
        + 0.374 * w.sum()
        + 0.597 * t3.sum()
}

#[test]
fn test_f4() {
    let mut rng = Rng::new(200052);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let c = rand(&mut rng, (2, 4), -1.0, 1.0);
    let d = rand(&mut rng, 4, -1.0, 1.0);
    let w = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f4_grad(&a, &b, &c, &d, &w);
    common::assert_near(v, f4(&a, &b, &c, &d, &w), "value");
    assert_fd_array(|xx| f4(xx, &b, &c, &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f4(&a, xx, &c, &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f4(&a, &b, xx, &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f4(&a, &b, &c, xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f4(&a, &b, &c, &d, xx), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, 4, -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, (2, 4), -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f4_jvp(&a, &b, &c, &d, &w, &t_a, &t_b, &t_c, &t_d, &t_w);
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
        f4_hvp(&a, &b, &c, &d, &w, &t_a, &t_b, &t_c, &t_d, &t_w);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) = f4_grad(&pp_a, &pp_b, &pp_c, &pp_d, &pp_w);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) = f4_grad(&pm_a, &pm_b, &pm_c, &pm_d, &pm_w);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (4, 5, 3)
#[differentiable]
fn f5(a: &Array1<f64>, b: &Array2<f64>, c: &Array1<f64>) -> Array1<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..3 {
        t1 += c[i] * c[i + 1];
    }
    let t2: Array1<f64> = (b.dot(a) / &(c + c).mapv(|v| v * v + 1.0)) * a.sum();
    let mut t3 = Array1::<f64>::zeros(3);
    let mut t4: f64 = (t1 + 0.431).abs();
    for i in 0..b.nrows() {
        let r = b.row(i);
        t3 = &t3 * 0.7 + &nn::sigmoid(&(&r - &(a - r[1])));
        t4 += (t3.mean().unwrap()
            + nn::mse(
                &ad_runtime::ndarray::arr1(&[t4 * 2.0, t1 * -1.5, t1 * -1.5, t1 * -1.5]),
                &t2,
            ))
        .tanh();
    }
    b.mapv(f64::sin).std_axis(Axis(1), 1.0)
}

#[test]
fn test_f5() {
    let mut rng = Rng::new(200064);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f5_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &f5(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f5(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f5(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f5(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (2, 5, 4)
#[differentiable(wrt(b))]
fn f6(a: &Array1<f64>, b: Array2<f64>, c: &Array1<f64>, d: &Array2<f64>) -> f64 {
    let mut t1: f64 = 0.0;
    for i in 0..1 {
        t1 = t1 * 0.8 + c[i].sin() * c[i + 1];
    }
    let t2: Array2<f64> = (&b - &d.index_axis(Axis(0), 0)) + (d.mean().unwrap() - a[1]);
    let t3: Array2<f64> = (&ad_runtime::ndarray::concatenate(Axis(0), &[c.view(), c.view()])
        .unwrap()
        * b.index_axis(Axis(1), 3).dot(&b))
    .insert_axis(Axis(0))
        / &(nn::softplus(
            &(&c.mapv(|v| (((v * t1) * (v * t1) + 0.5).sqrt()).exp()) * 0.0994)
                .insert_axis(Axis(1)),
        ) + 0.5);
    (t3.var(1.0) - a.var(0.0)).tanh() + 0.956 * t2.sum() + 0.675 * t3.sum()
}

#[test]
fn test_f6() {
    let mut rng = Rng::new(200076);
    let a = rand(&mut rng, 10, -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let d = rand(&mut rng, (2, 4), 0.5, 1.5);
    let (v, d_b) = f6_grad(&a, b.clone(), &c, &d);
    common::assert_near(v, f6(&a, b.clone(), &c, &d), "value");
    assert_fd_array(|xx| f6(&a, xx.clone(), &c, &d), &b, &d_b, "db");
}

// dims (3, 4, 2)
#[differentiable]
fn h7(a: Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = &a
        * (&a
            * Zip::from(a.view())
                .and(a.view())
                .map_collect(|&p, &q| p * q.sin() + 0.25));
    (&t1 / 0.976_f64).mapv_into(f64::tanh) + (t1.sum())
}

#[test]
fn test_h7() {
    let mut rng = Rng::new(200088);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, d_a) = h7_vjp(a.clone(), seed.clone());
    assert_array(&y, &h7(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &h7(xx.clone())), &a, &d_a, "da");
}

// dims (3, 4, 2)
#[differentiable]
fn f7(
    a: &Array1<f64>,
    k: usize,
    b: &Array2<f64>,
    c: &Array1<f64>,
    d: Array2<f64>,
    w: &Array2<f64>,
) -> Array2<f64> {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1: Array2<f64> = Array::from_elem((3, 4), 0.25_f64)
        .mapv(f64::tanh)
        .to_shape(((3, 4), ord))
        .unwrap()
        .to_owned();
    let mut t2: Array2<f64> = (-w).to_owned();
    if (-1.23_f64) < 0.296 {
        let t3: f64 = 0.547_f64;
        t2 = &t2 * 0.416 + &d.slice(s![.., 2..]).dot(&t1.slice(s![..2, ..]));
    } else {
        t2 = &(a * &t2) - &t2;
    }
    let t4 = (w[[1, 1]] * (a[0] / (-0.765_f64).exp())).exp().ln();
    let t5 = (-&Zip::from(c.view())
        .and(c.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25))
        .mapv(|v| {
            if v > -0.531 {
                ((v * t4) * (v * t4) + 0.5).sqrt()
            } else {
                v.powi(2) - 0.5
            }
        });
    let mut t6: f64 = 0.0;
    for i in 0..t5.len() - 1 {
        let t7 = t5[i + 1] - t5[i] * t5[i];
        let t8 = 1.0 - t5[i];
        t6 += 1.96 * t7 * t7 + t8 * t8;
    }
    let t9 = t6.tanh();
    let t10: f64 = if t5[0] > 1.2 {
        (c[0].powi(2) + 0.5).ln() + c[2]
    } else {
        (t9.powi(2) + 0.5).sqrt()
    };
    let t11 = if t6 < 0.848 {
        a.mapv(|v| {
            if v > 0.0969 {
                (v * t10).sin()
            } else {
                (v * 0.77).sin()
            }
        })
        .mapv(|v| {
            if v > -0.0682 {
                (v * 1.01) * v
            } else {
                v * 0.584
            }
        })
    } else {
        (&d.slice(s![.., ..2]) / (w[[0, 0]].powi(2) + 0.5))
            .to_shape(4)
            .unwrap()
            .to_owned()
    };
    let mut t12: Array1<f64> = t5.mapv(|v| (((v * 0.656).sin()) * ((v * 0.656).sin()) + 1.0).ln());
    let mut t13: f64 = 0.0;
    for i in 0..w.nrows() {
        let r = w.row(i);
        t12 = t12 + &a.dot(&t1.view().reversed_axes()).mapv(f64::tanh);
        t13 = (t13 + t10.exp().cos()).tanh();
    }
    (&(&t5 + &t12).insert_axis(Axis(1)) * &(a - &t11).insert_axis(Axis(0))).mapv(f64::tanh)
        + ((&t11 * &t11).mean().unwrap() + t12.sum() + t13)
}

#[test]
fn test_f7() {
    let mut rng = Rng::new(200090);
    let a = rand(&mut rng, 4, -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, (2, 4), -1.0, 1.0);
    let w = rand(&mut rng, (2, 4), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (3, 4), -1.0, 1.0);
        let (y, (d_a, d_b, d_c, d_d, d_w)) = f7_vjp(&a, k, &b, &c, d.clone(), &w, seed.clone());
        assert_array(&y, &f7(&a, k, &b, &c, d.clone(), &w), "value");
        assert_fd_array(
            |xx| inner(&seed, &f7(xx, k, &b, &c, d.clone(), &w)),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| inner(&seed, &f7(&a, k, xx, &c, d.clone(), &w)),
            &b,
            &d_b,
            "db",
        );
        assert_fd_array(
            |xx| inner(&seed, &f7(&a, k, &b, xx, d.clone(), &w)),
            &c,
            &d_c,
            "dc",
        );
        assert_fd_array(
            |xx| inner(&seed, &f7(&a, k, &b, &c, xx.clone(), &w)),
            &d,
            &d_d,
            "dd",
        );
        assert_fd_array(
            |xx| inner(&seed, &f7(&a, k, &b, &c, d.clone(), xx)),
            &w,
            &d_w,
            "dw",
        );
    }
}

// dims (5, 4, 2)
#[differentiable(wrt(b))]
fn f8(a: &Array2<f64>, k: usize, b: &Array2<f64>) -> Array2<f64> {
    let ord = if k % 2 == 0 {
        Order::ColumnMajor
    } else {
        Order::RowMajor
    };
    let t1 = b
        .t()
        .map(|&v| v)
        .to_shape(((5, 4), ord))
        .unwrap()
        .into_owned();
    let t2: f64 = (nn::cross_entropy_one_hot(b, &nn::softmax(b, Axis(1)))
        - (t1.sum() + 0.459).abs().tanh())
    .tanh()
    .exp();
    let t3: f64 = (t1[[0, 0]] + 1.26_f64) * (t1.sum() / (t2 * t2 + 1.0)).tanh();
    let t4 = &nn::sigmoid(&(t1[[0, 3]] - b).dot(&a.dot(&t1.slice(s![2..4, ..]))))
        + &(-&t1.index_axis(Axis(0), 0)).insert_axis(Axis(0));
    let t5 = nn::cross_entropy_one_hot(
        &b.mapv(|v| (((v * 1.36).powi(2) - 0.5) * ((v * 1.36).powi(2) - 0.5) + 1.0).ln()),
        &nn::softmax(
            &(&(&t1.index_axis(Axis(0), 2) / t2.exp()).tanh()
                / &(nn::sigmoid(&(b * &b.row(4))) + 0.25)),
            Axis(1),
        ),
    );
    (&t1.dot(&t4.slice(s![1.., ..])) * t4.column(3).cos().insert_axis(Axis(1)))
        * (t3 + (&t4 * &t4).mean().unwrap() + t5)
}

#[test]
fn test_f8() {
    let mut rng = Rng::new(200102);
    let a = rand(&mut rng, (4, 2), 0.5, 1.5);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    for k in 0..2usize {
        let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
        let (y, d_b) = f8_vjp(&a, k, &b, seed.clone());
        assert_array(&y, &f8(&a, k, &b), "value");
        assert_fd_array(|xx| inner(&seed, &f8(&a, k, xx)), &b, &d_b, "db");
    }
}

// dims (3, 4, 5)
#[differentiable]
fn h9(a: &Array1<f64>, b: ArrayView2<f64>, c: &Array2<f64>) -> Array2<f64> {
    let t1 = a.slice(s![1..]);
    let mut t2: f64 = 0.0;
    for i in 0..1 {
        t2 += (t1[i + 1] * 0.946 - t1[i]).tanh();
    }
    nn::sigmoid(
        &b.mapv(|v| ((v * t2 + t2) * (v * t2 + t2) + 1.0).ln()).dot(
            &b.slice(s![1.., ..])
                .map(|&v| if v > -0.0893 { v * (v * 0.546) } else { v }),
        ),
    ) * ((&b * &b).mean().unwrap() + (c * c).mean().unwrap() + t2)
}

#[test]
fn test_h9() {
    let mut rng = Rng::new(200114);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (5, 4), -1.0, 1.0);
    let c = rand(&mut rng, (4, 5), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 4), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = h9_vjp(&a, b.view(), &c, seed.clone());
    assert_array(&y, &h9(&a, b.view(), &c), "value");
    assert_fd_array(|xx| inner(&seed, &h9(xx, b.view(), &c)), &a, &d_a, "da");
    let d_b: Array2<f64> = d_b;
    assert_fd_array(|xx| inner(&seed, &h9(&a, xx.view(), &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &h9(&a, b.view(), xx)), &c, &d_c, "dc");
}

// dims (3, 4, 5)
#[differentiable(wrt(s, p))]
fn f9(a: &Array2<f64>, s: f64, k: usize, p: f64, b: &Array2<f64>) -> f64 {
    let ord = if k % 2 == 0 {
        Order::RowMajor
    } else {
        Order::ColumnMajor
    };
    let t1: Array2<f64> = b.exp().to_shape(((3, 4), ord)).unwrap().to_owned();
    let t2: f64 = ((a[[0, 3]] + p).cos() + 0.472).abs();
    let t3 = t1.row(1);
    let mut t4: Array2<f64> = &a.slice(s![.., ..4]) - b[[2, 1]];
    if (t2.sin().powi(2) + 0.5).ln() < -0.469 {
        t4 = &t4 * 0.7 + &(b + t2);
    }
    let t5 = (&a.index_axis(Axis(0), 0).insert_axis(Axis(0))
        / (&(Array1::from_vec(vec![t2 * 2.0, t2 * 0.5, p * 0.5])
            / (nn::sigmoid(&t1.index_axis(Axis(1), 1)) + 0.25))
            .insert_axis(Axis(1))
            * &(Array1::from_vec(vec![t2 * 2.0, t2 * 0.5, p * 0.5])
                / (nn::sigmoid(&t1.index_axis(Axis(1), 1)) + 0.25))
                .insert_axis(Axis(1))
            + 0.5))
        .powi(2);
    p + 0.408 * s + (&t3 * &t3).mean().unwrap() + (&t4 * &t4).mean().unwrap() + 0.862 * t5.sum()
}

#[test]
fn test_f9() {
    let mut rng = Rng::new(200116);
    let a = rand(&mut rng, (3, 5), 0.5, 1.5);
    let s = 0.6564;
    let p = -1.0707;
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_s, d_p)) = f9_grad(&a, s, k, p, &b);
        common::assert_near(v, f9(&a, s, k, p, &b), "value");
        let fd_s = fd(
            |xx: &Array<f64, _>| f9(&a, xx[()], k, p, &b),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        let fd_p = fd(
            |xx: &Array<f64, _>| f9(&a, s, k, xx[()], &b),
            &Array::from_elem((), p),
        );
        common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
        let hstep = 1e-5;
        let t_s = 0.3;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let t_p = 0.5;
        let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
        let (vj, tj) = f9_jvp(&a, s, k, p, &b, t_s, t_p);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = d_s * t_s + d_p * t_p;
        let scale: f64 = (d_s * t_s).abs() + (d_p * t_p).abs();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_s, hg_p), (hh_s, hh_p)) = f9_hvp(&a, s, k, p, &b, t_s, t_p);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_s, gp_p)) = f9_grad(&a, pp_s, k, pp_p, &b);
        let (_, (gm_s, gm_p)) = f9_grad(&a, pm_s, k, pm_p, &b);
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

// dims (2, 5, 2)
#[differentiable]
fn f10(a: ArrayView2<f64>, b: &Array1<f64>, s: f64, p: f64, k: usize) -> f64 {
    let ord = match k {
        0 => Order::RowMajor,
        _ => Order::ColumnMajor,
    };
    let t1: Array2<f64> = (a.fold_axis(Axis(0), f64::NEG_INFINITY, |acc, x| acc.max(*x * 1.77))
        * &a)
        .to_shape(((2, 5), ord))
        .unwrap()
        .to_owned();
    let t2: ArrayView1<f64> = b.view();
    let mut t3: f64 = t2.sum();
    if t1.column(4).sum() < 0.584 {
        t3 = t3 * 0.573 + s;
    }
    let t4: Array2<f64> = -&a.exp().sqrt();
    let t5 = (&a.index_axis(Axis(0), 1)
        / (nn::sigmoid(&t1.fold_axis(Axis(0), f64::INFINITY, |m, x| m.min((*x - p).powi(2))))
            + 0.25))
        .dot(&t1.index_axis(Axis(0), 0));
    (p / s) + 0.244 * t3 + 0.996 * t4.sum() + 0.514 * t5
}

#[test]
fn test_f10() {
    let mut rng = Rng::new(200128);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let s = 0.9432;
    let p = -0.9779;
    for k in 0..2usize {
        let (v, (d_a, d_b, d_s, d_p)) = f10_grad(a.view(), &b, s, p, k);
        common::assert_near(v, f10(a.view(), &b, s, p, k), "value");
        let d_a: Array2<f64> = d_a;
        assert_fd_array(|xx| f10(xx.view(), &b, s, p, k), &a, &d_a, "da");
        assert_fd_array(|xx| f10(a.view(), xx, s, p, k), &b, &d_b, "db");
        let fd_s = fd(
            |xx: &Array<f64, _>| f10(a.view(), &b, xx[()], p, k),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        let fd_p = fd(
            |xx: &Array<f64, _>| f10(a.view(), &b, s, xx[()], k),
            &Array::from_elem((), p),
        );
        common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (2, 5), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, 2, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_s = 0.7;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let t_p = 0.9;
        let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
        let (vj, tj) = f10_jvp(a.view(), &b, s, p, k, t_a.view(), &t_b, t_s, t_p);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum() + d_s * t_s + d_p * t_p;
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum()
            + (&d_b * &t_b).mapv(f64::abs).sum()
            + (d_s * t_s).abs()
            + (d_p * t_p).abs();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_b, hg_s, hg_p), (hh_a, hh_b, hh_s, hh_p)) =
            f10_hvp(a.view(), &b, s, p, k, t_a.view(), &t_b, t_s, t_p);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_s, gp_p)) = f10_grad(pp_a.view(), &pp_b, pp_s, pp_p, k);
        let (_, (gm_a, gm_b, gm_s, gm_p)) = f10_grad(pm_a.view(), &pm_b, pm_s, pm_p, k);
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
    }
}

// dims (5, 2, 3)
#[differentiable]
fn h11(a: ArrayView2<f64>, b: &Array1<f64>) -> f64 {
    let t1 = (b[2] / (nn::softplus(&Array2::<f64>::eye(3)) + 0.5))
        .dot(&ad_runtime::ndarray::stack(Axis(1), &[b.view(), b.view()]).unwrap());
    let t2 = t1.t();
    let mut t3: Array1<f64> = b.exp().powf(1.5);
    if (&Array2::<f64>::eye(3).dot(&a) * &Array2::<f64>::eye(3).dot(&a)).sum() > 0.495 {
        t3 = &t3 * 0.314
            + &a.index_axis(Axis(1), 0).mapv(|v| {
                if v > 0.175 {
                    if v > -0.394 { v } else { v }
                } else {
                    v
                }
            });
    }
    ((-1.13_f64) + t1.mean().unwrap()).powi(2).tanh()
        + 0.711 * t2.sum()
        + (&t3 * &t3).mean().unwrap()
}

#[test]
fn test_h11() {
    let mut rng = Rng::new(200140);
    let a = rand(&mut rng, (3, 2), -1.0, 1.0);
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let (v, (d_a, d_b)) = h11_grad(a.view(), &b);
    common::assert_near(v, h11(a.view(), &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h11(xx.view(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| h11(a.view(), xx), &b, &d_b, "db");
}

// dims (5, 2, 3)
#[differentiable]
fn f11(a: &Array1<f64>) -> f64 {
    let t1: Array1<f64> = Zip::from(a.view())
        .and(a.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25);
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 += a[i] * a[i + 1];
    }
    let t3: f64 = t2.tanh();
    let mut t4: f64 = 0.0;
    for i in 1..a.len() {
        t4 += (a[i] - a[i - 1]).powi(2) * 1.23;
    }
    let t5 = t4.tanh();
    ((t3 + t1.sum()).tanh() + 0.42_f64.cos()) + 0.964 * t1.sum() + 0.976 * t3 + 0.274 * t5
}

#[test]
fn test_f11() {
    let mut rng = Rng::new(200142);
    let a = rand(&mut rng, 10, 0.5, 1.5);
    let (v, d_a) = f11_grad(&a);
    common::assert_near(v, f11(&a), "value");
    assert_fd_array(|xx| f11(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 10, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = f11_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = f11_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = f11_grad(&pp_a);
    let (_, gm_a) = f11_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 3, 5)
#[differentiable]
fn h12(a: &Array1<f64>) -> f64 {
    let t1 = (&a.view().insert_axis(Axis(1)) * &Array::from_elem((4, 4), 0.25_f64)).dot(&(-a));
    t1.sum() + (&t1 * &t1).mean().unwrap()
}

#[test]
fn test_h12() {
    let mut rng = Rng::new(200154);
    let a = rand(&mut rng, 4, 0.5, 1.5);
    let (v, d_a) = h12_grad(&a);
    common::assert_near(v, h12(&a), "value");
    assert_fd_array(|xx| h12(xx), &a, &d_a, "da");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 4, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let (vj, tj) = h12_jvp(&a, &t_a);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, hg_a, hh_a) = h12_hvp(&a, &t_a);
    common::assert_near(hv, v, "value of _hvp");
    let (_, gp_a) = h12_grad(&pp_a);
    let (_, gm_a) = h12_grad(&pm_a);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
}

// dims (4, 3, 5)
#[differentiable]
fn f12(a: &Array2<f64>, b: &Array2<f64>, c: &Array1<f64>, d: Array1<f64>, k: usize) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = b
        .slice(s![1.., ..])
        .to_shape(((4, 3), ord))
        .unwrap()
        .to_owned();
    let t2 = t1.t();
    let t3: f64 = (-0.968_f64) * (0.9_f64.ln() - t2.mean().unwrap());
    let t4: Array2<f64> = &(&(&t2 - &t2.mean_axis(Axis(0)).unwrap())
        - b.slice(s![1.., ..]).std(0.0))
        + (&(-&t2) - b.index_axis(Axis(1), 1).var(0.0));
    let t5: f64 = h12(
        &(t1.map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
            / a.index_axis(Axis(1), 0).exp())
        .mapv(|v| v * v + 1.0),
    );
    let t6: f64 = t5.tanh();
    let t7 = b.index_axis(Axis(0), 4);
    let t8 = &c
        .mapv(|v| (v * 0.347).powi(2) - 0.5)
        .mapv(|v| ((v * v + 1.0).ln()).powi(2) - 0.5)
        .dot(&Array::from_elem((5, 4), 0.5_f64).dot(&(a - &t7)))
        * 0.0222;
    t7[0].sin().tanh()
        + (&d * &d).mean().unwrap()
        + 0.936 * t3
        + (&t4 * &t4).mean().unwrap()
        + 0.655 * t5
        + 0.483 * t6
        + 0.657 * t8.sum()
}

#[test]
fn test_f12() {
    let mut rng = Rng::new(200156);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, 5, 0.5, 1.5);
    let d = rand(&mut rng, 12, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_b, d_c, d_d)) = f12_grad(&a, &b, &c, d.clone(), k);
        common::assert_near(v, f12(&a, &b, &c, d.clone(), k), "value");
        assert_fd_array(|xx| f12(xx, &b, &c, d.clone(), k), &a, &d_a, "da");
        assert_fd_array(|xx| f12(&a, xx, &c, d.clone(), k), &b, &d_b, "db");
        assert_fd_array(|xx| f12(&a, &b, xx, d.clone(), k), &c, &d_c, "dc");
        assert_fd_array(|xx| f12(&a, &b, &c, xx.clone(), k), &d, &d_d, "dd");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_b = rand(&mut rng, (5, 3), -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let t_c = rand(&mut rng, 5, -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let t_d = rand(&mut rng, 12, -1.0, 1.0);
        let pp_d = &d + &(&t_d * hstep);
        let pm_d = &d - &(&t_d * hstep);
        let (vj, tj) = f12_jvp(&a, &b, &c, d.clone(), k, &t_a, &t_b, &t_c, t_d.clone());
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
            f12_hvp(&a, &b, &c, d.clone(), k, &t_a, &t_b, &t_c, t_d.clone());
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_b, gp_c, gp_d)) = f12_grad(&pp_a, &pp_b, &pp_c, pp_d.clone(), k);
        let (_, (gm_a, gm_b, gm_c, gm_d)) = f12_grad(&pm_a, &pm_b, &pm_c, pm_d.clone(), k);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
        assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    }
}

// dims (2, 5, 3)
#[differentiable]
fn f13(a: &Array1<f64>, b: &Array1<f64>, c: &Array2<f64>, s: f64, d: &Array2<f64>) -> Array2<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t1 += b[i] * b[i + 1];
    }
    let t2 = if ((a.mean().unwrap() * a.mean().unwrap() + 1.0).ln()
        / (d.mean().unwrap() * d.mean().unwrap()).exp())
        > -0.0506
    {
        &c.dot(&Array::from_elem((5, 5), 0.5_f64))
            / ((b[0] + 0.443).abs() * (b[0] + 0.443).abs() + 1.0)
    } else {
        nn::sigmoid(&c.dot(&c.view().reversed_axes()).dot(
            &(ad_runtime::ndarray::arr1(&[s * 0.5, s * 0.5, s * -1.5]).insert_axis(Axis(1))
                + b.view().insert_axis(Axis(0))),
        ))
    };
    let t3: ArrayView1<f64> = t2.index_axis(Axis(0), 2);
    let t4 = t3.view();
    let mut t5: f64 = 0.0;
    for i in 1..a.len() {
        t5 += (a[i] - a[i - 1]).powi(2) * 0.817;
    }
    (&t2.map(|&v| if v > -0.306 { v.exp() } else { v * 0.817 })
        .mapv(f64::tanh)
        - (t5 - (-1.38_f64)))
        + (t1 + (&t4 * &t4).mean().unwrap() + t5)
}

#[test]
fn test_f13() {
    let mut rng = Rng::new(200168);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let s = -1.1029;
    let d = rand(&mut rng, (3, 5), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_s, d_d)) = f13_vjp(&a, &b, &c, s, &d, seed.clone());
    assert_array(&y, &f13(&a, &b, &c, s, &d), "value");
    assert_fd_array(|xx| inner(&seed, &f13(xx, &b, &c, s, &d)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f13(&a, xx, &c, s, &d)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f13(&a, &b, xx, s, &d)), &c, &d_c, "dc");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f13(&a, &b, &c, xx[()], &d)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f13(&a, &b, &c, s, xx)), &d, &d_d, "dd");
}

// dims (4, 5, 3)
#[differentiable]
fn f14(a: &Array2<f64>, b: Array1<f64>) -> Array1<f64> {
    let t1: ArrayView1<f64> = b.view();
    let mut t2: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t2 = t2 * 0.8 + b[i].sin() * b[i + 1];
    }
    let t3: ArrayView2<f64> = a.view();
    let t4: f64 = if t2.sin().tanh() < 0.102 {
        t3.mean().unwrap()
    } else {
        nn::cross_entropy_one_hot(
            &Array::from_elem((4, 5), 1.5_f64),
            &nn::softmax(&Array::from_elem((4, 5), 1.5_f64), Axis(1)),
        ) + t3[[1, 1]]
    };
    let t5 = if t2.powi(2).tanh() > 0.11 {
        -(&t1 - &b)
    } else {
        -&nn::logsumexp(&a.slice(s![.., ..4]), Axis(0))
    };
    let mut t6: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t6 += (b[i + 1] * 1.37 - b[i]).tanh();
    }
    (&(&(&t5 / (nn::softplus(&t1) + 0.5)) * &(&t5 - t4)) * 0.037)
        * (t4 + (&t5 * &t5).mean().unwrap() + t6)
}

#[test]
fn test_f14() {
    let mut rng = Rng::new(200180);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b)) = f14_vjp(&a, b.clone(), seed.clone());
    assert_array(&y, &f14(&a, b.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f14(xx, b.clone())), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f14(&a, xx.clone())), &b, &d_b, "db");
}

// dims (4, 3, 2)
#[differentiable]
fn f15(a: Array1<f64>, b: Array2<f64>) -> Array1<f64> {
    let t1: Array2<f64> =
        &nn::logsumexp(&b, Axis(1)).insert_axis(Axis(1)) * &(&a * &a).insert_axis(Axis(0));
    let t2 = a.slice(s![1..]);
    let t3: Array1<f64> = if a[2] > -0.107 {
        (&a + &a).dot(&ad_runtime::ndarray::stack(Axis(1), &[a.view(), a.view()]).unwrap())
    } else {
        &(&b.slice(s![2.., ..]) + 0.683_f64).dot(&nn::log_softmax(&a, Axis(0))) * 0.099
    };
    let mut t4: Array1<f64> = Zip::from(t2.view())
        .and(t3.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25);
    let mut t5: f64 = t4[0] * t3.mean().unwrap();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t6 = r.mapv(|v| (v.powi(2) - 0.5).tanh());
        let t7: Array1<f64> = t6.map(|&v| {
            if v > 0.459 {
                (v * v + 0.5).sqrt()
            } else {
                v * v
            }
        });
        t4 = &b.slice(s![..2, ..2]).sum_axis(Axis(1))
            * (&b.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25)
                * &b.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25))
                .sum()
                .tanh()
            + t4;
        t5 = (t5
            + ((nn::cross_entropy_one_hot(&b, &nn::softmax(&b, Axis(1)))
                * nn::cross_entropy_one_hot(&b, &nn::softmax(&b, Axis(1)))
                + 1.0)
                .sqrt()
                + t7.mean().unwrap())
            .tanh())
        .tanh();
    }
    let mut t8: Array1<f64> = b.view().reversed_axes().std_axis(Axis(1), 1.0).to_owned();
    let mut t9: f64 = t1.index_axis(Axis(0), 1).var(1.0);
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t8 = &(&r * &nn::logsumexp(&b.t(), Axis(1))).mapv(f64::tanh)
            * a.mean().unwrap().exp().tanh()
            + t8;
        t9 += (t9 - t9).tanh().exp();
    }
    let t10 = t9.tanh();
    let t11 = ((a[1] * t5)
        / (((-0.997_f64).powi(2) + 0.5).ln() * ((-0.997_f64).powi(2) + 0.5).ln() + 1.0))
        .cos();
    let mut t12: Array1<f64> = t8
        .mapv(|v| ((v * v + 1.0).ln()).powi(2) - 0.5)
        .mapv(f64::tanh)
        .to_owned();
    let mut t13: f64 = t9;
    for i in 0..b.nrows() {
        let r = b.row(i);
        let t14: Array1<f64> = nn::softplus(&t8);
        t12 = &t12 * 0.7 + &nn::sigmoid(&(&a.dot(&b.slice(s![1.., ..])) - t14));
        t13 = (t13
            + (Array1::from_vec(vec![t5 * 0.5, t10 * -1.5]).var(0.0)
                * Array1::from_vec(vec![t5 * 0.5, t10 * -1.5]).var(0.0)
                + 1.0)
                .ln()
                .tanh())
        .tanh();
    }
    b.slice(s![..2, 1..])
        .abs()
        .fold_axis(Axis(0), f64::INFINITY, |&m, &v| m.min(v * -0.626))
        + (t11 + (&t12 * &t12).mean().unwrap() + t13)
}

#[test]
fn test_f15() {
    let mut rng = Rng::new(200192);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b)) = f15_vjp(a.clone(), b.clone(), seed.clone());
    assert_array(&y, &f15(a.clone(), b.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f15(xx.clone(), b.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f15(a.clone(), xx.clone())),
        &b,
        &d_b,
        "db",
    );
}

// dims (4, 5, 3)
#[differentiable]
fn h16(a: &Array1<f64>, s: f64) -> Array1<f64> {
    let t1 = -1.14_f64;
    let t2: f64 = (-1.31_f64) / (a.mean().unwrap().powi(2) + 0.5).sqrt();
    let mut t3: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t3 += a[i] * a[i + 1];
    }
    let t4: f64 = t3.tanh();
    Array::from_elem((4, 5), 0.5_f64)
        .ln()
        .to_shape((20, Order::F))
        .unwrap()
        .into_owned()
        + (s + t1 + t2 + t4)
}

#[test]
fn test_h16() {
    let mut rng = Rng::new(200204);
    let a = rand(&mut rng, 20, -1.0, 1.0);
    let s = -0.3467;
    let seed = rand(&mut rng, 20, -1.0, 1.0);
    let (y, (d_a, d_s)) = h16_vjp(&a, s, seed.clone());
    assert_array(&y, &h16(&a, s), "value");
    assert_fd_array(|xx| inner(&seed, &h16(xx, s)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &h16(&a, xx[()])),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
}

// dims (4, 5, 3)
#[differentiable]
fn f16(a: &Array2<f64>, b: &Array2<f64>, c: Array1<f64>, d: &Array2<f64>, w: Array1<f64>) -> f64 {
    let mut t1: Array1<f64> = &w
        * Zip::from(w.view())
            .and(w.view())
            .map_collect(|&p, &q| p * q.sin() + 0.25);
    if 0.519_f64.exp() > 0.724 {
        let t2 = w.std(1.0);
        t1 = &t1 * 0.853 + &nn::softmax(&t1, Axis(0));
    } else {
        t1 = &t1 - &t1;
    }
    let t3 = h16(
        &Array1::<f64>::linspace(-0.5, 0.5, 20),
        0.621_f64 - 1.44_f64,
    );
    let t4 = t3.mapv(f64::tanh);
    let t5 = ((1.44_f64 + 0.36).abs() * (1.44_f64 + 0.36).abs() + 1.0).sqrt();
    let mut t6: Array1<f64> = &t3 * 0.01;
    if (0.585_f64.cos() + 0.299).abs() > 0.593 {
        let t7 = b.mean().unwrap();
        t6 = &t6 * 0.522
            + &nn::softplus(
                &Zip::from(t6.view())
                    .and(t6.view())
                    .map_collect(|&p, &q| p * q.sin() + 0.25),
            )
            .tanh();
    } else {
        t6 = &(&t4
            / Array1::from_vec(vec![
                t5 * 0.5,
                t5 * -1.5,
                t5 * 0.5,
                t5 * -1.5,
                t5 * 0.5,
                t5 * 0.5,
                t5 * 2.0,
                t5 * -1.5,
                t5 * -1.5,
                t5 * -1.5,
                t5 * 2.0,
                t5 * -1.5,
                t5 * -1.5,
                t5 * 0.5,
                t5 * 0.5,
                t5 * -1.5,
                t5 * -1.5,
                t5 * 2.0,
                t5 * 2.0,
                t5 * 0.5,
            ])
            .mapv(|v| v * v + 1.0))
            - &t6;
    }
    let mut t8: Array1<f64> = w.clone();
    let mut t9: f64 = a.sum();
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t10: Array1<f64> = nn::sigmoid(&(&r + t9));
        t8 = (&t8 + &Array::from_elem((5, 3), 0.5_f64).dot(&t10)).mapv(f64::tanh);
        t9 = (t9 + (t1.mean().unwrap() / t5)).tanh();
    }
    let t11 = h16(
        &Array::from_elem((20, 3), 0.5_f64)
            .fold_axis(Axis(1), f64::INFINITY, |&m, &v| m.min(v * -1.12)),
        t5.sqrt(),
    );
    let t12: Array1<f64> = t11.mapv(f64::tanh);
    let mut t13: f64 = 0.0;
    for i in 0..w.len() - 1 {
        let t14 = w[i + 1] - w[i] * w[i];
        let t15 = 1.0 - w[i];
        t13 += 2.29 * t14 * t14 + t15 * t15;
    }
    let t16 = t13.tanh();
    (&Array1::from_vec(vec![
        t13 * 2.0,
        t5 * -1.5,
        t5 * -1.5,
        t13 * 2.0,
        t9 * 0.5,
        t13 * 0.5,
        t16 * 2.0,
        t16 * 0.5,
        t5 * 2.0,
        t5 * 2.0,
        t13 * 2.0,
        t5 * 2.0,
        t9 * 2.0,
        t13 * -1.5,
        t9 * 0.5,
        t5 * 2.0,
        t13 * -1.5,
        t16 * -1.5,
        t16 * -1.5,
        t9 * -1.5,
    ])
    .mapv(f64::tanh)
    .mapv(f64::sin)
        * &Array1::from_vec(vec![
            t13 * 2.0,
            t5 * -1.5,
            t5 * -1.5,
            t13 * 2.0,
            t9 * 0.5,
            t13 * 0.5,
            t16 * 2.0,
            t16 * 0.5,
            t5 * 2.0,
            t5 * 2.0,
            t13 * 2.0,
            t5 * 2.0,
            t9 * 2.0,
            t13 * -1.5,
            t9 * 0.5,
            t5 * 2.0,
            t13 * -1.5,
            t16 * -1.5,
            t16 * -1.5,
            t9 * -1.5,
        ])
        .mapv(f64::tanh)
        .mapv(f64::sin))
        .sum()
        + 0.771 * c.sum()
        + (d * d).mean().unwrap()
        + 0.501 * t8.sum()
        + 0.607 * t11.sum()
        + (&t12 * &t12).mean().unwrap()
        + 0.322 * t16
}

#[test]
fn test_f16() {
    let mut rng = Rng::new(200206);
    let a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let b = rand(&mut rng, (4, 3), 0.5, 1.5);
    let c = rand(&mut rng, 3, -1.0, 1.0);
    let d = rand(&mut rng, (4, 5), -1.0, 1.0);
    let w = rand(&mut rng, 5, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f16_grad(&a, &b, c.clone(), &d, w.clone());
    common::assert_near(v, f16(&a, &b, c.clone(), &d, w.clone()), "value");
    assert_fd_array(|xx| f16(xx, &b, c.clone(), &d, w.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f16(&a, xx, c.clone(), &d, w.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f16(&a, &b, xx.clone(), &d, w.clone()), &c, &d_c, "dc");
    assert_fd_array(|xx| f16(&a, &b, c.clone(), xx, w.clone()), &d, &d_d, "dd");
    assert_fd_array(|xx| f16(&a, &b, c.clone(), &d, xx.clone()), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 3, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (4, 5), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, 5, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f16_jvp(
        &a,
        &b,
        c.clone(),
        &d,
        w.clone(),
        &t_a,
        &t_b,
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
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f16_hvp(
        &a,
        &b,
        c.clone(),
        &d,
        w.clone(),
        &t_a,
        &t_b,
        t_c.clone(),
        &t_d,
        t_w.clone(),
    );
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) =
        f16_grad(&pp_a, &pp_b, pp_c.clone(), &pp_d, pp_w.clone());
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) =
        f16_grad(&pm_a, &pm_b, pm_c.clone(), &pm_d, pm_w.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (3, 2, 4)
#[differentiable]
fn h17(a: Array1<f64>, b: &Array2<f64>) -> Array2<f64> {
    let t1: ArrayView1<f64> = a.slice(s![1..]);
    let t2 = (&b.t() + &a).to_shape((3, 4)).unwrap().into_owned();
    (&nn::softplus(b) + 1.07_f64) + ((&t1 * &t1).mean().unwrap() + (&t2 * &t2).mean().unwrap())
}

#[test]
fn test_h17() {
    let mut rng = Rng::new(200218);
    let a = rand(&mut rng, 3, -1.0, 1.0);
    let b = rand(&mut rng, (3, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (y, (d_a, d_b)) = h17_vjp(a.clone(), &b, seed.clone());
    assert_array(&y, &h17(a.clone(), &b), "value");
    assert_fd_array(|xx| inner(&seed, &h17(xx.clone(), &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &h17(a.clone(), xx)), &b, &d_b, "db");
}

// dims (3, 2, 4)
#[differentiable]
fn f17(a: ArrayView2<f64>, b: &Array2<f64>) -> f64 {
    let mut t1: Array2<f64> = &a.mean_axis(Axis(0)).unwrap().insert_axis(Axis(1)) - b;
    if (((-1.16_f64) / 0.632_f64) + 1.46_f64) > -1.29 {
        let t2 = a[[1, 0]];
        t1 = &t1 * 0.338 + &nn::sigmoid(&(&b.std_axis(Axis(1), 1.0).insert_axis(Axis(1)) + &t1));
    } else {
        t1 = &(&(&t1 * &t1 + 0.5).powf(2.5) * 0.0466) - &t1;
    }
    let t3: Array2<f64> = h17(
        a.var_axis(Axis(1), 1.0),
        &(&a.index_axis(Axis(0), 1) / a.exp()),
    );
    let t4: Array2<f64> = t3.mapv(f64::tanh);
    let t5: Array2<f64> = h17(
        t4.t()
            .fold_axis(Axis(0), f64::NEG_INFINITY, |m, v| m.max(*v))
            .to_owned(),
        &(&t4 * &b.column(1).insert_axis(Axis(0))),
    );
    let t6: Array2<f64> = t5.mapv(f64::tanh);
    let t7 = b.t();
    let t8 = h17(
        (&t5.fold_axis(Axis(1), f64::INFINITY, |m, x| m.min(*x)) * 0.01)
            .dot(&t4.slice(s![.., 1..]))
            .to_owned(),
        &t3.tanh().exp(),
    );
    let t9: Array2<f64> = t8.mapv(f64::tanh);
    let mut t10: Array2<f64> = (nn::sigmoid(&t3) / &t6.exp()).to_owned();
    if ((t1[[2, 0]] + t3.mean().unwrap()).tanh() - (a.mean().unwrap() + 0.813_f64)) < -1.27 {
        let t11 = t8.mean().unwrap();
        t10 = &t10 * 0.665
            + &(t9.std_axis(Axis(0), 1.0).insert_axis(Axis(0))
                / (&t3.index_axis(Axis(1), 3).tanh().insert_axis(Axis(1))
                    * &t3.index_axis(Axis(1), 3).tanh().insert_axis(Axis(1))
                    + 0.5))
                .tanh();
    } else {
        t10 = &(&t9 - &t5.row(0).mapv(f64::tanh)) - &t10;
    }
    ((0.64_f64 + t1[[1, 0]])
        / (nn::cross_entropy_one_hot(
            &t4.slice(s![.., ..2]),
            &nn::softmax(&t6.slice(s![.., 2..]), Axis(1)),
        ) * nn::cross_entropy_one_hot(
            &t4.slice(s![.., ..2]),
            &nn::softmax(&t6.slice(s![.., 2..]), Axis(1)),
        ) + 1.0))
        + (&t7 * &t7).mean().unwrap()
        + 0.44 * t10.sum()
}

#[test]
fn test_f17() {
    let mut rng = Rng::new(200220);
    let a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, (d_a, d_b)) = f17_grad(a.view(), &b);
    common::assert_near(v, f17(a.view(), &b), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f17(xx.view(), &b), &a, &d_a, "da");
    assert_fd_array(|xx| f17(a.view(), xx), &b, &d_b, "db");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 4), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (4, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let (vj, tj) = f17_jvp(a.view(), &b, t_a.view(), &t_b);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + (&d_b * &t_b).sum();
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_b * &t_b).mapv(f64::abs).sum();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_b), (hh_a, hh_b)) = f17_hvp(a.view(), &b, t_a.view(), &t_b);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b)) = f17_grad(pp_a.view(), &pp_b);
    let (_, (gm_a, gm_b)) = f17_grad(pm_a.view(), &pm_b);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
}

// dims (3, 5, 3)
#[differentiable]
fn h18(a: Array2<f64>, b: Array1<f64>) -> Array2<f64> {
    let t1: Array1<f64> = nn::softplus(&b.map(|&v| (if v > -0.291 { v } else { v }).sin()));
    (&a + a[[3, 2]]).map(|&v| (v * v + 0.5).sqrt()) + (a.sum() + t1.sum())
}

#[test]
fn test_h18() {
    let mut rng = Rng::new(200232);
    let a = rand(&mut rng, (5, 3), 0.5, 1.5);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let seed = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (y, (d_a, d_b)) = h18_vjp(a.clone(), b.clone(), seed.clone());
    assert_array(&y, &h18(a.clone(), b.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &h18(xx.clone(), b.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &h18(a.clone(), xx.clone())),
        &b,
        &d_b,
        "db",
    );
}

// dims (3, 5, 3)
#[differentiable]
fn f18(a: &Array2<f64>, b: &Array1<f64>, c: Array2<f64>, d: &Array2<f64>) -> Array2<f64> {
    let t1 = &nn::softplus(&a.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5))
        .dot(&d.t())
        / d.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| x.min(acc))
            .mapv(|v| v)
            .mapv(|v| v * v + 1.0);
    let mut t2: Array1<f64> = (&a.mean_axis(Axis(1)).unwrap()
        - d.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5))
    .to_owned();
    if (-1.35_f64).exp() < 0.054 {
        let t3: f64 = 1.34_f64.cos();
        t2 = &t2 * 0.531 + &(&t2 + &a.column(1)).mapv(f64::tanh);
    } else {
        t2 = &nn::sigmoid(&(&t2 + &t2)) - &t2;
    }
    let t4 = t1.view();
    let mut t5: Array2<f64> = a.mapv(|v| v);
    if 1.13_f64 > -0.481 {
        let t6 = 0.606_f64.ln();
        t5 = &t5 * 0.896 + &a.mapv(|v| (if v > -0.302 { v * t6 } else { v * t6 }) * t6 + t6);
    } else {
        t5 = a - &t5;
    }
    let t7: f64 = (&(b - &t1) * &(b - &t1)).sum();
    (d.dot(a) * &c.view().reversed_axes()) * (c.sum() + t4.sum() + (&t5 * &t5).mean().unwrap() + t7)
}

#[test]
fn test_f18() {
    let mut rng = Rng::new(200234);
    let a = rand(&mut rng, (3, 3), -1.0, 1.0);
    let b = rand(&mut rng, 5, -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let d = rand(&mut rng, (5, 3), -1.0, 1.0);
    let seed = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d)) = f18_vjp(&a, &b, c.clone(), &d, seed.clone());
    assert_array(&y, &f18(&a, &b, c.clone(), &d), "value");
    assert_fd_array(
        |xx| inner(&seed, &f18(xx, &b, c.clone(), &d)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f18(&a, xx, c.clone(), &d)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f18(&a, &b, xx.clone(), &d)),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f18(&a, &b, c.clone(), xx)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (4, 2, 3)
#[differentiable]
fn f19(a: ArrayView2<f64>, b: &Array1<f64>, c: Array1<f64>) -> f64 {
    let t1 = Array1::<f64>::ones(2)
        .mapv_into(|v| if v > -0.335 { v } else { v })
        .mapv_into(f64::tanh);
    let mut t2: Array1<f64> = nn::log_softmax(&a.row(3), Axis(0));
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = t3.tanh();
        let t5: Array1<f64> = t2.map(|&v| (((v * t4) * (v * t4) + 0.5).sqrt()).tanh().exp());
        t2 = &t2 + &nn::sigmoid(&((&r + (&r * &t2)) + &t5));
        t3 += t3;
    }
    let t6 = (b[2] / (nn::softplus(&t1) + 0.5)).exp();
    let t7 = t1.view();
    let t8 = (a[[3, 2]] * t3) - a.mapv(|v| (((v * t3) * (v * t3) + 1.0).ln()).exp());
    let t9 = t8.column(2);
    let t10 = t8.mapv(|v| ((v * t3).exp()) * ((v * t3).sin())) / (0.718_f64.exp().powi(2) + 0.5);
    ((t3 + 0.489).abs().powi(2) + 0.5).ln()
        + (&c * &c).mean().unwrap()
        + (&t6 * &t6).mean().unwrap()
        + (&t7 * &t7).mean().unwrap()
        + 0.916 * t9.sum()
        + (&t10 * &t10).mean().unwrap()
}

#[test]
fn test_f19() {
    let mut rng = Rng::new(200246);
    let a = rand(&mut rng, (4, 3), 0.5, 1.5);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, 8, -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f19_grad(a.view(), &b, c.clone());
    common::assert_near(v, f19(a.view(), &b, c.clone()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| f19(xx.view(), &b, c.clone()), &a, &d_a, "da");
    assert_fd_array(|xx| f19(a.view(), xx, c.clone()), &b, &d_b, "db");
    assert_fd_array(|xx| f19(a.view(), &b, xx.clone()), &c, &d_c, "dc");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (4, 3), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, 4, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 8, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let (vj, tj) = f19_jvp(a.view(), &b, c.clone(), t_a.view(), &t_b, t_c.clone());
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
        f19_hvp(a.view(), &b, c.clone(), t_a.view(), &t_b, t_c.clone());
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_b, gp_c)) = f19_grad(pp_a.view(), &pp_b, pp_c.clone());
    let (_, (gm_a, gm_b, gm_c)) = f19_grad(pm_a.view(), &pm_b, pm_c.clone());
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
}

// dims (2, 3, 4)
#[differentiable]
fn f20(a: Array1<f64>, b: &Array1<f64>, c: &Array2<f64>) -> f64 {
    let t1: ArrayView1<f64> = c.index_axis(Axis(0), 2);
    let mut t2: Array1<f64> = &t1 / &t1.mapv(|v| v * v + 1.0);
    let mut t3: f64 = t2[1];
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t4: f64 = a.mean().unwrap();
        t2 = &t1 * c.var(1.0).tanh() + t2;
        t3 += a[3] + t4;
    }
    let t5 = &(nn::logsumexp(&c.view().reversed_axes(), Axis(1)) / &(&t2.abs() * &t2.abs() + 0.5))
        - &(-c.mean_axis(Axis(0)).unwrap()).mapv(|v| v);
    let t6 = if a.mapv(f64::cos).var(1.0) < 0.592 {
        (Array::from_elem((6, 3), 1.5_f64) + a.sum()).fold_axis(
            Axis(1),
            f64::INFINITY,
            |&acc, &x| x.min(acc),
        )
    } else {
        nn::sigmoid(
            &(&(Array1::from_vec(vec![
                t3 * -1.5,
                t3 * -1.5,
                t3 * 0.5,
                t3 * 2.0,
                t3 * 2.0,
                t3 * -1.5,
            ])
            .mapv(f64::tanh)
                - t3)
                * t2[1]),
        )
    };
    let t7 = a.slice(s![1..]);
    let mut t8: Array1<f64> = (t3 / t5.mapv(|v| v * v + 1.0)).to_owned();
    let mut t9: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t10 = (i as f64 * 0.3) * t3;
        t8 = t8 + &r;
        t9 += t10.tanh();
    }
    let t11 = b.slice(s![1..]);
    (-0.758_f64).cos()
        + 0.204 * t6.sum()
        + (&t7 * &t7).mean().unwrap()
        + 0.693 * t8.sum()
        + 0.317 * t9
        + 0.361 * t11.sum()
}

#[test]
fn test_f20() {
    let mut rng = Rng::new(200258);
    let a = rand(&mut rng, 6, -1.0, 1.0);
    let b = rand(&mut rng, 3, 0.5, 1.5);
    let c = rand(&mut rng, (3, 4), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f20_grad(a.clone(), &b, &c);
    common::assert_near(v, f20(a.clone(), &b, &c), "value");
    assert_fd_array(|xx| f20(xx.clone(), &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f20(a.clone(), xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f20(a.clone(), &b, xx), &c, &d_c, "dc");
}

// dims (4, 5, 3)
#[differentiable]
fn f21(a: Array2<f64>, s: f64) -> f64 {
    let t1: Array2<f64> = a.map(|&v| (v * s).tanh());
    let mut t2: Array1<f64> = Array1::<f64>::zeros(5);
    let mut t3: f64 = 0.0;
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        t2 = &(&r + &t1.row(0).mapv(|v| v.tanh())) * (r.mean().unwrap() + r[2]).tanh() + t2;
        t3 = (t3 + a.sum().tanh()).tanh();
    }
    let t4 = t1.view();
    t1.sum() + 0.85 * t2.sum() + 0.239 * t3 + 0.772 * t4.sum()
}

#[test]
fn test_f21() {
    let mut rng = Rng::new(200270);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let s = -0.9116;
    let (v, (d_a, d_s)) = f21_grad(a.clone(), s);
    common::assert_near(v, f21(a.clone(), s), "value");
    assert_fd_array(|xx| f21(xx.clone(), s), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f21(a.clone(), xx[()]),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let (vj, tj) = f21_jvp(a.clone(), s, t_a.clone(), t_s);
    common::assert_near(vj, v, "value of _jvp");
    let want: f64 = (&d_a * &t_a).sum() + d_s * t_s;
    let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (d_s * t_s).abs();
    assert!(
        (tj - want).abs() <= 1e-9 * scale.max(1.0),
        "jvp {tj} vs gradient . tangent {want}"
    );
    let (hv, (hg_a, hg_s), (hh_a, hh_s)) = f21_hvp(a.clone(), s, t_a.clone(), t_s);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s)) = f21_grad(pp_a.clone(), pp_s);
    let (_, (gm_a, gm_s)) = f21_grad(pm_a.clone(), pm_s);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(
        &Array::from_elem((), hh_s),
        &Array::from_elem((), gp_s),
        &Array::from_elem((), gm_s),
        hstep,
        "H t s",
    );
}

// dims (4, 3, 4)
#[differentiable]
fn f22(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> =
        (&b.index_axis(Axis(1), 0) * (a[[3, 1]] * a[[1, 2]])).insert_axis(Axis(1)) - &b.t();
    let t2: ArrayView2<f64> = t1.view();
    let t3: f64 = (nn::cross_entropy_one_hot(
        &a.slice(s![.., ..3]),
        &nn::softmax(&b.slice(s![.., 1..]), Axis(1)),
    ) - (&c.index_axis(Axis(0), 1) * &t1.row(2)))
        .dot(&nn::logsumexp(&(b + 0.577_f64), Axis(1)));
    let t4: ArrayView1<f64> = c.index_axis(Axis(1), 2);
    let t5: Array2<f64> = (a[[0, 3]] / c.mapv(|v| ((v * v + 1.0).ln()) * (v.sin())).exp())
        / (((t3 * t3 + 1.0).ln() * t4.mean().unwrap().tanh())
            * ((t3 * t3 + 1.0).ln() * t4.mean().unwrap().tanh())
            + 1.0);
    let t6: Array1<f64> = if t1.t().abs().sum() > 0.692 {
        &ad_runtime::ndarray::arr1(&[t3 * 0.5, t3 * 2.0, t3 * -1.5]).tanh()
            - nn::log_softmax(
                &Array1::from_vec(vec![t3 * -1.5, t3 * 0.5, t3 * -1.5]).mapv(f64::tanh),
                Axis(0),
            )
    } else {
        nn::softmax(
            &nn::sigmoid(&ad_runtime::ndarray::arr1(&[t3 * 2.0, t3 * 0.5, t3 * 2.0])),
            Axis(0),
        )
        .mapv(|v| ((v * v + 1.0).ln()).exp())
    };
    let t7 = t5.t().mapv(f64::tanh).exp().tanh();
    (t2.mean().unwrap().cos() * &t1.mapv(|v| v.tanh()))
        * ((&t2 * &t2).mean().unwrap() + (&t6 * &t6).mean().unwrap() + t7.sum())
}

#[test]
fn test_f22() {
    let mut rng = Rng::new(200282);
    let a = rand(&mut rng, (4, 4), -1.0, 1.0);
    let b = rand(&mut rng, (4, 4), -1.0, 1.0);
    let c = rand(&mut rng, (4, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (4, 4), -1.0, 1.0);
    let (y, (d_a, d_b, d_c)) = f22_vjp(&a, &b, &c, seed.clone());
    assert_array(&y, &f22(&a, &b, &c), "value");
    assert_fd_array(|xx| inner(&seed, &f22(xx, &b, &c)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f22(&a, xx, &c)), &b, &d_b, "db");
    assert_fd_array(|xx| inner(&seed, &f22(&a, &b, xx)), &c, &d_c, "dc");
}

// dims (5, 2, 4)
#[differentiable(wrt(a, b))]
fn f23(a: &Array1<f64>, s: f64, p: f64, b: &Array1<f64>) -> Array1<f64> {
    let mut t1: f64 = 0.0;
    for i in 0..1 {
        t1 = t1 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t2: Array1<f64> = (b + b).mapv(|v| (((v * 0.4).exp()) * ((v * 0.4).exp()) + 0.5).sqrt());
    let mut t3: f64 = 0.0;
    for i in 0..1 {
        let t4 = b[i + 1] - b[i] * b[i];
        let t5 = 1.0 - b[i];
        t3 += 0.706 * t4 * t4 + t5 * t5;
    }
    let t6: f64 = t3.tanh();
    let t7 = b.view();
    t7.mapv(|v| ((v * 1.39).sin()).exp())
        .mapv_into(|v| v * 0.669)
        * (t1 + (&t2 * &t2).mean().unwrap() + t6 + t7.sum())
}

#[test]
fn test_f23() {
    let mut rng = Rng::new(200294);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let s = 0.9100;
    let p = 0.6883;
    let b = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, (d_a, d_b)) = f23_vjp(&a, s, p, &b, seed.clone());
    assert_array(&y, &f23(&a, s, p, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f23(xx, s, p, &b)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f23(&a, s, p, xx)), &b, &d_b, "db");
}

// dims (5, 4, 2)
#[differentiable]
fn f24(a: &Array1<f64>, b: Array1<f64>, s: f64, p: f64, c: &Array2<f64>) -> f64 {
    let t1: f64 = ad_runtime::ndarray::stack(
        Axis(1),
        &[
            ad_runtime::ndarray::concatenate(Axis(0), &[b.view(), c.index_axis(Axis(0), 2)])
                .unwrap()
                .view(),
            c.index_axis(Axis(1), 1),
        ],
    )
    .unwrap()
    .var(0.0);
    let t2 = (s.cos().exp() + 0.423).abs();
    let mut t3: Array1<f64> = &c.index_axis(Axis(0), 1) * &b;
    let mut t4: f64 = 0.0;
    for i in 0..c.nrows() {
        let r = c.row(i);
        t3 = &r * (t3.sum() - t2).tanh() + t3;
        t4 += p.tanh() * p;
    }
    let mut t5: Array1<f64> = t3.to_owned();
    let mut t6: f64 = t3.mean().unwrap();
    for i in 0..c.nrows() {
        let r = c.row(i);
        let t7 = c.mean().unwrap();
        let t8 = t7;
        t5 = (&t5 + &c.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25)).mapv(f64::tanh);
        t6 = (t6
            + ((&(-&c.fold_axis(Axis(0), f64::INFINITY, |&m, &x| f64::min(m, x)))
                * &(-&c.fold_axis(Axis(0), f64::INFINITY, |&m, &x| f64::min(m, x))))
                .sum()
                + t8))
            .tanh();
    }
    (&(&Array::from_elem((5, 4), 0.25_f64)
        + &c.fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &v: &f64| v.min(m))
            .insert_axis(Axis(0)))
        * &(&Array::from_elem((5, 4), 0.25_f64)
            + &c.fold_axis(Axis(1), f64::INFINITY, |&m: &f64, &v: &f64| v.min(m))
                .insert_axis(Axis(0))))
        .sum()
        + (a * a).mean().unwrap()
        + 0.357 * t1
        + 0.877 * t4
        + (&t5 * &t5).mean().unwrap()
        + 0.44 * t6
}

#[test]
fn test_f24() {
    let mut rng = Rng::new(200306);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let b = rand(&mut rng, 2, 0.5, 1.5);
    let s = 0.7861;
    let p = -0.6034;
    let c = rand(&mut rng, (4, 2), -1.0, 1.0);
    let (v, (d_a, d_b, d_s, d_p, d_c)) = f24_grad(&a, b.clone(), s, p, &c);
    common::assert_near(v, f24(&a, b.clone(), s, p, &c), "value");
    assert_fd_array(|xx| f24(xx, b.clone(), s, p, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f24(&a, xx.clone(), s, p, &c), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| f24(&a, b.clone(), xx[()], p, &c),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| f24(&a, b.clone(), s, xx[()], &c),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(|xx| f24(&a, b.clone(), s, p, xx), &c, &d_c, "dc");
}

// dims (4, 2, 3)
#[differentiable]
fn h25(a: &Array1<f64>) -> Array1<f64> {
    let t1 = a.view();
    let t2: Array1<f64> = nn::logsumexp(
        &nn::softmax(&Array::from_elem((2, 2), 0.25_f64), Axis(1)),
        Axis(0),
    );
    (&t2 * (&t1 / &t1)) * ((&t1 * &t1).mean().unwrap() + (&t2 * &t2).mean().unwrap())
}

#[test]
fn test_h25() {
    let mut rng = Rng::new(200318);
    let a = rand(&mut rng, 2, 0.5, 1.5);
    let seed = rand(&mut rng, 2, -1.0, 1.0);
    let (y, d_a) = h25_vjp(&a, seed.clone());
    assert_array(&y, &h25(&a), "value");
    assert_fd_array(|xx| inner(&seed, &h25(xx)), &a, &d_a, "da");
}

// dims (4, 2, 3)
#[differentiable]
fn f25(
    a: &Array2<f64>,
    b: &Array1<f64>,
    c: &Array1<f64>,
    d: ArrayView2<f64>,
    w: Array1<f64>,
) -> Array1<f64> {
    let mut t1: Array1<f64> = d.std_axis(Axis(0), 1.0).tanh().to_owned();
    let mut t2: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        t1 = (&t1 + &(&(&r - &(&r / t1.exp())) * 0.538)).mapv(f64::tanh);
        t2 += (-&d.map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5))
            .dot(&d.map_axis(Axis(1), |lane| lane.dot(&lane) * 0.25));
    }
    let t3 = w.slice(s![1..]);
    let t4: Array1<f64> =
        nn::sigmoid(&(&ad_runtime::ndarray::arr1(&[t2 * 0.5, t2 * 2.0]) + (-1.19_f64))).sin();
    let mut t5: f64 = 0.0;
    for i in 0..b.len() - 1 {
        t5 += b[i] * b[i + 1];
    }
    (&Array::from_elem((4, 2), 1.5_f64).dot(
        &Zip::from(t4.view())
            .and(t4.view())
            .map_collect(|&p, &q| p * q.sin() + 0.25),
    ) + (nn::softplus(
        &Zip::from(c.view())
            .and(c.view())
            .map_collect(|&p, &q| p * q.sin() + 0.25),
    ) + 0.5)
        .ln())
        + (c.sum() + t3.sum() + t4.sum() + t5)
}

#[test]
fn test_f25() {
    let mut rng = Rng::new(200320);
    let a = rand(&mut rng, (2, 3), -1.0, 1.0);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let c = rand(&mut rng, 4, -1.0, 1.0);
    let d = rand(&mut rng, (2, 3), -1.0, 1.0);
    let w = rand(&mut rng, 3, -1.0, 1.0);
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d, d_w)) = f25_vjp(&a, &b, &c, d.view(), w.clone(), seed.clone());
    assert_array(&y, &f25(&a, &b, &c, d.view(), w.clone()), "value");
    assert_fd_array(
        |xx| inner(&seed, &f25(xx, &b, &c, d.view(), w.clone())),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f25(&a, xx, &c, d.view(), w.clone())),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f25(&a, &b, xx, d.view(), w.clone())),
        &c,
        &d_c,
        "dc",
    );
    let d_d: Array2<f64> = d_d;
    assert_fd_array(
        |xx| inner(&seed, &f25(&a, &b, &c, xx.view(), w.clone())),
        &d,
        &d_d,
        "dd",
    );
    assert_fd_array(
        |xx| inner(&seed, &f25(&a, &b, &c, d.view(), xx.clone())),
        &w,
        &d_w,
        "dw",
    );
}

// dims (5, 4, 3)
#[differentiable]
fn f26(a: &Array1<f64>) -> Array1<f64> {
    let t1: f64 = ((1.15_f64 * (a.sum() / (-0.485_f64).exp()))
        * (1.15_f64 * (a.sum() / (-0.485_f64).exp()))
        + 1.0)
        .sqrt();
    let mut t2: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t2 = t2 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t3: Array1<f64> = a[2]
        + &Array1::from_vec(vec![t1 * 2.0, t1 * -1.5, t2 * 2.0])
            .mapv(f64::tanh)
            .mapv(|v| v.powi(2) - 0.5);
    (a * (a - (-1.41_f64))) * (t3.sum())
}

#[test]
fn test_f26() {
    let mut rng = Rng::new(200332);
    let a = rand(&mut rng, 3, 0.5, 1.5);
    let seed = rand(&mut rng, 3, -1.0, 1.0);
    let (y, d_a) = f26_vjp(&a, seed.clone());
    assert_array(&y, &f26(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f26(xx)), &a, &d_a, "da");
}

// dims (2, 3, 4)
#[differentiable]
fn f27(a: &Array1<f64>, s: f64, k: usize, p: f64, b: Array1<f64>) -> f64 {
    let ord = match k {
        0 => Order::ColumnMajor,
        _ => Order::RowMajor,
    };
    let t1: Array2<f64> = (b[2] * &Array::from_elem((2, 3), 1.5_f64))
        .to_shape(((2, 3), ord))
        .unwrap()
        .to_owned();
    let t2 = t1.index_axis(Axis(0), 0);
    let mut t3: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t3 = t3 * 0.8 + a[i].sin() * a[i + 1];
    }
    let t4 = nn::relu(&Array::from_elem((3, 3), 0.5_f64).dot(&t2));
    let t5: Array1<f64> = (&(t4 / &(nn::sigmoid(&b) + 0.25))
        .mapv_into(|v| if v > 0.1 { v * t3 } else { v.tanh() })
        * 0.111)
        .dot(&(-Array::from_elem((3, 3), 0.5_f64)).exp());
    let t6: Array2<f64> = if (t5[1] - t5[0]).tanh().powi(2) > 0.433 {
        t1.dot(&t2).insert_axis(Axis(1)) / &(1.3_f64 + &t1).mapv(|v| v * v + 1.0)
    } else {
        (&t1 * &t1 + 0.5).ln().powi(2)
    };
    let mut t7: Array1<f64> = nn::logsumexp(&t6, Axis(1)).to_owned();
    let mut t8: f64 = (t5.mean().unwrap() * t5.mean().unwrap() + 1.0).ln();
    for i in 0..t6.nrows() {
        let r = t6.row(i);
        t7 = &t7 * 0.7 + &nn::sigmoid(&t7.dot(&t6.slice(s![.., 1..])));
        t8 += t8.tanh().exp().sqrt();
    }
    let t9 = t6.row(1);
    (s * (t1[[0, 1]] * t1[[0, 1]] + 1.0).sqrt()) + 0.612 * s + 0.757 * p + 0.815 * t9.sum()
}

#[test]
fn test_f27() {
    let mut rng = Rng::new(200344);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let s = -0.9138;
    let p = 0.8465;
    let b = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_s, d_p, d_b)) = f27_grad(&a, s, k, p, b.clone());
        common::assert_near(v, f27(&a, s, k, p, b.clone()), "value");
        assert_fd_array(|xx| f27(xx, s, k, p, b.clone()), &a, &d_a, "da");
        let fd_s = fd(
            |xx: &Array<f64, _>| f27(&a, xx[()], k, p, b.clone()),
            &Array::from_elem((), s),
        );
        common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
        let fd_p = fd(
            |xx: &Array<f64, _>| f27(&a, s, k, xx[()], b.clone()),
            &Array::from_elem((), p),
        );
        common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
        assert_fd_array(|xx| f27(&a, s, k, p, xx.clone()), &b, &d_b, "db");
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 2, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_s = 0.5;
        let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
        let t_p = 0.7;
        let (pp_p, pm_p) = (p + hstep * t_p, p - hstep * t_p);
        let t_b = rand(&mut rng, 3, -1.0, 1.0);
        let pp_b = &b + &(&t_b * hstep);
        let pm_b = &b - &(&t_b * hstep);
        let (vj, tj) = f27_jvp(&a, s, k, p, b.clone(), &t_a, t_s, t_p, t_b.clone());
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
            f27_hvp(&a, s, k, p, b.clone(), &t_a, t_s, t_p, t_b.clone());
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_s, gp_p, gp_b)) = f27_grad(&pp_a, pp_s, k, pp_p, pp_b.clone());
        let (_, (gm_a, gm_s, gm_p, gm_b)) = f27_grad(&pm_a, pm_s, k, pm_p, pm_b.clone());
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

// dims (5, 3, 2)
#[differentiable(wrt(a, c))]
fn f28(
    a: Array1<f64>,
    b: &Array1<f64>,
    c: &Array2<f64>,
    d: Array2<f64>,
    k: usize,
    w: &Array1<f64>,
) -> f64 {
    let ord = if k % 2 == 0 { Order::F } else { Order::C };
    let t1 = c
        .view()
        .reversed_axes()
        .dot(&Array::from_elem((5, 5), 0.5_f64))
        .to_shape(((5, 3), ord))
        .unwrap()
        .into_owned();
    let mut t2: Array1<f64> = (-w).to_owned();
    if c[[0, 1]] < 0.129 {
        t2 = &t2 * 0.412 + &(nn::softplus(w) + 0.5).ln();
    } else {
        t2 = &(-&t2) - &t2;
    }
    let t3: Array1<f64> = d
        .map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5)
        .dot(
            &d.slice(s![1..3, ..])
                .mapv(|v| if v > 0.1 { v.sin() } else { v }),
        )
        .dot(
            &(&t1.slice(s![1..3, ..])
                - &t1
                    .map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5)
                    .insert_axis(Axis(0)))
                .mapv(f64::tanh),
        );
    let t4 = &d.var_axis(Axis(0), 1.0) * &(-nn::sigmoid(&t2.dot(&t1.slice(s![1..4, ..2]))));
    Zip::from(t3.view())
        .and(t3.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25)
        .var(0.0)
        .powi(2)
        .tanh()
        + (&t3 * &t3).mean().unwrap()
        + (&t4 * &t4).mean().unwrap()
}

#[test]
fn test_f28() {
    let mut rng = Rng::new(200356);
    let a = rand(&mut rng, 2, -1.0, 1.0);
    let b = rand(&mut rng, 5, 0.5, 1.5);
    let c = rand(&mut rng, (5, 3), -1.0, 1.0);
    let d = rand(&mut rng, (5, 2), -1.0, 1.0);
    let w = rand(&mut rng, 3, -1.0, 1.0);
    for k in 0..2usize {
        let (v, (d_a, d_c)) = f28_grad(a.clone(), &b, &c, d.clone(), k, &w);
        common::assert_near(v, f28(a.clone(), &b, &c, d.clone(), k, &w), "value");
        assert_fd_array(
            |xx| f28(xx.clone(), &b, &c, d.clone(), k, &w),
            &a,
            &d_a,
            "da",
        );
        assert_fd_array(
            |xx| f28(a.clone(), &b, xx, d.clone(), k, &w),
            &c,
            &d_c,
            "dc",
        );
        let hstep = 1e-5;
        let t_a = rand(&mut rng, 2, -1.0, 1.0);
        let pp_a = &a + &(&t_a * hstep);
        let pm_a = &a - &(&t_a * hstep);
        let t_c = rand(&mut rng, (5, 3), -1.0, 1.0);
        let pp_c = &c + &(&t_c * hstep);
        let pm_c = &c - &(&t_c * hstep);
        let (vj, tj) = f28_jvp(a.clone(), &b, &c, d.clone(), k, &w, t_a.clone(), &t_c);
        common::assert_near(vj, v, "value of _jvp");
        let want: f64 = (&d_a * &t_a).sum() + (&d_c * &t_c).sum();
        let scale: f64 = (&d_a * &t_a).mapv(f64::abs).sum() + (&d_c * &t_c).mapv(f64::abs).sum();
        assert!(
            (tj - want).abs() <= 1e-9 * scale.max(1.0),
            "jvp {tj} vs gradient . tangent {want}"
        );
        let (hv, (hg_a, hg_c), (hh_a, hh_c)) =
            f28_hvp(a.clone(), &b, &c, d.clone(), k, &w, t_a.clone(), &t_c);
        common::assert_near(hv, v, "value of _hvp");
        let (_, (gp_a, gp_c)) = f28_grad(pp_a.clone(), &b, &pp_c, d.clone(), k, &w);
        let (_, (gm_a, gm_c)) = f28_grad(pm_a.clone(), &b, &pm_c, d.clone(), k, &w);
        assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
        assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    }
}

// dims (2, 5, 3)
#[differentiable(wrt(a, s, d))]
fn f29(
    a: ArrayView2<f64>,
    b: &Array2<f64>,
    c: Array1<f64>,
    s: f64,
    d: &Array1<f64>,
) -> Array2<f64> {
    let t1: Array1<f64> = nn::sigmoid(d).map(|&v| (v * (v * s)) * ((v * 0.657).exp()));
    let t2: Array1<f64> = b.dot(&a.slice(s![.., ..3])).mean_axis(Axis(0)).unwrap()
        / &(nn::softplus(&c.mapv(f64::sin).mapv_into(|v| v * 0.94)) + 0.5);
    let mut t3: Array1<f64> = nn::log_softmax(&t1, Axis(0));
    if s < -0.106 {
        let t4: f64 = (c[0] + 0.575).abs();
        t3 = &t3 * 0.744 + &t3.mapv(f64::tanh);
    }
    (&d.cos().insert_axis(Axis(1))
        * nn::log_softmax(&t2, Axis(0))
            .mapv(f64::tanh)
            .insert_axis(Axis(0)))
        + ((&t2 * &t2).mean().unwrap())
}

#[test]
fn test_f29() {
    let mut rng = Rng::new(200368);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, (2, 3), -1.0, 1.0);
    let c = rand(&mut rng, 3, 0.5, 1.5);
    let s = 0.8837;
    let d = rand(&mut rng, 2, -1.0, 1.0);
    let seed = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (y, (d_a, d_s, d_d)) = f29_vjp(a.view(), &b, c.clone(), s, &d, seed.clone());
    assert_array(&y, &f29(a.view(), &b, c.clone(), s, &d), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(
        |xx| inner(&seed, &f29(xx.view(), &b, c.clone(), s, &d)),
        &a,
        &d_a,
        "da",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f29(a.view(), &b, c.clone(), xx[()], &d)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(
        |xx| inner(&seed, &f29(a.view(), &b, c.clone(), s, xx)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (2, 3, 5)
#[differentiable]
fn f30(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>) -> f64 {
    let t1: Array1<f64> = -(&b.index_axis(Axis(0), 1)
        / (&b.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5)
            * &b.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5)
            + 0.5));
    let mut t2: f64 = 0.0;
    for i in 0..t1.len() - 1 {
        t2 += (t1[i + 1] * 1.01 - t1[i]).tanh();
    }
    let t3 = a[[1, 3]].sin();
    let t4 = if a.to_shape((5, 3)).unwrap().into_owned().sum() < -1.36 {
        ad_runtime::ndarray::concatenate(
            Axis(0),
            &[
                (&c.slice(s![.., 1..4]) / (nn::softplus(&c.slice(s![.., 2..])) + 0.5)).view(),
                (&t1.view().insert_axis(Axis(0))
                    / (nn::softplus(&t1.view().insert_axis(Axis(1))) + 0.5))
                    .view(),
            ],
        )
        .unwrap()
    } else {
        (b + &t1.view().insert_axis(Axis(0))).mapv(f64::sin)
    };
    let t5: ArrayView2<f64> = a.t();
    let mut t6: f64 = 0.0;
    for i in 0..t1.len() - 1 {
        t6 += (t1[i + 1] * t3 - t1[i]).tanh();
    }
    let t7 = nn::mse(
        &(t5.mean().unwrap() + (b - t6)),
        &(nn::logsumexp(b, Axis(1)).insert_axis(Axis(1)) * a.t()),
    );
    (t2 + 0.585).abs() + 0.376 * t2 + 0.585 * t4.sum() + 0.792 * t7
}

#[test]
fn test_f30() {
    let mut rng = Rng::new(200380);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, (2, 5), -1.0, 1.0);
    let (v, (d_a, d_b, d_c)) = f30_grad(&a, &b, &c);
    common::assert_near(v, f30(&a, &b, &c), "value");
    assert_fd_array(|xx| f30(xx, &b, &c), &a, &d_a, "da");
    assert_fd_array(|xx| f30(&a, xx, &c), &b, &d_b, "db");
    assert_fd_array(|xx| f30(&a, &b, xx), &c, &d_c, "dc");
}

// dims (3, 2, 3)
#[differentiable]
fn f31(a: &Array1<f64>, b: &Array2<f64>, c: Array1<f64>, d: &Array2<f64>, w: &Array1<f64>) -> f64 {
    let t1 = (&(&(&d.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5) / &d.row(0))
        / (nn::softplus(
            &b.map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
                .dot(d),
        ) + 0.5))
        * &(&(&d.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5) / &d.row(0))
            / (nn::softplus(
                &b.map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
                    .dot(d),
            ) + 0.5))
        + 0.5)
        .ln();
    let t2 = c.view();
    let t3 = nn::logsumexp(&Array::from_elem((6, 3), 1.5_f64), Axis(1));
    let mut t4: Array1<f64> = Array1::<f64>::zeros(2);
    let mut t5: f64 = 0.0;
    for i in 0..b.nrows() {
        let r = b.row(i);
        t4 = &t4 * 0.7 + &(-&c);
        t5 = (t5 + r[0]).tanh();
    }
    let t6 = Zip::from(t3.view())
        .and(a.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25)
        .mapv(|v| ((v * v) * (v * v) + 0.5).sqrt())
        .mapv(f64::tanh)
        .cos();
    t4[0].powi(2).tanh().exp()
        + (w * w).mean().unwrap()
        + (&t1 * &t1).mean().unwrap()
        + 0.686 * t2.sum()
        + 0.36 * t5
        + (&t6 * &t6).mean().unwrap()
}

#[test]
fn test_f31() {
    let mut rng = Rng::new(200392);
    let a = rand(&mut rng, 6, -1.0, 1.0);
    let b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let c = rand(&mut rng, 2, -1.0, 1.0);
    let d = rand(&mut rng, (3, 3), 0.5, 1.5);
    let w = rand(&mut rng, 2, -1.0, 1.0);
    let (v, (d_a, d_b, d_c, d_d, d_w)) = f31_grad(&a, &b, c.clone(), &d, &w);
    common::assert_near(v, f31(&a, &b, c.clone(), &d, &w), "value");
    assert_fd_array(|xx| f31(xx, &b, c.clone(), &d, &w), &a, &d_a, "da");
    assert_fd_array(|xx| f31(&a, xx, c.clone(), &d, &w), &b, &d_b, "db");
    assert_fd_array(|xx| f31(&a, &b, xx.clone(), &d, &w), &c, &d_c, "dc");
    assert_fd_array(|xx| f31(&a, &b, c.clone(), xx, &w), &d, &d_d, "dd");
    assert_fd_array(|xx| f31(&a, &b, c.clone(), &d, xx), &w, &d_w, "dw");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, 6, -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_b = rand(&mut rng, (3, 2), -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, 2, -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (3, 3), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let t_w = rand(&mut rng, 2, -1.0, 1.0);
    let pp_w = &w + &(&t_w * hstep);
    let pm_w = &w - &(&t_w * hstep);
    let (vj, tj) = f31_jvp(
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
    let (hv, (hg_a, hg_b, hg_c, hg_d, hg_w), (hh_a, hh_b, hh_c, hh_d, hh_w)) = f31_hvp(
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
    let (_, (gp_a, gp_b, gp_c, gp_d, gp_w)) = f31_grad(&pp_a, &pp_b, pp_c.clone(), &pp_d, &pp_w);
    let (_, (gm_a, gm_b, gm_c, gm_d, gm_w)) = f31_grad(&pm_a, &pm_b, pm_c.clone(), &pm_d, &pm_w);
    assert_hv_array(&hh_a, &gp_a, &gm_a, hstep, "H t a");
    assert_hv_array(&hh_b, &gp_b, &gm_b, hstep, "H t b");
    assert_hv_array(&hh_c, &gp_c, &gm_c, hstep, "H t c");
    assert_hv_array(&hh_d, &gp_d, &gm_d, hstep, "H t d");
    assert_hv_array(&hh_w, &gp_w, &gm_w, hstep, "H t w");
}

// dims (5, 3, 2)
#[differentiable]
fn f32(a: &Array2<f64>) -> Array2<f64> {
    let t1: Array2<f64> = a.var(1.0) - a.mapv(|v| v);
    let t2: ArrayView2<f64> = t1.view();
    let t3 = &a
        .map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
        .insert_axis(Axis(1))
        * &(&t2.row(0) - t2.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25).tanh())
            .insert_axis(Axis(0));
    (t3.column(0).mapv(f64::cos).insert_axis(Axis(1))
        / &(&t1
            .view()
            .reversed_axes()
            .dot(&t1.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| v.max(m)))
            * 0.0185)
            .insert_axis(Axis(0))
            .exp())
        * (t3.sum())
}

#[test]
fn test_f32() {
    let mut rng = Rng::new(200404);
    let a = rand(&mut rng, (3, 2), 0.5, 1.5);
    let seed = rand(&mut rng, (3, 2), -1.0, 1.0);
    let (y, d_a) = f32_vjp(&a, seed.clone());
    assert_array(&y, &f32(&a), "value");
    assert_fd_array(|xx| inner(&seed, &f32(xx)), &a, &d_a, "da");
}

// dims (4, 2, 4)
#[differentiable]
fn f33(a: Array2<f64>, s: f64, p: f64, b: &Array1<f64>, c: &Array2<f64>) -> Array1<f64> {
    let t1 = (&c.t() / &(nn::sigmoid(c) + 0.25))
        .dot(&ad_runtime::ndarray::concatenate(Axis(1), &[a.view(), a.view()]).unwrap())
        .mapv(f64::tanh);
    let t2: Array2<f64> = &t1
        .slice(s![..2, 1..3])
        .to_shape((4, Order::C))
        .unwrap()
        .into_owned()
        .exp()
        .insert_axis(Axis(1))
        + &(&(&c.fold_axis(Axis(1), f64::INFINITY, |&acc, &x| acc.min((x - s).powi(2))) + s)
            * t1.mapv(|v| v.tanh()));
    let mut t3: Array1<f64> = t1.slice(s![2.., ..]).mean_axis(Axis(0)).unwrap();
    let mut t4: f64 = p.sin();
    for i in 0..t1.nrows() {
        let r = t1.row(i);
        let t5 = nn::softmax(&r, Axis(0));
        let t6: f64 = t1.sum();
        t3 = &t3 * 0.7 + &(&r - t5);
        t4 = t4 * 0.8 - (r[0] + t6).tanh();
    }
    let t7: Array2<f64> = nn::sigmoid(&t2.dot(c))
        .mapv(|v| ((v * 0.975).powi(2) - 0.5).sin())
        .dot(&t1.mapv(|v| {
            ((if v > 0.546 { v * s } else { v * p }) * (if v > 0.546 { v * s } else { v * p })
                + 1.0)
                .ln()
        }));
    let t8: Array1<f64> = &(&t3 / (t3.sum() * t3.sum() + 1.0))
        / (&t3 / &t3.mapv(|v| v * v + 1.0)).mapv(|v| v * v + 1.0);
    Array::from_elem((8, 4), 1.5_f64)
        .dot(&t1)
        .dot(
            &ad_runtime::ndarray::concatenate(
                Axis(0),
                &[
                    a.row(0),
                    a.map_axis(Axis(0), |lane| lane.dot(&lane) * 0.25).view(),
                ],
            )
            .unwrap(),
        )
        .tanh()
        * ((b * b).mean().unwrap() + t4 + t7.sum() + t8.sum())
}

#[test]
fn test_f33() {
    let mut rng = Rng::new(200416);
    let a = rand(&mut rng, (4, 2), -1.0, 1.0);
    let s = 1.3531;
    let p = 1.0821;
    let b = rand(&mut rng, 8, -1.0, 1.0);
    let c = rand(&mut rng, (4, 4), -1.0, 1.0);
    let seed = rand(&mut rng, 8, -1.0, 1.0);
    let (y, (d_a, d_s, d_p, d_b, d_c)) = f33_vjp(a.clone(), s, p, &b, &c, seed.clone());
    assert_array(&y, &f33(a.clone(), s, p, &b, &c), "value");
    assert_fd_array(
        |xx| inner(&seed, &f33(xx.clone(), s, p, &b, &c)),
        &a,
        &d_a,
        "da",
    );
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f33(a.clone(), xx[()], p, &b, &c)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f33(a.clone(), s, xx[()], &b, &c)),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
    assert_fd_array(
        |xx| inner(&seed, &f33(a.clone(), s, p, xx, &c)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f33(a.clone(), s, p, &b, xx)),
        &c,
        &d_c,
        "dc",
    );
}

// dims (2, 3, 5)
#[differentiable]
fn f34(a: &Array2<f64>, s: f64, b: &Array1<f64>, c: ArrayView2<f64>, d: &Array2<f64>) -> f64 {
    let t1: Array1<f64> = (&(a.map_axis(Axis(0), |lane| lane.mapv(f64::tanh).sum() * 0.5)
        + a[[1, 0]])
    .mapv(f64::exp)
        / ((s / 1.08_f64) - s).exp())
    .tanh();
    let t2: f64 =
        if nn::cross_entropy_one_hot(&(d / s.exp()), &nn::softmax(&d.map(|&v| v * s), Axis(1)))
            < -0.235
        {
            c.sum().tanh()
        } else {
            b[1].sin().tanh()
        };
    let t3 = (nn::softplus(&(-(&c * s))) + 0.5).powf(2.5);
    let t4 = (&t1 - &c.slice(s![1.., ..])).mapv_into(f64::tanh);
    let mut t5: f64 = 0.0;
    for i in 1..b.len() {
        t5 += (b[i] - b[i - 1]).powi(2) * 0.987;
    }
    let t6: Array1<f64> = (t4.map_axis(Axis(1), |lane| lane.dot(&lane) * 0.25)
        / (nn::sigmoid(&t4.column(4)) + 0.25))
        .tanh();
    (c.mean().unwrap().exp() - t5.cos())
        + 0.329 * t2
        + (&t3 * &t3).mean().unwrap()
        + 0.528 * t5
        + 0.593 * t6.sum()
}

#[test]
fn test_f34() {
    let mut rng = Rng::new(200428);
    let a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let s = -1.1500;
    let b = rand(&mut rng, 3, -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let d = rand(&mut rng, (2, 3), -1.0, 1.0);
    let (v, (d_a, d_s, d_b, d_c, d_d)) = f34_grad(&a, s, &b, c.view(), &d);
    common::assert_near(v, f34(&a, s, &b, c.view(), &d), "value");
    assert_fd_array(|xx| f34(xx, s, &b, c.view(), &d), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| f34(&a, xx[()], &b, c.view(), &d),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| f34(&a, s, xx, c.view(), &d), &b, &d_b, "db");
    let d_c: Array2<f64> = d_c;
    assert_fd_array(|xx| f34(&a, s, &b, xx.view(), &d), &c, &d_c, "dc");
    assert_fd_array(|xx| f34(&a, s, &b, c.view(), xx), &d, &d_d, "dd");
    let hstep = 1e-5;
    let t_a = rand(&mut rng, (2, 5), -1.0, 1.0);
    let pp_a = &a + &(&t_a * hstep);
    let pm_a = &a - &(&t_a * hstep);
    let t_s = 0.5;
    let (pp_s, pm_s) = (s + hstep * t_s, s - hstep * t_s);
    let t_b = rand(&mut rng, 3, -1.0, 1.0);
    let pp_b = &b + &(&t_b * hstep);
    let pm_b = &b - &(&t_b * hstep);
    let t_c = rand(&mut rng, (3, 5), -1.0, 1.0);
    let pp_c = &c + &(&t_c * hstep);
    let pm_c = &c - &(&t_c * hstep);
    let t_d = rand(&mut rng, (2, 3), -1.0, 1.0);
    let pp_d = &d + &(&t_d * hstep);
    let pm_d = &d - &(&t_d * hstep);
    let (vj, tj) = f34_jvp(&a, s, &b, c.view(), &d, &t_a, t_s, &t_b, t_c.view(), &t_d);
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
        f34_hvp(&a, s, &b, c.view(), &d, &t_a, t_s, &t_b, t_c.view(), &t_d);
    common::assert_near(hv, v, "value of _hvp");
    let (_, (gp_a, gp_s, gp_b, gp_c, gp_d)) = f34_grad(&pp_a, pp_s, &pp_b, pp_c.view(), &pp_d);
    let (_, (gm_a, gm_s, gm_b, gm_c, gm_d)) = f34_grad(&pm_a, pm_s, &pm_b, pm_c.view(), &pm_d);
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

// dims (4, 2, 5)
#[differentiable]
fn f35(a: &Array1<f64>, b: &Array1<f64>, s: f64, p: f64) -> Array1<f64> {
    let mut t1: f64 = 0.0;
    for i in 1..b.len() {
        t1 += (b[i] - b[i - 1]).powi(2) * 0.724;
    }
    let t2: Array1<f64> = (&(a + a) * (a + a))
        .mapv(|v| ((v * 1.46).powi(2) - 0.5) * p + p)
        .mapv(f64::tanh);
    let mut t3: f64 = 0.0;
    for i in 0..a.len() - 1 {
        t3 += (a[i + 1] * p - a[i]).tanh();
    }
    let t4 = if (b.std(1.0)
        + nn::cross_entropy_one_hot(
            &Array::from_elem((4, 2), 0.25_f64),
            &nn::softmax(&Array::from_elem((4, 2), 0.5_f64), Axis(1)),
        ))
        > -0.533
    {
        Array2::<f64>::eye(2).to_shape(4).unwrap().to_owned()
    } else {
        nn::relu(&Array::from_elem((4, 5), 1.5_f64))
            .dot(&Array::from_elem((5, 5), 0.5_f64).var_axis(Axis(1), 0.0))
    };
    let t5: Array1<f64> = ((t4 + t3) - (a.sum() - b).tanh()).tanh();
    let t6: Array1<f64> = (nn::sigmoid(&t5.sin()) + 0.25).ln();
    let t7 = t6
        .dot(&(&Array::from_elem((4, 4), 1.5_f64) * &t6.view().insert_axis(Axis(0))))
        .map(|&v| (v.tanh()).tanh());
    (b.mean().unwrap() / Array::from_elem((4, 2), 1.5_f64))
        .mean_axis(Axis(1))
        .unwrap()
        * (s + t1 + t2.sum() + (&t7 * &t7).mean().unwrap())
}

#[test]
fn test_f35() {
    let mut rng = Rng::new(200440);
    let a = rand(&mut rng, 8, 0.5, 1.5);
    let b = rand(&mut rng, 4, -1.0, 1.0);
    let s = 0.9981;
    let p = -0.8224;
    let seed = rand(&mut rng, 4, -1.0, 1.0);
    let (y, (d_a, d_b, d_s, d_p)) = f35_vjp(&a, &b, s, p, seed.clone());
    assert_array(&y, &f35(&a, &b, s, p), "value");
    assert_fd_array(|xx| inner(&seed, &f35(xx, &b, s, p)), &a, &d_a, "da");
    assert_fd_array(|xx| inner(&seed, &f35(&a, xx, s, p)), &b, &d_b, "db");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f35(&a, &b, xx[()], p)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    let fd_p = fd(
        |xx: &Array<f64, _>| inner(&seed, &f35(&a, &b, s, xx[()])),
        &Array::from_elem((), p),
    );
    common::assert_close_tol(&[d_p], &[fd_p[()]], 1e-5, "dp");
}

// dims (3, 5, 3)
#[differentiable]
fn f36(a: Array2<f64>, b: &Array2<f64>, c: ArrayView2<f64>, d: &Array1<f64>) -> Array2<f64> {
    let t1 = a.t();
    let t2 = Zip::from(d.view())
        .and(d.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25)
        .into_shape_with_order(((5, 3), Order::RowMajor))
        .unwrap();
    let t3: f64 = nn::cross_entropy_one_hot(&t1, &nn::softmax(&t1, Axis(1))).sin();
    let mut t4: f64 = 0.0;
    for i in 0..d.len() - 1 {
        t4 += d[i] * d[i + 1];
    }
    let t5 = t4.tanh();
    let t6: Array2<f64> = (&a.row(4).insert_axis(Axis(1))
        + c.map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
            .insert_axis(Axis(0)))
    .cos()
    .dot(&t2.t());
    let t7 = if (&t1.index_axis(Axis(0), 2).insert_axis(Axis(1))
        / &t6.column(3).insert_axis(Axis(0)).mapv(|v| v * v + 1.0))
        .sum()
        < 0.635
    {
        -(&t6.column(3).insert_axis(Axis(1))
            * &t2
                .map_axis(Axis(1), |lane| lane.mapv(f64::tanh).sum() * 0.5)
                .insert_axis(Axis(0)))
    } else {
        (&b.view().reversed_axes() / &a.index_axis(Axis(1), 0).insert_axis(Axis(0)))
            * &(t1.sum_axis(Axis(0)) - b.t())
    };
    let mut t8: Array1<f64> = (d / (d * d + 0.5)).to_owned();
    if a[[1, 1]] < -0.422 {
        let t9 = (c.sum() * c.sum() + 1.0).ln();
        t8 = &t8 * 0.596 + &(&Array::from_elem((15, 5), 0.5_f64).dot(&t1.row(0)) * 0.533);
    }
    b.mapv(|v| v) + (t3 + t5 + t7.sum() + (&t8 * &t8).mean().unwrap())
}

#[test]
fn test_f36() {
    let mut rng = Rng::new(200452);
    let a = rand(&mut rng, (5, 3), 0.5, 1.5);
    let b = rand(&mut rng, (5, 3), -1.0, 1.0);
    let c = rand(&mut rng, (3, 5), 0.5, 1.5);
    let d = rand(&mut rng, 15, -1.0, 1.0);
    let seed = rand(&mut rng, (5, 3), -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d)) = f36_vjp(a.clone(), &b, c.view(), &d, seed.clone());
    assert_array(&y, &f36(a.clone(), &b, c.view(), &d), "value");
    assert_fd_array(
        |xx| inner(&seed, &f36(xx.clone(), &b, c.view(), &d)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f36(a.clone(), xx, c.view(), &d)),
        &b,
        &d_b,
        "db",
    );
    let d_c: Array2<f64> = d_c;
    assert_fd_array(
        |xx| inner(&seed, &f36(a.clone(), &b, xx.view(), &d)),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f36(a.clone(), &b, c.view(), xx)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (2, 4, 5)
#[differentiable]
fn f37(a: Array2<f64>, b: &Array2<f64>, c: &Array1<f64>, d: &Array2<f64>) -> Array2<f64> {
    let t1 = d.row(1);
    let t2: Array2<f64> = if ((-0.908_f64) - 1.01_f64).cos() < 0.11 {
        a.slice(s![1.., 1..3])
            .to_shape(((2, 4), Order::C))
            .unwrap()
            .to_owned()
            - t1.dot(&a.slice(s![1.., ..])).insert_axis(Axis(0))
    } else {
        (&b.column(0).insert_axis(Axis(1)) / d.exp()).map(|&v| v)
    };
    let t3 = -&(-t2).mapv_into(f64::sin);
    (-&a.slice(s![1..3, 1..3]).dot(b)) + ((c * c).mean().unwrap() + t3.sum())
}

#[test]
fn test_f37() {
    let mut rng = Rng::new(200464);
    let a = rand(&mut rng, (5, 4), -1.0, 1.0);
    let b = rand(&mut rng, (2, 4), -1.0, 1.0);
    let c = rand(&mut rng, 5, -1.0, 1.0);
    let d = rand(&mut rng, (2, 4), -1.0, 1.0);
    let seed = rand(&mut rng, (2, 4), -1.0, 1.0);
    let (y, (d_a, d_b, d_c, d_d)) = f37_vjp(a.clone(), &b, &c, &d, seed.clone());
    assert_array(&y, &f37(a.clone(), &b, &c, &d), "value");
    assert_fd_array(
        |xx| inner(&seed, &f37(xx.clone(), &b, &c, &d)),
        &a,
        &d_a,
        "da",
    );
    assert_fd_array(
        |xx| inner(&seed, &f37(a.clone(), xx, &c, &d)),
        &b,
        &d_b,
        "db",
    );
    assert_fd_array(
        |xx| inner(&seed, &f37(a.clone(), &b, xx, &d)),
        &c,
        &d_c,
        "dc",
    );
    assert_fd_array(
        |xx| inner(&seed, &f37(a.clone(), &b, &c, xx)),
        &d,
        &d_d,
        "dd",
    );
}

// dims (5, 4, 3)
#[differentiable]
fn f38(a: Array1<f64>) -> Array1<f64> {
    let t1: Array1<f64> = Zip::from(a.view())
        .and(a.view())
        .map_collect(|&p, &q| p * q.sin() + 0.25)
        .tanh();
    let t2: Array1<f64> =
        &Array::from_elem(3, 1.5_f64).tanh() - &Array::from_elem((3, 5), 1.5_f64).dot(&a);
    let t3 = Array::from_elem((5, 4), 0.5_f64)
        .dot(&Array::from_elem(4, 1.5_f64))
        .sin();
    (&(&t1 / &t3.mapv(|v| v * v + 1.0)) - (nn::sigmoid(&t1) + 0.25).sqrt())
        + (t1.sum() + t2.sum() + (&t3 * &t3).mean().unwrap())
}

#[test]
fn test_f38() {
    let mut rng = Rng::new(200476);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let seed = rand(&mut rng, 5, -1.0, 1.0);
    let (y, d_a) = f38_vjp(a.clone(), seed.clone());
    assert_array(&y, &f38(a.clone()), "value");
    assert_fd_array(|xx| inner(&seed, &f38(xx.clone())), &a, &d_a, "da");
}

// dims (3, 4, 5)
#[differentiable]
fn h39(a: ArrayView2<f64>) -> f64 {
    let t1 = a.column(4);
    let mut t2: Array1<f64> = a.index_axis(Axis(0), 2).cos();
    let mut t3: f64 = 0.0;
    for i in 0..a.nrows() {
        let r = a.row(i);
        let t4 = (&r * &r + 0.5).powf(1.5);
        let t5 = t2.clone();
        t2 = &t2 * 0.7 + &(&((a.t().mean_axis(Axis(1)).unwrap() + &t4) + t5) * 0.521);
        t3 += (i as f64 * 0.3);
    }
    let t6 = a.index_axis(Axis(0), 2);
    t1.mapv(f64::tanh).mean().unwrap() + (&t1 * &t1).mean().unwrap() + 0.64 * t3 + 0.369 * t6.sum()
}

#[test]
fn test_h39() {
    let mut rng = Rng::new(200488);
    let a = rand(&mut rng, (3, 5), -1.0, 1.0);
    let (v, d_a) = h39_grad(a.view());
    common::assert_near(v, h39(a.view()), "value");
    let d_a: Array2<f64> = d_a;
    assert_fd_array(|xx| h39(xx.view()), &a, &d_a, "da");
}

// dims (3, 4, 5)
#[differentiable]
fn f39(a: Array1<f64>, s: f64, b: &Array1<f64>) -> Array1<f64> {
    let t1 = Array::from_elem((3, 4), 0.25_f64)
        .to_shape((12, Order::F))
        .unwrap()
        .into_owned();
    let t2: Array1<f64> = Array::from_elem((4, 3), 1.5_f64)
        .tanh()
        .to_shape(12)
        .unwrap()
        .into_owned();
    let t3 = Array::from_elem((3, 12), 0.5_f64)
        .sum_axis(Axis(0))
        .into_shape_with_order(((3, 4), Order::RowMajor))
        .unwrap();
    Array1::from_vec(vec![
        s * 2.0,
        s * 0.5,
        s * -1.5,
        s * -1.5,
        s * -1.5,
        s * 2.0,
        s * 0.5,
        s * -1.5,
        s * -1.5,
        s * 0.5,
        s * -1.5,
        s * -1.5,
    ]) * (a.sum()
        + s
        + b.sum()
        + (&t1 * &t1).mean().unwrap()
        + (&t2 * &t2).mean().unwrap()
        + t3.sum())
}

#[test]
fn test_f39() {
    let mut rng = Rng::new(200490);
    let a = rand(&mut rng, 5, -1.0, 1.0);
    let s = 0.9824;
    let b = rand(&mut rng, 12, -1.0, 1.0);
    let seed = rand(&mut rng, 12, -1.0, 1.0);
    let (y, (d_a, d_s, d_b)) = f39_vjp(a.clone(), s, &b, seed.clone());
    assert_array(&y, &f39(a.clone(), s, &b), "value");
    assert_fd_array(|xx| inner(&seed, &f39(xx.clone(), s, &b)), &a, &d_a, "da");
    let fd_s = fd(
        |xx: &Array<f64, _>| inner(&seed, &f39(a.clone(), xx[()], &b)),
        &Array::from_elem((), s),
    );
    common::assert_close_tol(&[d_s], &[fd_s[()]], 1e-5, "ds");
    assert_fd_array(|xx| inner(&seed, &f39(a.clone(), s, xx)), &b, &d_b, "db");
}
