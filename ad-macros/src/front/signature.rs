//! The signature and the attribute's arguments: which parameters are differentiated, which
//! types are accepted, and the errors on the ones that are not.

use crate::ctxt::Ctxt;
use crate::ir::*;
use proc_macro2::TokenStream;
use quote::ToTokens;
use std::collections::BTreeSet;
use syn::{Ident, Pat, Type};

/// Attribute arguments: `#[differentiable]`, `#[differentiable(wrt(a, b))]`, `checked`
/// (`#[differentiable(checked)]`, `#[differentiable(wrt(a), checked)]`) and `order = 1`.
pub struct Args {
    pub wrt: Option<Vec<Ident>>,
    /// Keep the bounds checks of the reverse sweep's adjoint accesses, so that the generated
    /// code contains no `unsafe` (for crates with `#![forbid(unsafe_code)]`).
    pub checked: bool,
    /// `order = 1`: first derivatives only (no `f_hvp`, `f_hessian` and their hidden dual
    /// pullback), for crates that want the smaller build. Default 2.
    pub order: u8,
    /// `custom(jvp = .., vjp = ..)`: the body is opaque, the derivatives are the user's rules.
    pub custom: Option<Custom>,
    /// `split`: also `f_fwd`, `f_rev` and the tape struct (split reverse mode).
    pub split: bool,
    /// `__in_impl` (added by `#[differentiable]` on an `impl` block to the functions in it): the
    /// function is an associated function even if its signature shows no `self` or `Self`.
    pub in_impl: bool,
}

/// The user's derivative rules of a `custom(..)` function (at least one).
pub struct Custom {
    pub jvp: Option<syn::Path>,
    pub vjp: Option<syn::Path>,
    /// `second_order`: the `jvp` rule is itself `#[differentiable]`, and second order goes
    /// through it (see `custom`).
    pub second_order: bool,
}

impl Default for Args {
    fn default() -> Args {
        Args {
            wrt: None,
            checked: false,
            order: 2,
            custom: None,
            split: false,
            in_impl: false,
        }
    }
}

impl Args {
    pub fn parse(tokens: TokenStream) -> syn::Result<Args> {
        let mut args = Args::default();
        let parser = syn::meta::parser(|meta| {
            if meta.path.is_ident("wrt") {
                if args.wrt.is_some() {
                    return Err(meta.error("duplicate `wrt(...)`"));
                }
                let content;
                syn::parenthesized!(content in meta.input);
                let names = content.parse_terminated(Ident::parse_any_ident, syn::Token![,])?;
                if names.is_empty() {
                    return Err(meta.error("`wrt()` needs at least one parameter name"));
                }
                args.wrt = Some(names.into_iter().collect());
                Ok(())
            } else if meta.path.is_ident("checked") {
                if args.checked {
                    return Err(meta.error("duplicate `checked`"));
                }
                args.checked = true;
                Ok(())
            } else if meta.path.is_ident("order") {
                let lit: syn::LitInt = meta.value()?.parse()?;
                match lit.base10_parse::<u8>() {
                    Ok(o @ (1 | 2)) => {
                        args.order = o;
                        Ok(())
                    }
                    _ => Err(syn::Error::new(
                        lit.span(),
                        "`order` is 1 (first derivatives only) or 2 (also `f_hvp` and `f_hessian`, the default)",
                    )),
                }
            } else if meta.path.is_ident("__in_impl") {
                args.in_impl = true;
                Ok(())
            } else if meta.path.is_ident("split") {
                args.split = true;
                Ok(())
            } else if meta.path.is_ident("custom") {
                if args.custom.is_some() {
                    return Err(meta.error("duplicate `custom(..)`"));
                }
                let mut custom = Custom {
                    jvp: None,
                    vjp: None,
                    second_order: false,
                };
                meta.parse_nested_meta(|rule| {
                    if rule.path.is_ident("second_order") {
                        custom.second_order = true;
                        return Ok(());
                    }
                    let slot = if rule.path.is_ident("jvp") {
                        &mut custom.jvp
                    } else if rule.path.is_ident("vjp") {
                        &mut custom.vjp
                    } else {
                        let name = rule.path.to_token_stream().to_string().replace(' ', "");
                        return Err(rule.error(format!(
                            "unknown rule `{name}` in `custom(..)`; expected `jvp = path` and/or `vjp = path` (and `second_order`)"
                        )));
                    };
                    if slot.is_some() {
                        return Err(rule.error("this rule is given twice"));
                    }
                    *slot = Some(rule.value()?.parse()?);
                    Ok(())
                })?;
                if custom.jvp.is_none() && custom.vjp.is_none() {
                    return Err(meta.error(
                        "`custom(..)` needs a rule: `custom(jvp = f_jvp_rule, vjp = f_vjp_rule)` (either or both)",
                    ));
                }
                args.custom = Some(custom);
                Ok(())
            } else {
                let name = meta.path.to_token_stream().to_string().replace(' ', "");
                Err(meta.error(format!(
                    "unknown argument `{name}`; expected `wrt(param, ...)`, `checked`, `order = 1`, `split` or `custom(jvp = .., vjp = ..)`"
                )))
            }
        });
        syn::parse::Parser::parse2(parser, tokens)?;
        Ok(args)
    }
}

