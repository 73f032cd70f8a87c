//! A seeded JSONL corpus of parallel documents built from the FLORES dev data (read in place):
//! shared by the thread-determinism test, the run benchmark and `examples/gen_corpus.rs`.
//!
//! Each parallel document is a run of consecutive FLORES sentences in two languages (English
//! first, or the other way round), one sentence a line, with a few sentences dropped on the
//! target side; adjacent records `docN.<src>` and `docN.<tgt>` form the pair. Every tenth record
//! is a single document with no partner (an id without a language suffix).

#![allow(dead_code)]

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// FLORES file stems and their language codes.
pub const LANGS: [(&str, &str); 4] = [
    ("eng_Latn", "en"),
    ("spa_Latn", "es"),
    ("rus_Cyrl", "ru"),
    ("ukr_Cyrl", "uk"),
];

/// The seeded generator the corpus is drawn with: the corpus depends on the seed only.
pub use talign::eval::synth::SplitMix64 as SplitMix;

/// The FLORES sentences per language, or `None` when the data is not there.
pub fn load_flores(data: &Path) -> Option<Vec<(String, Vec<String>)>> {
    let mut out = Vec::new();
    for (stem, code) in LANGS {
        let text = fs::read_to_string(data.join("flores").join(format!("{stem}.devtest"))).ok()?;
        out.push((code.to_string(), text.lines().map(str::to_string).collect()));
    }
    Some(out)
}

/// Writes at least `target_bytes` of JSONL to `out`; returns (bytes, records).
pub fn generate(
    flores: &[(String, Vec<String>)],
    seed: u64,
    target_bytes: usize,
    out: &mut impl Write,
) -> io::Result<(usize, usize)> {
    let mut rng = SplitMix::new(seed);
    let n = flores.first().map_or(0, |(_, l)| l.len());
    let (mut bytes, mut records, mut doc) = (0usize, 0usize, 0usize);
    while bytes < target_bytes && n > 0 {
        doc += 1;
        let start = rng.below(n);
        let len = 3 + rng.below(23);
        let end = (start + len).min(n);
        let other = 1 + rng.below(flores.len() - 1);
        let (a, b) = if rng.below(4) == 0 {
            (other, 0)
        } else {
            (0, other)
        };
        let mut lines = Vec::new();
        if doc % 10 == 0 {
            let text = flores[a].1[start..end].join("\n");
            lines.push(serde_json::json!({"id": format!("single{doc}"), "text": text}));
        } else {
            let src: Vec<&str> = flores[a].1[start..end].iter().map(String::as_str).collect();
            let mut tgt: Vec<&str> = flores[b].1[start..end]
                .iter()
                .filter(|_| rng.below(20) != 0)
                .map(String::as_str)
                .collect();
            if tgt.is_empty() {
                tgt.push(flores[b].1[start].as_str());
            }
            for (side, sents) in [(a, src), (b, tgt)] {
                let code = &flores[side].0;
                lines.push(serde_json::json!({
                    "id": format!("doc{doc}.{code}"),
                    "lang": code,
                    "text": sents.join("\n"),
                }));
            }
        }
        for line in lines {
            let s = line.to_string();
            out.write_all(s.as_bytes())?;
            out.write_all(b"\n")?;
            bytes += s.len() + 1;
            records += 1;
        }
    }
    Ok((bytes, records))
}
