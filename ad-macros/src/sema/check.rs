//! The checks that reject what cannot be differentiated: an operation on active values
//! without a derivative rule, an opaque expression reading one, an iterator over one. Each
//! is an error spanned on the user's code, at compile time (never a silent zero).

use super::activity::atom_active;
use crate::ctxt::Ctxt;
use crate::ir::*;
use crate::sema::kinds::{self, Kind};
use crate::sema::rules::{self, MethodRule};
use quote::ToTokens;
use std::collections::HashMap;

/// Checks every operation of `func` (and analyses the closure bodies of elementwise maps,
/// with `analyze`, returning those analyses by the address of the closure's IR).
pub(crate) fn check<A>(
    cx: &Ctxt,
    func: &Func,
    active: &[bool],
    kinds: &[Kind],
    analyze: impl Fn(&Ctxt, &Func, &[VarId]) -> A,
) -> HashMap<usize, A> {
    walk(&func.body, &mut |s| {
        let (op, span) = match s {
            Stmt::Let { op, span, .. }
            | Stmt::Assign { op, span, .. }
            | Stmt::IndexAssign { op, span, .. } => (op, *span),
            _ => return,
        };
        check_op(cx, op, span, active, func, kinds);
    });
    // Closure bodies of elementwise maps, with the element and the active captures active.
    let mut subs = HashMap::new();
    walk(&func.body, &mut |s| {
        if let Stmt::Let { op, .. } | Stmt::Assign { op, .. } | Stmt::IndexAssign { op, .. } = s
            && let Op::Map {
                recv,
                sub,
                captures,
                ..
            } = op
        {
            let mut params = Vec::new();
            if atom_active(recv, active) {
                params.push(0);
            }
            for (k, c) in captures.iter().enumerate() {
                if active[*c] {
                    params.push(k + 1);
                    // A differentiated sequence or array the closure reads as a whole (at an
                    // index the closure itself binds: its elements are read before the map
                    // only at indices fixed outside it).
                    if matches!(kinds[*c], Kind::Array | Kind::SeqScalar) {
                        let name = &func.vars[*c].ident;
                        cx.error_at(
                            s_span(s),
                            format!(
                                "this `mapv` closure uses the differentiated `{name}` (an array or sequence) inside it; a closure may read such a value only through elements at indices fixed outside it (`{name}[0]`, `{name}[i]` with `i` from outside), which are read before the map. Compute what it needs before the map (`let s = {name}.sum();`), or write the loop over the elements"
                            ),
                        );
                    }
                }
            }
            subs.insert(&**sub as *const Func as usize, analyze(cx, sub, &params));
        }
    });
    for_each_iter_loop(&func.body, &mut |l| {
        if let LoopKind::Iter { iter, reads, .. } = &l.kind {
            let reads_active = reads.iter().any(|v| active[*v]);
            if reads_active {
                cx.error_spanned_by(iter, "iterating over differentiated values with this iterator is not supported by #[differentiable]; write `for x in xs.iter()`, `for &x in xs.iter()`, `for (i, x) in xs.iter().enumerate()` or index in a range loop (`for i in 0..xs.len()`)");
            }
        }
    });

    subs
}

/// Methods of `Vec` and slices that move, drop or insert elements, or fill them.
const SEQUENCE_METHODS: &[&str] = &[
    "fill",
    "fill_with",
    "pop",
    "reverse",
    "truncate",
    "extend_from_slice",
    "rotate_left",
    "rotate_right",
    "sort_by",
    "sort_unstable_by",
    "sort_by_key",
    "insert",
    "remove",
    "swap_remove",
    "resize",
    "copy_within",
    "split_first",
    "split_last",
    "retain",
    "dedup",
    "drain",
    "append",
    "clear",
];

