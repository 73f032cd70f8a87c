//! Compares talign's sentence splitter with the `sentencex` crate on real text.
//!
//! `cargo run --release --example compare_splitters [DATA_DIR]` (default `../shared/data`).
//! For each language of `DATA_DIR/langid`, one-sentence lines are joined five at a time into
//! paragraphs; the joins are the gold boundaries. Prints boundary precision / recall / F1 for both
//! splitters, then checks the seed article's known traps.

use std::path::PathBuf;

use talign::segment::split_sentences;

const GROUP: usize = 5;

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn add(&mut self, gold: &[usize], test: &[usize]) {
        let hits = test.iter().filter(|b| gold.contains(b)).count();
        self.tp += hits;
        self.fp += test.len() - hits;
        self.fn_ += gold.len() - hits;
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        (p, r, 2.0 * p * r / (p + r).max(1e-9))
    }
}

/// Inner boundaries (byte offsets of each sentence start but the first) of a split.
fn starts(text: &str, pieces: &[&str]) -> Vec<usize> {
    let base = text.as_ptr() as usize;
    pieces
        .iter()
        .skip(1)
        .map(|p| {
            let off = p.as_ptr() as usize - base;
            off + (p.len() - p.trim_start().len())
        })
        .collect()
}

fn main() -> anyhow::Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/data".into()),
    );
    let langid = dir.join("langid");
    if !langid.is_dir() {
        anyhow::bail!("{} not found", langid.display());
    }
    println!("| lang | talign P / R / F1 | sentencex P / R / F1 |\n| --- | --- | --- |");
    let (mut all_t, mut all_s) = (Score::default(), Score::default());
    let mut langs: Vec<_> = std::fs::read_dir(&langid)?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| langid.join(n).is_dir())
        .collect();
    langs.sort();
    for lang in langs {
        let text = std::fs::read_to_string(langid.join(&lang).join("sentences.txt"))?;
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let (mut t, mut s) = (Score::default(), Score::default());
        for group in lines.chunks(GROUP) {
            let para = group.join(" ");
            let mut gold = Vec::new();
            let mut off = 0;
            for line in &group[..group.len() - 1] {
                off += line.len() + 1;
                gold.push(off);
            }
            let ours: Vec<&str> = split_sentences(&para, &[])
                .into_iter()
                .map(|r| &para[r])
                .collect();
            t.add(&gold, &starts(&para, &ours));
            let theirs = sentencex::segment(&lang, &para);
            s.add(&gold, &starts(&para, &theirs));
        }
        let (tp, tr, tf) = t.prf();
        let (sp, sr, sf) = s.prf();
        println!("| {lang} | {tp:.3} / {tr:.3} / {tf:.3} | {sp:.3} / {sr:.3} / {sf:.3} |");
        for (a, b) in [(&mut all_t, t), (&mut all_s, s)] {
            a.tp += b.tp;
            a.fp += b.fp;
            a.fn_ += b.fn_;
        }
    }
    let (tp, tr, tf) = all_t.prf();
    let (sp, sr, sf) = all_s.prf();
    println!("| all | {tp:.3} / {tr:.3} / {tf:.3} | {sp:.3} / {sr:.3} / {sf:.3} |");

    let seed = std::fs::read_to_string("seeds/000_488fef76da5343e0.txt")?;
    let traps = [
        "Feb. 16, 2001",
        "U.S.-Russian",
        "U.S. sanctions",
        "Mr. Medvedev, I am",
        "U.S. regained",
        "U.S. Embassy Moscow",
    ];
    let ours: Vec<&str> = seed
        .lines()
        .flat_map(|l| split_sentences(l, &[]).into_iter().map(move |r| &l[r]))
        .collect();
    let theirs: Vec<&str> = seed
        .lines()
        .flat_map(|l| sentencex::segment("en", l))
        .collect();
    let kept = |pieces: &[&str]| {
        traps
            .iter()
            .filter(|t| pieces.iter().any(|p| p.contains(*t)))
            .count()
    };
    println!(
        "\nseed traps kept whole: talign {}/{}, sentencex {}/{}",
        kept(&ours),
        traps.len(),
        kept(&theirs),
        traps.len()
    );
    println!(
        "attributions kept with their quote (\"...\" X said): talign {}, sentencex {}",
        ours.iter()
            .filter(|p| p.starts_with('"') && p.contains("\" Rogozin said"))
            .count(),
        theirs
            .iter()
            .filter(|p| p.starts_with('"') && p.contains("\" Rogozin said"))
            .count(),
    );
    Ok(())
}
