//! Iterator chains rewritten into the index loops they stand for, so that every mode
//! differentiates them as the loops they are (no rule per adaptor, no closure at run time).
//!
//! A chain is a source, adaptors, and a sink:
//! - sources: `xs.iter()` / `xs.into_iter()` / `&xs` (elements borrowed, `xs[i]`), a range
//!   `a..b` / `a..=b` (the index itself), `xs.windows(k)` (`&xs[i..i + k]`), `xs.chunks(k)` /
//!   `xs.chunks_exact(k)` (`&xs[i k..min((i + 1) k, n)]`), each optionally
//!   `.rev()` right after it (or after an `enumerate()` right after it);
//! - adaptors: `map`, `filter`, `enumerate`, `zip` (with another source), `skip`, `take`,
//!   `step_by`, `copied` / `cloned`, and `chain` (another chain: its loop runs after);
//! - sinks: `sum`, `product`, `fold` (a closure or a function path), `count`,
//!   `collect::<Vec<_>>()`, or a `for` loop's body.
//!
//! Every adaptor is a few statements in the loop body: `filter` a `continue`, `take` a
//! counter and a `break`, `enumerate` a counter, `zip` a counter that indexes the other
//! source (and a `break` at its end), `map` a `let` of the closure's body with its parameter
//! bound to the element. So `x.iter().zip(y.iter()).filter(|(a, _)| **a > 0.0).map(|(a, b)| a * b).sum()`
//! becomes a loop over `0..x.len()` that reads `y[k]` for a counter `k`, skips the elements
//! the filter rejects, and adds `a * b`. Shapes this does not know (an adaptor after
//! `rev`, a closure that exits, `chain` in a `for` loop that breaks) keep the messages
//! they had.

use super::syntax::*;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::spanned::Spanned;
use syn::{Expr, Pat};

/// An element as the loop body sees it.
#[derive(Clone)]
enum Item {
    /// A place read by index (`xs[i]`); `by_ref` when the iterator yields `&xs[i]`.
    Place { expr: TokenStream, by_ref: bool },
    /// A value bound to a name (an index, a `map` result, a window).
    Value(TokenStream),
    /// `zip` and `enumerate` pairs.
    Pair(Box<Item>, Box<Item>),
}

