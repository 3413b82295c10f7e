//! Lowering a function body to the IR ([`Func`], A-normal form): the [`Lowerer`], its
//! variables, scopes and blocks. Statements are lowered in `stmt.rs`, control flow in
//! `control.rs`, expressions in `expr.rs`, method calls, calls and closures in `call.rs`.
//!
//! The body is flattened to A-normal form in evaluation order: every intermediate value gets
//! a name, so each IR statement is one primitive operation. Names follow the user's where
//! possible (the first binding of `x` stays `x`); shadowing bindings and temporaries get
//! fresh names with mixed-site hygiene, so they cannot collide with user identifiers.
//!
//! Early exits are lowered here: `return e` stores `e` in the return slot and sets a flow
//! flag; `break`/`continue` set the flag with a code naming their loop; the statements after
//! one that may exit are wrapped in `if flow == 0 { .. }`. Every block therefore runs to its
//! end, which keeps the reverse sweep a plain mirror of `if` and loops.

use crate::ctxt::Ctxt;
use crate::ir::*;
use proc_macro2::Span;
use quote::{ToTokens, quote};
use std::collections::HashMap;
use syn::spanned::Spanned;
use syn::{Expr, Ident, Type};

/// Does the body contain `return` (outside closures)?
pub(super) fn has_return(block: &syn::Block) -> bool {
    struct V(bool);
    impl<'a> syn::visit::Visit<'a> for V {
        fn visit_expr_return(&mut self, _: &'a syn::ExprReturn) {
            self.0 = true;
        }
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut v = V(false);
    syn::visit::Visit::visit_block(&mut v, block);
    v.0
}

/// What a lowered statement list does with its tail expression.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Want {
    /// Produce its value as an atom.
    Value,
    /// Store it in the return slot.
    Ret,
    /// Discard it (statement position).
    Unit,
}

pub(super) const RET_CODE: u32 = 1;

pub(super) struct LoopFrame {
    pub(super) label: Option<String>,
    pub(super) break_code: u32,
    pub(super) continue_code: u32,
}

/// Element reads of an open block: by base and index variable (`None` for a constant index),
/// the index's tokens and the temporary holding the element.
pub(super) type ElementReads = HashMap<(VarId, Option<VarId>), (String, VarId)>;

/// A closure bound by `let`, with what each identifier of its body named where it was
/// defined.
/// A closure bound by `let`: the closure, what each identifier of its body named where it
/// was defined, and for a `move` closure the hidden variables holding the values it
/// captured (by name).
pub(super) type LetClosure = (
    syn::ExprClosure,
    Vec<(String, Option<VarId>)>,
    Vec<(String, syn::Ident)>,
);

