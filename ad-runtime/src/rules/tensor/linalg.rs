//! Products and transposes: `a.dot(&b)` for vector·vector, matrix·vector, vector·matrix and
//! matrix·matrix (any layout, transposed views included), `a.t()`, `a.reversed_axes()`.
//!
//! Every cotangent is one matrix or vector product (ndarray's `dot`, which calls the
//! `matrixmultiply` kernels for matrix·matrix) or an outer product; no Jacobian is formed.

use super::value::{CotRef, Cotangent, DynCot, TensorFloat, Value};
use crate::traits::Zero;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, ArrayViewD, Axis, Ix1, Ix2};

/// A 1-D or 2-D view of a `dot` operand or cotangent.
fn as_1d<'a, F>(a: ArrayViewD<'a, F>, what: &str) -> ArrayView1<'a, F> {
    a.into_dimensionality::<Ix1>()
        .unwrap_or_else(|_| panic!("dot: {what} must be 1-dimensional"))
}
fn as_2d<'a, F>(a: ArrayViewD<'a, F>, what: &str) -> ArrayView2<'a, F> {
    a.into_dimensionality::<Ix2>()
        .unwrap_or_else(|_| panic!("dot: {what} must be 2-dimensional"))
}

/// `u vᵀ` through the matrix product kernel (`m×1 · 1×n`).
fn outer<F: TensorFloat>(u: ArrayView1<'_, F>, v: ArrayView1<'_, F>) -> Array2<F> {
    u.insert_axis(Axis(1)).dot(&v.insert_axis(Axis(0)))
}

/// `m x` for a matrix of any layout, reading `m` in memory order: dot products of rows when
/// rows are contiguous (ndarray's `dot`), `Σⱼ xⱼ m[:, j]` when columns are (a transposed
/// view), so that `aᵀ g` of a row-major `a` streams `a` once instead of striding through it.
fn mat_vec<F: TensorFloat>(m: ArrayView2<'_, F>, x: ArrayView1<'_, F>) -> Array1<F> {
    let (rows, cols) = m.dim();
    let column_major = m.strides()[0] == 1 && m.strides()[1] != 1 && rows > 1 && cols > 1;
    if !column_major {
        return m.dot(&x);
    }
    assert_eq!(
        cols,
        x.len(),
        "dot: shapes {:?} and {:?} do not match",
        m.shape(),
        x.shape()
    );
    let mut out = Array1::zeros(rows);
    for (col, &xj) in m.columns().into_iter().zip(x) {
        out.scaled_add(xj, &col);
    }
    out
}

/// A `dot` result's cotangent read as a scalar (the cotangent of a vector·vector product).
#[track_caller]
fn scalar_of<F: TensorFloat>(g: ArrayViewD<'_, F>) -> F {
    assert!(
        g.len() == 1,
        "dot of vectors: expected a scalar cotangent, got an array of shape {:?}",
        g.shape()
    );
    g.iter().next().copied().expect("one element")
}

// ---------------------------------------------------------------------------------------
// y = a · b
//   1·1: y = Σ aᵢbᵢ;   ā += ȳ b;      b̄ += ȳ a
//   2·1: y = A b;      Ā += ȳ ⊗ b;    b̄ += Aᵀ ȳ
//   1·2: y = Bᵀ a;     ā += B ȳ;      B̄ += a ⊗ ȳ
//   2·2: Y = A B;      Ā += Ȳ Bᵀ;     B̄ += Aᵀ Ȳ
/// `a.dot(&b)`, cotangent of `a` (1-D or 2-D `a` and `b`, any layout).
#[inline]
#[track_caller]
pub fn dot_d0<A, B, G>(a: &A, b: &B, g: G) -> A::Tangent
where
    A: Value + ?Sized,
    B: Value<Elem = A::Elem> + ?Sized,
    G: CotRef<Elem = A::Elem>,
{
    let Some(g) = g.cot_view() else {
        return A::Tangent::zero();
    };
    let (av, bv) = (a.dyn_val(), b.dyn_val());
    let (av, bv) = (av.expect_array("dot"), bv.expect_array("dot"));
    let c = match (av.ndim(), bv.ndim()) {
        (1, 1) => {
            let g = scalar_of(g);
            as_1d(bv, "b").mapv(|b| g * b).into_dyn()
        }
        (2, 1) => outer(as_1d(g, "the cotangent"), as_1d(bv, "b")).into_dyn(),
        (1, 2) => mat_vec(as_2d(bv, "b"), as_1d(g, "the cotangent")).into_dyn(),
        (2, 2) => {
            <A::Elem as TensorFloat>::mat_mul(as_2d(g, "the cotangent"), as_2d(bv, "b").t())
                .into_dyn()
        }
        (m, n) => panic!("dot: unsupported operand dimensions {m} and {n}"),
    };
    a.project(DynCot::Array(c))
}

/// `a.dot(&b)`, cotangent of `b` (1-D or 2-D `a` and `b`, any layout).
#[inline]
#[track_caller]
pub fn dot_d1<A, B, G>(a: &A, b: &B, g: G) -> B::Tangent
where
    A: Value + ?Sized,
    B: Value<Elem = A::Elem> + ?Sized,
    G: CotRef<Elem = A::Elem>,
{
    let Some(g) = g.cot_view() else {
        return B::Tangent::zero();
    };
    let (av, bv) = (a.dyn_val(), b.dyn_val());
    let (av, bv) = (av.expect_array("dot"), bv.expect_array("dot"));
    let c = match (av.ndim(), bv.ndim()) {
        (1, 1) => {
            let g = scalar_of(g);
            as_1d(av, "a").mapv(|a| a * g).into_dyn()
        }
        (2, 1) => mat_vec(as_2d(av, "a").t(), as_1d(g, "the cotangent")).into_dyn(),
        (1, 2) => outer(as_1d(av, "a"), as_1d(g, "the cotangent")).into_dyn(),
        (2, 2) => {
            <A::Elem as TensorFloat>::mat_mul(as_2d(av, "a").t(), as_2d(g, "the cotangent"))
                .into_dyn()
        }
        (m, n) => panic!("dot: unsupported operand dimensions {m} and {n}"),
    };
    b.project(DynCot::Array(c))
}

// ---------------------------------------------------------------------------------------
// y = aᵀ (axes reversed);  ā += ȳᵀ   (O(1): only the strides change)
/// `a.t()`, cotangent of `a`: `g` with its axes reversed.
#[inline]
pub fn t_d0<G: Cotangent>(g: G) -> G {
    reversed_axes_d0(g)
}
/// `a.reversed_axes()`, cotangent of `a`: `g` with its axes reversed.
#[inline]
pub fn reversed_axes_d0<G: Cotangent>(g: G) -> G {
    match g.into_dyn_cot() {
        DynCot::Array(a) => G::from_dyn_cot(DynCot::Array(a.reversed_axes())),
        c => G::from_dyn_cot(c),
    }
}
