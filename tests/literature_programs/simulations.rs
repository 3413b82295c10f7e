//! Small simulations and numerical methods: explicit Euler, RK4 (a damped oscillator,
//! Lotka–Volterra with a `[f64; 2]` right-hand side, Lorenz), leapfrog (n-body, a pendulum
//! as a struct-returning step), a spring chain and a pendulum as structs, an adaptive last
//! step, Black–Scholes, Newton's iteration and the trapezoid rule.

use crate::harness::*;
use ad_runtime::{Differentiable, differentiable};

#[derive(Clone, Debug, Differentiable)]
struct Logistic {
    r: f64,
    k: f64,
}

/// Explicit Euler on logistic growth, rate and capacity in a struct, steps in a slice.
#[differentiable]
fn logistic_euler(p: &Logistic, y0: f64, dt: &[f64]) -> f64 {
    let mut y = y0;
    for i in 0..dt.len() {
        y += dt[i] * p.r * y * (1.0 - y / p.k);
    }
    y
}

#[test]
fn t_logistic_euler() {
    let dt = [0.1, 0.2, 0.15, 0.1, 0.3, 0.05, 0.2];
    let mk = |p: &[f64]| Logistic { r: p[0], k: p[1] };
    let mut x = vec![0.9, 5.0, 0.4];
    x.extend(dt);
    verify(
        "logistic_euler",
        &x,
        &|p| logistic_euler(&mk(p), p[2], &p[3..]),
        &|p| {
            let (v, (gp, gy, gdt)) = logistic_euler_grad(&mk(p), p[2], &p[3..]);
            let mut g = vec![gp.r, gp.k, gy];
            g.extend(gdt);
            (v, g)
        },
        &|p, t| logistic_euler_jvp(&mk(p), p[2], &p[3..], &mk(t), t[2], &t[3..]),
        Some(&|p, t| {
            let (v, (gp, gy, gdt), (hp, hy, hdt)) =
                logistic_euler_hvp(&mk(p), p[2], &p[3..], &mk(t), t[2], &t[3..]);
            let mut g = vec![gp.r, gp.k, gy];
            g.extend(gdt);
            let mut h = vec![hp.r, hp.k, hy];
            h.extend(hdt);
            (v, g, h)
        }),
        None,
    );
}

#[differentiable]
fn osc_rhs(x: f64, v: f64, k: f64, c: f64) -> (f64, f64) {
    (v, -k * x - c * v)
}

/// RK4 on a damped oscillator, the right-hand side a differentiable helper returning a tuple.
#[differentiable]
fn rk4_oscillator(k: f64, c: f64, x0: f64, v0: f64, h: f64, steps: usize) -> f64 {
    let mut x = x0;
    let mut v = v0;
    for _ in 0..steps {
        let (k1x, k1v) = osc_rhs(x, v, k, c);
        let (k2x, k2v) = osc_rhs(x + 0.5 * h * k1x, v + 0.5 * h * k1v, k, c);
        let (k3x, k3v) = osc_rhs(x + 0.5 * h * k2x, v + 0.5 * h * k2v, k, c);
        let (k4x, k4v) = osc_rhs(x + h * k3x, v + h * k3v, k, c);
        x += h / 6.0 * (k1x + 2.0 * k2x + 2.0 * k3x + k4x);
        v += h / 6.0 * (k1v + 2.0 * k2v + 2.0 * k3v + k4v);
    }
    x * x + v
}