trait ParseAnyIdent {
    fn parse_any_ident(input: syn::parse::ParseStream) -> syn::Result<Ident>;
}
impl ParseAnyIdent for Ident {
    /// A parameter name, `self` included (`wrt(self, x)` on a method).
    fn parse_any_ident(input: syn::parse::ParseStream) -> syn::Result<Ident> {
        if input.peek(syn::Token![self]) {
            return syn::ext::IdentExt::parse_any(input);
        }
        input.parse()
    }
}

/// One parameter of the user's function.
#[derive(Clone)]
pub struct Param {
    pub ident: Ident,
    pub ty: Type,
    pub mutable: bool,
    /// Differentiated (float-valued and selected by `wrt`).
    pub active: bool,
    pub var: VarId,
}

/// The signature facts the emitter needs.
#[derive(Clone)]
pub struct Signature {
    pub params: Vec<Param>,
    pub ret_ty: Type,
    /// Lifetime parameters the user declared (kept on the generated functions).
    pub lifetimes: Vec<syn::LifetimeParam>,
    /// Whether the pullback is boxed: the body calls the function itself, or calls another
    /// function under a condition (which mutual recursion needs; see `front::call`).
    pub boxed_pullback: bool,
}

/// Is this type never differentiated (integers, `bool`, `char`, strings, and references,
/// slices, arrays and `Vec`s of those)?
pub fn is_constant_type(ty: &Type) -> bool {
    match ty {
        Type::Reference(r) => is_constant_type(&r.elem),
        Type::Slice(s) => is_constant_type(&s.elem),
        Type::Array(a) => is_constant_type(&a.elem),
        Type::Paren(p) => is_constant_type(&p.elem),
        Type::Group(g) => is_constant_type(&g.elem),
        Type::Tuple(t) => !t.elems.is_empty() && t.elems.iter().all(is_constant_type),
        Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match name.as_str() {
                "bool" | "char" | "str" | "String" => true,
                n if crate::ir::INT_TYPES.contains(&n) => true,
                // An `Option` is matched (`if let Some(c) = o`), its payload a constant.
                "Option" => true,
                "Vec" => match &last.arguments {
                    syn::PathArguments::AngleBracketed(a) => a.args.iter().all(
                        |arg| matches!(arg, syn::GenericArgument::Type(t) if is_constant_type(t)),
                    ),
                    _ => false,
                },
                _ => false,
            }
        }
        _ => false,
    }
}

