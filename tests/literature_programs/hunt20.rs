//! Hunts 20 and 21 (models and simulations with collections of structs; code at the edge of
//! what is supported): each a wrong value or a compile failure of ordinary code, fixed, and
//! checked in every mode by the harness, with closed forms.

use crate::harness::*;
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct Px {
    pub x: f64,
}

#[derive(Clone, Debug, Differentiable)]
pub struct Swarm {
    pub ps: Vec<Px>,
    pub u: Vec<f64>,
}

#[differentiable]
impl Swarm {
    /// `return;` inside `iter_mut` over a field of `self`: the loop ran over a copy of the
    /// field written back after it, and the `return` skipped the write-back (the derivative
    /// code lost the writes made before it; the primal was right).
    #[differentiable]
    pub fn double_until(&mut self, lim: f64) {
        for p in self.ps.iter_mut() {
            p.x = 2.0 * p.x;
            if p.x > lim {
                return;
            }
        }
    }

    /// A labelled `break` of an enclosing loop out of `iter_mut` over a `Vec<f64>` field.
    #[differentiable]
    pub fn labelled(&mut self, lim: f64) {
        'outer: for _ in 0..2 {
            for v in self.u.iter_mut() {
                *v *= 2.0;
                if *v > lim {
                    break 'outer;
                }
            }
        }
    }
}

#[differentiable]
pub fn swarm_run(s0: &Swarm, lim: f64) -> f64 {
    let mut s = s0.clone();
    s.double_until(lim);
    s.labelled(lim);
    s.ps[0].x + s.ps[1].x + s.u[0] * s.u[1]
}

/// `continue 'outer` out of `iter_mut` over a field of a local struct, and a labelled
/// `iter_mut` loop (its label was dropped: "`break`/`continue` outside of a loop").
#[differentiable]
pub fn local_continue(s0: &Swarm, lim: f64) -> f64 {
    let mut s = s0.clone();
    'outer: for _ in 0..2 {
        for v in s.u.iter_mut() {
            *v *= 2.0;
            if *v > lim {
                continue 'outer;
            }
        }
    }
    let mut ps = s.ps.clone();
    'l: for p in ps.iter_mut() {
        for k in 0..3 {
            p.x *= 1.5;
            if p.x > lim && k == 1 {
                continue 'l;
            }
        }
        p.x += 1.0;
    }
    s.u[0] + s.u[1] * ps[0].x + ps[1].x
}

fn swarm_flat(s: &Swarm) -> Vec<f64> {
    let mut v: Vec<f64> = s.ps.iter().map(|p| p.x).collect();
    v.extend(&s.u);
    v
}

fn swarm_of(q: &[f64]) -> Swarm {
    Swarm {
        ps: vec![Px { x: q[0] }, Px { x: q[1] }],
        u: q[2..4].to_vec(),
    }
}

