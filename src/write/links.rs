//! Links: one alignment link a line, `[0, 1]:[2]`, the gold format of the evaluation data.

use std::io::Write;

use super::{PairRow, PairWriter, WriteError};

/// Writes each row's segment ids as a link.
pub struct LinksWriter<W: Write> {
    out: W,
}

impl<W: Write + Send> LinksWriter<W> {
    /// A links writer.
    pub fn new(out: W) -> Self {
        LinksWriter { out }
    }
}

fn list(ids: &[usize]) -> String {
    let inner: Vec<String> = ids.iter().map(usize::to_string).collect();
    format!("[{}]", inner.join(", "))
}

impl<W: Write + Send> PairWriter for LinksWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        writeln!(self.out, "{}:{}", list(&row.src_ids), list(&row.tgt_ids))?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.out.flush()?;
        Ok(())
    }
}
