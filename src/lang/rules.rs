//! Letter rules: distinctive letters that decide or narrow a text's language within its script
//! (ґ є ї → Ukrainian; ы э ё → Russian or Belarusian, so not Ukrainian or Bulgarian; ß → German;
//! ł ś ź ż ń → Polish; ã → Portuguese ...).
//!
//! A foreign name ("Muñoz" in an English sentence) must not decide a long text, so in texts of more
//! than a few words a letter rule applies only when enough words carry distinctive letters.

use std::sync::OnceLock;

use super::codes::LangSet;

/// Distinctive lowercase letters and the languages (among those talign knows) that use them.
const LETTERS: &[(char, &[&str])] = &[
    // Cyrillic
    ('ы', &["ru", "be"]),
    ('э', &["ru", "be"]),
    ('ё', &["ru", "be"]),
    ('ъ', &["ru", "bg"]),
    ('і', &["uk", "be"]),
    ('ї', &["uk"]),
    ('є', &["uk"]),
    ('ґ', &["uk"]),
    ('ў', &["be"]),
    ('щ', &["ru", "uk", "bg"]),
    ('ђ', &["sr"]),
    ('ћ', &["sr"]),
    ('ј', &["sr", "mk"]),
    ('љ', &["sr", "mk"]),
    ('њ', &["sr", "mk"]),
    ('џ', &["sr", "mk"]),
    ('ѓ', &["mk"]),
    ('ќ', &["mk"]),
    ('ѕ', &["mk"]),
    // Latin
    ('ß', &["de"]),
    ('ä', &["de", "sv", "fi", "et", "sk"]),
    ('ö', &["de", "sv", "fi", "et", "tr", "hu", "az", "tk"]),
    ('ü', &["de", "tr", "hu", "et", "az", "tk", "es", "ca"]),
    ('ñ', &["es", "tl"]),
    ('ã', &["pt", "vi"]),
    ('õ', &["pt", "et", "vi"]),
    ('ç', &["fr", "pt", "ca", "tr", "az"]),
    ('œ', &["fr"]),
    ('æ', &["da", "nb"]),
    ('ø', &["da", "nb"]),
    ('å', &["sv", "da", "nb", "fi"]),
    ('ł', &["pl"]),
    ('ś', &["pl"]),
    ('ź', &["pl"]),
    ('ż', &["pl"]),
    ('ń', &["pl"]),
    ('ą', &["pl", "lt"]),
    ('ę', &["pl", "lt"]),
    ('ć', &["pl", "hr"]),
    ('ő', &["hu"]),
    ('ű', &["hu"]),
    ('ř', &["cs"]),
    ('ů', &["cs"]),
    ('ě', &["cs"]),
    ('č', &["cs", "sk", "sl", "hr", "lt", "lv"]),
    ('š', &["cs", "sk", "sl", "hr", "lt", "lv", "et", "fi"]),
    ('ž', &["cs", "sk", "sl", "hr", "lt", "lv", "et", "fi"]),
    ('ğ', &["tr", "az"]),
    ('ş', &["tr", "az", "ro"]),
    ('ı', &["tr", "az"]),
    ('ā', &["lv"]),
    ('ē', &["lv"]),
    ('ī', &["lv"]),
    ('ū', &["lv", "lt"]),
    ('ė', &["lt"]),
    ('į', &["lt"]),
    ('ų', &["lt"]),
    ('ă', &["ro", "vi"]),
    ('ș', &["ro"]),
    ('ț', &["ro"]),
    ('đ', &["hr", "vi"]),
    ('ơ', &["vi"]),
    ('ư', &["vi"]),
    ('ŭ', &["eo"]),
    ('ĉ', &["eo"]),
    ('ĝ', &["eo"]),
    ('ŝ', &["eo"]),
    ('ŵ', &["cy"]),
    ('ŷ', &["cy"]),
    ('à', &["fr", "it", "pt", "ca", "vi"]),
    ('è', &["fr", "it", "ca", "vi"]),
    ('ì', &["it", "vi"]),
    ('ò', &["it", "ca", "vi"]),
    ('ù', &["fr", "it", "vi"]),
    ('â', &["fr", "pt", "ro", "tr", "vi"]),
    ('ê', &["fr", "pt", "vi"]),
    ('î', &["fr", "ro"]),
    ('ô', &["fr", "pt", "sk", "vi"]),
    ('û', &["fr", "tr"]),
    ('ë', &["fr", "nl", "af"]),
    ('ï', &["fr", "nl", "ca", "af"]),
    ('ÿ', &["fr"]),
    ('á', &["es", "pt", "cs", "sk", "hu", "vi", "cy"]),
    ('í', &["es", "pt", "cs", "sk", "hu", "vi", "ca"]),
    ('ó', &["es", "pt", "pl", "cs", "sk", "hu", "ca", "vi"]),
    ('ú', &["es", "pt", "cs", "sk", "hu", "ca", "vi"]),
    ('ý', &["cs", "sk"]),
    ('¿', &["es"]),
    ('¡', &["es"]),
];

