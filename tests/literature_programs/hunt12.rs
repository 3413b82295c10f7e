//! Leftovers of hunts 10 and 11, and hunts 12 and 13 (ordinary models; ndarray programs):
//! each a silent wrong result or a compile failure of ordinary code, fixed, and checked in
//! every mode by the harness, with closed forms.

use crate::harness::*;
use ad_runtime::differentiable;

/// A `move` closure over a `mut` parameter reassigned before the call reads the old value:
/// `s x + 3 s` (the closure read the new `3 s` in reverse mode).
#[differentiable]
fn move_over_mut_param(mut s: f64, x: f64) -> f64 {
    let f = move |t: f64| t * s;
    s = 3.0 * s;
    f(x) + s
}

#[test]
fn h1201_move_closure_over_a_mut_parameter() {
    s2_case!(
        "move_over_mut_param",
        [0.3, 0.7],
        move_over_mut_param,
        move_over_mut_param_grad,
        move_over_mut_param_jvp,
        move_over_mut_param_hvp,
        move_over_mut_param_check
    );
    let (v, (ds, dx)) = move_over_mut_param_grad(0.3, 0.7);
    assert!(scal_close(v, 0.3 * 0.7 + 0.9, 1e-14, 1.0));
    assert!(scal_close(ds, 3.7, 1e-14, 1.0) && scal_close(dx, 0.3, 1e-14, 1.0));
}

/// A model behind a trait: `#[differentiable]` on the trait impl and on its methods. The
/// generated functions go to an inherent impl next to it (a trait impl holds only the
/// trait's members; the method-level attribute alone was E0407).
pub trait Model {
    fn predict(&self, x: f64) -> f64;
    fn loss(&self, xs: &[f64], ys: &[f64]) -> f64;
    fn name(&self) -> &'static str {
        "model"
    }
}

#[derive(Clone, Debug, ad_runtime::Differentiable)]
pub struct Cubic {
    a: f64,
    b: f64,
    w: Vec<f64>,
}

#[differentiable]
impl Model for Cubic {
    #[differentiable]
    fn predict(&self, x: f64) -> f64 {
        self.a * x * x * x + self.b * x.sin() + self.w[0] * x + self.w[1]
    }

    #[differentiable(wrt(self))]
    fn loss(&self, xs: &[f64], ys: &[f64]) -> f64 {
        let mut s = 0.0;
        for i in 0..xs.len() {
            let r = self.predict(xs[i]) - ys[i];
            s += r * r;
        }
        s / xs.len() as f64
    }

    fn name(&self) -> &'static str {
        "cubic"
    }
}

/// A free function calling the trait method on a struct parameter.
#[differentiable(wrt(m))]
fn penalised(m: &Cubic, xs: &[f64], ys: &[f64]) -> f64 {
    m.loss(xs, ys) + 0.1 * m.a * m.a
}

impl Flat for Cubic {
    fn flat(&self) -> Vec<f64> {
        vec![self.a, self.b, self.w[0], self.w[1]]
    }
    fn unflat(&self, v: &[f64]) -> Self {
        Cubic {
            a: v[0],
            b: v[1],
            w: vec![v[2], v[3]],
        }
    }
}

#[test]
fn h1202_trait_impl_methods() {
    let m = Cubic {
        a: 0.3,
        b: -0.7,
        w: vec![0.4, 0.2],
    };
    let xs = [0.5, -1.2, 2.0];
    let ys = [1.0, 0.3, -0.4];
    verify_struct(
        "trait loss",
        &m,
        &|p| p.loss(&xs, &ys),
        &|p| p.loss_grad(&xs, &ys),
        &|p, t| p.loss_jvp(&xs, &ys, t),
        Some(&|p, t| p.loss_hvp(&xs, &ys, t)),
    );
    verify_struct(
        "free fn calling a trait method",
        &m,
        &|p| penalised(p, &xs, &ys),
        &|p| penalised_grad(p, &xs, &ys),
        &|p, t| penalised_jvp(p, &xs, &ys, t),
        Some(&|p, t| penalised_hvp(p, &xs, &ys, t)),
    );
    // Closed form of d loss / d a: mean of 2 r x³.
    let (_, g) = m.loss_grad(&xs, &ys);
    let da: f64 = xs
        .iter()
        .zip(&ys)
        .map(|(&x, &y)| 2.0 * (m.predict(x) - y) * x * x * x)
        .sum::<f64>()
        / 3.0;
    assert!(scal_close(g.a, da, 1e-12, 1.0), "{} vs {da}", g.a);
    // The method is the trait's: callable through a trait object.
    let d: &dyn Model = &m;
    assert_eq!(d.name(), "cubic");
    assert!(scal_close(
        d.predict(0.5),
        m.predict_grad(0.5).0,
        1e-15,
        1.0
    ));
}

/// `mapv` closures reading elements of the array they map (or of another differentiated
/// array): the element is read once before the map (it failed to compile: captures are
/// passed to the closure as scalars).
#[differentiable]
fn map_reads_own_element(v: &ad_runtime::ndarray::Array1<f64>) -> f64 {
    v.mapv(|x| x * v[0]).sum()
}

#[differentiable]
fn map_reads_2d_elements(a: &ad_runtime::ndarray::Array2<f64>, w: &[f64]) -> f64 {
    let c = a.mapv(|x| {
        let d = x - a[[0, 1]];
        d * d * w[1]
    });
    c.sum() + a.mapv(|x| (x * w[0]).tanh()).sum()
}

#[test]
fn h1203_mapv_closures_reading_array_elements() {
    use ad_runtime::ndarray::{Array1, Array2};
    let v = vec![0.7, -0.4, 1.3];
    verify(
        "map_reads_own_element",
        &v,
        &|p| map_reads_own_element(&arr1(p)),
        &|p| {
            let (y, g) = map_reads_own_element_grad(&arr1(p));
            (y, g.to_vec())
        },
        &|p, t| map_reads_own_element_jvp(&arr1(p), &arr1(t)),
        Some(&|p, t| {
            let (y, g, h) = map_reads_own_element_hvp(&arr1(p), &arr1(t));
            (y, g.to_vec(), h.to_vec())
        }),
        None,
    );
    // Closed form: f = v0 Σ v; ∂f/∂v0 = Σ v + v0, ∂f/∂vi = v0.
    let (_, g): (f64, Array1<f64>) = map_reads_own_element_grad(&arr1(&v));
    assert!(
        scal_close(g[0], 0.7 - 0.4 + 1.3 + 0.7, 1e-14, 1.0) && scal_close(g[2], 0.7, 1e-14, 1.0)
    );
    let x = vec![0.3, -0.8, 0.5, 1.1, 0.2, -0.6, 0.9, 0.4];
    let split = |p: &[f64]| -> (Array2<f64>, Vec<f64>) { (arr2(&p[..6], 2, 3), p[6..].to_vec()) };
    verify(
        "map_reads_2d_elements",
        &x,
        &|p| {
            let (a, w) = split(p);
            map_reads_2d_elements(&a, &w)
        },
        &|p| {
            let (a, w) = split(p);
            let (y, (ga, gw)) = map_reads_2d_elements_grad(&a, &w);
            (y, cat(&[flat_of(&ga), gw]))
        },
        &|p, t| {
            let ((a, w), (ta, tw)) = (split(p), split(t));
            map_reads_2d_elements_jvp(&a, &w, &ta, &tw)
        },
        Some(&|p, t| {
            let ((a, w), (ta, tw)) = (split(p), split(t));
            let (y, (ga, gw), (ha, hw)) = map_reads_2d_elements_hvp(&a, &w, &ta, &tw);
            (y, cat(&[flat_of(&ga), gw]), cat(&[flat_of(&ha), hw]))
        }),
        None,
    );
}

/// `for mut i in ..` (was rejected), `&*w` of an array parameter (was E0507: the deref
/// moved), `Array1::from(vec![v[0], v[1]])` of ndarray element reads (was "not visibly
/// floats"), `aview1` of a slice (was `cannot find aview1_pullback`).
#[differentiable]
fn mut_counter(x: f64) -> f64 {
    let mut s = x;
    for mut i in 0..3 {
        i += 1;
        s = s * x + i as f64;
    }
    s
}

#[differentiable]
fn reborrow_deref(w: &ad_runtime::ndarray::Array1<f64>, v: &[f64]) -> f64 {
    let u = &*w * 2.0;
    let e = ad_runtime::ndarray::Array1::from(vec![w[0], w[1] * v[0]]);
    let a = ad_runtime::ndarray::aview1(v);
    u.sum() * e.dot(&e) + a.dot(&a) * w[2]
}

