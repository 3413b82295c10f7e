//! Second order by nesting the modes: `f_hvp` (Hessian–vector product) and `f_hessian`.
//!
//! # Design: forward over reverse, by types over source
//!
//! `H·v` is the directional derivative of the gradient along `v`: forward mode applied to
//! reverse mode. Of the two ways to nest a source transformation (`../DESIGN.md`), this
//! module takes "types over source": the function is lifted to dual numbers
//! ([`dual::lift`]: every float becomes `ad_runtime::Dual<F>`, a value with a tangent) and
//! the *reverse backend, unchanged*, prints its reverse sweep for the lifted function as the
//! hidden `f_hvp_pullback`. Run with the parameters paired with `v`, that one sweep returns
//! the gradient in its real parts and `H·v` in its tangent parts: the cost is one gradient
//! on numbers twice as wide (about 2–3 flops per flop), never `n` gradients. Every
//! optimisation of reverse mode (restore-on-reverse, recomputation, loop fusion is not used
//! by pullbacks, bounds-check hoisting, registers) applies to the second-order code as is,
//! and so does every future construct.
//!
//! The other way, source over source (the forward transformation run over the generated
//! reverse sweep, as Tapenade does), would keep every rule a plain `f64` kernel, but the
//! reverse sweep is printed tokens, not IR, and every rule would need a hand-written JVP of
//! its VJP. Duals need nothing per rule: the scalar rules are generic over
//! `num_traits::Float`, which `Dual` implements.
//!
//! # Scope and the stub
//!
//! Lifted are functions of scalars, slices, `Vec`s, fixed-size arrays and ndarray arrays
//! (`Dual` is a `TensorFloat`, so the tensor rules and the `nn` ops run on dual arrays as
//! they are; array constructors in the body make dual arrays; `mapv` closures have their
//! tokens and their body lifted, casts in the tokens as `dual_cast`), `concatenate`/`stack`
//! included. For a lifted function that the checks reject and for custom rules without a
//! second-order rule (`emit_stub`), `f_hvp_pullback` is a stub with the same signature whose body fails to compile
//! when it is instantiated, with a message naming the function: a post-monomorphisation
//! error. Every dual pullback is generic over a marker type parameter
//! (`codegen::hvp_marker`), passed down through calls, so the stub is only instantiated when
//! `f_hvp` or `f_hessian` of some caller is used; code that does not use second order builds
//! as before. Callers call `g_hvp_pullback` whatever `g` is, so the decision is local to each
//! function. A call that is not differentiated runs the primal on the values of its
//! arguments (the callee need not be differentiable) and lifts its result.
//!
//! Cost: the dual pullback is machine code only where used, but rustc expands and
//! type-checks it for every function; `#[differentiable(order = 1)]` leaves it out.

pub mod dual;
pub mod nested;
pub mod shared;
mod tokens;

use crate::codegen::{hvp_marker, tangent_type};
use crate::ctxt::Ctxt;
use crate::front::Signature;
use crate::ir::{Func, Op, Stmt};
use crate::sema::Kind;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Ident, Type};

