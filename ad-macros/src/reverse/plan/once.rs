//! Adjoints written once ([`written_once`]): a scalar `let` whose value one later statement of
//! its own block reads once, in an operation whose reverse is a plain scalar rule
//! (`let a = x * q; let b = a.sin();`, the temporaries of an expression). Its adjoint receives
//! exactly one contribution, in the reverse of that reader, and is taken exactly once
//! afterwards, in the reverse of its definition, both in the same reverse block. The sweep
//! then declares it without a value (`let d;`), assigns the contribution (`d = rule(..);`)
//! and reads it (`d`), where other adjoints are `let mut d = zero();`, `acc(&mut d, ..)` and
//! `take(&mut d)`: the same value (`0 + g` is `g`, but for the sign of a zero), three calls
//! fewer for rustc to resolve per temporary (about 8% of its instructions on the compile-time
//! benchmark's expanded functions). The declaration without a value also makes rustc check
//! the claim: an adjoint read before its one assignment, or assigned twice, does not compile.

use crate::ir::{Atom, Block, Func, Op, Stmt, VarId, VarKind};
use crate::reverse::plan::Analysis;
use crate::sema::kinds::{Kind, atom_kind};
use std::collections::HashSet;

/// The variables whose adjoint is written once (see the module docs).
pub fn written_once(func: &Func, an: &Analysis) -> HashSet<VarId> {
    let n = func.vars.len();
    // Reads of each variable anywhere (with multiplicity: `a * a` reads `a` twice), and
    // every statement that defines or writes it.
    let mut reads = vec![0usize; n];
    let mut writes = vec![0usize; n];
    crate::ir::walk(&func.body, &mut |s: &Stmt| {
        let mut read = |a: &Atom| {
            if let Some(v) = a.var() {
                reads[v] += 1;
            }
        };
        match s {
            Stmt::Let { var, op, .. } | Stmt::Assign { var, op, .. } => {
                writes[*var] += 1;
                // (A square `x * x` is one contribution: `sq_d0`.)
                match op {
                    Op::Arith(crate::ir::Arith::Mul, a @ (Atom::Var(_) | Atom::Ref(_)), b)
                        if a.var() == b.var()
                            && std::mem::discriminant(a) == std::mem::discriminant(b) =>
                    {
                        read(a)
                    }
                    _ => op.reads().into_iter().for_each(|v| reads[v] += 1),
                }
            }
            Stmt::IndexAssign {
                base, index, op, ..
            } => {
                writes[*base] += 1;
                read(index);
                op.reads().into_iter().for_each(|v| reads[v] += 1);
            }
            Stmt::Push { base, value, .. } => {
                writes[*base] += 1;
                read(value);
            }
            Stmt::Declare { var } => writes[*var] += 1,
            Stmt::If { cond, .. } => read(cond),
            Stmt::Loop(l) => match &l.kind {
                crate::ir::LoopKind::Range { lo, hi, .. } => {
                    read(lo);
                    read(hi);
                }
                crate::ir::LoopKind::While { cond_atom, .. } => read(cond_atom),
                crate::ir::LoopKind::Iter { reads: rs, .. } => {
                    rs.iter().for_each(|v| reads[*v] += 1)
                }
                crate::ir::LoopKind::Loop => {}
            },
            Stmt::Effect { .. } | Stmt::SetFlow(_) => {}
        }
    });
    let mut once = HashSet::new();
    crate::ir::walk_blocks(&func.body, &mut |b: &Block| {
        for (k, def) in b.stmts.iter().enumerate() {
            let Stmt::Let { var: v, .. } = def else {
                continue;
            };
            let v = *v;
            let var = &func.vars[v];
            if var.kind != VarKind::Let
                || v == func.ret
                || !an.adj(v)
                || an.kinds[v] != Kind::Scalar
                || writes[v] != 1
                || reads[v] != 1
                || !an.has_rev(def)
            {
                continue;
            }
            // The one reader: a later statement of this block, itself reversed.
            let Some(user) = b.stmts[k + 1..].iter().find(|s| reads_directly(s, v)) else {
                continue;
            };
            if !an.work(user) {
                continue;
            }
            if let Stmt::Let { op, .. } | Stmt::Assign { op, .. } = user
                && scalar_rule(op, &an.kinds)
            {
                once.insert(v);
            }
        }
    });
    once
}

/// Whether statement `s` itself (not a nested block) reads `v` as an operand.
fn reads_directly(s: &Stmt, v: VarId) -> bool {
    match s {
        Stmt::Let { op, .. } | Stmt::Assign { op, .. } => op.reads().contains(&v),
        _ => false,
    }
}

/// An operation whose reverse gives each active operand its contribution through a scalar
/// rule (`Gen::partials_impl`'s last loop): arithmetic of scalars, a float method of the scalar
/// rule table on a scalar, negation, a copy or a cast.
fn scalar_rule(op: &Op, kinds: &[Kind]) -> bool {
    let scalar = |a: &Atom| atom_kind(a, kinds) == Kind::Scalar || matches!(a, Atom::Const(_));
    match op {
        Op::Arith(_, a, b) => scalar(a) && scalar(b),
        Op::Neg(a) | Op::Copy(a) | Op::Cast { a, .. } => scalar(a),
        Op::Method {
            name,
            extra,
            recv,
            args,
            ..
        } => {
            let n = extra.rule_name(name);
            matches!(
                crate::sema::rules::method(&n),
                Some(crate::sema::rules::MethodRule::Diff { .. })
            ) && scalar(recv)
                && args.iter().all(scalar)
        }
        _ => false,
    }
}
