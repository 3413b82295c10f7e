//! `#[checkpoint]` on a loop of a differentiable body: binomial checkpointing of the loop's
//! state (Griewank's *revolve*, `ad_runtime::checkpoint`).
//!
//! The form taken is a time loop whose body advances one state by a differentiable step:
//!
//! ```text
//! #[checkpoint]                      // or #[checkpoint(snapshots = K)]
//! for i in lo..hi {                  // also `lo..=hi`, `_` for the counter
//!     s = step(&s, i, p, ..);        // the state as `&s`, `s` or `s.clone()`
//! }
//! ```
//!
//! It is lowered to one assignment `s = step(..)` whose [`Op::Call`] carries a
//! [`Checkpoint`]: the forward sweep runs the loop storing nothing per step (the assignment's
//! saved old value is the initial state), and the reverse sweep runs the schedule with
//! `step`'s pullback, which accumulates the other arguments' cotangents per step; forward mode
//! runs the loop with `step`'s pushforward (it stores nothing anyway), second order the
//! schedule on dual numbers. Why this form and not any body: the state must be one value the
//! sweep can clone as a snapshot and hand to a function that recomputes a step from it alone;
//! a body of several statements would need the macro to name the types of the values it
//! carries from step to step, which only rustc knows. A step function has them in its
//! signature. Anything else is a spanned error that says what to write.
//!
//! Arguments of the step other than the state and the counter are evaluated once, before the
//! loop (the body writes only the state, so they do not change from step to step).

use super::lower::Lowerer;
use super::syntax::strip;
use crate::ir::*;
use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Attribute, Expr, Pat};

/// Whether `a` is `#[checkpoint]` or `#[checkpoint(..)]`.
pub(crate) fn is_checkpoint(a: &Attribute) -> bool {
    a.path().is_ident("checkpoint")
}

