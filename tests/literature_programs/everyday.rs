//! More everyday shapes: methods returning `Self`, `Vec` results, `Option<&[f64]>` parameters,
//! destructuring, early returns in `match`, fixed-size arrays and their accessors, nested
//! `Vec` rows, `#[no_derivative]` fields, `mapv` with closures and `#[differentiable]` paths.

use crate::harness::*;
use ad_runtime::ndarray::{Array2, Axis};
use ad_runtime::{Differentiable, Float, differentiable};

#[derive(Clone, Debug, Differentiable)]
struct Poly {
    coef: Vec<f64>,
    shift: f64,
}

impl Flat for Poly {
    fn flat(&self) -> Vec<f64> {
        let mut v = self.coef.clone();
        v.push(self.shift);
        v
    }
    fn unflat(&self, v: &[f64]) -> Self {
        Poly {
            coef: v[..v.len() - 1].to_vec(),
            shift: v[v.len() - 1],
        }
    }
}

impl Poly {
    /// A method returning `Self` built with `push` in a loop.
    #[differentiable]
    fn normalized(&self) -> Self {
        let mut s = 0.0;
        for i in 0..self.coef.len() {
            s += self.coef[i] * self.coef[i];
        }
        let nrm = s.sqrt();
        let mut c = Vec::new();
        for i in 0..self.coef.len() {
            c.push(self.coef[i] / nrm);
        }
        Poly {
            coef: c,
            shift: self.shift,
        }
    }

    #[differentiable]
    fn eval(&self, x: f64) -> f64 {
        let mut acc = 0.0;
        for i in (0..self.coef.len()).rev() {
            acc = acc * (x - self.shift) + self.coef[i];
        }
        acc
    }
}

#[differentiable(wrt(p))]
fn poly_fit(p: &Poly, xs: &[f64], ys: &[f64]) -> f64 {
    let q = Poly::normalized(p);
    let mut s = 0.0;
    for i in 0..xs.len() {
        let r = Poly::eval(&q, xs[i]) - ys[i];
        s += r * r;
    }
    s
}

#[test]
fn x01_method_returning_self_with_push() {
    let p = Poly {
        coef: vec![0.5, -1.2, 0.8, 0.3],
        shift: 0.2,
    };
    let xs = [0.1, 0.5, -0.7, 1.3, 0.9];
    let ys = [0.3, -0.2, 0.8, 0.1, 0.4];
    verify_struct(
        "poly_fit",
        &p,
        &|q| poly_fit(q, &xs, &ys),
        &|q| poly_fit_grad(q, &xs, &ys),
        &|q, t| poly_fit_jvp(q, &xs, &ys, t),
        Some(&|q, t| poly_fit_hvp(q, &xs, &ys, t)),
    );
    // vjp of the struct-valued method with a struct seed, against differences of <seed, f>.
    let seed = Poly {
        coef: vec![1.0, -0.5, 0.25, 2.0],
        shift: 0.7,
    };
    let (_, g) = p.normalized_vjp(seed.clone());
    let f = |q: &[f64]| {
        let r = p.unflat(q).normalized();
        r.flat()
            .iter()
            .zip(seed.flat())
            .map(|(a, b)| a * b)
            .sum::<f64>()
    };
    let fd = fd_grad(&f, &p.flat(), 1e-4);
    vec_close(&g.flat(), &fd, 1e-6).unwrap();
}

#[differentiable]
fn heat_profile(u0: &[f64], alpha: f64, steps: usize) -> Vec<f64> {
    let n = u0.len();
    let mut u = u0.to_vec();
    for _ in 0..steps {
        let mut un = u.clone();
        for i in 1..n - 1 {
            un[i] = u[i] + alpha * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
        }
        u = un;
    }
    u
}

#[test]
fn x02_heat_profile_jacobian() {
    let mut z: Vec<f64> = (0..6).map(|i| (i as f64 * 0.9).sin()).collect();
    z.push(0.18);
    let n = 6;
    verify_vector(
        "heat_profile",
        &z,
        &|q| heat_profile(&q[..n], q[n], 10),
        &|q, t| heat_profile_jvp(&q[..n], q[n], 10, &t[..n], t[n]),
        &|q| heat_profile_jacobian(&q[..n], q[n], 10),
        Some(&|q, w| {
            let (v, (gu, ga)) = heat_profile_vjp(&q[..n], q[n], 10, w.to_vec());
            let mut g = gu;
            g.push(ga);
            (v, g)
        }),
    );
}

