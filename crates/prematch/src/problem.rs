//! A validated, indexed view of an [`Instance`].

use std::collections::{HashMap, HashSet};

use crate::model::{Error, Instance, SlotRange};

/// Scale of the integer pair weights: `weight = round((score + bonus) * WEIGHT_SCALE)`.
pub const WEIGHT_SCALE: f64 = 1e6;

/// Most slots a day may have (one per minute).
pub const MAX_SLOTS: u32 = 1440;

/// A candidate–vacancy pair that may be selected.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Candidate index.
    pub candidate: usize,
    /// Vacancy index.
    pub vacancy: usize,
    /// Employer index of the vacancy.
    pub employer: usize,
    /// Raw score.
    pub score: f64,
    /// Whether the candidate wished the vacancy or its employer.
    pub wished: bool,
    /// Score plus wish bonus, scaled by [`WEIGHT_SCALE`].
    pub weight: i64,
}

/// Per-candidate counts used to explain an empty result.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Reach {
    /// Scored pairs at or above `min_score`.
    pub above_min: usize,
    /// Of those, pairs whose employer is open while the candidate is available.
    pub feasible: usize,
}

/// A validated instance with indices, the day grid and the selectable pairs.
///
/// Pairs are those scoring at or above `min_score` whose employer is open during some
/// slot the candidate is available; they are sorted by candidate, then vacancy.
#[derive(Debug, Clone)]
pub struct Problem<'a> {
    pub(crate) inst: &'a Instance,
    pub(crate) slots: u32,
    /// Effective maximum per candidate (see [`Problem::candidate_max`]).
    pub(crate) cand_max: Vec<u32>,
    /// Availability grid, `slots` booleans per candidate.
    pub(crate) avail: Vec<bool>,
    /// Merged, clipped availability ranges (`None` = all day).
    pub(crate) avail_ranges: Vec<Option<Vec<SlotRange>>>,
    /// Open hours clipped to the day.
    pub(crate) open: Vec<SlotRange>,
    /// Tables per employer, at most one per candidate (more could never be used).
    pub(crate) tables: Vec<u32>,
    pub(crate) vac_emp: Vec<usize>,
    pub(crate) pairs: Vec<Pair>,
    pub(crate) reach: Vec<Reach>,
}

