//! Word tables shipped in `data/`: abbreviations, month names, verbs of saying, sentence starters.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.tsv");
const MONTHS: &str = include_str!("../../data/months.tsv");
const ORDINAL_WORDS: &str = include_str!("../../data/ordinal_words.tsv");
const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.tsv");
const SENTENCE_STARTERS: &str = include_str!("../../data/sentence_starters.tsv");
const SALUTATIONS: &str = include_str!("../../data/salutations.tsv");

/// What a period after an abbreviation may mean (third column of `data/abbreviations.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrKind {
    /// Never ends a sentence: titles and words that always have a continuation ("Mr", "z.B").
    Inner,
    /// Does not end a sentence before a number ("No. 5", "Rs. 3520"); elsewhere an ordinary word.
    BeforeNumber,
    /// May end a sentence ("Co", "etc", "p.m"): a capitalised word after it starts a new one.
    MayEnd,
}

/// The second column of a `lang<TAB>entry` table; `#` comments and blank lines skipped.
fn entries(table: &str) -> impl Iterator<Item = &str> {
    table
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, e)| e.trim()))
        .filter(|e| !e.is_empty())
}

fn abbreviations() -> &'static HashMap<&'static str, AbbrKind> {
    static MAP: OnceLock<HashMap<&'static str, AbbrKind>> = OnceLock::new();
    MAP.get_or_init(|| {
        ABBREVIATIONS
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t').skip(1);
                let word = cols.next()?.trim();
                let kind = match cols.next().map(str::trim) {
                    Some("num") => AbbrKind::BeforeNumber,
                    Some("end") => AbbrKind::MayEnd,
                    _ => AbbrKind::Inner,
                };
                (!word.is_empty()).then_some((word, kind))
            })
            .collect()
    })
}

fn sentence_starters() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| entries(SENTENCE_STARTERS).collect())
}

/// What a phrase of `data/salutations.tsv` is (its second column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Salutation {
    Greeting,
    Addressee,
    SignOff,
}

/// Greetings, addressees and sign-offs of `data/salutations.tsv`, lowercase.
fn salutations() -> &'static HashMap<&'static str, Salutation> {
    static MAP: OnceLock<HashMap<&'static str, Salutation>> = OnceLock::new();
    MAP.get_or_init(|| {
        entries(SALUTATIONS)
            .filter_map(|e| {
                let (kind, phrase) = e.split_once('\t')?;
                let kind = match kind.trim() {
                    "open" => Salutation::Greeting,
                    "to" => Salutation::Addressee,
                    _ => Salutation::SignOff,
                };
                Some((phrase.trim(), kind))
            })
            .collect()
    })
}

fn months() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| entries(MONTHS).map(str::to_lowercase).collect())
}

fn ordinal_words() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| entries(ORDINAL_WORDS).map(str::to_lowercase).collect())
}

fn speech_verbs() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| entries(SPEECH_VERBS).map(str::to_lowercase).collect())
}

/// The kind of abbreviation `word` is ("Mr", "Feb", "z.B", "vol"/"Vol"), or `None` for a word.
pub fn abbreviation_kind(word: &str) -> Option<AbbrKind> {
    let map = abbreviations();
    if let Some(&kind) = map.get(word) {
        return Some(kind);
    }
    // A capitalised form of a lowercase entry ("Vol" for "vol") counts, at sentence start; a
    // dotted entry keeps its case, because another abbreviation may own the capitalised form
    // ("d.C", después de Cristo, against "D.C", District of Columbia).
    let mut chars = word.chars();
    match chars.next() {
        // one capital is an initial ("С. В. Трубчанінов"), not the capitalised "в." (century)
        Some(first) if first.is_uppercase() && !word.contains('.') && chars.as_str() != "" => {
            let lowered: String = first.to_lowercase().chain(chars).collect();
            map.get(lowered.as_str()).copied()
        }
        _ => None,
    }
}

/// True for a word that mostly opens sentences ("The", "How", "Der", "Он"): after an abbreviation
/// that may end a sentence ("U.S."), it shows that one did.
pub fn is_sentence_starter(word: &str) -> bool {
    sentence_starters().contains(word)
}

/// True for a greeting that opens a letter or post (`hi`, `sehr geehrte`), given in lowercase.
pub fn is_greeting(phrase: &str) -> bool {
    salutations().get(phrase) == Some(&Salutation::Greeting)
}

/// True for a word that may stand after a greeting in place of a name (`guys`, `amis`), lowercase.
pub fn is_addressee(word: &str) -> bool {
    salutations().get(word) == Some(&Salutation::Addressee)
}

/// True for a sign-off that closes a letter or post (`best regards`, `с уважением`), lowercase.
pub fn is_sign_off(phrase: &str) -> bool {
    salutations().get(phrase) == Some(&Salutation::SignOff)
}

/// True for a month name in a language that writes ordinal dates with a period ("16. Februar").
pub fn is_month(word: &str) -> bool {
    months().contains(&word.to_lowercase())
}

/// True for a word after which a number with a period is an ordinal ("im", "der": "im 19.
/// Jahrhundert").
pub fn is_ordinal_word(word: &str) -> bool {
    ordinal_words().contains(&word.to_lowercase())
}

/// True for a verb of saying or writing ("said", "replied", "сказал").
pub fn is_speech_verb(word: &str) -> bool {
    speech_verbs().contains(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_answer() {
        assert!(abbreviation_kind("Feb").is_some());
        assert!(abbreviation_kind("z.B").is_some());
        assert!(abbreviation_kind("Vol").is_some());
        assert!(abbreviation_kind("Station").is_none());
        assert_eq!(abbreviation_kind("Mr"), Some(AbbrKind::Inner));
        assert_eq!(abbreviation_kind("Co"), Some(AbbrKind::MayEnd));
        assert_eq!(abbreviation_kind("No"), Some(AbbrKind::BeforeNumber));
        assert!(is_sentence_starter("How"));
        assert!(!is_sentence_starter("Government"));
        assert!(is_month("Februar"));
        assert!(is_greeting("sehr geehrte") && !is_sign_off("sehr geehrte"));
        assert!(is_sign_off("best regards") && !is_greeting("best regards"));
        assert!(is_addressee("guys") && !is_greeting("guys"));
        assert!(is_ordinal_word("im"));
        assert!(!is_ordinal_word("Seite"));
        assert!(is_speech_verb("Replied"));
        assert!(is_speech_verb("сказал"));
        assert!(!is_speech_verb("station"));
    }
}
