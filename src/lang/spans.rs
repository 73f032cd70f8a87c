//! Language spans inside mixed text ("English language Английский язык"): every word is scored by
//! the n-gram model under each allowed language, and a Viterbi pass picks the best language sequence
//! with a fixed cost per switch, so a language changes only where the words clearly change.

use serde::Serialize;

use crate::doc::{Lang, Segment, SegmentKind};

use super::model::{NgramModel, SlotMask, MAX_LANGS};
use super::rules::word_constraint;
use super::words::function_word_langs;
use super::{Detector, LangSet, FUNCTION_WORD_BONUS};

/// Log-likelihood cost of switching language between two words of one clause.
const SWITCH_COST: f32 = 12.0;
/// Cost of switching where punctuation ends a sentence or opens or closes a quote or bracket: writers switch
/// language mostly there.
const BOUNDARY_SWITCH_COST: f32 = 6.0;
/// Weight of a capitalised word's evidence: names ("Merkel", "Google") travel between languages.
const NAME_WEIGHT: f32 = 0.4;
/// Log-likelihood cost of a word in a language its distinctive letters rule out (ї in Russian).
const LETTER_RULE_COST: f32 = 8.0;

/// A run of text in one language: byte offsets into the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LangSpan {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
    /// The run's language.
    pub lang: Lang,
}

/// The byte spans of the words (runs of letters) of a text.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

impl Detector {
    /// The language runs of a text, in order, covering it from its first to its last non-space
    /// character; empty for a text without letters.
    pub fn detect_spans(&self, text: &str) -> Vec<LangSpan> {
        let word_spans = words(text);
        if word_spans.is_empty() {
            return Vec::new();
        }
        let model = NgramModel::shipped();
        let states: Vec<(usize, Lang)> = model
            .map(|m| {
                m.langs()
                    .iter()
                    .copied()
                    .enumerate()
                    .filter(|(_, l)| self.allow.contains(*l))
                    .collect()
            })
            .unwrap_or_default();
        let labels = match model {
            Some(m) if states.len() >= 2 => self.label_words(m, &states, text, &word_spans),
            _ => vec![self.detect(text).lang; word_spans.len()],
        };
        let labels = merge_name_runs(text, &word_spans, labels);
        build_spans(text, &word_spans, &labels)
    }

    /// One language per word: the model's Viterbi path for words the model's languages can write,
    /// the plain detector for the others (a Greek word among Latin ones).
    fn label_words(
        &self,
        model: &NgramModel,
        states: &[(usize, Lang)],
        text: &str,
        word_spans: &[(usize, usize)],
    ) -> Vec<Lang> {
        let state_set = LangSet::of(&states.iter().map(|(_, l)| *l).collect::<Vec<_>>());
        let mut labels = vec![Lang::UND; word_spans.len()];
        let mut run: Vec<(usize, f32, Vec<f32>)> = Vec::new();
        for (i, &(s, e)) in word_spans.iter().enumerate() {
            let word = text.get(s..e).unwrap_or("");
            let script_langs = super::script::ScriptCounts::of(word)
                .dominant()
                .map_or(LangSet::EMPTY, |sc| sc.langs());
            if script_langs.and(state_set).is_empty() {
                viterbi_into(&run, states, &mut labels);
                run.clear();
                labels[i] = self.detect(word).lang;
                continue;
            }
            let gap_start = i
                .checked_sub(1)
                .and_then(|p| word_spans.get(p))
                .map_or(0, |w| w.1);
            let gap = text.get(gap_start..s).unwrap_or("");
            let cost = if gap.contains(['.', '!', '?', ';', '«', '»', '"', '“', '”', '(', ')'])
            {
                BOUNDARY_SWITCH_COST
            } else {
                SWITCH_COST
            };
            run.push((i, cost, word_emissions(model, states, word)));
        }
        viterbi_into(&run, states, &mut labels);
        labels
    }
}

