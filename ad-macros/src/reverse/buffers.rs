//! Buffers of fixed length and their adjoints: which are exact, which may be accessed
//! without bounds checks (under the guards of `hoist`), and the accesses themselves.

use super::*;
use crate::ir::*;
use proc_macro2::TokenStream;
use quote::quote;

impl<'a> Gen<'a> {
    /// The same generator, with adjoints of fixed-length buffers grown on first use.
    pub fn without_presized(mut self) -> Self {
        self.presize = false;
        self
    }

    /// The length of a fixed-length buffer (see [`Analysis::presized`]), when its adjoint
    /// starts at that length.
    pub(super) fn presized_len(&self, b: VarId) -> Option<TokenStream> {
        if !(self.presize || self.presize_early.borrow().contains(&b)) || !self.an.presized[b] {
            return None;
        }
        self.func.body.stmts.iter().find_map(|s| match s {
            Stmt::Let { var, op, .. } if *var == b => crate::sema::kinds::vec_repeat_len(op),
            _ => None,
        })
    }

    /// Whether the adjoint of `b` has `b`'s length from the start (a parameter's gradient,
    /// or the adjoint of a fixed-length local buffer).
    pub(super) fn exact_adjoint(&self, b: VarId) -> bool {
        // (A parameter assigned or grown as a whole, `y = vec![..]` or `y.push(..)`, has an
        // adjoint taken whole by that statement's reverse: grown again on use, like a local's.)
        let mut whole = false;
        crate::ir::walk_stmts(&self.func.body.stmts, &mut |s| {
            whole |=
                matches!(s, Stmt::Assign { var, .. } | Stmt::Push { base: var, .. } if *var == b);
        });
        let array = matches!(self.func.vars[b].ty, Some(syn::Type::Array(_)));
        (self.func.vars[b].kind == VarKind::Param && (!whole || array))
            || self.presized_len(b).is_some()
            || self.array_typed_local(b)
    }

    /// Whether the reverse sweep accesses elements of `b`'s adjoint without bounds checks: its
    /// length is `b`'s for good (a fixed-length buffer, or a parameter never reassigned or
    /// pushed to), and the code is not `checked`. Sound because every index the reverse sweep
    /// uses on `b̄` is one the forward sweep used on `b` itself, through a checked `b[i]` (or
    /// `b[i] = e`) that did not panic; debug builds check it again (see
    /// `ad_runtime::rules::slice::acc_index_unchecked`).
    pub(super) fn unchecked_adjoint(&self, b: VarId) -> bool {
        self.fixed_length(b)
            && (self.presized_len(b).is_some() || self.func.vars[b].kind == VarKind::Param)
    }

    /// Whether `b` is a slice or `Vec` of scalars whose length never changes (a fixed-length
    /// local buffer, or a parameter never reassigned or pushed to), outside `checked` code.
    ///
    /// A constant buffer may also be the receiver of methods (no derivative needed), some of
    /// which change its length (`clear`, `truncate`, `pop`, ...). A binding that cannot be
    /// borrowed mutably (a `let` without `mut`, a parameter behind a shared reference) may
    /// take any method; a mutable one only `Vec`'s own `len`, `is_empty` and `capacity`,
    /// which method resolution finds before any trait method taking `&mut self` (a user
    /// trait could give `last(&mut self)` to `Vec<f64>` and empty it). A statement macro or
    /// an iterator expression that names the buffer makes it count as resized too.
    pub(super) fn fixed_length(&self, b: VarId) -> bool {
        if self.func.checked || !matches!(self.an.kinds[b], crate::sema::kinds::Kind::SeqScalar) {
            return false;
        }
        let params_ok = self.func.vars[b].kind == VarKind::Param;
        if !(params_ok || self.an.presized[b]) {
            return false;
        }
        const KEEP_LENGTH: &[&str] = &["len", "is_empty", "capacity"];
        let shared = match self.func.vars[b].kind {
            VarKind::Let => true,
            VarKind::Param => matches!(
                &self.func.vars[b].ty,
                Some(syn::Type::Reference(r)) if r.mutability.is_none()
            ),
            _ => false,
        };
        let name = self.v(b).to_string();
        let mentions = |ts: &TokenStream| {
            let mut ids = std::collections::HashSet::new();
            idents(ts, &mut ids);
            ids.contains(&name)
        };
        let op_resizes = |op: &Op| match op {
            Op::Method { recv, name, .. } => {
                recv.var() == Some(b)
                    && !shared
                    && !KEEP_LENGTH.contains(&name.to_string().as_str())
            }
            Op::Opaque { reads, .. } => reads.contains(&b),
            _ => false,
        };
        let mut resized = false;
        crate::ir::walk_stmts(&self.func.body.stmts, &mut |s| {
            resized |= match s {
                Stmt::Assign { var, .. } | Stmt::Push { base: var, .. } if *var == b => true,
                Stmt::Let { op, .. } | Stmt::Assign { op, .. } | Stmt::IndexAssign { op, .. } => {
                    op_resizes(op)
                }
                Stmt::Effect { tokens } => mentions(tokens),
                Stmt::Loop(l) => {
                    matches!(&l.kind, LoopKind::Iter { reads, .. } if reads.contains(&b))
                }
                _ => false,
            };
        });
        !resized
    }

    /// A value the reverse sweep recomputes, as the forward sweep computed it, except that an
    /// element read `x[i]` of a fixed-length slice ([`Gen::fixed_length`]) skips the bounds
    /// check: the forward sweep read the same element, with the same index, through a checked
    /// `x[i]` that did not panic (debug builds check again).
    pub(super) fn recompute_op(&self, op: &Op) -> TokenStream {
        match op {
            Op::Index {
                base: Atom::Var(b),
                index,
                by_ref: false,
            } if self.is_proven(*b, hoist::Side::Primal, index) => {
                let (x, i) = (self.v(*b), self.atom(index));
                unchecked::primal_read(x, &i)
            }
            _ => self.fwd_op(op, false),
        }
    }

    /// `b̄[i] += g` for an exact adjoint (see [`Gen::exact_adjoint`]), unchecked when
    /// [`Gen::unchecked_adjoint`] allows.
    pub(super) fn acc_exact(&self, b: VarId, i: TokenStream, g: TokenStream) -> TokenStream {
        let (rt, d) = (rt(), self.adj(b));
        let key = (b, hoist::Side::Adjoint, i.to_string());
        if self.unchecked_adjoint(b) && self.proven.borrow().contains(&key) {
            unchecked::adjoint_acc(&d, &i, &g)
        } else {
            quote!(#rt::acc_index_exact(&mut #d, #i, #g);)
        }
    }

    /// Whether the access `b[index]` (of the primal or of its adjoint) of the reverse sweep
    /// is proved in bounds by the enclosing reverse loop's guard (see `hoist`).
    pub(super) fn is_proven(&self, b: VarId, side: hoist::Side, index: &Atom) -> bool {
        let ok = match side {
            hoist::Side::Primal => self.fixed_length(b),
            hoist::Side::Adjoint => self.unchecked_adjoint(b),
        };
        ok && !self.func.is_nd_index(index)
            && self
                .proven
                .borrow()
                .contains(&(b, side, self.atom(index).to_string()))
    }
}
