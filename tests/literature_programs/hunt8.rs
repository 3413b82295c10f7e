//! Hunt 8: loops whose iterator names a variable the body assigns (`skip(k)`, `step_by`,
//! `windows`, `chunks`, `&x[lo..]`, `x[a..b].iter()`, `zip(x.iter().skip(k))`), and
//! `vec![vec![..; n]; m]` locals (flattened into one buffer) whose row length is shadowed or
//! changed later, or whose `len()` is read. Each checked in every mode by the harness.
//!
//! Findings, fixed (all silent wrong results, or panics where `f` ran): Rust evaluates an
//! iterator's arguments once, where the loop starts, but the rewritten index loops read the
//! variables again at every step (`for v in x.iter().skip(k) { k += 1; .. }`); a sub-slice
//! loop's bounds were read by the reverse sweep after the body had changed them; a flattened
//! matrix read its row length by name at every index (`for k in 0..2 { m[1][k] = .. }` with
//! `k` the row length) and took `0..m.len()` for a field access, so `m.len()` was rows ×
//! columns. Now the arguments and bounds are copied where the loop starts, and a flattened
//! matrix's sizes where it is made (`m.len()` and `m[i].len()` read those).

use crate::harness::*;
use ad_runtime::differentiable;

// for &v in &x[lo..] with lo changed in the body
#[differentiable]
fn sub_iter_lo_changed(x: &[f64]) -> f64 {
    let mut lo = 1;
    let mut s = 0.0;
    for &v in &x[lo..] {
        lo += 1;
        s += v * v * lo as f64;
    }
    s
}

#[test]
fn h801_sub_slice_bound_changed() {
    slice_case!(
        "sub_iter_lo_changed",
        vec![0.7, -1.3, 0.4, 1.1, 0.5],
        sub_iter_lo_changed,
        sub_iter_lo_changed_grad,
        sub_iter_lo_changed_jvp,
        sub_iter_lo_changed_hvp,
        sub_iter_lo_changed_check
    );
}

// x.iter().skip(k) with k changed in the body
#[differentiable]
fn skip_changed(x: &[f64]) -> f64 {
    let mut k = 1;
    let mut s = 0.0;
    for v in x.iter().skip(k) {
        k += 1;
        s += v.sin() * k as f64;
    }
    s
}

#[test]
fn h802_skip_count_changed() {
    slice_case!(
        "skip_changed",
        vec![0.7, -1.3, 0.4, 1.1, 0.5],
        skip_changed,
        skip_changed_grad,
        skip_changed_jvp,
        skip_changed_hvp,
        skip_changed_check
    );
}

// step_by(st) with st changed in the body
#[differentiable]
fn stepby_changed(x: &[f64]) -> f64 {
    let mut st = 1;
    let mut s = 0.0;
    for v in x.iter().step_by(st) {
        st = 3;
        s += v * v * st as f64;
    }
    s
}

#[test]
fn h803_step_changed() {
    slice_case!(
        "stepby_changed",
        vec![0.7, -1.3, 0.4, 1.1, 0.5],
        stepby_changed,
        stepby_changed_grad,
        stepby_changed_jvp,
        stepby_changed_hvp,
        stepby_changed_check
    );
}

// windows(k) with k changed in the body, w.len() used
#[differentiable]
fn windows_changed(x: &[f64]) -> f64 {
    let mut k = 2;
    let mut s = 0.0;
    for w in x.windows(k) {
        k = 1;
        s += w[k] * w[0] * w.len() as f64;
    }
    s
}

#[test]
fn h804_window_changed() {
    slice_case!(
        "windows_changed",
        vec![0.7, -1.3, 0.4, 1.1, 0.5],
        windows_changed,
        windows_changed_grad,
        windows_changed_jvp,
        windows_changed_hvp,
        windows_changed_check
    );
}

// chunks(k) with k changed in the body, c.len() used
#[differentiable]
fn chunks_changed(x: &[f64]) -> f64 {
    let mut k = 2;
    let mut s = 0.0;
    for c in x.chunks(k) {
        k = 5;
        s += c[0] * c[c.len() - 1] * (c.len() + k) as f64;
    }
    s
}

#[test]
fn h805_chunk_changed() {
    slice_case!(
        "chunks_changed",
        vec![0.7, -1.3, 0.4, 1.1, 0.5],
        chunks_changed,
        chunks_changed_grad,
        chunks_changed_jvp,
        chunks_changed_hvp,
        chunks_changed_check
    );
}

// zip with a skipped source whose skip count changes in the body
#[differentiable]
fn zip_skip_changed(x: &[f64]) -> f64 {
    let mut k = 1;
    let mut s = 0.0;
    for (a, b) in x.iter().zip(x.iter().skip(k)) {
        k = 3;
        s += a * b + k as f64 * 0.01 * a;
    }
    s
}

#[test]
fn h806_zip_skip_changed() {
    slice_case!(
        "zip_skip_changed",
        vec![0.7, -1.3, 0.4, 1.1, 0.5],
        zip_skip_changed,
        zip_skip_changed_grad,
        zip_skip_changed_jvp,
        zip_skip_changed_hvp,
        zip_skip_changed_check
    );
}

