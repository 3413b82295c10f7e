//! What the tensor rules read and return: values ([`Value`], [`ArrayValue`]), cotangents
//! ([`Cotangent`]), their type-erased forms ([`DynVal`], [`DynCot`]) and the targets a
//! broadcast contribution is reduced to ([`Target`]: [`Same`], [`ToScalar`], `&operand`).
//!
//! The macro cannot see types, so every tensor rule is generic: it converts its inputs to the
//! dynamic forms (O(1): a view or a change of the dimension type, never a copy), computes the
//! contribution once, and hands it to the target, which reduces it to the operand's shape
//! (summing broadcast axes, as `unbroadcast`) and converts it back to the operand's static
//! tangent type. When the contribution already has the operand's shape nothing is copied.

use super::broadcast::{broadcasts_to, co_broadcast, unbroadcast, unbroadcast_view};
use super::lanes::{sum_rows, zip_rows_mut};
use crate::traits::{Accumulate, Real, Zero};
use ndarray::{
    Array, ArrayBase, ArrayD, ArrayRef, ArrayView, ArrayViewD, Data, Dimension, IxDyn,
    LinalgScalar, ScalarOperand, Zip, aview0,
};
use num_traits::{Float, FloatConst, FromPrimitive, NumAssign};
use std::fmt::Debug;

/// The element types of differentiable arrays: `f32` and `f64` (and their duals).
pub trait TensorFloat:
    Float
    + FloatConst
    + FromPrimitive
    + NumAssign
    + ScalarOperand
    + LinalgScalar
    + Real<F = Self>
    + Debug
    + Send
    + Sync
    + 'static
{
    /// The matrix product `a b` (ndarray's, which runs matrixmultiply's kernels for `f32` and
    /// `f64`).
    #[inline]
    fn mat_mul(
        a: ndarray::ArrayView2<'_, Self>,
        b: ndarray::ArrayView2<'_, Self>,
    ) -> ndarray::Array2<Self> {
        a.dot(&b)
    }
}
impl TensorFloat for f32 {}
impl TensorFloat for f64 {}

macro_rules! dual_tensor_float {
    ($($f:ty),*) => {$(
        /// Dual numbers (second order, see [`crate::dual`]) run through the same rules. Their
        /// matrix product is three products of plain matrices (`re = A B`,
        /// `eps = A Ḃ + Ȧ B`): ndarray would otherwise multiply duals with its generic loop.
        impl TensorFloat for crate::Dual<$f> {
            fn mat_mul(
                a: ndarray::ArrayView2<'_, Self>,
                b: ndarray::ArrayView2<'_, Self>,
            ) -> ndarray::Array2<Self> {
                let (ar, ae) = (a.map(|d| d.re), a.map(|d| d.eps));
                let (br, be) = (b.map(|d| d.re), b.map(|d| d.eps));
                let re = ar.dot(&br);
                let mut eps = ar.dot(&be);
                ndarray::linalg::general_mat_mul(1.0, &ae, &br, 1.0, &mut eps);
                ndarray::Zip::from(&re)
                    .and(&eps)
                    .map_collect(|&r, &e| crate::Dual::new(r, e))
            }
        }
    )*};
}
dual_tensor_float!(f32, f64);

// ---------------------------------------------------------------------------------------
// Dynamic forms

/// A value read by a rule, type-erased: a scalar or a dynamic-dimensional view.
#[derive(Debug, Clone)]
pub enum DynVal<'a, F> {
    /// A plain `f32`/`f64`.
    Scalar(F),
    /// An array of any storage and dimension, viewed with [`IxDyn`](type@IxDyn).
    Array(ArrayViewD<'a, F>),
}

impl<F: TensorFloat> DynVal<'_, F> {
    /// The runtime shape (`[]` for a scalar).
    #[inline]
    pub fn shape(&self) -> &[usize] {
        match self {
            DynVal::Scalar(_) => &[],
            DynVal::Array(a) => a.shape(),
        }
    }

    /// The value as a view; a scalar becomes a 0-dimensional view (it broadcasts to anything).
    #[inline]
    pub fn view(&self) -> ArrayViewD<'_, F> {
        match self {
            DynVal::Scalar(x) => aview0(x).into_dyn(),
            DynVal::Array(a) => a.view(),
        }
    }

    /// The array view, or a panic naming `what` for a scalar.
    #[inline]
    #[track_caller]
    pub fn expect_array(&self, what: &str) -> ArrayViewD<'_, F> {
        match self {
            DynVal::Array(a) => a.view(),
            DynVal::Scalar(_) => panic!("{what}: expected an array operand, got a scalar"),
        }
    }
}

/// A cotangent or a rule's contribution, type-erased.
#[derive(Debug, Clone)]
pub enum DynCot<F> {
    /// Zero, shape unknown (the empty marker array, or nothing flowed yet).
    Zero,
    /// A plain `f32`/`f64`.
    Scalar(F),
    /// An owned array of any dimension.
    Array(ArrayD<F>),
}

impl<F: TensorFloat> DynCot<F> {
    /// The sum of all elements (`0` for [`DynCot::Zero`]): the reduction to a scalar operand.
    #[inline]
    pub fn sum(self) -> F {
        match self {
            DynCot::Zero => F::zero(),
            DynCot::Scalar(x) => x,
            DynCot::Array(a) => a.sum(),
        }
    }

