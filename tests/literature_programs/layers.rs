//! Models as users write them: a network as a `Vec` (or fixed-size array) of layer structs,
//! iterated with `for l in &self.layers`, `.iter().enumerate()`, `fold`, `map(..).sum()`,
//! indexed (`self.layers[i].forward(h)`, `&self.layers[i]`, `self.layers[i].w[0]`), and
//! slices of structs as parameters (`layers: &[Layer]`). Every mode through the harness,
//! with a closed form for the linear chain.

use crate::harness::*;
use ad_runtime::ndarray::{Array1, Array2};
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Debug, Differentiable)]
pub struct Unit {
    pub w: Vec<f64>,
    pub b: f64,
}

#[derive(Clone, Debug, Differentiable)]
pub struct Chain {
    pub layers: Vec<Unit>,
    pub scale: f64,
}

#[differentiable]
impl Unit {
    #[differentiable]
    pub fn forward(&self, x: f64) -> f64 {
        (self.w[0] * x + self.w[1] * x * x + self.b).tanh()
    }

    #[differentiable]
    pub fn affine(&self, x: f64) -> f64 {
        self.w[0] * x + self.b
    }
}

#[differentiable]
impl Chain {
    #[differentiable]
    pub fn by_ref_loop(&self, x: f64) -> f64 {
        let mut h = x;
        for l in &self.layers {
            h = l.forward(h);
        }
        h * self.scale
    }

    #[differentiable]
    pub fn by_iter(&self, x: f64) -> f64 {
        let mut h = x;
        for l in self.layers.iter() {
            h = l.forward(h) * l.b + l.w[1];
        }
        h * self.scale
    }

    #[differentiable]
    pub fn by_index(&self, x: f64) -> f64 {
        let mut h = x;
        for i in 0..self.layers.len() {
            h = self.layers[i].forward(h) + self.layers[i].b * self.layers[i].w[0];
        }
        h
    }

    #[differentiable]
    pub fn by_path(&self, x: f64) -> f64 {
        let mut h = x;
        for i in 0..self.layers.len() {
            let l = &self.layers[i];
            h = Unit::forward(l, h) + 0.5 * h;
        }
        h * self.scale
    }

    /// `scale · (w₂ (w₁ x + b₁) + b₂)` for two layers: a closed form.
    #[differentiable]
    pub fn linear(&self, x: f64) -> f64 {
        self.layers.iter().fold(x, |h, l| l.affine(h)) * self.scale
    }
}

impl Flat for Chain {
    fn flat(&self) -> Vec<f64> {
        let mut v = vec![];
        for l in &self.layers {
            v.extend(&l.w);
            v.push(l.b);
        }
        v.push(self.scale);
        v
    }
    fn unflat(&self, v: &[f64]) -> Self {
        let mut k = 0;
        let layers = self
            .layers
            .iter()
            .map(|l| {
                let w = v[k..k + l.w.len()].to_vec();
                k += l.w.len();
                let b = v[k];
                k += 1;
                Unit { w, b }
            })
            .collect();
        Chain {
            layers,
            scale: v[k],
        }
    }
}

fn chain() -> Chain {
    Chain {
        layers: vec![
            Unit {
                w: vec![0.3, -0.2],
                b: 0.1,
            },
            Unit {
                w: vec![-0.7, 0.4],
                b: 0.05,
            },
            Unit {
                w: vec![1.1, 0.2],
                b: -0.3,
            },
        ],
        scale: 1.3,
    }
}