#[test]
fn h1204_counters_reborrows_and_views() {
    scalar_n_case(
        "mut_counter",
        0.7,
        &mut_counter,
        &mut_counter_grad,
        &mut_counter_jvp,
        &mut_counter_hvp,
        mut_counter_check(0.7),
    );
    // s = ((x² + 1) x + 2) x + 3 = x⁴ + x² + 2x + 3.
    let (v, d) = mut_counter_grad(0.7);
    assert!(scal_close(v, 0.7f64.powi(4) + 0.49 + 1.4 + 3.0, 1e-14, 1.0));
    assert!(scal_close(d, 4.0 * 0.343 + 1.4 + 2.0, 1e-14, 1.0));
    let x = vec![0.3, -0.8, 0.5, 1.1, -0.4];
    let split = |p: &[f64]| (arr1(&p[..3]), p[3..].to_vec());
    verify(
        "reborrow_deref",
        &x,
        &|p| {
            let (w, v) = split(p);
            reborrow_deref(&w, &v)
        },
        &|p| {
            let (w, v) = split(p);
            let (y, (gw, gv)) = reborrow_deref_grad(&w, &v);
            (y, cat(&[gw.to_vec(), gv]))
        },
        &|p, t| {
            let ((w, v), (tw, tv)) = (split(p), split(t));
            reborrow_deref_jvp(&w, &v, &tw, &tv)
        },
        Some(&|p, t| {
            let ((w, v), (tw, tv)) = (split(p), split(t));
            let (y, (gw, gv), (hw, hv)) = reborrow_deref_hvp(&w, &v, &tw, &tv);
            (y, cat(&[gw.to_vec(), gv]), cat(&[hw.to_vec(), hv]))
        }),
        None,
    );
}

/// Second order where a cotangent's value is zero and its tangent is not (here `Σ w = 0`):
/// the runtime's zero-cotangent shortcuts compared dual numbers by their value only, so
/// `H v` lost the tangent (`w.sum() * w[2]`, `u.sum() * w.sum()`: silently wrong HVPs and
/// Hessians). Also `powf` at exponent 0 (the cross term `∂²/∂x∂p = 1/x`) and the one-hot
/// cross-entropy's zero targets (their tangent, in forward mode).
#[differentiable]
fn sum_times_element(w: &ad_runtime::ndarray::Array1<f64>) -> f64 {
    w.sum() * w[2]
}

#[differentiable]
fn sum_times_sum(w: &ad_runtime::ndarray::Array1<f64>) -> f64 {
    let u = w * 2.0;
    u.sum() * w.sum()
}

#[differentiable]
fn power_at_zero_exponent(x: f64, p: f64) -> f64 {
    x.powf(p) * 3.0
}

#[differentiable]
fn one_hot_targets(
    l: &ad_runtime::ndarray::Array2<f64>,
    t: &ad_runtime::ndarray::Array2<f64>,
) -> f64 {
    ad_runtime::nn::cross_entropy_one_hot(l, t)
}

#[test]
fn h1205_zero_valued_dual_cotangents() {
    let w = vec![0.3, -0.8, 0.5];
    let one = |name: &str, f: &dyn Fn(&[f64]) -> f64, g: G, j: J, h: H| {
        verify(name, &w, f, g, j, Some(h), None)
    };
    one(
        "sum_times_element",
        &|p| sum_times_element(&arr1(p)),
        &|p| {
            let (y, g) = sum_times_element_grad(&arr1(p));
            (y, g.to_vec())
        },
        &|p, t| sum_times_element_jvp(&arr1(p), &arr1(t)),
        &|p, t| {
            let (y, g, h) = sum_times_element_hvp(&arr1(p), &arr1(t));
            (y, g.to_vec(), h.to_vec())
        },
    );
    one(
        "sum_times_sum",
        &|p| sum_times_sum(&arr1(p)),
        &|p| {
            let (y, g) = sum_times_sum_grad(&arr1(p));
            (y, g.to_vec())
        },
        &|p, t| sum_times_sum_jvp(&arr1(p), &arr1(t)),
        &|p, t| {
            let (y, g, h) = sum_times_sum_hvp(&arr1(p), &arr1(t));
            (y, g.to_vec(), h.to_vec())
        },
    );
    // Closed forms: H of Σw·w₂ is 1 in row and column 2 (2 on the diagonal); of 2(Σw)², 4.
    let (_, _, h) = sum_times_element_hvp(&arr1(&w), &arr1(&[1.0, 0.0, 0.0]));
    assert_eq!(h.to_vec(), vec![0.0, 0.0, 1.0]);
    let (_, _, h) = sum_times_sum_hvp(&arr1(&w), &arr1(&[1.0, 0.0, 0.0]));
    assert_eq!(h.to_vec(), vec![4.0, 4.0, 4.0]);
    s2_case!(
        "power_at_zero_exponent",
        [0.7, 0.0],
        power_at_zero_exponent,
        power_at_zero_exponent_grad,
        power_at_zero_exponent_jvp,
        power_at_zero_exponent_hvp,
        power_at_zero_exponent_check
    );
    let (_, _, (hx, hp)) = power_at_zero_exponent_hvp(0.7, 0.0, 0.0, 1.0);
    assert!(scal_close(hx, 3.0 / 0.7, 1e-14, 1.0), "{hx}");
    assert!(
        scal_close(hp, 3.0 * 0.7f64.ln().powi(2), 1e-14, 1.0),
        "{hp}"
    );
    // Targets with zeros, differentiated: jvp along the targets against d/dt = -(z) summed.
    let x = vec![0.2, -0.5, 1.1, 0.4, 0.0, 1.0, 0.3, 0.0];
    let split = |p: &[f64]| (arr2(&p[..4], 2, 2), arr2(&p[4..], 2, 2));
    verify(
        "one_hot_targets",
        &x,
        &|p| {
            let (l, t) = split(p);
            one_hot_targets(&l, &t)
        },
        &|p| {
            let (l, t) = split(p);
            let (y, (gl, gt)) = one_hot_targets_grad(&l, &t);
            (y, cat(&[flat_of(&gl), flat_of(&gt)]))
        },
        &|p, d| {
            let ((l, t), (dl, dt)) = (split(p), split(d));
            one_hot_targets_jvp(&l, &t, &dl, &dt)
        },
        Some(&|p, d| {
            let ((l, t), (dl, dt)) = (split(p), split(d));
            let (y, (gl, gt), (hl, ht)) = one_hot_targets_hvp(&l, &t, &dl, &dt);
            (
                y,
                cat(&[flat_of(&gl), flat_of(&gt)]),
                cat(&[flat_of(&hl), flat_of(&ht)]),
            )
        }),
        None,
    );
}

// Hunt 12 (ordinary models): compile failures of documented constructs, fixed.

/// A by-value struct parameter moved into a local (`let c = b;`): the reverse sweep shaped
/// the parameter's zero gradient from the moved value (E0382; structs with a one-letter
/// name were not recognised as structs there, nor dual twins in second order).
#[derive(Clone, Debug, ad_runtime::Differentiable)]
pub struct B {
    x: f64,
    v: f64,
}

#[differentiable]
fn moved_struct_param(b: B) -> f64 {
    let c = b;
    c.x * c.v.sin()
}

/// A struct returned by a call in a loop, read by an assignment (`s = k.prey;`): its adjoint
/// had no type (E0282).
#[derive(Clone, Debug, ad_runtime::Differentiable)]
pub struct Pop {
    prey: f64,
    pred: f64,
}

#[differentiable]
fn make_pop(a: f64) -> Pop {
    Pop {
        prey: a * a,
        pred: a.sin(),
    }
}

#[differentiable]
fn pop_loop(a: f64) -> f64 {
    let mut s = 0.1;
    for _ in 0..3 {
        let k = make_pop(s + a);
        s = k.prey * 0.5 + k.pred;
    }
    s
}

/// A constant enum's binding in one arm's tuple, a differentiated value in the other's (the
/// second-order code kept the binding a plain float: E0308).
#[derive(Clone, Copy, Debug)]
pub enum Boundary {
    Dirichlet(f64),
    Neumann,
}

#[differentiable(wrt(x))]
fn boundary_pair(x: f64, bc: Boundary) -> f64 {
    let (l, r) = match bc {
        Boundary::Dirichlet(a) => (a, x),
        Boundary::Neumann => (x, x),
    };
    l * r + x
}

/// A predicate comparing a constant table's float with a differentiated value (second
/// order: `f64 <= Dual<f64>` was not implemented).
const KNOTS: [f64; 4] = [0.0, 1.0, 2.0, 3.0];

#[differentiable]
fn knot_interval(x: f64) -> f64 {
    let k = KNOTS.partition_point(|&q| q <= x);
    x * x * k as f64
}

