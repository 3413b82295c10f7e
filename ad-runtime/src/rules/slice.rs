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