macro_rules! chain_case {
    ($test:ident, $f:ident, $g:ident, $j:ident, $h:ident) => {
        #[test]
        fn $test() {
            let c = chain();
            let x = 0.7;
            verify_struct(
                stringify!($f),
                &c,
                &|p| p.$f(x),
                &|p| {
                    let (v, (g, _)) = p.$g(x);
                    (v, g)
                },
                &|p, t| p.$j(x, t, 0.0),
                Some(&|p: &Chain, t: &Chain| {
                    let (v, (g, _), (h, _)) = p.$h(x, t, 0.0);
                    (v, g, h)
                }),
            );
            // The input's derivative against differences too.
            let (_, (_, dx)) = c.$g(x);
            let fd = fd_dir(&|q| c.$f(q[0]), &[x], &[1.0], 1e-4);
            assert!(close(dx, fd, 1e-7), "{}: d/dx {dx} vs {fd}", stringify!($f));
        }
    };
}

chain_case!(
    l01_for_over_a_borrowed_vec_field,
    by_ref_loop,
    by_ref_loop_grad,
    by_ref_loop_jvp,
    by_ref_loop_hvp
);
chain_case!(
    l02_for_over_iter_reading_element_fields,
    by_iter,
    by_iter_grad,
    by_iter_jvp,
    by_iter_hvp
);
chain_case!(
    l03_indexed_element_method_and_fields,
    by_index,
    by_index_grad,
    by_index_jvp,
    by_index_hvp
);
chain_case!(
    l04_borrowed_element_by_path_call,
    by_path,
    by_path_grad,
    by_path_jvp,
    by_path_hvp
);
chain_case!(
    l05_fold_over_layers,
    linear,
    linear_grad,
    linear_jvp,
    linear_hvp
);

#[test]
fn l06_linear_chain_closed_form() {
    let mut c = chain();
    c.layers.truncate(2);
    let (w1, b1, w2, b2, s, x) = (0.3, 0.1, -0.7, 0.05, 1.3, 0.7);
    let (v, (g, dx)) = c.linear_grad(x);
    assert!(close(v, s * (w2 * (w1 * x + b1) + b2), 1e-14));
    assert!(close(g.layers[0].w[0], s * w2 * x, 1e-14));
    assert!(close(g.layers[0].b, s * w2, 1e-14));
    assert!(close(g.layers[1].w[0], s * (w1 * x + b1), 1e-14));
    assert!(close(g.layers[1].b, s, 1e-14));
    assert!(g.layers[0].w[1] == 0.0 && g.layers[1].w[1] == 0.0);
    assert!(close(g.scale, w2 * (w1 * x + b1) + b2, 1e-14));
    assert!(close(dx, s * w2 * w1, 1e-14));
}

// ---- slices and `Vec`s of structs as parameters -------------------------------------------

#[differentiable]
pub fn units_loop(layers: &[Unit], x: f64) -> f64 {
    let mut h = x;
    for l in layers {
        h = l.forward(h) + l.b;
    }
    h
}

#[differentiable]
pub fn units_fold(layers: &[Unit], x: f64) -> f64 {
    layers.iter().fold(x, |h, l| l.forward(h))
}

#[differentiable]
pub fn units_sum(layers: &Vec<Unit>, x: f64) -> f64 {
    layers.iter().map(|l| l.forward(x)).sum()
}

fn check_units(
    name: &str,
    f: &dyn Fn(&[Unit], f64) -> f64,
    g: &dyn Fn(&[Unit], f64) -> (f64, (Vec<Unit>, f64)),
) {
    let c = chain();
    let x = 0.6;
    let (v, (gl, gx)) = g(&c.layers, x);
    assert!(close(v, f(&c.layers, x), 1e-14), "{name}: value");
    for k in 0..c.layers.len() {
        for j in 0..3 {
            let at = |q: &[f64]| {
                let mut m = c.layers.clone();
                if j < 2 {
                    m[k].w[j] += q[0];
                } else {
                    m[k].b += q[0];
                }
                f(&m, x)
            };
            let fd = fd_dir(&at, &[0.0], &[1.0], 1e-4);
            let got = if j < 2 { gl[k].w[j] } else { gl[k].b };
            assert!(
                close(got, fd, 1e-7),
                "{name}: layer {k} parameter {j}: {got} vs {fd}"
            );
        }
    }
    let fd = fd_dir(&|q| f(&c.layers, q[0]), &[x], &[1.0], 1e-4);
    assert!(close(gx, fd, 1e-7), "{name}: d/dx {gx} vs {fd}");
}