    /// Wraps an owned array, mapping the empty marker to [`DynCot::Zero`].
    #[inline]
    pub fn from_array<D: Dimension>(a: Array<F, D>) -> Self {
        if a.is_empty() {
            DynCot::Zero
        } else {
            DynCot::Array(a.into_dyn())
        }
    }

    /// `f` applied to every element (nothing for zero).
    #[inline]
    pub fn map(self, f: impl Fn(F) -> F) -> Self {
        match self {
            DynCot::Zero => DynCot::Zero,
            DynCot::Scalar(x) => DynCot::Scalar(f(x)),
            DynCot::Array(mut a) => {
                a.mapv_inplace(f);
                DynCot::Array(a)
            }
        }
    }

    /// The cotangent as a view (a scalar as a 0-dimensional view); `None` for zero.
    #[inline]
    pub fn view(&self) -> Option<ArrayViewD<'_, F>> {
        match self {
            DynCot::Zero => None,
            DynCot::Scalar(x) => Some(aview0(x).into_dyn()),
            DynCot::Array(a) => Some(a.view()),
        }
    }

    /// The cotangent of a scalar result read as a scalar (a one-element array is accepted).
    #[inline]
    #[track_caller]
    pub fn expect_scalar(self, what: &str) -> Option<F> {
        match self {
            DynCot::Zero => None,
            DynCot::Scalar(x) => Some(x),
            DynCot::Array(a) if a.len() == 1 => a.iter().next().copied(),
            DynCot::Array(a) => panic!(
                "{what}: expected a scalar cotangent, got an array of shape {:?}",
                a.shape()
            ),
        }
    }
}

/// Sum of two contributions: zero on either side is the identity; arrays broadcast as in
/// `ndarray`, in place in the left operand when the right one broadcasts to it.
impl<F: TensorFloat> core::ops::Add for DynCot<F> {
    type Output = Self;
    #[track_caller]
    fn add(self, other: Self) -> Self {
        match (self, other) {
            (a, DynCot::Zero) => a,
            (DynCot::Zero, b) => b,
            (DynCot::Scalar(a), DynCot::Scalar(b)) => DynCot::Scalar(a + b),
            (DynCot::Array(mut a), b) => {
                let b = b.view().expect("non-zero");
                if broadcasts_to(b.shape(), a.shape()) {
                    a += &b;
                    DynCot::Array(a)
                } else {
                    DynCot::Array(&a + &b)
                }
            }
            (a @ DynCot::Scalar(_), b @ DynCot::Array(_)) => b + a,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Values

/// A primal value the tensor rules read: `f32`, `f64`, any `ndarray` array (any storage,
/// any dimension), `ArrayRef`, and references to these.
pub trait Value {
    /// The element type.
    type Elem: TensorFloat;
    /// The cotangent type: the float for scalars, `Array<F, D>` for arrays.
    type Tangent: Zero + Accumulate;
    /// The value, type-erased (O(1)).
    fn dyn_val(&self) -> DynVal<'_, Self::Elem>;
    /// Reduces a broadcast contribution to this value's runtime shape and static tangent
    /// type: sums extra leading axes and axes where `self` has length 1 (everything for a
    /// scalar). A contribution of the right shape is returned without copying.
    fn project(&self, c: DynCot<Self::Elem>) -> Self::Tangent;
    /// [`Value::project`] of a borrowed contribution (`None` for zero): copies only the
    /// reduced result (the whole contribution when the shapes match).
    #[inline]
    fn project_view(&self, c: Option<ArrayViewD<'_, Self::Elem>>) -> Self::Tangent {
        self.project(c.map_or(DynCot::Zero, |c| DynCot::Array(c.to_owned())))
    }
    /// The runtime shape, `None` for a scalar: read without making the type-erased view
    /// (which copies the shape and strides into dynamic dimensions, the dominant cost of a
    /// rule on a vector of 32).
    fn shape_of(&self) -> Option<&[usize]>;
    /// The value as a view with dimension type `D2` when it is an array of that many axes
    /// (`None` for a scalar or another number of axes). O(1); free when `D2` is the
    /// value's own dimension type.
    fn view_as<D2: Dimension>(&self) -> Option<ArrayView<'_, Self::Elem, D2>>;
    /// [`Value::project`] of a typed cotangent: a cotangent that already has this value's
    /// shape and tangent type is returned as is, without the type-erased round trip.
    #[inline]
    #[track_caller]
    fn project_g<G: Cotangent<Elem = Self::Elem>>(&self, g: G) -> Self::Tangent {
        self.project(g.into_dyn_cot())
    }
}

/// A [`Value`] that is an array (never a scalar), with its static dimension type.
pub trait ArrayValue: Value {
    /// The dimension type (`Ix2`, `IxDyn`, ...).
    type Dim: Dimension;
    /// The value as a view.
    fn array_view(&self) -> ArrayView<'_, Self::Elem, Self::Dim>;
}

macro_rules! scalar_value {
    ($($t:ty),*) => {$(
        impl Value for $t {
            type Elem = $t;
            type Tangent = $t;
            #[inline(always)]
            fn dyn_val(&self) -> DynVal<'_, $t> {
                DynVal::Scalar(*self)
            }
            #[inline(always)]
            fn project(&self, c: DynCot<$t>) -> $t {
                c.sum()
            }
            #[inline(always)]
            fn shape_of(&self) -> Option<&[usize]> {
                None
            }
            #[inline(always)]
            fn view_as<D2: Dimension>(&self) -> Option<ArrayView<'_, $t, D2>> {
                None
            }
        }
    )*};
}
scalar_value!(f32, f64, crate::Dual<f32>, crate::Dual<f64>);

impl<T: Value + ?Sized> Value for &T {
    type Elem = T::Elem;
    type Tangent = T::Tangent;
    #[inline(always)]
    fn dyn_val(&self) -> DynVal<'_, T::Elem> {
        (**self).dyn_val()
    }
    #[inline(always)]
    fn project(&self, c: DynCot<T::Elem>) -> T::Tangent {
        (**self).project(c)
    }
    #[inline(always)]
    fn project_view(&self, c: Option<ArrayViewD<'_, T::Elem>>) -> T::Tangent {
        (**self).project_view(c)
    }
    #[inline(always)]
    fn shape_of(&self) -> Option<&[usize]> {
        (**self).shape_of()
    }
    #[inline(always)]
    fn view_as<D2: Dimension>(&self) -> Option<ArrayView<'_, T::Elem, D2>> {
        (**self).view_as()
    }
    #[inline(always)]
    #[track_caller]
    fn project_g<G: Cotangent<Elem = T::Elem>>(&self, g: G) -> T::Tangent {
        (**self).project_g(g)
    }
}

