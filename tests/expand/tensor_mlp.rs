use ad_runtime::differentiable;
use ad_runtime::ndarray::{Array1, Array2};
use ad_runtime::nn;

#[differentiable(wrt(w1, b1, w2, b2))]
fn classifier(
    w1: &Array2<f64>,
    b1: &Array1<f64>,
    w2: &Array2<f64>,
    b2: &Array1<f64>,
    x: &Array2<f64>,
    labels: &[usize],
) -> f64 {
    let h = nn::relu(&(x.dot(w1) + b1));
    let logits = h.dot(w2) + b2;
    nn::cross_entropy(&logits, labels)
}
