//! Loop fusion for `f_vjp`: the reverse of one loop run inside its forward sweep (see the
//! module documentation of `reverse`).

use super::*;
use crate::ir::*;
use crate::reverse::plan::Analysis;
use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

impl<'a> Gen<'a> {
    /// Loop fusion for `f_vjp` (see the module docs): the function body split around one
    /// fusable loop, or `None` when no loop qualifies (then `f_vjp` calls `f_pullback`).
    pub fn fuse(func: &'a Func, an: &'a Analysis) -> Option<Fused> {
        // Not (yet) for functions with ndarray values: their rules (broadcasting, shaped
        // parameter gradients) have not been checked under fusion.
        if an.kinds.contains(&crate::sema::kinds::Kind::Array) {
            return None;
        }
        // The most deeply nested qualifying loop (likely the most work), and of those the last
        // (the statements after it are the fewest to check).
        let mut candidates = crate::reverse::plan::fusion_candidates(func, an);
        candidates.sort_by_key(|c| {
            let depth = match &func.body.stmts[c.index] {
                Stmt::Loop(l) => loop_depth(&l.body),
                _ => 0,
            };
            std::cmp::Reverse((depth, c.index))
        });
        candidates
            .iter()
            .find_map(|c| Gen::new(func, an).without_presized().try_fuse(c))
    }

