//! CSV and TSV records with a header, read with `csv-core` one record at a time: a record (or
//! header) over the size limit is skipped without being held, and a quote that swallows the rows
//! after it (one that runs to the end of the input, or closes lines later with text after it) is
//! a named reject, never a silent merge of rows.

use std::io::BufRead;

use csv_core::{ReadRecordResult, ReaderBuilder};

use super::open::Input;
use super::records::{lang_hint, Record};
use super::{decode_at, DocMeta, ReadError};

/// Where the bytes of a record stand with respect to quoting: what `csv-core` does with them,
/// followed only to name the rows a bad quote swallows (`csv-core` does the parsing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    /// Between records (blank lines are skipped).
    RecordStart,
    /// At the start of a field.
    FieldStart,
    /// Inside a field that did not start with a quote.
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field (a closing quote, or half of a doubled one).
    QuoteInQuoted,
}

/// Follows the quoting of the bytes `csv-core` consumed, with line numbers.
#[derive(Debug)]
struct QuoteTracker {
    delimiter: u8,
    state: Quoting,
    /// 1-based line of the next byte.
    line: usize,
    /// 1-based line of the last byte consumed.
    last_line: usize,
    /// Bytes consumed so far.
    byte: usize,
    /// Line and byte where the current record started.
    record_line: usize,
    record_byte: usize,
    /// Line where the current quoted field opened.
    quote_line: usize,
    /// In the current record: a quoted field that opened at one line, closed at a later one and
    /// had text after its closing quote (`c2,"a…` … `c3,"b"x`): the quote swallowed rows.
    swallowed: Option<(usize, usize)>,
}

impl QuoteTracker {
    fn new(delimiter: u8) -> Self {
        QuoteTracker {
            delimiter,
            state: Quoting::RecordStart,
            line: 1,
            last_line: 1,
            byte: 0,
            record_line: 1,
            record_byte: 0,
            quote_line: 1,
            swallowed: None,
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.step(b);
            self.byte += 1;
            self.last_line = self.line;
            if b == b'\n' {
                self.line += 1;
            }
        }
    }

    fn step(&mut self, b: u8) {
        let ends_record = b == b'\n' || b == b'\r';
        self.state = match self.state {
            Quoting::RecordStart if ends_record => Quoting::RecordStart,
            Quoting::RecordStart => {
                self.record_line = self.line;
                self.record_byte = self.byte;
                self.swallowed = None;
                self.state = Quoting::FieldStart;
                return self.step(b);
            }
            Quoting::FieldStart | Quoting::Unquoted if ends_record => Quoting::RecordStart,
            Quoting::FieldStart | Quoting::Unquoted if b == self.delimiter => Quoting::FieldStart,
            Quoting::FieldStart if b == b'"' => {
                self.quote_line = self.line;
                Quoting::Quoted
            }
            Quoting::FieldStart | Quoting::Unquoted => Quoting::Unquoted,
            Quoting::Quoted if b == b'"' => Quoting::QuoteInQuoted,
            Quoting::Quoted => Quoting::Quoted,
            Quoting::QuoteInQuoted if b == b'"' => Quoting::Quoted,
            Quoting::QuoteInQuoted if ends_record => Quoting::RecordStart,
            Quoting::QuoteInQuoted if b == self.delimiter => Quoting::FieldStart,
            Quoting::QuoteInQuoted => {
                if self.line > self.quote_line && self.swallowed.is_none() {
                    self.swallowed = Some((self.quote_line, self.line));
                }
                Quoting::Unquoted
            }
        };
    }
}

/// One record as `csv-core` cut it, or why it was not kept.
enum Raw {
    /// The fields' bytes, one after the other, and where each field ends.
    Fields,
    /// The record was over the limit; its bytes were skipped.
    TooLarge { bytes: usize },
    /// The input ended (nothing more to read).
    End,
}

