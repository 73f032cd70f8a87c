//! The jobs of `talign run`: parallel documents are segmented and aligned, and every link
//! becomes a pair row (null links too: formats that hold pairs drop them, `links` and `html`
//! show them); single documents are segmented, identified, and their translated
//! quotes paired with original posts ([`QuoteJob`]): the run's pool plus the posts embedded in
//! the document's own page, or only counted when there is neither.

use super::quotes::{
    pair_quotes_claiming, prepare_pool, Post, QuoteOptions, QuotePair, SegmentedDoc,
};
use super::{JobError, JobOutput};
use crate::align::{align_sentences, AlignOptions};
use crate::doc::{Document, Lang, Link, SegmentKind};
use crate::lang::{identify, Detector};
use crate::read::{SourceDoc, WorkItem};
use crate::segment::{segment, sentences};
use crate::write::{PairKind, PairRow, QuoteInfo};

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
/// link a row (null links with an empty side included: see [`is_null_sentence_link`]); a single document goes to `quotes` (which only counts
/// it when there is nothing to pair it with).
pub fn align_pair_job(
    item: WorkItem,
    align: &impl AlignFn,
    quotes: &QuoteJob,
) -> Result<JobOutput, JobError> {
    match item {
        WorkItem::Single(d) => Ok(quotes.run(d)),
        WorkItem::Pair { src, tgt } => align_documents(&src, &tgt, align),
    }
}

/// Translated quotes of single documents paired with a pool of original posts and with the
/// posts embedded in their own page.
#[derive(Debug)]
pub struct QuoteJob {
    /// The pool with its languages, guessed once for the whole run.
    pool: Vec<(Post, Lang)>,
    /// True when the run has no pool: only documents with embedded posts are paired, and only
    /// quotes that found their original make a row.
    posts_only: bool,
    opts: QuoteOptions,
    detector: Detector,
}

impl QuoteJob {
    /// A job pairing quotes with `pool` (plus each document's embedded posts and its own
    /// foreign-language segments); the pool's languages and the lexicons are prepared here, once.
    pub fn new(pool: Vec<Post>, mut opts: QuoteOptions, detector: Detector) -> QuoteJob {
        opts.prepare();
        QuoteJob {
            pool: prepare_pool(&pool),
            posts_only: false,
            opts,
            detector,
        }
    }

    /// A job for a run without a pool: a document's quotes are paired with the posts embedded in
    /// it (and its foreign-language segments); a document without embedded posts is only counted.
    pub fn posts_only(mut opts: QuoteOptions, detector: Detector) -> QuoteJob {
        opts.prepare();
        QuoteJob {
            pool: Vec::new(),
            posts_only: true,
            opts,
            detector,
        }
    }

    /// Segments and identifies one document and pairs its translated quotes: one row per cued
    /// quote (original fields empty when none was accepted; not written without a pool) and per
    /// uncued post quote paired. Rows whose original is an embedded post carry its address and
    /// date, and its author when the quote names no speaker.
    pub fn run(&self, d: SourceDoc) -> JobOutput {
        if self.posts_only && d.posts.is_empty() {
            return JobOutput {
                segments: content_segments(&d.doc).len(),
                ..JobOutput::default()
            };
        }
        let SourceDoc { doc, posts, .. } = d;
        let mut segments = segment(&doc);
        identify(&doc.text, &mut segments, &self.detector);
        // Without a pool, counted as a run without quote pairing counts (posts or not).
        let counted = if self.posts_only {
            content_segments(&doc).len()
        } else {
            segments
                .iter()
                .filter(|s| !matches!(s.kind, SegmentKind::Boilerplate | SegmentKind::Marker))
                .count()
        };
        let embedded = prepare_pool(
            &posts
                .iter()
                .map(|p| Post {
                    id: p.doc.id.clone(),
                    text: p.doc.text.clone(),
                    lang: p.doc.lang,
                })
                .collect::<Vec<_>>(),
        );
        let docs = [SegmentedDoc { doc, segments }];
        let (pairs, claims) = pair_quotes_claiming(&docs, &self.pool, &embedded, &self.opts);
        let rows = pairs
            .into_iter()
            .filter(|q| !(self.posts_only && q.original_id.is_empty()))
            .map(|q| {
                let post = posts
                    .iter()
                    .find(|p| p.doc.id == q.original_id && p.doc.text == q.original_text);
                quote_row(q, post)
            })
            .collect();
        JobOutput {
            rows,
            segments: counted,
            claims,
        }
    }
}