impl<T: ArrayValue + ?Sized> ArrayValue for &T {
    type Dim = T::Dim;
    #[inline(always)]
    fn array_view(&self) -> ArrayView<'_, T::Elem, T::Dim> {
        (**self).array_view()
    }
}

impl<F: TensorFloat, S: Data<Elem = F>, D: Dimension> Value for ArrayBase<S, D> {
    type Elem = F;
    type Tangent = Array<F, D>;
    #[inline]
    fn dyn_val(&self) -> DynVal<'_, F> {
        DynVal::Array(self.view().into_dyn())
    }
    #[inline]
    fn project(&self, c: DynCot<F>) -> Array<F, D> {
        project_to(self.raw_dim(), c)
    }
    #[inline]
    fn project_view(&self, c: Option<ArrayViewD<'_, F>>) -> Array<F, D> {
        project_view_to(self.raw_dim(), c)
    }
    #[inline(always)]
    fn shape_of(&self) -> Option<&[usize]> {
        Some(self.shape())
    }
    #[inline]
    fn view_as<D2: Dimension>(&self) -> Option<ArrayView<'_, F, D2>> {
        view_as(self.view())
    }
    #[inline]
    #[track_caller]
    fn project_g<G: Cotangent<Elem = F>>(&self, g: G) -> Array<F, D> {
        project_g_to(self.shape(), g, || self.raw_dim())
    }
}

impl<F: TensorFloat, S: Data<Elem = F>, D: Dimension> ArrayValue for ArrayBase<S, D> {
    type Dim = D;
    #[inline]
    fn array_view(&self) -> ArrayView<'_, F, D> {
        self.view()
    }
}

impl<F: TensorFloat, D: Dimension> Value for ArrayRef<F, D> {
    type Elem = F;
    type Tangent = Array<F, D>;
    #[inline]
    fn dyn_val(&self) -> DynVal<'_, F> {
        DynVal::Array(self.view().into_dyn())
    }
    #[inline]
    fn project(&self, c: DynCot<F>) -> Array<F, D> {
        project_to(self.raw_dim(), c)
    }
    #[inline]
    fn project_view(&self, c: Option<ArrayViewD<'_, F>>) -> Array<F, D> {
        project_view_to(self.raw_dim(), c)
    }
    #[inline(always)]
    fn shape_of(&self) -> Option<&[usize]> {
        Some(self.shape())
    }
    #[inline]
    fn view_as<D2: Dimension>(&self) -> Option<ArrayView<'_, F, D2>> {
        view_as(self.view())
    }
    #[inline]
    #[track_caller]
    fn project_g<G: Cotangent<Elem = F>>(&self, g: G) -> Array<F, D> {
        project_g_to(self.shape(), g, || self.raw_dim())
    }
}

impl<F: TensorFloat, D: Dimension> ArrayValue for ArrayRef<F, D> {
    type Dim = D;
    #[inline]
    fn array_view(&self) -> ArrayView<'_, F, D> {
        self.view()
    }
}

/// `a` with dimension type `D2` when it has that many axes: free for `D2 = D`, a check and
/// a copy of the shape for a dynamic dimension on either side.
#[inline]
pub(crate) fn view_as<F, D: Dimension, D2: Dimension>(
    a: ArrayView<'_, F, D>,
) -> Option<ArrayView<'_, F, D2>> {
    if D2::NDIM.is_some_and(|n| n != a.ndim()) {
        return None;
    }
    a.into_dimensionality::<D2>().ok()
}

