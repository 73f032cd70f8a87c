//! Output: one writer per format, all from the same [`PairRow`]s.
//!
//! | format | what | escaping |
//! | --- | --- | --- |
//! | `csv` | RFC 4180 via the `csv` crate, a header row, no BOM unless asked | quoting |
//! | `tsv` | the CSV columns, tab-separated, a header row | see [`escape_field`] |
//! | `moses` | two line-aligned files, `PREFIX.<src>` and `PREFIX.<tgt>` (`.src`/`.tgt` when both sides have one language) | raw; line breaks and tabs become spaces ([`one_line`]) |
//! | `jsonl` | Hugging Face translation layout: `{"translation": {"en": …, "ru": …}, …metadata}` | JSON |
//! | `tmx` | TMX 1.4b via `quick-xml`; XML-forbidden control characters dropped | XML |
//! | `links` | one link a line, `[0, 1]:[2]` (0-based ids, the gold format); with [`WriteOptions::doc_headers`] a `# doc_id<TAB>tgt_doc_id` line before each document pair's links | none needed |
//! | `vecalign` | vecalign's lines, `[0, 1]:[2]:0.156000` (the link and its score) | none needed |
//! | `html` | one self-contained review page, a table per document pair, a row per link | HTML |
//! | `ids` | mined pairs, `query<TAB>pool<TAB>score<TAB>margin<TAB>accepted` (0-based, the test format of `talign eval mine`) | none needed |
//!
//! Files are written to a temporary file beside the target and renamed over it only when the
//! whole output is complete ([`Sink::finish`]), so a crash never leaves a half file under the
//! final name.

mod csv_tsv;
mod html;
mod ids;
mod jsonl;
mod links;
mod moses;
mod segments;
mod sink;
mod split;
mod tmx;
mod vecalign;

use std::borrow::Cow;
use std::io;
use std::str::FromStr;

use serde::Serialize;

use crate::doc::Lang;

pub use csv_tsv::{CsvWriter, TsvWriter};
pub use html::{HtmlWriter, LOW_PAIR_SCORE, LOW_SENTENCE_SCORE};
pub use ids::IdsWriter;
pub use jsonl::JsonlWriter;
pub use links::LinksWriter;
pub use moses::MosesWriter;
pub use segments::{SegmentFormat, SegmentRow, SegmentWriter, SEGMENT_COLUMNS};
pub use sink::{moses_paths, open_segment_sink, open_sink, Sink, StagedFile, Target};
pub use split::{pair_file_name, SplitJsonlWriter};
pub use tmx::TmxWriter;
pub use vecalign::VecalignWriter;

/// What a pair is: two sentences of parallel documents, or a quote and its original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PairKind {
    /// Aligned sentences of two parallel documents.
    #[default]
    Sentence,
    /// A translated quote and its original.
    Quote,
    /// A query and the pool entry the miner found for it (`talign mine`).
    Mined,
}

impl PairKind {
    /// The lowercase name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            PairKind::Sentence => "sentence",
            PairKind::Quote => "quote",
            PairKind::Mined => "mined",
        }
    }
}

/// How a quote pair with an original from the pool may be undone by a run-wide claim
/// ([`crate::run::claims`]): what the row becomes without its original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claimable {
    /// A quote with a translation cue: its row stays, without an original, translated from the
    /// language the cue named (if it named one).
    Cued(Option<Lang>),
    /// A quote without a cue: its row goes.
    Uncued,
}

/// What is known about a quote pair's original: who said it, where, when.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuoteInfo {
    /// The quote's id in its document (`q0`, `q1`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_id: Option<String>,
    /// The pair's margin over the nearest competitors (the miner's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin: Option<f64>,
    /// The speaker or author (a name or a handle).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Where the original appeared (`tweet`, `post`, `statement`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// The original's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The original's date, as its source wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// For mined pairs: whether the pair passed the miner's acceptance test.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted: Option<bool>,
    /// For quotes: the language the quote was translated from (named by its cue, else its
    /// original's); the quote layout's `quote_lang` column. `src_lang` is the quote's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translated_from: Option<Lang>,
    /// For quote pairs a run-wide claim may undo (the original came from the pool, not from the
    /// page); not written.
    #[serde(skip)]
    pub claimable: Option<Claimable>,
}

