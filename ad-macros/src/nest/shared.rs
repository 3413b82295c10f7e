//! One reverse sweep for both orders.
//!
//! Second order runs the reverse backend on the function lifted to dual numbers, so a
//! function has two sweeps, `f_pullback` on `f64` and `f_hvp_pullback::<M>` on `Dual<f64>`,
//! and rustc expands, type-checks and borrow-checks both (about a third of a build's time
//! for scalar and slice code; issue 14). For most functions the two differ only where the
//! lift rewrites the scalar (`nest::dual`). This pass compares the two items token by token;
//! when every difference is one of these, it emits the sweep once, generic over the scalar
//! (`f_sweep::<S: Scalar<f64>, M>`, `ad_runtime::__private::Scalar`), and both pullbacks
//! become one-line wrappers that instantiate it:
//!
//! | first order | dual | shared |
//! | --- | --- | --- |
//! | `f64` | `Dual<f64>` | `S` |
//! | `c` (a constant) | `Dual::cst(c)` | `<S as Scalar<f64>>::cst(c)` |
//! | `e as f64` | `dual_cast::<f64, _>(e)` | `scalar_cast::<S, f64, _>(e)` |
//! | `e as usize` (`e` a float) | `undual(e) as usize` | the dual form (`S: Undual`) |
//! | `f64::max(x, y)` | `x.max(y)` | the method (`S: Float`) |
//! | `Tape::new()` | `Tape::<_, M>::in_mode()` | the dual form |
//! | `g_pullback(..)` | `g_hvp_pullback::<M>(..)` | `g_sweep::<S, M>(..)` |
//! | `g(..)` for its value only | `{ let v = g_hvp_pullback::<M>(..).0; v }` | the same with `g_sweep::<S, NoRecord>` |
//! | `to_vec(..)`, `iter_sum(..)` (runtime, for the value) | `{ let v = to_vec_pullback(..).0; v }` | the first form (generic over the element) |
//!
//! At `f64` the generic sweep is the first-order sweep (`cst` and `scalar_cast` return their
//! argument and are inlined; `in_mode` at the default marker is `new`) except for a
//! value-only call of a differentiable `g`, which runs `g`'s sweep without recording (its
//! tapes keep nothing and its pullback is dropped unused) where the first-order sweep ran
//! `g` itself: the same value, a little more work (README, "Compile time").
//!
//! Only functions whose values are scalars, slices and integers are candidates (the caller
//! checks the kinds: a struct's or an array's dual form is another type, which no scalar
//! parameter can stand for), and their parameters and result must unify too. Any other
//! difference (casts to another float, method calls, callees reached through a type, names
//! of array code, `Relift` of checkpointed calls) keeps the two sweeps as they were. Callers cannot tell which callee was
//! shared, so every such pair gets an `f_sweep`: the shared sweep, or a dispatcher that
//! calls `f_pullback` or `f_hvp_pullback::<M>` by the scalar (`Scalar::pick` and
//! `Scalar::run`, which call only their own scalar's closure: at `f64` a stub dual callee,
//! which fails to compile where instantiated, is never instantiated), passing arguments and
//! results through unchanged (`cast_same`: the same types, since `S` is the scalar the
//! callee takes). Dispatchers come first in the output and use the function's name span,
//! so that a missing callee is still reported once, naming the pair's functions.
//! `f_grad` (nested differentiation) keeps its two pullbacks and is never a shared callee:
//! a dispatcher for it cost more to type-check than it saved.
//!
//! Why tokens and not the IR: the two sweeps are produced by the same backend from two IRs
//! (the lift rewrites types, constants and callees, and the analyses run again on the
//! lifted function); comparing what they print checks exactly what matters, that the two
//! bodies are one body up to the scalar, whatever the analyses decided on each side. The
//! price is the comparison itself: inside a proc macro every token stream walked or built
//! is a call into rustc, so a group that unifies unchanged is kept whole rather than
//! rebuilt, and identical tokens are passed over before any pattern is tried (each
//! identifier compared costs an allocation). `AD_SHARE_DEBUG=1` at build time prints the
//! first difference that keeps a function's two sweeps.
//!
//! What it buys and costs (README, "Compile time"): one generic body type-checked instead
//! of two (−0.9 s of type checking for the benchmark's 101 functions, −34% expanded lines),
//! the same machine code. In release builds rustc's MIR inliner spends about as much
//! checking whether generic sweeps that call each other form cycles.

use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};
use quote::quote;

const SCALAR: &str = "__AdS";
const MARKER: &str = "__AdHvpM";

/// A name that marks array code, which keeps its two sweeps: its dual sweep takes other
/// rules (`TensorFloat`, dual matrix products) than a generic scalar offers.
fn array_word(w: &str) -> bool {
    w.starts_with("Array") || matches!(w, "ndarray" | "tensor" | "nn")
}

/// A top-level item of the generated code: attributes and visibility, then (for a
/// function) `fn name ... { body }`.
struct Item {
    tokens: Vec<TokenTree>,
    /// Index of `fn`, and the function's name.
    func: Option<(usize, String)>,
}

impl Item {
    fn name(&self) -> Option<&str> {
        self.func.as_ref().map(|(_, n)| n.as_str())
    }
    fn fn_at(&self) -> usize {
        self.func.as_ref().map_or(0, |(i, _)| *i)
    }
    /// Attributes and visibility.
    fn prefix(&self) -> &[TokenTree] {
        &self.tokens[..self.fn_at()]
    }
    /// `fn name<..>(..) -> ..` up to the body.
    fn header(&self) -> &[TokenTree] {
        &self.tokens[self.fn_at()..self.tokens.len() - 1]
    }
    fn body(&self) -> Option<&Group> {
        match self.tokens.last() {
            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => Some(g),
            _ => None,
        }
    }
}

