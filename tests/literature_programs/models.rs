//! Models as structs with `#[differentiable]` methods: nested structs, constructors, an Adam
//! loop, particle and spring systems, a pendulum integrated with RK4 on a state struct, heat
//! equations, by-value receivers and tuple structs.

use crate::harness::*;
use ad_runtime::optim::{Adam, Sgd};
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Debug, Differentiable)]
struct Params {
    a: f64,
    b: f64,
    w: Vec<f64>,
    c: [f64; 3],
    #[no_derivative]
    name: String,
}

impl Flat for Params {
    fn flat(&self) -> Vec<f64> {
        let mut v = vec![self.a, self.b];
        v.extend(&self.w);
        v.extend(self.c);
        v
    }
    fn unflat(&self, v: &[f64]) -> Self {
        let n = self.w.len();
        Params {
            a: v[0],
            b: v[1],
            w: v[2..2 + n].to_vec(),
            c: [v[2 + n], v[3 + n], v[4 + n]],
            name: self.name.clone(),
        }
    }
}

impl Params {
    #[differentiable]
    fn predict(&self, x: f64) -> f64 {
        let mut poly = 0.0;
        for i in 0..self.w.len() {
            poly = poly * x + self.w[i];
        }
        self.a * (self.b * x).tanh() + poly + self.c[0] * x.sin() + self.c[1] * self.c[2]
    }

    #[differentiable(wrt(self))]
    fn loss(&self, data: &[f64]) -> f64 {
        let mut s = 0.0;
        for i in 0..data.len() / 2 {
            let r = self.predict(data[2 * i]) - data[2 * i + 1];
            s += r * r;
        }
        s / (data.len() / 2) as f64
    }
}

fn params0() -> Params {
    Params {
        a: 0.8,
        b: -0.6,
        w: vec![0.3, -0.2, 0.5],
        c: [0.4, 0.7, -0.3],
        name: "p".into(),
    }
}

fn data0() -> Vec<f64> {
    (0..8)
        .flat_map(|i| {
            let x = i as f64 * 0.3 - 1.0;
            [x, (1.3 * x).sin() + 0.2 * x]
        })
        .collect()
}

#[test]
fn s01_params_loss_method() {
    let p = params0();
    let d = data0();
    verify_struct(
        "Params::loss",
        &p,
        &|q| q.loss(&d),
        &|q| q.loss_grad(&d),
        &|q, t| q.loss_jvp(&d, t),
        Some(&|q, t| q.loss_hvp(&d, t)),
    );
    let (_, g) = p.loss_grad(&d);
    assert_eq!(g.name, "p");
}

#[test]
fn s02_params_predict_both() {
    let p = params0();
    let x0 = 0.37;
    let mut z = p.flat();
    z.push(x0);
    let k = z.len() - 1;
    verify(
        "Params::predict",
        &z,
        &|q| p.unflat(&q[..k]).predict(q[k]),
        &|q| {
            let (v, (gp, gx)) = p.unflat(&q[..k]).predict_grad(q[k]);
            let mut g = gp.flat();
            g.push(gx);
            (v, g)
        },
        &|q, t| {
            p.unflat(&q[..k])
                .predict_jvp(q[k], &p.unflat(&t[..k]), t[k])
        },
        Some(&|q, t| {
            let (v, (gp, gx), (hp, hx)) =
                p.unflat(&q[..k])
                    .predict_hvp(q[k], &p.unflat(&t[..k]), t[k]);
            let mut g = gp.flat();
            g.push(gx);
            let mut h = hp.flat();
            h.push(hx);
            (v, g, h)
        }),
        None,
    );
}

#[derive(Clone, Debug, Differentiable)]
struct Outer {
    inner: Params,
    scale: f64,
    bias: [f64; 2],
}

impl Flat for Outer {
    fn flat(&self) -> Vec<f64> {
        let mut v = self.inner.flat();
        v.push(self.scale);
        v.extend(self.bias);
        v
    }
    fn unflat(&self, v: &[f64]) -> Self {
        let n = v.len();
        Outer {
            inner: self.inner.unflat(&v[..n - 3]),
            scale: v[n - 3],
            bias: [v[n - 2], v[n - 1]],
        }
    }
}