/// Reads CSV or TSV rows with a header, the text in one named column, the id in another; every
/// record is at most `max` bytes in memory.
pub(crate) struct TableRecords {
    input: String,
    source: Input,
    core: csv_core::Reader,
    tracker: QuoteTracker,
    max: usize,
    /// The current record's field bytes and field ends.
    out: Vec<u8>,
    ends: Vec<usize>,
    fields: usize,
    text_col: Option<usize>,
    id_col: Option<usize>,
    /// Optional `lang`, `url`, `date`, `author` columns, found by header name like JSONL's keys.
    meta_cols: [Option<usize>; 4],
    /// Set when nothing more can be read (a bad header, a read error, the end).
    done: bool,
    /// A reject to give before anything else (the header's).
    header_error: Option<ReadError>,
}

/// Most fields a record may have, per byte of the limit: each field costs an end position.
const BYTES_PER_FIELD: usize = 16;

impl TableRecords {
    /// Starts reading: the header is read at once; a header over the limit, unreadable, or
    /// without the text column makes the first item an error and the last.
    pub(crate) fn new(
        input: String,
        source: Input,
        delimiter: u8,
        text_column: &str,
        id_column: &str,
        max: usize,
    ) -> TableRecords {
        let mut t = TableRecords {
            input,
            source,
            core: ReaderBuilder::new().delimiter(delimiter).build(),
            tracker: QuoteTracker::new(delimiter),
            max,
            out: vec![0; 4096.min(max.max(1))],
            ends: vec![0; 16],
            fields: 0,
            text_col: None,
            id_col: None,
            meta_cols: [None; 4],
            done: false,
            header_error: None,
        };
        t.skip_bom();
        match t.read_raw(true) {
            Ok(Raw::Fields) => {
                let col = |name: &str| (0..t.fields).position(|i| t.field(i) == name.as_bytes());
                let (text, id, meta) = (
                    col(text_column),
                    col(id_column),
                    ["lang", "url", "date", "author"].map(col),
                );
                (t.text_col, t.id_col, t.meta_cols) = (text, id, meta);
                if t.text_col.is_none() {
                    t.fail(t.bad(1, "the header has no text column (see --text-column)"));
                }
            }
            Ok(Raw::End) => t.fail(t.bad(1, "the header has no text column (see --text-column)")),
            Ok(Raw::TooLarge { bytes }) => t.fail(t.bad(
                1,
                &format!(
                    "the header is over {} bytes ({bytes} read): not a CSV/TSV header; the \
                     input is not read",
                    t.max
                ),
            )),
            Err(e) => t.fail(e),
        }
        t
    }

    fn fail(&mut self, e: ReadError) {
        self.header_error = Some(e);
        self.done = true;
    }

    fn bad(&self, line: usize, reason: &str) -> ReadError {
        ReadError::BadRecord {
            path: self.input.clone(),
            line,
            reason: reason.to_string(),
        }
    }

    /// Steps over a UTF-8 byte-order mark at the start (byte offsets still count it).
    fn skip_bom(&mut self) {
        if let Ok(buf) = self.source.fill_buf() {
            if buf.starts_with(b"\xef\xbb\xbf") {
                self.source.consume(3);
                self.tracker.byte = 3;
            }
        }
    }

