//! HTML: the visible text of a page, and the posts embedded in it (`blockquote.twitter-tweet`) as
//! documents of their own, with their language, author handle, address and date.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::html_depth::{limit_depth, MAX_DEPTH};
use crate::doc::Lang;

/// A post embedded in a page: an original that joins the pool by itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbeddedPost {
    /// The post's own text (its `<p>`, or the blockquote without the attribution line).
    pub text: String,
    /// The `lang` attribute of the blockquote, when it is a language code.
    pub lang: Option<Lang>,
    /// The author's handle (`@name`).
    pub author: Option<String>,
    /// The post's address (the link to `/status/…`).
    pub url: Option<String>,
    /// The date as the embed wrote it (the status link's text).
    pub date: Option<String>,
}

/// What a page says: its visible text (one block a line) and its embedded posts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// The visible text without the embedded posts, one block element a line.
    pub text: String,
    /// The embedded posts in page order.
    pub posts: Vec<EmbeddedPost>,
}

/// Elements whose content is never shown.
const HIDDEN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas",
];

/// Elements that start a new line of text.
pub(crate) const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "title",
    "caption",
];

/// Extracts the visible text and the embedded posts of an HTML page (never fails: HTML parsing
/// recovers from any input the way browsers do). Elements nested deeper than 512 are read as
/// their text (see `html_depth`), so time stays linear in the page.
pub fn extract_html(html: &str) -> HtmlText {
    let page = Html::parse_document(&limit_depth(html, MAX_DEPTH));
    let mut out = TextBuilder::default();
    let mut posts = Vec::new();
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in page.root_element().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => out.push_text(t),
                    Node::Element(e) => {
                        let name = e.name();
                        if HIDDEN.contains(&name) {
                            skip = Some(node.id());
                        } else if name == "blockquote" && is_embedded_post(e) {
                            if let Some(el) = ElementRef::wrap(node) {
                                posts.push(embedded_post(el));
                            }
                            skip = Some(node.id());
                        } else if BLOCKS.contains(&name) {
                            out.break_line();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                } else if skip.is_none() {
                    if let Node::Element(e) = node.value() {
                        if BLOCKS.contains(&e.name()) {
                            out.break_line();
                        }
                    }
                }
            }
        }
    }
    HtmlText {
        text: out.finish(),
        posts,
    }
}

fn is_embedded_post(e: &scraper::node::Element) -> bool {
    e.classes()
        .any(|c| c == "twitter-tweet" || c == "twitter-tweet-rendered")
}

fn embedded_post(el: ElementRef<'_>) -> EmbeddedPost {
    let mut lang = el.value().attr("lang").and_then(lang_code);
    let mut status: Option<(String, String)> = None;
    let mut body = TextBuilder::default();
    let mut attribution = TextBuilder::default();
    let mut in_p = 0usize;
    let mut seen_p = false;
    for edge in el.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if e.name() == "p" => {
                    in_p += 1;
                    seen_p = true;
                    lang = lang.or_else(|| e.attr("lang").and_then(lang_code));
                }
                Node::Element(e) if e.name() == "br" => body.break_line(),
                Node::Element(e) if e.name() == "a" => {
                    let href = e.attr("href").unwrap_or("");
                    if href.contains("/status/") {
                        let text: String = ElementRef::wrap(node)
                            .map(|a| a.text().collect())
                            .unwrap_or_default();
                        status = Some((href.to_string(), collapse(&text)));
                    }
                }
                Node::Text(t) if in_p > 0 => body.push_text(t),
                Node::Text(t) => attribution.push_text(t),
                _ => {}
            },
            Edge::Close(node) => {
                if matches!(node.value(), Node::Element(e) if e.name() == "p") {
                    in_p = in_p.saturating_sub(1);
                }
            }
        }
    }
    let attribution = attribution.finish();
    let text = if seen_p {
        body.finish()
    } else {
        attribution.clone()
    };
    let (url, date) = match status {
        Some((u, d)) => (Some(u), Some(d).filter(|d| !d.is_empty())),
        None => (None, None),
    };
    let author = handle_in(&attribution).or_else(|| url.as_deref().and_then(handle_in_url));
    EmbeddedPost {
        text,
        lang,
        author,
        url,
        date,
    }
}

