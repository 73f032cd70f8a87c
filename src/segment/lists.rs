//! List items inside running text: "1.) The first item 2.) The second item", "• 9. … • 10. …",
//! "a. here it is b. another c. one more". An item starts a sentence of its own even without
//! punctuation before it, and the period of its marker ends nothing.

use std::ops::Range;

/// Characters that mark a list item on their own.
fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '▪' | '◦' | '●' | '‣' | '∙')
}

/// The items found in a text.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct ListItems {
    /// Where an item starts (never 0): a sentence boundary.
    pub starts: Vec<usize>,
    /// The markers ("1.", "a.)", "(iv)") whose periods end no sentence.
    pub markers: Vec<Range<usize>>,
}

impl ListItems {
    /// True when byte `i` lies inside a list marker.
    pub fn in_marker(&self, i: usize) -> bool {
        self.markers.iter().any(|m| m.start <= i && i < m.end)
    }
}

/// How an enumerator is written: its kind of symbol and the punctuation around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Number,
    Lower,
    Upper,
    RomanLower,
    RomanUpper,
}

/// One enumerator ("2.)", "(b)", "iv)") with the values it can stand for.
#[derive(Debug, Clone)]
struct Enumerator {
    span: Range<usize>,
    delim: &'static str,
    /// (class, value): a letter such as "i" is both the ninth letter and roman one.
    values: Vec<(Class, u32)>,
    /// Where it may open a list: at the start of the text or after a sentence end or colon.
    may_open: bool,
}

/// True when `line` opens with a bullet or an enumerator ("• ", "1. ", "a) ", "(iv) ").
pub(crate) fn starts_with_item(line: &str) -> bool {
    line.chars().next().is_some_and(is_bullet) || enumerator(line, 0).is_some()
}

/// Finds list items: bullets, and enumerators that count up (1, 2, 3; a, b, c; i, ii, iii) from
/// one at the start of the text or after a sentence end.
pub(crate) fn list_items(text: &str) -> ListItems {
    let mut out = ListItems::default();
    let mut enums: Vec<Enumerator> = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let at_gap = prev.is_none_or(char::is_whitespace);
        prev = Some(c);
        if !at_gap {
            continue;
        }
        if is_bullet(c) {
            out.starts.push(i);
            let after = i + c.len_utf8();
            let skip = text[after..].len() - text[after..].trim_start().len();
            if let Some(e) = enumerator(text, after + skip) {
                out.markers.push(i..e.span.end);
            }
            continue;
        }
        if let Some(e) = enumerator(text, i) {
            enums.push(e);
        }
    }
    chain(&enums, &mut out);
    if let Some(first) = enums
        .first()
        .filter(|e| e.span.start == leading_space(text))
    {
        // an enumerator that opens the text is a marker even alone ("1. This is a list item.")
        out.markers.push(first.span.clone());
    }
    // an item at the start of the text needs no boundary before it
    out.starts
        .retain(|&s| text[..s].chars().any(char::is_alphanumeric));
    out.starts.sort_unstable();
    out.starts.dedup();
    out
}

fn leading_space(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// Marks enumerators that continue a list: one opened by an earlier enumerator of the same
/// writing at the start of the text or after a sentence end (then any value may open it: "• 9."),
/// or three or more counting up anywhere ("… item a. The first b. The second c. The third").
fn chain(enums: &[Enumerator], out: &mut ListItems) {
    let mut runs: Vec<Run> = Vec::new();
    for (k, e) in enums.iter().enumerate() {
        let continued = runs
            .iter()
            .position(|r| r.delim == e.delim && e.values.contains(&(r.class, r.last + 1)));
        if let Some(r) = continued {
            runs[r].members.push(k);
            runs[r].last += 1;
            continue;
        }
        for &(class, value) in &e.values {
            let same = |r: &Run| r.class == class && r.delim == e.delim;
            // a list of this writing starting again at one ("… 2.) Two 1.) One 2.) Two")
            let restarts = value == 1 && runs.iter().any(|r| same(r) && r.members.len() >= 2);
            runs.retain(|r| !(same(r) && r.members.len() == 1));
            runs.push(Run {
                members: vec![k],
                class,
                delim: e.delim,
                last: value,
                opened: e.may_open || restarts,
            });
        }
    }
    for run in runs {
        // numbers counting up in running text are often dates ("July 8. … July 9. … 10."):
        // only letters and roman numerals make a list without a sentence end before it
        let anywhere = run.members.len() >= 3 && run.class != Class::Number;
        if anywhere || (run.opened && run.members.len() >= 2) {
            for m in run.members {
                out.markers.push(enums[m].span.clone());
                out.starts.push(enums[m].span.start);
            }
        }
    }
}

/// Enumerators counting up in one writing.
struct Run {
    members: Vec<usize>,
    class: Class,
    delim: &'static str,
    last: u32,
    /// The first member stands where a list may open.
    opened: bool,
}

/// An enumerator starting at byte `i`, followed by a space and a word.
fn enumerator(text: &str, i: usize) -> Option<Enumerator> {
    let rest = &text[i..];
    let (body_start, open_paren) = if rest.starts_with('(') {
        (1, true)
    } else {
        (0, false)
    };
    let body_len = rest.as_bytes()[body_start..]
        .iter()
        .take(5)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if body_len == 0 || body_len > 4 {
        return None;
    }
    let body = &rest[body_start..body_start + body_len];
    let after = &rest[body_start + body.len()..];
    let delim: &'static str = if open_paren {
        after.starts_with(')').then_some("()")?
    } else if after.starts_with(".)") {
        ".)"
    } else if after.starts_with(')') {
        ")"
    } else if after.starts_with('.') {
        "."
    } else {
        return None;
    };
    let delim_len = if delim == "()" { 1 } else { delim.len() };
    let end = i + body_start + body.len() + delim_len;
    // a space, then a word
    let tail = &text[end..];
    let word = tail.trim_start().chars().next();
    if !tail.starts_with(char::is_whitespace) || word.is_none_or(is_bullet) {
        return None;
    }
    let values = values_of(body);
    if values.is_empty() {
        return None;
    }
    let before = text[..i].trim_end();
    let may_open = before.is_empty()
        || before.ends_with(|c: char| super::sentences::is_terminal(c) || c == ':')
        || before.ends_with(|c: char| super::sentences::is_closer(c));
    Some(Enumerator {
        span: i..end,
        delim,
        values,
        may_open,
    })
}

