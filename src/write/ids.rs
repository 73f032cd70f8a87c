//! Ids: mined pairs as indices, `query<TAB>pool<TAB>score<TAB>margin<TAB>accepted`, the test
//! format of `talign eval mine`.

use std::io::Write;

use super::{PairRow, PairWriter, WriteError};

/// Writes each row as `query_index<TAB>pool_index<TAB>score<TAB>margin<TAB>accepted`: the first
/// source and target ids (0-based; `-` when a side has none), score and margin with four decimals
/// as Rust formats them, and `true`/`false`. No header, no escaping (no text is written).
pub struct IdsWriter<W: Write> {
    out: W,
}

impl<W: Write + Send> IdsWriter<W> {
    /// An ids writer.
    pub fn new(out: W) -> Self {
        IdsWriter { out }
    }
}

fn first(ids: &[usize]) -> String {
    ids.first()
        .map_or_else(|| "-".to_string(), usize::to_string)
}

impl<W: Write + Send> PairWriter for IdsWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        let q = row.quote.as_ref();
        // Formatted as `talign mine` always wrote them (`{:.4}`, unrounded first), so the
        // format stays byte-identical across versions.
        writeln!(
            self.out,
            "{}\t{}\t{:.4}\t{:.4}\t{}",
            first(&row.src_ids),
            first(&row.tgt_ids),
            row.score,
            q.and_then(|q| q.margin).unwrap_or(0.0),
            q.and_then(|q| q.accepted).unwrap_or(false)
        )?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.out.flush()?;
        Ok(())
    }
}
