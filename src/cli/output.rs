//! Output destinations and the per-input error report shared by the subcommands.

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

/// Tallies inputs and rejects, reporting each reject on stderr as it happens.
#[derive(Debug, Default)]
pub struct InputReport {
    inputs: usize,
    rejected: usize,
}

impl InputReport {
    /// Counts one input that was processed.
    pub fn ok(&mut self) {
        self.inputs += 1;
    }

    /// Counts one rejected input and names it and the reason on stderr.
    pub fn reject(&mut self, err: &dyn std::fmt::Display) {
        self.inputs += 1;
        self.rejected += 1;
        let _ = writeln!(io::stderr(), "talign: rejected: {err}");
    }

    /// The outcome: an error when nothing was usable, `SomeRejected` when part was.
    pub fn outcome(&self) -> anyhow::Result<super::Outcome> {
        if self.rejected == 0 {
            return Ok(super::Outcome::Done);
        }
        let _ = writeln!(
            io::stderr(),
            "talign: {} of {} inputs rejected",
            self.rejected,
            self.inputs
        );
        if self.rejected == self.inputs {
            anyhow::bail!("no usable input");
        }
        Ok(super::Outcome::SomeRejected)
    }
}
