//! Arrays built from sequences and assigned from arrays, as differentiable functions the
//! macro rewrites the user's calls into: `Array1::from_vec(v)`, `Array1::from(v)` and
//! `arr1(&v)` are [`array_from_vec`]; `Array::from_shape_vec(shape, v).unwrap()` is
//! [`array_from_shape_vec`]; the statement `d.assign(&e);` is `d = assigned(&d, &e);`.
//!
//! Each `NAME_pullback` follows the calling convention of generated `f_pullback`s (the
//! value, and a closure from the output cotangent to one cotangent per argument). A zero
//! output cotangent (the empty marker array) pulls back to zero (an empty `Vec`, the marker)
//! without allocating.

use super::broadcast::unbroadcast;
use super::value::{TensorFloat, marker};
use ndarray::{Array, Array1, ArrayBase, Data, Dimension, StrideShape};

/// `Array1::from_vec(v.to_vec())`: a 1-D array of the elements of `v`.
pub fn array_from_vec<F: Copy>(v: &[F]) -> Array1<F> {
    Array1::from(v.to_vec())
}

/// [`array_from_vec`] and its pullback: the array's cotangent, element by element, is the
/// sequence's.
#[allow(clippy::type_complexity)] // the pullback's type is the calling convention
pub fn array_from_vec_pullback<F: TensorFloat>(
    v: &[F],
) -> (Array1<F>, impl FnOnce(Array1<F>) -> (Vec<F>,) + use<F>) {
    let n = v.len();
    (array_from_vec(v), move |g: Array1<F>| {
        if g.is_empty() {
            return (Vec::new(),);
        }
        assert_eq!(
            g.len(),
            n,
            "ad_runtime: the cotangent of `Array1::from_vec` has the wrong length"
        );
        (g.to_vec(),)
    })
}

/// `Array::from_shape_vec(shape, v.to_vec()).unwrap()`: the elements of `v` in the memory
/// order the shape gives (row-major, column-major with `.f()`, or custom strides).
///
/// # Panics
/// Where `from_shape_vec` returns an error (the shape does not fit `v`).
pub fn array_from_shape_vec<F: Copy, D: Dimension, Sh: Into<StrideShape<D>>>(
    shape: Sh,
    v: &[F],
) -> Array<F, D> {
    match Array::from_shape_vec(shape, v.to_vec()) {
        Ok(a) => a,
        Err(e) => panic!("ad_runtime: `from_shape_vec`: {e}"),
    }
}

/// [`array_from_shape_vec`] and its pullback: the cotangent written into a zero array of the
/// same shape and strides, whose storage is then the sequence's cotangent in the order the
/// elements were read (the reverse of a column-major build is column-major).
#[allow(clippy::type_complexity)] // the pullback's type is the calling convention
pub fn array_from_shape_vec_pullback<F, D, Sh>(
    shape: Sh,
    v: &[F],
) -> (
    Array<F, D>,
    impl FnOnce(Array<F, D>) -> ((), Vec<F>) + use<F, D, Sh>,
)
where
    F: TensorFloat,
    D: Dimension,
    Sh: Into<StrideShape<D>>,
{
    let shape: StrideShape<D> = shape.into();
    let n = v.len();
    let a = array_from_shape_vec(shape.clone(), v);
    (a, move |g: Array<F, D>| {
        if g.is_empty() && n > 0 {
            return ((), Vec::new());
        }
        let mut z = array_from_shape_vec(shape, &vec![F::zero(); n]);
        z.assign(&g);
        let (raw, offset) = z.into_raw_vec_and_offset();
        debug_assert!(offset.unwrap_or(0) == 0);
        ((), raw)
    })
}

/// `{ let mut r = d.to_owned(); r.assign(e); r }`: `d.assign(&e)` as a value (`e` broadcast
/// to `d`'s shape).
pub fn assigned<F, S1, S2, D, E>(d: &ArrayBase<S1, D>, e: &ArrayBase<S2, E>) -> Array<F, D>
where
    F: Clone,
    S1: Data<Elem = F>,
    S2: Data<Elem = F>,
    D: Dimension,
    E: Dimension,
{
    let mut r = d.to_owned();
    r.assign(e);
    r
}

/// [`assigned`] and its pullback: `d`'s old values are overwritten (cotangent zero), `e`'s
/// cotangent is the output's summed over the broadcast axes.
#[allow(clippy::type_complexity)] // the pullback's type is the calling convention
pub fn assigned_pullback<F, S1, S2, D, E>(
    d: &ArrayBase<S1, D>,
    e: &ArrayBase<S2, E>,
) -> (
    Array<F, D>,
    impl FnOnce(Array<F, D>) -> (Array<F, D>, Array<F, E>) + use<F, S1, S2, D, E>,
)
where
    F: TensorFloat,
    S1: Data<Elem = F>,
    S2: Data<Elem = F>,
    D: Dimension,
    E: Dimension,
{
    let e_shape = e.shape().to_vec();
    (assigned(d, e), move |g: Array<F, D>| {
        if g.is_empty() {
            return (marker(), marker());
        }
        let ge = unbroadcast(g.into_dyn(), &e_shape)
            .into_dimensionality::<E>()
            .expect("ad_runtime: `assign`: the cotangent has the right rank");
        (marker(), ge)
    })
}
