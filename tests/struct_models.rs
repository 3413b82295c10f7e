//! Models written with structs of structs (hunt 34): a vector type with operator impls and a
//! block of methods without their own attributes, particles holding vectors, a world holding
//! particles. Fields bound to annotated locals, struct locals in functions whose signature
//! names no struct, nested fields of sequence elements read in loops (also in a `&mut self`
//! step), and methods called on fields of elements: every mode against differences.

// Primals used only through their generated functions.
#![allow(dead_code)]

mod common;

use ad_runtime::{Differentiable, differentiable};
use common::{assert_close, fd_grad};

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct V2 {
    pub x: f64,
    pub y: f64,
}

#[differentiable]
impl std::ops::Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 {
        V2 {
            x: self.x + o.x,
            y: self.y + o.y,
        }
    }
}

#[differentiable]
impl std::ops::Mul<f64> for V2 {
    type Output = V2;
    fn mul(self, k: f64) -> V2 {
        V2 {
            x: self.x * k,
            y: self.y * k,
        }
    }
}

#[differentiable]
impl std::ops::AddAssign for V2 {
    fn add_assign(&mut self, o: V2) {
        self.x += o.x;
        self.y += o.y;
    }
}

#[differentiable]
impl V2 {
    pub fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
    pub fn norm2(&self) -> f64 {
        self.x * self.x + self.y * self.y
    }
    pub fn dot(self, o: V2) -> f64 {
        self.x * o.x + self.y * o.y
    }
    pub fn rot(self, t: f64) -> V2 {
        V2 {
            x: self.x * t.cos() - self.y * t.sin(),
            y: self.x * t.sin() + self.y * t.cos(),
        }
    }
}

#[differentiable]
impl std::ops::Sub for V2 {
    type Output = V2;
    fn sub(self, o: V2) -> V2 {
        V2 {
            x: self.x - o.x,
            y: self.y - o.y,
        }
    }
}

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct Particle {
    pub pos: V2,
    pub vel: V2,
    pub m: f64,
}

#[differentiable]
impl Particle {
    pub fn drift(&mut self, dt: f64) {
        self.pos.x += self.vel.x * dt;
        self.pos.y += self.vel.y * dt;
    }
}

#[derive(Clone, Debug, Differentiable)]
pub struct World {
    pub ps: Vec<Particle>,
    pub k: f64,
}

impl World {
    /// Nested fields of the elements, read in a loop.
    #[differentiable]
    pub fn potential(&self) -> f64 {
        let mut e = 0.0;
        for p in &self.ps {
            e += self.k * p.pos.x * p.pos.x + p.m * p.pos.y;
        }
        e
    }

    /// A method called on a field of each element.
    #[differentiable]
    pub fn kinetic(&self) -> f64 {
        let mut e = 0.0;
        for p in &self.ps {
            e += 0.5 * p.m * p.vel.norm2();
        }
        e
    }

    /// A `&mut self` step writing a field from nested fields.
    #[differentiable]
    pub fn bleed(&mut self, dt: f64) {
        for p in self.ps.iter_mut() {
            p.m -= dt * self.k * p.pos.x;
        }
    }

    /// The energy after a step: through the `&mut self` step.
    #[differentiable]
    pub fn drained_energy(&self, dt: f64) -> f64 {
        let mut w = self.clone();
        w.bleed(dt);
        w.potential() + w.kinetic()
    }
}

/// A field bound to an annotated local, then operators and a method on it.
#[differentiable]
fn scaled_velocity(pa: &Particle, k: f64) -> f64 {
    let v: V2 = pa.vel;
    let q = v * k;
    q.norm2() + pa.m
}

/// Struct locals in a function whose signature names no struct: a spring from constants.
#[differentiable]
fn spring(k: f64) -> f64 {
    let mut q: V2 = V2::new(0.5, -0.25);
    let mut w = V2::new(k, 0.1);
    for _ in 0..3 {
        w += q * k;
        q = q + w;
    }
    q.norm2()
}

