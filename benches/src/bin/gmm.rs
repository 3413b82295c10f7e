//! GMM (ADBench / gradbench `gmm`): times the objective, the generated gradient, the
//! hand-written ("manual") gradient and three runtime-tape reverse-mode peers (the crates
//! `reverse` 0.2, `echidna` 0.15 and `RustQuant_autodiff` 0.4) for N = 1000 and a subset of
//! gradbench's D × K grid, and prints a markdown table with the ratios gradient / objective
//! (the number gradbench reports), generated / manual and peer / generated, then the median
//! ratios across sizes next to gradbench's published ones.
//!
//! ```text
//! cargo run --release --manifest-path benches/Cargo.toml --bin gmm [REPS] [D,K ...]
//! ```
//!
//! Defaults: 9 repetitions; sizes (2,5) (2,25) (10,5) (10,25) (20,5) (20,25) (32,5) (32,25)
//! (64,5) (64,25) (64,100). The functions are timed interleaved (objective, generated,
//! generated (split), manual, then the peers reverse, echidna, RustQuant, then objective
//! again, ...), each sample repeating the call to last at least `MIN_SAMPLE`; every input is
//! first checked (both generated gradients, and each peer where it is timed, equal the manual
//! one to 1e-8 relative).
//!
//! Two generated gradients are timed: of [`gmm_objective`] (the objective written as a user
//! would, close to gradbench's C++) and of [`gmm_objective_split`] (the same function
//! restructured around costs earlier versions of the macro had; see its documentation). All
//! ratios use the one objective [`gmm_objective`] as denominator, and the peer ratios the
//! generated gradient of [`gmm_objective`]. The "peak heap" columns are the largest number of
//! heap bytes live at once during one call beyond those live before it (a counting global
//! allocator), i.e. the tape and the gradient buffers, measured after freeing the tape memory
//! that earlier calls left for reuse (`ad_runtime::tape::release_cache`).
//!
//! The peers ([`ad_benches::gmm_peers`]) write the same objective on their own runtime tape,
//! which grows by about `1.5 D²` nodes per point and component. They are timed only where
//! `N K D² <= PEER_MAX_WORK` (2.6·10⁷, i.e. up to (32,25) and (64,5) at N = 1000), where one
//! gradient of the slowest peer takes about 1 s (its tape about 1 GB) on the 2-core machine
//! this was written on; the default run then takes about 100 s in all. Elsewhere their columns
//! print "—" (at (64,100) the `reverse` tape alone would need some 20 GB). The medians of peer
//! ratios are over the sizes where the peers were timed.
//!
//! [`gmm_objective`]: ad_benches::gmm::gmm_objective
//! [`gmm_objective_split`]: ad_benches::gmm::gmm_objective_split

use std::hint::black_box;
use std::time::{Duration, Instant};

use ad_benches::gmm::{GmmInput, gmm_check_agreement, gmm_input};
use ad_benches::gmm_peers::gmm_peers_check_agreement;
use ad_benches::measure::{CountingAlloc, calibrate, median, time_per_call, with_peak_heap};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const N: usize = 1000;
const DEFAULT_SIZES: [(usize, usize); 11] = [
    (2, 5),
    (2, 25),
    (10, 5),
    (10, 25),
    (20, 5),
    (20, 25),
    (32, 5),
    (32, 25),
    (64, 5),
    (64, 25),
    (64, 100),
];
const MIN_SAMPLE: Duration = Duration::from_millis(20);
/// The peers are timed only when `N K D²` (their tape grows like it) is at most this.
const PEER_MAX_WORK: usize = 26_000_000;
/// Names of the runtime-tape peers, in the order of their columns.
const PEERS: [&str; 3] = ["reverse", "echidna", "RustQuant"];

/// gradbench nightly, gmm, N = 1000, 25 sizes: median gradient / objective time per tool.
const PUBLISHED: [(&str, f64); 5] = [
    ("manual", 2.22),
    ("tapenade", 3.17),
    ("enzyme", 6.91),
    ("jax", 3.23),
    ("pytorch", 3.47),
];

