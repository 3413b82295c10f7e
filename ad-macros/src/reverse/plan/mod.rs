//! The reverse-mode plan, computed from the IR before the sweeps are printed: what the
//! reverse sweep needs and whether it recomputes or stores each value (`analyze`), which
//! overwrites save their old values ([`saves`]), facts about buffers ([`buffers`]), and the
//! loops fusion may run ([`fusion`]). Activity, usefulness and the checks come from `sema`.
//!
//!
//! 1. **Activity** (forward): which variables depend on a differentiated parameter.
//! 2. **Usefulness** (backward): which active variables reach the result. Only variables
//!    that are both get adjoints; only statements defining them get reverse code.
//! 3. **Checks**: an operation on active values without a derivative rule is an error here,
//!    at compile time, spanned on the operation (never a silent zero).
//! 4. **Needed values** (to-be-recorded): which primal values the reverse sweep reads.
//!    A needed value local to an inner block (loop body, branch) is **recomputed** at the
//!    start of that block's reverse (pure, cheap operations whose inputs need no restoring
//!    there: Rosenbrock's `x[i+1] - x[i]*x[i]` needs no tape at all), or **recomputed late**,
//!    right before its only consumer, when its inputs are restored there anyway (`y * a`
//!    before `y = (y * a).sin() + x`), or **stored** at the end of the block and popped at the
//!    start of its reverse. Calls are never recomputed: the caller stores the callee's
//!    pullback instead. Nor are scalar transcendentals (`exp`, `tanh`, ..., see `costly`):
//!    recording a result costs a few cycles, recomputing it tens.
//! 5. **Saves** (flow-sensitive): an overwrite pushes the old value, to be restored in the
//!    reverse sweep (Tapenade's and Clad's restore), only if the reverse sweep reads the
//!    variable at some point that is not strictly after the overwrite (later in the text and
//!    in no common loop). An accumulator `s += e` read only after its loop records nothing.
//!    Two kinds of overwrite never record: integer counter steps (`i += k`, see
//!    [`counter_step`]), which the reverse sweep **undoes** by the inverse step (at the start
//!    of the block's reverse when nothing after the step in its block mentions the counter,
//!    so values copied from the counter earlier can be recomputed there), and the writes of a
//!    loop that **refills** a whole fixed-length buffer at the top of a loop body
//!    ([`Analysis::rebuilds`]), which the reverse of that body runs again instead.
//!
//! Smaller facts for the reverse sweep: element increments `v[i] += e` whose old element is
//! read nowhere else ([`Analysis::increments`]), buffers with a fixed length
//! ([`Analysis::presized`]), and nested range loops whose trip count can be recomputed from
//! their bounds ([`recounted`]).
//!
//! For loop fusion (`f_vjp`, see the `reverse` module docs): the candidate loops of the function body
//! ([`fusion_candidates`]), the buffers that are scratch space of each iteration
//! ([`iteration_private`]) and the fills among their writes that need no record
//! ([`private_fills`]), and which statements after a loop can run before it ([`split_tail`]).
//! For compile time: the adjoints written exactly once ([`written_once`]).
//!
//! Statements are identified by address (`&Stmt as *const _ as usize`) in the sets that
//! refer to them; the IR is not modified after parsing, so addresses are stable.

mod buffers;
pub mod fusion;
mod needs;
mod once;
mod saves;

use crate::sema::activity::{atom_active, op_output_active};
use buffers::*;
pub use buffers::{fill_inputs, iteration_private};
pub use fusion::{FusionCandidate, fusion_candidates, is_accumulation, private_fills, split_tail};
pub use needs::{map_by_output, op_needs};
pub use once::written_once;
use saves::*;

use crate::ctxt::Ctxt;
use crate::ir::*;
use crate::sema::kinds::{self, Kind};
use crate::sema::rules::{self, MethodRule, Need};
use std::collections::{BTreeSet, HashMap, HashSet};

