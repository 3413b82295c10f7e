//! In-place functions: `&mut` parameters of floats, slices, `Vec`s and fixed-size arrays,
//! differentiated as the map from their values on entry to their values on exit (through
//! the hidden value twin, `ad-macros/src/front/inplace.rs`), and called in place by other
//! differentiable functions. Every check is against central finite differences, in every
//! mode (gradient, JVP, HVP).

// Primals used only through their generated functions.
#![allow(dead_code)]

mod common;

use ad_runtime::Float;
use ad_runtime::{Differentiable, differentiable};
use common::{assert_close, assert_close_tol, fd_grad};

/// An explicit Euler step of a ring of coupled oscillators, in place.
#[differentiable]
fn euler(y: &mut [f64], h: f64, k: f64) {
    let n = y.len();
    let mut dy = vec![0.0; n];
    for i in 0..n {
        let prev = if i == 0 { y[n - 1] } else { y[i - 1] };
        dy[i] = -k * y[i] * prev.sin();
    }
    for i in 0..n {
        y[i] += h * dy[i];
    }
}

/// A scalar accumulator updated in place, with an early `return`.
#[differentiable]
fn bump(s: &mut f64, x: f64) {
    *s += x * x;
    if x > 10.0 {
        return;
    }
    *s *= 1.5;
}

#[differentiable]
fn simulate(y0: &[f64], k: f64) -> f64 {
    let mut y = y0.to_vec();
    let mut acc = 0.0;
    for _ in 0..20 {
        euler(&mut y, 0.05, k);
        bump(&mut acc, y[0] * 0.1);
    }
    let mut s = 0.0;
    for i in 0..y.len() {
        s += y[i] * y[i];
    }
    s + acc
}

/// The right-hand side of a damped pendulum, written into an output buffer.
#[differentiable]
fn derivs(y: &[f64], p: f64, dydt: &mut [f64]) {
    dydt[0] = y[1];
    dydt[1] = -p * y[0].sin() - 0.1 * y[1];
}

