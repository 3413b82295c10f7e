//! Reverse mode through slices and local buffers: `&[f64]`, `Vec<f64>` and `&Vec<f64>`
//! parameters (gradients come back as `Vec<f64>`), local `vec![0.0; n]` and
//! `Vec::with_capacity` + `push` buffers, element assignment and compound assignment,
//! elements overwritten several times, buffers and sub-slices passed to other differentiable
//! functions, and `f32` slices.

// The differentiated functions deliberately use the forms under test (index loops, `s = s * x`
// instead of `s *= x`, `&Vec` parameters, empty ranges, ...), which clippy would restyle.
#![allow(
    clippy::assign_op_pattern,
    clippy::collapsible_match,
    clippy::needless_range_loop,
    clippy::needless_return,
    clippy::neg_cmp_op_on_partial_ord,
    clippy::ptr_arg,
    clippy::reversed_empty_ranges,
    clippy::single_match,
    clippy::useless_vec
)]

mod common;

use ad_runtime::differentiable;
use common::*;

fn sample(seed: u64, n: usize) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| rng.signed(0.3, 1.5)).collect()
}

// ---------------------------------------------------------------------------------------------
// slice and Vec parameters
// ---------------------------------------------------------------------------------------------

/// `f = sum_i (i+1) x_i^2 + x_0 x_{n-1}`, read by index.
#[differentiable]
fn quad_slice(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = x[0] * x[n - 1];
    for i in 0..n {
        s += (i as f64 + 1.0) * x[i] * x[i];
    }
    s
}

#[differentiable]
fn quad_vec(x: Vec<f64>) -> f64 {
    let n = x.len();
    let mut s = x[0] * x[n - 1];
    for i in 0..n {
        s += (i as f64 + 1.0) * x[i] * x[i];
    }
    s
}

#[differentiable]
fn quad_vec_ref(x: &Vec<f64>) -> f64 {
    let n = x.len();
    let mut s = x[0] * x[n - 1];
    for i in 0..n {
        s += (i as f64 + 1.0) * x[i] * x[i];
    }
    s
}

fn quad_expected(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut g: Vec<f64> = (0..n).map(|i| 2.0 * (i as f64 + 1.0) * x[i]).collect();
    g[0] += x[n - 1];
    g[n - 1] += x[0];
    g
}

#[test]
fn slice_vec_and_vec_ref_parameters() {
    for n in [1, 2, 7] {
        let x = sample(n as u64, n);
        let expected = quad_expected(&x);
        let (v1, g1): (f64, Vec<f64>) = quad_slice_grad(&x);
        let (v2, g2): (f64, Vec<f64>) = quad_vec_grad(x.clone());
        let (v3, g3): (f64, Vec<f64>) = quad_vec_ref_grad(&x);
        assert_eq!(v1, quad_slice(&x));
        assert_eq!(v2, v1);
        assert_eq!(quad_vec(x.clone()), v1);
        assert_eq!(quad_vec_ref(&x), v1);
        assert_eq!(v3, v1);
        for (what, g) in [("&[f64]", &g1), ("Vec<f64>", &g2), ("&Vec<f64>", &g3)] {
            assert_eq!(g.len(), n, "{what}: gradient has one entry per element");
            closed(g, &expected, what);
        }
        assert_fd(quad_slice, &x, &g1, "quad_slice");
    }
}

/// The vjp of a slice function scales the gradient by the seed.
#[test]
fn slice_vjp_scales_by_seed() {
    let x = sample(3, 5);
    let (v, g) = quad_slice_vjp(&x, -2.5);
    assert_eq!(v, quad_slice(&x));
    let expected: Vec<f64> = quad_expected(&x).iter().map(|g| -2.5 * g).collect();
    closed(&g, &expected, "quad_slice_vjp");
}

/// Two slice parameters and a scalar: one gradient per parameter, in order; an index into one
/// slice computed from the other's length.
#[differentiable]
fn two_slices(a: &[f64], b: &Vec<f64>, c: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..a.len() {
        s += a[i] * b[b.len() - 1 - i] * c;
    }
    s + b[0] * b[0]
}

#[test]
fn two_slice_parameters() {
    let a = sample(4, 3);
    let b = sample(5, 4);
    let c = 0.7;
    let (v, (ga, gb, gc)) = two_slices_grad(&a, &b, c);
    assert_eq!(v, two_slices(&a, &b, c));
    let ga_expected: Vec<f64> = (0..3).map(|i| b[3 - i] * c).collect();
    let mut gb_expected = vec![0.0; 4];
    for i in 0..3 {
        gb_expected[3 - i] += a[i] * c;
    }
    gb_expected[0] += 2.0 * b[0];
    let gc_expected: f64 = (0..3).map(|i| a[i] * b[3 - i]).sum();
    closed(&ga, &ga_expected, "two_slices a");
    closed(&gb, &gb_expected, "two_slices b");
    closed(&[gc], &[gc_expected], "two_slices c");
}

/// `f32` slices and `Vec<f32>`: gradients are `Vec<f32>`.
#[differentiable]
fn f32_slice(x: &[f32], y: f32) -> f32 {
    let mut s = 0.0f32;
    for i in 0..x.len() {
        s += x[i].sin() * y + x[i] * x[i];
    }
    s
}

#[differentiable]
fn f32_vec(x: Vec<f32>) -> f32 {
    let n = x.len();
    let mut buf = vec![0.0f32; n];
    for i in 0..x.len() {
        buf[i] = x[i] * x[i];
    }
    let mut p = 1.0f32;
    for i in 0..x.len() {
        p *= buf[i] + 1.0;
    }
    p
}

