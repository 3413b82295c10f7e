//! The two vector kernels of the products' reverse rules, compiled for AVX2 when the CPU
//! has it (checked at run time; the crate itself is built for the baseline `x86_64`, whose
//! SSE2 vectors hold two `f64`):
//!
//! - [`rank1`]: `D += u vᵀ` on a row-major `D`, the cotangent of the matrix in a
//!   matrix·vector product (`w.dot(&h)` in a recurrent step);
//! - [`gemv_t`]: `out = Wᵀ x` for a row-major `W`, as `Σⱼ xⱼ W[j, :]` (the cotangent of the
//!   vector in the same product), streaming `W` in memory order.
//!
//! Both are loops of `y += a · x` over rows; the AVX2 copy runs the same operations on
//! wider vectors (no fused multiply-add, so the results are the same bits on every CPU).
//! Matrix·matrix products go to `matrixmultiply` through ndarray, which dispatches the same
//! way; these are the shapes it does not cover.

/// `y += a x`, element by element.
#[inline(always)]
fn axpy<F: Copy + core::ops::Add<Output = F> + core::ops::Mul<Output = F>>(
    y: &mut [F],
    a: F,
    x: &[F],
) {
    for (y, &x) in y.iter_mut().zip(x) {
        *y = *y + a * x;
    }
}

#[inline(always)]
fn rank1_body<F: Copy + core::ops::Add<Output = F> + core::ops::Mul<Output = F>>(
    d: &mut [F],
    u: &[F],
    v: &[F],
) {
    for (row, &ui) in d.chunks_exact_mut(v.len().max(1)).zip(u) {
        axpy(row, ui, v);
    }
}

#[inline(always)]
fn gemv_t_body<F: Copy + core::ops::Add<Output = F> + core::ops::Mul<Output = F>>(
    out: &mut [F],
    w: &[F],
    x: &[F],
) {
    let n = out.len().max(1);
    // Four rows per pass over `out`: each element still gets its terms added one by one in
    // row order (the same bits as one row per pass), with a quarter of the loads and stores.
    let mut rows = w.chunks_exact(n).zip(x);
    while let (Some((r0, &a0)), Some((r1, &a1)), Some((r2, &a2)), Some((r3, &a3))) =
        (rows.next(), rows.next(), rows.next(), rows.next())
    {
        let (r0, r1, r2, r3) = (
            &r0[..out.len()],
            &r1[..out.len()],
            &r2[..out.len()],
            &r3[..out.len()],
        );
        for i in 0..out.len() {
            let mut o = out[i];
            o = o + a0 * r0[i];
            o = o + a1 * r1[i];
            o = o + a2 * r2[i];
            o = o + a3 * r3[i];
            out[i] = o;
        }
    }
    let done = (x.len().min(w.len() / n) / 4) * 4;
    for (row, &xj) in w.chunks_exact(n).zip(x).skip(done) {
        axpy(out, xj, row);
    }
}

macro_rules! dispatch {
    ($name:ident, $body:ident, $avx:ident, ($($arg:ident: $ty:ty),*)) => {
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx2")]
        fn $avx<F: Copy + core::ops::Add<Output = F> + core::ops::Mul<Output = F>>($($arg: $ty),*) {
            $body($($arg),*)
        }

        #[inline]
        pub(crate) fn $name<F: Copy + core::ops::Add<Output = F> + core::ops::Mul<Output = F>>(
            $($arg: $ty),*
        ) {
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU has AVX2 (checked on the line above), the only requirement
                // of a `target_feature(enable = "avx2")` function; its body is safe code.
                unsafe { $avx($($arg),*) };
                return;
            }
            $body($($arg),*)
        }
    };
}

dispatch!(rank1, rank1_body, rank1_avx2, (d: &mut [F], u: &[F], v: &[F]));
dispatch!(gemv_t, gemv_t_body, gemv_t_avx2, (out: &mut [F], w: &[F], x: &[F]));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernels_match_their_definitions() {
        let (m, n) = (5, 7);
        let u: Vec<f64> = (0..m).map(|i| 0.3 * i as f64 - 0.5).collect();
        let v: Vec<f64> = (0..n).map(|j| (j as f64).sin()).collect();
        let mut d: Vec<f64> = (0..m * n).map(|k| 0.1 * k as f64).collect();
        let before = d.clone();
        rank1(&mut d, &u, &v);
        for i in 0..m {
            for j in 0..n {
                assert_eq!(d[i * n + j], before[i * n + j] + u[i] * v[j]);
            }
        }
        let mut out = vec![0.0; n];
        gemv_t(&mut out, &before, &u);
        for j in 0..n {
            let mut e = 0.0;
            for i in 0..m {
                e += u[i] * before[i * n + j];
            }
            assert_eq!(out[j], e);
        }
    }
}
