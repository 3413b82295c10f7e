//! What the tensor rules read: values ([`Value`], [`ArrayValue`]) and their type-erased
//! forms ([`DynVal`], and [`DynCot`] for contributions), with the reduction of a broadcast
//! contribution to a value's shape ([`Value::project`]). Cotangents are in `cotangent`, the
//! targets a rule's contribution goes to in `target`, the shared elementwise kernels in
//! `zips`.
//!
//! The macro cannot see types, so every tensor rule is generic: it converts its inputs to the
//! dynamic forms (O(1): a view or a change of the dimension type, never a copy), computes the
//! contribution once, and hands it to the target, which reduces it to the operand's shape
//! (summing broadcast axes, as `unbroadcast`) and converts it back to the operand's static
//! tangent type. When the contribution already has the operand's shape nothing is copied.
//! For small arrays the dynamic forms themselves cost more than the arithmetic (each copies
//! the shape and strides), so the common cases also have typed paths that never make them:
//! [`Value::shape_of`], [`Value::view_as`], [`Value::project_g`] and their cotangent
//! counterparts.

use super::broadcast::{broadcasts_to, unbroadcast, unbroadcast_view};
use super::cotangent::Cotangent;
use crate::traits::{Accumulate, Real, Zero};
use ndarray::{
    Array, ArrayBase, ArrayD, ArrayRef, ArrayView, ArrayViewD, Data, Dimension, LinalgScalar,
    ScalarOperand, aview0,
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
    /// An array of any storage and dimension, viewed with [`IxDyn`](type@ndarray::IxDyn).
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

/// The [`Value`] methods shared by arrays of any storage and `ArrayRef`.
macro_rules! array_value_methods {
    () => {
        #[inline]
        fn dyn_val(&self) -> DynVal<'_, F> {
            DynVal::Array(self.view().into_dyn())
        }
        #[inline]
        #[track_caller]
        fn project(&self, c: DynCot<F>) -> Array<F, D> {
            project_to(self.raw_dim(), c)
        }
        #[inline]
        #[track_caller]
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
    };
}

impl<F: TensorFloat, S: Data<Elem = F>, D: Dimension> Value for ArrayBase<S, D> {
    type Elem = F;
    type Tangent = Array<F, D>;
    array_value_methods!();
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
    array_value_methods!();
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
pub(super) fn project_to<F: TensorFloat, D: Dimension>(dim: D, c: DynCot<F>) -> Array<F, D> {
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
pub(super) fn project_view_to<F: TensorFloat, D: Dimension>(
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
