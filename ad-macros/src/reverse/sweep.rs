//! The reverse sweep of blocks and statements: popped and recomputed values, restored
//! overwrites, undone counter steps, and each statement's partials in reverse order.

use super::partials::reads_out;
use super::*;
use crate::ir::*;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::Ident;

impl<'a> Gen<'a> {
    /// The reverse of a block. `top` is the function body, whose values are still in scope.
    /// What the reverse sweep of block `b` does before its statements: views of the body's
    /// own arrays re-made (`top`), or a loop body's stored values popped, its recomputed ones
    /// recomputed and its adjoints declared.
    pub(super) fn rev_prelude(&self, b: &Block, top: bool) -> TokenStream {
        let mut out = TokenStream::new();
        if top {
            // Views of the body's own arrays, re-made from their (captured) bases.
            for s in &b.stmts {
                if let Stmt::Let { var, op, .. } = s
                    && self.an.reborrow[*var]
                    && self.an.needed[*var]
                    && self.func.vars[*var].block == 0
                {
                    let i = self.v(*var);
                    let rhs = self.fwd_op(op, false);
                    out.extend(quote!(let #i = #rhs;));
                }
            }
        }
        if !top {
            let vars = self.block_vars.get(&b.id).cloned().unwrap_or_default();
            // In a fused loop's body the forward values are still in scope, unchanged (a
            // stored value is pushed at the end of the block, and a recomputed one reads
            // inputs that do not change after it).
            let in_scope = self.in_scope.get() == Some(b.id);
            for &v in &vars {
                if self.an.shape_only[v] && !in_scope {
                    let t = self.tape(self.derived("__tapeshape", v));
                    let sh = self.shape_var(v);
                    out.extend(quote!(let #sh = #t.pop();));
                }
                if self.an.stored(self.func, v) && !in_scope {
                    let (t, i) = (self.var_tape(v), self.v(v));
                    let m = self.an.overwritten[v].then(|| quote!(mut));
                    if self.is_borrow(v) {
                        // (A recorded sub-slice, a `Vec`, borrowed as the slice it was.)
                        if matches!(self.func.defs.get(&v), Some(crate::ir::Op::SliceRef { .. })) {
                            out.extend(quote!(let #i = &#t.pop()[..];));
                        } else {
                            out.extend(quote!(let #i = &#t.pop();));
                        }
                    } else if self.an.reborrow[v] {
                        // The recorded copy of a view, viewed again (values recomputed from
                        // it expect a view, as `stack` does).
                        let own = self.derived("__own", v);
                        out.extend(quote!(let #own = #t.pop(); let #i = #own.view();));
                    } else {
                        out.extend(quote!(let #m #i = #t.pop();));
                    }
                }
            }
            // Counter steps at the end of the block are undone first, so that values copied
            // from the counter before them are recomputed from the right value.
            for s in b.stmts.iter().rev() {
                if self.an.hoists(s) {
                    out.extend(self.undo_step(s));
                }
            }
            for s in &b.stmts {
                if let Stmt::Let { var, op, .. } = s
                    && self.an.needed[*var]
                    && self.an.recompute[*var]
                    && !in_scope
                {
                    let i = self.v(*var);
                    let rhs = self.recompute_op(op);
                    out.extend(quote!(let #i = #rhs;));
                }
                // A buffer refilled by this body: the fill runs again (see
                // `Analysis::rebuilds`), in order with the values recomputed around it. Not
                // in a fused loop's body: nothing has changed the buffer since its fill (and a
                // kept callee pullback may still borrow it).
                if let Stmt::Loop(l) = s
                    && let Some(buf) = self.an.rebuilds.get(&(s as *const Stmt as usize))
                    && self.an.needed[*buf]
                    && !in_scope
                {
                    out.extend(self.refill(l));
                }
            }
            for &v in &vars {
                if self.an.adj(v) {
                    out.extend(self.local_adjoint(v));
                }
            }
        }
        out
    }

    /// The reverse sweep of block `b`: [`Gen::rev_prelude`], then the statements in reverse.
    pub fn rev_block(&self, b: &Block, top: bool) -> TokenStream {
        let mut out = self.rev_prelude(b, top);
        out.extend(self.rev_stmts(&b.stmts, &b.stmts));
        out
    }

    /// The reverse sweep of the function body, as [`Gen::rev_block`], with each owned array
    /// or buffer of the forward sweep released (`__private::release`) right after the last
    /// statement of the reverse sweep that reads it, so that the sweep's own allocations (the
    /// cotangents, which are as large as the values) can reuse its memory: the peak is then
    /// closer to what a hand-written backward pass holds.
    ///
    /// Candidates are the body's own `let` variables holding arrays by value that the reverse
    /// sweep needs (see [`Gen::kept_array`]: it borrows them, never moves them), not views
    /// re-made in the prelude, with a name no other variable has. A statement "reads" a variable when its reverse
    /// code names it; a value recomputed late is counted as reading its inputs wherever it is
    /// read.
    pub fn rev_body(&self) -> TokenStream {
        use std::collections::HashSet;
        let b = &self.func.body;
        let prelude = self.rev_prelude(b, true);
        let stmts: Vec<&Stmt> = b.stmts.iter().collect();
        let groups = self.rev_groups(&stmts, &b.stmts);
        // Nothing to release (no kept array, e.g. scalar code): no scan of the sweep's text.
        let any_kept = self.func.vars.iter().enumerate().any(|(v, var)| {
            matches!(var.kind, VarKind::Let | VarKind::LetMut | VarKind::Deferred)
                && var.block == 0
                && v != self.func.ret
                && self.kept_array(&Atom::Var(v)).is_some()
        });
        if !any_kept {
            let mut out = prelude;
            out.extend(groups);
            return out;
        }
        let mut mentions: Vec<HashSet<String>> = groups
            .iter()
            .map(|g| {
                let mut m = HashSet::new();
                idents(g, &mut m);
                m
            })
            .collect();
        for s in &b.stmts {
            if let Stmt::Let { var, op, .. } = s
                && self.an.late[*var].is_some()
            {
                let name = self.v(*var).to_string();
                let reads: Vec<String> =
                    op.reads().iter().map(|r| self.v(*r).to_string()).collect();
                for m in mentions.iter_mut().filter(|m| m.contains(&name)) {
                    m.extend(reads.iter().cloned());
                }
            }
        }
        let mut pinned = HashSet::new();
        idents(&prelude, &mut pinned);
        let mut names: std::collections::HashMap<String, usize> = Default::default();
        for v in 0..self.func.vars.len() {
            *names.entry(self.v(v).to_string()).or_default() += 1;
        }
        let mut after: Vec<Vec<Ident>> = vec![Vec::new(); groups.len()];
        for (v, var) in self.func.vars.iter().enumerate() {
            let name = self.v(v).to_string();
            let owned = matches!(var.kind, VarKind::Let | VarKind::LetMut | VarKind::Deferred)
                && var.block == 0
                && v != self.func.ret
                // A kept array (needed by the reverse sweep) is only ever borrowed or cloned
                // there, never moved.
                && self.kept_array(&Atom::Var(v)).is_some()
                && !self.an.reborrow[v]
                && names[&name] == 1
                && !pinned.contains(&name);
            if !owned {
                continue;
            }
            if let Some(last) = mentions.iter().rposition(|m| m.contains(&name)) {
                after[last].push(self.v(v).clone());
            }
        }
        let mut out = prelude;
        for (g, dead) in groups.into_iter().zip(after) {
            out.extend(g);
            for i in dead {
                out.extend(quote!(::ad_runtime::__private::release(#i);));
            }
        }
        out
    }

    /// The reverse of the statements `stmts` of a block whose statements are `all`, in reverse
    /// order (late recomputations included).
    pub(super) fn rev_stmts(&self, stmts: &[Stmt], all: &[Stmt]) -> TokenStream {
        self.rev_stmt_refs(&stmts.iter().collect::<Vec<_>>(), all)
    }

    /// [`Gen::rev_stmts`] of statements given by reference (in forward order).
    pub(super) fn rev_stmt_refs(&self, stmts: &[&Stmt], all: &[Stmt]) -> TokenStream {
        self.rev_groups(stmts, all).into_iter().collect()
    }

    /// The reverse code of each statement of `stmts` that has one (its late recomputations
    /// first), in reverse order.
    pub(super) fn rev_groups(&self, stmts: &[&Stmt], all: &[Stmt]) -> Vec<TokenStream> {
        let mut groups = Vec::new();
        for &s in stmts.iter().rev() {
            let mut out = TokenStream::new();
            if self.an.has_rev(s) {
                // Values recomputed right before their consumer (see `Analysis::late`).
                let addr = s as *const Stmt as usize;
                for t in all {
                    if let Stmt::Let { var, op, .. } = t
                        && self.an.late[*var] == Some(addr)
                        && self.an.needed[*var]
                    {
                        let i = self.v(*var);
                        let rhs = self.recompute_op(op);
                        out.extend(quote!(let #i = #rhs;));
                    }
                }
                out.extend(self.rev_stmt(s));
                groups.push(out);
            }
        }
        groups
    }

    /// The primal of a buffer-filling loop (see `Analysis::rebuilds`), without records.
    pub(super) fn refill(&self, l: &Loop) -> TokenStream {
        let LoopKind::Range {
            var, lo, hi, rev, ..
        } = &l.kind
        else {
            return quote!();
        };
        let mut body = TokenStream::new();
        for s in &l.body.stmts {
            match s {
                Stmt::Let { var, op, .. } => {
                    let i = self.v(*var);
                    let rhs = self.recompute_op(op);
                    body.extend(quote!(let #i = #rhs;));
                }
                Stmt::IndexAssign {
                    base, index, op, ..
                } => {
                    let (b, i) = (self.v(*base), self.atom(index));
                    let rhs = self.fwd_op(op, false);
                    body.extend(quote!(#b[#i] = #rhs;));
                }
                _ => {}
            }
        }
        let (i, lo, hi) = (self.v(*var), self.atom(lo), self.atom(hi));
        let range = if *rev {
            quote!((#lo..#hi).rev())
        } else {
            quote!(#lo..#hi)
        };
        quote!(for #i in #range { #body })
    }

    /// The inverse of a counter step (`i += k` -> `i -= k`), see [`crate::reverse::plan::counter_step`].
    pub(super) fn undo_step(&self, s: &Stmt) -> TokenStream {
        let rt = rt();
        let an = self.an;
        let Some((v, step, sub)) =
            crate::reverse::plan::counter_step(s, &an.kinds, &an.active, &an.overwritten)
        else {
            return quote!();
        };
        let (i, k) = (self.v(v), self.atom(step));
        let f = if sub {
            quote!(undo_sub)
        } else {
            quote!(undo_add)
        };
        quote!(#rt::#f(&mut #i, #k);)
    }

    pub(super) fn rev_stmt(&self, s: &Stmt) -> TokenStream {
        let rt = rt();
        let g = mixed("__g");
        let work = self.an.work(s);
        match s {
            Stmt::Let { var, op, span } => {
                let i = self.v(*var);
                self.take_partials(*var, op, &quote!(&#i), s, *span)
            }
            Stmt::Assign {
                var,
                op,
                init: _,
                span,
            } => {
                let i = self.v(*var);
                let restore = if self.saves(s) {
                    let t = self.var_tape(*var);
                    quote!(#i = #t.pop();)
                } else if self.an.undoes(s) && !self.an.hoists(s) {
                    self.undo_step(s)
                } else {
                    quote!()
                };
                if !work {
                    if self.an.kills(s) {
                        let d = self.adj(*var);
                        return quote!(#rt::take(&mut #d); #restore);
                    }
                    return restore;
                }
                let d = self.adj(*var);
                if (self.invariant.borrow().contains(var)
                    || self.an.kinds[*var] == crate::sema::Kind::Scalar)
                    && crate::reverse::plan::is_accumulation(s, *var)
                    && restore.is_empty()
                {
                    // `s = s ± e`: `s̄` is the same before and after, so it is read instead of
                    // taken and given back. In a fused loop, taking it would make it a value
                    // carried from iteration to iteration (`0.0 + g` not being `g` for LLVM);
                    // for a float, it is one statement instead of three (compile time). Not
                    // for an array outside a fused loop: the copy would cost more than the
                    // move of taking it.
                    let body = self.partials_but(op, &quote!(&#i), s, *span, Some(*var));
                    // (A scalar's adjoint is `Copy`: read as it is.)
                    let read = if self.an.kinds[*var] == crate::sema::Kind::Scalar {
                        quote!(#d)
                    } else {
                        quote!(::core::clone::Clone::clone(&#d))
                    };
                    return quote_spanned!(*span=> { let #g = #read; #body });
                }
                let y = mixed("__y");
                let (save, out) = if reads_out(op) && !restore.is_empty() {
                    (quote!(let #y = #i;), quote!(&#y))
                } else {
                    (quote!(), quote!(&#i))
                };
                if save.is_empty() && restore.is_empty() {
                    return self.take_partials(*var, op, &out, s, *span);
                }
                let body = self.partials(op, &out, s, *span);
                quote_spanned!(*span=> { let #g = #rt::take(&mut #d); #save #restore #body })
            }
            Stmt::IndexAssign {
                base,
                index,
                op,
                span,
            } => {
                let b = self.v(*base);
                let idx = self.atom(index);
                let restore = if self.saves(s) {
                    let t = self.elem_tape(*base);
                    quote!(#b[#idx] = #t.pop();)
                } else {
                    quote!()
                };
                if !work {
                    if self.an.kills(s) {
                        let d = self.adj(*base);
                        let take = if self.an.kinds[*base] == crate::sema::kinds::Kind::Array
                            || self.func.is_nd_index(index)
                        {
                            quote!(#rt::tensor::take_index(&mut #d, &#idx))
                        } else if self.call_result_container(*base) {
                            quote!(#rt::tensor::take_index_adj(&mut #d, &#idx))
                        } else if self.is_proven(*base, hoist::Side::Adjoint, index) {
                            unchecked::adjoint_take(&d, &idx)
                        } else if self.func.vars[*base].kind == VarKind::Param
                            || self.array_typed_local(*base)
                        {
                            quote!(#rt::take_index_exact(&mut #d, #idx))
                        } else {
                            quote!(#rt::take_index(&mut #d, #idx))
                        };
                        return quote!(#take; #restore);
                    }
                    return restore;
                }
                let d = self.adj(*base);
                // A parameter's adjoint is shaped like it (`zero_like`): a `Vec` or a
                // fixed-size array, read and written in place, never grown.
                let param =
                    self.func.vars[*base].kind == VarKind::Param || self.array_typed_local(*base);
                let y = mixed("__y");
                let body = self.partials(op, &quote!(&#y), s, *span);
                // (Only where a partial reads it: `powf`'s slope in its base does not, and the
                // element may be out of scope then, the buffer moved into a call.)
                let save = if reads_out(op) && crate::front::mentions_ident(&body, "__y") {
                    quote!(let #y = #b[#idx];)
                } else {
                    quote!()
                };
                let take = if self.an.kinds[*base] == crate::sema::kinds::Kind::Array
                    || self.func.is_nd_index(index)
                {
                    quote!(#rt::tensor::take_index(&mut #d, &#idx))
                } else if self.call_result_container(*base) {
                    if self.an.increments.contains(&(s as *const Stmt as usize)) {
                        quote!(#rt::tensor::get_index_adj(&#d, &#idx))
                    } else {
                        quote!(#rt::tensor::take_index_adj(&mut #d, &#idx))
                    }
                } else if self.an.increments.contains(&(s as *const Stmt as usize)) {
                    // `v[i] += e`: the element's cotangent stays where it is.
                    if self.is_proven(*base, hoist::Side::Adjoint, index) {
                        unchecked::adjoint_get(&d, &idx)
                    } else if param {
                        quote!(#rt::get_index_exact(&#d, #idx))
                    } else {
                        quote!(#rt::get_index(&#d, #idx))
                    }
                } else if self.is_proven(*base, hoist::Side::Adjoint, index) {
                    unchecked::adjoint_take(&d, &idx)
                } else if param {
                    quote!(#rt::take_index_exact(&mut #d, #idx))
                } else {
                    quote!(#rt::take_index(&mut #d, #idx))
                };
                quote_spanned!(*span=> { let #g = #take; #save #restore #body })
            }
            Stmt::Push { base, value, span } => {
                let b = self.v(*base);
                let restore = if self.an.needed[*base] {
                    quote!(#b.pop();)
                } else {
                    quote!()
                };
                if !work {
                    return restore;
                }
                let d = self.adj(*base);
                let acc = match value.var() {
                    Some(v) if self.an.adj(v) => {
                        let dv = self.adj(v);
                        quote!(#rt::acc(&mut #dv, #g);)
                    }
                    _ => quote!(),
                };
                quote_spanned!(*span=> { #restore let #g = #rt::take_pushed(&mut #d, #b.len()); #acc })
            }
            Stmt::If {
                id,
                then,
                els,
                cond,
            } => {
                let (t, e) = (self.rev_block(then, false), self.rev_block(els, false));
                if self.cond_in_scope(s) {
                    let c = self.atom(cond);
                    return quote!(if #c { #t } else { #e });
                }
                let tape = self.tape(mixed(&format!("__tape_if{id}")));
                quote!(if #tape.pop() { #t } else { #e })
            }
            Stmt::Loop(l) => self.rev_loop(l),
            _ => quote!(),
        }
    }
}