#[differentiable]
fn opt_weights(x: &[f64], w: Option<&[f64]>) -> f64 {
    let mut s = 0.0;
    if let Some(ws) = w {
        for i in 0..x.len() {
            s += ws[i] * x[i].sin();
        }
    } else {
        for i in 0..x.len() {
            s += x[i].sin();
        }
    }
    s * s
}

#[test]
fn x03_option_slice_param() {
    let x = vec![0.3, -0.2, 0.9, 1.4];
    let w = [0.5, 2.0, -1.0, 0.1];
    for w in [Some(&w[..]), None] {
        verify(
            "opt_weights",
            &x,
            &|p| opt_weights(p, w),
            &|p| opt_weights_grad(p, w),
            &|p, t| opt_weights_jvp(p, w, t),
            Some(&|p, t| opt_weights_hvp(p, w, t)),
            Some(opt_weights_check(&x, w)),
        );
    }
}

#[differentiable]
fn recurrence_swap(x: f64, y: f64, n: usize) -> f64 {
    let mut a = x;
    let mut b = y;
    for _ in 0..n {
        (a, b) = (b, a * 0.5 + b * x.sin());
    }
    let mut c = a.tanh();
    let mut d = b;
    std::mem::swap(&mut c, &mut d);
    let c = c * 2.0;
    c + d * d
}

#[test]
fn x04_destructuring_swap_shadow() {
    let x = [0.7, -0.4];
    verify(
        "recurrence_swap",
        &x,
        &|p| recurrence_swap(p[0], p[1], 6),
        &|p| {
            let (v, (a, b)) = recurrence_swap_grad(p[0], p[1], 6);
            (v, vec![a, b])
        },
        &|p, t| recurrence_swap_jvp(p[0], p[1], 6, t[0], t[1]),
        Some(&|p, t| {
            let (v, (a, b), (c, d)) = recurrence_swap_hvp(p[0], p[1], 6, t[0], t[1]);
            (v, vec![a, b], vec![c, d])
        }),
        Some(recurrence_swap_check(x[0], x[1], 6)),
    );
}

#[differentiable]
fn early_exit_search(x: &[f64], thr: f64) -> f64 {
    let mut acc = 0.0;
    for i in 0..x.len() {
        let v = x[i] * thr;
        match i {
            0 => acc += v,
            _ if v > 1.0 => return acc * v,
            _ => acc = acc * 0.5 + v.sin(),
        }
    }
    acc
}

#[test]
fn x05_early_return_in_match() {
    for x in [vec![0.3, 0.5, 2.0, 0.1], vec![0.3, 0.2, 0.4, 0.1]] {
        slice_extra_case!(
            "early_exit_search",
            x.clone(),
            early_exit_search,
            early_exit_grad_x,
            early_exit_jvp_x,
            early_exit_hvp_x,
            early_exit_search_check,
            0.9
        );
    }
}
fn early_exit_grad_x(x: &[f64], d: f64) -> (f64, Vec<f64>) {
    let (v, (g, _)) = early_exit_search_grad(x, d);
    (v, g)
}
fn early_exit_jvp_x(x: &[f64], d: f64, t: &[f64]) -> (f64, f64) {
    early_exit_search_jvp(x, d, t, 0.0)
}
fn early_exit_hvp_x(x: &[f64], d: f64, t: &[f64]) -> (f64, Vec<f64>, Vec<f64>) {
    let (v, (g, _), (h, _)) = early_exit_search_hvp(x, d, t, 0.0);
    (v, g, h)
}

#[differentiable]
fn fixed_arrays(p: [f64; 3], q: &[f64; 3]) -> f64 {
    let sq = p.map(|v| v * v);
    let first = *q.first().unwrap();
    let last = *q.last().unwrap();
    let (head, tail) = q.split_at(1);
    let s: f64 = tail.iter().map(|v| v * head[0]).sum::<f64>()
        + q[1..].iter().map(|v| 0.5 * v * v).sum::<f64>();
    sq[0]
        + sq[1] * sq[2]
        + first * last
        + s
        + p.iter().map(|v| v.exp()).fold(f64::NEG_INFINITY, f64::max)
}