/// Classic RK4 in place, with scratch buffers filled by `derivs`.
#[differentiable]
fn rk4(y: &mut [f64], h: f64, p: f64) {
    let n = y.len();
    let mut k1 = vec![0.0; n];
    let mut k2 = vec![0.0; n];
    let mut k3 = vec![0.0; n];
    let mut k4 = vec![0.0; n];
    let mut t = vec![0.0; n];
    derivs(y, p, &mut k1);
    for i in 0..n {
        t[i] = y[i] + 0.5 * h * k1[i];
    }
    derivs(&t, p, &mut k2);
    for i in 0..n {
        t[i] = y[i] + 0.5 * h * k2[i];
    }
    derivs(&t, p, &mut k3);
    for i in 0..n {
        t[i] = y[i] + h * k3[i];
    }
    derivs(&t, p, &mut k4);
    for i in 0..n {
        y[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
    }
}

/// A `&mut` parameter passed on in place (`&mut *y`, `&mut y[..]`).
#[differentiable]
fn two_steps(y: &mut [f64], h: f64, p: f64) {
    rk4(&mut *y, h, p);
    rk4(&mut y[..], h, p);
}

/// Two `&mut` parameters: a fixed-size array and a `Vec` that grows.
#[differentiable]
fn exchange(a: &mut [f64; 2], b: &mut Vec<f64>, s: f64) {
    let t = a[0];
    a[0] = a[1] * s;
    a[1] = t + b[0];
    b[0] *= t;
    b.push(s * s);
}

#[differentiable]
fn pendulum(y0: &[f64], p: f64) -> f64 {
    let mut y = y0.to_vec();
    for _ in 0..10 {
        two_steps(&mut y, 0.1, p);
    }
    let mut a = [y[0], y[1]];
    let mut b = vec![p, y[0]];
    exchange(&mut a, &mut b, 0.7);
    a[0] * a[1] + b[0] + b[2] * y[1] + y[0] * y[0]
}

#[derive(Clone, Debug, Differentiable)]
struct Layer {
    w: Vec<f64>,
}

impl Layer {
    /// A method writing its output through `&mut`.
    #[differentiable]
    fn apply(&self, x: &[f64], out: &mut [f64]) {
        for i in 0..out.len() {
            out[i] = (self.w[i] * x[i]).tanh();
        }
    }

    #[differentiable(wrt(self))]
    fn loss(&self, x: &[f64]) -> f64 {
        let mut out = vec![0.0; x.len()];
        self.apply(x, &mut out);
        let mut s = 0.0;
        for v in out.iter() {
            s += v * v;
        }
        s
    }
}

/// The same simulation with its loop checkpointed: the in-place step is a state update.
#[differentiable]
fn simulate_checkpointed(y0: &[f64], k: f64, n: usize) -> f64 {
    let mut y = y0.to_vec();
    #[checkpoint(snapshots = 2)]
    for _ in 0..n {
        euler(&mut y, 0.05, k);
    }
    y[0] * y[1] + y[2]
}

#[differentiable]
fn simulate_stored(y0: &[f64], k: f64, n: usize) -> f64 {
    let mut y = y0.to_vec();
    for _ in 0..n {
        euler(&mut y, 0.05, k);
    }
    y[0] * y[1] + y[2]
}

/// Checks value, gradient (finite differences), JVP (= grad·t) and HVP (differences of the
/// gradient) of `f` on the flat point `x`.
fn check_all(
    x: &[f64],
    f: &dyn Fn(&[f64]) -> f64,
    grad: &dyn Fn(&[f64]) -> (f64, Vec<f64>),
    jvp: &dyn Fn(&[f64], &[f64]) -> (f64, f64),
    hvp: &dyn Fn(&[f64], &[f64]) -> Vec<f64>,
) {
    let (v, g) = grad(x);
    assert_eq!(v, f(x), "value");
    assert_close(&g, &fd_grad(f, x), "gradient");
    let t: Vec<f64> = (0..x.len()).map(|i| 0.3 - 0.2 * i as f64).collect();
    let (vj, jt) = jvp(x, &t);
    assert_eq!(vj, v, "jvp value");
    let gt: f64 = g.iter().zip(&t).map(|(a, b)| a * b).sum();
    assert_close(&[jt], &[gt], "jvp = grad·t");
    let e = 1e-5;
    let at = |s: f64| {
        let p: Vec<f64> = x.iter().zip(&t).map(|(a, b)| a + s * b).collect();
        grad(&p).1
    };
    let (gp, gm) = (at(e), at(-e));
    let fd: Vec<f64> = gp
        .iter()
        .zip(&gm)
        .map(|(a, b)| (a - b) / (2.0 * e))
        .collect();
    assert_close_tol(&hvp(x, &t), &fd, 1e-5, "hvp");
}

#[test]
fn euler_steps_in_place() {
    check_all(
        &[0.5, -0.3, 0.8, 1.3],
        &|z| simulate(&z[..3], z[3]),
        &|z| {
            let (v, (mut g, gk)) = simulate_grad(&z[..3], z[3]);
            g.push(gk);
            (v, g)
        },
        &|z, t| simulate_jvp(&z[..3], z[3], &t[..3], t[3]),
        &|z, t| {
            let (_, _, (mut h, hk)) = simulate_hvp(&z[..3], z[3], &t[..3], t[3]);
            h.push(hk);
            h
        },
    );
}

#[test]
fn rk4_with_output_buffers_and_arrays() {
    check_all(
        &[0.5, -0.3, 1.3],
        &|z| pendulum(&z[..2], z[2]),
        &|z| {
            let (v, (mut g, gp)) = pendulum_grad(&z[..2], z[2]);
            g.push(gp);
            (v, g)
        },
        &|z, t| pendulum_jvp(&z[..2], z[2], &t[..2], t[2]),
        &|z, t| {
            let (_, _, (mut h, hp)) = pendulum_hvp(&z[..2], z[2], &t[..2], t[2]);
            h.push(hp);
            h
        },
    );
}

#[test]
fn method_with_an_output_parameter() {
    let x = [1.0, 2.0, -0.5];
    let l = Layer {
        w: vec![0.3, -0.7, 0.4],
    };
    let (v, g) = l.loss_grad(&x);
    assert_eq!(v, l.loss(&x));
    let fd = fd_grad(|w| Layer { w: w.to_vec() }.loss(&x), &l.w);
    assert_close(&g.w, &fd, "gradient");
    let dl = Layer {
        w: vec![0.2, 0.1, -0.3],
    };
    let (_, jt) = l.loss_jvp(&x, &dl);
    let want: f64 = g.w.iter().zip(&dl.w).map(|(a, b)| a * b).sum();
    assert_close(&[jt], &[want], "jvp");
}

#[test]
fn checkpointed_in_place_step_matches_the_stored_tape() {
    let y0 = [0.4, -0.2, 0.9];
    for n in [0, 1, 7, 30] {
        let (v, (g, gk)) = simulate_checkpointed_grad(&y0, 1.1, n);
        let (w, (h, hk)) = simulate_stored_grad(&y0, 1.1, n);
        assert_eq!(v, w);
        assert_close(&g, &h, "gradient");
        assert_close(&[gk], &[hk], "dk");
    }
}

/// An in-place step generic over the float type.
#[differentiable]
fn relax<T: Float>(y: &mut [T], w: T) {
    for i in 1..y.len() {
        y[i] = y[i] + w * (y[i - 1] - y[i]);
    }
}

#[differentiable]
fn relaxed<T: Float>(x: &[T], w: T) -> T {
    let mut y = x.to_vec();
    relax(&mut y, w);
    relax(&mut y, w);
    let mut s = T::zero();
    for i in 0..y.len() {
        s = s + y[i] * y[i];
    }
    s
}

#[test]
fn generic_in_place_step() {
    let x = [0.4, -0.3, 0.9, 0.2];
    check_all(
        &[0.4, -0.3, 0.9, 0.2, 0.35],
        &|z| relaxed(&z[..4], z[4]),
        &|z| {
            let (v, (mut g, gw)) = relaxed_grad(&z[..4], z[4]);
            g.push(gw);
            (v, g)
        },
        &|z, t| relaxed_jvp(&z[..4], z[4], &t[..4], t[4]),
        &|z, t| {
            let (_, _, (mut h, hw)) = relaxed_hvp(&z[..4], z[4], &t[..4], t[4]);
            h.push(hw);
            h
        },
    );
    // The f32 instantiation agrees.
    let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let (v32, _) = relaxed_grad(&x32, 0.35f32);
    assert!((v32 as f64 - relaxed(&x, 0.35)).abs() < 1e-5);
}

// Hunt 5: a `Vec` parameter reassigned whole (H5-4: the gradient panicked), `return;` inside
// a loop of an in-place function (H5-13), a `&mut` parameter left out of `wrt` (H5-15).
#[differentiable]
fn reassigned(mut y: Vec<f64>, a: f64) -> f64 {
    y = vec![y[1] * a, y[0]];
    y[0] + 2.0 * y[1]
}

#[differentiable]
fn capped(y: &mut [f64], cap: f64) {
    for i in 0..y.len() {
        if y[i] > cap {
            y[i] = cap;
            return;
        }
        y[i] *= 1.5;
    }
}

#[differentiable(wrt(g))]
fn scale_by(y: &mut [f64], g: f64) {
    for i in 0..y.len() {
        y[i] = g * y[i];
    }
}

#[differentiable]
fn use_capped(x: &[f64], cap: f64) -> f64 {
    let mut y = x.to_vec();
    capped(&mut y, cap);
    y[0] + y[1] * y[2]
}

#[test]
fn reassigned_params_and_early_returns() {
    let (v, (gy, ga)) = reassigned_grad(vec![1.0, 2.0], 3.0);
    assert_eq!(v, 8.0);
    assert_close(&gy, &[2.0, 3.0], "gradient y");
    assert_close(&[ga], &[2.0], "gradient a");
    let x = [0.3, 0.9, 0.5];
    let (_, (g, gc)) = use_capped_grad(&x, 0.6);
    // y = (0.45, 0.6, 0.5): f = 1.5 x0 + cap x2.
    assert_close(&g, &[1.5, 0.0, 0.6], "gradient x");
    assert_close(&[gc], &[0.5], "gradient cap");
    let mut c = vec![1.0, 2.0];
    scale_by(&mut c, 3.0);
    assert_eq!(c, vec![3.0, 6.0]);
}

// Hunt 5: an in-place method called on a struct parameter (H5-14), an in-place call as a
// match arm's expression (H5-11), a user in-place function named `replace` (H5-3).
#[derive(Clone, Debug, Differentiable)]
struct Sweeper {
    w: f64,
}

#[differentiable]
impl Sweeper {
    #[differentiable]
    fn sweep(&self, u: &mut [f64]) {
        for i in 1..u.len() {
            u[i] = u[i] + self.w * u[i - 1];
        }
    }
}

#[differentiable]
fn replace(y: &mut [f64], v: f64) {
    y[0] = v;
}

#[differentiable]
fn nudge(y: &mut [f64], h: f64) {
    y[0] += h * y[1];
}

#[differentiable]
fn sweep_user(m: &Sweeper, x: &[f64], k: usize) -> f64 {
    let mut u = x.to_vec();
    m.sweep(&mut u);
    match k {
        0 => nudge(&mut u, 0.1),
        _ => {
            nudge(&mut u, 0.2);
        }
    }
    replace(&mut u, x[1] * 2.0);
    u[0] * u[1] + u[2]
}

#[test]
fn in_place_calls_on_struct_parameters_and_in_arms() {
    let m = Sweeper { w: 0.5 };
    let x = [0.3, 0.7, 1.1];
    let (v, (gm, gx)) = sweep_user_grad(&m, &x, 0);
    // u1 = x1 + w x0, u2 = x2 + w u1, u0 = 2 x1: f = 2 x1 u1 + u2.
    assert_close(&[v], &[2.715], "value");
    assert_close(&[gm.w], &[1.42], "gradient w");
    assert_close(&gx, &[1.4 * 0.5 + 0.25, 1.7 + 1.4 + 0.5, 1.0], "gradient x");
    let fd = fd_grad(
        |z| sweep_user(&Sweeper { w: z[0] }, &z[1..], 1),
        &[0.5, 0.3, 0.7, 1.1],
    );
    let (_, (gm1, gx1)) = sweep_user_grad(&m, &x, 1);
    let mut g1 = vec![gm1.w];
    g1.extend(gx1);
    assert_close(&g1, &fd, "gradient, other arm");
}

// Hunt 5 (H5-1, H5-2): `iter_mut` loops (also zipped with another sequence) and `fill` /
// `copy_from_slice` on float buffers, read as the element writes they stand for.
#[differentiable]
fn iter_mut_step(y: &mut [f64], k: &[f64], h: f64) {
    let mut tmp = vec![0.0; y.len()];
    for (t, &ki) in tmp.iter_mut().zip(k.iter()) {
        *t = ki * h;
    }
    for (yi, ti) in y.iter_mut().zip(&tmp) {
        *yi += ti * *yi;
    }
    for v in y.iter_mut() {
        *v = v.tanh();
    }
    let keep = y[1];
    y.fill(0.5);
    y.copy_from_slice(&tmp);
    y[0] += keep;
}

#[differentiable]
fn iter_mut_run(x: &[f64], h: f64) -> f64 {
    let mut y = x.to_vec();
    let k = vec![1.0, 2.0, 3.0];
    iter_mut_step(&mut y, &k, h);
    y[0] * y[1] + y[2]
}

#[test]
fn iter_mut_and_fill_in_place() {
    check_all(
        &[0.3, 0.7, 1.1, 0.1],
        &|z| iter_mut_run(&z[..3], z[3]),
        &|z| {
            let (v, (mut g, gh)) = iter_mut_run_grad(&z[..3], z[3]);
            g.push(gh);
            (v, g)
        },
        &|z, t| iter_mut_run_jvp(&z[..3], z[3], &t[..3], t[3]),
        &|z, t| {
            let (_, _, (mut h, hh)) = iter_mut_run_hvp(&z[..3], z[3], &t[..3], t[3]);
            h.push(hh);
            h
        },
    );
}

// A clone of a `Vec` parameter grown by an in-place push: the parameter's gradient has its
// length (it came back one entry too long, the pushed element's zero cotangent appended).
#[differentiable]
fn grow_by(y: &mut Vec<f64>, a: f64) {
    y.push(a * y[0]);
}

#[differentiable]
fn grown(vv: Vec<f64>, a: f64) -> f64 {
    let mut b = vv.to_vec();
    grow_by(&mut b, a);
    b[0] * b[b.len() - 1] + b[1]
}

#[test]
fn gradient_of_a_grown_clone_has_the_parameters_length() {
    let (v, (g, ga)) = grown_grad(vec![1.0, 2.0, 3.0], 0.5);
    // f = a v0² + v1.
    assert_eq!(v, 2.5);
    assert_eq!(g.len(), 3);
    assert_close(&g, &[1.0, 1.0, 0.0], "gradient");
    assert_close(&[ga], &[1.0], "gradient a");
}

/// An array literal of float methods lent to an in-place function on `&mut [f64; 2]`.
#[differentiable]
fn pair_step(r: &mut [f64; 2], x: f64) {
    r[0] *= x;
    r[1] += r[0];
}

#[differentiable]
fn pair_user(x: f64) -> f64 {
    let mut r = [x.sin(), x.cos()];
    pair_step(&mut r, x);
    r[0] * r[1]
}

#[test]
fn array_literal_lent_in_place() {
    let f = |x: f64| {
        let (a, b) = (x.sin() * x, x.cos() + x.sin() * x);
        a * b
    };
    let (v, g) = pair_user_grad(0.4);
    assert_close(&[v], &[f(0.4)], "value");
    assert_close(&[g], &fd_grad(|z| f(z[0]), &[0.4]), "gradient");
}

/// Indices that read the buffer they index (everyday generator, `inplace-len-in-index`: valid
/// on the `&mut [f64]`, E0502 on the value twin's `Vec` until the twin computed the index
/// first).
#[differentiable]
fn wrap_around(y: &mut [f64], a: f64) {
    y[1 % y.len()] *= a;
    y[y.len() - 1] = y[0] * a + y[y.len() - 2];
}

#[differentiable]
fn wrapped(x: &[f64], a: f64) -> f64 {
    let mut b = x.to_vec();
    wrap_around(&mut b, a);
    b[0] * b[1] + b[2].sin()
}

#[test]
fn indices_that_read_the_buffer() {
    // Closed form at x = (0.5, 2, 3), a = 1.5: b = (x0, x1 a, x0 a + x1 a), so the gradient
    // of x0 x1 a + sin(x0 a + x1 a) is (x1 a + a c, x0 a + a c, 0, x0 x1 + (x0 + x1) c), c =
    // cos(x0 a + x1 a).
    let (x, a) = ([0.5, 2.0, 3.0], 1.5);
    let c = ((x[0] + x[1]) * a).cos();
    let (_, (gx, ga)) = wrapped_grad(&x, a);
    assert_close(
        &[gx[0], gx[1], gx[2], ga],
        &[
            x[1] * a + a * c,
            x[0] * a + a * c,
            0.0,
            x[0] * x[1] + (x[0] + x[1]) * c,
        ],
        "closed form",
    );
    check_all(
        &[0.5, 2.0, 3.0, 1.5],
        &|z| wrapped(&z[..3], z[3]),
        &|z| {
            let (v, (mut g, ga)) = wrapped_grad(&z[..3], z[3]);
            g.push(ga);
            (v, g)
        },
        &|z, t| wrapped_jvp(&z[..3], z[3], &t[..3], t[3]),
        &|z, t| {
            let (_, _, (mut h, ha)) = wrapped_hvp(&z[..3], z[3], &t[..3], t[3]);
            h.push(ha);
            h
        },
    );
}
