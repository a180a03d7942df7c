//! Properties of selection and timetable on random instances.

use std::collections::{HashMap, HashSet};

use meihe_prematch::generate::generate_fair;
use meihe_prematch::{
    Candidate, Config, Employer, Instance, Problem, Schedule, Score, SlotRange, Vacancy, greedy,
    prematch, select, select_greedy, timetable,
};
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Knobs for [`random_instance`].
#[derive(Debug, Clone, Copy)]
struct Shape {
    candidates: usize,
    vacancies: usize,
    employers: usize,
    windows: bool,
    open_hours: bool,
    gap: bool,
}

fn random_instance(seed: u64, shape: Shape) -> Instance {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let slots = rng.random_range(2..10u32);
    let range = |rng: &mut ChaCha8Rng| {
        let a = rng.random_range(0..slots);
        let b = rng.random_range(a + 1..=slots + 1);
        SlotRange::new(a, b)
    };
    let employers: Vec<Employer> = (0..shape.employers)
        .map(|e| Employer {
            id: format!("e{e}"),
            name: format!("Employer {e}"),
            tables: rng.random_range(1..=3),
            open: (shape.open_hours && rng.random_bool(0.6)).then(|| range(&mut rng)),
        })
        .collect();
    let vacancies: Vec<Vacancy> = (0..shape.vacancies)
        .map(|v| Vacancy {
            id: format!("v{v}"),
            employer: format!(
                "e{}",
                if v < shape.employers { v } else { rng.random_range(0..shape.employers) }
            ),
            title: format!("Job {v}"),
        })
        .collect();
    let mut candidates = Vec::new();
    let mut scores = Vec::new();
    for c in 0..shape.candidates {
        let mut cand = Candidate::new(format!("c{c}"));
        cand.max_interviews = rng.random_range(0..=slots.min(4));
        if shape.windows && rng.random_bool(0.6) {
            cand.availability =
                Some((0..rng.random_range(1..=2)).map(|_| range(&mut rng)).collect());
        }
        for _ in 0..rng.random_range(0..3) {
            cand.wishes.push(if rng.random_bool(0.5) {
                format!("e{}", rng.random_range(0..shape.employers))
            } else {
                format!("v{}", rng.random_range(0..shape.vacancies))
            });
        }
        for v in 0..shape.vacancies {
            if rng.random_bool(0.6) {
                let score = f64::from(rng.random_range(0..=100u32)) / 100.0;
                scores.push(Score { candidate: cand.id.clone(), vacancy: format!("v{v}"), score });
            }
        }
        candidates.push(cand);
    }
    let config = Config {
        min_score: f64::from(rng.random_range(0..=5u32)) / 10.0,
        wish_bonus: f64::from(rng.random_range(0..=3u32)) / 10.0,
        one_per_employer: rng.random_bool(0.6),
        gap_slots: if shape.gap { rng.random_range(0..=2u32).min(slots - 1) } else { 0 },
    };
    Instance { slots, candidates, employers, vacancies, scores, config, clock: None }
}

fn grid(inst: &Instance, c: &Candidate) -> Vec<bool> {
    let mut g = vec![c.availability.is_none(); inst.slots as usize];
    for r in c.availability.iter().flatten() {
        for s in r.start..r.end.min(inst.slots) {
            g[s as usize] = true;
        }
    }
    g
}

fn open(inst: &Instance, e: &Employer) -> SlotRange {
    let r = e.open.unwrap_or(SlotRange::new(0, inst.slots));
    SlotRange::new(r.start.min(inst.slots), r.end.min(inst.slots))
}

fn wished(c: &Candidate, v: &Vacancy) -> bool {
    c.wishes.iter().any(|w| *w == v.id || *w == v.employer)
}