#[test]
fn t_rk4_oscillator() {
    let x = [2.0, 0.3, 1.0, -0.5, 0.05];
    let n = 40;
    verify(
        "rk4_oscillator",
        &x,
        &|p| rk4_oscillator(p[0], p[1], p[2], p[3], p[4], n),
        &|p| {
            let (v, (a, b, c, d, e)) = rk4_oscillator_grad(p[0], p[1], p[2], p[3], p[4], n);
            (v, vec![a, b, c, d, e])
        },
        &|p, t| {
            rk4_oscillator_jvp(
                p[0], p[1], p[2], p[3], p[4], n, t[0], t[1], t[2], t[3], t[4],
            )
        },
        Some(&|p, t| {
            let (v, (a, b, c, d, e), (f, g, h, i, j)) = rk4_oscillator_hvp(
                p[0], p[1], p[2], p[3], p[4], n, t[0], t[1], t[2], t[3], t[4],
            );
            (v, vec![a, b, c, d, e], vec![f, g, h, i, j])
        }),
        Some(rk4_oscillator_check(x[0], x[1], x[2], x[3], x[4], n)),
    );
}

/// Lotka–Volterra right-hand side, state and result as fixed-size arrays.
#[differentiable]
fn lv_rhs(u: [f64; 2], p: &[f64]) -> [f64; 2] {
    [
        p[0] * u[0] - p[1] * u[0] * u[1],
        p[2] * u[0] * u[1] - p[3] * u[1],
    ]
}

#[test]
fn t_lv_rhs() {
    let u = [10.0, 5.0];
    let p = [1.1, 0.4, 0.1, 0.4];
    let (val, jac) = lv_rhs_jacobian(u, &p);
    assert_eq!(val, lv_rhs(u, &p));
    assert_eq!(jac.shape(), &[2, 6]);
    let mut x = u.to_vec();
    x.extend(p);
    let u2 = |q: &[f64]| [q[0], q[1]];
    verify_vector(
        "lv_rhs",
        &x,
        &|q| lv_rhs(u2(q), &q[2..]).to_vec(),
        &|q, t| {
            let (v, dv) = lv_rhs_jvp(u2(q), &q[2..], u2(t), &t[2..]);
            (v.to_vec(), dv.to_vec())
        },
        &|q| {
            let (v, j) = lv_rhs_jacobian(u2(q), &q[2..]);
            (v.to_vec(), j)
        },
        Some(&|q, w| {
            let (v, (gu, gp)) = lv_rhs_vjp(u2(q), &q[2..], [w[0], w[1]]);
            (v.to_vec(), [gu.to_vec(), gp].concat())
        }),
    );
}

