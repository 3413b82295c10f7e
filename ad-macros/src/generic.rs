//! Functions generic over their float type: `fn rosen<T: Float>(x: &[T]) -> T`.
//!
//! # Design: monomorphisation in the macro
//!
//! The transformation reasons about concrete types (kinds, rules, tangent types), and the
//! runtime's traits are implemented per float type. So the macro instantiates the function
//! itself, at `f64` and at `f32`: the body with `T` replaced, and the idioms of numeric
//! generic code made constants (`T::from(c).unwrap()`, `T::from_f64(c).unwrap()`,
//! `T::from_usize(n).unwrap()` as casts; `T::one()`, `T::zero()`, `T::epsilon()`,
//! `T::PI()`, ... as literals and `f64`'s constants). Each instantiation, a hidden
//! function `__ad_f_f64` / `__ad_f_f32`, goes through the ordinary pipeline. The generated
//! functions the user sees are generic wrappers with the function's own generics and
//! `where` clause (plus `T: 'static`): each picks the instantiation of `T` (a `TypeId`
//! test that the optimiser folds away) and passes its arguments and results through
//! unchanged (`cast_same`: same type, since `T` is that float).
//!
//! - `f_grad`, `f_vjp`, `f_jvp`, `f_jacobian`: at `f64` and `f32`;
//! - `f_pullback` (callers' reverse mode): both, the two instantiations' closures behind
//!   one closure; `f_pushforward` (callers' forward mode): both, the tangent slots resolved
//!   and passed on;
//! - `f_hvp`, `f_hessian` and the hidden `f_hvp_pullback`: at `f64` (the `f32` instantiation
//!   is built with `order = 1`); at `f32` they are a compile error where used.
//!
//! Calls between generic functions (`g::<T>(x)` or `g(x)`) lose the turbofish in the
//! instantiations (the argument types fix `T`), so they reach `g`'s wrappers. The cost is
//! build time: the function is transformed twice.

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote};
use syn::visit_mut::VisitMut;
use syn::{Ident, ItemFn, Type};

pub(crate) use crate::front::float_param;

