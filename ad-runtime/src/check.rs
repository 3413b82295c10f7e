//! Gradient checking: central finite differences, for testing generated derivatives.

/// Central finite-difference gradient of `f` at `x` with step `h` (relative to `max(1, |xᵢ|)`).
///
/// ```
/// let g = ad_runtime::check::fd_gradient(|x| x[0] * x[1], &[3.0, 4.0], 1e-6);
/// assert!((g[0] - 4.0).abs() < 1e-6 && (g[1] - 3.0).abs() < 1e-6);
/// ```
pub fn fd_gradient(f: impl Fn(&[f64]) -> f64, x: &[f64], h: f64) -> Vec<f64> {
    let mut p = x.to_vec();
    (0..x.len())
        .map(|i| {
            let step = h * x[i].abs().max(1.0);
            p[i] = x[i] + step;
            let up = f(&p);
            p[i] = x[i] - step;
            let down = f(&p);
            p[i] = x[i];
            (up - down) / (2.0 * step)
        })
        .collect()
}

/// Central finite difference of `f` at `x` along the direction `v` (step `h` relative to
/// `max(1, |x|∞)`): what a Jacobian–vector product `J v` of a scalar function approximates.
///
/// ```
/// let d = ad_runtime::check::fd_directional(|x| x[0] * x[1], &[3.0, 4.0], &[1.0, -1.0], 1e-6);
/// assert!((d - (4.0 - 3.0)).abs() < 1e-6);
/// ```
pub fn fd_directional(f: impl Fn(&[f64]) -> f64, x: &[f64], v: &[f64], h: f64) -> f64 {
    let scale = x.iter().fold(1.0_f64, |m, a| m.max(a.abs()));
    let step = h * scale;
    let at = |s: f64| -> Vec<f64> { x.iter().zip(v).map(|(a, d)| a + s * d).collect() };
    (f(&at(step)) - f(&at(-step))) / (2.0 * step)
}

/// Whether `a` and `b` agree to relative tolerance `rtol` (and absolute `atol` near zero),
/// element by element. Returns the first offending index on failure.
pub fn compare(a: &[f64], b: &[f64], rtol: f64, atol: f64) -> Result<(), String> {
    if a.len() != b.len() {
        return Err(format!("length {} != {}", a.len(), b.len()));
    }
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        let tol = atol + rtol * x.abs().max(y.abs());
        let within = (x - y).abs() <= tol; // false for NaN
        if !within {
            return Err(format!(
                "index {i}: {x} vs {y} (|diff| {} > tol {tol})",
                (x - y).abs()
            ));
        }
    }
    Ok(())
}

/// Checks an analytic gradient against central finite differences of `f`.
///
/// # Panics
/// With a message naming the first component that disagrees.
pub fn assert_gradient(f: impl Fn(&[f64]) -> f64, x: &[f64], grad: &[f64], rtol: f64) {
    let fd = fd_gradient(f, x, 1e-6);
    if let Err(e) = compare(grad, &fd, rtol, rtol) {
        panic!(
            "gradient does not match finite differences at {x:?}: {e}\n  analytic: {grad:?}\n  finite differences: {fd:?}"
        );
    }
}

// ---- f_check --------------------------------------------------------------------------

/// What `f_check` found: the generated derivative along a random direction disagrees with
/// central finite differences.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// The function checked.
    pub function: &'static str,
    /// Which derivative: `"f_jvp"` (forward mode) or `"f_vjp"` (reverse mode, `⟨∇f, v⟩`).
    pub mode: &'static str,
    /// The generated directional derivative.
    pub generated: f64,
    /// The central difference `(f(x + hv) - f(x - hv)) / 2h`.
    pub finite_difference: f64,
    /// The tolerance it exceeded.
    pub tolerance: f64,
}

impl core::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "`{}`: the directional derivative from {} is {:e}, central differences give {:e} (tolerance {:e})",
            self.function, self.mode, self.generated, self.finite_difference, self.tolerance
        )
    }
}

impl std::error::Error for Mismatch {}

/// `n` pseudo-random values in `[-1, 1]` (SplitMix64 from `seed`, which moves on).
#[doc(hidden)]
pub fn directions<F: num_traits::Float>(n: usize, seed: &mut u64) -> Vec<F> {
    (0..n)
        .map(|_| {
            *seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = *seed;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            let u = (z >> 11) as f64 / (1u64 << 53) as f64;
            F::from(2.0 * u - 1.0).unwrap()
        })
        .collect()
}

/// [`directions`] for the elements of `x`, each scaled by its size clamped to `[10⁻³, 1]`:
/// one step `h` along them moves a small element in proportion to it (a probability `0.2`
/// next to a frequency `1500` is not differenced across its own scale) and a large one by
/// at most `h` (whose rounding the verdict's tolerance allows for).
#[doc(hidden)]
pub fn directions_for<T: crate::__private::Flat + ?Sized>(x: &T, seed: &mut u64) -> Vec<T::F> {
    let mut flat = Vec::new();
    x.flat_push(&mut flat);
    let d: Vec<T::F> = directions(flat.len(), seed);
    flat.iter()
        .zip(d)
        .map(|(a, d)| {
            let floor = <T::F as num_traits::NumCast>::from(1e-3).unwrap();
            let one = <T::F as num_traits::One>::one();
            d * num_traits::Float::min(
                num_traits::Float::max(num_traits::Float::abs(*a), floor),
                one,
            )
        })
        .collect()
}