/// Every hard rule of a schedule, checked from the instance alone.
fn check(inst: &Instance, s: &Schedule) {
    let cands: HashMap<&str, &Candidate> =
        inst.candidates.iter().map(|c| (c.id.as_str(), c)).collect();
    let emps: HashMap<&str, &Employer> =
        inst.employers.iter().map(|e| (e.id.as_str(), e)).collect();
    let vacs: HashMap<&str, &Vacancy> = inst.vacancies.iter().map(|v| (v.id.as_str(), v)).collect();
    let scores: HashMap<(&str, &str), f64> =
        inst.scores.iter().map(|s| ((s.candidate.as_str(), s.vacancy.as_str()), s.score)).collect();
    let cfg = &inst.config;
    let mut cand_slot = HashSet::new();
    let mut table_slot = HashSet::new();
    let mut pairs = HashSet::new();
    let mut met = HashSet::new();
    let mut per_cand: HashMap<&str, Vec<u32>> = HashMap::new();
    let mut per_emp: HashMap<&str, u32> = HashMap::new();
    for i in &s.interviews {
        let (c, e, v) =
            (cands[i.candidate.as_str()], emps[i.employer.as_str()], vacs[i.vacancy.as_str()]);
        assert_eq!(v.employer, e.id);
        assert!((1..=e.tables).contains(&i.table), "{i:?}");
        assert!(i.slot < inst.slots);
        assert_eq!(scores[&(c.id.as_str(), v.id.as_str())], i.score);
        assert!(i.score >= cfg.min_score);
        assert_eq!(i.wished, wished(c, v));
        assert!(cand_slot.insert((&c.id, i.slot)), "candidate double-booked: {i:?}");
        assert!(table_slot.insert((&e.id, i.table, i.slot)), "table double-booked: {i:?}");
        assert!(grid(inst, c)[i.slot as usize], "outside availability: {i:?}");
        assert!(open(inst, e).contains(i.slot), "outside open hours: {i:?}");
        assert!(pairs.insert((&c.id, &v.id)), "pair twice: {i:?}");
        assert!(!cfg.one_per_employer || met.insert((&c.id, &e.id)), "employer twice: {i:?}");
        per_cand.entry(&c.id).or_default().push(i.slot);
        *per_emp.entry(&e.id).or_default() += 1;
    }
    for (c, slots) in &mut per_cand {
        assert!(slots.len() as u32 <= cands[c].max_interviews);
        slots.sort_unstable();
        for w in slots.windows(2) {
            assert!(w[1] - w[0] > cfg.gap_slots, "gap broken for {c}: {slots:?}");
        }
    }
    for (e, &n) in &per_emp {
        assert!(n <= emps[e].tables * open(inst, emps[e]).len());
    }
    let unmatched: Vec<&str> = s.unmatched.iter().map(|u| u.candidate.as_str()).collect();
    let expected: Vec<&str> = inst
        .candidates
        .iter()
        .map(|c| c.id.as_str())
        .filter(|c| !per_cand.contains_key(c))
        .collect();
    assert_eq!(unmatched, expected);
    assert!(s.unmatched.iter().all(|u| !u.reason.is_empty()));
    assert!(s.unplaced.iter().all(|u| !u.reason.is_empty()));
    let t = &s.totals;
    assert_eq!(
        (t.candidates, t.covered, t.interviews),
        (inst.candidates.len(), per_cand.len(), s.interviews.len())
    );
    assert!((t.score - s.interviews.iter().map(|i| i.score).sum::<f64>()).abs() < 1e-9);
    assert_eq!(t.slots_used, s.interviews.iter().map(|i| i.slot + 1).max().unwrap_or(0));
    let plain = inst.config.gap_slots == 0
        && inst.employers.iter().all(|e| e.open.is_none())
        && inst.candidates.iter().all(|c| c.availability.is_none());
    if plain {
        assert!(s.unplaced.is_empty(), "König colouring left {:?}", s.unplaced);
    }
}

/// Checks both methods and that each selected pair is placed or reported.
fn check_all(inst: &Instance) {
    check(inst, &prematch(inst).unwrap());
    check(inst, &greedy(inst).unwrap());
    let p = Problem::new(inst).unwrap();
    for sel in [select(&p), select_greedy(&p)] {
        let s = timetable(&p, &sel);
        check(inst, &s);
        let mut selected: Vec<(String, String)> = sel
            .pairs
            .iter()
            .map(|&k| {
                let pr = &p.pairs()[k];
                (inst.candidates[pr.candidate].id.clone(), inst.vacancies[pr.vacancy].id.clone())
            })
            .collect();
        let mut out: Vec<(String, String)> = s
            .interviews
            .iter()
            .map(|i| (i.candidate.clone(), i.vacancy.clone()))
            .chain(s.unplaced.iter().map(|u| (u.candidate.clone(), u.vacancy.clone())))
            .collect();
        selected.sort();
        out.sort();
        assert_eq!(selected, out);
    }
}

