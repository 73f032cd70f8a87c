//! The account of a run: every input, document, segment and pair, and every reject with its reason.

use serde::Serialize;

use super::Finished;
use crate::read::Reject;

/// Counts of a run; `documents == processed + rejected` always.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Inputs named or found (files, stdin, manifest sides).
    pub inputs: usize,
    /// Documents seen: processed plus rejected.
    pub documents: usize,
    /// Documents the job processed.
    pub processed: usize,
    /// Documents rejected (unreadable, no partner, job failure).
    pub rejected: usize,
    /// Content segments in processed documents.
    pub segments: usize,
    /// Pair rows written (counted by the writer: rows a format cannot hold are not written).
    pub pairs: usize,
    /// Every reject, in input order.
    pub rejects: Vec<Reject>,
}

impl Summary {
    /// A summary for a run over `inputs` inputs.
    pub fn new(inputs: usize) -> Self {
        Summary {
            inputs,
            ..Summary::default()
        }
    }

    /// Counts one finished item's documents, segments and rejects (not its rows: the writer
    /// counts the pairs it writes).
    pub fn record<R>(&mut self, finished: &Finished<R>) {
        match finished {
            Finished::Processed { documents, output } => {
                self.documents += documents;
                self.processed += documents;
                self.segments += output.segments;
            }
            Finished::Rejected(rejects) => {
                self.documents += rejects.len();
                self.rejected += rejects.len();
                self.rejects.extend(rejects.iter().cloned());
            }
        }
    }
}
