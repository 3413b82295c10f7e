//! What generated `f_jacobian` needs: values and tangents seen as flat vectors, and the unit
//! tangents (basis vectors) of parameters and results of any supported shape.

use ndarray::{Array1, Array2};
use num_traits::Float;

/// A value (parameter, result, tangent) that flattens to a vector of floats `F`, in the
/// order `f_jacobian` documents (elements in order, tuples component after component).
pub trait Flat {
    /// The float type.
    type F: Float;
    /// The tangent with a one at flat position `k` and zeros elsewhere (all zeros when `k` is
    /// past the end), shaped like `self`.
    type Basis;
    /// The flat length.
    fn flat_len(&self) -> usize;
    /// Appends the elements in flat order.
    fn flat_push(&self, out: &mut Vec<Self::F>);
    /// The unit tangent at flat position `k` (see [`Flat::Basis`]).
    fn basis(&self, k: usize) -> Self::Basis;
    /// A value shaped like `self` (its [`Flat::Basis`] type) holding `v`'s elements in flat
    /// order, from the first (`f_check`'s directions and shifted arguments).
    fn from_flat(&self, v: &[Self::F]) -> Self::Basis;
    /// Makes `b`, the unit tangent at flat position `from` (see [`Flat::basis`]), the one at
    /// `to`: in place for sequences (two writes; `f_jacobian` walks the columns with one
    /// tangent instead of making `n` of them).
    fn move_unit(&self, b: &mut Self::Basis, from: usize, to: usize) {
        let _ = from;
        *b = self.basis(to);
    }
    /// The elements in flat order as one slice, where they are stored so.
    fn flat_slice(&self) -> Option<&[Self::F]> {
        None
    }
}

/// [`Flat::move_unit`] of a sequence's unit tangent.
fn move_one<F: Float>(b: &mut [F], from: usize, to: usize) {
    if let Some(x) = b.get_mut(from) {
        *x = F::zero();
    }
    if let Some(x) = b.get_mut(to) {
        *x = F::one();
    }
}

macro_rules! flat_scalars {
    ($($f:ty),*) => {$(
        impl Flat for $f {
            type F = $f;
            type Basis = $f;
            fn flat_len(&self) -> usize {
                1
            }
            fn flat_push(&self, out: &mut Vec<$f>) {
                out.push(*self);
            }
            fn basis(&self, k: usize) -> $f {
                if k == 0 { 1.0 } else { 0.0 }
            }
            fn from_flat(&self, v: &[$f]) -> $f {
                v[0]
            }
        }
    )*};
}
flat_scalars!(f32, f64);

fn unit<F: Float>(n: usize, k: usize) -> Vec<F> {
    let mut v = vec![F::zero(); n];
    if k < n {
        v[k] = F::one();
    }
    v
}

/// An element of a sequence that [`Flat`] takes: a float, or a row (a fixed-size array or a
/// `Vec`) of elements, so that `&[f64]`, `&[[f64; 3]]` and `&Vec<Vec<f64>>` all flatten, row
/// after row.
pub trait FlatElem: Clone {
    /// The float type.
    type F: Float;
    /// Whether the element is a float itself (the sequence is then its own flat slice).
    const SCALAR: bool;
    /// The flat length.
    fn elem_len(&self) -> usize;
    /// Appends the entries in flat order.
    fn elem_push(&self, out: &mut Vec<Self::F>);
    /// Zeros shaped like `self`.
    fn elem_zero(&self) -> Self;
    /// Sets flat entry `k` (less than [`FlatElem::elem_len`]).
    fn elem_set(&mut self, k: usize, v: Self::F);
    /// A value shaped like `self` holding `v`'s first entries.
    fn elem_from(&self, v: &[Self::F]) -> Self;
    /// The floats of a sequence of these, where it is one slice of them.
    fn as_floats(s: &[Self]) -> Option<&[Self::F]>;
}

macro_rules! flat_elem_floats {
    ($($f:ty),*) => {$(
        impl FlatElem for $f {
            type F = $f;
            const SCALAR: bool = true;
            #[inline]
            fn elem_len(&self) -> usize {
                1
            }
            #[inline]
            fn elem_push(&self, out: &mut Vec<$f>) {
                out.push(*self);
            }
            #[inline]
            fn elem_zero(&self) -> $f {
                0.0
            }
            #[inline]
            fn elem_set(&mut self, _: usize, v: $f) {
                *self = v;
            }
            #[inline]
            fn elem_from(&self, v: &[$f]) -> $f {
                v[0]
            }
            #[inline]
            fn as_floats(s: &[$f]) -> Option<&[$f]> {
                Some(s)
            }
        }
    )*};
}
flat_elem_floats!(f32, f64);

