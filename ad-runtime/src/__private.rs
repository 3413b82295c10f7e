//! Paths used by generated code only. Not a public API: names and signatures may change in
//! any release. Everything here is reached as `::ad_runtime::__private::...`.

pub use crate::dual::{
    Dual, KeepOther, LiftDual, LiftFloat, LiftProbe, PoolOrAlloc, Recycle, Relift, Scalar,
    SplitArg, SplitDual, dual_cast, scalar_cast, undual, undual_ref, undual_seq,
};
pub use crate::forward::*;
pub use crate::jacobian::*;
pub use crate::rules::arith::*;
pub use crate::rules::rows::*;
pub use crate::rules::scalar::*;
pub use crate::rules::slice::*;
pub use crate::rules::tensor::{
    Same, ToScalar, array_from_shape_vec, array_from_shape_vec_pullback, array_from_vec,
    array_from_vec_pullback, assigned, assigned_pullback,
};
pub use crate::structs::{
    DualRead, DualReadByTrait, DualReadProbe, Owned, ReadByCopy, ReadByRef, ReadByTrait, ReadProbe,
    owned, read, read_dual,
};
pub use crate::tape::{NoRecord, Recording, Tape};
pub use crate::traits::{Accumulate, Differentiable, Real, StructElem, Zero};

/// The fold of a max `fold_axis` (`|&m, &v| m.max(v)`), generic so that an untyped init
/// (`0.0`) takes the elements' type.
#[inline(always)]
pub fn fold_max<F: num_traits::Float>(a: F, b: F) -> F {
    a.max(b)
}

/// The fold of a min `fold_axis` (see [`fold_max`]).
#[inline(always)]
pub fn fold_min<F: num_traits::Float>(a: F, b: F) -> F {
    a.min(b)
}

/// `f_vjp` of a function with a `Vec` result: the seed must have the result's length (a
/// shorter one would be padded with zeros, a longer one cut, silently).
///
/// # Panics
/// When the lengths differ.
#[track_caller]
pub fn check_seed_len<T>(seed: &[T], y: &[T]) {
    assert!(
        seed.len() == y.len(),
        "the seed (the output cotangent) has {} entries, the result {}",
        seed.len(),
        y.len()
    );
}

/// Ends the life of a forward value the rest of the reverse sweep no longer reads (an
/// `ndarray` array, a `Vec`): its memory is free for the sweep's later allocations. Works for
/// `Copy` values (views) too, where it does nothing.
#[inline(always)]
pub fn release<T>(_: T) {}

/// The tensor-path rules (`ndarray` arrays and values not proven scalar).
pub mod tensor {
    pub use crate::rules::tensor::*;
}

/// `*d += g`.
#[inline(always)]
pub fn acc<T: Accumulate>(d: &mut T, g: T) {
    d.accumulate(g);
}

/// A shape-free zero cotangent, its type inferred from use.
#[inline(always)]
pub fn zero<T: Zero>() -> T {
    T::zero()
}

/// A zero cotangent shaped like `x` (used for parameters, whose gradients are returned).
#[inline(always)]
pub fn zero_like<T: Differentiable + ?Sized>(x: &T) -> T::Tangent {
    x.zero_tangent()
}

/// A zero-sized token of a local buffer's cotangent element type, made in the forward sweep
/// next to the buffer, so that the reverse sweep's [`Zeros::zeros`] has its type even when
/// nothing else there says it.
pub struct Zeros<T>(core::marker::PhantomData<fn() -> T>);

impl<T> Clone for Zeros<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Zeros<T> {}

/// The [`Zeros`] token of the buffer `b`.
#[inline(always)]
pub fn zeros_of<T: Differentiable>(_b: &[T]) -> Zeros<T::Tangent> {
    Zeros(core::marker::PhantomData)
}

impl<T: Zero + Clone> Zeros<T> {
    /// The zero cotangent of a local buffer of length `n` (`vec![c; n]`, never resized).
    #[inline(always)]
    pub fn zeros(self, n: usize) -> Vec<T> {
        vec![T::zero(); n]
    }
}