/// The values an enumerator's text can stand for.
fn values_of(body: &str) -> Vec<(Class, u32)> {
    let mut out = Vec::new();
    if body.chars().all(|c| c.is_ascii_digit()) {
        if body.len() <= 3 {
            if let Ok(n) = body.parse() {
                out.push((Class::Number, n));
            }
        }
        return out;
    }
    let mut chars = body.chars();
    if let (Some(c), None) = (chars.next(), chars.clone().next()) {
        if c.is_ascii_lowercase() {
            out.push((Class::Lower, u32::from(c) - u32::from('a') + 1));
        } else if c.is_ascii_uppercase() {
            out.push((Class::Upper, u32::from(c) - u32::from('A') + 1));
        }
    }
    if let Some(v) = roman(body) {
        if body.chars().all(|c| c.is_ascii_lowercase()) {
            out.push((Class::RomanLower, v));
        } else if body.chars().all(|c| c.is_ascii_uppercase()) {
            out.push((Class::RomanUpper, v));
        }
    }
    out
}

/// The value of a small roman numeral (i … xxxix, either case), or `None`.
fn roman(s: &str) -> Option<u32> {
    crate::align::roman::roman_value(&s.to_ascii_uppercase()).filter(|&v| v <= 39)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str) -> Vec<&str> {
        list_items(text)
            .starts
            .into_iter()
            .map(|s| &text[s..])
            .collect()
    }

    #[test]
    fn numbered_items_that_count_up_start_sentences() {
        assert_eq!(
            starts("1.) The first item 2.) The second item"),
            ["2.) The second item"]
        );
        assert_eq!(
            starts("Finally, this. 1. One 2. Two"),
            ["1. One 2. Two", "2. Two"]
        );
    }

    #[test]
    fn letters_and_roman_numerals_count_up_too() {
        assert_eq!(
            starts("Smith. a. here it is b. another"),
            ["a. here it is b. another", "b. another"]
        );
        assert_eq!(starts("(i) One. (ii) Two."), ["(ii) Two."]);
    }

    #[test]
    fn bullets_always_start_an_item() {
        assert_eq!(
            starts("• 9. The first item • 10. The second item"),
            ["• 10. The second item"]
        );
        assert_eq!(starts("⁃9. The first ⁃10. The second"), ["⁃10. The second"]);
    }

    #[test]
    fn numbers_inside_a_sentence_are_no_list() {
        assert!(starts("As payment for 1. above, and for 2. above, no fee.").is_empty());
        assert!(starts("Нужно купить 1)рыбу 2)соль.").is_empty());
        assert!(starts("It rose 5 percent in 2010. 2011 was worse.").is_empty());
    }

    #[test]
    fn three_items_counting_up_are_a_list_anywhere() {
        assert_eq!(
            starts("the second item a. The first b. The second c. The third"),
            [
                "a. The first b. The second c. The third",
                "b. The second c. The third",
                "c. The third"
            ]
        );
        assert_eq!(
            starts("1.) One 2.) Two 1.) Three 2.) Four"),
            [
                "2.) Two 1.) Three 2.) Four",
                "1.) Three 2.) Four",
                "2.) Four"
            ]
        );
    }

    #[test]
    fn a_marker_opening_the_text_ends_nothing() {
        let items = list_items("d. Compliance Log");
        assert!(items.in_marker(1));
        assert!(items.starts.is_empty());
    }
}
