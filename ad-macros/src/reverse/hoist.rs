//! Bounds checks hoisted out of counted loops (loop versioning), in the forward sweep.
//!
//! The forward sweep runs the user's loops as written, so an element access `x[i]` in a loop
//! is bounds-checked at every iteration, like in the primal. A check that may panic in the
//! middle of a loop, after earlier iterations' stores, keeps LLVM from unrolling the loop
//! freely or keeping its values in registers; rustc does not remove it. In the typical loop
//! of numeric code, though, every index is an affine function of the iteration number: the
//! loop variable plus an offset (`x[i + 1]`), a row start (`x[r * d + j]`), or a counter
//! stepped once per iteration (`icf[idx]; idx += 1`). The largest index the loop will use is
//! then known before it starts, so [`Gen::hoisted_checks`] checks it once there:
//!
//! ```text
//! if every access of the loop is in bounds at its first and last iteration {
//!     the loop, with those accesses unchecked
//! } else {
//!     the loop as written (it panics where the primal panics)
//! }
//! ```
//!
//! **Why this is sound.** The loop qualifies when it is a forward range `lo..hi` or `lo..=hi`
//! (not `.rev()`) whose body is straight-line code (no branches, inner loops or lowered
//! `break`s, so every statement runs in every iteration). An index `i` is *affine* when the
//! body computes it, through `let`s, from
//!
//! - the loop variable: `lo + t` at iteration `t` (from 0),
//! - values the loop does not write (constants, outer variables): their value at entry,
//! - a *counter* `c`, written in the body only by one statement `c = c + s` with `s` of the
//!   kind above: `c₀ + s t` before that statement and `c₀ + s (t + 1)` after it,
//!
//! with `+`, `*` (one factor independent of `t`) and `-` (subtrahend independent of `t`).
//! Then `i = b + a t` for all `t` as integers, with `b` and `a` computed at entry with checked
//! `usize` arithmetic: if any step overflows or goes below zero the guard fails. Otherwise
//! `a ≥ 0` and `b ≥ 0`, so `i` grows with `t`, and `b + a (n - 1) < len` (n iterations, also
//! checked) puts every iteration's `i` in bounds. The loop computes `i` with the same
//! operations in `usize`, which wrap (release) or panic (debug, in both versions alike); a
//! wrapped result is congruent to the exact one modulo 2⁶⁴, and the exact one is in
//! `[0, len)`, so they are equal. Only accesses of *fixed-length* sequences qualify
//! ([`Gen::fixed_length`]: a parameter slice or a `vec![c; n]` buffer never reassigned or
//! pushed to), so `len` read at entry holds for the whole loop. Code with
//! `#[differentiable(checked)]` keeps every check.
//!
//! On the GMM benchmark (d = 64) this removes about 15% of the gradient's instructions: the
//! forward triangle loop `qxc[r] += icf[idx] * xc[c]; idx += 1` loses its two checks per
//! element. The primal `f` is left exactly as the user wrote it.

use super::Gen;
use crate::ir::*;
use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use std::collections::{HashMap, HashSet};

/// An index `base + coef · t` as expressions of type `Option<usize>` evaluated before the
/// loop (`None`: overflow). `coef: None` is a structural zero.
#[derive(Clone)]
struct Affine {
    base: TokenStream,
    coef: Option<TokenStream>,
}

