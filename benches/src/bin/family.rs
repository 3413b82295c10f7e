//! Times a family of small networks (issue 17): for each, the primal, the gradient generated
//! by `#[differentiable]` and a hand-written backward pass (`ad_benches::family`), and prints
//! a markdown table of medians and ratios.
//!
//!   cargo run --release --manifest-path benches/Cargo.toml --bin family [REPS] [--check]
//!
//! Before anything is timed, every network's generated gradient is checked against its
//! hand-written one (values to 1e-12, gradients to 1e-9 relative); with `--check`, each
//! hand-written gradient is also checked entry by entry against central differences of the
//! primal (a few entries of every parameter). Each network's three calls are timed
//! interleaved (one sample of each in turn, `REPS` rounds, default 30) so that background
//! load hits all alike; each sample repeats the call for at least 2 ms. One thread: ndarray's
//! matrix product is single-threaded here.

use std::time::Duration;

use ad_benches::family::{self, check_agreement, fd_spot_check};
use ad_benches::measure::interleaved;

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

fn main() {
    let mut reps = 30usize;
    let mut fd = false;
    for a in std::env::args().skip(1) {
        if a == "--check" {
            fd = true;
        } else {
            reps = a
                .parse()
                .expect("usage: family [REPS] [--check]; REPS a positive integer");
        }
    }
    assert!(reps > 0, "REPS must be positive");

    let nets = family::all(42);
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

    println!("| network | primal | generated grad | hand-written grad | generated / hand-written | grad / primal |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for net in &nets {
        let t = interleaved(
            reps,
            MIN_SAMPLE,
            &mut [
                &mut || net.run_primal(),
                &mut || net.run_generated(),
                &mut || net.run_hand(),
            ],
        );
        println!(
            "| {} | {} | {} | {} | {:.2}x | {:.2}x |",
            net.name(),
            fmt_time(t[0]),
            fmt_time(t[1]),
            fmt_time(t[2]),
            t[1] / t[2],
            t[1] / t[0]
        );
    }
    println!();
    println!(
        "medians of {reps} interleaved samples per cell, each >= {} ms; grad / primal is the \
         generated gradient over the primal; one thread; {} logical CPUs",
        MIN_SAMPLE.as_millis(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
}
