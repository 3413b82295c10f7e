//! Static kinds: which values are known to be scalars, which are known to be arrays, and
//! which could be either.
//!
//! The macro sees syntax, not types, and most derivative code is generic over the operand
//! types (rustc picks the rule implementation). One decision cannot be left to rustc: with
//! ndarray broadcasting, the cotangent of an operand of `a * b` must be summed back to the
//! operand's *runtime shape*, so the reverse sweep has to read that operand, which may
//! force it to be kept. Reading it costs nothing when the shapes cannot differ, and the
//! kinds say when: if one operand is a scalar, the other has the result's shape. Kinds come
//! from parameter types and `let` annotations, literals, and the operations (a float method
//! of a scalar is a scalar, `sum()` of an array is a scalar, ...), to a fixed point over
//! reassignments. What the kinds cannot tell is `Unknown` and handled by the general path.
//!
//! Kinds also choose between the scalar rules (the fast path every float program uses) and
//! the tensor rules (`ad_runtime::__private::tensor`, which also accept scalars).

use super::rules;
use crate::ir::*;
use syn::Type;

pub use super::Kind;

impl Kind {
    /// The kind of an element `x[i]`.
    fn elem(self) -> Kind {
        match self {
            Kind::SeqScalar | Kind::Array => Kind::Scalar,
            Kind::SeqArray => Kind::Array,
            Kind::Bottom => Kind::Bottom,
            _ => Kind::Unknown,
        }
    }

    /// Certainly not an array (scalar, integer, ...).
    pub fn is_scalar(self) -> bool {
        matches!(self, Kind::Scalar | Kind::Other)
    }
}

/// The kind of a value of type `ty`.
pub fn of_type(ty: &Type) -> Kind {
    match ty {
        Type::Reference(r) => of_type(&r.elem),
        Type::Paren(p) => of_type(&p.elem),
        Type::Group(g) => of_type(&g.elem),
        Type::Slice(s) => seq_of(of_type(&s.elem)),
        Type::Array(a) => seq_of(of_type(&a.elem)),
        Type::Path(_) if dual_inner(ty).is_some() => Kind::Scalar,
        Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return Kind::Unknown;
            };
            let name = last.ident.to_string();
            match name.as_str() {
                "f64" | "f32" => Kind::Scalar,
                "bool" | "char" | "Axis" => Kind::Other,
                n if crate::ir::INT_TYPES.contains(&n) => Kind::Other,
                "Vec" => match &last.arguments {
                    syn::PathArguments::AngleBracketed(a) => match a.args.first() {
                        Some(syn::GenericArgument::Type(t)) => seq_of(of_type(t)),
                        _ => Kind::Unknown,
                    },
                    _ => Kind::Unknown,
                },
                n if n.starts_with("Array")
                    || n.starts_with("CowArray")
                    || n.starts_with("ArcArray") =>
                {
                    Kind::Array
                }
                _ => Kind::Unknown,
            }
        }
        _ => Kind::Unknown,
    }
}

/// The number of axes of an array type, when the type says (`Array2<f64>`, `ArrayView1`,
/// `Array<f64, Ix3>`).
fn rank_of_type(ty: &Type) -> Option<u8> {
    match ty {
        Type::Reference(r) => rank_of_type(&r.elem),
        Type::Paren(p) => rank_of_type(&p.elem),
        Type::Path(p) => {
            let last = p.path.segments.last()?;
            let name = last.ident.to_string();
            if name == "f64" || name == "f32" {
                return Some(0);
            }
            if let Some(d) = name.chars().last().and_then(|c| c.to_digit(10)) {
                return (name.starts_with("Array")
                    || name.starts_with("ArcArray")
                    || name.starts_with("CowArray"))
                .then_some(d as u8);
            }
            let syn::PathArguments::AngleBracketed(a) = &last.arguments else {
                return None;
            };
            a.args.iter().find_map(|arg| match arg {
                syn::GenericArgument::Type(Type::Path(t)) => {
                    let n = t.path.segments.last()?.ident.to_string();
                    n.strip_prefix("Ix")?.parse::<u8>().ok()
                }
                _ => None,
            })
        }
        _ => None,
    }
}

fn seq_of(k: Kind) -> Kind {
    match k {
        Kind::Scalar => Kind::SeqScalar,
        Kind::Array => Kind::SeqArray,
        _ => Kind::Unknown,
    }
}

