//! Hunt 4: gradbench/ADBench-style objectives in plain Rust (lse, ode, lstm, ba, ht, det,
//! kmeans, particle, saddle), Enzyme/Clad/Tapenade-style language tests (functors, member
//! functions, call chains, `while`/`break`, `match`, `Option`, early returns, recursion,
//! in-place buffers, sorting), and Swift/JAX-style models, generic code, iterator chains and
//! ndarray programs, each checked in every mode by the harness.

use crate::harness::*;
use ad_runtime::ndarray::{Array1, Array2, Axis};
use ad_runtime::{Differentiable, Float, differentiable, nn};

// ===================================================================================
// gradbench / ADBench
// ===================================================================================

/// gradbench `lse`: log-sum-exp shifted by the maximum.
#[differentiable]
fn gb_lse(x: &[f64]) -> f64 {
    let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut s = 0.0;
    for i in 0..x.len() {
        s += (x[i] - m).exp();
    }
    m + s.ln()
}

#[test]
fn h001_gb_lse() {
    slice_case!(
        "gb_lse",
        vec![0.3, -1.2, 2.1, 0.8, -0.4, 1.7],
        gb_lse,
        gb_lse_grad,
        gb_lse_jvp,
        gb_lse_hvp,
        gb_lse_check
    );
}

/// gradbench `ode`: the linear chain ODE `y_0' = x_0`, `y_i' = x_i y_{i-1}`, integrated by
/// explicit Euler over many steps, the final state's last component as the result.
#[differentiable]
fn gb_ode(x: &[f64], s: usize) -> f64 {
    let n = x.len();
    let mut y = vec![0.0; n];
    let h = 1.0 / s as f64;
    for _ in 0..s {
        let mut dy = vec![0.0; n];
        dy[0] = x[0];
        for i in 1..n {
            dy[i] = x[i] * y[i - 1];
        }
        for i in 0..n {
            y[i] += h * dy[i];
        }
    }
    y[n - 1]
}

#[test]
fn h002_gb_ode() {
    slice_extra_case!(
        "gb_ode",
        vec![1.1, 0.7, -0.4, 1.3, 0.9],
        gb_ode,
        gb_ode_grad,
        gb_ode_jvp,
        gb_ode_hvp,
        gb_ode_check,
        60
    );
}

/// The same ODE by classic RK4 on a fixed-size state, with a helper returning `[f64; 3]`.
#[differentiable]
fn ode_rhs3(y: [f64; 3], x: &[f64]) -> [f64; 3] {
    [x[0], x[1] * y[0], x[2] * y[1] - 0.1 * y[2]]
}

