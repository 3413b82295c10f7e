//! Slices, `Vec`s and local buffers: reading `x[i]`, writing `v[i] = e`, `v[i] += e`.
//!
//! The cotangent of a slice or `Vec` is a `Vec` of the same length. Adjoints of local
//! buffers start as the empty `Vec` (the shape-free zero of [`crate::traits::Zero`]) and
//! grow on first use.

use crate::traits::{Accumulate, Zero};

// y = x[i];  x̄[i] += ȳ
/// Adds `g` into `d[i]`, growing `d` with zeros if it is shorter.
#[inline(always)]
pub fn acc_index<T: Accumulate + Zero>(d: &mut Vec<T>, i: usize, g: T) {
    if i >= d.len() {
        grow(d, i + 1);
    }
    d[i].accumulate(g);
}

// y = x[i] for a parameter x, whose gradient already has x's length;  x̄[i] += ȳ
/// Adds `g` into `d[i]` (no growth: `d` is a parameter's gradient, shaped like it).
#[inline(always)]
pub fn acc_index_exact<T: Accumulate>(d: &mut [T], i: usize, g: T) {
    d[i].accumulate(g);
}

// x[i] = e;  ē += x̄[i];  x̄[i] = 0
/// Takes `d[i]` out (leaving zero); zero if `d` is shorter.
#[inline(always)]
#[allow(clippy::ptr_arg)] // a `Vec` on purpose: the adjoint's type is still being inferred at the call
pub fn take_index<T: Zero>(d: &mut Vec<T>, i: usize) -> T {
    match d.get_mut(i) {
        Some(v) => core::mem::replace(v, T::zero()),
        None => T::zero(),
    }
}

// x.push(e) (x had n elements);  ē += x̄[n];  x̄ has n elements again
/// Takes `d[n]` out (zero if `d` is shorter) and shortens `d` to `n`: the reverse of a push
/// onto a buffer of `n` elements, after which the buffer's cotangent has its length again
/// (a `Vec` parameter's gradient has the parameter's length).
#[inline(always)]
pub fn take_pushed<T: Zero>(d: &mut Vec<T>, n: usize) -> T {
    let g = match d.get_mut(n) {
        Some(v) => core::mem::replace(v, T::zero()),
        None => T::zero(),
    };
    d.truncate(n);
    g
}

// x[i] = x[i] + e;  ē += x̄[i]  (x̄[i] unchanged: the old element's cotangent is the new one's)
/// A copy of `d[i]`; zero if `d` is shorter.
#[inline(always)]
#[allow(clippy::ptr_arg)] // a `Vec` on purpose: the adjoint's type is still being inferred at the call
pub fn get_index<T: Zero + Clone>(d: &Vec<T>, i: usize) -> T {
    match d.get(i) {
        Some(v) => v.clone(),
        None => T::zero(),
    }
}

// x[i] = e for a parameter x (a `Vec` or a fixed-size array taken by value), whose adjoint
// has x's length from the start;  ē += x̄[i];  x̄[i] = 0
/// Takes `d[i]` out (leaving zero) of a parameter's adjoint.
#[inline(always)]
pub fn take_index_exact<T: Zero>(d: &mut [T], i: usize) -> T {
    core::mem::replace(&mut d[i], T::zero())
}

// x[i] = x[i] + e for a parameter x;  ē += x̄[i]
/// A copy of `d[i]` of a parameter's adjoint.
#[inline(always)]
pub fn get_index_exact<T: Clone>(d: &[T], i: usize) -> T {
    d[i].clone()
}

// The same three accesses without bounds checks, for the fast copy of a reverse loop of
// generated code (`#[differentiable]` without `checked`) whose guard, evaluated right before
// the loop, proved every index it uses in bounds (see `ad-macros`' `reverse/unchecked.rs`).
// A bounds check there would only cost time: it blocks the reordering and unrolling the
// reverse loops need. Debug builds check again.

