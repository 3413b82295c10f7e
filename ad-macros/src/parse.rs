//! Parsing: `syn::ItemFn` + attribute arguments -> [`Func`] (the IR) and [`Signature`].
//!
//! The body is flattened to A-normal form in evaluation order: every intermediate value gets
//! a name, so each IR statement is one primitive operation. Names follow the user's where
//! possible (the first binding of `x` stays `x`); shadowing bindings and temporaries get
//! fresh names with mixed-site hygiene, so they cannot collide with user identifiers.
//!
//! Early exits are lowered here: `return e` stores `e` in the return slot and sets a flow
//! flag; `break`/`continue` set the flag with a code naming their loop; the statements after
//! one that may exit are wrapped in `if flow == 0 { .. }`. Every block therefore runs to its
//! end, which keeps the reverse sweep a plain mirror of `if` and loops.

use crate::ctxt::Ctxt;
use crate::ir::*;
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use std::collections::{BTreeSet, HashMap};
use syn::spanned::Spanned;
use syn::{Expr, Ident, Pat, Type};

/// `syn::parse_quote!` for syntax built from the user's: `None` (the caller then reports the
/// construct as unsupported) where `parse_quote!` would panic.
macro_rules! try_parse {
    ($($t:tt)*) => {
        syn::parse2(quote::quote!($($t)*)).ok()?
    };
}

/// [`try_parse!`] for a pattern (`Pat::parse_single`).
macro_rules! try_parse_pat {
    ($($t:tt)*) => {
        syn::parse::Parser::parse2(syn::Pat::parse_single, quote::quote!($($t)*)).ok()?
    };
}

/// [`try_parse!`] with every token at `span` (`quote_spanned!`).
macro_rules! try_parse_at {
    ($span:expr, $($t:tt)*) => {
        syn::parse2(quote::quote_spanned!($span=> $($t)*)).ok()?
    };
}

/// Attribute arguments: `#[differentiable]`, `#[differentiable(wrt(a, b))]`, and `checked`
/// (`#[differentiable(checked)]`, `#[differentiable(wrt(a), checked)]`).
#[derive(Default)]
pub struct Args {
    pub wrt: Option<Vec<Ident>>,
    /// Keep the bounds checks of the reverse sweep's adjoint accesses, so that the generated
    /// code contains no `unsafe` (for crates with `#![forbid(unsafe_code)]`).
    pub checked: bool,
}

impl Args {
    pub fn parse(tokens: TokenStream) -> syn::Result<Args> {
        let mut args = Args::default();
        let parser = syn::meta::parser(|meta| {
            if meta.path.is_ident("wrt") {
                if args.wrt.is_some() {
                    return Err(meta.error("duplicate `wrt(...)`"));
                }
                let content;
                syn::parenthesized!(content in meta.input);
                let names = content.parse_terminated(Ident::parse_any_ident, syn::Token![,])?;
                if names.is_empty() {
                    return Err(meta.error("`wrt()` needs at least one parameter name"));
                }
                args.wrt = Some(names.into_iter().collect());
                Ok(())
            } else if meta.path.is_ident("checked") {
                if args.checked {
                    return Err(meta.error("duplicate `checked`"));
                }
                args.checked = true;
                Ok(())
            } else {
                let name = meta.path.to_token_stream().to_string().replace(' ', "");
                Err(meta.error(format!(
                    "unknown argument `{name}`; expected `wrt(param, ...)` or `checked`"
                )))
            }
        });
        syn::parse::Parser::parse2(parser, tokens)?;
        Ok(args)
    }
}

trait ParseAnyIdent {
    fn parse_any_ident(input: syn::parse::ParseStream) -> syn::Result<Ident>;
}
impl ParseAnyIdent for Ident {
    fn parse_any_ident(input: syn::parse::ParseStream) -> syn::Result<Ident> {
        input.parse()
    }
}

/// One parameter of the user's function.
pub struct Param {
    pub ident: Ident,
    pub ty: Type,
    pub mutable: bool,
    /// Differentiated (float-valued and selected by `wrt`).
    pub active: bool,
    pub var: VarId,
}

/// The signature facts the emitter needs.
pub struct Signature {
    pub params: Vec<Param>,
    pub ret_ty: Type,
    /// Lifetime parameters the user declared (kept on the generated functions).
    pub lifetimes: Vec<syn::LifetimeParam>,
    /// Whether the body calls the function itself (its pullback must then be boxed).
    pub self_recursive: bool,
}

/// Is this type never differentiated (integers, `bool`, `char`, strings, and references,
/// slices, arrays and `Vec`s of those)?
pub fn is_constant_type(ty: &Type) -> bool {
    match ty {
        Type::Reference(r) => is_constant_type(&r.elem),
        Type::Slice(s) => is_constant_type(&s.elem),
        Type::Array(a) => is_constant_type(&a.elem),
        Type::Paren(p) => is_constant_type(&p.elem),
        Type::Group(g) => is_constant_type(&g.elem),
        Type::Tuple(t) => !t.elems.is_empty() && t.elems.iter().all(is_constant_type),
        Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match name.as_str() {
                "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64"
                | "u128" | "usize" | "bool" | "char" | "str" | "String" => true,
                "Vec" => match &last.arguments {
                    syn::PathArguments::AngleBracketed(a) => a.args.iter().all(
                        |arg| matches!(arg, syn::GenericArgument::Type(t) if is_constant_type(t)),
                    ),
                    _ => false,
                },
                _ => false,
            }
        }
        _ => false,
    }
}

/// Checks the signature and records parameters as the first variables of the IR.
pub fn signature(
    cx: &Ctxt,
    item: &syn::ItemFn,
    args: &Args,
    vars: &mut Vec<Var>,
) -> Option<Signature> {
    let sig = &item.sig;
    let before = cx.has_errors();
    if let Some(t) = &sig.asyncness {
        cx.error_spanned_by(t, "`async fn` cannot be #[differentiable]; differentiate a synchronous function and call it from async code");
    }
    if let Some(t) = &sig.constness {
        cx.error_spanned_by(t, "`const fn` cannot be #[differentiable]; remove `const`");
    }
    if let Some(t) = &sig.unsafety {
        cx.error_spanned_by(t, "`unsafe fn` cannot be #[differentiable]; wrap the unsafe operations in a safe function and differentiate that");
    }
    if let Some(abi) = &sig.abi {
        cx.error_spanned_by(abi, "`extern` functions cannot be #[differentiable]; differentiate a plain Rust function and call it from the extern wrapper");
    }
    if let Some(v) = &sig.variadic {
        cx.error_spanned_by(v, "variadic functions cannot be #[differentiable]");
    }
    let mut lifetimes = Vec::new();
    for gp in &sig.generics.params {
        match gp {
            syn::GenericParam::Lifetime(l) => lifetimes.push(l.clone()),
            syn::GenericParam::Type(t) => cx.error_spanned_by(t, format!(
                "generic type parameter `{}` is not supported by #[differentiable] yet; write the function for concrete types (f64, f32, &[f64], ...)",
                t.ident
            )),
            syn::GenericParam::Const(c) => cx.error_spanned_by(c, format!(
                "const generic parameter `{}` is not supported by #[differentiable] yet; pass the value as a `usize` parameter",
                c.ident
            )),
        }
    }
    if let Some(w) = &sig.generics.where_clause {
        cx.error_spanned_by(
            w,
            "`where` clauses are not supported by #[differentiable] yet; write the function for concrete types",
        );
    }
    let ret_ty = match &sig.output {
        syn::ReturnType::Default => {
            cx.error_spanned_by(&sig.ident, "a #[differentiable] function must return a value: add a return type such as `-> f64` (f64, f32, Vec<f64> or a tuple of those)");
            None
        }
        syn::ReturnType::Type(_, ty) => {
            if !contains_reference(ty) && !is_output_type(ty) {
                cx.error_spanned_by(ty, format!(
                    "#[differentiable] cannot differentiate a result of type `{}`; return f64, f32, Vec<f64>, Vec<f32>, an ndarray array (Array1<f64>, Array2<f64>, ...) or a tuple of those",
                    ty.to_token_stream().to_string().replace(' ', "")
                ));
            }
            if contains_reference(ty) {
                cx.error_spanned_by(
                    ty,
                    "#[differentiable] functions cannot return references; return an owned value",
                );
            }
            Some((**ty).clone())
        }
    };

    let mut params = Vec::new();
    for input in &sig.inputs {
        match input {
            syn::FnArg::Receiver(r) => cx.error_spanned_by(r, "methods (`self` parameters) are not supported by #[differentiable] yet; write a free function taking the value as a parameter"),
            syn::FnArg::Typed(pt) => {
                let (ident, mutable) = match &*pt.pat {
                    Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                        (pi.ident.clone(), pi.mutability.is_some())
                    }
                    other => {
                        cx.error_spanned_by(other, "only simple parameter names are supported by #[differentiable] (`x: f64`), not patterns");
                        continue;
                    }
                };
                if let Type::Reference(r) = &*pt.ty
                    && r.mutability.is_some() {
                        cx.error_spanned_by(&pt.ty, "`&mut` parameters are not supported by #[differentiable]; take the value (or `&`) and return the result");
                        continue;
                    }
                let active = !is_constant_type(&pt.ty);
                let var = vars.len();
                vars.push(Var { ident: ident.clone(), block: 0, kind: VarKind::Param, ty: Some((*pt.ty).clone()) });
                params.push(Param { ident, ty: (*pt.ty).clone(), mutable, active, var });
            }
        }
    }
    if let Some(wrt) = &args.wrt {
        let mut seen = BTreeSet::new();
        for name in wrt {
            if !seen.insert(name.to_string()) {
                cx.error_spanned_by(name, format!("`{name}` is listed twice in `wrt(...)`"));
            }
            match params.iter().find(|p| p.ident == *name) {
                None => {
                    let names: Vec<String> = params.iter().map(|p| format!("`{}`", p.ident)).collect();
                    cx.error_spanned_by(name, format!(
                        "`wrt` names `{name}`, which is not a parameter of this function; expected one of: {}",
                        names.join(", ")
                    ));
                }
                Some(p) if !p.active => cx.error_spanned_by(name, format!(
                    "`{name}` has type `{}`, which cannot be differentiated (integers, bool and their collections are constants); remove it from `wrt(...)`",
                    p.ty.to_token_stream().to_string().replace(' ', "")
                )),
                Some(_) => {}
            }
        }
        for p in &mut params {
            p.active = p.active && wrt.contains(&p.ident);
        }
    }
    for p in params.iter().filter(|p| p.active) {
        let nested = sequence_element(&p.ty)
            .filter(|e| sequence_element(e).is_some() || matches!(e, Type::Tuple(_)));
        if let Some(inner) = nested {
            cx.error_spanned_by(&p.ty, format!(
                "#[differentiable] cannot differentiate `{}`, a sequence of `{}`; pass a flat `&[f64]` (element `[i][j]` at `[i * n + j]`) or an ndarray array (`&Array2<f64>`), or leave the parameter out of `wrt(...)` to make it a constant",
                p.ty.to_token_stream().to_string().replace(' ', ""),
                inner.to_token_stream().to_string().replace(' ', ""),
            ));
        }
    }
    if !params.iter().any(|p| p.active) && !cx.has_errors() {
        cx.error_spanned_by(&sig.inputs, "no parameter to differentiate: #[differentiable] needs at least one float-valued parameter (f64, f32, &[f64], Vec<f64>, arrays)");
    }
    if cx.has_errors() && !before {
        return None;
    }
    Some(Signature {
        params,
        ret_ty: ret_ty?,
        lifetimes,
        self_recursive: false,
    })
}

