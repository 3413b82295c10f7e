//! Methods: `#[differentiable]` on `fn loss(&self, ..)` inside an `impl` block of a
//! `#[derive(Differentiable)]` type.
//!
//! The receiver is the parameter `self` (type `&Self` or `Self`), differentiated like any
//! struct parameter (its tangent is `Self`); `self.forward(x)` in the body is the call
//! `Self::forward(self, x)` of another differentiable method (see the front end). The
//! generated functions are associated functions of the same `impl` with the same receiver
//! (`loss_grad(&self, ..)`, `loss_jvp(&self, .., dself: &Self, ..)`), so the calls between
//! them, which every backend prints by bare name, are made `Self::` paths here, once, on
//! the generated tokens.
//!
//! An associated function whose signature shows neither `self` nor `Self` (`fn sigmoid(x:
//! f64) -> f64` in `impl Mlp`) cannot be told from a free function by its own attribute; the
//! attribute on the `impl` block (`#[differentiable] impl Mlp { .. }`) tells it, by adding
//! the hidden argument `__in_impl` to every `#[differentiable]` function inside
//! ([`expand_impl`]).

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::quote;

/// Whether `func` is in an `impl` block, as far as its signature shows: it has a receiver, or
/// mentions `Self` (an associated function such as `fn loss(p: &Self, x: f64) -> f64`).
pub fn in_impl(func: &syn::ItemFn) -> bool {
    fn mentions_self(ts: TokenStream) -> bool {
        ts.into_iter().any(|t| match t {
            TokenTree::Ident(i) => i == "Self",
            TokenTree::Group(g) => mentions_self(g.stream()),
            _ => false,
        })
    }
    // `Self` in the body (`Self { .. }`, `Self::g(x)`) also places it in an `impl`: a free
    // function cannot name it (and items in bodies are rejected).
    func.sig.receiver().is_some()
        || mentions_self(quote::ToTokens::to_token_stream(&func.sig.inputs))
        || mentions_self(quote::ToTokens::to_token_stream(&func.sig.output))
        || mentions_self(quote::ToTokens::to_token_stream(&func.block))
}

/// `tokens` with every call of `name` or of one of its generated functions
/// (`{name}_pullback`, `{name}_grad`, ...) made a `Self::` path.
pub fn self_calls(tokens: TokenStream, name: &Ident) -> TokenStream {
    let base = name.to_string();
    let names: Vec<String> = std::iter::once(base.clone())
        .chain(
            [
                "pullback",
                "vjp",
                "vjp_seeded",
                "grad",
                "pushforward",
                "jvp",
                "jacobian",
                "hvp_pullback",
                "hvp",
                "hessian",
                "check",
            ]
            .iter()
            .map(|s| format!("{base}_{s}")),
        )
        .collect();
    rewrite(tokens, &names)
}

fn rewrite(tokens: TokenStream, names: &[String]) -> TokenStream {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = TokenStream::new();
    for (k, tt) in tts.iter().enumerate() {
        match tt {
            TokenTree::Ident(i) if names.iter().any(|n| i == n) => {
                let prev = k.checked_sub(1).map(|p| &tts[p]);
                let declared = matches!(prev, Some(TokenTree::Ident(p)) if p == "fn");
                let qualified = matches!(prev, Some(TokenTree::Punct(p)) if p.as_char() == ':' || p.as_char() == '.');
                let called = matches!(tts.get(k + 1), Some(TokenTree::Group(g)) if g.delimiter() == proc_macro2::Delimiter::Parenthesis)
                    || matches!(tts.get(k + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':');
                if !declared && !qualified && called {
                    let s = Ident::new("Self", Span::call_site());
                    out.extend(quote!(#s::));
                }
                out.extend(std::iter::once(tt.clone()));
            }
            TokenTree::Group(g) => {
                let mut n = proc_macro2::Group::new(g.delimiter(), rewrite(g.stream(), names));
                n.set_span(g.span());
                out.extend(std::iter::once(TokenTree::Group(n)));
            }
            other => out.extend(std::iter::once(other.clone())),
        }
    }
    out
}

/// `#[differentiable]` on an `impl` block: the block unchanged, except that every function in it
/// marked `#[differentiable(..)]` gets the hidden argument `__in_impl` (it is an associated
/// function, so the calls between its generated functions are `Self::` paths).
pub fn expand_impl(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut imp: syn::ItemImpl = match syn::parse2(item.clone()) {
        Ok(i) => i,
        Err(e) => return e.into_compile_error(),
    };
    if !args.is_empty() {
        let mut out = syn::Error::new_spanned(
            &args,
            "#[differentiable] on an `impl` block takes no arguments; give them to the functions inside (`#[differentiable(wrt(x))] fn f(..)`)",
        )
        .into_compile_error();
        out.extend(item);
        return out;
    }
    for it in &mut imp.items {
        let syn::ImplItem::Fn(f) = it else { continue };
        for attr in &mut f.attrs {
            let is_ours = attr
                .path()
                .segments
                .last()
                .is_some_and(|s| s.ident == "differentiable");
            if !is_ours {
                continue;
            }
            let path = attr.path().clone();
            let inner = match &attr.meta {
                syn::Meta::List(l) if !l.tokens.is_empty() => {
                    let t = &l.tokens;
                    quote!(#t, __in_impl)
                }
                _ => quote!(__in_impl),
            };
            attr.meta = syn::parse_quote!(#path(#inner));
        }
    }
    quote!(#imp)
}
