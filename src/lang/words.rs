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
/// allocation per word, so a one-line `detect` stays cheap. Built once per process, and every
/// `talign align` or `detect` process pays for it: a language's code is parsed once per run of
/// its lines (the table is grouped by language), not once per line, and the lines are cut
/// bytewise.
fn table() -> &'static FxHashMap<&'static str, LangSet> {
    static MAP: OnceLock<FxHashMap<&'static str, LangSet>> = OnceLock::new();
    MAP.get_or_init(|| build_table(TABLE))
}

/// The word → languages map of a `lang<TAB>word` table (`#` lines are comments).
fn build_table(table: &'static str) -> FxHashMap<&'static str, LangSet> {
    let mut map: FxHashMap<&'static str, LangSet> = FxHashMap::default();
    map.reserve(table.len() / 10);
    let mut last: (&str, LangSet) = ("", LangSet::EMPTY);
    let bytes = table.as_bytes();
    let mut start = 0;
    // cut at the ASCII bytes `\n` and `\t` (always character boundaries) with memchr: the
    // table has 20,000 short lines, and splitting them with `str` searches cost more than the
    // map itself
    while start < bytes.len() {
        let rest = bytes.get(start..).unwrap_or_default();
        let end = memchr::memchr(b'\n', rest).map_or(bytes.len(), |k| start + k);
        let from = start;
        start = end + 1;
        let line = bytes.get(from..end).unwrap_or_default();
        if line.first() == Some(&b'#') {
            continue;
        }
        let Some(tab) = memchr::memchr(b'\t', line) else {
            continue;
        };
        let (Some(code), Some(word)) =
            (table.get(from..from + tab), table.get(from + tab + 1..end))
        else {
            continue;
        };
        if code != last.0 {
            last = (
                code,
                Lang::new(code).map_or(LangSet::EMPTY, |l| LangSet::of(&[l])),
            );
        }
        let word = word.strip_suffix('\r').unwrap_or(word);
        if !last.1.is_empty() && !word.is_empty() {
            let set = map.entry(word).or_default();
            *set = set.or(last.1);
        }
    }
    map
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

    #[test]
    fn a_word_listed_by_two_languages_gets_both_and_comments_are_skipped() {
        let map = build_table("# lang\tword\nde\tdie\nde\tund\nen\tdie\nen\tthe\r\nxx1\tzz\n");
        let (de, en) = (
            Lang::new("de").unwrap_or_default(),
            Lang::new("en").unwrap_or_default(),
        );
        assert_eq!(map.get("die"), Some(&LangSet::of(&[de, en])));
        assert_eq!(map.get("und"), Some(&LangSet::of(&[de])));
        assert_eq!(
            map.get("the"),
            Some(&LangSet::of(&[en])),
            "a CR ending is not part of a word"
        );
        assert_eq!(map.get("zz"), None, "a line with a bad code adds nothing");
        assert_eq!(map.len(), 3);
        assert!(
            table().keys().all(|w| w.trim() == *w && !w.is_empty()),
            "the words of the shipped table need no trimming"
        );
    }
}