/// Result types with cotangents: floats, `Vec`s of floats, arrays, tuples of those.
fn is_output_type(ty: &Type) -> bool {
    match ty {
        Type::Paren(p) => is_output_type(&p.elem),
        Type::Group(g) => is_output_type(&g.elem),
        Type::Tuple(t) => !t.elems.is_empty() && t.elems.iter().all(is_output_type),
        Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match name.as_str() {
                "f64" | "f32" => true,
                "Vec" => match &last.arguments {
                    syn::PathArguments::AngleBracketed(a) => a.args.iter().all(
                        |arg| matches!(arg, syn::GenericArgument::Type(t) if is_output_type(t)),
                    ),
                    _ => false,
                },
                n => n.starts_with("Array"),
            }
        }
        _ => false,
    }
}

fn contains_reference(ty: &Type) -> bool {
    struct V(bool);
    impl<'a> syn::visit::Visit<'a> for V {
        fn visit_type_reference(&mut self, _: &'a syn::TypeReference) {
            self.0 = true;
        }
    }
    let mut v = V(false);
    syn::visit::Visit::visit_type(&mut v, ty);
    v.0
}

/// Does the body contain `return` (outside closures)?
fn has_return(block: &syn::Block) -> bool {
    struct V(bool);
    impl<'a> syn::visit::Visit<'a> for V {
        fn visit_expr_return(&mut self, _: &'a syn::ExprReturn) {
            self.0 = true;
        }
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut v = V(false);
    syn::visit::Visit::visit_block(&mut v, block);
    v.0
}

/// What a lowered statement list does with its tail expression.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    /// Produce its value as an atom.
    Value,
    /// Store it in the return slot.
    Ret,
    /// Discard it (statement position).
    Unit,
}

const RET_CODE: u32 = 1;

struct LoopFrame {
    label: Option<String>,
    break_code: u32,
    continue_code: u32,
}

pub struct Lowerer<'a> {
    cx: &'a Ctxt,
    fn_name: String,
    pub vars: Vec<Var>,
    scopes: Vec<HashMap<String, VarId>>,
    name_uses: HashMap<String, usize>,
    stack: Vec<(BlockId, Vec<Stmt>)>,
    n_blocks: usize,
    n_temps: usize,
    n_ifs: usize,
    n_loops: usize,
    next_code: u32,
    loops: Vec<LoopFrame>,
    flow: Option<VarId>,
    ret: VarId,
    pub self_recursive: bool,
    /// Defining operation of each `let`-bound variable (to trace borrows).
    defs: HashMap<VarId, Op>,
    /// Per open block: element reads `x[i]` already bound to a temporary, keyed by base and
    /// index (`None` for a constant index, with its tokens). Reading the same element again
    /// reuses the temporary, so the reverse sweep adds into `x̄[i]` once, not once per read.
    reads: Vec<HashMap<(VarId, Option<VarId>), (String, VarId)>>,
}

/// Lowers the body of `item` to the IR. Parameters must already be in `vars`.
pub fn lower(cx: &Ctxt, item: &syn::ItemFn, vars: Vec<Var>) -> (Func, bool) {
    let mut scope = HashMap::new();
    let mut name_uses = HashMap::new();
    for (i, v) in vars.iter().enumerate() {
        scope.insert(v.ident.to_string(), i);
        name_uses.insert(v.ident.to_string(), 1);
    }
    let ret_deferred = has_return(&item.block);
    let mut lw = Lowerer {
        cx,
        fn_name: item.sig.ident.to_string(),
        vars,
        scopes: vec![scope],
        name_uses,
        stack: vec![(0, Vec::new())],
        n_blocks: 1,
        n_temps: 0,
        n_ifs: 0,
        n_loops: 0,
        next_code: RET_CODE + 1,
        loops: Vec::new(),
        flow: None,
        ret: 0,
        self_recursive: false,
        defs: HashMap::new(),
        reads: vec![HashMap::new()],
    };
    let ret = lw.temp_var(VarKind::Deferred, "ret");
    lw.ret = ret;
    let ret_ty = match &item.sig.output {
        syn::ReturnType::Type(_, t) => Some((**t).clone()),
        syn::ReturnType::Default => None,
    };
    lw.vars[ret].ty = ret_ty;
    let stmts = &item.block.stmts;
    if ret_deferred {
        lw.emit(Stmt::Declare { var: ret });
        lw.lower_stmts(stmts, Want::Ret);
    } else {
        let atom = lw.lower_stmts(stmts, Want::Value);
        if let Some(atom) = atom {
            lw.vars[ret].kind = VarKind::Let;
            lw.emit(Stmt::Let {
                var: ret,
                op: Op::Copy(atom),
                span: item.block.span(),
            });
        } else {
            lw.vars[ret].kind = VarKind::Let;
            lw.emit(Stmt::Let {
                var: ret,
                op: Op::Copy(Atom::Const(quote!(()))),
                span: item.block.span(),
            });
        }
    }
    let (_, body) = lw.stack.pop().unwrap();
    let func = Func {
        vars: lw.vars,
        body: Block { id: 0, stmts: body },
        ret,
        ret_deferred,
        flow: lw.flow,
        defs: std::mem::take(&mut lw.defs),
        checked: false,
    };
    (func, lw.self_recursive)
}

impl<'a> Lowerer<'a> {
    // ---- variables and scopes ------------------------------------------------------------

    fn current_block(&self) -> BlockId {
        self.stack.last().unwrap().0
    }

    fn temp_var(&mut self, kind: VarKind, hint: &str) -> VarId {
        self.n_temps += 1;
        let ident = Ident::new(&format!("__{hint}{}", self.n_temps), Span::mixed_site());
        self.vars.push(Var {
            ident,
            block: self.current_block(),
            kind,
            ty: None,
        });
        self.vars.len() - 1
    }

    fn declare_user(&mut self, ident: &Ident, kind: VarKind, ty: Option<Type>) -> VarId {
        // `r#match` is counted as `match` and renamed `match__1` (a raw prefix cannot be
        // glued to a suffix).
        let name = syn::ext::IdentExt::unraw(ident).to_string();
        let uses = self.name_uses.entry(name.clone()).or_insert(0);
        *uses += 1;
        let emitted = if *uses == 1 {
            ident.clone()
        } else {
            Ident::new(
                &format!("{name}__{}", *uses - 1),
                Span::mixed_site().located_at(ident.span()),
            )
        };
        self.vars.push(Var {
            ident: emitted,
            block: self.current_block(),
            kind,
            ty,
        });
        let id = self.vars.len() - 1;
        self.scopes.last_mut().unwrap().insert(name, id);
        id
    }

    fn lookup(&self, name: &str) -> Option<VarId> {
        self.scopes.iter().rev().find_map(|s| s.get(name).copied())
    }

    /// Whether `a` is (or holds) a borrow of a local of this function (rather than of data
    /// behind a reference parameter).
    fn borrows_local(&self, a: &Atom) -> bool {
        match a {
            Atom::Ref(_) => true,
            Atom::Const(_) => false,
            Atom::Var(v) => match self.defs.get(v) {
                Some(Op::SliceRef { base, .. })
                | Some(Op::Index {
                    base, by_ref: true, ..
                }) => match base {
                    Atom::Var(b) if self.is_ref_param(*b) => false,
                    other => other.var().is_some() && self.borrows_local_base(other),
                },
                Some(Op::Copy(inner)) => self.borrows_local(inner),
                // A view (`x.view()`, `x.row(i)`, `x.t()`, ...) of a local array.
                Some(Op::Method { name, recv, .. })
                    if matches!(
                        name.to_string().as_str(),
                        "view"
                            | "t"
                            | "row"
                            | "column"
                            | "index_axis"
                            | "slice"
                            | "to_shape"
                            | "reversed_axes"
                            | "insert_axis"
                    ) =>
                {
                    match recv {
                        Atom::Var(b) if self.is_ref_param(*b) => false,
                        Atom::Var(b) => match self.defs.get(b) {
                            Some(Op::Method { .. }) => {
                                self.borrows_local(&Atom::Var(*b)) || !self.is_view_def(*b)
                            }
                            _ => true,
                        },
                        Atom::Ref(_) => true,
                        Atom::Const(_) => false,
                    }
                }
                _ => false,
            },
        }
    }

    /// Whether `v` is defined by a view-taking method (so it holds a borrow of its receiver).
    fn is_view_def(&self, v: VarId) -> bool {
        matches!(self.defs.get(&v), Some(Op::Method { name, .. }) if matches!(
            name.to_string().as_str(),
            "view" | "t" | "row" | "column" | "index_axis" | "slice" | "to_shape" | "reversed_axes"
                | "insert_axis"
        ))
    }

    fn borrows_local_base(&self, base: &Atom) -> bool {
        match base {
            Atom::Var(b) => match self.defs.get(b) {
                Some(Op::SliceRef { .. })
                | Some(Op::Index { by_ref: true, .. })
                | Some(Op::Copy(_)) => self.borrows_local(base),
                _ => true,
            },
            Atom::Ref(_) => true,
            Atom::Const(_) => false,
        }
    }

    fn is_ref_param(&self, v: VarId) -> bool {
        self.vars[v].kind == VarKind::Param && matches!(self.vars[v].ty, Some(Type::Reference(_)))
    }

    fn emit(&mut self, s: Stmt) {
        if let Stmt::Let { var, op, .. } = &s {
            self.defs.insert(*var, op.clone());
        }
        // Keep the reuse table of element reads valid. The table survives only statements
        // known to change nothing but what they name (`changed_by`); any other statement
        // (a nested block, a macro, an opaque expression, an operation added later) empties it.
        let table = self.reads.last_mut().unwrap();
        match changed_by(&s) {
            Some(changed) => table.retain(|(b, i), _| {
                !changed.contains(b) && !i.is_some_and(|i| changed.contains(&i))
            }),
            None => table.clear(),
        }
        self.stack.last_mut().unwrap().1.push(s);
    }

    fn stmt_count(&self) -> usize {
        self.stack.last().unwrap().1.len()
    }

    /// Lowers into a new IR block (a new Rust scope in the generated code).
    fn in_block(&mut self, f: impl FnOnce(&mut Self)) -> Block {
        let id = self.n_blocks;
        self.n_blocks += 1;
        self.stack.push((id, Vec::new()));
        self.scopes.push(HashMap::new());
        self.reads.push(HashMap::new());
        f(self);
        self.reads.pop();
        self.scopes.pop();
        let (id2, stmts) = self.stack.pop().unwrap();
        debug_assert_eq!(id, id2);
        Block { id, stmts }
    }

    fn flow_var(&mut self) -> VarId {
        if let Some(f) = self.flow {
            return f;
        }
        let ident = Ident::new("__flow", Span::mixed_site());
        self.vars.push(Var {
            ident,
            block: 0,
            kind: VarKind::Flow,
            ty: None,
        });
        let id = self.vars.len() - 1;
        self.flow = Some(id);
        id
    }

