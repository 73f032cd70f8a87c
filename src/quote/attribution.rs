//! The attribution model of news quotes: which text around each quote of a paragraph says who
//! spoke, and whether a quote is the next piece of the one before it.
//!
//! The text between two quotes divides into the attribution of the quote before it (the clause
//! right after its closing mark: `," Kallas said.`, `», — написал он.`), the sentence after that
//! clause while it still speaks of that quote (`The post was in Russian.`), narrative, and the
//! attribution of the quote after it (the clause that introduces it: `Landsbergis wrote on X:`).
//! A clause is an attribution by its punctuation (a quote that ends with a comma or is followed
//! by a dash goes on into its attribution; a colon introduces a quote) or by a verb of saying
//! near the quote (`data/speech_verbs.tsv`, or a past-tense ending of `data/attribution.tsv`
//! next to a name). Two quotes are pieces of one quote only when the text between them is the
//! first one's attribution and nothing else, it names no other speaker, and the second quote has
//! no attribution of its own.
//!
//! ```
//! use talign::quote::attribution::attribute;
//! let t = "\"We stand with Kyiv,\" Kallas wrote in Russian. \"We will not waver,\" said Landsbergis.";
//! let q = [1..19, 50..66];
//! let a = attribute(t, &q);
//! assert_eq!(a[0].after.clone().map(|r| &t[r]), Some("Kallas wrote in Russian."));
//! assert_eq!(a[1].after.clone().map(|r| &t[r]), Some("said Landsbergis."));
//! assert!(!a[1].continues);
//! ```

use std::ops::Range;

use super::cue::looks_like_verb;
use super::speaker::{speaker_in, NameTracker};
use crate::segment::{is_speech_verb, split_sentences};

/// The attribution of one quote: byte ranges into the text given to [`attribute`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The clause before the quote that introduces it (`X wrote in Russian:`).
    pub before: Option<Range<usize>>,
    /// The clause after the quote that says who spoke (`X said in a post on X.`).
    pub after: Option<Range<usize>>,
    /// The short sentence after the quote's attribution (or after the quote), before any other
    /// quote: it may still speak of this quote ("The post was written in Russian.").
    pub follow: Option<Range<usize>>,
    /// True when this quote is the next piece of the quote before it.
    pub continues: bool,
}

/// Most words of an attribution after a quote that ended its sentence (`"…." X said.`).
const AFTER_MAX_WORDS: usize = 15;
/// Most words of an attribution after a quote that goes on into it (`"…," X said …`).
const CONTINUED_MAX_WORDS: usize = 25;
/// Most words of a clause introducing a quote.
const BEFORE_MAX_WORDS: usize = 25;
/// Most words of a follow-up sentence that can still speak of the quote.
const FOLLOW_MAX_WORDS: usize = 15;
/// A verb of saying must stand among the first words of an attribution after a quote.
const VERB_WINDOW: usize = 6;
/// …and nearer still after a quote that ended its sentence (`"…." Estonia's minister said.`).
const FULL_VERB_WINDOW: usize = 4;
/// Words that open reported speech after a verb of saying ("said that", "заявил, что").
const COMPLEMENTIZERS: &[&str] = &["that", "что", "що", "que", "dass", "qu", "чтобы"];

/// How a quote's own punctuation leads into the text after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// A comma, dash or colon: the sentence goes on into the attribution.
    Continues,
    /// `?` or `!`: the attribution may follow in the same sentence ("…?" Kelly asked.).
    Soft,
    /// A full stop, inside or outside the marks.
    Full,
    /// No punctuation at all (a headline, a slogan).
    Bare,
}

/// Characters that close a quote or separate it from its attribution.
fn is_lead_punct(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | ';'
                | ':'
                | '—'
                | '–'
                | '-'
                | '.'
                | '!'
                | '?'
                | '…'
                | '"'
                | '\''
                | '”'
                | '“'
                | '’'
                | '»'
                | '«'
                | '›'
                | '」'
                | '』'
                | ')'
        )
}