/// `func` without its `#[checkpoint]` attributes (the primal and generic instantiations are
/// emitted as written, where rustc would not know the attribute). A snapshot count stays
/// read (`{ let _ = &(k); for .. }`), so a parameter used only there is not reported unused.
pub(crate) fn strip_attrs(func: &syn::ItemFn) -> syn::ItemFn {
    struct Strip;
    impl VisitMut for Strip {
        // Misplaced ones too: the error is the macro's, not rustc's.
        fn visit_attributes_mut(&mut self, attrs: &mut Vec<Attribute>) {
            attrs.retain(|a| !is_checkpoint(a));
        }
        fn visit_expr_mut(&mut self, e: &mut Expr) {
            let count = match e {
                Expr::ForLoop(f) => f
                    .attrs
                    .iter()
                    .find(|a| is_checkpoint(a))
                    .and_then(|a| snapshots(a).ok().flatten()),
                _ => None,
            };
            syn::visit_mut::visit_expr_mut(self, e);
            if let Some(n) = count {
                *e = syn::parse_quote!({ let _ = &(#n); #e });
            }
        }
    }
    let mut out = func.clone();
    Strip.visit_block_mut(&mut out.block);
    out
}

/// `#[checkpoint]` anywhere but on a `for` loop: an error each.
pub(crate) fn misplaced(block: &syn::Block) -> Vec<syn::Error> {
    struct Find(Vec<syn::Error>);
    impl<'ast> Visit<'ast> for Find {
        fn visit_attribute(&mut self, a: &'ast Attribute) {
            if is_checkpoint(a) {
                self.0.push(syn::Error::new_spanned(
                    a,
                    "#[checkpoint] applies to a `for` loop over a range (`#[checkpoint] for i in 0..n { s = step(&s, ..); }`)",
                ));
            }
        }
        fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
            // Its own attributes are the loop's; nested ones are checked as usual.
            self.visit_pat(&f.pat);
            self.visit_expr(&f.expr);
            self.visit_block(&f.body);
        }
    }
    let mut find = Find(Vec::new());
    find.visit_block(block);
    find.0
}

/// The snapshot count of `#[checkpoint(snapshots = K)]`, `None` for `#[checkpoint]`.
fn snapshots(attr: &Attribute) -> syn::Result<Option<Expr>> {
    match &attr.meta {
        syn::Meta::Path(_) => Ok(None),
        syn::Meta::List(l) => {
            let nv: syn::MetaNameValue = l.parse_args().map_err(|_| {
                syn::Error::new_spanned(
                    &l.tokens,
                    "expected `snapshots = K` (the number of stored states)",
                )
            })?;
            if !nv.path.is_ident("snapshots") {
                return Err(syn::Error::new_spanned(
                    &nv.path,
                    "the argument of #[checkpoint] is `snapshots = K` (the number of stored states)",
                ));
            }
            Ok(Some(nv.value))
        }
        syn::Meta::NameValue(nv) => Err(syn::Error::new_spanned(
            nv,
            "write `#[checkpoint(snapshots = K)]`",
        )),
    }
}

/// Every identifier `e` names (path segments, macro tokens).
fn names(e: &dyn ToTokens) -> Vec<String> {
    let mut out = Vec::new();
    super::stmt::idents_of(e.to_token_stream(), &mut out);
    out
}

/// Whether `e` names the identifier `name` anywhere.
fn mentions(e: &dyn ToTokens, name: &str) -> bool {
    names(e).iter().any(|n| n == name)
}

const FORM: &str = "a #[checkpoint] loop's body is one assignment of its state by a #[differentiable] step, `s = step(&s, ..);` (the state as `&s`, `s` or `s.clone()`); move the body into such a function";

impl Lowerer<'_> {
    /// Lowers a `for` loop carrying `#[checkpoint]` (see the module docs).
    pub(super) fn lower_checkpoint(&mut self, f: &syn::ExprForLoop, attr: &Attribute) {
        if let Err(e) = self.try_checkpoint(f, attr) {
            self.cx.push(e);
        }
    }

    fn try_checkpoint(&mut self, f: &syn::ExprForLoop, attr: &Attribute) -> syn::Result<()> {
        let snapshots = snapshots(attr)?;
        if let Some(l) = &f.label {
            return Err(syn::Error::new_spanned(
                l,
                "a #[checkpoint] loop has no label: its body is one step",
            ));
        }
        let Expr::Range(range) = strip(&f.expr) else {
            return Err(syn::Error::new_spanned(
                &f.expr,
                "a #[checkpoint] loop runs over a range `lo..hi` or `lo..=hi` of integers",
            ));
        };
        let (Some(lo), Some(hi)) = (&range.start, &range.end) else {
            return Err(syn::Error::new_spanned(
                range,
                "a #[checkpoint] loop's range needs both bounds (`lo..hi`)",
            ));
        };
        let inclusive = matches!(range.limits, syn::RangeLimits::Closed(_));
        let counter = match &*f.pat {
            Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                Some(pi.ident.to_string())
            }
            Pat::Wild(_) => None,
            other => {
                return Err(syn::Error::new_spanned(
                    other,
                    "a #[checkpoint] loop binds its counter to a name or `_`",
                ));
            }
        };
        let pat = match &*f.pat {
            Pat::Ident(pi) => pi.ident.to_token_stream(),
            p => p.to_token_stream(),
        };
        // The body: `s = step(args..);`.
        let stmt = match f.body.stmts.as_slice() {
            [syn::Stmt::Expr(e, _)] => e,
            _ => return Err(self.body_error(f)),
        };
        let Expr::Assign(assign) = strip(stmt) else {
            return Err(self.body_error(f));
        };
        let state_name = match strip(&assign.left) {
            Expr::Path(p) => match p.path.get_ident() {
                Some(id) => id.to_string(),
                None => return Err(self.body_error(f)),
            },
            _ => return Err(self.body_error(f)),
        };
        let Some(state) = self.lookup(&state_name) else {
            return Err(syn::Error::new_spanned(
                &assign.left,
                "a #[checkpoint] loop's state is a local variable declared before the loop",
            ));
        };
        if counter.as_deref() == Some(state_name.as_str()) {
            return Err(syn::Error::new_spanned(
                &f.pat,
                "the loop's counter and its state need different names",
            ));
        }
        let Expr::Call(call) = strip(&assign.right) else {
            return Err(syn::Error::new_spanned(&assign.right, FORM));
        };
        // Each argument: the state (by form), one that reads the counter (kept as written,
        // evaluated per step), or a value (lowered before the loop).
        let mut form = None;
        let mut by_counter = Vec::new();
        let mut plain_args = syn::punctuated::Punctuated::<Expr, syn::Token![,]>::new();
        for (k, a) in call.args.iter().enumerate() {
            // The state's form, and the argument lowered as a read of it (`&s` or `s`).
            let state_form = match strip(a) {
                Expr::Path(p) if p.path.is_ident(&state_name) => Some((StateForm::Move, a)),
                Expr::Reference(r) if r.mutability.is_none() && is_name(&r.expr, &state_name) => {
                    Some((StateForm::Ref, a))
                }
                Expr::MethodCall(m)
                    if m.method == "clone"
                        && m.args.is_empty()
                        && is_name(&m.receiver, &state_name) =>
                {
                    Some((StateForm::Clone, &*m.receiver))
                }
                _ => None,
            };
            if let Some((sf, read)) = state_form {
                if form.is_some() {
                    return Err(syn::Error::new_spanned(
                        a,
                        "a #[checkpoint] step takes its state once",
                    ));
                }
                form = Some((k, sf));
                plain_args.push(read.clone());
                continue;
            }
            if mentions(a, &state_name) {
                return Err(syn::Error::new_spanned(
                    a,
                    "an argument of a #[checkpoint] step reads the state only as `&s`, `s` or `s.clone()`; compute the rest inside the step",
                ));
            }
            if let Some(c) = &counter
                && mentions(a, c)
            {
                // Kept as written: it may read nothing the transformation must see.
                let locals: Vec<String> = names(a)
                    .into_iter()
                    .filter(|n| n != c && self.lookup(n).is_some())
                    .collect();
                if let Some(l) = locals.first() {
                    return Err(syn::Error::new_spanned(
                        a,
                        format!(
                            "an argument of a #[checkpoint] step that reads the counter `{c}` may read no other variable (it reads `{l}`); pass `{c}` and `{l}` to the step and compute it there"
                        ),
                    ));
                }
                by_counter.push((k, a.to_token_stream()));
                plain_args.push(syn::parse_quote!(0usize));
                continue;
            }
            plain_args.push(a.clone());
        }
        let Some((state_arg, state_form)) = form else {
            return Err(syn::Error::new_spanned(
                &call.args,
                format!(
                    "a #[checkpoint] step takes the loop's state `{state_name}` as an argument (`&{state_name}`, `{state_name}` or `{state_name}.clone()`)"
                ),
            ));
        };
        let plain_call = syn::ExprCall {
            attrs: Vec::new(),
            func: call.func.clone(),
            paren_token: call.paren_token,
            args: plain_args,
        };
        let whole = Expr::Call(plain_call.clone());
        let op = self.lower_call(&plain_call, &whole);
        let Op::Call {
            func,
            mut args,
            pullback,
            plain: false,
            ..
        } = op
        else {
            return Err(syn::Error::new_spanned(
                &call.func,
                "a #[checkpoint] step is a call of a #[differentiable] function (not a constructor, method or closure)",
            ));
        };
        for (k, tokens) in by_counter {
            args[k] = Atom::Const(tokens);
        }
        let n_args = args.len();
        let lo = self.lower_atom(lo);
        args.push(self.let_temp(Op::Copy(lo), range.span()));
        let hi = self.lower_atom(hi);
        args.push(self.let_temp(Op::Copy(hi), range.span()));
        if let Some(k) = &snapshots {
            let k = self.lower_atom(k);
            args.push(self.let_temp(Op::Copy(k), attr.span()));
        }
        self.emit(Stmt::Assign {
            var: state,
            op: Op::Call {
                func,
                args,
                pullback,
                plain: false,
                recompute: true,
                method: false,
                checkpoint: Some(Box::new(Checkpoint {
                    state,
                    state_arg,
                    state_form,
                    n_args,
                    pat,
                    inclusive,
                    snapshots: snapshots.is_some(),
                })),
            },
            span: f.span(),
            init: false,
        });
        Ok(())
    }

    /// The error for a body not of the checkpointed form; a body that writes through a
    /// borrowed buffer is told why its state cannot be snapshotted.
    fn body_error(&self, f: &syn::ExprForLoop) -> syn::Error {
        struct Writes<'l, 'a> {
            lw: &'l Lowerer<'a>,
            found: Option<(TokenStream, String)>,
        }
        impl<'ast> Visit<'ast> for Writes<'_, '_> {
            fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
                if let Expr::Index(ix) = strip(&a.left)
                    && let Expr::Path(p) = strip(&ix.expr)
                    && let Some(id) = p.path.get_ident()
                    && let Some(v) = self.lw.lookup(&id.to_string())
                    && matches!(&self.lw.vars[v].ty, Some(syn::Type::Reference(r)) if r.mutability.is_some())
                {
                    self.found
                        .get_or_insert((a.left.to_token_stream(), id.to_string()));
                }
                syn::visit::visit_expr_assign(self, a);
            }
            fn visit_expr_reference(&mut self, r: &'ast syn::ExprReference) {
                if r.mutability.is_some() {
                    self.found
                        .get_or_insert((r.to_token_stream(), r.expr.to_token_stream().to_string()));
                }
                syn::visit::visit_expr_reference(self, r);
            }
        }
        let mut w = Writes {
            lw: self,
            found: None,
        };
        w.visit_block(&f.body);
        match w.found {
            Some((tokens, name)) => syn::Error::new_spanned(
                tokens,
                format!(
                    "a #[checkpoint] loop cannot snapshot a state it writes through a borrow (`{name}`): the schedule stores states by value and runs steps again from them; make the state an owned value updated as `s = step(&s, ..);`"
                ),
            ),
            None => syn::Error::new(f.body.span(), FORM),
        }
    }
}

fn is_name(e: &Expr, name: &str) -> bool {
    matches!(strip(e), Expr::Path(p) if p.path.is_ident(name))
}