    /// `a op b`; float literal operands of `*`, `/`, `%` are bound to temporaries first (see
    /// [`Self::typed_const`]).
    fn arith(&mut self, a: Arith, l: Atom, r: Atom) -> Op {
        if let (Atom::Const(x), Atom::Const(y)) = (&l, &r) {
            // A constant expression stays one constant (typed where it is used).
            let op = match a {
                Arith::Add => quote!(+),
                Arith::Sub => quote!(-),
                Arith::Mul => quote!(*),
                Arith::Div => quote!(/),
                Arith::Rem => quote!(%),
            };
            return Op::Copy(Atom::Const(quote!((#x #op #y))));
        }
        if matches!(a, Arith::Add | Arith::Sub) {
            return Op::Arith(a, l, r);
        }
        let l = self.typed_const(l);
        let r = self.typed_const(r);
        Op::Arith(a, l, r)
    }

    /// Binds an unsuffixed float literal to a temporary. A rule that reads the operand then
    /// gets a value whose type rustc inferred from the primal expression (`f32` in
    /// `x * 3.0` with `x: f32`); the bare literal passed to a generic rule would default to
    /// `f64`.
    fn typed_const(&mut self, a: Atom) -> Atom {
        let Atom::Const(tokens) = &a else { return a };
        fn has_float_lit(e: &Expr) -> bool {
            match e {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Float(f),
                    ..
                }) => f.suffix().is_empty(),
                Expr::Unary(u) => has_float_lit(&u.expr),
                Expr::Binary(b) => has_float_lit(&b.left) || has_float_lit(&b.right),
                Expr::Paren(p) => has_float_lit(&p.expr),
                Expr::Group(g) => has_float_lit(&g.expr),
                _ => false,
            }
        }
        let float = match syn::parse2::<Expr>(tokens.clone()) {
            Ok(e) => has_float_lit(&e),
            Err(_) => false,
        };
        if !float {
            return a;
        }
        let span = tokens
            .clone()
            .into_iter()
            .next()
            .map(|t| t.span())
            .unwrap_or_else(Span::call_site);
        // Defined once at the top of the function: in scope for the whole reverse sweep, so it
        // is never re-created in a context that would type it differently.
        let v = self.temp_var(VarKind::Let, "v");
        self.vars[v].block = 0;
        let stmt = Stmt::Let {
            var: v,
            op: Op::Copy(a),
            span,
        };
        if let Stmt::Let { var, op, .. } = &stmt {
            self.defs.insert(*var, op.clone());
        }
        self.stack[0].1.push(stmt);
        Atom::Var(v)
    }

    fn let_temp(&mut self, op: Op, span: Span) -> Atom {
        let v = self.temp_var(VarKind::Let, "v");
        self.emit(Stmt::Let { var: v, op, span });
        Atom::Var(v)
    }

    fn unsupported(&self, e: &dyn ToTokens, what: &str, instead: &str) {
        self.cx.error_spanned_by(
            e,
            format!("{what} is not supported by #[differentiable]; {instead}"),
        );
    }

    // ---- statements ----------------------------------------------------------------------

    /// Lowers a statement list into the current block. After a statement that may exit
    /// early, the rest goes into `if flow == 0 { .. }`.
    fn lower_stmts(&mut self, stmts: &[syn::Stmt], want: Want) -> Option<Atom> {
        for (i, s) in stmts.iter().enumerate() {
            let last = i + 1 == stmts.len();
            let mark = self.stmt_count();
            if last && let syn::Stmt::Expr(e, None) = s {
                return self.lower_tail(e, want);
            }
            self.lower_stmt(s);
            if last {
                break;
            }
            let escapes = {
                let stmts = &self.stack.last().unwrap().1[mark..];
                let mut codes = BTreeSet::new();
                escape_codes(stmts, &mut codes);
                !codes.is_empty()
            };
            if escapes {
                if want == Want::Value {
                    let at = first_exit(s).unwrap_or_else(|| s.span());
                    self.cx.error_at(at, "an early `return`, `break` or `continue` inside a block whose value is used is not supported by #[differentiable]; move the exit to statement level");
                    return None;
                }
                let flow = self.flow_var();
                let span = s.span();
                let cond = self.let_temp(
                    Op::Passive(
                        quote!(==),
                        vec![Atom::Var(flow), Atom::Const(quote!(0u32))],
                        PassiveShape::Infix,
                    ),
                    span,
                );
                let rest = &stmts[i + 1..];
                let then = self.in_block(|lw| {
                    lw.lower_stmts(rest, want);
                });
                self.n_ifs += 1;
                let id = self.n_ifs;
                self.emit(Stmt::If {
                    id,
                    cond,
                    then,
                    els: Block {
                        id: usize::MAX,
                        stmts: vec![],
                    },
                });
                return None;
            }
        }
        if want == Want::Value {
            // A block without a tail: `()`, or, when its last statement always leaves
            // (`{ ..; return y; }`), a placeholder of the right type that nothing reads.
            let diverges = matches!(stmts.last(), Some(syn::Stmt::Expr(e, _)) if matches!(strip(e), Expr::Return(_) | Expr::Break(_) | Expr::Continue(_)));
            if diverges {
                return Some(Atom::Const(quote!(::core::default::Default::default())));
            }
            return Some(Atom::Const(quote!(())));
        }
        None
    }

    fn lower_tail(&mut self, e: &Expr, want: Want) -> Option<Atom> {
        match want {
            Want::Value => Some(self.lower_atom(e)),
            Want::Ret if matches!(strip(e), Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_)) => {
                // A loop left only by `return`.
                self.lower_expr_stmt(e);
                None
            }
            Want::Ret => {
                let mark = self.stmt_count();
                let op = Op::Copy(self.lower_atom(e));
                let escapes = {
                    let mut codes = BTreeSet::new();
                    escape_codes(&self.stack.last().unwrap().1[mark..], &mut codes);
                    !codes.is_empty()
                };
                let assign = Stmt::Assign {
                    var: self.ret,
                    op,
                    span: e.span(),
                    init: true,
                };
                if escapes {
                    // A branch of the tail returned already: only the others store the value.
                    let flow = self.flow_var();
                    let cond = self.let_temp(
                        Op::Passive(
                            quote!(==),
                            vec![Atom::Var(flow), Atom::Const(quote!(0u32))],
                            PassiveShape::Infix,
                        ),
                        e.span(),
                    );
                    let then = self.in_block(|lw| lw.emit(assign));
                    self.n_ifs += 1;
                    let id = self.n_ifs;
                    self.emit(Stmt::If {
                        id,
                        cond,
                        then,
                        els: Block {
                            id: usize::MAX,
                            stmts: vec![],
                        },
                    });
                } else {
                    self.emit(assign);
                }
                None
            }
            Want::Unit => {
                self.lower_expr_stmt(e);
                None
            }
        }
    }

    fn lower_stmt(&mut self, s: &syn::Stmt) {
        match s {
            syn::Stmt::Local(local) => self.lower_local(local),
            syn::Stmt::Item(item) => self.unsupported(
                item,
                "an item inside a function body",
                "move it outside the function",
            ),
            syn::Stmt::Expr(e, _) => self.lower_expr_stmt(e),
            syn::Stmt::Macro(m) => self.lower_macro_stmt(&m.mac),
        }
    }

    fn lower_local(&mut self, local: &syn::Local) {
        let Some(init) = &local.init else {
            self.cx.error_spanned_by(local, "`let` without a value is not supported by #[differentiable]; initialise the variable where it is declared (use an `if` expression for conditional values)");
            // Declare it anyway, so later uses do not produce follow-on errors.
            if let Pat::Ident(pi) = &local.pat {
                self.declare_user(&pi.ident, VarKind::LetMut, None);
            }
            return;
        };
        if let Some((_, diverge)) = &init.diverge {
            self.unsupported(
                diverge,
                "`let ... else`",
                "use `match` or `if let` outside the differentiated code",
            );
            return;
        }
        let (pat, ty) = match &local.pat {
            Pat::Type(pt) => (&*pt.pat, Some((*pt.ty).clone())),
            p => (p, None),
        };
        match pat {
            Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                let op = self.lower_op(&init.expr);
                let kind = if pi.mutability.is_some() {
                    VarKind::LetMut
                } else {
                    VarKind::Let
                };
                let var = self.declare_user(&pi.ident, kind, ty);
                self.emit(Stmt::Let {
                    var,
                    op,
                    span: init.expr.span(),
                });
            }
            Pat::Tuple(t)
                if ty.is_none()
                    && matches!(strip(&init.expr), Expr::Tuple(e) if e.elems.len() == t.elems.len()) =>
            {
                // `let (a, n) = (x * 2.0, 3usize)`: bind element by element, so each name
                // keeps its own activity (all elements are evaluated first, as in Rust).
                let Expr::Tuple(e) = strip(&init.expr) else {
                    unreachable!()
                };
                let atoms: Vec<Atom> = e.elems.iter().map(|x| self.lower_atom(x)).collect();
                for (p, a) in t.elems.iter().zip(atoms) {
                    self.bind_pattern(p, a);
                }
            }
            Pat::Tuple(_) | Pat::Wild(_) => {
                let atom = self.lower_atom(&init.expr);
                let atom = match (ty, &atom) {
                    (Some(ty), _) => {
                        let v = self.temp_var(VarKind::Let, "v");
                        self.vars[v].ty = Some(ty);
                        self.emit(Stmt::Let {
                            var: v,
                            op: Op::Copy(atom),
                            span: init.expr.span(),
                        });
                        Atom::Var(v)
                    }
                    _ => atom,
                };
                self.bind_pattern(pat, atom);
            }
            other => self.unsupported(
                other,
                "this `let` pattern",
                "bind a name (`let x = ..`) or a tuple of names (`let (a, b) = ..`)",
            ),
        }
    }