/// A tuple struct built by its constructor (`Pt(x, 2.0)`, was "`Pt` has no derivative"), and
/// an array expression of `&[[f64; 3]]` elements (was "not visibly floats").
#[derive(Clone, Debug, ad_runtime::Differentiable)]
pub struct Pt(f64, f64);

#[differentiable]
fn tuple_ctor(x: f64, y: f64) -> f64 {
    let p = Pt(x * y, 2.0);
    p.0 * p.1 + p.0.sin()
}

#[differentiable]
fn nested_rows(p: &[[f64; 3]]) -> f64 {
    let d = [p[0][0] - p[1][0], p[0][1] - p[1][1]];
    d[0] * d[1] + p[1][2]
}

impl Flat for B {
    fn flat(&self) -> Vec<f64> {
        vec![self.x, self.v]
    }
    fn unflat(&self, v: &[f64]) -> Self {
        B { x: v[0], v: v[1] }
    }
}

#[test]
fn h1206_ordinary_model_compile_failures() {
    let b = B { x: 0.7, v: -0.3 };
    verify_struct(
        "moved_struct_param",
        &b,
        &|p| moved_struct_param(p.clone()),
        &|p| moved_struct_param_grad(p.clone()),
        &|p, t| moved_struct_param_jvp(p.clone(), t.clone()),
        Some(&|p, t| moved_struct_param_hvp(p.clone(), t.clone())),
    );
    let (_, g) = moved_struct_param_grad(b.clone());
    assert!(scal_close(g.x, (-0.3f64).sin(), 1e-14, 1.0));
    assert!(scal_close(g.v, 0.7 * (-0.3f64).cos(), 1e-14, 1.0));
    scalar_n_case(
        "pop_loop",
        0.4,
        &pop_loop,
        &pop_loop_grad,
        &pop_loop_jvp,
        &pop_loop_hvp,
        pop_loop_check(0.4),
    );
    for bc in [Boundary::Dirichlet(1.5), Boundary::Neumann] {
        let x = 0.6;
        let (v, d) = boundary_pair_grad(x, bc);
        let (_, _, h) = boundary_pair_hvp(x, bc, 1.0);
        let (want_d, want_h) = match bc {
            Boundary::Dirichlet(a) => (a + 1.0, 0.0),
            Boundary::Neumann => (2.0 * x + 1.0, 2.0),
        };
        assert!(scal_close(v, boundary_pair(x, bc), 1e-15, 1.0));
        assert!(scal_close(d, want_d, 1e-14, 1.0) && scal_close(h, want_h, 1e-14, 1.0));
        let (_, j) = boundary_pair_jvp(x, bc, 1.0);
        assert!(scal_close(j, want_d, 1e-14, 1.0));
    }
    scalar_n_case(
        "knot_interval",
        1.5,
        &knot_interval,
        &knot_interval_grad,
        &knot_interval_jvp,
        &knot_interval_hvp,
        knot_interval_check(1.5),
    );
    let (_, _, h) = knot_interval_hvp(1.5, 1.0);
    assert!(scal_close(h, 4.0, 1e-14, 1.0));
    s2_case!(
        "tuple_ctor",
        [0.3, 0.7],
        tuple_ctor,
        tuple_ctor_grad,
        tuple_ctor_jvp,
        tuple_ctor_hvp,
        tuple_ctor_check
    );
    let (_, (dx, _)) = tuple_ctor_grad(0.3, 0.7);
    assert!(scal_close(dx, 0.7 * (2.0 + (0.21f64).cos()), 1e-14, 1.0));
    let x = vec![0.3, -0.8, 0.5, 1.1, 0.4, -0.6];
    let rows = |p: &[f64]| -> Vec<[f64; 3]> { vec![[p[0], p[1], p[2]], [p[3], p[4], p[5]]] };
    let flat = |g: Vec<[f64; 3]>| -> Vec<f64> { g.iter().flatten().copied().collect() };
    verify(
        "nested_rows",
        &x,
        &|p| nested_rows(&rows(p)),
        &|p| {
            let (y, g) = nested_rows_grad(&rows(p));
            (y, flat(g))
        },
        &|p, t| nested_rows_jvp(&rows(p), &rows(t)),
        Some(&|p, t| {
            let (y, g, h) = nested_rows_hvp(&rows(p), &rows(t));
            (y, flat(g), flat(h))
        }),
        None,
    );
}

/// Named constants combined before they meet a differentiated value (`DT * G * l`, `-G * x`,
/// `DT.sqrt() * x`, `let c = DT * G; c / l`): the second-order code kept them plain floats
/// (E0271/E0308, so the default attribute did not compile).
const DT: f64 = 0.02;
const GRAV: f64 = 9.81;

#[differentiable]
fn constants_combined(l: f64, x: f64) -> f64 {
    let c = DT * GRAV;
    DT * GRAV * l
        + -GRAV * x * x
        + DT.sqrt() * x * l
        + (DT + GRAV) * l * l
        + c / l
        + x / (DT * GRAV)
}

/// A `#[no_derivative]` float field read in arithmetic (a time step): the second-order code
/// read it as a plain float (E0308), and `f_grad` returned the field's accumulated cotangent
/// in it instead of the primal's value (the contract: a clone of the primal's).
#[derive(Clone, Debug, ad_runtime::Differentiable)]
pub struct Stepper {
    k: f64,
    #[no_derivative]
    dt: f64,
    #[no_derivative]
    steps: usize,
}

#[differentiable]
fn stepped(s: &Stepper, x: f64) -> f64 {
    let mut y = x;
    for _ in 0..s.steps {
        y = y + s.dt * (-s.k * y * y);
    }
    y * s.dt + s.k
}

impl Flat for Stepper {
    fn flat(&self) -> Vec<f64> {
        vec![self.k]
    }
    fn unflat(&self, v: &[f64]) -> Self {
        Stepper {
            k: v[0],
            dt: self.dt,
            steps: self.steps,
        }
    }
}

#[test]
fn h1207_constants_and_fixed_fields_in_second_order() {
    s2_case!(
        "constants_combined",
        [0.8, 0.3],
        constants_combined,
        constants_combined_grad,
        constants_combined_jvp,
        constants_combined_hvp,
        constants_combined_check
    );
    let s = Stepper {
        k: 0.7,
        dt: 0.1,
        steps: 4,
    };
    let x = 0.9;
    verify_struct(
        "stepped (wrt k)",
        &s,
        &|p| stepped(p, x),
        &|p| {
            let (v, (g, _)) = stepped_grad(p, x);
            (v, g)
        },
        &|p, t| stepped_jvp(p, x, t, 0.0),
        Some(&|p, t| {
            let (v, (g, _), (h, _)) = stepped_hvp(p, x, t, 0.0);
            (v, g, h)
        }),
    );
    verify(
        "stepped (wrt x)",
        &[x],
        &|p| stepped(&s, p[0]),
        &|p| {
            let (v, (_, d)) = stepped_grad(&s, p[0]);
            (v, vec![d])
        },
        &|p, t| {
            stepped_jvp(
                &s,
                p[0],
                &Stepper {
                    k: 0.0,
                    ..s.clone()
                },
                t[0],
            )
        },
        Some(&|p, t| {
            let zero = Stepper {
                k: 0.0,
                ..s.clone()
            };
            let (v, (_, d), (_, h)) = stepped_hvp(&s, p[0], &zero, t[0]);
            (v, vec![d], vec![h])
        }),
        None,
    );
    // The gradient's `#[no_derivative]` fields are the primal's.
    let (_, (g, _)) = stepped_grad(&s, x);
    assert_eq!((g.dt, g.steps), (0.1, 4));
}

// Hunt 13 (ndarray programs): compile failures, fixed.

/// `x.iter().sum()` of an array parameter (was the slice rule on an array), a `mapv` closure
/// reading a struct's float field and a cast shape (`self.temp`, `x.len() as f64`: were
/// E0282/E0283, or "unexpected method receiver" in a method), `scalar % &array` and an
/// `Option<&Array1>` constant matched with `Some(m)` (second order: E0277).
#[derive(Clone, Debug, ad_runtime::Differentiable)]
pub struct Act {
    w: ad_runtime::ndarray::Array1<f64>,
    temp: f64,
}

impl Act {
    #[differentiable]
    fn out(&self, x: &ad_runtime::ndarray::Array1<f64>) -> f64 {
        (x * &self.w).mapv(|v| (v / self.temp).tanh()).sum()
    }
}

#[differentiable]
fn array_misc(x: &ad_runtime::ndarray::Array1<f64>, a: &Act) -> f64 {
    let t: f64 = x.iter().sum();
    let s = x.mapv(|u| x.len() as f64 * u * a.temp).sum();
    t * t + s + (7.3 % x).sum() + a.out(x)
}

