//! Links: one alignment link a line, `[0, 1]:[2]`, the gold format of the evaluation data;
//! for a corpus, a `# doc_id<TAB>tgt_doc_id` line before each document pair's links.

use std::io::Write;

use super::{PairRow, PairWriter, WriteError};

/// Writes each row's segment ids as a link.
pub struct LinksWriter<W: Write> {
    out: W,
    doc_headers: bool,
    last: Option<(String, String)>,
}

impl<W: Write + Send> LinksWriter<W> {
    /// A links writer.
    pub fn new(out: W) -> Self {
        LinksWriter {
            out,
            doc_headers: false,
            last: None,
        }
    }

    /// With `on`, a `# doc_id<TAB>tgt_doc_id` line starts each document pair's links (tabs and
    /// newlines in ids written as spaces).
    pub fn with_doc_headers(mut self, on: bool) -> Self {
        self.doc_headers = on;
        self
    }
}

/// An id as a header field: one line, no tab.
fn header_field(id: &str) -> String {
    id.replace(['\t', '\n', '\r'], " ")
}

fn list(ids: &[usize]) -> String {
    let inner: Vec<String> = ids.iter().map(usize::to_string).collect();
    format!("[{}]", inner.join(", "))
}

impl<W: Write + Send> PairWriter for LinksWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        if self.doc_headers {
            let key = (row.doc_id.clone(), row.tgt_doc_id.clone());
            if self.last.as_ref() != Some(&key) {
                let (src, tgt) = (header_field(&key.0), header_field(&key.1));
                writeln!(self.out, "# {src}\t{tgt}")?;
                self.last = Some(key);
            }
        }
        writeln!(self.out, "{}:{}", list(&row.src_ids), list(&row.tgt_ids))?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.out.flush()?;
        Ok(())
    }
}
