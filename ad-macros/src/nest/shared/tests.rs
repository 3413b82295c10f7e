//! Unit tests of the unifier and of the sweep read from the dual side alone.

use super::*;

fn unify(a: TokenStream, b: TokenStream) -> Option<String> {
    let a: Vec<TokenTree> = a.into_iter().collect();
    let b: Vec<TokenTree> = b.into_iter().collect();
    Unify {
        float: "f64",
        changed: false,
    }
    .seq(&a, &b)
    .map(|t| t.into_iter().collect::<TokenStream>().to_string())
}

#[test]
fn the_scalars_differences_unify() {
    let first = quote! {
        let mut t = ::ad_runtime::__private::Tape::new();
        let s: f64 = 0.5 * x;
        let (y, pb) = m::g_pullback(s, n);
        let c = vec![0.0; n];
        let r = n as f64;
        let k = s as usize;
        let u = f64::max(s, 2.0);
        let v = ::ad_runtime::__private::iter_sum(&c);
        let w = m::h(&c, 1.0);
    };
    let dual = quote! {
        let mut t = ::ad_runtime::__private::Tape::<_, __AdHvpM>::in_mode();
        let s: ::ad_runtime::Dual<f64> = ::ad_runtime::Dual::cst(0.5) * x;
        let (y, pb) = m::g_hvp_pullback::<__AdHvpM>(s, n);
        let c = vec![(::ad_runtime::Dual::cst(0.0)); n];
        let r = ::ad_runtime::__private::dual_cast::<f64, _>(n);
        let k = ::ad_runtime::__private::undual(s) as usize;
        let u = s.max(::ad_runtime::Dual::cst(2.0));
        let v = { let __ad_value = ::ad_runtime::__private::iter_sum_pullback(&c).0; __ad_value };
        let w = { let __ad_value = m::h_hvp_pullback::<__AdHvpM>(&c, ::ad_runtime::Dual::cst(1.0)).0; __ad_value };
    };
    let got = unify(first, dual.clone()).expect("one body up to the scalar");
    let want = quote! {
        let mut t = ::ad_runtime::__private::Tape::<_, __AdHvpM>::in_mode();
        let s: __AdS = <__AdS as ::ad_runtime::__private::Scalar<f64>>::cst(0.5) * x;
        let (y, pb) = m::g_sweep::<__AdS, __AdHvpM>(s, n);
        let c = vec![(<__AdS as ::ad_runtime::__private::Scalar<f64>>::cst(0.0)); n];
        let r = ::ad_runtime::__private::scalar_cast::<__AdS, f64, _>(n);
        let k = ::ad_runtime::__private::undual(s) as usize;
        let u = s.max(<__AdS as ::ad_runtime::__private::Scalar<f64>>::cst(2.0));
        let v = ::ad_runtime::__private::iter_sum(&c);
        let w = {
            let __ad_value = m::h_sweep::<__AdS, ::ad_runtime::__private::NoRecord>(
                &c,
                <__AdS as ::ad_runtime::__private::Scalar<f64>>::cst(1.0)
            ).0;
            __ad_value
        };
    };
    assert_eq!(got, want.to_string());
    // The dual side alone gives the same tokens.
    assert_eq!(generalize::generalized(dual).as_deref(), Some(got.as_str()));
}

#[test]
fn other_differences_keep_two_sweeps() {
    // A method, a callee through a type, a cast to another float, another constant, a
    // value-only call of a function the scalar cannot call.
    for (first, dual) in [
        (
            quote!(x.g_pullback(s)),
            quote!(x.g_hvp_pullback::<__AdHvpM>(s)),
        ),
        (
            quote!(Self::g_pullback(s)),
            quote!(Self::g_hvp_pullback::<__AdHvpM>(s)),
        ),
        (
            quote!(v as f32),
            quote!(::ad_runtime::__private::dual_cast::<f32, _>(v)),
        ),
        (
            quote!(x.h(&c)),
            quote!({
                let __ad_value = x.h_hvp_pullback::<__AdHvpM>(&c).0;
                __ad_value
            }),
        ),
        (
            quote!(::ad_runtime::__private::to_vec(&c)),
            quote!({
                let __ad_value = ::ad_runtime::__private::dot_pullback(&c).0;
                __ad_value
            }),
        ),
        (quote!(0.5 * x), quote!(::ad_runtime::Dual::cst(0.25) * x)),
        (
            quote!(g_grad_pullback(s)),
            quote!(g_grad_hvp_pullback::<__AdHvpM>(s)),
        ),
        (
            quote!(let a: Array1<f64> = z;),
            quote!(let a: Array1<::ad_runtime::Dual<f64>> = z;),
        ),
    ] {
        assert_eq!(unify(first.clone(), dual), None, "{first}");
    }
}

#[test]
fn the_dual_side_alone_refuses_what_the_table_does_not_cover() {
    for dual in [
        // A float constant of another name, lifted by conversion.
        quote!(let c = ::ad_runtime::Dual::from(k);),
        // A checkpointed call's arguments.
        quote!(let y = { let __next = g_hvp_pullback::<__AdHvpM>(::ad_runtime::__private::Relift::relift(x)).0; __next };),
        // A value-only call outside the block the lift writes.
        quote!(let y = g_hvp_pullback::<__AdHvpM>(x).0;),
        // A value-only call of a runtime function that is not generic over the element.
        quote!(let y = { let __ad_value = ::ad_runtime::__private::dot_pullback(&c).0; __ad_value };),
        // A method or a callee reached through a type, nested differentiation.
        quote!(let (y, pb) = x.g_hvp_pullback::<__AdHvpM>(s);),
        quote!(let (y, pb) = Self::g_hvp_pullback::<__AdHvpM>(s);),
        quote!(let (y, pb) = g_grad_hvp_pullback::<__AdHvpM>(s);),
        // A float constant the lift left plain (a mixed product).
        quote!(let y = std::f64::consts::PI * x;),
        // Another float, array code.
        quote!(let y = ::ad_runtime::__private::dual_cast::<f32, _>(n);),
        quote!(let a: Array1<::ad_runtime::Dual<f64>> = z;),
    ] {
        assert_eq!(generalize::generalized(dual.clone()), None, "{dual}");
    }
    // A user's name that merely contains the word is not refused.
    assert!(generalize::generalized(quote!(let residual = x - y;)).is_some());
}
