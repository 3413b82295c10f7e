//! Local 2-D arrays (`[[e; N]; M]`, `vec![vec![e; n]; m]`, `[[a, b], [c, d]]`) used only by
//! their elements and rows borrowed or iterated (`&m[i]`, `m[i].iter()`), flattened into one
//! buffer indexed `i * cols + j` (rows its sub-slices; see [`flatten_matrices`]).

use super::*;

/// A local 2-D array `let mut m = [[e; N]; M];` (or `vec![vec![e; n]; m]`) used only as
/// `m[i][j]` in the rest of its block: a flat buffer `[e; M * N]` (`vec![e; m * n]`) indexed
/// by `m[i * N + j]`, which every mode differentiates like any buffer. Any other use of the
/// name (a row `m[i]`, the whole `m`, a later binding of the name) leaves it as written (and
/// reported where it is lowered).
pub(super) fn flatten_matrices(b: &mut syn::Block) {
    let mut k = 0;
    while k < b.stmts.len() {
        let syn::Stmt::Local(l) = &b.stmts[k] else {
            k += 1;
            continue;
        };
        let (Pat::Ident(pi), Some(init)) = (&l.pat, &l.init) else {
            k += 1;
            continue;
        };
        if init.diverge.is_some() || pi.by_ref.is_some() || pi.subpat.is_some() {
            k += 1;
            continue;
        }
        let name = pi.ident.clone();
        // The element, the row length and the row count, and whether it is a `Vec`.
        // (Or a nested literal `[[1.0, 0.0], [0.0, 1.0]]`: flattened row by row.)
        let literal = nested_literal(&init.expr);
        let Some((elem, cols, rows, vec)) = nested_repeat(&init.expr).or_else(|| {
            literal
                .as_ref()
                .map(|(_, c, r)| (syn::parse_quote!(0.0), c.clone(), r.clone(), false))
        }) else {
            k += 1;
            continue;
        };
        let rest = &b.stmts[k + 1..];
        if !rest
            .iter()
            .all(|s| only_double_indexed(&quote::quote!(#s), &name))
        {
            k += 1;
            continue;
        }
        let span = init.expr.span();
        // The sizes as they are here: a name may be shadowed or assigned later (`for k in
        // 0..2 { m[1][k] = .. }` with `k` the row length), and every index reads them.
        let mut sizes = Vec::new();
        // (An array's sizes are constants, and its length must stay one.)
        let mut snapshot = |e: &Expr, what: &str| -> Expr {
            if !vec || matches!(strip(e), Expr::Lit(_)) {
                return e.clone();
            }
            let id = Ident::new(&format!("__ad_{what}_{name}"), span);
            sizes.push(syn::parse_quote_spanned!(span=> let #id: usize = #e;));
            syn::parse_quote!(#id)
        };
        let (cols, rows) = (snapshot(&cols, "cols"), snapshot(&rows, "rows"));
        let flat: Expr = if let Some((flat, ..)) = literal {
            flat
        } else if vec {
            syn::parse_quote_spanned!(span=> ::std::vec![#elem; (#rows) * (#cols)])
        } else {
            syn::parse_quote_spanned!(span=> [#elem; (#rows) * (#cols)])
        };
        if let syn::Stmt::Local(l) = &mut b.stmts[k]
            && let Some(init) = &mut l.init
        {
            *init.expr = flat;
        }
        struct Flat<'a> {
            name: &'a Ident,
            cols: &'a Expr,
            rows: &'a Expr,
        }
        impl VisitMut for Flat<'_> {
            fn visit_expr_mut(&mut self, e: &mut Expr) {
                // `m.len()` and `m[i].len()`: the row count and length.
                if let Expr::MethodCall(mc) = e
                    && mc.method == "len"
                    && mc.args.is_empty()
                {
                    match strip(&mc.receiver) {
                        Expr::Path(p) if p.path.is_ident(self.name) => {
                            let rows = self.rows;
                            *e = syn::parse_quote!((#rows));
                            return;
                        }
                        Expr::Index(ix) if matches!(strip(&ix.expr), Expr::Path(p) if p.path.is_ident(self.name)) =>
                        {
                            let cols = self.cols;
                            *e = syn::parse_quote!((#cols));
                            return;
                        }
                        _ => {}
                    }
                }
                // `&m[i]` and `m[i].iter()`: row `i` of the flat buffer, `m[i * cols..(i + 1) *
                // cols]` (the index has no effects: see `only_double_indexed`).
                let row = |lw: &Self, ix: &syn::ExprIndex| -> Option<Expr> {
                    if !matches!(strip(&ix.expr), Expr::Path(p) if p.path.is_ident(lw.name))
                        || matches!(strip(&ix.index), Expr::Range(_))
                    {
                        return None;
                    }
                    let (base, i, cols) = (&ix.expr, &ix.index, lw.cols);
                    Some(syn::parse_quote_spanned!(ix.span()=>
                        #base[(#i) * (#cols)..((#i) + 1) * (#cols)]))
                };
                if let Expr::Reference(r) = e
                    && r.mutability.is_none()
                    && let Expr::Index(ix) = strip(&r.expr)
                    && let Some(sub) = row(self, ix)
                {
                    *r.expr = sub;
                    return;
                }
                if let Expr::MethodCall(mc) = e
                    && mc.method == "iter"
                    && let Expr::Index(ix) = strip(&mc.receiver)
                    && let Some(sub) = row(self, ix)
                {
                    *mc.receiver = sub;
                    return;
                }
                syn::visit_mut::visit_expr_mut(self, e);
                if let Expr::Index(outer) = e
                    && let Expr::Index(inner) = strip(&outer.expr)
                    && matches!(strip(&inner.expr), Expr::Path(p) if p.path.is_ident(self.name))
                {
                    let (base, i, j, cols) = (&inner.expr, &inner.index, &outer.index, self.cols);
                    *e = syn::parse_quote_spanned!(outer.span()=> #base[(#i) * (#cols) + (#j)]);
                }
            }
        }
        for s in &mut b.stmts[k + 1..] {
            Flat {
                name: &name,
                cols: &cols,
                rows: &rows,
            }
            .visit_stmt_mut(s);
        }
        let n = sizes.len();
        for (j, st) in sizes.into_iter().enumerate() {
            b.stmts.insert(k + j, st);
        }
        k += n + 1;
    }
}

/// `[[e; N]; M]` or `vec![vec![e; n]; m]`: (e, N, M, is a `Vec`), for a row length and count
/// without effects (`n + 1`, `x.len()`; a `Vec`'s are evaluated once where it is made, see
/// `flatten_matrices`; an array's are constants).
/// `[[a, b], [c, d]]` (rows of one length): the flat literal `[a, b, c, d]`, the row length
/// and the row count.
fn nested_literal(e: &Expr) -> Option<(Expr, Expr, Expr)> {
    let Expr::Array(outer) = strip(e) else {
        return None;
    };
    let rows: Vec<&syn::ExprArray> = outer
        .elems
        .iter()
        .map(|r| match strip(r) {
            Expr::Array(a) => Some(a),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let cols = rows.first()?.elems.len();
    if cols == 0
        || rows.iter().any(|r| {
            r.elems.len() != cols
                || r.elems
                    .iter()
                    .any(|e| matches!(strip(e), Expr::Array(_) | Expr::Repeat(_)))
        })
    {
        return None;
    }
    let elems = rows.iter().flat_map(|r| r.elems.iter());
    let (c, r) = (
        syn::LitInt::new(&cols.to_string(), e.span()),
        syn::LitInt::new(&rows.len().to_string(), e.span()),
    );
    Some((
        syn::parse_quote_spanned!(e.span()=> [#(#elems),*]),
        syn::parse_quote!(#c),
        syn::parse_quote!(#r),
    ))
}

fn nested_repeat(e: &Expr) -> Option<(Expr, Expr, Expr, bool)> {
    let simple = pure;
    match strip(e) {
        Expr::Repeat(outer) => match strip(&outer.expr) {
            Expr::Repeat(inner) if simple(&inner.len) && simple(&outer.len) => Some((
                (*inner.expr).clone(),
                (*inner.len).clone(),
                (*outer.len).clone(),
                false,
            )),
            _ => None,
        },
        Expr::Macro(m) if m.mac.path.is_ident("vec") => {
            let tokens = &m.mac.tokens;
            let outer: syn::ExprRepeat = syn::parse2(quote::quote!([#tokens])).ok()?;
            let Expr::Macro(im) = strip(&outer.expr) else {
                return None;
            };
            if !im.mac.path.is_ident("vec") {
                return None;
            }
            let itokens = &im.mac.tokens;
            let inner: syn::ExprRepeat = syn::parse2(quote::quote!([#itokens])).ok()?;
            (simple(&inner.len) && simple(&outer.len)).then(|| {
                (
                    (*inner.expr).clone(),
                    (*inner.len).clone(),
                    (*outer.len).clone(),
                    true,
                )
            })
        }
        _ => None,
    }
}

/// Whether every mention of `name` in `ts` is indexed twice (`name[i][j]`).
fn only_double_indexed(ts: &proc_macro2::TokenStream, name: &Ident) -> bool {
    use proc_macro2::{Delimiter, TokenTree};
    let tts: Vec<TokenTree> = ts.clone().into_iter().collect();
    tts.iter().enumerate().all(|(k, tt)| match tt {
        TokenTree::Ident(i) if i == name => {
            let bracket = |j: usize| {
                matches!(tts.get(j), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Bracket)
            };
            let dot = |j: usize| matches!(tts.get(j), Some(TokenTree::Punct(p)) if p.as_char() == '.');
            // (Not a field or method of something else, `x.m`; the end of a range `0..m`
            // is the matrix itself.)
            let after_dot = k > 0 && dot(k - 1) && !(k > 1 && dot(k - 2));
            // `m.len()` and `m[i].len()`: the row count and length (see `Flat`).
            let len_at = |j: usize| {
                dot(j)
                    && matches!(tts.get(j + 1), Some(TokenTree::Ident(l)) if l == "len")
                    && matches!(tts.get(j + 2), Some(TokenTree::Group(g))
                        if g.delimiter() == Delimiter::Parenthesis && g.stream().is_empty())
            };
            // A row borrowed (`&m[i]`, passed to a call) or iterated (`m[i].iter()`), with an
            // index without effects: the flat buffer's sub-slice (see `Flat`).
            let pure_index = |j: usize| {
                matches!(tts.get(j), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Bracket
                    && syn::parse2::<Expr>(g.stream()).is_ok_and(|e| pure(&e) && !matches!(e, Expr::Range(_))))
            };
            let borrowed = k > 0
                && matches!(tts.get(k - 1), Some(TokenTree::Punct(p)) if p.as_char() == '&')
                && !matches!(k.checked_sub(2).and_then(|j| tts.get(j)), Some(TokenTree::Punct(p)) if p.as_char() == '&')
                && pure_index(k + 1)
                && !bracket(k + 2)
                && !dot(k + 2);
            let iterated = pure_index(k + 1)
                && dot(k + 2)
                && matches!(tts.get(k + 3), Some(TokenTree::Ident(l)) if l == "iter")
                && matches!(tts.get(k + 4), Some(TokenTree::Group(g))
                    if g.delimiter() == Delimiter::Parenthesis && g.stream().is_empty());
            after_dot
                || (bracket(k + 1) && bracket(k + 2))
                || len_at(k + 1)
                || (bracket(k + 1) && len_at(k + 2))
                || borrowed
                || iterated
        }
        TokenTree::Group(g) => only_double_indexed(&g.stream(), name),
        _ => true,
    })
}
