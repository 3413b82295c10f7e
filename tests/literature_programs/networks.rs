//! ndarray models: MLPs with several activations and losses, softmax cross-entropy by
//! hand, a 1-D convolution, layer norm, attention, the `nn` helpers and a network as a struct.

use crate::harness::*;
use ad_runtime::ndarray::{Array1, Array2, Axis, s};
use ad_runtime::optim::Adam;
use ad_runtime::{Differentiable, differentiable, nn};

#[differentiable(wrt(w1, b1, w2, b2))]
fn mlp_mse(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    y: &Array2<f64>,
) -> f64 {
    let h = (x.dot(w1) + b1).mapv(f64::tanh);
    let pred = h.dot(w2) + b2;
    (&pred - y).mapv(|v| v * v).mean().unwrap()
}

/// Splits a flat point into (w1 3x4, b1 4, w2 4x2, b2 2).
fn mlp_split(q: &[f64]) -> (Array2<f64>, Array1<f64>, Array2<f64>, Array1<f64>) {
    (
        arr2(&q[..12], 3, 4),
        arr1(&q[12..16]),
        arr2(&q[16..24], 4, 2),
        arr1(&q[24..26]),
    )
}

#[test]
fn n01_mlp_tanh_mse() {
    let x = arr2(&det_vals(15, 0.37), 5, 3);
    let y = arr2(&det_vals(10, 0.91), 5, 2);
    let z = det_vals(26, 0.53);
    verify(
        "mlp_mse",
        &z,
        &|q| {
            let (a, b, c, d) = mlp_split(q);
            mlp_mse(&a, &b, &c, &d, &x, &y)
        },
        &|q| {
            let (a, b, c, d) = mlp_split(q);
            let (v, (ga, gb, gc, gd)) = mlp_mse_grad(&a, &b, &c, &d, &x, &y);
            (
                v,
                cat(&[flat_of(&ga), flat_of(&gb), flat_of(&gc), flat_of(&gd)]),
            )
        },
        &|q, t| {
            let (a, b, c, d) = mlp_split(q);
            let (ta, tb, tc, td) = mlp_split(t);
            mlp_mse_jvp(&a, &b, &c, &d, &x, &y, &ta, &tb, &tc, &td)
        },
        Some(&|q, t| {
            let (a, b, c, d) = mlp_split(q);
            let (ta, tb, tc, td) = mlp_split(t);
            let (v, (ga, gb, gc, gd), (ha, hb, hc, hd)) =
                mlp_mse_hvp(&a, &b, &c, &d, &x, &y, &ta, &tb, &tc, &td);
            (
                v,
                cat(&[flat_of(&ga), flat_of(&gb), flat_of(&gc), flat_of(&gd)]),
                cat(&[flat_of(&ha), flat_of(&hb), flat_of(&hc), flat_of(&hd)]),
            )
        }),
        None,
    );
}

#[differentiable(wrt(w1, b1, w2, b2))]
fn mlp_relu_sigmoid_bce(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    y: &Array2<f64>,
) -> f64 {
    let h = (x.dot(w1) + b1).mapv(|v| v.max(0.0));
    let p = (h.dot(w2) + b2).mapv(|v| 1.0 / (1.0 + (-v).exp()));
    let ll = y * &p.mapv(f64::ln) + (1.0 - y) * &p.mapv(|v| (1.0 - v).ln());
    -ll.mean().unwrap()
}

#[test]
fn n02_mlp_relu_sigmoid_bce() {
    let x = arr2(&det_vals(15, 0.37), 5, 3);
    let y = arr2(&[1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0], 5, 2);
    let z = det_vals(26, 0.53);
    // Avoid relu kinks: check pre-activations are away from 0.
    let (w1, b1, _, _) = mlp_split(&z);
    let pre = x.dot(&w1) + &b1;
    assert!(pre.iter().all(|v| v.abs() > 1e-3), "{pre}");
    verify(
        "mlp_relu_sigmoid_bce",
        &z,
        &|q| {
            let (a, b, c, d) = mlp_split(q);
            mlp_relu_sigmoid_bce(&a, &b, &c, &d, &x, &y)
        },
        &|q| {
            let (a, b, c, d) = mlp_split(q);
            let (v, (ga, gb, gc, gd)) = mlp_relu_sigmoid_bce_grad(&a, &b, &c, &d, &x, &y);
            (
                v,
                cat(&[flat_of(&ga), flat_of(&gb), flat_of(&gc), flat_of(&gd)]),
            )
        },
        &|q, t| {
            let (a, b, c, d) = mlp_split(q);
            let (ta, tb, tc, td) = mlp_split(t);
            mlp_relu_sigmoid_bce_jvp(&a, &b, &c, &d, &x, &y, &ta, &tb, &tc, &td)
        },
        Some(&|q, t| {
            let (a, b, c, d) = mlp_split(q);
            let (ta, tb, tc, td) = mlp_split(t);
            let (v, (ga, gb, gc, gd), (ha, hb, hc, hd)) =
                mlp_relu_sigmoid_bce_hvp(&a, &b, &c, &d, &x, &y, &ta, &tb, &tc, &td);
            (
                v,
                cat(&[flat_of(&ga), flat_of(&gb), flat_of(&gc), flat_of(&gd)]),
                cat(&[flat_of(&ha), flat_of(&hb), flat_of(&hc), flat_of(&hd)]),
            )
        }),
        None,
    );
}

