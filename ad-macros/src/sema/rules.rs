//! The macro's view of the runtime rule table (`ad-runtime/src/rules/`): which methods have
//! derivative rules, and which primal values each partial VJP reads. The reads drive the
//! analysis of what the reverse sweep must keep; the runtime functions take exactly these
//! values, in this order, then the cotangent (`<op>_d<k>(needs.., g)`).

/// A primal value a partial VJP reads.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Need {
    /// Operand `k` (operand 0 of a method is its receiver).
    In(usize),
    /// The operation's result.
    Out,
}

use Need::{In, Out};

/// What the transformation knows about a method name.
#[derive(Clone, Copy, Debug)]
pub enum MethodRule {
    /// Differentiable: `arity` operands including the receiver; `partials[k]` lists the
    /// reads of the partial for operand `k`. Operands past `partials.len()` have no
    /// derivative (integer arguments such as `powi`'s exponent).
    Diff {
        arity: usize,
        partials: &'static [&'static [Need]],
    },
    /// A float result whose derivative is zero almost everywhere (`floor`, `signum`, ...):
    /// the result is a constant.
    ZeroGrad { arity: usize },
    /// A result that is not a float (`len`, `is_nan`, ...): never differentiated.
    Passive,
    /// `clone()`: identity.
    Identity,
}

const X: &[Need] = &[In(0)];
const Y: &[Need] = &[Out];
const XY: &[Need] = &[In(0), In(1)];
const XYZ: &[Need] = &[In(0), In(1), In(2)];
const NONE: &[Need] = &[];

/// Every float method the macro knows, as one table: the runtime has `<name>_d<k>` for each
/// differentiated operand `k` of a `Diff` entry. `rules_are_tested` (the crate's unit tests)
/// checks that every `Diff` name here is exercised, in method and path form, by
/// `tests/scalar_methods.rs`, whose functions go through the generated code with operands
/// of different values, so two same-typed operands passed in the wrong order fail there.
pub const SCALAR_METHODS: &[(&[&str], MethodRule)] = {
    use MethodRule::*;
    &[
        (
            &[
                "abs", "ln", "log2", "log10", "ln_1p", "sin", "cos", "asin", "acos", "atan",
                "sinh", "cosh", "asinh", "acosh", "atanh", "sin_cos", "exp_m1",
            ],
            Diff {
                arity: 1,
                partials: &[X],
            },
        ),
        (
            &["sqrt", "cbrt", "exp", "exp2", "tan", "tanh", "recip"],
            Diff {
                arity: 1,
                partials: &[Y],
            },
        ),
        (
            &["to_degrees", "to_radians", "fract"],
            Diff {
                arity: 1,
                partials: &[NONE],
            },
        ),
        (
            &["copysign", "log", "atan2", "max", "min"],
            Diff {
                arity: 2,
                partials: &[XY, XY],
            },
        ),
        (
            &["powi"],
            Diff {
                arity: 2,
                partials: &[XY],
            },
        ),
        (
            &["powf"],
            Diff {
                arity: 2,
                partials: &[XY, &[In(0), Out]],
            },
        ),
        (
            &["hypot"],
            Diff {
                arity: 2,
                partials: &[&[In(0), Out], &[In(1), Out]],
            },
        ),
        (
            &["mul_add"],
            Diff {
                arity: 3,
                partials: &[&[In(1)], &[In(0)], NONE],
            },
        ),
        (
            &["clamp"],
            Diff {
                arity: 3,
                partials: &[XYZ, XYZ, XYZ],
            },
        ),
        (
            &[
                "floor",
                "ceil",
                "round",
                "round_ties_even",
                "trunc",
                "signum",
            ],
            ZeroGrad { arity: 1 },
        ),
        (
            &[
                "len",
                "is_empty",
                "nrows",
                "ncols",
                "dim",
                "shape",
                "ndim",
                "raw_dim",
                "len_of",
                "strides",
                "is_standard_layout",
                "is_nan",
                "is_finite",
                "is_infinite",
                "is_normal",
                "is_subnormal",
                "is_sign_positive",
                "is_sign_negative",
                "partial_cmp",
                "total_cmp",
                "classify",
            ],
            Passive,
        ),
        (&["clone"], Identity),
    ]
};

/// Looks up a method by name in [`SCALAR_METHODS`].
pub fn method(name: &str) -> Option<MethodRule> {
    SCALAR_METHODS
        .iter()
        .find(|(names, _)| names.contains(&name))
        .map(|(_, rule)| *rule)
}

