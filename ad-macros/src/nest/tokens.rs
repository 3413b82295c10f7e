//! Tokens lifted to dual numbers: what `dual` cannot see as IR (constant expressions,
//! `mapv` closures, calls inside closures) is rewritten token by token, with casts and
//! float types found once the tokens are parsed (see [`lift_tokens`]).

use proc_macro2::{Group, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::visit_mut::VisitMut;

/// A constant expression of floats: it has a float literal or names `f64`/`f32`
/// (`2.0`, `-1.69 % 2.23`, `(-0.5_f64)`, `f64::EPSILON`, `std::f64::consts::PI`).
pub(super) fn float_const(c: &TokenStream) -> bool {
    c.clone().into_iter().any(|tt| match tt {
        TokenTree::Literal(l) => is_float_lit(&syn::Lit::new(l)),
        TokenTree::Ident(i) => i == "f64" || i == "f32",
        TokenTree::Group(g) => float_const(&g.stream()),
        TokenTree::Punct(_) => false,
    })
}

fn is_float_lit(l: &syn::Lit) -> bool {
    match l {
        syn::Lit::Float(_) => true,
        syn::Lit::Int(i) => matches!(i.suffix(), "f64" | "f32"),
        _ => false,
    }
}

/// `Array1::zeros`, `Array::from_elem`, `ndarray::Array2::<f64>::eye`, ...
pub(super) fn is_array_constructor(path: &syn::Path) -> bool {
    path.segments.iter().any(|s| {
        let s = s.ident.to_string();
        s.starts_with("Array") || s == "ndarray"
    })
}

pub(super) fn mentions_float_type(ts: &TokenStream) -> bool {
    ts.clone().into_iter().any(|tt| match tt {
        TokenTree::Ident(i) => i == "f64" || i == "f32",
        TokenTree::Group(g) => mentions_float_type(&g.stream()),
        _ => false,
    })
}

pub(super) fn is_float_type(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"))
}

pub(super) fn is_float_path(ty: &TokenStream) -> bool {
    let s = ty.to_string();
    s == "f64" || s == "f32"
}

/// Calls `f(..)` of the functions in `called` (by their last path segment, not methods)
/// made calls of their second-order pullback for its value: `f_hvp_pullback::<M>(..).0`.
pub(super) fn dual_calls(
    ts: &TokenStream,
    called: &std::collections::HashSet<String>,
) -> TokenStream {
    if called.is_empty() {
        return ts.clone();
    }
    let tts: Vec<TokenTree> = ts.clone().into_iter().collect();
    let mut out = TokenStream::new();
    let mut k = 0;
    while k < tts.len() {
        let after_dot = matches!(k.checked_sub(1).map(|j| &tts[j]),
            Some(TokenTree::Punct(p)) if p.as_char() == '.');
        match (&tts[k], tts.get(k + 1)) {
            (TokenTree::Ident(i), Some(TokenTree::Group(g)))
                if called.contains(&i.to_string())
                    && !after_dot
                    && g.delimiter() == proc_macro2::Delimiter::Parenthesis =>
            {
                let f = quote::format_ident!("{}_hvp_pullback", i, span = i.span());
                let m = crate::codegen::hvp_marker();
                let mut args = Group::new(g.delimiter(), dual_calls(&g.stream(), called));
                args.set_span(g.span());
                out.extend(quote!((#f::<#m> #args .0)));
                k += 2;
                continue;
            }
            _ => {}
        }
        match &tts[k] {
            TokenTree::Group(g) => {
                let mut n = Group::new(g.delimiter(), dual_calls(&g.stream(), called));
                n.set_span(g.span());
                out.extend(std::iter::once(TokenTree::Group(n)));
            }
            other => out.extend(std::iter::once(other.clone())),
        }
        k += 1;
    }
    out
}

/// A closure's tokens lifted: float literals and constants as duals, `f64::tanh` as
/// `Dual::<f64>::tanh`, the type `f64` (a typed parameter) as `Dual<f64>`, and casts as
/// [`LiftCasts`] says.
pub(super) fn lift_tokens(ts: &TokenStream) -> TokenStream {
    let lifted = lift_tokens_paths(&lift_literals(ts));
    match syn::parse2::<syn::Expr>(lifted.clone()) {
        Ok(mut e) => {
            LiftCasts.visit_expr_mut(&mut e);
            e.into_token_stream()
        }
        Err(_) => lifted,
    }
}

/// Casts in lifted tokens (the operands are delimited once the tokens are parsed): to a
/// float, lifted to `Dual<F>` above, `dual_cast::<F, _>(e)` (integers, floats and duals
/// alike, as in a lifted body); to anything else (an integer), of the operand's value:
/// `undual(e) as T`, which leaves plain numbers unchanged.
pub(super) struct LiftCasts;

impl VisitMut for LiftCasts {
    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
        syn::visit_mut::visit_expr_mut(self, e);
        if let syn::Expr::Cast(c) = e {
            let inner = &c.expr;
            *e = match crate::ir::dual_inner(&c.ty) {
                Some(f) => syn::parse_quote!(::ad_runtime::__private::dual_cast::<#f, _>(#inner)),
                None => {
                    let ty = &c.ty;
                    syn::parse_quote!((::ad_runtime::__private::undual(#inner) as #ty))
                }
            };
        }
    }
}

/// The path and type part of [`lift_tokens`], without touching literals.
fn lift_tokens_paths(ts: &TokenStream) -> TokenStream {
    let tts: Vec<TokenTree> = ts.clone().into_iter().collect();
    let mut out = TokenStream::new();
    let mut k = 0;
    while k < tts.len() {
        if let TokenTree::Ident(i) = &tts[k]
            && (i == "f64" || i == "f32")
        {
            let colon =
                |j: usize| matches!(tts.get(j), Some(TokenTree::Punct(p)) if p.as_char() == ':');
            let path_follows = colon(k + 1) && colon(k + 2);
            let after_colons = k >= 2 && colon(k - 1) && colon(k - 2);
            if !after_colons {
                match tts.get(k + 3) {
                    Some(TokenTree::Ident(m)) if path_follows => {
                        if m.to_string()
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_lowercase())
                        {
                            out.extend(quote!(::ad_runtime::Dual::<#i>::#m));
                        } else {
                            out.extend(quote!((::ad_runtime::Dual::cst(#i::#m))));
                        }
                        k += 4;
                        continue;
                    }
                    _ if !path_follows => {
                        out.extend(quote!(::ad_runtime::Dual<#i>));
                        k += 1;
                        continue;
                    }
                    _ => {}
                }
            }
        }
        match &tts[k] {
            TokenTree::Group(g) => {
                let mut n = Group::new(g.delimiter(), lift_tokens_paths(&g.stream()));
                n.set_span(g.span());
                out.extend(std::iter::once(TokenTree::Group(n)));
            }
            other => out.extend(std::iter::once(other.clone())),
        }
        k += 1;
    }
    out
}

/// Every float constant named by a path in `ts` (at any depth) wrapped as a dual constant:
/// `f64::INFINITY`, `f32::EPSILON`, `std::f64::consts::PI` (the path's last segment upper
/// case; `f64::max` and the type `f64` are left alone).
pub(super) fn lift_const_paths(ts: &TokenStream) -> TokenStream {
    let tts: Vec<TokenTree> = ts.clone().into_iter().collect();
    let colon = |j: usize| matches!(tts.get(j), Some(TokenTree::Punct(p)) if p.as_char() == ':');
    let ident = |j: usize| match tts.get(j) {
        Some(TokenTree::Ident(i)) => Some(i.to_string()),
        _ => None,
    };
    let mut out = TokenStream::new();
    let mut k = 0;
    while k < tts.len() {
        // The start of a path (not after `::`) whose segments lead through `f64`/`f32` to an
        // upper-case constant.
        if ident(k).is_some() && !(k >= 3 && colon(k - 1) && colon(k - 2) && ident(k - 3).is_some())
        {
            let mut j = k;
            let mut segs = vec![ident(k).unwrap()];
            while colon(j + 1) && colon(j + 2) && ident(j + 3).is_some() {
                j += 3;
                segs.push(ident(j).unwrap());
            }
            let last = segs.last().unwrap();
            if segs.len() >= 2
                && segs.iter().any(|s| s == "f64" || s == "f32")
                && last
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '_')
            {
                let path: TokenStream = tts[k..=j].iter().cloned().collect();
                out.extend(quote!((::ad_runtime::Dual::cst(#path))));
                k = j + 1;
                continue;
            }
        }
        match &tts[k] {
            TokenTree::Group(g) => {
                let mut n = Group::new(g.delimiter(), lift_const_paths(&g.stream()));
                n.set_span(g.span());
                out.extend(std::iter::once(TokenTree::Group(n)));
            }
            other => out.extend(std::iter::once(other.clone())),
        }
        k += 1;
    }
    out
}

/// Every float literal in `ts` (at any depth) wrapped as a dual constant.
pub(super) fn lift_literals(ts: &TokenStream) -> TokenStream {
    ts.clone()
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) => {
                let mut n = Group::new(g.delimiter(), lift_literals(&g.stream()));
                n.set_span(g.span());
                TokenTree::Group(n).into_token_stream()
            }
            TokenTree::Literal(l) => {
                let lit = syn::Lit::new(l.clone());
                if is_float_lit(&lit) {
                    quote!((::ad_runtime::Dual::cst(#l)))
                } else {
                    TokenTree::Literal(l).into_token_stream()
                }
            }
            other => other.into_token_stream(),
        })
        .collect()
}
