//! Whether a period ends a sentence: abbreviations of each kind (`data/abbreviations.tsv`),
//! initials, dotted acronyms and ordinal numbers.

use super::sentences::{is_closer, is_opener, is_terminal, Next};
use super::tables::{abbreviation_kind, is_month, is_ordinal_word, AbbrKind};

/// A sentence that ends in an abbreviation that may end one ("Co.", "p.m.") before a capitalised
/// word that is no typical sentence opener needs this many words; shorter ones are a fronted
/// phrase ("At 5 a.m. Mr. Smith went").
const MIN_WORDS_ENDING_IN_ABBREVIATION: usize = 4;

/// The word before byte `i`, without opening punctuation and an elided article (`l'Avv` → `Avv`).
fn word_before(text: &str, i: usize) -> &str {
    let before = &text[..i];
    let token = before[after_last_space(before)..].trim_start_matches(is_opener);
    match token.rfind(['\'', '’']) {
        Some(p) if p > 0 && p <= 4 && token[..p].chars().all(char::is_lowercase) => {
            &token[p + token[p..].chars().next().map_or(1, char::len_utf8)..]
        }
        _ => token,
    }
}

/// The byte offset just after the last whitespace character of `s` (0 when there is none).
pub(super) fn after_last_space(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(p, c)| p + c.len_utf8())
}

/// The whitespace-delimited token before `token_start` and the one after byte `end`.
fn neighbours(text: &str, token_start: usize, end: usize) -> (&str, &str) {
    let before = text[..token_start].trim_end();
    let prev = &before[after_last_space(before)..];
    let after = text[end..].trim_start();
    let next = after.split(char::is_whitespace).next().unwrap_or("");
    (prev, next)
}

/// The abbreviation the period at `i` closes, if any: the word itself ("Mr", "SEC"), or with a
/// neighbour, "z. B." → "z.B", "et al." → "et al", "ad es." → "ad es".
fn abbreviation_at(text: &str, i: usize, token: &str) -> Option<AbbrKind> {
    let kind_of = |w: &str| {
        abbreviation_kind(w).or_else(|| {
            let all_caps = w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase());
            all_caps
                .then(|| abbreviation_kind(&w.to_lowercase()))
                .flatten()
        })
    };
    if let Some(k) = kind_of(token) {
        return Some(k);
    }
    // "Tuesday.Mr" (a sentence end without a space before it): the word after the period
    if let Some((_, last)) = token.rsplit_once('.') {
        if last.chars().count() > 1 {
            if let Some(k) = kind_of(last) {
                return Some(k);
            }
        }
    }
    let token_start = i - token.len();
    let (prev, next) = neighbours(text, token_start, i + 1);
    let prev = prev.trim_start_matches(is_opener);
    if let Some(p) = prev.strip_suffix('.') {
        if let Some(k) = kind_of(&format!("{p}.{token}")) {
            return Some(k);
        }
    }
    if !prev.is_empty() {
        if let Some(k) = kind_of(&format!("{prev} {token}")) {
            return Some(k);
        }
    }
    let next = next.trim_end_matches(|c: char| is_closer(c) || c == ',');
    let n = next.trim_end_matches('.');
    if n.len() < next.len() && n.chars().count() <= 3 {
        // the first half of "z. B.", "d. C.": the abbreviation goes on
        return kind_of(&format!("{token}.{n}")).map(|_| AbbrKind::Inner);
    }
    None
}

/// Letters a lowercase word needs before a period for any lowercase word after it to open a
/// sentence: shorter ones may be truncations used as abbreviations (`bałt. jest`, `econ. az.`).
const MIN_PLAIN_WORD_BEFORE_ANY_OPENER: usize = 5;

/// A period before a lowercase word ends a sentence when the word before it is a plain word
/// (four lowercase letters or more, no abbreviation: `co. at`, `bzw. ein`) and the word after it
/// opens sentences (`…già conclusa. i serbi…`, `…was great. i went back…`), or, after a plain
/// word of five letters or more, any word (`…sowieso. biene maja tanzt.`). A writer who starts a
/// sentence in lowercase still ends the one before with a period after a whole word.
pub(super) fn lowercase_start_ends(text: &str, i: usize, next: &Next) -> bool {
    let Some(token) = plain_word_before(text, i, 4) else {
        return false;
    };
    let letters = token.chars().count();
    let mut chars = next.word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if letters >= MIN_PLAIN_WORD_BEFORE_ANY_OPENER && next.word.chars().all(char::is_alphabetic) {
        return true;
    }
    let capitalised: String = first.to_uppercase().chain(chars).collect();
    next.is_starter_word(&capitalised)
}

/// In text written without capitals (see [`writes_in_lowercase`]), a period or exclamation
/// mark after a plain word (letters only, no abbreviation) before a lowercase word ends a
/// sentence, whatever the word's length (`oh. my bad. i must…`, `…its good! prime ribs…`): the
/// writer's sentences all open in lowercase.
pub(super) fn lowercase_text_ends(text: &str, i: usize, end: usize, next: &Next) -> bool {
    let run = &text[i..end];
    let mark = run == "." || (!run.is_empty() && run.chars().all(|c| c == '!'));
    mark && plain_word_before(text, i, 2).is_some() && next.word.chars().all(char::is_alphabetic)
}

