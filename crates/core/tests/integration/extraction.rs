use meihe_core::Level::{self, Advanced, Beginner, Intermediate};

use crate::support::analyzer;

struct Expected {
    text: &'static str,
    skills: &'static [&'static str],
    certifications: &'static [(&'static str, Option<Level>)],
    occupations: &'static [&'static str],
    industries: &'static [&'static str],
}

const fn sentence(
    text: &'static str,
    skills: &'static [&'static str],
    certifications: &'static [(&'static str, Option<Level>)],
) -> Expected {
    Expected { text, skills, certifications, occupations: &[], industries: &[] }
}

/// Skills and certifications must be exactly these (order of first mention); occupations
/// and industries, where given, must be present.
const SENTENCES: &[Expected] = &[
    // Traditional Chinese.
    sentence(
        "熟悉Python與Linux，具iPAS資訊安全工程師中級證照",
        &["python", "linux"],
        &[("ipas-infosec", Some(Intermediate))],
    ),
    sentence(
        "具備iPAS淨零碳規劃管理師初級及AI應用規劃師中級",
        &[],
        &[("ipas-net-zero", Some(Beginner)), ("ipas-ai-planner", Some(Intermediate))],
    ),
    sentence(
        "持有資訊安全工程師（初級）與電磁相容工程師中級證書",
        &[],
        &[("ipas-infosec", Some(Beginner)), ("ipas-emc", Some(Intermediate))],
    ),
    sentence("取得無形資產評價管理師高級", &[], &[("ipas-intangible-asset", Some(Advanced))]),
    sentence("考取iPAS智慧生產工程師", &[], &[("ipas-smart-production", None)]),
    sentence(
        "誠徵資訊安全工程師，負責滲透測試與弱點掃描",
        &["information-security", "penetration-testing", "vulnerability-scanning"],
        &[],
    ),
    sentence("徵信與授信審查經驗", &["credit-underwriting"], &[]),
    sentence(
        "資安工程師：負責SOC監控、資安事件應變",
        &["soc-monitoring", "incident-response"],
        &[],
    ),
    sentence(
        "熟悉機器學習、深度學習與自然語言處理",
        &["machine-learning", "deep-learning", "natural-language-processing"],
        &[],
    ),
    sentence(
        "使用Power BI與Tableau進行資料視覺化",
        &["power-bi", "tableau", "data-visualization"],
        &[],
    ),
    sentence("熟悉C++、C#與.NET開發", &["cpp", "csharp", "dotnet"], &[]),
    sentence(
        "負責晶圓製程的良率分析與失效分析",
        &["wafer-fabrication", "yield-analysis", "failure-analysis"],
        &[],
    ),
    sentence(
        "熟悉PLC程式設計與SolidWorks機構設計",
        &["plc", "solidworks", "mechanical-design"],
        &[],
    ),
    sentence(
        "協助企業碳盤查與碳足跡計算，熟悉ISO 14064",
        &["carbon-inventory", "carbon-footprint", "iso-14064"],
        &[],
    ),
    sentence("具專案管理經驗，持有PMP，熟悉Scrum", &["project-management", "pmp", "scrum"], &[]),
    sentence(
        "負責招募、薪酬福利與勞健保業務",
        &["recruitment", "compensation-benefits", "social-insurance-administration"],
        &[],
    ),
    sentence(
        "長期照顧機構，需具失智照護與管灌餵食經驗",
        &["long-term-care", "dementia-care", "tube-feeding"],
        &[],
    ),
    sentence(
        "負責工地管理與鋼筋混凝土施工品質",
        &["construction-site-management", "reinforced-concrete"],
        &[],
    ),
    sentence(
        "溫室管理與病蟲害防治，熟悉有機栽培",
        &["greenhouse-management", "pest-disease-control", "organic-farming"],
        &[],
    ),
    sentence(
        "倉儲管理、報關與國際貿易實務",
        &["warehouse-management", "customs-declaration", "international-trade"],
        &[],
    ),
    sentence(
        "財務分析與投資分析，熟悉IFRS",
        &["financial-analysis", "investment-analysis", "ifrs"],
        &[],
    ),
    sentence(
        "數位行銷與社群經營，熟悉SEO",
        &["digital-marketing", "social-media-management", "seo"],
        &[],
    ),
    sentence(
        "英語流利，多益850分，熟悉Microsoft Excel",
        &["english", "toeic", "microsoft-excel"],
        &[],
    ),
    sentence(
        "熟悉Kubernetes、Docker與AWS，建置CI/CD流程",
        &["kubernetes", "docker", "aws", "ci-cd"],
        &[],
    ),
    Expected {
        text: "台積電半導體產業，徵求熟悉演算法的軟體人才",
        skills: &["algorithms"],
        certifications: &[],
        occupations: &[],
        industries: &["semiconductor"],
    },
    Expected {
        text: "本公司屬綠能產業與金融業，導入人工智慧",
        skills: &["artificial-intelligence"],
        certifications: &[],
        occupations: &[],
        industries: &["energy", "finance", "ai"],
    },
    // Simplified Chinese.
    sentence(
        "熟悉Python与Linux，具iPAS资讯安全工程师中级证照",
        &["python", "linux"],
        &[("ipas-infosec", Some(Intermediate))],
    ),
    sentence("持有iPAS AI应用规划师初级证书", &[], &[("ipas-ai-planner", Some(Beginner))]),
    sentence(
        "熟悉机器学习、深度学习算法与数据分析",
        &["machine-learning", "deep-learning", "algorithms", "data-analysis"],
        &[],
    ),
    sentence("负责信息安全与渗透测试", &["information-security", "penetration-testing"], &[]),
    sentence("熟悉数据库设计与微服务架构", &["database-design", "microservices"], &[]),
    sentence("负责项目管理与数字营销", &["project-management", "digital-marketing"], &[]),
    sentence("负责供应链管理与库存管理", &["supply-chain-management", "inventory-management"], &[]),
    sentence("熟悉云计算与大数据平台", &["cloud-computing", "big-data"], &[]),
    Expected {
        text: "我们是半导体产业的芯片设计公司，需要数字IC设计人才",
        skills: &["ic-design", "digital-ic-design"],
        certifications: &[],
        occupations: &[],
        industries: &["semiconductor"],
    },
    // English.
    sentence(
        "Proficient in Python and Linux; holds iPAS Information Security Engineer (Intermediate)",
        &["python", "linux"],
        &[("ipas-infosec", Some(Intermediate))],
    ),
    sentence(
        "iPAS Net-Zero Carbon Planning Manager, beginner level",
        &[],
        &[("ipas-net-zero", Some(Beginner))],
    ),
    sentence(
        "Information Security Engineer with SIEM and penetration testing experience",
        &["information-security", "siem", "penetration-testing"],
        &[],
    ),
    sentence(
        "Experience with machine learning, deep learning and natural language processing",
        &["machine-learning", "deep-learning", "natural-language-processing"],
        &[],
    ),
    sentence("Maintain servers; strong communication skills", &["communication-coordination"], &[]),
    sentence(
        "Certified AI Application Planner L2 and Intangible Asset Valuation Manager L3",
        &[],
        &[("ipas-ai-planner", Some(Intermediate)), ("ipas-intangible-asset", Some(Advanced))],
    ),
    sentence(
        "Skilled in C++, C# and Node.js; familiar with Kubernetes",
        &["cpp", "csharp", "nodejs", "kubernetes"],
        &[],
    ),
    sentence(
        "Supply chain management and warehouse management in logistics",
        &["supply-chain-management", "warehouse-management"],
        &[],
    ),
    // Mixed scripts and width.
    sentence(
        "ＩＮＦＯＳＥＣ背景，熟悉資料分析與machine learning",
        &["information-security", "data-analysis", "machine-learning"],
        &[],
    ),
    sentence(
        "具备iPAS 资讯安全工程师 L1，熟悉網路與防火牆",
        &["firewall"],
        &[("ipas-infosec", Some(Beginner))],
    ),
    sentence(
        "資安、AI與ML皆有涉獵",
        &["information-security", "artificial-intelligence", "machine-learning"],
        &[],
    ),
];

