//! Which primal values each operation's partials read (from the rule catalog).

use super::*;

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
        // A cast of a value whose type the code does not show: its reverse reads the operand
        // for its type (`cast_back`).
        Op::Cast {
            a: Atom::Var(v), ..
        } if is_active(0) && func.cast_operand_unseen(*v) => resolve(&[Need::In(0)], &mut out),
        Op::Arith(a, x, y) => {
            let (_, partials) = rules::arith(*a);
            let (kx, ky) = (kinds::atom_kind(x, kinds), kinds::atom_kind(y, kinds));
            for (k, needs) in partials.iter().enumerate() {
                if is_active(k) {
                    resolve(needs, &mut out);
                    // The operand whose shape the cotangent is reduced to: its value, unless
                    // the sweep records its shape instead (see `shape_needs`).
                    if kinds::arith_target(kx, ky, k) == kinds::Target::Operand
                        && !shape_target(func, ops[k], kinds)
                    {
                        resolve(&[Need::In(k)], &mut out);
                    }
                }
            }
        }
        Op::Method {
            name, extra, args, ..
        } => {
            let n = extra.rule_name(name);
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
        Op::Map { sub, .. } if map_by_output(sub).is_some() => out.push((target, true)),
        // The derivative computed by the forward sweep (see `nest::map_derivatives`).
        Op::Map {
            derivative: Some(_),
            ..
        } if !func.dual => {}
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

/// A map whose closure is one float method of the element with a derivative that reads only
/// the method's value (`mapv(f64::tanh)`, `mapv(|v| v.exp())`, `sqrt`, ...; the `Y` entries
/// of the rule catalog): its reverse reads the map's stored result instead of evaluating the
/// closure again per element. The method's name.
pub fn map_by_output(sub: &Func) -> Option<&syn::Ident> {
    let [
        Stmt::Let {
            var: v,
            op: Op::Method {
                name, recv, args, ..
            },
            ..
        },
        Stmt::Let {
            var: r,
            op: Op::Copy(Atom::Var(w)),
            ..
        },
    ] = sub.body.stmts.as_slice()
    else {
        return None;
    };
    let by_output = matches!(
        rules::method(&name.to_string()),
        Some(MethodRule::Diff { arity: 1, partials }) if partials == [&[Need::Out][..]]
    );
    (by_output && args.is_empty() && recv.var() == Some(0) && w == v && *r == sub.ret)
        .then_some(name)
}

/// Whether an arithmetic operand whose value a rule reads only to reduce a cotangent to its
/// shape (`Target::Operand`) is recorded by its shape instead (`tensor::shape_of_value`):
/// a `let` of the body or of a block (defined once per run of its block, never changed)
/// known to be an array. Parameters are always at hand; mutable variables keep their value;
/// a value of unknown kind may be a scalar at run time, whose value (8 bytes, or recomputed)
/// costs less to keep than a shape.
pub fn shape_target(func: &Func, a: &Atom, kinds: &[Kind]) -> bool {
    matches!(a, Atom::Var(v) | Atom::Ref(v)
        if func.vars[*v].kind == VarKind::Let && kinds[*v] == Kind::Array)
}

/// The operands of `op` whose shapes (not values) its partials read (see [`shape_target`]).
pub fn shape_needs(func: &Func, op: &Op, active: &[bool], kinds: &[Kind]) -> Vec<VarId> {
    let Op::Arith(a, x, y) = op else {
        return Vec::new();
    };
    let ops = op.operands();
    let (_, partials) = rules::arith(*a);
    let (kx, ky) = (kinds::atom_kind(x, kinds), kinds::atom_kind(y, kinds));
    (0..partials.len())
        .filter(|&k| ops.get(k).is_some_and(|a| atom_active(a, active)))
        .filter(|&k| kinds::arith_target(kx, ky, k) == kinds::Target::Operand)
        .filter(|&k| shape_target(func, ops[k], kinds))
        .filter_map(|k| ops[k].var())
        .collect()
}
