//! Facts about buffers for the reverse sweep: element increments whose old element needs no
//! adjoint, buffers of fixed length, views re-made from their bases, and fill loops that the
//! reverse of their enclosing loop runs again instead of recording their writes.

use super::*;

/// Finds the element increments of [`Analysis::increments`] and drops the adjoints of their
/// old-element reads.
pub(crate) fn find_increments(func: &Func, kinds: &[Kind], useful: &mut [bool]) -> HashSet<usize> {
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
pub(crate) fn root_atom(func: &Func, a: &Atom) -> Atom {
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

pub(crate) fn same_atom(a: &Atom, b: &Atom) -> bool {
    match (a, b) {
        (Atom::Var(x), Atom::Var(y)) => x == y,
        (Atom::Const(x), Atom::Const(y)) => x.to_string() == y.to_string(),
        _ => false,
    }
}

/// The statement address of the loop statement `k` of the function (for the fill loops of
/// [`Analysis::rebuilds`]), found by address.
pub(crate) fn stmt_at(func: &Func, k: usize) -> Option<&Stmt> {
    let mut found = None;
    walk(&func.body, &mut |s| {
        if s as *const Stmt as usize == k {
            found = Some(s);
        }
    });
    found
}

/// The write `b[j] = e` of the fill loop at address `k`.
pub(crate) fn kill_write(func: &Func, k: usize) -> Option<usize> {
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
pub(crate) fn buffer_lengths(func: &Func, presized: &[bool]) -> HashMap<VarId, Atom> {
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
pub(crate) fn fills_whole(func: &Func, s: &Stmt, b: VarId, len: &Atom) -> bool {
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
pub(crate) fn filled_before_read(func: &Func, stmts: &[Stmt], b: VarId, len: &Atom) -> bool {
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
pub(crate) fn find_rebuilds(
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
pub(crate) fn enclosing_block(func: &Func, k: usize) -> Option<BlockId> {
    let mut found = None;
    walk_blocks(&func.body, &mut |b| {
        if b.stmts.iter().any(|s| s as *const Stmt as usize == k) {
            found = Some(b.id);
        }
    });
    found
}

/// The address of the loop statement with id `id`.
pub(crate) fn loops_addr(func: &Func, id: usize) -> usize {
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
pub(crate) fn presized(func: &Func, kinds: &[Kind]) -> Vec<bool> {
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

/// Whether `v` is an argument of a call anywhere in the body.
fn passed_to_call(func: &Func, v: VarId) -> bool {
    let mut found = false;
    walk(&func.body, &mut |s| {
        if let Stmt::Let {
            op: Op::Call { args, .. },
            ..
        }
        | Stmt::Assign {
            op: Op::Call { args, .. },
            ..
        } = s
        {
            found |= args.iter().any(|a| a.var() == Some(v));
        }
    });
    found
}

/// Variables of the function body holding views of its own arrays (see
/// [`Analysis::reborrow`]), and those of them whose base a later statement writes, which
/// are made as owned copies instead (see [`Analysis::owned_copy`]).
pub(crate) fn reborrows(func: &Func, kinds: &[Kind]) -> (Vec<bool>, Vec<bool>) {
    let mut out = vec![false; func.vars.len()];
    let local = |v: VarId, out: &[bool]| {
        let var = &func.vars[v];
        out[v]
            || !(kinds[v].is_scalar()
                || matches!(kinds[v], Kind::SeqScalar | Kind::SeqArray)
                || (var.kind == VarKind::Param && matches!(var.ty, Some(syn::Type::Reference(_)))))
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
            // A field read of a local struct (made by a call or a literal), or of a
            // by-value parameter, borrows it.
            Op::Member(Atom::Var(b), ..) => {
                !(func.vars[*b].kind == VarKind::Param
                    && matches!(func.vars[*b].ty, Some(syn::Type::Reference(_))))
            }
            // A sub-slice `&buf[a..b]` of a local buffer (iterated by a chain, say): the
            // closure that outlives the body cannot hold it; re-made from the moved `buf`.
            Op::SliceRef {
                base: Atom::Var(b), ..
            } => func.vars[*b].kind != VarKind::Param && !kinds[*b].is_scalar(),
            // A row `&w[i]` of a sequence the function owns (a by-value parameter, a local).
            Op::Index {
                base: Atom::Var(b),
                by_ref: true,
                ..
            } => {
                !(func.vars[*b].kind == VarKind::Param
                    && matches!(func.vars[*b].ty, Some(syn::Type::Reference(_))))
            }
            _ => false,
        };
        out[*var] = hit;
    });
    // The function body's views are re-made from their base at the start of the reverse
    // sweep, that is from the base's final value: only sound when nothing writes the base
    // after the view was made (`let old = s.x; s = step(&s);` re-made `old` from the new
    // `s`, a silently wrong gradient). A view whose base a later statement may write
    // (assigned, a field written, changed in place by a method or call) is kept as an
    // ordinary value; in a loop body a stored view is copied at its definition anyway.
    let stmts = &func.body.stmts;
    let mut written_after = vec![false; func.vars.len()];
    let mut owned = vec![false; func.vars.len()];
    for k in (0..stmts.len()).rev() {
        if let Stmt::Let { var, op, .. } = &stmts[k]
            && op.reads().iter().any(|b| written_after[*b])
        {
            // A field read (also of a by-value parameter, never a view) or an array view:
            // copied where it is made, so that nothing borrows the base when it is written.
            owned[*var] = matches!(op, Op::Member(_, _, false))
                // A borrowed field operand (`&self.x + ..`), unless a call takes it (by
                // reference, which an owned copy is not).
                || (matches!(op, Op::Member(_, _, true)) && !passed_to_call(func, *var))
                || (out[*var] && matches!(op, Op::Method { .. }) && !passed_to_call(func, *var));
            out[*var] = false;
        }
        walk_stmts(std::slice::from_ref(&stmts[k]), &mut |s| {
            let own = match s {
                Stmt::Let { var, .. } | Stmt::Declare { var } => Some(*var),
                _ => None,
            };
            for v in crate::ir::writes(s) {
                if Some(v) != own {
                    written_after[v] = true;
                }
            }
        });
    }
    (out, owned)
}
