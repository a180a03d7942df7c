//! Deterministic synthetic fairs for tests and benchmarks.

use rand::seq::index;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::model::{Candidate, Clock, Config, Employer, Instance, Score, SlotRange, Vacancy};

/// Fields with candidate popularity weights and job titles.
const FIELDS: &[(&str, f64, &[&str])] = &[
    (
        "software",
        0.20,
        &[
            "軟體工程師 Software Engineer",
            "後端工程師 Backend Engineer",
            "前端工程師 Frontend Engineer",
            "資料工程師 Data Engineer",
        ],
    ),
    (
        "semiconductor",
        0.16,
        &[
            "製程工程師 Process Engineer",
            "設備工程師 Equipment Engineer",
            "良率工程師 Yield Engineer",
            "IC 設計工程師 IC Designer",
        ],
    ),
    (
        "electronics",
        0.10,
        &[
            "硬體工程師 Hardware Engineer",
            "韌體工程師 Firmware Engineer",
            "測試工程師 Test Engineer",
        ],
    ),
    (
        "finance",
        0.09,
        &["會計專員 Accountant", "財務分析師 Financial Analyst", "理財專員 Wealth Advisor"],
    ),
    (
        "marketing",
        0.09,
        &[
            "行銷企劃 Marketing Planner",
            "業務代表 Sales Representative",
            "社群經理 Community Manager",
        ],
    ),
    (
        "manufacturing",
        0.08,
        &["生產管理 Production Planner", "品保工程師 QA Engineer", "作業員 Operator"],
    ),
    (
        "logistics",
        0.07,
        &["物流專員 Logistics Specialist", "採購專員 Buyer", "倉儲主管 Warehouse Lead"],
    ),
    ("healthcare", 0.07, &["護理師 Nurse", "藥師 Pharmacist", "醫檢師 Lab Technologist"]),
    ("design", 0.07, &["UI/UX 設計師 UI/UX Designer", "平面設計 Graphic Designer"]),
    ("hospitality", 0.07, &["餐飲主管 F&B Supervisor", "櫃檯接待 Front Desk", "領隊 Tour Leader"]),
];

const PREFIXES: &[&str] = &[
    "台灣", "新竹", "台中", "高雄", "桃園", "宏達", "聯合", "永豐", "大同", "國泰", "遠東", "長榮",
    "中華", "富邦", "光寶", "華新", "東元", "友達", "群創", "統一",
];
const SUFFIXES: &[&str] = &["科技", "電子", "精密", "金控", "物流", "醫療", "設計", "實業"];

/// Index drawn with probability proportional to `weights`.
fn pick(rng: &mut ChaCha8Rng, weights: impl Iterator<Item = f64> + Clone) -> usize {
    let total: f64 = weights.clone().sum();
    let mut x = rng.random::<f64>() * total;
    let mut last = 0;
    for (i, w) in weights.enumerate() {
        if x < w {
            return i;
        }
        x -= w;
        last = i;
    }
    last
}

