//! Code generation for the two sweeps: the forward sweep (the primal, plus the pushes the
//! analysis asked for) and the reverse sweep (adjoints accumulated in reverse order, with
//! restores and pops mirroring the pushes).
//!
//! Every derivative goes through a runtime function (`::ad_runtime::__private::*_d<k>`),
//! spanned on the user's expression, so that the same IR serves `f64`, `f32` and any type
//! with rules, and a missing rule is a type error pointing at user code.
//!
//! Invariant of the reverse sweep (restore-on-reverse): when the reverse of a statement
//! runs, every *needed* variable holds the value it had right after that statement ran in
//! the forward sweep.
//!
//! # Memory of the reverse sweep over arrays
//!
//! A cotangent is as large as its value, so the sweep avoids copies of it and frees values
//! as soon as it can, the way a hand-written backward pass works:
//!
//! - a cotangent that several partials need is *lent* to the rules that only read it
//!   ([`crate::rules::borrows_cotangent`]: the matrix products) and moved into the last of
//!   the others; only the remaining ones get a clone;
//! - both partials of a tensor `a + b` or `a - b` come from one rule (`tensor::add_both`,
//!   `sub_both`), which decides at run time, from the shapes, which operand takes the
//!   cotangent whole and reduces the other from a borrow of it (the usual `x w + b`: `x w`
//!   takes `g`, `b` gets its column sums), where two separate rules would need a copy;
//! - the function body's reverse sweep releases each forward array it holds right after the
//!   last statement that reads it ([`Gen::rev_body`]), so that later cotangents reuse the
//!   memory (in `f_pullback` the closure would otherwise hold every captured array until it
//!   returns).
//!
//! Together these took the MLP benchmark's gradient from 2.2x the hand-written one to 1.07x
//! in a plain process: its peak heap had been large enough that glibc's malloc returned the
//! pages to the kernel after every call and faulted them in again at the next.
//!
//! # Loop fusion (`f_vjp` only)
//!
//! `f_pullback` must run the whole forward sweep before it knows the output cotangent, so a
//! loop is walked twice: forwards, then backwards in the reverse sweep. `f_vjp` has the seed
//! in hand from the start, and for a common kind of loop, the reduction `s += e(x[i])`, the
//! second pass is not needed: the adjoint `s̄` of an accumulator is the same in every
//! iteration of the reverse sweep (the reverse of `s = s + e` gives `s̄` back unchanged and
//! adds it into `ē`), and the parameter cotangents are sums whose order does not matter. So
//! [`Gen::fuse`] splits the function body around one such loop into *head* (statements
//! before it), the loop, and *tail* (statements after it), and `f_vjp` runs
//!
//! ```text
//! head forward; tail reverse; loop { body forward; body reverse }; tail forward; head reverse
//! ```
//!
//! The tail's reverse runs first because it gives `s̄` (`ret = 2.0 * s`: `s̄ = 2 seed`). The
//! loop qualifies ([`crate::analyze::fusion_candidates`], then [`Gen::try_fuse`]) when:
//!
//! - it is a statement of the function body (runs once) and has reverse code;
//! - every variable declared outside it that it writes is either *scratch space* of each
//!   iteration ([`crate::analyze::iteration_private`]: a fixed-length buffer that every
//!   iteration writes whole before reading it and that nothing after the loop mentions, like
//!   the per-point buffers of a mixture model; its restores are harmless, since the next
//!   iteration overwrites it before reading, and its adjoint is zero between iterations), or
//!   read by no reverse code (`needed` is false: no reverse code sees a value a later
//!   iteration has changed, and none is restored, which would undo the forward state the next
//!   iteration starts from) and, if it has an adjoint, every statement of the loop that
//!   mentions it is `s = s + e`, `s = e + s` or `s = s - e` with `e` not `s` (an
//!   *accumulator*). Reads of outer values the
//!   loop does not write are free (a write after the loop would be recorded, and the tail
//!   may record nothing), and so are records of the body itself (branch decisions,
//!   inner trip counts, callee pullbacks, restores of the body's own variables): they are
//!   pushed and popped within one iteration;
//! - statements of the tail that neither read nor write anything the loop (or a statement
//!   kept after it) writes or reads move before the loop ([`crate::analyze::split_tail`]; a
//!   prior term over the parameters after a likelihood loop), so they join the head;
//! - the tail's reverse records nothing and reads only values that are final before the loop:
//!   parameters and variables of the head that neither the loop nor the tail writes, and
//!   tail values computed from those alone (such as the literal `2.0`), which are then
//!   computed before the loop instead (moved, so their types still come from their uses).
//!   Checked on the generated tokens, so nothing the tail's reverse reads can be missed.
//!
//! Then no reverse code reads anything the loop or the tail produces except through the
//! adjoints, which are accumulated in the same order as in the split sweep except that the
//! loop's iterations contribute first to last, so the gradient is the same up to the order
//! of floating-point additions. Adjoints of buffers made in the head are declared right
//! after them at the buffer's length (as in `f_pullback`), the others grow on first use. In
//! the fused body the forward values are still in scope
//! (`in_scope`): stored values are neither pushed nor popped, cheap values are not
//! recomputed, and a branch directly in the body re-reads its condition. The accumulators'
//! adjoints are read rather than taken and given back (`0.0 + g` is not `g` for LLVM, which
//! would otherwise carry `s̄` from iteration to iteration), and the neighbour carry runs
//! forwards. One qualifying loop of the body is fused, the most deeply nested (likely the
//! most work; of equals, the last); any other loop, and every loop
//! of a function none of whose loops qualifies, runs as in `f_pullback`. Functions with
//! ndarray values are not fused yet (their broadcasting rules and shaped parameter gradients
//! have not been checked under fusion).

mod hoist;
pub(crate) mod unchecked;

use crate::analyze::Analysis;
use crate::ir::*;
use crate::rules::{self, MethodRule, Need};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use std::cell::RefCell;
use std::collections::BTreeMap;
use syn::Ident;

pub struct Gen<'a> {
    pub func: &'a Func,
    pub an: &'a Analysis,
    /// Tapes used, in order of first use (declared at the top of the pullback).
    tapes: RefCell<Vec<Ident>>,
    block_vars: BTreeMap<BlockId, Vec<VarId>>,
    /// Element reads whose cotangent goes to a register instead of the gradient vector
    /// (see [`Gen::neighbour_carry`]): read variable -> local accumulator.
    redirect: RefCell<std::collections::HashMap<VarId, Ident>>,
    /// Per loop body: the tapes its own statements push to whose room the loop reserves
    /// exactly (see [`Gen::exact_reservations`]); those pushes cannot grow the tape.
    reserved: RefCell<std::collections::HashMap<BlockId, Vec<Ident>>>,
    /// The block whose statement the forward sweep is emitting.
    cur_block: std::cell::Cell<BlockId>,
    /// Whether adjoints of fixed-length buffers start at their length (see
    /// [`Gen::presized_len`]); in a fused `f_vjp`, whose adjoints are declared before the
    /// buffers exist, only those of `presize_early`.
    presize: bool,
    /// Calls on borrowed locals (recompute mode, see [`Op::Call`]) at the top of a fused loop's
    /// body whose borrowed locals nothing after them in the body writes (by statement address):
    /// their pullback is kept from the forward call until its reverse in the same iteration,
    /// instead of calling the callee again there.
    held_calls: RefCell<std::collections::HashSet<usize>>,
    /// Element writes whose old values need no record (by statement address): the fills of a
    /// fused loop's scratch buffers (see `analyze::private_fills`).
    unsaved: RefCell<std::collections::HashSet<usize>>,
    /// Element accesses emitted without bounds checks (by statement address), while the
    /// checked-once copy of their loop is emitted (see [`hoist`]).
    hoisted: RefCell<std::collections::HashSet<usize>>,
    /// Element accesses of the reverse sweep that the enclosing reverse loop's guard proved
    /// in bounds (see [`Gen::reverse_checks`]): emitted without bounds checks.
    proven: RefCell<std::collections::HashSet<hoist::Access>>,
    /// In a fused `f_vjp`: the buffers made before the fused loop, whose adjoints are
    /// declared (at the buffer's length) right after them instead of at the top.
    presize_early: RefCell<std::collections::HashSet<VarId>>,
    /// Accumulators of a fused loop (see [`Gen::fuse`]): their adjoint is read, not taken and
    /// given back, by the reverse of their accumulation statements.
    invariant: RefCell<std::collections::HashSet<VarId>>,
    /// The body of a fused loop, whose reverse runs right after its forward in the same
    /// scope: its values are still there, so they are neither stored nor recomputed.
    in_scope: std::cell::Cell<Option<BlockId>>,
    /// Whether the block whose forward sweep is being generated has reverse code (then it
    /// records its stored values).
    block_rev: std::cell::Cell<bool>,
}

fn rt() -> TokenStream {
    quote!(::ad_runtime::__private)
}

/// The runtime path spanned on user code, so errors in a generated rule call point there.
fn rt_at(span: Span) -> TokenStream {
    quote_spanned!(span=> ::ad_runtime::__private)
}

fn mixed(name: &str) -> Ident {
    Ident::new(name, Span::mixed_site())
}

impl<'a> Gen<'a> {
    pub fn new(func: &'a Func, an: &'a Analysis) -> Self {
        let mut block_vars: BTreeMap<BlockId, Vec<VarId>> = BTreeMap::new();
        for (v, var) in func.vars.iter().enumerate() {
            block_vars.entry(var.block).or_default().push(v);
        }
        Gen {
            func,
            an,
            tapes: RefCell::new(Vec::new()),
            block_vars,
            redirect: RefCell::new(std::collections::HashMap::new()),
            reserved: RefCell::new(std::collections::HashMap::new()),
            cur_block: std::cell::Cell::new(0),
            presize: true,
            presize_early: RefCell::new(std::collections::HashSet::new()),
            held_calls: RefCell::new(std::collections::HashSet::new()),
            unsaved: RefCell::new(std::collections::HashSet::new()),
            hoisted: RefCell::new(std::collections::HashSet::new()),
            proven: RefCell::new(std::collections::HashSet::new()),
            invariant: RefCell::new(std::collections::HashSet::new()),
            block_rev: std::cell::Cell::new(false),
            in_scope: std::cell::Cell::new(None),
        }
    }

