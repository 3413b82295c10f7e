//! `#[differentiable]` on an `impl` block alone, no function in it marked: every function
//! whose signature is differentiable and whose body the transformation takes is
//! differentiated (constructors, `&self`/`self` methods, `&mut self` steps, operator trait
//! impls); the others (a `String` result, an integer result, a function calling one of those)
//! stay as written. Values against closed forms and central differences.

// Primals used only through their generated functions.
#![allow(dead_code)]

mod common;

use ad_runtime::{Differentiable, differentiable};
use common::{assert_close, assert_fd};

#[derive(Clone, Copy, Debug, Differentiable)]
struct V {
    x: f64,
    y: f64,
}

#[differentiable]
impl V {
    fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
    fn norm2(&self) -> f64 {
        self.x * self.x + self.y * self.y
    }
    fn scale(self, k: f64) -> V {
        V {
            x: self.x * k,
            y: self.y * k,
        }
    }
    fn kick(&mut self, d: f64) {
        self.x += d * self.y;
    }
    // Not differentiable (their results), left as written.
    fn label(&self) -> String {
        format!("({}, {})", self.x, self.y)
    }
    fn dims(&self) -> usize {
        2
    }
    // Calls one of those: left as written too.
    fn label_weight(&self) -> f64 {
        self.label().len() as f64 * self.x
    }
}

#[differentiable]
impl std::ops::Add for V {
    type Output = V;
    fn add(self, o: V) -> V {
        V {
            x: self.x + o.x,
            y: self.y + o.y,
        }
    }
}

/// `|k a|² + |b|²` with `b = (a.y, k)` kicked by `k`: `b.x = a.y + k²`.
#[differentiable]
fn energy(a: V, k: f64) -> f64 {
    let mut b = V::new(a.y, k);
    b.kick(k);
    a.scale(k).norm2() + b.norm2()
}

/// `|a + b + a|²` through the block-only `impl Add`.
#[differentiable]
fn sum_norm(a: V, b: V) -> f64 {
    let c = a + b + a;
    c.norm2()
}

#[test]
fn methods_of_a_block_marked_alone_are_differentiated() {
    let (ax, ay, k) = (0.3, -1.2, 0.7);
    let a = V { x: ax, y: ay };
    let (v, (ga, gk)) = energy_grad(a, k);
    // E = k²(ax² + ay²) + (ay + k²)² + k².
    let bx = ay + k * k;
    assert_close(
        &[v],
        &[k * k * (ax * ax + ay * ay) + bx * bx + k * k],
        "value",
    );
    assert_close(
        &[ga.x, ga.y, gk],
        &[
            2.0 * k * k * ax,
            2.0 * k * k * ay + 2.0 * bx,
            2.0 * k * (ax * ax + ay * ay) + 4.0 * k * bx + 2.0 * k,
        ],
        "gradient",
    );
    let f = |p: &[f64]| energy(V { x: p[0], y: p[1] }, p[2]);
    assert_fd(f, &[ax, ay, k], &[ga.x, ga.y, gk], "differences");
    let (_, t) = energy_jvp(a, k, V { x: 1.0, y: -0.5 }, 0.25);
    assert_close(&[t], &[ga.x - 0.5 * ga.y + 0.25 * gk], "jvp");
    let (_, g) = a.norm2_grad();
    assert_close(
        &[g.x, g.y],
        &[2.0 * ax, 2.0 * ay],
        "a method's own gradient",
    );
    // The functions left alone still work.
    assert_eq!(a.dims(), 2);
    assert!(a.label_weight().is_finite());
}

#[test]
fn an_operator_impl_marked_alone_is_differentiated() {
    let a = V { x: 0.5, y: 2.0 };
    let b = V { x: -1.0, y: 0.25 };
    let (v, (ga, gb)) = sum_norm_grad(a, b);
    let c = (2.0 * a.x + b.x, 2.0 * a.y + b.y);
    assert_close(&[v], &[c.0 * c.0 + c.1 * c.1], "value");
    assert_close(
        &[ga.x, ga.y, gb.x, gb.y],
        &[4.0 * c.0, 4.0 * c.1, 2.0 * c.0, 2.0 * c.1],
        "gradient",
    );
    let (_, _, hv) = sum_norm_hvp(a, b, V { x: 1.0, y: 0.0 }, V { x: 0.0, y: 0.0 });
    assert_close(
        &[hv.0.x, hv.0.y, hv.1.x, hv.1.y],
        &[8.0, 0.0, 4.0, 0.0],
        "hvp",
    );
}