fn world(p: &[f64]) -> World {
    World {
        ps: p[1..]
            .chunks(5)
            .map(|c| Particle {
                pos: V2 { x: c[0], y: c[1] },
                vel: V2 { x: c[2], y: c[3] },
                m: c[4],
            })
            .collect(),
        k: p[0],
    }
}

fn flat(w: &World) -> Vec<f64> {
    let mut out = vec![w.k];
    for p in &w.ps {
        out.extend([p.pos.x, p.pos.y, p.vel.x, p.vel.y, p.m]);
    }
    out
}

#[test]
fn nested_fields_of_elements_and_methods_on_them() {
    let p = [0.7, 0.3, -0.4, 0.9, 0.2, 1.5, -0.6, 0.8, -0.3, 0.5, 2.0];
    let w = world(&p);
    let (v, g) = w.potential_grad();
    assert_eq!(v, w.potential());
    assert_close(
        &flat(&g),
        &fd_grad(&|q: &[f64]| world(q).potential(), &p),
        "potential",
    );
    let (_, g) = w.kinetic_grad();
    assert_close(
        &flat(&g),
        &fd_grad(&|q: &[f64]| world(q).kinetic(), &p),
        "kinetic",
    );
    let dt = 0.1;
    let (v, (g, gdt)) = w.drained_energy_grad(dt);
    assert_eq!(v, w.drained_energy(dt));
    let mut all = p.to_vec();
    all.push(dt);
    let fd = fd_grad(&|q: &[f64]| world(&q[..11]).drained_energy(q[11]), &all);
    let mut got = flat(&g);
    got.push(gdt);
    assert_close(&got, &fd, "drained energy");
    let dw = world(&[1.0, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, -1.0, 0.0]);
    let (_, t) = w.drained_energy_jvp(dt, &dw, 0.5);
    let want: f64 = flat(&dw).iter().zip(&got).map(|(a, b)| a * b).sum::<f64>() + 0.5 * gdt;
    assert_close(&[t], &[want], "drained energy jvp");
}

#[test]
fn annotated_fields_and_struct_locals() {
    let pa = Particle {
        pos: V2 { x: 0.1, y: 0.2 },
        vel: V2 { x: 0.6, y: -0.8 },
        m: 1.3,
    };
    let k = 1.7;
    let (v, (gp, gk)) = scaled_velocity_grad(&pa, k);
    assert_close(&[v], &[k * k * 1.0 + 1.3], "value");
    assert_close(
        &[gp.vel.x, gp.vel.y, gp.m, gp.pos.x, gk],
        &[2.0 * k * k * 0.6, 2.0 * k * k * -0.8, 1.0, 0.0, 2.0 * k],
        "gradient",
    );
    let (_, _, hv) = scaled_velocity_hvp(&pa, k, &pa, 0.0);
    assert_close(&[hv.1], &[4.0 * k * 1.0], "hvp (mixed)");
    for k in [0.3, -0.7, 1.1] {
        let (v, g) = spring_grad(k);
        assert_eq!(v, spring(k));
        assert_close(
            &[g],
            &fd_grad(&|q: &[f64]| spring(q[0]), &[k]),
            "spring gradient",
        );
        let (_, t) = spring_jvp(k, 1.0);
        assert_close(&[t], &[g], "spring jvp");
        let (_, hg, hv) = spring_hvp(k, 1.0);
        let e = 1e-5;
        let fd = (spring_grad(k + e).1 - spring_grad(k - e).1) / (2.0 * e);
        assert_close(&[hg], &[g], "spring hvp gradient");
        common::assert_close_tol(&[hv], &[fd], 1e-6, "spring H v");
    }
}

/// A local copy of a struct's `Vec` field (`to_vec`), stepped in place and read.
#[differentiable]
fn copied_particles(w: &World, dt: f64) -> f64 {
    let mut ps = w.ps.to_vec();
    for p in ps.iter_mut() {
        p.m *= dt;
    }
    let mut e = 0.0;
    for p in &ps {
        e += p.m * p.pos.x;
    }
    e
}

