use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// Runs the `meihe` binary (without any `MEIHE_INDEX` of the caller's environment).
pub fn meihe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meihe"))
        .args(args)
        .env_remove("MEIHE_INDEX")
        .output()
        .expect("meihe runs")
}

/// The sample data directory.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// An index of the fixtures built once through `meihe index`, with the fixture fairs as
/// its catalog; shared by the tests that only read it.
pub fn fixture_index() -> &'static Path {
    static INDEX: OnceLock<tempfile::TempDir> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let directory = tempfile::tempdir().unwrap();
            for (kind, file) in [("jobs", "jobs.jsonl"), ("resumes", "resumes.jsonl")] {
                let path = fixtures().join(file);
                let output = meihe(&[
                    "index",
                    "--index",
                    directory.path().to_str().unwrap(),
                    "--kind",
                    kind,
                    path.to_str().unwrap(),
                ]);
                assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            }
            std::fs::copy(fixtures().join("fairs.jsonl"), directory.path().join("fairs.jsonl"))
                .unwrap();
            directory
        })
        .path()
}
