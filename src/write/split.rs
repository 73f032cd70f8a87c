//! Hugging Face JSONL split by language pair: one file per pair of languages (`en-ru.jsonl`,
//! `en-es.jsonl`, …) in one folder, so each file holds a single `Translation` feature, which is
//! what `datasets` can cast the `translation` column to.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::{JsonlWriter, PairRow, PairWriter, WriteError};
use crate::doc::Lang;

/// The file a row of languages `a` and `b` goes to: the two codes in sorted order, so both
/// directions of one pair share a file (`en-ru.jsonl` holds en→ru and ru→en rows alike; the
/// `translation` keys are the same two codes either way).
pub fn pair_file_name(a: Lang, b: Lang) -> String {
    let (a, b) = (a.as_str(), b.as_str());
    let (first, second) = if a <= b { (a, b) } else { (b, a) };
    format!("{first}-{second}.jsonl")
}

type PairFile = (JsonlWriter<BufWriter<File>>, NamedTempFile);

/// Writes each row to its language pair's file in a folder; the files are written under
/// temporary names and renamed into place by `finish`, as every other output is.
pub struct SplitJsonlWriter {
    dir: PathBuf,
    files: BTreeMap<String, PairFile>,
}

impl SplitJsonlWriter {
    /// A writer into `dir` (created when missing).
    pub fn new(dir: &Path) -> Result<Self, WriteError> {
        std::fs::create_dir_all(dir)?;
        Ok(SplitJsonlWriter {
            dir: dir.to_path_buf(),
            files: BTreeMap::new(),
        })
    }

    fn file(&mut self, name: String) -> Result<&mut JsonlWriter<BufWriter<File>>, WriteError> {
        use std::collections::btree_map::Entry;
        let file = match self.files.entry(name) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let mut builder = tempfile::Builder::new();
                builder.prefix(".talign-").suffix(".tmp");
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    builder.permissions(std::fs::Permissions::from_mode(0o644));
                }
                let tmp = builder.tempfile_in(&self.dir)?;
                let out = BufWriter::with_capacity(1 << 16, tmp.as_file().try_clone()?);
                e.insert((JsonlWriter::new(out), tmp))
            }
        };
        Ok(&mut file.0)
    }
}

impl PairWriter for SplitJsonlWriter {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        let name = pair_file_name(row.src_lang, row.tgt_lang);
        self.file(name)?.write_row(row)
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        for (name, (mut writer, tmp)) in std::mem::take(&mut self.files) {
            writer.finish()?;
            drop(writer);
            tmp.as_file().sync_all()?;
            tmp.persist(self.dir.join(name))
                .map_err(|e| WriteError::Io(e.error))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::new(code).unwrap_or_default()
    }

    #[test]
    fn both_directions_of_a_language_pair_share_one_file() {
        assert_eq!(pair_file_name(lang("en"), lang("ru")), "en-ru.jsonl");
        assert_eq!(pair_file_name(lang("ru"), lang("en")), "en-ru.jsonl");
        assert_eq!(pair_file_name(lang("es"), lang("en")), "en-es.jsonl");
    }

    #[test]
    fn rows_go_to_their_pair_file_and_nothing_is_visible_before_finish() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut w = SplitJsonlWriter::new(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        for (a, b, text) in [
            ("en", "ru", "one"),
            ("en", "es", "two"),
            ("ru", "en", "three"),
        ] {
            let row = PairRow {
                src_lang: lang(a),
                tgt_lang: lang(b),
                src_text: text.into(),
                tgt_text: text.into(),
                ..PairRow::default()
            };
            w.write_row(&row).unwrap_or_else(|e| panic!("{e}"));
        }
        assert!(!dir.path().join("en-ru.jsonl").exists());
        w.finish().unwrap_or_else(|e| panic!("{e}"));
        let read = |n: &str| std::fs::read_to_string(dir.path().join(n)).unwrap_or_default();
        assert_eq!(read("en-ru.jsonl").lines().count(), 2);
        assert_eq!(read("en-es.jsonl").lines().count(), 1);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 2, "temporary files left: {names:?}");
    }
}
