//! Function words ("the", "и", "не", "und"): whole words that point to a language, the evidence
//! character n-grams (which never see word boundaries) miss in short texts.
//!
//! The lists are stopwords-iso and NLTK's (MIT licence), as shipped in the crates.io crate
//! `stop-words` 0.10.1, kept to 51 of the n-gram model's languages in `data/lang/stopwords.tsv`.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use super::codes::LangSet;
use crate::doc::Lang;

const TABLE: &str = include_str!("../../data/lang/stopwords.tsv");

/// Word → languages, borrowing the words from the compiled-in table (lowercase already): no
/// allocation per word, so a one-line `detect` stays cheap.
fn table() -> &'static FxHashMap<&'static str, LangSet> {
    static MAP: OnceLock<FxHashMap<&'static str, LangSet>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: FxHashMap<&'static str, LangSet> = FxHashMap::default();
        map.reserve(TABLE.len() / 8);
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let Some((code, word)) = line.split_once('\t') else {
                continue;
            };
            if let Some(lang) = Lang::new(code) {
                map.entry(word.trim()).or_default().insert(lang);
            }
        }
        map
    })
}

/// The languages with a function-word list.
pub fn listed_langs() -> LangSet {
    static LISTED: OnceLock<LangSet> = OnceLock::new();
    *LISTED.get_or_init(|| {
        table()
            .values()
            .fold(LangSet::EMPTY, |all, set| all.or(*set))
    })
}

/// The languages that list `word` (lowercase) as a function word.
pub fn function_word_langs(word: &str) -> Option<LangSet> {
    table().get(word).copied()
}

/// Calls `f` with the languages (within `cands`) of every function word of `text` that tells the
/// candidates apart (a word every candidate lists says nothing).
pub fn for_each_telling_word(text: &str, cands: LangSet, mut f: impl FnMut(LangSet)) {
    let mut word = String::with_capacity(24);
    let mut flush = |word: &mut String| {
        if let Some(set) = function_word_langs(word) {
            let s = set.and(cands);
            if !s.is_empty() && s != cands {
                f(s);
            }
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            flush(&mut word);
        }
    }
    if !word.is_empty() {
        flush(&mut word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_have_languages() {
        let ru = Lang::new("ru").unwrap_or_default();
        assert!(function_word_langs("мне").is_some_and(|s| s.contains(ru)));
        assert!(function_word_langs("zzzq").is_none());
        assert!(
            table().keys().all(|w| w.to_lowercase() == *w),
            "the table holds lowercase words, looked up as they are"
        );
        let mut seen = Vec::new();
        let cands = LangSet::of_codes(&["en", "de"]);
        for_each_telling_word("The cat and der Hund", cands, |s| seen.push(s));
        assert!(seen.len() >= 2);
        assert!(seen.iter().all(|s| s.len() == 1));
    }
}