/// [`acc_index_exact`] without the bounds check.
///
/// # Safety
///
/// `i < d.len()`.
#[inline(always)]
pub unsafe fn acc_index_unchecked<T: Accumulate>(d: &mut [T], i: usize, g: T) {
    debug_assert!(
        i < d.len(),
        "adjoint index {i} out of bounds (len {})",
        d.len()
    );
    // SAFETY: `i < d.len()` by the caller's contract.
    unsafe { d.get_unchecked_mut(i) }.accumulate(g);
}

/// Takes `d[i]` out (leaving zero), without the bounds check.
///
/// # Safety
///
/// `i < d.len()`.
#[inline(always)]
pub unsafe fn take_index_unchecked<T: Zero>(d: &mut [T], i: usize) -> T {
    debug_assert!(
        i < d.len(),
        "adjoint index {i} out of bounds (len {})",
        d.len()
    );
    // SAFETY: `i < d.len()` by the caller's contract.
    core::mem::replace(unsafe { d.get_unchecked_mut(i) }, T::zero())
}

/// A copy of `d[i]`, without the bounds check.
///
/// # Safety
///
/// `i < d.len()`.
#[inline(always)]
pub unsafe fn get_index_unchecked<T: Clone>(d: &[T], i: usize) -> T {
    debug_assert!(
        i < d.len(),
        "adjoint index {i} out of bounds (len {})",
        d.len()
    );
    // SAFETY: `i < d.len()` by the caller's contract.
    unsafe { d.get_unchecked(i) }.clone()
}

/// `x[i]` without the bounds check, for values the reverse sweep recomputes.
///
/// # Safety
///
/// `i < x.len()`.
#[inline(always)]
pub unsafe fn index_unchecked<T: Copy>(x: &[T], i: usize) -> T {
    debug_assert!(i < x.len(), "index {i} out of bounds (len {})", x.len());
    // SAFETY: `i < x.len()` by the caller's contract.
    unsafe { *x.get_unchecked(i) }
}

/// `&mut x[i]` without the bounds check, for element writes in a loop whose bounds checks
/// the forward sweep hoisted (see `ad-macros`' `reverse/hoist.rs`).
///
/// # Safety
///
/// `i < x.len()`.
#[inline(always)]
pub unsafe fn index_unchecked_mut<T>(x: &mut [T], i: usize) -> &mut T {
    debug_assert!(i < x.len(), "index {i} out of bounds (len {})", x.len());
    // SAFETY: `i < x.len()` by the caller's contract.
    unsafe { x.get_unchecked_mut(i) }
}

/// The guard of a loop whose bounds checks the forward sweep hoists (see `ad-macros`'
/// `reverse/hoist.rs`): checked `usize` arithmetic on the affine forms of its indices.
pub mod hoist {
    /// The value of an index operand, `usize` or `&usize`.
    #[inline(always)]
    pub fn value<T: core::borrow::Borrow<usize>>(x: T) -> Option<usize> {
        Some(*x.borrow())
    }

    /// `a + b`, `None` on overflow.
    #[inline(always)]
    pub fn add(a: Option<usize>, b: Option<usize>) -> Option<usize> {
        a?.checked_add(b?)
    }

    /// `a - b`, `None` below zero.
    #[inline(always)]
    pub fn sub(a: Option<usize>, b: Option<usize>) -> Option<usize> {
        a?.checked_sub(b?)
    }

    /// `a * b`, `None` on overflow.
    #[inline(always)]
    pub fn mul(a: Option<usize>, b: Option<usize>) -> Option<usize> {
        a?.checked_mul(b?)
    }

    /// Whether `base + coef * t < len` for every `t < n` (`n >= 1`), computed without
    /// overflow: the largest index is the last iteration's.
    #[inline(always)]
    pub fn in_bounds(base: Option<usize>, coef: Option<usize>, n: usize, len: usize) -> bool {
        add(base, mul(coef, n.checked_sub(1))).is_some_and(|last| last < len)
    }
}

