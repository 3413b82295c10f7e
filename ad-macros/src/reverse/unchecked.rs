//! Every element access without a bounds check that the macro emits, each with its guard.
//!
//! Generated code skips bounds checks in these places, and nowhere else (every other access
//! is plain `x[i]`; `#[differentiable(checked)]` turns all of them off):
//!
//! | function | sweep | access | guard |
//! | --- | --- | --- | --- |
//! | [`hoisted_read`], [`hoisted_place`] | forward, counted loops | `x[i]`, `x[i] = e` | loop versioning: before the loop, overflow-checked `usize` arithmetic proves every iteration's index in bounds, else the loop runs as written ([`super::hoist`], `Gen::hoisted_checks`) |
//! | [`adjoint_acc`], [`adjoint_take`], [`adjoint_get`], [`primal_read`] | reverse, counted loops | `x̄[i] += g`, `x̄[i]` taken or read, `x[i]` re-read | loop versioning of the reverse loop: the guard is computed in the reverse sweep, right before the loop, from the values that loop uses and the lengths of the buffers it indexes, else the loop runs with checks (`Gen::reverse_checks`) |
//!
//! Each is an `unsafe` block with its SAFETY comment here, and each is emitted only inside the
//! fast copy of a loop whose guard covered that exact access (buffer, primal or adjoint, and
//! index as printed). Neither guard trusts the analyses that decide where the accesses go
//! (that the reverse sweep re-uses an index the forward sweep checked, that a buffer keeps
//! its length, that a restored value is the old one): the guards evaluate the indices the
//! loop will compute and compare them with the lengths the loop will see. An access outside
//! such a loop keeps its bounds check.

use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

/// `b[i]` in a forward loop whose guard checked this index (see [`super::hoist`]).
pub fn hoisted_read(b: &TokenStream, i: &TokenStream) -> TokenStream {
    // SAFETY: the enclosing loop runs this copy only when its guard (evaluated right before
    // the loop with overflow-checked arithmetic) proved `i < b.len()` at every iteration, and
    // `b`'s length cannot change in the loop (`Gen::fixed_length`).
    quote!(unsafe { ::ad_runtime::__private::index_unchecked(&#b[..], #i) })
}

/// The place `b[i]` (for `b[i] = e`) in a forward loop whose guard checked this index.
pub fn hoisted_place(b: &TokenStream, i: &TokenStream) -> TokenStream {
    // SAFETY: as for `hoisted_read`.
    quote!((*unsafe { ::ad_runtime::__private::index_unchecked_mut(&mut #b[..], #i) }))
}

/// `d[i] += g` on an adjoint, in a reverse loop whose guard proved `i < d.len()`.
pub fn adjoint_acc(d: &Ident, i: &TokenStream, g: &TokenStream) -> TokenStream {
    // SAFETY: the enclosing reverse loop runs this copy only when its guard (evaluated right
    // before the loop, from the values the loop uses, with overflow-checked arithmetic)
    // proved `i < d.len()` at every iteration (`Gen::reverse_checks`).
    quote!(unsafe { ::ad_runtime::__private::acc_index_unchecked(&mut #d, #i, #g) };)
}

/// `d[i]` taken out of an adjoint (leaving zero), under a reverse loop's guard.
pub fn adjoint_take(d: &Ident, i: &TokenStream) -> TokenStream {
    // SAFETY: as for `adjoint_acc`.
    quote!(unsafe { ::ad_runtime::__private::take_index_unchecked(&mut #d, #i) })
}

/// A copy of `d[i]` of an adjoint, under a reverse loop's guard.
pub fn adjoint_get(d: &Ident, i: &TokenStream) -> TokenStream {
    // SAFETY: as for `adjoint_acc`.
    quote!(unsafe { ::ad_runtime::__private::get_index_unchecked(&#d, #i) })
}

/// `x[i]` of a primal buffer re-read by the reverse sweep, under a reverse loop's guard.
pub fn primal_read(x: &Ident, i: &TokenStream) -> TokenStream {
    // SAFETY: as for `adjoint_acc`, with `i < x.len()`.
    quote!(unsafe { ::ad_runtime::__private::index_unchecked(&#x[..], #i) })
}