/// Checks the signature and records parameters as the first variables of the IR.
pub fn signature(
    cx: &Ctxt,
    item: &syn::ItemFn,
    args: &Args,
    vars: &mut Vec<Var>,
) -> Option<Signature> {
    let sig = &item.sig;
    let before = cx.has_errors();
    if let Some(t) = &sig.asyncness {
        cx.error_spanned_by(t, "`async fn` cannot be #[differentiable]; differentiate a synchronous function and call it from async code");
    }
    if let Some(t) = &sig.constness {
        cx.error_spanned_by(t, "`const fn` cannot be #[differentiable]; remove `const`");
    }
    if let Some(t) = &sig.unsafety {
        cx.error_spanned_by(t, "`unsafe fn` cannot be #[differentiable]; wrap the unsafe operations in a safe function and differentiate that");
    }
    if let Some(abi) = &sig.abi {
        cx.error_spanned_by(abi, "`extern` functions cannot be #[differentiable]; differentiate a plain Rust function and call it from the extern wrapper");
    }
    if let Some(v) = &sig.variadic {
        cx.error_spanned_by(v, "variadic functions cannot be #[differentiable]");
    }
    let mut lifetimes = Vec::new();
    for gp in &sig.generics.params {
        match gp {
            syn::GenericParam::Lifetime(l) => lifetimes.push(l.clone()),
            syn::GenericParam::Type(t) => cx.error_spanned_by(t, format!(
                "generic type parameter `{}` is not supported by #[differentiable]: one float type parameter bounded by `Float` is (`fn f<T: ad_runtime::Float>(x: &[T]) -> T`); otherwise write the function for concrete types (f64, f32, &[f64], ...)",
                t.ident
            )),
            syn::GenericParam::Const(c) => cx.error_spanned_by(c, format!(
                "const generic parameter `{}` is not supported by #[differentiable] yet; pass the value as a `usize` parameter",
                c.ident
            )),
        }
    }
    if let Some(w) = &sig.generics.where_clause {
        cx.error_spanned_by(
            w,
            "`where` clauses are not supported by #[differentiable] yet; write the function for concrete types",
        );
    }
    let ret_ty = match &sig.output {
        syn::ReturnType::Default => {
            cx.error_spanned_by(&sig.ident, "a #[differentiable] function must return a value: add a return type such as `-> f64` (f64, f32, Vec<f64> or a tuple of those)");
            None
        }
        syn::ReturnType::Type(_, ty) => {
            if !contains_reference(ty) && !is_output_type(ty) {
                cx.error_spanned_by(ty, format!(
                    "#[differentiable] cannot differentiate a result of type `{}`; return f64, f32, Vec<f64>, Vec<f32>, an ndarray array (Array1<f64>, Array2<f64>, ...) or a tuple of those",
                    ty.to_token_stream().to_string().replace(' ', "")
                ));
            }
            if contains_reference(ty) {
                cx.error_spanned_by(
                    ty,
                    "#[differentiable] functions cannot return references; return an owned value",
                );
            }
            Some((**ty).clone())
        }
    };

    let mut params = Vec::new();
    for input in &sig.inputs {
        match input {
            // A method's receiver: the parameter `self` of type `&Self` or `Self` (a
            // `#[derive(Differentiable)]` struct; see `crate::method`).
            syn::FnArg::Receiver(r) => {
                if r.mutability.is_some() && r.reference.is_some() {
                    cx.error_spanned_by(r, "`&mut self` is not supported here by #[differentiable] (a `&mut self` method returning `()` is, through its in-place twin); take `&self` (or `self`) and return the result");
                    continue;
                }
                let ident = Ident::new("self", r.self_token.span);
                let var = vars.len();
                let ty = (*r.ty).clone();
                vars.push(Var {
                    ident: ident.clone(),
                    block: 0,
                    kind: VarKind::Param,
                    ty: Some(ty.clone()),
                });
                params.push(Param {
                    ident,
                    ty,
                    mutable: r.mutability.is_some() && r.reference.is_none(),
                    active: true,
                    var,
                });
            }
            syn::FnArg::Typed(pt) => {
                let (ident, mutable) = match &*pt.pat {
                    Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                        (pi.ident.clone(), pi.mutability.is_some())
                    }
                    other => {
                        cx.error_spanned_by(other, "only simple parameter names are supported by #[differentiable] (`x: f64`), not patterns");
                        continue;
                    }
                };
                if let Type::Reference(r) = &*pt.ty
                    && r.mutability.is_some()
                {
                    cx.error_spanned_by(&pt.ty, "`&mut` parameters of this type are not supported by #[differentiable] (in-place functions take `&mut` floats, slices, `Vec`s and arrays of floats, and return `()`); take the value (or `&`) and return the result");
                    continue;
                }
                let active = !is_constant_type(&pt.ty);
                let var = vars.len();
                vars.push(Var {
                    ident: ident.clone(),
                    block: 0,
                    kind: VarKind::Param,
                    ty: Some((*pt.ty).clone()),
                });
                params.push(Param {
                    ident,
                    ty: (*pt.ty).clone(),
                    mutable,
                    active,
                    var,
                });
            }
        }
    }
    if let Some(wrt) = &args.wrt {
        let mut seen = BTreeSet::new();
        for name in wrt {
            if !seen.insert(name.to_string()) {
                cx.error_spanned_by(name, format!("`{name}` is listed twice in `wrt(...)`"));
            }
            match params.iter().find(|p| p.ident == *name) {
                None => {
                    let names: Vec<String> = params.iter().map(|p| format!("`{}`", p.ident)).collect();
                    cx.error_spanned_by(name, format!(
                        "`wrt` names `{name}`, which is not a parameter of this function; expected one of: {}",
                        names.join(", ")
                    ));
                }
                Some(p) if !p.active => cx.error_spanned_by(name, format!(
                    "`{name}` has type `{}`, which cannot be differentiated (integers, bool and their collections are constants); remove it from `wrt(...)`",
                    p.ty.to_token_stream().to_string().replace(' ', "")
                )),
                Some(_) => {}
            }
        }
        for p in &mut params {
            p.active = p.active && wrt.contains(&p.ident);
        }
    }
    for p in params.iter().filter(|p| p.active) {
        // Sequences of fixed-size float arrays (`&[[f64; 3]]`, `Vec<[f64; 2]>`) and of `Vec`s
        // (`&Vec<Vec<f64>>`) are differentiated; deeper nesting and tuples are not.
        let nested = sequence_element(&p.ty).filter(|e| {
            matches!(e, Type::Tuple(_))
                || sequence_element(e).is_some_and(|inner| sequence_element(inner).is_some())
        });
        if let Some(inner) = nested {
            cx.error_spanned_by(&p.ty, format!(
                "#[differentiable] cannot differentiate `{}`, a sequence of `{}`; pass a flat `&[f64]` (element `[i][j]` at `[i * n + j]`) or an ndarray array (`&Array2<f64>`), or leave the parameter out of `wrt(...)` to make it a constant",
                p.ty.to_token_stream().to_string().replace(' ', ""),
                inner.to_token_stream().to_string().replace(' ', ""),
            ));
        }
    }
    if !params.iter().any(|p| p.active) && !cx.has_errors() {
        cx.error_spanned_by(&sig.inputs, "no parameter to differentiate: #[differentiable] needs at least one float-valued parameter (f64, f32, &[f64], Vec<f64>, arrays)");
    }
    if cx.has_errors() && !before {
        return None;
    }
    Some(Signature {
        params,
        ret_ty: ret_ty?,
        lifetimes,
        boxed_pullback: false,
    })
}

