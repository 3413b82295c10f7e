// A field whose type has no derivative: fields without floats (`String`, integers) are
// constants of the struct; floats inside a standard container (`Option<f64>`) are one error
// on the field, which says to mark it `#[no_derivative]`.
use ad_runtime::Differentiable;

#[derive(Clone, Differentiable)]
struct Model {
    w: Vec<f64>,
    label: String,
    layers: usize,
    cap: Option<f64>,
}

fn main() {}