/// The kind of a constant operand written in the source.
fn const_kind(tokens: &proc_macro2::TokenStream) -> Kind {
    fn expr_kind(e: &syn::Expr) -> Kind {
        match e {
            syn::Expr::Paren(p) => expr_kind(&p.expr),
            syn::Expr::Group(g) => expr_kind(&g.expr),
            syn::Expr::Lit(l) => match &l.lit {
                syn::Lit::Float(_) => Kind::Scalar,
                syn::Lit::Int(_) | syn::Lit::Bool(_) => Kind::Other,
                _ => Kind::Unknown,
            },
            syn::Expr::Unary(u) => expr_kind(&u.expr),
            // A constant lifted to dual numbers (see `nest::dual`).
            syn::Expr::Call(c)
                if matches!(&*c.func, syn::Expr::Path(p)
                    if p.path.segments.len() == 3
                        && p.path.segments[0].ident == "ad_runtime"
                        && p.path.segments[1].ident == "Dual") =>
            {
                Kind::Scalar
            }
            syn::Expr::Binary(b) => match (expr_kind(&b.left), expr_kind(&b.right)) {
                (x, y) if x == y => x,
                _ => Kind::Unknown,
            },
            // A float's associated or module constant: `f64::EPSILON`,
            // `std::f64::consts::PI` (the dual lift makes it a dual constant, a scalar).
            syn::Expr::Path(p)
                if p.qself.is_none()
                    && p.path.segments.len() >= 2
                    && p.path
                        .segments
                        .iter()
                        .any(|s| s.ident == "f64" || s.ident == "f32")
                    && p.path.segments.last().is_some_and(|s| {
                        let name = s.ident.to_string();
                        s.arguments.is_none()
                            && name
                                .chars()
                                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                    }) =>
            {
                Kind::Scalar
            }
            _ => Kind::Unknown,
        }
    }
    use proc_macro2::TokenTree as T;
    let lit_kind = |l: proc_macro2::Literal| match syn::Lit::new(l) {
        syn::Lit::Float(_) => Kind::Scalar,
        syn::Lit::Int(_) | syn::Lit::Bool(_) => Kind::Other,
        _ => Kind::Unknown,
    };
    // The common shapes without parsing (this runs for every constant operand, at every
    // step of the kinds' fixed point): a literal, a negated one, a name, a lifted constant.
    let mut it = tokens.clone().into_iter();
    match (it.next(), it.next(), it.next()) {
        (Some(T::Literal(l)), None, _) => return lit_kind(l),
        (Some(T::Punct(p)), Some(T::Literal(l)), None) if p.as_char() == '-' => {
            return lit_kind(l);
        }
        (Some(T::Ident(i)), None, _) => {
            return if i == "true" || i == "false" {
                Kind::Other
            } else {
                Kind::Unknown
            };
        }
        // `::ad_runtime::Dual::cst(..)` (see `nest::dual`).
        (Some(T::Punct(a)), Some(T::Punct(b)), Some(T::Ident(i)))
            if a.as_char() == ':' && b.as_char() == ':' && i == "ad_runtime" =>
        {
            let rest: Vec<T> = it.collect();
            if let [
                T::Punct(_),
                T::Punct(_),
                T::Ident(d),
                T::Punct(_),
                T::Punct(_),
                T::Ident(c),
                T::Group(_),
            ] = &rest[..]
                && d == "Dual"
                && c == "cst"
            {
                return Kind::Scalar;
            }
        }
        _ => {}
    }
    match syn::parse2::<syn::Expr>(tokens.clone()) {
        Ok(e) => expr_kind(&e),
        Err(_) => Kind::Unknown,
    }
}

