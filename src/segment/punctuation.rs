//! Punctuation runs that may end a sentence: terminal marks with the closing quotes and
//! brackets after them, spaced ellipses, citation marks and footnote numbers.

use super::sentences::{is_closer, is_terminal};

/// The end of the punctuation run starting at `i`: terminal marks, the closers after them (and
/// terminal marks after those, `?».`), a spaced ellipsis (`. . .`), citation marks (`.[1][2]`)
/// and footnote numbers (`consultation.11 12`).
pub(super) fn end_of_punctuation(text: &str, i: usize) -> usize {
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
pub(super) fn spaced_ellipsis(text: &str, i: usize) -> Option<(usize, usize)> {
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

/// The length of an emoticon at the start of `s` (`:)`, `:-)`, `;-(`, `:D`, `:'(`, `:)))`), 0 when
/// none is there: eyes, an optional nose, and a mouth, repeated for `)` and `(`.
pub(super) fn emoticon_len(s: &str) -> usize {
    let b = s.as_bytes();
    if !matches!(b.first(), Some(b':' | b';')) {
        return 0;
    }
    let mut k = 1;
    if matches!(b.get(k), Some(b'-' | b'\'' | b'^')) {
        k += 1;
    }
    match b.get(k) {
        Some(&m @ (b')' | b'(')) => k + b[k..].iter().take_while(|&&c| c == m).count(),
        Some(b'D' | b'P' | b'p' | b'O' | b'o' | b'/' | b'|') => k + 1,
        _ => 0,
    }
}