#[test]
fn a_copied_vec_field() {
    let p = [0.7, 0.3, -0.4, 0.9, 0.2, 1.5, -0.6, 0.8, -0.3, 0.5, 2.0];
    let w = world(&p);
    let dt = 0.3;
    let (v, (g, gdt)) = copied_particles_grad(&w, dt);
    assert_eq!(v, copied_particles(&w, dt));
    let mut all = p.to_vec();
    all.push(dt);
    let fd = fd_grad(&|q: &[f64]| copied_particles(&world(&q[..11]), q[11]), &all);
    let mut got = flat(&g);
    got.push(gdt);
    assert_close(&got, &fd, "gradient");
}

/// A struct changed by `+=` whose value does not reach the result (second order kept the
/// callee's pullback borrowing it while assigning it).
#[differentiable]
fn dead_update(v: V2, k: f64) -> f64 {
    let mut q = v;
    q += v;
    k * k
}

/// A struct literal as the left operand of a chain of operators.
#[differentiable]
fn literal_chain(k: f64, v: V2) -> f64 {
    let q: V2 = V2 { x: k, y: 1.0 } + v + v;
    let r = (V2 { x: k * k, y: k } + v) * 2.0;
    q.x * r.y + r.x
}

/// Struct locals bound by a tuple pattern, then a by-value method named like an array
/// method (`dot`), annotated and not.
#[differentiable]
fn tuple_bound_dot(a: V2, b: V2) -> f64 {
    let (q, w) = (a, b);
    let (s, t): (V2, V2) = (b, a);
    q.dot(w) + 2.0 * s.dot(a) * t.x
}

#[test]
fn dead_updates_literal_chains_tuple_bound_structs() {
    let v = V2 { x: 0.4, y: -0.3 };
    let (val, (gv, gk)) = dead_update_grad(v, 1.5);
    assert_close(
        &[val, gv.x, gv.y, gk],
        &[2.25, 0.0, 0.0, 3.0],
        "dead update",
    );
    let (_, _, hv) = dead_update_hvp(v, 1.5, V2 { x: 1.0, y: 0.0 }, 1.0);
    assert_close(&[hv.0.x, hv.1], &[0.0, 2.0], "dead update hvp");
    // q.x = k + 2 v.x; r = 2 (k² + v.x, k + v.y): f = (k + 2 vx) 2 (k + vy) + 2 (k² + vx).
    let k = 0.7;
    let f = |k: f64, vx: f64, vy: f64| (k + 2.0 * vx) * 2.0 * (k + vy) + 2.0 * (k * k + vx);
    let (val, (gk, gv)) = literal_chain_grad(k, v);
    assert_close(&[val], &[f(k, v.x, v.y)], "literal chain value");
    let fd = fd_grad(&|p: &[f64]| f(p[0], p[1], p[2]), &[k, v.x, v.y]);
    assert_close(&[gk, gv.x, gv.y], &fd, "literal chain gradient");
    let (_, t) = literal_chain_jvp(k, v, 1.0, V2 { x: 0.0, y: 0.0 });
    assert_close(&[t], &[gk], "literal chain jvp");
    let (a, b) = (V2 { x: 0.5, y: 2.0 }, V2 { x: -1.0, y: 0.25 });
    // a·b (1 + 2 a.x).
    let (val, (ga, gb)) = tuple_bound_dot_grad(a, b);
    let d = a.x * b.x + a.y * b.y;
    assert_close(&[val], &[d * (1.0 + 2.0 * a.x)], "tuple dot value");
    let fd = fd_grad(
        &|p: &[f64]| tuple_bound_dot(V2 { x: p[0], y: p[1] }, V2 { x: p[2], y: p[3] }),
        &[a.x, a.y, b.x, b.y],
    );
    assert_close(&[ga.x, ga.y, gb.x, gb.y], &fd, "tuple dot gradient");
    let (_, _, hv) = tuple_bound_dot_hvp(a, b, V2 { x: 1.0, y: 0.0 }, V2 { x: 0.0, y: 0.0 });
    let e = 1e-5;
    let (p, m) = (
        tuple_bound_dot_grad(V2 { x: a.x + e, ..a }, b).1,
        tuple_bound_dot_grad(V2 { x: a.x - e, ..a }, b).1,
    );
    common::assert_close_tol(
        &[hv.0.x, hv.0.y, hv.1.x, hv.1.y],
        &[
            (p.0.x - m.0.x) / (2.0 * e),
            (p.0.y - m.0.y) / (2.0 * e),
            (p.1.x - m.1.x) / (2.0 * e),
            (p.1.y - m.1.y) / (2.0 * e),
        ],
        1e-6,
        "tuple dot H v",
    );
}

