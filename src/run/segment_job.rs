//! The job of `talign segment`: every document cut into language-tagged segments.

use super::{JobError, JobOutput};
use crate::doc::Document;
use crate::lang::{identify, identify_lines, split_by_language, Detector};
use crate::read::WorkItem;
use crate::segment::{segment, segment_lines};
use crate::write::SegmentRow;

/// Cuts each document into segments (or takes its lines as segments) and identifies them.
#[derive(Debug)]
pub struct SegmentJob {
    detector: Detector,
    lines: bool,
}

impl SegmentJob {
    /// A job identifying with `detector`; `lines` takes each line as one segment, unsplit.
    pub fn new(detector: Detector, lines: bool) -> SegmentJob {
        SegmentJob { detector, lines }
    }

    /// The segment rows of one document, in document order.
    pub fn rows(&self, doc: &Document) -> Vec<SegmentRow> {
        let segments = if self.lines {
            let mut segs = segment_lines(&doc.text);
            identify_lines(&doc.text, &mut segs, &self.detector);
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
        let rows = match item {
            WorkItem::Single(d) => self.rows(&d.doc),
            WorkItem::Pair { src, tgt } => {
                let mut rows = self.rows(&src.doc);
                rows.extend(self.rows(&tgt.doc));
                rows
            }
        };
        Ok(JobOutput {
            segments: rows.len(),
            rows,
        })
    }
}
