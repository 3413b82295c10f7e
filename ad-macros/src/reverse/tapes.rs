//! The tapes: which the forward sweep pushes to, how much room they get up front.

use super::*;
use crate::ir::*;
use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

impl<'a> Gen<'a> {
    /// Tapes that a block pushes at least once each time it runs: values stored at its end,
    /// and overwrites recorded by its own statements (not inside nested branches or loops).
    pub(super) fn tapes_pushed_once(&self, b: &Block) -> Vec<Ident> {
        if !self.an.block_has_rev(b) {
            return Vec::new();
        }
        let saved = b
            .stmts
            .iter()
            .filter(|s| self.saves(s))
            .filter_map(|s| match s {
                Stmt::Assign { var, .. } => Some(self.derived("__tape", *var)),
                Stmt::IndexAssign { base, .. } => Some(self.derived("__tape_elems", *base)),
                _ => None,
            });
        let stored = self
            .block_vars
            .get(&b.id)
            .into_iter()
            .flatten()
            .filter(|v| self.an.stored(self.func, **v))
            .map(|v| self.derived("__tape", *v));
        let mut out: Vec<Ident> = Vec::new();
        for t in saved.chain(stored) {
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out
    }

    /// The tapes a loop body pushes to a known number of times per iteration, with that
    /// number: values stored at its end and overwrites recorded by its own statements, for
    /// tapes that no statement nested in it (branch, inner loop) pushes to. Reserving the
    /// trip count times that number before the loop leaves room for every push.
    pub(super) fn exact_reservations(&self, b: &Block) -> Vec<(Ident, usize)> {
        if !self.an.block_has_rev(b) {
            return Vec::new();
        }
        let mut counts: Vec<(Ident, usize)> = Vec::new();
        let mut add = |t: Ident| match counts.iter_mut().find(|(u, _)| *u == t) {
            Some((_, n)) => *n += 1,
            None => counts.push((t, 1)),
        };
        for s in &b.stmts {
            if self.saves(s) {
                match s {
                    Stmt::Assign { var, .. } => add(self.derived("__tape", *var)),
                    Stmt::IndexAssign { base, .. } => add(self.derived("__tape_elems", *base)),
                    _ => {}
                }
            }
        }
        for &v in self.block_vars.get(&b.id).into_iter().flatten() {
            if self.an.stored(self.func, v) {
                add(self.derived("__tape", v));
            }
        }
        // Tapes also pushed inside nested blocks: their count per iteration is unknown.
        let mut nested: Vec<Ident> = Vec::new();
        for s in &b.stmts {
            let inner: Vec<&Block> = match s {
                Stmt::If { then, els, .. } => vec![then, els],
                Stmt::Loop(l) => {
                    let mut v = vec![&l.body];
                    if let LoopKind::While { cond_block, .. } = &l.kind {
                        v.push(cond_block);
                    }
                    v
                }
                _ => continue,
            };
            for blk in inner {
                self.collect_pushes(blk, &mut nested);
            }
        }
        counts.retain(|(t, _)| !nested.contains(t));
        counts
    }

    /// Every tape pushed by a statement of `b` or of a block nested in it (by name).
    pub(super) fn collect_pushes(&self, b: &Block, out: &mut Vec<Ident>) {
        for &v in self.block_vars.get(&b.id).into_iter().flatten() {
            if self.an.stored(self.func, v) {
                out.push(self.derived("__tape", v));
            }
        }
        for s in &b.stmts {
            match s {
                Stmt::Assign { var, .. } if self.saves(s) => out.push(self.derived("__tape", *var)),
                Stmt::IndexAssign { base, .. } if self.saves(s) => {
                    out.push(self.derived("__tape_elems", *base))
                }
                Stmt::If { then, els, .. } => {
                    self.collect_pushes(then, out);
                    self.collect_pushes(els, out);
                }
                Stmt::Loop(l) => {
                    self.collect_pushes(&l.body, out);
                    if let LoopKind::While { cond_block, .. } = &l.kind {
                        self.collect_pushes(cond_block, out);
                    }
                }
                _ => {}
            }
        }
    }

    /// `tape.push(value)`, or `tape.push_reserved(value)` where the enclosing loop reserved
    /// exactly (see [`Gen::exact_reservations`]).
    pub(super) fn push_to(&self, block: BlockId, tape: &Ident, value: TokenStream) -> TokenStream {
        let exact = self
            .reserved
            .borrow()
            .get(&block)
            .is_some_and(|ts| ts.contains(tape));
        if exact {
            quote!(#tape.push_reserved(#value);)
        } else {
            quote!(#tape.push(#value);)
        }
    }

    pub fn tapes(&self) -> Vec<Ident> {
        self.tapes.borrow().clone()
    }

    pub(super) fn tape(&self, ident: Ident) -> Ident {
        let mut t = self.tapes.borrow_mut();
        if !t.contains(&ident) {
            t.push(ident.clone());
        }
        ident
    }

    pub(super) fn var_tape(&self, v: VarId) -> Ident {
        self.tape(self.derived("__tape", v))
    }

    pub(super) fn elem_tape(&self, v: VarId) -> Ident {
        self.tape(self.derived("__tape_elems", v))
    }
}
