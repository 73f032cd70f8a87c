//! Word-level evidence for translation-pair search that survives translation without a model:
//! Snowball stems per language, cross-script cognate keys built from stems, anchors (numbers,
//! URLs, @mentions, #hashtags) and a small script-based language guess.
//!
//! Stems are taken on the word as written (Cyrillic stays Cyrillic: the Russian stemmer needs
//! it), then folded (no diacritics, ё → е) so that a lexicon entry and a text word meet whatever
//! accents either carries.

use std::sync::OnceLock;

use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

use super::features::{is_cyrillic, normalize_word, numbers, Translit};
use super::roman::roman_numbers;
use crate::doc::Lang;

/// One Snowball stemmer per language this crate knows; languages without one fall back to a
/// prefix of the word (see [`Stemmers::stem`]).
pub struct Stemmers {
    table: Vec<(Lang, Stemmer)>,
}

impl std::fmt::Debug for Stemmers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let langs: Vec<&str> = self.table.iter().map(|(l, _)| l.as_str()).collect();
        f.debug_struct("Stemmers").field("langs", &langs).finish()
    }
}

/// Languages with a Snowball stemmer in `rust-stemmers`, by ISO 639-1 code.
const SNOWBALL: &[(&str, Algorithm)] = &[
    ("ar", Algorithm::Arabic),
    ("da", Algorithm::Danish),
    ("nl", Algorithm::Dutch),
    ("en", Algorithm::English),
    ("fi", Algorithm::Finnish),
    ("fr", Algorithm::French),
    ("de", Algorithm::German),
    ("el", Algorithm::Greek),
    ("hu", Algorithm::Hungarian),
    ("it", Algorithm::Italian),
    ("no", Algorithm::Norwegian),
    ("pt", Algorithm::Portuguese),
    ("ro", Algorithm::Romanian),
    ("ru", Algorithm::Russian),
    ("es", Algorithm::Spanish),
    ("sv", Algorithm::Swedish),
    ("ta", Algorithm::Tamil),
    ("tr", Algorithm::Turkish),
];

/// Longest stem kept for languages without a stemmer (a crude but script-neutral stemmer).
const FALLBACK_PREFIX: usize = 6;

impl Default for Stemmers {
    fn default() -> Self {
        Stemmers::new()
    }
}

impl Stemmers {
    /// All Snowball stemmers (cheap: the algorithms are static tables).
    pub fn new() -> Self {
        let table = SNOWBALL
            .iter()
            .filter_map(|&(code, alg)| Some((Lang::new(code)?, Stemmer::create(alg))))
            .collect();
        Stemmers { table }
    }

    /// The stem of a lowercase word in a language, folded (no diacritics, ё → е).
    ///
    /// Languages without a Snowball stemmer use their light stemmer when the crate ships a
    /// suffix table for them (Ukrainian, Polish, Czech, …: see [`super::stem`]); others keep
    /// the first six letters.
    pub fn stem(&self, word: &str, lang: Lang) -> String {
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        let lower = lower.replace('ё', "е");
        let stem = match self.table.iter().find(|(l, _)| *l == lang) {
            Some((_, s)) => s.stem(&lower).into_owned(),
            None => match super::stem::light_stem(&lower, lang) {
                Some(s) => s.to_string(),
                None => lower.chars().take(FALLBACK_PREFIX).collect(),
            },
        };
        fold(&stem)
    }
}

/// Removes diacritics (NFD, combining marks dropped) but keeps the script: `canción` → `cancion`,
/// `ёлка` → `елка`; Cyrillic й (a letter of its own) is kept.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if matches!(c, 'й' | 'Й' | 'ї' | 'Ї') {
            out.push(c);
            continue;
        }
        for d in c.nfd() {
            if !('\u{0300}'..='\u{036F}').contains(&d) {
                out.push(d);
            }
        }
    }
    out
}

/// Letters that count in a cognate key: the first five of the romanised stem.
const COGNATE_PREFIX: usize = 5;

/// The cross-script cognate key of a stem: romanised news-style, lowercase, no diacritics, cut to
/// five letters (`медведев` → `medve`, `Medvedev` → `medve`); `None` for stems under three letters.
pub fn cognate_key(stem: &str) -> Option<String> {
    let style = Translit::guess(stem);
    let norm = normalize_word(stem, style);
    let key: String = norm
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(COGNATE_PREFIX)
        .collect();
    (key.chars().count() >= 3).then_some(key)
}

