//! Language-switch markers ("Leer en español", "Читать на русском"): a table shipped in `data/`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::doc::Lang;

const TABLE: &str = include_str!("../../data/markers.tsv");

/// Longest marker line worth a table look-up, in bytes; longer lines are never markers.
const MAX_MARKER_BYTES: usize = 80;

fn table() -> &'static HashMap<String, Lang> {
    static TABLE_MAP: OnceLock<HashMap<String, Lang>> = OnceLock::new();
    TABLE_MAP.get_or_init(|| parse_table(TABLE))
}

/// Parses `lang<TAB>phrase` lines; `#` comments and malformed lines are skipped.
fn parse_table(text: &str) -> HashMap<String, Lang> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let (code, phrase) = l.split_once('\t')?;
            Some((normalize(phrase), Lang::new(code)?))
        })
        .filter(|(phrase, _)| !phrase.is_empty())
        .collect()
}

/// Lowercases, drops punctuation and symbols around words and collapses whitespace.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The language of a whole-line marker, or `None` when the text is not one.
pub fn marker_lang(text: &str) -> Option<Lang> {
    if text.len() > MAX_MARKER_BYTES {
        return None;
    }
    table().get(&normalize(text)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_markers_have_their_language() {
        assert_eq!(marker_lang("Leer en español"), Lang::new("es"));
        assert_eq!(marker_lang("  READ IN ENGLISH › "), Lang::new("en"));
        assert_eq!(marker_lang("Читать на русском"), Lang::new("ru"));
        assert_eq!(marker_lang("Lire en français"), Lang::new("fr"));
        assert_eq!(marker_lang("Auf Deutsch"), Lang::new("de"));
        assert_eq!(marker_lang("Ler em português"), Lang::new("pt"));
    }

    #[test]
    fn other_text_is_not_a_marker() {
        assert_eq!(marker_lang("Leer en español es fácil para muchos"), None);
        assert_eq!(marker_lang("Save Story"), None);
        assert_eq!(marker_lang(""), None);
    }

    #[test]
    fn every_table_line_parses() {
        let rows = TABLE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(
            table().len(),
            rows,
            "a marker line is malformed or repeated"
        );
    }
}