#[test]
fn l07_slices_and_vecs_of_structs_as_parameters() {
    check_units("loop", &|l, x| units_loop(l, x), &|l, x| {
        units_loop_grad(l, x)
    });
    check_units("fold", &|l, x| units_fold(l, x), &|l, x| {
        units_fold_grad(l, x)
    });
    check_units("sum", &|l, x| units_sum(&l.to_vec(), x), &|l, x| {
        units_sum_grad(&l.to_vec(), x)
    });
    // Forward mode along a direction in every parameter, against differences.
    let c = chain();
    let t: Vec<Unit> = (0..c.layers.len())
        .map(|k| Unit {
            w: vec![0.3 - 0.1 * k as f64, -0.1],
            b: 0.2 * k as f64,
        })
        .collect();
    let along = |s: f64| -> Vec<Unit> {
        c.layers
            .iter()
            .zip(&t)
            .map(|(l, u)| Unit {
                w: vec![l.w[0] + s * u.w[0], l.w[1] + s * u.w[1]],
                b: l.b + s * u.b,
            })
            .collect()
    };
    let (v, d) = units_loop_jvp(&c.layers, 0.6, &t, 0.5);
    let fd = fd_dir(
        &|q| units_loop(&along(q[0]), 0.6 + q[0] * 0.5),
        &[0.0],
        &[1.0],
        1e-4,
    );
    assert!(close(v, units_loop(&c.layers, 0.6), 1e-14));
    assert!(close(d, fd, 1e-7), "jvp {d} vs {fd}");
}

// ---- ndarray layers --------------------------------------------------------------------

#[derive(Clone, Debug, Differentiable)]
pub struct Dense {
    pub w: Array2<f64>,
    pub b: Array1<f64>,
}

#[derive(Clone, Debug, Differentiable)]
pub struct Mlp {
    pub layers: Vec<Dense>,
}

#[derive(Clone, Debug, Differentiable)]
pub struct TwoUnits {
    pub units: [Unit; 2],
}

#[differentiable]
impl Dense {
    #[differentiable]
    pub fn forward(&self, x: &Array1<f64>) -> Array1<f64> {
        self.w.dot(x) + &self.b
    }
}

#[differentiable]
impl Mlp {
    /// Squared error of a `tanh` network whose last layer is linear.
    #[differentiable]
    pub fn loss(&self, x: &Array1<f64>, y: &Array1<f64>) -> f64 {
        let mut h = x.clone();
        for (k, l) in self.layers.iter().enumerate() {
            let z = l.forward(&h);
            h = if k + 1 < self.layers.len() {
                z.mapv(f64::tanh)
            } else {
                z
            };
        }
        let r = &h - y;
        r.dot(&r)
    }

    #[differentiable]
    pub fn elements(&self, x: f64) -> f64 {
        let l0 = &self.layers[0];
        let l1 = &self.layers[1];
        l0.b[0] * x * l1.w[[0, 1]] + (l1.b[1] * x).sin()
    }
}

impl Flat for Mlp {
    fn flat(&self) -> Vec<f64> {
        let mut v = vec![];
        for l in &self.layers {
            v.extend(l.w.iter());
            v.extend(l.b.iter());
        }
        v
    }
    fn unflat(&self, v: &[f64]) -> Self {
        let mut k = 0;
        let layers = self
            .layers
            .iter()
            .map(|l| {
                let n = l.w.len();
                let w = Array2::from_shape_vec(l.w.dim(), v[k..k + n].to_vec()).unwrap();
                k += n;
                let m = l.b.len();
                let b = Array1::from(v[k..k + m].to_vec());
                k += m;
                Dense { w, b }
            })
            .collect();
        Mlp { layers }
    }
}

