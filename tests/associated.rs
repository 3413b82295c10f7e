//! Associated functions without `self` (`#[differentiable]` on the `impl` block), calls
//! `Self::f(..)` between them, mutually recursive functions, slice accessors (`first`,
//! `last`, `split_at`) and `match` arms whose guard reads the pattern's bindings. Each
//! checked against central differences (`_grad`), the gradient (`_jvp` = grad · v) and
//! differences of the gradient (`_hvp`), and where one exists against a closed form.

mod common;

use ad_runtime::{Differentiable, differentiable};
use common::{Rng, assert_close, assert_close_tol, fd_grad};

#[derive(Clone, Debug, Differentiable)]
pub struct Neuron {
    w: f64,
    b: f64,
}

#[differentiable]
impl Neuron {
    /// An associated function whose signature shows neither `self` nor `Self`.
    #[differentiable]
    fn sigmoid(z: f64) -> f64 {
        1.0 / (1.0 + (-z).exp())
    }

    #[differentiable(wrt(x))]
    fn scaled(x: f64, k: usize) -> f64 {
        x * k as f64
    }

    #[differentiable]
    fn output(&self, x: f64) -> f64 {
        Self::sigmoid(self.w * x + self.b)
    }

    #[differentiable]
    fn loss(&self, x: f64, y: f64) -> f64 {
        let d = self.output(x) - Self::scaled(y, 2);
        d * d
    }

    /// Not differentiated: the attribute on the `impl` leaves it alone.
    fn new(w: f64, b: f64) -> Neuron {
        Neuron { w, b }
    }
}

#[test]
fn associated_functions_without_self() {
    let mut rng = Rng::new(7);
    for _ in 0..5 {
        let z = rng.signed(0.1, 2.0);
        let (v, g) = Neuron::sigmoid_grad(z);
        let s = 1.0 / (1.0 + (-z).exp());
        assert_eq!(v, s);
        assert_close(&[g], &[s * (1.0 - s)], "sigmoid' = s (1 - s)");
        let (_, t) = Neuron::sigmoid_jvp(z, 0.5);
        assert_close(&[t], &[0.5 * s * (1.0 - s)], "jvp");
        let (_, _, h) = Neuron::sigmoid_hvp(z, 1.0);
        assert_close(&[h], &[s * (1.0 - s) * (1.0 - 2.0 * s)], "sigmoid''");

        let n = Neuron::new(rng.signed(0.2, 1.5), rng.signed(0.1, 1.0));
        let (x, y) = (rng.signed(0.2, 1.5), rng.signed(0.1, 0.4));
        let (v, (dn, dx, dy)) = n.loss_grad(x, y);
        assert_eq!(v, n.loss(x, y));
        let f = |q: &[f64]| Neuron::new(q[0], q[1]).loss(q[2], q[3]);
        let fd = fd_grad(f, &[n.w, n.b, x, y]);
        assert_close(&[dn.w, dn.b, dx, dy], &fd, "loss gradient");
        // Closed form: d = s - 2y, s = σ(w x + b).
        let s = 1.0 / (1.0 + (-(n.w * x + n.b)).exp());
        let d = s - 2.0 * y;
        let ds = 2.0 * d * s * (1.0 - s);
        assert_close(
            &[dn.w, dn.b, dx, dy],
            &[ds * x, ds, ds * n.w, -4.0 * d],
            "closed form",
        );
        let dir = Neuron { w: 0.3, b: -0.7 };
        let (_, t) = n.loss_jvp(x, y, &dir, 0.2, -0.4);
        let want = dn.w * 0.3 - dn.b * 0.7 + dx * 0.2 - dy * 0.4;
        assert_close(&[t], &[want], "loss jvp = grad . v");
    }
}

// ---- mutual recursion ---------------------------------------------------------------------

#[differentiable]
fn even_steps(x: f64, n: usize) -> f64 {
    if n == 0 {
        x
    } else {
        odd_steps(x * 1.1 + 0.2, n - 1).sin()
    }
}

