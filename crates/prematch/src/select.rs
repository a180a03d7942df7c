//! Choosing who meets whom: exact min-cost flow, and a greedy baseline.

use std::collections::HashSet;

use crate::flow::{Goal, MinCostFlow};
use crate::problem::Problem;

/// Selected pairs, as sorted indices into [`Problem::pairs`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Indices into [`Problem::pairs`], ascending.
    pub pairs: Vec<usize>,
}

impl Selection {
    /// Number of candidates with at least one selected pair.
    pub fn covered(&self, problem: &Problem) -> usize {
        let ps = problem.pairs();
        self.pairs.iter().map(|&i| ps[i].candidate).collect::<HashSet<_>>().len()
    }

    /// Sum of selected pair weights (score plus wish bonus, scaled).
    pub fn weight(&self, problem: &Problem) -> i64 {
        self.pairs.iter().map(|&i| problem.pairs()[i].weight).sum()
    }
}

/// The exact selection.
///
/// Maximises first the number of candidates with at least one interview, then the total
/// of score plus wish bonus, under the per-candidate maximum, employer capacities, and
/// (when configured) one interview per candidate per employer.
///
/// Network: source → candidate (one unit at cost `-M`, the other units at cost 0) →
/// employer (one arc per pair at cost `-weight`) → sink (capacity). `M` exceeds the
/// weight of any whole selection, so covering one more candidate always beats any score
/// loss elsewhere, which makes the lexicographic objective exact. With one interview per
/// employer only the best-weighted vacancy of each candidate–employer pair can be chosen
/// in an optimum, so the others are dropped from the network.
pub fn select(problem: &Problem) -> Selection {
    let pairs = problem.pairs();
    let n = problem.inst.candidates.len();
    let m = problem.inst.employers.len();
    let arcs = candidate_arcs(problem);

    let mut big: i64 = 1;
    for (c, list) in arcs.iter().enumerate() {
        let mut w: Vec<i64> = list.iter().map(|&i| pairs[i].weight).collect();
        w.sort_unstable_by(|a, b| b.cmp(a));
        big += w.iter().take(problem.candidate_max(c) as usize).sum::<i64>();
    }

    let (s, t) = (0, 1);
    let cand = |c: usize| 2 + c;
    let emp = |e: usize| 2 + n + e;
    let mut g = MinCostFlow::new(2 + n + m);
    let mut ids = Vec::new();
    for (c, list) in arcs.iter().enumerate() {
        let max = problem.candidate_max(c) as i64;
        if list.is_empty() || max == 0 {
            continue;
        }
        g.add_edge(s, cand(c), 1, -big);
        if max > 1 {
            g.add_edge(s, cand(c), max - 1, 0);
        }
        for &i in list {
            ids.push((g.add_edge(cand(c), emp(pairs[i].employer), 1, -pairs[i].weight), i));
        }
    }
    for e in 0..m {
        g.add_edge(emp(e), t, problem.employer_capacity(e).into(), 0);
    }
    g.run(s, t, Goal::MinCost);
    let mut chosen: Vec<usize> =
        ids.iter().filter(|&&(id, _)| g.flow(id) > 0).map(|&(_, i)| i).collect();
    chosen.sort_unstable();
    Selection { pairs: chosen }
}

/// Pairs that enter the network, per candidate.
fn candidate_arcs(problem: &Problem) -> Vec<Vec<usize>> {
    let pairs = problem.pairs();
    let mut arcs = vec![Vec::new(); problem.inst.candidates.len()];
    for (i, p) in pairs.iter().enumerate() {
        arcs[p.candidate].push(i);
    }
    if problem.inst.config.one_per_employer {
        for list in &mut arcs {
            // Best weight per employer; ties go to the lower vacancy index.
            list.sort_by_key(|&i| (pairs[i].employer, -pairs[i].weight, pairs[i].vacancy));
            list.dedup_by_key(|&mut i| pairs[i].employer);
        }
    }
    arcs
}

/// Greedy baseline: pairs by weight (score plus wish bonus) descending, each taken when
/// the candidate maximum, the employer capacity and the one-per-employer rule allow.
pub fn select_greedy(problem: &Problem) -> Selection {
    let pairs = problem.pairs();
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&pairs[a], &pairs[b]);
        pb.weight.cmp(&pa.weight).then(pb.score.total_cmp(&pa.score)).then(a.cmp(&b))
    });
    let mut count = vec![0u32; problem.inst.candidates.len()];
    let mut load = vec![0u32; problem.inst.employers.len()];
    let mut met = HashSet::new();
    let one = problem.inst.config.one_per_employer;
    let mut chosen = Vec::new();
    for i in order {
        let p = &pairs[i];
        if count[p.candidate] < problem.candidate_max(p.candidate)
            && load[p.employer] < problem.employer_capacity(p.employer)
            && (!one || !met.contains(&(p.candidate, p.employer)))
        {
            count[p.candidate] += 1;
            load[p.employer] += 1;
            met.insert((p.candidate, p.employer));
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    Selection { pairs: chosen }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn fair(scores: &[(&str, &str, f64)], tables: u32, slots: u32) -> Instance {
        let mut cands: Vec<&str> = scores.iter().map(|s| s.0).collect();
        cands.dedup();
        Instance {
            slots,
            candidates: cands
                .iter()
                .map(|&c| Candidate { max_interviews: slots.min(3), ..Candidate::new(c) })
                .collect(),
            employers: vec![
                Employer { id: "a".into(), name: "A".into(), tables, open: None },
                Employer { id: "b".into(), name: "B".into(), tables, open: None },
            ],
            vacancies: vec![
                Vacancy { id: "a1".into(), employer: "a".into(), title: String::new() },
                Vacancy { id: "a2".into(), employer: "a".into(), title: String::new() },
                Vacancy { id: "b1".into(), employer: "b".into(), title: String::new() },
            ],
            scores: scores
                .iter()
                .map(|&(c, v, s)| Score { candidate: c.into(), vacancy: v.into(), score: s })
                .collect(),
            config: Config::default(),
            clock: None,
        }
    }

    #[test]
    fn coverage_beats_score() {
        // Employer a has one slot; x scores higher there but y has nowhere else to go.
        let i = fair(&[("x", "a1", 0.9), ("x", "b1", 0.4), ("y", "a1", 0.5)], 1, 1);
        let p = Problem::new(&i).unwrap();
        let greedy = select_greedy(&p);
        assert_eq!(greedy.covered(&p), 1);
        let best = select(&p);
        assert_eq!(best.covered(&p), 2);
        assert_eq!(best.weight(&p), 900_000);
    }

    #[test]
    fn one_per_employer_picks_best_vacancy() {
        let i = fair(&[("x", "a1", 0.5), ("x", "a2", 0.8), ("x", "b1", 0.2)], 1, 3);
        let p = Problem::new(&i).unwrap();
        let s = select(&p);
        let got: Vec<usize> = s.pairs.iter().map(|&k| p.pairs()[k].vacancy).collect();
        assert_eq!(got, vec![1]);
        let mut i2 = i.clone();
        i2.config.one_per_employer = false;
        let p2 = Problem::new(&i2).unwrap();
        assert_eq!(select(&p2).pairs.len(), 2);
    }
}