fn mlp() -> Mlp {
    let layer = |r: usize, c: usize, s: f64| Dense {
        w: Array2::from_shape_fn((r, c), |(i, j)| {
            ((i * 3 + j * 5) as f64 * 0.37 + s).sin() * 0.6
        }),
        b: Array1::from_shape_fn(r, |i| (i as f64 + s).cos() * 0.2),
    };
    Mlp {
        layers: vec![layer(4, 3, 0.1), layer(3, 4, 0.7), layer(2, 3, 1.3)],
    }
}

#[test]
fn l08_mlp_as_a_vec_of_dense_layers() {
    let m = mlp();
    let x = Array1::from(vec![0.3, -0.5, 0.9]);
    let y = Array1::from(vec![0.1, -0.2]);
    let (z3, z2) = (Array1::zeros(3), Array1::zeros(2));
    verify_struct(
        "mlp",
        &m,
        &|p| p.loss(&x, &y),
        &|p| {
            let (v, (g, _, _)) = p.loss_grad(&x, &y);
            (v, g)
        },
        &|p, t| p.loss_jvp(&x, &y, t, &z3, &z2),
        Some(&|p: &Mlp, t: &Mlp| {
            let (v, (g, _, _), (h, _, _)) = p.loss_hvp(&x, &y, t, &z3, &z2);
            (v, g, h)
        }),
    );
    verify_struct(
        "elements",
        &m,
        &|p| p.elements(0.4),
        &|p| {
            let (v, (g, _)) = p.elements_grad(0.4);
            (v, g)
        },
        &|p, t| p.elements_jvp(0.4, t, 0.0),
        Some(&|p: &Mlp, t: &Mlp| {
            let (v, (g, _), (h, _)) = p.elements_hvp(0.4, t, 0.0);
            (v, g, h)
        }),
    );
}

#[differentiable]
pub fn two_units(p: &TwoUnits, x: f64) -> f64 {
    let mut h = x;
    for u in &p.units {
        h = u.forward(h);
    }
    h + p.units[1].b * p.units[0].w[1]
}

#[test]
fn l09_fixed_size_array_of_structs() {
    let c = chain();
    let p = TwoUnits {
        units: [c.layers[0].clone(), c.layers[1].clone()],
    };
    let (v, (g, dx)) = two_units_grad(&p, 0.8);
    assert!(close(v, two_units(&p, 0.8), 1e-14));
    for k in 0..2 {
        for j in 0..3 {
            let at = |q: &[f64]| {
                let mut m = p.clone();
                if j < 2 {
                    m.units[k].w[j] += q[0];
                } else {
                    m.units[k].b += q[0];
                }
                two_units(&m, 0.8)
            };
            let fd = fd_dir(&at, &[0.0], &[1.0], 1e-4);
            let got = if j < 2 { g.units[k].w[j] } else { g.units[k].b };
            assert!(
                close(got, fd, 1e-7),
                "unit {k} parameter {j}: {got} vs {fd}"
            );
        }
    }
    let fd = fd_dir(&|q| two_units(&p, q[0]), &[0.8], &[1.0], 1e-4);
    assert!(close(dx, fd, 1e-7));
}

// ---- other ways to reach an element ----------------------------------------------------

#[differentiable]
pub fn cloned_element(c: &Chain, x: f64) -> f64 {
    let l = c.layers[0].clone();
    Unit::forward(&l, x) + l.b * c.scale
}

#[differentiable]
pub fn zipped_with_inputs(c: &Chain, xs: &[f64]) -> f64 {
    let mut s = 0.0;
    for (l, &xi) in c.layers.iter().zip(xs) {
        s += l.forward(xi) * c.scale;
    }
    s
}

#[differentiable]
pub fn reversed(c: &Chain, x: f64) -> f64 {
    let mut h = x;
    for l in c.layers.iter().rev() {
        h = l.forward(h);
    }
    h * c.scale
}

