//! Development helper: prints `word<TAB>stem` for each word read from standard input (one a line),
//! stemmed as the aligner and `talign mine` stem that language (Snowball, or the light suffix
//! table of `data/stem/`). With a lemmatiser's output beside it, this measures how well a table
//! joins the forms of one word and keeps different words apart (`scripts/stem_check.py`).
//!
//! Usage: cargo run --release --example stem_words -- LANG < words.txt
use std::io::{BufRead, Write};

use talign::align::anchors::Stemmers;

fn main() -> anyhow::Result<()> {
    let code = std::env::args().nth(1).unwrap_or_else(|| "uk".into());
    let lang =
        talign::Lang::new(&code).ok_or_else(|| anyhow::anyhow!("unknown language {code}"))?;
    let stemmers = Stemmers::new();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let word = line?;
        let word = word.trim();
        if !word.is_empty() {
            writeln!(out, "{word}\t{}", stemmers.stem(word, lang))?;
        }
    }
    Ok(())
}