/// A fair at `scale` times the reference size (23 employers, 174 vacancies, 400
/// candidates, 24 slots of 20 minutes from 09:00), fully determined by `seed`.
///
/// Employers have 1–4 tables, some with shorter open hours; some candidates have
/// availability windows, wishes or a lower maximum; each candidate is scored against up
/// to 20 vacancies in each of 1–3 fields, popular employers scoring higher. About 6% of
/// candidates score below `min_score` everywhere by design, and a few more by chance.
pub fn generate_fair(scale: u32, seed: u64) -> Instance {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let slots = 24;
    let n_emp = 23 * scale as usize;
    let n_vac = 174 * scale as usize;
    let n_cand = 400 * scale as usize;
    let field_weight = || FIELDS.iter().map(|f| f.1);

    let mut employers = Vec::with_capacity(n_emp);
    let mut emp_fields = Vec::with_capacity(n_emp);
    let mut appeal = Vec::with_capacity(n_emp);
    for k in 0..n_emp {
        let tables = 1 + pick(&mut rng, [0.30, 0.35, 0.20, 0.15].into_iter()) as u32;
        let open = match rng.random_range(0..20) {
            0 | 1 => Some(SlotRange::new(6, slots)),
            2 => Some(SlotRange::new(0, 16)),
            3 => Some(SlotRange::new(0, 12)),
            _ => None,
        };
        let mut fields = vec![pick(&mut rng, field_weight())];
        if rng.random_bool(0.3) {
            let f = pick(&mut rng, field_weight());
            if f != fields[0] {
                fields.push(f);
            }
        }
        let name = format!(
            "{}{}股份有限公司",
            PREFIXES[rng.random_range(0..PREFIXES.len())],
            SUFFIXES[rng.random_range(0..SUFFIXES.len())]
        );
        employers.push(Employer { id: format!("emp-{:03}", k + 1), name, tables, open });
        emp_fields.push(fields);
        appeal.push(rng.random::<f64>().powi(2));
    }

    // Every employer gets one vacancy; the rest go by table count.
    let mut per_emp = vec![1usize; n_emp];
    for _ in n_emp..n_vac {
        per_emp[pick(&mut rng, employers.iter().map(|e| f64::from(e.tables) + 0.5))] += 1;
    }
    let mut vacancies = Vec::with_capacity(n_vac);
    let mut by_field: Vec<Vec<usize>> = vec![Vec::new(); FIELDS.len()];
    for (e, &count) in per_emp.iter().enumerate() {
        for _ in 0..count {
            let f = emp_fields[e][rng.random_range(0..emp_fields[e].len())];
            let titles = FIELDS[f].2;
            by_field[f].push(vacancies.len());
            vacancies.push(Vacancy {
                id: format!("job-{:04}", vacancies.len() + 1),
                employer: employers[e].id.clone(),
                title: titles[rng.random_range(0..titles.len())].to_string(),
            });
        }
    }
    let vac_emp: Vec<usize> = (0..n_emp).flat_map(|e| std::iter::repeat_n(e, per_emp[e])).collect();

    let mut candidates = Vec::with_capacity(n_cand);
    let mut scores = Vec::new();
    for k in 0..n_cand {
        let mut c = Candidate::new(format!("cand-{:04}", k + 1));
        c.max_interviews = [3, 3, 3, 3, 3, 3, 3, 2, 2, 4, 4, 1][rng.random_range(0..12)];
        c.availability = match rng.random_range(0..25) {
            0 | 1 => Some(vec![SlotRange::new(0, 12)]),
            2 | 3 => Some(vec![SlotRange::new(12, slots)]),
            4 => {
                let start = rng.random_range(0..slots - 6);
                Some(vec![SlotRange::new(
                    start,
                    start + rng.random_range(6..=9).min(slots - start),
                )])
            }
            _ => None,
        };
        let weak = rng.random_bool(0.06);
        let quality: f64 = rng.random();
        let n_fields = 1 + pick(&mut rng, [0.5, 0.35, 0.15].into_iter());
        let mut fields: Vec<usize> =
            (0..n_fields).map(|_| pick(&mut rng, field_weight())).collect();
        fields.sort_unstable();
        fields.dedup();
        let mut scored = Vec::new();
        for f in fields {
            let pool = &by_field[f];
            let take = pool.len().min(20);
            for i in index::sample(&mut rng, pool.len(), take) {
                let v = pool[i];
                let fit: f64 = rng.random();
                let noise = rng.random_range(-0.05..0.05);
                let mut s = 0.1 + 0.35 * fit + 0.25 * quality + 0.3 * appeal[vac_emp[v]] + noise;
                if weak {
                    s = (s * 0.5).min(0.29);
                }
                let s = (s.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
                scored.push(v);
                scores.push(Score {
                    candidate: c.id.clone(),
                    vacancy: vacancies[v].id.clone(),
                    score: s,
                });
            }
        }
        if !scored.is_empty() && rng.random_bool(0.5) {
            for _ in 0..rng.random_range(1..=3) {
                let v = scored[pick(&mut rng, scored.iter().map(|&v| 0.1 + appeal[vac_emp[v]]))];
                let wish = if rng.random_bool(0.6) {
                    employers[vac_emp[v]].id.clone()
                } else {
                    vacancies[v].id.clone()
                };
                if !c.wishes.contains(&wish) {
                    c.wishes.push(wish);
                }
            }
        }
        candidates.push(c);
    }

    Instance {
        slots,
        candidates,
        employers,
        vacancies,
        scores,
        config: Config::default(),
        clock: Some(Clock::new("2026-12-05", "09:00", 20)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Problem;

    #[test]
    fn reference_size_and_determinism() {
        let a = generate_fair(1, 42);
        assert_eq!((a.employers.len(), a.vacancies.len(), a.candidates.len()), (23, 174, 400));
        assert!(a.employers.iter().all(|e| (1..=4).contains(&e.tables)));
        assert_eq!(a, generate_fair(1, 42));
        assert_ne!(a, generate_fair(1, 43));
        let p = Problem::new(&a).unwrap();
        let mut per_cand = vec![0; 400];
        for pr in p.pairs() {
            per_cand[pr.candidate] += 1;
        }
        assert!(per_cand.iter().all(|&k| k <= 60));
        let nothing = per_cand.iter().filter(|&&k| k == 0).count();
        assert!((5..80).contains(&nothing), "{nothing}");
        assert!(a.candidates.iter().any(|c| c.availability.is_some()));
        assert!(a.candidates.iter().any(|c| !c.wishes.is_empty()));
    }

    #[test]
    fn ten_times() {
        let a = generate_fair(10, 1);
        assert_eq!((a.employers.len(), a.vacancies.len(), a.candidates.len()), (230, 1740, 4000));
        Problem::new(&a).unwrap();
    }
}
