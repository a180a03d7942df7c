//! Facet counts over every matching document, read from the keyword fields' fast columns.

use std::collections::{BTreeMap, HashMap};

use meihe_core::schema::names;
use meihe_core::{EntryKind, Taxonomy};
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

/// Facets a request may ask for.
pub const FACETS: &[&str] = &[
    "certifications",
    "certification_levels",
    "skills",
    "occupations",
    "industries",
    "city",
    "work_category",
];

/// How many values each facet lists, most frequent first.
pub const FACET_VALUES: usize = 30;

/// One value of a facet and how many matching documents have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FacetCount {
    /// The value: an id, `id@level`, a code or a name.
    pub value: String,
    /// Matching documents with the value. For `certification_levels`, holders of that
    /// level or higher (postings: asking that level or higher).
    pub count: u64,
    /// Traditional Chinese display name of taxonomy values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh_hant: Option<String>,
    /// English display name of taxonomy values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// The keyword field behind a facet.
fn field_of(facet: &str) -> &'static str {
    match facet {
        "certifications" | "certification_levels" => names::CERTIFICATION,
        "skills" => names::SKILL,
        "occupations" => names::OCCUPATION,
        "industries" => names::INDUSTRY,
        "city" => names::CITY,
        _ => names::WORK_CATEGORY,
    }
}

/// Whether a term of the facet's field belongs to the facet.
fn keeps(facet: &str, term: &str) -> bool {
    match facet {
        "certifications" => !term.contains('@'),
        "certification_levels" => term.contains('@'),
        // Major (1 digit) and sub-major (2 digits) groups.
        "occupations" => term.len() <= 2,
        _ => true,
    }
}

/// Counts the distinct fields of `facets` (already validated against [`FACETS`]).
pub struct FacetCollector {
    fields: Vec<&'static str>,
}

impl FacetCollector {
    /// A collector for the fields of these facets.
    pub fn new(facets: &[String]) -> Self {
        let mut fields: Vec<&'static str> = facets.iter().map(|facet| field_of(facet)).collect();
        fields.sort_unstable();
        fields.dedup();
        FacetCollector { fields }
    }
}

/// Counts per field and term.
pub type FieldCounts = HashMap<&'static str, HashMap<String, u64>>;

/// The per-segment part of [`FacetCollector`].
pub struct SegmentFacets {
    columns: Vec<(&'static str, StrColumn, Vec<u64>)>,
}

impl SegmentFacets {
    fn open(fields: &[&'static str], segment: &SegmentReader) -> tantivy::Result<Self> {
        let mut columns = Vec::new();
        for field in fields {
            if let Some(column) = segment.fast_fields().str(field)? {
                let counts = vec![0; column.num_terms()];
                columns.push((*field, column, counts));
            }
        }
        Ok(SegmentFacets { columns })
    }

    fn count(&mut self, doc: DocId) {
        for (_, column, counts) in &mut self.columns {
            for ord in column.term_ords(doc) {
                counts[ord as usize] += 1;
            }
        }
    }

    fn finish(self) -> FieldCounts {
        let mut result: FieldCounts = HashMap::new();
        for (field, column, counts) in self.columns {
            let terms = result.entry(field).or_default();
            // One pass over the dictionary, in ordinal order, rather than a look-up each.
            let ords: Vec<u64> =
                (0..counts.len() as u64).filter(|ord| counts[*ord as usize] > 0).collect();
            let mut next = ords.iter();
            let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                if let Some(ord) = next.next() {
                    let term = String::from_utf8_lossy(bytes).into_owned();
                    *terms.entry(term).or_insert(0) += counts[*ord as usize];
                }
            });
        }
        result
    }
}

impl Collector for FacetCollector {
    type Fruit = FieldCounts;
    type Child = SegmentFacetCollector;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(SegmentFacetCollector(SegmentFacets::open(&self.fields, reader)?))
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FieldCounts>) -> tantivy::Result<FieldCounts> {
        Ok(merge(fruits))
    }
}

/// Collects one segment's counts.
pub struct SegmentFacetCollector(SegmentFacets);

impl SegmentCollector for SegmentFacetCollector {
    type Fruit = FieldCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.0.count(doc);
    }

    fn harvest(self) -> FieldCounts {
        self.0.finish()
    }
}

fn merge(fruits: Vec<FieldCounts>) -> FieldCounts {
    let mut merged: FieldCounts = HashMap::new();
    for fruit in fruits {
        for (field, terms) in fruit {
            let into = merged.entry(field).or_default();
            for (term, count) in terms {
                *into.entry(term).or_insert(0) += count;
            }
        }
    }
    merged
}

/// Counts the facets of an explicit list of documents (after a filter tantivy cannot
/// apply, such as eligibility).
pub fn count_documents(
    searcher: &Searcher,
    facets: &[String],
    documents: &[DocAddress],
) -> tantivy::Result<FieldCounts> {
    let collector = FacetCollector::new(facets);
    let mut by_segment: BTreeMap<u32, Vec<DocId>> = BTreeMap::new();
    for address in documents {
        by_segment.entry(address.segment_ord).or_default().push(address.doc_id);
    }
    let mut fruits = Vec::new();
    for (segment, docs) in by_segment {
        let mut counter = SegmentFacets::open(&collector.fields, searcher.segment_reader(segment))?;
        for doc in docs {
            counter.count(doc);
        }
        fruits.push(counter.finish());
    }
    Ok(merge(fruits))
}

/// The requested facets from field counts, most frequent values first, with display
/// names for taxonomy values.
pub fn facet_lists(
    facets: &[String],
    counts: &FieldCounts,
    taxonomy: &Taxonomy,
) -> BTreeMap<String, Vec<FacetCount>> {
    let mut result = BTreeMap::new();
    for facet in facets {
        let mut values: Vec<FacetCount> = counts
            .get(field_of(facet))
            .into_iter()
            .flatten()
            .filter(|(term, _)| keeps(facet, term))
            .map(|(term, count)| {
                let (zh_hant, en) = display_names(facet, term, taxonomy);
                FacetCount { value: term.clone(), count: *count, zh_hant, en }
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        values.truncate(FACET_VALUES);
        result.insert(facet.clone(), values);
    }
    result
}

fn display_names(facet: &str, term: &str, taxonomy: &Taxonomy) -> (Option<String>, Option<String>) {
    let (kind, id, suffix) = match facet {
        "certifications" => (EntryKind::Certification, term, None),
        "certification_levels" => {
            let (id, level) = term.split_once('@').unwrap_or((term, ""));
            (EntryKind::Certification, id, Some(level))
        }
        "skills" => (EntryKind::Skill, term, None),
        "occupations" => (EntryKind::Occupation, term, None),
        "industries" => (EntryKind::Industry, term, None),
        _ => return (None, None),
    };
    let Some(names) = taxonomy.names(kind, id) else { return (None, None) };
    let level = suffix.and_then(|level| level.parse::<meihe_core::Level>().ok());
    let zh = match level {
        Some(level) => format!("{} {}", names.zh_hant, level.zh_hant()),
        None => names.zh_hant.clone(),
    };
    let en = match level {
        Some(level) => format!("{} ({})", names.en, level),
        None => names.en.clone(),
    };
    (Some(zh).filter(|name| !name.trim().is_empty()), Some(en).filter(|name| !name.is_empty()))
}
