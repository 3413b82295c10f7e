//! Arithmetic operators on the function's own structs written as the operator traits'
//! methods: `p + v * dt` of `V2` values is `p.add(v.mul(dt))`, which is how the
//! transformation differentiates a user type's operators (through the user's
//! `#[differentiable] impl Add for V2`, as for any method of the type; see README "Struct
//! parameters"). Without it the operator would be taken for a float or array operation, whose
//! rules do not apply to `V2`.
//!
//! The macro sees no types, so this applies where the code shows the left operand to be a
//! value of a struct type of its own ([`super::super::syntax::user_types`]): a by-value
//! parameter of that type, a local annotated with it or bound to a struct literal of it, a
//! constructor call `V2::new(..)`, and what those give under `+`, `-`, unary `-` and `*`/`/`
//! by something that is not such a struct (`V2 * f64` is taken to be a `V2`; `V2 * V2` may be
//! a dot product, so it is rewritten, but its result is not taken to be a `V2`). A compound
//! assignment `q += v` of such a local is `q.add_assign(v)` (a `&mut self` method: the user's
//! `#[differentiable] impl AddAssign`). A field (`p.pos + p.vel`) is not recognised: the macro cannot see field
//! types (write the method form). A wrong guess cannot give a wrong derivative: a float or
//! array has no `add_pullback`, so it is a compile error.

use syn::visit_mut::VisitMut;
use syn::{BinOp, Expr, UnOp};

/// Rewrites the operators of `block` as the module docs say.
pub fn struct_operators(
    block: &mut syn::Block,
    sig: &syn::Signature,
    user_types: &std::collections::HashSet<String>,
) {
    if user_types.is_empty() {
        return;
    }
    let mut r = Operators {
        user_types,
        structs: Vec::new(),
    };
    for input in &sig.inputs {
        if let syn::FnArg::Typed(pt) = input
            && let syn::Pat::Ident(pi) = &*pt.pat
            && r.user_type(&pt.ty)
        {
            r.structs.push(pi.ident.to_string());
        }
    }
    r.visit_block_mut(block);
}

struct Operators<'a> {
    user_types: &'a std::collections::HashSet<String>,
    /// Names bound to struct values here (by-value parameters, locals), innermost last.
    structs: Vec<String>,
}

/// The trait method of an arithmetic operator (also of its compound assignment).
fn method(op: &BinOp) -> Option<&'static str> {
    Some(match op {
        BinOp::Add(_) | BinOp::AddAssign(_) => "add",
        BinOp::Sub(_) | BinOp::SubAssign(_) => "sub",
        BinOp::Mul(_) | BinOp::MulAssign(_) => "mul",
        BinOp::Div(_) | BinOp::DivAssign(_) => "div",
        BinOp::Rem(_) | BinOp::RemAssign(_) => "rem",
        _ => return None,
    })
}

fn compound(op: &BinOp) -> bool {
    matches!(
        op,
        BinOp::AddAssign(_)
            | BinOp::SubAssign(_)
            | BinOp::MulAssign(_)
            | BinOp::DivAssign(_)
            | BinOp::RemAssign(_)
    )
}