#[differentiable]
fn gb_ode_rk4(x: &[f64], s: usize) -> f64 {
    let h = 1.0 / s as f64;
    let mut y = [0.0; 3];
    for _ in 0..s {
        let k1 = ode_rhs3(y, x);
        let y2 = [
            y[0] + 0.5 * h * k1[0],
            y[1] + 0.5 * h * k1[1],
            y[2] + 0.5 * h * k1[2],
        ];
        let k2 = ode_rhs3(y2, x);
        let y3 = [
            y[0] + 0.5 * h * k2[0],
            y[1] + 0.5 * h * k2[1],
            y[2] + 0.5 * h * k2[2],
        ];
        let k3 = ode_rhs3(y3, x);
        let y4 = [y[0] + h * k3[0], y[1] + h * k3[1], y[2] + h * k3[2]];
        let k4 = ode_rhs3(y4, x);
        for i in 0..3 {
            y[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
        }
    }
    y[2] * y[2] + y[0]
}

#[test]
fn h003_gb_ode_rk4() {
    slice_extra_case!(
        "gb_ode_rk4",
        vec![1.1, 0.7, -0.4],
        gb_ode_rk4,
        gb_ode_rk4_grad,
        gb_ode_rk4_jvp,
        gb_ode_rk4_hvp,
        gb_ode_rk4_check,
        40
    );
}

fn sigmoid_plain(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

#[differentiable]
fn lstm_sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// gradbench `lstm`-like: one LSTM layer of `h` units over a sequence of scalar inputs, the
/// weights in one flat slice (per gate: `h` input weights, `h × h` recurrent weights, `h`
/// biases), a linear read-out predicting the next input, squared error summed.
#[differentiable(wrt(w))]
fn gb_lstm(w: &[f64], seq: &[f64], h: usize) -> f64 {
    let gate = h + h * h + h;
    let mut hs = vec![0.0; h];
    let mut cs = vec![0.0; h];
    let mut loss = 0.0;
    for t in 0..seq.len() - 1 {
        let x = seq[t];
        let mut hn = vec![0.0; h];
        for j in 0..h {
            let mut pre = [0.0; 4];
            for g in 0..4 {
                let base = g * gate;
                let mut z = w[base + j] * x + w[base + h + h * h + j];
                for k in 0..h {
                    z += w[base + h + j * h + k] * hs[k];
                }
                pre[g] = z;
            }
            let ig = lstm_sigmoid(pre[0]);
            let fg = lstm_sigmoid(pre[1]);
            let og = lstm_sigmoid(pre[2]);
            let cand = pre[3].tanh();
            cs[j] = fg * cs[j] + ig * cand;
            hn[j] = og * cs[j].tanh();
        }
        hs = hn;
        let mut y = w[4 * gate + h];
        for j in 0..h {
            y += w[4 * gate + j] * hs[j];
        }
        let r = y - seq[t + 1];
        loss += r * r;
    }
    loss
}

#[test]
fn h004_gb_lstm() {
    let h = 2;
    let n = 4 * (h + h * h + h) + h + 1;
    let w = det_vals(n, 0.77);
    let seq = vec![0.2, -0.5, 0.9, 0.1, -0.3, 0.6];
    verify(
        "gb_lstm",
        &w,
        &|p| gb_lstm(p, &seq, h),
        &|p| gb_lstm_grad(p, &seq, h),
        &|p, t| gb_lstm_jvp(p, &seq, h, t),
        Some(&|p, t| gb_lstm_hvp(p, &seq, h, t)),
        Some(gb_lstm_check(&w, &seq, h)),
    );
    let _ = sigmoid_plain(0.0);
}

/// ADBench `ba`: reprojection error of one observation. `cam` = rotation (Rodrigues, 3),
/// centre (3), focal (1), principal point (2), radial distortion (2).
#[differentiable]
fn rodrigues(r: &[f64], x: [f64; 3]) -> [f64; 3] {
    let theta2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
    if theta2 > 1e-12 {
        let theta = theta2.sqrt();
        let (s, c) = theta.sin_cos();
        let k = [r[0] / theta, r[1] / theta, r[2] / theta];
        let kx = [
            k[1] * x[2] - k[2] * x[1],
            k[2] * x[0] - k[0] * x[2],
            k[0] * x[1] - k[1] * x[0],
        ];
        let kd = k[0] * x[0] + k[1] * x[1] + k[2] * x[2];
        [
            x[0] * c + kx[0] * s + k[0] * kd * (1.0 - c),
            x[1] * c + kx[1] * s + k[1] * kd * (1.0 - c),
            x[2] * c + kx[2] * s + k[2] * kd * (1.0 - c),
        ]
    } else {
        [
            x[0] + r[1] * x[2] - r[2] * x[1],
            x[1] + r[2] * x[0] - r[0] * x[2],
            x[2] + r[0] * x[1] - r[1] * x[0],
        ]
    }
}

#[differentiable(wrt(cam, pt, w))]
fn gb_ba(cam: &[f64], pt: &[f64], w: f64, obs: &[f64]) -> [f64; 2] {
    let xc: [f64; 3] = [pt[0] - cam[3], pt[1] - cam[4], pt[2] - cam[5]];
    let xr = rodrigues(&cam[0..3], xc);
    let px = -xr[0] / xr[2];
    let py = -xr[1] / xr[2];
    let r2 = px * px + py * py;
    let d = 1.0 + cam[9] * r2 + cam[10] * r2 * r2;
    let u = cam[6] * d * px + cam[7];
    let v = cam[6] * d * py + cam[8];
    [w * (u - obs[0]), w * (v - obs[1])]
}

#[test]
fn h005_gb_ba() {
    let cam = vec![
        0.12, -0.3, 0.2, 0.5, -0.4, -3.0, 1.3, 0.05, -0.02, 0.01, -0.003,
    ];
    let pt = vec![0.4, 0.9, 1.7];
    let obs = [0.1, -0.2];
    let mut x = cam.clone();
    x.extend(&pt);
    x.push(0.8);
    verify_vector(
        "gb_ba",
        &x,
        &|q| gb_ba(&q[..11], &q[11..14], q[14], &obs).to_vec(),
        &|q, t| {
            let (v, d) = gb_ba_jvp(
                &q[..11],
                &q[11..14],
                q[14],
                &obs,
                &t[..11],
                &t[11..14],
                t[14],
            );
            (v.to_vec(), d.to_vec())
        },
        &|q| {
            let (v, j) = gb_ba_jacobian(&q[..11], &q[11..14], q[14], &obs);
            (v.to_vec(), j)
        },
        Some(&|q, s| {
            let (v, (gc, gp, gw)) = gb_ba_vjp(&q[..11], &q[11..14], q[14], &obs, [s[0], s[1]]);
            let mut g = gc;
            g.extend(gp);
            g.push(gw);
            (v.to_vec(), g)
        }),
    );
}

/// The scalar BA objective: squared reprojection errors of several observations of several
/// points by one camera.
#[differentiable(wrt(cam, pts))]
fn gb_ba_sum(cam: &[f64], pts: &[f64], obs: &[f64]) -> f64 {
    let mut s = 0.0;
    for k in 0..pts.len() / 3 {
        let e = gb_ba(cam, &pts[3 * k..3 * k + 3], 1.0, &obs[2 * k..2 * k + 2]);
        s += e[0] * e[0] + e[1] * e[1];
    }
    s
}

#[test]
fn h006_gb_ba_sum() {
    let cam = vec![
        0.12, -0.3, 0.2, 0.5, -0.4, -3.0, 1.3, 0.05, -0.02, 0.01, -0.003,
    ];
    let pts = vec![0.4, 0.9, 1.7, -0.5, 0.2, 0.8, 0.1, -0.6, 1.1];
    let obs = vec![0.1, -0.2, -0.3, 0.05, 0.2, 0.4];
    let mut x = cam.clone();
    x.extend(&pts);
    verify(
        "gb_ba_sum",
        &x,
        &|q| gb_ba_sum(&q[..11], &q[11..], &obs),
        &|q| {
            let (v, (a, b)) = gb_ba_sum_grad(&q[..11], &q[11..], &obs);
            (v, cat(&[a, b]))
        },
        &|q, t| gb_ba_sum_jvp(&q[..11], &q[11..], &obs, &t[..11], &t[11..]),
        Some(&|q, t| {
            let (v, (a, b), (c, d)) = gb_ba_sum_hvp(&q[..11], &q[11..], &obs, &t[..11], &t[11..]);
            (v, cat(&[a, b]), cat(&[c, d]))
        }),
        Some(gb_ba_sum_check(&x[..11], &x[11..], &obs)),
    );
}

/// ADBench `ht`-like: 2-D linear blend skinning with two bones. `theta` holds each bone's
/// angle and translation; each vertex is the weighted sum of its rest position moved by both
/// bones; the loss is the squared distance to target points.
#[differentiable(wrt(theta))]
fn gb_skin(theta: &[f64], rest: &[f64], wts: &[f64], target: &[f64]) -> f64 {
    let nb = theta.len() / 3;
    let nv = rest.len() / 2;
    let mut loss = 0.0;
    for v in 0..nv {
        let mut p = [0.0; 2];
        for b in 0..nb {
            let (s, c) = theta[3 * b].sin_cos();
            let x = rest[2 * v];
            let y = rest[2 * v + 1];
            let wb = wts[v * nb + b];
            p[0] += wb * (c * x - s * y + theta[3 * b + 1]);
            p[1] += wb * (s * x + c * y + theta[3 * b + 2]);
        }
        let dx = p[0] - target[2 * v];
        let dy = p[1] - target[2 * v + 1];
        loss += dx * dx + dy * dy;
    }
    loss
}

#[test]
fn h007_gb_skin() {
    let rest = vec![0.0, 1.0, 0.5, 1.5, 1.0, 0.2, -0.4, 0.7];
    let wts = vec![0.9, 0.1, 0.6, 0.4, 0.3, 0.7, 0.5, 0.5];
    let target = vec![0.1, 0.9, 0.7, 1.2, 0.9, 0.6, -0.2, 0.5];
    slice_extra_case!(
        "gb_skin",
        vec![0.3, 0.1, -0.2, -0.5, 0.2, 0.05],
        gb_skin,
        gb_skin_grad,
        gb_skin_jvp,
        gb_skin_hvp,
        gb_skin_check,
        &rest,
        &wts,
        &target
    );
}

/// Determinant by LU with partial pivoting on a local copy (row swaps by element swaps).
#[differentiable]
fn det_lu(a: &[f64], n: usize) -> f64 {
    let mut m = a.to_vec();
    let mut det = 1.0;
    for k in 0..n {
        let mut p = k;
        let mut best = m[k * n + k].abs();
        for i in k + 1..n {
            if m[i * n + k].abs() > best {
                best = m[i * n + k].abs();
                p = i;
            }
        }
        if p != k {
            for j in 0..n {
                m.swap(k * n + j, p * n + j);
            }
            det = -det;
        }
        let piv = m[k * n + k];
        det *= piv;
        for i in k + 1..n {
            let f = m[i * n + k] / piv;
            for j in k..n {
                m[i * n + j] -= f * m[k * n + j];
            }
        }
    }
    det
}

#[test]
fn h008_det_lu() {
    slice_extra_case!(
        "det_lu",
        vec![
            0.3, 2.0, -0.5, 0.1, 1.2, 0.4, 0.7, -0.2, -1.5, 0.6, 0.9, 0.3, 0.2, -0.8, 0.5, 1.7
        ],
        det_lu,
        det_lu_grad,
        det_lu_jvp,
        det_lu_hvp,
        det_lu_check,
        4
    );
}

/// Determinant by expansion in minors along the first row, recursively.
#[differentiable]
fn det_minors(a: &[f64], n: usize) -> f64 {
    if n == 1 {
        return a[0];
    }
    let mut s = 0.0;
    let mut sign = 1.0;
    for c in 0..n {
        let mut minor = Vec::with_capacity((n - 1) * (n - 1));
        for i in 1..n {
            for j in 0..n {
                if j != c {
                    minor.push(a[i * n + j]);
                }
            }
        }
        s += sign * a[c] * det_minors(&minor, n - 1);
        sign = -sign;
    }
    s
}

#[test]
fn h009_det_minors() {
    slice_extra_case!(
        "det_minors",
        vec![
            0.3, 2.0, -0.5, 0.1, 1.2, 0.4, 0.7, -0.2, -1.5, 0.6, 0.9, 0.3, 0.2, -0.8, 0.5, 1.7
        ],
        det_minors,
        det_minors_grad,
        det_minors_jvp,
        det_minors_hvp,
        det_minors_check,
        4
    );
    let a = [
        0.3, 2.0, -0.5, 0.1, 1.2, 0.4, 0.7, -0.2, -1.5, 0.6, 0.9, 0.3, 0.2, -0.8, 0.5, 1.7,
    ];
    assert!(close(det_minors(&a, 4), det_lu(&a, 4), 1e-12));
    let (_, g1) = det_minors_grad(&a, 4);
    let (_, g2) = det_lu_grad(&a, 4);
    vec_close(&g1, &g2, 1e-10).unwrap();
}

/// gradbench `kmeans`: the sum over points of the squared distance to the nearest centre.
#[differentiable(wrt(c))]
fn gb_kmeans(c: &[f64], pts: &[f64], d: usize) -> f64 {
    let k = c.len() / d;
    let mut total = 0.0;
    for p in 0..pts.len() / d {
        let mut best = f64::INFINITY;
        for j in 0..k {
            let mut dist = 0.0;
            for i in 0..d {
                let e = pts[p * d + i] - c[j * d + i];
                dist += e * e;
            }
            best = best.min(dist);
        }
        total += best;
    }
    total
}

#[test]
fn h010_gb_kmeans() {
    let pts = det_vals(24, 1.37);
    slice_extra_case!(
        "gb_kmeans",
        vec![0.5, 0.1, -0.4, 0.3, 0.0, -0.6],
        gb_kmeans,
        gb_kmeans_grad,
        gb_kmeans_jvp,
        gb_kmeans_hvp,
        gb_kmeans_check,
        &pts,
        2
    );
}

/// gradbench `particle`-like: a particle starting at `(0, 8)` with velocity `(v, 0)` in the
/// field of two charges whose strength is `w`; explicit Euler until it falls below `y = 0`
/// (at most 2000 steps), then linear interpolation to the crossing; the squared `x` there.
#[differentiable]
fn gb_particle(w: f64, v0: f64) -> f64 {
    let charges = [[10.0, 10.0 - w], [10.0, 0.0]];
    let dt = 0.01;
    let mut x = [0.0, 8.0];
    let mut v = [v0, 0.0];
    let mut steps = 0;
    while steps < 2000 {
        let mut a = [0.0; 2];
        for c in 0..2 {
            let dx = x[0] - charges[c][0];
            let dy = x[1] - charges[c][1];
            let r = (dx * dx + dy * dy).sqrt();
            a[0] -= dx / (r * r * r);
            a[1] -= dy / (r * r * r);
        }
        v[0] += dt * a[0];
        v[1] += dt * a[1];
        let xn = [x[0] + dt * v[0], x[1] + dt * v[1]];
        if xn[1] < 0.0 {
            let t = x[1] / (x[1] - xn[1]);
            let xf = x[0] + t * (xn[0] - x[0]);
            return xf * xf;
        }
        x = xn;
        steps += 1;
    }
    x[0] * x[0]
}

#[test]
fn h011_gb_particle() {
    s2_case!(
        "gb_particle",
        [0.5, 0.45],
        gb_particle,
        gb_particle_grad,
        gb_particle_jvp,
        gb_particle_hvp,
        gb_particle_check
    );
}

/// gradbench `saddle`-like: the inner player descends `f(x, y) = x² + x y - y²` in `x` for a
/// fixed number of steps (hand-written inner gradient), and the outer objective is `f` at the
/// result, a function of the starting point and the step size.
#[differentiable]
fn gb_saddle(x0: f64, y: f64, lr: f64) -> f64 {
    let mut x = x0;
    for _ in 0..25 {
        let gx = 2.0 * x + y + 0.3 * (x * y).sin() * y;
        x -= lr * gx;
    }
    x * x + x * y - y * y + 0.3 * (1.0 - (x * y).cos())
}

#[test]
fn h012_gb_saddle() {
    s3_case!(
        "gb_saddle",
        [1.2, 0.7, 0.05],
        gb_saddle,
        gb_saddle_grad,
        gb_saddle_jvp,
        gb_saddle_hvp,
        gb_saddle_check
    );
}

// ===================================================================================
// Enzyme / Clad / Tapenade-style language tests
// ===================================================================================

/// A functor: a struct whose method is called like a function, here in a quadrature loop.
#[derive(Clone, Debug, Differentiable)]
struct Quad {
    a: f64,
    b: f64,
    c: f64,
}

impl Flat for Quad {
    fn flat(&self) -> Vec<f64> {
        vec![self.a, self.b, self.c]
    }
    fn unflat(&self, v: &[f64]) -> Self {
        Quad {
            a: v[0],
            b: v[1],
            c: v[2],
        }
    }
}

impl Quad {
    #[differentiable]
    fn call(&self, x: f64) -> f64 {
        (self.a * x * x + self.b * x + self.c).sin()
    }
}

#[differentiable(wrt(q))]
fn functor_midpoint(q: &Quad, lo: f64, hi: f64, n: usize) -> f64 {
    let h = (hi - lo) / n as f64;
    let mut s = 0.0;
    for i in 0..n {
        let x = lo + (i as f64 + 0.5) * h;
        s += q.call(x);
    }
    s * h
}

#[test]
fn h013_functor_midpoint() {
    let q = Quad {
        a: 0.7,
        b: -0.3,
        c: 0.4,
    };
    verify_struct(
        "functor_midpoint",
        &q,
        &|p| functor_midpoint(p, -1.0, 2.0, 17),
        &|p| functor_midpoint_grad(p, -1.0, 2.0, 17),
        &|p, t| functor_midpoint_jvp(p, -1.0, 2.0, 17, t),
        Some(&|p, t| functor_midpoint_hvp(p, -1.0, 2.0, 17, t)),
    );
}

/// A constant configuration struct (no derive, left out of `wrt`) whose fields a member
/// function reads.
#[derive(Clone, Copy)]
struct Cfg {
    decay: f64,
    steps: usize,
    scale: f64,
}

#[differentiable(wrt(x))]
fn cfg_member(x: &[f64], cfg: &Cfg) -> f64 {
    let mut acc = 0.0;
    let mut w = 1.0;
    for _ in 0..cfg.steps {
        for i in 0..x.len() {
            acc += w * (cfg.scale * x[i]).tanh();
        }
        w *= cfg.decay;
    }
    acc * acc
}

#[test]
fn h014_cfg_member() {
    let cfg = Cfg {
        decay: 0.8,
        steps: 4,
        scale: 1.3,
    };
    slice_extra_case!(
        "cfg_member",
        vec![0.3, -0.7, 0.2, 0.9],
        cfg_member,
        cfg_member_grad,
        cfg_member_jvp,
        cfg_member_hvp,
        cfg_member_check,
        &cfg
    );
}

/// Functions calling functions calling functions.
#[differentiable]
fn cc_leaf(x: f64, y: f64) -> f64 {
    x * y.exp() - (x - y).powi(2)
}

#[differentiable]
fn cc_mid(x: &[f64], y: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += cc_leaf(x[i], y * 0.5);
    }
    s / x.len() as f64
}

#[differentiable]
fn cc_top(x: &[f64], y: f64) -> f64 {
    let a = cc_mid(x, y);
    let b = cc_mid(&x[1..], a);
    a * b + cc_leaf(a, b).sin()
}

#[test]
fn h015_call_chain() {
    slice_scalar_case!(
        "cc_top",
        vec![0.3, -0.7, 0.2, 0.9, 0.45],
        cc_top,
        cc_top_grad,
        cc_top_jvp,
        cc_top_hvp,
        cc_top_check
    );
}

/// Fixed-point iteration `x = cos(a x) + b` until the update is below a tolerance.
#[differentiable]
fn fixed_point(a: f64, b: f64) -> f64 {
    let mut x = 0.5;
    let mut it = 0;
    while it < 200 {
        let xn = (a * x).cos() * 0.5 + b;
        let d = (xn - x).abs();
        x = xn;
        if d < 1e-14 {
            break;
        }
        it += 1;
    }
    x * x
}

#[test]
fn h016_fixed_point() {
    s2_case!(
        "fixed_point",
        [0.8, 0.3],
        fixed_point,
        fixed_point_grad,
        fixed_point_jvp,
        fixed_point_hvp,
        fixed_point_check
    );
}

/// `match` on integers: index classes choose the term.
#[differentiable]
fn match_mod(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let t = match i % 5 {
            0 => x[i].sin(),
            1 | 2 => x[i] * x[i],
            3 if x[i] > 0.0 => x[i].ln_1p(),
            3 => -x[i],
            _ => x[i].exp() * 0.5,
        };
        s += t * (i as f64 + 1.0);
    }
    s
}

