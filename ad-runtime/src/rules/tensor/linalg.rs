//! Products and transposes: `a.dot(&b)` for vector·vector, matrix·vector, vector·matrix and
//! matrix·matrix (any layout, transposed views included), `a.t()`, `a.reversed_axes()`.
//!
//! Every cotangent is one matrix or vector product (ndarray's `dot`, which calls the
//! `matrixmultiply` kernels for matrix·matrix) or an outer product; no Jacobian is formed.

use super::cotangent::{CotRef, Cotangent};
use super::value::{ArrayValue, DynCot, TensorFloat, Value};
use crate::traits::Zero;
use ndarray::{Array, Array1, Array2, ArrayView1, ArrayView2, ArrayViewD, ArrayViewMut2, Ix1, Ix2};

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
    // Row-major by construction (a product of an `(n, 1)` and a `(1, m)` view may come back
    // column-major, and then every later in-place update would take the slow path).
    let mut o = Array2::zeros((u.len(), v.len()));
    add_outer(o.view_mut(), u, v);
    o
}

/// `d += u vᵀ`, with plain slices when `d` is row-major and `v` contiguous (the usual case:
/// each row's update vectorises without `scaled_add`'s per-row shape and layout checks, which
/// cost more than the update for the small matrices of a recurrent cell).
fn add_outer<F: TensorFloat>(
    mut d: ArrayViewMut2<'_, F>,
    u: ArrayView1<'_, F>,
    v: ArrayView1<'_, F>,
) {
    if let (Some(ds), Some(vs), Some(us)) = (d.as_slice_mut(), v.as_slice(), u.as_slice()) {
        super::kernels::rank1(ds, us, vs);
        return;
    }
    for (mut row, &ui) in d.rows_mut().into_iter().zip(u) {
        row.scaled_add(ui, &v);
    }
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
    let os = out.as_slice_mut().expect("a new vector is contiguous");
    // `m = wᵀ` of a row-major `w`: its columns are `w`'s rows, one slice in memory order.
    if let (Some(ws), Some(xs)) = (m.t().to_slice(), x.as_slice()) {
        super::kernels::gemv_t(os, ws, xs);
        return out;
    }
    for (col, &xj) in m.columns().into_iter().zip(x) {
        match col.as_slice() {
            // Plain slices: `scaled_add`'s shape and layout checks per column cost more
            // than the update for the 32-wide columns of a recurrent cell's `wᵀ g`.
            Some(cs) => os.iter_mut().zip(cs).for_each(|(o, &c)| *o += xj * c),
            None => os.iter_mut().zip(col).for_each(|(o, &c)| *o += xj * c),
        }
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
/// [`dot_d0`] of the shapes whose cotangent is a product of views with static dimension
/// types (matrix·matrix, vector·matrix): no dynamic dimensions made, which for the vectors
/// of a recurrent cell cost more than the product. `None`: the general path.
#[inline]
#[track_caller]
fn dot_d0_typed<A, B, G>(a: &A, b: &B, g: &G) -> Option<A::Tangent>
where
    A: Value + ?Sized,
    B: Value<Elem = A::Elem> + ?Sized,
    G: CotRef<Elem = A::Elem>,
{
    let bv = b.view_as::<Ix2>()?;
    if let Some(g) = g.cot_view_as::<Ix2>() {
        a.view_as::<Ix2>()?;
        return Some(a.project_g(<A::Elem as TensorFloat>::mat_mul(g, bv.t())));
    }
    let g = g.cot_view_as::<Ix1>()?;
    a.view_as::<Ix1>()?;
    Some(a.project_g(mat_vec(bv, g)))
}

/// [`dot_d1`] of matrix·matrix and matrix·vector products (see [`dot_d0_typed`]).
#[inline]
#[track_caller]
fn dot_d1_typed<A, B, G>(a: &A, b: &B, g: &G) -> Option<B::Tangent>
where
    A: Value + ?Sized,
    B: Value<Elem = A::Elem> + ?Sized,
    G: CotRef<Elem = A::Elem>,
{
    let av = a.view_as::<Ix2>()?;
    if let Some(g) = g.cot_view_as::<Ix2>() {
        b.view_as::<Ix2>()?;
        return Some(b.project_g(<A::Elem as TensorFloat>::mat_mul(av.t(), g)));
    }
    let g = g.cot_view_as::<Ix1>()?;
    b.view_as::<Ix1>()?;
    Some(b.project_g(mat_vec(av.t(), g)))
}

/// `a.dot(&b)`, cotangent of `a` (1-D or 2-D `a` and `b`, any layout).
#[inline]
#[track_caller]
pub fn dot_d0<A, B, G>(a: &A, b: &B, g: G) -> A::Tangent
where
    A: Value + ?Sized,
    B: Value<Elem = A::Elem> + ?Sized,
    G: CotRef<Elem = A::Elem>,
{
    if let Some(c) = dot_d0_typed(a, b, &g) {
        return c;
    }
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
        (2, 2) => <A::Elem as TensorFloat>::mat_mul(as_2d(g, "the cotangent"), as_2d(bv, "b").t())
            .into_dyn(),
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
    if let Some(c) = dot_d1_typed(a, b, &g) {
        return c;
    }
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
        (2, 2) => <A::Elem as TensorFloat>::mat_mul(as_2d(av, "a").t(), as_2d(g, "the cotangent"))
            .into_dyn(),
        (m, n) => panic!("dot: unsupported operand dimensions {m} and {n}"),
    };
    b.project(DynCot::Array(c))
}

/// `d += u vᵀ` in place (a rank-1 update of a 2-D adjoint; the first contribution, into the
/// empty marker, is the outer product itself).
#[track_caller]
fn acc_outer<F: TensorFloat, D: ndarray::Dimension>(
    d: &mut Array<F, D>,
    u: ArrayView1<'_, F>,
    v: ArrayView1<'_, F>,
) {
    let dv = match d.view_mut().into_dimensionality::<Ix2>() {
        Ok(dv) if !dv.is_empty() => dv,
        _ => {
            let o = outer(u, v).into_dyn();
            *d = o
                .into_dimensionality::<D>()
                .expect("dot: the adjoint of a matrix operand is 2-dimensional");
            return;
        }
    };
    assert!(
        dv.dim() == (u.len(), v.len()),
        "dot: cotangent of shape ({}, {}) for an operand of shape {:?}",
        u.len(),
        v.len(),
        dv.shape()
    );
    add_outer(dv, u, v);
}

/// `a.dot(&b)`, cotangent of `a` added into its adjoint `d` in place. For a matrix·vector
/// product that is the rank-1 update `Ā += ȳ ⊗ b`, made without an array per call (the
/// reverse of a recurrent step `w.dot(&h)` in a loop); other shapes add `dot_d0`.
#[inline]
#[track_caller]
pub fn acc_dot_d0<A, B, G>(d: &mut Array<A::Elem, A::Dim>, a: &A, b: &B, g: G)
where
    A: ArrayValue<Tangent = Array<<A as Value>::Elem, <A as ArrayValue>::Dim>> + ?Sized,
    B: Value<Elem = A::Elem> + ?Sized,
    G: CotRef<Elem = A::Elem>,
{
    if let Some((gv, bv)) = mat_vec_parts(a, b, &g) {
        acc_outer(d, gv, bv);
        return;
    }
    crate::traits::Accumulate::accumulate(d, dot_d0(a, b, g));
}

/// The two vectors `(u, v)` of a rank-1 update `u vᵀ`.
pub(super) type VecPair<'v, F> = (ArrayView1<'v, F>, ArrayView1<'v, F>);

/// For a matrix · vector product `a.dot(&b)` with a vector cotangent `g`: the two vectors of
/// `ā`'s rank-1 update `g bᵀ`; `None` for other shapes.
#[inline]
pub(super) fn mat_vec_parts<'v, A, B, G>(a: &A, b: &'v B, g: &'v G) -> Option<VecPair<'v, A::Elem>>
where
    A: ArrayValue + ?Sized,
    B: Value<Elem = A::Elem> + ?Sized,
    G: CotRef<Elem = A::Elem>,
{
    a.view_as::<Ix2>()?;
    Some((g.cot_view_as::<Ix1>()?, b.view_as::<Ix1>()?))
}

/// For a vector · matrix product `a.dot(&b)` with a vector cotangent `g`: the two vectors of
/// `b̄`'s rank-1 update `a gᵀ`; `None` for other shapes.
#[inline]
pub(super) fn vec_mat_parts<'v, A, B, G>(a: &'v A, b: &B, g: &'v G) -> Option<VecPair<'v, B::Elem>>
where
    A: Value<Elem = B::Elem> + ?Sized,
    B: ArrayValue + ?Sized,
    G: CotRef<Elem = B::Elem>,
{
    b.view_as::<Ix2>()?;
    Some((a.view_as::<Ix1>()?, g.cot_view_as::<Ix1>()?))
}

/// `a.dot(&b)`, cotangent of `b` added into its adjoint `d` in place: `B̄ += a ⊗ ȳ` for a
/// vector·matrix product (see [`acc_dot_d0`]); other shapes add `dot_d1`.
#[inline]
#[track_caller]
pub fn acc_dot_d1<A, B, G>(d: &mut Array<B::Elem, B::Dim>, a: &A, b: &B, g: G)
where
    A: Value<Elem = B::Elem> + ?Sized,
    B: ArrayValue<Tangent = Array<<B as Value>::Elem, <B as ArrayValue>::Dim>> + ?Sized,
    G: CotRef<Elem = B::Elem>,
{
    if let Some((av, gv)) = vec_mat_parts(a, b, &g) {
        acc_outer(d, av, gv);
        return;
    }
    crate::traits::Accumulate::accumulate(d, dot_d1(a, b, g));
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

// ---------------------------------------------------------------------------------------
// The primal `a.dot(&b)` on dual arrays (second order and forward mode on arrays print it as
// `DualDot::dot(&a, &b)`): a matrix·matrix product through `TensorFloat::mat_mul` (three
// products of plain matrices), the other shapes through ndarray's `dot`.

/// A borrowed dual array of static dimension (any storage, behind any number of `&`).
pub trait DualArray {
    /// The element type.
    type Elem: TensorFloat;
    /// The dimension type.
    type Dim: ndarray::Dimension;
    /// The array as a view.
    fn dual_view(&self) -> ndarray::ArrayView<'_, Self::Elem, Self::Dim>;
}

impl<F: TensorFloat, S: ndarray::Data<Elem = F>, D: ndarray::Dimension> DualArray
    for ndarray::ArrayBase<S, D>
{
    type Elem = F;
    type Dim = D;
    fn dual_view(&self) -> ndarray::ArrayView<'_, F, D> {
        self.view()
    }
}

impl<T: DualArray + ?Sized> DualArray for &T {
    type Elem = T::Elem;
    type Dim = T::Dim;
    fn dual_view(&self) -> ndarray::ArrayView<'_, T::Elem, T::Dim> {
        (**self).dual_view()
    }
}

