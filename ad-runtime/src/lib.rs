//! Compile-time reverse-mode automatic differentiation for Rust.
//!
//! `#[differentiable]` rewrites an ordinary function, at compile time, into the unchanged
//! primal plus generated derivative functions: `f_vjp` (vector–Jacobian product) and
//! `f_grad` (value and gradient of a scalar function). The derivative is plain Rust that the
//! optimiser sees whole; nothing is recorded node by node at run time.
//!
//! ```
//! use ad_runtime::differentiable;
//!
//! #[differentiable]
//! fn f(x: f64, y: f64) -> f64 {
//!     x * y + x.sin()
//! }
//!
//! let (v, (dx, dy)) = f_grad(1.0, 2.0);
//! assert_eq!(v, 2.0 + 1f64.sin());
//! assert!((dx - (2.0 + 1f64.cos())).abs() < 1e-15);
//! assert_eq!(dy, 1.0);
//! ```
//!
//! This crate holds what the generated code calls:
//! - [`rules`]: the derivative rules, one module per op family;
//! - [`traits`]: how values, zeros and cotangents behave per type;
//! - [`tape`]: the typed stacks the reverse sweep pops;
//! - [`check`]: finite-difference gradient checking for tests.
//!
//! See the macro's documentation ([`differentiable`]) for what it accepts and generates.

pub mod check;
pub mod rules;
pub mod tape;
pub mod traits;

#[doc(hidden)]
pub mod __private;

pub use ad_macros::differentiable;
pub use ndarray;
pub use traits::{Accumulate, Differentiable, Real, Zero};
