//! The partial derivatives of each operation (vector–Jacobian products through the
//! runtime's rules) and the declarations of the adjoints.

use super::*;
use crate::ir::*;
use crate::sema::rules::{self, MethodRule, Need};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Ident;

impl<'a> Gen<'a> {
    /// Declarations of the adjoints of the function body's variables: parameters start from
    /// `params` (a zero shaped like the parameter, or a shape-free zero), the result from
    /// `seed`, every other variable with an adjoint from a shape-free zero.
    /// Whether `v` is a local of the function's top block whose fields are read (`s.x` of a
    /// struct made by a call or a literal) and that has an adjoint.
    pub(super) fn struct_base(&self, v: VarId) -> bool {
        let var = &self.func.vars[v];
        if var.block != 0 || var.kind == VarKind::Param || v == self.func.ret || !self.an.adj(v) {
            return false;
        }
        // (Made by a `let`, next to which the forward sweep makes its type's token; a
        // `let (a, b);` assigned in branches keeps the adjoint typed by use.)
        self.func.defs.contains_key(&v) && self.fields_read(v)
    }

    /// Whether the body reads a field of `v` (`let a = v.x;`, or a tuple's `v.0`): then its
    /// adjoint is accumulated field by field, and its type must come from the value (a
    /// field never read back, `let (lo, _) = ..`, would leave it open).
    fn fields_read(&self, v: VarId) -> bool {
        let mut found = false;
        crate::ir::walk(&self.func.body, &mut |s: &Stmt| {
            if let Stmt::Let {
                op: Op::Member(Atom::Var(b), ..) | Op::Field(Atom::Var(b), _),
                ..
            }
            | Stmt::Assign {
                op: Op::Member(Atom::Var(b), ..) | Op::Field(Atom::Var(b), _),
                ..
            } = s
            {
                found |= *b == v;
            }
        });
        found
    }

    /// Whether `v` is declared with type `[T; N]`, `&[T; N]` or `&mut [T; N]` (a parameter,
    /// the result, an annotated `let`).
    pub(super) fn fixed_array_typed(&self, v: VarId) -> bool {
        let ty = match &self.func.vars[v].ty {
            Some(syn::Type::Reference(r)) => Some(&*r.elem),
            ty => ty.as_ref(),
        };
        matches!(ty, Some(syn::Type::Array(_)))
    }

    /// For a differentiated parameter taken by value (other than a float or a fixed-size
    /// array, which are `Copy`), the name of its zero gradient made before the forward sweep:
    /// the body may move the parameter (`let s = v;`, `g(v)`), after which the reverse sweep
    /// could not shape a zero like it.
    pub(super) fn param_template(&self, v: VarId) -> Option<Ident> {
        let var = &self.func.vars[v];
        // Owned, not `Copy`: a `Vec` or a derived struct (not a float, a dual number, the
        // float type parameter of a generic function, or an ndarray array: array
        // parameters start from the shape-free marker anyway).
        let by_value = match &var.ty {
            // The dual twin of a derived struct (second order): `<P as LiftDual>::Out`.
            Some(syn::Type::Path(p)) if p.qself.is_some() => p.qself.as_ref().is_some_and(|q| {
                crate::front::is_struct_type(&q.ty)
                    && p.path.segments.last().is_some_and(|s| s.ident == "Out")
            }),
            Some(syn::Type::Path(p)) => p.path.segments.last().is_some_and(|last| {
                let s = last.ident.to_string();
                s == "Vec"
                    || (crate::front::is_struct_type(var.ty.as_ref().unwrap()) && s != "Dual")
            }),
            _ => false,
        };
        (var.kind == VarKind::Param
            && by_value
            && self.an.active[v]
            && self.an.kinds[v] != crate::sema::kinds::Kind::Array)
            .then(|| self.derived("__dzp", v))
    }

