//! Builds `data/lang/stopwords.tsv` from the stop-word lists shipped in the crates.io crate
//! `stop-words` 0.10.1 (MIT OR Apache-2.0): stopwords-iso (`src/iso/stopwords-iso.json`, MIT) and
//! the NLTK lists (`src/nltk/<language>`), kept to the n-gram model's languages and to words made of
//! letters only:
//!
//! ```text
//! cargo run --example build_stopwords -- ~/.cargo/registry/src/index.crates.io-*/stop-words-0.10.1 data/lang/stopwords.tsv
//! ```
//!
//! A list made for one standard of a language counts for its sibling standards too (Norwegian for
//! Bokmål and Nynorsk, Croatian for Bosnian, Indonesian and Malay for each other): they share their
//! function words, and a sibling
//! without a list would otherwise lose to one with a list on every shared word.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::path::PathBuf;

/// Each output language and the lists it takes: stopwords-iso codes and NLTK file names.
const SOURCES: &[(&str, &[&str], &[&str])] = &[
    ("en", &["en"], &["english"]),
    ("ru", &["ru"], &["russian"]),
    ("es", &["es"], &["spanish"]),
    ("de", &["de"], &["german"]),
    ("fr", &["fr"], &["french"]),
    ("uk", &["uk"], &[]),
    ("it", &["it"], &["italian"]),
    ("pt", &["pt"], &["portuguese"]),
    ("pl", &["pl"], &[]),
    ("bg", &["bg"], &[]),
    ("af", &["af"], &[]),
    ("sq", &[], &["albanian"]),
    ("ar", &["ar"], &["arabic"]),
    ("az", &[], &["azerbaijani"]),
    ("eu", &["eu"], &["basque"]),
    ("be", &[], &["belarusian"]),
    ("nb", &["no"], &["norwegian"]),
    ("nn", &["no"], &["norwegian"]),
    ("bs", &["hr"], &[]),
    ("ca", &["ca"], &["catalan"]),
    ("hr", &["hr"], &[]),
    ("cs", &["cs"], &[]),
    ("da", &["da"], &["danish"]),
    ("nl", &["nl"], &["dutch"]),
    ("eo", &["eo"], &[]),
    ("et", &["et"], &[]),
    ("fi", &["fi"], &["finnish"]),
    ("hi", &["hi"], &[]),
    ("hu", &["hu"], &["hungarian"]),
    ("id", &["id", "ms"], &["indonesian"]),
    ("ga", &["ga"], &[]),
    ("kk", &[], &["kazakh"]),
    ("la", &["la"], &[]),
    ("lv", &["lv"], &[]),
    ("lt", &["lt"], &[]),
    ("ms", &["ms", "id"], &["indonesian"]),
    ("mr", &["mr"], &[]),
    ("fa", &["fa"], &[]),
    ("ro", &["ro"], &["romanian"]),
    ("sk", &["sk"], &[]),
    ("sl", &["sl"], &["slovenian"]),
    ("so", &["so"], &[]),
    ("st", &["st"], &[]),
    ("sw", &["sw"], &[]),
    ("sv", &["sv"], &["swedish"]),
    ("tl", &["tl"], &[]),
    ("tr", &["tr"], &["turkish"]),
    ("ur", &["ur"], &[]),
    ("vi", &["vi"], &[]),
    ("yo", &["yo"], &[]),
    ("zu", &["zu"], &[]),
];

fn main() -> Result<(), Box<dyn Error>> {
    let usage = "usage: build_stopwords STOP_WORDS_CRATE_DIR OUT";
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or(usage)?);
    let out = args.next().ok_or(usage)?;
    let iso: BTreeMap<String, Vec<String>> = serde_json::from_str(&std::fs::read_to_string(
        dir.join("src/iso/stopwords-iso.json"),
    )?)?;
    let mut text = String::from(
        "# Function words per language, from the crates.io crate stop-words 0.10.1: stopwords-iso\n\
         # (MIT licence, src/iso/stopwords-iso.json) and the NLTK lists (src/nltk/). Columns:\n\
         # lang<TAB>word (lowercase letters only). Rebuild: see data/lang/README.md.\n",
    );
    for (lang, iso_codes, nltk_files) in SOURCES {
        let mut words: BTreeSet<String> = BTreeSet::new();
        for code in *iso_codes {
            let list = iso
                .get(*code)
                .ok_or_else(|| format!("no iso list {code}"))?;
            words.extend(list.iter().map(|w| w.to_lowercase()));
        }
        for file in *nltk_files {
            let path = dir.join("src/nltk").join(file);
            let list =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            words.extend(list.lines().map(|w| w.trim().to_lowercase()));
        }
        for w in words
            .iter()
            .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
        {
            text.push_str(&format!("{lang}\t{w}\n"));
        }
    }
    std::fs::write(out, text)?;
    Ok(())
}
