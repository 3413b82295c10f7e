//! Hunt 6: user enums whose variants carry the model's constants (force laws, activations)
//! matched in the body and passed on to differentiable calls, negated or not; a Newton
//! iteration with a convergence `break`; `logsumexp` through a `fold` of `max`; a `Copy`
//! state struct stepped by a method returning the struct; an early return from a search
//! loop; a let-bound closure after `if let Some(v) = x.get(i)`. Each checked in every mode by
//! the harness. Findings, fixed: `Law::Power { k, n } => -k * x.powi(n)` failed to compile
//! by default (the negated binding stayed a plain `f64` in the second-order code); a local
//! struct's `&mut self` method named `push` was taken as `Vec::push`, and forward mode had no
//! zero tangent for a struct local made of constants (h607).

use crate::harness::*;
use ad_runtime::differentiable;

#[derive(Clone, Copy)]
enum Law {
    Linear(f64),
    Power { k: f64, n: i32 },
    Sat(f64),
    Free,
}

#[differentiable]
fn spring(x: f64, k: f64) -> f64 {
    -k * x
}

#[differentiable(wrt(x, v))]
fn step_law(x: f64, v: f64, law: Law, dt: f64) -> f64 {
    let f = match law {
        Law::Linear(k) => spring(x, k),
        Law::Power { k, n } => -k * x.powi(n),
        Law::Sat(c) => -(x / c).tanh() * c,
        Law::Free => 0.0,
    };
    x + dt * (v + dt * f)
}

#[differentiable(wrt(x0))]
fn lawful(x0: &[f64], laws: &[Law]) -> f64 {
    let mut x = x0[0];
    let mut v = x0[1];
    for i in 0..laws.len() {
        let nx = step_law(x, v, laws[i], 0.1);
        v = (nx - x) / 0.1;
        x = nx;
    }
    x * x + v
}

#[test]
fn h601_force_laws_from_an_enum() {
    let laws = [
        Law::Linear(2.0),
        Law::Power { k: 0.5, n: 3 },
        Law::Sat(0.7),
        Law::Free,
        Law::Linear(1.0),
    ];
    verify(
        "lawful",
        &[0.8, -0.2],
        &|z| lawful(z, &laws),
        &|z| lawful_grad(z, &laws),
        &|z, t| lawful_jvp(z, &laws, t),
        Some(&|z, t| lawful_hvp(z, &laws, t)),
        Some(lawful_check(&[0.8, -0.2], &laws)),
    );
}

#[derive(Clone, Copy)]
enum Act {
    Relu,
    Tanh,
    Leaky(f64),
}

#[differentiable(wrt(x))]
fn activate(x: f64, a: Act) -> f64 {
    match a {
        Act::Relu => {
            if x > 0.0 {
                x
            } else {
                0.0
            }
        }
        Act::Tanh => x.tanh(),
        Act::Leaky(s) => {
            if x > 0.0 {
                x
            } else {
                s * x
            }
        }
    }
}

#[differentiable(wrt(w, b))]
fn layer_loss(w: &[f64], b: f64, xs: &[f64], acts: &[Act]) -> f64 {
    let mut loss = 0.0;
    for (i, &x) in xs.iter().enumerate() {
        let z = w[i % w.len()] * x + b;
        let y = activate(z, acts[i % acts.len()]);
        loss += (y - 0.5).powi(2);
    }
    loss / xs.len() as f64
}

#[test]
fn h602_activations_from_an_enum() {
    let acts = [Act::Relu, Act::Tanh, Act::Leaky(0.1)];
    let xs = [0.3, -1.2, 0.8, 2.0, -0.4];
    let split = |z: &[f64]| (z[..2].to_vec(), z[2]);
    verify(
        "layer_loss",
        &[0.7, -0.3, 0.1],
        &|z| layer_loss(&z[..2], z[2], &xs, &acts),
        &|z| {
            let (v, (mut g, gb)) = layer_loss_grad(&z[..2], z[2], &xs, &acts);
            g.push(gb);
            (v, g)
        },
        &|z, t| layer_loss_jvp(&z[..2], z[2], &xs, &acts, &t[..2], t[2]),
        Some(&|z, t| {
            let (w, b) = split(z);
            let (v, (mut g, gb), (mut h, hb)) = layer_loss_hvp(&w, b, &xs, &acts, &t[..2], t[2]);
            g.push(gb);
            h.push(hb);
            (v, g, h)
        }),
        None,
    );
}

/// Newton's iteration for the cube root, stopped by a tolerance (`while` with `break`).
#[differentiable]
fn cube_root(a: f64) -> f64 {
    let mut x = a.max(1.0);
    let mut it = 0;
    while it < 50 {
        let nx = x - (x * x * x - a) / (3.0 * x * x);
        if (nx - x).abs() < 1e-14 {
            x = nx;
            break;
        }
        x = nx;
        it += 1;
    }
    x
}