impl Item {
    /// The element as an expression of its own type.
    fn expr(&self) -> TokenStream {
        match self {
            Item::Place { expr, by_ref: true } => quote!((&#expr)),
            Item::Place { expr, .. } | Item::Value(expr) => expr.clone(),
            Item::Pair(a, b) => {
                let (a, b) = (a.expr(), b.expr());
                quote!((#a, #b))
            }
        }
    }
    /// The element's value (a borrowed element read by value: sums and pushes of floats).
    fn value(&self) -> Option<TokenStream> {
        match self {
            Item::Place { expr, .. } | Item::Value(expr) => Some(expr.clone()),
            Item::Pair(..) => None,
        }
    }
}

#[derive(Clone)]
enum Source {
    /// `xs` indexed by the loop counter.
    Slice(TokenStream),
    /// `lo..hi` (or `..=`): the counter itself.
    Range(TokenStream, TokenStream, bool),
    /// `xs.windows(k)`.
    Windows(TokenStream, TokenStream),
    /// `xs.chunks(k)` (the last chunk shorter), `xs.chunks_exact(k)` (`exact`: no remainder).
    Chunks(TokenStream, TokenStream, bool),
}

#[derive(Clone)]
enum Stage {
    Map(Pat, Expr),
    Filter(Pat, Expr),
    Copied,
    /// The counter's name.
    Enumerate(syn::Ident),
    /// `enumerate` numbering each element by its index (before a `rev`).
    Position,
    Skip(syn::Ident, Expr),
    Take(syn::Ident, Expr),
    StepBy(syn::Ident, Expr),
    /// The other source (not reversed), its counter.
    Zip(Source, syn::Ident),
}

#[derive(Clone)]
struct Segment {
    source: Source,
    rev: bool,
    stages: Vec<Stage>,
}

/// The reduction at the end of a chain.
pub(crate) enum Sink<'a> {
    Sum(Option<syn::Type>),
    Product(Option<syn::Type>),
    Fold(&'a Expr, &'a Expr),
    Count,
    Collect,
    For(&'a syn::ExprForLoop),
}

struct Builder {
    span: Span,
    counters: Vec<syn::Ident>,
    fresh: usize,
    /// `let` statements before the loops: the chain's arguments (`skip(k)`, `windows(k)`,
    /// the bounds of a sub-slice source), evaluated once where the chain starts, as the
    /// iterator evaluates them (a `for` body may assign the variables they name).
    hoisted: Vec<TokenStream>,
}

impl Builder {
    fn counter(&mut self, what: &str) -> syn::Ident {
        let c = syn::Ident::new(&format!("__ad_{what}{}", self.counters.len()), self.span);
        self.counters.push(c.clone());
        c
    }
    fn fresh(&mut self, what: &str) -> syn::Ident {
        self.fresh += 1;
        syn::Ident::new(&format!("__ad_{what}{}", self.fresh), self.span)
    }

    /// `e` evaluated once before the loops (see `Builder::hoisted`); a literal stays as is.
    fn hoist(&mut self, e: &Expr) -> TokenStream {
        if matches!(strip(e), Expr::Lit(_)) {
            return e.to_token_stream();
        }
        let h = self.fresh("arg");
        self.hoisted.push(quote!(let #h = #e;));
        quote!(#h)
    }

    /// The body of a `move` closure reading the values its free names had where the chain
    /// starts (hoisted copies), as Rust's `move` captures them: a loop over the chain may
    /// change the variables (`for v in xs.iter().map(move |&a| a * s) { s += v; }`).
    fn captured(&mut self, pat: &Pat, mut body: Expr) -> Expr {
        use syn::visit::Visit;
        use syn::visit_mut::VisitMut;
        #[derive(Default)]
        struct Names {
            bound: Vec<String>,
            free: Vec<syn::Ident>,
        }
        impl<'ast> Visit<'ast> for Names {
            fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
                self.bound.push(p.ident.to_string());
                syn::visit::visit_pat_ident(self, p);
            }
            fn visit_expr_path(&mut self, e: &'ast syn::ExprPath) {
                if let Some(i) = e.path.get_ident()
                    && !self.free.contains(i)
                {
                    self.free.push(i.clone());
                }
            }
        }
        let mut n = Names::default();
        n.visit_pat(pat);
        n.visit_expr(&body);
        let names: Vec<(syn::Ident, TokenStream)> = n
            .free
            .into_iter()
            .filter(|i| !n.bound.contains(&i.to_string()))
            .map(|i| {
                let copy = self.hoist(&Expr::Path(syn::ExprPath {
                    attrs: Vec::new(),
                    qself: None,
                    path: i.clone().into(),
                }));
                (i, copy)
            })
            .collect();
        struct Subst<'a>(&'a [(syn::Ident, TokenStream)]);
        impl VisitMut for Subst<'_> {
            fn visit_expr_mut(&mut self, e: &mut Expr) {
                if let Expr::Path(p) = e
                    && let Some(i) = p.path.get_ident()
                    && let Some((_, t)) = self.0.iter().find(|(n, _)| n == i)
                    && let Ok(r) = syn::parse2::<Expr>(t.clone())
                {
                    *e = r;
                    return;
                }
                syn::visit_mut::visit_expr_mut(self, e);
            }
        }
        Subst(&names).visit_expr_mut(&mut body);
        body
    }

    /// A collection to index (see [`indexable`]), a sub-slice's bounds hoisted.
    fn slice_source(&mut self, e: &Expr) -> TokenStream {
        if let Expr::Index(ix) = strip(e)
            && let Expr::Range(r) = strip(&ix.index)
        {
            let base = &ix.expr;
            let start = r.start.as_ref().map(|a| self.hoist(a));
            let end = r.end.as_ref().map(|b| self.hoist(b));
            let limits = &r.limits;
            return quote!((&#base[#start #limits #end]));
        }
        match strip(e) {
            Expr::Path(_) | Expr::Field(_) => indexable(e),
            // Any other expression (`x[a..].to_vec()`): evaluated once, where the loop starts
            // (indexed, it would be evaluated again for every element).
            other => {
                let h = self.fresh("src");
                self.hoisted.push(quote!(let #h = #other;));
                quote!(#h)
            }
        }
    }

    /// The segments of the chain `e` (one per `chain`), or `None` for a shape not known.
    fn segments(&mut self, e: &Expr) -> Option<Vec<Segment>> {
        if let Some(source) = self.source(e) {
            return Some(vec![Segment {
                source,
                rev: false,
                stages: Vec::new(),
            }]);
        }
        let Expr::MethodCall(m) = strip(e) else {
            return None;
        };
        if m.turbofish.is_some() {
            return None;
        }
        let closure = |i: usize| -> Option<(Pat, Expr, bool)> {
            let Expr::Closure(c) = strip(m.args.get(i)?) else {
                return None;
            };
            if c.inputs.len() != 1 || c.asyncness.is_some() || exits(c.body.to_token_stream()) {
                return None;
            }
            Some((c.inputs[0].clone(), (*c.body).clone(), c.capture.is_some()))
        };
        let method = m.method.to_string();
        if method == "rev" && m.args.is_empty() {
            let mut segs = self.segments(&m.receiver)?;
            // `xs.iter().enumerate().rev()` of a sequence: the loop runs backwards and each
            // element's number is its index.
            if segs.len() == 1
                && !segs[0].rev
                && matches!(segs[0].stages.as_slice(), [Stage::Enumerate(_)])
                && matches!(
                    segs[0].source,
                    Source::Slice(_) | Source::Windows(..) | Source::Chunks(..)
                )
            {
                segs[0].stages = vec![Stage::Position];
                segs[0].rev = true;
                return Some(segs);
            }
            // Otherwise only right after a source: the loop then runs backwards.
            if segs.len() != 1 || !segs[0].stages.is_empty() || segs[0].rev {
                return None;
            }
            segs[0].rev = true;
            return Some(segs);
        }
        if method == "chain" && m.args.len() == 1 {
            let mut segs = self.segments(&m.receiver)?;
            segs.extend(self.segments(&m.args[0])?);
            return Some(segs);
        }
        let stage = match (method.as_str(), m.args.len()) {
            ("map", 1) => {
                let (p, b, moved) = closure(0)?;
                let b = if moved { self.captured(&p, b) } else { b };
                Stage::Map(p, b)
            }
            ("filter", 1) => {
                let (p, b, moved) = closure(0)?;
                let b = if moved { self.captured(&p, b) } else { b };
                Stage::Filter(p, b)
            }
            ("copied" | "cloned", 0) => Stage::Copied,
            ("enumerate", 0) => Stage::Enumerate(self.counter("enum")),
            ("skip", 1) => {
                let n = self.hoist(&m.args[0]);
                Stage::Skip(self.counter("skip"), syn::parse2(n).ok()?)
            }
            ("take", 1) => {
                let n = self.hoist(&m.args[0]);
                Stage::Take(self.counter("take"), syn::parse2(n).ok()?)
            }
            ("step_by", 1) => {
                let n = self.hoist(&m.args[0]);
                Stage::StepBy(self.counter("step"), syn::parse2(n).ok()?)
            }
            ("zip", 1) => {
                let other = self.zip_source(&m.args[0])?;
                Stage::Zip(other, self.counter("zip"))
            }
            _ => return None,
        };
        let mut segs = self.segments(&m.receiver)?;
        for s in &mut segs {
            s.stages.push(stage.clone());
        }
        Some(segs)
    }

    /// The argument of `zip`: a source, or a slice's elements by value (`ys.iter().copied()`),
    /// named by itself (`zip(ys)`, `IntoIterator` of `&[T]`: by reference, as `ys.iter()`),
    /// or shortened (`ys.iter().skip(1)`, `.take(n)`: the sub-slice `ys[1..]`, `ys[..n]`,
    /// clamped to its length as the adaptors are).
    fn zip_source(&mut self, e: &Expr) -> Option<Source> {
        if let Some(s) = self.source(e) {
            return Some(s);
        }
        match strip(e) {
            Expr::MethodCall(c) if c.turbofish.is_none() => {
                match (c.method.to_string().as_str(), c.args.len()) {
                    ("copied" | "cloned", 0) => self.zip_source(&c.receiver),
                    ("skip", 1) => match self.zip_source(&c.receiver)? {
                        Source::Slice(ys) => {
                            let k = self.hoist(&c.args[0]);
                            Some(Source::Slice(quote!((&#ys[(#k).min(#ys.len())..]))))
                        }
                        _ => None,
                    },
                    ("take", 1) => match self.zip_source(&c.receiver)? {
                        Source::Slice(ys) => {
                            let n = self.hoist(&c.args[0]);
                            Some(Source::Slice(quote!((&#ys[..(#n).min(#ys.len())]))))
                        }
                        _ => None,
                    },
                    _ => None,
                }
            }
            Expr::Path(p) if p.qself.is_none() && p.path.get_ident().is_some() => {
                Some(Source::Slice(indexable(e)))
            }
            _ => None,
        }
    }

    /// A source: `xs.iter()`, `xs.into_iter()`, `&xs`, a range, `xs.windows(k)`, `xs.chunks(k)`.
    fn source(&mut self, e: &Expr) -> Option<Source> {
        match strip(e) {
            Expr::Range(r) => {
                let (lo, hi) = (r.start.as_ref()?, r.end.as_ref()?);
                let closed = matches!(r.limits, syn::RangeLimits::Closed(_));
                Some(Source::Range(self.hoist(lo), self.hoist(hi), closed))
            }
            Expr::Reference(r) if r.mutability.is_none() => {
                Some(Source::Slice(self.slice_source(&r.expr)))
            }
            Expr::MethodCall(m) if m.turbofish.is_none() => {
                match (m.method.to_string().as_str(), m.args.len()) {
                    ("iter" | "into_iter", 0) => {
                        // `(a..b).into_iter()` is the range.
                        if let Expr::Range(_) = strip(&m.receiver) {
                            return self.source(&m.receiver);
                        }
                        Some(Source::Slice(self.slice_source(&m.receiver)))
                    }
                    ("windows", 1) => {
                        let xs = self.slice_source(&m.receiver);
                        Some(Source::Windows(xs, self.hoist(&m.args[0])))
                    }
                    (name @ ("chunks" | "chunks_exact"), 1) => {
                        let xs = self.slice_source(&m.receiver);
                        let k = self.hoist(&m.args[0]);
                        Some(Source::Chunks(xs, k, name == "chunks_exact"))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `let pat = item;` as statements that bind names only (`&` patterns read the place).
    /// `deref`: the pattern matches a reference to the element (`filter`'s parameter).
    fn bind(
        &mut self,
        pat: &Pat,
        item: &Item,
        deref: bool,
        out: &mut Vec<TokenStream>,
    ) -> Option<()> {
        match (super::desugar::untyped(pat), item) {
            (Pat::Wild(_), _) => {}
            (Pat::Reference(r), _) if deref && r.mutability.is_none() => {
                self.bind(&r.pat, item, false, out)?
            }
            (Pat::Reference(r), Item::Place { expr, by_ref: true }) if r.mutability.is_none() => {
                let inner = Item::Place {
                    expr: expr.clone(),
                    by_ref: false,
                };
                self.bind(&r.pat, &inner, false, out)?
            }
            (Pat::Tuple(t), Item::Pair(a, b)) if t.elems.len() == 2 => {
                // Through a reference, a tuple pattern binds references (default binding
                // modes): the elements are bound by reference.
                self.bind(&t.elems[0], a, deref, out)?;
                self.bind(&t.elems[1], b, deref, out)?;
            }
            (Pat::Ident(pi), _) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                let m = pi.mutability;
                let id = &pi.ident;
                let e = item.expr();
                if deref {
                    out.push(quote!(let #m #id = &#e;));
                } else {
                    out.push(quote!(let #m #id = #e;));
                }
            }
            _ => return None,
        }
        Some(())
    }

    /// The loop of one segment: its statements before the loop (none) and the loop itself,
    /// with `sink` as the statements that consume the final element.
    fn segment_loop(
        &mut self,
        seg: &Segment,
        label: Option<&syn::Label>,
        sink: &mut dyn FnMut(&mut Builder, &Item) -> Option<Vec<TokenStream>>,
    ) -> Option<TokenStream> {
        let i = self.fresh("i");
        let (range, mut item) = match &seg.source {
            Source::Slice(xs) => (
                quote!(0..#xs.len()),
                Item::Place {
                    expr: quote!(#xs[#i]),
                    by_ref: true,
                },
            ),
            Source::Range(lo, hi, closed) => {
                let r = if *closed {
                    quote!((#lo)..=(#hi))
                } else {
                    quote!((#lo)..(#hi))
                };
                (r, Item::Value(quote!(#i)))
            }
            Source::Windows(xs, k) => (
                quote!(0..(#xs.len() + 1).saturating_sub(#k)),
                Item::Value(quote!((&#xs[#i..#i + #k]))),
            ),
            // (`k == 0` panics in the division, as `chunks(0)` does.)
            Source::Chunks(xs, k, true) => (
                quote!(0..#xs.len() / #k),
                Item::Value(quote!((&#xs[#i * #k..(#i + 1) * #k]))),
            ),
            Source::Chunks(xs, k, false) => (
                quote!(0..#xs.len().div_ceil(#k)),
                Item::Value(quote!((&#xs[#i * #k..::core::cmp::min((#i + 1) * #k, #xs.len())]))),
            ),
        };
        let range = if seg.rev {
            quote!((#range).rev())
        } else {
            range
        };
        let mut body: Vec<TokenStream> = Vec::new();
        for stage in &seg.stages {
            match stage {
                Stage::Map(p, b) => {
                    // (In a block of its own: the closure's parameters are not names of the
                    // stages after it, nor of the loop's body.)
                    let mut binds = Vec::new();
                    self.bind(p, &item, false, &mut binds)?;
                    let v = self.fresh("m");
                    body.push(quote!(let #v = { #(#binds)* #b };));
                    item = Item::Value(quote!(#v));
                }
                Stage::Filter(p, b) => {
                    let mut binds = Vec::new();
                    self.bind(p, &item, true, &mut binds)?;
                    body.push(quote!(if !{ #(#binds)* #b } { continue; }));
                }
                Stage::Copied => match &item {
                    Item::Place { expr, by_ref: true } => {
                        item = Item::Place {
                            expr: expr.clone(),
                            by_ref: false,
                        }
                    }
                    _ => return None,
                },
                Stage::Enumerate(c) => {
                    let n = self.fresh("n");
                    body.push(quote!(let #n = #c; #c += 1;));
                    item = Item::Pair(Box::new(Item::Value(quote!(#n))), Box::new(item));
                }
                Stage::Position => {
                    item = Item::Pair(Box::new(Item::Value(quote!(#i))), Box::new(item));
                }
                Stage::Skip(c, n) => body.push(quote!(if #c < (#n) { #c += 1; continue; })),
                // (Checked before the element is pulled through the stages before it, which
                // Rust's `take` never runs on the element past its count.)
                Stage::Take(c, n) => {
                    body.insert(0, quote!(if #c >= (#n) { break; }));
                    body.push(quote!(#c += 1;));
                }
                Stage::StepBy(c, k) => {
                    let n = self.fresh("n");
                    body.push(quote!(let #n = #c; #c += 1; if #n % (#k) != 0 { continue; }));
                }
                Stage::Zip(other, c) => {
                    // The pair's second element is read at this count, before the counter
                    // moves on; the chain ends with the shorter side.
                    let k = self.fresh("z");
                    let (len, other_item) = match other {
                        Source::Slice(ys) => (
                            quote!(#ys.len()),
                            Item::Place {
                                expr: quote!(#ys[#k]),
                                by_ref: true,
                            },
                        ),
                        Source::Range(lo, hi, false) => {
                            (quote!(((#hi) - (#lo))), Item::Value(quote!(((#lo) + #k))))
                        }
                        _ => return None,
                    };
                    body.push(quote!(if #c >= #len { break; } let #k = #c; #c += 1;));
                    item = Item::Pair(Box::new(item), Box::new(other_item));
                }
            }
        }
        body.extend(sink(self, &item)?);
        Some(quote!(#label for #i in #range { #(#body)* }))
    }
}

/// A collection to index: sub-slices stay borrowed (`(&x[1..])[i]`).
fn indexable(e: &Expr) -> TokenStream {
    match strip(e) {
        other if is_range_index(other) => quote!((&#other)),
        Expr::Path(_) | Expr::Field(_) => strip(e).to_token_stream(),
        other => quote!((#other)),
    }
}

/// The sink of a method call at the end of a chain, if it is one.
pub(crate) fn sink_of(m: &syn::ExprMethodCall) -> Option<Sink<'_>> {
    let ty = || {
        m.turbofish.as_ref().and_then(|t| match t.args.first() {
            Some(syn::GenericArgument::Type(ty)) => Some(ty.clone()),
            _ => None,
        })
    };
    Some(match (m.method.to_string().as_str(), m.args.len()) {
        ("sum", 0) => Sink::Sum(ty()),
        ("product", 0) => Sink::Product(ty()),
        ("fold", 2) => Sink::Fold(&m.args[0], &m.args[1]),
        ("count", 0) if m.turbofish.is_none() => Sink::Count,
        ("collect", 0) => {
            // `collect()` (into the annotated type) or `collect::<Vec<_>>()`.
            if let Some(ty) = ty() {
                let syn::Type::Path(p) = ty else { return None };
                if p.path.segments.last()?.ident != "Vec" {
                    return None;
                }
            }
            Sink::Collect
        }
        _ => return None,
    })
}

/// The block an iterator chain ending in `m` (a sink) stands for, or `None`.
pub(crate) fn reduction(m: &syn::ExprMethodCall) -> Option<Expr> {
    let sink = sink_of(m)?;
    if exits(m.args.to_token_stream()) {
        return None;
    }
    lower_chain(&m.receiver, sink, m.span())
}

/// A `for` loop over an iterator chain, as the index loops it stands for, or `None`.
pub(crate) fn for_loop(f: &syn::ExprForLoop) -> Option<Expr> {
    lower_chain(&f.expr, Sink::For(f), f.span())
}

fn lower_chain(chain: &Expr, sink: Sink<'_>, span: Span) -> Option<Expr> {
    let mut b = Builder {
        span,
        counters: Vec::new(),
        fresh: 0,
        hoisted: Vec::new(),
    };
    let segs = b.segments(chain)?;
    // A bare source is not a chain (the callers lower those themselves), except as the
    // receiver of `count`/`collect`.
    if segs.len() == 1
        && segs[0].stages.is_empty()
        && !segs[0].rev
        && !matches!(segs[0].source, Source::Windows(..) | Source::Chunks(..))
        && matches!(sink, Sink::For(_))
    {
        return None;
    }
    let acc = syn::Ident::new("__ad_acc", span);
    let typed = |lit: TokenStream, ty: &Option<syn::Type>| match ty {
        Some(t) => quote!((#lit as #t)),
        None => lit,
    };
    let (init, result) = match &sink {
        Sink::Sum(t) => (Some(typed(quote!(0.0), t)), true),
        Sink::Product(t) => (Some(typed(quote!(1.0), t)), true),
        Sink::Fold(init, _) => (Some(init.to_token_stream()), true),
        Sink::Count => (Some(quote!(0usize)), true),
        Sink::Collect => (Some(quote!(::std::vec::Vec::new())), true),
        Sink::For(f) => {
            // `break` in the body must leave every segment's loop: one segment only.
            if segs.len() > 1 && contains_break(&f.body.to_token_stream()) {
                return None;
            }
            (None, false)
        }
    };
    let mut loops = Vec::new();
    for seg in &segs {
        let label = match &sink {
            Sink::For(f) => f.label.as_ref(),
            _ => None,
        };
        let l = b.segment_loop(seg, label, &mut |b: &mut Builder, item: &Item| {
            Some(match &sink {
                Sink::Sum(_) => {
                    let v = item.value()?;
                    vec![quote!(#acc += #v;)]
                }
                Sink::Product(_) => {
                    let v = item.value()?;
                    vec![quote!(#acc *= #v;)]
                }
                Sink::Count => vec![quote!(#acc += 1;)],
                Sink::Collect => {
                    let v = item.value()?;
                    vec![quote!(#acc.push(#v);)]
                }
                Sink::Fold(_, f) => match strip(f) {
                    Expr::Path(p) if p.qself.is_none() => {
                        let v = item.value()?;
                        vec![quote!(#acc = #p(#acc, #v);)]
                    }
                    Expr::Closure(c) if c.inputs.len() == 2 && c.asyncness.is_none() => {
                        let a = super::desugar::untyped(&c.inputs[0]);
                        if !matches!(a, Pat::Ident(_)) {
                            return None;
                        }
                        let mut out = vec![quote!(let #a = #acc;)];
                        b.bind(&c.inputs[1], item, false, &mut out)?;
                        let body = &c.body;
                        out.push(quote!(#acc = #body;));
                        out
                    }
                    _ => return None,
                },
                Sink::For(f) => {
                    let mut out = Vec::new();
                    b.bind(&f.pat, item, false, &mut out)?;
                    let stmts = &f.body.stmts;
                    out.push(quote!(#(#stmts)*));
                    out
                }
            })
        })?;
        loops.push(l);
    }
    let counters = &b.counters;
    let hoisted = &b.hoisted;
    let tokens = if result {
        let init = init.unwrap_or_default();
        quote!({
            #(#hoisted)*
            #(let mut #counters: usize = 0;)*
            let mut #acc = #init;
            #(#loops)*
            #acc
        })
    } else {
        quote!({
            #(#hoisted)*
            #(let mut #counters: usize = 0;)*
            #(#loops)*
        })
    };
    syn::parse2(tokens).ok()
}

fn contains_break(ts: &TokenStream) -> bool {
    ts.clone().into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(i) => i == "break",
        proc_macro2::TokenTree::Group(g) => contains_break(&g.stream()),
        _ => false,
    })
}
