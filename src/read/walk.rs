//! Folder walks: every regular file under a folder, recursively, in sorted order. Symlinks are
//! followed (to files and to folders); a folder reached twice (a link loop, or a second link to
//! it) and anything that is not a regular file (a FIFO, a socket, a device) is named as skipped,
//! so a walk never blocks on a pipe and never runs forever.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::{input_name, ReadError, Reject};

/// What a walk found: the files to read, in order, and what it skipped, with why.
#[derive(Debug, Default)]
pub(crate) struct Walked {
    /// Regular files (or links to them), in walk order.
    pub(crate) files: Vec<PathBuf>,
    /// Entries not read.
    pub(crate) skipped: Vec<Reject>,
    /// Folders walked so far, by identity.
    seen: HashSet<DirId>,
}

/// A folder's identity: device and inode on Unix, the canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum DirId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Canonical(PathBuf),
}

fn dir_id(path: &Path, meta: &fs::Metadata) -> Option<DirId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        Some(DirId::Inode(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        fs::canonicalize(path).ok().map(DirId::Canonical)
    }
}

/// Walks `dir` into `walked`.
pub(crate) fn walk(dir: &Path, walked: &mut Walked) {
    match fs::metadata(dir) {
        Ok(meta) => walk_dir(dir, &meta, walked),
        Err(source) => walked.skipped.push(io_reject(dir, source)),
    }
}

fn io_reject(path: &Path, source: std::io::Error) -> Reject {
    ReadError::Io {
        path: input_name(path),
        source,
    }
    .into()
}

fn skip(path: &Path, reason: &str) -> Reject {
    Reject::new(input_name(path), None, reason)
}

fn walk_dir(dir: &Path, meta: &fs::Metadata, walked: &mut Walked) {
    if let Some(id) = dir_id(dir, meta) {
        if !walked.seen.insert(id) {
            walked.skipped.push(skip(
                dir,
                "skipped: a link to a folder already read (a loop, or a second link to it)",
            ));
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            walked.skipped.push(io_reject(dir, source));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let kind = match entry.file_type() {
            Ok(t) => t,
            Err(source) => {
                walked.skipped.push(io_reject(&path, source));
                continue;
            }
        };
        // a link is judged by what it points to
        let meta = if kind.is_symlink() {
            fs::metadata(&path)
        } else {
            entry.metadata()
        };
        match meta {
            Ok(m) if m.is_dir() => walk_dir(&path, &m, walked),
            Ok(m) if m.is_file() => walked.files.push(path),
            Ok(_) => walked.skipped.push(skip(
                &path,
                "skipped: not a regular file (a FIFO, socket or device); name it on the command \
                 line to read it",
            )),
            Err(source) => walked.skipped.push(io_reject(&path, source)),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn names(paths: &[PathBuf], root: &Path) -> Vec<String> {
        paths
            .iter()
            .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
            .collect()
    }

    #[test]
    fn links_to_folders_are_followed_once_and_loops_are_named() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path().join("c");
        fs::create_dir_all(root.join("real/sub")).unwrap_or_else(|e| panic!("{e}"));
        fs::write(root.join("real/sub/a.txt"), "a").unwrap_or_else(|e| panic!("{e}"));
        let other = dir.path().join("elsewhere");
        fs::create_dir(&other).unwrap_or_else(|e| panic!("{e}"));
        fs::write(other.join("b.txt"), "b").unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(&other, root.join("linked")).unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(&root, root.join("real/sub/loop"))
            .unwrap_or_else(|e| panic!("{e}"));
        let mut walked = Walked::default();
        walk(&root, &mut walked);
        assert_eq!(
            names(&walked.files, &root),
            ["linked/b.txt", "real/sub/a.txt"]
        );
        assert_eq!(walked.skipped.len(), 1, "{:?}", walked.skipped);
        assert!(walked.skipped[0].input.ends_with("real/sub/loop"));
        assert!(walked.skipped[0].reason.contains("already read"));
    }

    #[test]
    fn a_fifo_in_a_folder_is_named_as_skipped_not_opened() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        fs::write(dir.path().join("ok.txt"), "x").unwrap_or_else(|e| panic!("{e}"));
        let mut walked = Walked::default();
        walk(dir.path(), &mut walked);
        assert_eq!(names(&walked.files, dir.path()), ["ok.txt"]);
        assert!(walked.skipped[0].reason.contains("not a regular file"));
    }
}
