//! Activity (forward: which variables depend on a differentiated parameter) and usefulness
//! (backward: which active variables reach the result). Only variables that are both get
//! derivatives; every mode starts from these.

use crate::ir::*;
use crate::sema::rules::{self, MethodRule};

pub(crate) fn atom_active(a: &Atom, active: &[bool]) -> bool {
    a.var().is_some_and(|v| active[v])
}

pub(crate) fn op_output_active(op: &Op, active: &[bool]) -> bool {
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

/// The variables that are integers because they index (`x[s.i]`, `x[s.j + 1]`): an index
/// atom, and backwards the operands of the arithmetic and the copies that make one. Never
/// differentiated, whatever they are read from (a `#[no_derivative] i: usize` field of a
/// differentiated struct is read from a differentiated value).
pub(crate) fn index_integers(func: &Func) -> Vec<bool> {
    let mut int = vec![false; func.vars.len()];
    walk(&func.body, &mut |s| {
        if let Some(Atom::Var(i)) = func.scalar_index(s) {
            int[*i] = true;
        }
        if let Stmt::Let { op, .. } | Stmt::Assign { op, .. } | Stmt::IndexAssign { op, .. } = s {
            match op {
                // The exponent of `powi` (an `i32`: a `#[no_derivative]` field, `self.k`).
                Op::Method { name, args, .. } if name == "powi" => {
                    if let Some(Atom::Var(k)) = args.first() {
                        int[*k] = true;
                    }
                }
                // A `mapv` closure's captures it uses so (its parameters: the element,
                // then the captures).
                Op::Map { sub, captures, .. } => {
                    let inner = index_integers(sub);
                    for (k, c) in captures.iter().enumerate() {
                        if inner.get(k + 1).copied().unwrap_or(false) {
                            int[*c] = true;
                        }
                    }
                }
                _ => {}
            }
        }
        // An element of a constant table, as second order prints it (`C[s.i]`).
        if let Stmt::Let {
            op: Op::Opaque { what, reads, .. },
            ..
        } = s
            && what == "an element of a constant"
        {
            for &i in reads {
                int[i] = true;
            }
        }
    });
    loop {
        let mut changed = false;
        walk(&func.body, &mut |s| {
            if let Stmt::Let { var, op, .. } | Stmt::Assign { var, op, .. } = s
                && int[*var]
            {
                let operands: Vec<&Atom> = match op {
                    Op::Arith(_, a, b) => vec![a, b],
                    Op::Copy(a) => vec![a],
                    _ => vec![],
                };
                for a in operands {
                    if let Atom::Var(v) = a
                        && !int[*v]
                        && func.vars[*v].kind != VarKind::Param
                    {
                        int[*v] = true;
                        changed = true;
                    }
                }
            }
        });
        if !changed {
            break;
        }
    }
    int
}

/// The variables that depend on `active_params`, to a fixed point (loops feed values back).
pub(crate) fn activity(func: &Func, active_params: &[VarId]) -> Vec<bool> {
    let mut active = vec![false; func.vars.len()];
    for &p in active_params {
        active[p] = true;
    }
    let int = index_integers(func);
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
                && !int[v]
            {
                active[v] = true;
                changed = true;
            }
        });
        if !changed {
            break;
        }
    }

    active
}

/// The active variables that reach the result, backwards to a fixed point.
pub(crate) fn usefulness(func: &Func, active: &[bool]) -> Vec<bool> {
    let n = func.vars.len();
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

    useful
}
