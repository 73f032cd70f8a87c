//! Multilingual sentence boundaries: terminal punctuation, abbreviations (some of which may end a
//! sentence), initials, dotted acronyms, ordinal dates, ellipses, citation marks, list items, CJK
//! full stops, and quotes that must stay whole. No rule depends on the text's language: the
//! tables in `data/` hold every language's words at once.

use std::ops::Range;

use super::lists::list_items;
use super::tables::{
    abbreviation_kind, is_month, is_ordinal_word, is_sentence_starter, is_speech_verb, AbbrKind,
};

/// Characters that can end a sentence.
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‽' | '。' | '！' | '？' | '｡' | '．' | '؟' | '।' | '۔' | '።'
    )
}

/// Full stops of scripts written without spaces: a boundary needs no following space.
fn is_unspaced_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '．')
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
            | '`'
    )
}

/// A sentence that ends in an abbreviation that may end one ("Co.", "p.m.") before a capitalised
/// word that is no typical sentence opener needs this many words; shorter ones are a fronted
/// phrase ("At 5 a.m. Mr. Smith went").
const MIN_WORDS_ENDING_IN_ABBREVIATION: usize = 4;

/// Sentence ranges in `text` (trimmed of surrounding whitespace, in order, non-overlapping).
///
/// No boundary is placed strictly inside a `protected` range (an inline quote), only at its end.
/// A sentence holds at least one letter: a list marker or a number alone never ends one.
pub fn split_sentences(text: &str, protected: &[Range<usize>]) -> Vec<Range<usize>> {
    let items = list_items(text);
    let brackets = bracket_spans(text);
    let inside = |a: usize, b: usize| {
        protected
            .iter()
            .chain(&brackets)
            .any(|r| r.start < a && b < r.end)
    };
    let mut forced = items.starts.iter().copied().peekable();
    let mut out = Vec::new();
    let mut start = 0;
    let mut skip_until = 0;
    for (i, c) in text.char_indices() {
        while let Some(f) = forced.next_if(|&f| f <= i) {
            if f > start && !inside(f, f) && has_letter(&text[start..f]) {
                push_trimmed(&mut out, text, start..f);
                start = f;
            }
        }
        if i < skip_until {
            continue;
        }
        if let Some(end) = interrupted_speech(text, i, c) {
            skip_until = end;
            if !inside(i, end) && has_letter(&text[start..end]) {
                push_trimmed(&mut out, text, start..end);
                start = end;
            }
            continue;
        }
        if !is_terminal(c) || items.in_marker(i) {
            continue;
        }
        let end = end_of_punctuation(text, i);
        skip_until = end;
        if inside(i, end) {
            continue;
        }
        if let Some(cut) = boundary(text, start, i, end) {
            if has_letter(&text[start..cut]) {
                push_trimmed(&mut out, text, start..cut);
                start = cut;
            }
        }
    }
    push_trimmed(&mut out, text, start..text.len());
    out
}

/// The outermost closed parentheses and square brackets of `text`: a sentence does not end
/// inside one ("(ad es. RAM, CPU)", "[16: firma? 13:28]").
fn bracket_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => stack.push((c, i)),
            ')' | ']' => {
                let open = if c == ')' { '(' } else { '[' };
                if let Some(depth) = stack.iter().rposition(|&(o, _)| o == open) {
                    if depth == 0 {
                        out.push(stack[0].1..i + 1);
                    }
                    stack.truncate(depth);
                }
            }
            _ => {}
        }
    }
    out
}