/// [`Value::project_g`] for an array of shape `shape`: `g` itself when it already is an
/// `Array<F, D>` of that shape, the empty marker as the marker, else the type-erased
/// reduction to `dim()`.
#[inline]
#[track_caller]
fn project_g_to<F: TensorFloat, D: Dimension, G: Cotangent<Elem = F>>(
    shape: &[usize],
    g: G,
    dim: impl FnOnce() -> D,
) -> Array<F, D> {
    match g.into_array_as::<D>() {
        Ok(a) if a.shape() == shape => a,
        Ok(a) if a.is_empty() => marker(),
        Ok(a) => project_to(dim(), DynCot::Array(a.into_dyn())),
        Err(g) => project_to(dim(), g.into_dyn_cot()),
    }
}

/// Reduces `c` to the shape `dim` and converts it to dimension type `D`.
#[inline]
#[track_caller]
fn project_to<F: TensorFloat, D: Dimension>(dim: D, c: DynCot<F>) -> Array<F, D> {
    let c = match c {
        DynCot::Zero => return marker(),
        DynCot::Array(c) => unbroadcast(c, dim.slice()),
        DynCot::Scalar(x) => {
            assert!(
                dim.size() == 1,
                "a scalar contribution cannot be projected onto an array of shape {:?}",
                dim.slice()
            );
            return Array::from_elem(dim, x);
        }
    };
    into_dim(c)
}

/// [`project_to`] of a borrowed contribution: sums from the view, so that only the reduced
/// result is allocated (a copy of the whole view when the shapes already match).
#[inline]
#[track_caller]
fn project_view_to<F: TensorFloat, D: Dimension>(
    dim: D,
    c: Option<ArrayViewD<'_, F>>,
) -> Array<F, D> {
    match c {
        None => marker(),
        Some(c) => into_dim(unbroadcast_view(c, dim.slice())),
    }
}

/// The dimension type changed from `IxDyn` to `D` (O(1), no allocation).
#[inline]
#[track_caller]
pub(crate) fn into_dim<F, D: Dimension>(c: ArrayD<F>) -> Array<F, D> {
    if D::NDIM.is_some_and(|n| n != c.ndim()) {
        panic!(
            "a cotangent of shape {:?} does not fit the dimension type {}",
            c.shape(),
            std::any::type_name::<D>()
        );
    }
    c.into_dimensionality::<D>()
        .expect("the number of axes was checked")
}

/// The empty marker: the shape-free zero array (every axis of length 0; `[0]` for `IxDyn`).
#[inline]
pub fn marker<F: TensorFloat, D: Dimension>() -> Array<F, D> {
    Array::zeros(D::zeros(D::NDIM.unwrap_or(1)))
}

// ---------------------------------------------------------------------------------------
// Broadcasting: `broadcasts_to`, `co_broadcast`, `unbroadcast` are in `super::broadcast`.

/// `g` as an owned array of the shape every one of `shapes` (and `g`) broadcasts to. An
/// array `g` that already has that shape is returned as is.
#[track_caller]
fn full<F: TensorFloat>(g: DynCot<F>, shapes: &[&[usize]]) -> ArrayD<F> {
    match g {
        DynCot::Array(a) if shapes.iter().all(|s| broadcasts_to(s, a.shape())) => a,
        DynCot::Array(a) => {
            let to = shapes
                .iter()
                .fold(a.shape().to_vec(), |acc, s| co_broadcast(&acc, s));
            a.broadcast(to).expect("co-broadcast shape").to_owned()
        }
        DynCot::Scalar(x) => {
            let to = shapes
                .iter()
                .fold(Vec::new(), |acc, s| co_broadcast(&acc, s));
            ArrayD::from_elem(to, x)
        }
        DynCot::Zero => unreachable!("zero is handled by the callers"),
    }
}

/// `g ← f(g, x)` element by element, `x` broadcast (in place when `g` is an array of the
/// broadcast shape). Zero stays zero.
#[inline]
pub(crate) fn zip1<F: TensorFloat>(
    g: DynCot<F>,
    x: &DynVal<'_, F>,
    f: impl Fn(F, F) -> F,
) -> DynCot<F> {
    match (g, x) {
        (DynCot::Zero, _) => DynCot::Zero,
        (DynCot::Scalar(g), DynVal::Scalar(x)) => DynCot::Scalar(f(g, *x)),
        (DynCot::Array(mut g), DynVal::Scalar(x)) => {
            g.mapv_inplace(|g| f(g, *x));
            DynCot::Array(g)
        }
        (g, DynVal::Array(x)) => {
            let mut g = full(g, &[x.shape()]);
            if !zip_rows_mut(&mut g, x, None, |g, x, _| f(g, x)) {
                Zip::from(&mut g)
                    .and_broadcast(x)
                    .for_each(|g, &x| *g = f(*g, x));
            }
            DynCot::Array(g)
        }
    }
}

