//! Reverse mode of a `#[checkpoint]` loop (see `front/checkpoint.rs` and [`Checkpoint`]).
//!
//! The loop is one statement `s = step(..)` of the IR. Its forward sweep runs the loop and
//! records nothing per step: the statement's saved old value (restore-on-reverse) is the
//! initial state. Its reverse hands that state, the step and the step's reverse to
//! `ad_runtime::checkpoint::reverse_loop`, which runs the binomial schedule: the step's
//! reverse calls `step_pullback` on the state it is given (one forward pass of the step, its
//! callee pullback used at once), adds the other arguments' cotangents into their adjoints,
//! and returns the state's. On dual numbers (second order) the same code calls
//! `step_hvp_pullback`.

use super::*;

impl Gen<'_> {
    /// `g`'s arguments for one step inside the generated closures (or the forward loop):
    /// the state by its form, the rest as the callee call of a recompute call prints them.
    fn step_args(&self, ck: &Checkpoint, args: &[Atom], reverse: bool) -> Vec<TokenStream> {
        let s = self.v(ck.state);
        args[..ck.n_args]
            .iter()
            .enumerate()
            .map(|(k, a)| {
                if k == ck.state_arg {
                    return match ck.state_form {
                        StateForm::Ref => quote!(&#s),
                        StateForm::Move => quote!(#s),
                        StateForm::Clone => quote!(::core::clone::Clone::clone(&#s)),
                    };
                }
                if !reverse {
                    return self.owned_operand(a);
                }
                match (self.func.borrow_def(a), a) {
                    // Borrows of locals are re-made: the forward sweep's temporaries are not
                    // in the reverse sweep's scope.
                    (Some(def), _) => self.fwd_op(def, false),
                    (None, Atom::Var(v))
                        if !self.an.kinds[*v].is_scalar() && !self.holds_ref(*v) =>
                    {
                        let i = self.v(*v);
                        quote!(::core::clone::Clone::clone(&#i))
                    }
                    (None, _) => self.atom(a),
                }
            })
            .collect()
    }

    /// `lo..hi` or `lo..=hi`.
    fn step_range(&self, ck: &Checkpoint, args: &[Atom]) -> TokenStream {
        let (lo, hi) = (self.atom(&args[ck.n_args]), self.atom(&args[ck.n_args + 1]));
        if ck.inclusive {
            quote!(#lo..=#hi)
        } else {
            quote!(#lo..#hi)
        }
    }

    /// One step's value: `g(args)`, or on dual numbers the value of `g`'s dual pullback
    /// (bound before it is stored: the pullback, a temporary that borrows the state, is
    /// dropped at the end of the `let`).
    fn step_value(&self, func: &syn::Path, args: Vec<TokenStream>) -> TokenStream {
        if self.func.dual {
            let pb = self.pullback_path(func);
            let next = mixed("__next");
            quote!({ let #next = #pb(#(#args),*).0; #next })
        } else {
            quote!(#func(#(#args),*))
        }
    }

    /// The forward sweep of the loop: an expression whose value is the final state.
    pub(super) fn checkpoint_primal(
        &self,
        ck: &Checkpoint,
        func: &syn::Path,
        args: &[Atom],
    ) -> TokenStream {
        let s = self.v(ck.state);
        let pat = &ck.pat;
        let range = self.step_range(ck, args);
        let step = self.step_value(func, self.step_args(ck, args, false));
        quote!({
            let mut #s = ::core::clone::Clone::clone(&#s);
            for #pat in #range {
                #s = #step;
            }
            #s
        })
    }

    /// The reverse of the loop: the cotangent `g` of the final state pulled back through
    /// every step by the schedule, into the initial state's adjoint (the state holds the
    /// initial value here, restored by the statement) and the arguments' adjoints.
    pub(super) fn checkpoint_partials(
        &self,
        ck: &Checkpoint,
        func: &syn::Path,
        args: &[Atom],
        g: &Ident,
        span: Span,
    ) -> TokenStream {
        let rt = rt_at(span);
        let s = self.v(ck.state);
        let pat = &ck.pat;
        let range = self.step_range(ck, args);
        let step_args = self.step_args(ck, args, true);
        let step = self.step_value(func, step_args.clone());
        let pb = self.pullback_path(func);
        let (gs, gc, g0) = (mixed("__gs"), mixed("__gc"), mixed("__g0"));
        let mut accs = TokenStream::new();
        for (k, a) in args[..ck.n_args].iter().enumerate() {
            if k == ck.state_arg {
                continue;
            }
            if let Some(v) = a.var().filter(|v| self.an.adj(*v)) {
                let d = self.adj(v);
                let idx = syn::Index::from(k);
                accs.extend(quote_spanned!(span=> #rt::acc_arg(&mut #d, #gs.#idx);));
            }
        }
        let state_idx = syn::Index::from(ck.state_arg);
        let snapshots = if ck.snapshots {
            let k = self.atom(&args[ck.n_args + 2]);
            quote!(::core::option::Option::Some((#k) as usize))
        } else {
            quote!(::core::option::Option::None)
        };
        let mut out = quote_spanned!(span=>
            let #g0 = ::ad_runtime::checkpoint::reverse_loop(
                #range,
                #snapshots,
                ::core::clone::Clone::clone(&#s),
                |#s, #pat| #step,
                |#s, #pat, #gc| {
                    let #gs = #pb(#(#step_args),*).1(#gc);
                    #accs
                    #gs.#state_idx
                },
                #g,
            );
        );
        if self.an.adj(ck.state) {
            let d = self.adj(ck.state);
            out.extend(quote_spanned!(span=> #rt::acc_arg(&mut #d, #g0);));
        }
        out
    }
}
