//! Segmentation: a document's text becomes sentences, quotes, headings, captions, markers and
//! boilerplate, each a byte span into the original text.

pub mod markers;

use crate::doc::{Document, Segment, SegmentKind};

pub use markers::marker_lang;

/// One segment per non-empty line (for `--lines` input), trimmed of surrounding whitespace.
pub fn segment_lines(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset + (line.len() - line.trim_start().len());
        let end = offset + line.trim_end().len();
        offset += line.len();
        if end > start {
            out.push(Segment::new(out.len(), start, end, SegmentKind::Sentence));
        }
    }
    out
}

/// Splits a document into segments in text order.
pub fn segment(doc: &Document) -> Vec<Segment> {
    let mut segs = segment_lines(&doc.text);
    for seg in &mut segs {
        if marker_lang(seg.text(&doc.text)).is_some() {
            seg.kind = SegmentKind::Marker;
        }
    }
    segs
}
