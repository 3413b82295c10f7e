//! What the forward sweep records for the GMM objective's inner loops, measured with a
//! counting global allocator: per point, `O(d)` values (the squared norm's inputs), not
//! `O(d²)`. The packed triangle is walked with a counter `idx += 1` (undone in the reverse
//! sweep, not recorded), the buffer `acc` is filled whole per point and incremented element by
//! element (nothing recorded), and `xc` is refilled per point (rebuilt in the reverse sweep).
//! This runs the macro as rustc invokes it, which the expansion snapshots cannot (rustc
//! prints a proc macro's tokens differently from proc-macro2).

#![allow(clippy::needless_range_loop)]

use ad_runtime::differentiable;

#[path = "common/counting_alloc.rs"]
mod counting_alloc;

/// `Σ_p Σ_r (Q (x_p - μ))_r²` with `Q` = diag(exp q) + strictly lower `L`, `L` packed by
/// columns after the diagonal, as in the GMM objective.
#[differentiable(wrt(q, mu))]
fn quad_forms(q: &[f64], mu: &[f64], x: &[f64], d: usize, n: usize) -> f64 {
    let mut xc = vec![0.0; d];
    // (Named like the runtime's rule `acc`: the fusion check must not take the rule's name
    // in the generated code for a use of this buffer.)
    let mut acc = vec![0.0; d];
    let mut s = 0.0;
    for p in 0..n {
        for j in 0..d {
            xc[j] = x[p * d + j] - mu[j];
        }
        for j in 0..d {
            acc[j] = q[j].exp() * xc[j];
        }
        let mut idx = d;
        for c in 0..d {
            for r in c + 1..d {
                acc[r] += q[idx] * xc[c];
                idx += 1;
            }
        }
        let mut sq = 0.0;
        for j in 0..d {
            sq += acc[j] * acc[j];
        }
        s += sq.sqrt();
    }
    s
}

/// The peak is process-wide: the two tests measure one at a time.
static MEASURING: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn gmm_inner_loops_record_o_of_d_per_point() {
    let _one_at_a_time = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let (d, n) = (32, 64);
    let q: Vec<f64> = (0..d * (d + 1) / 2)
        .map(|i| 0.01 * ((i * 7) % 13) as f64 - 0.05)
        .collect();
    let mu: Vec<f64> = (0..d).map(|i| 0.1 * (i % 5) as f64).collect();
    let x: Vec<f64> = (0..n * d)
        .map(|i| 0.03 * ((i * 11) % 17) as f64 - 0.2)
        .collect();

    let before = counting_alloc::reset_peak();
    let (v, (gq, gmu)) = quad_forms_grad(&q, &mu, &x, d, n);
    let peak = counting_alloc::peak() - before;
    assert_eq!(v, quad_forms(&q, &mu, &x, d, n));

    eprintln!("peak extra heap: {peak} B");
    // Records: d values of `acc` and one idx per point (n d + n = 2112 values, at most doubled
    // by Vec growth), plus the buffers and gradients (a few d-sized vectors and q's length).
    // Recording the counter or the old acc[r] at each increment would be n d (d - 1) / 2
    // values (254 KB).
    let per_point = (d + 1) * 8;
    let fixed = (6 * d + 2 * q.len()) * 8;
    assert!(
        peak <= 2 * n * per_point + fixed,
        "peak extra heap {peak} B for d = {d}, n = {n}: more than O(d) values per point"
    );

    // And the gradient is right.
    let fd = ad_runtime::check::fd_gradient(|p| quad_forms(p, &mu, &x, d, n), &q, 1e-6);
    ad_runtime::check::compare(&gq, &fd, 1e-5, 1e-7).unwrap();
    let fd = ad_runtime::check::fd_gradient(|p| quad_forms(&q, p, &x, d, n), &mu, 1e-6);
    ad_runtime::check::compare(&gmu, &fd, 1e-5, 1e-7).unwrap();
}

/// With the output cotangent known up front (`_grad`, `_vjp`), the loop over points of
/// [`quad_forms`] is fused (its buffers `xc` and `acc` are filled whole before they are read in
/// every iteration, so nothing flows through them from one point to the next): each point's
/// reverse runs right after its forward, and what is recorded is one point's worth, reused.
/// The split reverse mode (`_pullback`) records every point's. The gradients agree.
#[test]
fn fused_gradient_records_one_point_at_a_time() {
    let _one_at_a_time = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let (d, n) = (8, 4000);
    let q: Vec<f64> = (0..d * (d + 1) / 2)
        .map(|i| 0.02 * ((i * 5) % 11) as f64 - 0.1)
        .collect();
    let mu: Vec<f64> = (0..d).map(|i| 0.1 * (i % 3) as f64).collect();
    let x: Vec<f64> = (0..n * d)
        .map(|i| 0.05 * ((i * 13) % 19) as f64 - 0.4)
        .collect();

    ad_runtime::tape::release_cache();
    let before = counting_alloc::reset_peak();
    let (v, (gq, gmu)) = quad_forms_grad(&q, &mu, &x, d, n);
    let fused = counting_alloc::peak() - before;

    ad_runtime::tape::release_cache();
    let before = counting_alloc::reset_peak();
    let (pv, back) = quad_forms_pullback(&q, &mu, &x, d, n);
    let split = counting_alloc::peak() - before;
    let (pgq, pgmu, ..) = back(1.0);
    eprintln!("peak extra heap: fused {fused} B, split {split} B");

    // Split: at least the d values of `acc` per point (256 KB here).
    assert!(split >= n * d * 8, "split reverse mode: {split} B");
    // Fused: buffers, gradients and a few tape blocks, independent of n.
    assert!(
        fused <= 64 * 1024,
        "fused gradient: peak extra heap {fused} B for n = {n}: grows with the points"
    );
    assert_eq!(v, pv);
    for (a, b) in gq.iter().chain(&gmu).zip(pgq.iter().chain(&pgmu)) {
        assert!((a - b).abs() <= 1e-12 * (1.0 + b.abs()), "{a} vs {b}");
    }
}
