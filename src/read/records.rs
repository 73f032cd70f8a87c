//! Record formats: JSONL lines and CSV/TSV rows, each a document (plus the posts embedded in it).

use serde::Deserialize;

use crate::doc::{Document, Lang};

use super::html::extract_html;
use super::open::Input;
use super::{decode_at, DocMeta, ReadError, SourceDoc};

/// One record of a JSONL or CSV input: the document and the posts embedded in its HTML.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    /// The record's document.
    pub doc: SourceDoc,
    /// Posts embedded in the record's HTML, in page order, to be read as documents of their own
    /// (the same posts as `doc.posts`).
    pub posts: Vec<SourceDoc>,
}

impl Record {
    /// A record from a text (or, when `html` is set, from a page's visible text and posts).
    pub(crate) fn build(
        id: String,
        text: Option<String>,
        html: Option<&str>,
        meta: DocMeta,
        lang: Option<Lang>,
    ) -> Record {
        let (text, posts) = match html {
            Some(h) => {
                let page = extract_html(h);
                (text.unwrap_or(page.text), page.posts)
            }
            None => (text.unwrap_or_default(), Vec::new()),
        };
        let posts = posts
            .into_iter()
            .enumerate()
            .map(|(i, p)| SourceDoc {
                doc: Document {
                    id: format!("{id}#post-{}", i + 1),
                    text: p.text,
                    lang: p.lang,
                },
                meta: DocMeta {
                    input: meta.input.clone(),
                    line: meta.line,
                    url: p.url,
                    date: p.date,
                    author: p.author,
                    embedded: true,
                },
                posts: Vec::new(),
            })
            .collect::<Vec<_>>();
        Record {
            doc: SourceDoc {
                doc: Document { id, text, lang },
                meta,
                posts: posts.clone(),
            },
            posts,
        }
    }
}

#[derive(Deserialize)]
struct RawJsonl {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    html: Option<String>,
}

/// A language hint: `pt-BR` → `pt`; anything unreadable is no hint.
pub(crate) fn lang_hint(code: &str) -> Option<Lang> {
    Lang::new(code.split(['-', '_']).next().unwrap_or(code)).filter(|l| !l.is_und())
}

/// Parses one JSONL line (line `line`, starting at byte `offset` of `input`); `Ok(None)` for a blank
/// line. Requires `text` or `html`; `id` (string or number) defaults to `input:line`.
pub fn read_jsonl_line(
    input: &str,
    line: usize,
    offset: usize,
    bytes: Vec<u8>,
) -> Result<Option<Record>, ReadError> {
    let text = decode_at(input, bytes, line, offset)?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let bad = |reason: String| ReadError::BadRecord {
        path: input.to_string(),
        line,
        reason,
    };
    let raw: RawJsonl = serde_json::from_str(trimmed).map_err(|e| {
        if e.is_data() {
            bad(format!("not a talign JSONL record: {e}"))
        } else {
            bad(format!("not JSON: {e}"))
        }
    })?;
    if raw.text.is_none() && raw.html.is_none() {
        return Err(bad("no `text` (or `html`) field".to_string()));
    }
    let id = match raw.id {
        None | Some(serde_json::Value::Null) => format!("{input}:{line}"),
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(bad(format!(
                "`id` must be a string or a number, not {other}"
            )))
        }
    };
    let meta = DocMeta {
        input: input.to_string(),
        line: Some(line),
        url: raw.url,
        date: raw.date,
        author: raw.author,
        embedded: false,
    };
    let lang = raw.lang.as_deref().and_then(lang_hint);
    Ok(Some(Record::build(
        id,
        raw.text,
        raw.html.as_deref(),
        meta,
        lang,
    )))
}

/// Reads CSV or TSV rows with a header, the text in one named column, the id in another.
pub(crate) struct TableRecords {
    input: String,
    reader: csv::Reader<Input>,
    text_col: Option<usize>,
    id_col: Option<usize>,
    /// Optional `lang`, `url`, `date`, `author` columns, found by header name like JSONL's keys.
    meta_cols: [Option<usize>; 4],
    max: usize,
    failed: bool,
    record: csv::ByteRecord,
}

impl TableRecords {
    /// Starts reading; a header without the text column makes the first item an error.
    pub(crate) fn new(
        input: String,
        source: Input,
        delimiter: u8,
        text_column: &str,
        id_column: &str,
        max: usize,
    ) -> TableRecords {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(source);
        let (text_col, id_col, meta_cols) = match reader.byte_headers() {
            Ok(h) => {
                let col = |name: &str| h.iter().position(|c| c == name.as_bytes());
                (
                    col(text_column),
                    col(id_column),
                    ["lang", "url", "date", "author"].map(col),
                )
            }
            Err(_) => (None, None, [None; 4]),
        };
        TableRecords {
            input,
            reader,
            text_col,
            id_col,
            meta_cols,
            max,
            failed: false,
            record: csv::ByteRecord::new(),
        }
    }

