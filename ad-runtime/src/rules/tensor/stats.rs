//! The forward sweep's `var_axis` and `std_axis` of 2-D arrays: ndarray's own algorithm
//! (Welford's update, lane by lane, one step per index along the axis), the same operations
//! in the same order, so the same bits as the primal's call, compiled with hardware fused
//! multiply-add when the CPU has it.
//!
//! ndarray's `var_axis` updates `sum_sq = (x - mean).mul_add(delta, sum_sq)`; in a crate
//! built for the baseline `x86_64` every `mul_add` is a call into a software `fma`, and the
//! lanes are walked through `Zip`'s strided path: a layer norm's forward sweep spent a sixth
//! of its gradient's time there. A fused multiply-add is correctly rounded whether the CPU or
//! the library computes it, so the AVX2 + FMA copy below gives the primal's value exactly
//! (`stats_match_ndarray` checks the bits). The generated code calls these through
//! [`FastStats`] in place of the methods; the primal function keeps ndarray's.

use ndarray::{ArrayBase, Axis, Data, Dimension, Ix2, RemoveAxis};
use num_traits::{Float, FromPrimitive};

/// One Welford step over every lane: lane `j` reads `x[j * stride]`. Eight lanes at a time
/// (their loads gathered into an array), so that the arithmetic runs on vectors.
#[inline(always)]
fn welford_step<F: Float>(mean: &mut [F], sum_sq: &mut [F], x: &[F], stride: usize, count: F) {
    #[inline(always)]
    fn update<F: Float>(m: &mut F, s: &mut F, x: F, count: F) {
        let delta = x - *m;
        *m = *m + delta / count;
        *s = (x - *m).mul_add(delta, *s);
    }
    const L: usize = 8;
    let full = mean.len() - mean.len() % L;
    let (mh, mt) = mean.split_at_mut(full);
    let (sh, st) = sum_sq.split_at_mut(full);
    for (c, (m8, s8)) in mh
        .chunks_exact_mut(L)
        .zip(sh.chunks_exact_mut(L))
        .enumerate()
    {
        let x8: [F; L] = std::array::from_fn(|l| x[(c * L + l) * stride]);
        for l in 0..L {
            update(&mut m8[l], &mut s8[l], x8[l], count);
        }
    }
    for (k, (m, s)) in mt.iter_mut().zip(st.iter_mut()).enumerate() {
        update(m, s, x[(full + k) * stride], count);
    }
}

/// How the lanes lie in the slice: `steps` steps `step` apart, lanes `stride` apart.
#[derive(Clone, Copy)]
struct Walk {
    steps: usize,
    step: usize,
    stride: usize,
}

/// Every step of the lanes of `x`.
#[inline(always)]
fn welford_body<F: Float + FromPrimitive>(mean: &mut [F], sum_sq: &mut [F], x: &[F], w: Walk) {
    for i in 0..w.steps {
        let count = F::from_usize(i + 1).expect("Converting index to `A` must not fail.");
        welford_step(mean, sum_sq, &x[i * w.step..], w.stride, count);
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn welford_fma<F: Float + FromPrimitive>(mean: &mut [F], sum_sq: &mut [F], x: &[F], w: Walk) {
    welford_body(mean, sum_sq, x, w)
}

/// [`welford_body`], on AVX2 + FMA when the CPU has them.
fn welford<F: Float + FromPrimitive>(mean: &mut [F], sum_sq: &mut [F], x: &[F], w: Walk) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has AVX2 and FMA (checked on the lines above), the only
        // requirement of the `target_feature` function; its body is safe code.
        unsafe { welford_fma(mean, sum_sq, x, w) };
        return;
    }
    welford_body(mean, sum_sq, x, w)
}

/// `Σ (x - mean)² / (n - ddof)` along `axis` of a 2-D array whose elements lie in one slice
/// at non-negative strides, as ndarray computes it; `None` for other arrays.
fn var_axis_2d<F, S, D>(a: &ArrayBase<S, D>, axis: Axis, ddof: F) -> Option<ndarray::Array1<F>>
where
    F: Float + FromPrimitive,
    S: Data<Elem = F>,
    D: Dimension,
{
    let a = a.view().into_dimensionality::<Ix2>().ok()?;
    let a = if axis.index() == 0 {
        a
    } else {
        a.reversed_axes()
    };
    // Now steps run along axis 0 and lanes along axis 1.
    let (steps, lanes) = a.dim();
    let (step, stride) = (a.strides()[0], a.strides()[1]);
    if steps == 0 || lanes == 0 || step < 0 || stride < 0 || (stride == 0 && lanes > 1) {
        return None;
    }
    let (step, stride) = (step as usize, stride as usize);
    let len = (steps - 1) * step + (lanes - 1) * stride + 1;
    // SAFETY: the view's elements are `ptr + i step + j stride` for `i < steps`, `j < lanes`,
    // all inside one allocation that the view borrows for its lifetime; the slice spans
    // from the first to the last of them (the strides are non-negative), which lie in that
    // same allocation, and it is only read while `a` is borrowed.
    let x = unsafe { std::slice::from_raw_parts(a.as_ptr(), len) };
    let mut mean = vec![F::zero(); lanes];
    let mut sum_sq = vec![F::zero(); lanes];
    let walk = Walk {
        steps,
        step,
        stride,
    };
    welford(&mut mean, &mut sum_sq, x, walk);
    let n = F::from_usize(steps).expect("Converting length to `A` must not fail.");
    let dof = n - ddof;
    Some(ndarray::Array1::from_iter(
        sum_sq.into_iter().map(|s| s / dof),
    ))
}

