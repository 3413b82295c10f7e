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
                if !matches!(untyped(a), syn::Pat::Ident(_)) {
                    return None;
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
                    stmts.extend(update(&try_parse!(#elem))?.into_iter().skip(0));
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
fn mentions(e: &Expr, name: &Ident) -> bool {
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

/// Slice accessors rewritten into the indexing they stand for, before lowering (so every mode
/// gets them): `xs.first().unwrap()` is `xs[0]` (a value for the borrow), `xs.last().copied().unwrap()` is
/// `xs[xs.len() - 1]`, `xs.first().copied().unwrap_or(d)` is `if xs.is_empty() { d } else {
/// xs[0] }` (also `.cloned()`, `.expect(..)`), and `let (l, r) = xs.split_at(k);` is `let l
/// = &xs[..k]; let r = &xs[k..];`. Only where the slice and `k` are expressions without
/// effects (names, fields, literals, `len()`, arithmetic), since they are written twice.
/// Also `a.map_axis(Axis(k), |lane| e)` of a 2-D array (see `map_axis`) and `Zip` of 1-D
/// arrays (see `zip_loop`).
pub fn slice_methods(block: &mut syn::Block) {
    SliceMethods.visit_block_mut(block);
}

struct SliceMethods;

/// An expression that may be evaluated twice: names, fields, literals, indexing, `len()`
/// and arithmetic of those.
fn pure(e: &Expr) -> bool {
    match strip(e) {
        Expr::Path(_) | Expr::Lit(_) => true,
        Expr::Field(f) => pure(&f.base),
        Expr::Reference(r) => r.mutability.is_none() && pure(&r.expr),
        Expr::Unary(u) => pure(&u.expr),
        Expr::Binary(b) => !is_compound_assign(&b.op) && pure(&b.left) && pure(&b.right),
        Expr::Index(i) => pure(&i.expr) && pure(&i.index),
        Expr::MethodCall(m) => m.method == "len" && m.args.is_empty() && pure(&m.receiver),
        _ => false,
    }
}

fn slice_access(m: &syn::ExprMethodCall) -> Option<Expr> {
    let or_default = match (m.method.to_string().as_str(), m.args.len()) {
        ("unwrap", 0) | ("expect", 1) => None,
        ("unwrap_or", 1) => Some(&m.args[0]),
        _ => return None,
    };
    let mut inner = strip(&m.receiver);
    let mut copied = false;
    if let Expr::MethodCall(c) = inner
        && (c.method == "copied" || c.method == "cloned")
        && c.args.is_empty()
    {
        copied = true;
        inner = strip(&c.receiver);
    }
    let Expr::MethodCall(acc) = inner else {
        return None;
    };
    let first = acc.method == "first";
    if !(first || acc.method == "last") || !acc.args.is_empty() || !pure(&acc.receiver) {
        return None;
    }
    let s = &acc.receiver;
    let span = m.span();
    let idx = if first {
        quote::quote_spanned!(span=> 0)
    } else {
        quote::quote_spanned!(span=> (#s).len() - 1)
    };
    // `xs.first().unwrap()` is a `&f64`; the element's value stands for it (arithmetic takes
    // both, and a borrow of a temporary could not be kept by the reverse sweep), and
    // `*xs.first().unwrap()` is the value too (see `visit_expr_mut`).
    Some(match (or_default, copied) {
        (None, _) => try_parse_at!(span, (#s)[#idx]),
        (Some(d), true) => try_parse_at!(span, (if (#s).is_empty() { #d } else { (#s)[#idx] })),
        (Some(_), false) => return None,
    })
}

fn split_at(local: &syn::Local) -> Option<Vec<syn::Stmt>> {
    let Pat::Tuple(t) = untyped(&local.pat) else {
        return None;
    };
    let init = local.init.as_ref().filter(|i| i.diverge.is_none())?;
    let Expr::MethodCall(m) = strip(&init.expr) else {
        return None;
    };
    if m.method != "split_at" || m.args.len() != 1 || t.elems.len() != 2 {
        return None;
    }
    let (s, k) = (&m.receiver, &m.args[0]);
    if !pure(s) || !pure(k) {
        return None;
    }
    let (l, r) = (&t.elems[0], &t.elems[1]);
    let span = m.span();
    Some(vec![
        try_parse_at!(span, let #l = &(#s)[..(#k)];),
        try_parse_at!(span, let #r = &(#s)[(#k)..];),
    ])
}

/// `a.map_axis(Axis(k), |lane| e)` of a 2-D array (`k` a literal 0 or 1): a loop over the
/// lanes (`a.index_axis(Axis(1 - k), i)`) writing `e` into a buffer, made an array by the
/// runtime's `array_from_vec`; the rank is checked at run time (an `assert_eq!`, so a 3-D
/// array is an error, not a wrong shape).
fn map_axis(m: &syn::ExprMethodCall) -> Option<Expr> {
    if m.method != "map_axis" || m.args.len() != 2 || !pure(&m.receiver) {
        return None;
    }
    let Expr::Call(ax) = strip(&m.args[0]) else {
        return None;
    };
    let axis = &ax.func;
    let k = match (strip(&ax.func), ax.args.first().map(strip)) {
        (
            Expr::Path(p),
            Some(Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(k),
                ..
            })),
        ) if p.path.segments.last().is_some_and(|s| s.ident == "Axis") && ax.args.len() == 1 => {
            k.base10_parse::<usize>().ok().filter(|k| *k < 2)?
        }
        _ => return None,
    };
    let Expr::Closure(c) = strip(&m.args[1]) else {
        return None;
    };
    if c.inputs.len() != 1 || c.movability.is_some() || c.asyncness.is_some() {
        return None;
    }
    let Pat::Ident(lane) = untyped(&c.inputs[0]) else {
        return None;
    };
    let lane = &lane.ident;
    let (a, body) = (&m.receiver, &c.body);
    let other = 1 - k;
    let span = m.span();
    Some(try_parse_at!(span, {
        ::core::assert_eq!((#a).ndim(), 2, "#[differentiable] takes `map_axis` on 2-D arrays only");
        let mut __ad_lanes = ::std::vec![0.0; (#a).shape()[#other]];
        for __ad_lane in 0..(#a).shape()[#other] {
            let #lane = (#a).index_axis(#axis(#other), __ad_lane);
            __ad_lanes[__ad_lane] = #body;
        }
        ::ad_runtime::__private::array_from_vec(&__ad_lanes)
    }))
}

/// The producers of `Zip::from(P0).and(P1)...`: each `(array, mutable)` from `&mut x`,
/// `&x`, `x.view()` or `x`, with `x` an expression without effects.
fn zip_producers(e: &Expr) -> Option<Vec<(Expr, bool)>> {
    fn producer(a: &Expr) -> Option<(Expr, bool)> {
        let (x, m) = match strip(a) {
            Expr::Reference(r) => (&*r.expr, r.mutability.is_some()),
            Expr::MethodCall(v) if v.method == "view" && v.args.is_empty() => (&*v.receiver, false),
            other => (other, false),
        };
        pure(x).then(|| (x.clone(), m))
    }
    match strip(e) {
        Expr::MethodCall(m) if m.method == "and" && m.args.len() == 1 => {
            let mut ps = zip_producers(&m.receiver)?;
            ps.push(producer(&m.args[0])?);
            Some(ps)
        }
        Expr::Call(c) if c.args.len() == 1 => {
            let Expr::Path(p) = strip(&c.func) else {
                return None;
            };
            let n = p.path.segments.len();
            (n >= 2
                && p.path.segments[n - 1].ident == "from"
                && p.path.segments[n - 2].ident == "Zip")
                .then(|| producer(&c.args[0]))
                .flatten()
                .map(|p| vec![p])
        }
        _ => None,
    }
}

/// `Zip::from(..).and(..).for_each(|c, &a, ..| *c = e)` (a statement) and
/// `Zip::from(..).and(..).map_collect(|&a, ..| e)` of 1-D arrays: index loops, each closure
/// parameter (`p`, `*p` or a `&p` pattern) replaced by the element `x[i]` of its producer;
/// `map_collect` writes a buffer made an array by the runtime's `array_from_vec`. The rank
/// and the lengths are checked at run time (`assert_eq!`), as `Zip` checks its shapes.
fn zip_loop(m: &syn::ExprMethodCall) -> Option<Expr> {
    let collect = match m.method.to_string().as_str() {
        "for_each" => false,
        "map_collect" => true,
        _ => return None,
    };
    if m.args.len() != 1 {
        return None;
    }
    let producers = zip_producers(&m.receiver)?;
    let Expr::Closure(c) = strip(&m.args[0]) else {
        return None;
    };
    if c.inputs.len() != producers.len() || producers.iter().any(|(_, mt)| *mt) == collect {
        return None;
    }
    let i = Ident::new("__ad_zip_i", m.span());
    let mut subst = Vec::new();
    for (pat, (x, _)) in c.inputs.iter().zip(&producers) {
        let name = match untyped(pat) {
            Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => p.ident.clone(),
            Pat::Reference(r) => match untyped(&r.pat) {
                Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => p.ident.clone(),
                _ => return None,
            },
            _ => return None,
        };
        let elem: Expr = try_parse_at!(x.span(), #x[#i]);
        subst.push((name, elem));
    }
    struct Subst<'a>(&'a [(Ident, Expr)]);
    impl VisitMut for Subst<'_> {
        fn visit_expr_mut(&mut self, e: &mut Expr) {
            let target = match e {
                Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => match strip(&u.expr) {
                    Expr::Path(p) => p.path.get_ident().cloned(),
                    _ => None,
                },
                Expr::Path(p) => p.path.get_ident().cloned(),
                _ => None,
            };
            if let Some(t) = target
                && let Some((_, elem)) = self.0.iter().find(|(n, _)| *n == t)
            {
                *e = elem.clone();
                return;
            }
            syn::visit_mut::visit_expr_mut(self, e);
        }
        // A closure inside the body that rebinds a name: left alone (rare; rustc reports it).
        fn visit_expr_closure_mut(&mut self, _: &mut ExprClosure) {}
    }
    let mut body = (*c.body).clone();
    Subst(&subst).visit_expr_mut(&mut body);
    let first = &producers[0].0;
    let checks = producers[1..].iter().map(|(x, _)| {
        quote::quote_spanned!(m.span()=> ::core::assert_eq!((#x).len(), (#first).len(), "Zip: the arrays have different lengths");)
    });
    let span = m.span();
    Some(if collect {
        try_parse_at!(span, {
            ::core::assert_eq!((#first).ndim(), 1, "#[differentiable] takes `Zip` of 1-D arrays only");
            #(#checks)*
            let mut __ad_zipped = ::std::vec![0.0; (#first).len()];
            for #i in 0..(#first).len() {
                __ad_zipped[#i] = #body;
            }
            ::ad_runtime::__private::array_from_vec(&__ad_zipped)
        })
    } else {
        try_parse_at!(span, {
            ::core::assert_eq!((#first).ndim(), 1, "#[differentiable] takes `Zip` of 1-D arrays only");
            #(#checks)*
            for #i in 0..(#first).len() {
                #body;
            }
        })
    })
}

impl VisitMut for SliceMethods {
    fn visit_block_mut(&mut self, b: &mut syn::Block) {
        let mut out = Vec::with_capacity(b.stmts.len());
        for mut s in std::mem::take(&mut b.stmts) {
            if let syn::Stmt::Local(l) = &s
                && let Some(two) = split_at(l)
            {
                out.extend(two);
                continue;
            }
            self.visit_stmt_mut(&mut s);
            out.push(s);
        }
        b.stmts = out;
    }

    fn visit_expr_mut(&mut self, e: &mut Expr) {
        // `*xs.first().unwrap()`: the element's value.
        if let Expr::Unary(u) = e
            && matches!(u.op, syn::UnOp::Deref(_))
            && let Expr::MethodCall(m) = strip(&u.expr)
            && let Some(new) = slice_access(m)
        {
            *e = new;
            return self.visit_expr_mut(e);
        }
        syn::visit_mut::visit_expr_mut(self, e);
        if let Expr::MethodCall(m) = e
            && let Some(new) = slice_access(m)
                .or_else(|| map_axis(m))
                .or_else(|| zip_loop(m))
        {
            *e = new;
        }
    }
}
