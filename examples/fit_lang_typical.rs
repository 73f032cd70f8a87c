//! Fits `data/lang/typical.tsv`, the floor of the n-gram model's score per letter for each model
//! language (`talign::lang::typical`): on a gold folder `DIR/<lang>/sentences.txt` (lingua's
//! test layout, `../shared/data/langid`), every sentence the model answers rightly with
//! `typical::MIN_LETTERS` letters or more gives its score per letter; the floor is the value
//! below which [`SHARE`] of them fall. Languages with fewer than [`MIN_SAMPLES`] such sentences
//! get no floor. Sentences only: fitted on the word pairs as well, the floors fell so low that
//! text in unsupported languages kept its confidence far more often.
//!
//! ```sh
//! cargo run --release --example fit_lang_typical -- ../shared/data/langid > data/lang/typical.tsv
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;
use talign::eval::langid::language_folders;
use talign::lang::{typical, Detector};
use talign::Lang;

/// Share of a language's own sentences allowed below its floor.
const SHARE: f64 = 0.005;
/// Texts a language needs for a floor.
const MIN_SAMPLES: usize = 100;

/// The value [`SHARE`] of `values` fall below, when there are [`MIN_SAMPLES`] of them.
fn low_quantile(mut values: Vec<f32>) -> Option<f32> {
    if values.len() < MIN_SAMPLES {
        return None;
    }
    values.sort_by(f32::total_cmp);
    let at = ((values.len() as f64 * SHARE) as usize).min(values.len() - 1);
    values.get(at).copied()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: fit_lang_typical DIR")?,
    );
    let detector = Detector::new(None);
    // per language: scores per letter, and shares of words its list holds
    let mut by_lang: BTreeMap<Lang, (Vec<f32>, Vec<f32>)> = BTreeMap::new();
    for (gold, folder) in language_folders(&dir, None)? {
        let text = std::fs::read_to_string(folder.join("sentences.txt")).unwrap_or_default();
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let right: Vec<_> = lines
            .par_iter()
            .filter_map(|line| detector.ranking(line))
            .filter(|r| r.best == gold)
            .collect();
        let entry = by_lang.entry(gold).or_default();
        entry.0.extend(
            right
                .iter()
                .filter(|r| r.letters >= typical::MIN_LETTERS)
                .map(|r| r.per_letter),
        );
        entry.1.extend(right.iter().filter_map(|r| r.coverage));
    }
    println!(
        "# Floor of the n-gram model's score per letter (summed over the five orders, prior and word\n\
         # bonuses included) for each model language: {:.1}% of its dev sentences answered rightly\n\
         # with {}+ letters score below it; then, for languages with a word list, the share of a\n\
         # sentence's words (4+) the list holds that the same share of them fall below. Fitted by\n\
         # examples/fit_lang_typical.rs; read by src/lang/typical.rs.",
        SHARE * 100.0,
        typical::MIN_LETTERS
    );
    for (lang, (scores, shares)) in by_lang {
        let Some(floor) = low_quantile(scores.clone()) else {
            continue;
        };
        let covered = low_quantile(shares).map_or("-".to_string(), |f| format!("{f:.3}"));
        println!(
            "{lang}\t{floor:.3}\t{covered}\t# {} sentences",
            scores.len()
        );
    }
    Ok(())
}