impl<T: FlatElem, const N: usize> FlatElem for [T; N] {
    type F = T::F;
    const SCALAR: bool = false;
    fn elem_len(&self) -> usize {
        self.iter().map(T::elem_len).sum()
    }
    fn elem_push(&self, out: &mut Vec<T::F>) {
        self.iter().for_each(|e| e.elem_push(out));
    }
    fn elem_zero(&self) -> Self {
        core::array::from_fn(|i| self[i].elem_zero())
    }
    fn elem_set(&mut self, k: usize, v: T::F) {
        seq_set(self, k, v);
    }
    fn elem_from(&self, v: &[T::F]) -> Self {
        let mut at = 0;
        core::array::from_fn(|i| {
            let e = self[i].elem_from(&v[at..]);
            at += self[i].elem_len();
            e
        })
    }
    fn as_floats(_: &[Self]) -> Option<&[T::F]> {
        None
    }
}

impl<T: FlatElem> FlatElem for Vec<T> {
    type F = T::F;
    const SCALAR: bool = false;
    fn elem_len(&self) -> usize {
        seq_len(self)
    }
    fn elem_push(&self, out: &mut Vec<T::F>) {
        self.iter().for_each(|e| e.elem_push(out));
    }
    fn elem_zero(&self) -> Self {
        self.iter().map(T::elem_zero).collect()
    }
    fn elem_set(&mut self, k: usize, v: T::F) {
        seq_set(self, k, v);
    }
    fn elem_from(&self, v: &[T::F]) -> Self {
        seq_from(self, v)
    }
    fn as_floats(_: &[Self]) -> Option<&[T::F]> {
        None
    }
}

/// The flat length of a sequence.
fn seq_len<T: FlatElem>(s: &[T]) -> usize {
    if T::SCALAR {
        s.len()
    } else {
        s.iter().map(T::elem_len).sum()
    }
}

/// Sets flat entry `k` of a sequence (nothing past its end).
fn seq_set<T: FlatElem>(s: &mut [T], k: usize, v: T::F) {
    if T::SCALAR {
        if let Some(e) = s.get_mut(k) {
            e.elem_set(0, v);
        }
        return;
    }
    let mut at = 0;
    for e in s.iter_mut() {
        let n = e.elem_len();
        if k < at + n {
            e.elem_set(k - at, v);
            return;
        }
        at += n;
    }
}

/// A `Vec` shaped like `s` holding `v`'s first entries.
fn seq_from<T: FlatElem>(s: &[T], v: &[T::F]) -> Vec<T> {
    let mut at = 0;
    s.iter()
        .map(|e| {
            let x = e.elem_from(&v[at..]);
            at += e.elem_len();
            x
        })
        .collect()
}

/// The unit tangent of a sequence at flat position `k`.
fn seq_unit<T: FlatElem>(s: &[T], k: usize) -> Vec<T> {
    let mut b: Vec<T> = s.iter().map(T::elem_zero).collect();
    seq_set(&mut b, k, num_traits::One::one());
    b
}

impl<T: FlatElem> Flat for [T] {
    type F = T::F;
    type Basis = Vec<T>;
    fn flat_len(&self) -> usize {
        seq_len(self)
    }
    fn flat_push(&self, out: &mut Vec<T::F>) {
        match T::as_floats(self) {
            Some(f) => out.extend_from_slice(f),
            None => self.iter().for_each(|e| e.elem_push(out)),
        }
    }
    fn basis(&self, k: usize) -> Vec<T> {
        seq_unit(self, k)
    }
    fn from_flat(&self, v: &[T::F]) -> Vec<T> {
        seq_from(self, v)
    }
    fn move_unit(&self, b: &mut Vec<T>, from: usize, to: usize) {
        seq_set(b, from, num_traits::Zero::zero());
        seq_set(b, to, num_traits::One::one());
    }
    fn flat_slice(&self) -> Option<&[T::F]> {
        T::as_floats(self)
    }
}

impl<T: FlatElem> Flat for Vec<T> {
    type F = T::F;
    type Basis = Vec<T>;
    fn flat_len(&self) -> usize {
        self.as_slice().flat_len()
    }
    fn flat_push(&self, out: &mut Vec<T::F>) {
        self.as_slice().flat_push(out)
    }
    fn basis(&self, k: usize) -> Vec<T> {
        seq_unit(self, k)
    }
    fn from_flat(&self, v: &[T::F]) -> Vec<T> {
        seq_from(self, v)
    }
    fn move_unit(&self, b: &mut Vec<T>, from: usize, to: usize) {
        self.as_slice().move_unit(b, from, to)
    }
    fn flat_slice(&self) -> Option<&[T::F]> {
        T::as_floats(self)
    }
}

