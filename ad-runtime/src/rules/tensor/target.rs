//! Where a rule's contribution goes: [`Target`], implemented by [`Same`] (the operand has the
//! result's type), [`ToScalar`] (a scalar operand of an array result), `&operand` (reduced to
//! the operand's runtime shape) and [`ShapeOf`] (an operand recorded by its shape alone).

use super::cotangent::Cotangent;
use super::value::{DynCot, DynVal, Value, project_to, project_view_to};
use super::zips::{zip_reduce, zip_view};
use ndarray::{ArrayViewD, Dimension, IxDyn};

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