fn check_op(
    cx: &Ctxt,
    op: &Op,
    span: proc_macro2::Span,
    active: &[bool],
    func: &Func,
    kinds: &[Kind],
) {
    let ops = op.operands();
    let act: Vec<bool> = ops.iter().map(|a| atom_active(a, active)).collect();
    let map_active = matches!(op, Op::Map { captures, .. } if captures.iter().any(|c| active[*c]));
    if !act.iter().any(|x| *x) && !matches!(op, Op::Opaque { .. }) && !map_active {
        return;
    }
    match op {
        Op::Method {
            name,
            args,
            extra,
            recv,
            ..
        } => {
            let n = extra.rule_name(name);
            let recv_kind = kinds::atom_kind(recv, kinds);
            if let (None, Some(t)) = (rules::method(&n), rules::tensor_method(&n)) {
                if args.len() + 1 != t.arity {
                    cx.error_at(
                        name.span(),
                        format!(
                            "`{n}` takes {} argument(s) here, found {}",
                            t.arity - 1,
                            args.len()
                        ),
                    );
                    return;
                }
                for (k, a) in act.iter().enumerate() {
                    if *a && k >= t.partials.len() {
                        // (Named as written: `fold_axis`, not the rule `fold_axis_max`.)
                        let what = if k == 0 {
                            "its receiver".to_string()
                        } else {
                            format!("its argument {k}")
                        };
                        cx.error_at(span, format!("`{name}` cannot be differentiated with respect to {what}; it must be a constant"));
                    }
                }
                return;
            }
            match rules::method(&n) {
                None if rules::ITERATOR_METHODS.contains(&n.as_str()) => cx.error_at(name.span(), format!(
                    "iterator adaptors (`.{n}()`) on differentiated values are not supported by #[differentiable]; write a `for` loop (`for &x in xs.iter() {{ s += x; }}`)"
                )),
                // `Vec`/slice methods that move or drop elements (a float method's list would
                // not help).
                None if SEQUENCE_METHODS.contains(&n.as_str()) => cx.error_at(name.span(), format!(
                    "`{n}` on a differentiated `Vec` or slice is not supported by #[differentiable] (its elements' cotangents would have to follow them); write the element loop it stands for (`for i in 0..v.len() {{ v[i] = .. }}`, `let last = v[v.len() - 1];`), or sort an index vector (`idx.sort_by(|a, b| v[*a].total_cmp(&v[*b]))`) and read `v[idx[k]]`"
                )),
                None if recv_kind == Kind::Array => cx.error_at(name.span(), format!(
                    "no derivative rule for the array method `{n}` on a differentiated value; supported: {}. Compute it from supported operations, or move it into a #[differentiable] function",
                    rules::TENSOR_METHODS
                )),
                None => {
                    // Methods of std's containers are not a user's struct methods.
                    let hint = if rules::STD_METHODS.contains(&n.as_str()) {
                        String::new()
                    } else {
                        format!("; if `{n}` is a #[differentiable] method of a struct whose type is not visible here (the result of a call, or a field of one), give the local its type (`let r: Inner = ..;`) or call a `&self` method by its type: `Inner::{n}(&r.inner, ..)`")
                    };
                    cx.error_at(name.span(), format!(
                        "no derivative rule for method `{n}` on a differentiated value; supported float methods: {}; array methods: {}. Compute it from supported operations, or move it into a #[differentiable] function{hint}",
                        rules::DIFFERENTIABLE_METHODS, rules::TENSOR_METHODS
                    ))
                }
                Some(MethodRule::Diff { arity, partials }) => {
                    if args.len() + 1 != arity {
                        cx.error_at(name.span(), format!("`{n}` takes {} argument(s) here, found {}", arity - 1, args.len()));
                        return;
                    }
                    for (k, a) in act.iter().enumerate() {
                        if *a && k >= partials.len() {
                            cx.error_at(span, format!("`{n}` cannot be differentiated with respect to its argument {k}; it must be a constant"));
                        }
                    }
                }
                Some(MethodRule::ZeroGrad { arity }) if args.len() + 1 != arity => {
                    cx.error_at(name.span(), format!("`{n}` takes {} argument(s) here, found {}", arity - 1, args.len()));
                }
                _ => {}
            }
        }
        Op::Concat { axis, .. } if atom_active(axis, active) => {
            cx.error_at(span, "the axis of `concatenate`/`stack` must be a constant");
        }
        Op::Call {
            func: path,
            plain: true,
            ..
        } => {
            let name = path.to_token_stream().to_string().replace(' ', "");
            cx.error_spanned_by(path, format!(
                "`{name}` has no derivative, and it is called here on a differentiated value; only float methods, arithmetic and #[differentiable] functions can be differentiated. Write the computation with those, or wrap it in a #[differentiable] function"
            ));
        }
        Op::Cast {
            ty, float: false, ..
        } => {
            let t = ty.to_token_stream().to_string();
            let int = crate::ir::INT_TYPES.contains(&t.as_str());
            if !int {
                cx.error_spanned_by(ty, format!("cannot differentiate a cast of a differentiated value to `{t}`; cast to `f64` or `f32` (derivative 1) or to an integer type (a constant)"));
            }
        }
        Op::Opaque {
            reads,
            what,
            tokens,
            ..
        } => {
            if let Some(v) = reads
                .iter()
                .find(|v| active[**v] && !only_shape_queries(tokens, &func.vars[**v].ident))
            {
                // A temporary of the lowering has no name the user wrote.
                let value = if func.vars[*v].is_temp() {
                    "a differentiated value".to_string()
                } else {
                    format!("`{}`, which is differentiated", func.vars[*v].ident)
                };
                cx.error_spanned_by(tokens, format!(
                    "{what} reads {value}; #[differentiable] cannot see into it. Use it only on constants"
                ));
            }
        }
        Op::Index { index, .. } if index.var().is_some_and(|v| active[v]) => {
            cx.error_at(span, "an index cannot be a differentiated value");
        }
        _ => {}
    }
}

/// Whether every mention of `name` in `tokens` asks only for a shape (`k.len()`,
/// `a.shape()`, `a.dim()`, `a.nrows()`, `a.ncols()`, `k.is_empty()`), and there is one: a
/// constant, whatever the values (`s![i..i + k.len()]`).
fn only_shape_queries(tokens: &proc_macro2::TokenStream, name: &proc_macro2::Ident) -> bool {
    use proc_macro2::TokenTree;
    fn scan(tokens: &proc_macro2::TokenStream, name: &proc_macro2::Ident, seen: &mut bool) -> bool {
        let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
        tts.iter().enumerate().all(|(i, tt)| match tt {
            TokenTree::Group(g) => scan(&g.stream(), name, seen),
            TokenTree::Ident(id) if id == name => {
                *seen = true;
                matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '.')
                    && matches!(tts.get(i + 2), Some(TokenTree::Ident(m)) if
                        matches!(m.to_string().as_str(), "len" | "shape" | "dim" | "nrows" | "ncols" | "is_empty"))
            }
            _ => true,
        })
    }
    let mut seen = false;
    scan(tokens, name, &mut seen) && seen
}

/// The span of a statement that has one (the whole statement otherwise unknown: the call site).
fn s_span(s: &Stmt) -> proc_macro2::Span {
    match s {
        Stmt::Let { span, .. } | Stmt::Assign { span, .. } | Stmt::IndexAssign { span, .. } => {
            *span
        }
        _ => proc_macro2::Span::call_site(),
    }
}
