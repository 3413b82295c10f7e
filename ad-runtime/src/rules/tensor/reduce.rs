//! Reductions: `sum`, `mean`, `var`, `std` (whole array or along an axis) and
//! `fold_axis(axis, init, max/min)`. The result's cotangent is broadcast back over the
//! reduced elements.

use super::cotangent::Cotangent;
use super::value::{ArrayValue, DynCot, DynVal, TensorFloat, Value};
use crate::traits::{Real, Zero};
use ndarray::{ArrayD, Axis, Zip};

/// `F` from a length or a count.
fn count<F: TensorFloat>(n: usize) -> F {
    F::from_usize(n).expect("length fits the float type")
}

// ---------------------------------------------------------------------------------------
// y = Σᵢ aᵢ;  ā += ȳ (every element)
/// `a.sum()`, cotangent of `a`: `g` broadcast to `a`'s shape.
#[inline]
#[track_caller]
pub fn sum_d0<A: Value + ?Sized>(a: &A, g: A::Elem) -> A::Tangent {
    fill(a, g)
}

// y = Σᵢ aᵢ / n;  ā += ȳ / n
/// `a.mean()` (unwrapped), cotangent of `a`: `g / n` broadcast to `a`'s shape.
#[inline]
#[track_caller]
pub fn mean_d0<A: Value + ?Sized>(a: &A, g: A::Elem) -> A::Tangent {
    let n = a.dyn_val().expect_array("mean").len();
    fill(a, g / count(n))
}

/// `x` in every element of `a`'s shape (the marker for `x == 0`).
#[track_caller]
fn fill<A: Value + ?Sized>(a: &A, x: A::Elem) -> A::Tangent {
    if num_traits::Zero::is_zero(&x) {
        return A::Tangent::zero();
    }
    let av = a.dyn_val();
    let c = ArrayD::from_elem(av.shape(), x);
    a.project(DynCot::Array(c))
}

// y = Σ_axis a;  ā += ȳ broadcast along axis
/// `a.sum_axis(axis)`, cotangent of `a`: `g` repeated along `axis`.
#[inline]
#[track_caller]
pub fn sum_axis_d0<A, G>(a: &A, axis: &Axis, g: G) -> A::Tangent
where
    A: Value + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    spread(a, *axis, g, num_traits::one::<A::Elem>())
}

// y = Σ_axis a / n;  ā += ȳ / n broadcast along axis
/// `a.mean_axis(axis)` (unwrapped), cotangent of `a`: `g / n` repeated along `axis`.
#[inline]
#[track_caller]
pub fn mean_axis_d0<A, G>(a: &A, axis: &Axis, g: G) -> A::Tangent
where
    A: Value + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    let n = a.dyn_val().expect_array("mean_axis").len_of(*axis);
    spread(a, *axis, g, num_traits::one::<A::Elem>() / count(n))
}

/// `scale · g` repeated along `axis` to `a`'s shape.
#[track_caller]
fn spread<A, G>(a: &A, axis: Axis, g: G, scale: A::Elem) -> A::Tangent
where
    A: Value + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    let g = g.into_dyn_cot();
    let Some(gv) = g.view() else {
        return A::Tangent::zero();
    };
    let gv = gv.insert_axis(axis);
    let av = a.dyn_val();
    let av = av.expect_array("sum_axis");
    let c = Zip::from(&av)
        .and_broadcast(&gv)
        .map_collect(|_, &g| g * scale);
    a.project(DynCot::Array(c))
}

/// `a.sum_axis(axis)`, cotangent of `a` added into its adjoint `d` in place: `g` repeated
/// along `axis` is added without an array of `a`'s shape first (the first contribution, into
/// the empty marker, is moved in).
#[inline]
#[track_caller]
pub fn acc_sum_axis_d0<A, G>(d: &mut ndarray::Array<A::Elem, A::Dim>, a: &A, axis: &Axis, g: G)
where
    A: ArrayValue<Tangent = ndarray::Array<<A as Value>::Elem, <A as ArrayValue>::Dim>> + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    acc_spread(d, a, *axis, g, num_traits::one::<A::Elem>());
}

/// `a.mean_axis(axis)`, cotangent of `a` added into its adjoint `d` in place (see
/// [`acc_sum_axis_d0`]).
#[inline]
#[track_caller]
pub fn acc_mean_axis_d0<A, G>(d: &mut ndarray::Array<A::Elem, A::Dim>, a: &A, axis: &Axis, g: G)
where
    A: ArrayValue<Tangent = ndarray::Array<<A as Value>::Elem, <A as ArrayValue>::Dim>> + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    let n = a.array_view().len_of(*axis);
    acc_spread(d, a, *axis, g, num_traits::one::<A::Elem>() / count(n));
}

