//! Row-by-row loops for the elementwise rules' broadcast operands.
//!
//! `ndarray::Zip` over operands broadcast with a zero stride (a per-row statistic `(m, 1)`
//! against an `(m, n)` cotangent, as in a layer norm's `(z - mean) / sd`) cannot use its
//! contiguous path and steps element by element through strides, a few times slower than
//! the arithmetic. These loops walk the cotangent's rows (the lanes of its last axis, in
//! memory order) and read each operand's row either as a slice or, for a zero stride, as
//! one repeated value, so that every inner loop runs over plain slices. They apply when the
//! cotangent is in standard (row-major) layout and every operand's rows are contiguous or
//! constant; the callers keep `Zip` for everything else.

use super::TensorFloat;
use ndarray::{ArrayD, ArrayView1, ArrayViewD};

/// One operand's row: contiguous elements, or one value repeated (a zero stride).
#[derive(Clone, Copy)]
pub(super) enum Lane<'a, F> {
    Slice(&'a [F]),
    Splat(F),
}

impl<'a, F: Copy> Lane<'a, F> {
    #[inline]
    fn of(v: ArrayView1<'a, F>) -> Option<Self> {
        if !v.is_empty() && (v.len() == 1 || v.strides()[0] == 0) {
            return Some(Lane::Splat(v[0]));
        }
        v.to_slice().map(Lane::Slice)
    }
}

/// `g[j] ← f(g[j], x[j], y[j])` over one row.
#[inline(always)]
fn row_mut<F: Copy>(g: &mut [F], x: Lane<'_, F>, y: Lane<'_, F>, f: &impl Fn(F, F, F) -> F) {
    let n = g.len();
    match (x, y) {
        (Lane::Slice(x), Lane::Slice(y)) => {
            let (x, y) = (&x[..n], &y[..n]);
            for j in 0..n {
                g[j] = f(g[j], x[j], y[j]);
            }
        }
        (Lane::Slice(x), Lane::Splat(y)) => {
            for (g, &x) in g.iter_mut().zip(&x[..n]) {
                *g = f(*g, x, y);
            }
        }
        (Lane::Splat(x), Lane::Slice(y)) => {
            for (g, &y) in g.iter_mut().zip(&y[..n]) {
                *g = f(*g, x, y);
            }
        }
        (Lane::Splat(x), Lane::Splat(y)) => {
            for g in g.iter_mut() {
                *g = f(*g, x, y);
            }
        }
    }
}

/// `out[j] += h(g[j], x[j], y[j])` over one row.
#[inline(always)]
fn row_acc<F: TensorFloat>(
    out: &mut [F],
    g: &[F],
    x: Lane<'_, F>,
    y: Lane<'_, F>,
    h: &impl Fn(F, F, F) -> F,
) {
    let n = out.len();
    let g = &g[..n];
    match (x, y) {
        (Lane::Slice(x), Lane::Slice(y)) => {
            let (x, y) = (&x[..n], &y[..n]);
            for j in 0..n {
                out[j] += h(g[j], x[j], y[j]);
            }
        }
        (Lane::Slice(x), Lane::Splat(y)) => {
            let x = &x[..n];
            for j in 0..n {
                out[j] += h(g[j], x[j], y);
            }
        }
        (Lane::Splat(x), Lane::Slice(y)) => {
            let y = &y[..n];
            for j in 0..n {
                out[j] += h(g[j], x, y[j]);
            }
        }
        (Lane::Splat(x), Lane::Splat(y)) => {
            for j in 0..n {
                out[j] += h(g[j], x, y);
            }
        }
    }
}

/// `Σⱼ h(g[j], x[j], y[j])` over one row, in eight partial sums (element `j` into sum
/// `j mod 8`, the sums added pairwise, then the tail in order), as ndarray's `sum` of a
/// slice does: a single running sum is a chain of dependent additions that does not
/// vectorise (a layer norm's per-row reductions spent most of their time waiting on it).
#[inline(always)]
fn row_sum<F: TensorFloat>(
    g: &[F],
    x: Lane<'_, F>,
    y: Lane<'_, F>,
    h: &impl Fn(F, F, F) -> F,
) -> F {
    /// The sum of `term(g8[l], x8[l], y8[l])` with lanes read as `$x`/`$y` chunks.
    macro_rules! sum8 {
        ($xc:expr, $yc:expr, $xt:expr, $yt:expr) => {{
            let n = g.len();
            let full = n - n % 8;
            let mut p = [F::zero(); 8];
            for (c, g8) in g[..full].chunks_exact(8).enumerate() {
                let (x8, y8): ([F; 8], [F; 8]) = ($xc(c), $yc(c));
                for l in 0..8 {
                    p[l] += h(g8[l], x8[l], y8[l]);
                }
            }
            let mut acc = ((p[0] + p[4]) + (p[1] + p[5])) + ((p[2] + p[6]) + (p[3] + p[7]));
            for j in full..n {
                acc += h(g[j], $xt(j), $yt(j));
            }
            acc
        }};
    }
    let n = g.len();
    let chunk =
        |s: &[F], c: usize| -> [F; 8] { s[c * 8..c * 8 + 8].try_into().expect("a chunk of eight") };
    match (x, y) {
        (Lane::Slice(x), Lane::Slice(y)) => {
            let (x, y) = (&x[..n], &y[..n]);
            sum8!(|c| chunk(x, c), |c| chunk(y, c), |j| x[j], |j| y[j])
        }
        (Lane::Slice(x), Lane::Splat(y)) => {
            let x = &x[..n];
            sum8!(|c| chunk(x, c), |_| [y; 8], |j| x[j], |_| y)
        }
        (Lane::Splat(x), Lane::Slice(y)) => {
            let y = &y[..n];
            sum8!(|_| [x; 8], |c| chunk(y, c), |_| x, |j| y[j])
        }
        (Lane::Splat(x), Lane::Splat(y)) => sum8!(|_| [x; 8], |_| [y; 8], |_| x, |_| y),
    }
}

