//! JSONL in the Hugging Face `datasets` translation layout.

use std::io::Write;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::{round4, PairKind, PairRow, PairWriter, QuoteInfo, WriteError};

/// Writes `{"translation": {"<src>": …, "<tgt>": …}, "doc_id": …, …}` a line; when both sides
/// have the same language code the keys are `src` and `tgt`.
pub struct JsonlWriter<W: Write> {
    out: W,
}

impl<W: Write + Send> JsonlWriter<W> {
    /// A JSONL writer.
    pub fn new(out: W) -> Self {
        JsonlWriter { out }
    }
}

struct Translation<'a>(&'a PairRow);

impl Serialize for Translation<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let row = self.0;
        let (src_key, tgt_key) = if row.src_lang == row.tgt_lang {
            ("src", "tgt")
        } else {
            (row.src_lang.as_str(), row.tgt_lang.as_str())
        };
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry(src_key, &row.src_text)?;
        map.serialize_entry(tgt_key, &row.tgt_text)?;
        map.end()
    }
}

#[derive(Serialize)]
struct HfRow<'a> {
    translation: Translation<'a>,
    doc_id: &'a str,
    tgt_doc_id: &'a str,
    kind: PairKind,
    src_lang: &'a str,
    tgt_lang: &'a str,
    src_ids: &'a [usize],
    tgt_ids: &'a [usize],
    score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    quote: Option<QuoteInfo>,
}

impl<W: Write + Send> PairWriter for JsonlWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        let hf = HfRow {
            translation: Translation(row),
            doc_id: &row.doc_id,
            tgt_doc_id: &row.tgt_doc_id,
            kind: row.kind,
            src_lang: row.src_lang.as_str(),
            tgt_lang: row.tgt_lang.as_str(),
            src_ids: &row.src_ids,
            tgt_ids: &row.tgt_ids,
            // Scores and margins rounded like the text formats: every format, the same figure.
            score: row.score.is_finite().then(|| round4(row.score)),
            confidence: row.confidence.filter(|c| c.is_finite()).map(round4),
            quote: row.quote.clone().map(|q| QuoteInfo {
                margin: q.margin.filter(|m| m.is_finite()).map(round4),
                ..q
            }),
        };
        serde_json::to_writer(&mut self.out, &hf)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.out.flush()?;
        Ok(())
    }
}
