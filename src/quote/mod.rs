//! Quotes with who said them, where, and whether the text says they are translations.
//!
//! Works on the segments of [`crate::segment::segment`]: the pieces of one quote share
//! `quote.quote`, and the sentences between and right after the pieces (and the one right before
//! the first piece) are its attribution. The speaker is the named person next to a verb of saying
//! ("Kelly said", "said Kathy Lueders"); a pronoun ("he wrote") resolves to the last named person.
//!
//! ```
//! use talign::{Document, quote::quotes};
//! let doc = Document::new("d", "\"Dimon, why did you delete this tweet?\" Kelly replied in Russian.");
//! let segs = talign::segment::segment(&doc);
//! let q = quotes(&doc, &segs);
//! assert_eq!(q[0].speaker.as_deref(), Some("Kelly"));
//! assert_eq!(q[0].cue.as_ref().and_then(|c| c.lang).map(|l| l.to_string()), Some("ru".to_string()));
//! ```

pub mod attribution;
pub mod cue;
pub mod speaker;

use std::ops::Range;

use crate::doc::{Document, Segment, SegmentKind};

pub use attribution::{attribute, Attribution};
pub use cue::{language_by_name, platform, translation_cue, Platform, TranslationCue};

/// One quote of a document with its attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quote's index in its document (`QuotePart::quote`).
    pub index: usize,
    /// Segment ids of its pieces, in order.
    pub segments: Vec<usize>,
    /// The pieces' texts joined by a space.
    pub text: String,
    /// Segment ids of the sentences that hold its attribution.
    pub attribution: Vec<usize>,
    /// The named speaker, if found.
    pub speaker: Option<String>,
    /// Where it was said or written, if named.
    pub platform: Option<Platform>,
    /// The translation cue, if the text gives one.
    pub cue: Option<TranslationCue>,
}

/// The text around one quote that can speak of it, in the order it is read: the clauses after
/// its pieces, the clause introducing it, the follow-up sentence; then, apart, the sentences
/// right before and right after it that no other quote claims (context: only to name the
/// language of a cue that names none, and the platform when the clauses name none).
struct Around {
    clauses: Vec<Range<usize>>,
    context: Vec<Range<usize>>,
}

/// The clauses of a quote whose pieces are `pieces` (indices into `attrs`), from the model.
fn around(
    segs: &[Segment],
    pieces: &[usize],
    quote_pos: &[usize],
    attrs: &[Attribution],
    claimed: &[Range<usize>],
) -> Around {
    let mut clauses = Vec::new();
    for &p in pieces {
        if let Some(a) = attrs.get(p).and_then(|a| a.after.clone()) {
            clauses.push(a);
        }
    }
    let first = pieces.first().and_then(|&p| attrs.get(p));
    let last = pieces.last().and_then(|&p| attrs.get(p));
    if let Some(b) = first.and_then(|a| a.before.clone()) {
        clauses.push(b);
    }
    if let Some(f) = last.and_then(|a| a.follow.clone()) {
        clauses.push(f);
    }
    // The sentences right before the first piece and right after the last, unless another
    // quote's attribution holds them.
    let before = pieces
        .first()
        .and_then(|&p| quote_pos.get(p))
        .and_then(|&i| i.checked_sub(1));
    let after = pieces
        .last()
        .and_then(|&p| quote_pos.get(p))
        .map(|&i| i + 1);
    let context = [before, after]
        .into_iter()
        .flatten()
        .filter_map(|i| segs.get(i))
        .filter(|s| s.kind == SegmentKind::Sentence)
        .map(|s| s.start..s.end)
        .filter(|r| !claimed.iter().any(|c| c.start < r.end && r.start < c.end))
        .collect();
    Around { clauses, context }
}