/// The letter table as sets, sorted by letter for binary search.
fn table() -> &'static [(char, LangSet)] {
    static TABLE: OnceLock<Vec<(char, LangSet)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: Vec<(char, LangSet)> = LETTERS
            .iter()
            .map(|(c, codes)| (*c, LangSet::of_codes(codes)))
            .collect();
        t.sort_by_key(|(c, _)| *c);
        t
    })
}

/// The languages that use a distinctive letter; `None` for letters every language may use.
pub fn letter_langs(c: char) -> Option<LangSet> {
    if c.is_ascii() {
        return None;
    }
    let t = table();
    let lower = c.to_lowercase().next().unwrap_or(c);
    t.binary_search_by_key(&lower, |(k, _)| *k)
        .ok()
        .and_then(|i| t.get(i))
        .map(|(_, s)| *s)
}

/// The languages one word's distinctive letters allow (`None` without distinctive letters).
pub fn word_constraint(word: &str) -> Option<LangSet> {
    let mut set: Option<LangSet> = None;
    for c in word.chars() {
        if let Some(s) = letter_langs(c) {
            set = Some(match set {
                None => s,
                Some(prev) if !prev.and(s).is_empty() => prev.and(s),
                Some(prev) => prev,
            });
        }
    }
    set
}

/// The languages a text's distinctive letters allow, or `LangSet::all()` when they say nothing
/// reliable. Texts of up to four words follow any distinctive word; longer texts need at least
/// one word in six to carry distinctive letters. Conflicting words never empty the set.
pub fn letter_constraint(text: &str) -> LangSet {
    let mut words = 0usize;
    let mut marked: Vec<LangSet> = Vec::new();
    for word in text.split_whitespace() {
        if !word.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if let Some(s) = word_constraint(word) {
            marked.push(s);
        }
    }
    if marked.is_empty() || (words > 4 && marked.len() * 6 < words) {
        return LangSet::all();
    }
    let mut set = LangSet::all();
    for s in marked {
        let next = set.and(s);
        if !next.is_empty() {
            set = next;
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(set: LangSet) -> Vec<String> {
        set.langs().iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn ukrainian_letters_decide() {
        assert_eq!(names(letter_constraint("Їжак")), vec!["uk"]);
        assert_eq!(names(letter_constraint("це їхня земля")), vec!["uk"]);
    }

    #[test]
    fn russian_letters_exclude_ukrainian_and_bulgarian() {
        let s = letter_constraint("мы были");
        assert!(!s.contains(crate::doc::Lang::new("uk").unwrap_or_default()));
        assert!(!s.contains(crate::doc::Lang::new("bg").unwrap_or_default()));
        assert!(s.contains(crate::doc::Lang::new("ru").unwrap_or_default()));
    }

    #[test]
    fn one_foreign_name_does_not_decide_a_long_sentence() {
        let s = letter_constraint("The coach José Muñoz said on Monday that the team will play");
        assert_eq!(s, LangSet::all());
        assert_eq!(names(letter_constraint("Straße")), vec!["de"]);
    }

    #[test]
    fn conflicts_do_not_empty_the_set() {
        assert!(!letter_constraint("ß ñ").is_empty());
        assert_eq!(letter_constraint("plain words"), LangSet::all());
    }
}
