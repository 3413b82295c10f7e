//! Views into an array (`a.row(i)`, `a.column(j)`, `a.index_axis(axis, i)`, `a.slice(s![..])`)
//! and element reads `a[idx]`: the cotangent is added in place into the matching part of the
//! base's adjoint `d`. `d` may still be the empty marker; it then becomes zeros of `a`'s
//! shape first (unless the contribution is zero). `take_index` serves writes `a[idx] = e`.

use super::cotangent::Cotangent;
use super::value::{ArrayValue, TensorFloat};
use ndarray::{Array, ArrayViewD, ArrayViewMutD, Axis, Dimension, NdIndex, SliceArg};

/// Turns the marker `d` into zeros of `a`'s shape.
#[inline]
fn materialise<A: ArrayValue + ?Sized>(d: &mut Array<A::Elem, A::Dim>, a: &A) {
    if d.is_empty() {
        let a = a.array_view();
        if !a.is_empty() {
            *d = Array::zeros(a.raw_dim());
        }
    }
}

/// `d += g` for a part `d` of an adjoint; the shapes must match.
#[inline]
#[track_caller]
fn add_into<F: TensorFloat>(mut d: ArrayViewMutD<'_, F>, g: ArrayViewD<'_, F>) {
    assert!(
        d.shape() == g.shape(),
        "cannot add a cotangent of shape {:?} into a view of shape {:?}",
        g.shape(),
        d.shape()
    );
    d += &g;
}

/// `d[.., i, ..] += g` (index `i` along `axis`).
#[inline]
#[track_caller]
fn acc_subview<A, G>(d: &mut Array<A::Elem, A::Dim>, a: &A, axis: Axis, i: usize, g: G)
where
    A: ArrayValue + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    let g = g.into_dyn_cot();
    let Some(g) = g.view() else { return };
    materialise(d, a);
    let mut dv = d.view_mut().into_dyn();
    add_into(dv.index_axis_mut(axis, i), g);
}

// ---------------------------------------------------------------------------------------
// y = a.row(i);  ā[i, :] += ȳ
/// `a.row(i)`: adds `g` into row `i` of the adjoint `d`.
#[inline]
#[track_caller]
pub fn acc_row<A, G>(d: &mut Array<A::Elem, A::Dim>, a: &A, i: &usize, g: G)
where
    A: ArrayValue + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    acc_subview(d, a, Axis(0), *i, g);
}

// y = a.column(j);  ā[:, j] += ȳ
/// `a.column(j)`: adds `g` into column `j` of the adjoint `d`.
#[inline]
#[track_caller]
pub fn acc_column<A, G>(d: &mut Array<A::Elem, A::Dim>, a: &A, j: &usize, g: G)
where
    A: ArrayValue + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    acc_subview(d, a, Axis(1), *j, g);
}

// y = a.index_axis(axis, i);  ā[.., i, ..] += ȳ
/// `a.index_axis(axis, i)`: adds `g` into that subview of the adjoint `d`.
#[inline]
#[track_caller]
pub fn acc_index_axis<A, G>(d: &mut Array<A::Elem, A::Dim>, a: &A, axis: &Axis, i: &usize, g: G)
where
    A: ArrayValue + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    acc_subview(d, a, *axis, *i, g);
}

// y = a.slice(info);  ā[info] += ȳ
/// `a.slice(info)` (`info` from `s![..]`, or anything `slice` accepts): adds `g` into that
/// slice of the adjoint `d`.
#[inline]
#[track_caller]
pub fn acc_slice<A, I, G>(d: &mut Array<A::Elem, A::Dim>, a: &A, info: &I, g: G)
where
    A: ArrayValue + ?Sized,
    I: SliceArg<A::Dim> + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    let g = g.into_dyn_cot();
    let Some(g) = g.view() else { return };
    materialise(d, a);
    add_into(d.slice_mut(info).into_dyn(), g);
}

// y = a[idx];  ā[idx] += ȳ
/// `a[idx]` (`idx`: `[i, j]`, `(i, j)`, `i` for 1-D, ...): adds the scalar `g` into
/// `d[idx]`.
#[inline]
#[track_caller]
pub fn acc_index<A, I>(d: &mut Array<A::Elem, A::Dim>, a: &A, idx: &I, g: A::Elem)
where
    A: ArrayValue + ?Sized,
    I: NdIndex<A::Dim> + Clone,
{
    if num_traits::Zero::is_zero(&g) {
        return;
    }
    materialise(d, a);
    d[idx.clone()] += g;
}

// a[idx] = e (a local array);  ē += ā[idx];  ā[idx] = 0
/// `a[idx] = e` on a local array: takes the cotangent `d[idx]` out, leaving zero (zero if
/// `d` is still the marker).
#[inline]
#[track_caller]
pub fn take_index<F, D, I>(d: &mut Array<F, D>, idx: &I) -> F
where
    F: TensorFloat,
    D: Dimension,
    I: NdIndex<D> + Clone,
{
    if d.is_empty() {
        return F::zero();
    }
    core::mem::replace(&mut d[idx.clone()], F::zero())
}