/// Infers the kind of every variable.
pub fn infer(func: &Func) -> Vec<Kind> {
    let n = func.vars.len();
    let mut kinds = vec![Kind::Bottom; n];
    for (v, var) in func.vars.iter().enumerate() {
        if let Some(ty) = &var.ty {
            kinds[v] = of_type(ty);
        } else if matches!(var.kind, VarKind::Flow | VarKind::Pullback) {
            kinds[v] = Kind::Other;
        }
    }
    let annotated: Vec<bool> = func.vars.iter().map(|v| v.ty.is_some()).collect();
    let mut conflict = vec![false; n];
    // Ranks of arrays: `Some(Some(r))` known, `Some(None)` unknown, `None` not seen yet.
    let mut ranks: Vec<Option<Option<u8>>> = func
        .vars
        .iter()
        .map(|v| v.ty.as_ref().map(rank_of_type))
        .collect();
    loop {
        let mut changed = false;
        crate::ir::walk_stmts(&func.body.stmts, &mut |s| {
            if let Stmt::Let { var, op, .. } | Stmt::Assign { var, op, .. } = s
                && !annotated[*var]
            {
                let r = op_rank(op, &ranks);
                let j = match (ranks[*var], r) {
                    (None, r) => Some(r),
                    (Some(a), b) if a == b => Some(a),
                    _ => Some(None),
                };
                if j != ranks[*var] {
                    ranks[*var] = j;
                    changed = true;
                }
            }
        });
        // A variable has one Rust type: a definite kind from any of its definitions wins
        // over `Unknown` from another (`s = s + f(x)` after `let mut s = 0.0`). Two different
        // definite kinds (which well-typed code cannot have) make it `Unknown` for good.
        let mut set = |v: VarId, k: Kind, kinds: &mut Vec<Kind>| {
            if annotated[v] || conflict[v] {
                return;
            }
            let j = match (kinds[v], k) {
                (a, Kind::Bottom) | (a, Kind::Unknown) if a != Kind::Bottom => a,
                (Kind::Bottom, k) | (Kind::Unknown, k) => k,
                (a, b) if a == b => a,
                _ => {
                    conflict[v] = true;
                    Kind::Unknown
                }
            };
            if j != kinds[v] {
                kinds[v] = j;
                changed = true;
            }
        };
        crate::ir::walk_stmts(&func.body.stmts, &mut |s| match s {
            Stmt::Let { var, op, .. } | Stmt::Assign { var, op, .. } => {
                let k = match op {
                    Op::Index { index, .. } if func.is_nd_index(index) => Kind::Scalar,
                    _ => op_kind(op, &kinds, &ranks),
                };
                set(*var, k, &mut kinds);
            }
            Stmt::IndexAssign { base, op, .. } => {
                let k = seq_of(op_kind(op, &kinds, &ranks));
                if kinds[*base] != Kind::Array {
                    set(*base, k, &mut kinds);
                }
            }
            Stmt::Push { base, value, .. } => {
                let k = seq_of(atom_kind(value, &kinds));
                set(*base, k, &mut kinds);
            }
            Stmt::Loop(l) => {
                if let LoopKind::Range { var, .. } = &l.kind {
                    set(*var, Kind::Other, &mut kinds);
                }
            }
            _ => {}
        });
        // Backwards: an index is an integer (`x[tokens[p] * D]`), and so are the operands of
        // integer arithmetic (`tokens[p]`, whose slice's element type the kinds do not
        // carry): so a global constant next to one is not taken for a float.
        crate::ir::walk_stmts(&func.body.stmts, &mut |s| {
            if let Some(Atom::Var(i)) = func.scalar_index(s)
                && matches!(kinds[*i], Kind::Unknown | Kind::Bottom)
            {
                set(*i, Kind::Other, &mut kinds);
            }
            if let Stmt::Let { var, op, .. } | Stmt::Assign { var, op, .. } = s
                && kinds[*var] == Kind::Other
                && let Op::Arith(_, a, b) = op
            {
                for a in [a, b] {
                    if let Atom::Var(v) = a
                        && matches!(kinds[*v], Kind::Unknown | Kind::Bottom)
                    {
                        set(*v, Kind::Other, &mut kinds);
                    }
                }
            }
        });
        // Backwards: a float result of `a + b`, `-a`, `a` (a copy) makes its operands floats
        // (`f64 + X` is `f64` only for `X` = `f64` or `&f64`; with an array it is an array).
        crate::ir::walk_stmts(&func.body.stmts, &mut |s| {
            if let Stmt::Let { var, op, .. } | Stmt::Assign { var, op, .. } = s
                && kinds[*var] == Kind::Scalar
            {
                let operands: Vec<&Atom> = match op {
                    Op::Copy(a) | Op::CloneOf(a) | Op::Neg(a) | Op::Deref(a) => vec![a],
                    Op::Arith(_, a, b) => vec![a, b],
                    _ => vec![],
                };
                for a in operands {
                    if let Some(v) = a.var() {
                        set(v, Kind::Scalar, &mut kinds);
                    }
                }
            }
        });
        if !changed {
            break;
        }
    }
    kinds
        .into_iter()
        .map(|k| if k == Kind::Bottom { Kind::Unknown } else { k })
        .collect()
}

