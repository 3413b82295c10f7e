//! Searches over an iterator, `xs.iter().any(|&v| p)`, `all`, `position`: their results are
//! discrete, but the predicate may read differentiated values, which a closure passed on
//! cannot. Each is the loop it stands for, whose predicate runs, as Rust runs it, only until
//! the answer is known (a predicate may have effects: `|&v| { n += 1.0; v > t }`); the loop
//! goes on without it (no early exit):
//!
//! - `any`: `{ let mut r = false; for pat in iter { if !r && p { r = true; } } r }`
//! - `all`: `{ let mut r = true; for pat in iter { if r && !(p) { r = false; } } r }`
//! - `position`: `{ let mut r = None; for (i, pat) in iter.enumerate() { if r.is_none() && p
//!   { r = Some(i); } } r }`
//!
//! The loop binds the closure's own pattern to the iterator's items, so the predicate reads
//! them as it did (`|&v|` on `xs.iter()` binds `for &v in xs.iter()`).
//!
//! Also a `loop` used as a value (`let r = loop { .. break e; }`), the other search users
//! write ([`loop_values`]).

use super::*;

/// The loop a search stands for, or `None` when `e` is not one (or the closure is not a
/// one-parameter closure, or the receiver is not an iterator of a slice, `Vec` or array).
pub(super) fn search_loop(e: &Expr) -> Option<Expr> {
    let Expr::MethodCall(m) = strip(e) else {
        return None;
    };
    let kind = m.method.to_string();
    if !matches!(kind.as_str(), "any" | "all" | "position") || m.args.len() != 1 {
        return None;
    }
    let Expr::Closure(c) = strip(&m.args[0]) else {
        return None;
    };
    if c.inputs.len() != 1 || c.asyncness.is_some() {
        return None;
    }
    // An iterator the front end can index: `xs.iter()`, also through `copied()`/`cloned()`.
    let Expr::MethodCall(src) = strip(&m.receiver) else {
        return None;
    };
    let iterates = |mc: &syn::ExprMethodCall| {
        matches!(mc.method.to_string().as_str(), "iter" | "into_iter") && mc.args.is_empty()
    };
    let ok = iterates(src)
        || (matches!(src.method.to_string().as_str(), "copied" | "cloned")
            && matches!(strip(&src.receiver), Expr::MethodCall(inner) if iterates(inner)));
    if !ok {
        return None;
    }
    let span = e.span();
    let (pat, body, iter) = (&c.inputs[0], &c.body, &m.receiver);
    let r = Ident::new("__ad_found", span);
    let i = Ident::new("__ad_at", span);
    let text = match kind.as_str() {
        "any" => quote::quote_spanned!(span=> {
            let mut #r = false;
            for #pat in #iter { if !#r && #body { #r = true; } }
            #r
        }),
        "all" => quote::quote_spanned!(span=> {
            let mut #r = true;
            for #pat in #iter { if #r && !(#body) { #r = false; } }
            #r
        }),
        _ => quote::quote_spanned!(span=> {
            let mut #r: ::core::option::Option<usize> = ::core::option::Option::None;
            for (#i, #pat) in (#iter).enumerate() {
                if #r.is_none() && #body { #r = ::core::option::Option::Some(#i); }
            }
            #r
        }),
    };
    syn::parse2(text).ok()
}

