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
use ad_runtime::ndarray::{Array1, Array2, Axis, s};
use ad_runtime::{Differentiable, differentiable};

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

// ---------------------------------------------------------------------------------------
// A field of a local struct (or a view of a local array) read, then the struct (array)
// written: failed to compile (the reverse sweep kept a borrow of the base across the write);
// the read is now an owned copy where it is made (`__private::owned`).

// slice view of a local array, array reassigned after the view's last use
#[differentiable]
fn view_then_reassign(x: &Array1<f64>) -> f64 {
    let mut a = x.to_owned();
    let r = a.slice(s![0..2]);
    let s = r[0] * r[1];
    a = a.mapv(|v| v * v);
    s + a[0]
}

#[test]
fn h813_view_then_reassign() {
    let x = vec![0.7, -1.3, 0.4];
    verify(
        "view_then_reassign",
        &x,
        &|p| view_then_reassign(&arr1(p)),
        &|p| {
            let (v, g) = view_then_reassign_grad(&arr1(p));
            (v, g.to_vec())
        },
        &|p, t| view_then_reassign_jvp(&arr1(p), &arr1(t)),
        Some(&|p, t| {
            let (v, g, h) = view_then_reassign_hvp(&arr1(p), &arr1(t));
            (v, g.to_vec(), h.to_vec())
        }),
        None,
    );
}

// row view, then compound `+=` on the base
#[differentiable]
fn row_then_add(x: &Array2<f64>) -> f64 {
    let mut a = x.clone();
    let r = a.row(0);
    let p = r.dot(&r);
    a += &x.mapv(|v| v.sin());
    p * a.sum()
}

#[test]
fn h814_row_then_add() {
    let x = vec![0.7, -1.3, 0.4, 0.2, 0.9, -0.5];
    verify(
        "row_then_add",
        &x,
        &|p| row_then_add(&arr2(p, 2, 3)),
        &|p| {
            let (v, g) = row_then_add_grad(&arr2(p, 2, 3));
            (v, flat_of(&g))
        },
        &|p, t| row_then_add_jvp(&arr2(p, 2, 3), &arr2(t, 2, 3)),
        Some(&|p, t| {
            let (v, g, h) = row_then_add_hvp(&arr2(p, 2, 3), &arr2(t, 2, 3));
            (v, flat_of(&g), flat_of(&h))
        }),
        None,
    );
}

// struct with Vec fields, field reassigned after element reads
#[derive(Clone, Debug, Differentiable)]
struct Particles {
    x: Vec<f64>,
    v: Vec<f64>,
}

#[differentiable]
fn particles_fieldswap(x0: &[f64]) -> f64 {
    let sq: Vec<f64> = x0.iter().map(|a| a * a).collect();
    let mut p = Particles {
        x: x0.to_vec(),
        v: sq,
    };
    let old = p.x[0];
    p.x = p.v.clone();
    p.v = vec![old, p.x[1] * 3.0];
    old * p.x[0] + p.v[1] + p.v[0] * p.x[2]
}

#[test]
fn h815_vec_fields_swapped() {
    slice_case!(
        "particles_fieldswap",
        vec![0.7, -1.3, 0.4],
        particles_fieldswap,
        particles_fieldswap_grad,
        particles_fieldswap_jvp,
        particles_fieldswap_hvp,
        particles_fieldswap_check
    );
}

// Kalman filter with Array fields, &mut self predict/update, loss over a sequence
#[derive(Clone, Debug, Differentiable)]
pub struct Kf {
    x: Array1<f64>,
    p: Array2<f64>,
    q: f64,
    r: f64,
}

impl Kf {
    #[differentiable]
    fn predict(&mut self, dt: f64) {
        let x0 = self.x[0] + dt * self.x[1];
        let x1 = self.x[1];
        self.x = Array1::from_vec(vec![x0, x1]);
        let p00 = self.p[[0, 0]]
            + dt * (self.p[[1, 0]] + self.p[[0, 1]])
            + dt * dt * self.p[[1, 1]]
            + self.q;
        let p01 = self.p[[0, 1]] + dt * self.p[[1, 1]];
        let p10 = self.p[[1, 0]] + dt * self.p[[1, 1]];
        let p11 = self.p[[1, 1]] + self.q;
        self.p = Array2::from_shape_vec((2, 2), vec![p00, p01, p10, p11]).unwrap();
    }

