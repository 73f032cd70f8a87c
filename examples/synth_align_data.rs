//! Writes synthetic parallel documents with gold links, built from the evaluation data in place
//! (nothing is copied into the repository):
//!
//! - `flores OUT_DIR`: FLORES pages as documents, en-ru, en-es and en-uk, with neighbouring
//!   sentences merged on either side and a few dropped: `OUT_DIR/en-xx/NNN.{src,tgt,gold}`.
//! - `long N OUT_PREFIX`: one document pair of about N sentences drawn from Tatoeba and the
//!   Text+Berg dev 1-1 links: `OUT_PREFIX.{src,tgt,gold}`.
//!
//! `cargo run --release --example synth_align_data -- long 100000 /tmp/long [DATA_DIR]`

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use talign::eval::align::{format_link, read_links};
use talign::eval::synth::{
    long_document, read_lines, Flores, SynthDoc, SynthOptions, FLORES_LANGS,
};

fn write_doc(doc: &SynthDoc, prefix: &Path) -> std::io::Result<()> {
    let with = |ext: &str| PathBuf::from(format!("{}.{ext}", prefix.display()));
    fs::write(with("src"), doc.src.join("\n") + "\n")?;
    fs::write(with("tgt"), doc.tgt.join("\n") + "\n")?;
    let mut gold = fs::File::create(with("gold"))?;
    for (s, t) in &doc.gold {
        writeln!(gold, "{}", format_link(s, t))?;
    }
    Ok(())
}

fn flores(data: &Path, out: &Path) -> std::io::Result<()> {
    let flores = Flores::load(&data.join("flores"))?;
    for (code, _) in FLORES_LANGS {
        let dir = out.join(format!("en-{code}"));
        fs::create_dir_all(&dir)?;
        for (k, doc) in flores
            .documents(code, &SynthOptions::default())
            .iter()
            .enumerate()
        {
            write_doc(doc, &dir.join(format!("{k:03}")))?;
        }
    }
    Ok(())
}

fn long(data: &Path, n: usize, prefix: &Path) -> std::io::Result<()> {
    let mut pool: Vec<(String, String)> = Vec::new();
    let tat = data.join("tatoeba");
    for (a, b) in [
        ("rus-eng.eng", "rus-eng.rus"),
        ("spa-eng.eng", "spa-eng.spa"),
    ] {
        let (x, y) = (
            read_lines(&tat.join(format!("tatoeba.{a}")))?,
            read_lines(&tat.join(format!("tatoeba.{b}")))?,
        );
        pool.extend(x.into_iter().zip(y));
    }
    let tb = data.join("textberg-dev");
    let (de, fr) = (
        read_lines(&tb.join("dev.de"))?,
        read_lines(&tb.join("dev.fr"))?,
    );
    let gold = fs::File::open(tb.join("dev.defr"))
        .ok()
        .and_then(|f| read_links(f, "dev.defr").ok())
        .unwrap_or_default();
    for (s, t) in gold {
        if let ([i], [j]) = (s.as_slice(), t.as_slice()) {
            if let (Some(a), Some(b)) = (de.get(*i), fr.get(*j)) {
                pool.push((a.trim().to_string(), b.trim().to_string()));
            }
        }
    }
    let refs: Vec<(&str, &str)> = pool.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let doc = long_document(&refs, n, &SynthOptions::default());
    write_doc(&doc, prefix)
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |k: usize| args.get(k).map(String::as_str);
    match (arg(0), arg(1), arg(2)) {
        (Some("flores"), Some(out), data) => {
            flores(Path::new(data.unwrap_or("../shared/data")), Path::new(out))
        }
        (Some("long"), Some(n), Some(prefix)) => long(
            Path::new(arg(3).unwrap_or("../shared/data")),
            n.parse().unwrap_or(100_000),
            Path::new(prefix),
        ),
        _ => {
            eprintln!("usage: synth_align_data flores OUT_DIR [DATA] | long N OUT_PREFIX [DATA]");
            Ok(())
        }
    }
}