    pub(super) fn try_fuse(&self, c: &crate::reverse::plan::FusionCandidate) -> Option<Fused> {
        let stmts = &self.func.body.stmts;
        let (head, rest) = stmts.split_at(c.index);
        let (Stmt::Loop(l), tail) = rest.split_first()? else {
            return None;
        };
        // Statements after the loop that are independent of it run before it (see
        // `analyze::split_tail`): the head is the statements before the loop and those.
        let (early, tail) = crate::reverse::plan::split_tail(self.func, &rest[0], tail);
        // A loop after the loop needs its trip count from its forward sweep (checked on the
        // generated code below); known without generating it.
        if tail.iter().any(|s| matches!(s, Stmt::Loop(_))) {
            return None;
        }
        let head: Vec<&Stmt> = head.iter().chain(early).collect();
        // Buffers made before the loop get their adjoints right after them, at full length;
        // so do local structs whose type the code does not show (a method's result): their
        // adjoints are made from a token of the value (`body_adjoints`), which the adjoints
        // declared at the top would precede. Such a struct made after the loop: not fused.
        let hidden_struct = |v: VarId| self.struct_base(v) && self.visible_struct_type(v).is_none();
        let made_in_head = |v: VarId| {
            head.iter()
                .any(|s| matches!(s, Stmt::Let { var, .. } if *var == v))
        };
        if (0..self.func.vars.len())
            .any(|v| self.func.vars[v].block == 0 && hidden_struct(v) && !made_in_head(v))
        {
            return None;
        }
        *self.presize_early.borrow_mut() = head
            .iter()
            .filter_map(|s| match s {
                Stmt::Let { var, .. } if self.an.presized[*var] || hidden_struct(*var) => {
                    Some(*var)
                }
                _ => None,
            })
            .collect();
        // The reverse of the statements after the loop runs before the loop (it gives the
        // accumulators' adjoints), so it must record nothing and read only values that are
        // final before the loop: parameters and body variables declared before the loop that
        // neither the loop nor the statements after it write.
        let tail_rev = self.rev_stmt_refs(&tail, stmts);
        // (Generated for the tapes it registers; emitted below without the hoisted values.)
        let _ = tail
            .iter()
            .map(|s| self.fwd_top(s))
            .collect::<TokenStream>();
        if !self.tapes().is_empty() {
            return None;
        }
        let mut names = std::collections::HashSet::new();
        idents(&tail_rev, &mut names);
        // Trip counts of loops after the loop are made by their forward sweep.
        if names
            .iter()
            .any(|n| n.starts_with("__iters") || n.starts_with("__tape"))
        {
            return None;
        }
        let mut written = crate::ir::assigned_in_all(std::slice::from_ref(&rest[0]));
        for s in &tail {
            written.extend(crate::ir::assigned_in_all(std::slice::from_ref(*s)));
        }
        let mut ready: std::collections::HashSet<VarId> = head
            .iter()
            .filter_map(|s| match s {
                Stmt::Let { var, .. } | Stmt::Declare { var } => Some(*var),
                _ => None,
            })
            .chain((0..self.func.vars.len()).filter(|v| self.func.vars[*v].kind == VarKind::Param))
            .filter(|v| !written.contains(v))
            .collect();
        // Values of the statements after the loop that depend on nothing the loop or those
        // statements change (constants such as the `2.0` of `2.0 * s`), and that this reverse
        // reads, are computed before the loop instead (moved, not copied, so that their types
        // are still inferred from their forward uses: `0.25` is `f32` in an `f32` function).
        let mut want: std::collections::HashSet<VarId> = (0..self.func.vars.len())
            .filter(|v| names.contains(&self.v(*v).to_string()))
            .collect();
        for s in tail.iter().rev() {
            if let Stmt::Let { var, op, .. } = s
                && want.contains(var)
            {
                want.extend(op.reads());
            }
        }
        let mut hoisted = TokenStream::new();
        let mut moved = std::collections::HashSet::new();
        for s in &tail {
            if let Stmt::Let { var, op, .. } = s
                && self.func.vars[*var].kind == VarKind::Let
                && !self.an.overwritten[*var]
                // Pure operations that neither move nor borrow their operands (the loop may
                // still use them).
                && matches!(
                    op,
                    Op::Copy(Atom::Const(_))
                        | Op::Neg(_)
                        | Op::Arith(..)
                        | Op::Method { .. }
                        | Op::Cast { .. }
                        | Op::Passive(..)
                        | Op::Index { by_ref: false, .. }
                )
                && op.reads().iter().all(|r| ready.contains(r))
                && want.contains(var)
            {
                hoisted.extend(self.fwd_top(s));
                ready.insert(*var);
                moved.insert(*s as *const Stmt);
            }
        }
        for (v, var) in self.func.vars.iter().enumerate() {
            if names.contains(&var.ident.to_string()) && !ready.contains(&v) {
                return None;
            }
        }
        let tail_rev = quote!(#hoisted #tail_rev);
        let tail_fwd: TokenStream = tail
            .iter()
            .filter(|s| !moved.contains(&(**s as *const Stmt)))
            .map(|s| self.fwd_top(s))
            .collect();
        *self.unsaved.borrow_mut() =
            crate::reverse::plan::private_fills(self.func, self.an, c.index);
        let fused_loop = self.fused_loop(l, &c.accumulators);
        let head_fwd: TokenStream = head.iter().map(|s| self.fwd_top(s)).collect();
        let head_rev = self.rev_stmt_refs(&head, stmts);
        Some(Fused {
            early_adjoints: self.presize_early.borrow().clone(),
            head_fwd,
            tail_rev,
            fused_loop,
            tail_fwd,
            head_rev,
            tapes: self.tapes(),
        })
    }

    /// A loop whose reverse runs inside its forward sweep: each iteration runs the body, then
    /// the body's reverse (with the accumulators' adjoints known), so the loop makes one pass.
    /// The neighbour carry ([`Gen::neighbour_carry`]) runs forwards: iteration `i` writes
    /// `x̄[i]` once, with the part for `x̄[i + 1]` carried to the next iteration.
    pub(super) fn fused_loop(&self, l: &Loop, accumulators: &[VarId]) -> TokenStream {
        let rt = rt();
        self.invariant
            .borrow_mut()
            .extend(accumulators.iter().copied());
        self.in_scope.set(Some(l.body.id));
        *self.held_calls.borrow_mut() = self.find_held_calls(&l.body);
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
        if carries.is_empty() {
            let rev = |this: &Self| {
                let rev = this.rev_block(&l.body, false);
                quote!({ #rev })
            };
            return self.fwd_loop_with(l, Some(&rev), &[]);
        }
        let LoopKind::Range { lo, var, .. } = &l.kind else {
            unreachable!("neighbour carries are found in range loops only")
        };
        let (lo, i) = (self.atom(lo), self.v(*var));
        let n = mixed(&format!("__iters{}", l.id));
        // The reverse of an iteration, per copy of the (versioned) forward loop.
        let rev = |this: &Self| {
            let rev = this.rev_block(&l.body, false);
            let (mut open, mut close) = (quote!(), quote!());
            for (b, _, _, c0, c1, carry) in &carries {
                open.extend(quote!(let mut #c0 = #rt::zero(); let mut #c1 = #rt::zero();));
                let flush = this.acc_exact(*b, quote!(#i), quote!(#carry + #c0));
                close.extend(quote! {
                    #flush
                    #carry = #c1;
                });
            }
            quote!({ #open #rev #close })
        };
        let (mut before, mut after) = (quote!(), quote!());
        for (b, _, _, _, _, carry) in &carries {
            before.extend(quote!(let mut #carry = #rt::zero();));
            after.extend(self.acc_exact(*b, quote!(#rt::range_up(#lo, #n)), quote!(#carry)));
        }
        let carried: Vec<VarId> = carries.iter().map(|c| c.0).collect();
        let looped = self.fwd_loop_with(l, Some(&rev), &carried);
        quote! {
            #before
            #looped
            if #n > 0 {
                #after
            }
        }
    }
}

/// The parts of an `f_vjp` with a fused loop, in the order they run: the statements before
/// the loop, the reverse of the statements after it, the fused loop, the statements after it,
/// and the reverse of the statements before it. `tapes` are the tapes they use.
pub struct Fused {
    /// Buffers whose adjoints `head_fwd` declares (not to be declared again at the top).
    pub early_adjoints: std::collections::HashSet<VarId>,
    pub head_fwd: TokenStream,
    pub tail_rev: TokenStream,
    pub fused_loop: TokenStream,
    pub tail_fwd: TokenStream,
    pub head_rev: TokenStream,
    pub tapes: Vec<Ident>,
}

/// How deeply loops nest inside a block (0: no loop).
fn loop_depth(b: &Block) -> usize {
    b.stmts
        .iter()
        .map(|s| match s {
            Stmt::Loop(l) => 1 + loop_depth(&l.body),
            Stmt::If { then, els, .. } => loop_depth(then).max(loop_depth(els)),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}