#[test]
fn h017_match_mod() {
    slice_case!(
        "match_mod",
        vec![0.3, -0.7, 0.2, 0.9, 0.45, 1.1, -0.2, 0.6, -0.35, 0.8],
        match_mod,
        match_mod_grad,
        match_mod_jvp,
        match_mod_hvp,
        match_mod_check
    );
}

/// An enum per layer, as a slice of constants.
#[derive(Clone, Copy, Debug)]
enum Act {
    Tanh,
    Softplus,
    Leaky(f64),
}

#[differentiable(wrt(w))]
fn layered_acts(w: &[f64], x0: f64, acts: &[Act]) -> f64 {
    let mut h = x0;
    for l in 0..acts.len() {
        let z = w[2 * l] * h + w[2 * l + 1];
        h = match acts[l] {
            Act::Tanh => z.tanh(),
            Act::Softplus => z.exp().ln_1p(),
            Act::Leaky(a) => {
                if z > 0.0 {
                    z
                } else {
                    a * z
                }
            }
        };
    }
    h * h
}

#[test]
fn h018_layered_acts() {
    let acts = [Act::Tanh, Act::Leaky(0.1), Act::Softplus, Act::Tanh];
    slice_extra_case!(
        "layered_acts",
        vec![0.9, 0.1, -1.2, 0.3, 0.8, -0.2, 1.1, 0.05],
        layered_acts,
        layered_acts_grad,
        layered_acts_jvp,
        layered_acts_hvp,
        layered_acts_check,
        0.7,
        &acts
    );
}

/// `if let Some(v) = x.get(..)` for the neighbours of each element.
#[differentiable]
fn neighbours_get(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let mut local = x[i];
        if let Some(r) = x.get(i + 1) {
            local += 0.5 * r;
        }
        if i > 0 {
            if let Some(l) = x.get(i - 1) {
                local -= 0.25 * l * x[i];
            }
        }
        s += local * local;
    }
    s
}

#[test]
fn h019_neighbours_get() {
    slice_case!(
        "neighbours_get",
        vec![0.3, -0.7, 0.2, 0.9, 0.45],
        neighbours_get,
        neighbours_get_grad,
        neighbours_get_jvp,
        neighbours_get_hvp,
        neighbours_get_check
    );
}

/// An optional constant threshold: `match` with a guard on `Option<f64>`.
#[differentiable(wrt(x))]
fn soft_threshold(x: &[f64], t: Option<f64>) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let v = match t {
            Some(th) if th > 0.0 => {
                if x[i] > th {
                    x[i] - th
                } else if x[i] < -th {
                    x[i] + th
                } else {
                    0.0
                }
            }
            Some(_) => x[i],
            None => x[i].tanh(),
        };
        s += v * v + v.powi(3);
    }
    s
}

#[test]
fn h020_soft_threshold() {
    for t in [Some(0.25), Some(-1.0), None] {
        slice_extra_case!(
            "soft_threshold",
            vec![0.3, -0.7, 0.2, 0.9, -0.1, 0.45],
            soft_threshold,
            soft_threshold_grad,
            soft_threshold_jvp,
            soft_threshold_hvp,
            soft_threshold_check,
            t
        );
    }
}

/// Early return from a nested loop: the first pair whose product passes a threshold.
#[differentiable]
fn first_pair(x: &[f64]) -> f64 {
    let n = x.len();
    let mut acc = 0.0;
    for i in 0..n {
        for j in i + 1..n {
            let p = x[i] * x[j];
            if p > 0.5 {
                return acc + p.sqrt() * (i + j) as f64;
            }
            acc += 0.1 * p;
        }
    }
    acc
}

#[test]
fn h021_first_pair() {
    slice_case!(
        "first_pair a",
        vec![0.3, -0.7, 0.2, 0.9, 0.8, 0.45],
        first_pair,
        first_pair_grad,
        first_pair_jvp,
        first_pair_hvp,
        first_pair_check
    );
    slice_case!(
        "first_pair b",
        vec![0.3, -0.7, 0.2, 0.4],
        first_pair,
        first_pair_grad,
        first_pair_jvp,
        first_pair_hvp,
        first_pair_check
    );
}

/// Recursive Horner on a shrinking sub-slice.
#[differentiable]
fn horner_rec(c: &[f64], x: f64) -> f64 {
    if c.len() == 1 {
        c[0]
    } else {
        c[0] + x * horner_rec(&c[1..], x)
    }
}

#[test]
fn h022_horner_rec() {
    slice_scalar_case!(
        "horner_rec",
        vec![0.3, -0.7, 0.2, 0.9, 0.45, 0.8],
        horner_rec,
        horner_rec_grad,
        horner_rec_jvp,
        horner_rec_hvp,
        horner_rec_check
    );
}

/// Recursive rising factorial `x (x+1) ... (x+n-1)`, factorial-like.
#[differentiable]
fn rising(x: f64, n: u32) -> f64 {
    match n {
        0 => 1.0,
        _ => x * rising(x + 1.0, n - 1),
    }
}

#[test]
fn h023_rising() {
    scalar_n_case(
        "rising",
        0.7,
        &|x| rising(x, 5),
        &|x| rising_grad(x, 5),
        &|x, t| rising_jvp(x, 5, t),
        &|x, t| rising_hvp(x, 5, t),
        rising_check(0.7, 5),
    );
    assert!(close(rising(0.7, 3), 0.7 * 1.7 * 2.7, 1e-14));
}

/// In-place prefix sums and normalisation of a local buffer.
#[differentiable]
fn inplace_prefix(x: &[f64]) -> f64 {
    let n = x.len();
    let mut v = x.to_vec();
    for i in 1..n {
        v[i] += v[i - 1];
    }
    let total = v[n - 1];
    for i in 0..n {
        v[i] /= total;
    }
    let mut s = 0.0;
    for i in 0..n {
        s += v[i] * v[i] * (i as f64 + 1.0);
    }
    s
}

#[test]
fn h024_inplace_prefix() {
    slice_case!(
        "inplace_prefix",
        vec![0.3, 0.7, 0.2, 0.9, 0.45],
        inplace_prefix,
        inplace_prefix_grad,
        inplace_prefix_jvp,
        inplace_prefix_hvp,
        inplace_prefix_check
    );
}

/// Selection sort on a by-value `Vec` with an explicit three-move swap, then a trimmed mean
/// of squares.
#[differentiable]
fn selection_trimmed(mut v: Vec<f64>) -> f64 {
    let n = v.len();
    for i in 0..n {
        let mut m = i;
        for j in i + 1..n {
            if v[j] < v[m] {
                m = j;
            }
        }
        let t = v[i];
        v[i] = v[m];
        v[m] = t;
    }
    let mut s = 0.0;
    for i in 1..n - 1 {
        s += v[i] * v[i] * (1.0 + 0.1 * i as f64);
    }
    s / (n - 2) as f64
}

#[test]
fn h025_selection_trimmed() {
    let x = vec![0.3, -0.7, 0.2, 0.9, 0.45, -0.1];
    verify(
        "selection_trimmed",
        &x,
        &|p| selection_trimmed(p.to_vec()),
        &|p| selection_trimmed_grad(p.to_vec()),
        &|p, t| selection_trimmed_jvp(p.to_vec(), t.to_vec()),
        Some(&|p, t| selection_trimmed_hvp(p.to_vec(), t.to_vec())),
        Some(selection_trimmed_check(x.clone())),
    );
}

/// Argsort of a constant key by `sort_by`, then a weighted sum of the differentiated values
/// in that order.
#[differentiable(wrt(x))]
fn argsort_weights(x: &[f64], key: &[f64]) -> f64 {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&a, &b| key[a].total_cmp(&key[b]));
    let mut s = 0.0;
    for r in 0..idx.len() {
        s += (r as f64 + 1.0) * x[idx[r]].sin();
    }
    s
}

#[test]
fn h026_argsort_weights() {
    let key = vec![0.5, -0.1, 0.9, 0.2, -0.6];
    slice_extra_case!(
        "argsort_weights",
        vec![0.3, -0.7, 0.2, 0.9, 0.45],
        argsort_weights,
        argsort_weights_grad,
        argsort_weights_jvp,
        argsort_weights_hvp,
        argsort_weights_check,
        &key
    );
}

/// The float methods users reach for in one expression soup.
#[differentiable]
fn method_soup(x: f64, y: f64, z: f64) -> f64 {
    let a = x.hypot(y) + y.atan2(x);
    let b = z.powi(3) - x.abs().powf(1.5) + y.clamp(-0.5, 0.5);
    let c = x.max(z) * y.min(z) + x.mul_add(y, z);
    let d = z.cbrt() + (x * x + 1.0).log(3.0) + y.exp2() + (z + 2.0).log10();
    a * b + c + d + x.to_degrees() * 0.01 + y.recip()
}

#[test]
fn h027_method_soup() {
    s3_case!(
        "method_soup",
        [0.7, -0.3, 1.1],
        method_soup,
        method_soup_grad,
        method_soup_jvp,
        method_soup_hvp,
        method_soup_check
    );
}

/// Integer-to-float casts of several widths as weights.
#[differentiable]
fn int_casts(x: &[f64], k: u8, m: i32) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 0..n {
        let w = (i as f64 + 0.5) / n as f64;
        let j = (i as i32 - m) as f64;
        s += w * x[i] * x[i] + j * x[i] / (k as f64 + (i % 3) as f64);
    }
    s * (n as f64).sqrt() + (k as f32) as f64 * x[0]
}

#[test]
fn h028_int_casts() {
    slice_extra_case!(
        "int_casts",
        vec![0.3, -0.7, 0.2, 0.9, 0.45],
        int_casts,
        int_casts_grad,
        int_casts_jvp,
        int_casts_hvp,
        int_casts_check,
        3u8,
        2i32
    );
}

/// `f64::consts` in a Gaussian and a von Mises log-density.
#[differentiable]
fn consts_densities(x: f64, mu: f64, kappa: f64) -> f64 {
    // `use std::f64::consts;` inside the body is rejected with a clear message (items in a
    // body are not supported); full paths instead.
    let g = -0.5 * (x - mu).powi(2) - 0.5 * (2.0 * std::f64::consts::PI).ln();
    let vm = kappa * (x - mu).cos() - (2.0 * std::f64::consts::PI * kappa.exp()).ln();
    let e = std::f64::consts::E.powf(x * std::f64::consts::FRAC_1_SQRT_2)
        + std::f64::consts::LN_2 * mu
        + std::f64::consts::SQRT_2;
    g + vm + e * std::f64::consts::FRAC_PI_4
}

#[test]
fn h029_consts_densities() {
    s3_case!(
        "consts_densities",
        [0.7, -0.3, 1.1],
        consts_densities,
        consts_densities_grad,
        consts_densities_jvp,
        consts_densities_hvp,
        consts_densities_check
    );
}

/// A callee with two slice parameters given the same slice twice (aliased arguments).
#[differentiable]
fn alias_dot(a: &[f64], b: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..a.len() {
        s += a[i] * b[i].sin();
    }
    s
}

#[differentiable]
fn alias_caller(x: &[f64]) -> f64 {
    let y: Vec<f64> = x.iter().map(|v| v * 2.0).collect();
    alias_dot(x, x) + alias_dot(&y, x) * alias_dot(&x[1..], &y[..y.len() - 1])
}

#[test]
fn h030_alias_caller() {
    slice_case!(
        "alias_caller",
        vec![0.3, -0.7, 0.2, 0.9, 0.45],
        alias_caller,
        alias_caller_grad,
        alias_caller_jvp,
        alias_caller_hvp,
        alias_caller_check
    );
}

/// A local struct whose fields are updated in place in a loop.
#[derive(Clone, Debug, Differentiable)]
struct Acc2 {
    m: f64,
    s: f64,
}

