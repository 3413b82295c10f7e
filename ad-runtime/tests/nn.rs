//! Numeric tests of `ad_runtime::nn`, mirroring `src/nn.rs`: every op's value against a naive
//! formula evaluated in f64, every pullback against central finite differences (element by
//! element, for a random output cotangent), in f32 and f64, on owned arrays and on views
//! (contiguous, strided, transposed), along every axis, and with inputs of magnitude ~1000
//! where the naive formulas overflow.

use ad_runtime::__private::NotDifferentiated;
use ad_runtime::ndarray::{
    Array, Array1, Array2, Array3, ArrayD, Axis, Dimension, Ix0, Ix2, IxDyn, ShapeBuilder, Zip,
    arr0, array, s,
};
use ad_runtime::nn;
use approx::assert_relative_eq;
use num_traits::Float;

// =======================================================================================
// Test kit: a tiny deterministic RNG, per-precision tolerances, the finite-difference check

/// SplitMix64: the same numbers on every platform, no dependency.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `[lo, hi)`.
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    fn array<F: Prec, D: Dimension, Sh: ShapeBuilder<Dim = D>>(
        &mut self,
        shape: Sh,
        lo: f64,
        hi: f64,
    ) -> Array<F, D> {
        Array::from_shape_simple_fn(shape, || F::of(self.uniform(lo, hi)))
    }
    fn labels(&mut self, rows: usize, classes: usize) -> Vec<usize> {
        (0..rows).map(|_| self.below(classes)).collect()
    }
}

/// What differs between f32 and f64 in these tests.
trait Prec: Float + std::fmt::Debug + 'static {
    /// Central-difference step, relative to `max(1, |x|)`.
    const H: f64;
    /// Pullback vs central differences, relative to the gradient's largest element.
    const FD_TOL: f64;
    /// Value vs the naive formula in f64, relative to `max(1, |value|)`.
    const TOL: f64;
    fn of(v: f64) -> Self;
}

impl Prec for f64 {
    const H: f64 = 1e-6;
    const FD_TOL: f64 = 1e-6;
    const TOL: f64 = 1e-12;
    fn of(v: f64) -> Self {
        v
    }
}

impl Prec for f32 {
    const H: f64 = 1e-2;
    const FD_TOL: f64 = 5e-3;
    const TOL: f64 = 1e-5;
    fn of(v: f64) -> Self {
        v as f32
    }
}

fn to64<F: Prec, D: Dimension>(a: &Array<F, D>) -> Array<f64, D> {
    a.mapv(|v| v.to_f64().unwrap())
}

fn assert_finite<F: Prec, D: Dimension>(what: &str, a: &Array<F, D>) {
    assert!(a.iter().all(|v| v.is_finite()), "{what}: not finite: {a:?}");
}

/// `got ≈ want` element by element, relative to `max(1, |want|)`, and finite.
fn assert_close<F: Prec, D: Dimension>(
    what: &str,
    got: &Array<F, D>,
    want: &Array<f64, D>,
    tol: f64,
) {
    assert_eq!(got.shape(), want.shape(), "{what}: shape");
    assert_finite(what, got);
    Zip::from(got).and(want).for_each(|&g, &w| {
        let g = g.to_f64().unwrap();
        assert!(
            (g - w).abs() <= tol * w.abs().max(1.0),
            "{what}: got {g}, want {w}\n got: {got:?}\nwant: {want:?}"
        );
    });
}

fn assert_close_scalar<F: Prec>(what: &str, got: F, want: f64, tol: f64) {
    assert_close(what, &arr0(got), &arr0(want), tol);
}

/// Checks the cotangent `xbar` that a pullback returned for input `x`, given the output
/// cotangent `c`, against central differences of `φ(x) = ⟨f(x), c⟩`, element by element.
fn check_vjp<F: Prec, D: Dimension, E: Dimension>(
    what: &str,
    x: &Array<F, D>,
    f: impl Fn(&Array<F, D>) -> Array<F, E>,
    c: &Array<F, E>,
    xbar: &Array<F, D>,
) {
    assert_eq!(xbar.shape(), x.shape(), "{what}: cotangent shape");
    assert_finite(what, xbar);
    let phi = |x: &Array<F, D>| -> f64 {
        let y = f(x);
        assert_eq!(y.shape(), c.shape(), "{what}: output shape");
        Zip::from(&y).and(c).fold(0.0, |s, &y, &c| {
            s + y.to_f64().unwrap() * c.to_f64().unwrap()
        })
    };
    // Standard layout, so that memory order is the logical order of `xbar.iter()`.
    let x0 = x.as_standard_layout().into_owned();
    let mut fd = Vec::with_capacity(x0.len());
    for k in 0..x0.len() {
        let v = x0.as_slice().unwrap()[k].to_f64().unwrap();
        let h = F::H * v.abs().max(1.0);
        let (mut xp, mut xm) = (x0.clone(), x0.clone());
        xp.as_slice_mut().unwrap()[k] = F::of(v + h);
        xm.as_slice_mut().unwrap()[k] = F::of(v - h);
        // The step actually taken, after rounding to F.
        let step = xp.as_slice().unwrap()[k].to_f64().unwrap()
            - xm.as_slice().unwrap()[k].to_f64().unwrap();
        fd.push((phi(&xp) - phi(&xm)) / step);
    }
    let an: Vec<f64> = xbar.iter().map(|v| v.to_f64().unwrap()).collect();
    let scale = an
        .iter()
        .chain(&fd)
        .fold(0.0f64, |m, v| m.max(v.abs()))
        .max(1e-2);
    for (k, (a, d)) in an.iter().zip(&fd).enumerate() {
        assert!(
            (a - d).abs() <= F::FD_TOL * scale,
            "{what}: element {k}: pullback {a}, finite differences {d}\npullback: {an:?}\n     f.d.: {fd:?}"
        );
    }
}

