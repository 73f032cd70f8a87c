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
    ('ә', &["kk"]),
    ('ғ', &["kk"]),
    ('қ', &["kk"]),
    ('ң', &["kk"]),
    ('ұ', &["kk"]),
    ('һ', &["kk"]),
    ('ү', &["kk", "mn"]),
    ('ө', &["kk", "mn"]),
    // Latin
    ('ß', &["de"]),
    // Turkish in the Windows-1254 code page read as Windows-1252 writes ş ğ ı as þ ð ý (a fifth of
    // the dev set's Turkish); Hungarian set in fonts or code pages without ő ű writes ô õ û
    ('þ', &["is", "tr"]),
    ('ð', &["is", "tr"]),
    ('ə', &["az"]),
    ('ä', &["de", "sv", "fi", "et", "sk"]),
    ('ö', &["de", "sv", "fi", "et", "tr", "hu", "az", "tk"]),
    ('ü', &["de", "tr", "hu", "et", "az", "tk", "es", "ca"]),
    ('ñ', &["es", "tl"]),
    ('ã', &["pt", "vi"]),
    ('õ', &["pt", "et", "vi", "hu"]),
    ('ç', &["fr", "pt", "ca", "tr", "az"]),
    ('œ', &["fr"]),
    ('æ', &["da", "nb", "nn", "is"]),
    ('ø', &["da", "nb", "nn"]),
    ('å', &["sv", "da", "nb", "nn", "fi"]),
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
    ('ô', &["fr", "pt", "sk", "vi", "hu"]),
    ('û', &["fr", "tr", "hu"]),
    ('ë', &["fr", "nl", "af"]),
    ('ï', &["fr", "nl", "ca", "af"]),
    ('ÿ', &["fr"]),
    ('á', &["es", "pt", "cs", "sk", "hu", "vi", "cy"]),
    ('í', &["es", "pt", "cs", "sk", "hu", "vi", "ca"]),
    ('ó', &["es", "pt", "pl", "cs", "sk", "hu", "ca", "vi"]),
    ('ú', &["es", "pt", "cs", "sk", "hu", "ca", "vi"]),
    ('ý', &["cs", "sk", "is", "tr"]),
    ('¿', &["es"]),
    ('¡', &["es"]),
];

/// Probability (as a natural log) from which a language of the n-gram model counts as writing a
/// distinctive letter: one letter in 10,000 (a language that meets a letter only in foreign names,
/// as English meets ł, stays below it).
const LETTER_USE_LOG_PROB: f32 = -9.2;

/// The letter table as sets, sorted by letter for binary search: the languages [`LETTERS`] lists
/// for each letter and every language of the n-gram model that writes it (Kazakh і, Icelandic ý,
/// Maori ā, which a hand-made list misses).
fn table() -> &'static [(char, LangSet)] {
    static TABLE: OnceLock<Vec<(char, LangSet)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let model = super::model::NgramModel::shipped();
        let mut t: Vec<(char, LangSet)> = LETTERS
            .iter()
            .map(|(c, codes)| {
                let users =
                    model.map_or(LangSet::EMPTY, |m| m.letter_users(*c, LETTER_USE_LOG_PROB));
                (*c, LangSet::of_codes(codes).or(users))
            })
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
/// one word in six to carry distinctive letters. A capitalised word inside a sentence is most often
/// a name ("Sánchez" in a Polish sentence) and is not counted. Words that disagree are outvoted:
/// the set is the languages that the most marked words allow.
pub fn letter_constraint(text: &str) -> LangSet {
    let mut words = 0usize;
    let mut marked: Vec<LangSet> = Vec::new();
    let mut sentence_start = true;
    for word in text.split_whitespace() {
        let starts_sentence = sentence_start;
        sentence_start = word.ends_with(['.', '!', '?', ':']);
        let Some(first) = word.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        words += 1;
        if first.is_uppercase() && !starts_sentence {
            continue;
        }
        if let Some(s) = word_constraint(word) {
            marked.push(s);
        }
    }
    if marked.is_empty() || (words > 4 && marked.len() * 6 < words) {
        return LangSet::all();
    }
    let winners = LangSet::most_common(&marked);
    if winners.is_empty() {
        return LangSet::all();
    }
    winners
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
    fn names_inside_a_sentence_do_not_vote_and_the_majority_of_words_wins() {
        let pl = vec!["pl".to_string()];
        assert_eq!(
            names(letter_constraint(
                "Pedro Sánchez, jak wielu innych socjalistów, powiedział że"
            )),
            pl
        );
        assert_eq!(
            names(letter_constraint("Kühn może tylko kręcić głową.")),
            pl
        );
    }

    #[test]
    fn letters_of_the_model_languages_allow_them() {
        let has = |text: &str, code: &str| {
            letter_constraint(text).contains(crate::doc::Lang::new(code).unwrap_or_default())
        };
        assert!(has("Бұл қазақ тілі", "kk"));
        assert!(has("Þetta er íslenska", "is"));
        assert!(has("Kei te pēhea koe", "mi"));
        assert!(has("Unë jam këtu", "sq"));
        assert!(!has("Łódź", "en"));
    }

    #[test]
    fn conflicts_do_not_empty_the_set() {
        assert!(!letter_constraint("ß ñ").is_empty());
        assert_eq!(letter_constraint("plain words"), LangSet::all());
    }
}
