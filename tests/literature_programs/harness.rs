//! The shared harness: finite differences, tolerances, and `verify`, which runs every check
//! of one function at one point and reports all the failures together.
//!
//! A case flattens the differentiated inputs into one `&[f64]` point `x`; adapters (closures,
//! or the `*_case!` macros and the `scalar_n_case` / `two_slices` / `slice_scalar` helpers)
//! translate between that flat point and the function's own parameters and results.

use ad_runtime::check::Mismatch;
use ad_runtime::ndarray::{Array1, Array2};

/// The primal, on the flat point.
pub type F<'a> = &'a dyn Fn(&[f64]) -> f64;
/// `f_grad`: value and flat gradient.
pub type G<'a> = &'a dyn Fn(&[f64]) -> (f64, Vec<f64>);
/// `f_jvp`: value and directional derivative along the second argument.
pub type J<'a> = &'a dyn Fn(&[f64], &[f64]) -> (f64, f64);
/// `f_hvp`: value, gradient and Hessian–vector product along the second argument.
pub type H<'a> = &'a dyn Fn(&[f64], &[f64]) -> (f64, Vec<f64>, Vec<f64>);
/// A function with a vector result, on the flat point.
pub type VF<'a> = &'a dyn Fn(&[f64]) -> Vec<f64>;
/// `f_jvp` of a vector result (value and tangent along the second argument), or `f_vjp`
/// (value and the flat cotangent of the inputs for the output cotangent in the second).
pub type VJ<'a> = &'a dyn Fn(&[f64], &[f64]) -> (Vec<f64>, Vec<f64>);
/// `f_jacobian`: value and the m × n Jacobian.
pub type VJac<'a> = &'a dyn Fn(&[f64]) -> (Vec<f64>, Array2<f64>);

/// 5-point central difference of `f` at `x` along `v`.
pub fn fd_dir(f: &dyn Fn(&[f64]) -> f64, x: &[f64], v: &[f64], h: f64) -> f64 {
    let at = |s: f64| -> f64 {
        let p: Vec<f64> = x.iter().zip(v).map(|(a, b)| a + s * h * b).collect();
        f(&p)
    };
    (-at(2.0) + 8.0 * at(1.0) - 8.0 * at(-1.0) + at(-2.0)) / (12.0 * h)
}

/// 5-point central differences of `f` along each coordinate, the step scaled by `max(1, |x_i|)`.
pub fn fd_grad(f: &dyn Fn(&[f64]) -> f64, x: &[f64], h: f64) -> Vec<f64> {
    (0..x.len())
        .map(|i| {
            let mut e = vec![0.0; x.len()];
            let hi = h * x[i].abs().max(1.0);
            e[i] = 1.0;
            fd_dir(f, x, &e, hi)
        })
        .collect()
}

/// 5-point central difference of the gradient along `v`: a finite-difference Hessian–vector
/// product.
pub fn fd_hv(grad: &dyn Fn(&[f64]) -> Vec<f64>, x: &[f64], v: &[f64], h: f64) -> Vec<f64> {
    let at = |s: f64| -> Vec<f64> {
        let p: Vec<f64> = x.iter().zip(v).map(|(a, b)| a + s * h * b).collect();
        grad(&p)
    };
    let (a, b, c, d) = (at(2.0), at(1.0), at(-1.0), at(-2.0));
    (0..x.len())
        .map(|i| (-a[i] + 8.0 * b[i] - 8.0 * c[i] + d[i]) / (12.0 * h))
        .collect()
}

/// A fixed, irregular direction of length `n`.
pub fn direction(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| ((i * 7 + 3) % 11) as f64 / 11.0 - 0.45 + 0.1 * (i as f64 * 1.3).sin())
        .collect()
}

/// Component-wise `|a - b| <= rtol * max(|b_i|, 1e-3 max|b|, 1e-9) + 1e-12` (a NaN fails).
#[allow(clippy::neg_cmp_op_on_partial_ord)] // negated so that a NaN fails
pub fn vec_close(a: &[f64], b: &[f64], rtol: f64) -> Result<(), String> {
    if a.len() != b.len() {
        return Err(format!("lengths {} vs {}", a.len(), b.len()));
    }
    let m = b.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    for i in 0..a.len() {
        let tol = rtol * b[i].abs().max(1e-3 * m).max(1e-9) + 1e-12;
        if !((a[i] - b[i]).abs() <= tol) {
            return Err(format!(
                "component {i}: got {:e}, expected {:e}",
                a[i], b[i]
            ));
        }
    }
    Ok(())
}