/// Speech broken off by a dash before its closing quote, a new sentence after it
/// (`afore she comes, to--" At this moment`): the end of the quote.
fn interrupted_speech(text: &str, i: usize, c: char) -> Option<usize> {
    if !matches!(c, '-' | '—' | '–') || !text[..i].ends_with(|p: char| !p.is_whitespace()) {
        return None;
    }
    let dashes = text[i..]
        .chars()
        .take_while(|&d| matches!(d, '-' | '—' | '–'))
        .map(char::len_utf8)
        .sum::<usize>();
    let quotes = text[i + dashes..]
        .chars()
        .take_while(|&q| matches!(q, '"' | '”' | '’' | '\'' | '»'))
        .map(char::len_utf8)
        .sum::<usize>();
    let end = i + dashes + quotes;
    let rest = &text[end..];
    let opens =
        rest.starts_with(char::is_whitespace) && rest.trim_start().starts_with(char::is_uppercase);
    (quotes > 0 && opens).then_some(end)
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// The end of the punctuation run starting at `i`: terminal marks, the closers after them (and
/// terminal marks after those, `?».`), a spaced ellipsis (`. . .`), citation marks (`.[1][2]`)
/// and footnote numbers (`consultation.11 12`).
fn end_of_punctuation(text: &str, i: usize) -> usize {
    if let Some((end, _)) = spaced_ellipsis(text, i) {
        return end + closers_len(&text[end..]);
    }
    let mut end = i;
    loop {
        let terminals = text[end..]
            .chars()
            .take_while(|&c| is_terminal(c))
            .map(char::len_utf8)
            .sum::<usize>();
        let closers = closers_len(&text[end + terminals..]);
        end += terminals + closers;
        if terminals + closers == 0 || closers == 0 {
            break;
        }
    }
    end += citations_len(&text[end..]);
    end += spaced_citations_len(&text[end..]);
    if end == i + 1 && text[i..].starts_with('.') && footnote_may_follow(text, i) {
        end += footnote_len(&text[end..]);
    }
    end
}

fn closers_len(s: &str) -> usize {
    s.chars()
        .take_while(|&c| is_closer(c))
        .map(char::len_utf8)
        .sum()
}

/// `. . .` or `. . . .` starting at `i`: its end and number of dots (at least three).
fn spaced_ellipsis(text: &str, i: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    if bytes.get(i) != Some(&b'.') {
        return None;
    }
    let (mut end, mut dots) = (i + 1, 1);
    while bytes.get(end) == Some(&b' ') && bytes.get(end + 1) == Some(&b'.') {
        end += 2;
        dots += 1;
    }
    (dots >= 3).then_some((end, dots))
}

/// Citation marks after the sentence's end and a space (`research. [1 - 3] Sociologists`,
/// `in 1883. [2]`): they belong to the sentence they follow when a new one opens after them.
fn spaced_citations_len(s: &str) -> usize {
    let gap = s.len() - s.trim_start_matches(' ').len();
    if gap == 0 || gap > 1 {
        return 0;
    }
    let len = citations_len(&s[gap..]);
    let after = &s[gap + len..];
    let opens = after.is_empty()
        || (after.starts_with(char::is_whitespace)
            && !after.trim_start().starts_with(char::is_lowercase));
    if len > 0 && opens {
        gap + len
    } else {
        0
    }
}

/// Citation marks right after the punctuation: `[1]`, `[7][8]`, `[2–11]`, `[1 - 3]`.
fn citations_len(s: &str) -> usize {
    let mut len = 0;
    while s[len..].starts_with('[') {
        let inner = s[len + 1..]
            .chars()
            .take_while(|&c| c.is_ascii_digit() || ",–- ".contains(c))
            .map(char::len_utf8)
            .sum::<usize>();
        if inner == 0 || !s[len + 1 + inner..].starts_with(']') {
            break;
        }
        len += inner + 2;
    }
    len
}

/// A footnote number may follow a period that ends a word or a parenthesis (`cold.11`,
/// `(1987).1`), never one inside a number (`3.5`).
fn footnote_may_follow(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() || c == ')')
}

/// Footnote numbers (`11 12`) up to the space before a word that is not lowercase; 0 otherwise.
fn footnote_len(s: &str) -> usize {
    let mut len = 0;
    loop {
        let digits = s[len..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return 0;
        }
        len += digits;
        let rest = &s[len..];
        if rest.is_empty() {
            return len;
        }
        if !rest.starts_with(' ') {
            return 0;
        }
        let after = &rest[1..];
        if after.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            len += 1;
            continue;
        }
        return if after.chars().next().is_some_and(char::is_lowercase) {
            0
        } else {
            len
        };
    }
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

