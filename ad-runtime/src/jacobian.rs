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

impl<F: Float> Flat for [F] {
    type F = F;
    type Basis = Vec<F>;
    fn flat_len(&self) -> usize {
        self.len()
    }
    fn flat_push(&self, out: &mut Vec<F>) {
        out.extend_from_slice(self);
    }
    fn basis(&self, k: usize) -> Vec<F> {
        unit(self.len(), k)
    }
    fn from_flat(&self, v: &[F]) -> Vec<F> {
        v[..self.len()].to_vec()
    }
    fn move_unit(&self, b: &mut Vec<F>, from: usize, to: usize) {
        move_one(b, from, to)
    }
    fn flat_slice(&self) -> Option<&[F]> {
        Some(self)
    }
}

impl<F: Float> Flat for Vec<F> {
    type F = F;
    type Basis = Vec<F>;
    fn flat_len(&self) -> usize {
        self.len()
    }
    fn flat_push(&self, out: &mut Vec<F>) {
        out.extend_from_slice(self);
    }
    fn basis(&self, k: usize) -> Vec<F> {
        unit(self.len(), k)
    }
    fn from_flat(&self, v: &[F]) -> Vec<F> {
        v[..self.len()].to_vec()
    }
    fn move_unit(&self, b: &mut Vec<F>, from: usize, to: usize) {
        move_one(b, from, to)
    }
    fn flat_slice(&self) -> Option<&[F]> {
        Some(self)
    }
}

impl<F: Float, const N: usize> Flat for [F; N] {
    type F = F;
    type Basis = [F; N];
    fn flat_len(&self) -> usize {
        N
    }
    fn flat_push(&self, out: &mut Vec<F>) {
        out.extend_from_slice(self);
    }
    fn basis(&self, k: usize) -> [F; N] {
        let mut v = [F::zero(); N];
        if k < N {
            v[k] = F::one();
        }
        v
    }
    fn from_flat(&self, v: &[F]) -> [F; N] {
        core::array::from_fn(|i| v[i])
    }
    fn move_unit(&self, b: &mut [F; N], from: usize, to: usize) {
        move_one(b, from, to)
    }
    fn flat_slice(&self) -> Option<&[F]> {
        Some(self)
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
            #[allow(unused_assignments)]
            fn move_unit(&self, b: &mut Self::Basis, from: usize, to: usize) {
                let mut at = 0usize;
                $(
                    self.$i.move_unit(&mut b.$i, from.wrapping_sub(at), to.wrapping_sub(at));
                    at += self.$i.flat_len();
                )+
            }
        }
    )*};
}
flat_tuples! {
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, G 5)
    (A 0, B 1, C 2, D 3, E 4, G 5, H 6)
    (A 0, B 1, C 2, D 3, E 4, G 5, H 6, I 7)
}

/// The Hessian's columns (`f_hessian`): `hvp(e)` for the unit tangent `e` of each flat
/// position of `args` (the differentiated arguments as a tuple of references), one tangent
/// walked along the positions in place ([`Flat::move_unit`]). Written once here rather than
/// as a loop in every generated `f_hessian`: rustc then type-checks one closure per function
/// (README "Compile time").
pub fn hessian_columns<A: Flat + ?Sized, H: Flat<F = A::F>>(
    args: &A,
    mut hvp: impl FnMut(&A::Basis) -> H,
) -> Array2<A::F> {
    let n = args.flat_len();
    let mut h = jacobian_zeros(n, n);
    if n == 0 {
        return h;
    }
    let mut e = args.basis(0);
    for c in 0..n {
        if c > 0 {
            args.move_unit(&mut e, c - 1, c);
        }
        jacobian_put(&mut h, c, &hvp(&e), false);
    }
    h
}

/// The Jacobian (`f_jacobian`) of the function whose forward and reverse modes are `jvp` and
/// `vjp`, at `args` (the differentiated arguments as a tuple of references): `n` forward
/// passes along unit tangents (walked in place) when `n ≤ m`, else `m` reverse passes with
/// unit seeds of the value's shape. The value comes from the first forward pass (`primal`
/// only when there is no input to differentiate). Written once here rather than in every
/// generated `f_jacobian` (README "Compile time").
pub fn jacobian_by_mode<A, Y, T, G>(
    args: &A,
    primal: impl FnOnce() -> Y,
    mut jvp: impl FnMut(&A::Basis) -> (Y, T),
    mut vjp: impl FnMut(Y::Basis) -> G,
) -> (Y, Array2<A::F>)
where
    A: Flat + ?Sized,
    Y: Flat<F = A::F>,
    T: Flat<F = A::F>,
    G: Flat<F = A::F>,
{
    let n = args.flat_len();
    let mut e = args.basis(0);
    let (value, first) = if n == 0 {
        (primal(), None)
    } else {
        let (v, t) = jvp(&e);
        (v, Some(t))
    };
    let m = value.flat_len();
    let mut j = jacobian_zeros(m, n);
    if n <= m {
        if let Some(t) = first {
            jacobian_put(&mut j, 0, &t, false);
        }
        for c in 1..n {
            args.move_unit(&mut e, c - 1, c);
            let (_, t) = jvp(&e);
            jacobian_put(&mut j, c, &t, false);
        }
    } else {
        for r in 0..m {
            let g = vjp(value.basis(r));
            jacobian_put(&mut j, r, &g, true);
        }
    }
    (value, j)
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
