//! Programs from the automatic-differentiation literature and from other AD tools' test
//! suites, written as a user would write them and checked in every mode against finite
//! differences: Griewank & Walther's textbook examples, optimisation test functions, the
//! control-flow and language tests of Clad and Enzyme, small simulations and numerical
//! linear algebra, and ndarray models.
//!
//! # The harness (`harness.rs`)
//!
//! Each case flattens the differentiated inputs into one point `x: &[f64]` and hands
//! [`harness::verify`] closures that call the generated functions on it. At `x` and along a
//! fixed direction `v`, `verify` checks
//!
//! - the value returned by `f_grad`, `f_jvp` and `f_hvp` against `f` (relative 1e-12);
//! - `f_grad` against 5-point central differences of `f` (relative 1e-6, step 1e-4 scaled by
//!   `max(1, |x_i|)`);
//! - `f_jvp` against `grad · v` (relative 1e-9 of `Σ |g_i v_i|`);
//! - `f_hvp`'s gradient against `f_grad` (1e-10), and its `H v` against 5-point differences
//!   of `f_grad` along `v` (1e-5);
//! - `f_check`'s own verdict, where the function has one;
//!
//! and panics with every failure at once. Functions with a vector result (`[f64; N]`, a
//! tuple, a `Vec<f64>`) go through [`harness::verify_vector`]: `f_jacobian` against
//! differences of each component, `f_jvp` against differences of each component along `v`
//! and against `J v`, and `f_vjp` against `wᵀ J` and the differences of `w · f`. Some cases
//! add closed forms (Speelpenning, Rosenbrock's and Himmelblau's Hessians, softmax's
//! Jacobian, `f32` instantiations of generic functions). The tests at the end of this file
//! check that the harness itself fails on a wrong gradient, a wrong JVP, a wrong
//! Hessian–vector product and a wrong vector JVP.
//!
//! # The programs
//!
//! - `textbook`: Griewank & Walther, optimisation test functions;
//! - `control`: loops, branches, early returns, recursion, helpers;
//! - `scalars`: `f64` methods, powers, piecewise-smooth functions;
//! - `language`: closures, iterators, generics, fixed-size arrays, `Vec<Vec<f64>>`;
//! - `buffers`: local buffers, in-place updates, by-value `Vec` and array parameters;
//! - `constructs`: one small test per construct the programs once needed workarounds for
//!   (copies of array and `Vec` parameters, writes into a by-value array parameter, rows of
//!   `&Vec<Vec<f64>>` as values, `[f64; N]` results, loops over borrowed sub-slices);
//! - `simulations`: ODE integrators, n-body, springs, pendulums, Black–Scholes, quadrature;
//! - `linalg`: numerical linear algebra and numerics on flat buffers;
//! - `arrays`: ndarray models;
//! - `models`: models as structs with `#[differentiable]` methods, an Adam loop, particles,
//!   springs, a pendulum state struct under RK4, heat equations;
//! - `layers`: networks as `Vec`s (and arrays) of layer structs (`for l in &self.layers`,
//!   `self.layers[i].forward(h)`, `fold`, `&[Layer]` parameters, ndarray `Dense` layers);
//! - `generic`: `T: Float` code at `f64` and `f32`, closures, `Option` and enum parameters,
//!   `if let` / `match` / `let else` / `while let`, iterator chains;
//! - `networks`: ndarray networks (MLPs, convolution, layer norm, attention, `nn` helpers);
//! - `edge_cases`: custom rules for opaque functions, kinks, `atan2` in every quadrant, `x / y`
//!   of `exp`s of huge negatives, float methods at unusual values, chained casts;
//! - `everyday`: methods returning `Self`, `Option<&[f64]>` parameters, fixed-size arrays and
//!   their sub-slices, nested `Vec` rows, `mapv` of closures and of `#[differentiable]` paths;
//! - `tool_suites`: control flow from the Enzyme, Clad and Tapenade test suites;
//! - `special`: Stan-math-style special functions (`log1p_exp`, `lgamma` over a `const` table);
//! - `numerics`: quadrature over `const` tables, stencils, LU, splines, integrators, `f32` twins;
//! - `losses`: ML losses over `const` data tables, soft k-means, a GP likelihood, GRU and LSTM;
//! - `hunt5`: in-place functions (`&mut` slices, `Vec`s, arrays and floats: integrators,
//!   stencils with double buffers, Gauss–Seidel/Jacobi sweeps, Thomas, Gram–Schmidt, layer
//!   methods with output buffers, checkpointed in-place steps), `Copy` vector structs with
//!   by-value methods in physics, custom rules (`erf`, Kepler, a slice norm) in Black–Scholes,
//!   probit and group lasso, log-densities and ML layers written with loops;
//! - `data_flow`: odd but valid Rust (shadowing, `static` tables, `let else`) and trickier
//!   data flow (aliasing gathers, in-place reversal, an early `return` of a local `Vec`).

