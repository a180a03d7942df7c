//! Placing selected interviews on tables and slots.
//!
//! Interviews are edges of the bipartite candidate–table multigraph and slots are
//! colours. Each edge takes the earliest slot free for both ends (on the least-loaded
//! table of its employer with room); failing that, an alternating two-colour path
//! (Kempe chain) is swapped to free a slot, as in König's edge-colouring proof; failing
//! that, one blocking interview is moved elsewhere. Without availability windows, open
//! hours or gaps every chain swap is legal, so all interviews are placed within the
//! day (maximum degree never exceeds the slots). With them, a swap or move is kept only
//! if every interview stays inside its allowed slots and gaps, and whatever cannot be
//! placed is reported with a reason. No step ever double-books.

use crate::model::{Interview, Schedule, Totals, Unmatched, Unplaced};
use crate::problem::Problem;
use crate::select::Selection;

const NONE: u32 = u32::MAX;

struct Grid<'p, 'a> {
    p: &'p Problem<'a>,
    s: usize,
    gap: usize,
    /// Pair index of each edge.
    pair: Vec<usize>,
    cand: Vec<usize>,
    emp: Vec<usize>,
    table: Vec<u32>,
    slot: Vec<u32>,
    cand_at: Vec<u32>,
    table_at: Vec<u32>,
    load: Vec<u32>,
    /// First global table of each employer.
    tbase: Vec<usize>,
}

#[derive(Clone, Copy)]
enum Side {
    Table(usize),
    Cand(usize),
}

impl<'p, 'a> Grid<'p, 'a> {
    fn new(p: &'p Problem<'a>, sel: &Selection) -> Self {
        let s = p.slots as usize;
        let mut tbase = Vec::with_capacity(p.inst.employers.len() + 1);
        let mut total = 0;
        for &t in &p.tables {
            tbase.push(total);
            total += t as usize;
        }
        tbase.push(total);
        let pairs = p.pairs();
        let n = sel.pairs.len();
        Self {
            p,
            s,
            gap: p.inst.config.gap_slots as usize,
            pair: sel.pairs.clone(),
            cand: sel.pairs.iter().map(|&i| pairs[i].candidate).collect(),
            emp: sel.pairs.iter().map(|&i| pairs[i].employer).collect(),
            table: vec![NONE; n],
            slot: vec![NONE; n],
            cand_at: vec![NONE; p.inst.candidates.len() * s],
            table_at: vec![NONE; total * s],
            load: vec![0; total],
            tbase,
        }
    }

    fn tables(&self, e: usize) -> std::ops::Range<usize> {
        self.tbase[e]..self.tbase[e + 1]
    }

    fn cap(&self, e: usize) -> u32 {
        self.p.open[e].len()
    }

    fn at(&self, side: Side, slot: usize) -> u32 {
        match side {
            Side::Table(t) => self.table_at[t * self.s + slot],
            Side::Cand(c) => self.cand_at[c * self.s + slot],
        }
    }

    fn allowed(&self, x: usize, slot: usize) -> bool {
        self.p.allowed(self.cand[x], self.emp[x], slot as u32)
    }

    /// No interview of `c` other than `except` within the gap around `slot`.
    fn cand_ok(&self, c: usize, slot: usize, except: u32) -> bool {
        let lo = slot.saturating_sub(self.gap);
        let hi = (slot + self.gap).min(self.s - 1);
        self.cand_at[c * self.s + lo..=c * self.s + hi].iter().all(|&y| y == NONE || y == except)
    }

    fn place(&mut self, x: usize, t: usize, slot: usize) {
        debug_assert!(self.table_at[t * self.s + slot] == NONE);
        debug_assert!(self.cand_at[self.cand[x] * self.s + slot] == NONE);
        self.table[x] = t as u32;
        self.slot[x] = slot as u32;
        self.table_at[t * self.s + slot] = x as u32;
        self.cand_at[self.cand[x] * self.s + slot] = x as u32;
        self.load[t] += 1;
    }

    fn remove(&mut self, x: usize) -> (usize, usize) {
        let (t, slot) = (self.table[x] as usize, self.slot[x] as usize);
        self.table_at[t * self.s + slot] = NONE;
        self.cand_at[self.cand[x] * self.s + slot] = NONE;
        self.load[t] -= 1;
        self.table[x] = NONE;
        self.slot[x] = NONE;
        (t, slot)
    }

