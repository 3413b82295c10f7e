//! Custom derivatives: `#[differentiable(custom(jvp = f_jvp_rule, vjp = f_vjp_rule))]`.
//!
//! The body is not transformed (it may call anything: a solver, BLAS, a special function);
//! the user's rules are the derivatives. `jvp` has exactly `f_jvp`'s signature (arguments,
//! then one tangent per differentiated parameter, returning the value and the tangent);
//! `vjp` returns the value and a pullback from the output cotangent to `f_vjp`'s `G`. The
//! generated functions are the usual ones, so callers see no difference:
//!
//! - `f_pullback` calls the `vjp` rule and spreads its `G` into one slot per parameter;
//!   `f_vjp` and `f_grad` go through it;
//! - `f_pushforward` turns its tangent slots into the rule's tangent arguments and calls the
//!   `jvp` rule; `f_jvp` goes through it; `f_jacobian` uses both;
//! - second order (`f_hvp_pullback`, `f_hvp`, `f_hessian`) is a stub that fails where it is
//!   used: the rules are not differentiated again yet.
//!
//! A rule's call is spanned at its name in the attribute, so a rule whose signature does
//! not fit is a type error there. A missing rule makes the functions of its mode stubs that
//! fail to compile where they are instantiated (post-monomorphisation, like forward mode's
//! and second order's stubs), with a message naming the rule: code that uses the function in
//! the other mode builds.

use crate::codegen::{NameLifetimes, tangent_type};
use crate::front::{Custom, Signature};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Ident, Type};

pub fn emit(
    item: &syn::ItemFn,
    sig: &Signature,
    custom: &Custom,
    order: u8,
) -> syn::Result<TokenStream> {
    if !sig.params.iter().any(|p| p.active) {
        return Err(syn::Error::new(
            item.sig.ident.span(),
            "`custom(..)` needs a differentiated (float-valued) parameter",
        ));
    }
    let mut out = TokenStream::new();
    out.extend(reverse(item, sig, custom));
    out.extend(forward(item, sig, custom));
    // `f_jacobian` takes a function of `f_vjp`'s signature: a rule named `f_vjp` has
    // another, so then `reverse` adds a hidden `f_vjp_seeded`.
    let vjp = if is_named(&custom.vjp, item, "vjp") {
        format_ident!("{}_vjp_seeded", item.sig.ident)
    } else {
        format_ident!("{}_vjp", item.sig.ident)
    };
    out.extend(crate::forward::jacobian::emit_with(item, sig, &vjp));
    if order >= 2 {
        let name = &item.sig.ident;
        let why = format!(
            "a function with custom rules unless its `jvp` rule is `#[differentiable]` and `custom(.., second_order)` says so (`{name}`)"
        );
        out.extend(match nested(item, sig, custom, &why) {
            Some(pullback) => crate::nest::emit_around(item, sig, pullback),
            None => crate::nest::emit_stub(item, sig, &why),
        });
    }
    Ok(out)
}

/// Whether `rule` is the plain name `{f}_{suffix}`: the rule is then that generated
/// function itself (`custom(jvp = f_jvp, ..)`), which is not generated again.
fn is_named(rule: &Option<syn::Path>, item: &syn::ItemFn, suffix: &str) -> bool {
    rule.as_ref()
        .and_then(|p| p.get_ident())
        .is_some_and(|i| *i == format!("{}_{suffix}", item.sig.ident))
}

fn mixed(s: &str) -> Ident {
    Ident::new(s, Span::mixed_site())
}

/// A body that fails to compile where the function is instantiated with `ty` as its first
/// generic argument, with `msg`.
fn missing(msg: &str, ty: &Ident) -> TokenStream {
    let stub = mixed("__MissingRule");
    quote! {
        struct #stub<T>(::core::marker::PhantomData<T>);
        impl<T> #stub<T> {
            const MISSING: () = ::core::panic!(#msg);
        }
        let () = #stub::<#ty>::MISSING;
        ::core::unreachable!()
    }
}

