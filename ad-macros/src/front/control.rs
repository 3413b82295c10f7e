//! Lowering control flow: `if`, `match`, `&&`/`||`, `for`, `while`, `loop`.

use super::lower::*;
use super::syntax::*;
use crate::ir::*;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use std::collections::HashMap;
use syn::spanned::Spanned;
use syn::{Expr, Ident, Pat};

impl Lowerer<'_> {
    // ---- control flow --------------------------------------------------------------------

    /// Lowers an `if`; with `target`, each branch's value is assigned to it.
    /// Binds the variables of `pat`, which `scrut` matches, each to its part of `scrut`
    /// (an opaque read of the matched value: `match scrut { pat => x, _ => unreachable!() }`),
    /// so a pattern's payloads are constants: a differentiated scrutinee is an error there.
    pub(super) fn bind_matched(&mut self, pat: &Pat, scrut: &Atom) {
        // A tuple built in the body (`match (x, y) { (a, b) if a > b => .. }`): each part
        // bound from its own value, so a part may be differentiated (a plain copy).
        if let Pat::Tuple(tp) = super::desugar::untyped(pat)
            && let Atom::Var(v) = scrut
            && let Some(Op::Tuple(parts)) = self.defs.get(v).cloned()
            && parts.len() == tp.elems.len()
            && !tp.elems.iter().any(|p| matches!(p, Pat::Rest(_)))
        {
            for (sub, part) in tp.elems.iter().zip(&parts) {
                match super::desugar::untyped(sub) {
                    // (`None`, a unit variant or a constant: matched by the test, binds nothing.)
                    Pat::Ident(i)
                        if i.by_ref.is_none()
                            && i.subpat.is_none()
                            && pattern_binding(super::desugar::untyped(sub)).is_some() =>
                    {
                        let var = self.declare_user(&i.ident, VarKind::Let, None);
                        self.emit(Stmt::Let {
                            var,
                            op: Op::Copy(part.clone()),
                            span: i.ident.span(),
                        });
                    }
                    Pat::Wild(_) => {}
                    other => {
                        if pattern_binding(other).is_some() {
                            self.bind_matched(other, part);
                        }
                    }
                }
            }
            return;
        }
        let mut names = Vec::new();
        pattern_bindings(pat, &mut names);
        let s = atom_tokens(&self.vars, scrut);
        for name in names {
            // Spanned on the pattern: an error about what it binds points there.
            let tokens = quote_spanned!(pat.span()=> match #s { #pat => #name, _ => ::core::unreachable!() });
            let var = self.declare_user(&name, VarKind::Let, None);
            self.emit(Stmt::Let {
                var,
                op: Op::Opaque {
                    tokens,
                    reads: scrut.var().into_iter().collect(),
                    what: "the value a pattern binds (`if let`, `match`, `while let`)".to_string(),
                    mutates: Vec::new(),
                },
                span: name.span(),
            });
        }
    }

    pub(super) fn lower_if(&mut self, e: &syn::ExprIf, target: Option<VarId>) {
        // `if let P = e`: a `matches!` test, and the pattern's variables bound in the branch.
        let (cond, matched) = if let Expr::Let(l) = strip(&e.cond) {
            let scrut = self.lower_atom(&l.expr);
            let pat = &l.pat;
            let test = Op::Passive(quote!(#pat), vec![scrut.clone()], PassiveShape::Matches);
            (
                self.let_temp(test, l.span()),
                Some(((*l.pat).clone(), scrut)),
            )
        } else {
            (self.lower_atom(&e.cond), None)
        };
        let want = if target.is_some() {
            Want::Value
        } else {
            Want::Unit
        };
        let stmts = &e.then_branch.stmts;
        let then = self.in_block(|lw| {
            if let Some((pat, scrut)) = &matched {
                lw.bind_matched(pat, scrut);
            }
            let v = lw.lower_stmts(stmts, want);
            if let (Some(t), Some(v)) = (target, v) {
                lw.emit(Stmt::Assign {
                    var: t,
                    op: Op::Copy(v),
                    span: e.then_branch.span(),
                    init: true,
                });
            }
        });
        let els = match &e.else_branch {
            None => {
                if target.is_some() {
                    self.unsupported(
                        e,
                        "an `if` without `else` used as a value",
                        "add an `else` branch",
                    );
                }
                Block {
                    id: usize::MAX,
                    stmts: vec![],
                }
            }
            Some((_, els)) => self.in_block(|lw| match strip(els) {
                Expr::If(inner) => lw.lower_if(inner, target),
                Expr::Block(b) => {
                    let v = lw.lower_stmts(&b.block.stmts, want);
                    if let (Some(t), Some(v)) = (target, v) {
                        lw.emit(Stmt::Assign {
                            var: t,
                            op: Op::Copy(v),
                            span: b.span(),
                            init: true,
                        });
                    }
                }
                other => lw.unsupported(other, "this `else` branch", "use a block"),
            }),
        };
        self.emit_if(cond, then, Some(els));
    }

    /// Lowers a `match` on constants into an `if`/`else if` chain of `matches!` tests (the
    /// primal keeps the real `match`, so rustc still checks exhaustiveness). With `target`,
    /// each arm's value is assigned to it.
    pub(super) fn lower_match(&mut self, m: &syn::ExprMatch, target: Option<VarId>) {
        // A tuple scrutinee holds its parts' values from where the `match` starts: a guard
        // that assigns a variable a part reads (`match (a, o) { (p, Some(c)) if { a = ..; .. }
        // => p, .. }`) must not change what the arms bind. Its mutable parts are copied.
        let guard_assigns = m.arms.iter().any(|a| {
            a.guard
                .as_ref()
                .is_some_and(|(_, g)| super::syntax::assigns_anything(g))
        });
        let scrut = match strip(&m.expr) {
            Expr::Tuple(t) if guard_assigns && !t.elems.is_empty() => {
                let parts: Vec<Atom> = t
                    .elems
                    .iter()
                    .map(|e| match self.lower_atom(e) {
                        Atom::Var(v) if self.vars[v].kind == VarKind::LetMut => {
                            self.let_temp(Op::Copy(Atom::Var(v)), e.span())
                        }
                        a => a,
                    })
                    .collect();
                self.let_temp(Op::Tuple(parts), m.expr.span())
            }
            _ => self.lower_atom(&m.expr),
        };
        self.lower_arms(&m.arms, scrut, target);
    }

    pub(super) fn lower_arms(&mut self, arms: &[syn::Arm], scrut: Atom, target: Option<VarId>) {
        let Some((arm, rest)) = arms.split_first() else {
            return;
        };
        // `k => ..` / `k if k > 5 => ..` and `k @ PAT => ..` bind the whole scrutinee: a copy
        // of it, in a scope of the arm's own (its guard and body), tested against `PAT` (or
        // nothing). The arms after it are lowered outside that scope: a name it binds is the
        // outer variable of that name there.
        let whole = match super::desugar::untyped(&arm.pat) {
            Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_some() => pi
                .subpat
                .as_ref()
                .map(|(_, sub)| (pi.ident.clone(), (**sub).clone())),
            p => top_binding(p).map(|ident| {
                let wild = Pat::Wild(syn::PatWild {
                    attrs: vec![],
                    underscore_token: Default::default(),
                });
                (ident, wild)
            }),
        };
        if let Some((ident, test_pat)) = whole {
            let mut first = arm.clone();
            first.pat = test_pat;
            self.lower_first_arm(&first, rest, scrut, target, Some(ident));
            return;
        }
        self.lower_first_arm(arm, rest, scrut, target, None);
    }

    /// The first arm of [`Self::lower_arms`] (binding `whole` to the scrutinee in its own
    /// scope, see there), the others in its `else`.
    fn lower_first_arm(
        &mut self,
        arm: &syn::Arm,
        rest: &[syn::Arm],
        scrut: Atom,
        target: Option<VarId>,
        whole: Option<syn::Ident>,
    ) {
        let outer_scopes = self.scopes.len();
        if let Some(ident) = &whole {
            self.scopes.push(HashMap::new());
            let k = self.declare_user(ident, VarKind::Let, None);
            self.emit(Stmt::Let {
                var: k,
                op: Op::Copy(scrut.clone()),
                span: ident.span(),
            });
        }
        let want = if target.is_some() {
            Want::Value
        } else {
            Want::Unit
        };
        let lower_body = |lw: &mut Self| {
            if pattern_binding(&arm.pat).is_some() {
                lw.bind_matched(&arm.pat, &scrut);
            }
            let v = match strip(&arm.body) {
                Expr::Block(b) if b.label.is_none() => {
                    lw.scopes.push(HashMap::new());
                    let v = lw.lower_stmts(&b.block.stmts, want);
                    lw.scopes.pop();
                    v
                }
                e if want == Want::Value => Some(lw.lower_atom(e)),
                e => {
                    lw.lower_expr_stmt(e);
                    None
                }
            };
            if let (Some(t), Some(v)) = (target, v) {
                lw.emit(Stmt::Assign {
                    var: t,
                    op: Op::Copy(v),
                    span: arm.body.span(),
                    init: true,
                });
            }
        };
        if (rest.is_empty() || matches!(arm.pat, Pat::Wild(_))) && arm.guard.is_none() {
            // The last arm matches whatever the others did not (the primal's `match` is
            // checked for exhaustiveness by rustc); a catch-all arm leaves the others
            // unreachable.
            lower_body(self);
            self.scopes.truncate(outer_scopes);
            return;
        }
        let pat = &arm.pat;
        let span = arm.pat.span();
        let test = Op::Passive(quote!(#pat), vec![scrut.clone()], PassiveShape::Matches);
        let cond = match &arm.guard {
            None => self.let_temp(test, span),
            // A guard reads the pattern's variables: bound (see `bind_matched`) in the
            // block that evaluates it, once the pattern matched, and again in the arm's body.
            Some((_, guard)) => {
                let matched = self.let_temp(test, span);
                self.short_circuit_with(matched, true, span, |lw| {
                    if pattern_binding(pat).is_some() {
                        lw.bind_matched(pat, &scrut);
                    }
                    lw.lower_atom(guard)
                })
            }
        };
        let then = self.in_block(lower_body);
        // (The arms after it without the whole-scrutinee binding's scope.)
        let inner = self.scopes.split_off(outer_scopes);
        let els = self.in_block(|lw| lw.lower_arms(rest, scrut, target));
        self.scopes.extend(inner);
        self.scopes.truncate(outer_scopes);
        self.emit_if(cond, then, Some(els));
    }

    /// `cond && right` (`is_and`) or `cond || right`, evaluating `right` only when needed:
    /// `if cond { right } else { false }` / `if cond { true } else { right }`.
    pub(super) fn short_circuit(
        &mut self,
        cond: Atom,
        right: &Expr,
        is_and: bool,
        span: Span,
    ) -> Atom {
        self.short_circuit_with(cond, is_and, span, |lw| lw.lower_atom(right))
    }

    /// [`Self::short_circuit`] with the right operand lowered by `right` (in its own block).
    pub(super) fn short_circuit_with(
        &mut self,
        cond: Atom,
        is_and: bool,
        span: Span,
        right: impl FnOnce(&mut Self) -> Atom,
    ) -> Atom {
        let t = self.temp_var(VarKind::Deferred, "c");
        self.emit(Stmt::Declare { var: t });
        let eval_right = self.in_block(|lw| {
            let r = right(lw);
            lw.emit(Stmt::Assign {
                var: t,
                op: Op::Copy(r),
                span,
                init: true,
            });
        });
        let constant = self.in_block(|lw| {
            let c = if is_and { quote!(false) } else { quote!(true) };
            lw.emit(Stmt::Assign {
                var: t,
                op: Op::Copy(Atom::Const(c)),
                span,
                init: true,
            });
        });
        let (then, els) = if is_and {
            (eval_right, constant)
        } else {
            (constant, eval_right)
        };
        self.emit_if(cond, then, Some(els));
        Atom::Var(t)
    }

    pub(super) fn push_loop(&mut self, label: Option<&syn::Label>) -> (usize, u32, u32) {
        self.n_loops += 1;
        let (b, c) = (self.next_code, self.next_code + 1);
        self.next_code += 2;
        self.loops.push(LoopFrame {
            label: label.map(|l| l.name.ident.to_string()),
            break_code: b,
            continue_code: c,
        });
        (self.n_loops, b, c)
    }

    /// Whether `v` borrows an element of a sequence (`let r = &m[i];`, a row of a nested
    /// sequence when it is iterated), also through copies.
    fn borrowed_row(&self, v: VarId) -> bool {
        match self.defs.get(&v) {
            Some(Op::Index { by_ref: true, .. }) => true,
            Some(Op::Copy(Atom::Var(w) | Atom::Ref(w))) if *w != v => self.borrowed_row(*w),
            _ => false,
        }
    }

    pub(super) fn lower_for(&mut self, f: &syn::ExprForLoop) {
        if let Some(attr) = f.attrs.iter().find(|a| super::checkpoint::is_checkpoint(a)) {
            return self.lower_checkpoint(f, attr);
        }
        enum Plan<'e> {
            Range {
                lo: &'e Expr,
                hi: &'e Expr,
                inclusive: bool,
                rev: bool,
            },
            Slice {
                base: &'e Expr,
                enumerate: bool,
            },
            /// `for w in W` over a global `const`/`static` array: its elements by value.
            Table {
                base: &'e Expr,
            },
            Other,
        }
        fn range_of(e: &Expr) -> Option<(&Expr, &Expr, bool)> {
            match strip(e) {
                Expr::Range(r) => match (&r.start, &r.end) {
                    (Some(lo), Some(hi)) => {
                        Some((lo, hi, matches!(r.limits, syn::RangeLimits::Closed(_))))
                    }
                    _ => None,
                },
                _ => None,
            }
        }
        let iter = strip(&f.expr);
        let plan = if let Some((lo, hi, inclusive)) = range_of(iter) {
            Plan::Range {
                lo,
                hi,
                inclusive,
                rev: false,
            }
        } else {
            match iter {
                Expr::MethodCall(m)
                    if m.method == "rev"
                        && m.args.is_empty()
                        && range_of(&m.receiver).is_some() =>
                {
                    let (lo, hi, inclusive) = range_of(&m.receiver).unwrap();
                    Plan::Range {
                        lo,
                        hi,
                        inclusive,
                        rev: true,
                    }
                }
                Expr::MethodCall(m) if m.method == "iter" && m.args.is_empty() => Plan::Slice {
                    base: &m.receiver,
                    enumerate: false,
                },
                Expr::MethodCall(m) if m.method == "enumerate" && m.args.is_empty() => {
                    match strip(&m.receiver) {
                        Expr::MethodCall(inner)
                            if inner.method == "iter" && inner.args.is_empty() =>
                        {
                            Plan::Slice {
                                base: &inner.receiver,
                                enumerate: true,
                            }
                        }
                        _ => Plan::Other,
                    }
                }
                // `for xi in x` with `x: &[f64]` (or `&Vec<f64>`) iterates by reference.
                Expr::Path(p)
                    if p.path
                        .get_ident()
                        .and_then(|i| self.lookup(&i.to_string()))
                        .is_some_and(|v| {
                            self.is_ref_param(v)
                                // A borrowed sub-slice bound to a name (`let t = &x[1..];`).
                                || self.sub_slice(v)
                                // A borrowed row of a nested sequence (`let r = &m[i];`).
                                || self.borrowed_row(v)
                        }) =>
                {
                    Plan::Slice {
                        base: iter,
                        enumerate: false,
                    }
                }
                Expr::Reference(r) if r.mutability.is_none() => Plan::Slice {
                    base: &r.expr,
                    enumerate: false,
                },
                Expr::Path(p)
                    if p.path.get_ident().is_some_and(|i| {
                        super::syntax::is_global_constant_name(&i.to_string())
                            && self.lookup(&i.to_string()).is_none()
                    }) =>
                {
                    Plan::Table { base: iter }
                }
                _ => Plan::Other,
            }
        };
        // A global table (`for w in W`, `W.iter()`, `&W`): bound to a local first, the loop
        // then runs over the local like over any array of constants.
        let table;
        let global = |lw: &Self, base: &Expr| {
            matches!(strip(base), Expr::Path(p) if p.path.get_ident().is_some_and(|i| {
                super::syntax::is_global_constant_name(&i.to_string())
                    && lw.lookup(&i.to_string()).is_none()
            }))
        };
        let plan = match plan {
            Plan::Slice { base, .. } | Plan::Table { base } if global(self, base) => {
                let (by_value, enumerate) = match plan {
                    Plan::Slice { enumerate, .. } => (false, enumerate),
                    _ => (true, false),
                };
                let t = quote::format_ident!("__ad_table{}", self.n_temps, span = base.span());
                self.n_temps += 1;
                self.lower_stmt(&syn::parse_quote_spanned!(base.span()=> let #t = #base;));
                table = syn::parse_quote!(#t);
                if by_value {
                    Plan::Table { base: &table }
                } else {
                    Plan::Slice {
                        base: &table,
                        enumerate,
                    }
                }
            }
            other => other,
        };
        let span = f.span();
        match plan {
            Plan::Range {
                lo,
                hi,
                inclusive,
                rev,
            } => {
                let lo = self.lower_atom(lo);
                let lo = self.let_temp(Op::Copy(lo), span);
                let hi = self.lower_atom(hi);
                let hi = self.let_temp(Op::Copy(hi), span);
                let (id, break_code, continue_code) = self.push_loop(f.label.as_ref());
                let pat = &f.pat;
                let mut counter = None;
                let body = self.in_block(|lw| {
                    let var = match &**pat {
                        Pat::Ident(pi)
                            if pi.by_ref.is_none()
                                && pi.subpat.is_none()
                                && pi.mutability.is_none() =>
                        {
                            lw.declare_user(&pi.ident, VarKind::LoopVar, None)
                        }
                        Pat::Wild(_) => lw.temp_var(VarKind::LoopVar, "i"),
                        // `for mut i in a..b`: a hidden counter, copied into the user's
                        // mutable `i` at the top of the body (changing `i` does not change
                        // the iteration, as in Rust).
                        Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                            let hidden = syn::Ident::new(
                                &format!("__ad_counter_{}", pi.ident),
                                pi.ident.span(),
                            );
                            let var = lw.declare_user(&hidden, VarKind::LoopVar, None);
                            let name = &pi.ident;
                            lw.lower_stmt(&syn::parse_quote!(let mut #name = #hidden;));
                            var
                        }
                        other => {
                            lw.unsupported(
                                other,
                                "this loop pattern",
                                "bind the counter to a name",
                            );
                            lw.temp_var(VarKind::LoopVar, "i")
                        }
                    };
                    counter = Some(var);
                    lw.lower_stmts(&f.body.stmts, Want::Unit);
                });
                self.loops.pop();
                let kind = LoopKind::Range {
                    var: counter.unwrap(),
                    lo,
                    hi,
                    inclusive,
                    rev,
                };
                self.emit(Stmt::Loop(Loop {
                    id,
                    kind,
                    body,
                    break_code,
                    continue_code,
                }));
            }
            Plan::Slice { .. } | Plan::Table { .. } => {
                let (base, enumerate, by_value) = match plan {
                    Plan::Slice { base, enumerate } => (base, enumerate, false),
                    Plan::Table { base } => (base, false, true),
                    _ => unreachable!("matched above"),
                };
                // A sub-slice `xs[a..b]` (`a..`, `..b`, `a..=b`): the loop runs over its
                // indices into `xs` itself (with `enumerate`, the counter is the offset).
                let sub = match strip(base) {
                    Expr::Index(ix) => match strip(&ix.index) {
                        Expr::Range(r) => Some((&*ix.expr, r)),
                        _ => None,
                    },
                    _ => None,
                };
                let base_atom = self.lower_atom(sub.map_or(base, |(b, _)| b));
                let Atom::Var(bv) = base_atom else {
                    self.unsupported(
                        base,
                        "iterating over this expression",
                        "iterate over a variable (`for x in xs.iter()`)",
                    );
                    return;
                };
                let len = Ident::new("len", span);
                let whole_len = |lw: &mut Self| {
                    lw.let_temp(
                        Op::Method {
                            name: len.clone(),
                            form: MethodForm::Method,
                            recv: Atom::Var(bv),
                            args: vec![],
                            extra: MethodExtra::default(),
                        },
                        span,
                    )
                };
                let (lo, hi, inclusive) = match sub {
                    Some((_, r)) => {
                        let inclusive = matches!(r.limits, syn::RangeLimits::Closed(_));
                        let lo = match &r.start {
                            Some(e) => self.lower_index_atom(e),
                            None => Atom::Const(quote!(0usize)),
                        };
                        let hi = match &r.end {
                            Some(e) => self.lower_index_atom(e),
                            None => whole_len(self),
                        };
                        (lo, hi, inclusive)
                    }
                    None => (Atom::Const(quote!(0usize)), whole_len(self), false),
                };
                // The bounds as they are when the loop starts (the body may assign a variable
                // they name, `for &v in &x[lo..] { lo = 0; }`): copies, as for a range loop.
                let (lo, hi) = match sub {
                    Some(_) => (
                        self.let_temp(Op::Copy(lo), span),
                        self.let_temp(Op::Copy(hi), span),
                    ),
                    None => (lo, hi),
                };
                let (id, break_code, continue_code) = self.push_loop(f.label.as_ref());
                let pat = &f.pat;
                let mut counter = None;
                let body = self.in_block(|lw| {
                    let (idx_pat, elem_pat) = if enumerate {
                        match &**pat {
                            Pat::Tuple(t) if t.elems.len() == 2 => (Some(&t.elems[0]), &t.elems[1]),
                            other => {
                                lw.unsupported(
                                    other,
                                    "this pattern for `.iter().enumerate()`",
                                    "write `(i, x)` or `(i, &x)`",
                                );
                                return;
                            }
                        }
                    } else {
                        (None, &**pat)
                    };
                    let var = match idx_pat {
                        // Over a sub-slice the loop variable indexes the whole slice; the
                        // user's counter is its offset from the start.
                        Some(Pat::Ident(pi))
                            if pi.by_ref.is_none() && pi.subpat.is_none() && sub.is_some() =>
                        {
                            let var = lw.temp_var(VarKind::LoopVar, "j");
                            let k = lw.declare_user(&pi.ident, VarKind::Let, None);
                            lw.emit(Stmt::Let {
                                var: k,
                                op: Op::Passive(
                                    quote!(-),
                                    vec![Atom::Var(var), lo.clone()],
                                    PassiveShape::Infix,
                                ),
                                span: pi.ident.span(),
                            });
                            var
                        }
                        Some(Pat::Ident(pi)) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                            lw.declare_user(&pi.ident, VarKind::LoopVar, None)
                        }
                        _ => lw.temp_var(VarKind::LoopVar, "j"),
                    };
                    counter = Some(var);
                    // Any other pattern (`&(a, b)` over index pairs, `(a, b)`, `P { x, .. }`):
                    // the element bound to a hidden name, then destructured by a `let`.
                    let hidden = syn::Ident::new("__ad_elem", elem_pat.span());
                    let mut destructure: Option<syn::Stmt> = None;
                    let (elem_ident, by_ref) = match elem_pat {
                        Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                            (Some(pi.ident.clone()), !by_value)
                        }
                        Pat::Reference(r) => match &*r.pat {
                            Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                                (Some(pi.ident.clone()), false)
                            }
                            inner => {
                                destructure =
                                    Some(syn::parse_quote_spanned!(inner.span()=> let #inner = #hidden;));
                                (Some(hidden.clone()), false)
                            }
                        },
                        Pat::Wild(_) => (None, true),
                        Pat::Tuple(_) | Pat::TupleStruct(_) | Pat::Struct(_) if by_value => {
                            destructure =
                                Some(syn::parse_quote_spanned!(elem_pat.span()=> let #elem_pat = #hidden;));
                            (Some(hidden.clone()), false)
                        }
                        other => {
                            lw.unsupported(
                                other,
                                "this loop pattern",
                                "write `x` or `&x`, or `&(a, b)` to destructure a copied element",
                            );
                            return;
                        }
                    };
                    if let Some(ident) = elem_ident {
                        let op = Op::Index {
                            base: Atom::Var(bv),
                            index: Atom::Var(var),
                            by_ref,
                        };
                        let ev = lw.declare_user(&ident, VarKind::Let, None);
                        lw.emit(Stmt::Let {
                            var: ev,
                            op,
                            span: ident.span(),
                        });
                    }
                    if let Some(d) = &destructure {
                        lw.lower_stmt(d);
                    }
                    lw.lower_stmts(&f.body.stmts, Want::Unit);
                });
                self.loops.pop();
                let Some(var) = counter else { return };
                let kind = LoopKind::Range {
                    var,
                    lo,
                    hi,
                    inclusive,
                    rev: false,
                };
                self.emit(Stmt::Loop(Loop {
                    id,
                    kind,
                    body,
                    break_code,
                    continue_code,
                }));
            }
            Plan::Other => {
                // An iterator chain over slices and ranges: the index loops it stands for.
                if let Some(block) = super::iterchain::for_loop(f) {
                    self.lower_expr_stmt(&block);
                    return;
                }
                let (iter_tokens, reads) = self.rename_tokens(f.expr.to_token_stream());
                let (id, break_code, continue_code) = self.push_loop(f.label.as_ref());
                let pat = &f.pat;
                let mut pat_tokens = TokenStream::new();
                let mut vars = Vec::new();
                let body = self.in_block(|lw| {
                    let mut names = Vec::new();
                    collect_pat_idents(pat, &mut names, lw.cx);
                    let mut map = HashMap::new();
                    for ident in names {
                        let v = lw.declare_user(&ident, VarKind::LoopVar, None);
                        map.insert(ident.to_string(), lw.vars[v].ident.clone());
                        vars.push(v);
                    }
                    pat_tokens = replace_idents(pat.to_token_stream(), &map);
                    lw.lower_stmts(&f.body.stmts, Want::Unit);
                });
                self.loops.pop();
                let kind = LoopKind::Iter {
                    pat: pat_tokens,
                    iter: iter_tokens,
                    reads,
                };
                self.emit(Stmt::Loop(Loop {
                    id,
                    kind,
                    body,
                    break_code,
                    continue_code,
                }));
            }
        }
    }

    pub(super) fn lower_while(&mut self, w: &syn::ExprWhile) {
        // `while let P = e { body }` is `loop { if let P = e { body } else { break } }`.
        if let Expr::Let(l) = strip(&w.cond) {
            let (label, body) = (&w.label, &w.body);
            let desugared: Expr = syn::parse_quote_spanned!(w.span()=>
                #label loop {
                    if #l #body else { break; }
                }
            );
            self.lower_expr_stmt(&desugared);
            return;
        }
        // A condition that assigns (`while { s = s * x; i += 1; i < 3 } {}`, a do-while):
        // `loop { let c = cond; if !c { break; } body }`, so that the reverse sweep undoes its
        // assignments as any statement's (the condition block of a `while` is only evaluated).
        if super::syntax::assigns_anything(&w.cond) {
            let (label, cond, body) = (&w.label, &w.cond, &w.body);
            let c = Ident::new("__ad_while_cond", w.span());
            let desugared: Expr = syn::parse_quote_spanned!(w.span()=>
                #label loop {
                    let #c: bool = #cond;
                    if !#c { break; }
                    #body
                }
            );
            self.lower_expr_stmt(&desugared);
            return;
        }
        let (id, break_code, continue_code) = self.push_loop(w.label.as_ref());
        let mut cond_atom = None;
        let cond_block = self.in_block(|lw| cond_atom = Some(lw.lower_atom(&w.cond)));
        let body = self.in_block(|lw| {
            lw.lower_stmts(&w.body.stmts, Want::Unit);
        });
        self.loops.pop();
        let kind = LoopKind::While {
            cond_block,
            cond_atom: cond_atom.unwrap(),
        };
        self.emit(Stmt::Loop(Loop {
            id,
            kind,
            body,
            break_code,
            continue_code,
        }));
    }

    pub(super) fn lower_loop(&mut self, l: &syn::ExprLoop) {
        let (id, break_code, continue_code) = self.push_loop(l.label.as_ref());
        let body = self.in_block(|lw| {
            lw.lower_stmts(&l.body.stmts, Want::Unit);
        });
        self.loops.pop();
        self.emit(Stmt::Loop(Loop {
            id,
            kind: LoopKind::Loop,
            body,
            break_code,
            continue_code,
        }));
    }
}
