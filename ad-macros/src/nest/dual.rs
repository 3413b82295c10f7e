//! The function lifted to dual numbers: the same IR with every float type replaced by
//! `::ad_runtime::Dual<F>` and every float constant made a dual constant, so that the
//! reverse backend, unchanged, prints a reverse sweep whose scalars carry a tangent.
//!
//! What changes, and why each is enough:
//! - types (parameters, result, `let` annotations, casts): `f64` -> `Dual<f64>` anywhere in
//!   the type (`&[f64]`, `Vec<f64>`, `[f64; 3]`), so the kinds, computed again on the lifted
//!   function, are the same;
//! - float literals and paths that name a float constant (`2.0`, `f64::EPSILON`,
//!   `std::f64::consts::PI`) become `::ad_runtime::Dual::cst(..)`, inside opaque constant
//!   expressions too (`vec![0.0; n]`); a constant of another name bound to a float
//!   variable goes through `Dual::from`;
//! - `f64::sin(x)` becomes `x.sin()` (`Dual` has the float methods as inherent methods);
//! - `a.dot(&b)` prints as `DualDot::dot(&a, &b)` (`MethodForm::Function`): a product of
//!   dual matrices is three products of plain ones (ndarray's `dot` on duals is a generic
//!   loop);
//! - casts to a float print as `dual_cast` (see `codegen::primal_common`), calls go to the
//!   callee's `g_hvp_pullback` (see `reverse`'s `pullback_path`), and calls of functions
//!   that are not differentiated (on constants) keep their plain arguments and lift a float
//!   result.

