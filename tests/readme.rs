//! The README's quick start, verbatim between the two marker lines: it must compile and run,
//! and the README must still show exactly this code.

// README quick start begins
use ad_runtime::differentiable;

#[differentiable]
fn f(x: f64, y: f64) -> f64 {
    x * y + x.sin()
}

#[differentiable]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

fn main() {
    let (v, (dx, dy)) = f_grad(1.0, 2.0); // ∂f/∂x = y + cos x, ∂f/∂y = x
    assert_eq!(v, f(1.0, 2.0));
    assert_eq!((dx, dy), (2.0 + 1f64.cos(), 1.0));

    let (v, g) = rosenbrock_grad(&[0.5, 1.0]);
    assert_eq!(v, rosenbrock(&[0.5, 1.0]));
    assert_eq!(g, vec![-151.0, 150.0]);

    // Forward mode and second order: the directional derivative along e₀ and H·e₀.
    let (_, d) = rosenbrock_jvp(&[0.5, 1.0], &[1.0, 0.0]);
    assert_eq!(d, -151.0);
    let (_, _, hv) = rosenbrock_hvp(&[0.5, 1.0], &[1.0, 0.0]);
    assert_eq!(hv, vec![-98.0, -200.0]);
}
// README quick start ends

#[test]
fn quick_start_runs() {
    main();
    // The primals are unchanged by the attribute.
    assert_eq!(f(1.0, 2.0), 2.0 + 1f64.sin());
    assert_eq!(rosenbrock(&[0.5, 1.0]), 56.5);
}

#[test]
fn readme_shows_the_quick_start() {
    let this = include_str!("readme.rs");
    let begin = "// README quick start begins\n";
    let start = this.find(begin).unwrap() + begin.len();
    let end = this.find("// README quick start ends").unwrap();
    let code = &this[start..end];
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(&format!("```rust\n{code}```")),
        "README.md's quick start differs from tests/readme.rs; copy the code between the markers into the README"
    );
}