pub fn atom_kind(a: &Atom, kinds: &[Kind]) -> Kind {
    match a {
        Atom::Var(v) | Atom::Ref(v) => kinds[*v],
        Atom::Const(c) => const_kind(c),
    }
}

/// The rank of an operation's result, when known.
fn op_rank(op: &Op, ranks: &[Option<Option<u8>>]) -> Option<u8> {
    let r = |a: &Atom| match a {
        Atom::Var(v) | Atom::Ref(v) => ranks[*v].flatten(),
        Atom::Const(c) => (const_kind(c) == Kind::Scalar).then_some(0),
    };
    match op {
        Op::Copy(a) | Op::Deref(a) | Op::CloneOf(a) | Op::Neg(a) => r(a),
        Op::Arith(_, a, b) => Some(r(a)?.max(r(b)?)),
        Op::Map { recv, .. } => r(recv),
        Op::Method {
            name,
            recv,
            args,
            extra,
            ..
        } => {
            let n = extra.rule_name(name);
            let x = r(recv)?;
            match n.as_str() {
                "dot" => match (x, r(args.first()?)?) {
                    (2, 2) => Some(2),
                    (2, 1) | (1, 2) => Some(1),
                    (1, 1) => Some(0),
                    _ => None,
                },
                "t" | "view" | "to_owned" | "reversed_axes" | "into_owned" => Some(x),
                "sum_axis" | "mean_axis" | "var_axis" | "std_axis" | "fold_axis_max"
                | "fold_axis_min" | "row" | "column" | "index_axis" => x.checked_sub(1),
                "insert_axis" => Some(x + 1),
                "sum" | "mean" | "var" | "std" => Some(0),
                _ if rules::method(&n).is_some() => Some(x),
                _ => None,
            }
        }
        Op::Call {
            func, plain: true, ..
        } => {
            let first = func.segments.first()?.ident.to_string();
            first.strip_prefix("Array")?.parse::<u8>().ok()
        }
        _ => None,
    }
}

