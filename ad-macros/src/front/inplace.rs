//! In-place functions: `&mut` parameters of floats, slices, `Vec`s and fixed-size arrays.
//!
//! A function `fn step(y: &mut [f64], h: f64)` maps the values of its `&mut` parameters on
//! entry (and its other parameters) to their values on exit. The attribute differentiates that
//! map through a hidden *value twin* that takes each `&mut` parameter by value and returns
//! its final value (a tuple when there are several):
//!
//! ```text
//! fn __ad_inplace_step(mut y: Vec<f64>, h: f64) -> Vec<f64> { body; y }
//! ```
//!
//! with `*y` read as `y`, `return;` as `return y;`, and a `&mut` parameter passed on to a
//! read-only callee as `&y`. Its generated functions (`__ad_inplace_step_pullback`, ...) are
//! what callers use: a differentiated caller's statement `step(&mut buf, h);` is rewritten
//! (by [`call_site`]) into `buf = __ad_inplace_step(buf.clone(), h);` before lowering, so the
//! caller's own analysis sees an ordinary call whose result overwrites `buf` (and restores it
//! in the reverse sweep when it must). The user's function itself is emitted unchanged.
//!
//! Why a twin rather than a new kind of parameter in the IR: the state a `&mut` parameter
//! carries in and out is exactly a value parameter plus a result, which every mode (reverse,
//! forward, second order) already differentiates, with its tapes, restore and checks; the
//! price is one copy of the buffer per call. Only functions returning `()` take `&mut`
//! parameters (a caller could not tell a discarded result from none).

use super::syntax::{path_names, strip};
use quote::{format_ident, quote};
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Expr, FnArg, Ident, Pat, Type};

/// The hidden name of `name`'s value twin.
pub fn twin_name(name: &Ident) -> Ident {
    let raw = name.to_string();
    let raw = raw.strip_prefix("r#").unwrap_or(&raw);
    format_ident!("__ad_inplace_{}", raw, span = name.span())
}

