//! Lowering closures: renaming what a closure passed on reads, an elementwise map's closure
//! differentiated as a function of the element, and a closure bound by `let` inlined where it
//! is called.

use super::lower::*;
use super::syntax::*;
use crate::ir::*;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use std::collections::HashMap;
use syn::spanned::Spanned;
use syn::{Expr, Ident, Pat};

impl Lowerer<'_> {
    /// Renames the variables a closure reads (its own parameters excepted). Returns the
    /// tokens, the variables read, and the closure's parameter names.
    pub(super) fn rename_closure(&mut self, e: &Expr) -> (TokenStream, Vec<VarId>, Vec<Ident>) {
        let mut params = Vec::new();
        if let Expr::Closure(c) = strip(e) {
            for p in &c.inputs {
                collect_pat_idents(p, &mut params, self.cx);
            }
        }
        let first = self.vars.len();
        let mut scope = HashMap::new();
        for p in &params {
            let v = self.vars.len();
            self.vars.push(Var {
                ident: p.clone(),
                block: self.current_block(),
                kind: VarKind::Let,
                ty: None,
            });
            scope.insert(p.to_string(), v);
        }
        self.scopes.push(scope);
        let (tokens, reads) = self.rename_tokens(e.to_token_stream());
        self.scopes.pop();
        self.vars.truncate(first);
        let mut captured: Vec<VarId> = Vec::new();
        for r in reads {
            if r < first && !captured.contains(&r) {
                captured.push(r);
            }
        }
        (tokens, captured, params)
    }

    /// `recv.mapv(|v| body)`: the closure body becomes a function of the element and of the
    /// captured variables, lowered like any function body (see [`Op::Map`]).
    pub(super) fn lower_map(&mut self, m: &syn::ExprMethodCall, recv: Atom) -> Op {
        if let Expr::Closure(c) = strip(&m.args[0])
            && let Some((target, name)) = assigned_capture(c)
        {
            // The closure runs as a function of the element alone (its captures are copies):
            // state carried from element to element would be lost (hunt 28).
            self.unsupported(
                target,
                &format!("an elementwise map's closure that assigns `{name}` (a variable of the function)"),
                "write the loop (`for v in a.iter() { .. }`) or an iterator chain, which carry the state from element to element",
            );
            return Op::Copy(Atom::Const(quote!(())));
        }
        let hoisted;
        let arg = match strip(&m.args[0]) {
            Expr::Closure(c) if c.inputs.len() == 1 => {
                hoisted = Expr::Closure(self.hoist_element_reads(c));
                &hoisted
            }
            _ => &m.args[0],
        };
        let fallback = Op::Copy(Atom::Const(quote!(())));
        let (closure, captures, param, body) = match strip(arg) {
            Expr::Closure(c) if c.inputs.len() == 1 => {
                let (tokens, captures, params) = self.rename_closure(arg);
                let by_ref = matches!(&c.inputs[0], Pat::Reference(_));
                if m.method == "map" && !by_ref {
                    self.unsupported(
                        &c.inputs[0],
                        "`map` with a closure taking the element by reference",
                        "use `mapv(|v| ..)` (by value) or `map(|&v| ..)`",
                    );
                    return fallback;
                }
                let Some(param) = params.first().cloned() else {
                    self.unsupported(
                        &c.inputs[0],
                        "this closure parameter pattern",
                        "name the element (`|v| ..`)",
                    );
                    return fallback;
                };
                // The body with captured names renamed, the closure's parameter kept.
                let Ok(renamed) = syn::parse2::<syn::ExprClosure>(tokens.clone()) else {
                    return fallback;
                };
                (tokens, captures, param, renamed.body.to_token_stream())
            }
            Expr::Path(p) if p.qself.is_none() => {
                let e = Ident::new("__elem", Span::mixed_site());
                let path = &p.path;
                (
                    quote!(|#e| #path(#e)),
                    Vec::new(),
                    e.clone(),
                    quote!(#path(#e)),
                )
            }
            other => {
                self.unsupported(
                    other,
                    "this argument of an elementwise map",
                    "pass a closure (`|v| v.tanh()`) or a function path (`f64::tanh`)",
                );
                return fallback;
            }
        };
        let mut names = vec![param];
        names.extend(captures.iter().map(|c| self.vars[*c].ident.clone()));
        let item: syn::ItemFn =
            match syn::parse2(quote!(fn __closure(#(#names: f64),*) -> _ { #body })) {
                Ok(item) => item,
                Err(e) => {
                    self.cx.error_at(
                        arg.span(),
                        format!("cannot differentiate this closure: {e}"),
                    );
                    return fallback;
                }
            };
        let vars = names
            .iter()
            .map(|n| Var {
                ident: n.clone(),
                block: 0,
                kind: VarKind::Param,
                ty: Some(syn::parse_quote!(f64)),
            })
            .collect();
        let (sub, _) = lower(self.cx, &item, vars, &[]);
        Op::Map {
            method: m.method.clone(),
            recv,
            closure,
            sub: Box::new(sub),
            captures,
            derivative: None,
        }
    }

    /// An elementwise map's closure gets its captures as scalars, so an element it reads of a
    /// captured array (`v.mapv(|x| x * v[0])`, `a.mapv(|x| x - m[[0, 1]])`), a field of a
    /// struct (`|v| v / self.temp`), a cast of a shape (`x.len() as f64`) or a float method of
    /// a capture is read once before the map, into a hidden local the closure then captures:
    /// such a read that mentions no name the closure binds (its parameter, its `let`s) means
    /// the same value at every element.
    fn hoist_element_reads(&mut self, c: &syn::ExprClosure) -> syn::ExprClosure {
        struct Hoist<'l, 'a> {
            lw: &'l mut Lowerer<'a>,
            bound: Vec<String>,
        }
        impl syn::visit_mut::VisitMut for Hoist<'_, '_> {
            fn visit_expr_mut(&mut self, e: &mut Expr) {
                // A read rooted at a variable: an element, a field (`self.temp`), a cast of
                // one (`x.len() as f64`), a pure method of one (`s.sqrt()`, `x.len()`).
                fn rooted(e: &Expr) -> bool {
                    match strip(e) {
                        Expr::Path(p) => p.path.get_ident().is_some(),
                        Expr::Index(ix) => rooted(&ix.expr),
                        Expr::Field(f) => rooted(&f.base),
                        _ => false,
                    }
                }
                let hoist = match &*e {
                    Expr::Index(ix) => rooted(&ix.expr),
                    Expr::Field(f) => rooted(&f.base),
                    Expr::Cast(c) => match strip(&c.expr) {
                        Expr::MethodCall(m) => rooted(&m.receiver),
                        x => rooted(x) && !matches!(x, Expr::Path(_)),
                    },
                    Expr::MethodCall(m) => {
                        rooted(&m.receiver)
                            && crate::sema::rules::method(&m.method.to_string()).is_some()
                    }
                    _ => false,
                };
                if hoist {
                    let mut names = Vec::new();
                    super::stmt::idents_of(e.to_token_stream(), &mut names);
                    if !names.iter().any(|n| self.bound.contains(n)) {
                        self.lw.n_snapshots += 1;
                        let name =
                            Ident::new(&format!("__ad_elem{}", self.lw.n_snapshots), e.span());
                        let read = e.clone();
                        self.lw.lower_stmt(&syn::parse_quote!(let #name = #read;));
                        *e = syn::parse_quote!(#name);
                        return;
                    }
                }
                syn::visit_mut::visit_expr_mut(self, e);
            }
            fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
            // Reads the closure makes only under a condition stay where they are (read
            // before the map, `a[k]` guarded by `k < a.len()` would run unguarded).
            fn visit_expr_if_mut(&mut self, e: &mut syn::ExprIf) {
                self.visit_expr_mut(&mut e.cond);
            }
            fn visit_expr_match_mut(&mut self, e: &mut syn::ExprMatch) {
                self.visit_expr_mut(&mut e.expr);
            }
            fn visit_expr_binary_mut(&mut self, e: &mut syn::ExprBinary) {
                self.visit_expr_mut(&mut e.left);
                if !matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) {
                    self.visit_expr_mut(&mut e.right);
                }
            }
            fn visit_expr_while_mut(&mut self, _: &mut syn::ExprWhile) {}
            fn visit_expr_for_loop_mut(&mut self, e: &mut syn::ExprForLoop) {
                self.visit_expr_mut(&mut e.expr);
            }
        }
        let mut bound = Vec::new();
        for p in &c.inputs {
            super::stmt::idents_of(p.to_token_stream(), &mut bound);
        }
        // Every name the body binds (`let`, `for` variables, `match`/`if let` patterns,
        // inner closures' parameters): a read naming one is the closure's own, not hoisted.
        struct Lets<'b>(&'b mut Vec<String>);
        impl<'ast> syn::visit::Visit<'ast> for Lets<'_> {
            fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
                self.0.push(p.ident.to_string());
                syn::visit::visit_pat_ident(self, p);
            }
        }
        syn::visit::Visit::visit_expr(&mut Lets(&mut bound), &c.body);
        let mut out = c.clone();
        let mut h = Hoist { lw: self, bound };
        syn::visit_mut::VisitMut::visit_expr_mut(&mut h, &mut out.body);
        out
    }

    /// `f(a, b)` for `let f = |p, q| body;`: `{ let t0 = a; let t1 = b; let p = t0; let q = t1;
    /// body }`, after checking that every name the body reads still names what it named
    /// where the closure was defined. A `move` closure's captured names are bound to the
    /// values it captured first (`let s = __ad_cap1_s;`, see `Lowerer::closures`).
    pub(super) fn inline_closure(
        &mut self,
        call: &syn::ExprCall,
        closure: &syn::ExprClosure,
        resolved: &[(String, Option<VarId>)],
        snapshots: &[(String, syn::Ident)],
    ) -> Op {
        let span = call.span();
        if call.args.len() != closure.inputs.len() {
            self.unsupported(
                call,
                "this closure call (wrong number of arguments)",
                "pass one argument per closure parameter",
            );
            return Op::Copy(Atom::Const(quote!(())));
        }
        for (name, v) in resolved {
            // (A name no variable had where the closure was defined is one the closure binds
            // itself, a loop or pattern variable: it reads no outer value of that name.)
            if v.is_none() || snapshots.iter().any(|(n, _)| n == name) {
                continue;
            }
            if self.lookup(name) != *v {
                self.cx.error_spanned_by(
                    call,
                    format!("#[differentiable] inlines closures where they are called, but `{name}`, which this closure reads, names another value here (it was redefined after the closure); rename one of them"),
                );
                return Op::Copy(Atom::Const(quote!(())));
            }
        }
        if exits(closure.body.to_token_stream()) {
            self.unsupported(
                closure,
                "a closure bound by `let` that returns early (`return`, `?`, `break`, `continue`)",
                "compute its value without leaving early",
            );
            return Op::Copy(Atom::Const(quote!(())));
        }
        let temps: Vec<syn::Ident> = (0..call.args.len())
            .map(|k| syn::Ident::new(&format!("__ad_arg{k}"), span))
            .collect();
        let params = closure.inputs.iter();
        // A body that is an assignment (`|v| acc += v * v`) is a statement: its value is `()`.
        let body: Expr = match strip(&closure.body) {
            Expr::Assign(_) => {
                let b = &closure.body;
                syn::parse_quote_spanned!(span=> { #b; })
            }
            Expr::Binary(b) if crate::front::syntax::is_compound_assign(&b.op) => {
                let b = &closure.body;
                syn::parse_quote_spanned!(span=> { #b; })
            }
            _ => (*closure.body).clone(),
        };
        let captured = snapshots.iter().map(|(n, _)| syn::Ident::new(n, span));
        let snaps = snapshots.iter().map(|(_, s)| s);
        // An argument that is a name or a borrow of one (`layer(&h1)`) is bound to the
        // parameter directly (nothing to evaluate first; and a borrow of a local stays one the
        // reverse sweep can re-make, not a copy of a reference it would have to keep).
        let direct = |a: &Expr| match strip(a) {
            Expr::Path(p) => p.path.get_ident().is_some(),
            Expr::Reference(r) => {
                r.mutability.is_none()
                    && matches!(strip(&r.expr), Expr::Path(p) if p.path.get_ident().is_some())
            }
            _ => false,
        };
        let names: Vec<String> = closure
            .inputs
            .iter()
            .flat_map(|p| {
                let mut v = Vec::new();
                super::stmt::idents_of(p.to_token_stream(), &mut v);
                v
            })
            .collect();
        // (Only where no parameter or snapshot of a `move` closure is named like an
        // argument's variable, which the bindings before it would shadow.)
        let all_direct = call.args.iter().all(direct)
            && call.args.iter().all(|a| {
                let mut v = Vec::new();
                super::stmt::idents_of(a.to_token_stream(), &mut v);
                v.iter()
                    .all(|n| !names.contains(n) && snapshots.iter().all(|(s, _)| s != n))
            });
        let temps: Vec<Expr> = if all_direct {
            call.args.iter().cloned().collect()
        } else {
            temps.iter().map(|t| syn::parse_quote!(#t)).collect()
        };
        let temp_lets = (!all_direct).then(|| {
            let t = temps.iter();
            let a = call.args.iter();
            quote::quote_spanned!(span=> #(let #t = #a;)*)
        });
        let block: Expr = syn::parse_quote_spanned!(span=> {
            #temp_lets
            #(let #captured = #snaps;)*
            #(let #params = #temps;)*
            #body
        });
        self.lower_op(&block)
    }
}

/// The first assignment in `c`'s body (`s = e`, `s += e`, `t.0 = e`, `b[i] = e`, `&mut s`)
/// of a name the closure does not bind itself: its target and the name. Names are bound in
/// order (`let`, patterns of `for`, `match`, `if let`, `while let`, inner closures), each in
/// its block.
fn assigned_capture(c: &syn::ExprClosure) -> Option<(&Expr, String)> {
    struct Find<'a> {
        scopes: Vec<Vec<String>>,
        found: Option<(&'a Expr, String)>,
    }
    impl Find<'_> {
        fn bound(&self, n: &str) -> bool {
            self.scopes.iter().any(|s| s.iter().any(|b| b == n))
        }
        fn bind(&mut self, p: &Pat) {
            let mut names = Vec::new();
            super::stmt::idents_of(p.to_token_stream(), &mut names);
            self.scopes.last_mut().expect("a scope").extend(names);
        }
    }
    fn root(e: &Expr) -> Option<String> {
        match strip(e) {
            Expr::Path(p) => p.path.get_ident().map(|i| i.to_string()),
            Expr::Field(f) => root(&f.base),
            Expr::Index(ix) => root(&ix.expr),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => root(&u.expr),
            _ => None,
        }
    }
    impl<'a> syn::visit::Visit<'a> for Find<'a> {
        fn visit_block(&mut self, b: &'a syn::Block) {
            self.scopes.push(Vec::new());
            syn::visit::visit_block(self, b);
            self.scopes.pop();
        }
        fn visit_local(&mut self, l: &'a syn::Local) {
            if let Some(init) = &l.init {
                self.visit_expr(&init.expr);
                if let Some((_, d)) = &init.diverge {
                    self.visit_expr(d);
                }
            }
            self.bind(&l.pat);
        }
        fn visit_expr_for_loop(&mut self, f: &'a syn::ExprForLoop) {
            self.visit_expr(&f.expr);
            self.scopes.push(Vec::new());
            self.bind(&f.pat);
            self.visit_block(&f.body);
            self.scopes.pop();
        }
        fn visit_arm(&mut self, a: &'a syn::Arm) {
            self.scopes.push(Vec::new());
            self.bind(&a.pat);
            syn::visit::visit_arm(self, a);
            self.scopes.pop();
        }
        fn visit_expr_let(&mut self, l: &'a syn::ExprLet) {
            self.visit_expr(&l.expr);
            self.bind(&l.pat);
        }
        fn visit_expr_closure(&mut self, c: &'a syn::ExprClosure) {
            self.scopes.push(Vec::new());
            for p in &c.inputs {
                self.bind(p);
            }
            self.visit_expr(&c.body);
            self.scopes.pop();
        }
        fn visit_expr_assign(&mut self, a: &'a syn::ExprAssign) {
            self.check(&a.left);
            syn::visit::visit_expr_assign(self, a);
        }
        fn visit_expr_binary(&mut self, b: &'a syn::ExprBinary) {
            if crate::front::syntax::is_compound_assign(&b.op) {
                self.check(&b.left);
            }
            syn::visit::visit_expr_binary(self, b);
        }
        fn visit_expr_reference(&mut self, r: &'a syn::ExprReference) {
            if r.mutability.is_some() {
                self.check(&r.expr);
            }
            syn::visit::visit_expr_reference(self, r);
        }
    }
    impl<'a> Find<'a> {
        fn check(&mut self, target: &'a Expr) {
            if self.found.is_none()
                && let Some(n) = root(target)
                && !self.bound(&n)
            {
                self.found = Some((target, n));
            }
        }
    }
    let mut f = Find {
        scopes: vec![Vec::new()],
        found: None,
    };
    for p in &c.inputs {
        f.bind(p);
    }
    syn::visit::Visit::visit_expr(&mut f, &c.body);
    f.found
}