#[test]
fn f32_slices() {
    let x: Vec<f32> = vec![0.3, -1.1, 0.8, 2.0];
    let y = 1.7f32;
    let (v, (g, gy)): (f32, (Vec<f32>, f32)) = f32_slice_grad(&x, y);
    assert_eq!(v, f32_slice(&x, y));
    let expected: Vec<f64> = x.iter().map(|&a| (a.cos() * y + 2.0 * a) as f64).collect();
    let g64: Vec<f64> = g.iter().map(|&a| a as f64).collect();
    assert_close_tol(&g64, &expected, 1e-5, "f32_slice x");
    let gy_expected: f32 = x.iter().map(|a| a.sin()).sum();
    assert_close_tol(&[gy as f64], &[gy_expected as f64], 1e-5, "f32_slice y");

    let (p, g): (f32, Vec<f32>) = f32_vec_grad(x.clone());
    assert_eq!(p, f32_vec(x.clone()));
    let expected: Vec<f64> = x
        .iter()
        .map(|&a| (p * 2.0 * a / (a * a + 1.0)) as f64)
        .collect();
    let g64: Vec<f64> = g.iter().map(|&a| a as f64).collect();
    assert_close_tol(&g64, &expected, 1e-5, "f32_vec");
}

// ---------------------------------------------------------------------------------------------
// local buffers
// ---------------------------------------------------------------------------------------------

/// `vec![0.0; n]` written with `v[i] = ..` in a loop and read back: prefix sums of squares,
/// `f = sum_i w_i P_i` with `P_i = sum_{j<=i} x_j^2`.
#[differentiable]
fn prefix(x: &[f64]) -> f64 {
    let n = x.len();
    let mut p = vec![0.0; n];
    p[0] = x[0] * x[0];
    for i in 1..n {
        p[i] = p[i - 1] + x[i] * x[i];
    }
    let mut f = 0.0;
    for i in 0..n {
        f += (i as f64 + 0.5) * p[i];
    }
    f
}

#[test]
fn vec_macro_buffer_written_and_read() {
    let x = sample(6, 6);
    let n = 6;
    // d f / d x_j = 2 x_j sum_{i >= j} (i + 0.5).
    let expected: Vec<f64> = (0..n)
        .map(|j| 2.0 * x[j] * (j..n).map(|i| i as f64 + 0.5).sum::<f64>())
        .collect();
    let (v, g) = prefix_grad(&x);
    assert_eq!(v, prefix(&x));
    closed(&g, &expected, "prefix");
    assert_fd(prefix, &x, &g, "prefix");
}

/// `Vec::with_capacity(n)` + `push`, read back by index in another order.
#[differentiable]
fn pushed(x: &[f64], n: usize) -> f64 {
    let mut buf = Vec::with_capacity(n);
    for i in 0..n {
        buf.push(x[i % x.len()].sin() * (i as f64 + 1.0));
    }
    let mut s = 0.0;
    for i in (0..n).rev() {
        s = s * 0.5 + buf[i] * buf[n - 1 - i];
    }
    s
}

#[test]
fn with_capacity_and_push() {
    let x = sample(7, 3);
    for n in [1, 4, 7] {
        let (v, g) = pushed_grad(&x, n);
        assert_eq!(v, pushed(&x, n));
        assert_fd(|x| pushed(x, n), &x, &g, &format!("pushed n={n}"));
    }
    // n = 2, x of length 3: buf = [sin x0, 2 sin x1], s = (b1 b0) * 0.5 + b0 b1 = 1.5 b0 b1
    // = 3 sin x0 sin x1.
    let (_, g) = pushed_grad(&x, 2);
    closed(
        &g,
        &[
            3.0 * x[0].cos() * x[1].sin(),
            3.0 * x[0].sin() * x[1].cos(),
            0.0,
        ],
        "pushed n=2",
    );
}

/// `v[i] += ..`, `v[i] -= ..`, `v[i] *= ..`, `v[i] /= ..` on a local buffer.
#[differentiable]
fn compound_elems(x: &[f64], y: f64) -> f64 {
    let n = x.len();
    let mut v = vec![1.0; n];
    for i in 0..n {
        v[i] += x[i];
        v[i] *= y;
        v[i] -= x[i] * x[i];
        v[i] /= 1.0 + y * y;
    }
    let mut s = 0.0;
    for i in 0..n {
        s += v[i] * v[i];
    }
    s
}

#[test]
fn compound_assignment_to_elements() {
    let x = sample(8, 5);
    let y = 0.9f64;
    // v_i = ((1 + x_i) y - x_i^2) / (1 + y^2), f = sum v_i^2.
    let d = 1.0 + y * y;
    let v: Vec<f64> = x.iter().map(|&a| ((1.0 + a) * y - a * a) / d).collect();
    let gx: Vec<f64> = (0..5).map(|i| 2.0 * v[i] * (y - 2.0 * x[i]) / d).collect();
    let gy: f64 = (0..5)
        .map(|i| {
            2.0 * v[i] * ((1.0 + x[i]) / d - ((1.0 + x[i]) * y - x[i] * x[i]) * 2.0 * y / (d * d))
        })
        .sum();
    let (val, (g, dy)) = compound_elems_grad(&x, y);
    assert_eq!(val, compound_elems(&x, y));
    closed(&g, &gx, "compound_elems x");
    closed(&[dy], &[gy], "compound_elems y");
}

/// One element overwritten several times, each new value depending nonlinearly on the old
/// one: the reverse sweep needs every intermediate value of the element.
#[differentiable]
fn overwrite(x: &[f64]) -> f64 {
    let mut v = vec![0.0; 2];
    v[0] = x[0];
    v[0] = v[0] * x[1];
    v[0] = v[0].sin() + x[0];
    v[1] = v[0] * v[0];
    v[0] = v[1].exp() * x[1];
    v[0] += v[1];
    v[0] * v[1]
}

