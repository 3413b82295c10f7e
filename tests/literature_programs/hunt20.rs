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
