//! The `#[differentiable]` attribute of [`ad-runtime`](https://docs.rs/ad-runtime). Users
//! depend on `ad-runtime`, which re-exports it; see its documentation.
//!
//! # Layout
//!
//! | module | what it holds |
//! | --- | --- |
//! | `lib.rs` | the driver: arguments and signature, lowering, analyses, generation; errors to tokens |
//! | `ctxt` | the error accumulator (every error of a function reported together) |
//! | `ir` | the IR (A-normal form, structured control flow) and its visitors (`ir/visit.rs`: walking, and the one list of what a statement writes) |
//! | `front` | the front end every mode shares: signature and attribute arguments, lowering of statements, control flow, expressions, calls and closures, where struct values live (`places`: field and element types named through `FieldOf`/`ElemOf`, borrowed elements of sequences of structs), rewrites of everyday syntax before lowering (`rewrite`: slice accessors, `map_axis`, `Zip`, branching `let`s with exits in `rewrite/diverging`), `#[checkpoint]` loops lowered to one checkpointed step call (`checkpoint`), desugaring of iterator reductions, iterator chains (`iterchain`) and `fold_axis` closures |
//! | `sema` | what every mode shares about meaning: the rule catalog (`sema/rules.rs`, the macro's view of the runtime's rules), kinds (scalar / array / sequence), activity and usefulness, the checks that reject what cannot be differentiated |
//! | `codegen` | what both modes' generated code shares: tangent types, named lifetimes |
//! | `forward` | forward mode: `f_jvp` and the hidden `f_pushforward` (one tangent slot per parameter), the primal's statements each followed by its tangent |
//! | `nest` | second order by nesting the modes: the function lifted to dual numbers (`nest/dual.rs`; tokens it cannot see as IR, closures and constant expressions, in `nest/tokens.rs`), whose reverse sweep the reverse backend prints as `f_hvp_pullback`; `f_hvp` and `f_hessian` around it |
//! | `generic` | functions generic over their float type: instantiated at `f64` and `f32` (each through the whole pipeline), and the generic wrappers the user calls |
//! | `split` | split reverse mode with a typed tape: `f_fwd`, `f_rev` and the `FTape` struct |
//! | `selfcheck` | `f_check`: the generated derivatives against central differences along a random direction, in one call |
//! | `custom` | `custom(jvp = .., vjp = ..)`: the generated functions around the user's rules (the body is not transformed); second order a stub |
//! | `reverse` | reverse mode: the plan (`reverse/plan/`: needed, recomputed or stored values, saves, buffer facts, fusion candidates), the forward sweep with its records, the reverse sweep, loops and register optimisations, partials, fusion, bounds-check hoisting (`hoist.rs`), the binomial-checkpointing reverse of a `#[checkpoint]` loop (`checkpoint.rs`) and every unchecked access with its guard (`unchecked.rs`), and the generated functions (`emit.rs`) |
//!
//! # Module graph (no cycles)
//!
//! ```text
//! lib ──► front ──► sema ──► ir
//!  │        │        └─────► ctxt
//!  │        └──────────────► ir, ctxt
//!  ├────► reverse ──► codegen (──► front, ir), front (signature types, `strip`), sema, ir, ctxt
//!  ├────► forward ──► codegen, front (signature types), sema, ir
//!  ├────► nest ──► reverse (the pullback of the lifted function), codegen, front, sema, ir, ctxt
//!  ├────► custom ──► reverse, forward, nest (signatures and stubs), codegen, front
//!  └────► generic ──► lib's `transform` (once per instantiation), front (`strip_checkpoint`)
//! ```
//!
//! `ir` depends on nothing else in the crate; `sema` only on `ir` and `ctxt`; `front` on
//! `sema`, `ir` and `ctxt`; each mode's backend on all of those and `codegen`, never on the
//! other mode (a unit test checks this). `nest` composes modes, so it alone uses a backend.

mod codegen;
mod ctxt;
mod custom;
mod derive;
mod forward;
mod front;
mod generic;
mod ir;
mod method;
mod nest;
mod reverse;
mod selfcheck;
mod sema;
mod split;