/// The quotes of a document, in order, with speaker, platform and translation cue, each read
/// from the quote's own attribution ([`attribution::attribute`]).
pub fn quotes(doc: &Document, segs: &[Segment]) -> Vec<Quote> {
    // Quote pieces in text order: their positions in `segs` and their ranges.
    let quote_pos: Vec<usize> = segs
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == SegmentKind::Quote && s.quote.is_some())
        .map(|(i, _)| i)
        .collect();
    let ranges: Vec<Range<usize>> = quote_pos
        .iter()
        .filter_map(|&i| segs.get(i))
        .map(|s| s.start..s.end)
        .collect();
    let attrs = attribute(&doc.text, &ranges);
    let mut by_quote: Vec<(usize, Vec<usize>)> = Vec::new();
    for (k, &i) in quote_pos.iter().enumerate() {
        let Some(part) = segs.get(i).and_then(|s| s.quote) else {
            continue;
        };
        match by_quote.iter_mut().find(|(q, _)| *q == part.quote) {
            Some((_, v)) => v.push(k),
            None => by_quote.push((part.quote, vec![k])),
        }
    }
    let claimed: Vec<Range<usize>> = attrs
        .iter()
        .flat_map(|a| [a.before.clone(), a.after.clone(), a.follow.clone()])
        .flatten()
        .collect();
    let text_of = |r: &Range<usize>| doc.text.get(r.clone()).unwrap_or("");
    let mut names = speaker::NameTracker::default();
    let mut out = Vec::new();
    for (index, pieces) in by_quote {
        let ar = around(segs, &pieces, &quote_pos, &attrs, &claimed);
        let texts: Vec<&str> = ar.clauses.iter().map(text_of).collect();
        let speaker = texts.iter().find_map(|t| speaker::speaker_in(t, &names));
        let platform = texts
            .iter()
            .find_map(|t| platform(t))
            .or_else(|| ar.context.iter().find_map(|r| platform(text_of(r))));
        let cue = texts.iter().find_map(|t| translation_cue(t));
        // A cue without a language takes one named elsewhere around the quote ("announced on
        // Twitter — in Russian — that …", then "according to a translated version").
        let cue = match cue {
            Some(c) if c.lang.is_none() => {
                let lang = texts
                    .iter()
                    .copied()
                    .chain(ar.context.iter().map(text_of))
                    .find_map(|t| translation_cue(t).and_then(|o| o.lang));
                Some(TranslationCue {
                    lang,
                    phrase: c.phrase,
                })
            }
            other => other,
        };
        if let Some(name) = &speaker {
            names.set_last(name);
        }
        let attribution: Vec<usize> = segs
            .iter()
            .filter(|s| s.kind == SegmentKind::Sentence)
            .filter(|s| {
                ar.clauses
                    .iter()
                    .any(|c| c.start < s.end && s.start < c.end)
            })
            .map(|s| s.id)
            .collect();
        let seg_ids: Vec<usize> = pieces
            .iter()
            .filter_map(|&k| quote_pos.get(k).and_then(|&i| segs.get(i)))
            .map(|s| s.id)
            .collect();
        let piece_texts: Vec<&str> = pieces
            .iter()
            .filter_map(|&k| ranges.get(k))
            .map(|r| text_of(r).trim())
            .collect();
        out.push(Quote {
            index,
            segments: seg_ids,
            text: join_pieces(&piece_texts),
            attribution,
            speaker,
            platform,
            cue,
        });
    }
    out
}

/// Joins the pieces of a quote split by its attribution. A piece that ends without punctuation
/// lost its closing comma to the attribution (`"A," he said. "B."`); by the newsroom convention
/// that comma stands for a full stop when the next piece opens with a capital, else for a comma.
fn join_pieces(pieces: &[&str]) -> String {
    let mut out = String::new();
    for piece in pieces.iter().filter(|p| !p.is_empty()) {
        if let Some(last) = out.chars().last() {
            if last.is_alphanumeric() || matches!(last, '\'' | '"' | ')' | '»' | '”' | '’') {
                let capital = piece.chars().next().is_some_and(char::is_uppercase);
                out.push(if capital { '.' } else { ',' });
            }
            out.push(' ');
        }
        out.push_str(piece);
    }
    out
}

#[cfg(test)]
mod join_tests {
    use super::join_pieces;

    #[test]
    fn split_quotes_get_their_lost_comma_back() {
        assert_eq!(
            join_pieces(&["which you presented to me", "Please give it back."]),
            "which you presented to me. Please give it back."
        );
        assert_eq!(
            join_pieces(&["We will win", "and we will stay."]),
            "We will win, and we will stay."
        );
        assert_eq!(join_pieces(&["Stop!", "Now."]), "Stop! Now.");
        assert_eq!(join_pieces(&["Wait,", "please."]), "Wait, please.");
        assert_eq!(join_pieces(&["Один"]), "Один");
    }
}
