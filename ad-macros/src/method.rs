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
//!
//! On a trait impl (`#[differentiable] impl Model for Quad { .. }`) the block's attribute also
//! moves the generated functions out of the trait impl, which may hold only the trait's
//! members, into an inherent impl of the same type ([`trait_impl`]).

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
                "grad_pullback",
                "grad_pushforward",
                "grad_hvp_pullback",
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
/// `expand` is the attribute's expansion of one function (passed in: this module is below
/// the crate root).
pub fn expand_impl(
    args: TokenStream,
    item: TokenStream,
    expand: fn(TokenStream, TokenStream) -> TokenStream,
) -> TokenStream {
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
    imply_attributes(&mut imp, expand);
    // `Self { .. }` and `Self(..)` literals in the methods: the type's own name (the dual
    // code builds the struct's twin, named after the type, `__AdDualPt`).
    if let syn::Type::Path(tp) = &*imp.self_ty
        && tp.qself.is_none()
        && let Some(last) = tp.path.segments.last()
        && matches!(last.arguments, syn::PathArguments::None)
    {
        let name = last.ident.clone();
        for it in &mut imp.items {
            if let syn::ImplItem::Fn(f) = it
                && f.attrs.iter().any(is_differentiable)
            {
                syn::visit_mut::VisitMut::visit_block_mut(&mut SelfLiterals(&name), &mut f.block);
            }
        }
    }
    if imp.trait_.is_some() {
        return trait_impl(imp, expand);
    }
    for it in &mut imp.items {
        let syn::ImplItem::Fn(f) = it else { continue };
        for attr in &mut f.attrs {
            if !is_differentiable(attr) {
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

/// `#[differentiable]` on an `impl` block none of whose functions carries it
/// (`#[differentiable] impl V2 { fn norm2(&self) -> f64 { .. } }`): the block's attribute is
/// taken to mean every function in it whose signature is differentiable (a result of floats,
/// `Self`, the type, sequences, arrays or tuples of those, or a `&mut self` step) and whose
/// body the transformation takes. A function it rejects (an unsupported construct, a
/// result it cannot differentiate) stays as written, as it would without the attribute:
/// the block's attribute alone never turns code that compiled into an error of the macro.
/// With any function marked, only the marked ones are differentiated (as documented).
fn imply_attributes(imp: &mut syn::ItemImpl, expand: fn(TokenStream, TokenStream) -> TokenStream) {
    let marked = |it: &syn::ImplItem| matches!(it, syn::ImplItem::Fn(f) if f.attrs.iter().any(is_differentiable));
    if imp.items.iter().any(marked) {
        return;
    }
    let self_name = match &*imp.self_ty {
        syn::Type::Path(tp) => tp.path.segments.last().map(|s| s.ident.clone()),
        _ => None,
    };
    let mut taken: Vec<bool> = imp
        .items
        .iter()
        .map(|it| match it {
            syn::ImplItem::Fn(f) => {
                differentiable_signature(&f.sig, self_name.as_ref())
                    && !mentions_compile_error(&expand(quote!(__in_impl), quote!(#f)))
            }
            _ => false,
        })
        .collect();
    // A function calling one of the block's functions that is not taken (`self.label()`) is
    // not taken either: its derivatives would call that one's.
    let names: Vec<Option<String>> = imp
        .items
        .iter()
        .map(|it| match it {
            syn::ImplItem::Fn(f) => Some(f.sig.ident.to_string()),
            _ => None,
        })
        .collect();
    loop {
        let left: Vec<&String> = (0..names.len())
            .filter(|&k| !taken[k])
            .filter_map(|k| names[k].as_ref())
            .collect();
        let mut changed = false;
        for (k, it) in imp.items.iter().enumerate() {
            if let syn::ImplItem::Fn(f) = it
                && taken[k]
                && calls_any(quote!(#f).into_iter().collect::<Vec<_>>().as_slice(), &left)
            {
                taken[k] = false;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (it, take) in imp.items.iter_mut().zip(taken) {
        if let syn::ImplItem::Fn(f) = it
            && take
        {
            f.attrs
                .push(syn::parse_quote!(#[::ad_runtime::differentiable]));
        }
    }
}

/// Whether the tokens call (`name(`, `.name(`, `Self::name(`) one of `names`.
fn calls_any(tts: &[TokenTree], names: &[&String]) -> bool {
    tts.iter().enumerate().any(|(k, t)| match t {
        TokenTree::Ident(i) => {
            names.iter().any(|n| i == n.as_str())
                && matches!(tts.get(k + 1), Some(TokenTree::Group(g)) if g.delimiter() == proc_macro2::Delimiter::Parenthesis)
                && !matches!(k.checked_sub(1).map(|p| &tts[p]), Some(TokenTree::Ident(p)) if p == "fn")
        }
        TokenTree::Group(g) => calls_any(&g.stream().into_iter().collect::<Vec<_>>(), names),
        _ => false,
    })
}

/// Whether a function's signature is one the block's attribute differentiates: some parameter
/// (or a receiver) and a result made of floats, `Self`, the block's type, a one-letter type
/// parameter (the float type of a generic function), sequences, arrays and tuples of those;
/// or a `&mut self` method with no result (a step of a model).
fn differentiable_signature(sig: &syn::Signature, self_name: Option<&Ident>) -> bool {
    if sig.inputs.is_empty() || sig.asyncness.is_some() || sig.unsafety.is_some() {
        return false;
    }
    match &sig.output {
        syn::ReturnType::Default => sig
            .receiver()
            .is_some_and(|r| r.reference.is_some() && r.mutability.is_some()),
        syn::ReturnType::Type(_, t) => float_like(t, self_name),
    }
}

fn float_like(t: &syn::Type, self_name: Option<&Ident>) -> bool {
    match t {
        syn::Type::Paren(p) => float_like(&p.elem, self_name),
        syn::Type::Array(a) => float_like(&a.elem, self_name),
        syn::Type::Tuple(t) => {
            !t.elems.is_empty() && t.elems.iter().all(|e| float_like(e, self_name))
        }
        syn::Type::Path(tp) if tp.qself.is_none() => {
            let Some(last) = tp.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            let args_float = || match &last.arguments {
                syn::PathArguments::AngleBracketed(a) => a.args.iter().all(|g| match g {
                    syn::GenericArgument::Type(t) => float_like(t, self_name),
                    _ => true,
                }),
                _ => false,
            };
            match name.as_str() {
                "f64" | "f32" | "Self" => true,
                "Vec" | "Array1" | "Array2" | "Array3" | "ArrayD" | "Array" => args_float(),
                _ if self_name.is_some_and(|s| last.ident == *s) => true,
                _ => name.len() == 1 && name.chars().all(|c| c.is_ascii_uppercase()),
            }
        }
        _ => false,
    }
}

/// Whether the tokens hold a `compile_error!` (an expansion that reported errors). (This
/// module sits below the front end in the module graph, so it does not use
/// `front::mentions_ident`.)
fn mentions_compile_error(ts: &TokenStream) -> bool {
    ts.clone().into_iter().any(|t| match t {
        TokenTree::Ident(i) => i == "compile_error",
        TokenTree::Group(g) => mentions_compile_error(&g.stream()),
        _ => false,
    })
}

/// Renames `Self` in struct literals and tuple-struct constructors to the type's name.
struct SelfLiterals<'a>(&'a Ident);

impl syn::visit_mut::VisitMut for SelfLiterals<'_> {
    fn visit_expr_struct_mut(&mut self, e: &mut syn::ExprStruct) {
        if e.qself.is_none() && e.path.is_ident("Self") {
            let n = self.0;
            e.path = syn::parse_quote_spanned!(syn::spanned::Spanned::span(&e.path)=> #n);
        }
        syn::visit_mut::visit_expr_struct_mut(self, e);
    }
    fn visit_expr_call_mut(&mut self, c: &mut syn::ExprCall) {
        if let syn::Expr::Path(p) = &mut *c.func
            && p.qself.is_none()
            && p.path.is_ident("Self")
        {
            let n = self.0;
            p.path = syn::parse_quote_spanned!(syn::spanned::Spanned::span(&p.path)=> #n);
        }
        syn::visit_mut::visit_expr_call_mut(self, c);
    }
}

/// Whether `attr` is `#[differentiable]` (by any path).
fn is_differentiable(attr: &syn::Attribute) -> bool {
    attr.path()
        .segments
        .last()
        .is_some_and(|s| s.ident == "differentiable")
}

/// `#[differentiable]` on a trait impl (`impl Model for Quad { #[differentiable] fn loss(&self,
/// ..) }`): a trait impl may hold only the trait's members, so each marked method is expanded
/// here and its generated functions (`loss_grad`, `loss_vjp`, the hidden pullbacks, ...) go
/// to an inherent `impl Quad` emitted next to it, `pub` (the trait's methods are as visible as
/// the trait). The method itself stays in the trait impl; the calls between the generated
/// functions are `Self::` paths, which find both.
fn trait_impl(
    mut imp: syn::ItemImpl,
    expand: fn(TokenStream, TokenStream) -> TokenStream,
) -> TokenStream {
    let mut inherent: Vec<syn::ImplItem> = Vec::new();
    let mut items = Vec::new();
    // The trait's path without its arguments (`std::ops::Mul`, of `std::ops::Mul<f64>`).
    let trait_path = imp.trait_.as_ref().map(|(_, path, _)| {
        let mut path = path.clone();
        if let Some(last) = path.segments.last_mut() {
            last.arguments = syn::PathArguments::None;
        }
        path
    });
    for it in std::mem::take(&mut imp.items) {
        let syn::ImplItem::Fn(mut f) = it else {
            items.push(it);
            continue;
        };
        let Some(k) = f.attrs.iter().position(is_differentiable) else {
            items.push(syn::ImplItem::Fn(f));
            continue;
        };
        let attr = f.attrs.remove(k);
        let args = match &attr.meta {
            syn::Meta::List(l) if !l.tokens.is_empty() => {
                let t = &l.tokens;
                quote!(#t, __in_impl)
            }
            _ => quote!(__in_impl),
        };
        let name = f.sig.ident.clone();
        let expanded = expand(args, quote!(#f));
        let parsed: syn::Result<syn::ItemImpl> = syn::parse2(quote!(impl __Ad { #expanded }));
        let Ok(parsed) = parsed else {
            // Not expected: the expansion is a list of functions and `compile_error!`s. Keep
            // the method and report where.
            items.push(syn::ImplItem::Fn(f));
            inherent.push(syn::parse_quote!(::core::compile_error!(
                "#[differentiable] could not place the generated functions of this trait method; report this"
            );));
            continue;
        };
        for g in parsed.items {
            match g {
                syn::ImplItem::Fn(g) if g.sig.ident == name => items.push(syn::ImplItem::Fn(g)),
                syn::ImplItem::Fn(mut g) => {
                    if matches!(g.vis, syn::Visibility::Inherited) {
                        g.vis = syn::parse_quote!(pub);
                    }
                    // The generated functions call the trait's methods by method syntax
                    // (`self.add(o)`): the trait in scope in each, as it is in its impl
                    // (`impl std::ops::Add for P2` needs no `use`).
                    if let Some(trait_path) = &trait_path {
                        g.block.stmts.insert(
                            0,
                            syn::parse_quote!(#[allow(unused_imports)] use #trait_path as _;),
                        );
                    }
                    inherent.push(syn::ImplItem::Fn(g));
                }
                other => inherent.push(other),
            }
        }
    }
    // An operator trait: the marker that the operator rewrite checks (`OperatorRule`), so a
    // rewritten `a + b` is known to reach this impl's generated functions.
    let operator = trait_path
        .as_ref()
        .and_then(|p| p.segments.last())
        .map(|s| s.ident.clone())
        .filter(|t| {
            matches!(
                t.to_string().as_str(),
                "Add"
                    | "Sub"
                    | "Mul"
                    | "Div"
                    | "Rem"
                    | "Neg"
                    | "AddAssign"
                    | "SubAssign"
                    | "MulAssign"
                    | "DivAssign"
                    | "RemAssign"
            )
        })
        .filter(|_| !inherent.is_empty());
    imp.items = items;
    let (generics, _, where_clause) = imp.generics.split_for_impl();
    let self_ty = &imp.self_ty;
    let marker = operator.map(|t| {
        quote! {
            impl #generics ::ad_runtime::__private::OperatorRule<::ad_runtime::__private::op::#t>
                for #self_ty #where_clause {}
        }
    });
    let cfgs = imp.attrs.iter().filter(|a| a.path().is_ident("cfg"));
    quote! {
        #imp
        #(#cfgs)*
        impl #generics #self_ty #where_clause {
            #(#inherent)*
        }
        #marker
    }
}

/// A method taking `self` by value (not `mut self`) whose body uses `self` only through
/// fields, methods and arguments (never returns it whole): its generated functions take
/// `&self`, so every caller, which cannot see the receiver's mode, passes a reference alike
/// (`c.norm()` of a local struct is `V3::norm(&c)`, `self.dot(self)` in another method
/// `Self::dot(self, self)`). Users call them the same way (`v.norm_grad()`, by auto-ref).
/// Returns the method with `&self` and the hidden primal of that receiver the generated
/// functions call where they need the value (`__ad_byref_norm`, a clone's `norm`).
pub fn by_ref_twin(func: &syn::ItemFn) -> Option<(syn::ItemFn, TokenStream)> {
    let r = func.sig.receiver()?;
    if r.reference.is_some() || r.mutability.is_some() || r.colon_token.is_some() {
        return None;
    }
    // `self` returned or bound whole would change type.
    fn returns_self(block: &syn::Block) -> bool {
        let is_self = |e: &syn::Expr| matches!(e, syn::Expr::Path(p) if p.path.is_ident("self"));
        let tail = matches!(block.stmts.last(), Some(syn::Stmt::Expr(e, None)) if is_self(e));
        let mut found = tail;
        let ts = quote!(#block);
        fn scan(ts: TokenStream, found: &mut bool) {
            let tts: Vec<TokenTree> = ts.into_iter().collect();
            for (k, tt) in tts.iter().enumerate() {
                match tt {
                    TokenTree::Ident(i) if i == "return" || i == "let" => {
                        // `return self`, `let s = self;`
                        let next = |j: usize| tts.get(k + j);
                        let is_self = |t: Option<&TokenTree>| matches!(t, Some(TokenTree::Ident(s)) if s == "self");
                        let ends = |t: Option<&TokenTree>| {
                            matches!(t, None | Some(TokenTree::Punct(_)))
                                && !matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == '.')
                        };
                        if i == "return" && is_self(next(1)) && ends(next(2)) {
                            *found = true;
                        }
                        if i == "let" {
                            // `let <pat> = self;`
                            let eq = (1..6).find(|&j| {
                                matches!(next(j), Some(TokenTree::Punct(p)) if p.as_char() == '=')
                            });
                            if let Some(j) = eq
                                && is_self(next(j + 1))
                                && ends(next(j + 2))
                            {
                                *found = true;
                            }
                        }
                    }
                    TokenTree::Group(g) => scan(g.stream(), found),
                    _ => {}
                }
            }
        }
        scan(ts, &mut found);
        found
    }
    if returns_self(&func.block) {
        return None;
    }
    let mut twin = func.clone();
    // `self` passed whole as an argument (`self.dot(self)`): a copy of the value, as before.
    struct Args;
    impl syn::visit_mut::VisitMut for Args {
        fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
            let args: Vec<&mut syn::Expr> = match e {
                syn::Expr::Call(c) => c.args.iter_mut().collect(),
                syn::Expr::MethodCall(m) => m.args.iter_mut().collect(),
                _ => Vec::new(),
            };
            for a in args {
                if matches!(a, syn::Expr::Path(p) if p.path.is_ident("self")) {
                    *a = syn::parse_quote_spanned!(syn::spanned::Spanned::span(a)=> self.clone());
                }
            }
            syn::visit_mut::visit_expr_mut(self, e);
        }
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    }
    syn::visit_mut::VisitMut::visit_block_mut(&mut Args, &mut twin.block);
    if let Some(syn::FnArg::Receiver(rr)) = twin.sig.inputs.first_mut() {
        rr.reference = Some((Default::default(), None));
        *rr.ty = syn::parse_quote!(&Self);
    }
    let primal = byref_item(
        func,
        twin.sig.clone(),
        quote!(::core::clone::Clone::clone(self)),
    );
    Some((twin, primal))
}

/// `Self::name(` calls in `tokens` made `Self::hidden(` (the generated functions of a
/// by-value method call its by-reference primal, see [`by_ref_twin`]).
pub fn retarget_primal(tokens: TokenStream, name: &Ident, hidden: &Ident) -> TokenStream {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = TokenStream::new();
    for (k, tt) in tts.iter().enumerate() {
        match tt {
            TokenTree::Ident(i)
                if i == name
                    && k >= 3
                    && matches!(&tts[k - 3], TokenTree::Ident(s) if s == "Self")
                    && matches!(tts.get(k + 1), Some(TokenTree::Group(g))
                        if g.delimiter() == proc_macro2::Delimiter::Parenthesis) =>
            {
                out.extend(quote!(#hidden));
            }
            TokenTree::Group(g) => {
                let mut n = proc_macro2::Group::new(
                    g.delimiter(),
                    retarget_primal(g.stream(), name, hidden),
                );
                n.set_span(g.span());
                out.extend(std::iter::once(TokenTree::Group(n)));
            }
            other => out.extend(std::iter::once(other.clone())),
        }
    }
    out
}

/// The hidden by-reference primal of a `&self` method, `__ad_byref_m(&self, ..)`, which
/// callers' generated code calls where a method written `c.m(..)` needs its value (see
/// `codegen::primal_call`; a `self` method's is made by [`by_ref_twin`]).
pub fn by_ref_primal(func: &syn::ItemFn) -> Option<TokenStream> {
    let r = func.sig.receiver()?;
    if r.reference.is_none() || r.mutability.is_some() {
        return None;
    }
    Some(byref_item(func, func.sig.clone(), quote!(self)))
}

/// The hidden `__ad_byref_m(&self, ..)` of method `m` (`sig`: its signature with a `&self`
/// receiver): `recv.m(..)`, where `recv` is `self` or a clone of it.
fn byref_item(func: &syn::ItemFn, mut sig: syn::Signature, recv: TokenStream) -> TokenStream {
    let name = &func.sig.ident;
    sig.ident = quote::format_ident!("__ad_byref_{}", name);
    let args = func.sig.inputs.iter().filter_map(|a| match a {
        syn::FnArg::Typed(pt) => match &*pt.pat {
            syn::Pat::Ident(pi) => Some(pi.ident.clone()),
            _ => None,
        },
        syn::FnArg::Receiver(_) => None,
    });
    let vis = &func.vis;
    quote! {
        #[doc(hidden)]
        #[inline]
        #[allow(dead_code, non_snake_case, unused_mut, clippy::all)]
        #vis #sig {
            #recv.#name(#(#args),*)
        }
    }
}

/// A `&mut self` method returning `()` (`fn step(&mut self, dt: f64)`): its in-place value
/// twin `__ad_inplace_step(&self, dt) -> Self`, whose body works on a copy `__ad_s` of the
/// receiver (field writes `__ad_s.x += ..` are the front end's `with_field` rebuilds) and
/// returns it. A differentiated caller's statement `s.step(dt);` on a struct it can type is
/// `s = P::__ad_inplace_step(&s, dt);` (see the front end's statements). An error for one that
/// returns a value.
pub fn mut_self_twin(func: &syn::ItemFn) -> Option<syn::Result<syn::ItemFn>> {
    let r = func.sig.receiver()?;
    if r.reference.is_none() || r.mutability.is_none() {
        return None;
    }
    if let syn::ReturnType::Type(_, t) = &func.sig.output
        && !matches!(&**t, syn::Type::Tuple(tt) if tt.elems.is_empty())
    {
        return Some(Err(syn::Error::new(
            syn::spanned::Spanned::span(t),
            "a #[differentiable] `&mut self` method returns `()` (its output is the receiver); return this value from another method, or take `&self` and return the new struct",
        )));
    }
    // (`self` the receiver, not the module path `self::helper(..)`.)
    fn rename(ts: TokenStream, to: &Ident) -> TokenStream {
        let tts: Vec<TokenTree> = ts.into_iter().collect();
        let path_next = |k: usize| {
            matches!(tts.get(k + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':')
                && matches!(tts.get(k + 2), Some(TokenTree::Punct(p)) if p.as_char() == ':')
        };
        tts.iter()
            .enumerate()
            .map(|(k, tt)| match tt {
                TokenTree::Ident(i) if i == "self" && !path_next(k) => {
                    TokenTree::Ident(Ident::new(&to.to_string(), i.span()))
                }
                TokenTree::Group(g) => {
                    let mut n = proc_macro2::Group::new(g.delimiter(), rename(g.stream(), to));
                    n.set_span(g.span());
                    TokenTree::Group(n)
                }
                other => other.clone(),
            })
            .collect()
    }
    let s = Ident::new("__ad_s", Span::mixed_site());
    let s = Ident::new(&s.to_string(), func.sig.ident.span());
    let stmts = &func.block.stmts;
    let body = rename(quote!(#(#stmts)*), &s);
    // `return;` returns the receiver's copy.
    fn returns(ts: TokenStream, s: &Ident) -> TokenStream {
        let tts: Vec<TokenTree> = ts.into_iter().collect();
        let mut out = TokenStream::new();
        for (k, tt) in tts.iter().enumerate() {
            match tt {
                TokenTree::Ident(i)
                    if i == "return"
                        && matches!(tts.get(k + 1), Some(TokenTree::Punct(p)) if p.as_char() == ';') =>
                {
                    out.extend(quote!(return #s));
                }
                TokenTree::Group(g) => {
                    let mut n = proc_macro2::Group::new(g.delimiter(), returns(g.stream(), s));
                    n.set_span(g.span());
                    out.extend(std::iter::once(TokenTree::Group(n)));
                }
                other => out.extend(std::iter::once(other.clone())),
            }
        }
        out
    }
    let body = returns(body, &s);
    let mut twin = func.clone();
    twin.sig.ident = quote::format_ident!("__ad_inplace_{}", func.sig.ident);
    if let Some(syn::FnArg::Receiver(rr)) = twin.sig.inputs.first_mut() {
        rr.mutability = None;
        *rr.ty = syn::parse_quote!(&Self);
    }
    twin.sig.output = syn::parse_quote!(-> Self);
    twin.attrs.retain(|a| !a.path().is_ident("doc"));
    let block: syn::Block = match syn::parse2(quote!({
        let mut #s: Self = self.clone();
        { #body }
        #s
    })) {
        Ok(b) => b,
        Err(e) => return Some(Err(e)),
    };
    twin.block = Box::new(block);
    Some(Ok(twin))
}
