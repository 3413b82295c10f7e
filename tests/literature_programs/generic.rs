//! Generic `T: Float` code instantiated at `f64` and `f32`, closures calling closures, `Option`
//! and enum parameters with `if let` / `match` / `let else` / `while let`, and iterator chains.

use crate::harness::*;
use ad_runtime::{Float, differentiable};

#[differentiable]
fn g_chain_energy<T: Float>(x: &[T], k: T, rest: T) -> T {
    let mut e = T::zero();
    let half = T::from(0.5).unwrap();
    for i in 0..x.len() - 1 {
        let d = (x[i + 1] - x[i]).abs() - rest;
        e = e + half * k * d * d;
    }
    e + x[0] * x[0] * T::from(0.1).unwrap()
}

#[test]
fn g01_generic_chain_energy_f64_f32() {
    let x = vec![0.0, 1.3, 2.1, 3.7, 4.2];
    let mut z = x.clone();
    z.extend([2.0, 0.9]);
    let n = x.len();
    verify(
        "g_chain_energy f64",
        &z,
        &|q| g_chain_energy(&q[..n], q[n], q[n + 1]),
        &|q| {
            let (v, (gx, gk, gr)) = g_chain_energy_grad(&q[..n], q[n], q[n + 1]);
            let mut g = gx;
            g.extend([gk, gr]);
            (v, g)
        },
        &|q, t| g_chain_energy_jvp(&q[..n], q[n], q[n + 1], &t[..n], t[n], t[n + 1]),
        Some(&|q, t| {
            let (v, (gx, gk, gr), (hx, hk, hr)) =
                g_chain_energy_hvp(&q[..n], q[n], q[n + 1], &t[..n], t[n], t[n + 1]);
            let mut g = gx;
            g.extend([gk, gr]);
            let mut h = hx;
            h.extend([hk, hr]);
            (v, g, h)
        }),
        Some(g_chain_energy_check(&x, 2.0, 0.9)),
    );
    let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let (v32, (gx32, gk32, gr32)) = g_chain_energy_grad::<f32>(&xf, 2.0, 0.9);
    let (v64, (gx64, gk64, gr64)) = g_chain_energy_grad(&x, 2.0, 0.9);
    vec_close32(&[v32], &[v64], 1e-5, "f32 value");
    let mut a = gx32.clone();
    a.extend([gk32, gr32]);
    let mut b = gx64.clone();
    b.extend([gk64, gr64]);
    vec_close32(&a, &b, 1e-4, "f32 grad");
    let (_, t32) = g_chain_energy_jvp::<f32>(&xf, 2.0, 0.9, &[1.0, 0.0, -1.0, 0.5, 0.0], 0.3, 0.0);
    let (_, t64) = g_chain_energy_jvp(&x, 2.0, 0.9, &[1.0, 0.0, -1.0, 0.5, 0.0], 0.3, 0.0);
    vec_close32(&[t32], &[t64], 1e-4, "f32 jvp");
    assert_eq!(g_chain_energy_check::<f32>(&xf, 2.0, 0.9), Ok(()));
}

#[differentiable]
fn g_sq<T: Float>(x: T) -> T {
    x * x
}

#[differentiable]
fn g_softplus<T: Float>(x: T) -> T {
    if x > T::from(20.0).unwrap() {
        x
    } else {
        x.exp().ln_1p()
    }
}

#[differentiable]
fn g_helpers<T: Float>(x: &[T], w: T) -> T {
    let mut s = T::zero();
    for i in 0..x.len() {
        s = s + g_sq(x[i] - w) + g_softplus::<T>(x[i] * w);
    }
    s / T::from(x.len()).unwrap() + g_sq::<T>(w)
}

