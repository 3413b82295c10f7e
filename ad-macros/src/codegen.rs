//! What the generated code of every mode shares: tangent types as users read them, and
//! named lifetimes for the signatures of generated functions.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::visit_mut::VisitMut;
use syn::{Ident, Type};

/// The tangent type of a parameter or result type, written as users expect to read it.
pub fn tangent_type(ty: &Type) -> TokenStream {
    match ty {
        Type::Reference(r) => tangent_type(&r.elem),
        Type::Paren(p) => tangent_type(&p.elem),
        Type::Slice(s) => {
            let e = tangent_type(&s.elem);
            quote!(::std::vec::Vec<#e>)
        }
        Type::Tuple(t) => {
            let elems = t.elems.iter().map(tangent_type);
            quote!((#(#elems,)*))
        }
        Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32") => ty.to_token_stream(),
        Type::Path(p)
            if p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "Vec") =>
        {
            let syn::PathArguments::AngleBracketed(args) =
                &p.path.segments.last().unwrap().arguments
            else {
                return quote!(<#ty as ::ad_runtime::Differentiable>::Tangent);
            };
            match args.args.first() {
                Some(syn::GenericArgument::Type(inner)) => {
                    let e = tangent_type(inner);
                    quote!(::std::vec::Vec<#e>)
                }
                _ => quote!(<#ty as ::ad_runtime::Differentiable>::Tangent),
            }
        }
        Type::Path(p) if p.qself.is_none() && array_tangent_name(p).is_some() => {
            let last = p.path.segments.last().unwrap();
            let name = array_tangent_name(p).unwrap();
            let args: Vec<&syn::GenericArgument> = match &last.arguments {
                syn::PathArguments::AngleBracketed(a) => a
                    .args
                    .iter()
                    .filter(|a| !matches!(a, syn::GenericArgument::Lifetime(_)))
                    .collect(),
                _ => Vec::new(),
            };
            quote!(::ad_runtime::ndarray::#name<#(#args),*>)
        }
        _ => quote!(<#ty as ::ad_runtime::Differentiable>::Tangent),
    }
}

/// The owned array type that is the tangent of an ndarray array or view type
/// (`ArrayView2<'a, f64>` -> `Array2<f64>`), by name.
fn array_tangent_name(p: &syn::TypePath) -> Option<Ident> {
    let last = p.path.segments.last()?;
    let name = last.ident.to_string();
    let rest = name
        .strip_prefix("ArrayView")
        .or_else(|| name.strip_prefix("ArcArray"))
        .or_else(|| name.strip_prefix("CowArray"))
        .or_else(|| name.strip_prefix("Array"))?;
    let ok = rest.is_empty() || rest == "D" || rest.parse::<u8>().is_ok();
    ok.then(|| format_ident!("Array{}", rest))
}

/// Gives every elided or anonymous reference lifetime the name `'__ad`.
pub struct NameLifetimes {
    pub used: bool,
}

impl VisitMut for NameLifetimes {
    fn visit_type_reference_mut(&mut self, r: &mut syn::TypeReference) {
        match &r.lifetime {
            None => {
                r.lifetime = Some(syn::Lifetime::new("'__ad", Span::call_site()));
                self.used = true;
            }
            Some(l) if l.ident == "_" => {
                r.lifetime = Some(syn::Lifetime::new("'__ad", Span::call_site()));
                self.used = true;
            }
            _ => {}
        }
        syn::visit_mut::visit_type_reference_mut(self, r);
    }
    fn visit_type_path_mut(&mut self, p: &mut syn::TypePath) {
        // `ArrayView2<f64>` has a hidden lifetime parameter: name it.
        if let Some(last) = p.path.segments.last_mut() {
            let name = last.ident.to_string();
            if (name.starts_with("ArrayView") || name.starts_with("CowArray"))
                && let syn::PathArguments::AngleBracketed(a) = &mut last.arguments
                && !a
                    .args
                    .iter()
                    .any(|g| matches!(g, syn::GenericArgument::Lifetime(_)))
            {
                a.args.insert(
                    0,
                    syn::GenericArgument::Lifetime(syn::Lifetime::new("'__ad", Span::call_site())),
                );
                self.used = true;
            }
        }
        syn::visit_mut::visit_type_path_mut(self, p);
    }
    fn visit_lifetime_mut(&mut self, l: &mut syn::Lifetime) {
        if l.ident == "_" {
            *l = syn::Lifetime::new("'__ad", Span::call_site());
            self.used = true;
        }
    }
}

/// The path of the runtime's rules and helpers as the sweeps write it: `__ad_rt`, which every
/// function body holding a sweep declares first ([`runtime_use`]). A rule call is then
/// `__ad_rt::mul_d0(..)` instead of `::ad_runtime::__private::mul_d0(..)`: the sweeps are
/// about a fifth of such paths, and three tokens instead of eight are less for the macro to
/// emit and for rustc to parse and resolve (−7% of rustc's time on the compile-time
/// benchmark's expanded crate). Only in bodies: a signature writes the path in full.
pub fn runtime_path() -> TokenStream {
    quote!(__ad_rt)
}

/// [`runtime_path`] spanned on user code, so errors in a generated rule call point there.
pub fn runtime_path_at(span: Span) -> TokenStream {
    let alias = Ident::new("__ad_rt", span);
    quote!(#alias)
}

/// `use ::ad_runtime::__private as __ad_rt;`, the first statement of a body that holds a
/// sweep (see [`runtime_path`]).
pub fn runtime_use() -> TokenStream {
    quote!(
        #[allow(unused_imports)]
        use ::ad_runtime::__private as __ad_rt;
    )
}

/// The `cfg` predicate of code that only optimised builds run: the unchecked copy of a
/// versioned loop (`reverse::hoist`).
///
/// It is a speed-only variant of a loop that is emitted anyway (the checked loop, run when
/// the guard fails), and it only pays once LLVM optimises: in a build with debug assertions
/// (`cargo build`, `cargo test`, `cargo check`) it is left out, so rustc neither type-checks
/// nor borrow-checks it (about a quarter of a debug build of typical loop code: README
/// "Compile time"). Loop fusion is not treated so: it also bounds what the gradient records
/// (`tests/tape_memory.rs`), which matters in any build. The workspace's own builds set
/// `--cfg ad_fast_paths` (`.cargo/config.toml`), so CI runs the unchecked copies in debug
/// builds too.
pub fn fast_paths() -> TokenStream {
    quote!(any(not(debug_assertions), ad_fast_paths))
}

/// `if guard { fast } else { slow }` with the guard and the fast branch only in optimised
/// builds (see [`fast_paths`]); `slow` is the code as written, run when the guard fails.
pub fn versioned(guard: &TokenStream, fast: &TokenStream, slow: &TokenStream) -> TokenStream {
    let ok = Ident::new("__ad_fast", Span::mixed_site());
    let on = fast_paths();
    quote! {
        #[cfg(#on)]
        let #ok: bool = #guard;
        #[cfg(not(#on))]
        let #ok = false;
        if #ok {
            #[cfg(#on)]
            { #fast }
        } else {
            #slow
        }
    }
}

/// The type parameter of every dual-number pullback (`f_hvp_pullback::<M>`): it makes the
/// function generic, so that one that cannot be lifted to dual numbers fails to compile only
/// where second order is used (see `nest`).
pub fn hvp_marker() -> Ident {
    Ident::new("__AdHvpM", Span::call_site())
}

/// `let mut t = Tape::new();`, or in a dual pullback generic over its marker `M`, a tape that
/// records as `M` says (`ad_runtime::__private::Recording`: not at all for a JVP).
pub fn tape_decl(t: &Ident, marker: Option<&Ident>) -> TokenStream {
    let rt = quote!(::ad_runtime::__private);
    match marker {
        Some(m) => quote!(let mut #t = #rt::Tape::<_, #m>::in_mode();),
        None => quote!(let mut #t = #rt::Tape::new();),
    }
}

/// The primal expression of the operations both modes print the same way (given how each
/// prints an operand), or `None` for the others (copies, arithmetic, methods, calls, maps:
/// each mode prints those itself).
pub fn primal_common(
    op: &crate::ir::Op,
    atom: &dyn Fn(&crate::ir::Atom) -> TokenStream,
) -> Option<TokenStream> {
    use crate::ir::{Op, PassiveShape};
    Some(match op {
        Op::Deref(a) => {
            let a = atom(a);
            quote!(*#a)
        }
        Op::CloneOf(a) => {
            let a = atom(a);
            quote!(#a.clone())
        }
        Op::Passive(t, xs, shape) => {
            let xs: Vec<TokenStream> = xs.iter().map(atom).collect();
            match shape {
                PassiveShape::Prefix => {
                    let a = &xs[0];
                    quote!(#t #a)
                }
                PassiveShape::Infix => {
                    let (a, b) = (&xs[0], &xs[1]);
                    quote!(#a #t #b)
                }
                // (A `match`, not `matches!`: its `pat` fragment rejects `..=K`.)
                PassiveShape::Matches => {
                    let a = &xs[0];
                    quote!(match #a { #t => true, _ => false })
                }
                PassiveShape::Call => {
                    let a = &xs[0];
                    quote!(#t(#a))
                }
            }
        }
        Op::Index {
            base,
            index,
            by_ref,
        } => {
            let (b, i) = (atom(base), atom(index));
            if *by_ref {
                quote!(&#b[#i])
            } else {
                quote!(#b[#i])
            }
        }
        Op::SliceRef {
            base,
            lo,
            hi,
            inclusive,
        } => slice_ref(atom(base), lo, hi, *inclusive, atom),
        Op::Cast {
            a,
            ty,
            lifted: true,
            ..
        } => {
            let a = atom(a);
            quote!(::ad_runtime::__private::undual(#a) as #ty)
        }
        Op::Cast { a, ty, .. } => {
            let a = atom(a);
            match crate::ir::dual_inner(ty) {
                // Lifted to dual numbers (see `nest::dual`): `dual_cast` converts integers,
                // floats and duals alike.
                Some(f) => quote!(::ad_runtime::__private::dual_cast::<#f, _>(#a)),
                None => quote!(#a as #ty),
            }
        }
        // Values cloned into the struct (the sweeps may read them again).
        Op::StructLit(path, fs) => {
            let fs = fs.iter().map(|(m, a)| {
                let a = atom(a);
                quote!(#m: ::core::clone::Clone::clone(&#a))
            });
            quote!(#path { #(#fs,)* })
        }
        Op::Tuple(xs) => {
            let xs: Vec<TokenStream> = xs.iter().map(atom).collect();
            quote!((#(#xs,)*))
        }
        Op::Member(a, path, by_ref) => {
            let a = atom(a);
            if *by_ref {
                quote!(&#a.#(#path).*)
            } else {
                // Through the probe: a `#[no_derivative]` field may be of a type without
                // `FieldRead` (an enum of the user's), read by copy or borrow then.
                quote!({
                    use ::ad_runtime::__private::{ReadByCopy as _, ReadByRef as _, ReadByTrait as _};
                    (&&&::ad_runtime::__private::ReadProbe(&#a.#(#path).*)).read_field()
                })
            }
        }
        Op::Field(a, idx) => {
            let a = atom(a);
            quote!(#a.#idx)
        }
        Op::Opaque { tokens, .. } => tokens.clone(),
        _ => return None,
    })
}

/// A method call as its form says (`recv.name(args)`, `Ty::name(recv, args)` or
/// `f::name(&recv, &args)`), with the closure kept verbatim, turbofish and suffix of `extra`.
pub fn method_call(
    name: &Ident,
    form: &crate::ir::MethodForm,
    recv: TokenStream,
    mut args: Vec<TokenStream>,
    extra: &crate::ir::MethodExtra,
) -> TokenStream {
    use crate::ir::MethodForm;
    args.extend(extra.raw.clone());
    let (post, tf) = (&extra.post, &extra.turbofish);
    match form {
        MethodForm::Method => quote!(#recv.#name #tf (#(#args),*) #post),
        MethodForm::Path(ty) => quote!(#ty::#name(#recv #(, #args)*) #post),
        MethodForm::Function(f) => quote!(#f::#name(&#recv #(, &#args)*) #post),
    }
}

/// `&base[lo..hi]` (either bound may be missing; `..=` when `inclusive`).
pub fn slice_ref(
    base: TokenStream,
    lo: &Option<crate::ir::Atom>,
    hi: &Option<crate::ir::Atom>,
    inclusive: bool,
    atom: &dyn Fn(&crate::ir::Atom) -> TokenStream,
) -> TokenStream {
    let lo = lo.as_ref().map(atom);
    let hi = hi.as_ref().map(atom);
    if inclusive {
        quote!(&#base[#lo..=#hi])
    } else {
        quote!(&#base[#lo..#hi])
    }
}

/// The dispatch at the end of a loop body on the flow flag of lowered `break`/`continue`
/// (`flow`: the flag), or nothing when no exit can reach the loop.
pub fn loop_exits(l: &crate::ir::Loop, flow: Option<&Ident>) -> TokenStream {
    let mut codes = std::collections::BTreeSet::new();
    crate::ir::escape_codes(&l.body.stmts, &mut codes);
    let Some(f) = flow.filter(|_| !codes.is_empty()) else {
        return TokenStream::new();
    };
    let (b, c) = (l.break_code, l.continue_code);
    quote! {
        if #f != 0 {
            if #f == #c {
                #f = 0;
            } else {
                if #f == #b {
                    #f = 0;
                }
                break;
            }
        }
    }
}

/// What `f_jacobian` and `f_hessian` pass the runtime's drivers (`jacobian_by_mode`,
/// `hessian_columns`): the differentiated arguments as a tuple of references (`refs`), the
/// names binding the unit tangents in the closure's pattern (`units`, each a reference into
/// the tuple of tangents) and each passed as its parameter takes it (`tangents`: a reference
/// as it is, a `Copy` value read, anything else cloned).
pub struct UnitTangents {
    pub refs: Vec<TokenStream>,
    pub units: Vec<Ident>,
    pub tangents: Vec<TokenStream>,
}

pub fn unit_tangents(active: &[&crate::front::Param]) -> UnitTangents {
    let units: Vec<Ident> = (0..active.len())
        .map(|k| Ident::new(&format!("__e{k}"), Span::mixed_site()))
        .collect();
    let refs = active
        .iter()
        .map(|p| {
            let i = &p.ident;
            quote!(&#i)
        })
        .collect();
    let tangents = active
        .iter()
        .zip(&units)
        .map(|(p, e)| {
            if matches!(p.ty, Type::Reference(_)) {
                quote!(#e)
            } else if copy_type(&p.ty) {
                quote!(*#e)
            } else {
                quote!(::core::clone::Clone::clone(#e))
            }
        })
        .collect();
    UnitTangents {
        refs,
        units,
        tangents,
    }
}

/// The parameters as declared (`x: &[f64], n: usize`), and the arguments that pass a clone of
/// each (for generated functions that call another one several times): the parameter itself
/// where its type is `Copy` as written (see [`copy_type`]), which leaves rustc one trait
/// method call less to resolve per argument.
pub fn params_and_clones(sig: &crate::front::Signature) -> (Vec<TokenStream>, Vec<TokenStream>) {
    sig.params
        .iter()
        .map(|p| {
            let (i, ty) = (&p.ident, &p.ty);
            let arg = if copy_type(ty) {
                quote!(#i)
            } else {
                quote!(::core::clone::Clone::clone(&#i))
            };
            (quote!(#i: #ty), arg)
        })
        .unzip()
}

/// Whether `ty` is `Copy` whatever the user's code around it: a shared reference or a
/// primitive number, `bool` or `char` named as such.
pub fn copy_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => r.mutability.is_none(),
        syn::Type::Paren(p) => copy_type(&p.elem),
        syn::Type::Path(p) if p.qself.is_none() => p.path.get_ident().is_some_and(|i| {
            let n = i.to_string();
            matches!(n.as_str(), "f64" | "f32" | "bool" | "char")
                || crate::ir::INT_TYPES.contains(&n.as_str())
        }),
        _ => false,
    }
}

/// The user's lifetime parameters as generics (`<'a, 'b>`), or nothing.
pub fn lifetime_generics(sig: &crate::front::Signature) -> TokenStream {
    if sig.lifetimes.is_empty() {
        quote!()
    } else {
        let l = &sig.lifetimes;
        quote!(<#(#l),*>)
    }
}

/// Whether a type flattens to a vector of floats (a float, a slice, `Vec` or fixed-size
/// array of floats, by value or by reference, or a tuple of those for a result).
pub fn flattens(ty: &Type) -> bool {
    match ty {
        Type::Reference(r) => flattens(&r.elem),
        Type::Paren(p) => flattens(&p.elem),
        // Tuples of up to eight (the runtime's `Flat` impls).
        Type::Tuple(t) => (1..=8).contains(&t.elems.len()) && t.elems.iter().all(flattens),
        Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32") => true,
        // 1-D ndarray arrays (`Array1<f64>`, `Array<f64, Ix1>`; the runtime's `Flat`).
        Type::Path(p)
            if p.path.segments.last().is_some_and(|s| {
                s.ident == "Array1"
                    || (s.ident == "Array"
                        && matches!(&s.arguments, syn::PathArguments::AngleBracketed(a)
                            if a.args.iter().any(|g| matches!(g, syn::GenericArgument::Type(syn::Type::Path(d))
                                if d.path.is_ident("Ix1")))))
            }) =>
        {
            crate::front::ndarray_element(ty).is_some_and(|e| {
                matches!(e, Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"))
            })
        }
        _ => crate::front::sequence_element(ty).is_some_and(
            |e| matches!(e, Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32")),
        ),
    }
}

/// The name of the tangent parameter of `ident` in `f_jvp` and the hidden forward and dual
/// functions: `d` and the name (`x` -> `dx`), raw where that is a keyword (`o` -> `r#do`,
/// `yn` -> `r#dyn`). Mixed-site hygiene keeps it apart from a user's own `dx`.
pub fn tangent_ident(ident: &Ident) -> Ident {
    let name = format!("d{}", syn::ext::IdentExt::unraw(ident));
    if syn::parse_str::<Ident>(&name).is_ok() {
        Ident::new(&name, proc_macro2::Span::mixed_site())
    } else {
        Ident::new_raw(&name, proc_macro2::Span::mixed_site())
    }
}

/// The primal call `func(args)`; one written as a method call (`Op::Call::method`, the
/// receiver lent as `&c`) calls the method's by-reference primal `Ty::__ad_byref_m(&c, ..)`,
/// which every method emits (see `method::by_ref_primal`): the caller cannot see whether the
/// method takes `self` or `&self`.
pub(crate) fn primal_call(func: &syn::Path, args: &[TokenStream], method: bool) -> TokenStream {
    if method && let Some(last) = func.segments.last() {
        let mut f = func.clone();
        let hidden = quote::format_ident!("__ad_byref_{}", last.ident, span = last.ident.span());
        f.segments.last_mut().unwrap().ident = hidden;
        return quote!(#f(#(#args),*));
    }
    quote!(#func(#(#args),*))
}

/// The type of `f_grad`'s gradient: the tangent of the differentiated parameter, or a tuple
/// of them.
pub fn gradient_type(sig: &crate::front::Signature) -> TokenStream {
    let types: Vec<TokenStream> = sig
        .params
        .iter()
        .filter(|p| p.active)
        .map(|p| tangent_type(&p.ty))
        .collect();
    if types.len() == 1 {
        types[0].clone()
    } else {
        quote!((#(#types),*))
    }
}

#[cfg(test)]
mod tests {
    use super::copy_type;

    /// Only types that are `Copy` whatever the user's code declares are passed without a
    /// clone: shared references and primitives named as such, not `&mut`, arrays, `Vec`s,
    /// user types or a float type parameter.
    #[test]
    fn copy_types_are_the_ones_copy_as_written() {
        let ty = |s: &str| syn::parse_str::<syn::Type>(s).unwrap();
        for t in [
            "&[f64]",
            "&Vec<f64>",
            "&Array2<f64>",
            "f64",
            "f32",
            "usize",
            "bool",
            "(f64)",
        ] {
            assert!(copy_type(&ty(t)), "{t}");
        }
        for t in [
            "&mut [f64]",
            "Vec<f64>",
            "[f64; 3]",
            "T",
            "Params",
            "Array1<f64>",
            "<T as X>::Y",
        ] {
            assert!(!copy_type(&ty(t)), "{t}");
        }
    }
}
