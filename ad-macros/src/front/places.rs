//! Where struct values live, for the lowering: the types of field places and of elements of
//! sequences of structs as the generated code names them without seeing the definitions
//! (`FieldOf::<Self, H>`, `ElemOf::<..>`), which locals hold structs (declared, made by a
//! literal or a constructor, borrowed elements), and element reads of sequences of structs
//! (borrowed, or cloned from a local the body writes).

use super::call::user_associated_fn;
use super::lower::*;
use super::syntax::*;
use crate::ir::*;
use proc_macro2::TokenStream;
use syn::spanned::Spanned;
use syn::{Expr, Type};

impl Lowerer<'_> {
    /// The type of a field place `root.a.b` whose root is `self`, a struct parameter or a
    /// struct made in the body, as `FieldOf::<FieldOf::<Root, Ha>, Hb>` (see the runtime's
    /// `FieldType`).
    pub(super) fn field_type(&self, e: &Expr) -> Option<TokenStream> {
        match strip(e) {
            Expr::Field(f) => {
                let base = self.field_type(&f.base)?;
                let key = match &f.member {
                    syn::Member::Named(i) => i.to_string(),
                    syn::Member::Unnamed(i) => i.index.to_string(),
                };
                let h = crate::ir::field_hash(&key);
                Some(quote::quote!(::ad_runtime::__private::FieldOf::<#base, #h>))
            }
            Expr::Path(p) if p.path.is_ident("self") => Some(quote::quote!(Self)),
            Expr::Path(p) => {
                let v = self.lookup(&p.path.get_ident()?.to_string())?;
                match self.declared_struct(v).or_else(|| self.struct_made(v)) {
                    Some(ty) => Some(quote::quote!(#ty)),
                    // A borrowed element of a sequence of structs (`p.pos` of `for p in
                    // &self.ps`).
                    None => self.element_place(v),
                }
            }
            // An element of a sequence field (`self.layers[i]`): its element type.
            Expr::Index(ix) if !matches!(strip(&ix.index), Expr::Range(_)) => {
                let seq = match strip(&ix.expr) {
                    Expr::Path(p) => {
                        let v = self.lookup(&p.path.get_ident()?.to_string())?;
                        self.sequence_place(v)?
                    }
                    other => self.field_type(other)?,
                };
                Some(quote::quote!(::ad_runtime::__private::ElemOf::<#seq>))
            }
            _ => None,
        }
    }

    /// Whether an argument of `m` is certainly a struct (`q.dot(p)` with `p: &Pt`, `v.dot(&vs[i])`
    /// of a sequence of structs, `a.dot(l)` of a borrowed element): then a method named like a
    /// float or array method is the struct's own (those take no struct).
    pub(super) fn struct_argument(&self, m: &syn::ExprMethodCall) -> bool {
        m.args.iter().any(|a| {
            let a = match strip(a) {
                Expr::Reference(r) => &*r.expr,
                other => other,
            };
            match strip(a) {
                Expr::Path(ap) => ap
                    .path
                    .get_ident()
                    .and_then(|i| self.lookup(&i.to_string()))
                    .is_some_and(|v| {
                        self.declared_struct(v).is_some()
                            || self.struct_certain(v)
                            || self.element_place(v).is_some()
                    }),
                Expr::Index(ix) => {
                    !matches!(strip(&ix.index), Expr::Range(_))
                        && matches!(strip(&ix.expr), Expr::Path(_))
                        && self.struct_elements(&ix.expr)
                        && !matches!(strip(&ix.expr), Expr::Field(_))
                }
                _ => false,
            }
        })
    }

    /// The type of a local that borrows an element of a sequence of structs, or a field of one
    /// (`l` of `for l in &self.layers`, `let l = &net.layers[i];`), named through the derive's
    /// `FieldType` impls and the runtime's `ElemOf`, for a method called on it.
    pub(super) fn element_place(&self, v: VarId) -> Option<TokenStream> {
        match self.defs.get(&v)? {
            Op::Index {
                base: Atom::Var(b),
                by_ref: true,
                ..
            } => {
                let seq = self.sequence_place(*b)?;
                Some(quote::quote!(::ad_runtime::__private::ElemOf::<#seq>))
            }
            Op::Copy(Atom::Var(w) | Atom::Ref(w)) | Op::CloneOf(Atom::Var(w)) if *w != v => {
                self.element_place(*w)
            }
            _ => None,
        }
    }

    /// The type of a sequence variable: declared (`layers: &[Layer]`), or a field read
    /// (`self.layers`, `net.layers`) as `FieldOf::<Root, H>`.
    pub(super) fn sequence_place(&self, v: VarId) -> Option<TokenStream> {
        if let Some(t) = &self.vars[v].ty {
            let t = match t {
                syn::Type::Reference(r) => &*r.elem,
                other => other,
            };
            return crate::front::sequence_element(t).map(|_| quote::quote!(#t));
        }
        match self.defs.get(&v)? {
            Op::Member(Atom::Var(root), path, _) => {
                // (The root may itself be an element of a sequence of structs: `b.layers`
                // of `for b in &self.blocks`.)
                let mut ty = if self.vars[*root].ident == "self" {
                    quote::quote!(Self)
                } else if let Some(t) = self
                    .declared_struct(*root)
                    .or_else(|| self.struct_made(*root))
                {
                    quote::quote!(#t)
                } else {
                    self.element_place(*root)?
                };
                for m in path {
                    let key = match m {
                        syn::Member::Named(i) => i.to_string(),
                        syn::Member::Unnamed(i) => i.index.to_string(),
                    };
                    let h = crate::ir::field_hash(&key);
                    ty = quote::quote!(::ad_runtime::__private::FieldOf::<#ty, #h>);
                }
                Some(ty)
            }
            Op::Copy(Atom::Var(w)) | Op::CloneOf(Atom::Var(w)) if *w != v => {
                self.sequence_place(*w)
            }
            // `let mut qs = p.qs.to_vec();` (the runtime's `to_vec` of a sequence).
            Op::Call { func, args, .. }
                if func.segments.last().is_some_and(|s| s.ident == "to_vec")
                    && crate::front::syntax::is_runtime_path(func)
                    && let Some(Atom::Var(w) | Atom::Ref(w)) = args.first() =>
            {
                let inner = self.sequence_place(*w)?;
                Some(quote::quote!(::std::vec::Vec<::ad_runtime::__private::ElemOf::<#inner>>))
            }
            _ => None,
        }
    }

    /// The struct type `v` is declared with (a parameter `p: &P` or `p: P`, an annotated
    /// local), behind a reference or not.
    pub(super) fn declared_struct(&self, v: VarId) -> Option<syn::Type> {
        let ty = match self.vars[v].ty.clone()? {
            syn::Type::Reference(r) => *r.elem,
            other => other,
        };
        crate::front::is_struct_type(&ty).then_some(ty)
    }

    /// Whether `v` is certainly a struct (a literal, a `P::new(..)` constructor, a copy of
    /// one), not only guessed one from `P::f(..)`: then a method named like a float or array
    /// method (`p.dot(q)`) is the struct's own.
    pub(super) fn struct_certain(&self, v: VarId) -> bool {
        match self.defs.get(&v) {
            Some(Op::StructLit(..)) => true,
            Some(Op::Call { func, .. }) => {
                func.segments.len() == 2
                    && func.segments[1].ident == "new"
                    && self.struct_made(v).is_some()
            }
            // (Also a copy of a value declared a struct: `let (q, w) = (a, b);` of `a: V2`.)
            Some(Op::CloneOf(Atom::Var(w)) | Op::Copy(Atom::Var(w))) if *w != v => {
                self.struct_certain(*w) || self.declared_struct(*w).is_some()
            }
            Some(Op::Field(..)) => self.struct_made(v).is_some(),
            _ => false,
        }
    }

    /// The struct type of a local made by a struct literal (`P { .. }`), by an associated
    /// function of a user type (`P::new(..)`, taken to return `P`: only used to call an
    /// unknown method on it, where a wrong guess is rustc's type error), or as a clone of one.
    pub(super) fn struct_made(&self, v: VarId) -> Option<syn::Type> {
        // An annotation that names another type wins over the guess from the call
        // (`let y: Array1<f64> = s.apply(x);` is an array, not an `S`).
        if let Some(ty) = &self.vars[v].ty {
            let ty = match ty {
                Type::Reference(r) => &*r.elem,
                t => t,
            };
            let plainly_other = match ty {
                Type::Path(p) => p.path.segments.last().is_some_and(|l| {
                    let s = l.ident.to_string();
                    matches!(
                        s.as_str(),
                        "f64" | "f32" | "bool" | "Vec" | "String" | "Option"
                    ) || crate::ir::INT_TYPES.contains(&s.as_str())
                        || ["Array", "CowArray", "ArcArray"]
                            .iter()
                            .any(|a| s.starts_with(a))
                }),
                Type::Tuple(_) | Type::Array(_) | Type::Slice(_) => true,
                _ => false,
            };
            if plainly_other {
                return None;
            }
        }
        match self.defs.get(&v)? {
            Op::StructLit(path, _) => Some(syn::Type::Path(syn::TypePath {
                qself: None,
                path: path.clone(),
            })),
            Op::Call { func, .. } => {
                let segs: Vec<String> = func.segments.iter().map(|s| s.ident.to_string()).collect();
                (user_associated_fn(&segs) || self.user_type_fn(&segs)).then(|| {
                    let ty = &func.segments[0].ident;
                    syn::parse_quote!(#ty)
                })
            }
            // A copy or clone of a struct made in the body, or of a struct parameter (`let p =
            // p0.clone();` with `p0: &P`).
            Op::CloneOf(Atom::Var(w)) | Op::Copy(Atom::Var(w)) | Op::Deref(Atom::Var(w))
                if *w != v =>
            {
                self.struct_made(*w).or_else(|| self.declared_struct(*w))
            }
            // An element of a tuple declared with struct types (`let (q, w): (V2, V2) = ..;`).
            Op::Field(Atom::Var(b), k) => match self.vars[*b].ty.as_ref()? {
                syn::Type::Tuple(t) => t
                    .elems
                    .iter()
                    .nth(k.index as usize)
                    .filter(|e| crate::front::is_struct_type(e))
                    .cloned(),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether `e` is a struct: a variable of a struct type (`p: &Pair`, `self`), or a field
    /// read from one.
    pub(super) fn struct_base(&self, e: &Expr) -> bool {
        match strip(e) {
            Expr::Path(p) => p
                .path
                .get_ident()
                .and_then(|i| self.lookup(&i.to_string()))
                .is_some_and(|v| {
                    let ty = self.vars[v].ty.as_ref();
                    let strip_ref = |t: &Type| -> Type {
                        match t {
                            Type::Reference(r) => (*r.elem).clone(),
                            other => other.clone(),
                        }
                    };
                    ty.is_some_and(|t| crate::front::is_struct_type(&strip_ref(t)))
                        || self.member_root(&Atom::Var(v)).is_some()
                        || matches!(self.defs.get(&v), Some(Op::StructLit(..)))
                        // A borrowed element of a sequence of structs (`b` of `for b in
                        // &n.blocks`, `let b = &n.blocks[0];`).
                        || self.element_place(v).is_some()
                        // A clone or copy of a struct parameter (`let s = s0.clone();`).
                        || matches!(self.defs.get(&v), Some(Op::CloneOf(_) | Op::Copy(_) | Op::Deref(_)))
                            && self.struct_made(v).is_some()
                }),
            Expr::Field(f) => {
                matches!(f.member, syn::Member::Named(_)) && self.struct_base(&f.base)
            }
            // An element of a sequence of structs (`self.blocks[0]` of `self.blocks[0].layers`).
            Expr::Index(ix) => {
                !matches!(strip(&ix.index), Expr::Range(_)) && self.struct_elements(&ix.expr)
            }
            _ => false,
        }
    }

    /// `xs[i]` of a sequence whose elements may be structs ([`Self::struct_elements`]),
    /// borrowed: `&xs[i]` (the element read of a field or method on it, `self.layers[i].b`,
    /// or a borrow of it, `&self.layers[i]`). `None` for other expressions.
    pub(super) fn lower_struct_element(&mut self, e: &Expr) -> Option<Atom> {
        let Expr::Index(ix) = strip(e) else {
            return None;
        };
        if matches!(strip(&ix.index), Expr::Range(_)) || !self.struct_elements(&ix.expr) {
            return None;
        }
        Some(match self.lower_op(e) {
            Op::Index {
                base,
                index,
                by_ref: false,
            } => {
                // Of a local the body writes (`let mut qs = p.qs.clone();`): a clone of the
                // element, as a borrow of it would outlive later writes.
                let written = matches!(base, Atom::Var(b) if self.vars[b].kind == VarKind::LetMut);
                let r = self.let_temp(
                    Op::Index {
                        base,
                        index,
                        by_ref: true,
                    },
                    e.span(),
                );
                if !written {
                    return Some(r);
                }
                self.let_temp(Op::CloneOf(r), e.span())
            }
            other => {
                let t = self.let_temp(other, e.span());
                match t {
                    Atom::Var(t) => Atom::Ref(t),
                    other => other,
                }
            }
        })
    }

    /// Whether the elements of the sequence `e` may be structs that cannot be moved out of it:
    /// a field of a struct (`self.layers`, whose type the attribute cannot see), or a
    /// variable declared as a sequence of structs (`layers: &[Layer]`).
    pub(super) fn struct_elements(&self, e: &Expr) -> bool {
        match strip(e) {
            Expr::Field(f) => {
                matches!(f.member, syn::Member::Named(_)) && self.struct_base(&f.base)
            }
            Expr::Path(p) => {
                self.indexed_type(e)
                    .as_ref()
                    .and_then(crate::front::sequence_element)
                    .is_some_and(crate::front::is_struct_type)
                    || p.path.get_ident().is_some_and(|i| {
                        let name = i.to_string();
                        self.struct_seqs.contains(&name)
                            && self.lookup(&name).is_some_and(|v| {
                                self.vars[v].ty.as_ref().is_none_or(|t| {
                                    crate::front::sequence_element(match t {
                                        Type::Reference(r) => &r.elem,
                                        t => t,
                                    })
                                    .is_some()
                                })
                            })
                    })
            }
            _ => false,
        }
    }

    /// If `a` holds a field read (`Op::Member`, through copies), its struct and path.
    pub(super) fn member_root(&self, a: &Atom) -> Option<(Atom, Vec<syn::Member>)> {
        let Atom::Var(v) = a else { return None };
        match self.defs.get(v)? {
            Op::Member(root, path, _) => Some((root.clone(), path.clone())),
            Op::Copy(x @ Atom::Var(_)) => self.member_root(x),
            _ => None,
        }
    }
}