#[test]
fn g02_generic_helpers_from_generic() {
    let x = vec![0.3, -1.2, 2.2, 0.8];
    let mut z = x.clone();
    z.push(0.6);
    let n = x.len();
    verify(
        "g_helpers",
        &z,
        &|q| g_helpers(&q[..n], q[n]),
        &|q| {
            let (v, (gx, gw)) = g_helpers_grad(&q[..n], q[n]);
            let mut g = gx;
            g.push(gw);
            (v, g)
        },
        &|q, t| g_helpers_jvp(&q[..n], q[n], &t[..n], t[n]),
        Some(&|q, t| {
            let (v, (gx, gw), (hx, hw)) = g_helpers_hvp(&q[..n], q[n], &t[..n], t[n]);
            let mut g = gx;
            g.push(gw);
            let mut h = hx;
            h.push(hw);
            (v, g, h)
        }),
        Some(g_helpers_check(&x, 0.6)),
    );
    let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let (v32, (gx32, gw32)) = g_helpers_grad::<f32>(&xf, 0.6);
    let (v64, (gx64, gw64)) = g_helpers_grad(&x, 0.6);
    vec_close32(&[v32], &[v64], 1e-5, "value");
    let mut a = gx32;
    a.push(gw32);
    let mut b = gx64;
    b.push(gw64);
    vec_close32(&a, &b, 1e-4, "grad");
}

#[differentiable]
fn g_logsumexp_fit<T>(x: &[T], y: &[T], temp: T) -> T
where
    T: Float + std::iter::Sum,
{
    let m = x.iter().fold(T::neg_infinity(), |a, &b| a.max(b));
    let s: T = x.iter().map(|&v| ((v - m) / temp).exp()).sum();
    let lse = m + temp * s.ln();
    let sq: T = x
        .iter()
        .zip(y.iter())
        .map(|(&a, &b)| (a - b) * (a - b))
        .sum();
    lse + sq * T::from(0.25).unwrap()
}

#[test]
fn g03_generic_logsumexp_iter() {
    let x = vec![0.3, -1.2, 2.2, 0.8];
    let y = [0.1, 0.5, -0.3, 1.0];
    let mut z = x.clone();
    z.push(0.7);
    let n = x.len();
    verify(
        "g_logsumexp_fit",
        &z,
        &|q| g_logsumexp_fit(&q[..n], &y, q[n]),
        &|q| {
            let (v, (gx, gy, gt)) = g_logsumexp_fit_grad(&q[..n], &y, q[n]);
            let _ = gy;
            let mut g = gx;
            g.push(gt);
            (v, g)
        },
        &|q, t| g_logsumexp_fit_jvp(&q[..n], &y, q[n], &t[..n], &[0.0; 4], t[n]),
        Some(&|q, t| {
            let (v, (gx, _gy, gt), (hx, _hy, ht)) =
                g_logsumexp_fit_hvp(&q[..n], &y, q[n], &t[..n], &[0.0; 4], t[n]);
            let mut g = gx;
            g.push(gt);
            let mut h = hx;
            h.push(ht);
            (v, g, h)
        }),
        Some(g_logsumexp_fit_check(&x, &y, 0.7)),
    );
    let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let yf: Vec<f32> = y.iter().map(|&v| v as f32).collect();
    let (v32, (gx32, _, gt32)) = g_logsumexp_fit_grad::<f32>(&xf, &yf, 0.7);
    let (v64, (gx64, _, gt64)) = g_logsumexp_fit_grad(&x, &y, 0.7);
    vec_close32(&[v32], &[v64], 1e-5, "value");
    let mut a = gx32;
    a.push(gt32);
    let mut b = gx64;
    b.push(gt64);
    vec_close32(&a, &b, 1e-4, "grad");
}

#[differentiable]
fn g_heat<T: Float>(u0: &[T], alpha: T, steps: usize) -> T {
    let n = u0.len();
    let mut u = u0.to_vec();
    let two = T::from(2.0).unwrap();
    for _ in 0..steps {
        let mut un = vec![T::zero(); n];
        for i in 1..n - 1 {
            un[i] = u[i] + alpha * (u[i - 1] - two * u[i] + u[i + 1]);
        }
        u = un;
    }
    let mut s = T::zero();
    for i in 0..n {
        s = s + u[i] * u[i];
    }
    s.sqrt()
}

