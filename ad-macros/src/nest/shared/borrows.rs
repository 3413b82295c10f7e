//! Whether a function's body may do arithmetic on borrowed scalars (`&f64`), read from its
//! source: which shared sweeps need the bounds of arithmetic on references.
//!
//! A shared sweep is generic over its scalar `S`, so `v * w` with `v: &S` (a closure's
//! parameter in `x.iter().map(|v| v * w)`, `for v in x`, a `&f64` parameter) needs
//! `for<'r> &'r S: Mul<S, Output = S>` among its bounds. Those bounds are not free: with them
//! in scope, rustc weighs them at every operator of the body (`-Z time-passes` on issue 14's
//! benchmark crate, whose functions borrow no scalar, with and without them on every sweep:
//! type checking 2.27–2.69 s → 2.05–2.28 s, README "Compile time"). A sweep's bounds must
//! also be proved by its callers, and a caller generic over `S` can prove them only by having
//! them itself; the macro never sees its callees. So a sweep has them when its body may
//! borrow a scalar or calls another function's sweep (`calls_sweep`, on the generated
//! tokens), and not otherwise: leaves of the call graph that index their slices go without.
//! Dispatchers (`Scalar::pick`) never need them.
//!
//! (Tried and not kept: no bounds on any `f_sweep`, a function that may borrow keeping its
//! shared body as `f_sweep_refs` behind a dispatcher. A chain of such functions doubles its
//! pullback's type at each call, both scalars' pullbacks held in an `Either`, and with the
//! dual one left out of the real scalar's type, the benchmark's chain of 101 calls still
//! overflowed rustc's recursion limit while normalising the nested opaque types.)
//!
//! The answer must never be a wrong "no": that would be a compile error in generated code.
//! Anything that can yield a reference to a scalar answers "yes". A reference to a scalar
//! comes from a parameter (`&f64`, `&T`, `&(f64, f64)`, `Vec<&f64>`), a `&` expression
//! (except as an argument of a call of a function: `g(&x)`, `h(&v[1..])`; a capitalised
//! callee such as `Some(&x)` may build a value holding it), a closure's parameter, a `for`
//! over anything but a range, a method returning one (`first`, `get`, `iter`, ...: every
//! method not known to return a value counts), a pattern that binds by reference (`ref v`,
//! slice patterns on a borrowed slice), a macro whose tokens hold `&` or `|`, or an item
//! declared in the body. Calls of functions give values (a differentiable function returns
//! one).

use syn::visit::{self, Visit};

/// Methods whose result is never a reference (besides the float methods with a rule).
const VALUE_METHODS: &[&str] = &[
    "len",
    "is_empty",
    "rev",
    "step_by",
    "clone",
    "to_vec",
    "to_owned",
    "pop",
    "push",
    "insert",
    "remove",
    "swap",
    "fill",
    "truncate",
    "clear",
    "resize",
    "reverse",
    "copy_from_slice",
    "unwrap",
    "expect",
    "unwrap_or",
    "is_nan",
    "is_finite",
    "is_infinite",
    "is_sign_negative",
    "is_sign_positive",
    "total_cmp",
    "partial_cmp",
    "pow",
    "saturating_sub",
    "saturating_add",
    "wrapping_add",
    "wrapping_sub",
    "abs_diff",
    "rem_euclid",
    "div_euclid",
    "is_power_of_two",
];

/// Whether `func` may do arithmetic on a borrowed scalar (see the module docs); `true` when
/// in doubt.
pub fn may_borrow_scalars(func: &syn::ItemFn) -> bool {
    let params = func.sig.inputs.iter().any(|a| match a {
        syn::FnArg::Typed(t) => borrows_scalar(&t.ty),
        syn::FnArg::Receiver(_) => true,
    });
    if params {
        return true;
    }
    let mut v = Borrows(false);
    v.visit_block(&func.block);
    v.0
}

/// A parameter type that holds a shared reference other than a borrowed slice, array or
/// `Vec` of reference-free elements.
fn borrows_scalar(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => match &*r.elem {
            syn::Type::Slice(s) => holds_ref(&s.elem),
            syn::Type::Array(a) => holds_ref(&a.elem),
            e if is_vec(e) || r.mutability.is_some() => holds_ref(e),
            _ => true,
        },
        _ => holds_ref(ty),
    }
}

/// Whether a type mentions a reference anywhere (`Vec<&f64>`, `(f64, &f64)`), or a type
/// whose values the macro cannot see through (`impl Trait`, `dyn Trait`, `fn` pointers).
fn holds_ref(ty: &syn::Type) -> bool {
    struct Refs(bool);
    impl<'a> Visit<'a> for Refs {
        fn visit_type_reference(&mut self, _: &'a syn::TypeReference) {
            self.0 = true;
        }
        fn visit_type_impl_trait(&mut self, _: &'a syn::TypeImplTrait) {
            self.0 = true;
        }
        fn visit_type_trait_object(&mut self, _: &'a syn::TypeTraitObject) {
            self.0 = true;
        }
        fn visit_type_bare_fn(&mut self, _: &'a syn::TypeBareFn) {
            self.0 = true;
        }
    }
    let mut r = Refs(false);
    r.visit_type(ty);
    r.0
}