/// What follows a punctuation run: the first word after whitespace and opening punctuation.
struct Next<'a> {
    /// The word (letters and digits), empty when none follows.
    word: &'a str,
    /// Opening quotes, brackets or dashes stand before the word.
    after_opener: bool,
    /// The word is followed by a period and is one letter long (an initial, "K.").
    initial: bool,
    /// The first character after the whitespace, when it neither opens nor is alphanumeric.
    other: Option<char>,
}

impl<'a> Next<'a> {
    fn after(rest: &'a str) -> Next<'a> {
        let trimmed = rest.trim_start();
        let body = trimmed.trim_start_matches(|c: char| is_opener(c) || c.is_whitespace());
        let after_opener = body.len() < trimmed.len();
        let word_len = body
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(body.len(), |(k, _)| k);
        let word = &body[..word_len];
        let initial = word.chars().count() == 1 && body[word_len..].starts_with('.');
        let other = trimmed.chars().next().filter(|&c| can_open_sentence(c));
        Next {
            word,
            after_opener,
            initial,
            other,
        }
    }

    fn first(&self) -> Option<char> {
        self.word.chars().next()
    }

    fn is_number(&self) -> bool {
        self.first().is_some_and(char::is_numeric)
    }

    fn is_capitalised(&self) -> bool {
        self.first().is_some_and(char::is_uppercase)
    }

    /// Two or more capitals ("KG", "CPU"): a name, not a sentence opener.
    fn is_acronym(&self) -> bool {
        self.word.chars().count() > 1 && self.word.chars().all(char::is_uppercase)
    }

    /// A word that opens sentences and is not itself an initial.
    fn is_starter(&self) -> bool {
        !self.initial && is_sentence_starter(self.word)
    }
}

/// Symbols that may open a sentence though they are no letter, digit or opening mark.
fn can_open_sentence(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₽' | '₴' | '#' | '@' | '§' | '*' | '+' | '&'
    )
}

/// A closing quote followed by a parenthesis that cites or comments on the quotation: one that
/// a period closes (`…" (Smith 55).`) or one that ends the paragraph (`…!' (Which was true.)`).
fn closes_before_citation(text: &str, i: usize, end: usize) -> bool {
    let quoted = text[i..end]
        .chars()
        .any(|c| is_closer(c) && c != ')' && c != ']');
    let rest = text[end..].trim_start();
    if !quoted || !rest.starts_with('(') {
        return false;
    }
    let Some(close) = rest.find(')') else {
        return false;
    };
    let inside = &rest[1..close];
    let after = &rest[close + 1..];
    let ends_paragraph = after.trim_start_matches(is_terminal).trim().is_empty();
    ends_paragraph || (!inside.chars().any(is_terminal) && after.starts_with(is_terminal))
}

/// Where the sentence holding the punctuation run `i..end` ends, if it ends there.
fn boundary(text: &str, start: usize, i: usize, end: usize) -> Option<usize> {
    let first = text[i..].chars().next()?;
    if is_unspaced_terminal(first) {
        return Some(end);
    }
    let rest = &text[end..];
    if rest.trim_start().is_empty() {
        return Some(end);
    }
    let next = Next::after(rest);
    if let Some((_, dots)) = spaced_ellipsis(text, i) {
        return spaced_ellipsis_boundary(text, start, i, end, dots, &next);
    }
    let after = rest.chars().next()?;
    if !after.is_whitespace() {
        // "U.S.-Russian", "3.5", "example.com", "?!"; but "world.Today" ends a sentence
        return no_space_boundary(text, i, end).then_some(end);
    }
    if next.first().is_some_and(char::is_lowercase) {
        return None;
    }
    if next.other.is_some() {
        return Some(end); // "$5", "@user", "#tag"
    }
    if next.word.is_empty() || next.first().is_some_and(|c| !c.is_alphanumeric()) {
        return None; // "/ [...]", ", —": no sentence opens with them
    }
    if closes_before_citation(text, i, end) {
        return None; // "… [...]" (Smith 55).
    }
    let run = &text[i..end];
    let closed_quote = run.chars().any(|c| is_closer(c) && c != ')' && c != ']');
    if closed_quote && first != '.' && attribution_follows(rest) {
        return None; // "Get off!" Rogozin said ...
    }
    // a terminal mark after a closing bracket or quote ("d. C.).", "?».") ends the sentence
    // whatever came before the first one
    let closes_then_ends = run
        .char_indices()
        .any(|(k, c)| is_closer(c) && run[k..].chars().any(is_terminal));
    if run.starts_with('.') && !run.starts_with("..") && !closes_then_ends {
        return period_ends_sentence(text, start, i, &next).then_some(end);
    }
    Some(end)
}