#[test]
fn h2001_exits_out_of_iter_mut_over_a_field() {
    // Closed form at ps = [0.3, 1.0], u = [0.3, 1.0], lim = 0.5: ps → [0.6, 1.0] (the return
    // after the first), u → [0.6, 1.0] (the break after the first): f = 1.6 + 0.6.
    let s = swarm_of(&[0.3, 1.0, 0.3, 1.0]);
    let (v, (g, _)) = swarm_run_grad(&s, 0.5);
    assert!(close(v, 1.6 + 0.6, 1e-15), "{v}");
    assert!(
        close(g.ps[0].x, 2.0, 1e-15) && close(g.ps[1].x, 1.0, 1e-15),
        "{g:?}"
    );
    assert!(
        close(g.u[0], 2.0, 1e-15) && close(g.u[1], 0.6, 1e-15),
        "{g:?}"
    );
    for (name, f, grad, jvp, hvp) in [
        (
            "swarm_run",
            swarm_run as fn(&Swarm, f64) -> f64,
            swarm_run_grad as fn(&Swarm, f64) -> (f64, (Swarm, f64)),
            swarm_run_jvp as fn(&Swarm, f64, &Swarm, f64) -> (f64, f64),
            swarm_run_hvp as fn(&Swarm, f64, &Swarm, f64) -> (f64, (Swarm, f64), (Swarm, f64)),
        ),
        (
            "local_continue",
            local_continue,
            local_continue_grad,
            local_continue_jvp,
            local_continue_hvp,
        ),
    ] {
        for pt in [
            [0.3, 1.0, 0.3, 1.0],
            [0.1, 0.2, 0.05, 0.1],
            [0.45, -0.3, 0.2, 0.7],
        ] {
            verify(
                name,
                &pt,
                &|q| f(&swarm_of(q), 0.5),
                &|q| {
                    let (v, (g, _)) = grad(&swarm_of(q), 0.5);
                    (v, swarm_flat(&g))
                },
                &|q, t| jvp(&swarm_of(q), 0.5, &swarm_of(t), 0.0),
                Some(&|q: &[f64], t: &[f64]| {
                    let (v, (g, _), (h, _)) = hvp(&swarm_of(q), 0.5, &swarm_of(t), 0.0);
                    (v, swarm_flat(&g), swarm_flat(&h))
                }),
                None,
            );
        }
    }
}

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct Spring {
    #[no_derivative]
    pub i: usize,
    #[no_derivative]
    pub j: usize,
    pub k: f64,
    pub rest: f64,
}

#[derive(Clone, Debug, Differentiable)]
pub struct Node {
    pub w: f64,
    #[no_derivative]
    pub nbrs: Vec<usize>,
}

/// A spring network indexed by `#[no_derivative]` integer fields (`x[s.i]`, `x[s.j + 0]`),
/// and a graph node's neighbour list (`for &j in &n.nbrs { x[j] }`): rejected as "an index
/// cannot be a differentiated value" (the field is read from a differentiated struct; an
/// index is an integer, never differentiated).
#[differentiable]
pub fn spring_energy(springs: &[Spring], x: &[f64]) -> f64 {
    let mut e = 0.0;
    for s in springs {
        let d = x[s.j + 0] - x[s.i] - s.rest;
        e += 0.5 * s.k * d * d;
    }
    e
}

#[differentiable]
pub fn graph_smooth(nodes: &[Node], x: &[f64]) -> f64 {
    let mut e = 0.0;
    for (a, n) in nodes.iter().enumerate() {
        for &j in &n.nbrs {
            let d = x[a] - x[j];
            e += n.w * d * d;
        }
        let last = n.nbrs[n.nbrs.len() - 1];
        e += n.w * x[last];
    }
    e
}