#[differentiable]
fn pull(p: V2, k: f64) -> V2 {
    p * (-k)
}

/// Sums and differences of call results with a struct on the right (`q.rot(t) + v`,
/// `pull(q, t) - v`): the call result taken to be of the right operand's type.
#[differentiable]
fn call_results_in_sums(q: V2, v: V2, t: f64) -> f64 {
    let a = q.rot(t) + v;
    let b = pull(q, t) - v;
    a.dot(b)
}

#[test]
fn call_results_as_operands() {
    let (q, v, t) = (V2 { x: 0.3, y: -0.7 }, V2 { x: 1.1, y: 0.4 }, 0.6);
    let (val, (gq, gv, gt)) = call_results_in_sums_grad(q, v, t);
    assert_eq!(val, call_results_in_sums(q, v, t));
    let f =
        |p: &[f64]| call_results_in_sums(V2 { x: p[0], y: p[1] }, V2 { x: p[2], y: p[3] }, p[4]);
    let x0 = [q.x, q.y, v.x, v.y, t];
    assert_close(&[gq.x, gq.y, gv.x, gv.y, gt], &fd_grad(&f, &x0), "gradient");
    let (_, _, hv) =
        call_results_in_sums_hvp(q, v, t, V2 { x: 0.0, y: 0.0 }, V2 { x: 0.0, y: 0.0 }, 1.0);
    let e = 1e-5;
    let (p, m) = (
        call_results_in_sums_grad(q, v, t + e).1,
        call_results_in_sums_grad(q, v, t - e).1,
    );
    common::assert_close_tol(
        &[hv.0.x, hv.2],
        &[(p.0.x - m.0.x) / (2.0 * e), (p.2 - m.2) / (2.0 * e)],
        1e-6,
        "H v",
    );
}

/// A `&mut self` method called by its path (`Particle::drift(&mut p, k)`).
#[differentiable]
fn drift_by_path(pa: &Particle, k: f64) -> f64 {
    let mut p: Particle = *pa;
    Particle::drift(&mut p, k);
    p.pos.x * p.pos.y
}

#[test]
fn a_mut_self_method_called_by_path() {
    let pa = Particle {
        pos: V2 { x: 0.3, y: -0.5 },
        vel: V2 { x: 1.2, y: 0.7 },
        m: 1.0,
    };
    let k = 0.4;
    let (v, (g, gk)) = drift_by_path_grad(&pa, k);
    let (x, y) = (0.3 + 1.2 * k, -0.5 + 0.7 * k);
    assert_close(&[v], &[x * y], "value");
    assert_close(
        &[g.pos.x, g.pos.y, g.vel.x, g.vel.y, gk],
        &[y, x, k * y, k * x, 1.2 * y + 0.7 * x],
        "gradient",
    );
}

// ---- fields passed on by reference (hunt, 2026-12-08) -------------------------------------

use ad_runtime::ndarray::{Array1, Array2, array};

#[derive(Clone, Debug, Differentiable)]
pub struct Lin {
    pub w: Array1<f64>,
    pub b: f64,
}

/// A batch of data: a plain struct, not differentiated.
#[derive(Clone, Debug)]
pub struct Batch {
    pub x: Array2<f64>,
}

#[differentiable(wrt(m))]
fn lin_predict(m: &Lin, x: &Array2<f64>) -> Array1<f64> {
    x.dot(&m.w).mapv(|v| (v + m.b).tanh())
}

/// `lin_predict(m, &batch.x)`: a field of a constant plain struct passed by reference to a
/// differentiable call (second order lifts the field to a local copy and passes a borrow of
/// it; did not type-check).
#[differentiable(wrt(m))]
fn batch_loss(m: &Lin, batch: &Batch) -> f64 {
    lin_predict(m, &batch.x).sum()
}

