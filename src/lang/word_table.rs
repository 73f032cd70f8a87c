//! The function-word table's contents: `data/lang/stopwords.tsv` with the distinctive words of
//! `data/lang/distinctive.tsv` applied within their sibling groups. Shared by `build.rs`, which
//! compiles the table, and the tests that check the compiled table.

use std::collections::{BTreeMap, BTreeSet};

/// Word → the languages that list it: every `lang<TAB>word` line of `stopwords`, then for each word
/// of `distinctive` the languages of its sibling groups (`siblings`: one group of codes a line)
/// replaced by the languages `distinctive` gives it.
pub fn word_langs<'a>(
    stopwords: &'a str,
    distinctive: &'a str,
    siblings: &'a str,
) -> BTreeMap<&'a str, BTreeSet<&'a str>> {
    let mut by_word: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (code, word) in rows(stopwords) {
        by_word.entry(word).or_default().insert(code);
    }
    let groups: Vec<Vec<&str>> = siblings
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|g| !g.is_empty())
        .collect();
    let mut told: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (code, word) in rows(distinctive) {
        told.entry(word).or_default().insert(code);
    }
    for (word, langs) in told {
        let set = by_word.entry(word).or_default();
        for group in groups
            .iter()
            .filter(|g| g.iter().any(|c| langs.contains(c)))
        {
            for c in group {
                set.remove(c);
            }
        }
        set.extend(langs);
    }
    by_word
}

/// The `(code, word)` pairs of a `lang<TAB>word` table, comments and empty words skipped.
fn rows(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(c, w)| (c.trim(), w.trim()))
        .filter(|(_, w)| !w.is_empty())
}
