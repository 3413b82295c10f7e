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

/// Looks up a method by name.
pub fn method(name: &str) -> Option<MethodRule> {
    use MethodRule::*;
    const X: &[Need] = &[In(0)];
    const Y: &[Need] = &[Out];
    const XY: &[Need] = &[In(0), In(1)];
    const NONE: &[Need] = &[];
    Some(match name {
        "abs" | "ln" | "log2" | "log10" | "ln_1p" | "sin" | "cos" | "asin" | "acos" | "atan"
        | "sinh" | "cosh" | "asinh" | "acosh" | "atanh" => Diff {
            arity: 1,
            partials: &[X],
        },
        "sqrt" | "cbrt" | "exp" | "exp2" | "exp_m1" | "tan" | "tanh" | "recip" => Diff {
            arity: 1,
            partials: &[Y],
        },
        "to_degrees" | "to_radians" | "fract" => Diff {
            arity: 1,
            partials: &[NONE],
        },
        "sin_cos" => Diff {
            arity: 1,
            partials: &[X],
        },
        "copysign" => Diff {
            arity: 2,
            partials: &[XY, XY],
        },
        "powi" => Diff {
            arity: 2,
            partials: &[XY],
        },
        "powf" => Diff {
            arity: 2,
            partials: &[XY, &[In(0), Out]],
        },
        "log" | "atan2" | "max" | "min" => Diff {
            arity: 2,
            partials: &[XY, XY],
        },
        "hypot" => Diff {
            arity: 2,
            partials: &[&[In(0), Out], &[In(1), Out]],
        },
        "mul_add" => Diff {
            arity: 3,
            partials: &[&[In(1)], &[In(0)], NONE],
        },
        "clamp" => {
            const ALL: &[Need] = &[In(0), In(1), In(2)];
            Diff {
                arity: 3,
                partials: &[ALL, ALL, ALL],
            }
        }
        "floor" | "ceil" | "round" | "round_ties_even" | "trunc" | "signum" => {
            ZeroGrad { arity: 1 }
        }
        "len" | "is_empty" | "is_nan" | "is_finite" | "is_infinite" | "is_normal"
        | "is_subnormal" | "is_sign_positive" | "is_sign_negative" | "partial_cmp"
        | "total_cmp" | "classify" => Passive,
        "clone" => Identity,
        _ => return None,
    })
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