fn op_kind(op: &Op, kinds: &[Kind], ranks: &[Option<Option<u8>>]) -> Kind {
    let k = |a: &Atom| atom_kind(a, kinds);
    match op {
        Op::Copy(a) | Op::Deref(a) | Op::CloneOf(a) | Op::Neg(a) => k(a),
        Op::Arith(_, a, b) => match (k(a), k(b)) {
            (Kind::Bottom, _) | (_, Kind::Bottom) => Kind::Bottom,
            (Kind::Other, _) | (_, Kind::Other) => Kind::Other,
            (Kind::Scalar, Kind::Scalar) => Kind::Scalar,
            (Kind::Array, _) | (_, Kind::Array) => Kind::Array,
            _ => Kind::Unknown,
        },
        // `stop_gradient(a)`: a value of `a`'s kind.
        Op::Passive(_, xs, PassiveShape::Call) => k(&xs[0]),
        Op::Passive(..) => Kind::Other,
        Op::Method {
            name, recv, extra, ..
        } => {
            let n = extra.rule_name(name);
            let r = k(recv);
            if let Some(t) = rules::tensor_method(&n) {
                if n == "dot" {
                    let rank = |a: &Atom| match a {
                        Atom::Var(v) | Atom::Ref(v) => ranks[*v].flatten(),
                        Atom::Const(_) => None,
                    };
                    let Op::Method { args, .. } = op else {
                        unreachable!()
                    };
                    let two =
                        rank(recv) == Some(2) || args.first().is_some_and(|a| rank(a) == Some(2));
                    return match op_rank(op, ranks) {
                        Some(0) => Kind::Scalar,
                        Some(_) => Kind::Array,
                        None if two => Kind::Array,
                        None => Kind::Unknown,
                    };
                }
                return t.result;
            }
            match rules::method(&n) {
                Some(rules::MethodRule::Passive) => Kind::Other,
                Some(_) if n == "sin_cos" => Kind::Unknown,
                Some(_) => match r {
                    Kind::Scalar | Kind::Array | Kind::Bottom => r,
                    _ => Kind::Unknown,
                },
                None => Kind::Unknown,
            }
        }
        Op::Map { .. } => Kind::Array,
        Op::Concat { .. } => Kind::Array,
        Op::Index { base, by_ref, .. } => {
            let e = k(base).elem();
            if *by_ref && e == Kind::Scalar {
                Kind::Scalar
            } else {
                e
            }
        }
        Op::SliceRef { base, .. } => k(base),
        Op::Cast { float, .. } => {
            if *float {
                Kind::Scalar
            } else {
                Kind::Other
            }
        }
        Op::Call { func, plain, .. } => {
            let first = func.segments.first().map(|s| s.ident.to_string());
            let last = func.segments.last().map(|s| s.ident.to_string());
            let in_nn =
                func.segments.len() >= 2 && func.segments[func.segments.len() - 2].ident == "nn";
            // The runtime's `iter_sum` and `to_vec` (rewritten from `xs.iter().sum()` and
            // `x.to_vec()` by the front end).
            let in_private = func.segments.len() >= 2
                && func.segments[func.segments.len() - 2].ident == "__private";
            if in_private {
                match last.as_deref() {
                    Some("to_vec" | "vec_repeat") => return Kind::SeqScalar,
                    // Arrays built from sequences, and `assign` as a value (`front::desugar`).
                    Some("array_from_vec" | "array_from_shape_vec" | "assigned") => {
                        return Kind::Array;
                    }
                    Some("iter_sum") => return Kind::Scalar,
                    _ => {}
                }
            }
            if in_nn {
                match last.as_deref() {
                    Some(
                        "relu" | "sigmoid" | "softplus" | "softmax" | "log_softmax" | "logsumexp",
                    ) => {
                        return Kind::Array;
                    }
                    Some("cross_entropy" | "cross_entropy_one_hot" | "mse") => return Kind::Scalar,
                    _ => {}
                }
            }
            match first.as_deref() {
                // `Some(i)`, `Ok(k)`: an `Option`/`Result` (read by patterns: constants).
                Some("Some" | "Ok" | "Err") if func.segments.len() == 1 => Kind::Other,
                Some("Vec") if *plain => Kind::Bottom,
                Some(s) if *plain && (s.starts_with("Array") || s == "ndarray") => Kind::Array,
                _ => Kind::Unknown,
            }
        }
        Op::Opaque { tokens, reads, .. }
            if vec_repeat_elem(op).is_none()
                && let Ok(arr) = syn::parse2::<syn::ExprArray>(tokens.clone()) =>
        {
            // `[a, b, ..]`: a sequence of the elements' kind (literals by their text,
            // variables by their kinds).
            let literals = arr
                .elems
                .iter()
                .filter(|e| !matches!(e, syn::Expr::Path(_)))
                .map(|e| const_kind(&quote::ToTokens::to_token_stream(e)));
            let k =
                literals
                    .chain(reads.iter().map(|r| kinds[*r]))
                    .fold(Kind::Bottom, |a, b| match (a, b) {
                        (Kind::Bottom, b) => b,
                        (a, b) if a == b => a,
                        _ => Kind::Unknown,
                    });
            seq_of(k)
        }
        Op::Opaque { .. } => match vec_repeat_elem(op) {
            // `vec![e; n]`: `e` is a constant (a literal or a variable); a `Vec` of arrays
            // this way is rare enough to take it for a buffer of scalars.
            Some(e) => match const_kind(&e) {
                Kind::Array => Kind::SeqArray,
                _ => Kind::SeqScalar,
            },
            None => Kind::Unknown,
        },
        Op::Tuple(_) | Op::Field(..) | Op::Member(..) | Op::StructLit(..) => Kind::Unknown,
    }
}