    /// Earliest slot with a table of the employer free (least-loaded first).
    fn direct(&mut self, x: usize) -> bool {
        let (c, e) = (self.cand[x], self.emp[x]);
        for slot in 0..self.s {
            if !self.allowed(x, slot) || !self.cand_ok(c, slot, NONE) {
                continue;
            }
            let best = self
                .tables(e)
                .filter(|&t| self.load[t] < self.cap(e) && self.table_at[t * self.s + slot] == NONE)
                .min_by_key(|&t| self.load[t]);
            if let Some(t) = best {
                self.place(x, t, slot);
                return true;
            }
        }
        false
    }

    /// Edges of the path alternating slots `a`, `b`, `a`, … from `start`.
    fn chain(&self, start: Side, a: usize, b: usize) -> Vec<usize> {
        let mut path = Vec::new();
        let (mut side, mut colour) = (start, a);
        loop {
            let y = self.at(side, colour);
            if y == NONE {
                break;
            }
            let y = y as usize;
            path.push(y);
            assert!(path.len() <= self.pair.len(), "alternating path is not simple");
            side = match side {
                Side::Table(_) => Side::Cand(self.cand[y]),
                Side::Cand(_) => Side::Table(self.table[y] as usize),
            };
            colour = if colour == a { b } else { a };
        }
        path
    }

    /// Exchanges slots `a` and `b` on `path`; returns false (and changes nothing) when an
    /// interview would leave its allowed slots or break a gap.
    fn swap(&mut self, path: &[usize], a: usize, b: usize) -> bool {
        let other = |slot: usize| if slot == a { b } else { a };
        if !path.iter().all(|&y| self.allowed(y, other(self.slot[y] as usize))) {
            return false;
        }
        self.exchange(path, a, b);
        if self.gap > 0 {
            let ok =
                path.iter().all(|&y| self.cand_ok(self.cand[y], self.slot[y] as usize, y as u32));
            if !ok {
                self.exchange(path, a, b);
                return false;
            }
        }
        true
    }

    fn exchange(&mut self, path: &[usize], a: usize, b: usize) {
        let old: Vec<(usize, usize)> = path.iter().map(|&y| self.remove(y)).collect();
        for (&y, (t, slot)) in path.iter().zip(old) {
            self.place(y, t, if slot == a { b } else { a });
        }
    }

    /// Frees a slot for `x` by swapping a two-slot alternating path.
    fn kempe(&mut self, x: usize) -> bool {
        let (c, e) = (self.cand[x], self.emp[x]);
        let open = self.p.open[e];
        for t in self.tables(e) {
            if self.load[t] >= self.cap(e) {
                continue;
            }
            let t_free: Vec<usize> = (open.start as usize..open.end as usize)
                .filter(|&b| self.at(Side::Table(t), b) == NONE)
                .collect();
            for a in 0..self.s {
                if !self.allowed(x, a) {
                    continue;
                }
                // Table side: c is free at `a`, the table is not; move the table's `a` off.
                if self.cand_ok(c, a, NONE) {
                    for &b in &t_free {
                        let path = self.chain(Side::Table(t), a, b);
                        if self.swap(&path, a, b) {
                            if self.at(Side::Table(t), a) == NONE && self.cand_ok(c, a, NONE) {
                                self.place(x, t, a);
                                return true;
                            }
                            self.exchange(&path, a, b);
                        }
                    }
                }
                // Candidate side: the table is free at `a`, c holds an interview at `a`.
                if self.at(Side::Table(t), a) == NONE && self.at(Side::Cand(c), a) != NONE {
                    for b in 0..self.s {
                        if b == a || self.at(Side::Cand(c), b) != NONE {
                            continue;
                        }
                        let path = self.chain(Side::Cand(c), a, b);
                        if self.swap(&path, a, b) {
                            if self.at(Side::Table(t), a) == NONE && self.cand_ok(c, a, NONE) {
                                self.place(x, t, a);
                                return true;
                            }
                            self.exchange(&path, a, b);
                        }
                    }
                }
            }
        }
        false
    }

    /// Places `x` by moving one interview in its way to another free place.
    fn evict(&mut self, x: usize) -> bool {
        let (c, e) = (self.cand[x], self.emp[x]);
        for t in self.tables(e) {
            for slot in 0..self.s {
                if !self.allowed(x, slot) {
                    continue;
                }
                let holder = self.at(Side::Table(t), slot);
                let blocker = if holder != NONE {
                    // The table is busy: move its interview if c could take the slot.
                    if !self.cand_ok(c, slot, NONE) {
                        continue;
                    }
                    holder as usize
                } else {
                    // The table is free: move c's single interview within the gap.
                    if self.load[t] >= self.cap(e) {
                        continue;
                    }
                    let lo = slot.saturating_sub(self.gap);
                    let hi = (slot + self.gap).min(self.s - 1);
                    let mut near =
                        (lo..=hi).map(|d| self.at(Side::Cand(c), d)).filter(|&y| y != NONE);
                    match (near.next(), near.next()) {
                        (Some(y), None) => y as usize,
                        _ => continue,
                    }
                };
                let (bt, bslot) = self.remove(blocker);
                if self.cand_ok(c, slot, NONE) && self.at(Side::Table(t), slot) == NONE {
                    self.place(x, t, slot);
                    if self.direct(blocker) || self.kempe(blocker) {
                        return true;
                    }
                    self.remove(x);
                }
                self.place(blocker, bt, bslot);
            }
        }
        false
    }

