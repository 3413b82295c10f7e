//! Nested array expressions `[[a, b], [c, d]]`: the macro makes each row a local buffer and
//! the whole the call `rows_M(r0, r1, ..)` of `M` rows of the same length, whose pullback
//! hands each row its part of the cotangent and whose pushforward stacks the rows' tangents.
//! (Rows of different lengths are a type error, as in the user's expression.)

use crate::forward::{TangentElem, TangentOf};

/// `[T; N]`, once per `$a` (a type repeated alongside the rows' names).
macro_rules! row_ty {
    ($a:ident $t:ident $n:ident) => {
        [$t; $n]
    };
}

macro_rules! rows_fns {
    ($($m:literal $name:ident $pullback:ident $pushforward:ident ($($a:ident $s:ident $S:ident),+);)*) => {$(
        #[doc = concat!("`[r0, .., r", stringify!($m), " - 1]`: ", stringify!($m), " rows of `N` elements as a `[[T; N]; ", stringify!($m), "]`.")]
        #[inline(always)]
        pub fn $name<T: Copy, const N: usize>($($a: [T; N]),+) -> [[T; N]; $m] {
            [$($a),+]
        }

        #[doc = concat!("[`", stringify!($name), "`] and its pullback: row `k` of the cotangent goes to row `k`.")]
        #[inline(always)]
        #[allow(clippy::type_complexity)] // the pullback's type is the calling convention
        pub fn $pullback<T: Copy, const N: usize>(
            $($a: [T; N]),+
        ) -> ([[T; N]; $m], impl FnOnce([[T; N]; $m]) -> ($(row_ty!($a T N),)+)) {
            ([$($a),+], move |g: [[T; N]; $m]| {
                let [$($a),+] = g;
                ($($a,)+)
            })
        }

        #[doc = concat!("[`", stringify!($name), "`] with its tangent (forward mode's calling convention).")]
        #[inline(always)]
        #[allow(clippy::too_many_arguments)]
        pub fn $pushforward<F: TangentElem, const N: usize, $($S: TangentOf<[F; N], Out = [F; N]>),+>(
            $($a: [F; N],)+
            $($s: $S),+
        ) -> ([[F; N]; $m], [[F; N]; $m]) {
            let t = [$($s.tangent(&$a)),+];
            ([$($a),+], t)
        }
    )*};
}

rows_fns! {
    1 rows_1 rows_1_pullback rows_1_pushforward (a0 s0 S0);
    2 rows_2 rows_2_pullback rows_2_pushforward (a0 s0 S0, a1 s1 S1);
    3 rows_3 rows_3_pullback rows_3_pushforward (a0 s0 S0, a1 s1 S1, a2 s2 S2);
    4 rows_4 rows_4_pullback rows_4_pushforward (a0 s0 S0, a1 s1 S1, a2 s2 S2, a3 s3 S3);
    5 rows_5 rows_5_pullback rows_5_pushforward (a0 s0 S0, a1 s1 S1, a2 s2 S2, a3 s3 S3, a4 s4 S4);
    6 rows_6 rows_6_pullback rows_6_pushforward (a0 s0 S0, a1 s1 S1, a2 s2 S2, a3 s3 S3, a4 s4 S4, a5 s5 S5);
    7 rows_7 rows_7_pullback rows_7_pushforward (a0 s0 S0, a1 s1 S1, a2 s2 S2, a3 s3 S3, a4 s4 S4, a5 s5 S5, a6 s6 S6);
    8 rows_8 rows_8_pullback rows_8_pushforward (a0 s0 S0, a1 s1 S1, a2 s2 S2, a3 s3 S3, a4 s4 S4, a5 s5 S5, a6 s6 S6, a7 s7 S7);
}
