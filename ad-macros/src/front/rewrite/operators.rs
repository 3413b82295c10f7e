//! Arithmetic operators on the function's own structs written as the operator traits'
//! methods: `p + v * dt` of `V2` values is `p.add(v.mul(dt))`, which is how the
//! transformation differentiates a user type's operators (through the user's
//! `#[differentiable] impl Add for V2`, as for any method of the type; see README "Struct
//! parameters"). Without it the operator would be taken for a float or array operation, whose
//! rules do not apply to `V2`.
//!
//! The macro sees no types, so this applies where the code shows the left operand to be a
//! value of a struct type of its own ([`super::super::syntax::user_types`]): a by-value
//! parameter of that type, a local annotated with it or bound to a struct literal of it, a
//! constructor call `V2::new(..)`, and what those give under `+`, `-`, unary `-` and `*`/`/`
//! by something that is not such a struct (`V2 * f64` is taken to be a `V2`; `V2 * V2` may be
//! a dot product, so it is rewritten, but its result is not taken to be a `V2`). A compound
//! assignment `q += v` of such a local is `q.add_assign(v)` (a `&mut self` method: the user's
//! `#[differentiable] impl AddAssign`). A field (`p.pos + p.vel`) is not recognised: the macro cannot see field
//! types (write the method form). A factor on the left, `k * v`, is `v.mul(k)` (scaling
//! commutes; the user's `impl Mul<f64> for V2` is the one differentiated). A wrong guess cannot give a wrong derivative: a float or
//! array has no `add_pullback`, so it is a compile error.

use syn::visit_mut::VisitMut;
use syn::{BinOp, Expr, UnOp};

/// Rewrites the operators of `block` as the module docs say.
/// Returns each operator written as a method with its type and trait (`Add`, `Neg`,
/// `AddAssign`, ...), for the check that the trait's impl is the one called (see
/// `ir::Func::operators`).
pub fn struct_operators(
    block: &mut syn::Block,
    sig: &syn::Signature,
    user_types: &std::collections::HashSet<String>,
) -> Vec<(syn::Type, &'static str)> {
    if user_types.is_empty() {
        return Vec::new();
    }
    let mut r = Operators {
        user_types,
        structs: Vec::new(),
        sequences: Vec::new(),
        varying: Vec::new(),
        rewritten: Vec::new(),
    };
    for input in &sig.inputs {
        if let syn::FnArg::Typed(pt) = input
            && let syn::Pat::Ident(pi) = &*pt.pat
        {
            r.varying.push(pi.ident.to_string());
            if r.user_type(&pt.ty) {
                r.structs.push((pi.ident.to_string(), (*pt.ty).clone()));
            } else if let Some(elem) = r.sequence_of_user_type(&pt.ty) {
                r.sequences.push((pi.ident.to_string(), elem));
            }
        }
    }
    r.visit_block_mut(block);
    r.rewritten
}

struct Operators<'a> {
    user_types: &'a std::collections::HashSet<String>,
    /// Names bound to struct values here (by-value parameters, locals) with their types,
    /// innermost last.
    structs: Vec<(String, syn::Type)>,
    /// Parameters that are sequences of such structs (`ps: &[P2]`, `Vec<P2>`), with the
    /// element type: their elements `ps[i]` are struct values.
    sequences: Vec<(String, syn::Type)>,
    /// The parameters' names and the locals annotated from them (values that may vary).
    varying: Vec<String>,
    /// What [`struct_operators`] returns.
    rewritten: Vec<(syn::Type, &'static str)>,
}

/// The trait method of an arithmetic operator (also of its compound assignment).
fn method(op: &BinOp) -> Option<&'static str> {
    Some(match op {
        BinOp::Add(_) | BinOp::AddAssign(_) => "add",
        BinOp::Sub(_) | BinOp::SubAssign(_) => "sub",
        BinOp::Mul(_) | BinOp::MulAssign(_) => "mul",
        BinOp::Div(_) | BinOp::DivAssign(_) => "div",
        BinOp::Rem(_) | BinOp::RemAssign(_) => "rem",
        _ => return None,
    })
}

/// The trait of an operator method (`add` → `Add`, `add` compound → `AddAssign`).
fn trait_of(method: &str, compound: bool) -> &'static str {
    match (method, compound) {
        ("add", false) => "Add",
        ("sub", false) => "Sub",
        ("mul", false) => "Mul",
        ("div", false) => "Div",
        ("rem", false) => "Rem",
        ("add", true) => "AddAssign",
        ("sub", true) => "SubAssign",
        ("mul", true) => "MulAssign",
        ("div", true) => "DivAssign",
        _ => "RemAssign",
    }
}