#[differentiable]
fn struct_field_updates(x: &[f64]) -> f64 {
    let mut a = Acc2 { m: 0.0, s: 0.0 };
    for i in 0..x.len() {
        // `a.m += x[i];` (assigning to a field) is rejected with a clear message; the struct
        // is rebuilt instead.
        let m = a.m + x[i];
        a = Acc2 {
            m,
            s: a.s + x[i] * x[i] * m,
        };
    }
    a.s / (1.0 + a.m * a.m)
}

#[test]
fn h031_struct_field_updates() {
    slice_case!(
        "struct_field_updates",
        vec![0.3, -0.7, 0.2, 0.9, 0.45],
        struct_field_updates,
        struct_field_updates_grad,
        struct_field_updates_jvp,
        struct_field_updates_hvp,
        struct_field_updates_check
    );
}

/// A tuple-returning helper in a destructuring assignment inside a loop (a Givens-like
/// rotation sequence).
#[differentiable]
fn rot_pair(a: f64, b: f64, t: f64) -> (f64, f64) {
    let (s, c) = t.sin_cos();
    (c * a - s * b, s * a + c * b)
}

#[differentiable]
fn rotation_seq(x: &[f64], a0: f64, b0: f64) -> f64 {
    let mut a = a0;
    let mut b = b0;
    for i in 0..x.len() {
        (a, b) = rot_pair(a, b, x[i]);
        b *= 1.0 + 0.1 * x[i];
    }
    a * a - 0.3 * b
}

#[test]
fn h032_rotation_seq() {
    let x = vec![0.3, -0.7, 0.2, 0.9, 0.45, 1.2, -0.4];
    let k = x.len() - 2;
    verify(
        "rotation_seq",
        &x,
        &|p| rotation_seq(&p[..k], p[k], p[k + 1]),
        &|p| {
            let (v, (mut g, ga, gb)) = rotation_seq_grad(&p[..k], p[k], p[k + 1]);
            g.extend([ga, gb]);
            (v, g)
        },
        &|p, t| rotation_seq_jvp(&p[..k], p[k], p[k + 1], &t[..k], t[k], t[k + 1]),
        Some(&|p, t| {
            let (v, (mut g, ga, gb), (mut h, ha, hb)) =
                rotation_seq_hvp(&p[..k], p[k], p[k + 1], &t[..k], t[k], t[k + 1]);
            g.extend([ga, gb]);
            h.extend([ha, hb]);
            (v, g, h)
        }),
        Some(rotation_seq_check(&x[..k], x[k], x[k + 1])),
    );
}

/// `if` and blocks as values inside arithmetic.
#[differentiable]
fn expr_values(x: f64, y: f64) -> f64 {
    let a = 2.0 * if x > y { x - y } else { (y - x) * 0.5 };
    let b = {
        let t = x * y;
        let u = t.sin();
        u * u + t
    };
    let c = match a > 0.3 {
        true => a.ln(),
        false => a - 0.3,
    };
    a * b + c
}

#[test]
fn h033_expr_values() {
    s2_case!(
        "expr_values a",
        [0.9, 0.2],
        expr_values,
        expr_values_grad,
        expr_values_jvp,
        expr_values_hvp,
        expr_values_check
    );
    s2_case!(
        "expr_values b",
        [0.2, 0.4],
        expr_values,
        expr_values_grad,
        expr_values_jvp,
        expr_values_hvp,
        expr_values_check
    );
}

/// `match` on `partial_cmp` of differentiated values.
#[differentiable]
fn ordering_match(x: &[f64]) -> f64 {
    use_ordering_helper(x)
}

#[differentiable]
fn use_ordering_helper(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += match x[i].partial_cmp(&x[i + 1]) {
            Some(std::cmp::Ordering::Less) => x[i] * x[i + 1],
            Some(std::cmp::Ordering::Greater) => (x[i] - x[i + 1]).powi(2),
            _ => 0.0,
        };
    }
    s
}

#[test]
fn h034_ordering_match() {
    slice_case!(
        "ordering_match",
        vec![0.3, -0.7, 0.2, 0.9, 0.45],
        ordering_match,
        ordering_match_grad,
        ordering_match_jvp,
        ordering_match_hvp,
        ordering_match_check
    );
}

/// `continue` in a `while` loop after the counter step, and a sign test.
#[differentiable]
fn while_continue(x: &[f64]) -> f64 {
    let mut i = 0;
    let mut s = 0.0;
    let mut p = 1.0;
    while i < x.len() {
        let v = x[i];
        i += 1;
        if v.is_sign_negative() {
            p *= 1.0 + v * v;
            continue;
        }
        s += v.sqrt() * p;
    }
    s + p.ln()
}

#[test]
fn h035_while_continue() {
    slice_case!(
        "while_continue",
        vec![0.3, -0.7, 0.2, 0.9, -0.45, 1.3],
        while_continue,
        while_continue_grad,
        while_continue_jvp,
        while_continue_hvp,
        while_continue_check
    );
}

/// Float remainder and `powi` with a runtime exponent.
#[differentiable]
fn rem_powi(x: &[f64], n: i32) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let w = (x[i] * 3.0) % 1.0;
        s += w * w + x[i].powi(n - i as i32);
    }
    s
}

#[test]
fn h036_rem_powi() {
    slice_extra_case!(
        "rem_powi",
        vec![0.3, 0.7, 1.2, 0.9, 0.45],
        rem_powi,
        rem_powi_grad,
        rem_powi_jvp,
        rem_powi_hvp,
        rem_powi_check,
        3
    );
}

/// Double buffering with `std::mem::swap` in a Jacobi-style smoother, then an energy.
#[differentiable]
fn jacobi_swap(x: &[f64], sweeps: usize) -> f64 {
    let n = x.len();
    let mut a = x.to_vec();
    let mut b = vec![0.0; n];
    for _ in 0..sweeps {
        b[0] = a[0];
        b[n - 1] = a[n - 1];
        for i in 1..n - 1 {
            b[i] = 0.25 * a[i - 1] + 0.5 * a[i] + 0.25 * a[i + 1] + 0.1 * a[i].sin();
        }
        std::mem::swap(&mut a, &mut b);
    }
    let mut e = 0.0;
    for i in 0..n - 1 {
        e += (a[i + 1] - a[i]).powi(2) + a[i] * x[i];
    }
    e
}

#[test]
fn h037_jacobi_swap() {
    slice_extra_case!(
        "jacobi_swap",
        vec![0.3, -0.7, 0.2, 0.9, 0.45, 1.1],
        jacobi_swap,
        jacobi_swap_grad,
        jacobi_swap_jvp,
        jacobi_swap_hvp,
        jacobi_swap_check,
        5
    );
}

/// A `Vec<f64>` result (softmax with temperature) checked as a vector function.
#[differentiable]
fn softmax_temp(x: &[f64], t: f64) -> Vec<f64> {
    let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut e: Vec<f64> = Vec::with_capacity(x.len());
    let mut z = 0.0;
    for &v in x {
        let ev = ((v - m) / t).exp();
        z += ev;
        e.push(ev);
    }
    for i in 0..e.len() {
        e[i] /= z;
    }
    e
}

#[test]
fn h038_softmax_temp() {
    let x = vec![0.3, -0.7, 0.2, 0.9, 1.4];
    let k = x.len() - 1;
    verify_vector(
        "softmax_temp",
        &x,
        &|q| softmax_temp(&q[..k], q[k]),
        &|q, t| softmax_temp_jvp(&q[..k], q[k], &t[..k], t[k]),
        &|q| softmax_temp_jacobian(&q[..k], q[k]),
        Some(&|q, w| {
            let (v, (mut g, gt)) = softmax_temp_vjp(&q[..k], q[k], w.to_vec());
            g.push(gt);
            (v, g)
        }),
    );
}

/// A tuple result `(mean, log-variance)`.
#[differentiable]
fn mean_logvar(x: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let mu = x.iter().sum::<f64>() / n;
    let var = x.iter().map(|v| (v - mu).powi(2)).sum::<f64>() / (n - 1.0);
    (mu, var.ln())
}

#[test]
fn h039_mean_logvar() {
    let x = vec![0.3, -0.7, 0.2, 0.9, 1.4];
    verify_vector(
        "mean_logvar",
        &x,
        &|q| {
            let (a, b) = mean_logvar(q);
            vec![a, b]
        },
        &|q, t| {
            let ((a, b), (da, db)) = mean_logvar_jvp(q, t);
            (vec![a, b], vec![da, db])
        },
        &|q| {
            let ((a, b), j) = mean_logvar_jacobian(q);
            (vec![a, b], j)
        },
        Some(&|q, w| {
            let ((a, b), g) = mean_logvar_vjp(q, (w[0], w[1]));
            (vec![a, b], g)
        }),
    );
}

/// Split reverse mode: the typed tape stored and the reverse sweep run later.
#[differentiable(split)]
fn split_energy(x: &[f64], k: f64) -> f64 {
    let mut e = 0.0;
    for i in 0..x.len() - 1 {
        let d = x[i + 1] - x[i];
        e += k * (d.cosh() - 1.0);
    }
    e + x[0].powi(4)
}

#[test]
fn h040_split_energy() {
    slice_scalar_case!(
        "split_energy",
        vec![0.3, -0.7, 0.2, 0.9, 1.4, 2.0],
        split_energy,
        split_energy_grad,
        split_energy_jvp,
        split_energy_hvp,
        split_energy_check
    );
    let x = [0.3, -0.7, 0.2, 0.9, 1.4];
    let (v, tape) = split_energy_fwd(&x, 2.0);
    let (v2, (g2, gk2)) = split_energy_vjp(&x, 2.0, 0.7);
    let (g, gk) = split_energy_rev(tape, 0.7);
    assert_eq!(v, v2);
    vec_close(&g, &g2, 1e-14).unwrap();
    assert!(close(gk, gk2, 1e-14));
}

/// A checkpointed time loop whose step is a `[f64; 2]` function (Duffing oscillator).
#[differentiable]
fn duffing_step(s: [f64; 2], p: &[f64], dt: f64) -> [f64; 2] {
    let a = -p[0] * s[1] - p[1] * s[0] - p[2] * s[0] * s[0] * s[0];
    let v = s[1] + dt * a;
    [s[0] + dt * v, v]
}

#[differentiable(wrt(s0, p))]
fn duffing_ckpt(s0: &[f64; 2], p: &[f64], n: usize) -> f64 {
    let mut s = *s0;
    #[checkpoint(snapshots = 3)]
    for _ in 0..n {
        s = duffing_step(s, p, 0.02);
    }
    s[0] * s[0] + 0.5 * s[1]
}

#[test]
fn h041_duffing_ckpt() {
    let x = vec![0.8, -0.2, 0.3, 1.1, 0.4];
    verify(
        "duffing_ckpt",
        &x,
        &|q| duffing_ckpt(&[q[0], q[1]], &q[2..], 150),
        &|q| {
            let (v, (gs, gp)) = duffing_ckpt_grad(&[q[0], q[1]], &q[2..], 150);
            let mut g = gs.to_vec();
            g.extend(gp);
            (v, g)
        },
        &|q, t| duffing_ckpt_jvp(&[q[0], q[1]], &q[2..], 150, &[t[0], t[1]], &t[2..]),
        Some(&|q, t| {
            let (v, (gs, gp), (hs, hp)) =
                duffing_ckpt_hvp(&[q[0], q[1]], &q[2..], 150, &[t[0], t[1]], &t[2..]);
            let mut g = gs.to_vec();
            g.extend(gp);
            let mut h = hs.to_vec();
            h.extend(hp);
            (v, g, h)
        }),
        Some(duffing_ckpt_check(&[x[0], x[1]], &x[2..], 150)),
    );
}

// ===================================================================================
// Swift / JAX style: models as structs, generic code, closures and iterator chains
// ===================================================================================