impl<T: FlatElem, const N: usize> Flat for [T; N] {
    type F = T::F;
    type Basis = [T; N];
    fn flat_len(&self) -> usize {
        seq_len(self)
    }
    fn flat_push(&self, out: &mut Vec<T::F>) {
        self.as_slice().flat_push(out)
    }
    fn basis(&self, k: usize) -> [T; N] {
        let mut b = core::array::from_fn(|i| self[i].elem_zero());
        seq_set(&mut b, k, num_traits::One::one());
        b
    }
    fn from_flat(&self, v: &[T::F]) -> [T; N] {
        FlatElem::elem_from(self, v)
    }
    fn move_unit(&self, b: &mut [T; N], from: usize, to: usize) {
        seq_set(b, from, num_traits::Zero::zero());
        seq_set(b, to, num_traits::One::one());
    }
    fn flat_slice(&self) -> Option<&[T::F]> {
        T::as_floats(self)
    }
}

impl<F: Float> Flat for Array1<F> {
    type F = F;
    type Basis = Array1<F>;
    fn flat_len(&self) -> usize {
        self.len()
    }
    fn flat_push(&self, out: &mut Vec<F>) {
        out.extend(self.iter().copied());
    }
    fn basis(&self, k: usize) -> Array1<F> {
        Array1::from(unit(self.len(), k))
    }
    fn from_flat(&self, v: &[F]) -> Array1<F> {
        Array1::from(v[..self.len()].to_vec())
    }
    fn move_unit(&self, b: &mut Array1<F>, from: usize, to: usize) {
        match b.as_slice_mut() {
            Some(b) => move_one(b, from, to),
            None => *b = self.basis(to),
        }
    }
    fn flat_slice(&self) -> Option<&[F]> {
        self.as_slice()
    }
}

impl<T: Flat + ?Sized> Flat for &T {
    type F = T::F;
    type Basis = T::Basis;
    fn flat_len(&self) -> usize {
        (**self).flat_len()
    }
    fn flat_push(&self, out: &mut Vec<T::F>) {
        (**self).flat_push(out)
    }
    fn basis(&self, k: usize) -> T::Basis {
        (**self).basis(k)
    }
    fn from_flat(&self, v: &[T::F]) -> T::Basis {
        (**self).from_flat(v)
    }
    fn move_unit(&self, b: &mut T::Basis, from: usize, to: usize) {
        (**self).move_unit(b, from, to)
    }
    fn flat_slice(&self) -> Option<&[T::F]> {
        (**self).flat_slice()
    }
}

macro_rules! flat_tuples {
    ($(($($t:ident $i:tt),+))*) => {$(
        impl<F: Float, $($t: Flat<F = F>),+> Flat for ($($t,)+) {
            type F = F;
            type Basis = ($($t::Basis,)+);
            fn flat_len(&self) -> usize {
                0 $(+ self.$i.flat_len())+
            }
            fn flat_push(&self, out: &mut Vec<F>) {
                $(self.$i.flat_push(out);)+
            }
            #[allow(unused_assignments)]
            fn basis(&self, k: usize) -> Self::Basis {
                let mut at = 0usize;
                ($({
                    let b = self.$i.basis(k.wrapping_sub(at));
                    at += self.$i.flat_len();
                    b
                },)+)
            }
            #[allow(unused_assignments)]
            fn from_flat(&self, v: &[F]) -> Self::Basis {
                let mut at = 0usize;
                ($({
                    let b = self.$i.from_flat(&v[at..]);
                    at += self.$i.flat_len();
                    b
                },)+)
            }
        }
    )*};
}
flat_tuples! {
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, G 5)
    (A 0, B 1, C 2, D 3, E 4, G 5, H 6)
    (A 0, B 1, C 2, D 3, E 4, G 5, H 6, I 7)
}

/// An `m × n` matrix of zeros for a Jacobian.
pub fn jacobian_zeros<F: Float>(m: usize, n: usize) -> Array2<F> {
    Array2::from_elem((m, n), F::zero())
}

/// Writes the flat vector of `t` into row `i` (`row`) or column `i` of `j`.
///
/// # Panics
/// If `t` does not have the row's (column's) length: a tangent shaped unlike its value, a bug
/// in `ad-macros` (never broadcast into the matrix).
pub fn jacobian_put<T: Flat + ?Sized>(j: &mut Array2<T::F>, i: usize, t: &T, row: bool) {
    let want = if row { j.ncols() } else { j.nrows() };
    assert_eq!(
        t.flat_len(),
        want,
        "ad-runtime: a derivative of the wrong length for the Jacobian (a bug in ad-macros)"
    );
    if let Some(v) = t.flat_slice() {
        let v = ndarray::ArrayView1::from(v);
        if row {
            j.row_mut(i).assign(&v);
        } else {
            j.column_mut(i).assign(&v);
        }
        return;
    }
    let mut v = Vec::with_capacity(t.flat_len());
    t.flat_push(&mut v);
    for (k, x) in v.into_iter().enumerate() {
        if row {
            j[[i, k]] = x;
        } else {
            j[[k, i]] = x;
        }
    }
}