/// `d += scale · g` repeated along `axis` (`d` the empty marker: `spread` moved in).
#[track_caller]
fn acc_spread<A, G>(
    d: &mut ndarray::Array<A::Elem, A::Dim>,
    a: &A,
    axis: Axis,
    g: G,
    scale: A::Elem,
) where
    A: ArrayValue<Tangent = ndarray::Array<<A as Value>::Elem, <A as ArrayValue>::Dim>> + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    if d.is_empty() {
        *d = spread(a, axis, g, scale);
        return;
    }
    let g = g.into_dyn_cot();
    let Some(gv) = g.view() else {
        return;
    };
    let gv = gv.insert_axis(axis);
    let mut dv = d.view_mut().into_dyn();
    assert!(
        dv.shape() == a.array_view().shape(),
        "sum_axis: an adjoint of shape {:?} for an array of shape {:?}",
        dv.shape(),
        a.array_view().shape()
    );
    Zip::from(&mut dv)
        .and_broadcast(&gv)
        .for_each(|d, &g| *d += g * scale);
}

// ---------------------------------------------------------------------------------------
// y = Σᵢ (aᵢ - m)² / (n - ddof), m = mean a;  ā += 2ȳ (a - m) / (n - ddof)
/// `a.var(ddof)`, cotangent of `a`.
#[inline]
#[track_caller]
pub fn var_d0<A, P>(a: &A, ddof: &P, g: A::Elem) -> A::Tangent
where
    A: Value + ?Sized,
    P: Real<F = A::Elem> + ?Sized,
{
    let two = num_traits::one::<A::Elem>() + num_traits::one::<A::Elem>();
    centred(a, ddof.get(), g * two)
}

// s = √var;  ā += ȳ (a - m) / ((n - ddof) s)   (0 when s = 0: then a = m everywhere)
/// `a.std(ddof)`, cotangent of `a`, needs the result `y`.
#[inline]
#[track_caller]
pub fn std_d0<A, P, Y>(a: &A, ddof: &P, y: &Y, g: A::Elem) -> A::Tangent
where
    A: Value + ?Sized,
    P: Real<F = A::Elem> + ?Sized,
    Y: Real<F = A::Elem> + ?Sized,
{
    let y = y.get();
    if y <= rounding_floor(&a.dyn_val().expect_array("std").view()) {
        return A::Tangent::zero();
    }
    centred(a, ddof.get(), g / y)
}

/// The size below which a computed standard deviation of `a`'s elements is rounding noise
/// (`8 ε max|aᵢ|`, a few ulps of the largest element): data that are equal up to rounding (a
/// column made constant by broadcasting, `x - x.mean()` of one value) have a `std` of an ulp
/// or two, not 0, and its derivative `(a - m) / ((n - ddof) s)` would be noise over noise, of
/// order 1. Below it the convention at `s = 0` applies (derivative 0), as central differences
/// of such data see. (It was `64 ε max|aᵢ|`, which also zeroed data with a real spread of a
/// few dozen ulps on a large offset: `[1e12, 1e12 + 2⁻⁷, 1e12 + 2⁻⁶]`, whose derivative
/// forward mode gave.)
fn rounding_floor<F: num_traits::Float, D: ndarray::Dimension>(
    a: &ndarray::ArrayView<'_, F, D>,
) -> F {
    let max = a.iter().fold(F::zero(), |m, &x| m.max(x.abs()));
    max * F::epsilon() * F::from(8.0).unwrap()
}

/// `k (a - mean a) / (n - ddof)`.
#[track_caller]
fn centred<A: Value + ?Sized>(a: &A, ddof: A::Elem, k: A::Elem) -> A::Tangent {
    if num_traits::Zero::is_zero(&k) {
        return A::Tangent::zero();
    }
    let av = a.dyn_val();
    let av = av.expect_array("var");
    let m = av.mean().expect("var of an empty array");
    let k = k / (count::<A::Elem>(av.len()) - ddof);
    a.project(DynCot::Array(av.mapv(|x| k * (x - m))))
}

// y = Σ_axis (a - m)² / (n - ddof), m = mean_axis a;  ā += 2ȳ (a - m) / (n - ddof)
/// `a.var_axis(axis, ddof)`, cotangent of `a`.
#[inline]
#[track_caller]
pub fn var_axis_d0<A, P, G>(a: &A, axis: &Axis, ddof: &P, g: G) -> A::Tangent
where
    A: Value + ?Sized,
    P: Real<F = A::Elem> + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    let two = num_traits::one::<A::Elem>() + num_traits::one::<A::Elem>();
    centred_axis(a, *axis, ddof.get(), g, None, two)
}

// s = √var_axis;  ā += ȳ (a - m) / ((n - ddof) s)   (0 where s = 0)
/// `a.std_axis(axis, ddof)`, cotangent of `a`, needs the result `y`.
#[inline]
#[track_caller]
pub fn std_axis_d0<A, P, Y, G>(a: &A, axis: &Axis, ddof: &P, y: &Y, g: G) -> A::Tangent
where
    A: Value + ?Sized,
    P: Real<F = A::Elem> + ?Sized,
    Y: Value<Elem = A::Elem> + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    let y = y.dyn_val();
    centred_axis(
        a,
        *axis,
        ddof.get(),
        g,
        Some(&y),
        num_traits::one::<A::Elem>(),
    )
}

