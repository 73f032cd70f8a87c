//! vecalign's alignment lines, `[0, 1]:[2]:0.156000`: the gold-format link and a third field, so
//! talign's output drops into vecalign's scripts (its `score.py` reads the two id lists and
//! ignores the third field).

use std::io::Write;

use super::{PairRow, PairWriter, WriteError};

/// Writes each row as `[src ids]:[tgt ids]:score`, the score with six decimals as vecalign
/// prints its costs. The number is talign's link score (higher is better), not vecalign's cost
/// (lower is better); null links are written too, as vecalign does.
pub struct VecalignWriter<W: Write> {
    out: W,
}

impl<W: Write + Send> VecalignWriter<W> {
    /// A vecalign writer.
    pub fn new(out: W) -> Self {
        VecalignWriter { out }
    }
}

fn list(ids: &[usize]) -> String {
    let inner: Vec<String> = ids.iter().map(usize::to_string).collect();
    format!("[{}]", inner.join(", "))
}

impl<W: Write + Send> PairWriter for VecalignWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        let score = if row.score.is_finite() {
            row.score
        } else {
            0.0
        };
        writeln!(
            self.out,
            "{}:{}:{:.6}",
            list(&row.src_ids),
            list(&row.tgt_ids),
            score + 0.0
        )?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_written_as_vecalign_prints_them() {
        let mut buf = Vec::new();
        let mut w = VecalignWriter::new(&mut buf);
        for (src, tgt, score) in [
            (vec![0], vec![0], 0.156),
            (vec![1, 2], vec![1], -2.5),
            (vec![3], vec![], f64::NAN),
        ] {
            let row = PairRow {
                src_ids: src,
                tgt_ids: tgt,
                score,
                ..PairRow::default()
            };
            PairWriter::write_row(&mut w, &row).unwrap_or_else(|e| panic!("{e}"));
        }
        PairWriter::finish(&mut w).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            String::from_utf8(buf).unwrap_or_default(),
            "[0]:[0]:0.156000\n[1, 2]:[1]:-2.500000\n[3]:[]:0.000000\n"
        );
    }
}