impl Lin {
    /// `x.dot(&self.w)` in a `&mut self` step whose other field is then written (the field is
    /// copied, since the struct changes, and borrowed again for `dot`; did not type-check).
    #[differentiable]
    fn absorb(&mut self, x: &Array1<f64>) {
        let r = x.dot(&self.w);
        self.b += r;
    }
}

#[differentiable(wrt(l, x))]
fn absorbed(l: &Lin, x: &Array1<f64>) -> f64 {
    let mut m = l.clone();
    m.absorb(x);
    m.b * m.b + m.w.sum()
}

#[test]
fn struct_fields_passed_by_reference() {
    let m = Lin {
        w: array![0.3, -0.7],
        b: 0.2,
    };
    let batch = Batch {
        x: array![[0.5, 1.0], [-1.2, 0.4], [0.9, -0.3]],
    };
    let flat = |p: &[f64]| Lin {
        w: array![p[0], p[1]],
        b: p[2],
    };
    let f = |p: &[f64]| batch_loss(&flat(p), &batch);
    let (v, g) = batch_loss_grad(&m, &batch);
    assert_close(&[v], &[f(&[0.3, -0.7, 0.2])], "batch_loss value");
    let fd = fd_grad(f, &[0.3, -0.7, 0.2]);
    assert_close(&[g.w[0], g.w[1], g.b], &fd, "batch_loss gradient");
    // Second order compiles and agrees: H v against differences of the gradient.
    let dir = Lin {
        w: array![1.0, -0.5],
        b: 0.25,
    };
    let (_, _, hv) = batch_loss_hvp(&m, &batch, &dir);
    let h = 1e-5;
    let at = |s: f64| {
        let p = Lin {
            w: &m.w + &(&dir.w * s),
            b: m.b + s * dir.b,
        };
        let (_, g) = batch_loss_grad(&p, &batch);
        [g.w[0], g.w[1], g.b]
    };
    let (gp, gm) = (at(h), at(-h));
    let fd_hv: Vec<f64> = (0..3).map(|i| (gp[i] - gm[i]) / (2.0 * h)).collect();
    assert_close(&[hv.w[0], hv.w[1], hv.b], &fd_hv, "batch_loss H v");

    // absorbed: f = (b + x·w)² + Σ w.
    let (l, x) = (
        Lin {
            w: array![0.6, -0.2],
            b: 0.1,
        },
        array![1.5, 0.5],
    );
    let s = l.b + x.dot(&l.w);
    let (v, (gl, gx)) = absorbed_grad(&l, &x);
    assert_close(&[v], &[s * s + l.w.sum()], "absorbed value");
    assert_close(
        &[gl.w[0], gl.w[1], gl.b],
        &[2.0 * s * x[0] + 1.0, 2.0 * s * x[1] + 1.0, 2.0 * s],
        "absorbed gradient (self)",
    );
    assert_close(
        gx.as_slice().unwrap(),
        &[2.0 * s * l.w[0], 2.0 * s * l.w[1]],
        "absorbed gradient (x)",
    );
}

// ---- array fields copied in a `&mut self` step (hunt, 2026-12-08) --------------------------

#[derive(Clone, Debug, Differentiable)]
pub struct Body {
    pub pos: [f64; 2],
    pub m: f64,
}

impl Body {
    /// An annotated copy of an array field, read (was E0614: the copy dereferenced).
    #[differentiable]
    fn kick(&mut self, g: f64) {
        let p: [f64; 2] = self.pos;
        self.m = p[0] * g + p[1] * p[1];
    }

    /// An annotated copy of an array field, written and stored back.
    #[differentiable]
    fn drift(&mut self, g: f64) {
        let mut q: [f64; 2] = self.pos;
        q[0] += g * self.m;
        q[1] *= q[0];
        self.pos = q;
    }
}

/// The point both `Body` tests differentiate at: the body, `g`, and both as one vector.
fn body_point() -> (Body, f64, [f64; 4]) {
    let b = Body {
        pos: [0.4, -0.3],
        m: 1.2,
    };
    let z = [b.pos[0], b.pos[1], b.m, 0.7];
    (b, 0.7, z)
}

