// Generated code still compiles when the user's scope shadows the prelude's types
// (`Result`, `Option`, `Vec`, `Box`, `String`): it must reach them by absolute paths. The
// functions cover loops, branches, early returns, calls between #[differentiable] functions,
// recursion (boxed pullbacks), slices and a `Vec` output; `main` checks the gradients
// against their closed forms.
#![allow(dead_code)]

use ad_runtime::differentiable;

type Result = ();
type Option = ();
type Vec = ();
type Box = ();
type String = ();

#[differentiable]
fn sq(x: f64) -> f64 {
    x * x
}

/// `(4x - 4) x² + sin(x²)` for `xs = [1, -2, 3]`: positive entries add `xs[i] x`, negative
/// ones subtract `xs[i]²`.
#[differentiable]
fn mixed(x: f64, xs: &[f64], n: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        if xs[i] > 0.0 {
            s = s + xs[i] * x;
        } else {
            s = s - sq(xs[i]);
        }
    }
    let mut k = 0;
    while k < 2 {
        s = s * x;
        k += 1;
    }
    s + sq(x).sin()
}

/// `xⁿ` by recursion.
#[differentiable]
fn pow_rec(x: f64, n: u32) -> f64 {
    if n == 0 { 1.0 } else { x * pow_rec(x, n - 1) }
}

/// `x²` for positive `x`, else `-x`.
#[differentiable]
fn early(x: f64) -> f64 {
    if x > 0.0 {
        return x * x;
    }
    -x
}

/// `[c x₀, c x₁, ..]`.
#[differentiable]
fn scale(xs: &[f64], c: f64) -> ::std::vec::Vec<f64> {
    let mut out = ::std::vec::Vec::new();
    for &x in xs.iter() {
        out.push(c * x);
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * (1.0 + b.abs())
}

fn main() {
    let x = 0.5;
    let xs = [1.0, -2.0, 3.0];
    let (v, (dx, dxs)) = mixed_grad(x, &xs, 3);
    assert!(close(v, (4.0 * x - 4.0) * x * x + (x * x).sin()));
    assert!(close(dx, 12.0 * x * x - 8.0 * x + 2.0 * x * (x * x).cos()));
    let want = [x * x * x, 4.0 * x * x, x * x * x];
    assert_eq!(dxs.len(), 3);
    for (g, w) in dxs.iter().zip(want) {
        assert!(close(*g, w), "{g} vs {w}");
    }

    let (v, d) = pow_rec_grad(1.5, 3);
    assert!(close(v, 1.5f64.powi(3)));
    assert!(close(d, 3.0 * 1.5 * 1.5));

    assert_eq!(early_grad(3.0), (9.0, 6.0));
    assert_eq!(early_grad(-3.0), (3.0, -1.0));

    let seed = vec![1.0, 10.0];
    let (y, (dxs, dc)) = scale_vjp(&[2.0, 3.0], 4.0, seed);
    assert_eq!(y, vec![8.0, 12.0]);
    assert_eq!(dxs, vec![4.0, 40.0]);
    assert!(close(dc, 2.0 + 30.0));
}