#[differentiable]
pub fn last_by_index(c: &Chain, x: f64) -> f64 {
    let n = c.layers.len();
    let l = &c.layers[n - 1];
    l.forward(x) * c.layers[0].b + c.scale
}

#[test]
fn l10_cloned_zipped_reversed_and_last_elements() {
    let c = chain();
    let xs = [0.3, -0.4, 0.9];
    verify_struct(
        "cloned_element",
        &c,
        &|p| cloned_element(p, 0.4),
        &|p| {
            let (v, (g, _)) = cloned_element_grad(p, 0.4);
            (v, g)
        },
        &|p, t| cloned_element_jvp(p, 0.4, t, 0.0),
        Some(&|p: &Chain, t: &Chain| {
            let (v, (g, _), (h, _)) = cloned_element_hvp(p, 0.4, t, 0.0);
            (v, g, h)
        }),
    );
    let zx = [0.0; 3];
    verify_struct(
        "zipped_with_inputs",
        &c,
        &|p| zipped_with_inputs(p, &xs),
        &|p| {
            let (v, (g, _)) = zipped_with_inputs_grad(p, &xs);
            (v, g)
        },
        &|p, t| zipped_with_inputs_jvp(p, &xs, t, &zx),
        Some(&|p: &Chain, t: &Chain| {
            let (v, (g, _), (h, _)) = zipped_with_inputs_hvp(p, &xs, t, &zx);
            (v, g, h)
        }),
    );
    verify_struct(
        "reversed",
        &c,
        &|p| reversed(p, 0.4),
        &|p| {
            let (v, (g, _)) = reversed_grad(p, 0.4);
            (v, g)
        },
        &|p, t| reversed_jvp(p, 0.4, t, 0.0),
        Some(&|p: &Chain, t: &Chain| {
            let (v, (g, _), (h, _)) = reversed_hvp(p, 0.4, t, 0.0);
            (v, g, h)
        }),
    );
    verify_struct(
        "last_by_index",
        &c,
        &|p| last_by_index(p, 0.4),
        &|p| {
            let (v, (g, _)) = last_by_index_grad(p, 0.4);
            (v, g)
        },
        &|p, t| last_by_index_jvp(p, 0.4, t, 0.0),
        Some(&|p: &Chain, t: &Chain| {
            let (v, (g, _), (h, _)) = last_by_index_hvp(p, 0.4, t, 0.0);
            (v, g, h)
        }),
    );
}

// ---- particles: sequences of small structs, written element by element ------------------

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct Particle {
    pub x: f64,
    pub v: f64,
}

/// Not `Copy`: an element is cloned, rebuilt and written back.
#[derive(Clone, Debug, Differentiable)]
pub struct Body {
    pub q: Vec<f64>,
    pub m: f64,
}

#[derive(Clone, Debug, Differentiable)]
pub struct World {
    pub ps: Vec<Particle>,
    pub k: f64,
}

#[differentiable]
pub fn kinetic(ps: &[Particle]) -> f64 {
    ps.iter().map(|p| 0.5 * p.v * p.v).sum()
}

#[differentiable]
pub fn pair_energy(ps: &[Particle]) -> f64 {
    let mut e = 0.0;
    for i in 0..ps.len() {
        for j in (i + 1)..ps.len() {
            let d = ps[i].x - ps[j].x;
            e += 1.0 / (d * d + 0.1);
        }
    }
    e
}

#[differentiable]
pub fn step_all(ps: &[Particle], dt: f64) -> Vec<Particle> {
    let mut out = Vec::with_capacity(ps.len());
    for p in ps {
        out.push(Particle {
            x: p.x + dt * p.v,
            v: p.v - dt * p.x,
        });
    }
    out
}

#[differentiable]
pub fn simulate(ps0: &[Particle], dt: f64) -> f64 {
    let mut ps = ps0.to_vec();
    for _ in 0..5 {
        ps = step_all(&ps, dt);
    }
    ps[0].x * ps[1].v
}