/// `|a - b| <= rtol * max(|b|, scale, 1e-9) + 1e-12` (false for a NaN).
pub fn scal_close(a: f64, b: f64, rtol: f64, scale: f64) -> bool {
    (a - b).abs() <= rtol * b.abs().max(scale).max(1e-9) + 1e-12
}

/// Runs every check of a scalar function at `x` and panics with all the failures together:
/// the values of `f_grad`, `f_jvp` and `f_hvp` against `f`; the gradient against 5-point
/// differences of `f` (relative 1e-6); `f_jvp` against `grad · v` (1e-9) and against
/// differences of `f` along `v` (1e-6); `f_hvp`'s gradient
/// against `f_grad` (1e-10) and its `H v` against differences of `f_grad` along `v` (1e-5);
/// and `f_check`'s verdict when given.
pub fn verify(
    name: &str,
    x: &[f64],
    f: F,
    grad: G,
    jvp: J,
    hvp: Option<H>,
    check: Option<Result<(), Mismatch>>,
) {
    verify_h(name, x, 1e-4, f, grad, jvp, hvp, check)
}

/// [`verify`] with an explicit finite-difference step.
#[allow(clippy::too_many_arguments)]
pub fn verify_h(
    name: &str,
    x: &[f64],
    step: f64,
    f: F,
    grad: G,
    jvp: J,
    hvp: Option<H>,
    check: Option<Result<(), Mismatch>>,
) {
    let n = x.len();
    let v = direction(n);
    let mut errs: Vec<String> = vec![];
    let fx = f(x);
    let (val, g) = grad(x);
    if g.len() != n {
        panic!("{name}: gradient has {} components, expected {n}", g.len());
    }
    if !scal_close(val, fx, 1e-12, 0.0) {
        errs.push(format!("grad value {val:e} != f {fx:e}"));
    }
    let fd = fd_grad(f, x, step);
    if let Err(e) = vec_close(&g, &fd, 1e-6) {
        errs.push(format!(
            "grad vs FD: {e}\n   grad = {g:?}\n   fd   = {fd:?}"
        ));
    }
    let (jval, jt) = jvp(x, &v);
    if !scal_close(jval, fx, 1e-12, 0.0) {
        errs.push(format!("jvp value {jval:e} != f {fx:e}"));
    }
    let dot: f64 = g.iter().zip(&v).map(|(a, b)| a * b).sum();
    let dscale: f64 = g.iter().zip(&v).map(|(a, b)| (a * b).abs()).sum();
    let fdd = fd_dir(f, x, &v, step);
    if !scal_close(jt, dot, 1e-9, dscale) {
        errs.push(format!(
            "jvp {jt:e} != grad.v {dot:e} (FD along v: {fdd:e})"
        ));
    } else if !scal_close(jt, fdd, 1e-6, dscale) {
        // (Forward mode against differences too: a tangent wrong where the gradient is
        // right, e.g. a dual-number path of its own, would otherwise pass by agreeing with
        // `grad·v` only when both are wrong alike.)
        errs.push(format!("jvp {jt:e} != FD along v {fdd:e}"));
    }
    if let Some(h) = hvp {
        let (hval, hg, hv) = h(x, &v);
        if !scal_close(hval, fx, 1e-12, 0.0) {
            errs.push(format!("hvp value {hval:e} != f {fx:e}"));
        }
        if let Err(e) = vec_close(&hg, &g, 1e-10) {
            errs.push(format!("hvp gradient != grad: {e}"));
        }
        let gonly = |p: &[f64]| grad(p).1;
        let fdh = fd_hv(&gonly, x, &v, step);
        if let Err(e) = vec_close(&hv, &fdh, 1e-5) {
            errs.push(format!(
                "Hv vs FD of grad: {e}\n   hv = {hv:?}\n   fd = {fdh:?}"
            ));
        }
    }
    if let Some(Err(m)) = check {
        errs.push(format!("f_check: {m}"));
    }
    if !errs.is_empty() {
        panic!("{name} at {x:?}:\n - {}", errs.join("\n - "));
    }
}

