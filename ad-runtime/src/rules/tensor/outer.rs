//! Rank-1 updates of a matrix adjoint gathered over the iterations of a reverse loop and
//! added as one matrix product.
//!
//! The reverse of `w.dot(&h)` (matrix · vector) adds the outer product `ȳ hᵀ` into `w̄`; in a
//! loop over time steps that is one rank-1 update of the whole matrix per step, each a pass
//! over `w̄`'s memory. When the loop's statements only ever add into `w̄` (the macro checks
//! that `w` is used in the loop by such products alone, see `reverse/loops.rs`), the updates
//! can wait: [`OuterBatch`] keeps the vectors (`ȳ` as a row of `U`, `h` as a row of `V`) and
//! [`flush_outer`] adds `Uᵀ V` after the loop, one product through matrixmultiply (the
//! backpropagation through time of a hand-written recurrent cell, `Σ_t ∂z_t h_tᵀ`). The sum
//! is the same up to the order of its additions. A batch is flushed early when it holds
//! [`OuterBatch::ROWS`] updates (its memory stays bounded) or when a product of another shape
//! arrives.

use super::cotangent::CotRef;
use super::value::{ArrayValue, TensorFloat, Value};
use ndarray::{Array, ArrayView1, ArrayView2, Ix2};

/// Pending rank-1 updates `Σ_k u_k v_kᵀ` of one matrix adjoint (see the module docs).
#[derive(Debug)]
pub struct OuterBatch<F> {
    u: Vec<F>,
    v: Vec<F>,
    rows: usize,
    shape: (usize, usize),
    /// Rows to make room for at the first update.
    hint: usize,
}

impl<F> Default for OuterBatch<F> {
    fn default() -> Self {
        Self::new()
    }
}

impl<F> OuterBatch<F> {
    /// Updates held before they are added (then a product of `ROWS` inner dimension).
    pub const ROWS: usize = 128;

    /// No pending update.
    pub fn new() -> Self {
        OuterBatch {
            u: Vec::new(),
            v: Vec::new(),
            rows: 0,
            shape: (0, 0),
            hint: 16,
        }
    }

    /// No pending update; room is made at the first for `rows` updates (the loop's count),
    /// at most [`Self::ROWS`].
    pub fn with_rows(rows: usize) -> Self {
        OuterBatch {
            hint: rows.clamp(1, Self::ROWS),
            ..Self::new()
        }
    }
}

impl<F: TensorFloat> OuterBatch<F> {
    /// Records `d += u vᵀ` (adding what is pending first when the shape differs or the
    /// batch is full).
    #[track_caller]
    fn push<D: ndarray::Dimension>(
        &mut self,
        d: &mut Array<F, D>,
        u: ArrayView1<'_, F>,
        v: ArrayView1<'_, F>,
    ) {
        let shape = (u.len(), v.len());
        if self.rows > 0 && (self.shape != shape || self.rows == Self::ROWS) {
            flush_outer(self, d);
        }
        self.shape = shape;
        if self.u.capacity() == 0 {
            self.u.reserve_exact(shape.0 * self.hint);
            self.v.reserve_exact(shape.1 * self.hint);
        }
        extend(&mut self.u, u);
        extend(&mut self.v, v);
        self.rows += 1;
    }
}

/// Appends `x`'s elements (as one copy when they are contiguous).
#[inline]
fn extend<F: Copy>(out: &mut Vec<F>, x: ArrayView1<'_, F>) {
    match x.as_slice() {
        Some(s) => out.extend_from_slice(s),
        None => out.extend(x.iter().copied()),
    }
}

/// Adds the pending updates `Uᵀ V` into `d` (the empty adjoint marker becomes the product)
/// and empties the batch.
#[track_caller]
pub fn flush_outer<F: TensorFloat, D: ndarray::Dimension>(
    batch: &mut OuterBatch<F>,
    d: &mut Array<F, D>,
) {
    if batch.rows == 0 {
        return;
    }
    let (m, n) = batch.shape;
    let u = ArrayView2::from_shape((batch.rows, m), &batch.u).expect("rows of u");
    let v = ArrayView2::from_shape((batch.rows, n), &batch.v).expect("rows of v");
    let p = F::mat_mul(u.t(), v);
    match d.view_mut().into_dimensionality::<Ix2>() {
        Ok(mut dv) if !dv.is_empty() => {
            assert!(
                dv.dim() == (m, n),
                "dot: cotangent of shape ({m}, {n}) for an operand of shape {:?}",
                dv.shape()
            );
            dv += &p;
        }
        _ => {
            *d = p
                .into_dimensionality::<D>()
                .expect("dot: the adjoint of a matrix operand is 2-dimensional");
        }
    }
    batch.u.clear();
    batch.v.clear();
    batch.rows = 0;
}

/// [`acc_dot_d0`](super::acc_dot_d0) inside a reverse loop: the rank-1 update of a matrix ·
/// vector product's matrix adjoint recorded in `batch` (see the module docs); other shapes
/// are added at once.
#[inline]
#[track_caller]
pub fn acc_dot_d0_batched<A, B, G>(
    batch: &mut OuterBatch<A::Elem>,
    d: &mut Array<A::Elem, A::Dim>,
    a: &A,
    b: &B,
    g: G,
) where
    A: ArrayValue<Tangent = Array<<A as Value>::Elem, <A as ArrayValue>::Dim>> + ?Sized,
    B: Value<Elem = A::Elem> + ?Sized,
    G: CotRef<Elem = A::Elem>,
{
    if let Some((gv, bv)) = super::linalg::mat_vec_parts(a, b, &g) {
        batch.push(d, gv, bv);
        return;
    }
    super::acc_dot_d0(d, a, b, g);
}

/// [`acc_dot_d1`](super::acc_dot_d1) inside a reverse loop: `B̄ += a ⊗ ȳ` of a vector ·
/// matrix product recorded in `batch`; other shapes are added at once.
#[inline]
#[track_caller]
pub fn acc_dot_d1_batched<A, B, G>(
    batch: &mut OuterBatch<B::Elem>,
    d: &mut Array<B::Elem, B::Dim>,
    a: &A,
    b: &B,
    g: G,
) where
    A: Value<Elem = B::Elem> + ?Sized,
    B: ArrayValue<Tangent = Array<<B as Value>::Elem, <B as ArrayValue>::Dim>> + ?Sized,
    G: CotRef<Elem = B::Elem>,
{
    if let Some((av, gv)) = super::linalg::vec_mat_parts(a, b, &g) {
        batch.push(d, av, gv);
        return;
    }
    super::acc_dot_d1(d, a, b, g);
}
