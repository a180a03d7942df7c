use std::collections::{HashMap, HashSet};

use meihe_core::taxonomy::CertificationStatus;
use meihe_core::{Analyzer, EntryKind, Taxonomy};
use unicode_normalization::UnicodeNormalization;

use crate::support::taxonomy;

const FIELDS: &[&str] = &[
    "software",
    "data-ai",
    "semiconductor-electronics",
    "machinery-manufacturing",
    "net-zero-energy",
    "infosec",
    "finance",
    "sales-marketing",
    "project-management",
    "hr",
    "caregiving",
    "construction",
    "agriculture",
    "logistics",
];

#[test]
fn skills_cover_every_field() {
    let taxonomy = taxonomy();
    assert!(taxonomy.skills().len() >= 400, "{} skills", taxonomy.skills().len());
    for field in FIELDS {
        let count = taxonomy.skills().iter().filter(|skill| skill.field == *field).count();
        assert!(count >= 20, "field {field} has {count} skills");
    }
}

#[test]
fn every_ipas_certification_with_levels_and_status() {
    let taxonomy = taxonomy();
    assert_eq!(taxonomy.certifications().len(), 26);
    let current =
        taxonomy.certifications().iter().filter(|cert| cert.status == CertificationStatus::Current);
    assert_eq!(current.count(), 17);
    let big_data = taxonomy.certification("ipas-big-data").unwrap();
    assert_eq!(big_data.status, CertificationStatus::Retired);
    assert_eq!(big_data.successor.as_deref(), Some("ipas-ai-planner"));
    let valuation = taxonomy.certification("ipas-intangible-asset").unwrap();
    assert_eq!(valuation.levels.len(), 3);
}

#[test]
fn occupations_policies_and_variants_are_complete() {
    let taxonomy = taxonomy();
    let majors =
        taxonomy.occupations().iter().filter(|occupation| occupation.code.len() == 1).count();
    let sub_majors =
        taxonomy.occupations().iter().filter(|occupation| occupation.code.len() == 2).count();
    assert_eq!((majors, sub_majors), (10, 39));
    assert_eq!(taxonomy.industry_policies().len(), 31);
    assert!(taxonomy.variants().len() >= 163);
}

#[test]
fn surface_forms_are_unique_within_each_kind() {
    let taxonomy = taxonomy();
    let mut seen: HashMap<(EntryKind, String), &str> = HashMap::new();
    let mut clashes = Vec::new();
    for (kind, id, form) in taxonomy.surface_forms() {
        let key = (kind, form.nfkc().collect::<String>().to_lowercase());
        let nested = |left: &str, right: &str| {
            kind == EntryKind::Occupation && (left.starts_with(right) || right.starts_with(left))
        };
        if let Some(other) = seen.insert(key.clone(), id)
            && other != id
            && !nested(other, id)
        {
            clashes.push(format!("{kind:?} `{}`: {other} and {id}", key.1));
        }
    }
    assert!(clashes.is_empty(), "{}", clashes.join("\n"));
}

#[test]
fn ids_are_unique_and_retired_certifications_point_at_current_ones() {
    let taxonomy = taxonomy();
    let ids: HashSet<&str> = taxonomy.skills().iter().map(|skill| skill.id.as_str()).collect();
    assert_eq!(ids.len(), taxonomy.skills().len());
    for cert in taxonomy.certifications() {
        if let Some(successor) = &cert.successor {
            assert_eq!(
                taxonomy.certification(successor).unwrap().status,
                CertificationStatus::Current
            );
        }
    }
}

#[test]
fn a_user_directory_extends_and_overrides() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(
        directory.path().join("skills.tsv"),
        "id\tfield\tzh_hant\tzh_hans\ten\taliases\n\
         python\tsoftware\t\t\tPython 3\tpy3\n\
         quantum-computing\tsoftware\t量子計算\t量子计算\tQuantum Computing\tqc\n",
    )
    .unwrap();
    std::fs::write(
        directory.path().join("variants.tsv"),
        "zh_hant\tzh_hans\ten\tkind\n鼠標器\t鼠标\tmouse\tlexical\n",
    )
    .unwrap();
    let taxonomy = Taxonomy::load(Some(directory.path())).unwrap();
    assert_eq!(taxonomy.skill("python").unwrap().names.en, "Python 3");
    assert_eq!(taxonomy.skills().len(), Taxonomy::builtin().unwrap().skills().len() + 1);
    let analyzer = Analyzer::new(&taxonomy).unwrap();
    assert_eq!(analyzer.extract("熟悉量子計算與py3").skills, ["quantum-computing", "python"]);
    assert_eq!(analyzer.fold_str("鼠標器"), analyzer.fold_str("鼠标"));
}

#[test]
fn a_bad_user_file_names_its_line_and_column() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(
        directory.path().join("certifications.tsv"),
        "id\tcode\tzh_hant\tzh_hans\ten\tlevels\tstatus\tsuccessor\tcategory\tbare\taliases\n\
         ipas-x\tX\t某師\t某师\tX\texpert\tcurrent\t\t\tno\t\n",
    )
    .unwrap();
    let error = Taxonomy::load(Some(directory.path())).unwrap_err().to_string();
    assert!(
        error.starts_with("certifications.tsv:2: column `levels`: unknown level `expert`"),
        "{error}"
    );

    std::fs::write(directory.path().join("certifications.tsv"), "id\tname\n").unwrap();
    let error = Taxonomy::load(Some(directory.path())).unwrap_err().to_string();
    assert!(error.contains("header must be"), "{error}");

    std::fs::remove_file(directory.path().join("certifications.tsv")).unwrap();
    std::fs::write(directory.path().join("jobs.tsv"), "x\n").unwrap();
    let error = Taxonomy::load(Some(directory.path())).unwrap_err().to_string();
    assert!(error.contains("unknown taxonomy file `jobs.tsv`"), "{error}");
}