#[test]
fn x06_fixed_arrays_accessors() {
    let z = [0.3, -0.5, 0.9, 1.1, 0.4, -0.7];
    let ar = |q: &[f64]| [q[0], q[1], q[2]];
    verify(
        "fixed_arrays",
        &z,
        &|q| fixed_arrays(ar(q), &ar(&q[3..])),
        &|q| {
            let (v, (a, b)) = fixed_arrays_grad(ar(q), &ar(&q[3..]));
            (v, a.iter().chain(b.iter()).copied().collect())
        },
        &|q, t| fixed_arrays_jvp(ar(q), &ar(&q[3..]), ar(t), &ar(&t[3..])),
        Some(&|q, t| {
            let (v, (a, b), (c, d)) = fixed_arrays_hvp(ar(q), &ar(&q[3..]), ar(t), &ar(&t[3..]));
            (
                v,
                a.iter().chain(b.iter()).copied().collect(),
                c.iter().chain(d.iter()).copied().collect(),
            )
        }),
        Some(fixed_arrays_check(ar(&z), &ar(&z[3..]))),
    );
}

#[differentiable]
fn rk_step3(u: [f64; 3], k: f64, dt: f64) -> [f64; 3] {
    [
        u[0] + dt * (u[1] - k * u[0]),
        u[1] + dt * (u[2] * u[0]),
        u[2] - dt * k * u[2].sin(),
    ]
}

#[differentiable]
fn rk_chain3(u0: &[f64; 3], k: f64, n: usize) -> f64 {
    let mut u = *u0;
    for _ in 0..n {
        u = rk_step3(u, k, 0.1);
    }
    let r: [f64; 3] = rk_step3(u, k * 2.0, 0.05);
    r[0] * r[1] + r[2]
}

#[test]
fn x07_array_state_chain() {
    let z = [0.3, -0.5, 0.9, 0.7];
    let ar = |q: &[f64]| [q[0], q[1], q[2]];
    verify(
        "rk_chain3",
        &z,
        &|q| rk_chain3(&ar(q), q[3], 8),
        &|q| {
            let (v, (a, b)) = rk_chain3_grad(&ar(q), q[3], 8);
            (v, vec![a[0], a[1], a[2], b])
        },
        &|q, t| rk_chain3_jvp(&ar(q), q[3], 8, &ar(t), t[3]),
        Some(&|q, t| {
            let (v, (a, b), (c, d)) = rk_chain3_hvp(&ar(q), q[3], 8, &ar(t), t[3]);
            (v, vec![a[0], a[1], a[2], b], vec![c[0], c[1], c[2], d])
        }),
        Some(rk_chain3_check(&ar(&z), z[3], 8)),
    );
}

#[differentiable]
fn nested_vec(m: &Vec<Vec<f64>>, v: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..m.len() {
        let row = &m[i];
        let mut d = 0.0;
        for j in 0..row.len() {
            d += row[j] * v[j];
        }
        s += d.tanh();
    }
    s
}

#[test]
fn x08_nested_vec_rows() {
    let z = [0.3, -0.5, 0.9, 1.1, 0.4, -0.7, 0.2, 0.6];
    let mm = |q: &[f64]| vec![q[0..3].to_vec(), q[3..6].to_vec()];
    verify(
        "nested_vec",
        &z,
        &|q| {
            nested_vec(
                &mm(q),
                &q[6..8]
                    .iter()
                    .chain([0.5].iter())
                    .copied()
                    .collect::<Vec<_>>(),
            )
        },
        &|q| {
            let vv: Vec<f64> = q[6..8].iter().chain([0.5].iter()).copied().collect();
            let (v, (a, b)) = nested_vec_grad(&mm(q), &vv);
            (
                v,
                a.iter()
                    .flatten()
                    .copied()
                    .chain(b[..2].iter().copied())
                    .collect(),
            )
        },
        &|q, t| {
            let vv: Vec<f64> = q[6..8].iter().chain([0.5].iter()).copied().collect();
            let tv: Vec<f64> = t[6..8].iter().chain([0.0].iter()).copied().collect();
            nested_vec_jvp(&mm(q), &vv, &mm(t), &tv)
        },
        Some(&|q, t| {
            let vv: Vec<f64> = q[6..8].iter().chain([0.5].iter()).copied().collect();
            let tv: Vec<f64> = t[6..8].iter().chain([0.0].iter()).copied().collect();
            let (v, (a, b), (c, d)) = nested_vec_hvp(&mm(q), &vv, &mm(t), &tv);
            (
                v,
                a.iter()
                    .flatten()
                    .copied()
                    .chain(b[..2].iter().copied())
                    .collect(),
                c.iter()
                    .flatten()
                    .copied()
                    .chain(d[..2].iter().copied())
                    .collect(),
            )
        }),
        None,
    );
}