/// Characters that open a quote (stripped from the end of the text before it).
fn is_trail_punct(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '“' | '„' | '«' | '‹' | '‚' | '‘' | '\'' | '「' | '『' | '(' | '—' | '–'
        )
}

/// The attribution of every quote of a text, `quotes` being the quotes' inner ranges in order
/// (the quote pieces of [`crate::segment`]). Gaps are read within their paragraph: a line break
/// ends what the quote before it can claim and starts what the quote after it can.
pub fn attribute(text: &str, quotes: &[Range<usize>]) -> Vec<Attribution> {
    let n = quotes.len();
    let mut out: Vec<Attribution> = vec![Attribution::default(); n];
    for i in 0..n {
        let start = if i == 0 { 0 } else { quotes[i - 1].end };
        let end = quotes[i].start;
        if start <= end {
            out[i].before = before_clause(text, start..end);
        }
    }
    for i in 0..n {
        let gap_end = quotes.get(i + 1).map_or(text.len(), |q| q.start);
        if quotes[i].end > gap_end {
            continue;
        }
        let (after, follow, ending) = after_clause(text, quotes[i].clone(), gap_end);
        let next_before = out.get(i + 1).and_then(|a| a.before.clone());
        let overlaps = |r: &Range<usize>| next_before.as_ref().is_some_and(|b| b.start < r.end);
        // A clause that runs into the next quote's introduction ends where that begins; the
        // introduction itself is this quote's attribution too only when this quote runs on into
        // it (`"A," X said, adding: "B."`).
        let after = after.and_then(|r| match &next_before {
            Some(b) if b.start > r.start && b.start < r.end => trim_range(text, r.start..b.start),
            _ => Some(r),
        });
        out[i].after = after.filter(|r| ending == Ending::Continues || !overlaps(r));
        out[i].follow = follow.filter(|r| !overlaps(r));
    }
    for i in 1..n {
        out[i].continues = continues(
            text,
            quotes[i - 1].end..quotes[i].start,
            &out[i - 1],
            &out[i],
        );
    }
    out
}

/// Whether the quote after `gap` is the next piece of the quote before it: the gap, in one line,
/// is the first quote's attribution and nothing else, names no speaker other than the one that
/// introduced the first quote, and the second quote has no attribution of its own.
fn continues(text: &str, gap: Range<usize>, prev: &Attribution, next: &Attribution) -> bool {
    let Some(slice) = text.get(gap.clone()) else {
        return false;
    };
    if slice.contains('\n') || next.before.is_some() || next.after.is_some() {
        return false;
    }
    let Some(after) = prev.after.clone() else {
        return false;
    };
    let rest = text.get(after.end..gap.end).unwrap_or("");
    if rest.chars().any(char::is_alphanumeric) {
        return false; // narrative or another sentence between the pieces
    }
    // A speaker named between the pieces must be the one that introduced the first piece.
    let names = NameTracker::default();
    let between = speaker_in(text.get(after).unwrap_or(""), &names);
    let introduced = prev
        .before
        .clone()
        .and_then(|b| speaker_in(text.get(b).unwrap_or(""), &names));
    match (introduced, between) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// The words of a text, stripped of surrounding punctuation, empty ones dropped.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Capitalised words that open sentences but name nobody (so a past-tense ending after them
/// says nothing of a speaker: "A moderate earthquake").
const NOT_SPEAKERS: &[&str] = &[
    "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "But",
    "And", "As", "For", "If", "When", "While", "After", "Before", "There", "Here", "Some", "Many",
    "Most", "El", "La", "Los", "Las", "Un", "Una", "В", "На", "Это", "У", "Це",
];

/// True when a verb of saying stands among the first `window` words: a table verb anywhere
/// there, a past-tense ending only first or next to a capitalised word that can name someone.
fn verb_near_start(ws: &[&str], window: usize) -> bool {
    let names = |w: Option<&&str>| {
        w.is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && !NOT_SPEAKERS.contains(w)
        })
    };
    ws.iter().take(window).enumerate().any(|(k, w)| {
        is_speech_verb(w)
            || (looks_like_verb(w)
                && (k == 0 || names(ws.get(k.wrapping_sub(1))) || names(ws.get(k + 1))))
    })
}

