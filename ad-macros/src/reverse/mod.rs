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
//!   ([`crate::sema::rules::borrows_cotangent`]: the matrix products) and moved into the last of
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
//! loop qualifies ([`crate::reverse::plan::fusion_candidates`], then [`Gen::try_fuse`]) when:
//!
//! - it is a statement of the function body (runs once) and has reverse code;
//! - every variable declared outside it that it writes is either *scratch space* of each
//!   iteration ([`crate::reverse::plan::iteration_private`]: a fixed-length buffer that every
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
//!   kept after it) writes or reads move before the loop ([`crate::reverse::plan::split_tail`]; a
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

mod buffers;
mod checkpoint;
pub mod emit;
mod forward;
mod fusion;
mod hoist;
mod loops;
mod operands;
mod partials;
pub mod plan;
mod sweep;
mod tapes;
pub(crate) mod unchecked;

pub use fusion::Fused;

use crate::ir::*;
use crate::reverse::plan::Analysis;
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use std::cell::RefCell;
use std::collections::BTreeMap;
use syn::Ident;

pub struct Gen<'a> {
    pub func: &'a Func,
    pub an: &'a Analysis,
    /// Tapes used, in order of first use (declared at the top of the pullback).
    pub(super) tapes: RefCell<Vec<Ident>>,
    pub(super) block_vars: BTreeMap<BlockId, Vec<VarId>>,
    /// Element reads whose cotangent goes to a register instead of the gradient vector
    /// (see [`Gen::neighbour_carry`]): read variable -> local accumulator.
    pub(super) redirect: RefCell<std::collections::HashMap<VarId, Ident>>,
    /// Matrix adjoints whose rank-1 updates the enclosing reverse loop gathers (see
    /// [`Gen::outer_batches`]): matrix -> its batch.
    pub(super) outer: RefCell<std::collections::HashMap<VarId, Ident>>,
    /// Per loop body: the tapes its own statements push to whose room the loop reserves
    /// exactly (see [`Gen::exact_reservations`]); those pushes cannot grow the tape.
    pub(super) reserved: RefCell<std::collections::HashMap<BlockId, Vec<Ident>>>,
    /// The block whose statement the forward sweep is emitting.
    pub(super) cur_block: std::cell::Cell<BlockId>,
    /// Whether adjoints of fixed-length buffers start at their length (see
    /// [`Gen::presized_len`]); in a fused `f_vjp`, whose adjoints are declared before the
    /// buffers exist, only those of `presize_early`.
    pub(super) presize: bool,
    /// Calls on borrowed locals (recompute mode, see [`Op::Call`]) at the top of a fused loop's
    /// body whose borrowed locals nothing after them in the body writes (by statement address):
    /// their pullback is kept from the forward call until its reverse in the same iteration,
    /// instead of calling the callee again there.
    pub(super) held_calls: RefCell<std::collections::HashSet<usize>>,
    /// Element writes whose old values need no record (by statement address): the fills of a
    /// fused loop's scratch buffers (see `analyze::private_fills`).
    pub(super) unsaved: RefCell<std::collections::HashSet<usize>>,
    /// Element accesses emitted without bounds checks (by statement address), while the
    /// checked-once copy of their loop is emitted (see [`hoist`]).
    pub(super) hoisted: RefCell<std::collections::HashSet<usize>>,
    /// Element accesses of the reverse sweep that the enclosing reverse loop's guard proved
    /// in bounds (see [`Gen::reverse_checks`]): emitted without bounds checks.
    pub(super) proven: RefCell<std::collections::HashSet<hoist::Access>>,
    /// In a fused `f_vjp`: the buffers made before the fused loop, whose adjoints are
    /// declared (at the buffer's length) right after them instead of at the top, and the
    /// local structs made there whose type the body does not show (their adjoints are made
    /// from the value).
    pub(super) presize_early: RefCell<std::collections::HashSet<VarId>>,
    /// Adjoints written exactly once ([`plan::written_once`]): declared without a value,
    /// assigned their one contribution, read without `take`.
    pub(super) once: std::collections::HashSet<VarId>,
    /// Names derived from variables ([`Gen::derived`]), made once each.
    names: RefCell<std::collections::HashMap<(&'static str, VarId), Ident>>,
    /// Accumulators of a fused loop (see [`Gen::fuse`]): their adjoint is read, not taken and
    /// given back, by the reverse of their accumulation statements.
    pub(super) invariant: RefCell<std::collections::HashSet<VarId>>,
    /// The body of a fused loop, whose reverse runs right after its forward in the same
    /// scope: its values are still there, so they are neither stored nor recomputed.
    pub(super) in_scope: std::cell::Cell<Option<BlockId>>,
    /// Whether the block whose forward sweep is being generated has reverse code (then it
    /// records its stored values).
    pub(super) block_rev: std::cell::Cell<bool>,
}

