//! The baseline of the language-ID speed comparison: whatlang on every line of a file, one
//! answer a line (`code<TAB>confidence`), as a command-line detector built on whatlang would
//! run. `scripts/bench_detect.sh` times it beside `talign detect --lines`, one process per file.
//!
//! `cargo run --release --example whatlang_lines -- FILE [FILE…] > answers.tsv`

use std::io::{BufWriter, Write};

fn main() -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        for line in text.lines() {
            match whatlang::detect(line) {
                Some(info) => writeln!(out, "{}\t{:.3}", info.lang().code(), info.confidence())?,
                None => writeln!(out, "und\t0.000")?,
            }
        }
    }
    out.flush()?;
    Ok(())
}