/// The attribution clause after the quote at `quote` (inner range), in the gap up to `gap_end`,
/// the follow-up sentence after it (or after the quote, when it has no clause), and how the
/// quote's punctuation led into them.
fn after_clause(
    text: &str,
    quote: Range<usize>,
    gap_end: usize,
) -> (Option<Range<usize>>, Option<Range<usize>>, Ending) {
    let Some(gap) = text.get(quote.end..gap_end) else {
        return (None, None, Ending::Bare);
    };
    let line = gap.find('\n').map_or(gap, |nl| &gap[..nl]);
    let line = line.trim_end_matches(is_trail_punct);
    let lead = line.len() - line.trim_start_matches(is_lead_punct).len();
    let leading = &line[..lead];
    let inner_last = text
        .get(quote.clone())
        .and_then(|q| q.trim_end().chars().next_back());
    let ending = if leading.contains([',', ':', '—', '–']) || matches!(inner_last, Some(',' | ':'))
    {
        Ending::Continues
    } else if leading.contains(['?', '!']) || matches!(inner_last, Some('?' | '!')) {
        Ending::Soft
    } else if leading.contains(['.', '…']) || matches!(inner_last, Some('.' | '…')) {
        Ending::Full
    } else {
        Ending::Bare
    };
    let base = quote.end + lead;
    let rest = &line[lead..];
    let sentences = split_sentences(rest, &[]);
    let Some(first) = sentences.first() else {
        return (None, None, ending);
    };
    let s = &rest[first.clone()];
    let ws = words(s);
    let verb = verb_near_start(&ws, VERB_WINDOW);
    // "X said that …" reports a statement of its own: it is not this quote's attribution.
    let reported = ws
        .windows(2)
        .any(|p| is_speech_verb(p[0]) && COMPLEMENTIZERS.contains(&p[1].to_lowercase().as_str()));
    let is_clause = !reported
        && match ending {
            Ending::Continues => {
                ws.len() <= AFTER_MAX_WORDS || (verb && ws.len() <= CONTINUED_MAX_WORDS)
            }
            Ending::Soft | Ending::Bare => verb && ws.len() <= CONTINUED_MAX_WORDS,
            Ending::Full => verb_near_start(&ws, FULL_VERB_WINDOW) && ws.len() <= AFTER_MAX_WORDS,
        };
    let shift = |r: &Range<usize>| base + r.start..base + r.end;
    let clause = is_clause.then(|| shift(first));
    let follow_at = usize::from(is_clause);
    let follow = sentences
        .get(follow_at)
        .filter(|r| (1..=FOLLOW_MAX_WORDS).contains(&words(&rest[(*r).clone()]).len()))
        .map(shift);
    (clause, follow, ending)
}

