//! `a.mapv(f)` with a differentiable closure: the macro differentiates the closure body
//! into `f(x, ȳ) -> (x̄, c̄)` (the element's cotangent and the contribution to the values
//! the closure captures), and this rule runs it over every element.

use super::cotangent::Cotangent;
use super::value::{DynCot, Value};
use crate::traits::{Accumulate, Zero};
use ndarray::Zip;

// y = a.mapv(φ);  āᵢ += ∂φ/∂x(aᵢ) ȳᵢ;  c̄ += Σᵢ ∂φ/∂c(aᵢ) ȳᵢ   (c: the captured values)
/// `x.mapv(φ)`, cotangent of `x` and of φ's captured values: `f(xᵢ, gᵢ)` returns the
/// element's cotangent and its contribution to the captures, which are summed. Runs in
/// place in `g`'s buffer. A zero `g` gives zeros without calling `f`.
#[inline]
#[track_caller]
pub fn mapv_d0<X, G, C, Fun>(x: &X, g: G, mut f: Fun) -> (X::Tangent, C)
where
    X: Value + ?Sized,
    G: Cotangent<Elem = X::Elem>,
    C: Zero + Accumulate,
    Fun: FnMut(X::Elem, X::Elem) -> (X::Elem, C),
{
    let mut captured = C::zero();
    // An array cotangent of `x`'s shape: one typed pass, in place.
    let g = match g.map_with(x, |x, g| {
        let (dx, dc) = f(x, g);
        captured.accumulate(dc);
        dx
    }) {
        Ok(g) => return (x.project_g(g), captured),
        Err(g) => g,
    };
    let c = match (g.into_dyn_cot(), x.dyn_val()) {
        (DynCot::Zero, _) => DynCot::Zero,
        (DynCot::Scalar(g), xv) => {
            let xv = xv.view();
            assert!(
                xv.len() == 1,
                "mapv: a scalar cotangent for an array of shape {:?}",
                xv.shape()
            );
            let (dx, dc) = f(xv.iter().next().copied().expect("one element"), g);
            captured.accumulate(dc);
            DynCot::Scalar(dx)
        }
        (DynCot::Array(mut g), xv) => {
            let xv = xv.view();
            assert!(
                g.shape() == xv.shape(),
                "mapv: cotangent of shape {:?} for an array of shape {:?}",
                g.shape(),
                xv.shape()
            );
            Zip::from(&mut g).and(&xv).for_each(|g, &x| {
                let (dx, dc) = f(x, *g);
                *g = dx;
                captured.accumulate(dc);
            });
            DynCot::Array(g)
        }
    };
    (x.project(c), captured)
}

// y = a.mapv(φ), φ' a function of φ's value (tanh, exp, sqrt, ...);  āᵢ += φ'(yᵢ) ȳᵢ
/// `x.mapv(φ)` where the derivative of φ is a function of its value: cotangent of `x` from
/// the stored result `y`, `f(yᵢ, gᵢ)`, in place in `g`'s buffer, without evaluating φ again
/// (the hand-written backward pass of `tanh`: `ȳ (1 - y²)`). A zero `g` stays zero.
#[inline]
#[track_caller]
pub fn mapv_out_d0<Y, G, Fun>(y: &Y, g: G, mut f: Fun) -> Y::Tangent
where
    Y: Value + ?Sized,
    G: Cotangent<Elem = Y::Elem>,
    Fun: FnMut(Y::Elem, Y::Elem) -> Y::Elem,
{
    // The same traversal as `mapv_d0`'s, over the result and with nothing captured.
    mapv_d0(y, g, |y, g| (f(y, g), ())).0
}

/// The reverse of [`mapv_dual`]: `ȳᵢ φ'(xᵢ)` from the derivative array `d`, in place in
/// `g`'s buffer; a zero `ȳᵢ` stays zero where the slope is infinite (`sqrt` at 0: not
/// `0 · ∞ = NaN`), as the scalar rules keep it.
#[inline]
#[track_caller]
pub fn mapv_slope_d0<Y, G>(d: &Y, g: G) -> Y::Tangent
where
    Y: Value + ?Sized,
    G: Cotangent<Elem = Y::Elem>,
{
    mapv_out_d0(d, g, |d, g| {
        if num_traits::Zero::is_zero(&g) {
            g
        } else {
            d * g
        }
    })
}

// y = a.mapv(φ), with φ'(a) from dual numbers in the same pass;  āᵢ += φ'(aᵢ) ȳᵢ
/// `x.mapv(φ)` and `φ'` at every element, in one pass: `phi` is the closure lifted to dual
/// numbers, run on each element with tangent 1, so its value is `φ(xᵢ)` and its tangent
/// `φ'(xᵢ)` (forward mode inside the reverse sweep's forward pass; the reverse is then
/// [`mapv_out_d0`] of the derivative array with `|d, g| d * g`).
#[inline]
pub fn mapv_dual<F, S, D, Phi>(
    x: &ndarray::ArrayBase<S, D>,
    phi: Phi,
) -> (ndarray::Array<F, D>, ndarray::Array<F, D>)
where
    F: num_traits::Float,
    S: ndarray::Data<Elem = F>,
    D: ndarray::Dimension,
    Phi: Fn(crate::Dual<F>) -> crate::Dual<F>,
{
    let mut d = ndarray::Array::from_elem(x.raw_dim(), F::zero());
    let y = Zip::from(&mut d).and(x).map_collect(|d, &v| {
        let r = phi(crate::Dual::new(v, F::one()));
        *d = r.eps;
        r.re
    });
    (y, d)
}

/// [`mapv_dual`] for `x.map(|&v| ..)`: the lifted closure takes the element by reference.
#[inline]
pub fn map_dual<F, S, D, Phi>(
    x: &ndarray::ArrayBase<S, D>,
    phi: Phi,
) -> (ndarray::Array<F, D>, ndarray::Array<F, D>)
where
    F: num_traits::Float,
    S: ndarray::Data<Elem = F>,
    D: ndarray::Dimension,
    Phi: Fn(&crate::Dual<F>) -> crate::Dual<F>,
{
    mapv_dual(x, |v| phi(&v))
}