#[differentiable(wrt(logits))]
fn softmax_xent_by_hand(logits: &Array2<f64>, onehot: &Array2<f64>) -> f64 {
    let m = logits.fold_axis(Axis(1), f64::NEG_INFINITY, |&a, &b| a.max(b));
    let z = logits - &m.insert_axis(Axis(1));
    let lse = z.mapv(f64::exp).sum_axis(Axis(1)).mapv(f64::ln);
    let logp = &z - &lse.insert_axis(Axis(1));
    -(&logp * onehot).sum_axis(Axis(1)).mean().unwrap()
}

#[test]
fn n03_softmax_xent_by_hand() {
    let l = det_vals(12, 0.71)
        .iter()
        .map(|v| v * 3.0)
        .collect::<Vec<_>>();
    let oh = arr2(
        &[1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0],
        4,
        3,
    );
    let labels = [0usize, 2, 1, 0];
    // Against nn::cross_entropy too.
    let ref_v = nn::cross_entropy(&arr2(&l, 4, 3), &labels);
    assert!((softmax_xent_by_hand(&arr2(&l, 4, 3), &oh) - ref_v).abs() < 1e-12);
    verify(
        "softmax_xent_by_hand",
        &l,
        &|q| softmax_xent_by_hand(&arr2(q, 4, 3), &oh),
        &|q| {
            let (v, g) = softmax_xent_by_hand_grad(&arr2(q, 4, 3), &oh);
            (v, flat_of(&g))
        },
        &|q, t| softmax_xent_by_hand_jvp(&arr2(q, 4, 3), &oh, &arr2(t, 4, 3)),
        Some(&|q, t| {
            let (v, g, h) = softmax_xent_by_hand_hvp(&arr2(q, 4, 3), &oh, &arr2(t, 4, 3));
            (v, flat_of(&g), flat_of(&h))
        }),
        None,
    );
}

#[differentiable]
fn conv1d_loss(x: &Array1<f64>, k: &Array1<f64>, bias: f64) -> f64 {
    let kl = k.len();
    let m = x.len() - kl + 1;
    let mut y = Array1::<f64>::zeros(m);
    for i in 0..m {
        y[i] = (&x.slice(s![i..i + kl]) * k).sum() + bias;
    }
    let act = y.mapv(f64::tanh);
    (&act * &act).sum() + act.slice(s![1..]).sum()
}

#[test]
fn n04_conv1d_slice() {
    let z = det_vals(12, 0.43);
    verify(
        "conv1d_loss",
        &z,
        &|q| conv1d_loss(&arr1(&q[..8]), &arr1(&q[8..11]), q[11]),
        &|q| {
            let (v, (gx, gk, gb)) = conv1d_loss_grad(&arr1(&q[..8]), &arr1(&q[8..11]), q[11]);
            (v, cat(&[flat_of(&gx), flat_of(&gk), vec![gb]]))
        },
        &|q, t| {
            conv1d_loss_jvp(
                &arr1(&q[..8]),
                &arr1(&q[8..11]),
                q[11],
                &arr1(&t[..8]),
                &arr1(&t[8..11]),
                t[11],
            )
        },
        Some(&|q, t| {
            let (v, (gx, gk, gb), (hx, hk, hb)) = conv1d_loss_hvp(
                &arr1(&q[..8]),
                &arr1(&q[8..11]),
                q[11],
                &arr1(&t[..8]),
                &arr1(&t[8..11]),
                t[11],
            );
            (
                v,
                cat(&[flat_of(&gx), flat_of(&gk), vec![gb]]),
                cat(&[flat_of(&hx), flat_of(&hk), vec![hb]]),
            )
        }),
        None,
    );
}

#[differentiable]
fn layer_norm_loss(x: &Array2<f64>, gain: &Array1<f64>, shift: &Array1<f64>) -> f64 {
    let mu = x.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1));
    let var = x.var_axis(Axis(1), 0.0).insert_axis(Axis(1));
    let xh = (x - &mu) / &(var + 1e-5).mapv(f64::sqrt);
    let y = &xh * gain + shift;
    y.mapv(|v| v * v * v).sum() / y.len() as f64 + y.std(1.0)
}

