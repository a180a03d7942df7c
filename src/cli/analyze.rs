//! `meihe analyze`: tokens and extracted taxonomy ids of one text.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};
use meihe_core::{Analysis, Analyzer, EntryKind, Taxonomy};

pub const EXAMPLES: &str = "\
Examples:
  meihe analyze '熟悉Python與Linux，具iPAS資訊安全工程師中級證照'
  meihe analyze --json '资讯安全工程师 C++ node.js'
  echo '軟體工程師' | meihe analyze -";

/// Arguments of `meihe analyze`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON: {\"tokens\":[{\"text\",\"start\",\"end\",\"position\"}],\"skills\":[…],
    /// \"certifications\":[{\"id\",\"level\"}],\"occupations\":[…],\"industries\":[…]}.
    #[arg(long)]
    json: bool,

    /// The text to analyse; `-` or nothing reads standard input.
    #[arg(value_name = "TEXT")]
    text: Option<String>,
}

/// Runs `meihe analyze`.
pub fn run(taxonomy_dir: Option<&Path>, args: Args) -> Result<()> {
    let text = match args.text.as_deref() {
        Some("-") | None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("cannot read standard input as UTF-8")?;
            text
        }
        Some(text) => text.to_owned(),
    };
    if text.trim().is_empty() && args.text.is_none() {
        bail!("no text to analyse: give TEXT or pipe it on standard input");
    }
    let taxonomy = Taxonomy::load(taxonomy_dir).context("cannot load the taxonomy")?;
    let analyzer = Analyzer::new(&taxonomy).context("cannot build the analyzer")?;
    let analysis = analyzer.analyze(&text);
    if args.json {
        println!("{}", serde_json::to_string(&analysis)?);
    } else {
        print_human(&taxonomy, &text, &analysis);
    }
    Ok(())
}

fn print_human(taxonomy: &Taxonomy, text: &str, analysis: &Analysis) {
    println!("{:<24} {:>6} {:>6} {:>8}  source", "token", "start", "end", "position");
    for token in &analysis.tokens {
        let source = &text[token.start..token.end];
        println!(
            "{:<24} {:>6} {:>6} {:>8}  {source}",
            token.text, token.start, token.end, token.position
        );
    }
    let describe = |kind: EntryKind, id: &str| match taxonomy.names(kind, id) {
        Some(names) if names.display_zh() != names.display_en() => {
            format!("{id} ({} / {})", names.display_zh(), names.display_en())
        }
        Some(names) => format!("{id} ({})", names.display_en()),
        None => id.to_owned(),
    };
    let list = |kind: EntryKind, ids: &[String]| {
        if ids.is_empty() {
            "-".to_owned()
        } else {
            ids.iter().map(|id| describe(kind, id)).collect::<Vec<_>>().join(", ")
        }
    };
    println!();
    println!("skills:         {}", list(EntryKind::Skill, &analysis.skills));
    let certifications: Vec<String> = analysis
        .certifications
        .iter()
        .map(|mention| {
            let level = mention.level.map_or("level not stated".to_owned(), |level| {
                format!("{} {}", level.zh_hant(), level.as_str())
            });
            format!("{} [{level}]", describe(EntryKind::Certification, &mention.id))
        })
        .collect();
    let certifications =
        if certifications.is_empty() { "-".to_owned() } else { certifications.join(", ") };
    println!("certifications: {certifications}");
    println!("occupations:    {}", list(EntryKind::Occupation, &analysis.occupations));
    println!("industries:     {}", list(EntryKind::Industry, &analysis.industries));
}
