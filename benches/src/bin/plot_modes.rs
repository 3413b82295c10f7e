//! Draws `docs/modes.png` from `docs/modes.csv` (written by the `modes` binary): the time of
//! a full Jacobian of `fan: R^n → R^m` against `n` at fixed `m`, by forward and by reverse
//! mode. Forward mode needs `n` passes and reverse mode `m`, so the lines cross near `n = m`.
//!
//!   cargo run --release --manifest-path benches/Cargo.toml --bin plot_modes
//!
//! (Text through plotters' `ttf` feature, as `docs/scaling.png`: a system sans-serif font.)

use plotters::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
    let csv = std::fs::read_to_string(docs.join("modes.csv"))?;
    let mut rows: Vec<(f64, f64, f64, f64)> = Vec::new();
    for line in csv.lines().skip(1) {
        let f: Vec<f64> = line.split(',').map(|x| x.parse().unwrap()).collect();
        rows.push((f[0], f[1], f[2] * 1e3, f[3] * 1e3));
    }
    let m = rows[0].1;
    let x_max = rows.iter().map(|r| r.0).fold(0.0, f64::max) * 1.05;
    let y_max = rows.iter().map(|r| r.2.max(r.3)).fold(0.0, f64::max) * 1.1;

    let out = docs.join("modes.png");
    let root = BitMapBackend::new(&out, (900, 560)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            format!("Full Jacobian of fan: R^n -> R^m, m = {m}: forward vs reverse mode"),
            ("sans-serif", 22),
        )
        .margin(15)
        .x_label_area_size(45)
        .y_label_area_size(70)
        .build_cartesian_2d(0.0..x_max, 0.0..y_max)?;
    chart
        .configure_mesh()
        .x_desc("n (inputs)")
        .y_desc("milliseconds per Jacobian")
        .label_style(("sans-serif", 16))
        .draw()?;
    chart
        .draw_series(LineSeries::new(
            rows.iter().map(|r| (r.0, r.2)),
            BLUE.stroke_width(3),
        ))?
        .label("forward: n JVPs")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLUE.stroke_width(3)));
    chart
        .draw_series(LineSeries::new(
            rows.iter().map(|r| (r.0, r.3)),
            RED.stroke_width(3),
        ))?
        .label("reverse: m VJPs")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], RED.stroke_width(3)));
    chart.draw_series(
        rows.iter()
            .map(|r| Circle::new((r.0, r.2), 4, BLUE.filled())),
    )?;
    chart.draw_series(
        rows.iter()
            .map(|r| Circle::new((r.0, r.3), 4, RED.filled())),
    )?;
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(m, 0.0), (m, y_max)],
            BLACK.mix(0.4).stroke_width(1),
        )))?
        .label("n = m")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLACK.mix(0.4)));
    chart
        .configure_series_labels()
        .label_font(("sans-serif", 16))
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .position(SeriesLabelPosition::UpperLeft)
        .draw()?;
    root.present()?;
    println!("wrote {}", out.display());
    Ok(())
}
