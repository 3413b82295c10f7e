#!/usr/bin/env python3
"""Generator of random differentiable programs written the way Rust users write them: parameter
structs with methods, generic functions, iterator chains, closures, array literals and
patterns, `if let` / `match` with bindings, for `tests/random_everyday_programs.rs`.

    python3 tests/gen/gen_random_everyday_programs.py                 # the committed sample
    python3 tests/gen/gen_random_everyday_programs.py --seed S --count N --out tests/zz_S.rs
    ... --no-exclude NAME     # re-enable a construct switched off in EXCLUDE (`all`: every one)

Python 3 standard library only; deterministic in `--seed` and `--count`.

Each function takes some of: a scalar `x: f64`, a slice `xs: &[f64]` (length 4), a parameter
struct `p: &P` (`#[derive(Differentiable)]`: `a: f64`, `b: f64`, `v: Vec<f64>` of length 4,
`w: [f64; 3]`, a nested `q: Q { c: f64, u: Vec<f64> }` and layers `qs: Vec<Q>` of length 2,
read by `for l in &p.qs`, `p.qs.iter().map(..).sum()`, `fold`, `enumerate`, `p.qs[i].at(t)`,
`&p.qs[i]`, and copied into a local `Vec<Q>` written element by element and by `iter_mut`),
parameters of the kinds the AD
literature's programs take (non-generic functions only): `arr: [f64; 3]` by value (or `arr0`
copied by `let arr = arr0;`, `mut` when written or swapped), `rf: &[f64; 3]` (sometimes
copied by `let cp = *rf;`), `vv: Vec<f64>` by value (length 4, or `v0` copied by
`let vv = v0;`), rows `m: &Vec<Vec<f64>>` (2 x 3), `va: V3`/`vb: V3`/`vr: &V3` (a `Copy`
struct, below), and constants `o: Option<f64>` and
`mode: Mode` (an enum with payloads). About one function in eight returns `[f64; 2]` or
`[f64; 3]`. Its body is 3-7 statements from this menu, each
defining a float `s{k}`:

* iterator chains over `xs`, `p.v`, `p.q.u` and ranges: `map`, `filter` (on indices or on
  constants, so no kink depends on the point), `enumerate`, `zip`, `rev`, `skip`, `take`,
  `step_by`, `chain` into `sum`, `product`, `fold`, `count`, `collect`, and `for` loops over
  chains;
* closures bound by `let` that capture differentiated values, called twice;
* array literals of differentiated values and array patterns (`let [a, b] = [..];`,
  `let [u0, _, u2] = p.w;`);
* `if let Some(c) = o`, `match mode { Mode::Scale(k) => .., Mode::Shift { by } => .., .. }`,
  `let Some(c) = o else { .. }`, `while let Some(k) = stack.pop()` over constants;
* field reads at any depth (`p.a`, `p.q.u[i]`, `let P { a, q, .. } = p;`) and
  differentiable methods of `P` (`p.eval(t)`, `p.eval2(t)` calling the associated function
  `Self::blend` without `self`, `P::blend(a, b)`), also on a struct made in the body
  (`let pl = P { a: .., ..fields of p }; pl.eval(t)`);
* `match` on tuples of differentiated values with bindings and guards (`match (a, b) { (u,
  v) if u > v => u * v, (u, _) => .. }`: a kink where `u = v`, met with probability zero),
* `match` arms with guards that read their bindings (`Some(c) if c > 0.5 => ..`), the
  mutually recursive `ping`/`pong`, and slice accessors (`first().copied().unwrap_or(..)`,
  `*last().unwrap()`, `split_at`);
* `#[checkpoint]` loops (also with `snapshots = 0, 1, 2, 3`, over `0..n` and `1..=n`, `n`
  from 0): a scalar state stepped by `cstep(st, a, i as f64 * 0.1)` (a differentiated
  argument and one read from the counter), and a `Vec` state stepped by `vstep(&vs, a)`;
* exchanges: `b.swap(j, j + 1)` in compare-and-swap steps (a bubble sort, one pass, a
  selection step with a computed index) on buffers of well-separated values (bands 1 apart,
  each value within 0.3 of its band, so no comparison is near a tie), swaps with fixed or
  computed indices (a reversal, `(i + d) % n`) on local buffers and on `arr`/`vv`;
  `std::mem::swap`/`core::mem::swap` of two local scalars (also in loops) and of two local
  `Vec` buffers (a double-buffered stencil in a loop);
* destructuring assignment `(u, w) = (w, u * 0.5 + ..)`, `(u, w, r) = (w, r, ..)` (also in
  loops) and `[u, w] = [w, u]`;
* `zip` with a bare slice (`seq.iter().zip(xs)`, or `zip(y)` of `let y = &xs[k..];`) in
  reductions and `for` loops; loops over borrowed sub-slices (`for &v in &seq[k..]`,
  `for v in seq[..k].iter()`, `for &v in &seq[a..=b]`);
* writes into `arr` (`arr[i] *= arr[j]`, `arr[i] += ..`), reads of `arr`/`rf` (`iter()`,
  `let [e, _, g] = arr;`), rows of `m` as values (`let r = &m[i]; r[j]`, `m[0].len()`,
  `for row in m.iter()`);

* hunt 7's and 10's classes: a `V3` local written after a field read (field writes,
  reassignment by a method or a literal), `move` closures whose captured variable is
  reassigned before the call, `let r;` assigned in a `loop` before `break`, tuple element
  writes, `zip` with `skip`/`take`, `fold` with a tuple accumulator, an operand that assigns
  what an earlier operand reads (`e + { e = e * c; e } * ..`), do-while loops
  (`while { ..; n < k } {}`);

* in-place functions (`&mut` parameters, non-generic functions): helpers of the header
  (`relax(y: &mut [f64], a)`, `relax_twice` passing `y` on by `&mut *y`, `&mut y[..]` and
  read-only, `grow(v: &mut Vec<f64>, a)` that pushes, `bump(s: &mut f64, x, k)` with an early
  `return;`, `rot(r: &mut [f64; 3], t)`, `mix(u: &mut [f64], w: &mut f64, a)`,
  `nudge(y: &mut [f64], d: V3)`, the output buffer of `derivs(src, k, out: &mut [f64])`, the
  method `P::spread(&self, t, out: &mut [f64])` called as `P::spread(p, ..)` and on `self` by
  `p.eval3(t)`) and helpers made for the function with a random body (one or two `&mut`
  parameters of each kind, element reads and writes, `*s` read and compound-assigned, loops,
  early `return;` on a constant `k: usize`, `push`), called as statements on local buffers
  (`to_vec`/`clone`/`collect`/`vec![..]`, annotated arrays, `*rf`) and on the parameters
  `vv`/`arr`/`cp` (`&mut b` or `&mut b[..]`): once, twice, in `for`/`while` loops (arguments
  reading the counter), in both branches of an `if` in a loop with the buffer read between
  calls, under `if let Some(c) = o`/`match mode`, as the step of a `#[checkpoint]` loop; the
  buffers are read afterwards (elements, `iter().map(..).sum()`, `len()` of a grown `Vec`);
* a `Copy` struct `V3 { x, y, z }` with methods taking `self` by value (`dot`, `norm`, `abs`
  and `sum` named like float/iterator methods, `scale`/`cross`/`lerp` returning `V3`, `dist`
  and `area` calling methods on structs they build, `twist` passing a method's result on,
  `wave` building one in an argument) and a free function `pull(a: V3, b: V3, k)`:
  parameters `va: V3`, `vb: V3` by value and `vr: &V3`; locals made by `V3::new(..)` and
  literals; methods in expressions, in branches on constants, in closures building a `V3`
  from their argument, on a `V3` state stepped in a loop; results of methods read by field
  and passed on as arguments; a struct of constants as an argument; `V3` arguments of
  in-place helpers;

then returns a smooth combination of the `s{k}`. Every operation is smooth on the inputs'
range (inputs in [-1, 1]; `sin`, `cos`, `tanh`, products, `exp` of bounded values), so
central differences are exact to O(h²) everywhere. Some functions are generic (`T: Float`,
no struct parameter) and are also checked at `f32` against their `f64` gradient.

Each function gets one `#[test]` that, at 3 points, checks `_grad` against central finite
differences (`ad_runtime::check::fd_gradient` on the parameters flattened), `_jvp` against
`grad · v`, and `_hvp` against central differences of the gradient along `v`. A function
with a `[f64; K]` result is checked instead by `_jvp` against central differences of each
component along `v`, by `_vjp` with a random seed `w` against `Jᵀ w` (the columns of `J` by
central differences), and by `w · (J v) = (Jᵀ w) · v`.

Constructs that hit known bugs are switched off by the entries of `EXCLUDE` (each names the
bug and its minimal repro; most are replaced by a form the macro takes, e.g. an annotated
buffer); `--no-exclude NAME` turns one back on to check a fix.
"""

import argparse
import os
import random
import subprocess
import shutil

# Constructs switched off (each entry names the bug and its minimal repro); `--no-exclude NAME`
# (or `all`) turns one back on to check a fix.
EXCLUDE: set = {
    # `let mut b = s.v.clone(); b.swap(0, 1);` (`s: &S`, `v: Vec<f64>` a field): "no
    # derivative rule for method `swap` on a differentiated value"; the clone of a field is
    # not known as a float sequence (the macro cannot see field types). Annotated
    # (`let mut b: Vec<f64> = s.v.clone();`), which the macro takes.
    # (fixed: a field's clone is a sequence whose `swap` is the element exchange; lifted)
    # "swap-field-copy",
    # `fn c7(a: V3, x: f64) -> f64 { a.dot(V3::new(0.3, 0.2, 0.5)) * x }` (also
    # `let c = V3::new(0.3, 0.2, 0.5); a.dot(c)`, `sp(a, V3::new(..))` of a free function,
    # `pd(p, &Pt::at(0.3, 0.2))` of a non-`Copy` struct by reference): E0277 "the trait bound
    # `V3: Relift` is not satisfied" at the attribute; a struct made by a differentiable
    # constructor from constants only, passed to a differentiable call. A literal of constants
    # (`V3 { x: 0.3, y: 0.2, z: 0.5 }`) is taken. Replaced by such a literal (and a closure
    # building a struct from its argument is called on differentiated values only).
    # (fixed: lifted) "constant-struct-by-new",
    # `fn f(p: &P, t: f64) -> f64 { let mut out = vec![0.0; 3]; p.spread(t, &mut out); out[1] }`
    # (`spread(&self, t: f64, out: &mut [f64])` an in-place method): "a `&mut` borrow of part
    # of a variable, or outside a call statement is not supported"; an in-place method is
    # taken on `self` only (`self.spread(t, &mut out);`). Called as `P::spread(p, t, &mut out);`.
    # (fixed: lifted) "inplace-method-on-param",
    # `fn f(xs: &[f64], a: f64) -> f64 { let mut b = [xs[0], xs[1], xs[2], xs[3]]; relax(&mut b, a); b[0] }`
    # (`relax(y: &mut [f64], a: f64)`): E0308 mismatched types (the value twin takes a `Vec`
    # and the array is assigned its result); an array lent to a `&mut [f64]` parameter. Arrays
    # are lent to `&mut [f64; N]` parameters only.
    "inplace-array-to-slice",
    # `match mode { Mode::Scale(k) => relax(&mut y, a * k), _ => {} }`: "a `&mut` borrow .. outside
    # a call statement is not supported" (the README: in-place calls are statements). Written
    # `Mode::Scale(k) => { relax(&mut y, a * k); }`.
    # (fixed: lifted) "inplace-arm-expr",
    # Methods of `V3` named like float, iterator or array methods (`abs`, `sum`, `dot`) on a
    # local: `let c = V3 { x, y: 0.2, z: x }; c.abs()` is E0599 "no method named `abs` found
    # for struct `__AdDualV3`" (`c.sum()`: "`__AdDualV3` is not an iterator"), and
    # `fn d1(a: V3, x: f64) -> f64 { let c = V3::new(x, x, x); c.dot(a) }` (also of a literal,
    # `let mut`, a copy `let c = a;`, and in a closure) is E0277 "the trait bound `V3: Value`
    # is not satisfied" (`__AdDualV3: DualArray` in forward mode: taken as the array `dot`; also
    # `let d = a.cross(b); d.dot(b)` of a method's result).
    # The README takes such names on parameters and `self`. Locals get the methods with other
    # names (`norm`, `dist`, `wave`, ...); `dot` on a local is written `a.dot(c)`.
    "builtin-named-method-on-local",
    # `#[differentiable] fn re(y: &mut [f64], a: f64, k: usize) { y[1] = a.cos(); if k > 2 {
    # return; } y[1] += a; }`: E0382 "borrow of moved value" (the value twin's `Vec<f64>` and
    # `Vec<Dual<f64>>`, "value borrowed here after move" at `y`); an early `return;` in an
    # in-place function with a slice or `Vec` `&mut` parameter (one of floats and arrays only
    # is taken, `bump`). Early returns only in helpers without one.
    # (fixed: lifted) "inplace-early-return-seq",
    # `#[differentiable] fn ra(y: &mut [f64], a: f64) { y[1 % y.len()] *= a; }`: E0502 "cannot
    # borrow value as immutable because it is also borrowed as mutable" (valid on a slice; the
    # value twin takes a `Vec`, where rustc rejects it). Written with `let n = y.len();`.
    # (fixed: lifted) "inplace-len-in-index",
    # `fn rb(p: &P) -> f64 { let r: [f64; 3] = p.w; r[0] * r[1] }` (`w: [f64; 3]` a field):
    # E0308 "expected `[f64; 3]`, found `&[f64; 3]`" (also `[Dual<f64>; 3]`); an array field
    # copied into an annotated local. Arrays lent in place are made from elements instead.
    # (fixed: lifted) "array-field-copy",
    # `#[differentiable] fn h1(r: &mut [f64; 2], a: f64) { r[0] = r[1] * a; }` and
    # `fn g7(x: f64) -> f64 { let mut r = [x.sin(), x.cos()]; h1(&mut r, x); r[0] }`: E0308
    # "expected `[f64; 2]`, found `Vec<f64>`" (E0271 `TupleField<0>::Out == Vec<f64>` with two
    # `&mut` parameters); an unannotated array literal lent to an array parameter (the local
    # is taken as a `Vec` buffer; `[x.sin(), x, 0.5]` happens to be taken). Annotated
    # (`let mut r: [f64; 2] = [..];`).
    # (fixed: lifted) "inplace-unannotated-array-literal",
    # `#[differentiable(wrt(x))] fn a6(x: f64, mode: Mode) -> f64 { let mut u = x; match mode {
    # Mode::Shift { by } => { u = cstep(u, by, 0.1); } _ => {} } u }` (also `Mode::Scale(k) =>
    # { bump(&mut u, k, 1); }`): E0308 "expected `Dual<f64>`, found `f64`" at the binding; a
    # constant bound by a `match` arm passed alone as a float argument of a differentiable
    # call (`if let Some(c) = o { h(&mut u, c); }` is taken). Passed mixed with a
    # differentiated value (`t + by`).
    # (fixed: lifted) "match-binding-as-call-arg",
    # `#[differentiable] fn m3(xs: &[f64], vb: V3) -> f64 { let c = vb; let mut s = 0.0; for i
    # in 0..xs.len() { s += xs[i].sin(); } c.x + s }` (also `let c = V3::new(x, x, x);`, and
    # with an iterator chain instead of the loop): E0425 "cannot find value `__dt_c` in this
    # scope"; a field read of a struct local in a function with a loop. Fields are read of
    # the `V3` parameters only; locals are passed on and called.
    # (fixed: lifted) "struct-local-field-read",
    # `#[differentiable] fn grow(v: &mut Vec<f64>, a: f64) { .. v.push(..); }` and
    # `fn f(p: &P, a: f64) -> f64 { let mut b = p.q.u.clone(); grow(&mut b, a); b[1] }` (seeds
    # 3642 `f057`, `f123`, 3643 `f232`): the gradient's field `q.u` has 5 entries (the grown
    # clone's length; the 4 right ones and a 0 after them), so `flat(&g_p)` is 20 long where
    # 19 are expected; a clone of a struct's `Vec` field lent to an in-place helper that
    # pushes. Likewise `let mut b = vv.to_vec(); grow(&mut b, a);` of a `vv: Vec<f64>`
    # parameter (3643 `f112` at the next generator: `_vjp`'s `vv` 6 long, 20 != 18).
    # `xs.to_vec()` of a slice lent to it is taken. Such helpers get a `vec![..]` of
    # elements when the sequence is a field or `vv`.
    # (fixed: lifted) "grow-clone-of-field",
    # Lifted after they were fixed (seeds 3611 and 3612, 500 programs, 0 failures):
    # "swap-unannotated-vec", "swap-array-param", "swap-param-copy", "sub-slice-enumerate",
    # "to-vec-of-local", "write-deref-copy".
}

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "random_everyday_programs.rs")