#[differentiable]
fn g_mean_var<T>(x: &[T]) -> (T, T)
where
    T: Float + std::iter::Sum,
{
    let n = T::from(x.len()).unwrap();
    let m = x.iter().copied().sum::<T>() / n;
    let v = x.iter().map(|&a| (a - m) * (a - m)).sum::<T>() / n;
    (m, v)
}

#[differentiable]
fn g_zscore_loss<T>(x: &[T]) -> T
where
    T: Float + std::iter::Sum,
{
    let (m, v) = g_mean_var(x);
    let sd = (v + T::from(1e-3).unwrap()).sqrt();
    x.iter().map(|&a| ((a - m) / sd).powi(4)).sum::<T>()
}

#[test]
fn x09_generic_tuple_result_and_caller() {
    let x = vec![0.3, -0.5, 0.9, 1.1, 0.4];
    slice_extra_case!(
        "g_zscore_loss",
        x.clone(),
        g_zscore_loss,
        g_zscore_loss_grad,
        g_zscore_loss_jvp,
        g_zscore_loss_hvp,
        g_zscore_loss_check
    );
    let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let (v32, g32) = g_zscore_loss_grad::<f32>(&xf);
    let (v64, g64) = g_zscore_loss_grad(&x);
    vec_close32(&[v32], &[v64], 1e-4, "value");
    vec_close32(&g32, &g64, 1e-3, "grad");
    let (_, j) = g_mean_var_jacobian(&x);
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    for k in 0..x.len() {
        assert!((j[[0, k]] - 1.0 / n).abs() < 1e-14);
        assert!((j[[1, k]] - 2.0 * (x[k] - m) / n).abs() < 1e-14, "J[1,{k}]");
    }
}

// ---- odds and ends -----------------------------------------------------------------------

#[derive(Clone, Debug, Differentiable)]
struct Neuron {
    w: Vec<f64>,
    b: f64,
    #[no_derivative]
    steps: usize,
}

impl Flat for Neuron {
    fn flat(&self) -> Vec<f64> {
        let mut v = self.w.clone();
        v.push(self.b);
        v
    }
    fn unflat(&self, v: &[f64]) -> Self {
        Neuron {
            w: v[..v.len() - 1].to_vec(),
            b: v[v.len() - 1],
            steps: self.steps,
        }
    }
}

#[differentiable]
impl Neuron {
    #[differentiable]
    fn sigmoid(z: f64) -> f64 {
        1.0 / (1.0 + (-z).exp())
    }

    /// Reads a `#[no_derivative]` integer field as a loop bound, calls `Self::sigmoid`.
    #[differentiable(wrt(self))]
    fn iterate(&self, x0: f64) -> f64 {
        let mut x = x0;
        for _ in 0..self.steps {
            let mut z = self.b;
            for j in 0..self.w.len() {
                z += self.w[j] * x.powi(j as i32);
            }
            x = Self::sigmoid(z) + 0.5 * Neuron::sigmoid(-z * x);
        }
        x
    }
}

#[test]
fn y01_no_derivative_field_and_assoc_fn() {
    let nrn = Neuron {
        w: vec![0.4, -1.1, 0.7],
        b: 0.2,
        steps: 5,
    };
    verify_struct(
        "Neuron::iterate",
        &nrn,
        &|q| q.iterate(0.3),
        &|q| q.iterate_grad(0.3),
        &|q, t| q.iterate_jvp(0.3, t),
        Some(&|q, t| q.iterate_hvp(0.3, t)),
    );
}

#[differentiable]
fn scaled_softplus(v: f64) -> f64 {
    (1.0 + v.exp()).ln()
}

#[differentiable]
fn mapv_captures(a: &Array2<f64>, s: f64, t: f64) -> f64 {
    let b = a.mapv(|v| if v > 0.0 { s * v.sin() } else { t * v * v });
    let c = a.mapv(scaled_softplus);
    let c2 = a.mapv(|v| scaled_softplus(v) * s);
    let mn = a.fold_axis(Axis(0), f64::INFINITY, |&m, &x| m.min(x * s));
    (&b * &c).sum() + c2.sum() + mn.sum() + a.t().dot(&b).mapv(|v| v * t).sum()
}