    /// Field `i` of the current record.
    fn field(&self, i: usize) -> &[u8] {
        if i >= self.fields {
            return &[];
        }
        let start = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).copied().unwrap_or(0)
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.out.get(start..end).unwrap_or_default()
    }

    /// Reads the next record into `out`/`ends`; one over the limit is consumed into a scratch
    /// buffer and reported as too large (the header: at once, without reading the rest).
    fn read_raw(&mut self, header: bool) -> Result<Raw, ReadError> {
        let (mut outlen, mut endlen, mut skipped) = (0usize, 0usize, None::<usize>);
        let mut scratch = [0u8; 4096];
        let mut scratch_ends = [0usize; 64];
        let start = self.tracker.byte;
        loop {
            let input = match self.source.fill_buf() {
                Ok(b) => b,
                Err(source) => {
                    self.done = true;
                    return Err(ReadError::Io {
                        path: self.input.clone(),
                        source,
                    });
                }
            };
            let (res, nin, nout, nend) = if skipped.is_some() {
                self.core
                    .read_record(input, &mut scratch, &mut scratch_ends)
            } else {
                let out = self.out.get_mut(outlen..).unwrap_or_default();
                let ends = self.ends.get_mut(endlen..).unwrap_or_default();
                self.core.read_record(input, out, ends)
            };
            self.tracker.feed(input.get(..nin).unwrap_or_default());
            self.source.consume(nin);
            if skipped.is_none() {
                outlen += nout;
                endlen += nend;
            }
            let full = match res {
                ReadRecordResult::InputEmpty => false,
                // skipping: the scratch buffers are simply used again
                ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull
                    if skipped.is_some() =>
                {
                    false
                }
                ReadRecordResult::OutputFull => !grow(&mut self.out, self.max),
                ReadRecordResult::OutputEndsFull => {
                    !grow(&mut self.ends, (self.max / BYTES_PER_FIELD).max(64))
                }
                ReadRecordResult::Record => {
                    if let Some(bytes) = skipped {
                        return Ok(Raw::TooLarge {
                            bytes: bytes.max(self.tracker.byte - start),
                        });
                    }
                    self.fields = endlen;
                    return Ok(Raw::Fields);
                }
                ReadRecordResult::End => {
                    self.done = true;
                    return Ok(Raw::End);
                }
            };
            if full {
                skipped = Some(self.max + 1);
                if header {
                    self.done = true;
                    return Ok(Raw::TooLarge {
                        bytes: self.tracker.byte - start,
                    });
                }
            }
        }
    }

    /// The text of field `col` of the current record as UTF-8 (errors name the record's line).
    fn text(&self, col: usize, line: usize, offset: usize) -> Result<String, ReadError> {
        decode_at(&self.input, self.field(col).to_vec(), line, offset)
    }

    /// The current record as a document.
    fn record(&self, text_col: usize) -> Result<Record, ReadError> {
        let (line, offset) = (self.tracker.record_line, self.tracker.record_byte);
        if let Some((opened, closed)) = self.tracker.swallowed {
            return Err(self.bad(
                opened,
                &format!(
                    "unbalanced quotes: the quoted field opened at line {opened} closes at line \
                     {closed} with text after its closing quote; lines {opened}-{closed} were not \
                     read as records"
                ),
            ));
        }
        let text = self.text(text_col, line, offset)?;
        let id = match self.id_col.map(|c| self.text(c, line, offset)) {
            Some(Ok(id)) if !id.is_empty() => id,
            Some(Err(e)) => return Err(e),
            _ => format!("{}:{}", self.input, line),
        };
        // a short optional field: kept when readable and non-empty, never a reject
        let optional = |k: usize| -> Option<String> {
            let col = self.meta_cols.get(k).copied().flatten()?;
            let s = std::str::from_utf8(self.field(col)).ok()?.trim();
            (!s.is_empty() && s.len() <= 4096).then(|| s.to_string())
        };
        let lang = optional(0).and_then(|l| lang_hint(&l));
        let meta = DocMeta {
            input: self.input.clone(),
            line: Some(line),
            url: optional(1),
            date: optional(2),
            author: optional(3),
            ..DocMeta::default()
        };
        Ok(Record::build(id, Some(text), None, meta, lang))
    }
}

/// Doubles `buf` up to `cap` elements; false when it is already there.
fn grow<T: Default + Clone>(buf: &mut Vec<T>, cap: usize) -> bool {
    if buf.len() >= cap {
        return false;
    }
    let len = buf.len().saturating_mul(2).clamp(1, cap);
    buf.resize(len, T::default());
    true
}