HEADER = '''//! Random programs written the way Rust users write them (parameter structs and methods,
//! generic functions, iterator chains, closures, array literals and patterns, `if let` and
//! `match` with bindings, `swap` and `mem::swap`, destructuring assignment, sub-slices,
//! array and `Vec` parameters by value, `[f64; N]` results, in-place helpers with `&mut`
//! parameters called in loops and branches, by-value methods of a `Copy` struct), generated by
//! `tests/gen/gen_random_everyday_programs.py` (seed {seed}, {count} functions): each checked
//! in reverse mode against central differences, in forward mode against the gradient and in
//! second order against differences of the gradient (`[f64; N]` results: `_jvp` and `_vjp`
//! against differences). Do not edit: regenerate.

#![allow(clippy::all, unused_variables, unused_mut, unused_parens, dead_code)]

use ad_runtime::{{Differentiable, Float, differentiable}};

#[derive(Clone, Debug, Differentiable)]
pub struct Q {{
    pub c: f64,
    pub u: Vec<f64>,
}}

#[derive(Clone, Debug, Differentiable)]
pub struct P {{
    pub a: f64,
    pub b: f64,
    pub v: Vec<f64>,
    pub w: [f64; 3],
    pub q: Q,
    /// Layers: a `Vec` of derived structs.
    pub qs: Vec<Q>,
    #[no_derivative]
    pub tag: usize,
}}

#[differentiable]
impl Q {{
    #[differentiable]
    pub fn at(&self, t: f64) -> f64 {{
        self.c * t.cos() + self.u[0] * self.u[1] * 0.5 + (self.u[2] * t).sin()
    }}
}}

#[differentiable]
impl P {{
    #[differentiable(wrt(self, t))]
    pub fn eval(&self, t: f64) -> f64 {{
        self.a * t.sin() + self.b * self.q.c + self.v[1] * t
    }}

    /// An associated function without `self`.
    #[differentiable]
    pub fn blend(u: f64, t: f64) -> f64 {{
        u * t.cos() + (u * 0.5).sin()
    }}

    #[differentiable(wrt(self, t))]
    pub fn eval2(&self, t: f64) -> f64 {{
        Self::blend(self.a, t) + self.eval(t) * 0.5
    }}

    /// An in-place method: writes its output buffer, reading it first.
    #[differentiable]
    pub fn spread(&self, t: f64, out: &mut [f64]) {{
        for i in 0..out.len() {{
            out[i] = out[i] * 0.5 + self.v[i % 4] * (t + self.a * i as f64).sin();
        }}
    }}

    /// Calls the in-place method on `self`.
    #[differentiable(wrt(self, t))]
    pub fn eval3(&self, t: f64) -> f64 {{
        let mut out = vec![self.b, t, 0.0];
        self.spread(t * 0.5, &mut out);
        out[0] * out[2] + out[1] * self.q.c
    }}
}}

/// A `Copy` vector type whose methods take `self` by value (also named like float and
/// iterator methods: `abs`, `sum`), with a constructor and methods returning `V3`.
#[derive(Clone, Copy, Debug, Differentiable)]
pub struct V3 {{
    pub x: f64,
    pub y: f64,
    pub z: f64,
}}

#[differentiable]
impl V3 {{
    #[differentiable]
    pub fn new(x: f64, y: f64, z: f64) -> V3 {{
        V3 {{ x, y, z }}
    }}

    #[differentiable]
    pub fn dot(self, o: V3) -> f64 {{
        self.x * o.x + self.y * o.y + self.z * o.z
    }}

    /// Smooth everywhere (the square is kept away from 0).
    #[differentiable]
    pub fn norm(self) -> f64 {{
        (self.dot(self) + 0.5).sqrt()
    }}

    #[differentiable]
    pub fn abs(self) -> f64 {{
        self.norm() * 0.5 + self.x * 0.25
    }}

    #[differentiable]
    pub fn sum(self) -> f64 {{
        self.x + self.y + self.z
    }}

    #[differentiable]
    pub fn scale(self, k: f64) -> V3 {{
        V3 {{ x: self.x * k, y: self.y * k, z: self.z * k }}
    }}

    #[differentiable]
    pub fn cross(self, o: V3) -> V3 {{
        V3::new(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)
    }}

    #[differentiable]
    pub fn lerp(self, o: V3, t: f64) -> V3 {{
        V3::new(self.x + (o.x - self.x) * t, self.y + (o.y - self.y) * t, self.z + (o.z - self.z) * t)
    }}

    /// A method on a struct it builds.
    #[differentiable]
    pub fn dist(self, o: V3) -> f64 {{
        let d = V3::new(self.x - o.x, self.y - o.y, self.z - o.z);
        d.norm()
    }}

    /// A method on a literal it builds from another method's result.
    #[differentiable]
    pub fn area(self, o: V3) -> f64 {{
        let c = self.cross(o);
        let l = V3 {{ x: c.x, y: c.y, z: c.z }};
        l.norm() * 0.5
    }}

    /// Another method's result passed on as an argument.
    #[differentiable]
    pub fn twist(self, o: V3) -> f64 {{
        let c = self.cross(o);
        o.dot(c) * 0.5 + self.dot(c) + self.sum() * 0.1
    }}

    /// A struct built in an argument.
    #[differentiable]
    pub fn wave(self, t: f64) -> f64 {{
        self.dot(V3::new(t.sin(), t.cos(), t * 0.5))
    }}
}}

/// A free function of structs by value.
#[differentiable]
pub fn pull(a: V3, b: V3, k: f64) -> f64 {{
    k * (a.dist(b) - 1.0).powi(2) + a.dot(b) * 0.5
}}

/// In-place helpers (`&mut` parameters): a slice, one passed on in place (`&mut *y`,
/// `&mut y[..]`) and read-only (`y`), a `Vec` that grows, a scalar with an early `return`, a
/// fixed-size array, two at once, one taking a `V3`, an output buffer.
#[differentiable]
pub fn relax(y: &mut [f64], a: f64) {{
    let n = y.len();
    for i in 0..n {{
        let nb = if i + 1 == n {{ y[0] }} else {{ y[i + 1] }};
        y[i] += 0.2 * (nb * a).tanh();
    }}
}}

#[differentiable]
pub fn total(y: &[f64]) -> f64 {{
    y.iter().sum()
}}

#[differentiable]
pub fn relax_twice(y: &mut [f64], a: f64) {{
    relax(&mut *y, a);
    let m = total(y);
    relax(&mut y[..], a * 0.5 + m * 0.1);
}}

#[differentiable]
pub fn grow(v: &mut Vec<f64>, a: f64) {{
    v[0] = v[0] * 0.9 + a.sin() * 0.1;
    let last = v[v.len() - 1];
    v.push((a * last).tanh());
}}

#[differentiable]
pub fn bump(s: &mut f64, x: f64, k: usize) {{
    *s += 0.3 * (x * *s).sin();
    if k % 2 == 0 {{
        return;
    }}
    *s *= 0.9;
}}

#[differentiable]
pub fn rot(r: &mut [f64; 3], t: f64) {{
    let (c, s) = (t.cos(), t.sin());
    let u = r[0];
    r[0] = c * u - s * r[1];
    r[1] = s * u + c * r[1];
    r[2] *= 0.8 + 0.1 * c;
}}

#[differentiable]
pub fn mix(u: &mut [f64], w: &mut f64, a: f64) {{
    for i in 0..u.len() {{
        u[i] = u[i] * 0.8 + 0.1 * *w;
    }}
    *w = *w * 0.5 + (u[0] * a).sin() * 0.3;
}}

#[differentiable]
pub fn nudge(y: &mut [f64], d: V3) {{
    y[0] += d.x * 0.2;
    y[1] += d.norm() * 0.1 + d.dot(d) * 0.05;
    y[2] = y[2] * 0.9 + d.wave(y[3]) * 0.1;
}}

#[differentiable]
pub fn derivs(src: &[f64], k: f64, out: &mut [f64]) {{
    for i in 0..out.len() {{
        out[i] = src[(i + 1) % src.len()] * 0.5 - k * src[i % src.len()].sin();
    }}
}}

/// Mutually recursive functions.
#[differentiable]
pub fn ping(x: f64, n: usize) -> f64 {{
    if n == 0 {{ x.sin() }} else {{ pong(x * 0.9 + 0.1, n - 1) }}
}}

#[differentiable]
pub fn pong(x: f64, n: usize) -> f64 {{
    if n == 0 {{
        return x * x * 0.5;
    }}
    ping(x.cos(), n - 1) * x
}}

/// Steps of `#[checkpoint]` loops: a scalar state with a time argument, a `Vec` state.
#[differentiable]
pub fn cstep(s: f64, a: f64, t: f64) -> f64 {{
    s + 0.1 * (a * s).sin() + 0.05 * (t + a).cos()
}}

#[differentiable]
pub fn vstep(s: &[f64], a: f64) -> Vec<f64> {{
    let n = s.len();
    let mut out = vec![0.0; n];
    for i in 0..n {{
        let next = if i + 1 == n {{ s[0] }} else {{ s[i + 1] }};
        out[i] = s[i] + 0.1 * (next * a).tanh();
    }}
    out
}}

#[derive(Clone, Copy, Debug)]
pub enum Mode {{
    Plain,
    Scale(f64),
    Shift {{ by: f64 }},
}}

fn v3f(v: &V3) -> Vec<f64> {{
    vec![v.x, v.y, v.z]
}}

fn flat(p: &P) -> Vec<f64> {{
    let mut z = vec![p.a, p.b];
    z.extend(&p.v);
    z.extend(&p.w);
    z.push(p.q.c);
    z.extend(&p.q.u);
    for l in &p.qs {{
        z.push(l.c);
        z.extend(&l.u);
    }}
    z
}}

fn unflat(z: &[f64]) -> P {{
    P {{
        a: z[0],
        b: z[1],
        v: z[2..6].to_vec(),
        w: [z[6], z[7], z[8]],
        q: Q {{ c: z[9], u: z[10..14].to_vec() }},
        qs: vec![
            Q {{ c: z[14], u: z[15..19].to_vec() }},
            Q {{ c: z[19], u: z[20..24].to_vec() }},
        ],
        tag: 7,
    }}
}}

const NP: usize = 24;

/// A 2 x 3 matrix as rows.
fn rows(z: &[f64]) -> Vec<Vec<f64>> {{
    vec![z[0..3].to_vec(), z[3..6].to_vec()]
}}

fn close(a: &[f64], b: &[f64], rtol: f64, atol: f64, what: &str) {{
    if let Err(e) = ad_runtime::check::compare(a, b, rtol, atol) {{
        panic!("{{what}}: {{e}}\\n  got      {{a:?}}\\n  expected {{b:?}}");
    }}
}}

fn points(seed: u64, n: usize) -> Vec<f64> {{
    let mut s = seed;
    (0..n)
        .map(|_| {{
            s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
        }})
        .collect()
}}
'''


