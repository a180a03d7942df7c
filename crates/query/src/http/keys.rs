//! API keys of the HTTP service (SPEC §7).
//!
//! Keys live in a JSON Lines file, one object per key:
//!
//! ```json
//! {"id":"key-3f9a0c1e","role":"employer","created":"2026-11-21T16:40:00Z","sha256":"…"}
//! {"id":"key-77b2e410","role":"candidate","resume":"cv-0042","created":"2026-11-21T16:41:07Z","sha256":"…"}
//! ```
//!
//! A key is `mh_` followed by 32 random bytes in hex. The file holds only the SHA-256 of each
//! key; the plaintext is shown once, by [`add_key`], and never stored. A fast hash is the
//! right tool here: the keys carry 256 bits of randomness, so there is nothing for a slow,
//! salted password hash to protect against — no dictionary to try, and 2^256 preimages to
//! search.
//!
//! Unknown fields are rejected and blank lines ignored. A candidate key must name the résumé
//! it is bound to (`resume`); other keys must not. [`add_key`] and [`revoke_key`] replace the
//! file atomically (temporary file, fsync, rename, fsync of the directory), with mode 0600 on
//! Unix. A [`KeyStore`] notices when the file changes and re-reads it, so a revoked key stops
//! working without a restart.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::visibility::Role;

/// The prefix of every plaintext key.
pub const KEY_PREFIX: &str = "mh_";

/// One API key as the service sees it: who it is, never the key itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyRecord {
    /// The key's public id, such as `key-3f9a0c1e`: safe to show, log and revoke by.
    pub id: String,
    /// What the key may do.
    pub role: Role,
    /// The résumé a candidate key is bound to; `None` for other roles.
    pub resume: Option<String>,
    /// When the key was added, in UTC, such as `2026-11-21T16:40:00Z`.
    pub created: String,
}

/// What can go wrong reading or writing a keys file. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum KeysError {
    /// The file could not be read (missing, unreadable, not a file).
    #[error("cannot read keys file {}: {error}", .path.display())]
    Read {
        /// The keys file.
        path: PathBuf,
        /// What the operating system said.
        error: io::Error,
    },
    /// The file could not be written.
    #[error("cannot write keys file {}: {error}", .path.display())]
    Write {
        /// The keys file.
        path: PathBuf,
        /// What the operating system said.
        error: io::Error,
    },
    /// The directory the keys file should be created in does not exist.
    #[error("cannot create keys file {}: directory {} does not exist", .path.display(), .directory.display())]
    NoDirectory {
        /// The keys file.
        path: PathBuf,
        /// Its missing parent directory.
        directory: PathBuf,
    },
    /// A line of the file is not a valid key.
    #[error("keys file {}, line {line}{}: {reason}", .path.display(), field_label(.field))]
    Line {
        /// The keys file.
        path: PathBuf,
        /// The line, counting from 1.
        line: usize,
        /// The field at fault, when one is.
        field: Option<&'static str>,
        /// What is wrong.
        reason: String,
    },
    /// A candidate key was requested without a résumé.
    #[error("a candidate key needs --resume ID")]
    ResumeMissing,
    /// A résumé was given for a key that is not a candidate's.
    #[error("only candidate keys are bound to a résumé")]
    ResumeNotAllowed,
    /// The résumé id given is empty or holds control characters.
    #[error("invalid résumé id {0:?}: it must be non-empty, without spaces or control characters")]
    BadResume(String),
}

fn field_label(field: &Option<&'static str>) -> String {
    field.map(|field| format!(", field `{field}`")).unwrap_or_default()
}

/// A line of the keys file, exactly as stored.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a JSON object with id, role, created and sha256")]
struct StoredKey {
    id: String,
    role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resume: Option<String>,
    created: String,
    sha256: String,
}

/// One valid key of a parsed file.
struct Entry {
    record: KeyRecord,
    hash: [u8; 32],
    /// The line as it stands in the file, kept so rewrites leave other lines untouched.
    raw: String,
}

