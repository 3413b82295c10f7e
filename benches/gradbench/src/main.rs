//! A gradbench tool: answers gradbench's JSON protocol (one message per line on stdin, one
//! response per line on stdout; see gradbench's `CONTRIBUTING.md`, "Protocol") for the
//! modules
//!
//! - `gmm`: `objective` is [`gmm::gmm_objective`] and `jacobian` its macro-generated
//!   gradient [`gmm::gmm_objective_grad`], both from `benches/src/gmm.rs` itself (included by
//!   `#[path]`, so this is the code `cargo run --bin gmm` times);
//! - `lse`: `primal` is [`gmm::logsumexp`] and `gradient` its generated
//!   [`gmm::logsumexp_grad`].
//!
//! Timing follows gradbench's C++ tools (`cpp/gradbench/main.hpp`): the input is converted
//! from JSON before the clock starts, the function is called at least `min_runs` times and
//! until the timed calls add up to `min_seconds`, each call is reported as one `"evaluate"`
//! timing, and the output of the last call is converted to JSON afterwards. A timed call
//! includes whatever the function allocates (the gradient vectors; the C++ `manual` tool
//! likewise resizes its output vectors inside its timed `compute`).
//!
//! Experiment switch: with `AD_GRADBENCH_FTZ=1` in the environment the tool sets the x86
//! MXCSR flush-to-zero and denormals-are-zero bits at start-up, so subnormal results and
//! operands count as zero (changes results in the last bits where subnormals occur; only for
//! measuring what subnormals cost).

// `benches/src/gmm.rs` also holds the split variant, the naive objective and test helpers
// that this tool does not call.
#[allow(dead_code)]
#[path = "../../src/gmm.rs"]
mod gmm;

use std::hint::black_box;
use std::io::{BufRead, Write};
use std::time::Instant;

use serde::Deserialize;
use serde_json::{Value, json};

/// Component-wise relative difference; `gmm.rs`'s agreement check refers to it as
/// `crate::max_rel_diff` (it lives in the benchmark library's root, which this crate does
/// not include).
fn max_rel_diff(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len(), "gradients of different lengths");
    a.iter()
        .zip(b)
        .map(|(&p, &q)| (p - q).abs() / p.abs().max(q.abs()).max(1.0))
        .fold(0.0, f64::max)
}

/// The repetition demands every gradbench input carries (`Runs` in its protocol types).
#[derive(Deserialize)]
struct Runs {
    #[serde(default = "one")]
    min_runs: usize,
    #[serde(default)]
    min_seconds: f64,
}

fn one() -> usize {
    1
}

/// The `gmm` eval's input (gradbench `evals/gmm/README.md`): `mu`, `q`, `l`, `x` one row per
/// component or point.
#[derive(Deserialize)]
struct GmmJson {
    d: usize,
    k: usize,
    n: usize,
    alpha: Vec<f64>,
    mu: Vec<Vec<f64>>,
    q: Vec<Vec<f64>>,
    l: Vec<Vec<f64>>,
    x: Vec<Vec<f64>>,
    m: usize,
    gamma: f64,
    #[serde(flatten)]
    runs: Runs,
}

#[derive(Deserialize)]
struct LseJson {
    x: Vec<f64>,
    #[serde(flatten)]
    runs: Runs,
}

/// Calls `f` at least `runs.min_runs` times and until the timed calls add up to
/// `runs.min_seconds` (as `function_main` in gradbench's `cpp/gradbench/main.hpp`); returns
/// the last result and one nanosecond count per call. The previous result is dropped
/// outside the timed region.
fn repeat<T>(runs: &Runs, mut f: impl FnMut() -> T) -> (T, Vec<u64>) {
    let mut times = Vec::new();
    let mut elapsed = 0.0;
    let mut last = None;
    while times.len() < runs.min_runs.max(1) || elapsed < runs.min_seconds {
        let start = Instant::now();
        let out = black_box(f());
        let ns = start.elapsed().as_nanos() as u64;
        times.push(ns);
        elapsed += ns as f64 * 1e-9;
        last = Some(out);
    }
    (last.expect("at least one run"), times)
}

/// Rows of `width` (positive) from a flat row-major buffer.
fn rows(v: &[f64], width: usize) -> Vec<&[f64]> {
    v.chunks_exact(width).collect()
}