    /// Tapes that a block pushes at least once each time it runs: values stored at its end,
    /// and overwrites recorded by its own statements (not inside nested branches or loops).
    fn tapes_pushed_once(&self, b: &Block) -> Vec<Ident> {
        if !self.an.block_has_rev(b) {
            return Vec::new();
        }
        let saved = b
            .stmts
            .iter()
            .filter(|s| self.saves(s))
            .filter_map(|s| match s {
                Stmt::Assign { var, .. } => Some(self.derived("__tape", *var)),
                Stmt::IndexAssign { base, .. } => Some(self.derived("__tape_elems", *base)),
                _ => None,
            });
        let stored = self
            .block_vars
            .get(&b.id)
            .into_iter()
            .flatten()
            .filter(|v| self.an.stored(self.func, **v))
            .map(|v| self.derived("__tape", *v));
        let mut out: Vec<Ident> = Vec::new();
        for t in saved.chain(stored) {
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out
    }

    /// The tapes a loop body pushes to a known number of times per iteration, with that
    /// number: values stored at its end and overwrites recorded by its own statements, for
    /// tapes that no statement nested in it (branch, inner loop) pushes to. Reserving the
    /// trip count times that number before the loop leaves room for every push.
    fn exact_reservations(&self, b: &Block) -> Vec<(Ident, usize)> {
        if !self.an.block_has_rev(b) {
            return Vec::new();
        }
        let mut counts: Vec<(Ident, usize)> = Vec::new();
        let mut add = |t: Ident| match counts.iter_mut().find(|(u, _)| *u == t) {
            Some((_, n)) => *n += 1,
            None => counts.push((t, 1)),
        };
        for s in &b.stmts {
            if self.saves(s) {
                match s {
                    Stmt::Assign { var, .. } => add(self.derived("__tape", *var)),
                    Stmt::IndexAssign { base, .. } => add(self.derived("__tape_elems", *base)),
                    _ => {}
                }
            }
        }
        for &v in self.block_vars.get(&b.id).into_iter().flatten() {
            if self.an.stored(self.func, v) {
                add(self.derived("__tape", v));
            }
        }
        // Tapes also pushed inside nested blocks: their count per iteration is unknown.
        let mut nested: Vec<Ident> = Vec::new();
        for s in &b.stmts {
            let inner: Vec<&Block> = match s {
                Stmt::If { then, els, .. } => vec![then, els],
                Stmt::Loop(l) => {
                    let mut v = vec![&l.body];
                    if let LoopKind::While { cond_block, .. } = &l.kind {
                        v.push(cond_block);
                    }
                    v
                }
                _ => continue,
            };
            for blk in inner {
                self.collect_pushes(blk, &mut nested);
            }
        }
        counts.retain(|(t, _)| !nested.contains(t));
        counts
    }

    /// Every tape pushed by a statement of `b` or of a block nested in it (by name).
    fn collect_pushes(&self, b: &Block, out: &mut Vec<Ident>) {
        for &v in self.block_vars.get(&b.id).into_iter().flatten() {
            if self.an.stored(self.func, v) {
                out.push(self.derived("__tape", v));
            }
        }
        for s in &b.stmts {
            match s {
                Stmt::Assign { var, .. } if self.saves(s) => out.push(self.derived("__tape", *var)),
                Stmt::IndexAssign { base, .. } if self.saves(s) => {
                    out.push(self.derived("__tape_elems", *base))
                }
                Stmt::If { then, els, .. } => {
                    self.collect_pushes(then, out);
                    self.collect_pushes(els, out);
                }
                Stmt::Loop(l) => {
                    self.collect_pushes(&l.body, out);
                    if let LoopKind::While { cond_block, .. } = &l.kind {
                        self.collect_pushes(cond_block, out);
                    }
                }
                _ => {}
            }
        }
    }

    /// `tape.push(value)`, or `tape.push_reserved(value)` where the enclosing loop reserved
    /// exactly (see [`Gen::exact_reservations`]).
    fn push_to(&self, block: BlockId, tape: &Ident, value: TokenStream) -> TokenStream {
        let exact = self
            .reserved
            .borrow()
            .get(&block)
            .is_some_and(|ts| ts.contains(tape));
        if exact {
            quote!(#tape.push_reserved(#value);)
        } else {
            quote!(#tape.push(#value);)
        }
    }

    /// Whether `v` holds a borrow made in its block (`&x[i]` of a loop over `x.iter()`).
    fn is_borrow(&self, v: VarId) -> bool {
        self.func.borrow_def(&Atom::Var(v)).is_some()
    }

    /// Whether loop `id` is a statement of the function body itself (runs at most once).
    fn top_level(&self, id: usize) -> bool {
        self.func
            .body
            .stmts
            .iter()
            .any(|s| matches!(s, Stmt::Loop(l) if l.id == id))
    }

    /// An `if` of the function body (or of a fused loop's body) whose condition is an
    /// immutable value still in scope in the reverse sweep: the branch taken is re-read from
    /// it instead of a tape.
    fn cond_in_scope(&self, s: &Stmt) -> bool {
        let Stmt::If { cond, .. } = s else {
            return false;
        };
        let top = self.func.body.stmts.iter().any(|t| std::ptr::eq(t, s));
        // A statement of a fused loop's body: its reverse runs in the same scope.
        let fused = self.in_scope.get().is_some_and(|id| {
            crate::analyze::find_block(&self.func.body, id)
                .is_some_and(|b| b.stmts.iter().any(|t| std::ptr::eq(t, s)))
        });
        (top || fused)
            && match cond {
                Atom::Const(_) => true,
                Atom::Var(v) | Atom::Ref(v) => {
                    matches!(self.func.vars[*v].kind, VarKind::Let) && !self.an.overwritten[*v]
                }
            }
    }

    pub fn tapes(&self) -> Vec<Ident> {
        self.tapes.borrow().clone()
    }

    fn v(&self, v: VarId) -> &Ident {
        &self.func.vars[v].ident
    }

    /// A generated name derived from variable `v`: `<prefix>_x` for a parameter or the first
    /// binding of a user name, `<prefix><id>...` otherwise, so generated names never collide.
    fn derived(&self, prefix: &str, v: VarId) -> Ident {
        // Without a raw prefix (`r#fn` -> `__d_fn`): `__d_r#fn` is no identifier.
        let name = syn::ext::IdentExt::unraw(&self.func.vars[v].ident).to_string();
        if name.starts_with("__") {
            mixed(&format!("{prefix}{v}_{}", name.trim_start_matches('_')))
        } else if name.contains("__") {
            mixed(&format!("{prefix}{v}_{name}"))
        } else {
            mixed(&format!("{prefix}_{name}"))
        }
    }

    /// The gradient a parameter's slot returns: its adjoint (shaped, for arrays).
    pub fn param_gradient(&self, v: VarId) -> TokenStream {
        let d = self.adj(v);
        if self.an.kinds[v] == crate::kinds::Kind::Array {
            let x = self.v(v);
            quote!(::ad_runtime::__private::tensor::shaped(#d, &#x))
        } else {
            quote!(#d)
        }
    }

    /// The adjoint (cotangent accumulator) of `v`.
    pub fn adj(&self, v: VarId) -> Ident {
        self.derived("__d", v)
    }

    fn tape(&self, ident: Ident) -> Ident {
        let mut t = self.tapes.borrow_mut();
        if !t.contains(&ident) {
            t.push(ident.clone());
        }
        ident
    }

    fn var_tape(&self, v: VarId) -> Ident {
        self.tape(self.derived("__tape", v))
    }

    fn elem_tape(&self, v: VarId) -> Ident {
        self.tape(self.derived("__tape_elems", v))
    }

    fn atom(&self, a: &Atom) -> TokenStream {
        match a {
            Atom::Var(v) => {
                let i = self.v(*v);
                quote!(#i)
            }
            Atom::Ref(v) => {
                let i = self.v(*v);
                quote!(&#i)
            }
            Atom::Const(c) => c.clone(),
        }
    }

    /// An operand passed to a rule (by reference).
    fn need_arg(&self, a: &Atom) -> TokenStream {
        match a {
            Atom::Var(v) => {
                let i = self.v(*v);
                quote!(&#i)
            }
            Atom::Ref(v) => {
                let i = self.v(*v);
                quote!(&&#i)
            }
            Atom::Const(c) => quote!(&(#c)),
        }
    }

    /// An owned array the reverse sweep still reads: operations that would move it get a
    /// borrow (arithmetic) or a clone (methods taking `self`, call arguments) instead.
    fn kept_array(&self, a: &Atom) -> Option<VarId> {
        let Atom::Var(v) = a else { return None };
        let var = &self.func.vars[*v];
        let is_ref = self.holds_ref(*v);
        // An owned array parameter is read at the end of the reverse sweep (its gradient's
        // shape), so it is never moved either.
        let param = var.kind == VarKind::Param && self.an.active[*v];
        ((self.an.needed[*v] || param)
            && self.an.kinds[*v] == crate::kinds::Kind::Array
            && !is_ref
            && !self.is_borrow(*v))
        .then_some(*v)
    }

    /// Whether `v` holds a reference (a `&` parameter, or a copy of one).
    fn holds_ref(&self, v: VarId) -> bool {
        if matches!(&self.func.vars[v].ty, Some(syn::Type::Reference(_))) {
            return true;
        }
        match self.func.defs.get(&v) {
            Some(Op::Copy(Atom::Var(x))) if *x != v => self.holds_ref(*x),
            Some(Op::Copy(Atom::Ref(_))) => true,
            _ => false,
        }
    }

    /// A value of unknown kind (scalar or array: a call's result) that the reverse sweep
    /// reads: passed by value, it is cloned (free for a scalar).
    fn kept_unknown(&self, a: &Atom) -> Option<VarId> {
        let Atom::Var(v) = a else { return None };
        (self.an.needed[*v]
            && self.an.kinds[*v] == crate::kinds::Kind::Unknown
            && !self.is_borrow(*v)
            && !matches!(self.func.vars[*v].kind, VarKind::Param | VarKind::LoopVar))
        .then_some(*v)
    }

    /// `let t = a + b` or `let t = a - b` of the function body that may consume `a`: `a` is
    /// an owned array (a product, an arithmetic or `mapv` result) that no other statement
    /// reads, and that the reverse sweep needs only as the target of this sum (its shape).
    /// The forward sweep then computes `t` in `a`'s memory (`a + &b`), after keeping `a`'s
    /// shape (`tensor::shape_of`) for the reverse sweep: `x.dot(w) + b` allocates one array,
    /// not two. Returns `a`.
    fn in_place_operand(&self, s: &Stmt) -> Option<VarId> {
        let Stmt::Let {
            var: t,
            op: Op::Arith(Arith::Add | Arith::Sub, Atom::Var(a), other),
            ..
        } = s
        else {
            return None;
        };
        let a = *a;
        let va = &self.func.vars[a];
        let eligible = va.block == 0
            && va.kind == VarKind::Let
            && a != self.func.ret
            && other.var() != Some(a)
            && self.an.adj(a)
            && self.kept_array(&Atom::Var(a)).is_some()
            && !self.an.reborrow[a]
            && !self.an.recompute[*t]
            && self.an.late[*t].is_none()
            && self.func.body.stmts.iter().any(|x| std::ptr::eq(x, s));
        if !eligible {
            return None;
        }
        let def = self.func.defs.get(&a)?;
        let owned = match def {
            Op::Arith(..) | Op::Map { .. } => true,
            Op::Method { name, .. } => name == "dot",
            _ => false,
        };
        if !owned
            || crate::analyze::op_needs(self.func, def, a, &self.an.active, &self.an.kinds)
                .iter()
                .any(|(v, _)| *v == a)
        {
            return None;
        }
        let name = self.v(a).to_string();
        let (mut mentions, mut in_effect) = (0, false);
        crate::analyze::walk_stmts(&self.func.body.stmts, &mut |x| {
            if crate::analyze::stmt_mentions(x, a) {
                mentions += 1;
            }
            if let Stmt::Effect { tokens } = x {
                let mut m = std::collections::HashSet::new();
                idents(tokens, &mut m);
                in_effect |= m.contains(&name);
            }
        });
        (mentions == 2 && !in_effect).then_some(a)
    }

    /// An arithmetic operand: a kept array is borrowed (`&a + &b` leaves both in place).
    fn arith_operand(&self, a: &Atom) -> TokenStream {
        match (self.kept_array(a), self.kept_unknown(a)) {
            (Some(v), _) => {
                let i = self.v(v);
                quote!(&#i)
            }
            (None, Some(v)) => {
                let i = self.v(v);
                quote!(::core::clone::Clone::clone(&#i))
            }
            _ => self.atom(a),
        }
    }

    /// An operand passed by value: a kept array (or value of unknown kind) is cloned.
    fn owned_operand(&self, a: &Atom) -> TokenStream {
        match self.kept_array(a).or_else(|| self.kept_unknown(a)) {
            Some(v) => {
                let i = self.v(v);
                quote!(::core::clone::Clone::clone(&#i))
            }
            None => self.atom(a),
        }
    }

    fn pullback_path(&self, path: &syn::Path) -> syn::Path {
        let mut p = path.clone();
        let last = p.segments.last_mut().unwrap();
        last.ident = format_ident!("{}_pullback", last.ident, span = last.ident.span());
        p
    }

    // ---- forward sweep -------------------------------------------------------------------

    /// The right-hand side of an operation, as the user wrote it.
    fn fwd_op(&self, op: &Op, with_pullback: bool) -> TokenStream {
        match op {
            Op::Copy(a) => match a {
                Atom::Var(v) if self.an.needed[*v] || self.kept_array(a).is_some() => {
                    let i = self.v(*v);
                    quote!(::core::clone::Clone::clone(&#i))
                }
                _ => self.atom(a),
            },
            Op::Deref(a) => {
                let a = self.atom(a);
                quote!(*#a)
            }
            Op::CloneOf(a) => {
                let a = self.atom(a);
                quote!(#a.clone())
            }
            Op::Neg(a) => {
                let a = self.arith_operand(a);
                quote!(-#a)
            }
            Op::Arith(k, a, b) => {
                // ndarray has `&A op &B` for any arrays but `&A op B` only for an owned `B`:
                // with a borrowed left operand, an array on the right (a view, say) is
                // borrowed too.
                let left_borrowed = self.kept_array(a).is_some();
                let right_array = matches!(b, Atom::Var(v)
                    if self.an.kinds[*v] == crate::kinds::Kind::Array
                        && !self.holds_ref(*v)
                        && !self.is_borrow(*v)
                        && self.kept_array(b).is_none()
                        && self.kept_unknown(b).is_none());
                let (a, b) = (self.arith_operand(a), self.arith_operand(b));
                let b = if left_borrowed && right_array {
                    quote!(&#b)
                } else {
                    b
                };
                match k {
                    Arith::Add => quote!(#a + #b),
                    Arith::Sub => quote!(#a - #b),
                    Arith::Mul => quote!(#a * #b),
                    Arith::Div => quote!(#a / #b),
                    Arith::Rem => quote!(#a % #b),
                }
            }
            Op::Passive(t, xs, shape) => {
                let xs: Vec<TokenStream> = xs.iter().map(|a| self.atom(a)).collect();
                match shape {
                    PassiveShape::Prefix => {
                        let a = &xs[0];
                        quote!(#t #a)
                    }
                    PassiveShape::Infix => {
                        let (a, b) = (&xs[0], &xs[1]);
                        quote!(#a #t #b)
                    }
                    PassiveShape::Matches => {
                        let a = &xs[0];
                        quote!(::core::matches!(#a, #t))
                    }
                }
            }
            Op::Method {
                name,
                form,
                recv,
                args,
                extra,
            } => {
                let consumes = rules::tensor_method(&name.to_string()).is_some_and(|t| t.consumes);
                let recv = if consumes {
                    self.owned_operand(recv)
                } else {
                    self.atom(recv)
                };
                let mut args: Vec<TokenStream> = args.iter().map(|a| self.atom(a)).collect();
                args.extend(extra.raw.clone());
                let (post, tf) = (&extra.post, &extra.turbofish);
                match form {
                    MethodForm::Method => quote!(#recv.#name #tf (#(#args),*) #post),
                    MethodForm::Path(ty) => quote!(#ty::#name(#recv #(, #args)*) #post),
                }
            }
            Op::Map {
                method,
                recv,
                closure,
                ..
            } => {
                let recv = if method == "mapv_into" {
                    self.owned_operand(recv)
                } else {
                    self.atom(recv)
                };
                quote!(#recv.#method(#closure))
            }
            Op::Concat {
                path,
                axis,
                parts,
                post,
                ..
            } => {
                let axis = self.atom(axis);
                let parts: Vec<TokenStream> = parts.iter().map(|a| self.atom(a)).collect();
                quote!(#path(#axis, &[#(#parts),*]) #post)
            }
            Op::Call { func, args, .. } => {
                let args: Vec<TokenStream> = args.iter().map(|a| self.owned_operand(a)).collect();
                if with_pullback {
                    let pb = self.pullback_path(func);
                    quote!(#pb(#(#args),*))
                } else {
                    quote!(#func(#(#args),*))
                }
            }
            Op::Index {
                base,
                index,
                by_ref,
            } => {
                let (b, i) = (self.atom(base), self.atom(index));
                if *by_ref {
                    quote!(&#b[#i])
                } else {
                    quote!(#b[#i])
                }
            }
            Op::SliceRef {
                base,
                lo,
                hi,
                inclusive,
            } => {
                let b = self.atom(base);
                let lo = lo.as_ref().map(|a| self.atom(a));
                let hi = hi.as_ref().map(|a| self.atom(a));
                if *inclusive {
                    quote!(&#b[#lo..=#hi])
                } else {
                    quote!(&#b[#lo..#hi])
                }
            }
            Op::Cast { a, ty, .. } => {
                let a = self.atom(a);
                quote!(#a as #ty)
            }
            Op::Tuple(xs) => {
                let xs: Vec<TokenStream> = xs.iter().map(|a| self.atom(a)).collect();
                quote!((#(#xs,)*))
            }
            Op::Field(a, idx) => {
                let a = self.atom(a);
                quote!(#a.#idx)
            }
            Op::Opaque { tokens, .. } => tokens.clone(),
        }
    }

    fn pullback_of(&self, s: &Stmt, op: &Op) -> Option<Ident> {
        match op {
            Op::Call {
                pullback,
                plain: false,
                recompute,
                ..
            } if self.an.work(s) && (!recompute || self.held(s)) => Some(self.v(*pullback).clone()),
            _ => None,
        }
    }

    /// The overwrite `s` records the old value (see [`Analysis::saves`]), except the fills of
    /// a fused loop's scratch buffers ([`Gen::unsaved`]).
    fn saves(&self, s: &Stmt) -> bool {
        self.an.saves(s) && !self.unsaved.borrow().contains(&(s as *const Stmt as usize))
    }

    /// The forward sweep of a statement of the function body, emitted on its own (the parts
    /// of a fused `f_vjp`): the current block is the body, whatever block was emitted last
    /// (a push after a loop must not use the loop's reservation).
    fn fwd_top(&self, s: &Stmt) -> TokenStream {
        self.cur_block.set(0);
        self.fwd_stmt(s)
    }

    /// See [`Gen::held_calls`].
    fn held(&self, s: &Stmt) -> bool {
        self.held_calls
            .borrow()
            .contains(&(s as *const Stmt as usize))
    }

    /// The calls of [`Gen::held_calls`] among the statements of a fused loop's body.
    fn find_held_calls(&self, body: &Block) -> std::collections::HashSet<usize> {
        let mut out = std::collections::HashSet::new();
        for (k, s) in body.stmts.iter().enumerate() {
            let (Stmt::Let { op, .. } | Stmt::Assign { op, .. }) = s else {
                continue;
            };
            let Op::Call {
                args,
                recompute: true,
                plain: false,
                ..
            } = op
            else {
                continue;
            };
            // The locals the arguments borrow (directly or through a borrowing temporary);
            // an owned non-scalar argument keeps the call in recompute mode.
            let mut borrowed = Vec::new();
            let mut ok = true;
            for a in args {
                match (self.func.borrow_def(a), a) {
                    (Some(def), _) => borrowed.extend(def.reads()),
                    (None, Atom::Ref(v)) => borrowed.push(*v),
                    (None, Atom::Var(v)) if self.an.kinds[*v].is_scalar() => {}
                    (None, Atom::Const(_)) => {}
                    _ => ok = false,
                }
            }
            let written = crate::analyze::assigned_in_all(&body.stmts[k + 1..]);
            if ok && borrowed.iter().all(|v| !written.contains(v)) {
                out.insert(s as *const Stmt as usize);
            }
        }
        out
    }

    pub fn fwd_block(&self, b: &Block) -> TokenStream {
        let mut out = TokenStream::new();
        let outer = self
            .block_rev
            .replace(b.id != 0 && self.an.block_has_rev(b));
        for s in &b.stmts {
            self.cur_block.set(b.id);
            out.extend(self.fwd_stmt(s));
        }
        self.block_rev.set(outer);
        if b.id != 0 && self.an.block_has_rev(b) && self.in_scope.get() != Some(b.id) {
            for &v in self.block_vars.get(&b.id).into_iter().flatten() {
                if self.an.stored(self.func, v) {
                    let (t, i) = (self.var_tape(v), self.v(v));
                    if self.is_borrow(v) {
                        // A borrow cannot outlive the block: record the value it points to.
                        out.extend(self.push_to(b.id, &t, quote!(::core::clone::Clone::clone(#i))));
                    } else if self.an.reborrow[v] {
                        // A view of an array of the function: copied right after its
                        // definition (see `fwd_stmt`), before the array can change.
                    } else {
                        out.extend(self.push_to(b.id, &t, quote!(#i)));
                    }
                }
            }
        }
        out
    }

    fn fwd_stmt(&self, s: &Stmt) -> TokenStream {
        match s {
            Stmt::Let { var, op, span } => {
                let i = self.v(*var);
                let vk = &self.func.vars[*var];
                let m =
                    (vk.kind == VarKind::LetMut || self.an.overwritten[*var]).then(|| quote!(mut));
                let ty = vk.ty.as_ref().map(|t| quote!(: #t));
                let pb = self.pullback_of(s, op);
                let mut rhs = self.fwd_op(op, pb.is_some());
                if let Op::Index { base, index, .. } = op
                    && self.is_hoisted(s)
                {
                    let (b, i) = (self.atom(base), self.atom(index));
                    rhs = unchecked::hoisted_read(&b, &i);
                }
                let mut shape = None;
                if let Some(a) = self.in_place_operand(s)
                    && let Op::Arith(k, _, b) = op
                {
                    let (ai, sh) = (self.v(a), self.derived("__shape", a));
                    let b = self.arith_operand(b);
                    rhs = match k {
                        Arith::Sub => quote!(#ai - #b),
                        _ => quote!(#ai + #b),
                    };
                    shape =
                        Some(quote!(let #sh = ::ad_runtime::__private::tensor::shape_of(&#ai);));
                }
                let copy = (self.an.reborrow[*var]
                    && self.block_rev.get()
                    && self.an.stored(self.func, *var))
                .then(|| {
                    let t = self.var_tape(*var);
                    quote!(#t.push(#i.to_owned());)
                });
                let mut out = match pb {
                    Some(pb) => {
                        let ty = vk.ty.as_ref().map(|t| quote!(: (#t, _)));
                        quote_spanned!(*span=> let (#m #i, #pb) #ty = #rhs;)
                    }
                    None => quote!(#shape let #m #i #ty = #rhs; #copy),
                };
                if self.an.adj(*var)
                    && let Some(len) = self.presized_len(*var)
                {
                    // The element type of the buffer's adjoint, for the reverse sweep.
                    let z = self.derived("__dz", *var);
                    out.extend(quote!(let #z = ::ad_runtime::__private::zeros_of(&#i);));
                    if self.presize_early.borrow().contains(var) {
                        let d = self.adj(*var);
                        out.extend(quote!(let mut #d = #z.zeros(#len);));
                    }
                }
                out
            }
            Stmt::Declare { var } => {
                let i = self.v(*var);
                if *var == self.func.ret && self.func.ret_deferred {
                    let ty = self.func.vars[*var]
                        .ty
                        .as_ref()
                        .map(|t| quote!(: ::core::option::Option<#t>));
                    quote!(let mut #i #ty = ::core::option::Option::None;)
                } else {
                    quote!(let #i;)
                }
            }
            Stmt::Assign { var, op, .. } => {
                let i = self.v(*var);
                let pb = self.pullback_of(s, op);
                let rhs = self.fwd_op(op, pb.is_some());
                let new = mixed("__new");
                let bind = match &pb {
                    Some(pb) => quote!(let (#new, #pb) = #rhs;),
                    None => quote!(let #new = #rhs;),
                };
                if *var == self.func.ret && self.func.ret_deferred {
                    quote!({ #bind #i = ::core::option::Option::Some(#new); })
                } else if self.saves(s) {
                    let t = self.var_tape(*var);
                    let push = self.push_to(
                        self.cur_block.get(),
                        &t,
                        quote!(::core::mem::replace(&mut #i, #new)),
                    );
                    quote!(#bind #push)
                } else if pb.is_some() {
                    quote!(#bind #i = #new;)
                } else {
                    quote!(#i = #rhs;)
                }
            }
            Stmt::IndexAssign {
                base, index, op, ..
            } => {
                let b = self.v(*base);
                let idx = self.atom(index);
                let pb = self.pullback_of(s, op);
                let rhs = self.fwd_op(op, pb.is_some());
                let new = mixed("__new");
                let bind = match &pb {
                    Some(pb) => quote!(let (#new, #pb) = #rhs;),
                    None => quote!(let #new = #rhs;),
                };
                let place = if self.is_hoisted(s) {
                    unchecked::hoisted_place(&quote!(#b), &idx)
                } else {
                    quote!(#b[#idx])
                };
                if self.saves(s) {
                    let t = self.elem_tape(*base);
                    let push = self.push_to(
                        self.cur_block.get(),
                        &t,
                        quote!(::core::mem::replace(&mut #place, #new)),
                    );
                    quote!(#bind #push)
                } else {
                    quote!(#bind #place = #new;)
                }
            }
            Stmt::Push { base, value, .. } => {
                let (b, v) = (self.v(*base), self.atom(value));
                quote!(#b.push(#v);)
            }
            Stmt::If {
                id,
                cond,
                then,
                els,
            } => {
                let c = self.atom(cond);
                let (t, e) = (self.fwd_block(then), self.fwd_block(els));
                let record = if self.an.has_rev(s) && !self.cond_in_scope(s) {
                    let tape = self.tape(mixed(&format!("__tape_if{id}")));
                    quote!(#tape.push(#c);)
                } else {
                    quote!()
                };
                let els = if els.stmts.is_empty() {
                    quote!()
                } else {
                    quote!(else { #e })
                };
                quote!(#record if #c { #t } #els)
            }
            Stmt::Loop(l) => self.fwd_loop(l),
            Stmt::Effect { tokens } => tokens.clone(),
            Stmt::SetFlow(c) => {
                let f = self.v(self.func.flow.expect("flow var"));
                quote!(#f = #c;)
            }
        }
    }

    /// Whether `s` is an element access of a loop emitted with its bounds checks hoisted.
    fn is_hoisted(&self, s: &Stmt) -> bool {
        self.hoisted.borrow().contains(&(s as *const Stmt as usize))
    }

    fn fwd_loop(&self, l: &Loop) -> TokenStream {
        self.fwd_loop_with(l, None, &[])
    }

    /// The forward loop; with `fused`, that code (the reverse of the iteration) runs at the
    /// end of every iteration, before its `break`/`continue` dispatch.
    /// `fused` is generated once per copy of a versioned loop (see `hoist`); `carried` are the
    /// buffers of its neighbour carries.
    fn fwd_loop_with(
        &self,
        l: &Loop,
        fused: Option<&dyn Fn(&Self) -> TokenStream>,
        carried: &[VarId],
    ) -> TokenStream {
        let has = self.an.block_has_rev(&l.body);
        let n = mixed(&format!("__iters{}", l.id));
        let (init, count, record) = if has && self.top_level(l.id) {
            // Runs once: the count stays in scope for the reverse sweep, no tape needed
            // (a tape alive across the loop would also cost the loop its optimisations).
            (quote!(let mut #n: usize = 0;), quote!(#n += 1;), quote!())
        } else if has && !crate::analyze::recounted(self.func, l) {
            let tape = self.tape(mixed(&format!("__tape_loop{}", l.id)));
            (
                quote!(let mut #n: usize = 0;),
                quote!(#n += 1;),
                quote!(#tape.push(#n);),
            )
        } else {
            // No reverse, or a range loop whose count the reverse recomputes from its bounds.
            (quote!(), quote!(), quote!())
        };
        let is_fused = fused.is_some();
        // Exact reservations of a range loop's tapes, known before its body is emitted (not
        // in a fused loop, whose tapes never hold more than one iteration).
        let exact = if matches!(l.kind, LoopKind::Range { .. }) && !is_fused {
            self.exact_reservations(&l.body)
        } else {
            Vec::new()
        };
        self.reserved
            .borrow_mut()
            .insert(l.body.id, exact.iter().map(|(t, _)| t.clone()).collect());
        let mut body = self.fwd_block(&l.body);
        body.extend(fused.map(|f| f(self)));
        let mut codes = std::collections::BTreeSet::new();
        crate::ir::escape_codes(&l.body.stmts, &mut codes);
        let exits = if codes.is_empty() {
            quote!()
        } else {
            let f = self.v(self.func.flow.expect("flow var"));
            let (b, c) = (l.break_code, l.continue_code);
            quote! {
                if #f != 0 {
                    if #f == #c {
                        #f = 0;
                    } else {
                        if #f == #b {
                            #f = 0;
                        }
                        break;
                    }
                }
            }
        };
        let looped = match &l.kind {
            LoopKind::Range {
                var,
                lo,
                hi,
                inclusive,
                rev,
            } => {
                let (i, lo, hi) = (self.v(*var), self.atom(lo), self.atom(hi));
                let range = if *inclusive {
                    quote!(#lo..=#hi)
                } else {
                    quote!(#lo..#hi)
                };
                // Tapes pushed a known number of times per iteration get room for the whole
                // loop up front (and their pushes then never grow them); other tapes pushed
                // once per iteration get room for one value per iteration. (Not in a fused
                // loop, whose tapes never hold more than one iteration.)
                let once: Vec<Ident> = self
                    .tapes_pushed_once(&l.body)
                    .into_iter()
                    .filter(|t| !exact.iter().any(|(u, _)| u == t))
                    .collect();
                let reserve = if (once.is_empty() && exact.is_empty()) || is_fused {
                    quote!()
                } else {
                    let len = mixed("__len");
                    let exact = exact.iter().map(|(t, n)| {
                        if *n == 1 {
                            quote!(#t.reserve(#len);)
                        } else {
                            quote!(#t.reserve(#len.saturating_mul(#n));)
                        }
                    });
                    quote! {
                        let #len = ::core::iter::Iterator::size_hint(&(#range)).0;
                        #(#exact)*
                        #(#once.reserve(#len);)*
                    }
                };
                let range = if *rev { quote!((#range).rev()) } else { range };
                match self.hoisted_checks(l, is_fused, carried) {
                    Some((guard, accesses, keys)) => {
                        *self.hoisted.borrow_mut() = accesses;
                        let mut fast = self.fwd_block(&l.body);
                        self.hoisted.borrow_mut().clear();
                        if let Some(f) = fused {
                            let outer = std::mem::replace(&mut *self.proven.borrow_mut(), keys);
                            fast.extend(f(self));
                            *self.proven.borrow_mut() = outer;
                        }
                        quote! {
                            #reserve
                            if #guard {
                                for #i in #range { #count #fast #exits }
                            } else {
                                for #i in #range { #count #body #exits }
                            }
                        }
                    }
                    None => quote!(#reserve for #i in #range { #count #body #exits }),
                }
            }
            LoopKind::Iter { pat, iter, .. } => quote!(for #pat in #iter { #count #body #exits }),
            LoopKind::While {
                cond_block,
                cond_atom,
            } => {
                let cb = self.fwd_block(cond_block);
                let c = self.atom(cond_atom);
                quote!(loop { #cb if !#c { break; } #count #body #exits })
            }
            LoopKind::Loop => quote!(loop { #count #body #exits }),
        };
        quote!(#init #looped #record)
    }

    // ---- reverse sweep -------------------------------------------------------------------

    /// The reverse of a block. `top` is the function body, whose values are still in scope.
    /// What the reverse sweep of block `b` does before its statements: views of the body's
    /// own arrays re-made (`top`), or a loop body's stored values popped, its recomputed ones
    /// recomputed and its adjoints declared.
    fn rev_prelude(&self, b: &Block, top: bool) -> TokenStream {
        let rt = rt();
        let mut out = TokenStream::new();
        if top {
            // Views of the body's own arrays, re-made from their (captured) bases.
            for s in &b.stmts {
                if let Stmt::Let { var, op, .. } = s
                    && self.an.reborrow[*var]
                    && self.an.needed[*var]
                    && self.func.vars[*var].block == 0
                {
                    let i = self.v(*var);
                    let rhs = self.fwd_op(op, false);
                    out.extend(quote!(let #i = #rhs;));
                }
            }
        }
        if !top {
            let vars = self.block_vars.get(&b.id).cloned().unwrap_or_default();
            // In a fused loop's body the forward values are still in scope, unchanged (a
            // stored value is pushed at the end of the block, and a recomputed one reads
            // inputs that do not change after it).
            let in_scope = self.in_scope.get() == Some(b.id);
            for &v in &vars {
                if self.an.stored(self.func, v) && !in_scope {
                    let (t, i) = (self.var_tape(v), self.v(v));
                    let m = self.an.overwritten[v].then(|| quote!(mut));
                    if self.is_borrow(v) {
                        out.extend(quote!(let #i = &#t.pop();));
                    } else if self.an.reborrow[v] {
                        // The recorded copy of a view, viewed again (values recomputed from
                        // it expect a view, as `stack` does).
                        let own = self.derived("__own", v);
                        out.extend(quote!(let #own = #t.pop(); let #i = #own.view();));
                    } else {
                        out.extend(quote!(let #m #i = #t.pop();));
                    }
                }
            }
            // Counter steps at the end of the block are undone first, so that values copied
            // from the counter before them are recomputed from the right value.
            for s in b.stmts.iter().rev() {
                if self.an.hoists(s) {
                    out.extend(self.undo_step(s));
                }
            }
            for s in &b.stmts {
                if let Stmt::Let { var, op, .. } = s
                    && self.an.needed[*var]
                    && self.an.recompute[*var]
                    && !in_scope
                {
                    let i = self.v(*var);
                    let rhs = self.recompute_op(op);
                    out.extend(quote!(let #i = #rhs;));
                }
                // A buffer refilled by this body: the fill runs again (see
                // `Analysis::rebuilds`), in order with the values recomputed around it. Not
                // in a fused loop's body: nothing has changed the buffer since its fill (and a
                // kept callee pullback may still borrow it).
                if let Stmt::Loop(l) = s
                    && let Some(buf) = self.an.rebuilds.get(&(s as *const Stmt as usize))
                    && self.an.needed[*buf]
                    && !in_scope
                {
                    out.extend(self.refill(l));
                }
            }
            for &v in &vars {
                if self.an.adj(v) {
                    let d = self.adj(v);
                    out.extend(quote!(let mut #d = #rt::zero();));
                }
            }
        }
        out
    }

    /// The reverse sweep of block `b`: [`Gen::rev_prelude`], then the statements in reverse.
    pub fn rev_block(&self, b: &Block, top: bool) -> TokenStream {
        let mut out = self.rev_prelude(b, top);
        out.extend(self.rev_stmts(&b.stmts, &b.stmts));
        out
    }

    /// The reverse sweep of the function body, as [`Gen::rev_block`], with each owned array
    /// or buffer of the forward sweep released (`__private::release`) right after the last
    /// statement of the reverse sweep that reads it, so that the sweep's own allocations (the
    /// cotangents, which are as large as the values) can reuse its memory: the peak is then
    /// closer to what a hand-written backward pass holds.
    ///
    /// Candidates are the body's own `let` variables holding arrays by value that the reverse
    /// sweep needs (see [`Gen::kept_array`]: it borrows them, never moves them), not views
    /// re-made in the prelude, with a name no other variable has. A statement "reads" a variable when its reverse
    /// code names it; a value recomputed late is counted as reading its inputs wherever it is
    /// read.
    pub fn rev_body(&self) -> TokenStream {
        use std::collections::HashSet;
        let b = &self.func.body;
        let prelude = self.rev_prelude(b, true);
        let stmts: Vec<&Stmt> = b.stmts.iter().collect();
        let groups = self.rev_groups(&stmts, &b.stmts);
        let mut mentions: Vec<HashSet<String>> = groups
            .iter()
            .map(|g| {
                let mut m = HashSet::new();
                idents(g, &mut m);
                m
            })
            .collect();
        for s in &b.stmts {
            if let Stmt::Let { var, op, .. } = s
                && self.an.late[*var].is_some()
            {
                let name = self.v(*var).to_string();
                let reads: Vec<String> =
                    op.reads().iter().map(|r| self.v(*r).to_string()).collect();
                for m in mentions.iter_mut().filter(|m| m.contains(&name)) {
                    m.extend(reads.iter().cloned());
                }
            }
        }
        let mut pinned = HashSet::new();
        idents(&prelude, &mut pinned);
        let mut names: std::collections::HashMap<String, usize> = Default::default();
        for v in 0..self.func.vars.len() {
            *names.entry(self.v(v).to_string()).or_default() += 1;
        }
        // Arrays the forward sweep consumed (see `in_place_operand`) are gone already.
        let consumed: HashSet<VarId> = b
            .stmts
            .iter()
            .filter_map(|s| self.in_place_operand(s))
            .collect();
        let mut after: Vec<Vec<Ident>> = vec![Vec::new(); groups.len()];
        for (v, var) in self.func.vars.iter().enumerate() {
            let name = self.v(v).to_string();
            let owned = matches!(var.kind, VarKind::Let | VarKind::LetMut | VarKind::Deferred)
                && var.block == 0
                && v != self.func.ret
                // A kept array (needed by the reverse sweep) is only ever borrowed or cloned
                // there, never moved.
                && self.kept_array(&Atom::Var(v)).is_some()
                && !self.an.reborrow[v]
                && !consumed.contains(&v)
                && names[&name] == 1
                && !pinned.contains(&name);
            if !owned {
                continue;
            }
            if let Some(last) = mentions.iter().rposition(|m| m.contains(&name)) {
                after[last].push(self.v(v).clone());
            }
        }
        let mut out = prelude;
        for (g, dead) in groups.into_iter().zip(after) {
            out.extend(g);
            for i in dead {
                out.extend(quote!(::ad_runtime::__private::release(#i);));
            }
        }
        out
    }

    /// The reverse of the statements `stmts` of a block whose statements are `all`, in reverse
    /// order (late recomputations included).
    fn rev_stmts(&self, stmts: &[Stmt], all: &[Stmt]) -> TokenStream {
        self.rev_stmt_refs(&stmts.iter().collect::<Vec<_>>(), all)
    }

    /// [`Gen::rev_stmts`] of statements given by reference (in forward order).
    fn rev_stmt_refs(&self, stmts: &[&Stmt], all: &[Stmt]) -> TokenStream {
        self.rev_groups(stmts, all).into_iter().collect()
    }

    /// The reverse code of each statement of `stmts` that has one (its late recomputations
    /// first), in reverse order.
    fn rev_groups(&self, stmts: &[&Stmt], all: &[Stmt]) -> Vec<TokenStream> {
        let mut groups = Vec::new();
        for &s in stmts.iter().rev() {
            let mut out = TokenStream::new();
            if self.an.has_rev(s) {
                // Values recomputed right before their consumer (see `Analysis::late`).
                let addr = s as *const Stmt as usize;
                for t in all {
                    if let Stmt::Let { var, op, .. } = t
                        && self.an.late[*var] == Some(addr)
                        && self.an.needed[*var]
                    {
                        let i = self.v(*var);
                        let rhs = self.recompute_op(op);
                        out.extend(quote!(let #i = #rhs;));
                    }
                }
                out.extend(self.rev_stmt(s));
                groups.push(out);
            }
        }
        groups
    }

    /// The primal of a buffer-filling loop (see `Analysis::rebuilds`), without records.
    fn refill(&self, l: &Loop) -> TokenStream {
        let LoopKind::Range {
            var, lo, hi, rev, ..
        } = &l.kind
        else {
            return quote!();
        };
        let mut body = TokenStream::new();
        for s in &l.body.stmts {
            match s {
                Stmt::Let { var, op, .. } => {
                    let i = self.v(*var);
                    let rhs = self.recompute_op(op);
                    body.extend(quote!(let #i = #rhs;));
                }
                Stmt::IndexAssign {
                    base, index, op, ..
                } => {
                    let (b, i) = (self.v(*base), self.atom(index));
                    let rhs = self.fwd_op(op, false);
                    body.extend(quote!(#b[#i] = #rhs;));
                }
                _ => {}
            }
        }
        let (i, lo, hi) = (self.v(*var), self.atom(lo), self.atom(hi));
        let range = if *rev {
            quote!((#lo..#hi).rev())
        } else {
            quote!(#lo..#hi)
        };
        quote!(for #i in #range { #body })
    }

    /// The inverse of a counter step (`i += k` -> `i -= k`), see [`crate::analyze::counter_step`].
    fn undo_step(&self, s: &Stmt) -> TokenStream {
        let rt = rt();
        let an = self.an;
        let Some((v, step, sub)) =
            crate::analyze::counter_step(s, &an.kinds, &an.active, &an.overwritten)
        else {
            return quote!();
        };
        let (i, k) = (self.v(v), self.atom(step));
        let f = if sub {
            quote!(undo_sub)
        } else {
            quote!(undo_add)
        };
        quote!(#rt::#f(&mut #i, #k);)
    }

    fn rev_stmt(&self, s: &Stmt) -> TokenStream {
        let rt = rt();
        let g = mixed("__g");
        let work = self.an.work(s);
        match s {
            Stmt::Let { var, op, span } => {
                let d = self.adj(*var);
                let i = self.v(*var);
                let body = self.partials(op, &quote!(&#i), s, *span);
                quote_spanned!(*span=> { let #g = #rt::take(&mut #d); #body })
            }
            Stmt::Assign {
                var,
                op,
                init: _,
                span,
            } => {
                let i = self.v(*var);
                let restore = if self.saves(s) {
                    let t = self.var_tape(*var);
                    quote!(#i = #t.pop();)
                } else if self.an.undoes(s) && !self.an.hoists(s) {
                    self.undo_step(s)
                } else {
                    quote!()
                };
                if !work {
                    if self.an.kills(s) {
                        let d = self.adj(*var);
                        return quote!(#rt::take(&mut #d); #restore);
                    }
                    return restore;
                }
                let d = self.adj(*var);
                if self.invariant.borrow().contains(var)
                    && crate::analyze::is_accumulation(s, *var)
                    && restore.is_empty()
                {
                    // `s = s ± e` in a fused loop: `s̄` is the same before and after, so it is
                    // read instead of taken and given back (which would make it a value carried
                    // from iteration to iteration, `0.0 + g` not being `g` for LLVM).
                    let body = self.partials_but(op, &quote!(&#i), s, *span, Some(*var));
                    return quote_spanned!(*span=> { let #g = ::core::clone::Clone::clone(&#d); #body });
                }
                let y = mixed("__y");
                let (save, out) = if reads_out(op) && !restore.is_empty() {
                    (quote!(let #y = #i;), quote!(&#y))
                } else {
                    (quote!(), quote!(&#i))
                };
                let body = self.partials(op, &out, s, *span);
                quote_spanned!(*span=> { let #g = #rt::take(&mut #d); #save #restore #body })
            }
            Stmt::IndexAssign {
                base,
                index,
                op,
                span,
            } => {
                let b = self.v(*base);
                let idx = self.atom(index);
                let restore = if self.saves(s) {
                    let t = self.elem_tape(*base);
                    quote!(#b[#idx] = #t.pop();)
                } else {
                    quote!()
                };
                if !work {
                    if self.an.kills(s) {
                        let d = self.adj(*base);
                        let take = if self.an.kinds[*base] == crate::kinds::Kind::Array
                            || self.func.is_nd_index(index)
                        {
                            quote!(#rt::tensor::take_index(&mut #d, &#idx))
                        } else if self.is_proven(*base, hoist::Side::Adjoint, index) {
                            unchecked::adjoint_take(&d, &idx)
                        } else {
                            quote!(#rt::take_index(&mut #d, #idx))
                        };
                        return quote!(#take; #restore);
                    }
                    return restore;
                }
                let d = self.adj(*base);
                let y = mixed("__y");
                let save = if reads_out(op) {
                    quote!(let #y = #b[#idx];)
                } else {
                    quote!()
                };
                let body = self.partials(op, &quote!(&#y), s, *span);
                let take = if self.an.kinds[*base] == crate::kinds::Kind::Array
                    || self.func.is_nd_index(index)
                {
                    quote!(#rt::tensor::take_index(&mut #d, &#idx))
                } else if self.an.increments.contains(&(s as *const Stmt as usize)) {
                    // `v[i] += e`: the element's cotangent stays where it is.
                    if self.is_proven(*base, hoist::Side::Adjoint, index) {
                        unchecked::adjoint_get(&d, &idx)
                    } else {
                        quote!(#rt::get_index(&#d, #idx))
                    }
                } else if self.is_proven(*base, hoist::Side::Adjoint, index) {
                    unchecked::adjoint_take(&d, &idx)
                } else {
                    quote!(#rt::take_index(&mut #d, #idx))
                };
                quote_spanned!(*span=> { let #g = #take; #save #restore #body })
            }
            Stmt::Push { base, value, span } => {
                let b = self.v(*base);
                let restore = if self.an.needed[*base] {
                    quote!(#b.pop();)
                } else {
                    quote!()
                };
                if !work {
                    return restore;
                }
                let d = self.adj(*base);
                let acc = match value.var() {
                    Some(v) if self.an.adj(v) => {
                        let dv = self.adj(v);
                        quote!(#rt::acc(&mut #dv, #g);)
                    }
                    _ => quote!(),
                };
                quote_spanned!(*span=> { #restore let #g = #rt::take_index(&mut #d, #b.len()); #acc })
            }
            Stmt::If {
                id,
                then,
                els,
                cond,
            } => {
                let (t, e) = (self.rev_block(then, false), self.rev_block(els, false));
                if self.cond_in_scope(s) {
                    let c = self.atom(cond);
                    return quote!(if #c { #t } else { #e });
                }
                let tape = self.tape(mixed(&format!("__tape_if{id}")));
                quote!(if #tape.pop() { #t } else { #e })
            }
            Stmt::Loop(l) => self.rev_loop(l),
            _ => quote!(),
        }
    }

    fn rev_loop(&self, l: &Loop) -> TokenStream {
        let rt = rt();
        let n = mixed(&format!("__iters{}", l.id));
        let pop = if self.top_level(l.id) {
            quote!()
        } else if let (
            true,
            LoopKind::Range {
                lo, hi, inclusive, ..
            },
        ) = (crate::analyze::recounted(self.func, l), &l.kind)
        {
            let (lo, hi) = (self.atom(lo), self.atom(hi));
            let range = if *inclusive {
                quote!(#lo..=#hi)
            } else {
                quote!(#lo..#hi)
            };
            quote!(let #n = ::core::iter::Iterator::size_hint(&(#range)).0;)
        } else {
            let tape = self.tape(mixed(&format!("__tape_loop{}", l.id)));
            quote!(let #n = #tape.pop();)
        };
        let k = mixed("__k");
        let counter = match &l.kind {
            LoopKind::Range {
                var,
                lo,
                hi,
                inclusive,
                rev,
            } if self.an.needed[*var] => {
                let i = self.v(*var);
                let value = match (rev, inclusive) {
                    (false, _) => {
                        let lo = self.atom(lo);
                        quote!(#rt::range_up(#lo, #k))
                    }
                    (true, false) => {
                        let hi = self.atom(hi);
                        quote!(#rt::range_down(#hi, #k))
                    }
                    (true, true) => {
                        let hi = self.atom(hi);
                        quote!(#rt::range_down_incl(#hi, #k))
                    }
                };
                quote!(let #i = #value;)
            }
            _ => quote!(),
        };
        // Register redirections last while this loop is generated: an enclosing loop's body
        // may be generated twice (see `hoist`), and its other statements must not see them.
        let outer_redirect = self.redirect.borrow().clone();
        let carries = self.neighbour_carry(l);
        for (_, reads0, reads1, c0, c1, _) in &carries {
            let mut r = self.redirect.borrow_mut();
            for v in reads0 {
                r.insert(*v, c0.clone());
            }
            for v in reads1 {
                r.insert(*v, c1.clone());
            }
        }
        let invariant = self.invariant_reads(l);
        // Each register sum alternates between two registers from one iteration to the next
        // (`swap` at the end of the body, free after unrolling): two independent chains of
        // additions instead of one, half the latency per iteration in a loop that does little
        // else (the cotangent of `xc[c]` over a packed triangle's column).
        let (mut inv_before, mut inv_swap, mut inv_after) = (quote!(), quote!(), quote!());
        for (b, index, reads, a) in &invariant {
            let mut r = self.redirect.borrow_mut();
            for v in reads {
                r.insert(*v, a.clone());
            }
            let d = self.adj(*b);
            let i = self.atom(index);
            let other = mixed(&format!("{a}_other"));
            inv_before.extend(quote!(let mut #a = #rt::zero(); let mut #other = #rt::zero();));
            inv_swap.extend(quote!(::core::mem::swap(&mut #a, &mut #other);));
            inv_after.extend(quote!(#rt::acc(&mut #a, #other);));
            inv_after.extend(if self.exact_adjoint(*b) {
                self.acc_exact(*b, i.clone(), quote!(#a))
            } else {
                quote!(#rt::acc_index(&mut #d, #i, #a);)
            });
        }
        // Flushed only if the body ran: the index may be invalid otherwise.
        let inv_after = if invariant.is_empty() {
            quote!()
        } else {
            quote!(if #n > 0 { #inv_after })
        };
        let at = mixed("__at");
        let lo = match &l.kind {
            LoopKind::Range { lo, .. } => Some(self.atom(lo)),
            _ => None,
        };
        // The loop, with its body's accesses checked or (in the copy that runs under the
        // guard of `Gen::reverse_checks`) unchecked where the guard covers them.
        let looped = |this: &Self| -> TokenStream {
            let body = this.rev_block(&l.body, false);
            if carries.is_empty() {
                return quote! {
                    for #k in (0..#n).rev() {
                        #counter
                        #body
                        #inv_swap
                    }
                };
            }
            let (mut open, mut close) = (quote!(), quote!());
            for (b, _, _, c0, c1, carry) in &carries {
                open.extend(quote!(let mut #c0 = #rt::zero(); let mut #c1 = #rt::zero();));
                let flush = this.acc_exact(*b, quote!(#at + 1), quote!(#carry + #c1));
                close.extend(quote! {
                    #flush
                    #carry = #c0;
                });
            }
            quote! {
                for #k in (0..#n).rev() {
                    let #at = #rt::range_up(#lo, #k);
                    #open
                    #counter
                    #body
                    #close
                    #inv_swap
                }
            }
        };
        let carried: Vec<(VarId, Ident)> = carries.iter().map(|c| (c.0, at.clone())).collect();
        let looped = match self.reverse_checks(l, &n, &carried) {
            Some((guard, keys)) => {
                let outer = std::mem::replace(&mut *self.proven.borrow_mut(), keys);
                let fast = looped(self);
                *self.proven.borrow_mut() = outer;
                let slow = looped(self);
                quote!(if #guard { #fast } else { #slow })
            }
            None => looped(self),
        };
        // After the loop (once): checked.
        let (mut before, mut after) = (quote!(), quote!());
        for (b, _, _, _, _, carry) in &carries {
            before.extend(quote!(let mut #carry = #rt::zero();));
            after.extend(self.acc_exact(*b, quote!(#lo), quote!(#carry)));
        }
        let after = if carries.is_empty() {
            quote!()
        } else {
            quote!(if #n > 0 { #after })
        };
        *self.redirect.borrow_mut() = outer_redirect;
        quote! {
            #pop
            #before
            #inv_before
            #looped
            #after
            #inv_after
        }
    }

    /// The same generator, with adjoints of fixed-length buffers grown on first use.
    pub fn without_presized(mut self) -> Self {
        self.presize = false;
        self
    }

    /// The length of a fixed-length buffer (see [`Analysis::presized`]), when its adjoint
    /// starts at that length.
    fn presized_len(&self, b: VarId) -> Option<TokenStream> {
        if !(self.presize || self.presize_early.borrow().contains(&b)) || !self.an.presized[b] {
            return None;
        }
        self.func.body.stmts.iter().find_map(|s| match s {
            Stmt::Let { var, op, .. } if *var == b => crate::kinds::vec_repeat_len(op),
            _ => None,
        })
    }

    /// Whether the adjoint of `b` has `b`'s length from the start (a parameter's gradient,
    /// or the adjoint of a fixed-length local buffer).
    fn exact_adjoint(&self, b: VarId) -> bool {
        self.func.vars[b].kind == VarKind::Param || self.presized_len(b).is_some()
    }

    /// Whether the reverse sweep accesses elements of `b`'s adjoint without bounds checks: its
    /// length is `b`'s for good (a fixed-length buffer, or a parameter never reassigned or
    /// pushed to), and the code is not `checked`. Sound because every index the reverse sweep
    /// uses on `b̄` is one the forward sweep used on `b` itself, through a checked `b[i]` (or
    /// `b[i] = e`) that did not panic; debug builds check it again (see
    /// `ad_runtime::rules::slice::acc_index_unchecked`).
    fn unchecked_adjoint(&self, b: VarId) -> bool {
        self.fixed_length(b)
            && (self.presized_len(b).is_some() || self.func.vars[b].kind == VarKind::Param)
    }

    /// Whether `b` is a slice or `Vec` of scalars whose length never changes (a fixed-length
    /// local buffer, or a parameter never reassigned or pushed to), outside `checked` code.
    ///
    /// A constant buffer may also be the receiver of methods (no derivative needed), some of
    /// which change its length (`clear`, `truncate`, `pop`, ...). A binding that cannot be
    /// borrowed mutably (a `let` without `mut`, a parameter behind a shared reference) may
    /// take any method; a mutable one only `Vec`'s own `len`, `is_empty` and `capacity`,
    /// which method resolution finds before any trait method taking `&mut self` (a user
    /// trait could give `last(&mut self)` to `Vec<f64>` and empty it). A statement macro or
    /// an iterator expression that names the buffer makes it count as resized too.
    fn fixed_length(&self, b: VarId) -> bool {
        if self.func.checked || !matches!(self.an.kinds[b], crate::kinds::Kind::SeqScalar) {
            return false;
        }
        let params_ok = self.func.vars[b].kind == VarKind::Param;
        if !(params_ok || self.an.presized[b]) {
            return false;
        }
        const KEEP_LENGTH: &[&str] = &["len", "is_empty", "capacity"];
        let shared = match self.func.vars[b].kind {
            VarKind::Let => true,
            VarKind::Param => matches!(
                &self.func.vars[b].ty,
                Some(syn::Type::Reference(r)) if r.mutability.is_none()
            ),
            _ => false,
        };
        let name = self.v(b).to_string();
        let mentions = |ts: &TokenStream| {
            let mut ids = std::collections::HashSet::new();
            idents(ts, &mut ids);
            ids.contains(&name)
        };
        let op_resizes = |op: &Op| match op {
            Op::Method { recv, name, .. } => {
                recv.var() == Some(b)
                    && !shared
                    && !KEEP_LENGTH.contains(&name.to_string().as_str())
            }
            Op::Opaque { reads, .. } => reads.contains(&b),
            _ => false,
        };
        let mut resized = false;
        crate::analyze::walk_stmts(&self.func.body.stmts, &mut |s| {
            resized |= match s {
                Stmt::Assign { var, .. } | Stmt::Push { base: var, .. } if *var == b => true,
                Stmt::Let { op, .. } | Stmt::Assign { op, .. } | Stmt::IndexAssign { op, .. } => {
                    op_resizes(op)
                }
                Stmt::Effect { tokens } => mentions(tokens),
                Stmt::Loop(l) => {
                    matches!(&l.kind, LoopKind::Iter { reads, .. } if reads.contains(&b))
                }
                _ => false,
            };
        });
        !resized
    }

    /// A value the reverse sweep recomputes, as the forward sweep computed it, except that an
    /// element read `x[i]` of a fixed-length slice ([`Gen::fixed_length`]) skips the bounds
    /// check: the forward sweep read the same element, with the same index, through a checked
    /// `x[i]` that did not panic (debug builds check again).
    fn recompute_op(&self, op: &Op) -> TokenStream {
        match op {
            Op::Index {
                base: Atom::Var(b),
                index,
                by_ref: false,
            } if self.is_proven(*b, hoist::Side::Primal, index) => {
                let (x, i) = (self.v(*b), self.atom(index));
                unchecked::primal_read(&x, &i)
            }
            _ => self.fwd_op(op, false),
        }
    }

    /// `b̄[i] += g` for an exact adjoint (see [`Gen::exact_adjoint`]), unchecked when
    /// [`Gen::unchecked_adjoint`] allows.
    fn acc_exact(&self, b: VarId, i: TokenStream, g: TokenStream) -> TokenStream {
        let (rt, d) = (rt(), self.adj(b));
        let key = (b, hoist::Side::Adjoint, i.to_string());
        if self.unchecked_adjoint(b) && self.proven.borrow().contains(&key) {
            unchecked::adjoint_acc(&d, &i, &g)
        } else {
            quote!(#rt::acc_index_exact(&mut #d, #i, #g);)
        }
    }

    /// Whether the access `b[index]` (of the primal or of its adjoint) of the reverse sweep
    /// is proved in bounds by the enclosing reverse loop's guard (see `hoist`).
    fn is_proven(&self, b: VarId, side: hoist::Side, index: &Atom) -> bool {
        let ok = match side {
            hoist::Side::Primal => self.fixed_length(b),
            hoist::Side::Adjoint => self.unchecked_adjoint(b),
        };
        ok && !self.func.is_nd_index(index)
            && self
                .proven
                .borrow()
                .contains(&(b, side, self.atom(index).to_string()))
    }

    /// The precondition of the register optimisations ([`Gen::neighbour_carry`],
    /// [`Gen::invariant_reads`]): `b` has an adjoint that is a sequence of scalars (a slice or
    /// `Vec`, whose adjoint elements are accumulated one by one), not an ndarray array or a
    /// scalar.
    fn seq_adjoint(&self, b: VarId) -> bool {
        self.an.adj(b) && self.an.kinds[b] == crate::kinds::Kind::SeqScalar
    }

    /// Scalar replacement of loop-invariant element reads. A loop whose body reads a slice
    /// `x` only as `x[i]`, with `i` not changed by the loop (`xc[c]` in a loop over `r`), adds
    /// into the same `x̄[i]` at every iteration of its reverse, a chain through memory. Instead
    /// the reverse loop sums into a register and adds it to `x̄[i]` once after the loop.
    ///
    /// Returns, per eligible slice: the slice, the index, the reads, and the register's name.
    fn invariant_reads(&self, l: &Loop) -> Vec<(VarId, Atom, Vec<VarId>, Ident)> {
        // Blocks inside the loop: an index declared there is not invariant.
        let mut inside = std::collections::HashSet::new();
        let mut assigned = std::collections::HashSet::new();
        crate::analyze::walk_stmts(&l.body.stmts, &mut |s| match s {
            Stmt::Assign { var, .. } => {
                assigned.insert(*var);
            }
            Stmt::If { then, els, .. } => {
                inside.insert(then.id);
                inside.insert(els.id);
            }
            Stmt::Loop(inner) => {
                inside.insert(inner.body.id);
                if let LoopKind::While { cond_block, .. } = &inner.kind {
                    inside.insert(cond_block.id);
                }
            }
            _ => {}
        });
        inside.insert(l.body.id);
        if let LoopKind::While { cond_block, .. } = &l.kind {
            inside.insert(cond_block.id);
        }
        let invariant = |a: &Atom| match a {
            Atom::Const(_) => true,
            Atom::Var(v) => !inside.contains(&self.func.vars[*v].block) && !assigned.contains(v),
            Atom::Ref(_) => false,
        };
        let same = |a: &Atom, b: &Atom| match (a, b) {
            (Atom::Var(x), Atom::Var(y)) => x == y,
            (Atom::Const(x), Atom::Const(y)) => x.to_string() == y.to_string(),
            _ => false,
        };
        let mut out = Vec::new();
        for (b, _) in self.func.vars.iter().enumerate() {
            if !self.seq_adjoint(b) {
                continue;
            }
            // Reads `t = b[i]` at the top of the body (they run whenever the body runs).
            let mut index: Option<&Atom> = None;
            let mut reads = Vec::new();
            let mut ok = true;
            for s in &l.body.stmts {
                if let Stmt::Let {
                    var: t,
                    op:
                        Op::Index {
                            base: Atom::Var(bb),
                            index: i,
                            by_ref: false,
                        },
                    ..
                } = s
                    && *bb == b
                {
                    match index {
                        None if invariant(i) => index = Some(i),
                        Some(j) if same(i, j) => {}
                        _ => ok = false,
                    }
                    reads.push(*t);
                }
            }
            let Some(index) = index.filter(|_| ok) else {
                continue;
            };
            if self.redirect.borrow().keys().any(|t| reads.contains(t)) {
                continue;
            }
            // Any other use of `b` in the loop (nested, written, borrowed) disqualifies it.
            crate::analyze::walk_stmts(&l.body.stmts, &mut |s| {
                let direct = matches!(s, Stmt::Let { var: t, .. } if reads.contains(t));
                if !direct && crate::analyze::stmt_mentions(s, b) {
                    ok = false;
                }
            });
            if !ok || !reads.iter().any(|t| self.an.adj(*t)) {
                continue;
            }
            out.push((b, index.clone(), reads, mixed(&format!("__dinv{b}"))));
        }
        out
    }

    /// Loop fusion for `f_vjp` (see the module docs): the function body split around one
    /// fusable loop, or `None` when no loop qualifies (then `f_vjp` calls `f_pullback`).
    pub fn fuse(func: &'a Func, an: &'a Analysis) -> Option<Fused> {
        // Not (yet) for functions with ndarray values: their rules (broadcasting, shaped
        // parameter gradients) have not been checked under fusion.
        if an.kinds.contains(&crate::kinds::Kind::Array) {
            return None;
        }
        // The most deeply nested qualifying loop (likely the most work), and of those the last
        // (the statements after it are the fewest to check).
        let mut candidates = crate::analyze::fusion_candidates(func, an);
        candidates.sort_by_key(|c| {
            let depth = match &func.body.stmts[c.index] {
                Stmt::Loop(l) => loop_depth(&l.body),
                _ => 0,
            };
            std::cmp::Reverse((depth, c.index))
        });
        candidates
            .iter()
            .find_map(|c| Gen::new(func, an).without_presized().try_fuse(c))
    }

    fn try_fuse(&self, c: &crate::analyze::FusionCandidate) -> Option<Fused> {
        let stmts = &self.func.body.stmts;
        let (head, rest) = stmts.split_at(c.index);
        let (Stmt::Loop(l), tail) = rest.split_first()? else {
            return None;
        };
        // Statements after the loop that are independent of it run before it (see
        // `analyze::split_tail`): the head is the statements before the loop and those.
        let (early, tail) = crate::analyze::split_tail(self.func, &rest[0], tail);
        let head: Vec<&Stmt> = head.iter().chain(early).collect();
        // Buffers made before the loop get their adjoints right after them, at full length.
        *self.presize_early.borrow_mut() = head
            .iter()
            .filter_map(|s| match s {
                Stmt::Let { var, .. } if self.an.presized[*var] => Some(*var),
                _ => None,
            })
            .collect();
        // The reverse of the statements after the loop runs before the loop (it gives the
        // accumulators' adjoints), so it must record nothing and read only values that are
        // final before the loop: parameters and body variables declared before the loop that
        // neither the loop nor the statements after it write.
        let tail_rev = self.rev_stmt_refs(&tail, stmts);
        // (Generated for the tapes it registers; emitted below without the hoisted values.)
        let _ = tail
            .iter()
            .map(|s| self.fwd_top(s))
            .collect::<TokenStream>();
        if !self.tapes().is_empty() {
            return None;
        }
        let mut names = std::collections::HashSet::new();
        idents(&tail_rev, &mut names);
        // Trip counts of loops after the loop are made by their forward sweep.
        if names
            .iter()
            .any(|n| n.starts_with("__iters") || n.starts_with("__tape"))
        {
            return None;
        }
        let mut written = crate::analyze::assigned_in_all(std::slice::from_ref(&rest[0]));
        for s in &tail {
            written.extend(crate::analyze::assigned_in_all(std::slice::from_ref(*s)));
        }
        let mut ready: std::collections::HashSet<VarId> = head
            .iter()
            .filter_map(|s| match s {
                Stmt::Let { var, .. } | Stmt::Declare { var } => Some(*var),
                _ => None,
            })
            .chain((0..self.func.vars.len()).filter(|v| self.func.vars[*v].kind == VarKind::Param))
            .filter(|v| !written.contains(v))
            .collect();
        // Values of the statements after the loop that depend on nothing the loop or those
        // statements change (constants such as the `2.0` of `2.0 * s`), and that this reverse
        // reads, are computed before the loop instead (moved, not copied, so that their types
        // are still inferred from their forward uses: `0.25` is `f32` in an `f32` function).
        let mut want: std::collections::HashSet<VarId> = (0..self.func.vars.len())
            .filter(|v| names.contains(&self.v(*v).to_string()))
            .collect();
        for s in tail.iter().rev() {
            if let Stmt::Let { var, op, .. } = s
                && want.contains(var)
            {
                want.extend(op.reads());
            }
        }
        let mut hoisted = TokenStream::new();
        let mut moved = std::collections::HashSet::new();
        for s in &tail {
            if let Stmt::Let { var, op, .. } = s
                && self.func.vars[*var].kind == VarKind::Let
                && !self.an.overwritten[*var]
                // Pure operations that neither move nor borrow their operands (the loop may
                // still use them).
                && matches!(
                    op,
                    Op::Copy(Atom::Const(_))
                        | Op::Neg(_)
                        | Op::Arith(..)
                        | Op::Method { .. }
                        | Op::Cast { .. }
                        | Op::Passive(..)
                        | Op::Index { by_ref: false, .. }
                )
                && op.reads().iter().all(|r| ready.contains(r))
                && want.contains(var)
            {
                hoisted.extend(self.fwd_top(s));
                ready.insert(*var);
                moved.insert(*s as *const Stmt);
            }
        }
        for (v, var) in self.func.vars.iter().enumerate() {
            if names.contains(&var.ident.to_string()) && !ready.contains(&v) {
                return None;
            }
        }
        let tail_rev = quote!(#hoisted #tail_rev);
        let tail_fwd: TokenStream = tail
            .iter()
            .filter(|s| !moved.contains(&(**s as *const Stmt)))
            .map(|s| self.fwd_top(s))
            .collect();
        *self.unsaved.borrow_mut() = crate::analyze::private_fills(self.func, self.an, c.index);
        let fused_loop = self.fused_loop(l, &c.accumulators);
        let head_fwd: TokenStream = head.iter().map(|s| self.fwd_top(s)).collect();
        let head_rev = self.rev_stmt_refs(&head, stmts);
        Some(Fused {
            early_adjoints: self.presize_early.borrow().clone(),
            head_fwd,
            tail_rev,
            fused_loop,
            tail_fwd,
            head_rev,
            tapes: self.tapes(),
        })
    }

    /// A loop whose reverse runs inside its forward sweep: each iteration runs the body, then
    /// the body's reverse (with the accumulators' adjoints known), so the loop makes one pass.
    /// The neighbour carry ([`Gen::neighbour_carry`]) runs forwards: iteration `i` writes
    /// `x̄[i]` once, with the part for `x̄[i + 1]` carried to the next iteration.
    fn fused_loop(&self, l: &Loop, accumulators: &[VarId]) -> TokenStream {
        let rt = rt();
        self.invariant
            .borrow_mut()
            .extend(accumulators.iter().copied());
        self.in_scope.set(Some(l.body.id));
        *self.held_calls.borrow_mut() = self.find_held_calls(&l.body);
        let carries = self.neighbour_carry(l);
        for (_, reads0, reads1, c0, c1, _) in &carries {
            let mut r = self.redirect.borrow_mut();
            for v in reads0 {
                r.insert(*v, c0.clone());
            }
            for v in reads1 {
                r.insert(*v, c1.clone());
            }
        }
        if carries.is_empty() {
            let rev = |this: &Self| {
                let rev = this.rev_block(&l.body, false);
                quote!({ #rev })
            };
            return self.fwd_loop_with(l, Some(&rev), &[]);
        }
        let LoopKind::Range { lo, var, .. } = &l.kind else {
            unreachable!("neighbour carries are found in range loops only")
        };
        let (lo, i) = (self.atom(lo), self.v(*var));
        let n = mixed(&format!("__iters{}", l.id));
        // The reverse of an iteration, per copy of the (versioned) forward loop.
        let rev = |this: &Self| {
            let rev = this.rev_block(&l.body, false);
            let (mut open, mut close) = (quote!(), quote!());
            for (b, _, _, c0, c1, carry) in &carries {
                open.extend(quote!(let mut #c0 = #rt::zero(); let mut #c1 = #rt::zero();));
                let flush = this.acc_exact(*b, quote!(#i), quote!(#carry + #c0));
                close.extend(quote! {
                    #flush
                    #carry = #c1;
                });
            }
            quote!({ #open #rev #close })
        };
        let (mut before, mut after) = (quote!(), quote!());
        for (b, _, _, _, _, carry) in &carries {
            before.extend(quote!(let mut #carry = #rt::zero();));
            after.extend(self.acc_exact(*b, quote!(#rt::range_up(#lo, #n)), quote!(#carry)));
        }
        let carried: Vec<VarId> = carries.iter().map(|c| c.0).collect();
        let looped = self.fwd_loop_with(l, Some(&rev), &carried);
        quote! {
            #before
            #looped
            if #n > 0 {
                #after
            }
        }
    }

    /// Scalar replacement of neighbour accumulations. A loop `for i in lo..hi` whose body
    /// reads a parameter slice `x` only as `x[i]` and `x[i + 1]` adds, in the reverse sweep,
    /// into `x̄[i]` and `x̄[i + 1]` each iteration, so every element is updated twice by
    /// consecutive iterations, a chain through memory. Instead, each iteration sums its two
    /// contributions in registers and writes `x̄[i + 1]` once, carrying the part for `x̄[i]`
    /// to the next (reverse) iteration, as a hand-written gradient does.
    ///
    /// Returns, per eligible slice: the slice, the reads at offset 0 and 1, and the names of
    /// the two per-iteration accumulators and of the carry.
    #[allow(clippy::type_complexity)]
    fn neighbour_carry(
        &self,
        l: &Loop,
    ) -> Vec<(VarId, Vec<VarId>, Vec<VarId>, Ident, Ident, Ident)> {
        let LoopKind::Range {
            var: i, rev: false, ..
        } = &l.kind
        else {
            return Vec::new();
        };
        let body = &l.body;
        // Temporaries `u = i + 1` of the body.
        let next: Vec<VarId> = body
            .stmts
            .iter()
            .filter_map(|s| match s {
                Stmt::Let {
                    var,
                    op: Op::Arith(Arith::Add, a, b),
                    ..
                } => {
                    let one = |x: &Atom| matches!(x, Atom::Const(c) if c.to_string() == "1");
                    let is_i = |x: &Atom| matches!(x, Atom::Var(v) if v == i);
                    ((is_i(a) && one(b)) || (one(a) && is_i(b))).then_some(*var)
                }
                _ => None,
            })
            .collect();
        let mut out = Vec::new();
        for (b, var) in self.func.vars.iter().enumerate() {
            if var.kind != VarKind::Param || !self.seq_adjoint(b) {
                continue;
            }
            let (mut reads0, mut reads1, mut other) = (Vec::new(), Vec::new(), false);
            for s in &body.stmts {
                match s {
                    Stmt::Let {
                        var: t,
                        op:
                            Op::Index {
                                base: Atom::Var(bb),
                                index,
                                by_ref: false,
                            },
                        ..
                    } if *bb == b => match index {
                        Atom::Var(v) if v == i => reads0.push(*t),
                        Atom::Var(v) if next.contains(v) => reads1.push(*t),
                        _ => other = true,
                    },
                    _ => {}
                }
            }
            // Any other use of `x` in the loop (nested, borrowed, passed on) disqualifies it.
            crate::analyze::walk_stmts(&body.stmts, &mut |s| {
                let direct = matches!(s, Stmt::Let { var: t, .. } if reads0.contains(t) || reads1.contains(t));
                if !direct && crate::analyze::stmt_mentions(s, b) {
                    other = true;
                }
            });
            // Reads used only passively (`x[i] <= x[i + 1]`) carry no cotangent.
            reads0.retain(|t| self.an.adj(*t));
            reads1.retain(|t| self.an.adj(*t));
            if other || reads0.is_empty() || reads1.is_empty() {
                continue;
            }
            // Named by variable number: these cannot meet the adjoint names (`__d_x`, `__d3_x`).
            out.push((
                b,
                reads0,
                reads1,
                mixed(&format!("__dhere{b}")),
                mixed(&format!("__dnext{b}")),
                mixed(&format!("__carry{b}")),
            ));
        }
        out
    }

    /// Declarations of the adjoints of the function body's variables: parameters start from
    /// `params` (a zero shaped like the parameter, or a shape-free zero), the result from
    /// `seed`, every other variable with an adjoint from a shape-free zero.
    pub fn body_adjoints(&self, seed: &Ident, shaped_params: bool) -> TokenStream {
        self.body_adjoints_except(seed, shaped_params, &std::collections::HashSet::new())
    }

    /// [`Gen::body_adjoints`] except those of `skip` (declared elsewhere).
    pub fn body_adjoints_except(
        &self,
        seed: &Ident,
        shaped_params: bool,
        skip: &std::collections::HashSet<VarId>,
    ) -> TokenStream {
        let rt = rt();
        let mut out = TokenStream::new();
        for (v, var) in self.func.vars.iter().enumerate() {
            if var.block != 0 || skip.contains(&v) {
                continue;
            }
            let d = self.adj(v);
            if var.kind == VarKind::Param {
                if self.an.active[v] {
                    let x = &var.ident;
                    // Array parameters start from the marker (see `tensor::shaped`).
                    let array = self.an.kinds[v] == crate::kinds::Kind::Array;
                    out.extend(if shaped_params && !array {
                        quote!(let mut #d = #rt::zero_like(&#x);)
                    } else {
                        quote!(let mut #d = #rt::zero();)
                    });
                }
            } else if v == self.func.ret {
                out.extend(quote!(let mut #d = #seed;));
            } else if let Some(len) = self.an.adj(v).then(|| self.presized_len(v)).flatten() {
                // (The buffer itself may have been moved, e.g. returned: use its length.)
                let z = self.derived("__dz", v);
                out.extend(quote!(let mut #d = #z.zeros(#len);));
            } else if self.an.adj(v) {
                out.extend(quote!(let mut #d = #rt::zero();));
            }
        }
        out
    }

    /// The reverse of `recv.mapv(closure)`: the closure body, differentiated as a function of
    /// the element and the captured variables, runs once per element inside the runtime's
    /// `mapv_d0`, which sums the captured variables' cotangents over the elements.
    fn map_partials(&self, recv: &Atom, sub: &Func, captures: &[VarId], span: Span) -> TokenStream {
        let rt = rt_at(span);
        let g = mixed("__g");
        let Some(sub_an) = self.an.subs.get(&(sub as *const Func as usize)) else {
            return quote!();
        };
        let sg = Gen::new(sub, sub_an);
        let fwd = sg.fwd_block(&sub.body);
        let rev = sg.rev_block(&sub.body, true);
        let seed = mixed("__ge");
        let adjoints = sg.body_adjoints(&seed, false);
        let tapes = sg.tapes();
        let tape_decls = tapes.iter().map(|t| quote!(let mut #t = #rt::Tape::new();));
        let flow = sub.flow.map(|f| {
            let f = &sub.vars[f].ident;
            quote!(let mut #f: u32 = 0;)
        });
        let slot = |k: usize| {
            if sub_an.adj(k) {
                let d = sg.adj(k);
                quote!(#d)
            } else {
                quote!(#rt::zero())
            }
        };
        let active_caps: Vec<(usize, VarId)> = captures
            .iter()
            .enumerate()
            .filter(|(_, c)| self.an.adj(**c))
            .map(|(k, c)| (k, *c))
            .collect();
        let d_elem = slot(0);
        let d_caps: Vec<TokenStream> = active_caps.iter().map(|(k, _)| slot(k + 1)).collect();
        let param = &sub.vars[0].ident;
        let x = self.need_arg(recv);
        let (gm, gc) = (mixed("__gm"), mixed("__gc"));
        let mut body = quote_spanned! {span=>
            let (#gm, #gc) = #rt::tensor::mapv_d0(#x, #g, |#param, #seed| {
                #flow
                #(#tape_decls)*
                #fwd
                #adjoints
                #rev
                (#d_elem, (#(#d_caps,)*))
            });
        };
        if let Some(v) = recv.var().filter(|v| self.an.adj(*v)) {
            let d = self.adj(v);
            body.extend(quote!(#rt::acc(&mut #d, #gm);));
        }
        for (j, (_, c)) in active_caps.iter().enumerate() {
            let d = self.adj(*c);
            let j = syn::Index::from(j);
            body.extend(quote!(#rt::acc(&mut #d, #gc.#j);));
        }
        body
    }

    /// Propagates the cotangent `__g` of `op`'s result into its active operands.
    /// `out` is the result's value (for rules that read it).
    fn partials(&self, op: &Op, out: &TokenStream, s: &Stmt, span: Span) -> TokenStream {
        self.partials_but(op, out, s, span, None)
    }

    /// [`Gen::partials`] without the contribution into `skip` (for arithmetic operations).
    fn partials_but(
        &self,
        op: &Op,
        out: &TokenStream,
        s: &Stmt,
        span: Span,
        skip: Option<VarId>,
    ) -> TokenStream {
        let rt = rt_at(span);
        let g = mixed("__g");
        let an = self.an;
        let operands = op.operands();
        let active = |k: usize| operands.get(k).and_then(|a| a.var()).filter(|v| an.adj(*v));
        // One partial per active operand: (operand, rule, primal arguments, span). The
        // cotangent is appended as the rule's last argument below.
        // (The flag: the rule only reads the cotangent, see `rules::borrows_cotangent`.)
        let mut contribs: Vec<(VarId, TokenStream, Vec<TokenStream>, Span, bool)> = Vec::new();
        let kind = |a: &Atom| crate::kinds::atom_kind(a, &an.kinds);
        let need_tokens = |needs: &[Need]| -> Vec<TokenStream> {
            needs
                .iter()
                .map(|n| match n {
                    Need::In(j) => self.need_arg(operands[*j]),
                    Need::Out => out.clone(),
                })
                .collect()
        };
        match op {
            Op::Copy(_) | Op::Deref(_) | Op::CloneOf(_) | Op::Cast { .. } | Op::Neg(_) => {
                let rule = match op {
                    Op::Cast { .. } => "cast_d0",
                    Op::Neg(_) => "neg_d0",
                    _ => "id_d0",
                };
                if let Some(v) = active(0) {
                    let f = Ident::new(rule, span);
                    contribs.push((v, quote!(#f), vec![], span, false));
                }
            }
            Op::Arith(a, x, y) => {
                use crate::kinds::Target;
                let (name, partials) = rules::arith(*a);
                // An operand the forward sweep consumed is known by its shape.
                let consumed = self.in_place_operand(s).map(|a| self.derived("__shape", a));
                let target = |k: usize| match crate::kinds::arith_target(kind(x), kind(y), k) {
                    Target::ScalarPath => None,
                    Target::ToScalar => Some(quote!(#rt::ToScalar)),
                    Target::Same => Some(quote!(#rt::Same)),
                    Target::Operand if k == 0 && consumed.is_some() => {
                        consumed.as_ref().map(|sh| quote!(#sh))
                    }
                    Target::Operand => Some(self.need_arg(operands[k])),
                };
                // Both operands of a tensor `+`/`-` from one rule: the cotangent goes whole to
                // one and the other is reduced from a borrow of it (no copy of `g`).
                if matches!(a, Arith::Add | Arith::Sub)
                    && let (Some(v0), Some(v1)) = (active(0), active(1))
                    && skip.is_none_or(|s| s != v0 && s != v1)
                    && let (Some(t0), Some(t1)) = (target(0), target(1))
                {
                    let f = format_ident!("{}_both", name, span = span);
                    let (g0, g1) = (mixed("__g0"), mixed("__g1"));
                    let (d0, d1) = (self.adj(v0), self.adj(v1));
                    return quote_spanned!(span=>
                        let (#g0, #g1) = #rt::tensor::#f(#t0, #t1, #g);
                        #rt::acc(&mut #d0, #g0);
                        #rt::acc(&mut #d1, #g1);
                    );
                }
                for (k, needs) in partials.iter().enumerate() {
                    if let Some(v) = active(k) {
                        let f = format_ident!("{}_d{}", name, k, span = span);
                        let Some(target) = target(k) else {
                            contribs.push((v, quote!(#f), need_tokens(needs), span, false));
                            continue;
                        };
                        let mut args = vec![target];
                        args.extend(need_tokens(needs));
                        contribs.push((v, quote!(tensor::#f), args, span, false));
                    }
                }
            }
            Op::Method {
                name,
                extra,
                recv,
                args: margs,
                ..
            } => {
                let n = extra
                    .rule
                    .map(str::to_string)
                    .unwrap_or_else(|| name.to_string());
                if let Some(MethodRule::Diff { partials, .. }) = rules::method(&n) {
                    let others = margs.iter().any(|a| an.atom_active(a));
                    let tensor = crate::kinds::method_on_tensor(kind(recv), others);
                    for (k, needs) in partials.iter().enumerate() {
                        if let Some(v) = active(k) {
                            let f = format_ident!("{}_d{}", n, k, span = name.span());
                            let f = if tensor {
                                quote!(tensor::#f)
                            } else {
                                quote!(#f)
                            };
                            contribs.push((v, f, need_tokens(needs), name.span(), false));
                        }
                    }
                } else if let Some(t) = rules::tensor_method(&n) {
                    for (k, needs) in t.partials.iter().enumerate() {
                        let Some(v) = active(k) else { continue };
                        match t.emit {
                            rules::TensorEmit::Rule => {
                                let f = format_ident!("{}_d{}", n, k, span = name.span());
                                let lent = rules::borrows_cotangent(&f.to_string());
                                contribs.push((
                                    v,
                                    quote!(tensor::#f),
                                    need_tokens(needs),
                                    name.span(),
                                    lent,
                                ));
                            }
                            rules::TensorEmit::InPlace(f) => {
                                let f = Ident::new(f, name.span());
                                let d = self.adj(v);
                                let args = need_tokens(needs);
                                let rt = rt_at(name.span());
                                return quote_spanned!(name.span()=> #rt::tensor::#f(&mut #d, #(#args,)* #g););
                            }
                        }
                    }
                }
            }
            Op::Map {
                recv,
                sub,
                captures,
                ..
            } => return self.map_partials(recv, sub, captures, span),
            Op::Concat {
                stack, axis, parts, ..
            } => {
                let ax = self.need_arg(axis);
                for (k, p) in parts.iter().enumerate() {
                    let Some(v) = p.var().filter(|v| an.adj(*v)) else {
                        continue;
                    };
                    let pk = self.need_arg(p);
                    let args = if *stack {
                        vec![ax.clone(), quote!(#k), pk]
                    } else {
                        let before = parts[..k].iter().map(|q| {
                            let q = self.need_arg(q);
                            quote!(+ #rt::tensor::len_of(#q, #ax))
                        });
                        vec![ax.clone(), quote!(0usize #(#before)*), pk]
                    };
                    let f = if *stack {
                        quote!(tensor::stack_d)
                    } else {
                        quote!(tensor::concatenate_d)
                    };
                    contribs.push((v, f, args, span, false));
                }
            }
            Op::Index { base, index, .. } => {
                if let Stmt::Let { var, .. } = s
                    && let Some(local) = self.redirect.borrow().get(var)
                {
                    return quote_spanned!(span=> #rt::acc(&mut #local, #g););
                }
                if let Some(b) = base.var().filter(|v| an.adj(*v)) {
                    let d = self.adj(b);
                    if kind(base) == crate::kinds::Kind::Array || self.func.is_nd_index(index) {
                        let (a, i) = (self.need_arg(base), self.need_arg(index));
                        return quote_spanned!(span=> #rt::tensor::acc_index(&mut #d, #a, #i, #g););
                    }
                    if kind(base) == crate::kinds::Kind::Unknown {
                        // A slice, `Vec` or 1-D array: the base's type decides.
                        let (a, i) = (self.need_arg(base), self.need_arg(index));
                        return quote_spanned!(span=> #rt::tensor::acc_index_any(&mut #d, #a, #i, #g););
                    }
                    let i = self.atom(index);
                    // A parameter's gradient has the parameter's length from the start, and
                    // so has the adjoint of a fixed-length local buffer.
                    if self.exact_adjoint(b) {
                        return self.acc_exact(b, i, quote!(#g));
                    }
                    return quote_spanned!(span=> #rt::acc_index(&mut #d, #i, #g););
                }
                return quote!();
            }
            Op::SliceRef { base, lo, .. } => {
                if let Some(b) = base.var().filter(|v| an.adj(*v)) {
                    let d = self.adj(b);
                    let start = lo
                        .as_ref()
                        .map(|a| self.atom(a))
                        .unwrap_or_else(|| quote!(0usize));
                    return quote_spanned!(span=> #rt::acc_slice(&mut #d, #start, #g););
                }
                return quote!();
            }
            Op::Call {
                args,
                func,
                recompute,
                ..
            } => {
                let gs = mixed("__gs");
                let mut body = if *recompute && !self.held(s) {
                    let pb = self.pullback_path(func);
                    // Borrows of locals are re-made here: the forward sweep's temporaries
                    // holding them are not captured by the reverse sweep.
                    let args: Vec<TokenStream> = args
                        .iter()
                        .map(|a| match (self.func.borrow_def(a), a) {
                            (Some(def), _) => self.fwd_op(def, false),
                            // The reverse sweep may read an owned argument again later.
                            (None, Atom::Var(v))
                                if !an.kinds[*v].is_scalar() && !self.holds_ref(*v) =>
                            {
                                let i = self.v(*v);
                                quote!(::core::clone::Clone::clone(&#i))
                            }
                            (None, _) => self.atom(a),
                        })
                        .collect();
                    quote_spanned!(span=> let #gs = #pb(#(#args),*).1(#g);)
                } else {
                    let Some(pb) = self.pullback_of(s, op) else {
                        return quote!();
                    };
                    quote!(let #gs = #pb(#g);)
                };
                for (k, a) in args.iter().enumerate() {
                    if let Some(v) = a.var().filter(|v| an.adj(*v)) {
                        let d = self.adj(v);
                        let idx = syn::Index::from(k);
                        body.extend(quote_spanned!(span=> #rt::acc_arg(&mut #d, #gs.#idx);));
                    }
                }
                return body;
            }
            Op::Tuple(xs) => {
                let names: Vec<Ident> = (0..xs.len()).map(|k| mixed(&format!("__g{k}"))).collect();
                let mut body = quote!(let (#(#names,)*) = #g;);
                for (k, a) in xs.iter().enumerate() {
                    if let Some(v) = a.var().filter(|v| an.adj(*v)) {
                        let d = self.adj(v);
                        let n = &names[k];
                        body.extend(quote!(#rt::acc(&mut #d, #n);));
                    }
                }
                return body;
            }
            Op::Field(a, idx) => {
                if let Some(v) = a.var().filter(|v| an.adj(*v)) {
                    let d = self.adj(v);
                    return quote!(#rt::acc_field::<#idx, _>(&mut #d, #g););
                }
                return quote!();
            }
            Op::Passive(..) | Op::Opaque { .. } => return quote!(),
        }
        contribs.retain(|(v, ..)| Some(*v) != skip);
        // Rules that only read the cotangent borrow it; it is moved into the last of the
        // others and cloned for the rest.
        let last_owner = contribs.iter().rposition(|c| !c.4);
        let n = contribs.len();
        let mut body = TokenStream::new();
        for (j, (v, f, args, sp, lent)) in contribs.into_iter().enumerate() {
            let gtok = if Some(j) == last_owner || (last_owner.is_none() && j + 1 == n) {
                quote!(#g)
            } else if lent {
                quote!(&#g)
            } else {
                quote!(::core::clone::Clone::clone(&#g))
            };
            let d = self.adj(v);
            let rt = rt_at(sp);
            if f.to_string() == "id_d0" {
                body.extend(quote_spanned!(sp=> #rt::acc(&mut #d, #gtok);));
            } else {
                body.extend(quote_spanned!(sp=> #rt::acc(&mut #d, #rt::#f(#(#args,)* #gtok));));
            }
        }
        body
    }
}

/// Whether any partial of `op` reads the operation's result.
fn reads_out(op: &Op) -> bool {
    match op {
        Op::Method { name, .. } => match rules::method(&name.to_string()) {
            Some(MethodRule::Diff { partials, .. }) => {
                partials.iter().any(|p| p.contains(&Need::Out))
            }
            _ => false,
        },
        _ => false,
    }
}

/// The parts of an `f_vjp` with a fused loop, in the order they run: the statements before
/// the loop, the reverse of the statements after it, the fused loop, the statements after it,
/// and the reverse of the statements before it. `tapes` are the tapes they use.
pub struct Fused {
    /// Buffers whose adjoints `head_fwd` declares (not to be declared again at the top).
    pub early_adjoints: std::collections::HashSet<VarId>,
    pub head_fwd: TokenStream,
    pub tail_rev: TokenStream,
    pub fused_loop: TokenStream,
    pub tail_fwd: TokenStream,
    pub head_rev: TokenStream,
    pub tapes: Vec<Ident>,
}

/// How deeply loops nest inside a block (0: no loop).
fn loop_depth(b: &Block) -> usize {
    b.stmts
        .iter()
        .map(|s| match s {
            Stmt::Loop(l) => 1 + loop_depth(&l.body),
            Stmt::If { then, els, .. } => loop_depth(then).max(loop_depth(els)),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// Every identifier in `ts`, as text.
/// Identifiers that are path segments after `::` (`::ad_runtime::__private::acc`) or method
/// and field names after `.` are left out: they name no variable (a user's `acc` is not the
/// rule `acc`).
fn idents(ts: &TokenStream, out: &mut std::collections::HashSet<String>) {
    // (`::` is two `:` in a row; a `.` right after another `.` is part of `..`, a range.)
    let (mut colon, mut dot, mut after_path_or_dot) = (false, false, false);
    for tt in ts.clone() {
        match &tt {
            proc_macro2::TokenTree::Ident(i) => {
                if !after_path_or_dot {
                    out.insert(i.to_string());
                }
            }
            proc_macro2::TokenTree::Group(g) => idents(&g.stream(), out),
            proc_macro2::TokenTree::Punct(_) | proc_macro2::TokenTree::Literal(_) => {}
        }
        let (c, d) = match &tt {
            proc_macro2::TokenTree::Punct(p) => (p.as_char() == ':', p.as_char() == '.'),
            _ => (false, false),
        };
        after_path_or_dot = (d && !dot) || (c && colon);
        // A third `.` (`..=` is not, but `...` never appears) would count as a field access.
        colon = c;
        dot = d && !dot;
    }
}
