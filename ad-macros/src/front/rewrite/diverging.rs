//! `let y = if c { e } else { return d };` (and `match o { Some(v) => v, None => return d }`,
//! `else { continue }`, `else { break }`): a value whose branches may leave the function or
//! the loop. The lowering takes exits at statement level only, so the value goes to a hidden
//! deferred `let` assigned in each branch that yields one, the exits left as statements, and
//! the pattern is bound after: `let __ad_value0; if c { __ad_value0 = e; } else { return d; }
//! let y = __ad_value0;`.

use super::super::syntax::strip;
use syn::visit_mut::VisitMut;
use syn::{Expr, Pat, Stmt};

/// Rewrites every such `let` in `block` (at any depth).
pub(super) fn diverging_lets(block: &mut syn::Block) {
    Lets(0).visit_block_mut(block);
}

struct Lets(usize);

impl VisitMut for Lets {
    fn visit_block_mut(&mut self, b: &mut syn::Block) {
        let mut out = Vec::with_capacity(b.stmts.len());
        for mut s in std::mem::take(&mut b.stmts) {
            // Inner blocks first (a branch may hold such a `let` itself).
            self.visit_stmt_mut(&mut s);
            match rewrite(&s, &mut self.0) {
                Some(two) => out.extend(two),
                None => out.push(s),
            }
        }
        b.stmts = out;
    }

    // A closure's body exits the closure, not the function: left alone.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
}

/// `let PAT = <branching value with an exit>;` as `let __ad_valueN;` assigned in the
/// branches and `let PAT = __ad_valueN;` after them: a hidden name, since the branches may
/// read a `y` the `let` shadows (`let y = if y < 1.0 { y * 2.0 } else { return 0.0 };`), and
/// any pattern then (`let (a, b) = ..`, `let mut t = ..`).
fn rewrite(s: &Stmt, n: &mut usize) -> Option<[Stmt; 3]> {
    let Stmt::Local(l) = s else { return None };
    let init = l.init.as_ref()?;
    if init.diverge.is_some() || !l.attrs.is_empty() {
        return None;
    }
    let value = strip(&init.expr);
    if !matches!(value, Expr::If(_) | Expr::Match(_)) || !exits(value) {
        return None;
    }
    let span = l.let_token.span;
    let hidden = quote::format_ident!("__ad_value{}", *n, span = span);
    *n += 1;
    let assigned = assign_tails(value, &hidden)?;
    let (pat, decl): (&Pat, Stmt) = match &l.pat {
        Pat::Type(pt) => {
            let ty = &pt.ty;
            (&pt.pat, syn::parse_quote_spanned!(span=> let #hidden: #ty;))
        }
        p => (p, syn::parse_quote_spanned!(span=> let #hidden;)),
    };
    let ty = match &l.pat {
        Pat::Type(pt) => {
            let t = &pt.ty;
            Some(quote::quote!(: #t))
        }
        _ => None,
    };
    let bind: Stmt = syn::parse_quote_spanned!(span=> let #pat #ty = #hidden;);
    Some([decl, Stmt::Expr(assigned, None), bind])
}

/// Whether a branch of `e` (an `if`, a `match`, a block) ends in an exit.
fn exits(e: &Expr) -> bool {
    match strip(e) {
        Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => true,
        Expr::If(i) => {
            block_exits(&i.then_branch) || i.else_branch.as_ref().is_some_and(|(_, e)| exits(e))
        }
        Expr::Match(m) => m.arms.iter().any(|a| exits(&a.body)),
        Expr::Block(b) if b.label.is_none() => block_exits(&b.block),
        _ => false,
    }
}

fn block_exits(b: &syn::Block) -> bool {
    match b.stmts.last() {
        Some(Stmt::Expr(e, _)) => exits(e),
        _ => false,
    }
}

/// Whether `e` itself leaves (its value is never made).
fn is_exit(e: &Expr) -> bool {
    match strip(e) {
        Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => true,
        Expr::Block(b) if b.label.is_none() => {
            matches!(b.block.stmts.last(), Some(Stmt::Expr(e, _)) if is_exit(e))
        }
        _ => false,
    }
}

/// `e` with each value it yields assigned to `y` (`y = v;`) and its exits kept.
fn assign_tails(e: &Expr, y: &syn::Ident) -> Option<Expr> {
    match strip(e) {
        Expr::If(i) => {
            let mut i = i.clone();
            assign_block(&mut i.then_branch, y)?;
            let (_, els) = i.else_branch.as_mut()?;
            **els = match strip(els) {
                Expr::If(_) => assign_tails(els, y)?,
                Expr::Block(b) if b.label.is_none() => {
                    let mut b = b.clone();
                    assign_block(&mut b.block, y)?;
                    Expr::Block(b)
                }
                _ => return None,
            };
            Some(Expr::If(i))
        }
        Expr::Match(m) => {
            let mut m = m.clone();
            for arm in &mut m.arms {
                let body = &arm.body;
                let new: Expr = if is_exit(body) {
                    syn::parse_quote_spanned!(syn::spanned::Spanned::span(body)=> { #body; })
                } else if matches!(strip(body), Expr::If(_) | Expr::Match(_)) && exits(body) {
                    let inner = assign_tails(body, y)?;
                    syn::parse_quote!({ #inner })
                } else {
                    match strip(body) {
                        Expr::Block(b) if b.label.is_none() => {
                            let mut b = b.clone();
                            assign_block(&mut b.block, y)?;
                            Expr::Block(b)
                        }
                        _ => {
                            syn::parse_quote_spanned!(syn::spanned::Spanned::span(body)=> { #y = #body; })
                        }
                    }
                };
                *arm.body = new;
                arm.comma = Some(Default::default());
            }
            Some(Expr::Match(m))
        }
        _ => None,
    }
}

/// The block's tail: an exit kept (as a statement), a nested branching value assigned
/// branch by branch, any other value assigned to `y`.
fn assign_block(b: &mut syn::Block, y: &syn::Ident) -> Option<()> {
    match b.stmts.pop() {
        Some(Stmt::Expr(e, None)) => {
            if is_exit(&e) {
                b.stmts.push(syn::parse_quote!(#e;));
            } else if matches!(strip(&e), Expr::If(_) | Expr::Match(_)) && exits(&e) {
                let inner = assign_tails(&e, y)?;
                b.stmts.push(Stmt::Expr(inner, None));
            } else {
                b.stmts
                    .push(syn::parse_quote_spanned!(syn::spanned::Spanned::span(&e)=> #y = #e;));
            }
            Some(())
        }
        // `{ ..; return d; }`: the block leaves; kept.
        Some(s @ Stmt::Expr(_, Some(_))) => {
            let leaves = matches!(&s, Stmt::Expr(e, _) if is_exit(e));
            b.stmts.push(s);
            leaves.then_some(())
        }
        _ => None,
    }
}