#[test]
fn h2002_integer_fields_as_indices() {
    let springs = [
        Spring {
            i: 0,
            j: 1,
            k: 2.0,
            rest: 0.5,
        },
        Spring {
            i: 1,
            j: 2,
            k: 0.7,
            rest: 0.2,
        },
    ];
    let x = vec![0.1, 0.9, 1.3];
    verify(
        "spring_energy",
        &x,
        &spring_energy_at,
        &spring_energy_grad_at,
        &spring_energy_jvp_at,
        Some(&spring_energy_hvp_at),
        None,
    );
    // Closed form: ∂E/∂x = Σ k d (e_j - e_i); ∂E/∂k = d²/2, ∂E/∂rest = -k d.
    let (_, (gs, gx)) = spring_energy_grad(&springs, &x);
    let (d0, d1) = (0.9 - 0.1 - 0.5, 1.3 - 0.9 - 0.2);
    assert!(close(gx[0], -2.0 * d0, 1e-14) && close(gx[2], 0.7 * d1, 1e-14));
    assert!(close(gx[1], 2.0 * d0 - 0.7 * d1, 1e-14));
    assert!(close(gs[0].k, 0.5 * d0 * d0, 1e-14) && close(gs[1].rest, -0.7 * d1, 1e-14));
    let nodes = vec![
        Node {
            w: 0.5,
            nbrs: vec![1, 2],
        },
        Node {
            w: 1.5,
            nbrs: vec![0],
        },
        Node {
            w: 0.25,
            nbrs: vec![0, 1],
        },
    ];
    verify(
        "graph_smooth",
        &x,
        &|q| graph_smooth(&nodes, q),
        &|q| {
            let (v, (_, g)) = graph_smooth_grad(&nodes, q);
            (v, g)
        },
        &|q, t| {
            let zero: Vec<Node> = nodes
                .iter()
                .map(|n| Node {
                    w: 0.0,
                    nbrs: n.nbrs.clone(),
                })
                .collect();
            graph_smooth_jvp(&nodes, q, &zero, t)
        },
        Some(&|q: &[f64], t: &[f64]| {
            let zero: Vec<Node> = nodes
                .iter()
                .map(|n| Node {
                    w: 0.0,
                    nbrs: n.nbrs.clone(),
                })
                .collect();
            let (v, (_, g), (_, h)) = graph_smooth_hvp(&nodes, q, &zero, t);
            (v, g, h)
        }),
        None,
    );
    let (_, (gn, _)) = graph_smooth_grad(&nodes, &x);
    let want0 = (0.1f64 - 0.9).powi(2) + (0.1f64 - 1.3).powi(2) + 1.3;
    assert!(close(gn[0].w, want0, 1e-14), "{:?}", gn[0]);
}

const SPRINGS2: [Spring; 2] = [
    Spring {
        i: 0,
        j: 1,
        k: 2.0,
        rest: 0.5,
    },
    Spring {
        i: 1,
        j: 2,
        k: 0.7,
        rest: 0.2,
    },
];