pub struct Analysis {
    pub active: Vec<bool>,
    pub useful: Vec<bool>,
    pub needed: Vec<bool>,
    /// Block-local values recomputed at the start of their block's reverse.
    pub recompute: Vec<bool>,
    /// Counters of range loops (rebuilt from the iteration number in the reverse sweep).
    pub range_counter: Vec<bool>,
    /// Variables overwritten after their definition (assignments, element writes, pushes).
    pub overwritten: Vec<bool>,
    /// Overwrites (by statement address) that push the old value for the reverse sweep.
    pub saves: HashSet<usize>,
    /// Integer counter steps (`i += k`, `i -= k`, by statement address) that the reverse
    /// sweep undoes by the inverse step instead of recording the old value.
    pub undo: HashSet<usize>,
    /// Counter steps with nothing after them in their block that mentions the counter: their
    /// undo runs at the start of the block's reverse (before the values recomputed there).
    pub hoisted: HashSet<usize>,
    /// Loop-body values recomputed in the reverse sweep right before their only consumer
    /// (by statement address), where their inputs still hold the values they were computed
    /// from: `t = y * a` before `y = t.sin() + x` needs no tape once `y` is restored.
    pub late: Vec<Option<usize>>,
    /// `let` values whose shape, not value, the reverse sweep reads (the operand of a tensor
    /// `+`, `-`, `*` or `/` that the rule reduces a cotangent to, see `needs::shape_target`):
    /// the forward sweep records `tensor::shape_of_value` right after the definition (pushed
    /// per iteration in a block with reverse code), so the value is neither stored nor
    /// recomputed for it.
    pub shape_only: Vec<bool>,
    /// Element increments `v[i] = t + e` (`v[i] += e`, `v[i] -= e`) whose `t = v[i]` is read
    /// only there (by statement address): the cotangent of `v[i]` passes through unchanged,
    /// so the reverse sweep reads it instead of taking it out and adding it back, and `t`
    /// gets no adjoint.
    pub increments: HashSet<usize>,
    /// Loops that fill a whole fixed-length buffer, `for j in 0..n { .. b[j] = e; }`, at the
    /// top of a loop body, with nothing else in the enclosing loop writing the buffer (by the
    /// loop statement's address, with the buffer). The forward sweep records no old values
    /// of `b`; the reverse of the enclosing body re-runs the fill at its start instead (when
    /// the reverse reads `b`), so `b` holds this iteration's values throughout.
    pub rebuilds: HashMap<usize, VarId>,
    /// Views of the function's own arrays (`k.t()` of a local `k`): a closure that outlives
    /// the body cannot hold them, so the reverse sweep re-makes those of the function body from
    /// their base, and a loop body that stores one stores an owned copy.
    pub reborrow: Vec<bool>,
    /// Field reads and array views of the function body whose base a later statement writes
    /// (`let a = q.w[0];` is `let w = q.w; ..` then `q.b = ..`): made as owned copies
    /// (`__private::owned`), which the reverse sweep captures, since no borrow of the base
    /// may outlive that write.
    pub owned_copy: Vec<bool>,
    /// Local buffers of the function body made by `vec![c; n]` and never resized or
    /// reassigned: their adjoints start as zeros of the buffer's length, so accumulating into
    /// an element needs no growth check.
    pub presized: Vec<bool>,
    /// Static kinds (scalar, array, ...), see [`crate::sema::kinds`].
    pub kinds: Vec<Kind>,
    /// The analyses of closure bodies of elementwise maps ([`Op::Map`]), by the address of
    /// their function.
    pub subs: HashMap<usize, Analysis>,
}

impl Analysis {
    /// The variable gets an adjoint.
    pub fn adj(&self, v: VarId) -> bool {
        self.active[v] && self.useful[v]
    }

    /// Stored at the end of its block and popped at the start of the block's reverse.
    pub fn stored(&self, func: &Func, v: VarId) -> bool {
        self.needed[v]
            && func.vars[v].block != 0
            && !self.recompute[v]
            && self.late[v].is_none()
            && !self.range_counter[v]
            && func.vars[v].kind != VarKind::Param
    }

    /// The overwrite `s` pushes the old value (and its reverse pops it back).
    pub fn saves(&self, s: &Stmt) -> bool {
        self.saves.contains(&(s as *const Stmt as usize))
    }

    /// The counter step `s` is undone in the reverse sweep (see [`counter_step`]).
    pub fn undoes(&self, s: &Stmt) -> bool {
        self.undo.contains(&(s as *const Stmt as usize))
    }

