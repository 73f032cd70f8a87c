//! Builds `data/lang/stopwords.tsv` from stopwords-iso (MIT licence) as shipped in the crates.io
//! crate `stop-words` 0.10.1 (`src/iso/stopwords-iso.json`), kept to the n-gram model's ten
//! languages and to words made of letters only:
//!
//! ```text
//! cargo run --example build_stopwords -- ~/.cargo/registry/src/index.crates.io-*/stop-words-0.10.1/src/iso/stopwords-iso.json data/lang/stopwords.tsv
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;

const LANGS: [&str; 10] = ["en", "ru", "es", "de", "fr", "uk", "it", "pt", "pl", "bg"];

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let input = args
        .next()
        .ok_or("usage: build_stopwords STOPWORDS_ISO_JSON OUT")?;
    let out = args
        .next()
        .ok_or("usage: build_stopwords STOPWORDS_ISO_JSON OUT")?;
    let lists: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&std::fs::read_to_string(input)?)?;
    let mut text = String::from(
        "# Function words per language, from stopwords-iso (MIT licence) as shipped in the crates.io\n\
         # crate stop-words 0.10.1 (src/iso/stopwords-iso.json). Columns: lang<TAB>word (lowercase letters only).\n\
         # Rebuild: see data/lang/README.md.\n",
    );
    for lang in LANGS {
        let words: BTreeSet<String> = lists
            .get(lang)
            .ok_or_else(|| format!("no list for {lang}"))?
            .iter()
            .map(|w| w.to_lowercase())
            .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
            .collect();
        for w in words {
            text.push_str(&format!("{lang}\t{w}\n"));
        }
    }
    std::fs::write(out, text)?;
    Ok(())
}