impl<'a> Problem<'a> {
    /// Validates `inst` and indexes it.
    pub fn new(inst: &'a Instance) -> Result<Self, Error> {
        let slots = inst.slots;
        if slots == 0 || slots > MAX_SLOTS {
            return Err(Error::Slots(slots));
        }
        let cfg = &inst.config;
        if !(0.0..=1.0).contains(&cfg.min_score) {
            return Err(Error::InvalidConfig(format!("min_score {} not in [0, 1]", cfg.min_score)));
        }
        if !(0.0..=1.0).contains(&cfg.wish_bonus) {
            return Err(Error::InvalidConfig(format!(
                "wish_bonus {} not in [0, 1]",
                cfg.wish_bonus
            )));
        }
        if cfg.gap_slots >= slots {
            return Err(Error::InvalidConfig(format!(
                "gap_slots {} not below the {slots} slots of the day",
                cfg.gap_slots
            )));
        }
        if let Some(clock) = &inst.clock {
            clock.validate()?;
        }
        let cand_ix = index("candidate", inst.candidates.iter().map(|c| c.id.as_str()))?;
        let emp_ix = index("employer", inst.employers.iter().map(|e| e.id.as_str()))?;
        let vac_ix = index("vacancy", inst.vacancies.iter().map(|v| v.id.as_str()))?;

        let mut open = Vec::with_capacity(inst.employers.len());
        for e in &inst.employers {
            if e.tables == 0 {
                return Err(Error::NoTables { employer: e.id.clone() });
            }
            let r = match e.open {
                None => SlotRange::new(0, slots),
                Some(r) => {
                    check_range(r, || format!("employer `{}` open hours", e.id))?;
                    SlotRange::new(r.start.min(slots), r.end.min(slots))
                }
            };
            open.push(r);
        }
        let most = u32::try_from(inst.candidates.len()).unwrap_or(u32::MAX).max(1);
        let tables = inst.employers.iter().map(|e| e.tables.min(most)).collect();
        let mut vac_emp = Vec::with_capacity(inst.vacancies.len());
        for v in &inst.vacancies {
            let e = *emp_ix.get(v.employer.as_str()).ok_or_else(|| Error::UnknownEmployer {
                vacancy: v.id.clone(),
                employer: v.employer.clone(),
            })?;
            vac_emp.push(e);
        }

        let n = inst.candidates.len();
        let s = slots as usize;
        let mut avail = vec![true; n * s];
        let mut avail_ranges = Vec::with_capacity(n);
        let mut cand_max = Vec::with_capacity(n);
        let mut wish_vac: Vec<HashSet<usize>> = vec![HashSet::new(); n];
        let mut wish_emp: Vec<HashSet<usize>> = vec![HashSet::new(); n];
        for (ci, c) in inst.candidates.iter().enumerate() {
            if c.max_interviews > slots {
                return Err(Error::TooManyInterviews {
                    candidate: c.id.clone(),
                    max: c.max_interviews,
                    slots,
                });
            }
            let grid = &mut avail[ci * s..(ci + 1) * s];
            let ranges = match &c.availability {
                None => None,
                Some(list) => {
                    grid.fill(false);
                    for &r in list {
                        check_range(r, || format!("candidate `{}` availability", c.id))?;
                        for slot in r.start.min(slots)..r.end.min(slots) {
                            grid[slot as usize] = true;
                        }
                    }
                    Some(ranges_of(grid))
                }
            };
            avail_ranges.push(ranges);
            cand_max.push(c.max_interviews.min(spaced_capacity(grid, cfg.gap_slots)));
            for w in &c.wishes {
                let (v, e) = (vac_ix.get(w.as_str()), emp_ix.get(w.as_str()));
                if v.is_none() && e.is_none() {
                    return Err(Error::UnknownWish { candidate: c.id.clone(), wish: w.clone() });
                }
                wish_vac[ci].extend(v);
                wish_emp[ci].extend(e);
            }
        }

        let mut seen = HashSet::with_capacity(inst.scores.len());
        let mut reach = vec![Reach::default(); n];
        let mut pairs = Vec::new();
        for sc in &inst.scores {
            let ci =
                *cand_ix.get(sc.candidate.as_str()).ok_or_else(|| Error::UnknownCandidate {
                    candidate: sc.candidate.clone(),
                    vacancy: sc.vacancy.clone(),
                })?;
            let vi = *vac_ix.get(sc.vacancy.as_str()).ok_or_else(|| Error::UnknownVacancy {
                candidate: sc.candidate.clone(),
                vacancy: sc.vacancy.clone(),
            })?;
            if !(0.0..=1.0).contains(&sc.score) {
                return Err(Error::InvalidScore {
                    candidate: sc.candidate.clone(),
                    vacancy: sc.vacancy.clone(),
                    score: sc.score,
                });
            }
            if !seen.insert((ci, vi)) {
                return Err(Error::DuplicateScore {
                    candidate: sc.candidate.clone(),
                    vacancy: sc.vacancy.clone(),
                });
            }
            if sc.score < cfg.min_score {
                continue;
            }
            reach[ci].above_min += 1;
            let ei = vac_emp[vi];
            let o = open[ei];
            if !(o.start..o.end).any(|slot| avail[ci * s + slot as usize]) {
                continue;
            }
            reach[ci].feasible += 1;
            let wished = wish_vac[ci].contains(&vi) || wish_emp[ci].contains(&ei);
            let bonus = if wished { cfg.wish_bonus } else { 0.0 };
            let weight = ((sc.score + bonus) * WEIGHT_SCALE).round() as i64;
            pairs.push(Pair {
                candidate: ci,
                vacancy: vi,
                employer: ei,
                score: sc.score,
                wished,
                weight,
            });
        }
        pairs.sort_by_key(|p| (p.candidate, p.vacancy));
        Ok(Self { inst, slots, cand_max, avail, avail_ranges, open, tables, vac_emp, pairs, reach })
    }

