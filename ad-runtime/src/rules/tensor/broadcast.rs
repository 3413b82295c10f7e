//! Broadcasting: which shapes broadcast to which, and the adjoint of a broadcast (summing a
//! cotangent back to the operand's shape), with one-pass fast paths for the row-major
//! layouts the rules produce.

use super::TensorFloat;
use ndarray::{ArrayD, ArrayViewD, Axis};

/// Whether an array of shape `from` broadcasts to `to` (numpy rules: trailing axes aligned,
/// each of `from` equal or 1).
#[inline]
pub fn broadcasts_to(from: &[usize], to: &[usize]) -> bool {
    from.len() <= to.len()
        && from
            .iter()
            .rev()
            .zip(to.iter().rev())
            .all(|(&f, &t)| f == t || f == 1)
}

/// The shape both `a` and `b` broadcast to.
///
/// # Panics
/// When they are incompatible.
#[track_caller]
pub fn co_broadcast(a: &[usize], b: &[usize]) -> Vec<usize> {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let lead = long.len() - short.len();
    let mut out = long.to_vec();
    for (i, &s) in short.iter().enumerate() {
        let l = &mut out[lead + i];
        if *l == 1 {
            *l = s;
        } else if s != 1 && s != *l {
            panic!("shapes {a:?} and {b:?} do not broadcast together");
        }
    }
    out
}

/// Reduces a broadcast cotangent to `shape` (the adjoint of broadcasting `shape` to
/// `c.shape()`): sums the extra leading axes and the axes where `shape` has length 1.
/// Returns `c` itself when the shapes already match.
///
/// # Panics
/// When `shape` does not broadcast to `c.shape()`.
#[track_caller]
pub fn unbroadcast<F: TensorFloat>(mut c: ArrayD<F>, shape: &[usize]) -> ArrayD<F> {
    if c.shape() == shape {
        return c;
    }
    assert!(
        broadcasts_to(shape, c.shape()),
        "cannot reduce a cotangent of shape {:?} to an operand of shape {:?}",
        c.shape(),
        shape
    );
    if let Some(out) = sum_contiguous(&c.view(), shape) {
        return out;
    }
    for _ in shape.len()..c.ndim() {
        c = c.sum_axis(Axis(0));
    }
    for (i, &n) in shape.iter().enumerate() {
        if n == 1 && c.len_of(Axis(i)) != 1 {
            c = c.sum_axis(Axis(i)).insert_axis(Axis(i));
        }
    }
    c
}

/// The fast paths of [`unbroadcast`] for a cotangent in standard (row-major, contiguous)
/// layout, the layout of every array the rules make: the reduced axes all lead (a bias
/// row's cotangent, `(m, n) → (n,)` or `(1, n)`: the rows of `c` added into one, element by
/// element) or all trail (`(m, n) → (m, 1)`: each row summed). Both are one pass over `c`'s
/// memory in order, which the compiler vectorises; `sum_axis` goes lane by lane through
/// `Zip` with per-lane overhead that dominates for narrow rows. `None` for other layouts or
/// shapes, which take the general path.
fn sum_contiguous<F: TensorFloat>(c: &ArrayViewD<'_, F>, shape: &[usize]) -> Option<ArrayD<F>> {
    let data = c.as_slice()?;
    let dims = c.shape();
    if shape.len() > dims.len() || data.is_empty() {
        return None;
    }
    // `shape` with leading 1s up to `c`'s rank.
    let lead = dims.len() - shape.len();
    let padded = |i: usize| if i < lead { 1 } else { shape[i - lead] };
    // Leading reduced axes, then kept axes (`padded == dims`).
    let k = (0..dims.len())
        .find(|&i| padded(i) != 1 || dims[i] == 1)
        .unwrap_or(dims.len());
    if k > 0 && (k..dims.len()).all(|i| padded(i) == dims[i]) {
        let inner: usize = dims[k..].iter().product();
        let mut chunks = data.chunks_exact(inner.max(1));
        let mut out = chunks.next()?.to_vec();
        for chunk in chunks {
            for (o, &v) in out.iter_mut().zip(chunk) {
                *o += v;
            }
        }
        return ArrayD::from_shape_vec(shape.to_vec(), out).ok();
    }
    // Kept axes, then trailing reduced axes.
    let k = (0..dims.len())
        .rev()
        .find(|&i| padded(i) != 1 || dims[i] == 1)
        .map_or(0, |i| i + 1);
    if k < dims.len() && (0..k).all(|i| padded(i) == dims[i]) {
        let inner: usize = dims[k..].iter().product();
        let out: Vec<F> = data
            .chunks_exact(inner)
            .map(|row| ndarray::ArrayView1::from(row).sum())
            .collect();
        return ArrayD::from_shape_vec(shape.to_vec(), out).ok();
    }
    None
}

