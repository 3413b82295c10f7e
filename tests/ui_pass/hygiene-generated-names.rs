// User parameters and locals named like the macro's generated identifiers (`__g`,
// `__seed`, `__d_x`, `__tape_s`, `__v3`, `seed`, `__k`, `__iters1`, `__flow`, `__ret1`,
// `__pb`, `__y`) must not collide with them; `main` checks the gradient against its
// closed form.
use ad_runtime::differentiable;

#[differentiable]
fn sq(x: f64) -> f64 {
    x * x
}

/// `(g s x)² + d (t₀ + .. + t_{k-1}) seed`, as parameters named like generated names.
#[differentiable]
fn params(
    __g: f64,
    __seed: f64,
    __d_x: f64,
    x: f64,
    __tape_s: &[f64],
    __k: usize,
    seed: f64,
) -> f64 {
    let v3 = __g * __seed;
    let mut iters = 0.0;
    for i in 0..__k {
        iters = iters + __tape_s[i] * __d_x;
    }
    let flow = if v3 > 0.0 { v3 * x } else { x };
    let r = sq(flow);
    if seed < 0.0 {
        return r;
    }
    r + iters * seed
}

/// The same function with plain parameter names and locals named like generated names.
#[differentiable]
fn locals(g: f64, s: f64, d: f64, x: f64, t: &[f64], k: usize, c: f64) -> f64 {
    let __g = g;
    let __seed = s;
    let __d_x = d;
    let __tape_s = t;
    let __k = k;
    let seed = c;
    let mut __flow = 0.0;
    let __v3 = __g * __seed;
    let mut __iters1 = 0.0;
    for __k1 in 0..__k {
        __iters1 = __iters1 + __tape_s[__k1] * __d_x;
    }
    if __v3 > 0.0 {
        __flow = __v3 * x;
    } else {
        __flow = x;
    }
    let __pb = sq(__flow);
    let __y = __pb;
    let __ret1 = __y;
    if seed < 0.0 {
        return __ret1;
    }
    __ret1 + __iters1 * seed
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * (1.0 + b.abs())
}

fn main() {
    let (g, s, d, x, c) = (2.0, 3.0, 0.5, 1.5, 2.0);
    let t = [1.0, 2.0, 3.0];
    let sum = t[0] + t[1];
    let p = g * s * x;
    let value = p * p + d * sum * c;
    let (dg, ds, dd, dx, dc) = (
        2.0 * p * s * x,
        2.0 * p * g * x,
        sum * c,
        2.0 * p * g * s,
        d * sum,
    );
    let dt = [d * c, d * c, 0.0];

    let (v1, g1) = params_grad(g, s, d, x, &t, 2, c);
    let (v2, g2) = locals_grad(g, s, d, x, &t, 2, c);
    for (v, (gg, gs, gd, gx, gt, gc)) in [(v1, g1), (v2, g2)] {
        assert!(close(v, value));
        assert!(close(gg, dg) && close(gs, ds) && close(gd, dd) && close(gx, dx) && close(gc, dc));
        assert_eq!(gt.len(), 3);
        for (a, b) in gt.iter().zip(dt) {
            assert!(close(*a, b), "{a} vs {b}");
        }
    }

    // `f_vjp` names its cotangent parameter `seed`; a user parameter `seed` must not clash.
    let (v, (_, _, _, _, _, gc)) = params_vjp(g, s, d, x, &t, 2, c, 2.0);
    assert!(close(v, value) && close(gc, 2.0 * dc));
}