/// One output row: a source text, its translation, where both came from and how good the link is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairRow {
    /// The source side's document id.
    pub doc_id: String,
    /// The target side's document id (the parallel document, or the original's post).
    pub tgt_doc_id: String,
    /// Sentence or quote pair.
    pub kind: PairKind,
    /// The source side's language.
    pub src_lang: Lang,
    /// The target side's language.
    pub tgt_lang: Lang,
    /// The source segment ids (0-based, ascending) in the source document.
    pub src_ids: Vec<usize>,
    /// The target segment ids in the target document.
    pub tgt_ids: Vec<usize>,
    /// How good the link is (the aligner's or miner's score).
    pub score: f64,
    /// For aligned sentences: the chance in [0, 1] that the link is exactly right (the
    /// aligner's calibrated confidence); `None` for rows that have none.
    pub confidence: Option<f64>,
    /// The source text (segments joined by a space).
    pub src_text: String,
    /// The target text.
    pub tgt_text: String,
    /// For quote pairs: what is known about the original.
    pub quote: Option<QuoteInfo>,
}

impl PairRow {
    /// The score as written in text formats: four decimals, empty when not finite.
    pub fn score_text(&self) -> String {
        four_decimals(self.score)
    }

    /// The confidence as written in text formats: four decimals, empty when absent.
    pub fn confidence_text(&self) -> String {
        self.confidence.map(four_decimals).unwrap_or_default()
    }

    /// Segment ids as written in CSV/TSV: space-separated (`3 4`).
    pub fn ids_text(ids: &[usize]) -> String {
        ids.iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The header of the CSV and TSV formats, in column order.
pub const COLUMNS: [&str; 15] = [
    "doc_id",
    "tgt_doc_id",
    "kind",
    "src_lang",
    "tgt_lang",
    "src_ids",
    "tgt_ids",
    "score",
    "confidence",
    "src_text",
    "tgt_text",
    "speaker",
    "platform",
    "url",
    "date",
];

/// A field of a row as the text formats write it: borrowed from the row where it can be.
pub type Field<'a> = Cow<'a, str>;

/// An optional quote field, empty when absent.
fn opt_field<'a>(row: &'a PairRow, get: impl Fn(&'a QuoteInfo) -> &'a Option<String>) -> Field<'a> {
    Cow::Borrowed(
        row.quote
            .as_ref()
            .and_then(|q| get(q).as_deref())
            .unwrap_or(""),
    )
}

/// A row's fields in [`COLUMNS`] order.
pub(crate) fn fields(row: &PairRow) -> [Field<'_>; 15] {
    [
        Cow::Borrowed(&row.doc_id),
        Cow::Borrowed(&row.tgt_doc_id),
        Cow::Borrowed(row.kind.as_str()),
        Cow::Borrowed(row.src_lang.as_str()),
        Cow::Borrowed(row.tgt_lang.as_str()),
        Cow::Owned(PairRow::ids_text(&row.src_ids)),
        Cow::Owned(PairRow::ids_text(&row.tgt_ids)),
        Cow::Owned(row.score_text()),
        Cow::Owned(row.confidence_text()),
        Cow::Borrowed(&row.src_text),
        Cow::Borrowed(&row.tgt_text),
        opt_field(row, |q| &q.speaker),
        opt_field(row, |q| &q.platform),
        opt_field(row, |q| &q.url),
        opt_field(row, |q| &q.date),
    ]
}

/// Which columns the CSV and TSV formats write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Columns {
    /// [`COLUMNS`]: sentence pairs of parallel documents (quote rows fit too).
    #[default]
    Pairs,
    /// [`QUOTE_COLUMNS`]: translated quotes and their originals.
    Quotes,
    /// [`MINED_COLUMNS`]: one row per query of `talign mine`.
    Mined,
}

