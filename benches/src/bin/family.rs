//! Times a family of small networks (issue 17): for each, the primal, the gradient generated
//! by `#[differentiable]` and a hand-written backward pass (`ad_benches::family`), and prints
//! markdown tables of times and ratios.
//!
//!   cargo run --release --manifest-path benches/Cargo.toml --bin family [REPS] [--check]
//!       [--only SUBSTRING] [--spin generated|hand|primal SECONDS]
//!   cargo run --release --manifest-path benches/Cargo.toml --features candle-peer --bin family
//!
//! With `candle-peer` (or `tensor-peers`) a third table compares every network with candle
//! 0.11 on the CPU (`ad_benches::family::candle`), its rayon pool pinned to one thread unless
//! `RAYON_NUM_THREADS` is set.
//!
//! Before anything is timed, every network's generated gradient is checked against its
//! hand-written one (values to 1e-12, gradients to 1e-9 relative); with `--check`, each
//! hand-written gradient is also checked entry by entry against central differences of the
//! primal (a few entries of every parameter). Each network's three calls are timed
//! interleaved (one sample of each in turn, `REPS` rounds, default 30) so that background
//! load hits all alike; each sample repeats the call for at least 2 ms. Two tables: medians,
//! then best samples. One thread: ndarray's matrix product is single-threaded here.
//!
//! `--only` keeps the networks whose name contains the substring; `--spin` runs one of the
//! three calls of those networks in a loop for the given seconds and times nothing (for a
//! profiler: `perf record -- family --only layer --spin generated 5`).

use std::time::Duration;

use ad_benches::family::{self, Network, check_agreement, fd_spot_check};
use ad_benches::measure::{calibrate, median, time_per_call};

const MIN_SAMPLE: Duration = Duration::from_millis(2);
/// Entries per parameter checked against central differences with `--check`.
const FD_ENTRIES: usize = 6;

fn fmt_time(s: f64) -> String {
    if s >= 1e-3 {
        format!("{:.3} ms", s * 1e3)
    } else {
        format!("{:.1} µs", s * 1e6)
    }
}

/// Seconds per call of primal, generated and hand-written gradient: medians and best samples.
struct Row {
    median: [f64; 3],
    best: [f64; 3],
}

/// Samples the three calls interleaved, `reps` rounds, each sample at least [`MIN_SAMPLE`].
fn time_interleaved(reps: usize, fs: &mut [&mut dyn FnMut(); 3]) -> Row {
    let iters: Vec<u32> = fs.iter_mut().map(|f| calibrate(MIN_SAMPLE, f)).collect();
    let mut samples = vec![Vec::with_capacity(reps); 3];
    for _ in 0..reps {
        for ((f, &n), s) in fs.iter_mut().zip(&iters).zip(&mut samples) {
            s.push(time_per_call(n, f));
        }
    }
    let best = |s: &[f64]| s.iter().copied().fold(f64::INFINITY, f64::min);
    Row {
        best: [best(&samples[0]), best(&samples[1]), best(&samples[2])],
        median: [
            median(&mut samples[0]),
            median(&mut samples[1]),
            median(&mut samples[2]),
        ],
    }
}

/// The markdown table of one statistic (`pick`) of every row.
fn print_table(nets: &[Box<dyn Network>], rows: &[Row], pick: impl Fn(&Row) -> &[f64; 3]) {
    println!(
        "| network | primal | generated grad | hand-written grad | generated / hand-written | grad / primal |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (net, row) in nets.iter().zip(rows) {
        let [p, g, h] = *pick(row);
        println!(
            "| {} | {} | {} | {} | {:.2}x | {:.2}x |",
            net.name(),
            fmt_time(p),
            fmt_time(g),
            fmt_time(h),
            g / h,
            g / p
        );
    }
}