#[differentiable(wrt(z))]
fn masked(
    z: &ad_runtime::ndarray::Array1<f64>,
    mask: Option<&ad_runtime::ndarray::Array1<f64>>,
) -> f64 {
    match mask {
        Some(m) => (z * m).mapv(|v| v * v).sum(),
        None => z.mapv(|v| v * v).sum(),
    }
}

#[test]
fn h1301_array_compile_failures() {
    use ad_runtime::ndarray::Array1;
    let x = vec![0.7, -1.2, 2.1, 0.4, -0.3, 0.9, 1.5];
    let split = |p: &[f64]| -> (Array1<f64>, Act) {
        (
            arr1(&p[..3]),
            Act {
                w: arr1(&p[3..6]),
                temp: p[6],
            },
        )
    };
    let flat = |g: Array1<f64>, a: Act| cat(&[g.to_vec(), a.w.to_vec(), vec![a.temp]]);
    verify(
        "array_misc",
        &x,
        &|p| {
            let (x, a) = split(p);
            array_misc(&x, &a)
        },
        &|p| {
            let (x, a) = split(p);
            let (y, (gx, ga)) = array_misc_grad(&x, &a);
            (y, flat(gx, ga))
        },
        &|p, t| {
            let ((x, a), (tx, ta)) = (split(p), split(t));
            array_misc_jvp(&x, &a, &tx, &ta)
        },
        Some(&|p, t| {
            let ((x, a), (tx, ta)) = (split(p), split(t));
            let (y, (gx, ga), (hx, ha)) = array_misc_hvp(&x, &a, &tx, &ta);
            (y, flat(gx, ga), flat(hx, ha))
        }),
        None,
    );
    let m = arr1(&[1.0, 0.0, 2.0]);
    for mask in [Some(&m), None] {
        let z = vec![0.3, -0.5, 0.8];
        verify(
            "masked",
            &z,
            &|p| masked(&arr1(p), mask),
            &|p| {
                let (y, g) = masked_grad(&arr1(p), mask);
                (y, g.to_vec())
            },
            &|p, t| masked_jvp(&arr1(p), mask, &arr1(t)),
            Some(&|p, t| {
                let (y, g, h) = masked_hvp(&arr1(p), mask, &arr1(t));
                (y, g.to_vec(), h.to_vec())
            }),
            None,
        );
    }
}

/// `f_hessian`, `f_jacobian` and `f_check` for 1-D array parameters (the contract lists them;
/// they were not generated), against closed forms; and `f_check` at arguments of mixed
/// scales (`ln p + 10⁻³ f` at `p = 0.2`, `f = 1500`: one step scaled by the largest argument
/// crossed `ln`'s own scale, a false alarm).
#[differentiable]
fn quad_exp(w: &ad_runtime::ndarray::Array1<f64>, x: f64) -> f64 {
    w.dot(w) * x + w.mapv(f64::exp).sum()
}

#[differentiable]
fn sines(w: &ad_runtime::ndarray::Array1<f64>) -> ad_runtime::ndarray::Array1<f64> {
    w.mapv(f64::sin) * 2.0
}

#[differentiable]
fn mixed_scales(p: f64, f: f64) -> f64 {
    p.ln() + 1e-3 * f
}

#[test]
fn h1302_array_hessians_jacobians_checks() {
    let w = arr1(&[0.3, -0.5]);
    let x = 2.0;
    let (v, (gw, gx), h) = quad_exp_hessian(&w, x);
    assert!(scal_close(v, quad_exp(&w, x), 1e-15, 1.0));
    for i in 0..2 {
        assert!(scal_close(gw[i], 2.0 * w[i] * x + w[i].exp(), 1e-14, 1.0));
        for j in 0..2 {
            let want = if i == j { 2.0 * x + w[i].exp() } else { 0.0 };
            assert!(scal_close(h[[i, j]], want, 1e-14, 1.0), "{i} {j}");
        }
        assert!(scal_close(h[[i, 2]], 2.0 * w[i], 1e-14, 1.0) && h[[i, 2]] == h[[2, i]]);
    }
    assert!(scal_close(gx, w.dot(&w), 1e-15, 1.0) && h[[2, 2]] == 0.0);
    let (y, j) = sines_jacobian(&w);
    for i in 0..2 {
        assert!(scal_close(y[i], 2.0 * w[i].sin(), 1e-15, 1.0));
        for k in 0..2 {
            let want = if i == k { 2.0 * w[i].cos() } else { 0.0 };
            assert!(scal_close(j[[i, k]], want, 1e-15, 1.0));
        }
    }
    assert!(quad_exp_check(&w, x).is_ok());
    assert!(mixed_scales_check(0.2, 1500.0).is_ok());
    assert!(mixed_scales_check(1e-3, 1e6).is_ok());
}

/// An `Option<usize>` local assigned by an `if` in a loop (argmax bookkeeping: was `Option:
/// Zero` not satisfied); a derived struct made by an ordinary constructor and then written
/// field by field (second order: E0308); `let (s, c) = th.sin_cos();` in an array literal
/// (was "not visibly floats"); element writes into a nested literal `[[1.0, 0.0], [0.0,
/// 1.0]]` (was rejected).
#[differentiable]
fn first_positive_squared(x: &[f64]) -> f64 {
    let mut best: Option<usize> = None;
    for i in 0..x.len() {
        best = if x[i] > 0.0 && best.is_none() {
            Some(i)
        } else {
            best
        };
    }
    match best {
        Some(i) => x[i] * x[i],
        None => 0.0,
    }
}

impl Pop {
    fn origin() -> Pop {
        Pop {
            prey: 0.0,
            pred: 1.0,
        }
    }
}

#[differentiable]
fn built_then_written(a: f64) -> f64 {
    let mut s = Pop::origin();
    s.prey = a;
    s.pred *= a.sin();
    s.prey * s.pred
}

#[differentiable]
fn rotation_literal(th: f64, x: f64) -> f64 {
    let (s, c) = th.sin_cos();
    let r = [c * x, s * x];
    let mut p = [[1.0, 0.0], [0.0, 1.0]];
    p[0][0] = r[0];
    p[1][1] = r[1] * p[0][0];
    p[0][0] + p[0][1] + p[1][1]
}

#[test]
fn h1208_options_constructors_and_literals() {
    let x = vec![-0.4, 0.7, 1.3];
    slice_case!(
        "first_positive_squared",
        x.clone(),
        first_positive_squared,
        first_positive_squared_grad,
        first_positive_squared_jvp,
        first_positive_squared_hvp,
        first_positive_squared_check
    );
    let (_, g) = first_positive_squared_grad(&x);
    assert_eq!(g, vec![0.0, 1.4, 0.0]);
    scalar_n_case(
        "built_then_written",
        0.6,
        &built_then_written,
        &built_then_written_grad,
        &built_then_written_jvp,
        &built_then_written_hvp,
        built_then_written_check(0.6),
    );
    let (_, d) = built_then_written_grad(0.6);
    assert!(scal_close(d, 0.6f64.sin() + 0.6 * 0.6f64.cos(), 1e-14, 1.0));
    s2_case!(
        "rotation_literal",
        [0.3, 0.7],
        rotation_literal,
        rotation_literal_grad,
        rotation_literal_jvp,
        rotation_literal_hvp,
        rotation_literal_check
    );
    let (v, _) = rotation_literal_grad(0.3, 0.7);
    let (s, c) = 0.3f64.sin_cos();
    assert!(scal_close(v, c * 0.7 + s * 0.7 * c * 0.7, 1e-14, 1.0));
}

/// A `let` closure taking an array, applied to the function's argument and then to a local
/// (`layer(&h1)`): the inlined parameter copied the borrow of the local, which the reverse
/// sweep kept (E0597). A name or a borrow of one is now bound to the parameter directly.
#[differentiable]
fn layer_twice(w: f64, x: &ad_runtime::ndarray::Array1<f64>) -> f64 {
    let layer = |h: &ad_runtime::ndarray::Array1<f64>| (h * w).mapv(f64::tanh);
    let h1 = layer(x);
    let h2 = layer(&h1);
    h2.sum()
}

#[test]
fn h1303_let_closure_on_a_local_array() {
    let x = vec![0.4, 0.3, -0.6, 0.9];
    let split = |p: &[f64]| (p[0], arr1(&p[1..]));
    verify(
        "layer_twice",
        &x,
        &|p| {
            let (w, x) = split(p);
            layer_twice(w, &x)
        },
        &|p| {
            let (w, x) = split(p);
            let (y, (gw, gx)) = layer_twice_grad(w, &x);
            (y, cat(&[vec![gw], gx.to_vec()]))
        },
        &|p, t| {
            let ((w, x), (tw, tx)) = (split(p), split(t));
            layer_twice_jvp(w, &x, tw, &tx)
        },
        Some(&|p, t| {
            let ((w, x), (tw, tx)) = (split(p), split(t));
            let (y, (gw, gx), (hw, hx)) = layer_twice_hvp(w, &x, tw, &tx);
            (
                y,
                cat(&[vec![gw], gx.to_vec()]),
                cat(&[vec![hw], hx.to_vec()]),
            )
        }),
        None,
    );
}

