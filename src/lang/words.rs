//! Function words ("the", "и", "не", "und"): whole words that point to a language, the evidence
//! character n-grams (which never see word boundaries) miss in short texts.
//!
//! The lists are stopwords-iso and NLTK's (MIT licence), as shipped in the crates.io crate
//! `stop-words` 0.10.1, kept to 51 of the n-gram model's languages in `data/lang/stopwords.tsv`.

use std::sync::OnceLock;

use super::codes::LangSet;
use crate::doc::Lang;

// TABLE_CODES, JOINED, OFFSETS, MASKS and SLOTS: `data/lang/stopwords.tsv` compiled by `build.rs` into a static
// hash table, so that a process looks words up without first building a map of 16,000 words
// (that cost every `talign align` and `detect` process 7 to 17 million instructions).
include!(concat!(env!("OUT_DIR"), "/function_words.rs"));

/// FNV-1a, 64 bits: the hash `build.rs` placed the words with.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The mask of [`TABLE_CODES`] listing `word`, when the table holds it.
fn mask_of(word: &str) -> Option<u64> {
    let size = SLOTS.len();
    let mut slot = (fnv1a(word.as_bytes()) as usize) & (size - 1);
    // the table is at most half full: a probe meets an empty slot long before wrapping around
    for _ in 0..size {
        let k = usize::from(*SLOTS.get(slot)?).checked_sub(1)?;
        if table_word(k)? == word {
            return MASKS.get(k).copied();
        }
        slot = (slot + 1) & (size - 1);
    }
    None
}

/// Word `k` of the compiled table.
fn table_word(k: usize) -> Option<&'static str> {
    let (from, to) = (*OFFSETS.get(k)?, *OFFSETS.get(k + 1)?);
    JOINED.get(from as usize..to as usize)
}

/// The language set of each bit of a mask over [`TABLE_CODES`].
fn code_sets() -> &'static [LangSet; TABLE_CODES.len()] {
    static SETS: OnceLock<[LangSet; TABLE_CODES.len()]> = OnceLock::new();
    SETS.get_or_init(|| {
        TABLE_CODES.map(|code| Lang::new(code).map_or(LangSet::EMPTY, |l| LangSet::of(&[l])))
    })
}

/// The languages of a mask over [`TABLE_CODES`].
fn set_of(mut mask: u64) -> LangSet {
    let sets = code_sets();
    let mut set = LangSet::EMPTY;
    while mask != 0 {
        let bit = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        set = set.or(sets.get(bit).copied().unwrap_or(LangSet::EMPTY));
    }
    set
}

/// The languages with a function-word list.
pub fn listed_langs() -> LangSet {
    set_of(u64::MAX)
}

/// The languages that list `word` (lowercase) as a function word.
pub fn function_word_langs(word: &str) -> Option<LangSet> {
    mask_of(word).map(set_of).filter(|s| !s.is_empty())
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
            (0..MASKS.len()).all(|k| table_word(k).is_some_and(|w| w.to_lowercase() == w)),
            "the table holds lowercase words, looked up as they are"
        );
        let mut seen = Vec::new();
        let cands = LangSet::of_codes(&["en", "de"]);
        for_each_telling_word("The cat and der Hund", cands, |s| seen.push(s));
        assert!(seen.len() >= 2);
        assert!(seen.iter().all(|s| s.len() == 1));
    }

    #[test]
    fn the_compiled_table_gives_each_word_the_languages_that_list_it() {
        let expected = super::super::word_table::word_langs(
            include_str!("../../data/lang/stopwords.tsv"),
            include_str!("../../data/lang/distinctive.tsv"),
            include_str!("../../data/lang/siblings.tsv"),
        );
        let expected: std::collections::HashMap<&str, LangSet> = expected
            .into_iter()
            .map(|(w, codes)| (w, LangSet::of_codes(&codes.into_iter().collect::<Vec<_>>())))
            .collect();
        assert_eq!(expected.len(), MASKS.len());
        for (word, set) in &expected {
            assert_eq!(function_word_langs(word), Some(*set), "{word}");
        }
        // "die" is German, Dutch and Afrikaans; "und" only German
        let die = LangSet::of_codes(&["de", "nl", "af"]);
        assert_eq!(function_word_langs("die"), Some(die));
        assert_eq!(function_word_langs("und"), Some(LangSet::of_codes(&["de"])));
        // distinctive words: within the sibling group only the languages that spell them so
        assert_eq!(
            function_word_langs("ikkje"),
            Some(LangSet::of_codes(&["nn"]))
        );
        assert_eq!(
            function_word_langs("mahu"),
            Some(LangSet::of_codes(&["ms"]))
        );
        let ein = function_word_langs("ein").unwrap_or(LangSet::EMPTY);
        assert!(
            ein.contains(Lang::new("de").unwrap_or_default()),
            "outside the group it stays"
        );
        assert!(!ein.contains(Lang::new("nb").unwrap_or_default()));
        assert_eq!(function_word_langs(""), None);
        assert_eq!(function_word_langs("zzzqx"), None);
        let all = expected.values().fold(LangSet::EMPTY, |a, s| a.or(*s));
        assert_eq!(listed_langs(), all);
    }
}