#[test]
fn y02_mapv_closures_capture_and_call() {
    let z: Vec<f64> = det_vals(12, 0.49).into_iter().chain([1.3, 0.6]).collect();
    verify(
        "mapv_captures",
        &z,
        &|q| mapv_captures(&arr2(&q[..12], 4, 3), q[12], q[13]),
        &|q| {
            let (v, (ga, gs, gt)) = mapv_captures_grad(&arr2(&q[..12], 4, 3), q[12], q[13]);
            (v, cat(&[flat_of(&ga), vec![gs, gt]]))
        },
        &|q, t| {
            mapv_captures_jvp(
                &arr2(&q[..12], 4, 3),
                q[12],
                q[13],
                &arr2(&t[..12], 4, 3),
                t[12],
                t[13],
            )
        },
        Some(&|q, t| {
            let (v, (ga, gs, gt), (ha, hs, ht)) = mapv_captures_hvp(
                &arr2(&q[..12], 4, 3),
                q[12],
                q[13],
                &arr2(&t[..12], 4, 3),
                t[12],
                t[13],
            );
            (
                v,
                cat(&[flat_of(&ga), vec![gs, gt]]),
                cat(&[flat_of(&ha), vec![hs, ht]]),
            )
        }),
        None,
    );
}

#[differentiable]
fn periodic(x: &[f64], period: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let m = x[i] % period;
        let k = (x[i] * 10.0) as i32;
        s += m * m + (k % 3) as f64 * x[i];
    }
    s
}

#[test]
fn y03_rem_and_int_casts() {
    let x = vec![0.33, 1.77, 2.51, -0.42];
    slice_extra_case!(
        "periodic",
        x.clone(),
        periodic,
        periodic_grad_x,
        periodic_jvp_x,
        periodic_hvp_x,
        periodic_check,
        1.3
    );
}
fn periodic_grad_x(x: &[f64], d: f64) -> (f64, Vec<f64>) {
    let (v, (g, _)) = periodic_grad(x, d);
    (v, g)
}
fn periodic_jvp_x(x: &[f64], d: f64, t: &[f64]) -> (f64, f64) {
    periodic_jvp(x, d, t, 0.0)
}
fn periodic_hvp_x(x: &[f64], d: f64, t: &[f64]) -> (f64, Vec<f64>, Vec<f64>) {
    let (v, (g, _), (h, _)) = periodic_hvp(x, d, t, 0.0);
    (v, g, h)
}

#[differentiable]
fn g_hess<T: Float>(x: &[T], k: T) -> T {
    let mut s = T::zero();
    for i in 0..x.len() {
        for j in 0..x.len() {
            s = s + (x[i] * x[j] * k).sin() / T::from(i + j + 1).unwrap();
        }
    }
    s
}

#[test]
fn y04_generic_hessian() {
    let x = vec![0.3, -0.5, 0.9];
    let (_, _, h) = g_hess_hessian(&x, 0.7);
    let gfn = |q: &[f64]| {
        let (v, (gx, gk)) = g_hess_grad(&q[..3], q[3]);
        assert_eq!(v, g_hess(&q[..3], q[3]));
        let mut g = gx;
        g.push(gk);
        g
    };
    let z = vec![0.3, -0.5, 0.9, 0.7];
    for c in 0..4 {
        let mut e = vec![0.0; 4];
        e[c] = 1.0;
        let fd = fd_hv(&gfn, &z, &e, 1e-4);
        let col: Vec<f64> = (0..4).map(|r| h[[r, c]]).collect();
        vec_close(&col, &fd, 1e-6).unwrap_or_else(|e| panic!("hessian column {c}: {e}"));
    }
}

#[derive(Clone, Debug, Differentiable)]
struct Gauss(f64, f64);

impl Flat for Gauss {
    fn flat(&self) -> Vec<f64> {
        vec![self.0, self.1]
    }
    fn unflat(&self, v: &[f64]) -> Self {
        Gauss(v[0], v[1])
    }
}

impl Gauss {
    #[differentiable(wrt(self))]
    fn logpdf(&self, x: f64) -> f64 {
        let z = (x - self.0) / self.1;
        -0.5 * z * z - self.1.ln() - 0.5 * (2.0 * std::f64::consts::PI).ln()
    }
    #[differentiable(wrt(self))]
    fn nll(&self, xs: &[f64]) -> f64 {
        -xs.iter().map(|&x| self.logpdf(x)).sum::<f64>()
    }
}

#[test]
fn s13_tuple_struct_iter_calls_method() {
    let g = Gauss(0.3, 1.4);
    let xs = [0.1, -0.5, 1.2, 2.0, 0.4];
    verify_struct(
        "Gauss::nll",
        &g,
        &|q| q.nll(&xs),
        &|q| q.nll_grad(&xs),
        &|q, t| q.nll_jvp(&xs, t),
        Some(&|q, t| q.nll_hvp(&xs, t)),
    );
}