class Gen:
    def __init__(self, rng, generic):
        self.rng = rng
        self.generic = generic
        self.T = "T" if generic else "f64"
        self.k = 0
        self.defs = []  # names of floats defined so far
        # The names the body reads the new parameters by: "arr" -> `arr` (the parameter, or a
        # copy of `arr0`), "ar" -> `rf` (or its copy `cp = *rf`), "vv" -> `vv` (the parameter,
        # or a copy of `v0`), "m" -> `m`.
        self.names = {}
        self.mutated = set()  # names written or swapped (made `mut`)
        self.copies = {}  # the new parameters copied by a first `let`
        self.fname = ""  # the function's name (its in-place helpers are named after it)
        self.helpers = []  # sources of this function's in-place helpers
        self.v3s = []  # `V3` parameters: `va`, `vb` by value, `vr: &V3`
        self.v3_locals = []  # `V3` locals made by `V3::new`, literals, copies
        self.v3_results = []  # `V3` locals made by methods returning `V3` (`scale`, `cross`, `lerp`)
        self.v3_weak = []  # those of `v3_locals` that are `mut` or copies (see EXCLUDE)
        self.tags = []  # the shapes of those statements, for the summary

    def c(self, lo=0.2, hi=1.2):
        v = self.rng.uniform(lo, hi) * self.rng.choice([1, -1])
        s = "%.3f" % v
        if self.generic:
            return "T::from(%s).unwrap()" % s
        return s

    def num(self, v):
        return "T::from(%s).unwrap()" % v if self.generic else v

    def smooth(self, v):
        """A smooth expression of the float expression `v` (bounded for |v| <= ~4)."""
        r = self.rng.randrange(7)
        c = self.c()
        if r == 0:
            return "(%s * %s)" % (v, c)
        if r == 1:
            return "(%s).sin()" % v
        if r == 2:
            return "(%s * %s).tanh()" % (v, c)
        if r == 3:
            return "(%s * %s * %s)" % (v, v, c)
        if r == 4:
            return "(%s * %s).cos()" % (v, c)
        if r == 5:
            return "((%s * %s).sin() * %s)" % (v, c, self.c())
        return "(%s + %s).tanh()" % (v, c)

    def atom(self, params):
        """A float already defined: a scalar parameter, an element, a field, an earlier s."""
        opts = list(self.defs)
        if "x" in params:
            opts.append("x")
        if "xs" in params:
            opts.append("xs[%d]" % self.rng.randrange(4))
        if "p" in params:
            opts += ["p.a", "p.b", "p.v[%d]" % self.rng.randrange(4), "p.w[%d]" % self.rng.randrange(3),
                     "p.q.c", "p.q.u[%d]" % self.rng.randrange(4)]
        if "arr" in self.names:
            opts.append("%s[%d]" % (self.names["arr"], self.rng.randrange(3)))
        if "ar" in self.names:
            opts.append("%s[%d]" % (self.names["ar"], self.rng.randrange(3)))
        if "vv" in self.names:
            opts.append("vv[%d]" % self.rng.randrange(4))
        if "m" in self.names:
            opts.append("m[%d][%d]" % (self.rng.randrange(2), self.rng.randrange(3)))
        if self.v3s:
            opts += self.v3_atoms()
        return self.rng.choice(opts)

    def bounded(self, v):
        """A smooth expression of `v` in [-1, 1]."""
        return self.rng.choice(["(%s).sin()" % v, "(%s * %s).tanh()" % (v, self.c()), "(%s * %s).cos()" % (v, self.c())])

    def writable(self):
        """Arrays and Vecs the body may write or swap: `arr`, a copy `cp`, `vv`."""
        out = []
        if "arr" in self.names:
            out.append(("arr", self.names["arr"], 3))
        if self.names.get("ar") == "cp" and "write-deref-copy" not in EXCLUDE:
            out.append(("ar", "cp", 3))
        if "vv" in self.names:
            out.append(("vv", "vv", 4))
        return out

    def swappable(self):
        """Those of `writable` that `swap` is generated on."""
        out = []
        for key, name, n in self.writable():
            copied = name == "cp" or self.copies.get(key)
            if copied and "swap-param-copy" in EXCLUDE:
                continue
            if key == "arr" and not copied and "swap-array-param" in EXCLUDE:
                continue
            out.append((key, name, n))
        return out

    def acc(self, s, op, e):
        """`s += e` (`s = s + e` at a generic `T: Float`, which has no `+=`)."""
        return "%s = %s %s %s;" % (s, s, op, e) if self.generic else "%s %s= %s;" % (s, op, e)

    def buffer(self, name, seq):
        """A copy of a sequence as a local buffer that `swap` will change."""
        field = seq.startswith("p.")
        if field:
            src = seq + ".clone()"
        else:
            src = seq + ".to_vec()" if self.rng.random() < 0.6 or seq == "xs" else seq + ".clone()"
            if seq == "vv" and self.copies.get("vv") and "to-vec-of-local" in EXCLUDE:
                src = seq + ".clone()"
        # (a clone of the copy `let vv = v0;` is not known as a float sequence either)
        if (field and "swap-field-copy" in EXCLUDE) or (
                seq == "vv" and self.copies.get("vv") and "swap-param-copy" in EXCLUDE):
            return "let mut %s: Vec<%s> = %s;" % (name, self.T, src)
        return "let mut %s = %s;" % (name, src)

    def usize(self, v):
        return "T::from(%s).unwrap()" % v if self.generic else "(%s) as f64" % v

    def seq(self, params):
        opts = []
        if "xs" in params:
            opts.append("xs")
        if "p" in params:
            opts += ["p.v", "p.q.u"]
        if "vv" in self.names:
            opts.append("vv")
        return self.rng.choice(opts) if opts else None

    def stmt(self, params):
        k = self.k
        self.k += 1
        s = "s%d" % k
        T = self.T
        a = self.atom(params)
        seq = self.seq(params)
        menu = ["closure", "array", "sum_atoms"]
        if seq:
            menu += ["map_sum", "enum_filter", "fold_rev", "skip_take", "for_chain", "step_count", "collect"]
            if "xs" in params and "p" in params:
                menu += ["zip", "chain"]
        if "o" in params:
            menu += ["if_let", "let_else"]
        if "mode" in params:
            menu += ["match"]
        if "p" in params:
            menu += ["method", "destructure", "array_pattern"]
            # A `Vec` of derived structs (`p.qs`): iterated, indexed, borrowed, folded,
            # copied and written element by element.
            if not self.generic:
                menu += ["layers"] * 5
        menu += ["while_let"]
        if not self.generic:
            menu += ["assoc", "mutual"]
            if "o" in params:
                menu += ["guard"]
            if "mode" in params:
                menu += ["guard_mode"]
            if "p" in params:
                menu += ["method2", "local_method"]
            menu += ["checkpoint"]
            if seq:
                menu += ["checkpoint_vec"]
        if seq:
            menu += ["accessors", "split_at"]
        menu += ["tuple_match"]
        # Exchanges, destructuring assignment, zip with a bare slice, borrowed sub-slices,
        # copies and writes of array parameters, rows of a `Vec<Vec<f64>>`.
        menu += ["swap_sort", "mem_swap", "destructure_assign"]
        if seq:
            menu += ["swap_index", "double_buffer", "sub_slice"]
            if "xs" in params:
                menu += ["zip_bare"]
        elif self.swappable():
            menu += ["swap_index"]
        # (weighted: these exist only when their parameter does)
        if self.writable():
            menu += ["array_write"] * 2
        if "arr" in self.names or "ar" in self.names:
            menu += ["array_read"] * 2
        if "m" in self.names:
            menu += ["rows"] * 3
        # In-place helpers (`&mut` parameters) called in loops and branches, and by-value
        # methods of the `Copy` struct `V3` (non-generic functions only).
        if not self.generic:
            menu += ["inplace"] * 6
            menu += ["vec3"] * (5 if self.v3s else 2)
            if "p" in params:
                menu += ["method3"]
        # Hunt 7's classes: a local struct or tuple written after its fields were read, `move`
        # closures whose captured variable is reassigned before the call, `let r;` assigned
        # in a `loop` before its `break`, `zip` with a shortened source, `fold` with a tuple
        # accumulator.
        menu += ["move_closure", "let_in_loop", "tuple_write"]
        # Hunt 10's: operands that assign what an earlier one reads, do-while loops.
        menu += ["eval_order", "do_while"]
        if not self.generic:
            menu += ["write_after_read"] * 2
        if seq:
            menu += ["zip_skip", "fold_tuple"]
        # Hunts 11-16's: `for mut i` counters, `loop` as a value, `vec![x; n]` of a
        # differentiated float, searches (`position`, `any`, `all`) whose predicates read
        # differentiated values.
        menu += ["mut_counter", "loop_value"]
        if not self.generic:
            menu += ["vec_repeat"]
        if seq:
            menu += ["search"]
        menu = [m for m in menu if m not in EXCLUDE and not (self.generic and m + "-generic" in EXCLUDE)]
        kind = self.rng.choice(menu)
        lines = []
        if kind == "write_after_read":
            b = self.atom(params)
            lines.append("let mut w%d = V3::new(%s, %s, %s);" % (k, a, self.c(), self.smooth(b)))
            lines.append("let o%d = w%d.%s;" % (k, k, self.rng.choice("xyz")))
            form = self.rng.randrange(4)
            if form == 0:
                lines.append("w%d.x = w%d.x * %s + w%d.y;" % (k, k, self.c(), k))
            elif form == 1:
                lines.append("w%d = w%d.scale(%s);" % (k, k, self.smooth(b)))
            elif form == 2:
                lines.append("w%d = V3 { x: w%d.y, y: w%d.x * %s, z: w%d.z };" % (k, k, k, self.c(), k))
            else:
                lines.append("w%d.y *= w%d.z;" % (k, k))
                lines.append("w%d.z = (w%d.z * %s).sin();" % (k, k, self.c()))
            lines.append("let %s = o%d * w%d.x + w%d.y * %s + w%d.z;" % (s, k, k, k, self.c(), k))
        elif kind == "mut_counter":
            lines.append("let mut mc%d = %s;" % (k, a))
            lines.append("for mut i in 0..%d {" % (1 + self.rng.randrange(3)))
            lines.append("    i += 1;")
            lines.append("    mc%d = (mc%d * %s).sin() + %s;" % (k, k, self.c(), self.num("i as f64") if not self.generic else "T::from(i).unwrap()"))
            lines.append("}")
            lines.append("let %s = mc%d;" % (s, k))
        elif kind == "loop_value":
            n = 1 + self.rng.randrange(3)
            lines.append("let mut lw%d = %s;" % (k, a))
            lines.append("let mut lk%d = 0;" % k)
            lines.append("let lv%d = loop {" % k)
            lines.append("    lw%d = (lw%d * %s).%s() + %s;" % (k, k, self.c(), self.rng.choice(["sin", "tanh"]), self.c()))
            lines.append("    lk%d += 1;" % k)
            lines.append("    if lk%d == %d {" % (k, n))
            lines.append("        break lw%d * %s;" % (k, self.smooth("lw%d" % k)))
            lines.append("    }")
            lines.append("};")
            lines.append("let %s = lv%d;" % (s, k))
        elif kind == "vec_repeat":
            lines.append("let mut vr%d = vec![%s; 3];" % (k, self.smooth(a)))
            lines.append("vr%d[1] = vr%d[1] * %s + vr%d[2];" % (k, k, self.c(), k))
            lines.append("let %s = vr%d[0] + vr%d[1] * vr%d[2];" % (s, k, k, k))
        elif kind == "search":
            lines.append("let ps%d = %s.iter().position(|&v| v > %s).unwrap_or(0);" % (k, seq, self.c()))
            form = self.rng.randrange(2)
            test = "any(|&v| v < %s)" % self.c() if form == 0 else "all(|&v| v * v < %s)" % self.num("4.0")
            lines.append("let an%d = %s.iter().%s;" % (k, seq, test))
            lines.append("let %s = %s[ps%d] * (if an%d { %s } else { %s });" % (s, seq, k, k, self.smooth(a), a))
        elif kind == "eval_order":
            b = self.atom(params)
            lines.append("let mut eo%d = %s;" % (k, a))
            lines.append("let %s = eo%d + { eo%d = eo%d * %s; eo%d } * %s;" % (s, k, k, k, self.c(), k, self.smooth(b)))
        elif kind == "do_while":
            n = 1 + self.rng.randrange(3)
            lines.append("let mut dw%d = %s;" % (k, a))
            lines.append("let mut dn%d = 0;" % k)
            lines.append("while {")
            lines.append("    dw%d = (dw%d * %s).%s();" % (k, k, self.c(), self.rng.choice(["sin", "tanh"])))
            lines.append("    dn%d += 1;" % k)
            lines.append("    dn%d < %d" % (k, n))
            lines.append("} {}")
            lines.append("let %s = dw%d;" % (s, k))
        elif kind == "move_closure":
            b = self.atom(params)
            lines.append("let mut m%d = %s;" % (k, self.smooth(a)))
            lines.append("let f%d = move |t: %s| t * m%d + %s;" % (k, T, k, self.c()))
            lines.append("m%d = m%d * %s + %s;" % (k, k, self.c(), b))
            lines.append("let %s = f%d(%s) + m%d;" % (s, k, self.smooth(b), k))
        elif kind == "let_in_loop":
            n = 1 + self.rng.randrange(3)
            lines.append("let r%d;" % k)
            lines.append("let mut q%d = %s;" % (k, a))
            lines.append("let mut i%d = 0;" % k)
            lines.append("loop {")
            lines.append("    i%d += 1;" % k)
            # (bounded when iterated: a product of the value with itself would grow like q^8)
            lines.append("    q%d = (q%d * %s).%s();" % (k, k, self.c(), self.rng.choice(["sin", "tanh"])))
            lines.append("    if i%d == %d {" % (k, n))
            lines.append("        r%d = q%d * %s;" % (k, k, self.c()))
            lines.append("        break;")
            lines.append("    }")
            lines.append("}")
            lines.append("let %s = r%d;" % (s, k))
        elif kind == "tuple_write":
            b = self.atom(params)
            lines.append("let mut t%d = (%s, %s);" % (k, a, self.smooth(b)))
            lines.append("t%d.0 = t%d.0 * t%d.1;" % (k, k, k))
            if self.generic:  # (`Float` has no `AddAssign`)
                lines.append("t%d.1 = t%d.1 + %s;" % (k, k, self.smooth("t%d.0" % k)))
            else:
                lines.append("t%d.1 += %s;" % (k, self.smooth("t%d.0" % k)))
            lines.append("let %s = t%d.0 + t%d.1;" % (s, k, k))
        elif kind == "zip_skip":
            d = 1 + self.rng.randrange(2)
            if self.rng.random() < 0.5:
                lines.append("let %s: %s = %s.iter().zip(%s.iter().skip(%d)).map(|(u, w)| %s * *w).sum();"
                             % (s, T, seq, seq, d, self.smooth("*u")))
            else:
                lines.append("let %s: %s = %s.iter().zip(%s.iter().skip(%d).take(2)).map(|(u, w)| *u * %s).sum();"
                             % (s, T, seq, seq, d, self.smooth("*w")))
        elif kind == "fold_tuple":
            lines.append("let (fa%d, fb%d) = %s.iter().fold((%s, %s), |(u, w), &v| (u + %s, w * %s + v));"
                         % (k, k, seq, self.num("0.0"), self.num("1.0"), self.smooth("v"), self.num("0.5")))
            lines.append("let %s = fa%d + fb%d;" % (s, k, k))
        elif kind == "map_sum":
            lines.append("let %s: %s = %s.iter().map(|v| %s).sum();" % (s, T, seq, self.smooth("*v")))
        elif kind == "enum_filter":
            m = self.rng.randrange(2)
            lines.append("let %s: %s = %s.iter().enumerate().filter(|(i, _)| i %% 2 == %d).map(|(i, v)| %s * %s).sum();"
                         % (s, T, seq, m, self.smooth("*v"), self.num("(i as f64 + 1.0)") if not self.generic else "T::from(i + 1).unwrap()"))
        elif kind == "fold_rev":
            lines.append("let %s = %s.iter().rev().fold(%s, |acc, v| acc * %s + %s);"
                         % (s, seq, self.c(), self.num("0.5"), self.smooth("*v")))
        elif kind == "skip_take":
            lines.append("let %s: %s = %s.iter().skip(%d).take(%d).map(|v| %s).sum();"
                         % (s, T, seq, self.rng.randrange(2), 2 + self.rng.randrange(2), self.smooth("*v")))
        elif kind == "for_chain":
            lines.append("let mut %s = %s;" % (s, self.num("0.0")))
            lines.append("for (i, v) in %s.iter().enumerate().skip(1) {" % seq)
            lines.append("    %s = %s + %s * %s;" % (s, s, self.smooth("*v"), a))
            lines.append("}")
        elif kind == "step_count":
            lines.append("let n%d = %s.iter().filter(|v| **v > %s).count();" % (k, seq, self.num("10.0")))
            lines.append("let %s: %s = %s.iter().step_by(2).map(|v| %s).sum::<%s>() + %s;"
                         % (s, T, seq, self.smooth("*v"), T, self.num("(n%d as f64)" % k) if not self.generic else "T::from(n%d).unwrap()" % k))
        elif kind == "collect":
            lines.append("let c%d: Vec<%s> = %s.iter().map(|v| %s).collect();" % (k, T, seq, self.smooth("*v")))
            lines.append("let %s = c%d[0] * c%d[%d] + c%d[3];" % (s, k, k, 1 + self.rng.randrange(2), k))
        elif kind == "zip":
            lines.append("let %s: %s = xs.iter().zip(p.v.iter()).map(|(a, b)| %s * b).sum();"
                         % (s, T, self.smooth("*a")))
        elif kind == "chain":
            lines.append("let %s: %s = xs.iter().chain(p.q.u.iter()).map(|v| %s).sum();" % (s, T, self.smooth("*v")))
        elif kind == "closure":
            b = self.atom(params)
            lines.append("let g%d = |t: %s| %s * %s;" % (k, T, self.smooth("t"), a))
            lines.append("let %s = g%d(%s) + g%d(%s);" % (s, k, b, k, self.c()))
        elif kind == "array":
            b = self.atom(params)
            lines.append("let arr%d = [%s, %s * %s, %s];" % (k, a, b, self.c(), self.smooth(a)))
            lines.append("let %s = arr%d[0] * arr%d[1] + arr%d[2];" % (s, k, k, k))
        elif kind == "array_pattern":
            lines.append("let [u%d, _, w%d] = p.w;" % (k, k))
            lines.append("let %s = u%d * %s + w%d;" % (s, k, self.smooth(a), k))
        elif kind == "sum_atoms":
            b = self.atom(params)
            lines.append("let %s = %s + %s * %s;" % (s, self.smooth(a), b, self.c()))
        elif kind == "if_let":
            lines.append("let %s = if let Some(c) = o { %s * c } else { %s };" % (s, self.smooth(a), self.smooth(a)))
        elif kind == "let_else":
            # Only at statement level in a block that returns early: keep it simple by
            # computing the value in an inner block-free form.
            lines.append("let %s = match o { Some(c) => %s + c, None => %s };" % (s, self.smooth(a), a))
        elif kind == "match":
            lines.append("let %s = match mode { Mode::Plain => %s, Mode::Scale(k) => %s * k, Mode::Shift { by } => %s + by };"
                         % (s, self.smooth(a), a, self.smooth(a)))
        elif kind == "method":
            lines.append("let %s = p.eval(%s);" % (s, a))
        elif kind == "layers":
            i, j, u = self.rng.randrange(2), self.rng.randrange(2), self.rng.randrange(4)
            form = self.rng.randrange(7)
            self.tags.append("layers%d" % form)
            if form == 0:
                lines.append("let mut h%d = %s;" % (k, a))
                lines.append("for l in &p.qs {")
                lines.append("    h%d = l.at(h%d) * %s + l.c;" % (k, k, self.c()))
                lines.append("}")
                lines.append("let %s = h%d;" % (s, k))
            elif form == 1:
                lines.append("let %s: f64 = p.qs.iter().map(|l| l.at(%s) * l.u[%d]).sum();" % (s, a, u))
            elif form == 2:
                lines.append("let %s = p.qs[%d].at(%s) + p.qs[%d].u[%d] * p.qs[%d].c;" % (s, i, a, j, u, i))
            elif form == 3:
                lines.append("let l%d = &p.qs[%d];" % (k, i))
                lines.append("let %s = l%d.at(%s) * l%d.u[%d];" % (s, k, a, k, u))
            elif form == 4:
                lines.append("let mut qs%d = p.qs.clone();" % k)
                lines.append("qs%d[%d].c += %s * qs%d[%d].u[%d];" % (k, i, self.smooth(a), k, j, u))
                lines.append("for l in qs%d.iter_mut() {" % k)
                lines.append("    l.c *= %s;" % self.smooth(a))
                lines.append("}")
                lines.append("let l%d = &qs%d[%d];" % (k, k, j))
                lines.append("let %s = qs%d[0].at(%s) + qs%d[1].c + l%d.at(%s);" % (s, k, self.atom(params), k, k, self.c()))
            elif form == 5:
                lines.append("let %s = p.qs.iter().fold(%s, |h, l| l.at(h) * %s);" % (s, a, self.c()))
            else:
                lines.append("let mut %s = %s;" % (s, a))
                lines.append("for (i, l) in p.qs.iter().enumerate() {")
                lines.append("    %s += l.c * (i as f64 + %s) * %s;" % (s, self.c(), self.smooth("l.u[%d]" % u)))
                lines.append("}")
        elif kind == "destructure":
            lines.append("let P { a: pa%d, q, .. } = p;" % k)
            lines.append("let %s = *pa%d * q.c + q.u[%d] * %s;" % (s, k, self.rng.randrange(4), self.smooth(a)))
        elif kind == "while_let":
            lines.append("let mut stack%d = vec![1usize, 2, 3];" % k)
            lines.append("let mut %s = %s;" % (s, a))
            lines.append("while let Some(j) = stack%d.pop() {" % k)
            lines.append("    %s = %s * %s + %s;" % (s, s, self.num("0.5"), self.num("(j as f64)") if not self.generic else "T::from(j).unwrap()"))
            lines.append("}")
        elif kind == "tuple_match":
            b = self.atom(params)
            lines.append("let %s = match (%s, %s) { (u, v) if u > v => u * v, (u, _) => %s };"
                         % (s, self.smooth(a), b, self.smooth("u")))
        elif kind == "assoc":
            lines.append("let %s = P::blend(%s, %s);" % (s, a, self.c()))
        elif kind == "mutual":
            lines.append("let %s = ping(%s, %d);" % (s, self.smooth(a), self.rng.randrange(5)))
        elif kind == "local_method":
            lines.append("let pl%d = P { a: %s, b: p.b, v: p.v.clone(), w: p.w, q: p.q.clone(), qs: p.qs.clone(), tag: 1 };"
                         % (k, self.smooth(a)))
            lines.append("let %s = pl%d.eval(%s);" % (s, k, self.atom(params)))
        elif kind == "method2":
            lines.append("let %s = p.eval2(%s);" % (s, a))
        elif kind == "guard":
            lines.append("let %s = match o { Some(c) if c > 0.5 => %s * c, Some(c) if c < -0.5 => %s - c, Some(c) => %s + c, None => %s };"
                         % (s, self.smooth(a), self.smooth(a), a, self.smooth(a)))
        elif kind == "guard_mode":
            lines.append("let %s = match mode { Mode::Scale(k) if k > 1.0 => %s * k, Mode::Scale(k) => %s + k, Mode::Shift { by } if by < 0.0 => %s - by, _ => %s };"
                         % (s, self.smooth(a), a, self.smooth(a), a))
        elif kind == "accessors":
            lines.append("let %s = %s.first().copied().unwrap_or(%s) * %s + *%s.last().unwrap();"
                         % (s, seq, self.num("0.0"), self.smooth(a), seq))
        elif kind == "split_at":
            lines.append("let (l%d, r%d) = %s.split_at(%d);" % (k, k, seq, 1 + self.rng.randrange(3)))
            lines.append("let %s = l%d[0] * r%d[0] + %s;" % (s, k, k, self.smooth(a)))
        elif kind == "checkpoint":
            n = self.rng.randrange(0, 12)
            snap = self.rng.choice(["", "(snapshots = 0)", "(snapshots = 1)", "(snapshots = 3)"])
            rng_expr = self.rng.choice(["0..%d" % n, "1..=%d" % n])
            lines.append("let mut st%d = %s;" % (k, self.smooth(a)))
            lines.append("#[checkpoint%s]" % snap)
            lines.append("for i in %s {" % rng_expr)
            lines.append("    st%d = cstep(st%d, %s, i as f64 * 0.1);" % (k, k, self.atom(params)))
            lines.append("}")
            lines.append("let %s = st%d * %s;" % (s, k, self.c()))
        elif kind == "checkpoint_vec":
            n = self.rng.randrange(0, 8)
            snap = self.rng.choice(["", "(snapshots = 2)"])
            src = seq + ".to_vec()" if seq == "xs" else seq + ".clone()"
            lines.append("let mut vs%d = %s;" % (k, src))
            lines.append("#[checkpoint%s]" % snap)
            lines.append("for _ in 0..%d {" % n)
            lines.append("    vs%d = vstep(%s, %s);" % (k, "&vs%d" % k, self.atom(params)))
            lines.append("}")
            lines.append("let %s = vs%d[0] * vs%d[3] + %s;" % (s, k, k, self.smooth(a)))
        else:
            self.new_stmt(kind, s, k, a, seq, params, lines)
        self.defs.append(s)
        return kind, lines

    def new_stmt(self, kind, s, k, a, seq, params, lines):
        T = self.T
        num = self.num
        rng = self.rng
        if kind == "inplace":
            return self.inplace_stmt(s, k, a, seq, params, lines)
        if kind == "vec3":
            return self.vec3_stmt(s, k, a, params, lines)
        if kind == "method3":
            # A method calling an in-place method on `self`.
            lines.append("let %s = p.eval3(%s);" % (s, a))
            return
        if kind == "swap_sort":
            # A buffer of well-separated values (bands 1 apart, each value within 0.3 of its
            # band) sorted by compare-and-swap steps: no comparison is near a tie.
            n = rng.choice([3, 4, 5])
            offs = list(range(n))
            rng.shuffle(offs)
            form = rng.randrange(4) if seq else rng.randrange(3)
            if form == 3:
                # From a sequence of length 4, moved into bands in place.
                n = 4
                r = rng.randrange(4)
                lines.append(self.buffer("b%d" % k, seq))
                lines.append("for i in 0..b%d.len() {" % k)
                lines.append("    b%d[i] = %s * %s + %s;" % (k, self.bounded("b%d[i]" % k), num("0.3"),
                                                           self.usize("(i * 3 + %d) %% 4" % r)))
                lines.append("}")
            else:
                elems = ["%s * %s + %s" % (self.bounded(self.atom(params)), num("0.3"), num("%d.0" % o)) for o in offs]
                if form == 0 or "swap-unannotated-vec" in EXCLUDE:
                    lines.append("let mut b%d: Vec<%s> = vec![%s];" % (k, T, ", ".join(elems)))
                elif form == 1:
                    lines.append("let mut b%d = vec![%s];" % (k, ", ".join(elems)))
                else:
                    lines.append("let mut b%d: [%s; %d] = [%s];" % (k, T, n, ", ".join(elems)))
            cmp = rng.choice([">", "<"])
            style = rng.randrange(3)
            if style == 0:
                # A full bubble sort.
                lines.append("let nb%d = b%d.len();" % (k, k))
                lines.append("for i in 0..nb%d {" % k)
                lines.append("    for j in 0..nb%d - 1 - i {" % k)
                lines.append("        if b%d[j] %s b%d[j + 1] {" % (k, cmp, k))
                lines.append("            b%d.swap(j, j + 1);" % k)
                lines.append("        }")
                lines.append("    }")
                lines.append("}")
            elif style == 1:
                # One pass.
                lines.append("for j in 0..b%d.len() - 1 {" % k)
                lines.append("    if b%d[j] %s b%d[j + 1] {" % (k, cmp, k))
                lines.append("        b%d.swap(j, j + 1);" % k)
                lines.append("    }")
                lines.append("}")
            else:
                # A selection step with computed indices.
                lines.append("let mut best%d = 0;" % k)
                lines.append("for j in 1..b%d.len() {" % k)
                lines.append("    if b%d[j] %s b%d[best%d] {" % (k, cmp, k, k))
                lines.append("        best%d = j;" % k)
                lines.append("    }")
                lines.append("}")
                lines.append("b%d.swap(0, best%d);" % (k, k))
            # (scaled: the bands reach n - 1, and a value of order 10 fed to `sin` of a
            # square has derivatives that central differences at 1e-6 no longer resolve)
            if rng.random() < 0.5:
                lines.append("let %s: %s = b%d.iter().enumerate().map(|(i, v)| *v * %s).sum::<%s>() * %s;"
                             % (s, T, k, self.usize("i + 1"), T, num("0.05")))
            else:
                lines.append("let %s = (b%d[0] * %s + b%d[%d] * b%d[1]) * %s;" % (s, k, self.smooth(a), k, n - 1, k, num("0.1")))
        elif kind == "swap_index":
            # Swaps without comparisons: a reversal, a fixed pair, indices computed from a
            # counter; on a local buffer or on a parameter taken by value.
            targets = self.swappable()
            if seq and (not targets or rng.random() < 0.5):
                name, n = "b%d" % k, 4
                lines.append(self.buffer(name, seq))
            else:
                _, name, n = rng.choice(targets)
                self.mutated.add(name)
            style = rng.randrange(3)
            if style == 0:
                lines.append("let nr%d = %s.len();" % (k, name))
                lines.append("for i in 0..nr%d / 2 {" % k)
                lines.append("    %s.swap(i, nr%d - 1 - i);" % (name, k))
                lines.append("}")
            elif style == 1:
                i = rng.randrange(n)
                j = rng.randrange(n)
                lines.append("%s.swap(%d, %d);" % (name, i, j))
            else:
                lines.append("for i in 0..%d {" % rng.randrange(1, 5))
                lines.append("    %s.swap(i %% %d, (i + %d) %% %d);" % (name, n, rng.randrange(1, n), n))
                lines.append("}")
            lines.append("let %s = %s[0] * %s + %s[%d];" % (s, name, self.smooth(a), name, n - 1))
        elif kind == "mem_swap":
            path = rng.choice(["std::mem::swap", "core::mem::swap"])
            b = self.atom(params)
            lines.append("let mut u%d = %s;" % (k, a))
            lines.append("let mut w%d = %s;" % (k, self.bounded(b)))
            if rng.random() < 0.5:
                lines.append("%s(&mut u%d, &mut w%d);" % (path, k, k))
            else:
                lines.append("for _ in 0..%d {" % rng.randrange(0, 5))
                lines.append("    %s(&mut u%d, &mut w%d);" % (path, k, k))
                lines.append("    u%d = u%d * %s + %s * %s;" % (k, k, num("0.5"), self.bounded("w%d" % k), num("0.3")))
                lines.append("}")
            lines.append("let %s = u%d * %s + w%d;" % (s, k, self.c(), k))
        elif kind == "double_buffer":
            path = rng.choice(["std::mem::swap", "core::mem::swap"])
            src = seq + ".to_vec()" if seq == "xs" or (seq == "vv" and rng.random() < 0.5) else seq + ".clone()"
            if seq == "vv" and self.copies.get("vv") and "to-vec-of-local" in EXCLUDE:
                src = seq + ".clone()"
            lines.append("let mut cur%d = %s;" % (k, src))
            lines.append("let mut nxt%d = vec![%s; cur%d.len()];" % (k, num("0.0"), k))
            lines.append("for _ in 0..%d {" % rng.randrange(0, 4))
            lines.append("    let nc = cur%d.len();" % k)
            lines.append("    for i in 0..nc {")
            lines.append("        nxt%d[i] = %s * (cur%d[i] + cur%d[(i + 1) %% nc]) + %s * %s;"
                         % (k, num("0.5"), k, k, num("0.2"), self.bounded("cur%d[i]" % k)))
            lines.append("    }")
            lines.append("    %s(&mut cur%d, &mut nxt%d);" % (path, k, k))
            lines.append("}")
            lines.append("let %s = cur%d.iter().copied().sum::<%s>() * %s + cur%d[0] * %s;" % (s, k, T, self.c(), k, self.smooth(a)))
        elif kind == "destructure_assign":
            b = self.atom(params)
            lines.append("let (mut u%d, mut w%d) = (%s, %s);" % (k, k, a, self.bounded(b)))
            style = rng.randrange(3)
            if style == 0:
                lines.append("for _ in 0..%d {" % rng.randrange(0, 6))
                lines.append("    (u%d, w%d) = (w%d, u%d * %s + %s * %s);" % (k, k, k, k, num("0.5"), self.bounded("w%d" % k), num("0.3")))
                lines.append("}")
            elif style == 1:
                lines.append("(u%d, w%d) = (w%d * %s, u%d + w%d);" % (k, k, k, self.c(), k, k))
            else:
                lines.append("let mut r%d = %s;" % (k, self.bounded(self.atom(params))))
                lines.append("for _ in 0..%d {" % rng.randrange(1, 4))
                lines.append("    (u%d, w%d, r%d) = (w%d, r%d, %s * %s);" % (k, k, k, k, k, self.bounded("u%d + w%d" % (k, k)), num("0.8")))
                lines.append("}")
                lines.append("w%d = w%d + r%d;" % (k, k, k))
            if rng.random() < 0.5:
                lines.append("[u%d, w%d] = [w%d, u%d];" % (k, k, k, k))
            lines.append("let %s = u%d * w%d + u%d;" % (s, k, k, k))
        elif kind == "zip_bare":
            # `zip` with a bare slice: the parameter `xs` or a sub-slice bound by `let`.
            other = "xs"
            if rng.random() < 0.4:
                lines.append("let y%d = &xs[%d..];" % (k, rng.randrange(3)))
                other = "y%d" % k
            first = rng.choice([seq, "xs"])
            # (`f64 * &f64` is taken, `T * &T` is not Rust.)
            w = "*w" if self.generic or rng.random() < 0.5 else "w"
            if rng.random() < 0.5:
                lines.append("let %s: %s = %s.iter().zip(%s).map(|(u, w)| %s * %s).sum();"
                             % (s, T, first, other, self.smooth("*u"), w))
            else:
                lines.append("let mut %s = %s;" % (s, num("0.0")))
                lines.append("for (u, w) in %s.iter().zip(%s) {" % (first, other))
                lines.append("    " + self.acc(s, "+", "%s * %s" % (self.bounded("*u"), w)))
                lines.append("}")
        elif kind == "sub_slice":
            style = rng.randrange(3 if "sub-slice-enumerate" in EXCLUDE else 4)
            lines.append("let mut %s = %s;" % (s, self.bounded(a)))
            if style == 0:
                lines.append("for &v in &%s[%d..] {" % (seq, rng.randrange(4)))
                lines.append("    %s = %s * %s + %s;" % (s, s, num("0.5"), self.smooth("v")))
            elif style == 1:
                lines.append("for v in %s[..%d].iter() {" % (seq, rng.randrange(1, 5)))
                lines.append("    " + self.acc(s, "+", "%s * %s" % (self.bounded("*v"), self.atom(params))))
            elif style == 2:
                lo = rng.randrange(4)
                hi = rng.randrange(lo, 4)
                lines.append("for &v in &%s[%d..=%d] {" % (seq, lo, hi))
                lines.append("    " + self.acc(s, "*", "(%s + %s * v)" % (num("1.0"), num("0.1"))))
            else:
                lo = rng.randrange(3)
                lines.append("for (i, v) in %s[%d..].iter().enumerate() {" % (seq, lo))
                lines.append("    " + self.acc(s, "+", "%s * %s" % (self.bounded("*v"), self.usize("i + 1"))))
            lines.append("}")
        elif kind == "array_write":
            _, name, n = rng.choice(self.writable())
            self.mutated.add(name)
            i, j = rng.randrange(n), rng.randrange(n)
            style = rng.randrange(3)
            if style == 0:
                lines.append("%s[%d] *= %s[%d];" % (name, i, name, j))
            elif style == 1:
                lines.append("%s[%d] += %s * %s;" % (name, i, num("0.3"), self.bounded(a)))
            else:
                lines.append("%s[%d] = %s;" % (name, i, self.bounded("%s[%d] + %s[%d]" % (name, i, name, j))))
            lines.append("let %s = %s[%d] * %s + %s[%d];" % (s, name, i, self.smooth(a), name, j))
        elif kind == "array_read":
            name = self.names[rng.choice([x for x in ("arr", "ar") if x in self.names])]
            if rng.random() < 0.5:
                lines.append("let %s: f64 = %s.iter().map(|v| %s).sum();" % (s, name, self.smooth("*v")))
            else:
                lines.append("let [e%d, _, g%d] = %s;" % (k, k, name))
                lines.append("let %s = e%d * %s + g%d;" % (s, k, self.smooth(a), k))
        elif kind == "rows":
            style = rng.randrange(3)
            if style == 0:
                cols = rng.choice(["m[0].len()", "r.len()", "m[i].len()"])
                lines.append("let mut %s = %s;" % (s, num("0.0")))
                lines.append("for i in 0..m.len() {")
                lines.append("    let r = &m[i];")
                lines.append("    for j in 0..%s {" % cols)
                lines.append("        %s += r[j] * %s * (i + j + 1) as f64 * 0.1;" % (s, self.bounded("r[j]")))
                lines.append("    }")
                lines.append("}")
            elif style == 1:
                lines.append("let r%d = &m[%d];" % (k, rng.randrange(2)))
                lines.append("let %s = r%d[0] * r%d[2] + %s * (r%d.len() as f64);" % (s, k, k, self.smooth(a), k))
            else:
                lines.append("let mut %s = %s;" % (s, a))
                lines.append("for row in m.iter() {")
                lines.append("    %s = %s * %s + row[%d] * %s;" % (s, s, num("0.5"), rng.randrange(3), self.bounded("row[1]")))
                lines.append("}")


    # ---- In-place functions (`&mut` parameters) and a `Copy` struct's by-value methods ----

    def v3_atoms(self):
        """Float reads of the `V3` parameters."""
        return ["%s.%s" % (v, self.rng.choice("xyz")) for v in self.v3s]

    def v3_receivers(self):
        """`V3` values that methods are called on: the parameters (by value or `&V3`) and
        locals made by `V3::new`/literals; (name, is_parameter)."""
        return [(v, True) for v in self.v3s] + [(v, False) for v in self.v3_locals]

    def v3_value(self, params, lines, k, receiver=False):
        """A `V3` value for an argument or a method's receiver: a parameter, a local made
        earlier, or a new local made by `V3::new(..)` or a literal (appended to `lines`). A
        `&V3` parameter is `vr` as a receiver and `*vr` as a value."""
        rng = self.rng
        opts = self.v3s + self.v3_locals + self.v3_results
        if opts and rng.random() < 0.6:
            v = rng.choice(opts)
            return v if receiver or v != "vr" else "*vr"
        name = "vq%d_%d" % (k, len(lines))
        comps = [self.atom(params), self.bounded(self.atom(params)), self.smooth(self.atom(params))]
        rng.shuffle(comps)
        if rng.random() < 0.5:
            lines.append("let %s = V3::new(%s);" % (name, ", ".join(comps)))
        else:
            lines.append("let %s = V3 { x: %s, y: %s, z: %s };" % (name, comps[0], comps[1], comps[2]))
        self.v3_locals.append(name)
        return name

    def v3_expr(self, params, lines, k):
        """A float expression of by-value methods on `V3` values (may add locals)."""
        rng = self.rng
        u = self.v3_value(params, lines, k, receiver=True)
        w = self.v3_value(params, lines, k)
        # (`dot`, `abs`, `sum` are named like float, iterator and array methods: on parameters,
        # and `dot` on immutable locals made by `V3::new`/literals, see EXCLUDE)
        builtin_ok = "builtin-named-method-on-local" not in EXCLUDE or u in self.v3s
        dot_ok = builtin_ok
        forms = ["%s.norm()" % u, "%s.dist(%s)" % (u, w),
                 "%s.wave(%s)" % (u, self.atom(params)), "%s.area(%s)" % (u, w), "%s.twist(%s)" % (u, w),
                 "%s.%s * %s.norm()" % (w.lstrip("*"), rng.choice("xyz"), u)
                 if w.lstrip("*") in self.v3s or "struct-local-field-read" not in EXCLUDE else "%s.dist(%s)" % (u, w),
                 "pull(%s, %s, %s)" % (self.v3_value(params, lines, k), w, self.c())]
        # A struct of constants as an argument.
        cs = [self.c() for _ in range(3)]
        m = "dot" if dot_ok else "dist"
        if "constant-struct-by-new" not in EXCLUDE and rng.random() < 0.5:
            forms.append("%s.%s(V3::new(%s))" % (u, m, ", ".join(cs)))
        else:
            forms.append("%s.%s(V3 { x: %s, y: %s, z: %s })" % (u, m, cs[0], cs[1], cs[2]))
        if dot_ok:
            forms.append("%s.dot(%s) * %s" % (u, w, self.c()))
        if builtin_ok:
            forms += ["%s.abs()" % u, "%s.sum() * %s" % (u, self.c())]
        return " + ".join(rng.sample(forms, rng.randrange(1, 3)))

    def vec3_stmt(self, s, k, a, params, lines):
        rng = self.rng
        style = rng.randrange(6)
        self.tags.append("vec3_" + ["expr", "method_result", "loop_state", "branch", "closure", "free_fn"][style])
        if style == 0:
            # Methods in an expression.
            e = self.v3_expr(params, lines, k)
            lines.append("let %s = %s;" % (s, e))
        elif style == 1:
            # A local made by a method returning `V3` (`scale`, `cross`, `lerp`), read by its
            # fields and passed on as an argument.
            u = self.v3_value(params, lines, k, receiver=True)
            w = self.v3_value(params, lines, k)
            name = "vm%d" % k
            lines.append("let %s = %s;" % (name, rng.choice(["%s.scale(%s)" % (u, self.bounded(a)), "%s.cross(%s)" % (u, w),
                                                             "%s.lerp(%s, %s)" % (u, w, self.bounded(a))])))
            self.v3_results.append(name)
            e = self.v3_expr(params, lines, k)
            if "struct-local-field-read" in EXCLUDE:
                lines.append("let %s = %s.dist(%s) * %s + %s;" % (s, self.v3_value(params, lines, k, receiver=True), name, self.c(), e))
            else:
                lines.append("let %s = %s.%s * %s + %s;" % (s, name, rng.choice("xyz"), self.c(), e))
        elif style == 2:
            # A `V3` state stepped in a loop (by `V3::new` of its fields, or by a method), made
            # by `V3::new` or copied from a parameter or a local.
            name = "vs%d" % k
            w = self.v3_value(params, lines, k)
            if rng.random() < 0.5:
                init = self.v3_value(params, lines, k)
            else:
                init = "V3::new(%s, %s, %s)" % (self.atom(params), self.bounded(self.atom(params)), self.c())
            lines.append("let mut %s = %s;" % (name, init))
            by_method = rng.random() < 0.4 or "struct-local-field-read" in EXCLUDE
            lines.append("for i in 0..%d {" % rng.randrange(0, 5))
            if by_method:
                lines.append("    %s = %s;" % (name, rng.choice(["%s.lerp(%s, %s)" % (name, w, self.num("0.3")),
                                                                "%s.scale(%s)" % (name, self.num("0.9")),
                                                                "%s.lerp(%s, %s).scale(%s)" % (name, w, self.num("0.5"), self.num("0.8"))
                                                                if False else "%s.lerp(%s, %s)" % (name, w, self.num("0.6"))])))
            else:
                lines.append("    %s = V3::new(%s.y * %s + %s * %s, %s, %s.x * %s + %s);"
                             % (name, name, self.num("0.8"), self.num("0.1"), self.usize("i"),
                                self.bounded("%s.z + %s" % (name, self.atom(params))), name, self.num("0.7"),
                                self.bounded(a)))
            lines.append("}")
            if True:
                self.v3_locals.append(name)
                self.v3_weak.append(name)
                m = "dot" if "builtin-named-method-on-local" not in EXCLUDE else "dist"
                lines.append("let %s = %s.norm() * %s + %s.%s(%s);" % (s, name, self.c(), name, m, w))
        elif style == 3:
            # Methods in branches on constants.
            e1 = self.v3_expr(params, lines, k)
            e2 = self.v3_expr(params, lines, k)
            if "o" in params:
                lines.append("let %s = if let Some(c) = o { (%s) * c } else { %s };" % (s, e1, e2))
            elif "mode" in params:
                lines.append("let %s = match mode { Mode::Scale(k) => (%s) * k, Mode::Shift { by } => %s + by, Mode::Plain => %s };"
                             % (s, e1, e2, self.smooth(a)))
            else:
                lines.append("let mut %s = %s;" % (s, self.num("0.0")))
                lines.append("for i in 0..%d {" % rng.randrange(1, 5))
                lines.append("    if i %% 2 == %d {" % rng.randrange(2))
                lines.append("        %s += %s;" % (s, e1))
                lines.append("    } else {")
                lines.append("        %s = %s * %s + %s;" % (s, s, self.num("0.5"), e2))
                lines.append("    }")
                lines.append("}")
        elif style == 4:
            # A closure capturing a struct, building one from its argument.
            u = self.v3_value(params, lines, k)
            m = "dot" if u.lstrip("*") in self.v3s or "builtin-named-method-on-local" not in EXCLUDE else "dist"
            if u == "*vr":
                u = "vr"
            lines.append("let g%d = |t: f64| %s.%s(V3::new(t, %s, t * t * %s));" % (k, u, m, self.bounded("t"), self.num("0.5")))
            second = self.c() if "constant-struct-by-new" not in EXCLUDE else self.atom(params)
            lines.append("let %s = g%d(%s) + g%d(%s);" % (s, k, self.atom(params), k, second))
        else:
            # Struct arguments of a free function and of another struct's method.
            u = self.v3_value(params, lines, k)
            w = self.v3_value(params, lines, k)
            lines.append("let %s = pull(%s, %s, %s) + %s;" % (s, u, w, self.bounded(a), self.v3_expr(params, lines, k)))

    # In-place helpers of the header: (name, parameter kinds). `buf`: `&mut [f64]`, `vec`:
    # `&mut Vec<f64>`, `sc`: `&mut f64`, `arr`: `&mut [f64; 3]`, `f`: a float, `k`: a
    # `usize` constant, `v3`: a `V3` by value, `src`: `&[f64]`, `out`: an output `&mut [f64]`.
    HEADER_HELPERS = [("relax", ["buf", "f"]), ("relax_twice", ["buf", "f"]), ("grow", ["vec", "f"]),
                      ("bump", ["sc", "f", "k"]), ("rot", ["arr", "f"]), ("mix", ["buf", "sc", "f"]),
                      ("nudge", ["buf", "v3"]), ("derivs", ["src", "f", "out"])]

    def helper(self):
        """A new in-place helper with a random body; returns (name, parameter kinds)."""
        rng = self.rng
        name = "%s_h%d" % (self.fname, len(self.helpers))
        kind = rng.choice(["buf", "vec", "sc", "arr", "buf_sc", "arr_sc"])
        with_k = rng.random() < 0.5
        kinds = {"buf": ["buf"], "vec": ["vec"], "sc": ["sc"], "arr": ["arr"], "buf_sc": ["buf", "sc"],
                 "arr_sc": ["arr", "sc"]}[kind]
        kinds = kinds + ["f"] + (["k"] if with_k else [])
        if rng.random() < 0.3:
            rng.shuffle(kinds)
        decl = {"buf": "y: &mut [f64]", "vec": "y: &mut Vec<f64>", "sc": "s: &mut f64", "arr": "r: &mut [f64; 3]",
                "f": "a: f64", "k": "k: usize"}
        sig = ", ".join(decl[kd] for kd in kinds)
        c = lambda: "%.3f" % (rng.uniform(0.2, 0.9) * rng.choice([1, -1]))
        damp = lambda: "%.3f" % rng.uniform(0.5, 0.95)
        b = self.bounded
        body = []
        seqn = "y" if ("buf" in kinds or "vec" in kinds) else ("r" if "arr" in kinds else None)
        n = "3"
        if seqn == "y":
            # (`y[i % y.len()] *= ..` is rejected on a `Vec`, and on a slice in the value twin)
            if kind == "buf" and "inplace-len-in-index" not in EXCLUDE and rng.random() < 0.5:
                n = "y.len()"
            else:
                n = "n"
                body.append("let n = y.len();")
        early_ok = seqn != "y" or "inplace-early-return-seq" not in EXCLUDE

        def step():
            r = rng.randrange(6)
            if seqn is None or (("sc" in kinds) and rng.random() < 0.35):
                # The scalar: compound assignments and plain ones reading `*s`.
                src = "%s[%d]" % (seqn, rng.randrange(3)) if seqn else "a"
                return [rng.choice(["*s += %s * %s;" % (c(), b("a * *s + %s" % src)),
                                    "*s = *s * %s + %s;" % (damp(), b("%s * a" % src)),
                                    "*s *= %s;" % damp(),
                                    "*s -= %s * (%s * %s);" % (c(), src, b("*s")) if seqn else "*s -= %s * %s;" % (c(), b("a"))])]
            if r == 0:
                return ["for i in 0..%s {" % n,
                        "    %s[i] = %s[i] * %s + %s * %s;" % (seqn, seqn, damp(), c(), b("%s[(i + 1) %% %s] * a" % (seqn, n))),
                        "}"]
            if r == 1:
                return ["%s[%d] += %s * %s;" % (seqn, rng.randrange(3), c(), b("a * %s[%d]" % (seqn, rng.randrange(3))))]
            if r == 2:
                j = rng.randrange(3)
                return ["let t = %s[%d] * a;" % (seqn, j),
                        "%s[%d] = %s * %s + %s[%d] * %s;" % (seqn, rng.randrange(3), b("t"), c(), seqn, rng.randrange(3), damp())]
            if r == 3 and "k" in kinds:
                return ["for i in 0..k {",
                        "    %s[i %% %s] *= %s + %s * (a + i as f64 * 0.1).sin();" % (seqn, n, damp(), "0.1"),
                        "}"]
            if r == 4 and "sc" in kinds:
                return ["%s[%d] += %s * *s;" % (seqn, rng.randrange(3), c())]
            if r == 5 and kind == "vec":
                return ["y.push(%s);" % b("y[%d] * a" % rng.randrange(3))]
            return ["%s[%d] = %s[%d] * %s;" % (seqn, rng.randrange(3), seqn, rng.randrange(3), b("a + %s" % c()))]

        for i in range(rng.randrange(1, 4)):
            body += step()
            if "k" in kinds and early_ok and rng.random() < 0.3:
                op = rng.choice(["==", ">", "<"])
                body.append("if k %s %d {" % (op, rng.randrange(1 if op == "<" else 0, 3)))
                body.append("    return;")
                body.append("}")
        body += step()
        src = "#[differentiable]\npub fn %s(%s) {\n%s\n}\n" % (name, sig, "\n".join("    " + l for l in body))
        self.helpers.append(src)
        return name, kinds

    def inplace_stmt(self, s, k, a, seq, params, lines):
        rng = self.rng
        num = self.num
        # The callee: a header helper or one made for this function.
        opts = list(self.HEADER_HELPERS)
        if "p" in params:
            opts.append(("P::spread", ["p", "f", "buf"]))
        if not self.v3s and not self.v3_locals and not self.v3_results:
            opts = [o for o in opts if "v3" not in o[1]]
        if rng.random() < 0.5:
            fname, kinds = self.helper()
            self.tags.append("inplace_own_" + "_".join(kd for kd in kinds if kd not in ("f", "k")))
        else:
            fname, kinds = rng.choice(opts)
            self.tags.append("inplace_" + fname.replace("P::", ""))
        pre, names = [], {}
        # The buffers lent, made before the loop or branch.
        for kd in kinds:
            if kd in ("buf", "vec", "out"):
                cands = []
                if kd == "buf" and "vv" in self.names and rng.random() < 0.3:
                    # (a `Vec` parameter taken by value, lent whole; never to a `Vec` helper,
                    # which may push: other statements assume length 4)
                    self.mutated.add("vv")
                    names[kd] = "vv"
                    continue
                nm = "ib%d" % k if kd != "out" else "io%d" % k
                style = rng.randrange(4) if kd != "out" else 4
                if kd == "buf" and "inplace-array-to-slice" not in EXCLUDE and rng.random() < 0.25:
                    style = 5
                if kd == "vec" and seq and seq != "xs" and style in (0, 1) and "grow-clone-of-field" in EXCLUDE:
                    style = 3
                if style == 5:
                    pre.append("let mut %s = [%s];" % (nm, ", ".join(self.bounded(self.atom(params)) for _ in range(4))))
                elif style == 0 and seq:
                    pre.append("let mut %s = %s;" % (nm, seq + ".to_vec()" if not seq.startswith("p.") else seq + ".clone()"))
                elif style == 1 and seq:
                    pre.append("let mut %s: Vec<f64> = %s.iter().map(|v| %s).collect();" % (nm, seq, self.smooth("*v")))
                elif style == 4:
                    pre.append("let mut %s = vec![0.0; %d];" % (nm, 4))
                else:
                    pre.append("let mut %s = vec![%s];" % (nm, ", ".join(self.bounded(self.atom(params)) for _ in range(4))))
                names[kd] = nm
            elif kd == "sc":
                nm = "iu%d" % k
                pre.append("let mut %s = %s;" % (nm, self.bounded(self.atom(params))))
                names[kd] = nm
            elif kd == "arr":
                cands = ["new"]
                if "arr" in self.names:
                    cands.append("arr")
                if self.names.get("ar") == "cp" and "write-deref-copy" not in EXCLUDE:
                    cands.append("cp")
                if "p" in params:
                    cands.append("field")
                if "ar" in self.names:
                    cands.append("deref")
                c = rng.choice(cands)
                nm = "ia%d" % k
                if c in ("arr", "cp"):
                    nm = self.names["arr" if c == "arr" else "ar"]
                    self.mutated.add(nm)
                elif c == "field" and "array-field-copy" not in EXCLUDE:
                    pre.append("let mut %s: [f64; 3] = p.w;" % nm)
                elif c == "deref":
                    pre.append("let mut %s = *rf;" % nm)
                elif rng.random() < 0.5 or "inplace-unannotated-array-literal" in EXCLUDE:
                    pre.append("let mut %s: [f64; 3] = [%s];" % (nm, ", ".join(self.smooth(self.atom(params)) for _ in range(3))))
                else:
                    pre.append("let mut %s = [%s];" % (nm, ", ".join(self.bounded(self.atom(params)) for _ in range(3))))
                names[kd] = nm

        lent = [v for v in names.values()]

        def free_atom():
            """An atom that does not read a lent buffer (rustc's E0502/E0503)."""
            for _ in range(20):
                v = self.atom(params)
                if not any(v == n or v.startswith(n + "[") for n in lent):
                    return v
            return self.c()

        def call(counter, fexpr=None):
            args = []
            for kd in kinds:
                if kd in ("buf", "out"):
                    nm = names[kd]
                    args.append("&mut %s[..]" % nm if rng.random() < 0.25 else "&mut %s" % nm)
                elif kd in ("vec", "sc", "arr"):
                    args.append("&mut %s" % names[kd])
                elif kd == "f":
                    e = fexpr or self.bounded(free_atom())
                    if counter and rng.random() < 0.5:
                        e = "%s + %s * %s" % (e, num("0.1"), self.usize(counter))
                    args.append(e)
                elif kd == "k":
                    args.append(counter if counter and rng.random() < 0.7 else str(rng.randrange(4)))
                elif kd == "v3":
                    v = rng.choice(self.v3s + self.v3_locals + self.v3_results)
                    args.append("*vr" if v == "vr" else v)
                elif kd == "src":
                    src = rng.choice([x for x in ("xs", "&p.v", "&p.q.u", "&vv") if x.strip("&").split(".")[0] in params
                                      or (x == "&vv" and "vv" in self.names)] or ["&[0.5, -0.25, 0.75, 0.125]"])
                    args.append(src)
                elif kd == "p":
                    args.append("p")
            if fname == "P::spread" and "inplace-method-on-param" not in EXCLUDE and rng.random() < 0.5:
                return "p.spread(%s);" % ", ".join(args[1:])
            return "%s(%s);" % (fname, ", ".join(args))

        lines += pre
        style = rng.randrange(7)
        single = len([kd for kd in kinds if kd in ("buf", "vec", "sc", "arr", "out")]) == 1 and "src" not in kinds
        if style == 3 and not ("o" in params or "mode" in params):
            style = 6
        if style == 4 and not (single and "k" not in kinds and fname != "P::spread"):
            style = 1
        self.tags.append("inplace_at_" + ["once", "loop", "loop_branch", "if_let_or_match", "checkpoint", "while", "twice"][style])
        if style == 0:
            lines.append(call(None))
        elif style == 1:
            lines.append("for i in 0..%d {" % rng.randrange(0, 5))
            lines.append("    " + call("i"))
            lines.append("}")
        elif style == 2:
            # Another in-place call in the other branch, and the buffer read between calls.
            lines.append("let mut t%d = %s;" % (k, num("0.0")))
            lines.append("for i in 0..%d {" % rng.randrange(1, 5))
            lines.append("    if i %% 2 == %d {" % rng.randrange(2))
            lines.append("        " + call("i"))
            lines.append("    } else {")
            lines.append("        " + call(None, self.c()))
            lines.append("    }")
            lead = names.get("buf") or names.get("vec") or names.get("arr") or names.get("out")
            if lead:
                lines.append("    t%d += %s[%d] * %s;" % (k, lead, rng.randrange(3), num("0.1")))
            else:
                lines.append("    t%d += %s * %s;" % (k, names["sc"], num("0.1")))
            lines.append("}")
            self.defs.append("t%d" % k)
        elif style == 3:
            if "o" in params:
                lines.append("if let Some(c) = o {")
                lines.append("    " + call(None, "c * %s" % self.bounded(free_atom())))
                lines.append("} else {")
                lines.append("    " + call(None))
                lines.append("}")
            else:
                lines.append("match mode {")
                if "inplace-arm-expr" not in EXCLUDE and rng.random() < 0.5:
                    lines.append("    Mode::Scale(k) => " + call(None, "%s * k" % self.bounded(free_atom()))[:-1] + ",")
                else:
                    lines.append("    Mode::Scale(k) => {")
                    lines.append("        " + call(None, "%s * k" % self.bounded(free_atom())))
                    lines.append("    }")
                lines.append("    Mode::Shift { by } => {")
                lines.append("        " + call(None, "by" if "match-binding-as-call-arg" not in EXCLUDE
                                                  else "%s + by" % self.bounded(free_atom())))
                lines.append("    }")
                lines.append("    _ => {}")
                lines.append("}")
        elif style == 4:
            # A `#[checkpoint]` loop whose step is the in-place call.
            lines.append("#[checkpoint%s]" % rng.choice(["", "(snapshots = 1)", "(snapshots = 2)"]))
            lines.append("for _ in 0..%d {" % rng.randrange(0, 7))
            lines.append("    " + call(None))
            lines.append("}")
        elif style == 5:
            lines.append("let mut i%d = 0;" % k)
            lines.append("while i%d < %d {" % (k, rng.randrange(0, 4)))
            lines.append("    " + call("i%d" % k))
            lines.append("    i%d += 1;" % k)
            lines.append("}")
        else:
            lines.append(call(None))
            lines.append(call(None))
        # The results read afterwards.
        reads = []
        for kd in kinds:
            nm = names.get(kd)
            if kd in ("buf", "out"):
                reads.append(rng.choice(["%s[0] * %s + %s[3]" % (nm, self.smooth(a), nm),
                                         "%s.iter().map(|v| %s).sum::<f64>()" % (nm, self.smooth("*v"))]))
            elif kd == "vec":
                reads.append("%s[%s.len() - 1] * %s + %s[1] + (%s.len() as f64) * %s" % (nm, nm, self.c(), nm, nm, num("0.01")))
            elif kd == "sc":
                reads.append("%s * %s" % (nm, self.c()) if rng.random() < 0.5 else self.smooth(nm))
            elif kd == "arr":
                reads.append("%s[0] * %s[2] + %s[1]" % (nm, nm, nm))
        lines.append("let %s = %s;" % (s, " + ".join(reads)))