    /// The undo of `s` runs at the start of its block's reverse rather than in place.
    pub fn hoists(&self, s: &Stmt) -> bool {
        self.undoes(s) && self.hoisted.contains(&(s as *const Stmt as usize))
    }

    /// The statement has derivative work (propagates a cotangent).
    pub fn work(&self, s: &Stmt) -> bool {
        match s {
            Stmt::Let { var, op, .. } | Stmt::Assign { var, op, .. } => {
                self.adj(*var) && self.op_active(op)
            }
            Stmt::IndexAssign { base, op, .. } => self.adj(*base) && self.op_active(op),
            Stmt::Push { base, value, .. } => self.adj(*base) && self.atom_active(value),
            _ => false,
        }
    }

    /// An overwrite, by a value that does not depend on the differentiated parameters, of a
    /// variable (or element) that has an adjoint: its reverse zeroes the adjoint, since the
    /// value overwritten contributes nothing from there on.
    pub fn kills(&self, s: &Stmt) -> bool {
        match s {
            Stmt::Assign { var, op, .. } => self.adj(*var) && !self.op_active(op),
            Stmt::IndexAssign { base, op, .. } => self.adj(*base) && !self.op_active(op),
            _ => false,
        }
    }

    /// The statement produces any reverse-sweep code (work or restores).
    pub fn has_rev(&self, s: &Stmt) -> bool {
        match s {
            Stmt::Let { .. } => self.work(s),
            Stmt::Assign { .. } => self.work(s) || self.saves(s) || self.undoes(s) || self.kills(s),
            Stmt::IndexAssign { .. } => self.work(s) || self.saves(s) || self.kills(s),
            Stmt::Push { base, .. } => self.work(s) || self.needed[*base],
            Stmt::If { then, els, .. } => self.block_has_rev(then) || self.block_has_rev(els),
            Stmt::Loop(l) => self.block_has_rev(&l.body),
            Stmt::Declare { .. } | Stmt::Effect { .. } | Stmt::SetFlow(_) => false,
        }
    }

    pub fn block_has_rev(&self, b: &Block) -> bool {
        b.stmts.iter().any(|s| self.has_rev(s))
    }

    pub fn atom_active(&self, a: &Atom) -> bool {
        a.var().is_some_and(|v| self.active[v])
    }

    /// Whether the operation's result depends on an active operand.
    pub fn op_active(&self, op: &Op) -> bool {
        op_output_active(op, &self.active)
    }
}

/// A scalar transcendental function (`exp`, `tanh`, `powf`, ...): tens of cycles, against
/// a few for recording its result. When the reverse sweep reads such a value (the rules of
/// `exp`, `exp2`, `exp_m1`, `tanh`, `powf`, `sqrt`, ... read the result), it is stored rather
/// than recomputed. (Arithmetic stays recomputed; so do array methods, whose results would be
/// stored as whole arrays.)
fn costly(op: &Op, kind: &Kind) -> bool {
    let Op::Method { name, .. } = op else {
        return false;
    };
    *kind == Kind::Scalar
        && matches!(
            name.to_string().as_str(),
            "exp"
                | "exp2"
                | "exp_m1"
                | "ln"
                | "ln_1p"
                | "log"
                | "log2"
                | "log10"
                | "powf"
                | "powi"
                | "sin"
                | "cos"
                | "tan"
                | "sin_cos"
                | "asin"
                | "acos"
                | "atan"
                | "atan2"
                | "sinh"
                | "cosh"
                | "tanh"
                | "asinh"
                | "acosh"
                | "atanh"
                | "cbrt"
                | "hypot"
        )
}

