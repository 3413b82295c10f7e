//! Nested differentiation: a differentiable body may call `g_grad` (a gradient inside the
//! function being differentiated: perturbation-confusion tests, gradient penalties,
//! physics-informed losses, Newton steps). A call of `g_grad` is an ordinary call to the
//! transformation (`g_grad_pullback` in reverse mode, `g_grad_pushforward` in forward mode,
//! `g_grad_hvp_pullback` in second order), so each function with a second order emits those
//! for its `g_grad`, all from `g_hvp`:
//!
//! - reverse: `g_grad(x) = (g(x), ∇g(x))`; the cotangent `(r̄, Ḡ)` of that pair pulls back to
//!   `r̄ ∇g(x) + H Ḡ` (`H` is symmetric, so `Ḡᵀ H = (H Ḡ)ᵀ`): one `g_hvp(x, Ḡ)`;
//! - forward: the tangent of the pair along `ẋ` is `(∇g · ẋ, H ẋ)`: one `g_hvp(x, ẋ)` and
//!   one `g_jvp(x, ẋ)` (in `forward`, which has the tangent slots);
//! - second order of the caller would need third derivatives of `g`: a stub that fails to
//!   compile where it is instantiated (as `nest`'s stubs do), naming `g`.
//!
//! Cost: these are wrappers (no sweep of their own), so nesting costs `g`'s second order,
//! O(1) gradients per call; nothing is emitted for functions without a second order.

use crate::front::Signature;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;

/// Whether `f_grad` of this function can be called in a differentiable body (see the module
/// docs): a free function with a float result, a differentiated parameter, and parameters of
/// the plain types ([`plain_type`]; methods, struct and `Option` parameters are left out for
/// now: their dual forms differ).
pub fn nestable(sig: &Signature) -> bool {
    matches!(&sig.ret_ty, syn::Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"))
        && sig.params.iter().any(|p| p.active)
        && sig
            .params
            .iter()
            .all(|p| p.ident != "self" && plain_type(&p.ty))
}

/// Floats, integers and `bool`, and shared references, slices, fixed-size arrays, `Vec`s and
/// ndarray arrays of those.
fn plain_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => r.mutability.is_none() && plain_type(&r.elem),
        syn::Type::Slice(s) => plain_type(&s.elem),
        syn::Type::Array(a) => plain_type(&a.elem),
        syn::Type::Paren(p) => plain_type(&p.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match &last.arguments {
                syn::PathArguments::None => {
                    matches!(name.as_str(), "f64" | "f32" | "bool")
                        || crate::ir::INT_TYPES.contains(&name.as_str())
                }
                syn::PathArguments::AngleBracketed(a) if name == "Vec" => {
                    matches!(a.args.first(), Some(syn::GenericArgument::Type(t)) if plain_type(t))
                }
                syn::PathArguments::AngleBracketed(a) if name.starts_with("Array") => a
                    .args
                    .iter()
                    .all(|g| !matches!(g, syn::GenericArgument::Type(t) if !plain_type(t) && !dimension(t))),
                _ => false,
            }
        }
        _ => false,
    }
}

/// An ndarray dimension type argument (`Ix2`, `IxDyn`).
fn dimension(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident.to_string().starts_with("Ix")))
}