#[differentiable]
fn odd_steps(x: f64, n: usize) -> f64 {
    if n == 0 {
        return x * x;
    }
    let y = even_steps(x.cos(), n - 1);
    y * x
}

#[differentiable]
fn collatz_like(x: f64, y: f64, n: usize) -> f64 {
    let mut s = 0.0;
    for k in 0..n {
        s += if k % 2 == 0 {
            even_steps(x * y, k)
        } else {
            odd_steps(y - x, k)
        };
    }
    s
}

#[test]
fn mutual_recursion() {
    let mut rng = Rng::new(11);
    for n in 0..6 {
        let x = rng.signed(0.2, 1.2);
        let (v, g) = even_steps_grad(x, n);
        assert_eq!(v, even_steps(x, n));
        // (The primals are the user's functions as written: the references.)
        let fd = fd_grad(|z| even_steps(z[0], n), &[x]);
        assert_close(&[g], &fd, "even gradient");
        let (_, t) = even_steps_jvp(x, n, 0.7);
        assert_close(&[t], &[0.7 * g], "even jvp");
        let (_, g2, h) = even_steps_hvp(x, n, 1.0);
        assert_eq!(g2, g);
        let e = 1e-5;
        let hfd = (even_steps_grad(x + e, n).1 - even_steps_grad(x - e, n).1) / (2.0 * e);
        assert_close_tol(&[h], &[hfd], 1e-6, "even second derivative");

        let (v, g) = odd_steps_grad(x, n);
        assert_eq!(v, odd_steps(x, n));
        assert_close(&[g], &fd_grad(|z| odd_steps(z[0], n), &[x]), "odd gradient");

        let y = rng.signed(0.2, 1.2);
        let (v, (gx, gy)) = collatz_like_grad(x, y, n);
        assert_eq!(v, collatz_like(x, y, n));
        let fd = fd_grad(|z| collatz_like(z[0], z[1], n), &[x, y]);
        assert_close(&[gx, gy], &fd, "mutual recursion called in a loop");
        let (_, t) = collatz_like_jvp(x, y, n, 0.3, -0.2);
        assert_close(&[t], &[0.3 * gx - 0.2 * gy], "jvp");
    }
}

// ---- slice accessors ------------------------------------------------------------------------

#[differentiable]
fn accessors(x: f64, xs: &[f64]) -> f64 {
    let f = xs.first().copied().unwrap_or(0.0);
    let (l, r) = xs.split_at(2);
    let g = *xs.first().unwrap();
    let last = xs.last().expect("not empty");
    f * x + l[1] * r[0] * x + last * x * x + g * xs.last().copied().unwrap() + r.len() as f64
}

#[differentiable]
fn empty_default(xs: &[f64], x: f64) -> f64 {
    let a = xs.first().copied().unwrap_or(x * 2.0);
    let b = xs.last().cloned().unwrap_or(x.sin());
    a * b
}

