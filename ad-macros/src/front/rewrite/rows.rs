//! A `Vec` of rows built by pushing them (`let mut m = Vec::new(); .. m.push(row);` with
//! `row` a `Vec`): the `let` is given the type `Vec<Vec<_>>`, which the front end reads to
//! borrow a row where the body indexes it (`m[i][j]` reads `(&m[i])[j]`; a row cannot be
//! moved out of the `Vec`). Without it the element type is invisible to the macro, which
//! takes `m[i]` for a float and copies it.
//!
//! Only for a name bound once in the function (no shadowing to tell apart), initialised with
//! `Vec::new()` or `Vec::with_capacity(..)` without an annotation, all of whose pushes are
//! rows: `vec![..]`, `x.to_vec()`, a `collect::<Vec<_>>()`, or a local bound once to one
//! of those (or to `Vec::new()`, annotated `Vec<..>`).

use super::super::syntax::*;
use std::collections::HashMap;
use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Expr, Pat};

/// Annotates the `let`s of row vectors in `block` (see the module docs).
pub fn annotate_row_vecs(block: &mut syn::Block) {
    let mut facts = Facts::default();
    facts.visit_block(block);
    let rows: Vec<String> = facts
        .empty_vecs
        .iter()
        .filter(|name| facts.lets.get(*name) == Some(&1))
        .filter(|name| {
            facts
                .pushes
                .get(*name)
                .is_some_and(|args| !args.is_empty() && args.iter().all(|a| row_expr(a, &facts)))
        })
        .cloned()
        .collect();
    if !rows.is_empty() {
        Annotate(&rows).visit_block_mut(block);
    }
}

#[derive(Default)]
struct Facts {
    /// How many times each name is bound by a `let`.
    lets: HashMap<String, usize>,
    /// Names bound by an unannotated `let mut m = Vec::new()` / `Vec::with_capacity(..)`.
    empty_vecs: Vec<String>,
    /// Names bound to a `Vec` (annotated, or initialised with a `Vec`-making expression).
    vecs: Vec<String>,
    /// The arguments of each name's `push`es.
    pushes: HashMap<String, Vec<Expr>>,
}

impl<'ast> Visit<'ast> for Facts {
    fn visit_local(&mut self, l: &'ast syn::Local) {
        let (name, ty) = match &l.pat {
            Pat::Ident(pi) => (Some(pi.ident.to_string()), None),
            Pat::Type(pt) => match &*pt.pat {
                Pat::Ident(pi) => (Some(pi.ident.to_string()), Some(&*pt.ty)),
                _ => (None, None),
            },
            _ => (None, None),
        };
        if let Some(name) = name {
            *self.lets.entry(name.clone()).or_default() += 1;
            let init = l.init.as_ref().map(|i| &*i.expr);
            let is_vec_ty = ty.is_some_and(|t| {
                matches!(t, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Vec"))
            });
            if ty.is_none() && init.is_some_and(empty_vec) {
                self.empty_vecs.push(name.clone());
            }
            if is_vec_ty || init.is_some_and(|e| empty_vec(e) || makes_vec(e)) {
                self.vecs.push(name);
            }
        }
        syn::visit::visit_local(self, l);
    }
    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        if m.method == "push"
            && m.args.len() == 1
            && let Expr::Path(p) = strip(&m.receiver)
            && let Some(id) = p.path.get_ident()
        {
            self.pushes
                .entry(id.to_string())
                .or_default()
                .push(m.args[0].clone());
        }
        syn::visit::visit_expr_method_call(self, m);
    }
    // (Closures and nested items are the macro's to reject or lower; their pushes count too.)
}

/// `Vec::new()`, `Vec::with_capacity(..)`.
pub(super) fn empty_vec(e: &Expr) -> bool {
    matches!(strip(e), Expr::Call(c) if matches!(strip(&c.func), Expr::Path(p)
        if p.path.segments.len() == 2
            && p.path.segments[0].ident == "Vec"
            && matches!(p.path.segments[1].ident.to_string().as_str(), "new" | "with_capacity")))
}

/// An expression that makes a `Vec` of values: `vec![..]`, `x.to_vec()`,
/// `collect::<Vec<..>>()`.
fn makes_vec(e: &Expr) -> bool {
    match strip(e) {
        Expr::Macro(m) => m.mac.path.is_ident("vec"),
        Expr::MethodCall(m) => {
            (m.method == "to_vec" && m.args.is_empty())
                || (m.method == "collect" && m.turbofish.as_ref().is_some_and(|t| {
                    matches!(t.args.first(), Some(syn::GenericArgument::Type(syn::Type::Path(p)))
                            if p.path.segments.last().is_some_and(|s| s.ident == "Vec"))
                }))
        }
        _ => false,
    }
}

/// A row pushed: a `Vec`-making expression, or a local bound once to a `Vec` (or its clone).
fn row_expr(e: &Expr, facts: &Facts) -> bool {
    let local_vec = |e: &Expr| {
        matches!(strip(e), Expr::Path(p) if p.path.get_ident().is_some_and(|id| {
            let n = id.to_string();
            facts.vecs.contains(&n) && facts.lets.get(&n) == Some(&1)
        }))
    };
    match strip(e) {
        Expr::MethodCall(m) if m.method == "clone" && m.args.is_empty() => local_vec(&m.receiver),
        other => makes_vec(other) || local_vec(other),
    }
}

struct Annotate<'a>(&'a [String]);

impl VisitMut for Annotate<'_> {
    fn visit_local_mut(&mut self, l: &mut syn::Local) {
        if let Pat::Ident(pi) = &l.pat
            && self.0.iter().any(|n| pi.ident == n.as_str())
            && l.init.as_ref().is_some_and(|i| empty_vec(&i.expr))
        {
            l.pat = Pat::Type(syn::PatType {
                attrs: Vec::new(),
                pat: Box::new(l.pat.clone()),
                colon_token: Default::default(),
                ty: Box::new(syn::parse_quote!(::std::vec::Vec<::std::vec::Vec<_>>)),
            });
        }
        syn::visit_mut::visit_local_mut(self, l);
    }
}
