//! Tangent slots of forward mode's generated `f_pushforward` (hidden; see `f_jvp`).
//!
//! A caller passes, per argument, either [`Active`] with the argument's tangent or
//! [`Inactive`]; the callee turns each slot into a tangent shaped like its parameter
//! ([`TangentOf`]): a scalar, an owned `Vec`/array, or a [`Cow`] slice for borrowed
//! parameters (borrowed from the caller's tangent, or zeros of the parameter's length). A
//! parameter that is not differentiated (an integer, or one left out of `wrt`) accepts
//! [`Inactive`] only ([`NoTangent`]), so a differentiated value passed to it is a compile
//! error instead of a tangent silently dropped.

use num_traits::Float;
use std::borrow::Cow;

/// The floats forward mode's tangents hold (`f32`, `f64`): a trait of this crate, so the
/// slots of sequences of floats and of sequences of rows (`&[[f64; 3]]`, `&Vec<Vec<f64>>`)
/// never overlap.
pub trait TangentElem: Float + 'static {}

impl TangentElem for f32 {}
impl TangentElem for f64 {}

/// The tangent of a differentiated argument.
pub struct Active<T>(pub T);

/// An argument that carries no tangent (a constant, or a value independent of the
/// differentiated parameters).
pub struct Inactive;

/// Turns a tangent slot into the tangent of a parameter of type `P`.
pub trait TangentOf<P> {
    /// The tangent as the callee's body uses it.
    type Out;
    /// The tangent, for the parameter's value `primal` (whose shape a zero takes).
    fn tangent(self, primal: &P) -> Self::Out;
}

macro_rules! scalar_slots {
    ($($f:ty),*) => {$(
        impl TangentOf<$f> for Active<$f> {
            type Out = $f;
            #[inline(always)]
            fn tangent(self, _: &$f) -> $f {
                self.0
            }
        }
        impl TangentOf<$f> for Inactive {
            type Out = $f;
            #[inline(always)]
            fn tangent(self, _: &$f) -> $f {
                0.0
            }
        }
    )*};
}
scalar_slots!(f32, f64);

impl<F: TangentElem> TangentOf<Vec<F>> for Active<Vec<F>> {
    type Out = Vec<F>;
    #[inline(always)]
    fn tangent(self, _: &Vec<F>) -> Vec<F> {
        self.0
    }
}

impl<F: TangentElem> TangentOf<Vec<F>> for Inactive {
    type Out = Vec<F>;
    #[inline(always)]
    fn tangent(self, primal: &Vec<F>) -> Vec<F> {
        vec![F::zero(); primal.len()]
    }
}

impl<F: TangentElem, const N: usize> TangentOf<[F; N]> for Active<[F; N]> {
    type Out = [F; N];
    #[inline(always)]
    fn tangent(self, _: &[F; N]) -> [F; N] {
        self.0
    }
}

impl<F: TangentElem, const N: usize> TangentOf<[F; N]> for Inactive {
    type Out = [F; N];
    #[inline(always)]
    fn tangent(self, _: &[F; N]) -> [F; N] {
        [F::zero(); N]
    }
}

/// What a borrowed sequence's tangent can be held in by the caller: a slice, a `Vec`, an
/// array, or the `Cow` a pushforward makes of its own slice parameters.
pub trait TangentSlice<F> {
    /// The tangent as a slice.
    fn tangent_slice(&self) -> &[F];
}

impl<F> TangentSlice<F> for [F] {
    #[inline(always)]
    fn tangent_slice(&self) -> &[F] {
        self
    }
}

impl<F> TangentSlice<F> for Vec<F> {
    #[inline(always)]
    fn tangent_slice(&self) -> &[F] {
        self
    }
}

impl<F, const N: usize> TangentSlice<F> for [F; N] {
    #[inline(always)]
    fn tangent_slice(&self) -> &[F] {
        self
    }
}

/// A borrowed tangent (a row of a `Vec<Vec<f64>>` parameter's tangent, `&a[i]`).
impl<F, S: TangentSlice<F> + ?Sized> TangentSlice<F> for &S {
    #[inline(always)]
    fn tangent_slice(&self) -> &[F] {
        (**self).tangent_slice()
    }
}

impl<F: Clone> TangentSlice<F> for Cow<'_, [F]> {
    #[inline(always)]
    fn tangent_slice(&self) -> &[F] {
        self
    }
}

