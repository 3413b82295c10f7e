//! Writes to places rewritten into what the lowering takes: field writes of structs
//! (`s.x = e;` as a differentiable rebuild) and tuples (`t.0 = e;` as the tuple rebuilt), and
//! the element writes that `fill`, `copy_from_slice` and `iter_mut` loops stand for on `&mut`
//! buffers.

use super::*;

/// `place = value;` or `place op= value;` (`+ - * /`) of a field place (`s.x`, `t.0`): the
/// place and the value assigned (`place op (value)` for a compound assignment).
fn field_place_write(e: &Expr) -> Option<(&syn::ExprField, Expr, Option<syn::Stmt>)> {
    // The right side first, as Rust evaluates it, when it may assign (`t.1 += { t.0 = y; 0.0 }`,
    // `p.b = { p.a = p.a * y; p.a }`): bound to a name before the place is read or rebuilt.
    let first = |r: &Expr| -> (Expr, Option<syn::Stmt>) {
        if super::super::syntax::assigns_anything(r) {
            let v = Ident::new("__ad_rhs", r.span());
            (
                syn::parse_quote!(#v),
                Some(syn::parse_quote_spanned!(r.span()=> let #v = #r;)),
            )
        } else {
            (r.clone(), None)
        }
    };
    match strip(e) {
        Expr::Assign(a) => match strip(&a.left) {
            Expr::Field(f) => {
                let (r, pre) = first(&a.right);
                Some((f, r, pre))
            }
            _ => None,
        },
        Expr::Binary(b) => {
            let op = match b.op {
                syn::BinOp::AddAssign(t) => quote::quote_spanned!(t.span()=> +),
                syn::BinOp::SubAssign(t) => quote::quote_spanned!(t.span()=> -),
                syn::BinOp::MulAssign(t) => quote::quote_spanned!(t.span()=> *),
                syn::BinOp::DivAssign(t) => quote::quote_spanned!(t.span()=> /),
                _ => return None,
            };
            match strip(&b.left) {
                Expr::Field(f) => {
                    let l = &b.left;
                    let (r, pre) = first(&b.right);
                    Some((f, syn::parse_quote_spanned!(e.span()=> #l #op (#r)), pre))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// `t.k = e;` (also `+=`, `-=`, `*=`, `/=`) of a local tuple `t` of length `n` (see
/// `Everyday::tuples`): `t = (t.0, .., e, .., t.{n-1});`, the tuple rebuilt with element `k`
/// replaced (a tuple has no field-write rule; its elements' reads and the rebuilt tuple
/// are differentiated as any).
pub(super) fn tuple_write(
    e: &Expr,
    tuples: &std::collections::HashMap<String, usize>,
) -> Option<syn::Stmt> {
    let (place, value, pre) = field_place_write(e)?;
    let syn::Member::Unnamed(k) = &place.member else {
        return None;
    };
    let Expr::Path(p) = strip(&place.base) else {
        return None;
    };
    let t = p.path.get_ident()?;
    let n = *tuples.get(&t.to_string())?;
    let k = k.index as usize;
    if k >= n {
        return None;
    }
    let elems = (0..n).map(|j| -> Expr {
        if j == k {
            value.clone()
        } else {
            let j = syn::Index::from(j);
            syn::parse_quote_spanned!(place.span()=> #t.#j)
        }
    });
    let span = e.span();
    Some(match pre {
        None => syn::parse_quote_spanned!(span=> #t = (#(#elems,)*);),
        Some(pre) => syn::parse_quote_spanned!(span=> { #pre #t = (#(#elems,)*); }),
    })
}

/// `s.x = e;` (also `+=`, `-=`, `*=`, `/=`, and nested `s.a.b = e;`) of a struct variable
/// `s`: `s = with_field::<_, H>(s, e);` (`H` names the field, see the runtime's
/// `FieldAccess`), with the inner structs rebuilt first for a nested place.
pub(super) fn field_write(e: &Expr, constants: &[String]) -> Option<Vec<syn::Stmt>> {
    let (place, value, pre) = field_place_write(e)?;
    // The root must be a local or differentiated parameter (not `self`, not a call's result).
    fn root_ok(e: &Expr, constants: &[String]) -> bool {
        match strip(e) {
            Expr::Field(f) => root_ok(&f.base, constants),
            // An element of a local sequence of structs (`ps[i].x = e`).
            Expr::Index(ix) => {
                !matches!(strip(&ix.index), Expr::Range(_))
                    && matches!(strip(&ix.expr), Expr::Path(_))
                    && root_ok(&ix.expr, constants)
            }
            Expr::Path(p) => p
                .path
                .get_ident()
                .is_some_and(|i| i != "self" && !constants.contains(&i.to_string())),
            _ => false,
        }
    }
    if !root_ok(&place.base, constants) {
        return None;
    }
    let mut out: Vec<syn::Stmt> = pre.into_iter().collect();
    let mut place = place.clone();
    let mut value = value;
    // A buffer or array literal (`s.w = vec![a, b];`) is bound first: as a call's argument the
    // macro would be opaque, as a `let` it is a local buffer.
    if matches!(strip(&value), Expr::Macro(m) if m.mac.path.is_ident("vec"))
        || matches!(strip(&value), Expr::Array(_))
    {
        let t = Ident::new("__ad_field_value", value.span());
        out.push(syn::parse_quote_spanned!(value.span()=> let #t = #value;));
        value = syn::parse_quote!(#t);
    }
    let mut k = 0;
    loop {
        let key = match &place.member {
            syn::Member::Named(i) => i.to_string(),
            syn::Member::Unnamed(i) => i.index.to_string(),
        };
        let h = crate::ir::field_hash(&key);
        let base = (*place.base).clone();
        let span = place.span();
        match strip(&base) {
            Expr::Path(_) => {
                out.push(syn::parse_quote_spanned!(span=>
                    #base = ::ad_runtime::__private::with_field::<_, #h>(#base, #value);));
                return Some(out);
            }
            // `ps[i].x = e`: the element rebuilt from a clone of it and written back, an
            // element write like any.
            Expr::Index(_) => {
                let t = Ident::new(&format!("__ad_field{k}"), span);
                out.push(syn::parse_quote_spanned!(span=>
                    let #t = ::ad_runtime::__private::with_field::<_, #h>(#base.clone(), #value);));
                out.push(syn::parse_quote_spanned!(span=> #base = #t;));
                return Some(out);
            }
            Expr::Field(f) => {
                let t = Ident::new(&format!("__ad_field{k}"), span);
                k += 1;
                out.push(syn::parse_quote_spanned!(span=>
                    let #t = ::ad_runtime::__private::with_field::<_, #h>(#base.clone(), #value);));
                value = syn::parse_quote!(#t);
                place = f.clone();
            }
            _ => return None,
        }
    }
}

/// `xs.fill(v);` and `xs.copy_from_slice(&src);` of a known float sequence `xs` (`v` and
/// `src` plain names or literals): the element writes they stand for, `for i in 0..xs.len()
/// { xs[i] = v; }` (`= src[i]`), differentiated like any (the methods have no rules).
pub(super) fn fill_loop(
    e: &Expr,
    floats: &std::collections::HashSet<String>,
    params: &std::collections::HashSet<String>,
) -> Option<syn::Stmt> {
    let Expr::MethodCall(m) = strip(e) else {
        return None;
    };
    let Expr::Path(p) = strip(&m.receiver) else {
        return None;
    };
    let xs = p.path.get_ident()?;
    if !floats.contains(&xs.to_string())
        || !params.contains(&xs.to_string())
        || m.args.len() != 1
        || m.turbofish.is_some()
    {
        return None;
    }
    let simple = |e: &Expr| matches!(strip(e), Expr::Lit(_) | Expr::Path(_));
    let i = Ident::new("__ad_fill_i", m.span());
    let span = m.span();
    match m.method.to_string().as_str() {
        "fill" if simple(&m.args[0]) => {
            let v = &m.args[0];
            Some(syn::parse_quote_spanned!(span=> for #i in 0..#xs.len() { #xs[#i] = #v; }))
        }
        "copy_from_slice" => {
            let src = match strip(&m.args[0]) {
                Expr::Reference(r) if r.mutability.is_none() && simple(&r.expr) => {
                    (*r.expr).clone()
                }
                other if simple(other) => other.clone(),
                _ => return None,
            };
            Some(syn::parse_quote_spanned!(span=> for #i in 0..#xs.len() { #xs[#i] = #src[#i]; }))
        }
        _ => None,
    }
}

/// `for v in ys.iter_mut() { *v = .. }`, also `.zip(zs.iter())` / `.zip(&zs)` / `.zip(zs)`
/// with a pattern `(y, z)` or `(y, &z)`: the index loop it stands for, with `*v` and `v`
/// read as `ys[i]` (and `z` as `zs[i]`), so the writes are element writes.
pub(super) fn iter_mut_loop(f: &syn::ExprForLoop) -> Option<Expr> {
    // `ys.iter_mut().enumerate()` with a pattern `(k, y)`: `k` is the index itself.
    let mut counter = None;
    let mut iter = strip(&f.expr);
    let mut pat: &Pat = &f.pat;
    if let Expr::MethodCall(e) = iter
        && e.method == "enumerate"
        && e.args.is_empty()
        && let Pat::Tuple(t) = &*f.pat
        && t.elems.len() == 2
        && let Pat::Ident(k) = &t.elems[0]
        && k.by_ref.is_none()
        && k.subpat.is_none()
        && k.mutability.is_none()
    {
        counter = Some(k.ident.clone());
        iter = strip(&e.receiver);
        pat = &t.elems[1];
    }
    let (ys, zs) = match iter {
        Expr::MethodCall(m) if m.method == "iter_mut" && m.args.is_empty() => {
            (m.receiver.clone(), None)
        }
        Expr::MethodCall(z) if z.method == "zip" && z.args.len() == 1 => match strip(&z.receiver) {
            Expr::MethodCall(m) if m.method == "iter_mut" && m.args.is_empty() => {
                let other = match strip(&z.args[0]) {
                    Expr::MethodCall(it) if it.method == "iter" && it.args.is_empty() => {
                        (*it.receiver).clone()
                    }
                    Expr::Reference(r) if r.mutability.is_none() => (*r.expr).clone(),
                    other => other.clone(),
                };
                (m.receiver.clone(), Some(other))
            }
            _ => return None,
        },
        _ => return None,
    };
    let simple = |e: &Expr| matches!(strip(e), Expr::Path(p) if p.path.get_ident().is_some());
    // A field of a struct (`s.ps.iter_mut()`, `self.ps` in a `&mut self` method): the loop
    // runs over a local copy of it, written back once after the loop (one copy per loop,
    // where writing the struct per element would copy it per element).
    fn field_place(e: &Expr) -> bool {
        match strip(e) {
            Expr::Field(f) => {
                matches!(f.member, syn::Member::Named(_))
                    && (matches!(strip(&f.base), Expr::Path(p) if p.path.get_ident().is_some())
                        || field_place(&f.base))
            }
            _ => false,
        }
    }
    let field = field_place(&ys);
    if !(simple(&ys) || field) || zs.as_ref().is_some_and(|z| !simple(z)) {
        return None;
    }
    let place = ys.clone();
    let name = |p: &Pat| match p {
        Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => Some(pi.ident.clone()),
        _ => None,
    };
    if counter.is_some() && zs.is_some() {
        return None;
    }
    let (y, z) = match (&pat, &zs) {
        (p, None) => (name(p)?, None),
        (Pat::Tuple(t), Some(_)) if t.elems.len() == 2 => {
            let z = match &t.elems[1] {
                Pat::Reference(r) => name(&r.pat)?,
                p => name(p)?,
            };
            (name(&t.elems[0])?, Some(z))
        }
        _ => return None,
    };
    // Names unique along any nesting of such loops (an inner loop's counter would shadow
    // this one's in the element places substituted into its body): suffixed by how deep the
    // `iter_mut` loops inside the body nest.
    let depth = iter_mut_depth(&f.body);
    let i = quote::format_ident!("__ad_iter_i{}", depth, span = f.span());
    let ys: Box<Expr> = if field {
        let seq = quote::format_ident!("__ad_seq{}", depth, span = ys.span());
        Box::new(syn::parse_quote!(#seq))
    } else {
        ys
    };
    let mut subst = vec![(y.clone(), syn::parse_quote!(#ys[#i]))];
    if let (Some(z), Some(zs)) = (&z, &zs) {
        subst.push((z.clone(), syn::parse_quote!(#zs[#i])));
    }
    let mut body = f.body.clone();
    NameSubst(&subst).visit_block_mut(&mut body);
    // Over a copy of a field: an exit that leaves the loop (`return`, a labelled `break` or
    // `continue` of an enclosing loop) writes the copy back first, as the loop's end does.
    if field {
        let mut exits = WriteBackExits {
            place: &place,
            seq: &ys,
            own: f.label.as_ref().map(|l| l.name.ident.to_string()),
            inner: Vec::new(),
            failed: false,
        };
        exits.visit_block_mut(&mut body);
        if exits.failed {
            return None;
        }
    }
    if let Some(k) = &counter {
        body.stmts.insert(0, syn::parse_quote!(let #k: usize = #i;));
    }
    let span = f.span();
    let label = &f.label;
    let l: Expr = match &zs {
        None => syn::parse_quote_spanned!(span=> #label for #i in 0..#ys.len() #body),
        Some(zs) => {
            syn::parse_quote_spanned!(span=> #label for #i in 0..#ys.len().min(#zs.len()) #body)
        }
    };
    Some(if field {
        syn::parse_quote_spanned!(span=> {
            let mut #ys = #place.clone();
            #l
            #place = #ys;
        })
    } else {
        l
    })
}

/// The exits of an `iter_mut` loop's body over a copy of a field that leave the loop: each
/// preceded by the copy's write-back (`{ s.ps = __ad_seq0; return; }`). Labels of loops and
/// blocks inside the body are theirs; `?` (an exit the body cannot see) fails the rewrite.
struct WriteBackExits<'a> {
    place: &'a Expr,
    seq: &'a Expr,
    own: Option<String>,
    inner: Vec<String>,
    failed: bool,
}

impl WriteBackExits<'_> {
    fn leaves(&self, label: Option<&syn::Lifetime>) -> bool {
        match label {
            Some(l) => {
                let n = l.ident.to_string();
                self.own.as_deref() != Some(n.as_str()) && !self.inner.contains(&n)
            }
            None => false,
        }
    }
}

impl VisitMut for WriteBackExits<'_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        let (place, seq) = (self.place, self.seq);
        match e {
            Expr::Try(_) => {
                self.failed = true;
                return;
            }
            Expr::Return(r) => {
                if let Some(v) = &mut r.expr {
                    self.visit_expr_mut(v);
                }
                let new: Expr = match &r.expr {
                    // (Written back first: the value may read the place, `return self` of
                    // a `&mut self` method's twin; the copy stays for reads of its elements.)
                    Some(v) => syn::parse_quote_spanned!(r.span()=> {
                        #place = #seq.clone();
                        return #v;
                    }),
                    None => {
                        syn::parse_quote_spanned!(r.span()=> { #place = #seq.clone(); return; })
                    }
                };
                *e = new;
                return;
            }
            Expr::Break(b) if self.leaves(b.label.as_ref()) => {
                if let Some(v) = &mut b.expr {
                    self.visit_expr_mut(v);
                }
                let b = b.clone();
                let label = &b.label;
                let new: Expr = match &b.expr {
                    Some(v) => syn::parse_quote_spanned!(b.span()=> {
                        #place = #seq.clone();
                        break #label #v;
                    }),
                    None => {
                        syn::parse_quote_spanned!(b.span()=> { #place = #seq.clone(); break #label; })
                    }
                };
                *e = new;
                return;
            }
            Expr::Continue(c) if self.leaves(c.label.as_ref()) => {
                let c = c.clone();
                *e = syn::parse_quote_spanned!(c.span()=> { #place = #seq.clone(); #c; });
                return;
            }
            _ => {}
        }
        // Labels defined inside the body are its own.
        let label = match e {
            Expr::ForLoop(l) => l.label.as_ref(),
            Expr::While(l) => l.label.as_ref(),
            Expr::Loop(l) => l.label.as_ref(),
            Expr::Block(b) => b.label.as_ref(),
            _ => None,
        }
        .map(|l| l.name.ident.to_string());
        if let Some(l) = &label {
            self.inner.push(l.clone());
        }
        syn::visit_mut::visit_expr_mut(self, e);
        if label.is_some() {
            self.inner.pop();
        }
    }

    // A closure's exits are its own.
    fn visit_expr_closure_mut(&mut self, _: &mut ExprClosure) {}
}

/// How deep `for .. in ..iter_mut()..` loops nest inside `b` (0 when there is none).
fn iter_mut_depth(b: &syn::Block) -> usize {
    struct Depth(usize);
    impl<'ast> syn::visit::Visit<'ast> for Depth {
        fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
            let mut inner = Depth(0);
            syn::visit::visit_block(&mut inner, &f.body);
            let e = &f.expr;
            let here = quote::quote!(#e).to_string().contains("iter_mut");
            self.0 = self.0.max(inner.0 + usize::from(here));
        }
        fn visit_expr_closure(&mut self, _: &'ast ExprClosure) {}
    }
    let mut d = Depth(0);
    syn::visit::Visit::visit_block(&mut d, b);
    d.0
}

/// Replaces the names (and their dereferences, `*v`) with expressions: a loop variable bound to
/// an element becomes the element's place (`v` and `*v` as `xs[i]`).
pub(super) struct NameSubst<'a>(pub(super) &'a [(Ident, Expr)]);

impl VisitMut for NameSubst<'_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        let target = match e {
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => match strip(&u.expr) {
                Expr::Path(p) => p.path.get_ident().cloned(),
                _ => None,
            },
            Expr::Path(p) => p.path.get_ident().cloned(),
            _ => None,
        };
        if let Some(t) = target
            && let Some((_, x)) = self.0.iter().find(|(n, _)| *n == t)
        {
            *e = x.clone();
            return;
        }
        syn::visit_mut::visit_expr_mut(self, e);
    }
    // A closure inside the body that rebinds a name: left alone (rare; rustc reports it).
    fn visit_expr_closure_mut(&mut self, _: &mut ExprClosure) {}

    // Inside `vec![..]` and the printing and assertion macros too: their arguments are
    // expressions (`vec![p.x * s, 1.0]` with `p` an element).
    fn visit_macro_mut(&mut self, m: &mut syn::Macro) {
        let name = m.path.segments.last().map(|s| s.ident.to_string());
        if name.as_deref() == Some("vec") {
            let t = m.tokens.clone();
            if let Ok(mut arr) = syn::parse2::<syn::ExprArray>(quote::quote!([#t])) {
                self.visit_expr_array_mut(&mut arr);
                let elems = arr.elems;
                m.tokens = quote::quote!(#elems);
            } else if let Ok(mut rep) = syn::parse2::<syn::ExprRepeat>(quote::quote!([#t])) {
                self.visit_expr_mut(&mut rep.expr);
                self.visit_expr_mut(&mut rep.len);
                let (e, n) = (&rep.expr, &rep.len);
                m.tokens = quote::quote!(#e; #n);
            }
            return;
        }
        if let Ok(mut args) =
            m.parse_body_with(syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated)
        {
            for a in args.iter_mut() {
                self.visit_expr_mut(a);
            }
            m.tokens = quote::quote!(#args);
        }
    }
}

/// `s.v[k] = e;` (also `op=`) of a field `s.v` at a literal index `k` (`self.vel[1] -= g * dt;`
/// in a `&mut self` step): `{ let mut c = s.v.clone(); c[k] = e; s.v = c; }`, the field
/// copied, written and stored back, which the lowering takes (the copy's adjoint follows the
/// field's type). Only at literal indices, the small fixed-size arrays of a physical state:
/// an index that varies (a loop over a `Vec` field) would copy the whole field per write,
/// and stays an error that says how to write it.
pub(super) fn field_element_write(e: &Expr) -> Option<Expr> {
    let (left, rest) = match strip(e) {
        Expr::Assign(a) => (&a.left, {
            let r = &a.right;
            quote::quote!(= #r)
        }),
        Expr::Binary(b)
            if matches!(
                b.op,
                syn::BinOp::AddAssign(_)
                    | syn::BinOp::SubAssign(_)
                    | syn::BinOp::MulAssign(_)
                    | syn::BinOp::DivAssign(_)
            ) =>
        {
            let (op, r) = (&b.op, &b.right);
            (&b.left, quote::quote!(#op #r))
        }
        _ => return None,
    };
    let Expr::Index(ix) = strip(left) else {
        return None;
    };
    let Expr::Field(field) = strip(&ix.expr) else {
        return None;
    };
    if !matches!(strip(&ix.index), Expr::Lit(l) if matches!(l.lit, syn::Lit::Int(_))) {
        return None;
    }
    let (c, k, span) = (Ident::new("__ad_elems", e.span()), &ix.index, e.span());
    Some(syn::parse_quote_spanned!(span=> {
        let mut #c = #field.clone();
        #c[#k] #rest;
        #field = #c;
    }))
}