// y = x[i] for an `x` the macro could not tell apart: a slice, a `Vec` or a 1-D array;  x̄[i] += ȳ
/// A value indexed by one `usize` whose type the macro does not know (the result of a call,
/// say): a slice, a `Vec` or a 1-D array. The adjoint's type follows from the value's.
pub trait IndexAny {
    /// The element type.
    type Elem;
    /// The type of the value's adjoint (`Vec<T>` for slices and `Vec`s, `Array1` for arrays).
    type Adj;
    /// `d[i] += g`, shaping `d` from `self` if it is still the shape-free zero.
    fn acc_index_any(&self, d: &mut Self::Adj, i: usize, g: Self::Elem);
}

impl<T: crate::traits::Accumulate + crate::traits::Zero> IndexAny for [T] {
    type Elem = T;
    type Adj = Vec<T>;
    #[inline]
    fn acc_index_any(&self, d: &mut Vec<T>, i: usize, g: T) {
        crate::rules::slice::acc_index(d, i, g);
    }
}

impl<T: crate::traits::Accumulate + crate::traits::Zero> IndexAny for Vec<T> {
    type Elem = T;
    type Adj = Vec<T>;
    #[inline]
    fn acc_index_any(&self, d: &mut Vec<T>, i: usize, g: T) {
        crate::rules::slice::acc_index(d, i, g);
    }
}

impl<F: TensorFloat, S: ndarray::Data<Elem = F>> IndexAny for ndarray::ArrayBase<S, ndarray::Ix1> {
    type Elem = F;
    type Adj = Array<F, ndarray::Ix1>;
    #[inline]
    fn acc_index_any(&self, d: &mut Array<F, ndarray::Ix1>, i: usize, g: F) {
        acc_index(d, self, &i, g);
    }
}

impl<T: crate::traits::Accumulate, const N: usize> IndexAny for [T; N] {
    type Elem = T;
    type Adj = [T; N];
    #[inline]
    fn acc_index_any(&self, d: &mut [T; N], i: usize, g: T) {
        d[i].accumulate(g);
    }
}

impl<T: IndexAny + ?Sized> IndexAny for &T {
    type Elem = T::Elem;
    type Adj = T::Adj;
    #[inline]
    fn acc_index_any(&self, d: &mut T::Adj, i: usize, g: T::Elem) {
        (**self).acc_index_any(d, i, g);
    }
}

/// `x[i]` of a value of unknown type (see [`IndexAny`]): adds `g` into `d[i]`.
#[inline]
#[track_caller]
pub fn acc_index_any<B: IndexAny + ?Sized>(d: &mut B::Adj, base: &B, i: &usize, g: B::Elem) {
    base.acc_index_any(d, *i, g);
}

// x[i] = e (or x[i] += e) for a call's result of a type the macro does not know;  ē += x̄[i]
/// The adjoint of a call's result whose type the macro does not see (`let mut r = g(a);`
/// then `r[0] = e`): a `Vec`, a 1-D array or a fixed-size array. Its type is fixed by the
/// callee's pullback, which receives it, so these functions are generic over it.
pub trait IndexAdj {
    /// The element type.
    type Elem;
    /// `self[i]` taken out (zero left), or zero while `self` is the shape-free zero.
    fn take_elem(&mut self, i: usize) -> Self::Elem;
    /// A copy of `self[i]`, or zero while `self` is the shape-free zero.
    fn get_elem(&self, i: usize) -> Self::Elem;
}

impl<T: crate::traits::Zero + Clone> IndexAdj for Vec<T> {
    type Elem = T;
    #[inline]
    fn take_elem(&mut self, i: usize) -> T {
        crate::rules::slice::take_index(self, i)
    }
    #[inline]
    fn get_elem(&self, i: usize) -> T {
        crate::rules::slice::get_index(self, i)
    }
}

impl<F: TensorFloat> IndexAdj for Array<F, ndarray::Ix1> {
    type Elem = F;
    #[inline]
    fn take_elem(&mut self, i: usize) -> F {
        take_index(self, &i)
    }
    #[inline]
    fn get_elem(&self, i: usize) -> F {
        if self.is_empty() { F::zero() } else { self[i] }
    }
}

impl<T: crate::traits::Zero + Clone, const N: usize> IndexAdj for [T; N] {
    type Elem = T;
    #[inline]
    fn take_elem(&mut self, i: usize) -> T {
        core::mem::replace(&mut self[i], T::zero())
    }
    #[inline]
    fn get_elem(&self, i: usize) -> T {
        self[i].clone()
    }
}

/// `x[i] = e` of a call's result of unknown type (see [`IndexAdj`]): `d[i]` taken out.
#[inline]
#[track_caller]
pub fn take_index_adj<D: IndexAdj>(d: &mut D, i: &usize) -> D::Elem {
    d.take_elem(*i)
}

/// `x[i] += e` of a call's result of unknown type (see [`IndexAdj`]): a copy of `d[i]`.
#[inline]
#[track_caller]
pub fn get_index_adj<D: IndexAdj>(d: &D, i: &usize) -> D::Elem {
    d.get_elem(*i)
}