/// `k g (a - mean_axis a) / ((n - ddof) y)` along `axis`, with `y = 1` when absent and zero
/// where `y = 0`.
#[track_caller]
fn centred_axis<A, G>(
    a: &A,
    axis: Axis,
    ddof: A::Elem,
    g: G,
    y: Option<&DynVal<'_, A::Elem>>,
    k: A::Elem,
) -> A::Tangent
where
    A: Value + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    let g = g.into_dyn_cot();
    let Some(gv) = g.view() else {
        return A::Tangent::zero();
    };
    let gv = gv.insert_axis(axis);
    let av = a.dyn_val();
    let av = av.expect_array("var_axis");
    let m = av.mean_axis(axis).expect("var_axis along an empty axis");
    let m = m.view().insert_axis(axis);
    let k = k / (count::<A::Elem>(av.len_of(axis)) - ddof);
    let Some(y) = y else {
        // `var_axis`: no division by the result, one product per element.
        if av.is_standard_layout() {
            let mut c = av.to_owned();
            if super::lanes::zip_rows_mut(&mut c, &m, Some(&gv), |x, m, g| k * g * (x - m)) {
                return a.project(DynCot::Array(c));
            }
        }
        let c = Zip::from(&av)
            .and_broadcast(&m)
            .and_broadcast(&gv)
            .map_collect(|&x, &m, &g| k * g * (x - m));
        return a.project(DynCot::Array(c));
    };
    let y = Some(y);
    let one = num_traits::one::<A::Elem>();
    // A missing `y` is a 0-dimensional 1, which broadcasts to anything.
    let y = y.map_or_else(
        || ndarray::aview0(&one).into_dyn(),
        |y| y.view().insert_axis(axis),
    );
    // (Rounding noise counts as 0, see `rounding_floor`.)
    let floor = rounding_floor(&av.view());
    let c = Zip::from(&av)
        .and_broadcast(&m)
        .and_broadcast(&gv)
        .and_broadcast(&y)
        .map_collect(|&x, &m, &g, &y| {
            if y <= floor {
                num_traits::zero::<A::Elem>()
            } else {
                k * g * (x - m) / y
            }
        });
    a.project(DynCot::Array(c))
}

// ---------------------------------------------------------------------------------------
// y = a.fold_axis(axis, init, max);  ā[first k with a_k = y] += ȳ along each lane
// (nothing when no element equals y, i.e. `init` won)
/// `a.fold_axis(axis, init, |&m, &v| m.max(v))`, cotangent of `a`, needs the result `y`:
/// `g` goes to the first arg-max of each lane.
#[inline]
#[track_caller]
pub fn fold_axis_max_d0<A, Y, G>(a: &A, axis: &Axis, y: &Y, g: G) -> A::Tangent
where
    A: Value + ?Sized,
    Y: Value<Elem = A::Elem> + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    to_first_match(a, *axis, y, g)
}

// y = a.fold_axis(axis, init, min);  ā[first k with a_k = y] += ȳ along each lane
/// `a.fold_axis(axis, init, |&m, &v| m.min(v))`, cotangent of `a`, needs the result `y`:
/// `g` goes to the first arg-min of each lane.
#[inline]
#[track_caller]
pub fn fold_axis_min_d0<A, Y, G>(a: &A, axis: &Axis, y: &Y, g: G) -> A::Tangent
where
    A: Value + ?Sized,
    Y: Value<Elem = A::Elem> + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    to_first_match(a, *axis, y, g)
}

/// `g` placed, in each lane along `axis`, at the first element equal to the lane's result.
#[track_caller]
fn to_first_match<A, Y, G>(a: &A, axis: Axis, y: &Y, g: G) -> A::Tangent
where
    A: Value + ?Sized,
    Y: Value<Elem = A::Elem> + ?Sized,
    G: Cotangent<Elem = A::Elem>,
{
    let g = g.into_dyn_cot();
    let Some(gv) = g.view() else {
        return A::Tangent::zero();
    };
    let av = a.dyn_val();
    let av = av.expect_array("fold_axis");
    let y = y.dyn_val();
    let yv = y.view();
    let mut out = ArrayD::zeros(av.shape());
    Zip::from(out.lanes_mut(axis))
        .and(av.lanes(axis))
        .and_broadcast(&yv)
        .and_broadcast(&gv)
        .for_each(|mut o, lane, &y, &g| {
            if let Some(k) = lane.iter().position(|&v| v == y) {
                o[k] = g;
            }
        });
    a.project(DynCot::Array(out))
}
