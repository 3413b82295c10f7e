//! The arguments and results of `f_hvp` and `f_jvp` on dual numbers: parameters lifted with
//! their tangents (`LiftDual`), results split into values and tangents (`SplitDual`), and the
//! per-thread pool their vectors come from.

use super::Dual;
use num_traits::Float;

// ---- a per-thread pool of dual vectors --------------------------------------------------

/// Vectors of duals made and dropped once per `f_hvp` call (the lifted arguments, the dual
/// gradient) are taken from and given back to a small per-thread pool: for large `n` a fresh
/// vector per call goes to the system each time (glibc maps, or trims and regrows, blocks
/// above its thresholds), and its page faults cost more than the sweep itself (4x the
/// gradient's time at n = 10^4 without the pool, against 2.8x with it).
pub trait DualPool: Sized + 'static {
    /// Runs `f` on this thread's pool.
    fn with_pool<R>(f: impl FnOnce(&mut Vec<Vec<Self>>) -> R) -> R;
}

const POOL_SIZE: usize = 8;

macro_rules! pools {
    ($($f:ty),*) => {$(
        impl DualPool for Dual<$f> {
            fn with_pool<R>(f: impl FnOnce(&mut Vec<Vec<Self>>) -> R) -> R {
                thread_local! {
                    static POOL: core::cell::RefCell<Vec<Vec<Dual<$f>>>> =
                        const { core::cell::RefCell::new(Vec::new()) };
                }
                POOL.with(|p| f(&mut p.borrow_mut()))
            }
        }
    )*};
}
pools!(f64, f32);

/// A vector of the `n` elements of `items`, in memory from this thread's pool when it has a
/// block large enough.
pub fn pool_take<T: DualPool>(n: usize, items: impl Iterator<Item = T>) -> Vec<T> {
    // The smallest block that fits.
    let mut v = T::with_pool(|p| {
        match p
            .iter()
            .enumerate()
            .filter(|(_, b)| b.capacity() >= n)
            .min_by_key(|(_, b)| b.capacity())
        {
            Some((k, _)) => p.swap_remove(k),
            None => Vec::with_capacity(n),
        }
    });
    v.extend(items);
    v
}

/// Gives a vector's memory back to this thread's pool (dropped when the pool is full).
pub fn pool_give<T: DualPool>(mut v: Vec<T>) {
    v.clear();
    if v.capacity() == 0 {
        return;
    }
    T::with_pool(|p| {
        if p.len() < POOL_SIZE {
            p.push(v);
        } else if let Some((k, _)) = p
            .iter()
            .enumerate()
            .min_by_key(|(_, b)| b.capacity())
            .filter(|(_, b)| b.capacity() < v.capacity())
        {
            // Full: the smallest block makes room for a larger one (sizes change over a
            // program's life; the pool must follow the current ones).
            p[k] = v;
        }
    });
}

/// What `f_hvp` gives back after the call: a lifted argument's memory (a no-op for anything
/// but a vector of duals).
pub trait Recycle {
    /// Gives the memory back to the pool.
    fn recycle(self);
}

impl<T: PoolOrAlloc> Recycle for Vec<T> {
    fn recycle(self) {
        T::give(self)
    }
}

macro_rules! no_recycle {
    ($($t:ty),*) => {$(
        impl Recycle for $t {
            fn recycle(self) {}
        }
    )*};
}
no_recycle!(Dual<f64>, Dual<f32>);

impl<T, const N: usize> Recycle for [T; N] {
    fn recycle(self) {}
}

impl<F: Float, D: ndarray::Dimension> Recycle for ndarray::Array<Dual<F>, D> {
    fn recycle(self) {}
}

