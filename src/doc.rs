//! The data that flows through the pipeline: documents, their segments, and the links between them.
//!
//! Every segment points back into its document's text by a byte span, so any later stage can
//! recover the exact original characters (offsets in CSV output are byte offsets into the input).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language code: ISO 639-1 (two lowercase letters), or `und` when undetermined.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang([u8; 3]);

impl Lang {
    /// The undetermined language (`und`).
    pub const UND: Lang = Lang(*b"und");

    /// Builds a code from a two-letter ISO 639-1 string (case-insensitive); `und` is accepted too.
    pub fn new(code: &str) -> Option<Lang> {
        let b = code.trim().as_bytes();
        match b.len() {
            2 if b.iter().all(u8::is_ascii_alphabetic) => Some(Lang([
                b[0].to_ascii_lowercase(),
                b[1].to_ascii_lowercase(),
                b' ',
            ])),
            3 if code.trim().eq_ignore_ascii_case("und") => Some(Lang::UND),
            _ => None,
        }
    }

    /// The code as text (`en`, `ru`, `und`).
    pub fn as_str(&self) -> &str {
        let len = if self.0[2] == b' ' { 2 } else { 3 };
        // The bytes are ASCII letters by construction.
        std::str::from_utf8(&self.0[..len]).unwrap_or("und")
    }

    /// True for `und`.
    pub fn is_und(&self) -> bool {
        *self == Lang::UND
    }
}

impl Default for Lang {
    fn default() -> Self {
        Lang::UND
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.as_str())
    }
}

/// The error for a string that is not a language code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an ISO 639-1 language code (two letters, e.g. en, ru, es) or `und`")]
pub struct BadLang(pub String);

impl FromStr for Lang {
    type Err = BadLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::new(s).ok_or_else(|| BadLang(s.to_string()))
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Lang::new(&s).ok_or_else(|| serde::de::Error::custom(BadLang(s)))
    }
}

/// One input text with its identity and optional metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier (file name, JSONL `id`, ...).
    pub id: String,
    /// The full text; segment spans are byte offsets into it.
    pub text: String,
    /// The language declared by the input, if any (it is a hint, not a verdict).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

impl Document {
    /// A document with an id and a text, no metadata.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            lang: None,
        }
    }
}

/// What a segment is on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// A sentence of running text.
    Sentence,
    /// Quoted speech or writing (one piece of it when an attribution splits it).
    Quote,
    /// A headline or section heading.
    Heading,
    /// A photo caption.
    Caption,
    /// A one-line UI marker pointing to another language version ("Leer en español").
    Marker,
    /// Page furniture and duplicates: not content.
    Boilerplate,
}

impl SegmentKind {
    /// The lowercase name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            SegmentKind::Sentence => "sentence",
            SegmentKind::Quote => "quote",
            SegmentKind::Heading => "heading",
            SegmentKind::Caption => "caption",
            SegmentKind::Marker => "marker",
            SegmentKind::Boilerplate => "boilerplate",
        }
    }
}

impl fmt::Display for SegmentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a quote piece belongs: the quote it is part of and its position in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotePart {
    /// Index of the quote within its document (0-based, in order of appearance).
    pub quote: usize,
    /// Index of this piece within the quote (0-based).
    pub piece: usize,
}

/// A span of a document with its kind and language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    /// Position of the segment in its document (0-based).
    pub id: usize,
    /// Byte offset of the first byte in the document text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the segment is.
    pub kind: SegmentKind,
    /// The quote this segment is a piece of, for quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<QuotePart>,
    /// The earlier segment this one repeats, for duplicates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<usize>,
    /// The language, `und` until identified or when the evidence is too weak.
    pub lang: Lang,
    /// Confidence in `lang`, 0 to 1.
    pub confidence: f32,
}

impl Segment {
    /// A segment of the given kind over `start..end`, language not yet identified.
    pub fn new(id: usize, start: usize, end: usize, kind: SegmentKind) -> Self {
        Segment {
            id,
            start,
            end,
            kind,
            quote: None,
            duplicate_of: None,
            lang: Lang::UND,
            confidence: 0.0,
        }
    }

    /// The segment's text within its document.
    pub fn text<'a>(&self, doc_text: &'a str) -> &'a str {
        doc_text.get(self.start..self.end).unwrap_or("")
    }
}

/// One alignment link: sentence indices on each side (either may be empty) and a score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Source sentence indices, ascending.
    pub src: Vec<usize>,
    /// Target sentence indices, ascending.
    pub tgt: Vec<usize>,
    /// How good the link is (higher is better; the scale depends on the aligner).
    pub score: f64,
    /// The chance, in [0, 1], that the link is exactly right (for sentence alignment: its
    /// score calibrated on gold alignments, see `align::confidence`).
    pub confidence: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_parses_and_prints() {
        assert_eq!(Lang::new("EN").map(|l| l.to_string()), Some("en".into()));
        assert_eq!(Lang::new("und"), Some(Lang::UND));
        assert!(Lang::new("eng").is_none());
        assert!(Lang::new("e1").is_none());
        assert!("xx-".parse::<Lang>().is_err());
        let json = serde_json::to_string(&Lang::new("ru")).unwrap_or_default();
        assert_eq!(json, "\"ru\"");
    }

    #[test]
    fn segment_text_is_its_span() {
        let text = "Hello. Привет.";
        let s = Segment::new(0, 7, text.len(), SegmentKind::Sentence);
        assert_eq!(s.text(text), "Привет.");
    }
}
