//! `#[derive(Differentiable)]` for parameter structs: the tangent of the struct is the struct
//! itself. Implements `Differentiable` (`zero_tangent`: zeros shaped like the value,
//! `#[no_derivative]` fields cloned), `Zero`, `Accumulate` (field by field), `FieldRead` (a
//! field read borrows) and `VectorSpace` (the optimisers' operations, field by field). Each
//! differentiated field's type is checked where it is written: it must be differentiable with
//! itself as its tangent (floats, `Vec`s, fixed-size arrays, ndarray arrays, other derived
//! structs); a field whose type holds no float (integers, `bool`, `String`, containers of
//! those) is a constant like a `#[no_derivative]` one; a float inside a standard container
//! (`Option<f64>`) is one error on the field; any other field needs `#[no_derivative]` (and
//! `Default`, for the zero).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

pub fn expand(input: TokenStream) -> TokenStream {
    match derive(input) {
        Ok(t) => t,
        Err(e) => e.into_compile_error(),
    }
}

fn derive(input: TokenStream) -> syn::Result<TokenStream> {
    let input: syn::DeriveInput = syn::parse2(input)?;
    let name = &input.ident;
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "#[derive(Differentiable)] takes structs without generic parameters (write the float type: `w: Array2<f64>`)",
        ));
    }
    let syn::Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            name,
            "#[derive(Differentiable)] applies to structs (the tangent of a struct is the struct itself)",
        ));
    };
    // A float inside a standard container the derivative cannot go through (`Option<f64>`,
    // `HashMap<String, f64>`): one error on the field, instead of the trait errors its
    // impls would give (the field is then taken as `#[no_derivative]` below).
    let mut errors = TokenStream::new();
    for f in &data.fields {
        if !f.attrs.iter().any(|a| a.path().is_ident("no_derivative"))
            && let Some(wrapper) = float_in_wrapper(&f.ty)
        {
            let ty = &f.ty;
            let what = match &f.ident {
                Some(i) => format!("field `{i}`"),
                None => "this field".to_string(),
            };
            errors.extend(
                syn::Error::new_spanned(
                    ty,
                    format!(
                        "{what} of type `{}` holds floats inside `{wrapper}`, which #[derive(Differentiable)] cannot differentiate: mark it `#[no_derivative]` to use its value as a constant, or hold the floats in a differentiable type (`f64`, `Vec<f64>`, `[f64; N]`, an ndarray array, a derived struct)",
                        quote!(#ty).to_string().replace(' ', "")
                    ),
                )
                .into_compile_error(),
            );
        }
    }
    let rt = quote!(::ad_runtime);
    let pv = quote!(::ad_runtime::__private);
    let mut diff = Vec::new();
    let mut fixed = Vec::new();
    for (k, f) in data.fields.iter().enumerate() {
        let member = match &f.ident {
            Some(i) => syn::Member::Named(i.clone()),
            None => syn::Member::Unnamed(syn::Index::from(k)),
        };
        if constant_field(f) {
            fixed.push(member);
        } else {
            diff.push((member, f.ty.clone()));
        }
    }
    let checks = diff
        .iter()
        .map(|(_, ty)| quote_spanned!(ty.span()=> __ad_field::<#ty>();));
    let d: Vec<&syn::Member> = diff.iter().map(|(m, _)| m).collect();
    let build = |diff_expr: &dyn Fn(&syn::Member) -> TokenStream,
                 fixed_expr: &dyn Fn(&syn::Member) -> TokenStream| {
        let a = d.iter().map(|m| {
            let e = diff_expr(m);
            quote!(#m: #e)
        });
        let b = fixed.iter().map(|m| {
            let e = fixed_expr(m);
            quote!(#m: #e)
        });
        quote!(#name { #(#a,)* #(#b,)* })
    };
    let zero_tangent = build(
        &|m| quote!(#rt::Differentiable::zero_tangent(&self.#m)),
        &|m| quote!(::core::clone::Clone::clone(&self.#m)),
    );
    let zero = build(&|_| quote!(#rt::Zero::zero()), &|_| {
        quote!(::core::default::Default::default())
    });
    let twin = dual_twin(&input, data, &diff, &fixed);
    // Each field's type by the hash of its name, for methods called on fields
    // (`self.inner.m(x)`, see the runtime's `FieldOf`).
    let twin_name = quote::format_ident!("__AdDual{}", name);
    let has_twin = !matches!(data.fields, syn::Fields::Unit);
    // (Not on a twin that has a field without a dual form, which has its own error.)
    let twin_ok = twin_ok(data);
    let field_types_impls = data.fields.iter().enumerate().map(|(k, f)| {
        let key = match &f.ident {
            Some(i) => i.to_string(),
            None => k.to_string(),
        };
        let h = crate::ir::field_hash(&key);
        let ty = &f.ty;
        let member = match &f.ident {
            Some(i) => syn::Member::Named(i.clone()),
            None => syn::Member::Unnamed(syn::Index::from(k)),
        };
        let no_derivative = constant_field(f);
        // Field writes (`s.x = e` is `s = with_field::<_, H>(s, e)`), also on the twin; and
        // a field's cotangent accumulated into the struct's (`acc_member`), which a
        // `#[no_derivative]` field ignores (its slot in a gradient is the primal's clone).
        let access = |owner: TokenStream, t: TokenStream| {
            let acc = if no_derivative {
                quote! {
                    impl<G> #pv::MemberAcc<#h, G> for #owner {
                        #[inline(always)]
                        fn acc_member(&mut self, _: G) {}
                    }
                }
            } else {
                quote! {
                    impl #pv::MemberAcc<#h, #t> for #owner {
                        #[inline(always)]
                        fn acc_member(&mut self, g: #t) { #pv::acc(&mut self.#member, g) }
                    }
                }
            };
            quote! {
                impl #pv::FieldType<#h> for #owner { type T = #t; }
                impl #pv::FieldAccess<#h> for #owner {
                    #[inline(always)]
                    fn field(&self) -> &#t { &self.#member }
                    #[inline(always)]
                    fn field_mut(&mut self) -> &mut #t { &mut self.#member }
                }
                #acc
            }
        };
        // A tuple struct's field `.k` read where the value's type is not visible (the
        // result of a method, `let w = v.swap(); w.0`) is taken for a tuple's: `TupleField`.
        let tuple_field = |owner: TokenStream, t: TokenStream| match &member {
            syn::Member::Unnamed(i) => {
                let k = i.index as usize;
                quote! {
                    impl #pv::TupleField<#k> for #owner {
                        type Out = #t;
                        #[inline(always)]
                        fn field_mut(&mut self) -> &mut #t { &mut self.#member }
                    }
                }
            }
            syn::Member::Named(_) => TokenStream::new(),
        };
        let mut out = access(quote!(#name), quote!(#ty));
        out.extend(tuple_field(quote!(#name), quote!(#ty)));
        if has_twin && twin_ok {
            let lifted = if no_derivative {
                quote!(#ty)
            } else {
                quote!(<#ty as #pv::LiftDual>::Out)
            };
            out.extend(access(quote!(#twin_name), lifted.clone()));
            out.extend(tuple_field(quote!(#twin_name), lifted));
        }
        out
    });
    Ok(quote! {
        #errors
        #twin
        const _: () = {
            /// Each differentiated field is its own tangent and a vector: floats, `Vec`s,
            /// fixed-size arrays, ndarray arrays, derived structs (else `#[no_derivative]`).
            fn __ad_field<T: #rt::Differentiable<Tangent = T> + #rt::VectorSpace>() {}
            #[allow(dead_code)]
            fn __ad_fields() {
                #(#checks)*
            }
        };
        #(#field_types_impls)*
        // Forward mode: a struct parameter's tangent slot (by reference through the
        // runtime's blanket impl over `DerivedStruct`, by value here).
        impl #pv::DerivedStruct for #name {}
        // `Vec<Self>` fields and parameters (`layers: Vec<Layer>`), element by element.
        impl #pv::StructElem for #name {}
        // Forward mode: the zero tangent of a local made of constants that becomes
        // differentiated later (`let mut a = Acc { total: 0.0 }; a.push(x);`).
        impl #pv::ZerosAs for #name {
            #[inline]
            fn zeros_as(&self) -> #name {
                <#name as #rt::Differentiable>::zero_tangent(self)
            }
        }
        impl #pv::ZerosElem for #name {
            fn zeros_like_vec(v: &[#name]) -> ::std::vec::Vec<#name> {
                v.iter().map(|s| <#name as #rt::Differentiable>::zero_tangent(s)).collect()
            }
        }
        impl #pv::TangentOf<#name> for #pv::Active<#name> {
            type Out = #name;
            #[inline(always)]
            fn tangent(self, _: &#name) -> #name {
                self.0
            }
        }
        impl #pv::TangentOf<#name> for #pv::Inactive {
            type Out = #name;
            #[inline(always)]
            fn tangent(self, primal: &#name) -> #name {
                #rt::Differentiable::zero_tangent(primal)
            }
        }
        impl #rt::Differentiable for #name {
            type Tangent = #name;
            fn zero_tangent(&self) -> #name {
                #zero_tangent
            }
        }
        impl #rt::Zero for #name {
            fn zero() -> #name {
                #zero
            }
        }
        impl #rt::Accumulate for #name {
            fn accumulate(&mut self, g: #name) {
                #(#rt::Accumulate::accumulate(&mut self.#d, g.#d);)*
            }
        }
        impl #rt::FieldRead for #name {
            type Out<'a> = &'a #name;
            #[inline(always)]
            fn read(&self) -> &#name {
                self
            }
        }
        impl #rt::VectorSpace for #name {
            fn scale_by(&mut self, a: f64) {
                #(#rt::VectorSpace::scale_by(&mut self.#d, a);)*
            }
            fn add_scaled(&mut self, a: f64, x: &Self) {
                #(#rt::VectorSpace::add_scaled(&mut self.#d, a, &x.#d);)*
            }
            fn inner(&self, x: &Self) -> f64 {
                0.0 #(+ #rt::VectorSpace::inner(&self.#d, &x.#d))*
            }
            fn zip2_mut(&mut self, x: &Self, y: &Self, f: &mut dyn FnMut(&mut f64, f64, f64)) {
                #(#rt::VectorSpace::zip2_mut(&mut self.#d, &x.#d, &y.#d, f);)*
            }
            fn dot_self(&self) -> f64 {
                0.0 #(+ #rt::VectorSpace::dot_self(&self.#d))*
            }
        }
    })
}

/// The struct's form on dual numbers, for second order and for forward mode (`nest`): a
/// hidden struct with the same field names, each differentiated field of the lifted type
/// (`<T as LiftDual>::Out`: `Dual<f64>` for `f64`, `Array2<Dual<f64>>` for `Array2<f64>`,
/// the twin of a nested struct), the others as they are; `LiftDual` for the struct and
/// `SplitDual` back, and what a parameter needs (`Differentiable`, `Zero`, `Accumulate`,
/// `FieldRead`).
fn dual_twin(
    input: &syn::DeriveInput,
    data: &syn::DataStruct,
    diff: &[(syn::Member, syn::Type)],
    fixed: &[syn::Member],
) -> TokenStream {
    if matches!(data.fields, syn::Fields::Unit) {
        return TokenStream::new();
    }
    let rt = quote!(::ad_runtime);
    let pv = quote!(::ad_runtime::__private);
    let name = &input.ident;
    let vis = &input.vis;
    let twin = quote::format_ident!("__AdDual{}", name);
    let field_types: Vec<TokenStream> = data
        .fields
        .iter()
        .map(|f| {
            let ty = &f.ty;
            if constant_field(f) {
                quote!(#ty)
            } else {
                quote!(<#ty as #pv::LiftDual>::Out)
            }
        })
        .collect();
    let definition = match &data.fields {
        syn::Fields::Named(named) => {
            let fields = named.named.iter().zip(&field_types).map(|(f, t)| {
                let (fv, id) = (&f.vis, &f.ident);
                quote!(#fv #id: #t)
            });
            quote!(#vis struct #twin { #(#fields,)* })
        }
        _ => {
            let fields = data.fields.iter().zip(&field_types).map(|(f, t)| {
                let fv = &f.vis;
                quote!(#fv #t)
            });
            quote!(#vis struct #twin(#(#fields,)*);)
        }
    };
    let d: Vec<&syn::Member> = diff.iter().map(|(m, _)| m).collect();
    let lifts = d
        .iter()
        .map(|m| quote!(#m: #pv::LiftDual::lift(&self.#m, &t.#m)));
    let consts = d
        .iter()
        .map(|m| quote!(#m: #pv::LiftDual::lift_const(&self.#m)));
    let clones: Vec<TokenStream> = fixed
        .iter()
        .map(|m| quote!(#m: ::core::clone::Clone::clone(&self.#m)))
        .collect();
    let splits = d.iter().enumerate().map(|(k, m)| {
        let (a, b) = (
            quote::format_ident!("__a{}", k),
            quote::format_ident!("__b{}", k),
        );
        quote!(let (#a, #b) = #pv::SplitDual::split(self.#m);)
    });
    let re = d.iter().enumerate().map(|(k, m)| {
        let a = quote::format_ident!("__a{}", k);
        quote!(#m: #a)
    });
    let eps = d.iter().enumerate().map(|(k, m)| {
        let b = quote::format_ident!("__b{}", k);
        quote!(#m: #b)
    });
    let fixed_re = fixed
        .iter()
        .map(|m| quote!(#m: ::core::clone::Clone::clone(&self.#m)));
    let fixed_eps = fixed.iter().map(|m| quote!(#m: self.#m));
    let zero_tangent = d
        .iter()
        .map(|m| quote!(#m: #rt::Differentiable::zero_tangent(&self.#m)));
    let zero = d.iter().map(|m| quote!(#m: #rt::Zero::zero()));
    let fixed_default = fixed
        .iter()
        .map(|m| quote!(#m: ::core::default::Default::default()));
    // The twin of a `Copy` struct is `Copy`, so a body that uses the struct twice by value
    // (`self.dot(self)`) works lifted too. (The derive cannot see the struct's other derives:
    // the impl is conditional on the struct being `Copy`, through bounds made non-trivial by
    // a higher-ranked lifetime, and on its lifted fields.)
    // Only for fields that can be `Copy` at all (floats, arrays of them, other structs), so
    // a field that has no dual form gets its one error, not another from here.
    fn copyable(ty: &syn::Type) -> bool {
        match ty {
            syn::Type::Array(a) => copyable(&a.elem),
            syn::Type::Paren(p) => copyable(&p.elem),
            syn::Type::Path(p) => {
                p.qself.is_none()
                    && p.path.segments.len() == 1
                    && matches!(p.path.segments[0].arguments, syn::PathArguments::None)
                    && {
                        let s = p.path.segments[0].ident.to_string();
                        s == "f64"
                            || s == "f32"
                            || (s.starts_with(|c: char| c.is_uppercase())
                                && !matches!(s.as_str(), "String" | "Vec" | "Box"))
                    }
            }
            _ => false,
        }
    }
    // A struct made from constants by a call in a body lifted to dual numbers
    // (`V2::new(1.0, -9.81)`): its constant twin.
    let relift = twin_ok(data).then(|| {
        quote! {
            impl #pv::Relift for #name {
                type Out = #twin;
                #[inline]
                fn relift(self) -> #twin {
                    #pv::LiftDual::lift_const(&self)
                }
            }
            impl #pv::Relift for #twin {
                type Out = #twin;
                #[inline(always)]
                fn relift(self) -> #twin {
                    self
                }
            }
            impl #pv::StructElem for #twin {}
            // A `Vec` of the struct lifted (`layers: Vec<Layer>`): plainly allocated (the
            // pool holds vectors of dual numbers only).
            impl #pv::PoolOrAlloc for #twin {
                fn make(
                    _: usize,
                    items: impl ::core::iter::Iterator<Item = Self>,
                ) -> ::std::vec::Vec<Self> {
                    items.collect()
                }
                fn give(_: ::std::vec::Vec<Self>) {}
            }
        }
    });
    let copy = data.fields.iter().all(|f| copyable(&f.ty)).then(|| {
        quote! {
            impl ::core::marker::Copy for #twin
            where
                for<'__ad> #name: ::core::marker::Copy,
                #(for<'__ad> #field_types: ::core::marker::Copy,)*
            {}
        }
    });
    quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types, dead_code)]
        // `Clone` so that `s.clone()` of a struct in a body lifted to dual numbers copies the
        // twin, as it copies the struct (no-derivative fields are cloned when lifting already).
        #[derive(Clone)]
        #definition
        #copy
        impl #pv::LiftDual for #name {
            type Out = #twin;
            fn lift(&self, t: &Self) -> #twin {
                #twin { #(#lifts,)* #(#clones,)* }
            }
            fn lift_const(&self) -> #twin {
                #twin { #(#consts,)* #(#clones,)* }
            }
        }
        #relift
        impl #pv::SplitDual for #twin {
            type Out = #name;
            fn split(self) -> (#name, #name) {
                #(#splits)*
                (#name { #(#re,)* #(#fixed_re,)* }, #name { #(#eps,)* #(#fixed_eps,)* })
            }
        }
        impl #pv::Recycle for #twin {
            fn recycle(self) {}
        }
        impl #rt::Differentiable for #twin {
            type Tangent = #twin;
            fn zero_tangent(&self) -> #twin {
                #twin { #(#zero_tangent,)* #(#clones,)* }
            }
        }
        impl #rt::Zero for #twin {
            fn zero() -> #twin {
                #twin { #(#zero,)* #(#fixed_default,)* }
            }
        }
        impl #rt::Accumulate for #twin {
            fn accumulate(&mut self, g: #twin) {
                #(#rt::Accumulate::accumulate(&mut self.#d, g.#d);)*
            }
        }
        impl #rt::FieldRead for #twin {
            type Out<'a> = &'a #twin;
            #[inline(always)]
            fn read(&self) -> &#twin {
                self
            }
        }
        impl #pv::DualRead for #twin {
            type Out<'a> = &'a #twin;
            #[inline(always)]
            fn read_dual(&self) -> &#twin {
                self
            }
        }
        impl #pv::DualRead for #name {
            type Out<'a> = &'a #name;
            #[inline(always)]
            fn read_dual(&self) -> &#name {
                self
            }
        }
    }
}

/// Whether every field of the struct has a dual form, as far as its type shows (a field of a
/// type such as `String` without `#[no_derivative]` makes the twin ill-formed: its own error
/// names the field, and the impls on the twin are left out so as not to repeat it).
fn twin_ok(data: &syn::DataStruct) -> bool {
    data.fields.iter().all(|f| {
        constant_field(f)
            || !matches!(&f.ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| {
                matches!(s.ident.to_string().as_str(),
                    "String" | "str" | "Option" | "Box" | "Rc" | "Arc" | "HashMap" | "BTreeMap"
                    | "HashSet" | "BTreeSet" | "Cell" | "RefCell" | "Mutex" | "bool" | "usize"
                    | "isize" | "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64"
                    | "char")
            }))
    })
}

/// Whether the field is a constant of the struct: `#[no_derivative]`, or of a type without
/// floats, which has no derivative to lose (integers, `bool`, `char`, `String`, and standard
/// containers, arrays, references and tuples of those), or of a type [`float_in_wrapper`]
/// rejects (after its error).
fn constant_field(f: &syn::Field) -> bool {
    f.attrs.iter().any(|a| a.path().is_ident("no_derivative"))
        || float_free(&f.ty)
        || float_in_wrapper(&f.ty).is_some()
}

/// Standard containers: a float inside one is not differentiated (see [`float_in_wrapper`]).
const WRAPPERS: &[&str] = &[
    "Option", "Result", "HashMap", "BTreeMap", "HashSet", "BTreeSet", "VecDeque", "Box", "Rc",
    "Arc", "Cell", "RefCell", "Mutex",
];

/// A type built only from non-float primitives and standard containers of them.
fn float_free(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => float_free(&r.elem),
        syn::Type::Slice(s) => float_free(&s.elem),
        syn::Type::Array(a) => float_free(&a.elem),
        syn::Type::Paren(p) => float_free(&p.elem),
        syn::Type::Group(g) => float_free(&g.elem),
        syn::Type::Tuple(t) => t.elems.iter().all(float_free),
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match &last.arguments {
                syn::PathArguments::None => {
                    matches!(name.as_str(), "bool" | "char" | "String" | "str")
                        || crate::ir::INT_TYPES.contains(&name.as_str())
                }
                syn::PathArguments::AngleBracketed(a)
                    if name == "Vec" || WRAPPERS.contains(&name.as_str()) =>
                {
                    a.args.iter().all(|g| match g {
                        syn::GenericArgument::Type(t) => float_free(t),
                        syn::GenericArgument::Lifetime(_) => true,
                        _ => false,
                    })
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// The standard container holding floats in `ty` (`Option<f64>`: `Option`), if any.
fn float_in_wrapper(ty: &syn::Type) -> Option<String> {
    let syn::Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    let name = last.ident.to_string();
    let mentions_float = quote!(#ty)
        .to_string()
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|w| w == "f64" || w == "f32");
    (WRAPPERS.contains(&name.as_str()) && mentions_float).then_some(name)
}
