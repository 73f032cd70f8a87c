//! The job of `talign run` for now: parallel documents are segmented and aligned, and every
//! non-null link becomes a pair row; single documents are segmented and counted (the pool for
//! quote mining).

use super::{JobError, JobOutput};
use crate::align::{align_sentences, AlignOptions};
use crate::doc::{Document, Lang, Link, SegmentKind};
use crate::read::{SourceDoc, WorkItem};
use crate::segment::sentences;
use crate::write::{PairKind, PairRow};

/// A sentence aligner: source and target sentences (with their declared languages) in,
/// monotonic links out.
pub trait AlignFn: Fn(&[&str], &[&str], Lang, Lang) -> Vec<Link> + Sync {}

impl<F: Fn(&[&str], &[&str], Lang, Lang) -> Vec<Link> + Sync> AlignFn for F {}

/// The feature-based aligner of [`crate::align`] with default options and the declared
/// languages of the two sides.
pub fn feature_align(src: &[&str], tgt: &[&str], src_lang: Lang, tgt_lang: Lang) -> Vec<Link> {
    let known = |l: Lang| (!l.is_und()).then_some(l);
    let opts = AlignOptions {
        src_lang: known(src_lang),
        tgt_lang: known(tgt_lang),
        ..AlignOptions::default()
    };
    align_sentences(src, tgt, &opts)
}

/// The texts of a document's content sentences for alignment (quotes stay inside their
/// sentences; boilerplate and language markers dropped).
pub fn content_segments(doc: &Document) -> Vec<&str> {
    sentences(doc)
        .into_iter()
        .filter(|s| !matches!(s.kind, SegmentKind::Boilerplate | SegmentKind::Marker))
        .map(|s| doc.text.get(s.start..s.end).unwrap_or(""))
        .filter(|t| !t.trim().is_empty())
        .collect()
}

fn join(texts: &[&str], ids: &[usize]) -> String {
    ids.iter()
        .filter_map(|&i| texts.get(i).copied())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Processes one work item with `align`: a pair is segmented on both sides and aligned, each
/// link with both sides non-empty a row; a single document is segmented only.
pub fn align_pair_job(item: WorkItem, align: &impl AlignFn) -> Result<JobOutput, JobError> {
    match item {
        WorkItem::Single(d) => Ok(JobOutput {
            rows: Vec::new(),
            segments: content_segments(&d.doc).len(),
        }),
        WorkItem::Pair { src, tgt } => align_documents(&src, &tgt, align),
    }
}

fn align_documents(
    src: &SourceDoc,
    tgt: &SourceDoc,
    align: &impl AlignFn,
) -> Result<JobOutput, JobError> {
    let s = content_segments(&src.doc);
    let t = content_segments(&tgt.doc);
    if s.is_empty() || t.is_empty() {
        return Err(JobError {
            reason: "no content sentences to align on one side (only boilerplate or markers)"
                .to_string(),
        });
    }
    let rows = align(&s, &t, src.lang(), tgt.lang())
        .into_iter()
        .filter(|l| !l.src.is_empty() && !l.tgt.is_empty())
        .map(|l| PairRow {
            doc_id: src.doc.id.clone(),
            tgt_doc_id: tgt.doc.id.clone(),
            kind: PairKind::Sentence,
            src_lang: src.lang(),
            tgt_lang: tgt.lang(),
            src_text: join(&s, &l.src),
            tgt_text: join(&t, &l.tgt),
            src_ids: l.src,
            tgt_ids: l.tgt,
            score: l.score,
            quote: None,
        })
        .collect();
    Ok(JobOutput {
        rows,
        segments: s.len() + t.len(),
    })
}