/// `let r = loop { ..; break e; .. };` (a loop used as a value): `let r;` and the loop with
/// each `break e` that leaves it written `{ r = e; break; }`, the form whose `let r;`
/// assigned before a `break` the front end takes. Also a block's last expression `loop {
/// .. }`, through a hidden variable.
pub(super) fn loop_values(b: &mut syn::Block) {
    let mut out = Vec::with_capacity(b.stmts.len());
    let n = b.stmts.len();
    for (k, s) in std::mem::take(&mut b.stmts).into_iter().enumerate() {
        // A labelled block (`let r = 'a: { ..; break 'a e; ..; tail };`) is the loop that runs
        // once: `'a: loop { ..; break 'a tail; }`.
        let s = match s {
            syn::Stmt::Local(mut l)
                if matches!(&l.init, Some(init) if init.diverge.is_none()
                    && matches!(&*init.expr, Expr::Block(eb) if eb.label.is_some())) =>
            {
                let init = l.init.as_mut().unwrap();
                if let Expr::Block(eb) = &*init.expr
                    && let Some(lp) = block_as_loop(eb)
                {
                    *init.expr = Expr::Loop(lp);
                }
                syn::Stmt::Local(l)
            }
            syn::Stmt::Expr(Expr::Block(eb), None) if k + 1 == n && eb.label.is_some() => {
                match block_as_loop(&eb) {
                    Some(lp) => syn::Stmt::Expr(Expr::Loop(lp), None),
                    None => syn::Stmt::Expr(Expr::Block(eb), None),
                }
            }
            other => other,
        };
        match s {
            syn::Stmt::Local(l)
                if matches!(&l.init, Some(init) if init.diverge.is_none()
                    && matches!(&*init.expr, Expr::Loop(_)))
                    && matches!(super::super::desugar::untyped(&l.pat), Pat::Ident(pi)
                        if pi.by_ref.is_none() && pi.subpat.is_none()) =>
            {
                let Pat::Ident(pi) = super::super::desugar::untyped(&l.pat) else {
                    unreachable!()
                };
                let name = pi.ident.clone();
                let Some(init) = l.init else { unreachable!() };
                let Expr::Loop(mut lp) = *init.expr else {
                    unreachable!()
                };
                let pat = &l.pat;
                out.push(syn::parse_quote_spanned!(l.let_token.span=> let #pat;));
                breaks_assign(&mut lp, &name);
                out.push(syn::Stmt::Expr(Expr::Loop(lp), Some(Default::default())));
            }
            // (Only one that a `break` leaves with a value: a loop left by `return` alone
            // has type `!`.)
            syn::Stmt::Expr(Expr::Loop(lp), None) if k + 1 == n => {
                let name = Ident::new("__ad_loop_value", lp.loop_token.span);
                let mut written = lp.clone();
                if breaks_assign(&mut written, &name) == 0 {
                    out.push(syn::Stmt::Expr(Expr::Loop(lp), None));
                    continue;
                }
                out.push(syn::parse_quote_spanned!(lp.loop_token.span=> let #name;));
                out.push(syn::Stmt::Expr(
                    Expr::Loop(written),
                    Some(Default::default()),
                ));
                out.push(syn::Stmt::Expr(syn::parse_quote!(#name), None));
            }
            other => out.push(other),
        }
    }
    b.stmts = out;
}

/// A labelled block with a value as the loop that runs once, or `None` when it has no value
/// or an unlabelled `break`/`continue` (which leaves an enclosing loop, and would leave the
/// new one).
fn block_as_loop(eb: &syn::ExprBlock) -> Option<syn::ExprLoop> {
    let label = eb.label.clone()?;
    let mut stmts = eb.block.stmts.clone();
    let Some(syn::Stmt::Expr(tail, None)) = stmts.pop() else {
        return None;
    };
    struct Unlabelled {
        depth: usize,
        found: bool,
    }
    impl syn::visit::Visit<'_> for Unlabelled {
        fn visit_expr(&mut self, e: &Expr) {
            match e {
                Expr::Break(b) if b.label.is_none() && self.depth == 0 => self.found = true,
                Expr::Continue(c) if c.label.is_none() && self.depth == 0 => self.found = true,
                Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_) => {
                    self.depth += 1;
                    syn::visit::visit_expr(self, e);
                    self.depth -= 1;
                }
                Expr::Closure(_) | Expr::Async(_) | Expr::Const(_) => {}
                _ => syn::visit::visit_expr(self, e),
            }
        }
        fn visit_item(&mut self, _: &syn::Item) {}
    }
    let mut u = Unlabelled {
        depth: 0,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut u, &eb.block);
    if u.found {
        return None;
    }
    let name = &label.name;
    Some(syn::parse_quote_spanned!(eb.block.brace_token.span.join()=>
        #label loop { #(#stmts)* break #name #tail; }
    ))
}

/// The `break e`s that leave `lp` (unlabelled outside nested loops, or with its label)
/// written `{ name = e; break; }`; how many there were.
fn breaks_assign(lp: &mut syn::ExprLoop, name: &Ident) -> usize {
    struct Breaks<'a> {
        name: &'a Ident,
        label: Option<syn::Lifetime>,
        depth: usize,
        count: usize,
    }
    impl syn::visit_mut::VisitMut for Breaks<'_> {
        fn visit_expr_mut(&mut self, e: &mut Expr) {
            match e {
                Expr::Break(b)
                    if b.expr.is_some()
                        && ((b.label.is_none() && self.depth == 0)
                            || (b.label.is_some() && b.label == self.label)) =>
                {
                    let value = b.expr.take().unwrap();
                    self.count += 1;
                    let (name, label) = (self.name, &b.label);
                    // (A variable is cloned: the lowered loop's later statements, skipped
                    // after the `break` at run time, still mention it.)
                    let value: Expr = match strip(&value) {
                        Expr::Path(p) if p.path.get_ident().is_some() => {
                            syn::parse_quote_spanned!(value.span()=> #value.clone())
                        }
                        _ => *value,
                    };
                    *e =
                        syn::parse_quote_spanned!(value.span()=> { #name = #value; break #label; });
                }
                Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_) => {
                    self.depth += 1;
                    syn::visit_mut::visit_expr_mut(self, e);
                    self.depth -= 1;
                }
                Expr::Closure(_) | Expr::Async(_) | Expr::Const(_) => {}
                _ => syn::visit_mut::visit_expr_mut(self, e),
            }
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let label = lp.label.as_ref().map(|l| l.name.clone());
    let mut v = Breaks {
        name,
        label,
        depth: 0,
        count: 0,
    };
    syn::visit_mut::VisitMut::visit_block_mut(&mut v, &mut lp.body);
    v.count
}

/// `xs.iter().max_by(|a, b| a.partial_cmp(b).unwrap()).unwrap()` (also `total_cmp`, the
/// comparison reversed, `min_by`, `.expect(..)`, a leading `*`, `copied()`/`cloned()`/`map`
/// stages) and `xs.iter().copied().reduce(f64::max).unwrap()`: the fold it stands for,
/// `xs.iter().fold(-∞, |m, &v| if v >= m { v } else { m })`, which the iterator chains
/// lower: the element `max_by` picks (the last of equal maxima; `min_by` the first of equal
/// minima), so the slope goes to it alone. An empty iterator gives `∓∞` where `unwrap`
/// panics.
pub(super) fn extremum(e: &Expr) -> Option<Expr> {
    let e = match strip(e) {
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => strip(&u.expr),
        other => other,
    };
    let Expr::MethodCall(un) = e else {
        return None;
    };
    if !matches!(un.method.to_string().as_str(), "unwrap" | "expect") {
        return None;
    }
    let Expr::MethodCall(m) = strip(&un.receiver) else {
        return None;
    };
    if m.args.len() != 1 {
        return None;
    }
    // Whether it is a maximum, and the test that takes the element `v` over `m` so far.
    let (max, takes) = match m.method.to_string().as_str() {
        "max_by" | "min_by" => {
            let Expr::Closure(c) = strip(&m.args[0]) else {
                return None;
            };
            let forward = comparator(c)?;
            // `max_by` keeps the last of equals, `min_by` the first; a reversed comparison
            // makes `max_by` a minimum (the last of equal minima) and `min_by` a maximum.
            match (m.method == "max_by", forward) {
                (true, true) => (true, quote::quote!(>=)),
                (false, true) => (false, quote::quote!(<)),
                (true, false) => (false, quote::quote!(<=)),
                (false, false) => (true, quote::quote!(>)),
            }
        }
        "reduce" => {
            let f = quote::ToTokens::to_token_stream(&m.args[0])
                .to_string()
                .replace(' ', "");
            match f.as_str() {
                "f64::max" | "f32::max" | "|a,b|a.max(b)" => (true, quote::quote!(>)),
                "f64::min" | "f32::min" | "|a,b|a.min(b)" => (false, quote::quote!(<)),
                _ => return None,
            }
        }
        _ => return None,
    };
    let by_ref = yields_refs(&m.receiver)?;
    let span = e.span();
    let (acc, v) = (Ident::new("__ad_m", span), Ident::new("__ad_v", span));
    let pat = if by_ref {
        quote::quote!(&#v)
    } else {
        quote::quote!(#v)
    };
    let iter = &m.receiver;
    let init = if max {
        quote::quote!(-1.0 / 0.0)
    } else {
        quote::quote!(1.0 / 0.0)
    };
    let text = quote::quote_spanned!(span=>
        (#iter).fold(#init, |#acc, #pat| if #v #takes #acc { #v } else { #acc }));
    syn::parse2(text).ok()
}

/// A comparator `|a, b| a.partial_cmp(b).unwrap()` (`&b`, `.expect(..)`, `total_cmp`):
/// `Some(true)` for `a` against `b`, `Some(false)` reversed, `None` for anything else.
fn comparator(c: &ExprClosure) -> Option<bool> {
    if c.inputs.len() != 2 {
        return None;
    }
    let name = |p: &Pat| match untyped(p) {
        Pat::Ident(pi) => Some(pi.ident.to_string()),
        Pat::Reference(r) => match untyped(&r.pat) {
            Pat::Ident(pi) => Some(pi.ident.to_string()),
            _ => None,
        },
        _ => None,
    };
    let (a, b) = (name(&c.inputs[0])?, name(&c.inputs[1])?);
    let operand = |e: &Expr| -> Option<String> {
        match strip(e) {
            Expr::Path(p) => p.path.get_ident().map(|i| i.to_string()),
            Expr::Reference(r) => match strip(&r.expr) {
                Expr::Path(p) => p.path.get_ident().map(|i| i.to_string()),
                _ => None,
            },
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => match strip(&u.expr) {
                Expr::Path(p) => p.path.get_ident().map(|i| i.to_string()),
                _ => None,
            },
            _ => None,
        }
    };
    let mut body = strip(&c.body);
    if let Expr::Block(b) = body
        && b.block.stmts.len() == 1
        && let syn::Stmt::Expr(inner, None) = &b.block.stmts[0]
    {
        body = strip(inner);
    }
    let cmp = match body {
        Expr::MethodCall(u) if matches!(u.method.to_string().as_str(), "unwrap" | "expect") => {
            match strip(&u.receiver) {
                Expr::MethodCall(p) if p.method == "partial_cmp" => p,
                _ => return None,
            }
        }
        Expr::MethodCall(t) if t.method == "total_cmp" => t,
        _ => return None,
    };
    if cmp.args.len() != 1 {
        return None;
    }
    let (x, y) = (operand(&cmp.receiver)?, operand(&cmp.args[0])?);
    match (x == a && y == b, x == b && y == a) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    }
}

/// Whether an iterator over floats yields references (`xs.iter()`, through `rev`, `skip`,
/// `take`, `step_by`, `filter`) or values (after `copied`, `cloned`, `map`); `None` for
/// anything else (pairs, windows, ranges).
fn yields_refs(e: &Expr) -> Option<bool> {
    let Expr::MethodCall(m) = strip(e) else {
        return None;
    };
    match m.method.to_string().as_str() {
        "iter" if m.args.is_empty() => Some(true),
        "copied" | "cloned" | "map" => Some(false),
        "rev" | "skip" | "take" | "step_by" | "filter" => yields_refs(&m.receiver),
        _ => None,
    }
}
