//! Which overwrites save the old value for the reverse sweep (flow-sensitive): only those
//! whose variable the reverse sweep reads at a point not strictly after the overwrite.

use super::*;

/// Where a statement sits: its preorder position and the loops around it.
#[derive(Clone)]
pub(crate) struct Place {
    pub(crate) pos: usize,
    pub(crate) loops: Vec<usize>,
}

impl Place {
    /// Whether a read here happens after the write at `w` and never before it: later in the
    /// text and in no loop shared with it.
    pub(crate) fn strictly_after(&self, w: &Place) -> bool {
        self.pos > w.pos && !self.loops.iter().any(|l| w.loops.contains(l))
    }
}

/// Numbers statements in preorder (two slots each: the statement, then its result) and
/// block ends, recording the loops around each.
pub(crate) fn number(
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
pub(crate) fn refine_saves(
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
