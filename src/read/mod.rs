//! Input: files, folders, JSONL, CSV/TSV, HTML, `.gz` and stdin become [`Document`]s, streamed one
//! at a time, with a precise reason (input, line, byte) for everything that cannot be read.
//!
//! - [`read_document`] / [`decode_text`]: one whole input as one document.
//! - [`work_items`]: a whole corpus as an ordered stream of [`WorkItem`]s (single documents and
//!   pairs of parallel documents) and [`Reject`]s, reading one document at a time so memory is
//!   bounded by the largest document, never by the corpus.

mod error;
mod html;
mod html_depth;
mod lines;
mod open;
mod pairs;
mod records;
mod stream;
mod table;
mod walk;

use std::path::{Path, PathBuf};

use crate::doc::{Document, Lang};

pub use error::{ReadError, Reject};
pub use html::{extract_html, EmbeddedPost, HtmlText};
pub use pairs::{lang_of_name, parse_manifest, read_manifest, ManifestRow};
pub use records::{read_jsonl_line, Record};
pub use stream::{records, work_items, WorkItems};

/// The default cap on one document (and one JSONL/CSV line): 16 MiB.
pub const DEFAULT_MAX_DOC_BYTES: usize = 16 << 20;

/// Names an input for messages and document ids: `-` is stdin.
pub fn input_name(path: &Path) -> String {
    if path == Path::new("-") {
        "-".to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads a whole input (a file, or stdin for `-`) as raw bytes; gzip, xz, bzip2 and zstd input
/// is decompressed.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    open::read_all(path).map_err(|source| ReadError::Io {
        path: input_name(path),
        source,
    })
}

/// Checks that bytes are UTF-8 text (no NUL) and returns them as a string; a leading BOM is dropped.
pub fn decode_text(name: &str, bytes: Vec<u8>) -> Result<String, ReadError> {
    decode_at(name, bytes, 1, 0)
}

/// The UTF-8 byte-order mark that [`decode_text`] drops from the start of a text.
pub const BOM: &[u8] = b"\xef\xbb\xbf";

/// [`decode_text`] for a piece of a larger input that starts at `first_line` / byte `first_byte`,
/// so errors name the position in the whole input.
pub(crate) fn decode_at(
    name: &str,
    bytes: Vec<u8>,
    first_line: usize,
    first_byte: usize,
) -> Result<String, ReadError> {
    let line_of = |bytes: &[u8], at: usize| {
        first_line + memchr::memchr_iter(b'\n', bytes.get(..at).unwrap_or(bytes)).count()
    };
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(ReadError::Binary {
            path: name.to_string(),
            line: line_of(&bytes, at),
            byte: first_byte + at,
        });
    }
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..'\u{feff}'.len_utf8());
            }
            Ok(s)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            Err(ReadError::InvalidUtf8 {
                path: name.to_string(),
                line: line_of(&bytes, at),
                byte: first_byte + at,
            })
        }
    }
}

/// Most lines of a line list that may hold bad bytes and still be repaired: more than this many
/// and more than [`REPAIR_MAX_SHARE`] of the lines means the input is in another encoding.
pub const REPAIR_MAX_LINES: usize = 10;

/// Share of a line list's lines above which bad bytes mean another encoding (see
/// [`REPAIR_MAX_LINES`]).
pub const REPAIR_MAX_SHARE: f64 = 0.01;

