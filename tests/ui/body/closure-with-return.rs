// A closure that returns early, in an iterator reduction the macro would otherwise rewrite
// into a loop (where `return` would leave the function): not supported.
use ad_runtime::differentiable;

#[differentiable]
fn f(xs: &[f64]) -> f64 {
    xs.iter()
        .map(|v| {
            if *v > 0.0 {
                return 1.0;
            }
            v * v
        })
        .sum()
}

fn main() {}