#[test]
fn g04_generic_heat() {
    let mut z: Vec<f64> = (0..7).map(|i| (i as f64 * 0.8).sin() + 0.3).collect();
    z.push(0.22);
    let n = 7;
    verify(
        "g_heat",
        &z,
        &|q| g_heat(&q[..n], q[n], 15),
        &|q| {
            let (v, (gu, ga)) = g_heat_grad(&q[..n], q[n], 15);
            let mut g = gu;
            g.push(ga);
            (v, g)
        },
        &|q, t| g_heat_jvp(&q[..n], q[n], 15, &t[..n], t[n]),
        Some(&|q, t| {
            let (v, (gu, ga), (hu, ha)) = g_heat_hvp(&q[..n], q[n], 15, &t[..n], t[n]);
            let mut g = gu;
            g.push(ga);
            let mut h = hu;
            h.push(ha);
            (v, g, h)
        }),
        Some(g_heat_check(&z[..n], z[n], 15)),
    );
    let uf: Vec<f32> = z[..n].iter().map(|&v| v as f32).collect();
    let (v32, (gu32, ga32)) = g_heat_grad::<f32>(&uf, 0.22, 15);
    let (v64, (gu64, ga64)) = g_heat_grad(&z[..n], 0.22, 15);
    vec_close32(&[v32], &[v64], 1e-5, "value");
    let mut a = gu32;
    a.push(ga32);
    let mut b = gu64;
    b.push(ga64);
    vec_close32(&a, &b, 1e-3, "grad");
}

#[differentiable]
fn g_closures<T: Float + ad_runtime::num_traits::FloatConst>(x: &[T], s: T) -> T {
    let sig = |v: T| T::one() / (T::one() + (-v * s).exp());
    let gauss = |v: T| {
        (-(v * v) / (T::from(2.0).unwrap() * s * s)).exp()
            / (s * (T::PI() * T::from(2.0).unwrap()).sqrt())
    };
    let mut acc = T::zero();
    for i in 0..x.len() {
        acc = acc + sig(x[i]) * gauss(x[i]);
    }
    acc
}

#[test]
fn g05_generic_closures() {
    let x = vec![0.3, -1.2, 0.9, 0.4];
    let mut z = x.clone();
    z.push(0.8);
    let n = 4;
    verify(
        "g_closures",
        &z,
        &|q| g_closures(&q[..n], q[n]),
        &|q| {
            let (v, (gx, gs)) = g_closures_grad(&q[..n], q[n]);
            let mut g = gx;
            g.push(gs);
            (v, g)
        },
        &|q, t| g_closures_jvp(&q[..n], q[n], &t[..n], t[n]),
        Some(&|q, t| {
            let (v, (gx, gs), (hx, hs)) = g_closures_hvp(&q[..n], q[n], &t[..n], t[n]);
            let mut g = gx;
            g.push(gs);
            let mut h = hx;
            h.push(hs);
            (v, g, h)
        }),
        Some(g_closures_check(&x, 0.8)),
    );
    let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let (v32, (gx32, gs32)) = g_closures_grad::<f32>(&xf, 0.8);
    let (v64, (gx64, gs64)) = g_closures_grad(&x, 0.8);
    vec_close32(&[v32], &[v64], 1e-5, "value");
    let mut a = gx32;
    a.push(gs32);
    let mut b = gx64;
    b.push(gs64);
    vec_close32(&a, &b, 1e-4, "grad");
}

#[differentiable]
fn g_lv_rhs<T: Float>(x: T, y: T, a: T, b: T) -> (T, T) {
    (a * x - x * y, x * y - b * y)
}

