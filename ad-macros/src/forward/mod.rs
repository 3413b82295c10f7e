//! Forward mode: `f_jvp` (the contract's Jacobian–vector product) and the hidden
//! `f_pushforward` that callers use, for functions of scalars, slices, `Vec`s and fixed-size
//! arrays of floats (local buffers, loops, branches, early exits and calls included).
//!
//! A pushforward runs the primal once and carries, next to every active variable, its
//! tangent (see [`body`]). Nothing is recorded: forward mode needs no tape, so its cost is a
//! small constant times the primal's. Calls between differentiable functions go through
//! `g_pushforward`, which takes one tangent slot per parameter (`ad_runtime::__private::
//! Active(t)` or `Inactive`), so a caller never needs to know which parameters the callee
//! differentiates; a differentiated value passed to one it does not is a type error.
//!
//! Functions forward mode does not take yet (ndarray arrays, `mapv` closures, iterators over
//! differentiated values) get no `f_jvp`: calling it is rustc's "cannot find function", on
//! the call.

mod body;
pub(crate) mod jacobian;

use crate::codegen::{NameLifetimes, tangent_type};
use crate::front::Signature;
use crate::ir::*;
use crate::sema::kinds::Kind;
use body::Tangents;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;
use syn::visit_mut::VisitMut;

/// What stops forward mode on arrays and struct parameters: `order = 1` (no dual numbers).
const ORDER_ONE: &str = "order = 1";

