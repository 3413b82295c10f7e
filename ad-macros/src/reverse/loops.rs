//! The reverse of loops, with the register optimisations: loop-invariant element reads
//! summed in registers and neighbour accumulations carried between iterations.

use super::*;
use crate::ir::*;
use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

impl<'a> Gen<'a> {
    pub(super) fn rev_loop(&self, l: &Loop) -> TokenStream {
        let rt = rt();
        let n = mixed(&format!("__iters{}", l.id));
        let pop = if self.top_level(l.id) {
            quote!()
        } else if let (
            true,
            LoopKind::Range {
                lo, hi, inclusive, ..
            },
        ) = (crate::reverse::plan::recounted(self.func, l), &l.kind)
        {
            let (lo, hi) = (self.atom(lo), self.atom(hi));
            let range = if *inclusive {
                quote!(#lo..=#hi)
            } else {
                quote!(#lo..#hi)
            };
            quote!(let #n = ::core::iter::Iterator::size_hint(&(#range)).0;)
        } else {
            let tape = self.tape(mixed(&format!("__tape_loop{}", l.id)));
            quote!(let #n = #tape.pop();)
        };
        let k = mixed("__k");
        let counter = match &l.kind {
            LoopKind::Range {
                var,
                lo,
                hi,
                inclusive,
                rev,
            } if self.an.needed[*var] => {
                let i = self.v(*var);
                let value = match (rev, inclusive) {
                    (false, _) => {
                        let lo = self.atom(lo);
                        quote!(#rt::range_up(#lo, #k))
                    }
                    (true, false) => {
                        let hi = self.atom(hi);
                        quote!(#rt::range_down(#hi, #k))
                    }
                    (true, true) => {
                        let hi = self.atom(hi);
                        quote!(#rt::range_down_incl(#hi, #k))
                    }
                };
                quote!(let #i = #value;)
            }
            _ => quote!(),
        };
        // Register redirections last while this loop is generated: an enclosing loop's body
        // may be generated twice (see `hoist`), and its other statements must not see them.
        let outer_redirect = self.redirect.borrow().clone();
        let carries = self.neighbour_carry(l);
        for (_, reads0, reads1, c0, c1, _) in &carries {
            let mut r = self.redirect.borrow_mut();
            for v in reads0 {
                r.insert(*v, c0.clone());
            }
            for v in reads1 {
                r.insert(*v, c1.clone());
            }
        }
        let invariant = self.invariant_reads(l);
        // Matrices whose adjoint gets only rank-1 updates here: gathered, added after the
        // loop as one product (the runtime's `tensor::outer`).
        let batches = self.outer_batches(l);
        let outer_batches = self.outer.borrow().clone();
        self.outer.borrow_mut().extend(batches.iter().cloned());
        // Each register sum alternates between two registers from one iteration to the next
        // (`swap` at the end of the body, free after unrolling): two independent chains of
        // additions instead of one, half the latency per iteration in a loop that does little
        // else (the cotangent of `xc[c]` over a packed triangle's column).
        let (mut inv_before, mut inv_swap, mut inv_after) = (quote!(), quote!(), quote!());
        for (b, index, reads, a) in &invariant {
            let mut r = self.redirect.borrow_mut();
            for v in reads {
                r.insert(*v, a.clone());
            }
            let d = self.adj(*b);
            let i = self.atom(index);
            let other = mixed(&format!("{a}_other"));
            inv_before.extend(quote!(let mut #a = #rt::zero(); let mut #other = #rt::zero();));
            inv_swap.extend(quote!(::core::mem::swap(&mut #a, &mut #other);));
            inv_after.extend(quote!(#rt::acc(&mut #a, #other);));
            inv_after.extend(if self.exact_adjoint(*b) {
                self.acc_exact(*b, i.clone(), quote!(#a))
            } else {
                quote!(#rt::acc_index(&mut #d, #i, #a);)
            });
        }
        // Flushed only if the body ran: the index may be invalid otherwise.
        let inv_after = if invariant.is_empty() {
            quote!()
        } else {
            quote!(if #n > 0 { #inv_after })
        };
        let at = mixed("__at");
        let lo = match &l.kind {
            LoopKind::Range { lo, .. } => Some(self.atom(lo)),
            _ => None,
        };
        // The loop, with its body's accesses checked or (in the copy that runs under the
        // guard of `Gen::reverse_checks`) unchecked where the guard covers them.
        let looped = |this: &Self| -> TokenStream {
            let body = this.rev_block(&l.body, false);
            if carries.is_empty() {
                return quote! {
                    for #k in (0..#n).rev() {
                        #counter
                        #body
                        #inv_swap
                    }
                };
            }
            let (mut open, mut close) = (quote!(), quote!());
            for (b, _, _, c0, c1, carry) in &carries {
                open.extend(quote!(let mut #c0 = #rt::zero(); let mut #c1 = #rt::zero();));
                let flush = this.acc_exact(*b, quote!(#at + 1), quote!(#carry + #c1));
                close.extend(quote! {
                    #flush
                    #carry = #c0;
                });
            }
            quote! {
                for #k in (0..#n).rev() {
                    let #at = #rt::range_up(#lo, #k);
                    #open
                    #counter
                    #body
                    #close
                    #inv_swap
                }
            }
        };
        let carried: Vec<(VarId, Ident)> = carries.iter().map(|c| (c.0, at.clone())).collect();
        let looped = match self.reverse_checks(l, &n, &carried) {
            Some((guard, keys)) => {
                let outer = std::mem::replace(&mut *self.proven.borrow_mut(), keys);
                let fast = looped(self);
                *self.proven.borrow_mut() = outer;
                let slow = looped(self);
                crate::codegen::versioned(&guard, &fast, &slow)
            }
            None => looped(self),
        };
        // After the loop (once): checked.
        let (mut before, mut after) = (quote!(), quote!());
        for (b, _, _, _, _, carry) in &carries {
            before.extend(quote!(let mut #carry = #rt::zero();));
            after.extend(self.acc_exact(*b, quote!(#lo), quote!(#carry)));
        }
        let after = if carries.is_empty() {
            quote!()
        } else {
            quote!(if #n > 0 { #after })
        };
        *self.redirect.borrow_mut() = outer_redirect;
        *self.outer.borrow_mut() = outer_batches;
        let (mut batch_before, mut batch_after) = (quote!(), quote!());
        for (b, batch) in &batches {
            let d = self.adj(*b);
            batch_before.extend(quote!(let mut #batch = #rt::tensor::OuterBatch::with_rows(#n);));
            batch_after.extend(quote!(#rt::tensor::flush_outer(&mut #batch, &mut #d);));
        }
        quote! {
            #pop
            #before
            #inv_before
            #batch_before
            #looped
            #after
            #inv_after
            #batch_after
        }
    }

    /// The matrices `w` of `w.dot(&h)` (or `h.dot(&w)`) in the loop whose every use in it is
    /// such a product, with an ndarray adjoint not yet batched by an enclosing loop, each with
    /// a fresh batch name: their adjoints are only added into here (they are read at their
    /// definition, which is outside), so the rank-1 updates of matrix · vector products can
    /// wait until after the loop (`tensor::OuterBatch`; other shapes are added at once).
    fn outer_batches(&self, l: &Loop) -> Vec<(VarId, Ident)> {
        let dot_operands = |s: &Stmt| -> Option<(VarId, Vec<VarId>)> {
            match s {
                Stmt::Let { var, op, .. } | Stmt::Assign { var, op, .. } => match op {
                    Op::Method {
                        name, recv, args, ..
                    } if name == "dot" && args.len() == 1 => Some((
                        *var,
                        [recv, &args[0]].iter().filter_map(|a| a.var()).collect(),
                    )),
                    _ => None,
                },
                _ => None,
            }
        };
        let mut candidates = Vec::new();
        crate::ir::walk_stmts(&l.body.stmts, &mut |s| {
            if let Some((_, ops)) = dot_operands(s) {
                candidates.extend(ops);
            }
        });
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter(|&v| {
                if !self.an.adj(v)
                    || self.an.kinds[v] != crate::sema::kinds::Kind::Array
                    || self.outer.borrow().contains_key(&v)
                {
                    return false;
                }
                let mut only_products = true;
                crate::ir::walk_stmts(&l.body.stmts, &mut |s| {
                    if crate::ir::stmt_mentions(s, v) {
                        only_products &= dot_operands(s).is_some_and(|(var, ops)| {
                            var != v && ops.iter().filter(|&&o| o == v).count() == 1
                        });
                    }
                });
                only_products
            })
            .map(|v| (v, self.derived("__outer", v)))
            .collect()
    }

    /// The precondition of the register optimisations ([`Gen::neighbour_carry`],
    /// [`Gen::invariant_reads`]): `b` has an adjoint that is a sequence of scalars (a slice or
    /// `Vec`, whose adjoint elements are accumulated one by one), not an ndarray array or a
    /// scalar.
    pub(super) fn seq_adjoint(&self, b: VarId) -> bool {
        self.an.adj(b) && self.an.kinds[b] == crate::sema::kinds::Kind::SeqScalar
    }

    /// Scalar replacement of loop-invariant element reads. A loop whose body reads a slice
    /// `x` only as `x[i]`, with `i` not changed by the loop (`xc[c]` in a loop over `r`), adds
    /// into the same `x̄[i]` at every iteration of its reverse, a chain through memory. Instead
    /// the reverse loop sums into a register and adds it to `x̄[i]` once after the loop.
    ///
    /// Returns, per eligible slice: the slice, the index, the reads, and the register's name.
    pub(super) fn invariant_reads(&self, l: &Loop) -> Vec<(VarId, Atom, Vec<VarId>, Ident)> {
        // Blocks inside the loop: an index declared there is not invariant.
        let mut inside = std::collections::HashSet::new();
        let mut assigned = std::collections::HashSet::new();
        crate::ir::walk_stmts(&l.body.stmts, &mut |s| match s {
            Stmt::Assign { var, .. } => {
                assigned.insert(*var);
            }
            Stmt::If { then, els, .. } => {
                inside.insert(then.id);
                inside.insert(els.id);
            }
            Stmt::Loop(inner) => {
                inside.insert(inner.body.id);
                if let LoopKind::While { cond_block, .. } = &inner.kind {
                    inside.insert(cond_block.id);
                }
            }
            _ => {}
        });
        inside.insert(l.body.id);
        if let LoopKind::While { cond_block, .. } = &l.kind {
            inside.insert(cond_block.id);
        }
        let invariant = |a: &Atom| match a {
            Atom::Const(_) => true,
            Atom::Var(v) => !inside.contains(&self.func.vars[*v].block) && !assigned.contains(v),
            Atom::Ref(_) => false,
        };
        let same = |a: &Atom, b: &Atom| match (a, b) {
            (Atom::Var(x), Atom::Var(y)) => x == y,
            (Atom::Const(x), Atom::Const(y)) => x.to_string() == y.to_string(),
            _ => false,
        };
        let mut out = Vec::new();
        for (b, _) in self.func.vars.iter().enumerate() {
            if !self.seq_adjoint(b) {
                continue;
            }
            // Reads `t = b[i]` at the top of the body (they run whenever the body runs).
            let mut index: Option<&Atom> = None;
            let mut reads = Vec::new();
            let mut ok = true;
            for s in &l.body.stmts {
                if let Stmt::Let {
                    var: t,
                    op:
                        Op::Index {
                            base: Atom::Var(bb),
                            index: i,
                            by_ref: false,
                        },
                    ..
                } = s
                    && *bb == b
                {
                    match index {
                        None if invariant(i) => index = Some(i),
                        Some(j) if same(i, j) => {}
                        _ => ok = false,
                    }
                    reads.push(*t);
                }
            }
            let Some(index) = index.filter(|_| ok) else {
                continue;
            };
            if self.redirect.borrow().keys().any(|t| reads.contains(t)) {
                continue;
            }
            // Any other use of `b` in the loop (nested, written, borrowed) disqualifies it.
            crate::ir::walk_stmts(&l.body.stmts, &mut |s| {
                let direct = matches!(s, Stmt::Let { var: t, .. } if reads.contains(t));
                if !direct && crate::ir::stmt_mentions(s, b) {
                    ok = false;
                }
            });
            if !ok || !reads.iter().any(|t| self.an.adj(*t)) {
                continue;
            }
            out.push((b, index.clone(), reads, mixed(&format!("__dinv{b}"))));
        }
        out
    }

    /// Scalar replacement of neighbour accumulations. A loop `for i in lo..hi` whose body
    /// reads a parameter slice `x` only as `x[i]` and `x[i + 1]` adds, in the reverse sweep,
    /// into `x̄[i]` and `x̄[i + 1]` each iteration, so every element is updated twice by
    /// consecutive iterations, a chain through memory. Instead, each iteration sums its two
    /// contributions in registers and writes `x̄[i + 1]` once, carrying the part for `x̄[i]`
    /// to the next (reverse) iteration, as a hand-written gradient does.
    ///
    /// Returns, per eligible slice: the slice, the reads at offset 0 and 1, and the names of
    /// the two per-iteration accumulators and of the carry.
    #[allow(clippy::type_complexity)]
    pub(super) fn neighbour_carry(
        &self,
        l: &Loop,
    ) -> Vec<(VarId, Vec<VarId>, Vec<VarId>, Ident, Ident, Ident)> {
        let LoopKind::Range {
            var: i, rev: false, ..
        } = &l.kind
        else {
            return Vec::new();
        };
        let body = &l.body;
        // Temporaries `u = i + 1` of the body.
        let next: Vec<VarId> = body
            .stmts
            .iter()
            .filter_map(|s| match s {
                Stmt::Let {
                    var,
                    op: Op::Arith(Arith::Add, a, b),
                    ..
                } => {
                    let one = |x: &Atom| matches!(x, Atom::Const(c) if c.to_string() == "1");
                    let is_i = |x: &Atom| matches!(x, Atom::Var(v) if v == i);
                    ((is_i(a) && one(b)) || (one(a) && is_i(b))).then_some(*var)
                }
                _ => None,
            })
            .collect();
        let mut out = Vec::new();
        for (b, var) in self.func.vars.iter().enumerate() {
            if var.kind != VarKind::Param || !self.seq_adjoint(b) {
                continue;
            }
            let (mut reads0, mut reads1, mut other) = (Vec::new(), Vec::new(), false);
            for s in &body.stmts {
                match s {
                    Stmt::Let {
                        var: t,
                        op:
                            Op::Index {
                                base: Atom::Var(bb),
                                index,
                                by_ref: false,
                            },
                        ..
                    } if *bb == b => match index {
                        Atom::Var(v) if v == i => reads0.push(*t),
                        Atom::Var(v) if next.contains(v) => reads1.push(*t),
                        _ => other = true,
                    },
                    _ => {}
                }
            }
            // Any other use of `x` in the loop (nested, borrowed, passed on) disqualifies it.
            crate::ir::walk_stmts(&body.stmts, &mut |s| {
                let direct = matches!(s, Stmt::Let { var: t, .. } if reads0.contains(t) || reads1.contains(t));
                if !direct && crate::ir::stmt_mentions(s, b) {
                    other = true;
                }
            });
            // Reads used only passively (`x[i] <= x[i + 1]`) carry no cotangent.
            reads0.retain(|t| self.an.adj(*t));
            reads1.retain(|t| self.an.adj(*t));
            if other || reads0.is_empty() || reads1.is_empty() {
                continue;
            }
            // Named by variable number: these cannot meet the adjoint names (`__d_x`, `__d3_x`).
            out.push((
                b,
                reads0,
                reads1,
                mixed(&format!("__dhere{b}")),
                mixed(&format!("__dnext{b}")),
                mixed(&format!("__carry{b}")),
            ));
        }
        out
    }
}