#[differentiable]
fn g_lotka_rk2<T: Float>(x0: T, y0: T, a: T, b: T, n: usize) -> T {
    let dt = T::from(0.05).unwrap();
    let half = T::from(0.5).unwrap();
    let mut x = x0;
    let mut y = y0;
    for _ in 0..n {
        let (k1x, k1y) = g_lv_rhs(x, y, a, b);
        let (k2x, k2y) = g_lv_rhs(x + half * dt * k1x, y + half * dt * k1y, a, b);
        x = x + dt * k2x;
        y = y + dt * k2y;
    }
    x * y + x.ln()
}

#[test]
fn g06_generic_tuple_helper_rk2() {
    let z = [1.1, 0.7, 1.3, 0.9];
    verify(
        "g_lotka_rk2",
        &z,
        &|q| g_lotka_rk2(q[0], q[1], q[2], q[3], 40),
        &|q| {
            let (v, (a, b, c, d)) = g_lotka_rk2_grad(q[0], q[1], q[2], q[3], 40);
            (v, vec![a, b, c, d])
        },
        &|q, t| g_lotka_rk2_jvp(q[0], q[1], q[2], q[3], 40, t[0], t[1], t[2], t[3]),
        Some(&|q, t| {
            let (v, (a, b, c, d), (e, f, g, h)) =
                g_lotka_rk2_hvp(q[0], q[1], q[2], q[3], 40, t[0], t[1], t[2], t[3]);
            (v, vec![a, b, c, d], vec![e, f, g, h])
        }),
        Some(g_lotka_rk2_check(z[0], z[1], z[2], z[3], 40)),
    );
    let (v32, g32) = g_lotka_rk2_grad::<f32>(1.1, 0.7, 1.3, 0.9, 40);
    let (v64, g64) = g_lotka_rk2_grad(1.1, 0.7, 1.3, 0.9, 40);
    vec_close32(&[v32], &[v64], 1e-5, "value");
    vec_close32(
        &[g32.0, g32.1, g32.2, g32.3],
        &[g64.0, g64.1, g64.2, g64.3],
        1e-3,
        "grad",
    );
}

// ---- closures ---------------------------------------------------------------------------

#[differentiable]
fn closure_loop(x: &[f64], a: f64) -> f64 {
    let k = a * a;
    let phi = |v: f64| (k * v).sin() + a * v * v;
    let dphi = |u: f64, v: f64| phi(u) - phi(v);
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += dphi(x[i + 1], x[i]).powi(2);
    }
    s + phi(x[0])
}

#[test]
fn c01_closure_calling_closure() {
    let x = vec![0.3, -0.2, 0.9, 1.4];
    let mut z = x.clone();
    z.push(0.7);
    let n = 4;
    verify(
        "closure_loop",
        &z,
        &|q| closure_loop(&q[..n], q[n]),
        &|q| {
            let (v, (gx, ga)) = closure_loop_grad(&q[..n], q[n]);
            let mut g = gx;
            g.push(ga);
            (v, g)
        },
        &|q, t| closure_loop_jvp(&q[..n], q[n], &t[..n], t[n]),
        Some(&|q, t| {
            let (v, (gx, ga), (hx, ha)) = closure_loop_hvp(&q[..n], q[n], &t[..n], t[n]);
            let mut g = gx;
            g.push(ga);
            let mut h = hx;
            h.push(ha);
            (v, g, h)
        }),
        Some(closure_loop_check(&x, 0.7)),
    );
}

#[differentiable]
fn closure_block_body(x: &[f64], w: &[f64]) -> f64 {
    let lin = |i: usize| {
        let z = x[i] * w[i] + w[0];
        let r = z.tanh();
        r * r + 0.1 * z
    };
    let mut acc = 0.0;
    for i in 0..x.len() {
        acc += lin(i);
    }
    acc
}

