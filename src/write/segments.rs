//! Segment rows (`talign segment`): CSV, TSV and JSONL, one row per language-tagged segment.

use std::borrow::Cow;
use std::io::Write;

use serde::Serialize;

use super::{csv_safe, escape_field, Field, RowWriter, WriteError};
use crate::doc::{Document, Lang, QuotePart, Segment, SegmentKind};

/// The header of the segment CSV and TSV formats, in column order.
pub const SEGMENT_COLUMNS: [&str; 8] = [
    "doc_id",
    "seg_id",
    "start",
    "end",
    "kind",
    "lang",
    "confidence",
    "text",
];

/// One segment of a document, as written by `talign segment`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentRow {
    /// The document's id.
    pub doc_id: String,
    /// The segment's position in its document (0-based).
    pub seg_id: usize,
    /// Byte offset of the first byte in the document text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the segment is.
    #[serde(serialize_with = "kind_name")]
    pub kind: SegmentKind,
    /// Its language (`und` when unknown).
    pub lang: Lang,
    /// Confidence in `lang`, rounded to three decimals.
    pub confidence: f64,
    /// The segment's text.
    pub text: String,
    /// For quote pieces: the quote and the piece's place in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<QuotePart>,
    /// For repeated lines: the segment repeated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<usize>,
}

fn kind_name<S: serde::Serializer>(kind: &SegmentKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.as_str())
}

impl SegmentRow {
    /// The row of segment `seg` of `doc`.
    pub fn new(doc: &Document, seg: &Segment) -> SegmentRow {
        SegmentRow {
            doc_id: doc.id.clone(),
            seg_id: seg.id,
            start: seg.start,
            end: seg.end,
            kind: seg.kind,
            lang: seg.lang,
            confidence: (f64::from(seg.confidence) * 1000.0).round() / 1000.0,
            text: seg.text(&doc.text).to_string(),
            quote: seg.quote,
            duplicate_of: seg.duplicate_of,
        }
    }

    /// The row's fields in [`SEGMENT_COLUMNS`] order.
    pub fn fields(&self) -> [Field<'_>; 8] {
        [
            Cow::Borrowed(&self.doc_id),
            Cow::Owned(self.seg_id.to_string()),
            Cow::Owned(self.start.to_string()),
            Cow::Owned(self.end.to_string()),
            Cow::Borrowed(self.kind.as_str()),
            Cow::Borrowed(self.lang.as_str()),
            Cow::Owned(format!("{:.3}", self.confidence)),
            Cow::Borrowed(&self.text),
        ]
    }
}

/// The formats segment rows are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SegmentFormat {
    /// RFC 4180 CSV with a header.
    #[default]
    Csv,
    /// Tab-separated with a header, fields escaped with [`escape_field`].
    Tsv,
    /// One JSON object a line, with quote and duplicate links.
    Jsonl,
}

/// Writes segment rows in one [`SegmentFormat`].
pub struct SegmentWriter<W: Write> {
    format: SegmentFormat,
    csv: Option<csv::Writer<W>>,
    out: Option<W>,
    safe: bool,
    line: Vec<u8>,
}

impl<W: Write + Send> SegmentWriter<W> {
    /// A writer that starts with the header (CSV: after a byte-order mark when `bom`).
    pub fn new(mut out: W, format: SegmentFormat, bom: bool) -> Result<Self, WriteError> {
        match format {
            SegmentFormat::Csv => {
                if bom {
                    out.write_all("\u{feff}".as_bytes())?;
                }
                let mut w = csv::WriterBuilder::new()
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(out);
                w.write_record(SEGMENT_COLUMNS)?;
                Ok(SegmentWriter {
                    format,
                    csv: Some(w),
                    out: None,
                    safe: false,
                    line: Vec::new(),
                })
            }
            SegmentFormat::Tsv => {
                writeln!(out, "{}", SEGMENT_COLUMNS.join("\t"))?;
                Ok(SegmentWriter {
                    format,
                    csv: None,
                    out: Some(out),
                    safe: false,
                    line: Vec::new(),
                })
            }
            SegmentFormat::Jsonl => Ok(SegmentWriter {
                format,
                csv: None,
                out: Some(out),
                safe: false,
                line: Vec::new(),
            }),
        }
    }

    /// CSV/TSV: prefixes `'` to cells a spreadsheet would run as a formula (see [`csv_safe`]).
    pub fn csv_safe(mut self, on: bool) -> Self {
        self.safe = on;
        self
    }
}

impl<W: Write + Send> RowWriter<SegmentRow> for SegmentWriter<W> {
    fn write_row(&mut self, row: &SegmentRow) -> Result<(), WriteError> {
        let safe = self.safe;
        let cell = |f: &'_ Field<'_>| -> String {
            if safe {
                csv_safe(f).into_owned()
            } else {
                f.to_string()
            }
        };
        if let Some(w) = self.csv.as_mut() {
            if safe {
                w.write_record(row.fields().iter().map(cell))?;
            } else {
                w.write_record(row.fields().iter().map(|f| f.as_bytes()))?;
            }
            return Ok(());
        }
        let Some(out) = self.out.as_mut() else {
            return Ok(());
        };
        if self.format == SegmentFormat::Tsv {
            let line: Vec<String> = row
                .fields()
                .iter()
                .map(|f| {
                    if safe {
                        escape_field(&csv_safe(f))
                    } else {
                        escape_field(f)
                    }
                })
                .collect();
            writeln!(out, "{}", line.join("\t"))?;
        } else {
            // one line at a time, so the output sees plain I/O errors (a closed pipe)
            self.line.clear();
            serde_json::to_writer(&mut self.line, row)?;
            self.line.push(b'\n');
            out.write_all(&self.line)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        if let Some(w) = self.csv.as_mut() {
            w.flush()?;
        }
        if let Some(out) = self.out.as_mut() {
            out.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<SegmentRow> {
        let doc = Document::new("d,1", "He said: \"Go\ttoday\"\nЗдравствуйте, мир 🌍");
        let cut = doc.text.find('З').unwrap_or(0);
        let mut a = Segment::new(0, 0, cut, SegmentKind::Quote);
        a.quote = Some(QuotePart { quote: 0, piece: 0 });
        a.lang = Lang::new("en").unwrap_or(Lang::UND);
        a.confidence = 0.98765;
        let mut b = Segment::new(1, cut, doc.text.len(), SegmentKind::Sentence);
        b.lang = Lang::new("ru").unwrap_or(Lang::UND);
        b.confidence = 1.0;
        b.duplicate_of = Some(0);
        vec![SegmentRow::new(&doc, &a), SegmentRow::new(&doc, &b)]
    }

    fn written(format: SegmentFormat) -> String {
        let mut buf = Vec::new();
        {
            let mut w = SegmentWriter::new(&mut buf, format, false).unwrap();
            for r in rows() {
                w.write_row(&r).unwrap();
            }
            w.finish().unwrap();
        }
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn segment_csv() {
        insta::assert_snapshot!(written(SegmentFormat::Csv));
    }

    #[test]
    fn segment_tsv() {
        insta::assert_snapshot!(written(SegmentFormat::Tsv));
    }

    #[test]
    fn segment_jsonl() {
        insta::assert_snapshot!(written(SegmentFormat::Jsonl));
    }
}
