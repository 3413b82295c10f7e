//! Data-parallel training across processes: every MPI rank computes the generated gradient
//! (`loss_grad`) of a logistic-regression model on its own shard of the data, the gradients
//! are summed by an allreduce, and every rank takes the same optimiser step, so the models
//! stay identical without ever being sent.
//!
//! ```sh
//! cargo build --release --manifest-path examples/mpi/Cargo.toml
//! mpirun -np 2 examples/mpi/target/release/ad-mpi-example
//! ```
//!
//! The data are synthetic and deterministic (two Gaussian-ish classes in 20 dimensions made by
//! a hash of the row and column), so the run is reproducible; rank `r` of `p` takes the rows `i` with
//! `i % p == r`. Before training, rank 0 checks that the allreduced gradient equals the
//! gradient of the whole data set computed in one process.

use ad_runtime::ndarray::{Array1, Array2};
use ad_runtime::optim::Adam;
use ad_runtime::{Differentiable, VectorSpace, differentiable};
use mpi::collective::SystemOperation;
use mpi::traits::*;

const ROWS: usize = 4000;
const DIM: usize = 20;
const EPOCHS: usize = 60;

/// Logistic regression: `p(y = 1 | x) = σ(x·w + b)`.
#[derive(Clone, Debug, Differentiable)]
struct Model {
    w: Array1<f64>,
    b: f64,
}

#[differentiable]
impl Model {
    /// The summed (not mean) negative log-likelihood of the rows of `x` with labels `y` (0 or
    /// 1), so that shard losses and gradients add up to the whole data set's.
    #[differentiable(wrt(self))]
    fn nll_sum(&self, x: &Array2<f64>, y: &Array1<f64>) -> f64 {
        let z = x.dot(&self.w) + self.b;
        // log(1 + e^z) - y z, written stably as max(z, 0) + log(1 + e^-|z|) - y z.
        let softplus = z.mapv(|v| v.max(0.0) + (-v.abs()).exp().ln_1p());
        (softplus - &(y * &z)).sum()
    }
}

/// A deterministic pseudo-random number in `[0, 1)` for the integer `k` (the fractional part
/// of a scaled sine, a classic hash): the same on every rank, no generator state to share.
fn hash01(k: usize) -> f64 {
    ((k as f64 * 12.9898).sin() * 43_758.545_3).rem_euclid(1.0)
}

/// The whole data set: class `k` (0 or 1) centred at `±0.15` in every coordinate.
fn data() -> (Array2<f64>, Array1<f64>) {
    let y = Array1::from_shape_fn(ROWS, |i| (i % 2) as f64);
    let x = Array2::from_shape_fn((ROWS, DIM), |(i, j)| {
        let centre = if i % 2 == 1 { 0.15 } else { -0.15 };
        // A sum of four uniforms, centred: roughly normal with variance 1/3.
        let k = 4 * (i * DIM + j);
        let bell = (0..4).map(|d| hash01(k + d)).sum::<f64>() - 2.0;
        centre + bell * 1.5
    });
    (x, y)
}

/// The rows `i` with `i % size == rank`.
fn shard(x: &Array2<f64>, y: &Array1<f64>, rank: usize, size: usize) -> (Array2<f64>, Array1<f64>) {
    let rows: Vec<usize> = (rank..x.nrows()).step_by(size).collect();
    (
        x.select(ad_runtime::ndarray::Axis(0), &rows),
        y.select(ad_runtime::ndarray::Axis(0), &rows),
    )
}

/// The model's parameters in one vector (`w`, then `b`), for the allreduce.
fn flatten(m: &Model) -> Vec<f64> {
    let mut v = m.w.to_vec();
    v.push(m.b);
    v
}

fn unflatten(v: &[f64]) -> Model {
    Model {
        w: Array1::from(v[..DIM].to_vec()),
        b: v[DIM],
    }
}

/// The summed loss and gradient over every rank's shard: local `loss_grad`, then one
/// allreduce of `[loss, gradient..]`.
fn global_grad<C: CommunicatorCollectives>(
    world: &C,
    m: &Model,
    x: &Array2<f64>,
    y: &Array1<f64>,
) -> (f64, Model) {
    let (l, g) = m.nll_sum_grad(x, y);
    let mut local = vec![l];
    local.extend(flatten(&g));
    let mut total = vec![0.0; local.len()];
    world.all_reduce_into(&local[..], &mut total[..], SystemOperation::sum());
    (total[0], unflatten(&total[1..]))
}

fn accuracy(m: &Model, x: &Array2<f64>, y: &Array1<f64>) -> f64 {
    let z = x.dot(&m.w) + m.b;
    let right = z
        .iter()
        .zip(y)
        .filter(|(z, y)| (**z > 0.0) == (**y > 0.5))
        .count();
    right as f64 / y.len() as f64
}

fn main() {
    let universe = mpi::initialize().expect("MPI initialises");
    let world = universe.world();
    let (rank, size) = (world.rank() as usize, world.size() as usize);
    let (x, y) = data();
    let (xs, ys) = shard(&x, &y, rank, size);
    let mut model = Model {
        w: Array1::zeros(DIM),
        b: 0.0,
    };
    if rank == 0 {
        println!(
            "{size} MPI process(es), {ROWS} rows of {DIM} features, {} rows on rank 0",
            ys.len()
        );
    }

    // The allreduced gradient is the whole data set's (checked on rank 0).
    let start = Model {
        w: Array1::from_shape_fn(DIM, |j| 0.05 * (j as f64 - 10.0)),
        b: 0.1,
    };
    let (l_all, g_all) = global_grad(&world, &start, &xs, &ys);
    if rank == 0 {
        let (l_one, g_one) = start.nll_sum_grad(&x, &y);
        let diff = flatten(&g_all)
            .iter()
            .zip(flatten(&g_one))
            .map(|(a, b)| (a - b).abs() / b.abs().max(1.0))
            .fold(0.0f64, f64::max);
        println!(
            "allreduced loss {l_all:.9} vs one process {l_one:.9}; gradients differ by at most {diff:.1e} (relative)"
        );
        assert!(
            diff <= 1e-10,
            "the allreduced gradient is not the whole data set's"
        );
    }

    let mut adam = Adam::new(&model, 0.05);
    let t = std::time::Instant::now();
    for epoch in 1..=EPOCHS {
        let (loss, mut g) = global_grad(&world, &model, &xs, &ys);
        // The mean over all rows, so the step does not depend on the number of processes.
        g.scale_by(1.0 / ROWS as f64);
        adam.step(&mut model, &g);
        if rank == 0 && (epoch % 10 == 0 || epoch == 1) {
            println!(
                "epoch {epoch:>3}: mean loss {:.6}, accuracy {:.2}%",
                loss / ROWS as f64,
                100.0 * accuracy(&model, &x, &y)
            );
        }
    }
    // Every rank took the same steps: their models agree exactly.
    let mut mine = flatten(&model);
    let mut max = vec![0.0; mine.len()];
    world.all_reduce_into(&mine[..], &mut max[..], SystemOperation::max());
    for v in &mut mine {
        *v = -*v;
    }
    let mut min = vec![0.0; mine.len()];
    world.all_reduce_into(&mine[..], &mut min[..], SystemOperation::max());
    if rank == 0 {
        let spread = max
            .iter()
            .zip(&min)
            .map(|(a, b)| a + b)
            .fold(0.0f64, f64::max);
        println!(
            "trained in {:.2?}; largest difference between the ranks' parameters: {spread:e}",
            t.elapsed()
        );
    }
}
