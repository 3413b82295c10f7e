//! ndarray models: linear and logistic regression, a one-hidden-layer tanh network, softmax
//! regression with `nn::log_softmax` and axis reductions, and a row-wise log-sum-exp with
//! `fold_axis` and broadcasting.

use crate::harness::*;
use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Array2, Axis};

fn data(rows: usize, cols: usize) -> (Array2<f64>, Array1<f64>) {
    let x = Array2::from_shape_fn((rows, cols), |(i, j)| ((i * cols + j) as f64 * 0.731).sin());
    let y = Array1::from_shape_fn(rows, |i| {
        if (i as f64 * 1.37).cos() > 0.0 {
            1.0
        } else {
            0.0
        }
    });
    (x, y)
}

#[differentiable(wrt(w, b))]
fn linreg(w: &Array1<f64>, b: f64, x: &Array2<f64>, y: &Array1<f64>) -> f64 {
    let r = x.dot(w) + b - y;
    r.mapv(|v| v * v).sum() / (y.len() as f64)
}

#[test]
fn t_linreg() {
    let (x, y) = data(8, 3);
    let w0 = [0.3, -0.5, 0.8, 0.1];
    let w = |p: &[f64]| Array1::from(p[..3].to_vec());
    verify(
        "linreg",
        &w0,
        &|p| linreg(&w(p), p[3], &x, &y),
        &|p| {
            let (v, (gw, gb)) = linreg_grad(&w(p), p[3], &x, &y);
            let mut g = gw.to_vec();
            g.push(gb);
            (v, g)
        },
        &|p, t| linreg_jvp(&w(p), p[3], &x, &y, &w(t), t[3]),
        Some(&|p, t| {
            let (v, (gw, gb), (hw, hb)) = linreg_hvp(&w(p), p[3], &x, &y, &w(t), t[3]);
            let mut g = gw.to_vec();
            g.push(gb);
            let mut h = hw.to_vec();
            h.push(hb);
            (v, g, h)
        }),
        None,
    );
}

#[differentiable(wrt(w, b))]
fn logreg(w: &Array1<f64>, b: f64, x: &Array2<f64>, y: &Array1<f64>) -> f64 {
    let z = x.dot(w) + b;
    let l = z.mapv(|v| (1.0 + (-v.abs()).exp()).ln() + v.max(0.0)) - &z * y;
    l.mean().unwrap()
}

#[test]
fn t_logreg() {
    let (x, y) = data(8, 3);
    let w0 = [0.3, -0.5, 0.8, 0.1];
    let w = |p: &[f64]| Array1::from(p[..3].to_vec());
    verify(
        "logreg",
        &w0,
        &|p| logreg(&w(p), p[3], &x, &y),
        &|p| {
            let (v, (gw, gb)) = logreg_grad(&w(p), p[3], &x, &y);
            let mut g = gw.to_vec();
            g.push(gb);
            (v, g)
        },
        &|p, t| logreg_jvp(&w(p), p[3], &x, &y, &w(t), t[3]),
        Some(&|p, t| {
            let (v, (gw, gb), (hw, hb)) = logreg_hvp(&w(p), p[3], &x, &y, &w(t), t[3]);
            let mut g = gw.to_vec();
            g.push(gb);
            let mut h = hw.to_vec();
            h.push(hb);
            (v, g, h)
        }),
        None,
    );
}

#[differentiable(wrt(w1, b1, w2))]
fn tanh_net(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array1<f64>,
    x: &Array2<f64>,
    y: &Array1<f64>,
) -> f64 {
    let h = (x.dot(w1) + b1).mapv(f64::tanh);
    let out = h.dot(w2);
    let d = &out - y;
    0.5 * (&d * &d).sum()
}