#[test]
fn c02_closure_block_body_index_arg() {
    let x = [0.3, -0.2, 0.9, 1.4];
    let w = [0.5, 1.1, -0.7, 0.2];
    let z: Vec<f64> = x.iter().chain(&w).copied().collect();
    two_slices(
        "closure_block_body",
        &z,
        4,
        &|a, b| closure_block_body(a, b),
        &|a, b| closure_block_body_grad(a, b),
        &|a, b, ta, tb| closure_block_body_jvp(a, b, ta, tb),
        &|a, b, ta, tb| closure_block_body_hvp(a, b, ta, tb),
        Some(closure_block_body_check(&x, &w)),
    );
}

// ---- if let / match ---------------------------------------------------------------------

#[differentiable]
fn ridge_opt(x: &[f64], lam: Option<f64>, l1: Option<f64>) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += (x[i] - 0.5 * i as f64).powi(2);
    }
    if let Some(l) = lam {
        let mut r = 0.0;
        for i in 0..x.len() {
            r += x[i] * x[i];
        }
        s += l * r;
    }
    match l1 {
        Some(c) if c > 0.0 => {
            for i in 0..x.len() {
                s += c * (x[i] * x[i] + 1e-3).sqrt();
            }
        }
        Some(_) => s *= 2.0,
        None => {}
    }
    s
}

#[test]
fn m01_option_params() {
    let x = vec![0.3, -0.2, 0.9, 1.4];
    for (lam, l1) in [
        (Some(0.3), Some(0.2)),
        (None, Some(-1.0)),
        (Some(0.1), None),
        (None, None),
    ] {
        slice_extra_case!(
            "ridge_opt",
            x.clone(),
            ridge_opt,
            ridge_opt_grad,
            ridge_opt_jvp,
            ridge_opt_hvp,
            ridge_opt_check,
            lam,
            l1
        );
    }
}

#[derive(Clone, Copy, Debug)]
enum Loss {
    L2,
    Huber(f64),
    LogCosh { scale: f64 },
}

#[differentiable(wrt(pred))]
fn robust_loss(pred: &[f64], target: &[f64], kind: Loss) -> f64 {
    let mut s = 0.0;
    for i in 0..pred.len() {
        let r = pred[i] - target[i];
        let l = match kind {
            Loss::L2 => 0.5 * r * r,
            Loss::Huber(d) if r.abs() <= d => 0.5 * r * r,
            Loss::Huber(d) => d * (r.abs() - 0.5 * d),
            Loss::LogCosh { scale } => scale * (r / scale).cosh().ln(),
        };
        s += l;
    }
    s
}

#[test]
fn m02_enum_match_guard() {
    let p = vec![0.3, -0.2, 1.9, 1.55, -2.0];
    let t = [0.1, 0.2, 0.3, 0.4, 0.5];
    for kind in [Loss::L2, Loss::Huber(1.0), Loss::LogCosh { scale: 0.7 }] {
        let x = p.clone();
        verify(
            "robust_loss",
            &x,
            &|q| robust_loss(q, &t, kind),
            &|q| robust_loss_grad(q, &t, kind),
            &|q, v| robust_loss_jvp(q, &t, kind, v),
            Some(&|q, v| robust_loss_hvp(q, &t, kind, v)),
            Some(robust_loss_check(&x, &t, kind)),
        );
    }
}

#[differentiable]
fn let_else_and_tuple_match(x: f64, y: f64, o: Option<usize>) -> f64 {
    let Some(k) = o else {
        return x * y;
    };
    let base = match (x * 2.0, y) {
        (p, q) if p > q => p * q.sin(),
        (p, q) => p + q * q,
    };
    let mut s = base;
    match k {
        0 => s += x,
        1..=3 => s *= y.exp(),
        _ => s -= x.tanh(),
    }
    s
}