/// Decodes a text that is a list of lines (`--lines`): like [`decode_text`], except that a
/// line holding bytes that are not UTF-8 is kept, its bad bytes each replaced by U+FFFD, and
/// named in the returned notices (one per line: input, line, the first bad byte), so that one
/// bad line neither loses the file nor shifts the numbers of the lines after it. An input with
/// bad bytes in more than [`REPAIR_MAX_LINES`] lines and more than 1 % of them is in another
/// encoding (Latin-1, say): repairing would garble it, so it is rejected as [`decode_text`]
/// rejects it. A NUL byte still rejects the input as binary.
pub fn decode_lines(name: &str, bytes: Vec<u8>) -> Result<(String, Vec<Reject>), ReadError> {
    if std::str::from_utf8(&bytes).is_ok() {
        return decode_text(name, bytes).map(|t| (t, Vec::new()));
    }
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(ReadError::Binary {
            path: name.to_string(),
            line: 1 + memchr::memchr_iter(b'\n', bytes.get(..at).unwrap_or_default()).count(),
            byte: at,
        });
    }
    let mut text = String::with_capacity(bytes.len());
    // (line, byte) of the first bad byte of each damaged line
    let mut bad: Vec<(usize, usize)> = Vec::new();
    let (mut line, mut counted_to, mut at) = (1usize, 0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            line +=
                memchr::memchr_iter(b'\n', bytes.get(counted_to..at).unwrap_or_default()).count();
            counted_to = at;
            if bad.last().map(|&(l, _)| l) != Some(line) {
                bad.push((line, at));
            }
            text.push(char::REPLACEMENT_CHARACTER);
            at += chunk.invalid().len();
        }
    }
    let lines = 1 + memchr::memchr_iter(b'\n', &bytes).count();
    if bad.len() > REPAIR_MAX_LINES && bad.len() as f64 > REPAIR_MAX_SHARE * lines as f64 {
        let (line, byte) = bad.first().copied().unwrap_or((1, 0));
        return Err(ReadError::InvalidUtf8 {
            path: name.to_string(),
            line,
            byte,
        });
    }
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let notices = bad
        .into_iter()
        .map(|(line, byte)| {
            Reject::new(
                name,
                Some(line),
                format!(
                    "invalid UTF-8 at byte {byte}: the line is kept with U+FFFD for its bad bytes"
                ),
            )
        })
        .collect();
    Ok((text, notices))
}

/// Reads one text input as a document whose id is the input's name.
pub fn read_document(path: &Path) -> Result<Document, ReadError> {
    let name = input_name(path);
    let text = decode_text(&name, read_bytes(path)?)?;
    Ok(Document::new(name, text))
}

/// The paths to read: `-` alone when none are given.
pub fn inputs_or_stdin(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    }
}

/// How the inputs are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Decide per file by extension (`.jsonl`/`.ndjson`, `.csv`, `.tsv`, `.html`/`.htm`,
    /// `.txt`; a trailing `.gz`, `.xz`, `.bz2` or `.zst` is looked through); when the name says
    /// nothing (stdin, no or another extension), by the content: JSON objects a line, a CSV/TSV
    /// header naming the text column, an HTML page, else text.
    #[default]
    Auto,
    /// One document per file.
    Text,
    /// One JSON object per line: `{"id", "text"}` plus optional `lang`, `url`, `date`, `author`, `html`.
    Jsonl,
    /// Comma-separated with a header row; see [`ReadOptions::text_column`].
    Csv,
    /// Tab-separated with a header row.
    Tsv,
    /// An HTML page: its visible text (its embedded posts attached to it), plus each embedded post
    /// as a document of its own.
    Html,
}

/// Options for reading a corpus.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The input layout.
    pub format: InputFormat,
    /// CSV/TSV: the header of the column holding the text.
    pub text_column: String,
    /// CSV/TSV: the header of the column holding the id (row ids `input:line` when absent).
    pub id_column: String,
    /// Documents (and JSONL/CSV lines) longer than this are rejected without being held in memory.
    pub max_doc_bytes: usize,
    /// Pair files named `<stem>.<lang>.<ext>` (and adjacent JSONL records `<stem>.<lang>`).
    pub pair_by_name: bool,
    /// Text inputs are lists of lines (`--lines`): a line that is not UTF-8 is kept repaired
    /// instead of rejecting its file (see [`decode_lines`]).
    pub lines: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: InputFormat::Auto,
            text_column: "text".to_string(),
            id_column: "id".to_string(),
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            pair_by_name: true,
            lines: false,
        }
    }
}

/// Where a document came from and what its input said about it besides the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocMeta {
    /// The input's name (a path, or `-`).
    pub input: String,
    /// 1-based line of the record in the input (JSONL/CSV), if any.
    pub line: Option<usize>,
    /// The page or post address.
    pub url: Option<String>,
    /// The publication date, as the input wrote it.
    pub date: Option<String>,
    /// The author (for embedded posts: the handle, `@name`).
    pub author: Option<String>,
    /// True for a post embedded in a page (an original that joins the pool by itself).
    pub embedded: bool,
    /// Bytes of the input before the document's text (3 for a text file that starts with a UTF-8
    /// byte-order mark): an offset into the text plus this is an offset into the input file.
    pub text_offset: u32,
    /// Lines of a line-list input kept with their invalid UTF-8 replaced (see [`decode_lines`]).
    pub repaired: Vec<Reject>,
}