// The programs are written as the literature writes them, and that style is what the tests
// exercise: index loops, element swaps through a temporary, `x = x * y` on elements, `n % 2`,
// a last `let` returned, a `vec!` scratch buffer, `&Vec<Vec<f64>>` parameters.
#![allow(
    clippy::needless_range_loop,
    clippy::manual_swap,
    clippy::assign_op_pattern,
    clippy::manual_is_multiple_of,
    clippy::let_and_return,
    clippy::useless_vec,
    clippy::ptr_arg
)]

#[macro_use]
mod harness;

mod arrays;
mod buffers;
mod constructs;
mod control;
mod data_flow;
mod edge_cases;
mod everyday;
mod generic;
mod hunt10;
mod hunt12;
mod hunt19;
mod hunt20;
mod hunt4;
mod hunt5;
mod hunt6;
mod hunt7;
mod hunt8;
mod language;
mod layers;
mod linalg;
mod losses;
mod models;
mod networks;
mod numerics;
mod scalars;
mod simulations;
mod special;
mod textbook;
mod tool_suites;

use harness::{verify, verify_vector};
use textbook::{gw_simple, gw_simple_grad, gw_simple_hvp, gw_simple_jvp};

/// The harness itself catches a wrong gradient.
#[test]
#[should_panic(expected = "grad vs FD")]
fn t_harness_sanity() {
    verify(
        "sanity",
        &[0.7, 1.3],
        &|p| gw_simple(p[0], p[1]),
        &|p| {
            let (v, (a, b)) = gw_simple_grad(p[0], p[1]);
            (v, vec![a * (1.0 + 1e-5), b])
        },
        &|p, t| gw_simple_jvp(p[0], p[1], t[0], t[1]),
        None,
        None,
    );
}

/// ... and a wrong directional derivative.
#[test]
#[should_panic(expected = "!= grad.v")]
fn t_harness_sanity_jvp() {
    verify(
        "sanity",
        &[0.7, 1.3],
        &|p| gw_simple(p[0], p[1]),
        &|p| {
            let (v, (a, b)) = gw_simple_grad(p[0], p[1]);
            (v, vec![a, b])
        },
        &|p, t| {
            let (v, d) = gw_simple_jvp(p[0], p[1], t[0], t[1]);
            (v, d * (1.0 + 1e-7))
        },
        None,
        None,
    );
}

/// ... and a wrong Hessian–vector product.
#[test]
#[should_panic(expected = "Hv vs FD of grad")]
fn t_harness_sanity_hvp() {
    verify(
        "sanity",
        &[0.7, 1.3],
        &|p| gw_simple(p[0], p[1]),
        &|p| {
            let (v, (a, b)) = gw_simple_grad(p[0], p[1]);
            (v, vec![a, b])
        },
        &|p, t| gw_simple_jvp(p[0], p[1], t[0], t[1]),
        Some(&|p, t| {
            let (v, (a, b), (c, d)) = gw_simple_hvp(p[0], p[1], t[0], t[1]);
            (v, vec![a, b], vec![c * (1.0 + 1e-4), d])
        }),
        None,
    );
}

/// ... and a wrong component of a vector result's JVP.
#[test]
#[should_panic(expected = "jvp vs FD along v")]
fn t_harness_sanity_vector() {
    let jac = |p: &[f64]| {
        ad_runtime::ndarray::Array2::from_shape_vec(
            (2, 2),
            vec![p[1] + p[0].cos(), p[0], 2.0 * p[0], 0.0],
        )
        .unwrap()
    };
    let f = |p: &[f64]| vec![gw_simple(p[0], p[1]), p[0] * p[0]];
    verify_vector(
        "sanity",
        &[0.7, 1.3],
        &f,
        &|p, t| {
            let j = jac(p);
            let d0 = j[[0, 0]] * t[0] + j[[0, 1]] * t[1];
            let d1 = j[[1, 0]] * t[0] * (1.0 + 1e-5);
            (f(p), vec![d0, d1])
        },
        &|p| (f(p), jac(p)),
        None,
    );
}
