//! CSV (RFC 4180, via the `csv` crate) and TSV (escaped, see [`super::escape_field`]).

use std::io::Write;

use super::{escape_field, fields, PairRow, PairWriter, WriteError, COLUMNS};

/// Writes RFC 4180 CSV with a header row.
pub struct CsvWriter<W: Write> {
    out: csv::Writer<W>,
}

impl<W: Write + Send> CsvWriter<W> {
    /// A CSV writer; `bom` starts the output with a UTF-8 byte-order mark.
    pub fn new(mut inner: W, bom: bool) -> Result<Self, WriteError> {
        if bom {
            inner.write_all("\u{feff}".as_bytes())?;
        }
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(inner);
        out.write_record(COLUMNS)?;
        Ok(CsvWriter { out })
    }
}

impl<W: Write + Send> PairWriter for CsvWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        self.out.write_record(fields(row))?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.out.flush()?;
        Ok(())
    }
}

/// Writes tab-separated rows with a header; fields escaped with [`escape_field`].
pub struct TsvWriter<W: Write> {
    out: W,
}

impl<W: Write + Send> TsvWriter<W> {
    /// A TSV writer.
    pub fn new(mut out: W) -> Result<Self, WriteError> {
        writeln!(out, "{}", COLUMNS.join("\t"))?;
        Ok(TsvWriter { out })
    }
}

impl<W: Write + Send> PairWriter for TsvWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        let line: Vec<String> = fields(row).iter().map(|f| escape_field(f)).collect();
        writeln!(self.out, "{}", line.join("\t"))?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.out.flush()?;
        Ok(())
    }
}