/// A perceptron model whose loss calls its prediction on sub-slices of the data.
#[derive(Clone, Debug, Differentiable)]
struct Perceptron {
    w: Vec<f64>,
    b: f64,
}

impl Flat for Perceptron {
    fn flat(&self) -> Vec<f64> {
        let mut v = self.w.clone();
        v.push(self.b);
        v
    }
    fn unflat(&self, v: &[f64]) -> Self {
        let n = self.w.len();
        Perceptron {
            w: v[..n].to_vec(),
            b: v[n],
        }
    }
}

impl Perceptron {
    #[differentiable]
    fn predict(&self, x: &[f64]) -> f64 {
        let z = self.w.iter().zip(x.iter()).map(|(a, b)| a * b).sum::<f64>() + self.b;
        1.0 / (1.0 + (-z).exp())
    }

    #[differentiable(wrt(self))]
    fn loss(&self, xs: &[f64], ys: &[f64]) -> f64 {
        let d = self.w.len();
        let mut s = 0.0;
        for i in 0..ys.len() {
            let p = self.predict(&xs[i * d..(i + 1) * d]);
            s -= ys[i] * p.ln() + (1.0 - ys[i]) * (1.0 - p).ln();
        }
        s / ys.len() as f64 + 0.01 * self.w.iter().map(|v| v * v).sum::<f64>()
    }
}

#[test]
fn h042_perceptron_loss() {
    let m = Perceptron {
        w: vec![0.3, -0.5, 0.8],
        b: 0.1,
    };
    let xs = det_vals(18, 0.93);
    let ys = vec![1.0, 0.0, 1.0, 1.0, 0.0, 0.0];
    verify_struct(
        "Perceptron::loss",
        &m,
        &|p| p.loss(&xs, &ys),
        &|p| p.loss_grad(&xs, &ys),
        &|p, t| p.loss_jvp(&xs, &ys, t),
        Some(&|p, t| p.loss_hvp(&xs, &ys, t)),
    );
}

/// A state struct with a method returning `Self`, stepped by a free function and measured by
/// another method.
#[derive(Clone, Debug, Differentiable)]
struct Body2 {
    q: [f64; 2],
    p: [f64; 2],
}

impl Flat for Body2 {
    fn flat(&self) -> Vec<f64> {
        vec![self.q[0], self.q[1], self.p[0], self.p[1]]
    }
    fn unflat(&self, v: &[f64]) -> Self {
        Body2 {
            q: [v[0], v[1]],
            p: [v[2], v[3]],
        }
    }
}

impl Body2 {
    /// Symplectic Euler in a Kepler potential.
    #[differentiable]
    fn step(&self, dt: f64) -> Self {
        let r2 = self.q[0] * self.q[0] + self.q[1] * self.q[1];
        let r3 = r2 * r2.sqrt();
        let p = [
            self.p[0] - dt * self.q[0] / r3,
            self.p[1] - dt * self.q[1] / r3,
        ];
        let q = [self.q[0] + dt * p[0], self.q[1] + dt * p[1]];
        Body2 { q, p }
    }

    #[differentiable]
    fn hamiltonian(&self) -> f64 {
        0.5 * (self.p[0] * self.p[0] + self.p[1] * self.p[1]) - 1.0 / self.q[0].hypot(self.q[1])
    }
}

#[differentiable]
fn kepler_orbit(s0: &Body2, n: usize) -> f64 {
    let mut s = s0.clone();
    for _ in 0..n {
        s = s.step(0.01);
    }
    s.hamiltonian() + s.q[0]
}

#[test]
fn h043_kepler_orbit() {
    let s0 = Body2 {
        q: [1.0, 0.1],
        p: [0.05, 0.9],
    };
    verify_struct(
        "kepler_orbit",
        &s0,
        &|s| kepler_orbit(s, 80),
        &|s| kepler_orbit_grad(s, 80),
        &|s, t| kepler_orbit_jvp(s, 80, t),
        Some(&|s, t| kepler_orbit_hvp(s, 80, t)),
    );
}

/// A tuple struct of an affine map, a by-value receiver, and composition through a method.
#[derive(Clone, Copy, Debug, Differentiable)]
struct Affine(f64, f64);

impl Flat for Affine {
    fn flat(&self) -> Vec<f64> {
        vec![self.0, self.1]
    }
    fn unflat(&self, v: &[f64]) -> Self {
        Affine(v[0], v[1])
    }
}

impl Affine {
    #[differentiable]
    fn apply(self, x: f64) -> f64 {
        self.0 * x + self.1
    }

    #[differentiable(wrt(self))]
    fn iterate_tanh(&self, x0: f64, n: usize) -> f64 {
        let mut x = x0;
        for _ in 0..n {
            x = self.apply(x).tanh();
        }
        x
    }
}

#[test]
fn h044_affine_tuple_struct() {
    let a = Affine(1.3, -0.2);
    verify_struct(
        "Affine::iterate_tanh",
        &a,
        &|p| p.iterate_tanh(0.4, 7),
        &|p| p.iterate_tanh_grad(0.4, 7),
        &|p, t| p.iterate_tanh_jvp(0.4, 7, t),
        Some(&|p, t| p.iterate_tanh_hvp(0.4, 7, t)),
    );
}

/// An autoencoder of nested structs; an associated activation in a `#[differentiable]` impl;
/// methods of nested fields called through their type.
#[derive(Clone, Debug, Differentiable)]
struct Lin {
    w: Vec<f64>,
    b: Vec<f64>,
}

#[differentiable]
impl Lin {
    #[differentiable]
    fn act(z: f64) -> f64 {
        z / (1.0 + z.abs())
    }

    #[differentiable]
    fn apply(&self, x: &[f64]) -> Vec<f64> {
        let m = self.b.len();
        let n = x.len();
        let mut y = vec![0.0; m];
        for i in 0..m {
            let mut z = self.b[i];
            for j in 0..n {
                z += self.w[i * n + j] * x[j];
            }
            y[i] = Self::act(z);
        }
        y
    }
}

#[derive(Clone, Debug, Differentiable)]
struct AutoEnc {
    enc: Lin,
    dec: Lin,
}

impl Flat for AutoEnc {
    fn flat(&self) -> Vec<f64> {
        cat(&[
            self.enc.w.clone(),
            self.enc.b.clone(),
            self.dec.w.clone(),
            self.dec.b.clone(),
        ])
    }
    fn unflat(&self, v: &[f64]) -> Self {
        let (a, b, c) = (self.enc.w.len(), self.enc.b.len(), self.dec.w.len());
        AutoEnc {
            enc: Lin {
                w: v[..a].to_vec(),
                b: v[a..a + b].to_vec(),
            },
            dec: Lin {
                w: v[a + b..a + b + c].to_vec(),
                b: v[a + b + c..].to_vec(),
            },
        }
    }
}

impl AutoEnc {
    #[differentiable(wrt(self))]
    fn recon(&self, x: &[f64]) -> f64 {
        let h = Lin::apply(&self.enc, x);
        let y = Lin::apply(&self.dec, &h);
        let mut s = 0.0;
        for i in 0..x.len() {
            s += (y[i] - x[i]).powi(2);
        }
        s
    }
}

#[test]
fn h045_autoencoder() {
    let ae = AutoEnc {
        enc: Lin {
            w: det_vals(6, 0.7),
            b: vec![0.1, -0.2],
        },
        dec: Lin {
            w: det_vals(6, 1.9),
            b: vec![0.05, 0.0, -0.1],
        },
    };
    let x = vec![0.5, -0.3, 0.8];
    verify_struct(
        "AutoEnc::recon",
        &ae,
        &|p| p.recon(&x),
        &|p| p.recon_grad(&x),
        &|p, t| p.recon_jvp(&x, t),
        Some(&|p, t| p.recon_hvp(&x, t)),
    );
}

/// Generic log-sum-exp with `fold` and `Float` constants, called from a generic
/// softmax cross-entropy.
#[differentiable]
fn g_lse2<T: Float>(x: &[T]) -> T {
    let m = x.iter().copied().fold(T::neg_infinity(), T::max);
    let s = x
        .iter()
        .map(|&v| (v - m).exp())
        .fold(T::zero(), |a, b| a + b);
    m + s.ln()
}

#[differentiable]
fn g_xent<T: Float>(logits: &[T], label: usize) -> T {
    g_lse2::<T>(logits) - logits[label]
}

#[test]
fn h046_generic_xent() {
    let x = vec![0.3, -0.7, 0.2, 0.9, 1.4];
    slice_extra_case!(
        "g_xent",
        x.clone(),
        g_xent,
        g_xent_grad,
        g_xent_jvp,
        g_xent_hvp,
        g_xent_check,
        2
    );
    let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let (v32, g32) = g_xent_grad::<f32>(&xf, 2);
    let (v64, g64) = g_xent_grad(&x, 2);
    vec_close32(&[v32], &[v64], 1e-5, "g_xent f32 value");
    vec_close32(&g32, &g64, 1e-4, "g_xent f32 grad");
}

/// Generic Newton iteration for `x³ + a x = b` with a `break` on convergence, and
/// `FloatConst`/`from_usize` constants.
#[differentiable]
fn g_cubic_root<
    T: Float + ad_runtime::num_traits::FloatConst + ad_runtime::num_traits::FromPrimitive,
>(
    a: T,
    b: T,
) -> T {
    let mut x = T::one();
    for k in 0..50 {
        let f = x * x * x + a * x - b;
        let df = T::from_usize(3).unwrap() * x * x + a;
        let dx = f / df;
        x = x - dx;
        if dx.abs() < T::epsilon() * T::from_usize(k + 4).unwrap() {
            break;
        }
    }
    x * T::FRAC_PI_2() + (x * T::PI()).sin()
}

#[test]
fn h047_generic_cubic_root() {
    s2_case!(
        "g_cubic_root",
        [0.8, 1.7],
        g_cubic_root,
        g_cubic_root_grad,
        g_cubic_root_jvp,
        g_cubic_root_hvp,
        g_cubic_root_check
    );
    let (v32, (a32, b32)) = g_cubic_root_grad::<f32>(0.8, 1.7);
    let (v64, (a64, b64)) = g_cubic_root_grad(0.8, 1.7);
    vec_close32(&[v32, a32, b32], &[v64, a64, b64], 1e-4, "g_cubic_root f32");
}

/// Generic function returning `[T; 2]` (a complex multiply-add chain: `z ← z² + c`).
#[differentiable]
fn g_mandel<T: Float>(c: [T; 2], n: usize) -> [T; 2] {
    let mut z = [T::zero(), T::zero()];
    for _ in 0..n {
        let re = z[0] * z[0] - z[1] * z[1] + c[0];
        let im = T::from(2.0).unwrap() * z[0] * z[1] + c[1];
        z = [re, im];
    }
    z
}

#[test]
fn h048_generic_mandel() {
    let x = [-0.3, 0.4];
    verify_vector(
        "g_mandel",
        &x,
        &|q| g_mandel([q[0], q[1]], 6).to_vec(),
        &|q, t| {
            let (v, d) = g_mandel_jvp([q[0], q[1]], 6, [t[0], t[1]]);
            (v.to_vec(), d.to_vec())
        },
        &|q| {
            let (v, j) = g_mandel_jacobian([q[0], q[1]], 6);
            (v.to_vec(), j)
        },
        Some(&|q, w| {
            let (v, g) = g_mandel_vjp([q[0], q[1]], 6, [w[0], w[1]]);
            (v.to_vec(), g.to_vec())
        }),
    );
}

/// Generic code with a `Sum` bound and `.sum()`, `T::from(i)` of a loop index, and a
/// `mul_add`.
#[differentiable]
fn g_weighted_norm<T: Float + std::iter::Sum>(x: &[T], p: T) -> T {
    let s: T = x
        .iter()
        .enumerate()
        .map(|(i, &v)| T::from(i + 1).unwrap() * v.abs().powf(p))
        .sum();
    s.powf(T::one() / p) + x[0].mul_add(p, x[1])
}

