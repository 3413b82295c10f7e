//! [`stop_gradient`]: the identity whose derivative is zero in every mode.

use crate::dual::Dual;

/// Values [`stop_gradient`] takes: floats, `Vec`s and ndarray arrays of floats, and their
/// dual-number forms (which lose their tangent).
#[diagnostic::on_unimplemented(
    message = "`stop_gradient` takes a float, a `Vec`, a fixed-size array or an ndarray array of floats (by value), not `{Self}`",
    label = "not a differentiable value",
    note = "integers, `bool`s and other constants have no derivative to stop: use the value as it is; for a borrowed array, pass `a.to_owned()`"
)]
pub trait StopGradient {
    /// The value, with no derivative information left in it.
    fn stop_gradient(self) -> Self;
}

macro_rules! stop_floats {
    ($($f:ty),*) => {$(
        impl StopGradient for $f {
            #[inline(always)]
            fn stop_gradient(self) -> Self { self }
        }
        impl StopGradient for Dual<$f> {
            #[inline(always)]
            fn stop_gradient(self) -> Self { Dual::cst(self.re) }
        }
    )*};
}
stop_floats!(f64, f32);

impl<T: StopGradient> StopGradient for Vec<T> {
    fn stop_gradient(self) -> Self {
        self.into_iter().map(T::stop_gradient).collect()
    }
}

impl<T: StopGradient, const N: usize> StopGradient for [T; N] {
    fn stop_gradient(self) -> Self {
        self.map(T::stop_gradient)
    }
}

impl<T: StopGradient + Clone, D: ndarray::Dimension> StopGradient for ndarray::Array<T, D> {
    fn stop_gradient(self) -> Self {
        self.mapv(T::stop_gradient)
    }
}

/// Returns `x` unchanged; its derivative is zero in every mode (`f_vjp`, `f_jvp`, `f_hvp`).
///
/// Inside a `#[differentiable]` function, what depends on `x` only through
/// `stop_gradient(x)` is a constant for the derivatives: `x * stop_gradient(x)` has
/// derivative `x`, not `2x`. Outside, it is the identity.
///
/// ```
/// use ad_runtime::{differentiable, stop_gradient};
///
/// #[differentiable]
/// fn f(x: f64) -> f64 {
///     x * stop_gradient(x)
/// }
/// let (v, g) = f_grad(3.0);
/// assert_eq!((v, g), (9.0, 3.0));
/// ```
#[inline(always)]
pub fn stop_gradient<T: StopGradient>(x: T) -> T {
    x.stop_gradient()
}