/// The keys of one file, indexed by hash.
#[derive(Default)]
struct Keys {
    entries: Vec<Entry>,
    /// Entries by the first 8 bytes of their hash. The full hash is then compared in
    /// constant time; see [`KeyStore::authenticate`].
    by_prefix: HashMap<u64, Vec<usize>>,
}

impl Keys {
    fn parse(path: &Path, bytes: &[u8]) -> Result<Keys, KeysError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut keys = Keys::default();
        let mut first_line_of_id: HashMap<String, usize> = HashMap::new();
        let mut hashes: HashSet<[u8; 32]> = HashSet::new();
        for (index, line) in bytes.split(|&byte| byte == b'\n').enumerate() {
            let number = index + 1;
            let invalid = |field: Option<&'static str>, reason: String| KeysError::Line {
                path: path.to_owned(),
                line: number,
                field,
                reason,
            };
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let line = std::str::from_utf8(line)
                .map_err(|_| invalid(None, "the line is not valid UTF-8".to_owned()))?;
            if line.trim().is_empty() {
                continue;
            }
            let stored: StoredKey = serde_json::from_str(line).map_err(|error| {
                let position = format!(" at line {} column {}", error.line(), error.column());
                let message = error.to_string();
                let message = message.strip_suffix(&position).unwrap_or(&message);
                let reason = if error.is_data() {
                    message.to_owned()
                } else {
                    format!("invalid JSON: {message} (column {})", error.column())
                };
                invalid(None, reason)
            })?;
            if stored.id.is_empty() || !stored.id.chars().all(|c| c.is_ascii_graphic()) {
                return Err(invalid(
                    Some("id"),
                    format!("invalid id {:?}: expected printable ASCII without spaces", stored.id),
                ));
            }
            if let Some(first) = first_line_of_id.get(&stored.id) {
                return Err(invalid(
                    Some("id"),
                    format!("duplicate id `{}` (first on line {first})", stored.id),
                ));
            }
            let role: Role = stored.role.parse().map_err(|reason| invalid(Some("role"), reason))?;
            match (role, &stored.resume) {
                (Role::Candidate, None) => {
                    return Err(invalid(
                        Some("resume"),
                        "a candidate key must name its résumé".to_owned(),
                    ));
                }
                (Role::Candidate, Some(resume)) if !valid_resume(resume) => {
                    return Err(invalid(Some("resume"), format!("invalid résumé id {resume:?}")));
                }
                (other, Some(_)) if other != Role::Candidate => {
                    return Err(invalid(
                        Some("resume"),
                        format!(
                            "only candidate keys are bound to a résumé, not {}",
                            other.as_str()
                        ),
                    ));
                }
                _ => {}
            }
            if stored.created.trim().is_empty() {
                return Err(invalid(Some("created"), "must not be empty".to_owned()));
            }
            let hash = parse_hash(&stored.sha256).ok_or_else(|| {
                invalid(Some("sha256"), "expected 64 hexadecimal characters".to_owned())
            })?;
            if !hashes.insert(hash) {
                return Err(invalid(Some("sha256"), "the same key appears twice".to_owned()));
            }
            first_line_of_id.insert(stored.id.clone(), number);
            keys.by_prefix.entry(prefix(&hash)).or_default().push(keys.entries.len());
            keys.entries.push(Entry {
                record: KeyRecord {
                    id: stored.id,
                    role,
                    resume: stored.resume,
                    created: stored.created,
                },
                hash,
                raw: line.to_owned(),
            });
        }
        Ok(keys)
    }

    fn find(&self, hash: &[u8; 32]) -> Option<&KeyRecord> {
        let mut found = None;
        for &index in self.by_prefix.get(&prefix(hash)).map(Vec::as_slice).unwrap_or_default() {
            let entry = &self.entries[index];
            if constant_time_eq(&entry.hash, hash) {
                found = Some(&entry.record);
            }
        }
        found
    }

    fn contains_id(&self, id: &str) -> bool {
        self.entries.iter().any(|entry| entry.record.id == id)
    }

    /// The file's contents with these entries, one line each.
    fn render<'a>(entries: impl Iterator<Item = &'a Entry>, extra: Option<&str>) -> String {
        let mut out = String::new();
        for line in entries.map(|entry| entry.raw.as_str()).chain(extra) {
            out.push_str(line);
            out.push('\n');
        }
        out
    }
}