/// Forward mode of a function with a struct parameter that calls a custom-rule function
/// without `second_order` (forward mode through dual numbers): it failed to compile, asking
/// for second order; the value and tangent now come from the `jvp` rule.
#[differentiable(custom(jvp = softplus_jvp, vjp = softplus_vjp))]
fn softplus(x: f64) -> f64 {
    x.exp().ln_1p()
}

fn softplus_jvp(x: f64, dx: f64) -> (f64, f64) {
    (softplus(x), dx / (1.0 + (-x).exp()))
}

fn softplus_vjp(x: f64) -> (f64, impl FnOnce(f64) -> f64) {
    let s = 1.0 / (1.0 + (-x).exp());
    (softplus(x), move |g| g * s)
}

#[differentiable]
fn soft_energy(s: &B, y: f64) -> f64 {
    softplus(s.x * y) * s.v + y
}

#[test]
fn h1209_custom_rule_in_forward_mode_through_duals() {
    let b = B { x: 0.7, v: -0.3 };
    let y = 1.3;
    let (v, (gb, gy)) = soft_energy_grad(&b, y);
    let t = B { x: 0.4, v: -1.1 };
    let (v2, j) = soft_energy_jvp(&b, y, &t, 0.5);
    assert!(scal_close(v, v2, 1e-15, 1.0));
    assert!(scal_close(
        j,
        gb.x * 0.4 + gb.v * -1.1 + gy * 0.5,
        1e-14,
        1.0
    ));
    let fd = fd_dir(
        &|p: &[f64]| soft_energy(&B { x: p[0], v: p[1] }, p[2]),
        &[0.7, -0.3, 1.3],
        &[0.4, -1.1, 0.5],
        1e-4,
    );
    assert!(scal_close(j, fd, 1e-8, 1.0), "{j} vs {fd}");
}

/// A `&mut` parameter passed on to an in-place callee the ordinary Rust way, `scale_in_place(y,
/// a)` (an implicit reborrow): rustc's errors about internal names before; read as the
/// in-place call `scale_in_place(&mut *y, a)`.
#[differentiable]
fn scale_in_place(y: &mut [f64], a: f64) {
    for i in 0..y.len() {
        y[i] *= a;
    }
}

#[differentiable]
fn scale_twice(y: &mut [f64], a: f64) {
    scale_in_place(y, a);
    y[0] += 1.0;
    scale_in_place(y, a * a);
}

#[differentiable]
fn scaled_energy(y0: &[f64], a: f64) -> f64 {
    let mut y = y0.to_vec();
    scale_twice(&mut y, a);
    y[0] * y[1] + y[1]
}

#[test]
fn h1210_bare_mut_parameter_passed_on() {
    let x = vec![0.6, -0.4, 1.1];
    let split = |p: &[f64]| (p[..2].to_vec(), p[2]);
    verify(
        "scaled_energy",
        &x,
        &|p| {
            let (y, a) = split(p);
            scaled_energy(&y, a)
        },
        &|p| {
            let (y, a) = split(p);
            let (v, (gy, ga)) = scaled_energy_grad(&y, a);
            (v, cat(&[gy, vec![ga]]))
        },
        &|p, t| {
            let ((y, a), (ty, ta)) = (split(p), split(t));
            scaled_energy_jvp(&y, a, &ty, ta)
        },
        Some(&|p, t| {
            let ((y, a), (ty, ta)) = (split(p), split(t));
            let (v, (gy, ga), (hy, ha)) = scaled_energy_hvp(&y, a, &ty, ta);
            (v, cat(&[gy, vec![ga]]), cat(&[hy, vec![ha]]))
        }),
        None,
    );
    // y = ((y0 a) + e0) a²: y0' = y0[0] a³ + a², y1' = y0[1] a³.
    let (v, _) = scaled_energy_grad(&[0.6, -0.4], 1.1);
    let a3 = 1.1f64.powi(3);
    let (u0, u1) = (0.6 * a3 + 1.21, -0.4 * a3);
    assert!(scal_close(v, u0 * u1 + u1, 1e-14, 1.0));
}

// Hunt 14 (derivatives at special points).

/// `nn::softplus` on dual numbers at an element exactly 0: written `max(x, 0) + ln(1 +
/// e^-|x|)`, whose kinks' conventions did not cancel, its tangent came out 0, not σ(0) = ½
/// (forward mode and second order on arrays silently wrong there).
#[differentiable]
fn softplus_sum(x: &ad_runtime::ndarray::Array1<f64>) -> f64 {
    ad_runtime::nn::softplus(x).mapv(|v| v * v).sum()
}

#[test]
fn h1401_softplus_at_zero_on_duals() {
    let x = vec![0.0, -1.2, 0.7];
    verify(
        "softplus_sum",
        &x,
        &|p| softplus_sum(&arr1(p)),
        &|p| {
            let (y, g) = softplus_sum_grad(&arr1(p));
            (y, g.to_vec())
        },
        &|p, t| softplus_sum_jvp(&arr1(p), &arr1(t)),
        Some(&|p, t| {
            let (y, g, h) = softplus_sum_hvp(&arr1(p), &arr1(t));
            (y, g.to_vec(), h.to_vec())
        }),
        None,
    );
    // At 0: d/dx sp² = 2 sp σ = ln 2; d²/dx² = 2σ² + 2 sp σ(1 − σ) = ½ + ½ ln 2.
    let (_, d) = softplus_sum_jvp(&arr1(&[0.0]), &arr1(&[1.0]));
    assert!(scal_close(d, 2f64.ln(), 1e-15, 1.0), "{d}");
    let (_, _, h) = softplus_sum_hvp(&arr1(&[0.0]), &arr1(&[1.0]));
    assert!(
        scal_close(h[0], 0.5 + 0.5 * 2f64.ln(), 1e-15, 1.0),
        "{}",
        h[0]
    );
}

/// `any`, `all` and `position` over an iterator of differentiated values (their predicates
/// read them; results discrete): rejected before ("iterator adaptors"), now the loops they
/// stand for.
#[differentiable]
fn searches(x: &[f64]) -> f64 {
    let k = x.iter().position(|&v| v > 0.5).unwrap_or(0);
    let s = if x.iter().all(|&v| v > -2.0) {
        x[0]
    } else {
        -x[0]
    };
    let t = if x.iter().copied().any(|v| v * v > 1.0) {
        2.0
    } else {
        1.0
    };
    x[k] * x[k] * s * t
}

#[test]
fn h1211_searches_over_differentiated_values() {
    for x in [
        vec![0.3, 0.9, -0.4],
        vec![0.2, -0.1, 1.4],
        vec![-2.5, 0.1, 0.2],
    ] {
        slice_case!(
            "searches",
            x.clone(),
            searches,
            searches_grad,
            searches_jvp,
            searches_hvp,
            searches_check
        );
    }
    // x = (0.3, 0.9, -0.4): k = 1, s = 0.3, t = 1: f = x1² x0.
    let (v, g) = searches_grad(&[0.3, 0.9, -0.4]);
    assert!(scal_close(v, 0.81 * 0.3, 1e-15, 1.0));
    assert!(scal_close(g[0], 0.81, 1e-15, 1.0) && scal_close(g[1], 2.0 * 0.9 * 0.3, 1e-15, 1.0));
}

/// A costly `mapv` closure (its derivative computed by dual numbers with its value) at an
/// element where the slope is infinite and the cotangent exactly 0 (`sqrt` at 0, masked):
/// the reverse multiplied `0 · ∞ = NaN`; a zero cotangent now stays zero, as the scalar rules
/// and `mapv(f64::sqrt)` keep it (hunt 14).
#[differentiable(wrt(w))]
fn masked_sqrt(w: &ad_runtime::ndarray::Array1<f64>, c: &ad_runtime::ndarray::Array1<f64>) -> f64 {
    (w.mapv(|v| v.sqrt() * 2.0 + v.asin()) * c).sum()
}

#[test]
fn h1402_zero_cotangent_through_an_infinite_slope() {
    let (w, c) = (arr1(&[0.0, 0.25]), arr1(&[0.0, 1.0]));
    let (v, g) = masked_sqrt_grad(&w, &c);
    assert!(scal_close(v, masked_sqrt(&w, &c), 1e-15, 1.0));
    assert_eq!(g[0], 0.0);
    let want = 1.0 / 0.25f64.sqrt() + 1.0 / (1.0 - 0.0625f64).sqrt();
    assert!(scal_close(g[1], want, 1e-14, 1.0), "{}", g[1]);
}