#[test]
fn t_tanh_net() {
    let (x, y) = data(6, 3);
    let nh = 4;
    let n1 = 3 * nh;
    let unpack = |p: &[f64]| {
        (
            Array2::from_shape_vec((3, nh), p[..n1].to_vec()).unwrap(),
            Array1::from(p[n1..n1 + nh].to_vec()),
            Array1::from(p[n1 + nh..].to_vec()),
        )
    };
    let p0: Vec<f64> = (0..n1 + 2 * nh)
        .map(|i| ((i as f64) * 0.917).sin() * 0.7)
        .collect();
    let pack = |a: &Array2<f64>, b: &Array1<f64>, c: &Array1<f64>| {
        let mut v: Vec<f64> = a.iter().copied().collect();
        v.extend(b.iter());
        v.extend(c.iter());
        v
    };
    verify(
        "tanh_net",
        &p0,
        &|p| {
            let (a, b, c) = unpack(p);
            tanh_net(&a, &b, &c, &x, &y)
        },
        &|p| {
            let (a, b, c) = unpack(p);
            let (v, (ga, gb, gc)) = tanh_net_grad(&a, &b, &c, &x, &y);
            (v, pack(&ga, &gb, &gc))
        },
        &|p, t| {
            let (a, b, c) = unpack(p);
            let (ta, tb, tc) = unpack(t);
            tanh_net_jvp(&a, &b, &c, &x, &y, &ta, &tb, &tc)
        },
        Some(&|p, t| {
            let (a, b, c) = unpack(p);
            let (ta, tb, tc) = unpack(t);
            let (v, (ga, gb, gc), (ha, hb, hc)) = tanh_net_hvp(&a, &b, &c, &x, &y, &ta, &tb, &tc);
            (v, pack(&ga, &gb, &gc), pack(&ha, &hb, &hc))
        }),
        None,
    );
}

/// Softmax regression with ndarray reductions along an axis and nn::log_softmax.
#[differentiable(wrt(w, b))]
fn softmax_reg(w: &Array2<f64>, b: &Array1<f64>, x: &Array2<f64>, y1h: &Array2<f64>) -> f64 {
    let logits = x.dot(w) + b;
    let lp = ad_runtime::nn::log_softmax(&logits, Axis(1));
    let per_row = (&lp * y1h).sum_axis(Axis(1));
    -per_row.mean().unwrap() + 0.01 * (w * w).sum()
}

#[test]
fn t_softmax_reg() {
    let (x, yl) = data(6, 3);
    let k = 3;
    let y1h = Array2::from_shape_fn((6, k), |(i, j)| {
        if (i + (yl[i] as usize)) % k == j {
            1.0
        } else {
            0.0
        }
    });
    let nw = 3 * k;
    let unpack = |p: &[f64]| {
        (
            Array2::from_shape_vec((3, k), p[..nw].to_vec()).unwrap(),
            Array1::from(p[nw..].to_vec()),
        )
    };
    let p0: Vec<f64> = (0..nw + k).map(|i| (i as f64 * 0.61).cos() * 0.5).collect();
    let pack = |a: &Array2<f64>, b: &Array1<f64>| {
        let mut v: Vec<f64> = a.iter().copied().collect();
        v.extend(b.iter());
        v
    };
    verify(
        "softmax_reg",
        &p0,
        &|p| {
            let (a, b) = unpack(p);
            softmax_reg(&a, &b, &x, &y1h)
        },
        &|p| {
            let (a, b) = unpack(p);
            let (v, (ga, gb)) = softmax_reg_grad(&a, &b, &x, &y1h);
            (v, pack(&ga, &gb))
        },
        &|p, t| {
            let (a, b) = unpack(p);
            let (ta, tb) = unpack(t);
            softmax_reg_jvp(&a, &b, &x, &y1h, &ta, &tb)
        },
        Some(&|p, t| {
            let (a, b) = unpack(p);
            let (ta, tb) = unpack(t);
            let (v, (ga, gb), (ha, hb)) = softmax_reg_hvp(&a, &b, &x, &y1h, &ta, &tb);
            (v, pack(&ga, &gb), pack(&ha, &hb))
        }),
        None,
    );
}

/// Manual stable log-sum-exp per row with fold_axis and broadcasting.
#[differentiable(wrt(z))]
fn row_lse(z: &Array2<f64>) -> f64 {
    let m = z.fold_axis(Axis(1), f64::NEG_INFINITY, |&a, &v| a.max(v));
    let shifted = z - &m.clone().insert_axis(Axis(1));
    let s = shifted.mapv(f64::exp).sum_axis(Axis(1));
    (s.mapv(f64::ln) + m).sum()
}

#[test]
fn t_row_lse() {
    let p0: Vec<f64> = (0..12).map(|i| (i as f64 * 0.77).sin() * 2.0).collect();
    let mk = |p: &[f64]| Array2::from_shape_vec((3, 4), p.to_vec()).unwrap();
    verify(
        "row_lse",
        &p0,
        &|p| row_lse(&mk(p)),
        &|p| {
            let (v, g) = row_lse_grad(&mk(p));
            (v, g.iter().copied().collect())
        },
        &|p, t| row_lse_jvp(&mk(p), &mk(t)),
        Some(&|p, t| {
            let (v, g, h) = row_lse_hvp(&mk(p), &mk(t));
            (v, g.iter().copied().collect(), h.iter().copied().collect())
        }),
        None,
    );
}
