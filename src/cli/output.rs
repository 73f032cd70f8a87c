//! Output destinations shared by the subcommands that write one stream.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Context;

/// Opens `-o FILE`, or stdout when absent or `-`, buffered.
pub fn open_output(path: Option<&Path>) -> anyhow::Result<Box<dyn Write>> {
    match path {
        Some(p) if p != Path::new("-") => {
            let file =
                File::create(p).with_context(|| format!("{}: cannot create", p.display()))?;
            Ok(Box::new(BufWriter::new(file)))
        }
        _ => Ok(Box::new(BufWriter::new(io::stdout().lock()))),
    }
}
