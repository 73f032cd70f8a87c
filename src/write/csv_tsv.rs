//! CSV (RFC 4180, via the `csv` crate) and TSV (escaped, see [`super::escape_field`]).

use std::io::Write;

use super::{csv_safe, escape_field, Columns, Field, PairRow, PairWriter, WriteError};

/// A row's fields, formula-like cells prefixed when `safe` (see [`csv_safe`]).
fn cells<'a>(columns: Columns, row: &'a PairRow, safe: bool) -> Vec<Field<'a>> {
    let fields = columns.fields(row);
    if !safe {
        return fields;
    }
    fields
        .into_iter()
        .map(|f| match csv_safe(&f) {
            std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s),
            std::borrow::Cow::Borrowed(_) => f,
        })
        .collect()
}

/// Writes RFC 4180 CSV with a header row.
pub struct CsvWriter<W: Write> {
    out: csv::Writer<W>,
    columns: Columns,
    safe: bool,
}

impl<W: Write + Send> CsvWriter<W> {
    /// A CSV writer; `bom` starts the output with a UTF-8 byte-order mark.
    pub fn new(inner: W, bom: bool) -> Result<Self, WriteError> {
        Self::with_columns(inner, bom, Columns::Pairs)
    }

    /// A CSV writer with the given columns.
    pub fn with_columns(mut inner: W, bom: bool, columns: Columns) -> Result<Self, WriteError> {
        if bom {
            inner.write_all("\u{feff}".as_bytes())?;
        }
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(inner);
        out.write_record(columns.header())?;
        Ok(CsvWriter {
            out,
            columns,
            safe: false,
        })
    }

    /// Prefixes `'` to cells a spreadsheet would run as a formula (see [`csv_safe`]).
    pub fn csv_safe(mut self, on: bool) -> Self {
        self.safe = on;
        self
    }
}

impl<W: Write + Send> PairWriter for CsvWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        let cells = cells(self.columns, row, self.safe);
        self.out.write_record(cells.iter().map(|f| f.as_bytes()))?;
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
    columns: Columns,
    safe: bool,
}

impl<W: Write + Send> TsvWriter<W> {
    /// A TSV writer.
    pub fn new(out: W) -> Result<Self, WriteError> {
        Self::with_columns(out, Columns::Pairs)
    }

    /// A TSV writer with the given columns.
    pub fn with_columns(mut out: W, columns: Columns) -> Result<Self, WriteError> {
        writeln!(out, "{}", columns.header().join("\t"))?;
        Ok(TsvWriter {
            out,
            columns,
            safe: false,
        })
    }

    /// Prefixes `'` to cells a spreadsheet would run as a formula (see [`csv_safe`]).
    pub fn csv_safe(mut self, on: bool) -> Self {
        self.safe = on;
        self
    }
}

impl<W: Write + Send> PairWriter for TsvWriter<W> {
    fn write_row(&mut self, row: &PairRow) -> Result<(), WriteError> {
        let line: Vec<String> = cells(self.columns, row, self.safe)
            .iter()
            .map(|f| escape_field(f))
            .collect();
        writeln!(self.out, "{}", line.join("\t"))?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.out.flush()?;
        Ok(())
    }
}