/// Takes the cotangent out of an adjoint slot, leaving zero (the slot's variable is about to
/// be restored to an older value, whose cotangent starts from zero).
#[inline(always)]
pub fn take<T: Zero>(d: &mut T) -> T {
    core::mem::replace(d, T::zero())
}

/// The `k`-th value (from 0) of the range `lo..` for the integer type of `lo`.
#[inline(always)]
pub fn range_up<I: RangeIndex>(lo: I, k: usize) -> I {
    I::up(lo, k)
}

/// The `k`-th value (from 0) of `(..hi).rev()` (exclusive `hi`).
#[inline(always)]
pub fn range_down<I: RangeIndex>(hi: I, k: usize) -> I {
    I::down(hi, k)
}

/// The `k`-th value (from 0) of `(..=hi).rev()` (inclusive `hi`).
#[inline(always)]
pub fn range_down_incl<I: RangeIndex>(hi: I, k: usize) -> I {
    I::down_incl(hi, k)
}

/// Undoes the counter step `i += k` in the reverse sweep (`i -= k`, wrapping like the forward
/// step in release builds, so the old value comes back exactly).
#[inline(always)]
pub fn undo_add<I: Counter>(i: &mut I, k: I) {
    *i = i.sub_wrapping(k);
}

/// Undoes the counter step `i -= k` in the reverse sweep (`i += k`, wrapping).
#[inline(always)]
pub fn undo_sub<I: Counter>(i: &mut I, k: I) {
    *i = i.add_wrapping(k);
}

/// Integer types whose steps `i += k`, `i -= k` the reverse sweep undoes by the inverse step.
pub trait Counter: Copy {
    /// `self - k`, wrapping.
    fn sub_wrapping(self, k: Self) -> Self;
    /// `self + k`, wrapping.
    fn add_wrapping(self, k: Self) -> Self;
}

macro_rules! counter {
    ($($t:ty),*) => {$(
        impl Counter for $t {
            #[inline(always)]
            fn sub_wrapping(self, k: Self) -> Self { self.wrapping_sub(k) }
            #[inline(always)]
            fn add_wrapping(self, k: Self) -> Self { self.wrapping_add(k) }
        }
    )*};
}
counter!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

/// Integer types that can be loop counters of a `for` over a range.
pub trait RangeIndex: Copy {
    /// `lo + k`.
    fn up(lo: Self, k: usize) -> Self;
    /// `hi - 1 - k`.
    fn down(hi: Self, k: usize) -> Self;
    /// `hi - k`.
    fn down_incl(hi: Self, k: usize) -> Self;
}

macro_rules! range_index {
    ($($t:ty),*) => {$(
        impl RangeIndex for $t {
            #[inline(always)]
            fn up(lo: Self, k: usize) -> Self { lo + k as $t }
            #[inline(always)]
            fn down(hi: Self, k: usize) -> Self { hi - 1 - k as $t }
            #[inline(always)]
            fn down_incl(hi: Self, k: usize) -> Self { hi - k as $t }
        }
    )*};
}
range_index!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

/// Element `K` of a tuple cotangent (the adjoint of `t.K`). A trait rather than a field
/// access so that the tuple's type may still be inferred when the access is generated.
pub trait TupleField<const K: usize> {
    /// The element type.
    type Out;
    /// The element.
    fn field_mut(&mut self) -> &mut Self::Out;
}

/// `d += g` for the adjoint `d` of a sequence built in the body (a `Vec`, from `[x, y]` or
/// `vec![..]`) and the cotangent `g` of a struct field it became (a `Vec` or a fixed-size
/// array): element by element.
#[inline(always)]
pub fn acc_seq<D: AccumulateSeq<G>, G>(d: &mut D, g: G) {
    d.accumulate_seq(g);
}

/// See [`acc_seq`].
pub trait AccumulateSeq<G> {
    /// `self += g`, element by element.
    fn accumulate_seq(&mut self, g: G);
}