/// `vec![x; n]` of a differentiated float (`vec![-r; n]`, the coefficients of an implicit
/// scheme): rejected before (a macro reading a differentiated value), now the runtime's
/// differentiable `vec_repeat(x, n)`; element writes into it follow.
#[differentiable]
fn repeated_coefficients(u0: &[f64], kappa: f64) -> f64 {
    let n = u0.len();
    let r = 0.5 * kappa;
    let a = vec![-r; n];
    let mut b = vec![kappa; n];
    b[1] = b[1] * u0[0];
    let mut s = 0.0;
    for i in 0..n {
        s += a[i] * u0[i] + b[i] * b[i];
    }
    s
}

#[test]
fn h1212_vec_repeat_of_a_differentiated_float() {
    let x = vec![0.3, -0.7, 1.1, 0.8];
    verify(
        "repeated_coefficients",
        &x,
        &|p| repeated_coefficients(&p[..3], p[3]),
        &|p| {
            let (v, (g, k)) = repeated_coefficients_grad(&p[..3], p[3]);
            (v, cat(&[g, vec![k]]))
        },
        &|p, t| repeated_coefficients_jvp(&p[..3], p[3], &t[..3], t[3]),
        Some(&|p, t| {
            let (v, (g, k), (h, hk)) = repeated_coefficients_hvp(&p[..3], p[3], &t[..3], t[3]);
            (v, cat(&[g, vec![k]]), cat(&[h, vec![hk]]))
        }),
        Some(repeated_coefficients_check(&x[..3], x[3])),
    );
    // ∂/∂κ: −½ Σ u + 2κ (n − 1) + 2κ u0²  (b = κ except b[1] = κ u0).
    let (_, (_, dk)) = repeated_coefficients_grad(&x[..3], x[3]);
    let (u, k) = (&x[..3], x[3]);
    let want = -0.5 * (u[0] + u[1] + u[2]) + 2.0 * k * 2.0 + 2.0 * k * u[0] * u[0];
    assert!(scal_close(dk, want, 1e-14, 1.0), "{dk} vs {want}");
}

/// `f_jvp` of a function generic over its float type with array parameters, at `f64`: the
/// generic wrapper also named the `f32` instantiation, whose forward mode (no dual numbers
/// there) is a stub, so it failed to compile at any type (hunt 13). At `f32` it is now a
/// compile error that says forward mode is instantiated at f64 only.
#[differentiable]
fn generic_square_sum<T: ad_runtime::Float + 'static>(x: &ad_runtime::ndarray::Array1<T>) -> T {
    x.mapv(|v| v * v * v.sin()).sum()
}

#[test]
fn h1304_generic_array_forward_mode_at_f64() {
    let x = arr1(&[0.4, -1.1, 0.9]);
    let t = arr1(&[1.0, 0.5, -2.0]);
    let (v, d) = generic_square_sum_jvp(&x, &t);
    let (v2, g) = generic_square_sum_grad(&x);
    assert!(scal_close(v, v2, 1e-15, 1.0) && scal_close(v, generic_square_sum(&x), 1e-15, 1.0));
    assert!(scal_close(d, g.dot(&t), 1e-14, 1.0));
    let (y, j) = generic_square_sum_jacobian(&x);
    assert!(scal_close(y, v, 1e-15, 1.0));
    for k in 0..3 {
        assert!(scal_close(j[[0, k]], g[k], 1e-14, 1.0));
    }
}

// Hunt 15 (numerical methods).

/// A tuple of `Vec`s returned by a call after an early return (a recursive FFT's halves):
/// the forward sweep moved the elements out of the tuple it then stored for the reverse
/// (E0382); elements of a tuple the reverse reads again are cloned.
#[differentiable]
fn halves(x: &[f64]) -> (Vec<f64>, Vec<f64>) {
    (vec![x[0] * 2.0, x[1]], vec![x[0] * x[1], x[1].sin()])
}

#[differentiable]
fn halves_after_return(x: &[f64]) -> f64 {
    if x.len() == 1 {
        return x[0];
    }
    let (a, b) = halves(x);
    a[0] * b[0] + a[1] * b[1]
}

#[test]
fn h1501_tuple_of_vecs_after_an_early_return() {
    let x = vec![0.7, -0.4];
    slice_case!(
        "halves_after_return",
        x.clone(),
        halves_after_return,
        halves_after_return_grad,
        halves_after_return_jvp,
        halves_after_return_hvp,
        halves_after_return_check
    );
    // f = 2 x0² x1 + x1 sin x1.
    let (v, g) = halves_after_return_grad(&x);
    assert!(scal_close(
        v,
        2.0 * 0.49 * -0.4 + -0.4 * (-0.4f64).sin(),
        1e-15,
        1.0
    ));
    assert!(scal_close(g[0], 4.0 * 0.7 * -0.4, 1e-15, 1.0));
    assert!(scal_close(
        g[1],
        2.0 * 0.49 + (-0.4f64).sin() - 0.4 * (-0.4f64).cos(),
        1e-15,
        1.0
    ));
}

/// Parameters named like the generated functions' own locals (`seed`, `v`, `t`, `g`, ...):
/// `f_jacobian`'s reverse path bound a plain `seed` before passing the arguments, so a
/// parameter named `seed` silently became the unit seed (hunt 15: a wrong Jacobian). Each
/// generated function checked against the others and the closed forms.
#[differentiable]
fn named_like_locals(seed: f64, v: f64, t: f64, g: f64, y: f64, s: f64) -> [f64; 2] {
    [seed * v * t + g, y * s * seed + v]
}

#[differentiable]
fn named_like_locals_scalar(seed: f64, v: &[f64], t: f64, g: f64, pb: f64, h: f64) -> f64 {
    seed * seed * v[0] + t * g * v[1] + pb.sin() * h
}

#[test]
fn h1502_parameters_named_like_generated_locals() {
    let (seed, v, t, g, y, s) = (1.5, 0.3, -0.7, 0.9, 1.1, -0.4);
    let (val, j) = named_like_locals_jacobian(seed, v, t, g, y, s);
    assert_eq!(val, named_like_locals(seed, v, t, g, y, s));
    let want = [
        [v * t, seed * t, seed * v, 1.0, 0.0, 0.0],
        [y * s, 1.0, 0.0, 0.0, s * seed, y * seed],
    ];
    for r in 0..2 {
        for c in 0..6 {
            assert!(
                scal_close(j[[r, c]], want[r][c], 1e-15, 1.0),
                "{r} {c}: {}",
                j[[r, c]]
            );
        }
    }
    let x = vec![1.5, 0.3, -0.2, -0.7, 0.9, 0.4, 1.3];
    let f = |p: &[f64]| named_like_locals_scalar(p[0], &p[1..3], p[3], p[4], p[5], p[6]);
    verify(
        "named_like_locals_scalar",
        &x,
        &f,
        &|p| {
            let (y, (a, b, c, d, e, k)) =
                named_like_locals_scalar_grad(p[0], &p[1..3], p[3], p[4], p[5], p[6]);
            (y, cat(&[vec![a], b, vec![c, d, e, k]]))
        },
        &|p, q| {
            named_like_locals_scalar_jvp(
                p[0],
                &p[1..3],
                p[3],
                p[4],
                p[5],
                p[6],
                q[0],
                &q[1..3],
                q[3],
                q[4],
                q[5],
                q[6],
            )
        },
        Some(&|p, q| {
            let (y, (a, b, c, d, e, k), (ha, hb, hc, hd, he, hk)) = named_like_locals_scalar_hvp(
                p[0],
                &p[1..3],
                p[3],
                p[4],
                p[5],
                p[6],
                q[0],
                &q[1..3],
                q[3],
                q[4],
                q[5],
                q[6],
            );
            (
                y,
                cat(&[vec![a], b, vec![c, d, e, k]]),
                cat(&[vec![ha], hb, vec![hc, hd, he, hk]]),
            )
        }),
        Some(named_like_locals_scalar_check(
            x[0],
            &x[1..3],
            x[3],
            x[4],
            x[5],
            x[6],
        )),
    );
    let (_, (ga, _, _, _, _, _), hess) =
        named_like_locals_scalar_hessian(x[0], &x[1..3], x[3], x[4], x[5], x[6]);
    assert!(scal_close(ga, 2.0 * x[0] * x[1], 1e-15, 1.0));
    assert!(
        scal_close(hess[[0, 0]], 2.0 * x[1], 1e-15, 1.0)
            && scal_close(hess[[0, 1]], 2.0 * x[0], 1e-15, 1.0)
    );
}

