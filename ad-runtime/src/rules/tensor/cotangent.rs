//! Cotangents on the tensor path: [`Cotangent`] (owned: a float, or an array whose empty
//! marker means zero) and [`CotRef`] (what a rule only reads), with their typed fast paths.

use super::value::{DynCot, TensorFloat, Value, into_dim, marker, view_as};
use crate::traits::{Accumulate, Zero};
use ndarray::{Array, ArrayD, ArrayView, ArrayViewD, Dimension, IxDyn, Zip, aview0};

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
