//! Selection and timetable on generated fairs, as a markdown table:
//! `cargo bench -p meihe-prematch --bench prematch`.

use std::time::Instant;

use meihe_prematch::generate::generate_fair;
use meihe_prematch::{Picker, Problem, select, select_greedy, solve, timetable};

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}

fn main() {
    println!(
        "| scale | seed | method | candidates | covered | interviews | unplaced | slots used | total score | select ms | timetable ms | total ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for scale in [1, 10] {
        for seed in [1, 2, 3] {
            let instance = generate_fair(scale, seed);
            let problem = Problem::new(&instance).expect("valid fair");
            let methods: [(&str, Picker); 2] = [("meihe", select), ("greedy", select_greedy)];
            for (name, pick) in methods {
                // One round timed by step, then the full run with repair rounds.
                let t0 = Instant::now();
                let selection = pick(&problem);
                let select_ms = ms(t0);
                let t1 = Instant::now();
                let _ = timetable(&problem, &selection);
                let timetable_ms = ms(t1);
                let t2 = Instant::now();
                let s = solve(&problem, pick);
                let total_ms = ms(t2);
                let t = &s.totals;
                println!(
                    "| {scale} | {seed} | {name} | {} | {} | {} | {} | {} | {:.2} | {select_ms:.1} | {timetable_ms:.1} | {total_ms:.1} |",
                    t.candidates,
                    t.covered,
                    t.interviews,
                    s.unplaced.len(),
                    t.slots_used,
                    t.score,
                );
            }
        }
    }
}