    fn field(&self, col: usize, line: usize, offset: usize) -> Result<String, ReadError> {
        let bytes = self.record.get(col).unwrap_or_default();
        if bytes.len() > self.max {
            return Err(ReadError::TooLarge {
                path: self.input.clone(),
                line,
                bytes: bytes.len(),
                limit: self.max,
            });
        }
        decode_at(&self.input, bytes.to_vec(), line, offset)
    }
}

impl Iterator for TableRecords {
    type Item = Result<Record, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let Some(text_col) = self.text_col else {
            self.failed = true;
            return Some(Err(ReadError::BadRecord {
                path: self.input.clone(),
                line: 1,
                reason: "the header has no text column (see --text-column)".to_string(),
            }));
        };
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                // A broken stream cannot be resynchronised; an unequal row can.
                self.failed = !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. });
                Some(Err(ReadError::BadRecord {
                    path: self.input.clone(),
                    line,
                    reason: format!("bad CSV row: {e}"),
                }))
            }
            Ok(true) => {
                let pos = self.record.position();
                let line = pos.map_or(0, |p| p.line() as usize);
                let offset = pos.map_or(0, |p| p.byte() as usize);
                let text = match self.field(text_col, line, offset) {
                    Ok(t) => t,
                    Err(e) => return Some(Err(e)),
                };
                let id = match self.id_col.map(|c| self.field(c, line, offset)) {
                    Some(Ok(id)) if !id.is_empty() => id,
                    Some(Err(e)) => return Some(Err(e)),
                    _ => format!("{}:{}", self.input, line),
                };
                // a short optional field: kept when readable and non-empty, never a reject
                let optional = |k: usize| -> Option<String> {
                    let col = self.meta_cols.get(k).copied().flatten()?;
                    let bytes = self.record.get(col)?;
                    let s = std::str::from_utf8(bytes).ok()?.trim();
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
                Some(Ok(Record::build(id, Some(text), None, meta, lang)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_fields() {
        let line = br#"{"id": 7, "text": "Hi", "lang": "en-US", "url": "u", "author": "a"}"#;
        let rec = read_jsonl_line("c.jsonl", 3, 0, line.to_vec());
        let rec = rec.ok().flatten().unwrap_or_default();
        assert_eq!(rec.doc.doc.id, "7");
        assert_eq!(rec.doc.lang().as_str(), "en");
        assert_eq!(rec.doc.meta.url.as_deref(), Some("u"));
        assert_eq!(rec.doc.meta.line, Some(3));
    }

    #[test]
    fn html_record_carries_its_posts() {
        let line = br#"{"id": "p", "html": "<p>Hi.</p><blockquote class=\"twitter-tweet\"><p lang=\"es\">Hola.</p>&mdash; A (@a) <a href=\"https://x.com/a/status/1\">May 2</a></blockquote>"}"#;
        let rec = read_jsonl_line("c.jsonl", 1, 0, line.to_vec());
        let rec = rec.ok().flatten().unwrap_or_default();
        assert_eq!(rec.doc.doc.text, "Hi.");
        assert_eq!(
            rec.doc.posts, rec.posts,
            "the page carries the posts it emits"
        );
        assert_eq!(rec.posts.len(), 1);
        let post = &rec.posts[0];
        assert_eq!(post.doc.id, "p#post-1");
        assert_eq!(post.lang().as_str(), "es");
        assert_eq!(post.meta.url.as_deref(), Some("https://x.com/a/status/1"));
        assert_eq!(post.meta.date.as_deref(), Some("May 2"));
        assert!(post.meta.embedded && post.posts.is_empty());
    }

    #[test]
    fn csv_optional_columns_are_read_like_jsonl_keys() {
        let csv = "id,lang,text,url\n1,ru-RU,Привет,https://x/1\n2,,Hello,\n";
        let input: Input = Box::new(std::io::Cursor::new(csv.as_bytes().to_vec()));
        let recs: Vec<Record> = TableRecords::new("t.csv".into(), input, b',', "text", "id", 100)
            .filter_map(Result::ok)
            .collect();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].doc.lang().as_str(), "ru");
        assert_eq!(recs[0].doc.meta.url.as_deref(), Some("https://x/1"));
        assert_eq!(recs[1].doc.lang().as_str(), "und");
        assert_eq!(recs[1].doc.meta.url, None);
    }

    #[test]
    fn jsonl_rejects_say_why() {
        let not_json = read_jsonl_line("c", 2, 10, b"{nope".to_vec());
        assert!(
            matches!(not_json, Err(ReadError::BadRecord { line: 2, ref reason, .. }) if reason.starts_with("not JSON"))
        );
        let no_text = read_jsonl_line("c", 1, 0, br#"{"id": "x"}"#.to_vec());
        assert!(
            matches!(no_text, Err(ReadError::BadRecord { ref reason, .. }) if reason.contains("text"))
        );
        let bad_utf8 = read_jsonl_line("c", 4, 100, b"{\"text\": \"\xff\"}".to_vec());
        assert!(matches!(
            bad_utf8,
            Err(ReadError::InvalidUtf8 {
                line: 4,
                byte: 110,
                ..
            })
        ));
        assert!(matches!(
            read_jsonl_line("c", 1, 0, b"  ".to_vec()),
            Ok(None)
        ));
    }
}