/// The language of a `lang` attribute (`pt-BR` → `pt`).
fn lang_code(attr: &str) -> Option<Lang> {
    Lang::new(attr.split(['-', '_']).next().unwrap_or(attr))
}

/// `@name` from an attribution like `— Jane Doe (@jane) May 1, 2024`.
fn handle_in(text: &str) -> Option<String> {
    let start = text.find("(@")? + 1;
    let rest = text.get(start..)?;
    let end = rest.find(')')?;
    let handle = rest.get(..end)?.trim();
    (handle.len() > 1).then(|| handle.to_string())
}

/// `@name` from `https://twitter.com/name/status/123`.
fn handle_in_url(url: &str) -> Option<String> {
    let before = url.split("/status/").next()?;
    let name = before.rsplit('/').next()?;
    (!name.is_empty() && !name.contains(':')).then(|| format!("@{name}"))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds text one block a line, with runs of whitespace collapsed as a browser shows them.
#[derive(Default)]
struct TextBuilder {
    out: String,
    line: String,
}

impl TextBuilder {
    fn push_text(&mut self, text: &str) {
        // Browsers collapse ASCII whitespace only: a no-break space stays.
        let starts_space = text.starts_with(|c: char| c.is_ascii_whitespace());
        let ends_space = text.ends_with(|c: char| c.is_ascii_whitespace());
        let mut words = text.split_ascii_whitespace().peekable();
        if words.peek().is_none() {
            if starts_space && !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            return;
        }
        if starts_space && !self.line.is_empty() && !self.line.ends_with(' ') {
            self.line.push(' ');
        }
        let mut first = true;
        for w in words {
            if !first {
                self.line.push(' ');
            }
            self.line.push_str(w);
            first = false;
        }
        if ends_space {
            self.line.push(' ');
        }
    }

    fn break_line(&mut self) {
        let line = self.line.trim();
        if !line.is_empty() {
            if !self.out.is_empty() {
                self.out.push('\n');
            }
            self.out.push_str(line);
        }
        self.line.clear();
    }

    fn finish(mut self) -> String {
        self.break_line();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>T</title><style>p{}</style></head><body>
<h1>Minister&nbsp;speaks</h1><p>He said it was <b>fine</b>.<script>var x=1;</script></p>
<blockquote class="twitter-tweet" data-lang="en"><p lang="ru" dir="ltr">Всё хорошо.</p>&mdash; Иван (@ivan) <a href="https://twitter.com/ivan/status/123?ref_src=x">May 1, 2024</a></blockquote>
<p>After.</p></body></html>"#;

    #[test]
    fn visible_text_and_posts() {
        let h = extract_html(PAGE);
        assert_eq!(h.text, "Minister\u{a0}speaks\nHe said it was fine.\nAfter.");
        assert_eq!(h.posts.len(), 1);
        let p = &h.posts[0];
        assert_eq!(p.text, "Всё хорошо.");
        assert_eq!(p.author.as_deref(), Some("@ivan"));
        assert_eq!(p.date.as_deref(), Some("May 1, 2024"));
        assert_eq!(
            p.url.as_deref(),
            Some("https://twitter.com/ivan/status/123?ref_src=x")
        );
    }

    #[test]
    fn post_lang_attribute() {
        let h = extract_html(
            r#"<blockquote class="twitter-tweet" lang="es"><p>Hola</p><a href="https://x.com/a/status/1">d</a></blockquote>"#,
        );
        assert_eq!(
            h.posts[0].lang.map(|l| l.to_string()).as_deref(),
            Some("es")
        );
        assert_eq!(h.posts[0].author.as_deref(), Some("@a"));
        assert_eq!(h.text, "");
    }
}