#[test]
fn element_overwritten_several_times() {
    let x = [0.7f64, -0.4f64];
    // a = sin(x0 x1) + x0, b = a^2, c = e^b x1 + b, f = c b.
    let a = (x[0] * x[1]).sin() + x[0];
    let b = a * a;
    let c = b.exp() * x[1] + b;
    let da = [(x[0] * x[1]).cos() * x[1] + 1.0, (x[0] * x[1]).cos() * x[0]];
    let db = [2.0 * a * da[0], 2.0 * a * da[1]];
    let dc = [
        b.exp() * x[1] * db[0] + db[0],
        b.exp() * x[1] * db[1] + b.exp() + db[1],
    ];
    let expected = [dc[0] * b + c * db[0], dc[1] * b + c * db[1]];
    let (v, g) = overwrite_grad(&x);
    assert_eq!(v, overwrite(&x));
    closed(&[v], &[c * b], "overwrite value");
    closed(&g, &expected, "overwrite");
    assert_fd(overwrite, &x, &g, "overwrite");
}

/// Elements overwritten in a loop, with indices computed from data-independent arithmetic and
/// some writes conditional on active values.
#[differentiable]
fn scatter(x: &[f64], m: usize) -> f64 {
    let mut v = vec![0.0; m];
    for i in 0..x.len() {
        let j = (i * 7) % m;
        if x[i] > 0.0 {
            v[j] = v[j] * x[i] + x[i];
        } else {
            v[j] += x[i].exp();
        }
    }
    let mut s = 0.0;
    for j in 0..m {
        s += v[j].sin();
    }
    s
}

#[test]
fn conditional_scattered_writes() {
    let x = sample(9, 11);
    for m in [1, 3, 4] {
        let (v, g) = scatter_grad(&x, m);
        assert_eq!(v, scatter(&x, m));
        assert_fd(|x| scatter(x, m), &x, &g, &format!("scatter m={m}"));
    }
}

/// A Vec parameter taken by value and mutated in place, then read.
#[differentiable]
fn mutate_param(mut x: Vec<f64>) -> f64 {
    let n = x.len();
    for i in 1..n {
        x[i] = x[i] * x[i - 1];
    }
    x[n - 1]
}

#[test]
fn vec_parameter_mutated_in_place() {
    // x[n-1] becomes the product of all entries.
    let x = sample(10, 5);
    let p: f64 = x.iter().product();
    let (v, g) = mutate_param_grad(x.clone());
    assert_eq!(v, mutate_param(x.clone()));
    closed(&[v], &[p], "mutate_param value");
    let expected: Vec<f64> = x.iter().map(|a| p / a).collect();
    closed(&g, &expected, "mutate_param");
}

// `vec![0.0; x.len()]` with a differentiated `x`: the length is an integer.
#[differentiable]
fn vec_len_of_param(x: &[f64]) -> f64 {
    let mut v = vec![0.0; x.len()];
    v[0] = x[0] * x[0];
    v[0]
}

#[test]
fn vec_macro_with_length_of_a_parameter() {
    let (v, g) = vec_len_of_param_grad(&[3.0]);
    assert_eq!(v, vec_len_of_param(&[3.0]));
    assert_eq!(g, vec![6.0]);
}

// LIMITATION (rejected with a clear error, so commented out): a `vec![..]` literal of active
// values, `vec![x, y, x * y]`, gives "the macro `vec!` reads `x`, which is differentiated;
// #[differentiable] cannot see into it. Use it only on constants". Write the buffer with
// `vec![0.0; n]` and element assignments instead:

/// A buffer built from active values by element assignment.
#[differentiable]
fn vec_literal(x: f64, y: f64) -> f64 {
    let mut v = vec![0.0; 3];
    v[0] = x;
    v[1] = y;
    v[2] = x * y;
    v[0] * v[1] + v[2].sin()
}

#[test]
fn buffer_of_active_scalars() {
    let (x, y) = (0.6f64, 1.4f64);
    let (v, (dx, dy)) = vec_literal_grad(x, y);
    assert_eq!(v, vec_literal(x, y));
    let c = (x * y).cos();
    closed(&[dx, dy], &[y + c * y, x + c * x], "vec_literal");
}

// ---------------------------------------------------------------------------------------------
// buffers and sub-slices passed to other differentiable functions
// ---------------------------------------------------------------------------------------------

#[differentiable]
fn sumsq(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for xi in x.iter() {
        s += xi * xi;
    }
    s
}

#[differentiable]
fn weighted_sin(x: &Vec<f64>, w: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        s += (x[i] * w).sin() * (i as f64 + 1.0);
    }
    s
}

#[differentiable]
fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..a.len() {
        s += a[i] * b[i];
    }
    s
}

/// `&buf`, `&buf[..]`, `&buf[a..b]`, `&buf[a..]`, `&buf[..b]` of a local buffer and a
/// sub-slice of a parameter passed to other differentiable functions.
#[differentiable]
fn pass_buffers(x: &[f64], w: f64) -> f64 {
    let n = x.len();
    let mut buf = vec![0.0; n];
    for i in 0..n {
        buf[i] = x[i] * w;
    }
    let a = sumsq(&buf);
    let b = sumsq(&buf[..]);
    let c = sumsq(&buf[1..n - 1]);
    let d = weighted_sin(&buf, w);
    let e = dot(&buf[..2], &x[n - 2..]);
    let f = dot(&x[1..], &buf[..n - 1]);
    a + 2.0 * b + 3.0 * c + d + e * f
}

fn pass_buffers_expected(x: &[f64], w: f64) -> (Vec<f64>, f64) {
    let n = x.len();
    let buf: Vec<f64> = x.iter().map(|a| a * w).collect();
    // Cotangents of buf, x and w.
    let mut gb = vec![0.0; n];
    let mut gx = vec![0.0; n];
    let mut gw = 0.0;
    for i in 0..n {
        gb[i] += 2.0 * buf[i] * 3.0; // a + 2b
        if i >= 1 && i < n - 1 {
            gb[i] += 3.0 * 2.0 * buf[i];
        }
        let k = i as f64 + 1.0;
        let c = (buf[i] * w).cos() * k;
        gb[i] += c * w;
        gw += c * buf[i];
    }
    let e: f64 = (0..2).map(|i| buf[i] * x[n - 2 + i]).sum();
    let f: f64 = (0..n - 1).map(|i| x[i + 1] * buf[i]).sum();
    for i in 0..2 {
        gb[i] += f * x[n - 2 + i];
        gx[n - 2 + i] += f * buf[i];
    }
    for i in 0..n - 1 {
        gx[i + 1] += e * buf[i];
        gb[i] += e * x[i + 1];
    }
    for i in 0..n {
        gx[i] += gb[i] * w;
        gw += gb[i] * x[i];
    }
    (gx, gw)
}

