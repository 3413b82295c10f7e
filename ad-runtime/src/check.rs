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