/// `sig` as the signature of `f_grad` seen as a function: the result `(R, G)`.
fn grad_signature(sig: &Signature) -> Signature {
    let ret = &sig.ret_ty;
    let g = crate::codegen::gradient_type(sig);
    let mut gsig = sig.clone();
    gsig.ret_ty = syn::parse_quote!((#ret, #g));
    gsig
}

/// `f_grad_pullback` and the second-order stub `f_grad_hvp_pullback` (see the module docs).
pub fn emit(item: &syn::ItemFn, sig: &Signature) -> TokenStream {
    if !nestable(sig) {
        return TokenStream::new();
    }
    let rt = quote!(::ad_runtime::__private);
    let name = &item.sig.ident;
    let vis = &item.vis;
    let (grad, hvp, pullback) = (
        format_ident!("{}_grad", name),
        format_ident!("{}_hvp", name),
        format_ident!("{}_grad_pullback", name),
    );
    let mixed = |s: String| Ident::new(&s, Span::mixed_site());
    let gsig = grad_signature(sig);
    let crate::reverse::emit::PullbackSignature {
        generics,
        params,
        ret,
        ..
    } = crate::reverse::emit::pullback_signature(&gsig, None);
    let pair_ty = &gsig.ret_ty;
    let args: Vec<&Ident> = sig.params.iter().map(|p| &p.ident).collect();
    let active: Vec<(usize, &crate::front::Param)> = sig
        .params
        .iter()
        .enumerate()
        .filter(|(_, p)| p.active)
        .collect();
    let names = |prefix: &str| -> Vec<Ident> {
        active
            .iter()
            .map(|(k, _)| mixed(format!("{prefix}{k}")))
            .collect()
    };
    let (gbars, grads, hvs) = (names("__gbar"), names("__gr"), names("__hv"));
    let tuple = |v: &[Ident]| {
        if v.len() == 1 {
            let i = &v[0];
            quote!(#i)
        } else {
            quote!((#(#v),*))
        }
    };
    let (gbar_pat, grad_pat, hv_pat) = (tuple(&gbars), tuple(&grads), tuple(&hvs));
    // `g_hvp`'s tangents are of the parameters' types.
    let tangents = active
        .iter()
        .zip(&gbars)
        .map(|((_, p), g)| argument(&p.ty, g, quote!(#g)));
    let (rbar, gbar) = (mixed("__rbar".into()), mixed("__gbar".into()));
    let mut k_active = 0;
    let slots: Vec<TokenStream> = sig
        .params
        .iter()
        .map(|p| {
            if p.active {
                let (g, h) = (&grads[k_active], &hvs[k_active]);
                k_active += 1;
                quote!(#rt::nested_cotangent(#rbar, #g, #h))
            } else {
                quote!(#rt::NotDifferentiated)
            }
        })
        .collect();
    // A sequence's cotangent may stop at the last entry the caller wrote: padded with zeros
    // to the argument's length (`g_hvp` takes it as a tangent).
    let pads = active.iter().zip(&gbars).map(|((_, p), g)| {
        let i = &p.ident;
        let primal = match &p.ty {
            syn::Type::Reference(_) => quote!(#i),
            _ => quote!(&#i),
        };
        quote!(let #g = #rt::pad_like(#g, #primal);)
    });
    let closure = quote! {
        move |(#rbar, #gbar): #pair_ty| {
            let #gbar_pat = #gbar;
            #(#pads)*
            let (_, #grad_pat, #hv_pat) = #hvp(#(#args,)* #(#tangents),*);
            (#(#slots,)*)
        }
    };
    let closure = if sig.boxed_pullback {
        quote!(::std::boxed::Box::new(#closure))
    } else {
        closure
    };
    let value = mixed("__value".into());
    let clones = crate::codegen::params_and_clones(sig).1;
    let doc = format!(
        " Split reverse mode of [`{name}_grad`] (generated by `#[differentiable]`), for `{name}_grad` called in a differentiable body: the cotangent `(r̄, Ḡ)` of the value and gradient pulls back to `r̄ ∇{name} + H Ḡ`, one `{name}_hvp`."
    );
    let dual = dual_grad_pullback(item, sig, &gsig);
    quote! {
        #[doc = #doc]
        #[doc(hidden)]
        #[inline]
        #[allow(unused_mut, unused_variables, non_snake_case, clippy::all)] // generated code
        #vis fn #pullback #generics (#(#params),*) -> #ret {
            let #value = #grad(#(#clones),*);
            (#value, #closure)
        }
        #dual
    }
}

/// `f_grad_hvp_pullback::<M>` on dual numbers: its value, `(f, ∇f)` with their tangents
/// `(∇f · ẋ, H ẋ)` (one `f_jvp` and one `f_hvp` on the arguments' real and tangent parts),
/// is what forward mode on arrays runs (`M` = `NoRecord`, the caller's `f_jvp`). Its reverse
/// half would need third derivatives: with a recording `M` (the caller's second order) it
/// fails to compile where instantiated, naming `f`.
fn dual_grad_pullback(item: &syn::ItemFn, sig: &Signature, gsig: &Signature) -> TokenStream {
    let rt = quote!(::ad_runtime::__private);
    let name = &item.sig.ident;
    let vis = &item.vis;
    let mixed = |s: String| Ident::new(&s, Span::mixed_site());
    let mut dsig = crate::nest::lift_signature_of(gsig);
    dsig.boxed_pullback = sig.boxed_pullback;
    let marker = crate::codegen::hvp_marker();
    let crate::reverse::emit::PullbackSignature {
        generics,
        params,
        fn_pointer,
        ..
    } = crate::reverse::emit::pullback_signature(&dsig, Some(&marker));
    let pair_ty = &dsig.ret_ty;
    // Its pullback never runs and captures nothing: a function pointer, not an opaque
    // closure type (one `impl FnOnce` less for rustc per function).
    let ret = quote!((#pair_ty, #fn_pointer));
    let msg = format!(
        "`{name}_grad` called in a differentiable function has first-order derivatives only (its second order would need third derivatives of `{name}`): differentiate the caller with `_grad` / `_vjp` / `_jvp`"
    );
    let (jvp, hvp) = (format_ident!("{}_jvp", name), format_ident!("{}_hvp", name));
    let pullback = format_ident!("{}_grad_hvp_pullback", name);
    let mut split = TokenStream::new();
    let (mut re_args, mut eps_args) = (Vec::new(), Vec::new());
    for (k, p) in sig.params.iter().enumerate() {
        let i = &p.ident;
        if !p.active && crate::front::is_constant_type(&p.ty) {
            re_args.push(quote!(::core::clone::Clone::clone(&#i)));
            continue;
        }
        let (re, eps) = (mixed(format!("__re{k}")), mixed(format!("__eps{k}")));
        split.extend(if p.active {
            quote!(let (#re, #eps) = #rt::SplitArg::split_arg(&#i);)
        } else {
            // A constant float parameter (left out of `wrt`) is lifted too: its value.
            quote!(let #re = #rt::undual_ref(&#i);)
        });
        let pass = |v: &Ident| argument(&p.ty, v, quote!(::core::clone::Clone::clone(&#v)));
        re_args.push(pass(&re));
        if p.active {
            eps_args.push(pass(&eps));
        }
    }
    let active: Vec<usize> = (0..sig.params.len())
        .filter(|&k| sig.params[k].active)
        .collect();
    let (grad, hv) = (mixed("__grad".into()), mixed("__hv".into()));
    let lifted: Vec<TokenStream> = if active.len() == 1 {
        vec![quote!(#rt::LiftDual::lift(&#grad, &#hv))]
    } else {
        (0..active.len())
            .map(|j| {
                let j = syn::Index::from(j);
                quote!(#rt::LiftDual::lift(&#grad.#j, &#hv.#j))
            })
            .collect()
    };
    let lifted = if lifted.len() == 1 {
        lifted[0].clone()
    } else {
        quote!((#(#lifted),*))
    };
    let closure = quote!(|_: #pair_ty| ::core::unreachable!());
    let (value, rdot) = (mixed("__value".into()), mixed("__rdot".into()));
    quote! {
        #[doc(hidden)]
        #[inline]
        #[allow(unused_variables, unused_mut, unreachable_code, non_snake_case, clippy::all)] // generated code
        #vis fn #pullback #generics (#(#params),*) -> #ret {
            const { if <#marker as #rt::Recording>::RECORD { ::core::panic!(#msg) } };
            #split
            let (_, #rdot) = #jvp(#(#re_args,)* #(#eps_args),*);
            let (#value, #grad, #hv) = #hvp(#(#re_args,)* #(#eps_args),*);
            ((#rt::Dual::new(#value, #rdot), #lifted), #closure)
        }
    }
}

/// An owned value `v` (a `Vec`, an array, a float) passed where the user's function takes a
/// parameter of type `ty`: borrowed for a reference (`&Vec<f64>` for `&[f64]`, by deref
/// coercion), viewed for an `ArrayView`, else `by_value`.
fn argument(ty: &syn::Type, v: &Ident, by_value: TokenStream) -> TokenStream {
    match ty {
        syn::Type::Reference(_) => quote!(&#v),
        syn::Type::Path(t)
            if t.path
                .segments
                .last()
                .is_some_and(|s| s.ident.to_string().starts_with("ArrayView")) =>
        {
            quote!(#v.view())
        }
        _ => by_value,
    }
}