impl Columns {
    /// The header row.
    pub fn header(&self) -> &'static [&'static str] {
        match self {
            Columns::Pairs => &COLUMNS,
            Columns::Quotes => &QUOTE_COLUMNS,
            Columns::Mined => &MINED_COLUMNS,
        }
    }

    /// A row's fields in header order.
    pub fn fields<'a>(&self, row: &'a PairRow) -> Vec<Field<'a>> {
        match self {
            Columns::Pairs => fields(row).to_vec(),
            Columns::Quotes => quote_fields(row).to_vec(),
            Columns::Mined => mined_fields(row).to_vec(),
        }
    }
}

/// The header of the CSV and TSV formats for quote pairs.
pub const QUOTE_COLUMNS: [&str; 11] = [
    "doc_id",
    "quote_id",
    "speaker",
    "platform",
    "quote_lang",
    "quote_text",
    "original_id",
    "original_lang",
    "original_text",
    "score",
    "margin",
];

/// A quote row's fields in [`QUOTE_COLUMNS`] order (original fields empty when unpaired).
pub(crate) fn quote_fields(row: &PairRow) -> [Field<'_>; 11] {
    let q = row.quote.as_ref();
    let paired = !row.tgt_doc_id.is_empty();
    let known = |l: Lang| {
        if l.is_und() {
            String::new()
        } else {
            l.to_string()
        }
    };
    let translated_from = q.and_then(|q| q.translated_from);
    let margin = q.and_then(|q| q.margin).filter(|_| paired);
    [
        Cow::Borrowed(&row.doc_id),
        opt_field(row, |q| &q.quote_id),
        opt_field(row, |q| &q.speaker),
        opt_field(row, |q| &q.platform),
        Cow::Owned(translated_from.map(known).unwrap_or_default()),
        Cow::Borrowed(&row.src_text),
        Cow::Borrowed(&row.tgt_doc_id),
        Cow::Owned(if paired {
            known(row.tgt_lang)
        } else {
            String::new()
        }),
        Cow::Borrowed(&row.tgt_text),
        Cow::Owned(if paired {
            row.score_text()
        } else {
            String::new()
        }),
        Cow::Owned(margin.map(four_decimals).unwrap_or_default()),
    ]
}

/// The header of the CSV and TSV formats for mined pairs (`talign mine`), one row per query.
pub const MINED_COLUMNS: [&str; 7] = [
    "query_id",
    "pool_id",
    "score",
    "margin",
    "accepted",
    "query_text",
    "pool_text",
];

/// A number rounded to four decimals, never `-0.0` (a tiny negative number rounds to `0.0`).
pub(crate) fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4 + 0.0
}

/// A number as the text formats write it: four decimals (never `-0.0000`), empty when not finite.
fn four_decimals(x: f64) -> String {
    if x.is_finite() {
        format!("{:.4}", round4(x))
    } else {
        String::new()
    }
}

/// A mined row's fields in [`MINED_COLUMNS`] order: the query's and the pool entry's ids
/// (`doc_id`, `tgt_doc_id`), score, margin and acceptance, then both texts.
pub(crate) fn mined_fields(row: &PairRow) -> [Field<'_>; 7] {
    let q = row.quote.as_ref();
    let accepted = q.and_then(|q| q.accepted).unwrap_or(false);
    [
        Cow::Borrowed(&row.doc_id),
        Cow::Borrowed(&row.tgt_doc_id),
        Cow::Owned(row.score_text()),
        Cow::Owned(four_decimals(q.and_then(|q| q.margin).unwrap_or(0.0))),
        Cow::Borrowed(if accepted { "true" } else { "false" }),
        Cow::Borrowed(&row.src_text),
        Cow::Borrowed(&row.tgt_text),
    ]
}

