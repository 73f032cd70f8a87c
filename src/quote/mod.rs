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

pub mod cue;
pub mod speaker;

use crate::doc::{Document, Segment, SegmentKind};

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
    /// Segment ids of its attribution sentences.
    pub attribution: Vec<usize>,
    /// The named speaker, if found.
    pub speaker: Option<String>,
    /// Where it was said or written, if named.
    pub platform: Option<Platform>,
    /// The translation cue, if the text gives one.
    pub cue: Option<TranslationCue>,
}

/// True for segments that can hold an attribution.
fn is_prose(s: &Segment) -> bool {
    s.kind == SegmentKind::Sentence
}

/// Attribution segments of a quote: the sentences between the pieces and the one right after the
/// last piece; separately, the sentence right before the first piece (a weaker context), unless
/// it follows another quote (then it is that quote's attribution).
fn attribution_of(segs: &[Segment], pieces: &[usize]) -> (Vec<usize>, Option<usize>) {
    let mut out = Vec::new();
    let (Some(&first), Some(&last)) = (pieces.first(), pieces.last()) else {
        return (out, None);
    };
    let pos = |id: usize| segs.iter().position(|s| s.id == id);
    let mut before = None;
    if let Some(i) = pos(first).and_then(|i| i.checked_sub(1)) {
        // A sentence right after another quote is that quote's attribution, not this one's.
        let follows_quote = i
            .checked_sub(1)
            .and_then(|k| segs.get(k))
            .is_some_and(|p| p.kind == SegmentKind::Quote);
        if let Some(s) = segs.get(i).filter(|s| is_prose(s) && !follows_quote) {
            before = Some(s.id);
        }
    }
    if let (Some(a), Some(b)) = (pos(first), pos(last)) {
        for s in segs.iter().take(b).skip(a + 1) {
            if is_prose(s) {
                out.push(s.id);
            }
        }
        if let Some(s) = segs.get(b + 1).filter(|s| is_prose(s)) {
            out.push(s.id);
        }
    }
    (out, before)
}

/// The quotes of a document, in order, with speaker, platform and translation cue.
pub fn quotes(doc: &Document, segs: &[Segment]) -> Vec<Quote> {
    let mut by_quote: Vec<(usize, Vec<usize>)> = Vec::new();
    for s in segs {
        if s.kind != SegmentKind::Quote {
            continue;
        }
        let Some(part) = s.quote else { continue };
        match by_quote.iter_mut().find(|(q, _)| *q == part.quote) {
            Some((_, v)) => v.push(s.id),
            None => by_quote.push((part.quote, vec![s.id])),
        }
    }
    let seg_text = |id: usize| -> &str {
        segs.iter()
            .find(|s| s.id == id)
            .map(|s| s.text(&doc.text))
            .unwrap_or("")
    };
    let mut names = speaker::NameTracker::default();
    let mut out = Vec::new();
    for (index, pieces) in by_quote {
        let (after, before) = attribution_of(segs, &pieces);
        let after_text: Vec<&str> = after.iter().map(|&id| seg_text(id)).collect();
        let before_text = before.map(seg_text).unwrap_or("");
        let speaker = after_text
            .iter()
            .find_map(|t| speaker::speaker_in(t, &names))
            .or_else(|| speaker::speaker_in(before_text, &names));
        let context = format!("{} {}", before_text, after_text.join(" "));
        let platform = after_text
            .iter()
            .find_map(|t| platform(t))
            .or_else(|| platform(before_text));
        let cue = after_text
            .iter()
            .find_map(|t| translation_cue(t))
            .or_else(|| translation_cue(before_text));
        // A cue without a language takes one named elsewhere in the context ("announced on
        // Twitter — in Russian — that …", then "according to a translated version").
        let cue = match cue {
            Some(c) if c.lang.is_none() => Some(TranslationCue {
                lang: translation_cue(&context).and_then(|o| o.lang),
                phrase: c.phrase,
            }),
            other => other,
        };
        if let Some(name) = &speaker {
            names.set_last(name);
        }
        let mut attribution = after;
        if let Some(b) = before {
            attribution.insert(0, b);
        }
        let texts: Vec<&str> = pieces.iter().map(|&id| seg_text(id).trim()).collect();
        let text = join_pieces(&texts);
        out.push(Quote {
            index,
            segments: pieces,
            text,
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
