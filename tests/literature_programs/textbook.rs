//! Griewank & Walther's textbook examples (the lighthouse, Speelpenning's product) and the
//! classic optimisation test functions (Rosenbrock, Himmelblau, Beale, Booth, Ackley,
//! Rastrigin, Styblinski–Tang, Powell, Wood), some with closed-form derivatives as well.

use crate::harness::*;
use ad_runtime::differentiable;

#[differentiable]
pub(crate) fn gw_simple(x1: f64, x2: f64) -> f64 {
    x1 * x2 + x1.sin()
}

#[test]
fn t_gw_simple() {
    s2_case!(
        "gw_simple",
        [0.7, -1.3],
        gw_simple,
        gw_simple_grad,
        gw_simple_jvp,
        gw_simple_hvp,
        gw_simple_check
    );
}

/// The lighthouse example (Griewank & Walther, ch. 2): where the beam meets the quay wall.
#[differentiable]
fn lighthouse(nu: f64, gamma: f64, omega: f64, t: f64) -> (f64, f64) {
    let tn = (omega * t).tan();
    let y1 = nu * tn / (gamma - tn);
    let y2 = gamma * y1;
    (y1, y2)
}

#[test]
fn t_lighthouse_jacobian() {
    let p = [2.0, 1.5, 0.3, 1.1];
    let (val, jac) = lighthouse_jacobian(p[0], p[1], p[2], p[3]);
    assert_eq!(val, lighthouse(p[0], p[1], p[2], p[3]));
    assert_eq!(jac.shape(), &[2, 4]);
    let comp = |k: usize| {
        move |q: &[f64]| {
            let (a, b) = lighthouse(q[0], q[1], q[2], q[3]);
            if k == 0 { a } else { b }
        }
    };
    let mut errs = vec![];
    for k in 0..2 {
        let fd = fd_grad(&comp(k), &p, 1e-4);
        let row: Vec<f64> = jac.row(k).to_vec();
        if let Err(e) = vec_close(&row, &fd, 1e-6) {
            errs.push(format!("jacobian row {k}: {e} {row:?} vs {fd:?}"));
        }
    }
    // jvp and vjp
    let v = [0.3, -0.2, 0.5, 0.1];
    let (_, (t1, t2)) = lighthouse_jvp(p[0], p[1], p[2], p[3], v[0], v[1], v[2], v[3]);
    let e1: f64 = (0..4).map(|j| jac[[0, j]] * v[j]).sum();
    let e2: f64 = (0..4).map(|j| jac[[1, j]] * v[j]).sum();
    if !scal_close(t1, e1, 1e-9, 1.0) || !scal_close(t2, e2, 1e-9, 1.0) {
        errs.push(format!("jvp ({t1}, {t2}) vs J v ({e1}, {e2})"));
    }
    let (_, (a, b, c, d)) = lighthouse_vjp(p[0], p[1], p[2], p[3], (1.0, 0.5));
    let want: Vec<f64> = (0..4).map(|j| jac[[0, j]] + 0.5 * jac[[1, j]]).collect();
    if let Err(e) = vec_close(&[a, b, c, d], &want, 1e-9) {
        errs.push(format!("vjp: {e}"));
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
    // and through the vector harness (jvp against differences of each component).
    let pair = |(a, b): (f64, f64)| vec![a, b];
    verify_vector(
        "lighthouse",
        &p,
        &|q| pair(lighthouse(q[0], q[1], q[2], q[3])),
        &|q, t| {
            let (v, d) = lighthouse_jvp(q[0], q[1], q[2], q[3], t[0], t[1], t[2], t[3]);
            (pair(v), pair(d))
        },
        &|q| {
            let (v, j) = lighthouse_jacobian(q[0], q[1], q[2], q[3]);
            (pair(v), j)
        },
        Some(&|q, w| {
            let (v, (a, b, c, d)) = lighthouse_vjp(q[0], q[1], q[2], q[3], (w[0], w[1]));
            (pair(v), vec![a, b, c, d])
        }),
    );
}

/// The lighthouse distance from the lighthouse, as a scalar.
#[differentiable]
fn lighthouse_dist(nu: f64, gamma: f64, omega: f64, t: f64) -> f64 {
    let (y1, y2) = lighthouse(nu, gamma, omega, t);
    (y1 * y1 + y2 * y2).sqrt()
}

#[test]
fn t_lighthouse_dist() {
    let x = [2.0, 1.5, 0.3, 1.1];
    verify(
        "lighthouse_dist",
        &x,
        &|p| lighthouse_dist(p[0], p[1], p[2], p[3]),
        &|p| {
            let (v, (a, b, c, d)) = lighthouse_dist_grad(p[0], p[1], p[2], p[3]);
            (v, vec![a, b, c, d])
        },
        &|p, t| lighthouse_dist_jvp(p[0], p[1], p[2], p[3], t[0], t[1], t[2], t[3]),
        Some(&|p, t| {
            let (v, (a, b, c, d), (e, f, g, h)) =
                lighthouse_dist_hvp(p[0], p[1], p[2], p[3], t[0], t[1], t[2], t[3]);
            (v, vec![a, b, c, d], vec![e, f, g, h])
        }),
        Some(lighthouse_dist_check(x[0], x[1], x[2], x[3])),
    );
}

/// Speelpenning's product Π x_i, as a loop.
#[differentiable]
fn speelpenning(x: &[f64]) -> f64 {
    let mut y = 1.0;
    for i in 0..x.len() {
        y *= x[i];
    }
    y
}

#[test]
fn t_speelpenning() {
    slice_case!(
        "speelpenning",
        vec![1.1, -0.7, 0.9, 1.3, -1.2, 0.8],
        speelpenning,
        speelpenning_grad,
        speelpenning_jvp,
        speelpenning_hvp,
        speelpenning_check
    );
    // closed form: dΠ/dx_i = Π / x_i
    let x = [1.1, -0.7, 0.9, 1.3, -1.2, 0.8];
    let (p, g) = speelpenning_grad(&x);
    for i in 0..x.len() {
        assert!((g[i] - p / x[i]).abs() < 1e-14, "closed form {i}");
    }
}

/// Speelpenning's product as an iterator.
#[differentiable]
fn speelpenning_iter(x: &[f64]) -> f64 {
    x.iter().product()
}

#[test]
fn t_speelpenning_iter() {
    slice_case!(
        "speelpenning_iter",
        vec![1.1, -0.7, 0.9, 1.3, -1.2, 0.8],
        speelpenning_iter,
        speelpenning_iter_grad,
        speelpenning_iter_jvp,
        speelpenning_iter_hvp,
        speelpenning_iter_check
    );
}

#[differentiable]
fn rosen_windows(x: &[f64]) -> f64 {
    x.windows(2)
        .map(|w| 100.0 * (w[1] - w[0] * w[0]).powi(2) + (1.0 - w[0]).powi(2))
        .sum()
}

#[test]
fn t_rosen_windows() {
    slice_case!(
        "rosen_windows",
        vec![0.5, 1.2, -0.3, 0.8, 1.1],
        rosen_windows,
        rosen_windows_grad,
        rosen_windows_jvp,
        rosen_windows_hvp,
        rosen_windows_check
    );
    let (_, _, h) = rosen_windows_hessian(&[0.5, 1.0]);
    // closed form at (0.5, 1): [[1200*0.25 - 400 + 2, -200], [-200, 200]]
    assert!((h[[0, 0]] - (300.0 - 400.0 + 2.0)).abs() < 1e-9, "{h}");
    assert!(
        (h[[0, 1]] + 200.0).abs() < 1e-9 && (h[[1, 1]] - 200.0).abs() < 1e-9,
        "{h}"
    );
}

#[differentiable]
fn himmelblau(x: f64, y: f64) -> f64 {
    (x * x + y - 11.0).powi(2) + (x + y * y - 7.0).powi(2)
}

#[test]
fn t_himmelblau() {
    s2_case!(
        "himmelblau",
        [2.3, 1.7],
        himmelblau,
        himmelblau_grad,
        himmelblau_jvp,
        himmelblau_hvp,
        himmelblau_check
    );
    let (_, _, h) = himmelblau_hessian(2.3, 1.7);
    let (x, y) = (2.3f64, 1.7f64);
    let hxx = 12.0 * x * x + 4.0 * y - 42.0;
    let hxy = 4.0 * (x + y);
    let hyy = 4.0 * x + 12.0 * y * y - 26.0;
    assert!(
        (h[[0, 0]] - hxx).abs() < 1e-9
            && (h[[0, 1]] - hxy).abs() < 1e-9
            && (h[[1, 1]] - hyy).abs() < 1e-9,
        "{h}"
    );
}

#[differentiable]
fn beale(x: f64, y: f64) -> f64 {
    (1.5 - x + x * y).powi(2)
        + (2.25 - x + x * y.powi(2)).powi(2)
        + (2.625 - x + x * y.powi(3)).powi(2)
}

#[test]
fn t_beale() {
    s2_case!(
        "beale",
        [1.2, 0.4],
        beale,
        beale_grad,
        beale_jvp,
        beale_hvp,
        beale_check
    );
}

#[differentiable]
fn booth(x: f64, y: f64) -> f64 {
    (x + 2.0 * y - 7.0).powi(2) + (2.0 * x + y - 5.0).powi(2)
}

#[test]
fn t_booth() {
    s2_case!(
        "booth",
        [0.4, 2.1],
        booth,
        booth_grad,
        booth_jvp,
        booth_hvp,
        booth_check
    );
}

#[differentiable]
fn ackley(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (e, pi) = (std::f64::consts::E, std::f64::consts::PI);
    let mut s1 = 0.0;
    let mut s2 = 0.0;
    for &xi in x {
        s1 += xi * xi;
        s2 += (2.0 * pi * xi).cos();
    }
    -20.0 * (-0.2 * (s1 / n).sqrt()).exp() - (s2 / n).exp() + 20.0 + e
}

#[test]
fn t_ackley() {
    slice_case!(
        "ackley",
        vec![0.3, -0.7, 1.4],
        ackley,
        ackley_grad,
        ackley_jvp,
        ackley_hvp,
        ackley_check
    );
}

#[differentiable]
fn rastrigin(x: &[f64]) -> f64 {
    let a = 10.0;
    let mut s = a * x.len() as f64;
    for i in 0..x.len() {
        s += x[i] * x[i] - a * (2.0 * std::f64::consts::PI * x[i]).cos();
    }
    s
}

#[test]
fn t_rastrigin() {
    slice_case!(
        "rastrigin",
        vec![0.3, -0.7, 1.4, 2.2],
        rastrigin,
        rastrigin_grad,
        rastrigin_jvp,
        rastrigin_hvp,
        rastrigin_check
    );
}

#[differentiable]
fn styblinski_tang(x: &[f64]) -> f64 {
    x.iter()
        .map(|&xi| xi.powi(4) - 16.0 * xi.powi(2) + 5.0 * xi)
        .sum::<f64>()
        / 2.0
}

#[test]
fn t_styblinski_tang() {
    slice_case!(
        "styblinski_tang",
        vec![0.3, -2.7, 1.4],
        styblinski_tang,
        styblinski_tang_grad,
        styblinski_tang_jvp,
        styblinski_tang_hvp,
        styblinski_tang_check
    );
}

/// Powell's singular function (4 variables).
#[differentiable]
fn powell(x: &[f64]) -> f64 {
    let t1 = x[0] + 10.0 * x[1];
    let t2 = x[2] - x[3];
    let t3 = x[1] - 2.0 * x[2];
    let t4 = x[0] - x[3];
    t1 * t1 + 5.0 * t2 * t2 + t3.powi(4) + 10.0 * t4.powi(4)
}

#[test]
fn t_powell() {
    slice_case!(
        "powell",
        vec![3.0, -1.0, 0.5, 1.2],
        powell,
        powell_grad,
        powell_jvp,
        powell_hvp,
        powell_check
    );
}

/// Colville's / Wood's function (4 variables).
#[differentiable]
fn wood(x: [f64; 4]) -> f64 {
    let [x1, x2, x3, x4] = x;
    100.0 * (x1 * x1 - x2).powi(2)
        + (x1 - 1.0).powi(2)
        + (x3 - 1.0).powi(2)
        + 90.0 * (x3 * x3 - x4).powi(2)
        + 10.1 * ((x2 - 1.0).powi(2) + (x4 - 1.0).powi(2))
        + 19.8 * (x2 - 1.0) * (x4 - 1.0)
}

#[test]
fn t_wood() {
    let x = [-1.2, 1.0, -0.9, 1.1];
    verify(
        "wood",
        &x,
        &|p| wood([p[0], p[1], p[2], p[3]]),
        &|p| {
            let (v, g) = wood_grad([p[0], p[1], p[2], p[3]]);
            (v, g.to_vec())
        },
        &|p, t| wood_jvp([p[0], p[1], p[2], p[3]], [t[0], t[1], t[2], t[3]]),
        Some(&|p, t| {
            let (v, g, h) = wood_hvp([p[0], p[1], p[2], p[3]], [t[0], t[1], t[2], t[3]]);
            (v, g.to_vec(), h.to_vec())
        }),
        Some(wood_check(x)),
    );
}