impl<T: Accumulate + Zero> AccumulateSeq<Vec<T>> for Vec<T> {
    #[inline(always)]
    fn accumulate_seq(&mut self, g: Vec<T>) {
        self.accumulate(g);
    }
}

impl<T: Accumulate + Zero, const N: usize> AccumulateSeq<[T; N]> for Vec<T> {
    #[inline(always)]
    fn accumulate_seq(&mut self, g: [T; N]) {
        // In place (no `Vec` made of `g`); the adjoint grows to `N` if it is shorter.
        if self.len() < N {
            self.resize_with(N, T::zero);
        }
        for (a, b) in self.iter_mut().zip(g) {
            a.accumulate(b);
        }
    }
}

impl<T: Accumulate, const N: usize> AccumulateSeq<Vec<T>> for [T; N] {
    /// A local copy's `Vec` adjoint (locals built from arrays have `Vec` adjoints) into the
    /// fixed-size array adjoint of the parameter it copied; the `Vec` may be shorter (it
    /// grows only as far as its elements were used).
    #[inline(always)]
    fn accumulate_seq(&mut self, g: Vec<T>) {
        assert!(
            g.len() <= N,
            "cotangent of length {} for an array of length {N}",
            g.len()
        );
        for (a, b) in self.iter_mut().zip(g) {
            a.accumulate(b);
        }
    }
}

impl<T: Accumulate, const N: usize> AccumulateSeq<[T; N]> for [T; N] {
    #[inline(always)]
    fn accumulate_seq(&mut self, g: [T; N]) {
        self.accumulate(g);
    }
}

/// `d.K += g` for a tuple cotangent `d`.
#[inline(always)]
pub fn acc_field<const K: usize, T: TupleField<K>>(d: &mut T, g: T::Out)
where
    T::Out: Accumulate,
{
    d.field_mut().accumulate(g);
}

