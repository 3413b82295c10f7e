//! Handwritten digit classification with a small neural network trained on generated gradients.
//!
//! The model is a struct (`#[derive(Differentiable)]`) of `ndarray` weights, a two-layer
//! perceptron (64 pixels → 128 ReLU units → 10 classes); its methods `forward` and `loss`
//! (softmax cross-entropy) are ordinary Rust marked `#[differentiable]`. The macro generates
//! `loss_grad(&self, ..) -> (f64, Mlp)`, and the training loop (mini-batch Adam from
//! `ad_runtime::optim`, which updates any derived struct) calls nothing else to get its
//! gradients. Before training, the generated gradient is checked against a
//! hand-written backpropagation and against finite differences.
//!
//! Data: the UCI "Optical Recognition of Handwritten Digits" test set (Alpaydin & Kaynak 1998,
//! CC BY 4.0, as bundled with scikit-learn), 1797 8×8 images, shipped in `examples/data/`
//! (see its README). A fixed seed shuffles it into 80% training and 20% test data.
//!
//! ```sh
//! cargo run --release --example digits            # train: 98% test accuracy in well under a second
//! cargo run --release --example digits -- --check # only compare the gradients
//! cargo run --release --example digits -- --threads 2 --batch 256   # data-parallel training
//! cargo run --release --example digits -- --speedup                 # time one epoch at 1 and 2 threads
//! ```
//!
//! Data parallelism (`--threads N`, rayon): each batch is cut into `N` shards, each thread
//! runs the generated `loss_grad` on its shard, and the shard gradients are summed weighted
//! by the shards' sizes (the loss is a mean), in shard order, so the result is the full
//! batch's gradient up to rounding and does not depend on scheduling.

use std::error::Error;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::time::Instant;

use ad_runtime::ndarray::{Array1, Array2, Axis, Zip, s};
use ad_runtime::optim::Adam;
use ad_runtime::{Differentiable, VectorSpace, differentiable, nn};
use rayon::prelude::*;

const INPUTS: usize = 64;
const HIDDEN: usize = 128;
const CLASSES: usize = 10;
const BATCH: usize = 32;
const EPOCHS: usize = 30;
const LEARNING_RATE: f64 = 2e-3;
const SEED: u64 = 2024;

// ---- the model ---------------------------------------------------------------------------------

/// A two-layer perceptron. `#[derive(Differentiable)]` makes it a parameter of
/// differentiable functions whose gradient is an `Mlp` too, and gives it the vector
/// operations the optimisers of `ad_runtime::optim` need.
#[derive(Clone, Debug, Differentiable)]
struct Mlp {
    w1: Array2<f64>,
    b1: Array1<f64>,
    w2: Array2<f64>,
    b2: Array1<f64>,
}

impl Mlp {
    /// He initialisation for the ReLU layer, Glorot-style for the output layer, zero biases.
    fn init(rng: &mut Rng) -> Self {
        let mut normal = |rows, cols, scale: f64| {
            Array2::from_shape_simple_fn((rows, cols), || scale * rng.normal())
        };
        Mlp {
            w1: normal(INPUTS, HIDDEN, (2.0 / INPUTS as f64).sqrt()),
            b1: Array1::zeros(HIDDEN),
            w2: normal(HIDDEN, CLASSES, (1.0 / HIDDEN as f64).sqrt()),
            b2: Array1::zeros(CLASSES),
        }
    }

    /// The logits of each row of `x`.
    #[differentiable(wrt(self))]
    fn forward(&self, x: &Array2<f64>) -> Array2<f64> {
        let h = (x.dot(&self.w1) + &self.b1).mapv(|v| v.max(0.0));
        h.dot(&self.w2) + &self.b2
    }

    /// Mean softmax cross-entropy on a batch: `x` holds one image per row, `labels` the
    /// classes. The macro generates `loss_grad(&self, x, labels) -> (f64, Mlp)`.
    #[differentiable(wrt(self))]
    fn loss(&self, x: &Array2<f64>, labels: &[usize]) -> f64 {
        nn::cross_entropy(&self.forward(x), labels)
    }

    /// The predicted class of each row of `x`.
    fn predict(&self, x: &Array2<f64>) -> Vec<usize> {
        self.forward(x)
            .rows()
            .into_iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .max_by(|a, b| a.1.total_cmp(b.1))
                    .map_or(0, |(k, _)| k)
            })
            .collect()
    }

    fn accuracy(&self, x: &Array2<f64>, labels: &[usize]) -> f64 {
        let right = self
            .predict(x)
            .iter()
            .zip(labels)
            .filter(|(p, l)| p == l)
            .count();
        right as f64 / labels.len() as f64
    }
}

