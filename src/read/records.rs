//! Record formats: JSONL lines (CSV/TSV rows are in `table`), each a document plus the posts
//! embedded in it.

use serde::Deserialize;

use crate::doc::{Document, Lang};

use super::html::extract_html;
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
                    text_offset: 0,
                    repaired: Vec::new(),
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
        text_offset: 0,
        repaired: Vec::new(),
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
