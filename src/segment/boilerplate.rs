//! Page furniture ("Save Story", "Related topics"), duplicate lines, and photo credits.

use std::sync::OnceLock;

use regex::RegexSet;

const FURNITURE: &str = include_str!("../../data/boilerplate.txt");

fn furniture() -> &'static RegexSet {
    static SET: OnceLock<RegexSet> = OnceLock::new();
    SET.get_or_init(|| {
        let patterns = FURNITURE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| format!("(?i)^(?:{l})$"));
        // The table ships inside the binary and a unit test compiles it, so a bad line is a
        // build-time mistake; fall back to matching nothing rather than panicking.
        RegexSet::new(patterns).unwrap_or_else(|_| RegexSet::empty())
    })
}

/// True when a whole line is page furniture from the table in `data/boilerplate.txt`.
pub fn is_furniture(line: &str) -> bool {
    let line = line.trim();
    line.len() <= 400 && furniture().is_match(line)
}

/// The byte length of `text` without a trailing photo credit such as " (NASA)" or
/// " (Photo: AP)"; `None` when there is none.
pub fn strip_credit(text: &str) -> Option<usize> {
    let trimmed = text.trim_end();
    let body = trimmed.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let credit = &body[open + 1..];
    let words = credit.split_whitespace().count();
    let first = credit.chars().next()?;
    let before = body[..open].trim_end();
    let sentence_before = before.ends_with(['.', '!', '?', '”', '"']);
    ((1..=5).contains(&words) && first.is_uppercase() && sentence_before).then_some(before.len())
}

/// A key under which repeated lines compare equal: lowercase words, credit removed.
pub fn duplicate_key(text: &str) -> String {
    let text = match strip_credit(text) {
        Some(len) => &text[..len],
        None => text,
    };
    let mut key = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_table_compiles_and_matches() {
        let patterns = FURNITURE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(
            furniture().len(),
            patterns,
            "a pattern in data/boilerplate.txt is invalid"
        );
        for line in [
            "Save Story",
            "Estimated read time: 5-6 minutes",
            "Play button7075",
            "Related topics",
            "Most recent Science stories",
            "This archived news story is available only for your personal, non-commercial use.",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "Social media propaganda",
            "More recent studies show that the effect is real.",
            "Watch out for falling debris.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn credits_and_keys() {
        let caption = "The station was photographed. It orbits. (NASA)";
        assert_eq!(
            strip_credit(caption),
            Some("The station was photographed. It orbits.".len())
        );
        assert_eq!(strip_credit("He left (for now)"), None);
        assert_eq!(
            duplicate_key(caption),
            duplicate_key("The  station was photographed. It orbits.")
        );
    }
}
