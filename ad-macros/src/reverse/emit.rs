//! Emission of the generated functions: signatures, doc headers, lint allows, and the
//! assembly of the two sweeps into `f_pullback`, `f_vjp` and `f_grad`.
//!
//! `f_pullback(args) -> (R, impl FnOnce(R) -> (T0, T1, ..))` runs the forward sweep once
//! and returns the reverse sweep as a closure owning exactly what it needs (rustc's capture
//! analysis picks the values the reverse sweep reads). Its result has one slot per
//! parameter (`()` for constants), so a caller knows where each argument's cotangent is
//! without seeing the callee's signature. Callers use it for calls between differentiable
//! functions, so a call chain costs one forward pass per call, never a re-run per level.
//! A self-recursive function returns a boxed closure (an opaque type cannot contain itself).
//!
//! `f_vjp(args, seed)` calls `f_pullback` and then its closure, unless a loop of the body can
//! be fused (see "Loop fusion" in the `reverse` module docs): then it has its own body, which knows the
//! seed before the forward sweep and runs that loop's reverse inside its forward loop, so the
//! loop makes one pass instead of two. `f_grad` is `f_vjp(.., 1.0)`. `f_pullback` never fuses
//! (its caller supplies the cotangent only after the forward sweep), so calls between
//! differentiable functions are unchanged.

use crate::codegen::{NameLifetimes, tangent_type};
use crate::front::Signature;
use crate::ir::Func;
use crate::reverse::Gen;
use crate::reverse::plan::Analysis;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::visit_mut::VisitMut;
use syn::{Ident, Type};