/// `f(g, x, y)` element by element into a new array, from a *borrowed* `g` (`None`: zero),
/// `x` and `y` broadcast (`y` absent: `f` gets zero there): the part of a product's
/// cotangent that the other part's in-place rule cannot share, made without copying `g` first.
pub(crate) fn zip_view<F: TensorFloat>(
    g: Option<ArrayViewD<'_, F>>,
    x: &DynVal<'_, F>,
    y: Option<&DynVal<'_, F>>,
    f: impl Fn(F, F, F) -> F,
) -> DynCot<F> {
    let Some(g) = g else {
        return DynCot::Zero;
    };
    let mut shape = co_broadcast(g.shape(), x.shape());
    if let Some(y) = y {
        shape = co_broadcast(&shape, y.shape());
    }
    let xv = x.view();
    if g.shape() == shape.as_slice() && g.is_standard_layout() {
        // One copy of `g`, then the row loops in place.
        let mut out = g.to_owned();
        let done = match y {
            None => zip_rows_mut(&mut out, &xv, None, |g, x, _| f(g, x, F::zero())),
            Some(y) => zip_rows_mut(&mut out, &xv, Some(&y.view()), &f),
        };
        if done {
            return DynCot::Array(out);
        }
    }
    let gb = g.broadcast(shape).expect("co-broadcast shape");
    let out = match y {
        None => Zip::from(&gb)
            .and_broadcast(&xv)
            .map_collect(|&g, &x| f(g, x, F::zero())),
        Some(y) => {
            let yv = y.view();
            Zip::from(&gb)
                .and_broadcast(&xv)
                .and_broadcast(&yv)
                .map_collect(|&g, &x, &y| f(g, x, y))
        }
    };
    DynCot::Array(out)
}

/// The sum over the broadcast axes of `f(g, x, y)` (`x`, `y` broadcast to `g`'s shape),
/// straight into an array of `shape`: a cotangent reduced to a broadcast operand without the
/// full-size product first (a layer norm's gain `(n,)` or row statistics `(m, 1)` against a
/// `m × n` cotangent). For a 2-D `g` and `shape` `(n,)`, `(1, n)` or `(m, 1)`; `None` else.
pub(crate) fn zip_reduce<F: TensorFloat>(
    g: &ArrayViewD<'_, F>,
    x: &DynVal<'_, F>,
    y: Option<&DynVal<'_, F>>,
    shape: &[usize],
    f: &impl Fn(F, F, F) -> F,
) -> Option<ArrayD<F>> {
    let g = g.view().into_dimensionality::<ndarray::Ix2>().ok()?;
    let (m, n) = g.dim();
    let xv = x.view();
    let xv = xv.broadcast((m, n))?;
    let yo = y.map(|y| y.view());
    // Without `y`, `x` stands in for it and `f` gets zero there.
    let yv = match &yo {
        Some(y) => y.broadcast((m, n))?,
        None => xv.clone(),
    };
    let has_y = y.is_some();
    let h = |g: F, x: F, y: F| f(g, x, if has_y { y } else { F::zero() });
    let out = if (shape == [n] || shape == [1, n]) && m > 1 {
        let mut out = ndarray::Array1::<F>::zeros(n);
        for ((gr, xr), yr) in g.rows().into_iter().zip(xv.rows()).zip(yv.rows()) {
            Zip::from(&mut out)
                .and(&gr)
                .and(&xr)
                .and(&yr)
                .for_each(|o, &g, &x, &y| *o += h(g, x, y));
        }
        out.into_shape_with_order(shape.to_vec()).ok()?
    } else if shape == [m, 1] && n > 1 {
        if let Some(out) = sum_rows(&g, &x.view(), y.map(|y| y.view()).as_ref(), &h) {
            return out.into_shape_with_order(shape.to_vec()).ok();
        }
        let mut out = ndarray::Array1::<F>::zeros(m);
        Zip::from(&mut out)
            .and(g.rows())
            .and(xv.rows())
            .and(yv.rows())
            .for_each(|o, gr, xr, yr| {
                *o = Zip::from(&gr)
                    .and(&xr)
                    .and(&yr)
                    .fold(F::zero(), |acc, &g, &x, &y| acc + h(g, x, y));
            });
        out.into_shape_with_order(shape.to_vec()).ok()?
    } else {
        return None;
    };
    Some(out)
}