/// Log-likelihood of one word under each state, with the letter rules as a penalty.
fn word_emissions(model: &NgramModel, states: &[(usize, Lang)], word: &str) -> Vec<f32> {
    let slots = states
        .iter()
        .fold(0 as SlotMask, |m, (slot, _)| m | (1 << slot));
    let mut scores = [0f32; MAX_LANGS];
    model.score(word, slots, &mut scores);
    let allowed = word_constraint(word).unwrap_or_else(LangSet::all);
    let function_langs = function_word_langs(&word.to_lowercase()).unwrap_or(LangSet::EMPTY);
    let mut emissions: Vec<f32> = states
        .iter()
        .map(|(slot, lang)| {
            let s = scores.get(*slot).copied().unwrap_or(f32::MIN);
            let s = if function_langs.contains(*lang) {
                s + FUNCTION_WORD_BONUS
            } else {
                s
            };
            if allowed.contains(*lang) {
                s
            } else {
                s - LETTER_RULE_COST
            }
        })
        .collect();
    if word.chars().next().is_some_and(char::is_uppercase) {
        shrink(&mut emissions, NAME_WEIGHT);
    }
    emissions
}

/// Scales emissions towards their best value, keeping the ranking but weakening the evidence.
fn shrink(emissions: &mut [f32], weight: f32) {
    let best = emissions.iter().copied().fold(f32::MIN, f32::max);
    for e in emissions.iter_mut() {
        *e = best + (*e - best) * weight;
    }
}

/// Best state sequence for a run of words (word index, cost of switching before it, emissions per
/// state), written into `labels`.
fn viterbi_into(run: &[(usize, f32, Vec<f32>)], states: &[(usize, Lang)], labels: &mut [Lang]) {
    let n_states = states.len();
    if run.is_empty() || n_states == 0 {
        return;
    }
    let mut score: Vec<f32> = run[0].2.clone();
    let mut back: Vec<Vec<usize>> = Vec::with_capacity(run.len());
    back.push((0..n_states).collect());
    for (_, switch_cost, emissions) in run.iter().skip(1) {
        let (best_prev, best_prev_score) = argmax(&score);
        let mut next = vec![0f32; n_states];
        let mut from = vec![0usize; n_states];
        for s in 0..n_states {
            let stay = score[s];
            let switch = best_prev_score - switch_cost;
            let (src, base) = if stay >= switch {
                (s, stay)
            } else {
                (best_prev, switch)
            };
            next[s] = base + emissions.get(s).copied().unwrap_or(f32::MIN);
            from[s] = src;
        }
        score = next;
        back.push(from);
    }
    let (mut state, _) = argmax(&score);
    for (k, (word_index, _, _)) in run.iter().enumerate().rev() {
        if let Some(slot) = labels.get_mut(*word_index) {
            *slot = states.get(state).map_or(Lang::UND, |(_, l)| *l);
        }
        state = back.get(k).and_then(|b| b.get(state)).copied().unwrap_or(0);
    }
}

/// Index and value of the largest score (the first on ties).
fn argmax(scores: &[f32]) -> (usize, f32) {
    let mut best = (0, f32::MIN);
    for (i, &s) in scores.iter().enumerate() {
        if s > best.1 {
            best = (i, s);
        }
    }
    best
}

/// Fewest words of letters a language run needs to become a segment of its own in
/// [`split_by_language`]; shorter runs stay with their neighbour.
const MIN_SPLIT_WORDS: usize = 2;
/// The same, when every run of the segment is written in one script.
const MIN_SPLIT_WORDS_SAME_SCRIPT: usize = 3;

