// temporary: not committed
use ad_benches::gmm::gmm_input;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let which = a[1].as_str();
    let d: usize = a[2].parse().unwrap();
    let k: usize = a[3].parse().unwrap();
    let reps: usize = a[4].parse().unwrap();
    let inp = gmm_input(d, k, 1000);
    let t = std::time::Instant::now();
    let mut s = 0.0;
    for _ in 0..reps {
        s += match which {
            "gen" => inp.grad_generated().0,
            "man" => inp.grad_manual().0,
            _ => inp.objective(),
        };
    }
    println!("{which} {:.1} us {s}", t.elapsed().as_secs_f64() * 1e6 / reps as f64);
}
