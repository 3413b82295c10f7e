//! The intermediate representation: a function body in A-normal form.
//!
//! Every intermediate value has a name (a [`Var`]), every operation is one primitive [`Op`]
//! whose operands are [`Atom`]s, and statements appear in evaluation order, so a [`Block`]
//! is the computational graph in topological order. Control flow stays structured (blocks,
//! `if`, loops): structured regions reverse naturally into Rust. Early exits (`return`,
//! `break`, `continue`) are lowered by the parser into a flow flag plus guarded remainders,
//! so every block runs to its end and the reverse sweep only has to mirror `if` and loops.

use proc_macro2::{Span, TokenStream};

/// Rust's primitive integer types, by name: constants wherever they appear (indices,
/// counts, casts to them), never differentiated.
pub const INT_TYPES: &[&str] = &[
    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
];
use syn::{Ident, Type};

pub type VarId = usize;
pub type BlockId = usize;

/// How a variable comes into being.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum VarKind {
    /// A function parameter.
    Param,
    /// `let x = ...` (immutable, defined once per execution of its block).
    Let,
    /// `let mut x = ...`, reassigned later.
    LetMut,
    /// Declared without a value and initialised on every path (`if`-expression results,
    /// the return slot when the body has early returns).
    Deferred,
    /// A `for` loop's pattern variable or hidden counter.
    LoopVar,
    /// The callee pullback of a call site.
    Pullback,
    /// The control-flow flag used to lower early exits.
    Flow,
}

#[derive(Clone, Debug)]
pub struct Var {
    /// The identifier emitted for this variable (the user's own name for the first binding
    /// of a name, a hygienic fresh name otherwise).
    pub ident: Ident,
    /// The block that declares it (0 = the function body).
    pub block: BlockId,
    pub kind: VarKind,
    /// A type annotation written by the user (`let x: f64 = ...`).
    pub ty: Option<Type>,
}

impl Var {
    /// Whether this is a temporary of the lowering (`__<hint><n>`, hygienic), not a name
    /// the user wrote: messages then describe the value instead of naming it.
    pub fn is_temp(&self) -> bool {
        self.ident.to_string().starts_with("__")
    }
}

/// An operand: a variable, a borrow of one, or a constant expression (literal or path).
#[derive(Clone, Debug)]
pub enum Atom {
    Var(VarId),
    Ref(VarId),
    Const(TokenStream),
}

