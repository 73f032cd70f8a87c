//! Parallel documents: pairing files by name (`story.en.txt` + `story.es.txt`) or by a manifest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::doc::Lang;

use super::{decode_text, input_name, read_bytes, ReadError};

/// The language in a name of the form `<stem>.<lang>.<ext>` (a trailing `.gz`, `.xz`, `.bz2` or
/// `.zst` is looked through),
/// with the key the name shares with its parallel documents (`dir/story.*.txt`).
pub fn lang_of_name(path: &Path) -> Option<(String, Lang)> {
    let file = path.file_name()?.to_str()?;
    let file = super::open::strip_compression(file);
    let (rest, ext) = file.rsplit_once('.')?;
    let (stem, code) = rest.rsplit_once('.')?;
    if stem.is_empty() {
        return None;
    }
    let lang = crate::lang::codes::known_code(code)?;
    let dir = path.parent().map(input_name).unwrap_or_default();
    Some((format!("{dir}/{stem}.*.{ext}"), lang))
}

/// The language suffix of a record id of the form `<stem>.<lang>`, with the stem.
pub(crate) fn split_lang_suffix(id: &str) -> Option<(&str, Lang)> {
    let (stem, code) = id.rsplit_once('.')?;
    if stem.is_empty() {
        return None;
    }
    crate::lang::codes::known_code(code).map(|l| (stem, l))
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

/// True for a manifest's first row that names its columns (`src,tgt`, `source<TAB>target`)
/// rather than giving two paths: both fields are plain words (no `.`, `/` or `\\`, as a
/// document's path would have) and no file of that name exists beside the manifest.
fn is_header(fields: &[&str], base: &Path) -> bool {
    let word = |f: &&str| {
        !f.is_empty()
            && f.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
    };
    fields.len() == 2 && fields.iter().all(word) && !fields.iter().any(|f| base.join(f).is_file())
}

/// Parses the text of a manifest named `name` with the `csv` crate: two columns (source path,
/// target path), tab-separated when the first row has a tab, else comma-separated (quoted
/// fields for paths with commas); `#` comment lines and blank lines skipped; a first row that
/// names the columns is skipped too. Relative paths are taken from `base`.
pub fn parse_manifest(name: &str, base: &Path, text: &str) -> Vec<Result<ManifestRow, ReadError>> {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    let delimiter = if first.contains('\t') { b'\t' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    // the line a record starts on, from its byte offset past any blank lines the csv crate
    // skipped (its own line count leaves them out)
    let line_of = |pos: Option<&csv::Position>| {
        let bytes = text.as_bytes();
        let Some(mut at) = pos.map(|p| p.byte() as usize) else {
            return 0;
        };
        while bytes.get(at).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
            at += 1;
        }
        bytes
            .get(..at)
            .map_or(0, |b| memchr::memchr_iter(b'\n', b).count() + 1)
    };
    let mut rows = Vec::new();
    let mut first_row = true;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = line_of(e.position());
                rows.push(Err(ReadError::BadRecord {
                    path: name.to_string(),
                    line,
                    reason: format!("not a manifest row: {e}"),
                }));
                continue;
            }
        };
        let line_no = line_of(record.position());
        let cols: Vec<&str> = record.iter().collect();
        if cols.iter().all(|c| c.is_empty()) {
            continue;
        }
        if std::mem::take(&mut first_row) && is_header(&cols, base) {
            continue;
        }
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
    fn a_manifest_header_is_not_two_paths_and_quoted_paths_may_hold_commas() {
        let text =
            "# parallel documents\nsrc,tgt\na.en.txt,a.es.txt\n\n\"b, part 1.en.txt\",b.es.txt\n";
        let rows: Vec<_> = parse_manifest("m.csv", Path::new("base"), text)
            .into_iter()
            .map(|r| r.map(|m| (m.src, m.tgt, m.line)).map_err(|e| e.to_string()))
            .collect();
        assert_eq!(
            rows,
            vec![
                Ok((
                    PathBuf::from("base/a.en.txt"),
                    PathBuf::from("base/a.es.txt"),
                    3
                )),
                Ok((
                    PathBuf::from("base/b, part 1.en.txt"),
                    PathBuf::from("base/b.es.txt"),
                    5
                )),
            ]
        );
        // tab-separated, with a header naming the columns otherwise
        let tsv = "source\ttarget\nx/a.de\tx/a.fr\n";
        let rows = parse_manifest("m.tsv", Path::new(""), tsv);
        assert_eq!(rows.len(), 1);
        assert!(rows[0].as_ref().is_ok_and(|r| r.src == Path::new("x/a.de")));
        // a later row of words is a row, and one column is an error with its line
        let bad = "a.en,a.es\nonly-one\n";
        let rows = parse_manifest("m.csv", Path::new(""), bad);
        assert!(rows[1]
            .as_ref()
            .is_err_and(|e| e.to_string().contains("m.csv:2")));
    }

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
