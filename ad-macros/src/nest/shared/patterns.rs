//! Token patterns of the dual sweep that the shared sweep writes another way, and small
//! token tests.

use super::MARKER;
use proc_macro2::{Delimiter, Group, Ident, Span, TokenTree};

pub(super) fn ident(s: &str) -> Ident {
    Ident::new(s, Span::call_site())
}

pub(super) fn is_ident(t: Option<&TokenTree>, s: &str) -> bool {
    matches!(t, Some(TokenTree::Ident(i)) if i == s)
}

pub(super) fn is_punct(t: Option<&TokenTree>, c: char) -> bool {
    matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

/// The absolute path `::seg::seg..` at `j`: its length.
fn path_at(b: &[TokenTree], j: usize, segs: &[&str]) -> Option<usize> {
    let mut k = j;
    for seg in segs {
        if !(is_punct(b.get(k), ':') && is_punct(b.get(k + 1), ':') && is_ident(b.get(k + 2), seg))
        {
            return None;
        }
        k += 3;
    }
    Some(k - j)
}

/// `::ad_runtime::Dual<F>` at `j`: its length and `F`.
pub(super) fn dual_type_at(b: &[TokenTree], j: usize) -> Option<(usize, String)> {
    let n = path_at(b, j, &["ad_runtime", "Dual"])?;
    match (
        b.get(j + n + 1),
        is_punct(b.get(j + n), '<') && is_punct(b.get(j + n + 2), '>'),
    ) {
        (Some(TokenTree::Ident(f)), true) if f == "f64" || f == "f32" => {
            Some((n + 3, f.to_string()))
        }
        _ => None,
    }
}

/// `::ad_runtime::Dual::cst(G)` at `j`: its length and `G`.
pub(super) fn cst_at(b: &[TokenTree], j: usize) -> Option<(usize, &Group)> {
    let n = path_at(b, j, &["ad_runtime", "Dual", "cst"])?;
    match b.get(j + n) {
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => Some((n + 1, g)),
        _ => None,
    }
}

/// `::ad_runtime::__private::NAME` at `j` (`NAME` one identifier): its length.
pub(super) fn private_path_at(b: &[TokenTree], j: usize, name: &str) -> Option<usize> {
    path_at(b, j, &["ad_runtime", "__private", name])
}

/// `::ad_runtime::__private::dual_cast::<F, _>(G)` at `j`: its length, `F` and `G`.
pub(super) fn dual_cast_at(b: &[TokenTree], j: usize) -> Option<(usize, String, &Group)> {
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
pub(super) fn starts_with(a: &[TokenTree], i: usize, inner: &[TokenTree]) -> Option<usize> {
    let k = inner.len();
    (i + k <= a.len() && a[i..i + k].iter().zip(inner).all(|(x, y)| same_token(x, y))).then_some(k)
}

/// The float of the first `Dual<F>` of a dual pullback's header.
pub(super) fn dual_float(header: &[TokenTree]) -> Option<String> {
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

pub(super) fn same_token(a: &TokenTree, b: &TokenTree) -> bool {
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

/// Runtime functions generic over the element whose value the dual lift takes from their
/// pullback (`{ let __ad_value = f_pullback(..).0; __ad_value }`): the same value.
pub(super) const GENERIC_RUNTIME_VALUES: [&str; 2] = ["to_vec", "iter_sum"];

/// Whether the callee whose name comes next is a function reached by a module path (`g`,
/// `m::g`, `crate::m::g`), which has a `_sweep`, and not a method or a function
/// reached through a type (`x.g`, `Self::g`, `T::g`, `<T as Tr>::g`).
pub(super) fn callee_by_path(before: &[TokenTree]) -> bool {
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

/// A value-only call as the dual lift writes it, the contents `q` of the block
/// `{ let __ad_value = prefix callee[::<M>](args).0; __ad_value }`.
pub(super) struct ValueBlock<'q> {
    /// The path before the callee (`m::`, `::ad_runtime::__private::`, or nothing).
    pub prefix: &'q [TokenTree],
    /// `f_hvp_pullback` (with the marker) or a runtime `f_pullback` (without).
    pub callee: &'q Ident,
    /// Whether the callee takes the marker (`::<M>`): a differentiable function's.
    pub marked: bool,
    pub args: &'q Group,
    /// The tokens of `q` before the callee (`let __ad_value = prefix`).
    pub before: &'q [TokenTree],
}

/// `q` read as a [`ValueBlock`], or `None` when it is not one (`Some(Err(()))`: of that
/// shape, but with a callee or arguments the pattern does not read).
pub(super) fn value_block(q: &[TokenTree]) -> Option<Result<ValueBlock<'_>, ()>> {
    let len = q.len();
    let shape = len >= 9
        && is_ident(q.first(), "let")
        && is_ident(q.get(1), "__ad_value")
        && is_punct(q.get(2), '=')
        && is_punct(q.get(len - 4), '.')
        && matches!(q.get(len - 3), Some(TokenTree::Literal(l)) if l.to_string() == "0")
        && is_punct(q.get(len - 2), ';')
        && is_ident(q.get(len - 1), "__ad_value");
    if !shape {
        return None;
    }
    let Some(TokenTree::Group(args)) = q.get(len - 5) else {
        return Some(Err(()));
    };
    let marked = is_punct(q.get(len - 6), '>')
        && is_ident(q.get(len - 7), MARKER)
        && is_punct(q.get(len - 8), '<')
        && is_punct(q.get(len - 9), ':')
        && is_punct(q.get(len - 10), ':');
    let c = if marked {
        len.checked_sub(11)
    } else {
        Some(len - 6)
    };
    match (c, c.and_then(|c| q.get(c))) {
        (Some(c), Some(TokenTree::Ident(callee)))
            if c >= 3 && args.delimiter() == Delimiter::Parenthesis =>
        {
            Some(Ok(ValueBlock {
                prefix: &q[3..c],
                callee,
                marked,
                args,
                before: &q[..c],
            }))
        }
        _ => Some(Err(())),
    }
}