fn items(ts: TokenStream) -> Vec<Item> {
    let mut out = Vec::new();
    let mut cur: Vec<TokenTree> = Vec::new();
    let mut func = None;
    for t in ts {
        let end = match &t {
            TokenTree::Group(g) => g.delimiter() == Delimiter::Brace,
            TokenTree::Punct(p) => p.as_char() == ';',
            _ => false,
        };
        if let TokenTree::Ident(i) = &t
            && func.is_none()
            && i == "fn"
        {
            func = Some((cur.len(), String::new()));
        } else if let (TokenTree::Ident(i), Some((at, name))) = (&t, func.as_mut())
            && name.is_empty()
            && cur.len() == *at + 1
        {
            *name = i.to_string();
        }
        cur.push(t);
        if end {
            out.push(Item {
                tokens: std::mem::take(&mut cur),
                func: func.take().filter(|(_, n)| !n.is_empty()),
            });
        }
    }
    if !cur.is_empty() {
        out.push(Item {
            tokens: cur,
            func: None,
        });
    }
    out
}

/// The pass (see the module docs) over everything generated for one function.
pub fn share(out: TokenStream, shareable: bool) -> TokenStream {
    let items = items(out);
    let mut result = TokenStream::new();
    let names: Vec<Option<&str>> = items.iter().map(Item::name).collect();
    let mut replaced = vec![None::<TokenStream>; items.len()];
    let mut extra = TokenStream::new();
    for (d, item) in items.iter().enumerate() {
        let Some(base) = item.name().and_then(|n| n.strip_suffix("_hvp_pullback")) else {
            continue;
        };
        // `f_grad` called in a body (`nest::nested`) keeps its two pullbacks: its callers
        // keep theirs (`Unify::seq`), so it needs no dispatcher, which would cost more to
        // type-check than the wrappers it dispatches to.
        if base.ends_with("_grad") {
            continue;
        }
        let first = format!("{base}_pullback");
        let Some(f) = names.iter().position(|n| *n == Some(first.as_str())) else {
            continue;
        };
        match pair(base, &items[f], item, shareable) {
            // First, so that rustc's one error per span for a missing callee names the
            // pair's own functions (emitted later).
            Some(Shared::Dispatcher(d)) => result.extend(d),
            Some(Shared::Generic {
                sweep,
                first_wrapper,
                dual_wrapper,
            }) => {
                replaced[f] = Some(first_wrapper);
                replaced[d] = Some(dual_wrapper);
                extra.extend(sweep);
            }
            None => {}
        }
    }
    for (item, r) in items.into_iter().zip(replaced) {
        match r {
            Some(r) => result.extend(r),
            None => result.extend(item.tokens),
        }
    }
    result.extend(extra);
    result
}

/// What [`pair`] makes of a pair.
enum Shared {
    /// A `_sweep` that calls one of the pair (left as it is) by the scalar.
    Dispatcher(TokenStream),
    /// The sweep written once, and the pair as one-line calls of it.
    Generic {
        sweep: TokenStream,
        first_wrapper: TokenStream,
        dual_wrapper: TokenStream,
    },
}