/// Float methods with rules, for error messages.
pub const DIFFERENTIABLE_METHODS: &str = "abs, signum, copysign, sin_cos, sqrt, cbrt, exp, exp2, exp_m1, ln, log, log2, log10, ln_1p, powi, powf, sin, cos, tan, asin, acos, atan, atan2, sinh, cosh, tanh, asinh, acosh, atanh, hypot, recip, mul_add, max, min, clamp, to_degrees, to_radians, floor, ceil, round, trunc, fract";

/// Reads of the partials of `+ - * / %` (operand 0 is the left-hand side).
pub fn arith(op: crate::ir::Arith) -> (&'static str, [&'static [Need]; 2]) {
    use crate::ir::Arith::*;
    match op {
        Add => ("add", [&[], &[]]),
        Sub => ("sub", [&[], &[]]),
        Mul => ("mul", [&[In(1)], &[In(0)]]),
        Div => ("div", [&[In(1)], &[In(0), In(1)]]),
        Rem => ("rem", [&[], &[In(0), In(1)]]),
    }
}

/// How the reverse sweep applies a tensor method's partial.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TensorEmit {
    /// `acc(&mut d, tensor::<rule>_d<k>(needs.., g))`.
    Rule,
    /// `tensor::<name>(&mut d, needs.., g)`: adds into a part of the operand's adjoint in
    /// place (`row(i)`, `slice(..)`): no zero array the size of the operand per use.
    InPlace(&'static str),
}

/// An ndarray method with a derivative rule in `ad_runtime::__private::tensor`.
pub struct TensorMethod {
    /// Operands including the receiver (a verbatim closure argument is not counted).
    pub arity: usize,
    /// Reads of the partial for each differentiable operand (the receiver first).
    pub partials: &'static [&'static [Need]],
    /// The kind of the result.
    pub result: super::Kind,
    pub emit: TensorEmit,
    /// Takes the receiver by value (`insert_axis`, `into_shape_with_order`, ...).
    pub consumes: bool,
}

/// Looks up an ndarray method (or a rule name such as `fold_axis_max`).
pub fn tensor_method(name: &str) -> Option<TensorMethod> {
    use super::Kind::{Array, Scalar, Unknown};
    use TensorEmit::*;
    const NONE: &[Need] = &[];
    const A: &[Need] = &[In(0)];
    const AB: &[Need] = &[In(0), In(1)];
    const ABC: &[Need] = &[In(0), In(1), In(2)];
    let t = |arity, partials, result, emit, consumes| TensorMethod {
        arity,
        partials,
        result,
        emit,
        consumes,
    };
    Some(match name {
        "dot" => t(2, &[AB, AB], Unknown, Rule, false),
        "t" | "view" | "to_owned" => t(1, &[NONE], Array, Rule, false),
        "reversed_axes" | "into_owned" => t(1, &[NONE], Array, Rule, true),
        "sum" | "mean" => t(1, &[A], Scalar, Rule, false),
        "sum_axis" | "mean_axis" => t(2, &[AB], Array, Rule, false),
        "var" => t(2, &[AB], Scalar, Rule, false),
        "std" => t(2, &[&[In(0), In(1), Out]], Scalar, Rule, false),
        "var_axis" => t(3, &[ABC], Array, Rule, false),
        "std_axis" => t(3, &[&[In(0), In(1), In(2), Out]], Array, Rule, false),
        "fold_axis_max" | "fold_axis_min" => t(3, &[&[In(0), In(1), Out]], Array, Rule, false),
        "insert_axis" => t(2, &[&[In(1)]], Array, Rule, true),
        // The shape argument may carry an `Order`: the reverse reshape reads it (`into_shape`,
        // whose order follows the memory layout, has no rule: ndarray deprecates it).
        "into_shape_with_order" => t(2, &[AB], Array, Rule, true),
        "to_shape" => t(2, &[AB], Array, Rule, false),
        "into_dyn" | "into_dimensionality" => t(1, &[A], Array, Rule, true),
        "row" | "column" => t(2, &[AB], Array, InPlace(name_of_acc(name)), false),
        "index_axis" => t(3, &[ABC], Array, InPlace("acc_index_axis"), false),
        "slice" => t(2, &[AB], Array, InPlace("acc_slice"), false),
        "slice_move" => t(2, &[AB], Array, InPlace("acc_slice"), true),
        _ => return None,
    })
}

fn name_of_acc(name: &str) -> &'static str {
    match name {
        "row" => "acc_row",
        _ => "acc_column",
    }
}

/// Tensor rules that only read the cotangent (they take `ad_runtime`'s `CotRef`), so the
/// reverse sweep lends them `&g` instead of a clone when other partials need `g` too.
pub fn borrows_cotangent(rule: &str) -> bool {
    matches!(rule, "dot_d0" | "dot_d1")
}