    /// Binds a (possibly nested tuple) pattern to the value `atom`.
    fn bind_pattern(&mut self, pat: &Pat, atom: Atom) {
        match pat {
            Pat::Wild(_) => {}
            Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                let kind = if pi.mutability.is_some() {
                    VarKind::LetMut
                } else {
                    VarKind::Let
                };
                let var = self.declare_user(&pi.ident, kind, None);
                self.emit(Stmt::Let {
                    var,
                    op: Op::Copy(atom),
                    span: pi.span(),
                });
            }
            Pat::Tuple(t) => {
                let base = match atom {
                    Atom::Var(_) => atom,
                    other => self.let_temp(Op::Copy(other), t.span()),
                };
                for (k, p) in t.elems.iter().enumerate() {
                    if matches!(p, Pat::Wild(_)) {
                        continue;
                    }
                    if matches!(p, Pat::Rest(_)) {
                        self.unsupported(p, "`..` in a tuple pattern", "name every element");
                        return;
                    }
                    let field = Op::Field(
                        base.clone(),
                        syn::Index {
                            index: k as u32,
                            span: p.span(),
                        },
                    );
                    match p {
                        Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                            let kind = if pi.mutability.is_some() {
                                VarKind::LetMut
                            } else {
                                VarKind::Let
                            };
                            let var = self.declare_user(&pi.ident, kind, None);
                            self.emit(Stmt::Let {
                                var,
                                op: field,
                                span: pi.span(),
                            });
                        }
                        _ => {
                            let inner = self.let_temp(field, p.span());
                            self.bind_pattern(p, inner);
                        }
                    }
                }
            }
            other => self.unsupported(other, "this pattern", "bind a name or a tuple of names"),
        }
    }

    /// A macro in statement position. Printing and assertion macros only read, so they are
    /// kept in the forward sweep; any other macro that mentions a local variable could
    /// assign it behind the transformation's back, so it is rejected.
    fn lower_macro_stmt(&mut self, mac: &syn::Macro) {
        let (tokens, reads) = self.rename_tokens(mac.to_token_stream());
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        const READ_ONLY: &[&str] = &[
            "print",
            "println",
            "eprint",
            "eprintln",
            "assert",
            "assert_eq",
            "assert_ne",
            "debug_assert",
            "debug_assert_eq",
            "debug_assert_ne",
            "dbg",
            "format",
            "unreachable",
            "panic",
            "todo",
            "unimplemented",
        ];
        if !READ_ONLY.contains(&name.as_str()) && !reads.is_empty() {
            self.cx.error_spanned_by(
                &mac.path,
                format!(
                    "the macro `{name}!` uses local variables, and #[differentiable] cannot see what it does with them; write its expansion out by hand (printing and assertion macros are fine)"
                ),
            );
            return;
        }
        self.emit(Stmt::Effect {
            tokens: quote!(#tokens;),
        });
    }

    fn lower_expr_stmt(&mut self, e: &Expr) {
        match e {
            Expr::Assign(a) => self.lower_assign(&a.left, &a.right, None, e),
            Expr::Binary(b) => {
                let arith = match b.op {
                    syn::BinOp::AddAssign(_) => Some(Arith::Add),
                    syn::BinOp::SubAssign(_) => Some(Arith::Sub),
                    syn::BinOp::MulAssign(_) => Some(Arith::Mul),
                    syn::BinOp::DivAssign(_) => Some(Arith::Div),
                    syn::BinOp::RemAssign(_) => Some(Arith::Rem),
                    _ => None,
                };
                match arith {
                    Some(op) => self.lower_assign(&b.left, &b.right, Some(op), e),
                    None if is_compound_assign(&b.op) => {
                        self.unsupported(&b.op, "this compound assignment", "write `x = x op y`")
                    }
                    None => {
                        self.lower_atom(e);
                    }
                }
            }
            Expr::If(i) => self.lower_if(i, None),
            Expr::Match(m) => self.lower_match(m, None),
            Expr::ForLoop(f) => self.lower_for(f),
            Expr::While(w) => self.lower_while(w),
            Expr::Loop(l) => self.lower_loop(l),
            Expr::Return(r) => {
                if let Some(v) = &r.expr {
                    // Through a temporary: rules that read the result, and callee pullbacks,
                    // then refer to a plain value, not to the `Option` return slot.
                    let value = self.lower_atom(v);
                    self.emit(Stmt::Assign {
                        var: self.ret,
                        op: Op::Copy(value),
                        span: r.span(),
                        init: true,
                    });
                }
                self.flow_var();
                self.emit(Stmt::SetFlow(RET_CODE));
            }
            Expr::Break(b) => {
                if let Some(v) = &b.expr {
                    self.unsupported(
                        v,
                        "`break` with a value",
                        "assign the value to a variable declared before the loop, then `break`",
                    );
                    return;
                }
                if let Some(code) = self.loop_target(b.label.as_ref(), e, true) {
                    self.flow_var();
                    self.emit(Stmt::SetFlow(code));
                }
            }
            Expr::Continue(c) => {
                if let Some(code) = self.loop_target(c.label.as_ref(), e, false) {
                    self.flow_var();
                    self.emit(Stmt::SetFlow(code));
                }
            }
            Expr::Block(b) if b.label.is_none() => {
                self.scopes.push(HashMap::new());
                self.lower_stmts(&b.block.stmts, Want::Unit);
                self.scopes.pop();
            }
            Expr::MethodCall(m)
                if m.method == "push"
                    && m.args.len() == 1
                    && !matches!(strip(&m.receiver), Expr::Path(p) if p.path.get_ident().is_some()) =>
            {
                self.unsupported(
                    &m.receiver,
                    "`push` onto something other than a local variable",
                    "push onto a local `Vec` (`let mut v = Vec::new(); v.push(x);`)",
                );
            }
            Expr::MethodCall(m) if m.method == "push" && m.args.len() == 1 => {
                let base = match self.lower_atom(&m.receiver) {
                    Atom::Var(v) => v,
                    _ => {
                        self.unsupported(
                            &m.receiver,
                            "`push` on this expression",
                            "push onto a local variable (`let mut v = Vec::new(); v.push(x);`)",
                        );
                        return;
                    }
                };
                let value = self.lower_atom(&m.args[0]);
                self.emit(Stmt::Push {
                    base,
                    value,
                    span: e.span(),
                });
            }
            Expr::Macro(m) => self.lower_macro_stmt(&m.mac),
            _ => {
                self.lower_atom(e);
            }
        }
    }

    fn loop_target(&self, label: Option<&syn::Lifetime>, e: &Expr, brk: bool) -> Option<u32> {
        let frame = match label {
            None => self.loops.last(),
            Some(l) => {
                let name = l.ident.to_string();
                self.loops
                    .iter()
                    .rev()
                    .find(|f| f.label.as_deref() == Some(name.as_str()))
            }
        };
        match frame {
            Some(f) => Some(if brk { f.break_code } else { f.continue_code }),
            None => {
                self.cx
                    .error_spanned_by(e, "`break`/`continue` outside of a loop of this function");
                None
            }
        }
    }

    fn lower_assign(&mut self, left: &Expr, right: &Expr, arith: Option<Arith>, whole: &Expr) {
        match strip(left) {
            Expr::Path(p) if p.qself.is_none() && p.path.get_ident().is_some() => {
                let name = p.path.get_ident().unwrap().to_string();
                let Some(var) = self.lookup(&name) else {
                    self.unsupported(
                        left,
                        "assigning to something that is not a local variable",
                        "assign to local variables only",
                    );
                    return;
                };
                let op = match arith {
                    None => self.lower_op(right),
                    Some(a) => {
                        let rhs = self.lower_atom(right);
                        self.arith(a, Atom::Var(var), rhs)
                    }
                };
                self.emit(Stmt::Assign {
                    var,
                    op,
                    span: whole.span(),
                    init: false,
                });
            }
            Expr::Index(ix) => {
                let base = match strip(&ix.expr) {
                    Expr::Path(p) if p.path.get_ident().is_some() => {
                        self.lookup(&p.path.get_ident().unwrap().to_string())
                    }
                    _ => None,
                };
                let Some(base) = base else {
                    self.unsupported(
                        &ix.expr,
                        "assigning into this place",
                        "assign into a local `Vec` by index (`v[i] = ..`)",
                    );
                    return;
                };
                let index = self.lower_index_atom(&ix.index);
                let op = match arith {
                    None => self.lower_op(right),
                    Some(a) => {
                        let rhs = self.lower_atom(right);
                        let old = self.let_temp(
                            Op::Index {
                                base: Atom::Var(base),
                                index: index.clone(),
                                by_ref: false,
                            },
                            ix.span(),
                        );
                        self.arith(a, old, rhs)
                    }
                };
                self.emit(Stmt::IndexAssign {
                    base,
                    index,
                    op,
                    span: whole.span(),
                });
            }
            Expr::Field(f) => self.unsupported(
                f,
                "assigning to a tuple or struct field",
                "assign to a local variable (`x = ..`) or a `Vec` element (`v[i] = ..`)",
            ),
            other => self.unsupported(
                other,
                "assigning to this place",
                "assign to a local variable (`x = ..`) or a `Vec` element (`v[i] = ..`)",
            ),
        }
    }

    fn lower_index_atom(&mut self, e: &Expr) -> Atom {
        if let Expr::Range(r) = strip(e) {
            self.unsupported(
                r,
                "indexing with a range outside a borrow",
                "borrow the sub-slice (`&x[a..b]`) or index single elements (`x[i]`)",
            );
            return Atom::Const(quote!(0usize));
        }
        if let Expr::Array(_) | Expr::Tuple(_) = strip(e) {
            // `a[[i, j]]`, `a[(i, j)]`: an ndarray index, a constant.
            let (tokens, reads) = self.rename_tokens(e.to_token_stream());
            return self.let_temp(
                Op::Opaque {
                    tokens,
                    reads,
                    what: "an array index".to_string(),
                },
                e.span(),
            );
        }
        self.lower_atom(e)
    }

    // ---- control flow --------------------------------------------------------------------

    /// Lowers an `if`; with `target`, each branch's value is assigned to it.
    fn lower_if(&mut self, e: &syn::ExprIf, target: Option<VarId>) {
        if let Expr::Let(l) = strip(&e.cond) {
            self.unsupported(
                l,
                "`if let`",
                "compute a bool condition, or destructure outside the differentiated function",
            );
            return;
        }
        let cond = self.lower_atom(&e.cond);
        let want = if target.is_some() {
            Want::Value
        } else {
            Want::Unit
        };
        let stmts = &e.then_branch.stmts;
        let then = self.in_block(|lw| {
            let v = lw.lower_stmts(stmts, want);
            if let (Some(t), Some(v)) = (target, v) {
                lw.emit(Stmt::Assign {
                    var: t,
                    op: Op::Copy(v),
                    span: e.then_branch.span(),
                    init: true,
                });
            }
        });
        let els = match &e.else_branch {
            None => {
                if target.is_some() {
                    self.unsupported(
                        e,
                        "an `if` without `else` used as a value",
                        "add an `else` branch",
                    );
                }
                Block {
                    id: usize::MAX,
                    stmts: vec![],
                }
            }
            Some((_, els)) => self.in_block(|lw| match strip(els) {
                Expr::If(inner) => lw.lower_if(inner, target),
                Expr::Block(b) => {
                    let v = lw.lower_stmts(&b.block.stmts, want);
                    if let (Some(t), Some(v)) = (target, v) {
                        lw.emit(Stmt::Assign {
                            var: t,
                            op: Op::Copy(v),
                            span: b.span(),
                            init: true,
                        });
                    }
                }
                other => lw.unsupported(other, "this `else` branch", "use a block"),
            }),
        };
        self.n_ifs += 1;
        let id = self.n_ifs;
        self.emit(Stmt::If {
            id,
            cond,
            then,
            els,
        });
    }

    /// Lowers a `match` on constants into an `if`/`else if` chain of `matches!` tests (the
    /// primal keeps the real `match`, so rustc still checks exhaustiveness). With `target`,
    /// each arm's value is assigned to it.
    fn lower_match(&mut self, m: &syn::ExprMatch, target: Option<VarId>) {
        for arm in &m.arms {
            if top_binding(&arm.pat).is_some() {
                continue;
            }
            if let Some(b) = pattern_binding(&arm.pat) {
                self.unsupported(&b, "a `match` pattern that binds a variable", "match on literals, ranges, constants and unit enum variants, and compute values in the arms");
                return;
            }
        }
        let scrut = self.lower_atom(&m.expr);
        self.lower_arms(&m.arms, scrut, target);
    }

    fn lower_arms(&mut self, arms: &[syn::Arm], scrut: Atom, target: Option<VarId>) {
        let Some((arm, rest)) = arms.split_first() else {
            return;
        };
        // `k => ..` / `k if k > 5 => ..` binds the whole scrutinee.
        if let Some(ident) = top_binding(&arm.pat) {
            self.scopes.push(HashMap::new());
            let k = self.declare_user(&ident, VarKind::Let, None);
            self.emit(Stmt::Let {
                var: k,
                op: Op::Copy(scrut.clone()),
                span: ident.span(),
            });
            let mut arm = arm.clone();
            arm.pat = Pat::Wild(syn::PatWild {
                attrs: vec![],
                underscore_token: Default::default(),
            });
            let mut arms = vec![arm];
            arms.extend(rest.iter().cloned());
            self.lower_arms(&arms, scrut, target);
            self.scopes.pop();
            return;
        }
        let want = if target.is_some() {
            Want::Value
        } else {
            Want::Unit
        };
        let lower_body = |lw: &mut Self| {
            let v = match strip(&arm.body) {
                Expr::Block(b) if b.label.is_none() => {
                    lw.scopes.push(HashMap::new());
                    let v = lw.lower_stmts(&b.block.stmts, want);
                    lw.scopes.pop();
                    v
                }
                e if want == Want::Value => Some(lw.lower_atom(e)),
                e => {
                    lw.lower_expr_stmt(e);
                    None
                }
            };
            if let (Some(t), Some(v)) = (target, v) {
                lw.emit(Stmt::Assign {
                    var: t,
                    op: Op::Copy(v),
                    span: arm.body.span(),
                    init: true,
                });
            }
        };
        if rest.is_empty() && arm.guard.is_none() {
            // The last arm matches whatever the others did not (the primal's `match` is
            // checked for exhaustiveness by rustc).
            lower_body(self);
            return;
        }
        let pat = &arm.pat;
        let span = arm.pat.span();
        let test = Op::Passive(quote!(#pat), vec![scrut.clone()], PassiveShape::Matches);
        let cond = match &arm.guard {
            None => self.let_temp(test, span),
            Some((_, guard)) => {
                let matched = self.let_temp(test, span);
                self.short_circuit(matched, guard, true, span)
            }
        };
        let then = self.in_block(lower_body);
        let els = self.in_block(|lw| lw.lower_arms(rest, scrut, target));
        self.n_ifs += 1;
        let id = self.n_ifs;
        self.emit(Stmt::If {
            id,
            cond,
            then,
            els,
        });
    }

    /// `cond && right` (`is_and`) or `cond || right`, evaluating `right` only when needed:
    /// `if cond { right } else { false }` / `if cond { true } else { right }`.
    fn short_circuit(&mut self, cond: Atom, right: &Expr, is_and: bool, span: Span) -> Atom {
        let t = self.temp_var(VarKind::Deferred, "c");
        self.emit(Stmt::Declare { var: t });
        let eval_right = self.in_block(|lw| {
            let r = lw.lower_atom(right);
            lw.emit(Stmt::Assign {
                var: t,
                op: Op::Copy(r),
                span,
                init: true,
            });
        });
        let constant = self.in_block(|lw| {
            let c = if is_and { quote!(false) } else { quote!(true) };
            lw.emit(Stmt::Assign {
                var: t,
                op: Op::Copy(Atom::Const(c)),
                span,
                init: true,
            });
        });
        let (then, els) = if is_and {
            (eval_right, constant)
        } else {
            (constant, eval_right)
        };
        self.n_ifs += 1;
        let id = self.n_ifs;
        self.emit(Stmt::If {
            id,
            cond,
            then,
            els,
        });
        Atom::Var(t)
    }

    fn push_loop(&mut self, label: Option<&syn::Label>) -> (usize, u32, u32) {
        self.n_loops += 1;
        let (b, c) = (self.next_code, self.next_code + 1);
        self.next_code += 2;
        self.loops.push(LoopFrame {
            label: label.map(|l| l.name.ident.to_string()),
            break_code: b,
            continue_code: c,
        });
        (self.n_loops, b, c)
    }

    fn lower_for(&mut self, f: &syn::ExprForLoop) {
        enum Plan<'e> {
            Range {
                lo: &'e Expr,
                hi: &'e Expr,
                inclusive: bool,
                rev: bool,
            },
            Slice {
                base: &'e Expr,
                enumerate: bool,
            },
            Other,
        }
        fn range_of(e: &Expr) -> Option<(&Expr, &Expr, bool)> {
            match strip(e) {
                Expr::Range(r) => match (&r.start, &r.end) {
                    (Some(lo), Some(hi)) => {
                        Some((lo, hi, matches!(r.limits, syn::RangeLimits::Closed(_))))
                    }
                    _ => None,
                },
                _ => None,
            }
        }
        let iter = strip(&f.expr);
        let plan = if let Some((lo, hi, inclusive)) = range_of(iter) {
            Plan::Range {
                lo,
                hi,
                inclusive,
                rev: false,
            }
        } else {
            match iter {
                Expr::MethodCall(m)
                    if m.method == "rev"
                        && m.args.is_empty()
                        && range_of(&m.receiver).is_some() =>
                {
                    let (lo, hi, inclusive) = range_of(&m.receiver).unwrap();
                    Plan::Range {
                        lo,
                        hi,
                        inclusive,
                        rev: true,
                    }
                }
                Expr::MethodCall(m) if m.method == "iter" && m.args.is_empty() => Plan::Slice {
                    base: &m.receiver,
                    enumerate: false,
                },
                Expr::MethodCall(m) if m.method == "enumerate" && m.args.is_empty() => {
                    match strip(&m.receiver) {
                        Expr::MethodCall(inner)
                            if inner.method == "iter" && inner.args.is_empty() =>
                        {
                            Plan::Slice {
                                base: &inner.receiver,
                                enumerate: true,
                            }
                        }
                        _ => Plan::Other,
                    }
                }
                // `for xi in x` with `x: &[f64]` (or `&Vec<f64>`) iterates by reference.
                Expr::Path(p)
                    if p.path
                        .get_ident()
                        .and_then(|i| self.lookup(&i.to_string()))
                        .is_some_and(|v| self.is_ref_param(v)) =>
                {
                    Plan::Slice {
                        base: iter,
                        enumerate: false,
                    }
                }
                Expr::Reference(r) if r.mutability.is_none() => Plan::Slice {
                    base: &r.expr,
                    enumerate: false,
                },
                _ => Plan::Other,
            }
        };
        let span = f.span();
        match plan {
            Plan::Range {
                lo,
                hi,
                inclusive,
                rev,
            } => {
                let lo = self.lower_atom(lo);
                let lo = self.let_temp(Op::Copy(lo), span);
                let hi = self.lower_atom(hi);
                let hi = self.let_temp(Op::Copy(hi), span);
                let (id, break_code, continue_code) = self.push_loop(f.label.as_ref());
                let pat = &f.pat;
                let mut counter = None;
                let body = self.in_block(|lw| {
                    let var = match &**pat {
                        Pat::Ident(pi)
                            if pi.by_ref.is_none()
                                && pi.subpat.is_none()
                                && pi.mutability.is_none() =>
                        {
                            lw.declare_user(&pi.ident, VarKind::LoopVar, None)
                        }
                        Pat::Wild(_) => lw.temp_var(VarKind::LoopVar, "i"),
                        other => {
                            lw.unsupported(
                                other,
                                "this loop pattern",
                                "bind the counter to a name",
                            );
                            lw.temp_var(VarKind::LoopVar, "i")
                        }
                    };
                    counter = Some(var);
                    lw.lower_stmts(&f.body.stmts, Want::Unit);
                });
                self.loops.pop();
                let kind = LoopKind::Range {
                    var: counter.unwrap(),
                    lo,
                    hi,
                    inclusive,
                    rev,
                };
                self.emit(Stmt::Loop(Loop {
                    id,
                    kind,
                    body,
                    break_code,
                    continue_code,
                }));
            }
            Plan::Slice { base, enumerate } => {
                let base_atom = self.lower_atom(base);
                let Atom::Var(bv) = base_atom else {
                    self.unsupported(
                        base,
                        "iterating over this expression",
                        "iterate over a variable (`for x in xs.iter()`)",
                    );
                    return;
                };
                let lo = Atom::Const(quote!(0usize));
                let len = Ident::new("len", span);
                let hi = self.let_temp(
                    Op::Method {
                        name: len,
                        form: MethodForm::Method,
                        recv: Atom::Var(bv),
                        args: vec![],
                        extra: MethodExtra::default(),
                    },
                    span,
                );
                let (id, break_code, continue_code) = self.push_loop(f.label.as_ref());
                let pat = &f.pat;
                let mut counter = None;
                let body = self.in_block(|lw| {
                    let (idx_pat, elem_pat) = if enumerate {
                        match &**pat {
                            Pat::Tuple(t) if t.elems.len() == 2 => (Some(&t.elems[0]), &t.elems[1]),
                            other => {
                                lw.unsupported(
                                    other,
                                    "this pattern for `.iter().enumerate()`",
                                    "write `(i, x)` or `(i, &x)`",
                                );
                                return;
                            }
                        }
                    } else {
                        (None, &**pat)
                    };
                    let var = match idx_pat {
                        Some(Pat::Ident(pi)) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                            lw.declare_user(&pi.ident, VarKind::LoopVar, None)
                        }
                        _ => lw.temp_var(VarKind::LoopVar, "j"),
                    };
                    counter = Some(var);
                    let (elem_ident, by_ref) = match elem_pat {
                        Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                            (Some(pi.ident.clone()), true)
                        }
                        Pat::Reference(r) => match &*r.pat {
                            Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                                (Some(pi.ident.clone()), false)
                            }
                            other => {
                                lw.unsupported(other, "this loop pattern", "write `x` or `&x`");
                                return;
                            }
                        },
                        Pat::Wild(_) => (None, true),
                        other => {
                            lw.unsupported(other, "this loop pattern", "write `x` or `&x`");
                            return;
                        }
                    };
                    if let Some(ident) = elem_ident {
                        let op = Op::Index {
                            base: Atom::Var(bv),
                            index: Atom::Var(var),
                            by_ref,
                        };
                        let ev = lw.declare_user(&ident, VarKind::Let, None);
                        lw.emit(Stmt::Let {
                            var: ev,
                            op,
                            span: ident.span(),
                        });
                    }
                    lw.lower_stmts(&f.body.stmts, Want::Unit);
                });
                self.loops.pop();
                let Some(var) = counter else { return };
                let kind = LoopKind::Range {
                    var,
                    lo,
                    hi,
                    inclusive: false,
                    rev: false,
                };
                self.emit(Stmt::Loop(Loop {
                    id,
                    kind,
                    body,
                    break_code,
                    continue_code,
                }));
            }
            Plan::Other => {
                let (iter_tokens, reads) = self.rename_tokens(f.expr.to_token_stream());
                let (id, break_code, continue_code) = self.push_loop(f.label.as_ref());
                let pat = &f.pat;
                let mut pat_tokens = TokenStream::new();
                let mut vars = Vec::new();
                let body = self.in_block(|lw| {
                    let mut names = Vec::new();
                    collect_pat_idents(pat, &mut names, lw.cx);
                    let mut map = HashMap::new();
                    for ident in names {
                        let v = lw.declare_user(&ident, VarKind::LoopVar, None);
                        map.insert(ident.to_string(), lw.vars[v].ident.clone());
                        vars.push(v);
                    }
                    pat_tokens = replace_idents(pat.to_token_stream(), &map);
                    lw.lower_stmts(&f.body.stmts, Want::Unit);
                });
                self.loops.pop();
                let kind = LoopKind::Iter {
                    pat: pat_tokens,
                    iter: iter_tokens,
                    reads,
                };
                self.emit(Stmt::Loop(Loop {
                    id,
                    kind,
                    body,
                    break_code,
                    continue_code,
                }));
            }
        }
    }

    fn lower_while(&mut self, w: &syn::ExprWhile) {
        if let Expr::Let(l) = strip(&w.cond) {
            self.unsupported(
                l,
                "`while let`",
                "use `while` with a bool condition or `loop` with `break`",
            );
            return;
        }
        let (id, break_code, continue_code) = self.push_loop(w.label.as_ref());
        let mut cond_atom = None;
        let cond_block = self.in_block(|lw| cond_atom = Some(lw.lower_atom(&w.cond)));
        let body = self.in_block(|lw| {
            lw.lower_stmts(&w.body.stmts, Want::Unit);
        });
        self.loops.pop();
        let kind = LoopKind::While {
            cond_block,
            cond_atom: cond_atom.unwrap(),
        };
        self.emit(Stmt::Loop(Loop {
            id,
            kind,
            body,
            break_code,
            continue_code,
        }));
    }

    fn lower_loop(&mut self, l: &syn::ExprLoop) {
        let (id, break_code, continue_code) = self.push_loop(l.label.as_ref());
        let body = self.in_block(|lw| {
            lw.lower_stmts(&l.body.stmts, Want::Unit);
        });
        self.loops.pop();
        self.emit(Stmt::Loop(Loop {
            id,
            kind: LoopKind::Loop,
            body,
            break_code,
            continue_code,
        }));
    }

    // ---- expressions ---------------------------------------------------------------------

    /// Lowers `e` to an operand, emitting the operations that compute it.
    fn lower_atom(&mut self, e: &Expr) -> Atom {
        match e {
            Expr::Lit(_) => Atom::Const(e.to_token_stream()),
            Expr::Paren(p) => self.lower_atom(&p.expr),
            Expr::Group(g) => self.lower_atom(&g.expr),
            Expr::Path(p) if p.qself.is_none() => {
                if let Some(ident) = p.path.get_ident()
                    && let Some(v) = self.lookup(&ident.to_string())
                {
                    return Atom::Var(v);
                }
                Atom::Const(e.to_token_stream())
            }
            // A closure that captures nothing (`w.sort_by(|p, q| p.total_cmp(q))`) is a
            // constant, printed where it is used (its parameter types come from there).
            Expr::Closure(_) if self.rename_closure(e).1.is_empty() => {
                Atom::Const(self.rename_closure(e).0)
            }
            Expr::Reference(r) if r.mutability.is_none() && is_range_index(&r.expr) => {
                let Expr::Index(ix) = strip(&r.expr) else {
                    unreachable!()
                };
                let Expr::Range(range) = strip(&ix.index) else {
                    unreachable!()
                };
                let base = self.lower_atom(&ix.expr);
                let lo = range.start.as_ref().map(|e| self.lower_atom(e));
                let hi = range.end.as_ref().map(|e| self.lower_atom(e));
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
    fn lower_op(&mut self, e: &Expr) -> Op {
        match e {
            Expr::Lit(_) | Expr::Path(_) | Expr::Reference(_) => {
                if let Expr::Reference(r) = e
                    && r.mutability.is_some()
                {
                    self.unsupported(e, "a `&mut` borrow", "assign to variables directly");
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
                    let l = self.lower_atom(&b.left);
                    let r = self.lower_atom(&b.right);
                    return self.arith(a, l, r);
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
                let l = self.lower_atom(&b.left);
                let r = self.lower_atom(&b.right);
                let op = &b.op;
                Op::Passive(quote!(#op), vec![l, r], PassiveShape::Infix)
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
                            if crate::rules::unwrapped_method(&inner.method.to_string()) =>
                        {
                            let mut op = self.lower_method(inner);
                            if let Op::Method { extra, .. } = &mut op {
                                extra.post = Some(post);
                            }
                            return op;
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
            Expr::Call(c) => self.lower_call(c, e),
            Expr::Cast(c) => {
                let a = self.lower_atom(&c.expr);
                let float = matches!(&*c.ty, Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"));
                Op::Cast {
                    a,
                    ty: (*c.ty).clone(),
                    float,
                }
            }
            Expr::Index(ix) => {
                let base = self.lower_atom(&ix.expr);
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
            Expr::Tuple(t) => {
                if t.elems.is_empty() {
                    return Op::Copy(Atom::Const(quote!(())));
                }
                Op::Tuple(t.elems.iter().map(|x| self.lower_atom(x)).collect())
            }
            Expr::Field(f) => match &f.member {
                syn::Member::Unnamed(idx) => {
                    let base = self.lower_atom(&f.base);
                    Op::Field(base, idx.clone())
                }
                syn::Member::Named(n) => {
                    self.unsupported(
                        n,
                        "struct field access",
                        "pass the field's value as a parameter (struct parameters are planned)",
                    );
                    Op::Copy(Atom::Const(quote!(())))
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
            Expr::Macro(m) if m.mac.path.is_ident("vec") => {
                // `vec![x; n]`: the operands are lowered like any others, so `n` may be
                // `xs.len()` of a differentiated `xs`.
                let inner = &m.mac.tokens;
                if let Ok(rep) = syn::parse2::<syn::ExprRepeat>(quote!([#inner])) {
                    let elem = self.lower_atom(&rep.expr);
                    let len = self.lower_atom(&rep.len);
                    let reads = [&elem, &len].iter().filter_map(|a| a.var()).collect();
                    let (e, l) = (
                        atom_tokens(&self.vars, &elem),
                        atom_tokens(&self.vars, &len),
                    );
                    return Op::Opaque {
                        tokens: quote!(::std::vec![#e; #l]),
                        reads,
                        what: "the element of `vec![x; n]`".to_string(),
                    };
                }
                let (tokens, reads) = self.rename_tokens(m.to_token_stream());
                Op::Opaque {
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
                    tokens: quote_spanned!(rep.span()=> [#e; #len]),
                    reads,
                    what: "the element of `[x; n]`".to_string(),
                }
            }
            Expr::Array(arr)
                if !arr
                    .elems
                    .iter()
                    .any(|e| matches!(strip(e), Expr::Repeat(_) | Expr::Array(_))) =>
            {
                // `[a, b, c]` of values that are not differentiated (checked like any opaque
                // operation): a constant array.
                let atoms: Vec<Atom> = arr.elems.iter().map(|e| self.lower_atom(e)).collect();
                let reads = atoms.iter().filter_map(|a| a.var()).collect();
                let elems: Vec<TokenStream> =
                    atoms.iter().map(|a| atom_tokens(&self.vars, a)).collect();
                Op::Opaque {
                    tokens: quote_spanned!(arr.span()=> [#(#elems),*]),
                    reads,
                    what: "an element of an array expression `[a, b, ..]` (build it with `vec![0.0; n]` and element writes `v[i] = ..`)".to_string(),
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

    /// Lowers a method call `recv.name(args)`.
    fn lower_method(&mut self, m: &syn::ExprMethodCall) -> Op {
        let name = m.method.to_string();
        // `xs.iter().sum()` (also `.into_iter()`, `.copied()`, `.cloned()`, with or without
        // `::<f64>`) of a slice, `Vec` or fixed-size array: the runtime's differentiable
        // `iter_sum(&xs)`, called like any differentiable function.
        if name == "sum"
            && m.args.is_empty()
            && let Some(base) = iterated_base(&m.receiver)
        {
            let span = m.span();
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
        // `x.to_vec()` / `x.to_owned()` of a slice, `Vec` or array parameter: the runtime's
        // differentiable `to_vec(&x)` (an owned `Vec` whose cotangent is `x`'s).
        if matches!(name.as_str(), "to_vec" | "to_owned")
            && m.args.is_empty()
            && m.turbofish.is_none()
            && let Expr::Path(p) = strip(&m.receiver)
            && let Some(id) = p.path.get_ident()
            && let Some(v) = self.lookup(&id.to_string())
            && self.vars[v].kind == VarKind::Param
            && self.vars[v].ty.as_ref().is_some_and(is_sequence_type)
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
        let mut extra = MethodExtra::default();
        if let Some(t) = &m.turbofish {
            if crate::rules::tensor_method(&name).is_some() {
                extra.turbofish = Some(t.to_token_stream());
            } else {
                self.unsupported(
                    t,
                    "a method call with turbofish (`::<..>`)",
                    "annotate the variable's type instead",
                );
            }
        }
        let mut recv = self.lower_atom(&m.receiver);
        let on_iterator = matches!(strip(&m.receiver), Expr::MethodCall(r)
            if matches!(r.method.to_string().as_str(),
                "iter" | "into_iter" | "iter_mut" | "zip" | "enumerate" | "rev" | "windows"
                | "chunks" | "copied" | "cloned" | "filter" | "skip" | "take" | "step_by"));
        if matches!(name.as_str(), "mapv" | "mapv_into" | "map")
            && m.args.len() == 1
            && !on_iterator
        {
            return self.lower_map(m, recv);
        }
        let mut arg_exprs: Vec<&Expr> = m.args.iter().collect();
        if name == "fold_axis" && arg_exprs.len() == 3 {
            // `a.fold_axis(axis, init, |&m, &v| m.max(e))`: a max (min) along the axis, of
            // the elements or of `e` mapped over them (`crate::desugar::fold_axis_closure`).
            let closure = arg_exprs.pop().unwrap();
            match crate::desugar::fold_axis_closure(closure) {
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
                    extra.raw = Some(if fold.max {
                        quote!(|&#acc, &#elem| #acc.max(#elem))
                    } else {
                        quote!(|&#acc, &#elem| #acc.min(#elem))
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
        let args: Vec<Atom> = arg_exprs.iter().map(|a| self.lower_atom(a)).collect();
        if m.method == "clone" && m.args.is_empty() {
            return Op::CloneOf(recv);
        }
        let recv = self.typed_const(recv);
        let args = args.into_iter().map(|a| self.typed_const(a)).collect();
        // A method may change a mutable receiver unless it is known to only read it.
        extra.mutates = matches!(recv, Atom::Var(v)
            if matches!(self.vars[v].kind, VarKind::LetMut | VarKind::Param | VarKind::Deferred))
            && !crate::ir::reads_only(&name, extra.rule);
        Op::Method {
            name: m.method.clone(),
            form: MethodForm::Method,
            recv,
            args,
            extra,
        }
    }

    /// Renames the variables a closure reads (its own parameters excepted). Returns the
    /// tokens, the variables read, and the closure's parameter names.
    fn rename_closure(&mut self, e: &Expr) -> (TokenStream, Vec<VarId>, Vec<Ident>) {
        let mut params = Vec::new();
        if let Expr::Closure(c) = strip(e) {
            for p in &c.inputs {
                collect_pat_idents(p, &mut params, self.cx);
            }
        }
        let first = self.vars.len();
        let mut scope = HashMap::new();
        for p in &params {
            let v = self.vars.len();
            self.vars.push(Var {
                ident: p.clone(),
                block: self.current_block(),
                kind: VarKind::Let,
                ty: None,
            });
            scope.insert(p.to_string(), v);
        }
        self.scopes.push(scope);
        let (tokens, reads) = self.rename_tokens(e.to_token_stream());
        self.scopes.pop();
        self.vars.truncate(first);
        let mut captured: Vec<VarId> = Vec::new();
        for r in reads {
            if r < first && !captured.contains(&r) {
                captured.push(r);
            }
        }
        (tokens, captured, params)
    }

    /// `recv.mapv(|v| body)`: the closure body becomes a function of the element and of the
    /// captured variables, lowered like any function body (see [`Op::Map`]).
    fn lower_map(&mut self, m: &syn::ExprMethodCall, recv: Atom) -> Op {
        let arg = &m.args[0];
        let fallback = Op::Copy(Atom::Const(quote!(())));
        let (closure, captures, param, body) = match strip(arg) {
            Expr::Closure(c) if c.inputs.len() == 1 => {
                let (tokens, captures, params) = self.rename_closure(arg);
                let by_ref = matches!(&c.inputs[0], Pat::Reference(_));
                if m.method == "map" && !by_ref {
                    self.unsupported(
                        &c.inputs[0],
                        "`map` with a closure taking the element by reference",
                        "use `mapv(|v| ..)` (by value) or `map(|&v| ..)`",
                    );
                    return fallback;
                }
                let Some(param) = params.first().cloned() else {
                    self.unsupported(
                        &c.inputs[0],
                        "this closure parameter pattern",
                        "name the element (`|v| ..`)",
                    );
                    return fallback;
                };
                // The body with captured names renamed, the closure's parameter kept.
                let Ok(renamed) = syn::parse2::<syn::ExprClosure>(tokens.clone()) else {
                    return fallback;
                };
                (tokens, captures, param, renamed.body.to_token_stream())
            }
            Expr::Path(p) if p.qself.is_none() => {
                let e = Ident::new("__elem", Span::mixed_site());
                let path = &p.path;
                (
                    quote!(|#e| #path(#e)),
                    Vec::new(),
                    e.clone(),
                    quote!(#path(#e)),
                )
            }
            other => {
                self.unsupported(
                    other,
                    "this argument of an elementwise map",
                    "pass a closure (`|v| v.tanh()`) or a function path (`f64::tanh`)",
                );
                return fallback;
            }
        };
        let mut names = vec![param];
        names.extend(captures.iter().map(|c| self.vars[*c].ident.clone()));
        let item: syn::ItemFn =
            match syn::parse2(quote!(fn __closure(#(#names: f64),*) -> _ { #body })) {
                Ok(item) => item,
                Err(e) => {
                    self.cx.error_at(
                        arg.span(),
                        format!("cannot differentiate this closure: {e}"),
                    );
                    return fallback;
                }
            };
        let vars = names
            .iter()
            .map(|n| Var {
                ident: n.clone(),
                block: 0,
                kind: VarKind::Param,
                ty: Some(syn::parse_quote!(f64)),
            })
            .collect();
        let (sub, _) = lower(self.cx, &item, vars);
        Op::Map {
            method: m.method.clone(),
            recv,
            closure,
            sub: Box::new(sub),
            captures,
        }
    }

    fn lower_call(&mut self, c: &syn::ExprCall, e: &Expr) -> Op {
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
        let args: Vec<Atom> = c.args.iter().map(|a| self.lower_atom(a)).collect();
        // `f64::sin(x)`: the path form of a float method.
        if segs.len() == 2
            && (segs[0] == "f64" || segs[0] == "f32")
            && crate::rules::method(&segs[1]).is_some()
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
        let typelike = segs.first().is_some_and(|s| {
            s.chars().next().is_some_and(|ch| ch.is_uppercase())
                || s == "f64"
                || s == "f32"
                || s == "std"
                || s == "core"
        });
        if self.lookup(&segs[0]).is_some() && segs.len() == 1 {
            self.unsupported(
                &c.func,
                "calling a closure or function stored in a variable",
                "call a named #[differentiable] function",
            );
            return Op::Copy(Atom::Const(quote!(())));
        }
        if calls_itself(&segs, &self.fn_name) {
            self.self_recursive = true;
        }
        let pb = self.temp_var(VarKind::Pullback, "pb");
        let recompute = !typelike && args.iter().any(|a| self.borrows_local(a));
        Op::Call {
            func: path.clone(),
            args,
            pullback: pb,
            plain: typelike,
            recompute,
        }
    }

    // ---- token renaming (for expressions kept as written) -----------------------------------

    /// Renames references to local variables inside tokens kept verbatim (macro arguments,
    /// iterator expressions), returning the variables read.
    fn rename_tokens(&self, tokens: TokenStream) -> (TokenStream, Vec<VarId>) {
        let mut reads = Vec::new();
        let out = self.rename_rec(tokens, &mut reads);
        (out, reads)
    }

    fn rename_rec(&self, tokens: TokenStream, reads: &mut Vec<VarId>) -> TokenStream {
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

/// `concatenate(axis, &[a, b, ..])` or `stack(axis, &[..])` (ndarray): `Some(is_stack)`.
/// The variables a statement may change, when that is known exactly: `Some(vars)` for a
/// statement that changes only `vars`, `None` for one that may change anything. An operation
/// that reads its operands and makes a new value changes nothing; a method call may change its
/// receiver (`w.swap(0, 1)`, `w.fill(0.0)`, `w.sort_by(..)`) and any operand it is handed;
/// anything not listed here is assumed to change everything.
fn changed_by(s: &Stmt) -> Option<Vec<VarId>> {
    fn op_changes(op: &Op) -> Option<Vec<VarId>> {
        match op {
            Op::Copy(_)
            | Op::Deref(_)
            | Op::CloneOf(_)
            | Op::Neg(_)
            | Op::Arith(..)
            | Op::Passive(..)
            | Op::Index { .. }
            | Op::SliceRef { .. }
            | Op::Cast { .. }
            | Op::Tuple(_)
            | Op::Field(..)
            | Op::Concat { .. }
            | Op::Map { .. } => Some(Vec::new()),
            // Operands are moved, copied or shared borrows (`Atom::Ref`); a callee cannot
            // change a caller's variable through them.
            Op::Call { .. } => Some(Vec::new()),
            Op::Method { .. } => Some(op.reads()),
            Op::Opaque { .. } => None,
        }
    }
    match s {
        Stmt::Let { op, .. } => op_changes(op),
        Stmt::Declare { .. } | Stmt::SetFlow(_) => Some(Vec::new()),
        Stmt::Assign { var, op, .. } | Stmt::IndexAssign { base: var, op, .. } => {
            let mut out = op_changes(op)?;
            out.push(*var);
            Some(out)
        }
        Stmt::Push { base, .. } => Some(vec![*base]),
        Stmt::If { .. } | Stmt::Loop(_) | Stmt::Effect { .. } => None,
    }
}

/// The element type of a slice, `Vec` or fixed-size array (behind any references).
fn sequence_element(ty: &Type) -> Option<&Type> {
    match ty {
        Type::Reference(r) => sequence_element(&r.elem),
        Type::Paren(p) => sequence_element(&p.elem),
        Type::Slice(s) => Some(&s.elem),
        Type::Array(a) => Some(&a.elem),
        Type::Path(p) => {
            let last = p.path.segments.last()?;
            if last.ident != "Vec" {
                return None;
            }
            match &last.arguments {
                syn::PathArguments::AngleBracketed(a) => a.args.iter().find_map(|g| match g {
                    syn::GenericArgument::Type(t) => Some(t),
                    _ => None,
                }),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether `ty` is a slice, `Vec` or fixed-size array (behind any references).
fn is_sequence_type(ty: &Type) -> bool {
    match ty {
        Type::Reference(r) => is_sequence_type(&r.elem),
        Type::Slice(_) | Type::Array(_) => true,
        Type::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == "Vec"),
        Type::Paren(p) => is_sequence_type(&p.elem),
        _ => false,
    }
}

/// The operands of `matches!(e, pattern)` without a guard (with one, `None`: the guard may
/// read anything, and the macro stays opaque).
fn matches_args(mac: &syn::Macro) -> Option<(Expr, Pat)> {
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
fn calls_itself(segs: &[String], name: &str) -> bool {
    match segs {
        [f] => f == name,
        [first, .., f] => {
            f == name && matches!(first.as_str(), "self" | "crate" | "super" | "Self")
        }
        [] => false,
    }
}

fn concat_kind(c: &syn::ExprCall) -> Option<bool> {
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

fn collect_pat_idents(pat: &Pat, out: &mut Vec<Ident>, cx: &Ctxt) {
    match pat {
        Pat::Ident(pi) if pi.subpat.is_none() => out.push(pi.ident.clone()),
        Pat::Tuple(t) => t.elems.iter().for_each(|p| collect_pat_idents(p, out, cx)),
        Pat::Reference(r) => collect_pat_idents(&r.pat, out, cx),
        Pat::Wild(_) => {}
        Pat::Type(t) => collect_pat_idents(&t.pat, out, cx),
        other => cx.error_spanned_by(other, "this loop pattern is not supported by #[differentiable]; bind names or tuples of names"),
    }
}

fn replace_idents(tokens: TokenStream, map: &HashMap<String, Ident>) -> TokenStream {
    tokens
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Ident(id) => match map.get(&id.to_string()) {
                Some(new) => TokenTree::Ident(new.clone()),
                None => TokenTree::Ident(id),
            },
            TokenTree::Group(g) => {
                let mut ng =
                    proc_macro2::Group::new(g.delimiter(), replace_idents(g.stream(), map));
                ng.set_span(g.span());
                TokenTree::Group(ng)
            }
            other => other,
        })
        .collect()
}

/// `k` or `mut k` as a whole arm pattern.
fn top_binding(p: &Pat) -> Option<Ident> {
    match p {
        Pat::Ident(pi) if pi.subpat.is_none() && pi.by_ref.is_none() => {
            let first = pi.ident.to_string().chars().next().unwrap_or('_');
            (first.is_lowercase() || (first == '_' && pi.ident != "_")).then(|| pi.ident.clone())
        }
        _ => None,
    }
}

/// The span of the first `return`/`break`/`continue` in a statement.
fn first_exit(s: &syn::Stmt) -> Option<Span> {
    struct V(Option<Span>);
    impl<'a> syn::visit::Visit<'a> for V {
        fn visit_expr(&mut self, e: &'a Expr) {
            if self.0.is_some() {
                return;
            }
            match e {
                Expr::Return(r) => self.0 = Some(r.return_token.span),
                Expr::Break(b) => self.0 = Some(b.break_token.span),
                Expr::Continue(c) => self.0 = Some(c.continue_token.span),
                Expr::Closure(_) => {}
                _ => syn::visit::visit_expr(self, e),
            }
        }
    }
    let mut v = V(None);
    syn::visit::Visit::visit_stmt(&mut v, s);
    v.0
}

fn atom_tokens(vars: &[Var], a: &Atom) -> TokenStream {
    match a {
        Atom::Var(v) => vars[*v].ident.to_token_stream(),
        Atom::Ref(v) => {
            let i = &vars[*v].ident;
            quote!(&#i)
        }
        Atom::Const(c) => c.clone(),
    }
}

fn is_range_index(e: &Expr) -> bool {
    matches!(strip(e), Expr::Index(ix) if matches!(strip(&ix.index), Expr::Range(_)))
}

/// A variable bound by a pattern, if any (lower-case identifiers bind; upper-case ones name
/// constants and unit variants).
fn pattern_binding(p: &Pat) -> Option<Ident> {
    match p {
        Pat::Ident(pi) => {
            let first = pi.ident.to_string().chars().next().unwrap_or('_');
            if pi.subpat.is_some() || first.is_lowercase() || first == '_' && pi.ident != "_" {
                Some(pi.ident.clone())
            } else {
                None
            }
        }
        Pat::Or(o) => o.cases.iter().find_map(pattern_binding),
        Pat::Tuple(t) => t.elems.iter().find_map(pattern_binding),
        Pat::TupleStruct(t) => t.elems.iter().find_map(pattern_binding),
        Pat::Struct(s) => s.fields.iter().find_map(|f| pattern_binding(&f.pat)),
        Pat::Reference(r) => pattern_binding(&r.pat),
        Pat::Paren(p) => pattern_binding(&p.pat),
        Pat::Slice(s) => s.elems.iter().find_map(pattern_binding),
        _ => None,
    }
}

fn is_compound_assign(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(
        op,
        AddAssign(_)
            | SubAssign(_)
            | MulAssign(_)
            | DivAssign(_)
            | RemAssign(_)
            | BitXorAssign(_)
            | BitAndAssign(_)
            | BitOrAssign(_)
            | ShlAssign(_)
            | ShrAssign(_)
    )
}

/// Removes parentheses and invisible groups.
pub fn strip(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => strip(&p.expr),
        Expr::Group(g) => strip(&g.expr),
        _ => e,
    }
}

/// The loop that an iterator reduction stands for, as a block expression, or `None` for a
/// shape it does not know. Reductions: `.sum()` (`s += e`), `.product()` (`s *= e`) and
/// `.fold(init, |a, v| f)` (`s = f` with `a` bound to `s`); the iterator: `xs.iter()`
/// (also `.into_iter()`, `.copied()`, `.cloned()`), or `xs.iter().zip(Y)` with `Y` =
/// `ys.iter()`, `&ys` or `ys` (an index loop over the shorter length, elements bound by a
/// `(a, b)` or `(&a, &b)` pattern), optionally followed by `.map(|p| e)`. So
/// `xs.iter().map(|v| v * v).sum()` is `{ let mut s = 0.0; for v in xs.iter() { s += v * v; } s }`.
fn reduction_loop(m: &syn::ExprMethodCall) -> Option<Expr> {
    // A closure body that exits (`return`, `break`, `continue`, `?`) would mean something else
    // inside the loop: those stay unsupported.
    fn exits(ts: TokenStream) -> bool {
        ts.into_iter().any(|t| match t {
            proc_macro2::TokenTree::Ident(i) => i == "return" || i == "break" || i == "continue",
            proc_macro2::TokenTree::Punct(p) => p.as_char() == '?',
            proc_macro2::TokenTree::Group(g) => exits(g.stream()),
            proc_macro2::TokenTree::Literal(_) => false,
        })
    }
    if exits(m.args.to_token_stream())
        || matches!(strip(&m.receiver), Expr::MethodCall(mm) if exits(mm.args.to_token_stream()))
    {
        return None;
    }
    let span = m.span();
    let acc = syn::Ident::new("__ad_reduce", span);
    let elem = syn::Ident::new("__ad_elem", span);
    let typed = |lit: Expr| -> Option<Expr> {
        Some(match &m.turbofish {
            Some(t) => {
                let ty = t.args.first()?;
                try_parse!(#lit as #ty)
            }
            None => lit,
        })
    };
    // The reduction: its initial value, the pattern its closure binds the element to (if
    // any), and the update statements given the element's value.
    // `fold(init, f64::max)`: a function path instead of a closure.
    let fold_path = match (m.method.to_string().as_str(), m.args.len()) {
        ("fold", 2) => match strip(&m.args[1]) {
            Expr::Path(p) if p.qself.is_none() => Some(p.clone()),
            _ => None,
        },
        _ => None,
    };
    let (init, fold): (Expr, Option<&syn::ExprClosure>) =
        match (m.method.to_string().as_str(), m.args.len()) {
            ("sum", 0) => (typed(try_parse!(0.0))?, None),
            ("product", 0) => (typed(try_parse!(1.0))?, None),
            ("fold", 2) if fold_path.is_some() => (m.args[0].clone(), None),
            ("fold", 2) => {
                let Expr::Closure(c) = strip(&m.args[1]) else {
                    return None;
                };
                if c.inputs.len() != 2 || c.asyncness.is_some() || c.capture.is_some() {
                    return None;
                }
                (m.args[0].clone(), Some(c))
            }
            _ => return None,
        };
    let update = |value: &Expr| -> Option<Vec<syn::Stmt>> {
        Some(match (m.method.to_string().as_str(), fold) {
            ("sum", _) => vec![try_parse!(#acc += #value;)],
            ("product", _) => vec![try_parse!(#acc *= #value;)],
            ("fold", None) => {
                let f = fold_path.as_ref()?;
                vec![try_parse!(#acc = #f(#acc, #value);)]
            }
            (_, Some(c)) => {
                let (a, body) = (&c.inputs[0], &c.body);
                if !matches!(untyped(a), syn::Pat::Ident(_)) {
                    return None;
                }
                vec![try_parse!(let #a = #acc;), try_parse!(#acc = #body;)]
            }
            _ => return None,
        })
    };
    // What the reduction reduces: a `.map(|p| e)` of an iterator, or the iterator itself.
    let (iter, map) = match strip(&m.receiver) {
        Expr::MethodCall(mm)
            if mm.method == "map" && mm.args.len() == 1 && mm.turbofish.is_none() =>
        {
            let Expr::Closure(c) = strip(&mm.args[0]) else {
                return None;
            };
            if c.inputs.len() != 1 || c.asyncness.is_some() || c.capture.is_some() {
                return None;
            }
            (&*mm.receiver, Some(c))
        }
        other => (other, None),
    };
    // The pattern the iterator's element is bound to, and the statements computing the
    // value reduced (after that binding).
    let (pat, mut body): (syn::Pat, Vec<syn::Stmt>) = match (map, fold) {
        (Some(c), _) => {
            let mbody = &c.body;
            let mut stmts: Vec<syn::Stmt> = vec![try_parse!(let #elem = #mbody;)];
            match fold {
                Some(f) => {
                    let v = &f.inputs[1];
                    if !matches!(untyped(v), syn::Pat::Ident(_) | syn::Pat::Wild(_)) {
                        return None;
                    }
                    stmts.push(try_parse!(let #v = #elem;));
                    stmts.extend(update(&try_parse!(#elem))?.into_iter().skip(0));
                }
                None => stmts.extend(update(&try_parse!(#elem))?),
            }
            (untyped(&c.inputs[0]).clone(), stmts)
        }
        (None, Some(f)) => (untyped(&f.inputs[1]).clone(), update(&try_parse!(#elem))?),
        (None, None) => (try_parse_pat!(#elem), update(&try_parse!(#elem))?),
    };
    if let Some(xs) = iterated_base(iter) {
        // A sub-slice `x[a..]` is iterated through its borrow; `.copied()` elements are
        // values (`&v` patterns on the borrowed elements).
        let xs: Expr = if is_range_index(xs) {
            try_parse!((&#xs))
        } else {
            xs.clone()
        };
        let copied = matches!(strip(iter), Expr::MethodCall(c) if c.method == "copied" || c.method == "cloned");
        let pat: syn::Pat = if copied {
            match &pat {
                syn::Pat::Ident(_) | syn::Pat::Wild(_) => try_parse_pat!(&#pat),
                _ => return None,
            }
        } else {
            pat
        };
        return Some(try_parse_at!(span, {
            let mut #acc = #init;
            for #pat in #xs.iter() {
                #(#body)*
            }
            #acc
        }));
    }
    // `xs.iter().zip(Y)` with `Y` = `ys.iter()`, `&ys` or `ys`.
    let Expr::MethodCall(zip) = strip(iter) else {
        return None;
    };
    if zip.method != "zip" || zip.args.len() != 1 {
        return None;
    }
    // Sub-slices stay borrowed (`(&x[1..])[i]`), other collections are indexed directly.
    let indexable = |e: &Expr| -> Option<Expr> {
        Some(match strip(e) {
            Expr::Reference(r) if r.mutability.is_none() && !is_range_index(&r.expr) => {
                (*r.expr).clone()
            }
            Expr::Reference(_) => try_parse!((#e)),
            other if is_range_index(other) => try_parse!((&#other)),
            other => other.clone(),
        })
    };
    let xs = indexable(iterated_base(&zip.receiver)?)?;
    let ys = indexable(iterated_base(&zip.args[0]).unwrap_or(&zip.args[0]))?;
    let syn::Pat::Tuple(t) = &pat else {
        return None;
    };
    if t.elems.len() != 2 {
        return None;
    }
    // `a` binds `&xs[i]`, `&a` binds `xs[i]`.
    let bind = |p: &syn::Pat, base: &Expr, i: &syn::Ident| -> Option<syn::Stmt> {
        match p {
            syn::Pat::Ident(id) => Some(try_parse!(let #id = &#base[#i];)),
            syn::Pat::Reference(r) => {
                let inner = &r.pat;
                Some(try_parse!(let #inner = #base[#i];))
            }
            syn::Pat::Wild(_) => Some(try_parse!(let _ = 0;)),
            _ => None,
        }
    };
    let i = syn::Ident::new("__ad_zip_index", span);
    let mut stmts = vec![bind(&t.elems[0], &xs, &i)?, bind(&t.elems[1], &ys, &i)?];
    stmts.append(&mut body);
    Some(try_parse_at!(span, {
        let mut #acc = #init;
        for #i in 0..#xs.len().min(#ys.len()) {
            #(#stmts)*
        }
        #acc
    }))
}

/// A closure parameter without its type annotation (`v: &f64` -> `v`), to be used as a `for`
/// pattern; the type adds nothing there (the element type is the iterator's).
pub fn untyped(p: &Pat) -> &Pat {
    match p {
        Pat::Type(t) => untyped(&t.pat),
        other => other,
    }
}

/// The collection `xs` of an iterator `xs.iter()`, `xs.into_iter()`, optionally followed by
/// `.copied()` or `.cloned()` (the receiver of `.sum()`).
fn iterated_base(e: &Expr) -> Option<&Expr> {
    let Expr::MethodCall(m) = strip(e) else {
        return None;
    };
    if !m.args.is_empty() || m.turbofish.is_some() {
        return None;
    }
    match m.method.to_string().as_str() {
        "iter" | "into_iter" => Some(&m.receiver),
        "copied" | "cloned" => match strip(&m.receiver) {
            Expr::MethodCall(inner)
                if inner.args.is_empty()
                    && matches!(inner.method.to_string().as_str(), "iter" | "into_iter") =>
            {
                Some(&inner.receiver)
            }
            _ => None,
        },
        _ => None,
    }
}

/// The flow codes that can escape these statements (not consumed by a loop inside them).
pub fn escape_codes(stmts: &[Stmt], out: &mut BTreeSet<u32>) {
    for s in stmts {
        match s {
            Stmt::SetFlow(c) => {
                out.insert(*c);
            }
            Stmt::If { then, els, .. } => {
                escape_codes(&then.stmts, out);
                escape_codes(&els.stmts, out);
            }
            Stmt::Loop(l) => {
                let mut inner = BTreeSet::new();
                escape_codes(&l.body.stmts, &mut inner);
                inner.remove(&l.break_code);
                inner.remove(&l.continue_code);
                out.extend(inner);
            }
            _ => {}
        }
    }
}

/// Names an expression kind the transformation does not handle, and what to write instead.
fn expr_kind(e: &Expr) -> (&'static str, &'static str) {
    match e {
        Expr::Closure(_) => (
            "a closure",
            "write a named #[differentiable] function and call it",
        ),
        Expr::Async(_) => ("an `async` block", "differentiate synchronous code"),
        Expr::Await(_) => ("`.await`", "differentiate synchronous code"),
        Expr::Try(_) => (
            "the `?` operator",
            "handle errors outside the differentiated function",
        ),
        Expr::TryBlock(_) => (
            "a `try` block",
            "handle errors outside the differentiated function",
        ),
        Expr::Struct(_) => (
            "a struct expression",
            "pass plain floats, slices or tuples (struct parameters are planned)",
        ),
        Expr::Array(_) => (
            "a nested array expression",
            "use a flat `vec![..]` indexed by `i * n + j`",
        ),
        Expr::Repeat(_) => (
            "a nested array repeat expression `[[x; n]; m]`",
            "use a flat `vec![x; n * m]` indexed by `i * n + j`",
        ),
        Expr::Range(_) => (
            "a range outside a `for` loop",
            "use ranges only as `for` loop bounds",
        ),
        Expr::Let(_) => ("a `let` expression", "compute a bool condition"),
        Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_) => (
            "a loop used as a value",
            "use the loop as a statement and assign to a variable declared before it",
        ),
        Expr::Assign(_) => ("an assignment used as a value", "write it as a statement"),
        Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => (
            "`return`/`break`/`continue` inside an expression",
            "move it to statement level",
        ),
        Expr::Block(_) => ("a labelled block", "use a loop or an `if`"),
        Expr::Const(_) => (
            "a `const` block",
            "use a constant item outside the function",
        ),
        Expr::Yield(_) => ("`yield`", "differentiate plain functions"),
        Expr::Infer(_) => ("`_` as an expression", "write a value"),
        Expr::RawAddr(_) => ("a raw borrow", "use references"),
        _ => (
            "this expression",
            "rewrite it with supported constructs (see the README's table)",
        ),
    }
}
