//! Desugaring: iterator reductions rewritten into the loops they stand for, and closures
//! whose syntax picks a rule (`fold_axis`) read as syntax trees, never as printed text.
//! Syntax built here from the user's is parsed with `try_parse!`, which fails instead of
//! panicking.

use super::syntax::*;
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Expr, ExprClosure, Ident, Pat};

/// `syn::parse_quote!` for syntax built from the user's: `None` (the caller then reports the
/// construct as unsupported) where `parse_quote!` would panic.
macro_rules! try_parse {
    ($($t:tt)*) => {
        syn::parse2(quote::quote!($($t)*)).ok()?
    };
}

/// [`try_parse!`] for a pattern (`Pat::parse_single`).
macro_rules! try_parse_pat {
    ($($t:tt)*) => {
        syn::parse::Parser::parse2(syn::Pat::parse_single, quote::quote!($($t)*)).ok()?
    };
}

/// [`try_parse!`] with every token at `span` (`quote_spanned!`).
macro_rules! try_parse_at {
    ($span:expr, $($t:tt)*) => {
        syn::parse2(quote::quote_spanned!($span=> $($t)*)).ok()?
    };
}

/// The loop that an iterator reduction stands for, as a block expression, or `None` for a
/// shape it does not know. Reductions: `.sum()` (`s += e`), `.product()` (`s *= e`) and
/// `.fold(init, |a, v| f)` (`s = f` with `a` bound to `s`); the iterator: `xs.iter()`
/// (also `.into_iter()`, `.copied()`, `.cloned()`), or `xs.iter().zip(Y)` with `Y` =
/// `ys.iter()`, `&ys` or `ys` (an index loop over the shorter length, elements bound by a
/// `(a, b)` or `(&a, &b)` pattern), optionally followed by `.map(|p| e)`. So
/// `xs.iter().map(|v| v * v).sum()` is `{ let mut s = 0.0; for v in xs.iter() { s += v * v; } s }`.
pub(crate) fn reduction_loop(m: &syn::ExprMethodCall) -> Option<Expr> {
    // A closure body that exits would mean something else inside the loop: unsupported.
    if exits(m.args.to_token_stream())
        || matches!(strip(&m.receiver), Expr::MethodCall(mm) if exits(mm.args.to_token_stream()))
    {
        return None;
    }
    let span = m.span();
    let acc = syn::Ident::new("__ad_reduce", span);
    let elem = syn::Ident::new("__ad_elem", span);
    let typed = |lit: Expr| -> Option<Expr> {
        Some(match &m.turbofish {
            Some(t) => {
                let ty = t.args.first()?;
                try_parse!(#lit as #ty)
            }
            None => lit,
        })
    };
    // The reduction: its initial value, the pattern its closure binds the element to (if
    // any), and the update statements given the element's value.
    // `fold(init, f64::max)`: a function path instead of a closure.
    let fold_path = match (m.method.to_string().as_str(), m.args.len()) {
        ("fold", 2) => match strip(&m.args[1]) {
            Expr::Path(p) if p.qself.is_none() => Some(p.clone()),
            _ => None,
        },
        _ => None,
    };
    let (init, fold): (Expr, Option<&syn::ExprClosure>) =
        match (m.method.to_string().as_str(), m.args.len()) {
            ("sum", 0) => (typed(try_parse!(0.0))?, None),
            ("product", 0) => (typed(try_parse!(1.0))?, None),
            ("fold", 2) if fold_path.is_some() => (m.args[0].clone(), None),
            ("fold", 2) => {
                let Expr::Closure(c) = strip(&m.args[1]) else {
                    return None;
                };
                if c.inputs.len() != 2 || c.asyncness.is_some() || c.capture.is_some() {
                    return None;
                }
                (m.args[0].clone(), Some(c))
            }
            _ => return None,
        };
    let update = |value: &Expr| -> Option<Vec<syn::Stmt>> {
        Some(match (m.method.to_string().as_str(), fold) {
            ("sum", _) => vec![try_parse!(#acc += #value;)],
            ("product", _) => vec![try_parse!(#acc *= #value;)],
            ("fold", None) => {
                let f = fold_path.as_ref()?;
                vec![try_parse!(#acc = #f(#acc, #value);)]
            }
            (_, Some(c)) => {
                let (a, body) = (&c.inputs[0], &c.body);
                // The accumulator as a name, or a tuple of names (`|(s, q), &v| (s + v, q)`).
                let named = |p: &syn::Pat| matches!(p, syn::Pat::Ident(_) | syn::Pat::Wild(_));
                match untyped(a) {
                    syn::Pat::Ident(_) => {}
                    syn::Pat::Tuple(t) if t.elems.iter().all(|p| named(untyped(p))) => {}
                    _ => return None,
                }
                vec![try_parse!(let #a = #acc;), try_parse!(#acc = #body;)]
            }
            _ => return None,
        })
    };
    // What the reduction reduces: a `.map(|p| e)` of an iterator, or the iterator itself.
    let (iter, map) = match strip(&m.receiver) {
        Expr::MethodCall(mm)
            if mm.method == "map" && mm.args.len() == 1 && mm.turbofish.is_none() =>
        {
            let Expr::Closure(c) = strip(&mm.args[0]) else {
                return None;
            };
            if c.inputs.len() != 1 || c.asyncness.is_some() || c.capture.is_some() {
                return None;
            }
            // A `fold` closure naming what the map's pattern binds (`map(|&s| s * s).fold(..,
            // |a, v| a + v * s)` with an outer `s`): the map's binding would be in scope in
            // the loop this makes; the iterator-chain lowering scopes it (see `iterchain`).
            if let Some(f) = fold {
                let (mut bound, mut used, mut own) = (Vec::new(), Vec::new(), Vec::new());
                super::stmt::idents_of(c.inputs.to_token_stream(), &mut bound);
                super::stmt::idents_of(f.body.to_token_stream(), &mut used);
                // (The fold closure's own parameters are its own: `|(m, k), v|`.)
                super::stmt::idents_of(f.inputs.to_token_stream(), &mut own);
                if bound.iter().any(|b| used.contains(b) && !own.contains(b)) {
                    return None;
                }
            }
            (&*mm.receiver, Some(c))
        }
        other => (other, None),
    };
    // The pattern the iterator's element is bound to, and the statements computing the
    // value reduced (after that binding).
    let (pat, mut body): (syn::Pat, Vec<syn::Stmt>) = match (map, fold) {
        (Some(c), _) => {
            let mbody = &c.body;
            let mut stmts: Vec<syn::Stmt> = vec![try_parse!(let #elem = #mbody;)];
            match fold {
                Some(f) => {
                    let v = &f.inputs[1];
                    if !matches!(untyped(v), syn::Pat::Ident(_) | syn::Pat::Wild(_)) {
                        return None;
                    }
                    stmts.push(try_parse!(let #v = #elem;));
                    stmts.extend(update(&try_parse!(#elem))?);
                }
                None => stmts.extend(update(&try_parse!(#elem))?),
            }
            (untyped(&c.inputs[0]).clone(), stmts)
        }
        (None, Some(f)) => (untyped(&f.inputs[1]).clone(), update(&try_parse!(#elem))?),
        (None, None) => (try_parse_pat!(#elem), update(&try_parse!(#elem))?),
    };
    if let Some(xs) = iterated_base(iter) {
        // A sub-slice `x[a..]` is iterated through its borrow; `.copied()` elements are
        // values (`&v` patterns on the borrowed elements).
        let xs: Expr = if is_range_index(xs) {
            try_parse!((&#xs))
        } else {
            xs.clone()
        };
        let copied = matches!(strip(iter), Expr::MethodCall(c) if c.method == "copied" || c.method == "cloned");
        let pat: syn::Pat = if copied {
            match &pat {
                syn::Pat::Ident(_) | syn::Pat::Wild(_) => try_parse_pat!(&#pat),
                _ => return None,
            }
        } else {
            pat
        };
        return Some(try_parse_at!(span, {
            let mut #acc = #init;
            for #pat in #xs.iter() {
                #(#body)*
            }
            #acc
        }));
    }
    // `xs.iter().zip(Y)` with `Y` = `ys.iter()`, `&ys` or `ys`.
    let Expr::MethodCall(zip) = strip(iter) else {
        return None;
    };
    if zip.method != "zip" || zip.args.len() != 1 {
        return None;
    }
    // Sub-slices stay borrowed (`(&x[1..])[i]`), other collections are indexed directly.
    let indexable = |e: &Expr| -> Option<Expr> {
        Some(match strip(e) {
            Expr::Reference(r) if r.mutability.is_none() && !is_range_index(&r.expr) => {
                (*r.expr).clone()
            }
            Expr::Reference(_) => try_parse!((#e)),
            other if is_range_index(other) => try_parse!((&#other)),
            other => other.clone(),
        })
    };
    let xs = indexable(iterated_base(&zip.receiver)?)?;
    // Any other iterator as the argument (`ys.iter().skip(1)`) is `iterchain`'s.
    if iterated_base(&zip.args[0]).is_none() && matches!(strip(&zip.args[0]), Expr::MethodCall(_)) {
        return None;
    }
    let ys = indexable(iterated_base(&zip.args[0]).unwrap_or(&zip.args[0]))?;
    let syn::Pat::Tuple(t) = &pat else {
        return None;
    };
    if t.elems.len() != 2 {
        return None;
    }
    // `a` binds `&xs[i]`, `&a` binds `xs[i]`.
    let bind = |p: &syn::Pat, base: &Expr, i: &syn::Ident| -> Option<syn::Stmt> {
        match p {
            syn::Pat::Ident(id) => Some(try_parse!(let #id = &#base[#i];)),
            syn::Pat::Reference(r) => {
                let inner = &r.pat;
                Some(try_parse!(let #inner = #base[#i];))
            }
            syn::Pat::Wild(_) => Some(try_parse!(let _ = 0;)),
            _ => None,
        }
    };
    let i = syn::Ident::new("__ad_zip_index", span);
    let mut stmts = vec![bind(&t.elems[0], &xs, &i)?, bind(&t.elems[1], &ys, &i)?];
    stmts.append(&mut body);
    Some(try_parse_at!(span, {
        let mut #acc = #init;
        for #i in 0..#xs.len().min(#ys.len()) {
            #(#stmts)*
        }
        #acc
    }))
}

/// A closure parameter without its type annotation (`v: &f64` -> `v`), to be used as a `for`
/// pattern; the type adds nothing there (the element type is the iterator's).
pub fn untyped(p: &Pat) -> &Pat {
    match p {
        Pat::Type(t) => untyped(&t.pat),
        Pat::Paren(p) => untyped(&p.pat),
        other => other,
    }
}

/// The collection `xs` of an iterator `xs.iter()`, `xs.into_iter()`, optionally followed by
/// `.copied()` or `.cloned()` (the receiver of `.sum()`).
pub(crate) fn iterated_base(e: &Expr) -> Option<&Expr> {
    let Expr::MethodCall(m) = strip(e) else {
        return None;
    };
    if !m.args.is_empty() || m.turbofish.is_some() {
        return None;
    }
    match m.method.to_string().as_str() {
        "iter" | "into_iter" => Some(&m.receiver),
        "copied" | "cloned" => match strip(&m.receiver) {
            Expr::MethodCall(inner)
                if inner.args.is_empty()
                    && matches!(inner.method.to_string().as_str(), "iter" | "into_iter") =>
            {
                Some(&inner.receiver)
            }
            _ => None,
        },
        _ => None,
    }
}

/// What `a.fold_axis(axis, init, closure)` computes along each lane.
pub struct FoldAxis {
    /// A maximum (`true`) or a minimum.
    pub max: bool,
    /// `Some(|v| e)` when the closure folds `e(v)` rather than the element itself
    /// (`|&m, &v| m.max(v * 2.0)`): the fold is then `a.mapv(|v| e)` folded by a plain
    /// maximum (minimum), which is what it computes.
    pub map: Option<ExprClosure>,
}

/// A closure parameter: its name, and whether that name is bound to a reference (`m`, with
/// the element type `&f64`) or to the value (`&m`).
fn param(p: &Pat) -> Option<(Ident, bool)> {
    match untyped(p) {
        Pat::Ident(i) if i.by_ref.is_none() && i.subpat.is_none() => Some((i.ident.clone(), true)),
        Pat::Reference(r) if r.mutability.is_none() => match untyped(&r.pat) {
            Pat::Ident(i) if i.by_ref.is_none() && i.subpat.is_none() => {
                Some((i.ident.clone(), false))
            }
            _ => None,
        },
        _ => None,
    }
}

/// The expression of a closure body: through parentheses and blocks of one expression.
fn body_expr(e: &Expr) -> &Expr {
    match strip(e) {
        Expr::Block(b) if b.label.is_none() && b.block.stmts.len() == 1 => {
            match &b.block.stmts[0] {
                syn::Stmt::Expr(inner, None) => body_expr(inner),
                _ => strip(e),
            }
        }
        other => other,
    }
}

/// Whether `e` is the parameter `name` (`name`, or `*name` for a reference binding).
fn is_name(e: &Expr, name: &Ident, by_ref: bool) -> bool {
    match strip(e) {
        Expr::Path(p) => p.qself.is_none() && p.path.is_ident(name),
        Expr::Unary(u) if by_ref && matches!(u.op, syn::UnOp::Deref(_)) => {
            matches!(strip(&u.expr), Expr::Path(p) if p.qself.is_none() && p.path.is_ident(name))
        }
        _ => false,
    }
}

/// Whether the tokens of `e` name `name` anywhere.
pub(super) fn mentions(e: &Expr, name: &Ident) -> bool {
    fn rec(ts: proc_macro2::TokenStream, name: &Ident) -> bool {
        ts.into_iter().any(|t| match t {
            proc_macro2::TokenTree::Ident(i) => i == *name,
            proc_macro2::TokenTree::Group(g) => rec(g.stream(), name),
            _ => false,
        })
    }
    rec(e.to_token_stream(), name)
}

/// Reads the closure of `fold_axis`: `|&m, &v| m.max(e)` or `|m, v| e.min(*m)` (the
/// accumulator on either side, `f64::max(m, e)` / `f32::min(..)` in path form, typed
/// parameters allowed), where `e` is the element or an expression of the element and of
/// captured variables that does not read the accumulator. Anything else is `None`.
pub fn fold_axis_closure(e: &Expr) -> Option<FoldAxis> {
    let Expr::Closure(c) = strip(e) else {
        return None;
    };
    if c.inputs.len() != 2 || c.asyncness.is_some() {
        return None;
    }
    let (acc, acc_ref) = param(&c.inputs[0])?;
    let (elem, elem_ref) = param(&c.inputs[1])?;
    if acc == elem {
        return None;
    }
    let (name, a, b) = match body_expr(&c.body) {
        Expr::MethodCall(m) if m.args.len() == 1 && m.turbofish.is_none() => {
            (m.method.to_string(), &*m.receiver, &m.args[0])
        }
        Expr::Call(call) if call.args.len() == 2 => {
            let Expr::Path(p) = strip(&call.func) else {
                return None;
            };
            let segs: Vec<String> = p
                .path
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            match segs.as_slice() {
                [ty, f] if ty == "f64" || ty == "f32" => (f.clone(), &call.args[0], &call.args[1]),
                _ => return None,
            }
        }
        _ => return None,
    };
    let max = match name.as_str() {
        "max" => true,
        "min" => false,
        _ => return None,
    };
    let other = if is_name(a, &acc, acc_ref) {
        b
    } else if is_name(b, &acc, acc_ref) {
        a
    } else {
        return None;
    };
    if mentions(other, &acc) {
        return None;
    }
    if is_name(other, &elem, elem_ref) {
        return Some(FoldAxis { max, map: None });
    }
    // `|v| e` over element values: a reference binding's `*v` becomes `v`.
    struct Unref<'a>(&'a Ident);
    impl VisitMut for Unref<'_> {
        fn visit_expr_mut(&mut self, e: &mut Expr) {
            if let Expr::Unary(u) = e
                && matches!(u.op, syn::UnOp::Deref(_))
                && matches!(strip(&u.expr), Expr::Path(p) if p.path.is_ident(self.0))
            {
                *e = (*u.expr).clone();
                return;
            }
            syn::visit_mut::visit_expr_mut(self, e);
        }
    }
    let mut body = other.clone();
    if elem_ref {
        Unref(&elem).visit_expr_mut(&mut body);
    }
    let map: ExprClosure = syn::parse2(quote::quote_spanned!(other.span()=> |#elem| #body)).ok()?;
    Some(FoldAxis {
        max,
        map: Some(map),
    })
}