#[test]
fn h603_newton_with_a_tolerance() {
    scalar_n_case(
        "cube_root",
        5.0,
        &cube_root,
        &cube_root_grad,
        &cube_root_jvp,
        &cube_root_hvp,
        cube_root_check(5.0),
    );
    // Closed forms: (a^(1/3))' = a^(-2/3) / 3, '' = -2/9 a^(-5/3).
    let (_, g) = cube_root_grad(5.0);
    let (_, _, h) = cube_root_hvp(5.0, 1.0);
    assert!((g - 5f64.powf(-2.0 / 3.0) / 3.0).abs() < 1e-12);
    assert!((h + 2.0 / 9.0 * 5f64.powf(-5.0 / 3.0)).abs() < 1e-12);
}

/// `logsumexp` shifted by the maximum, taken by a `fold`.
#[differentiable]
fn lse_fold(x: &[f64]) -> f64 {
    let m = x.iter().fold(f64::NEG_INFINITY, |a, &b| a.max(b));
    let s: f64 = x.iter().map(|v| (v - m).exp()).sum();
    m + s.ln()
}

#[test]
fn h604_logsumexp_by_fold() {
    verify(
        "lse_fold",
        &[0.3, 1.5, -0.7],
        &|z| lse_fold(z),
        &|z| lse_fold_grad(z),
        &|z, t| lse_fold_jvp(z, t),
        Some(&|z, t| lse_fold_hvp(z, t)),
        Some(lse_fold_check(&[0.3, 1.5, -0.7])),
    );
}

#[derive(Clone, Copy, Debug, ad_runtime::Differentiable)]
struct Osc {
    x: f64,
    v: f64,
}

#[differentiable]
impl Osc {
    #[differentiable]
    fn energy(&self, k: f64) -> f64 {
        0.5 * self.v * self.v + 0.5 * k * self.x * self.x
    }
    #[differentiable]
    fn step(&self, k: f64, dt: f64) -> Osc {
        let a = -k * self.x;
        let v = self.v + dt * a;
        Osc {
            x: self.x + dt * v,
            v,
        }
    }
}

#[differentiable(wrt(s0, k))]
fn orbit(s0: &Osc, k: f64, n: usize) -> f64 {
    let mut s = *s0;
    for _ in 0..n {
        s = s.step(k, 0.05);
    }
    s.energy(k) + s.x
}

#[test]
fn h605_struct_stepped_by_a_method() {
    let osc = |z: &[f64]| Osc { x: z[0], v: z[1] };
    verify(
        "orbit",
        &[0.4, -0.3, 1.7],
        &|z| orbit(&osc(z), z[2], 20),
        &|z| {
            let (v, (g, gk)) = orbit_grad(&osc(z), z[2], 20);
            (v, vec![g.x, g.v, gk])
        },
        &|z, t| orbit_jvp(&osc(z), z[2], 20, &osc(t), t[2]),
        Some(&|z, t| {
            let (v, (g, gk), (h, hk)) = orbit_hvp(&osc(z), z[2], 20, &osc(t), t[2]);
            (v, vec![g.x, g.v, gk], vec![h.x, h.v, hk])
        }),
        None,
    );
}

/// An early return from a search loop, and a let-bound closure after `x.get(i)`.
#[differentiable]
fn first_over(x: &[f64], t: f64) -> f64 {
    for i in 0..x.len() {
        if x[i] * t > 1.0 {
            return x[i] * t * t;
        }
    }
    t.sin()
}

#[differentiable(wrt(x, c))]
fn getter(x: &[f64], i: usize, c: f64) -> f64 {
    let base = if let Some(v) = x.get(i) { *v * c } else { c };
    let scale = |z: f64| z * c + 1.0;
    scale(base) * x[0]
}

#[test]
fn h606_early_return_and_get() {
    for t in [0.5, 2.0] {
        let mut x = vec![0.3, 0.9, 1.4];
        x.push(t);
        slice_scalar_case(&x, t);
    }
    for i in [1usize, 7] {
        verify(
            "getter",
            &[0.3, 0.8, 1.3],
            &|z| getter(&z[..2], i, z[2]),
            &|z| {
                let (v, (mut g, gc)) = getter_grad(&z[..2], i, z[2]);
                g.push(gc);
                (v, g)
            },
            &|z, t| getter_jvp(&z[..2], i, z[2], &t[..2], t[2]),
            Some(&|z, t| {
                let (v, (mut g, gc), (mut h, hc)) = getter_hvp(&z[..2], i, z[2], &t[..2], t[2]);
                g.push(gc);
                h.push(hc);
                (v, g, h)
            }),
            None,
        );
    }
}