#[rustfmt::skip]
mod tuple_fields {
    use super::TupleField;
    impl<A> TupleField<0> for (A,) { type Out = A; #[inline(always)] fn field_mut(&mut self) -> &mut A { &mut self.0 } }
    impl<A,B> TupleField<0> for (A,B,) { type Out = A; #[inline(always)] fn field_mut(&mut self) -> &mut A { &mut self.0 } }
    impl<A,B> TupleField<1> for (A,B,) { type Out = B; #[inline(always)] fn field_mut(&mut self) -> &mut B { &mut self.1 } }
    impl<A,B,C> TupleField<0> for (A,B,C,) { type Out = A; #[inline(always)] fn field_mut(&mut self) -> &mut A { &mut self.0 } }
    impl<A,B,C> TupleField<1> for (A,B,C,) { type Out = B; #[inline(always)] fn field_mut(&mut self) -> &mut B { &mut self.1 } }
    impl<A,B,C> TupleField<2> for (A,B,C,) { type Out = C; #[inline(always)] fn field_mut(&mut self) -> &mut C { &mut self.2 } }
    impl<A,B,C,D> TupleField<0> for (A,B,C,D,) { type Out = A; #[inline(always)] fn field_mut(&mut self) -> &mut A { &mut self.0 } }
    impl<A,B,C,D> TupleField<1> for (A,B,C,D,) { type Out = B; #[inline(always)] fn field_mut(&mut self) -> &mut B { &mut self.1 } }
    impl<A,B,C,D> TupleField<2> for (A,B,C,D,) { type Out = C; #[inline(always)] fn field_mut(&mut self) -> &mut C { &mut self.2 } }
    impl<A,B,C,D> TupleField<3> for (A,B,C,D,) { type Out = D; #[inline(always)] fn field_mut(&mut self) -> &mut D { &mut self.3 } }
    impl<A,B,C,D,E> TupleField<0> for (A,B,C,D,E,) { type Out = A; #[inline(always)] fn field_mut(&mut self) -> &mut A { &mut self.0 } }
    impl<A,B,C,D,E> TupleField<1> for (A,B,C,D,E,) { type Out = B; #[inline(always)] fn field_mut(&mut self) -> &mut B { &mut self.1 } }
    impl<A,B,C,D,E> TupleField<2> for (A,B,C,D,E,) { type Out = C; #[inline(always)] fn field_mut(&mut self) -> &mut C { &mut self.2 } }
    impl<A,B,C,D,E> TupleField<3> for (A,B,C,D,E,) { type Out = D; #[inline(always)] fn field_mut(&mut self) -> &mut D { &mut self.3 } }
    impl<A,B,C,D,E> TupleField<4> for (A,B,C,D,E,) { type Out = E; #[inline(always)] fn field_mut(&mut self) -> &mut E { &mut self.4 } }
    impl<A,B,C,D,E,F> TupleField<0> for (A,B,C,D,E,F,) { type Out = A; #[inline(always)] fn field_mut(&mut self) -> &mut A { &mut self.0 } }
    impl<A,B,C,D,E,F> TupleField<1> for (A,B,C,D,E,F,) { type Out = B; #[inline(always)] fn field_mut(&mut self) -> &mut B { &mut self.1 } }
    impl<A,B,C,D,E,F> TupleField<2> for (A,B,C,D,E,F,) { type Out = C; #[inline(always)] fn field_mut(&mut self) -> &mut C { &mut self.2 } }
    impl<A,B,C,D,E,F> TupleField<3> for (A,B,C,D,E,F,) { type Out = D; #[inline(always)] fn field_mut(&mut self) -> &mut D { &mut self.3 } }
    impl<A,B,C,D,E,F> TupleField<4> for (A,B,C,D,E,F,) { type Out = E; #[inline(always)] fn field_mut(&mut self) -> &mut E { &mut self.4 } }
    impl<A,B,C,D,E,F> TupleField<5> for (A,B,C,D,E,F,) { type Out = F; #[inline(always)] fn field_mut(&mut self) -> &mut F { &mut self.5 } }
    impl<A,B,C,D,E,F,G> TupleField<0> for (A,B,C,D,E,F,G,) { type Out = A; #[inline(always)] fn field_mut(&mut self) -> &mut A { &mut self.0 } }
    impl<A,B,C,D,E,F,G> TupleField<1> for (A,B,C,D,E,F,G,) { type Out = B; #[inline(always)] fn field_mut(&mut self) -> &mut B { &mut self.1 } }
    impl<A,B,C,D,E,F,G> TupleField<2> for (A,B,C,D,E,F,G,) { type Out = C; #[inline(always)] fn field_mut(&mut self) -> &mut C { &mut self.2 } }
    impl<A,B,C,D,E,F,G> TupleField<3> for (A,B,C,D,E,F,G,) { type Out = D; #[inline(always)] fn field_mut(&mut self) -> &mut D { &mut self.3 } }
    impl<A,B,C,D,E,F,G> TupleField<4> for (A,B,C,D,E,F,G,) { type Out = E; #[inline(always)] fn field_mut(&mut self) -> &mut E { &mut self.4 } }
    impl<A,B,C,D,E,F,G> TupleField<5> for (A,B,C,D,E,F,G,) { type Out = F; #[inline(always)] fn field_mut(&mut self) -> &mut F { &mut self.5 } }
    impl<A,B,C,D,E,F,G> TupleField<6> for (A,B,C,D,E,F,G,) { type Out = G; #[inline(always)] fn field_mut(&mut self) -> &mut G { &mut self.6 } }
    impl<A,B,C,D,E,F,G,H> TupleField<0> for (A,B,C,D,E,F,G,H,) { type Out = A; #[inline(always)] fn field_mut(&mut self) -> &mut A { &mut self.0 } }
    impl<A,B,C,D,E,F,G,H> TupleField<1> for (A,B,C,D,E,F,G,H,) { type Out = B; #[inline(always)] fn field_mut(&mut self) -> &mut B { &mut self.1 } }
    impl<A,B,C,D,E,F,G,H> TupleField<2> for (A,B,C,D,E,F,G,H,) { type Out = C; #[inline(always)] fn field_mut(&mut self) -> &mut C { &mut self.2 } }
    impl<A,B,C,D,E,F,G,H> TupleField<3> for (A,B,C,D,E,F,G,H,) { type Out = D; #[inline(always)] fn field_mut(&mut self) -> &mut D { &mut self.3 } }
    impl<A,B,C,D,E,F,G,H> TupleField<4> for (A,B,C,D,E,F,G,H,) { type Out = E; #[inline(always)] fn field_mut(&mut self) -> &mut E { &mut self.4 } }
    impl<A,B,C,D,E,F,G,H> TupleField<5> for (A,B,C,D,E,F,G,H,) { type Out = F; #[inline(always)] fn field_mut(&mut self) -> &mut F { &mut self.5 } }
    impl<A,B,C,D,E,F,G,H> TupleField<6> for (A,B,C,D,E,F,G,H,) { type Out = G; #[inline(always)] fn field_mut(&mut self) -> &mut G { &mut self.6 } }
    impl<A,B,C,D,E,F,G,H> TupleField<7> for (A,B,C,D,E,F,G,H,) { type Out = H; #[inline(always)] fn field_mut(&mut self) -> &mut H { &mut self.7 } }
}

/// The cotangent slot a pullback returns for a parameter it does not differentiate
/// (integers, or parameters left out of `wrt(...)`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NotDifferentiated;

/// A cotangent a callee's pullback returns for one argument, added into the caller's adjoint.
pub trait ArgCotangent<T> {
    /// `*d += self`.
    fn add_to(self, d: &mut T);
}

impl<T: Accumulate> ArgCotangent<T> for T {
    #[inline(always)]
    fn add_to(self, d: &mut T) {
        d.accumulate(self);
    }
}

// A slice-taking callee's `Vec` cotangent for a fixed-size array argument, and an array
// cotangent for an argument whose adjoint is a `Vec` (a local `[c; N]` buffer).
impl<T: Accumulate, const N: usize> ArgCotangent<[T; N]> for Vec<T> {
    fn add_to(self, d: &mut [T; N]) {
        for (a, g) in d.iter_mut().zip(self) {
            a.accumulate(g);
        }
    }
}

impl<T: Accumulate + Zero, const N: usize> ArgCotangent<Vec<T>> for [T; N] {
    fn add_to(self, d: &mut Vec<T>) {
        d.accumulate(self.into_iter().collect());
    }
}

/// Never implemented: names the mistake when a differentiated value is passed to a
/// parameter that the callee does not differentiate.
#[diagnostic::on_unimplemented(
    message = "a differentiated value is passed to a parameter that the called function does not differentiate",
    label = "the callee has no derivative with respect to this argument",
    note = "add the parameter to the callee's `#[differentiable(wrt(...))]`, or pass a constant there"
)]
pub trait ParameterIsDifferentiated {}

impl<T: ParameterIsDifferentiated> ArgCotangent<T> for NotDifferentiated {
    fn add_to(self, _: &mut T) {}
}

/// `*d += g` for a call argument's cotangent (with a clear error when the callee does not
/// differentiate that parameter).
#[inline(always)]
pub fn acc_arg<T, G: ArgCotangent<T>>(d: &mut T, g: G) {
    g.add_to(d);
}

// ---- generic functions (see the macro's `generic` module) ------------------------------

/// Whether `A` and `B` are the same type (folded to a constant by the optimiser).
#[inline(always)]
pub fn same_type<A: 'static, B: 'static>() -> bool {
    core::any::TypeId::of::<A>() == core::any::TypeId::of::<B>()
}

/// `a` as the type `B`, which generated code guarantees is `A` itself (a generic function's
/// wrapper passes `&[T]` to the `f64` instantiation after testing `T == f64`): a move, no
/// conversion. The sizes are checked (a constant), and in debug builds the type names.
#[inline(always)]
pub fn cast_same<A, B>(a: A) -> B {
    assert!(
        core::mem::size_of::<A>() == core::mem::size_of::<B>()
            && core::mem::align_of::<A>() == core::mem::align_of::<B>(),
        "cast_same between different types"
    );
    debug_assert_eq!(
        core::any::type_name::<A>(),
        core::any::type_name::<B>(),
        "cast_same between different types"
    );
    let a = core::mem::ManuallyDrop::new(a);
    // SAFETY: `A` and `B` are the same type (see above), so the bits are a valid `B`, and
    // `a` is not dropped.
    unsafe { core::mem::transmute_copy::<A, B>(&*a) }
}

/// One of two values (the `f64` and `f32` pullbacks of a generic function behind one
/// closure type).
pub enum Either<A, B> {
    /// The first.
    A(A),
    /// The second.
    B(B),
}

/// Second order of a generic function exists at `f64` only: `CHECK` fails to compile where
/// a wrapper is instantiated at another type.
pub struct SecondOrderAtF64<T>(core::marker::PhantomData<T>);

impl<T> SecondOrderAtF64<T> {
    /// Evaluated where used.
    pub const CHECK: () = assert!(
        core::mem::size_of::<T>() == 8,
        "second order (`f_hvp`, `f_hessian`) of a function generic over its float type is instantiated at f64 only"
    );
}

/// Forward mode of a function generic over its float type whose `f32` instantiation has
/// none (arrays and struct parameters take forward mode through dual numbers, which that
/// instantiation leaves out): a compile error where used at `f32`.
pub struct ForwardAtF64<T>(core::marker::PhantomData<T>);

impl<T> ForwardAtF64<T> {
    /// Evaluated where used.
    pub const CHECK: () = assert!(
        core::mem::size_of::<T>() == 8,
        "forward mode (`f_jvp`, `f_jacobian`) of a function generic over its float type that takes ndarray arrays or struct parameters is instantiated at f64 only"
    );
}

/// The tangent type of a local struct whose fields the reverse sweep accumulates into
/// (`d.x += g` needs `d`'s type before any whole value reaches it): a zero-sized token made
/// next to the value in the forward sweep.
pub struct TangentToken<T>(core::marker::PhantomData<fn() -> T>);

impl<T> Clone for TangentToken<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for TangentToken<T> {}

impl<T: Zero> TangentToken<T> {
    /// The zero tangent.
    #[inline(always)]
    pub fn zero(self) -> T {
        T::zero()
    }
}

/// The [`TangentToken`] of `x`.
#[inline(always)]
pub fn tangent_token<T: Differentiable + ?Sized>(_x: &T) -> TangentToken<T::Tangent> {
    TangentToken(core::marker::PhantomData)
}

/// The type of a field of a `#[derive(Differentiable)]` struct, by the hash of its name
/// (implemented by the derive; see `FieldOf`).
pub trait FieldType<const H: u64> {
    /// The field's type.
    type T;
}

/// The type of field `H` of `S`: generated code calls a method on a field
/// (`self.inner.m(x)`) as `FieldOf::<Self, H>::m(&self.inner, x)`, whose type the attribute
/// cannot see.
pub type FieldOf<S, const H: u64> = <S as FieldType<H>>::T;

/// The element type of a sequence (`Vec<T>`, `[T]`, `[T; N]`), for methods called on an
/// element of a field or parameter whose type the attribute cannot see
/// (`for l in &self.layers { l.forward(h) }` is `ElemOf::<FieldOf::<Self, H>>::forward(l, h)`).
pub trait SeqElem {
    /// The element type.
    type E;
}

impl<T> SeqElem for Vec<T> {
    type E = T;
}

impl<T> SeqElem for [T] {
    type E = T;
}

impl<T, const N: usize> SeqElem for [T; N] {
    type E = T;
}

impl<S: SeqElem + ?Sized> SeqElem for &S {
    type E = S::E;
}

/// The element type of the sequence `S` (see [`SeqElem`]).
pub type ElemOf<S> = <S as SeqElem>::E;

/// Reading and writing field `H` of a `#[derive(Differentiable)]` struct (or of its dual twin),
/// for field writes in differentiated bodies.
#[diagnostic::on_unimplemented(
    message = "a field of `{Self}` is written in a #[differentiable] body, which needs `#[derive(Differentiable)]` on `{Self}`",
    label = "field written here",
    note = "field writes (`s.x = e;`) rebuild the struct with the field replaced; the derive provides that"
)]
pub trait FieldAccess<const H: u64>: FieldType<H> {
    /// The field.
    fn field(&self) -> &Self::T;
    /// The field, to write.
    fn field_mut(&mut self) -> &mut Self::T;
}

/// A field's cotangent accumulated into the struct's cotangent (`acc_member::<H, ..>(&mut
/// d_s, g)` for a read of field `H`): implemented by `#[derive(Differentiable)]` for each field,
/// as `acc` into the field, or as nothing for a `#[no_derivative]` field (whose slot in a
/// gradient stays the primal's clone, and which holds a plain float in the dual twin).
pub trait MemberAcc<const H: u64, G> {
    /// Adds `g` into the field (or ignores it).
    fn acc_member(&mut self, g: G);
}

/// See [`MemberAcc`].
#[inline(always)]
pub fn acc_member<const H: u64, S: MemberAcc<H, G>, G>(s: &mut S, g: G) {
    s.acc_member(g);
}

/// Field `H` of `s`, to write: the cotangent of a nested field read (`p.pos.x`) is
/// accumulated through `acc_member::<x>(member_mut::<pos, _>(&mut d_p), g)`, so `d_p`'s type
/// need not be known where it is (a field access `d_p.pos` would need it first).
#[inline(always)]
pub fn member_mut<const H: u64, S: FieldAccess<H>>(s: &mut S) -> &mut S::T {
    s.field_mut()
}

/// `s` with field `H` replaced by `v`: the front end reads `s.x = e;` as
/// `s = with_field::<_, H>(s, e);`, so a field write is differentiated like a call.
#[inline]
pub fn with_field<S: FieldAccess<H>, const H: u64>(mut s: S, v: S::T) -> S {
    *s.field_mut() = v;
    s
}

/// [`with_field`] and its pullback: the result's cotangent goes to `s` except at field `H`,
/// whose cotangent goes to `v`.
#[allow(clippy::type_complexity)] // the pullback's type is the calling convention
#[inline]
pub fn with_field_pullback<S, const H: u64>(
    s: S,
    v: S::T,
) -> (S, impl FnOnce(S) -> (S, S::T) + use<S, H>)
where
    S: FieldAccess<H> + Differentiable<Tangent = S>,
    S::T: Differentiable<Tangent = S::T>,
{
    (with_field(s, v), move |mut g: S| {
        let zero = g.field().zero_tangent();
        let gv = core::mem::replace(g.field_mut(), zero);
        (g, gv)
    })
}

/// [`with_field`] in forward mode: the tangent is the struct's tangent with field `H` replaced
/// by the value's tangent.
#[inline]
pub fn with_field_pushforward<S, const H: u64, A, B>(s: S, v: S::T, sa: A, sb: B) -> (S, S)
where
    S: FieldAccess<H> + crate::forward::DerivedStruct,
    S::T: Sized,
    A: crate::forward::TangentOf<S, Out = S>,
    B: crate::forward::TangentOf<S::T, Out = S::T>,
{
    let (ts, tv) = (sa.tangent(&s), sb.tangent(&v));
    (with_field(s, v), with_field(ts, tv))
}

/// A zero of the same type as `like` (an adjoint typed by another: a copy's, `let old = b;`,
/// by its source's).
#[inline(always)]
pub fn zero_as<T: crate::traits::Zero>(_like: &T) -> T {
    T::zero()
}

/// A zero of the cotangent type a pullback takes: the adjoint of a call's result whose
/// fields the reverse sweep accumulates into, typed before its first use.
#[inline(always)]
pub fn zero_for<T: crate::traits::Zero, R, F: FnOnce(T) -> R>(_pullback: &F) -> T {
    T::zero()
}

/// The cotangent of an argument of `g_grad` called in a differentiable body (nested
/// differentiation, `g_grad_pullback`): `r̄ ∇g + H Ḡ` from the gradient `grad = ∇g` and
/// `hv = H Ḡ` of one `g_hvp` along the gradient's cotangent `Ḡ`.
#[inline]
pub fn nested_cotangent<R: Into<f64>, G: crate::VectorSpace>(rbar: R, grad: G, mut hv: G) -> G {
    hv.add_scaled(rbar.into(), &grad);
    hv
}

/// A cotangent as long as its primal (`g_grad_pullback`): a `Vec` cotangent grows only to the
/// last entry the caller's reverse sweep wrote, but `g_hvp` takes it as a tangent of the
/// argument's length; the entries past it are zero. Floats and arrays (fixed-size and
/// ndarray, whose cotangents are full-sized) are unchanged.
pub trait PadTangent<P: ?Sized> {
    /// `self`, as long as `primal` (recursively, for nested sequences).
    fn pad_like(self, primal: &P) -> Self;
}

macro_rules! pad_float {
    ($($f:ty),*) => {$(
        impl PadTangent<$f> for $f {
            #[inline(always)]
            fn pad_like(self, _: &$f) -> $f {
                self
            }
        }
    )*};
}
pad_float!(f64, f32);

impl<P, T: PadTangent<P> + Default> PadTangent<[P]> for Vec<T> {
    fn pad_like(mut self, primal: &[P]) -> Vec<T> {
        if self.len() < primal.len() {
            self.resize_with(primal.len(), T::default);
        }
        self.into_iter()
            .zip(primal)
            .map(|(t, p)| t.pad_like(p))
            .collect()
    }
}

impl<P, T: PadTangent<P> + Default> PadTangent<Vec<P>> for Vec<T> {
    fn pad_like(self, primal: &Vec<P>) -> Vec<T> {
        self.pad_like(&primal[..])
    }
}

impl<P, T: PadTangent<P>, const N: usize> PadTangent<[P; N]> for [T; N] {
    fn pad_like(self, primal: &[P; N]) -> [T; N] {
        let mut k = 0;
        self.map(|t| {
            k += 1;
            t.pad_like(&primal[k - 1])
        })
    }
}

impl<F, S: ndarray::Data, D: ndarray::Dimension> PadTangent<ndarray::ArrayBase<S, D>>
    for ndarray::Array<F, D>
{
    #[inline]
    fn pad_like(self, _: &ndarray::ArrayBase<S, D>) -> Self {
        self
    }
}

/// [`PadTangent::pad_like`].
#[inline]
pub fn pad_like<P: ?Sized, T: PadTangent<P>>(t: T, primal: &P) -> T {
    t.pad_like(primal)
}

/// Marker types naming the operator traits (`op::Add`, ...), for [`OperatorRule`].
pub mod op {
    macro_rules! tags {
        ($($t:ident),*) => {$(
            /// The operator trait of the same name.
            pub struct $t;
        )*};
    }
    tags!(
        Add, Sub, Mul, Div, Rem, Neg, AddAssign, SubAssign, MulAssign, DivAssign, RemAssign
    );
}

/// `T` has a `#[differentiable]` impl of the operator trait `Op` (emitted with it): an
/// operator on `T` values that the macro writes as the trait's method (`a + b` as
/// `a.add(b)`) reaches that impl's generated functions, not those of an inherent method of
/// the same name, which method syntax would prefer.
#[diagnostic::on_unimplemented(
    message = "this operator on `{Self}` needs a `#[differentiable]` impl of its trait",
    label = "no `#[differentiable]` impl of the operator's trait for `{Self}`",
    note = "put `#[differentiable]` on the `impl` block of the operator's trait for `{Self}` and on its method; an inherent method named like the trait's method (`fn add` in `impl {Self}`) is not it: name it otherwise"
)]
pub trait OperatorRule<Op> {}

/// Compiles only where `T: OperatorRule<Op>` (see [`OperatorRule`]).
pub fn operator_rule<T: OperatorRule<Op> + ?Sized, Op>() {}