/// Runs every check of a function with a vector result (a `[f64; N]`, a `Vec<f64>` or a tuple
/// of floats, flattened by the adapters) and panics with all the failures together:
/// `jacobian` against 5-point differences of each component, `jvp` against differences of
/// each component along a direction and against `J v`, and `vjp` (when given) against
/// `wᵀ J` and against the differences of `w · f`.
pub fn verify_vector(name: &str, x: &[f64], f: VF, jvp: VJ, jacobian: VJac, vjp: Option<VJ>) {
    let step = 1e-4;
    let n = x.len();
    let v = direction(n);
    let fx = f(x);
    let m = fx.len();
    let w: Vec<f64> = direction(m + 3)[3..].to_vec();
    let mut errs: Vec<String> = vec![];
    let same_value = |what: &str, val: &[f64], errs: &mut Vec<String>| {
        if val.len() != m || (0..m).any(|k| !scal_close(val[k], fx[k], 1e-12, 0.0)) {
            errs.push(format!("{what} value {val:?} != f {fx:?}"));
        }
    };
    let (jval, jac) = jacobian(x);
    same_value("jacobian", &jval, &mut errs);
    if jac.shape() != [m, n] {
        panic!(
            "{name}: jacobian of shape {:?}, expected [{m}, {n}]",
            jac.shape()
        );
    }
    for k in 0..m {
        let fk = |p: &[f64]| f(p)[k];
        let fd = fd_grad(&fk, x, step);
        let row = jac.row(k).to_vec();
        if let Err(e) = vec_close(&row, &fd, 1e-6) {
            errs.push(format!(
                "jacobian row {k} vs FD: {e}\n   row = {row:?}\n   fd  = {fd:?}"
            ));
        }
    }
    let (tval, t) = jvp(x, &v);
    same_value("jvp", &tval, &mut errs);
    let fd: Vec<f64> = (0..m)
        .map(|k| fd_dir(&|p: &[f64]| f(p)[k], x, &v, step))
        .collect();
    if let Err(e) = vec_close(&t, &fd, 1e-6) {
        errs.push(format!(
            "jvp vs FD along v: {e}\n   jvp = {t:?}\n   fd  = {fd:?}"
        ));
    }
    let jv: Vec<f64> = (0..m)
        .map(|k| (0..n).map(|j| jac[[k, j]] * v[j]).sum())
        .collect();
    if let Err(e) = vec_close(&t, &jv, 1e-9) {
        errs.push(format!("jvp vs J v: {e}\n   jvp = {t:?}\n   J v = {jv:?}"));
    }
    if let Some(vjp) = vjp {
        let (gval, g) = vjp(x, &w);
        same_value("vjp", &gval, &mut errs);
        let wj: Vec<f64> = (0..n)
            .map(|j| (0..m).map(|k| w[k] * jac[[k, j]]).sum())
            .collect();
        if let Err(e) = vec_close(&g, &wj, 1e-9) {
            errs.push(format!(
                "vjp vs wᵀ J: {e}\n   vjp  = {g:?}\n   wᵀ J = {wj:?}"
            ));
        }
        let wf = |p: &[f64]| f(p).iter().zip(&w).map(|(a, b)| a * b).sum::<f64>();
        let fd = fd_grad(&wf, x, step);
        if let Err(e) = vec_close(&g, &fd, 1e-6) {
            errs.push(format!(
                "vjp vs FD of w · f: {e}\n   vjp = {g:?}\n   fd  = {fd:?}"
            ));
        }
    }
    if !errs.is_empty() {
        panic!("{name} at {x:?}:\n - {}", errs.join("\n - "));
    }
}

/// One slice parameter: `slice_case!(name, point, f, f_grad, f_jvp, f_hvp, f_check)`.
macro_rules! slice_case {
    ($name:expr, $x:expr, $f:ident, $g:ident, $j:ident, $h:ident, $c:ident) => {{
        let x: Vec<f64> = $x;
        verify(
            $name,
            &x,
            &|p| $f(p),
            &|p| $g(p),
            &|p, t| $j(p, t),
            Some(&|p, t| $h(p, t)),
            Some($c(&x)),
        );
    }};
}