#[test]
fn m03_let_else_tuple_match() {
    for o in [None, Some(0), Some(2), Some(7)] {
        for x in [[0.8, 0.3], [0.2, 1.1]] {
            verify(
                "let_else_and_tuple_match",
                &x,
                &|p| let_else_and_tuple_match(p[0], p[1], o),
                &|p| {
                    let (v, (a, b)) = let_else_and_tuple_match_grad(p[0], p[1], o);
                    (v, vec![a, b])
                },
                &|p, t| let_else_and_tuple_match_jvp(p[0], p[1], o, t[0], t[1]),
                Some(&|p, t| {
                    let (v, (a, b), (c, d)) =
                        let_else_and_tuple_match_hvp(p[0], p[1], o, t[0], t[1]);
                    (v, vec![a, b], vec![c, d])
                }),
                Some(let_else_and_tuple_match_check(x[0], x[1], o)),
            );
        }
    }
}

#[differentiable]
fn while_let_stack(x: &[f64], order: &[usize]) -> f64 {
    let mut stack = order.to_vec();
    let mut acc = 1.0;
    while let Some(k) = stack.pop() {
        acc = acc * 0.9 + x[k].sin() * acc.cos();
    }
    acc
}

#[test]
fn m04_while_let() {
    let x = vec![0.3, -0.2, 0.9, 1.4];
    let order = [0usize, 2, 1, 3, 2, 0];
    slice_extra_case!(
        "while_let_stack",
        x.clone(),
        while_let_stack,
        while_let_stack_grad,
        while_let_stack_jvp,
        while_let_stack_hvp,
        while_let_stack_check,
        &order
    );
}

// ---- iterator chains --------------------------------------------------------------------

#[differentiable]
fn it_zip_map_sum(x: &[f64], y: &[f64]) -> f64 {
    let dot: f64 = x.iter().zip(y.iter()).map(|(a, b)| a * b).sum();
    let d2: f64 = x.iter().zip(y).map(|(&a, &b)| (a - b).powi(2)).sum();
    dot.tanh() + d2.sqrt()
}

#[test]
fn i01_zip_map_sum() {
    let x = [0.3, -0.2, 0.9, 1.4];
    let y = [0.5, 1.1, -0.7, 0.2];
    let z: Vec<f64> = x.iter().chain(&y).copied().collect();
    two_slices(
        "it_zip_map_sum",
        &z,
        4,
        &|a, b| it_zip_map_sum(a, b),
        &|a, b| it_zip_map_sum_grad(a, b),
        &|a, b, ta, tb| it_zip_map_sum_jvp(a, b, ta, tb),
        &|a, b, ta, tb| it_zip_map_sum_hvp(a, b, ta, tb),
        Some(it_zip_map_sum_check(&x, &y)),
    );
}

#[differentiable]
fn it_windows(x: &[f64], eps: f64) -> f64 {
    let tv: f64 = x
        .windows(2)
        .map(|w| ((w[1] - w[0]).powi(2) + eps * eps).sqrt())
        .sum();
    let curv: f64 = x
        .windows(3)
        .map(|w| (w[0] - 2.0 * w[1] + w[2]).powi(2))
        .sum();
    tv + 0.5 * curv
}

#[test]
fn i02_windows() {
    let x = vec![0.3, -0.2, 0.9, 1.4, 1.1, 0.2];
    slice_extra_case!(
        "it_windows",
        x.clone(),
        it_windows,
        it_windows_grad_x,
        it_windows_jvp_x,
        it_windows_hvp_x,
        it_windows_check_x,
        0.1
    );
}
fn it_windows_grad_x(x: &[f64], e: f64) -> (f64, Vec<f64>) {
    let (v, (g, _)) = it_windows_grad(x, e);
    (v, g)
}
fn it_windows_jvp_x(x: &[f64], e: f64, t: &[f64]) -> (f64, f64) {
    it_windows_jvp(x, e, t, 0.0)
}
fn it_windows_hvp_x(x: &[f64], e: f64, t: &[f64]) -> (f64, Vec<f64>, Vec<f64>) {
    let (v, (g, _), (h, _)) = it_windows_hvp(x, e, t, 0.0);
    (v, g, h)
}
fn it_windows_check_x(x: &[f64], e: f64) -> Result<(), ad_runtime::check::Mismatch> {
    it_windows_check(x, e)
}