/// [`unbroadcast`] of a borrowed cotangent: the first reduction reads the view, so the
/// whole cotangent is copied only when no reduction is needed.
///
/// # Panics
/// When `shape` does not broadcast to `c.shape()`.
#[track_caller]
pub fn unbroadcast_view<F: TensorFloat>(c: ArrayViewD<'_, F>, shape: &[usize]) -> ArrayD<F> {
    if c.shape() == shape {
        return c.to_owned();
    }
    assert!(
        broadcasts_to(shape, c.shape()),
        "cannot reduce a cotangent of shape {:?} to an operand of shape {:?}",
        c.shape(),
        shape
    );
    if let Some(out) = sum_contiguous(&c, shape) {
        return out;
    }
    let first = if c.ndim() > shape.len() {
        c.sum_axis(Axis(0))
    } else {
        let i = (0..shape.len())
            .find(|&i| shape[i] == 1 && c.len_of(Axis(i)) != 1)
            .expect("shapes differ, so some axis is reduced");
        c.sum_axis(Axis(i)).insert_axis(Axis(i))
    };
    unbroadcast(first, shape)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{ArrayD, IxDyn, ShapeBuilder};

    /// `unbroadcast` by `sum_axis` only (the general path), the reference for the fast paths.
    fn by_axes(mut c: ArrayD<f64>, shape: &[usize]) -> ArrayD<f64> {
        for _ in shape.len()..c.ndim() {
            c = c.sum_axis(Axis(0));
        }
        for (i, &n) in shape.iter().enumerate() {
            if n == 1 && c.len_of(Axis(i)) != 1 {
                c = c.sum_axis(Axis(i)).insert_axis(Axis(i));
            }
        }
        c
    }

    fn cot(dims: &[usize], column_major: bool) -> ArrayD<f64> {
        let n: usize = dims.iter().product();
        let data: Vec<f64> = (0..n)
            .map(|i| ((i * 37 % 101) as f64 - 50.0) / 7.0)
            .collect();
        let shape = IxDyn(dims);
        if column_major {
            ArrayD::from_shape_vec(shape.f(), data).unwrap()
        } else {
            ArrayD::from_shape_vec(shape, data).unwrap()
        }
    }

    #[test]
    fn fast_paths_equal_the_axis_sums() {
        let cases: &[(&[usize], &[usize])] = &[
            (&[7, 5], &[5]),
            (&[7, 5], &[1, 5]),
            (&[7, 5], &[7, 1]),
            (&[7, 5], &[1, 1]),
            (&[7, 5], &[1]),
            (&[2, 3, 9], &[9]),
            (&[2, 3, 9], &[3, 9]),
            (&[2, 3, 9], &[1, 3, 9]),
            (&[2, 3, 9], &[2, 1, 1]),
            (&[2, 3, 9], &[2, 3, 1]),
            (&[2, 3, 9], &[2, 1, 9]),
            (&[2, 3, 9], &[1, 3, 1]),
            (&[1, 6], &[6]),
            (&[6, 1], &[1, 1]),
            (&[4, 0], &[0]),
            (&[3, 33], &[3, 1]),
        ];
        for &(from, to) in cases {
            for column_major in [false, true] {
                let c = cot(from, column_major);
                let want = by_axes(c.clone(), to);
                for got in [unbroadcast(c.clone(), to), unbroadcast_view(c.view(), to)] {
                    assert_eq!(got.shape(), to, "{from:?} -> {to:?}");
                    for (g, w) in got.iter().zip(want.iter()) {
                        assert!(
                            (g - w).abs() <= 1e-12 * (1.0 + w.abs()),
                            "{from:?} -> {to:?}"
                        );
                    }
                }
            }
        }
    }
}