    /// The zero gradients of [`Gen::param_template`], declared before the forward sweep.
    pub(super) fn param_templates(&self) -> TokenStream {
        let rt = rt();
        let mut out = TokenStream::new();
        for v in 0..self.func.vars.len() {
            if let Some(z) = self.param_template(v) {
                let x = &self.func.vars[v].ident;
                out.extend(quote!(let #z = #rt::zero_like(&#x);));
            }
            // A parameter the body assigns a new value: the shape its gradient returns in
            // (see `Gen::param_gradient`), taken before the value changes.
            if let Some(z) = self.reassigned_param_shape(v) {
                let x = &self.func.vars[v].ident;
                out.extend(quote!(let #z = #rt::zero_like(&#x);));
            }
        }
        out
    }

    /// For a differentiated parameter the body assigns (`v = vec![k, k];`), the zero
    /// gradient shaped like its value on entry. The reverse of the assignment leaves the
    /// parameter's adjoint a shape-free zero (an empty `Vec`, the array marker), and an array
    /// parameter's gradient would otherwise be shaped after the new value.
    pub(super) fn reassigned_param_shape(&self, v: VarId) -> Option<Ident> {
        let var = &self.func.vars[v];
        if var.kind != VarKind::Param || !self.an.active[v] {
            return None;
        }
        let mut assigned = false;
        crate::ir::walk(&self.func.body, &mut |s: &Stmt| {
            assigned |= matches!(s, Stmt::Assign { var, .. } if *var == v);
        });
        assigned.then(|| self.derived("__dzs", v))
    }

    pub fn body_adjoints(&self, seed: &Ident, shaped_params: bool) -> TokenStream {
        self.body_adjoints_except(seed, shaped_params, &std::collections::HashSet::new())
    }

    /// [`Gen::body_adjoints`] except those of `skip` (declared elsewhere).
    pub fn body_adjoints_except(
        &self,
        seed: &Ident,
        shaped_params: bool,
        skip: &std::collections::HashSet<VarId>,
    ) -> TokenStream {
        let rt = rt();
        let mut out = TokenStream::new();
        for (v, var) in self.func.vars.iter().enumerate() {
            if var.block != 0 || skip.contains(&v) {
                continue;
            }
            let d = self.adj(v);
            if var.kind == VarKind::Param {
                if self.an.active[v] {
                    let x = &var.ident;
                    // Array parameters start from the marker (see `tensor::shaped`).
                    let array = self.an.kinds[v] == crate::sema::kinds::Kind::Array;
                    out.extend(
                        if let Some(z) = self.param_template(v).filter(|_| shaped_params) {
                            quote!(let mut #d = #z;)
                        } else if shaped_params && !array {
                            quote!(let mut #d = #rt::zero_like(&#x);)
                        } else {
                            quote!(let mut #d = #rt::zero();)
                        },
                    );
                }
            } else if v == self.func.ret {
                out.extend(quote!(let mut #d = #seed;));
            } else if self.struct_base(v) {
                // Its type where the code shows it (a literal, a copy of a struct parameter),
                // so the declaration needs nothing the forward sweep makes (a fused `f_vjp`
                // declares adjoints before it); else the token made next to it.
                match self.visible_struct_type(v) {
                    Some(ty) => out.extend(
                        quote!(let mut #d: <#ty as ::ad_runtime::Differentiable>::Tangent = #rt::zero();),
                    ),
                    None => {
                        let z = self.derived("__dt", v);
                        out.extend(quote!(let mut #d = #z.zero();));
                    }
                }
            } else if self.an.adj(v) && self.array_typed_local(v) {
                out.extend(self.local_adjoint(v));
            } else if let Some(len) = self.an.adj(v).then(|| self.presized_len(v)).flatten() {
                // (The buffer itself may have been moved, e.g. returned: use its length.)
                let z = self.derived("__dz", v);
                out.extend(quote!(let mut #d = #z.zeros(#len);));
            } else if self.an.adj(v) {
                out.extend(self.local_adjoint(v));
            }
        }
        out
    }

    /// Whether `v` is a local whose type is a fixed-size array `[T; N]` (annotated, or copied
    /// from such a parameter: see the front end's `let s = s0;`): its adjoint is then an
    /// array of that type, like the gradient of an array parameter or the cotangent of a
    /// call returning an array, so that values move between them without conversion.
    /// A local bound to the result of a call of a user's function without an annotation
    /// (`let mut r = g(a);`): a `Vec`, an `Array1` or a fixed-size array as far as the macro
    /// can see. Its element reads go through the runtime's `IndexAny` (the adjoint's type
    /// follows the value's), its element writes through `IndexAdj` (the adjoint's type is
    /// fixed by the callee's pullback, which receives it). Likewise a local copied from a
    /// struct's field without an annotation (`let mut q = self.pos;`): the field's type is
    /// the struct's, which the macro does not see.
    pub(super) fn call_result_container(&self, v: VarId) -> bool {
        let var = &self.func.vars[v];
        let field = |w: &VarId| matches!(self.func.defs.get(w), Some(Op::Member(..)));
        var.kind != VarKind::Param
            && var.ty.is_none()
            && self.an.kinds[v] != crate::sema::kinds::Kind::Array
            && match self.func.defs.get(&v) {
                Some(Op::Call {
                    func, plain: false, ..
                }) => {
                    func.leading_colon.is_none()
                        && func
                            .segments
                            .first()
                            .is_none_or(|s| s.ident != "ad_runtime")
                }
                Some(
                    Op::Copy(Atom::Var(w)) | Op::Deref(Atom::Var(w)) | Op::CloneOf(Atom::Var(w)),
                ) => field(w) && self.an.kinds[v] != crate::sema::kinds::Kind::Scalar,
                Some(Op::Member(..)) => self.an.kinds[v] != crate::sema::kinds::Kind::Scalar,
                _ => false,
            }
    }

    pub(super) fn array_typed_local(&self, v: VarId) -> bool {
        let var = &self.func.vars[v];
        var.kind != VarKind::Param
            && v != self.func.ret
            && matches!(&var.ty, Some(syn::Type::Array(_)))
    }

    /// The declaration of a local's adjoint: the shape-free zero, or the zero array of an
    /// array-typed local (see [`Gen::array_typed_local`]).
    /// The struct type of `v` where the code shows it: a struct literal's path, or the type of
    /// the struct parameter `v` copies (`let c = vb;`, `let c = p.clone();`, `*p`).
    pub(super) fn visible_struct_type(&self, v: VarId) -> Option<TokenStream> {
        match self.func.defs.get(&v)? {
            Op::StructLit(path, _) => Some(quote!(#path)),
            // A constructor `P::new(..)` (taken to return `P`, as the front end does).
            Op::Call { func, .. }
                if func.segments.len() == 2
                    && func.segments[1].ident == "new"
                    && crate::front::is_struct_type(&syn::Type::Path(syn::TypePath {
                        qself: None,
                        path: syn::Path::from(func.segments[0].ident.clone()),
                    })) =>
            {
                let ty = &func.segments[0].ident;
                // (On dual numbers the call returns the struct's twin.)
                Some(if self.func.dual {
                    quote!(<#ty as ::ad_runtime::__private::LiftDual>::Out)
                } else {
                    quote!(#ty)
                })
            }
            Op::Copy(Atom::Var(w)) | Op::CloneOf(Atom::Var(w)) | Op::Deref(Atom::Var(w))
                if *w != v =>
            {
                if self.func.vars[*w].kind != VarKind::Param {
                    return self.visible_struct_type(*w);
                }
                let ty = match self.func.vars[*w].ty.as_ref()? {
                    syn::Type::Reference(r) => (*r.elem).clone(),
                    t => t.clone(),
                };
                crate::front::is_struct_type(&ty).then(|| quote!(#ty))
            }
            _ => None,
        }
    }

    pub(super) fn local_adjoint(&self, v: VarId) -> TokenStream {
        let (rt, d) = (rt(), self.adj(v));
        if self.once.contains(&v) {
            return quote!(let #d;);
        }
        // A struct in a loop body whose fields the reverse accumulates into (`acc(&mut
        // d.x, ..)` needs the type first): the type of its literal, or the cotangent type
        // its call's pullback takes.
        if self.fields_read(v) && self.func.vars[v].block != 0 {
            match self.func.defs.get(&v) {
                Some(Op::StructLit(path, _)) => {
                    return quote!(let mut #d: <#path as ::ad_runtime::Differentiable>::Tangent = #rt::zero(););
                }
                Some(Op::Call {
                    pullback,
                    recompute: false,
                    plain: false,
                    checkpoint: None,
                    ..
                }) => {
                    let pb = self.v(*pullback);
                    return quote!(let mut #d = #rt::zero_for(&#pb););
                }
                // A copy of a struct (`let old = b;`): its source's adjoint type.
                Some(Op::Copy(Atom::Var(src))) if self.an.adj(*src) => {
                    let ds = self.adj(*src);
                    return quote!(let mut #d = #rt::zero_as(&#ds););
                }
                _ => {}
            }
        }
        match &self.func.vars[v].ty {
            Some(ty @ syn::Type::Array(_)) if self.array_typed_local(v) => {
                quote!(let mut #d: <#ty as ::ad_runtime::Differentiable>::Tangent = #rt::zero();)
            }
            _ => quote!(let mut #d = #rt::zero();),
        }
    }

    /// The reverse of `recv.mapv(closure)`: the closure body, differentiated as a function of
    /// the element and the captured variables, runs once per element inside the runtime's
    /// `mapv_d0`, which sums the captured variables' cotangents over the elements.
    pub(super) fn map_partials(
        &self,
        recv: &Atom,
        sub: &Func,
        captures: &[VarId],
        span: Span,
    ) -> TokenStream {
        let rt = rt_at(span);
        let g = mixed("__g");
        let Some(sub_an) = self.an.subs.get(&(sub as *const Func as usize)) else {
            return quote!();
        };
        let sg = Gen::new(sub, sub_an);
        let fwd = sg.fwd_block(&sub.body);
        let rev = sg.rev_block(&sub.body, true);
        let seed = mixed("__ge");
        let adjoints = sg.body_adjoints(&seed, false);
        let tapes = sg.tapes();
        let marker = self.func.dual.then(crate::codegen::hvp_marker);
        let tape_decls = tapes
            .iter()
            .map(|t| crate::codegen::tape_decl(t, marker.as_ref()));
        let flow = sub.flow.map(|f| {
            let f = &sub.vars[f].ident;
            quote!(let mut #f: u32 = 0;)
        });
        // A declared adjoint is returned even when nothing accumulates into it (a closure
        // whose derivative is zero, `f64::floor`): the closure's return type gives it one.
        let slot = |k: usize| {
            if sub_an.adj(k) || sub_an.active[k] {
                let d = sg.adj(k);
                quote!(#d)
            } else {
                quote!(#rt::zero())
            }
        };
        let active_caps: Vec<(usize, VarId)> = captures
            .iter()
            .enumerate()
            .filter(|(_, c)| self.an.adj(**c))
            .map(|(k, c)| (k, *c))
            .collect();
        let d_elem = slot(0);
        let d_caps: Vec<TokenStream> = active_caps.iter().map(|(k, _)| slot(k + 1)).collect();
        let param = &sub.vars[0].ident;
        let x = self.need_arg(recv);
        let (gm, gc) = (mixed("__gm"), mixed("__gc"));
        let mut body = quote_spanned! {span=>
            let (#gm, #gc) = #rt::tensor::mapv_d0(#x, #g, |#param, #seed| {
                #flow
                #(#tape_decls)*
                #fwd
                #adjoints
                #rev
                (#d_elem, (#(#d_caps,)*))
            });
        };
        if let Some(v) = recv.var().filter(|v| self.an.adj(*v)) {
            let d = self.adj(v);
            body.extend(quote!(#rt::acc(&mut #d, #gm);));
        }
        for (j, (_, c)) in active_caps.iter().enumerate() {
            let d = self.adj(*c);
            let j = syn::Index::from(j);
            body.extend(quote!(#rt::acc(&mut #d, #gc.#j);));
        }
        body
    }

    /// Propagates the cotangent `__g` of `op`'s result into its active operands.
    /// `out` is the result's value (for rules that read it).
    pub(super) fn partials(&self, op: &Op, out: &TokenStream, s: &Stmt, span: Span) -> TokenStream {
        self.partials_but(op, out, s, span, None)
    }

    /// The whole reverse of a statement whose result is `var` (adjoint `d`): `{ let __g =
    /// take(&mut d); <partials> }`, or, when the cotangent goes to one operand only, that one
    /// contribution with the `take` in the cotangent's place (`acc(&mut x̄, rule(.., take(&mut
    /// d)))`): the same operations in the same order, in a third of the tokens, which is what
    /// rustc's type checking of a long reverse sweep costs (README "Compile time").
    pub(super) fn take_partials(
        &self,
        var: VarId,
        op: &Op,
        out: &TokenStream,
        s: &Stmt,
        span: Span,
    ) -> TokenStream {
        let rt = rt();
        let g = mixed("__g");
        let d = self.adj(var);
        let taken = if self.once.contains(&var) {
            quote_spanned!(span=> #d)
        } else {
            quote_spanned!(span=> #rt::take(&mut #d))
        };
        let inlined = std::cell::Cell::new(false);
        let body = self.partials_impl(op, out, s, span, None, Some((var, &taken)), &inlined);
        if inlined.get() {
            body
        } else {
            quote_spanned!(span=> { let #g = #taken; #body })
        }
    }

    /// [`Gen::partials`] without the contribution into `skip` (for arithmetic operations).
    pub(super) fn partials_but(
        &self,
        op: &Op,
        out: &TokenStream,
        s: &Stmt,
        span: Span,
        skip: Option<VarId>,
    ) -> TokenStream {
        self.partials_impl(op, out, s, span, skip, None, &std::cell::Cell::new(false))
    }

    /// [`Gen::partials_but`]; with `inline: Some((var, taken))`, a single contribution into
    /// an adjoint other than `var`'s reads the cotangent from `taken` instead of `__g`, and
    /// `inlined` is set (the result is then the statement's whole reverse).
    #[allow(clippy::too_many_arguments)]
    fn partials_impl(
        &self,
        op: &Op,
        out: &TokenStream,
        s: &Stmt,
        span: Span,
        skip: Option<VarId>,
        inline: Option<(VarId, &TokenStream)>,
        inlined: &std::cell::Cell<bool>,
    ) -> TokenStream {
        let rt = rt_at(span);
        let g = mixed("__g");
        let an = self.an;
        let operands = op.operands();
        let active = |k: usize| operands.get(k).and_then(|a| a.var()).filter(|v| an.adj(*v));
        // One partial per active operand: (operand, rule, primal arguments, span). The
        // cotangent is appended as the rule's last argument below.
        // (The flag: the rule only reads the cotangent, see `rules::borrows_cotangent`.)
        let mut contribs: Vec<(VarId, TokenStream, Vec<TokenStream>, Span, bool)> = Vec::new();
        let kind = |a: &Atom| crate::sema::kinds::atom_kind(a, &an.kinds);
        let need_tokens = |needs: &[Need]| -> Vec<TokenStream> {
            needs
                .iter()
                .map(|n| match n {
                    Need::In(j) => self.need_arg(operands[*j]),
                    Need::Out => out.clone(),
                })
                .collect()
        };
        match op {
            Op::Copy(_) | Op::Deref(_) | Op::CloneOf(_) | Op::Cast { .. } | Op::Neg(_) => {
                let rule = match op {
                    Op::Cast { .. } => "cast_d0",
                    Op::Neg(_) => "neg_d0",
                    _ => "id_d0",
                };
                if let Some(v) = active(0) {
                    let f = Ident::new(rule, span);
                    // A cast of a cast (`x as f32 as f64`): the operand's float type, which
                    // nothing else may fix, named for the rule's result.
                    // (Not of a parameter: its adjoint's declaration types it, and a `mapv`
                    // closure's element, typed `f64` for the transformation, may be an
                    // `f32`.)
                    let operand_ty = match &self.func.vars[v].ty {
                        _ if self.func.vars[v].kind == VarKind::Param => None,
                        Some(ty) => Some(ty.clone()),
                        None => match self.func.defs.get(&v) {
                            Some(Op::Cast {
                                ty, float: true, ..
                            }) => Some(ty.clone()),
                            _ => None,
                        },
                    };
                    match (op, operand_ty) {
                        (Op::Cast { .. }, Some(ty)) => {
                            contribs.push((v, quote!(#f::<_, #ty>), vec![], span, false));
                        }
                        (Op::Cast { a, .. }, None) if self.func.cast_operand_unseen(v) => {
                            let x = self.need_arg(a);
                            contribs.push((v, quote!(cast_back), vec![x], span, false));
                        }
                        _ => contribs.push((v, quote!(#f), vec![], span, false)),
                    }
                }
            }
            Op::Arith(a, x, y) => {
                use crate::sema::kinds::Target;
                let (name, partials) = rules::arith(*a);
                let target = |k: usize| match crate::sema::kinds::arith_target(kind(x), kind(y), k)
                {
                    Target::ScalarPath => None,
                    Target::ToScalar => Some(quote!(#rt::ToScalar)),
                    Target::Same => Some(quote!(#rt::Same)),
                    Target::Operand => match operands[k].var().filter(|v| an.shape_only[*v]) {
                        Some(v) => {
                            let sh = self.shape_var(v);
                            Some(quote!(::core::clone::Clone::clone(&#sh)))
                        }
                        None => Some(self.need_arg(operands[k])),
                    },
                };
                // Both operands of a tensor `+`/`-` from one rule: the cotangent goes whole to
                // one and the other is reduced from a borrow of it (no copy of `g`).
                if matches!(a, Arith::Add | Arith::Sub)
                    && let (Some(v0), Some(v1)) = (active(0), active(1))
                    && skip.is_none_or(|s| s != v0 && s != v1)
                    && let (Some(t0), Some(t1)) = (target(0), target(1))
                {
                    let f = format_ident!("{}_both", name, span = span);
                    let (g0, g1) = (mixed("__g0"), mixed("__g1"));
                    let (d0, d1) = (self.adj(v0), self.adj(v1));
                    let array = crate::sema::kinds::Kind::Array;
                    if matches!(a, Arith::Add) && v0 != v1 && kind(x) == array && kind(y) == array {
                        // Two arrays: `g` added into an adjoint that already holds a buffer
                        // and moved into the other, instead of copied for one of them.
                        let f = Ident::new("acc_add_both", span);
                        return quote_spanned!(span=>
                            #rt::tensor::#f(&mut #d0, &mut #d1, #t0, #t1, #g);
                        );
                    }
                    return quote_spanned!(span=>
                        let (#g0, #g1) = #rt::tensor::#f(#t0, #t1, #g);
                        #rt::acc(&mut #d0, #g0);
                        #rt::acc(&mut #d1, #g1);
                    );
                }
                // A tensor `x * x`: one rule, `2 x g` in place in `g` (no copy of `g`, one
                // product per element).
                if matches!(a, Arith::Mul)
                    && let (Some(v0), Some(v1)) = (active(0), active(1))
                    && v0 == v1
                    && skip.is_none()
                    && let Some(t0) = target(0)
                {
                    let d = self.adj(v0);
                    let xa = self.need_arg(operands[0]);
                    let f = Ident::new("square_d0", span);
                    return quote_spanned!(span=> #rt::acc(&mut #d, #rt::tensor::#f(#t0, #xa, #g)););
                }
                // A tensor `a * b` or `a / b` with both operands differentiated: both
                // partials from one rule, one of them in place in `g` (no copy of `g`).
                if matches!(a, Arith::Mul | Arith::Div)
                    && let (Some(v0), Some(v1)) = (active(0), active(1))
                    && skip.is_none()
                    && let (Some(t0), Some(t1)) = (target(0), target(1))
                {
                    let f = format_ident!("{}_both", name, span = span);
                    let (g0, g1) = (mixed("__g0"), mixed("__g1"));
                    let (d0, d1) = (self.adj(v0), self.adj(v1));
                    let (x0, x1) = (self.need_arg(operands[0]), self.need_arg(operands[1]));
                    return quote_spanned!(span=>
                        let (#g0, #g1) = #rt::tensor::#f(#t0, #t1, #x0, #x1, #g);
                        #rt::acc(&mut #d0, #g0);
                        #rt::acc(&mut #d1, #g1);
                    );
                }
                // A scalar `x * x`: one rule for both partials (`sq_d0`: `2 x g`), one
                // contribution.
                if matches!(a, Arith::Mul)
                    && let (Some(v0), Some(v1)) = (active(0), active(1))
                    && v0 == v1
                    && skip != Some(v0)
                    && target(0).is_none()
                    && matches!(
                        (x, y),
                        (Atom::Var(_), Atom::Var(_)) | (Atom::Ref(_), Atom::Ref(_))
                    )
                {
                    let f = Ident::new("sq_d0", span);
                    contribs.push((v0, quote!(#f), need_tokens(&[Need::In(0)]), span, false));
                } else {
                    for (k, needs) in partials.iter().enumerate() {
                        if let Some(v) = active(k) {
                            let f = format_ident!("{}_d{}", name, k, span = span);
                            let Some(target) = target(k) else {
                                contribs.push((v, quote!(#f), need_tokens(needs), span, false));
                                continue;
                            };
                            let mut args = vec![target];
                            args.extend(need_tokens(needs));
                            contribs.push((v, quote!(tensor::#f), args, span, false));
                        }
                    }
                }
            }
            Op::Method {
                name,
                extra,
                recv,
                args: margs,
                ..
            } => {
                let n = extra.rule_name(name);
                if let Some(MethodRule::Diff { partials, .. }) = rules::method(&n) {
                    let others = margs.iter().any(|a| an.atom_active(a));
                    let tensor = crate::sema::kinds::method_on_tensor(kind(recv), others);
                    for (k, needs) in partials.iter().enumerate() {
                        if let Some(v) = active(k) {
                            let f = format_ident!("{}_d{}", n, k, span = name.span());
                            let f = if tensor {
                                quote!(tensor::#f)
                            } else {
                                quote!(#f)
                            };
                            contribs.push((v, f, need_tokens(needs), name.span(), false));
                        }
                    }
                } else if let Some(t) = rules::tensor_method(&n) {
                    for (k, needs) in t.partials.iter().enumerate() {
                        let Some(v) = active(k) else { continue };
                        match t.emit {
                            rules::TensorEmit::Rule => {
                                let f = format_ident!("{}_d{}", n, k, span = name.span());
                                let lent = rules::borrows_cotangent(&f.to_string());
                                contribs.push((
                                    v,
                                    quote!(tensor::#f),
                                    need_tokens(needs),
                                    name.span(),
                                    lent,
                                ));
                            }
                            rules::TensorEmit::InPlace(f) => {
                                let f = Ident::new(f, name.span());
                                let d = self.adj(v);
                                let args = need_tokens(needs);
                                let rt = rt_at(name.span());
                                return quote_spanned!(name.span()=> #rt::tensor::#f(&mut #d, #(#args,)* #g););
                            }
                        }
                    }
                }
            }
            // A map whose derivative the forward sweep computed (see `nest::map_derivatives`).
            Op::Map { recv, .. } if self.map_by_dual(op) => {
                let Some(v) = recv.var().filter(|v| an.adj(*v)) else {
                    return quote!();
                };
                let Stmt::Let { var, .. } = s else {
                    unreachable!("`nest::map_derivatives` takes `let` statements")
                };
                let (d, dm) = (self.adj(v), self.derived("__dmap", *var));
                return quote_spanned!(span=>
                    #rt::acc(&mut #d, #rt::tensor::mapv_slope_d0(&#dm, #g));
                );
            }
            // `mapv(f64::tanh)` and the like: from the stored result (see `map_by_output`).
            Op::Map { recv, sub, .. } if crate::reverse::plan::map_by_output(sub).is_some() => {
                let Some(v) = recv.var().filter(|v| an.adj(*v)) else {
                    return quote!();
                };
                let name = crate::reverse::plan::map_by_output(sub).expect("checked");
                let f = format_ident!("{}_d0", name, span = name.span());
                let d = self.adj(v);
                let (y, ge) = (mixed("__y"), mixed("__ge"));
                return quote_spanned!(span=>
                    #rt::acc(&mut #d, #rt::tensor::mapv_out_d0(#out, #g, |#y, #ge| #rt::#f(&#y, #ge)));
                );
            }
            Op::Map {
                recv,
                sub,
                captures,
                ..
            } => return self.map_partials(recv, sub, captures, span),
            Op::Concat {
                stack, axis, parts, ..
            } => {
                let ax = self.need_arg(axis);
                for (k, p) in parts.iter().enumerate() {
                    let Some(v) = p.var().filter(|v| an.adj(*v)) else {
                        continue;
                    };
                    let pk = self.need_arg(p);
                    let args = if *stack {
                        vec![ax.clone(), quote!(#k), pk]
                    } else {
                        let before = parts[..k].iter().map(|q| {
                            let q = self.need_arg(q);
                            quote!(+ #rt::tensor::len_of(#q, #ax))
                        });
                        vec![ax.clone(), quote!(0usize #(#before)*), pk]
                    };
                    let f = if *stack {
                        quote!(tensor::stack_d)
                    } else {
                        quote!(tensor::concatenate_d)
                    };
                    contribs.push((v, f, args, span, false));
                }
            }
            Op::Index { base, index, .. } => {
                if let Stmt::Let { var, .. } = s
                    && let Some(local) = self.redirect.borrow().get(var)
                {
                    return quote_spanned!(span=> #rt::acc(&mut #local, #g););
                }
                if let Some(b) = base.var().filter(|v| an.adj(*v)) {
                    let d = self.adj(b);
                    if kind(base) == crate::sema::kinds::Kind::Array || self.func.is_nd_index(index)
                    {
                        let (a, i) = (self.need_arg(base), self.need_arg(index));
                        return quote_spanned!(span=> #rt::tensor::acc_index(&mut #d, #a, #i, #g););
                    }
                    if kind(base) == crate::sema::kinds::Kind::Unknown
                        || self.call_result_container(b)
                    {
                        // A slice, `Vec` or 1-D array: the base's type decides.
                        let (a, i) = (self.need_arg(base), self.need_arg(index));
                        return quote_spanned!(span=> #rt::tensor::acc_index_any(&mut #d, #a, #i, #g););
                    }
                    let i = self.atom(index);
                    // A parameter's gradient has the parameter's length from the start, and
                    // so has the adjoint of a fixed-length local buffer.
                    if self.exact_adjoint(b) {
                        return self.acc_exact(b, i, quote!(#g));
                    }
                    return quote_spanned!(span=> #rt::acc_index(&mut #d, #i, #g););
                }
                return quote!();
            }
            Op::SliceRef { base, lo, .. } => {
                if let Some(b) = base.var().filter(|v| an.adj(*v)) {
                    let d = self.adj(b);
                    let start = lo
                        .as_ref()
                        .map(|a| self.atom(a))
                        .unwrap_or_else(|| quote!(0usize));
                    // An exact adjoint (a parameter's gradient: possibly a fixed-size array)
                    // is added into in place; a local's may need to grow.
                    if self.exact_adjoint(b) {
                        return quote_spanned!(span=> #rt::acc_slice_exact(&mut #d, #start, #g););
                    }
                    return quote_spanned!(span=> #rt::acc_slice(&mut #d, #start, #g););
                }
                return quote!();
            }
            Op::Call {
                args,
                func,
                checkpoint: Some(ck),
                ..
            } => return self.checkpoint_partials(ck, func, args, &g, span),
            Op::Call {
                args,
                func,
                recompute,
                ..
            } => {
                let gs = mixed("__gs");
                let mut body = if *recompute && !self.held(s) {
                    let pb = self.pullback_path(func);
                    // Borrows of locals are re-made here: the forward sweep's temporaries
                    // holding them are not captured by the reverse sweep.
                    let args: Vec<TokenStream> = args
                        .iter()
                        .map(|a| match (self.func.borrow_def(a), a) {
                            (Some(def), _) => self.fwd_op(def, false),
                            // The reverse sweep may read an owned argument again later.
                            (None, Atom::Var(v))
                                if !an.kinds[*v].is_scalar() && !self.holds_ref(*v) =>
                            {
                                let i = self.v(*v);
                                quote!(::core::clone::Clone::clone(&#i))
                            }
                            (None, _) => self.atom(a),
                        })
                        .collect();
                    quote_spanned!(span=> let #gs = #pb(#(#args),*).1(#g);)
                } else {
                    let Some(pb) = self.pullback_of(s, op) else {
                        return quote!();
                    };
                    quote!(let #gs = #pb(#g);)
                };
                for (k, a) in args.iter().enumerate() {
                    if let Some(v) = a.var().filter(|v| an.adj(*v)) {
                        let d = self.adj(v);
                        let idx = syn::Index::from(k);
                        body.extend(quote_spanned!(span=> #rt::acc_arg(&mut #d, #gs.#idx);));
                    }
                }
                return body;
            }
            Op::Tuple(xs) => {
                let names: Vec<Ident> = (0..xs.len()).map(|k| mixed(&format!("__g{k}"))).collect();
                let mut body = quote!(let (#(#names,)*) = #g;);
                for (k, a) in xs.iter().enumerate() {
                    if let Some(v) = a.var().filter(|v| an.adj(*v)) {
                        let d = self.adj(v);
                        let n = &names[k];
                        body.extend(quote!(#rt::acc(&mut #d, #n);));
                    }
                }
                return body;
            }
            // A struct literal: each field's cotangent to the value it was built from.
            Op::StructLit(_, fs) => {
                let gs = mixed("__gs");
                let mut body = quote!(let #gs = #g;);
                for (m, a) in fs {
                    if let Some(v) = a.var().filter(|v| an.adj(*v)) {
                        let d = self.adj(v);
                        // A sequence built in the body has a `Vec` adjoint, the field may be
                        // a fixed-size array.
                        if an.kinds[v] == crate::sema::kinds::Kind::SeqScalar {
                            body.extend(quote!(#rt::acc_seq(&mut #d, #gs.#m);));
                        } else {
                            body.extend(quote!(#rt::acc(&mut #d, #gs.#m);));
                        }
                    }
                }
                return body;
            }
            // A struct field: its cotangent goes to the same field of the struct's.
            Op::Member(a, path, _) => {
                if let Some(v) = a.var().filter(|v| an.adj(*v)) {
                    let d = self.adj(v);
                    // A named field through the derive's `MemberAcc`: a `#[no_derivative]`
                    // field ignores it. (A numbered one may be a tuple's element.)
                    let (last, owner) = path.split_last().expect("a field path");
                    return match last {
                        // (Through named fields by `member_mut`, which needs no type.)
                        syn::Member::Named(i)
                            if owner.iter().all(|m| matches!(m, syn::Member::Named(_))) =>
                        {
                            let h = crate::ir::field_hash(&i.to_string());
                            let mut place = quote!(&mut #d);
                            for m in owner {
                                if let syn::Member::Named(o) = m {
                                    let ho = crate::ir::field_hash(&o.to_string());
                                    place = quote!(#rt::member_mut::<#ho, _>(#place));
                                }
                            }
                            quote!(#rt::acc_member::<#h, _, _>(#place, #g);)
                        }
                        syn::Member::Named(i) => {
                            let h = crate::ir::field_hash(&i.to_string());
                            quote!(#rt::acc_member::<#h, _, _>(&mut #d #(.#owner)*, #g);)
                        }
                        syn::Member::Unnamed(_) => quote!(#rt::acc(&mut #d.#(#path).*, #g);),
                    };
                }
                return quote!();
            }
            Op::Field(a, idx) => {
                if let Some(v) = a.var().filter(|v| an.adj(*v)) {
                    let d = self.adj(v);
                    return quote!(#rt::acc_field::<#idx, _>(&mut #d, #g););
                }
                return quote!();
            }
            Op::Passive(..) | Op::Opaque { .. } => return quote!(),
        }
        contribs.retain(|(v, ..)| Some(*v) != skip);
        // Rules that only read the cotangent borrow it; it is moved into the last of the
        // others and cloned for the rest.
        let last_owner = contribs.iter().rposition(|c| !c.4);
        let n = contribs.len();
        let mut body = TokenStream::new();
        let only = (n == 1).then(|| contribs[0].0);
        // A scalar cotangent is `Copy` (`f64`, `f32`, `Dual`, a sweep's `S: Scalar`): given to
        // every rule as it is, without a `Clone::clone` call for rustc to resolve.
        let copy_g = matches!(s, Stmt::Let { var, .. } | Stmt::Assign { var, .. }
            if an.kinds[*var] == crate::sema::kinds::Kind::Scalar);
        for (j, (v, f, args, sp, lent)) in contribs.into_iter().enumerate() {
            let gtok = if let Some((from, taken)) = inline
                && only.is_some_and(|a| a != from && self.adj(a) != self.adj(from))
            {
                inlined.set(true);
                quote!(#taken)
            } else if Some(j) == last_owner || (last_owner.is_none() && j + 1 == n) {
                quote!(#g)
            } else if lent {
                quote!(&#g)
            } else if copy_g {
                quote!(#g)
            } else {
                quote!(::core::clone::Clone::clone(&#g))
            };
            let d = self.adj(v);
            let rt = rt_at(sp);
            let fs = f.to_string();
            // A matrix operand of `dot`, the receiver of `sum_axis`/`mean_axis`: its
            // cotangent added into the adjoint in place (a rank-1 update for matrix·vector,
            // no array per call; `tensor::acc_dot_d0`, `acc_sum_axis_d0`).
            if matches!(
                fs.as_str(),
                "tensor :: dot_d0"
                    | "tensor :: dot_d1"
                    | "tensor :: sum_axis_d0"
                    | "tensor :: mean_axis_d0"
            ) && an.kinds[v] == crate::sema::kinds::Kind::Array
            {
                let acc = format_ident!("acc_{}", fs.trim_start_matches("tensor :: "), span = sp);
                if let Some(batch) = self.outer.borrow().get(&v).filter(|_| fs.contains("dot")) {
                    // Gathered by the enclosing reverse loop (`Gen::outer_batches`).
                    let acc = format_ident!("{acc}_batched", span = sp);
                    body.extend(quote_spanned!(sp=>
                        #rt::tensor::#acc(&mut #batch, &mut #d, #(#args,)* #gtok);
                    ));
                    continue;
                }
                body.extend(quote_spanned!(sp=> #rt::tensor::#acc(&mut #d, #(#args,)* #gtok);));
                continue;
            }
            let dest = match s {
                Stmt::Let { var, .. } | Stmt::Assign { var, .. } => Some(*var),
                _ => None,
            };
            if fs == "id_d0"
                && (self.fixed_array_typed(v) || dest.is_some_and(|d| self.fixed_array_typed(d)))
            {
                // A copy from or into a value typed `[T; N]` (a parameter `let s = s0;`, the
                // result): a local array's adjoint is a `Vec`, a parameter's or the result's
                // an array.
                body.extend(quote_spanned!(sp=> #rt::acc_seq(&mut #d, #gtok);));
            } else if matches!(fs.as_str(), "id_d0" | "add_d0" | "add_d1" | "sub_d0") {
                // The identity rules (`rules::arith`): the cotangent itself, without a call
                // for rustc to check per `+`.
                body.extend(if self.once.contains(&v) {
                    quote_spanned!(sp=> #d = #gtok;)
                } else {
                    quote_spanned!(sp=> #rt::acc(&mut #d, #gtok);)
                });
            } else if self.once.contains(&v) {
                body.extend(quote_spanned!(sp=> #d = #rt::#f(#(#args,)* #gtok);));
            } else {
                body.extend(quote_spanned!(sp=> #rt::acc(&mut #d, #rt::#f(#(#args,)* #gtok));));
            }
        }
        body
    }
}

/// Whether any partial of `op` reads the operation's result.
pub(super) fn reads_out(op: &Op) -> bool {
    match op {
        Op::Map { sub, .. } => crate::reverse::plan::map_by_output(sub).is_some(),
        Op::Method { name, .. } => match rules::method(&name.to_string()) {
            Some(MethodRule::Diff { partials, .. }) => {
                partials.iter().any(|p| p.contains(&Need::Out))
            }
            _ => false,
        },
        _ => false,
    }
}