fn gmm_evaluate(function: &str, input: &Value) -> Result<(Value, Vec<u64>), String> {
    let g: GmmJson = serde_json::from_value(input.clone()).map_err(|e| e.to_string())?;
    let (d, k, n) = (g.d, g.k, g.n);
    if d == 0 || k == 0 {
        return Err("gmm: d and k must be positive".into());
    }
    let l_sz = d * (d.saturating_sub(1)) / 2;
    if g.alpha.len() != k || g.mu.len() != k || g.q.len() != k || g.l.len() != k || g.x.len() != n {
        return Err("gmm: lengths of alpha/mu/q/l/x do not match k, n".into());
    }
    // Our layout: `icf` row k is q_k then l_k (gradbench's l_k is already column by column).
    let mut icf = Vec::with_capacity(k * (d + l_sz));
    for (qk, lk) in g.q.iter().zip(&g.l) {
        if qk.len() != d || lk.len() != l_sz {
            return Err("gmm: a row of q or l has the wrong length".into());
        }
        icf.extend_from_slice(qk);
        icf.extend_from_slice(lk);
    }
    let means: Vec<f64> = g.mu.concat();
    let x: Vec<f64> = g.x.concat();
    if means.len() != k * d || x.len() != n * d {
        return Err("gmm: a row of mu or x has the wrong length".into());
    }
    let alphas = g.alpha;
    let (gamma, m) = (g.gamma, g.m);
    let args = || {
        black_box((
            alphas.as_slice(),
            means.as_slice(),
            icf.as_slice(),
            x.as_slice(),
        ))
    };
    match function {
        "objective" => {
            let (v, t) = repeat(&g.runs, || {
                let (a, mu, icf, x) = args();
                gmm::gmm_objective(a, mu, icf, x, d, k, n, gamma, m)
            });
            Ok((json!(v), t))
        }
        "jacobian" => {
            let ((_, (da, dmu, dicf)), t) = repeat(&g.runs, || {
                let (a, mu, icf, x) = args();
                gmm::gmm_objective_grad(a, mu, icf, x, d, k, n, gamma, m)
            });
            let icf_rows = rows(&dicf, d + l_sz);
            let out = json!({
                "alpha": da,
                "mu": rows(&dmu, d),
                "q": icf_rows.iter().map(|r| &r[..d]).collect::<Vec<_>>(),
                "l": icf_rows.iter().map(|r| &r[d..]).collect::<Vec<_>>(),
            });
            Ok((out, t))
        }
        _ => Err(format!("gmm: unknown function {function:?}")),
    }
}

fn lse_evaluate(function: &str, input: &Value) -> Result<(Value, Vec<u64>), String> {
    let l: LseJson = serde_json::from_value(input.clone()).map_err(|e| e.to_string())?;
    if l.x.is_empty() {
        return Err("lse: empty x".into());
    }
    match function {
        "primal" => {
            let (v, t) = repeat(&l.runs, || gmm::logsumexp(black_box(&l.x)));
            Ok((json!(v), t))
        }
        "gradient" => {
            let ((_, g), t) = repeat(&l.runs, || gmm::logsumexp_grad(black_box(&l.x)));
            Ok((json!(g), t))
        }
        _ => Err(format!("lse: unknown function {function:?}")),
    }
}

fn respond(message: &Value) -> Value {
    let id = message["id"].clone();
    match message["kind"].as_str() {
        Some("start") => json!({ "id": id, "tool": "ad" }),
        Some("define") => {
            let known = matches!(message["module"].as_str(), Some("gmm" | "lse"));
            json!({ "id": id, "success": known })
        }
        Some("evaluate") => {
            let function = message["function"].as_str().unwrap_or("");
            let result = match message["module"].as_str() {
                Some("gmm") => gmm_evaluate(function, &message["input"]),
                Some("lse") => lse_evaluate(function, &message["input"]),
                other => Err(format!("unknown module {other:?}")),
            };
            match result {
                Ok((output, times)) => {
                    let timings: Vec<Value> = times
                        .into_iter()
                        .map(|ns| json!({ "name": "evaluate", "nanoseconds": ns }))
                        .collect();
                    json!({ "id": id, "success": true, "output": output, "timings": timings })
                }
                Err(error) => json!({ "id": id, "success": false, "error": error }),
            }
        }
        // "analysis" and anything else: acknowledge.
        _ => json!({ "id": id }),
    }
}

/// Sets MXCSR's FTZ (bit 15) and DAZ (bit 6): subnormal results and inputs become zero.
#[cfg(target_arch = "x86_64")]
fn flush_subnormals() {
    #[allow(deprecated)] // the intrinsics are deprecated in favour of inline asm, not removed
    // SAFETY: only changes how this thread rounds subnormals; SSE2 is baseline on x86_64.
    unsafe {
        use std::arch::x86_64::{_mm_getcsr, _mm_setcsr};
        _mm_setcsr(_mm_getcsr() | 0x8040);
    }
}

#[cfg(not(target_arch = "x86_64"))]
fn flush_subnormals() {
    panic!("AD_GRADBENCH_FTZ is only implemented on x86_64");
}

fn main() {
    if std::env::var_os("AD_GRADBENCH_FTZ").is_some_and(|v| v == "1") {
        flush_subnormals();
        eprintln!("ad-gradbench: MXCSR FTZ and DAZ set (subnormals flushed to zero)");
    }
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line.expect("reading stdin");
        if line.trim().is_empty() {
            continue;
        }
        let message: Value = serde_json::from_str(&line).expect("a JSON message per line");
        let response = respond(&message);
        // Stop quietly when the other side has gone (gradbench's tools do the same).
        if writeln!(stdout, "{response}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            break;
        }
    }
}