#[test]
fn buffers_and_sub_slices_passed_to_callees() {
    for n in [3, 4, 8] {
        let x = sample(11 + n as u64, n);
        let w = 0.8;
        let (v, (g, gw)) = pass_buffers_grad(&x, w);
        assert_eq!(v, pass_buffers(&x, w));
        let (ex, ew) = pass_buffers_expected(&x, w);
        closed(&g, &ex, &format!("pass_buffers x n={n}"));
        closed(&[gw], &[ew], &format!("pass_buffers w n={n}"));
        let mut p = x.clone();
        p.push(w);
        let mut grad = g;
        grad.push(gw);
        assert_fd(|p| pass_buffers(&p[..n], p[n]), &p, &grad, "pass_buffers");
    }
}

/// A sub-slice of a buffer passed to a callee inside a loop whose bounds move: sliding-window
/// sums of squares over a buffer that is itself computed in the loop before.
#[differentiable]
fn sliding(x: &[f64], k: usize) -> f64 {
    let n = x.len();
    let mut buf = Vec::with_capacity(n);
    for i in 0..n {
        buf.push(x[i].tanh());
    }
    let mut s = 0.0;
    for i in 0..n - k + 1 {
        let win = sumsq(&buf[i..i + k]);
        s += win * win;
    }
    s
}

#[test]
fn sliding_windows_passed_to_a_callee_in_a_loop() {
    let x = sample(20, 7);
    for k in [1, 3, 7] {
        let t: Vec<f64> = x.iter().map(|a| a.tanh()).collect();
        let mut expected = vec![0.0; 7];
        for i in 0..7 - k + 1 {
            let win: f64 = t[i..i + k].iter().map(|a| a * a).sum();
            for j in i..i + k {
                expected[j] += 2.0 * win * 2.0 * t[j] * (1.0 - t[j] * t[j]);
            }
        }
        let (v, g) = sliding_grad(&x, k);
        assert_eq!(v, sliding(&x, k));
        closed(&g, &expected, &format!("sliding k={k}"));
    }
}

/// A callee that returns a `Vec<f64>`, whose result is stored in a local and read by index.
#[differentiable]
fn scaled(x: &[f64], a: f64) -> Vec<f64> {
    let n = x.len();
    let mut out = vec![0.0; n];
    for i in 0..x.len() {
        out[i] = x[i] * a + x[i] * x[i];
    }
    out
}

#[differentiable]
fn uses_vec_result(x: &[f64], a: f64) -> f64 {
    let y = scaled(x, a);
    let mut s = 0.0;
    for i in 0..y.len() {
        s += y[i].sin();
    }
    s + sumsq(&y)
}

#[test]
fn callee_returning_a_vec() {
    let x = sample(21, 4);
    let a = 0.6;
    // Direct vjp of the Vec-returning function.
    let seed = vec![1.0, -2.0, 0.5, 3.0];
    let (y, (gx, ga)) = scaled_vjp(&x, a, seed.clone());
    assert_eq!(y, scaled(&x, a));
    let ex: Vec<f64> = (0..4).map(|i| seed[i] * (a + 2.0 * x[i])).collect();
    let ea: f64 = (0..4).map(|i| seed[i] * x[i]).sum();
    closed(&gx, &ex, "scaled_vjp x");
    closed(&[ga], &[ea], "scaled_vjp a");
    // Through a caller.
    let (v, (g, gar)) = uses_vec_result_grad(&x, a);
    assert_eq!(v, uses_vec_result(&x, a));
    let y = scaled(&x, a);
    let dy: Vec<f64> = y.iter().map(|b| b.cos() + 2.0 * b).collect();
    let ex: Vec<f64> = (0..4).map(|i| dy[i] * (a + 2.0 * x[i])).collect();
    let ea: f64 = (0..4).map(|i| dy[i] * x[i]).sum();
    closed(&g, &ex, "uses_vec_result x");
    closed(&[gar], &[ea], "uses_vec_result a");
}

/// A 2-D buffer stored row-major in one `Vec`, written through computed indices: an explicit
/// product `C = A A^T` of an `m x k` matrix of parameters, reduced to `trace(C C)`.
#[differentiable]
fn gram(a: &[f64], m: usize, k: usize) -> f64 {
    let mut c = vec![0.0; m * m];
    for i in 0..m {
        for j in 0..m {
            for l in 0..k {
                c[i * m + j] += a[i * k + l] * a[j * k + l];
            }
        }
    }
    let mut t = 0.0;
    for i in 0..m {
        for j in 0..m {
            t += c[i * m + j] * c[j * m + i];
        }
    }
    t
}

#[test]
fn two_dimensional_buffer() {
    let (m, k) = (3, 4);
    let a = sample(22, m * k);
    // t = ||A A^T||_F^2, dt/dA = 4 (A A^T) A.
    let mut c = vec![0.0; m * m];
    for i in 0..m {
        for j in 0..m {
            c[i * m + j] = (0..k).map(|l| a[i * k + l] * a[j * k + l]).sum();
        }
    }
    let expected: Vec<f64> = (0..m * k)
        .map(|ik| {
            let (i, l) = (ik / k, ik % k);
            4.0 * (0..m).map(|j| c[i * m + j] * a[j * k + l]).sum::<f64>()
        })
        .collect();
    let (v, g) = gram_grad(&a, m, k);
    assert_eq!(v, gram(&a, m, k));
    closed(&g, &expected, "gram");
    assert_fd(|a| gram(a, m, k), &a, &g, "gram");
}