fn parse_hash(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 {
        return None;
    }
    let mut hash = [0u8; 32];
    hex::decode_to_slice(text, &mut hash).ok()?;
    Some(hash)
}

fn prefix(hash: &[u8; 32]) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&hash[..8]);
    u64::from_le_bytes(bytes)
}

fn hash_key(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

/// Whether `a` and `b` are equal, in time that depends only on their lengths: every byte is
/// compared and the differences accumulated, with no early exit.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let difference = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(difference) == 0
}

fn valid_resume(resume: &str) -> bool {
    !resume.is_empty() && !resume.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// What identifies one version of the keys file: a change of any part means it was
/// rewritten (an atomic replacement always brings a new inode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    inode: u64,
}

impl Stamp {
    fn of(metadata: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(metadata);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp { modified: metadata.modified().ok(), len: metadata.len(), inode }
    }
}

/// Reads the keys file with the stamp of the very version read.
fn read_file(path: &Path) -> Result<(Keys, Stamp), KeysError> {
    let read_error = |error| KeysError::Read { path: path.to_owned(), error };
    let mut file = File::open(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    if !metadata.is_file() {
        return Err(read_error(io::Error::other("not a regular file")));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.read_to_end(&mut bytes).map_err(read_error)?;
    Ok((Keys::parse(path, &bytes)?, Stamp::of(&metadata)))
}

/// What a [`KeyStore`] last saw of its file.
struct State {
    keys: Keys,
    /// The version the keys were read from.
    stamp: Stamp,
    /// The version (or absence) of the file that last failed to load, so one bad version is
    /// reported once rather than on every request.
    failed: Option<Option<Stamp>>,
}

struct Inner {
    path: PathBuf,
    state: RwLock<State>,
}

/// The API keys of a running service, read from a keys file and re-read when it changes.
/// Cheap to clone; clones share one view of the file.
#[derive(Clone)]
pub struct KeyStore {
    inner: Arc<Inner>,
}

impl fmt::Debug for KeyStore {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("KeyStore")
            .field("path", &self.inner.path)
            .field("keys", &self.len())
            .finish()
    }
}

impl KeyStore {
    /// Opens the keys file. An error names the path and, for a bad line, the line number and
    /// field.
    pub fn open(path: &Path) -> Result<KeyStore, KeysError> {
        let (keys, stamp) = read_file(path)?;
        Ok(KeyStore {
            inner: Arc::new(Inner {
                path: path.to_owned(),
                state: RwLock::new(State { keys, stamp, failed: None }),
            }),
        })
    }

    /// The path of the keys file.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// The record of a presented bearer token, or `None` when it is no active key.
    ///
    /// The token is hashed and looked up by its hash; the stored hash is then compared in
    /// constant time. When the file's modification time, length or inode changed since the
    /// last read, it is read again first (so `meihe keys revoke` takes effect without a
    /// restart); if that fails, the last good keys stay in force and a warning is logged.
    pub fn authenticate(&self, token: &str) -> Option<KeyRecord> {
        self.refresh();
        let hash = hash_key(token);
        let state = self.inner.state.read().unwrap_or_else(PoisonError::into_inner);
        state.keys.find(&hash).cloned()
    }

    /// The number of active keys.
    pub fn len(&self) -> usize {
        self.refresh();
        self.inner.state.read().unwrap_or_else(PoisonError::into_inner).keys.entries.len()
    }

    /// Whether there are no active keys.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Re-reads the file if it changed since the last read.
    fn refresh(&self) {
        let path = &self.inner.path;
        let current = fs::metadata(path).ok().map(|metadata| Stamp::of(&metadata));
        {
            let state = self.inner.state.read().unwrap_or_else(PoisonError::into_inner);
            if current == Some(state.stamp) || state.failed == Some(current) {
                return;
            }
        }
        let mut state = self.inner.state.write().unwrap_or_else(PoisonError::into_inner);
        if current == Some(state.stamp) || state.failed == Some(current) {
            return;
        }
        match read_file(path) {
            Ok((keys, stamp)) => {
                tracing::info!(path = %path.display(), keys = keys.entries.len(), "keys file re-read");
                *state = State { keys, stamp, failed: None };
            }
            Err(error) => {
                // The error names the file, line and field; it never holds a key or a hash.
                tracing::warn!(
                    path = %path.display(),
                    %error,
                    keys = state.keys.entries.len(),
                    "keys file changed but cannot be read; keeping the last good keys"
                );
                state.failed = Some(current);
            }
        }
    }
}

/// Reads the keys file for modification: a missing file is an empty one.
fn read_for_update(path: &Path) -> Result<Keys, KeysError> {
    match read_file(path) {
        Ok((keys, _)) => Ok(keys),
        Err(KeysError::Read { error, .. }) if error.kind() == io::ErrorKind::NotFound => {
            Ok(Keys::default())
        }
        Err(error) => Err(error),
    }
}

/// The directory a keys file lives in.
fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Replaces the keys file with `contents`: a temporary file in the same directory, fsync,
/// rename over the old file, fsync of the directory. The file gets mode 0600 on Unix.
fn write_atomically(path: &Path, contents: &str) -> Result<(), KeysError> {
    let write_error = |error| KeysError::Write { path: path.to_owned(), error };
    let directory = directory_of(path);
    if !directory.is_dir() {
        return Err(KeysError::NoDirectory {
            path: path.to_owned(),
            directory: directory.to_owned(),
        });
    }
    let name = path
        .file_name()
        .ok_or_else(|| write_error(io::Error::other("the path names no file")))?
        .to_string_lossy();
    let temporary = directory.join(format!(".{name}.{}.{}.tmp", std::process::id(), random_hex(4)));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&temporary).and_then(|mut file| {
        file.write_all(contents.as_bytes())?;
        file.sync_all()
    });
    let replaced = written.and_then(|()| fs::rename(&temporary, path));
    if let Err(error) = replaced {
        let _ = fs::remove_file(&temporary);
        return Err(write_error(error));
    }
    #[cfg(unix)]
    File::open(directory).and_then(|directory| directory.sync_all()).map_err(write_error)?;
    Ok(())
}

fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    rand::fill(buffer.as_mut_slice());
    hex::encode(buffer)
}

/// Adds a key with `role` (and, for a candidate, the résumé it is bound to) to the keys file,
/// creating the file if it is missing (its directory must exist). Returns the new key's
/// record and the plaintext key, which is stored nowhere: show it once.
pub fn add_key(
    path: &Path,
    role: Role,
    resume: Option<&str>,
) -> Result<(KeyRecord, String), KeysError> {
    match (role, resume) {
        (Role::Candidate, None) => return Err(KeysError::ResumeMissing),
        (Role::Candidate, Some(resume)) if !valid_resume(resume) => {
            return Err(KeysError::BadResume(resume.to_owned()));
        }
        (other, Some(_)) if other != Role::Candidate => return Err(KeysError::ResumeNotAllowed),
        _ => {}
    }
    let directory = directory_of(path);
    if !directory.is_dir() {
        return Err(KeysError::NoDirectory {
            path: path.to_owned(),
            directory: directory.to_owned(),
        });
    }
    let keys = read_for_update(path)?;
    // 32 bytes from the thread-local generator, a CSPRNG seeded (and reseeded) from the OS.
    let key = format!("{KEY_PREFIX}{}", random_hex(32));
    let id = loop {
        let id = format!("key-{}", random_hex(4));
        if !keys.contains_id(&id) {
            break id;
        }
    };
    let record = KeyRecord {
        id,
        role,
        resume: resume.map(str::to_owned),
        created: format_utc(SystemTime::now()),
    };
    let stored = StoredKey {
        id: record.id.clone(),
        role: role.as_str().to_owned(),
        resume: record.resume.clone(),
        created: record.created.clone(),
        sha256: hex::encode(hash_key(&key)),
    };
    let line = serde_json::to_string(&stored).expect("a key serialises");
    write_atomically(path, &Keys::render(keys.entries.iter(), Some(&line)))?;
    Ok((record, key))
}

