//! Builds the shards of talign's character n-gram model (`crates/talign-lang-model-*/shard.bin`)
//! from the n-gram models of lingua-rs (Apache-2.0).
//!
//! The models ship inside the crates `lingua-<language>-language-model` 1.3 on crates.io as
//! `models/ngrams.fst`: an FST map from each n-gram of one to five letters to the natural log of
//! its relative frequency given its first n-1 letters, as f64 bits. Fetch them with cargo (a
//! scratch crate depending on the model crates of [`LANGS`], then `cargo fetch`) and run:
//!
//! ```text
//! cargo run --release --example build_lang_model -- ~/.cargo/registry/src/index.crates.io-*/ crates
//! ```
//!
//! Only `models/ngrams.fst` is read; the crates' `testdata/` is evaluation data and never used.
//!
//! Size budget: the ten languages of the fast path keep every n-gram; the others keep every
//! n-gram of one to three letters and the 4- and 5-grams whose estimated probability in running
//! text (the product of the conditional probabilities of their prefixes) reaches
//! `e^MIN_JOINT_LOG_PROB`: rare long n-grams carry little evidence per byte. Languages whose
//! script decides alone (Greek, Hebrew, Thai, Hangul ...) are left out: the model never sees them.

use std::collections::HashMap;
use std::error::Error;
use std::path::{Path, PathBuf};

use fst::Streamer;
use talign::lang::model::SCALE;
use talign::lang::shard_file::{write_shards, Values};

/// ISO 639-1 code and lingua's crate name of each language, in the model's slot order.
const LANGS: [(&str, &str); 62] = [
    ("en", "english"),
    ("ru", "russian"),
    ("es", "spanish"),
    ("de", "german"),
    ("fr", "french"),
    ("uk", "ukrainian"),
    ("it", "italian"),
    ("pt", "portuguese"),
    ("pl", "polish"),
    ("bg", "bulgarian"),
    ("af", "afrikaans"),
    ("sq", "albanian"),
    ("ar", "arabic"),
    ("az", "azerbaijani"),
    ("eu", "basque"),
    ("be", "belarusian"),
    ("nb", "bokmal"),
    ("bs", "bosnian"),
    ("ca", "catalan"),
    ("hr", "croatian"),
    ("cs", "czech"),
    ("da", "danish"),
    ("nl", "dutch"),
    ("eo", "esperanto"),
    ("et", "estonian"),
    ("fi", "finnish"),
    ("lg", "ganda"),
    ("hi", "hindi"),
    ("hu", "hungarian"),
    ("is", "icelandic"),
    ("id", "indonesian"),
    ("ga", "irish"),
    ("kk", "kazakh"),
    ("la", "latin"),
    ("lv", "latvian"),
    ("lt", "lithuanian"),
    ("mk", "macedonian"),
    ("ms", "malay"),
    ("mi", "maori"),
    ("mr", "marathi"),
    ("mn", "mongolian"),
    ("nn", "nynorsk"),
    ("fa", "persian"),
    ("ro", "romanian"),
    ("sr", "serbian"),
    ("sn", "shona"),
    ("sk", "slovak"),
    ("sl", "slovene"),
    ("so", "somali"),
    ("st", "sotho"),
    ("sw", "swahili"),
    ("sv", "swedish"),
    ("tl", "tagalog"),
    ("ts", "tsonga"),
    ("tn", "tswana"),
    ("tr", "turkish"),
    ("ur", "urdu"),
    ("vi", "vietnamese"),
    ("cy", "welsh"),
    ("xh", "xhosa"),
    ("yo", "yoruba"),
    ("zu", "zulu"),
];

/// The first languages of [`LANGS`] keep every n-gram (the ten of the fast path).
const FULL_LANGS: usize = 10;

/// Smallest estimated log-probability in running text of a 4- or 5-gram kept for the other
/// languages.
const MIN_JOINT_LOG_PROB: f32 = -16.5;

/// The table is split into `2^SHARD_BITS` shards by the top bits of the bucket.
const SHARD_BITS: u32 = 3;

/// Aimed-at n-grams per bucket (the bucket bits follow from the n-gram count).
const PER_BUCKET: usize = 12;

type Table = HashMap<Vec<u8>, Values>;

fn read_language(path: &Path) -> Result<HashMap<Vec<u8>, f32>, Box<dyn Error>> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let map = fst::Map::new(bytes)?;
    let mut stream = map.stream();
    let mut out = HashMap::new();
    while let Some((key, value)) = stream.next() {
        out.insert(key.to_vec(), f64::from_bits(value) as f32);
    }
    Ok(out)
}

/// The estimated log-probability of an n-gram in running text: its prefixes' conditional values
/// summed (a prefix the model lacks counts as very unlikely).
fn joint_log_prob(gram: &[u8], model: &HashMap<Vec<u8>, f32>) -> f32 {
    let Ok(text) = std::str::from_utf8(gram) else {
        return f32::NEG_INFINITY;
    };
    text.char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .map(|end| model.get(&gram[..end]).copied().unwrap_or(-20.0))
        .sum()
}

fn main() -> Result<(), Box<dyn Error>> {
    let usage = "usage: build_lang_model REGISTRY_DIR CRATES_DIR";
    let mut args = std::env::args().skip(1);
    let registry = PathBuf::from(args.next().ok_or(usage)?);
    let crates = PathBuf::from(args.next().ok_or(usage)?);

    let mut table: Table = HashMap::new();
    for (slot, (code, name)) in LANGS.iter().enumerate() {
        let path = registry
            .join(format!("lingua-{name}-language-model-1.3.0"))
            .join("models/ngrams.fst");
        let model = read_language(&path)?;
        let (mut kept, mut dropped) = (0usize, 0usize);
        for (gram, &ln_p) in &model {
            let order = std::str::from_utf8(gram).map_or(0, |t| t.chars().count());
            if slot >= FULL_LANGS && order >= 4 && joint_log_prob(gram, &model) < MIN_JOINT_LOG_PROB
            {
                dropped += 1;
                continue;
            }
            kept += 1;
            let q = (-ln_p * SCALE).round().clamp(1.0, 255.0) as u8;
            table.entry(gram.clone()).or_default().push((slot as u8, q));
        }
        eprintln!("{code}: {kept} n-grams kept, {dropped} dropped");
    }

    let n_grams = table.len();
    let n_values: usize = table.values().map(Vec::len).sum();
    let codes: Vec<&str> = LANGS.iter().map(|(code, _)| *code).collect();
    let files = write_shards(&codes, table.into_iter().collect(), PER_BUCKET, SHARD_BITS)?;
    let mut total = 0;
    for (index, file) in files.iter().enumerate() {
        let out = crates
            .join(format!("talign-lang-model-{index}"))
            .join("shard.bin");
        std::fs::write(&out, file).map_err(|e| format!("{}: {e}", out.display()))?;
        total += file.len();
    }
    println!(
        "{} languages, {n_grams} n-grams, {n_values} values in {} shards, {total} bytes",
        LANGS.len(),
        1 << SHARD_BITS
    );
    Ok(())
}
