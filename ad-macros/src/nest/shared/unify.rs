//! The comparison of a function's two sweeps (module docs of `nest::shared`).

use super::patterns::*;
use super::{MARKER, SCALAR, array_word};
use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};
use quote::quote;

pub(super) struct Unify<'a> {
    pub(super) float: &'a str,
    /// Whether the tokens unified so far (in the current group) differ from the first
    /// order's.
    pub(super) changed: bool,
}

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
        let ValueBlock {
            prefix,
            callee,
            marked,
            args: bargs,
            before,
        } = value_block(&q)?.ok()?;
        let callee = callee.to_string();
        let name = if marked {
            let base = callee.strip_suffix("_hvp_pullback")?;
            if base.ends_with("_grad") || !callee_by_path(before) {
                return None;
            }
            base
        } else {
            let base = callee.strip_suffix("_pullback")?;
            if private_path_at(&q, 3, &callee) != Some(before.len() + 1 - 3)
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
    pub(super) fn seq(&mut self, a: &[TokenTree], b: &[TokenTree]) -> Option<Vec<TokenTree>> {
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
                // (`e as _` where the lift found the float.)
                if f != self.float
                    || !is_ident(a.get(i + k), "as")
                    || !(is_ident(a.get(i + k + 1), &f) || is_ident(a.get(i + k + 1), "_"))
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
                // A generic callee called at the float (`g::<f64>(..)`): the lift drops the
                // turbofish, and `g_sweep` is its instantiation at the float.
                let turbofish = is_punct(a.get(i + 1), ':')
                    && is_punct(a.get(i + 2), ':')
                    && is_punct(a.get(i + 3), '<');
                if turbofish && !(is_ident(a.get(i + 4), self.float) && is_punct(a.get(i + 5), '>'))
                {
                    return None;
                }
                let gen_name = Ident::new(&format!("{base}_sweep"), f.span());
                let (s, m) = (ident(SCALAR), ident(MARKER));
                out.extend(quote!(#gen_name::<#s, #m>));
                (i, j) = (i + if turbofish { 6 } else { 1 }, j + 6);
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