/// Escapes a field for TSV: `\` → `\\`, tab → `\t`,
/// newline → `\n`, carriage return → `\r`; nothing else changes, so unescaping is exact.
pub fn escape_field(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// Why output could not be written. Messages never repeat their cause: anyhow's `{:#}` prints
/// the chain (`cannot write out.csv: No space left on device (os error 28)`).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Writing to the output stream failed.
    #[error("cannot write output")]
    Io(#[source] io::Error),
    /// Creating, writing or renaming an output file failed; `path` is its final name, never the
    /// temporary one.
    #[error("cannot write {path}")]
    File {
        /// The file's final name.
        path: String,
        /// The operating system's reason.
        #[source]
        source: io::Error,
    },
    /// The CSV writer failed on something other than I/O.
    #[error("cannot write CSV: {0}")]
    Csv(String),
    /// JSON serialisation failed on something other than I/O.
    #[error("cannot write JSON: {0}")]
    Json(String),
    /// The format needs something the destination cannot give (Moses to stdout).
    #[error("{0}")]
    Unsupported(String),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        WriteError::Io(e)
    }
}

impl From<csv::Error> for WriteError {
    fn from(e: csv::Error) -> Self {
        if e.is_io_error() {
            if let csv::ErrorKind::Io(io) = e.into_kind() {
                return WriteError::Io(io);
            }
            return WriteError::Csv("I/O error".to_string());
        }
        WriteError::Csv(e.to_string())
    }
}

impl From<serde_json::Error> for WriteError {
    fn from(e: serde_json::Error) -> Self {
        if e.is_io() {
            WriteError::Io(io::Error::from(e))
        } else {
            WriteError::Json(e.to_string())
        }
    }
}

impl WriteError {
    /// True when the reader of the output went away (`talign … | head`): not worth reporting.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            WriteError::Io(e) | WriteError::File { source: e, .. } => {
                e.kind() == io::ErrorKind::BrokenPipe
            }
            _ => false,
        }
    }
}

/// A cell made safe for spreadsheet programs (`--csv-safe`, OWASP's advice against formula
/// injection): a text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
/// `'`; numbers (`-0.25`) are left as they are, since a spreadsheet reads them as numbers anyway.
pub fn csv_safe(field: &str) -> Cow<'_, str> {
    let risky = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && field.trim().parse::<f64>().map_or(true, |x| !x.is_finite()) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// Characters that end a line for some reader of line-based files: `\n`, `\r`, and also what
/// Python's `str.splitlines` splits on (vertical tab, form feed, file/group/record separators,
/// NEL, U+2028, U+2029), plus the tab.
fn breaks_lines(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{b}' | '\u{c}' | '\u{1c}'
            ..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// A text as one line for Moses files: every line break (`\r\n` counts as one) or tab (see
/// `breaks_lines`) becomes a space, everything else is written raw (Moses readers unescape
/// nothing).
pub fn one_line(text: &str) -> Cow<'_, str> {
    if text.contains(breaks_lines) {
        Cow::Owned(text.replace("\r\n", "\n").replace(breaks_lines, " "))
    } else {
        Cow::Borrowed(text)
    }
}

/// Writes pair rows in one format.
pub trait PairWriter: Send {
    /// Writes one row.
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError>;
    /// Writes any trailer and flushes; called once, after the last row.
    fn finish(&mut self) -> Result<(), WriteError>;
    /// Texts whose line breaks or tabs the format had to turn into spaces (Moses).
    fn flattened(&self) -> usize {
        0
    }
}

/// Writes rows of type `R` (pairs, segments, …) in one format; what a [`Sink`] drives.
pub trait RowWriter<R>: Send {
    /// Writes one row.
    fn write_row(&mut self, row: &R) -> Result<(), WriteError>;
    /// Writes any trailer and flushes; called once, after the last row.
    fn finish(&mut self) -> Result<(), WriteError>;
    /// Texts whose line breaks or tabs the format had to turn into spaces (Moses).
    fn flattened(&self) -> usize {
        0
    }
}