/// Element field writes `ps[i].x += ..` of a local `Vec` of structs.
#[differentiable]
pub fn drift(ps0: &[Particle], dt: f64) -> f64 {
    let mut ps = ps0.to_vec();
    for _ in 0..3 {
        for i in 0..ps.len() {
            ps[i].x += dt * ps[i].v;
            ps[i].v -= dt * ps[i].x;
        }
    }
    ps[0].x * ps[1].v
}

/// `for p in ps.iter_mut() { p.x += .. }`.
#[differentiable]
pub fn drift_iter_mut(ps0: &[Particle], dt: f64) -> f64 {
    let mut ps = ps0.to_vec();
    for _ in 0..3 {
        for p in ps.iter_mut() {
            p.x += dt * p.v;
            p.v -= dt * p.x;
        }
    }
    let mut e = 0.0;
    for p in &ps {
        e += p.x * p.x + 0.5 * p.v;
    }
    e
}

#[differentiable]
pub fn bodies(bs0: &[Body], dt: f64) -> f64 {
    let mut bs = bs0.to_vec();
    for _ in 0..2 {
        for i in 0..bs.len() {
            bs[i].m *= 1.0 + dt * bs[i].q[0];
            bs[i].m += dt * bs[i].q[1] * bs[i].m;
        }
    }
    bs[0].m * bs[1].q[1] + bs[1].m.sin()
}

#[differentiable]
impl World {
    /// A `&mut self` step over a `Vec` field with `iter_mut`: the loop runs over a copy of
    /// the field, written back once.
    #[differentiable]
    pub fn step(&mut self, dt: f64) {
        for p in self.ps.iter_mut() {
            p.v -= dt * self.k * p.x;
            p.x += dt * p.v;
        }
        self.k *= 1.0 + dt;
    }

    #[differentiable]
    pub fn energy(&self) -> f64 {
        let mut e = 0.0;
        for p in &self.ps {
            e += 0.5 * p.v * p.v + 0.5 * self.k * p.x * p.x;
        }
        e
    }
}

#[differentiable]
pub fn run_world(w0: &World, dt: f64) -> f64 {
    let mut w = w0.clone();
    for _ in 0..4 {
        w.step(dt);
    }
    w.energy()
}

fn particles() -> Vec<Particle> {
    vec![
        Particle { x: 0.3, v: -0.2 },
        Particle { x: -0.5, v: 0.7 },
        Particle { x: 1.1, v: 0.1 },
    ]
}

fn flat_ps(p: &[Particle]) -> Vec<f64> {
    p.iter().flat_map(|q| [q.x, q.v]).collect()
}

fn unflat_ps(v: &[f64]) -> Vec<Particle> {
    v.chunks(2).map(|c| Particle { x: c[0], v: c[1] }).collect()
}

macro_rules! particles_case {
    ($f:ident, $g:ident, $j:ident, $h:ident $(, $extra:expr)*) => {
        verify(
            stringify!($f),
            &flat_ps(&particles()),
            &|q| $f(&unflat_ps(q) $(, $extra)*),
            &|q| {
                let (v, g) = $g(&unflat_ps(q) $(, $extra)*);
                (v, flat_ps(&particles_grad_part(g)))
            },
            &|q, t| $j(&unflat_ps(q) $(, $extra)*, &unflat_ps(t) $(, 0.0 * $extra)*),
            Some(&|q: &[f64], t: &[f64]| {
                let (v, g, h) = $h(&unflat_ps(q) $(, $extra)*, &unflat_ps(t) $(, 0.0 * $extra)*);
                (v, flat_ps(&particles_grad_part(g)), flat_ps(&particles_grad_part(h)))
            }),
            None,
        )
    };
}

