//! Every element access without a bounds check that the macro emits, each with its guard.
//!
//! Generated code reaches past bounds checks in two places, and nowhere else (every other
//! access is plain `x[i]`, and `#[differentiable(checked)]` turns both off):
//!
//! | where | what | guard | `unsafe` in generated code |
//! | --- | --- | --- | --- |
//! | forward sweep, counted loops ([`hoisted_read`], [`hoisted_place`]) | `x[i]`, `x[i] = e` | loop versioning: before the loop, checked `usize` arithmetic proves every iteration's index in bounds, else the loop runs with its checks (see [`super::hoist`]) | yes, under that guard |
//! | reverse sweep ([`adjoint_acc`], [`adjoint_take`], [`adjoint_get`], [`primal_read`]) | `x̄[i] += g`, `x̄[i]` taken or read, `x[i]` re-read | `ad_runtime::__private::BoundsGuard`: each access compares its index with the length it uses and falls back to a spare slot when out of bounds, recording it; [`guard_finish`] panics at the end of the sweep if anything was recorded | none: the guard's methods are safe functions |
//!
//! Neither guard relies on the analyses that decide where the accesses go (that the reverse
//! sweep re-uses an index the forward sweep checked, that a buffer keeps its length): if an
//! analysis were wrong, the forward loop would take its checked version, and the reverse
//! sweep would panic at its end, but no memory outside a buffer is ever touched. The
//! analyses only decide where the unchecked forms are worth using.
//!
//! The reverse guard costs a compare and a select per access and no early exit, so the
//! reverse loops keep what removing their bounds checks bought (they can be reordered and
//! unrolled: a check that may panic mid-loop pins the stores before it).

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Ident;

/// The reverse sweep's guard variable (hygienic: no user name can meet it).
fn guard() -> Ident {
    Ident::new("__ad_bounds", Span::mixed_site())
}

/// Declares the guard at the start of a reverse sweep (the pullback closure, a fused
/// `f_vjp`). Unused when no guarded access is emitted (then it compiles to nothing).
pub fn guard_decl() -> TokenStream {
    let g = guard();
    quote!(let mut #g = ::ad_runtime::__private::BoundsGuard::new();)
}

/// Ends the reverse sweep: panics if a guarded access was out of bounds.
pub fn guard_finish() -> TokenStream {
    let g = guard();
    quote!(#g.finish();)
}

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

/// `d[i] += g` on an adjoint of fixed length, in the reverse sweep (guarded).
pub fn adjoint_acc(d: &Ident, i: &TokenStream, g: &TokenStream) -> TokenStream {
    let guard = guard();
    quote!(#guard.acc(&mut #d, #i, #g);)
}

/// `d[i]` taken out of an adjoint (leaving zero), in the reverse sweep (guarded).
pub fn adjoint_take(d: &Ident, i: &TokenStream) -> TokenStream {
    let guard = guard();
    quote!(#guard.take(&mut #d, #i))
}

/// A copy of `d[i]` of an adjoint, in the reverse sweep (guarded).
pub fn adjoint_get(d: &Ident, i: &TokenStream) -> TokenStream {
    let guard = guard();
    quote!(#guard.get(&#d, #i))
}

/// `x[i]` of a primal buffer re-read by the reverse sweep (guarded).
pub fn primal_read(x: &Ident, i: &TokenStream) -> TokenStream {
    let guard = guard();
    quote!(#guard.read(&#x[..], #i))
}