/// A scalar loss as a function with a 0-dimensional array output, for [`check_vjp`].
fn scalar_fn<F: Prec, D: Dimension>(
    f: impl Fn(&Array<F, D>) -> F,
) -> impl Fn(&Array<F, D>) -> Array<F, Ix0> {
    move |x| arr0(f(x))
}

/// Runs a generic test body for f32 and f64.
macro_rules! both_precisions {
    ($($name:ident => $body:ident;)*) => {
        mod f64_tests { $( #[test] fn $name() { super::$body::<f64>(); } )* }
        mod f32_tests { $( #[test] fn $name() { super::$body::<f32>(); } )* }
    };
}

both_precisions! {
    elementwise_values => elementwise_values;
    elementwise_pullbacks => elementwise_pullbacks;
    axis_values => axis_values;
    axis_pullbacks => axis_pullbacks;
    dyn_and_1d_pullbacks => dyn_and_1d_pullbacks;
    loss_values => loss_values;
    loss_pullbacks => loss_pullbacks;
    large_elementwise => large_elementwise;
    large_axis_ops => large_axis_ops;
    large_losses => large_losses;
}

// =======================================================================================
// Naive formulas, in f64, on dynamic-dimension arrays

fn naive_softmax(x: &ArrayD<f64>, axis: Axis) -> ArrayD<f64> {
    let e = x.mapv(f64::exp);
    let s = e.sum_axis(axis).insert_axis(axis);
    &e / &s
}

fn naive_log_softmax(x: &ArrayD<f64>, axis: Axis) -> ArrayD<f64> {
    naive_softmax(x, axis).mapv(f64::ln)
}

fn naive_logsumexp(x: &ArrayD<f64>, axis: Axis) -> ArrayD<f64> {
    x.mapv(f64::exp).sum_axis(axis).mapv(f64::ln)
}

fn naive_cross_entropy(x: &Array2<f64>, labels: &[usize]) -> f64 {
    let p = naive_softmax(&x.clone().into_dyn(), Axis(1));
    let total: f64 = labels
        .iter()
        .enumerate()
        .map(|(r, &k)| -p[[r, k]].ln())
        .sum();
    total / x.nrows() as f64
}

fn naive_cross_entropy_one_hot(x: &Array2<f64>, t: &Array2<f64>) -> f64 {
    let p = naive_softmax(&x.clone().into_dyn(), Axis(1))
        .into_dimensionality::<Ix2>()
        .unwrap();
    let total = Zip::from(&p).and(t).fold(0.0, |s, &p, &t| s - t * p.ln());
    total / x.nrows() as f64
}

fn naive_mse<D: Dimension>(p: &Array<f64, D>, t: &Array<f64, D>) -> f64 {
    (p - t).mapv(|e| e * e).sum() / p.len() as f64
}

fn one_hot<F: Prec>(labels: &[usize], classes: usize) -> Array2<F> {
    Array2::from_shape_fn((labels.len(), classes), |(r, c)| {
        if labels[r] == c { F::one() } else { F::zero() }
    })
}

// =======================================================================================
// relu, sigmoid, softplus

fn elementwise_values<F: Prec>() {
    let mut rng = Rng(1);
    let x: Array2<F> = rng.array((4, 5), -6.0, 6.0);
    let x64 = to64(&x);
    let tol = F::TOL;
    assert_close("relu", &nn::relu(&x), &x64.mapv(|v| v.max(0.0)), tol);
    assert_close(
        "sigmoid",
        &nn::sigmoid(&x),
        &x64.mapv(|v| 1.0 / (1.0 + (-v).exp())),
        tol,
    );
    assert_close(
        "softplus",
        &nn::softplus(&x),
        &x64.mapv(|v| (1.0 + v.exp()).ln()),
        tol,
    );
    // Views, strided views and the pullbacks' values give the same results.
    let t = x.t();
    assert_close(
        "relu of a transposed view",
        &nn::relu(&t),
        &x64.t().mapv(|v| v.max(0.0)),
        tol,
    );
    let strided = x.slice(s![.., ..;2]);
    let want = x64.slice(s![.., ..;2]).mapv(|v| 1.0 / (1.0 + (-v).exp()));
    assert_close(
        "sigmoid of a strided view",
        &nn::sigmoid(&strided),
        &want,
        tol,
    );
    assert_eq!(nn::relu_pullback(&x.view()).0, nn::relu(&x));
    assert_eq!(nn::sigmoid_pullback(&x.view()).0, nn::sigmoid(&x));
    assert_eq!(nn::softplus_pullback(&x.view()).0, nn::softplus(&x));
}

fn elementwise_pullbacks<F: Prec>() {
    let mut rng = Rng(2);
    // Away from relu's kink at 0, where finite differences straddle it.
    let x: Array2<F> = rng
        .array((3, 4), -4.0, 4.0)
        .mapv(|v: F| if v.abs() < F::of(0.1) { F::of(0.5) } else { v });
    let c: Array2<F> = rng.array((3, 4), -1.0, 1.0);

    let (_, pb) = nn::relu_pullback(&x);
    let (xbar,) = pb(c.clone());
    check_vjp("relu", &x, |x| nn::relu(x), &c, &xbar);

    let (_, pb) = nn::sigmoid_pullback(&x.view());
    let (xbar,) = pb(c.clone());
    check_vjp("sigmoid", &x, |x| nn::sigmoid(x), &c, &xbar);

    let (_, pb) = nn::softplus_pullback(&x.view());
    let (xbar,) = pb(c.clone());
    check_vjp("softplus", &x, |x| nn::softplus(x), &c, &xbar);

    // A strided view as input: the cotangent has the view's shape.
    let big: Array2<F> = rng.array((3, 8), -4.0, 4.0);
    let v = big.slice(s![.., 1..;2]);
    let (_, pb) = nn::softplus_pullback(&v);
    let (xbar,) = pb(c.clone());
    check_vjp(
        "softplus of a strided view",
        &v.to_owned(),
        |x| nn::softplus(x),
        &c,
        &xbar,
    );

    // A cotangent in another memory order than the output (Fortran order).
    let cf = c.t().as_standard_layout().into_owned().reversed_axes();
    assert!(cf == c && cf.t().is_standard_layout());
    let (xbar_f,) = nn::sigmoid_pullback(&x).1(cf);
    let (xbar,) = nn::sigmoid_pullback(&x).1(c.clone());
    assert_eq!(xbar_f, xbar);
}

// =======================================================================================
// softmax, log_softmax, logsumexp

fn axis_values<F: Prec>() {
    let mut rng = Rng(3);
    let x: Array3<F> = rng.array((3, 4, 5), -5.0, 5.0);
    let xd = to64(&x).into_dyn();
    for k in 0..3 {
        let axis = Axis(k);
        let tol = F::TOL;
        let y = nn::softmax(&x, axis);
        assert_close(
            "softmax",
            &y.clone().into_dyn(),
            &naive_softmax(&xd, axis),
            tol,
        );
        let z = nn::log_softmax(&x.view(), axis);
        assert_close(
            "log_softmax",
            &z.into_dyn(),
            &naive_log_softmax(&xd, axis),
            tol,
        );
        let l = nn::logsumexp(&x, axis);
        assert_eq!(l.ndim(), 2);
        assert_close(
            "logsumexp",
            &l.clone().into_dyn(),
            &naive_logsumexp(&xd, axis),
            tol,
        );
        // The pullbacks compute the same values.
        assert_close(
            "softmax_pullback value",
            &nn::softmax_pullback(&x, axis).0,
            &to64(&y),
            tol,
        );
        let z2 = nn::log_softmax_pullback(&x, axis).0;
        assert_close(
            "log_softmax_pullback value",
            &z2.into_dyn(),
            &naive_log_softmax(&xd, axis),
            tol,
        );
        assert_close(
            "logsumexp_pullback value",
            &nn::logsumexp_pullback(&x, axis).0,
            &to64(&l),
            tol,
        );
    }
    // A transposed (Fortran-order) view along its last axis.
    let m: Array2<F> = rng.array((4, 3), -5.0, 5.0);
    let md = to64(&m).reversed_axes().into_dyn();
    let want = naive_softmax(&md, Axis(1));
    assert_close(
        "softmax of a transposed view",
        &nn::softmax(&m.t(), Axis(1)).into_dyn(),
        &want,
        F::TOL,
    );
}

fn axis_pullbacks<F: Prec>() {
    let mut rng = Rng(4);
    let big: Array3<F> = rng.array((3, 8, 5), -4.0, 4.0);
    let owned: Array3<F> = rng.array((3, 4, 5), -4.0, 4.0);
    for k in 0..3 {
        let axis = Axis(k);
        // The pullbacks run on views (contiguous and strided); the owned copy gives the same.
        for (which, x) in [
            ("view", owned.view()),
            ("strided view", big.slice(s![.., ..;2, ..])),
        ] {
            let xo = x.to_owned();
            let c: Array3<F> = rng.array((3, 4, 5), -1.0, 1.0);
            let what = |op: &str| format!("{op} along axis {k}, {which}");

            let (_, pb) = nn::softmax_pullback(&x, axis);
            let (xbar, NotDifferentiated) = pb(c.clone());
            check_vjp(&what("softmax"), &xo, |x| nn::softmax(x, axis), &c, &xbar);
            assert_eq!(nn::softmax_pullback(&xo, axis).1(c.clone()).0, xbar);

            let (_, pb) = nn::log_softmax_pullback(&x, axis);
            let (xbar, NotDifferentiated) = pb(c.clone());
            check_vjp(
                &what("log_softmax"),
                &xo,
                |x| nn::log_softmax(x, axis),
                &c,
                &xbar,
            );
            assert_eq!(nn::log_softmax_pullback(&xo, axis).1(c.clone()).0, xbar);

            let l = nn::logsumexp(&x, axis);
            let cl: Array<F, _> = rng.array(l.raw_dim(), -1.0, 1.0);
            let (_, pb) = nn::logsumexp_pullback(&x, axis);
            let (xbar, NotDifferentiated) = pb(cl.clone());
            check_vjp(
                &what("logsumexp"),
                &xo,
                |x| nn::logsumexp(x, axis),
                &cl,
                &xbar,
            );
            assert_eq!(nn::logsumexp_pullback(&xo, axis).1(cl.clone()).0, xbar);
        }
    }
}

fn dyn_and_1d_pullbacks<F: Prec>() {
    let mut rng = Rng(5);
    // Dynamic dimension.
    let x: ArrayD<F> = rng.array(IxDyn(&[2, 3, 4]), -3.0, 3.0);
    let xd = to64(&x);
    let axis = Axis(1);
    assert_close(
        "softmax (IxDyn)",
        &nn::softmax(&x, axis),
        &naive_softmax(&xd, axis),
        F::TOL,
    );
    assert_close(
        "logsumexp (IxDyn)",
        &nn::logsumexp(&x, axis),
        &naive_logsumexp(&xd, axis),
        F::TOL,
    );
    let c: ArrayD<F> = rng.array(IxDyn(&[2, 3, 4]), -1.0, 1.0);
    let (xbar, _) = nn::softmax_pullback(&x.view(), axis).1(c.clone());
    check_vjp("softmax (IxDyn)", &x, |x| nn::softmax(x, axis), &c, &xbar);
    let (xbar, _) = nn::log_softmax_pullback(&x, axis).1(c.clone());
    check_vjp(
        "log_softmax (IxDyn)",
        &x,
        |x| nn::log_softmax(x, axis),
        &c,
        &xbar,
    );
    let cl: ArrayD<F> = rng.array(IxDyn(&[2, 4]), -1.0, 1.0);
    let (xbar, _) = nn::logsumexp_pullback(&x, axis).1(cl.clone());
    check_vjp(
        "logsumexp (IxDyn)",
        &x,
        |x| nn::logsumexp(x, axis),
        &cl,
        &xbar,
    );

    // One dimension: logsumexp gives a 0-dimensional array.
    let v: Array1<F> = rng.array(6, -3.0, 3.0);
    let l = nn::logsumexp(&v, Axis(0));
    assert_close_scalar(
        "logsumexp (Ix1)",
        l[()],
        naive_logsumexp(&to64(&v).into_dyn(), Axis(0)).sum(),
        F::TOL,
    );
    let (_, pb) = nn::logsumexp_pullback(&v, Axis(0));
    let (xbar, _) = pb(arr0(F::of(0.7)));
    check_vjp(
        "logsumexp (Ix1)",
        &v,
        |v| nn::logsumexp(v, Axis(0)),
        &arr0(F::of(0.7)),
        &xbar,
    );
}

// =======================================================================================
// cross_entropy, cross_entropy_one_hot, mse

fn loss_values<F: Prec>() {
    let mut rng = Rng(6);
    let x: Array2<F> = rng.array((5, 4), -5.0, 5.0);
    let x64 = to64(&x);
    let labels = rng.labels(5, 4);
    let want = naive_cross_entropy(&x64, &labels);
    let tol = F::TOL;
    // Every accepted form of labels.
    let array_labels = Array1::from(labels.clone());
    let fixed: [usize; 5] = labels.clone().try_into().unwrap();
    assert_close_scalar(
        "cross_entropy (&[usize])",
        nn::cross_entropy(&x, &labels[..]),
        want,
        tol,
    );
    assert_close_scalar(
        "cross_entropy (&Vec)",
        nn::cross_entropy(&x, &labels),
        want,
        tol,
    );
    assert_close_scalar(
        "cross_entropy (&Array1)",
        nn::cross_entropy(&x, &array_labels),
        want,
        tol,
    );
    assert_close_scalar(
        "cross_entropy (&ArrayView1)",
        nn::cross_entropy(&x, &array_labels.view()),
        want,
        tol,
    );
    assert_close_scalar(
        "cross_entropy (&[usize; N])",
        nn::cross_entropy(&x, &fixed),
        want,
        tol,
    );
    assert_close_scalar(
        "cross_entropy (&&[usize])",
        nn::cross_entropy(&x, &&labels[..]),
        want,
        tol,
    );
    assert_close_scalar(
        "cross_entropy of a view",
        nn::cross_entropy(&x.view(), &labels),
        want,
        tol,
    );
    assert_close_scalar(
        "cross_entropy_pullback value",
        nn::cross_entropy_pullback(&x, &labels).0,
        want,
        tol,
    );
    // Transposed logits: classes along rows of the stored array.
    let xt = x.t().as_standard_layout().into_owned();
    assert_close_scalar(
        "cross_entropy of a transposed view",
        nn::cross_entropy(&xt.t(), &labels),
        want,
        tol,
    );

    // One-hot targets give the same loss as labels; soft targets match the naive formula.
    let t = one_hot::<F>(&labels, 4);
    assert_close_scalar(
        "cross_entropy_one_hot (one-hot)",
        nn::cross_entropy_one_hot(&x, &t),
        want,
        tol,
    );
    let soft: Array2<F> = rng.array((5, 4), 0.0, 1.0);
    let want_soft = naive_cross_entropy_one_hot(&x64, &to64(&soft));
    assert_close_scalar(
        "cross_entropy_one_hot (soft)",
        nn::cross_entropy_one_hot(&x.view(), &soft.view()),
        want_soft,
        tol,
    );
    assert_close_scalar(
        "cross_entropy_one_hot_pullback value",
        nn::cross_entropy_one_hot_pullback(&x, &soft).0,
        want_soft,
        tol,
    );

    let p: Array3<F> = rng.array((2, 3, 4), -3.0, 3.0);
    let q: Array3<F> = rng.array((2, 3, 4), -3.0, 3.0);
    let want = naive_mse(&to64(&p), &to64(&q));
    assert_close_scalar("mse", nn::mse(&p, &q.view()), want, tol);
    assert_close_scalar(
        "mse_pullback value",
        nn::mse_pullback(&p.view(), &q).0,
        want,
        tol,
    );
}

fn loss_pullbacks<F: Prec>() {
    let mut rng = Rng(7);
    let x: Array2<F> = rng.array((5, 4), -4.0, 4.0);
    let labels = rng.labels(5, 4);
    let g = F::of(0.7);
    let c = arr0(g);

    let (_, pb) = nn::cross_entropy_pullback(&x, &labels[..]);
    let (xbar, NotDifferentiated) = pb(g);
    check_vjp(
        "cross_entropy",
        &x,
        scalar_fn(|x| nn::cross_entropy(x, &labels)),
        &c,
        &xbar,
    );
    // With labels as an Array1 and logits as a transposed view.
    let xt = x.t().as_standard_layout().into_owned();
    let (_, pb) = nn::cross_entropy_pullback(&xt.t(), &Array1::from(labels.clone()));
    assert_eq!(pb(g).0, xbar);

    // Soft targets: both arguments get cotangents.
    let t: Array2<F> = rng.array((5, 4), 0.0, 1.0);
    let (_, pb) = nn::cross_entropy_one_hot_pullback(&x.view(), &t);
    let (xbar, tbar) = pb(g);
    check_vjp(
        "cross_entropy_one_hot, logits",
        &x,
        scalar_fn(|x| nn::cross_entropy_one_hot(x, &t)),
        &c,
        &xbar,
    );
    check_vjp(
        "cross_entropy_one_hot, targets",
        &t,
        scalar_fn(|t| nn::cross_entropy_one_hot(&x, t)),
        &c,
        &tbar,
    );
    // One-hot targets: the logits' cotangent is cross_entropy's.
    let (_, pb) = nn::cross_entropy_one_hot_pullback(&x, &one_hot::<F>(&labels, 4));
    let (xbar, _) = pb(g);
    let (xbar_labels, _) = nn::cross_entropy_pullback(&x, &labels).1(g);
    assert_close("one-hot vs labels", &xbar, &to64(&xbar_labels), F::TOL);

    let p: Array3<F> = rng.array((2, 3, 4), -3.0, 3.0);
    let big: Array3<F> = rng.array((2, 3, 8), -3.0, 3.0);
    let q = big.slice(s![.., .., ..;2]);
    let (_, pb) = nn::mse_pullback(&p, &q);
    let (pbar, qbar) = pb(g);
    let qo = q.to_owned();
    check_vjp("mse, pred", &p, scalar_fn(|p| nn::mse(p, &qo)), &c, &pbar);
    check_vjp("mse, target", &qo, scalar_fn(|q| nn::mse(&p, q)), &c, &qbar);
}

// =======================================================================================
// Stability: inputs of magnitude ~1000

fn large_elementwise<F: Prec>() {
    let x: Array1<F> = array![-1000.0, -100.0, -30.0, 0.0, 30.0, 100.0, 1000.0].mapv(F::of);
    let c: Array1<F> = Array1::from_elem(x.len(), F::one());
    // σ(-100) = e^-100 / (1 + e^-100) and softplus(-100) = ln(1 + e^-100) ≈ e^-100 keep full
    // relative precision (in f32, e^-100 underflows to 0 as it should).
    let tiny = (-100f64).exp();
    let (y, pb) = nn::sigmoid_pullback(&x);
    let want = array![
        0.0,
        tiny,
        (-30f64).exp() / (1.0 + (-30f64).exp()),
        0.5,
        1.0 / (1.0 + (-30f64).exp()),
        1.0,
        1.0
    ];
    assert_close_relative("sigmoid", &y, &want);
    let (xbar,) = pb(c.clone());
    assert_finite("sigmoid pullback", &xbar);
    assert_eq!(xbar[0], F::zero());
    assert_eq!(xbar[6], F::zero());

    let (y, pb) = nn::softplus_pullback(&x.view());
    let want = array![
        0.0,
        tiny,
        (-30f64).exp().ln_1p(),
        2f64.ln(),
        30.0 + (-30f64).exp().ln_1p(),
        100.0,
        1000.0
    ];
    assert_close_relative("softplus", &y, &want);
    let (xbar,) = pb(c.clone());
    assert_close(
        "softplus pullback = σ",
        &xbar,
        &to64(&nn::sigmoid(&x)),
        F::TOL,
    );

    let (y, pb) = nn::relu_pullback(&x);
    assert_close("relu", &y, &to64(&x).mapv(|v| v.max(0.0)), 0.0);
    assert_eq!(
        pb(c).0,
        array![0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0].mapv(F::of)
    );
}

/// `got ≈ want` relative to `|want|` (for values far below 1), down to F's smallest
/// normal number (below it, F itself has no relative precision).
fn assert_close_relative<F: Prec>(what: &str, got: &Array1<F>, want: &Array1<f64>) {
    assert_finite(what, got);
    let eps = F::epsilon().to_f64().unwrap();
    let tiny = F::min_positive_value().to_f64().unwrap();
    for (&g, &w) in got.iter().zip(want) {
        let g = g.to_f64().unwrap();
        assert!(
            (g - w).abs() <= 4.0 * eps * w.abs() + tiny,
            "{what}: got {g}, want {w}"
        );
    }
}

fn large_axis_ops<F: Prec>() {
    let mut rng = Rng(8);
    // Shifted: x = 1000 + u, where softmax(x) = softmax(u) and logsumexp(x) = 1000 + logsumexp(u).
    let u: Array3<F> = rng.array((3, 4, 5), -3.0, 3.0);
    let x = u.mapv(|v| v + F::of(1000.0));
    let ud = to64(&u).into_dyn();
    for k in 0..3 {
        let axis = Axis(k);
        // f32 cannot represent 1000 + u to better than 2^-14.
        let tol = if F::TOL > 1e-10 { 1e-4 } else { 1e-10 };
        assert_close(
            "softmax, shifted",
            &nn::softmax(&x, axis).into_dyn(),
            &naive_softmax(&ud, axis),
            tol,
        );
        let want = naive_log_softmax(&ud, axis);
        assert_close(
            "log_softmax, shifted",
            &nn::log_softmax(&x, axis).into_dyn(),
            &want,
            tol,
        );
        let want = naive_logsumexp(&ud, axis).mapv(|v| v + 1000.0);
        assert_close(
            "logsumexp, shifted",
            &nn::logsumexp(&x, axis).into_dyn(),
            &want,
            F::TOL,
        );
    }
    // Saturated: x uniform in ±1000, where lanes hold values hundreds apart: softmax has
    // exact zeros and ones, log_softmax values near -2000. Then x = 1000 ± 2 (shifted).
    let x: Array3<F> = rng.array((3, 4, 5), -1000.0, 1000.0);
    let c: Array3<F> = rng.array((3, 4, 5), -1.0, 1.0);
    for (k, shifted) in [(0, false), (1, false), (2, false), (2, true)] {
        let axis = Axis(k);
        let x = if shifted {
            x.mapv(|v| v * F::of(0.002) + F::of(1000.0))
        } else {
            x.clone()
        };
        let (y, pb) = nn::softmax_pullback(&x, axis);
        assert_finite("softmax, large", &y);
        let (xbar, _) = pb(c.clone());
        let (z, pb) = nn::log_softmax_pullback(&x, axis);
        assert_finite("log_softmax, large", &z);
        let (zbar, _) = pb(c.clone());
        let (l, pb) = nn::logsumexp_pullback(&x, axis);
        assert_finite("logsumexp, large", &l);
        let cl = l.mapv(|_| F::of(0.3));
        let (lbar, _) = pb(cl.clone());
        // Softmax lanes sum to 1, and a uniform cotangent pulls back to 0 (softmax is
        // invariant to adding a constant to a lane).
        for s in y.sum_axis(axis) {
            assert_close_scalar("softmax lane sum, large", s, 1.0, 10.0 * F::TOL);
        }
        let (uniform, _) =
            nn::softmax_pullback(&x, axis).1(Array::from_elem(x.raw_dim(), F::one()));
        assert!(
            uniform
                .iter()
                .all(|v| v.abs() <= F::of(10.0) * F::epsilon())
        );
        if F::TOL < 1e-10 {
            // Finite differences are informative in f64 only at this magnitude.
            let xs = x.clone();
            check_vjp("softmax, large", &xs, |x| nn::softmax(x, axis), &c, &xbar);
            check_vjp(
                "log_softmax, large",
                &xs,
                |x| nn::log_softmax(x, axis),
                &c,
                &zbar,
            );
            check_vjp(
                "logsumexp, large",
                &xs,
                |x| nn::logsumexp(x, axis),
                &cl,
                &lbar,
            );
        } else {
            // f32 against f64 on the same (f32-representable) inputs.
            let x64 = to64(&x);
            let c64 = to64(&c);
            assert_close(
                "softmax, large, f32 vs f64",
                &y,
                &nn::softmax(&x64, axis),
                1e-5,
            );
            assert_close(
                "log_softmax, large, f32 vs f64",
                &z,
                &nn::log_softmax(&x64, axis),
                1e-5,
            );
            assert_close(
                "logsumexp, large, f32 vs f64",
                &l,
                &nn::logsumexp(&x64, axis),
                1e-6,
            );
            let want = nn::softmax_pullback(&x64, axis).1(c64.clone()).0;
            assert_close("softmax pullback, large, f32 vs f64", &xbar, &want, 1e-5);
            let want = nn::log_softmax_pullback(&x64, axis).1(c64).0;
            assert_close(
                "log_softmax pullback, large, f32 vs f64",
                &zbar,
                &want,
                1e-5,
            );
            let want = nn::logsumexp_pullback(&x64, axis).1(to64(&cl)).0;
            assert_close("logsumexp pullback, large, f32 vs f64", &lbar, &want, 1e-5);
        }
    }
    // Masked entries (-inf) get probability 0, and an all -inf lane does not poison others.
    let inf = F::infinity();
    let m = array![
        [F::zero(), -inf, F::zero()],
        [F::of(1000.0), -inf, F::of(-1000.0)]
    ];
    let y = nn::softmax(&m, Axis(1));
    assert_close(
        "softmax with -inf",
        &y,
        &array![[0.5, 0.0, 0.5], [1.0, 0.0, 0.0]],
        F::TOL,
    );
    let z = nn::log_softmax(&m, Axis(1));
    assert_eq!(z[[0, 1]], -inf);
    assert_eq!(z[[1, 2]], F::of(-2000.0));
}

fn large_losses<F: Prec>() {
    let mut rng = Rng(9);
    let x: Array2<F> = rng.array((6, 5), -1000.0, 1000.0);
    let labels = rng.labels(6, 5);
    let x64 = to64(&x);
    let g = F::of(1.0);

    let (loss, pb) = nn::cross_entropy_pullback(&x, &labels);
    assert!(loss.is_finite());
    let (xbar, _) = pb(g);
    assert_finite("cross_entropy pullback, large", &xbar);
    // Each row of the cotangent sums to 0 (softmax − one-hot).
    for s in xbar.sum_axis(Axis(1)) {
        assert!(s.abs() <= F::of(4.0) * F::epsilon());
    }
    // Reference: the max-shifted formula, in f64.
    let want: f64 = (0..6)
        .map(|r| {
            let row = x64.row(r);
            let m = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
            m + row.mapv(|v| (v - m).exp()).sum().ln() - row[labels[r]]
        })
        .sum::<f64>()
        / 6.0;
    assert_close_scalar("cross_entropy, large", loss, want, F::TOL);

    let t = one_hot::<F>(&labels, 5);
    let (loss1, pb) = nn::cross_entropy_one_hot_pullback(&x, &t);
    assert_close_scalar("cross_entropy_one_hot, large", loss1, want, F::TOL);
    let (xbar1, tbar) = pb(g);
    assert_close("one-hot vs labels, large", &xbar1, &to64(&xbar), F::TOL);
    assert_finite("cross_entropy_one_hot targets cotangent, large", &tbar);
    assert_close(
        "targets cotangent = −log_softmax / N",
        &tbar,
        &nn::log_softmax(&x64, Axis(1)).mapv(|v| -v / 6.0),
        F::TOL,
    );

    if F::TOL < 1e-10 {
        let c = arr0(g);
        check_vjp(
            "cross_entropy, large",
            &x,
            scalar_fn(|x| nn::cross_entropy(x, &labels)),
            &c,
            &xbar,
        );
        let soft: Array2<F> = rng.array((6, 5), 0.0, 1.0);
        let (_, pb) = nn::cross_entropy_one_hot_pullback(&x, &soft);
        let (xbar, tbar) = pb(g);
        check_vjp(
            "cross_entropy_one_hot, large, logits",
            &x,
            scalar_fn(|x| nn::cross_entropy_one_hot(x, &soft)),
            &c,
            &xbar,
        );
        check_vjp(
            "cross_entropy_one_hot, large, targets",
            &soft,
            scalar_fn(|t| nn::cross_entropy_one_hot(&x, t)),
            &c,
            &tbar,
        );
    }

    let q: Array2<F> = rng.array((6, 5), -1000.0, 1000.0);
    let (loss, pb) = nn::mse_pullback(&x, &q);
    assert_close_scalar("mse, large", loss, naive_mse(&x64, &to64(&q)), F::TOL);
    let (pbar, qbar) = pb(g);
    assert_close(
        "mse pullback, large",
        &pbar,
        &((&x64 - &to64(&q)) * (2.0 / 30.0)),
        F::TOL,
    );
    assert_eq!(qbar, pbar.mapv(|v| -v));
}

// =======================================================================================
// The calling convention: owned pullbacks, slot types, zero cotangents, errors

#[test]
fn pullbacks_outlive_their_arguments() {
    // Owned input dropped before the pullback runs.
    let pb = {
        let x = array![[1.0, 2.0], [3.0, 0.0]];
        nn::softmax_pullback(&x, Axis(1)).1
    };
    let (g, NotDifferentiated): (Array2<f64>, NotDifferentiated) =
        pb(array![[1.0, 0.0], [0.0, 0.0]]);
    assert_finite("stored pullback", &g);
    // A view dropped before the pullback runs (the data it borrows lives on).
    let data = array![[1.0f32, 2.0], [3.0, 0.0]];
    let labels = vec![0, 1];
    let pb = {
        let v = data.view();
        nn::cross_entropy_pullback(&v, &labels).1
    };
    drop(labels);
    let (g, NotDifferentiated): (Array2<f32>, NotDifferentiated) = pb(1.0);
    assert_finite("stored pullback", &g);
    // Stored in a collection, as a reverse sweep over a loop would.
    let xs: Vec<Array1<f64>> = (0..3).map(|k| array![k as f64, 1.0, -1.0]).collect();
    let pbs: Vec<_> = xs
        .iter()
        .map(|x| nn::logsumexp_pullback(x, Axis(0)).1)
        .collect();
    drop(xs);
    for pb in pbs.into_iter().rev() {
        let (g, _): (Array1<f64>, NotDifferentiated) = pb(arr0(1.0));
        assert_relative_eq!(g.sum(), 1.0, max_relative = 1e-15);
    }
    // Slot types of the two-argument losses.
    let (_, pb) = nn::mse_pullback(&array![1.0f32], &array![2.0f32]);
    let _: (Array1<f32>, Array1<f32>) = pb(1.0);
    let (_, pb) = nn::cross_entropy_one_hot_pullback(&array![[1.0f32]], &array![[1.0f32]]);
    let _: (Array2<f32>, Array2<f32>) = pb(1.0);
    let (_, pb) = nn::relu_pullback(&array![1.0f32]);
    let _: (Array1<f32>,) = pb(array![1.0]);
}

#[test]
fn the_shape_free_zero_pulls_back_to_itself() {
    // The crate's shape-free zero of an array cotangent is the empty marker (every axis of
    // length 0, `[0]` for `IxDyn`); a pullback maps it to the marker without computing.
    let x = array![[1.0, -2.0, 3.0], [0.5, 0.0, -1.0]];
    let marker = Array2::<f64>::zeros((0, 0));
    assert_eq!(
        nn::softmax_pullback(&x, Axis(1)).1(marker.clone()).0,
        marker
    );
    assert_eq!(
        nn::log_softmax_pullback(&x, Axis(0)).1(marker.clone()).0,
        marker
    );
    assert_eq!(nn::sigmoid_pullback(&x).1(marker.clone()).0, marker);
    assert_eq!(nn::softplus_pullback(&x.view()).1(marker.clone()).0, marker);
    assert_eq!(nn::relu_pullback(&x).1(marker.clone()).0, marker);
    assert_eq!(
        nn::logsumexp_pullback(&x, Axis(1)).1(Array1::zeros(0)).0,
        marker
    );
    let dyn_marker = ArrayD::<f64>::zeros(IxDyn(&[0]));
    let (g, _) = nn::softmax_pullback(&x.clone().into_dyn(), Axis(1)).1(dyn_marker.clone());
    assert_eq!(g, dyn_marker);
    // A zero scalar cotangent of a loss gives genuine zeros of the input's shape.
    let (g, _) = nn::cross_entropy_pullback(&x, &[0usize, 2]).1(0.0);
    assert_eq!(g, Array2::zeros((2, 3)));
}

#[test]
#[should_panic(
    expected = "ad_runtime::nn::softmax: the output cotangent has shape [3, 2], but the output has shape [2, 3]"
)]
fn a_cotangent_of_the_wrong_shape_is_an_error() {
    let x = array![[1.0, -2.0, 3.0], [0.5, 0.0, -1.0]];
    let _ = nn::softmax_pullback(&x, Axis(1)).1(Array2::ones((3, 2)));
}

#[test]
#[should_panic(expected = "label 3 of row 1 is out of range for 3 classes")]
fn a_label_out_of_range_is_an_error() {
    let _ = nn::cross_entropy(&Array2::<f64>::zeros((2, 3)), &[0usize, 3]);
}

#[test]
#[should_panic(expected = "the number of labels must equal the number of rows")]
fn too_few_labels_is_an_error() {
    let _ = nn::cross_entropy_pullback(&Array2::<f64>::zeros((2, 3)), &[0usize]);
}

#[test]
#[should_panic(
    expected = "ad_runtime::nn::mse: the arguments must have the same shape, got [2] and [3]"
)]
fn mse_of_different_shapes_is_an_error() {
    let _ = nn::mse(&Array1::<f64>::zeros(2), &Array1::<f64>::zeros(3));
}
