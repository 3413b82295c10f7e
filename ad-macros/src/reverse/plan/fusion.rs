//! The loops loop fusion may run (the reverse of one loop inside its forward sweep, for
//! `f_vjp`), their scratch buffers, and which statements after a loop can run before it.

use super::*;

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
pub(crate) fn touched(
    s: &Stmt,
    writes: &mut BTreeSet<VarId>,
    mentions: &mut BTreeSet<VarId>,
) -> bool {
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
pub(crate) fn s_is_not_ret(func: &Func, writes: &BTreeSet<VarId>) -> bool {
    !writes.contains(&func.ret)
}