/// Result types with cotangents: floats, `Vec`s of floats, arrays, tuples of those.
pub(crate) fn is_output_type(ty: &Type) -> bool {
    match ty {
        Type::Paren(p) => is_output_type(&p.elem),
        Type::Group(g) => is_output_type(&g.elem),
        Type::Tuple(t) => !t.elems.is_empty() && t.elems.iter().all(is_output_type),
        Type::Array(a) => is_output_type(&a.elem),
        Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match name.as_str() {
                "f64" | "f32" => true,
                "Vec" => match &last.arguments {
                    syn::PathArguments::AngleBracketed(a) => a.args.iter().all(
                        |arg| matches!(arg, syn::GenericArgument::Type(t) if is_output_type(t)),
                    ),
                    _ => false,
                },
                n => n.starts_with("Array") || is_struct_type(ty),
            }
        }
        _ => false,
    }
}

pub(crate) fn contains_reference(ty: &Type) -> bool {
    struct V(bool);
    impl<'a> syn::visit::Visit<'a> for V {
        fn visit_type_reference(&mut self, _: &'a syn::TypeReference) {
            self.0 = true;
        }
    }
    let mut v = V(false);
    syn::visit::Visit::visit_type(&mut v, ty);
    v.0
}

/// The element type of a slice, `Vec` or fixed-size array (behind any references).
pub(crate) fn sequence_element(ty: &Type) -> Option<&Type> {
    match ty {
        Type::Reference(r) => sequence_element(&r.elem),
        Type::Paren(p) => sequence_element(&p.elem),
        Type::Slice(s) => Some(&s.elem),
        Type::Array(a) => Some(&a.elem),
        Type::Path(p) => first_type_argument(p, |name| name == "Vec"),
        _ => None,
    }
}