#[test]
fn slice_accessors() {
    let mut rng = Rng::new(13);
    for len in [3usize, 5] {
        let xs: Vec<f64> = (0..len).map(|_| rng.signed(0.2, 1.5)).collect();
        let x = rng.signed(0.2, 1.5);
        let (v, (gx, gxs)) = accessors_grad(x, &xs);
        assert_eq!(v, accessors(x, &xs));
        let f = |z: &[f64]| accessors(z[0], &z[1..]);
        let mut at = vec![x];
        at.extend(&xs);
        let mut got = vec![gx];
        got.extend(&gxs);
        assert_close(&got, &fd_grad(f, &at), "first / last / split_at gradient");
        // Closed form: f = x0 x + x1 x2 x + xl x² + x0 xl + (len - 2).
        let l = len - 1;
        let mut want = vec![0.0; len];
        want[0] += x + xs[l];
        want[1] += xs[2] * x;
        want[2] += xs[1] * x;
        want[l] += x * x + xs[0];
        assert_close(&gxs, &want, "closed form");
        let dir: Vec<f64> = (0..len).map(|k| 0.1 * k as f64 - 0.2).collect();
        let (_, t) = accessors_jvp(x, &xs, 0.5, &dir);
        let want_t = 0.5 * gx + gxs.iter().zip(&dir).map(|(a, b)| a * b).sum::<f64>();
        assert_close(&[t], &[want_t], "jvp");
        // H·t against differences of the gradient along (0.5, dir).
        let e = 1e-5;
        let (_, _, (hx, hxs)) = accessors_hvp(x, &xs, 0.5, &dir);
        let moved = |s: f64| {
            let ys: Vec<f64> = xs.iter().zip(&dir).map(|(a, b)| a + s * b).collect();
            let (_, (g, gs)) = accessors_grad(x + 0.5 * s, &ys);
            let mut all = vec![g];
            all.extend(gs);
            all
        };
        let (gp, gm) = (moved(e), moved(-e));
        let fd: Vec<f64> = gp
            .iter()
            .zip(&gm)
            .map(|(a, b)| (a - b) / (2.0 * e))
            .collect();
        let mut hv = vec![hx];
        hv.extend(&hxs);
        assert_close_tol(&hv, &fd, 1e-6, "hvp");
    }
    // Empty: the defaults, differentiated in `x`.
    let x = 0.4;
    let (v, (gxs, gx)) = empty_default_grad(&[], x);
    assert_eq!(v, 2.0 * x * x.sin());
    assert_eq!(v, empty_default(&[], x));
    assert!(gxs.is_empty());
    assert_close(&[gx], &[2.0 * x.sin() + 2.0 * x * x.cos()], "defaults");
    let (_, (gxs, gx)) = empty_default_grad(&[1.5, -0.5], x);
    assert_close(&gxs, &[-0.5, 1.5], "values");
    assert_eq!(gx, 0.0);
}

// ---- guards that read the pattern's bindings ------------------------------------------------

#[derive(Clone, Copy, Debug)]
pub enum Shape {
    Scale(f64),
    Shift { by: f64 },
    Flat,
}

#[differentiable(wrt(x))]
fn guarded(x: f64, o: Option<f64>, s: Shape) -> f64 {
    let a = match o {
        Some(c) if c > 0.0 => c * x,
        Some(c) if c < -1.0 => x * x * c,
        Some(c) => x.sin() + c,
        None => x,
    };
    let b = match s {
        Shape::Scale(k) if k.abs() < 2.0 => k * a,
        Shape::Scale(k) => a / k,
        Shape::Shift { by } if by > 0.0 => a + by * x,
        _ => a.exp(),
    };
    a * b
}

#[test]
fn guards_on_binding_arms() {
    let os = [Some(1.5), Some(-2.0), Some(-0.5), None];
    let ss = [
        Shape::Scale(0.5),
        Shape::Scale(3.0),
        Shape::Shift { by: 0.7 },
        Shape::Shift { by: -0.7 },
        Shape::Flat,
    ];
    for o in os {
        for s in ss {
            let x = 0.6;
            let (v, g) = guarded_grad(x, o, s);
            assert_eq!(v, guarded(x, o, s));
            // (The primal is the user's function as written: the reference.)
            let fd = fd_grad(|z| guarded(z[0], o, s), &[x]);
            assert_close(&[g], &fd, &format!("guarded {o:?} {s:?}"));
            let (_, t) = guarded_jvp(x, o, s, -1.5);
            assert_close(&[t], &[-1.5 * g], "jvp");
            let e = 1e-5;
            let hfd = (guarded_grad(x + e, o, s).1 - guarded_grad(x - e, o, s).1) / (2.0 * e);
            let (_, _, h) = guarded_hvp(x, o, s, 1.0);
            assert_close_tol(&[h], &[hfd], 1e-6, "second derivative");
        }
    }
}

// ---- tuples of differentiated values matched with bindings ---------------------------------

#[differentiable(wrt(x, y))]
fn tuple_match(x: f64, y: f64, o: Option<f64>) -> f64 {
    let a = match (x * 2.0, y) {
        (p, q) if p > q => p * q,
        (p, _) => p.sin(),
    };
    let b = if let (u, Some(c)) = (x + y, o) {
        u * c
    } else {
        x * x
    };
    a + b
}