/// The word before byte `i` when it is a plain word: `min` or more letters, all lowercase, no
/// abbreviation.
fn plain_word_before(text: &str, i: usize, min: usize) -> Option<&str> {
    let token = word_before(text, i);
    let plain = token.chars().count() >= min && token.chars().all(char::is_lowercase);
    (plain && abbreviation_kind(token).is_none()).then_some(token)
}

/// True for text whose writer does not capitalise: it holds no capital letter at all, or
/// English contractions of a lowercase `i` (`i'm`, `i've`, `i'll`, `i'd`), and has at least two
/// sentence-ending marks before a space (a single lowercase line says nothing about style).
pub(super) fn writes_in_lowercase(text: &str) -> bool {
    let two_marks = || {
        text.char_indices()
            .filter(|&(k, c)| {
                is_terminal(c) && text[k + c.len_utf8()..].starts_with(char::is_whitespace)
            })
            .nth(1)
            .is_some()
    };
    if !text.chars().any(char::is_uppercase) {
        return text.chars().any(char::is_alphabetic) && two_marks();
    }
    if !text.contains("i'") && !text.contains("i’") {
        return false;
    }
    let lower_i = |w: &str| {
        let w = w.trim_start_matches(is_opener);
        ["i'm", "i've", "i'll", "i'd", "i’m", "i’ve", "i’ll", "i’d"]
            .iter()
            .any(|c| {
                w.starts_with(c)
                    && w[c.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphabetic())
            })
    };
    text.split_whitespace().any(lower_i) && two_marks()
}

/// Decides a single period at `i` (in the sentence from `start`) followed by a space and `next`.
pub(super) fn period_ends_sentence(text: &str, start: usize, i: usize, next: &Next) -> bool {
    let token = word_before(text, i);
    if token.is_empty() {
        return true;
    }
    match abbreviation_at(text, i, token) {
        Some(AbbrKind::Inner) => return false,
        Some(AbbrKind::BeforeNumber) if next.is_number() => return false,
        Some(AbbrKind::MayEnd) => {
            let words = text[start..i].split_whitespace().count();
            return next.is_starter()
                || (next.is_capitalised()
                    && !next.after_opener
                    && !next.is_acronym()
                    && words >= MIN_WORDS_ENDING_IN_ABBREVIATION);
        }
        _ => {}
    }
    let mut chars = token.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            // an initial ("J. K. Rowling", "Albert I. Jones"), unless a lowercase word comes
            // before and a sentence opener after ("you and I. Did you")
            let (prev, _) = neighbours(text, i - token.len(), i + 1);
            let after_lowercase = prev.chars().next().is_some_and(char::is_lowercase)
                && !prev.ends_with(|c: char| is_terminal(c) || c == ':');
            return after_lowercase && next.is_starter();
        }
    }
    if is_dotted_acronym(token) {
        return next.is_starter();
    }
    if spaced_acronym_continues(token, text, i) {
        return false; // "EE. UU."
    }
    if token.chars().count() <= 2
        && token.chars().all(|c| c.is_ascii_digit())
        && (is_month(next.word)
            || next_is_range(text, i)
            || after_ordinal(text, i, token)
            || after_ordinal_word(text, i, token))
    {
        return false; // "am 16. Februar", "dem 1. -3. Jahrhundert"
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

/// Two capitals before the period and the next token two capitals and a period ("EE. UU.").
fn spaced_acronym_continues(token: &str, text: &str, i: usize) -> bool {
    let short_caps = |w: &str| {
        let n = w.chars().count();
        (1..=2).contains(&n) && w.chars().all(char::is_uppercase)
    };
    let (_, next) = neighbours(text, i - token.len(), i + 1);
    let n = next.trim_end_matches('.');
    short_caps(token) && n.len() < next.len() && short_caps(n)
}

/// The token before this number is an ordinal too ("1. -3.", "2. und 3."): ordinals in a row.
fn after_ordinal(text: &str, i: usize, token: &str) -> bool {
    let token_start = text[..i - token.len()].trim_end_matches(is_opener).len();
    let (prev, _) = neighbours(text, token_start, i + 1);
    let number = prev.trim_end_matches(',');
    number
        .strip_suffix('.')
        .is_some_and(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The word before this number takes an ordinal ("im 19. Jahrhundert", "die 2. Liga").
fn after_ordinal_word(text: &str, i: usize, token: &str) -> bool {
    let (prev, _) = neighbours(text, i - token.len(), i + 1);
    is_ordinal_word(prev)
}

/// The next token is the second half of a range ("1. -3.", "5.–7.").
fn next_is_range(text: &str, i: usize) -> bool {
    let after = text[i + 1..].trim_start();
    let mut chars = after.chars();
    chars.next().is_some_and(|c| "-–".contains(c))
        && chars.next().is_some_and(|c| c.is_ascii_digit())
}