/// The first type argument of a path type whose last segment's name passes `named`
/// (`Vec<T>`, `Array1<T>`: `T`).
fn first_type_argument(p: &syn::TypePath, named: impl Fn(&str) -> bool) -> Option<&Type> {
    let last = p.path.segments.last()?;
    if !named(&last.ident.to_string()) {
        return None;
    }
    match &last.arguments {
        syn::PathArguments::AngleBracketed(a) => a.args.iter().find_map(|g| match g {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        }),
        _ => None,
    }
}

/// The element type of an ndarray array or view type (`Array1<f64>`, `Array<f64, Ix2>`,
/// `ArrayView2<'_, f32>`, behind any references): its first type argument.
pub(crate) fn ndarray_element(ty: &Type) -> Option<&Type> {
    match ty {
        Type::Reference(r) => ndarray_element(&r.elem),
        Type::Paren(p) => ndarray_element(&p.elem),
        Type::Path(p) => first_type_argument(p, |name| name.starts_with("Array")),
        _ => None,
    }
}

/// Whether `ty` is a slice, `Vec` or fixed-size array (behind any references).
pub(crate) fn is_sequence_type(ty: &Type) -> bool {
    match ty {
        Type::Reference(r) => is_sequence_type(&r.elem),
        Type::Slice(_) | Type::Array(_) => true,
        Type::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == "Vec"),
        Type::Paren(p) => is_sequence_type(&p.elem),
        _ => false,
    }
}

/// A struct type (`Self`, `Mlp`): a path, not a float, an integer, `bool`, a `String`, a
/// `Vec`, an `Option` or an ndarray type, whose name starts with a capital.
pub(crate) fn is_struct_type(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    if p.qself.is_some() {
        return false;
    }
    let Some(last) = p.path.segments.last() else {
        return false;
    };
    let s = last.ident.to_string();
    let known = ["String", "Vec", "Option", "Box", "Axis", "Order"];
    !(known.contains(&s.as_str())
        || s.starts_with("Array")
        || s.starts_with("CowArray")
        || s.starts_with("ArcArray")
        || s.starts_with("Ix"))
        && s.chars().next().is_some_and(|c| c.is_uppercase())
        && matches!(last.arguments, syn::PathArguments::None)
}