/// Two scalar parameters.
macro_rules! s2_case {
    ($name:expr, $x:expr, $f:ident, $g:ident, $j:ident, $h:ident, $c:ident) => {{
        let x: [f64; 2] = $x;
        verify(
            $name,
            &x,
            &|p| $f(p[0], p[1]),
            &|p| {
                let (v, (a, b)) = $g(p[0], p[1]);
                (v, vec![a, b])
            },
            &|p, t| $j(p[0], p[1], t[0], t[1]),
            Some(&|p, t| {
                let (v, (a, b), (c, d)) = $h(p[0], p[1], t[0], t[1]);
                (v, vec![a, b], vec![c, d])
            }),
            Some($c(x[0], x[1])),
        );
    }};
}

/// Three scalar parameters.
macro_rules! s3_case {
    ($name:expr, $x:expr, $f:ident, $g:ident, $j:ident, $h:ident, $c:ident) => {{
        let x: [f64; 3] = $x;
        verify(
            $name,
            &x,
            &|p| $f(p[0], p[1], p[2]),
            &|p| {
                let (v, (a, b, c)) = $g(p[0], p[1], p[2]);
                (v, vec![a, b, c])
            },
            &|p, t| $j(p[0], p[1], p[2], t[0], t[1], t[2]),
            Some(&|p, t| {
                let (v, (a, b, c), (d, e, f)) = $h(p[0], p[1], p[2], t[0], t[1], t[2]);
                (v, vec![a, b, c], vec![d, e, f])
            }),
            Some($c(x[0], x[1], x[2])),
        );
    }};
}

/// One scalar parameter (the function's other arguments fixed by the closures).
pub fn scalar_n_case(
    name: &str,
    x: f64,
    f: &dyn Fn(f64) -> f64,
    g: &dyn Fn(f64) -> (f64, f64),
    j: &dyn Fn(f64, f64) -> (f64, f64),
    h: &dyn Fn(f64, f64) -> (f64, f64, f64),
    c: Result<(), Mismatch>,
) {
    verify(
        name,
        &[x],
        &|p| f(p[0]),
        &|p| {
            let (v, d) = g(p[0]);
            (v, vec![d])
        },
        &|p, t| j(p[0], t[0]),
        Some(&|p, t| {
            let (v, d, hv) = h(p[0], t[0]);
            (v, vec![d], vec![hv])
        }),
        Some(c),
    );
}

/// Two slice parameters, `x[..k]` and `x[k..]`.
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
pub fn two_slices(
    name: &str,
    x: &[f64],
    k: usize,
    f: &dyn Fn(&[f64], &[f64]) -> f64,
    g: &dyn Fn(&[f64], &[f64]) -> (f64, (Vec<f64>, Vec<f64>)),
    j: &dyn Fn(&[f64], &[f64], &[f64], &[f64]) -> (f64, f64),
    h: &dyn Fn(&[f64], &[f64], &[f64], &[f64]) -> (f64, (Vec<f64>, Vec<f64>), (Vec<f64>, Vec<f64>)),
    c: Option<Result<(), Mismatch>>,
) {
    verify(
        name,
        x,
        &|p| f(&p[..k], &p[k..]),
        &|p| {
            let (v, (mut a, b)) = g(&p[..k], &p[k..]);
            a.extend(b);
            (v, a)
        },
        &|p, t| j(&p[..k], &p[k..], &t[..k], &t[k..]),
        Some(&|p, t| {
            let (v, (mut a, b), (mut c, d)) = h(&p[..k], &p[k..], &t[..k], &t[k..]);
            a.extend(b);
            c.extend(d);
            (v, a, c)
        }),
        c,
    );
}

/// A slice parameter and a scalar: `x[..n-1]` and `x[n-1]`.
#[allow(clippy::type_complexity)]
pub fn slice_scalar(
    name: &str,
    x: &[f64],
    f: &dyn Fn(&[f64], f64) -> f64,
    g: &dyn Fn(&[f64], f64) -> (f64, (Vec<f64>, f64)),
    j: &dyn Fn(&[f64], f64, &[f64], f64) -> (f64, f64),
    h: &dyn Fn(&[f64], f64, &[f64], f64) -> (f64, (Vec<f64>, f64), (Vec<f64>, f64)),
    c: Option<Result<(), Mismatch>>,
) {
    let k = x.len() - 1;
    verify(
        name,
        x,
        &|p| f(&p[..k], p[k]),
        &|p| {
            let (v, (mut a, b)) = g(&p[..k], p[k]);
            a.push(b);
            (v, a)
        },
        &|p, t| j(&p[..k], p[k], &t[..k], t[k]),
        Some(&|p, t| {
            let (v, (mut a, b), (mut c, d)) = h(&p[..k], p[k], &t[..k], t[k]);
            a.push(b);
            c.push(d);
            (v, a, c)
        }),
        c,
    );
}