/// `a.dot(&b)` by the dimensions of its operands (the shapes ndarray's `dot` takes).
pub trait DotShapes<F: TensorFloat, D2: ndarray::Dimension>: ndarray::Dimension {
    /// The product's type.
    type Out;
    /// The product.
    fn dot_views(a: ndarray::ArrayView<'_, F, Self>, b: ndarray::ArrayView<'_, F, D2>)
    -> Self::Out;
}

impl<F: TensorFloat> DotShapes<F, Ix2> for Ix2 {
    type Out = Array2<F>;
    fn dot_views(a: ArrayView2<'_, F>, b: ArrayView2<'_, F>) -> Array2<F> {
        F::mat_mul(a, b)
    }
}

impl<F: TensorFloat> DotShapes<F, Ix1> for Ix2 {
    type Out = Array1<F>;
    fn dot_views(a: ArrayView2<'_, F>, b: ArrayView1<'_, F>) -> Array1<F> {
        a.dot(&b)
    }
}

impl<F: TensorFloat> DotShapes<F, Ix2> for Ix1 {
    type Out = Array1<F>;
    fn dot_views(a: ArrayView1<'_, F>, b: ArrayView2<'_, F>) -> Array1<F> {
        a.dot(&b)
    }
}

impl<F: TensorFloat> DotShapes<F, Ix1> for Ix1 {
    type Out = F;
    fn dot_views(a: ArrayView1<'_, F>, b: ArrayView1<'_, F>) -> F {
        a.dot(&b)
    }
}

/// See the section comment: `DualDot::dot(&a, &b)` is `a.dot(&b)`.
pub struct DualDot;

impl DualDot {
    /// `a.dot(&b)`.
    #[inline]
    pub fn dot<A, B>(a: &A, b: &B) -> <A::Dim as DotShapes<A::Elem, B::Dim>>::Out
    where
        A: DualArray + ?Sized,
        B: DualArray<Elem = A::Elem> + ?Sized,
        A::Dim: DotShapes<A::Elem, B::Dim>,
    {
        <A::Dim as DotShapes<A::Elem, B::Dim>>::dot_views(a.dual_view(), b.dual_view())
    }
}