/// `g ← f(g, x, y)` element by element, `x` and `y` broadcast. Zero stays zero.
#[inline]
pub(crate) fn zip2<F: TensorFloat>(
    g: DynCot<F>,
    x: &DynVal<'_, F>,
    y: &DynVal<'_, F>,
    f: impl Fn(F, F, F) -> F,
) -> DynCot<F> {
    match (g, x, y) {
        (DynCot::Zero, ..) => DynCot::Zero,
        (DynCot::Scalar(g), DynVal::Scalar(x), DynVal::Scalar(y)) => DynCot::Scalar(f(g, *x, *y)),
        (g, x, y) => {
            let mut g = full(g, &[x.shape(), y.shape()]);
            let (x, y) = (x.view(), y.view());
            if !zip_rows_mut(&mut g, &x, Some(&y), &f) {
                Zip::from(&mut g)
                    .and_broadcast(&x)
                    .and_broadcast(&y)
                    .for_each(|g, &x, &y| *g = f(*g, x, y));
            }
            DynCot::Array(g)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Cotangents

/// The cotangent `g` of a result on the tensor path: `f32`, `f64` or `Array<F, D>` (the
/// empty marker array meaning zero).
pub trait Cotangent:
    Sized + Clone + core::ops::Neg<Output = Self> + Zero + Accumulate + CotRef
{
    /// Type-erased (O(1)); the marker becomes [`DynCot::Zero`].
    fn into_dyn_cot(self) -> DynCot<Self::Elem>;
    /// A copy of a scalar cotangent (`None` for an array): the rules that hand one
    /// cotangent to two operands then skip the views they need for arrays.
    #[inline(always)]
    fn scalar_copy(&self) -> Option<Self> {
        None
    }
    /// Back from the type-erased form (O(1)); the contribution must already have this
    /// cotangent's dimension.
    fn from_dyn_cot(c: DynCot<Self::Elem>) -> Self;
    /// The cotangent as an owned array of dimension type `D2` when it is an array with
    /// that many axes (free for its own dimension type), else itself back.
    #[inline(always)]
    fn into_array_as<D2: Dimension>(self) -> Result<Array<Self::Elem, D2>, Self> {
        Err(self)
    }
    /// `self ← f(x, self)` element by element when `self` is an array and `x` an array of
    /// the same shape (static types, no type-erased views); else `self` back unchanged.
    #[inline(always)]
    fn map_with<V: Value<Elem = Self::Elem> + ?Sized>(
        self,
        _x: &V,
        _f: impl FnMut(Self::Elem, Self::Elem) -> Self::Elem,
    ) -> Result<Self, Self> {
        Err(self)
    }
    /// `g` as this cotangent type without the type-erased round trip, when it already is
    /// one of the same kind (a scalar for a scalar, an array with as many axes for an
    /// array); else `g` back.
    fn from_cot<G2: Cotangent<Elem = Self::Elem>>(g: G2) -> Result<Self, G2>;
}

/// A cotangent a rule only reads: an owned [`Cotangent`] or a reference to one. Rules that
/// take this (the matrix products) let the reverse sweep lend one cotangent to several
/// partials instead of cloning it for each.
pub trait CotRef {
    /// The element type.
    type Elem: TensorFloat;
    /// The cotangent as a view (a scalar as a 0-dimensional one); `None` for zero (the
    /// empty marker array).
    fn cot_view(&self) -> Option<ArrayViewD<'_, Self::Elem>>;
    /// The shape of [`CotRef::cot_view`] (`[]` for a scalar, `None` for zero), without
    /// making the view.
    fn cot_shape(&self) -> Option<&[usize]>;
    /// The cotangent as a view with dimension type `D2`: `None` for zero, a scalar, or
    /// another number of axes (O(1), as [`Value::view_as`]).
    fn cot_view_as<D2: Dimension>(&self) -> Option<ArrayView<'_, Self::Elem, D2>>;
}

macro_rules! scalar_cot_ref {
    ($($t:ty),*) => {$(
        impl CotRef for $t {
            type Elem = $t;
            #[inline(always)]
            fn cot_view(&self) -> Option<ArrayViewD<'_, $t>> {
                Some(aview0(self).into_dyn())
            }
            #[inline(always)]
            fn cot_shape(&self) -> Option<&[usize]> {
                Some(&[])
            }
            #[inline(always)]
            fn cot_view_as<D2: Dimension>(&self) -> Option<ArrayView<'_, $t, D2>> {
                None
            }
        }
    )*};
}
scalar_cot_ref!(f32, f64, crate::Dual<f32>, crate::Dual<f64>);

impl<F: TensorFloat, D: Dimension> CotRef for Array<F, D> {
    type Elem = F;
    #[inline]
    fn cot_view(&self) -> Option<ArrayViewD<'_, F>> {
        (!self.is_empty()).then(|| self.view().into_dyn())
    }
    #[inline(always)]
    fn cot_shape(&self) -> Option<&[usize]> {
        (!self.is_empty()).then(|| self.shape())
    }
    #[inline]
    fn cot_view_as<D2: Dimension>(&self) -> Option<ArrayView<'_, F, D2>> {
        if self.is_empty() {
            return None;
        }
        view_as(self.view())
    }
}

impl<T: CotRef + ?Sized> CotRef for &T {
    type Elem = T::Elem;
    #[inline(always)]
    fn cot_view(&self) -> Option<ArrayViewD<'_, T::Elem>> {
        (**self).cot_view()
    }
    #[inline(always)]
    fn cot_shape(&self) -> Option<&[usize]> {
        (**self).cot_shape()
    }
    #[inline(always)]
    fn cot_view_as<D2: Dimension>(&self) -> Option<ArrayView<'_, T::Elem, D2>> {
        (**self).cot_view_as()
    }
}

macro_rules! scalar_cotangent {
    ($($t:ty),*) => {$(
        impl Cotangent for $t {
            #[inline(always)]
            fn into_dyn_cot(self) -> DynCot<$t> {
                DynCot::Scalar(self)
            }
            #[inline(always)]
            fn scalar_copy(&self) -> Option<$t> {
                Some(*self)
            }
            #[inline(always)]
            #[track_caller]
            fn from_dyn_cot(c: DynCot<$t>) -> $t {
                c.expect_scalar("a scalar result").unwrap_or(<$t as Zero>::zero())
            }
            #[inline(always)]
            fn from_cot<G2: Cotangent<Elem = $t>>(g: G2) -> Result<$t, G2> {
                match g.scalar_copy() {
                    Some(_) => Ok(g.into_dyn_cot().sum()),
                    None => Err(g),
                }
            }
        }
    )*};
}
scalar_cotangent!(f32, f64, crate::Dual<f32>, crate::Dual<f64>);

