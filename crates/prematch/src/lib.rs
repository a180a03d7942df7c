//! meihe-prematch: recruitment-fair pre-matching, who meets whom and when.
//!
//! Pure functions on plain data. [`prematch`] selects interviews with an exact min-cost
//! flow (most candidates covered first, then the highest total score plus wish bonus)
//! and lays them out on a conflict-free timetable; [`greedy`] is the score-ordered
//! baseline. [`export`] writes CSV, iCalendar and XLSX; [`generate`] makes synthetic
//! fairs.
//!
//! The steps are public too: [`Problem::new`] validates and indexes an [`Instance`],
//! [`select`] / [`select_greedy`] choose pairs, [`timetable`] places them, and [`solve`]
//! runs both with repair rounds for interviews that availability windows, open hours or
//! gaps leave without a slot.
//!
//! ```
//! use meihe_prematch::{Candidate, Config, Employer, Instance, Score, Vacancy, prematch};
//!
//! let instance = Instance {
//!     slots: 3,
//!     candidates: vec![Candidate::new("ann"), Candidate::new("bo")],
//!     employers: vec![Employer { id: "acme".into(), name: "Acme".into(), tables: 1, open: None }],
//!     vacancies: vec![Vacancy { id: "dev".into(), employer: "acme".into(), title: "Dev".into() }],
//!     scores: vec![
//!         Score { candidate: "ann".into(), vacancy: "dev".into(), score: 0.9 },
//!         Score { candidate: "bo".into(), vacancy: "dev".into(), score: 0.2 },
//!     ],
//!     config: Config::default(),
//!     clock: None,
//! };
//! let schedule = prematch(&instance).unwrap();
//! assert_eq!(schedule.totals.covered, 1);
//! assert_eq!(schedule.unmatched[0].reason, "no vacancy scored at or above min_score 0.30");
//! ```

pub mod export;
pub mod flow;
pub mod generate;
mod model;
mod problem;
mod select;
mod timetable;

pub use model::{
    Candidate, Clock, Config, Employer, Error, Instance, Interview, Schedule, Score, SlotRange,
    Totals, Unmatched, Unplaced, Vacancy, slot_datetime,
};
pub use problem::{MAX_SLOTS, Pair, Problem, WEIGHT_SCALE};
pub use select::{Selection, select, select_greedy};
pub use timetable::timetable;

/// A selection method: [`select`] or [`select_greedy`].
pub type Picker = fn(&Problem) -> Selection;

/// Rounds in which interviews the timetable could not place are dropped and the
/// selection is solved again without them.
pub const REPAIR_ROUNDS: usize = 3;

/// Exact selection, then timetable (see [`solve`]).
pub fn prematch(instance: &Instance) -> Result<Schedule, Error> {
    Ok(solve(&Problem::new(instance)?, select))
}

/// Greedy selection (pairs by weight, descending), then the same timetable (see [`solve`]).
pub fn greedy(instance: &Instance) -> Result<Schedule, Error> {
    Ok(solve(&Problem::new(instance)?, select_greedy))
}

/// Selects with `pick` and lays out the timetable. While some selected interviews cannot
/// be placed (availability windows, open hours or gaps), those pairs are dropped and the
/// selection is solved again, for at most [`REPAIR_ROUNDS`] extra rounds; what still
/// cannot be placed is reported in [`Schedule::unplaced`].
pub fn solve(problem: &Problem, pick: Picker) -> Schedule {
    let mut problem = problem.clone();
    let mut dropped: Vec<Unplaced> = Vec::new();
    for round in 0.. {
        let (schedule, failed) = timetable::place(&problem, &pick(&problem), &dropped);
        if failed.is_empty() || round == REPAIR_ROUNDS {
            return schedule;
        }
        problem = problem.without(&failed);
        dropped.extend(schedule.unplaced);
    }
    unreachable!()
}
