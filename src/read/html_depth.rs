//! A cap on how deeply the HTML parser sees elements nested. html5ever checks the stack of open
//! elements at most start tags (`<div>` looks for an open `<p>` to close), so a page of 100,000
//! nested `<div>`s cost time quadratic in the depth (84 s). Browsers cap the depth the same way
//! (Blink and WebKit: 512): tags deeper than the cap are left out (their text stays, and a block
//! element's tags become `<br>`, so its text keeps its own line), so the parser's stack never
//! grows past it. A page within the cap is passed on untouched.

use std::borrow::Cow;

use super::html::BLOCKS;

/// The deepest nesting the parser sees, as in Blink and WebKit.
pub(crate) const MAX_DEPTH: usize = 512;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tags pages leave out (the parser closes them by itself) and the page
/// skeleton: not counted, so a long page of unclosed `<p>`s is not taken for a deep one.
const UNCOUNTED: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
];

/// Elements whose content is text up to their end tag, never tags.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

fn is_one_of(name: &[u8], set: &[&str]) -> bool {
    set.iter().any(|s| name.eq_ignore_ascii_case(s.as_bytes()))
}

/// The page with tags nested deeper than `max` left out; the page itself when none is.
pub(crate) fn limit_depth(html: &str, max: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut open: Vec<(&[u8], bool)> = Vec::new();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    // a block element's tag becomes a line break; any other tag goes
    let mut drop_range = |out: &mut Option<String>, start: usize, end: usize, name: &[u8]| {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(html.get(copied..start).unwrap_or(""));
        // one break stands for a run of them (a million nested blocks are one line break)
        if is_one_of(name, BLOCKS) && !o.ends_with("<br>") {
            o.push_str("<br>");
        }
        copied = end;
    };
    while let Some(found) = memchr::memchr(b'<', bytes.get(at..).unwrap_or_default()) {
        let lt = at + found;
        let rest = bytes.get(lt..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            at = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |i| i + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_at = lt + 1 + usize::from(closing);
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            // `<!doctype>`, `<?xml ?>`, or a `<` in text
            at = if matches!(rest.get(1), Some(b'!' | b'?')) {
                memchr::memchr(b'>', rest).map_or(bytes.len(), |i| lt + i + 1)
            } else {
                lt + 1
            };
            continue;
        }
        let name_end = bytes
            .get(name_at..)
            .and_then(|r| {
                r.iter()
                    .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            })
            .map_or(bytes.len(), |i| name_at + i);
        let name = bytes.get(name_at..name_end).unwrap_or_default();
        let tag_end = tag_end(bytes, name_end);
        at = tag_end;
        if is_one_of(name, VOID) || is_one_of(name, UNCOUNTED) {
            continue;
        }
        if closing {
            if close(&mut open, name) {
                drop_range(&mut out, lt, tag_end, name);
            }
            continue;
        }
        if is_one_of(name, RAW_TEXT) {
            // kept at any depth (left out, its script would show as text) and never counted:
            // it holds no elements, its text runs to its end tag
            at = find_end_tag(bytes, tag_end, name).unwrap_or(bytes.len());
            continue;
        }
        let dropped = open.len() >= max;
        open.push((name, dropped));
        if dropped {
            drop_range(&mut out, lt, tag_end, name);
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(html.get(copied..).unwrap_or(""));
            Cow::Owned(o)
        }
        None => Cow::Borrowed(html),
    }
}

/// Closes the nearest open element named `name` (a few levels down at most: misnested pages)
/// and those above it; true when its start tag was left out, so its end tag goes too.
fn close(open: &mut Vec<(&[u8], bool)>, name: &[u8]) -> bool {
    let hit = open
        .iter()
        .rev()
        .take(16)
        .position(|(n, _)| n.eq_ignore_ascii_case(name));
    let Some(back) = hit else {
        return false;
    };
    let keep = open.len() - back - 1;
    let dropped = open.get(keep).is_some_and(|(_, d)| *d);
    open.truncate(keep);
    dropped
}

/// Where `needle` starts at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| from + i)
}

/// One past the `>` that ends a tag whose name ends at `from`; a `>` inside a quoted attribute
/// value does not end it.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut after_equals = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return i + 1,
            b'"' | b'\'' if after_equals => {
                i = memchr::memchr(b, bytes.get(i + 1..).unwrap_or_default())
                    .map_or(bytes.len(), |j| i + 1 + j);
                after_equals = false;
            }
            b'=' => after_equals = true,
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    bytes.len()
}

/// Where the end tag `</name` of a raw-text element starts, at or after `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let i = find(bytes, at, b"</")?;
        let candidate = bytes.get(i + 2..i + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name) {
            return Some(i);
        }
        at = i + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_within_the_cap_is_passed_on_untouched() {
        let page = "<html><body><div><p>One<p>Two<div a='>'>x</div><!-- <div> --></div>\
                    <script>if (a<b) document.write('<div>')</script></body></html>";
        assert!(matches!(limit_depth(page, 2), Cow::Borrowed(_)));
        // unclosed paragraphs and list items do not count as depth
        let flat = "<p>a".repeat(1000) + &"<li>b".repeat(1000);
        assert!(matches!(limit_depth(&flat, 8), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_deeper_than_the_cap_are_left_out_and_their_text_kept() {
        let page = "<div><div><span>deep</span> text</div></div><b>after</b>";
        assert_eq!(
            limit_depth(page, 1),
            "<div><br>deep text<br></div><b>after</b>"
        );
        let deep = "<div>".repeat(100) + "x" + &"</div>".repeat(100);
        let capped = limit_depth(&deep, 10);
        let breaks = "<br>";
        // a script deep down stays a script
        let script = "<b>".repeat(5) + "<script>var a = '<b>';</script>";
        assert_eq!(
            limit_depth(&script, 2),
            "<b><b>".to_string() + "<script>var a = '<b>';</script>"
        );
        let want = "<div>".repeat(10) + breaks + "x" + breaks + &"</div>".repeat(10);
        assert_eq!(capped, want);
    }
}
