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
    /// Texts written with their line breaks or tabs turned into spaces (Moses holds one text a
    /// line).
    pub flattened: usize,
    /// Every reject, in input order.
    pub rejects: Vec<Reject>,
    /// Lines of line-list inputs kept with their invalid UTF-8 replaced, in input order (see
    /// [`crate::read::decode_lines`]).
    pub repaired: Vec<Reject>,
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

/// Rejects held in memory before [`Summary::spill_rejects`] moves them out.
pub const REJECTS_IN_MEMORY: usize = 4096;

impl Summary {
    /// Moves the rejects held in memory to `spill`, one JSON object a line, so a corpus with
    /// millions of bad lines keeps memory flat; [`Summary::write_json`] puts them back in order.
    pub fn spill_rejects(&mut self, spill: &mut impl std::io::Write) -> std::io::Result<()> {
        for r in self.rejects.drain(..) {
            serde_json::to_writer(&mut *spill, &r)?;
            spill.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Writes the summary as JSON: the counts, then `rejects` — those spilled earlier (the JSON
    /// lines of `spilled`, in order) followed by those still in memory.
    pub fn write_json(
        &self,
        out: &mut impl std::io::Write,
        spilled: Option<&mut dyn std::io::BufRead>,
    ) -> std::io::Result<()> {
        let counts = [
            ("inputs", self.inputs),
            ("documents", self.documents),
            ("processed", self.processed),
            ("rejected", self.rejected),
            ("segments", self.segments),
            ("pairs", self.pairs),
            ("flattened", self.flattened),
            ("repaired_lines", self.repaired.len()),
        ];
        out.write_all(b"{\n")?;
        for (name, n) in counts {
            writeln!(out, "  \"{name}\": {n},")?;
        }
        out.write_all(b"  \"repaired\": [")?;
        for (k, r) in self.repaired.iter().enumerate() {
            out.write_all(if k == 0 { b"\n    " } else { b",\n    " })?;
            serde_json::to_writer(&mut *out, r)?;
        }
        out.write_all(if self.repaired.is_empty() {
            b"],\n"
        } else {
            b"\n  ],\n"
        })?;
        out.write_all(b"  \"rejects\": [")?;
        let mut first = true;
        let mut item = |out: &mut dyn std::io::Write, json: &str| -> std::io::Result<()> {
            out.write_all(if first { b"\n    " } else { b",\n    " })?;
            first = false;
            out.write_all(json.as_bytes())
        };
        if let Some(spilled) = spilled {
            for line in std::io::BufRead::lines(spilled) {
                let line = line?;
                if !line.is_empty() {
                    item(out, &line)?;
                }
            }
        }
        for r in &self.rejects {
            item(out, &serde_json::to_string(r)?)?;
        }
        out.write_all(if first { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilled_and_kept_rejects_come_back_in_order_as_valid_json() {
        let mut s = Summary::new(3);
        s.rejects.push(Reject::new("a", Some(1), "bad \"quote\""));
        s.rejects.push(Reject::new("b", None, "empty"));
        let mut spill = Vec::new();
        s.spill_rejects(&mut spill)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(s.rejects.is_empty());
        s.rejects.push(Reject::new("c", Some(9), "not JSON"));
        s.rejected = 3;
        let mut out = Vec::new();
        let mut reader = spill.as_slice();
        s.write_json(&mut out, Some(&mut reader))
            .unwrap_or_else(|e| panic!("{e}"));
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(v["rejected"], 3);
        let inputs: Vec<&str> = v["rejects"]
            .as_array()
            .map(|a| a.iter().filter_map(|r| r["input"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(inputs, ["a", "b", "c"]);
        assert_eq!(v["rejects"][0]["reason"], "bad \"quote\"");

        let mut empty = Vec::new();
        Summary::new(0)
            .write_json(&mut empty, None)
            .unwrap_or_else(|e| panic!("{e}"));
        let v: serde_json::Value = serde_json::from_slice(&empty).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(v["rejects"].as_array().map(Vec::len), Some(0));
    }
}
