//! Multilingual sentence boundaries: terminal punctuation, abbreviations (some of which may end a
//! sentence), initials, dotted acronyms, ordinal dates, ellipses, citation marks, list items, CJK
//! full stops, and quotes that must stay whole. No rule depends on the text's language: the
//! tables in `data/` hold every language's words at once.

use std::ops::Range;

use super::informal::{
    dialogue_dash_follows, salutation_end, semicolon_end, smiley_end, spaced_closing_quote_len,
    OpenQuotes,
};
use super::lists::list_items;
use super::periods::{
    after_last_space, lowercase_start_ends, lowercase_text_ends, period_ends_sentence,
    writes_in_lowercase,
};
use super::punctuation::{emoticon_len, end_of_punctuation, spaced_ellipsis};
use super::tables::{abbreviation_kind, is_sentence_starter, is_speech_verb};

/// Characters that can end a sentence.
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‽' | '。' | '！' | '？' | '｡' | '．' | '؟' | '।' | '۔' | '።'
    )
}

/// A terminal mark other than the period, which always ends what it closes.
fn is_terminal_not_period(c: char) -> bool {
    c != '.' && is_terminal(c)
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
pub(super) fn is_opener(c: char) -> bool {
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

/// Sentence ranges in `text` (trimmed of surrounding whitespace, in order, non-overlapping).
///
/// No boundary is placed strictly inside a `protected` range (an inline quote), only at its end.
/// A sentence holds at least one letter: a list marker or a number alone never ends one.
pub fn split_sentences(text: &str, protected: &[Range<usize>]) -> Vec<Range<usize>> {
    let items = list_items(text);
    let (brackets, unmatched) = bracket_spans(text);
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
    let mut quotes = OpenQuotes::default();
    // decided only when a terminal mark stands before a lowercase word (most texts never ask)
    let lowercase = std::cell::OnceCell::new();
    for (i, c) in text.char_indices() {
        quotes.see(c);
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
        let informal = match c {
            ':' => closing_emoticon(text, i, c),
            ';' => closing_emoticon(text, i, c).or_else(|| semicolon_end(text, i)),
            ')' => smiley_end(text, i, |k| unmatched.binary_search(&k).is_ok()),
            ',' => salutation_end(text, start, i),
            _ => None,
        };
        if let Some(end) = informal {
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
        if let Some(cut) = boundary(text, start, i, end, &quotes, &lowercase) {
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
/// inside one ("(ad es. RAM, CPU)", "[16: firma? 13:28]"). Also the offsets of closing
/// parentheses that have no opener, in order.
fn bracket_spans(text: &str) -> (Vec<Range<usize>>, Vec<usize>) {
    let mut out = Vec::new();
    let mut unmatched = Vec::new();
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
                } else if c == ')' {
                    unmatched.push(i);
                }
            }
            _ => {}
        }
    }
    (out, unmatched)
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

/// An emoticon that closes a sentence, after its punctuation or in its place (`Danke Rosemarie!
/// :-) Dann`, `wie immer :) Also`): a word of its own followed by the end of the text or a
/// capitalised word. Its end.
fn closing_emoticon(text: &str, i: usize, c: char) -> Option<usize> {
    if !matches!(c, ':' | ';') || !text[..i].ends_with(char::is_whitespace) {
        return None;
    }
    let end = i + emoticon_len(&text[i..]);
    let rest = &text[end..];
    let opens = rest.trim_start().is_empty()
        || (rest.starts_with(char::is_whitespace) && Next::after(rest).is_capitalised());
    (end > i && opens).then_some(end)
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
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
pub(super) struct Next<'a> {
    /// The word (letters and digits), empty when none follows.
    pub(super) word: &'a str,
    /// Opening quotes, brackets or dashes stand before the word.
    pub(super) after_opener: bool,
    /// The word is followed by a period and is one letter long (an initial, "K.").
    initial: bool,
    /// The first character after the whitespace, when it can open a sentence though it is no
    /// letter, digit or opening mark ("$", "#").
    other: Option<char>,
}

impl<'a> Next<'a> {
    fn after(rest: &'a str) -> Next<'a> {
        let trimmed = rest.trim_start();
        let body = trimmed.trim_start_matches(|c: char| is_opener(c) || c.is_whitespace());
        let after_opener = body.len() < trimmed.len();
        let word = leading_word(body);
        let word_len = word.len();
        let initial = word.chars().count() == 1 && body[word_len..].starts_with('.');
        let other = trimmed.chars().next().filter(|&c| can_open_sentence(c));
        Next {
            word,
            after_opener,
            initial,
            other,
        }
    }

    pub(super) fn first(&self) -> Option<char> {
        self.word.chars().next()
    }

    pub(super) fn is_number(&self) -> bool {
        self.first().is_some_and(char::is_numeric)
    }

    pub(super) fn is_capitalised(&self) -> bool {
        self.first().is_some_and(char::is_uppercase)
    }

    /// Two or more capitals ("KG", "CPU"): a name, not a sentence opener.
    pub(super) fn is_acronym(&self) -> bool {
        self.word.chars().count() > 1 && self.word.chars().all(char::is_uppercase)
    }

    /// A word that opens sentences and is not itself an initial.
    pub(super) fn is_starter(&self) -> bool {
        self.is_starter_word(self.word)
    }

    /// Whether `form` (this word, in some case) opens sentences, this word being no initial.
    pub(super) fn is_starter_word(&self, form: &str) -> bool {
        !self.initial && is_sentence_starter(form)
    }
}

/// The letters and digits at the start of `s`.
pub(super) fn leading_word(s: &str) -> &str {
    let len = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(k, _)| k);
    &s[..len]
}

/// Whether a web address follows after spaces (`… give them a call. http://www.example.com`): it
/// opens a sentence, as a list of links does, whatever its case.
fn web_address_follows(rest: &str) -> bool {
    let next = rest.trim_start();
    rest.starts_with(char::is_whitespace)
        && ["http://", "https://", "www."].iter().any(|p| {
            next.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        })
}

/// A question mark (or a run of them) between spaces before a lowercase word ends a sentence
/// (`…for Red FM 93.5 delhi ? any format url ?`, `…a gift...?? i always thought…`): informal
/// writers drop the capital, and inside a sentence a question mark stands before a dash
/// (`if I may say so? -- a bit`), not before a word. After a digit it is a character lost to a
/// wrong encoding (`300?` for `300€`) and ends nothing; `!` is left alone (`Yahoo! in the`).
fn question_before_lowercase(text: &str, i: usize, end: usize, rest: &str, next: &Next) -> bool {
    let run = &text[i..end];
    let questions = run.ends_with('?') && run.chars().all(|c| matches!(c, '?' | '.' | '…'));
    let after_digit = text[..i].ends_with(|c: char| c.is_ascii_digit());
    let word = rest.trim_start();
    let dash = word.starts_with(['-', '–', '—']);
    questions && !after_digit && !dash && next.word.chars().all(char::is_alphabetic)
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
/// `lowercase`: whether the text is written without capitals (see [`writes_in_lowercase`]),
/// decided on first need.
fn boundary(
    text: &str,
    start: usize,
    i: usize,
    end: usize,
    quotes: &OpenQuotes,
    lowercase: &std::cell::OnceCell<bool>,
) -> Option<usize> {
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
    let closing = spaced_closing_quote_len(quotes, rest);
    if closing > 0 {
        return Some(end + closing);
    }
    if dialogue_dash_follows(rest) || web_address_follows(rest) {
        // "D.C. - Colombia", "p. http://…": after a period, only where the period itself ends a
        // sentence
        let dotted = first == '.' && !text[i..end].starts_with("..");
        return (!dotted || period_ends_sentence(text, start, i, &Next::after(rest)))
            .then_some(end);
    }
    let after = rest.chars().next()?;
    if !after.is_whitespace() {
        // "U.S.-Russian", "3.5", "example.com", "?!"; but "world.Today" ends a sentence
        return no_space_boundary(text, i, end).then_some(end);
    }
    if next.first().is_some_and(char::is_lowercase) {
        let period = first == '.' && end == i + 1;
        if question_before_lowercase(text, i, end, rest, &next)
            || (lowercase_text_ends(text, i, end, &next)
                && *lowercase.get_or_init(|| writes_in_lowercase(text)))
        {
            return Some(end);
        }
        return (period && lowercase_start_ends(text, i, &next)).then_some(end);
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
    // "Get off!" Rogozin said ...; but a capitalised word that opens sentences opens one here
    // ("…who I am!" As she said this, …)
    if closed_quote && first != '.' && !next.is_starter() && attribution_follows(rest) {
        return None;
    }
    // a terminal mark after a closing bracket or quote ("d. C.).", "?».") ends the sentence
    // whatever came before the first one
    let closes_then_ends = run
        .char_indices()
        .any(|(k, c)| is_closer(c) && run[k..].chars().any(is_terminal));
    // "кв. м.!": a period that another terminal mark follows ends the sentence, whatever it closes
    let marked_again = run.chars().skip(1).any(is_terminal_not_period);
    if run.starts_with('.') && !run.starts_with("..") && !closes_then_ends && !marked_again {
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
    if abbreviation_kind(head).is_some() {
        return false; // "ім.Стефаника", "ul.Marszałkowska"
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
    if rest.trim_start().starts_with(['"', '“', '«', '„']) {
        return false; // the verb attributes the quotation that opens here
    }
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

#[cfg(test)]
mod tests;
