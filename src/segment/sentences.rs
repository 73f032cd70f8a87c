//! Multilingual sentence boundaries: terminal punctuation, abbreviations, initials, dotted
//! acronyms, ordinal dates, CJK full stops, and quotes that must stay whole.

use std::ops::Range;

use super::tables::{is_abbreviation, is_month, is_speech_verb};

/// Characters that can end a sentence.
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‽' | '。' | '！' | '？' | '｡' | '؟' | '।' | '۔' | '።'
    )
}

/// Full stops of scripts written without spaces: a boundary needs no following space.
fn is_unspaced_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Closing quotes and brackets that may follow terminal punctuation inside the same sentence.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | '»' | '›' | '」' | '』' | ')' | ']' | '}' | '“' | '‘'
    )
}

/// Punctuation that may open a new sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '"'
            | '‘'
            | '\''
            | '«'
            | '„'
            | '‚'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '‹'
            | '「'
            | '『'
            | '—'
            | '–'
            | '-'
            | '»'
    )
}

/// Words that almost always start a sentence: after a dotted acronym ("U.S.") they mark a boundary.
const SENTENCE_STARTERS: &[&str] = &[
    "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
    "But", "And", "Or", "So", "In", "On", "At", "For", "A", "An", "As", "If", "When", "While",
    "After", "Before", "There", "Here", "Der", "Die", "Das", "Le", "La", "Les", "El", "Los", "Las",
];

/// Sentence ranges in `text` (trimmed of surrounding whitespace, in order, non-overlapping).
///
/// No boundary is placed strictly inside a `protected` range (an inline quote), only at its end.
pub fn split_sentences(text: &str, protected: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut skip_until = 0;
    for (i, c) in text.char_indices() {
        if i < skip_until || !is_terminal(c) {
            continue;
        }
        let end = end_of_punctuation(text, i);
        skip_until = end;
        let inside_quote = protected.iter().any(|r| r.start < i && end < r.end);
        if !inside_quote && is_boundary(text, i, end) {
            push_trimmed(&mut out, text, start..end);
            start = end;
        }
    }
    push_trimmed(&mut out, text, start..text.len());
    out
}

/// The end of a terminal-punctuation run starting at `i`, with the closers that follow it.
fn end_of_punctuation(text: &str, i: usize) -> usize {
    let mut end = i;
    let mut chars = text[i..].chars().peekable();
    while let Some(&c) = chars.peek() {
        if !is_terminal(c) {
            break;
        }
        end += c.len_utf8();
        chars.next();
    }
    while let Some(&c) = chars.peek() {
        if !is_closer(c) {
            break;
        }
        end += c.len_utf8();
        chars.next();
    }
    end
}

/// Pushes `range` trimmed of whitespace, if anything is left.
pub(crate) fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    if let Some(r) = trim_range(text, range) {
        out.push(r);
    }
}

/// `range` without leading and trailing whitespace; `None` when nothing is left.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = text.get(range.clone())?;
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    (end > start).then_some(start..end)
}

/// Decides whether the punctuation run `i..end` ends a sentence.
fn is_boundary(text: &str, i: usize, end: usize) -> bool {
    let run = &text[i..end];
    let first = run.chars().next().unwrap_or('.');
    let rest = &text[end..];
    if is_unspaced_terminal(first) {
        return true;
    }
    let Some(after) = rest.chars().next() else {
        return true;
    };
    if !after.is_whitespace() {
        return false; // "U.S.-Russian", "3.5", "example.com", "?!"
    }
    let next_word = first_word(rest.trim_start());
    let Some(n) = next_word.chars().next() else {
        return true;
    };
    if n.is_lowercase() {
        return false;
    }
    if !(n.is_uppercase() || n.is_numeric() || is_opener(n) || n.is_alphabetic()) {
        return true;
    }
    let closed_quote = run.chars().any(|c| is_closer(c) && c != ')' && c != ']');
    if closed_quote && first != '.' && attribution_follows(rest) {
        return false; // "Get off!" Rogozin said ...
    }
    if run.starts_with('.') && !run.starts_with("..") {
        return period_ends_sentence(text, i, next_word);
    }
    true
}