/// The particles' part of a gradient (alone, or first of a tuple with `dt`'s).
trait ParticlesPart {
    fn part(self) -> Vec<Particle>;
}
impl ParticlesPart for Vec<Particle> {
    fn part(self) -> Vec<Particle> {
        self
    }
}
impl ParticlesPart for (Vec<Particle>, f64) {
    fn part(self) -> Vec<Particle> {
        self.0
    }
}
fn particles_grad_part<P: ParticlesPart>(g: P) -> Vec<Particle> {
    g.part()
}

#[test]
fn l11_particles_read_built_and_written_element_by_element() {
    particles_case!(kinetic, kinetic_grad, kinetic_jvp, kinetic_hvp);
    particles_case!(
        pair_energy,
        pair_energy_grad,
        pair_energy_jvp,
        pair_energy_hvp
    );
    particles_case!(simulate, simulate_grad, simulate_jvp, simulate_hvp, 0.1);
    particles_case!(drift, drift_grad, drift_jvp, drift_hvp, 0.1);
    particles_case!(
        drift_iter_mut,
        drift_iter_mut_grad,
        drift_iter_mut_jvp,
        drift_iter_mut_hvp,
        0.1
    );
    // Closed form: kinetic energy's gradient is (0, v) per particle.
    let (_, g) = kinetic_grad(&particles());
    for (gp, p) in g.iter().zip(particles()) {
        assert!(gp.x == 0.0 && close(gp.v, p.v, 1e-15));
    }
    // The element writes' values against the same loops on plain floats.
    let (dt, ps) = (0.1, particles());
    let (mut x, mut v): (Vec<f64>, Vec<f64>) = ps.iter().map(|p| (p.x, p.v)).unzip();
    for _ in 0..3 {
        for i in 0..3 {
            x[i] += dt * v[i];
            v[i] -= dt * x[i];
        }
    }
    assert!(close(drift_grad(&ps, dt).0, x[0] * v[1], 1e-15));
}

#[test]
fn l12_bodies_and_a_world_stepped_in_place() {
    let bs = vec![
        Body {
            q: vec![0.3, -0.2],
            m: 0.7,
        },
        Body {
            q: vec![-0.5, 0.4],
            m: 1.2,
        },
    ];
    let flat_b =
        |p: &[Body]| -> Vec<f64> { p.iter().flat_map(|b| [b.q[0], b.q[1], b.m]).collect() };
    let unflat_b = |v: &[f64]| -> Vec<Body> {
        v.chunks(3)
            .map(|c| Body {
                q: vec![c[0], c[1]],
                m: c[2],
            })
            .collect()
    };
    verify(
        "bodies",
        &flat_b(&bs),
        &|q| bodies(&unflat_b(q), 0.1),
        &|q| {
            let (v, (g, _)) = bodies_grad(&unflat_b(q), 0.1);
            (v, flat_b(&g))
        },
        &|q, t| bodies_jvp(&unflat_b(q), 0.1, &unflat_b(t), 0.0),
        Some(&|q: &[f64], t: &[f64]| {
            let (v, (g, _), (h, _)) = bodies_hvp(&unflat_b(q), 0.1, &unflat_b(t), 0.0);
            (v, flat_b(&g), flat_b(&h))
        }),
        None,
    );
    let flat_w = |w: &World| -> Vec<f64> {
        let mut v = flat_ps(&w.ps);
        v.push(w.k);
        v
    };
    let unflat_w = |v: &[f64]| World {
        ps: unflat_ps(&v[..v.len() - 1]),
        k: v[v.len() - 1],
    };
    let w = World {
        ps: particles(),
        k: 1.7,
    };
    verify(
        "run_world",
        &flat_w(&w),
        &|q| run_world(&unflat_w(q), 0.1),
        &|q| {
            let (v, (g, _)) = run_world_grad(&unflat_w(q), 0.1);
            (v, flat_w(&g))
        },
        &|q, t| run_world_jvp(&unflat_w(q), 0.1, &unflat_w(t), 0.0),
        Some(&|q: &[f64], t: &[f64]| {
            let (v, (g, _), (h, _)) = run_world_hvp(&unflat_w(q), 0.1, &unflat_w(t), 0.0);
            (v, flat_w(&g), flat_w(&h))
        }),
        None,
    );
}