impl Iterator for TableRecords {
    type Item = Result<Record, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.header_error.take() {
            return Some(Err(e));
        }
        if self.done {
            return None;
        }
        let text_col = self.text_col?;
        let raw = match self.read_raw(false) {
            Ok(raw) => raw,
            Err(e) => return Some(Err(e)),
        };
        let line = self.tracker.record_line;
        // the input ended inside a quoted field: every line after its quote was swallowed
        if self.tracker.state == Quoting::Quoted && !matches!(raw, Raw::End) {
            self.done = true;
            let (opened, last) = (self.tracker.quote_line, self.tracker.last_line);
            return Some(Err(self.bad(
                opened,
                &format!(
                    "unbalanced quotes: the quoted field opened at line {opened} runs to the end \
                     of the input (line {last}); lines {opened}-{last} were not read as records"
                ),
            )));
        }
        match raw {
            Raw::End => None,
            Raw::TooLarge { bytes } => Some(Err(ReadError::TooLarge {
                path: self.input.clone(),
                line,
                bytes,
                limit: self.max,
            })),
            Raw::Fields => Some(self.record(text_col)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(csv: &[u8], max: usize) -> Vec<Result<Record, ReadError>> {
        let input: Input = Box::new(std::io::Cursor::new(csv.to_vec()));
        TableRecords::new("t.csv".into(), input, b',', "text", "id", max).collect()
    }

    fn ids(results: &[Result<Record, ReadError>]) -> Vec<String> {
        results
            .iter()
            .map(|r| match r {
                Ok(rec) => rec.doc.doc.id.clone(),
                Err(e) => format!("!{}", e.line().unwrap_or(0)),
            })
            .collect()
    }

    #[test]
    fn optional_columns_are_read_like_jsonl_keys() {
        let csv = "id,lang,text,url\n1,ru-RU,Привет,https://x/1\n2,,Hello,\n";
        let recs: Vec<Record> = read_all(csv.as_bytes(), 100)
            .into_iter()
            .filter_map(Result::ok)
            .collect();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].doc.lang().as_str(), "ru");
        assert_eq!(recs[0].doc.meta.url.as_deref(), Some("https://x/1"));
        assert_eq!(recs[1].doc.lang().as_str(), "und");
        assert_eq!(recs[1].doc.meta.url, None);
    }

    #[test]
    fn quoted_fields_keep_their_commas_quotes_and_line_breaks() {
        let csv = "\u{feff}id,text\r\na,\"x, \"\"y\"\"\nz\"\r\n\r\nb,plain\n";
        let recs = read_all(csv.as_bytes(), 100);
        assert_eq!(ids(&recs), ["a", "b"]);
        let texts: Vec<String> = recs
            .into_iter()
            .filter_map(Result::ok)
            .map(|r| r.doc.doc.text)
            .collect();
        assert_eq!(texts, ["x, \"y\"\nz", "plain"]);
    }

    #[test]
    fn a_quote_running_to_the_end_is_a_named_reject_not_a_merged_row() {
        let csv = "id,text\nc1,\"Fine, A.\"\nc2,\"unbalanced, B.\nc3,C.\nc4,D.\n";
        let recs = read_all(csv.as_bytes(), 1000);
        assert_eq!(ids(&recs), ["c1", "!3"]);
        let Some(Err(e)) = recs.get(1) else {
            panic!("no reject")
        };
        assert!(e.reason().contains("lines 3-5"), "{e}");
    }

    #[test]
    fn a_quote_closing_lines_later_with_text_after_it_is_a_named_reject() {
        let csv = "id,text\nc2,\"unbalanced, B.\nc3,\"Third.\"\nc4,\"Fourth.\"\n";
        let recs = read_all(csv.as_bytes(), 1000);
        assert_eq!(ids(&recs), ["!2", "c4"]);
        // on one line, text after a closing quote is still read as the csv crate does
        let recs = read_all(b"id,text\na,\"x\" y\n", 1000);
        assert_eq!(ids(&recs), ["a"]);
    }

    #[test]
    fn an_over_long_record_is_skipped_and_the_next_one_read() {
        let csv = format!("id,text\nbig,\"{}\"\nok,fine\n", "x".repeat(10_000));
        let recs = read_all(csv.as_bytes(), 1000);
        assert_eq!(ids(&recs), ["!2", "ok"]);
        assert!(matches!(recs[0], Err(ReadError::TooLarge { bytes, .. }) if bytes > 10_000));
    }

    #[test]
    fn an_over_long_header_stops_the_input_at_once() {
        let csv = format!("{}\nok,fine\n", "h".repeat(50_000));
        let recs = read_all(csv.as_bytes(), 1000);
        assert_eq!(ids(&recs), ["!1"]);
        let too_many_fields = format!("id,text{}\nok,fine\n", ",".repeat(5_000));
        assert_eq!(ids(&read_all(too_many_fields.as_bytes(), 1000)), ["!1"]);
    }
}