pub struct Lowerer<'a> {
    pub(super) cx: &'a Ctxt,
    pub(super) fn_name: String,
    pub vars: Vec<Var>,
    pub(super) scopes: Vec<HashMap<String, VarId>>,
    pub(super) name_uses: HashMap<String, usize>,
    pub(super) stack: Vec<(BlockId, Vec<Stmt>)>,
    pub(super) n_blocks: usize,
    pub(super) n_temps: usize,
    pub(super) n_ifs: usize,
    pub(super) n_loops: usize,
    pub(super) next_code: u32,
    pub(super) loops: Vec<LoopFrame>,
    pub(super) flow: Option<VarId>,
    pub(super) ret: VarId,
    pub boxed_pullback: bool,
    /// Defining operation of each `let`-bound variable (to trace borrows).
    pub(super) defs: HashMap<VarId, Op>,
    /// Per open block: element reads `x[i]` already bound to a temporary, keyed by base and
    /// index (`None` for a constant index, with its tokens). Reading the same element again
    /// reuses the temporary, so the reverse sweep adds into `x̄[i]` once, not once per read.
    pub(super) reads: Vec<ElementReads>,
    /// `let`-bound variables whose value visibly is a float (see `looks_float`).
    pub(super) floats: std::collections::HashSet<VarId>,
    /// Closures bound by `let` (`let sq = |v| v * v;`), inlined where they are called: the
    /// closure and what each identifier of its body named where it was defined.
    pub(super) closures: HashMap<VarId, LetClosure>,
    /// Hidden variables made so far for `move` closures' captured values (for unique names).
    pub(super) n_snapshots: usize,
    /// The pattern of a `let .. else` and its scrutinee, bound after the statement (inside the
    /// test of the flow its `else` block sets, see `lower_stmts`).
    pub(super) pending_bind: Option<(syn::Pat, Atom)>,
    /// The next call lowered was written as a method call (see `Op::Call::method`).
    pub(super) method_call: bool,
    /// The `let` being lowered declares a float array (`let h: [f64; 2] = [..]`).
    pub(super) float_literal: bool,
    /// The type of an unsuffixed float literal where the function shows it: `f64` when its
    /// signature names neither `f32` nor a float type parameter.
    pub(super) literal_float: Option<syn::Type>,
    /// The parameters declared `mut` (`fn f(mut s: f64)`): like `let mut` locals, a `move`
    /// closure snapshots them (see `lower_let`).
    pub(super) mut_params: std::collections::HashSet<VarId>,
    /// Names whose elements the body reads a named field of (`ps[i].x`): sequences of
    /// structs, whose elements are borrowed, not moved (see `struct_elements`).
    pub(super) struct_seqs: std::collections::HashSet<String>,
    /// Names a `let` binds more than once in the body, or binds that are parameters
    /// (shadowing): a `move` closure snapshots what it captures of them.
    pub(super) shadowed_later: std::collections::HashSet<String>,
    /// The user's struct types the function shows (parameters' types, struct literals): their
    /// associated functions are the user's, even under a name the standard library or
    /// ndarray also uses (`Complex::norm2(z)` with a derived `Complex`).
    pub(super) user_types: std::collections::HashSet<String>,
}