/// A parameter lifted to dual numbers for `f_hvp`: each float paired with its tangent
/// (`lift`) or with a zero tangent (`lift_const`, for parameters not differentiated).
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no derivative (no dual-number form)",
    label = "not differentiable",
    note = "a field of a `#[derive(Differentiable)]` struct must be a float, a `Vec`, a fixed-size array, an ndarray array or a derived struct; mark any other field `#[no_derivative]`"
)]
pub trait LiftDual {
    /// The lifted value: `Dual<F>` for a float, `Vec<Dual<F>>` for a slice or `Vec`,
    /// `[Dual<F>; N]` for an array.
    type Out;
    /// Pairs every float of `self` with the one at the same place in `t`.
    ///
    /// # Panics
    /// When `t` is shorter than `self`.
    fn lift(&self, t: &Self) -> Self::Out;
    /// Every float of `self` as a constant (tangent zero).
    fn lift_const(&self) -> Self::Out;
}

/// Gradients on dual numbers split into the real parts (the gradient) and the tangent
/// parts (the Hessian–vector product).
pub trait SplitDual {
    /// The plain type (`F`, `Vec<F>`, `[F; N]`).
    type Out;
    /// `(real parts, tangent parts)`.
    fn split(self) -> (Self::Out, Self::Out);
}

macro_rules! lift_impls {
    ($($f:ty),*) => {$(
        impl LiftDual for $f {
            type Out = Dual<$f>;
            #[inline(always)]
            fn lift(&self, t: &Self) -> Dual<$f> { Dual::new(*self, *t) }
            #[inline(always)]
            fn lift_const(&self) -> Dual<$f> { Dual::cst(*self) }
        }
        impl SplitDual for Dual<$f> {
            type Out = $f;
            #[inline(always)]
            fn split(self) -> ($f, $f) { (self.re, self.eps) }
        }
    )*};
}
lift_impls!(f64, f32);

impl<T: LiftDual> LiftDual for [T]
where
    T::Out: PoolOrAlloc,
{
    type Out = Vec<T::Out>;
    fn lift(&self, t: &Self) -> Vec<T::Out> {
        assert!(
            t.len() >= self.len(),
            "the tangent has {} entries, the value {}",
            t.len(),
            self.len()
        );
        T::Out::make(self.len(), self.iter().zip(t).map(|(a, b)| a.lift(b)))
    }
    fn lift_const(&self) -> Vec<T::Out> {
        T::Out::make(self.len(), self.iter().map(T::lift_const))
    }
}

/// How a vector of lifted elements is made: duals from the pool, anything else (nested
/// arrays) by a plain allocation.
pub trait PoolOrAlloc: Sized {
    /// The `n` elements of `items`.
    fn make(n: usize, items: impl Iterator<Item = Self>) -> Vec<Self>;
    /// Gives the memory of a vector back (to the pool, or to the system).
    fn give(v: Vec<Self>);
}

macro_rules! pooled {
    ($($f:ty),*) => {$(
        impl PoolOrAlloc for Dual<$f> {
            fn make(n: usize, items: impl Iterator<Item = Self>) -> Vec<Self> {
                pool_take(n, items)
            }
            fn give(v: Vec<Self>) {
                pool_give(v)
            }
        }
    )*};
}
pooled!(f64, f32);

impl<T, const N: usize> PoolOrAlloc for [T; N] {
    fn make(_: usize, items: impl Iterator<Item = Self>) -> Vec<Self> {
        items.collect()
    }
    fn give(_: Vec<Self>) {}
}

/// Rows of nested sequences (`Vec<Vec<f64>>` lifted to `Vec<Vec<Dual<f64>>>`): each row's
/// memory goes back to the pool, the outer vector is allocated.
impl<T: PoolOrAlloc> PoolOrAlloc for Vec<T> {
    fn make(_: usize, items: impl Iterator<Item = Self>) -> Vec<Self> {
        items.collect()
    }
    fn give(v: Vec<Self>) {
        v.into_iter().for_each(T::give);
    }
}

impl<T: LiftDual> LiftDual for Vec<T>
where
    T::Out: PoolOrAlloc,
{
    type Out = Vec<T::Out>;
    fn lift(&self, t: &Self) -> Vec<T::Out> {
        self[..].lift(&t[..])
    }
    fn lift_const(&self) -> Vec<T::Out> {
        self[..].lift_const()
    }
}

