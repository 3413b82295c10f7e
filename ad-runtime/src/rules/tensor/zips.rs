//! The elementwise kernels the arithmetic and elementwise rules share: a cotangent combined
//! with broadcast operands element by element (`zip1`, `zip2`, in place in the cotangent;
//! `zip_view`, from a borrowed one) and summed straight into a broadcast operand's shape
//! (`zip_reduce`). Row-major cotangents take the row loops of `lanes`.

use super::broadcast::{broadcasts_to, co_broadcast};
use super::lanes::{sum_cols, sum_rows, zip_rows_mut};
use super::value::{DynCot, DynVal, TensorFloat};
use ndarray::{ArrayD, ArrayViewD, Zip};

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
        None => xv,
    };
    let has_y = y.is_some();
    let h = |g: F, x: F, y: F| f(g, x, if has_y { y } else { F::zero() });
    let out = if (shape == [n] || shape == [1, n]) && m > 1 {
        if let Some(out) = sum_cols(&g, &x.view(), y.map(|y| y.view()).as_ref(), &h) {
            return out.into_shape_with_order(shape.to_vec()).ok();
        }
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