/// `. . .` ends nothing; `. . . .` (an ellipsis and a period) ends a sentence before a new one; a
/// period on a word before the dots (`compounds. . . . The`) ends the sentence there, and the
/// dots open the next.
fn spaced_ellipsis_boundary(
    text: &str,
    start: usize,
    i: usize,
    end: usize,
    dots: usize,
    next: &Next,
) -> Option<usize> {
    let attached = text[..i]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    let opens = next.first().is_some_and(|c| !c.is_lowercase());
    if attached {
        (opens && period_ends_sentence(text, start, i, next)).then_some(i + 1)
    } else {
        (dots >= 4 && opens).then_some(end)
    }
}

/// A period with no space after it ends a sentence between a word and a capitalised word
/// ("world.Today", "1,000.That"), but not inside an address ("www.testurl.Awesome.com",
/// "Jane.Doe@example.com", "U.S.A").
fn no_space_boundary(text: &str, i: usize, end: usize) -> bool {
    if end != i + 1 || !text[i..].starts_with('.') {
        return false;
    }
    let token_start = after_last_space(&text[..i]);
    let head = &text[token_start..i];
    // a word, or a number of three digits or more ("1,000.That"; "1.Helado" enumerates)
    let digits = head.chars().filter(char::is_ascii_digit).count();
    let before_ok = head
        .chars()
        .next_back()
        .is_some_and(|c| c.is_lowercase() || (c.is_ascii_digit() && digits >= 3));
    let mut after = text[end..].chars();
    let after_ok = after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase);
    if !before_ok || !after_ok {
        return false;
    }
    let token_end = text[end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |p| end + p);
    let tail = &text[end..token_end];
    let address = head.contains('@')
        || head.contains("://")
        || head.starts_with("www.")
        || tail.contains('@')
        || tail
            .char_indices()
            .any(|(k, c)| c == '.' && tail[k + 1..].starts_with(char::is_alphanumeric));
    !address
}