/// The body of a point vector `[x, y, m, ..]`.
fn body_of(z: &[f64]) -> Body {
    Body {
        pos: [z[0], z[1]],
        m: z[2],
    }
}

#[differentiable(wrt(b, g))]
fn body_after(b: &Body, g: f64) -> f64 {
    let mut c = b.clone();
    c.drift(g);
    c.kick(g);
    c.m + c.pos[0] * c.pos[1]
}

#[test]
fn array_fields_copied_in_mut_self_steps() {
    let (b, g, z) = body_point();
    let f = |z: &[f64]| body_after(&body_of(z), z[3]);
    let (v, (gb, gg)) = body_after_grad(&b, g);
    assert_close(&[v], &[f(&z)], "value");
    // q0 = x + g m, q1 = y q0, m' = q0 g + q1², f = m' + q0 q1.
    let (x, y, m) = (z[0], z[1], z[2]);
    let q0 = x + g * m;
    let q1 = y * q0;
    assert_close(&[v], &[q0 * g + q1 * q1 + q0 * q1], "closed form");
    assert_close(
        &[gb.pos[0], gb.pos[1], gb.m, gg],
        &fd_grad(f, &z),
        "gradient",
    );
}

impl Body {
    /// An unannotated copy of an array field, written and stored back: its adjoint takes the
    /// field's type from the value (the macro cannot see the struct's field types).
    #[differentiable]
    fn drift_plain(&mut self, g: f64) {
        let mut q = self.pos;
        q[0] += g * self.m;
        q[1] *= q[0];
        self.pos = q;
    }
}

#[differentiable(wrt(b, g))]
fn body_after_plain(b: &Body, g: f64) -> f64 {
    let mut c = b.clone();
    c.drift_plain(g);
    c.m + c.pos[0] * c.pos[1]
}

#[test]
fn unannotated_array_field_copy_written_in_a_mut_self_step() {
    let (b, g, z) = body_point();
    let f = |z: &[f64]| body_after_plain(&body_of(z), z[3]);
    let (v, (gb, gg)) = body_after_plain_grad(&b, g);
    // q0 = x + g m, q1 = y q0, f = m + q0 q1 = m + y q0².
    let q0 = z[0] + g * z[2];
    assert_close(&[v], &[z[2] + z[1] * q0 * q0], "value");
    let want = [
        2.0 * z[1] * q0,
        q0 * q0,
        1.0 + 2.0 * z[1] * q0 * g,
        2.0 * z[1] * q0 * z[2],
    ];
    assert_close(&[gb.pos[0], gb.pos[1], gb.m, gg], &want, "closed form");
    assert_close(
        &[gb.pos[0], gb.pos[1], gb.m, gg],
        &fd_grad(f, &z),
        "differences",
    );
    let (_, _, (hb, hg)) = body_after_plain_hvp(
        &b,
        g,
        &Body {
            pos: [1.0, 0.0],
            m: 0.0,
        },
        0.0,
    );
    // H e_x: ∂/∂x of the gradient = (2y, 2 q0, 2 y g, 2 y m).
    assert_close(
        &[hb.pos[0], hb.pos[1], hb.m, hg],
        &[2.0 * z[1], 2.0 * q0, 2.0 * z[1] * g, 2.0 * z[1] * z[2]],
        "H e_x",
    );
}

// ---- element writes into array fields at literal indices ----------------------------------

#[derive(Clone, Debug, Differentiable)]
pub struct Ball {
    pub pos: [f64; 2],
    pub vel: [f64; 2],
}

impl Ball {
    /// `self.vel[1] -= ..` and `self.pos[k] += ..` in place (each field copied, written and
    /// stored back by the front end).
    #[differentiable]
    pub fn fall(&mut self, g: f64, dt: f64) {
        self.vel[1] -= g * dt;
        self.pos[0] += self.vel[0] * dt;
        self.pos[1] += self.vel[1] * dt;
        self.vel[0] *= 0.9;
    }
}

#[differentiable(wrt(b, g))]
fn ball_height(b: &Ball, g: f64, steps: usize) -> f64 {
    let mut c = b.clone();
    for _ in 0..steps {
        c.fall(g, 0.1);
    }
    c.pos[1] + c.pos[0] * c.vel[0]
}