fn is_vec(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| s.ident == "Vec"))
}

/// `a..b`, `(a..b)`, and those followed by `.rev()` or `.step_by(n)`.
fn is_range(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Range(_) => true,
        syn::Expr::Paren(p) => is_range(&p.expr),
        syn::Expr::Group(g) => is_range(&g.expr),
        syn::Expr::MethodCall(m) if m.method == "rev" || m.method == "step_by" => {
            is_range(&m.receiver)
        }
        _ => false,
    }
}

struct Borrows(bool);

impl<'a> Visit<'a> for Borrows {
    fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {
        self.0 = true;
    }
    fn visit_expr_reference(&mut self, r: &'a syn::ExprReference) {
        if r.mutability.is_none() {
            self.0 = true;
        }
        visit::visit_expr_reference(self, r);
    }
    fn visit_expr_call(&mut self, c: &'a syn::ExprCall) {
        let function = matches!(&*c.func, syn::Expr::Path(p)
        if p.path.segments.last().is_some_and(|s| {
            s.ident.to_string().starts_with(|ch: char| ch.is_lowercase() || ch == '_')
        }));
        self.visit_expr(&c.func);
        for a in &c.args {
            match a {
                // `g(&x)`: the callee takes the reference; what it returns is a value.
                syn::Expr::Reference(r) if function => self.visit_expr(&r.expr),
                _ => self.visit_expr(a),
            }
        }
    }
    fn visit_expr_for_loop(&mut self, f: &'a syn::ExprForLoop) {
        if !is_range(&f.expr) {
            self.0 = true;
        }
        visit::visit_expr_for_loop(self, f);
    }
    fn visit_expr_method_call(&mut self, m: &'a syn::ExprMethodCall) {
        let name = m.method.to_string();
        if crate::sema::rules::method(&name).is_none() && !VALUE_METHODS.contains(&name.as_str()) {
            self.0 = true;
        }
        visit::visit_expr_method_call(self, m);
    }
    fn visit_pat_ident(&mut self, p: &'a syn::PatIdent) {
        if p.by_ref.is_some() {
            self.0 = true;
        }
        visit::visit_pat_ident(self, p);
    }
    fn visit_pat_slice(&mut self, _: &'a syn::PatSlice) {
        self.0 = true;
    }
    fn visit_macro(&mut self, m: &'a syn::Macro) {
        fn any(ts: proc_macro2::TokenStream) -> bool {
            ts.into_iter().any(|t| match t {
                proc_macro2::TokenTree::Punct(p) => matches!(p.as_char(), '&' | '|'),
                proc_macro2::TokenTree::Group(g) => any(g.stream()),
                _ => false,
            })
        }
        if any(m.tokens.clone()) {
            self.0 = true;
        }
    }
    fn visit_item(&mut self, _: &'a syn::Item) {
        self.0 = true;
    }
}

#[cfg(test)]
mod tests {
    use super::may_borrow_scalars;

    fn borrows(src: &str) -> bool {
        may_borrow_scalars(&syn::parse_str(src).expect("test source parses"))
    }

    #[test]
    fn index_loops_and_calls_borrow_nothing() {
        assert!(!borrows(
            "fn f(x: &[f64], v: &Vec<f64>, a: &[f64; 3], p: f64, n: usize) -> f64 {
                let mut s = 0.0;
                for i in 0..x.len() { s += x[i].sin() * p + v[i].max(a[0]); }
                for i in (1..n).rev().step_by(2) { s += g(&x[1..], &v, s); }
                let mut w = vec![0.0; n]; w.push(s); w.swap(0, 1);
                s + w.pop().unwrap() + f64::max(s, 1.0)
            }"
        ));
    }

    #[test]
    fn every_source_of_a_borrowed_scalar_is_seen() {
        for body in [
            "x.iter().map(|v| v * 2.0).sum()",
            "let mut s = 0.0; for v in x { s += v * 2.0; } s",
            "let mut s = 0.0; for v in x.iter() { s += v * v; } s",
            "let r = &x[0]; r * 2.0",
            "let o = Some(&x[0]); match o { Some(v) => v * 2.0, None => 0.0 }",
            "x.first().unwrap() * 2.0",
            "let ref r = x[0]; r * 2.0",
            "if let [a, b, ..] = x { a * b } else { 0.0 }",
            "let w = vec![&x[0]]; w[0] * 2.0",
            "fn id(v: &f64) -> &f64 { v } id(&x[0]) * 2.0",
            "let mut w = Vec::new(); w.push(&x[0]); w[0] * 2.0",
        ] {
            let src = format!("fn f(x: &[f64]) -> f64 {{ {body} }}");
            assert!(borrows(&src), "{body}");
        }
        for params in [
            "x: &f64",
            "x: &T",
            "x: (&f64, f64)",
            "x: &(f64, f64)",
            "x: &&[f64]",
            "x: Vec<&f64>",
            "x: &[&f64]",
            "x: &mut Vec<&f64>",
        ] {
            let src = format!("fn f({params}) -> f64 {{ 0.0 }}");
            assert!(borrows(&src), "{params}");
        }
    }
}
