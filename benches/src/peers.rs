//! The same functions differentiated by other Rust AD crates, for `src/bin/scaling.rs` and
//! `src/bin/memory.rs`.
//!
//! Each peer gets the function written out in its own scalar type, with the same operations
//! in the same order as the `#[differentiable]` original, and is called the way its
//! documentation shows:
//!
//! | peer | mode | how the gradient is taken |
//! | --- | --- | --- |
//! | [`num_dual`] 0.15 | forward, dual numbers | `n` forward passes with `Dual64`, one per input (seed `eps = 1` on `x[i]`) |
//! | [`echidna`] 0.15 | reverse, runtime tape | `echidna::vjp(f, x, &[1.0])` (value and gradient; `echidna::grad` gives only the gradient); Adept-style tape in a thread-local pool that is reused across calls |
//! | [`reverse`] 0.2 | reverse, runtime tape | a fresh `Tape::new()` per call, `add_vars`, `result.grad().wrt(&vars)` |
//! | [`RustQuant_autodiff`] 0.4 | reverse, runtime tape | a fresh `Graph::new()` per call, `vars`, `result.accumulate().wrt(&vars)` |
//!
//! num-dual also has a one-pass `num_dual::gradient` helper, but only with its `nalgebra`
//! feature and, for a run-time `n`, with `DualDVec64` (a heap-allocated derivative vector
//! of length `n` carried by every intermediate): still `O(n)` work per operation, so the same
//! `O(n²)` total as `n` scalar passes, plus an allocation per operation. We use the `n`
//! scalar passes, the cheapest forward-mode gradient num-dual offers at run-time size.

use num_dual::{Dual64, DualNum};
use num_traits::Float as _;

// ---------------------------------------------------------------------------------------------
// Rosenbrock
// ---------------------------------------------------------------------------------------------

/// [`crate::rosen`] on dual numbers. num-dual has no `f64 op Dual` impls, so constants go on
/// the right; `a * 100.0 * a` and `-x + 1.0` round exactly like `100.0 * a * a` and `1.0 - x`.
fn rosen_dual(x: &[Dual64]) -> Dual64 {
    let mut s = Dual64::from_re(0.0);
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = -x[i] + 1.0;
        s += a * 100.0 * a + b * b;
    }
    s
}

/// Forward-mode gradient of [`crate::rosen`]: `n` passes of [`rosen_dual`], the `i`-th seeded
/// with `eps = 1` on `x[i]`. `O(n)` primal evaluations.
pub fn rosen_grad_num_dual(x: &[f64]) -> (f64, Vec<f64>) {
    let mut xd: Vec<Dual64> = x.iter().map(|&v| Dual64::from_re(v)).collect();
    let mut g = vec![0.0; x.len()];
    let mut value = 0.0;
    for i in 0..x.len() {
        xd[i].eps = 1.0;
        let r = rosen_dual(&xd);
        xd[i].eps = 0.0;
        value = r.re;
        g[i] = r.eps;
    }
    (value, g)
}

/// [`crate::rosen`] on echidna's reverse-mode scalar.
fn rosen_echidna(x: &[echidna::Reverse<f64>]) -> echidna::Reverse<f64> {
    let mut s = echidna::Reverse::constant(0.0);
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

/// Value and gradient of [`crate::rosen`] with echidna.
pub fn rosen_grad_echidna(x: &[f64]) -> (f64, Vec<f64>) {
    let (v, g) = echidna::vjp(|x| vec![rosen_echidna(x)], x, &[1.0]);
    (v[0], g)
}

/// [`crate::rosen`] on `reverse`'s tape variables.
fn rosen_reverse<'t>(x: &[reverse::Var<'t>]) -> reverse::Var<'t> {
    // `reverse` has no `AddAssign`; `s = s + t` records the same node.
    let mut s = x[0].tape.add_var(0.0);
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s = s + (100.0 * a * a + b * b);
    }
    s
}

/// Value and gradient of [`crate::rosen`] with the `reverse` crate.
pub fn rosen_grad_reverse(x: &[f64]) -> (f64, Vec<f64>) {
    use reverse::Gradient as _;
    let tape = reverse::Tape::new();
    let vars = tape.add_vars(x);
    let r = rosen_reverse(&vars);
    let g = r.grad().wrt(&vars);
    (r.val(), g)
}

/// [`crate::rosen`] on RustQuant's graph variables.
fn rosen_rustquant<'g>(
    graph: &'g RustQuant_autodiff::Graph,
    x: &[RustQuant_autodiff::Variable<'g>],
) -> RustQuant_autodiff::Variable<'g> {
    let mut s = graph.var(0.0);
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

/// Value and gradient of [`crate::rosen`] with RustQuant_autodiff.
pub fn rosen_grad_rustquant(x: &[f64]) -> (f64, Vec<f64>) {
    use RustQuant_autodiff::{Accumulate as _, Gradient as _};
    let graph = RustQuant_autodiff::Graph::new();
    let vars = graph.vars(x);
    let r = rosen_rustquant(&graph, &vars);
    let g = r.accumulate().wrt(&vars);
    (r.value(), g)
}

// ---------------------------------------------------------------------------------------------
// The long loop of `src/bin/memory.rs`: y <- sin(y a) + x, n times, from y = x.
// ---------------------------------------------------------------------------------------------

/// Value and gradient `(d/dx, d/da)` of [`crate::long_loop`] with echidna.
pub fn long_loop_grad_echidna(x: f64, a: f64, n: usize) -> (f64, (f64, f64)) {
    let (v, g) = echidna::vjp(
        |p| {
            let (x, a) = (p[0], p[1]);
            let mut y = x;
            for _ in 0..n {
                y = (y * a).sin() + x;
            }
            vec![y]
        },
        &[x, a],
        &[1.0],
    );
    (v[0], (g[0], g[1]))
}

/// Value and gradient of [`crate::long_loop`] with the `reverse` crate.
pub fn long_loop_grad_reverse(x: f64, a: f64, n: usize) -> (f64, (f64, f64)) {
    use reverse::Gradient as _;
    let tape = reverse::Tape::new();
    let (xv, av) = (tape.add_var(x), tape.add_var(a));
    let mut y = xv;
    for _ in 0..n {
        y = (y * av).sin() + xv;
    }
    let g = y.grad();
    (y.val(), (g.wrt(&xv), g.wrt(&av)))
}

/// Value and gradient of [`crate::long_loop`] with RustQuant_autodiff.
pub fn long_loop_grad_rustquant(x: f64, a: f64, n: usize) -> (f64, (f64, f64)) {
    use RustQuant_autodiff::{Accumulate as _, Gradient as _};
    let graph = RustQuant_autodiff::Graph::new();
    let (xv, av) = (graph.var(x), graph.var(a));
    let mut y = xv;
    for _ in 0..n {
        y = (y * av).sin() + xv;
    }
    let g = y.accumulate();
    (y.value(), (g.wrt(&xv), g.wrt(&av)))
}

/// Value and gradient of [`crate::long_loop`] by forward mode: two passes of `Dual64`
/// (only two inputs, so forward mode is cheap here and needs no tape at all).
pub fn long_loop_grad_num_dual(x: f64, a: f64, n: usize) -> (f64, (f64, f64)) {
    let run = |x: Dual64, a: Dual64| {
        let mut y = x;
        for _ in 0..n {
            y = (y * a).sin() + x;
        }
        y
    };
    let dx = run(Dual64::new(x, 1.0), Dual64::from_re(a));
    let da = run(Dual64::from_re(x), Dual64::new(a, 1.0));
    (dx.re, (dx.eps, da.eps))
}