impl Outer {
    /// A method calling a method of a nested field via a local borrow.
    #[differentiable(wrt(self))]
    fn loss(&self, data: &[f64]) -> f64 {
        // `self.inner.loss(data)` is rejected: the macro does not see the type of a field, and
        // asks for the method to be called by its type.
        self.scale * Params::loss(&self.inner, data)
            + self.bias[0] * self.bias[1]
            + Params::predict(&self.inner, 0.5)
    }
}

#[test]
fn s03_nested_struct_method() {
    let o = Outer {
        inner: params0(),
        scale: 1.7,
        bias: [0.3, -0.9],
    };
    let d = data0();
    verify_struct(
        "Outer::loss",
        &o,
        &|q| q.loss(&d),
        &|q| q.loss_grad(&d),
        &|q, t| q.loss_jvp(&d, t),
        Some(&|q, t| q.loss_hvp(&d, t)),
    );
}

#[derive(Clone, Debug, Differentiable)]
struct Point {
    x: f64,
    y: f64,
}

#[differentiable]
impl Point {
    #[differentiable]
    fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
    #[differentiable]
    fn norm2(&self) -> f64 {
        self.x * self.x + self.y * self.y
    }
    #[differentiable]
    fn dist(&self, o: &Point) -> f64 {
        ((self.x - o.x).powi(2) + (self.y - o.y).powi(2)).sqrt()
    }
}

#[differentiable]
fn triangle_perimeter(a: f64, b: f64, c: f64) -> f64 {
    let p = Point { x: a, y: b };
    let q = Point { x: b * c, y: a - c };
    let r = Point { x: c.cos(), y: 1.0 };
    p.dist(&q) + q.dist(&r) + r.dist(&p) + 0.1 * p.norm2()
}

/// The same through the constructor.
#[differentiable]
fn triangle_ctor(a: f64, b: f64, c: f64) -> f64 {
    let p = Point::new(a, b);
    let q = Point::new(b * c, a - c);
    let r = Point::new(c.cos(), 1.0);
    p.dist(&q) + q.dist(&r) + r.dist(&p) + 0.1 * p.norm2()
}

#[test]
fn s04b_constructor_every_mode() {
    let x = [0.7, -0.4, 1.3];
    let g = |p: &[f64]| {
        let (v, (a, b, c)) = triangle_ctor_grad(p[0], p[1], p[2]);
        (v, vec![a, b, c])
    };
    verify(
        "triangle_ctor",
        &x,
        &|p| triangle_ctor(p[0], p[1], p[2]),
        &g,
        &|p, t| triangle_ctor_jvp(p[0], p[1], p[2], t[0], t[1], t[2]),
        Some(&|p, t| {
            let (v, (a, b, c), (d, e, f)) = triangle_ctor_hvp(p[0], p[1], p[2], t[0], t[1], t[2]);
            (v, vec![a, b, c], vec![d, e, f])
        }),
        None,
    );
}

#[test]
fn s04_constructor_and_methods() {
    let x = [0.7, -0.4, 1.3];
    verify(
        "triangle_perimeter",
        &x,
        &|p| triangle_perimeter(p[0], p[1], p[2]),
        &|p| {
            let (v, (a, b, c)) = triangle_perimeter_grad(p[0], p[1], p[2]);
            (v, vec![a, b, c])
        },
        &|p, t| triangle_perimeter_jvp(p[0], p[1], p[2], t[0], t[1], t[2]),
        Some(&|p, t| {
            let (v, (a, b, c), (d, e, f)) =
                triangle_perimeter_hvp(p[0], p[1], p[2], t[0], t[1], t[2]);
            (v, vec![a, b, c], vec![d, e, f])
        }),
        Some(triangle_perimeter_check(x[0], x[1], x[2])),
    );
}