fn spring_energy_at(x: &[f64]) -> f64 {
    spring_energy(&SPRINGS2, x)
}
fn spring_energy_grad_at(x: &[f64]) -> (f64, Vec<f64>) {
    let (v, (_, g)) = spring_energy_grad(&SPRINGS2, x);
    (v, g)
}
fn spring_energy_jvp_at(x: &[f64], t: &[f64]) -> (f64, f64) {
    let zero = SPRINGS2.map(|s| Spring {
        k: 0.0,
        rest: 0.0,
        ..s
    });
    spring_energy_jvp(&SPRINGS2, x, &zero, t)
}
fn spring_energy_hvp_at(x: &[f64], t: &[f64]) -> (f64, Vec<f64>, Vec<f64>) {
    let zero = SPRINGS2.map(|s| Spring {
        k: 0.0,
        rest: 0.0,
        ..s
    });
    let (v, (_, g), (_, h)) = spring_energy_hvp(&SPRINGS2, x, &zero, t);
    (v, g, h)
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Act {
    #[default]
    Tanh,
    Linear,
}

#[derive(Clone, Debug, Differentiable)]
pub struct ActLayer {
    pub w: f64,
    pub b: f64,
    #[no_derivative]
    pub act: Act,
    #[no_derivative]
    pub tag: u8,
}

/// A `#[no_derivative]` field of the user's own type (an activation enum) and a `u8`: read
/// through `FieldRead`, which only the runtime's types implement (E0277 `Act: FieldRead`).
#[differentiable]
pub fn act_net(ls: &[ActLayer], x: f64) -> f64 {
    let mut h = x;
    for l in ls {
        let z = l.w * h + l.b;
        h = match l.act {
            Act::Tanh => z.tanh(),
            Act::Linear => z,
        };
        if l.act == Act::Linear && l.tag > 3 {
            h = h * 2.0;
        }
    }
    h
}

#[test]
fn h2003_no_derivative_fields_of_user_types() {
    let ls = vec![
        ActLayer {
            w: 0.7,
            b: 0.1,
            act: Act::Tanh,
            tag: 1,
        },
        ActLayer {
            w: -1.2,
            b: 0.3,
            act: Act::Linear,
            tag: 5,
        },
    ];
    let un = |q: &[f64]| -> Vec<ActLayer> {
        ls.iter()
            .enumerate()
            .map(|(k, l)| ActLayer {
                w: q[2 * k],
                b: q[2 * k + 1],
                ..l.clone()
            })
            .collect()
    };
    let fl = |g: &[ActLayer]| -> Vec<f64> { g.iter().flat_map(|l| [l.w, l.b]).collect() };
    let p = [0.7, 0.1, -1.2, 0.3];
    verify(
        "act_net",
        &p,
        &|q| act_net(&un(q), 0.4),
        &|q| {
            let (v, (g, _)) = act_net_grad(&un(q), 0.4);
            (v, fl(&g))
        },
        &|q, t| act_net_jvp(&un(q), 0.4, &un(t), 0.0),
        Some(&|q: &[f64], t: &[f64]| {
            let (v, (g, _), (h, _)) = act_net_hvp(&un(q), 0.4, &un(t), 0.0);
            (v, fl(&g), fl(&h))
        }),
        None,
    );
    // Closed form: h = 2 (w₂ tanh(w₁ x + b₁) + b₂).
    let t = (0.7f64 * 0.4 + 0.1).tanh();
    let (v, (g, _)) = act_net_grad(&ls, 0.4);
    assert!(close(v, 2.0 * (-1.2 * t + 0.3), 1e-14));
    assert!(close(g[1].w, 2.0 * t, 1e-14) && close(g[1].b, 2.0, 1e-14));
    assert!(g[1].act == Act::Linear && g[1].tag == 5);
}

#[differentiable]
pub fn halve_add(y: &mut Vec<f64>, a: f64) {
    for i in 0..y.len() {
        y[i] = y[i] * 0.5 + a * y[i];
    }
}

/// A sub-slice of a `Vec` parameter (`vv.iter().zip(vv.iter().skip(1))`, read as `&vv[1..]`)
/// that an in-place call writes afterwards: the reverse sweep recorded the slice itself
/// (`Tape<[f64]>`: E0277, unsized) (random everyday program 3735 `f180`, also at the
/// session's start).
#[differentiable]
pub fn neighbours_then_in_place(mut vv: Vec<f64>, a: f64) -> f64 {
    let s: f64 = vv
        .iter()
        .zip(vv.iter().skip(1))
        .map(|(u, w)| (*u * -1.197).cos() * *w)
        .sum();
    for _ in 0..2 {
        halve_add(&mut vv, a);
    }
    s + vv[0] * vv[2]
}

#[test]
fn h2004_recorded_sub_slice() {
    let x = [0.3, 0.5, 0.7, 0.2];
    verify(
        "neighbours_then_in_place",
        &x,
        &|q| neighbours_then_in_place(q[..3].to_vec(), q[3]),
        &|q| {
            let (v, (g, ga)) = neighbours_then_in_place_grad(q[..3].to_vec(), q[3]);
            (v, cat(&[g, vec![ga]]))
        },
        &|q, t| neighbours_then_in_place_jvp(q[..3].to_vec(), q[3], t[..3].to_vec(), t[3]),
        Some(&|q: &[f64], t: &[f64]| {
            let (v, (g, ga), (h, ha)) =
                neighbours_then_in_place_hvp(q[..3].to_vec(), q[3], t[..3].to_vec(), t[3]);
            (v, cat(&[g, vec![ga]]), cat(&[h, vec![ha]]))
        }),
        None,
    );
}

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct Gt {
    pub g: f64,
    pub t: f64,
}

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct Wrap(pub f64, pub f64);

#[differentiable]
impl Gt {
    /// `Self { .. }` in a method (the dual code built `__AdDualSelf`: E0422).
    #[differentiable]
    pub fn new(g: f64, t: f64) -> Self {
        Self { g, t: t * g }
    }

    #[differentiable]
    pub fn scaled(&self, k: f64) -> Self {
        Self {
            g: self.g * k,
            t: self.t,
        }
    }
}

#[differentiable]
impl Wrap {
    #[differentiable]
    pub fn swap(&self) -> Self {
        Self(self.1, self.0 * 2.0)
    }
}

#[differentiable]
pub fn self_literals(a: f64, b: f64) -> f64 {
    let p = Gt::new(a, b);
    let q = p.scaled(b);
    let w0 = Wrap(a, b);
    let w = w0.swap();
    q.g * q.t + w.0 * w.1
}

#[test]
fn h2005_self_struct_literals() {
    s2_case!(
        "self_literals",
        [0.6, -0.4],
        self_literals,
        self_literals_grad,
        self_literals_jvp,
        self_literals_hvp,
        self_literals_check
    );
    // Closed form: (a b)(a b) + 2 a b = a²b² + 2ab.
    let (v, (ga, gb)) = self_literals_grad(0.6, -0.4);
    let (a, b) = (0.6f64, -0.4f64);
    assert!(close(v, a * a * b * b + 2.0 * a * b, 1e-14));
    assert!(
        close(ga, 2.0 * a * b * b + 2.0 * b, 1e-14) && close(gb, 2.0 * a * a * b + 2.0 * a, 1e-14)
    );
}

#[derive(Clone, Debug, Differentiable)]
pub struct Lw {
    pub w: f64,
}

#[derive(Clone, Debug, Differentiable)]
pub struct Block {
    pub layers: Vec<Lw>,
    pub skip: f64,
}

#[derive(Clone, Debug, Differentiable)]
pub struct Deep {
    pub blocks: Vec<Block>,
}

#[differentiable]
impl Lw {
    #[differentiable]
    pub fn f(&self, x: f64) -> f64 {
        (self.w * x).sin() + x
    }
}

#[differentiable]
impl Deep {
    /// Residual blocks of layers: methods on the inner elements (`l.f(h)` of `for l in
    /// &b.layers`: "no derivative rule for method `f`"), nested indexing
    /// (`self.blocks[0].layers[1]`: E0507) and borrows of nested elements.
    #[differentiable]
    pub fn forward(&self, x: f64) -> f64 {
        let mut h = x;
        for b in &self.blocks {
            let r = h;
            for l in &b.layers {
                h = l.f(h);
            }
            h = h + b.skip * r;
        }
        let b0 = &self.blocks[0];
        let l1 = &b0.layers[1];
        h * self.blocks[1].layers[0].w + self.blocks[0].layers[1].f(x) * l1.w
    }
}

#[differentiable]
pub fn deep_clone_read(d0: &Deep, x: f64) -> f64 {
    let d = d0.clone();
    d.blocks[1].layers[1].w * x + d.blocks[0].skip
}

/// `vec![..]` in the body of an `iter_mut` loop reading its element (E0425: the element's
/// name was not substituted inside the macro).
#[differentiable]
pub fn vec_in_iter_mut(ps0: &[Px], s: f64) -> f64 {
    let mut ps = ps0.to_vec();
    for p in ps.iter_mut() {
        let a = vec![p.x * s, 1.0];
        p.x = a[0] * a[0] + a[1];
    }
    ps[0].x * ps[1].x
}

fn deep() -> Deep {
    let block = |a: f64, b: f64, k: f64| Block {
        layers: vec![Lw { w: a }, Lw { w: b }],
        skip: k,
    };
    Deep {
        blocks: vec![block(0.7, -0.4, 0.5), block(1.1, 0.3, -0.2)],
    }
}

fn deep_flat(d: &Deep) -> Vec<f64> {
    let mut v = vec![];
    for b in &d.blocks {
        v.extend(b.layers.iter().map(|l| l.w));
        v.push(b.skip);
    }
    v
}

fn deep_of(q: &[f64]) -> Deep {
    Deep {
        blocks: q
            .chunks(3)
            .map(|c| Block {
                layers: vec![Lw { w: c[0] }, Lw { w: c[1] }],
                skip: c[2],
            })
            .collect(),
    }
}

#[test]
fn h2006_nested_collections_of_structs() {
    let p = deep_flat(&deep());
    verify(
        "deep_forward",
        &p,
        &|q| deep_of(q).forward(0.6),
        &|q| {
            let (v, (g, _)) = deep_of(q).forward_grad(0.6);
            (v, deep_flat(&g))
        },
        &|q, t| deep_of(q).forward_jvp(0.6, &deep_of(t), 0.0),
        Some(&|q: &[f64], t: &[f64]| {
            let (v, (g, _), (h, _)) = deep_of(q).forward_hvp(0.6, &deep_of(t), 0.0);
            (v, deep_flat(&g), deep_flat(&h))
        }),
        None,
    );
    let (v, (g, gx)) = deep_clone_read_grad(&deep(), 0.6);
    assert!(close(v, 0.3 * 0.6 + 0.5, 1e-15) && close(gx, 0.3, 1e-15));
    assert!(close(g.blocks[1].layers[1].w, 0.6, 1e-15) && close(g.blocks[0].skip, 1.0, 1e-15));
    let ps = [Px { x: 0.3 }, Px { x: -0.8 }];
    let (v, (gp, gs)) = vec_in_iter_mut_grad(&ps, 1.5);
    // Closed form: x ↦ (x s)² + 1 per element, the product of the two.
    let f = |x: f64, s: f64| (x * s).powi(2) + 1.0;
    assert!(close(v, f(0.3, 1.5) * f(-0.8, 1.5), 1e-14));
    assert!(close(gp[0].x, 2.0 * 0.3 * 2.25 * f(-0.8, 1.5), 1e-14));
    let gs_want = 2.0 * 0.09 * 1.5 * f(-0.8, 1.5) + f(0.3, 1.5) * 2.0 * 0.64 * 1.5;
    assert!(close(gs, gs_want, 1e-14));
}

const XS3: [f64; 3] = [0.5, -1.0, 2.0];

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct Sel {
    pub a: f64,
    #[no_derivative]
    pub i: usize,
}

/// Hunt 22: a branching `let` with an exit that shadows a name its branches read (`let y =
/// if y < 1.0 { y * 2.0 } else { return 0.0 };`: the rewrite's `let y;` came before the
/// branches, which then read the new, unset `y`: wrong values and zero gradients in every
/// derivative mode); its integer form (`let j = match o { Some(j) => j, None => return .. }`:
/// E0381); `let mut` and tuple patterns; a float range `match` on a struct field in second
/// order; a constant table indexed by a `#[no_derivative]` field in second order.
#[differentiable]
pub fn shadowed_exit(x: &[f64], o: Option<usize>, p: &Sel) -> f64 {
    let y = x[0];
    let y: f64 = if y < 1.0 { y * 2.0 } else { return 0.0 };
    let j = match o {
        Some(j) => j,
        None => return y * 3.0,
    };
    let mut t = if x[1] > -5.0 { x[1] * y } else { return y };
    t += x[j];
    let (a, b) = if t > -10.0 { (t, y) } else { return t };
    let c = match p.a {
        ..=0.0 => -p.a,
        _ => p.a * p.a,
    };
    a * b + c * XS3[p.i]
}

#[test]
fn h2007_branching_lets_that_shadow() {
    let p = Sel { a: 0.7, i: 2 };
    for (x0, o) in [(0.3, Some(2usize)), (0.3, None), (1.4, Some(1))] {
        let x = [x0, 0.7, -0.2];
        verify(
            "shadowed_exit",
            &cat(&[x.to_vec(), vec![p.a]]),
            &|q| shadowed_exit(&q[..3], o, &Sel { a: q[3], i: 2 }),
            &|q| {
                let (v, (g, gp)) = shadowed_exit_grad(&q[..3], o, &Sel { a: q[3], i: 2 });
                (v, cat(&[g, vec![gp.a]]))
            },
            &|q, t| {
                shadowed_exit_jvp(
                    &q[..3],
                    o,
                    &Sel { a: q[3], i: 2 },
                    &t[..3],
                    &Sel { a: t[3], i: 2 },
                )
            },
            Some(&|q: &[f64], t: &[f64]| {
                let (v, (g, gp), (h, hp)) = shadowed_exit_hvp(
                    &q[..3],
                    o,
                    &Sel { a: q[3], i: 2 },
                    &t[..3],
                    &Sel { a: t[3], i: 2 },
                );
                (v, cat(&[g, vec![gp.a]]), cat(&[h, vec![hp.a]]))
            }),
            None,
        );
    }
    // Closed form at x = (0.3, 0.7, -0.2), o = Some(2): y = 0.6, t = 0.7 y - 0.2,
    // f = t y + 2 a²: ∂/∂x0 = 2 (0.7 y + t) · ... = 2 (2 · 0.7 y - 0.2).
    let x = [0.3, 0.7, -0.2];
    let (v, (g, gp)) = shadowed_exit_grad(&x, Some(2), &p);
    let (y, t) = (0.6, 0.7 * 0.6 - 0.2);
    assert!(close(v, t * y + 0.49 * 2.0, 1e-14), "{v}");
    assert!(close(g[0], 2.0 * (2.0 * 0.7 * y - 0.2), 1e-14), "{g:?}");
    assert!(close(g[1], y * y, 1e-14) && close(g[2], y, 1e-14));
    assert!(close(gp.a, 2.0 * 0.7 * 2.0, 1e-14));
}

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct Kp {
    pub x: f64,
    pub v: f64,
}

#[differentiable]
impl Kp {
    #[differentiable]
    pub fn kick(&mut self, a: f64) {
        self.v += a * self.x;
        self.x += 0.1 * self.v;
    }
}

#[derive(Clone, Debug, Differentiable)]
pub struct Kps {
    pub ps: Vec<Kp>,
    pub a: f64,
}

#[differentiable]
impl Kps {
    #[differentiable]
    pub fn step(&mut self) {
        for p in self.ps.iter_mut() {
            p.kick(self.a);
        }
    }
}

/// A `&mut self` method called on an element of a `Vec` of structs (`ps[0].kick(a)`, in an
/// `iter_mut` loop, and over a field of `self`): E0599 naming generated items.
#[differentiable]
pub fn kicks(ps0: &[Kp], a: f64) -> f64 {
    let mut ps = ps0.to_vec();
    ps[0].kick(a);
    for p in ps.iter_mut() {
        p.kick(a * 0.5);
    }
    let mut w = Kps { ps, a };
    w.step();
    w.ps[0].x * w.ps[1].v
}

#[test]
fn h2008_mut_self_methods_on_elements() {
    let un = |q: &[f64]| -> Vec<Kp> { q.chunks(2).map(|c| Kp { x: c[0], v: c[1] }).collect() };
    let fl = |p: &[Kp]| -> Vec<f64> { p.iter().flat_map(|k| [k.x, k.v]).collect() };
    let plain = |q: &[f64], a: f64| {
        let mut ps: Vec<(f64, f64)> = q.chunks(2).map(|c| (c[0], c[1])).collect();
        let kick = |p: &mut (f64, f64), a: f64| {
            p.1 += a * p.0;
            p.0 += 0.1 * p.1;
        };
        kick(&mut ps[0], a);
        for p in ps.iter_mut() {
            kick(p, a * 0.5);
        }
        for p in ps.iter_mut() {
            kick(p, a);
        }
        ps[0].0 * ps[1].1
    };
    let x = [0.3, -0.2, 0.8, 0.5];
    assert!(close(kicks(&un(&x), 0.7), plain(&x, 0.7), 1e-15));
    verify(
        "kicks",
        &cat(&[x.to_vec(), vec![0.7]]),
        &|q| plain(&q[..4], q[4]),
        &|q| {
            let (v, (g, ga)) = kicks_grad(&un(&q[..4]), q[4]);
            (v, cat(&[fl(&g), vec![ga]]))
        },
        &|q, t| kicks_jvp(&un(&q[..4]), q[4], &un(&t[..4]), t[4]),
        Some(&|q: &[f64], t: &[f64]| {
            let (v, (g, ga), (h, ha)) = kicks_hvp(&un(&q[..4]), q[4], &un(&t[..4]), t[4]);
            (v, cat(&[fl(&g), vec![ga]]), cat(&[fl(&h), vec![ha]]))
        }),
        None,
    );
}

#[derive(Clone, Copy, Debug, Differentiable)]
pub struct Pair2 {
    pub a: f64,
    pub c: f64,
}

#[differentiable]
impl Pair2 {
    #[differentiable]
    pub fn new(a: f64, c: f64) -> Pair2 {
        Pair2 { a, c: c * a }
    }
}

/// A `Vec` of structs built by pushing a differentiable constructor's results (forward mode
/// needed `Unit: Float` for its zero tangent: `ZerosAs for Vec<S>` now through `ZerosElem`).
#[differentiable]
pub fn pushed_pairs(p: &[f64]) -> f64 {
    let mut out = Vec::new();
    for k in 0..p.len() / 2 {
        out.push(Pair2::new(p[2 * k], p[2 * k + 1]));
    }
    let mut s = 0.0;
    for k in 0..out.len() {
        s += out[k].a * out[k].c.sin();
    }
    s
}

#[test]
fn h2009_vec_of_constructor_results() {
    let p = vec![0.3, -0.5, 0.8, 1.1];
    slice_case!(
        "pushed_pairs",
        p.clone(),
        pushed_pairs,
        pushed_pairs_grad,
        pushed_pairs_jvp,
        pushed_pairs_hvp,
        pushed_pairs_check
    );
    // Closed form: Σ a sin(c a).
    let want: f64 = p.chunks(2).map(|c| c[0] * (c[1] * c[0]).sin()).sum();
    assert!(close(pushed_pairs(&p), want, 1e-15));
}

/// `x[a..b].to_vec()` of a slice parameter (rejected: "no derivative rule for method
/// `to_vec`") (hunts 18, 21).
#[differentiable]
pub fn sub_slice_copy(x: &[f64], b: usize) -> f64 {
    let mut v = x[1..b].to_vec();
    v[0] *= x[0];
    let w = x[..2].to_owned();
    v[0] * v[1] + w[1].sin()
}

#[test]
fn h2010_to_vec_of_sub_slices() {
    let x = vec![0.3, -0.5, 0.8, 1.1];
    verify(
        "sub_slice_copy",
        &x,
        &|q| sub_slice_copy(q, 3),
        &|q| sub_slice_copy_grad(q, 3),
        &|q, t| sub_slice_copy_jvp(q, 3, t),
        Some(&|q: &[f64], t: &[f64]| sub_slice_copy_hvp(q, 3, t)),
        Some(sub_slice_copy_check(&x, 3)),
    );
    // Closed form: x1 x0 x2 + sin x1.
    let (_, g) = sub_slice_copy_grad(&x, 3);
    assert!(close(g[0], -0.5 * 0.8, 1e-15) && close(g[1], 0.3 * 0.8 + (-0.5f64).cos(), 1e-15));
    assert!(close(g[2], 0.3 * -0.5, 1e-15) && g[3] == 0.0);
}
