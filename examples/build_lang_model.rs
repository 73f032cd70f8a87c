//! Builds `data/lang/ngrams.bin` from the n-gram models of lingua-rs (Apache-2.0).
//!
//! The models ship inside the crates `lingua-<language>-language-model` 1.3 on crates.io as
//! `models/ngrams.fst`: an FST map from each n-gram of one to five letters to the natural log of
//! its relative frequency given its first n-1 letters, as f64 bits. Fetch them with cargo (a
//! scratch crate depending on the ten model crates, then `cargo fetch`) and run:
//!
//! ```text
//! cargo run --release --example build_lang_model -- ~/.cargo/registry/src/index.crates.io-*/ data/lang/ngrams.bin
//! ```
//!
//! Only `models/ngrams.fst` is read; the crates' `testdata/` is evaluation data and never used.

use std::collections::BTreeMap;
use std::error::Error;
use std::path::PathBuf;

use fst::Streamer;
use talign::lang::model::{bucket, fingerprint, ngram_hash, MAGIC, SCALE};

/// ISO 639-1 code and lingua's crate name of each language, in the model's slot order.
const LANGS: [(&str, &str); 10] = [
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
];

/// Buckets are `2^BUCKET_BITS`: about eight n-grams each for two million n-grams.
const BUCKET_BITS: u32 = 18;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let registry = PathBuf::from(
        args.next()
            .ok_or("usage: build_lang_model REGISTRY_DIR OUT")?,
    );
    let out = PathBuf::from(
        args.next()
            .ok_or("usage: build_lang_model REGISTRY_DIR OUT")?,
    );

    // n-gram -> quantised value per language (0 = unseen)
    let mut table: BTreeMap<Vec<u8>, [u8; 10]> = BTreeMap::new();
    for (slot, (_, name)) in LANGS.iter().enumerate() {
        let path = registry
            .join(format!("lingua-{name}-language-model-1.3.0"))
            .join("models/ngrams.fst");
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let map = fst::Map::new(bytes)?;
        let mut stream = map.stream();
        while let Some((key, value)) = stream.next() {
            let ln_p = f64::from_bits(value) as f32;
            let q = (-ln_p * SCALE).round().clamp(1.0, 255.0) as u8;
            table.entry(key.to_vec()).or_insert([0; 10])[slot] = q;
        }
    }

    // group by bucket, entries within a bucket in n-gram order (deterministic output)
    let n_buckets = 1usize << BUCKET_BITS;
    let mut by_bucket: Vec<Vec<(u16, [u8; 10])>> = vec![Vec::new(); n_buckets];
    for (gram, values) in &table {
        let h = ngram_hash(gram);
        by_bucket[bucket(h, BUCKET_BITS)].push((fingerprint(h), *values));
    }
    let mut bucket_table = Vec::with_capacity((n_buckets + 1) * 8);
    let mut entries = Vec::new();
    let mut values = Vec::new();
    let (mut n_entries, mut n_values) = (0u32, 0u32);
    for items in &by_bucket {
        bucket_table.extend_from_slice(&n_entries.to_le_bytes());
        bucket_table.extend_from_slice(&n_values.to_le_bytes());
        for (fp, vals) in items {
            let mut mask = 0u16;
            for (slot, &q) in vals.iter().enumerate() {
                if q != 0 {
                    mask |= 1 << slot;
                    values.push(q);
                    n_values += 1;
                }
            }
            entries.extend_from_slice(&fp.to_le_bytes());
            entries.extend_from_slice(&mask.to_le_bytes());
            n_entries += 1;
        }
    }
    bucket_table.extend_from_slice(&n_entries.to_le_bytes());
    bucket_table.extend_from_slice(&n_values.to_le_bytes());

    let mut file = Vec::new();
    file.extend_from_slice(MAGIC);
    file.extend_from_slice(&(LANGS.len() as u32).to_le_bytes());
    for (code, _) in LANGS {
        file.extend_from_slice(code.as_bytes());
    }
    file.extend_from_slice(&BUCKET_BITS.to_le_bytes());
    file.extend_from_slice(&n_entries.to_le_bytes());
    file.extend_from_slice(&n_values.to_le_bytes());
    file.extend_from_slice(&bucket_table);
    file.extend_from_slice(&entries);
    file.extend_from_slice(&values);
    std::fs::write(&out, &file)?;
    println!(
        "{}: {} n-grams, {} values, {} bytes",
        out.display(),
        n_entries,
        n_values,
        file.len()
    );
    Ok(())
}