    fn reason(&self, x: usize) -> String {
        let (c, e) = (self.cand[x], self.emp[x]);
        let id = &self.p.inst.employers[e].id;
        if self.tables(e).all(|t| self.load[t] >= self.cap(e)) {
            return format!("all tables of {id} are fully booked");
        }
        let tables = match self.p.tables[e] {
            1 => format!("table 1 of {id}"),
            n => format!("any of the {n} tables of {id}"),
        };
        let mut msg = format!(
            "no common free slot between candidate availability {} and {tables} (open {})",
            self.p.show_availability(c),
            self.p.show_open(e)
        );
        if self.gap > 0 {
            msg += &format!(" keeping {} free slots between interviews", self.gap);
        }
        msg
    }
}

/// Places the selected interviews and explains who got nothing.
pub fn timetable(problem: &Problem, selection: &Selection) -> Schedule {
    place(problem, selection, &[]).0
}

/// [`timetable`], also returning the pair indices it could not place; `dropped` lists
/// interviews given up in earlier rounds (to explain why a candidate got nothing).
pub(crate) fn place(
    problem: &Problem,
    selection: &Selection,
    dropped: &[Unplaced],
) -> (Schedule, Vec<usize>) {
    let mut g = Grid::new(problem, selection);
    let n = g.pair.len();
    // Most constrained interviews first.
    let allowed: Vec<usize> =
        (0..n).map(|x| (0..g.s).filter(|&s| g.allowed(x, s)).count()).collect();
    let mut degree = vec![0usize; problem.inst.candidates.len()];
    for &c in &g.cand {
        degree[c] += 1;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&x| (allowed[x], std::cmp::Reverse(degree[g.cand[x]]), g.cand[x], x));
    let mut failed = Vec::new();
    for x in order {
        if !(g.direct(x) || g.kempe(x) || g.evict(x)) {
            failed.push(x);
        }
    }
    // Later moves may have opened room for earlier failures.
    failed.retain(|&x| !(g.direct(x) || g.kempe(x) || g.evict(x)));
    failed.sort_unstable();
    let schedule = assemble(problem, &g, &failed, dropped);
    (schedule, failed.iter().map(|&x| g.pair[x]).collect())
}

