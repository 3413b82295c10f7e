//! How the sweeps print operands: kept arrays borrowed or cloned, operands computed in place.

use super::*;
use crate::ir::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

impl<'a> Gen<'a> {
    /// An operand passed to a rule (by reference).
    pub(super) fn need_arg(&self, a: &Atom) -> TokenStream {
        match a {
            Atom::Var(v) => {
                let i = self.v(*v);
                quote!(&#i)
            }
            Atom::Ref(v) => {
                let i = self.v(*v);
                quote!(&&#i)
            }
            Atom::Const(c) => quote!(&(#c)),
        }
    }

    /// An owned array the reverse sweep still reads: operations that would move it get a
    /// borrow (arithmetic) or a clone (methods taking `self`, call arguments) instead.
    pub(super) fn kept_array(&self, a: &Atom) -> Option<VarId> {
        let Atom::Var(v) = a else { return None };
        let var = &self.func.vars[*v];
        let is_ref = self.holds_ref(*v);
        // An owned array parameter is read at the end of the reverse sweep (its gradient's
        // shape), so it is never moved either.
        let param = var.kind == VarKind::Param && self.an.active[*v];
        ((self.an.needed[*v] || param)
            && self.an.kinds[*v] == crate::sema::kinds::Kind::Array
            && !is_ref
            && !self.is_borrow(*v))
        .then_some(*v)
    }

    /// Whether `v` holds a reference (a `&` parameter, or a copy of one).
    pub(super) fn holds_ref(&self, v: VarId) -> bool {
        self.func.holds_ref(v)
    }

    /// A value of unknown kind (scalar or array: a call's result) that the reverse sweep
    /// reads: passed by value, it is cloned (free for a scalar).
    pub(super) fn kept_unknown(&self, a: &Atom) -> Option<VarId> {
        let Atom::Var(v) = a else { return None };
        (self.an.needed[*v]
            && self.an.kinds[*v] == crate::sema::kinds::Kind::Unknown
            && !self.is_borrow(*v)
            && !matches!(self.func.vars[*v].kind, VarKind::Param | VarKind::LoopVar))
        .then_some(*v)
    }

    /// An owned `Vec` the reverse sweep still reads (the argument of a call it runs again,
    /// `k = g(&y, k.clone())`): passed by value, it is cloned.
    pub(super) fn kept_sequence(&self, a: &Atom) -> Option<VarId> {
        let Atom::Var(v) = a else { return None };
        (self.an.needed[*v]
            && matches!(
                self.an.kinds[*v],
                crate::sema::kinds::Kind::SeqScalar | crate::sema::kinds::Kind::SeqArray
            )
            && !self.holds_ref(*v)
            && !self.is_borrow(*v))
        .then_some(*v)
    }

    /// An arithmetic operand: a kept array is borrowed (`&a + &b` leaves both in place).
    pub(super) fn arith_operand(&self, a: &Atom) -> TokenStream {
        match (self.kept_array(a), self.kept_unknown(a)) {
            (Some(v), _) => {
                let i = self.v(v);
                quote!(&#i)
            }
            (None, Some(v)) => {
                let i = self.v(v);
                quote!(::core::clone::Clone::clone(&#i))
            }
            _ => self.atom(a),
        }
    }

    /// An operand passed by value: a kept array (or value of unknown kind) is cloned.
    /// An argument of a call or method call: as [`Gen::atom`], except that a borrow the
    /// body wrote (`x.dot(&self.w)`) made an owned copy (see `Analysis::owned_copy`: its base
    /// is written later) is borrowed again, as the callee expects.
    pub(super) fn arg_atom(&self, a: &Atom) -> TokenStream {
        if self.recopied_borrow(a) {
            let i = self.atom(a);
            return quote!(&#i);
        }
        self.atom(a)
    }

    /// Whether `a` is a borrow the body wrote (`&self.w`) kept as an owned copy.
    pub(super) fn recopied_borrow(&self, a: &Atom) -> bool {
        matches!(a, Atom::Var(v)
            if self.an.owned_copy[*v]
                && !self.an.kinds[*v].is_scalar()
                && matches!(self.func.defs.get(v), Some(Op::Member(_, _, true))))
    }

    pub(super) fn owned_operand(&self, a: &Atom) -> TokenStream {
        match self
            .kept_array(a)
            .or_else(|| self.kept_unknown(a))
            .or_else(|| self.kept_sequence(a))
        {
            Some(v) => {
                let i = self.v(v);
                quote!(::core::clone::Clone::clone(&#i))
            }
            None => self.atom(a),
        }
    }

    pub(super) fn pullback_path(&self, path: &syn::Path) -> syn::Path {
        let mut p = path.clone();
        let runtime = crate::front::is_runtime_path(&p);
        let last = p.segments.last_mut().unwrap();
        if self.func.dual && !runtime {
            // The dual-number pullback, generic over the marker that defers its checks to
            // instantiation (see `nest`); the runtime's own pullbacks are generic already.
            last.ident = format_ident!("{}_hvp_pullback", last.ident, span = last.ident.span());
            let m = crate::codegen::hvp_marker();
            last.arguments = syn::PathArguments::AngleBracketed(syn::parse_quote!(::<#m>));
        } else {
            last.ident = format_ident!("{}_pullback", last.ident, span = last.ident.span());
        }
        p
    }

    // ---- forward sweep -------------------------------------------------------------------
}