pub fn expand(args: TokenStream, func: &ItemFn, t: &syn::TypeParam) -> syn::Result<TokenStream> {
    let name = &func.sig.ident;
    // The wrappers' signatures are the `f64` instantiation's with `f64` read as `T`.
    let mut concrete = false;
    for input in &func.sig.inputs {
        if mentions_float(&input.to_token_stream()) {
            concrete = true;
        }
    }
    if let syn::ReturnType::Type(_, ty) = &func.sig.output
        && mentions_float(&ty.to_token_stream())
    {
        concrete = true;
    }
    if concrete {
        return Err(syn::Error::new_spanned(
            &func.sig,
            format!(
                "a function generic over `{}` writes its floats as `{}` in its signature, not `f64` or `f32`",
                t.ident, t.ident
            ),
        ));
    }
    if args.to_string().contains("custom") {
        return Err(syn::Error::new_spanned(
            &func.sig.generics,
            "custom rules (`custom(..)`) on a generic function are not supported yet: write it for `f64`",
        ));
    }
    let mut out = TokenStream::new();
    let mut f64_items = TokenStream::new();
    // Whether forward mode of the `f32` instantiation (built without dual numbers) is a stub:
    // arrays and struct parameters take forward mode through dual numbers.
    let mut f32_forward_stub = false;
    for (f, first_order) in [("f64", false), ("f32", true)] {
        let inst = instantiate(func, &t.ident, f)?;
        let args = if first_order {
            if args.is_empty() {
                quote!(order = 1)
            } else {
                quote!(#args, order = 1)
            }
        } else {
            args.clone()
        };
        let generated = crate::transform(args, &inst)?;
        if f == "f64" {
            f64_items = generated.clone();
        } else {
            f32_forward_stub = mentions_name(&generated, "__NoForwardMode");
        }
        let inst = crate::front::strip_checkpoint(&inst);
        out.extend(quote! {
            #[doc(hidden)]
            #[allow(dead_code, non_snake_case, clippy::all)]
            #inst
        });
        out.extend(generated);
    }
    let file: syn::File = syn::parse2(f64_items)?;
    let prefix = format!("__ad_{name}_f64_");
    for item in file.items {
        let syn::Item::Fn(fi) = item else { continue };
        let Some(suffix) = fi
            .sig
            .ident
            .to_string()
            .strip_prefix(&prefix)
            .map(str::to_string)
        else {
            continue;
        };
        // Split mode's typed tape is not wrapped (its struct belongs to one instantiation),
        // nor `f_grad` as a callee of nested differentiation (`nest::nested`: made with
        // second order, which the `f32` instantiation leaves out).
        if suffix == "fwd" || suffix == "rev" || suffix.starts_with("grad_") {
            continue;
        }
        out.extend(wrapper(func, t, &fi, &suffix, f32_forward_stub));
    }
    Ok(out)
}

fn mentions_name(ts: &TokenStream, name: &str) -> bool {
    ts.clone().into_iter().any(|tt| match tt {
        TokenTree::Ident(i) => i == name,
        TokenTree::Group(g) => mentions_name(&g.stream(), name),
        _ => false,
    })
}

fn mentions_float(ts: &TokenStream) -> bool {
    ts.clone().into_iter().any(|tt| match tt {
        TokenTree::Ident(i) => i == "f64" || i == "f32",
        TokenTree::Group(g) => mentions_float(&g.stream()),
        _ => false,
    })
}

/// `func` at `T = f`, named `__ad_{name}_{f}`.
fn instantiate(func: &ItemFn, t: &Ident, f: &str) -> syn::Result<ItemFn> {
    let name = &func.sig.ident;
    let new_name = format_ident!("__ad_{}_{}", name, f, span = name.span());
    let mut inst = func.clone();
    inst.attrs.retain(|a| !a.path().is_ident("differentiable"));
    inst.sig.ident = new_name.clone();
    inst.sig.generics.params = inst
        .sig
        .generics
        .params
        .into_iter()
        .filter(|p| !matches!(p, syn::GenericParam::Type(_)))
        .collect();
    if let Some(w) = &mut inst.sig.generics.where_clause {
        w.predicates = w
            .predicates
            .clone()
            .into_iter()
            .filter(|p| !crate::front::mentions_ident(&p.to_token_stream(), &t.to_string()))
            .collect();
        if w.predicates.is_empty() {
            inst.sig.generics.where_clause = None;
        }
    }
    let tokens = substitute(inst.to_token_stream(), t, f, name, &new_name);
    syn::parse2(tokens)
}

fn punct(tt: Option<&TokenTree>, c: char) -> bool {
    matches!(tt, Some(TokenTree::Punct(p)) if p.as_char() == c)
}
fn ident_is(tt: Option<&TokenTree>, s: &str) -> bool {
    matches!(tt, Some(TokenTree::Ident(i)) if i == s)
}
fn group(tt: Option<&TokenTree>, d: Delimiter) -> Option<TokenStream> {
    match tt {
        Some(TokenTree::Group(g)) if g.delimiter() == d => Some(g.stream()),
        _ => None,
    }
}

/// The tokens of the instantiation at `f`: `T` replaced, numeric idioms made constants,
/// turbofishes of path calls dropped, recursive calls renamed.
fn substitute(ts: TokenStream, t: &Ident, f: &str, name: &Ident, new_name: &Ident) -> TokenStream {
    let tts: Vec<TokenTree> = ts.into_iter().collect();
    let mut out = TokenStream::new();
    let mut k = 0;
    while k < tts.len() {
        let here = &tts[k];
        // `T :: name ( args )`, optionally `. unwrap ( )`.
        if let TokenTree::Ident(i) = here
            && i == t
            && punct(tts.get(k + 1), ':')
            && punct(tts.get(k + 2), ':')
            && let Some(TokenTree::Ident(m)) = tts.get(k + 3)
            && let Some(inner) = group(tts.get(k + 4), Delimiter::Parenthesis)
        {
            let fty = Ident::new(f, i.span());
            let inner = substitute(inner, t, f, name, new_name);
            let unwrapped = punct(tts.get(k + 5), '.')
                && ident_is(tts.get(k + 6), "unwrap")
                && group(tts.get(k + 7), Delimiter::Parenthesis).is_some_and(|g| g.is_empty());
            let m_s = m.to_string();
            let replaced = match (m_s.as_str(), unwrapped, inner.is_empty()) {
                (
                    "from" | "from_f64" | "from_f32" | "from_usize" | "from_isize" | "from_i32"
                    | "from_i64" | "from_u32" | "from_u64" | "from_u8" | "from_i8",
                    true,
                    false,
                ) => Some((quote!(((#inner) as #fty)), 8)),
                ("one", _, true) => Some((quote!((1.0 as #fty)), 5)),
                ("zero", _, true) => Some((quote!((0.0 as #fty)), 5)),
                ("epsilon", _, true) => Some((quote!(#fty::EPSILON), 5)),
                ("infinity", _, true) => Some((quote!(#fty::INFINITY), 5)),
                ("neg_infinity", _, true) => Some((quote!(#fty::NEG_INFINITY), 5)),
                ("nan", _, true) => Some((quote!(#fty::NAN), 5)),
                ("max_value", _, true) => Some((quote!(#fty::MAX), 5)),
                ("min_value", _, true) => Some((quote!(#fty::MIN), 5)),
                ("min_positive_value", _, true) => Some((quote!(#fty::MIN_POSITIVE), 5)),
                (c, _, true)
                    if c.chars()
                        .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '_') =>
                {
                    let c = Ident::new(c, m.span());
                    Some((quote!(::core::#fty::consts::#c), 5))
                }
                _ => None,
            };
            if let Some((tokens, n)) = replaced {
                out.extend(tokens);
                k += n;
                continue;
            }
        }
        match here {
            TokenTree::Ident(i) if i == t => {
                out.extend(std::iter::once(TokenTree::Ident(Ident::new(f, i.span()))));
                k += 1;
            }
            // `g :: < T > (` (a path call): the turbofish goes, the arguments fix `T`; the
            // function's own recursive calls go to the instantiation.
            TokenTree::Ident(i)
                if !(k > 0 && punct(tts.get(k - 1), '.'))
                    && punct(tts.get(k + 1), ':')
                    && punct(tts.get(k + 2), ':')
                    && punct(tts.get(k + 3), '<')
                    && matches!(tts.get(k + 4), Some(TokenTree::Ident(x)) if x == t)
                    && punct(tts.get(k + 5), '>')
                    && group(tts.get(k + 6), Delimiter::Parenthesis)
                        .is_some_and(|g| !g.is_empty()) =>
            {
                let callee = if i == name {
                    new_name.clone()
                } else {
                    i.clone()
                };
                out.extend(std::iter::once(TokenTree::Ident(callee)));
                k += 6;
            }
            TokenTree::Ident(i)
                if i == name
                    && !(k > 0 && punct(tts.get(k - 1), '.'))
                    && group(tts.get(k + 1), Delimiter::Parenthesis).is_some() =>
            {
                out.extend(std::iter::once(TokenTree::Ident(new_name.clone())));
                k += 1;
            }
            TokenTree::Group(g) => {
                let mut n = Group::new(g.delimiter(), substitute(g.stream(), t, f, name, new_name));
                n.set_span(g.span());
                out.extend(std::iter::once(TokenTree::Group(n)));
                k += 1;
            }
            other => {
                out.extend(std::iter::once(other.clone()));
                k += 1;
            }
        }
    }
    out
}

/// `f64` -> `T` in a type.
struct FloatToT<'a>(&'a Ident);

/// `f64`/`f32`, and arrays, `Vec`s and tuples of those: types that are their own tangent.
fn float_composite(ty: &Type) -> bool {
    match ty {
        Type::Path(p) if p.qself.is_none() => {
            p.path.is_ident("f64")
                || p.path.is_ident("f32")
                || p.path.segments.last().is_some_and(|s| {
                    s.ident == "Vec"
                        && matches!(&s.arguments, syn::PathArguments::AngleBracketed(a)
                            if a.args.iter().all(|g| matches!(g, syn::GenericArgument::Type(t) if float_composite(t))))
                })
        }
        Type::Array(a) => float_composite(&a.elem),
        Type::Tuple(t) => !t.elems.is_empty() && t.elems.iter().all(float_composite),
        Type::Paren(p) => float_composite(&p.elem),
        _ => false,
    }
}

impl VisitMut for FloatToT<'_> {
    fn visit_type_mut(&mut self, ty: &mut Type) {
        // `f64`, and `<f64 as Trait>::F` (which is `f64` for the runtime's traits).
        if let Type::Path(p) = ty
            && ((p.qself.is_none() && p.path.is_ident("f64"))
                || p.qself
                    .as_ref()
                    .is_some_and(|q| matches!(&*q.ty, Type::Path(s) if s.path.is_ident("f64"))))
        {
            let t = self.0;
            *ty = syn::parse_quote!(#t);
            return;
        }
        // `<[f64; N] as Differentiable>::Tangent` (also of `Vec`s and tuples of floats) is the
        // type itself: written so, the wrapper needs no `Differentiable` bound on `T`.
        if let Type::Path(p) = ty
            && let Some(q) = &p.qself
            && p.path.segments.last().is_some_and(|s| s.ident == "Tangent")
            && p.path.segments.iter().any(|s| s.ident == "Differentiable")
            && float_composite(&q.ty)
        {
            let mut inner = (*q.ty).clone();
            self.visit_type_mut(&mut inner);
            *ty = inner;
            return;
        }
        syn::visit_mut::visit_type_mut(self, ty);
    }
    fn visit_type_param_bound_mut(&mut self, b: &mut syn::TypeParamBound) {
        // `use<'__ad>` captures `T` too.
        if let syn::TypeParamBound::PreciseCapture(pc) = b {
            pc.params.push(syn::CapturedParam::Ident(self.0.clone()));
            return;
        }
        syn::visit_mut::visit_type_param_bound_mut(self, b);
    }
}

/// The generic wrapper `{name}_{suffix}` of the `f64` instantiation's `fi`.
fn wrapper(
    func: &ItemFn,
    t: &syn::TypeParam,
    fi: &ItemFn,
    suffix: &str,
    f32_forward_stub: bool,
) -> TokenStream {
    let rt = quote!(::ad_runtime::__private);
    let name = &func.sig.ident;
    let tid = &t.ident;
    let vis = &func.vis;
    let new = format_ident!("{}_{}", name, suffix, span = name.span());
    let f64_fn = &fi.sig.ident;
    let f32_fn = format_ident!("__ad_{}_f32_{}", name, suffix, span = name.span());
    let attrs: Vec<&syn::Attribute> = fi
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("doc") || a.path().is_ident("allow"))
        .collect();
    // The hidden dual pullback exists at `f64` only: re-exported as it is, and so is the
    // sweep generic over the scalar that callers' shared sweeps call (`nest::shared`).
    if suffix == "hvp_pullback" || suffix == "sweep" {
        let mut sig = fi.sig.clone();
        sig.ident = new;
        let args = arg_idents(fi);
        let turbofish: Vec<&Ident> = fi.sig.generics.type_params().map(|p| &p.ident).collect();
        return quote! {
            #(#attrs)*
            #[inline]
            #vis #sig {
                #f64_fn::<#(#turbofish),*>(#(#args),*)
            }
        };
    }
    let mut sig = fi.sig.clone();
    sig.ident = new;
    let mut to_t = FloatToT(tid);
    for input in sig.inputs.iter_mut() {
        to_t.visit_fn_arg_mut(input);
    }
    if let syn::ReturnType::Type(_, ty) = &mut sig.output {
        to_t.visit_type_mut(ty);
    }
    if let Some(w) = &mut sig.generics.where_clause {
        to_t.visit_where_clause_mut(w);
    }
    for p in sig.generics.params.iter_mut() {
        to_t.visit_generic_param_mut(p);
    }
    // The user's generics (lifetimes first) and `where` clause, and `T: 'static`.
    let mut params: Vec<syn::GenericParam> = func
        .sig
        .generics
        .params
        .iter()
        .filter(|p| matches!(p, syn::GenericParam::Lifetime(_)))
        .cloned()
        .collect();
    params.extend(
        sig.generics
            .params
            .iter()
            .filter(|p| matches!(p, syn::GenericParam::Lifetime(_)))
            .filter(|p| !params.contains(p))
            .cloned()
            .collect::<Vec<_>>(),
    );
    params.push(syn::GenericParam::Type(t.clone()));
    params.extend(
        sig.generics
            .params
            .iter()
            .filter(|p| !matches!(p, syn::GenericParam::Lifetime(_)))
            .cloned(),
    );
    sig.generics.params = params.into_iter().collect();
    let mut wheres: Vec<syn::WherePredicate> = sig
        .generics
        .where_clause
        .as_ref()
        .map(|w| w.predicates.iter().cloned().collect())
        .unwrap_or_default();
    if let Some(w) = &func.sig.generics.where_clause {
        wheres.extend(w.predicates.iter().cloned());
    }
    wheres.push(syn::parse_quote!(#tid: 'static));
    // The result's type with `T` (its cotangent type: `T`, `Vec<T>`, `[T; N]`, tuples).
    let ret_t: TokenStream = match &func.sig.output {
        syn::ReturnType::Type(_, ty) => quote!(#ty),
        syn::ReturnType::Default => quote!(()),
    };
    if suffix == "jacobian" {
        // `Flat` of the generic result (its impls are per float type).
        wheres.push(syn::parse_quote!(#ret_t: #rt::Flat));
    }
    sig.generics.where_clause = Some(syn::parse_quote!(where #(#wheres),*));

    let args = arg_idents(fi);
    let casts: Vec<TokenStream> = args.iter().map(|a| quote!(#rt::cast_same(#a))).collect();
    let only_f64 = matches!(suffix, "hvp" | "hessian");
    // Forward mode at `f64` only (its `f32` instantiation has none: arrays, struct parameters).
    let forward_f64 = f32_forward_stub && matches!(suffix, "jvp" | "jacobian" | "pushforward");
    let body = match suffix {
        _ if forward_f64 && suffix != "pushforward" => quote! {
            let () = #rt::ForwardAtF64::<#tid>::CHECK;
            #rt::cast_same(#f64_fn(#(#casts),*))
        },
        "pullback" => {
            let boxed = matches!(&sig.output, syn::ReturnType::Type(_, ty) if ty.to_token_stream().to_string().contains("Box"));
            let (y, e, s) = (
                Ident::new("__y", Span::mixed_site()),
                Ident::new("__e", Span::mixed_site()),
                Ident::new("__s", Span::mixed_site()),
            );
            let closure = quote! {
                move |#s: #ret_t| match #e {
                    #rt::Either::A(pb) => #rt::cast_same(pb(#rt::cast_same(#s))),
                    #rt::Either::B(pb) => #rt::cast_same(pb(#rt::cast_same(#s))),
                }
            };
            let closure = if boxed {
                quote!(::std::boxed::Box::new(#closure))
            } else {
                closure
            };
            quote! {
                let (#y, #e) = if #rt::same_type::<#tid, f64>() {
                    let (y, pb) = #f64_fn(#(#casts),*);
                    (#rt::cast_same(y), #rt::Either::A(pb))
                } else if #rt::same_type::<#tid, f32>() {
                    let (y, pb) = #f32_fn(#(#casts),*);
                    (#rt::cast_same(y), #rt::Either::B(pb))
                } else {
                    ::core::unreachable!("`{}` is instantiated at f64 and f32 only", ::core::stringify!(#name))
                };
                (#y, #closure)
            }
        }
        "pushforward" => {
            let pass = |target: &Ident, f: &str| -> TokenStream {
                let slot_args = pushforward_args(fi, tid, f);
                let (lets, slot_values): (Vec<TokenStream>, Vec<TokenStream>) =
                    slot_args.into_iter().unzip();
                let plain: Vec<TokenStream> = fi
                    .sig
                    .inputs
                    .iter()
                    .filter_map(|a| match a {
                        syn::FnArg::Typed(pt) => match &*pt.pat {
                            syn::Pat::Ident(pi) if !pi.ident.to_string().starts_with("__slot") => {
                                let i = &pi.ident;
                                Some(quote!(#rt::cast_same(#i)))
                            }
                            _ => None,
                        },
                        _ => None,
                    })
                    .collect();
                quote! {{
                    #(#lets)*
                    #rt::cast_same(#target(#(#plain,)* #(#slot_values),*))
                }}
            };
            let a = pass(f64_fn, "f64");
            if forward_f64 {
                return {
                    let attrs = &fi.attrs;
                    let vis = &fi.vis;
                    quote! {
                        #(#attrs)*
                        #[inline]
                        #vis #sig {
                            let () = #rt::ForwardAtF64::<#tid>::CHECK;
                            #a
                        }
                    }
                };
            }
            let b = pass(&f32_fn, "f32");
            quote! {
                if #rt::same_type::<#tid, f64>() #a
                else if #rt::same_type::<#tid, f32>() #b
                else { ::core::unreachable!("`{}` is instantiated at f64 and f32 only", ::core::stringify!(#name)) }
            }
        }
        _ if only_f64 => quote! {
            let () = #rt::SecondOrderAtF64::<#tid>::CHECK;
            #rt::cast_same(#f64_fn(#(#casts),*))
        },
        _ => quote! {
            if #rt::same_type::<#tid, f64>() {
                #rt::cast_same(#f64_fn(#(#casts),*))
            } else if #rt::same_type::<#tid, f32>() {
                #rt::cast_same(#f32_fn(#(#casts),*))
            } else {
                ::core::unreachable!("`{}` is instantiated at f64 and f32 only", ::core::stringify!(#name))
            }
        },
    };
    quote! {
        #(#attrs)*
        #[inline]
        #vis #sig {
            #body
        }
    }
}

fn arg_idents(fi: &ItemFn) -> Vec<Ident> {
    fi.sig
        .inputs
        .iter()
        .filter_map(|a| match a {
            syn::FnArg::Typed(pt) => match &*pt.pat {
                syn::Pat::Ident(pi) => Some(pi.ident.clone()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// For `f_pushforward`'s wrapper: per tangent slot, a `let` resolving it to its tangent at
/// `T` and the slot passed on at the concrete type (`Active`, or `Inactive` for a constant).
fn pushforward_args(fi: &ItemFn, t: &Ident, f: &str) -> Vec<(TokenStream, TokenStream)> {
    let rt = quote!(::ad_runtime::__private);
    let fty = Ident::new(f, Span::call_site());
    let mut out = Vec::new();
    // The parameter each slot belongs to, in order.
    let plain: Vec<(Ident, Type)> = fi
        .sig
        .inputs
        .iter()
        .filter_map(|a| match a {
            syn::FnArg::Typed(pt) => match &*pt.pat {
                syn::Pat::Ident(pi) if !pi.ident.to_string().starts_with("__slot") => {
                    Some((pi.ident.clone(), (*pt.ty).clone()))
                }
                _ => None,
            },
            _ => None,
        })
        .collect();
    let slots: Vec<(Ident, Ident)> = fi
        .sig
        .inputs
        .iter()
        .filter_map(|a| match a {
            syn::FnArg::Typed(pt) => match (&*pt.pat, &*pt.ty) {
                (syn::Pat::Ident(pi), Type::Path(tp))
                    if pi.ident.to_string().starts_with("__slot") =>
                {
                    Some((pi.ident.clone(), tp.path.get_ident()?.clone()))
                }
                _ => None,
            },
            _ => None,
        })
        .collect();
    for (k, (slot, g)) in slots.iter().enumerate() {
        let bound = fi
            .sig
            .generics
            .type_params()
            .find(|p| p.ident == *g)
            .map(|p| p.bounds.to_token_stream().to_string())
            .unwrap_or_default();
        let (x, ty) = &plain[k];
        let mut ty_t = ty.clone();
        FloatToT(t).visit_type_mut(&mut ty_t);
        if bound.contains("TangentOf") {
            let v = Ident::new(&format!("__tan{k}"), Span::mixed_site());
            let deref = matches!(ty, Type::Reference(_));
            // The tangent at the concrete float: a slice for a borrowed sequence, else the
            // parameter's own type.
            let mut ty_f = ty.clone();
            FloatToT(&fty).visit_type_mut(&mut ty_f);
            out.push((
                quote!(let #v = <#g as #rt::TangentOf<#ty_t>>::tangent(#slot, &#x);),
                if deref {
                    quote!(#rt::Active(#rt::cast_same::<&[#t], &[#fty]>(&#v[..])))
                } else {
                    quote!(#rt::Active(#rt::cast_same::<#ty_t, #ty_f>(#v)))
                },
            ));
        } else if bound.contains("NoTangent") {
            out.push((quote!(), quote!(#rt::Inactive)));
        } else {
            // A stub: the slot is passed on as it is.
            out.push((quote!(), quote!(#slot)));
        }
    }
    out
}
