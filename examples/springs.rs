//! A physicist's program: a chain of masses between two walls, joined by springs, integrated
//! by velocity Verlet for hundreds of steps; the spring stiffness and the damping are fitted
//! to observed positions by gradient descent, with gradients generated through the whole
//! simulation.
//!
//! The model parameters and the initial state are structs (`#[derive(Differentiable)]`);
//! the simulation is an ordinary Rust function with loops over time and over masses. Its
//! generated gradient is checked against central differences before the fit.
//!
//! ```sh
//! cargo run --release --example springs
//! ```

use ad_runtime::optim::Adam;
use ad_runtime::{Differentiable, differentiable};

/// The physics: spring stiffness and linear damping (per unit mass).
#[derive(Clone, Debug, Differentiable)]
struct Physics {
    stiffness: f64,
    damping: f64,
}

/// Positions (displacements from rest) and velocities of the masses.
#[derive(Clone, Debug, Differentiable)]
struct State {
    x: Vec<f64>,
    v: Vec<f64>,
}

const STEPS: usize = 400;
const DT: f64 = 0.01;

/// The accelerations: springs to both neighbours (walls at the ends), linear damping.
#[differentiable(wrt(p, x, v))]
fn acceleration(p: &Physics, x: &[f64], v: &[f64], i: usize) -> f64 {
    let n = x.len();
    let left = if i == 0 { 0.0 } else { x[i - 1] };
    let right = if i + 1 == n { 0.0 } else { x[i + 1] };
    p.stiffness * (left - 2.0 * x[i] + right) - p.damping * v[i]
}

/// Velocity Verlet for `STEPS` steps from `s0`; the mean squared distance of the final
/// positions to `observed`.
#[differentiable(wrt(p))]
fn misfit(p: &Physics, s0: &State, observed: &[f64]) -> f64 {
    let n = s0.x.len();
    let mut x = s0.x.clone();
    let mut v = s0.v.clone();
    let mut a = vec![0.0; n];
    for i in 0..n {
        a[i] = acceleration(p, &x, &v, i);
    }
    for _ in 0..STEPS {
        for i in 0..n {
            x[i] += v[i] * DT + 0.5 * a[i] * DT * DT;
        }
        // The damping term uses the half-step velocity (a common explicit variant).
        let mut vh = vec![0.0; n];
        for i in 0..n {
            vh[i] = v[i] + 0.5 * a[i] * DT;
        }
        for i in 0..n {
            let a_new = acceleration(p, &x, &vh, i);
            v[i] = vh[i] + 0.5 * a_new * DT;
            a[i] = a_new;
        }
    }
    let mut s = 0.0;
    for i in 0..n {
        s += (x[i] - observed[i]) * (x[i] - observed[i]);
    }
    s / n as f64
}

/// The final positions (the primal simulation, for the observations).
fn final_positions(p: &Physics, s0: &State) -> Vec<f64> {
    // `misfit` against zeros is the mean square; run the same integrator here.
    let n = s0.x.len();
    let (mut x, mut v) = (s0.x.clone(), s0.v.clone());
    let acc = |x: &[f64], v: &[f64], i: usize| acceleration(p, x, v, i);
    let mut a: Vec<f64> = (0..n).map(|i| acc(&x, &v, i)).collect();
    for _ in 0..STEPS {
        for i in 0..n {
            x[i] += v[i] * DT + 0.5 * a[i] * DT * DT;
        }
        let vh: Vec<f64> = (0..n).map(|i| v[i] + 0.5 * a[i] * DT).collect();
        for i in 0..n {
            let a_new = acc(&x, &vh, i);
            v[i] = vh[i] + 0.5 * a_new * DT;
            a[i] = a_new;
        }
    }
    x
}

fn main() {
    let truth = Physics {
        stiffness: 9.0,
        damping: 0.35,
    };
    let s0 = State {
        x: vec![0.3, -0.1, 0.25, -0.2, 0.1],
        v: vec![0.0, 0.5, -0.3, 0.0, 0.2],
    };
    let observed = final_positions(&truth, &s0);
    let mut guess = Physics {
        stiffness: 6.0,
        damping: 0.1,
    };

    // Check the gradient through 400 steps against central differences.
    let (m, g) = misfit_grad(&guess, &s0, &observed);
    let h = 1e-6;
    let fd = |f: &dyn Fn(f64) -> Physics| {
        (misfit(&f(h), &s0, &observed) - misfit(&f(-h), &s0, &observed)) / (2.0 * h)
    };
    let dk = fd(&|e| Physics {
        stiffness: guess.stiffness + e,
        ..guess.clone()
    });
    let dc = fd(&|e| Physics {
        damping: guess.damping + e,
        ..guess.clone()
    });
    println!(
        "misfit {m:.6e}; gradient: stiffness {:.6e} (differences {dk:.6e}), damping {:.6e} (differences {dc:.6e})",
        g.stiffness, g.damping
    );
    assert!((g.stiffness - dk).abs() <= 1e-5 * dk.abs().max(1e-8));
    assert!((g.damping - dc).abs() <= 1e-5 * dc.abs().max(1e-8));

    // Fit by Adam on the parameter struct.
    let mut adam = Adam::new(&guess, 0.05);
    println!(
        "{:>5}  {:>10}  {:>10}  {:>12}",
        "step", "stiffness", "damping", "misfit"
    );
    for step in 0..=300 {
        let (m, g) = misfit_grad(&guess, &s0, &observed);
        if step % 30 == 0 {
            println!(
                "{step:>5}  {:>10.5}  {:>10.5}  {m:>12.4e}",
                guess.stiffness, guess.damping
            );
        }
        adam.step(&mut guess, &g);
    }
    println!(
        "fitted: stiffness {:.4} (true {}), damping {:.4} (true {})",
        guess.stiffness, truth.stiffness, guess.damping, truth.damping
    );
}
