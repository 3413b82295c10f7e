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
    func.sig.receiver().is_some()
        || mentions_self(quote::ToTokens::to_token_stream(&func.sig.inputs))
        || mentions_self(quote::ToTokens::to_token_stream(&func.sig.output))
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