#[test]
fn h049_generic_weighted_norm() {
    slice_scalar_case!(
        "g_weighted_norm",
        vec![0.3, -0.7, 0.2, 0.9, 2.5],
        g_weighted_norm,
        g_weighted_norm_grad,
        g_weighted_norm_jvp,
        g_weighted_norm_hvp,
        g_weighted_norm_check
    );
}

/// Iterator chains: `zip`, `map`, `filter`, `enumerate`, `skip`, `take`, `rev`, `step_by`,
/// `windows`, `chain`, `fold`, `product`, `count`.
#[differentiable]
fn chains_mix(x: &[f64], y: &[f64]) -> f64 {
    let d2: f64 = x.iter().zip(y.iter()).map(|(a, b)| (a - b).powi(2)).sum();
    let pos = x.iter().filter(|v| **v > 0.0).count() as f64;
    let wsum: f64 = y
        .iter()
        .enumerate()
        .map(|(i, v)| v * (i as f64 + 1.0))
        .sum();
    let tail: f64 = x.iter().skip(1).take(3).map(|v| v.sin()).sum();
    let back: f64 = y.iter().rev().step_by(2).map(|v| v * v).sum();
    let smooth: f64 = x.windows(2).map(|w| (w[1] - w[0]).abs().sqrt()).sum();
    let both: f64 = x.iter().chain(y.iter()).fold(0.0, |a, v| a * 0.5 + v);
    let prod: f64 = y.iter().map(|v| 1.0 + 0.1 * v).product();
    d2.sqrt() + pos * wsum + tail + back + smooth + both * prod
}

#[test]
fn h050_chains_mix() {
    two_slices_case!(
        "chains_mix",
        vec![0.3, -0.7, 0.2, 0.9, 0.45, 1.2, -0.4, 0.6, 0.8, -1.1],
        5,
        chains_mix,
        chains_mix_grad,
        chains_mix_jvp,
        chains_mix_hvp,
        chains_mix_check
    );
}

/// JAX-style closures: a loss closure over captured data and a captured scale, called in a
/// loop; a closure calling a `#[differentiable]` function.
#[differentiable]
fn closure_loss(w: &[f64], scale: f64) -> f64 {
    let model = |x: f64| w[0] + w[1] * x + w[2] * (scale * x).tanh();
    let err = |x: f64, y: f64| {
        let r = model(x) - y;
        r * r
    };
    let act = |z: f64| lstm_sigmoid(z) * scale;
    let mut s = 0.0;
    for i in 0..8 {
        let x = i as f64 * 0.25 - 1.0;
        s += err(x, (1.5 * x).sin()) + 0.01 * act(w[i % 3]);
    }
    s
}

#[test]
fn h051_closure_loss() {
    slice_scalar_case!(
        "closure_loss",
        vec![0.3, -0.7, 0.9, 1.3],
        closure_loss,
        closure_loss_grad,
        closure_loss_jvp,
        closure_loss_hvp,
        closure_loss_check
    );
}

/// `collect` into a `Vec`, then more chains over the collected values.
#[differentiable]
fn collect_then_chain(x: &[f64]) -> f64 {
    let z: Vec<f64> = x.iter().map(|v| v.tanh()).collect();
    let m = z.iter().sum::<f64>() / z.len() as f64;
    let c: Vec<f64> = z.iter().map(|v| v - m).collect();
    let v = c.iter().map(|v| v * v).sum::<f64>();
    let skew = c.iter().map(|v| v * v * v).sum::<f64>();
    skew / (v + 0.1).powf(1.5) + z.iter().zip(x.iter()).map(|(a, b)| a * b).sum::<f64>()
}

#[test]
fn h052_collect_then_chain() {
    slice_case!(
        "collect_then_chain",
        vec![0.3, -0.7, 0.2, 0.9, 0.45, 1.2],
        collect_then_chain,
        collect_then_chain_grad,
        collect_then_chain_jvp,
        collect_then_chain_hvp,
        collect_then_chain_check
    );
}

/// `for` loops over chains with tuple patterns, and `chunks`.
#[differentiable]
fn for_patterns(x: &[f64], y: &[f64]) -> f64 {
    let mut s = 0.0;
    for (i, (a, b)) in x.iter().zip(y.iter()).enumerate() {
        s += (a * b).sin() * (i as f64 + 0.5);
    }
    for c in x.chunks(2) {
        s += c[0] * c[c.len() - 1];
    }
    for (k, &v) in y.iter().enumerate().skip(1) {
        s -= v.powi(2) / k as f64;
    }
    s
}

#[test]
fn h053_for_patterns() {
    two_slices_case!(
        "for_patterns",
        vec![0.3, -0.7, 0.2, 0.9, 0.45, 1.2, -0.4, 0.6, 0.8, -1.1],
        5,
        for_patterns,
        for_patterns_grad,
        for_patterns_jvp,
        for_patterns_hvp,
        for_patterns_check
    );
}

// ===================================================================================
// More real programs: dynamic programming, filters, solvers, unrolled optimisers
// ===================================================================================

/// Soft-DTW (Cuturi & Blondel) between two series, on a flat table with infinite borders.
#[differentiable]
fn soft_dtw(a: &[f64], b: &[f64], gamma: f64) -> f64 {
    let n = a.len();
    let m = b.len();
    let w = m + 1;
    let mut r = vec![f64::INFINITY; (n + 1) * w];
    r[0] = 0.0;
    for i in 1..=n {
        for j in 1..=m {
            let d = (a[i - 1] - b[j - 1]).powi(2);
            let r0 = r[(i - 1) * w + j - 1];
            let r1 = r[(i - 1) * w + j];
            let r2 = r[i * w + j - 1];
            let mn = r0.min(r1).min(r2);
            let s = (-(r0 - mn) / gamma).exp()
                + (-(r1 - mn) / gamma).exp()
                + (-(r2 - mn) / gamma).exp();
            r[i * w + j] = d + mn - gamma * s.ln();
        }
    }
    r[n * w + m]
}

#[test]
fn h054_soft_dtw() {
    let a = vec![0.3, -0.7, 0.2, 0.9];
    let b = vec![0.1, 0.5, -0.4, 0.8, 0.6];
    let x = cat(&[a.clone(), b.clone()]);
    let k = a.len();
    let gamma = 0.7;
    verify(
        "soft_dtw",
        &x,
        &|p| soft_dtw(&p[..k], &p[k..], gamma),
        &|p| {
            let (v, (ga, gb, _)) = soft_dtw_grad(&p[..k], &p[k..], gamma);
            (v, cat(&[ga, gb]))
        },
        &|p, t| soft_dtw_jvp(&p[..k], &p[k..], gamma, &t[..k], &t[k..], 0.0),
        Some(&|p, t| {
            let (v, (ga, gb, _), (ha, hb, _)) =
                soft_dtw_hvp(&p[..k], &p[k..], gamma, &t[..k], &t[k..], 0.0);
            (v, cat(&[ga, gb]), cat(&[ha, hb]))
        }),
        Some(soft_dtw_check(&a, &b, gamma)),
    );
}

/// A scalar Kalman filter's negative log-likelihood of a series, in the process and
/// measurement log-variances.
#[differentiable(wrt(lq, lr))]
fn kalman_nll(lq: f64, lr: f64, ys: &[f64]) -> f64 {
    let q = lq.exp();
    let r = lr.exp();
    let mut m = 0.0;
    let mut p = 1.0;
    let mut nll = 0.0;
    for &y in ys {
        let pp = p + q;
        let s = pp + r;
        let innov = y - m;
        nll += 0.5 * (s.ln() + innov * innov / s + (2.0 * std::f64::consts::PI).ln());
        let k = pp / s;
        m += k * innov;
        p = (1.0 - k) * pp;
    }
    nll
}

#[test]
fn h055_kalman_nll() {
    let ys = vec![0.1, 0.4, 0.35, 0.8, 0.6, 1.1, 0.9, 1.3];
    verify(
        "kalman_nll",
        &[-1.2, -0.8],
        &|p| kalman_nll(p[0], p[1], &ys),
        &|p| {
            let (v, (a, b)) = kalman_nll_grad(p[0], p[1], &ys);
            (v, vec![a, b])
        },
        &|p, t| kalman_nll_jvp(p[0], p[1], &ys, t[0], t[1]),
        Some(&|p, t| {
            let (v, (a, b), (c, d)) = kalman_nll_hvp(p[0], p[1], &ys, t[0], t[1]);
            (v, vec![a, b], vec![c, d])
        }),
        Some(kalman_nll_check(-1.2, -0.8, &ys)),
    );
}

/// Conjugate gradients on `A(θ) x = b` for a fixed number of iterations, `A` tridiagonal
/// SPD built from the parameters; the objective is `bᵀ x` (compliance).
#[differentiable(wrt(theta))]
fn cg_compliance(theta: &[f64], b: &[f64], iters: usize) -> f64 {
    let n = b.len();
    let mut x = vec![0.0; n];
    let mut r = b.to_vec();
    let mut p = b.to_vec();
    let mut rr: f64 = r.iter().map(|v| v * v).sum();
    for _ in 0..iters {
        let mut ap = vec![0.0; n];
        for i in 0..n {
            let k = theta[i].exp() + 2.0;
            ap[i] = k * p[i];
            if i > 0 {
                ap[i] -= p[i - 1];
            }
            if i + 1 < n {
                ap[i] -= p[i + 1];
            }
        }
        let pap: f64 = p.iter().zip(ap.iter()).map(|(a, c)| a * c).sum();
        let alpha = rr / pap;
        for i in 0..n {
            x[i] += alpha * p[i];
            r[i] -= alpha * ap[i];
        }
        let rr_new: f64 = r.iter().map(|v| v * v).sum();
        let beta = rr_new / rr;
        for i in 0..n {
            p[i] = r[i] + beta * p[i];
        }
        rr = rr_new;
    }
    b.iter().zip(x.iter()).map(|(u, v)| u * v).sum()
}

#[test]
fn h056_cg_compliance() {
    let b = vec![1.0, -0.5, 0.3, 0.8, -0.2];
    slice_extra_case!(
        "cg_compliance",
        vec![0.3, -0.7, 0.2, 0.9, 0.45],
        cg_compliance,
        cg_compliance_grad,
        cg_compliance_jvp,
        cg_compliance_hvp,
        cg_compliance_check,
        &b,
        4
    );
}

/// Sinkhorn iterations for entropic optimal transport between two histograms; the transport
/// cost `<P, C>` as the objective.
#[differentiable(wrt(a, c))]
fn sinkhorn(a: &[f64], b: &[f64], c: &[f64], eps: f64, iters: usize) -> f64 {
    let n = a.len();
    let m = b.len();
    let mut k = vec![0.0; n * m];
    for i in 0..n * m {
        k[i] = (-c[i] / eps).exp();
    }
    let mut u = vec![1.0; n];
    let mut v = vec![1.0; m];
    for _ in 0..iters {
        for i in 0..n {
            let mut s = 0.0;
            for j in 0..m {
                s += k[i * m + j] * v[j];
            }
            u[i] = a[i] / s;
        }
        for j in 0..m {
            let mut s = 0.0;
            for i in 0..n {
                s += k[i * m + j] * u[i];
            }
            v[j] = b[j] / s;
        }
    }
    let mut cost = 0.0;
    for i in 0..n {
        for j in 0..m {
            cost += u[i] * k[i * m + j] * v[j] * c[i * m + j];
        }
    }
    cost
}