/// Element values read into locals before the element is overwritten, elements swapped
/// through a temporary, and a buffer rewritten by a second loop before a third reads it.
#[differentiable]
fn swap_and_rewrite(x: &[f64]) -> f64 {
    let n = x.len();
    let mut v = vec![0.0; n];
    for i in 0..n {
        v[i] = x[i].sin();
    }
    let a = v[0];
    v[0] = v[0] * x[n - 1];
    let mut s = a * v[0];
    for i in 0..n / 2 {
        let t = v[i];
        v[i] = v[n - 1 - i];
        v[n - 1 - i] = t * x[i];
    }
    for i in 0..n {
        v[i] = v[i] * v[i] + x[i];
    }
    for i in 0..n {
        s += v[i] * (i as f64 + 1.0);
    }
    s
}

#[test]
fn swaps_and_reads_before_overwrites() {
    for n in [1, 2, 5, 6] {
        let x = sample(30 + n as u64, n);
        let (v, g) = swap_and_rewrite_grad(&x);
        assert_eq!(v, swap_and_rewrite(&x));
        assert_fd(swap_and_rewrite, &x, &g, &format!("swap_and_rewrite n={n}"));
    }
    // n = 2: v = [sin x0 * x1, sin x1]; a = sin x0; swap: v = [sin x1, sin x0 * x1 * x0];
    // s = sin^2 x0 x1 + (sin^2 x1 + x0) + 2 ((sin x0 x0 x1)^2 + x1).
    let x = [0.7f64, -1.1f64];
    let (s0, c0, s1, c1) = (x[0].sin(), x[0].cos(), x[1].sin(), x[1].cos());
    let w = s0 * x[0] * x[1];
    let expected = [
        2.0 * s0 * c0 * x[1] + 1.0 + 4.0 * w * (c0 * x[0] + s0) * x[1],
        s0 * s0 + 2.0 * s1 * c1 + 4.0 * w * s0 * x[0] + 2.0,
    ];
    let (_, g) = swap_and_rewrite_grad(&x);
    closed(&g, &expected, "swap_and_rewrite n=2");
}

/// The same parameter passed twice to one callee, and two overlapping sub-slices of it: the
/// cotangents of both arguments accumulate into the one parameter.
#[differentiable]
fn aliased_args(x: &[f64]) -> f64 {
    let n = x.len();
    dot(x, x) + dot(&x[1..], &x[..n - 1])
}

#[test]
fn aliased_arguments_accumulate() {
    let x = sample(40, 6);
    let n = 6;
    let expected: Vec<f64> = (0..n)
        .map(|j| {
            let mut g = 2.0 * x[j];
            if j > 0 {
                g += x[j - 1];
            }
            if j + 1 < n {
                g += x[j + 1];
            }
            g
        })
        .collect();
    let (v, g) = aliased_args_grad(&x);
    assert_eq!(v, aliased_args(&x));
    closed(&g, &expected, "aliased_args");
}

/// A buffer passed to a callee and then modified (and passed again): the first call's
/// reverse sweep must see the buffer as it was at the call.
#[differentiable]
fn mutate_after_call(x: &[f64]) -> f64 {
    let n = x.len();
    let mut buf = vec![0.0; n];
    for i in 0..n {
        buf[i] = x[i] * x[i];
    }
    let a = sumsq(&buf);
    buf[0] = a * x[0];
    buf[1] *= buf[0];
    let b = sumsq(&buf[..]);
    a + b
}

/// The same, with the buffer updated in a loop between calls on moving sub-slices.
#[differentiable]
fn mutate_between_calls(x: &[f64]) -> f64 {
    let n = x.len();
    let mut buf = vec![0.0; n];
    let mut s = 0.0;
    for k in 0..3 {
        for i in 0..n {
            buf[i] = buf[i] * 0.5 + x[i] * (k as f64 + 1.0);
        }
        s += sumsq(&buf[k..]) * buf[k];
    }
    s
}

#[test]
fn buffer_modified_after_being_passed() {
    let x = sample(41, 5);
    let (v, g) = mutate_after_call_grad(&x);
    assert_eq!(v, mutate_after_call(&x));
    // a = sum x_i^4, buf0 = a x0, buf1 = x1^2 a x0,
    // b = a^2 x0^2 (1 + x1^4) + sum_{i>=2} x_i^4, f = a + b.
    let a: f64 = x.iter().map(|t| t.powi(4)).sum();
    let da: Vec<f64> = x.iter().map(|t| 4.0 * t.powi(3)).collect();
    let (x0, x1) = (x[0], x[1]);
    let expected: Vec<f64> = (0..5)
        .map(|j| {
            // d/dx_j of a^2 x0^2 (1 + x1^4)
            let mut dk = 2.0 * a * da[j] * x0 * x0 * (1.0 + x1.powi(4));
            if j == 0 {
                dk += a * a * 2.0 * x0 * (1.0 + x1.powi(4));
            }
            if j == 1 {
                dk += a * a * x0 * x0 * 4.0 * x1.powi(3);
            }
            let tail = if j >= 2 { da[j] } else { 0.0 };
            da[j] + dk + tail
        })
        .collect();
    closed(&g, &expected, "mutate_after_call");
    assert_fd(mutate_after_call, &x, &g, "mutate_after_call");

    let (v, g) = mutate_between_calls_grad(&x);
    assert_eq!(v, mutate_between_calls(&x));
    assert_fd(mutate_between_calls, &x, &g, "mutate_between_calls");
}

/// Compound assignments of an element by itself (`v[0] *= v[0]`, `v[1] += v[1]`), an element
/// read on both sides through a different index expression, and `v[2] -= v[2] * x`.
#[differentiable]
fn self_compound(x: &[f64]) -> f64 {
    let mut v = vec![0.0; 3];
    v[0] = x[0];
    v[1] = x[1];
    v[0] *= v[0];
    v[1] += v[1];
    let j = 1;
    v[j] = v[j] * v[1];
    v[2] = v[0] * v[1];
    v[2] -= v[2] * x[2];
    v[2]
}

