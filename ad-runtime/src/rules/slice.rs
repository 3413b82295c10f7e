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

// The same three accesses, and re-reads of primal elements, for the reverse sweep of generated
// code (`#[differentiable]` without `checked`), through a [`BoundsGuard`]. The index is one the
// forward sweep has already used on the primal buffer (the macro's analysis says so), but the
// guard does not take that on trust: every access checks its index against the length it is
// about to use and, when it is out of bounds, touches a local slot instead and records the
// failure; the sweep ends with [`BoundsGuard::finish`], which panics if anything was recorded.
// So memory safety holds whatever the analysis concluded, and the check has no exit in the
// middle of the loop (a select, not a branch to a panic), which is what kept the reverse
// loops from being reordered and unrolled when they used plain `d[i]`.

/// The reverse sweep's bounds guard (see the comment above).
#[derive(Default)]
pub struct BoundsGuard {
    out_of_bounds: bool,
}

impl BoundsGuard {
    /// A guard that has seen no out-of-bounds index.
    #[inline(always)]
    pub fn new() -> Self {
        BoundsGuard {
            out_of_bounds: false,
        }
    }

    /// `&mut d[i]` if `i` is in bounds, else `spare` (and the failure is recorded).
    #[inline(always)]
    fn slot<'a, T>(&mut self, d: &'a mut [T], i: usize, spare: &'a mut T) -> &'a mut T {
        let ok = i < d.len();
        self.out_of_bounds |= !ok;
        let base = d.as_mut_ptr();
        // SAFETY: `base.add(i)` is only formed and dereferenced when `i < d.len()`, so it
        // points into `d`, which is borrowed mutably for `'a`; otherwise `spare` is used.
        if ok {
            unsafe { &mut *base.add(i) }
        } else {
            spare
        }
    }

    /// `d[i] += g` (see [`acc_index_exact`]).
    #[inline(always)]
    pub fn acc<T: Accumulate + Zero>(&mut self, d: &mut [T], i: usize, g: T) {
        let mut spare = T::zero();
        self.slot(d, i, &mut spare).accumulate(g);
    }

    /// `d[i]` taken out, leaving zero (see [`take_index`]).
    #[inline(always)]
    pub fn take<T: Zero>(&mut self, d: &mut [T], i: usize) -> T {
        let mut spare = T::zero();
        core::mem::replace(self.slot(d, i, &mut spare), T::zero())
    }

    /// A copy of `d[i]` (see [`get_index`]).
    #[inline(always)]
    pub fn get<T: Zero + Clone>(&mut self, d: &[T], i: usize) -> T {
        let ok = i < d.len();
        self.out_of_bounds |= !ok;
        match ok {
            // SAFETY: `i < d.len()`.
            true => unsafe { d.get_unchecked(i) }.clone(),
            false => T::zero(),
        }
    }

    /// `x[i]` of a primal buffer, re-read by the reverse sweep.
    #[inline(always)]
    pub fn read<T: Copy + Zero>(&mut self, x: &[T], i: usize) -> T {
        let ok = i < x.len();
        self.out_of_bounds |= !ok;
        match ok {
            // SAFETY: `i < x.len()`.
            true => unsafe { *x.get_unchecked(i) },
            false => T::zero(),
        }
    }

    /// Ends the sweep: panics if any access was out of bounds (a bug of the transformation,
    /// never of the user's code, whose own out-of-bounds accesses panic in the forward sweep
    /// exactly as in the primal).
    #[inline(always)]
    #[track_caller]
    pub fn finish(self) {
        if self.out_of_bounds {
            guard_failed();
        }
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn guard_failed() -> ! {
    panic!(
        "ad-runtime: the reverse sweep used an index out of bounds; this is a bug of \
         #[differentiable] (please report it with the function); no memory was accessed \
         out of bounds"
    )
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

// v = xs.to_vec();  x̄s[i] += v̄[i]
/// `xs.to_vec()` / `xs.to_owned()` of a slice parameter (the macro rewrites the method call
/// into this call): an owned copy, differentiated like a call to a `#[differentiable]`
/// function.
pub fn to_vec<T: Copy>(xs: &[T]) -> Vec<T> {
    xs.to_vec()
}

/// [`to_vec`] and its pullback: the copy's cotangent is the slice's (padded with zeros to its
/// length where the copy's adjoint was never grown that far).
#[allow(clippy::type_complexity)] // the pullback's type is the calling convention
pub fn to_vec_pullback<T: Copy + Default>(
    xs: &[T],
) -> (Vec<T>, impl FnOnce(Vec<T>) -> (Vec<T>,) + use<T>) {
    let n = xs.len();
    (xs.to_vec(), move |mut g: Vec<T>| {
        g.resize(n, T::default());
        (g,)
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
