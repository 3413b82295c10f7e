//! Analyses over the IR, each a separate pass:
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
//! For loop fusion (`f_vjp`, see `reverse.rs`): the candidate loops of the function body
//! ([`fusion_candidates`]), the buffers that are scratch space of each iteration
//! ([`iteration_private`]) and the fills among their writes that need no record
//! ([`private_fills`]), and which statements after a loop can run before it ([`split_tail`]).
//!
//! Statements are identified by address (`&Stmt as *const _ as usize`) in the sets that
//! refer to them; the IR is not modified after parsing, so addresses are stable.

use crate::ctxt::Ctxt;
use crate::ir::*;
use crate::kinds::{self, Kind};
use crate::rules::{self, MethodRule, Need};
use quote::ToTokens;
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
    /// Local buffers of the function body made by `vec![c; n]` and never resized or
    /// reassigned: their adjoints start as zeros of the buffer's length, so accumulating into
    /// an element needs no growth check.
    pub presized: Vec<bool>,
    /// Static kinds (scalar, array, ...), see [`crate::kinds`].
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

fn atom_active(a: &Atom, active: &[bool]) -> bool {
    a.var().is_some_and(|v| active[v])
}

fn op_output_active(op: &Op, active: &[bool]) -> bool {
    let any = |xs: &[&Atom]| xs.iter().any(|a| atom_active(a, active));
    match op {
        Op::Passive(..) | Op::Opaque { .. } => false,
        Op::Cast { a, float, .. } => *float && atom_active(a, active),
        Op::Index { base, .. } | Op::SliceRef { base, .. } => atom_active(base, active),
        Op::Method { name, .. } => match rules::method(&name.to_string()) {
            Some(MethodRule::ZeroGrad { .. }) | Some(MethodRule::Passive) => false,
            _ => any(&op.operands()),
        },
        Op::Map { recv, captures, .. } => {
            atom_active(recv, active) || captures.iter().any(|c| active[*c])
        }
        _ => any(&op.operands()),
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

/// Visits every statement of a list and of the blocks inside it, depth first, in order.
pub fn walk_stmts<'a>(stmts: &'a [Stmt], f: &mut impl FnMut(&'a Stmt)) {
    for s in stmts {
        f(s);
        match s {
            Stmt::If { then, els, .. } => {
                walk(then, f);
                walk(els, f);
            }
            Stmt::Loop(l) => {
                if let LoopKind::While { cond_block, .. } = &l.kind {
                    walk(cond_block, f);
                }
                walk(&l.body, f);
            }
            _ => {}
        }
    }
}

/// Whether a statement itself (not its nested blocks) mentions `v` in any way.
pub fn stmt_mentions(s: &Stmt, v: VarId) -> bool {
    match s {
        Stmt::Let { var, op, .. } | Stmt::Assign { var, op, .. } => {
            *var == v || op.reads().contains(&v)
        }
        Stmt::IndexAssign {
            base, index, op, ..
        } => *base == v || index.var() == Some(v) || op.reads().contains(&v),
        Stmt::Push { base, value, .. } => *base == v || value.var() == Some(v),
        Stmt::If { cond, .. } => cond.var() == Some(v),
        Stmt::Loop(l) => match &l.kind {
            LoopKind::Range { lo, hi, .. } => lo.var() == Some(v) || hi.var() == Some(v),
            LoopKind::While { cond_atom, .. } => cond_atom.var() == Some(v),
            LoopKind::Iter { reads, .. } => reads.contains(&v),
            LoopKind::Loop => false,
        },
        Stmt::Declare { var } => *var == v,
        Stmt::Effect { .. } | Stmt::SetFlow(_) => false,
    }
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

/// Whether `s` or any statement nested in it mentions `v`.
fn mentions_anywhere(s: &Stmt, v: VarId) -> bool {
    let mut found = false;
    walk_stmts(std::slice::from_ref(s), &mut |t| {
        found |= stmt_mentions(t, v)
    });
    found
}

/// Visits every statement of a block, depth first, in order.
fn walk<'a>(b: &'a Block, f: &mut impl FnMut(&'a Stmt)) {
    walk_stmts(&b.stmts, f);
}

fn walk_blocks<'a>(b: &'a Block, f: &mut impl FnMut(&'a Block)) {
    f(b);
    for s in &b.stmts {
        match s {
            Stmt::If { then, els, .. } => {
                walk_blocks(then, f);
                walk_blocks(els, f);
            }
            Stmt::Loop(l) => {
                if let LoopKind::While { cond_block, .. } = &l.kind {
                    walk_blocks(cond_block, f);
                }
                walk_blocks(&l.body, f);
            }
            _ => {}
        }
    }
}

/// Whether `v` is read anywhere inside the nested blocks or conditions of `s`.
fn reads_nested(s: &Stmt, v: VarId) -> bool {
    let mut found = false;
    let mut check = |st: &Stmt| {
        let hit = match st {
            Stmt::Let { op, .. } | Stmt::Assign { op, .. } => op.reads().contains(&v),
            Stmt::IndexAssign { op, index, .. } => {
                op.reads().contains(&v) || index.var() == Some(v)
            }
            Stmt::Push { value, .. } => value.var() == Some(v),
            Stmt::If { cond, .. } => cond.var() == Some(v),
            Stmt::Loop(l) => match &l.kind {
                LoopKind::Range { lo, hi, .. } => lo.var() == Some(v) || hi.var() == Some(v),
                LoopKind::While { cond_atom, .. } => cond_atom.var() == Some(v),
                LoopKind::Iter { reads, .. } => reads.contains(&v),
                LoopKind::Loop => false,
            },
            _ => false,
        };
        found |= hit;
    };
    check(s);
    match s {
        Stmt::If { then, els, .. } => {
            walk(then, &mut check);
            walk(els, &mut check);
        }
        Stmt::Loop(l) => {
            if let LoopKind::While { cond_block, .. } = &l.kind {
                walk(cond_block, &mut check);
            }
            walk(&l.body, &mut check);
        }
        _ => {}
    }
    found
}

/// Variables assigned (not defined) anywhere inside `s`.
fn assigned_in(s: &Stmt, out: &mut BTreeSet<VarId>) {
    // Changes in place (`w.swap(0, 1)`) count as assignments (see `ir::writes`).
    out.extend(crate::ir::may_mutate_stmt(s));
    match s {
        Stmt::Assign { var, .. } => {
            out.insert(*var);
        }
        Stmt::IndexAssign { base, .. } | Stmt::Push { base, .. } => {
            out.insert(*base);
        }
        Stmt::If { then, els, .. } => {
            then.stmts
                .iter()
                .chain(&els.stmts)
                .for_each(|s| assigned_in(s, out));
        }
        Stmt::Loop(l) => {
            l.body.stmts.iter().for_each(|s| assigned_in(s, out));
            if let LoopKind::While { cond_block, .. } = &l.kind {
                cond_block.stmts.iter().for_each(|s| assigned_in(s, out));
            }
        }
        _ => {}
    }
}

pub fn analyze(cx: &Ctxt, func: &Func, active_params: &[VarId]) -> Analysis {
    let n = func.vars.len();
    let kinds = kinds::infer(func);
    let mut active = vec![false; n];
    for &p in active_params {
        active[p] = true;
    }
    // 1. Activity, to a fixed point (loops feed values back).
    loop {
        let mut changed = false;
        walk(&func.body, &mut |s| {
            let hit = match s {
                Stmt::Let { var, op, .. } | Stmt::Assign { var, op, .. } => {
                    op_output_active(op, &active).then_some(*var)
                }
                Stmt::IndexAssign { base, op, .. } => {
                    op_output_active(op, &active).then_some(*base)
                }
                Stmt::Push { base, value, .. } => atom_active(value, &active).then_some(*base),
                _ => None,
            };
            if let Some(v) = hit
                && !active[v]
            {
                active[v] = true;
                changed = true;
            }
        });
        if !changed {
            break;
        }
    }

    // 2. Usefulness, backwards to a fixed point.
    let mut useful = vec![false; n];
    useful[func.ret] = true;
    loop {
        let mut changed = false;
        let mut mark = |v: VarId, useful: &mut Vec<bool>| {
            if active[v] && !useful[v] {
                useful[v] = true;
                changed = true;
            }
        };
        walk(&func.body, &mut |s| match s {
            Stmt::Let { var, op, .. }
            | Stmt::Assign { var, op, .. }
            | Stmt::IndexAssign { base: var, op, .. }
                if useful[*var] && active[*var] =>
            {
                let reads: Vec<VarId> = match op {
                    Op::Index { base, .. } | Op::SliceRef { base, .. } => {
                        base.var().into_iter().collect()
                    }
                    Op::Map { .. } => op.reads(),
                    _ => op.operands().iter().filter_map(|a| a.var()).collect(),
                };
                for r in reads {
                    mark(r, &mut useful);
                }
            }
            Stmt::Push { base, value, .. } => {
                if useful[*base]
                    && let Some(v) = value.var()
                {
                    mark(v, &mut useful);
                }
            }
            _ => {}
        });
        if !changed {
            break;
        }
    }

    // Element increments (see `Analysis::increments`): the old element gets no adjoint.
    let increments = find_increments(func, &kinds, &mut useful);

    // 3. Checks: operations on active values must have derivative rules.
    walk(&func.body, &mut |s| {
        let (op, span) = match s {
            Stmt::Let { op, span, .. }
            | Stmt::Assign { op, span, .. }
            | Stmt::IndexAssign { op, span, .. } => (op, *span),
            _ => return,
        };
        check_op(cx, op, span, &active, func, &kinds);
    });
    // Closure bodies of elementwise maps, with the element and the active captures active.
    let mut subs = HashMap::new();
    walk(&func.body, &mut |s| {
        if let Stmt::Let { op, .. } | Stmt::Assign { op, .. } | Stmt::IndexAssign { op, .. } = s
            && let Op::Map {
                recv,
                sub,
                captures,
                ..
            } = op
        {
            let mut params = Vec::new();
            if atom_active(recv, &active) {
                params.push(0);
            }
            for (k, c) in captures.iter().enumerate() {
                if active[*c] {
                    params.push(k + 1);
                }
            }
            subs.insert(&**sub as *const Func as usize, analyze(cx, sub, &params));
        }
    });
    for_each_iter_loop(&func.body, &mut |l| {
        if let LoopKind::Iter { iter, reads, .. } = &l.kind {
            let reads_active = reads.iter().any(|v| active[*v]);
            if reads_active {
                cx.error_spanned_by(iter, "iterating over differentiated values with this iterator is not supported by #[differentiable]; write `for x in xs.iter()`, `for &x in xs.iter()`, `for (i, x) in xs.iter().enumerate()` or index in a range loop (`for i in 0..xs.len()`)");
            }
        }
    });

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
            if let Some((v, _, _)) = counter_step(s, &kinds, &active, &overwritten)
                && !b.stmts[k + 1..].iter().any(|t| mentions_anywhere(t, v))
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
        reborrow: reborrows(func, &kinds),
        presized,
        increments,
        rebuilds,
        kinds,
        subs,
        saves: HashSet::new(),
        undo: HashSet::new(),
        hoisted: trailing,
        late,
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
            for v in 0..n {
                if an.needed[v]
                    && (an.recompute[v]
                        || an.late[v].is_some()
                        || (an.reborrow[v] && func.vars[v].block == 0))
                    && let Some(op) = def_op[v]
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
        for t in 0..n {
            if let Some(u) = late_consumer[t]
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

/// Where a statement sits: its preorder position and the loops around it.
#[derive(Clone)]
struct Place {
    pos: usize,
    loops: Vec<usize>,
}

impl Place {
    /// Whether a read here happens after the write at `w` and never before it: later in the
    /// text and in no loop shared with it.
    fn strictly_after(&self, w: &Place) -> bool {
        self.pos > w.pos && !self.loops.iter().any(|l| w.loops.contains(l))
    }
}

/// Numbers statements in preorder (two slots each: the statement, then its result) and
/// block ends, recording the loops around each.
fn number(
    b: &Block,
    loops: &mut Vec<usize>,
    next: &mut usize,
    at: &mut HashMap<usize, Place>,
    ends: &mut HashMap<BlockId, Place>,
) {
    for s in &b.stmts {
        at.insert(
            s as *const Stmt as usize,
            Place {
                pos: *next,
                loops: loops.clone(),
            },
        );
        *next += 2;
        match s {
            Stmt::If { then, els, .. } => {
                number(then, loops, next, at, ends);
                number(els, loops, next, at, ends);
            }
            Stmt::Loop(l) => {
                loops.push(l.id);
                if let LoopKind::While { cond_block, .. } = &l.kind {
                    number(cond_block, loops, next, at, ends);
                }
                number(&l.body, loops, next, at, ends);
                loops.pop();
            }
            _ => {}
        }
    }
    ends.insert(
        b.id,
        Place {
            pos: *next,
            loops: loops.clone(),
        },
    );
    *next += 2;
}

/// Flow-sensitive refinement of the saves: an overwrite needs to save the old value only
/// if the reverse sweep reads the variable at a point that is not strictly after it. An
/// accumulator updated in a loop and read only after the loop (`s += e` ... `s.ln()`) is
/// then recorded not at all, instead of once per iteration.
fn refine_saves(
    func: &Func,
    an: &mut Analysis,
    def_op: &[Option<&Op>],
    steps: &HashSet<usize>,
    kill_writes: &HashSet<usize>,
) {
    let mut at = HashMap::new();
    let mut ends = HashMap::new();
    number(&func.body, &mut Vec::new(), &mut 0, &mut at, &mut ends);
    let place = |s: &Stmt| at[&(s as *const Stmt as usize)].clone();
    // Where each `let` is, for the values recomputed at their block's reverse start.
    let mut def_at: HashMap<VarId, Place> = HashMap::new();
    walk(&func.body, &mut |s| {
        if let Stmt::Let { var, .. } = s {
            def_at.insert(*var, place(s));
        }
    });
    loop {
        // Every read of a primal value by the reverse sweep, with where it happens.
        let mut reads: Vec<(VarId, Place)> = Vec::new();
        walk(&func.body, &mut |s| {
            let p = place(s);
            if an.work(s)
                && let Stmt::Let { var, op, .. }
                | Stmt::Assign { var, op, .. }
                | Stmt::IndexAssign { base: var, op, .. } = s
            {
                for (v, is_out) in op_needs(func, op, *var, &an.active, &an.kinds) {
                    let pos = if is_out { p.pos + 1 } else { p.pos };
                    reads.push((
                        v,
                        Place {
                            pos,
                            loops: p.loops.clone(),
                        },
                    ));
                }
            }
            match s {
                Stmt::IndexAssign {
                    index: Atom::Var(i),
                    ..
                } if an.work(s) || an.saves(s) => reads.push((*i, p.clone())),
                Stmt::Push { base, .. } if an.has_rev(s) => reads.push((*base, p.clone())),
                Stmt::Loop(l) if an.block_has_rev(&l.body) => {
                    if let LoopKind::Range { lo, hi, .. } = &l.kind {
                        for a in [lo, hi] {
                            reads.extend(a.var().map(|v| (v, p.clone())));
                        }
                    }
                }
                _ => {}
            }
        });
        // Recomputed values read their inputs at the start of their block's reverse, that is
        // at the end of the block in forward terms.
        for (v, op) in def_op.iter().enumerate() {
            if let Some(op) = op
                && an.needed[v]
                && an.recompute[v]
                && let Some(end) = ends.get(&func.vars[v].block)
            {
                reads.extend(op.reads().into_iter().map(|r| (r, end.clone())));
                // After the hoisted counter undos, the inputs must hold their values at the
                // definition: the steps after it are not strictly before this read.
                if let Some(d) = def_at.get(&v) {
                    reads.extend(op.reads().into_iter().map(|r| (r, d.clone())));
                }
            }
        }
        // A rebuilt fill reads its inputs at the start of the enclosing body's reverse.
        walk_blocks(&func.body, &mut |b| {
            for s in &b.stmts {
                let addr = s as *const Stmt as usize;
                if let Some(buf) = an.rebuilds.get(&addr)
                    && an.needed[*buf]
                {
                    let end = &ends[&b.id];
                    reads.extend(
                        fill_inputs(func, addr)
                            .into_iter()
                            .map(|r| (r, end.clone())),
                    );
                }
            }
        });
        // Undoing a counter step reads the step.
        walk(&func.body, &mut |s| {
            if an.undoes(s)
                && let Some((_, Atom::Var(k), _)) =
                    counter_step(s, &an.kinds, &an.active, &an.overwritten)
            {
                reads.push((*k, place(s)));
            }
        });
        // Late recomputations read their inputs right after their consumer.
        for (v, op) in def_op.iter().enumerate() {
            if let (Some(op), Some(consumer)) = (op, an.late[v])
                && an.needed[v]
            {
                let p = &at[&consumer];
                let after = Place {
                    pos: p.pos + 1,
                    loops: p.loops.clone(),
                };
                reads.extend(op.reads().into_iter().map(|r| (r, after.clone())));
            }
        }
        let (mut saves, mut undo) = (HashSet::new(), HashSet::new());
        walk(&func.body, &mut |s| {
            let target = match s {
                Stmt::Assign {
                    var, init: false, ..
                } => *var,
                Stmt::IndexAssign { base, .. } => *base,
                _ => return,
            };
            if !an.needed[target] {
                return;
            }
            let w = place(s);
            if !kill_writes.contains(&(s as *const Stmt as usize))
                && reads
                    .iter()
                    .any(|(v, r)| *v == target && !r.strictly_after(&w))
            {
                let addr = s as *const Stmt as usize;
                if steps.contains(&addr) {
                    undo.insert(addr);
                } else {
                    saves.insert(addr);
                }
            }
        });
        if saves == an.saves && undo == an.undo {
            break;
        }
        an.saves = saves;
        an.undo = undo;
    }
}

fn for_each_iter_loop<'a>(b: &'a Block, f: &mut impl FnMut(&'a Loop)) {
    walk(b, &mut |s| {
        if let Stmt::Loop(l) = s {
            f(l);
        }
    });
}

/// Finds the element increments of [`Analysis::increments`] and drops the adjoints of their
/// old-element reads.
fn find_increments(func: &Func, kinds: &[Kind], useful: &mut [bool]) -> HashSet<usize> {
    // How many times each variable is read, anywhere.
    let mut uses = vec![0usize; func.vars.len()];
    walk(&func.body, &mut |s| {
        let mut reads: Vec<VarId> = match s {
            Stmt::Let { op, .. } | Stmt::Assign { op, .. } => op.reads(),
            Stmt::IndexAssign { op, index, .. } => {
                let mut r = op.reads();
                r.extend(index.var());
                r
            }
            Stmt::Push { value, .. } => value.var().into_iter().collect(),
            Stmt::If { cond, .. } => cond.var().into_iter().collect(),
            Stmt::Loop(l) => match &l.kind {
                LoopKind::Range { lo, hi, .. } => lo.var().into_iter().chain(hi.var()).collect(),
                LoopKind::While { cond_atom, .. } => cond_atom.var().into_iter().collect(),
                LoopKind::Iter { reads, .. } => reads.clone(),
                LoopKind::Loop => Vec::new(),
            },
            _ => Vec::new(),
        };
        for r in reads.drain(..) {
            uses[r] += 1;
        }
    });
    let same = |a: &Atom, b: &Atom| match (a, b) {
        (Atom::Var(x), Atom::Var(y)) => x == y,
        (Atom::Const(x), Atom::Const(y)) => x.to_string() == y.to_string(),
        _ => false,
    };
    let mut out = HashSet::new();
    walk_blocks(&func.body, &mut |b| {
        for (j, s) in b.stmts.iter().enumerate() {
            let Stmt::IndexAssign {
                base,
                index,
                op: Op::Arith(a, x, y),
                ..
            } = s
            else {
                continue;
            };
            let (t, e) = match (a, x, y) {
                (Arith::Add, Atom::Var(t), e) | (Arith::Sub, Atom::Var(t), e) => (*t, e),
                (Arith::Add, e, Atom::Var(t)) => (*t, e),
                _ => continue,
            };
            if kinds[*base] != Kind::SeqScalar
                || kinds[t] != Kind::Scalar
                || !kinds::atom_kind(e, kinds).is_scalar()
                || uses[t] != 1
                || e.var() == Some(t)
            {
                continue;
            }
            // `t = base[index]` earlier in this block, with neither written in between.
            let Some(k) = b.stmts[..j].iter().position(|d| {
                matches!(d, Stmt::Let { var, op: Op::Index { base: Atom::Var(bb), index: i2, by_ref: false }, .. }
                    if *var == t && bb == base && same(i2, index))
            }) else {
                continue;
            };
            let mut written = BTreeSet::new();
            for m in &b.stmts[k + 1..j] {
                assigned_in(m, &mut written);
            }
            if written.contains(base) || index.var().is_some_and(|i| written.contains(&i)) {
                continue;
            }
            useful[t] = false;
            out.insert(s as *const Stmt as usize);
        }
    });
    out
}

/// The operation-free root of an atom: through `let t = a` copies of never-reassigned `let`s.
fn root_atom(func: &Func, a: &Atom) -> Atom {
    let mut a = a.clone();
    for _ in 0..64 {
        let Atom::Var(v) = a else { break };
        if func.vars[v].kind != VarKind::Let {
            break;
        }
        match func.defs.get(&v) {
            Some(Op::Copy(b)) | Some(Op::CloneOf(b)) if !matches!(b, Atom::Ref(_)) => a = b.clone(),
            _ => break,
        }
    }
    a
}

fn same_atom(a: &Atom, b: &Atom) -> bool {
    match (a, b) {
        (Atom::Var(x), Atom::Var(y)) => x == y,
        (Atom::Const(x), Atom::Const(y)) => x.to_string() == y.to_string(),
        _ => false,
    }
}

/// The statement address of the loop statement `k` of the function (for the fill loops of
/// [`Analysis::rebuilds`]), found by address.
fn stmt_at(func: &Func, k: usize) -> Option<&Stmt> {
    let mut found = None;
    walk(&func.body, &mut |s| {
        if s as *const Stmt as usize == k {
            found = Some(s);
        }
    });
    found
}

/// The write `b[j] = e` of the fill loop at address `k`.
fn kill_write(func: &Func, k: usize) -> Option<usize> {
    let Some(Stmt::Loop(l)) = stmt_at(func, k) else {
        return None;
    };
    l.body
        .stmts
        .iter()
        .find_map(|s| matches!(s, Stmt::IndexAssign { .. }).then_some(s as *const Stmt as usize))
}

/// The variables a fill loop (at address `k`) reads from outside itself.
pub fn fill_inputs(func: &Func, k: usize) -> Vec<VarId> {
    let Some(Stmt::Loop(l)) = stmt_at(func, k) else {
        return Vec::new();
    };
    let mut own: HashSet<VarId> = HashSet::new();
    let mut out = Vec::new();
    if let LoopKind::Range { var, lo, hi, .. } = &l.kind {
        own.insert(*var);
        out.extend(lo.var());
        out.extend(hi.var());
    }
    for s in &l.body.stmts {
        let reads = match s {
            Stmt::Let { var, op, .. } => {
                own.insert(*var);
                op.reads()
            }
            Stmt::IndexAssign { op, index, .. } => {
                let mut r = op.reads();
                r.extend(index.var());
                r
            }
            _ => Vec::new(),
        };
        out.extend(reads.into_iter().filter(|r| !own.contains(r)));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The length of each fixed-length buffer (`vec![c; n]`, see [`Analysis::presized`]), as the
/// root atom of `n`.
fn buffer_lengths(func: &Func, presized: &[bool]) -> HashMap<VarId, Atom> {
    let mut len_of = HashMap::new();
    for s in &func.body.stmts {
        if let Stmt::Let { var, op, .. } = s
            && presized[*var]
            && let Op::Opaque { reads, .. } = op
            && let Some(len) = kinds::vec_repeat_len(op)
        {
            let text = len.to_string();
            let atom = match reads.iter().find(|r| func.vars[**r].ident == text) {
                Some(r) => Atom::Var(*r),
                None if syn::parse2::<syn::LitInt>(len.clone()).is_ok() => Atom::Const(len),
                None => continue,
            };
            len_of.insert(*var, root_atom(func, &atom));
        }
    }
    len_of
}

/// Whether `s` writes every element of buffer `b` (of length `len`) and reads none:
/// `for j in 0..len { ..; b[j] = e; .. }` with the write at the top of the body, `b`
/// mentioned nowhere else in the loop, and no `break`, `continue` or `return` inside.
fn fills_whole(func: &Func, s: &Stmt, b: VarId, len: &Atom) -> bool {
    let Stmt::Loop(fill) = s else { return false };
    let LoopKind::Range {
        var: j,
        lo,
        hi,
        inclusive: false,
        ..
    } = &fill.kind
    else {
        return false;
    };
    let zero = matches!(root_atom(func, lo), Atom::Const(c) if matches!(c.to_string().as_str(), "0" | "0usize"));
    if !zero || !same_atom(&root_atom(func, hi), len) || stmt_mentions(s, b) {
        return false;
    }
    let mut codes = BTreeSet::new();
    crate::ir::escape_codes(&fill.body.stmts, &mut codes);
    if !codes.is_empty() {
        return false;
    }
    let mut writes = 0;
    for t in &fill.body.stmts {
        match t {
            Stmt::IndexAssign {
                base,
                index: Atom::Var(i),
                op,
                ..
            } if *base == b && i == j && !op.reads().contains(&b) => writes += 1,
            _ if mentions_anywhere(t, b) => return false,
            _ => {}
        }
    }
    writes == 1
}

/// Whether, in every execution of `stmts`, each read of buffer `b` comes after a statement
/// of the same execution that wrote all of `b` ([`fills_whole`]): the statements before the
/// first fill do not mention `b` except inside nested loops and branches of which the same
/// holds.
fn filled_before_read(func: &Func, stmts: &[Stmt], b: VarId, len: &Atom) -> bool {
    for s in stmts {
        if !mentions_anywhere(s, b) {
            continue;
        }
        if fills_whole(func, s, b, len) {
            return true;
        }
        let ok = match s {
            Stmt::Loop(l) => {
                !stmt_mentions(s, b)
                    && !matches!(&l.kind, LoopKind::While { cond_block, .. }
                        if cond_block.stmts.iter().any(|t| mentions_anywhere(t, b)))
                    && filled_before_read(func, &l.body.stmts, b, len)
            }
            Stmt::If { then, els, .. } => {
                !stmt_mentions(s, b)
                    && filled_before_read(func, &then.stmts, b, len)
                    && filled_before_read(func, &els.stmts, b, len)
            }
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Buffers of the function body that are scratch space of each iteration of the body's loop
/// `l` (the statement at `index`): fixed-length buffers of scalars ([`Analysis::presized`],
/// length never reassigned) that every iteration writes whole before it reads them
/// ([`filled_before_read`]) and that nothing after the loop mentions. No value flows through
/// them from one iteration to the next, nor out of the loop, so their adjoints are zero
/// between iterations of the reverse sweep.
pub fn iteration_private(func: &Func, an: &Analysis, index: usize) -> BTreeSet<VarId> {
    let Some(Stmt::Loop(l)) = func.body.stmts.get(index) else {
        return BTreeSet::new();
    };
    let len_of = buffer_lengths(func, &an.presized);
    let mut out = BTreeSet::new();
    for (&b, len) in &len_of {
        if an.kinds[b] != Kind::SeqScalar
            || len.var().is_some_and(|n| an.overwritten[n])
            || func.body.stmts[index + 1..]
                .iter()
                .any(|s| mentions_anywhere(s, b))
            || stmt_mentions(&func.body.stmts[index], b)
            || matches!(&l.kind, LoopKind::While { cond_block, .. }
                if cond_block.stmts.iter().any(|t| mentions_anywhere(t, b)))
        {
            continue;
        }
        if filled_before_read(func, &l.body.stmts, b, len) {
            out.insert(b);
        }
    }
    out
}

/// Finds the fill loops of [`Analysis::rebuilds`].
fn find_rebuilds(
    func: &Func,
    kinds: &[Kind],
    presized: &[bool],
    trailing: &HashSet<usize>,
) -> HashMap<usize, VarId> {
    let (mut at, mut ends) = (HashMap::new(), HashMap::new());
    number(&func.body, &mut Vec::new(), &mut 0, &mut at, &mut ends);
    let len_of = buffer_lengths(func, presized);
    let mut out = HashMap::new();
    let mut loops: Vec<&Loop> = Vec::new();
    walk(&func.body, &mut |s| {
        if let Stmt::Loop(l) = s {
            loops.push(l);
        }
    });
    for outer in loops {
        let body = &outer.body;
        let outer_place = at[&(loops_addr(func, outer.id))].clone();
        // Suffix sets of variables assigned after each statement of the body.
        let mut after: Vec<BTreeSet<VarId>> = vec![BTreeSet::new(); body.stmts.len() + 1];
        for (k, s) in body.stmts.iter().enumerate().rev() {
            let mut set = after[k + 1].clone();
            if !trailing.contains(&(s as *const Stmt as usize)) {
                assigned_in(s, &mut set);
            }
            after[k] = set;
        }
        for (k, s) in body.stmts.iter().enumerate() {
            let Stmt::Loop(fill) = s else { continue };
            let LoopKind::Range {
                var: j,
                lo,
                hi,
                inclusive: false,
                ..
            } = &fill.kind
            else {
                continue;
            };
            let mut codes = BTreeSet::new();
            crate::ir::escape_codes(&fill.body.stmts, &mut codes);
            codes.remove(&fill.continue_code);
            if !codes.is_empty() {
                continue;
            }
            // Cheap `let`s and one `b[j] = e` that reads no `b`.
            let cheap = |op: &Op| {
                !matches!(
                    op,
                    Op::Call { .. } | Op::Opaque { .. } | Op::Map { .. } | Op::Concat { .. }
                )
            };
            let mut buf = None;
            let mut ok = true;
            for t in &fill.body.stmts {
                match t {
                    Stmt::Let { op, .. } if cheap(op) => {}
                    Stmt::IndexAssign {
                        base,
                        index: Atom::Var(i),
                        op,
                        ..
                    } if i == j && cheap(op) && buf.is_none() => buf = Some(*base),
                    _ => ok = false,
                }
            }
            let Some(b) = buf.filter(|_| ok) else {
                continue;
            };
            if !presized[b] || kinds[b] != Kind::SeqScalar {
                continue;
            }
            let reads_b = fill.body.stmts.iter().any(|t| match t {
                Stmt::Let { op, .. } | Stmt::IndexAssign { op, .. } => op.reads().contains(&b),
                _ => false,
            });
            // The whole buffer: `0..len`.
            let zero = matches!(root_atom(func, lo), Atom::Const(c) if matches!(c.to_string().as_str(), "0" | "0usize"));
            let whole = len_of
                .get(&b)
                .is_some_and(|len| same_atom(&root_atom(func, hi), len));
            if reads_b || !zero || !whole {
                continue;
            }
            // Its inputs unchanged in the rest of the body (read again at its reverse start).
            let inputs = fill_inputs(func, s as *const Stmt as usize);
            if inputs.iter().any(|r| after[k + 1].contains(r)) {
                continue;
            }
            // No other write of `b` in the enclosing loop.
            let mut writes = 0;
            walk(body, &mut |t| match t {
                Stmt::Assign { var: v, .. }
                | Stmt::IndexAssign { base: v, .. }
                | Stmt::Push { base: v, .. }
                    if *v == b =>
                {
                    writes += 1
                }
                _ => {}
            });
            if writes != 1 {
                continue;
            }
            // Every other mention of `b` is after the fill in this body, or after the
            // enclosing loop and in no loop with it.
            let mut fine = true;
            for t in &body.stmts[..k] {
                if mentions_anywhere(t, b) {
                    fine = false;
                }
            }
            // A `while` condition runs before the body: it would see the previous fill.
            if let LoopKind::While { cond_block, .. } = &outer.kind
                && cond_block.stmts.iter().any(|t| mentions_anywhere(t, b))
            {
                fine = false;
            }
            walk(&func.body, &mut |t| {
                if !stmt_mentions(t, b) {
                    return;
                }
                let addr = t as *const Stmt as usize;
                let p = &at[&addr];
                let inside = p.loops.contains(&outer.id);
                if !inside
                    && !matches!(t, Stmt::Let { op, .. } if kinds::is_vec_repeat(op))
                    && !p.strictly_after(&outer_place)
                {
                    fine = false;
                }
            });
            if fine {
                out.insert(s as *const Stmt as usize, b);
            }
        }
    }
    out
}

/// The block whose statement list holds the statement at address `k`.
fn enclosing_block(func: &Func, k: usize) -> Option<BlockId> {
    let mut found = None;
    walk_blocks(&func.body, &mut |b| {
        if b.stmts.iter().any(|s| s as *const Stmt as usize == k) {
            found = Some(b.id);
        }
    });
    found
}

/// The address of the loop statement with id `id`.
fn loops_addr(func: &Func, id: usize) -> usize {
    let mut found = 0;
    walk(&func.body, &mut |s| {
        if let Stmt::Loop(l) = s
            && l.id == id
        {
            found = s as *const Stmt as usize;
        }
    });
    found
}

/// Buffers of the function body with a fixed length (see [`Analysis::presized`]).
fn presized(func: &Func, kinds: &[Kind]) -> Vec<bool> {
    let mut out = vec![false; func.vars.len()];
    for s in &func.body.stmts {
        if let Stmt::Let { var, op, .. } = s
            && kinds[*var] == Kind::SeqScalar
            && kinds::is_vec_repeat(op)
        {
            out[*var] = true;
        }
    }
    let mut assigned = vec![false; func.vars.len()];
    walk(&func.body, &mut |s| {
        // A method may have changed its length (`v.truncate(2)`).
        for v in crate::ir::may_mutate_stmt(s) {
            out[v] = false;
            assigned[v] = true;
        }
        match s {
            Stmt::Assign { var: v, .. } | Stmt::Push { base: v, .. } => {
                out[*v] = false;
                assigned[*v] = true;
            }
            _ => {}
        }
    });
    // The reverse sweep re-reads the length: it must not have changed.
    for s in &func.body.stmts {
        if let Stmt::Let { var, op, .. } = s
            && out[*var]
            && op.reads().iter().any(|r| assigned[*r])
        {
            out[*var] = false;
        }
    }
    out
}

/// Variables of the function body holding views of its own arrays (see
/// [`Analysis::reborrow`]).
fn reborrows(func: &Func, kinds: &[Kind]) -> Vec<bool> {
    let mut out = vec![false; func.vars.len()];
    let local = |v: VarId, out: &[bool]| {
        let var = &func.vars[v];
        out[v]
            || (!kinds[v].is_scalar()
                && !matches!(kinds[v], Kind::SeqScalar | Kind::SeqArray)
                && !(var.kind == VarKind::Param && matches!(var.ty, Some(syn::Type::Reference(_)))))
    };
    walk_stmts(&func.body.stmts, &mut |s| {
        let Stmt::Let { var, op, .. } = s else {
            return;
        };
        if func.vars[*var].kind != VarKind::Let {
            return;
        }
        let hit = match op {
            Op::Method {
                name, recv, extra, ..
            } if extra.raw.is_none() => {
                let n = name.to_string();
                let base = recv.var().is_some_and(|b| local(b, &out));
                let viewing = matches!(
                    n.as_str(),
                    "t" | "view" | "row" | "column" | "index_axis" | "slice" | "to_shape"
                );
                let passing = matches!(
                    n.as_str(),
                    "insert_axis"
                        | "reversed_axes"
                        | "into_shape_with_order"
                        | "into_shape"
                        | "into_dyn"
                        | "into_dimensionality"
                );
                base && (viewing || (passing && recv.var().is_some_and(|b| out[b])))
            }
            Op::Copy(Atom::Ref(b)) => local(*b, &out),
            _ => false,
        };
        out[*var] = hit;
    });
    out
}

/// The primal values the partials of `op` read, each with whether it is the operation's
/// result (read right after the operation) rather than an operand (read right before).
pub fn op_needs(
    func: &Func,
    op: &Op,
    target: VarId,
    active: &[bool],
    kinds: &[Kind],
) -> Vec<(VarId, bool)> {
    let ops = op.operands();
    let is_active = |k: usize| ops.get(k).is_some_and(|a| atom_active(a, active));
    let resolve = |needs: &[Need], out: &mut Vec<(VarId, bool)>| {
        for n in needs {
            match n {
                Need::In(j) => {
                    if let Some(v) = ops.get(*j).and_then(|a| a.var()) {
                        out.push((v, false));
                    }
                }
                Need::Out => out.push((target, true)),
            }
        }
    };
    let mut out = Vec::new();
    match op {
        Op::Arith(a, x, y) => {
            let (_, partials) = rules::arith(*a);
            let (kx, ky) = (kinds::atom_kind(x, kinds), kinds::atom_kind(y, kinds));
            for (k, needs) in partials.iter().enumerate() {
                if is_active(k) {
                    resolve(needs, &mut out);
                    if kinds::arith_target(kx, ky, k) == kinds::Target::Operand {
                        resolve(&[Need::In(k)], &mut out);
                    }
                }
            }
        }
        Op::Method {
            name, extra, args, ..
        } => {
            let n = extra
                .rule
                .map(str::to_string)
                .unwrap_or_else(|| name.to_string());
            if let Some(MethodRule::Diff { partials, .. }) = rules::method(&n) {
                for (k, needs) in partials.iter().enumerate() {
                    if is_active(k) {
                        resolve(needs, &mut out);
                    }
                }
            } else if let Some(t) = rules::tensor_method(&n) {
                let _ = args;
                for (k, needs) in t.partials.iter().enumerate() {
                    if is_active(k) {
                        resolve(needs, &mut out);
                    }
                }
            }
        }
        Op::Map { recv, captures, .. } => {
            out.extend(recv.var().map(|v| (v, false)));
            out.extend(captures.iter().map(|c| (*c, false)));
        }
        Op::Concat { axis, parts, .. } => {
            out.extend(axis.var().map(|v| (v, false)));
            out.extend(parts.iter().filter_map(|p| p.var()).map(|v| (v, false)));
        }
        Op::Index { base, index, .. } => {
            out.extend(index.var().map(|v| (v, false)));
            if matches!(kinds::atom_kind(base, kinds), Kind::Array | Kind::Unknown)
                || func.is_nd_index(index)
            {
                out.extend(base.var().map(|v| (v, false)));
            }
        }
        Op::SliceRef { lo, .. } => {
            out.extend(lo.as_ref().and_then(|a| a.var()).map(|v| (v, false)))
        }
        Op::Call {
            recompute: true,
            args,
            ..
        } => {
            for a in args {
                match func.borrow_def(a) {
                    Some(def) => out.extend(def.reads().into_iter().map(|v| (v, false))),
                    None => out.extend(a.var().map(|v| (v, false))),
                }
            }
        }
        Op::Call { pullback, .. } => out.push((*pullback, false)),
        _ => {}
    }
    out
}

const ITERATOR_METHODS: &[&str] = &[
    "iter",
    "into_iter",
    "iter_mut",
    "map",
    "sum",
    "product",
    "fold",
    "zip",
    "enumerate",
    "filter",
    "collect",
    "for_each",
    "copied",
    "cloned",
    "rev",
    "windows",
    "chunks",
    "reduce",
];

fn check_op(
    cx: &Ctxt,
    op: &Op,
    span: proc_macro2::Span,
    active: &[bool],
    func: &Func,
    kinds: &[Kind],
) {
    let ops = op.operands();
    let act: Vec<bool> = ops.iter().map(|a| atom_active(a, active)).collect();
    let map_active = matches!(op, Op::Map { captures, .. } if captures.iter().any(|c| active[*c]));
    if !act.iter().any(|x| *x) && !matches!(op, Op::Opaque { .. }) && !map_active {
        return;
    }
    match op {
        Op::Method {
            name,
            args,
            extra,
            recv,
            ..
        } => {
            let n = extra
                .rule
                .map(str::to_string)
                .unwrap_or_else(|| name.to_string());
            let recv_kind = kinds::atom_kind(recv, kinds);
            if let (None, Some(t)) = (rules::method(&n), rules::tensor_method(&n)) {
                if args.len() + 1 != t.arity {
                    cx.error_at(
                        name.span(),
                        format!(
                            "`{n}` takes {} argument(s) here, found {}",
                            t.arity - 1,
                            args.len()
                        ),
                    );
                    return;
                }
                for (k, a) in act.iter().enumerate() {
                    if *a && k >= t.partials.len() {
                        cx.error_at(span, format!("`{n}` cannot be differentiated with respect to its argument {k}; it must be a constant"));
                    }
                }
                return;
            }
            match rules::method(&n) {
                None if ITERATOR_METHODS.contains(&n.as_str()) => cx.error_at(name.span(), format!(
                    "iterator adaptors (`.{n}()`) on differentiated values are not supported by #[differentiable]; write a `for` loop (`for &x in xs.iter() {{ s += x; }}`)"
                )),
                None if recv_kind == Kind::Array => cx.error_at(name.span(), format!(
                    "no derivative rule for the array method `{n}` on a differentiated value; supported: {}. Compute it from supported operations, or move it into a #[differentiable] function",
                    rules::TENSOR_METHODS
                )),
                None => cx.error_at(name.span(), format!(
                    "no derivative rule for method `{n}` on a differentiated value; supported float methods: {}; array methods: {}. Compute it from supported operations, or move it into a #[differentiable] function",
                    rules::DIFFERENTIABLE_METHODS, rules::TENSOR_METHODS
                )),
                Some(MethodRule::Diff { arity, partials }) => {
                    if args.len() + 1 != arity {
                        cx.error_at(name.span(), format!("`{n}` takes {} argument(s) here, found {}", arity - 1, args.len()));
                        return;
                    }
                    for (k, a) in act.iter().enumerate() {
                        if *a && k >= partials.len() {
                            cx.error_at(span, format!("`{n}` cannot be differentiated with respect to its argument {k}; it must be a constant"));
                        }
                    }
                }
                Some(MethodRule::ZeroGrad { arity }) if args.len() + 1 != arity => {
                    cx.error_at(name.span(), format!("`{n}` takes {} argument(s) here, found {}", arity - 1, args.len()));
                }
                _ => {}
            }
        }
        Op::Concat { axis, .. } if atom_active(axis, active) => {
            cx.error_at(span, "the axis of `concatenate`/`stack` must be a constant");
        }
        Op::Call {
            func: path,
            plain: true,
            ..
        } => {
            let name = path.to_token_stream().to_string().replace(' ', "");
            cx.error_spanned_by(path, format!(
                "`{name}` has no derivative, and it is called here on a differentiated value; only float methods, arithmetic and #[differentiable] functions can be differentiated. Write the computation with those, or wrap it in a #[differentiable] function"
            ));
        }
        Op::Cast {
            ty, float: false, ..
        } => {
            let t = ty.to_token_stream().to_string();
            let int = [
                "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128",
                "usize",
            ]
            .contains(&t.as_str());
            if !int {
                cx.error_spanned_by(ty, format!("cannot differentiate a cast of a differentiated value to `{t}`; cast to `f64` or `f32` (derivative 1) or to an integer type (a constant)"));
            }
        }
        Op::Opaque {
            reads,
            what,
            tokens,
        } => {
            if let Some(v) = reads.iter().find(|v| active[**v]) {
                // A temporary of the lowering has no name the user wrote.
                let value = if func.vars[*v].is_temp() {
                    "a differentiated value".to_string()
                } else {
                    format!("`{}`, which is differentiated", func.vars[*v].ident)
                };
                cx.error_spanned_by(tokens, format!(
                    "{what} reads {value}; #[differentiable] cannot see into it. Use it only on constants"
                ));
            }
        }
        Op::Index { index, .. } if index.var().is_some_and(|v| active[v]) => {
            cx.error_at(span, "an index cannot be a differentiated value");
        }
        _ => {}
    }
}

/// A loop of the function body whose reverse can run inside its forward sweep when the
/// output cotangent is known up front (`f_vjp`); see `reverse::Gen::fuse`.
pub struct FusionCandidate {
    /// Its position among the function body's statements.
    pub index: usize,
    /// Its accumulators: variables declared outside the loop, with adjoints, that the loop
    /// writes only as `s = s + e`, `s = e + s` or `s = s - e` (so their adjoint is the same in
    /// every iteration of the reverse sweep).
    pub accumulators: Vec<VarId>,
}

/// Whether `s` is `v = v + e`, `v = e + v` or `v = v - e` with `e` not `v`: its reverse leaves
/// `v̄` unchanged (`v̄ += g` after `g = take(v̄)`) and adds `±v̄` into `ē`.
pub fn is_accumulation(s: &Stmt, v: VarId) -> bool {
    let Stmt::Assign {
        var,
        op: Op::Arith(k, a, b),
        init: false,
        ..
    } = s
    else {
        return false;
    };
    let is_v = |x: &Atom| matches!(x, Atom::Var(u) if *u == v);
    let mentions_v = |x: &Atom| x.var() == Some(v);
    *var == v
        && match k {
            Arith::Add => (is_v(a) && !mentions_v(b)) || (is_v(b) && !mentions_v(a)),
            Arith::Sub => is_v(a) && !mentions_v(b),
            _ => false,
        }
}

/// Top-level loops (in order) that meet the IR-level conditions of loop fusion:
///
/// - the loop has reverse code;
/// - every variable declared outside it that it writes (in any nested block) is scratch
///   space of each iteration ([`iteration_private`]), or is not read by the reverse sweep
///   (`needed` is false, so nothing restores it and no reverse code reads a value the next
///   iteration has changed) and, if it has an adjoint, every statement of the loop that
///   mentions it is an accumulation ([`is_accumulation`]).
///
/// Reads of outer values the loop does not write are unrestricted: they are the same in every
/// iteration. Variables declared inside the loop are fresh in every iteration, so restoring
/// them (and the per-iteration tapes of the body, pushed and popped within the iteration) is
/// harmless. The conditions on the statements after the loop are checked on the generated
/// code, in `reverse::Gen::fuse`.
pub fn fusion_candidates(func: &Func, an: &Analysis) -> Vec<FusionCandidate> {
    let mut out = Vec::new();
    for (index, s) in func.body.stmts.iter().enumerate() {
        let Stmt::Loop(l) = s else { continue };
        if !an.block_has_rev(&l.body) {
            continue;
        }
        let mut inner: HashSet<BlockId> = HashSet::new();
        let mut collect = |b: &Block| {
            inner.insert(b.id);
        };
        if let LoopKind::While { cond_block, .. } = &l.kind {
            walk_blocks(cond_block, &mut collect);
        }
        walk_blocks(&l.body, &mut collect);
        let mut written = BTreeSet::new();
        assigned_in(s, &mut written);
        let private = iteration_private(func, an, index);
        let mut accumulators = Vec::new();
        let mut ok = true;
        for &w in &written {
            if (inner.contains(&func.vars[w].block) && func.vars[w].kind != VarKind::Param)
                || private.contains(&w)
            {
                continue;
            }
            if an.needed[w] {
                ok = false;
                break;
            }
            if !an.adj(w) {
                continue;
            }
            let mut only_acc = true;
            walk_stmts(std::slice::from_ref(s), &mut |t| {
                if stmt_mentions(t, w) && !is_accumulation(t, w) {
                    only_acc = false;
                }
            });
            if !only_acc {
                ok = false;
                break;
            }
            accumulators.push(w);
        }
        if ok {
            out.push(FusionCandidate {
                index,
                accumulators,
            });
        }
    }
    out
}

/// The element writes of the loop at `index` (a statement of the function body) whose old
/// values nothing reads once the loop is fused: for each buffer private to its iterations
/// ([`iteration_private`]) whose first mention in the body is a fill loop at the top of the
/// body ([`fills_whole`]), the fill's write. Its old values are the previous iteration's;
/// the fused reverse of this iteration never reads them (only later iterations would, and
/// they overwrite the buffer before reading it), so the forward sweep need not record them.
pub fn private_fills(func: &Func, an: &Analysis, index: usize) -> HashSet<usize> {
    let mut out = HashSet::new();
    let Some(Stmt::Loop(l)) = func.body.stmts.get(index) else {
        return out;
    };
    let len_of = buffer_lengths(func, &an.presized);
    for b in iteration_private(func, an, index) {
        let Some(len) = len_of.get(&b) else { continue };
        // The reverse of the statements before the loop runs after it and may read the
        // buffer as it was before the loop (a call on it runs again there): then the fills
        // record their old values, and each iteration's reverse restores them.
        let used_before = func.body.stmts[..index].iter().any(|s| {
            mentions_anywhere(s, b)
                && !matches!(s, Stmt::Let { op, .. } if kinds::is_vec_repeat(op))
        });
        if used_before {
            continue;
        }
        let Some(first) = l.body.stmts.iter().find(|s| mentions_anywhere(s, b)) else {
            continue;
        };
        if let Stmt::Loop(fill) = first
            && fills_whole(func, first, b, len)
        {
            for t in &fill.body.stmts {
                if matches!(t, Stmt::IndexAssign { base, .. } if *base == b) {
                    out.insert(t as *const Stmt as usize);
                }
            }
        }
    }
    out
}

/// The variables a statement and the statements nested in it write (`let`s included) and
/// mention at all (writes included); whether it has a side effect (`println!`, an early exit).
fn touched(s: &Stmt, writes: &mut BTreeSet<VarId>, mentions: &mut BTreeSet<VarId>) -> bool {
    let mut effect = false;
    walk_stmts(std::slice::from_ref(s), &mut |t| {
        let mut w = |v: VarId| {
            writes.insert(v);
        };
        crate::ir::writes(t).into_iter().for_each(&mut w);
        match t {
            Stmt::Let { op, .. } | Stmt::Assign { op, .. } => mentions.extend(op.reads()),
            Stmt::IndexAssign { index, op, .. } => {
                mentions.extend(index.var());
                mentions.extend(op.reads());
            }
            Stmt::Push { value, .. } => mentions.extend(value.var()),
            Stmt::Declare { .. } => {}
            Stmt::If { cond, .. } => mentions.extend(cond.var()),
            Stmt::Loop(l) => match &l.kind {
                LoopKind::Range { var, lo, hi, .. } => {
                    w(*var);
                    mentions.extend(lo.var());
                    mentions.extend(hi.var());
                }
                LoopKind::While { cond_atom, .. } => mentions.extend(cond_atom.var()),
                LoopKind::Iter { reads, .. } => mentions.extend(reads.iter().copied()),
                LoopKind::Loop => {}
            },
            Stmt::Effect { .. } | Stmt::SetFlow(_) => effect = true,
        }
    });
    mentions.extend(writes.iter().copied());
    effect
}

/// The statements after a fused loop (`tail`, in order) split into those that neither read
/// nor write anything the loop (or a statement kept after it) writes or reads, which can run
/// before the loop, and the rest, kept after it. Statements with side effects, and every
/// statement of a function with early exits, stay in place. (A loop after the fused one,
/// such as a prior term computed from the parameters alone, is typical of the first kind:
/// run before, its reverse no longer has to run before the fused loop.)
pub fn split_tail<'s>(func: &Func, lp: &Stmt, tail: &'s [Stmt]) -> (Vec<&'s Stmt>, Vec<&'s Stmt>) {
    if func.flow.is_some() {
        return (Vec::new(), tail.iter().collect());
    }
    let (mut w, mut m) = (BTreeSet::new(), BTreeSet::new());
    touched(lp, &mut w, &mut m);
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for s in tail {
        let (mut sw, mut sm) = (BTreeSet::new(), BTreeSet::new());
        let effect = touched(s, &mut sw, &mut sm);
        if !effect && sm.is_disjoint(&w) && sw.is_disjoint(&m) && s_is_not_ret(func, &sw) {
            before.push(s);
        } else {
            after.push(s);
            w.extend(sw);
            m.extend(sm);
        }
    }
    (before, after)
}

/// The statement writes no return slot.
fn s_is_not_ret(func: &Func, writes: &BTreeSet<VarId>) -> bool {
    !writes.contains(&func.ret)
}

/// Variables assigned (also first assignments of deferred variables), element-written or
/// pushed to anywhere in `stmts`.
pub fn assigned_in_all(stmts: &[Stmt]) -> BTreeSet<VarId> {
    let mut out = BTreeSet::new();
    for s in stmts {
        assigned_in(s, &mut out);
    }
    out
}

/// The block with id `id` inside `b` (or `b` itself).
pub fn find_block(b: &Block, id: BlockId) -> Option<&Block> {
    let mut found = None;
    walk_blocks(b, &mut |x| {
        if x.id == id && found.is_none() {
            found = Some(x);
        }
    });
    found
}
