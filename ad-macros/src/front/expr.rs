//! Lowering expressions to operands ([`Atom`]) and primitive operations ([`Op`]).

use super::call::{concat_kind, matches_args};
use super::lower::*;
use super::syntax::*;
use crate::ir::*;
use proc_macro2::TokenStream;
use quote::{ToTokens, quote, quote_spanned};
use std::collections::HashMap;
use syn::spanned::Spanned;
use syn::{Expr, Type};

impl Lowerer<'_> {
    // ---- expressions ---------------------------------------------------------------------

    /// Lowers `e` to an operand, emitting the operations that compute it.
    pub(super) fn lower_atom(&mut self, e: &Expr) -> Atom {
        match e {
            Expr::Lit(_) => Atom::Const(e.to_token_stream()),
            Expr::Paren(p) => self.lower_atom(&p.expr),
            Expr::Group(g) => self.lower_atom(&g.expr),
            Expr::Path(p) if p.qself.is_none() => {
                if let Some(ident) = p.path.get_ident()
                    && let Some(v) = self.lookup(&ident.to_string())
                {
                    if self.closures.contains_key(&v) {
                        self.unsupported(
                            e,
                            "a closure used other than by calling it",
                            "call it (`f(x)`), or write a named #[differentiable] function",
                        );
                        return Atom::Const(quote!(()));
                    }
                    return Atom::Var(v);
                }
                Atom::Const(e.to_token_stream())
            }
            // A closure that captures nothing (`w.sort_by(|p, q| p.total_cmp(q))`) is a
            // constant, printed where it is used (its parameter types come from there).
            Expr::Closure(_) if self.rename_closure(e).1.is_empty() => {
                Atom::Const(self.rename_closure(e).0)
            }
            // A closure that captures variables, passed on (`idx.sort_by(|a, b|
            // key[*a].total_cmp(&key[*b]))`): not differentiated, so what it captures must be
            // constants, checked by an opaque statement that reads them; the closure itself
            // stays where it is written (its parameter types come from there).
            Expr::Closure(c) if c.asyncness.is_none() => {
                let (tokens, reads, _) = self.rename_closure(e);
                self.let_temp(
                    Op::Opaque {
                        mutates: Vec::new(),
                        tokens: quote_spanned!(e.span()=> ()),
                        reads,
                        what: "a closure passed as an argument (it is not differentiated, so it may capture constants only; for a computation on differentiated values, bind the closure with `let` and call it, or write a #[differentiable] function)".to_string(),
                    },
                    e.span(),
                );
                Atom::Const(tokens)
            }
            Expr::Reference(r) if r.mutability.is_none() && is_range_index(&r.expr) => {
                let Expr::Index(ix) = strip(&r.expr) else {
                    unreachable!()
                };
                let Expr::Range(range) = strip(&ix.index) else {
                    unreachable!()
                };
                let base = self.lower_atom(&ix.expr);
                // A bound read from a variable that may change later (`let t = &x[lo..];
                // lo += 1;`): its value here, copied, so that the borrow can be re-made (or
                // its bound recorded) for the reverse sweep.
                let bound = |lw: &mut Self, e: &Expr| {
                    let a = lw.lower_atom(e);
                    match a {
                        Atom::Var(v) if lw.vars[v].kind == VarKind::LetMut => {
                            lw.let_temp(Op::Copy(a), e.span())
                        }
                        a => a,
                    }
                };
                let lo = range.start.as_ref().map(|e| bound(self, e));
                let hi = range.end.as_ref().map(|e| bound(self, e));
                let inclusive = matches!(range.limits, syn::RangeLimits::Closed(_));
                self.let_temp(
                    Op::SliceRef {
                        base,
                        lo,
                        hi,
                        inclusive,
                    },
                    r.span(),
                )
            }
            // `&p.w`: a borrow of the field (see `Op::Member`).
            Expr::Reference(r)
                if r.mutability.is_none()
                    && matches!(strip(&r.expr), Expr::Field(f) if matches!(f.member, syn::Member::Named(_))) =>
            {
                match self.lower_op(&r.expr) {
                    Op::Member(base, path, _) => {
                        self.let_temp(Op::Member(base, path, true), r.span())
                    }
                    other => self.let_temp(other, r.span()),
                }
            }
            // `&*w` of a reference `w` (a parameter `w: &Array1<f64>`): a reborrow, `w` itself.
            Expr::Reference(r)
                if r.mutability.is_none()
                    && let Expr::Unary(u) = strip(&r.expr)
                    && matches!(u.op, syn::UnOp::Deref(_))
                    && let Expr::Path(p) = strip(&u.expr)
                    && let Some(id) = p.path.get_ident()
                    && let Some(v) = self.lookup(&id.to_string())
                    && matches!(self.vars[v].ty, Some(syn::Type::Reference(_))) =>
            {
                Atom::Var(v)
            }
            // `&self.layers[i]` (an element of a field, whose type the attribute cannot see:
            // a struct of a `Vec<Layer>` field cannot be moved out), `&layers[i]` of a
            // sequence of structs: the element borrowed.
            Expr::Reference(r)
                if r.mutability.is_none()
                    && let Some(a) = self.lower_struct_element(&r.expr) =>
            {
                match a {
                    // (An owned clone of the element: lent.)
                    Atom::Var(t) if matches!(self.defs.get(&t), Some(Op::CloneOf(_))) => {
                        Atom::Ref(t)
                    }
                    a => a,
                }
            }
            Expr::Reference(r) if r.mutability.is_none() => match self.lower_atom(&r.expr) {
                Atom::Var(v) => Atom::Ref(v),
                Atom::Const(c) => Atom::Const(quote!(&#c)),
                Atom::Ref(v) => {
                    let t = self.let_temp(Op::Copy(Atom::Ref(v)), r.span());
                    match t {
                        Atom::Var(t) => Atom::Ref(t),
                        other => other,
                    }
                }
            },
            Expr::Unary(u)
                if matches!(u.op, syn::UnOp::Neg(_)) && matches!(strip(&u.expr), Expr::Lit(_)) =>
            {
                // Parenthesised: `(-0.5_f64).exp()` must not print as `-0.5_f64.exp()`.
                Atom::Const(quote!((#e)))
            }
            _ => {
                let op = self.lower_op(e);
                match op {
                    Op::Copy(a) => a,
                    Op::Index {
                        base: Atom::Var(b),
                        index,
                        by_ref: false,
                    } => {
                        let key = (b, index.var());
                        let text = match &index {
                            Atom::Const(c) => c.to_string(),
                            _ => String::new(),
                        };
                        if let Some((t, v)) = self.reads.last().unwrap().get(&key)
                            && *t == text
                        {
                            return Atom::Var(*v);
                        }
                        let atom = self.let_temp(
                            Op::Index {
                                base: Atom::Var(b),
                                index,
                                by_ref: false,
                            },
                            e.span(),
                        );
                        if let Atom::Var(v) = atom {
                            self.reads.last_mut().unwrap().insert(key, (text, v));
                        }
                        atom
                    }
                    op => self.let_temp(op, e.span()),
                }
            }
        }
    }

    /// Lowers `e` to one operation whose operands are atoms.
    /// The name the user's code gives variable `v` here (a shadowing binding's emitted name
    /// differs from it).
    pub(super) fn user_name(&self, v: VarId) -> Option<String> {
        self.scopes
            .iter()
            .rev()
            .find_map(|s| s.iter().find(|(_, w)| **w == v).map(|(n, _)| n.clone()))
    }

    /// The operands `es` lowered left to right, as Rust evaluates them: an operand that reads
    /// a mutable variable which a later operand assigns (`a + { a = 3.0 * a; a }`) is copied
    /// before the later one is lowered.
    pub(super) fn lower_atoms_in_order(&mut self, es: &[&Expr]) -> Vec<Atom> {
        let mut out = Vec::with_capacity(es.len());
        for (k, e) in es.iter().enumerate() {
            let mut a = self.lower_atom(e);
            if let Atom::Var(v) = a
                && matches!(self.vars[v].kind, VarKind::LetMut | VarKind::Param)
                && let Some(name) = self.user_name(v)
                && es[k + 1..].iter().any(|later| assigns_name(later, &name))
            {
                a = self.let_temp(Op::Copy(a), e.span());
            }
            out.push(a);
        }
        out
    }

    pub(super) fn lower_op(&mut self, e: &Expr) -> Op {
        match e {
            Expr::Lit(_) | Expr::Path(_) | Expr::Reference(_) => {
                if let Expr::Reference(r) = e
                    && r.mutability.is_some()
                {
                    self.unsupported(e, "a `&mut` borrow of part of a variable, or outside a call statement", "lend a whole variable to a #[differentiable] in-place function as a statement (`step(&mut y, h);`, also `&mut y[..]`, `&mut *y`), or copy the part into its own buffer");
                    return Op::Copy(Atom::Const(quote!(())));
                }
                if let Expr::Path(p) = e
                    && p.qself.is_some()
                {
                    // `<f64>::EPSILON`, `<T as Trait>::C`: names an item, never a local, so a
                    // constant. (Lowered here, not by `lower_atom`, which sends it back.)
                    return Op::Copy(Atom::Const(e.to_token_stream()));
                }
                Op::Copy(self.lower_atom(e))
            }
            Expr::Paren(p) => self.lower_op(&p.expr),
            Expr::Group(g) => self.lower_op(&g.expr),
            Expr::Binary(b) => {
                let arith = match b.op {
                    syn::BinOp::Add(_) => Some(Arith::Add),
                    syn::BinOp::Sub(_) => Some(Arith::Sub),
                    syn::BinOp::Mul(_) => Some(Arith::Mul),
                    syn::BinOp::Div(_) => Some(Arith::Div),
                    syn::BinOp::Rem(_) => Some(Arith::Rem),
                    _ => None,
                };
                if let Some(a) = arith {
                    let lr = self.lower_atoms_in_order(&[&b.left, &b.right]);
                    return self.arith(a, lr[0].clone(), lr[1].clone());
                }
                if is_compound_assign(&b.op) {
                    self.unsupported(
                        e,
                        "a compound assignment used as a value",
                        "write it as a statement",
                    );
                    return Op::Copy(Atom::Const(quote!(())));
                }
                if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) {
                    let cond = self.lower_atom(&b.left);
                    let is_and = matches!(b.op, syn::BinOp::And(_));
                    return Op::Copy(self.short_circuit(cond, &b.right, is_and, e.span()));
                }
                let lr = self.lower_atoms_in_order(&[&b.left, &b.right]);
                let op = &b.op;
                Op::Passive(quote!(#op), lr, PassiveShape::Infix)
            }
            Expr::Unary(u) => {
                let a = self.lower_atom(&u.expr);
                match u.op {
                    syn::UnOp::Neg(_) => Op::Neg(a),
                    syn::UnOp::Deref(_) => Op::Deref(a),
                    syn::UnOp::Not(t) => Op::Passive(quote!(#t), vec![a], PassiveShape::Prefix),
                    _ => {
                        self.unsupported(&u.op, "this unary operator", "use `-`, `!` or `*`");
                        Op::Copy(a)
                    }
                }
            }
            Expr::MethodCall(m) => {
                // `x.mean().unwrap()`, `concatenate(..).unwrap()`: one operation.
                if (m.method == "unwrap" || m.method == "expect") && m.args.len() <= 1 {
                    let (method, args) = (&m.method, &m.args);
                    let post = quote!(.#method(#args));
                    match strip(&m.receiver) {
                        Expr::MethodCall(inner)
                            if crate::sema::rules::unwrapped_method(&inner.method.to_string()) =>
                        {
                            let mut op = self.lower_method(inner);
                            if let Op::Method { extra, .. } = &mut op {
                                extra.post = Some(post);
                            }
                            return op;
                        }
                        // `Array2::from_shape_vec(shape, v).unwrap()`: the runtime's
                        // differentiable `array_from_shape_vec(shape, &v)`.
                        Expr::Call(c) if super::call::is_from_shape_vec(c) => {
                            let (sh, v) = (&c.args[0], &c.args[1]);
                            if let Ok(call) =
                                syn::parse2::<syn::ExprCall>(quote::quote_spanned!(c.span()=>
                                ::ad_runtime::__private::array_from_shape_vec(#sh, &#v)))
                            {
                                return self.lower_call(&call, e);
                            }
                        }
                        Expr::Call(c) if concat_kind(c).is_some() => {
                            let mut op = self.lower_call(c, &m.receiver);
                            if let Op::Concat { post: p, .. } = &mut op {
                                *p = post;
                            }
                            return op;
                        }
                        _ => {}
                    }
                }
                self.lower_method(m)
            }
            // `Pt(x, 2.0)`: a tuple struct's constructor is its literal `Pt { 0: x, 1: 2.0 }`.
            Expr::Call(c) if tuple_struct_constructor(c) => {
                let exprs: Vec<&Expr> = c.args.iter().collect();
                let atoms = self.lower_atoms_in_order(&exprs);
                let Expr::Path(p) = strip(&c.func) else {
                    unreachable!("checked by `tuple_struct_constructor`")
                };
                let fs = atoms
                    .into_iter()
                    .enumerate()
                    .map(|(k, a)| {
                        let m = syn::Member::Unnamed(syn::Index {
                            index: k as u32,
                            span: p.span(),
                        });
                        (m, a)
                    })
                    .collect();
                Op::StructLit(p.path.clone(), fs)
            }
            Expr::Call(c) => self.lower_call(c, e),
            Expr::Cast(c) => {
                let a = self.lower_atom(&c.expr);
                let float = matches!(&*c.ty, Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"));
                Op::Cast {
                    a,
                    ty: (*c.ty).clone(),
                    float,
                    lifted: false,
                }
            }
            Expr::Index(ix) => {
                // `w[i][j]` of a sequence of `Vec`s: the row `w[i]` borrowed (it cannot be
                // moved out); rows of fixed-size arrays are copied as any element.
                let vec_rows = |e: &Expr| match strip(e) {
                    Expr::Path(p) => p
                        .path
                        .get_ident()
                        .and_then(|i| self.lookup(&i.to_string()))
                        .and_then(|v| self.vars[v].ty.as_ref())
                        .and_then(crate::front::sequence_element)
                        .is_some_and(|row| {
                            !matches!(row, Type::Array(_))
                                && crate::front::sequence_element(row).is_some()
                        }),
                    _ => false,
                };
                let row_of_rows = vec_rows(&ix.expr) && !matches!(strip(&ix.index), Expr::Range(_));
                let base = match strip(&ix.expr) {
                    Expr::Index(inner)
                        if !matches!(strip(&inner.index), Expr::Range(_))
                            && vec_rows(&inner.expr) =>
                    {
                        let b = self.lower_atom(&inner.expr);
                        let i = self.lower_index_atom(&inner.index);
                        self.let_temp(
                            Op::Index {
                                base: b,
                                index: i,
                                by_ref: true,
                            },
                            inner.span(),
                        )
                    }
                    _ => self.lower_atom(&ix.expr),
                };
                // A row `w[i]` of such a sequence used as a value (`w[i].len()`, `&w[i]`):
                // borrowed too.
                if row_of_rows {
                    let i = self.lower_index_atom(&ix.index);
                    return Op::Index {
                        base,
                        index: i,
                        by_ref: true,
                    };
                }
                let index = self.lower_index_atom(&ix.index);
                // A snapshot of a mutable index (`icf[idx]` with `idx += 1` later): the reverse
                // sweep then reads the snapshot, not `idx`, which needs no restoring.
                let index = match index {
                    Atom::Var(v) if self.vars[v].kind == VarKind::LetMut => {
                        self.let_temp(Op::Copy(Atom::Var(v)), ix.index.span())
                    }
                    other => other,
                };
                Op::Index {
                    base,
                    index,
                    by_ref: false,
                }
            }
            // `P { a: x, b }`: a derived struct built from values (no `..base`).
            Expr::Struct(st) if st.rest.is_none() && st.qself.is_none() => {
                let exprs: Vec<&Expr> = st.fields.iter().map(|f| &f.expr).collect();
                let atoms = self.lower_atoms_in_order(&exprs);
                let fs = st.fields.iter().map(|f| f.member.clone()).zip(atoms).collect();
                Op::StructLit(st.path.clone(), fs)
            }
            Expr::Tuple(t) => {
                if t.elems.is_empty() {
                    return Op::Copy(Atom::Const(quote!(())));
                }
                let elems: Vec<&Expr> = t.elems.iter().collect();
                Op::Tuple(self.lower_atoms_in_order(&elems))
            }
            // `p.0` of a tuple struct parameter (or of a field read from one): a struct field.
            Expr::Field(f)
                if matches!(f.member, syn::Member::Unnamed(_)) && self.struct_base(&f.base) =>
            {
                let base = self.lower_atom(&f.base);
                match self.member_root(&base) {
                    Some((root, mut prefix)) => {
                        prefix.push(f.member.clone());
                        Op::Member(root, prefix, false)
                    }
                    None => Op::Member(base, vec![f.member.clone()], false),
                }
            }
            Expr::Field(f) => match &f.member {
                syn::Member::Unnamed(idx) => {
                    let base = self.lower_atom(&f.base);
                    Op::Field(base, idx.clone())
                }
                syn::Member::Named(_) => {
                    // `p.a.b`: a field path on a variable (a `#[derive(Differentiable)]` struct).
                    let mut path = vec![f.member.clone()];
                    let mut base = &*f.base;
                    while let Expr::Field(inner) = strip(base)
                        && let syn::Member::Named(_) = &inner.member
                    {
                        path.push(inner.member.clone());
                        base = &inner.base;
                    }
                    path.reverse();
                    let base = match self.lower_struct_element(base) {
                        Some(a) => a,
                        None => self.lower_atom(base),
                    };
                    // A field of a field read earlier (`l1.w` after `let l1 = &p.l1`): one
                    // path from the struct parameter, whose adjoint has the struct's type.
                    match self.member_root(&base) {
                        Some((root, mut prefix)) => {
                            prefix.extend(path);
                            Op::Member(root, prefix, false)
                        }
                        None => Op::Member(base, path, false),
                    }
                }
            },
            Expr::If(i) => {
                let t = self.temp_var(VarKind::Deferred, "c");
                self.emit(Stmt::Declare { var: t });
                self.lower_if(i, Some(t));
                Op::Copy(Atom::Var(t))
            }
            Expr::Block(b) if b.label.is_none() => {
                self.scopes.push(HashMap::new());
                let v = self.lower_stmts(&b.block.stmts, Want::Value);
                self.scopes.pop();
                Op::Copy(v.unwrap_or(Atom::Const(quote!(()))))
            }
            Expr::Macro(m) if m.mac.path.segments.last().is_some_and(|s| s.ident == "vec") => {
                // `vec![x; n]`: the operands are lowered like any others, so `n` may be
                // `xs.len()` of a differentiated `xs`.
                let inner = &m.mac.tokens;
                if let Ok(rep) = syn::parse2::<syn::ExprRepeat>(quote!([#inner])) {
                    // Of a float computed in the body (`vec![-r; n]`, a differentiated `r`):
                    // the runtime's differentiable `vec_repeat(x, n)`, a call like any other.
                    if !matches!(strip(&rep.expr), Expr::Lit(_))
                        && !matches!(strip(&rep.expr), Expr::Unary(u) if matches!(strip(&u.expr), Expr::Lit(_)))
                        && self.looks_float(&rep.expr)
                    {
                        let (x, n) = (&rep.expr, &rep.len);
                        let call: Option<syn::ExprCall> = (|| {
                            Some(try_parse_at!(m.span(), ::ad_runtime::__private::vec_repeat(#x, #n)))
                        })();
                        if let Some(call) = call {
                            return self.lower_call(&call, &Expr::Call(call.clone()));
                        }
                    }
                    let elem = self.lower_atom(&rep.expr);
                    let len = self.lower_atom(&rep.len);
                    let reads = [&elem, &len].iter().filter_map(|a| a.var()).collect();
                    let (e, l) = (
                        atom_tokens(&self.vars, &elem),
                        atom_tokens(&self.vars, &len),
                    );
                    return Op::Opaque {
                        mutates: Vec::new(),
                        tokens: quote!(::std::vec![#e; #l]),
                        reads,
                        what: "the element of `vec![x; n]`".to_string(),
                    };
                }
                // `vec![x, y * 2.0]` of floats: a local buffer `vec![0.0; N]` and one element
                // write per element (as for `[x, y * 2.0]`).
                if let Ok(arr) = syn::parse2::<syn::ExprArray>(quote!([#inner]))
                    && self.float_elements(&arr)
                    && let Some(block) = float_buffer(&arr, m.span(), true)
                {
                    return self.lower_op(&block);
                }
                let (tokens, reads) = self.rename_tokens(m.to_token_stream());
                Op::Opaque {
                    mutates: Vec::new(),
                    tokens,
                    reads,
                    what: "the macro `vec!`".to_string(),
                }
            }
            Expr::Repeat(rep) if !matches!(strip(&rep.expr), Expr::Repeat(_) | Expr::Array(_)) => {
                // `[x; N]`: a local fixed-size array, handled like `vec![x; n]` (its length
                // is a constant expression, kept as written).
                let elem = self.lower_atom(&rep.expr);
                let reads = elem.var().into_iter().collect();
                let e = atom_tokens(&self.vars, &elem);
                let len = &rep.len;
                Op::Opaque {
                    mutates: Vec::new(),
                    tokens: quote_spanned!(rep.span()=> [#e; #len]),
                    reads,
                    what: "the element of `[x; n]`".to_string(),
                }
            }
            // `[x, y * 2.0]` of floats: a local buffer `[0.0; N]` and one element write per
            // element, so each element is differentiated like any buffer write.
            Expr::Array(arr)
                if self.float_elements(arr)
                    && let Some(block) = float_buffer(arr, arr.span(), false) =>
            {
                self.lower_op(&block)
            }
            // `[[a, b], [c, d]]` (up to eight rows) with float elements: each row a local
            // buffer, the whole the runtime's `rows_M(r0, r1, ..)` (its pullback hands each row
            // its part of the cotangent).
            Expr::Array(arr)
                if (1..=8).contains(&arr.elems.len())
                    && arr.elems.iter().all(|e| {
                        matches!(strip(e), Expr::Array(row) if !row.elems.is_empty()
                            && row.elems.iter().all(|x| !matches!(strip(x), Expr::Array(_) | Expr::Repeat(_))))
                    })
                    && arr.elems.iter().any(|e| {
                        matches!(strip(e), Expr::Array(row) if row.elems.iter().any(|x| self.looks_float(x)))
                    }) =>
            {
                let f = syn::Ident::new(&format!("rows_{}", arr.elems.len()), arr.span());
                let rows = arr.elems.iter();
                if let Ok(call) = syn::parse2::<syn::ExprCall>(
                    quote_spanned!(arr.span()=> ::ad_runtime::__private::#f(#(#rows),*)),
                ) {
                    return self.lower_call(&call, e);
                }
                self.unsupported(e, "this nested array expression", "build it row by row");
                Op::Copy(Atom::Const(quote!(())))
            }
            Expr::Array(arr)
                if !arr
                    .elems
                    .iter()
                    .any(|e| matches!(strip(e), Expr::Repeat(_) | Expr::Array(_))) =>
            {
                // `[a, b, c]` of values that are not differentiated (checked like any opaque
                // operation): a constant array, its elements evaluated left to right.
                let elems: Vec<&Expr> = arr.elems.iter().collect();
                let atoms: Vec<Atom> = self.lower_atoms_in_order(&elems);
                let reads = atoms.iter().filter_map(|a| a.var()).collect();
                let elems: Vec<TokenStream> =
                    atoms.iter().map(|a| atom_tokens(&self.vars, a)).collect();
                Op::Opaque {
                    mutates: Vec::new(),
                    tokens: quote_spanned!(arr.span()=> [#(#elems),*]),
                    reads,
                    what: "an element of an array expression `[a, b, ..]` whose elements are not visibly floats (annotate one, `let a: f64 = g(x);`, or build it with `vec![0.0; n]` and element writes `v[i] = ..`)".to_string(),
                }
            }
            // `matches!(e, pattern)`: a test of the value of `e` (passive, like a comparison),
            // so `matches!(x.len(), 1 | 2)` reads only the length of `x`.
            Expr::Macro(m)
                if m.mac.path.is_ident("matches")
                    && let Some((scrut, pat)) = matches_args(&m.mac) =>
            {
                let scrut = self.lower_atom(&scrut);
                Op::Passive(quote!(#pat), vec![scrut], PassiveShape::Matches)
            }
            Expr::Macro(m) => {
                let (tokens, reads) = self.rename_tokens(m.to_token_stream());
                let name = m.mac.path.to_token_stream().to_string().replace(' ', "");
                Op::Opaque {
                    mutates: Vec::new(),
                    tokens,
                    reads,
                    what: format!("the macro `{name}!`"),
                }
            }
            Expr::Unsafe(u) => {
                self.unsupported(&u.unsafe_token, "an `unsafe` block", "move the unsafe code into a separate function whose result is a constant, or differentiate a safe equivalent");
                Op::Copy(Atom::Const(quote!(())))
            }
            Expr::Match(m) => {
                let t = self.temp_var(VarKind::Deferred, "c");
                self.emit(Stmt::Declare { var: t });
                self.lower_match(m, Some(t));
                Op::Copy(Atom::Var(t))
            }
            other => {
                let (what, instead) = expr_kind(other);
                self.unsupported(other, what, instead);
                Op::Copy(Atom::Const(quote!(())))
            }
        }
    }

    /// Whether `[a, b, ..]` is a flat, non-empty array of elements one of which visibly is a
    /// float (so a float buffer; see [`float_buffer`]).
    fn float_elements(&self, arr: &syn::ExprArray) -> bool {
        !arr.elems.is_empty()
            && (self.float_literal || arr.elems.iter().any(|e| self.looks_float(e)))
            && !arr
                .elems
                .iter()
                .any(|e| matches!(strip(e), Expr::Repeat(_) | Expr::Array(_)))
    }

    /// The type of an element read `x[i]`, `p[i][j]`, `a[[i, j]]` of a variable whose declared
    /// type shows it (slices, `Vec`s, fixed-size arrays, ndarray arrays, nested).
    pub(super) fn indexed_type(&self, e: &Expr) -> Option<Type> {
        match strip(e) {
            Expr::Path(p) => {
                let v = self.lookup(&p.path.get_ident()?.to_string())?;
                match self.vars[v].ty.clone()? {
                    Type::Reference(r) => Some(*r.elem),
                    t => Some(t),
                }
            }
            Expr::Index(ix) => {
                let t = self.indexed_type(&ix.expr)?;
                crate::front::sequence_element(&t)
                    .or_else(|| super::signature::ndarray_element(&t))
                    .cloned()
            }
            _ => None,
        }
    }

    /// Whether `e` visibly is a float: a float literal, a variable declared (or bound) as one,
    /// an element of a float sequence, a float method, a cast to a float, or arithmetic on
    /// one of those. Decides whether an array expression `[a, b]` is a float buffer.
    pub(super) fn looks_float(&self, e: &Expr) -> bool {
        let float_ty = |t: &Type| matches!(t, Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"));
        let var = |e: &Expr| match strip(e) {
            Expr::Path(p) => p.path.get_ident().and_then(|i| self.lookup(&i.to_string())),
            _ => None,
        };
        match strip(e) {
            Expr::Lit(l) => match &l.lit {
                syn::Lit::Float(_) => true,
                syn::Lit::Int(i) => matches!(i.suffix(), "f64" | "f32"),
                _ => false,
            },
            Expr::Path(_) => var(e).is_some_and(|v| {
                self.floats.contains(&v) || self.vars[v].ty.as_ref().is_some_and(float_ty)
            }),
            Expr::Index(_) => self.indexed_type(e).is_some_and(|t| float_ty(&t)),
            Expr::MethodCall(m) => {
                crate::sema::rules::method(&m.method.to_string()).is_some()
                    && !matches!(m.method.to_string().as_str(), "len" | "count")
            }
            Expr::Cast(c) => float_ty(&c.ty),
            Expr::Binary(b) => {
                use syn::BinOp::*;
                matches!(b.op, Add(_) | Sub(_) | Mul(_) | Div(_) | Rem(_))
                    && (self.looks_float(&b.left) || self.looks_float(&b.right))
            }
            Expr::Unary(u) => !matches!(u.op, syn::UnOp::Not(_)) && self.looks_float(&u.expr),
            // A branching or block value whose results visibly are floats (names bound inside
            // are not seen: their tails count only where they are visible otherwise).
            Expr::If(i) => {
                i.else_branch.is_some()
                    && (self.block_tail_float(&i.then_branch)
                        || i.else_branch
                            .as_ref()
                            .is_some_and(|(_, e)| self.looks_float(e)))
            }
            Expr::Block(b) => self.block_tail_float(&b.block),
            Expr::Match(m) => m.arms.iter().any(|a| self.looks_float(&a.body)),
            _ => false,
        }
    }

    /// Whether a block's tail expression visibly is a float (see [`Self::looks_float`]).
    fn block_tail_float(&self, b: &syn::Block) -> bool {
        matches!(b.stmts.last(), Some(syn::Stmt::Expr(e, None)) if self.looks_float(e))
    }

    /// The float type (`f64`, `f32`) of `e` where its syntax and the declared types show it:
    /// a variable of that type, an element of a sequence of it, a cast to it, a suffixed
    /// literal, or arithmetic on one of those.
    pub(super) fn float_type_of(&self, e: &Expr) -> Option<Type> {
        let float_ty = |t: &Type| matches!(t, Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"));
        let var_ty = |e: &Expr| match strip(e) {
            Expr::Path(p) => p
                .path
                .get_ident()
                .and_then(|i| self.lookup(&i.to_string()))
                .and_then(|v| self.vars[v].ty.clone())
                .map(|t| match t {
                    Type::Reference(r) => *r.elem,
                    t => t,
                }),
            _ => None,
        };
        match strip(e) {
            Expr::Lit(l) => match &l.lit {
                syn::Lit::Float(f) if matches!(f.suffix(), "f64" | "f32") => {
                    Some(syn::parse_str(f.suffix()).ok()?)
                }
                syn::Lit::Float(_) => self.literal_float.clone(),
                _ => None,
            },
            Expr::Path(_) => var_ty(e).filter(|t| float_ty(t)),
            Expr::Index(_) => self.indexed_type(e).filter(float_ty),
            Expr::Cast(c) => Some((*c.ty).clone()).filter(|t| float_ty(t)),
            Expr::Binary(b) => self
                .float_type_of(&b.left)
                .or_else(|| self.float_type_of(&b.right)),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => self.float_type_of(&u.expr),
            // A float method of a float (`x.sin()`, `x.powi(2)`).
            Expr::MethodCall(m)
                if matches!(
                    crate::sema::rules::method(&m.method.to_string()),
                    Some(crate::sema::rules::MethodRule::Diff { .. })
                ) =>
            {
                self.float_type_of(&m.receiver)
            }
            Expr::Paren(p) => self.float_type_of(&p.expr),
            _ => None,
        }
    }
}

/// `[a, b, ..]` (or `vec![a, b, ..]` with `vec`) of floats as the block that builds it: a local
/// buffer `[0.0; N]` (`vec![0.0; N]`) and one element write per element, so each element is
/// differentiated like any buffer write.
fn float_buffer(arr: &syn::ExprArray, span: proc_macro2::Span, vec: bool) -> Option<Expr> {
    let tmp = syn::Ident::new(if vec { "__ad_vec" } else { "__ad_array" }, span);
    let n = arr.elems.len();
    let writes = arr
        .elems
        .iter()
        .enumerate()
        .map(|(k, e)| quote_spanned!(e.span()=> #tmp[#k] = #e;));
    let init = if vec {
        quote_spanned!(span=> ::std::vec![0.0; #n])
    } else {
        quote_spanned!(span=> [0.0; #n])
    };
    syn::parse2(quote_spanned!(span=> {
        let mut #tmp = #init;
        #(#writes)*
        #tmp
    }))
    .ok()
}

/// `Pt(x, 2.0)`: a call of a capitalised single name that is not one of the standard
/// library's wrappers (`Some`, `Ok`, `Box`, ...): a tuple struct's constructor (an enum's
/// tuple variant called by its bare name, after `use E::*`, would be taken for one; its
/// check then fails to compile, naming it).
fn tuple_struct_constructor(c: &syn::ExprCall) -> bool {
    const STD: &[&str] = &[
        "Some",
        "Ok",
        "Err",
        "Box",
        "Rc",
        "Arc",
        "Cell",
        "RefCell",
        "Mutex",
        "RwLock",
        "Wrapping",
        "Saturating",
        "Reverse",
        "PhantomData",
        "String",
        "Vec",
        "Cow",
        "Pin",
        "Axis",
        "Ix",
        "Ix1",
        "Ix2",
        "Ix3",
        "IxDyn",
        "Dim",
    ];
    let Expr::Path(p) = strip(&c.func) else {
        return false;
    };
    let Some(id) = p.path.get_ident() else {
        return false;
    };
    let name = id.to_string();
    p.qself.is_none()
        && !c.args.is_empty()
        && name.chars().next().is_some_and(|ch| ch.is_uppercase())
        // (Also all capitals, `V2(x, y)`, `XY(a, b)`: a callable constant would be a function
        // pointer, which a differentiated body does not call.)
        && !STD.contains(&name.as_str())
}