/// Lowers the body of `item` to the IR. Parameters must already be in `vars`.
/// `constants`: the parameters left out of `wrt` (a field of one is not rewritten as a write,
/// see `rewrite::field_write`).
pub fn lower(cx: &Ctxt, item: &syn::ItemFn, vars: Vec<Var>, constants: &[String]) -> (Func, bool) {
    let mut scope = HashMap::new();
    let mut name_uses = HashMap::new();
    for (i, v) in vars.iter().enumerate() {
        scope.insert(v.ident.to_string(), i);
        name_uses.insert(v.ident.to_string(), 1);
    }
    let ret_deferred = has_return(&item.block);
    let mut_params = item
        .sig
        .inputs
        .iter()
        .filter_map(|a| match a {
            syn::FnArg::Typed(pt) => match &*pt.pat {
                syn::Pat::Ident(pi) if pi.mutability.is_some() => {
                    scope.get(&pi.ident.to_string()).copied()
                }
                _ => None,
            },
            syn::FnArg::Receiver(_) => None,
        })
        .collect();
    let mut lw = Lowerer {
        cx,
        fn_name: item.sig.ident.to_string(),
        vars,
        scopes: vec![scope],
        name_uses,
        stack: vec![(0, Vec::new())],
        n_blocks: 1,
        n_temps: 0,
        n_ifs: 0,
        n_loops: 0,
        next_code: RET_CODE + 1,
        loops: Vec::new(),
        flow: None,
        ret: 0,
        boxed_pullback: false,
        defs: HashMap::new(),
        reads: vec![HashMap::new()],
        floats: std::collections::HashSet::new(),
        closures: HashMap::new(),
        n_snapshots: 0,
        pending_bind: None,
        method_call: false,
        float_literal: false,
        mut_params,
        struct_seqs: Default::default(),
        shadowed_later: Default::default(),
        user_types: super::syntax::user_types(item),
        literal_float: {
            let sig = &item.sig;
            let text = quote::quote!(#sig).to_string();
            (!text.contains("f32") && super::syntax::float_param(item).is_none())
                .then(|| syn::parse_quote!(f64))
        },
    };
    let ret = lw.temp_var(VarKind::Deferred, "ret");
    lw.ret = ret;
    let ret_ty = match &item.sig.output {
        syn::ReturnType::Type(_, t) => Some((**t).clone()),
        syn::ReturnType::Default => None,
    };
    lw.vars[ret].ty = ret_ty;
    for e in super::checkpoint::misplaced(&item.block) {
        cx.push(e);
    }
    let mut block = (*item.block).clone();
    let operators = super::rewrite::struct_operators(&mut block, &item.sig, &lw.user_types);
    super::rewrite::everyday(&mut block, &item.sig, constants);
    lw.struct_seqs = super::syntax::struct_sequences(&block);
    lw.shadowed_later = super::syntax::rebound_names(&block, &lw.vars);
    let stmts = &block.stmts;
    if ret_deferred {
        lw.emit(Stmt::Declare { var: ret });
        lw.lower_stmts(stmts, Want::Ret);
    } else {
        let atom = lw.lower_stmts(stmts, Want::Value);
        if let Some(atom) = atom {
            lw.vars[ret].kind = VarKind::Let;
            lw.emit(Stmt::Let {
                var: ret,
                op: Op::Copy(atom),
                span: item.block.span(),
            });
        } else {
            lw.vars[ret].kind = VarKind::Let;
            lw.emit(Stmt::Let {
                var: ret,
                op: Op::Copy(Atom::Const(quote!(()))),
                span: item.block.span(),
            });
        }
    }
    let (_, body) = lw.stack.pop().unwrap();
    let func = Func {
        vars: lw.vars,
        body: Block { id: 0, stmts: body },
        ret,
        ret_deferred,
        flow: lw.flow,
        defs: std::mem::take(&mut lw.defs),
        checked: false,
        dual: false,
        operators,
    };
    let boxed = lw.boxed_pullback || calls_in_branch(&func.body.stmts, false);
    (func, boxed)
}

impl<'a> Lowerer<'a> {
    // ---- variables and scopes ------------------------------------------------------------

    pub(super) fn current_block(&self) -> BlockId {
        self.stack.last().unwrap().0
    }

    pub(super) fn temp_var(&mut self, kind: VarKind, hint: &str) -> VarId {
        self.n_temps += 1;
        let ident = Ident::new(&format!("__{hint}{}", self.n_temps), Span::mixed_site());
        self.vars.push(Var {
            ident,
            block: self.current_block(),
            kind,
            ty: None,
        });
        self.vars.len() - 1
    }

    pub(super) fn declare_user(&mut self, ident: &Ident, kind: VarKind, ty: Option<Type>) -> VarId {
        // `r#match` is counted as `match` and renamed `match__1` (a raw prefix cannot be
        // glued to a suffix).
        let name = syn::ext::IdentExt::unraw(ident).to_string();
        let uses = self.name_uses.entry(name.clone()).or_insert(0);
        *uses += 1;
        let emitted = if *uses == 1 {
            ident.clone()
        } else {
            Ident::new(
                &format!("{name}__{}", *uses - 1),
                Span::mixed_site().located_at(ident.span()),
            )
        };
        self.vars.push(Var {
            ident: emitted,
            block: self.current_block(),
            kind,
            ty,
        });
        let id = self.vars.len() - 1;
        self.scopes.last_mut().unwrap().insert(name, id);
        id
    }

    pub(super) fn lookup(&self, name: &str) -> Option<VarId> {
        self.scopes.iter().rev().find_map(|s| s.get(name).copied())
    }

    /// Whether `a` is (or holds) a borrow of a local of this function (rather than of data
    /// behind a reference parameter).
    pub(super) fn borrows_local(&self, a: &Atom) -> bool {
        match a {
            Atom::Ref(_) => true,
            Atom::Const(_) => false,
            Atom::Var(v) => match self.defs.get(v) {
                Some(Op::SliceRef { base, .. })
                | Some(Op::Index {
                    base, by_ref: true, ..
                }) => match base {
                    Atom::Var(b) if self.is_ref_param(*b) => false,
                    other => other.var().is_some() && self.borrows_local_base(other),
                },
                Some(Op::Copy(inner)) => self.borrows_local(inner),
                // A borrowed field of a local struct (`&s.a`, for a method on the field).
                Some(Op::Member(base, _, true)) => match base {
                    Atom::Var(b) if self.is_ref_param(*b) => false,
                    Atom::Var(_) | Atom::Ref(_) => true,
                    Atom::Const(_) => false,
                },
                // A view (`x.view()`, `x.row(i)`, `x.t()`, ...) of a local array.
                Some(Op::Method { name, recv, .. })
                    if matches!(
                        name.to_string().as_str(),
                        "view"
                            | "t"
                            | "row"
                            | "column"
                            | "index_axis"
                            | "slice"
                            | "to_shape"
                            | "reversed_axes"
                            | "insert_axis"
                    ) =>
                {
                    match recv {
                        Atom::Var(b) if self.is_ref_param(*b) => false,
                        Atom::Var(b) => match self.defs.get(b) {
                            Some(Op::Method { .. }) => {
                                self.borrows_local(&Atom::Var(*b)) || !self.is_view_def(*b)
                            }
                            _ => true,
                        },
                        Atom::Ref(_) => true,
                        Atom::Const(_) => false,
                    }
                }
                _ => false,
            },
        }
    }

    /// Whether `v` is defined by a view-taking method (so it holds a borrow of its receiver).
    pub(super) fn is_view_def(&self, v: VarId) -> bool {
        matches!(self.defs.get(&v), Some(Op::Method { name, .. }) if matches!(
            name.to_string().as_str(),
            "view" | "t" | "row" | "column" | "index_axis" | "slice" | "to_shape" | "reversed_axes"
                | "insert_axis"
        ))
    }

    pub(super) fn borrows_local_base(&self, base: &Atom) -> bool {
        match base {
            Atom::Var(b) => match self.defs.get(b) {
                Some(Op::SliceRef { .. }) | Some(Op::Index { by_ref: true, .. }) => {
                    self.borrows_local(base)
                }
                // A copy: of a borrow, what that borrows; of an owned local (`let y =
                // __ad_vec;`, a `vec![..]` of values or a `collect()`), a local.
                Some(Op::Copy(inner)) => match inner {
                    Atom::Var(w) if *w == *b => true,
                    Atom::Var(w) if self.is_ref_param(*w) => false,
                    Atom::Var(_) => self.borrows_local_base(inner),
                    Atom::Ref(_) => true,
                    Atom::Const(_) => false,
                },
                _ => true,
            },
            Atom::Ref(_) => true,
            Atom::Const(_) => false,
        }
    }

    /// Whether `v` is a borrowed sub-slice (`let t = &x[1..];`, through copies).
    pub(super) fn sub_slice(&self, v: VarId) -> bool {
        match self.defs.get(&v) {
            Some(Op::SliceRef { .. }) => true,
            Some(Op::Copy(Atom::Var(w) | Atom::Ref(w))) if *w != v => self.sub_slice(*w),
            _ => false,
        }
    }

    pub(super) fn is_ref_param(&self, v: VarId) -> bool {
        self.vars[v].kind == VarKind::Param && matches!(self.vars[v].ty, Some(Type::Reference(_)))
    }

    /// Emits `if cond { then } else { els }` (no `else`: an empty one) with a fresh id.
    pub(super) fn emit_if(&mut self, cond: Atom, then: Block, els: Option<Block>) {
        self.n_ifs += 1;
        let id = self.n_ifs;
        let els = els.unwrap_or(Block {
            id: usize::MAX,
            stmts: vec![],
        });
        self.emit(Stmt::If {
            id,
            cond,
            then,
            els,
        });
    }

    pub(super) fn emit(&mut self, mut s: Stmt) {
        // What an opaque expression may change in place: the mutable variables it calls a
        // method on that is not known to only read (`{ w.clear(); 1.0 }`).
        if let Stmt::Let { op, .. } | Stmt::Assign { op, .. } | Stmt::IndexAssign { op, .. } =
            &mut s
            && let Op::Opaque {
                tokens,
                reads,
                mutates,
                ..
            } = op
        {
            let mut called = Vec::new();
            crate::sema::rules::method_receivers(tokens.clone(), &mut called);
            *mutates = reads
                .iter()
                .copied()
                .filter(|v| {
                    !matches!(self.vars[*v].kind, VarKind::Let)
                        && called.contains(&self.vars[*v].ident.to_string())
                })
                .collect();
        }
        if let Stmt::Let { var, op, .. } = &s {
            self.defs.insert(*var, op.clone());
        }
        // Keep the reuse table of element reads valid. The table survives only statements
        // known to change nothing but what they name (`changed_by`); any other statement
        // (a nested block, a macro, an opaque expression, an operation added later) empties it.
        let table = self.reads.last_mut().unwrap();
        match changed_by(&s) {
            Some(changed) => table.retain(|(b, i), _| {
                !changed.contains(b) && !i.is_some_and(|i| changed.contains(&i))
            }),
            None => table.clear(),
        }
        self.stack.last_mut().unwrap().1.push(s);
    }

    pub(super) fn stmt_count(&self) -> usize {
        self.stack.last().unwrap().1.len()
    }

    /// Lowers into a new IR block (a new Rust scope in the generated code).
    pub(super) fn in_block(&mut self, f: impl FnOnce(&mut Self)) -> Block {
        let id = self.n_blocks;
        self.n_blocks += 1;
        self.stack.push((id, Vec::new()));
        self.scopes.push(HashMap::new());
        self.reads.push(HashMap::new());
        f(self);
        self.reads.pop();
        self.scopes.pop();
        let (id2, stmts) = self.stack.pop().unwrap();
        debug_assert_eq!(id, id2);
        Block { id, stmts }
    }

    pub(super) fn flow_var(&mut self) -> VarId {
        if let Some(f) = self.flow {
            return f;
        }
        let ident = Ident::new("__flow", Span::mixed_site());
        self.vars.push(Var {
            ident,
            block: 0,
            kind: VarKind::Flow,
            ty: None,
        });
        let id = self.vars.len() - 1;
        self.flow = Some(id);
        id
    }

    /// `a op b`; float literal operands of `*`, `/`, `%` are bound to temporaries first (see
    /// [`Self::typed_const`]).
    pub(super) fn arith(&mut self, a: Arith, l: Atom, r: Atom) -> Op {
        if let (Atom::Const(x), Atom::Const(y)) = (&l, &r) {
            // A constant expression stays one constant (typed where it is used).
            let op = match a {
                Arith::Add => quote!(+),
                Arith::Sub => quote!(-),
                Arith::Mul => quote!(*),
                Arith::Div => quote!(/),
                Arith::Rem => quote!(%),
            };
            return Op::Copy(Atom::Const(quote!((#x #op #y))));
        }
        if matches!(a, Arith::Add | Arith::Sub) {
            return Op::Arith(a, l, r);
        }
        let l = self.typed_const(l);
        let r = self.typed_const(r);
        Op::Arith(a, l, r)
    }

    /// Binds an unsuffixed float literal to a temporary. A rule that reads the operand then
    /// gets a value whose type rustc inferred from the primal expression (`f32` in
    /// `x * 3.0` with `x: f32`); the bare literal passed to a generic rule would default to
    /// `f64`.
    pub(super) fn typed_const(&mut self, a: Atom) -> Atom {
        let Atom::Const(tokens) = &a else { return a };
        fn has_float_lit(e: &Expr) -> bool {
            match e {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Float(f),
                    ..
                }) => f.suffix().is_empty(),
                Expr::Unary(u) => has_float_lit(&u.expr),
                Expr::Binary(b) => has_float_lit(&b.left) || has_float_lit(&b.right),
                Expr::Paren(p) => has_float_lit(&p.expr),
                Expr::Group(g) => has_float_lit(&g.expr),
                _ => false,
            }
        }
        let float = match syn::parse2::<Expr>(tokens.clone()) {
            Ok(e) => has_float_lit(&e),
            Err(_) => false,
        };
        if !float {
            return a;
        }
        let span = tokens
            .clone()
            .into_iter()
            .next()
            .map(|t| t.span())
            .unwrap_or_else(Span::call_site);
        // Defined once at the top of the function: in scope for the whole reverse sweep, so it
        // is never re-created in a context that would type it differently.
        let v = self.temp_var(VarKind::Let, "v");
        self.vars[v].block = 0;
        let stmt = Stmt::Let {
            var: v,
            op: Op::Copy(a),
            span,
        };
        if let Stmt::Let { var, op, .. } = &stmt {
            self.defs.insert(*var, op.clone());
        }
        self.stack[0].1.push(stmt);
        Atom::Var(v)
    }

    pub(super) fn let_temp(&mut self, op: Op, span: Span) -> Atom {
        let v = self.temp_var(VarKind::Let, "v");
        // A clone of a fixed-size array has its type (so its adjoint is an array too).
        if let Op::CloneOf(Atom::Var(a)) = &op
            && let Some(t @ syn::Type::Array(_)) = &self.vars[*a].ty
        {
            self.vars[v].ty = Some(t.clone());
        }
        self.emit(Stmt::Let { var: v, op, span });
        Atom::Var(v)
    }

    pub(super) fn unsupported(&self, e: &dyn ToTokens, what: &str, instead: &str) {
        self.cx.error_spanned_by(
            e,
            format!("{what} is not supported by #[differentiable]; {instead}"),
        );
    }
}

/// `concatenate(axis, &[a, b, ..])` or `stack(axis, &[..])` (ndarray): `Some(is_stack)`.
/// The variables a statement may change, when that is known exactly: `Some(vars)` for a
/// statement that changes only `vars`, `None` for one that may change anything. An operation
/// that reads its operands and makes a new value changes nothing; a method call may change its
/// receiver (`w.swap(0, 1)`, `w.fill(0.0)`, `w.sort_by(..)`) and any operand it is handed;
/// anything not listed here is assumed to change everything.
pub(crate) fn changed_by(s: &Stmt) -> Option<Vec<VarId>> {
    fn op_changes(op: &Op) -> Option<Vec<VarId>> {
        match op {
            Op::Copy(_)
            | Op::Deref(_)
            | Op::CloneOf(_)
            | Op::Neg(_)
            | Op::Arith(..)
            | Op::Passive(..)
            | Op::Index { .. }
            | Op::SliceRef { .. }
            | Op::Cast { .. }
            | Op::Tuple(_)
            | Op::Field(..)
            | Op::Member(..)
            | Op::StructLit(..)
            | Op::Concat { .. }
            | Op::Map { .. } => Some(Vec::new()),
            // Operands are moved, copied or shared borrows (`Atom::Ref`); a callee cannot
            // change a caller's variable through them.
            Op::Call { .. } => Some(Vec::new()),
            Op::Method { .. } => Some(op.reads()),
            Op::Opaque { .. } => None,
        }
    }
    match s {
        Stmt::Let { op, .. } => op_changes(op),
        Stmt::Declare { .. } | Stmt::SetFlow(_) => Some(Vec::new()),
        Stmt::Assign { var, op, .. } | Stmt::IndexAssign { base: var, op, .. } => {
            let mut out = op_changes(op)?;
            out.push(*var);
            Some(out)
        }
        Stmt::Push { base, .. } => Some(vec![*base]),
        Stmt::If { .. } | Stmt::Loop(_) | Stmt::Effect { .. } => None,
    }
}

/// Whether a differentiable call is made inside an `if` (a branch, a `match` arm, or the code
/// after an early exit, which the lowering guards by an `if`). Every cycle of mutually
/// recursive functions has such a call (else it would never end, unless its only condition
/// is a loop's), so the caller's pullback is boxed there: one allocation per call of this
/// function, which breaks the cycle of opaque pullback types. Calls in loops alone (GMM's
/// `logsumexp` per point) keep the pullback unboxed and inlinable.
fn calls_in_branch(stmts: &[Stmt], in_if: bool) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::Let { op, .. } | Stmt::Assign { op, .. } | Stmt::IndexAssign { op, .. } => {
            in_if && matches!(op, Op::Call { plain: false, func, .. } if !super::syntax::is_runtime_path(func))
        }
        Stmt::If { then, els, .. } => {
            calls_in_branch(&then.stmts, true) || calls_in_branch(&els.stmts, true)
        }
        Stmt::Loop(l) => {
            let cond = match &l.kind {
                LoopKind::While { cond_block, .. } => calls_in_branch(&cond_block.stmts, in_if),
                _ => false,
            };
            cond || calls_in_branch(&l.body.stmts, in_if)
        }
        _ => false,
    })
}
