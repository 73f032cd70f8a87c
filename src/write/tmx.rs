//! TMX 1.4b translation memories, written with `quick-xml`.

use std::io::Write;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::{PairRow, PairWriter, WriteError};

/// Writes a TMX 1.4b document: a header, then one `<tu>` per row with the row's metadata as
/// `<prop type="x-…">` and one `<tuv xml:lang>` per side.
pub struct TmxWriter<W: Write> {
    xml: Writer<W>,
}

/// Drops what XML 1.0 forbids: control characters other than tab, newline and carriage return,
/// and the non-characters U+FFFE and U+FFFF.
pub fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
        })
        .collect()
}

impl<W: Write + Send> TmxWriter<W> {
    /// A TMX writer; writes the prologue and header at once.
    pub fn new(out: W) -> Result<Self, WriteError> {
        let mut xml = Writer::new_with_indent(out, b' ', 2);
        xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        xml.write_event(Event::Start(
            BytesStart::new("tmx").with_attributes([("version", "1.4")]),
        ))?;
        xml.write_event(Event::Empty(BytesStart::new("header").with_attributes([
            ("creationtool", "talign"),
            ("creationtoolversion", env!("CARGO_PKG_VERSION")),
            ("segtype", "sentence"),
            ("o-tmf", "talign"),
            ("adminlang", "en"),
            ("srclang", "*all*"),
            ("datatype", "plaintext"),
        ])))?;
        xml.write_event(Event::Start(BytesStart::new("body")))?;
        Ok(TmxWriter { xml })
    }

    fn prop(&mut self, kind: &str, value: &str) -> Result<(), WriteError> {
        if value.is_empty() {
            return Ok(());
        }
        let value = xml_safe(value);
        self.xml
            .create_element("prop")
            .with_attribute(("type", kind))
            .write_text_content(BytesText::new(&value))?;
        Ok(())
    }

    fn tuv(&mut self, lang: &str, text: &str) -> Result<(), WriteError> {
        let text = xml_safe(text);
        self.xml
            .create_element("tuv")
            .with_attribute(("xml:lang", lang))
            .write_inner_content(|w| {
                w.create_element("seg")
                    .write_text_content(BytesText::new(&text))
                    .map(|_| ())
            })?;
        Ok(())
    }
}

impl<W: Write + Send> PairWriter for TmxWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        self.xml.write_event(Event::Start(BytesStart::new("tu")))?;
        self.prop("x-doc-id", &row.doc_id)?;
        self.prop("x-tgt-doc-id", &row.tgt_doc_id)?;
        self.prop("x-kind", row.kind.as_str())?;
        self.prop("x-src-ids", &PairRow::ids_text(&row.src_ids))?;
        self.prop("x-tgt-ids", &PairRow::ids_text(&row.tgt_ids))?;
        self.prop("x-score", &row.score_text())?;
        if row.confidence.is_some() {
            self.prop("x-confidence", &row.confidence_text())?;
        }
        if let Some(q) = &row.quote {
            for (kind, value) in [
                ("x-speaker", &q.speaker),
                ("x-platform", &q.platform),
                ("x-url", &q.url),
                ("x-date", &q.date),
            ] {
                self.prop(kind, value.as_deref().unwrap_or(""))?;
            }
            if let Some(l) = q.translated_from {
                self.prop("x-translated-from", l.as_str())?;
            }
        }
        self.tuv(row.src_lang.as_str(), &row.src_text)?;
        self.tuv(row.tgt_lang.as_str(), &row.tgt_text)?;
        self.xml.write_event(Event::End(BytesEnd::new("tu")))?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.xml.write_event(Event::End(BytesEnd::new("body")))?;
        self.xml.write_event(Event::End(BytesEnd::new("tmx")))?;
        self.xml.get_mut().write_all(b"\n")?;
        self.xml.get_mut().flush()?;
        Ok(())
    }
}