fn tuple_match_ref(x: f64, y: f64, o: Option<f64>) -> f64 {
    let a = if x * 2.0 > y {
        x * 2.0 * y
    } else {
        (x * 2.0).sin()
    };
    let b = match o {
        Some(c) => (x + y) * c,
        None => x * x,
    };
    a + b
}

#[test]
fn tuples_matched_with_bindings() {
    for (x, y) in [(0.7, 0.3), (0.1, 0.9)] {
        for o in [Some(1.5), None] {
            let (v, (gx, gy)) = tuple_match_grad(x, y, o);
            assert_eq!(v, tuple_match_ref(x, y, o));
            assert_eq!(v, tuple_match(x, y, o));
            let fd = fd_grad(|z| tuple_match_ref(z[0], z[1], o), &[x, y]);
            assert_close(&[gx, gy], &fd, "gradient");
            let (_, t) = tuple_match_jvp(x, y, o, 0.4, -0.2);
            assert_close(&[t], &[0.4 * gx - 0.2 * gy], "jvp");
            let e = 1e-5;
            let (_, _, (hx, hy)) = tuple_match_hvp(x, y, o, 1.0, 0.0);
            let gp = tuple_match_grad(x + e, y, o).1;
            let gm = tuple_match_grad(x - e, y, o).1;
            let hfd = [(gp.0 - gm.0) / (2.0 * e), (gp.1 - gm.1) / (2.0 * e)];
            assert_close_tol(&[hx, hy], &hfd, 1e-6, "hvp");
        }
    }
}

// ---- methods of structs made in the body ---------------------------------------------------

#[derive(Clone, Debug, Differentiable)]
pub struct Point {
    x: f64,
    y: f64,
}

#[differentiable]
impl Point {
    /// A constructor, differentiable (its result is a derived struct).
    #[differentiable]
    fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    #[differentiable]
    fn norm(&self) -> f64 {
        (self.x * self.x + self.y * self.y).sqrt()
    }
}

/// `p.norm()` on locals made by a constructor, a struct literal and a clone.
#[differentiable]
fn local_methods(x: f64, y: f64) -> f64 {
    let p = Point::new(x, y * 2.0);
    let q = Point { x: y, y: x };
    let r = q.clone();
    p.norm() + q.norm() * x + r.norm().sin()
}

#[test]
fn methods_on_structs_made_in_the_body() {
    let mut rng = Rng::new(31);
    for _ in 0..4 {
        let (x, y) = (rng.signed(0.3, 2.0), rng.signed(0.3, 2.0));
        let (v, (gx, gy)) = local_methods_grad(x, y);
        assert_eq!(v, local_methods(x, y));
        // Closed form: f = |(x, 2y)| + x |(y, x)| + sin |(y, x)|.
        let (a, b) = ((x * x + 4.0 * y * y).sqrt(), (x * x + y * y).sqrt());
        let want = [
            x / a + b + x * x / b + b.cos() * x / b,
            4.0 * y / a + x * y / b + b.cos() * y / b,
        ];
        assert_close(&[gx, gy], &want, "closed form");
        assert_close(
            &[gx, gy],
            &fd_grad(|z| local_methods(z[0], z[1]), &[x, y]),
            "differences",
        );
        let (_, t) = local_methods_jvp(x, y, 0.5, -0.25);
        assert_close(&[t], &[0.5 * gx - 0.25 * gy], "jvp");
        let e = 1e-5;
        let (_, _, (hx, hy)) = local_methods_hvp(x, y, 1.0, 0.0);
        let gp = local_methods_grad(x + e, y).1;
        let gm = local_methods_grad(x - e, y).1;
        assert_close_tol(
            &[hx, hy],
            &[(gp.0 - gm.0) / (2.0 * e), (gp.1 - gm.1) / (2.0 * e)],
            1e-6,
            "hvp",
        );
    }
}
