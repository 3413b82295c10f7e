//! ndarray iteration written as index loops before lowering: `a.map_axis(Axis(k), |lane| e)`
//! of a 2-D array and `Zip::from(a).and(b)..for_each(..)` of 1-D arrays (see each function).

use super::*;

/// `a.map_axis(Axis(k), |lane| e)` of a 2-D array (`k` a literal 0 or 1): a loop over the
/// lanes (`a.index_axis(Axis(1 - k), i)`) writing `e` into a buffer, made an array by the
/// runtime's `array_from_vec`; the rank is checked at run time (an `assert_eq!`, so a 3-D
/// array is an error, not a wrong shape).
pub(super) fn map_axis(m: &syn::ExprMethodCall) -> Option<Expr> {
    if m.method != "map_axis" || m.args.len() != 2 || !pure(&m.receiver) {
        return None;
    }
    let Expr::Call(ax) = strip(&m.args[0]) else {
        return None;
    };
    let axis = &ax.func;
    let k = match (strip(&ax.func), ax.args.first().map(strip)) {
        (
            Expr::Path(p),
            Some(Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(k),
                ..
            })),
        ) if p.path.segments.last().is_some_and(|s| s.ident == "Axis") && ax.args.len() == 1 => {
            k.base10_parse::<usize>().ok().filter(|k| *k < 2)?
        }
        _ => return None,
    };
    let Expr::Closure(c) = strip(&m.args[1]) else {
        return None;
    };
    if c.inputs.len() != 1 || c.movability.is_some() || c.asyncness.is_some() {
        return None;
    }
    let Pat::Ident(lane) = untyped(&c.inputs[0]) else {
        return None;
    };
    let lane = &lane.ident;
    let (a, body) = (&m.receiver, &c.body);
    let other = 1 - k;
    let span = m.span();
    Some(try_parse_at!(span, {
        ::core::assert_eq!((#a).ndim(), 2, "#[differentiable] takes `map_axis` on 2-D arrays only");
        let mut __ad_lanes = ::std::vec![0.0; (#a).shape()[#other]];
        for __ad_lane in 0..(#a).shape()[#other] {
            let #lane = (#a).index_axis(#axis(#other), __ad_lane);
            __ad_lanes[__ad_lane] = #body;
        }
        ::ad_runtime::__private::array_from_vec(&__ad_lanes)
    }))
}

/// The producers of `Zip::from(P0).and(P1)...`: each `(array, mutable)` from `&mut x`,
/// `&x`, `x.view()` or `x`, with `x` an expression without effects.
fn zip_producers(e: &Expr) -> Option<Vec<(Expr, bool)>> {
    fn producer(a: &Expr) -> Option<(Expr, bool)> {
        let (x, m) = match strip(a) {
            Expr::Reference(r) => (&*r.expr, r.mutability.is_some()),
            Expr::MethodCall(v) if v.method == "view" && v.args.is_empty() => (&*v.receiver, false),
            other => (other, false),
        };
        pure(x).then(|| (x.clone(), m))
    }
    match strip(e) {
        Expr::MethodCall(m) if m.method == "and" && m.args.len() == 1 => {
            let mut ps = zip_producers(&m.receiver)?;
            ps.push(producer(&m.args[0])?);
            Some(ps)
        }
        Expr::Call(c) if c.args.len() == 1 => {
            let Expr::Path(p) = strip(&c.func) else {
                return None;
            };
            let n = p.path.segments.len();
            (n >= 2
                && p.path.segments[n - 1].ident == "from"
                && p.path.segments[n - 2].ident == "Zip")
                .then(|| producer(&c.args[0]))
                .flatten()
                .map(|p| vec![p])
        }
        _ => None,
    }
}

/// `Zip::from(..).and(..).for_each(|c, &a, ..| *c = e)` (a statement) and
/// `Zip::from(..).and(..).map_collect(|&a, ..| e)` of 1-D arrays: index loops, each closure
/// parameter (`p`, `*p` or a `&p` pattern) replaced by the element `x[i]` of its producer;
/// `map_collect` writes a buffer made an array by the runtime's `array_from_vec`. The rank
/// and the lengths are checked at run time (`assert_eq!`), as `Zip` checks its shapes.
pub(super) fn zip_loop(m: &syn::ExprMethodCall) -> Option<Expr> {
    let collect = match m.method.to_string().as_str() {
        "for_each" => false,
        "map_collect" => true,
        _ => return None,
    };
    if m.args.len() != 1 {
        return None;
    }
    let producers = zip_producers(&m.receiver)?;
    let Expr::Closure(c) = strip(&m.args[0]) else {
        return None;
    };
    if c.inputs.len() != producers.len() || producers.iter().any(|(_, mt)| *mt) == collect {
        return None;
    }
    let i = Ident::new("__ad_zip_i", m.span());
    let mut subst = Vec::new();
    for (pat, (x, _)) in c.inputs.iter().zip(&producers) {
        let name = match untyped(pat) {
            Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => p.ident.clone(),
            Pat::Reference(r) => match untyped(&r.pat) {
                Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => p.ident.clone(),
                _ => return None,
            },
            _ => return None,
        };
        let elem: Expr = try_parse_at!(x.span(), #x[#i]);
        subst.push((name, elem));
    }
    let mut body = (*c.body).clone();
    NameSubst(&subst).visit_expr_mut(&mut body);
    let first = &producers[0].0;
    let checks = producers[1..].iter().map(|(x, _)| {
        quote::quote_spanned!(m.span()=> ::core::assert_eq!((#x).len(), (#first).len(), "Zip: the arrays have different lengths");)
    });
    let span = m.span();
    Some(if collect {
        try_parse_at!(span, {
            ::core::assert_eq!((#first).ndim(), 1, "#[differentiable] takes `Zip` of 1-D arrays only");
            #(#checks)*
            let mut __ad_zipped = ::std::vec![0.0; (#first).len()];
            for #i in 0..(#first).len() {
                __ad_zipped[#i] = #body;
            }
            ::ad_runtime::__private::array_from_vec(&__ad_zipped)
        })
    } else {
        try_parse_at!(span, {
            ::core::assert_eq!((#first).ndim(), 1, "#[differentiable] takes `Zip` of 1-D arrays only");
            #(#checks)*
            for #i in 0..(#first).len() {
                #body;
            }
        })
    })
}