    #[differentiable]
    fn update(&mut self, z: f64) {
        let y = z - self.x[0];
        let s = self.p[[0, 0]] + self.r;
        let k = self.p.column(0).to_owned() / s;
        self.x = &self.x + &(&k * y);
        let kk = k.insert_axis(Axis(1));
        let pr = self.p.row(0).to_owned().insert_axis(Axis(0));
        self.p = &self.p - &kk.dot(&pr);
    }
}

#[differentiable(wrt(kf0))]
fn kalman_nll(kf0: &Kf, zs: &[f64]) -> f64 {
    let mut kf = kf0.clone();
    let mut l = 0.0;
    for i in 0..zs.len() {
        kf.predict(0.1);
        let xs = kf.x.clone();
        let ps = kf.p.clone();
        let y = zs[i] - xs[0];
        let s = ps[[0, 0]] + kf.r;
        l += y * y / s + s.ln();
        kf.update(zs[i]);
    }
    l
}

impl Flat for Kf {
    fn flat(&self) -> Vec<f64> {
        let mut v: Vec<f64> = self.x.to_vec();
        v.extend(self.p.iter());
        v.push(self.q);
        v.push(self.r);
        v
    }
    fn unflat(&self, v: &[f64]) -> Self {
        Kf {
            x: arr1(&v[0..2]),
            p: arr2(&v[2..6], 2, 2),
            q: v[6],
            r: v[7],
        }
    }
}

#[test]
fn h816_kalman_methods_read_then_write_fields() {
    let kf = Kf {
        x: arr1(&[0.1, 0.5]),
        p: arr2(&[1.0, 0.2, 0.2, 0.8], 2, 2),
        q: 0.05,
        r: 0.3,
    };
    let zs = [0.2, 0.31, 0.45, 0.52, 0.7];
    verify_struct(
        "kalman_nll",
        &kf,
        &|k| kalman_nll(k, &zs),
        &|k| kalman_nll_grad(k, &zs),
        &|k, t| kalman_nll_jvp(k, &zs, t),
        Some(&|k, t| kalman_nll_hvp(k, &zs, t)),
    );
}

#[derive(Clone, Copy, Debug, Differentiable)]
struct P2 {
    pos: [f64; 2],
    vel: [f64; 2],
}

/// A by-value struct parameter: a field element read, then another field written from it.
#[differentiable]
fn by_value_param(mut s: P2, k: f64) -> f64 {
    let a = s.pos[0];
    s.vel = [a * k, s.pos[1]];
    s.vel[0] * s.vel[1] + a
}

#[test]
fn h817_by_value_parameter_read_then_written() {
    let s0 = P2 {
        pos: [0.7, -1.3],
        vel: [0.2, 0.4],
    };
    let k = 1.5;
    let (v, (ds, dk)) = by_value_param_grad(s0, k);
    // f = pos0 k pos1 + pos0.
    assert_eq!(v, by_value_param(s0, k));
    assert!(scal_close(v, 0.7 * k * -1.3 + 0.7, 1e-14, 1.0));
    assert!(
        scal_close(ds.pos[0], k * -1.3 + 1.0, 1e-14, 1.0),
        "{:?}",
        ds.pos
    );
    assert!(scal_close(ds.pos[1], 0.7 * k, 1e-14, 1.0), "{:?}", ds.pos);
    assert_eq!(ds.vel, [0.0, 0.0]);
    assert!(scal_close(dk, 0.7 * -1.3, 1e-14, 1.0));
    let (_, j) = by_value_param_jvp(
        s0,
        k,
        P2 {
            pos: [1.0, 0.0],
            vel: [0.0, 0.0],
        },
        0.0,
    );
    assert!(scal_close(j, k * -1.3 + 1.0, 1e-14, 1.0));
}

/// A dynamic-programming table whose sizes are expressions (`vec![vec![..; m + 1]; n + 1]`,
/// flattened into one buffer): soft-DTW between two sequences with a smooth minimum.
#[differentiable]
fn soft_dtw(a: &[f64], b: &[f64]) -> f64 {
    let (n, m) = (a.len(), b.len());
    let gamma: f64 = 0.5;
    let mut r = vec![vec![1e10f64; m + 1]; n + 1];
    r[0][0] = 0.0;
    for i in 1..r.len() {
        for j in 1..m + 1 {
            let d = (a[i - 1] - b[j - 1]).powi(2);
            let x = -r[i - 1][j - 1] / gamma;
            let y = -r[i - 1][j] / gamma;
            let z = -r[i][j - 1] / gamma;
            let mx = x.max(y).max(z);
            let lse = mx + ((x - mx).exp() + (y - mx).exp() + (z - mx).exp()).ln();
            r[i][j] = d - gamma * lse;
        }
    }
    r[n][m]
}

