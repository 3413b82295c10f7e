//! Measurement helpers shared by the benchmark binaries: a counting allocator for peak heap,
//! and interleavable timing (calibrated samples, medians).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// The system allocator, counting live bytes and their high-water mark. A binary that wants
/// heap numbers installs it: `#[global_allocator] static A: CountingAlloc = CountingAlloc;`.
pub struct CountingAlloc;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: forwards to `System` unchanged; only counts sizes.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            grew(l.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(l) };
        if !p.is_null() {
            grew(l.size());
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            if new >= l.size() {
                grew(new - l.size());
            } else {
                LIVE.fetch_sub(l.size() - new, Relaxed);
            }
        }
        q
    }
}

/// Heap bytes live now (only meaningful with [`CountingAlloc`] installed).
pub fn live_heap() -> usize {
    LIVE.load(Relaxed)
}

/// Runs `f` once and returns its result with the peak heap it allocated beyond what was live
/// at the start (only meaningful with [`CountingAlloc`] installed).
pub fn with_peak_heap<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let r = black_box(f());
    (r, PEAK.load(Relaxed) - base)
}

/// Seconds per call of `f`, averaged over `iters` calls.
pub fn time_per_call<R>(iters: u32, f: &mut impl FnMut() -> R) -> f64 {
    let t = Instant::now();
    for _ in 0..iters {
        black_box(f());
    }
    t.elapsed().as_secs_f64() / f64::from(iters)
}

/// How many calls of `f` make one sample of at least `min`.
pub fn calibrate<R>(min: Duration, f: &mut impl FnMut() -> R) -> u32 {
    let mut iters = 1u32;
    loop {
        let t = Instant::now();
        for _ in 0..iters {
            black_box(f());
        }
        if t.elapsed() >= min || iters >= 1 << 20 {
            return iters;
        }
        iters *= 2;
    }
}

/// The median (sorts `v`).
pub fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        0.5 * (v[m - 1] + v[m])
    }
}

/// Median seconds per call of each closure, sampled interleaved (`reps` rounds, each closure
/// once per round, each sample at least `min` long).
pub fn interleaved(reps: usize, min: Duration, fs: &mut [&mut dyn FnMut()]) -> Vec<f64> {
    let iters: Vec<u32> = fs.iter_mut().map(|f| calibrate(min, f)).collect();
    let mut samples = vec![Vec::new(); fs.len()];
    for _ in 0..reps {
        for (k, f) in fs.iter_mut().enumerate() {
            samples[k].push(time_per_call(iters[k], f));
        }
    }
    samples.iter_mut().map(|s| median(s)).collect()
}
