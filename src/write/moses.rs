//! Moses: two line-aligned plain-text files, source and target, one segment a line.

use std::io::Write;

use super::{escape_field, PairRow, PairWriter, WriteError};

/// Writes the source text of each row to one stream and the target text to the other, line `i`
/// of one translating line `i` of the other; fields escaped with [`escape_field`].
pub struct MosesWriter<W: Write> {
    src: W,
    tgt: W,
}

impl<W: Write + Send> MosesWriter<W> {
    /// A Moses writer over the source and target streams.
    pub fn new(src: W, tgt: W) -> Self {
        MosesWriter { src, tgt }
    }
}

impl<W: Write + Send> PairWriter for MosesWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        writeln!(self.src, "{}", escape_field(&row.src_text))?;
        writeln!(self.tgt, "{}", escape_field(&row.tgt_text))?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.src.flush()?;
        self.tgt.flush()?;
        Ok(())
    }
}