/// An integer counter step `i = i + k`, `i = k + i` or `i = i - k` (what `i += k` and
/// `i -= k` lower to): `i` is a non-differentiated integer (kind `Other`), and the step `k` an
/// integer literal or an integer variable that is never reassigned, so the reverse sweep can
/// restore the old value exactly by the inverse step (wrapping, like the forward step in
/// release builds) instead of recording it. Returns the counter, the step and whether the
/// step subtracts.
pub fn counter_step<'s>(
    s: &'s Stmt,
    kinds: &[Kind],
    active: &[bool],
    overwritten: &[bool],
) -> Option<(VarId, &'s Atom, bool)> {
    let Stmt::Assign {
        var,
        op: Op::Arith(a, x, y),
        init: false,
        ..
    } = s
    else {
        return None;
    };
    let v = *var;
    let (step, sub) = match (a, x, y) {
        (Arith::Add, Atom::Var(x), k) if *x == v => (k, false),
        (Arith::Add, k, Atom::Var(y)) if *y == v => (k, false),
        (Arith::Sub, Atom::Var(x), k) if *x == v => (k, true),
        _ => return None,
    };
    if kinds[v] != Kind::Other || active[v] {
        return None;
    }
    let step_ok = match step {
        Atom::Var(k) => *k != v && kinds[*k] == Kind::Other && !active[*k] && !overwritten[*k],
        Atom::Const(c) => matches!(
            syn::parse2::<syn::Expr>(c.clone())
                .as_ref()
                .map(crate::front::strip),
            Ok(syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(_),
                ..
            }))
        ),
        Atom::Ref(_) => false,
    };
    step_ok.then_some((v, step, sub))
}

/// A range loop nested in another statement, that always runs to the end of its range (no
/// `break`, `return` or labelled `continue` of an outer loop inside): the reverse sweep
/// recomputes its trip count from the bounds instead of recording it. (A loop of the function
/// body itself keeps its count in a local, which costs nothing.)
pub fn recounted(func: &Func, l: &Loop) -> bool {
    if !matches!(l.kind, LoopKind::Range { .. })
        || func
            .body
            .stmts
            .iter()
            .any(|s| matches!(s, Stmt::Loop(t) if t.id == l.id))
    {
        return false;
    }
    let mut codes = BTreeSet::new();
    crate::ir::escape_codes(&l.body.stmts, &mut codes);
    codes.remove(&l.continue_code);
    codes.is_empty()
}