#[test]
fn s05_adam_loop_on_struct() {
    // Fit Params to data generated by a known Params.
    let truth = Params {
        a: 1.2,
        b: 0.9,
        w: vec![0.1, -0.3, 0.2],
        c: [0.5, 0.4, 0.6],
        name: "t".into(),
    };
    let xs: Vec<f64> = (0..20).map(|i| i as f64 * 0.1 - 1.0).collect();
    let d: Vec<f64> = xs.iter().flat_map(|&x| [x, truth.predict(x)]).collect();
    let mut p = params0();
    let l0 = p.loss(&d);
    let mut opt = Adam::new(&p, 0.02);
    let mut last = l0;
    for _ in 0..1500 {
        let (l, g) = p.loss_grad(&d);
        assert!(l.is_finite());
        last = l;
        opt.step(&mut p, &g);
    }
    assert!(last < 1e-3 * l0, "Adam did not fit: {l0} -> {last}");
    let mut q = params0();
    let mut sgd = Sgd::new(&q, 0.05, 0.9);
    for _ in 0..1000 {
        let (_, g) = q.loss_grad(&d);
        sgd.step(&mut q, &g);
    }
    assert!(q.loss(&d) < 1e-2 * l0, "SGD did not fit: {}", q.loss(&d));
}

#[derive(Clone, Debug, Differentiable)]
struct Particles {
    x: Vec<f64>,
    v: Vec<f64>,
}

impl Flat for Particles {
    fn flat(&self) -> Vec<f64> {
        self.x.iter().chain(&self.v).copied().collect()
    }
    fn unflat(&self, v: &[f64]) -> Self {
        let n = self.x.len();
        Particles {
            x: v[..n].to_vec(),
            v: v[n..].to_vec(),
        }
    }
}

impl Particles {
    #[differentiable]
    fn step(&self, k: f64, rest: f64, dt: f64) -> Self {
        let n = self.x.len();
        let mut f = vec![0.0; n];
        for i in 0..n - 1 {
            let d = self.x[i + 1] - self.x[i];
            let e = k * (d - rest);
            f[i] += e;
            f[i + 1] -= e;
        }
        let mut v = vec![0.0; n];
        let mut x = vec![0.0; n];
        for i in 0..n {
            v[i] = self.v[i] + dt * f[i];
            x[i] = self.x[i] + dt * v[i];
        }
        Particles { x, v }
    }

    #[differentiable]
    fn energy(&self, k: f64, rest: f64) -> f64 {
        let mut e = 0.0;
        for i in 0..self.x.len() {
            e += 0.5 * self.v[i] * self.v[i];
        }
        for i in 0..self.x.len() - 1 {
            let d = self.x[i + 1] - self.x[i] - rest;
            e += 0.5 * k * d * d;
        }
        e
    }

    #[differentiable]
    fn run(&self, k: f64, rest: f64, n: usize) -> f64 {
        let mut p = self.clone();
        for _ in 0..n {
            p = p.step(k, rest, 0.05);
        }
        p.energy(k, rest) + p.x[0] * p.v[p.v.len() - 1]
    }
}

#[differentiable]
fn particles_run(p0: &Particles, k: f64, rest: f64, n: usize) -> f64 {
    let mut p = p0.clone();
    for _ in 0..n {
        p = p.step(k, rest, 0.05);
    }
    p.energy(k, rest) + p.x[0] * p.x[p.x.len() - 1]
}

fn parts0() -> Particles {
    Particles {
        x: vec![0.0, 1.1, 1.9, 3.2],
        v: vec![0.1, -0.2, 0.05, 0.3],
    }
}

#[test]
fn s06_particles_free_fn() {
    let p = parts0();
    let mut z = p.flat();
    z.extend([2.5, 0.9]);
    let n = z.len() - 2;
    verify(
        "particles_run",
        &z,
        &|q| particles_run(&p.unflat(&q[..n]), q[n], q[n + 1], 12),
        &|q| {
            let (v, (gp, gk, gr)) = particles_run_grad(&p.unflat(&q[..n]), q[n], q[n + 1], 12);
            let mut g = gp.flat();
            g.extend([gk, gr]);
            (v, g)
        },
        &|q, t| {
            particles_run_jvp(
                &p.unflat(&q[..n]),
                q[n],
                q[n + 1],
                12,
                &p.unflat(&t[..n]),
                t[n],
                t[n + 1],
            )
        },
        Some(&|q, t| {
            let (v, (gp, gk, gr), (hp, hk, hr)) = particles_run_hvp(
                &p.unflat(&q[..n]),
                q[n],
                q[n + 1],
                12,
                &p.unflat(&t[..n]),
                t[n],
                t[n + 1],
            );
            let mut g = gp.flat();
            g.extend([gk, gr]);
            let mut h = hp.flat();
            h.extend([hk, hr]);
            (v, g, h)
        }),
        None,
    );
}