fn fmt_time(s: f64) -> String {
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.2} ms", s * 1e3)
    } else {
        format!("{:.1} µs", s * 1e6)
    }
}

fn fmt_bytes(b: usize) -> String {
    let b = b as f64;
    if b >= (1u64 << 30) as f64 {
        format!("{:.2} GiB", b / (1u64 << 30) as f64)
    } else if b >= (1 << 20) as f64 {
        format!("{:.1} MiB", b / (1 << 20) as f64)
    } else {
        format!("{:.0} KiB", b / 1024.0)
    }
}

/// Median seconds per call: objective, generated, generated (split), manual; and, if `peers`,
/// the peers `reverse`, `echidna`, `RustQuant` (timed in the same interleaved loop).
fn bench(inp: &GmmInput, reps: usize, peers: bool) -> ([f64; 4], Option<[f64; 3]>) {
    let mut obj = || black_box(inp).objective();
    let mut gen_ = || black_box(inp).grad_generated();
    let mut split = || black_box(inp).grad_generated_split();
    let mut man = || black_box(inp).grad_manual();
    let mut rev = || black_box(inp).grad_reverse();
    let mut ech = || black_box(inp).grad_echidna();
    let mut rq = || black_box(inp).grad_rustquant();
    let io = calibrate(MIN_SAMPLE, &mut obj);
    let ig = calibrate(MIN_SAMPLE, &mut gen_);
    let is = calibrate(MIN_SAMPLE, &mut split);
    let im = calibrate(MIN_SAMPLE, &mut man);
    let ip = peers.then(|| {
        [
            calibrate(MIN_SAMPLE, &mut rev),
            calibrate(MIN_SAMPLE, &mut ech),
            calibrate(MIN_SAMPLE, &mut rq),
        ]
    });
    let mut t: [Vec<f64>; 4] = Default::default();
    let mut tp: [Vec<f64>; 3] = Default::default();
    for _ in 0..reps {
        t[0].push(time_per_call(io, &mut obj));
        t[1].push(time_per_call(ig, &mut gen_));
        t[2].push(time_per_call(is, &mut split));
        t[3].push(time_per_call(im, &mut man));
        if let Some([ir, ie, iq]) = ip {
            tp[0].push(time_per_call(ir, &mut rev));
            tp[1].push(time_per_call(ie, &mut ech));
            tp[2].push(time_per_call(iq, &mut rq));
        }
    }
    (
        t.map(|mut v| median(&mut v)),
        peers.then(|| tp.map(|mut v| median(&mut v))),
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let reps: usize = args
        .next()
        .map(|a| a.parse().expect("REPS must be a positive integer"))
        .unwrap_or(9);
    assert!(reps > 0, "REPS must be positive");
    let sizes: Vec<(usize, usize)> = {
        let v: Vec<_> = args
            .map(|a| {
                let (d, k) = a.split_once(',').expect("sizes are D,K");
                (d.parse().expect("D"), k.parse().expect("K"))
            })
            .collect();
        if v.is_empty() {
            DEFAULT_SIZES.to_vec()
        } else {
            v
        }
    };

    println!(
        "| D | K | objective | generated | generated (split) | manual | reverse | echidna | RustQuant \
         | generated / objective | split / objective | manual / objective \
         | reverse / objective | echidna / objective | RustQuant / objective \
         | generated / manual | split / manual \
         | reverse / generated | echidna / generated | RustQuant / generated \
         | peak heap: generated | split | manual |"
    );
    println!("|{}", " ---: |".repeat(23));
    let mut ratios: [Vec<f64>; 5] = Default::default();
    // Per peer: peer / objective and peer / generated, over the sizes where it was timed.
    let mut peer_ratios: [[Vec<f64>; 2]; 3] = Default::default();
    let start = Instant::now();
    for &(d, k) in &sizes {
        let inp = gmm_input(d, k, N);
        let peers = N * k * d * d <= PEER_MAX_WORK;
        gmm_check_agreement(&inp);
        if peers {
            gmm_peers_check_agreement(&inp);
        }
        // Tape memory kept for reuse by earlier calls (see `ad_runtime::tape`) is freed first,
        // so each figure is what one call needs from the allocator.
        let heap = [
            {
                ad_runtime::tape::release_cache();
                with_peak_heap(|| inp.grad_generated()).1
            },
            {
                ad_runtime::tape::release_cache();
                with_peak_heap(|| inp.grad_generated_split()).1
            },
            with_peak_heap(|| inp.grad_manual()).1,
        ];
        let ([o, g, s, m], tp) = bench(&inp, reps, peers);
        let r = [g / o, s / o, m / o, g / m, s / m];
        for (acc, v) in ratios.iter_mut().zip(r) {
            acc.push(v);
        }
        let dash = || "—".to_string();
        let (p_time, p_obj, p_gen): (Vec<String>, Vec<String>, Vec<String>) = match tp {
            Some(tp) => {
                for (acc, &p) in peer_ratios.iter_mut().zip(&tp) {
                    acc[0].push(p / o);
                    acc[1].push(p / g);
                }
                (
                    tp.iter().map(|&p| fmt_time(p)).collect(),
                    tp.iter().map(|&p| format!("{:.2}", p / o)).collect(),
                    tp.iter().map(|&p| format!("{:.1}", p / g)).collect(),
                )
            }
            None => (vec![dash(); 3], vec![dash(); 3], vec![dash(); 3]),
        };
        println!(
            "| {d} | {k} | {} | {} | {} | {} | {} | {:.2} | {:.2} | {:.2} | {} | {:.2} | {:.2} | {} | {} | {} | {} |",
            fmt_time(o),
            fmt_time(g),
            fmt_time(s),
            fmt_time(m),
            p_time.join(" | "),
            r[0],
            r[1],
            r[2],
            p_obj.join(" | "),
            r[3],
            r[4],
            p_gen.join(" | "),
            fmt_bytes(heap[0]),
            fmt_bytes(heap[1]),
            fmt_bytes(heap[2]),
        );
    }
    let [mut rg, mut rs, mut rm, mut rgm, mut rsm] = ratios;
    println!();
    println!(
        "N = {N}; medians of {reps} interleaved samples, each >= {} ms; {} logical CPUs; {:.0} s in all.",
        MIN_SAMPLE.as_millis(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        start.elapsed().as_secs_f64()
    );
    println!();
    println!(
        "| gradient / objective, median over sizes | this run ({} sizes) | gradbench nightly (N = 1000, 25 sizes) |",
        sizes.len()
    );
    println!("| --- | ---: | ---: |");
    println!(
        "| ad, generated (`gmm_objective_grad`) | {:.2} | |",
        median(&mut rg)
    );
    println!(
        "| ad, generated (`gmm_objective_split_grad`) | {:.2} | |",
        median(&mut rs)
    );
    println!("| manual (`gmm_grad_manual`) | {:.2} | |", median(&mut rm));
    let timed = peer_ratios[0][0].len();
    for (name, [po, _]) in PEERS.iter().zip(peer_ratios.iter_mut()) {
        if timed > 0 {
            println!(
                "| {name} (runtime tape; {timed} of {} sizes) | {:.2} | |",
                sizes.len(),
                median(po)
            );
        }
    }
    for (tool, v) in PUBLISHED {
        println!("| {tool} | | {v:.2} |");
    }
    println!();
    println!(
        "median generated / manual: {:.2}; split / manual: {:.2}",
        median(&mut rgm),
        median(&mut rsm)
    );
    if timed > 0 {
        let peer_gen: Vec<String> = PEERS
            .iter()
            .zip(peer_ratios.iter_mut())
            .map(|(name, [_, pg])| format!("{name} / generated: {:.1}", median(pg)))
            .collect();
        println!(
            "median over the {timed} sizes with N K D² <= {PEER_MAX_WORK} (peers timed): {}",
            peer_gen.join("; ")
        );
    } else {
        println!("peers not timed (N K D² > {PEER_MAX_WORK} at every size)");
    }
}