impl<T: LiftDual, const N: usize> LiftDual for [T; N] {
    type Out = [T::Out; N];
    fn lift(&self, t: &Self) -> [T::Out; N] {
        core::array::from_fn(|i| self[i].lift(&t[i]))
    }
    fn lift_const(&self) -> [T::Out; N] {
        core::array::from_fn(|i| self[i].lift_const())
    }
}

impl<T: SplitDual + PoolOrAlloc> SplitDual for Vec<T> {
    type Out = Vec<T::Out>;
    fn split(mut self) -> (Vec<T::Out>, Vec<T::Out>) {
        let mut re = Vec::with_capacity(self.len());
        let mut eps = Vec::with_capacity(self.len());
        for x in self.drain(..) {
            let (a, b) = x.split();
            re.push(a);
            eps.push(b);
        }
        Recycle::recycle(self);
        (re, eps)
    }
}

impl<T: SplitDual, const N: usize> SplitDual for [T; N] {
    type Out = [T::Out; N];
    fn split(self) -> ([T::Out; N], [T::Out; N]) {
        let mut parts = self.map(T::split).into_iter();
        let pairs: [(T::Out, T::Out); N] = core::array::from_fn(|_| parts.next().unwrap());
        let mut it = pairs.into_iter();
        let mut hs = Vec::with_capacity(N);
        let gs: [T::Out; N] = core::array::from_fn(|_| {
            let (g, h) = it.next().unwrap();
            hs.push(h);
            g
        });
        let mut hs = hs.into_iter();
        (gs, core::array::from_fn(|_| hs.next().unwrap()))
    }
}

impl<F, S, D> LiftDual for ndarray::ArrayBase<S, D>
where
    F: Float,
    S: ndarray::Data<Elem = F>,
    D: ndarray::Dimension,
{
    type Out = ndarray::Array<Dual<F>, D>;
    /// # Panics
    /// When the shapes differ.
    fn lift(&self, t: &Self) -> Self::Out {
        assert_eq!(
            self.shape(),
            t.shape(),
            "the tangent's shape differs from the value's"
        );
        ndarray::Zip::from(self)
            .and(t)
            .map_collect(|a, b| Dual::new(*a, *b))
    }
    fn lift_const(&self) -> Self::Out {
        self.mapv(Dual::cst)
    }
}

macro_rules! split_tuples {
    ($(($($n:tt $t:ident),+)),*) => {$(
        impl<$($t: SplitDual),+> SplitDual for ($($t,)+) {
            type Out = ($($t::Out,)+);
            fn split(self) -> (Self::Out, Self::Out) {
                let parts = ($(self.$n.split(),)+);
                (($(parts.$n.0,)+), ($(parts.$n.1,)+))
            }
        }
    )*};
}
split_tuples!(
    (0 A),
    (0 A, 1 B),
    (0 A, 1 B, 2 C),
    (0 A, 1 B, 2 C, 3 D)
);

impl<F: Float, D: ndarray::Dimension> SplitDual for ndarray::Array<Dual<F>, D> {
    type Out = ndarray::Array<F, D>;
    fn split(self) -> (Self::Out, Self::Out) {
        (self.mapv(|d| d.re), self.mapv(|d| d.eps))
    }
}

impl<T: LiftDual + ?Sized> LiftDual for &T {
    type Out = T::Out;
    fn lift(&self, t: &Self) -> T::Out {
        (**self).lift(t)
    }
    fn lift_const(&self) -> T::Out {
        (**self).lift_const()
    }
}

impl<T: LiftDual + ?Sized> LiftDual for &mut T {
    type Out = T::Out;
    fn lift(&self, t: &Self) -> T::Out {
        (**self).lift(t)
    }
    fn lift_const(&self) -> T::Out {
        (**self).lift_const()
    }
}