#[test]
fn h818_table_sized_by_expressions() {
    let x = [0.3, -0.8, 1.1, 0.5, 0.2, -0.4, 0.9];
    two_slices(
        "soft_dtw",
        &x,
        4,
        &soft_dtw,
        &soft_dtw_grad,
        &soft_dtw_jvp,
        &soft_dtw_hvp,
        Some(soft_dtw_check(&x[..4], &x[4..])),
    );
}

/// A named sub-slice in a loop whose start advances after it is taken (`let t = &x[lo..];
/// lo += 1;`): failed to compile (the reverse sweep tried to record the unsized slice).
#[differentiable]
fn advancing_window(x: &[f64]) -> f64 {
    let mut lo = 0;
    let mut s = 0.0;
    for _ in 0..3 {
        let t = &x[lo..];
        lo += 1;
        s += t[0] * x[lo] + t[1].sin();
    }
    s
}

#[test]
fn h819_sub_slice_bound_advanced_after_the_borrow() {
    let x = vec![0.3, -0.8, 1.1, 0.5, 0.2];
    slice_case!(
        "advancing_window",
        x.clone(),
        advancing_window,
        advancing_window_grad,
        advancing_window_jvp,
        advancing_window_hvp,
        advancing_window_check
    );
    // f = Σ_{i<3} x_i x_{i+1} + sin x_{i+1}.
    let (_, g) = advancing_window_grad(&x);
    for k in 0..x.len() {
        let mut d = 0.0;
        if k < 3 {
            d += x[k + 1];
        }
        if (1..4).contains(&k) {
            d += x[k - 1] + x[k].cos();
        }
        assert!(scal_close(g[k], d, 1e-14, 1.0), "{k}: {} vs {d}", g[k]);
    }
}

/// A `Copy` state with array fields copied at the top of each step (`let old = b;`), then its
/// fields written from the copy: failed to compile (the copy's adjoint had no type).
#[differentiable]
fn copied_state(x0: f64, v0: f64) -> f64 {
    let mut b = P2 {
        pos: [x0, 0.5],
        vel: [v0, -0.3],
    };
    for _ in 0..3 {
        let old = b;
        b.pos = [old.pos[0] + 0.1 * old.vel[0], old.pos[1] * old.vel[1]];
        b.vel = [old.vel[0] - 0.1 * old.pos[0], old.vel[1]];
    }
    b.pos[0] * b.vel[0] + b.pos[1]
}

#[test]
fn h820_copied_state_in_a_loop() {
    s2_case!(
        "copied_state",
        [0.7, -1.3],
        copied_state,
        copied_state_grad,
        copied_state_jvp,
        copied_state_hvp,
        copied_state_check
    );
}

/// A closure whose body is a bare compound assignment (`|v: f64| acc += v * v`).
#[differentiable]
fn accumulate_squares(x: f64, y: f64) -> f64 {
    let mut acc = 0.0;
    let mut push = |v: f64| acc += v * v;
    push(x);
    push(y);
    push(x * y);
    acc
}

#[test]
fn h821_closure_body_is_an_assignment() {
    let (x, y) = (0.7, -1.3);
    s2_case!(
        "accumulate_squares",
        [0.7, -1.3],
        accumulate_squares,
        accumulate_squares_grad,
        accumulate_squares_jvp,
        accumulate_squares_hvp,
        accumulate_squares_check
    );
    let (_, (dx, dy)) = accumulate_squares_grad(x, y);
    assert!(scal_close(dx, 2.0 * x + 2.0 * x * y * y, 1e-14, 1.0));
    assert!(scal_close(dy, 2.0 * y + 2.0 * x * x * y, 1e-14, 1.0));
}

/// `iter_mut().enumerate()` in an in-place function: the index read in the body.
#[differentiable]
fn decay_in_place(y: &mut [f64], k: f64) {
    for (i, v) in y.iter_mut().enumerate() {
        *v = *v * (-k * i as f64).exp() + 0.1 * k;
    }
}

#[differentiable]
fn decayed(x: &[f64], k: f64) -> f64 {
    let mut y = x.to_vec();
    decay_in_place(&mut y, k);
    y.iter().map(|v| v * v).sum()
}