/// True when one of the next four words (before the next sentence end) is a verb of saying that
/// attributes what came before ("said"), not one that opens a new quotation ("say:").
fn attribution_follows(rest: &str) -> bool {
    for word in rest.split_whitespace().take(4) {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if is_speech_verb(bare) {
            return !word.ends_with(':');
        }
        if word.chars().any(is_terminal) {
            break;
        }
    }
    false
}

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
fn after_last_space(s: &str) -> usize {
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

/// Decides a single period at `i` (in the sentence from `start`) followed by a space and `next`.
fn period_ends_sentence(text: &str, start: usize, i: usize, next: &Next) -> bool {
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
    #[test]
    fn an_abbreviation_that_may_end_a_sentence_ends_one_before_an_opener() {
        assert_eq!(
            split("They closed the deal with Pitt, Briggs & Co. It closed yesterday."),
            [
                "They closed the deal with Pitt, Briggs & Co.",
                "It closed yesterday."
            ]
        );
        assert_eq!(
            split("They closed the deal with Pitt, Briggs & Co. at noon."),
            ["They closed the deal with Pitt, Briggs & Co. at noon."]
        );
        assert_eq!(
            split("The GmbH & Co. KG is a partnership."),
            ["The GmbH & Co. KG is a partnership."]
        );
    }

    #[test]
    fn a_short_fronted_phrase_ending_in_an_abbreviation_is_no_sentence() {
        assert_eq!(
            split("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went home."),
            [
                "At 5 a.m. Mr. Smith went to the bank.",
                "He left the bank at 6 P.M.",
                "Mr. Smith then went home."
            ]
        );
    }

    #[test]
    fn spaced_abbreviations_and_abbreviations_before_numbers_hold() {
        assert_eq!(
            split("Es gibt z. B. Wasser u. Ä. für alle. Er ist no. 5 und zahlt Rs. 3520."),
            [
                "Es gibt z. B. Wasser u. Ä. für alle.",
                "Er ist no. 5 und zahlt Rs. 3520."
            ]
        );
        assert_eq!(
            split("la constitución de los EE. UU. Gracias."),
            ["la constitución de los EE. UU.", "Gracias."]
        );
    }

    #[test]
    fn the_pronoun_i_ends_a_sentence_but_an_initial_does_not() {
        assert_eq!(
            split("We make a good team, you and I. Did you see Albert I. Jones yesterday?"),
            [
                "We make a good team, you and I.",
                "Did you see Albert I. Jones yesterday?"
            ]
        );
    }

    #[test]
    fn spaced_ellipses_end_a_sentence_only_with_a_fourth_dot() {
        assert_eq!(
            split("the thing is . . . I didn't mean it. End with a period . . . . Next one."),
            [
                "the thing is . . . I didn't mean it.",
                "End with a period . . . .",
                "Next one."
            ]
        );
        assert_eq!(
            split("into compounds. . . . The practice was not abandoned. . . ."),
            [
                "into compounds.",
                ". . . The practice was not abandoned. . . ."
            ]
        );
    }

    #[test]
    fn citation_marks_and_footnotes_stay_with_their_sentence() {
        assert_eq!(
            split(
                "He is a martyr.[1] The emperor left. It is a gap in a consultation.11 12 Take it."
            ),
            [
                "He is a martyr.[1]",
                "The emperor left.",
                "It is a gap in a consultation.11 12",
                "Take it."
            ]
        );
    }

    #[test]
    fn a_citation_after_the_space_stays_with_the_sentence_it_follows() {
        assert_eq!(
            split("It is the focus of much research. [1 - 3] Sociologists explored it. [4]"),
            [
                "It is the focus of much research. [1 - 3]",
                "Sociologists explored it. [4]"
            ]
        );
    }

    #[test]
    fn a_missing_space_still_ends_a_sentence_but_not_in_an_address() {
        assert_eq!(
            split("Hello world.Today is Tuesday. Visit www.testurl.Awesome.com now."),
            [
                "Hello world.",
                "Today is Tuesday.",
                "Visit www.testurl.Awesome.com now."
            ]
        );
    }

    #[test]
    fn list_items_are_sentences_and_their_markers_end_nothing() {
        assert_eq!(
            split("1.) The first item 2.) The second item"),
            ["1.) The first item", "2.) The second item"]
        );
        assert_eq!(
            split("1. This is a list item."),
            ["1. This is a list item."]
        );
    }

    #[test]
    fn brackets_and_dashes_keep_a_sentence_whole() {
        assert_eq!(
            split("Le parti (ad es. RAM, CPU) sono HW. Mix it, and -- voila! -- you have cake."),
            [
                "Le parti (ad es. RAM, CPU) sono HW.",
                "Mix it, and -- voila! -- you have cake."
            ]
        );
    }

    #[test]
    fn german_ordinals_after_articles_hold() {
        assert_eq!(
            split("Im 19. Jahrhundert wuchs die Stadt. Sie steht auf Seite 12. Dort lesen Sie."),
            [
                "Im 19. Jahrhundert wuchs die Stadt.",
                "Sie steht auf Seite 12.",
                "Dort lesen Sie."
            ]
        );
    }

    #[test]
    fn interrupted_speech_ends_at_its_closing_quote() {
        assert_eq!(
            split("\"we're doing our best, to--\" At this moment, Five called out."),
            [
                "\"we're doing our best, to--\"",
                "At this moment, Five called out."
            ]
        );
    }

    #[test]
    fn full_width_stops_end_sentences_without_spaces() {
        assert_eq!(
            split("Test strange period．Does it segment correctly．"),
            ["Test strange period．", "Does it segment correctly．"]
        );
    }
}
