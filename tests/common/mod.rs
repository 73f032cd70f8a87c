//! Helpers shared by the integration tests: the real binary, the dev data, fixtures.

#![allow(dead_code)]

pub mod corpus;

use std::path::{Path, PathBuf};

/// The `talign` binary under test.
pub fn talign() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("talign").unwrap_or_else(|e| panic!("no talign binary: {e}"))
}

/// `../shared/data` beside the crate, or `None` (after saying so loudly) when missing.
pub fn shared_data(what: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.join(what).exists() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: ../shared/data/{what} not found; this test checks nothing without it");
        None
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