#[test]
fn s07_particles_method_run() {
    let p = parts0();
    let mut z = p.flat();
    z.extend([2.5, 0.9]);
    let n = z.len() - 2;
    verify(
        "Particles::run",
        &z,
        &|q| p.unflat(&q[..n]).run(q[n], q[n + 1], 10),
        &|q| {
            let (v, (gp, gk, gr)) = p.unflat(&q[..n]).run_grad(q[n], q[n + 1], 10);
            let mut g = gp.flat();
            g.extend([gk, gr]);
            (v, g)
        },
        &|q, t| {
            p.unflat(&q[..n])
                .run_jvp(q[n], q[n + 1], 10, &p.unflat(&t[..n]), t[n], t[n + 1])
        },
        Some(&|q, t| {
            let (v, (gp, gk, gr), (hp, hk, hr)) =
                p.unflat(&q[..n])
                    .run_hvp(q[n], q[n + 1], 10, &p.unflat(&t[..n]), t[n], t[n + 1]);
            let mut g = gp.flat();
            g.extend([gk, gr]);
            let mut h = hp.flat();
            h.extend([hk, hr]);
            (v, g, h)
        }),
        None,
    );
}

#[differentiable]
fn spring_net_energy(pos: &[[f64; 2]], k: &[f64], rest: f64) -> f64 {
    let mut e = 0.0;
    for i in 0..pos.len() {
        for j in i + 1..pos.len() {
            let dx = pos[i][0] - pos[j][0];
            let dy = pos[i][1] - pos[j][1];
            let l = dx.hypot(dy);
            let s = l - rest * (j - i) as f64;
            e += 0.5 * k[i] * s * s;
        }
    }
    e
}

fn pairs(v: &[f64]) -> Vec<[f64; 2]> {
    v.chunks(2).map(|c| [c[0], c[1]]).collect()
}

#[test]
fn s08_spring_network() {
    let z = vec![0.0, 0.1, 1.2, -0.3, 0.4, 1.5, 2.1, 0.9, 0.5, 0.8, 1.3, 0.7];
    // pos: 4 points (8), k: 3, rest: 1 -> wait: k indexed by i < 4
    let z: Vec<f64> = z.into_iter().chain([0.6, 0.9]).collect(); // 8 pos + 4 k + 1 rest + 1 spare
    let z = z[..13].to_vec();
    verify(
        "spring_net_energy",
        &z,
        &|q| spring_net_energy(&pairs(&q[..8]), &q[8..12], q[12]),
        &|q| {
            let (v, (gp, gk, gr)) = spring_net_energy_grad(&pairs(&q[..8]), &q[8..12], q[12]);
            let mut g: Vec<f64> = gp.iter().flatten().copied().collect();
            g.extend(gk);
            g.push(gr);
            (v, g)
        },
        &|q, t| {
            spring_net_energy_jvp(
                &pairs(&q[..8]),
                &q[8..12],
                q[12],
                &pairs(&t[..8]),
                &t[8..12],
                t[12],
            )
        },
        Some(&|q, t| {
            let (v, (gp, gk, gr), (hp, hk, hr)) = spring_net_energy_hvp(
                &pairs(&q[..8]),
                &q[8..12],
                q[12],
                &pairs(&t[..8]),
                &t[8..12],
                t[12],
            );
            let mut g: Vec<f64> = gp.iter().flatten().copied().collect();
            g.extend(gk);
            g.push(gr);
            let mut h: Vec<f64> = hp.iter().flatten().copied().collect();
            h.extend(hk);
            h.push(hr);
            (v, g, h)
        }),
        None,
    );
}

