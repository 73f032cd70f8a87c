//! Word tables shipped in `data/`: abbreviations, month names, verbs of saying.

use std::collections::HashSet;
use std::sync::OnceLock;

const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.tsv");
const MONTHS: &str = include_str!("../../data/months.tsv");
const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.tsv");

/// The second column of a `lang<TAB>entry` table; `#` comments and blank lines skipped.
fn entries(table: &str) -> impl Iterator<Item = &str> {
    table
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, e)| e.trim()))
        .filter(|e| !e.is_empty())
}

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| entries(ABBREVIATIONS).collect())
}

fn months() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| entries(MONTHS).map(str::to_lowercase).collect())
}

fn speech_verbs() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| entries(SPEECH_VERBS).map(str::to_lowercase).collect())
}

/// True when a period after `word` does not end a sentence ("Mr", "Feb", "z.B", "vol"/"Vol").
pub fn is_abbreviation(word: &str) -> bool {
    let set = abbreviations();
    if set.contains(word) {
        return true;
    }
    // A capitalised form of a lowercase entry ("Vol" for "vol") counts, at sentence start.
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() => {
            let lowered: String = first.to_lowercase().chain(chars).collect();
            set.contains(lowered.as_str())
        }
        _ => false,
    }
}

/// True for a month name in a language that writes ordinal dates with a period ("16. Februar").
pub fn is_month(word: &str) -> bool {
    months().contains(&word.to_lowercase())
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
        assert!(is_abbreviation("Mr"));
        assert!(is_abbreviation("Feb"));
        assert!(is_abbreviation("z.B"));
        assert!(is_abbreviation("Vol"));
        assert!(!is_abbreviation("Station"));
        assert!(is_month("Februar"));
        assert!(is_speech_verb("Replied"));
        assert!(is_speech_verb("сказал"));
        assert!(!is_speech_verb("station"));
    }
}