fn compound(op: &BinOp) -> bool {
    matches!(
        op,
        BinOp::AddAssign(_)
            | BinOp::SubAssign(_)
            | BinOp::MulAssign(_)
            | BinOp::DivAssign(_)
            | BinOp::RemAssign(_)
    )
}

impl Operators<'_> {
    /// A by-value type naming one of the function's structs (`V2`, not `&V2`).
    fn user_type(&self, ty: &syn::Type) -> bool {
        matches!(ty, syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| {
            matches!(s.arguments, syn::PathArguments::None)
                && self.user_types.contains(&s.ident.to_string())
        }))
    }

    /// The element type of `&[S]`, `&Vec<S>`, `Vec<S>`, `[S; N]` of one of the function's
    /// structs.
    fn sequence_of_user_type(&self, ty: &syn::Type) -> Option<syn::Type> {
        let elem = match ty {
            syn::Type::Reference(r) if r.mutability.is_none() => {
                return self.sequence_of_user_type(&r.elem);
            }
            syn::Type::Slice(s) => (*s.elem).clone(),
            syn::Type::Array(a) => (*a.elem).clone(),
            syn::Type::Path(p) => match p.path.segments.last() {
                Some(s) if s.ident == "Vec" => match &s.arguments {
                    syn::PathArguments::AngleBracketed(a) => match a.args.first() {
                        Some(syn::GenericArgument::Type(t)) => t.clone(),
                        _ => return None,
                    },
                    _ => return None,
                },
                _ => return None,
            },
            _ => return None,
        };
        self.user_type(&elem).then_some(elem)
    }

    fn is_struct(&self, e: &Expr) -> bool {
        self.struct_type(e).is_some()
    }

    /// The struct type `e` surely has (see the module docs): a result of `+`, `-`, unary `-`
    /// and `*`/`/` by a non-struct is taken to have its left operand's type.
    fn struct_type(&self, e: &Expr) -> Option<syn::Type> {
        let lookup = |names: &[(String, syn::Type)], p: &syn::ExprPath| {
            let i = p.path.get_ident()?;
            names
                .iter()
                .rev()
                .find(|(n, _)| i == n)
                .map(|(_, t)| t.clone())
        };
        match e {
            Expr::Index(ix) if !matches!(&*ix.index, Expr::Range(_)) => match &*ix.expr {
                Expr::Path(p) => lookup(&self.sequences, p),
                _ => None,
            },
            Expr::Path(p) => lookup(&self.structs, p),
            Expr::Paren(p) => self.struct_type(&p.expr),
            Expr::Group(g) => self.struct_type(&g.expr),
            Expr::Struct(s) => {
                let last = s.path.segments.last()?;
                let path = &s.path;
                self.user_types
                    .contains(&last.ident.to_string())
                    .then(|| syn::parse_quote!(#path))
            }
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => {
                    let segs: Vec<&syn::Ident> = p.path.segments.iter().map(|s| &s.ident).collect();
                    match segs.as_slice() {
                        [t, f]
                            if self.user_types.contains(&t.to_string())
                                && matches!(
                                    f.to_string().as_str(),
                                    "new" | "zero" | "splat" | "default"
                                ) =>
                        {
                            Some(syn::parse_quote!(#t))
                        }
                        _ => None,
                    }
                }
                _ => None,
            },
            Expr::Unary(u) if matches!(u.op, UnOp::Neg(_)) => self.struct_type(&u.expr),
            Expr::Binary(b) => {
                let m = method(&b.op)?;
                if compound(&b.op) {
                    return None;
                }
                if let Some(t) = self.scaled_on_the_left(b) {
                    return Some(t);
                }
                let t = self.struct_type(&b.left)?;
                (matches!(m, "add" | "sub") || !self.is_struct(&b.right)).then_some(t)
            }
            // A rewritten form on a receiver bound first (see `typed_call`).
            Expr::Block(b) if b.block.stmts.len() == 2 => {
                let syn::Stmt::Local(l) = &b.block.stmts[0] else {
                    return None;
                };
                let t = match &l.pat {
                    syn::Pat::Type(pt) if matches!(&*pt.pat, syn::Pat::Ident(pi) if pi.ident == "__ad_operand") => {
                        (*pt.ty).clone()
                    }
                    syn::Pat::Ident(pi) if pi.ident == "__ad_operand" => {
                        self.struct_type(&l.init.as_ref()?.expr)?
                    }
                    _ => return None,
                };
                let syn::Stmt::Expr(Expr::MethodCall(m), None) = &b.block.stmts[1] else {
                    return None;
                };
                match m.method.to_string().as_str() {
                    "add" | "sub" | "neg" | "clone" => Some(t),
                    "mul" | "div" | "rem" if !m.args.iter().any(|a| self.is_struct(a)) => Some(t),
                    _ => None,
                }
            }
            // The rewritten forms.
            Expr::MethodCall(m) => {
                let t = self.struct_type(&m.receiver)?;
                match m.method.to_string().as_str() {
                    "add" | "sub" | "neg" | "clone" => Some(t),
                    "mul" | "div" | "rem" if !m.args.iter().any(|a| self.is_struct(a)) => Some(t),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `k * v`: a struct scaled by a factor written on the left (not a struct itself, and
    /// without effects, as it is evaluated after `v` once written `v.mul(k)`). The struct's
    /// type.
    fn scaled_on_the_left(&self, b: &syn::ExprBinary) -> Option<syn::Type> {
        fn plain(e: &Expr) -> bool {
            match e {
                Expr::Lit(_) | Expr::Path(_) => true,
                Expr::Field(f) => plain(&f.base),
                Expr::Paren(p) => plain(&p.expr),
                Expr::Group(g) => plain(&g.expr),
                Expr::Unary(u) => plain(&u.expr),
                Expr::Binary(b) => plain(&b.left) && plain(&b.right),
                Expr::Index(i) => plain(&i.expr) && plain(&i.index),
                _ => false,
            }
        }
        if !matches!(b.op, BinOp::Mul(_)) || self.is_struct(&b.left) || !plain(&b.left) {
            return None;
        }
        self.struct_type(&b.right)
    }

    /// `visit` with the names `pats` bind not taken for structs, then the outer scope back.
    fn scoped(&mut self, pats: &[syn::Pat], visit: impl FnOnce(&mut Self)) {
        let outer = (self.structs.clone(), self.sequences.clone());
        for p in pats {
            self.unbind(p);
        }
        visit(self);
        (self.structs, self.sequences) = outer;
    }

    /// The names `pat` binds are no longer known structs (nor sequences of them).
    fn unbind(&mut self, pat: &syn::Pat) {
        let mut names = Vec::new();
        crate::front::stmt::idents_of(quote::ToTokens::to_token_stream(pat), &mut names);
        self.structs.retain(|(s, _)| !names.contains(s));
        self.sequences.retain(|(s, _)| !names.contains(s));
    }

    fn method_call(receiver: Expr, name: &str, args: Vec<Expr>, span: proc_macro2::Span) -> Expr {
        let m = syn::Ident::new(name, span);
        let receiver = match receiver {
            r @ (Expr::Path(_) | Expr::Paren(_) | Expr::MethodCall(_) | Expr::Call(_)) => r,
            other => syn::parse_quote_spanned!(span=> (#other)),
        };
        syn::parse_quote_spanned!(span=> #receiver.#m(#(#args),*))
    }
}

impl Operators<'_> {
    /// `receiver.m(args)` of a struct of type `t`; a receiver that is not a name (the result
    /// of another operator, a literal, `V2::new(..)`: `(V2 { .. } + v) * 2.0`) is bound to a
    /// local of that type first, so the lowering, which sees no types, calls `t`'s method.
    /// (A literal or a constructor, or a value of constants only, is bound without the
    /// annotation: the lowering types those itself, and second order lifts them to the type's
    /// dual twin.)
    fn typed_call(
        &self,
        receiver: Expr,
        t: &syn::Type,
        m: &str,
        args: Vec<Expr>,
        span: proc_macro2::Span,
    ) -> Expr {
        if matches!(strip_group(&receiver), Expr::Path(_)) {
            return Self::method_call(receiver, m, args, span);
        }
        let tmp = syn::Ident::new("__ad_operand", span);
        let call = Self::method_call(syn::parse_quote!(#tmp), m, args, span);
        let mut names = Vec::new();
        crate::front::stmt::idents_of(quote::ToTokens::to_token_stream(&receiver), &mut names);
        let varying = names.iter().any(|n| self.varying.contains(n));
        let made = match strip_group(&receiver) {
            Expr::Struct(_) => true,
            // A constructor (`V2::new(..)`), which the lowering types.
            Expr::Call(c) => {
                matches!(strip_group(&c.func), Expr::Path(p) if p.path.segments.len() == 2
                && self.user_types.contains(&p.path.segments[0].ident.to_string()))
            }
            _ => false,
        };
        if varying && !made {
            syn::parse_quote_spanned!(span=> { let #tmp: #t = #receiver; #call })
        } else {
            syn::parse_quote_spanned!(span=> { let #tmp = #receiver; #call })
        }
    }
}

impl VisitMut for Operators<'_> {
    fn visit_block_mut(&mut self, b: &mut syn::Block) {
        let outer = (self.structs.clone(), self.sequences.clone());
        for s in &mut b.stmts {
            self.visit_stmt_mut(s);
            if let syn::Stmt::Local(l) = s {
                // Every name the pattern binds is no longer what it was; `x`, `x: T` and
                // `(x, y) = (e, f)` may be structs.
                let mut bound = Vec::new();
                crate::front::stmt::idents_of(quote::ToTokens::to_token_stream(&l.pat), &mut bound);
                self.structs.retain(|(s, _)| !bound.contains(s));
                self.sequences.retain(|(s, _)| !bound.contains(s));
                let init = l.init.as_ref().map(|i| (*i.expr).clone());
                // `let q = p + v;` of a struct: annotated `let q: P2 = ..` (what the lowering
                // needs to call `q`'s methods; a wrong guess is a type error).
                // Not a literal or a constructor, whose type the lowering sees itself (and
                // which second order lifts to the type's dual twin).
                // Nor a value of constants only (second order keeps a constant local's struct
                // type, where its value is lifted): the value reads a parameter or a local
                // annotated here.
                if let syn::Pat::Ident(pi) = &l.pat
                    && let Some(e) = &init
                    && matches!(
                        strip_group(e),
                        Expr::MethodCall(_) | Expr::Index(_) | Expr::Block(_)
                    )
                    && let Some(t) = self.struct_type(e)
                {
                    let mut names = Vec::new();
                    crate::front::stmt::idents_of(quote::ToTokens::to_token_stream(e), &mut names);
                    let pi = pi.clone();
                    if names.iter().any(|n| self.varying.contains(n)) {
                        l.pat = syn::Pat::Type(syn::parse_quote!(#pi: #t));
                        self.varying.push(pi.ident.to_string());
                    }
                    self.structs.push((pi.ident.to_string(), t));
                    continue;
                }
                let mut pairs: Vec<(&syn::Pat, Option<&Expr>)> = vec![(&l.pat, init.as_ref())];
                if let (syn::Pat::Tuple(t), Some(Expr::Tuple(e))) = (&l.pat, init.as_ref())
                    && t.elems.len() == e.elems.len()
                {
                    pairs = t.elems.iter().zip(e.elems.iter().map(Some)).collect();
                }
                let mut found = Vec::new();
                for (pat, init) in pairs {
                    let (name, ty) = match pat {
                        syn::Pat::Ident(i) => (i.ident.to_string(), None),
                        syn::Pat::Type(t) => match &*t.pat {
                            syn::Pat::Ident(i) => (i.ident.to_string(), Some(&*t.ty)),
                            _ => continue,
                        },
                        _ => continue,
                    };
                    let t = match ty {
                        Some(ty) => self.user_type(ty).then(|| ty.clone()),
                        None => init.and_then(|e| self.struct_type(e)),
                    };
                    if let Some(t) = t {
                        found.push((name, t));
                    }
                }
                // (A value read from a parameter or such a local varies too: `let v: V2 =
                // pa.vel;`, so `let q = v * k;` is given its type.)
                if let Some(e) = &init {
                    let mut names = Vec::new();
                    crate::front::stmt::idents_of(quote::ToTokens::to_token_stream(e), &mut names);
                    if names.iter().any(|n| self.varying.contains(n)) {
                        self.varying.extend(bound.iter().cloned());
                    }
                }
                self.structs.extend(found);
            }
        }
        (self.structs, self.sequences) = outer;
    }

    fn visit_expr_closure_mut(&mut self, c: &mut syn::ExprClosure) {
        // A closure's parameters shadow names without saying their types.
        let pats = c.inputs.iter().cloned().collect::<Vec<_>>();
        self.scoped(&pats, |r| syn::visit_mut::visit_expr_closure_mut(r, c));
    }

    fn visit_expr_for_loop_mut(&mut self, f: &mut syn::ExprForLoop) {
        self.visit_expr_mut(&mut f.expr);
        let pat = (*f.pat).clone();
        self.scoped(&[pat], |r| r.visit_block_mut(&mut f.body));
    }

    fn visit_arm_mut(&mut self, a: &mut syn::Arm) {
        let pat = a.pat.clone();
        self.scoped(&[pat], |r| syn::visit_mut::visit_arm_mut(r, a));
    }

    fn visit_expr_if_mut(&mut self, i: &mut syn::ExprIf) {
        // `if let PAT = e { .. }`: the pattern's names in the branch.
        let pats = let_pattern(&i.cond);
        self.scoped(&pats, |r| syn::visit_mut::visit_expr_if_mut(r, i));
    }

    fn visit_expr_while_mut(&mut self, w: &mut syn::ExprWhile) {
        let pats = let_pattern(&w.cond);
        self.scoped(&pats, |r| syn::visit_mut::visit_expr_while_mut(r, w));
    }

    fn visit_expr_mut(&mut self, e: &mut Expr) {
        syn::visit_mut::visit_expr_mut(self, e);
        let span = syn::spanned::Spanned::span(&*e);
        let new = match e {
            // `k * v` is `v * k`, `v.mul(k)` (scaling commutes; the user's `impl Mul<f64> for
            // V2` is the one differentiated).
            Expr::Binary(b) if self.scaled_on_the_left(b).is_some() => {
                if let Some(t) = self.scaled_on_the_left(b) {
                    self.rewritten.push((t, "Mul"));
                }
                Self::method_call((*b.right).clone(), "mul", vec![(*b.left).clone()], span)
            }
            // `q.rot(t) + v`: a sum or difference with a struct on the right has a struct of
            // that type on the left too (the operand bound to a local of the type first; a
            // wrong guess is rustc's type error).
            Expr::Binary(b)
                if matches!(b.op, BinOp::Add(_) | BinOp::Sub(_))
                    && !self.is_struct(&b.left)
                    && matches!(strip_group(&b.left), Expr::MethodCall(_) | Expr::Call(_))
                    && self.is_struct(&b.right) =>
            {
                let Some(t) = self.struct_type(&b.right) else {
                    return;
                };
                let m = if matches!(b.op, BinOp::Add(_)) {
                    "add"
                } else {
                    "sub"
                };
                self.rewritten.push((t.clone(), trait_of(m, false)));
                self.typed_call((*b.left).clone(), &t, m, vec![(*b.right).clone()], span)
            }
            Expr::Binary(b) if self.is_struct(&b.left) => {
                let Some(m) = method(&b.op) else { return };
                if let Some(t) = self.struct_type(&b.left) {
                    self.rewritten.push((t, trait_of(m, compound(&b.op))));
                }
                let (l, r) = ((*b.left).clone(), (*b.right).clone());
                if compound(&b.op) {
                    if !matches!(l, Expr::Path(_)) {
                        return;
                    }
                    Self::method_call(l, &format!("{m}_assign"), vec![r], span)
                } else {
                    match self.struct_type(&b.left) {
                        Some(t) => self.typed_call(l, &t, m, vec![r], span),
                        None => Self::method_call(l, m, vec![r], span),
                    }
                }
            }
            Expr::Unary(u) if matches!(u.op, UnOp::Neg(_)) && self.is_struct(&u.expr) => {
                let inner = (*u.expr).clone();
                match self.struct_type(&u.expr) {
                    Some(t) => {
                        self.rewritten.push((t.clone(), "Neg"));
                        self.typed_call(inner, &t, "neg", vec![], span)
                    }
                    None => Self::method_call(inner, "neg", vec![], span),
                }
            }
            _ => return,
        };
        *e = new;
    }
}

fn strip_group(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => strip_group(&p.expr),
        Expr::Group(g) => strip_group(&g.expr),
        e => e,
    }
}

/// The pattern of an `if let` / `while let` condition.
fn let_pattern(cond: &Expr) -> Vec<syn::Pat> {
    match cond {
        Expr::Let(l) => vec![(*l.pat).clone()],
        _ => Vec::new(),
    }
}
