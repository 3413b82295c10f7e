//! The forward sweep's `&a op &b` of two arrays (`+`, `-`, `*`, `/`) with a broadcast
//! right operand, row by row over slices: ndarray's own values, bit for bit, without its
//! strided loop.
//!
//! ndarray computes `&a / &b` for a `b` broadcast along a row (a per-row statistic `(m, 1)`,
//! a layer norm's `(z - mean) / sd`) through `Zip`, whose inner loop steps through a zero
//! stride element by element and does not vectorise; a division per element then costs
//! several times a vector division. Each element is the same operation on the same two
//! numbers either way, so the results are equal; [`FastArith`] runs rows of slices (and a
//! repeated value for a zero stride), compiled for AVX2 when the CPU has it. It applies when
//! the left operand is in standard layout with the result's shape and the right one is in
//! standard layout before broadcasting: then ndarray's result is in standard layout too,
//! which later reductions (summing in memory order) rely on for the same rounding
//! (`binops_match_ndarray` checks values and strides). Anything else is ndarray's operator.

use super::lanes::{Lane, lanes};
use ndarray::{Array, ArrayBase, Data, DimMax, Dimension};
use std::ops::{Add, Div, Mul, Sub};

/// `out[i, j] = f(x[i, j], y[i, j])` over `(m, n)` rows, appended to `out`.
#[inline(always)]
fn rows_body<A: Clone, B: Clone>(
    out: &mut Vec<A>,
    xs: &[A],
    n: usize,
    ys: &mut dyn Iterator<Item = Lane<'_, B>>,
    f: &impl Fn(A, B) -> A,
) {
    for (x, y) in xs.chunks_exact(n).zip(ys) {
        match y {
            Lane::Slice(y) => {
                out.extend(x.iter().zip(&y[..n]).map(|(x, y)| f(x.clone(), y.clone())))
            }
            Lane::Splat(y) => out.extend(x.iter().map(|x| f(x.clone(), y.clone()))),
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn rows_avx2<A: Clone, B: Clone>(
    out: &mut Vec<A>,
    xs: &[A],
    n: usize,
    ys: &mut dyn Iterator<Item = Lane<'_, B>>,
    f: &impl Fn(A, B) -> A,
) {
    rows_body(out, xs, n, ys, f)
}

/// `f` of `a`'s and `b`'s elements in `a`'s shape, as described in the module docs; `None`
/// where that does not apply.
fn rows<A, B, S, S2, D, E>(
    a: &ArrayBase<S, D>,
    b: &ArrayBase<S2, E>,
    f: impl Fn(A, B) -> A,
) -> Option<Array<A, <D as DimMax<E>>::Output>>
where
    A: Clone,
    B: Copy,
    S: Data<Elem = A>,
    S2: Data<Elem = B>,
    D: Dimension + DimMax<E>,
    E: Dimension,
{
    let (m, n) = match *a.shape() {
        [n] => (1, n),
        [m, n] => (m, n),
        _ => return None,
    };
    if n == 0 || b.ndim() > a.ndim() || !b.is_standard_layout() {
        return None;
    }
    let xs = a.as_slice()?;
    let bv = b.view().into_dyn();
    let mut ys = lanes(&bv, m, n)?;
    let mut out = Vec::with_capacity(m * n);
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked on the line above), the only requirement of the
        // `target_feature` function; its body is safe code.
        unsafe { rows_avx2(&mut out, xs, n, &mut ys, &f) };
    } else {
        rows_body(&mut out, xs, n, &mut ys, &f);
    }
    #[cfg(not(target_arch = "x86_64"))]
    rows_body(&mut out, xs, n, &mut ys, &f);
    if out.len() != m * n {
        return None;
    }
    Array::from_shape_vec(a.raw_dim(), out)
        .ok()?
        .into_dimensionality()
        .ok()
}

/// `&a + &b`, `&a - &b`, `&a * &b` and `&a / &b` of arrays as the forward sweep computes them
/// (see the module docs): ndarray's results, faster for a broadcast right operand.
pub trait FastArith<Rhs> {
    /// The result (ndarray's).
    type Output;
    /// `self + rhs`.
    fn __ad_add(self, rhs: Rhs) -> Self::Output;
    /// `self - rhs`.
    fn __ad_sub(self, rhs: Rhs) -> Self::Output;
    /// `self * rhs`.
    fn __ad_mul(self, rhs: Rhs) -> Self::Output;
    /// `self / rhs`.
    fn __ad_div(self, rhs: Rhs) -> Self::Output;
}

impl<'b, A, B, S, S2, D, E> FastArith<&'b ArrayBase<S2, E>> for &ArrayBase<S, D>
where
    A: Clone + Add<B, Output = A> + Sub<B, Output = A> + Mul<B, Output = A> + Div<B, Output = A>,
    B: Copy,
    S: Data<Elem = A>,
    S2: Data<Elem = B>,
    D: Dimension + DimMax<E>,
    E: Dimension,
{
    type Output = Array<A, <D as DimMax<E>>::Output>;
    #[track_caller]
    fn __ad_add(self, rhs: &'b ArrayBase<S2, E>) -> Self::Output {
        rows(self, rhs, |x, y| x + y).unwrap_or_else(|| self + rhs)
    }
    #[track_caller]
    fn __ad_sub(self, rhs: &'b ArrayBase<S2, E>) -> Self::Output {
        rows(self, rhs, |x, y| x - y).unwrap_or_else(|| self - rhs)
    }
    #[track_caller]
    fn __ad_mul(self, rhs: &'b ArrayBase<S2, E>) -> Self::Output {
        rows(self, rhs, |x, y| x * y).unwrap_or_else(|| self * rhs)
    }
    #[track_caller]
    fn __ad_div(self, rhs: &'b ArrayBase<S2, E>) -> Self::Output {
        rows(self, rhs, |x, y| x / y).unwrap_or_else(|| self / rhs)
    }
}

#[cfg(test)]
mod tests {
    use super::FastArith;
    use ndarray::{Array, Array1, Array2, ArrayD, Axis, IxDyn, ShapeBuilder, s};

    fn filled<Sh: ndarray::ShapeBuilder<Dim = D>, D: ndarray::Dimension>(
        shape: Sh,
        seed: f64,
    ) -> Array<f64, D> {
        let mut k = seed;
        Array::from_shape_simple_fn(shape, || {
            k = (k * 7.31 + 0.17).fract();
            k * 4.0 - 1.5
        })
    }

    fn same<D: ndarray::Dimension>(a: &Array<f64, D>, b: &Array<f64, D>) {
        assert_eq!(a.shape(), b.shape());
        assert_eq!(a.strides(), b.strides(), "layouts differ");
        for (x, y) in a.iter().zip(b) {
            assert_eq!(x.to_bits(), y.to_bits());
        }
    }

    #[test]
    fn binops_match_ndarray() {
        let z: Array2<f64> = filled((6, 5), 0.3);
        let zf: Array2<f64> = filled((6, 5).f(), 0.4);
        let col: Array2<f64> = filled(6, 0.5).insert_axis(Axis(1));
        let row: Array1<f64> = filled(5, 0.6);
        let row2: Array2<f64> = filled((1, 5), 0.7);
        let full: Array2<f64> = filled((6, 5), 0.8);
        let one: Array2<f64> = filled((1, 1), 0.9);
        let tcol = filled((1, 6), 0.2).reversed_axes();
        let tall: Array2<f64> = filled((12, 5), 0.25);
        for lhs in [z.view(), zf.view(), tall.slice(s![..;2, ..]), z.t().t()] {
            for rhs in [
                col.view(),
                row2.view(),
                full.view(),
                zf.view(),
                one.view(),
                tcol.view(),
                full.slice(s![.., ..;-1]),
            ] {
                same(&(&lhs).__ad_add(&rhs), &(&lhs + &rhs));
                same(&(&lhs).__ad_sub(&rhs), &(&lhs - &rhs));
                same(&(&lhs).__ad_mul(&rhs), &(&lhs * &rhs));
                same(&(&lhs).__ad_div(&rhs), &(&lhs / &rhs));
            }
            same(&(&lhs).__ad_div(&row), &(&lhs / &row));
        }
        let v: Array1<f64> = filled(7, 0.1);
        let w: Array1<f64> = filled(7, 0.15);
        same(&(&v).__ad_sub(&w), &(&v - &w));
        let d: ArrayD<f64> = filled(IxDyn(&[6, 5]), 0.35);
        same(&(&d).__ad_div(&col), &(&d / &col));
        same(&(&z).__ad_div(&d), &(&z / &d));
        let empty = Array2::<f64>::zeros((0, 3));
        same(
            &(&empty).__ad_add(&row2.slice(s![.., ..3])),
            &(&empty + &row2.slice(s![.., ..3])),
        );
    }
}
