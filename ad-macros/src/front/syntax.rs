//! Small questions about syntax trees, and the messages for expression kinds the
//! transformation does not support.

use crate::ctxt::Ctxt;
use crate::ir::*;
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use std::collections::HashMap;
use syn::{Expr, Ident, Pat};

/// Removes parentheses and invisible groups.
pub fn strip(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => strip(&p.expr),
        Expr::Group(g) => strip(&g.expr),
        _ => e,
    }
}

/// Whether tokens exit (`return`, `break`, `continue`, `?`) somewhere inside: a closure body
/// that does would mean something else once inlined into a loop or a block.
/// Whether the tokens hold the identifier `name` anywhere (inside groups too).
pub(crate) fn mentions_ident(ts: &TokenStream, name: &str) -> bool {
    ts.clone().into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(i) => i == name,
        proc_macro2::TokenTree::Group(g) => mentions_ident(&g.stream(), name),
        _ => false,
    })
}

pub(crate) fn exits(ts: TokenStream) -> bool {
    ts.into_iter().any(|t| match t {
        TokenTree::Ident(i) => i == "return" || i == "break" || i == "continue",
        TokenTree::Punct(p) => p.as_char() == '?',
        TokenTree::Group(g) => exits(g.stream()),
        TokenTree::Literal(_) => false,
    })
}

pub(crate) fn is_range_index(e: &Expr) -> bool {
    matches!(strip(e), Expr::Index(ix) if matches!(strip(&ix.index), Expr::Range(_)))
}

pub(crate) fn collect_pat_idents(pat: &Pat, out: &mut Vec<Ident>, cx: &Ctxt) {
    match pat {
        Pat::Ident(pi) if pi.subpat.is_none() => out.push(pi.ident.clone()),
        Pat::Tuple(t) => t.elems.iter().for_each(|p| collect_pat_idents(p, out, cx)),
        Pat::Reference(r) => collect_pat_idents(&r.pat, out, cx),
        Pat::Wild(_) => {}
        Pat::Type(t) => collect_pat_idents(&t.pat, out, cx),
        other => cx.error_spanned_by(other, "this loop pattern is not supported by #[differentiable]; bind names or tuples of names"),
    }
}