/// A quote pair as an output row; `post` is its original when that is an embedded post.
fn quote_row(q: QuotePair, post: Option<&SourceDoc>) -> PairRow {
    let lang = |s: &str| Lang::new(s).unwrap_or(Lang::UND);
    let nonempty = |s: String| (!s.is_empty()).then_some(s);
    let meta = post.map(|p| &p.meta);
    let known = |s: &str| Some(lang(s)).filter(|l| !l.is_und());
    let mut info = QuoteInfo {
        quote_id: Some(q.quote_id),
        translated_from: known(&q.quote_lang),
        margin: Some(q.margin),
        speaker: nonempty(q.speaker).or_else(|| meta.and_then(|m| m.author.clone())),
        platform: nonempty(q.platform),
        claimable: q.claimable,
        ..QuoteInfo::default()
    };
    info.url = meta.and_then(|m| m.url.clone());
    info.date = meta.and_then(|m| m.date.clone());
    PairRow {
        doc_id: q.doc_id,
        tgt_doc_id: q.original_id,
        kind: PairKind::Quote,
        src_lang: lang(&q.text_lang),
        tgt_lang: lang(&q.original_lang),
        src_ids: Vec::new(),
        tgt_ids: Vec::new(),
        score: q.score,
        confidence: None,
        src_text: q.quote_text,
        tgt_text: q.original_text,
        quote: Some(info),
    }
}

fn align_documents(
    src: &SourceDoc,
    tgt: &SourceDoc,
    align: &impl AlignFn,
) -> Result<JobOutput, JobError> {
    let s = content_segments(&src.doc);
    let t = content_segments(&tgt.doc);
    check_sides(src, tgt, &s, &t)?;
    let links: Vec<Link> = align(&s, &t, src.lang(), tgt.lang());
    let rows = sentence_rows(src, tgt, &s, &t, links);
    Ok(JobOutput {
        rows,
        segments: s.len() + t.len(),
        ..JobOutput::default()
    })
}

/// True for a sentence row with an empty side (a 1-0 or 0-1 link): the rows formats of pairs
/// (CSV, TSV, JSONL, Moses, TMX) leave out, and `links` and `html` keep.
pub fn is_null_sentence_link(row: &PairRow) -> bool {
    row.kind == PairKind::Sentence && (row.src_ids.is_empty() || row.tgt_ids.is_empty())
}

/// An error naming the side of a pair that has no sentences to align, if one has none.
pub fn check_sides(
    src: &SourceDoc,
    tgt: &SourceDoc,
    s: &[&str],
    t: &[&str],
) -> Result<(), JobError> {
    for (side, doc, sents) in [("source", &src.doc, s), ("target", &tgt.doc, t)] {
        if sents.is_empty() {
            return Err(JobError {
                reason: format!(
                    "no sentences to align: the {side} {} has none (empty, or only \
                     boilerplate and language markers)",
                    doc.id
                ),
            });
        }
    }
    Ok(())
}

/// One sentence-pair row per link between sentences `s` of `src` and `t` of `tgt` (links with
/// an empty side included; callers keep what their format holds).
pub fn sentence_rows(
    src: &SourceDoc,
    tgt: &SourceDoc,
    s: &[&str],
    t: &[&str],
    links: Vec<Link>,
) -> Vec<PairRow> {
    links
        .into_iter()
        .map(|l| PairRow {
            doc_id: src.doc.id.clone(),
            tgt_doc_id: tgt.doc.id.clone(),
            kind: PairKind::Sentence,
            src_lang: src.lang(),
            tgt_lang: tgt.lang(),
            src_text: join(s, &l.src),
            tgt_text: join(t, &l.tgt),
            src_ids: l.src,
            tgt_ids: l.tgt,
            score: l.score,
            confidence: Some(l.confidence),
            quote: None,
        })
        .collect()
}