/// `x + h v` shaped like `x` (`v` flat, in `x`'s flat order).
#[doc(hidden)]
pub fn shifted<T: crate::__private::Flat + ?Sized>(x: &T, v: &[T::F], h: f64) -> T::Basis {
    let mut flat = Vec::new();
    x.flat_push(&mut flat);
    let h = <T::F as num_traits::NumCast>::from(h).unwrap();
    let moved: Vec<T::F> = flat.iter().zip(v).map(|(a, b)| *a + h * *b).collect();
    x.from_flat(&moved)
}

/// The body of a generated `f_check`, written once (README "Compile time"): along the
/// pseudo-random direction `v` of [`directions_for`] over `args` (the differentiated
/// arguments as a tuple of references), `jvp(v)`'s tangent and `⟨grad(), v⟩` against the
/// differences of `at` (the function with the differentiated arguments replaced by the
/// shifted ones) at steps `±h` and `±2h` ([`verdict`]).
#[doc(hidden)]
pub fn check_with<A, Y, T, G>(
    function: &'static str,
    args: &A,
    single: bool,
    jvp: impl FnOnce(&A::Basis) -> (Y, T),
    grad: impl FnOnce() -> G,
    mut at: impl FnMut(&A::Basis) -> Y,
) -> Result<(), Mismatch>
where
    A: crate::__private::Flat + ?Sized,
    Y: num_traits::ToPrimitive,
    T: num_traits::ToPrimitive,
    G: crate::__private::Flat<F = A::F>,
{
    let mut seed: u64 = 0x005e_ed0f_c4ec;
    let d = directions_for(args, &mut seed);
    let h = step(1.0, single);
    let (y, t) = jvp(&args.from_flat(&d));
    let gv = flat_dot(&grad(), &d);
    fn f64_of<V: num_traits::ToPrimitive>(v: &V) -> f64 {
        v.to_f64().unwrap_or(f64::NAN)
    }
    let mut f = |s: f64| f64_of(&at(&shifted(args, &d, s)));
    let values = [f(h), f(-h), f(2.0 * h), f(-2.0 * h)];
    verdict(function, f64_of(&y), f64_of(&t), gv, values, h, single)
}

/// `⟨g, v⟩` for a gradient `g` (flattened in parameter order) and a flat direction `v`.
#[doc(hidden)]
pub fn flat_dot<T: crate::__private::Flat + ?Sized>(g: &T, v: &[T::F]) -> f64 {
    let mut flat = Vec::new();
    g.flat_push(&mut flat);
    flat.iter()
        .zip(v)
        .map(|(a, b)| num_traits::ToPrimitive::to_f64(&(*a * *b)).unwrap_or(f64::NAN))
        .sum()
}

/// The step of `f_check`'s central differences, for arguments of size `scale`.
#[doc(hidden)]
pub fn step(scale: f64, single: bool) -> f64 {
    let eps = if single { 1e-2 } else { 1e-5 };
    eps * scale.max(1.0)
}

/// The verdict of `f_check`: both directional derivatives against the Richardson
/// extrapolation `(4 d_h - d_2h) / 3` of the central differences at steps `h` and `2h`
/// (`values` = `f(x + hv), f(x - hv), f(x + 2hv), f(x - 2hv)`), with a tolerance relative to
/// the derivatives, plus the differences' own disagreement `|d_h - d_2h|` (their truncation
/// error, which a derivative near 0 next to a large third derivative has) and the rounding of
/// `f`'s values. No absolute floor: a rule wrong by its whole size is caught however small the
/// derivative (`1e-6 sin x` with a zero rule).
#[doc(hidden)]
#[allow(clippy::too_many_arguments)]
pub fn verdict(
    function: &'static str,
    value: f64,
    jvp: f64,
    vjp: f64,
    values: [f64; 4],
    h: f64,
    single: bool,
) -> Result<(), Mismatch> {
    let [up, down, up2, down2] = values;
    let d1 = (up - down) / (2.0 * h);
    let d2 = (up2 - down2) / (4.0 * h);
    let fd = (4.0 * d1 - d2) / 3.0;
    let rel = if single { 2e-2 } else { 1e-5 };
    // Rounding of f's values, amplified by the extrapolation (about 1.5 / h).
    let round = if single { 1e-6 } else { 1e-15 };
    let scale = value.abs().max(up.abs()).max(down.abs());
    for (mode, generated) in [("f_jvp", jvp), ("f_vjp", vjp)] {
        let tolerance =
            rel * generated.abs().max(fd.abs()) + (d1 - d2).abs() + 2.0 * round * scale / h;
        if !((generated - fd).abs() <= tolerance) {
            return Err(Mismatch {
                function,
                mode,
                generated,
                finite_difference: fd,
                tolerance,
            });
        }
    }
    Ok(())
}
