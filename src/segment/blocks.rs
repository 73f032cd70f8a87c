//! Blocks of text: lines, with the lines of a hard-wrapped paragraph joined.

use std::ops::Range;

use super::lists::starts_with_item;
use super::sentences::{is_closer, is_terminal, push_trimmed};

/// Lines shorter than this end a block even without terminal punctuation (headings, furniture,
/// list lines), unless a soft break or a lowercase continuation shows they are wrapped.
const SOFT_WRAP_MIN_CHARS: usize = 50;
/// Lines longer than this are paragraphs written on one line, not lines wrapped at a width.
const HARD_WRAP_MAX_CHARS: usize = 120;
/// How many lowercase lines a wrapped sentence may run on before its end is looked for no more.
const CONTINUATION_MAX_LINES: usize = 8;

/// Blocks of text: lines, with hard-wrapped runs joined; trimmed, never empty.
pub(crate) fn blocks(text: &str) -> Vec<Range<usize>> {
    let lines = line_ranges(text);
    let raw = |k: usize| {
        lines.get(k).map_or("", |r: &Range<usize>| {
            text[r.clone()].trim_end_matches(['\n', '\r'])
        })
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (k, line) in lines.iter().enumerate() {
        if raw(k).trim().is_empty() {
            if let Some(s) = start.take() {
                push_trimmed(&mut out, text, s..line.start);
            }
            continue;
        }
        if let Some(title) = contents_entry(raw(k)) {
            // a table-of-contents line is a block of its own: its title
            if let Some(s) = start.take() {
                push_trimmed(&mut out, text, s..line.start);
            }
            push_trimmed(&mut out, text, line.start..line.start + title);
            continue;
        }
        let s = *start.get_or_insert(line.start);
        if !joins_next(&raw, k) {
            push_trimmed(&mut out, text, s..line.end);
            start = None;
        }
    }
    if let Some(s) = start {
        push_trimmed(&mut out, text, s..text.len());
    }
    // page numbers, rules and separators ("3", "_____", "* * *") hold no sentence
    out.retain(|b| text[b.clone()].chars().any(char::is_alphabetic));
    out
}

/// A table-of-contents line ("About Me........5", "Chapter 2 ...... 16-17"): the length of its
/// title, before the dot leader and the page number.
fn contents_entry(line: &str) -> Option<usize> {
    let page = line
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit() || "-–ivxlcIVXLC".contains(c));
    if page.len() == line.trim_end().len() {
        return None;
    }
    let leader = page.trim_end().trim_end_matches('.');
    let dots = page.trim_end().len() - leader.len();
    (dots >= 4 && leader.chars().any(char::is_alphabetic)).then(|| leader.trim_end().len())
}

/// The lines of `text` with their line ends: after `\n`, and after a `\r` that no `\n` follows
/// (classic Mac OS line ends).
fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for (k, &b) in bytes.iter().enumerate() {
        let ends = b == b'\n' || (b == b'\r' && bytes.get(k + 1) != Some(&b'\n'));
        if ends {
            out.push(start..k + 1);
            start = k + 1;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Whether line `k` is wrapped, its paragraph going on in line `k + 1`: it does not end a sentence,
/// the next line opens no list item, and either the next line's first word would not have fitted
/// on this long line (greedy wrapping), or this line ends in a soft break (a space before the
/// newline, as format=flowed text writes it) before a lowercase line, or lowercase lines
/// continue it up to a sentence end ("This is a sentence\ncut off in the middle.").
fn joins_next<'a>(raw: &impl Fn(usize) -> &'a str, k: usize) -> bool {
    let line = raw(k);
    let content = line.trim();
    let next = raw(k + 1).trim();
    if next.is_empty() || ends_sentence(content) || starts_with_item(next) {
        return false;
    }
    let len = content.chars().count();
    // A long line ending with a closing quotation mark is a quoted headline or slogan (quotes
    // without final punctuation), not a wrapped one.
    let closes_quote = content.ends_with(['”', '»', '"', '」', '』']);
    if !closes_quote && (SOFT_WRAP_MIN_CHARS..=HARD_WRAP_MAX_CHARS).contains(&len) {
        let first_word = next
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        if len + 1 + first_word > next.chars().count() {
            return true;
        }
    }
    if !next.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    if line.ends_with([' ', '\t']) {
        return true;
    }
    for j in k + 1..k + 1 + CONTINUATION_MAX_LINES {
        let l = raw(j).trim();
        if l.is_empty() || !l.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        if ends_sentence(l) {
            return true;
        }
    }
    false
}

/// True when the text ends with sentence-final punctuation (closing quotes allowed after it).
pub(crate) fn ends_sentence(text: &str) -> bool {
    let bare = text.trim_end().trim_end_matches(is_closer);
    bare.chars().next_back().is_some_and(is_terminal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        blocks(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_soft_break_before_a_lowercase_line_joins_the_lines() {
        assert_eq!(
            texts("It was a cold \nnight in the city."),
            ["It was a cold \nnight in the city."]
        );
    }

    #[test]
    fn lowercase_lines_that_end_a_sentence_continue_it() {
        assert_eq!(
            texts("This is a sentence\ncut off in the middle because pdf."),
            ["This is a sentence\ncut off in the middle because pdf."]
        );
    }

    #[test]
    fn short_lines_without_an_end_stay_apart() {
        assert_eq!(
            texts("features\ncontact manager\nevents, activities\n"),
            ["features", "contact manager", "events, activities"]
        );
    }

    #[test]
    fn a_line_whose_next_line_is_longer_was_not_wrapped() {
        let t = "(6 3/4\" Engraved Crystal Trophy - Picture Coming Soon)\nThe Putter King team will judge the scavenger hunt and all decisions will be final here.";
        assert_eq!(texts(t).len(), 2);
    }

    #[test]
    fn a_contents_line_is_its_title() {
        assert_eq!(
            texts("  About Me..........5\n  Chapter 2 ....... 16-17\n"),
            ["About Me", "Chapter 2"]
        );
    }

    #[test]
    fn lines_without_a_letter_are_no_block() {
        assert_eq!(texts("\n3\n\nIntroduction\n\n_____\n"), ["Introduction"]);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        assert_eq!(
            texts("One line\rAnother\r\nThird"),
            ["One line", "Another", "Third"]
        );
    }

    #[test]
    fn list_items_on_their_own_lines_stay_apart() {
        assert_eq!(
            texts("• 9. Stop smoking \n• 10. Get some rest"),
            ["• 9. Stop smoking", "• 10. Get some rest"]
        );
    }
}
