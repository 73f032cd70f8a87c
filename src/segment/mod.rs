//! Segmentation: a document's text becomes sentences, quotes, headings, captions, markers and
//! boilerplate, each a byte span into the original text.
//!
//! The text is first cut into blocks (lines; hard-wrapped paragraphs are joined). Each block is
//! classified as a language marker, page furniture, a duplicate, a caption, a heading or body text;
//! body text is cut into sentences, and quotations long enough to be speech become quote segments
//! of their own, with the pieces of a quote split by its attribution (`"A," Kelly said. "B."`)
//! recorded as pieces of one quote.

mod blocks;
mod boilerplate;
mod informal;
mod lists;
pub mod markers;
mod periods;
mod punctuation;
pub mod quotes;
pub mod sentences;
mod tables;

use std::collections::HashMap;
use std::ops::Range;

use crate::doc::{Document, QuotePart, Segment, SegmentKind};

pub use boilerplate::is_furniture;
pub use markers::marker_lang;
pub use quotes::{find_quotes, QuoteSpan};
pub use sentences::split_sentences;
pub use tables::is_speech_verb;

use blocks::{blocks, ends_sentence};
use sentences::trim_range;

/// How a document is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SegmentOptions {
    /// Make quotations long enough to be speech segments of their own (off for sentence
    /// alignment, where a quote stays inside its sentence as in the translation).
    pub extract_quotes: bool,
}

impl SegmentOptions {
    /// The plain-sentence view (`talign segment --sentences`, `talign align` on raw text): one
    /// segment per sentence, quotes kept inside their sentences.
    pub fn sentences() -> Self {
        SegmentOptions {
            extract_quotes: false,
        }
    }
}

impl Default for SegmentOptions {
    fn default() -> Self {
        SegmentOptions {
            extract_quotes: true,
        }
    }
}

/// Splits a document into segments in text order, quotations as segments of their own.
pub fn segment(doc: &Document) -> Vec<Segment> {
    segment_with(&doc.text, SegmentOptions::default())
}

/// Splits a document into sentences, quotes kept inside them (the `--sentences` view).
pub fn sentences(doc: &Document) -> Vec<Segment> {
    segment_with(&doc.text, SegmentOptions::sentences())
}

/// One segment per non-empty line (for `--lines` input), trimmed of surrounding whitespace.
pub fn segment_lines(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(r) = trim_range(text, offset..offset + line.len()) {
            out.push(Segment::new(
                out.len(),
                r.start,
                r.end,
                SegmentKind::Sentence,
            ));
        }
        offset += line.len();
    }
    out
}

/// What a block of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockClass {
    Marker,
    Furniture,
    Duplicate(usize),
    Caption,
    Heading,
    Body,
}

/// The most words a heading line may have.
const HEADING_MAX_WORDS: usize = 20;

/// Splits text into segments following `opts`.
pub fn segment_with(text: &str, opts: SegmentOptions) -> Vec<Segment> {
    let blocks = blocks(text);
    let classes = classify(text, &blocks);
    let mut out: Vec<Segment> = Vec::new();
    let mut first_segment_of_block = Vec::with_capacity(blocks.len());
    let mut next_quote = 0;
    for (block, class) in blocks.iter().zip(&classes) {
        first_segment_of_block.push(out.len());
        let whole = |kind| Segment::new(0, block.start, block.end, kind);
        match *class {
            BlockClass::Marker => out.push(whole(SegmentKind::Marker)),
            // the sentences view gives one row per sentence, of page furniture too
            BlockClass::Furniture | BlockClass::Duplicate(_) if !opts.extract_quotes => {
                let copy_of = match *class {
                    BlockClass::Duplicate(of) => first_segment_of_block.get(of).copied(),
                    _ => None,
                };
                let pieces = split_sentences(&text[block.clone()], &[]);
                let single = pieces.len() == 1;
                for (k, r) in pieces.into_iter().enumerate() {
                    let r = shift(r, block.start);
                    let mut seg = Segment::new(0, r.start, r.end, SegmentKind::Boilerplate);
                    // a copy points at the original; a copy in pieces, its first piece
                    seg.duplicate_of = copy_of.filter(|_| single || k == 0);
                    out.push(seg);
                }
            }
            BlockClass::Furniture => out.push(whole(SegmentKind::Boilerplate)),
            BlockClass::Duplicate(of) => {
                let mut seg = whole(SegmentKind::Boilerplate);
                seg.duplicate_of = first_segment_of_block.get(of).copied();
                out.push(seg);
            }
            BlockClass::Heading | BlockClass::Caption => {
                // a heading line may still hold list items or sentences ("a) one b) two")
                let kind = if *class == BlockClass::Heading {
                    SegmentKind::Heading
                } else {
                    SegmentKind::Caption
                };
                for r in split_sentences(&text[block.clone()], &[]) {
                    let r = shift(r, block.start);
                    out.push(Segment::new(0, r.start, r.end, kind));
                }
            }
            BlockClass::Body => {
                body_segments(text, block.clone(), opts, &mut next_quote, &mut out);
            }
        }
    }
    for (i, seg) in out.iter_mut().enumerate() {
        seg.id = i;
    }
    out
}

fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

fn classify(text: &str, blocks: &[Range<usize>]) -> Vec<BlockClass> {
    let keys: Vec<String> = blocks
        .iter()
        .map(|b| boilerplate::duplicate_key(&text[b.clone()]))
        .collect();
    let credited: std::collections::HashSet<&str> = blocks
        .iter()
        .zip(&keys)
        .filter(|(b, _)| boilerplate::strip_credit(&text[(*b).clone()]).is_some())
        .map(|(_, k)| k.as_str())
        .collect();
    let mut first_with_key: HashMap<&str, usize> = HashMap::new();
    let mut classes = Vec::with_capacity(blocks.len());
    for (i, (block, key)) in blocks.iter().zip(&keys).enumerate() {
        let line = &text[block.clone()];
        let class = if marker_lang(line).is_some() {
            BlockClass::Marker
        } else if is_furniture(line) {
            BlockClass::Furniture
        } else if let Some(&of) = first_with_key.get(key.as_str()) {
            BlockClass::Duplicate(of)
        } else if credited.contains(key.as_str()) {
            BlockClass::Caption
        } else if is_heading(line) {
            BlockClass::Heading
        } else {
            BlockClass::Body
        };
        first_with_key.entry(key.as_str()).or_insert(i);
        classes.push(class);
    }
    mark_page_tail(&mut classes);
    mark_repeated_headings(&mut classes);
    classes
}

/// A short line without sentence-final punctuation, unless it is a quote introduced by a verb of
/// saying (`X wrote on Telegram: "…"`, a quote without final punctuation).
fn is_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words <= HEADING_MAX_WORDS
        && !ends_sentence(line)
        && line.chars().any(char::is_alphabetic)
        && !is_attributed_quote(line)
}