/// Best (covered, weight) by exhaustive search: every subset of each candidate's feasible
/// pairs, combined over candidates by the capacity each employer has left.
fn brute_force(inst: &Instance) -> (usize, f64) {
    let cfg = &inst.config;
    let most = inst.candidates.len().max(1) as u32;
    let caps: Vec<u32> =
        inst.employers.iter().map(|e| e.tables.min(most) * open(inst, e).len()).collect();
    let emp_ix: HashMap<&str, usize> =
        inst.employers.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let vac: HashMap<&str, &Vacancy> = inst.vacancies.iter().map(|v| (v.id.as_str(), v)).collect();
    // State: used capacity per employer (two employers), value: best (covered, weight).
    let mut best: HashMap<Vec<u32>, (usize, f64)> =
        HashMap::from([(vec![0; caps.len()], (0, 0.0))]);
    for c in &inst.candidates {
        let g = grid(inst, c);
        let mut max = 0;
        let mut next = 0;
        for (i, &on) in g.iter().enumerate() {
            if on && i >= next {
                max += 1;
                next = i + cfg.gap_slots as usize + 1;
            }
        }
        let max = max.min(c.max_interviews as usize);
        let feasible: Vec<(usize, f64)> = inst
            .scores
            .iter()
            .filter(|s| s.candidate == c.id && s.score >= cfg.min_score)
            .filter_map(|s| {
                let v = vac[s.vacancy.as_str()];
                let e = emp_ix[v.employer.as_str()];
                let r = open(inst, &inst.employers[e]);
                let reachable = (r.start..r.end).any(|t| g[t as usize]);
                let bonus = if wished(c, v) { cfg.wish_bonus } else { 0.0 };
                reachable.then_some((e, s.score + bonus))
            })
            .collect();
        let mut options = Vec::new();
        for mask in 0u32..1 << feasible.len() {
            let chosen: Vec<&(usize, f64)> = feasible
                .iter()
                .enumerate()
                .filter(|(i, _)| mask >> i & 1 == 1)
                .map(|(_, p)| p)
                .collect();
            if chosen.len() > max {
                continue;
            }
            let mut used = vec![0u32; caps.len()];
            for &&(e, _) in &chosen {
                used[e] += 1;
            }
            if cfg.one_per_employer && used.iter().any(|&u| u > 1) {
                continue;
            }
            options.push((
                used,
                usize::from(!chosen.is_empty()),
                chosen.iter().map(|p| p.1).sum::<f64>(),
            ));
        }
        let mut next_best: HashMap<Vec<u32>, (usize, f64)> = HashMap::new();
        for (state, &(cov, w)) in &best {
            for (used, dc, dw) in &options {
                let ns: Vec<u32> = state.iter().zip(used).map(|(a, b)| a + b).collect();
                if ns.iter().zip(&caps).any(|(a, b)| a > b) {
                    continue;
                }
                let val = (cov + dc, w + dw);
                let slot = next_best.entry(ns).or_insert((0, f64::NEG_INFINITY));
                if val.0 > slot.0 || (val.0 == slot.0 && val.1 > slot.1) {
                    *slot = val;
                }
            }
        }
        best = next_best;
    }
    best.into_values()
        .fold((0, 0.0), |a, b| if b.0 > a.0 || (b.0 == a.0 && b.1 > a.1) { b } else { a })
}

fn shape(windows: bool, open_hours: bool, gap: bool) -> impl Strategy<Value = Shape> {
    (1..80usize, 1..20usize, 1..8usize).prop_map(move |(candidates, vacancies, employers)| Shape {
        candidates,
        vacancies: vacancies.max(employers),
        employers,
        windows,
        open_hours,
        gap,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn plain_instances_are_fully_placed(seed: u64, sh in shape(false, false, false)) {
        check_all(&random_instance(seed, sh));
    }

    #[test]
    fn windows_open_hours_and_gaps(seed: u64, sh in shape(true, true, true)) {
        check_all(&random_instance(seed, sh));
    }

    #[test]
    fn tight_plain_instances_are_fully_placed(seed: u64, sh in shape(false, false, false)) {
        let mut inst = random_instance(seed, sh);
        for c in &mut inst.candidates {
            c.max_interviews = inst.slots;
        }
        inst.config.min_score = 0.0;
        inst.config.one_per_employer = false;
        check_all(&inst);
    }

    #[test]
    fn windows_only(seed: u64, sh in shape(true, false, false)) {
        check_all(&random_instance(seed, sh));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn selection_matches_brute_force(
        seed: u64,
        candidates in 1..=6usize,
        vacancies in 2..=4usize,
        windows: bool,
        gap: bool,
    ) {
        let sh = Shape { candidates, vacancies, employers: 2, windows, open_hours: windows, gap };
        let mut inst = random_instance(seed, sh);
        // Small capacities make the employers compete.
        inst.slots = inst.slots.min(4);
        for c in &mut inst.candidates {
            c.max_interviews = c.max_interviews.min(inst.slots);
        }
        inst.config.gap_slots = inst.config.gap_slots.min(inst.slots - 1);
        for e in &mut inst.employers {
            e.tables = e.tables.min(2);
        }
        let p = Problem::new(&inst).unwrap();
        let sel = select(&p);
        let weight: f64 = sel
            .pairs
            .iter()
            .map(|&k| {
                let pr = &p.pairs()[k];
                pr.score + if pr.wished { inst.config.wish_bonus } else { 0.0 }
            })
            .sum();
        let (covered, best) = brute_force(&inst);
        prop_assert_eq!(sel.covered(&p), covered);
        prop_assert!((weight - best).abs() < 1e-5, "weight {} brute force {}", weight, best);
        let g = select_greedy(&p);
        prop_assert!(g.covered(&p) <= covered);
    }
}

#[test]
fn generated_fairs_respect_every_rule() {
    for seed in 1..=3 {
        check_all(&generate_fair(1, seed));
    }
}

#[test]
fn never_worse_than_greedy_on_coverage() {
    for seed in 1..=5 {
        let inst = generate_fair(1, seed);
        let (m, g) = (prematch(&inst).unwrap(), greedy(&inst).unwrap());
        assert!(
            m.totals.covered >= g.totals.covered,
            "seed {seed}: {:?} vs {:?}",
            m.totals,
            g.totals
        );
    }
}

#[test]
fn instance_and_schedule_round_trip_through_json() {
    let inst = generate_fair(1, 9);
    let json = serde_json::to_string(&inst).unwrap();
    assert_eq!(serde_json::from_str::<Instance>(&json).unwrap(), inst);
    let s = prematch(&inst).unwrap();
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<Schedule>(&json).unwrap(), s);
}