// ---- hand-written backpropagation, to check the generated gradient against ---------------------

/// Value and gradient of [`Mlp::loss`] by hand: the textbook backward pass.
fn loss_grad_by_hand(p: &Mlp, x: &Array2<f64>, labels: &[usize]) -> (f64, Mlp) {
    let n = labels.len() as f64;
    let z1 = x.dot(&p.w1) + &p.b1;
    let h = z1.mapv(|v| v.max(0.0));
    let mut dlogits = h.dot(&p.w2) + &p.b2;
    // Softmax in place, row by row, with the loss -log softmax(z)[label] from the same sums.
    let mut total = 0.0;
    for (mut row, &label) in dlogits.rows_mut().into_iter().zip(labels) {
        let max = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        row.mapv_inplace(|v| (v - max).exp());
        let sum = row.sum();
        total += sum.ln() - row[label].ln();
        // d loss / d logits = (softmax - onehot) / n
        row.mapv_inplace(|v| v / sum / n);
        row[label] -= 1.0 / n;
    }
    let dw2 = h.t().dot(&dlogits);
    let db2 = dlogits.sum_axis(Axis(0));
    let mut dz1 = dlogits.dot(&p.w2.t());
    Zip::from(&mut dz1).and(&z1).for_each(|d, &z| {
        if z <= 0.0 {
            *d = 0.0;
        }
    });
    let dw1 = x.t().dot(&dz1);
    let db1 = dz1.sum_axis(Axis(0));
    (
        total / n,
        Mlp {
            w1: dw1,
            b1: db1,
            w2: dw2,
            b2: db2,
        },
    )
}

/// Largest difference between two gradients, relative to the largest entry of each array.
fn max_rel_diff(a: &Mlp, b: &Mlp) -> f64 {
    fn one<'a>(a: impl Iterator<Item = &'a f64> + Clone, b: impl Iterator<Item = &'a f64>) -> f64 {
        let scale = a.clone().fold(1e-300_f64, |m, v| m.max(v.abs()));
        a.zip(b)
            .map(|(x, y)| (x - y).abs() / scale)
            .fold(0.0, f64::max)
    }
    [
        one(a.w1.iter(), b.w1.iter()),
        one(a.b1.iter(), b.b1.iter()),
        one(a.w2.iter(), b.w2.iter()),
        one(a.b2.iter(), b.b2.iter()),
    ]
    .into_iter()
    .fold(0.0, f64::max)
}

/// Compares the generated gradient with the hand-written one, and both with central finite
/// differences along a few random directions (`⟨∇L, t⟩ ≈ (L(θ + εt) - L(θ - εt)) / 2ε`).
fn check_gradients(p: &Mlp, x: &Array2<f64>, labels: &[usize], rng: &mut Rng) {
    let (v_gen, g_gen) = p.loss_grad(x, labels);
    let (v_hand, g_hand) = loss_grad_by_hand(p, x, labels);
    let v = p.loss(x, labels);
    let diff = max_rel_diff(&g_gen, &g_hand);
    println!(
        "  loss {v:.12}: generated {v_gen:.12}, hand-written {v_hand:.12}; \
         gradients differ by at most {diff:.1e} (relative)"
    );
    assert!(
        (v_gen - v).abs() <= 1e-12 * v.abs(),
        "generated loss differs from the primal"
    );
    assert!(
        diff <= 1e-10,
        "generated gradient disagrees with the hand-written one"
    );
    let eps = 1e-5;
    for _ in 0..3 {
        // A random direction, and the parameters moved along it (`VectorSpace` ops).
        let t = Mlp::init(rng);
        let shifted = |s: f64| {
            let mut q = p.clone();
            q.add_scaled(s, &t);
            q.loss(x, labels)
        };
        let fd = (shifted(eps) - shifted(-eps)) / (2.0 * eps);
        let (d_gen, d_hand) = (g_gen.inner(&t), g_hand.inner(&t));
        println!(
            "  directional derivative: generated {d_gen:.9}, hand-written {d_hand:.9}, finite differences {fd:.9}"
        );
        assert!(
            (d_gen - fd).abs() <= 1e-6 * fd.abs().max(1.0),
            "generated gradient disagrees with finite differences"
        );
    }
}

// ---- data --------------------------------------------------------------------------------------