#[derive(Clone, Debug, Differentiable)]
struct PState {
    th: f64,
    om: f64,
}

#[derive(Clone, Debug, Differentiable)]
struct PParams {
    g: f64,
    l: f64,
    damp: f64,
}

#[differentiable]
fn pend_rhs(s: &PState, p: &PParams) -> PState {
    PState {
        th: s.om,
        om: -p.g / p.l * s.th.sin() - p.damp * s.om,
    }
}

#[differentiable]
fn rk4(s: &PState, p: &PParams, dt: f64) -> PState {
    let k1 = pend_rhs(s, p);
    let s2 = PState {
        th: s.th + 0.5 * dt * k1.th,
        om: s.om + 0.5 * dt * k1.om,
    };
    let k2 = pend_rhs(&s2, p);
    let s3 = PState {
        th: s.th + 0.5 * dt * k2.th,
        om: s.om + 0.5 * dt * k2.om,
    };
    let k3 = pend_rhs(&s3, p);
    let s4 = PState {
        th: s.th + dt * k3.th,
        om: s.om + dt * k3.om,
    };
    let k4 = pend_rhs(&s4, p);
    PState {
        th: s.th + dt / 6.0 * (k1.th + 2.0 * k2.th + 2.0 * k3.th + k4.th),
        om: s.om + dt / 6.0 * (k1.om + 2.0 * k2.om + 2.0 * k3.om + k4.om),
    }
}

#[differentiable]
fn pendulum(s0: &PState, p: &PParams, dt: f64, n: usize) -> f64 {
    let mut s = s0.clone();
    let mut acc = 0.0;
    for _ in 0..n {
        s = rk4(&s, p, dt);
        acc += s.th * s.th;
    }
    acc * dt + s.om
}

#[test]
fn s09_pendulum_rk4() {
    let z = [0.8, -0.1, 9.81, 1.3, 0.15, 0.05];
    let st = |q: &[f64]| PState { th: q[0], om: q[1] };
    let pp = |q: &[f64]| PParams {
        g: q[2],
        l: q[3],
        damp: q[4],
    };
    verify(
        "pendulum",
        &z,
        &|q| pendulum(&st(q), &pp(q), q[5], 30),
        &|q| {
            let (v, (gs, gp, gd)) = pendulum_grad(&st(q), &pp(q), q[5], 30);
            (v, vec![gs.th, gs.om, gp.g, gp.l, gp.damp, gd])
        },
        &|q, t| pendulum_jvp(&st(q), &pp(q), q[5], 30, &st(t), &pp(t), t[5]),
        Some(&|q, t| {
            let (v, (gs, gp, gd), (hs, hp, hd)) =
                pendulum_hvp(&st(q), &pp(q), q[5], 30, &st(t), &pp(t), t[5]);
            (
                v,
                vec![gs.th, gs.om, gp.g, gp.l, gp.damp, gd],
                vec![hs.th, hs.om, hp.g, hp.l, hp.damp, hd],
            )
        }),
        None,
    );
}

#[differentiable]
fn heat(u0: &[f64], alpha: f64, left: f64, right: f64, steps: usize) -> f64 {
    let n = u0.len();
    let mut u = u0.to_vec();
    let mut un = vec![0.0; n];
    for _ in 0..steps {
        un[0] = left;
        un[n - 1] = right;
        for i in 1..n - 1 {
            un[i] = u[i] + alpha * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
        }
        std::mem::swap(&mut u, &mut un);
    }
    let mut s = 0.0;
    for i in 0..n {
        s += u[i] * u[i] * (i as f64 + 1.0);
    }
    s
}