    /// The same problem without the pairs at `indices`, and, with one interview per
    /// employer, without their candidates' other vacancies at the same employers.
    pub fn without(&self, indices: &[usize]) -> Self {
        let one = self.inst.config.one_per_employer;
        let key =
            |pr: &Pair| (pr.candidate, pr.employer, if one { usize::MAX } else { pr.vacancy });
        let banned: HashSet<_> = indices.iter().map(|&i| key(&self.pairs[i])).collect();
        let mut p = self.clone();
        p.pairs.retain(|pr| !banned.contains(&key(pr)));
        p
    }

    /// The instance this problem was built from.
    pub fn instance(&self) -> &'a Instance {
        self.inst
    }

    /// Selectable pairs, sorted by candidate, then vacancy.
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    /// Most interviews candidate `c` can get: its `max_interviews`, lowered to what fits
    /// in its available slots with the configured gap.
    pub fn candidate_max(&self, c: usize) -> u32 {
        self.cand_max[c]
    }

    /// Interviews employer `e` can hold: tables (at most one per candidate) times open
    /// slots within the day.
    pub fn employer_capacity(&self, e: usize) -> u32 {
        self.tables[e].saturating_mul(self.open[e].len())
    }

    /// Employer index of vacancy `v`.
    pub fn vacancy_employer(&self, v: usize) -> usize {
        self.vac_emp[v]
    }

    /// Whether candidate `c` can attend `slot`.
    pub fn available(&self, c: usize, slot: u32) -> bool {
        self.avail[c * self.slots as usize + slot as usize]
    }

    /// Whether candidate `c` may meet employer `e` in `slot`.
    pub fn allowed(&self, c: usize, e: usize, slot: u32) -> bool {
        self.open[e].contains(slot) && self.available(c, slot)
    }

    /// A slot range as clock times (`13:00-15:00`) or as slot indices (`slots 12..18`).
    pub(crate) fn show_range(&self, r: SlotRange) -> String {
        match &self.inst.clock {
            Some(c) => format!(
                "{}-{}",
                c.time(r.start).unwrap_or_default(),
                c.time(r.end).unwrap_or_default()
            ),
            None => format!("slots {}..{}", r.start, r.end),
        }
    }

    /// Candidate availability for messages.
    pub(crate) fn show_availability(&self, c: usize) -> String {
        match &self.avail_ranges[c] {
            None => "all day".into(),
            Some(rs) if rs.is_empty() => "none".into(),
            Some(rs) => rs.iter().map(|&r| self.show_range(r)).collect::<Vec<_>>().join(", "),
        }
    }

    /// Employer open hours for messages.
    pub(crate) fn show_open(&self, e: usize) -> String {
        if self.open[e] == SlotRange::new(0, self.slots) {
            "all day".into()
        } else {
            self.show_range(self.open[e])
        }
    }
}

fn index<'s>(
    kind: &'static str,
    ids: impl Iterator<Item = &'s str>,
) -> Result<HashMap<&'s str, usize>, Error> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        if map.insert(id, i).is_some() {
            return Err(Error::DuplicateId { kind, id: id.to_string() });
        }
    }
    Ok(map)
}

fn check_range(r: SlotRange, owner: impl FnOnce() -> String) -> Result<(), Error> {
    if r.start >= r.end {
        return Err(Error::InvalidRange { owner: owner(), start: r.start, end: r.end });
    }
    Ok(())
}

