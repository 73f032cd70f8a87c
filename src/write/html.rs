//! HTML: one self-contained page to review alignments by eye (no scripts, no fetched resources):
//! a table per document pair, one row per link, source and target side by side, the link type,
//! the score shaded, null links and low-scoring links marked.

use std::io::Write;

use quick_xml::escape::escape;

use super::{PairKind, PairRow, PairWriter, WriteError};

/// Sentence links scoring below this are marked low: on the Text+Berg de-fr dev pair, 65 % of
/// the links below it are exactly right against 88 % of those at or above it.
pub const LOW_SENTENCE_SCORE: f64 = 0.0;

/// Quote and mined pairs scoring below this are marked low (their score is a similarity in
/// [0, 1]; the miner's acceptance test is stricter still).
pub const LOW_PAIR_SCORE: f64 = 0.5;

const STYLE: &str = r#"
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; margin: 0 0 .3em; }
h2 { font-size: 1.05em; margin: 1.6em 0 .4em; }
.legend span, .count { padding: 0 .4em; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid #ddd; padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #f4f4f4; position: sticky; top: 0; }
col.ids { width: 6em; } col.type { width: 3.5em; } col.score { width: 4.5em; }
td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
td.ids, td.type, td.score { font-variant-numeric: tabular-nums; color: #444; }
tr.null td.text:empty::after { content: "(nothing)"; color: #999; font-style: italic; }
tr.null { background: #f0f0f0; }
tr.low { background: #fff4e0; }
tr.low td.type, tr.null td.type { font-weight: bold; }
tr.low td:first-child { box-shadow: inset 4px 0 #e08a00; }
tr.null td:first-child { box-shadow: inset 4px 0 #888; }
.meta { color: #666; font-size: .85em; }
label { user-select: none; }
body:has(#flagged:checked) tr.ok { display: none; }
"#;

/// How a link is shown: its class and its shade in [0, 1] (0 red, 1 green).
fn judge(row: &PairRow) -> (&'static str, f64) {
    let null = match row.kind {
        PairKind::Sentence => row.src_ids.is_empty() || row.tgt_ids.is_empty(),
        // quote rows carry no segment ids; a quote without its original has no target text
        PairKind::Quote | PairKind::Mined => row.tgt_text.is_empty(),
    };
    if null {
        return ("null", 0.0);
    }
    let accepted = row.quote.as_ref().and_then(|q| q.accepted);
    let (low, shade) = match row.kind {
        // a logistic over the aligner's score: 0 → 0.5, +6 → 0.88, -6 → 0.12
        PairKind::Sentence => (
            row.score < LOW_SENTENCE_SCORE,
            1.0 / (1.0 + (-row.score / 3.0).exp()),
        ),
        PairKind::Quote | PairKind::Mined => (
            row.score < LOW_PAIR_SCORE || accepted == Some(false),
            row.score.clamp(0.0, 1.0),
        ),
    };
    let shade = if shade.is_finite() { shade } else { 0.0 };
    (if low { "low" } else { "ok" }, shade)
}

/// The link's type: `2-1` (sentences on each side) for sentence links, else the pair's kind.
fn link_type(row: &PairRow) -> String {
    match row.kind {
        PairKind::Sentence => format!("{}-{}", row.src_ids.len(), row.tgt_ids.len()),
        other => other.as_str().to_string(),
    }
}

/// The ids cell: the sentence ids of both sides, or a quote's id in its document.
fn ids_cell(row: &PairRow) -> String {
    let quote_id = row.quote.as_ref().and_then(|q| q.quote_id.as_deref());
    match (row.kind, quote_id) {
        (PairKind::Quote, Some(id)) => escape(id).into_owned(),
        _ => format!("{} : {}", ids(&row.src_ids), ids(&row.tgt_ids)),
    }
}

fn ids(list: &[usize]) -> String {
    list.iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Rows of one document pair (a document and its quotes' originals, for quote rows), written
/// as one table when the next pair starts.
#[derive(Default)]
struct Block {
    key: Option<(String, String)>,
    rows: Vec<PairRow>,
}

/// The block a row belongs to: its document pair, or its document alone for quote rows (each
/// quote has an original of its own).
fn block_key(row: &PairRow) -> (String, String) {
    match row.kind {
        PairKind::Sentence => (row.doc_id.clone(), row.tgt_doc_id.clone()),
        PairKind::Quote | PairKind::Mined => (row.doc_id.clone(), String::new()),
    }
}

/// Writes the page: a head with inline CSS, a table per document pair, a closing tag.
pub struct HtmlWriter<W: Write> {
    out: W,
    block: Block,
    blocks: usize,
}

impl<W: Write + Send> HtmlWriter<W> {
    /// An HTML writer; the page head is written at once.
    pub fn new(mut out: W) -> Result<Self, WriteError> {
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"generator\" content=\"talign {}\">\n\
             <title>talign alignment review</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
             <h1>talign alignment review</h1>\n\
             <p class=\"legend\">One row per link: source and target side by side, the link \
             type (sentences on each side) and the score, shaded from red (low) to green \
             (high). <span style=\"background:#f0f0f0\">Grey</span>: a null link (one side \
             empty) or a quote without its original. <span style=\"background:#fff4e0\">\
             Orange</span>: a low score (sentence links below {LOW_SENTENCE_SCORE:.1}, quote and \
             mined pairs below {LOW_PAIR_SCORE:.1} or not accepted). \
             <label><input type=\"checkbox\" id=\"flagged\"> show only null and low links\
             </label></p>\n",
            env!("CARGO_PKG_VERSION")
        )?;
        Ok(HtmlWriter {
            out,
            block: Block::default(),
            blocks: 0,
        })
    }

    fn flush_block(&mut self) -> Result<(), WriteError> {
        let block = std::mem::take(&mut self.block);
        let (Some((src_doc, tgt_doc)), Some(first)) = (block.key, block.rows.first()) else {
            return Ok(());
        };
        self.blocks += 1;
        let classes: Vec<&str> = block.rows.iter().map(|r| judge(r).0).collect();
        let count = |c: &str| classes.iter().filter(|&&k| k == c).count();
        let title = if tgt_doc.is_empty() {
            escape(src_doc.as_str()).into_owned()
        } else {
            format!(
                "{} ↔ {}",
                escape(src_doc.as_str()),
                escape(tgt_doc.as_str())
            )
        };
        let (src_lang, tgt_lang) = (first.src_lang.as_str(), first.tgt_lang.as_str());
        writeln!(
            self.out,
            "<section class=\"pair\" id=\"pair-{n}\">\n<h2>{title} <span class=\"meta\">\
             ({src_lang} → {tgt_lang}; {links} links, <span class=\"count\" \
             style=\"background:#f0f0f0\">{null} null</span>, <span class=\"count\" \
             style=\"background:#fff4e0\">{low} low</span>)</span></h2>\n<table>\n\
             <colgroup><col class=\"ids\"><col class=\"type\"><col class=\"score\"><col><col>\
             </colgroup>\n<thead><tr><th>ids</th><th>type</th><th>score</th>\
             <th>source ({src_lang})</th><th>target ({tgt_lang})</th></tr></thead>\n<tbody>",
            n = self.blocks,
            links = block.rows.len(),
            null = count("null"),
            low = count("low"),
        )?;
        for row in &block.rows {
            self.write_link(row)?;
        }
        writeln!(self.out, "</tbody>\n</table>\n</section>")?;
        Ok(())
    }

    fn write_link(&mut self, row: &PairRow) -> Result<(), WriteError> {
        let (class, shade) = judge(row);
        let hue = (shade * 120.0).round();
        let score = if row.score.is_finite() {
            format!("{:.2}", row.score)
        } else {
            String::new()
        };
        let score_cell = if class == "null" {
            format!("<td class=\"score\">{score}</td>")
        } else {
            format!(
                "<td class=\"score\" style=\"background:hsl({hue},70%,80%)\" \
                 data-shade=\"{shade:.3}\">{score}</td>"
            )
        };
        let said: Vec<&str> = row
            .quote
            .as_ref()
            .map(|q| {
                [&q.speaker, &q.platform]
                    .into_iter()
                    .flatten()
                    .map(String::as_str)
                    .collect()
            })
            .unwrap_or_default();
        let attribution = if said.is_empty() {
            String::new()
        } else {
            format!(
                "<div class=\"meta\">{}</div>",
                escape(said.join(", ").as_str())
            )
        };
        let original = match (&row.kind, row.tgt_doc_id.is_empty()) {
            (PairKind::Quote | PairKind::Mined, false) => format!(
                "<div class=\"meta\">{}</div>",
                escape(row.tgt_doc_id.as_str())
            ),
            _ => String::new(),
        };
        writeln!(
            self.out,
            "<tr class=\"{class}\"><td class=\"ids\">{}</td><td class=\"type\">{}</td>\
             {score_cell}<td class=\"text src\" lang=\"{}\" dir=\"auto\">{}{attribution}</td>\
             <td class=\"text tgt\" lang=\"{}\" dir=\"auto\">{}{original}</td></tr>",
            ids_cell(row),
            link_type(row),
            row.src_lang.as_str(),
            escape(row.src_text.as_str()),
            row.tgt_lang.as_str(),
            escape(row.tgt_text.as_str()),
        )?;
        Ok(())
    }
}

impl<W: Write + Send> PairWriter for HtmlWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        let key = block_key(row);
        if self.block.key.as_ref() != Some(&key) {
            self.flush_block()?;
            self.block.key = Some(key);
        }
        self.block.rows.push(row.clone());
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.flush_block()?;
        if self.blocks == 0 {
            writeln!(self.out, "<p>No links.</p>")?;
        }
        writeln!(self.out, "</body>\n</html>")?;
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Lang;

    fn row(src: &[usize], tgt: &[usize], score: f64) -> PairRow {
        PairRow {
            doc_id: "a.de".into(),
            tgt_doc_id: "a.fr".into(),
            src_lang: Lang::new("de").unwrap_or_default(),
            tgt_lang: Lang::new("fr").unwrap_or_default(),
            src_ids: src.to_vec(),
            tgt_ids: tgt.to_vec(),
            score,
            src_text: if src.is_empty() { "" } else { "Ja <b>&</b>" }.into(),
            tgt_text: if tgt.is_empty() { "" } else { "Oui" }.into(),
            ..PairRow::default()
        }
    }

    #[test]
    fn a_link_with_an_empty_side_is_null_and_a_negative_sentence_score_is_low() {
        assert_eq!(judge(&row(&[0], &[], 1.0)).0, "null");
        assert_eq!(judge(&row(&[], &[3], 1.0)).0, "null");
        assert_eq!(judge(&row(&[0], &[0], -0.5)).0, "low");
        assert_eq!(judge(&row(&[0], &[0], 4.0)).0, "ok");
    }

    #[test]
    fn a_quote_is_null_only_without_its_original_and_shows_its_quote_id() {
        let quote = PairRow {
            kind: PairKind::Quote,
            src_text: "Get off!".into(),
            tgt_text: "Пошёл вон!".into(),
            score: 0.8,
            quote: Some(crate::write::QuoteInfo {
                quote_id: Some("q0".into()),
                ..Default::default()
            }),
            ..PairRow::default()
        };
        assert_eq!(judge(&quote).0, "ok");
        assert_eq!(
            (ids_cell(&quote).as_str(), link_type(&quote).as_str()),
            ("q0", "quote")
        );
        let alone = PairRow {
            tgt_text: String::new(),
            ..quote
        };
        assert_eq!(judge(&alone).0, "null");
    }

    #[test]
    fn higher_scores_are_shaded_greener() {
        let (_, low) = judge(&row(&[0], &[0], -3.0));
        let (_, high) = judge(&row(&[0], &[0], 9.0));
        assert!(low < 0.5 && high > 0.9, "{low} {high}");
        assert_eq!(judge(&row(&[0], &[0], f64::NAN)).1, 0.0);
    }

    #[test]
    fn text_is_escaped_and_each_document_pair_gets_its_own_table() {
        let mut buf = Vec::new();
        let mut w = HtmlWriter::new(&mut buf).unwrap_or_else(|e| panic!("{e}"));
        let mut other = row(&[0], &[0], 2.0);
        other.doc_id = "b.de".into();
        for r in [row(&[0], &[0], 2.0), row(&[1], &[], 0.0), other] {
            PairWriter::write_row(&mut w, &r).unwrap_or_else(|e| panic!("{e}"));
        }
        PairWriter::finish(&mut w).unwrap_or_else(|e| panic!("{e}"));
        let page = String::from_utf8(buf).unwrap_or_default();
        assert_eq!(page.matches("<table>").count(), 2);
        assert!(page.contains("Ja &lt;b&gt;&amp;&lt;/b&gt;"));
        assert!(!page.contains("<b>&</b>"));
        assert!(!page.contains("<script"));
        assert!(page.trim_end().ends_with("</html>"));
    }
}