#[test]
fn s10_heat_dirichlet() {
    let mut z: Vec<f64> = (0..8).map(|i| (i as f64 * 0.7).sin() + 0.2).collect();
    z.extend([0.21, 0.3, -0.4]);
    verify(
        "heat",
        &z,
        &|q| heat(&q[..8], q[8], q[9], q[10], 25),
        &|q| {
            let (v, (gu, ga, gl, gr)) = heat_grad(&q[..8], q[8], q[9], q[10], 25);
            let mut g = gu;
            g.extend([ga, gl, gr]);
            (v, g)
        },
        &|q, t| heat_jvp(&q[..8], q[8], q[9], q[10], 25, &t[..8], t[8], t[9], t[10]),
        Some(&|q, t| {
            let (v, (gu, ga, gl, gr), (hu, ha, hl, hr)) =
                heat_hvp(&q[..8], q[8], q[9], q[10], 25, &t[..8], t[8], t[9], t[10]);
            let mut g = gu;
            g.extend([ga, gl, gr]);
            let mut h = hu;
            h.extend([ha, hl, hr]);
            (v, g, h)
        }),
        Some(heat_check(&z[..8], z[8], z[9], z[10], 25)),
    );
}

/// Neumann boundaries, a nonlinear source, `u = un.clone()` instead of a swap.
#[differentiable]
fn heat_neumann(u0: &[f64], alpha: f64, src: f64, steps: usize) -> f64 {
    let n = u0.len();
    let mut u = u0.to_vec();
    for _ in 0..steps {
        let mut un = vec![0.0; n];
        for i in 1..n - 1 {
            un[i] = u[i] + alpha * (u[i - 1] - 2.0 * u[i] + u[i + 1]) + 0.01 * src * u[i].sin();
        }
        un[0] = un[1];
        un[n - 1] = un[n - 2];
        u = un.clone();
    }
    u.iter().map(|v| v * v).sum::<f64>() + u[n / 2]
}

#[test]
fn s11_heat_neumann() {
    let mut z: Vec<f64> = (0..7).map(|i| (i as f64 * 0.9).cos() + 0.1).collect();
    z.extend([0.2, 1.5]);
    verify(
        "heat_neumann",
        &z,
        &|q| heat_neumann(&q[..7], q[7], q[8], 20),
        &|q| {
            let (v, (gu, ga, gs)) = heat_neumann_grad(&q[..7], q[7], q[8], 20);
            let mut g = gu;
            g.extend([ga, gs]);
            (v, g)
        },
        &|q, t| heat_neumann_jvp(&q[..7], q[7], q[8], 20, &t[..7], t[7], t[8]),
        Some(&|q, t| {
            let (v, (gu, ga, gs), (hu, ha, hs)) =
                heat_neumann_hvp(&q[..7], q[7], q[8], 20, &t[..7], t[7], t[8]);
            let mut g = gu;
            g.extend([ga, gs]);
            let mut h = hu;
            h.extend([ha, hs]);
            (v, g, h)
        }),
        Some(heat_neumann_check(&z[..7], z[7], z[8], 20)),
    );
}

#[derive(Clone, Debug, Differentiable)]
struct Lin3 {
    w: [f64; 3],
    b: f64,
}

impl Flat for Lin3 {
    fn flat(&self) -> Vec<f64> {
        vec![self.w[0], self.w[1], self.w[2], self.b]
    }
    fn unflat(&self, v: &[f64]) -> Self {
        Lin3 {
            w: [v[0], v[1], v[2]],
            b: v[3],
        }
    }
}

impl Lin3 {
    /// Receiver by value, array field, iterator over the field.
    #[differentiable(wrt(self))]
    fn score(self, x: &[f64]) -> f64 {
        let mut s = self.b;
        for i in 0..3 {
            s += self.w[i] * x[i];
        }
        let r: f64 = self.w.iter().map(|w| w * w).sum();
        s.tanh() + r
    }
}

#[test]
fn s12_array_field_by_value_receiver() {
    let l = Lin3 {
        w: [0.3, -0.5, 0.8],
        b: 0.1,
    };
    let x = [0.7, 0.2, -0.4];
    verify_struct(
        "Lin3::score",
        &l,
        &|q| q.clone().score(&x),
        &|q| q.clone().score_grad(&x),
        &|q, t| q.score_jvp(&x, t),
        Some(&|q, t| q.score_hvp(&x, t)),
    );
}