// Constants that hold floats (an `Option<f64>` matched by `if let`, a tuple of settings):
// lifted as constants, or paired element by element.

impl<T: LiftDual> LiftDual for Option<T> {
    type Out = Option<T::Out>;
    fn lift(&self, t: &Self) -> Self::Out {
        match (self, t) {
            (Some(a), Some(b)) => Some(a.lift(b)),
            (a, _) => a.as_ref().map(T::lift_const),
        }
    }
    fn lift_const(&self) -> Self::Out {
        self.as_ref().map(T::lift_const)
    }
}

macro_rules! lift_plain {
    ($($t:ty),*) => {$(
        impl LiftDual for $t {
            type Out = $t;
            #[inline(always)]
            fn lift(&self, _: &Self) -> $t { *self }
            #[inline(always)]
            fn lift_const(&self) -> $t { *self }
        }
    )*};
}
lift_plain!(
    usize, isize, u8, u16, u32, u64, i8, i16, i32, i64, bool, char
);

macro_rules! lift_tuples {
    ($(($($n:tt $t:ident),+)),*) => {$(
        impl<$($t: LiftDual),+> LiftDual for ($($t,)+) {
            type Out = ($($t::Out,)+);
            fn lift(&self, t: &Self) -> Self::Out { ($(self.$n.lift(&t.$n),)+) }
            fn lift_const(&self) -> Self::Out { ($(self.$n.lift_const(),)+) }
        }
    )*};
}
lift_tuples!((0 A), (0 A, 1 B), (0 A, 1 B, 2 C), (0 A, 1 B, 2 C, 3 D));

/// A dual-number argument read as its real and tangent parts, without consuming it (the
/// arguments of `g_grad` called in a function lifted to dual numbers, which forward mode on
/// arrays runs for its value: see `g_grad_hvp_pullback`).
#[doc(hidden)]
pub trait SplitArg {
    /// The plain type (`F`, `Vec<F>`, `[F; N]`, `Array<F, D>`).
    type Out;
    /// `(real parts, tangent parts)`.
    fn split_arg(&self) -> (Self::Out, Self::Out);
}

impl<F: Float> SplitArg for Dual<F> {
    type Out = F;
    #[inline(always)]
    fn split_arg(&self) -> (F, F) {
        (self.re, self.eps)
    }
}

impl<T: SplitArg> SplitArg for [T] {
    type Out = Vec<T::Out>;
    fn split_arg(&self) -> (Vec<T::Out>, Vec<T::Out>) {
        self.iter().map(T::split_arg).unzip()
    }
}

impl<T: SplitArg> SplitArg for Vec<T> {
    type Out = Vec<T::Out>;
    fn split_arg(&self) -> (Vec<T::Out>, Vec<T::Out>) {
        self[..].split_arg()
    }
}

impl<T: SplitArg, const N: usize> SplitArg for [T; N] {
    type Out = [T::Out; N];
    fn split_arg(&self) -> ([T::Out; N], [T::Out; N]) {
        let (re, eps): (Vec<T::Out>, Vec<T::Out>) = self.iter().map(T::split_arg).unzip();
        let (mut re, mut eps) = (re.into_iter(), eps.into_iter());
        (
            core::array::from_fn(|_| re.next().expect("N parts")),
            core::array::from_fn(|_| eps.next().expect("N parts")),
        )
    }
}

impl<F: Float, S: ndarray::Data<Elem = Dual<F>>, D: ndarray::Dimension> SplitArg
    for ndarray::ArrayBase<S, D>
{
    type Out = ndarray::Array<F, D>;
    fn split_arg(&self) -> (Self::Out, Self::Out) {
        (self.mapv(|d| d.re), self.mapv(|d| d.eps))
    }
}

impl<T: SplitArg + ?Sized> SplitArg for &T {
    type Out = T::Out;
    fn split_arg(&self) -> (T::Out, T::Out) {
        (**self).split_arg()
    }
}
