//! The VJP of `w.dot(&x)` for a 2000×3000 `w` is two structured products (W̄ = ȳ xᵀ and
//! x̄ = Wᵀ ȳ), never the 2000×(2000·3000) Jacobian: its peak memory is a small multiple of
//! the m·n weight matrix. A counting global allocator measures the peak; the time is
//! printed (speed itself is measured by the criterion benchmarks, not asserted here).

use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Array2, Axis};

#[path = "common/counting_alloc.rs"]
mod counting_alloc;

#[differentiable]
#[allow(dead_code)] // only its generated VJP is used
fn layer(w: &Array2<f64>, x: &Array1<f64>) -> Array1<f64> {
    w.dot(x)
}

#[test]
fn dot_vjp_2000_by_3000_is_structured() {
    let (m, n) = (2000, 3000);
    let w = Array2::from_shape_fn((m, n), |(i, j)| {
        ((i * 31 + j * 17) % 101) as f64 / 101.0 - 0.5
    });
    let x = Array1::from_shape_fn(n, |j| (j % 7) as f64 / 7.0 - 0.5);
    let seed = Array1::from_shape_fn(m, |i| (i % 5) as f64 / 5.0 - 0.4);

    let before = counting_alloc::reset_peak();
    let start = std::time::Instant::now();
    let (y, (dw, dx)) = layer_vjp(&w, &x, seed.clone());
    let elapsed = start.elapsed();
    let peak = counting_alloc::peak() - before;
    eprintln!(
        "VJP of a {m}x{n} matrix-vector product: {:.1} ms, peak extra memory {:.1} MB (W is {:.1} MB)",
        elapsed.as_secs_f64() * 1e3,
        peak as f64 / 1e6,
        (m * n * 8) as f64 / 1e6
    );

    // O(m·n) memory: the gradient of W itself (m·n) plus vectors; a Jacobian would be
    // m·(m·n) doubles (96 GB here).
    let matrix = m * n * std::mem::size_of::<f64>();
    assert!(
        peak <= 2 * matrix + 1_000_000,
        "peak extra memory {peak} bytes exceeds 2 × the {matrix}-byte matrix"
    );

    // The values: y = W x, W̄ = ȳ xᵀ, x̄ = Wᵀ ȳ (checked on a sample of entries).
    let y_ref = w.dot(&x);
    assert!((&y - &y_ref).iter().all(|d| d.abs() < 1e-9));
    for &(i, j) in &[(0, 0), (1999, 2999), (1234, 567), (7, 2500)] {
        assert!((dw[[i, j]] - seed[i] * x[j]).abs() < 1e-12);
    }
    let dx_ref = w.t().dot(&seed);
    assert!(
        dx.iter()
            .zip(dx_ref.iter())
            .all(|(a, b)| (a - b).abs() < 1e-9)
    );
    assert_eq!(dw.dim(), (m, n));
    assert_eq!(dx.len_of(Axis(0)), n);
}