/// `std` of data equal up to rounding (a column made constant by broadcasting: `(a - b) - a`
/// is `-b` up to an ulp): its computed value is a few ulps, not 0, and `(a - m) / ((n - 1) s)`
/// was noise over noise, an O(1) gradient where differences see 0 (random tensor program
/// seed 3410, h217). Below `64 ε max|a|` the convention at `s = 0` applies.
#[differentiable]
fn std_of_rounded_constants(a: &ad_runtime::ndarray::Array2<f64>) -> f64 {
    let t = &(a - &a.map_axis(ad_runtime::ndarray::Axis(0), |lane| {
        lane.mapv(f64::tanh).sum() * 0.5
    })) - a;
    t.std_axis(ad_runtime::ndarray::Axis(0), 1.0).sum() + (a * a).sum()
}

#[test]
fn h1503_std_at_rounding_noise() {
    let x = vec![0.31, -0.72, 0.55, 0.13, 0.91, -0.38, -0.66, 0.27, 0.84];
    let (v, g) = std_of_rounded_constants_grad(&arr2(&x, 3, 3));
    assert!(scal_close(
        v,
        std_of_rounded_constants(&arr2(&x, 3, 3)),
        1e-15,
        1.0
    ));
    // Only `Σ a²` moves (the std terms are 0 up to rounding whatever `a` is): 2a.
    for (gi, xi) in g.iter().zip(&x) {
        assert!(scal_close(*gi, 2.0 * xi, 1e-9, 1.0), "{gi} vs {}", 2.0 * xi);
    }
}

/// A tuple result bound whole whose `Vec` element is read twice (`t.0[0] * t.1 + t.0[1]`:
/// the first read moved it out, E0382), and a tuple result of array literals (`([..], x)`
/// for `-> ([f64; 2], f64)`: the literals were local `Vec` buffers, E0308) (hunt 15).
#[differentiable]
fn vec_and_scale(x: &[f64]) -> (Vec<f64>, f64) {
    let mut v = vec![0.0; 2];
    v[0] = x[0] * x[1];
    v[1] = x[1].sin();
    (v, x[0] * 3.0)
}

#[differentiable]
fn tuple_read_twice(x: &[f64]) -> f64 {
    let t = vec_and_scale(x);
    t.0[0] * t.1 + t.0[1]
}

#[differentiable]
fn array_literal_pair(x: &[f64]) -> ([f64; 2], f64) {
    ([x[0] * 2.0, x[1] * x[0]], x[0].exp())
}

#[test]
fn h1504_tuple_results_read_and_returned() {
    let x = vec![0.6, -0.3];
    slice_case!(
        "tuple_read_twice",
        x.clone(),
        tuple_read_twice,
        tuple_read_twice_grad,
        tuple_read_twice_jvp,
        tuple_read_twice_hvp,
        tuple_read_twice_check
    );
    // f = 3 x0² x1 + sin x1.
    let (_, g) = tuple_read_twice_grad(&x);
    assert!(scal_close(g[0], 6.0 * 0.6 * -0.3, 1e-15, 1.0));
    assert!(scal_close(g[1], 3.0 * 0.36 + (-0.3f64).cos(), 1e-15, 1.0));
    let ((a, e), j) = array_literal_pair_jacobian(&x);
    assert_eq!((a, e), array_literal_pair(&x));
    let want = [[2.0, 0.0], [-0.3, 0.6], [0.6f64.exp(), 0.0]];
    for r in 0..3 {
        for c in 0..2 {
            assert!(scal_close(j[[r, c]], want[r][c], 1e-15, 1.0), "{r} {c}");
        }
    }
}

// Hunt 16 (hygiene and syntax).

/// Raw identifiers: `let r#let = x * x; r#let` and a parameter `r#x` read as `x` (the same
/// identifier in Rust) lost their derivative silently (the front end compared names as text,
/// where `r#x` and `x` differ, and took the unknown name for a constant): gradient 0.
#[differentiable]
fn raw_keyword_local(x: f64) -> f64 {
    let r#let = x * x;
    r#let * 3.0
}

#[differentiable]
fn raw_parameter(r#x: f64, r#abc: f64) -> f64 {
    x * x * abc + r#abc.sin()
}

#[test]
fn h1601_raw_identifiers() {
    scalar_n_case(
        "raw_keyword_local",
        0.7,
        &raw_keyword_local,
        &raw_keyword_local_grad,
        &raw_keyword_local_jvp,
        &raw_keyword_local_hvp,
        raw_keyword_local_check(0.7),
    );
    let (_, d) = raw_keyword_local_grad(0.7);
    assert!(scal_close(d, 4.2, 1e-14, 1.0));
    s2_case!(
        "raw_parameter",
        [0.7, -0.4],
        raw_parameter,
        raw_parameter_grad,
        raw_parameter_jvp,
        raw_parameter_hvp,
        raw_parameter_check
    );
    let (_, (dx, da)) = raw_parameter_grad(0.7, -0.4);
    assert!(scal_close(dx, 2.0 * 0.7 * -0.4, 1e-14, 1.0));
    assert!(scal_close(da, 0.49 + (-0.4f64).cos(), 1e-14, 1.0));
}

/// A `loop` used as a value (`let r = loop { .. break s; }`, Newton's usual shape, and a
/// block ending in one): rejected before ("a loop used as a value"), now `let r;` and the
/// loop with `{ r = s; break; }`.
#[differentiable]
fn newton_sqrt(a: f64) -> f64 {
    let mut x = a;
    let mut k = 0;
    let root = loop {
        let next = 0.5 * (x + a / x);
        k += 1;
        if k == 30 || (next - x).abs() < 1e-15 {
            break next;
        }
        x = next;
    };
    root * 2.0
}

#[differentiable]
fn loop_tail(x: f64, y: f64) -> f64 {
    let mut s = x;
    let mut k = 0;
    loop {
        s = s * y + 0.1;
        k += 1;
        if k == 3 {
            break s * s;
        }
    }
}

#[test]
fn h1602_loops_as_values() {
    scalar_n_case(
        "newton_sqrt",
        2.0,
        &newton_sqrt,
        &newton_sqrt_grad,
        &newton_sqrt_jvp,
        &newton_sqrt_hvp,
        newton_sqrt_check(2.0),
    );
    let (v, d) = newton_sqrt_grad(2.0);
    assert!(scal_close(v, 2.0 * 2f64.sqrt(), 1e-14, 1.0));
    assert!(scal_close(d, 1.0 / 2f64.sqrt(), 1e-9, 1.0), "{d}");
    s2_case!(
        "loop_tail",
        [0.3, 0.7],
        loop_tail,
        loop_tail_grad,
        loop_tail_jvp,
        loop_tail_hvp,
        loop_tail_check
    );
}

/// A labelled block with a value (`let r = 'a: { if .. { break 'a e; } y };`): rejected
/// before; the loop that runs once, `'a: loop { ..; break 'a y; }`.
#[differentiable]
fn labelled_block(x: f64, y: f64) -> f64 {
    let r = 'a: {
        if x > 0.0 {
            break 'a x * y;
        }
        y
    };
    r * r + x
}

#[test]
fn h1603_labelled_blocks() {
    for p in [[0.3, 0.7], [-0.3, 0.7]] {
        s2_case!(
            "labelled_block",
            p,
            labelled_block,
            labelled_block_grad,
            labelled_block_jvp,
            labelled_block_hvp,
            labelled_block_check
        );
    }
    let (_, (dx, dy)) = labelled_block_grad(0.3, 0.7);
    assert!(
        scal_close(dx, 2.0 * 0.3 * 0.49 + 1.0, 1e-14, 1.0)
            && scal_close(dy, 2.0 * 0.09 * 0.7, 1e-14, 1.0)
    );
}

/// A named lifetime (`fn f<'a>(x: &'a [f64])`): `f_check` dropped the function's lifetimes
/// (E0261, so no function with one compiled; hunt 16).
#[differentiable]
fn with_lifetime<'a>(x: &'a [f64], s: f64) -> f64 {
    x[0] * x[1] * s
}

#[test]
fn h1604_named_lifetimes() {
    let x = vec![0.7, 0.3, 1.2];
    verify(
        "with_lifetime",
        &x,
        &|p| with_lifetime(&p[..2], p[2]),
        &|p| {
            let (v, (g, d)) = with_lifetime_grad(&p[..2], p[2]);
            (v, cat(&[g, vec![d]]))
        },
        &|p, t| with_lifetime_jvp(&p[..2], p[2], &t[..2], t[2]),
        Some(&|p, t| {
            let (v, (g, d), (h, hd)) = with_lifetime_hvp(&p[..2], p[2], &t[..2], t[2]);
            (v, cat(&[g, vec![d]]), cat(&[h, vec![hd]]))
        }),
        Some(with_lifetime_check(&x[..2], x[2])),
    );
}

