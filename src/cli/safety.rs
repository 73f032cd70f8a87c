//! What keeps a command from destroying data: an output that is also an input (or a pool, a
//! lexicon, a manifest) is refused before anything is written, and the temporary files of
//! staged outputs are removed when the run is interrupted (SIGINT, SIGTERM, SIGHUP; a second
//! signal kills at once). The library knows no signals: the CLI registers the paths here.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written now, removed on a signal.
static STAGED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn staged() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    STAGED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Keeps temporary paths registered for removal on a signal while it lives.
pub struct TempGuard(Vec<PathBuf>);

impl TempGuard {
    /// Registers `paths`.
    pub fn new(paths: Vec<PathBuf>) -> TempGuard {
        staged().extend(paths.iter().cloned());
        TempGuard(paths)
    }
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        staged().retain(|p| !self.0.contains(p));
    }
}

/// Installs the signal handling: the first SIGINT/SIGTERM/SIGHUP removes the registered
/// temporary files and ends the process by that signal; a second one ends it at once.
pub fn handle_signals() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        use std::sync::atomic::AtomicBool;
        use std::sync::Arc;

        let signals = [SIGINT, SIGTERM, SIGHUP];
        let armed = Arc::new(AtomicBool::new(false));
        for sig in signals {
            // the order matters: the default action is armed by the first signal, for the second
            if signal_hook::flag::register_conditional_default(sig, Arc::clone(&armed)).is_err()
                || signal_hook::flag::register(sig, Arc::clone(&armed)).is_err()
            {
                return;
            }
        }
        let Ok(mut iter) = signal_hook::iterator::Signals::new(signals) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(sig) = iter.forever().next() {
                for path in staged().iter() {
                    let _ = fs::remove_file(path);
                }
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                std::process::exit(128 + sig);
            }
        });
    }
}

/// What a path is, for telling whether two paths name one file: device and inode on Unix
/// (so links and `./a` vs `a` are seen through), the canonical path elsewhere.
#[derive(Debug, PartialEq, Eq)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Canonical(PathBuf),
}

fn file_id(path: &Path) -> Option<FileId> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        Some(FileId::Inode(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        fs::canonicalize(path).ok().map(FileId::Canonical)
    }
}

/// Where a path that may not exist yet would be: its folder made canonical, plus its name.
fn would_be(path: &Path) -> Option<PathBuf> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(fs::canonicalize(dir).ok()?.join(path.file_name()?))
}

/// Refuses outputs that would destroy something the command reads: an output that is the same
/// file as an input (by device and inode), or an existing file inside an input folder (it would
/// be read as input), and two outputs with one name. `inputs` are (role, path) pairs, such as
/// `("input", …)`, `("pool", …)`, `("lexicon", …)`; `-` and outputs that are devices or FIFOs
/// are not checked.
pub fn check_outputs(
    outputs: &[(&str, PathBuf)],
    inputs: &[(&str, PathBuf)],
) -> anyhow::Result<()> {
    let outputs: Vec<&(&str, PathBuf)> = outputs
        .iter()
        .filter(|(_, p)| p != Path::new("-"))
        .filter(|(_, p)| fs::metadata(p).map_or(true, |m| m.is_file()))
        .collect();
    for (i, (what, out)) in outputs.iter().enumerate() {
        let id = file_id(out);
        for (role, input) in inputs.iter().filter(|(_, p)| p != Path::new("-")) {
            let Ok(meta) = fs::metadata(input) else {
                continue;
            };
            if meta.is_dir() {
                let (Some(dir), true, Some(place)) =
                    (fs::canonicalize(input).ok(), id.is_some(), would_be(out))
                else {
                    continue;
                };
                if place.starts_with(&dir) {
                    anyhow::bail!(
                        "{what} {} is inside the {role} folder {}: it would be read as input and \
                         replaced; write it elsewhere",
                        out.display(),
                        input.display()
                    );
                }
            } else if id.is_some() && id == file_id(input) {
                anyhow::bail!(
                    "{what} {} is the same file as the {role} {}: writing it would destroy it",
                    out.display(),
                    input.display()
                );
            }
        }
        for (other_what, other) in outputs.iter().skip(i + 1) {
            if would_be(out).is_some() && would_be(out) == would_be(other) {
                anyhow::bail!(
                    "{what} and {other_what} name the same file {}",
                    out.display()
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn an_output_that_is_an_input_is_refused_whatever_its_spelling() {
        let d = dir();
        let input = d.path().join("d.txt");
        fs::write(&input, "x").unwrap_or_else(|e| panic!("{e}"));
        let spelled = d.path().join(".").join("d.txt");
        let err = check_outputs(&[("output", spelled)], &[("input", input.clone())]);
        assert!(err.is_err());
        #[cfg(unix)]
        {
            let link = d.path().join("link.txt");
            std::os::unix::fs::symlink(&input, &link).unwrap_or_else(|e| panic!("{e}"));
            let hard = d.path().join("hard.txt");
            fs::hard_link(&input, &hard).unwrap_or_else(|e| panic!("{e}"));
            assert!(check_outputs(&[("output", link)], &[("input", input.clone())]).is_err());
            assert!(check_outputs(&[("output", hard)], &[("lexicon", input.clone())]).is_err());
        }
        let other = d.path().join("new.csv");
        assert!(check_outputs(&[("output", other)], &[("input", input)]).is_ok());
    }

    #[test]
    fn an_existing_output_inside_an_input_folder_is_refused() {
        let d = dir();
        let corpus = d.path().join("corpus");
        fs::create_dir(&corpus).unwrap_or_else(|e| panic!("{e}"));
        let out = corpus.join("out.csv");
        // not there yet: this run does not read it
        assert!(check_outputs(&[("output", out.clone())], &[("input", corpus.clone())]).is_ok());
        fs::write(&out, "old pairs").unwrap_or_else(|e| panic!("{e}"));
        assert!(check_outputs(&[("output", out)], &[("input", corpus)]).is_err());
    }

    #[test]
    fn two_outputs_with_one_name_are_refused() {
        let d = dir();
        let a = d.path().join("x.json");
        let outs = [("output", a.clone()), ("summary", a)];
        assert!(check_outputs(&outs, &[]).is_err());
    }
}