pub(super) fn rt() -> TokenStream {
    crate::codegen::runtime_path()
}

/// The runtime path spanned on user code, so errors in a generated rule call point there.
pub(super) fn rt_at(span: Span) -> TokenStream {
    crate::codegen::runtime_path_at(span)
}

pub(super) fn mixed(name: &str) -> Ident {
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
            outer: RefCell::new(std::collections::HashMap::new()),
            reserved: RefCell::new(std::collections::HashMap::new()),
            cur_block: std::cell::Cell::new(0),
            presize: true,
            presize_early: RefCell::new(std::collections::HashSet::new()),
            once: plan::written_once(func, an),
            names: RefCell::new(std::collections::HashMap::new()),
            held_calls: RefCell::new(std::collections::HashSet::new()),
            unsaved: RefCell::new(std::collections::HashSet::new()),
            hoisted: RefCell::new(std::collections::HashSet::new()),
            proven: RefCell::new(std::collections::HashSet::new()),
            invariant: RefCell::new(std::collections::HashSet::new()),
            block_rev: std::cell::Cell::new(false),
            in_scope: std::cell::Cell::new(None),
        }
    }

    /// Whether `v` holds a borrow made in its block (`&x[i]` of a loop over `x.iter()`).
    pub(super) fn is_borrow(&self, v: VarId) -> bool {
        // (A field read kept as an owned copy, see `Analysis::owned_copy`, holds no borrow.)
        self.func.borrow_def(&Atom::Var(v)).is_some() && !self.an.owned_copy[v]
    }

    /// Whether loop `id` is a statement of the function body itself (runs at most once).
    pub(super) fn top_level(&self, id: usize) -> bool {
        self.func
            .body
            .stmts
            .iter()
            .any(|s| matches!(s, Stmt::Loop(l) if l.id == id))
    }

    /// An `if` of the function body (or of a fused loop's body) whose condition is an
    /// immutable value still in scope in the reverse sweep: the branch taken is re-read from
    /// it instead of a tape.
    pub(super) fn cond_in_scope(&self, s: &Stmt) -> bool {
        let Stmt::If { cond, .. } = s else {
            return false;
        };
        let top = self.func.body.stmts.iter().any(|t| std::ptr::eq(t, s));
        // A statement of a fused loop's body: its reverse runs in the same scope.
        let fused = self.in_scope.get().is_some_and(|id| {
            crate::ir::find_block(&self.func.body, id)
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

    pub(super) fn v(&self, v: VarId) -> &Ident {
        &self.func.vars[v].ident
    }

    /// A generated name derived from variable `v`: `<prefix>_x` for a parameter or the first
    /// binding of a user name, `<prefix><id>...` otherwise, so generated names never collide.
    pub(super) fn derived(&self, prefix: &'static str, v: VarId) -> Ident {
        if let Some(i) = self.names.borrow().get(&(prefix, v)) {
            return i.clone();
        }
        // Without a raw prefix (`r#fn` -> `__d_fn`): `__d_r#fn` is no identifier.
        let name = syn::ext::IdentExt::unraw(&self.func.vars[v].ident).to_string();
        let i = if name.starts_with("__") {
            mixed(&format!("{prefix}{v}_{}", name.trim_start_matches('_')))
        } else if name.contains("__") {
            mixed(&format!("{prefix}{v}_{name}"))
        } else {
            mixed(&format!("{prefix}_{name}"))
        };
        self.names.borrow_mut().insert((prefix, v), i.clone());
        i
    }

    /// The gradient a parameter's slot returns: its adjoint (shaped, for arrays).
    pub fn param_gradient(&self, v: VarId) -> TokenStream {
        let d = self.adj(v);
        let array = self.an.kinds[v] == crate::sema::kinds::Kind::Array;
        match self.reassigned_param_shape(v) {
            // Assigned in the body: shaped like the value on entry.
            Some(z) if array => quote!(::ad_runtime::__private::tensor::shaped(#d, &#z)),
            Some(z) => quote!({
                let mut __g = #z;
                ::ad_runtime::Accumulate::accumulate(&mut __g, #d);
                __g
            }),
            None if array => {
                let x = self.v(v);
                quote!(::ad_runtime::__private::tensor::shaped(#d, &#x))
            }
            None => quote!(#d),
        }
    }

    /// The adjoint (cotangent accumulator) of `v`.
    pub fn adj(&self, v: VarId) -> Ident {
        self.derived("__d", v)
    }

    pub(super) fn atom(&self, a: &Atom) -> TokenStream {
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
}

/// Every identifier in `ts`, as text.
/// Identifiers that are path segments after `::` (`::ad_runtime::__private::acc`) or method
/// and field names after `.` are left out: they name no variable (a user's `acc` is not the
/// rule `acc`).
pub(super) fn idents(ts: &TokenStream, out: &mut std::collections::HashSet<String>) {
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
