//! Builds `crates/talign-lang-words/words.bin`, the word-frequency table of `talign::lang::wordfreq`, from a
//! `lang<TAB>word<TAB>q` list (`q`: the word's frequency as `-10 · log10`, 0–60), such as
//! `scripts/export_wordfreq.py` writes from the wordfreq package's lists:
//!
//! ```text
//! python3 scripts/export_wordfreq.py WORDFREQ_DATA_DIR 40000 > /tmp/words.tsv
//! cargo run --release --example build_word_table -- /tmp/words.tsv crates/talign-lang-words/words.bin
//! ```
//!
//! The table has the n-gram model's languages in its slot order (so one slot mask serves both);
//! a language without a list simply has no values.

use std::collections::HashMap;
use std::error::Error;

use talign::lang::model::NgramModel;
use talign::lang::shard_file::{write_shards, Values};

/// Aimed-at words per bucket.
const PER_BUCKET: usize = 12;

fn main() -> Result<(), Box<dyn Error>> {
    let usage = "usage: build_word_table WORDS.tsv OUT.bin";
    let mut args = std::env::args().skip(1);
    let input = args.next().ok_or(usage)?;
    let output = args.next().ok_or(usage)?;
    let model = NgramModel::shipped().ok_or("the shipped n-gram model is damaged")?;
    let codes: Vec<&str> = model.langs().iter().map(|l| l.as_str()).collect();
    let slot_of: HashMap<&str, u8> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, i as u8))
        .collect();
    let text = std::fs::read_to_string(&input).map_err(|e| format!("{input}: {e}"))?;
    let mut table: HashMap<Vec<u8>, Values> = HashMap::new();
    let mut split = 0usize;
    for (n, line) in text.lines().enumerate() {
        let mut cols = line.split('\t');
        let (Some(lang), Some(word), Some(q), None) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            return Err(format!("{input}:{}: not lang<TAB>word<TAB>q", n + 1).into());
        };
        let slot = *slot_of
            .get(lang)
            .ok_or_else(|| format!("{input}:{}: {lang} is not a model language", n + 1))?;
        let q: u8 = q
            .parse()
            .map_err(|e| format!("{input}:{}: {q}: {e}", n + 1))?;
        if word.to_lowercase() != word {
            return Err(format!("{input}:{}: {word} is not lowercase", n + 1).into());
        }
        if !word.chars().all(char::is_alphabetic) {
            split += 1;
            continue;
        }
        let values = table.entry(word.as_bytes().to_vec()).or_default();
        if !values.iter().any(|&(s, _)| s == slot) {
            values.push((slot, q));
        }
    }
    let words = table.len();
    let files = write_shards(&codes, table.into_iter().collect(), PER_BUCKET, 0)?;
    let file = files.first().ok_or("no shard written")?;
    std::fs::write(&output, file).map_err(|e| format!("{output}: {e}"))?;
    println!(
        "{words} words, {} bytes ({split} listed words left out: talign would read them as several)",
        file.len()
    );
    Ok(())
}