#[test]
fn h822_iter_mut_enumerate() {
    let x = vec![0.7, -1.3, 0.4, 1.1];
    slice_scalar(
        "decayed",
        &[0.7, -1.3, 0.4, 1.1, 0.6],
        &decayed,
        &decayed_grad,
        &decayed_jvp,
        &decayed_hvp,
        Some(decayed_check(&x, 0.6)),
    );
    // Closed form of ∂/∂x_i: 2 y_i e^{-k i}.
    let k = 0.6;
    let (_, (g, _)) = decayed_grad(&x, k);
    for i in 0..x.len() {
        let e = (-k * i as f64).exp();
        let y = x[i] * e + 0.1 * k;
        assert!(scal_close(g[i], 2.0 * y * e, 1e-14, 1.0));
    }
}

#[derive(Clone, Debug, Differentiable)]
struct Buffers {
    x: f64,
    w: Vec<f64>,
    p: [f64; 2],
}

/// Fields assigned buffer and array literals (`s.w = vec![..];`, `s.p = [..];`) in a loop,
/// from reads of the same struct.
#[differentiable]
fn literal_fields(x0: f64) -> f64 {
    let mut s = Buffers {
        x: x0,
        w: vec![x0, 2.0],
        p: [x0, 1.0],
    };
    for _ in 0..2 {
        let w0: f64 = s.w[0];
        let old: f64 = s.x;
        s.w = vec![w0 * old, s.w[1]];
        s.p = [s.p[0] * w0, old];
        s.x = s.x.sin();
    }
    s.w[0] + s.x + s.p[0] * s.p[1]
}

#[test]
fn h823_fields_assigned_literals() {
    scalar_n_case(
        "literal_fields",
        0.7,
        &literal_fields,
        &literal_fields_grad,
        &literal_fields_jvp,
        &literal_fields_hvp,
        literal_fields_check(0.7),
    );
}

#[derive(Clone, Debug, Differentiable)]
struct Series {
    v: Vec<f64>,
    scale: f64,
}

/// A field's clone exchanged in place (`let mut b = s.v.clone(); b.swap(0, 2);`): the
/// macro cannot see the field's type, and took `swap` for a method without a derivative.
#[differentiable]
fn swapped_copy(s: &Series) -> f64 {
    let mut b = s.v.clone();
    b.swap(0, 2);
    b[0] * s.scale + b[1] * b[2]
}

#[test]
fn h824_swap_of_a_field_clone() {
    let s = Series {
        v: vec![0.7, -1.3, 0.4],
        scale: 1.5,
    };
    let (v, g) = swapped_copy_grad(&s);
    assert_eq!(v, swapped_copy(&s));
    // f = v2 scale + v1 v0.
    assert!(scal_close(g.v[0], -1.3, 1e-14, 1.0));
    assert!(scal_close(g.v[1], 0.7, 1e-14, 1.0));
    assert!(scal_close(g.v[2], 1.5, 1e-14, 1.0));
    assert!(scal_close(g.scale, 0.4, 1e-14, 1.0));
}

/// A `Vec` result computed with ndarray ops (forward mode through dual numbers): its Jacobian.
#[differentiable]
fn vec_from_arrays(x: &[f64]) -> Vec<f64> {
    let a = Array1::from_vec(x.to_vec());
    let b = a.mapv(|v| v * v) / a.mapv(|v| v.exp()).sum();
    let mut out = vec![0.0; x.len()];
    for i in 0..x.len() {
        out[i] = b[i] + x[i];
    }
    out
}

#[test]
fn h825_jacobian_of_a_vec_made_with_arrays() {
    let x = vec![0.7, -1.3, 0.4];
    let (v, j) = vec_from_arrays_jacobian(&x);
    assert_eq!(v, vec_from_arrays(&x));
    // out_i = x_i² / S + x_i, S = Σ e^{x_k}: ∂out_i/∂x_k = δ_ik (2 x_i / S + 1) − x_i² e^{x_k} / S².
    let s: f64 = x.iter().map(|v| v.exp()).sum();
    for i in 0..3 {
        for k in 0..3 {
            let d = if i == k { 2.0 * x[i] / s + 1.0 } else { 0.0 }
                - x[i] * x[i] * x[k].exp() / (s * s);
            assert!(
                scal_close(j[[i, k]], d, 1e-13, 1.0),
                "{i} {k}: {} vs {d}",
                j[[i, k]]
            );
        }
    }
}
