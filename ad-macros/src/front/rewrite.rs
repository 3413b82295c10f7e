//! Rewrites of everyday syntax into the constructs they stand for, on the body's syntax tree
//! before lowering (so every mode gets them): slice accessors (`first`, `last`, `split_at`,
//! `if let Some(v) = xs.get(i)`), `map_axis` of 2-D arrays, `Zip` of 1-D arrays and
//! `xs.chunks(k)` as index loops, `xs.swap(i, j)` of a known float sequence as element
//! writes through a temporary, `std::mem::swap` of places and destructuring assignment
//! `(a, b) = (e, f)` as assignments, `to_vec()` of a local `Vec` as its clone, `let y = if c
//! { e } else { return d };` as a deferred `let` assigned in the branches, a `Vec` of rows
//! built by pushing them given its type (`rows`). Operators on the
//! function's own struct values as the operator traits' methods (`operators`). Each rewrite applies only
//! to the shapes it recognises, to expressions without effects where it writes them twice;
//! anything else is lowered as written (and reported there if unsupported). Syntax built here
//! is parsed with `try_parse_at!` (never panics).

mod arrays;
mod diverging;
mod matrices;
mod operators;
mod rows;
mod searches;
mod writes;

use super::desugar::untyped;
use super::syntax::*;
use arrays::{map_axis, zip_loop};
use matrices::flatten_matrices;
pub use operators::struct_operators;
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Expr, ExprClosure, Ident, Pat};
use writes::{NameSubst, field_write, fill_loop, iter_mut_loop, tuple_write};

/// Slice accessors rewritten into the indexing they stand for, before lowering (so every mode
/// gets them): `xs.first().unwrap()` is `xs[0]` (a value for the borrow), `xs.last().copied().unwrap()` is
/// `xs[xs.len() - 1]`, `xs.first().copied().unwrap_or(d)` is `if xs.is_empty() { d } else {
/// xs[0] }` (also `.cloned()`, `.expect(..)`), and `let (l, r) = xs.split_at(k);` is `let l
/// = &xs[..k]; let r = &xs[k..];`. Only where the slice and `k` are expressions without
/// effects (names, fields, literals, `len()`, arithmetic), since they are written twice.
/// Also `a.map_axis(Axis(k), |lane| e)` of a 2-D array (see `map_axis`) and `Zip` of 1-D
/// arrays (see `zip_loop`).
pub fn everyday(block: &mut syn::Block, sig: &syn::Signature, constants: &[String]) {
    let floats = params_typed(sig, float_sequence_type);
    let vecs = params_typed(
        sig,
        |ty| matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Vec")),
    );
    let params = params_typed(sig, |_| true);
    let array_refs = params_typed(
        sig,
        |ty| matches!(ty, syn::Type::Reference(r) if matches!(&*r.elem, syn::Type::Array(_))),
    );
    typed_tuple_tail(block, sig);
    rows::annotate_row_vecs(block);
    diverging::diverging_lets(block);
    Everyday {
        floats,
        vecs,
        tuples: std::collections::HashMap::new(),
        field_copies: std::collections::HashSet::new(),
        constants: constants.to_vec(),
        params,
        array_refs,
    }
    .visit_block_mut(block);
}