#[test]
fn h057_sinkhorn() {
    let a = vec![0.2, 0.5, 0.3];
    let b = vec![0.4, 0.35, 0.25];
    let c = vec![0.0, 0.4, 1.0, 0.5, 0.1, 0.6, 0.9, 0.3, 0.2];
    let x = cat(&[a.clone(), c.clone()]);
    verify(
        "sinkhorn",
        &x,
        &|p| sinkhorn(&p[..3], &b, &p[3..], 0.3, 20),
        &|p| {
            let (v, (ga, gc)) = sinkhorn_grad(&p[..3], &b, &p[3..], 0.3, 20);
            (v, cat(&[ga, gc]))
        },
        &|p, t| sinkhorn_jvp(&p[..3], &b, &p[3..], 0.3, 20, &t[..3], &t[3..]),
        Some(&|p, t| {
            let (v, (ga, gc), (ha, hc)) =
                sinkhorn_hvp(&p[..3], &b, &p[3..], 0.3, 20, &t[..3], &t[3..]);
            (v, cat(&[ga, gc]), cat(&[ha, hc]))
        }),
        Some(sinkhorn_check(&a, &b, &c, 0.3, 20)),
    );
}

/// Meta-learning: ten Adam steps on a quadratic unrolled inside the objective, differentiated
/// in the initial point and the learning rate.
#[differentiable]
fn unrolled_adam(w0: &[f64], lr: f64) -> f64 {
    let n = w0.len();
    let mut w = w0.to_vec();
    let mut m = vec![0.0; n];
    let mut v = vec![0.0; n];
    let (b1, b2, eps) = (0.9, 0.999, 1e-8);
    for t in 1..=10 {
        for i in 0..n {
            let g = 2.0 * (i as f64 + 1.0) * (w[i] - 0.5) + 0.3 * w[(i + 1) % n];
            m[i] = b1 * m[i] + (1.0 - b1) * g;
            v[i] = b2 * v[i] + (1.0 - b2) * g * g;
            let mh = m[i] / (1.0 - f64::powi(b1, t));
            let vh = v[i] / (1.0 - f64::powi(b2, t));
            w[i] -= lr * mh / (vh.sqrt() + eps);
        }
    }
    let mut loss = 0.0;
    for i in 0..n {
        loss += (i as f64 + 1.0) * (w[i] - 0.5).powi(2);
    }
    loss
}

#[test]
fn h058_unrolled_adam() {
    slice_scalar_case!(
        "unrolled_adam",
        vec![0.3, -0.7, 1.2, 0.05],
        unrolled_adam,
        unrolled_adam_grad,
        unrolled_adam_jvp,
        unrolled_adam_hvp,
        unrolled_adam_check
    );
}

/// 1-D Gaussian mixture log-likelihood, a helper log-sum-exp called once per point.
#[differentiable]
fn lse3(a: f64, b: f64, c: f64) -> f64 {
    let m = a.max(b).max(c);
    m + ((a - m).exp() + (b - m).exp() + (c - m).exp()).ln()
}

#[differentiable(wrt(theta))]
fn gmm1d(theta: &[f64], xs: &[f64]) -> f64 {
    let mut ll = 0.0;
    let lw = lse3(theta[0], theta[1], theta[2]);
    for &x in xs {
        let mut t = [0.0; 3];
        for k in 0..3 {
            let mu = theta[3 + k];
            let ls = theta[6 + k];
            let z = (x - mu) / ls.exp();
            t[k] = theta[k] - lw - ls - 0.5 * z * z;
        }
        ll += lse3(t[0], t[1], t[2]);
    }
    -ll
}

#[test]
fn h059_gmm1d() {
    let xs = vec![-1.2, -0.9, 0.1, 0.3, 0.2, 1.5, 1.9, 2.2, -1.0];
    slice_extra_case!(
        "gmm1d",
        vec![0.1, -0.2, 0.3, -1.0, 0.2, 1.8, -0.5, -0.3, -0.1],
        gmm1d,
        gmm1d_grad,
        gmm1d_jvp,
        gmm1d_hvp,
        gmm1d_check,
        &xs
    );
}

/// Discrete elastic rod in 2-D: stretching by `hypot`, bending by the turning angle
/// `atan2(cross, dot)` between consecutive segments.
#[differentiable]
fn elastic_rod(p: &[f64], ks: f64, kb: f64) -> f64 {
    let n = p.len() / 2;
    let mut e = 0.0;
    for i in 0..n - 1 {
        let dx = p[2 * i + 2] - p[2 * i];
        let dy = p[2 * i + 3] - p[2 * i + 1];
        let l = dx.hypot(dy);
        e += ks * (l - 1.0).powi(2);
        if i + 2 < n {
            let ex = p[2 * i + 4] - p[2 * i + 2];
            let ey = p[2 * i + 5] - p[2 * i + 3];
            let ang = (dx * ey - dy * ex).atan2(dx * ex + dy * ey);
            e += kb * ang * ang;
        }
    }
    e
}

#[test]
fn h060_elastic_rod() {
    let x = vec![0.0, 0.0, 1.1, 0.2, 1.9, 0.8, 2.5, 1.7, 3.6, 1.9];
    let k = x.len();
    let mut z = x.clone();
    z.extend([1.5, 0.4]);
    verify(
        "elastic_rod",
        &z,
        &|p| elastic_rod(&p[..k], p[k], p[k + 1]),
        &|p| {
            let (v, (mut g, a, b)) = elastic_rod_grad(&p[..k], p[k], p[k + 1]);
            g.extend([a, b]);
            (v, g)
        },
        &|p, t| elastic_rod_jvp(&p[..k], p[k], p[k + 1], &t[..k], t[k], t[k + 1]),
        Some(&|p, t| {
            let (v, (mut g, a, b), (mut h, c, d)) =
                elastic_rod_hvp(&p[..k], p[k], p[k + 1], &t[..k], t[k], t[k + 1]);
            g.extend([a, b]);
            h.extend([c, d]);
            (v, g, h)
        }),
        Some(elastic_rod_check(&x, 1.5, 0.4)),
    );
}

/// Shoelace polygon area with wrap-around indices, and its perimeter, as a tuple result.
#[differentiable]
fn polygon_area_perim(p: &[f64]) -> (f64, f64) {
    let n = p.len() / 2;
    let mut a = 0.0;
    let mut per = 0.0;
    for i in 0..n {
        let j = (i + 1) % n;
        a += p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1];
        per += (p[2 * j] - p[2 * i]).hypot(p[2 * j + 1] - p[2 * i + 1]);
    }
    (0.5 * a, per)
}

#[test]
fn h061_polygon_area_perim() {
    let x = vec![0.0, 0.0, 1.2, 0.1, 1.5, 1.0, 0.4, 1.4, -0.3, 0.7];
    verify_vector(
        "polygon_area_perim",
        &x,
        &|q| {
            let (a, b) = polygon_area_perim(q);
            vec![a, b]
        },
        &|q, t| {
            let ((a, b), (da, db)) = polygon_area_perim_jvp(q, t);
            (vec![a, b], vec![da, db])
        },
        &|q| {
            let ((a, b), j) = polygon_area_perim_jacobian(q);
            (vec![a, b], j)
        },
        Some(&|q, w| {
            let ((a, b), g) = polygon_area_perim_vjp(q, (w[0], w[1]));
            (vec![a, b], g)
        }),
    );
}

/// Householder QR of a flat `m × n` matrix, then `Σ ln |R_ii|`.
#[differentiable]
fn householder_logdet(a: &[f64], m: usize, n: usize) -> f64 {
    let mut r = a.to_vec();
    let mut s = 0.0;
    for k in 0..n {
        let mut norm2 = 0.0;
        for i in k..m {
            norm2 += r[i * n + k] * r[i * n + k];
        }
        let norm = norm2.sqrt();
        let alpha = if r[k * n + k] > 0.0 { -norm } else { norm };
        let mut v = vec![0.0; m];
        for i in k..m {
            v[i] = r[i * n + k];
        }
        v[k] -= alpha;
        let mut vv = 0.0;
        for i in k..m {
            vv += v[i] * v[i];
        }
        for j in k..n {
            let mut d = 0.0;
            for i in k..m {
                d += v[i] * r[i * n + j];
            }
            let f = 2.0 * d / vv;
            for i in k..m {
                r[i * n + j] -= f * v[i];
            }
        }
        s += r[k * n + k].abs().ln();
    }
    s
}

#[test]
fn h062_householder_logdet() {
    slice_extra_case!(
        "householder_logdet",
        vec![
            0.3, 2.0, -0.5, 1.2, 0.4, 0.7, -1.5, 0.6, 0.9, 0.2, -0.8, 0.5
        ],
        householder_logdet,
        householder_logdet_grad,
        householder_logdet_jvp,
        householder_logdet_hvp,
        householder_logdet_check,
        4,
        3
    );
}

/// Secant method with a `loop`, `break` and an iteration cap; the root of `x e^x = a`
/// (Lambert W), then a smooth function of it.
#[differentiable]
fn lambert_secant(a: f64) -> f64 {
    let mut x0 = 0.0;
    let mut x1 = 1.0;
    let mut f0 = x0 * f64::exp(x0) - a;
    let mut it = 0;
    loop {
        let f1 = x1 * x1.exp() - a;
        if f1.abs() < 1e-15 || it >= 60 {
            break;
        }
        let x2 = x1 - f1 * (x1 - x0) / (f1 - f0);
        x0 = x1;
        f0 = f1;
        x1 = x2;
        it += 1;
    }
    x1 * x1 + x1.sin()
}

#[test]
fn h063_lambert_secant() {
    let w = |a: f64| {
        let x = {
            let mut x: f64 = 0.5;
            for _ in 0..100 {
                x -= (x * x.exp() - a) / ((1.0 + x) * x.exp());
            }
            x
        };
        x
    };
    scalar_n_case(
        "lambert_secant",
        1.7,
        &lambert_secant,
        &lambert_secant_grad,
        &lambert_secant_jvp,
        &lambert_secant_hvp,
        lambert_secant_check(1.7),
    );
    // Against the implicit derivative W'(a) = W / (a (1 + W)).
    let x = w(1.7);
    let dw = x / (1.7 * (1.0 + x));
    let (_, g) = lambert_secant_grad(1.7);
    assert!(close(g, (2.0 * x + x.cos()) * dw, 1e-8), "{g}");
}

/// Viterbi-like max-sum over a chain of scores with integer back-pointers; the score of the
/// best path re-evaluated along the decoded path.
#[differentiable]
fn viterbi_path_score(em: &[f64], tr: &[f64], k: usize) -> f64 {
    let t_len = em.len() / k;
    let mut best = vec![0.0; k];
    for j in 0..k {
        best[j] = em[j];
    }
    let mut back = vec![0usize; t_len * k];
    for t in 1..t_len {
        let mut nb = vec![0.0; k];
        for j in 0..k {
            let mut arg = 0;
            let mut val = best[0] + tr[j];
            for i in 1..k {
                let c = best[i] + tr[i * k + j];
                if c > val {
                    val = c;
                    arg = i;
                }
            }
            nb[j] = val + em[t * k + j];
            back[t * k + j] = arg;
        }
        best = nb;
    }
    let mut last = 0;
    for j in 1..k {
        if best[j] > best[last] {
            last = j;
        }
    }
    let mut score = best[last];
    let mut s = last;
    let mut t = t_len - 1;
    while t > 0 {
        let p = back[t * k + s];
        score += 0.1 * em[(t - 1) * k + p] * em[t * k + s];
        s = p;
        t -= 1;
    }
    score
}

#[test]
fn h064_viterbi_path_score() {
    let em = det_vals(12, 1.13);
    let tr = det_vals(9, 0.61);
    let x = cat(&[em.clone(), tr.clone()]);
    two_slices_case!(
        "viterbi_path_score",
        x,
        12,
        viterbi_path_score_k3,
        viterbi_path_score_k3_grad,
        viterbi_path_score_k3_jvp,
        viterbi_path_score_k3_hvp,
        viterbi_path_score_k3_check
    );
}