/// `base_sweep` for the pair, and the pair as wrappers of it when the sweeps are one
/// (else the pair unchanged and a dispatcher). `None` when the pair's shape is unexpected.
fn pair(base: &str, first: &Item, dual: &Item, shareable: bool) -> Option<Shared> {
    // A first-order pullback generic over its parameters' types (a custom rule's
    // missing-`vjp` stub, which fails where instantiated) takes the arguments as they are.
    let head = first.header();
    let params_at = head.iter().position(|t| matches!(t, TokenTree::Group(_)))?;
    let first_generic = (2..params_at)
        .any(|k| matches!(head[k], TokenTree::Ident(_)) && !is_punct(head.get(k - 1), '\''));
    let float = dual_float(dual.header())?;
    // (Errors about the names below point at the function's name, with the pair's own.)
    let span = first.tokens.get(first.fn_at() + 1)?.span();
    let gen_name = Ident::new(&format!("{base}_sweep"), span);
    let header = generic_header(dual.header(), &gen_name, &float)?;
    let args = param_names(first.header())?;
    let prefix: TokenStream = first.prefix().iter().cloned().collect();
    let float_ty = Ident::new(&float, Span::call_site());
    let mut u = Unify {
        float: &float,
        changed: false,
    };
    // The parameters: a struct parameter's dual twin is another type. Such a function needs
    // no `_sweep`: a shared caller, whose arguments are the same tokens at both scalars,
    // never passes it a struct.
    if !first_generic {
        u.seq(
            &[params(first.header())?.clone().into()],
            &[params(dual.header())?.clone().into()],
        )?;
    }
    // And the result (a struct result's dual form is another type).
    u.seq(&value_type(first.header())?, &value_type(dual.header())?)?;
    let body = (shareable && float == "f64")
        .then(|| {
            let a: Vec<TokenTree> = first.body()?.stream().into_iter().collect();
            let b: Vec<TokenTree> = dual.body()?.stream().into_iter().collect();
            u.seq(&a, &b)
        })
        .flatten();
    let Some(body) = body else {
        let dispatch = dispatcher(base, span, &header, &args, &float_ty, first_generic)?;
        return Some(Shared::Dispatcher(
            quote!(#prefix #(#header)* { #dispatch }),
        ));
    };
    let wrapper = |item: &Item, scalar: TokenStream, marker: TokenStream| {
        let pre = item.prefix();
        let head = item.header();
        quote!(#(#pre)* #(#head)* { #gen_name::<#scalar, #marker>(#(#args),*) })
    };
    let m = ident(MARKER);
    Some(Shared::Generic {
        sweep: quote!(#prefix #(#header)* { #(#body)* }),
        first_wrapper: wrapper(first, quote!(#float_ty), quote!(())),
        dual_wrapper: wrapper(dual, quote!(::ad_runtime::Dual<#float_ty>), quote!(#m)),
    })
}

fn ident(s: &str) -> Ident {
    Ident::new(s, Span::call_site())
}

fn is_ident(t: Option<&TokenTree>, s: &str) -> bool {
    matches!(t, Some(TokenTree::Ident(i)) if i == s)
}

fn is_punct(t: Option<&TokenTree>, c: char) -> bool {
    matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

/// `::ad_runtime::Dual<F>` at `j`: its length and `F`.
fn dual_type_at(b: &[TokenTree], j: usize) -> Option<(usize, String)> {
    let ok = is_punct(b.get(j), ':')
        && is_punct(b.get(j + 1), ':')
        && is_ident(b.get(j + 2), "ad_runtime")
        && is_punct(b.get(j + 3), ':')
        && is_punct(b.get(j + 4), ':')
        && is_ident(b.get(j + 5), "Dual")
        && is_punct(b.get(j + 6), '<')
        && is_punct(b.get(j + 8), '>');
    match (ok, b.get(j + 7)) {
        (true, Some(TokenTree::Ident(f))) if f == "f64" || f == "f32" => Some((9, f.to_string())),
        _ => None,
    }
}

/// `::ad_runtime::Dual::cst(G)` at `j`: its length and `G`.
fn cst_at(b: &[TokenTree], j: usize) -> Option<(usize, &Group)> {
    let ok = is_punct(b.get(j), ':')
        && is_punct(b.get(j + 1), ':')
        && is_ident(b.get(j + 2), "ad_runtime")
        && is_punct(b.get(j + 3), ':')
        && is_punct(b.get(j + 4), ':')
        && is_ident(b.get(j + 5), "Dual")
        && is_punct(b.get(j + 6), ':')
        && is_punct(b.get(j + 7), ':')
        && is_ident(b.get(j + 8), "cst");
    match (ok, b.get(j + 9)) {
        (true, Some(TokenTree::Group(g))) if g.delimiter() == Delimiter::Parenthesis => {
            Some((10, g))
        }
        _ => None,
    }
}

/// `::ad_runtime::__private::NAME` at `j` (`NAME` one identifier): its length.
fn private_path_at(b: &[TokenTree], j: usize, name: &str) -> Option<usize> {
    let ok = is_punct(b.get(j), ':')
        && is_punct(b.get(j + 1), ':')
        && is_ident(b.get(j + 2), "ad_runtime")
        && is_punct(b.get(j + 3), ':')
        && is_punct(b.get(j + 4), ':')
        && is_ident(b.get(j + 5), "__private")
        && is_punct(b.get(j + 6), ':')
        && is_punct(b.get(j + 7), ':')
        && is_ident(b.get(j + 8), name);
    ok.then_some(9)
}

/// `::ad_runtime::__private::dual_cast::<F, _>(G)` at `j`: its length, `F` and `G`.
fn dual_cast_at(b: &[TokenTree], j: usize) -> Option<(usize, String, &Group)> {
    let n = private_path_at(b, j, "dual_cast")?;
    let ok = is_punct(b.get(j + n), ':')
        && is_punct(b.get(j + n + 1), ':')
        && is_punct(b.get(j + n + 2), '<')
        && is_punct(b.get(j + n + 4), ',')
        && is_ident(b.get(j + n + 5), "_")
        && is_punct(b.get(j + n + 6), '>');
    match (ok, b.get(j + n + 3), b.get(j + n + 7)) {
        (true, Some(TokenTree::Ident(f)), Some(TokenTree::Group(g)))
            if g.delimiter() == Delimiter::Parenthesis =>
        {
            Some((n + 8, f.to_string(), g))
        }
        _ => None,
    }
}

/// Whether `a[i..]` begins with the tokens of `inner`: their number.
fn starts_with(a: &[TokenTree], i: usize, inner: &[TokenTree]) -> Option<usize> {
    let k = inner.len();
    (i + k <= a.len() && a[i..i + k].iter().zip(inner).all(|(x, y)| same_token(x, y))).then_some(k)
}

/// The float of the first `Dual<F>` of a dual pullback's header.
fn dual_float(header: &[TokenTree]) -> Option<String> {
    for (j, t) in header.iter().enumerate() {
        if let Some((_, f)) = dual_type_at(header, j) {
            return Some(f);
        }
        if let TokenTree::Group(g) = t {
            let inner: Vec<TokenTree> = g.stream().into_iter().collect();
            if let Some(f) = dual_float(&inner) {
                return Some(f);
            }
        }
    }
    None
}

fn same_token(a: &TokenTree, b: &TokenTree) -> bool {
    match (a, b) {
        (TokenTree::Ident(x), TokenTree::Ident(y)) => x == y,
        (TokenTree::Punct(x), TokenTree::Punct(y)) => x.as_char() == y.as_char(),
        (TokenTree::Literal(x), TokenTree::Literal(y)) => x.to_string() == y.to_string(),
        (TokenTree::Group(x), TokenTree::Group(y)) => {
            x.delimiter() == y.delimiter() && {
                let (p, q): (Vec<_>, Vec<_>) = (
                    x.stream().into_iter().collect(),
                    y.stream().into_iter().collect(),
                );
                p.len() == q.len() && p.iter().zip(&q).all(|(a, b)| same_token(a, b))
            }
        }
        _ => false,
    }
}

struct Unify<'a> {
    float: &'a str,
    /// Whether the tokens unified so far (in the current group) differ from the first
    /// order's.
    changed: bool,
}

/// Runtime functions generic over the element whose value the dual lift takes from their
/// pullback (`{ let __ad_value = f_pullback(..).0; __ad_value }`): the same value.
const GENERIC_RUNTIME_VALUES: [&str; 2] = ["to_vec", "iter_sum"];

impl Unify<'_> {
    /// A value-only call: `a[i..]` = `path::f(args)` against the block `g` =
    /// `{ let __ad_value = path::f_hvp_pullback::<M>(args).0; __ad_value }`, which the lift
    /// writes because `f` takes no dual numbers. For a differentiable callee reached by a
    /// module path, the value of its sweep run without recording,
    /// `{ let __ad_value = path::f_sweep::<S, NoRecord>(args).0; __ad_value }` (its tapes
    /// keep nothing, and the pullback is dropped unused); for a runtime function of
    /// [`GENERIC_RUNTIME_VALUES`] (whose pullback is `f_pullback`), the call itself. Pushes
    /// the unified call, returns the number of tokens of `a` read.
    fn value_call(
        &mut self,
        a: &[TokenTree],
        i: usize,
        g: &Group,
        out: &mut Vec<TokenTree>,
    ) -> Option<usize> {
        let q: Vec<TokenTree> = g.stream().into_iter().collect();
        let len = q.len();
        let ok = len >= 9
            && is_ident(q.first(), "let")
            && is_ident(q.get(1), "__ad_value")
            && is_punct(q.get(2), '=')
            && is_punct(q.get(len - 4), '.')
            && matches!(q.get(len - 3), Some(TokenTree::Literal(l)) if l.to_string() == "0")
            && is_punct(q.get(len - 2), ';')
            && is_ident(q.get(len - 1), "__ad_value");
        if !ok {
            return None;
        }
        let Some(TokenTree::Group(bargs)) = q.get(len - 5) else {
            return None;
        };
        let marked = is_punct(q.get(len - 6), '>')
            && is_ident(q.get(len - 7), MARKER)
            && is_punct(q.get(len - 8), '<')
            && is_punct(q.get(len - 9), ':')
            && is_punct(q.get(len - 10), ':');
        let c = if marked {
            len.checked_sub(11)?
        } else {
            len - 6
        };
        let Some(TokenTree::Ident(callee)) = q.get(c) else {
            return None;
        };
        let callee = callee.to_string();
        let prefix = q.get(3..c)?;
        let name = if marked {
            let base = callee.strip_suffix("_hvp_pullback")?;
            if base.ends_with("_grad") || !callee_by_path(&q[..c]) {
                return None;
            }
            base
        } else {
            let base = callee.strip_suffix("_pullback")?;
            if private_path_at(&q, 3, &callee) != Some(c + 1 - 3)
                || !GENERIC_RUNTIME_VALUES.contains(&base)
            {
                return None;
            }
            base
        };
        // The first order's call: the same path, the function's own name, the arguments.
        let k = starts_with(a, i, prefix)?;
        if !is_ident(a.get(i + k), name) {
            return None;
        }
        let Some(TokenTree::Group(aargs)) = a.get(i + k + 1) else {
            return None;
        };
        if aargs.delimiter() != Delimiter::Parenthesis
            || bargs.delimiter() != Delimiter::Parenthesis
        {
            return None;
        }
        let p: Vec<TokenTree> = aargs.stream().into_iter().collect();
        let r: Vec<TokenTree> = bargs.stream().into_iter().collect();
        let inner = self.seq(&p, &r)?;
        let mut args = Group::new(Delimiter::Parenthesis, inner.into_iter().collect());
        args.set_span(aargs.span());
        if marked {
            let f = match &a[i + k] {
                TokenTree::Ident(f) => Ident::new(&format!("{name}_sweep"), f.span()),
                _ => return None,
            };
            let (s, v) = (ident(SCALAR), Ident::new("__ad_value", Span::mixed_site()));
            let prefix: TokenStream = prefix.iter().cloned().collect();
            out.extend(quote!({
                let #v = #prefix #f::<#s, ::ad_runtime::__private::NoRecord> #args .0;
                #v
            }));
        } else {
            out.extend(a[i..i + k + 1].iter().cloned());
            out.push(args.into());
        }
        Some(k + 2)
    }

    /// `F::name(x, rest)` (already read from the first-order tokens; `args` is `(x, rest)`)
    /// against `x'.name(rest')` at `b[j..]`: pushes the method form of the unified receiver
    /// and arguments, returns the number of tokens of `b` read.
    fn method_form(
        &mut self,
        name: &Ident,
        args: &Group,
        b: &[TokenTree],
        j: usize,
        out: &mut Vec<TokenTree>,
    ) -> Option<usize> {
        let p: Vec<TokenTree> = args.stream().into_iter().collect();
        let comma = p
            .iter()
            .position(|t| is_punct(Some(t), ','))
            .unwrap_or(p.len());
        let (recv, rest) = (&p[..comma], p.get(comma + 1..).unwrap_or(&[]));
        // The receiver's end in `b`: `.name(..)` within a short, single expression.
        let dot = (j..(j + 16).min(b.len())).find(|&d| {
            is_punct(b.get(d), '.')
                && is_ident(b.get(d + 1), &name.to_string())
                && matches!(b.get(d + 2), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis)
        })?;
        if b[j..dot].iter().any(|t| is_punct(Some(t), ';')) {
            return None;
        }
        let Some(TokenTree::Group(bargs)) = b.get(dot + 2) else {
            return None;
        };
        let recv = self.seq(recv, &b[j..dot])?;
        let r: Vec<TokenTree> = bargs.stream().into_iter().collect();
        let rest = self.seq(rest, &r)?;
        out.extend(recv);
        out.extend(b[dot..dot + 2].iter().cloned());
        let mut g = Group::new(Delimiter::Parenthesis, rest.into_iter().collect());
        g.set_span(args.span());
        out.push(g.into());
        Some(dot + 3 - j)
    }

    /// `<S as Scalar<F>>::cst(c)`.
    fn cst(&self, c: Vec<TokenTree>) -> TokenStream {
        let (s, f) = (ident(SCALAR), ident(self.float));
        let c: TokenStream = c.into_iter().collect();
        quote!(<#s as ::ad_runtime::__private::Scalar<#f>>::cst(#c))
    }

    /// The generic body of the first-order tokens `a` and the dual tokens `b`, or `None` at
    /// the first difference that is not one of the scalar's (module docs).
    fn seq(&mut self, a: &[TokenTree], b: &[TokenTree]) -> Option<Vec<TokenTree>> {
        let (mut i, mut j) = (0, 0);
        let mut out: Vec<TokenTree> = Vec::with_capacity(a.len());
        while i < a.len() || j < b.len() {
            // The same ordinary token on both sides (most tokens): no pattern below starts
            // there, so it is kept without looking further (each identifier is compared by
            // its text, which costs an allocation).
            match (a.get(i), b.get(j)) {
                (Some(x @ TokenTree::Punct(p)), Some(TokenTree::Punct(q)))
                    if p.as_char() == q.as_char() && p.as_char() != ':' =>
                {
                    out.push(x.clone());
                    (i, j) = (i + 1, j + 1);
                    continue;
                }
                (Some(x @ TokenTree::Ident(p)), Some(TokenTree::Ident(q))) => {
                    let text = p.to_string();
                    if *q == text && text != "Tape" && !array_word(&text) {
                        out.push(x.clone());
                        (i, j) = (i + 1, j + 1);
                        continue;
                    }
                }
                _ => {}
            }
            if let Some((n, f)) = dual_type_at(b, j) {
                if f != self.float || !is_ident(a.get(i), self.float) {
                    return None;
                }
                out.push(ident(SCALAR).into());
                (i, j) = (i + 1, j + n);
                self.changed = true;
                continue;
            }
            if let Some((n, g)) = cst_at(b, j) {
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                let k = starts_with(a, i, &inner)?;
                out.extend(self.cst(inner));
                (i, j) = (i + k, j + n);
                self.changed = true;
                continue;
            }
            // A constant in parentheses, `(Dual::cst(c))` for `c` (`vec![0.0; n]`).
            if let Some(TokenTree::Group(g)) = b.get(j)
                && g.delimiter() == Delimiter::Parenthesis
                && !matches!(a.get(i), Some(TokenTree::Group(_)))
            {
                let q: Vec<TokenTree> = g.stream().into_iter().collect();
                if let Some((n, c)) = cst_at(&q, 0)
                    && n == q.len()
                {
                    let inner: Vec<TokenTree> = c.stream().into_iter().collect();
                    let k = starts_with(a, i, &inner)?;
                    let mut p = Group::new(Delimiter::Parenthesis, self.cst(inner));
                    p.set_span(g.span());
                    out.push(p.into());
                    (i, j) = (i + k, j + 1);
                    self.changed = true;
                    continue;
                }
            }
            // A value-only call of a runtime function generic over the element, which the
            // lift writes as its pullback's value.
            if let Some(TokenTree::Group(g)) = b.get(j)
                && g.delimiter() == Delimiter::Brace
                && !matches!(a.get(i), Some(TokenTree::Group(_)))
                && let Some(k) = self.value_call(a, i, g, &mut out)
            {
                (i, j) = (i + k, j + 1);
                self.changed = true;
                continue;
            }
            // A float function called by its path, `f64::max(x, y)`, which the lift writes
            // as a method call, `x.max(y)`: the method, which `S` has too.
            if is_ident(a.get(i), self.float)
                && is_punct(a.get(i + 1), ':')
                && is_punct(a.get(i + 2), ':')
                && let Some(TokenTree::Ident(name)) = a.get(i + 3)
                && let Some(TokenTree::Group(args)) = a.get(i + 4)
                && args.delimiter() == Delimiter::Parenthesis
                && let Some(n) = self.method_form(name, args, b, j, &mut out)
            {
                (i, j) = (i + 5, j + n);
                self.changed = true;
                continue;
            }
            // A cast to the float, `dual_cast::<F, _>(e)` for `e as F`.
            if let Some((n, f, g)) = dual_cast_at(b, j) {
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                let k = starts_with(a, i, &inner)?;
                if f != self.float
                    || !is_ident(a.get(i + k), "as")
                    || !is_ident(a.get(i + k + 1), &f)
                {
                    return None;
                }
                let (s, f) = (ident(SCALAR), ident(self.float));
                let inner: TokenStream = inner.into_iter().collect();
                out.extend(quote!(::ad_runtime::__private::scalar_cast::<#s, #f, _>(#inner)));
                (i, j) = (i + k + 2, j + n);
                self.changed = true;
                continue;
            }
            // A float read as a number of another type, `undual(e) as T` for `e as T`.
            if let Some(n) = private_path_at(b, j, "undual")
                && let Some(TokenTree::Group(g)) = b.get(j + n)
                && g.delimiter() == Delimiter::Parenthesis
            {
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                let k = starts_with(a, i, &inner)?;
                if !is_ident(a.get(i + k), "as") {
                    return None;
                }
                out.extend(b[j..j + n + 1].iter().cloned());
                (i, j) = (i + k, j + n + 1);
                self.changed = true;
                continue;
            }
            // `Tape::<_, M>::in_mode()` for `Tape::new()`.
            if is_ident(b.get(j), "Tape")
                && is_punct(b.get(j + 3), '<')
                && is_ident(b.get(j + 6), MARKER)
                && is_ident(b.get(j + 10), "in_mode")
            {
                let new = is_ident(a.get(i), "Tape")
                    && is_punct(a.get(i + 1), ':')
                    && is_ident(a.get(i + 3), "new")
                    && matches!(a.get(i + 4), Some(TokenTree::Group(g)) if g.stream().is_empty());
                if !new || b.len() < j + 12 {
                    return None;
                }
                out.extend(b[j..j + 12].iter().cloned());
                (i, j) = (i + 5, j + 12);
                self.changed = true;
                continue;
            }
            // A callee's dual pullback `g_hvp_pullback::<M>` for `g_pullback`.
            if let Some(TokenTree::Ident(callee)) = b.get(j)
                && let Some(base) = callee.to_string().strip_suffix("_hvp_pullback")
                && is_punct(b.get(j + 1), ':')
                && is_punct(b.get(j + 3), '<')
                && is_ident(b.get(j + 4), MARKER)
                && is_punct(b.get(j + 5), '>')
            {
                if base.ends_with("_grad") {
                    return None;
                }
                let want = format!("{base}_pullback");
                let Some(TokenTree::Ident(f)) = a.get(i) else {
                    return None;
                };
                if *f != want || !callee_by_path(&out) {
                    return None;
                }
                let gen_name = Ident::new(&format!("{base}_sweep"), f.span());
                let (s, m) = (ident(SCALAR), ident(MARKER));
                out.extend(quote!(#gen_name::<#s, #m>));
                (i, j) = (i + 1, j + 6);
                self.changed = true;
                continue;
            }
            let (x, y) = (a.get(i)?, b.get(j)?);
            match (x, y) {
                (TokenTree::Group(gx), TokenTree::Group(gy)) => {
                    if gx.delimiter() != gy.delimiter() {
                        return None;
                    }
                    // A group whose tokens unify unchanged (most of a sweep: index
                    // arithmetic, adjoint bookkeeping) is kept whole, not rebuilt: inside a
                    // proc macro each token stream built is a call into rustc.
                    let p: Vec<TokenTree> = gx.stream().into_iter().collect();
                    let q: Vec<TokenTree> = gy.stream().into_iter().collect();
                    let outer = std::mem::replace(&mut self.changed, false);
                    let inner = self.seq(&p, &q)?;
                    if self.changed {
                        let mut g = Group::new(gx.delimiter(), inner.into_iter().collect());
                        g.set_span(gx.span());
                        out.push(g.into());
                    } else {
                        out.push(x.clone());
                    }
                    self.changed |= outer;
                }
                (TokenTree::Ident(i), _) if array_word(&i.to_string()) => {
                    return None;
                }
                _ if same_token(x, y) => out.push(x.clone()),
                _ => {
                    if std::env::var("AD_SHARE_DEBUG").is_ok() {
                        let a_: TokenStream = a[i..(i + 12).min(a.len())].iter().cloned().collect();
                        let b_: TokenStream = b[j..(j + 12).min(b.len())].iter().cloned().collect();
                        eprintln!("SHARE MISMATCH: {a_}\n   vs {b_}");
                    }
                    return None;
                }
            }
            (i, j) = (i + 1, j + 1);
        }
        Some(out)
    }
}

/// Whether the callee whose name comes next is a function reached by a module path (`g`,
/// `m::g`, `crate::m::g`), which has a `_sweep`, and not a method or a function
/// reached through a type (`x.g`, `Self::g`, `T::g`, `<T as Tr>::g`).
fn callee_by_path(before: &[TokenTree]) -> bool {
    let n = before.len();
    if n >= 1 && is_punct(before.get(n - 1), '.') {
        return false;
    }
    if n >= 2 && is_punct(before.get(n - 1), ':') && is_punct(before.get(n - 2), ':') {
        return match before.get(n.wrapping_sub(3)) {
            Some(TokenTree::Ident(seg)) => {
                let s = seg.to_string();
                s.chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
            }
            // `::g` (a crate root path) is fine; `<T>::g` is not.
            None => true,
            Some(TokenTree::Punct(p)) => p.as_char() != '>',
            Some(_) => false,
        };
    }
    true
}

/// The generic sweep's header from the dual pullback's: renamed, `S: Scalar<F>` before the
/// marker (and captured where it is), `Dual<F>` read as `S`, and the slices' impls of
/// `Differentiable` required (rustc picks the generic struct-element impl otherwise).
fn generic_header(header: &[TokenTree], name: &Ident, float: &str) -> Option<Vec<TokenTree>> {
    let mut out = subst(header, float);
    if !is_ident(out.first(), "fn") {
        return None;
    }
    out[1] = name.clone().into();
    if !out.iter().any(|t| is_ident(Some(t), SCALAR)) {
        return None;
    }
    let s = ident(SCALAR);
    // (Arithmetic on references, as on `f64`.)
    let ops = [quote!(Add), quote!(Sub), quote!(Mul), quote!(Div)];
    let ops = ops.iter().map(|o| {
        quote!(
            for<'__r> &'__r #s: ::core::ops::#o<&'__r #s, Output = #s> + ::core::ops::#o<#s, Output = #s>,
            for<'__r> #s: ::core::ops::#o<&'__r #s, Output = #s>,
        )
    });
    let bounds = quote!(
        #(#ops)*
        [#s]: ::ad_runtime::Differentiable<Tangent = ::std::vec::Vec<#s>>,
        ::std::vec::Vec<#s>: ::ad_runtime::Differentiable<Tangent = ::std::vec::Vec<#s>>
    );
    if out.iter().any(|t| is_ident(Some(t), "where")) {
        if !is_punct(out.last(), ',') {
            out.extend(quote!(,));
        }
        out.extend(bounds);
    } else {
        out.extend(quote!(where #bounds));
    }
    Some(out)
}

/// `Dual<F>` as `S`, and `S` next to the marker (its declaration and its captures).
fn subst(tokens: &[TokenTree], float: &str) -> Vec<TokenTree> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut j = 0;
    let (s, f) = (ident(SCALAR), ident(float));
    while j < tokens.len() {
        if let Some((n, _)) = dual_type_at(tokens, j) {
            out.push(s.clone().into());
            j += n;
            continue;
        }
        match &tokens[j] {
            TokenTree::Ident(i) if i == MARKER => {
                // `M: Recording` (a lone `:`), not `M::..`.
                let declared = matches!(tokens.get(j + 1),
                    Some(TokenTree::Punct(p)) if p.as_char() == ':' && p.spacing() == proc_macro2::Spacing::Alone);
                if declared {
                    out.extend(quote!(#s: ::ad_runtime::__private::Scalar<#f>,));
                } else {
                    out.extend(quote!(#s,));
                }
                out.push(tokens[j].clone());
            }
            TokenTree::Group(g) => {
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                let mut ng = Group::new(g.delimiter(), subst(&inner, float).into_iter().collect());
                ng.set_span(g.span());
                out.push(ng.into());
            }
            t => out.push(t.clone()),
        }
        j += 1;
    }
    out
}

/// The parameter list of a header.
fn params(header: &[TokenTree]) -> Option<&Group> {
    header.iter().find_map(|t| match t {
        TokenTree::Group(g) if g.delimiter() == Delimiter::Parenthesis => Some(g),
        _ => None,
    })
}

/// The value's type in a pullback header's result `(R, closure)`.
fn value_type(header: &[TokenTree]) -> Option<Vec<TokenTree>> {
    let arrow = (1..header.len())
        .find(|&k| is_punct(header.get(k - 1), '-') && is_punct(header.get(k), '>'))?;
    let TokenTree::Group(g) = header.get(arrow + 1)? else {
        return None;
    };
    let mut out = Vec::new();
    let mut depth = 0i32;
    for t in g.stream() {
        match &t {
            TokenTree::Punct(p) if p.as_char() == '<' => depth += 1,
            TokenTree::Punct(p) if p.as_char() == '>' => depth -= 1,
            TokenTree::Punct(p) if p.as_char() == ',' && depth == 0 => return Some(out),
            _ => {}
        }
        out.push(t);
    }
    None
}

/// The parameters' names of a header (`None` for a pattern parameter).
fn param_names(header: &[TokenTree]) -> Option<Vec<Ident>> {
    let params = params(header)?;
    let mut names = Vec::new();
    let mut cur: Vec<TokenTree> = Vec::new();
    let mut depth = 0i32;
    let mut finish = |cur: &mut Vec<TokenTree>| -> Option<()> {
        if cur.is_empty() {
            return Some(());
        }
        let colon = cur.iter().position(|t| is_punct(Some(t), ':'))?;
        let name = match &cur[..colon] {
            [TokenTree::Ident(i)] => i.clone(),
            [TokenTree::Ident(m), TokenTree::Ident(i)] if m == "mut" => i.clone(),
            _ => return None,
        };
        if name == "self" {
            return None;
        }
        names.push(name);
        cur.clear();
        Some(())
    };
    for t in params.stream() {
        match &t {
            TokenTree::Punct(p) if p.as_char() == '<' => depth += 1,
            TokenTree::Punct(p) if p.as_char() == '>' && depth > 0 => depth -= 1,
            TokenTree::Punct(p) if p.as_char() == ',' && depth == 0 => {
                finish(&mut cur)?;
                continue;
            }
            _ => {}
        }
        cur.push(t);
    }
    finish(&mut cur)?;
    Some(names)
}

/// The closure trait of a pullback header's result: `FnOnce(R)` and `(..)`, its argument
/// and result.
fn closure_types(header: &[TokenTree]) -> Option<(TokenStream, TokenTree)> {
    for (k, t) in header.iter().enumerate() {
        if is_ident(Some(t), "FnOnce")
            && let Some(TokenTree::Group(arg)) = header.get(k + 1)
            && is_punct(header.get(k + 2), '-')
            && is_punct(header.get(k + 3), '>')
            && let Some(ret) = header.get(k + 4)
        {
            return Some((arg.stream(), ret.clone()));
        }
        if let TokenTree::Group(g) = t {
            let inner: Vec<TokenTree> = g.stream().into_iter().collect();
            if let Some(found) = closure_types(&inner) {
                return Some(found);
            }
        }
    }
    None
}

/// The body of a `_sweep` that calls the pair by the scalar type.
fn dispatcher(
    base: &str,
    span: Span,
    header: &[TokenTree],
    args: &[Ident],
    float: &Ident,
    first_generic: bool,
) -> Option<TokenStream> {
    let rt = quote!(::ad_runtime::__private);
    let (s, m) = (ident(SCALAR), ident(MARKER));
    let (first, dual) = (
        Ident::new(&format!("{base}_pullback"), span),
        Ident::new(&format!("{base}_hvp_pullback"), span),
    );
    let (cot, ret) = closure_types(header)?;
    let boxed = header.iter().any(|t| is_ident(Some(t), "dyn"))
        || header.iter().any(|t| match t {
            TokenTree::Group(g) => g.stream().into_iter().any(|t| is_ident(Some(&t), "dyn")),
            _ => false,
        });
    let (y, e, pb, g) = (
        Ident::new("__y", Span::mixed_site()),
        Ident::new("__e", Span::mixed_site()),
        Ident::new("__pb", Span::mixed_site()),
        Ident::new("__s", Span::mixed_site()),
    );
    let sc = quote!(<#s as #rt::Scalar<#float>>);
    let first_args: Vec<TokenStream> = args
        .iter()
        .map(|a| {
            if first_generic {
                quote!(#a)
            } else {
                quote!(#rt::cast_same(#a))
            }
        })
        .collect();
    let closure = quote! {
        move |#g: #cot| -> #ret {
            #sc::run(
                #e,
                #g,
                |#pb, #g| #rt::cast_same(#pb(#rt::cast_same(#g))),
                |#pb, #g| #rt::cast_same(#pb(#rt::cast_same(#g))),
            )
        }
    };
    let closure = if boxed {
        quote!(::std::boxed::Box::new(#closure))
    } else {
        closure
    };
    Some(quote! {
        let (#y, #e) = match #sc::pick(
            (#(#args,)*),
            |(#(#args,)*)| #first(#(#first_args),*),
            |(#(#args,)*)| #dual::<#m>(#(#rt::cast_same(#args)),*),
        ) {
            #rt::Either::A((#y, #pb)) => (#rt::cast_same(#y), #rt::Either::A(#pb)),
            #rt::Either::B((#y, #pb)) => (#rt::cast_same(#y), #rt::Either::B(#pb)),
        };
        (#y, #closure)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unify(a: TokenStream, b: TokenStream) -> Option<String> {
        let a: Vec<TokenTree> = a.into_iter().collect();
        let b: Vec<TokenTree> = b.into_iter().collect();
        Unify {
            float: "f64",
            changed: false,
        }
        .seq(&a, &b)
        .map(|t| t.into_iter().collect::<TokenStream>().to_string())
    }

    #[test]
    fn the_scalars_differences_unify() {
        let first = quote! {
            let mut t = ::ad_runtime::__private::Tape::new();
            let s: f64 = 0.5 * x;
            let (y, pb) = m::g_pullback(s, n);
            let c = vec![0.0; n];
            let r = n as f64;
            let k = s as usize;
            let u = f64::max(s, 2.0);
            let v = ::ad_runtime::__private::iter_sum(&c);
            let w = m::h(&c, 1.0);
        };
        let dual = quote! {
            let mut t = ::ad_runtime::__private::Tape::<_, __AdHvpM>::in_mode();
            let s: ::ad_runtime::Dual<f64> = ::ad_runtime::Dual::cst(0.5) * x;
            let (y, pb) = m::g_hvp_pullback::<__AdHvpM>(s, n);
            let c = vec![(::ad_runtime::Dual::cst(0.0)); n];
            let r = ::ad_runtime::__private::dual_cast::<f64, _>(n);
            let k = ::ad_runtime::__private::undual(s) as usize;
            let u = s.max(::ad_runtime::Dual::cst(2.0));
            let v = { let __ad_value = ::ad_runtime::__private::iter_sum_pullback(&c).0; __ad_value };
            let w = { let __ad_value = m::h_hvp_pullback::<__AdHvpM>(&c, ::ad_runtime::Dual::cst(1.0)).0; __ad_value };
        };
        let got = unify(first, dual).expect("one body up to the scalar");
        let want = quote! {
            let mut t = ::ad_runtime::__private::Tape::<_, __AdHvpM>::in_mode();
            let s: __AdS = <__AdS as ::ad_runtime::__private::Scalar<f64>>::cst(0.5) * x;
            let (y, pb) = m::g_sweep::<__AdS, __AdHvpM>(s, n);
            let c = vec![(<__AdS as ::ad_runtime::__private::Scalar<f64>>::cst(0.0)); n];
            let r = ::ad_runtime::__private::scalar_cast::<__AdS, f64, _>(n);
            let k = ::ad_runtime::__private::undual(s) as usize;
            let u = s.max(<__AdS as ::ad_runtime::__private::Scalar<f64>>::cst(2.0));
            let v = ::ad_runtime::__private::iter_sum(&c);
            let w = {
                let __ad_value = m::h_sweep::<__AdS, ::ad_runtime::__private::NoRecord>(
                    &c,
                    <__AdS as ::ad_runtime::__private::Scalar<f64>>::cst(1.0)
                ).0;
                __ad_value
            };
        };
        assert_eq!(got, want.to_string());
    }

    #[test]
    fn other_differences_keep_two_sweeps() {
        // A method, a callee through a type, a cast to another float, another constant, a
        // value-only call of a function the scalar cannot call.
        for (first, dual) in [
            (
                quote!(x.g_pullback(s)),
                quote!(x.g_hvp_pullback::<__AdHvpM>(s)),
            ),
            (
                quote!(Self::g_pullback(s)),
                quote!(Self::g_hvp_pullback::<__AdHvpM>(s)),
            ),
            (
                quote!(v as f32),
                quote!(::ad_runtime::__private::dual_cast::<f32, _>(v)),
            ),
            (
                quote!(x.h(&c)),
                quote!({
                    let __ad_value = x.h_hvp_pullback::<__AdHvpM>(&c).0;
                    __ad_value
                }),
            ),
            (
                quote!(::ad_runtime::__private::to_vec(&c)),
                quote!({
                    let __ad_value = ::ad_runtime::__private::dot_pullback(&c).0;
                    __ad_value
                }),
            ),
            (quote!(0.5 * x), quote!(::ad_runtime::Dual::cst(0.25) * x)),
            (
                quote!(g_grad_pullback(s)),
                quote!(g_grad_hvp_pullback::<__AdHvpM>(s)),
            ),
            (
                quote!(let a: Array1<f64> = z;),
                quote!(let a: Array1<::ad_runtime::Dual<f64>> = z;),
            ),
        ] {
            assert_eq!(unify(first.clone(), dual), None, "{first}");
        }
    }
}
