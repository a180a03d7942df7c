//! `meihe keys`.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::Subcommand;
use meihe_query::http::keys::{KeyRecord, add_key, list_keys, revoke_key};
use meihe_query::visibility::Role;
use unicode_width::UnicodeWidthStr;

const EXAMPLES: &str = "\
Examples:
  KEY=$(meihe keys add --keys keys.jsonl --role employer)
  meihe keys add --keys keys.jsonl --role candidate --resume cv-0042
  meihe keys list --keys keys.jsonl
  meihe keys list --keys keys.jsonl --json
  meihe keys revoke --keys keys.jsonl key-3f9a0c1e
The keys file holds one JSON object per key, with the key's SHA-256 and never the key
itself: `add` prints a new key once, and nothing can show it again. Revoking takes effect
on a running `meihe serve` at its next request; no restart is needed.";

/// Arguments of `meihe keys`.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES, subcommand_required = true, arg_required_else_help = true)]
pub struct KeysArgs {
    #[command(subcommand)]
    command: KeysCommand,
}

#[derive(Debug, Subcommand)]
enum KeysCommand {
    /// Create a key and print it, alone on standard output. The key is shown only once:
    /// the file keeps just its hash.
    #[command(after_help = "\
Examples:
  KEY=$(meihe keys add --keys keys.jsonl --role organizer)
  meihe keys add --keys keys.jsonl --role candidate --resume cv-0042")]
    Add(AddArgs),
    /// List the keys: id, role, résumé and creation time (never the keys or their hashes).
    List(ListArgs),
    /// Revoke a key by its id (as `list` shows it).
    Revoke(RevokeArgs),
}

/// The keys file, common to all `meihe keys` commands.
#[derive(Debug, clap::Args)]
struct KeysFile {
    /// The keys file (JSON Lines). `add` creates it, mode 0600, if it is missing.
    #[arg(long = "keys", env = "MEIHE_KEYS", value_name = "FILE")]
    path: PathBuf,
}

/// Roles, on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum RoleArg {
    /// Everything, including writes and deletes.
    Admin,
    /// Searches candidates and vacancies.
    Employer,
    /// Organises recruitment fairs: searches candidates, pre-matches.
    #[value(alias = "organiser")]
    Organizer,
    /// A candidate, bound to one résumé (--resume).
    Candidate,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Role {
        match role {
            RoleArg::Admin => Role::Admin,
            RoleArg::Employer => Role::Employer,
            RoleArg::Organizer => Role::Organizer,
            RoleArg::Candidate => Role::Candidate,
        }
    }
}

#[derive(Debug, clap::Args)]
struct AddArgs {
    #[command(flatten)]
    file: KeysFile,
    /// What the key may do.
    #[arg(long, value_enum)]
    role: RoleArg,
    /// For a candidate key: the id of the résumé the key is bound to (required for
    /// candidates, refused for other roles).
    #[arg(long, value_name = "ID")]
    resume: Option<String>,
}

#[derive(Debug, clap::Args)]
struct ListArgs {
    #[command(flatten)]
    file: KeysFile,
    /// Print a JSON array of {"id","role","resume","created"} instead of a table
    /// (`resume` is null for keys other than candidates').
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct RevokeArgs {
    #[command(flatten)]
    file: KeysFile,
    /// The id of the key, such as key-3f9a0c1e.
    #[arg(value_name = "ID")]
    id: String,
}

/// Runs `meihe keys`.
pub fn run(args: KeysArgs) -> Result<()> {
    match args.command {
        KeysCommand::Add(args) => add(args),
        KeysCommand::List(args) => list(args),
        KeysCommand::Revoke(args) => revoke(args),
    }
}

fn add(args: AddArgs) -> Result<()> {
    let role = Role::from(args.role);
    let (record, key) = add_key(&args.file.path, role, args.resume.as_deref())?;
    println!("{key}");
    let bound = record.resume.as_deref().map(|id| format!(", résumé {id}")).unwrap_or_default();
    eprintln!(
        "added {} (role {}{bound}); the key is shown only once — store it now",
        record.id,
        role.as_str()
    );
    Ok(())
}

fn list(args: ListArgs) -> Result<()> {
    let keys = list_keys(&args.file.path)?;
    if args.json {
        // KeyRecord serialises as {"id","role","resume","created"}: it holds no key or hash.
        println!("{}", serde_json::to_string(&keys)?);
    } else if keys.is_empty() {
        eprintln!("no keys in {}", args.file.path.display());
    } else {
        print_table(&keys);
    }
    Ok(())
}

fn print_table(keys: &[KeyRecord]) {
    let header = ["id", "role", "résumé", "created"];
    let rows: Vec<[&str; 4]> = keys
        .iter()
        .map(|key| {
            [&*key.id, key.role.as_str(), key.resume.as_deref().unwrap_or("-"), &*key.created]
        })
        .collect();
    let mut widths = header.map(UnicodeWidthStr::width);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(widths) {
            line.push_str(cell);
            line.push_str(&" ".repeat(width - cell.width() + 2));
        }
        println!("{}", line.trim_end());
    }
}

fn revoke(args: RevokeArgs) -> Result<()> {
    let path: &Path = &args.file.path;
    if !revoke_key(path, &args.id)? {
        bail!("no key {} in {}", args.id, path.display());
    }
    println!("revoked {}", args.id);
    Ok(())
}
