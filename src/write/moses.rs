//! Moses: two line-aligned plain-text files, source and target, one segment a line.

use std::io::Write;

use super::{one_line, PairRow, PairWriter, WriteError};

/// Writes the source text of each row to one stream and the target text to the other, line `i`
/// of one translating line `i` of the other. Texts are written raw (Moses tools unescape
/// nothing); a line break or tab inside a text becomes a space ([`one_line`]), counted by
/// [`PairWriter::flattened`].
pub struct MosesWriter<W: Write> {
    src: W,
    tgt: W,
    flattened: usize,
}

impl<W: Write + Send> MosesWriter<W> {
    /// A Moses writer over the source and target streams.
    pub fn new(src: W, tgt: W) -> Self {
        MosesWriter {
            src,
            tgt,
            flattened: 0,
        }
    }
}

impl<W: Write + Send> PairWriter for MosesWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        for (out, text) in [
            (&mut self.src, &row.src_text),
            (&mut self.tgt, &row.tgt_text),
        ] {
            let line = one_line(text);
            if matches!(line, std::borrow::Cow::Owned(_)) {
                self.flattened += 1;
            }
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.src.flush()?;
        self.tgt.flush()?;
        Ok(())
    }

    fn flattened(&self) -> usize {
        self.flattened
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_raw_and_one_line_each() {
        let (mut src, mut tgt) = (Vec::new(), Vec::new());
        let mut w = MosesWriter::new(&mut src, &mut tgt);
        let row = PairRow {
            src_text: r"C:\Users\me said\ta\nb".to_string(),
            tgt_text: "line one\nline two\u{2028}three".to_string(),
            ..PairRow::default()
        };
        w.write_row(&row).unwrap_or_else(|e| panic!("{e}"));
        // a backslash stays one backslash: no Moses reader would undo an escape
        assert_eq!(w.flattened(), 1, "only the target text held line breaks");
        w.finish().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(src, b"C:\\Users\\me said\\ta\\nb\n");
        assert_eq!(tgt, "line one line two three\n".as_bytes());
    }
}