SIZES = {"x": 1, "xs": 4, "p": 24, "arr": 3, "ar": 3, "vv": 4, "m": 6, "va": 3, "vb": 3, "vr": 3}
DIFF = ("x", "xs", "p", "arr", "ar", "vv", "m", "va", "vb", "vr")


def function(rng, idx):
    generic = rng.random() < 0.25
    params = ["x"]
    if rng.random() < 0.8:
        params.append("xs")
    if not generic and rng.random() < 0.7:
        params.append("p")
    # Parameters of the literature's programs: `[f64; 3]` by value, `&[f64; 3]`, `Vec<f64>`
    # by value (each sometimes copied by a first `let`), rows `&Vec<Vec<f64>>` (2 x 3).
    copies = {}
    if not generic:
        for key, pr in (("arr", 0.2), ("ar", 0.15), ("vv", 0.2), ("m", 0.15)):
            if rng.random() < pr:
                params.append(key)
                copies[key] = key != "m" and rng.random() < 0.4
    # `V3` parameters (a `Copy` struct): by value, and sometimes by reference.
    if not generic and rng.random() < 0.35:
        params.append("va")
        if rng.random() < 0.5:
            params.append("vb")
        if rng.random() < 0.25:
            params.append("vr")
    if not generic and rng.random() < 0.4:
        params.append("o")
    if not generic and rng.random() < 0.4:
        params.append("mode")
    if "xs" not in params and "p" not in params:
        params.append("xs")
    # A `[f64; K]` result (checked by `_jvp` and `_vjp` instead of `_grad`).
    ret_n = rng.choice([2, 3]) if not generic and rng.random() < 0.12 else 0
    g = Gen(rng, generic)
    body_names = {"arr": "arr", "ar": "cp" if copies.get("ar") else "rf", "vv": "vv", "m": "m"}
    g.copies = copies
    g.fname = "f%03d" % idx
    g.v3s = [v for v in ("va", "vb", "vr") if v in params]
    for key in copies:
        g.names[key] = body_names[key]
    body, kinds = [], []
    for _ in range(rng.randrange(3, 8)):
        kind, lines = g.stmt(params)
        kinds.append(kind)
        body += lines
    terms = []
    for i, s in enumerate(g.defs):
        terms.append(s if i % 3 else "(%s).sin()" % s if i % 2 else "(%s * %s).tanh()" % (s, g.num("0.5")))
    if ret_n:
        comps = []
        for c in range(ret_n):
            part = [t for i, t in enumerate(terms) if i % ret_n == c]
            if not part:
                part = ["%s * %s" % (terms[c % len(terms)], g.c())]
            comps.append(" + ".join(part))
        body.append("[%s]" % ", ".join(comps))
    else:
        body.append(" + ".join(terms))
    T = g.T
    # Names in the signature, and the copies made by a first `let`.
    pname = {"va": "va", "vb": "vb", "vr": "vr", "x": "x", "xs": "xs", "p": "p", "o": "o", "mode": "mode", "m": "m",
             "arr": "arr0" if copies.get("arr") else "arr", "ar": "rf", "vv": "v0" if copies.get("vv") else "vv"}
    prologue = []
    mut = lambda n: "mut " if n in g.mutated else ""
    if copies.get("arr"):
        prologue.append("let %sarr = arr0;" % mut("arr"))
    if copies.get("ar"):
        prologue.append("let %scp = *rf;" % mut("cp"))
    if copies.get("vv"):
        prologue.append("let %svv = v0;" % mut("vv"))
    body = prologue + body
    sig = []
    for p in params:
        n = pname[p]
        sig.append({"va": "va: V3", "vb": "vb: V3", "vr": "vr: &V3", "x": "x: %s" % T, "xs": "xs: &[%s]" % T, "p": "p: &P", "o": "o: Option<f64>", "mode": "mode: Mode",
                    "arr": "%s%s: [f64; 3]" % ("" if copies.get("arr") else mut("arr"), n), "ar": "rf: &[f64; 3]",
                    "vv": "%s%s: Vec<f64>" % ("" if copies.get("vv") else mut("vv"), n),
                    "m": "m: &Vec<Vec<f64>>"}[p])
    name = "f%03d" % idx
    gen = "<T: Float + std::iter::Sum>" if generic else ""
    # An enum parameter is a constant only when `wrt` leaves it out (the macro cannot tell a
    # user enum from a derived struct).
    wrt = ""
    if "mode" in params:
        wrt = "(wrt(%s))" % ", ".join(pname[p] for p in params if p in DIFF)
    ret = "[f64; %d]" % ret_n if ret_n else T
    src = "".join(h + "\n" for h in g.helpers) + "#[differentiable%s]\npub fn %s%s(%s) -> %s {\n%s\n}\n" % (
        wrt, name, gen, ", ".join(sig), ret, "\n".join("    " + l for l in body))
    kinds += g.tags
    if ret_n:
        kinds.append("array_result")
    for key in ("arr", "ar", "vv", "m", "va", "vb", "vr"):
        if key in params:
            kinds.append("param_" + key + ("_copied" if copies.get(key) else ""))
    return name, params, generic, src, kinds, ret_n