// ---- helpers brought in with the models, generic and edge-case programs ----

/// f32 result checked against the f64 one, loosely.
pub fn vec_close32(a: &[f32], b: &[f64], rtol: f64, what: &str) {
    assert_eq!(a.len(), b.len(), "{what}: lengths");
    let m = b.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    for i in 0..a.len() {
        let tol = rtol * b[i].abs().max(1e-2 * m).max(1e-6);
        assert!(
            ((a[i] as f64) - b[i]).abs() <= tol,
            "{what}[{i}]: f32 {} vs f64 {}",
            a[i],
            b[i]
        );
    }
}

/// A struct of differentiated fields flattened to a point and rebuilt from one (the
/// non-differentiated fields taken from `self`).
pub trait Flat: Sized + Clone {
    fn flat(&self) -> Vec<f64>;
    fn unflat(&self, v: &[f64]) -> Self;
}

/// [`verify`] for a function of one struct, through its [`Flat`] view.
#[allow(clippy::type_complexity)]
pub fn verify_struct<P: Flat>(
    name: &str,
    p: &P,
    f: &dyn Fn(&P) -> f64,
    grad: &dyn Fn(&P) -> (f64, P),
    jvp: &dyn Fn(&P, &P) -> (f64, f64),
    hvp: Option<&dyn Fn(&P, &P) -> (f64, P, P)>,
) {
    let x = p.flat();
    let hv_c = hvp.map(|h| {
        move |q: &[f64], t: &[f64]| {
            let (v, g, hv) = h(&p.unflat(q), &p.unflat(t));
            (v, g.flat(), hv.flat())
        }
    });
    verify(
        name,
        &x,
        &|q| f(&p.unflat(q)),
        &|q| {
            let (v, g) = grad(&p.unflat(q));
            (v, g.flat())
        },
        &|q, t| jvp(&p.unflat(q), &p.unflat(t)),
        hv_c.as_ref().map(|c| c as H),
        None,
    );
}

/// One slice parameter and fixed extra arguments:
/// `slice_extra_case!(name, point, f, f_grad, f_jvp, f_hvp, f_check, extra...)`.
macro_rules! slice_extra_case {
    ($name:expr, $x:expr, $f:ident, $g:ident, $j:ident, $h:ident, $c:ident $(, $extra:expr)*) => {{
        let x: Vec<f64> = $x;
        verify(
            $name,
            &x,
            &|p| $f(p $(, $extra)*),
            &|p| $g(p $(, $extra)*),
            &|p, t| $j(p $(, $extra)*, t),
            Some(&|p, t| $h(p $(, $extra)*, t)),
            Some($c(&x $(, $extra)*)),
        );
    }};
}

/// Row-major `r × c` array from a flat slice.
pub fn arr2(v: &[f64], r: usize, c: usize) -> Array2<f64> {
    Array2::from_shape_vec((r, c), v.to_vec()).unwrap()
}
/// Array from a slice.
pub fn arr1(v: &[f64]) -> Array1<f64> {
    Array1::from_vec(v.to_vec())
}
/// An array's elements in logical order.
pub fn flat_of<D: ad_runtime::ndarray::Dimension>(
    a: &ad_runtime::ndarray::Array<f64, D>,
) -> Vec<f64> {
    a.iter().copied().collect()
}
/// `n` deterministic values in (-0.8, 0.8).
pub fn det_vals(n: usize, seed: f64) -> Vec<f64> {
    (0..n)
        .map(|i| ((i as f64 + 1.0) * seed).sin() * 0.8)
        .collect()
}
/// Concatenation of flat parts.
pub fn cat(parts: &[Vec<f64>]) -> Vec<f64> {
    parts.iter().flatten().copied().collect()
}

