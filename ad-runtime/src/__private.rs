//! Paths used by generated code only. Not a public API: names and signatures may change in
//! any release. Everything here is reached as `::ad_runtime::__private::...`.

pub use crate::rules::arith::*;
pub use crate::rules::scalar::*;
pub use crate::rules::slice::*;
pub use crate::tape::Tape;
pub use crate::traits::{Accumulate, Differentiable, Real, Zero};

/// `*d += g`.
#[inline(always)]
pub fn acc<T: Accumulate>(d: &mut T, g: T) {
    d.accumulate(g);
}

/// A shape-free zero cotangent, its type inferred from use.
#[inline(always)]
pub fn zero<T: Zero>() -> T {
    T::zero()
}

/// A zero cotangent shaped like `x` (used for parameters, whose gradients are returned).
#[inline(always)]
pub fn zero_like<T: Differentiable + ?Sized>(x: &T) -> T::Tangent {
    x.zero_tangent()
}

/// Takes the cotangent out of an adjoint slot, leaving zero (the slot's variable is about to
/// be restored to an older value, whose cotangent starts from zero).
#[inline(always)]
pub fn take<T: Zero>(d: &mut T) -> T {
    core::mem::replace(d, T::zero())
}

/// The `k`-th value (from 0) of the range `lo..` for the integer type of `lo`.
#[inline(always)]
pub fn range_up<I: RangeIndex>(lo: I, k: usize) -> I {
    I::up(lo, k)
}

/// The `k`-th value (from 0) of `(..hi).rev()` (exclusive `hi`).
#[inline(always)]
pub fn range_down<I: RangeIndex>(hi: I, k: usize) -> I {
    I::down(hi, k)
}

/// The `k`-th value (from 0) of `(..=hi).rev()` (inclusive `hi`).
#[inline(always)]
pub fn range_down_incl<I: RangeIndex>(hi: I, k: usize) -> I {
    I::down_incl(hi, k)
}

/// Integer types that can be loop counters of a `for` over a range.
pub trait RangeIndex: Copy {
    /// `lo + k`.
    fn up(lo: Self, k: usize) -> Self;
    /// `hi - 1 - k`.
    fn down(hi: Self, k: usize) -> Self;
    /// `hi - k`.
    fn down_incl(hi: Self, k: usize) -> Self;
}

macro_rules! range_index {
    ($($t:ty),*) => {$(
        impl RangeIndex for $t {
            #[inline(always)]
            fn up(lo: Self, k: usize) -> Self { lo + k as $t }
            #[inline(always)]
            fn down(hi: Self, k: usize) -> Self { hi - 1 - k as $t }
            #[inline(always)]
            fn down_incl(hi: Self, k: usize) -> Self { hi - k as $t }
        }
    )*};
}
range_index!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);