/// Splits every segment whose text changes language into one segment per language run ("English
/// language Английский язык" → two), each with its run's language; other segments are kept as
/// they are. Runs of fewer than two words stay with the run before them (or after, at the start).
/// Ids are renumbered in order.
pub fn split_by_language(text: &str, segments: Vec<Segment>, detector: &Detector) -> Vec<Segment> {
    let mut out = Vec::with_capacity(segments.len());
    // old id -> new id of its first piece, so `duplicate_of` still points at the right segment
    let mut renumbered = Vec::with_capacity(segments.len());
    for seg in segments {
        renumbered.push(out.len());
        if matches!(seg.kind, SegmentKind::Boilerplate | SegmentKind::Marker) {
            out.push(seg);
            continue;
        }
        let seg_text = seg.text(text);
        let mut runs = detector.detect_spans(seg_text);
        if runs.len() > 1 {
            runs = absorb_short_runs(seg_text, runs);
        }
        if runs.len() <= 1 {
            out.push(seg);
            continue;
        }
        for run in runs {
            let piece = seg_text.get(run.start..run.end).unwrap_or("");
            let mut sub = seg.clone();
            sub.start = seg.start + run.start;
            sub.end = seg.start + run.end;
            sub.lang = run.lang;
            sub.confidence = detector.detect(piece).confidence;
            sub.duplicate_of = None;
            out.push(sub);
        }
    }
    for (i, seg) in out.iter_mut().enumerate() {
        seg.id = i;
        seg.duplicate_of = seg.duplicate_of.and_then(|d| renumbered.get(d).copied());
    }
    out
}

/// Merges runs with too few words into their neighbour (the previous one, or the next at the start),
/// then joins neighbours of the same language.
fn absorb_short_runs(text: &str, runs: Vec<LangSpan>) -> Vec<LangSpan> {
    let mut out: Vec<LangSpan> = Vec::with_capacity(runs.len());
    let mut carry: Option<usize> = None;
    let dominant = |r: &LangSpan| {
        super::script::ScriptCounts::of(text.get(r.start..r.end).unwrap_or("")).dominant()
    };
    // telling English from French takes more words than telling English from Russian
    let first_script = runs.first().map(dominant);
    let mixed_scripts = runs.iter().any(|r| Some(dominant(r)) != first_script);
    let needed = if mixed_scripts {
        MIN_SPLIT_WORDS
    } else {
        MIN_SPLIT_WORDS_SAME_SCRIPT
    };
    for run in runs {
        let piece = text.get(run.start..run.end).unwrap_or("");
        // one-letter pieces ("U." of "U.S.") are not words a language switch can rest on
        let n_words = words(piece).iter().filter(|(s, e)| e - s > 1).count();
        let start = carry.take().unwrap_or(run.start);
        match out.last_mut() {
            Some(last) if n_words < needed || last.lang == run.lang => last.end = run.end,
            None if n_words < needed => carry = Some(start),
            _ => out.push(LangSpan { start, ..run }),
        }
    }
    out
}