use proc_macro::TokenStream;

/// Differentiates a function at compile time (reverse and forward mode). See
/// `ad_runtime::differentiable`.
#[proc_macro_attribute]
pub fn differentiable(args: TokenStream, item: TokenStream) -> TokenStream {
    expand(args.into(), item.into()).into()
}

/// `#[derive(Differentiable)]` for parameter structs (tangent type: the struct itself). See
/// `ad_runtime::Differentiable`.
#[proc_macro_derive(Differentiable, attributes(no_derivative))]
pub fn derive_differentiable(input: TokenStream) -> TokenStream {
    derive::expand(input.into()).into()
}

/// Expands the attribute. On error, the user's item is emitted unchanged next to the
/// `compile_error!`s, so the only messages are the real ones.
pub(crate) fn expand(
    args: proc_macro2::TokenStream,
    item: proc_macro2::TokenStream,
) -> proc_macro2::TokenStream {
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => front::ungroup(&f),
        Err(_) if syn::parse2::<syn::ItemImpl>(item.clone()).is_ok() => {
            return method::expand_impl(args, item, expand);
        }
        Err(_) => {
            let err = syn::Error::new(
                proc_macro2::Span::call_site(),
                "#[differentiable] applies to functions (`fn f(x: f64) -> f64 { .. }`, also in an `impl` block) and to `impl` blocks",
            );
            let mut out = err.into_compile_error();
            out.extend(item);
            return out;
        }
    };
    // A function with `&mut` parameters is differentiated through its value twin (see
    // `front::inplace`), emitted next to it.
    // What the transformation would misread silently (`#[cfg]` on statements, reserved
    // names): errors, the function emitted as written.
    let misread = front::misread(&func);
    if !misread.is_empty() {
        let mut out = proc_macro2::TokenStream::new();
        for e in misread {
            out.extend(e.into_compile_error());
        }
        let func = front::strip_checkpoint(&func);
        out.extend(quote::quote!(#func));
        return out;
    }
    // (Raw identifiers made plain for the transformation; the primal is emitted as written.)
    let plain = front::unraw(&func);
    let inplace = front::inplace::twin(&plain).or_else(|| method::mut_self_twin(&plain));
    let (target, twin_primal) = match inplace {
        // A method taking `self` by value: its generated functions take `&self`.
        None => match method::by_ref_twin(&plain) {
            Some((twin, primal)) => (twin, Some(primal)),
            None => (plain.clone(), method::by_ref_primal(&plain)),
        },
        Some(Ok(twin)) => {
            let mut primal = front::inplace::emit_primal(&front::strip_checkpoint(&twin));
            // (A `&mut self` method's twin is a `&self` method, called on fields too.)
            primal.extend(method::by_ref_primal(&twin));
            (twin, Some(primal))
        }
        Some(Err(err)) => {
            let mut out = err.into_compile_error();
            let func = front::strip_checkpoint(&func);
            out.extend(quote::quote!(#func));
            return out;
        }
    };
    // Generic over the float type: instantiated at f64 and f32, with generic wrappers.
    let result = match generic::float_param(&target) {
        Some(t) => {
            let t = t.clone();
            generic::expand(args, &target, &t)
        }
        None => transform(args, &target),
    };
    match result {
        Ok(generated) => {
            // The by-value method's generated functions call its by-reference primal.
            let generated = if target.sig.ident == func.sig.ident
                && target.sig.receiver().is_some_and(|r| r.reference.is_some())
                && func.sig.receiver().is_some_and(|r| r.reference.is_none())
            {
                let hidden = quote::format_ident!("__ad_byref_{}", func.sig.ident);
                method::retarget_primal(generated, &func.sig.ident, &hidden)
            } else {
                generated
            };
            dump(&target.sig.ident, &generated);
            let func = front::strip_checkpoint(&func);
            let mut out = quote::quote!(#func);
            out.extend(twin_primal);
            out.extend(generated);
            out
        }
        Err(err) => {
            let mut out = err.into_compile_error();
            let func = front::strip_checkpoint(&func);
            out.extend(quote::quote!(#func));
            out
        }
    }
}

/// For each struct literal of the body (`P { .. }`), a check spanned at `P` that it has
/// `#[derive(Differentiable)]` (so the error names the missing derive rather than the dual
/// twin the second-order code builds). A hidden function named after `name`, valid at module
/// level and in an `impl` block alike (a function's attribute cannot tell which it is in).
fn struct_literal_checks(name: &syn::Ident, ir: &ir::Func) -> proc_macro2::TokenStream {
    let mut paths = Vec::new();
    ir::walk(&ir.body, &mut |s: &ir::Stmt| {
        if let ir::Stmt::Let {
            op: ir::Op::StructLit(p, _),
            ..
        } = s
        {
            paths.push(p.clone());
        }
    });
    if paths.is_empty() {
        return proc_macro2::TokenStream::new();
    }
    let checks = paths.iter().map(|p| {
        quote::quote_spanned!(syn::spanned::Spanned::span(p)=>
            __ad_derived::<#p>();)
    });
    let f = quote::format_ident!("__ad_struct_checks_{}", name);
    quote::quote! {
        #[doc(hidden)]
        #[allow(dead_code, non_snake_case)]
        fn #f() {
            fn __ad_derived<T: ::ad_runtime::Differentiable>() {}
            #(#checks)*
        }
    }
}

/// For each operator on struct values written as the trait's method (`a + b` as `a.add(b)`,
/// see `front::rewrite::operators`), a check that the type has a `#[differentiable]` impl of
/// that trait (`OperatorRule`): method syntax would otherwise reach an inherent method of the
/// same name, differentiating another function than the operator. A hidden function, as
/// [`struct_literal_checks`].
fn operator_checks(name: &syn::Ident, ir: &ir::Func) -> proc_macro2::TokenStream {
    if ir.operators.is_empty() {
        return proc_macro2::TokenStream::new();
    }
    let checks = ir.operators.iter().map(|(t, op)| {
        let op = syn::Ident::new(op, proc_macro2::Span::call_site());
        quote::quote_spanned!(syn::spanned::Spanned::span(t)=>
            ::ad_runtime::__private::operator_rule::<#t, ::ad_runtime::__private::op::#op>();)
    });
    let f = quote::format_ident!("__ad_operator_checks_{}", name);
    quote::quote! {
        #[doc(hidden)]
        #[allow(dead_code, non_snake_case)]
        fn #f() {
            #(#checks)*
        }
    }
}

/// `AD_DUMP=name` (or `AD_DUMP=*`) at build time: the functions generated for `name` printed
/// on standard error, formatted (cargo shows them with `-vv`, or in the build's warnings
/// output when the crate is rebuilt; touch the file to expand it again).
fn dump(name: &syn::Ident, generated: &proc_macro2::TokenStream) {
    let Ok(want) = std::env::var("AD_DUMP") else {
        return;
    };
    if want != "*" && want.split(',').all(|w| *name != w.trim()) {
        return;
    }
    let text = match syn::parse2::<syn::File>(generated.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(_) => generated.to_string(),
    };
    eprintln!("// ---- #[differentiable] generated for `{name}` ----\n{text}");
}

fn transform(
    args: proc_macro2::TokenStream,
    func: &syn::ItemFn,
) -> syn::Result<proc_macro2::TokenStream> {
    let args = front::Args::parse(args)?;
    let in_impl = args.in_impl || method::in_impl(func);
    let cx = ctxt::Ctxt::new();
    let mut vars = Vec::new();
    let Some(mut sig) = front::signature(&cx, func, &args, &mut vars) else {
        cx.check()?;
        unreachable!("signature() returns None only with errors");
    };
    // Custom rules: the body is opaque, the generated functions wrap the user's rules.
    if let Some(custom) = &args.custom {
        cx.check()?;
        let mut out = custom::emit(func, &sig, custom, args.order)?;
        out.extend(selfcheck::emit(func, &sig));
        return Ok(if in_impl {
            method::self_calls(out, &func.sig.ident)
        } else {
            nest::shared::share(out, false, false)
        });
    }
    let constants: Vec<String> = sig
        .params
        .iter()
        .filter(|p| !p.active)
        .map(|p| p.ident.to_string())
        .collect();
    let (mut ir, boxed_pullback) = front::lower(&cx, func, vars, &constants);
    ir.checked = args.checked;
    sig.boxed_pullback = boxed_pullback;
    let active: Vec<usize> = sig
        .params
        .iter()
        .filter(|p| p.active)
        .map(|p| p.var)
        .collect();
    let mut analysis = reverse::plan::analyze(&cx, &ir, &active);
    // Maps whose derivative the forward sweep computes by dual numbers: the analysis again,
    // since their reverse no longer reads their receiver.
    if !cx.has_errors() && nest::map_derivatives(&mut ir, &|v| analysis.adj(v)) {
        analysis = reverse::plan::analyze(&cx, &ir, &active);
    }
    cx.check()?;
    // Second order and forward mode first: where a callee is not differentiable, rustc
    // reports one missing function per call (the last emitted), so it names the missing
    // `g_pullback` (the reverse mode's, the one users call `_grad` through).
    // Forward mode on what its own transformation does not take yet (ndarray arrays) comes
    // from the dual numbers of second order, when second order takes the function.
    let nested = args.order >= 2 && nest::nested::nestable(&sig);
    let (forward, jvp_done) =
        forward::emit(func, &sig, &ir, &analysis.kinds, args.order >= 2, nested);
    // One reverse sweep for both orders where they differ only in the scalar: for functions
    // of scalars, slices and integers (a struct's or an array's dual form is another type,
    // not the scalar's). Read from the dual sweep when it can be (`pre_share`: the
    // first-order sweep is then never generated), else by comparing the two (`share`).
    let shareable = !in_impl
        && args.order >= 2
        && analysis.kinds.iter().all(|k| {
            matches!(
                k,
                sema::Kind::Scalar | sema::Kind::SeqScalar | sema::Kind::Other | sema::Kind::Bottom
            )
        });
    let base = func.sig.ident.to_string();
    let borrows = shareable && nest::shared::may_borrow_scalars(func);
    let mut pre = None;
    let mut both = None;
    let mut out = if args.order >= 2 {
        let mut out = nest::emit(func, &sig, &ir, &analysis.kinds, !jvp_done);
        // (`AD_SHARE_COMPARE` at build time: always by comparing, for measurements.)
        if shareable && std::env::var_os("AD_SHARE_COMPARE").is_none() {
            let verify = nest::shared::verify_enabled().then(|| out.clone());
            match nest::shared::pre_share(out, &base, borrows) {
                Ok(p) => {
                    out = p.nest;
                    both = verify;
                    pre = Some((p.sweep, p.first_body));
                }
                Err(back) => out = back,
            }
        }
        out.extend(nest::nested::emit(func, &sig));
        out
    } else {
        proc_macro2::TokenStream::new()
    };
    out.extend(forward);
    out.extend(reverse::emit::emit(
        func,
        &sig,
        &ir,
        &analysis,
        pre.as_ref().map(|(_, first)| first),
    ));
    out.extend(struct_literal_checks(&func.sig.ident, &ir));
    out.extend(operator_checks(&func.sig.ident, &ir));
    out.extend(selfcheck::emit(func, &sig));
    if args.split {
        out.extend(split::emit(func, &sig));
    }
    if let (Some((sweep, _)), Some(mut both)) = (&pre, both) {
        both.extend(reverse::emit::emit(func, &sig, &ir, &analysis, None));
        if let Err(why) = nest::shared::verify(both, &base, sweep, borrows) {
            return Err(syn::Error::new(
                func.sig.ident.span(),
                format!(
                    "internal error of `#[differentiable]` (AD_SHARE_VERIFY): the shared reverse sweep of `{base}`: {why}"
                ),
            ));
        }
    }
    if in_impl {
        out = method::self_calls(out, &func.sig.ident);
    } else if let Some((sweep, _)) = pre {
        out.extend(sweep);
    } else if args.order >= 2 {
        out = nest::shared::share(out, shareable, borrows);
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