pub fn analyze(cx: &Ctxt, func: &Func, active_params: &[VarId]) -> Analysis {
    let n = func.vars.len();
    let kinds = kinds::infer(func);
    let (reborrow, owned_copy) = reborrows(func, &kinds);
    let active = crate::sema::activity::activity(func, active_params);
    let mut useful = crate::sema::activity::usefulness(func, &active);
    // Element increments (see `Analysis::increments`): the old element gets no adjoint.
    let increments = buffers::find_increments(func, &kinds, &mut useful);
    let subs = crate::sema::check::check(cx, func, &active, &kinds, analyze);

    // 4. Needed values, recomputation and storage.
    let mut overwritten = vec![false; n];
    walk(&func.body, &mut |s| match s {
        Stmt::Assign {
            var, init: false, ..
        } => overwritten[*var] = true,
        Stmt::IndexAssign { base, .. } | Stmt::Push { base, .. } => overwritten[*base] = true,
        _ => {}
    });
    // Variables a method call or an opaque expression may change (`w.swap(0, 1)`): the
    // reverse sweep cannot restore them, so nothing read from them is recomputed there.
    let mut mutated = vec![false; n];
    walk(&func.body, &mut |s| {
        for v in crate::ir::may_mutate_stmt(s) {
            mutated[v] = true;
            overwritten[v] = true;
        }
    });
    // Integer counter steps, undone by the inverse step in the reverse sweep: their writes
    // cost no record, so they do not stop values read from the counter from being recomputed.
    let mut steps: HashSet<usize> = HashSet::new();
    walk(&func.body, &mut |s| {
        if counter_step(s, &kinds, &active, &overwritten).is_some() {
            steps.insert(s as *const Stmt as usize);
        }
    });
    // Steps that nothing after them in their block mentions: undone at the block's reverse
    // start, so a value copied from the counter earlier in the block (`let t = i; ..; i += 1`)
    // can be recomputed there.
    let mut trailing: HashSet<usize> = HashSet::new();
    walk_blocks(&func.body, &mut |b| {
        if b.id == 0 {
            return;
        }
        for (k, s) in b.stmts.iter().enumerate() {
            if let Some((v, step, _)) = counter_step(s, &kinds, &active, &overwritten)
                && !b.stmts[k + 1..].iter().any(|t| mentions_anywhere(t, v))
                // (Not a step made in the block itself, `let k = ..; i += k;`: at the block's
                // reverse start it is not yet there.)
                && !matches!(step, Atom::Var(kv) if b.stmts[..k].iter().any(|t| {
                    matches!(t, Stmt::Let { var, .. } if var == kv)
                }))
            {
                trailing.insert(s as *const Stmt as usize);
            }
        }
    });
    // Buffers refilled by a whole-buffer loop in each iteration of a loop: the fill's writes
    // are never recorded (the reverse re-runs the fill), so they do not count as writes.
    let presized = presized(func, &kinds);
    let mut rebuilds = find_rebuilds(func, &kinds, &presized, &trailing);
    let (mut at, mut ends) = (HashMap::new(), HashMap::new());
    number(&func.body, &mut Vec::new(), &mut 0, &mut at, &mut ends);
    // Where each variable is overwritten, to prefer storing a loop-body value over
    // recomputing it from a variable that would then have to be restored at every write.
    let writes_except = |kills: &HashSet<usize>| {
        let mut writes: HashMap<VarId, Vec<Place>> = HashMap::new();
        walk(&func.body, &mut |s| {
            for v in crate::ir::may_mutate_stmt(s) {
                writes
                    .entry(v)
                    .or_default()
                    .push(at[&(s as *const Stmt as usize)].clone());
            }
            match s {
                Stmt::Assign {
                    var, init: false, ..
                }
                | Stmt::IndexAssign { base: var, .. }
                | Stmt::Push { base: var, .. }
                    if !steps.contains(&(s as *const Stmt as usize))
                        && !kills.contains(&(s as *const Stmt as usize)) =>
                {
                    writes
                        .entry(*var)
                        .or_default()
                        .push(at[&(s as *const Stmt as usize)].clone());
                }
                _ => {}
            }
        });
        writes
    };
    // Restoring an input at every write costs more than recording the buffer: a fill is
    // rebuilt only if its inputs need no restoring at the end of the enclosing body.
    let (kill_writes, writes) = loop {
        let kills: HashSet<usize> = rebuilds
            .keys()
            .map(|k| kill_write(func, *k).expect("a rebuilt fill has its write"))
            .collect();
        let writes = writes_except(&kills);
        let before = rebuilds.len();
        rebuilds.retain(|k, _| {
            let Some(block) = enclosing_block(func, *k) else {
                return false;
            };
            let end = &ends[&block];
            fill_inputs(func, *k).iter().all(|r| {
                writes.get(r).is_none_or(|ws| {
                    ws.iter()
                        .all(|w| end.strictly_after(w) || w.loops.len() < end.loops.len())
                })
            })
        });
        if rebuilds.len() == before {
            break (kills, writes);
        }
    };
    let mut range_counter = vec![false; n];
    let mut recompute = vec![false; n];
    let mut late: Vec<Option<usize>> = vec![None; n];
    let mut late_consumer: Vec<Option<VarId>> = vec![None; n];
    let mut def_op: Vec<Option<&Op>> = vec![None; n];
    walk_blocks(&func.body, &mut |b| {
        // Suffix sets of variables assigned after each statement of this block.
        let mut after: Vec<BTreeSet<VarId>> = vec![BTreeSet::new(); b.stmts.len() + 1];
        for (k, s) in b.stmts.iter().enumerate().rev() {
            let mut set = after[k + 1].clone();
            if !trailing.contains(&(s as *const Stmt as usize)) {
                assigned_in(s, &mut set);
            }
            after[k] = set;
        }
        for (k, s) in b.stmts.iter().enumerate() {
            if let Stmt::Loop(Loop {
                kind: LoopKind::Range { var, .. },
                ..
            }) = s
            {
                range_counter[*var] = true;
            }
            let Stmt::Let { var, op, .. } = s else {
                continue;
            };
            def_op[*var] = Some(op);
            if b.id == 0 || func.vars[*var].kind != VarKind::Let || overwritten[*var] {
                continue;
            }
            let cheap =
                !matches!(op, Op::Call { .. } | Op::Opaque { .. }) && !costly(op, &kinds[*var]);
            let stable = op.reads().iter().all(|r| !after[k + 1].contains(r));
            // The block's reverse starts at its end: an input written anywhere that is not
            // strictly before that point would have to be restored for the recomputation.
            let end = &ends[&b.id];
            // Writes in fewer loops than the block run less often than the value would be
            // stored, so restoring the input there is the cheaper way.
            let free = op.reads().iter().all(|r| {
                writes.get(r).is_none_or(|ws| {
                    ws.iter()
                        .all(|w| end.strictly_after(w) || w.loops.len() < end.loops.len())
                })
            });
            let unchanged = op.reads().iter().all(|r| !mutated[*r]);
            recompute[*var] = cheap && stable && free && unchanged;
        }
        // Late recomputation for the values that are neither free to recompute at the block's
        // reverse start nor worth storing: one direct consumer in the same block, and no
        // write to their inputs from their definition through that consumer.
        for (k, st) in b.stmts.iter().enumerate() {
            let Stmt::Let { var: t, op, .. } = st else {
                continue;
            };
            if b.id == 0
                || func.vars[*t].kind != VarKind::Let
                || overwritten[*t]
                || recompute[*t]
                || matches!(op, Op::Call { .. } | Op::Opaque { .. })
                || costly(op, &kinds[*t])
            {
                continue;
            }
            let mut consumer = None;
            let mut single = true;
            for (j, s2) in b.stmts.iter().enumerate().skip(k + 1) {
                let direct = match s2 {
                    Stmt::Let { op, .. } | Stmt::Assign { op, .. } => op.reads().contains(t),
                    Stmt::IndexAssign { op, index, .. } => {
                        op.reads().contains(t) || index.var() == Some(*t)
                    }
                    Stmt::Push { value, .. } => value.var() == Some(*t),
                    _ => false,
                };
                if direct && consumer.is_none() {
                    consumer = Some(j);
                } else if direct || reads_nested(s2, *t) {
                    single = false;
                    break;
                }
            }
            let (Some(j), true) = (consumer, single) else {
                continue;
            };
            let mut written = BTreeSet::new();
            for s3 in &b.stmts[k + 1..=j] {
                assigned_in(s3, &mut written);
            }
            let reads = op.reads();
            if reads
                .iter()
                .any(|r| written.contains(r) || late[*r].is_some() || mutated[*r])
            {
                continue;
            }
            // Only where it costs no new records: each input is either not written again
            // before the consumer's reverse, or read by this value's own derivative anyway
            // (so its overwrites are recorded already).
            let at_consumer = {
                let p = &at[&(&b.stmts[j] as *const Stmt as usize)];
                Place {
                    pos: p.pos + 1,
                    loops: p.loops.clone(),
                }
            };
            let own: Vec<VarId> = op_needs(func, op, *t, &active, &kinds)
                .into_iter()
                .map(|(v, _)| v)
                .collect();
            let costless = reads.iter().all(|r| {
                own.contains(r)
                    || writes
                        .get(r)
                        .is_none_or(|ws| ws.iter().all(|w| at_consumer.strictly_after(w)))
            });
            if !costless {
                continue;
            }
            late[*t] = Some(&b.stmts[j] as *const Stmt as usize);
            if let Stmt::Let { var: u, .. } = &b.stmts[j] {
                late_consumer[*t] = Some(*u);
            }
        }
    });

    let mut an = Analysis {
        active,
        useful,
        needed: vec![false; n],
        recompute,
        range_counter,
        overwritten,
        reborrow,
        owned_copy,
        presized,
        increments,
        rebuilds,
        kinds,
        subs,
        saves: HashSet::new(),
        undo: HashSet::new(),
        hoisted: trailing,
        late,
        shape_only: vec![false; n],
    };
    // Until the save analysis below runs, every overwrite of a needed variable saves (or,
    // for a counter step, is undone).
    let all_overwrites = |an: &mut Analysis| {
        let (mut saves, mut undo) = (HashSet::new(), HashSet::new());
        walk(&func.body, &mut |s| match s {
            Stmt::Assign {
                var, init: false, ..
            }
            | Stmt::IndexAssign { base: var, .. }
                if an.needed[*var] =>
            {
                let addr = s as *const Stmt as usize;
                if steps.contains(&addr) {
                    undo.insert(addr);
                } else if !kill_writes.contains(&addr) {
                    saves.insert(addr);
                }
            }
            _ => {}
        });
        an.saves = saves;
        an.undo = undo;
    };
    loop {
        loop {
            all_overwrites(&mut an);
            let mut more: Vec<VarId> = Vec::new();
            walk(&func.body, &mut |s| {
                if an.work(s) {
                    match s {
                        Stmt::Let { var, op, .. }
                        | Stmt::Assign { var, op, .. }
                        | Stmt::IndexAssign { base: var, op, .. } => {
                            more.extend(
                                op_needs(func, op, *var, &an.active, &an.kinds)
                                    .into_iter()
                                    .map(|(v, _)| v),
                            );
                        }
                        // Undoing a push needs the buffer's length.
                        Stmt::Push { base, .. } => more.push(*base),
                        _ => {}
                    }
                }
                // Undoing a counter step needs the step.
                if an.undoes(s)
                    && let Some((_, Atom::Var(k), _)) =
                        counter_step(s, &an.kinds, &an.active, &an.overwritten)
                {
                    more.push(*k);
                }
                match s {
                    // Writing or restoring an element needs its index.
                    Stmt::IndexAssign {
                        base,
                        index: Atom::Var(i),
                        ..
                    } if an.work(s) || an.needed[*base] || an.kills(s) => more.push(*i),
                    Stmt::Loop(l) if an.block_has_rev(&l.body) => {
                        if let LoopKind::Range { lo, hi, rev, .. } = &l.kind {
                            if recounted(func, l) {
                                // The reverse sweep recomputes the trip count from both bounds.
                                more.extend(lo.var());
                                more.extend(hi.var());
                            } else {
                                more.extend(if *rev { hi } else { lo }.var());
                            }
                        }
                    }
                    _ => {}
                }
            });
            // A rebuilt fill needs its inputs when the reverse reads its buffer.
            for (k, b) in &an.rebuilds {
                if an.needed[*b] {
                    more.extend(fill_inputs(func, *k));
                }
            }
            // Recomputed values need their inputs.
            for (v, def) in def_op.iter().enumerate() {
                if an.needed[v]
                    && (an.recompute[v]
                        || an.late[v].is_some()
                        || (an.reborrow[v] && func.vars[v].block == 0))
                    && let Some(op) = def
                {
                    more.extend(op.reads());
                }
            }
            let mut changed = false;
            for v in more {
                if !an.needed[v] {
                    an.needed[v] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        // A value recomputed late cannot feed a value recomputed at the block's reverse start
        // (which runs first): such values are stored instead.
        let mut demoted = false;
        for (t, consumer) in late_consumer.iter().enumerate() {
            if let Some(u) = *consumer
                && an.late[t].is_some()
                && an.recompute[u]
                && an.needed[u]
            {
                an.late[t] = None;
                demoted = true;
            }
        }
        if !demoted {
            break;
        }
    }
    all_overwrites(&mut an);
    refine_saves(func, &mut an, &def_op, &steps, &kill_writes);
    walk(&func.body, &mut |s| {
        if an.work(s)
            && let Stmt::Let { op, .. } | Stmt::Assign { op, .. } | Stmt::IndexAssign { op, .. } = s
        {
            for v in needs::shape_needs(func, op, &an.active, &an.kinds) {
                if !an.needed[v] {
                    an.shape_only[v] = true;
                }
            }
        }
    });
    // A value the reverse sweep reads whole (not through recomputed or stored elements) and
    // that a method may have changed since: it cannot be restored.
    walk(&func.body, &mut |s| {
        for v in crate::ir::may_mutate_stmt(s) {
            if an.needed[v] {
                let span = match s {
                    Stmt::Let { span, .. } | Stmt::Assign { span, .. } => *span,
                    _ => proc_macro2::Span::call_site(),
                };
                cx.error_at(span, format!(
                    "this call may change `{}`, whose value the reverse sweep needs afterwards and cannot restore; call it on a copy (`let mut w2 = {}.clone();`), or assign the changed elements (`w[i] = ..`), which the reverse sweep restores",
                    func.vars[v].ident, func.vars[v].ident
                ));
            }
        }
    });
    an
}