/// RK4 on Lotka–Volterra: the state a copy of the initial-state parameter, the stages
/// `[f64; 2]` results of the right-hand side.
#[differentiable(wrt(p, u0))]
fn lv_rk4(p: &[f64], u0: [f64; 2], h: f64, steps: usize) -> f64 {
    let mut u = u0;
    for _ in 0..steps {
        let k1 = lv_rhs(u, p);
        let k2 = lv_rhs([u[0] + 0.5 * h * k1[0], u[1] + 0.5 * h * k1[1]], p);
        let k3 = lv_rhs([u[0] + 0.5 * h * k2[0], u[1] + 0.5 * h * k2[1]], p);
        let k4 = lv_rhs([u[0] + h * k3[0], u[1] + h * k3[1]], p);
        for i in 0..2 {
            u[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
        }
    }
    u[0] + 2.0 * u[1]
}

#[test]
fn t_lv_rk4() {
    let p = [1.1, 0.4, 0.1, 0.4];
    let u0 = [10.0, 5.0];
    let (h, steps) = (0.01, 100);
    let mut x = p.to_vec();
    x.extend(u0);
    let u2 = |q: &[f64]| [q[4], q[5]];
    verify(
        "lv_rk4",
        &x,
        &|q| lv_rk4(&q[..4], u2(q), h, steps),
        &|q| {
            let (v, (gp, gu)) = lv_rk4_grad(&q[..4], u2(q), h, steps);
            (v, [gp, gu.to_vec()].concat())
        },
        &|q, t| lv_rk4_jvp(&q[..4], u2(q), h, steps, &t[..4], u2(t)),
        Some(&|q, t| {
            let (v, (gp, gu), (hp, hu)) = lv_rk4_hvp(&q[..4], u2(q), h, steps, &t[..4], u2(t));
            (v, [gp, gu.to_vec()].concat(), [hp, hu.to_vec()].concat())
        }),
        Some(lv_rk4_check(&p, u0, h, steps)),
    );
}

/// A small 2-D n-body system (softened gravity), leapfrog; loss on the final positions.
#[differentiable(wrt(pos, mass))]
fn nbody(pos: &[f64], vel: &[f64], mass: &[f64], dt: f64, steps: usize) -> f64 {
    let n = mass.len();
    let mut x = pos.to_vec();
    let mut v = vel.to_vec();
    let mut a = vec![0.0; 2 * n];
    for _ in 0..steps {
        for i in 0..2 * n {
            a[i] = 0.0;
        }
        for i in 0..n {
            for j in 0..n {
                if i == j {
                    continue;
                }
                let dx = x[2 * j] - x[2 * i];
                let dy = x[2 * j + 1] - x[2 * i + 1];
                let r2 = dx * dx + dy * dy + 0.01;
                let inv = mass[j] / (r2 * r2.sqrt());
                a[2 * i] += dx * inv;
                a[2 * i + 1] += dy * inv;
            }
        }
        for i in 0..2 * n {
            v[i] += dt * a[i];
            x[i] += dt * v[i];
        }
    }
    let mut s = 0.0;
    for i in 0..2 * n {
        s += x[i] * x[i];
    }
    s
}

#[test]
fn t_nbody() {
    let pos = [0.0, 0.0, 1.0, 0.2, -0.4, 0.9];
    let vel = [0.0, 0.1, -0.1, 0.3, 0.2, -0.2];
    let mass = [1.0, 0.5, 0.3];
    let mut x = pos.to_vec();
    x.extend(mass);
    let (dt, steps) = (0.01, 50);
    verify(
        "nbody",
        &x,
        &|p| nbody(&p[..6], &vel, &p[6..], dt, steps),
        &|p| {
            let (v, (mut a, b)) = nbody_grad(&p[..6], &vel, &p[6..], dt, steps);
            a.extend(b);
            (v, a)
        },
        &|p, t| nbody_jvp(&p[..6], &vel, &p[6..], dt, steps, &t[..6], &t[6..]),
        Some(&|p, t| {
            let (v, (mut a, b), (mut c, d)) =
                nbody_hvp(&p[..6], &vel, &p[6..], dt, steps, &t[..6], &t[6..]);
            a.extend(b);
            c.extend(d);
            (v, a, c)
        }),
        Some(nbody_check(&pos, &vel, &mass, dt, steps)),
    );
}

#[derive(Clone, Debug, Differentiable)]
struct Chain {
    stiffness: f64,
    damping: f64,
}

/// A chain of masses between walls, semi-implicit Euler.
#[differentiable(wrt(p, x0))]
fn spring_chain(p: &Chain, x0: &[f64], dt: f64, steps: usize) -> f64 {
    let n = x0.len();
    let mut x = x0.to_vec();
    let mut v = vec![0.0; n];
    for _ in 0..steps {
        for i in 0..n {
            let left = if i == 0 { 0.0 } else { x[i - 1] };
            let right = if i == n - 1 { (n + 1) as f64 } else { x[i + 1] };
            let f = p.stiffness * (left + right - 2.0 * x[i]) - p.damping * v[i];
            v[i] += dt * f;
        }
        for i in 0..n {
            x[i] += dt * v[i];
        }
    }
    let mut e = 0.0;
    for i in 0..n {
        let d = x[i] - (i + 1) as f64;
        e += d * d;
    }
    e
}

#[test]
fn t_spring_chain() {
    let x0 = [1.1, 1.9, 3.2, 3.9];
    let mut x = vec![9.0, 0.35];
    x.extend(x0);
    let mk = |p: &[f64]| Chain {
        stiffness: p[0],
        damping: p[1],
    };
    let (dt, steps) = (0.01, 100);
    verify(
        "spring_chain",
        &x,
        &|p| spring_chain(&mk(p), &p[2..], dt, steps),
        &|p| {
            let (v, (gp, gx)) = spring_chain_grad(&mk(p), &p[2..], dt, steps);
            let mut g = vec![gp.stiffness, gp.damping];
            g.extend(gx);
            (v, g)
        },
        &|p, t| spring_chain_jvp(&mk(p), &p[2..], dt, steps, &mk(t), &t[2..]),
        Some(&|p, t| {
            let (v, (gp, gx), (hp, hx)) =
                spring_chain_hvp(&mk(p), &p[2..], dt, steps, &mk(t), &t[2..]);
            let mut g = vec![gp.stiffness, gp.damping];
            g.extend(gx);
            let mut h = vec![hp.stiffness, hp.damping];
            h.extend(hx);
            (v, g, h)
        }),
        None,
    );
}

#[derive(Clone, Debug, Differentiable)]
struct Pendulum {
    g: f64,
    l: f64,
    damping: f64,
}

impl Pendulum {
    #[differentiable(wrt(self, theta0))]
    fn simulate(&self, theta0: f64, dt: f64, steps: usize) -> f64 {
        let mut th = theta0;
        let mut om = 0.0;
        for _ in 0..steps {
            let acc = -self.g / self.l * th.sin() - self.damping * om;
            om += dt * acc;
            th += dt * om;
        }
        th
    }
}

#[test]
fn t_pendulum_method() {
    let mk = |p: &[f64]| Pendulum {
        g: p[0],
        l: p[1],
        damping: p[2],
    };
    let (dt, steps) = (0.01, 200);
    verify(
        "Pendulum::simulate",
        &[9.81, 1.3, 0.2, 0.9],
        &|p| mk(p).simulate(p[3], dt, steps),
        &|p| {
            let (v, (gs, gt)) = mk(p).simulate_grad(p[3], dt, steps);
            (v, vec![gs.g, gs.l, gs.damping, gt])
        },
        &|p, t| mk(p).simulate_jvp(p[3], dt, steps, &mk(t), t[3]),
        Some(&|p, t| {
            let (v, (gs, gt), (hs, ht)) = mk(p).simulate_hvp(p[3], dt, steps, &mk(t), t[3]);
            (
                v,
                vec![gs.g, gs.l, gs.damping, gt],
                vec![hs.g, hs.l, hs.damping, ht],
            )
        }),
        None,
    );
}

/// RK4 on the Lorenz system: the state a copy of the fixed-size array parameter, the
/// stages in fixed-size local arrays.
#[differentiable]
fn lorenz_rk4(s0: [f64; 3], sigma: f64, rho: f64, beta: f64) -> f64 {
    let h = 0.01;
    let mut s = s0;
    for _ in 0..50 {
        let mut k = vec![0.0; 12];
        let mut tmp = s;
        for stage in 0..4 {
            let d = [
                sigma * (tmp[1] - tmp[0]),
                tmp[0] * (rho - tmp[2]) - tmp[1],
                tmp[0] * tmp[1] - beta * tmp[2],
            ];
            for i in 0..3 {
                k[stage * 3 + i] = d[i];
            }
            let c = if stage == 2 { h } else { 0.5 * h };
            for i in 0..3 {
                tmp[i] = s[i] + c * d[i];
            }
        }
        for i in 0..3 {
            s[i] += h / 6.0 * (k[i] + 2.0 * k[3 + i] + 2.0 * k[6 + i] + k[9 + i]);
        }
    }
    s[0] + s[1] * 0.5 + s[2] * 0.25
}

#[test]
fn t_lorenz_rk4() {
    let x = [1.0, 1.5, 20.0, 10.0, 28.0, 8.0 / 3.0];
    let s3 = |p: &[f64]| [p[0], p[1], p[2]];
    verify(
        "lorenz_rk4",
        &x,
        &|p| lorenz_rk4(s3(p), p[3], p[4], p[5]),
        &|p| {
            let (v, (gs, a, b, c)) = lorenz_rk4_grad(s3(p), p[3], p[4], p[5]);
            (v, vec![gs[0], gs[1], gs[2], a, b, c])
        },
        &|p, t| lorenz_rk4_jvp(s3(p), p[3], p[4], p[5], s3(t), t[3], t[4], t[5]),
        Some(&|p, t| {
            let (v, (gs, a, b, c), (hs, d, e, f)) =
                lorenz_rk4_hvp(s3(p), p[3], p[4], p[5], s3(t), t[3], t[4], t[5]);
            (
                v,
                vec![gs[0], gs[1], gs[2], a, b, c],
                vec![hs[0], hs[1], hs[2], d, e, f],
            )
        }),
        Some(lorenz_rk4_check(s3(&x), x[3], x[4], x[5])),
    );
}

#[derive(Clone, Debug, Differentiable)]
struct State {
    x: f64,
    v: f64,
}

/// A struct-returning step function, chained.
#[differentiable]
fn leapfrog(s: &State, k: f64, dt: f64) -> State {
    let v = s.v - dt * k * s.x.sin();
    let x = s.x + dt * v;
    State { x, v }
}

#[differentiable]
fn pendulum_energy(x0: f64, v0: f64, k: f64) -> f64 {
    let mut s = State { x: x0, v: v0 };
    for _ in 0..20 {
        s = leapfrog(&s, k, 0.05);
    }
    0.5 * s.v * s.v + k * (1.0 - s.x.cos())
}

#[test]
fn t_pendulum_energy() {
    s3_case!(
        "pendulum_energy",
        [0.9, 0.2, 2.5],
        pendulum_energy,
        pendulum_energy_grad,
        pendulum_energy_jvp,
        pendulum_energy_hvp,
        pendulum_energy_check
    );
}

/// Adaptive last step: while t < t_end with h = dt.min(t_end - t).
#[differentiable]
fn euler_until(y0: f64, k: f64, dt: f64) -> f64 {
    let mut t = 0.0;
    let mut y = y0;
    while t < 1.0 {
        let h = dt.min(1.0 - t);
        y += h * (-k * y + (3.0 * t).sin());
        t += h;
    }
    y
}

#[test]
fn t_euler_until() {
    // dt = 0.13: 7 full steps and a last step of 0.09.
    verify_h(
        "euler_until",
        &[1.0, 0.8, 0.13],
        1e-5,
        &|p| euler_until(p[0], p[1], p[2]),
        &|p| {
            let (v, (a, b, c)) = euler_until_grad(p[0], p[1], p[2]);
            (v, vec![a, b, c])
        },
        &|p, t| euler_until_jvp(p[0], p[1], p[2], t[0], t[1], t[2]),
        Some(&|p, t| {
            let (v, (a, b, c), (d, e, f)) = euler_until_hvp(p[0], p[1], p[2], t[0], t[1], t[2]);
            (v, vec![a, b, c], vec![d, e, f])
        }),
        Some(euler_until_check(1.0, 0.8, 0.13)),
    );
}

/// Newton's iteration for the square root, differentiated through the iterations.
#[differentiable]
fn newton_sqrt(a: f64) -> f64 {
    let mut x = a;
    let mut i = 0;
    while i < 40 {
        let nx = 0.5 * (x + a / x);
        if (nx - x).abs() <= 1e-15 * nx {
            x = nx;
            break;
        }
        x = nx;
        i += 1;
    }
    x
}

#[test]
fn t_newton_sqrt() {
    let a = 2.7;
    assert!((newton_sqrt(a) - a.sqrt()).abs() < 1e-14);
    let (v, d) = newton_sqrt_grad(a);
    assert_eq!(v, newton_sqrt(a));
    assert!(
        (d - 0.5 / a.sqrt()).abs() < 1e-12,
        "d sqrt = {d} vs {}",
        0.5 / a.sqrt()
    );
    let (_, t) = newton_sqrt_jvp(a, 1.0);
    assert!((t - 0.5 / a.sqrt()).abs() < 1e-12, "jvp = {t}");
    let (_, _, h) = newton_sqrt_hvp(a, 1.0);
    assert!(
        (h + 0.25 * a.powf(-1.5)).abs() < 1e-10,
        "hvp = {h} vs {}",
        -0.25 * a.powf(-1.5)
    );
}

#[differentiable]
fn integrand(t: f64, p: f64, q: f64) -> f64 {
    (-p * t * t).exp() * (q * t).cos()
}

/// Trapezoid rule.
#[differentiable]
fn trapezoid(p: f64, q: f64, n: usize) -> f64 {
    let h = 1.0 / n as f64;
    let mut s = 0.5 * (integrand(0.0, p, q) + integrand(1.0, p, q));
    for i in 1..n {
        s += integrand(i as f64 * h, p, q);
    }
    s * h
}

#[test]
fn t_trapezoid() {
    let n = 50;
    verify(
        "trapezoid",
        &[0.8, 2.1],
        &|p| trapezoid(p[0], p[1], n),
        &|p| {
            let (v, (a, b)) = trapezoid_grad(p[0], p[1], n);
            (v, vec![a, b])
        },
        &|p, t| trapezoid_jvp(p[0], p[1], n, t[0], t[1]),
        Some(&|p, t| {
            let (v, (a, b), (c, d)) = trapezoid_hvp(p[0], p[1], n, t[0], t[1]);
            (v, vec![a, b], vec![c, d])
        }),
        Some(trapezoid_check(0.8, 2.1, n)),
    );
}

/// Black–Scholes call with the Abramowitz–Stegun normal CDF.
#[differentiable]
fn norm_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.2316419 * x.abs());
    let poly = t
        * (0.319381530
            + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    let pdf = (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let p = 1.0 - pdf * poly;
    if x >= 0.0 { p } else { 1.0 - p }
}

#[test]
fn t_norm_cdf() {
    for x in [-1.3, 0.7] {
        verify(
            "norm_cdf",
            &[x],
            &|p| norm_cdf(p[0]),
            &|p| {
                let (v, d) = norm_cdf_grad(p[0]);
                (v, vec![d])
            },
            &|p, t| norm_cdf_jvp(p[0], t[0]),
            Some(&|p, t| {
                let (v, d, h) = norm_cdf_hvp(p[0], t[0]);
                (v, vec![d], vec![h])
            }),
            Some(norm_cdf_check(x)),
        );
    }
}

#[differentiable]
fn black_scholes(s: f64, k: f64, r: f64, sigma: f64, t: f64) -> f64 {
    let sqrt_t = t.sqrt();
    let d1 = ((s / k).ln() + (r + 0.5 * sigma * sigma) * t) / (sigma * sqrt_t);
    let d2 = d1 - sigma * sqrt_t;
    s * norm_cdf(d1) - k * (-r * t).exp() * norm_cdf(d2)
}

#[test]
fn t_black_scholes() {
    let x = [100.0, 95.0, 0.03, 0.25, 0.8];
    verify(
        "black_scholes",
        &x,
        &|p| black_scholes(p[0], p[1], p[2], p[3], p[4]),
        &|p| {
            let (v, (a, b, c, d, e)) = black_scholes_grad(p[0], p[1], p[2], p[3], p[4]);
            (v, vec![a, b, c, d, e])
        },
        &|p, t| black_scholes_jvp(p[0], p[1], p[2], p[3], p[4], t[0], t[1], t[2], t[3], t[4]),
        Some(&|p, t| {
            let (v, (a, b, c, d, e), (f, g, h, i, j)) =
                black_scholes_hvp(p[0], p[1], p[2], p[3], p[4], t[0], t[1], t[2], t[3], t[4]);
            (v, vec![a, b, c, d, e], vec![f, g, h, i, j])
        }),
        Some(black_scholes_check(x[0], x[1], x[2], x[3], x[4])),
    );
}
