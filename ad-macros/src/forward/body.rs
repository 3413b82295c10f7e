//! The body of `f_pushforward`: the primal's statements, each followed by its tangent.
//!
//! Forward mode needs no tape: every active variable `x` gets a tangent `__t_x` of the same
//! type, updated right where `x` is (before an assignment overwrites the old value the
//! tangent rule may read). Scalar rules are the reverse mode's partials read the other way:
//! the runtime's `op_dk(needs.., g)` is `g · ∂op/∂operand_k`, linear in `g`, so the tangent of
//! `y = op(a, b)` is `op_d0(needs.., ȧ) + op_d1(needs.., ḃ)`, one term per active operand. Calls
//! go to the callee's `g_pushforward` with one tangent slot per argument ([`Tangents::slot`]).

use crate::ir::*;
use crate::sema::kinds::Kind;
use crate::sema::rules::{self, MethodRule, Need};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;

/// Why forward mode cannot take a function (it then gets no `f_jvp`).
pub type Unsupported = &'static str;

pub struct Tangents<'a> {
    pub func: &'a Func,
    pub kinds: &'a [Kind],
    pub active: &'a [bool],
}

fn rt() -> TokenStream {
    crate::codegen::runtime_path()
}

impl Tangents<'_> {
    fn v(&self, v: VarId) -> &Ident {
        &self.func.vars[v].ident
    }

    /// The tangent of variable `v`.
    pub fn t(&self, v: VarId) -> Ident {
        let name = syn::ext::IdentExt::unraw(self.v(v)).to_string();
        Ident::new(
            &format!("__t{v}_{}", name.trim_start_matches('_')),
            Span::mixed_site(),
        )
    }

    /// Whether `v` is a sequence of rows (a nested parameter `&[[f64; 3]]`, `&Vec<Vec<f64>>`,
    /// or a copy of one): its elements are rows, borrowed with their tangents.
    fn nested(&self, v: VarId) -> bool {
        match self.func.defs.get(&v) {
            Some(Op::Copy(Atom::Var(x) | Atom::Ref(x))) if *x != v => self.nested(*x),
            None | Some(_) => self.func.vars[v]
                .ty
                .as_ref()
                .is_some_and(nested_float_sequence),
        }
    }

    /// Whether `v` holds a reference (a `&` parameter, a borrowed sub-slice, a copy of one).
    fn holds_ref(&self, v: VarId) -> bool {
        self.func.holds_ref(v) || matches!(self.func.defs.get(&v), Some(Op::SliceRef { .. }))
    }

    fn active_atom(&self, a: &Atom) -> bool {
        a.var().is_some_and(|v| self.active[v])
    }

    fn atom(&self, a: &Atom) -> TokenStream {
        match a {
            Atom::Var(v) => {
                let i = self.v(*v);
                quote!(#i)
            }
            Atom::Ref(v) => {
                let i = self.v(*v);
                quote!(&#i)
            }
            Atom::Const(c) => c.clone(),
        }
    }

    /// The tangent of an active operand as the operation uses it.
    fn t_atom(&self, a: &Atom) -> TokenStream {
        match a {
            Atom::Var(v) => {
                let t = self.t(*v);
                quote!(#t)
            }
            // The tangent of a borrowed scalar is a value (rules take tangents by value).
            Atom::Ref(v) if self.kinds[*v] == Kind::Scalar => {
                let t = self.t(*v);
                quote!(#t)
            }
            Atom::Ref(v) => {
                let t = self.t(*v);
                quote!(&#t)
            }
            Atom::Const(_) => unreachable!("constants are never active"),
        }
    }

    /// A primal value a rule reads: a reference to it.
    fn need(&self, a: &Atom) -> TokenStream {
        match a {
            Atom::Var(v) | Atom::Ref(v) => {
                let i = self.v(*v);
                quote!(&#i)
            }
            Atom::Const(c) => quote!(&(#c)),
        }
    }

    /// The primal expression of `op` (calls of differentiable functions excepted: see
    /// [`Tangents::stmt`]).
    pub fn primal(&self, op: &Op) -> Result<TokenStream, Unsupported> {
        Ok(match op {
            Op::Copy(a) => self.atom(a),
            Op::Neg(a) => {
                let a = self.atom(a);
                quote!(-#a)
            }
            Op::Arith(k, a, b) => {
                let (a, b) = (self.atom(a), self.atom(b));
                match k {
                    Arith::Add => quote!(#a + #b),
                    Arith::Sub => quote!(#a - #b),
                    Arith::Mul => quote!(#a * #b),
                    Arith::Div => quote!(#a / #b),
                    Arith::Rem => quote!(#a % #b),
                }
            }
            Op::Method {
                name,
                form,
                recv,
                args,
                extra,
            } => {
                let recv = self.atom(recv);
                let args: Vec<TokenStream> = args.iter().map(|a| self.atom(a)).collect();
                crate::codegen::method_call(name, form, recv, args, extra)
            }
            Op::Call {
                func, args, method, ..
            } => {
                let args: Vec<TokenStream> = args.iter().map(|a| self.atom(a)).collect();
                crate::codegen::primal_call(func, &args, *method)
            }
            Op::Map { .. } | Op::Concat { .. } => return Err("ndarray maps and concatenation"),
            // An element the body reads twice (`t.0[0] + t.0[1]`): cloned, not moved out.
            Op::Field(Atom::Var(b), idx) if crate::ir::field_reads(self.func, *b, idx) > 1 => {
                let a = self.atom(&Atom::Var(*b));
                quote!(::core::clone::Clone::clone(&#a.#idx))
            }
            other => crate::codegen::primal_common(other, &|a| self.atom(a))
                .expect("every operation is printed"),
        })
    }

    /// The sum of the rule terms `name_dk(needs.., ȧ_k)` over the active operands.
    fn rule_terms(
        &self,
        name: &str,
        operands: &[&Atom],
        partials: &[&[Need]],
        out: &TokenStream,
    ) -> Result<TokenStream, Unsupported> {
        let rt = rt();
        let mut terms = Vec::new();
        // A scalar `x * x`: one rule for both terms (`sq_d0`: `2 x ẋ`).
        if name == "mul"
            && let [Atom::Var(a) | Atom::Ref(a), Atom::Var(b) | Atom::Ref(b)] = operands
            && a == b
            && std::mem::discriminant(operands[0]) == std::mem::discriminant(operands[1])
            && self.active_atom(operands[0])
            && self.kinds[*a] == Kind::Scalar
        {
            let (x, t) = (self.need(operands[0]), self.t_atom(operands[0]));
            return Ok(quote!(#rt::sq_d0(#x, #t)));
        }
        for (k, needs) in partials.iter().enumerate() {
            let Some(a) = operands.get(k) else { break };
            if !self.active_atom(a) {
                continue;
            }
            if !matches!(a, Atom::Var(v) | Atom::Ref(v)
                if matches!(self.kinds[*v], Kind::Scalar | Kind::Unknown))
            {
                return Err("operations on sequences and arrays other than element access");
            }
            let args: Vec<TokenStream> = needs
                .iter()
                .map(|n| match n {
                    Need::In(i) => self.need(operands[*i]),
                    Need::Out => quote!(&#out),
                })
                .collect();
            let f = format_ident!("{}_d{}", name, k);
            let t = self.t_atom(a);
            let plain = matches!(a, Atom::Var(_))
                || matches!(a, Atom::Ref(v) if self.kinds[*v] == Kind::Scalar);
            // The identity rules of `+` and `-` (`rules::arith`) written out: no call for
            // rustc to check per operation, the same machine code. (Not the negation `sub_d1`:
            // a unary `-` needs its operand's type known where it is checked, and a tangent
            // made from a float literal's value is only typed at the end, by the fallback to
            // `f64`; the generic rule defers that.)
            terms.push(match (plain, name, k) {
                (true, "add", _) | (true, "sub", 0) => t,
                _ => quote!(#rt::#f(#(#args,)* #t)),
            });
        }
        Ok(match terms.len() {
            0 => quote!(#rt::zero()),
            _ => quote!(#(#terms)+*),
        })
    }

    /// The tangent of `op`, whose primal value is `out`.
    pub fn tangent(&self, op: &Op, out: &TokenStream) -> Result<TokenStream, Unsupported> {
        let rt = rt();
        Ok(match op {
            Op::Copy(a) | Op::Deref(a) => self.t_atom(a),
            Op::CloneOf(a) => {
                let t = self.t_atom(a);
                quote!(::core::clone::Clone::clone(&#t))
            }
            Op::Neg(a) => {
                let t = self.t_atom(a);
                quote!(-#t)
            }
            Op::Arith(k, a, b) => {
                let (name, partials) = rules::arith(*k);
                self.rule_terms(name, &[a, b], &partials, out)?
            }
            Op::Method {
                name,
                recv,
                args,
                extra,
                ..
            } => {
                let n = name.to_string();
                if extra.rule.is_some() {
                    return Err("this method in forward mode");
                }
                if n == "sin_cos" {
                    // (sin x, cos x)' = (cos x · ẋ, -sin x · ẋ): the rules of `sin` and `cos`.
                    let (x, t) = (self.need(recv), self.t_atom(recv));
                    return Ok(quote!((#rt::sin_d0(#x, #t), #rt::cos_d0(#x, #t))));
                }
                match rules::method(&n) {
                    Some(MethodRule::Diff { partials, .. }) => {
                        let ops: Vec<&Atom> = std::iter::once(recv).chain(args.iter()).collect();
                        self.rule_terms(&n, &ops, partials, out)?
                    }
                    Some(MethodRule::Identity) => self.t_atom(recv),
                    _ => return Err("array methods"),
                }
            }
            Op::Index {
                base,
                index,
                by_ref,
            } => {
                // A scalar element's tangent is a value, also when the element is borrowed
                // (`&x[i]`, `for v in x.iter()`): rules take tangents by value. A borrowed row
                // of a nested sequence is borrowed with its tangent.
                let t = self.t_atom(base);
                let i = self.atom(index);
                if *by_ref && base.var().is_some_and(|b| self.nested(b)) {
                    quote!(&#t[#i])
                } else {
                    quote!(#t[#i])
                }
            }
            Op::SliceRef {
                base,
                lo,
                hi,
                inclusive,
            } => {
                crate::codegen::slice_ref(self.t_atom(base), lo, hi, *inclusive, &|a| self.atom(a))
            }
            Op::Cast {
                a, ty, float: true, ..
            } => {
                let t = self.t_atom(a);
                quote!(#t as #ty)
            }
            Op::Tuple(xs) => {
                let ts: Vec<TokenStream> = xs
                    .iter()
                    .map(|a| {
                        if self.active_atom(a) {
                            self.t_atom(a)
                        } else if a.var().is_some_and(|v| {
                            self.kinds[v] == Kind::Other
                                || self.func.vars[v]
                                    .ty
                                    .as_ref()
                                    .is_some_and(crate::front::is_constant_type)
                        }) {
                            // Not a float (an `Option`, an integer): no tangent to speak of.
                            quote!(())
                        } else {
                            // A zero shaped (and typed) like the element: `zero()` alone
                            // leaves an unread element's tangent type open (E0283).
                            match a {
                                Atom::Var(v) => self.zero_like(*v),
                                Atom::Const(c)
                                    if !matches!(
                                        syn::parse2::<syn::Expr>(c.clone()),
                                        Ok(syn::Expr::Lit(syn::ExprLit {
                                            lit: syn::Lit::Int(_) | syn::Lit::Bool(_),
                                            ..
                                        }))
                                    ) =>
                                {
                                    quote!(#rt::zeros_as(&(#c)))
                                }
                                Atom::Const(_) => quote!(#rt::zero()),
                                Atom::Ref(_) => quote!(#rt::zero()),
                            }
                        }
                    })
                    .collect();
                quote!((#(#ts,)*))
            }
            Op::Field(a, idx) => {
                let t = self.t_atom(a);
                if a.var()
                    .is_some_and(|b| crate::ir::field_reads(self.func, b, idx) > 1)
                {
                    quote!(::core::clone::Clone::clone(&#t.#idx))
                } else {
                    quote!(#t.#idx)
                }
            }
            Op::Member(..) => return Err("struct parameters"),
            Op::StructLit(..) => return Err("struct literals"),
            _ => return Err("this operation in forward mode"),
        })
    }

    /// The tangent slot of a call argument (see `ad_runtime::__private::Active`).
    fn slot(&self, a: &Atom) -> TokenStream {
        let rt = rt();
        if self.active_atom(a) {
            // A borrowed sequence is passed as a slice, whatever holds its tangent here.
            let t = match a {
                Atom::Ref(v) if self.kinds[*v] == Kind::SeqScalar => {
                    let t = self.t(*v);
                    quote!(&#t[..])
                }
                Atom::Var(v) if self.kinds[*v] == Kind::SeqScalar && self.holds_ref(*v) => {
                    let t = self.t(*v);
                    quote!(&#t[..])
                }
                _ => self.t_atom(a),
            };
            quote!(#rt::Active(#t))
        } else {
            quote!(#rt::Inactive)
        }
    }

    /// A zero tangent shaped like variable `v`'s value.
    fn zero_like(&self, v: VarId) -> TokenStream {
        let rt = rt();
        let i = self.v(v);
        quote!(#rt::zeros_as(&#i))
    }

    pub fn block(&self, b: &Block) -> Result<TokenStream, Unsupported> {
        let mut out = TokenStream::new();
        for s in &b.stmts {
            out.extend(self.stmt(s)?);
        }
        Ok(out)
    }

    fn stmt(&self, s: &Stmt) -> Result<TokenStream, Unsupported> {
        let rt = rt();
        Ok(match s {
            Stmt::Let { var, op, .. } => {
                let i = self.v(*var);
                let m = (self.func.vars[*var].kind == VarKind::LetMut).then(|| quote!(mut));
                let ty = self.func.vars[*var].ty.as_ref().map(|t| quote!(: #t));
                if let Op::Call {
                    func,
                    args,
                    plain: false,
                    ..
                } = op
                    && args.iter().any(|a| self.active_atom(a))
                {
                    let path = pushforward_path(func, args.len());
                    let a: Vec<TokenStream> = args.iter().map(|a| self.atom(a)).collect();
                    let slots: Vec<TokenStream> = args.iter().map(|a| self.slot(a)).collect();
                    let t = self.t(*var);
                    return Ok(quote! {
                        let (#m #i, mut #t) = #path(#(#a,)* #(#slots,)*);
                    });
                }
                let rhs = self.primal(op)?;
                if !self.active[*var] {
                    return Ok(quote!(let #m #i #ty = #rhs;));
                }
                let t = self.t(*var);
                let op_active = op.reads().iter().any(|r| self.active[*r]);
                let tan = if op_active {
                    let tan = self.tangent(op, &quote!(#i))?;
                    match (&self.func.vars[*var].ty, op) {
                        // A copy of a fixed-size array (`let s = *s0;`) whose source tangent
                        // may be a borrowed slice: an owned array of its own, which the body
                        // may write.
                        (
                            Some(syn::Type::Array(arr)),
                            Op::Copy(_) | Op::Deref(_) | Op::CloneOf(_),
                        ) => {
                            let len = &arr.len;
                            quote!({
                                let __t: [_; #len] = ::core::convert::TryFrom::try_from(&(#tan)[..])
                                    .expect("a tangent must have its primal's length");
                                __t
                            })
                        }
                        _ => tan,
                    }
                } else {
                    // Made active later (a buffer written with active values).
                    let z = self.zero_like(*var);
                    return Ok(quote!(let #m #i #ty = #rhs; let mut #t = #z;));
                };
                if matches!(op, Op::Tuple(_)) {
                    // (The tangent first: zeros shaped like elements the tuple moves in.)
                    quote!(let mut #t = #tan; let #m #i #ty = #rhs;)
                } else {
                    quote!(let #m #i #ty = #rhs; let mut #t = #tan;)
                }
            }
            Stmt::Declare { var } => {
                let i = self.v(*var);
                let t = self.t(*var);
                let decl = if *var == self.func.ret && self.func.ret_deferred {
                    let ty = self.func.vars[*var]
                        .ty
                        .as_ref()
                        .map(|t| quote!(: ::core::option::Option<#t>));
                    quote!(let mut #i #ty = ::core::option::Option::None;)
                } else if crate::sema::kinds::declared_placeholder(self.func, self.kinds, *var) {
                    let ty = self.func.vars[*var].ty.as_ref().map(|t| quote!(: #t));
                    quote!(let mut #i #ty = #rt::zero();)
                } else if crate::sema::kinds::declared_default(self.func, self.kinds, *var) {
                    let ty = self.func.vars[*var].ty.as_ref().map(|t| quote!(: #t));
                    quote!(let mut #i #ty = ::core::default::Default::default();)
                } else {
                    quote!(let #i;)
                };
                if self.active[*var] {
                    quote!(#decl let mut #t = #rt::zero();)
                } else {
                    decl
                }
            }
            // A `#[checkpoint]` loop: forward mode stores nothing, so the loop itself, with
            // its one step's assignment.
            Stmt::Assign {
                var,
                op:
                    Op::Call {
                        func,
                        args,
                        pullback,
                        checkpoint: Some(ck),
                        ..
                    },
                span,
                ..
            } => {
                let step = Stmt::Assign {
                    var: *var,
                    op: Op::Call {
                        func: func.clone(),
                        args: args[..ck.n_args].to_vec(),
                        pullback: *pullback,
                        plain: false,
                        recompute: true,
                        checkpoint: None,
                        method: false,
                    },
                    span: *span,
                    init: false,
                };
                let step = self.stmt(&step)?;
                let (lo, hi) = (self.atom(&args[ck.n_args]), self.atom(&args[ck.n_args + 1]));
                let range = if ck.inclusive {
                    quote!(#lo..=#hi)
                } else {
                    quote!(#lo..#hi)
                };
                let pat = &ck.pat;
                quote!(for #pat in #range { #step })
            }
            Stmt::Assign { var, op, .. } => {
                let i = self.v(*var);
                let new = Ident::new("__new", Span::mixed_site());
                let tnew = Ident::new("__tnew", Span::mixed_site());
                let deferred_ret = *var == self.func.ret && self.func.ret_deferred;
                let store = if deferred_ret {
                    quote!(#i = ::core::option::Option::Some(#new);)
                } else {
                    quote!(#i = #new;)
                };
                if let Op::Call {
                    func,
                    args,
                    plain: false,
                    ..
                } = op
                    && args.iter().any(|a| self.active_atom(a))
                {
                    let path = pushforward_path(func, args.len());
                    let a: Vec<TokenStream> = args.iter().map(|a| self.atom(a)).collect();
                    let slots: Vec<TokenStream> = args.iter().map(|a| self.slot(a)).collect();
                    let set_t = self.active[*var].then(|| {
                        let t = self.t(*var);
                        quote!(#t = #tnew;)
                    });
                    return Ok(quote!({
                        let (#new, #tnew) = #path(#(#a,)* #(#slots,)*);
                        #store #set_t
                    }));
                }
                let mut rhs = self.primal(op)?;
                // An early `return v;`: `v` stays for the code after it (skipped at run time
                // by the flow flags, but rustc does not know), value and tangent.
                let returned = match op {
                    Op::Copy(Atom::Var(v))
                        if deferred_ret && crate::ir::used_after(&self.func.body, s, *v) =>
                    {
                        let r = self.v(*v);
                        rhs = quote!(::core::clone::Clone::clone(&#r));
                        Some(*v)
                    }
                    _ => None,
                };
                if !self.active[*var] {
                    return Ok(quote!({ let #new = #rhs; #store }));
                }
                let t = self.t(*var);
                let tan = match returned {
                    Some(v) if self.active[v] => {
                        let tv = self.t(v);
                        quote!(::core::clone::Clone::clone(&#tv))
                    }
                    _ if op.reads().iter().any(|r| self.active[*r]) => {
                        self.tangent(op, &quote!(#new))?
                    }
                    // A value of constants: a zero tangent shaped like it (a sequence's
                    // `zero()` would be empty).
                    _ if self.kinds[*var] != Kind::Scalar => quote!(#rt::zeros_as(&#new)),
                    _ => quote!(#rt::zero()),
                };
                quote!({ let #new = #rhs; let #tnew = #tan; #store #t = #tnew; })
            }
            Stmt::IndexAssign {
                base, index, op, ..
            } => {
                let (b, idx) = (self.v(*base), self.atom(index));
                let new = Ident::new("__new", Span::mixed_site());
                if let Op::Call {
                    func,
                    args,
                    plain: false,
                    ..
                } = op
                    && args.iter().any(|a| self.active_atom(a))
                {
                    let path = pushforward_path(func, args.len());
                    let a: Vec<TokenStream> = args.iter().map(|a| self.atom(a)).collect();
                    let slots: Vec<TokenStream> = args.iter().map(|a| self.slot(a)).collect();
                    let t = self.t(*base);
                    let tnew = Ident::new("__tnew", Span::mixed_site());
                    return Ok(quote!({
                        let (#new, #tnew) = #path(#(#a,)* #(#slots,)*);
                        #b[#idx] = #new;
                        #t[#idx] = #tnew;
                    }));
                }
                let rhs = self.primal(op)?;
                if !self.active[*base] {
                    return Ok(quote!({ let #new = #rhs; #b[#idx] = #new; }));
                }
                let t = self.t(*base);
                let tan = if op.reads().iter().any(|r| self.active[*r]) {
                    self.tangent(op, &quote!(#new))?
                } else {
                    quote!(#rt::zero())
                };
                let tnew = Ident::new("__tnew", Span::mixed_site());
                quote!({ let #new = #rhs; let #tnew = #tan; #b[#idx] = #new; #t[#idx] = #tnew; })
            }
            Stmt::Push { base, value, .. } => {
                let (b, v) = (self.v(*base), self.atom(value));
                // (A row pushed onto a `Vec<Vec<f64>>`: its value and tangent pushed as copies.)
                let row = matches!(value, Atom::Var(x) if !matches!(self.kinds[*x], Kind::Scalar));
                let v = if row {
                    quote!(::core::clone::Clone::clone(&#v))
                } else {
                    v
                };
                if !self.active[*base] {
                    return Ok(quote!(#b.push(#v);));
                }
                let t = self.t(*base);
                let tv = if self.active_atom(value) {
                    self.t_atom(value)
                } else {
                    quote!(#rt::zero())
                };
                let tv = if row {
                    quote!(::core::clone::Clone::clone(&#tv))
                } else {
                    tv
                };
                quote!(#b.push(#v); #t.push(#tv);)
            }
            Stmt::If {
                cond, then, els, ..
            } => {
                let c = self.atom(cond);
                let (t, e) = (self.block(then)?, self.block(els)?);
                quote!(if #c { #t } else { #e })
            }
            Stmt::Loop(l) => self.loop_(l)?,
            Stmt::Effect { tokens } => tokens.clone(),
            Stmt::SetFlow(code) => {
                let f = self.v(self.func.flow.expect("flow var"));
                quote!(#f = #code;)
            }
        })
    }

    fn loop_(&self, l: &Loop) -> Result<TokenStream, Unsupported> {
        let body = self.block(&l.body)?;
        let flow = self.func.flow.map(|f| self.v(f).clone());
        let exits = crate::codegen::loop_exits(l, flow.as_ref());
        Ok(match &l.kind {
            LoopKind::Range {
                var,
                lo,
                hi,
                inclusive,
                rev,
            } => {
                let (i, lo, hi) = (self.v(*var), self.atom(lo), self.atom(hi));
                let range = if *inclusive {
                    quote!(#lo..=#hi)
                } else {
                    quote!(#lo..#hi)
                };
                let range = if *rev { quote!((#range).rev()) } else { range };
                quote!(for #i in #range { #body #exits })
            }
            LoopKind::Iter { pat, iter, reads } => {
                if reads.iter().any(|v| self.active[*v]) {
                    return Err("iterating over differentiated values in forward mode");
                }
                quote!(for #pat in #iter { #body #exits })
            }
            LoopKind::While {
                cond_block,
                cond_atom,
            } => {
                let cb = self.block(cond_block)?;
                let c = self.atom(cond_atom);
                quote!(loop { #cb if !#c { break; } #body #exits })
            }
            LoopKind::Loop => quote!(loop { #body #exits }),
        })
    }
}

/// `g` -> `g_pushforward`, at the same path. A turbofish the call wrote (`h::<f64>(x, y)`,
/// of a generic function) gets one `_` more per argument: the generic pushforward's tangent
/// slot types follow the function's own parameters.
pub fn pushforward_path(path: &syn::Path, n_args: usize) -> syn::Path {
    let mut p = path.clone();
    let last = p.segments.last_mut().unwrap();
    last.ident = format_ident!("{}_pushforward", last.ident, span = last.ident.span());
    if let syn::PathArguments::AngleBracketed(a) = &mut last.arguments {
        for _ in 0..n_args {
            a.args.push(syn::parse_quote!(_));
        }
    }
    p
}

/// A sequence of sequences of floats (`&[[f64; 3]]`, `&Vec<Vec<f64>>`, `[[f32; 2]; 2]`),
/// behind any references.
pub fn nested_float_sequence(ty: &syn::Type) -> bool {
    // (`_`: the rows of a `Vec` built by pushing them, see `front::rewrite::rows`.)
    let float = |t: &syn::Type| {
        matches!(t, syn::Type::Infer(_))
            || matches!(t, syn::Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"))
    };
    crate::front::sequence_element(ty)
        .and_then(crate::front::sequence_element)
        .is_some_and(float)
}