/// The first whitespace-delimited word of `s`, stripped of surrounding punctuation.
fn first_word(s: &str) -> &str {
    let word = s.split(char::is_whitespace).next().unwrap_or("");
    let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.is_empty() {
        word
    } else {
        trimmed
    }
}

/// True when one of the next four words (before the next sentence end) is a verb of saying.
fn attribution_follows(rest: &str) -> bool {
    for word in rest.split_whitespace().take(4) {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if is_speech_verb(bare) {
            return true;
        }
        if word.chars().any(is_terminal) {
            break;
        }
    }
    false
}

/// Decides a single period at `i` followed by a space and `next_word`.
fn period_ends_sentence(text: &str, i: usize, next_word: &str) -> bool {
    let before = &text[..i];
    let token_start = before.rfind(|c: char| c.is_whitespace()).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    });
    let token = before[token_start..].trim_start_matches(|c: char| is_opener(c) || c == '(');
    if token.is_empty() {
        return true;
    }
    if is_abbreviation(token) {
        return false;
    }
    let mut chars = token.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return false; // an initial: "J. K. Rowling", "Mark A. Kelly"
        }
    }
    if is_dotted_acronym(token) {
        return SENTENCE_STARTERS.contains(&next_word);
    }
    if token.len() <= 2 && token.chars().all(|c| c.is_ascii_digit()) && is_month(next_word) {
        return false; // "am 16. Februar"
    }
    true
}

/// "U.S", "e.g", "U.N": one- or two-letter parts joined by periods.
fn is_dotted_acronym(token: &str) -> bool {
    token.contains('.')
        && token
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, &[])
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("One two. Three four! Five?"),
            ["One two.", "Three four!", "Five?"]
        );
    }

    #[test]
    fn dates_titles_acronyms_and_initials_hold() {
        let t =
            "It separated on Feb. 16, 2001. Mr. Medvedev met J. K. Rowling in the U.S. yesterday.";
        assert_eq!(
            split(t),
            [
                "It separated on Feb. 16, 2001.",
                "Mr. Medvedev met J. K. Rowling in the U.S. yesterday."
            ]
        );
    }

    #[test]
    fn acronym_then_sentence_starter_splits() {
        assert_eq!(
            split("They met in the U.S. The talks failed."),
            ["They met in the U.S.", "The talks failed."]
        );
    }

    #[test]
    fn decimals_and_hyphens_hold() {
        assert_eq!(
            split("It grew 3.5 percent in U.S.-Russian trade."),
            ["It grew 3.5 percent in U.S.-Russian trade."]
        );
    }

    #[test]
    fn german_ordinal_dates_hold() {
        assert_eq!(
            split("Er kam am 16. Februar an. Dann ging er."),
            ["Er kam am 16. Februar an.", "Dann ging er."]
        );
    }

    #[test]
    fn quote_with_attribution_stays_one_sentence() {
        assert_eq!(
            split("\"Get off, you moron!\" Rogozin said in a Tweet. Then he left."),
            [
                "\"Get off, you moron!\" Rogozin said in a Tweet.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn protected_ranges_are_not_split() {
        let t = "He said \"Go. Now.\" Then left.";
        let open = t.find('"').unwrap_or(0);
        let close = t.rfind('"').map_or(0, |p| p + 1);
        assert_eq!(
            split_sentences(
                t,
                &[Range {
                    start: open,
                    end: close
                }]
            )
            .into_iter()
            .map(|r| &t[r])
            .collect::<Vec<_>>(),
            ["He said \"Go. Now.\"", "Then left."]
        );
    }

    #[test]
    fn cyrillic_and_cjk() {
        assert_eq!(
            split("Привет, мир. Как дела?"),
            ["Привет, мир.", "Как дела?"]
        );
        assert_eq!(split("我们走吧。他来了！"), ["我们走吧。", "他来了！"]);
        assert_eq!(
            split("В 2001 г. он улетел. Потом вернулся."),
            ["В 2001 г. он улетел.", "Потом вернулся."]
        );
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("See fig. five and so on... and more."),
            ["See fig. five and so on... and more."]
        );
    }
}