macro_rules! borrowed_slots {
    ($($p:ty),*) => {$(
        impl<'p, 'b, F: TangentElem, S: TangentSlice<F> + ?Sized> TangentOf<&'p $p> for Active<&'b S> {
            type Out = Cow<'b, [F]>;
            #[inline(always)]
            fn tangent(self, primal: &&'p $p) -> Cow<'b, [F]> {
                let t = self.0.tangent_slice();
                // Also tells the optimiser that an index checked against the primal is in
                // bounds of the tangent, so the tangent's bounds checks fold away.
                assert_eq!(t.len(), primal.len(), "a tangent must have its primal's length");
                Cow::Borrowed(t)
            }
        }
        impl<'p, F: TangentElem> TangentOf<&'p $p> for Inactive {
            type Out = Cow<'static, [F]>;
            #[inline(always)]
            fn tangent(self, primal: &&'p $p) -> Cow<'static, [F]> {
                Cow::Owned(vec![F::zero(); primal.len()])
            }
        }
    )*};
}

borrowed_slots!([F], Vec<F>);

impl<'p, 'b, F: TangentElem, S: TangentSlice<F> + ?Sized, const N: usize> TangentOf<&'p [F; N]>
    for Active<&'b S>
{
    type Out = Cow<'b, [F]>;
    #[inline(always)]
    fn tangent(self, _: &&'p [F; N]) -> Cow<'b, [F]> {
        Cow::Borrowed(self.0.tangent_slice())
    }
}

impl<'p, F: TangentElem, const N: usize> TangentOf<&'p [F; N]> for Inactive {
    type Out = Cow<'static, [F]>;
    #[inline(always)]
    fn tangent(self, _: &&'p [F; N]) -> Cow<'static, [F]> {
        Cow::Owned(vec![F::zero(); N])
    }
}

/// Rows of nested parameters (`[F; N]`, `Vec<F>`): zeros shaped like a row.
pub trait TangentRow: Clone + 'static {
    /// Zeros shaped like `self`.
    fn zero_row(&self) -> Self;
}

impl<F: TangentElem, const N: usize> TangentRow for [F; N] {
    #[inline(always)]
    fn zero_row(&self) -> Self {
        [F::zero(); N]
    }
}

impl<F: TangentElem> TangentRow for Vec<F> {
    #[inline(always)]
    fn zero_row(&self) -> Self {
        vec![F::zero(); self.len()]
    }
}

// Nested sequences: a borrowed one's tangent is a `Cow` slice of rows (borrowed from the
// caller's tangent, or zero rows shaped like the parameter's); an owned one's is its own type.
macro_rules! nested_slots {
    ($(($($g:tt)*) $row:ty),*) => {$(
        impl<'p, 'b, F: TangentElem, S: TangentSlice<$row> + ?Sized, $($g)*> TangentOf<&'p [$row]> for Active<&'b S> {
            type Out = Cow<'b, [$row]>;
            #[inline(always)]
            fn tangent(self, _: &&'p [$row]) -> Cow<'b, [$row]> {
                Cow::Borrowed(self.0.tangent_slice())
            }
        }
        impl<'p, F: TangentElem, $($g)*> TangentOf<&'p [$row]> for Inactive {
            type Out = Cow<'static, [$row]>;
            #[inline(always)]
            fn tangent(self, primal: &&'p [$row]) -> Cow<'static, [$row]> {
                Cow::Owned(primal.iter().map(TangentRow::zero_row).collect())
            }
        }
        impl<'p, 'b, F: TangentElem, S: TangentSlice<$row> + ?Sized, $($g)*> TangentOf<&'p Vec<$row>> for Active<&'b S> {
            type Out = Cow<'b, [$row]>;
            #[inline(always)]
            fn tangent(self, _: &&'p Vec<$row>) -> Cow<'b, [$row]> {
                Cow::Borrowed(self.0.tangent_slice())
            }
        }
        impl<'p, F: TangentElem, $($g)*> TangentOf<&'p Vec<$row>> for Inactive {
            type Out = Cow<'static, [$row]>;
            #[inline(always)]
            fn tangent(self, primal: &&'p Vec<$row>) -> Cow<'static, [$row]> {
                Cow::Owned(primal.iter().map(TangentRow::zero_row).collect())
            }
        }
        impl<F: TangentElem, $($g)*> TangentOf<Vec<$row>> for Active<Vec<$row>> {
            type Out = Vec<$row>;
            #[inline(always)]
            fn tangent(self, _: &Vec<$row>) -> Vec<$row> {
                self.0
            }
        }
        impl<F: TangentElem, $($g)*> TangentOf<Vec<$row>> for Inactive {
            type Out = Vec<$row>;
            #[inline(always)]
            fn tangent(self, primal: &Vec<$row>) -> Vec<$row> {
                primal.iter().map(TangentRow::zero_row).collect()
            }
        }
    )*};
}

nested_slots!((const N: usize) [F; N], () Vec<F>);

impl<F: TangentElem, const N: usize, const M: usize> TangentOf<[[F; N]; M]>
    for Active<[[F; N]; M]>
{
    type Out = [[F; N]; M];
    #[inline(always)]
    fn tangent(self, _: &[[F; N]; M]) -> [[F; N]; M] {
        self.0
    }
}

impl<F: TangentElem, const N: usize, const M: usize> TangentOf<[[F; N]; M]> for Inactive {
    type Out = [[F; N]; M];
    #[inline(always)]
    fn tangent(self, _: &[[F; N]; M]) -> [[F; N]; M] {
        [[F::zero(); N]; M]
    }
}

// A borrowed fixed-size matrix (`&[[f64; 3]; 3]`): its tangent is a `Cow` slice of rows,
// like a borrowed slice of rows.
impl<'p, 'b, F: TangentElem, S: TangentSlice<[F; N]> + ?Sized, const N: usize, const M: usize>
    TangentOf<&'p [[F; N]; M]> for Active<&'b S>
{
    type Out = Cow<'b, [[F; N]]>;
    #[inline(always)]
    fn tangent(self, _: &&'p [[F; N]; M]) -> Cow<'b, [[F; N]]> {
        Cow::Borrowed(self.0.tangent_slice())
    }
}

impl<'p, F: TangentElem, const N: usize, const M: usize> TangentOf<&'p [[F; N]; M]> for Inactive {
    type Out = Cow<'static, [[F; N]]>;
    #[inline(always)]
    fn tangent(self, _: &&'p [[F; N]; M]) -> Cow<'static, [[F; N]]> {
        Cow::Owned(vec![[F::zero(); N]; M])
    }
}

/// A `#[derive(Differentiable)]` struct (its own tangent type): implemented by the derive,
/// so a struct parameter of a callee takes a tangent slot in forward mode (by reference
/// here; the derive implements [`TangentOf`] for the struct by value, which a blanket impl
/// here could not: `&P` may be a struct too).
pub trait DerivedStruct: crate::Differentiable<Tangent = Self> + Sized {}

/// Implemented by nothing: the bound of the check the macro emits where it takes a method
/// named like a builtin without a derivative (`d.len()`, `d.floor()`) on a local it only
/// guesses to be a struct (`let d = a.add(b);`) for the builtin. If the local is a derived
/// struct, its own method of that name was meant, and its gradient would be lost.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is a struct, but #[differentiable] took this method for the builtin of the same name (`len`, `floor`, ...), which has no derivative",
    label = "the receiver's type is not visible to the macro here",
    note = "call the struct's method through its type, `Type::method(&value)`, or annotate the local, `let d: Type = ..;`"
)]
pub trait NotAStruct {}

/// The tangent of a borrowed struct parameter in a pushforward: the caller's tangent,
/// borrowed, or a zero of the parameter's shape.
pub enum TangentRef<'b, P> {
    /// The caller's tangent.
    Borrowed(&'b P),
    /// A zero tangent, for an argument that carries none.
    Owned(P),
}

impl<P> core::ops::Deref for TangentRef<'_, P> {
    type Target = P;
    #[inline(always)]
    fn deref(&self) -> &P {
        match self {
            TangentRef::Borrowed(p) => p,
            TangentRef::Owned(p) => p,
        }
    }
}

impl<'p, 'b, P: DerivedStruct> TangentOf<&'p P> for Active<&'b P> {
    type Out = TangentRef<'b, P>;
    #[inline(always)]
    fn tangent(self, _: &&'p P) -> TangentRef<'b, P> {
        TangentRef::Borrowed(self.0)
    }
}

impl<'p, P: DerivedStruct> TangentOf<&'p P> for Inactive {
    type Out = TangentRef<'p, P>;
    #[inline(always)]
    fn tangent(self, primal: &&'p P) -> TangentRef<'p, P> {
        TangentRef::Owned(primal.zero_tangent())
    }
}

/// The slot of a parameter that is not differentiated: only [`Inactive`] fits.
#[diagnostic::on_unimplemented(
    message = "a differentiated value is passed to a parameter that the callee does not differentiate",
    label = "this argument depends on the differentiated parameters",
    note = "the parameter is an integer, or left out of the callee's `wrt(..)`: add it to `wrt`, or pass a constant"
)]
pub trait NoTangent {}

impl NoTangent for Inactive {}

/// [`crate::rules::slice::iter_sum`] with its tangent (forward mode's calling convention).
#[inline]
pub fn iter_sum_pushforward<'p, T, S>(xs: &'p [T], slot: S) -> (T, T)
where
    T: Float + core::iter::Sum<T> + 'static,
    S: TangentOf<&'p [T]>,
    S::Out: core::ops::Deref<Target = [T]>,
{
    let t = slot.tangent(&xs);
    (xs.iter().copied().sum(), t.iter().copied().sum())
}

/// [`crate::rules::slice::vec_repeat`] with its tangent (forward mode's calling convention).
#[inline]
pub fn vec_repeat_pushforward<T, S, N>(x: T, n: usize, slot: S, _: N) -> (Vec<T>, Vec<T>)
where
    T: Float + 'static,
    S: TangentOf<T, Out = T>,
{
    let t = slot.tangent(&x);
    (vec![x; n], vec![t; n])
}

/// [`crate::rules::slice::to_vec`] with its tangent (forward mode's calling convention).
#[inline]
pub fn to_vec_pushforward<'p, T, S>(xs: &'p [T], slot: S) -> (Vec<T>, Vec<T>)
where
    T: Float + 'static,
    S: TangentOf<&'p [T]>,
    S::Out: core::ops::Deref<Target = [T]>,
{
    let t = slot.tangent(&xs);
    (xs.to_vec(), t.to_vec())
}

/// A value shaped and typed like `x`, all zeros: the tangent of a variable that becomes
/// differentiated only later (a buffer filled with differentiated values). Implemented
/// generically over the float type, so a buffer of unsuffixed literals (`vec![0.0; n]`)
/// keeps its type inferred from use.
pub trait ZerosAs {
    /// Zeros shaped like `self`.
    fn zeros_as(&self) -> Self;
}

impl ZerosAs for f64 {
    #[inline(always)]
    fn zeros_as(&self) -> f64 {
        0.0
    }
}

impl ZerosAs for f32 {
    #[inline(always)]
    fn zeros_as(&self) -> f32 {
        0.0
    }
}

/// An element of a `Vec` whose zero tangent [`ZerosAs`] makes: a float, or a derived struct
/// (implemented by the derive: a `Vec` of structs built by pushing constructors' results).
#[doc(hidden)]
pub trait ZerosElem: Sized {
    /// The zeros of a `Vec` of `n` elements like `v`.
    fn zeros_like_vec(v: &[Self]) -> Vec<Self>;
}

// (Per float type rather than for every `F: Float`, so that rows, `Vec<T>`, can have an impl
// too: a blanket impl over a foreign trait would overlap with it.)
macro_rules! zeros_elem_floats {
    ($($f:ty),*) => {$(
        impl ZerosElem for $f {
            #[inline(always)]
            fn zeros_like_vec(v: &[$f]) -> Vec<$f> {
                vec![0.0; v.len()]
            }
        }
    )*};
}
zeros_elem_floats!(f64, f32);

impl<F: Float> ZerosElem for crate::Dual<F> {
    #[inline(always)]
    fn zeros_like_vec(v: &[Self]) -> Vec<Self> {
        vec![<Self as num_traits::Zero>::zero(); v.len()]
    }
}

/// Rows of a `Vec<Vec<f64>>` built by pushing them.
impl<T: ZerosElem> ZerosElem for Vec<T> {
    #[inline(always)]
    fn zeros_like_vec(v: &[Vec<T>]) -> Vec<Vec<T>> {
        v.iter().map(|r| T::zeros_like_vec(r)).collect()
    }
}

impl<T: ZerosElem> ZerosAs for Vec<T> {
    #[inline(always)]
    fn zeros_as(&self) -> Vec<T> {
        T::zeros_like_vec(self)
    }
}

impl<F: Float, const N: usize> ZerosAs for [F; N] {
    #[inline(always)]
    fn zeros_as(&self) -> [F; N] {
        [F::zero(); N]
    }
}

macro_rules! zeros_as_tuple {
    ($($t:ident $i:tt),+) => {
        /// A tuple local's zero tangent (`let mut acc = (f64::INFINITY, 0.0);`).
        impl<$($t: ZerosAs),+> ZerosAs for ($($t,)+) {
            #[inline(always)]
            fn zeros_as(&self) -> Self {
                ($(self.$i.zeros_as(),)+)
            }
        }
    };
}
zeros_as_tuple!(A 0);
zeros_as_tuple!(A 0, B 1);
zeros_as_tuple!(A 0, B 1, C 2);
zeros_as_tuple!(A 0, B 1, C 2, D 3);
zeros_as_tuple!(A 0, B 1, C 2, D 3, E 4);
zeros_as_tuple!(A 0, B 1, C 2, D 3, E 4, G 5);

/// [`ZerosAs::zeros_as`] as a function.
#[inline(always)]
pub fn zeros_as<T: ZerosAs>(x: &T) -> T {
    x.zeros_as()
}