#[differentiable]
fn it_enum_filter_fold(x: &[f64]) -> f64 {
    let a = x
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .fold(0.0, |acc, (i, v)| acc + v * v * (i as f64 + 1.0));
    let b = x
        .iter()
        .filter(|v| **v > 0.0)
        .fold(1.0, |acc, v| acc * (1.0 + v));
    let c = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    a + b.ln() + c
}

#[test]
fn i03_enumerate_filter_fold() {
    let x = vec![0.3, -0.2, 0.9, 1.4, -1.1, 0.2];
    slice_extra_case!(
        "it_enum_filter_fold",
        x,
        it_enum_filter_fold,
        it_enum_filter_fold_grad,
        it_enum_filter_fold_jvp,
        it_enum_filter_fold_hvp,
        it_enum_filter_fold_check
    );
}

#[differentiable]
fn it_rev_step(x: &[f64]) -> f64 {
    let horner = x.iter().rev().fold(0.0, |acc, c| acc * 0.7 + c);
    let evens: f64 = x.iter().step_by(2).map(|v| v.sin()).sum();
    let back: f64 = (0..x.len()).rev().step_by(2).map(|i| x[i] * i as f64).sum();
    horner * evens + back
}

#[test]
fn i04_rev_step_by() {
    let x = vec![0.3, -0.2, 0.9, 1.4, -1.1, 0.2, 0.6];
    slice_extra_case!(
        "it_rev_step",
        x,
        it_rev_step,
        it_rev_step_grad,
        it_rev_step_jvp,
        it_rev_step_hvp,
        it_rev_step_check
    );
}

#[differentiable]
fn it_chain_take_skip(x: &[f64], y: &[f64]) -> f64 {
    let mut s = 0.0;
    for (i, v) in x.iter().chain(y.iter()).enumerate() {
        s += v * v * (1.0 + 0.1 * i as f64);
    }
    let head: f64 = x.iter().take(2).map(|v| v.exp()).sum();
    let tail: f64 = y.iter().skip(1).map(|v| v.cos()).sum();
    let mid: f64 = x
        .iter()
        .skip(1)
        .take(2)
        .zip(y.iter())
        .map(|(a, b)| a * b)
        .sum();
    s + head * tail + mid
}

#[test]
fn i05_chain_take_skip() {
    let x = [0.3, -0.2, 0.9, 1.4];
    let y = [0.5, 1.1, -0.7];
    let z: Vec<f64> = x.iter().chain(&y).copied().collect();
    two_slices(
        "it_chain_take_skip",
        &z,
        4,
        &|a, b| it_chain_take_skip(a, b),
        &|a, b| it_chain_take_skip_grad(a, b),
        &|a, b, ta, tb| it_chain_take_skip_jvp(a, b, ta, tb),
        &|a, b, ta, tb| it_chain_take_skip_hvp(a, b, ta, tb),
        Some(it_chain_take_skip_check(&x, &y)),
    );
}

#[differentiable]
fn it_collect_product(x: &[f64]) -> f64 {
    let sq: Vec<f64> = x.iter().map(|v| v * v + 0.5).collect();
    let p: f64 = sq.iter().product();
    let n = x.iter().filter(|&&v| v > 0.0).count();
    let m: f64 = sq.iter().zip(x.iter()).map(|(a, b)| a * b).sum::<f64>() / n as f64;
    p.ln() + m
}

#[test]
fn i06_collect_product_count() {
    let x = vec![0.3, -0.2, 0.9, 1.4, -1.1];
    slice_extra_case!(
        "it_collect_product",
        x,
        it_collect_product,
        it_collect_product_grad,
        it_collect_product_jvp,
        it_collect_product_hvp,
        it_collect_product_check
    );
}