def test(name, params, generic, seed, ret_n=0):
    """The test: the parameters flattened as z = [x, xs.., p.., arr.., rf.., vv.., m..]."""
    off = {}
    nz = 0
    for p in params:
        if p in DIFF:
            off[p] = nz
            nz += SIZES[p]
    o = "Some(0.7)" if seed % 2 else "None"
    mode = ["Mode::Plain", "Mode::Scale(1.3)", "Mode::Shift { by: -0.4 }"][seed % 3]

    def arg(p, z):
        i = off.get(p)
        if p == "x":
            return "%s[%d]" % (z, i)
        if p == "xs":
            return "&%s[%d..%d]" % (z, i, i + 4)
        if p == "p":
            return "&unflat(&%s[%d..%d])" % (z, i, i + 24)
        if p == "arr":
            return "[%s[%d], %s[%d], %s[%d]]" % (z, i, z, i + 1, z, i + 2)
        if p == "ar":
            return "&[%s[%d], %s[%d], %s[%d]]" % (z, i, z, i + 1, z, i + 2)
        if p == "vv":
            return "%s[%d..%d].to_vec()" % (z, i, i + 4)
        if p == "m":
            return "&rows(&%s[%d..%d])" % (z, i, i + 6)
        if p in ("va", "vb", "vr"):
            return "%sV3::new(%s[%d], %s[%d], %s[%d])" % ("&" if p == "vr" else "", z, i, z, i + 1, z, i + 2)
        if p == "o":
            return o
        return mode

    def args(z):
        return ", ".join(arg(p, z) for p in params)

    def tangents(z):
        return ", ".join(arg(p, z) for p in params if p in DIFF)

    grads = [p for p in params if p in DIFF]
    flatten = {"x": "vec![%s]", "xs": "%s.clone()", "p": "flat(&%s)", "arr": "%s.to_vec()", "ar": "%s.to_vec()",
               "vv": "%s.to_vec()", "m": "%s.concat()", "va": "v3f(&%s)", "vb": "v3f(&%s)", "vr": "v3f(&%s)"}

    def pat(prefix):
        return "(%s)" % ", ".join(prefix + p for p in grads) if len(grads) > 1 else prefix + grads[0]

    def flat(prefix):
        return "[%s].concat()" % ", ".join(flatten[p] % (prefix + p) for p in grads)

    gpat, hpat = pat("g_"), pat("h_")
    lines = []
    lines.append("#[test]")
    lines.append("fn test_%s() {" % name)
    lines.append("    for k in 0..3u64 {")
    lines.append("        let z = points(%d * 31 + k, %d);" % (seed, nz))
    lines.append("        let t = points(%d * 37 + k + 100, %d);" % (seed, nz))
    lines.append("        let f = |z: &[f64]| %s(%s);" % (name, args("z")))
    if ret_n:
        # A `[f64; K]` result: `_jvp` against differences of each component along `t`,
        # `_vjp` with a random seed `w` against `Jᵀ w` (columns of `J` by differences).
        lines.append("        let y = f(&z);")
        lines.append("        let (yj, tj) = %s_jvp(%s, %s);" % (name, args("z"), tangents("t")))
        lines.append("        assert_eq!(yj, y);")
        lines.append("        let h = 1e-6;")
        lines.append("        let zp: Vec<f64> = z.iter().zip(&t).map(|(a, b)| a + h * b).collect();")
        lines.append("        let zm: Vec<f64> = z.iter().zip(&t).map(|(a, b)| a - h * b).collect();")
        lines.append("        let (yp, ym) = (f(&zp), f(&zm));")
        lines.append("        let fdt: Vec<f64> = (0..%d).map(|i| (yp[i] - ym[i]) / (2.0 * h)).collect();" % ret_n)
        lines.append("        close(&tj, &fdt, 1e-5, 1e-7, \"%s jvp\");" % name)
        lines.append("        let w = points(%d * 41 + k + 200, %d);" % (seed, ret_n))
        lines.append("        let (yv, %s) = %s_vjp(%s, [%s]);" % (gpat, name, args("z"), ", ".join("w[%d]" % i for i in range(ret_n))))
        lines.append("        assert_eq!(yv, y);")
        lines.append("        let g: Vec<f64> = %s;" % flat("g_"))
        lines.append("        let jtw: Vec<f64> = (0..%d)" % nz)
        lines.append("            .map(|j| {")
        lines.append("                let (mut a, mut b) = (z.clone(), z.clone());")
        lines.append("                a[j] += h;")
        lines.append("                b[j] -= h;")
        lines.append("                let (ya, yb) = (f(&a), f(&b));")
        lines.append("                (0..%d).map(|i| w[i] * (ya[i] - yb[i]) / (2.0 * h)).sum::<f64>()" % ret_n)
        lines.append("            })")
        lines.append("            .collect();")
        lines.append("        close(&g, &jtw, 1e-5, 1e-7, \"%s vjp\");" % name)
        lines.append("        let wtj: f64 = w.iter().zip(&tj).map(|(a, b)| a * b).sum();")
        lines.append("        let gt: f64 = g.iter().zip(&t).map(|(a, b)| a * b).sum();")
        lines.append("        let scale: f64 = g.iter().zip(&t).map(|(a, b)| (a * b).abs()).sum::<f64>().max(1.0);")
        lines.append("        assert!((wtj - gt).abs() <= 1e-9 * scale, \"%s w.jvp {wtj} vs vjp.t {gt}\");" % name)
        lines.append("    }")
        lines.append("}")
        return "\n".join(lines) + "\n"
    lines.append("        let (v, %s) = %s_grad(%s);" % (gpat, name, args("z")))
    lines.append("        assert_eq!(v, f(&z));")
    lines.append("        let g: Vec<f64> = %s;" % flat("g_"))
    lines.append("        let fd = ad_runtime::check::fd_gradient(f, &z, 1e-6);")
    lines.append("        close(&g, &fd, 1e-5, 1e-7, \"%s gradient\");" % name)
    lines.append("        let (vj, tj) = %s_jvp(%s, %s);" % (name, args("z"), tangents("t")))
    lines.append("        assert_eq!(vj, v);")
    lines.append("        let gt: f64 = g.iter().zip(&t).map(|(a, b)| a * b).sum();")
    lines.append("        let scale: f64 = g.iter().zip(&t).map(|(a, b)| (a * b).abs()).sum::<f64>().max(1.0);")
    lines.append("        assert!((tj - gt).abs() <= 1e-9 * scale, \"%s jvp {tj} vs grad.v {gt}\");" % name)
    lines.append("        let (_, _, %s) = %s_hvp(%s, %s);" % (hpat, name, args("z"), tangents("t")))
    lines.append("        let hv: Vec<f64> = %s;" % flat("h_"))
    lines.append("        let e = 1e-5;")
    lines.append("        let zp: Vec<f64> = z.iter().zip(&t).map(|(a, b)| a + e * b).collect();")
    lines.append("        let zm: Vec<f64> = z.iter().zip(&t).map(|(a, b)| a - e * b).collect();")
    lines.append("        let (_, %s) = %s_grad(%s);" % (gpat, name, args("zp")))
    lines.append("        let gp: Vec<f64> = %s;" % flat("g_"))
    lines.append("        let (_, %s) = %s_grad(%s);" % (gpat, name, args("zm")))
    lines.append("        let gm: Vec<f64> = %s;" % flat("g_"))
    lines.append("        let fdh: Vec<f64> = gp.iter().zip(&gm).map(|(a, b)| (a - b) / (2.0 * e)).collect();")
    lines.append("        close(&hv, &fdh, 1e-4, 1e-6, \"%s H v\");" % name)
    if generic:
        lines.append("        let z32: Vec<f32> = z.iter().map(|v| *v as f32).collect();")
        lines.append("        let (v32, %s) = %s_grad::<f32>(%s);" % (pat("g32_"), name, args("z32")))
        flat32 = [{"x": "vec![g32_x as f64]", "xs": "g32_xs.iter().map(|v| *v as f64).collect::<Vec<f64>>()"}[p] for p in grads]
        lines.append("        let g32: Vec<f64> = [%s].concat();" % ", ".join(flat32))
        lines.append("        assert!((v32 as f64 - v).abs() <= 1e-3 * v.abs().max(1.0), \"%s f32 value\");" % name)
        lines.append("        close(&g32, &g, 2e-2, 2e-3, \"%s f32 gradient\");" % name)
    lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=30)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--no-exclude", action="append", default=[])
    a = ap.parse_args()
    for n in a.no_exclude:
        if n == "all":
            EXCLUDE.clear()
        EXCLUDE.discard(n)
    rng = random.Random(a.seed)
    parts = [HEADER.format(seed=a.seed, count=a.count)]
    counts = {}
    for i in range(a.count):
        name, params, generic, src, kinds, ret_n = function(rng, i)
        for kd in kinds:
            counts[kd] = counts.get(kd, 0) + 1
        counts["generic"] = counts.get("generic", 0) + int(generic)
        parts.append(src)
        parts.append(test(name, params, generic, a.seed * 1000 + i, ret_n))
    summary = "// constructs: " + ", ".join("%s %d" % kv for kv in sorted(counts.items())) + "\n"
    text = parts[0] + summary + "\n" + "\n".join(parts[1:])
    with open(a.out, "w") as f:
        f.write(text)
    if shutil.which("rustfmt"):
        subprocess.run(["rustfmt", "--edition", "2024", a.out], check=False)


if __name__ == "__main__":
    main()