#[test]
fn element_compound_assigned_with_itself() {
    let x = [0.7f64, -1.3f64, 0.4f64];
    // v2 = 4 x0^2 x1^2 (1 - x2).
    let (v, g) = self_compound_grad(&x);
    assert_eq!(v, self_compound(&x));
    let (a, b, c) = (x[0], x[1], x[2]);
    closed(
        &g,
        &[
            8.0 * a * b * b * (1.0 - c),
            8.0 * a * a * b * (1.0 - c),
            -4.0 * a * a * b * b,
        ],
        "self_compound",
    );
}

// ---------------------------------------------------------------------------------------------
// buffers reused per iteration: refills rebuilt in the reverse sweep, element increments,
// loop-invariant element reads, pre-sized adjoints
// ---------------------------------------------------------------------------------------------

/// `xc = x_p - mu` refilled whole for each point (rebuilt in the reverse sweep instead of
/// recorded), then read nonlinearly after the fill and, after the loop, its last values.
#[differentiable]
fn refill_per_point(x: &[f64], mu: &[f64], d: usize, n: usize) -> f64 {
    let mut xc = vec![0.0; d];
    let mut s = 0.0;
    for p in 0..n {
        for j in 0..d {
            xc[j] = (x[p * d + j] - mu[j]) * mu[d - 1 - j];
        }
        for j in 0..d {
            s += (xc[j] * xc[(j + 1) % d]).sin();
        }
        s = s * xc[0];
    }
    s + xc[d - 1] * xc[0]
}

#[test]
fn buffer_refilled_for_every_point() {
    let (d, n) = (4, 3);
    let x = sample(40, n * d);
    let mu = sample(41, d);
    let (v, (gx, gmu)) = refill_per_point_grad(&x, &mu, d, n);
    assert_eq!(v, refill_per_point(&x, &mu, d, n));
    assert_fd(|p| refill_per_point(p, &mu, d, n), &x, &gx, "refill d/dx");
    assert_fd(|p| refill_per_point(&x, p, d, n), &mu, &gmu, "refill d/dmu");
}

/// Fills, rebuilt or not, that must be right: read before the fill in the same body (the
/// previous point's values), an input changed after the fill (also a counter), a reversed
/// fill, a fill in a doubly nested loop.
#[differentiable]
fn refill_variants(x: &[f64], d: usize, n: usize) -> f64 {
    let mut b = vec![0.0; d];
    let mut c = vec![0.0; d];
    let mut e = vec![0.0; d];
    let mut f = vec![0.0; d];
    let mut h = vec![0.0; d];
    let mut s = 0.5;
    let mut a = 1.0;
    let mut k = 0;
    for p in 0..n {
        for j in 0..d {
            h[j] = x[(k + j) % (n * d)] * 0.5;
        }
        k += 1;
        s = s + h[k % d] * s;
        s = s + f[0] * x[p] + 0.1 * sumsq(&f);
        for j in 0..d {
            f[j] = x[p * d + j] * x[j];
        }
        for j in 0..d {
            b[j] = (x[p * d + j] * a).sin();
        }
        for j in (0..d).rev() {
            c[j] = x[p * d + j] * x[j];
        }
        a = a * 0.5 + s.cos();
        for j in 0..d {
            s = s * 0.9 + b[j] * c[j] * b[(j + 1) % d] + f[j];
        }
        s = s + 0.1 * sumsq(&b);
        for q in 0..2 {
            for j in 0..d {
                e[j] = x[q * d + j] + x[p];
            }
            for j in 0..d {
                s = (s + e[j] * e[j]).sin();
            }
        }
    }
    s + b[1] * c[1]
}

#[test]
fn buffer_fills_that_are_not_rebuilt() {
    let (d, n) = (3, 3);
    let x = sample(42, n * d);
    let (v, g) = refill_variants_grad(&x, d, n);
    assert_eq!(v, refill_variants(&x, d, n));
    assert_fd(|p| refill_variants(p, d, n), &x, &g, "refill_variants");
}

/// A refilled buffer read again after its loop but inside an enclosing one (its last fill
/// of each outer iteration, also by a call that the reverse sweep runs again on it), and one
/// read by a `while` condition: neither can be rebuilt in the reverse sweep.
#[differentiable]
fn refill_read_between_loops(x: &[f64], d: usize, n: usize) -> f64 {
    let mut e = vec![0.0; d];
    let mut b = vec![0.0; d];
    let mut s = 0.3;
    for q in 0..2 {
        for p in 0..n {
            for j in 0..d {
                e[j] = x[p * d + j] * (q as f64 + 1.0) * 0.5;
            }
            for j in 0..d {
                s = (s * e[j]).sin() + 0.5 * s;
            }
        }
        s = s + e[0] * e[d - 1] + 0.1 * sumsq(&e);
    }
    let mut p = 0;
    while b[0] < 2.0 && p < n {
        for j in 0..d {
            b[j] = x[p * d + j] * x[j] + s * 0.5;
        }
        for j in 0..d {
            s = (s + b[j] * b[(j + 1) % d]).sin();
        }
        p += 1;
    }
    s
}

#[test]
fn refilled_buffers_read_outside_their_loop() {
    let (d, n) = (3, 3);
    let x = sample(47, n * d);
    let (v, g) = refill_read_between_loops_grad(&x, d, n);
    assert_eq!(v, refill_read_between_loops(&x, d, n));
    assert_fd(
        |p| refill_read_between_loops(p, d, n),
        &x,
        &g,
        "refill_read_between_loops",
    );
}

