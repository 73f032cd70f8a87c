//! Helpers shared by the integration tests: the real binary, the dev data, fixtures.

#![allow(dead_code)]

pub mod corpus;

use std::path::{Path, PathBuf};

/// The `talign` binary under test: this crate's, or the one `TALIGN_BIN` names (to check that a
/// test fails on an older build: `TALIGN_BIN=/tmp/talign-old cargo test --test it reliability`).
pub fn talign() -> assert_cmd::Command {
    match std::env::var_os("TALIGN_BIN") {
        Some(bin) => assert_cmd::Command::new(bin),
        None => assert_cmd::Command::cargo_bin("talign")
            .unwrap_or_else(|e| panic!("no talign binary: {e}")),
    }
}

/// The path of the binary [`talign`] runs, for tests that need a plain `std::process::Command`
/// (signals, pipes).
pub fn talign_path() -> PathBuf {
    match std::env::var_os("TALIGN_BIN") {
        Some(bin) => PathBuf::from(bin),
        None => PathBuf::from(env!("CARGO_BIN_EXE_talign")),
    }
}

/// `../shared/data` beside the crate, or `None` (after saying so loudly) when missing.
pub fn shared_data(what: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.join(what).exists() {
        Some(dir)
    } else {
        skip(&format!(
            "../shared/data/{what} not found; this test checks nothing without it"
        ));
        None
    }
}

/// Where skipped checks are recorded, one line each: `.ci/run` prints this file at the end, so a
/// green run shows what it did not check (`cargo test` hides a passing test's stderr).
pub const SKIP_LOG: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/skipped-tests.txt");

/// Reports a check that could not run: on stderr and in [`SKIP_LOG`], with the test's name.
pub fn skip(reason: &str) {
    let test = std::thread::current()
        .name()
        .unwrap_or("unnamed test")
        .to_string();
    let line = format!("SKIPPED: {test}: {reason}");
    eprintln!("{line}");
    let logged = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(SKIP_LOG)
        .and_then(|mut f| std::io::Write::write_all(&mut f, format!("{line}\n").as_bytes()));
    if let Err(e) = logged {
        eprintln!("(could not record the skip in {SKIP_LOG}: {e})");
    }
}

/// Writes a fixture file (creating folders).
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir: {e}"));
    }
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {name}: {e}"));
    path
}