#[differentiable]
fn viterbi_path_score_k3(em: &[f64], tr: &[f64]) -> f64 {
    viterbi_path_score(em, tr, 3)
}

// ===================================================================================
// ndarray programs
// ===================================================================================

/// Shared adapter: one 2-D array parameter (flattened row-major) and fixed extras.
macro_rules! arr2_case {
    ($name:expr, $x:expr, $r:expr, $c:expr, $f:ident, $g:ident, $j:ident, $h:ident $(, $extra:expr)*) => {{
        let x: Vec<f64> = $x;
        let (r, c) = ($r, $c);
        verify(
            $name,
            &x,
            &|p| $f(&arr2(p, r, c) $(, $extra)*),
            &|p| {
                let (v, g) = $g(&arr2(p, r, c) $(, $extra)*);
                (v, flat_of(&g))
            },
            &|p, t| $j(&arr2(p, r, c) $(, $extra)*, &arr2(t, r, c)),
            Some(&|p, t| {
                let (v, g, h) = $h(&arr2(p, r, c) $(, $extra)*, &arr2(t, r, c));
                (v, flat_of(&g), flat_of(&h))
            }),
            None,
        );
    }};
}

/// An RBF kernel matrix by broadcasting squared norms, weighted by a constant matrix.
#[differentiable(wrt(x))]
fn rbf_kernel_energy(x: &Array2<f64>, a: &Array2<f64>, ell: f64) -> f64 {
    let sq = (x * x).sum_axis(Axis(1));
    let gram = x.dot(&x.t());
    let d2 = &sq.clone().insert_axis(Axis(1)) + &sq.insert_axis(Axis(0)) - 2.0 * &gram;
    let k = d2.mapv(|v| (-v / (2.0 * ell * ell)).exp());
    (&k * a).sum()
}

#[test]
fn h065_rbf_kernel_energy() {
    let a = arr2(&det_vals(16, 0.41), 4, 4);
    arr2_case!(
        "rbf_kernel_energy",
        det_vals(12, 1.7),
        4,
        3,
        rbf_kernel_energy,
        rbf_kernel_energy_grad,
        rbf_kernel_energy_jvp,
        rbf_kernel_energy_hvp,
        &a,
        0.8
    );
}

/// Batch normalisation over the batch axis, then a weighted squared activation.
#[differentiable(wrt(x))]
fn batchnorm_loss(x: &Array2<f64>, gamma: &Array1<f64>) -> f64 {
    let mu = x.mean_axis(Axis(0)).unwrap();
    let var = x.var_axis(Axis(0), 0.0);
    let xh = (x - &mu) / &var.mapv(|v| (v + 1e-5).sqrt());
    let y = &xh * gamma;
    y.mapv(|v| v.tanh().powi(2)).sum() + (&y * &y.mapv(f64::sin)).mean().unwrap()
}

#[test]
fn h066_batchnorm_loss() {
    let gamma = arr1(&[1.2, 0.7, -0.4]);
    arr2_case!(
        "batchnorm_loss",
        det_vals(15, 0.83),
        5,
        3,
        batchnorm_loss,
        batchnorm_loss_grad,
        batchnorm_loss_jvp,
        batchnorm_loss_hvp,
        &gamma
    );
}

/// PCA-like reconstruction error `‖X − X W Wᵀ‖²` in the projection `W`.
#[differentiable(wrt(w))]
fn pca_recon(w: &Array2<f64>, x: &Array2<f64>) -> f64 {
    let z = x.dot(w);
    let r = x - &z.dot(&w.t());
    (&r * &r).sum() / x.nrows() as f64
}

#[test]
fn h067_pca_recon() {
    let x = arr2(&det_vals(24, 0.57), 6, 4);
    arr2_case!(
        "pca_recon",
        det_vals(8, 1.31),
        4,
        2,
        pca_recon,
        pca_recon_grad,
        pca_recon_jvp,
        pca_recon_hvp,
        &x
    );
}

/// Ridge regression with an `Array1` parameter and a scalar penalty.
#[differentiable(wrt(w, lam))]
fn ridge_nd(w: &Array1<f64>, lam: f64, x: &Array2<f64>, y: &Array1<f64>) -> f64 {
    let r = x.dot(w) - y;
    0.5 * r.dot(&r) + lam.exp() * w.dot(w) + (x.t().dot(&r)).mapv(f64::abs).sum() * 0.01
}

#[test]
fn h068_ridge_nd() {
    let x = arr2(&det_vals(15, 0.77), 5, 3);
    let y = arr1(&[0.3, -0.1, 0.8, 0.5, -0.6]);
    verify(
        "ridge_nd",
        &[0.4, -0.3, 0.9, -1.0],
        &|p| ridge_nd(&arr1(&p[..3]), p[3], &x, &y),
        &|p| {
            let (v, (gw, gl)) = ridge_nd_grad(&arr1(&p[..3]), p[3], &x, &y);
            let mut g = gw.to_vec();
            g.push(gl);
            (v, g)
        },
        &|p, t| ridge_nd_jvp(&arr1(&p[..3]), p[3], &x, &y, &arr1(&t[..3]), t[3]),
        Some(&|p, t| {
            let (v, (gw, gl), (hw, hl)) =
                ridge_nd_hvp(&arr1(&p[..3]), p[3], &x, &y, &arr1(&t[..3]), t[3]);
            let mut g = gw.to_vec();
            g.push(gl);
            let mut h = hw.to_vec();
            h.push(hl);
            (v, g, h)
        }),
        None,
    );
}

/// Arrays built from differentiated scalars, and writes into a local `Array2`.
#[differentiable]
fn built_arrays(a: f64, b: f64, c: f64) -> f64 {
    let v = Array1::from_vec(vec![a, b * 2.0, a * c]);
    let mut m = Array2::<f64>::zeros((2, 2));
    m[[0, 0]] = a.cos();
    m[[0, 1]] = b;
    m[[1, 0]] = -b * c;
    m[[1, 1]] = c.exp();
    let mm = m.dot(&m);
    v.dot(&v) + mm.sum() + mm[[1, 0]] * v[2]
}

#[test]
fn h069_built_arrays() {
    s3_case!(
        "built_arrays",
        [0.7, -0.4, 0.3],
        built_arrays,
        built_arrays_grad,
        built_arrays_jvp,
        built_arrays_hvp,
        built_arrays_check
    );
}

/// A two-layer network over rows in a loop (`row`, `dot`), with a `mapv` of a
/// `#[differentiable]` function and `nn::logsumexp`.
#[differentiable(wrt(w1, w2))]
fn rowwise_net(w1: &Array2<f64>, w2: &Array2<f64>, x: &Array2<f64>, labels: &[usize]) -> f64 {
    let mut loss = 0.0;
    for i in 0..x.nrows() {
        let h = x.row(i).dot(w1).mapv(lstm_sigmoid);
        let z = h.dot(w2);
        // `z.fold(f64::NEG_INFINITY, |a, &b| a.max(b))` is rejected (documented: array `fold`
        // with a closure); the iterator form instead.
        let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let lse = m + z.mapv(|v| (v - m).exp()).sum().ln();
        loss += lse - z[labels[i]];
    }
    let all = nn::logsumexp(&x.dot(w1), Axis(1));
    loss / x.nrows() as f64 + 0.01 * all.sum()
}

#[test]
fn h070_rowwise_net() {
    let x = arr2(&det_vals(12, 0.93), 4, 3);
    let labels = [0usize, 2, 1, 1];
    let (n1, n2) = (3 * 4, 4 * 3);
    let z = det_vals(n1 + n2, 0.71);
    verify(
        "rowwise_net",
        &z,
        &|p| rowwise_net(&arr2(&p[..n1], 3, 4), &arr2(&p[n1..], 4, 3), &x, &labels),
        &|p| {
            let (v, (a, b)) =
                rowwise_net_grad(&arr2(&p[..n1], 3, 4), &arr2(&p[n1..], 4, 3), &x, &labels);
            (v, cat(&[flat_of(&a), flat_of(&b)]))
        },
        &|p, t| {
            rowwise_net_jvp(
                &arr2(&p[..n1], 3, 4),
                &arr2(&p[n1..], 4, 3),
                &x,
                &labels,
                &arr2(&t[..n1], 3, 4),
                &arr2(&t[n1..], 4, 3),
            )
        },
        Some(&|p, t| {
            let (v, (a, b), (c, d)) = rowwise_net_hvp(
                &arr2(&p[..n1], 3, 4),
                &arr2(&p[n1..], 4, 3),
                &x,
                &labels,
                &arr2(&t[..n1], 3, 4),
                &arr2(&t[n1..], 4, 3),
            );
            (
                v,
                cat(&[flat_of(&a), flat_of(&b)]),
                cat(&[flat_of(&c), flat_of(&d)]),
            )
        }),
        None,
    );
}

/// Row-wise stable softmax by `fold_axis` and broadcasting, entropy summed.
#[differentiable]
fn softmax_entropy(z: &Array2<f64>) -> f64 {
    let m = z.fold_axis(Axis(1), f64::NEG_INFINITY, |&a, &b| a.max(b));
    let e = (z - &m.insert_axis(Axis(1))).mapv(f64::exp);
    let s = e.sum_axis(Axis(1));
    let p = &e / &s.insert_axis(Axis(1));
    -(&p * &p.mapv(f64::ln)).sum()
}

#[test]
fn h071_softmax_entropy() {
    arr2_case!(
        "softmax_entropy",
        det_vals(12, 1.9),
        3,
        4,
        softmax_entropy,
        softmax_entropy_grad,
        softmax_entropy_jvp,
        softmax_entropy_hvp
    );
}

/// A 1-D array iterated like a slice: a total-variation denoising energy.
#[differentiable(wrt(u))]
fn tv_energy(u: &Array1<f64>, f: &Array1<f64>, lam: f64) -> f64 {
    let n = u.len();
    let fit = (u - f).mapv(|v| v * v).sum() * 0.5;
    let mut tv = 0.0;
    for i in 0..n - 1 {
        let d = u[i + 1] - u[i];
        tv += (d * d + 1e-2).sqrt();
    }
    let mut s = 0.0;
    for &v in u.iter() {
        s += v.powi(4);
    }
    fit + lam * tv + 0.01 * s
}

#[test]
fn h072_tv_energy() {
    let f = arr1(&[0.1, 0.5, 0.4, 1.0, 0.9, 0.2]);
    let x = vec![0.2, 0.45, 0.5, 0.8, 0.85, 0.3];
    verify(
        "tv_energy",
        &x,
        &|p| tv_energy(&arr1(p), &f, 0.3),
        &|p| {
            let (v, g) = tv_energy_grad(&arr1(p), &f, 0.3);
            (v, g.to_vec())
        },
        &|p, t| tv_energy_jvp(&arr1(p), &f, 0.3, &arr1(t)),
        Some(&|p, t| {
            let (v, g, h) = tv_energy_hvp(&arr1(p), &f, 0.3, &arr1(t));
            (v, g.to_vec(), h.to_vec())
        }),
        None,
    );
}

/// `map_axis`, `slice` and `std` on a 2-D array.
#[differentiable]
fn axis_stats(a: &Array2<f64>) -> f64 {
    let rmax = a.map_axis(Axis(1), |r| r.mapv(|v| v * v).sum().sqrt());
    let inner = a.slice(ad_runtime::ndarray::s![1.., ..2]).to_owned();
    rmax.sum() + inner.std(0.0) + a.column(2).mapv(f64::sin).sum()
}

#[test]
fn h073_axis_stats() {
    arr2_case!(
        "axis_stats",
        det_vals(12, 1.1),
        4,
        3,
        axis_stats,
        axis_stats_grad,
        axis_stats_jvp,
        axis_stats_hvp
    );
}