pub fn emit(item: &syn::ItemFn, sig: &Signature, func: &Func, an: &Analysis) -> TokenStream {
    let sweeps = Gen::new(func, an);
    let rt = quote!(::ad_runtime::__private);
    let name = &item.sig.ident;
    let vis = &item.vis;
    let ret_ty = &sig.ret_ty;
    let pullback = format_ident!("{}_pullback", name);
    let vjp = format_ident!("{}_vjp", name);
    let grad = format_ident!("{}_grad", name);
    // Unchecked adjoint accesses (see `Gen::unchecked_adjoint`) are `unsafe` blocks: allowed
    // here for crates that deny `unsafe_code`; `#[differentiable(checked)]` emits none.
    let allow_unsafe = (!func.checked).then(|| quote!(#[allow(unsafe_code)]));

    // Sweeps first: generating them registers the tapes.
    let fwd = sweeps.fwd_block(&func.body);
    let rev = sweeps.rev_body();
    let tapes = sweeps.tapes();

    let flow = func.flow.map(|f| {
        let f = &func.vars[f].ident;
        quote!(let mut #f: u32 = 0;)
    });
    let ret = &func.vars[func.ret].ident;
    let out_value = if func.ret_deferred {
        quote!(match #ret { ::core::option::Option::Some(v) => v, ::core::option::Option::None => ::core::unreachable!() })
    } else {
        quote!(#ret)
    };

    // Adjoints of the function body's variables, parameters and result.
    let seed = Ident::new("__seed", Span::mixed_site());
    let adj_decls = sweeps.body_adjoints(&seed, true);
    // One entry per parameter: the adjoint of a differentiated one, `inactive` otherwise.
    let per_param = |inactive: TokenStream| -> Vec<TokenStream> {
        sig.params
            .iter()
            .map(|p| {
                if p.active {
                    sweeps.param_gradient(p.var)
                } else {
                    inactive.clone()
                }
            })
            .collect()
    };
    let slots = per_param(quote!(#rt::NotDifferentiated));
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

    // Signature of the pullback: named lifetimes, precise capturing.
    let mut namer = NameLifetimes { used: false };
    let pb_params: Vec<TokenStream> = sig
        .params
        .iter()
        .map(|p| {
            let mut ty = p.ty.clone();
            namer.visit_type_mut(&mut ty);
            let i = &p.ident;
            let m = p.mutable.then(|| quote!(mut));
            quote!(#m #i: #ty)
        })
        .collect();
    let mut lifetimes: Vec<TokenStream> =
        sig.lifetimes.iter().map(|l| l.to_token_stream()).collect();
    let mut captured: Vec<TokenStream> = sig
        .lifetimes
        .iter()
        .map(|l| l.lifetime.to_token_stream())
        .collect();
    if namer.used {
        lifetimes.insert(0, quote!('__ad));
        captured.insert(0, quote!('__ad));
    }
    let generics = if lifetimes.is_empty() {
        quote!()
    } else {
        quote!(<#(#lifetimes),*>)
    };
    let closure_ty = quote!(FnOnce(#ret_ty) -> (#(#slot_types,)*));
    let pb_ret = if sig.self_recursive {
        let bound = if namer.used {
            quote!(+ '__ad)
        } else {
            quote!()
        };
        quote!(::std::boxed::Box<dyn #closure_ty #bound>)
    } else {
        quote!(impl #closure_ty + use<#(#captured),*>)
    };

    let tape_decls = tapes.iter().map(|t| quote!(let mut #t = #rt::Tape::new();));
    let param_names: Vec<&Ident> = sig.params.iter().map(|p| &p.ident).collect();
    let active: Vec<&crate::front::Param> = sig.params.iter().filter(|p| p.active).collect();
    let wrt_list = active
        .iter()
        .map(|p| format!("`{}`", p.ident))
        .collect::<Vec<_>>()
        .join(", ");

    let closure = quote! {
        move |#seed: #ret_ty| {
            #adj_decls
            #rev
            (#(#slots,)*)
        }
    };
    let closure = if sig.self_recursive {
        quote!(::std::boxed::Box::new(#closure))
    } else {
        closure
    };
    let pb_doc = format!(
        " Split reverse mode of [`{name}`] (generated by `#[differentiable]`): runs the forward sweep once and returns the value with a closure that maps an output cotangent to one cotangent slot per parameter (`()` for constants). Used for calls between differentiable functions."
    );
    let pullback_fn = quote! {
        #[doc = #pb_doc]
        #[doc(hidden)]
        #[inline]
        #[allow(unused_mut, unused_variables,
            unused_assignments, unused_parens, unused_braces, non_snake_case, clippy::all)] // generated code: mirrors the user's body statement by statement
        #allow_unsafe
        #vis fn #pullback #generics (#(#pb_params),*) -> (#ret_ty, #pb_ret) {
            #flow
            #(#tape_decls)*
            #fwd
            let #seed = #out_value;
            (#seed, #closure)
        }
    };

    // f_vjp and f_grad, with the contract's exact signatures.
    let user_params: Vec<TokenStream> = sig
        .params
        .iter()
        .map(|p| {
            let (i, ty) = (&p.ident, &p.ty);
            quote!(#i: #ty)
        })
        .collect();
    let mut seed_name = format_ident!("seed");
    while sig.params.iter().any(|p| p.ident == seed_name) {
        seed_name = format_ident!("{}_", seed_name);
    }
    let grad_types: Vec<TokenStream> = active.iter().map(|p| tangent_type(&p.ty)).collect();
    let (g_ty, g_val) = if grad_types.len() == 1 {
        let t = &grad_types[0];
        (quote!(#t), {
            let d = sweeps.adj(active[0].var);
            quote!(#d)
        })
    } else {
        let ds: Vec<Ident> = active.iter().map(|p| sweeps.adj(p.var)).collect();
        (quote!((#(#grad_types),*)), quote!((#(#ds),*)))
    };
    let destructure: Vec<TokenStream> = sig
        .params
        .iter()
        .map(|p| {
            if p.active {
                let d = sweeps.adj(p.var);
                quote!(#d)
            } else {
                quote!(_)
            }
        })
        .collect();
    let vjp_doc = format!(
        " Reverse-mode derivative of [`{name}`] (generated by `#[differentiable]`): returns `{name}({})` and the vector–Jacobian product, the cotangent{} of {wrt_list} given the output cotangent `{seed_name}`.",
        param_names
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        if active.len() == 1 { "" } else { "s" },
    );
    let y = Ident::new("__y", Span::mixed_site());
    let pbv = Ident::new("__pb", Span::mixed_site());
    let lt_generics = if sig.lifetimes.is_empty() {
        quote!()
    } else {
        let l = &sig.lifetimes;
        quote!(<#(#l),*>)
    };
    let vjp_fn = match Gen::fuse(func, an) {
        // The seed is known before the forward sweep: one loop's reverse runs inside it.
        Some(crate::reverse::Fused {
            early_adjoints,
            head_fwd,
            tail_rev,
            fused_loop,
            tail_fwd,
            head_rev,
            tapes,
        }) => {
            // Declared before the body's buffers exist: adjoints of buffers made before the
            // fused loop are declared by `head_fwd` (at the buffer's length), the others grow.
            let adj_decls = Gen::new(func, an).without_presized().body_adjoints_except(
                &seed,
                true,
                &early_adjoints,
            );
            let tape_decls = tapes.iter().map(|t| quote!(let mut #t = #rt::Tape::new();));
            let params: Vec<TokenStream> = sig
                .params
                .iter()
                .map(|p| {
                    let (i, ty) = (&p.ident, &p.ty);
                    let m = p.mutable.then(|| quote!(mut));
                    quote!(#m #i: #ty)
                })
                .collect();
            let value = Ident::new("__value", Span::mixed_site());
            // The gradients as `f_pullback`'s closure returns them (shaped array gradients).
            let shaped: Vec<TokenStream> = active
                .iter()
                .map(|p| sweeps.param_gradient(p.var))
                .collect();
            let g_shaped = if shaped.len() == 1 {
                shaped[0].clone()
            } else {
                quote!((#(#shaped),*))
            };
            quote! {
                #[doc = #vjp_doc]
                #[inline]
                #[allow(unused_mut, unused_variables, unused_assignments, unused_parens,
                    unused_braces, non_snake_case, clippy::all)] // generated code: mirrors the user's body statement by statement
                #allow_unsafe
                #vis fn #vjp #lt_generics (#(#params,)* #seed_name: #ret_ty) -> (#ret_ty, #g_ty) {
                    let #seed: #ret_ty = #seed_name;
                    #flow
                    #(#tape_decls)*
                    #adj_decls
                    #head_fwd
                    #tail_rev
                    #fused_loop
                    #tail_fwd
                    let #value = #out_value;
                    #head_rev
                    (#value, #g_shaped)
                }
            }
        }
        None => quote! {
            #[doc = #vjp_doc]
            #[inline]
            #[allow(non_snake_case, clippy::all)] // generated code
            #vis fn #vjp #lt_generics (#(#user_params,)* #seed_name: #ret_ty) -> (#ret_ty, #g_ty) {
                let (#y, #pbv) = #pullback(#(#param_names),*);
                let (#(#destructure,)*) = #pbv(#seed_name);
                (#y, #g_val)
            }
        },
    };
    let is_float =
        matches!(ret_ty, Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"));
    let grad_fn = is_float.then(|| {
        let doc = format!(
            " Value and gradient of [`{name}`] with respect to {wrt_list} (generated by `#[differentiable]`): `{vjp}(.., 1.0)`."
        );
        quote! {
            #[doc = #doc]
            #[inline]
            #[allow(non_snake_case, clippy::all)] // generated code
            #vis fn #grad #lt_generics (#(#user_params),*) -> (#ret_ty, #g_ty) {
                #vjp(#(#param_names,)* 1.0)
            }
        }
    });
    quote! {
        #pullback_fn
        #vjp_fn
        #grad_fn
    }
}