/// The words of a text as written (letters, with inner hyphens and apostrophes), lowercase,
/// each with a flag saying whether it started with a capital letter.
pub fn words(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut capital = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let joiner = matches!(c, '-' | '\'' | '’')
            && !current.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
        if c.is_alphabetic() || joiner {
            if current.is_empty() {
                capital = c.is_uppercase();
            }
            current.extend(c.to_lowercase());
        } else if !current.is_empty() {
            out.push((std::mem::take(&mut current), capital));
        }
    }
    if !current.is_empty() {
        out.push((current, capital));
    }
    out
}

fn anchor_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)https?://[^\s<>]+|www\.[^\s<>]+|[@#][\p{L}\p{N}_]{2,}").ok())
        .as_ref()
}

/// Anchors that a translation keeps verbatim: normalised numbers (`n:1953`, also centuries in
/// Roman numerals, see [`roman_numbers`]), URLs (`u:…`, lowercase,
/// no trailing punctuation), @mentions and #hashtags (lowercase), each once, in order.
pub fn anchors(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    let mut rest = String::with_capacity(text.len());
    let mut last = 0;
    for m in anchor_regex().into_iter().flat_map(|re| re.find_iter(text)) {
        rest.push_str(text.get(last..m.start()).unwrap_or(""));
        rest.push(' ');
        last = m.end();
        let s = m
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\''])
            .to_lowercase();
        if s.starts_with('@') || s.starts_with('#') {
            push(s);
        } else {
            push(format!("u:{s}"));
        }
    }
    rest.push_str(text.get(last..).unwrap_or(""));
    for n in numbers(&rest) {
        push(format!("n:{n}"));
    }
    for n in roman_numbers(&rest) {
        push(format!("n:{n}"));
    }
    out
}

/// A small script-based guess of a text's language, kept behind one function so that the
/// statistical identifier of the `lang` stage can replace it: Cyrillic is Ukrainian when it has
/// і ї є ґ, else Russian; Latin script is decided by `whatlang` among common European languages;
/// anything else is `und`.
pub fn guess_lang(text: &str) -> Lang {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return Lang::UND;
    }
    let cyr = letters.iter().filter(|&&c| is_cyrillic(c)).count();
    if cyr * 2 > letters.len() {
        let code = match Translit::guess(text) {
            Translit::Ukrainian => "uk",
            Translit::Russian => "ru",
        };
        return Lang::new(code).unwrap_or(Lang::UND);
    }
    let latin = letters.iter().filter(|c| c.is_ascii_alphabetic()).count();
    if latin * 2 <= letters.len() {
        return Lang::UND;
    }
    latin_lang(text)
}

/// Languages of a set of texts: each script's texts take the language guessed for all of them
/// (short texts are too short to tell Latin-script languages apart one by one, but a set is
/// not), except that a Cyrillic text showing letters of only Russian or only Ukrainian keeps its
/// own.
pub fn guess_langs(texts: &[&str]) -> Vec<Lang> {
    let cyrillic = |l: Lang| matches!(l.as_str(), "ru" | "uk" | "bg" | "be" | "sr" | "mk");
    let own: Vec<Lang> = texts.iter().map(|t| guess_lang(t)).collect();
    // the language of a script's texts together (of all texts, when none has a guess)
    let side_of = |script: Option<bool>| {
        let sample: String = texts
            .iter()
            .zip(&own)
            .filter(|(_, &l)| script.is_none_or(|c| !l.is_und() && cyrillic(l) == c))
            .take(300)
            .map(|(t, _)| *t)
            .collect::<Vec<_>>()
            .join("\n");
        guess_lang(&sample)
    };
    let (latin, cyr) = (side_of(Some(false)), side_of(Some(true)));
    // all texts together, only for texts that have no guess of their own
    let all = if own.iter().any(|l| l.is_und()) {
        side_of(None)
    } else {
        Lang::UND
    };
    texts
        .iter()
        .zip(&own)
        .map(|(t, &own)| {
            if own.is_und() {
                return all;
            }
            if !cyrillic(own) {
                return if latin.is_und() { own } else { latin };
            }
            // Russian and Ukrainian differ by letters a text shows or not: trust the text
            // when it shows letters of one of them only (і ї є ґ, ы э ъ ё); a text with
            // neither is its script's language.
            let russian_only = t
                .chars()
                .any(|c| matches!(c, 'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё'));
            if own.as_str() == "uk" || russian_only || cyr.is_und() {
                own
            } else {
                cyr
            }
        })
        .collect()
}

