// A field whose type has no derivative needs `#[no_derivative]`: the error is on the field.
use ad_runtime::Differentiable;

#[derive(Clone, Differentiable)]
struct Model {
    w: Vec<f64>,
    label: String,
}

fn main() {}