fn main() {
    let mut reps = 30usize;
    let mut fd = false;
    let mut only = String::new();
    let mut spin: Option<(String, f64)> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--check" {
            fd = true;
        } else if a == "--only" {
            only = args.next().expect("--only SUBSTRING");
        } else if a == "--spin" {
            let which = args.next().expect("--spin generated|hand|primal SECONDS");
            let secs = args.next().and_then(|s| s.parse().ok());
            spin = Some((which, secs.expect("--spin generated|hand|primal SECONDS")));
        } else {
            reps = a
                .parse()
                .expect("usage: family [REPS] [--check]; REPS a positive integer");
        }
    }
    assert!(reps > 0, "REPS must be positive");

    #[cfg(any(feature = "candle-peer", feature = "tensor-peers"))]
    if std::env::var_os("RAYON_NUM_THREADS").is_none() {
        // SAFETY: before any other thread exists (only the argument parsing came before).
        unsafe { std::env::set_var("RAYON_NUM_THREADS", "1") };
    }
    let mut nets = family::all(42);
    nets.retain(|n| n.name().contains(&only));
    if let Some((which, secs)) = spin {
        spin_loop(&nets, &which, secs);
        return;
    }
    for net in &nets {
        let a = check_agreement(net.as_ref());
        let fd_note = if fd {
            format!(
                "; hand-written vs central differences {:.1e}",
                fd_spot_check(net.as_ref(), FD_ENTRIES, 7)
            )
        } else {
            String::new()
        };
        eprintln!(
            "checked {}: values {:.1e} (generated), {:.1e} (hand-written) from the primal; gradients {:.1e}{fd_note}",
            net.name(),
            a.generated_value,
            a.hand_value,
            a.gradient
        );
    }

    let rows: Vec<Row> = nets
        .iter()
        .map(|net| {
            time_interleaved(
                reps,
                &mut [
                    &mut || net.run_primal(),
                    &mut || net.run_generated(),
                    &mut || net.run_hand(),
                ],
            )
        })
        .collect();
    print_table(&nets, &rows, |r| &r.median);
    println!();
    println!("best samples (steadier than the medians when other work shares the machine):");
    println!();
    print_table(&nets, &rows, |r| &r.best);
    #[cfg(any(feature = "candle-peer", feature = "tensor-peers"))]
    candle_table(&nets, reps);
    println!();
    println!(
        "medians (first table) and best (second) of {reps} interleaved samples per cell, each \
         >= {} ms; grad / primal is the generated gradient over the primal; one thread; {} \
         logical CPUs",
        MIN_SAMPLE.as_millis(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
}

/// Runs one call (`which`: `primal`, `generated` or `hand`) of each network for `secs`
/// seconds, untimed, for a profiler.
fn spin_loop(nets: &[Box<dyn Network>], which: &str, secs: f64) {
    for net in nets {
        let start = std::time::Instant::now();
        while start.elapsed().as_secs_f64() < secs {
            match which {
                "primal" => net.run_primal(),
                "generated" => net.run_generated(),
                "hand" => net.run_hand(),
                _ => panic!("--spin takes primal, generated or hand"),
            }
        }
    }
}

/// Every network against candle 0.11 (CPU, pinned to one thread), each paired with its
/// candle version by name: each candle loss and gradient is checked against the hand-written
/// ones (loss to `1e-10` relative, gradient to `Peer::rtol`), then the generated, hand-written
/// and candle gradients are timed interleaved; medians.
#[cfg(any(feature = "candle-peer", feature = "tensor-peers"))]
fn candle_table(nets: &[Box<dyn Network>], reps: usize) {
    use ad_benches::family::candle::{self, Peer};
    use ad_benches::family::max_rel_diff;

    let all = candle::all(42).expect("candle set-up");
    let mut peers: Vec<&dyn Peer> = Vec::with_capacity(nets.len());
    for net in nets {
        let peer = all
            .iter()
            .find(|p| p.name() == net.name())
            .unwrap_or_else(|| panic!("{}: no candle version", net.name()));
        let (v, g) = net.hand();
        let (vc, gc) = peer.grad().expect("candle gradient");
        let dv = (vc - v).abs() / v.abs();
        assert!(
            dv <= 1e-10,
            "{}: candle loss {vc} differs from the hand-written {v}",
            net.name()
        );
        let d = max_rel_diff(&g, &gc);
        assert!(
            d <= peer.rtol(),
            "{}: candle gradient differs from the hand-written one by {d:e}",
            net.name()
        );
        eprintln!(
            "checked {} in candle: loss {dv:.1e} from the hand-written; gradient {d:.1e} (accepted up to {:.0e})",
            net.name(),
            peer.rtol()
        );
        peers.push(peer.as_ref());
    }
    println!();
    println!("against candle 0.11 (CPU, one thread), medians:");
    println!();
    println!(
        "| network | generated grad | hand-written grad | candle grad | candle / generated | candle / hand-written |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (net, peer) in nets.iter().zip(peers) {
        let row = time_interleaved(
            reps,
            &mut [
                &mut || net.run_generated(),
                &mut || net.run_hand(),
                &mut || {
                    std::hint::black_box(peer.grad_native().expect("candle gradient"));
                },
            ],
        );
        let [g, h, c] = row.median;
        println!(
            "| {} | {} | {} | {} | {:.2}x | {:.2}x |",
            net.name(),
            fmt_time(g),
            fmt_time(h),
            fmt_time(c),
            c / g,
            c / h
        );
    }
}
