//! Visitors of the IR: walking statements and blocks, and the one place that says what a
//! statement reads, mentions and writes ([`writes`], including changes in place).

use super::*;
use std::collections::BTreeSet;

/// Every variable a statement itself (not its nested blocks) may write: the one it defines or
/// assigns, the buffer whose element it writes or that it pushes to, and what it may change
/// through a method call ([`MethodExtra::mutates`]) or an opaque expression that calls a
/// method not known to only read (every variable it names). The one list of writes: the
/// analyses ask this function instead of listing statement kinds themselves.
pub fn writes(s: &Stmt) -> Vec<VarId> {
    let mut out = Vec::new();
    let op = match s {
        Stmt::Let { var, op, .. } | Stmt::Assign { var, op, .. } => {
            out.push(*var);
            if let Op::Call { pullback, .. } = op {
                out.push(*pullback);
            }
            op
        }
        Stmt::IndexAssign { base, op, .. } => {
            out.push(*base);
            op
        }
        Stmt::Push { base, .. } => return vec![*base],
        Stmt::Declare { var } => return vec![*var],
        _ => return out,
    };
    out.extend(mutated_by(op));
    out
}

/// What an operation may change in place (see [`writes`]).
pub fn mutated_by(op: &Op) -> Vec<VarId> {
    match op {
        Op::Method {
            recv: Atom::Var(v),
            extra,
            ..
        } if extra.mutates => vec![*v],
        Op::Opaque { mutates, .. } => mutates.clone(),
        _ => Vec::new(),
    }
}

/// Variables a statement may change in place, beyond its own definition, assignment, element
/// write or push (see [`mutated_by`]).
pub fn may_mutate_stmt(s: &Stmt) -> Vec<VarId> {
    match s {
        Stmt::Let { op, .. } | Stmt::Assign { op, .. } | Stmt::IndexAssign { op, .. } => {
            mutated_by(op)
        }
        _ => Vec::new(),
    }
}

/// The flow codes that can escape these statements (not consumed by a loop inside them).
pub fn escape_codes(stmts: &[Stmt], out: &mut BTreeSet<u32>) {
    for s in stmts {
        match s {
            Stmt::SetFlow(c) => {
                out.insert(*c);
            }
            Stmt::If { then, els, .. } => {
                escape_codes(&then.stmts, out);
                escape_codes(&els.stmts, out);
            }
            Stmt::Loop(l) => {
                let mut inner = BTreeSet::new();
                escape_codes(&l.body.stmts, &mut inner);
                inner.remove(&l.break_code);
                inner.remove(&l.continue_code);
                out.extend(inner);
            }
            _ => {}
        }
    }
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

/// Whether `s` or any statement nested in it mentions `v`.
pub fn mentions_anywhere(s: &Stmt, v: VarId) -> bool {
    let mut found = false;
    walk_stmts(std::slice::from_ref(s), &mut |t| {
        found |= stmt_mentions(t, v)
    });
    found
}

/// Whether `v` may be mentioned after statement `at` runs: by a statement after it in program
/// order, or by another statement of a loop around it (which may run again). An early
/// `return v;` lowered to an assignment of the return slot (the rest of the body then
/// skipped by flow flags, which rustc cannot see) must not move `v` when this holds.
pub fn used_after(body: &Block, at: &Stmt, v: VarId) -> bool {
    // Preorder, with each statement's enclosing loops.
    fn collect<'a>(
        stmts: &'a [Stmt],
        loops: &mut Vec<&'a Loop>,
        out: &mut Vec<(&'a Stmt, Vec<&'a Loop>)>,
    ) {
        for s in stmts {
            out.push((s, loops.clone()));
            match s {
                Stmt::If { then, els, .. } => {
                    collect(&then.stmts, loops, out);
                    collect(&els.stmts, loops, out);
                }
                Stmt::Loop(l) => {
                    loops.push(l);
                    collect(&l.body.stmts, loops, out);
                    loops.pop();
                }
                _ => {}
            }
        }
    }
    let mut order = Vec::new();
    collect(&body.stmts, &mut Vec::new(), &mut order);
    let Some(k) = order.iter().position(|(s, _)| std::ptr::eq(*s, at)) else {
        return true;
    };
    let later = order[k + 1..].iter().any(|(s, _)| stmt_mentions(s, v));
    let again = order[k].1.iter().any(|l| {
        let mut found = false;
        walk(&l.body, &mut |t| {
            found |= !std::ptr::eq(t, at) && stmt_mentions(t, v)
        });
        found
    });
    later || again
}

/// Whether a statement inside a loop assigns `v` (a `let v;` assigned before a `break`:
/// valid Rust, but once its `break` is a flow flag rustc sees a second assignment and a use
/// that may come before the first).
pub fn assigned_in_loop(body: &Block, v: VarId) -> bool {
    let mut found = false;
    walk(body, &mut |s| {
        if let Stmt::Loop(l) = s {
            walk(&l.body, &mut |t| {
                found |= matches!(t, Stmt::Assign { var, .. } if *var == v);
            });
        }
    });
    found
}

/// Visits every statement of a block, depth first, in order.
pub fn walk<'a>(b: &'a Block, f: &mut impl FnMut(&'a Stmt)) {
    walk_stmts(&b.stmts, f);
}

pub fn walk_blocks<'a>(b: &'a Block, f: &mut impl FnMut(&'a Block)) {
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
pub fn reads_nested(s: &Stmt, v: VarId) -> bool {
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
pub fn assigned_in(s: &Stmt, out: &mut BTreeSet<VarId>) {
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

pub fn for_each_iter_loop<'a>(b: &'a Block, f: &mut impl FnMut(&'a Loop)) {
    walk(b, &mut |s| {
        if let Stmt::Loop(l) = s {
            f(l);
        }
    });
}

/// How many statements read element `idx` of the tuple `v` (`t.0[0] * t.1 + t.0[1]` reads
/// `t.0` twice: a printer must not move it out at the first).
pub fn field_reads(func: &Func, v: VarId, idx: &syn::Index) -> usize {
    let mut n = 0;
    walk(&func.body, &mut |s: &Stmt| {
        if let Stmt::Let {
            op: Op::Field(Atom::Var(b), i),
            ..
        }
        | Stmt::Assign {
            op: Op::Field(Atom::Var(b), i),
            ..
        } = s
            && *b == v
            && i.index == idx.index
        {
            n += 1;
        }
    });
    n
}