/// Nested `iter_mut` loops: the inner loop's counter shadowed the outer one's in the
/// element places substituted into its body (an index out of bounds, or, with equal
/// lengths, the wrong elements read: a silent wrong value and gradient).
#[differentiable]
pub fn nested_iter_mut(x: &[f64]) -> f64 {
    let mut a = x.to_vec();
    let mut b = vec![1.0, 2.0];
    for u in a.iter_mut() {
        for w in b.iter_mut() {
            *w += *u * 0.5 + *w * *u;
        }
        *u *= 2.0;
    }
    a[0] * b[1] + a[1] * b[0]
}

#[test]
fn l13_nested_iter_mut_loops() {
    let plain = |x: &[f64]| {
        let mut a = x.to_vec();
        let mut b = [1.0, 2.0];
        for u in a.iter_mut() {
            for w in b.iter_mut() {
                *w += *u * 0.5 + *w * *u;
            }
            *u *= 2.0;
        }
        a[0] * b[1] + a[1] * b[0]
    };
    let x = [0.3, -0.7];
    assert!(close(nested_iter_mut(&x), plain(&x), 1e-15));
    slice_case!(
        "nested_iter_mut",
        x.to_vec(),
        nested_iter_mut,
        nested_iter_mut_grad,
        nested_iter_mut_jvp,
        nested_iter_mut_hvp,
        nested_iter_mut_check
    );
    let fd = fd_grad(&plain, &x, 1e-4);
    vec_close(&nested_iter_mut_grad(&x).1, &fd, 1e-6).unwrap();
}

#[derive(Clone, Debug, Differentiable)]
pub struct Decay {
    pub u: Vec<f64>,
    pub rate: f64,
}

#[differentiable]
impl Decay {
    /// `iter_mut().enumerate()` over a float `Vec` field of `self`.
    #[differentiable]
    pub fn relax(&mut self, dt: f64) {
        for (k, v) in self.u.iter_mut().enumerate() {
            *v -= dt * self.rate * *v * (1.0 + k as f64);
        }
    }
}

#[differentiable]
pub fn decay_run(d0: &Decay, dt: f64) -> f64 {
    let mut d = d0.clone();
    for _ in 0..3 {
        d.relax(dt);
    }
    d.u[0] * d.u[1] + d.u[2]
}

#[test]
fn l14_iter_mut_over_a_float_vec_field_of_self() {
    let un = |q: &[f64]| Decay {
        u: q[..3].to_vec(),
        rate: q[3],
    };
    let fl = |d: &Decay| {
        let mut v = d.u.clone();
        v.push(d.rate);
        v
    };
    let x = [0.3, -0.7, 1.2, 0.8];
    verify(
        "decay_run",
        &x,
        &|q| decay_run(&un(q), 0.1),
        &|q| {
            let (v, (g, _)) = decay_run_grad(&un(q), 0.1);
            (v, fl(&g))
        },
        &|q, t| decay_run_jvp(&un(q), 0.1, &un(t), 0.0),
        Some(&|q: &[f64], t: &[f64]| {
            let (v, (g, _), (h, _)) = decay_run_hvp(&un(q), 0.1, &un(t), 0.0);
            (v, fl(&g), fl(&h))
        }),
        None,
    );
    // Closed form: each element decays by (1 − dt·rate·(1 + k)) per step.
    let (dt, r) = (0.1, 0.8);
    let f = |k: f64| (1.0 - dt * r * (1.0 + k)).powi(3);
    let want = 0.3 * f(0.0) * -0.7 * f(1.0) + 1.2 * f(2.0);
    assert!(close(decay_run(&un(&x), dt), want, 1e-14));
}