/// Gives a run of names ("Apple и Google", "José Muñoz": capitalised words, with at most short
/// words between them) inside text of one language that language: names do not switch language.
fn merge_name_runs(text: &str, word_spans: &[(usize, usize)], mut labels: Vec<Lang>) -> Vec<Lang> {
    let is_name_like = |&(s, e): &(usize, usize)| {
        let w = text.get(s..e).unwrap_or("");
        w.chars().next().is_some_and(char::is_uppercase) || w.chars().count() <= 2
    };
    let is_capitalised = |&(s, e): &(usize, usize)| {
        text.get(s..e)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let mut start = 0;
    while start < labels.len() {
        let lang = labels[start];
        let end = (start..labels.len())
            .find(|&k| labels[k] != lang)
            .unwrap_or(labels.len());
        let before = start.checked_sub(1).and_then(|k| labels.get(k)).copied();
        let after = labels.get(end).copied();
        let run = word_spans.get(start..end).unwrap_or(&[]);
        if let (Some(b), Some(a)) = (before, after) {
            if a == b && run.iter().all(is_name_like) && run.iter().any(is_capitalised) {
                for l in labels.iter_mut().take(end).skip(start) {
                    *l = b;
                }
            }
        }
        start = end;
    }
    labels
}

/// Joins words of one language into spans that cover the text between its first and last
/// non-space characters; the gap between two spans is split at its first whitespace.
fn build_spans(text: &str, word_spans: &[(usize, usize)], labels: &[Lang]) -> Vec<LangSpan> {
    let mut spans: Vec<LangSpan> = Vec::new();
    for (&(s, e), &lang) in word_spans.iter().zip(labels) {
        match spans.last_mut() {
            Some(last) if last.lang == lang => last.end = e,
            _ => spans.push(LangSpan {
                start: s,
                end: e,
                lang,
            }),
        }
    }
    let first = text.len() - text.trim_start().len();
    let last = text.trim_end().len();
    if let Some(sp) = spans.first_mut() {
        sp.start = sp.start.min(first);
    }
    if let Some(sp) = spans.last_mut() {
        sp.end = sp.end.max(last);
    }
    for i in 1..spans.len() {
        let (gap_start, gap_end) = (spans[i - 1].end, spans[i].start);
        let gap = text.get(gap_start..gap_end).unwrap_or("");
        let Some(ws) = gap.find(char::is_whitespace) else {
            continue;
        };
        let after_ws = gap[ws..]
            .find(|c: char| !c.is_whitespace())
            .map_or(gap.len(), |k| ws + k);
        spans[i - 1].end = gap_start + ws;
        spans[i].start = gap_start + after_ws;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(code: &str) -> Lang {
        Lang::new(code).unwrap_or_default()
    }

    #[test]
    fn mixed_line_gets_two_spans() {
        let d = Detector::new(Some(&[l("en"), l("ru")]));
        let text = "English language Английский язык";
        let spans = d.detect_spans(text);
        assert_eq!(spans.len(), 2, "{spans:?}");
        assert_eq!(spans[0].lang, l("en"));
        assert_eq!(&text[spans[0].start..spans[0].end], "English language");
        assert_eq!(spans[1].lang, l("ru"));
        assert_eq!(&text[spans[1].start..spans[1].end], "Английский язык");
    }

    #[test]
    fn names_do_not_switch_language() {
        let d = Detector::new(Some(&[l("en"), l("ru"), l("es"), l("de")]));
        for text in [
            "Президент заявил, что Apple и Google должны платить налоги.",
            "The coach José Muñoz said on Monday that the team will play.",
        ] {
            assert_eq!(
                d.detect_spans(text).len(),
                1,
                "{text}: {:?}",
                d.detect_spans(text)
            );
        }
        let quote = "He said «Мы не отступим» and left the room.";
        let langs: Vec<Lang> = d.detect_spans(quote).iter().map(|s| s.lang).collect();
        assert_eq!(langs, vec![l("en"), l("ru"), l("en")]);
    }

    #[test]
    fn mixed_segments_split_into_language_runs() {
        use crate::segment::segment_lines;
        let d = Detector::new(Some(&[l("en"), l("ru")]));
        let text =
            "Intro line here.\nEnglish language Английский язык\nThe so-called perestroika.\n";
        let mut segs = segment_lines(text);
        super::super::identify(text, &mut segs, &d);
        let split = split_by_language(text, segs, &d);
        let got: Vec<(&str, &str)> = split
            .iter()
            .map(|s| (s.text(text), s.lang.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Intro line here.", "en"),
                ("English language", "en"),
                ("Английский язык", "ru"),
                ("The so-called perestroika.", "en"),
            ]
        );
        assert!(split.iter().enumerate().all(|(i, s)| s.id == i));
    }

    #[test]
    fn one_language_is_one_span() {
        let d = Detector::new(None);
        let text = "  «The weather is fine today», she said.  ";
        let spans = d.detect_spans(text);
        assert_eq!(spans.len(), 1, "{spans:?}");
        assert_eq!(spans[0].lang, l("en"));
        assert_eq!(
            &text[spans[0].start..spans[0].end],
            "«The weather is fine today», she said."
        );
        assert!(d.detect_spans("123 ...").is_empty());
    }

    #[test]
    fn sentences_in_latin_languages_split_where_they_change() {
        let d = Detector::new(Some(&[l("en"), l("es"), l("de"), l("fr")]));
        let text = "The children played in the garden all afternoon. \
                    Los niños jugaron en el jardín toda la tarde. \
                    Die Kinder spielten den ganzen Nachmittag im Garten.";
        let langs: Vec<Lang> = d.detect_spans(text).iter().map(|s| s.lang).collect();
        assert_eq!(langs, vec![l("en"), l("es"), l("de")]);
    }
}
