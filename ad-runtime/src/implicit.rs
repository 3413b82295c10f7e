//! Implicit differentiation: derivatives of a solution `x*(θ)` defined by `F(x*, θ) = 0`,
//! without differentiating the solver that found it.
//!
//! By the implicit function theorem, `∂F/∂x · dx* + ∂F/∂θ · dθ = 0`. So, with `J = ∂F/∂x`
//! at the solution:
//! - reverse mode ([`implicit_vjp`]): a loss `L(x*)` with gradient `ḡ = ∂L/∂x*` has
//!   `∂L/∂θ = -(∂F/∂θ)ᵀ λ` where `Jᵀ λ = ḡ`: one linear solve with `Jᵀ`, then one
//!   vector–Jacobian product with `∂F/∂θ`;
//! - forward mode ([`implicit_jvp`]): `dx* = -J⁻¹ (∂F/∂θ · θ̇)`.
//!
//! `F` is the user's `#[differentiable]` function (`fn residual(x: &[f64], θ: ..) -> Vec<f64>`);
//! its generated `residual_vjp` supplies both products `w ↦ (wᵀ ∂F/∂x, wᵀ ∂F/∂θ)` in one
//! call, and `residual_jvp` the products `J v`. The user supplies the solver for `x*`.
//!
//! The linear solve ([`Solver`]): `Dense` builds `J` (or `Jᵀ`) from `n` products with unit
//! vectors and runs Gaussian elimination with partial pivoting (for small `x`: `n` products
//! and `O(n³)` flops); `Iterative` runs BiCGSTAB on the products themselves (matrix-free, for
//! large `x`: a few products per iteration). A singular `J`, or an iteration that does not
//! reach its tolerance, is an [`ImplicitError`], never a NaN.

/// How the linear system with `J = ∂F/∂x` is solved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Solver {
    /// `J` built column by column from products with unit vectors, then Gaussian elimination
    /// with partial pivoting. For small `x` (a few hundred unknowns).
    Dense,
    /// BiCGSTAB on the products (matrix-free): stops when the residual is below `tol` times
    /// the right-hand side's norm, fails after `max_iter` iterations.
    Iterative {
        /// Relative tolerance of the residual.
        tol: f64,
        /// Iteration limit.
        max_iter: usize,
    },
}

/// Why an implicit derivative could not be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum ImplicitError {
    /// `∂F/∂x` is singular (or numerically so) at the point: the solution is not a smooth
    /// function of `θ` there.
    Singular,
    /// The iterative solver stopped at its iteration limit with this relative residual.
    NotConverged {
        /// Iterations run.
        iterations: usize,
        /// `|r| / |b|` at the end.
        residual: f64,
    },
}

impl core::fmt::Display for ImplicitError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ImplicitError::Singular => write!(f, "∂F/∂x is singular at the solution"),
            ImplicitError::NotConverged {
                iterations,
                residual,
            } => write!(
                f,
                "the linear solve did not converge in {iterations} iterations (relative residual {residual:e})"
            ),
        }
    }
}

impl std::error::Error for ImplicitError {}

/// Reverse mode through `x*(θ)`: given `g = ∂L/∂x*`, returns `∂L/∂θ = -(∂F/∂θ)ᵀ λ` with
/// `Jᵀ λ = g`. `vjp(w)` returns `(wᵀ ∂F/∂x, wᵀ ∂F/∂θ)` (flattened), at the solution: with a
/// `#[differentiable(wrt(x, theta))] fn residual(x, theta, ..) -> Vec<f64>`, it is
/// `|w| { let (_, (gx, gt)) = residual_vjp(&x, &theta, .., w.to_vec()); (gx, gt) }`.
pub fn implicit_vjp(
    g: &[f64],
    vjp: impl Fn(&[f64]) -> (Vec<f64>, Vec<f64>),
    solver: Solver,
) -> Result<Vec<f64>, ImplicitError> {
    let lambda = solve(g.len(), &|w: &[f64]| vjp(w).0, g, solver)?;
    Ok(vjp(&lambda).1.iter().map(|v| -v).collect())
}

/// Forward mode through `x*(θ)`: the tangent `dx* = -J⁻¹ r` of the solution, where
/// `r = ∂F/∂θ · θ̇` (the residual's JVP along `θ̇` with `x` held) and `jvp_x(v) = J v` (the
/// residual's JVP along `v` with `θ` held).
pub fn implicit_jvp(
    jvp_x: impl Fn(&[f64]) -> Vec<f64>,
    r: &[f64],
    solver: Solver,
) -> Result<Vec<f64>, ImplicitError> {
    let minus: Vec<f64> = r.iter().map(|v| -v).collect();
    solve(r.len(), &jvp_x, &minus, solver)
}

/// Solves `A x = b` for the operator `a(v) = A v` of size `n`.
pub fn solve(
    n: usize,
    a: &dyn Fn(&[f64]) -> Vec<f64>,
    b: &[f64],
    solver: Solver,
) -> Result<Vec<f64>, ImplicitError> {
    match solver {
        Solver::Dense => dense(n, a, b),
        Solver::Iterative { tol, max_iter } => bicgstab(a, b, tol, max_iter),
    }
}

