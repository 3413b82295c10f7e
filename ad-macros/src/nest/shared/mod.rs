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
//! | `g_pullback(..)`, `g_pullback::<f64>(..)` | `g_hvp_pullback::<M>(..)` | `g_sweep::<S, M>(..)` |
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
//! of array code, `Relift` of checkpointed calls) keeps the two sweeps as they were.
//! Callers cannot tell which callee was shared, so every such pair gets an `f_sweep`: the shared sweep, or a dispatcher that
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
//! Cheaper still, and what runs first (`generalize`, called before the first-order sweep
//! is generated): the shared sweep read from the dual sweep alone, by the same table read
//! right to left, refusing anything else of dual numbers. Then the first-order sweep is never
//! generated nor compared; the comparison here is the fallback (where the dual side alone
//! refuses what is only a user's name, such as `x_dual`) and, with `AD_SHARE_VERIFY` set,
//! the check that both ways agree.
//!
//! The generic sweep's bounds: `S: Scalar<f64>`, and arithmetic on borrowed scalars
//! (`for<'r> &'r S: Mul<S, Output = S>`, ...) only where the body may borrow one or calls
//! another sweep (`borrows`: those bounds cost type checking at every operator).
//!
//! What it buys and costs (README, "Compile time"): one generic body type-checked instead
//! of two (−0.9 s of type checking for the benchmark's 101 functions, −34% expanded lines),
//! the same machine code. In release builds rustc's MIR inliner spends about as much
//! checking whether generic sweeps that call each other form cycles.

mod borrows;
mod generalize;
mod patterns;
#[cfg(test)]
mod tests;
mod unify;

pub use borrows::may_borrow_scalars;
pub use generalize::{pre_share, verify, verify_enabled};
use patterns::*;
use unify::Unify;

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

/// The pass (see the module docs) over everything generated for one function; `borrows`:
/// whether its body may do arithmetic on borrowed scalars ([`may_borrow_scalars`]).
pub fn share(out: TokenStream, shareable: bool, borrows: bool) -> TokenStream {
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
        match pair(base, &items[f], item, shareable, borrows) {
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
fn pair(base: &str, first: &Item, dual: &Item, shareable: bool, borrows: bool) -> Option<Shared> {
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
    let header = generic_header(dual.header(), &gen_name, &float, false)?;
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
    // The bounds of arithmetic on references where the body may need them (`borrows`).
    let header = if borrows || calls_sweep(&body) {
        generic_header(dual.header(), &gen_name, &float, true)?
    } else {
        header
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

/// Whether a shared sweep's body calls another function's sweep (`g_sweep::<S, M>`), whose
/// bounds it must then have (`borrows`).
fn calls_sweep(body: &[TokenTree]) -> bool {
    body.iter().any(|t| match t {
        TokenTree::Ident(i) => i.to_string().ends_with("_sweep"),
        TokenTree::Group(g) => calls_sweep(&g.stream().into_iter().collect::<Vec<_>>()),
        _ => false,
    })
}

/// The generic sweep's header from the dual pullback's: renamed, `S: Scalar<F>` before the
/// marker (and captured where it is), `Dual<F>` read as `S`, and the slices' impls of
/// `Differentiable` required (rustc picks the generic struct-element impl otherwise).
/// With `refs`, also the bounds of arithmetic on references to the scalar, as on `f64`
/// (`for<'r> &'r S: Add<&'r S, Output = S> + Add<S, Output = S>`, ...: see `borrows`).
fn generic_header(
    header: &[TokenTree],
    name: &Ident,
    float: &str,
    refs: bool,
) -> Option<Vec<TokenTree>> {
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
        let by_ref = refs.then(|| quote!(
            for<'__r> &'__r #s: ::core::ops::#o<&'__r #s, Output = #s> + ::core::ops::#o<#s, Output = #s>,
        ));
        quote!(
            #by_ref
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