#[test]
fn element_writes_into_array_fields() {
    let b = Ball {
        pos: [0.0, 2.0],
        vel: [1.5, 0.5],
    };
    let f = |z: &[f64]| {
        ball_height(
            &Ball {
                pos: [z[0], z[1]],
                vel: [z[2], z[3]],
            },
            z[4],
            5,
        )
    };
    let z = [0.0, 2.0, 1.5, 0.5, 9.8];
    let (v, (gb, gg)) = ball_height_grad(&b, 9.8, 5);
    assert_close(&[v], &[f(&z)], "value");
    // Closed form after n steps of dt: y = y0 + n dt v0 - g dt² n(n+1)/2, x = x0 + dt u0 Σ 0.9^k.
    let (n, dt) = (5.0, 0.1);
    let s: f64 = (0..5).map(|k| 0.9f64.powi(k)).sum();
    let (x, u) = (z[0] + dt * z[2] * s, z[2] * 0.9f64.powi(5));
    let y = z[1] + n * dt * z[3] - z[4] * dt * dt * n * (n + 1.0) / 2.0;
    assert_close(&[v], &[y + x * u], "closed form");
    assert_close(
        &[gb.pos[0], gb.pos[1], gb.vel[0], gb.vel[1], gg],
        &fd_grad(f, &z),
        "gradient",
    );
    // Forward and second order through the same writes.
    let dir = Ball {
        pos: [0.3, -0.2],
        vel: [0.5, 1.0],
    };
    let (_, jv) = ball_height_jvp(&b, 9.8, 5, &dir, 0.4);
    let t = [0.3, -0.2, 0.5, 1.0, 0.4];
    let gv: f64 = [gb.pos[0], gb.pos[1], gb.vel[0], gb.vel[1], gg]
        .iter()
        .zip(&t)
        .map(|(a, b)| a * b)
        .sum();
    assert_close(&[jv], &[gv], "jvp = grad . v");
    let (_, _, (hb, hg)) = ball_height_hvp(&b, 9.8, 5, &dir, 0.4);
    let h = 1e-5;
    let at = |s: f64| {
        let p: Vec<f64> = z.iter().zip(&t).map(|(a, b)| a + s * b).collect();
        let (_, (g1, g2)) = ball_height_grad(
            &Ball {
                pos: [p[0], p[1]],
                vel: [p[2], p[3]],
            },
            p[4],
            5,
        );
        [g1.pos[0], g1.pos[1], g1.vel[0], g1.vel[1], g2]
    };
    let (gp, gm) = (at(h), at(-h));
    let fd: Vec<f64> = (0..5).map(|i| (gp[i] - gm[i]) / (2.0 * h)).collect();
    assert_close(
        &[hb.pos[0], hb.pos[1], hb.vel[0], hb.vel[1], hg],
        &fd,
        "H v",
    );
}

/// The same on a local struct (`c.vel[1] = ..` of a clone).
#[differentiable(wrt(b, g))]
fn ball_local_write(b: &Ball, g: f64) -> f64 {
    let mut c = b.clone();
    c.vel[1] = c.vel[1] * g;
    c.pos[0] += c.vel[1];
    c.pos[0] * c.vel[0]
}

#[test]
fn element_writes_into_a_local_structs_array_field() {
    let b = Ball {
        pos: [0.5, 1.0],
        vel: [2.0, 3.0],
    };
    // f = (x + v1 g) u: ∂/∂x = u, ∂/∂u = x + v1 g, ∂/∂v1 = g u, ∂/∂g = v1 u.
    let (v, (gb, gg)) = ball_local_write_grad(&b, 0.7);
    assert_close(&[v], &[(0.5 + 3.0 * 0.7) * 2.0], "value");
    assert_close(
        &[gb.pos[0], gb.pos[1], gb.vel[0], gb.vel[1], gg],
        &[2.0, 0.0, 0.5 + 3.0 * 0.7, 0.7 * 2.0, 3.0 * 2.0],
        "closed form",
    );
}