#[cold]
fn grow<T: Zero>(d: &mut Vec<T>, len: usize) {
    d.resize_with(len, T::zero);
}

// y = &x[start..start + n];  x̄[start..start + n] += ȳ
/// Adds the cotangent `g` of a sub-slice starting at `start` into `d`.
pub fn acc_slice<T: Accumulate + Zero>(d: &mut Vec<T>, start: usize, g: Vec<T>) {
    if start + g.len() > d.len() {
        grow(d, start + g.len());
    }
    for (a, b) in d[start..].iter_mut().zip(g) {
        a.accumulate(b);
    }
}

/// [`acc_slice`] into an adjoint that has its buffer's length from the start (a parameter's
/// gradient, a `Vec` or a fixed-size array).
pub fn acc_slice_exact<T: Accumulate>(d: &mut [T], start: usize, g: Vec<T>) {
    for (a, b) in d[start..start + g.len()].iter_mut().zip(g) {
        a.accumulate(b);
    }
}

// v = xs.to_vec();  x̄s[i] += v̄[i]
/// `xs.to_vec()` / `xs.to_owned()` of a slice parameter (the macro rewrites the method call
/// into this call): an owned copy, differentiated like a call to a `#[differentiable]`
/// function.
pub fn to_vec<T: Clone>(xs: &[T]) -> Vec<T> {
    xs.to_vec()
}

/// [`to_vec`] and its pullback: the copy's cotangent is the slice's (padded with zeros to its
/// length where the copy's adjoint was never grown that far).
#[allow(clippy::type_complexity)] // the pullback's type is the calling convention
pub fn to_vec_pullback<T: Clone + crate::traits::Zero>(
    xs: &[T],
) -> (Vec<T>, impl FnOnce(Vec<T>) -> (Vec<T>,) + use<T>) {
    let n = xs.len();
    (xs.to_vec(), move |mut g: Vec<T>| {
        g.resize_with(n, T::zero);
        (g,)
    })
}

// v = vec![x; n];  x̄ += Σᵢ v̄ᵢ
/// `vec![x; n]` of a differentiated `x` (the macro rewrites that expression into this call,
/// so that it is differentiated like a call to a `#[differentiable]` function).
pub fn vec_repeat<T: Copy>(x: T, n: usize) -> Vec<T> {
    vec![x; n]
}

/// [`vec_repeat`] and its pullback: `x`'s cotangent is the sum of the elements'.
#[allow(clippy::type_complexity)] // the pullback's type is the calling convention
pub fn vec_repeat_pullback<T: Copy + core::iter::Sum<T>>(
    x: T,
    n: usize,
) -> (
    Vec<T>,
    impl FnOnce(Vec<T>) -> (T, crate::__private::NotDifferentiated) + use<T>,
) {
    (vec![x; n], move |g: Vec<T>| {
        (g.iter().copied().sum(), crate::__private::NotDifferentiated)
    })
}

// s = xs.iter().sum();  x̄s[i] += s̄ for every i
/// `xs.iter().sum()` of a slice (the macro rewrites that expression into this call, so that
/// it is differentiated like a call to a `#[differentiable]` function).
pub fn iter_sum<T: Copy + core::iter::Sum<T>>(xs: &[T]) -> T {
    xs.iter().copied().sum()
}

/// [`iter_sum`] and its pullback, in the calling convention of generated `f_pullback`s: the
/// cotangent of the sum goes to every element.
#[allow(clippy::type_complexity)] // the pullback's type is the calling convention
pub fn iter_sum_pullback<T: Copy + core::iter::Sum<T>>(
    xs: &[T],
) -> (T, impl FnOnce(T) -> (Vec<T>,) + use<T>) {
    let n = xs.len();
    (iter_sum(xs), move |g: T| (vec![g; n],))
}