/// The clause that introduces the quote after `gap`: the gap's last sentence, when it does not
/// end with a full stop (the quote is part of it) and ends with a colon or holds a verb of
/// saying.
fn before_clause(text: &str, gap: Range<usize>) -> Option<Range<usize>> {
    let slice = text.get(gap.clone())?;
    let line_start = slice.rfind('\n').map_or(0, |nl| nl + 1);
    let line = &slice[line_start..];
    let body = line.trim_end_matches(is_trail_punct);
    let lead = body.len() - body.trim_start_matches(is_lead_punct).len();
    let body = &body[lead..];
    let mut last = split_sentences(body, &[]).pop()?;
    // A sentence end the splitter kept (an initial-like "on X. Kallas wrote:") still ends what
    // can introduce the quote.
    if let Some(cut) = last_sentence_start(&body[last.clone()]) {
        last.start += cut;
    }
    let clause = &body[last.clone()];
    let trimmed = clause.trim_end();
    let end_char = trimmed.chars().next_back()?;
    if matches!(end_char, '.' | '!' | '?' | '…') {
        return None;
    }
    let ws = words(trimmed);
    if ws.is_empty() || ws.len() > BEFORE_MAX_WORDS {
        return None;
    }
    let introduces = end_char == ':' || ws.iter().any(|w| is_speech_verb(w));
    let start = gap.start + line_start + lead + last.start;
    introduces.then_some(start..start + trimmed.len())
}

/// `range` without surrounding whitespace; `None` when nothing is left.
fn trim_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = text.get(range.clone())?;
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    (end > start).then_some(start..end)
}