fn assemble(p: &Problem, g: &Grid, failed: &[usize], dropped: &[Unplaced]) -> Schedule {
    let inst = p.inst;
    let pairs = p.pairs();
    let mut interviews = Vec::new();
    let mut order = Vec::new();
    let mut placed = vec![0usize; inst.candidates.len()];
    let mut selected = vec![0usize; inst.candidates.len()];
    for x in 0..g.pair.len() {
        selected[g.cand[x]] += 1;
        if g.slot[x] == NONE {
            continue;
        }
        let pr = &pairs[g.pair[x]];
        placed[pr.candidate] += 1;
        let t = g.table[x] as usize - g.tbase[pr.employer];
        order.push((g.slot[x], pr.employer, t));
        interviews.push(Interview {
            candidate: inst.candidates[pr.candidate].id.clone(),
            vacancy: inst.vacancies[pr.vacancy].id.clone(),
            employer: inst.employers[pr.employer].id.clone(),
            table: t as u32 + 1,
            slot: g.slot[x],
            score: pr.score,
            wished: pr.wished,
        });
    }
    let mut idx: Vec<usize> = (0..interviews.len()).collect();
    idx.sort_by_key(|&i| order[i]);
    let interviews: Vec<Interview> = idx.into_iter().map(|i| interviews[i].clone()).collect();

    let unplaced: Vec<Unplaced> = failed
        .iter()
        .map(|&x| {
            let pr = &pairs[g.pair[x]];
            Unplaced {
                candidate: inst.candidates[pr.candidate].id.clone(),
                vacancy: inst.vacancies[pr.vacancy].id.clone(),
                employer: inst.employers[pr.employer].id.clone(),
                score: pr.score,
                wished: pr.wished,
                reason: g.reason(x),
            }
        })
        .collect();

    let min = inst.config.min_score;
    let mut unmatched = Vec::new();
    for (c, cand) in inst.candidates.iter().enumerate() {
        if placed[c] > 0 {
            continue;
        }
        let reach = p.reach[c];
        let reason = if cand.max_interviews == 0 {
            "max_interviews is 0".to_string()
        } else if reach.above_min == 0 {
            format!("no vacancy scored at or above min_score {min:.2}")
        } else if reach.feasible == 0 {
            format!(
                "availability {} does not overlap the open hours of any employer scored at or above min_score {min:.2}",
                p.show_availability(c)
            )
        } else if selected[c] > 0 || dropped.iter().any(|u| u.candidate == cand.id) {
            let first = unplaced.iter().chain(dropped).find(|u| u.candidate == cand.id);
            format!(
                "could not be placed in the timetable: {}",
                first.map_or("no free slot", |u| u.reason.as_str())
            )
        } else {
            "capacity taken by other candidates".to_string()
        };
        unmatched.push(Unmatched { candidate: cand.id.clone(), reason });
    }

    let totals = Totals {
        candidates: inst.candidates.len(),
        covered: placed.iter().filter(|&&k| k > 0).count(),
        interviews: interviews.len(),
        score: interviews.iter().map(|i| i.score).sum(),
        slots_used: interviews.iter().map(|i| i.slot + 1).max().unwrap_or(0),
    };
    Schedule { interviews, unmatched, unplaced, totals }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::select::select;

    fn tight(slots: u32) -> Instance {
        // Two employers with two tables each; every candidate wants every slot.
        let employers = (0..2)
            .map(|e| Employer { id: format!("e{e}"), name: String::new(), tables: 2, open: None })
            .collect();
        let vacancies: Vec<Vacancy> = (0..4)
            .map(|v| Vacancy {
                id: format!("v{v}"),
                employer: format!("e{}", v / 2),
                title: String::new(),
            })
            .collect();
        let candidates: Vec<Candidate> = (0..slots)
            .map(|c| Candidate { max_interviews: slots, ..Candidate::new(format!("c{c}")) })
            .collect();
        let mut scores = Vec::new();
        for c in &candidates {
            for v in &vacancies {
                scores.push(Score { candidate: c.id.clone(), vacancy: v.id.clone(), score: 0.5 });
            }
        }
        let config = Config { one_per_employer: false, ..Config::default() };
        Instance { slots, candidates, employers, vacancies, scores, config, clock: None }
    }

    #[test]
    fn full_degree_colouring_succeeds() {
        // 4 slots: 4 candidates × 4 interviews fill all 4 tables × 4 slots exactly.
        let inst = tight(4);
        let p = Problem::new(&inst).unwrap();
        let sel = select(&p);
        assert_eq!(sel.pairs.len(), 16);
        let s = timetable(&p, &sel);
        assert!(s.unplaced.is_empty());
        assert_eq!(s.interviews.len(), 16);
        let mut seen = std::collections::HashSet::new();
        for i in &s.interviews {
            assert!(seen.insert((i.candidate.clone(), i.slot)));
            assert!(seen.insert((format!("{}#{}", i.employer, i.table), i.slot)));
        }
    }

    #[test]
    fn explains_what_it_cannot_place() {
        let mut inst = tight(4);
        inst.clock = Some(Clock::new("2026-12-05", "09:00", 20));
        inst.candidates.truncate(2);
        inst.scores.retain(|s| s.candidate != "c2" && s.candidate != "c3");
        for c in &mut inst.candidates {
            c.availability = Some(vec![SlotRange::new(1, 2)]);
            c.max_interviews = 1;
        }
        inst.employers[0].tables = 1;
        inst.employers[1].open = Some(SlotRange::new(2, 4));
        let p = Problem::new(&inst).unwrap();
        // Only e0 can meet the candidates; the selection puts both there, one too many.
        let s = timetable(&p, &select(&p));
        assert_eq!(s.interviews.len(), 1);
        assert_eq!(
            s.unplaced[0].reason,
            "no common free slot between candidate availability 09:20-09:40 and table 1 of e0 (open all day)"
        );
        assert!(
            s.unmatched[0].reason.starts_with("could not be placed in the timetable: no common")
        );
        // With repair rounds the pair is dropped; nothing else fits, and the reason stays.
        let s = crate::prematch(&inst).unwrap();
        assert!(s.unplaced.is_empty());
        assert!(s.unmatched[0].reason.starts_with("could not be placed in the timetable"));
    }
}
