//! Shape changes: `insert_axis`, reshapes (`into_shape_with_order`, `to_shape`, ...),
//! dimension-type changes, views and copies, `concatenate` and `stack`.

use super::cotangent::Cotangent;
use super::value::{ArrayValue, DynCot, TensorFloat, Value};
use crate::traits::Zero;
use ndarray::{Array, ArrayD, Axis, Order, RemoveAxis, ShapeArg, Slice};

// ---------------------------------------------------------------------------------------
// y = a.insert_axis(axis);  ā += ȳ with that (length-1) axis removed   (O(1))
/// `a.insert_axis(axis)`, cotangent of `a`: `g` without `axis`.
#[inline]
#[track_caller]
pub fn insert_axis_d0<F: TensorFloat, D: RemoveAxis>(
    axis: &Axis,
    g: Array<F, D>,
) -> Array<F, D::Smaller> {
    if g.is_empty() {
        return Zero::zero();
    }
    g.index_axis_move(*axis, 0)
}

// ---------------------------------------------------------------------------------------
// y = reshape(a, shape, order);  ā += reshape(ȳ, shape(a), order)   (O(1) when ȳ is contiguous
// in that order). Reading ȳ in the same order as the forward reshape read a is what makes
// this the transpose of the reshape, for row- and column-major orders alike.
/// Defines `<op>_d0(a, shape, g)` rules for reshapes that take ndarray's `ShapeArg` (a shape,
/// or a shape with an [`Order`]): the cotangent reshaped back to `a` in the same order.
macro_rules! ordered_reshape_rules {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[inline]
        #[track_caller]
        pub fn $name<A, S, G>(a: &A, shape: &S, g: G) -> A::Tangent
        where
            A: Value + ?Sized,
            S: ShapeArg + Clone,
            G: Cotangent<Elem = A::Elem>,
        {
            reshape_back(a, g, order_of(shape))
        }
    )*};
}

ordered_reshape_rules! {
    /// `a.into_shape_with_order(shape)` (`shape` may carry an [`Order`]; row-major by
    /// default), cotangent of `a`: `g` reshaped to `a` in the same order.
    into_shape_with_order_d0;
    /// `a.to_shape(shape)` (`shape` may carry an [`Order`]; row-major by default), cotangent
    /// of `a`: `g` reshaped to `a` in the same order.
    to_shape_d0;
}

/// The order a reshape reads its elements in: the one given with the shape, else ndarray's
/// default, row-major.
fn order_of<S: ShapeArg + Clone>(shape: &S) -> Order {
    shape
        .clone()
        .into_shape_and_order()
        .1
        .unwrap_or(Order::RowMajor)
}

/// Defines `<op>_d0(a, g)` rules for dimension-type changes: the cotangent with `a`'s shape.
macro_rules! reshape_rules {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[inline]
        #[track_caller]
        pub fn $name<A, G>(a: &A, g: G) -> A::Tangent
        where
            A: Value + ?Sized,
            G: Cotangent<Elem = A::Elem>,
        {
            reshape_back(a, g, Order::RowMajor)
        }
    )*};
}

// y = a.into_dyn() / a.into_dimensionality::<E>();  ā += ȳ with a's dimension type   (O(1))
reshape_rules! {
    /// `a.into_dyn()`, cotangent of `a`: `g` with `a`'s dimension type.
    into_dyn_d0;
    /// `a.into_dimensionality::<E>()`, cotangent of `a`: `g` with `a`'s dimension type.
    into_dimensionality_d0;
}

/// `g` reshaped to `a`'s shape, its elements read and written in `order`: no copy when `g`
/// is contiguous in that order.
#[track_caller]
fn reshape_back<A, G>(a: &A, g: G, order: Order) -> A::Tangent
where
    A: Value + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    let g = match g.into_dyn_cot() {
        DynCot::Array(g) => g,
        c => return a.project(c),
    };
    let av = a.dyn_val();
    let shape = av.shape();
    if g.shape() == shape {
        return a.project(DynCot::Array(g));
    }
    let contiguous = match order {
        Order::ColumnMajor => g.t().is_standard_layout(),
        _ => g.is_standard_layout(),
    };
    let g = if contiguous {
        g.into_shape_with_order((shape, order))
            .expect("reshape of a contiguous cotangent")
    } else {
        g.to_shape((shape, order))
            .unwrap_or_else(|e| panic!("cannot reshape a cotangent to {shape:?}: {e}"))
            .into_owned()
    };
    a.project(DynCot::Array(g))
}

// ---------------------------------------------------------------------------------------
// y = a.view() / a.to_owned() / a.into_owned();  ā += ȳ
/// `a.view()`, cotangent of `a`: `g`.
#[inline(always)]
pub fn view_d0<G>(g: G) -> G {
    g
}
/// `a.to_owned()`, cotangent of `a`: `g`.
#[inline(always)]
pub fn to_owned_d0<G>(g: G) -> G {
    g
}
/// `a.into_owned()`, cotangent of `a`: `g`.
#[inline(always)]
pub fn into_owned_d0<G>(g: G) -> G {
    g
}

// ---------------------------------------------------------------------------------------
// y = concatenate(axis, [p₀, p₁, ...]);  p̄ₖ += ȳ[start..start + len(pₖ)] along axis
/// `ndarray::concatenate(axis, &[.., part, ..])`, cotangent of the part that starts at
/// offset `start` along `axis` (the sum of the earlier parts' [`len_of`]): that slab of `g`
/// (O(1): `g`'s buffer is sliced in place).
#[inline]
#[track_caller]
pub fn concatenate_d<P, G>(axis: &Axis, start: usize, part: &P, g: G) -> P::Tangent
where
    P: ArrayValue + ?Sized,
    G: Cotangent<Elem = P::Elem>,
{
    let mut g: ArrayD<P::Elem> = match g.into_dyn_cot() {
        DynCot::Array(g) => g,
        DynCot::Zero => return P::Tangent::zero(),
        DynCot::Scalar(_) => panic!("concatenate: the result's cotangent must be an array"),
    };
    let len = part.array_view().len_of(*axis);
    let start = isize::try_from(start).expect("offset fits isize");
    let end = start + isize::try_from(len).expect("length fits isize");
    g.slice_axis_inplace(*axis, Slice::from(start..end));
    part.project(DynCot::Array(g))
}

// y = stack(axis, [p₀, p₁, ...]);  p̄ₖ += ȳ[k] along axis
/// `ndarray::stack(axis, &[.., part, ..])`, cotangent of the `k`-th part: `g`'s `k`-th
/// subview along `axis` (O(1)).
#[inline]
#[track_caller]
pub fn stack_d<P, G>(axis: &Axis, k: usize, part: &P, g: G) -> P::Tangent
where
    P: ArrayValue + ?Sized,
    G: Cotangent<Elem = P::Elem>,
{
    let g: ArrayD<P::Elem> = match g.into_dyn_cot() {
        DynCot::Array(g) => g,
        DynCot::Zero => return P::Tangent::zero(),
        DynCot::Scalar(_) => panic!("stack: the result's cotangent must be an array"),
    };
    part.project(DynCot::Array(g.index_axis_move(*axis, k)))
}

/// The length of `part` along `axis` (the macro sums these to get offsets for
/// [`concatenate_d`]).
#[inline]
pub fn len_of<P: ArrayValue + ?Sized>(part: &P, axis: &Axis) -> usize {
    part.array_view().len_of(*axis)
}
