//! `let y = if c { e } else { return d };` (and `match o { Some(v) => v, None => return d }`,
//! `else { continue }`, `else { break }`): a value whose branches may leave the function or
//! the loop. The lowering takes exits at statement level only, so the `let` becomes a deferred
//! one assigned in each branch that yields a value, the exits left as statements:
//! `let y; if c { y = e; } else { return d; }`.

use super::super::syntax::strip;
use syn::visit_mut::VisitMut;
use syn::{Expr, Pat, Stmt};

/// Rewrites every such `let` in `block` (at any depth).
pub(super) fn diverging_lets(block: &mut syn::Block) {
    Lets.visit_block_mut(block);
}

struct Lets;

impl VisitMut for Lets {
    fn visit_block_mut(&mut self, b: &mut syn::Block) {
        let mut out = Vec::with_capacity(b.stmts.len());
        for mut s in std::mem::take(&mut b.stmts) {
            // Inner blocks first (a branch may hold such a `let` itself).
            self.visit_stmt_mut(&mut s);
            match rewrite(&s) {
                Some(two) => out.extend(two),
                None => out.push(s),
            }
        }
        b.stmts = out;
    }

    // A closure's body exits the closure, not the function: left alone.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
}

/// `let y = <branching value with an exit>;` as `let y;` and the branches assigning `y` (an
/// arm whose pattern binds `y` itself, `Some(y) => y`, has that binding renamed first, so
/// that `y = y` assigns the outer `y`).
fn rewrite(s: &Stmt) -> Option<[Stmt; 2]> {
    let Stmt::Local(l) = s else { return None };
    let init = l.init.as_ref()?;
    if init.diverge.is_some() || !l.attrs.is_empty() {
        return None;
    }
    let name = match &l.pat {
        Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => &pi.ident,
        Pat::Type(pt) => match &*pt.pat {
            Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => &pi.ident,
            _ => return None,
        },
        _ => return None,
    };
    let value = strip(&init.expr);
    if !matches!(value, Expr::If(_) | Expr::Match(_)) || !exits(value) {
        return None;
    }
    let assigned = assign_tails(value, name)?;
    let pat = &l.pat;
    let decl: Stmt = syn::parse_quote_spanned!(l.let_token.span=> let #pat;);
    Some([decl, Stmt::Expr(assigned, None)])
}

/// `arm` with a binding of `y` in its pattern renamed (in the pattern, the guard and the
/// body), so that the arm can assign the outer `y`.
fn unshadow(arm: &mut syn::Arm, y: &syn::Ident) {
    struct Binds<'a>(&'a syn::Ident, bool);
    impl<'ast> syn::visit::Visit<'ast> for Binds<'_> {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            self.1 |= p.ident == *self.0;
            syn::visit::visit_pat_ident(self, p);
        }
    }
    let mut b = Binds(y, false);
    syn::visit::Visit::visit_pat(&mut b, &arm.pat);
    if !b.1 {
        return;
    }
    let renamed = quote::format_ident!("__ad_bound_{}", y, span = y.span());
    struct RenamePat<'a>(&'a syn::Ident, &'a syn::Ident);
    impl VisitMut for RenamePat<'_> {
        fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
            if p.ident == *self.0 {
                p.ident = self.1.clone();
            }
            syn::visit_mut::visit_pat_ident_mut(self, p);
        }
    }
    RenamePat(y, &renamed).visit_pat_mut(&mut arm.pat);
    let subst = [(y.clone(), syn::parse_quote!(#renamed))];
    let mut subst = super::writes::NameSubst(&subst);
    if let Some((_, g)) = &mut arm.guard {
        subst.visit_expr_mut(g);
    }
    subst.visit_expr_mut(&mut arm.body);
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
                unshadow(arm, y);
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