/// Reads `digits.csv.gz`: 64 pixel values in 0..=16 then the label, per row. Returns the
/// pixels scaled to [0, 1], one image per row, and the labels.
fn load_digits(path: &Path) -> Result<(Array2<f64>, Vec<usize>), Box<dyn Error>> {
    let gz = flate2::read::GzDecoder::new(BufReader::new(File::open(path)?));
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(gz);
    let (mut pixels, mut labels) = (Vec::new(), Vec::new());
    for record in reader.records() {
        let record = record?;
        if record.len() != INPUTS + 1 {
            return Err(format!("expected {} columns, found {}", INPUTS + 1, record.len()).into());
        }
        for field in record.iter().take(INPUTS) {
            pixels.push(field.parse::<f64>()? / 16.0);
        }
        let label: usize = record[INPUTS].parse()?;
        if label >= CLASSES {
            return Err(format!("label {label} out of range").into());
        }
        labels.push(label);
    }
    Ok((
        Array2::from_shape_vec((labels.len(), INPUTS), pixels)?,
        labels,
    ))
}

/// SplitMix64: a small seeded generator, so every run shuffles and initialises alike.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let (u1, u2) = (self.uniform(), self.uniform());
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// Fisher–Yates shuffle.
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// The gradient of the mean loss over the batch `(x, labels)`, by `threads` shards run on
/// `pool` (one shard: the plain `loss_grad`). Shard `s` of `n_s` rows contributes
/// `(n_s / n) ∇L_s`, summed in shard order.
fn batch_grad(
    p: &Mlp,
    x: &Array2<f64>,
    labels: &[usize],
    threads: usize,
    pool: &rayon::ThreadPool,
) -> (f64, Mlp) {
    let n = labels.len();
    // On the pool's thread even for one shard: glibc's main-thread heap gives freed memory back
    // to the system and takes it again on every call (page faults), worker threads' heaps do
    // not, so one thread in the pool is about twice as fast as the main thread here, and the
    // comparison between 1 and `N` threads is fair.
    if threads <= 1 || n < 2 * threads {
        return pool.install(|| p.loss_grad(x, labels));
    }
    let shard = n.div_ceil(threads);
    let parts: Vec<(f64, Mlp, usize)> = pool.install(|| {
        (0..threads)
            .into_par_iter()
            .filter_map(|t| {
                let (lo, hi) = (t * shard, ((t + 1) * shard).min(n));
                (lo < hi).then(|| {
                    let xs = x.slice(s![lo..hi, ..]).to_owned();
                    let (l, g) = p.loss_grad(&xs, &labels[lo..hi]);
                    (l, g, hi - lo)
                })
            })
            .collect()
    });
    let mut parts = parts.into_iter();
    let (l0, mut g, n0) = parts.next().expect("at least one shard");
    let w0 = n0 as f64 / n as f64;
    g.scale_by(w0);
    let mut loss = w0 * l0;
    for (l, gs, ns) in parts {
        let w = ns as f64 / n as f64;
        g.add_scaled(w, &gs);
        loss += w * l;
    }
    (loss, g)
}

/// One epoch of Adam over `order` in batches of `batch`, gradients by [`batch_grad`]; the
/// mean batch loss.
#[allow(clippy::too_many_arguments)]
fn epoch(
    params: &mut Mlp,
    adam: &mut Adam<Mlp>,
    x: &Array2<f64>,
    y: &[usize],
    order: &[usize],
    batch: usize,
    threads: usize,
    pool: &rayon::ThreadPool,
) -> f64 {
    let (mut sum, mut batches) = (0.0, 0);
    for idx in order.chunks(batch) {
        let xb = x.select(Axis(0), idx);
        let yb: Vec<usize> = idx.iter().map(|&i| y[i]).collect();
        let (l, g) = batch_grad(params, &xb, &yb, threads, pool);
        adam.step(params, &g);
        sum += l;
        batches += 1;
    }
    sum / batches as f64
}