#[test]
fn n05_layer_norm() {
    let z = det_vals(20, 0.29);
    let (r, c) = (4, 3);
    let f = |q: &[f64]| (arr2(&q[..12], r, c), arr1(&q[12..15]), arr1(&q[15..18]));
    let z = z[..18].to_vec();
    verify(
        "layer_norm_loss",
        &z,
        &|q| {
            let (a, b, d) = f(q);
            layer_norm_loss(&a, &b, &d)
        },
        &|q| {
            let (a, b, d) = f(q);
            let (v, (ga, gb, gd)) = layer_norm_loss_grad(&a, &b, &d);
            (v, cat(&[flat_of(&ga), flat_of(&gb), flat_of(&gd)]))
        },
        &|q, t| {
            let (a, b, d) = f(q);
            let (ta, tb, td) = f(t);
            layer_norm_loss_jvp(&a, &b, &d, &ta, &tb, &td)
        },
        Some(&|q, t| {
            let (a, b, d) = f(q);
            let (ta, tb, td) = f(t);
            let (v, (ga, gb, gd), (ha, hb, hd)) = layer_norm_loss_hvp(&a, &b, &d, &ta, &tb, &td);
            (
                v,
                cat(&[flat_of(&ga), flat_of(&gb), flat_of(&gd)]),
                cat(&[flat_of(&ha), flat_of(&hb), flat_of(&hd)]),
            )
        }),
        None,
    );
}

#[differentiable(wrt(wq, wk, wv))]
fn attention_loss(wq: &Array2<f64>, wk: &Array2<f64>, wv: &Array2<f64>, x: &Array2<f64>) -> f64 {
    let q = x.dot(wq);
    let k = x.dot(wk);
    let v = x.dot(wv);
    let d = wq.ncols() as f64;
    let scores = q.dot(&k.t()) / d.sqrt();
    let m = scores.fold_axis(Axis(1), f64::NEG_INFINITY, |&a, &b| a.max(b));
    let e = (&scores - &m.insert_axis(Axis(1))).mapv(f64::exp);
    let p = &e / &e.sum_axis(Axis(1)).insert_axis(Axis(1));
    let out = p.dot(&v);
    let p2 = nn::softmax(&scores, Axis(1));
    out.mapv(|t| t * t).sum() + (&p2 - &p).sum() + out.t().dot(&out).sum() * 0.1
}

#[test]
fn n06_attention() {
    let x = arr2(&det_vals(12, 0.61), 4, 3);
    let z = det_vals(18, 0.33);
    let f = |q: &[f64]| {
        (
            arr2(&q[..6], 3, 2),
            arr2(&q[6..12], 3, 2),
            arr2(&q[12..18], 3, 2),
        )
    };
    verify(
        "attention_loss",
        &z,
        &|q| {
            let (a, b, c) = f(q);
            attention_loss(&a, &b, &c, &x)
        },
        &|q| {
            let (a, b, c) = f(q);
            let (v, (ga, gb, gc)) = attention_loss_grad(&a, &b, &c, &x);
            (v, cat(&[flat_of(&ga), flat_of(&gb), flat_of(&gc)]))
        },
        &|q, t| {
            let (a, b, c) = f(q);
            let (ta, tb, tc) = f(t);
            attention_loss_jvp(&a, &b, &c, &x, &ta, &tb, &tc)
        },
        Some(&|q, t| {
            let (a, b, c) = f(q);
            let (ta, tb, tc) = f(t);
            let (v, (ga, gb, gc), (ha, hb, hc)) = attention_loss_hvp(&a, &b, &c, &x, &ta, &tb, &tc);
            (
                v,
                cat(&[flat_of(&ga), flat_of(&gb), flat_of(&gc)]),
                cat(&[flat_of(&ha), flat_of(&hb), flat_of(&hc)]),
            )
        }),
        None,
    );
}

#[differentiable(wrt(x, t))]
fn nn_helpers(x: &Array2<f64>, t: &Array2<f64>, labels: &[usize]) -> f64 {
    let a = nn::relu(x).sum() * 0.3;
    let b = nn::sigmoid(x).mapv(|v| v * v).sum();
    let c = nn::log_softmax(x, Axis(1)).mean().unwrap();
    let d = nn::logsumexp(t, Axis(0)).sum();
    let e = nn::cross_entropy(x, labels);
    let f = nn::mse(x, t);
    let g = nn::softplus(t).sum();
    a + b + c + d + e + f + g
}

