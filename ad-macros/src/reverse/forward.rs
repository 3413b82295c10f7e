//! The forward sweep: the primal's statements, with the records the reverse sweep needs
//! (stored values, saved overwrites, loop counts, callee pullbacks).

use super::*;
use crate::ir::*;
use crate::sema::rules::{self};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::Ident;

impl<'a> Gen<'a> {
    /// The right-hand side of an operation, as the user wrote it.
    pub(super) fn fwd_op(&self, op: &Op, with_pullback: bool) -> TokenStream {
        match op {
            Op::Copy(a) => match a {
                Atom::Var(v) if self.an.needed[*v] || self.kept_array(a).is_some() => {
                    let i = self.v(*v);
                    quote!(::core::clone::Clone::clone(&#i))
                }
                _ => self.atom(a),
            },
            // A tuple moves its elements: one the reverse sweep still reads is cloned (the
            // outputs of an in-place function's value twin, `(a, b)`).
            Op::Tuple(xs) => {
                let xs = xs.iter().map(|a| match a {
                    Atom::Var(v) if self.an.needed[*v] || self.kept_array(a).is_some() => {
                        let i = self.v(*v);
                        quote!(::core::clone::Clone::clone(&#i))
                    }
                    _ => self.atom(a),
                });
                quote!((#(#xs,)*))
            }
            Op::Neg(a) => {
                let a = self.arith_operand(a);
                quote!(-#a)
            }
            Op::Arith(k, a, b) => {
                // ndarray has `&A op &B` for any arrays but `&A op B` only for an owned `B`:
                // with a borrowed left operand, an array on the right (a view, say) is
                // borrowed too.
                let left_borrowed = self.kept_array(a).is_some();
                let right_array = matches!(b, Atom::Var(v)
                    if self.an.kinds[*v] == crate::sema::kinds::Kind::Array
                        && !self.holds_ref(*v)
                        && !self.is_borrow(*v)
                        && self.kept_array(b).is_none()
                        && self.kept_unknown(b).is_none());
                // Both arrays, both borrowed: ndarray's values, faster for a broadcast right
                // operand (the runtime's `rules/tensor/binops.rs`).
                let array = |x: &Atom| {
                    x.var().is_some_and(|v| {
                        self.an.kinds[v] == crate::sema::kinds::Kind::Array && !self.holds_ref(v)
                    })
                };
                let borrowed = |x: &Atom| self.kept_array(x).is_some() || matches!(x, Atom::Ref(_));
                let fast = array(a)
                    && array(b)
                    && borrowed(a)
                    && (borrowed(b) || (left_borrowed && right_array));
                let (a, b) = (self.arith_operand(a), self.arith_operand(b));
                let b = if left_borrowed && right_array {
                    quote!(&#b)
                } else {
                    b
                };
                let method = match k {
                    Arith::Add => "__ad_add",
                    Arith::Sub => "__ad_sub",
                    Arith::Mul => "__ad_mul",
                    Arith::Div => "__ad_div",
                    Arith::Rem => "",
                };
                if fast && !method.is_empty() {
                    let method = syn::Ident::new(method, proc_macro2::Span::call_site());
                    return quote!(::ad_runtime::__private::tensor::FastArith::#method(#a, #b));
                }
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
                let consumes = rules::tensor_method(&name.to_string()).is_some_and(|t| t.consumes);
                let recv = if consumes {
                    self.owned_operand(recv)
                } else {
                    self.atom(recv)
                };
                let args: Vec<TokenStream> = args.iter().map(|a| self.arg_atom(a)).collect();
                if let Some(fast) = fast_stat(name, form, extra) {
                    // The same bits as ndarray's method, faster (the runtime's
                    // `rules/tensor/stats.rs`).
                    let post = &extra.post;
                    return quote!({
                        use ::ad_runtime::__private::tensor::FastStats as _;
                        #recv.#fast(#(#args),*)
                    } #post);
                }
                crate::codegen::method_call(name, form, recv, args, extra)
            }
            Op::Map {
                method,
                recv,
                closure,
                ..
            } => {
                let recv = if method == "mapv_into" {
                    self.owned_operand(recv)
                } else {
                    self.atom(recv)
                };
                quote!(#recv.#method(#closure))
            }
            Op::Concat {
                path,
                axis,
                parts,
                post,
                ..
            } => {
                let axis = self.atom(axis);
                let parts: Vec<TokenStream> = parts.iter().map(|a| self.atom(a)).collect();
                quote!(#path(#axis, &[#(#parts),*]) #post)
            }
            Op::Call {
                func,
                args,
                checkpoint: Some(ck),
                ..
            } => self.checkpoint_primal(ck, func, args),
            Op::Call { func, args, .. } => {
                let args: Vec<TokenStream> = args
                    .iter()
                    .map(|a| {
                        if self.recopied_borrow(a) {
                            self.arg_atom(a)
                        } else {
                            self.owned_operand(a)
                        }
                    })
                    .collect();
                if with_pullback {
                    let pb = self.pullback_path(func);
                    quote!(#pb(#(#args),*))
                } else if self.func.dual
                    && !matches!(op, Op::Call { plain: true, .. })
                    && op.operands().iter().any(|a| {
                        crate::sema::kinds::atom_kind(a, &self.an.kinds)
                            != crate::sema::kinds::Kind::Other
                    })
                {
                    // On duals, the primal of a differentiable callee is the value of its
                    // dual pullback (a call on integers only keeps the primal: the callee
                    // may not be differentiable).
                    // (In a block of its own: the pullback, which may borrow an argument, is
                    // dropped before the value is assigned, `q = ..(&q, v).0`.)
                    let pb = self.pullback_path(func);
                    let value = syn::Ident::new("__ad_value", proc_macro2::Span::mixed_site());
                    quote!({ let #value = #pb(#(#args),*).0; #value })
                } else {
                    crate::codegen::primal_call(
                        func,
                        &args,
                        matches!(op, Op::Call { method: true, .. }),
                    )
                }
            }
            // An element of a tuple the reverse sweep reads again (stored in a loop or a
            // branch: `let (a, b) = split(x);` after an early return), or that the body reads
            // twice (`t.0[0] + t.0[1]`): cloned, not moved out.
            Op::Field(Atom::Var(b), idx)
                if self.an.needed[*b] || crate::ir::field_reads(self.func, *b, idx) > 1 =>
            {
                let a = self.atom(&Atom::Var(*b));
                quote!(::core::clone::Clone::clone(&#a.#idx))
            }
            // A field of a struct's dual twin (second order): a `#[no_derivative]` float
            // field holds a plain float there, read as a dual constant (`read_dual`).
            Op::Member(Atom::Var(b), path, false) if self.is_dual_twin(*b) => {
                let a = self.atom(&Atom::Var(*b));
                quote!({
                    use ::ad_runtime::__private::{DualReadByTrait as _, ReadByCopy as _, ReadByRef as _};
                    (&&&::ad_runtime::__private::DualReadProbe(&#a.#(#path).*)).read_field()
                })
            }
            // A value read through a borrow kept as an owned copy (`let p: [f64; 2] =
            // self.pos;` in a `&mut self` method, see `Analysis::owned_copy`): the copy's
            // value, not a dereference.
            Op::Deref(a @ Atom::Var(v)) if self.an.owned_copy[*v] => {
                let a = self.atom(a);
                quote!(::core::clone::Clone::clone(&#a))
            }
            other => crate::codegen::primal_common(other, &|a| self.atom(a))
                .expect("every operation is printed"),
        }
    }

    /// Whether `v` holds a struct's dual twin (`<P as LiftDual>::Out`, behind references):
    /// a parameter of the dual-number pullback.
    fn is_dual_twin(&self, v: VarId) -> bool {
        let mut ty = self.func.vars[v].ty.as_ref();
        while let Some(syn::Type::Reference(r)) = ty {
            ty = Some(&r.elem);
        }
        matches!(ty, Some(syn::Type::Path(p)) if p.qself.is_some()
            && p.path.segments.iter().any(|s| s.ident == "LiftDual"))
    }

    /// A map whose derivative the forward sweep computes by dual numbers (see
    /// `nest::map_derivatives`; not in the function lifted to duals itself).
    pub(super) fn map_by_dual(&self, op: &Op) -> bool {
        matches!(
            op,
            Op::Map {
                derivative: Some(_),
                ..
            }
        ) && !self.func.dual
    }

    pub(super) fn pullback_of(&self, s: &Stmt, op: &Op) -> Option<Ident> {
        match op {
            Op::Call {
                pullback,
                plain: false,
                recompute,
                ..
            } if self.an.work(s) && (!recompute || self.held(s)) => Some(self.v(*pullback).clone()),
            _ => None,
        }
    }

    /// The overwrite `s` records the old value (see [`Analysis::saves`]), except the fills of
    /// a fused loop's scratch buffers ([`Gen::unsaved`]).
    pub(super) fn saves(&self, s: &Stmt) -> bool {
        self.an.saves(s) && !self.unsaved.borrow().contains(&(s as *const Stmt as usize))
    }

    /// The forward sweep of a statement of the function body, emitted on its own (the parts
    /// of a fused `f_vjp`): the current block is the body, whatever block was emitted last
    /// (a push after a loop must not use the loop's reservation).
    pub(super) fn fwd_top(&self, s: &Stmt) -> TokenStream {
        self.cur_block.set(0);
        self.fwd_stmt(s)
    }

    /// See [`Gen::held_calls`].
    pub(super) fn held(&self, s: &Stmt) -> bool {
        self.held_calls
            .borrow()
            .contains(&(s as *const Stmt as usize))
    }

    /// The calls of [`Gen::held_calls`] among the statements of a fused loop's body.
    pub(super) fn find_held_calls(&self, body: &Block) -> std::collections::HashSet<usize> {
        let mut out = std::collections::HashSet::new();
        for (k, s) in body.stmts.iter().enumerate() {
            let (Stmt::Let { op, .. } | Stmt::Assign { op, .. }) = s else {
                continue;
            };
            let Op::Call {
                args,
                recompute: true,
                plain: false,
                checkpoint: None,
                ..
            } = op
            else {
                continue;
            };
            // The locals the arguments borrow (directly or through a borrowing temporary);
            // an owned non-scalar argument keeps the call in recompute mode.
            let mut borrowed = Vec::new();
            let mut ok = true;
            for a in args {
                match (self.func.borrow_def(a), a) {
                    (Some(def), _) => borrowed.extend(def.reads()),
                    (None, Atom::Ref(v)) => borrowed.push(*v),
                    (None, Atom::Var(v)) if self.an.kinds[*v].is_scalar() => {}
                    (None, Atom::Const(_)) => {}
                    _ => ok = false,
                }
            }
            let written = crate::ir::assigned_in_all(&body.stmts[k + 1..]);
            if ok && borrowed.iter().all(|v| !written.contains(v)) {
                out.insert(s as *const Stmt as usize);
            }
        }
        out
    }

    pub fn fwd_block(&self, b: &Block) -> TokenStream {
        let mut out = TokenStream::new();
        let outer = self
            .block_rev
            .replace(b.id != 0 && self.an.block_has_rev(b));
        for s in &b.stmts {
            self.cur_block.set(b.id);
            out.extend(self.fwd_stmt(s));
        }
        self.block_rev.set(outer);
        if b.id != 0 && self.an.block_has_rev(b) && self.in_scope.get() != Some(b.id) {
            for &v in self.block_vars.get(&b.id).into_iter().flatten() {
                if self.an.stored(self.func, v) {
                    let (t, i) = (self.var_tape(v), self.v(v));
                    if self.an.reborrow[v] {
                        // A view of an array of the function, or a read of a struct's field:
                        // copied right after its definition (see `fwd_stmt`), before the
                        // array or struct can change. (Recording it here too would push it
                        // twice.)
                    } else if self.is_borrow(v) {
                        // A borrow cannot outlive the block: record the value it points to.
                        // (`to_owned`: a sub-slice `&v[a..]` is recorded as a `Vec`.)
                        out.extend(self.push_to(
                            b.id,
                            &t,
                            quote!(::std::borrow::ToOwned::to_owned(#i)),
                        ));
                    } else {
                        out.extend(self.push_to(b.id, &t, quote!(#i)));
                    }
                }
            }
        }
        out
    }

    pub(super) fn fwd_stmt(&self, s: &Stmt) -> TokenStream {
        let mut out = self.fwd_stmt_alone(s);
        if let Stmt::Let { var, .. } = s
            && self.an.shape_only[*var]
        {
            out.extend(self.record_shape(*var));
        }
        out
    }

    /// The shape of a `let` value the reverse sweep reads only by its shape (see
    /// `Analysis::shape_only`), right after its definition: bound, or pushed when its block
    /// has reverse code and runs its reverse elsewhere.
    fn record_shape(&self, v: VarId) -> TokenStream {
        let i = self.v(v);
        let value = quote!(::ad_runtime::__private::tensor::shape_of_value(&#i));
        let block = self.func.vars[v].block;
        if block != 0 && self.block_rev.get() && self.in_scope.get() != Some(block) {
            let t = self.tape(self.derived("__tapeshape", v));
            self.push_to(block, &t, value)
        } else {
            let sh = self.shape_var(v);
            quote!(let #sh = #value;)
        }
    }

    /// The variable holding the recorded shape of `v` (see [`Gen::record_shape`]).
    pub(super) fn shape_var(&self, v: VarId) -> Ident {
        self.derived("__shapeof", v)
    }

    fn fwd_stmt_alone(&self, s: &Stmt) -> TokenStream {
        match s {
            Stmt::Let { var, op, span } if self.map_by_dual(op) && self.an.work(s) => {
                let Op::Map {
                    method,
                    recv,
                    derivative: Some(lifted),
                    ..
                } = op
                else {
                    unreachable!("checked by map_by_dual")
                };
                // `map(|&v| ..)` takes the element by reference.
                let f = if method == "map" {
                    quote!(map_dual)
                } else {
                    quote!(mapv_dual)
                };
                let i = self.v(*var);
                let vk = &self.func.vars[*var];
                let m =
                    (vk.kind == VarKind::LetMut || self.an.overwritten[*var]).then(|| quote!(mut));
                let dm = self.derived("__dmap", *var);
                let x = self.atom(recv);
                quote_spanned!(*span=>
                    let (#m #i, #dm) = ::ad_runtime::__private::tensor::#f(&#x, #lifted);
                )
            }
            Stmt::Let { var, op, span } => {
                let i = self.v(*var);
                let vk = &self.func.vars[*var];
                let m =
                    (vk.kind == VarKind::LetMut || self.an.overwritten[*var]).then(|| quote!(mut));
                // (An owned copy of a view is an array, whatever the view's annotation says.)
                let ty = vk
                    .ty
                    .as_ref()
                    .filter(|_| !self.an.owned_copy[*var])
                    .map(|t| quote!(: #t));
                let pb = self.pullback_of(s, op);
                let mut rhs = self.fwd_op(op, pb.is_some());
                if let Op::Index { base, index, .. } = op
                    && self.is_hoisted(s)
                {
                    let (b, i) = (self.atom(base), self.atom(index));
                    rhs = unchecked::hoisted_read(&b, &i);
                }
                if self.an.owned_copy[*var] {
                    rhs = quote!(::ad_runtime::__private::owned(#rhs));
                }
                let copy = (self.an.reborrow[*var]
                    && self.block_rev.get()
                    && self.an.stored(self.func, *var))
                .then(|| {
                    let t = self.var_tape(*var);
                    quote!(#t.push(#i.to_owned());)
                });
                let mut out = match pb {
                    Some(pb) => {
                        let ty = vk.ty.as_ref().map(|t| quote!(: (#t, _)));
                        quote_spanned!(*span=> let (#m #i, #pb) #ty = #rhs;)
                    }
                    None => quote!(let #m #i #ty = #rhs; #copy),
                };
                // A local struct whose fields the reverse sweep accumulates into: its
                // tangent type, for the adjoint's declaration (see `body_adjoints`).
                if self.struct_base(*var) {
                    let z = self.derived("__dt", *var);
                    out.extend(quote!(let #z = ::ad_runtime::__private::tangent_token(&#i);));
                    if self.presize_early.borrow().contains(var) {
                        let d = self.adj(*var);
                        out.extend(quote!(let mut #d = #z.zero();));
                    }
                }
                if self.an.adj(*var)
                    && let Some(len) = self.presized_len(*var)
                {
                    // The element type of the buffer's adjoint, for the reverse sweep.
                    let z = self.derived("__dz", *var);
                    out.extend(quote!(let #z = ::ad_runtime::__private::zeros_of(&#i);));
                    if self.presize_early.borrow().contains(var) {
                        let d = self.adj(*var);
                        out.extend(quote!(let mut #d = #z.zeros(#len);));
                    }
                }
                out
            }
            Stmt::Declare { var } => {
                let i = self.v(*var);
                if *var == self.func.ret && self.func.ret_deferred {
                    let ty = self.func.vars[*var]
                        .ty
                        .as_ref()
                        .map(|t| quote!(: ::core::option::Option<#t>));
                    quote!(let mut #i #ty = ::core::option::Option::None;)
                } else if crate::sema::kinds::declared_placeholder(self.func, &self.an.kinds, *var)
                {
                    let ty = self.func.vars[*var].ty.as_ref().map(|t| quote!(: #t));
                    quote!(let mut #i #ty = ::ad_runtime::__private::zero();)
                } else if crate::sema::kinds::declared_default(self.func, &self.an.kinds, *var) {
                    let ty = self.func.vars[*var].ty.as_ref().map(|t| quote!(: #t));
                    quote!(let mut #i #ty = ::core::default::Default::default();)
                } else {
                    quote!(let #i;)
                }
            }
            Stmt::Assign { var, op, .. } => {
                let i = self.v(*var);
                let pb = self.pullback_of(s, op);
                let mut rhs = self.fwd_op(op, pb.is_some());
                // An early `return v;`: `v` stays for the code after it (skipped at run time
                // by the flow flags, but rustc does not know).
                if *var == self.func.ret
                    && self.func.ret_deferred
                    && let Op::Copy(Atom::Var(v)) = op
                    && !self.an.needed[*v]
                    && crate::ir::used_after(&self.func.body, s, *v)
                {
                    let r = self.v(*v);
                    rhs = quote!(::core::clone::Clone::clone(&#r));
                }
                let new = mixed("__new");
                let bind = match &pb {
                    Some(pb) => quote!(let (#new, #pb) = #rhs;),
                    None => quote!(let #new = #rhs;),
                };
                if *var == self.func.ret && self.func.ret_deferred {
                    quote!({ #bind #i = ::core::option::Option::Some(#new); })
                } else if self.saves(s) {
                    let t = self.var_tape(*var);
                    let push = self.push_to(
                        self.cur_block.get(),
                        &t,
                        quote!(::core::mem::replace(&mut #i, #new)),
                    );
                    quote!(#bind #push)
                } else if pb.is_some() {
                    quote!(#bind #i = #new;)
                } else {
                    quote!(#i = #rhs;)
                }
            }
            Stmt::IndexAssign {
                base, index, op, ..
            } => {
                let b = self.v(*base);
                let idx = self.atom(index);
                let pb = self.pullback_of(s, op);
                let rhs = self.fwd_op(op, pb.is_some());
                let new = mixed("__new");
                let bind = match &pb {
                    Some(pb) => quote!(let (#new, #pb) = #rhs;),
                    None => quote!(let #new = #rhs;),
                };
                let place = if self.is_hoisted(s) {
                    unchecked::hoisted_place(&quote!(#b), &idx)
                } else {
                    quote!(#b[#idx])
                };
                if self.saves(s) {
                    let t = self.elem_tape(*base);
                    let push = self.push_to(
                        self.cur_block.get(),
                        &t,
                        quote!(::core::mem::replace(&mut #place, #new)),
                    );
                    quote!(#bind #push)
                } else {
                    quote!(#bind #place = #new;)
                }
            }
            Stmt::Push { base, value, .. } => {
                let (b, v) = (self.v(*base), self.atom(value));
                // A row pushed onto a `Vec<Vec<f64>>` is still read after (the tapes save it):
                // pushed as a copy.
                match value {
                    Atom::Var(x) if !self.an.kinds[*x].is_scalar() => {
                        quote!(#b.push(::core::clone::Clone::clone(&#v));)
                    }
                    _ => quote!(#b.push(#v);),
                }
            }
            Stmt::If {
                id,
                cond,
                then,
                els,
            } => {
                let c = self.atom(cond);
                let (t, e) = (self.fwd_block(then), self.fwd_block(els));
                let record = if self.an.has_rev(s) && !self.cond_in_scope(s) {
                    let tape = self.tape(mixed(&format!("__tape_if{id}")));
                    quote!(#tape.push(#c);)
                } else {
                    quote!()
                };
                let els = if els.stmts.is_empty() {
                    quote!()
                } else {
                    quote!(else { #e })
                };
                quote!(#record if #c { #t } #els)
            }
            Stmt::Loop(l) => self.fwd_loop(l),
            Stmt::Effect { tokens } => tokens.clone(),
            Stmt::SetFlow(c) => {
                let f = self.v(self.func.flow.expect("flow var"));
                quote!(#f = #c;)
            }
        }
    }

    /// Whether `s` is an element access of a loop emitted with its bounds checks hoisted.
    pub(super) fn is_hoisted(&self, s: &Stmt) -> bool {
        self.hoisted.borrow().contains(&(s as *const Stmt as usize))
    }

    pub(super) fn fwd_loop(&self, l: &Loop) -> TokenStream {
        self.fwd_loop_with(l, None, &[])
    }

    /// The forward loop; with `fused`, that code (the reverse of the iteration) runs at the
    /// end of every iteration, before its `break`/`continue` dispatch.
    /// `fused` is generated once per copy of a versioned loop (see `hoist`); `carried` are the
    /// buffers of its neighbour carries.
    pub(super) fn fwd_loop_with(
        &self,
        l: &Loop,
        fused: Option<&dyn Fn(&Self) -> TokenStream>,
        carried: &[VarId],
    ) -> TokenStream {
        let has = self.an.block_has_rev(&l.body);
        let n = mixed(&format!("__iters{}", l.id));
        let (init, count, record) = if has && self.top_level(l.id) {
            // Runs once: the count stays in scope for the reverse sweep, no tape needed
            // (a tape alive across the loop would also cost the loop its optimisations).
            (quote!(let mut #n: usize = 0;), quote!(#n += 1;), quote!())
        } else if has && !crate::reverse::plan::recounted(self.func, l) {
            let tape = self.tape(mixed(&format!("__tape_loop{}", l.id)));
            (
                quote!(let mut #n: usize = 0;),
                quote!(#n += 1;),
                quote!(#tape.push(#n);),
            )
        } else {
            // No reverse, or a range loop whose count the reverse recomputes from its bounds.
            (quote!(), quote!(), quote!())
        };
        let is_fused = fused.is_some();
        // Exact reservations of a range loop's tapes, known before its body is emitted (not
        // in a fused loop, whose tapes never hold more than one iteration).
        let exact = if matches!(l.kind, LoopKind::Range { .. }) && !is_fused {
            self.exact_reservations(&l.body)
        } else {
            Vec::new()
        };
        self.reserved
            .borrow_mut()
            .insert(l.body.id, exact.iter().map(|(t, _)| t.clone()).collect());
        let mut body = self.fwd_block(&l.body);
        body.extend(fused.map(|f| f(self)));
        let flow = self.func.flow.map(|f| self.v(f).clone());
        let exits = crate::codegen::loop_exits(l, flow.as_ref());
        let looped = match &l.kind {
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
                // Tapes pushed a known number of times per iteration get room for the whole
                // loop up front (and their pushes then never grow them); other tapes pushed
                // once per iteration get room for one value per iteration. (Not in a fused
                // loop, whose tapes never hold more than one iteration.)
                let once: Vec<Ident> = self
                    .tapes_pushed_once(&l.body)
                    .into_iter()
                    .filter(|t| !exact.iter().any(|(u, _)| u == t))
                    .collect();
                let reserve = if (once.is_empty() && exact.is_empty()) || is_fused {
                    quote!()
                } else {
                    let len = mixed("__len");
                    let exact = exact.iter().map(|(t, n)| {
                        if *n == 1 {
                            quote!(#t.reserve(#len);)
                        } else {
                            quote!(#t.reserve(#len.saturating_mul(#n));)
                        }
                    });
                    quote! {
                        let #len = ::core::iter::Iterator::size_hint(&(#range)).0;
                        #(#exact)*
                        #(#once.reserve(#len);)*
                    }
                };
                let range = if *rev { quote!((#range).rev()) } else { range };
                match self.hoisted_checks(l, is_fused, carried) {
                    Some((guard, accesses, keys)) => {
                        *self.hoisted.borrow_mut() = accesses;
                        let mut fast = self.fwd_block(&l.body);
                        self.hoisted.borrow_mut().clear();
                        if let Some(f) = fused {
                            let outer = std::mem::replace(&mut *self.proven.borrow_mut(), keys);
                            fast.extend(f(self));
                            *self.proven.borrow_mut() = outer;
                        }
                        let versioned = crate::codegen::versioned(
                            &guard,
                            &quote!(for #i in #range { #count #fast #exits }),
                            &quote!(for #i in #range { #count #body #exits }),
                        );
                        quote!(#reserve #versioned)
                    }
                    None => quote!(#reserve for #i in #range { #count #body #exits }),
                }
            }
            LoopKind::Iter { pat, iter, .. } => quote!(for #pat in #iter { #count #body #exits }),
            LoopKind::While {
                cond_block,
                cond_atom,
            } => {
                let cb = self.fwd_block(cond_block);
                let c = self.atom(cond_atom);
                quote!(loop { #cb if !#c { break; } #count #body #exits })
            }
            LoopKind::Loop => quote!(loop { #count #body #exits }),
        };
        quote!(#init #looped #record)
    }

    // ---- reverse sweep -------------------------------------------------------------------
}

/// The runtime's name for `var_axis`/`std_axis` called as methods (`FastStats`), which the
/// forward sweep calls instead: ndarray's values, bit for bit, with hardware fused
/// multiply-adds.
fn fast_stat(
    name: &syn::Ident,
    form: &crate::ir::MethodForm,
    extra: &crate::ir::MethodExtra,
) -> Option<syn::Ident> {
    let fast = match name.to_string().as_str() {
        "var_axis" => "__ad_var_axis",
        "std_axis" => "__ad_std_axis",
        _ => return None,
    };
    let plain = matches!(form, crate::ir::MethodForm::Method)
        && extra.raw.is_none()
        && extra.turbofish.is_none();
    plain.then(|| syn::Ident::new(fast, name.span()))
}