use super::tokens::{
    dual_calls, float_const, is_array_constructor, is_float_path, is_float_type, lift_const_paths,
    lift_literals, lift_tokens, mentions_float_type,
};
use crate::front::Signature;
use crate::ir::*;
use crate::sema::Kind;
use proc_macro2::{Group, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::visit_mut::VisitMut;

/// `sig` and `func` with their floats lifted to duals (`kinds`: the kinds of the original).
pub fn lift(sig: &Signature, func: &Func, kinds: &[Kind]) -> (Signature, Func) {
    let active: Vec<VarId> = sig
        .params
        .iter()
        .filter(|p| p.active)
        .map(|p| p.var)
        .collect();
    let act = crate::sema::activity::activity(func, &active);
    let differentiated = act;
    let mut lifted_sig = lift_signature(sig);
    // A method's receiver: its lifted type is not a receiver type, so the dual pullback is
    // an associated function whose first parameter is `__ad_self`.
    for p in &mut lifted_sig.params {
        if p.ident == "self" {
            p.ident = syn::Ident::new("__ad_self", p.ident.span());
        }
    }
    (lifted_sig, lift_func(func, kinds, &differentiated))
}

/// `sig` with its float types lifted (for a function whose body is not, see `emit_stub`).
pub fn lift_signature(sig: &Signature) -> Signature {
    let params = sig
        .params
        .iter()
        .map(|p| {
            let mut ty = p.ty.clone();
            // A constant parameter keeps its struct types (its fields are read as constants).
            DualTypes { structs: p.active }.visit_type_mut(&mut ty);
            crate::front::Param {
                ident: p.ident.clone(),
                ty,
                mutable: p.mutable,
                active: p.active,
                var: p.var,
            }
        })
        .collect();
    let mut ret_ty = sig.ret_ty.clone();
    DualTypes { structs: true }.visit_type_mut(&mut ret_ty);
    Signature {
        params,
        ret_ty,
        lifetimes: sig.lifetimes.clone(),
        boxed_pullback: sig.boxed_pullback,
    }
}

/// `func` with its floats lifted (`differentiated`: its active variables).
fn lift_func(func: &Func, kinds: &[Kind], differentiated: &[bool]) -> Func {
    let mut f = func.clone();
    for (v, var) in f.vars.iter_mut().enumerate() {
        if let Some(ty) = &mut var.ty {
            DualTypes {
                structs: differentiated[v],
            }
            .visit_type_mut(ty);
        }
        if var.ident == "self" {
            var.ident = syn::Ident::new("__ad_self", var.ident.span());
        }
    }
    let lifter = Lifter {
        func,
        kinds,
        vars: &func.vars,
        differentiated,
    };
    lifter.block(&mut f.body);
    for (v, op) in f.defs.iter_mut() {
        lifter.def(*v, op);
    }
    f.dual = true;
    f
}

/// The body of a `mapv` closure lifted: a function of the element and the captured
/// variables, all of them taken as differentiated.
fn lift_closure(sub: &Func, captures: usize) -> Func {
    let kinds = crate::sema::kinds::infer(sub);
    let params: Vec<VarId> = (0..=captures).collect();
    let act = crate::sema::activity::activity(sub, &params);
    lift_func(sub, &kinds, &act)
}

/// A `mapv` closure's tokens lifted to dual numbers (see `nest::map_derivatives`).
pub fn lift_closure_tokens(closure: &TokenStream) -> TokenStream {
    lift_tokens(closure)
}

/// `f64` -> `::ad_runtime::Dual<f64>` (also `f32`), wherever it appears in a type; with
/// `structs`, a struct type -> its dual twin (`<Mlp as LiftDual>::Out`).
struct DualTypes {
    structs: bool,
}

impl VisitMut for DualTypes {
    fn visit_type_mut(&mut self, ty: &mut syn::Type) {
        if let syn::Type::Path(p) = ty
            && (p.path.is_ident("f64") || p.path.is_ident("f32"))
        {
            let f = p.path.clone();
            *ty = syn::parse_quote!(::ad_runtime::Dual<#f>);
            return;
        }
        // A `#[derive(Differentiable)]` struct (or `Self` in a method): its dual twin.
        if self.structs && crate::front::is_struct_type(ty) {
            let t = ty.clone();
            *ty = syn::parse_quote!(<#t as ::ad_runtime::__private::LiftDual>::Out);
            return;
        }
        syn::visit_mut::visit_type_mut(self, ty);
    }
}

struct Lifter<'a> {
    func: &'a Func,
    kinds: &'a [Kind],
    vars: &'a [Var],
    /// Active in the original function.
    differentiated: &'a [bool],
}

impl Lifter<'_> {
    /// The function's float type, as its variables' types show it: `f32` where only `f32`
    /// appears, else `f64`.
    fn float_type(&self) -> syn::Type {
        let (mut f32s, mut f64s) = (false, false);
        for v in self.vars {
            if let Some(ty) = &v.ty {
                let t = quote!(#ty).to_string();
                f32s |= t.contains("f32");
                f64s |= t.contains("f64");
            }
        }
        if f32s && !f64s {
            syn::parse_quote!(f32)
        } else {
            syn::parse_quote!(f64)
        }
    }

    fn block(&self, b: &mut Block) {
        for s in &mut b.stmts {
            self.stmt(s);
        }
    }

    fn stmt(&self, s: &mut Stmt) {
        match s {
            Stmt::Let { var, op, .. } | Stmt::Assign { var, op, .. } => self.def(*var, op),
            Stmt::IndexAssign { base, op, .. } => {
                let elem = match self.kinds[*base] {
                    Kind::SeqScalar => Kind::Scalar,
                    k => k,
                };
                self.op(op, Some(elem))
            }
            Stmt::Push { value, .. } => lift_atom(value),
            Stmt::If { then, els, .. } => {
                self.block(then);
                self.block(els);
            }
            Stmt::Loop(l) => {
                match &mut l.kind {
                    LoopKind::Iter { iter, .. } => *iter = lift_literals(iter),
                    LoopKind::While { cond_block, .. } => self.block(cond_block),
                    LoopKind::Range { .. } | LoopKind::Loop => {}
                }
                self.block(&mut l.body);
            }
            Stmt::Declare { .. } | Stmt::Effect { .. } | Stmt::SetFlow(_) => {}
        }
    }

    /// Whether `b` is a struct parameter or local left out of differentiation (its fields are
    /// lifted by value where read).
    fn constant_struct(&self, b: VarId) -> bool {
        !self.differentiated[b]
            && self.vars[b]
                .ty
                .as_ref()
                .is_some_and(|t| crate::front::is_struct_type(strip_refs(t)))
    }

    /// Whether `v` is a borrow of a constant struct's field (`let xb = &batch.x;`), which the
    /// lift makes a lifted local copy.
    fn local_copy(&self, v: VarId) -> bool {
        matches!(self.func.defs.get(&v), Some(Op::Member(Atom::Var(b), _, true)) if self.constant_struct(*b))
    }

    /// Lifts the operation that defines or assigns `var`.
    fn def(&self, var: VarId, op: &mut Op) {
        // A value a pattern binds (`Act::Scale(k) => y * k`): lifted by type (`Relift`) when
        // it meets a float in arithmetic, since its kind is not known from the pattern.
        if let Op::Opaque { tokens, what, .. } = op
            && what.starts_with("the value a pattern binds")
            && self.meets_float(var)
        {
            let t = tokens.clone();
            *tokens = quote!(::ad_runtime::__private::Relift::relift(#t));
            return;
        }
        // One passed to a differentiable call (`Mode::Shift { by } => g(u, by)`), whose
        // parameter is lifted if it is a float: lifted if it is one (`LiftProbe`), whatever
        // else it may be (a user's enum has no `Relift`).
        if let Op::Opaque { tokens, what, .. } = op
            && what.starts_with("the value a pattern binds")
            && self.passed_to_call(var)
        {
            let t = tokens.clone();
            *tokens = quote!({
                use ::ad_runtime::__private::{KeepOther as _, LiftFloat as _};
                (&::ad_runtime::__private::LiftProbe(#t)).lift_by_type()
            });
            return;
        }
        if let Op::Call {
            plain: false,
            func,
            args,
            checkpoint: None,
            ..
        } = op
            && (!self.differentiated[var]
                // (On constants only, its value is a constant even where the variable is
                // differentiated later: `let mut s = St::origin(); s.x = a;`.)
                || args
                    .iter()
                    .all(|a| a.var().is_none_or(|v| !self.differentiated[v])))
            && !crate::front::is_runtime_path(func)
            && args.iter().all(|a| {
                a.var().is_none_or(|v| {
                    matches!(self.kinds[v], Kind::Scalar | Kind::SeqScalar | Kind::Other)
                        // (A constant of a type the macro cannot see, the result of a plain
                        // free function's call, `sgn(t(i))`, passed to another: its value is
                        // passed as it is.)
                        || (self.kinds[v] == Kind::Unknown
                            && !self.differentiated[v]
                            && func.get_ident().is_some()
                            && matches!(self.func.defs.get(&v),
                                Some(Op::Call { func: g, method: false, .. }) if g.get_ident().is_some()))
                })
            })
        {
            // Not differentiated, on scalars and slices: the primal on the values of the
            // arguments (the callee need not be differentiable: a constant term such as GMM's),
            // its result lifted. Calls on arrays keep the dual pullback (their arguments could
            // not be passed back as views).
            *op = self.primal_call(func, args);
            return;
        }
        // A float method of constants (`DT.sqrt()`, `C.powi(2)`), or an owned copy of a
        // constant table (`W.to_vec()`, `W.clone()`, `W.to_owned()`): computed on the
        // constants' values, the result lifted by type (a float becomes a dual constant, a
        // `Vec<f64>` a `Vec` of them).
        if let Op::Method {
            name,
            form: MethodForm::Method,
            recv: Atom::Const(c),
            args,
            extra,
        } = op
            && args.iter().all(|a| matches!(a, Atom::Const(_)))
            && extra.raw.is_none()
            && extra.turbofish.is_none()
            && extra.post.is_none()
            && {
                let n = name.to_string();
                let float_method = crate::sema::rules::method(&n).is_some()
                    && !matches!(n.as_str(), "len" | "count");
                let table_copy = args.is_empty()
                    && matches!(n.as_str(), "to_vec" | "to_owned" | "clone")
                    && matches!(self.kinds[var], Kind::SeqScalar | Kind::Unknown);
                float_method || table_copy
            }
        {
            let args: Vec<TokenStream> = args.iter().map(|a| self.print(a)).collect();
            *op = Op::Opaque {
                tokens: quote!(::ad_runtime::__private::Relift::relift((#c).#name(#(#args),*))),
                reads: Vec::new(),
                what: "a method of constants".into(),
                mutates: Vec::new(),
            };
            return;
        }
        // A constant expression of named constants bound to a local that meets floats (`let c
        // = DT * G; c / l`): a float.
        let dest = match op {
            Op::Copy(Atom::Const(_)) | Op::Neg(Atom::Const(_))
                if self.kinds[var] == Kind::Unknown && self.meets_float(var) =>
            {
                Kind::Scalar
            }
            _ => self.kinds[var],
        };
        self.op(op, Some(dest))
    }

    /// Whether `v` is an argument of a differentiable call (one whose callee is lifted).
    fn passed_to_call(&self, v: VarId) -> bool {
        let mut found = false;
        crate::ir::walk(&self.func.body, &mut |s: &Stmt| {
            if let Stmt::Let { op, .. } | Stmt::Assign { op, .. } | Stmt::IndexAssign { op, .. } = s
                && let Op::Call {
                    plain: false,
                    func,
                    args,
                    ..
                } = op
                && !crate::front::is_runtime_path(func)
            {
                found |= args.iter().any(|a| a.var() == Some(v));
            }
        });
        found
    }

    /// Whether `v` is an operand of arithmetic or of a comparison whose other operand is a
    /// float.
    fn meets_float(&self, v: VarId) -> bool {
        self.meets_float_within(v, 4)
    }

    /// [`Self::meets_float`], also through up to `depth` negations and copies (`-k * x`).
    fn meets_float_within(&self, v: VarId, depth: usize) -> bool {
        let mut found = false;
        let mut through = Vec::new();
        let float = |x: &Atom| match x {
            Atom::Var(w) | Atom::Ref(w) => {
                matches!(self.kinds[*w], Kind::Scalar | Kind::Unknown | Kind::Array)
            }
            Atom::Const(c) => float_const(c),
        };
        // Tuples assigned to one variable in several places (the arms of `let (l, r) = match
        // bc { D(a) => (a, x), N => (x, x) }`): `v` at a position where another holds a float.
        // (Each tuple is made in a temporary, then copied to the variable: `__c = __v4;`.)
        let mut tuples: Vec<(VarId, &Vec<Atom>)> = Vec::new();
        let mut copied_to: std::collections::HashMap<VarId, VarId> = Default::default();
        crate::ir::walk(&self.func.body, &mut |s: &Stmt| match s {
            Stmt::Let {
                var,
                op: Op::Tuple(xs),
                ..
            }
            | Stmt::Assign {
                var,
                op: Op::Tuple(xs),
                ..
            } => tuples.push((*var, xs)),
            Stmt::Let {
                var,
                op: Op::Copy(Atom::Var(t)),
                ..
            }
            | Stmt::Assign {
                var,
                op: Op::Copy(Atom::Var(t)),
                ..
            } => {
                copied_to.insert(*t, *var);
            }
            _ => {}
        });
        for (w, _) in &mut tuples {
            for _ in 0..4 {
                match copied_to.get(w) {
                    Some(d) => *w = *d,
                    None => break,
                }
            }
        }
        for (w, xs) in &tuples {
            for (k, x) in xs.iter().enumerate() {
                if x.var() == Some(v)
                    && tuples.iter().any(|(w2, ys)| {
                        w2 == w && ys.get(k).is_some_and(|y| y.var() != Some(v) && float(y))
                    })
                {
                    found = true;
                }
            }
        }
        crate::ir::walk(&self.func.body, &mut |s: &Stmt| {
            let op = match s {
                Stmt::Let { op, .. } | Stmt::Assign { op, .. } | Stmt::IndexAssign { op, .. } => op,
                _ => return,
            };
            if let Stmt::Let { var: w, .. } | Stmt::Assign { var: w, .. } = s
                && let Op::Neg(Atom::Var(a)) | Op::Copy(Atom::Var(a)) = op
                && *a == v
                && *w != v
            {
                through.push(*w);
            }
            // Arithmetic, and comparisons (`Some(c) if c > 0.0`: the literal is lifted).
            let pair = match op {
                Op::Arith(_, a, b) => Some((a, b)),
                Op::Passive(_, xs, crate::ir::PassiveShape::Infix) if xs.len() == 2 => {
                    Some((&xs[0], &xs[1]))
                }
                _ => None,
            };
            if let Some((a, b)) = pair {
                found |= (a.var() == Some(v) && float(b)) || (b.var() == Some(v) && float(a));
            }
        });
        found
            || (depth > 0
                && through
                    .iter()
                    .any(|w| self.meets_float_within(*w, depth - 1)))
    }

    /// Lifts `op`, whose result goes to a value of kind `dest` (when known).
    fn op(&self, op: &mut Op, dest: Option<Kind>) {
        let scalar_dest = dest == Some(Kind::Scalar);
        // An element of a constant table (`const C: [f64; 2]`, a `static`, `C[i]`): its value
        // lifted by type (a float becomes a dual constant, an integer stays one), as the
        // element of a constant buffer would be.
        if let Op::Index {
            base: Atom::Const(c),
            index,
            by_ref: false,
        } = op
        {
            let i = self.print(index);
            let reads = index.var().into_iter().collect();
            *op = Op::Opaque {
                tokens: quote!(::ad_runtime::__private::Relift::relift((#c)[#i])),
                reads,
                what: "an element of a constant".into(),
                mutates: Vec::new(),
            };
            return;
        }
        // A named constant copied whole (`let c: [f64; 2] = C;`): lifted by type likewise.
        if let Op::Copy(Atom::Const(c)) = op
            && matches!(syn::parse2::<syn::Expr>(c.clone()), Ok(syn::Expr::Path(p))
            if p.path.get_ident().is_some_and(|i| {
                let i = i.to_string();
                i.chars().any(|ch| ch.is_uppercase())
                    && i.chars().all(|ch| ch.is_uppercase() || ch.is_ascii_digit() || ch == '_')
            }))
        {
            *c = quote!(::ad_runtime::__private::Relift::relift(#c));
            return;
        }
        // A field of a constant struct (not lifted): its value, lifted by type (a local copy,
        // also where the body borrows it, `g(&batch.x)`: a call is then given a borrow of the
        // copy, see `Lifter::local_copy`).
        if let Op::Member(Atom::Var(b), path, _) = op
            && self.constant_struct(*b)
        {
            let base = &self.vars[*b].ident;
            let base = if base == "self" {
                quote!(__ad_self)
            } else {
                quote!(#base)
            };
            *op = Op::Opaque {
                tokens: quote!(::ad_runtime::__private::Relift::relift(::core::clone::Clone::clone(&#base.#(#path).*))),
                reads: vec![*b],
                what: "a field of a constant struct".to_string(),
                mutates: Vec::new(),
            };
            return;
        }
        // A pattern test of a float (`match x { 0.0 => .., ..=1.0 => .. }`): on its value (a
        // pattern's literals are plain floats).
        if let Op::Passive(t, xs, crate::ir::PassiveShape::Matches) = op
            && let [Atom::Var(v)] = &xs[..]
            // (Or of unseen type, `match p.x { ..=0.0 => .. }` of a field, when the pattern
            // has a float literal: then it is a float.)
            && (self.kinds[*v] == Kind::Scalar || float_const(t))
        {
            let test = quote!((|__ad_v| match ::ad_runtime::__private::undual(__ad_v) {
                #t => true,
                _ => false,
            }));
            *op = Op::Passive(test, xs.clone(), crate::ir::PassiveShape::Call);
            return;
        }
        // A comparison of a constant with a float literal (`k.abs() < 2.0` with `k` bound by a
        // pattern of a user's enum): the constant's type is not known here (a float, or a
        // dual when it was lifted), so both sides are lifted by type.
        if let Op::Passive(t, xs, crate::ir::PassiveShape::Infix) = op
            && xs.len() == 2
            && let [Atom::Var(v), Atom::Const(c)] | [Atom::Const(c), Atom::Var(v)] = &xs[..]
            && !self.differentiated[*v]
            && (float_const(c)
                // (Or a named constant, `FRAC_PI_4 < i as f64`, a float or an integer.)
                || matches!(syn::parse2::<syn::Expr>(c.clone()), Ok(syn::Expr::Path(p))
                    if p.path.segments.last().is_some_and(|s| {
                        let i = s.ident.to_string();
                        i.chars().any(|ch| ch.is_uppercase())
                            && i.chars().all(|ch| ch.is_uppercase() || ch.is_ascii_digit() || ch == '_')
                    })))
        {
            // (The literal stays a literal: a dual compares with a float of its own type,
            // which rustc infers from it; lifted, an unsuffixed literal would default to
            // `f64` against a `Dual<f32>`.)
            let lift = |a: &Atom| {
                let p = self.print(a);
                match a {
                    Atom::Const(_) => p,
                    _ => quote!(::ad_runtime::__private::Relift::relift(#p)),
                }
            };
            let (l, r) = (lift(&xs[0]), lift(&xs[1]));
            // The literal on the left (`1.5 > i as f64`): written on the right, the comparison
            // flipped (a dual compares with a float on its right only).
            let flipped = match t.to_string().replace(' ', "").as_str() {
                "<" => Some(quote!(>)),
                ">" => Some(quote!(<)),
                "<=" => Some(quote!(>=)),
                ">=" => Some(quote!(<=)),
                "==" => Some(quote!(==)),
                "!=" => Some(quote!(!=)),
                _ => None,
            };
            let tokens = match (&xs[0], flipped) {
                (Atom::Const(_), Some(f)) => quote!(#r #f #l),
                _ => quote!(#l #t #r),
            };
            *op = Op::Opaque {
                tokens,
                reads: vec![*v],
                what: "a comparison".to_string(),
                mutates: Vec::new(),
            };
            return;
        }
        match op {
            // Not differentiated, called on constants: plain arguments, a lifted float result.
            // An ndarray constructor (`Array1::<f64>::zeros(n)`, `Array::from_elem(s, 0.5)`):
            // its element type and float arguments lifted, so it makes an array of duals.
            Op::Call {
                func,
                args,
                plain: true,
                ..
            } if is_array_constructor(func) => {
                DualTypes { structs: true }.visit_path_mut(func);
                args.iter_mut().for_each(lift_atom);
                // `from_shape_fn(sh, |(i, j)| ..)` of constants: the closure's floats lifted
                // as they are made (`Relift`: a float becomes a dual constant).
                for a in args.iter_mut() {
                    if let Atom::Const(c) = a
                        && matches!(c.clone().into_iter().next(), Some(TokenTree::Punct(p)) if p.as_char() == '|')
                    {
                        *c = quote!({
                            let __ad_elem = #c;
                            move |__ad_at| ::ad_runtime::__private::Relift::relift(__ad_elem(__ad_at))
                        });
                    }
                }
            }
            Op::Call {
                func,
                args,
                plain: true,
                ..
            } => {
                if scalar_dest {
                    let reads: Vec<VarId> = args.iter().filter_map(Atom::var).collect();
                    let args: Vec<TokenStream> = args.iter().map(|a| self.print(a)).collect();
                    *op = Op::Opaque {
                        tokens: quote!(::ad_runtime::Dual::from(#func(#(#args),*))),
                        reads,
                        what: "a call".into(),
                        mutates: Vec::new(),
                    };
                }
            }
            Op::Copy(a) | Op::Neg(a) if scalar_dest => {
                if let Atom::Const(c) = a {
                    if float_const(c) {
                        lift_atom(a);
                    } else if matches!(
                        syn::parse2::<syn::Expr>(c.clone()),
                        Ok(syn::Expr::Path(_)
                            | syn::Expr::Binary(_)
                            | syn::Expr::Paren(_)
                            | syn::Expr::Unary(_))
                    ) {
                        // A named constant (`SCALE`), or an expression of them (`DT * G`): a
                        // float bound to a float variable.
                        *a = Atom::Const(quote!(::ad_runtime::Dual::from(#c)));
                    }
                }
            }
            Op::Opaque { tokens, .. } => {
                let lifted = lift_literals(tokens);
                // A float made without a literal (`f64::from(n)`) is lifted as a whole;
                // literals are lifted in place, and anything else is left to inference
                // (`Default::default()`).
                *tokens = if scalar_dest && mentions_float_type(tokens) {
                    quote!(::ad_runtime::Dual::from(#lifted))
                } else {
                    // Float constants by path inside (`vec![f64::INFINITY; n]`) too.
                    lift_const_paths(&lifted)
                };
            }
            Op::Map {
                closure,
                sub,
                captures,
                derivative,
                ..
            } => {
                // Differentiable functions the closure calls (`a.mapv(sq)`): their dual
                // version's value, `sq_hvp_pullback::<M>(v).0`.
                let mut called = std::collections::HashSet::new();
                crate::ir::walk(&sub.body, &mut |st: &Stmt| {
                    if let Stmt::Let {
                        op:
                            Op::Call {
                                func,
                                plain: false,
                                checkpoint: None,
                                ..
                            },
                        ..
                    } = st
                        && let Some(last) = func.segments.last()
                    {
                        called.insert(last.ident.to_string());
                    }
                });
                *closure = dual_calls(&lift_tokens(closure), &called);
                **sub = lift_closure(sub, captures.len());
                // Already on dual numbers: the closure's reverse as usual.
                *derivative = None;
            }
            Op::Cast { ty, .. } if is_float_type(ty) => {
                DualTypes { structs: true }.visit_type_mut(ty)
            }
            // `k as _` into a float (the kinds say so): a dual of the function's float type.
            Op::Cast { ty, .. } if matches!(ty, syn::Type::Infer(_)) && scalar_dest => {
                let f = self.float_type();
                *ty = syn::parse_quote!(::ad_runtime::Dual<#f>);
            }
            // To an integer: from the value of a dual.
            Op::Cast { lifted, .. } => *lifted = true,
            Op::Method {
                form, name, args, ..
            } => {
                if let MethodForm::Path(ty) = form
                    && is_float_path(ty)
                {
                    *form = MethodForm::Method;
                }
                // `a.dot(&b)` on dual arrays: ndarray would multiply duals with its generic
                // loop; `DualDot` makes a matrix product three products of plain matrices.
                if name == "dot" && args.len() == 1 && matches!(form, MethodForm::Method) {
                    *form = MethodForm::Function(quote!(::ad_runtime::__private::tensor::DualDot));
                }
                // A closure deciding an order or a selection (`KN.partition_point(|&q| q <= x)`,
                // kept as written): its result is discrete, so a dual number it reads is read
                // by value (a constant table's float meets it there).
                for a in args.iter_mut() {
                    if let Atom::Const(c) = a
                        && matches!(c.clone().into_iter().next(), Some(TokenTree::Punct(p)) if p.as_char() == '|')
                    {
                        *c = self.undual_captures(c);
                    }
                }
                for a in op_atoms(op) {
                    if !matches!(a, Atom::Const(c) if matches!(c.clone().into_iter().next(), Some(TokenTree::Punct(p)) if p.as_char() == '|'))
                    {
                        lift_atom(a);
                    }
                }
            }
            // A struct literal builds the struct's dual twin (same fields, `__AdDual<Name>`).
            Op::StructLit(path, fs) => {
                if let Some(last) = path.segments.last_mut() {
                    last.ident = quote::format_ident!("__AdDual{}", last.ident);
                }
                for (_, a) in fs.iter_mut() {
                    lift_atom(a);
                }
            }
            // A named constant (`DT`), or an expression of them (`DT * G`), next to a float
            // in arithmetic is a float: lifted.
            Op::Arith(_, a, b) => {
                // (A value of unknown kind, such as an element of a struct's `Vec` field,
                // is a float or an array of floats: lifted too.)
                let scalar = |x: &Atom| match x {
                    Atom::Var(v) | Atom::Ref(v) => {
                        matches!(self.kinds[*v], Kind::Scalar | Kind::Unknown | Kind::Array)
                    }
                    Atom::Const(c) => float_const(c),
                };
                // (An expression of constants, `DT * G`, `-G`, `DT.sqrt()`, only next to a
                // float: next to an array it could be an array itself.)
                let float = |x: &Atom| match x {
                    Atom::Var(v) | Atom::Ref(v) => self.kinds[*v] == Kind::Scalar,
                    Atom::Const(c) => float_const(c),
                };
                let (sa, sb) = (scalar(a), scalar(b));
                let (fa, fb) = (float(a), float(b));
                for (x, other_scalar, other_float) in [(a, sb, fb), (b, sa, fa)] {
                    if let Atom::Const(c) = x
                        && other_scalar
                        && !float_const(c)
                        && match syn::parse2::<syn::Expr>(c.clone()) {
                            Ok(syn::Expr::Path(_)) => true,
                            Ok(
                                syn::Expr::Binary(_)
                                | syn::Expr::Paren(_)
                                | syn::Expr::Unary(_)
                                | syn::Expr::MethodCall(_),
                            ) => other_float,
                            _ => false,
                        }
                    {
                        *x = Atom::Const(quote!(::ad_runtime::Dual::from(#c)));
                    } else {
                        lift_atom(x);
                    }
                }
            }
            // A differentiable call: float literals lifted, and named constants (`DT`) lifted
            // by type (a float becomes a dual, as the callee's lifted parameter is; an integer
            // stays one).
            Op::Call {
                plain: false,
                func,
                args,
                checkpoint,
                recompute,
                ..
            } if !crate::front::is_runtime_path(func) => {
                // A borrowed field of a constant struct is a lifted local copy: passed as a
                // borrow of it, which the call's pullback cannot outlive (recompute mode: the
                // reverse sweep calls again with a borrow of the copy it keeps).
                for a in args.iter_mut() {
                    if let Atom::Var(v) = a
                        && self.local_copy(*v)
                    {
                        *a = Atom::Ref(*v);
                        *recompute = true;
                    }
                }
                // A checkpointed step's arguments that read the counter are kept as written
                // (on plain numbers), their value lifted by type; the range's bounds follow
                // `g`'s arguments.
                let n_args = checkpoint.as_ref().map_or(args.len(), |ck| ck.n_args);
                let counter = checkpoint.as_ref().map(|ck| ck.pat.to_string());
                for a in args[..n_args].iter_mut() {
                    let reads_counter = |c: &TokenStream| {
                        counter
                            .as_ref()
                            .is_some_and(|n| crate::front::mentions_ident(c, n))
                    };
                    if let Atom::Const(c) = a
                        && reads_counter(c)
                    {
                        if Some(c.to_string()) != counter {
                            *a = Atom::Const(quote!(::ad_runtime::__private::Relift::relift(#c)));
                        }
                    } else if let Atom::Const(c) = a
                        && !float_const(c)
                        && matches!(syn::parse2::<syn::Expr>(c.clone()), Ok(syn::Expr::Path(p))
                        if p.path.get_ident().is_some_and(|i| {
                            let i = i.to_string();
                            i.chars().all(|ch| ch.is_uppercase() || ch.is_ascii_digit() || ch == '_')
                        }))
                    {
                        *a = Atom::Const(quote!(::ad_runtime::__private::Relift::relift(#c)));
                    } else {
                        lift_atom(a);
                    }
                }
            }
            _ => {
                for a in op_atoms(op) {
                    lift_atom(a);
                }
            }
        }
    }

    /// `closure` with each differentiated float it captures read by value
    /// (`undual(x)`); its own parameters and `let`s excepted.
    fn undual_captures(&self, closure: &TokenStream) -> TokenStream {
        let Ok(c) = syn::parse2::<syn::ExprClosure>(closure.clone()) else {
            return closure.clone();
        };
        fn idents(ts: TokenStream, out: &mut Vec<String>) {
            for t in ts {
                match t {
                    TokenTree::Ident(i) => out.push(i.to_string()),
                    TokenTree::Group(g) => idents(g.stream(), out),
                    _ => {}
                }
            }
        }
        let mut bound = Vec::new();
        idents(c.inputs.to_token_stream(), &mut bound);
        let names: std::collections::HashSet<String> = (0..self.vars.len())
            .filter(|&v| self.differentiated[v] && self.kinds[v] == Kind::Scalar)
            .map(|v| self.vars[v].ident.to_string())
            .filter(|n| !bound.contains(n))
            .collect();
        fn walk(ts: TokenStream, names: &std::collections::HashSet<String>) -> TokenStream {
            let tts: Vec<TokenTree> = ts.into_iter().collect();
            let mut out = TokenStream::new();
            for (k, tt) in tts.iter().enumerate() {
                match tt {
                    TokenTree::Ident(i)
                        if names.contains(&i.to_string())
                            && !matches!(k.checked_sub(1).map(|j| &tts[j]), Some(TokenTree::Punct(p)) if p.as_char() == '.') =>
                    {
                        out.extend(quote!((::ad_runtime::__private::undual(#i))));
                    }
                    TokenTree::Group(g) => {
                        let mut n = Group::new(g.delimiter(), walk(g.stream(), names));
                        n.set_span(g.span());
                        out.extend(std::iter::once(TokenTree::Group(n)));
                    }
                    other => out.extend(std::iter::once(other.clone())),
                }
            }
            out
        }
        walk(closure.clone(), &names)
    }

    /// A call that is not differentiated, as an opaque constant: the primal called on the
    /// values of the arguments (`undual_ref`), the result lifted back (`Relift`).
    fn primal_call(&self, func: &syn::Path, args: &[Atom]) -> Op {
        let rt = quote!(::ad_runtime::__private);
        let printed: Vec<TokenStream> = args
            .iter()
            .map(|a| match a {
                Atom::Var(v) | Atom::Ref(v) if self.kinds[*v] != Kind::Other => {
                    let i = &self.vars[*v].ident;
                    if matches!(a, Atom::Ref(_)) || self.borrows(*v) {
                        quote!(&#rt::undual_ref(&#i))
                    } else {
                        quote!(#rt::undual_ref(&#i))
                    }
                }
                _ => self.print(a),
            })
            .collect();
        let call = quote!(#func(#(#printed),*));
        let tokens = quote!(#rt::Relift::relift(#call));
        Op::Opaque {
            tokens,
            reads: args.iter().filter_map(Atom::var).collect(),
            what: "a call".into(),
            mutates: Vec::new(),
        }
    }

    /// Whether `v` holds a borrow (a reference parameter or a copy of one, or a borrowed
    /// sub-slice `&x[a..b]`).
    fn borrows(&self, v: VarId) -> bool {
        self.func.holds_ref(v) || self.func.borrow_def(&Atom::Var(v)).is_some()
    }

    fn print(&self, a: &Atom) -> TokenStream {
        match a {
            Atom::Var(v) => self.vars[*v].ident.to_token_stream(),
            Atom::Ref(v) => {
                let i = &self.vars[*v].ident;
                quote!(&#i)
            }
            Atom::Const(c) => c.clone(),
        }
    }
}

/// The operands of `op` that may be float constants.
fn op_atoms(op: &mut Op) -> Vec<&mut Atom> {
    match op {
        Op::Copy(a) | Op::Deref(a) | Op::CloneOf(a) | Op::Neg(a) => vec![a],
        Op::Arith(_, a, b) => vec![a, b],
        Op::Passive(_, xs, _) | Op::Tuple(xs) => xs.iter_mut().collect(),
        Op::StructLit(_, fs) => fs.iter_mut().map(|(_, a)| a).collect(),
        Op::Method { recv, args, .. } => std::iter::once(recv).chain(args.iter_mut()).collect(),
        Op::Call { args, .. } => args.iter_mut().collect(),
        _ => Vec::new(),
    }
}

fn lift_atom(a: &mut Atom) {
    // (Not a closure: `Array2::from_shape_fn(sh, |(i, j)| (i + j) as f64)` of constants
    // keeps its closure; one that makes floats of differentiated values is no constant.)
    if let Atom::Const(c) = a
        && float_const(c)
        && !matches!(c.clone().into_iter().next(), Some(TokenTree::Punct(p)) if p.as_char() == '|')
        && !matches!(c.clone().into_iter().next(), Some(TokenTree::Ident(i)) if i == "move")
    {
        // A borrowed constant (`x.partial_cmp(&0.5)`): a borrowed dual constant.
        let mut tts = c.clone().into_iter();
        *a = match tts.next() {
            Some(TokenTree::Punct(p)) if p.as_char() == '&' => {
                let rest: TokenStream = tts.collect();
                Atom::Const(quote!(&::ad_runtime::Dual::cst(#rest)))
            }
            _ => Atom::Const(quote!(::ad_runtime::Dual::cst(#c))),
        };
    }
}

/// `ty` without its references.
fn strip_refs(ty: &syn::Type) -> &syn::Type {
    match ty {
        syn::Type::Reference(r) => strip_refs(&r.elem),
        syn::Type::Paren(p) => strip_refs(&p.elem),
        other => other,
    }
}