/// `v[i] += e` and `v[i] -= e` (the element's cotangent passes through), next to
/// `v[i] += v[i] * e` and `let t = v[i]; v[i] = t + t.sin()`, whose old element is read
/// twice.
#[differentiable]
fn increments(x: &[f64], n: usize) -> f64 {
    let d = x.len();
    let mut v = vec![0.0; d];
    let mut s = 0.0;
    for p in 0..n {
        for j in 0..d {
            v[j] = x[j] * x[p];
        }
        for j in 0..d {
            v[j] += x[(j + p) % d].sin();
            v[(j + 1) % d] -= x[j] * 0.5;
        }
        for j in 0..d {
            v[j] += v[j] * x[j];
            let t = v[j];
            v[j] = t + t.sin() * 0.5;
        }
        for j in 0..d {
            s = s + (v[j] * v[j]).cos();
        }
    }
    s
}

#[test]
fn element_increments() {
    let x = sample(43, 4);
    for n in 0..4 {
        let (v, g) = increments_grad(&x, n);
        assert_eq!(v, increments(&x, n));
        assert_fd(|p| increments(p, n), &x, &g, "increments");
    }
}

/// `a[c]` read in a loop over `r` (its cotangent summed in a register): also for `c = n`,
/// where the inner loop is empty and `a[c]` would be out of bounds.
#[differentiable]
fn invariant_reads(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len();
    let mut s = 0.0;
    for c in 0..=n {
        for r in c..n {
            s += (a[c] * b[r]).sin() + a[c] * s;
        }
    }
    let mut t = vec![0.0; n];
    for c in 0..n {
        t[c] = a[c] * b[c];
    }
    for c in 0..n {
        for r in 0..n {
            s = s * 0.9 + t[c] * b[r];
        }
    }
    s
}

#[test]
fn loop_invariant_element_reads() {
    let a = sample(44, 4);
    let b = sample(45, 4);
    let (v, (ga, gb)) = invariant_reads_grad(&a, &b);
    assert_eq!(v, invariant_reads(&a, &b));
    assert_fd(|p| invariant_reads(p, &b), &a, &ga, "invariant_reads d/da");
    assert_fd(|p| invariant_reads(&a, p), &b, &gb, "invariant_reads d/db");
}

/// A fixed-length `f32` buffer refilled per iteration (pre-sized adjoint, rebuilt fill).
#[differentiable]
fn refill_f32(x: &[f32], n: usize) -> f32 {
    let d = x.len();
    let mut b = vec![0.0f32; d];
    let mut s = 0.0f32;
    for p in 0..n {
        for j in 0..d {
            b[j] = x[j] * x[(j + p) % d];
        }
        for j in 0..d {
            s += b[j].sin() * b[(j + 1) % d];
        }
    }
    s
}

#[test]
fn f32_buffer_refilled() {
    let x: Vec<f32> = sample(46, 4).iter().map(|v| *v as f32).collect();
    let (v, g) = refill_f32_grad(&x, 3);
    assert_eq!(v, refill_f32(&x, 3));
    // Against the f64 gradient of the same code (checked by finite differences).
    let x64: Vec<f64> = x.iter().map(|v| *v as f64).collect();
    let g64: Vec<f64> = g.iter().map(|v| *v as f64).collect();
    let (_, g_ref) = refill_per_point_f64_grad(&x64, 3);
    assert_fd(
        |p| refill_per_point_f64(p, 3),
        &x64,
        &g_ref,
        "refill_per_point_f64",
    );
    assert_close_tol(&g64, &g_ref, 1e-4, "refill_f32");
}

#[differentiable]
fn refill_per_point_f64(x: &[f64], n: usize) -> f64 {
    let d = x.len();
    let mut b = vec![0.0; d];
    let mut s = 0.0;
    for p in 0..n {
        for j in 0..d {
            b[j] = x[j] * x[(j + p) % d];
        }
        for j in 0..d {
            s += b[j].sin() * b[(j + 1) % d];
        }
    }
    s
}

// ---------------------------------------------------------------------------------------------
// fixed-size array parameters
// ---------------------------------------------------------------------------------------------

/// `[f64; N]` and `&[f64; N]` parameters: their gradients come back as arrays of the same
/// type. `f = x_0 (x_0 y_0 + x_1 y_1 + x_2 y_0)`.
#[differentiable]
fn fixed_arrays(x: [f64; 3], y: &[f64; 2]) -> f64 {
    let mut s = 0.0;
    for i in 0..3 {
        s += x[i] * y[i % 2];
    }
    s * x[0]
}

#[differentiable]
fn fixed_arrays_f32(x: &[f32; 2]) -> f32 {
    (x[0] * x[1]).sin() + x[1] * x[1]
}

#[test]
fn fixed_size_array_parameters() {
    let (x, y) = ([0.5, -1.0, 2.0], [0.3, 0.7]);
    let (v, (gx, gy)): (f64, ([f64; 3], [f64; 2])) = fixed_arrays_grad(x, &y);
    assert_eq!(v, fixed_arrays(x, &y));
    let s = x[0] * y[0] + x[1] * y[1] + x[2] * y[0];
    let want_x = [s + x[0] * y[0], x[0] * y[1], x[0] * y[0]];
    let want_y = [x[0] * (x[0] + x[2]), x[0] * x[1]];
    closed(&gx, &want_x, "fixed_arrays x");
    closed(&gy, &want_y, "fixed_arrays y");

    let x = [0.4f32, -0.9];
    let (v, g) = fixed_arrays_f32_grad(&x);
    assert_eq!(v, fixed_arrays_f32(&x));
    let c = (x[0] * x[1]).cos();
    let want = [c * x[1], c * x[0] + 2.0 * x[1]];
    assert!(
        (g[0] - want[0]).abs() < 1e-6 && (g[1] - want[1]).abs() < 1e-6,
        "{g:?} vs {want:?}"
    );
}

/// Local fixed-size arrays: `[c; N]` is a fixed-length buffer like `vec![c; n]` (element
/// writes, reads, a call on `&b`), and `[a, b, c]` of constants is a constant array.
#[differentiable]
fn first_two(v: &[f64]) -> f64 {
    v[0] * v[0] + v[1]
}

