//! Lowering `let` bindings: `let y;` initialised later, annotations, the patterns a value
//! is bound to (tuples, arrays, structs, references).

use super::lower::*;
use super::stmt::idents_of;
use super::syntax::*;
use crate::ir::*;
use quote::{ToTokens, quote};
use syn::spanned::Spanned;
use syn::{Expr, Pat};

impl Lowerer<'_> {
    pub(super) fn lower_local(&mut self, local: &syn::Local) {
        let Some(init) = &local.init else {
            // `let y;` (or `let y: T;`) initialised later, once on every path (rustc checks
            // that it is never assigned twice): each assignment is its initialisation, whose
            // reverse restores nothing.
            let (pat, ty) = match &local.pat {
                Pat::Type(pt) => (&*pt.pat, Some((*pt.ty).clone())),
                p => (p, None),
            };
            if let Pat::Ident(pi) = pat
                && pi.mutability.is_none()
                && pi.by_ref.is_none()
                && pi.subpat.is_none()
            {
                let var = self.declare_user(&pi.ident, VarKind::Deferred, ty);
                self.emit(Stmt::Declare { var });
                return;
            }
            self.cx.error_spanned_by(local, "`let` without a value is not supported by #[differentiable] here (only `let y;` of a name that is then assigned once on every path); initialise the variable where it is declared (use an `if` expression for conditional values)");
            // Declare it anyway, so later uses do not produce follow-on errors.
            if let Pat::Ident(pi) = &local.pat {
                self.declare_user(&pi.ident, VarKind::LetMut, None);
            }
            return;
        };
        // `let P = e else { .. };`: the `else` block where `e` does not match, then the
        // pattern's variables bound (see `bind_matched`).
        if let Some((_, diverge)) = &init.diverge {
            let scrut = self.lower_atom(&init.expr);
            let pat = &local.pat;
            let span = local.span();
            let test = self.let_temp(
                Op::Passive(quote!(#pat), vec![scrut.clone()], PassiveShape::Matches),
                span,
            );
            let cond = self.let_temp(
                Op::Passive(quote!(!), vec![test], PassiveShape::Prefix),
                span,
            );
            let then = self.in_block(|lw| {
                lw.lower_expr_stmt(diverge);
            });
            self.emit_if(cond, then, None);
            self.pending_bind = Some((pat.clone(), scrut));
            return;
        }
        let (pat, ty) = match &local.pat {
            Pat::Type(pt) => (&*pt.pat, Some((*pt.ty).clone())),
            p => (p, None),
        };
        match pat {
            // `let f = |v| ..;`: inlined at each call `f(a)` (see `Lowerer::closures`).
            Pat::Ident(pi)
                if pi.by_ref.is_none()
                    && pi.subpat.is_none()
                    && ty.is_none()
                    && let Expr::Closure(c) = strip(&init.expr)
                    && c.asyncness.is_none()
                    && c.inputs.iter().all(|p| {
                        matches!(super::desugar::untyped(p), Pat::Ident(i) if i.by_ref.is_none() && i.subpat.is_none())
                    }) =>
            {
                let params: Vec<String> = c
                    .inputs
                    .iter()
                    .filter_map(|p| match super::desugar::untyped(p) {
                        Pat::Ident(i) => Some(i.ident.to_string()),
                        _ => None,
                    })
                    .collect();
                let mut names = Vec::new();
                idents_of(c.body.to_token_stream(), &mut names);
                names.retain(|n| !params.contains(n));
                names.sort();
                names.dedup();
                let resolved: Vec<(String, Option<VarId>)> = names
                    .into_iter()
                    .map(|n| {
                        let v = self.lookup(&n);
                        (n, v)
                    })
                    .collect();
                // A `move` closure holds the values its variables had here: each is cloned
                // into a hidden variable now (a copy for a float; a clone, not a move, since
                // the closure may capture only a field of a struct used later), and the
                // inlined body reads that copy (`let f = move |t| t * s; s = 3.0 * s;
                // f(1.0)` reads the old `s`). Mutable locals and `mut` parameters, and any
                // other local or parameter the rest of the function shadows (`let x = 5.0 *
                // x;` after the closure), whose name then means another value at the call.
                let mut snapshots = Vec::new();
                if c.capture.is_some() {
                    for (n, v) in &resolved {
                        if !v.is_some_and(|v| {
                            self.vars[v].kind == VarKind::LetMut
                                || self.mut_params.contains(&v)
                                || (self.shadowed_later.contains(n) && !self.closures.contains_key(&v))
                        }) {
                            continue;
                        }
                        self.n_snapshots += 1;
                        let snap = syn::Ident::new(
                            &format!("__ad_cap{}_{n}", self.n_snapshots),
                            pi.ident.span(),
                        );
                        let name = syn::Ident::new(n, pi.ident.span());
                        self.lower_stmt(&syn::parse_quote!(let #snap = #name.clone();));
                        snapshots.push((n.clone(), snap));
                    }
                }
                let var = self.declare_user(&pi.ident, VarKind::Let, None);
                self.closures.insert(var, (c.clone(), resolved, snapshots));
            }
            Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                // An annotation `[f64; N]` (`Vec<f64>`, `f32`) says an array expression's
                // elements are floats (`let h: [f64; 2] = [l1.forward(x), l2.forward(x)];`).
                let elem = ty.as_ref().and_then(|t| match t {
                    syn::Type::Array(a) => Some(&*a.elem),
                    t => crate::front::sequence_element(t),
                });
                self.float_literal = elem.is_some_and(|e| {
                    matches!(e, syn::Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"))
                });
                let mut op = self.lower_op(&init.expr);
                self.float_literal = false;
                // `let r: [f64; 3] = p.w;`: a field read borrows an array; the annotation
                // asks for the copy. So does a struct's (`let v: V2 = p.vel;`, of a `Copy`
                // type, as the primal's move out of a borrow requires).
                if (matches!(ty, Some(syn::Type::Array(_)))
                    || ty.as_ref().is_some_and(crate::front::is_struct_type))
                    && matches!(op, Op::Member(..))
                {
                    let t = self.let_temp(op, init.expr.span());
                    op = Op::Deref(t);
                }
                let kind = if pi.mutability.is_some() {
                    VarKind::LetMut
                } else {
                    VarKind::Let
                };
                let float = self.looks_float(&init.expr);
                // `let q = p.map(..)` of a fixed-size array: `q` has `p`'s array type (so
                // `q.map(..)` is known to be one too).
                let array_of = |lw: &Self, e: &Expr, deref: bool| match strip(e) {
                    Expr::Path(p) => p
                        .path
                        .get_ident()
                        .and_then(|i| lw.lookup(&i.to_string()))
                        .and_then(|v| lw.vars[v].ty.clone())
                        .and_then(|t| match (t, deref) {
                            (syn::Type::Reference(r), true) => Some(*r.elem),
                            (t, false) => Some(t),
                            _ => None,
                        })
                        .filter(|t| matches!(t, syn::Type::Array(_))),
                    _ => None,
                };
                // `let s = s0;`, `let s = *s0;` (`s0: &[f64; N]`), `let s = s0.clone();` of a
                // fixed-size array: `s` has its array type (its adjoint is then an array).
                let ty = ty.or_else(|| match strip(&init.expr) {
                    Expr::Path(_) => array_of(self, &init.expr, false),
                    Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                        array_of(self, &u.expr, true)
                    }
                    Expr::MethodCall(m) if m.method == "clone" && m.args.is_empty() => {
                        array_of(self, &m.receiver, false)
                    }
                    _ => None,
                });
                // `let a = [y[0], 2.0 * x];` of floats of a known type `T`: `[T; N]` (its
                // adjoint is then an array, as the callees it is passed to expect).
                let ty = ty.or_else(|| match strip(&init.expr) {
                    Expr::Array(arr)
                        if !arr.elems.is_empty()
                            && arr.elems.iter().all(|e| !matches!(strip(e), Expr::Array(_))) =>
                    {
                        // (Else, elements visibly floats of a function whose only float type
                        // is `f64`: `[(p.a).sin(), s.sin()]`.)
                        let t = arr
                            .elems
                            .iter()
                            .find_map(|e| self.float_type_of(e))
                            .or_else(|| {
                                arr.elems
                                    .iter()
                                    .any(|e| self.looks_float(e))
                                    .then(|| self.literal_float.clone())
                                    .flatten()
                            })?;
                        let n = arr.elems.len();
                        Some(syn::parse_quote!([#t; #n]))
                    }
                    _ => None,
                });
                // `let y = x.to_vec();` (also `to_owned`, `clone`) of a float sequence: a
                // `Vec` of its element type (so `[y[0], y[1]]` is visibly of floats).
                let ty = ty.or_else(|| match strip(&init.expr) {
                    Expr::MethodCall(m)
                        if m.args.is_empty()
                            && matches!(
                                m.method.to_string().as_str(),
                                "to_vec" | "to_owned" | "clone"
                            ) =>
                    {
                        let t = match strip(&m.receiver) {
                            Expr::Path(p) => p
                                .path
                                .get_ident()
                                .and_then(|i| self.lookup(&i.to_string()))
                                .and_then(|v| self.vars[v].ty.clone()),
                            _ => None,
                        }?;
                        let t = match t {
                            syn::Type::Reference(r) => *r.elem,
                            t => t,
                        };
                        let elem = crate::front::sequence_element(&t)?;
                        matches!(&elem, syn::Type::Path(p)
                            if p.path.is_ident("f64") || p.path.is_ident("f32"))
                        .then(|| syn::parse_quote!(::std::vec::Vec<#elem>))
                    }
                    _ => None,
                });
                let ty = ty.or_else(|| match strip(&init.expr) {
                    Expr::MethodCall(m) if m.method == "map" => match strip(&m.receiver) {
                        Expr::Path(p) => p
                            .path
                            .get_ident()
                            .and_then(|i| self.lookup(&i.to_string()))
                            .and_then(|v| self.vars[v].ty.clone())
                            .filter(|t| matches!(t, syn::Type::Array(_))),
                        _ => None,
                    },
                    _ => None,
                });
                let var = self.declare_user(&pi.ident, kind, ty);
                if float {
                    self.floats.insert(var);
                }
                self.emit(Stmt::Let {
                    var,
                    op,
                    span: init.expr.span(),
                });
            }
            Pat::Tuple(t)
                if ty.is_none()
                    && matches!(strip(&init.expr), Expr::Tuple(e) if e.elems.len() == t.elems.len()) =>
            {
                // `let (a, n) = (x * 2.0, 3usize)`: bind element by element, so each name
                // keeps its own activity (all elements are evaluated first, as in Rust).
                let Expr::Tuple(e) = strip(&init.expr) else {
                    unreachable!()
                };
                let elems: Vec<&Expr> = e.elems.iter().collect();
                let atoms = self.lower_atoms_in_order(&elems);
                for (p, a) in t.elems.iter().zip(atoms) {
                    self.bind_pattern(p, a);
                }
            }
            Pat::Tuple(_) | Pat::Wild(_) => {
                let annotated_floats = matches!(&ty, Some(syn::Type::Tuple(t)) if !t.elems.is_empty()
                    && t.elems.iter().all(|e| matches!(e, syn::Type::Path(p)
                        if p.path.is_ident("f64") || p.path.is_ident("f32"))));
                let atom = self.lower_atom(&init.expr);
                let atom = match (ty, &atom) {
                    (Some(ty), _) => {
                        let v = self.temp_var(VarKind::Let, "v");
                        self.vars[v].ty = Some(ty);
                        self.emit(Stmt::Let {
                            var: v,
                            op: Op::Copy(atom),
                            span: init.expr.span(),
                        });
                        Atom::Var(v)
                    }
                    _ => atom,
                };
                self.bind_pattern(pat, atom);
                // `let (s, c) = th.sin_cos();` (also annotated `(f64, f64)`): floats.
                let pair_of_floats = matches!(strip(&init.expr), Expr::MethodCall(m)
                    if m.method == "sin_cos" && self.looks_float(&m.receiver))
                    || annotated_floats;
                if let (true, Pat::Tuple(t)) = (pair_of_floats, &pat) {
                    for p in &t.elems {
                        if let Pat::Ident(pi) = p
                            && let Some(v) = self.lookup(&pi.ident.to_string())
                        {
                            self.floats.insert(v);
                        }
                    }
                }
            }
            // `let Mlp { w1, b1: bias, .. } = p;`: one field read per named field (see
            // `Op::Member`).
            Pat::Struct(ps)
                if ty.is_none()
                    && ps.fields.iter().all(|f| {
                        matches!(f.member, syn::Member::Named(_))
                            && matches!(&*f.pat, Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none())
                    }) =>
            {
                // Through a reference (`= p` with `p: &Mlp`, or a binding of an outer
                // pattern) the names bind borrows, as in Rust; `= *p`, an owned struct (`= p`
                // with `p: Mlp`, `= p.clone()`, a call's result) binds values.
                let by_value = match strip(&init.expr) {
                    Expr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)),
                    Expr::Path(p) => p
                        .path
                        .get_ident()
                        .and_then(|i| self.lookup(&i.to_string()))
                        .is_some_and(|v| {
                            !matches!(self.vars[v].ty, Some(syn::Type::Reference(_)) | None)
                        }),
                    _ => true,
                };
                let base: Expr = match strip(&init.expr) {
                    Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => (*u.expr).clone(),
                    e @ Expr::Path(_) => e.clone(),
                    e => {
                        let tmp = syn::Ident::new("__ad_struct", init.expr.span());
                        let local: syn::Stmt =
                            syn::parse_quote_spanned!(init.expr.span()=> let #tmp = #e;);
                        self.lower_stmt(&local);
                        syn::parse_quote_spanned!(init.expr.span()=> #tmp)
                    }
                };
                for f in &ps.fields {
                    let (syn::Member::Named(name), Pat::Ident(pi)) = (&f.member, &*f.pat) else {
                        continue;
                    };
                    let (m, id) = (pi.mutability, &pi.ident);
                    let local: syn::Stmt = if by_value {
                        syn::parse_quote_spanned!(f.span()=> let #m #id = #base.#name;)
                    } else {
                        syn::parse_quote_spanned!(f.span()=> let #m #id = &#base.#name;)
                    };
                    self.lower_stmt(&local);
                }
            }
            // `let [a, b] = *p;` / `let [a, _, c] = arr;`: one `let` per element, indexed.
            Pat::Slice(sp)
                if ty.is_none()
                    && sp.elems.iter().all(|e| match e {
                        Pat::Ident(pi) => pi.by_ref.is_none() && pi.subpat.is_none(),
                        Pat::Wild(_) => true,
                        _ => false,
                    }) =>
            {
                let base: Expr = match strip(&init.expr) {
                    Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => (*u.expr).clone(),
                    e @ Expr::Path(_) => e.clone(),
                    e => {
                        // Evaluated once, into a temporary.
                        let tmp = syn::Ident::new("__ad_array", init.expr.span());
                        let local: syn::Stmt = syn::parse_quote_spanned!(init.expr.span()=> let #tmp = #e;);
                        self.lower_stmt(&local);
                        syn::parse_quote_spanned!(init.expr.span()=> #tmp)
                    }
                };
                for (k, e) in sp.elems.iter().enumerate() {
                    if let Pat::Ident(pi) = e {
                        let m = pi.mutability;
                        let id = &pi.ident;
                        let local: syn::Stmt =
                            syn::parse_quote_spanned!(e.span()=> let #m #id = #base[#k];);
                        self.lower_stmt(&local);
                    }
                }
            }
            other => self.unsupported(
                other,
                "this `let` pattern",
                "bind a name (`let x = ..`) or a tuple of names (`let (a, b) = ..`)",
            ),
        }
    }

    /// Binds a (possibly nested tuple) pattern to the value `atom`.
    pub(super) fn bind_pattern(&mut self, pat: &Pat, atom: Atom) {
        match pat {
            Pat::Wild(_) => {}
            Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                let kind = if pi.mutability.is_some() {
                    VarKind::LetMut
                } else {
                    VarKind::Let
                };
                let var = self.declare_user(&pi.ident, kind, None);
                self.emit(Stmt::Let {
                    var,
                    op: Op::Copy(atom),
                    span: pi.span(),
                });
            }
            Pat::Tuple(t) => {
                let base = match atom {
                    Atom::Var(_) => atom,
                    other => self.let_temp(Op::Copy(other), t.span()),
                };
                for (k, p) in t.elems.iter().enumerate() {
                    if matches!(p, Pat::Wild(_)) {
                        continue;
                    }
                    if matches!(p, Pat::Rest(_)) {
                        self.unsupported(p, "`..` in a tuple pattern", "name every element");
                        return;
                    }
                    let field = Op::Field(
                        base.clone(),
                        syn::Index {
                            index: k as u32,
                            span: p.span(),
                        },
                    );
                    match p {
                        Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                            let kind = if pi.mutability.is_some() {
                                VarKind::LetMut
                            } else {
                                VarKind::Let
                            };
                            let var = self.declare_user(&pi.ident, kind, None);
                            self.emit(Stmt::Let {
                                var,
                                op: field,
                                span: pi.span(),
                            });
                        }
                        _ => {
                            let inner = self.let_temp(field, p.span());
                            self.bind_pattern(p, inner);
                        }
                    }
                }
            }
            other => self.unsupported(other, "this pattern", "bind a name or a tuple of names"),
        }
    }
}