/// A document with its metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceDoc {
    /// The document (id, text, declared language).
    pub doc: Document,
    /// Where it came from.
    pub meta: DocMeta,
    /// The posts embedded in the document (an HTML page's `blockquote.twitter-tweet`), in page
    /// order: the originals its translated quotes are paired with first. Each is also read as a
    /// document of its own.
    pub posts: Vec<SourceDoc>,
}

impl SourceDoc {
    /// The declared language, or `und`.
    pub fn lang(&self) -> Lang {
        self.doc.lang.unwrap_or(Lang::UND)
    }
}

/// One unit of work for the corpus driver.
// A pair is two documents by nature; items pass a bounded channel a few at a time, and the
// 200-odd bytes a single item leaves unused weigh nothing beside the texts they hold.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum WorkItem {
    /// A document on its own (a page, a post, a record).
    Single(SourceDoc),
    /// Two parallel documents: the source and its translation.
    Pair {
        /// The source side.
        src: SourceDoc,
        /// The target side.
        tgt: SourceDoc,
    },
}

impl WorkItem {
    /// How many documents the item holds (1 or 2).
    pub fn documents(&self) -> usize {
        match self {
            WorkItem::Single(_) => 1,
            WorkItem::Pair { .. } => 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_and_byte() {
        let err = decode_text("x.txt", b"ok\nbad \xff here".to_vec());
        match err {
            Err(ReadError::InvalidUtf8 { line, byte, .. }) => {
                assert_eq!(line, 2);
                assert_eq!(byte, 7);
            }
            other => panic!("expected InvalidUtf8, got {other:?}"),
        }
    }

    #[test]
    fn a_bad_line_of_a_line_list_is_kept_repaired_and_named() {
        let bytes = b"\xef\xbb\xbfone\ntwo \xff\xfe here\nthree\nfour \xe9\n".to_vec();
        let (text, notices) =
            decode_lines("l.txt", bytes).unwrap_or_else(|e| panic!("decode_lines: {e}"));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            ["one", "two \u{fffd}\u{fffd} here", "three", "four \u{fffd}"]
        );
        let named: Vec<(Option<usize>, bool)> = notices
            .iter()
            .map(|n| (n.line, n.input == "l.txt"))
            .collect();
        assert_eq!(named, [(Some(2), true), (Some(4), true)]);
        assert!(notices[0].reason.contains("byte 11"), "{:?}", notices[0]);
        // a clean text is what decode_text gives, and a NUL still makes it binary
        assert_eq!(
            decode_lines("c", b"a\nb".to_vec()).ok(),
            Some(("a\nb".to_string(), Vec::new()))
        );
        assert!(matches!(
            decode_lines("b", b"a\xff\nb\0".to_vec()),
            Err(ReadError::Binary {
                line: 2,
                byte: 4,
                ..
            })
        ));
        // a file in another encoding is not repaired line by line: 11 bad lines of 12
        let latin1: Vec<u8> = b"caf\xe9\n"
            .repeat(11)
            .into_iter()
            .chain(*b"ok\n")
            .collect();
        assert!(matches!(
            decode_lines("l1", latin1),
            Err(ReadError::InvalidUtf8 {
                line: 1,
                byte: 3,
                ..
            })
        ));
        // ... while 11 bad lines among 2,000 are repaired
        let mut mostly: Vec<u8> = b"fine\n".repeat(1989);
        mostly.extend(b"caf\xe9\n".repeat(11));
        assert_eq!(
            decode_lines("m", mostly).map(|(_, n)| n.len()).ok(),
            Some(11)
        );
    }

    #[test]
    fn nul_is_binary() {
        assert!(matches!(
            decode_text("b", b"ab\0c".to_vec()),
            Err(ReadError::Binary { byte: 2, .. })
        ));
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(
            decode_text("b", "\u{feff}hi".as_bytes().to_vec()).ok(),
            Some("hi".to_string())
        );
    }

    #[test]
    fn offsets_are_shifted_for_pieces() {
        match decode_at("f", b"\xff".to_vec(), 7, 100) {
            Err(ReadError::InvalidUtf8 { line, byte, .. }) => assert_eq!((line, byte), (7, 100)),
            other => panic!("expected InvalidUtf8, got {other:?}"),
        }
    }
}