#[differentiable(wrt(x))]
fn local_arrays(x: &[f64], k: f64) -> f64 {
    let mut b = [0.0; 3];
    for i in 0..3 {
        b[i] = x[i] * x[(i + 1) % x.len()];
    }
    let c = [1.5, k, 2.0];
    let mut s = 0.0;
    for i in 0..3 {
        s += b[i] * c[i];
    }
    b[1] = b[1].sin();
    s + first_two(&b) + b.len() as f64
}

#[test]
fn local_fixed_size_arrays() {
    let x = sample(41, 4);
    let (v, g) = local_arrays_grad(&x, 0.7);
    assert_eq!(v, local_arrays(&x, 0.7));
    assert_fd(|x| local_arrays(x, 0.7), &x, &g, "local_arrays");
}

// ---------------------------------------------------------------------------------------------
// `xs.iter().sum()`
// ---------------------------------------------------------------------------------------------

/// `xs.iter().sum()` (and `.copied()`, `::<f64>`, `.into_iter()` of an array) of parameters
/// and local buffers: rewritten into the runtime's differentiable `iter_sum(&xs)`.
#[differentiable]
fn iter_sums(x: &[f64]) -> f64 {
    let mut b = vec![0.0; x.len()];
    let mut acc = 0.0;
    for k in 0..3 {
        for i in 0..x.len() {
            b[i] = x[i] * (k as f64 + 1.0);
        }
        acc += b.iter().sum::<f64>() * x[0];
    }
    let t: f64 = x.iter().sum();
    acc + x.iter().copied().sum::<f64>().sin() + t * t
}

#[differentiable]
fn array_sum_sq(x: [f32; 3]) -> f32 {
    let t: f32 = x.into_iter().sum();
    t * t
}

/// A local `[c; N]` buffer (adjoint: a `Vec`) passed by value to a callee taking `[f64; N]`
/// (cotangent: an array).
#[differentiable]
fn weighted3(v: [f64; 3]) -> f64 {
    v[0] + 2.0 * v[1] + 3.0 * v[2] * v[2]
}

#[differentiable]
fn array_to_callee(x: &[f64]) -> f64 {
    let mut b = [0.0; 3];
    for i in 0..3 {
        b[i] = x[i].sin();
    }
    weighted3(b) * x[3]
}

#[test]
fn iterator_sums_and_arrays_through_calls() {
    let x = sample(42, 4);
    let (v, g) = iter_sums_grad(&x);
    assert_eq!(v, iter_sums(&x));
    assert_fd(iter_sums, &x, &g, "iter_sums");

    let (v, g) = array_sum_sq_grad([0.5, 0.25, -1.0]);
    assert_eq!(v, array_sum_sq([0.5, 0.25, -1.0]));
    assert!(
        g.iter().all(|&gi| (gi - 2.0 * (-0.25f32)).abs() < 1e-6),
        "{g:?}"
    );

    let (v, g) = array_to_callee_grad(&x);
    assert_eq!(v, array_to_callee(&x));
    assert_fd(array_to_callee, &x, &g, "array_to_callee");
}

/// `xs.iter().map(|v| e).sum()` and the zipped form (a dot product), also over sub-slices
/// and with `&v` patterns: rewritten into the loops they stand for.
#[differentiable]
fn zdot(x: &[f64], y: &[f64]) -> f64 {
    x.iter().zip(y.iter()).map(|(a, b)| a * b).sum()
}

#[differentiable]
fn map_sums(x: &[f64], w: f64) -> f64 {
    let s: f64 = x.iter().map(|v| (v * w).sin()).sum();
    let t = x.iter().map(|&v| v * v).sum::<f64>();
    let u: f64 = x
        .iter()
        .zip(&x[1..])
        .map(|(&a, &b)| (a - b) * (a - b))
        .sum();
    let a: f64 = x[1..].iter().map(|v| v * v).sum();
    let c = vec![1.0, 2.0, 3.0, 4.0];
    let e: f64 = c.iter().zip(x.iter()).map(|(p, q)| p * q.exp()).sum();
    s * t + u + zdot(x, x) + a * e
}

#[test]
fn map_and_zip_sums() {
    let x = sample(43, 4);
    let w = 0.7;
    let (v, (g, gw)) = map_sums_grad(&x, w);
    assert_eq!(v, map_sums(&x, w));
    let mut p = x.clone();
    p.push(w);
    let mut all = g.clone();
    all.push(gw);
    assert_fd(|p| map_sums(&p[..4], p[4]), &p, &all, "map_sums");
}

/// Products and folds of iterators (closures and `f64::max`-style paths), with and without
/// `map`, `copied` and `zip`.
#[differentiable]
fn reductions(x: &[f64], w: f64) -> f64 {
    let p: f64 = x.iter().product();
    let q: f64 = x.iter().map(|v| 1.0 + v * w).product();
    let m = x.iter().fold(0.0, |a, &v| a + v * v * w);
    let n = x.iter().map(|v| v.sin()).fold(1.0, |a, t| a * (1.0 + t));
    let mx = x.iter().copied().fold(f64::NEG_INFINITY, |a, v| a.max(v));
    let z = x.iter().zip(x.iter()).fold(0.0, |s, (a, b)| s + a * b * w);
    let top = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let low = x.iter().map(|v| v * w).fold(f64::INFINITY, f64::min);
    p + q + m + n + mx + z + top * low
}

#[test]
fn products_and_folds() {
    let x = sample(44, 4);
    let w = 0.7;
    let (v, (g, gw)) = reductions_grad(&x, w);
    assert_eq!(v, reductions(&x, w));
    let mut p = x.clone();
    p.push(w);
    let mut all = g.clone();
    all.push(gw);
    assert_fd(|p| reductions(&p[..4], p[4]), &p, &all, "reductions");
}