impl<F: TensorFloat, D: Dimension> Cotangent for Array<F, D> {
    #[inline]
    fn into_dyn_cot(self) -> DynCot<F> {
        DynCot::from_array(self)
    }
    #[inline]
    #[track_caller]
    fn from_dyn_cot(c: DynCot<F>) -> Self {
        match c {
            DynCot::Zero => marker(),
            DynCot::Array(a) => into_dim(a),
            DynCot::Scalar(x) => into_dim(ArrayD::from_elem(IxDyn(&[]), x)),
        }
    }
    #[inline]
    fn into_array_as<D2: Dimension>(self) -> Result<Array<F, D2>, Self> {
        if D2::NDIM.is_some_and(|n| n != self.ndim()) {
            return Err(self);
        }
        self.into_dimensionality::<D2>()
            .map_err(|_| unreachable!("the number of axes was checked"))
    }
    #[inline]
    fn from_cot<G2: Cotangent<Elem = F>>(g: G2) -> Result<Self, G2> {
        g.into_array_as::<D>()
    }
    #[inline]
    fn map_with<V: Value<Elem = F> + ?Sized>(
        mut self,
        x: &V,
        mut f: impl FnMut(F, F) -> F,
    ) -> Result<Self, Self> {
        match x.view_as::<D>() {
            Some(xv) if xv.shape() == self.shape() && !self.is_empty() => {
                Zip::from(&mut self)
                    .and(&xv)
                    .for_each(|g, &x| *g = f(x, *g));
                Ok(self)
            }
            _ => Err(self),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Targets

/// Target: the operand has the result's shape and type, so the contribution is returned as
/// is (`Out = G`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Same;

/// Target: the operand is a scalar and the result an array; the contribution is summed
/// (`Out = G::Elem`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ToScalar;

/// Where a rule's contribution goes: [`Same`], [`ToScalar`], or `&operand` (any [`Value`]),
/// which reduces the broadcast contribution to the operand's runtime shape.
pub trait Target<G: Cotangent> {
    /// The cotangent type of the operand.
    type Out;
    /// Reduces a contribution (of the result's shape) to the operand.
    fn reduce(self, c: DynCot<G::Elem>) -> Self::Out;
    /// Reduces the result's cotangent `g` itself (the contribution of `+` and `-`).
    #[inline]
    fn reduce_g(self, g: G) -> Self::Out
    where
        Self: Sized,
    {
        self.reduce(g.into_dyn_cot())
    }
    /// Reduces a borrowed contribution (`None` for zero), copying only the result.
    fn reduce_view(self, c: Option<ArrayViewD<'_, G::Elem>>) -> Self::Out;
    /// Whether [`Target::reduce_g`] of `g` is `g` itself (no reduction, no copy).
    fn whole(&self, g: &G) -> bool;
    /// The operand's array shape, where the target knows it (`None`: a scalar, or a
    /// target that takes any shape).
    #[inline]
    fn array_shape(&self) -> Option<IxDyn> {
        None
    }
    /// Reduces `f(g, x, y)` (`x`, `y` broadcast; `g` borrowed, `None` for zero): the
    /// cotangent part of a product's operand, summed straight into the operand's shape where
    /// `zip_reduce` can, else made whole first and reduced.
    #[inline]
    #[track_caller]
    fn reduce_zip(
        self,
        g: Option<ArrayViewD<'_, G::Elem>>,
        x: &DynVal<'_, G::Elem>,
        y: Option<&DynVal<'_, G::Elem>>,
        f: impl Fn(G::Elem, G::Elem, G::Elem) -> G::Elem,
    ) -> Self::Out
    where
        Self: Sized,
    {
        if let (Some(gv), Some(shape)) = (&g, self.array_shape())
            && let Some(c) = zip_reduce(gv, x, y, shape.slice(), &f)
        {
            return self.reduce(DynCot::Array(c));
        }
        self.reduce(zip_view(g, x, y, f))
    }
}

impl<G: Cotangent> Target<G> for Same {
    type Out = G;
    #[inline]
    #[track_caller]
    fn reduce(self, c: DynCot<G::Elem>) -> G {
        G::from_dyn_cot(c)
    }
    #[inline(always)]
    fn reduce_g(self, g: G) -> G {
        g
    }
    #[inline]
    #[track_caller]
    fn reduce_view(self, c: Option<ArrayViewD<'_, G::Elem>>) -> G {
        G::from_dyn_cot(c.map_or(DynCot::Zero, |c| DynCot::Array(c.to_owned())))
    }
    #[inline(always)]
    fn whole(&self, _: &G) -> bool {
        true
    }
}

impl<G: Cotangent> Target<G> for ToScalar {
    type Out = G::Elem;
    #[inline]
    fn reduce(self, c: DynCot<G::Elem>) -> G::Elem {
        c.sum()
    }
    #[inline]
    fn reduce_view(self, c: Option<ArrayViewD<'_, G::Elem>>) -> G::Elem {
        c.map_or_else(<G::Elem as num_traits::Zero>::zero, |c| c.sum())
    }
    #[inline(always)]
    fn whole(&self, _: &G) -> bool {
        false
    }
}

impl<G: Cotangent, A: Value<Elem = G::Elem> + ?Sized> Target<G> for &A {
    type Out = A::Tangent;
    #[inline]
    #[track_caller]
    fn reduce(self, c: DynCot<G::Elem>) -> A::Tangent {
        self.project(c)
    }
    #[inline]
    #[track_caller]
    fn reduce_view(self, c: Option<ArrayViewD<'_, G::Elem>>) -> A::Tangent {
        self.project_view(c)
    }
    #[inline]
    #[track_caller]
    fn reduce_g(self, g: G) -> A::Tangent {
        self.project_g(g)
    }
    #[inline]
    fn whole(&self, g: &G) -> bool {
        g.cot_shape()
            .is_some_and(|g| g == self.shape_of().unwrap_or(&[]))
    }
    #[inline]
    fn array_shape(&self) -> Option<IxDyn> {
        match self.dyn_val() {
            DynVal::Array(a) => Some(a.raw_dim()),
            DynVal::Scalar(_) => None,
        }
    }
}

/// Target: an operand known by its runtime shape alone (a scalar, or an array of any
/// dimension), with its cotangent type `T`. The reverse sweep records this instead of the
/// operand's value when a `+`, `-`, `*` or `/` rule reads the operand only to reduce a
/// broadcast cotangent back to its shape (`w.dot(&h) + u.dot(&x)` in a loop: two shapes per
/// step instead of a stored vector and a recomputed product).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeOf<T> {
    /// `None` for a scalar.
    dim: Option<Shape>,
    _t: core::marker::PhantomData<fn() -> T>,
}

/// A runtime shape kept inline up to four axes (recorded once per loop step, where making
/// an [`IxDyn`](type@IxDyn) would copy the shape through `memcpy`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    Inline(u8, [usize; 4]),
    Dyn(IxDyn),
}

impl Shape {
    #[inline]
    fn new(s: &[usize]) -> Self {
        if s.len() <= 4 {
            let mut d = [0; 4];
            for (d, &s) in d.iter_mut().zip(s) {
                *d = s;
            }
            Shape::Inline(s.len() as u8, d)
        } else {
            Shape::Dyn(IxDyn(s))
        }
    }
    #[inline]
    fn slice(&self) -> &[usize] {
        match self {
            Shape::Inline(n, d) => &d[..*n as usize],
            Shape::Dyn(d) => d.slice(),
        }
    }
    #[inline]
    fn to_dyn(&self) -> IxDyn {
        match self {
            Shape::Inline(..) => IxDyn(self.slice()),
            Shape::Dyn(d) => d.clone(),
        }
    }
}

/// The [`ShapeOf`] target of a value.
#[inline]
pub fn shape_of_value<A: Value + ?Sized>(a: &A) -> ShapeOf<A::Tangent> {
    ShapeOf {
        dim: a.shape_of().map(Shape::new),
        _t: core::marker::PhantomData,
    }
}

impl<G: Cotangent, T: Cotangent<Elem = G::Elem>> Target<G> for ShapeOf<T> {
    type Out = T;
    #[inline]
    #[track_caller]
    fn reduce(self, c: DynCot<G::Elem>) -> T {
        T::from_dyn_cot(match self.dim {
            None => DynCot::Scalar(c.sum()),
            Some(dim) => DynCot::from_array(project_to(dim.to_dyn(), c)),
        })
    }
    #[inline]
    #[track_caller]
    fn reduce_g(self, g: G) -> T {
        if self.whole(&g) {
            match T::from_cot(g) {
                Ok(t) => t,
                Err(g) => <Self as Target<G>>::reduce(self, g.into_dyn_cot()),
            }
        } else {
            <Self as Target<G>>::reduce(self, g.into_dyn_cot())
        }
    }
    #[inline]
    #[track_caller]
    fn reduce_view(self, c: Option<ArrayViewD<'_, G::Elem>>) -> T {
        T::from_dyn_cot(match self.dim {
            None => DynCot::Scalar(c.map_or_else(<G::Elem as num_traits::Zero>::zero, |c| c.sum())),
            Some(dim) => DynCot::from_array(project_view_to(dim.to_dyn(), c)),
        })
    }
    #[inline]
    fn whole(&self, g: &G) -> bool {
        self.dim
            .as_ref()
            .is_some_and(|d| g.cot_shape().is_some_and(|g| g == d.slice()))
    }
    #[inline]
    fn array_shape(&self) -> Option<IxDyn> {
        self.dim.as_ref().map(Shape::to_dyn)
    }
}

// x̄ of an array parameter: the adjoint, or zeros of x's shape if nothing was added.
/// The gradient returned for an array parameter `like`: its adjoint `d`, or zeros shaped like
/// the parameter when nothing flowed into it (`d` is still the empty marker). Parameters'
/// adjoints start as the marker, so the first contribution is moved in, not added to zeros.
#[inline]
pub fn shaped<A>(d: Array<A::Elem, A::Dim>, like: &A) -> Array<A::Elem, A::Dim>
where
    A: ArrayValue + ?Sized,
    A::Elem: TensorFloat,
{
    let view = like.array_view();
    if d.is_empty() && d.shape() != view.shape() {
        Array::zeros(view.raw_dim())
    } else {
        d
    }
}