/// True for a line that ends with a quote whose lead-in holds a verb of saying.
fn is_attributed_quote(line: &str) -> bool {
    let Some(q) = find_quotes(line).pop().filter(|q| q.closed) else {
        return false;
    };
    line[q.outer.end..].trim().is_empty()
        && line[..q.outer.start]
            .split_whitespace()
            .any(|w| is_speech_verb(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// The short lines after the last body text that hold page furniture (related links, bylines,
/// widget titles) are furniture too.
fn mark_page_tail(classes: &mut [BlockClass]) {
    let tail_start = classes
        .iter()
        .rposition(|c| matches!(c, BlockClass::Body | BlockClass::Caption))
        .map_or(0, |i| i + 1);
    let tail = &mut classes[tail_start..];
    if tail.contains(&BlockClass::Furniture) {
        for c in tail.iter_mut().filter(|c| **c == BlockClass::Heading) {
            *c = BlockClass::Furniture;
        }
    }
}

/// A heading-like line that repeats is navigation, not a heading: its first copy is furniture.
fn mark_repeated_headings(classes: &mut [BlockClass]) {
    let repeated: Vec<usize> = classes
        .iter()
        .filter_map(|c| match c {
            BlockClass::Duplicate(of) => Some(*of),
            _ => None,
        })
        .collect();
    for of in repeated {
        if let Some(c) = classes.get_mut(of).filter(|c| **c == BlockClass::Heading) {
            *c = BlockClass::Furniture;
        }
    }
}

/// Quotes shorter than this stay inside their sentence unless they open it.
const EMBEDDED_QUOTE_MIN_WORDS: usize = 8;

/// Sentences and quote pieces of one body block, appended to `out`. Whether a quote is the next
/// piece of the one before it is the attribution model's decision
/// ([`crate::quote::attribution::attribute`]).
fn body_segments(
    text: &str,
    block: Range<usize>,
    opts: SegmentOptions,
    next_quote: &mut usize,
    out: &mut Vec<Segment>,
) {
    let para = &text[block.clone()];
    let found = find_quotes(para);
    let (speech, inline): (Vec<&QuoteSpan>, Vec<&QuoteSpan>) = found
        .iter()
        .partition(|q| opts.extract_quotes && is_speech(para, q));
    // Each speech quote with its text (None: no words, dropped).
    let texts: Vec<Option<Range<usize>>> = speech
        .iter()
        .map(|q| quote_text(para, q.inner.clone()))
        .collect();
    let ranges: Vec<Range<usize>> = texts.iter().flatten().cloned().collect();
    let attrs = crate::quote::attribution::attribute(para, &ranges);
    let mut continues = attrs.iter().map(|a| a.continues);
    let mut cursor = 0;
    let mut last_quote: Option<usize> = None; // index in `out` of the previous quote piece
    for (quote, inner) in speech.iter().zip(texts) {
        push_sentences(para, cursor..quote.outer.start, &inline, block.start, out);
        cursor = quote.outer.end;
        let Some(inner) = inner else { continue };
        let joins = continues.next().unwrap_or(false);
        let part = match last_quote.and_then(|i| out[i].quote).filter(|_| joins) {
            Some(prev) => QuotePart {
                quote: prev.quote,
                piece: prev.piece + 1,
            },
            None => {
                *next_quote += 1;
                QuotePart {
                    quote: *next_quote - 1,
                    piece: 0,
                }
            }
        };
        let r = shift(inner, block.start);
        let mut seg = Segment::new(0, r.start, r.end, SegmentKind::Quote);
        seg.quote = Some(part);
        last_quote = Some(out.len());
        out.push(seg);
    }
    push_sentences(para, cursor..para.len(), &inline, block.start, out);
}

/// Sentence segments of `range` of a paragraph, with inline quotes kept whole.
fn push_sentences(
    para: &str,
    range: Range<usize>,
    inline: &[&QuoteSpan],
    base: usize,
    out: &mut Vec<Segment>,
) {
    let Some(range) = trim_punct_edges(para, range) else {
        return;
    };
    let piece = &para[range.clone()];
    // an unclosed quote runs to the paragraph's end and would keep every sentence after it whole
    let protected: Vec<Range<usize>> = inline
        .iter()
        .filter(|q| q.closed && q.outer.start >= range.start && q.outer.end <= range.end)
        .flat_map(|q| quotation_parts(para, q))
        .map(|r| r.start - range.start..r.end - range.start)
        .collect();
    for r in split_sentences(piece, &protected) {
        let r = shift(r, range.start + base);
        out.push(Segment::new(0, r.start, r.end, SegmentKind::Sentence));
    }
}

/// The fewest words each sentence of a quotation has that is cut into its sentences.
const QUOTED_SENTENCE_MIN_WORDS: usize = 4;

/// The parts of a quotation that stay whole: the quotation itself, or, when it is in guillemets
/// or low-9 quotes and holds several full statements, each of them (`«Sobral … de esgotos. O
/// projeto …»`): there a period before a capitalised word ends a quoted sentence as it ends any
/// other, when both sides have `QUOTED_SENTENCE_MIN_WORDS` words. Exclamations, questions and
/// speech broken by a dialogue dash stay inside the quotation, and so do English-style quotes
/// (`"I hope they'll remember her saucer of milk at tea-time. Dinah, my dear, …!"`), which the
/// Golden Rules keep whole.
fn quotation_parts(para: &str, q: &QuoteSpan) -> Vec<Range<usize>> {
    let inner = &para[q.inner.clone()];
    if !para[q.outer.clone()].starts_with(['«', '„', '‹', '‚']) {
        return vec![q.outer.clone()];
    }
    let pieces = split_sentences(inner, &[]);
    let words = |r: &Range<usize>| inner[r.clone()].split_whitespace().count();
    let mut parts = Vec::new();
    let mut from = q.outer.start;
    for pair in pieces.windows(2) {
        let (before, after) = (&inner[pair[0].clone()], &inner[pair[1].clone()]);
        let cut = before.ends_with('.')
            && after.starts_with(char::is_uppercase)
            && words(&pair[0]) >= QUOTED_SENTENCE_MIN_WORDS
            && words(&pair[1]) >= QUOTED_SENTENCE_MIN_WORDS;
        if cut {
            let at = q.inner.start + pair[0].end;
            parts.push(from..at);
            from = at;
        }
    }
    parts.push(from..q.outer.end);
    parts
}

/// `range` without leading separators left by a quote before it (`, `, `: `, spaces, and the
/// punctuation outside its closing mark: `«…». Кремль`, which stays with the quote); `None` when
/// no word is left. A paragraph's own opening dash (dialogue: "— Да, — сказал он.") stays.
fn trim_punct_edges(para: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = para.get(range.clone())?;
    let lead = slice.len()
        - slice
            .trim_start_matches(|c: char| {
                c.is_whitespace() || (range.start > 0 && ",;:—–-.!?…".contains(c))
            })
            .len();
    let r = trim_range(para, range.start + lead..range.end)?;
    para[r.clone()]
        .chars()
        .any(char::is_alphanumeric)
        .then_some(r)
}

/// A quote's text without surrounding spaces and a trailing comma; `None` when it has no words.
fn quote_text(para: &str, inner: Range<usize>) -> Option<Range<usize>> {
    let r = trim_range(para, inner)?;
    let slice = &para[r.clone()];
    let kept = slice.trim_end_matches([',', ' ']).len();
    let r = r.start..r.start + kept;
    para[r.clone()]
        .chars()
        .any(char::is_alphanumeric)
        .then_some(r)
}

/// Whether a quotation is speech worth its own segment, rather than a phrase inside a sentence.
fn is_speech(para: &str, q: &QuoteSpan) -> bool {
    let inner = &para[q.inner.clone()];
    let words = inner.split_whitespace().count();
    if words >= EMBEDDED_QUOTE_MIN_WORDS || split_sentences(inner, &[]).len() > 1 {
        return true;
    }
    let before = para[..q.outer.start].trim_end();
    let opens_sentence = before.is_empty() || ends_sentence(before) || before.ends_with(':');
    opens_sentence && words >= 2
}

#[cfg(test)]
mod tests;
