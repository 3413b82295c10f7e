//! Compile-time automatic differentiation for Rust (reverse mode, forward mode, second order).
//!
//! `#[differentiable]` rewrites an ordinary function, at compile time, into the unchanged
//! primal plus generated derivative functions: `f_vjp` (vector–Jacobian product) and
//! `f_grad` (value and gradient of a scalar function) in reverse mode, `f_jvp`
//! (Jacobian–vector product) in forward mode, `f_jacobian` (whichever mode needs fewer
//! passes), and by nesting the two `f_hvp` (Hessian–vector product, forward over reverse on
//! [`Dual`] numbers) and `f_hessian`. The derivative is plain Rust that the
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
//!
//! // Second order: the Hessian–vector product H·(1, 0) = (-sin x, 1).
//! let (_, _, (hx, hy)) = f_hvp(1.0, 2.0, 1.0, 0.0);
//! assert!((hx + 1f64.sin()).abs() < 1e-15);
//! assert_eq!(hy, 1.0);
//! ```
//!
//! Arrays are ndarray's (re-exported as [`ndarray`]); fused neural-network ops with their own
//! derivatives are in [`nn`]:
//!
//! ```
//! use ad_runtime::ndarray::{array, Array1, Array2};
//! use ad_runtime::{differentiable, nn};
//!
//! #[differentiable(wrt(w))]
//! fn loss(w: &Array2<f64>, x: &Array2<f64>, labels: &[usize]) -> f64 {
//!     nn::cross_entropy(&x.dot(w), labels)
//! }
//!
//! let w = array![[0.1, -0.2], [0.3, 0.4]];
//! let x = array![[1.0, 2.0], [-1.0, 0.5]];
//! let (l, dw) = loss_grad(&w, &x, &[0, 1]);
//! assert!(l > 0.0 && dw.dim() == (2, 2));
//! ```
//!
//! This crate holds what the generated code calls:
//! - [`rules`]: the derivative rules, one module per op family (scalars, slices, and
//!   [`rules::tensor`] for arrays);
//! - [`nn`]: activations, softmax and losses with fused, numerically stable derivatives;
//! - [`traits`]: how values, zeros and cotangents behave per type;
//! - [`tape`]: the typed stacks the reverse sweep pops;
//! - [`dual`]: the dual numbers second-order code runs on;
//! - [`check`]: finite-difference gradient checking for tests.
//!
//! See the macro's documentation ([`differentiable`]) for what it accepts and generates.

#![warn(missing_docs)]

pub mod check;
pub mod checkpoint;
pub mod dual;
mod forward;
pub mod implicit;
mod jacobian;
/// Fused, numerically stable neural-network ops (activations, softmax, losses) with pullbacks.
pub mod nn;
pub mod optim;
pub mod rules;
mod stop;
pub mod structs;
pub mod tape;
pub mod traits;

#[doc(hidden)]
pub mod __private;