impl Operators<'_> {
    /// A by-value type naming one of the function's structs (`V2`, not `&V2`).
    fn user_type(&self, ty: &syn::Type) -> bool {
        matches!(ty, syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| {
            matches!(s.arguments, syn::PathArguments::None)
                && self.user_types.contains(&s.ident.to_string())
        }))
    }

    /// Whether `e` is surely a value of one of the function's structs (see the module docs).
    fn is_struct(&self, e: &Expr) -> bool {
        match e {
            Expr::Path(p) => p
                .path
                .get_ident()
                .is_some_and(|i| self.structs.iter().any(|s| i == s)),
            Expr::Paren(p) => self.is_struct(&p.expr),
            Expr::Group(g) => self.is_struct(&g.expr),
            Expr::Struct(s) => s
                .path
                .segments
                .last()
                .is_some_and(|l| self.user_types.contains(&l.ident.to_string())),
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => {
                    let segs: Vec<String> = p
                        .path
                        .segments
                        .iter()
                        .map(|s| s.ident.to_string())
                        .collect();
                    matches!(segs.as_slice(), [t, f] if self.user_types.contains(t)
                        && matches!(f.as_str(), "new" | "zero" | "splat" | "default"))
                }
                _ => false,
            },
            Expr::Unary(u) => matches!(u.op, UnOp::Neg(_)) && self.is_struct(&u.expr),
            // The rewritten forms.
            Expr::MethodCall(m) => {
                self.is_struct(&m.receiver)
                    && match m.method.to_string().as_str() {
                        "add" | "sub" | "neg" | "clone" => true,
                        "mul" | "div" | "rem" => !m.args.iter().any(|a| self.is_struct(a)),
                        _ => false,
                    }
            }
            _ => false,
        }
    }

    /// The names `pat` binds are no longer known structs.
    fn unbind(&mut self, pat: &syn::Pat) {
        let mut names = Vec::new();
        crate::front::stmt::idents_of(quote::ToTokens::to_token_stream(pat), &mut names);
        self.structs.retain(|s| !names.iter().any(|n| n == s));
    }

    fn method_call(receiver: Expr, name: &str, args: Vec<Expr>, span: proc_macro2::Span) -> Expr {
        let m = syn::Ident::new(name, span);
        let receiver = match receiver {
            r @ (Expr::Path(_) | Expr::Paren(_) | Expr::MethodCall(_) | Expr::Call(_)) => r,
            other => syn::parse_quote_spanned!(span=> (#other)),
        };
        syn::parse_quote_spanned!(span=> #receiver.#m(#(#args),*))
    }
}

impl VisitMut for Operators<'_> {
    fn visit_block_mut(&mut self, b: &mut syn::Block) {
        let outer = self.structs.clone();
        for s in &mut b.stmts {
            self.visit_stmt_mut(s);
            if let syn::Stmt::Local(l) = s {
                // Every name the pattern binds is no longer what it was; `x`, `x: T` and
                // `(x, y) = (e, f)` may be structs.
                let mut bound = Vec::new();
                crate::front::stmt::idents_of(quote::ToTokens::to_token_stream(&l.pat), &mut bound);
                self.structs.retain(|s| !bound.contains(s));
                let init = l.init.as_ref().map(|i| &*i.expr);
                let mut pairs: Vec<(&syn::Pat, Option<&Expr>)> = vec![(&l.pat, init)];
                if let (syn::Pat::Tuple(t), Some(Expr::Tuple(e))) = (&l.pat, init)
                    && t.elems.len() == e.elems.len()
                {
                    pairs = t.elems.iter().zip(e.elems.iter().map(Some)).collect();
                }
                for (pat, init) in pairs {
                    let (name, ty) = match pat {
                        syn::Pat::Ident(i) => (i.ident.to_string(), None),
                        syn::Pat::Type(t) => match &*t.pat {
                            syn::Pat::Ident(i) => (i.ident.to_string(), Some(&*t.ty)),
                            _ => continue,
                        },
                        _ => continue,
                    };
                    let is = match ty {
                        Some(ty) => self.user_type(ty),
                        None => init.is_some_and(|e| self.is_struct(e)),
                    };
                    if is {
                        self.structs.push(name);
                    }
                }
            }
        }
        self.structs = outer;
    }

    fn visit_expr_closure_mut(&mut self, c: &mut syn::ExprClosure) {
        // A closure's parameters shadow names without saying their types.
        let outer = self.structs.clone();
        for p in &c.inputs {
            self.unbind(p);
        }
        syn::visit_mut::visit_expr_closure_mut(self, c);
        self.structs = outer;
    }

    fn visit_expr_for_loop_mut(&mut self, f: &mut syn::ExprForLoop) {
        self.visit_expr_mut(&mut f.expr);
        let outer = self.structs.clone();
        self.unbind(&f.pat);
        self.visit_block_mut(&mut f.body);
        self.structs = outer;
    }

    fn visit_arm_mut(&mut self, a: &mut syn::Arm) {
        let outer = self.structs.clone();
        self.unbind(&a.pat);
        syn::visit_mut::visit_arm_mut(self, a);
        self.structs = outer;
    }

    fn visit_expr_if_mut(&mut self, i: &mut syn::ExprIf) {
        // `if let PAT = e { .. }`: the pattern's names in the branch.
        let outer = self.structs.clone();
        if let Expr::Let(l) = &*i.cond {
            self.unbind(&l.pat);
        }
        syn::visit_mut::visit_expr_if_mut(self, i);
        self.structs = outer;
    }

    fn visit_expr_while_mut(&mut self, w: &mut syn::ExprWhile) {
        let outer = self.structs.clone();
        if let Expr::Let(l) = &*w.cond {
            self.unbind(&l.pat);
        }
        syn::visit_mut::visit_expr_while_mut(self, w);
        self.structs = outer;
    }

    fn visit_expr_mut(&mut self, e: &mut Expr) {
        syn::visit_mut::visit_expr_mut(self, e);
        let span = syn::spanned::Spanned::span(&*e);
        let new = match e {
            Expr::Binary(b) if self.is_struct(&b.left) => {
                let Some(m) = method(&b.op) else { return };
                let (l, r) = ((*b.left).clone(), (*b.right).clone());
                if compound(&b.op) {
                    if !matches!(l, Expr::Path(_)) {
                        return;
                    }
                    Self::method_call(l, &format!("{m}_assign"), vec![r], span)
                } else {
                    Self::method_call(l, m, vec![r], span)
                }
            }
            Expr::Unary(u) if matches!(u.op, UnOp::Neg(_)) && self.is_struct(&u.expr) => {
                Self::method_call((*u.expr).clone(), "neg", vec![], span)
            }
            _ => return,
        };
        *e = new;
    }
}