/// Methods whose result is an `Option`/`Result` that the user unwraps (`x.mean().unwrap()`);
/// the pair is one operation.
pub fn unwrapped_method(name: &str) -> bool {
    matches!(
        name,
        "mean" | "mean_axis" | "into_shape_with_order" | "to_shape" | "into_dimensionality"
    )
}

/// ndarray methods with rules, for error messages.
pub const TENSOR_METHODS: &str = "dot, t, reversed_axes, sum, mean, sum_axis, mean_axis, var, std, var_axis, std_axis, fold_axis (max/min), insert_axis, into_shape_with_order, to_shape, into_dyn, view, to_owned, slice, row, column, index_axis, mapv, mapv_into, map_axis (2-D arrays, `Axis(0)` or `Axis(1)`), assign and scaled_add (on a local array), `Zip` of 1-D arrays (for_each, map_collect), and the elementwise float methods (exp, ln, tanh, powi, ...)";

/// Whether a method is known to only read its receiver: a float method, an array method
/// with a rule (`rule`: the rule it is lowered to), or a listed read-only method.
pub fn reads_only(name: &str, rule: Option<&str>) -> bool {
    method(name).is_some()
        || tensor_method(rule.unwrap_or(name)).is_some()
        || READ_ONLY_METHODS.contains(&name)
}

/// Methods of slices, `Vec`s and arrays that take `&self` or `self` (never change the
/// receiver), beyond those with derivative rules.
const READ_ONLY_METHODS: &[&str] = &[
    "iter",
    "into_iter",
    "to_vec",
    "to_owned",
    "first",
    "last",
    "get",
    "contains",
    "as_slice",
    "windows",
    "chunks",
    "chunks_exact",
    "len",
    "is_empty",
    "view",
    "map",
    "mapv",
    "fold",
    "fold_axis",
    "sum",
    "product",
    "starts_with",
    "ends_with",
    "binary_search",
    "unwrap",
    "expect",
    "clone",
    "capacity",
    "as_ptr",
    "is_sorted",
    "raw_dim",
    "shape",
    "dim",
    "nrows",
    "ncols",
];

/// The names that receive a method call not known to only read (`w.clear()`) in tokens.
pub fn method_receivers(ts: proc_macro2::TokenStream, out: &mut Vec<String>) {
    use proc_macro2::TokenTree as T;
    let tts: Vec<T> = ts.into_iter().collect();
    for w in tts.windows(4) {
        if let (T::Ident(v), T::Punct(p), T::Ident(m), T::Group(g)) = (&w[0], &w[1], &w[2], &w[3])
            && p.as_char() == '.'
            && g.delimiter() == proc_macro2::Delimiter::Parenthesis
            && !reads_only(&m.to_string(), None)
        {
            out.push(v.to_string());
        }
    }
    for t in tts {
        if let T::Group(g) = t {
            method_receivers(g.stream(), out);
        }
    }
}

/// Iterator adaptors and sinks (never a user's struct method).
pub const ITERATOR_METHODS: &[&str] = &[
    "iter",
    "into_iter",
    "iter_mut",
    "map",
    "sum",
    "product",
    "fold",
    "zip",
    "enumerate",
    "filter",
    "collect",
    "for_each",
    "copied",
    "cloned",
    "rev",
    "windows",
    "chunks",
    "chunks_exact",
    "reduce",
];

/// Methods of std's containers (never a user's struct method).
pub const STD_METHODS: &[&str] = &[
    "pop",
    "push",
    "insert",
    "remove",
    "swap",
    "sort",
    "sort_by",
    "reverse",
    "fill",
    "extend",
    "truncate",
    "clear",
    "drain",
    "retain",
    "dedup",
    "to_vec",
    "split_off",
    "append",
    "resize",
    "rotate_left",
    "rotate_right",
    "get",
    "first",
    "last",
    "iter",
    "chunks",
    "chunks_exact",
    "windows",
];

/// Whether a method name has a meaning the macro knows (a float or array method with a rule,
/// an iterator or container method, an ndarray method the front end rewrites): a method of
/// a value whose type is not visible is then that one, not a user's struct method.
pub fn known_method(name: &str) -> bool {
    const OTHER: &[&str] = &[
        "mapv",
        "mapv_into",
        "map_axis",
        "fold_axis",
        "assign",
        "scaled_add",
        "to_owned",
        "into_shape",
        "clone",
        "len",
        "is_empty",
        "unwrap",
        "expect",
        "split_at",
        "chunks_exact",
        "as_slice",
        "as_ref",
        // ndarray's `Zip`.
        "and",
        "and_broadcast",
        "map_collect",
        "fold_while",
    ];
    method(name).is_some()
        || tensor_method(name).is_some()
        || ITERATOR_METHODS.contains(&name)
        || STD_METHODS.contains(&name)
        || OTHER.contains(&name)
}