/// Maximal runs of `true` in a slot grid.
fn ranges_of(grid: &[bool]) -> Vec<SlotRange> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &on) in grid.iter().chain([&false]).enumerate() {
        match (on, start) {
            (true, None) => start = Some(i as u32),
            (false, Some(s0)) => {
                out.push(SlotRange::new(s0, i as u32));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Most slots pickable from `grid` with at least `gap` free slots between picks
/// (earliest-first is optimal on a line).
pub(crate) fn spaced_capacity(grid: &[bool], gap: u32) -> u32 {
    let mut count = 0;
    let mut next = 0usize;
    for (i, &on) in grid.iter().enumerate() {
        if on && i >= next {
            count += 1;
            next = i + gap as usize + 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn inst() -> Instance {
        Instance {
            slots: 6,
            candidates: vec![Candidate::new("c1"), Candidate::new("c2")],
            employers: vec![Employer { id: "e1".into(), name: "E1".into(), tables: 1, open: None }],
            vacancies: vec![Vacancy { id: "v1".into(), employer: "e1".into(), title: "T".into() }],
            scores: vec![Score { candidate: "c1".into(), vacancy: "v1".into(), score: 0.5 }],
            config: Config::default(),
            clock: None,
        }
    }

    #[test]
    fn validation_names_the_item() {
        let mut i = inst();
        i.scores[0].vacancy = "nope".into();
        let e = Problem::new(&i).unwrap_err();
        assert_eq!(e.to_string(), "score of candidate `c1` names unknown vacancy `nope`");
        let mut i = inst();
        i.scores[0].score = f64::NAN;
        assert!(matches!(Problem::new(&i), Err(Error::InvalidScore { .. })));
        let mut i = inst();
        i.scores[0].score = 1.5;
        assert!(matches!(Problem::new(&i), Err(Error::InvalidScore { .. })));
        let mut i = inst();
        i.employers[0].tables = 0;
        assert_eq!(Problem::new(&i).unwrap_err(), Error::NoTables { employer: "e1".into() });
        let mut i = inst();
        i.slots = 0;
        assert_eq!(Problem::new(&i).unwrap_err(), Error::Slots(0));
        i.slots = MAX_SLOTS + 1;
        assert_eq!(Problem::new(&i).unwrap_err(), Error::Slots(MAX_SLOTS + 1));
        let mut i = inst();
        i.candidates[1].wishes.push("zz".into());
        assert!(matches!(Problem::new(&i), Err(Error::UnknownWish { .. })));
        let mut i = inst();
        i.candidates[1].id = "c1".into();
        assert!(matches!(Problem::new(&i), Err(Error::DuplicateId { kind: "candidate", .. })));
        let mut i = inst();
        i.scores.push(i.scores[0].clone());
        assert!(matches!(Problem::new(&i), Err(Error::DuplicateScore { .. })));
        let mut i = inst();
        i.scores[0].candidate = "c9".into();
        assert!(matches!(Problem::new(&i), Err(Error::UnknownCandidate { .. })));
        let mut i = inst();
        i.vacancies[0].employer = "e9".into();
        assert!(matches!(Problem::new(&i), Err(Error::UnknownEmployer { .. })));
        let mut i = inst();
        i.candidates[0].max_interviews = 7;
        assert!(matches!(Problem::new(&i), Err(Error::TooManyInterviews { .. })));
        let mut i = inst();
        i.candidates[0].availability = Some(vec![SlotRange::new(3, 3)]);
        assert!(matches!(Problem::new(&i), Err(Error::InvalidRange { .. })));
        let mut i = inst();
        i.config.min_score = f64::NAN;
        assert!(matches!(Problem::new(&i), Err(Error::InvalidConfig(_))));
    }

    #[test]
    fn pairs_and_capacities() {
        let mut i = inst();
        i.candidates[0].wishes = vec!["e1".into()];
        i.candidates[0].availability = Some(vec![SlotRange::new(0, 2), SlotRange::new(4, 9)]);
        i.config.gap_slots = 1;
        i.employers[0].open = Some(SlotRange::new(1, 10));
        i.employers[0].tables = 2;
        let p = Problem::new(&i).unwrap();
        assert_eq!(p.pairs().len(), 1);
        assert!(p.pairs()[0].wished);
        assert_eq!(p.pairs()[0].weight, 600_000);
        assert_eq!(p.employer_capacity(0), 10);
        // Slots 0, 1, 4, 5 with one free slot between picks: 0 and 4.
        assert_eq!(p.candidate_max(0), 2);
        assert_eq!(p.show_availability(0), "slots 0..2, slots 4..6");
        assert_eq!(p.show_open(0), "slots 1..6");
    }

    #[test]
    fn closed_pairs_are_dropped() {
        let mut i = inst();
        i.candidates[0].availability = Some(vec![SlotRange::new(0, 2)]);
        i.employers[0].open = Some(SlotRange::new(3, 6));
        let p = Problem::new(&i).unwrap();
        assert!(p.pairs().is_empty());
        assert_eq!(p.reach[0], Reach { above_min: 1, feasible: 0 });
    }
}