fn dense(n: usize, a: &dyn Fn(&[f64]) -> Vec<f64>, b: &[f64]) -> Result<Vec<f64>, ImplicitError> {
    // Column j of A is A e_j; stored row-major with the right-hand side appended.
    let mut m = vec![0.0; n * (n + 1)];
    let mut e = vec![0.0; n];
    for j in 0..n {
        e[j] = 1.0;
        let col = a(&e);
        e[j] = 0.0;
        for i in 0..n {
            m[i * (n + 1) + j] = col[i];
        }
    }
    for i in 0..n {
        m[i * (n + 1) + n] = b[i];
    }
    let scale = m
        .iter()
        .fold(0.0f64, |s, v| s.max(v.abs()))
        .max(f64::MIN_POSITIVE);
    let w = n + 1;
    for k in 0..n {
        let p = (k..n)
            .max_by(|&i, &j| m[i * w + k].abs().total_cmp(&m[j * w + k].abs()))
            .unwrap_or(k);
        if !(m[p * w + k].abs() > 1e-13 * scale) {
            return Err(ImplicitError::Singular);
        }
        if p != k {
            for c in 0..w {
                m.swap(k * w + c, p * w + c);
            }
        }
        for i in k + 1..n {
            let f = m[i * w + k] / m[k * w + k];
            if f != 0.0 {
                for c in k..w {
                    m[i * w + c] -= f * m[k * w + c];
                }
            }
        }
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|c| m[i * w + c] * x[c]).sum();
        x[i] = (m[i * w + n] - s) / m[i * w + i];
    }
    Ok(x)
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// BiCGSTAB (van der Vorst 1992), unpreconditioned.
fn bicgstab(
    a: &dyn Fn(&[f64]) -> Vec<f64>,
    b: &[f64],
    tol: f64,
    max_iter: usize,
) -> Result<Vec<f64>, ImplicitError> {
    let n = b.len();
    let bn = dot(b, b).sqrt();
    let mut x = vec![0.0; n];
    if bn == 0.0 {
        return Ok(x);
    }
    let mut r = b.to_vec();
    let r0 = r.clone();
    let (mut rho, mut alpha, mut omega) = (1.0, 1.0, 1.0);
    let mut v = vec![0.0; n];
    let mut p = vec![0.0; n];
    for it in 1..=max_iter {
        let rho_new = dot(&r0, &r);
        if rho_new == 0.0 || omega == 0.0 {
            return Err(ImplicitError::Singular);
        }
        let beta = (rho_new / rho) * (alpha / omega);
        rho = rho_new;
        for i in 0..n {
            p[i] = r[i] + beta * (p[i] - omega * v[i]);
        }
        v = a(&p);
        let r0v = dot(&r0, &v);
        if r0v == 0.0 {
            return Err(ImplicitError::Singular);
        }
        alpha = rho / r0v;
        let s: Vec<f64> = (0..n).map(|i| r[i] - alpha * v[i]).collect();
        if dot(&s, &s).sqrt() <= tol * bn {
            for i in 0..n {
                x[i] += alpha * p[i];
            }
            return Ok(x);
        }
        let t = a(&s);
        let tt = dot(&t, &t);
        omega = if tt == 0.0 { 0.0 } else { dot(&t, &s) / tt };
        for i in 0..n {
            x[i] += alpha * p[i] + omega * s[i];
            r[i] = s[i] - omega * t[i];
        }
        let res = dot(&r, &r).sqrt() / bn;
        if !res.is_finite() {
            return Err(ImplicitError::NotConverged {
                iterations: it,
                residual: res,
            });
        }
        if res <= tol {
            return Ok(x);
        }
    }
    Err(ImplicitError::NotConverged {
        iterations: max_iter,
        residual: dot(&r, &r).sqrt() / bn,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed non-symmetric matrix and its transpose as operators.
    fn op(m: &[[f64; 3]; 3], t: bool) -> impl Fn(&[f64]) -> Vec<f64> + '_ {
        move |v: &[f64]| {
            (0..3)
                .map(|i| {
                    (0..3)
                        .map(|j| if t { m[j][i] } else { m[i][j] } * v[j])
                        .sum()
                })
                .collect()
        }
    }

    #[test]
    fn dense_and_iterative_solve_the_same_system() {
        let m = [[4.0, 1.0, -1.0], [2.0, 5.0, 0.5], [-1.0, 0.3, 3.0]];
        let b = [1.0, -2.0, 0.5];
        for t in [false, true] {
            let a = op(&m, t);
            let x = solve(3, &a, &b, Solver::Dense).unwrap();
            let y = solve(
                3,
                &a,
                &b,
                Solver::Iterative {
                    tol: 1e-12,
                    max_iter: 100,
                },
            )
            .unwrap();
            let ax = a(&x);
            for i in 0..3 {
                assert!((ax[i] - b[i]).abs() < 1e-12);
                assert!((x[i] - y[i]).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn singular_and_non_convergent_systems_are_errors() {
        let m = [[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [0.0, 1.0, 1.0]];
        assert_eq!(
            solve(3, &op(&m, false), &[1.0, 0.0, 0.0], Solver::Dense),
            Err(ImplicitError::Singular)
        );
        let hard = [[1.0, 0.0, 0.0], [0.0, 1e-9, 1.0], [0.0, -1.0, 1e-9]];
        let r = solve(
            3,
            &op(&hard, false),
            &[1.0, 1.0, 1.0],
            Solver::Iterative {
                tol: 1e-14,
                max_iter: 1,
            },
        );
        assert!(
            matches!(r, Err(ImplicitError::NotConverged { iterations: 1, .. })),
            "{r:?}"
        );
    }
}
