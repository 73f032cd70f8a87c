//! Parallel documents: pairing files by name (`story.en.txt` + `story.es.txt`) or by a manifest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::doc::Lang;

use super::{decode_text, input_name, read_bytes, ReadError};

/// The language in a name of the form `<stem>.<lang>.<ext>` (a trailing `.gz` is looked through),
/// with the key the name shares with its parallel documents (`dir/story.*.txt`).
pub fn lang_of_name(path: &Path) -> Option<(String, Lang)> {
    let file = path.file_name()?.to_str()?;
    let file = file
        .strip_suffix(".gz")
        .or_else(|| file.strip_suffix(".GZ"))
        .unwrap_or(file);
    let (rest, ext) = file.rsplit_once('.')?;
    let (stem, code) = rest.rsplit_once('.')?;
    if stem.is_empty() || code.len() != 2 {
        return None;
    }
    let lang = Lang::new(code)?;
    let dir = path.parent().map(input_name).unwrap_or_default();
    Some((format!("{dir}/{stem}.*.{ext}"), lang))
}

/// The language suffix of a record id of the form `<stem>.<lang>`, with the stem.
pub(crate) fn split_lang_suffix(id: &str) -> Option<(&str, Lang)> {
    let (stem, code) = id.rsplit_once('.')?;
    if stem.is_empty() || code.len() != 2 {
        return None;
    }
    Lang::new(code).map(|l| (stem, l))
}

/// How files group into parallel documents, in the order of their first member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FileGroup {
    /// A file with no language in its name: a document on its own.
    Single(PathBuf),
    /// Parallel documents: the source and its translation.
    Pair(PathBuf, PathBuf),
    /// A file named as one side of a pair whose other side is missing.
    Lonely(PathBuf),
}

/// Groups sorted paths by name: files sharing `<dir>/<stem>.*.<ext>` with different languages are
/// parallel; the first language in sorted order is the source, paired with every other one.
/// Paths for which `pairable` is false are always single.
pub(crate) fn group_by_name(
    paths: Vec<PathBuf>,
    pairable: impl Fn(&Path) -> bool,
) -> Vec<FileGroup> {
    let mut by_key: BTreeMap<String, Vec<(Lang, PathBuf)>> = BTreeMap::new();
    let mut order: Vec<Result<String, PathBuf>> = Vec::new();
    for path in paths {
        match lang_of_name(&path).filter(|_| pairable(&path)) {
            Some((key, lang)) => {
                let members = by_key.entry(key.clone()).or_default();
                if members.is_empty() {
                    order.push(Ok(key));
                }
                members.push((lang, path));
            }
            None => order.push(Err(path)),
        }
    }
    let mut groups = Vec::new();
    for entry in order {
        match entry {
            Err(path) => groups.push(FileGroup::Single(path)),
            Ok(key) => {
                let mut members = by_key.remove(&key).unwrap_or_default();
                members.sort();
                let mut it = members.into_iter();
                let Some((_, first)) = it.next() else {
                    continue;
                };
                let rest: Vec<PathBuf> = it.map(|(_, p)| p).collect();
                if rest.is_empty() {
                    groups.push(FileGroup::Lonely(first));
                } else {
                    for other in rest {
                        groups.push(FileGroup::Pair(first.clone(), other));
                    }
                }
            }
        }
    }
    groups
}

/// One row of a pair manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestRow {
    /// The source document's path (relative paths are taken from the manifest's folder).
    pub src: PathBuf,
    /// The target document's path.
    pub tgt: PathBuf,
    /// 1-based line in the manifest.
    pub line: usize,
}

/// Reads a two-column manifest (`src<TAB>tgt` or `src,tgt` per line; blank lines and `#` comments
/// skipped); a row that is not two columns is a [`ReadError::BadRecord`].
pub fn read_manifest(path: &Path) -> Result<Vec<Result<ManifestRow, ReadError>>, ReadError> {
    let name = input_name(path);
    let text = decode_text(&name, read_bytes(path)?)?;
    let base = path.parent().unwrap_or(Path::new(""));
    Ok(parse_manifest(&name, base, &text))
}

/// Parses the text of a manifest named `name`; relative paths are taken from `base`.
pub fn parse_manifest(name: &str, base: &Path, text: &str) -> Vec<Result<ManifestRow, ReadError>> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let sep = if line.contains('\t') { '\t' } else { ',' };
        let cols: Vec<&str> = line.split(sep).map(str::trim).collect();
        match cols.as_slice() {
            [src, tgt] if !src.is_empty() && !tgt.is_empty() => rows.push(Ok(ManifestRow {
                src: base.join(src),
                tgt: base.join(tgt),
                line: line_no,
            })),
            _ => rows.push(Err(ReadError::BadRecord {
                path: name.to_string(),
                line: line_no,
                reason: format!(
                    "a manifest row needs two paths (source, target), found {} column(s)",
                    cols.len()
                ),
            })),
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_languages() {
        let found = lang_of_name(Path::new("d/story.es.txt.gz"));
        assert_eq!(
            found,
            Some((
                "d/story.*.txt".to_string(),
                Lang::new("es").unwrap_or_default()
            ))
        );
        assert!(lang_of_name(Path::new("notes.md")).is_none());
        assert!(lang_of_name(Path::new("a.v2.txt")).is_none());
        assert_eq!(
            split_lang_suffix("story.en"),
            Some(("story", Lang::new("en").unwrap_or_default()))
        );
    }

    #[test]
    fn grouping_pairs_and_lonely() {
        let paths = ["a.en.txt", "a.es.txt", "b.txt", "c.en.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let g = group_by_name(paths, |_| true);
        assert_eq!(
            g,
            vec![
                FileGroup::Pair("a.en.txt".into(), "a.es.txt".into()),
                FileGroup::Single("b.txt".into()),
                FileGroup::Lonely("c.en.txt".into()),
            ]
        );
    }
}