/// `#[derive(Differentiable)]`: makes a struct usable as a parameter of differentiable
/// functions; its tangent type is the struct itself (see [`structs`]). Fields are floats,
/// `Vec`s, fixed-size arrays, ndarray arrays or other derived structs; mark any other field
/// `#[no_derivative]` (it is cloned into gradients and needs `Default`).
pub use ad_macros::Differentiable;
/// Differentiates a function at compile time (reverse mode, and forward mode for functions
/// of scalars, slices and `Vec`s).
///
/// ```
/// use ad_runtime::differentiable;
///
/// #[differentiable]
/// fn rosen(x: &[f64]) -> f64 {
///     let mut s = 0.0;
///     for i in 0..x.len() - 1 {
///         let a = x[i + 1] - x[i] * x[i];
///         let b = 1.0 - x[i];
///         s += 100.0 * a * a + b * b;
///     }
///     s
/// }
///
/// let (value, grad) = rosen_grad(&[1.0, 1.0, 1.0]);
/// assert_eq!(value, 0.0);
/// assert_eq!(grad, vec![0.0, 0.0, 0.0]);
/// ```
///
/// # What is generated
///
/// For `#[differentiable] fn f(a: A, b: B, n: usize) -> R`, next to the unchanged `f`:
///
/// - `f_vjp(a, b, n, seed: R) -> (R, G)`: the value and the vector–Jacobian product, the
///   cotangents of the differentiated parameters given the output cotangent `seed`;
/// - `f_grad(a, b, n) -> (R, G)` when `R` is `f64` or `f32`: `f_vjp(.., 1.0)`;
/// - `f_pullback(a, b, n) -> (R, impl FnOnce(R) -> (..))` (hidden): split reverse mode, used
///   for calls between differentiable functions;
/// - `f_jvp(a, b, n, da, db) -> (R, TR)`: forward mode, the value and the Jacobian–vector
///   product along the tangents of the differentiated parameters (each of its parameter's
///   type); on ndarray arrays it runs the function on [`Dual`] numbers; a function neither
///   way takes (`concatenate`/`stack`) gets one that fails to compile where it is called;
/// - `f_pushforward` (hidden): forward mode with one tangent slot per parameter, used for
///   calls between differentiable functions;
/// - `f_jacobian(a, b, n) -> (R, Array2<F>)` when parameters and result flatten to vectors:
///   n forward passes or m reverse passes, whichever is fewer;
/// - `f_hvp(a, b, n, va, vb) -> (R, G, G)` when `R` is a float: the value, the gradient and
///   the Hessian–vector product `H·v` (forward over reverse: one reverse sweep on [`Dual`]
///   numbers, run by the hidden generic `f_hvp_pullback`);
/// - `f_hessian(a, b, n) -> (R, G, Array2<R>)` when `R` is a float and the differentiated
///   parameters are floats, slices, `Vec`s or fixed-size arrays: one `f_hvp` per column.
///
/// `#[differentiable(order = 1)]` leaves out `f_hvp`, `f_hessian` and `f_hvp_pullback`
/// (first derivatives only: a smaller build), and with them forward mode on arrays.
///
/// `#[differentiable(custom(jvp = f_jvp_rule, vjp = f_vjp_rule))]` (either rule or both):
/// the body is not differentiated; the rules are the derivatives (`jvp` with `f_jvp`'s
/// signature, `vjp` returning the value and a closure from the output cotangent to `G`), and
/// every generated function is built around them. A mode without its rule fails to compile
/// where it is used, naming the rule; second order through such a function is not supported
/// yet. [`stop_gradient`] is the identity with derivative zero.
///
/// `f_check(a, b, n) -> Result<(), check::Mismatch>` (float result, parameters that
/// flatten to vectors) checks `f_jvp` and `f_grad` against central differences along a
/// pseudo-random direction.
///
/// Parameters may be `#[derive(Differentiable)]` structs (their gradient is the struct; see
/// [`structs`]); on a method (`fn f(&self, ..)` in an `impl` of such a struct) the generated
/// functions are methods with the same receiver (`wrt(self, ..)` names the receiver). An
/// associated function whose signature names neither `self` nor `Self` needs the attribute on
/// its `impl` block too (`#[differentiable] impl Model { #[differentiable] fn f(..) }`): the
/// block's attribute tells the functions in it that they are associated functions. A
/// function generic over one float type parameter (`fn f<T: Float>(x: &[T]) -> T`) is
/// instantiated at `f64` and `f32` behind generic wrappers (second order at `f64`).
///
/// The body may use iterator chains over slices and ranges (`map`, `filter`, `enumerate`,
/// `zip`, `skip`, `take`, `step_by`, `chain`, `rev` into `sum`, `product`, `fold`, `count`,
/// `collect` or a `for` loop), closures bound by `let` (inlined where called), array
/// expressions of floats (`[x, y * 2.0]`, `vec![..]`, `[[a, b], [c, d]]`) and array patterns
/// (`let [a, b] = *p;`), `match` with guards that read its bindings, slice accessors
/// (`first`, `last`, `split_at`), ndarray arrays built from values (`Array1::from_vec`,
/// `arr1`, `from_shape_vec`), `assign`, `scaled_add`, `map_axis` of 2-D arrays and `Zip` of
/// 1-D arrays; functions may call each other recursively (also mutually).
///
/// `#[checkpoint]` (or `#[checkpoint(snapshots = K)]`) on a time loop of the body,
/// `for i in a..b { s = step(&s, ..); }` with `step` `#[differentiable]`, makes the reverse
/// sweep (and `f_hvp`'s) reverse it by binomial checkpointing with `K` stored states
/// (default `⌈log₂ n⌉`) instead of one record per step; see [`checkpoint`]:
///
/// ```
/// use ad_runtime::differentiable;
///
/// #[differentiable]
/// fn step(s: f64, h: f64) -> f64 {
///     s + h * s.cos()
/// }
///
/// #[differentiable]
/// fn flow(s0: f64, h: f64, n: usize) -> f64 {
///     let mut s = s0;
///     #[checkpoint]
///     for _ in 0..n {
///         s = step(s, h);
///     }
///     s
/// }
///
/// let (v, (ds0, dh)) = flow_grad(0.3, 0.01, 10_000);
/// assert_eq!(v, flow(0.3, 0.01, 10_000));
/// let e = 1e-6;
/// let fd = (flow(0.3 + e, 0.01, 10_000) - flow(0.3 - e, 0.01, 10_000)) / (2.0 * e);
/// assert!((ds0 - fd).abs() < 1e-6 && dh.is_finite());
/// ```
///
/// `G` is the tangent of the one differentiated parameter, or a tuple of them in parameter
/// order. Float parameters (`f64`, `f32`, `&[f64]`, `Vec<f64>`, ndarray arrays and views,
/// ...) are differentiated; integers, `bool` and their collections are constants.
/// `#[differentiable(wrt(a, b))]` differentiates only the named parameters.
///
/// Counted loops of both sweeps may run a copy without bounds checks, behind a guard the
/// generated code evaluates right before the loop from the values the loop will use (loop
/// versioning): if any index could be out of bounds, the checked copy runs. Those accesses
/// are `unsafe` blocks, allowed on the generated functions (`#[allow(unsafe_code)]`), so a
/// crate that *denies* `unsafe_code`
/// compiles; in a crate that *forbids* it, write `#[differentiable(checked)]` (also
/// `#[differentiable(wrt(a), checked)]`), which keeps every bounds check and emits no
/// `unsafe` (same gradient, slower loops).
///
/// # Equivalent code
///
/// ```
/// use ad_runtime::differentiable;
///
/// #[differentiable]
/// fn f(x: f64, y: f64) -> f64 {
///     x * y + x.sin()
/// }
/// # let (v, (dx, dy)) = f_grad(0.5, 2.0);
/// # assert_eq!((v, dx, dy), (0.5 * 2.0 + 0.5f64.sin(), 2.0 + 0.5f64.cos(), 0.5));
/// ```
///
/// generates, besides `f` itself, the equivalent of this hand-written adjoint (the real
/// expansion routes each step through a rule in `ad_runtime::rules`, so the same code serves
/// `f32`; see `tests/expand/` in the repository for full expansions):
///
/// ```
/// fn f_vjp_by_hand(x: f64, y: f64, seed: f64) -> (f64, (f64, f64)) {
///     // forward sweep: the primal, keeping what the reverse sweep reads
///     let v1 = x * y;
///     let v2 = x.sin();
///     let out = v1 + v2;
///     // reverse sweep: adjoints in reverse order
///     let (mut dx, mut dy) = (0.0, 0.0);
///     let (dv1, dv2) = (seed, seed); // out = v1 + v2
///     dx += dv2 * x.cos(); // v2 = sin x
///     dx += dv1 * y; // v1 = x y
///     dy += x * dv1;
///     (out, (dx, dy))
/// }
/// # assert_eq!(f_vjp_by_hand(0.5, 2.0, 1.0), (0.5 * 2.0 + 0.5f64.sin(), (2.0 + 0.5f64.cos(), 0.5)));
/// ```
///
/// # What it accepts
///
/// Straight-line code (`let` with shadowing, annotations and tuple patterns; `+ - * / %`;
/// unary `-`; casts; every float method with a derivative, in method and path form), `if`
/// and `match` on constants, `for` over ranges and slices, `while`, `loop`, `break`,
/// `continue`, early `return`, mutable locals, local `Vec` buffers, sub-slices, and calls
/// to other `#[differentiable]` functions (any module or crate, recursion included). The
/// README has the full table.
///
/// # Errors
///
/// Anything it cannot differentiate correctly is a compile error on the offending code
/// that names the construct and what to write instead — never a silent zero. Calling, on
/// differentiated values, a function that is not `#[differentiable]` fails with rustc's
/// "cannot find function `g_pullback`" on the call: mark `g` `#[differentiable]`.
pub use ad_macros::differentiable;
pub use dual::Dual;
pub use ndarray;
/// `num_traits`, re-exported for the bounds of generic differentiable functions
/// (`T: Float + num_traits::FromPrimitive`).
pub use num_traits;
/// The bound of functions generic over their float type (`fn f<T: Float>(x: &[T]) -> T`):
/// `num_traits::Float`.
pub use num_traits::Float;
pub use stop::{StopGradient, stop_gradient};
pub use structs::{FieldRead, VectorSpace};
pub use traits::{Accumulate, Differentiable, Real, Zero};
