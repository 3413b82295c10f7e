//! Lowering method calls and calls, and renaming the variables of expressions kept as
//! written (closures are in `closures`).

use super::desugar::*;
use super::lower::*;
use super::signature::is_sequence_type;
use super::syntax::*;
use crate::ir::*;
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::spanned::Spanned;
use syn::{Expr, Ident, Pat};

impl Lowerer<'_> {
    /// Lowers a method call `recv.name(args)`.
    pub(super) fn lower_method(&mut self, m: &syn::ExprMethodCall) -> Op {
        let name = m.method.to_string();
        // `a.map(|v| e)` of a fixed-size array `a: [f64; N]` (a parameter or a variable of that
        // declared type): the array `[f(a[0]), .., f(a[N - 1])]` of the closure inlined.
        if name == "map"
            && m.args.len() == 1
            && matches!(strip(&m.args[0]), Expr::Closure(_))
            && let Expr::Path(p) = strip(&m.receiver)
            && let Some(v) = p.path.get_ident().and_then(|i| self.lookup(&i.to_string()))
            && let Some(n) = self.vars[v].ty.as_ref().and_then(|t| {
                let t = match t {
                    syn::Type::Reference(r) => &*r.elem,
                    other => other,
                };
                match t {
                    syn::Type::Array(a) => match &a.len {
                        Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Int(i),
                            ..
                        }) => i.base10_parse::<usize>().ok(),
                        _ => None,
                    },
                    _ => None,
                }
            })
        {
            let (recv, closure) = (&m.receiver, &m.args[0]);
            let f = syn::Ident::new("__ad_map_fn", m.span());
            let a = syn::Ident::new("__ad_mapped", m.span());
            let writes = (0..n).map(|k| quote!(#a[#k] = #f(#recv[#k]);));
            let block: Expr = syn::parse_quote_spanned!(m.span()=> {
                let #f = #closure;
                let mut #a = [0.0; #n];
                #(#writes)*
                #a
            });
            return self.lower_op(&block);
        }
        // `self.forward(x)` in a method: the differentiable method `Self::forward(self, x)`,
        // called like any differentiable function; `p.eval(t)` on a parameter `p: &P` of a
        // struct type (a method that is not a float or array method) likewise `P::eval(p, t)`.
        // (On a struct, a method named like a float or array method is the struct's own:
        // `a.dot(b)` of a vector struct is its `dot`, not ndarray's; `clone` stays a clone.)
        if let Expr::Path(p) = strip(&m.receiver)
            && m.turbofish.is_none()
        {
            let recv = &p.path;
            let ty: Option<syn::Type> = if p.path.is_ident("self") {
                Some(syn::parse_quote!(Self))
            } else {
                p.path
                    .get_ident()
                    .and_then(|i| self.lookup(&i.to_string()))
                    .and_then(|v| self.declared_struct(v))
            };
            // A borrowed element of a sequence of structs (`for l in &self.layers {
            // l.forward(h) }`), for a method that is not a float or array method.
            let ty = ty.or_else(|| {
                if crate::sema::rules::known_method(&name) && !self.struct_argument(m) {
                    return None;
                }
                let v = self.lookup(&p.path.get_ident()?.to_string())?;
                let t = self.element_place(v)?;
                syn::parse2(t).ok()
            });
            // A struct made in the body (owned): the method takes it by reference (`&self`,
            // which method-call syntax would borrow; a `self` method is rustc's type error).
            let owned = if ty.is_none() {
                p.path
                    .get_ident()
                    .and_then(|i| self.lookup(&i.to_string()))
                    .and_then(|v| self.struct_made(v))
            } else {
                None
            };
            if let Some(ty) = ty
                && name != "clone"
            {
                // Methods' generated functions take the receiver by reference (also those
                // of `self` methods, see `method::by_ref_twin`): an owned receiver (a struct
                // parameter by value, `self` of a by-value method) is lent.
                let owned_recv = p
                    .path
                    .get_ident()
                    .and_then(|i| self.lookup(&i.to_string()))
                    .and_then(|v| self.vars[v].ty.as_ref())
                    .is_some_and(|t| !matches!(t, syn::Type::Reference(_)));
                let recv = if owned_recv {
                    quote::quote!(&#recv)
                } else {
                    quote::quote!(#recv)
                };
                if let Some(op) = self.method_by_type(m, quote::quote!(#ty), recv) {
                    return op;
                }
            }
            // (A struct made in the body is only guessed from `P::f(..)`: a float or array
            // method name keeps its meaning there.)
            let builtin = crate::sema::rules::method(&name).is_some()
                || crate::sema::rules::tensor_method(&name).is_some();
            // (Also certain when an argument is a struct, `q.dot(p)` with `p: &Pt`: ndarray's
            // and the float methods take no struct.)
            let struct_arg = self.struct_argument(m);
            let certain = struct_arg
                || p.path
                    .get_ident()
                    .and_then(|i| self.lookup(&i.to_string()))
                    .is_some_and(|v| self.struct_certain(v));
            if let Some(ty) = owned.clone()
                && (!builtin || certain)
                && name != "clone"
                && let Some(op) = self.method_by_type(m, quote::quote!(#ty), quote::quote!(&#recv))
            {
                return op;
            }
            // The builtin meaning kept on a guessed struct: where it has no derivative (`len`,
            // `floor`, ...), a struct's own method of that name would silently lose its
            // gradient, so the generated code checks that the receiver is no derived struct
            // (a compile error on the call otherwise; see `__private::NotAStruct`).
            if owned.is_some()
                && !certain
                && matches!(
                    crate::sema::rules::method(&name),
                    Some(crate::sema::rules::MethodRule::Passive)
                        | Some(crate::sema::rules::MethodRule::ZeroGrad { .. })
                )
            {
                self.emit(crate::ir::Stmt::Effect {
                    tokens: not_a_struct_check(recv, &m.method),
                });
            }
        }
        // A method on a struct literal (`V2 { x, y }.norm()`): its type's method, whatever
        // its name.
        if let Expr::Struct(sl) = strip(&m.receiver)
            && sl.rest.is_none()
            && m.turbofish.is_none()
            && m.method != "clone"
        {
            let (ty, recv) = (&sl.path, &m.receiver);
            if let Some(op) = self.method_by_type(m, quote::quote!(#ty), quote::quote!(&#recv)) {
                return op;
            }
        }
        // A method on a field of a struct (`self.inner.m(x)`, `p.layer.forward(x)`, at any
        // depth, or on an element of a sequence field, `self.layers[i].forward(x)`): the field's type, which the attribute cannot see, is named through the
        // derive's `FieldType` impls, `FieldOf::<Self, H>::m(&self.inner, x)`. (A float or
        // array method of a field, `self.w.dot(x)`, keeps its meaning.)
        if (!crate::sema::rules::known_method(&name)
            || (matches!(strip(&m.receiver), Expr::Index(_)) && self.struct_argument(m)))
            && m.turbofish.is_none()
            && let Expr::Field(_) | Expr::Index(_) = strip(&m.receiver)
            && let Some(ty) = self.field_type(&m.receiver)
        {
            let recv = &m.receiver;
            if let Some(op) = self.method_by_type(m, ty, quote::quote!(&#recv)) {
                return op;
            }
        }
        // `xs.iter().sum()` (also `.into_iter()`, `.copied()`, `.cloned()`, with or without
        // `::<f64>`) of a slice, `Vec` or fixed-size array: the runtime's differentiable
        // `iter_sum(&xs)`, called like any differentiable function.
        if name == "sum"
            && m.args.is_empty()
            && let Some(base) = iterated_base(&m.receiver)
        {
            let span = m.span();
            // Of an ndarray array (its declared type shows it, or a view made by ndarray's
            // own methods, `x.slice(s![1..])`, `a.row(i)`): the array's own `sum()`.
            if self.ndarray_expr(base) {
                let sum: Option<syn::ExprMethodCall> =
                    (|| Some(try_parse_at!(span, #base.sum())))();
                if let Some(sum) = sum {
                    return self.lower_op(&Expr::MethodCall(sum));
                }
            }
            let call: Option<syn::ExprCall> =
                (|| Some(try_parse_at!(span, ::ad_runtime::__private::iter_sum(&#base))))();
            let Some(call) = call else {
                self.unsupported(m, "this `.sum()`", "write a `for` loop");
                return Op::Copy(Atom::Const(quote!(())));
            };
            return self.lower_call(&call, &Expr::Call(call.clone()));
        }
        if name == "into_shape" {
            // Its order follows the array's memory layout, which the code does not show.
            self.unsupported(
                &m.method,
                "`into_shape` (deprecated by ndarray; it reads the elements in memory order)",
                "use `into_shape_with_order(shape)` or `to_shape(shape)` (row-major), or pass \
                 the order: `to_shape((shape, Order::ColumnMajor))`",
            );
            return Op::Copy(Atom::Const(quote!(())));
        }
        // `x.to_vec()` / `x.to_owned()` of a slice, `Vec` or array parameter, or of a
        // sub-slice of a parameter or a local (`x[a..b].to_vec()`): the runtime's
        // differentiable `to_vec(&x)` (an owned `Vec` whose cotangent is `x`'s, or those
        // elements').
        // (Also a local whose type shows it: `let ar: [f64; 3] = [..]; ar.to_vec()`.)
        let sequence_param = |e: &Expr| {
            matches!(strip(e), Expr::Path(p) if p.path.get_ident().and_then(|id| self.lookup(&id.to_string())).is_some_and(|v| {
                self.vars[v].ty.as_ref().is_some_and(is_sequence_type)
            }))
        };
        // (A range index is a sequence's, never an ndarray array's: so of a local too.)
        let any_variable = |e: &Expr| matches!(strip(e), Expr::Path(p) if p.path.get_ident().is_some_and(|id| self.lookup(&id.to_string()).is_some()));
        if matches!(name.as_str(), "to_vec" | "to_owned")
            && m.args.is_empty()
            && m.turbofish.is_none()
            && (sequence_param(&m.receiver)
                // (A field, `w.ps.to_vec()`: a `Vec` or array field, a sequence.)
                || matches!(strip(&m.receiver), Expr::Field(f) if matches!(f.member, syn::Member::Named(_)))
                || matches!(strip(&m.receiver), Expr::Index(ix)
                    if matches!(strip(&ix.index), Expr::Range(_)) && any_variable(&ix.expr)))
        {
            let recv = &m.receiver;
            let call: syn::ExprCall = syn::parse_quote_spanned!(m.span()=>
                ::ad_runtime::__private::to_vec(&#recv));
            return self.lower_call(&call, &Expr::Call(call.clone()));
        }
        // Iterator reductions (`xs.iter().map(|v| e).sum()`, `.product()`, `.fold(..)`, over
        // `xs.iter()` or a zip): the loop they stand for (see `reduction_loop`).
        if matches!(name.as_str(), "sum" | "product" | "fold")
            && let Some(block) = reduction_loop(m)
        {
            return self.lower_op(&block);
        }
        // Other iterator chains (`filter`, `enumerate`, `skip`, `chain`, ..., into `sum`,
        // `fold`, `count`, `collect`): their index loops (see `iterchain`).
        if matches!(
            name.as_str(),
            "sum" | "product" | "fold" | "count" | "collect"
        ) && let Some(block) = super::iterchain::reduction(m)
        {
            return self.lower_op(&block);
        }
        let mut extra = MethodExtra::default();
        if let Some(t) = &m.turbofish {
            if crate::sema::rules::tensor_method(&name).is_some() {
                extra.turbofish = Some(t.to_token_stream());
            } else {
                self.unsupported(
                    t,
                    "a method call with turbofish (`::<..>`)",
                    "annotate the variable's type instead",
                );
            }
        }
        // (`self.layers[i].clone()`: an element of a sequence of structs, borrowed to be
        // cloned.)
        let element = if name == "clone" {
            self.lower_struct_element(&m.receiver)
        } else {
            None
        };
        let mut recv = match element {
            Some(a) => a,
            None => self.lower_atom(&m.receiver),
        };
        let on_iterator = matches!(strip(&m.receiver), Expr::MethodCall(r)
            if matches!(r.method.to_string().as_str(),
                "iter" | "into_iter" | "iter_mut" | "zip" | "enumerate" | "rev" | "windows"
                | "chunks" | "chunks_exact" | "copied" | "cloned" | "filter" | "skip" | "take" | "step_by"));
        if matches!(name.as_str(), "mapv" | "mapv_into" | "map")
            && m.args.len() == 1
            && !on_iterator
        {
            return self.lower_map(m, recv);
        }
        let mut arg_exprs: Vec<&Expr> = m.args.iter().collect();
        if name == "fold_axis" && arg_exprs.len() == 3 {
            // `a.fold_axis(axis, init, |&m, &v| m.max(e))`: a max (min) along the axis, of
            // the elements or of `e` mapped over them (`super::desugar::fold_axis_closure`).
            let closure = arg_exprs.pop().unwrap();
            match super::desugar::fold_axis_closure(closure) {
                Some(fold) => {
                    if let Some(map) = fold.map {
                        let call = syn::ExprMethodCall {
                            attrs: Vec::new(),
                            receiver: m.receiver.clone(),
                            dot_token: m.dot_token,
                            method: Ident::new("mapv", closure.span()),
                            turbofish: None,
                            paren_token: m.paren_token,
                            args: std::iter::once(Expr::Closure(map)).collect(),
                        };
                        let op = self.lower_map(&call, recv);
                        recv = self.let_temp(op, closure.span());
                    }
                    let acc = Ident::new("__fold_acc", Span::mixed_site());
                    let elem = Ident::new("__fold_elem", Span::mixed_site());
                    // (Through a generic function: `acc.max(elem)` on an untyped `0.0` init
                    // would be a method call on an ambiguous float, E0689.)
                    extra.raw = Some(if fold.max {
                        quote!(|&#acc, &#elem| ::ad_runtime::__private::fold_max(#acc, #elem))
                    } else {
                        quote!(|&#acc, &#elem| ::ad_runtime::__private::fold_min(#acc, #elem))
                    });
                    extra.rule = Some(if fold.max {
                        "fold_axis_max"
                    } else {
                        "fold_axis_min"
                    });
                }
                None => {
                    self.unsupported(
                        closure,
                        "this `fold_axis` closure",
                        "fold with a maximum or minimum of the accumulator and an expression of \
                         the element (`|&m, &v| m.max(v)`, `|&m, &v| m.min(v * v)`), or use \
                         `sum_axis` / `mean_axis`",
                    );
                    // One error: the method is not reported again as lacking a rule.
                    extra.rule = Some("fold_axis_max");
                }
            }
        }
        // Methods whose closure decides an order or a selection (`idx.sort_by(|a, b|
        // x[*a].total_cmp(&x[*b]))`): its result is discrete, so it may read differentiated
        // values (nothing is differentiated through it); printed where it is written.
        const DISCRETE: &[&str] = &[
            "sort_by",
            "sort_unstable_by",
            "sort_by_key",
            "sort_unstable_by_key",
            "sort_by_cached_key",
            "select_nth_unstable_by",
            "binary_search_by",
            "partition_point",
            "retain",
            "dedup_by",
            "dedup_by_key",
        ];
        let discrete = DISCRETE.contains(&name.as_str());
        // The receiver is read before the arguments (`a.powf({ a = 2.0; a })` reads the old
        // `a`): copied when an argument assigns it.
        if let Atom::Var(v) = recv
            && matches!(self.vars[v].kind, VarKind::LetMut | VarKind::Param)
            && let Some(n) = self.user_name(v)
            && arg_exprs.iter().any(|a| assigns_name(a, &n))
        {
            recv = self.let_temp(Op::Copy(recv), m.receiver.span());
        }
        let args: Vec<Atom> = if discrete {
            arg_exprs
                .iter()
                .map(|a| match strip(a) {
                    Expr::Closure(_) => Atom::Const(self.rename_closure(a).0),
                    _ => self.lower_atom(a),
                })
                .collect()
        } else {
            self.lower_atoms_in_order(&arg_exprs)
        };
        if m.method == "clone" && m.args.is_empty() {
            return Op::CloneOf(recv);
        }
        let recv = self.typed_const(recv);
        let args = args.into_iter().map(|a| self.typed_const(a)).collect();
        // A method may change a mutable receiver unless it is known to only read it.
        // (Not a parameter behind a shared reference, nor a float parameter: a method cannot
        // change those.)
        let unchangeable = |v: VarId| {
            self.vars[v].kind == VarKind::Param
                && self.vars[v].ty.as_ref().is_some_and(|t| match t {
                    syn::Type::Reference(r) => r.mutability.is_none(),
                    syn::Type::Path(p) => p.path.is_ident("f64") || p.path.is_ident("f32"),
                    _ => false,
                })
        };
        extra.mutates = matches!(recv, Atom::Var(v)
            if matches!(self.vars[v].kind, VarKind::LetMut | VarKind::Param | VarKind::Deferred)
                && !unchangeable(v))
            && !crate::sema::rules::reads_only(&name, extra.rule);
        Op::Method {
            name: m.method.clone(),
            form: MethodForm::Method,
            recv,
            args,
            extra,
        }
    }

    pub(super) fn lower_call(&mut self, c: &syn::ExprCall, e: &Expr) -> Op {
        // (Taken before the arguments, whose own calls are not this method call.)
        let method = std::mem::take(&mut self.method_call);
        let Expr::Path(p) = strip(&c.func) else {
            self.unsupported(
                &c.func,
                "calling a computed function value",
                "call a named function",
            );
            return Op::Copy(Atom::Const(quote!(())));
        };
        if p.qself.is_some() {
            self.unsupported(
                &c.func,
                "a qualified call (`<T as Trait>::f`)",
                "call the function by its path",
            );
            return Op::Copy(Atom::Const(quote!(())));
        }
        let path = &p.path;
        // `stop_gradient(e)`: the value of `e`, never differentiated (a passive read).
        if is_stop_gradient(path) && c.args.len() == 1 {
            let a = self.lower_atom(&c.args[0]);
            return Op::Passive(
                quote!(::ad_runtime::stop_gradient),
                vec![a],
                PassiveShape::Call,
            );
        }
        // `Array1::from_vec(v)`, `Array1::from(v)`, `arr1(&v)`: the runtime's differentiable
        // `array_from_vec(&v)` (the array's cotangent is the sequence's).
        if c.args.len() == 1
            && let Some(by_ref) = array_from_vec_form(path)
        {
            let arg = &c.args[0];
            let arg = if by_ref { quote!(#arg) } else { quote!(&#arg) };
            if let Ok(call) = syn::parse2::<syn::ExprCall>(
                quote::quote_spanned!(c.span()=> ::ad_runtime::__private::array_from_vec(#arg)),
            ) {
                return self.lower_call(&call, e);
            }
        }
        // A closure bound by `let`: its body, with the arguments bound to its parameters.
        if let Some(id) = path.get_ident()
            && let Some(v) = self.lookup(&id.to_string())
            && let Some((closure, resolved, snapshots)) = self.closures.get(&v).cloned()
        {
            return self.inline_closure(c, &closure, &resolved, &snapshots);
        }
        if let Some(stack) = concat_kind(c) {
            let axis = self.lower_atom(&c.args[0]);
            let Expr::Reference(r) = strip(&c.args[1]) else {
                unreachable!("checked by concat_kind")
            };
            let Expr::Array(parts) = strip(&r.expr) else {
                unreachable!("checked by concat_kind")
            };
            let parts = parts.elems.iter().map(|x| self.lower_atom(x)).collect();
            return Op::Concat {
                path: path.clone(),
                stack,
                axis,
                parts,
                post: TokenStream::new(),
            };
        }
        let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let arg_list: Vec<&Expr> = c.args.iter().collect();
        let args: Vec<Atom> = self.lower_atoms_in_order(&arg_list);
        // `f64::sin(x)`: the path form of a float method.
        if segs.len() == 2
            && (segs[0] == "f64" || segs[0] == "f32")
            && crate::sema::rules::method(&segs[1]).is_some()
        {
            if args.is_empty() {
                self.unsupported(e, "this call", "pass the receiver as the first argument");
                return Op::Copy(Atom::Const(quote!(())));
            }
            let ty = &path.segments[0].ident;
            let mut args: Vec<Atom> = args.into_iter().map(|a| self.typed_const(a)).collect();
            let recv = args.remove(0);
            return Op::Method {
                name: path.segments[1].ident.clone(),
                form: MethodForm::Path(quote!(#ty)),
                recv,
                args,
                extra: MethodExtra::default(),
            };
        }
        // Paths that start with a type or constructor (`Vec::new`, `Some`, `f64::from`) are
        // plain calls, allowed on constants only.
        // `Self::m(self, ..)` is a method call (`self.m(..)`), not a constructor.
        // (Also `P::m(p, ..)` for `p.m(..)` on a struct parameter.)
        let struct_var = |a: &Expr| match strip(a) {
            Expr::Path(p) => {
                p.path.is_ident("self")
                    || p.path
                        .get_ident()
                        .and_then(|i| self.lookup(&i.to_string()))
                        .is_some_and(|v| {
                            self.vars[v].ty.as_ref().is_some_and(|t| {
                                let t = match t {
                                    syn::Type::Reference(r) => &*r.elem,
                                    other => other,
                                };
                                crate::front::is_struct_type(t)
                            })
                        })
            }
            _ => false,
        };
        // `Self::f(..)` with `f` lower-case: another associated function of the same `impl`
        // (differentiable, like a free function's call).
        let self_assoc = segs.len() == 2
            && segs[0] == "Self"
            && segs[1]
                .chars()
                .next()
                .is_some_and(|ch| ch.is_lowercase() || ch == '_');
        let method_call = self_assoc
            || user_associated_fn(&segs)
            || self.user_type_fn(&segs)
            || (segs.len() == 2 && c.args.first().is_some_and(struct_var));
        // (Also a path that ends in a type or variant, `ndarray::Axis(1)`: functions are
        // lower-case.)
        let typelike = !method_call
            && (segs.first().is_some_and(|s| {
                s.chars().next().is_some_and(|ch| ch.is_uppercase())
                    || s == "f64"
                    || s == "f32"
                    || s == "std"
                    || s == "core"
            }) || segs
                .last()
                .is_some_and(|s| s.chars().next().is_some_and(|ch| ch.is_uppercase()))
                // (`ad_runtime::ndarray::Array2::from_shape_fn`: ndarray's, by any path.)
                || segs.iter().any(|s| s == "ndarray"));
        if self.lookup(&segs[0]).is_some() && segs.len() == 1 {
            self.unsupported(
                &c.func,
                "calling a closure or function stored in a variable",
                "call a named #[differentiable] function",
            );
            return Op::Copy(Atom::Const(quote!(())));
        }
        // A call of itself makes this function's pullback type recursive: boxed. (Calls of
        // other functions under a branch are found after lowering: `lower::boxed_pullback`.)
        if !typelike && calls_itself(&segs, &self.fn_name) {
            self.boxed_pullback = true;
        }
        let pb = self.temp_var(VarKind::Pullback, "pb");
        // A runtime `nn::` pullback captures only its type parameters (`use<F, S, D>`), not
        // the borrow of its argument: a borrow of a local array (`&h`) can be stored with it,
        // and its reverse then reads what its forward call kept (`y (1 - y)` of a sigmoid,
        // a softmax's output) instead of calling the function again. Only a view of a local
        // (whose storage type holds the borrow) keeps recompute mode.
        let nn = path.segments.len() >= 2 && path.segments[path.segments.len() - 2].ident == "nn";
        let recompute = !typelike
            && args.iter().any(|a| match a {
                Atom::Ref(v) if nn => self.is_view_def(*v) || self.borrows_local(&Atom::Var(*v)),
                other => self.borrows_local(other),
            });
        Op::Call {
            func: path.clone(),
            args,
            pullback: pb,
            plain: typelike,
            recompute,
            checkpoint: None,
            method,
        }
    }

    /// `recv.m(args)` as the call `Ty::m(recv, args)` of the method of type `ty`, lowered as a
    /// call written as a method call (see `Op::Call::method`).
    fn method_by_type(
        &mut self,
        m: &syn::ExprMethodCall,
        ty: TokenStream,
        recv: TokenStream,
    ) -> Option<Op> {
        let (method, args) = (&m.method, m.args.iter());
        let call = syn::parse2::<syn::ExprCall>(
            quote::quote_spanned!(m.span()=> #ty::#method(#recv, #(#args),*)),
        )
        .ok()?;
        self.method_call = true;
        let op = self.lower_call(&call, &Expr::Call(call.clone()));
        self.method_call = false;
        Some(op)
    }

    // ---- token renaming (for expressions kept as written) -----------------------------------

    /// Renames references to local variables inside tokens kept verbatim (macro arguments,
    /// iterator expressions), returning the variables read.
    pub(super) fn rename_tokens(&self, tokens: TokenStream) -> (TokenStream, Vec<VarId>) {
        let mut reads = Vec::new();
        let out = self.rename_rec(tokens, &mut reads);
        (out, reads)
    }

    pub(super) fn rename_rec(&self, tokens: TokenStream, reads: &mut Vec<VarId>) -> TokenStream {
        let tts: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out = Vec::with_capacity(tts.len());
        for (i, tt) in tts.iter().enumerate() {
            match tt {
                TokenTree::Group(g) => {
                    let inner = self.rename_rec(g.stream(), reads);
                    let mut ng = proc_macro2::Group::new(g.delimiter(), inner);
                    ng.set_span(g.span());
                    out.push(TokenTree::Group(ng));
                }
                TokenTree::Ident(id) => {
                    let prev_dot = i > 0
                        && matches!(&tts[i - 1], TokenTree::Punct(p) if p.as_char() == '.' || p.as_char() == ':');
                    let next_path = matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':' || p.as_char() == '!');
                    match self.lookup(&id.to_string()) {
                        Some(v) if !prev_dot && !next_path => {
                            reads.push(v);
                            let mut ident = self.vars[v].ident.clone();
                            if ident == *id {
                                ident = id.clone();
                            }
                            out.push(TokenTree::Ident(ident));
                        }
                        _ => out.push(tt.clone()),
                    }
                }
                _ => out.push(tt.clone()),
            }
        }
        out.into_iter().collect()
    }
}

/// The operands of `matches!(e, pattern)` without a guard (with one, `None`: the guard may
/// read anything, and the macro stays opaque).
pub(crate) fn matches_args(mac: &syn::Macro) -> Option<(Expr, Pat)> {
    mac.parse_body_with(|input: syn::parse::ParseStream| {
        let e: Expr = input.parse()?;
        input.parse::<syn::Token![,]>()?;
        let pat = Pat::parse_multi_with_leading_vert(input)?;
        if input.peek(syn::Token![,]) {
            input.parse::<syn::Token![,]>()?;
        }
        if !input.is_empty() {
            return Err(input.error("a guard"));
        }
        Ok((e, pat))
    })
    .ok()
}

/// Whether a call path may name the function being differentiated, `name`: `name` itself or
/// `self::name`, or a path from the crate root or a parent module (`crate::m::name`,
/// `super::name`), which may lead back to it. A path through another module (`other::name`)
/// names another function. (A self-recursive function's pullback is boxed: a false positive
/// costs an allocation per call, a false negative a compile error, never a wrong result.)
pub(crate) fn calls_itself(segs: &[String], name: &str) -> bool {
    match segs {
        [f] => f == name,
        [first, .., f] => {
            f == name && matches!(first.as_str(), "self" | "crate" | "super" | "Self")
        }
        [] => false,
    }
}

pub(crate) fn concat_kind(c: &syn::ExprCall) -> Option<bool> {
    let Expr::Path(p) = strip(&c.func) else {
        return None;
    };
    let last = p.path.segments.last()?.ident.to_string();
    let stack = match last.as_str() {
        "concatenate" => false,
        "stack" => true,
        _ => return None,
    };
    if c.args.len() != 2 {
        return None;
    }
    match strip(&c.args[1]) {
        Expr::Reference(r) if matches!(strip(&r.expr), Expr::Array(_)) => Some(stack),
        _ => None,
    }
}

/// `stop_gradient`, `ad_runtime::stop_gradient` or `::ad_runtime::stop_gradient`.
fn is_stop_gradient(path: &syn::Path) -> bool {
    let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    match segs.as_slice() {
        [f] => f == "stop_gradient",
        [c, f] => c == "ad_runtime" && f == "stop_gradient",
        _ => false,
    }
}

/// `arr1` and `aview1` (`Some(true)`: the argument is a borrow already; a view is read as
/// the array it shows), `Array1::from_vec`, `Array::from_vec`, `Array1::from` (`Some(false)`:
/// an owned `Vec`).
pub(crate) fn array_from_vec_form(path: &syn::Path) -> Option<bool> {
    let n = path.segments.len();
    let last = path.segments.last()?.ident.to_string();
    if (last == "arr1" || last == "aview1") && (n == 1 || path.segments[n - 2].ident == "ndarray") {
        return Some(true);
    }
    let ty = n
        .checked_sub(2)
        .map(|k| path.segments[k].ident.to_string())?;
    (matches!(ty.as_str(), "Array" | "Array1") && matches!(last.as_str(), "from_vec" | "from"))
        .then_some(false)
}

/// `Array2::from_shape_vec(shape, v)` (the call under `.unwrap()` / `.expect(..)`).
pub(crate) fn is_from_shape_vec(c: &syn::ExprCall) -> bool {
    let Expr::Path(p) = strip(&c.func) else {
        return false;
    };
    let n = p.path.segments.len();
    c.args.len() == 2
        && n >= 2
        && p.path.segments[n - 1].ident == "from_shape_vec"
        && p.path.segments[n - 2]
            .ident
            .to_string()
            .starts_with("Array")
}

impl Lowerer<'_> {
    /// Whether `e` is an ndarray array as the code shows it: a variable of a declared array
    /// type, or the result of ndarray's view methods (`slice`, `row`, `column`, `index_axis`,
    /// `slice_move`), or of `view`/`t`/`mapv` on one.
    pub(super) fn ndarray_expr(&self, e: &Expr) -> bool {
        match strip(e) {
            Expr::Path(p) => p
                .path
                .get_ident()
                .and_then(|i| self.lookup(&i.to_string()))
                .is_some_and(|v| {
                    self.vars[v]
                        .ty
                        .as_ref()
                        .is_some_and(|t| super::signature::ndarray_element(t).is_some())
                }),
            Expr::MethodCall(mc) => {
                let m = mc.method.to_string();
                matches!(
                    m.as_str(),
                    "slice" | "row" | "column" | "index_axis" | "slice_move"
                ) || (matches!(m.as_str(), "view" | "t" | "mapv" | "reversed_axes")
                    && self.ndarray_expr(&mc.receiver))
            }
            _ => false,
        }
    }

    /// `P::f` of a struct type `P` the function shows as the user's (see `user_types`),
    /// whatever its name.
    pub(super) fn user_type_fn(&self, segs: &[String]) -> bool {
        matches!(segs, [ty, f] if self.user_types.contains(ty)
            && f.chars().next().is_some_and(|c| c.is_lowercase() || c == '_'))
    }
}

/// `P::blend(x, t)`: an associated function (lower-case) of a type that is not one of the
/// standard library's or ndarray's (whose associated functions, `Vec::with_capacity`,
/// `Array1::zeros`, are constructors taking constants). Differentiated like a free function's
/// call (`P::blend_pullback`); with constant arguments it runs on values.
pub(super) fn user_associated_fn(segs: &[String]) -> bool {
    const EXTERNAL: &[&str] = &[
        "Vec",
        "String",
        "Box",
        "Option",
        "Result",
        "Rc",
        "Arc",
        "Cow",
        "Cell",
        "RefCell",
        "HashMap",
        "HashSet",
        "BTreeMap",
        "BTreeSet",
        "VecDeque",
        "BinaryHeap",
        "Axis",
        "Zip",
        "Dim",
        "IxDyn",
        "Shape",
        "StrideShape",
        "Slice",
        "SliceInfo",
        "Complex",
        "Instant",
        "Duration",
        "Iterator",
        "IntoIterator",
        "Default",
        "From",
        "Into",
        "Clone",
        "Some",
    ];
    let [ty, f] = segs else {
        return false;
    };
    let upper = |s: &str| s.chars().next().is_some_and(|c| c.is_uppercase());
    upper(ty)
        && !upper(f)
        && !EXTERNAL.contains(&ty.as_str())
        && !["Array", "ArcArray", "CowArray", "Ix"]
            .iter()
            .any(|p| ty.starts_with(p))
}

/// `{ .. }` that compiles only if `recv` is not a derived struct: a method-call probe whose
/// inherent method (reached first) exists for derived structs and requires
/// `__private::NotAStruct`, which nothing implements (its `on_unimplemented` message explains),
/// and whose trait method, for every other type, does nothing.
fn not_a_struct_check(recv: &syn::Path, method: &syn::Ident) -> proc_macro2::TokenStream {
    let sp = method.span();
    let mixed = |n: &str| syn::Ident::new(n, proc_macro2::Span::mixed_site());
    let (probe, other, check) = (mixed("__AdProbe"), mixed("__AdOther"), mixed("__ad_check"));
    let pv = quote::quote!(::ad_runtime::__private);
    quote::quote_spanned! {sp=>
        {
            struct #probe<'a, T: ?Sized>(&'a T);
            trait #other { fn #check(&self) {} }
            impl<T: ?Sized> #other for #probe<'_, T> {}
            impl<T: #pv::DerivedStruct> #probe<'_, T> {
                fn #check(&self) where T: #pv::NotAStruct {}
            }
            #probe(&#recv).#check();
        }
    }
}