pub(crate) fn replace_idents(tokens: TokenStream, map: &HashMap<String, Ident>) -> TokenStream {
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
pub(crate) fn top_binding(p: &Pat) -> Option<Ident> {
    match p {
        Pat::Ident(pi) if pi.subpat.is_none() && pi.by_ref.is_none() => {
            let first = pi.ident.to_string().chars().next().unwrap_or('_');
            (first.is_lowercase() || (first == '_' && pi.ident != "_")).then(|| pi.ident.clone())
        }
        _ => None,
    }
}

/// The span of the first `return`/`break`/`continue` in a statement.
pub(crate) fn first_exit(s: &syn::Stmt) -> Option<Span> {
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

pub(crate) fn atom_tokens(vars: &[Var], a: &Atom) -> TokenStream {
    match a {
        Atom::Var(v) => vars[*v].ident.to_token_stream(),
        Atom::Ref(v) => {
            let i = &vars[*v].ident;
            quote!(&#i)
        }
        Atom::Const(c) => c.clone(),
    }
}

/// A variable bound by a pattern, if any (lower-case identifiers bind; upper-case ones name
/// constants and unit variants).
pub(crate) fn pattern_binding(p: &Pat) -> Option<Ident> {
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

/// Every variable a pattern binds (for `Or` patterns, those of the first alternative).
pub(crate) fn pattern_bindings(p: &Pat, out: &mut Vec<Ident>) {
    match p {
        Pat::Ident(pi) => {
            if let Some(sub) = &pi.subpat {
                pattern_bindings(&sub.1, out);
            }
            if pattern_binding(&Pat::Ident(syn::PatIdent {
                subpat: None,
                ..pi.clone()
            }))
            .is_some()
            {
                out.push(pi.ident.clone());
            }
        }
        Pat::Or(o) => {
            if let Some(first) = o.cases.first() {
                pattern_bindings(first, out);
            }
        }
        Pat::Tuple(t) => t.elems.iter().for_each(|e| pattern_bindings(e, out)),
        Pat::TupleStruct(t) => t.elems.iter().for_each(|e| pattern_bindings(e, out)),
        Pat::Struct(s) => s.fields.iter().for_each(|f| pattern_bindings(&f.pat, out)),
        Pat::Reference(r) => pattern_bindings(&r.pat, out),
        Pat::Paren(p) => pattern_bindings(&p.pat, out),
        Pat::Slice(s) => s.elems.iter().for_each(|e| pattern_bindings(e, out)),
        Pat::Type(t) => pattern_bindings(&t.pat, out),
        _ => {}
    }
}

pub(crate) fn is_compound_assign(op: &syn::BinOp) -> bool {
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

/// Names an expression kind the transformation does not handle, and what to write instead.
pub(crate) fn expr_kind(e: &Expr) -> (&'static str, &'static str) {
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
            "a struct expression with `..base` (functional update)",
            "write every field (`State { x: x1, v: s.v.clone() }`)",
        ),
        Expr::Array(_) => (
            "an array expression nested deeper than rows (`[[a, b], [c, d]]`, up to eight rows, works), or of rows of buffers built otherwise",
            "use a flat `vec![..]` indexed by `i * n + j`",
        ),
        Expr::Repeat(_) => (
            "a nested array repeat expression `[[x; n]; m]` used other than by its elements",
            "use it only as `m[i][j]` in the block that declares it (then it is one flat buffer), or a flat `vec![x; n * m]` indexed by `i * n + j`",
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

/// A function of the runtime (`::ad_runtime::..`, `nn::softmax`): generic over the float type
/// (it takes duals as they are), and it never calls back into user code.
pub(crate) fn is_runtime_path(path: &syn::Path) -> bool {
    let n = path.segments.len();
    // (`::ad_runtime::__private::FieldOf::<S, H>::m` names a user method through a field's
    // type, `ElemOf::<S>::m` through a sequence's element type: not the runtime's.)
    ((path.leading_colon.is_some() && path.segments[0].ident == "ad_runtime")
        || (n >= 2 && path.segments[n - 2].ident == "nn"))
        && !path
            .segments
            .iter()
            .any(|s| s.ident == "FieldOf" || s.ident == "ElemOf")
}

/// The float type parameter of `func`, if it is generic over one (a single type parameter
/// bounded by a trait named `Float`, in its bounds or its `where` clause).
pub(crate) fn float_param(func: &syn::ItemFn) -> Option<&syn::TypeParam> {
    let g = &func.sig.generics;
    let types: Vec<&syn::TypeParam> = g.type_params().collect();
    if types.len() != 1 || g.const_params().next().is_some() {
        return None;
    }
    let t = types[0];
    let is_float = |b: &syn::TypeParamBound| matches!(b, syn::TypeParamBound::Trait(tb) if tb.path.segments.last().is_some_and(|s| s.ident == "Float"));
    let in_where = g.where_clause.as_ref().is_some_and(|w| {
        w.predicates.iter().any(|p| match p {
            syn::WherePredicate::Type(pt) => {
                matches!(&pt.bounded_ty, syn::Type::Path(p) if p.path.is_ident(&t.ident))
                    && pt.bounds.iter().any(is_float)
            }
            _ => false,
        })
    });
    (t.bounds.iter().any(is_float) || in_where).then_some(t)
}

/// The names of a path's segments (`std::mem::swap` → `["std", "mem", "swap"]`).
pub(crate) fn path_names(path: &syn::Path) -> Vec<String> {
    path.segments.iter().map(|s| s.ident.to_string()).collect()
}

/// Whether evaluating `e` may assign the variable `name`: an assignment or compound
/// assignment whose place is rooted at it (`name = ..`, `name.x += ..`, `name[i] = ..`), or a
/// `&mut` borrow of it. (An operand evaluated before `e` that reads `name` must then be read
/// first: Rust evaluates operands left to right.)
pub(crate) fn assigns_name(e: &Expr, name: &str) -> bool {
    assigns(e, Some(name))
}

/// Whether evaluating `e` may assign any variable (see [`assigns_name`]).
pub(crate) fn assigns_anything(e: &Expr) -> bool {
    assigns(e, None)
}

/// An assignment, compound assignment or `&mut` borrow in `e` whose place is rooted at
/// `name` (any place for `None`).
fn assigns(e: &Expr, name: Option<&str>) -> bool {
    use syn::visit::Visit;
    fn rooted(e: &Expr, name: Option<&str>) -> bool {
        let Some(name) = name else { return true };
        match strip(e) {
            Expr::Path(p) => p.path.is_ident(name),
            Expr::Field(f) => rooted(&f.base, Some(name)),
            Expr::Index(i) => rooted(&i.expr, Some(name)),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => rooted(&u.expr, Some(name)),
            _ => false,
        }
    }
    struct Finder<'a> {
        name: Option<&'a str>,
        found: bool,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_expr(&mut self, e: &'ast Expr) {
            let place = match e {
                Expr::Assign(a) => Some(&*a.left),
                Expr::Binary(b) if is_compound_assign(&b.op) => Some(&*b.left),
                Expr::Reference(r) if r.mutability.is_some() => Some(&*r.expr),
                _ => None,
            };
            if place.is_some_and(|p| rooted(p, self.name)) {
                self.found = true;
            } else {
                syn::visit::visit_expr(self, e);
            }
        }
    }
    let mut f = Finder { name, found: false };
    f.visit_expr(e);
    f.found
}

/// `func` with its raw identifiers made plain, for the transformation (the primal is emitted
/// as written): `r#abc` is the identifier `abc` in Rust (`fn f(r#x: f64) { x * x }`), so it
/// becomes `abc` everywhere; a raw keyword (`let r#type = ..;`) bound as a variable or a
/// parameter becomes the hidden `__ad_raw_type` where it is bound and read (fields and
/// methods keep their names). The front end compares names as text, where `r#x` and `x`
/// differ.
pub(crate) fn unraw(func: &syn::ItemFn) -> syn::ItemFn {
    use syn::visit_mut::VisitMut;
    fn plain(i: &Ident) -> Option<Ident> {
        let s = i.to_string();
        let name = s.strip_prefix("r#")?;
        Some(if syn::parse_str::<Ident>(name).is_ok() {
            Ident::new(name, i.span())
        } else {
            Ident::new(&format!("__ad_raw_{name}"), i.span())
        })
    }
    fn keyword(i: &Ident) -> bool {
        i.to_string()
            .strip_prefix("r#")
            .is_some_and(|n| syn::parse_str::<Ident>(n).is_err())
    }
    struct Unraw;
    impl VisitMut for Unraw {
        fn visit_ident_mut(&mut self, i: &mut Ident) {
            // Non-keywords anywhere (the same identifier); keywords only as variables, below.
            if !keyword(i)
                && let Some(p) = plain(i)
            {
                *i = p;
            }
        }
        fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
            if let Some(n) = plain(&p.ident) {
                p.ident = n;
            }
            syn::visit_mut::visit_pat_ident_mut(self, p);
        }
        fn visit_expr_path_mut(&mut self, e: &mut syn::ExprPath) {
            if e.qself.is_none()
                && e.path.segments.len() == 1
                && let Some(n) = plain(&e.path.segments[0].ident)
            {
                e.path.segments[0].ident = n;
            }
            syn::visit_mut::visit_expr_path_mut(self, e);
        }
    }
    let mut f = func.clone();
    if quote::ToTokens::to_token_stream(&f)
        .to_string()
        .contains("r#")
    {
        Unraw.visit_item_fn_mut(&mut f);
    }
    f
}

/// Errors for what the transformation would misread silently: `#[cfg(..)]` on a statement or
/// expression in the body (the macro cannot evaluate it, and a statement compiled out of the
/// primal would run in the derivatives: `if cfg!(..)` says the same and is differentiated),
/// and names starting with `__ad` or `__slot`, which the generated code uses.
pub(crate) fn misread(item: &syn::ItemFn) -> Vec<syn::Error> {
    use syn::visit::Visit;
    struct Find(Vec<syn::Error>);
    impl Visit<'_> for Find {
        fn visit_attribute(&mut self, a: &syn::Attribute) {
            if a.path().is_ident("cfg") || a.path().is_ident("cfg_attr") {
                self.0.push(syn::Error::new_spanned(
                    a,
                    "`#[cfg(..)]` on a statement or expression inside a #[differentiable] function is not supported (the derivatives would not see it compiled out); write `if cfg!(..) { .. }`, or put the `#[cfg]` on the whole function",
                ));
            }
        }
        fn visit_pat_ident(&mut self, p: &syn::PatIdent) {
            let n = p.ident.to_string();
            if n.starts_with("__ad") || n.starts_with("__slot") {
                self.0.push(syn::Error::new_spanned(
                    &p.ident,
                    format!("`{n}`: names starting with `__ad` or `__slot` are reserved by #[differentiable] (its generated code uses them); rename it"),
                ));
            }
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_item(&mut self, _: &syn::Item) {}
    }
    let mut f = Find(Vec::new());
    for input in &item.sig.inputs {
        f.visit_fn_arg(input);
    }
    f.visit_block(&item.block);
    let mut errors = f.0;
    errors.extend(hygiene_conflicts(item));
    errors
}

/// Variables named alike from two `macro_rules` hygiene contexts (`let x = 2.0; x * $e` in a
/// macro, with the caller's `x` in `$e`): Rust keeps them apart, the transformation compares
/// names as text and would take one for the other, so each is an error. A span's context is
/// read from its `Debug` form (`#5 bytes(..)` in rustc); where that shows none (a span made
/// outside the compiler), nothing is reported.
fn hygiene_conflicts(item: &syn::ItemFn) -> Vec<syn::Error> {
    use std::collections::HashMap;
    use syn::visit::Visit;
    fn context(span: Span) -> Option<String> {
        let d = format!("{span:?}");
        let rest = d.strip_prefix('#')?;
        Some(rest[..rest.find(' ')?].to_string())
    }
    #[derive(Default)]
    struct Names {
        bound: HashMap<String, Vec<(String, Span)>>,
        read: Vec<(String, String, Span)>,
    }
    impl<'ast> Visit<'ast> for Names {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            if let Some(c) = context(p.ident.span()) {
                let spans = self.bound.entry(p.ident.to_string()).or_default();
                spans.push((c, p.ident.span()));
            }
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_expr_path(&mut self, e: &'ast syn::ExprPath) {
            if let Some(i) = e.path.get_ident()
                && let Some(c) = context(i.span())
            {
                self.read.push((i.to_string(), c, i.span()));
            }
            syn::visit::visit_expr_path(self, e);
        }
    }
    let mut n = Names::default();
    for input in &item.sig.inputs {
        n.visit_fn_arg(input);
    }
    n.visit_block(&item.block);
    let mut errors = Vec::new();
    let mut reported = std::collections::HashSet::new();
    let mut uses: Vec<(String, String, Span)> = n
        .bound
        .iter()
        .flat_map(|(name, bs)| bs.iter().map(move |(c, sp)| (name.clone(), c.clone(), *sp)))
        .collect();
    uses.extend(
        n.read
            .into_iter()
            .filter(|(name, ..)| n.bound.contains_key(name)),
    );
    for (name, ctx, span) in &uses {
        let first = &n.bound[name][0].0;
        if ctx != first && reported.insert(name.clone()) {
            errors.push(syn::Error::new(
                *span,
                format!(
                    "`{name}` names two different variables here, one written inside a `macro_rules!` macro and one its caller passed in (they are apart by the macro's hygiene); #[differentiable] tells variables apart by their names and would take one for the other: rename the macro's variable"
                ),
            ));
        }
    }
    errors
}

/// The names `xs` whose elements `block` reads a named field of (`xs[i].x`, `xs[i].x = e`):
/// sequences of structs (a float, a row or an ndarray element has no named field).
pub(crate) fn struct_sequences(block: &syn::Block) -> std::collections::HashSet<String> {
    struct Finder(std::collections::HashSet<String>);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_expr_field(&mut self, f: &'ast syn::ExprField) {
            if matches!(f.member, syn::Member::Named(_))
                && let Expr::Index(ix) = strip(&f.base)
                && !matches!(strip(&ix.index), Expr::Range(_))
                && let Expr::Path(p) = strip(&ix.expr)
                && let Some(id) = p.path.get_ident()
            {
                self.0.insert(id.to_string());
            }
            syn::visit::visit_expr_field(self, f);
        }
    }
    let mut f = Finder(Default::default());
    syn::visit::Visit::visit_block(&mut f, block);
    f.0
}

/// Whether `name` is written like a global `const` or `static` (`W`, `GAUSS_W`, `T2`): upper
/// case letters, digits and underscores, with a letter.
pub(crate) fn is_global_constant_name(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// The names a `let` in `block` binds that are already bound (a parameter in `vars`, or an
/// earlier `let` of the body): shadowed somewhere (see `Lowerer::shadowed_later`).
pub(crate) fn rebound_names(
    block: &syn::Block,
    vars: &[crate::ir::Var],
) -> std::collections::HashSet<String> {
    struct Lets(Vec<String>);
    impl<'ast> syn::visit::Visit<'ast> for Lets {
        fn visit_local(&mut self, l: &'ast syn::Local) {
            fn names(p: &syn::Pat, out: &mut Vec<String>) {
                match p {
                    syn::Pat::Ident(i) => out.push(i.ident.to_string()),
                    syn::Pat::Type(t) => names(&t.pat, out),
                    syn::Pat::Tuple(t) => t.elems.iter().for_each(|e| names(e, out)),
                    _ => {}
                }
            }
            names(&l.pat, &mut self.0);
            syn::visit::visit_local(self, l);
        }
    }
    let mut lets = Lets(Vec::new());
    syn::visit::Visit::visit_block(&mut lets, block);
    let mut seen: std::collections::HashSet<String> =
        vars.iter().map(|v| v.ident.to_string()).collect();
    let mut out = std::collections::HashSet::new();
    for n in lets.0 {
        if !seen.insert(n.clone()) {
            out.insert(n);
        }
    }
    out
}

/// The struct types `item` shows as its own: the (element) types of its struct parameters and
/// the paths of the struct literals in its body, by their last segment.
pub(crate) fn user_types(item: &syn::ItemFn) -> std::collections::HashSet<String> {
    use syn::visit::Visit;
    fn element(ty: &syn::Type) -> &syn::Type {
        match ty {
            syn::Type::Reference(r) => element(&r.elem),
            syn::Type::Slice(s) => element(&s.elem),
            syn::Type::Array(a) => element(&a.elem),
            syn::Type::Paren(p) => element(&p.elem),
            syn::Type::Group(g) => element(&g.elem),
            syn::Type::Path(p) => match p.path.segments.last() {
                Some(seg) if seg.ident == "Vec" => match &seg.arguments {
                    syn::PathArguments::AngleBracketed(a) => match a.args.first() {
                        Some(syn::GenericArgument::Type(t)) => element(t),
                        _ => ty,
                    },
                    _ => ty,
                },
                _ => ty,
            },
            _ => ty,
        }
    }
    struct Literals(std::collections::HashSet<String>);
    impl Visit<'_> for Literals {
        fn visit_expr_struct(&mut self, e: &syn::ExprStruct) {
            if let Some(last) = e.path.segments.last()
                && last.ident != "Self"
            {
                self.0.insert(last.ident.to_string());
            }
            syn::visit::visit_expr_struct(self, e);
        }
        // A `let` annotated with one (`let v: V2 = p.vel;`).
        fn visit_local(&mut self, l: &syn::Local) {
            if let syn::Pat::Type(pt) = &l.pat
                && let ty = element(&pt.ty)
                && crate::front::is_struct_type(ty)
                && let syn::Type::Path(p) = ty
                && let Some(last) = p.path.segments.last()
            {
                self.0.insert(last.ident.to_string());
            }
            syn::visit::visit_local(self, l);
        }
        // A constructor `V2::new(..)` (also `zero`, `splat`, `default`), as the operator
        // rewrite reads them.
        fn visit_expr_call(&mut self, c: &syn::ExprCall) {
            if let syn::Expr::Path(p) = &*c.func
                && p.qself.is_none()
                && p.path.segments.len() == 2
                && matches!(
                    p.path.segments[1].ident.to_string().as_str(),
                    "new" | "zero" | "splat" | "default"
                )
                && let ty = syn::Type::Path(syn::TypePath {
                    qself: None,
                    path: p.path.segments[0].ident.clone().into(),
                })
                && crate::front::is_struct_type(&ty)
                && !matches!(
                    p.path.segments[0].ident.to_string().as_str(),
                    "Self"
                        | "HashMap"
                        | "HashSet"
                        | "BTreeMap"
                        | "BTreeSet"
                        | "VecDeque"
                        | "BinaryHeap"
                        | "Rc"
                        | "Arc"
                        | "Cell"
                        | "RefCell"
                        | "Mutex"
                        | "Complex"
                        | "Instant"
                        | "Duration"
                        | "Wrapping"
                )
            {
                self.0.insert(p.path.segments[0].ident.to_string());
            }
            syn::visit::visit_expr_call(self, c);
        }
    }
    let mut found = Literals(std::collections::HashSet::new());
    for arg in &item.sig.inputs {
        if let syn::FnArg::Typed(pt) = arg
            && let ty = element(&pt.ty)
            && crate::front::is_struct_type(ty)
            && let syn::Type::Path(p) = ty
            && let Some(last) = p.path.segments.last()
        {
            found.0.insert(last.ident.to_string());
        }
    }
    found.visit_block(&item.block);
    found.0
}

/// Fragments substituted by a `macro_rules` macro (`$t:ty`, `$e:expr`) arrive as
/// invisible groups, which the transformation would not recognise (`x: $t` with `f64`
/// is a float): types unwrapped, expressions parenthesised (they keep their precedence).
struct Ungroup;
impl syn::visit_mut::VisitMut for Ungroup {
    fn visit_type_mut(&mut self, t: &mut syn::Type) {
        while let syn::Type::Group(g) = t {
            *t = (*g.elem).clone();
        }
        syn::visit_mut::visit_type_mut(self, t);
    }
    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
        if let syn::Expr::Group(g) = e {
            *e = syn::Expr::Paren(syn::ExprParen {
                attrs: g.attrs.clone(),
                paren_token: syn::token::Paren(g.group_token.span),
                expr: g.expr.clone(),
            });
        }
        syn::visit_mut::visit_expr_mut(self, e);
    }
}

/// `func` with the invisible groups of `macro_rules` fragments made explicit (see
/// [`Ungroup`]), for the transformation and for the primal emitted next to it: rustc's parser
/// does not keep an invisible group's precedence in a proc macro's output (`x * $e` with
/// `$e = x + y` would read `x * x + y`), parentheses keep it.
pub(crate) fn ungroup(func: &syn::ItemFn) -> syn::ItemFn {
    use syn::visit_mut::VisitMut;
    let mut f = func.clone();
    Ungroup.visit_item_fn_mut(&mut f);
    f
}