/// `whatlang` among common Latin-script languages, mapped to ISO 639-1.
fn latin_lang(text: &str) -> Lang {
    use whatlang::Lang as W;
    const LATIN: &[(W, &str)] = &[
        (W::Eng, "en"),
        (W::Spa, "es"),
        (W::Fra, "fr"),
        (W::Deu, "de"),
        (W::Ita, "it"),
        (W::Por, "pt"),
        (W::Nld, "nl"),
        (W::Pol, "pl"),
    ];
    let detector = whatlang::Detector::with_allowlist(LATIN.iter().map(|(w, _)| *w).collect());
    detector
        .detect_lang(text)
        .and_then(|w| LATIN.iter().find(|(l, _)| *l == w))
        .and_then(|(_, code)| Lang::new(code))
        .unwrap_or(Lang::UND)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(c: &str) -> Lang {
        Lang::new(c).unwrap_or(Lang::UND)
    }

    #[test]
    fn stems_meet_across_inflection_and_accents() {
        let s = Stemmers::new();
        assert_eq!(s.stem("Медведеву", l("ru")), s.stem("медведева", l("ru")));
        assert_eq!(s.stem("canciones", l("es")), s.stem("canción", l("es")));
        assert_eq!(s.stem("running", l("en")), "run");
        assert_eq!(s.stem("ёлки", l("ru")), s.stem("елки", l("ru")));
        assert_eq!(s.stem("xxxxxxxxxx", l("ja")), "xxxxxx");
    }

    #[test]
    fn cognate_keys_cross_scripts() {
        let s = Stemmers::new();
        let ru = cognate_key(&s.stem("Медведеву", l("ru")));
        let en = cognate_key(&s.stem("Medvedev", l("en")));
        assert_eq!(ru, en);
        assert_eq!(cognate_key("to"), None);
        assert_eq!(cognate_key(&s.stem("Тому", l("ru"))), Some("tom".into()));
    }

    #[test]
    fn anchors_find_numbers_urls_mentions_hashtags() {
        let a = anchors("In 1953, see https://x.org/a. @Kelly #ISS costs 1,000 (or 1 000).");
        assert_eq!(
            a,
            vec!["u:https://x.org/a", "@kelly", "#iss", "n:1953", "n:1000"]
        );
        assert!(anchors("no anchors here").is_empty());
    }

    #[test]
    fn words_keep_case_flags() {
        let w = words("Kelly's medal — Медведев, well-known!");
        assert_eq!(
            w,
            vec![
                ("kelly's".to_string(), true),
                ("medal".to_string(), false),
                ("медведев".to_string(), true),
                ("well-known".to_string(), false)
            ]
        );
    }

    #[test]
    fn set_languages_override_short_latin_guesses() {
        let texts = [
            "Tom is here.",
            "The war is over and everyone went home.",
            "Привет всем.",
        ];
        let langs = guess_langs(&texts);
        assert_eq!(langs[0], l("en"));
        assert_eq!(langs[2], l("ru"));
    }

    /// A short Ukrainian sentence without a Ukrainian letter is Ukrainian on a Ukrainian side; a
    /// Russian one that shows a Russian letter stays Russian there.
    #[test]
    fn a_cyrillic_text_without_telling_letters_takes_its_sides_language() {
        let texts = [
            "Я знаю.",
            "Вона спить.",
            "Ми підемо додому завтра вранці, якщо погода дозволить.",
            "Київ чекає на весну, і всі готуються до свята.",
            "Это был хороший день.",
        ];
        let langs = guess_langs(&texts);
        assert_eq!(langs[0], l("uk"));
        assert_eq!(langs[1], l("uk"));
        assert_eq!(langs[2], l("uk"));
        assert_eq!(langs[4], l("ru"));
    }

    #[test]
    fn languages_guessed_from_script() {
        assert_eq!(guess_lang("Пошёл вон, дебил!"), l("ru"));
        assert_eq!(guess_lang("Київ і Львів"), l("uk"));
        assert_eq!(
            guess_lang("El presidente dijo que la guerra es injusta y que todos lo saben."),
            l("es")
        );
        assert_eq!(
            guess_lang("The president said the war is unjust and that everyone knows it."),
            l("en")
        );
        assert_eq!(guess_lang("12 34"), Lang::UND);
    }
}
