//! Lowering statements: `let`, assignments, statement macros, expression statements.

use super::lower::*;
use super::syntax::*;
use crate::ir::*;
use quote::{ToTokens, quote, quote_spanned};
use std::collections::{BTreeSet, HashMap};
use syn::Expr;
use syn::spanned::Spanned;

impl Lowerer<'_> {
    // ---- statements ----------------------------------------------------------------------

    /// Lowers a statement list into the current block. After a statement that may exit
    /// early, the rest goes into `if flow == 0 { .. }`.
    pub(super) fn lower_stmts(&mut self, stmts: &[syn::Stmt], want: Want) -> Option<Atom> {
        for (i, s) in stmts.iter().enumerate() {
            let last = i + 1 == stmts.len();
            let mark = self.stmt_count();
            if last && let syn::Stmt::Expr(e, None) = s {
                return self.lower_tail(e, want);
            }
            self.lower_stmt(s);
            let pending = self.pending_bind.take();
            if last {
                if let Some((pat, scrut)) = &pending {
                    self.bind_matched(pat, scrut);
                }
                break;
            }
            let escapes = {
                let stmts = &self.stack.last().unwrap().1[mark..];
                let mut codes = BTreeSet::new();
                escape_codes(stmts, &mut codes);
                !codes.is_empty()
            };
            if escapes {
                if want == Want::Value {
                    let at = first_exit(s).unwrap_or_else(|| s.span());
                    self.cx.error_at(at, "an early `return`, `break` or `continue` inside a block whose value is used is not supported by #[differentiable]; move the exit to statement level");
                    return None;
                }
                let flow = self.flow_var();
                let span = s.span();
                let cond = self.let_temp(
                    Op::Passive(
                        quote!(==),
                        vec![Atom::Var(flow), Atom::Const(quote!(0u32))],
                        PassiveShape::Infix,
                    ),
                    span,
                );
                let rest = &stmts[i + 1..];
                let then = self.in_block(|lw| {
                    if let Some((pat, scrut)) = &pending {
                        lw.bind_matched(pat, scrut);
                    }
                    lw.lower_stmts(rest, want);
                });
                self.emit_if(cond, then, None);
                return None;
            }
            if let Some((pat, scrut)) = &pending {
                self.bind_matched(pat, scrut);
            }
        }
        if want == Want::Value {
            // A block without a tail: `()`, or, when its last statement always leaves
            // (`{ ..; return y; }`), a placeholder of the right type that nothing reads.
            let diverges = matches!(stmts.last(), Some(syn::Stmt::Expr(e, _)) if matches!(strip(e), Expr::Return(_) | Expr::Break(_) | Expr::Continue(_)));
            if diverges {
                return Some(Atom::Const(quote!(::core::default::Default::default())));
            }
            return Some(Atom::Const(quote!(())));
        }
        None
    }

    pub(super) fn lower_tail(&mut self, e: &Expr, want: Want) -> Option<Atom> {
        match want {
            Want::Value => Some(self.lower_atom(e)),
            Want::Ret if matches!(strip(e), Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_)) => {
                // A loop left only by `return`.
                self.lower_expr_stmt(e);
                None
            }
            Want::Ret => {
                let mark = self.stmt_count();
                let op = Op::Copy(self.lower_atom(e));
                let escapes = {
                    let mut codes = BTreeSet::new();
                    escape_codes(&self.stack.last().unwrap().1[mark..], &mut codes);
                    !codes.is_empty()
                };
                let assign = Stmt::Assign {
                    var: self.ret,
                    op,
                    span: e.span(),
                    init: true,
                };
                if escapes {
                    // A branch of the tail returned already: only the others store the value.
                    let flow = self.flow_var();
                    let cond = self.let_temp(
                        Op::Passive(
                            quote!(==),
                            vec![Atom::Var(flow), Atom::Const(quote!(0u32))],
                            PassiveShape::Infix,
                        ),
                        e.span(),
                    );
                    let then = self.in_block(|lw| lw.emit(assign));
                    self.emit_if(cond, then, None);
                } else {
                    self.emit(assign);
                }
                None
            }
            Want::Unit => {
                self.lower_expr_stmt(e);
                None
            }
        }
    }

    pub(super) fn lower_stmt(&mut self, s: &syn::Stmt) {
        match s {
            syn::Stmt::Local(local) => self.lower_local(local),
            syn::Stmt::Item(item) => self.unsupported(
                item,
                "an item inside a function body",
                "move it outside the function",
            ),
            syn::Stmt::Expr(e, _) => self.lower_expr_stmt(e),
            syn::Stmt::Macro(m) => self.lower_macro_stmt(&m.mac),
        }
    }

    /// A macro in statement position. Printing and assertion macros only read, so they are
    /// kept in the forward sweep; any other macro that mentions a local variable could
    /// assign it behind the transformation's back, so it is rejected.
    pub(super) fn lower_macro_stmt(&mut self, mac: &syn::Macro) {
        let (tokens, reads) = self.rename_tokens(mac.to_token_stream());
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        const READ_ONLY: &[&str] = &[
            "print",
            "println",
            "eprint",
            "eprintln",
            "assert",
            "assert_eq",
            "assert_ne",
            "debug_assert",
            "debug_assert_eq",
            "debug_assert_ne",
            "dbg",
            "format",
            "unreachable",
            "panic",
            "todo",
            "unimplemented",
        ];
        if !READ_ONLY.contains(&name.as_str()) && !reads.is_empty() {
            self.cx.error_spanned_by(
                &mac.path,
                format!(
                    "the macro `{name}!` uses local variables, and #[differentiable] cannot see what it does with them; write its expansion out by hand (printing and assertion macros are fine)"
                ),
            );
            return;
        }
        self.emit(Stmt::Effect {
            tokens: quote!(#tokens;),
        });
    }

    pub(super) fn lower_expr_stmt(&mut self, e: &Expr) {
        // `s.step(dt);` of a user method on a struct this function can type (a struct
        // parameter, a struct made in the body): a `&mut self` method, whose in-place value
        // twin gives the new struct, `s = P::__ad_inplace_step(&s, dt);` (see
        // `method::mut_self_twin`). (A method whose value a statement drops would do nothing.)
        // A method named like a container's or a float's (`a.push(x);`) is the struct's own
        // where the struct's type is certain (a parameter's declared type, a local made by a
        // literal or a constructor), not where it is a guess.
        if let Expr::MethodCall(m) = strip(e)
            && m.turbofish.is_none()
            && let Expr::Path(p) = strip(&m.receiver)
            && let Some(id) = p.path.get_ident()
            && id != "self"
            && let Some(v) = self.lookup(&id.to_string())
            && let declared = self.vars[v].ty.clone().filter(crate::front::is_struct_type)
            && (!crate::sema::rules::known_method(&m.method.to_string())
                || declared.is_some()
                || self.struct_certain(v))
            && let Some(ty) = declared.or_else(|| self.struct_made(v))
        {
            let twin = quote::format_ident!("__ad_inplace_{}", m.method);
            let (recv, args) = (&m.receiver, m.args.iter());
            let call: Expr = syn::parse_quote_spanned!(m.span()=> #ty::#twin(&#recv, #(#args),*));
            return self.lower_assign(&m.receiver, &call, None, e);
        }
        match e {
            Expr::Assign(a) => self.lower_assign(&a.left, &a.right, None, e),
            Expr::Binary(b) => {
                let arith = match b.op {
                    syn::BinOp::AddAssign(_) => Some(Arith::Add),
                    syn::BinOp::SubAssign(_) => Some(Arith::Sub),
                    syn::BinOp::MulAssign(_) => Some(Arith::Mul),
                    syn::BinOp::DivAssign(_) => Some(Arith::Div),
                    syn::BinOp::RemAssign(_) => Some(Arith::Rem),
                    _ => None,
                };
                match arith {
                    Some(op) => self.lower_assign(&b.left, &b.right, Some(op), e),
                    None if is_compound_assign(&b.op) => {
                        self.unsupported(&b.op, "this compound assignment", "write `x = x op y`")
                    }
                    None => {
                        self.lower_atom(e);
                    }
                }
            }
            Expr::If(i) => self.lower_if(i, None),
            Expr::Match(m) => self.lower_match(m, None),
            Expr::ForLoop(f) => self.lower_for(f),
            Expr::While(w) => self.lower_while(w),
            Expr::Loop(l) => self.lower_loop(l),
            Expr::Return(r) => {
                if let Some(v) = &r.expr {
                    // Through a temporary: rules that read the result, and callee pullbacks,
                    // then refer to a plain value, not to the `Option` return slot.
                    let value = self.lower_atom(v);
                    // Inside a loop, a local returned by value (`return out;` of a `Vec`) is
                    // cloned: the lowered loop goes on to its end through flags, so rustc
                    // would see the value moved in one iteration and used in the next.
                    let op = match value {
                        Atom::Var(w)
                            if !self.loops.is_empty()
                                && matches!(self.vars[w].kind, VarKind::Let | VarKind::LetMut)
                                && !self.vars[w].is_temp() =>
                        {
                            Op::CloneOf(value)
                        }
                        _ => Op::Copy(value),
                    };
                    self.emit(Stmt::Assign {
                        var: self.ret,
                        op,
                        span: r.span(),
                        init: true,
                    });
                }
                self.flow_var();
                self.emit(Stmt::SetFlow(RET_CODE));
            }
            Expr::Break(b) => {
                if let Some(v) = &b.expr {
                    self.unsupported(
                        v,
                        "`break` with a value",
                        "assign the value to a variable declared before the loop, then `break`",
                    );
                    return;
                }
                if let Some(code) = self.loop_target(b.label.as_ref(), e, true) {
                    self.flow_var();
                    self.emit(Stmt::SetFlow(code));
                }
            }
            Expr::Continue(c) => {
                if let Some(code) = self.loop_target(c.label.as_ref(), e, false) {
                    self.flow_var();
                    self.emit(Stmt::SetFlow(code));
                }
            }
            Expr::Block(b) if b.label.is_none() => {
                self.scopes.push(HashMap::new());
                self.lower_stmts(&b.block.stmts, Want::Unit);
                self.scopes.pop();
            }
            Expr::MethodCall(m)
                if m.method == "push"
                    && m.args.len() == 1
                    && !matches!(strip(&m.receiver), Expr::Path(p) if p.path.get_ident().is_some()) =>
            {
                self.unsupported(
                    &m.receiver,
                    "`push` onto something other than a local variable",
                    "push onto a local `Vec` (`let mut v = Vec::new(); v.push(x);`)",
                );
            }
            Expr::MethodCall(m) if m.method == "push" && m.args.len() == 1 => {
                let base = match self.lower_atom(&m.receiver) {
                    Atom::Var(v) => v,
                    _ => {
                        self.unsupported(
                            &m.receiver,
                            "`push` on this expression",
                            "push onto a local variable (`let mut v = Vec::new(); v.push(x);`)",
                        );
                        return;
                    }
                };
                let value = self.lower_atom(&m.args[0]);
                self.emit(Stmt::Push {
                    base,
                    value,
                    span: e.span(),
                });
            }
            // `d.assign(&e);` and `c.scaled_add(k, &b);` on a local array: assignments of
            // their values (`d = assigned(&d, &e)`, `c = &c + &(&b.view() * k)`), differentiated
            // like any other.
            Expr::MethodCall(m)
                if matches!(
                    (m.method.to_string().as_str(), m.args.len()),
                    ("assign", 1) | ("scaled_add", 2)
                ) && m.turbofish.is_none()
                    && matches!(strip(&m.receiver), Expr::Path(p)
                        if p.path.get_ident().and_then(|i| self.lookup(&i.to_string()))
                            .is_some_and(|v| self.vars[v].kind == VarKind::LetMut)) =>
            {
                let recv = &m.receiver;
                let value = if m.method == "assign" {
                    let arg = &m.args[0];
                    quote_spanned!(m.span()=> ::ad_runtime::__private::assigned(&#recv, #arg))
                } else {
                    let k = &m.args[0];
                    let b = match strip(&m.args[1]) {
                        Expr::Reference(r) if r.mutability.is_none() => &*r.expr,
                        other => other,
                    };
                    quote_spanned!(m.span()=> &#recv + &(&(#b).view() * (#k)))
                };
                match syn::parse2::<Expr>(value) {
                    Ok(value) => self.lower_assign(recv, &value, None, e),
                    Err(_) => {
                        self.lower_atom(e);
                    }
                }
            }
            Expr::Macro(m) => self.lower_macro_stmt(&m.mac),
            _ => {
                self.lower_atom(e);
            }
        }
    }

    pub(super) fn loop_target(
        &self,
        label: Option<&syn::Lifetime>,
        e: &Expr,
        brk: bool,
    ) -> Option<u32> {
        let frame = match label {
            None => self.loops.last(),
            Some(l) => {
                let name = l.ident.to_string();
                self.loops
                    .iter()
                    .rev()
                    .find(|f| f.label.as_deref() == Some(name.as_str()))
            }
        };
        match frame {
            Some(f) => Some(if brk { f.break_code } else { f.continue_code }),
            None => {
                self.cx
                    .error_spanned_by(e, "`break`/`continue` outside of a loop of this function");
                None
            }
        }
    }

    pub(super) fn lower_assign(
        &mut self,
        left: &Expr,
        right: &Expr,
        arith: Option<Arith>,
        whole: &Expr,
    ) {
        match strip(left) {
            Expr::Path(p) if p.qself.is_none() && p.path.get_ident().is_some() => {
                let name = p.path.get_ident().unwrap().to_string();
                let Some(var) = self.lookup(&name) else {
                    self.unsupported(
                        left,
                        "assigning to something that is not a local variable",
                        "assign to local variables only",
                    );
                    return;
                };
                let op = match arith {
                    None => {
                        // An array expression assigned to a float array or `Vec` (`a =
                        // [-g0, -g1];`): its elements are floats, as under an annotation.
                        let elem = self.vars[var].ty.as_ref().and_then(|t| match t {
                            syn::Type::Array(a) => Some((*a.elem).clone()),
                            t => crate::front::sequence_element(t).cloned(),
                        });
                        self.float_literal = elem.is_some_and(|e| {
                            matches!(e, syn::Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"))
                        });
                        let op = self.lower_op(right);
                        self.float_literal = false;
                        op
                    }
                    Some(a) => {
                        let rhs = self.lower_atom(right);
                        self.arith(a, Atom::Var(var), rhs)
                    }
                };
                // A `let y;` is assigned once on every path: its initialisation.
                let init = arith.is_none() && self.vars[var].kind == VarKind::Deferred;
                self.emit(Stmt::Assign {
                    var,
                    op,
                    span: whole.span(),
                    init,
                });
            }
            Expr::Index(ix) => {
                let base = match strip(&ix.expr) {
                    Expr::Path(p) if p.path.get_ident().is_some() => {
                        self.lookup(&p.path.get_ident().unwrap().to_string())
                    }
                    _ => None,
                };
                let Some(base) = base else {
                    // An element of a field (`self.vel[1] -= e;`): copied, written, stored back.
                    let help = if matches!(strip(&ix.expr), Expr::Field(_)) {
                        "copy the field into a local with its type, write the element there and store it back (`let mut v: [f64; 2] = self.vel; v[1] -= ..; self.vel = v;`), or iterate it (`for v in self.u.iter_mut()`)"
                    } else {
                        "assign into a local `Vec` by index (`v[i] = ..`)"
                    };
                    self.unsupported(&ix.expr, "assigning into this place", help);
                    return;
                };
                // Rust evaluates the assigned value before the place: an index that assigns
                // (`v[{ i += 1; i }] = v[i] * 2.0;`) is lowered after the value.
                let value_first = super::syntax::assigns_anything(&ix.index)
                    .then(|| self.lower_atom(right));
                let index = self.lower_index_atom(&ix.index);
                let op = match arith {
                    None => match value_first {
                        Some(v) => Op::Copy(v),
                        None => self.lower_op(right),
                    },
                    Some(a) => {
                        let rhs = match value_first {
                            Some(v) => v,
                            None => self.lower_atom(right),
                        };
                        let old = self.let_temp(
                            Op::Index {
                                base: Atom::Var(base),
                                index: index.clone(),
                                by_ref: false,
                            },
                            ix.span(),
                        );
                        self.arith(a, old, rhs)
                    }
                };
                self.emit(Stmt::IndexAssign {
                    base,
                    index,
                    op,
                    span: whole.span(),
                });
            }
            Expr::Field(f) => self.unsupported(
                f,
                "assigning to a field of a parameter left out of `wrt`, of `self` outside a `&mut self` method, or of a tuple",
                "write fields of derived structs held in local variables or differentiated parameters (`s.x = ..`), or assign to a local variable",
            ),
            other => self.unsupported(
                other,
                "assigning to this place",
                "assign to a local variable (`x = ..`) or a `Vec` element (`v[i] = ..`)",
            ),
        }
    }

    pub(super) fn lower_index_atom(&mut self, e: &Expr) -> Atom {
        if let Expr::Range(r) = strip(e) {
            self.unsupported(
                r,
                "indexing with a range outside a borrow",
                "borrow the sub-slice (`&x[a..b]`) or index single elements (`x[i]`)",
            );
            return Atom::Const(quote!(0usize));
        }
        if let Expr::Array(_) | Expr::Tuple(_) = strip(e) {
            // `a[[i, j]]`, `a[(i, j)]`: an ndarray index, a constant.
            let (tokens, reads) = self.rename_tokens(e.to_token_stream());
            return self.let_temp(
                Op::Opaque {
                    mutates: Vec::new(),
                    tokens,
                    reads,
                    what: "an array index".to_string(),
                },
                e.span(),
            );
        }
        self.lower_atom(e)
    }
}

/// Every identifier in `ts`, at any depth.
pub(super) fn idents_of(ts: proc_macro2::TokenStream, out: &mut Vec<String>) {
    for t in ts {
        match t {
            proc_macro2::TokenTree::Ident(i) => out.push(i.to_string()),
            proc_macro2::TokenTree::Group(g) => idents_of(g.stream(), out),
            _ => {}
        }
    }
}