/// `var_axis` and `std_axis` as the forward sweep computes them (see the module docs): the
/// same values as ndarray's methods, bit for bit, faster for 2-D arrays.
pub trait FastStats<F, D: Dimension> {
    /// `self.var_axis(axis, ddof)`.
    fn __ad_var_axis(&self, axis: Axis, ddof: F) -> ndarray::Array<F, D::Smaller>;
    /// `self.std_axis(axis, ddof)`.
    fn __ad_std_axis(&self, axis: Axis, ddof: F) -> ndarray::Array<F, D::Smaller>;
}

impl<F, S, D> FastStats<F, D> for ArrayBase<S, D>
where
    F: Float + FromPrimitive,
    S: Data<Elem = F>,
    D: RemoveAxis,
{
    #[track_caller]
    fn __ad_var_axis(&self, axis: Axis, ddof: F) -> ndarray::Array<F, D::Smaller> {
        let n = F::from_usize(self.len_of(axis)).expect("Converting length to `A` must not fail.");
        if ddof < F::zero() || ddof > n {
            // ndarray's message.
            return self.var_axis(axis, ddof);
        }
        match var_axis_2d(self, axis, ddof).map(|v| v.into_dimensionality::<D::Smaller>()) {
            Some(Ok(v)) => v,
            _ => self.var_axis(axis, ddof),
        }
    }

    #[track_caller]
    fn __ad_std_axis(&self, axis: Axis, ddof: F) -> ndarray::Array<F, D::Smaller> {
        self.__ad_var_axis(axis, ddof).mapv_into(|v| v.sqrt())
    }
}

#[cfg(test)]
mod tests {
    use super::FastStats;
    use ndarray::{Array2, Array3, Axis, ShapeBuilder, s};

    fn data(m: usize, n: usize, seed: u64) -> Vec<f64> {
        let mut x = seed;
        (0..m * n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                1e3 * ((x >> 11) as f64 / (1u64 << 53) as f64 - 0.3)
            })
            .collect()
    }

    fn same_bits(a: &ndarray::ArrayD<f64>, b: &ndarray::ArrayD<f64>) {
        assert_eq!(a.shape(), b.shape());
        for (x, y) in a.iter().zip(b) {
            assert_eq!(x.to_bits(), y.to_bits(), "{x} vs {y}");
        }
    }

    #[test]
    fn stats_match_ndarray() {
        for &(m, n) in &[(1, 1), (3, 5), (256, 64), (7, 33), (64, 3)] {
            let a = Array2::from_shape_vec((m, n), data(m, n, 7)).unwrap();
            let f = Array2::from_shape_vec((m, n).f(), data(m, n, 9)).unwrap();
            let sliced = a.slice(s![..;-1, ..]).to_owned();
            let stepped = a.slice(s![.., ..;2]);
            for v in [a.view(), f.view(), sliced.view(), stepped, a.t()] {
                for axis in 0..2 {
                    for ddof in [0.0, 1.0] {
                        if ddof > v.len_of(Axis(axis)) as f64 {
                            continue;
                        }
                        same_bits(
                            &v.__ad_var_axis(Axis(axis), ddof).into_dyn(),
                            &v.var_axis(Axis(axis), ddof).into_dyn(),
                        );
                        same_bits(
                            &v.__ad_std_axis(Axis(axis), ddof).into_dyn(),
                            &v.std_axis(Axis(axis), ddof).into_dyn(),
                        );
                    }
                }
            }
        }
        let c = Array3::from_shape_vec((2, 3, 4), data(6, 4, 3)).unwrap();
        same_bits(
            &c.__ad_var_axis(Axis(1), 0.0).into_dyn(),
            &c.var_axis(Axis(1), 0.0).into_dyn(),
        );
        let f32s = Array2::from_shape_fn((9, 17), |(i, j)| (i * 17 + j) as f32 * 0.37 - 20.0);
        assert_eq!(
            f32s.__ad_var_axis(Axis(1), 1.0),
            f32s.var_axis(Axis(1), 1.0)
        );
    }

    #[test]
    #[should_panic(expected = "ddof")]
    fn stats_keep_ndarrays_panic() {
        Array2::<f64>::zeros((2, 3)).__ad_var_axis(Axis(1), 4.0);
    }
}