/// The value type a `&mut` parameter of type `&mut elem` is taken as in the twin: the float
/// itself, `Vec<T>` for a slice or a `Vec`, the array for a fixed-size array (of `f64`, `f32`
/// or the float type parameter `float`). `None` for any other type (left to the signature's
/// error).
fn value_type(elem: &Type, float: Option<&Ident>) -> Option<Type> {
    let scalar = |t: &Type| {
        matches!(t, Type::Path(p) if p.qself.is_none()
        && p.path.get_ident().is_some_and(|i| {
            matches!(i.to_string().as_str(), "f64" | "f32") || Some(i) == float
        }))
    };
    match elem {
        Type::Paren(p) => value_type(&p.elem, float),
        // `f64`, `f32`, or the function's float type parameter `T: Float`.
        t if scalar(t) => Some(elem.clone()),
        Type::Slice(s) if scalar(&s.elem) => {
            let t = &s.elem;
            Some(syn::parse_quote!(::std::vec::Vec<#t>))
        }
        Type::Array(a) if scalar(&a.elem) => Some(elem.clone()),
        Type::Path(p)
            if p.qself.is_none()
                && p.path.segments.len() == 1
                && p.path.segments[0].ident == "Vec" =>
        {
            match &p.path.segments[0].arguments {
                syn::PathArguments::AngleBracketed(a)
                    if a.args.len() == 1
                        && matches!(&a.args[0], syn::GenericArgument::Type(t) if scalar(t)) =>
                {
                    Some(elem.clone())
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The `&mut` parameters of `func` the twin takes by value: (name, value type).
fn mut_params(func: &syn::ItemFn) -> Vec<(Ident, Type)> {
    let float = super::syntax::float_param(func).map(|t| &t.ident);
    func.sig
        .inputs
        .iter()
        .filter_map(|a| match a {
            FnArg::Typed(pt) => match (&*pt.pat, &*pt.ty) {
                (Pat::Ident(pi), Type::Reference(r)) if r.mutability.is_some() => {
                    value_type(&r.elem, float).map(|t| (pi.ident.clone(), t))
                }
                _ => None,
            },
            FnArg::Receiver(_) => None,
        })
        .collect()
}

/// The value twin of `func` (see the module docs), or `None` when it has no `&mut`
/// parameter of a float type. An error for one that returns a value.
pub fn twin(func: &syn::ItemFn) -> Option<syn::Result<syn::ItemFn>> {
    let muts = mut_params(func);
    if muts.is_empty() {
        return None;
    }
    if let syn::ReturnType::Type(_, t) = &func.sig.output
        && !matches!(&**t, Type::Tuple(tt) if tt.elems.is_empty())
    {
        return Some(Err(syn::Error::new(
            t.span(),
            "a #[differentiable] function with `&mut` parameters returns `()` (its outputs are the `&mut` parameters); return this value through another `&mut` parameter, or take the buffers by value and return them",
        )));
    }
    // A `&mut` parameter's name bound again in the body (`let s = *s * 2.0;`, a loop or a
    // pattern): the twin returns its outputs by the parameters' names, which would then name
    // the local.
    {
        use syn::visit::Visit;
        struct Rebound<'a>(&'a [(Ident, Type)], Option<Ident>);
        impl<'ast> Visit<'ast> for Rebound<'_> {
            fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
                if self.1.is_none() && self.0.iter().any(|(n, _)| *n == p.ident) {
                    self.1 = Some(p.ident.clone());
                }
                syn::visit::visit_pat_ident(self, p);
            }
        }
        let mut r = Rebound(&muts, None);
        r.visit_block(&func.block);
        if let Some(name) = r.1 {
            return Some(Err(syn::Error::new(
                name.span(),
                format!(
                    "`{name}` rebinds the name of a `&mut` parameter: a #[differentiable] function with `&mut` parameters returns its outputs by their names, so the body may not bind them again; rename this variable"
                ),
            )));
        }
    }
    let mut twin = func.clone();
    twin.sig.ident = twin_name(&func.sig.ident);
    twin.attrs.retain(|a| !a.path().is_ident("doc"));
    for input in twin.sig.inputs.iter_mut() {
        if let FnArg::Typed(pt) = input
            && let Pat::Ident(pi) = &mut *pt.pat
            && let Some((_, ty)) = muts.iter().find(|(n, _)| *n == pi.ident)
        {
            pi.mutability = Some(Default::default());
            *pt.ty = ty.clone();
        }
    }
    let names: Vec<&Ident> = muts.iter().map(|(n, _)| n).collect();
    let types: Vec<&Type> = muts.iter().map(|(_, t)| t).collect();
    let (out_ty, out_val): (Type, Expr) = if names.len() == 1 {
        let (n, t) = (names[0], types[0]);
        (t.clone(), syn::parse_quote!(#n))
    } else {
        (
            syn::parse_quote!((#(#types),*)),
            syn::parse_quote!((#(#names),*)),
        )
    };
    twin.sig.output = syn::parse_quote!(-> #out_ty);
    let sequences: Vec<Ident> = muts
        .iter()
        .filter(|(_, t)| !matches!(t, Type::Path(p) if p.path.get_ident().is_some()))
        .map(|(n, _)| n.clone())
        .collect();
    let mut body = (*twin.block).clone();
    TwinBody {
        names: names.iter().map(|n| (*n).clone()).collect(),
        sequences,
        // (`return;` inside a loop: the outputs are cloned, since the loop's code, as the
        // transformation structures early exits, could move them on another iteration.)
        out: if names.len() == 1 {
            let n = names[0];
            syn::parse_quote!(#n.clone())
        } else {
            syn::parse_quote!((#(#names.clone()),*))
        },
    }
    .visit_block_mut(&mut body);
    // The last statement becomes a statement, then the outputs are the value.
    if let Some(syn::Stmt::Expr(e, semi @ None)) = body.stmts.last_mut() {
        let unit = matches!(strip(e), Expr::Tuple(t) if t.elems.is_empty());
        if unit {
            body.stmts.pop();
        } else {
            *semi = Some(Default::default());
        }
    }
    body.stmts.push(syn::Stmt::Expr(out_val, None));
    twin.block = Box::new(body);
    Some(Ok(twin))
}

/// Rewrites the twin's body: `*y` is `y`, `return;` returns the outputs, a sequence passed
/// on as an argument (`norm(y)`, a reborrow) is borrowed (`norm(&y)`).
struct TwinBody {
    names: Vec<Ident>,
    sequences: Vec<Ident>,
    out: Expr,
}

impl VisitMut for TwinBody {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if self.hoist_index(e) {
            return;
        }
        match e {
            Expr::Unary(u)
                if matches!(u.op, syn::UnOp::Deref(_))
                    && matches!(strip(&u.expr), Expr::Path(p)
                        if p.path.get_ident().is_some_and(|i| self.names.contains(i))) =>
            {
                *e = strip(&u.expr).clone();
                return;
            }
            Expr::Return(r) if r.expr.is_none() => {
                r.expr = Some(Box::new(self.out.clone()));
                return;
            }
            Expr::Call(c) => {
                for a in c.args.iter_mut() {
                    self.borrow_sequence(a);
                }
            }
            Expr::MethodCall(m) => {
                for a in m.args.iter_mut() {
                    self.borrow_sequence(a);
                }
            }
            _ => {}
        }
        syn::visit_mut::visit_expr_mut(self, e);
    }
    // A statement calling a user function with a `&mut` parameter passed on bare (`g(y,
    // a);`, Rust's implicit reborrow) and nothing else by `&mut`: the in-place call it is,
    // written `g(&mut *y, a);` (then read as the assignment of `g`'s value twin, see
    // [`call_site`]).
    fn visit_stmt_mut(&mut self, st: &mut syn::Stmt) {
        if let syn::Stmt::Expr(e, Some(_)) = st {
            let args = match e {
                Expr::Call(c)
                    if matches!(strip(&c.func), Expr::Path(f) if f.qself.is_none()
                        && !path_names(&f.path).first().is_some_and(|s| matches!(s.as_str(),
                            "std" | "core" | "alloc" | "ad_runtime" | "ndarray" | "println" | "print"))) =>
                {
                    Some(&mut c.args)
                }
                _ => None,
            };
            // (Only a call that lends nothing else by `&mut` and passes one such parameter:
            // `derivs(y, p, &mut d);` reads `y`.)
            let bare = |a: &Expr| {
                matches!(strip(a), Expr::Path(p)
                    if p.path.get_ident().is_some_and(|i| self.names.contains(i)))
            };
            if let Some(args) = args
                && !args
                    .iter()
                    .any(|a| matches!(strip(a), Expr::Reference(r) if r.mutability.is_some()))
                && args.iter().filter(|a| bare(a)).count() == 1
            {
                for a in args.iter_mut() {
                    if bare(a) {
                        let inner = a.clone();
                        *a = syn::parse_quote_spanned!(inner.span()=> &mut *#inner);
                    }
                }
            }
        }
        syn::visit_mut::visit_stmt_mut(self, st);
    }
    // Closures keep their own `return`s.
    fn visit_expr_closure_mut(&mut self, c: &mut syn::ExprClosure) {
        let saved = self.out.clone();
        self.out = syn::parse_quote!(());
        syn::visit_mut::visit_expr_closure_mut(self, c);
        self.out = saved;
    }
}

/// Whether `e` is a compound assignment (`+=`, `*=`, ...).
fn is_compound(e: &Expr) -> bool {
    use syn::BinOp::*;
    matches!(e, Expr::Binary(b) if matches!(b.op,
        AddAssign(_) | SubAssign(_) | MulAssign(_) | DivAssign(_) | RemAssign(_)))
}

impl TwinBody {
    /// `y[1 % y.len()] *= a` (or `=`): valid on the slice, but on the twin's `Vec` the index
    /// would borrow `y` while `IndexMut` holds it; the index is computed first (`true`: done,
    /// `e` rewritten and visited).
    fn hoist_index(&mut self, e: &mut Expr) -> bool {
        if !(matches!(e, Expr::Assign(_)) || is_compound(e)) {
            return false;
        }
        let left = match e {
            Expr::Assign(a) => &mut a.left,
            Expr::Binary(b) => &mut b.left,
            _ => return false,
        };
        let Expr::Index(ix) = &mut **left else {
            return false;
        };
        let hoist = matches!(strip(&ix.expr), Expr::Path(p)
        if p.path.get_ident().is_some_and(|y| {
            self.sequences.contains(y) && super::desugar::mentions(&ix.index, y)
        }));
        if !hoist {
            return false;
        }
        let i = Ident::new("__ad_index", proc_macro2::Span::call_site());
        let mut index = std::mem::replace(&mut *ix.index, syn::parse_quote!(#i));
        syn::visit_mut::visit_expr_mut(self, e);
        self.visit_expr_mut(&mut index);
        *e = syn::parse_quote!({ let #i = #index; #e; });
        true
    }

    fn borrow_sequence(&self, a: &mut Expr) {
        if let Expr::Path(p) = strip(a)
            && p.path
                .get_ident()
                .is_some_and(|i| self.sequences.contains(i))
        {
            let inner = a.clone();
            *a = syn::parse_quote_spanned!(inner.span()=> &#inner);
        }
    }
}

/// A statement `g(&mut a, x);` (or `m::g(..)`, `Self::g(..)`, `self.g(..)`) that passes
/// places by `&mut` to a user function: the assignment of its value twin's result,
/// `a = __ad_inplace_g(a.clone(), x);` (through the fields of the result's tuple for several).
/// `&mut a[..]` and `&mut *a` pass `a`. `None` for other statements (standard-library calls
/// such as `std::mem::swap` are left to their own rewrites).
pub fn call_site(e: &Expr) -> Option<Vec<syn::Stmt>> {
    let span = e.span();
    type Rebuild = Box<dyn Fn(Vec<Expr>) -> Expr>;
    let (args, rebuild): (Vec<&Expr>, Rebuild) = match strip(e) {
        Expr::Call(c) => {
            let Expr::Path(f) = strip(&c.func) else {
                return None;
            };
            let segs = path_names(&f.path);
            if segs.first().is_some_and(|s| {
                matches!(
                    s.as_str(),
                    "std" | "core" | "alloc" | "ad_runtime" | "ndarray"
                )
            }) || segs.iter().any(|s| s == "mem")
                || (segs.len() == 1 && segs[0] == "swap")
                || f.qself.is_some()
            {
                return None;
            }
            let mut path = f.path.clone();
            let last = path.segments.last_mut()?;
            last.ident = twin_name(&last.ident);
            let func = syn::ExprPath {
                attrs: Vec::new(),
                qself: None,
                path,
            };
            (
                c.args.iter().collect(),
                Box::new(move |args| syn::parse_quote_spanned!(span=> #func(#(#args),*))),
            )
        }
        // A method of `self`, of a struct parameter or local, or of a field (`self.m(..)`,
        // `m.sweep(&mut u)`, `self.layer.apply(x, &mut out)`), not a container's own
        // (`v.append(&mut w)`).
        Expr::MethodCall(m)
            if matches!(strip(&m.receiver), Expr::Path(_) | Expr::Field(_))
                && m.turbofish.is_none()
                && !crate::sema::rules::known_method(&m.method.to_string()) =>
        {
            let method = twin_name(&m.method);
            let recv = m.receiver.clone();
            (
                m.args.iter().collect(),
                Box::new(move |args| syn::parse_quote_spanned!(span=> #recv.#method(#(#args),*))),
            )
        }
        _ => return None,
    };
    let mut places = Vec::new();
    let mut new_args = Vec::new();
    for a in args {
        match strip(a) {
            Expr::Reference(r) if r.mutability.is_some() => {
                let place = whole_place(&r.expr)?;
                new_args.push(syn::parse_quote_spanned!(a.span()=> #place.clone()));
                places.push(place);
            }
            _ => new_args.push(a.clone()),
        }
    }
    if places.is_empty() {
        return None;
    }
    let call = rebuild(new_args);
    Some(if places.len() == 1 {
        let p = &places[0];
        vec![syn::parse_quote_spanned!(span=> #p = #call;)]
    } else {
        // Through the tuple's fields, so each place keeps its own type (an array-typed local
        // keeps its array adjoint).
        let outs = Ident::new("__ad_outs", span);
        let mut stmts = vec![syn::parse_quote_spanned!(span=> let #outs = #call;)];
        for (k, p) in places.iter().enumerate() {
            let k = syn::Index::from(k);
            stmts.push(syn::parse_quote_spanned!(span=> #p = #outs.#k;));
        }
        stmts
    })
}

/// The variable a `&mut` argument lends whole: `a`, `a[..]`, `*a`.
fn whole_place(e: &Expr) -> Option<Expr> {
    match strip(e) {
        Expr::Path(p) if p.path.get_ident().is_some() => Some(strip(e).clone()),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => whole_place(&u.expr),
        Expr::Index(ix)
            if matches!(strip(&ix.index), Expr::Range(r)
            if r.start.is_none() && r.end.is_none()) =>
        {
            whole_place(&ix.expr)
        }
        _ => None,
    }
}

/// The twin's primal, emitted next to the user's function (hidden; the generated functions
/// call it where they need the primal value).
pub fn emit_primal(twin: &syn::ItemFn) -> proc_macro2::TokenStream {
    let mut f = twin.clone();
    f.attrs
        .retain(|a| !a.path().is_ident("differentiable") && !a.path().is_ident("checkpoint"));
    quote! {
        #[doc(hidden)]
        #[allow(dead_code, non_snake_case, unused_mut, clippy::all)]
        #f
    }
}