/// `f_pushforward` and `f_jvp`, or nothing when forward mode does not take the function.
/// The pushforward, and `f_jvp` and `f_jacobian` where forward mode takes the function.
/// `dual` says whether second order lifts the function to dual numbers (not with
/// `order = 1`): a function forward mode does not take then gets its `f_jvp` from second
/// order (see `nest`), or a stub that names the construct that stops it. Returns whether
/// `f_jvp` was emitted. With `nested`, also `f_grad_pushforward` (see `nest::nested`).
pub fn emit(
    item: &syn::ItemFn,
    sig: &Signature,
    func: &Func,
    kinds: &[Kind],
    dual: bool,
    nested: bool,
) -> (TokenStream, bool) {
    let jvp_elsewhere = dual;
    let active_params: Vec<VarId> = sig
        .params
        .iter()
        .filter(|p| p.active)
        .map(|p| p.var)
        .collect();
    let active = crate::sema::activity::activity(func, &active_params);
    // Scalars and sequences of scalars only, for now.
    let kinds_ok = (0..func.vars.len())
        .all(|v| !active[v] || matches!(kinds[v], Kind::Scalar | Kind::SeqScalar | Kind::Unknown))
        && sig.params.iter().all(|p| {
            !p.active
                || matches!(kinds[p.var], Kind::Scalar | Kind::SeqScalar)
                || body::nested_float_sequence(&p.ty)
        });
    let tan = Tangents {
        func,
        kinds,
        active: &active,
    };
    // (A differentiated struct parameter is what stops a function without arrays.)
    let struct_param = sig.params.iter().any(|p| {
        p.active
            && crate::front::is_struct_type(match &p.ty {
                syn::Type::Reference(r) => &r.elem,
                t => t,
            })
    });
    let mut unsupported: Option<&str> = (!kinds_ok).then_some(match (struct_param, dual) {
        // (Forward mode takes struct parameters through dual numbers, which `order = 1`
        // leaves out.)
        (true, false) => ORDER_ONE,
        (true, _) => "a struct parameter in a call from another function's forward mode",
        (false, false) => ORDER_ONE,
        (false, _) => "ndarray arrays",
    });
    let body = match tan.block(&func.body) {
        Ok(b) => b,
        Err(why) => {
            unsupported.get_or_insert(why);
            TokenStream::new()
        }
    };
    let rt = quote!(::ad_runtime::__private);
    let use_rt = crate::codegen::runtime_use();
    let name = &item.sig.ident;
    let vis = &item.vis;
    let ret_ty = &sig.ret_ty;
    let tr = tangent_type(ret_ty);
    let pushforward = format_ident!("{}_pushforward", name);
    let jvp = format_ident!("{}_jvp", name);

    // The pushforward's signature: named lifetimes, one generic slot per parameter.
    let mut namer = NameLifetimes { used: false };
    let mut params = Vec::new();
    let mut slots = Vec::new();
    let mut generics: Vec<TokenStream> = sig.lifetimes.iter().map(|l| quote!(#l)).collect();
    let mut slot_generics = Vec::new();
    let mut unpack = TokenStream::new();
    let mut wheres: Vec<TokenStream> = Vec::new();
    // Whether every differentiated parameter has a tangent slot, and the pushforward through
    // `f_jvp` on dual numbers for a function forward mode's own transformation does not take.
    let mut slots_ok = true;
    let (mut dual_pre, mut dual_args) = (TokenStream::new(), Vec::new());
    for (k, p) in sig.params.iter().enumerate() {
        let mut ty = p.ty.clone();
        namer.visit_type_mut(&mut ty);
        let i = &p.ident;
        let m = p.mutable.then(|| quote!(mut));
        params.push(quote!(#m #i: #ty));
        let s = Ident::new(&format!("__slot{k}"), Span::mixed_site());
        let g = Ident::new(&format!("__S{k}"), Span::mixed_site());
        slots.push(quote!(#s: #g));
        if p.active {
            let Some((out, deref)) = tangent_out(&ty).or_else(|| struct_tangent_out(&ty)) else {
                unsupported.get_or_insert("this parameter type");
                slots_ok = false;
                slot_generics.push(quote!(#g));
                continue;
            };
            if deref {
                slot_generics.push(quote!(#g: #rt::TangentOf<#ty>));
                wheres.push(
                    quote!(<#g as #rt::TangentOf<#ty>>::Out: ::core::ops::Deref<Target = #out>),
                );
            } else {
                slot_generics.push(quote!(#g: #rt::TangentOf<#ty, Out = #out>));
            }
            if active[p.var] {
                let t = tan.t(p.var);
                unpack.extend(quote! {
                    #[allow(unused_mut)]
                    let mut #t = <#g as #rt::TangentOf<#ty>>::tangent(#s, &#i);
                });
            }
            // Through dual numbers (`f_jvp` of `nest`): the slot's tangent as a value of the
            // parameter's type.
            let d = Ident::new(&format!("__dual_t{k}"), Span::mixed_site());
            let h = Ident::new(&format!("__dual_h{k}"), Span::mixed_site());
            dual_pre.extend(quote!(let #d = <#g as #rt::TangentOf<#ty>>::tangent(#s, &#i);));
            dual_args.push(match &ty {
                syn::Type::Reference(r) => match &*r.elem {
                    syn::Type::Slice(_) => quote!(&*#d),
                    s if crate::front::is_struct_type(s) => quote!(&*#d),
                    syn::Type::Array(a) => {
                        dual_pre.extend(quote!(
                            let #h: #a = ::core::convert::TryFrom::try_from(&*#d)
                                .expect("the tangent has the parameter's length");
                        ));
                        quote!(&#h)
                    }
                    _ => {
                        dual_pre.extend(quote!(let #h = <[_]>::to_vec(&*#d);));
                        quote!(&#h)
                    }
                },
                _ => quote!(#d),
            });
        } else {
            slot_generics.push(quote!(#g: #rt::NoTangent));
            // A parameter left out of `wrt` that is later assigned a differentiated value
            // (`c = c + y`, an in-place function's buffer): its tangent starts at zero.
            if active[p.var] {
                let t = tan.t(p.var);
                unpack.extend(quote! {
                    #[allow(unused_mut)]
                    let mut #t = ::ad_runtime::Differentiable::zero_tangent(&#i);
                });
            }
        }
    }
    // A function forward mode does not take yet: the pushforward fails to compile only
    // where it is instantiated (a post-monomorphisation error), so nothing breaks for code
    // that does not call `f_jvp`.
    let stubbed = unsupported.is_some();
    let via_dual = stubbed && jvp_elsewhere && slots_ok;
    // `f_grad` called in a differentiable body (`nest::nested`): its forward mode, by the
    // slots' tangents as values of the parameters' types (those of `f_jvp` through duals).
    let grad_pushforward = nested.then(|| {
        let mut generics = generics.clone();
        if namer.used {
            generics.insert(0, quote!('__ad));
        }
        generics.extend(slot_generics.iter().cloned());
        let parts = GradPushforward {
            generics: &generics,
            params: &params,
            slots: &slots,
            wheres: &wheres,
            pre: &dual_pre,
            tangents: &dual_args,
        };
        grad_pushforward_fn(item, sig, slots_ok.then_some(parts))
    });
    if stubbed && !via_dual {
        // The stub's differentiated slots are unbounded, so a call reaches its message, not
        // a trait error.
        slot_generics = sig
            .params
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let g = Ident::new(&format!("__S{k}"), Span::mixed_site());
                if p.active {
                    quote!(#g)
                } else {
                    quote!(#g: #rt::NoTangent)
                }
            })
            .collect();
    }
    let (unpack, wheres, body) = match unsupported {
        None => (unpack, wheres, body),
        // Arrays (or an iteration forward mode does not take) through dual numbers: the
        // function's `f_jvp` (made by `nest`) on the slots' tangents, so callers in forward
        // mode can call it.
        Some(_) if via_dual => {
            let args = sig.params.iter().map(|p| &p.ident);
            let active_args = dual_args.iter();
            (
                TokenStream::new(),
                wheres,
                quote!({
                    #dual_pre
                    #jvp(#(#args,)* #(#active_args),*)
                }),
            )
        }
        Some(why) => {
            let msg = if why == ORDER_ONE {
                format!(
                    "forward mode (`{name}_jvp`) takes ndarray arrays and struct parameters through dual numbers, which `#[differentiable(order = 1)]` leaves out: remove `order = 1`, or differentiate `{name}` with `{name}_vjp` / `{name}_grad`"
                )
            } else {
                format!(
                    "forward mode (`{name}_jvp`) does not support {why} yet: differentiate `{name}` with `{name}_vjp` / `{name}_grad`"
                )
            };
            let first = Ident::new("__S0", Span::mixed_site());
            let stub = Ident::new("__NoForwardMode", Span::mixed_site());
            (
                TokenStream::new(),
                Vec::new(),
                quote! {
                    struct #stub<T>(::core::marker::PhantomData<T>);
                    impl<T> #stub<T> {
                        const UNSUPPORTED: () = ::core::panic!(#msg);
                    }
                    let () = #stub::<#first>::UNSUPPORTED;
                    ::core::unreachable!()
                },
            )
        }
    };
    if namer.used {
        generics.insert(0, quote!('__ad));
    }
    generics.extend(slot_generics);
    let flow = func.flow.map(|f| {
        let f = &func.vars[f].ident;
        quote!(let mut #f: u32 = 0;)
    });
    let ret = &func.vars[func.ret].ident;
    let value = if func.ret_deferred {
        quote!(match #ret { ::core::option::Option::Some(v) => v, ::core::option::Option::None => ::core::unreachable!() })
    } else {
        quote!(#ret)
    };
    let value_ident = Ident::new("__value", Span::mixed_site());
    let tangent_ident = Ident::new("__tangent", Span::mixed_site());
    let tangent_then_return = if active[func.ret] {
        let t = tan.t(func.ret);
        quote!((#value_ident, #t))
    } else {
        // (The tangent first: a zero tangent is shaped like the value, moved next.)
        quote! {
            let #tangent_ident = #rt::zero_like(&#value_ident);
            (#value_ident, #tangent_ident)
        }
    };
    let fn_body = if stubbed {
        body
    } else {
        quote! {
            #flow
            #unpack
            #body
            let #value_ident = #value;
            #tangent_then_return
        }
    };
    let pf_doc = format!(
        " Forward mode of [`{name}`] (generated by `#[differentiable]`): its value and tangent, given one tangent slot per parameter. Used for calls between differentiable functions; see `{name}_jvp`."
    );
    let pushforward_fn = quote! {
        #[doc = #pf_doc]
        #[doc(hidden)]
        #[inline]
        #[allow(unused_mut, unused_variables, unused_assignments, unused_parens,
            unused_braces, unreachable_code, non_snake_case, clippy::all)] // generated code: mirrors the user's body statement by statement
        #vis fn #pushforward <#(#generics),*> (#(#params,)* #(#slots),*) -> (#ret_ty, #tr)
        where #(#wheres),*
        {
            #use_rt
            #fn_body
        }
    };

    // f_jvp: the contract's signature, tangents of the differentiated parameters after them.
    let user_params: Vec<TokenStream> = sig
        .params
        .iter()
        .map(|p| {
            let (i, ty) = (&p.ident, &p.ty);
            quote!(#i: #ty)
        })
        .collect();
    let tangent_params: Vec<TokenStream> = sig
        .params
        .iter()
        .filter(|p| p.active)
        .map(|p| {
            let d = crate::codegen::tangent_ident(&p.ident);
            let ty = &p.ty;
            quote!(#d: #ty)
        })
        .collect();
    let args: Vec<&Ident> = sig.params.iter().map(|p| &p.ident).collect();
    let slot_args: Vec<TokenStream> = sig
        .params
        .iter()
        .map(|p| {
            if p.active {
                let d = crate::codegen::tangent_ident(&p.ident);
                // A borrowed sequence's tangent is passed as a slice.
                if !stubbed
                    && matches!(&p.ty, syn::Type::Reference(r)
                        if crate::front::sequence_element(&r.elem).is_some())
                {
                    quote!(#rt::Active(&#d[..]))
                } else {
                    quote!(#rt::Active(#d))
                }
            } else {
                quote!(#rt::Inactive)
            }
        })
        .collect();
    let lt = if sig.lifetimes.is_empty() {
        quote!()
    } else {
        let l = &sig.lifetimes;
        quote!(<#(#l),*>)
    };
    let wrt = sig
        .params
        .iter()
        .filter(|p| p.active)
        .map(|p| format!("`{}`", p.ident))
        .collect::<Vec<_>>()
        .join(", ");
    let jvp_doc = format!(
        " Forward-mode derivative of [`{name}`] (generated by `#[differentiable]`): returns its value and the Jacobian–vector product, the directional derivative along the tangents of {wrt} (given after the arguments, one per differentiated parameter, of the same type)."
    );
    let jvp_fn = quote! {
        #[doc = #jvp_doc]
        #[inline]
        #[allow(non_snake_case, clippy::all)] // generated code
        #vis fn #jvp #lt (#(#user_params,)* #(#tangent_params),*) -> (#ret_ty, #tr) {
            #pushforward(#(#args,)* #(#slot_args),*)
        }
    };
    if stubbed && jvp_elsewhere {
        // `f_jvp` comes from the dual-number lift (see `nest`); the Jacobian calls it by name.
        let jacobian = jacobian::emit(item, sig);
        return (quote!(#pushforward_fn #jacobian #grad_pushforward), false);
    }
    // The Jacobian uses f_jvp, so only where forward mode takes the function.
    let jacobian = (!stubbed).then(|| jacobian::emit(item, sig));
    (
        quote!(#pushforward_fn #jvp_fn #jacobian #grad_pushforward),
        true,
    )
}

/// The signature parts of the pushforward that `f_grad_pushforward` shares.
struct GradPushforward<'a> {
    generics: &'a [TokenStream],
    params: &'a [TokenStream],
    slots: &'a [TokenStream],
    wheres: &'a [TokenStream],
    /// The slots' tangents as values of the parameters' types: statements, then arguments.
    pre: &'a TokenStream,
    tangents: &'a [TokenStream],
}

/// `f_grad_pushforward` (see `nest::nested`): the tangent of `(f(x), ∇f(x))` along `ẋ` is
/// `(∇f · ẋ, H ẋ)`, from one `f_jvp` and one `f_hvp`. Without `parts` (a parameter type
/// without tangent slots), a stub that fails to compile where it is instantiated.
fn grad_pushforward_fn(
    item: &syn::ItemFn,
    sig: &Signature,
    parts: Option<GradPushforward>,
) -> TokenStream {
    let name = &item.sig.ident;
    let vis = &item.vis;
    let ret_ty = &sig.ret_ty;
    let g_ty = crate::codegen::gradient_type(sig);
    let f = format_ident!("{}_grad_pushforward", name);
    let (jvp, hvp) = (format_ident!("{}_jvp", name), format_ident!("{}_hvp", name));
    let rt = quote!(::ad_runtime::__private);
    let attrs = quote! {
        #[doc(hidden)]
        #[inline]
        #[allow(unused_mut, unused_variables, unreachable_code, non_snake_case, clippy::all)] // generated code
    };
    let ret = quote!(((#ret_ty, #g_ty), (#ret_ty, #g_ty)));
    let Some(p) = parts else {
        let mut generics: Vec<TokenStream> = Vec::new();
        let mut params = Vec::new();
        let mut namer = NameLifetimes { used: false };
        for (k, p) in sig.params.iter().enumerate() {
            let mut ty = p.ty.clone();
            namer.visit_type_mut(&mut ty);
            let (i, s, g) = (
                &p.ident,
                Ident::new(&format!("__slot{k}"), Span::mixed_site()),
                Ident::new(&format!("__S{k}"), Span::mixed_site()),
            );
            params.push(quote!(#i: #ty));
            params.push(quote!(#s: #g));
            generics.push(if p.active {
                quote!(#g)
            } else {
                quote!(#g: #rt::NoTangent)
            });
        }
        if namer.used {
            generics.insert(0, quote!('__ad));
        }
        let msg = format!(
            "forward mode of `{name}_grad` called in a differentiable function does not support these parameter types: differentiate the caller with `_grad` / `_vjp`"
        );
        let first = Ident::new("__S0", Span::mixed_site());
        let stub = Ident::new("__NoNestedForwardMode", Span::mixed_site());
        return quote! {
            #attrs
            #vis fn #f <#(#generics),*> (#(#params),*) -> #ret {
                struct #stub<T>(::core::marker::PhantomData<T>);
                impl<T> #stub<T> {
                    const UNSUPPORTED: () = ::core::panic!(#msg);
                }
                let () = #stub::<#first>::UNSUPPORTED;
                ::core::unreachable!()
            }
        };
    };
    let GradPushforward {
        generics,
        params,
        slots,
        wheres,
        pre,
        tangents,
    } = p;
    let args: Vec<&Ident> = sig.params.iter().map(|p| &p.ident).collect();
    // (What is `Copy` is passed as it is: a reference or a primitive parameter, a borrowed
    // tangent `&*t`.)
    let arg_copies = crate::codegen::params_and_clones(sig).1;
    let tangent_copies = tangents.iter().map(|t| {
        let mut tokens = t.clone().into_iter();
        let borrowed = matches!(tokens.next(),
            Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '&')
            && !matches!(tokens.next(), Some(proc_macro2::TokenTree::Ident(i)) if i == "mut");
        if borrowed {
            quote!(#t)
        } else {
            quote!(::core::clone::Clone::clone(&#t))
        }
    });
    let (value, rdot, grad, hv) = (
        Ident::new("__value", Span::mixed_site()),
        Ident::new("__rdot", Span::mixed_site()),
        Ident::new("__grad", Span::mixed_site()),
        Ident::new("__hv", Span::mixed_site()),
    );
    quote! {
        #attrs
        #vis fn #f <#(#generics),*> (#(#params,)* #(#slots),*) -> #ret
        where #(#wheres),*
        {
            #pre
            let (_, #rdot) = #jvp(#(#arg_copies,)* #(#tangent_copies),*);
            let (#value, #grad, #hv) = #hvp(#(#args,)* #(#tangents),*);
            ((#value, #grad), (#rdot, #hv))
        }
    }
}

/// A derived struct parameter's tangent (by reference: something that dereferences to the
/// struct, the runtime's `TangentRef`; by value: the struct), which only the pushforward
/// through dual numbers (the function's `f_jvp`) takes.
fn struct_tangent_out(ty: &syn::Type) -> Option<(TokenStream, bool)> {
    match ty {
        syn::Type::Reference(r) if crate::front::is_struct_type(&r.elem) => {
            let elem = &r.elem;
            Some((quote!(#elem), true))
        }
        syn::Type::Paren(p) => struct_tangent_out(&p.elem),
        _ if crate::front::is_struct_type(ty) => Some((quote!(#ty), false)),
        _ => None,
    }
}

/// What the tangent of a parameter of type `ty` is in the pushforward's body: the type
/// itself for a float, a `Vec` or an array by value (`false`), or something that
/// dereferences to a slice of the element type for a borrowed sequence (`true`).
pub(crate) fn tangent_out(ty: &syn::Type) -> Option<(TokenStream, bool)> {
    match ty {
        syn::Type::Reference(r) => {
            let elem = crate::front::sequence_element(&r.elem)?;
            Some((quote!([#elem]), true))
        }
        syn::Type::Paren(p) => tangent_out(&p.elem),
        syn::Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32") => {
            Some((quote!(#ty), false))
        }
        _ if crate::front::sequence_element(ty).is_some() => Some((quote!(#ty), false)),
        _ => None,
    }
}