/// The rows of `x` broadcast to `(m, n)`, each as a [`Lane`]; `None` when `x` does not
/// broadcast or its rows are neither contiguous nor constant (the same for every row: a
/// view's strides are uniform).
pub(super) fn lanes<'a, F: Copy>(
    x: &'a ArrayViewD<'_, F>,
    m: usize,
    n: usize,
) -> Option<impl Iterator<Item = Lane<'a, F>>> {
    let xb = x.broadcast((m, n))?;
    let inner = xb.strides()[1];
    if n > 1 && inner != 0 && inner != 1 {
        return None;
    }
    Some(
        xb.into_outer_iter()
            .map(|r| Lane::of(r).expect("rows of unit or zero stride")),
    )
}

/// `g` seen as `(m, n)` rows of its last axis: 1-D and 2-D arrays in standard layout.
fn rows_of(shape: &[usize]) -> Option<(usize, usize)> {
    match *shape {
        [n] => Some((1, n)),
        [m, n] => Some((m, n)),
        _ => None,
    }
}

/// `g ← f(g, x, y)` element by element, `x` and `y` (absent: `f` gets `x` there) broadcast to
/// `g`'s shape, row by row (see the module docs). `false`, with `g` untouched, where the
/// layouts do not allow it.
pub(crate) fn zip_rows_mut<F: TensorFloat>(
    g: &mut ArrayD<F>,
    x: &ArrayViewD<'_, F>,
    y: Option<&ArrayViewD<'_, F>>,
    f: impl Fn(F, F, F) -> F,
) -> bool {
    let Some((m, n)) = rows_of(g.shape()) else {
        return false;
    };
    if n == 0 || !g.is_standard_layout() {
        return false;
    }
    let Some(xl) = lanes(x, m, n) else {
        return false;
    };
    let gs = g.as_slice_mut().expect("standard layout");
    match y {
        None => {
            for (row, xr) in gs.chunks_exact_mut(n).zip(xl) {
                row_mut(row, xr, xr, &f);
            }
        }
        Some(y) => {
            let Some(yl) = lanes(y, m, n) else {
                return false;
            };
            for ((row, xr), yr) in gs.chunks_exact_mut(n).zip(xl).zip(yl) {
                row_mut(row, xr, yr, &f);
            }
        }
    }
    true
}

/// Calls `f` with each row of a 2-D `g` in standard layout and the matching rows of `x`
/// and `y` broadcast to it (`y` absent: `x`'s rows again), in order; `None`, before any
/// call, where the layouts do not allow it.
fn each_row<'a, F: TensorFloat>(
    g: &'a ndarray::ArrayView2<'_, F>,
    x: &'a ArrayViewD<'_, F>,
    y: Option<&'a ArrayViewD<'_, F>>,
    mut f: impl FnMut(&'a [F], Lane<'a, F>, Lane<'a, F>),
) -> Option<()> {
    let (m, n) = g.dim();
    let gs = g.to_slice()?;
    if n == 0 {
        return None;
    }
    let xl = lanes(x, m, n)?;
    match y {
        None => gs
            .chunks_exact(n)
            .zip(xl)
            .for_each(|(row, xr)| f(row, xr, xr)),
        Some(y) => {
            let yl = lanes(y, m, n)?;
            gs.chunks_exact(n)
                .zip(xl)
                .zip(yl)
                .for_each(|((row, xr), yr)| f(row, xr, yr));
        }
    }
    Some(())
}

/// `out[i] = Σⱼ h(g[i, j], x[i, j], y[i, j])` for a 2-D `g` in standard layout (`x`, `y`
/// broadcast to it; `y` absent: `h` gets `x` there): the reduction of a product's
/// cotangent to a per-row operand `(m, 1)`. `None` where the layouts do not allow it.
pub(crate) fn sum_rows<F: TensorFloat>(
    g: &ndarray::ArrayView2<'_, F>,
    x: &ArrayViewD<'_, F>,
    y: Option<&ArrayViewD<'_, F>>,
    h: &impl Fn(F, F, F) -> F,
) -> Option<ndarray::Array1<F>> {
    let mut out = Vec::with_capacity(g.nrows());
    each_row(g, x, y, |row, xr, yr| out.push(row_sum(row, xr, yr, h)))?;
    Some(ndarray::Array1::from_vec(out))
}

/// `out[j] = Σᵢ h(g[i, j], x[i, j], y[i, j])` for a 2-D `g` in standard layout (`x`, `y`
/// broadcast to it; `y` absent: `h` gets `x` there), the rows added in order: the reduction
/// of a product's cotangent to a per-column operand `(n,)` or `(1, n)` (a gain, a bias, a
/// batch statistic), over slices instead of a `Zip` per row. `None` where the layouts do not
/// allow it.
pub(crate) fn sum_cols<F: TensorFloat>(
    g: &ndarray::ArrayView2<'_, F>,
    x: &ArrayViewD<'_, F>,
    y: Option<&ArrayViewD<'_, F>>,
    h: &impl Fn(F, F, F) -> F,
) -> Option<ndarray::Array1<F>> {
    let mut out = vec![F::zero(); g.ncols()];
    each_row(g, x, y, |row, xr, yr| row_acc(&mut out, row, xr, yr, h))?;
    Some(ndarray::Array1::from_vec(out))
}
