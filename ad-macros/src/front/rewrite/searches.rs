//! Searches over an iterator, `xs.iter().any(|&v| p)`, `all`, `position`: their results are
//! discrete, but the predicate may read differentiated values, which a closure passed on
//! cannot. Each is the loop it stands for (no early exit: the predicate has no effects, so
//! testing every element gives the same result):
//!
//! - `any`: `{ let mut r = false; for pat in iter { if p { r = true; } } r }`
//! - `all`: `{ let mut r = true; for pat in iter { if !(p) { r = false; } } r }`
//! - `position`: `{ let mut r = None; for (i, pat) in iter.enumerate() { if r.is_none() && p
//!   { r = Some(i); } } r }`
//!
//! The loop binds the closure's own pattern to the iterator's items, so the predicate reads
//! them as it did (`|&v|` on `xs.iter()` binds `for &v in xs.iter()`).

use super::*;

/// The loop a search stands for, or `None` when `e` is not one (or the closure is not a
/// one-parameter closure, or the receiver is not an iterator of a slice, `Vec` or array).
pub(super) fn search_loop(e: &Expr) -> Option<Expr> {
    let Expr::MethodCall(m) = strip(e) else {
        return None;
    };
    let kind = m.method.to_string();
    if !matches!(kind.as_str(), "any" | "all" | "position") || m.args.len() != 1 {
        return None;
    }
    let Expr::Closure(c) = strip(&m.args[0]) else {
        return None;
    };
    if c.inputs.len() != 1 || c.asyncness.is_some() {
        return None;
    }
    // An iterator the front end can index: `xs.iter()`, also through `copied()`/`cloned()`.
    let Expr::MethodCall(src) = strip(&m.receiver) else {
        return None;
    };
    let iterates = |mc: &syn::ExprMethodCall| {
        matches!(mc.method.to_string().as_str(), "iter" | "into_iter") && mc.args.is_empty()
    };
    let ok = iterates(src)
        || (matches!(src.method.to_string().as_str(), "copied" | "cloned")
            && matches!(strip(&src.receiver), Expr::MethodCall(inner) if iterates(inner)));
    if !ok {
        return None;
    }
    let span = e.span();
    let (pat, body, iter) = (&c.inputs[0], &c.body, &m.receiver);
    let r = Ident::new("__ad_found", span);
    let i = Ident::new("__ad_at", span);
    let text = match kind.as_str() {
        "any" => quote::quote_spanned!(span=> {
            let mut #r = false;
            for #pat in #iter { if #body { #r = true; } }
            #r
        }),
        "all" => quote::quote_spanned!(span=> {
            let mut #r = true;
            for #pat in #iter { if !(#body) { #r = false; } }
            #r
        }),
        _ => quote::quote_spanned!(span=> {
            let mut #r: ::core::option::Option<usize> = ::core::option::Option::None;
            for (#i, #pat) in (#iter).enumerate() {
                if #r.is_none() && #body { #r = ::core::option::Option::Some(#i); }
            }
            #r
        }),
    };
    syn::parse2(text).ok()
}