/// `f_hvp_pullback`, `f_hvp` and `f_hessian` (the last two only for a float result), and
/// with `jvp` the function's `f_jvp` by dual numbers (forward mode's own transformation does
/// not take it).
pub fn emit(
    item: &syn::ItemFn,
    sig: &Signature,
    func: &Func,
    kinds: &[Kind],
    jvp: bool,
) -> TokenStream {
    let name = &item.sig.ident;
    let pullback = format_ident!("{}_hvp_pullback", name);
    let marker = hvp_marker();
    let (dsig, dfunc) = dual::lift(sig, func, kinds);
    let active: Vec<usize> = dsig
        .params
        .iter()
        .filter(|p| p.active)
        .map(|p| p.var)
        .collect();
    let cx = Ctxt::new();
    let an = crate::reverse::plan::analyze(&cx, &dfunc, &active);
    let pullback_fn = match cx.check() {
        Ok(()) => {
            let sweeps = crate::reverse::Gen::new(&dfunc, &an);
            crate::reverse::emit::pullback_fn(
                item,
                &dsig,
                &dfunc,
                &sweeps,
                &pullback,
                Some(&marker),
            )
        }
        // The lifted function is checked again; what it rejects is named in the stub.
        Err(e) => stub(
            item,
            &dsig,
            &pullback,
            &format!("this function (lifted to dual numbers: {e})"),
        ),
    };
    let jvp_fn = jvp.then(|| jvp_fn(item, sig, &dsig));
    let is_float =
        matches!(&sig.ret_ty, Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"));
    if !is_float || !sig.params.iter().any(|p| p.active) {
        return quote!(#pullback_fn #jvp_fn);
    }
    let hvp = hvp_fn(item, sig, &dsig);
    let hessian = hessian_fn(item, sig);
    quote!(#pullback_fn #jvp_fn #hvp #hessian)
}

/// Second order of a function that is not lifted at all (custom rules): the stub
/// `f_hvp_pullback` that fails where it is instantiated with a message naming `why`, and
/// `f_hvp`, `f_hessian` around it, so that callers' second-order code compiles and fails
/// only where it is used.
pub fn emit_stub(item: &syn::ItemFn, sig: &Signature, why: &str) -> TokenStream {
    let dsig = dual::lift_signature(sig);
    let pullback = format_ident!("{}_hvp_pullback", item.sig.ident);
    emit_around(item, sig, stub(item, &dsig, &pullback, why))
}

/// `sig` with its floats (and derived structs) lifted to dual numbers.
pub fn lift_signature_of(sig: &Signature) -> Signature {
    dual::lift_signature(sig)
}

/// `f_hvp` and `f_hessian` around a dual pullback made elsewhere (custom rules' nesting).
pub fn emit_around(item: &syn::ItemFn, sig: &Signature, pullback_fn: TokenStream) -> TokenStream {
    let dsig = dual::lift_signature(sig);
    let is_float =
        matches!(&sig.ret_ty, Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"));
    if !is_float || !sig.params.iter().any(|p| p.active) {
        return pullback_fn;
    }
    let hvp = hvp_fn(item, sig, &dsig);
    let hessian = hessian_fn(item, sig);
    quote!(#pullback_fn #hvp #hessian)
}

/// A dual pullback that fails to compile where it is instantiated (see the module docs).
fn stub(item: &syn::ItemFn, dsig: &Signature, pullback: &Ident, why: &str) -> TokenStream {
    let name = &item.sig.ident;
    let msg = format!(
        "second order (`{name}_hvp`, `{name}_hessian`) does not support {why} yet: differentiate `{name}` once with `{name}_grad` / `{name}_vjp`"
    );
    stub_with(item, dsig, pullback, &msg)
}

/// [`stub`] with its message.
pub(crate) fn stub_with(
    item: &syn::ItemFn,
    dsig: &Signature,
    pullback: &Ident,
    msg: &str,
) -> TokenStream {
    let vis = &item.vis;
    let marker = hvp_marker();
    let crate::reverse::emit::PullbackSignature {
        generics,
        params,
        ret,
        ..
    } = crate::reverse::emit::pullback_signature(dsig, Some(&marker));
    let ret_ty = &dsig.ret_ty;
    let closure = quote!(move |_: #ret_ty| ::core::unreachable!());
    let closure = if dsig.boxed_pullback {
        quote!(::std::boxed::Box::new(#closure))
    } else {
        closure
    };
    let stub_ty = Ident::new("__NoSecondOrder", Span::mixed_site());
    quote! {
        #[doc(hidden)]
        #[inline]
        #[allow(unused_variables, unused_mut, unreachable_code, non_snake_case, clippy::all)] // generated stub
        #vis fn #pullback #generics (#(#params),*) -> #ret
        {
            struct #stub_ty<T>(::core::marker::PhantomData<T>);
            impl<T> #stub_ty<T> {
                const UNSUPPORTED: () = ::core::panic!(#msg);
            }
            let () = #stub_ty::<#marker>::UNSUPPORTED;
            (::core::unreachable!(), #closure)
        }
    }
}

/// The arguments of a call of the dual pullback from a user-facing function: each
/// differentiated parameter paired with its tangent `d<name>`, the other floats as dual
/// constants, the rest as they are.
struct LiftedCall {
    /// The parameters, then one tangent parameter per differentiated one.
    params: Vec<TokenStream>,
    tangent_params: Vec<TokenStream>,
    /// `let __lk = lift(..)` for each lifted argument.
    lifts: Vec<TokenStream>,
    /// The call's arguments.
    args: Vec<TokenStream>,
    /// Lifted arguments passed by reference, whose memory goes back to the pool after.
    recycled: Vec<Ident>,
}

fn lifted_call(sig: &Signature, dsig: &Signature) -> LiftedCall {
    let rt = quote!(::ad_runtime::__private);
    let mixed = |s: String| Ident::new(&s, Span::mixed_site());
    let mut c = LiftedCall {
        params: Vec::new(),
        tangent_params: Vec::new(),
        lifts: Vec::new(),
        args: Vec::new(),
        recycled: Vec::new(),
    };
    for (k, (p, dp)) in sig.params.iter().zip(&dsig.params).enumerate() {
        let (i, ty) = (&p.ident, &p.ty);
        c.params.push(quote!(#i: #ty));
        let lifted = quote!(#ty).to_string() != {
            let t = &dp.ty;
            quote!(#t).to_string()
        };
        let l = mixed(format!("__l{k}"));
        let view = matches!(ty, Type::Path(p)
            if p.path.segments.last().is_some_and(|s| s.ident.to_string().starts_with("ArrayView")));
        // Passed by reference (or as a view): the lifted value's memory goes back to the pool
        // after the call.
        let borrowed = view || matches!(ty, Type::Reference(_));
        // `Option<&X>`: the lifted constant is an owned `Option`, passed borrowed.
        let option_ref = match ty {
            Type::Path(p) => p.path.segments.last().and_then(|s| match &s.arguments {
                syn::PathArguments::AngleBracketed(a)
                    if s.ident == "Option" && a.args.len() == 1 =>
                {
                    match &a.args[0] {
                        syn::GenericArgument::Type(Type::Reference(r)) => Some(r.elem.clone()),
                        _ => None,
                    }
                }
                _ => None,
            }),
            _ => None,
        };
        let pass = match ty {
            Type::Reference(r) if r.mutability.is_some() => quote!(&mut #l),
            Type::Reference(_) => quote!(&#l),
            _ if view => quote!(#l.view()),
            _ => match option_ref.as_deref() {
                // A slice is held as a `Vec`: deref'd back to the slice.
                Some(Type::Slice(_)) => quote!(#l.as_deref()),
                Some(_) => quote!(#l.as_ref()),
                None => quote!(#l),
            },
        };
        if p.active {
            let d = crate::codegen::tangent_ident(i);
            c.tangent_params.push(quote!(#d: #ty));
            c.lifts
                .push(quote!(let mut #l = #rt::LiftDual::lift(&#i, &#d);));
        } else if lifted {
            c.lifts
                .push(quote!(let mut #l = #rt::LiftDual::lift_const(&#i);));
        } else {
            c.args.push(quote!(#i));
            continue;
        }
        c.args.push(pass);
        if borrowed {
            c.recycled.push(l);
        }
    }
    c
}

fn wrt_list(sig: &Signature) -> String {
    sig.params
        .iter()
        .filter(|p| p.active)
        .map(|p| format!("`{}`", p.ident))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `f_jvp(args.., tangents..) -> (R, T)` for a function forward mode's own transformation
/// does not take (ndarray arrays): the value of the dual pullback run on the arguments
/// paired with their tangents is the primal on dual numbers, whose tangent parts are the
/// JVP. Its reverse half is never run, so it runs with the marker `NoRecord`: its tapes (and
/// its callees', which get the marker) keep nothing, and forward mode stores nothing
/// (`tests/tensor_memory.rs`). One generic function serves both, so this costs no code.
fn jvp_fn(item: &syn::ItemFn, sig: &Signature, dsig: &Signature) -> TokenStream {
    let rt = quote!(::ad_runtime::__private);
    let name = &item.sig.ident;
    let vis = &item.vis;
    let ret_ty = &sig.ret_ty;
    let tr = tangent_type(ret_ty);
    let (jvp, pullback) = (
        format_ident!("{}_jvp", name),
        format_ident!("{}_hvp_pullback", name),
    );
    let LiftedCall {
        params,
        tangent_params,
        lifts,
        args,
        recycled,
    } = lifted_call(sig, dsig);
    let lt = crate::codegen::lifetime_generics(sig);
    let y = Ident::new("__y", Span::mixed_site());
    let doc = format!(
        " Forward-mode derivative of [`{name}`] (generated by `#[differentiable]`): returns its value and the Jacobian–vector product along the tangents of {} (given after the arguments, one per differentiated parameter, of the same type). Computed on dual numbers (forward mode's own transformation does not take ndarray arrays yet).",
        wrt_list(sig)
    );
    quote! {
        #[doc = #doc]
        #[inline]
        #[allow(non_snake_case, unused_mut, clippy::all)] // generated code
        #vis fn #jvp #lt (#(#params,)* #(#tangent_params),*) -> (#ret_ty, #tr) {
            #(#lifts)*
            let (#y, _) = #pullback::<#rt::NoRecord>(#(#args),*);
            #(#rt::Recycle::recycle(#recycled);)*
            #rt::SplitDual::split(#y)
        }
    }
}

/// `f_hvp(args.., tangents..) -> (R, G, G)`: lifts the arguments, runs the dual pullback on
/// the seed `1`, splits the dual gradient.
fn hvp_fn(item: &syn::ItemFn, sig: &Signature, dsig: &Signature) -> TokenStream {
    let rt = quote!(::ad_runtime::__private);
    let name = &item.sig.ident;
    let vis = &item.vis;
    let ret_ty = &sig.ret_ty;
    let (hvp, pullback) = (
        format_ident!("{}_hvp", name),
        format_ident!("{}_hvp_pullback", name),
    );
    let mixed = |s: String| Ident::new(&s, Span::mixed_site());
    let LiftedCall {
        params,
        tangent_params,
        lifts,
        args,
        recycled,
    } = lifted_call(sig, dsig);
    let mut slots = Vec::new();
    let mut grads = Vec::new();
    let mut hvs = Vec::new();
    let mut splits = Vec::new();
    let mut grad_types = Vec::new();
    for (k, p) in sig.params.iter().enumerate() {
        if !p.active {
            slots.push(quote!(_));
            continue;
        }
        let (s, g, h) = (
            mixed(format!("__s{k}")),
            mixed(format!("__g{k}")),
            mixed(format!("__h{k}")),
        );
        slots.push(quote!(#s));
        splits.push(quote!(let (#g, #h) = #rt::SplitDual::split(#s);));
        grads.push(g);
        hvs.push(h);
        grad_types.push(tangent_type(&p.ty));
    }
    let (g_ty, g, h) = if grads.len() == 1 {
        let (t, g, h) = (&grad_types[0], &grads[0], &hvs[0]);
        (quote!(#t), quote!(#g), quote!(#h))
    } else {
        (
            quote!((#(#grad_types),*)),
            quote!((#(#grads),*)),
            quote!((#(#hvs),*)),
        )
    };
    let lt = crate::codegen::lifetime_generics(sig);
    let marker = quote!(());
    let (y, pb) = (mixed("__y".into()), mixed("__pb".into()));
    let doc = format!(
        " Hessian–vector product of [`{name}`] (generated by `#[differentiable]`): returns its value, its gradient with respect to {} (as `{name}_grad`) and `H·v`, the directional derivative of that gradient along the tangents given after the arguments (one per differentiated parameter, of the same type). Forward over reverse: one reverse sweep on dual numbers.",
        wrt_list(sig)
    );
    quote! {
        #[doc = #doc]
        #[inline]
        #[allow(non_snake_case, unused_mut, clippy::all)] // generated code
        #vis fn #hvp #lt (#(#params,)* #(#tangent_params),*) -> (#ret_ty, #g_ty, #g_ty) {
            #(#lifts)*
            let (#y, #pb) = #pullback::<#marker>(#(#args),*);
            let (#(#slots,)*) = #pb(::ad_runtime::Dual::cst(1.0));
            #(#rt::Recycle::recycle(#recycled);)*
            #(#splits)*
            (#y.re, #g, #h)
        }
    }
}

/// `f_hessian(args..) -> (R, G, Array2<R>)`: one `f_hvp` per unit vector (the Hessian's
/// columns), for parameters that flatten to vectors.
fn hessian_fn(item: &syn::ItemFn, sig: &Signature) -> TokenStream {
    let active: Vec<&crate::front::Param> = sig.params.iter().filter(|p| p.active).collect();
    if active.len() > 8 || !active.iter().all(|p| crate::codegen::flattens(&p.ty)) {
        return TokenStream::new();
    }
    let rt = quote!(::ad_runtime::__private);
    let name = &item.sig.ident;
    let vis = &item.vis;
    let ret_ty = &sig.ret_ty;
    let (hess, hvp, grad) = (
        format_ident!("{}_hessian", name),
        format_ident!("{}_hvp", name),
        format_ident!("{}_grad", name),
    );
    let mixed = |s: &str| Ident::new(s, Span::mixed_site());
    let (value, g, h) = (mixed("__value"), mixed("__grad"), mixed("__hess"));
    let (params, args) = crate::codegen::params_and_clones(sig);
    // The differentiated arguments as a tuple of references, and the closure's view of the
    // unit tangents (`codegen::unit_tangents`).
    let crate::codegen::UnitTangents {
        refs,
        units,
        tangents,
    } = crate::codegen::unit_tangents(&active);
    let columns = if active.is_empty() {
        quote!(::ad_runtime::ndarray::Array2::<#ret_ty>::zeros((0, 0)))
    } else {
        quote!(#rt::hessian_columns(&(#(#refs,)*), |(#(#units,)*)| {
            #hvp(#(#args,)* #(#tangents),*).2
        }))
    };
    let grad_types: Vec<TokenStream> = active.iter().map(|p| tangent_type(&p.ty)).collect();
    let g_ty = if grad_types.len() == 1 {
        grad_types[0].clone()
    } else {
        quote!((#(#grad_types),*))
    };
    let doc = format!(
        " The Hessian of [`{name}`] (generated by `#[differentiable]`): its value, its gradient (as `{name}_grad`) and the dense n × n Hessian over the differentiated inputs flattened in parameter order, one `{name}_hvp` per column."
    );
    let lt = if sig.lifetimes.is_empty() {
        quote!()
    } else {
        let l = &sig.lifetimes;
        quote!(<#(#l),*>)
    };
    quote! {
        #[doc = #doc]
        #[inline]
        #[allow(non_snake_case, clippy::all)] // generated code
        #vis fn #hess #lt (#(#params),*) -> (#ret_ty, #g_ty, ::ad_runtime::ndarray::Array2<#ret_ty>) {
            let (#value, #g) = #grad(#(#args),*);
            let #h = #columns;
            (#value, #g, #h)
        }
    }
}

/// Forward mode inside reverse mode: a `mapv` of the function body whose closure has no
/// differentiated capture gets its closure lifted to dual numbers ([`Op::Map::derivative`]),
/// so the forward sweep computes `φ(x)` and `φ'(x)` in one pass (`tensor::mapv_dual`: the
/// element seeded with tangent 1) and the reverse sweep is one product `ȳ ⊙ φ'(x)`, where it
/// would otherwise run the closure and its reverse again per element (a GELU: one `tanh`
/// instead of two, and no re-evaluation of the closure's intermediate values). Taken for a
/// `let` of the body (it runs once; the derivative array is a local of the sweep), with a
/// closure of arithmetic, float methods and branches (no calls, casts or indexing) with at
/// least one costly method, not one the reverse sweep already takes from its output
/// (`reverse::plan::map_by_output`).
/// Whether any map was taken.
pub fn map_derivatives(func: &mut Func, differentiated: &dyn Fn(usize) -> bool) -> bool {
    let mut any = false;
    for s in func.body.stmts.iter_mut() {
        let Stmt::Let {
            op:
                Op::Map {
                    recv,
                    closure,
                    sub,
                    captures,
                    derivative,
                    ..
                },
            ..
        } = s
        else {
            continue;
        };
        let (plain, costly) = {
            let mut ok = true;
            let mut costly = false;
            crate::ir::walk(&sub.body, &mut |t: &Stmt| {
                if let Stmt::Let {
                    op: Op::Method { name, .. },
                    ..
                }
                | Stmt::Assign {
                    op: Op::Method { name, .. },
                    ..
                } = t
                    && !matches!(
                        name.to_string().as_str(),
                        "max"
                            | "min"
                            | "abs"
                            | "clamp"
                            | "signum"
                            | "copysign"
                            | "mul_add"
                            | "recip"
                            | "floor"
                            | "ceil"
                            | "round"
                            | "trunc"
                            | "fract"
                            | "to_degrees"
                            | "to_radians"
                    )
                {
                    costly = true;
                }
                if let Stmt::Let { op, .. } | Stmt::Assign { op, .. } = t
                    && matches!(
                        op,
                        Op::Call { .. }
                            | Op::Opaque { .. }
                            | Op::Map { .. }
                            | Op::Concat { .. }
                            | Op::Index { .. }
                            | Op::SliceRef { .. }
                            | Op::Cast { .. }
                            | Op::StructLit(..)
                            | Op::Member(..)
                    )
                {
                    ok = false;
                }
                if matches!(
                    t,
                    Stmt::IndexAssign { .. } | Stmt::Push { .. } | Stmt::Loop(_)
                ) {
                    ok = false;
                }
            });
            (ok, costly)
        };
        // Only where running the closure again would cost more than the derivative array
        // the forward sweep then writes: a closure with a transcendental method (`tanh`,
        // `exp`, `sqrt`, `powi`, ...). A ReLU's `v.max(0.0)` keeps its reverse per element.
        if plain
            && costly
            && recv.var().is_some_and(differentiated)
            && captures.iter().all(|c| !differentiated(*c))
            && crate::reverse::plan::map_by_output(sub).is_none()
        {
            *derivative = Some(dual::lift_closure_tokens(closure));
            any = true;
        }
    }
    any
}