impl Atom {
    pub fn var(&self) -> Option<VarId> {
        match self {
            Atom::Var(v) | Atom::Ref(v) => Some(*v),
            Atom::Const(_) => None,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

/// How a float method was written: `x.sin()` or `f64::sin(x)`.
#[derive(Clone, Debug)]
pub enum MethodForm {
    Method,
    Path(TokenStream),
    /// `path::name(&recv, &args..)`: a runtime function in place of the method, on borrowed
    /// operands (a function lifted to dual numbers multiplies dual matrices this way, see
    /// `nest::dual`).
    Function(TokenStream),
}

/// One primitive operation.
#[derive(Clone, Debug)]
pub enum Op {
    /// `a` (a copy or move), `*a`, `a.clone()`: identity for differentiation.
    Copy(Atom),
    Deref(Atom),
    CloneOf(Atom),
    Neg(Atom),
    Arith(Arith, Atom, Atom),
    /// Comparisons, `!`, bit and integer operators: results are never differentiated.
    Passive(TokenStream, Vec<Atom>, PassiveShape),
    Method {
        name: Ident,
        form: MethodForm,
        recv: Atom,
        args: Vec<Atom>,
        /// A trailing argument kept verbatim (the closure of `fold_axis`), a suffix applied
        /// to the call's result (`.unwrap()` of `mean()`), and the rule name when it differs
        /// from the method's (`fold_axis_max`).
        extra: MethodExtra,
    },
    /// `recv.mapv(|v| body)` (also `mapv_into`, `map(|&v| ..)`, and a path such as
    /// `f64::tanh` in place of the closure): an elementwise map whose closure body is
    /// differentiated as a scalar function of the element and of the captured variables.
    Map {
        method: Ident,
        recv: Atom,
        /// The closure as the forward sweep prints it (captured names renamed).
        closure: TokenStream,
        /// The closure body as a function: parameter 0 is the element, then one parameter
        /// per captured variable (in `captures` order).
        sub: Box<Func>,
        /// Captured variables of the enclosing function.
        captures: Vec<VarId>,
        /// The closure lifted to dual numbers, when the forward sweep computes the map's
        /// derivative along with its value (`tensor::mapv_dual`) and its reverse is one
        /// product `ȳ ⊙ φ'(x)` instead of the closure's reverse run per element (set by
        /// `nest::map_derivatives` for a map statement of the function body whose captures
        /// are not differentiated).
        derivative: Option<TokenStream>,
    },
    /// `concatenate(axis, &[a, b, ..])` / `stack(axis, &[..])` (ndarray's free functions),
    /// with the `.unwrap()` that follows.
    Concat {
        path: syn::Path,
        stack: bool,
        axis: Atom,
        parts: Vec<Atom>,
        post: TokenStream,
    },
    /// A call to a function that has a generated pullback (`f` -> `f_pullback`), or, with
    /// `plain`, one that is only ever called on constants (`Vec::with_capacity(n)`).
    Call {
        func: syn::Path,
        args: Vec<Atom>,
        pullback: VarId,
        plain: bool,
        /// An argument borrows a local of the caller, which a stored pullback could not
        /// outlive: the forward sweep calls the primal and the reverse sweep runs the
        /// callee's pullback then (one extra forward pass of the callee, still O(1) per call).
        recompute: bool,
        /// A `#[checkpoint]` loop whose body is this call (see [`Checkpoint`]); then `args`
        /// ends with the range's bounds (and the snapshot count when given).
        checkpoint: Option<Box<Checkpoint>>,
        /// Written as a method call (`c.norm()`, lowered as `V3::norm(&c)`): where the primal
        /// is called, it is called as a method again (`(&c).norm()`), which takes the
        /// receiver by reference or, for a `Copy` struct, by value, as the callee declares.
        method: bool,
    },
    Index {
        base: Atom,
        index: Atom,
        by_ref: bool,
    },
    /// `&base[lo..hi]` (either bound may be missing): a borrowed sub-slice.
    SliceRef {
        base: Atom,
        lo: Option<Atom>,
        hi: Option<Atom>,
        inclusive: bool,
    },
    Cast {
        a: Atom,
        ty: Type,
        float: bool,
        /// In a function lifted to dual numbers (see `nest::dual`), a cast to an integer:
        /// printed on the operand's value (`undual(a) as i64`).
        lifted: bool,
    },
    Tuple(Vec<Atom>),
    Field(Atom, syn::Index),
    /// `base.a.b`, a field of a struct (`#[derive(Differentiable)]`), read as
    /// `ad_runtime::__private::read(&base.a.b)`: a copy of a float, a borrow of the rest;
    /// with `true`, `&base.a.b` (a borrow written as such, or a binding of a destructuring
    /// through a reference).
    Member(Atom, Vec<syn::Member>, bool),
    /// `P { a: x, b: y }`: a `#[derive(Differentiable)]` struct built from values; its
    /// cotangent's fields go to the values'.
    StructLit(syn::Path, Vec<(syn::Member, Atom)>),
    /// An expression the transformation does not look into; allowed only on constants.
    Opaque {
        tokens: TokenStream,
        reads: Vec<VarId>,
        what: String,
        /// What it may change in place: the variables it calls a method on that is not
        /// known to only read (`{ w.clear(); 1.0 }`), set by the front end.
        mutates: Vec<VarId>,
    },
}

/// `#[checkpoint] for pat in lo..hi { state = g(args..); }`, lowered to one assignment of
/// `state` by an [`Op::Call`] of `g` that carries this: its forward sweep runs the loop and
/// stores nothing per iteration, its reverse runs the binomial checkpointing schedule with
/// `g`'s pullback (`ad_runtime::checkpoint::reverse_loop`), forward mode runs the loop with
/// `g`'s pushforward. `Call::args` are `g`'s arguments (the state as `Atom::Ref`/`Atom::Var`
/// of `state`, an argument that reads the counter as `Atom::Const` of its tokens, the others
/// evaluated once before the loop), then `lo`, `hi` and the snapshot count if written.
#[derive(Clone, Debug)]
pub struct Checkpoint {
    pub state: VarId,
    /// How the state is passed to `g`, by position among `g`'s arguments.
    pub state_arg: usize,
    pub state_form: StateForm,
    /// The number of `g`'s arguments (the first entries of `args`).
    pub n_args: usize,
    /// The loop's pattern: the counter's name or `_`.
    pub pat: TokenStream,
    pub inclusive: bool,
    pub snapshots: bool,
}

/// How a checkpointed step takes its state: `&s`, `s` or `s.clone()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateForm {
    Ref,
    Move,
    Clone,
}

/// The less common parts of a method call (see [`Op::Method`]).
#[derive(Clone, Debug, Default)]
pub struct MethodExtra {
    pub turbofish: Option<TokenStream>,
    pub raw: Option<TokenStream>,
    pub post: Option<TokenStream>,
    pub rule: Option<&'static str>,
    /// The call may change its receiver: a mutable binding and a method not known to only
    /// read it (`w.swap(0, 1)`, `w.fill(0.0)`, a user's trait method).
    pub mutates: bool,
}

impl MethodExtra {
    /// The name of the derivative rule of method `name` (the method's own name unless the
    /// front end chose another rule, e.g. for a path-form call).
    pub fn rule_name(&self, name: &syn::Ident) -> String {
        self.rule
            .map(str::to_string)
            .unwrap_or_else(|| name.to_string())
    }
}

/// How a passive operation is printed: unary prefix (`!a`) or binary infix (`a < b`).
#[derive(Clone, Copy, Debug)]
pub enum PassiveShape {
    Prefix,
    Infix,
    /// `matches!(a, pattern)` (a lowered `match` arm test); the tokens are the pattern.
    Matches,
    /// `f(a)` whose value is `a`'s with no derivative (`ad_runtime::stop_gradient`); the
    /// tokens are the path.
    Call,
}

#[derive(Clone, Debug)]
pub enum Stmt {
    /// `let var = op;`
    Let {
        var: VarId,
        op: Op,
        span: Span,
    },
    /// `let var;` (initialised later on every path).
    Declare {
        var: VarId,
    },
    /// `var = op;` (`init`: the first assignment of a deferred variable).
    Assign {
        var: VarId,
        op: Op,
        span: Span,
        init: bool,
    },
    /// `base[index] = op;`
    IndexAssign {
        base: VarId,
        index: Atom,
        op: Op,
        span: Span,
    },
    /// `base.push(value);`
    Push {
        base: VarId,
        value: Atom,
        span: Span,
    },
    If {
        id: usize,
        cond: Atom,
        then: Block,
        els: Block,
    },
    Loop(Loop),
    /// A statement kept in the forward sweep only (`println!`, `assert!`, ...).
    Effect {
        tokens: TokenStream,
    },
    /// Sets the control-flow flag (a lowered `return`, `break` or `continue`).
    SetFlow(u32),
}

#[derive(Clone, Debug)]
pub struct Block {
    pub id: BlockId,
    pub stmts: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct Loop {
    pub id: usize,
    pub kind: LoopKind,
    pub body: Block,
    /// Flow codes of `break` and `continue` that target this loop.
    pub break_code: u32,
    pub continue_code: u32,
}

#[derive(Clone, Debug)]
pub enum LoopKind {
    /// `for var in lo..hi` / `lo..=hi`, optionally `.rev()`: the reverse sweep recomputes
    /// the counter from the iteration number.
    Range {
        var: VarId,
        lo: Atom,
        hi: Atom,
        inclusive: bool,
        rev: bool,
    },
    /// `for pat in iter` over any other iterator of constants: pattern variables are
    /// recorded per iteration when the reverse sweep needs them.
    Iter {
        pat: TokenStream,
        iter: TokenStream,
        reads: Vec<VarId>,
    },
    /// `while cond { .. }`: `cond` is evaluated by `cond_block` into `cond_atom`.
    While { cond_block: Block, cond_atom: Atom },
    /// `loop { .. }`.
    Loop,
}

/// The whole function after parsing.
#[derive(Clone, Debug)]
pub struct Func {
    pub vars: Vec<Var>,
    pub body: Block,
    /// The variable holding the return value.
    pub ret: VarId,
    /// Whether the return slot is an `Option` filled by early returns.
    pub ret_deferred: bool,
    pub flow: Option<VarId>,
    /// The defining operation of every `let`-bound variable.
    pub defs: std::collections::HashMap<VarId, Op>,
    /// `#[differentiable(checked)]`: the reverse sweep keeps every bounds check (no `unsafe`).
    pub checked: bool,
    /// The function lifted to dual numbers for second order (see `nest::dual`): calls go to
    /// the callees' `g_hvp_pullback`, casts to a float print as `dual_cast`.
    pub dual: bool,
    /// The operators on struct values the front end wrote as the traits' methods, with the
    /// type and the trait (`front::rewrite::operators`): each is checked to come from a
    /// `#[differentiable]` impl of that trait (`operator_checks` of the crate root).
    pub operators: Vec<(syn::Type, &'static str)>,
}

impl Func {
    /// Whether `v`, the operand of a cast, has a type the code does not show (a struct field
    /// read, `m.n as f64`): the cast's reverse is then typed by the operand's value
    /// (`cast_back`), which may be an integer without a cotangent.
    pub fn cast_operand_unseen(&self, v: VarId) -> bool {
        self.vars[v].ty.is_none() && matches!(self.defs.get(&v), Some(Op::Member(..)))
    }

    /// Whether `index` is an ndarray index (`[i, j]`, `(i, j)`): its base is an array
    /// whatever the kinds say.
    /// The index of an element read or write `x[i]` (not an ndarray index `a[[i, j]]`), an
    /// integer.
    pub fn scalar_index<'s>(&self, s: &'s Stmt) -> Option<&'s Atom> {
        match s {
            Stmt::Let {
                op: Op::Index { index, .. },
                ..
            } if !self.is_nd_index(index) => Some(index),
            Stmt::IndexAssign { index, .. } => Some(index),
            _ => None,
        }
    }

    pub fn is_nd_index(&self, index: &Atom) -> bool {
        let Atom::Var(v) = index else { return false };
        matches!(self.defs.get(v), Some(Op::Opaque { what, .. }) if what == "an array index")
    }

    /// Whether `v` holds a reference: a `&` parameter, or a copy of one or of a borrow.
    pub fn holds_ref(&self, v: VarId) -> bool {
        if matches!(&self.vars[v].ty, Some(Type::Reference(_))) {
            return true;
        }
        match self.defs.get(&v) {
            Some(Op::Copy(Atom::Var(x))) if *x != v => self.holds_ref(*x),
            Some(Op::Copy(Atom::Ref(_))) => true,
            _ => false,
        }
    }

    /// If `a` is a temporary holding a borrow (`&v`, `&v[a..b]`, `&v[i]`), the operation that
    /// makes it, so the borrow can be re-made where the temporary is out of reach.
    pub fn borrow_def(&self, a: &Atom) -> Option<&Op> {
        let Atom::Var(v) = a else { return None };
        if self.vars[*v].kind != VarKind::Let {
            return None;
        }
        match self.defs.get(v)? {
            // (A field read of a local struct borrows it too.)
            op @ (Op::SliceRef { .. }
            | Op::Index { by_ref: true, .. }
            | Op::Copy(Atom::Ref(_))
            | Op::Member(..)) => Some(op),
            // A name for a borrow (`let z = &y[1..];` is `z = __v8` of the temporary).
            Op::Copy(Atom::Var(w)) if *w != *v => self.borrow_def(&Atom::Var(*w)),
            _ => None,
        }
    }
}

/// Whether `ty` is `::ad_runtime::Dual<F>` (what [`DualTypes`] writes), with `F`.
pub fn dual_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let segs = &p.path.segments;
    if p.path.leading_colon.is_none() || segs.len() != 2 || segs[0].ident != "ad_runtime" {
        return None;
    }
    if segs[1].ident != "Dual" {
        return None;
    }
    match &segs[1].arguments {
        syn::PathArguments::AngleBracketed(a) => match a.args.first() {
            Some(syn::GenericArgument::Type(t)) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

impl Op {
    /// Every variable this operation reads.
    pub fn reads(&self) -> Vec<VarId> {
        let mut out = Vec::new();
        let mut add = |a: &Atom| {
            if let Some(v) = a.var() {
                out.push(v);
            }
        };
        match self {
            Op::Copy(a)
            | Op::Deref(a)
            | Op::CloneOf(a)
            | Op::Neg(a)
            | Op::Field(a, _)
            | Op::Member(a, ..) => add(a),
            Op::Cast { a, .. } => add(a),
            Op::Arith(_, a, b) => {
                add(a);
                add(b);
            }
            Op::Passive(_, xs, _) | Op::Tuple(xs) => xs.iter().for_each(add),
            Op::StructLit(_, fs) => fs.iter().for_each(|(_, a)| add(a)),
            Op::Method { recv, args, .. } => {
                add(recv);
                args.iter().for_each(add);
            }
            Op::Call { args, .. } => args.iter().for_each(add),
            Op::Map { recv, captures, .. } => {
                add(recv);
                out.extend(captures.iter().copied());
            }
            Op::Concat { axis, parts, .. } => {
                add(axis);
                parts.iter().for_each(add);
            }
            Op::Index { base, index, .. } => {
                add(base);
                add(index);
            }
            Op::SliceRef { base, lo, hi, .. } => {
                add(base);
                lo.iter().chain(hi.iter()).for_each(add);
            }
            Op::Opaque { reads, .. } => out.extend(reads.iter().copied()),
        }
        out
    }

    /// The operands in order (operand 0 of a method is its receiver).
    pub fn operands(&self) -> Vec<&Atom> {
        match self {
            Op::Copy(a)
            | Op::Deref(a)
            | Op::CloneOf(a)
            | Op::Neg(a)
            | Op::Field(a, _)
            | Op::Member(a, ..) => vec![a],
            Op::Cast { a, .. } => vec![a],
            Op::Arith(_, a, b) => vec![a, b],
            Op::Passive(_, xs, _) | Op::Tuple(xs) => xs.iter().collect(),
            Op::StructLit(_, fs) => fs.iter().map(|(_, a)| a).collect(),
            Op::Method { recv, args, .. } => std::iter::once(recv).chain(args.iter()).collect(),
            Op::Call { args, .. } => args.iter().collect(),
            Op::Map { recv, .. } => vec![recv],
            Op::Concat { axis, parts, .. } => std::iter::once(axis).chain(parts.iter()).collect(),
            Op::Index { base, index, .. } => vec![base, index],
            Op::SliceRef { base, lo, hi, .. } => std::iter::once(base)
                .chain(lo.iter())
                .chain(hi.iter())
                .collect(),
            Op::Opaque { .. } => vec![],
        }
    }
}

mod visit;
pub use visit::*;

/// The hash that names a struct field to the runtime's `FieldType<H>` (FNV-1a of the field's
/// name, or of its index for a tuple struct): the derive implements `FieldType<H>` for each
/// field, and a method called on a field (`self.inner.m(x)`) reaches the field's type as
/// `FieldOf<Self, H>` without the attribute seeing the struct.
pub(crate) fn field_hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}