impl Gen<'_> {
    /// For a loop of the forward sweep: the guard under which its element accesses can skip
    /// their bounds checks (an expression of type `bool`, evaluated right before the loop),
    /// and those accesses' statements (by address). `None` when no access qualifies (see the
    /// module documentation).
    ///
    /// With `fused` (the loop's reverse runs at the end of each iteration, `f_vjp`'s loop
    /// fusion), the guard also covers that reverse's accesses to the adjoints of the same
    /// buffers at the same indices, and those of `carried` (neighbour carries, at the loop
    /// variable), returned as [`Access`]es: an index held in the loop variable, a constant,
    /// a value the body does not write or a `let` of the body (immutable, still in scope with
    /// the value the forward access used), each checked against the adjoint's own length.
    #[allow(clippy::type_complexity)]
    pub(super) fn hoisted_checks(
        &self,
        l: &Loop,
        fused: bool,
        carried: &[VarId],
    ) -> Option<(TokenStream, HashSet<usize>, HashSet<Access>)> {
        let LoopKind::Range {
            var,
            lo,
            hi,
            inclusive,
            rev: false,
        } = &l.kind
        else {
            return None;
        };
        if self.func.checked {
            return None;
        }
        let stmts = &l.body.stmts;
        if !straight_line(stmts) {
            return None;
        }
        let rt = quote!(::ad_runtime::__private::hoist);
        // Variables written in the body, and those it defines.
        let mut writes: HashMap<VarId, usize> = HashMap::new();
        let mut defined: HashSet<VarId> = HashSet::new();
        for s in stmts {
            match s {
                Stmt::Assign { var, .. } => *writes.entry(*var).or_default() += 1,
                Stmt::Let { var, .. } => {
                    defined.insert(*var);
                }
                _ => {}
            }
        }
        let invariant = |a: &Atom| match a {
            Atom::Const(_) => true,
            Atom::Var(v) => *v != *var && !writes.contains_key(v) && !defined.contains(v),
            Atom::Ref(_) => false,
        };
        // Counters: `c = c + s`, the only write of `c` in the body.
        let counters: HashMap<VarId, Atom> = stmts
            .iter()
            .filter_map(|s| match s {
                Stmt::Assign {
                    var: c,
                    op: Op::Arith(Arith::Add, Atom::Var(c2), step),
                    ..
                } if c == c2 && writes[c] == 1 && !defined.contains(c) && invariant(step) => {
                    Some((*c, step.clone()))
                }
                _ => None,
            })
            .collect();
        let lo_tokens = self.atom(lo);
        let mut forms: HashMap<VarId, Affine> = HashMap::new();
        let mut stepped: HashSet<VarId> = HashSet::new();
        let mut accesses: Vec<(VarId, Affine, Atom)> = Vec::new();
        let mut unchecked: HashSet<usize> = HashSet::new();
        let form_of = |a: &Atom, forms: &HashMap<VarId, Affine>, stepped: &HashSet<VarId>| {
            let v = match a {
                Atom::Const(c) => {
                    return Some(Affine {
                        base: quote!(::core::option::Option::Some(#c)),
                        coef: None,
                    });
                }
                Atom::Ref(_) => return None,
                Atom::Var(v) => *v,
            };
            if v == *var {
                return Some(Affine {
                    base: quote!(::core::option::Option::Some(#lo_tokens)),
                    coef: Some(quote!(::core::option::Option::Some(1usize))),
                });
            }
            if let Some(f) = forms.get(&v) {
                return Some(f.clone());
            }
            let i = self.v(v);
            // `usize` or `&usize` (`i + k` with `k: &usize` is an index too).
            let value = |a: TokenStream| quote!(#rt::value(#a));
            if let Some(step) = counters.get(&v) {
                let s = match step {
                    Atom::Const(c) => quote!(::core::option::Option::Some(#c)),
                    _ => value(self.atom(step)),
                };
                let base = if stepped.contains(&v) {
                    let i = value(quote!(#i));
                    quote!(#rt::add(#i, #s))
                } else {
                    value(quote!(#i))
                };
                return Some(Affine {
                    base,
                    coef: Some(s),
                });
            }
            invariant(a).then(|| Affine {
                base: value(quote!(#i)),
                coef: None,
            })
        };
        for s in stmts {
            match s {
                Stmt::Let { var: v, op, .. } => {
                    if let Op::Index {
                        base: Atom::Var(b),
                        index,
                        by_ref: false,
                    } = op
                        && self.fixed_length(*b)
                        && !self.func.is_nd_index(index)
                        && let Some(f) = form_of(index, &forms, &stepped)
                    {
                        accesses.push((*b, f, index.clone()));
                        unchecked.insert(s as *const Stmt as usize);
                        continue;
                    }
                    if self.func.vars[*v].kind != VarKind::Let {
                        continue;
                    }
                    let f = match op {
                        Op::Copy(a) | Op::CloneOf(a) => form_of(a, &forms, &stepped),
                        Op::Arith(k, a, b) => {
                            let (Some(fa), Some(fb)) =
                                (form_of(a, &forms, &stepped), form_of(b, &forms, &stepped))
                            else {
                                continue;
                            };
                            combine(*k, fa, fb, &rt)
                        }
                        _ => None,
                    };
                    if let Some(f) = f {
                        forms.insert(*v, f);
                    }
                }
                Stmt::IndexAssign { base, index, .. } => {
                    if self.fixed_length(*base)
                        && !self.func.is_nd_index(index)
                        && let Some(f) = form_of(index, &forms, &stepped)
                    {
                        accesses.push((*base, f, index.clone()));
                        unchecked.insert(s as *const Stmt as usize);
                    }
                }
                Stmt::Assign { var: c, .. } if counters.contains_key(c) => {
                    stepped.insert(*c);
                }
                _ => {}
            }
        }
        if accesses.is_empty() {
            return None;
        }
        let hi = self.atom(hi);
        let range = if *inclusive {
            quote!(#lo_tokens..=#hi)
        } else {
            quote!(#lo_tokens..#hi)
        };
        let n = super::mixed("__hoist_n");
        // The fused reverse's adjoint accesses (see above): not at a counter, whose value in
        // the reverse part of the iteration differs from the forward access's.
        let mut keys = HashSet::new();
        let mut adjoint = Vec::new();
        if fused {
            for (b, f, index) in &accesses {
                let at_counter = matches!(index, Atom::Var(v) if counters.contains_key(v));
                if (self.an.adj(*b) && self.unchecked_adjoint(*b)) && !at_counter {
                    keys.insert((*b, Side::Adjoint, self.atom(index).to_string()));
                    adjoint.push((*b, f.clone()));
                }
            }
            for b in carried {
                if (self.an.adj(*b) && self.unchecked_adjoint(*b))
                    && let Some(f) = form_of(&Atom::Var(*var), &forms, &stepped)
                {
                    keys.insert((*b, Side::Adjoint, self.v(*var).to_string()));
                    adjoint.push((*b, f));
                }
            }
        }
        let mut seen = HashSet::new();
        let primal = accesses.iter().map(|(b, f, _)| {
            let b = self.v(*b);
            (quote!(#b), f)
        });
        let adjoint = adjoint.iter().map(|(b, f)| {
            let d = self.adj(*b);
            (quote!(#d), f)
        });
        let checks = primal.chain(adjoint).filter_map(|(b, f)| {
            let base = &f.base;
            let coef = f
                .coef
                .clone()
                .unwrap_or_else(|| quote!(::core::option::Option::Some(0usize)));
            let check = quote!(#rt::in_bounds(#base, #coef, #n, #b[..].len()));
            // One check per distinct index and sequence (a read and a write of `y[r]`).
            seen.insert(check.to_string()).then_some(check)
        });
        let guard = quote!({
            let #n = ::core::iter::Iterator::size_hint(&(#range)).0;
            #n == 0 || (true #(&& #checks)*)
        });
        Some((guard, unchecked, keys))
    }
}

/// Which side of a buffer an element access of the reverse sweep touches.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Side {
    /// The primal buffer (a value re-read by the reverse sweep).
    Primal,
    /// Its adjoint.
    Adjoint,
}

/// An element access of the reverse sweep: the buffer, the side, and the index as printed.
pub(crate) type Access = (VarId, Side, String);

impl Gen<'_> {
    /// Loop versioning for the reverse of a range loop, run as `for k in (0..n).rev()` with
    /// the loop variable `lo + k` (see [`Gen::rev_loop`]): the guard (a `bool` expression
    /// evaluated right before the reverse loop, in the reverse sweep) under which its element
    /// accesses can skip their bounds checks, and those accesses. `carried`: buffers whose
    /// adjoint the neighbour carry writes at `at + 1` (`at = lo + k`) in every iteration.
    ///
    /// **Why this is sound.** The guard is computed from the values the reverse loop itself
    /// will use, not from what the forward sweep did: the loop variable is `lo + k` for
    /// `k < n` with `lo` and `n` as the reverse loop reads them; an index is covered only
    /// when the reverse body recomputes it (never when it pops it from a tape), from the loop
    /// variable, values the body does not write, and counters `c = c + s` whose one step the
    /// reverse body undoes at its start, so that `c` is `C - s (n - k)` in iteration `k`,
    /// where `C` is its value at the reverse loop's entry (the guard computes `C - s n` with
    /// checked arithmetic). Only accesses made by the body's own statements are covered
    /// (those in nested blocks and inner loops are not counted on to run), and the values
    /// above are ones no statement of the body, nested or not, writes, so every iteration's
    /// index is `b + a k` as in the forward case, checked at `k = n - 1` against the length
    /// of the very buffer it indexes (the primal or its adjoint, read at entry). Nothing in
    /// the loop shortens either: the buffers are fixed-length (never assigned, pushed to or
    /// given a length-changing method anywhere in the function), and an adjoint only ever
    /// grows. The same accesses in the body's nested blocks use the same variables, so the
    /// guard covers them too.
    pub(super) fn reverse_checks(
        &self,
        l: &Loop,
        n: &proc_macro2::Ident,
        carried: &[(VarId, proc_macro2::Ident)],
    ) -> Option<(TokenStream, HashSet<Access>)> {
        let LoopKind::Range {
            var,
            lo,
            rev: false,
            ..
        } = &l.kind
        else {
            return None;
        };
        let stmts = &l.body.stmts;
        // Innermost loops only: versioning a loop copies its body, and copies of copies
        // would grow the code exponentially with the nesting depth (the outer loops' own
        // accesses run once per inner loop, where a check costs little).
        let mut nested = false;
        crate::ir::walk_stmts(stmts, &mut |s| nested |= matches!(s, Stmt::Loop(_)));
        if self.func.checked || nested {
            return None;
        }
        let rt = quote!(::ad_runtime::__private::hoist);
        // Variables written anywhere in the body (nested blocks and loops too), and those
        // declared anywhere in it (in its block or a nested one).
        let mut writes: HashMap<VarId, usize> = HashMap::new();
        let mut blocks: HashSet<BlockId> = HashSet::from([l.body.id]);
        crate::ir::walk_stmts(stmts, &mut |s| match s {
            Stmt::Assign { var, .. } => *writes.entry(*var).or_default() += 1,
            Stmt::If { then, els, .. } => {
                blocks.insert(then.id);
                blocks.insert(els.id);
            }
            Stmt::Loop(inner) => {
                blocks.insert(inner.body.id);
                if let LoopKind::While { cond_block, .. } = &inner.kind {
                    blocks.insert(cond_block.id);
                }
            }
            _ => {}
        });
        let defined: HashSet<VarId> = (0..self.func.vars.len())
            .filter(|v| blocks.contains(&self.func.vars[*v].block))
            .collect();
        let invariant = |a: &Atom| match a {
            Atom::Const(_) => true,
            Atom::Var(v) => *v != *var && !writes.contains_key(v) && !defined.contains(v),
            Atom::Ref(_) => false,
        };
        if !invariant(lo) {
            return None;
        }
        // Counters whose step the reverse body undoes first (`Analysis::hoists`).
        let counters: HashMap<VarId, Atom> = stmts
            .iter()
            .filter_map(|s| match s {
                Stmt::Assign {
                    var: c,
                    op: Op::Arith(Arith::Add, Atom::Var(c2), step),
                    ..
                } if c == c2
                    && writes[c] == 1
                    && !defined.contains(c)
                    && invariant(step)
                    && self.an.hoists(s)
                    && !self.undo_step(s).is_empty() =>
                {
                    Some((*c, step.clone()))
                }
                _ => None,
            })
            .collect();
        // Values the reverse body recomputes (at its start or right before their use).
        let recomputed = |v: VarId| {
            self.an.needed[v]
                && (self.an.recompute[v] || self.an.late[v].is_some())
                && !self.an.stored(self.func, v)
        };
        let lo_tokens = self.atom(lo);
        let value = |a: TokenStream| quote!(#rt::value(#a));
        let some = |c: &TokenStream| quote!(::core::option::Option::Some(#c));
        let mut forms: HashMap<VarId, Affine> = HashMap::new();
        let form_of = |a: &Atom, forms: &HashMap<VarId, Affine>| -> Option<Affine> {
            let v = match a {
                Atom::Const(c) => {
                    return Some(Affine {
                        base: some(c),
                        coef: None,
                    });
                }
                Atom::Ref(_) => return None,
                Atom::Var(v) => *v,
            };
            if v == *var {
                return Some(Affine {
                    base: some(&lo_tokens),
                    coef: Some(quote!(::core::option::Option::Some(1usize))),
                });
            }
            if let Some(f) = forms.get(&v) {
                return Some(f.clone());
            }
            let i = self.v(v);
            if let Some(step) = counters.get(&v) {
                let s = match step {
                    Atom::Const(c) => some(c),
                    _ => value(self.atom(step)),
                };
                let c = value(quote!(#i));
                let nv = value(quote!(#n));
                return Some(Affine {
                    base: quote!(#rt::sub(#c, #rt::mul(#s, #nv))),
                    coef: Some(s),
                });
            }
            invariant(a).then(|| Affine {
                base: value(quote!(#i)),
                coef: None,
            })
        };
        let mut accesses: Vec<(VarId, Side, Affine)> = Vec::new();
        let mut keys: HashSet<Access> = HashSet::new();
        for s in stmts {
            match s {
                Stmt::Let { var: v, op, .. } => {
                    if let Op::Index {
                        base: Atom::Var(b),
                        index,
                        by_ref: false,
                    } = op
                        && self.fixed_length(*b)
                        && !self.func.is_nd_index(index)
                    {
                        if let Some(f) = form_of(index, &forms) {
                            let key = self.atom(index).to_string();
                            if recomputed(*v) {
                                accesses.push((*b, Side::Primal, f.clone()));
                                keys.insert((*b, Side::Primal, key.clone()));
                            }
                            // (Only a read whose adjoint the reverse accumulates: a branch
                            // condition's `x[i]` has none, and its index need not be bound
                            // in the reverse sweep.)
                            if self.an.adj(*b) && self.an.adj(*v) && self.unchecked_adjoint(*b) {
                                accesses.push((*b, Side::Adjoint, f));
                                keys.insert((*b, Side::Adjoint, key));
                            }
                        }
                        continue;
                    }
                    if self.func.vars[*v].kind != VarKind::Let || !recomputed(*v) {
                        continue;
                    }
                    let f = match op {
                        Op::Copy(a) | Op::CloneOf(a) => form_of(a, &forms),
                        Op::Arith(k, a, b) => match (form_of(a, &forms), form_of(b, &forms)) {
                            (Some(fa), Some(fb)) => combine(*k, fa, fb, &rt),
                            _ => None,
                        },
                        _ => None,
                    };
                    if let Some(f) = f {
                        forms.insert(*v, f);
                    }
                }
                Stmt::IndexAssign { base, index, .. } => {
                    if (self.an.adj(*base) && self.unchecked_adjoint(*base))
                        && !self.func.is_nd_index(index)
                        && let Some(f) = form_of(index, &forms)
                    {
                        accesses.push((*base, Side::Adjoint, f));
                        keys.insert((*base, Side::Adjoint, self.atom(index).to_string()));
                    }
                }
                _ => {}
            }
        }
        for (b, at) in carried {
            if self.an.adj(*b) && self.unchecked_adjoint(*b) {
                let one = quote!(::core::option::Option::Some(1usize));
                accesses.push((
                    *b,
                    Side::Adjoint,
                    Affine {
                        base: quote!(#rt::add(#rt::value(#lo_tokens), #one)),
                        coef: Some(one.clone()),
                    },
                ));
                keys.insert((*b, Side::Adjoint, quote!(#at + 1).to_string()));
            }
        }
        if accesses.is_empty() {
            return None;
        }
        // One check per distinct index form, against the shortest of the buffers it indexes
        // (a read `x[i]` and its adjoint's `x̄[i]`, or `x[i]` and `y[i]`).
        let mut groups: Vec<(String, &Affine, Vec<TokenStream>)> = Vec::new();
        for (b, side, f) in &accesses {
            let len = match side {
                Side::Primal => {
                    let x = self.v(*b);
                    quote!(#x[..].len())
                }
                Side::Adjoint => {
                    let d = self.adj(*b);
                    quote!(#d[..].len())
                }
            };
            let key = format!("{} {}", f.base, f.coef.to_token_stream());
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(g) if !g.2.iter().any(|l| l.to_string() == len.to_string()) => g.2.push(len),
                Some(_) => {}
                None => groups.push((key, f, vec![len])),
            }
        }
        let checks = groups.iter().map(|(_, f, lens)| {
            let base = &f.base;
            let coef = f
                .coef
                .clone()
                .unwrap_or_else(|| quote!(::core::option::Option::Some(0usize)));
            let len = lens[1..]
                .iter()
                .fold(lens[0].clone(), |a, l| quote!(::core::cmp::min(#a, #l)));
            quote!(#rt::in_bounds(#base, #coef, #n, #len))
        });
        let guard = quote!((#n == 0 || (true #(&& #checks)*)));
        Some((guard, keys))
    }
}

/// Straight-line code of operations that cannot change a sequence's length (no calls, no
/// opaque expressions, no statement macros, no branches or inner loops).
fn straight_line(stmts: &[Stmt]) -> bool {
    let plain = |op: &Op| {
        matches!(
            op,
            Op::Copy(_)
                | Op::Deref(_)
                | Op::CloneOf(_)
                | Op::Neg(_)
                | Op::Arith(..)
                | Op::Passive(..)
                | Op::Method { .. }
                | Op::Index { .. }
                | Op::Cast { .. }
                | Op::Tuple(_)
                | Op::Field(..)
                | Op::Member(..)
        )
    };
    stmts.iter().all(|s| match s {
        Stmt::Let { op, .. } | Stmt::Assign { op, .. } | Stmt::IndexAssign { op, .. } => plain(op),
        _ => false,
    })
}

/// The affine form of `a k b` from those of its operands, when it has one.
fn combine(k: Arith, a: Affine, b: Affine, rt: &TokenStream) -> Option<Affine> {
    let add = |x: &TokenStream, y: &TokenStream| quote!(#rt::add(#x, #y));
    let mul = |x: &TokenStream, y: &TokenStream| quote!(#rt::mul(#x, #y));
    match k {
        Arith::Add => Some(Affine {
            base: add(&a.base, &b.base),
            coef: match (&a.coef, &b.coef) {
                (None, None) => None,
                (Some(c), None) | (None, Some(c)) => Some(c.clone()),
                (Some(c), Some(d)) => Some(add(c, d)),
            },
        }),
        Arith::Sub if b.coef.is_none() => {
            let (x, y) = (&a.base, &b.base);
            Some(Affine {
                base: quote!(#rt::sub(#x, #y)),
                coef: a.coef,
            })
        }
        Arith::Mul => match (&a.coef, &b.coef) {
            (_, None) => Some(Affine {
                base: mul(&a.base, &b.base),
                coef: a.coef.as_ref().map(|c| mul(c, &b.base)),
            }),
            (None, Some(c)) => Some(Affine {
                base: mul(&a.base, &b.base),
                coef: Some(mul(&a.base, c)),
            }),
            _ => None,
        },
        _ => None,
    }
}