/// `f_pullback`, `f_vjp`, `f_grad`.
fn reverse(item: &syn::ItemFn, sig: &Signature, custom: &Custom) -> TokenStream {
    let rt = quote!(::ad_runtime::__private);
    let name = &item.sig.ident;
    let vis = &item.vis;
    let ret_ty = &sig.ret_ty;
    let (pullback, vjp, grad) = (
        format_ident!("{}_pullback", name),
        format_ident!("{}_vjp", name),
        format_ident!("{}_grad", name),
    );
    let args: Vec<&Ident> = sig.params.iter().map(|p| &p.ident).collect();
    let grads: Vec<Ident> = (0..sig.params.len())
        .map(|k| mixed(&format!("__g{k}")))
        .collect();
    let active: Vec<usize> = (0..sig.params.len())
        .filter(|&k| sig.params[k].active)
        .collect();
    let g_pat = if active.len() == 1 {
        let g = &grads[active[0]];
        quote!(#g)
    } else {
        let gs = active.iter().map(|&k| &grads[k]);
        quote!((#(#gs),*))
    };
    let slots: Vec<TokenStream> = sig
        .params
        .iter()
        .zip(&grads)
        .map(|(p, g)| {
            if p.active {
                quote!(#g)
            } else {
                quote!(#rt::NotDifferentiated)
            }
        })
        .collect();
    let slot_types: Vec<TokenStream> = sig
        .params
        .iter()
        .map(|p| {
            if p.active {
                tangent_type(&p.ty)
            } else {
                quote!(#rt::NotDifferentiated)
            }
        })
        .collect();
    let (y, pb, s) = (mixed("__y"), mixed("__pb"), mixed("__s"));
    let doc = format!(
        " Split reverse mode of [`{name}`] by its custom `vjp` rule (generated by `#[differentiable]`)."
    );
    let pullback_fn = match &custom.vjp {
        Some(rule) => {
            let crate::reverse::emit::PullbackSignature {
                generics,
                params,
                ret,
                ..
            } = crate::reverse::emit::pullback_signature(sig, None);
            let call = quote_spanned!(rule.span()=> #rule(#(#args),*));
            quote! {
                #[doc = #doc]
                #[doc(hidden)]
                #[inline]
                #[allow(non_snake_case, unused_variables, clippy::all)] // generated code
                #vis fn #pullback #generics (#(#params),*) -> #ret {
                    let (#y, #pb) = #call;
                    (#y, move |#s: #ret_ty| {
                        let #g_pat = #pb(#s);
                        (#(#slots,)*)
                    })
                }
            }
        }
        None => {
            let generics: Vec<Ident> = (0..sig.params.len())
                .map(|k| mixed(&format!("__P{k}")))
                .collect();
            let params = args.iter().zip(&generics).map(|(a, g)| quote!(#a: #g));
            let msg = format!(
                "`{name}` has no `vjp` rule: reverse mode (`{name}_vjp`, `{name}_grad`, and reverse-mode code calling `{name}`) needs `vjp = ..` in its `#[differentiable(custom(..))]`"
            );
            let body = missing(&msg, &generics[0]);
            quote! {
                #[doc = #doc]
                #[doc(hidden)]
                #[inline]
                #[allow(non_snake_case, unused_variables, unreachable_code, clippy::all)] // generated stub
                #vis fn #pullback <#(#generics),*> (#(#params),*) -> (#ret_ty, fn(#ret_ty) -> (#(#slot_types,)*)) {
                    #body
                }
            }
        }
    };
    let user_params: Vec<TokenStream> = sig
        .params
        .iter()
        .map(|p| {
            let (i, ty) = (&p.ident, &p.ty);
            quote!(#i: #ty)
        })
        .collect();
    let mut seed = format_ident!("seed");
    while sig.params.iter().any(|p| p.ident == seed) {
        seed = format_ident!("{}_", seed);
    }
    let g_types: Vec<TokenStream> = active
        .iter()
        .map(|&k| tangent_type(&sig.params[k].ty))
        .collect();
    let g_ty = if g_types.len() == 1 {
        g_types[0].clone()
    } else {
        quote!((#(#g_types),*))
    };
    let destructure = sig
        .params
        .iter()
        .zip(&grads)
        .map(|(p, g)| if p.active { quote!(#g) } else { quote!(_) });
    let lt = crate::codegen::lifetime_generics(sig);
    let vjp_doc = format!(
        " Reverse-mode derivative of [`{name}`] by its custom `vjp` rule (generated by `#[differentiable]`): its value and the cotangents of its differentiated parameters given the output cotangent `{seed}`."
    );
    let destructure: Vec<TokenStream> = destructure.collect();
    // A rule named `f_vjp` is that name: `f_vjp_seeded` (hidden) has the usual signature.
    let (vjp, hidden) = if is_named(&custom.vjp, item, "vjp") {
        (format_ident!("{}_vjp_seeded", name), quote!(#[doc(hidden)]))
    } else {
        (vjp, quote!())
    };
    let vjp_fn = {
        quote! {
            #[doc = #vjp_doc]
            #hidden
            #[inline]
            #[allow(non_snake_case, clippy::all)] // generated code
            #vis fn #vjp #lt (#(#user_params,)* #seed: #ret_ty) -> (#ret_ty, #g_ty) {
                let (#y, #pb) = #pullback(#(#args),*);
                let (#(#destructure,)*) = #pb(#seed);
                (#y, #g_pat)
            }
        }
    };
    let mut out = quote!(#pullback_fn #vjp_fn);
    if is_float(ret_ty) {
        let doc = format!(
            " Value and gradient of [`{name}`] by its custom `vjp` rule (generated by `#[differentiable]`)."
        );
        out.extend(quote! {
            #[doc = #doc]
            #[inline]
            #[allow(non_snake_case, clippy::all)] // generated code
            #vis fn #grad #lt (#(#user_params),*) -> (#ret_ty, #g_ty) {
                let (#y, #pb) = #pullback(#(#args),*);
                let (#(#destructure,)*) = #pb(1.0);
                (#y, #g_pat)
            }
        });
    }
    out
}

/// `f_pushforward` and `f_jvp`.
fn forward(item: &syn::ItemFn, sig: &Signature, custom: &Custom) -> TokenStream {
    let rt = quote!(::ad_runtime::__private);
    let name = &item.sig.ident;
    let vis = &item.vis;
    let ret_ty = &sig.ret_ty;
    let tr = tangent_type(ret_ty);
    let (pushforward, jvp) = (
        format_ident!("{}_pushforward", name),
        format_ident!("{}_jvp", name),
    );
    let args: Vec<&Ident> = sig.params.iter().map(|p| &p.ident).collect();
    let slot_names: Vec<Ident> = (0..sig.params.len())
        .map(|k| mixed(&format!("__slot{k}")))
        .collect();
    let slot_types: Vec<Ident> = (0..sig.params.len())
        .map(|k| mixed(&format!("__S{k}")))
        .collect();
    let mut namer = NameLifetimes { used: false };
    let mut params = Vec::new();
    let mut generics: Vec<TokenStream> = sig.lifetimes.iter().map(|l| quote!(#l)).collect();
    let mut slot_generics = Vec::new();
    let mut wheres = Vec::new();
    let mut unpack = Vec::new();
    let mut tangent_args = Vec::new();
    let doc = format!(
        " Forward mode of [`{name}`] by its custom `jvp` rule (generated by `#[differentiable]`)."
    );
    let body = match &custom.jvp {
        Some(rule) => {
            for (k, p) in sig.params.iter().enumerate() {
                let mut ty = p.ty.clone();
                namer.visit_type_mut(&mut ty);
                let (i, g, s) = (&p.ident, &slot_types[k], &slot_names[k]);
                params.push(quote!(#i: #ty));
                if !p.active {
                    slot_generics.push(quote!(#g: #rt::NoTangent));
                    continue;
                }
                let t = mixed(&format!("__t{k}"));
                match tangent_out(&ty) {
                    Some((out, true)) => {
                        slot_generics.push(quote!(#g: #rt::TangentOf<#ty>));
                        wheres.push(quote!(<#g as #rt::TangentOf<#ty>>::Out: ::core::ops::Deref<Target = #out>));
                        tangent_args.push(borrowed_tangent(&p.ty, &t));
                    }
                    Some((out, false)) => {
                        slot_generics.push(quote!(#g: #rt::TangentOf<#ty, Out = #out>));
                        tangent_args.push(quote!(#t));
                    }
                    None => {
                        // The rule takes the tangent as given (its type is the parameter's).
                        slot_generics.push(quote!(#g: #rt::TangentOf<#ty, Out = #ty>));
                        tangent_args.push(quote!(#t));
                    }
                }
                unpack.push(quote!(let #t = <#g as #rt::TangentOf<#ty>>::tangent(#s, &#i);));
            }
            let call = quote_spanned!(rule.span()=> #rule(#(#args,)* #(#tangent_args),*));
            quote!(#(#unpack)* #call)
        }
        None => {
            for (k, p) in sig.params.iter().enumerate() {
                let mut ty = p.ty.clone();
                namer.visit_type_mut(&mut ty);
                let i = &p.ident;
                params.push(quote!(#i: #ty));
                let g = &slot_types[k];
                slot_generics.push(quote!(#g));
            }
            let msg = format!(
                "`{name}` has no `jvp` rule: forward mode (`{name}_jvp`, `{name}_jacobian`, and forward-mode code calling `{name}`) needs `jvp = ..` in its `#[differentiable(custom(..))]`"
            );
            missing(&msg, &slot_types[0])
        }
    };
    if namer.used {
        generics.insert(0, quote!('__ad));
    }
    generics.extend(slot_generics);
    let slots = slot_names
        .iter()
        .zip(&slot_types)
        .map(|(s, g)| quote!(#s: #g));
    let stubbed = custom.jvp.is_none();
    let user_params = sig.params.iter().map(|p| {
        let (i, ty) = (&p.ident, &p.ty);
        quote!(#i: #ty)
    });
    let d = |p: &crate::front::Param| crate::codegen::tangent_ident(&p.ident);
    let tangent_params = sig.params.iter().filter(|p| p.active).map(|p| {
        let (dp, ty) = (d(p), &p.ty);
        quote!(#dp: #ty)
    });
    let slot_args = sig.params.iter().map(|p| {
        if !p.active {
            return quote!(#rt::Inactive);
        }
        let dp = d(p);
        if !stubbed && matches!(&p.ty, Type::Reference(r) if crate::front::sequence_element(&r.elem).is_some()) {
            quote!(#rt::Active(&#dp[..]))
        } else {
            quote!(#rt::Active(#dp))
        }
    });
    let lt = crate::codegen::lifetime_generics(sig);
    let jvp_doc = format!(
        " Forward-mode derivative of [`{name}`] by its custom `jvp` rule (generated by `#[differentiable]`): its value and the directional derivative along the tangents given after the arguments."
    );
    let jvp_fn = (!is_named(&custom.jvp, item, "jvp")).then(|| {
        quote! {
            #[doc = #jvp_doc]
            #[inline]
            #[allow(non_snake_case, clippy::all)] // generated code
            #vis fn #jvp #lt (#(#user_params,)* #(#tangent_params),*) -> (#ret_ty, #tr) {
                #pushforward(#(#args,)* #(#slot_args),*)
            }
        }
    });
    quote! {
        #[doc = #doc]
        #[doc(hidden)]
        #[inline]
        #[allow(non_snake_case, unused_variables, unreachable_code, clippy::all)] // generated code
        #vis fn #pushforward <#(#generics),*> (#(#params,)* #(#slots),*) -> (#ret_ty, #tr)
        where #(#wheres),*
        {
            #body
        }
        #jvp_fn
    }
}

/// The tangent of a borrowed sequence parameter, as the rule takes it (a parameter of the
/// same type as the primal's): `&[T]` as a slice, `&Vec<T>` and `&[T; N]` rebuilt.
fn borrowed_tangent(ty: &Type, t: &Ident) -> TokenStream {
    let Type::Reference(r) = ty else {
        return quote!(&#t[..]);
    };
    match &*r.elem {
        Type::Array(_) => quote!(&::core::convert::TryInto::try_into(&#t[..]).unwrap()),
        Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Vec") => {
            quote!(&#t[..].to_vec())
        }
        _ => quote!(&#t[..]),
    }
}

/// Forward mode's tangent slot output for a parameter type (see `forward::tangent_out`).
fn tangent_out(ty: &Type) -> Option<(TokenStream, bool)> {
    crate::forward::tangent_out(ty)
}

fn is_float(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"))
}

/// With `custom(jvp = r, vjp = q, second_order)` (the `jvp` rule `#[differentiable]`): the dual
/// pullback from the rules. On `x = x₀ + ε ẋ` the value is `f(x₀) + ε ∇f·ẋ` (the `jvp` rule);
/// the pullback of a seed `s₀ + ε ṡ` is `q(x₀)(s₀) + ε (q(x₀)(ṡ) + s₀ H ẋ)`, where
/// `H ẋ = ∇ₓ(∇f·ẋ)` is the gradient of the `jvp` rule's tangent output with respect to `x`
/// (`r_vjp` with the seed `(0, s₀)`). For a float result and parameters that are floats,
/// slices, `Vec`s or fixed-size arrays (or constants).
///
/// Without `second_order` (and with a `jvp` rule), the value of that function only: forward
/// mode through dual numbers (a caller taking struct parameters or arrays) gets its value and
/// tangent from the `jvp` rule, and its reverse on duals, which only second order runs,
/// fails to compile where it is used (`why`): the failing constant sits in the pullback
/// closure, whose body is compiled only where the closure is called.
fn nested(item: &syn::ItemFn, sig: &Signature, custom: &Custom, why: &str) -> Option<TokenStream> {
    let (Some(jvp), Some(vjp)) = (&custom.jvp, &custom.vjp) else {
        return None;
    };
    if !is_float(&sig.ret_ty) {
        return None;
    }
    let pv = quote!(::ad_runtime::__private);
    let floaty = |t: &Type| {
        is_float(t)
            || crate::front::sequence_element(t).is_some_and(is_float)
            || matches!(t, Type::Reference(r) if crate::front::sequence_element(&r.elem).is_some_and(is_float))
    };
    if !sig
        .params
        .iter()
        .all(|p| floaty(&p.ty) || crate::front::is_constant_type(&p.ty))
    {
        return None;
    }
    let dsig = crate::nest::lift_signature_of(sig);
    let marker = crate::codegen::hvp_marker();
    let crate::reverse::emit::PullbackSignature {
        generics,
        params,
        ret,
        ..
    } = crate::reverse::emit::pullback_signature(&dsig, Some(&marker));
    let name = &item.sig.ident;
    let vis = &item.vis;
    let pullback = format_ident!("{}_hvp_pullback", name);
    let mut jvp_vjp = jvp.clone();
    if let Some(last) = jvp_vjp.segments.last_mut() {
        last.ident = format_ident!("{}_vjp", last.ident);
    }
    let ret_ty = &dsig.ret_ty;
    let (mut splits, mut re_args, mut eps_args) = (Vec::new(), Vec::new(), Vec::new());
    // Positions of the active parameters among the float ones (the rule's `_vjp` returns one
    // cotangent per float parameter, then one per tangent).
    let (mut float_pos, mut n_float) = (Vec::new(), 0usize);
    for (k, p) in sig.params.iter().enumerate() {
        let i = &p.ident;
        if !floaty(&p.ty) {
            re_args.push(quote!(#i));
            continue;
        }
        let (r, e) = (mixed(&format!("__re{k}")), mixed(&format!("__eps{k}")));
        let owned = match &p.ty {
            Type::Reference(_) => quote!(#i.to_vec()),
            _ => quote!(#i),
        };
        splits.push(quote!(let (#r, #e) = #pv::SplitDual::split(#owned);));
        let by_ref = matches!(&p.ty, Type::Reference(_));
        re_args.push(if by_ref { quote!(&#r) } else { quote!(#r) });
        if p.active {
            eps_args.push(if by_ref { quote!(&#e) } else { quote!(#e) });
            float_pos.push((k, n_float));
        }
        n_float += 1;
    }
    let n_tan = eps_args.len();
    let h_names: Vec<TokenStream> = (0..n_float + n_tan)
        .map(|j| match float_pos.iter().find(|(_, q)| *q == j) {
            Some((k, _)) => {
                let h = mixed(&format!("__h{k}"));
                quote!(#h)
            }
            None => quote!(_),
        })
        .collect();
    let active: Vec<usize> = float_pos.iter().map(|(k, _)| *k).collect();
    let gr: Vec<Ident> = active.iter().map(|k| mixed(&format!("__gr{k}"))).collect();
    let ge: Vec<Ident> = active.iter().map(|k| mixed(&format!("__ge{k}"))).collect();
    let (gr_pat, ge_pat) = if active.len() == 1 {
        (quote!(#(#gr)*), quote!(#(#ge)*))
    } else {
        (quote!((#(#gr),*)), quote!((#(#ge),*)))
    };
    let slots = sig.params.iter().enumerate().map(|(k, p)| {
        if p.active {
            let (r, e, h) = (
                mixed(&format!("__gr{k}")),
                mixed(&format!("__ge{k}")),
                mixed(&format!("__h{k}")),
            );
            quote!({
                let mut __t = #e;
                ::ad_runtime::VectorSpace::add_scaled(&mut __t, 1.0, &#h);
                #pv::LiftDual::lift(&#r, &__t)
            })
        } else {
            quote!(#pv::NotDifferentiated)
        }
    });
    let (y, dy, s) = (mixed("__y"), mixed("__dy"), mixed("__s"));
    let call_jvp = quote_spanned!(jvp.span()=> #jvp(#(#re_args,)* #(#eps_args),*));
    let call_jvp_vjp =
        quote_spanned!(jvp.span()=> #jvp_vjp(#(#re_args,)* #(#eps_args,)* (0.0, #s.re)));
    let call_vjp = quote_spanned!(vjp.span()=> #vjp(#(#re_args),*));
    if !custom.second_order {
        let msg = format!(
            "second order (`{name}_hvp`, `{name}_hessian`, and the second order of callers) does not support {why} yet: differentiate `{name}` once with `{name}_grad` / `{name}_vjp`"
        );
        let stub = mixed("__NoSecondOrder");
        return Some(quote! {
            #[doc(hidden)]
            #[inline]
            #[allow(non_snake_case, unused_variables, unreachable_code, clippy::all)] // generated code
            #vis fn #pullback #generics (#(#params),*) -> #ret {
                #(#splits)*
                let (#y, #dy) = #call_jvp;
                (::ad_runtime::Dual::new(#y, #dy), move |#s: #ret_ty| {
                    struct #stub<T>(::core::marker::PhantomData<T>);
                    impl<T> #stub<T> {
                        const UNSUPPORTED: () = ::core::panic!(#msg);
                    }
                    let () = #stub::<#marker>::UNSUPPORTED;
                    ::core::unreachable!()
                })
            }
        });
    }
    Some(quote! {
        #[doc(hidden)]
        #[inline]
        #[allow(non_snake_case, unused_variables, clippy::all)] // generated code
        #vis fn #pullback #generics (#(#params),*) -> #ret {
            #(#splits)*
            let (#y, #dy) = #call_jvp;
            (::ad_runtime::Dual::new(#y, #dy), move |#s: #ret_ty| {
                let #gr_pat = (#call_vjp.1)(#s.re);
                let #ge_pat = (#call_vjp.1)(#s.eps);
                let (_, (#(#h_names,)*)) = #call_jvp_vjp;
                (#(#slots,)*)
            })
        }
    })
}
