//! One side of `talign mine` read through `talign::read`: a file, a folder, JSONL, CSV/TSV,
//! HTML, `.gz` or stdin becomes a list of entries to mine, and every document that cannot be read
//! a [`Reject`].
//!
//! A record (a JSONL line, a CSV/TSV row, a post embedded in a page) is one entry with its own id
//! and language. A text or HTML document is cut into content segments (the segmenter's sentences
//! and quotes, without boilerplate and markers) or, with `--lines`, one entry a non-empty line.
//! Segment ids are the 0-based index when the side is that one document alone (so `talign eval
//! mine` gold of line indices fits), and `docid#k` when the side holds several documents.

use std::path::Path;

use talign::read::{work_items, ReadOptions, Reject, SourceDoc, WorkItem};
use talign::segment::{segment, segment_lines};
use talign::{Lang, SegmentKind};

/// One text to mine: its id in the output, the text, and the language its input declared.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The id written in the output (`query_id` / `pool_id`).
    pub id: String,
    /// The text.
    pub text: String,
    /// The language the input declared (JSONL `lang`, a `name.<lang>.txt` file name), if any.
    pub lang: Option<Lang>,
}

/// What one side of the search holds after reading.
#[derive(Debug, Default)]
pub struct Side {
    /// The entries, in input order.
    pub entries: Vec<Entry>,
    /// Inputs named or found (files, stdin).
    pub inputs: usize,
    /// Documents read (records count one each).
    pub documents: usize,
    /// Documents or records that could not be read, in input order.
    pub rejects: Vec<Reject>,
    /// Lines of `--lines` inputs kept with their invalid UTF-8 replaced, in input order.
    pub repaired: Vec<Reject>,
}

/// A document's contribution before ids are settled.
enum Unit {
    /// Segments of a text or HTML document.
    Segmented {
        id: String,
        lang: Option<Lang>,
        texts: Vec<String>,
    },
    /// A record, which is one entry.
    Record(Entry),
}

/// Reads one side (`-` is stdin); never fails as a whole: what cannot be read is in `rejects`.
pub fn read_side(path: &Path, opts: &ReadOptions, lines: bool) -> Side {
    // The two sides are the pair; files within a side are never paired by name.
    let opts = ReadOptions {
        pair_by_name: false,
        ..opts.clone()
    };
    let items = work_items(&[path.to_path_buf()], None, &opts);
    let mut side = Side {
        inputs: items.inputs(),
        ..Side::default()
    };
    let mut units = Vec::new();
    for item in items {
        if let Ok(item) = &item {
            side.repaired
                .extend(super::corpus::repaired_lines(item).cloned());
        }
        match item {
            Ok(WorkItem::Single(doc)) => {
                side.documents += 1;
                units.push(unit_of(doc, lines));
            }
            // Not produced without name pairing; each side still counts as a document.
            Ok(WorkItem::Pair { src, tgt }) => {
                side.documents += 2;
                units.push(unit_of(src, lines));
                units.push(unit_of(tgt, lines));
            }
            Err(reject) => side.rejects.push(reject),
        }
    }
    side.entries = name_entries(units);
    side
}

/// The entries of one document: a record as it is, a text cut into content segments or lines.
fn unit_of(src: SourceDoc, lines: bool) -> Unit {
    // `..`: other fields (a page's embedded posts) arrive as documents of their own
    let SourceDoc { doc, meta, .. } = src;
    if meta.line.is_some() || meta.embedded {
        return Unit::Record(Entry {
            id: doc.id,
            text: doc.text,
            lang: doc.lang,
        });
    }
    let segs = if lines {
        segment_lines(&doc.text)
    } else {
        segment(&doc)
            .into_iter()
            .filter(|s| !matches!(s.kind, SegmentKind::Boilerplate | SegmentKind::Marker))
            .collect()
    };
    let texts = segs.iter().map(|s| s.text(&doc.text).to_string()).collect();
    Unit::Segmented {
        id: doc.id,
        lang: doc.lang,
        texts,
    }
}

/// Gives segments their ids: `k` when the side is one segmented document, else `docid#k`.
fn name_entries(units: Vec<Unit>) -> Vec<Entry> {
    let alone = units.len() == 1 && matches!(units.first(), Some(Unit::Segmented { .. }));
    let mut entries = Vec::new();
    for unit in units {
        match unit {
            Unit::Record(entry) => entries.push(entry),
            Unit::Segmented { id, lang, texts } => {
                entries.extend(texts.into_iter().enumerate().map(|(k, text)| Entry {
                    id: if alone {
                        k.to_string()
                    } else {
                        format!("{id}#{k}")
                    },
                    text,
                    lang,
                }));
            }
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &[u8]) -> std::path::PathBuf {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        path
    }

    fn ids(side: &Side) -> Vec<&str> {
        side.entries.iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn one_text_file_keeps_index_ids() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let p = write(dir.path(), "q.txt", b"First line.\n\nSecond line.\n");
        let side = read_side(&p, &ReadOptions::default(), true);
        assert_eq!(ids(&side), ["0", "1"]);
        assert_eq!(side.entries[1].text, "Second line.");
        assert_eq!((side.inputs, side.documents), (1, 1));
        assert!(side.rejects.is_empty());
    }

    #[test]
    fn folders_name_segments_by_document_and_reject_bad_files() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        write(dir.path(), "side/b.txt", b"Bee one.\nBee two.\n");
        write(dir.path(), "side/a.ru.txt", b"\xd0\x90.\n");
        write(dir.path(), "side/c.txt", b"caf\xe9\n");
        write(dir.path(), "side/d.txt", b"");
        let side = read_side(&dir.path().join("side"), &ReadOptions::default(), true);
        let root = dir.path().join("side").display().to_string();
        let want = [
            format!("{root}/a.ru.txt#0"),
            format!("{root}/b.txt#0"),
            format!("{root}/b.txt#1"),
        ];
        assert_eq!(ids(&side), want);
        // the language in a file name is the entry's declared language
        assert_eq!(side.entries[0].lang, Lang::new("ru"));
        assert_eq!((side.inputs, side.documents, side.rejects.len()), (4, 2, 2));
        assert!(
            side.rejects[0].input.ends_with("c.txt"),
            "{:?}",
            side.rejects
        );
        assert_eq!(side.rejects[0].line, Some(1));
    }

    #[test]
    fn records_are_entries_and_bad_lines_rejects() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let p = write(
            dir.path(),
            "p.jsonl",
            b"{\"id\":\"a\",\"text\":\"Hello there. Bye.\",\"lang\":\"en\"}\nnot json\n{\"id\":7,\"text\":\"Hola.\"}\n",
        );
        let side = read_side(&p, &ReadOptions::default(), false);
        assert_eq!(ids(&side), ["a", "7"]);
        assert_eq!(side.entries[0].text, "Hello there. Bye.");
        assert_eq!(side.entries[0].lang, Lang::new("en"));
        assert_eq!(side.rejects.len(), 1);
        assert_eq!(side.rejects[0].line, Some(2));
    }
}