/// The names of the parameters (plain identifier patterns) whose type satisfies `pred`.
fn params_typed(
    sig: &syn::Signature,
    pred: impl Fn(&syn::Type) -> bool,
) -> std::collections::HashSet<String> {
    sig.inputs
        .iter()
        .filter_map(|input| match input {
            syn::FnArg::Typed(pt) => match &*pt.pat {
                Pat::Ident(pi) if pred(&pt.ty) => Some(pi.ident.to_string()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// A tuple result whose elements are array literals where the signature says fixed-size
/// arrays (`-> ([f64; 2], f64)` ending in `([x[0] * 2.0, x[1]], x[0])`): each such literal
/// bound to a `let` annotated with its type first, as a bare `[..]` result is (an array
/// literal is otherwise a local buffer, a `Vec`).
fn typed_tuple_tail(block: &mut syn::Block, sig: &syn::Signature) {
    let syn::ReturnType::Type(_, ty) = &sig.output else {
        return;
    };
    let syn::Type::Tuple(tt) = &**ty else {
        return;
    };
    let Some(syn::Stmt::Expr(Expr::Tuple(t), None)) = block.stmts.last_mut() else {
        return;
    };
    if t.elems.len() != tt.elems.len() {
        return;
    }
    for (k, (e, ty)) in t.elems.iter_mut().zip(tt.elems.iter()).enumerate() {
        if matches!(ty, syn::Type::Array(_)) && matches!(strip(e), Expr::Array(_)) {
            let name = Ident::new(&format!("__ad_ret{k}"), e.span());
            let inner = e.clone();
            *e = syn::parse_quote_spanned!(inner.span()=> { let #name: #ty = #inner; #name });
        }
    }
}

/// The rewriter, with the names known to hold a sequence of floats (from their parameter
/// type, a `let` annotation or a float initialiser), whose elements `swap` may move.
struct Everyday {
    floats: std::collections::HashSet<String>,
    /// Names known to hold an owned `Vec` (whose `to_vec()` is its `clone()`).
    vecs: std::collections::HashSet<String>,
    /// Locals made by cloning a field (`let mut b = s.v.clone();`, `.to_vec()`) or filled by
    /// pushes (`let mut b = Vec::new();`): a sequence
    /// whose element type the macro cannot see; its `swap(i, j)` is read as the element
    /// exchange it stands for (a float's is differentiated; any other `Copy` element's is
    /// passive).
    field_copies: std::collections::HashSet<String>,
    /// Locals bound to a tuple (a tuple expression or a tuple type), with its length: an
    /// element write `t.1 = e;` is the tuple rebuilt, `t = (t.0, e);`.
    tuples: std::collections::HashMap<String, usize>,
    /// Parameters left out of `wrt`: their fields are not rewritten as writes (their type
    /// need not be a derived struct; writing there is reported as unsupported).
    constants: Vec<String>,
    /// The parameters' names (`fill` and `copy_from_slice` are rewritten on those only: an
    /// in-place function's buffers; a local buffer keeps the method, a constant's fill).
    params: std::collections::HashSet<String>,
    /// Parameters typed `&[T; N]`: `*a` as a call's argument is copied into a local first
    /// (`{ let c = *a; c }`), which types it as the callee's array parameter.
    array_refs: std::collections::HashSet<String>,
}

/// `[f64]`, `Vec<f64>`, `[f64; N]` (also `f32`), behind any references.
fn float_sequence_type(ty: &syn::Type) -> bool {
    let float = |t: &syn::Type| matches!(strip_ty(t), syn::Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"));
    match strip_ty(ty) {
        syn::Type::Reference(r) => float_sequence_type(&r.elem),
        syn::Type::Slice(sl) => float(&sl.elem),
        syn::Type::Array(a) => float(&a.elem),
        syn::Type::Path(p) => p.path.segments.last().is_some_and(|seg| {
            seg.ident == "Vec"
                && matches!(&seg.arguments, syn::PathArguments::AngleBracketed(a)
                    if a.args.len() == 1
                        && matches!(&a.args[0], syn::GenericArgument::Type(t) if float(t)))
        }),
        _ => false,
    }
}

fn strip_ty(ty: &syn::Type) -> &syn::Type {
    match ty {
        syn::Type::Paren(p) => strip_ty(&p.elem),
        syn::Type::Group(g) => strip_ty(&g.elem),
        t => t,
    }
}

impl Everyday {
    /// Whether `e` makes a sequence of floats: `vec![0.0; n]`, `vec![1.0, x]` (a float
    /// literal among the elements), `[0.0; N]`, `[1.0, x]`, `xs.to_vec()`/`clone()`/
    /// `to_owned()` of a known one.
    fn float_init(&self, e: &Expr) -> bool {
        // A float literal, or a float method's result (`x.sin()`), or arithmetic with one.
        fn floaty(e: &Expr) -> bool {
            match strip(e) {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Float(_),
                    ..
                }) => true,
                Expr::MethodCall(m) => {
                    crate::sema::rules::method(&m.method.to_string()).is_some()
                        && !matches!(m.method.to_string().as_str(), "len" | "count")
                }
                Expr::Binary(b) => floaty(&b.left) || floaty(&b.right),
                Expr::Unary(u) => floaty(&u.expr),
                _ => false,
            }
        }
        let known = |e: &Expr| {
            matches!(strip(e), Expr::Path(p)
                if p.path.get_ident().is_some_and(|i| self.floats.contains(&i.to_string())))
        };
        match strip(e) {
            Expr::Macro(m) if m.mac.path.is_ident("vec") => {
                // `vec![c; n]` of a float `c`, `vec![a, b, ..]` with a float among them.
                let parsed = syn::parse::Parser::parse2(
                    syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated,
                    m.mac.tokens.clone(),
                );
                // (Or an element of a known float sequence, `vec![xs[2], x * xs[0]]`.)
                let element = |e: &Expr| match strip(e) {
                    Expr::Index(ix) => {
                        !matches!(strip(&ix.index), Expr::Range(_)) && known(&ix.expr)
                    }
                    Expr::Binary(b) => [&b.left, &b.right].iter().any(|o| {
                        matches!(strip(o), Expr::Index(ix)
                            if !matches!(strip(&ix.index), Expr::Range(_)) && known(&ix.expr))
                    }),
                    _ => false,
                };
                match parsed {
                    Ok(elems) => elems.iter().any(|e| floaty(e) || element(e)),
                    Err(_) => {
                        let toks = m.mac.tokens.to_string();
                        let first = toks.split(';').next().unwrap_or("");
                        syn::parse_str::<Expr>(first).is_ok_and(|f| floaty(&f))
                    }
                }
            }
            Expr::Repeat(r) => floaty(&r.expr),
            Expr::Array(a) => a.elems.iter().any(floaty),
            // A copy of a known one (`let c = s0;`, `let c = *r;`).
            Expr::Path(_) => known(e),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => known(&u.expr),
            Expr::MethodCall(m)
                if m.args.is_empty()
                    && matches!(
                        m.method.to_string().as_str(),
                        "to_vec" | "clone" | "to_owned"
                    ) =>
            {
                matches!(strip(&m.receiver), Expr::Path(p) if p.path.get_ident().is_some_and(|i| self.floats.contains(&i.to_string())))
            }
            _ => false,
        }
    }

    /// Records what a `let` binds: a float sequence or not (a shadowing binding forgets it).
    fn note_local(&mut self, l: &syn::Local) {
        let (name, ty) = match &l.pat {
            Pat::Ident(pi) => (pi.ident.to_string(), None),
            Pat::Type(pt) => match &*pt.pat {
                Pat::Ident(pi) => (pi.ident.to_string(), Some(&*pt.ty)),
                _ => return,
            },
            _ => return,
        };
        let float = ty.is_some_and(float_sequence_type)
            || l.init.as_ref().is_some_and(|i| self.float_init(&i.expr));
        let vec = ty.is_some_and(|t| matches!(strip_ty(t), syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Vec")))
            || l.init.as_ref().is_some_and(|i| match strip(&i.expr) {
                Expr::Macro(m) => m.mac.path.is_ident("vec"),
                // `Vec::new()`, `Vec::with_capacity(n)` (filled by pushes).
                e @ Expr::Call(_) => rows::empty_vec(e),
                Expr::MethodCall(m) => {
                    m.args.is_empty() && matches!(m.method.to_string().as_str(), "to_vec")
                }
                // A move or clone of a known `Vec`.
                Expr::Path(p) => p.path.get_ident().is_some_and(|i| self.vecs.contains(&i.to_string())),
                _ => false,
            });
        if vec {
            self.vecs.insert(name.clone());
        } else {
            self.vecs.remove(&name);
        }
        // (Also a `Vec` filled by pushes, `let mut b = Vec::with_capacity(n);`: its element
        // type is not visible either.)
        let field_copy = l.init.as_ref().is_some_and(|i| match strip(&i.expr) {
            Expr::MethodCall(m) => {
                m.args.is_empty()
                    && matches!(m.method.to_string().as_str(), "clone" | "to_vec")
                    && matches!(strip(&m.receiver), Expr::Field(_))
            }
            e @ Expr::Call(_) => ty.is_none() && rows::empty_vec(e),
            _ => false,
        });
        if field_copy {
            self.field_copies.insert(name.clone());
        } else {
            self.field_copies.remove(&name);
        }
        let arity = match ty.map(strip_ty) {
            Some(syn::Type::Tuple(t)) => Some(t.elems.len()),
            Some(_) => None,
            None => l.init.as_ref().and_then(|i| match strip(&i.expr) {
                Expr::Tuple(t) => Some(t.elems.len()),
                _ => None,
            }),
        };
        match arity {
            Some(n) if n > 0 => {
                self.tuples.insert(name.clone(), n);
            }
            _ => {
                self.tuples.remove(&name);
            }
        }
        if float {
            self.floats.insert(name);
        } else {
            self.floats.remove(&name);
        }
    }
}

/// `xs.swap(i, j);` of a known float sequence `xs`: the exchange through a temporary, so
/// that it is differentiated as two element writes (`swap` itself has no rule).
fn swap_elements(
    e: &Expr,
    floats: &std::collections::HashSet<String>,
    field_copies: &std::collections::HashSet<String>,
) -> Option<syn::Stmt> {
    let Expr::MethodCall(m) = strip(e) else {
        return None;
    };
    let Expr::Path(p) = strip(&m.receiver) else {
        return None;
    };
    let name = p.path.get_ident()?;
    let known = floats.contains(&name.to_string()) || field_copies.contains(&name.to_string());
    if m.method != "swap" || m.args.len() != 2 || !known {
        return None;
    }
    let (i, j) = (&m.args[0], &m.args[1]);
    Some(try_parse_at!(m.span(), {
        let __ad_swap_i = #i;
        let __ad_swap_j = #j;
        let __ad_swap_t = #name[__ad_swap_i];
        #name[__ad_swap_i] = #name[__ad_swap_j];
        #name[__ad_swap_j] = __ad_swap_t;
    }))
}

/// `v.sort_by(|a, b| cmp)` (also `sort_unstable_by`) of a known float sequence: the
/// permutation found by sorting the indices with the same comparator on the elements (an
/// argsort, whose comparator may read differentiated values), then `v` gathered through it
/// and written back element by element (a `Vec` or a fixed-size array), so each element's
/// cotangent follows it. A stable sort of the indices orders equal
/// elements as `sort_by` does.
fn sort_values(e: &Expr, floats: &std::collections::HashSet<String>) -> Option<syn::Stmt> {
    let Expr::MethodCall(m) = strip(e) else {
        return None;
    };
    let Expr::Path(p) = strip(&m.receiver) else {
        return None;
    };
    let name = p.path.get_ident()?;
    if !matches!(
        m.method.to_string().as_str(),
        "sort_by" | "sort_unstable_by"
    ) || m.args.len() != 1
        || !floats.contains(&name.to_string())
    {
        return None;
    }
    let Expr::Closure(c) = strip(&m.args[0]) else {
        return None;
    };
    if c.inputs.len() != 2 {
        return None;
    }
    let (pa, pb, body) = (&c.inputs[0], &c.inputs[1], &c.body);
    let pa = untyped(pa);
    let pb = untyped(pb);
    Some(try_parse_at!(m.span(), {
        let mut __ad_order: ::std::vec::Vec<usize> = (0..#name.len()).collect();
        __ad_order.sort_by(|__ad_i: &usize, __ad_j: &usize| {
            let #pa = &#name[*__ad_i];
            let #pb = &#name[*__ad_j];
            #body
        });
        let __ad_sorted = __ad_order.iter().map(|&__ad_k| #name[__ad_k]).collect::<::std::vec::Vec<_>>();
        for __ad_k in 0..__ad_sorted.len() {
            #name[__ad_k] = __ad_sorted[__ad_k];
        }
    }))
}

/// A place that can be assigned: a name, a field or an element of one.
fn place(e: &Expr) -> bool {
    match strip(e) {
        Expr::Path(p) => p.path.get_ident().is_some(),
        Expr::Field(f) => place(&f.base),
        Expr::Index(i) => place(&i.expr) && pure(&i.index),
        _ => false,
    }
}

/// `std::mem::swap(&mut a, &mut b);` (also `core::mem::swap`, `mem::swap`) of two places:
/// `{ let t = a; a = b; b = t; }`.
fn mem_swap(e: &Expr) -> Option<syn::Stmt> {
    let Expr::Call(c) = strip(e) else {
        return None;
    };
    let Expr::Path(f) = strip(&c.func) else {
        return None;
    };
    let segs = path_names(&f.path);
    let named = matches!(
        segs.iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["std" | "core", "mem", "swap"] | ["mem", "swap"]
    );
    if !named || c.args.len() != 2 {
        return None;
    }
    let target = |a: &Expr| match strip(a) {
        Expr::Reference(r) if r.mutability.is_some() && place(&r.expr) => Some((*r.expr).clone()),
        _ => None,
    };
    let (a, b) = (target(&c.args[0])?, target(&c.args[1])?);
    Some(try_parse_at!(c.span(), {
        let __ad_swap_t = #a;
        #a = #b;
        #b = __ad_swap_t;
    }))
}

/// A destructuring assignment `(a, b) = (e, f);` (or `[a, b] = [e, f];`) of places: the
/// values first, then the assignments, `{ let t0 = e; let t1 = f; a = t0; b = t1; }`; with
/// another right-hand side, `{ let (t0, t1) = rhs; a = t0; b = t1; }`.
fn destructuring(e: &Expr) -> Option<syn::Stmt> {
    let Expr::Assign(asg) = strip(e) else {
        return None;
    };
    let lhs: Vec<&Expr> = match strip(&asg.left) {
        Expr::Tuple(t) => t.elems.iter().collect(),
        Expr::Array(a) => a.elems.iter().collect(),
        _ => return None,
    };
    if lhs.is_empty()
        || !lhs
            .iter()
            .all(|l| place(l) || matches!(strip(l), Expr::Infer(_)))
    {
        return None;
    }
    let span = asg.span();
    let temps: Vec<Ident> = (0..lhs.len())
        .map(|k| Ident::new(&format!("__ad_destr{k}"), span))
        .collect();
    let rhs: Option<Vec<&Expr>> = match strip(&asg.right) {
        Expr::Tuple(t) if t.elems.len() == lhs.len() => Some(t.elems.iter().collect()),
        Expr::Array(a) if a.elems.len() == lhs.len() => Some(a.elems.iter().collect()),
        _ => None,
    };
    let binds: Vec<proc_macro2::TokenStream> = match rhs {
        Some(values) => temps
            .iter()
            .zip(values)
            .map(|(t, v)| quote::quote_spanned!(span=> let #t = #v;))
            .collect(),
        None => {
            let r = &asg.right;
            let tuple = matches!(strip(&asg.left), Expr::Tuple(_));
            vec![if tuple {
                quote::quote_spanned!(span=> let (#(#temps),*) = #r;)
            } else {
                quote::quote_spanned!(span=> let [#(#temps),*] = #r;)
            }]
        }
    };
    let assigns = lhs
        .iter()
        .zip(&temps)
        .filter(|(l, _)| !matches!(strip(l), Expr::Infer(_)))
        .map(|(l, t)| quote::quote_spanned!(span=> #l = #t;));
    Some(try_parse_at!(span, { #(#binds)* #(#assigns)* }))
}

/// An expression that may be evaluated twice: names, fields, literals, indexing, `len()`
/// and arithmetic of those.
fn pure(e: &Expr) -> bool {
    match strip(e) {
        Expr::Path(_) | Expr::Lit(_) => true,
        Expr::Field(f) => pure(&f.base),
        Expr::Reference(r) => r.mutability.is_none() && pure(&r.expr),
        Expr::Unary(u) => pure(&u.expr),
        Expr::Binary(b) => !is_compound_assign(&b.op) && pure(&b.left) && pure(&b.right),
        Expr::Index(i) => pure(&i.expr) && pure(&i.index),
        Expr::MethodCall(m) => m.method == "len" && m.args.is_empty() && pure(&m.receiver),
        _ => false,
    }
}

fn slice_access(m: &syn::ExprMethodCall) -> Option<Expr> {
    let or_default = match (m.method.to_string().as_str(), m.args.len()) {
        ("unwrap", 0) | ("expect", 1) => None,
        ("unwrap_or", 1) => Some(&m.args[0]),
        _ => return None,
    };
    let mut inner = strip(&m.receiver);
    let mut copied = false;
    if let Expr::MethodCall(c) = inner
        && (c.method == "copied" || c.method == "cloned")
        && c.args.is_empty()
    {
        copied = true;
        inner = strip(&c.receiver);
    }
    let Expr::MethodCall(acc) = inner else {
        return None;
    };
    let s = &acc.receiver;
    let span = m.span();
    // `xs.get(i).copied().unwrap_or(d)` (also `.unwrap()`): the element at `i` (an index
    // without effects, written twice), `d` past the end.
    if acc.method == "get" && acc.args.len() == 1 && pure(s) && pure(&acc.args[0]) {
        let i = &acc.args[0];
        return Some(match (or_default, copied) {
            (None, _) => try_parse_at!(span, (#s)[#i]),
            (Some(d), true) => {
                try_parse_at!(span, (if (#i) < (#s).len() { (#s)[#i] } else { #d }))
            }
            (Some(_), false) => return None,
        });
    }
    let first = acc.method == "first";
    if !(first || acc.method == "last") || !acc.args.is_empty() || !pure(&acc.receiver) {
        return None;
    }
    let idx = if first {
        quote::quote_spanned!(span=> 0)
    } else {
        quote::quote_spanned!(span=> (#s).len() - 1)
    };
    // `xs.first().unwrap()` is a `&f64`; the element's value stands for it (arithmetic takes
    // both, and a borrow of a temporary could not be kept by the reverse sweep), and
    // `*xs.first().unwrap()` is the value too (see `visit_expr_mut`).
    Some(match (or_default, copied) {
        (None, _) => try_parse_at!(span, (#s)[#idx]),
        (Some(d), true) => try_parse_at!(span, (if (#s).is_empty() { #d } else { (#s)[#idx] })),
        (Some(_), false) => return None,
    })
}

fn split_at(local: &syn::Local) -> Option<Vec<syn::Stmt>> {
    let Pat::Tuple(t) = untyped(&local.pat) else {
        return None;
    };
    let init = local.init.as_ref().filter(|i| i.diverge.is_none())?;
    let Expr::MethodCall(m) = strip(&init.expr) else {
        return None;
    };
    if m.method != "split_at" || m.args.len() != 1 || t.elems.len() != 2 {
        return None;
    }
    let (s, k) = (&m.receiver, &m.args[0]);
    if !pure(s) || !pure(k) {
        return None;
    }
    let (l, r) = (&t.elems[0], &t.elems[1]);
    let span = m.span();
    Some(vec![
        try_parse_at!(span, let #l = &(#s)[..(#k)];),
        try_parse_at!(span, let #r = &(#s)[(#k)..];),
    ])
}

/// `for c in xs.chunks(k) { .. }` (also `chunks_exact`, whose last short chunk is skipped):
/// a loop over the chunks' indices, each chunk the borrowed sub-slice `&xs[a..b]`, for a
/// slice or `Vec` named by itself and a `k` without effects.
fn chunk_loop(e: &Expr) -> Option<Expr> {
    let Expr::ForLoop(f) = e else { return None };
    let Expr::MethodCall(m) = strip(&f.expr) else {
        return None;
    };
    let exact = m.method == "chunks_exact";
    if !(exact || m.method == "chunks") || m.args.len() != 1 || !pure(&m.args[0]) {
        return None;
    }
    if !matches!(strip(&m.receiver), Expr::Path(p) if p.path.get_ident().is_some()) {
        return None;
    }
    let (xs, k0, pat, body, label) = (&m.receiver, &m.args[0], &f.pat, &f.body, &f.label);
    let j = Ident::new("__ad_chunk", m.method.span());
    // The chunk size as it is when the loop starts (the body may assign a variable it names).
    let k = Ident::new("__ad_chunk_len", m.method.span());
    let count = if exact {
        quote::quote!(#xs.len() / #k)
    } else {
        quote::quote!((#xs.len() + #k - 1) / #k)
    };
    let tokens = quote::quote!({
        let #k: usize = #k0;
        #label for #j in 0..#count {
            let #pat = &#xs[#j * #k..::core::cmp::min((#j + 1) * #k, #xs.len())];
            #body
        }
    });
    syn::parse2(tokens).ok()
}

/// `if let Some(v) = xs.get(i) { a } else { b }` (also `Some(&v)`, and without `else`): `if
/// i < xs.len() { let v = &xs[i]; a } else { b }`, the element read by indexing, for slices
/// and `Vec`s named by themselves and an index without effects (written twice).
fn if_let_get(e: &Expr) -> Option<Expr> {
    let Expr::If(ifx) = e else { return None };
    let Expr::Let(l) = strip(&ifx.cond) else {
        return None;
    };
    let Pat::TupleStruct(ts) = &*l.pat else {
        return None;
    };
    if !ts.path.is_ident("Some") || ts.elems.len() != 1 {
        return None;
    }
    let Expr::MethodCall(m) = strip(&l.expr) else {
        return None;
    };
    if m.method != "get" || m.args.len() != 1 || !pure(&m.receiver) || !pure(&m.args[0]) {
        return None;
    }
    if !matches!(strip(&m.receiver), Expr::Path(p) if p.path.get_ident().is_some()) {
        return None;
    }
    let (xs, i) = (&m.receiver, &m.args[0]);
    let bind = match &ts.elems[0] {
        Pat::Reference(r) if r.mutability.is_none() => {
            let p = &r.pat;
            quote::quote!(let #p = #xs[#i];)
        }
        Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
            quote::quote!(let #pi = &#xs[#i];)
        }
        _ => return None,
    };
    let then = &ifx.then_branch.stmts;
    let tokens = match &ifx.else_branch {
        Some((_, els)) => quote::quote!(if (#i) < #xs.len() { #bind #(#then)* } else #els),
        None => quote::quote!(if (#i) < #xs.len() { #bind #(#then)* }),
    };
    syn::parse2(tokens).ok()
}

/// `let c: Array1<f64> = chain.collect();` is `let c: Array1<f64> =
/// Array1::from(chain.collect::<Vec<_>>());`: chains are rewritten into loops that build a
/// `Vec` (`iterchain`), and `Array1::from` of a `Vec` is the runtime's differentiable
/// `array_from_vec`.
fn collect_into_array(l: &mut syn::Local) {
    let syn::Pat::Type(t) = &l.pat else { return };
    let syn::Type::Path(p) = &*t.ty else { return };
    let Some(last) = p.path.segments.last() else {
        return;
    };
    if !matches!(last.ident.to_string().as_str(), "Array1" | "Array") {
        return;
    }
    let array = last.ident.clone();
    let Some(init) = &mut l.init else { return };
    let Expr::MethodCall(m) = &*init.expr else {
        return;
    };
    if m.method != "collect" || !m.args.is_empty() || m.turbofish.is_some() {
        return;
    }
    let (recv, span) = (&m.receiver, m.span());
    let e: Expr =
        syn::parse_quote_spanned!(span=> #array::from(#recv.collect::<::std::vec::Vec<_>>()));
    *init.expr = e;
}

impl VisitMut for Everyday {
    fn visit_block_mut(&mut self, b: &mut syn::Block) {
        searches::loop_values(b);
        flatten_matrices(b);
        let mut out = Vec::with_capacity(b.stmts.len());
        for s in std::mem::take(&mut b.stmts) {
            if let syn::Stmt::Local(l) = &s
                && let Some(two) = split_at(l)
            {
                out.extend(two);
                continue;
            }
            let mut s = s;
            if let syn::Stmt::Local(l) = &mut s {
                collect_into_array(l);
            }
            // Statements that stand for element exchanges and assignments.
            // A write of a struct's field (`s.x = e;`, `s.x += e;`, `s.a.b = e;`): the struct
            // rebuilt with that field replaced, a differentiable runtime call. A `&mut self`
            // method called on a field (`s.a.kick(f);`) writes the field with its in-place
            // value twin's result (`s.a = s.a.__ad_inplace_kick(f);`).
            // (Also on an element of a sequence of structs, `ps[i].kick(a);`, written back
            // whole: `ps[i] = ps[i].__ad_inplace_kick(a);`.)
            let struct_element = |r: &Expr| {
                matches!(strip(r), Expr::Index(ix)
                    if !matches!(strip(&ix.index), Expr::Range(_))
                        && matches!(strip(&ix.expr), Expr::Path(p)
                            if p.path.get_ident().is_some_and(|i| !self.floats.contains(&i.to_string()))))
            };
            // `Particle::drift(&mut p, k);`: the method called on `p` (`p.drift(k);`), which
            // the rules below and the lowering take (a `&mut self` step of a local or place).
            let s = match &s {
                syn::Stmt::Expr(Expr::Call(c), Some(semi))
                    if let Expr::Path(p) = strip(&c.func)
                        && p.qself.is_none()
                        && p.path.segments.len() == 2
                        && crate::front::is_struct_type(&syn::Type::Path(syn::TypePath {
                            qself: None,
                            path: p.path.segments[0].ident.clone().into(),
                        }))
                        && let Some(Expr::Reference(r)) = c.args.first().map(strip)
                        && r.mutability.is_some() =>
                {
                    let (place, m) = (&r.expr, &p.path.segments[1].ident);
                    let rest = c.args.iter().skip(1);
                    let e: Expr = syn::parse_quote_spanned!(c.span()=> #place.#m(#(#rest),*));
                    syn::Stmt::Expr(e, Some(*semi))
                }
                _ => s,
            };
            let mut s = match &s {
                syn::Stmt::Expr(Expr::MethodCall(m), Some(semi))
                    if (matches!(strip(&m.receiver), Expr::Field(_))
                        || struct_element(&m.receiver))
                        && m.turbofish.is_none()
                        && !crate::sema::rules::known_method(&m.method.to_string()) =>
                {
                    let twin = quote::format_ident!("__ad_inplace_{}", m.method);
                    let (recv, args) = (&m.receiver, m.args.iter());
                    let e: Expr = syn::parse_quote_spanned!(m.span()=>
                        #recv = #recv.#twin(#(#args),*));
                    syn::Stmt::Expr(e, Some(*semi))
                }
                _ => s,
            };
            if let syn::Stmt::Expr(e, Some(_)) = &s
                && let Some(mut rebuilt) = tuple_write(e, &self.tuples)
            {
                self.visit_stmt_mut(&mut rebuilt);
                out.push(rebuilt);
                continue;
            }
            if let syn::Stmt::Expr(e, Some(_)) = &s
                && let Some(stmts) = field_write(e, &self.constants)
            {
                for mut s in stmts {
                    self.visit_stmt_mut(&mut s);
                    out.push(s);
                }
                continue;
            }
            // A call that lends places by `&mut`: the assignment of its value twin's result
            // (also as a block's last expression, whose value is then `()`).
            if let syn::Stmt::Expr(e, _) = &s
                && let Some(stmts) = super::inplace::call_site(e)
            {
                for mut s in stmts {
                    self.visit_stmt_mut(&mut s);
                    out.push(s);
                }
                continue;
            }
            if let syn::Stmt::Expr(e, Some(_)) = &s
                && let Some(new) = swap_elements(e, &self.floats, &self.field_copies)
                    .or_else(|| sort_values(e, &self.floats))
                    .or_else(|| mem_swap(e))
                    .or_else(|| destructuring(e))
                    .or_else(|| fill_loop(e, &self.floats, &self.params))
            {
                s = new;
            }
            self.visit_stmt_mut(&mut s);
            // (What a `let` binds is noted after its initialiser is rewritten, which still
            // reads the names it shadows: `let mut x = x.to_vec();` of a slice parameter.)
            if let syn::Stmt::Local(l) = &s {
                self.note_local(l);
            }
            out.push(s);
        }
        b.stmts = out;
    }

    fn visit_expr_mut(&mut self, e: &mut Expr) {
        // A match arm whose body is an in-place call (`0 => step(&mut y, h),`): a block with
        // the call as its statement, so it is rewritten like one.
        if let Expr::Match(m) = e {
            for arm in &mut m.arms {
                if super::inplace::call_site(&arm.body).is_some() {
                    let body = &arm.body;
                    *arm.body = syn::parse_quote_spanned!(body.span()=> { #body; });
                }
            }
        }
        if let Some(new) = writes::field_element_write(e) {
            *e = new;
        }
        if let Expr::ForLoop(f) = e
            && let Some(new) = iter_mut_loop(f)
        {
            *e = new;
        }
        if let Some(new) = if_let_get(e)
            .or_else(|| chunk_loop(e))
            .or_else(|| searches::search_loop(e))
            .or_else(|| searches::extremum(e))
        {
            *e = new;
        }
        // `*xs.first().unwrap()`: the element's value.
        if let Expr::Unary(u) = e
            && matches!(u.op, syn::UnOp::Deref(_))
            && let Expr::MethodCall(m) = strip(&u.expr)
            && let Some(new) = slice_access(m)
        {
            *e = new;
            return self.visit_expr_mut(e);
        }
        // `g(*a, ..)` of an array parameter `a: &[T; N]`: the copy bound to a local first,
        // as `let c = *a; g(c, ..)` is (the local is typed as the callee's parameter).
        if let Expr::Call(syn::ExprCall { args, .. })
        | Expr::MethodCall(syn::ExprMethodCall { args, .. }) = e
        {
            for a in args.iter_mut() {
                if let Expr::Unary(u) = strip(a)
                    && matches!(u.op, syn::UnOp::Deref(_))
                    && let Expr::Path(p) = strip(&u.expr)
                    && p.path
                        .get_ident()
                        .is_some_and(|i| self.array_refs.contains(&i.to_string()))
                {
                    let c = Ident::new("__ad_copy", u.span());
                    *a = syn::parse_quote_spanned!(u.span()=> { let #c = #u; #c });
                }
            }
        }
        // `.map(f64::exp)`, `.map(square)`: a function path where a closure is expected, as
        // the closure calling it (the same call, so the same meaning for any receiver).
        if let Expr::MethodCall(m) = e
            && m.method == "map"
            && m.args.len() == 1
            && let Expr::Path(p) = strip(&m.args[0])
        {
            let item = Ident::new("__ad_item", p.span());
            m.args[0] = syn::parse_quote_spanned!(p.span()=> |#item| #p(#item));
        }
        syn::visit_mut::visit_expr_mut(self, e);
        // A user method on the result of another (`v.scale(c).add(w)`) or of a struct's
        // associated function (`V2::new(a, b).norm()`): the result bound to a name first,
        // so the front end can type it (see `struct_made`) and call the method on it. (After
        // the receiver's own rewrite, so chains of three or more bind each link.)
        if let Expr::MethodCall(m) = e
            && m.turbofish.is_none()
            && !crate::sema::rules::known_method(&m.method.to_string())
            && match strip(&m.receiver) {
                Expr::MethodCall(inner) => {
                    !crate::sema::rules::known_method(&inner.method.to_string())
                        && matches!(strip(&inner.receiver), Expr::Path(_) | Expr::Field(_))
                }
                Expr::Block(b) => b.block.stmts.first().is_some_and(|s| {
                    matches!(s, syn::Stmt::Local(l) if matches!(&l.pat, Pat::Ident(pi) if pi.ident == "__ad_chain"))
                }),
                Expr::Call(c) => matches!(strip(&c.func), Expr::Path(p)
                    if p.path.segments.len() == 2
                        && {
                            let ty = p.path.segments[0].ident.to_string();
                            ty.starts_with(|c: char| c.is_uppercase())
                                && !ty.starts_with("Array")
                                && !matches!(ty.as_str(), "Zip" | "Vec" | "String" | "Box" | "Axis" | "Some")
                        }),
                _ => false,
            }
        {
            let t = Ident::new("__ad_chain", m.span());
            let recv = &m.receiver;
            let mut m2 = m.clone();
            *m2.receiver = syn::parse_quote!(#t);
            *e = syn::parse_quote_spanned!(m.span()=> { let #t = #recv; #m2 });
        }
        // `v.to_vec()` / `v.to_owned()` of a local `Vec`: its clone (the macro's `to_vec` is
        // the slice parameters' one).
        if let Expr::MethodCall(m) = e
            && m.args.is_empty()
            && matches!(m.method.to_string().as_str(), "to_vec" | "to_owned")
            && let Expr::Path(p) = strip(&m.receiver)
            && p.path
                .get_ident()
                .is_some_and(|i| self.vecs.contains(&i.to_string()))
        {
            m.method = Ident::new("clone", m.method.span());
        }
        if let Expr::MethodCall(m) = e
            && let Some(new) = slice_access(m)
                .or_else(|| map_axis(m))
                .or_else(|| zip_loop(m))
        {
            *e = new;
        }
    }
}
