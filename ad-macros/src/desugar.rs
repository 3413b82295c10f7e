//! Syntax-level readings of closures whose meaning picks a derivative rule.
//!
//! The meaning of a closure is read from its syntax tree, never from its printed text: a
//! closure either has one of the shapes below, with every name resolved to a parameter, or it
//! is reported as unsupported. (Searching the text for `max` took `|&m, &v| m.max(v * 2.0)`
//! for a plain maximum and differentiated it wrongly.)

use crate::parse::{strip, untyped};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Expr, ExprClosure, Ident, Pat};

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