/// `let Pop { prey, pred } = p.clone();` (or `= p` of a struct taken by value): the names
/// bound borrows of a temporary (E0597); an owned struct's fields are bound by value.
#[differentiable]
fn destructure_owned(p: &Pop, x: f64) -> f64 {
    let Pop { prey, pred } = p.clone();
    prey * pred * x + prey
}

#[differentiable]
fn destructure_by_value(p: Pop, x: f64) -> f64 {
    let Pop { prey, pred } = p;
    prey * pred.sin() * x
}

impl Flat for Pop {
    fn flat(&self) -> Vec<f64> {
        vec![self.prey, self.pred]
    }
    fn unflat(&self, v: &[f64]) -> Self {
        Pop {
            prey: v[0],
            pred: v[1],
        }
    }
}

#[test]
fn h1605_destructuring_owned_structs() {
    let p = Pop {
        prey: 0.7,
        pred: -0.4,
    };
    let x = 1.3;
    verify_struct(
        "destructure_owned",
        &p,
        &|q| destructure_owned(q, x),
        &|q| {
            let (v, (g, _)) = destructure_owned_grad(q, x);
            (v, g)
        },
        &|q, t| destructure_owned_jvp(q, x, t, 0.0),
        Some(&|q, t| {
            let (v, (g, _), (h, _)) = destructure_owned_hvp(q, x, t, 0.0);
            (v, g, h)
        }),
    );
    let (v, (g, dx)) = destructure_by_value_grad(p.clone(), x);
    assert!(scal_close(
        v,
        destructure_by_value(p.clone(), x),
        1e-15,
        1.0
    ));
    assert!(scal_close(g.prey, (-0.4f64).sin() * x, 1e-15, 1.0));
    assert!(scal_close(g.pred, 0.7 * (-0.4f64).cos() * x, 1e-15, 1.0));
    assert!(scal_close(dx, 0.7 * (-0.4f64).sin(), 1e-15, 1.0));
}

/// A `&mut self` method calling `self::half(..)` (a module path): the receiver's renaming
/// took the path's `self` too (E0433; hunt 16).
pub fn half(v: f64) -> f64 {
    v * 0.5
}

#[differentiable]
impl Pop {
    #[differentiable]
    pub fn relax(&mut self, h: f64) {
        let k = self::half(4.0);
        self.prey += h * self.pred * k;
    }
}

#[differentiable]
fn relaxed(p: &Pop, h: f64) -> f64 {
    let mut q = p.clone();
    q.relax(h);
    q.prey * q.pred
}

#[test]
fn h1606_module_path_in_a_mut_self_method() {
    let p = Pop {
        prey: 0.7,
        pred: -0.4,
    };
    let (v, (g, dh)) = relaxed_grad(&p, 0.3);
    // prey' = prey + 2 h pred: v = (prey + 2 h pred) pred.
    assert!(
        scal_close(v, (0.7 + 0.6 * -0.4) * -0.4, 1e-15, 1.0)
            && scal_close(v, relaxed(&p, 0.3), 1e-15, 1.0)
    );
    assert!(scal_close(g.prey, -0.4, 1e-15, 1.0));
    assert!(scal_close(g.pred, 0.7 + 4.0 * 0.3 * -0.4, 1e-15, 1.0));
    assert!(scal_close(dh, 2.0 * 0.16, 1e-15, 1.0));
}

// Hunt 17 (vector-valued results).

/// An early `return y;` of a local `Vec` read again after the `if`: forward mode moved it
/// (E0382 in `_pushforward`, also with `order = 1`); it is cloned there as the reverse sweep
/// does.
#[differentiable]
fn early_vec_return(x: &[f64]) -> Vec<f64> {
    let y = x.to_vec();
    if x[1] < 0.0 {
        return y;
    }
    vec![y[0] * y[1], y[1].sin()]
}

#[test]
fn h1701_early_return_of_a_vec_in_forward_mode() {
    // Returned whole: the identity.
    let (y, t) = early_vec_return_jvp(&[0.4, -0.3], &[1.0, 2.0]);
    assert_eq!((y, t), (vec![0.4, -0.3], vec![1.0, 2.0]));
    // The other branch: (x0 x1, sin x1).
    let (y, t) = early_vec_return_jvp(&[0.4, 0.3], &[1.0, 2.0]);
    assert!(scal_close(y[0], 0.12, 1e-15, 1.0) && scal_close(y[1], 0.3f64.sin(), 1e-15, 1.0));
    assert!(
        scal_close(t[0], 0.3 + 0.8, 1e-15, 1.0) && scal_close(t[1], 2.0 * 0.3f64.cos(), 1e-15, 1.0)
    );
    let (_, j) = early_vec_return_jacobian(&[0.4, 0.3]);
    assert!(scal_close(j[[0, 0]], 0.3, 1e-15, 1.0) && scal_close(j[[0, 1]], 0.4, 1e-15, 1.0));
    let (_, g) = early_vec_return_vjp(&[0.4, 0.3], vec![1.0, 1.0]);
    assert!(scal_close(g[0], 0.3, 1e-15, 1.0) && scal_close(g[1], 0.4 + 0.3f64.cos(), 1e-15, 1.0));
}

#[differentiable]
fn halve_and_mix(y: &[f64]) -> Vec<f64> {
    vec![y[0] * 0.5 + y[1], y[1].sin()]
}

/// A loop used as a value that breaks with a `Vec` variable (`break y;`): the rewritten
/// `r = y;` moved it while the lowered loop's later statements still mentioned it (E0382;
/// hunt 17); a variable is cloned there.
#[differentiable]
fn loop_breaks_a_vec(x: &[f64]) -> f64 {
    let mut y = x.to_vec();
    let mut k = 0;
    let r = loop {
        y = halve_and_mix(&y);
        k += 1;
        if k == 3 {
            break y;
        }
    };
    r[0] * r[1]
}

#[test]
fn h1702_loop_breaking_with_a_vec() {
    slice_case!(
        "loop_breaks_a_vec",
        vec![0.3, 0.5],
        loop_breaks_a_vec,
        loop_breaks_a_vec_grad,
        loop_breaks_a_vec_jvp,
        loop_breaks_a_vec_hvp,
        loop_breaks_a_vec_check
    );
}

/// An array literal of floats whose type the code does not show (`[(p.prey).sin(),
/// s.sin(), ..]`: a struct field, an unannotated local) lent with a second `&mut` output to
/// an in-place helper in a loop: the literal's adjoint was untyped where the helper's tuple
/// of outputs gives `[f64; 3]` (E0271/E0308; random everyday program 3718 `f039`, older than
/// this session). Visibly-float elements of an `f64` function type the local `[f64; N]`.
#[differentiable]
fn rotate3(r: &mut [f64; 3], s: &mut f64, a: f64) {
    *s *= a;
    let t = r[2] * a;
    r[2] = t.sin() * 0.4 + r[1];
    r[0] += *s * r[1];
}

#[differentiable]
fn literal_lent_in_a_loop(p: &Pop, x: f64) -> f64 {
    let s1 = x * 2.0;
    let mut ia = [(p.prey).sin(), (s1).sin(), (s1).cos()];
    let mut iu = x.cos();
    for i in 0..2 {
        if i % 2 == 1 {
            rotate3(&mut ia, &mut iu, (x * 0.6).cos());
        } else {
            rotate3(&mut ia, &mut iu, 0.48);
        }
    }
    ia[0] * ia[2] + iu + p.pred
}

#[test]
fn h1503b_array_literal_of_unseen_floats_lent_in_place() {
    let x = vec![0.7, -0.4, 0.9];
    verify(
        "literal_lent_in_a_loop",
        &x,
        &|q| {
            literal_lent_in_a_loop(
                &Pop {
                    prey: q[0],
                    pred: q[1],
                },
                q[2],
            )
        },
        &|q| {
            let (v, (g, d)) = literal_lent_in_a_loop_grad(
                &Pop {
                    prey: q[0],
                    pred: q[1],
                },
                q[2],
            );
            (v, vec![g.prey, g.pred, d])
        },
        &|q, t| {
            literal_lent_in_a_loop_jvp(
                &Pop {
                    prey: q[0],
                    pred: q[1],
                },
                q[2],
                &Pop {
                    prey: t[0],
                    pred: t[1],
                },
                t[2],
            )
        },
        Some(&|q, t| {
            let (v, (g, d), (h, hd)) = literal_lent_in_a_loop_hvp(
                &Pop {
                    prey: q[0],
                    pred: q[1],
                },
                q[2],
                &Pop {
                    prey: t[0],
                    pred: t[1],
                },
                t[2],
            );
            (v, vec![g.prey, g.pred, d], vec![h.prey, h.pred, hd])
        }),
        None,
    );
}