// x[a..b].iter().enumerate() with a changed in the body
#[differentiable]
fn range_iter_changed(x: &[f64]) -> f64 {
    let mut a = 1;
    let b = 4;
    let mut s = 0.0;
    for (i, v) in x[a..b].iter().enumerate() {
        a = 0;
        s += v * x[a + i] * (i + 1) as f64;
    }
    s
}

#[test]
fn h807_range_iter_changed() {
    slice_case!(
        "range_iter_changed",
        vec![0.7, -1.3, 0.4, 1.1, 0.5],
        range_iter_changed,
        range_iter_changed_grad,
        range_iter_changed_jvp,
        range_iter_changed_hvp,
        range_iter_changed_check
    );
}

// let t = &x[lo..]; for &v in t with lo changed in the body
#[differentiable]
fn named_sub_changed(x: &[f64]) -> f64 {
    let mut lo = 2;
    let t = &x[lo..];
    let mut s = 0.0;
    for &v in t {
        lo = 0;
        s += v * x[lo];
    }
    s
}

#[test]
fn h808_named_sub_slice_changed() {
    slice_case!(
        "named_sub_changed",
        vec![0.7, -1.3, 0.4, 1.1, 0.5],
        named_sub_changed,
        named_sub_changed_grad,
        named_sub_changed_jvp,
        named_sub_changed_hvp,
        named_sub_changed_check
    );
}

// inner dimension named `k`, then a loop variable `k` indexes the columns
#[differentiable]
fn dim_shadowed(x: &[f64]) -> f64 {
    let k = 3;
    let mut m = vec![vec![0.0; k]; 2];
    for i in 0..2 {
        for k in 0..3 {
            m[i][k] = x[i] * x[k] + k as f64;
        }
    }
    let mut s = 0.0;
    for i in 0..2 {
        for j in 0..3 {
            s += m[i][j] * (1.0 + i as f64 + 0.5 * j as f64);
        }
    }
    s
}

#[test]
fn h809_row_length_shadowed() {
    slice_case!(
        "dim_shadowed",
        vec![0.7, -1.3, 0.4],
        dim_shadowed,
        dim_shadowed_grad,
        dim_shadowed_jvp,
        dim_shadowed_hvp,
        dim_shadowed_check
    );
}

// the dimension variable is changed after the allocation (reduced system)
#[differentiable]
fn dim_changed(x: &[f64]) -> f64 {
    let mut n = x.len();
    let mut m = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..n {
            m[i][j] = x[i] * x[j] + if i == j { 1.0 } else { 0.0 };
        }
    }
    n -= 1;
    let mut s = 0.0;
    for i in 0..n {
        for j in 0..n {
            s += m[i + 1][j + 1] * (1.0 + i as f64 + 0.5 * j as f64);
        }
    }
    s
}

#[test]
fn h810_row_length_changed() {
    slice_case!(
        "dim_changed",
        vec![0.7, -1.3, 0.4],
        dim_changed,
        dim_changed_grad,
        dim_changed_jvp,
        dim_changed_hvp,
        dim_changed_check
    );
}

// Vec<Vec<f64>> local: m.len() and m[i].len() as loop bounds
#[differentiable]
fn vv_lens(x: &[f64]) -> f64 {
    let mut m = vec![vec![0.0; 2]; 3];
    for i in 0..3 {
        for j in 0..2 {
            m[i][j] = x[i] * x[j] + j as f64;
        }
    }
    let mut s = 0.0;
    for i in 0..m.len() {
        for j in 0..2 {
            s += m[i][j] * (i + 2 * j + 1) as f64;
        }
    }
    s
}

#[test]
fn h811_matrix_lengths() {
    slice_case!(
        "vv_lens",
        vec![0.7, -1.3, 0.4],
        vv_lens,
        vv_lens_grad,
        vv_lens_jvp,
        vv_lens_hvp,
        vv_lens_check
    );
}

/// `m.len()` and `m[i].len()` of a flattened matrix as loop bounds and as values
/// (`f = Σ_ij x_i x_j (i + 1) / (rows · cols)` over a 3 × 2 matrix).
#[differentiable]
fn matrix_lens_as_values(x: &[f64]) -> f64 {
    let rows = 3;
    let mut m = vec![vec![0.0; 2]; rows];
    for i in 0..m.len() {
        for j in 0..m[i].len() {
            m[i][j] = x[i] * x[j] * (i + 1) as f64;
        }
    }
    let mut s = 0.0;
    for i in 0..rows {
        for j in 0..2 {
            s += m[i][j];
        }
    }
    s / (m.len() * m[0].len()) as f64
}

#[test]
fn h812_matrix_lengths_as_values() {
    let x = vec![0.7, -1.3, 0.4];
    slice_case!(
        "matrix_lens_as_values",
        x.clone(),
        matrix_lens_as_values,
        matrix_lens_as_values_grad,
        matrix_lens_as_values_jvp,
        matrix_lens_as_values_hvp,
        matrix_lens_as_values_check
    );
    let expected: f64 = (0..3)
        .flat_map(|i| (0..2).map(move |j| (i, j)))
        .map(|(i, j)| x[i] * x[j] * (i + 1) as f64)
        .sum::<f64>()
        / 6.0;
    assert!(scal_close(matrix_lens_as_values(&x), expected, 1e-14, 1.0));
    assert!(scal_close(
        matrix_lens_as_values_grad(&x).0,
        expected,
        1e-14,
        1.0
    ));
}