impl<T: PairWriter> RowWriter<PairRow> for T {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        PairWriter::write_row(self, row)
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        PairWriter::finish(self)
    }

    fn flattened(&self) -> usize {
        PairWriter::flattened(self)
    }
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// RFC 4180 CSV with a header.
    #[default]
    Csv,
    /// Tab-separated, escaped, with a header.
    Tsv,
    /// Two line-aligned files.
    Moses,
    /// Hugging Face translation JSONL.
    Jsonl,
    /// TMX 1.4b.
    Tmx,
    /// Alignment links, `[0, 1]:[2]`.
    Links,
    /// Mined pairs as indices, the test format of `talign eval mine`.
    Ids,
    /// vecalign's alignment lines, `[0, 1]:[2]:0.156000`.
    Vecalign,
    /// One self-contained HTML page for review by eye.
    Html,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Ok(Format::Csv),
            "tsv" => Ok(Format::Tsv),
            "moses" => Ok(Format::Moses),
            "jsonl" => Ok(Format::Jsonl),
            "tmx" => Ok(Format::Tmx),
            "links" => Ok(Format::Links),
            "ids" => Ok(Format::Ids),
            "vecalign" => Ok(Format::Vecalign),
            "html" => Ok(Format::Html),
            other => Err(format!(
                "unknown format `{other}` (csv, tsv, moses, jsonl, tmx, links, ids, vecalign, html)"
            )),
        }
    }
}

/// Options that shape the output.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// The output format.
    pub format: Format,
    /// CSV: start with a UTF-8 byte-order mark (for spreadsheet programs that need one).
    pub bom: bool,
    /// Moses: the source file's suffix (`PREFIX.en`); `src` when not given.
    pub src_lang: Option<Lang>,
    /// Moses: the target file's suffix; `tgt` when not given.
    pub tgt_lang: Option<Lang>,
    /// CSV/TSV: which columns.
    pub columns: Columns,
    /// CSV/TSV: prefix `'` to cells a spreadsheet would run as a formula (see [`csv_safe`]).
    pub csv_safe: bool,
    /// Links: a `# doc_id<TAB>tgt_doc_id` line before each document pair's links (`talign run`),
    /// so a corpus's links can be scored per document.
    pub doc_headers: bool,
    /// JSONL: one file per language pair (`en-ru.jsonl`, …) in the folder given as the target.
    pub split_by_pair: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips_by_construction() {
        assert_eq!(escape_field("a\tb\nc\\n\r"), "a\\tb\\nc\\\\n\\r");
        assert_eq!(escape_field("«да»"), "«да»");
    }

    #[test]
    fn quote_layout_names_the_language_translated_from() {
        let lang = |c: &str| Lang::new(c).unwrap_or(Lang::UND);
        let row = PairRow {
            doc_id: "a".into(),
            tgt_doc_id: "p1".into(),
            kind: PairKind::Quote,
            src_lang: lang("en"),
            tgt_lang: lang("ru"),
            src_text: "Go away!".into(),
            tgt_text: "Уходи!".into(),
            score: 0.5,
            quote: Some(QuoteInfo {
                quote_id: Some("q0".into()),
                translated_from: Some(lang("ru")),
                ..QuoteInfo::default()
            }),
            ..PairRow::default()
        };
        let f = quote_fields(&row);
        assert_eq!((&*f[4], &*f[7]), ("ru", "ru"));
        let unpaired = PairRow {
            quote: None,
            tgt_doc_id: String::new(),
            ..row
        };
        assert_eq!(quote_fields(&unpaired)[4], "");
    }

    #[test]
    fn formats_parse() {
        assert_eq!("TMX".parse::<Format>(), Ok(Format::Tmx));
        assert!("xml".parse::<Format>().is_err());
    }
}