/// The value after `--name` on the command line, parsed, or `default`.
fn arg<T: std::str::FromStr>(name: &str, default: T) -> T {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|k| args.get(k + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> Result<(), Box<dyn Error>> {
    let check_only = std::env::args().any(|a| a == "--check");
    let speedup = std::env::args().any(|a| a == "--speedup");
    let threads: usize = arg("--threads", 1).max(1);
    let batch: usize = arg("--batch", BATCH).max(1);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/digits.csv.gz");
    let (x, y) = load_digits(&path)?;
    let mut rng = Rng(SEED);

    // 80/20 split of a seeded shuffle.
    let mut order: Vec<usize> = (0..y.len()).collect();
    rng.shuffle(&mut order);
    let n_train = y.len() * 4 / 5;
    let (train_idx, test_idx) = order.split_at(n_train);
    let x_train = x.select(Axis(0), train_idx);
    let y_train: Vec<usize> = train_idx.iter().map(|&i| y[i]).collect();
    let x_test = x.select(Axis(0), test_idx);
    let y_test: Vec<usize> = test_idx.iter().map(|&i| y[i]).collect();
    println!(
        "digits: {} images of {INPUTS} pixels, {} for training, {} for testing",
        y.len(),
        y_train.len(),
        y_test.len()
    );

    let mut params = Mlp::init(&mut rng);
    println!("checking the generated gradient on one batch of {BATCH}:");
    let (xb, yb) = (
        x_train.select(Axis(0), &(0..BATCH).collect::<Vec<_>>()),
        &y_train[..BATCH],
    );
    check_gradients(&params, &xb, yb, &mut rng);
    if check_only {
        return Ok(());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    {
        // The sharded gradient is the full batch's (up to rounding).
        let (l1, g1) = params.loss_grad(&xb, yb);
        let (l2, g2) = batch_grad(&params, &xb, yb, threads.max(2), &pool);
        let diff = max_rel_diff(&g1, &g2);
        println!(
            "  sharded over {} threads: loss {l2:.12} (one thread {l1:.12}), gradients differ by at most {diff:.1e} (relative)",
            threads.max(2)
        );
        assert!(diff <= 1e-10, "sharded gradient disagrees");
    }
    if speedup {
        return time_threads(&params, &x_train, &y_train, &mut rng);
    }

    println!(
        "training a {INPUTS}-{HIDDEN}-{CLASSES} perceptron: Adam, learning rate {LEARNING_RATE}, \
         batches of {batch}, {EPOCHS} epochs, {threads} thread(s)"
    );
    println!(
        "{:>5}  {:>9}  {:>9}  {:>9}  {:>8}",
        "epoch", "loss", "train acc", "test acc", "time"
    );
    let mut adam = Adam::new(&params, LEARNING_RATE);
    let start = Instant::now();
    let mut order: Vec<usize> = (0..y_train.len()).collect();
    for epoch_no in 1..=EPOCHS {
        rng.shuffle(&mut order);
        let mean = epoch(
            &mut params,
            &mut adam,
            &x_train,
            &y_train,
            &order,
            batch,
            threads,
            &pool,
        );
        println!(
            "{epoch_no:>5}  {:>9.5}  {:>8.2}%  {:>8.2}%  {:>7.2?}",
            mean,
            100.0 * params.accuracy(&x_train, &y_train),
            100.0 * params.accuracy(&x_test, &y_test),
            start.elapsed()
        );
    }
    let test_acc = params.accuracy(&x_test, &y_test);
    println!(
        "final test accuracy: {:.2}% ({} of {} images) after {:.2?} of training",
        100.0 * test_acc,
        (test_acc * y_test.len() as f64).round(),
        y_test.len(),
        start.elapsed()
    );
    Ok(())
}

/// `--speedup`: one epoch of training at 1 and at 2 threads for several batch sizes, up to
/// the whole training set in one batch (the median of 9 epochs each, interleaved), printed as
/// a table.
fn time_threads(
    params: &Mlp,
    x: &Array2<f64>,
    y: &[usize],
    rng: &mut Rng,
) -> Result<(), Box<dyn Error>> {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "time per epoch ({} training images, {cpus} logical CPUs; median of 9):",
        y.len()
    );
    println!("| batch | 1 thread | 2 threads | speed-up |");
    println!("| ---: | ---: | ---: | ---: |");
    let pools = [
        rayon::ThreadPoolBuilder::new().num_threads(1).build()?,
        rayon::ThreadPoolBuilder::new().num_threads(2).build()?,
    ];
    let mut order: Vec<usize> = (0..y.len()).collect();
    rng.shuffle(&mut order);
    for batch in [32, 128, 512, y.len()] {
        let mut times = [Vec::new(), Vec::new()];
        for _ in 0..9 {
            for (k, threads) in [1usize, 2].into_iter().enumerate() {
                let mut p = params.clone();
                let mut adam = Adam::new(&p, LEARNING_RATE);
                let t = Instant::now();
                epoch(&mut p, &mut adam, x, y, &order, batch, threads, &pools[k]);
                times[k].push(t.elapsed().as_secs_f64());
            }
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (t1, t2) = (median(&mut times[0]), median(&mut times[1]));
        println!(
            "| {batch} | {:.1} ms | {:.1} ms | {:.2}x |",
            t1 * 1e3,
            t2 * 1e3,
            t1 / t2
        );
    }
    Ok(())
}
