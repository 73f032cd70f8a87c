//! Quotation marks of every convention (“ ” « » „ “ ‚ ‘ 「 」 and straight quotes), nesting,
//! apostrophes told apart from single quotes.

use std::ops::Range;

/// One outermost quotation in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// From the opening mark to the end of the closing mark (or of the text, when unclosed).
    pub outer: Range<usize>,
    /// The quoted text between the marks.
    pub inner: Range<usize>,
    /// True when the closing mark was found.
    pub closed: bool,
}

/// An open quotation waiting for its closing mark.
struct Open {
    at: usize,
    len: usize,
    closers: &'static [char],
    /// Double quotes may stay open to the end of a paragraph (a quote continued in the next one).
    double: bool,
}

fn closers_for(open: char) -> Option<(&'static [char], bool)> {
    Some(match open {
        '“' => (&['”', '“'], true),
        '„' => (&['“', '”'], true),
        '«' => (&['»'], true),
        '"' => (&['"'], true),
        '「' => (&['」'], true),
        '『' => (&['』'], true),
        '‘' => (&['’'], false),
        '‚' => (&['‘', '’'], false),
        '‹' => (&['›'], false),
        '\'' => (&['\''], false),
        _ => return None,
    })
}

fn opens_context(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let after_gap = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    match c {
        '"' => after_gap && next.is_some_and(|n| !n.is_whitespace()),
        '\'' => after_gap && next.is_some_and(char::is_alphanumeric),
        '‘' => prev.is_none_or(|p| !p.is_alphanumeric()),
        _ => true,
    }
}

fn closes_context(c: char, prev: Option<char>, next: Option<char>) -> bool {
    match c {
        '"' => prev.is_some_and(|p| !p.is_whitespace()),
        '\'' | '’' => {
            prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric())
        }
        _ => true,
    }
}

/// Opening marks waiting for their closing mark at most: real quotations nest a few deep, and
/// more are apostrophes that never close.
const MAX_OPEN_MARKS: usize = 32;

/// The outermost quotations of `text`, in order; nested quotes are inside them. A mark that
/// never closes opens no quotation (a single quote that never closes is an apostrophe:
/// `crowded 'round her`, `'em`, `'til`): quotes inside it count as outermost. An unclosed double
/// quote runs to the end of the text.
pub fn find_quotes(text: &str) -> Vec<QuoteSpan> {
    // closed quotations with the number of the mark open around them, if any
    let mut closed: Vec<(QuoteSpan, Option<usize>)> = Vec::new();
    // per opening mark (by number): whether it was closed, and the mark open around it
    let mut was_closed: Vec<bool> = Vec::new();
    let mut parent: Vec<Option<usize>> = Vec::new();
    let mut stack: Vec<(usize, Open)> = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let closing = stack
            .iter()
            .rposition(|(_, o)| o.closers.contains(&c))
            .filter(|_| closes_context(c, prev, next));
        if let Some(depth) = closing {
            let (number, open) = &stack[depth];
            let span = QuoteSpan {
                outer: open.at..i + c.len_utf8(),
                inner: open.at + open.len..i,
                closed: true,
            };
            if let Some(flag) = was_closed.get_mut(*number) {
                *flag = true;
            }
            let around = depth.checked_sub(1).map(|d| stack[d].0);
            closed.push((span, around));
            stack.truncate(depth);
        } else if let Some((closers, double)) = closers_for(c) {
            if opens_context(c, prev, next) {
                // single marks that never close (apostrophes) would pile up without bound in a
                // long text: the oldest waiting one is taken for an apostrophe
                if stack.len() >= MAX_OPEN_MARKS {
                    if let Some(k) = stack.iter().position(|(_, o)| !o.double) {
                        stack.remove(k);
                    }
                }
                if stack.len() < MAX_OPEN_MARKS {
                    let open = Open {
                        at: i,
                        len: c.len_utf8(),
                        closers,
                        double,
                    };
                    parent.push(stack.last().map(|(n, _)| *n));
                    stack.push((was_closed.len(), open));
                    was_closed.push(false);
                }
            }
        }
        prev = Some(c);
    }
    // whether no mark around mark n (itself included) was closed; parents come first
    let mut open_chain: Vec<bool> = Vec::with_capacity(was_closed.len());
    for (n, &closed_n) in was_closed.iter().enumerate() {
        let outer = parent
            .get(n)
            .copied()
            .flatten()
            .is_none_or(|p| open_chain.get(p).copied().unwrap_or(false));
        open_chain.push(!closed_n && outer);
    }
    // an unclosed double quote runs to the end of the text and holds what follows it
    let runs_to_end = stack.iter().find(|(_, o)| o.double);
    let mut out: Vec<QuoteSpan> = closed
        .into_iter()
        .filter(|(_, around)| around.is_none_or(|n| open_chain.get(n).copied().unwrap_or(false)))
        .map(|(span, _)| span)
        .filter(|span| runs_to_end.is_none_or(|(_, o)| span.outer.end <= o.at))
        .collect();
    if let Some((_, open)) = runs_to_end {
        out.push(QuoteSpan {
            outer: open.at..text.len(),
            inner: open.at + open.len..text.len(),
            closed: false,
        });
    }
    out.sort_by_key(|q| q.outer.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inners(text: &str) -> Vec<&str> {
        find_quotes(text)
            .into_iter()
            .map(|q| &text[q.inner])
            .collect()
    }

    #[test]
    fn every_convention() {
        assert_eq!(inners("He said “yes” and «oui»."), ["yes", "oui"]);
        assert_eq!(inners("Er sagte „ja“ und ‚nein‘."), ["ja", "nein"]);
        assert_eq!(inners("Polish „tak” here"), ["tak"]);
        assert_eq!(inners("彼は「はい」と言った"), ["はい"]);
        assert_eq!(
            inners("\"Get off!\" he said. 'Fine,' she said."),
            ["Get off!", "Fine,"]
        );
    }

    #[test]
    fn nesting_and_apostrophes() {
        let t = "\"I return the medal 'For Merit,' which you gave me,\" Kelly wrote. Don't, it's Hei's.";
        assert_eq!(
            inners(t),
            ["I return the medal 'For Merit,' which you gave me,"]
        );
        assert_eq!(inners("Don’t say ‘never’ again, it’s fine."), ["never"]);
    }

    #[test]
    fn unclosed_double_quote_runs_to_the_end() {
        let q = find_quotes("\"This paragraph continues");
        assert_eq!(q.len(), 1);
        assert!(!q[0].closed);
        assert!(find_quotes("rock 'n roll").is_empty());
    }

    #[test]
    fn an_apostrophe_that_never_closes_hides_no_quotation() {
        assert_eq!(
            inners("They crowded 'round her, calling out, \"Prizes! Prizes!\" at once."),
            ["Prizes! Prizes!"]
        );
        // however many apostrophes wait before it (each would have been a quotation opened)
        let many = format!("{}they said \"Prizes!\" then.", "'em ".repeat(100_000));
        assert_eq!(inners(&many), ["Prizes!"]);
        // a quotation that closes still holds its nested quotes
        assert_eq!(
            inners("'She said \"no\" twice,' he wrote."),
            ["She said \"no\" twice,"]
        );
    }
}