#[test]
fn n07_nn_helpers() {
    let z = det_vals(24, 0.77)
        .iter()
        .map(|v| v * 2.0 + 0.01)
        .collect::<Vec<_>>();
    let labels = [2usize, 0, 1, 1];
    verify(
        "nn_helpers",
        &z,
        &|q| nn_helpers(&arr2(&q[..12], 4, 3), &arr2(&q[12..], 4, 3), &labels),
        &|q| {
            let (v, (gx, gt)) =
                nn_helpers_grad(&arr2(&q[..12], 4, 3), &arr2(&q[12..], 4, 3), &labels);
            (v, cat(&[flat_of(&gx), flat_of(&gt)]))
        },
        &|q, t| {
            nn_helpers_jvp(
                &arr2(&q[..12], 4, 3),
                &arr2(&q[12..], 4, 3),
                &labels,
                &arr2(&t[..12], 4, 3),
                &arr2(&t[12..], 4, 3),
            )
        },
        Some(&|q, t| {
            let (v, (gx, gt), (hx, ht)) = nn_helpers_hvp(
                &arr2(&q[..12], 4, 3),
                &arr2(&q[12..], 4, 3),
                &labels,
                &arr2(&t[..12], 4, 3),
                &arr2(&t[12..], 4, 3),
            );
            (
                v,
                cat(&[flat_of(&gx), flat_of(&gt)]),
                cat(&[flat_of(&hx), flat_of(&ht)]),
            )
        }),
        None,
    );
}

#[derive(Clone, Debug, Differentiable)]
struct Dense {
    w: Array2<f64>,
    b: Array1<f64>,
}

#[derive(Clone, Debug, Differentiable)]
struct Net {
    l1: Dense,
    l2: Dense,
    temp: f64,
    #[no_derivative]
    tag: u32,
}

impl Flat for Net {
    fn flat(&self) -> Vec<f64> {
        cat(&[
            flat_of(&self.l1.w),
            flat_of(&self.l1.b),
            flat_of(&self.l2.w),
            flat_of(&self.l2.b),
            vec![self.temp],
        ])
    }
    fn unflat(&self, v: &[f64]) -> Self {
        let (w1, b1, w2, b2) = mlp_split(&v[..26]);
        Net {
            l1: Dense { w: w1, b: b1 },
            l2: Dense { w: w2, b: b2 },
            temp: v[26],
            tag: self.tag,
        }
    }
}

impl Dense {
    #[differentiable(wrt(self))]
    fn forward(&self, x: &Array2<f64>) -> Array2<f64> {
        x.dot(&self.w) + &self.b
    }
}

impl Net {
    #[differentiable(wrt(self))]
    fn logits(&self, x: &Array2<f64>) -> Array2<f64> {
        let h = self.l1.w.clone();
        let a = (x.dot(&h) + &self.l1.b).mapv(f64::tanh);
        (a.dot(&self.l2.w) + &self.l2.b) / self.temp
    }

    #[differentiable(wrt(self))]
    fn loss(&self, x: &Array2<f64>, labels: &[usize]) -> f64 {
        let lg = self.logits(x);
        let reg = (&self.l1.w * &self.l1.w).sum() + self.l2.w.mapv(|v| v * v).sum();
        nn::cross_entropy(&lg, labels) + 1e-2 * reg
    }
}

#[test]
fn n08_struct_net_methods() {
    let z = det_vals(27, 0.53);
    let proto = Net {
        l1: Dense {
            w: Array2::zeros((3, 4)),
            b: Array1::zeros(4),
        },
        l2: Dense {
            w: Array2::zeros((4, 2)),
            b: Array1::zeros(2),
        },
        temp: 1.0,
        tag: 7,
    };
    let mut z = z;
    z[26] = 1.3;
    let net = proto.unflat(&z);
    let x = arr2(&det_vals(15, 0.37), 5, 3);
    let labels = [0usize, 1, 1, 0, 1];
    verify_struct(
        "Net::loss",
        &net,
        &|q| q.loss(&x, &labels),
        &|q| q.loss_grad(&x, &labels),
        &|q, t| q.loss_jvp(&x, &labels, t),
        Some(&|q, t| q.loss_hvp(&x, &labels, t)),
    );
    assert_eq!(net.loss_grad(&x, &labels).1.tag, 7);
    // Training with Adam lowers the loss.
    let mut n = net.clone();
    let l0 = n.loss(&x, &labels);
    let mut opt = Adam::new(&n, 0.05);
    for _ in 0..200 {
        let (_, g) = n.loss_grad(&x, &labels);
        opt.step(&mut n, &g);
    }
    let l1 = n.loss(&x, &labels);
    assert!(l1 < 0.8 * l0, "Adam on Net: {l0} -> {l1}");
}
