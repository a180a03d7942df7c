//! Temporary timing of fair::prematch.
use meihe_core::{Analyzer, Taxonomy};
use meihe_query::Engine;
use meihe_query::fair::{ExportFormat, FairCatalog, PrematchRequest, export, list_fairs, prematch};
use std::sync::Arc;
use std::time::Instant;
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let runs: usize = std::env::args().nth(2).map_or(5, |n| n.parse().unwrap());
    let t = Instant::now();
    let taxonomy = Arc::new(Taxonomy::builtin().unwrap());
    let analyzer = Arc::new(Analyzer::new(&taxonomy).unwrap());
    let engine = Engine::open(&dir, taxonomy, analyzer).unwrap();
    let catalog = FairCatalog::open(&dir).unwrap();
    println!("open {:?}", t.elapsed());
    let t = Instant::now();
    let list = list_fairs(&engine, &catalog).unwrap();
    println!(
        "list_fairs {:?} {:?}",
        t.elapsed(),
        list.fairs.iter().map(|f| (f.vacancies, f.employers, f.candidates)).collect::<Vec<_>>()
    );
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let r =
            prematch(&engine, &catalog, "fair-2023-us-west", &PrematchRequest::default()).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(&r);
        if times.len() == runs {
            for f in [ExportFormat::Csv, ExportFormat::Ics, ExportFormat::Xlsx, ExportFormat::Json]
            {
                let t = Instant::now();
                let b = export(&r, f).unwrap();
                println!("export {:?} {:?} {} bytes", f, t.elapsed(), b.len());
            }
            println!(
                "pairs {} interviews {} covered {}",
                r.pairs, r.response.totals.interviews, r.response.totals.covered
            );
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "prematch ms: min {:.1} median {:.1} max {:.1}",
        times[0],
        times[times.len() / 2],
        times[times.len() - 1]
    );
}