/// `f_grad` of three scalars.
pub type S3G = (f64, (f64, f64, f64));
/// `f_hvp` of three scalars.
pub type S3H = (f64, (f64, f64, f64), (f64, f64, f64));
/// Three scalar parameters, through function references (several points per test).
#[allow(clippy::too_many_arguments)]
pub fn s3_case_fn(
    name: &str,
    x: [f64; 3],
    f: &dyn Fn(f64, f64, f64) -> f64,
    g: &dyn Fn(f64, f64, f64) -> S3G,
    j: &dyn Fn(f64, f64, f64, f64, f64, f64) -> (f64, f64),
    h: &dyn Fn(f64, f64, f64, f64, f64, f64) -> S3H,
    c: Result<(), ad_runtime::check::Mismatch>,
) {
    verify(
        name,
        &x,
        &|p| f(p[0], p[1], p[2]),
        &|p| {
            let (v, (a, b, c)) = g(p[0], p[1], p[2]);
            (v, vec![a, b, c])
        },
        &|p, t| j(p[0], p[1], p[2], t[0], t[1], t[2]),
        Some(&|p, t| {
            let (v, (a, b, c), (d, e, ff)) = h(p[0], p[1], p[2], t[0], t[1], t[2]);
            (v, vec![a, b, c], vec![d, e, ff])
        }),
        Some(c),
    );
}

/// One scalar parameter, the Hessian–vector product and `f_check` optional.
pub fn scalar_case(
    name: &str,
    x: f64,
    f: &dyn Fn(f64) -> f64,
    g: &dyn Fn(f64) -> (f64, f64),
    j: &dyn Fn(f64, f64) -> (f64, f64),
    h: Option<&dyn Fn(f64, f64) -> (f64, f64, f64)>,
    c: Option<Result<(), Mismatch>>,
) {
    let hh = h.map(|h| {
        move |p: &[f64], t: &[f64]| {
            let (v, d, hv) = h(p[0], t[0]);
            (v, vec![d], vec![hv])
        }
    });
    verify(
        name,
        &[x],
        &|p| f(p[0]),
        &|p| {
            let (v, d) = g(p[0]);
            (v, vec![d])
        },
        &|p, t| j(p[0], t[0]),
        hh.as_ref()
            .map(|c| c as &dyn Fn(&[f64], &[f64]) -> (f64, Vec<f64>, Vec<f64>)),
        c,
    );
}

/// A slice and a scalar, `x[..n-1]` and `x[n-1]`, with `f_hvp` and `f_check`.
macro_rules! slice_scalar_case {
    ($name:expr, $x:expr, $f:ident, $g:ident, $j:ident, $h:ident, $c:ident) => {{
        let x: Vec<f64> = $x;
        let k = x.len() - 1;
        verify(
            $name,
            &x,
            &|p| $f(&p[..k], p[k]),
            &|p| {
                let (v, (mut a, b)) = $g(&p[..k], p[k]);
                a.push(b);
                (v, a)
            },
            &|p, t| $j(&p[..k], p[k], &t[..k], t[k]),
            Some(&|p, t| {
                let (v, (mut a, b), (mut c, d)) = $h(&p[..k], p[k], &t[..k], t[k]);
                a.push(b);
                c.push(d);
                (v, a, c)
            }),
            Some($c(&x[..k], x[k])),
        );
    }};
}
/// Two slices, `x[..k]` and `x[k..]`, with `f_hvp` and `f_check`.
macro_rules! two_slices_case {
    ($name:expr, $x:expr, $kk:expr, $f:ident, $g:ident, $j:ident, $h:ident, $c:ident) => {{
        let x: Vec<f64> = $x;
        let k: usize = $kk;
        verify(
            $name,
            &x,
            &|p| $f(&p[..k], &p[k..]),
            &|p| {
                let (v, (mut a, b)) = $g(&p[..k], &p[k..]);
                a.extend(b);
                (v, a)
            },
            &|p, t| $j(&p[..k], &p[k..], &t[..k], &t[k..]),
            Some(&|p, t| {
                let (v, (mut a, b), (mut c, d)) = $h(&p[..k], &p[k..], &t[..k], &t[k..]);
                a.extend(b);
                c.extend(d);
                (v, a, c)
            }),
            Some($c(&x[..k], &x[k..])),
        );
    }};
}
/// `|a - b| <= rtol * max(|b|, 1e-9) + 1e-12`.
pub fn close(a: f64, b: f64, rtol: f64) -> bool {
    (a - b).abs() <= rtol * b.abs().max(1e-9) + 1e-12
}
/// An `f32` result against its `f64` twin: `|a - b| <= rtol * max(|b|, 1e-3)`.
pub fn close32(a: f32, b: f64, rtol: f64) -> bool {
    (a as f64 - b).abs() <= rtol * b.abs().max(1e-3)
}