/// The element of `vec![e; n]` (lowered to an opaque operation). Matched on the syntax, not
/// on the tokens' text: rustc prints the tokens of a proc macro differently from proc-macro2
/// outside one.
fn vec_repeat_elem(op: &Op) -> Option<proc_macro2::TokenStream> {
    let Op::Opaque { tokens, .. } = op else {
        return None;
    };
    // A local array `[x; N]`, the same as `vec![x; N]` for the reverse sweep.
    if let Ok(rep) = syn::parse2::<syn::ExprRepeat>(tokens.clone()) {
        return Some(quote::ToTokens::to_token_stream(&*rep.expr));
    }
    let m = syn::parse2::<syn::ExprMacro>(tokens.clone()).ok()?;
    if m.mac.path.segments.last()?.ident != "vec" {
        return None;
    }
    let inner = m.mac.tokens;
    let rep = syn::parse2::<syn::ExprRepeat>(quote::quote!([#inner])).ok()?;
    Some(quote::ToTokens::to_token_stream(&*rep.expr))
}

/// Whether `op` is `vec![e; n]`.
pub fn is_vec_repeat(op: &Op) -> bool {
    vec_repeat_elem(op).is_some()
}

/// The length `n` of `vec![e; n]` (after lowering: a constant or a variable).
pub fn vec_repeat_len(op: &Op) -> Option<proc_macro2::TokenStream> {
    let Op::Opaque { tokens, .. } = op else {
        return None;
    };
    if let Ok(rep) = syn::parse2::<syn::ExprRepeat>(tokens.clone()) {
        return Some(quote::ToTokens::to_token_stream(&*rep.len));
    }
    let m = syn::parse2::<syn::ExprMacro>(tokens.clone()).ok()?;
    let inner = m.mac.tokens;
    let rep = syn::parse2::<syn::ExprRepeat>(quote::quote!([#inner])).ok()?;
    Some(quote::ToTokens::to_token_stream(&*rep.len))
}

/// How the cotangent of an operand of `a ∘ b` (`+ - * /`) is brought back to its shape.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    /// Both operands are scalars: the scalar rules.
    ScalarPath,
    /// The operand is a scalar, the other maybe an array: sum everything (`ToScalar`).
    ToScalar,
    /// The other operand is a scalar: the result has this operand's shape (`Same`).
    Same,
    /// Both may be arrays: reduce to this operand's runtime shape (reads the operand).
    Operand,
}

/// The target for operand `k` (0 or 1) of an arithmetic operation on `a` and `b`.
pub fn arith_target(a: Kind, b: Kind, k: usize) -> Target {
    let (this, other) = if k == 0 { (a, b) } else { (b, a) };
    if a.is_scalar() && b.is_scalar() {
        Target::ScalarPath
    } else if this.is_scalar() {
        Target::ToScalar
    } else if other.is_scalar() {
        Target::Same
    } else {
        Target::Operand
    }
}

/// Whether a float method (of the scalar rule table) on this receiver uses the tensor
/// rules: the receiver is an array, or may be one and the method has no other active
/// operand (the tensor rules of float methods differentiate the receiver only).
pub fn method_on_tensor(recv: Kind, other_args_active: bool) -> bool {
    match recv {
        Kind::Array => true,
        Kind::Unknown | Kind::Bottom => !other_args_active,
        _ => false,
    }
}

/// A `let v;` without initialiser that a loop assigns, not of a kind known to hold no float
/// (a float, an array, a struct, a tuple, a value of unknown kind): the generated code
/// declares it `let mut v = zero();` (see [`crate::ir::assigned_in_loop`]),
/// since rustc, seeing each `break` as a flow flag, would reject the assignment in the loop
/// as a second one and the use after the loop as possibly uninitialised. The placeholder is
/// never read: the user's own function, compiled as written, proves that every use follows
/// an assignment.
/// A value of a branching `let` with an exit (`let j = match o { Some(j) => j, None =>
/// return d };`, see `front::rewrite::diverging`) that is no float: declared with
/// `Default::default()` (an integer, a `bool`), since rustc sees it possibly uninitialised
/// after the exit's flag.
pub fn declared_default(func: &Func, kinds: &[Kind], v: VarId) -> bool {
    matches!(kinds[v], Kind::Other) && func.vars[v].ident.to_string().starts_with("__ad_value")
}

pub fn declared_placeholder(func: &Func, kinds: &[Kind], v: VarId) -> bool {
    // (Also in a function with early exits: `let y; if c { y = e; } else { return d; }` runs
    // on after the `return` as far as rustc sees, the exit being a flag.)
    let mut exits = func.ret_deferred;
    if !exits {
        crate::ir::walk(&func.body, &mut |s| exits |= matches!(s, Stmt::SetFlow(_)));
    }
    !matches!(kinds[v], Kind::Other) && (exits || crate::ir::assigned_in_loop(&func.body, v))
}