/// The keys in the file, in file order. A missing file is an error.
pub fn list_keys(path: &Path) -> Result<Vec<KeyRecord>, KeysError> {
    let (keys, _) = read_file(path)?;
    Ok(keys.entries.into_iter().map(|entry| entry.record).collect())
}

/// Removes the key `id` from the file. Returns `false`, leaving the file as it was, when there
/// is no such key. A missing file is an error.
pub fn revoke_key(path: &Path, id: &str) -> Result<bool, KeysError> {
    let (keys, _) = read_file(path)?;
    if !keys.contains_id(id) {
        return Ok(false);
    }
    let rest = keys.entries.iter().filter(|entry| entry.record.id != id);
    write_atomically(path, &Keys::render(rest, None))?;
    Ok(true)
}

/// `time` in UTC as `YYYY-MM-DDTHH:MM:SSZ`.
fn format_utc(time: SystemTime) -> String {
    let seconds = time.duration_since(UNIX_EPOCH).map(|since| since.as_secs()).unwrap_or(0);
    let days = (seconds / 86_400) as i64;
    let of_day = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn keys_path() -> (tempfile::TempDir, PathBuf) {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("keys.jsonl");
        (directory, path)
    }

    const HASH: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    fn line_error(contents: &str) -> (usize, Option<&'static str>, String) {
        let (_directory, path) = keys_path();
        fs::write(&path, contents).unwrap();
        match KeyStore::open(&path) {
            Err(KeysError::Line { line, field, reason, .. }) => (line, field, reason),
            Err(other) => panic!("expected a line error, got {other}"),
            Ok(_) => panic!("expected an error for {contents:?}"),
        }
    }

    #[test]
    fn add_authenticate_revoke_round_trip() {
        let (_directory, path) = keys_path();
        let (employer, employer_key) = add_key(&path, Role::Employer, None).unwrap();
        let store = KeyStore::open(&path).unwrap();
        assert_eq!(store.len(), 1);
        assert_eq!(store.authenticate(&employer_key), Some(employer.clone()));
        assert_eq!(store.authenticate("mh_nonsense"), None);
        assert_eq!(store.authenticate(""), None);

        // A key added after the store opened is seen without reopening.
        let (candidate, candidate_key) = add_key(&path, Role::Candidate, Some("cv-0042")).unwrap();
        assert_eq!(candidate.resume.as_deref(), Some("cv-0042"));
        let found = store.authenticate(&candidate_key).unwrap();
        assert_eq!(found.role, Role::Candidate);
        assert_eq!(found.resume.as_deref(), Some("cv-0042"));
        assert_eq!(store.len(), 2);

        // Revoking takes effect on the running store.
        assert!(revoke_key(&path, &employer.id).unwrap());
        assert_eq!(store.authenticate(&employer_key), None);
        assert_eq!(store.clone().authenticate(&candidate_key), Some(candidate.clone()));
        assert_eq!(store.len(), 1);
        assert!(!revoke_key(&path, &employer.id).unwrap());
        assert_eq!(list_keys(&path).unwrap(), vec![candidate]);
    }

    #[test]
    fn keys_and_ids_have_their_shape_and_the_file_holds_no_plaintext() {
        let (_directory, path) = keys_path();
        let (record, key) = add_key(&path, Role::Admin, None).unwrap();
        assert_eq!(key.len(), 3 + 64);
        assert!(key.starts_with("mh_"));
        assert!(key[3..].bytes().all(|byte| byte.is_ascii_hexdigit()));
        assert_eq!(record.id.len(), 4 + 8);
        assert!(record.id.starts_with("key-"));
        assert!(record.id[4..].bytes().all(|byte| byte.is_ascii_hexdigit()));
        let created = record.created.as_bytes();
        assert_eq!(created.len(), 20, "{}", record.created);
        assert_eq!((created[4], created[10], created[19]), (b'-', b'T', b'Z'));

        let contents = fs::read_to_string(&path).unwrap();
        assert!(!contents.contains(&key));
        assert!(!contents.contains(&key[3..]));
        assert!(contents.contains(&hex::encode(Sha256::digest(key.as_bytes()))));
        let (other, other_key) = add_key(&path, Role::Admin, None).unwrap();
        assert_ne!(other.id, record.id);
        assert_ne!(other_key, key);
    }

    #[test]
    fn the_store_keeps_the_last_good_keys_when_a_reread_fails() {
        let (_directory, path) = keys_path();
        let (_, key) = add_key(&path, Role::Organizer, None).unwrap();
        let store = KeyStore::open(&path).unwrap();
        assert!(store.authenticate(&key).is_some());

        let good = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{good}{{not json\n")).unwrap();
        assert!(store.authenticate(&key).is_some());
        fs::remove_file(&path).unwrap();
        assert!(store.authenticate(&key).is_some());
        assert_eq!(store.len(), 1);

        // Once the file is good again, it is read again.
        fs::write(&path, "\n").unwrap();
        assert_eq!(store.authenticate(&key), None);
        assert!(store.is_empty());
    }

    #[test]
    fn a_rewrite_of_the_same_length_is_noticed() {
        let (_directory, path) = keys_path();
        let (_, key) = add_key(&path, Role::Employer, None).unwrap();
        let store = KeyStore::open(&path).unwrap();
        let contents = fs::read_to_string(&path).unwrap();
        std::thread::sleep(Duration::from_millis(20));
        let other = hex::encode(Sha256::digest(b"another key"));
        let hash = hex::encode(Sha256::digest(key.as_bytes()));
        write_atomically(&path, &contents.replace(&hash, &other)).unwrap();
        assert_eq!(store.authenticate(&key), None);
        assert_eq!(store.len(), 1);
    }

    #[test]
    fn constant_time_eq_compares_every_byte() {
        assert!(constant_time_eq(b"", b""));
        assert!(constant_time_eq(&[7; 32], &[7; 32]));
        let mut last = [7u8; 32];
        last[31] = 8;
        assert!(!constant_time_eq(&[7; 32], &last));
        let mut first = [7u8; 32];
        first[0] = 6;
        assert!(!constant_time_eq(&[7; 32], &first));
        assert!(!constant_time_eq(&[7; 32], &[7; 31]));
    }

    #[test]
    fn bad_files_name_the_line_and_field() {
        let good = format!(
            r#"{{"id":"key-00000001","role":"admin","created":"2026-11-21T16:40:00Z","sha256":"{HASH}"}}"#
        );
        let (line, field, reason) = line_error(&format!("{good}\n\n{{\"id\":\"key-2\"\n"));
        assert_eq!((line, field), (3, None));
        assert!(reason.starts_with("invalid JSON"), "{reason}");

        let boss = good.replace("admin", "boss");
        let (line, field, reason) = line_error(&boss);
        assert_eq!((line, field), (1, Some("role")));
        assert!(reason.contains("boss"), "{reason}");

        let candidate = good.replace("admin", "candidate");
        let (line, field, _) = line_error(&format!("\n{candidate}\n"));
        assert_eq!((line, field), (2, Some("resume")));

        let employer_with_resume =
            good.replace(r#""role":"admin""#, r#""role":"employer","resume":"cv-1""#);
        assert_eq!(line_error(&employer_with_resume).1, Some("resume"));

        let other_hash = "f".repeat(64);
        let duplicate = format!("{good}\n{}\n", good.replace(HASH, &other_hash));
        let (line, field, reason) = line_error(&duplicate);
        assert_eq!((line, field), (2, Some("id")));
        assert!(reason.contains("line 1"), "{reason}");

        let same_key = format!("{good}\n{}\n", good.replace("key-00000001", "key-00000002"));
        assert_eq!(line_error(&same_key).1, Some("sha256"));

        for bad in [&HASH[1..], &HASH.replace('0', "g"), &format!("{HASH}00")] {
            let (line, field, _) = line_error(&good.replace(HASH, bad));
            assert_eq!((line, field), (1, Some("sha256")));
        }

        let unknown = good.replace(r#""role""#, r#""colour":"red","role""#);
        let (_, _, reason) = line_error(&unknown);
        assert!(reason.contains("unknown field `colour`"), "{reason}");

        let missing = good.replace(&format!(r#","sha256":"{HASH}""#), "");
        assert!(line_error(&missing).2.contains("sha256"));

        // The message names the file, the line and the field, and never the hash.
        let (_directory, path) = keys_path();
        let boss = boss.replace("key-00000001", "key-00000002").replace(HASH, &other_hash);
        fs::write(&path, format!("{good}\n{boss}\n")).unwrap();
        let message = KeyStore::open(&path).unwrap_err().to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains("line 2, field `role`"), "{message}");
        assert!(!message.contains(HASH), "{message}");
    }

    #[test]
    fn blank_lines_crlf_and_bom_are_accepted() {
        let (_directory, path) = keys_path();
        let line = format!(
            r#"{{"id":"key-00000001","role":"candidate","resume":"cv-1","created":"2026-11-21T16:40:00Z","sha256":"{HASH}"}}"#
        );
        fs::write(&path, format!("\u{feff}\r\n{line}\r\n  \r\n")).unwrap();
        let keys = list_keys(&path).unwrap();
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].resume.as_deref(), Some("cv-1"));
    }

    #[test]
    fn add_checks_the_role_and_the_resume() {
        let (_directory, path) = keys_path();
        let error = add_key(&path, Role::Candidate, None).unwrap_err();
        assert_eq!(error.to_string(), "a candidate key needs --resume ID");
        let error = add_key(&path, Role::Employer, Some("cv-1")).unwrap_err();
        assert_eq!(error.to_string(), "only candidate keys are bound to a résumé");
        assert!(add_key(&path, Role::Candidate, Some("")).is_err());
        assert!(!path.exists());

        let nowhere = path.parent().unwrap().join("missing").join("keys.jsonl");
        let error = add_key(&nowhere, Role::Admin, None).unwrap_err();
        assert!(matches!(error, KeysError::NoDirectory { .. }), "{error}");
        assert!(error.to_string().contains("missing"), "{error}");
    }

    #[test]
    fn add_and_revoke_refuse_to_rewrite_a_bad_file() {
        let (_directory, path) = keys_path();
        fs::write(&path, "{oops\n").unwrap();
        assert!(matches!(add_key(&path, Role::Admin, None), Err(KeysError::Line { line: 1, .. })));
        assert!(matches!(revoke_key(&path, "key-1"), Err(KeysError::Line { line: 1, .. })));
        assert_eq!(fs::read_to_string(&path).unwrap(), "{oops\n");
    }

    #[test]
    fn missing_files_are_errors_naming_the_path() {
        let (_directory, path) = keys_path();
        for error in [
            KeyStore::open(&path).unwrap_err(),
            list_keys(&path).unwrap_err(),
            revoke_key(&path, "key-1").unwrap_err(),
        ] {
            assert!(matches!(error, KeysError::Read { .. }));
            assert!(error.to_string().contains(&path.display().to_string()), "{error}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_file_has_mode_0600() {
        use std::os::unix::fs::PermissionsExt;
        let (directory, path) = keys_path();
        let (record, _) = add_key(&path, Role::Admin, None).unwrap();
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        add_key(&path, Role::Employer, None).unwrap();
        assert!(revoke_key(&path, &record.id).unwrap());
        assert_eq!(mode(&path), 0o600);
        // No temporary files are left behind.
        let names: Vec<_> = fs::read_dir(directory.path()).unwrap().map(|e| e.unwrap()).collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn utc_timestamps() {
        assert_eq!(format_utc(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let at = |seconds| format_utc(UNIX_EPOCH + Duration::from_secs(seconds));
        assert_eq!(at(1_795_279_200), "2026-11-21T16:40:00Z");
        assert_eq!(at(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(at(4_107_542_399), "2100-02-28T23:59:59Z");
        assert_eq!(at(4_107_542_400), "2100-03-01T00:00:00Z");
    }
}
