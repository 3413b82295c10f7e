//! The dot-product test of a forward rule against its reverse rule: for random `v` and `w`,
//! `<J v, w> = <v, Jᵀ w>` (`J v` from `f_jvp`, `Jᵀ w` from `f_vjp` seeded with `w`), and `J v`
//! against central finite differences of the primal along `v`. Works for any argument and
//! result made of floats, `Vec<f64>`s, ndarray arrays and pairs of those ([`Flat`]).

use super::{FD_STEP, Rng};
use ad_runtime::check::compare;
use ad_runtime::ndarray::{Array, Dimension};

/// A value seen as a flat vector of its float entries (in a fixed order), and rebuilt with
/// the same shape from such a vector.
pub trait Flat: Clone {
    /// The entries, in order.
    fn flat(&self) -> Vec<f64>;
    /// A value of `self`'s shape holding the next entries of `it`.
    fn rebuild(&self, it: &mut std::slice::Iter<'_, f64>) -> Self;

    /// A value of `self`'s shape holding `v` (which must have exactly as many entries).
    fn with(&self, v: &[f64]) -> Self {
        let mut it = v.iter();
        let out = self.rebuild(&mut it);
        assert_eq!(it.len(), 0, "rebuilt from a vector of the wrong length");
        out
    }
}

fn next(it: &mut std::slice::Iter<'_, f64>) -> f64 {
    *it.next().expect("rebuilt from a vector too short")
}

impl Flat for f64 {
    fn flat(&self) -> Vec<f64> {
        vec![*self]
    }
    fn rebuild(&self, it: &mut std::slice::Iter<'_, f64>) -> Self {
        next(it)
    }
}

impl Flat for Vec<f64> {
    fn flat(&self) -> Vec<f64> {
        self.clone()
    }
    fn rebuild(&self, it: &mut std::slice::Iter<'_, f64>) -> Self {
        (0..self.len()).map(|_| next(it)).collect()
    }
}

impl<D: Dimension> Flat for Array<f64, D> {
    /// Logical (row-major) order, whatever the memory layout.
    fn flat(&self) -> Vec<f64> {
        self.iter().copied().collect()
    }
    fn rebuild(&self, it: &mut std::slice::Iter<'_, f64>) -> Self {
        let data: Vec<f64> = (0..self.len()).map(|_| next(it)).collect();
        Array::from_shape_vec(self.raw_dim(), data).expect("shape matches data")
    }
}

impl<A: Flat, B: Flat> Flat for (A, B) {
    fn flat(&self) -> Vec<f64> {
        let mut v = self.0.flat();
        v.extend(self.1.flat());
        v
    }
    fn rebuild(&self, it: &mut std::slice::Iter<'_, f64>) -> Self {
        let a = self.0.rebuild(it);
        (a, self.1.rebuild(it))
    }
}

/// A random value of `like`'s shape, entries uniform in `[-1, 1)`.
pub fn random_like<X: Flat>(like: &X, rng: &mut Rng) -> X {
    let v: Vec<f64> = like.flat().iter().map(|_| rng.uniform(-1.0, 1.0)).collect();
    like.with(&v)
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Relative tolerance of `<J v, w> = <v, Jᵀ w>`: both sides are exact derivatives, equal up
/// to rounding (relative to the sum of the magnitudes of the terms).
pub const IDENTITY_RTOL: f64 = 1e-10;

/// Relative tolerance of `J v` against central differences (relative to each component and
/// to the largest component of `J v`).
pub const FD_RTOL: f64 = 1e-6;

/// Checks the forward and reverse rules of `f` at `x` along one random `v` and one random
/// cotangent `w`:
/// - the values returned by `jvp` and `vjp` are `f(x)`;
/// - the tangent has the result's shape and the cotangent the argument's;
/// - `<J v, w> = <v, Jᵀ w>` to [`IDENTITY_RTOL`];
/// - `J v` agrees with `(f(x + h v) - f(x - h v)) / 2h`, `h = FD_STEP · max(1, |x|∞)`, to
///   [`FD_RTOL`].
#[track_caller]
pub fn check_identity<X: Flat, Y: Flat>(
    what: &str,
    rng: &mut Rng,
    x: &X,
    f: impl Fn(&X) -> Y,
    jvp: impl Fn(&X, &X) -> (Y, Y),
    vjp: impl Fn(&X, Y) -> (Y, X),
) {
    let y = f(x);
    let yf = y.flat();
    let xf = x.flat();
    let v = random_like(x, rng);
    let w = random_like(&y, rng);
    let (y_fwd, jv) = jvp(x, &v);
    let (y_rev, jtw) = vjp(x, w.clone());
    // Values: the same computation as the primal's, up to rounding of a reordered sum.
    for (mode, val) in [("f_jvp", y_fwd.flat()), ("f_vjp", y_rev.flat())] {
        if let Err(e) = compare(&val, &yf, 1e-14, 1e-300) {
            panic!("{what}: the value of {mode} is not the primal's: {e}\n  {val:?}\n  {yf:?}");
        }
    }
    let (jv, jtw, vf, wf) = (jv.flat(), jtw.flat(), v.flat(), w.flat());
    assert_eq!(jv.len(), yf.len(), "{what}: the tangent has the wrong size");
    assert_eq!(
        jtw.len(),
        xf.len(),
        "{what}: the cotangent has the wrong size"
    );
    assert!(
        jv.iter().chain(&jtw).all(|d| d.is_finite()),
        "{what}: non-finite derivative\n  J v = {jv:?}\n  Jᵀ w = {jtw:?}"
    );

    // <J v, w> = <v, Jᵀ w>.
    let lhs = dot(&jv, &wf);
    let rhs = dot(&vf, &jtw);
    let scale: f64 = jv
        .iter()
        .zip(&wf)
        .chain(vf.iter().zip(&jtw))
        .map(|(a, b)| (a * b).abs())
        .sum();
    assert!(
        (lhs - rhs).abs() <= IDENTITY_RTOL * scale,
        "{what}: <J v, w> = {lhs} but <v, Jᵀ w> = {rhs} (difference {:e}, scale {scale:e})\n  x = {xf:?}\n  v = {vf:?}\n  w = {wf:?}\n  J v = {jv:?}\n  Jᵀ w = {jtw:?}",
        (lhs - rhs).abs()
    );

    // J v against central differences along v.
    let h = FD_STEP * xf.iter().fold(1.0f64, |m, a| m.max(a.abs()));
    let shifted = |s: f64| -> Vec<f64> {
        let p: Vec<f64> = xf.iter().zip(&vf).map(|(a, d)| a + s * d).collect();
        f(&x.with(&p)).flat()
    };
    let (up, down) = (shifted(h), shifted(-h));
    let fd: Vec<f64> = up
        .iter()
        .zip(&down)
        .map(|(a, b)| (a - b) / (2.0 * h))
        .collect();
    let big = jv.iter().chain(&fd).fold(1.0f64, |m, a| m.max(a.abs()));
    if let Err(e) = compare(&jv, &fd, FD_RTOL, FD_RTOL * big) {
        panic!(
            "{what}: J v does not match central differences along v: {e}\n  x = {xf:?}\n  v = {vf:?}\n  J v = {jv:?}\n  differences = {fd:?}"
        );
    }
}