fn slice_scalar_case(z: &[f64], _t: f64) {
    verify(
        "first_over",
        z,
        &|z| first_over(&z[..3], z[3]),
        &|z| {
            let (v, (mut g, gt)) = first_over_grad(&z[..3], z[3]);
            g.push(gt);
            (v, g)
        },
        &|z, t| first_over_jvp(&z[..3], z[3], &t[..3], t[3]),
        Some(&|z, t| {
            let (v, (mut g, gt), (mut h, ht)) = first_over_hvp(&z[..3], z[3], &t[..3], t[3]);
            g.push(gt);
            h.push(ht);
            (v, g, h)
        }),
        None,
    );
}

/// Running moments in a struct made of constants and updated by a `&mut self` method named
/// like `Vec::push` (findings: the call was taken as a `Vec` push, and forward mode had no
/// zero tangent for a struct local that becomes differentiated later: `ZerosAs`).
#[derive(Clone, Debug, ad_runtime::Differentiable)]
struct Moments {
    total: f64,
    sq: f64,
}

#[differentiable]
impl Moments {
    #[differentiable]
    fn push(&mut self, v: f64) {
        self.total += v;
        self.sq += v * v;
    }
    #[differentiable]
    fn var(&self, n: f64) -> f64 {
        self.sq / n - (self.total / n).powi(2)
    }
}

#[differentiable]
fn running_variance(x: &[f64]) -> f64 {
    let mut m = Moments {
        total: 0.0,
        sq: 0.0,
    };
    for i in 0..x.len() {
        m.push(x[i]);
    }
    m.var(x.len() as f64)
}

#[test]
fn h607_running_moments_by_a_mut_self_push() {
    let x = [0.3, -1.2, 0.8, 2.0];
    verify(
        "running_variance",
        &x,
        &|z| running_variance(z),
        &|z| running_variance_grad(z),
        &|z, t| running_variance_jvp(z, t),
        Some(&|z, t| running_variance_hvp(z, t)),
        Some(running_variance_check(&x)),
    );
    // Closed form: ∂var/∂x_i = 2 (x_i - mean) / n.
    let (_, g) = running_variance_grad(&x);
    let mean = x.iter().sum::<f64>() / 4.0;
    for (gi, xi) in g.iter().zip(x) {
        assert!((gi - 2.0 * (xi - mean) / 4.0).abs() < 1e-12);
    }
}

/// A polyline's length through a `Copy` point's methods, one of them named `len` (finding:
/// on a local the macro only guesses to be a struct, `d.len()` was taken for the builtin and
/// its gradient silently lost with `order = 1`; now a compile error,
/// `tests/ui/structs/builtin-named-method-on-guessed-struct.rs`, and the annotation below
/// makes it the struct's).
#[derive(Clone, Copy, Debug, ad_runtime::Differentiable)]
struct Pt {
    x: f64,
    y: f64,
}

#[differentiable]
impl Pt {
    #[differentiable]
    fn new(x: f64, y: f64) -> Pt {
        Pt { x, y }
    }
    #[differentiable]
    fn sub(self, o: Pt) -> Pt {
        Pt {
            x: self.x - o.x,
            y: self.y - o.y,
        }
    }
    #[differentiable]
    fn scale(self, k: f64) -> Pt {
        Pt {
            x: self.x * k,
            y: self.y * k,
        }
    }
    #[differentiable]
    fn len(self) -> f64 {
        (self.x * self.x + self.y * self.y).sqrt()
    }
}

#[differentiable]
fn path_len(xs: &[f64], ys: &[f64], k: f64) -> f64 {
    let mut total = 0.0;
    let mut prev = Pt::new(xs[0], ys[0]).scale(k);
    for i in 1..xs.len() {
        let cur = Pt::new(xs[i], ys[i]).scale(k);
        let d: Pt = cur.sub(prev);
        total += d.len();
        prev = cur;
    }
    total
}

#[test]
fn h608_polyline_through_point_methods() {
    let z = [0.0, 1.0, 1.5, 3.0, 0.0, 0.5, -0.5, 1.0, 1.2];
    verify(
        "path_len",
        &z,
        &|z| path_len(&z[..4], &z[4..8], z[8]),
        &|z| {
            let (v, (gx, gy, gk)) = path_len_grad(&z[..4], &z[4..8], z[8]);
            (v, [gx, gy, vec![gk]].concat())
        },
        &|z, t| path_len_jvp(&z[..4], &z[4..8], z[8], &t[..4], &t[4..8], t[8]),
        Some(&|z, t| {
            let (v, (gx, gy, gk), (hx, hy, hk)) =
                path_len_hvp(&z[..4], &z[4..8], z[8], &t[..4], &t[4..8], t[8]);
            (v, [gx, gy, vec![gk]].concat(), [hx, hy, vec![hk]].concat())
        }),
        None,
    );
}
