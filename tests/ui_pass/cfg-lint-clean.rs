// The unchecked copies of counted loops are compiled only under
// `#[cfg(any(not(debug_assertions), ad_fast_paths))]` (see `ad_macros::codegen::fast_paths`).
// `ad_fast_paths` is no cfg a user's crate declares: the generated functions allow
// `unexpected_cfgs`, so a crate that denies the lint still compiles; `main` checks the
// gradient against its closed form.
#![deny(unexpected_cfgs)]

use ad_runtime::differentiable;

/// A loop of both sweeps that gets a versioned copy: `Σ (x[i+1] - x[i]²)²`.
#[differentiable]
fn chain(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        s += a * a;
    }
    s
}

fn main() {
    let x = [0.5, 2.0, -1.0];
    let (v, g) = chain_grad(&x);
    assert_eq!(v, chain(&x));
    // a0 = x1 - x0², a1 = x2 - x1²: ∂/∂x0 = -4 x0 a0, ∂/∂x1 = 2 a0 - 4 x1 a1, ∂/∂x2 = 2 a1.
    let (a0, a1) = (x[1] - x[0] * x[0], x[2] - x[1] * x[1]);
    let want = [-4.0 * x[0] * a0, 2.0 * a0 - 4.0 * x[1] * a1, 2.0 * a1];
    for (g, w) in g.iter().zip(want) {
        assert!((g - w).abs() <= 1e-12 * w.abs().max(1.0), "{g} vs {w}");
    }
}
