//! The job of `talign segment`: every document cut into language-tagged segments.

use super::{JobError, JobOutput};
use crate::doc::Document;
use crate::lang::{identify, identify_lines, split_by_language, Detector};
use crate::read::{SourceDoc, WorkItem};
use crate::segment::{segment, segment_lines, sentences};
use crate::write::SegmentRow;

/// Cuts each document into segments (or takes its lines as segments) and identifies them.
#[derive(Debug)]
pub struct SegmentJob {
    detector: Detector,
    lines: bool,
    sentences: bool,
}

impl SegmentJob {
    /// A job identifying with `detector`; `lines` takes each line as one segment, unsplit.
    pub fn new(detector: Detector, lines: bool) -> SegmentJob {
        SegmentJob {
            detector,
            lines,
            sentences: false,
        }
    }

    /// The plain-sentence view (`--sentences`): quotes stay inside their sentences, and a change
    /// of language inside a sentence never cuts it (spans are `talign detect --spans`'s job).
    pub fn with_sentences(mut self, on: bool) -> SegmentJob {
        self.sentences = on;
        self
    }

    /// The segment rows of one document, in document order.
    pub fn rows(&self, doc: &Document) -> Vec<SegmentRow> {
        let segments = if self.lines {
            let mut segs = segment_lines(&doc.text);
            identify_lines(&doc.text, &mut segs, &self.detector);
            segs
        } else if self.sentences {
            let mut segs = sentences(doc);
            identify(&doc.text, &mut segs, &self.detector);
            segs
        } else {
            let mut segs = segment(doc);
            identify(&doc.text, &mut segs, &self.detector);
            split_by_language(&doc.text, segs, &self.detector)
        };
        segments.iter().map(|s| SegmentRow::new(doc, s)).collect()
    }

    /// The rows of a work item: a document's segments, or both sides' of a pair, source first.
    pub fn run(&self, item: WorkItem) -> Result<JobOutput<SegmentRow>, JobError> {
        // offsets into the input file, not into the text (a byte-order mark is not text)
        let rows_of = |d: &SourceDoc| {
            let mut rows = self.rows(&d.doc);
            let shift = d.meta.text_offset as usize;
            for r in &mut rows {
                r.start += shift;
                r.end += shift;
            }
            rows
        };
        let rows = match item {
            WorkItem::Single(d) => rows_of(&d),
            WorkItem::Pair { src, tgt } => {
                let mut rows = rows_of(&src);
                rows.extend(rows_of(&tgt));
                rows
            }
        };
        Ok(JobOutput {
            segments: rows.len(),
            rows,
            ..JobOutput::default()
        })
    }
}