/// The byte offset of the last `. X` (terminal punctuation, a space, a capital) inside a clause,
/// where the text after it starts.
fn last_sentence_start(clause: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = clause.char_indices().collect();
    (0..chars.len().saturating_sub(2)).rev().find_map(|k| {
        let (_, c) = chars[k];
        let (_, space) = chars[k + 1];
        let (at, next) = chars[k + 2];
        (matches!(c, '.' | '!' | '?' | '…') && space.is_whitespace() && next.is_uppercase())
            .then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotes of a text as inner ranges (straight, curly and angle quotes), trimmed of a
    /// trailing comma as the segmenter does.
    fn quotes_of(text: &str) -> Vec<Range<usize>> {
        crate::segment::find_quotes(text)
            .into_iter()
            .map(|q| {
                let inner = &text[q.inner.clone()];
                let kept = inner.trim_end_matches([',', ' ']).len();
                let lead = inner.len() - inner.trim_start().len();
                q.inner.start + lead..q.inner.start + kept
            })
            .collect()
    }

    /// Before, after, follow-up, continues.
    type View<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, bool);

    fn view(text: &str) -> Vec<View<'_>> {
        let q = quotes_of(text);
        attribute(text, &q)
            .into_iter()
            .map(|a| {
                (
                    a.before.map(|r| &text[r]),
                    a.after.map(|r| &text[r]),
                    a.follow.map(|r| &text[r]),
                    a.continues,
                )
            })
            .collect()
    }

    #[test]
    fn two_speakers_after_their_quotes_are_two_quotes() {
        let t = "\"We stand with Kyiv,\" Estonia's foreign minister said in a post on X. \"Russia will pay for this,\" Lithuania's defence minister wrote.";
        assert_eq!(
            view(t),
            [
                (
                    None,
                    Some("Estonia's foreign minister said in a post on X."),
                    None,
                    false
                ),
                (
                    None,
                    Some("Lithuania's defence minister wrote."),
                    None,
                    false
                ),
            ]
        );
    }

    #[test]
    fn a_colon_introduces_each_speakers_quote() {
        let t = "Kallas wrote on X: \"We stand with Kyiv today.\" Landsbergis replied on Facebook: \"Russia will pay.\"";
        let v = view(t);
        assert_eq!(v[0].0, Some("Kallas wrote on X:"));
        assert_eq!(v[1].0, Some("Landsbergis replied on Facebook:"));
        assert!(!v[1].3, "the second quote has its own attribution");
    }

    #[test]
    fn said_before_the_name_still_starts_a_new_quote() {
        let t = "\"We stand with Kyiv,\" said Kallas. \"Russia will pay,\" said Landsbergis.";
        let v = view(t);
        assert_eq!(v[0].1, Some("said Kallas."));
        assert_eq!(v[1].1, Some("said Landsbergis."));
        assert!(!v[1].3);
    }

    #[test]
    fn a_split_quote_is_one_quote() {
        let t = "\"Get off, you moron!\" Rogozin said in a quickly deleted Tweet. \"Otherwise, the death of the station is on you.\"";
        let v = view(t);
        assert_eq!(v[0].1, Some("Rogozin said in a quickly deleted Tweet."));
        assert!(v[1].3, "the second piece has no attribution of its own");
        let t = "\"Mr. Medvedev, I am returning the medal,\" Kelly wrote, according to a translated version of the tweet. \"Please give it to a Russian mother.\"";
        assert!(view(t)[1].3);
    }

    #[test]
    fn a_second_verb_of_saying_starts_a_new_quote() {
        let t = "\"We will win,\" Kelly said. \"And we will stay,\" he added.";
        assert!(!view(t)[1].3);
    }

    #[test]
    fn narrative_between_quotes_keeps_them_apart() {
        let t = "\"We will win,\" Kelly said. The talks ended on Monday. \"And we will stay.\"";
        assert!(!view(t)[1].3);
    }

    #[test]
    fn a_sentence_after_the_attribution_follows_its_quote() {
        let t = "\"We will not give up,\" Olena Marchuk wrote on Telegram. The post was written in Ukrainian. Ivan Sorokin said: \"This is a lie.\"";
        let v = view(t);
        assert_eq!(v[0].1, Some("Olena Marchuk wrote on Telegram."));
        assert_eq!(v[0].2, Some("The post was written in Ukrainian."));
        assert_eq!(v[1].0, Some("Ivan Sorokin said:"));
        assert!(!v[1].3);
    }

    #[test]
    fn russian_dash_attributions_and_outside_punctuation() {
        let t = "«Запад понимает только язык силы», — написал Медведев в Telegram. «Мы ответим», — заявил Песков.";
        let v = view(t);
        assert_eq!(v[0].1, Some("написал Медведев в Telegram."));
        assert_eq!(v[1].1, Some("заявил Песков."));
        assert!(!v[1].3);
    }

    #[test]
    fn a_verb_missing_from_the_tables_is_read_from_its_ending() {
        let t =
            "\"This is a disgrace\" Kallas fumed on X. \"Nothing will change\" Sorokin scoffed.";
        let v = view(t);
        assert_eq!(v[0].1, Some("Kallas fumed on X."));
        assert_eq!(v[1].1, Some("Sorokin scoffed."));
        assert!(!v[1].3);
    }

    #[test]
    fn a_full_sentence_after_a_finished_quote_is_not_its_attribution() {
        let t = "\"The station is safe.\" Kelly said in an interview earlier this week that he felt compelled to speak out after the video was shared by the agency.";
        assert_eq!(view(t)[0].1, None);
    }

    #[test]
    fn reported_speech_after_a_quote_is_not_its_attribution() {
        let t = "«Документ будет касаться спора о границах», — сообщил Белов. «Другие темы включают будущее Иерусалима». Также центр заявил, что признаков цунами не было.";
        let v = view(t);
        assert_eq!(v[1].1, None, "заявил, что reports a new statement");
        assert!(v[1].3, "so the second piece continues the first");
    }

    #[test]
    fn a_platform_named_x_does_not_glue_two_attributions() {
        let t = "«Есть разные способы очистки воды», — сообщил Сорокин на английском в X. Глава МИД Эстонии подытожил: «Чтобы лучше представить поток, были установлены отношения»";
        let v = view(t);
        assert_eq!(v[0].1, Some("сообщил Сорокин на английском в X."));
        assert_eq!(v[1].0, Some("Глава МИД Эстонии подытожил:"));
    }

    #[test]
    fn a_line_break_ends_what_a_quote_can_claim() {
        let t = "\"We will win,\" Kelly said.\n\"And we will stay.\"";
        let v = view(t);
        assert_eq!(v[0].1, Some("Kelly said."));
        assert!(!v[1].3, "a quote in the next paragraph is a new quote");
    }
}