#[test]
fn extraction_over_realistic_sentences() {
    assert!(SENTENCES.len() >= 40, "{} sentences", SENTENCES.len());
    let mut failures = Vec::new();
    for expected in SENTENCES {
        let found = analyzer().extract(expected.text);
        let certifications: Vec<(&str, Option<Level>)> = found
            .certifications
            .iter()
            .map(|mention| (mention.id.as_str(), mention.level))
            .collect();
        if found.skills != expected.skills {
            failures.push(format!(
                "{}\n  skills {:?} != {:?}",
                expected.text, found.skills, expected.skills
            ));
        }
        if certifications != expected.certifications {
            failures.push(format!(
                "{}\n  certifications {certifications:?} != {:?}",
                expected.text, expected.certifications
            ));
        }
        for occupation in expected.occupations {
            if !found.occupations.iter().any(|code| code == occupation) {
                failures.push(format!(
                    "{}\n  occupation {occupation} missing in {:?}",
                    expected.text, found.occupations
                ));
            }
        }
        for industry in expected.industries {
            if !found.industries.iter().any(|id| id == industry) {
                failures.push(format!(
                    "{}\n  industry {industry} missing in {:?}",
                    expected.text, found.industries
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_longest_mention_wins() {
    let found = analyzer().extract("具iPAS資訊安全工程師初級");
    assert_eq!(found.certifications.len(), 1);
    assert!(
        found.occupations.is_empty(),
        "工程師 inside the certification name is not an occupation: {found:?}"
    );
    assert!(
        found.skills.is_empty(),
        "資訊安全 inside the certification name is not a skill: {found:?}"
    );
}

#[test]
fn latin_forms_match_whole_words_only() {
    let found = analyzer().extract("maintain the mainframe; paid sick leave");
    assert!(found.skills.is_empty(), "{found:?}");
}

#[test]
fn a_job_title_alone_is_not_a_certification() {
    let found = analyzer().extract("資訊安全工程師");
    assert!(found.certifications.is_empty(), "{found:?}");
    assert_eq!(found.skills, ["information-security"]);
}

#[test]
fn the_highest_stated_level_is_kept() {
    let found = analyzer().extract("iPAS資訊安全工程師初級，去年再取得資訊安全工程師中級");
    assert_eq!(found.certifications.len(), 1);
    assert_eq!(found.certifications[0].level, Some(Intermediate));
}

#[test]
fn analysis_json_has_the_documented_shape() {
    let analysis = analyzer().analyze("具iPAS資訊安全工程師中級證照，熟悉Python");
    let printed = serde_json::to_string(&analysis).unwrap();
    let key_order: Vec<usize> = [
        "\"tokens\":[{\"text\":",
        "\"start\":",
        "\"end\":",
        "\"position\":",
        "\"skills\":",
        "\"certifications\":",
        "\"occupations\":",
        "\"industries\":",
    ]
    .iter()
    .map(|key| printed.find(key).unwrap_or_else(|| panic!("{key} missing in {printed}")))
    .collect();
    assert!(key_order.is_sorted(), "keys out of order in {printed}");
    assert!(printed.starts_with("{\"tokens\":[{\"text\":"), "{printed}");
    let json: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(
        json["certifications"][0],
        serde_json::json!({"id": "ipas-infosec", "level": "intermediate"})
    );
    let without_level = serde_json::to_value(analyzer().analyze("考取AI應用規劃師")).unwrap();
    assert_eq!(
        without_level["certifications"][0],
        serde_json::json!({"id": "ipas-ai-planner", "level": null})
    );
}
