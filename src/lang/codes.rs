//! Language codes: the languages talign can identify, ISO 639-3 (whatlang) ↔ ISO 639-1 (talign),
//! compact language sets, and parsing of `--langs` lists.

use std::sync::OnceLock;

use crate::doc::Lang;

/// ISO 639-1 and ISO 639-3 codes of every language the detector knows (whatlang's set and the
/// n-gram model's), in a fixed order: the index of a language here is its bit in a [`LangSet`].
const CODES: [(&str, &str); 88] = [
    ("en", "eng"),
    ("ru", "rus"),
    ("es", "spa"),
    ("de", "deu"),
    ("fr", "fra"),
    ("uk", "ukr"),
    ("it", "ita"),
    ("pt", "por"),
    ("pl", "pol"),
    ("bg", "bul"),
    ("be", "bel"),
    ("sr", "srp"),
    ("mk", "mkd"),
    ("nl", "nld"),
    ("sv", "swe"),
    ("da", "dan"),
    ("nb", "nob"),
    ("fi", "fin"),
    ("et", "est"),
    ("lv", "lav"),
    ("lt", "lit"),
    ("cs", "ces"),
    ("sk", "slk"),
    ("sl", "slv"),
    ("hr", "hrv"),
    ("hu", "hun"),
    ("ro", "ron"),
    ("tr", "tur"),
    ("az", "aze"),
    ("uz", "uzb"),
    ("tk", "tuk"),
    ("ca", "cat"),
    ("la", "lat"),
    ("eo", "epo"),
    ("af", "afr"),
    ("cy", "cym"),
    ("id", "ind"),
    ("jv", "jav"),
    ("tl", "tgl"),
    ("vi", "vie"),
    ("zu", "zul"),
    ("sn", "sna"),
    ("ak", "aka"),
    ("el", "ell"),
    ("he", "heb"),
    ("yi", "yid"),
    ("ar", "ara"),
    ("fa", "pes"),
    ("ur", "urd"),
    ("hi", "hin"),
    ("mr", "mar"),
    ("ne", "nep"),
    ("bn", "ben"),
    ("pa", "pan"),
    ("gu", "guj"),
    ("or", "ori"),
    ("ta", "tam"),
    ("te", "tel"),
    ("kn", "kan"),
    ("ml", "mal"),
    ("si", "sin"),
    ("th", "tha"),
    ("my", "mya"),
    ("km", "khm"),
    ("ka", "kat"),
    ("hy", "hye"),
    ("am", "amh"),
    ("zh", "cmn"),
    ("ja", "jpn"),
    ("ko", "kor"),
    // languages of the n-gram model that whatlang does not know
    ("bs", "bos"),
    ("eu", "eus"),
    ("ga", "gle"),
    ("is", "isl"),
    ("kk", "kaz"),
    ("lg", "lug"),
    ("mi", "mri"),
    ("mn", "mon"),
    ("ms", "msa"),
    ("nn", "nno"),
    ("so", "som"),
    ("sq", "sqi"),
    ("st", "sot"),
    ("sw", "swa"),
    ("tn", "tsn"),
    ("ts", "tso"),
    ("xh", "xho"),
    ("yo", "yor"),
];

/// Why a language list could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LangError {
    /// An item is not a language code.
    #[error(
        "`{0}` is not a language code (ISO 639-1 or 639-3, BCP-47: e.g. en, rus, pt-BR, eng_Latn)"
    )]
    BadCode(String),
    /// A valid code for a language the detector does not know.
    #[error("language `{0}` is not supported (supported: {list})", list = supported_list())]
    Unsupported(String),
    /// The list names no language.
    #[error("the language list is empty (give codes separated by commas, e.g. en,ru,es)")]
    Empty,
}

fn supported_list() -> String {
    let mut codes: Vec<&str> = CODES.iter().map(|(c, _)| *c).collect();
    codes.sort_unstable();
    codes.join(",")
}

/// The position of a language in the code table, if supported.
pub(crate) fn index_of(lang: Lang) -> Option<usize> {
    static BY_CODE: OnceLock<[u8; 26 * 26]> = OnceLock::new();
    let table = BY_CODE.get_or_init(|| {
        let mut t = [0u8; 26 * 26];
        for (i, (code, _)) in CODES.iter().enumerate() {
            if let Some(slot) = code_slot(code).and_then(|k| t.get_mut(k)) {
                *slot = (i + 1) as u8;
            }
        }
        t
    });
    let k = code_slot(lang.as_str())?;
    table.get(k).and_then(|&v| (v as usize).checked_sub(1))
}

/// Position of a two-letter lowercase code in a 26 × 26 table.
fn code_slot(code: &str) -> Option<usize> {
    match code.as_bytes() {
        [a @ b'a'..=b'z', b @ b'a'..=b'z'] => {
            Some(usize::from(a - b'a') * 26 + usize::from(b - b'a'))
        }
        _ => None,
    }
}

/// The language at a position of the code table.
pub(crate) fn lang_at(index: usize) -> Lang {
    CODES
        .get(index)
        .and_then(|(c, _)| Lang::new(c))
        .unwrap_or(Lang::UND)
}

/// Every language the detector can return, in table order.
pub fn supported() -> Vec<Lang> {
    CODES.iter().filter_map(|(c, _)| Lang::new(c)).collect()
}

/// True when the detector knows the language.
pub fn is_supported(lang: Lang) -> bool {
    index_of(lang).is_some()
}

/// talign's code for a whatlang language.
pub fn from_whatlang(lang: whatlang::Lang) -> Option<Lang> {
    let code3 = lang.code();
    CODES
        .iter()
        .find(|(_, c3)| *c3 == code3)
        .and_then(|(c, _)| Lang::new(c))
}

/// whatlang's language for a talign code.
pub fn to_whatlang(lang: Lang) -> Option<whatlang::Lang> {
    let (_, code3) = CODES.iter().find(|(c, _)| *c == lang.as_str())?;
    whatlang::Lang::from_code(*code3)
}

/// Parses a comma-separated list of ISO 639-1 codes (`en,ru,es`); duplicates are dropped, order kept.
pub fn parse_lang_list(s: &str) -> Result<Vec<Lang>, LangError> {
    let mut out: Vec<Lang> = Vec::new();
    for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let lang = Lang::new(item)
            .filter(|l| !l.is_und())
            .ok_or_else(|| LangError::BadCode(item.to_string()))?;
        if !is_supported(lang) {
            return Err(LangError::Unsupported(item.to_string()));
        }
        if !out.contains(&lang) {
            out.push(lang);
        }
    }
    if out.is_empty() {
        return Err(LangError::Empty);
    }
    Ok(out)
}

/// A set of supported languages as a bit set over the code table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct LangSet(u128);

impl LangSet {
    /// The empty set.
    pub const EMPTY: LangSet = LangSet(0);

    /// Every supported language.
    pub fn all() -> LangSet {
        LangSet((1u128 << CODES.len()) - 1)
    }

    /// The set of the given languages (unsupported ones are ignored).
    pub fn of(langs: &[Lang]) -> LangSet {
        let mut set = LangSet::EMPTY;
        for &l in langs {
            set.insert(l);
        }
        set
    }

    /// The set of languages named by ISO 639-1 codes (unknown ones are ignored).
    pub fn of_codes(codes: &[&str]) -> LangSet {
        let langs: Vec<Lang> = codes.iter().filter_map(|c| Lang::new(c)).collect();
        LangSet::of(&langs)
    }

    /// Adds a language.
    pub fn insert(&mut self, lang: Lang) {
        if let Some(i) = index_of(lang) {
            self.0 |= 1u128 << i;
        }
    }

    /// True when the language is in the set.
    pub fn contains(&self, lang: Lang) -> bool {
        index_of(lang).is_some_and(|i| self.0 & (1u128 << i) != 0)
    }

    /// The languages in both sets.
    pub fn and(self, other: LangSet) -> LangSet {
        LangSet(self.0 & other.0)
    }

    /// The languages in either set.
    pub fn or(self, other: LangSet) -> LangSet {
        LangSet(self.0 | other.0)
    }

    /// The supported languages not in the set.
    pub fn complement(self) -> LangSet {
        LangSet(!self.0 & LangSet::all().0)
    }

    /// True when no language is in the set.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// How many languages are in the set.
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// The only language of a one-language set.
    pub fn single(&self) -> Option<Lang> {
        (self.len() == 1).then(|| lang_at(self.0.trailing_zeros() as usize))
    }

    /// The positions of the set's languages in the code table, in order (no allocation).
    pub(crate) fn indices(self) -> impl Iterator<Item = usize> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let i = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                i
            })
        })
    }

    /// The languages that the most of `sets` contain (empty when none contains any language).
    pub fn most_common(sets: &[LangSet]) -> LangSet {
        let mut best = (0usize, LangSet::EMPTY);
        for i in LangSet::all().indices() {
            let bit = 1u128 << i;
            let votes = sets.iter().filter(|s| s.0 & bit != 0).count();
            if votes > best.0 {
                best = (votes, LangSet(bit));
            } else if votes == best.0 && votes > 0 {
                best.1 .0 |= bit;
            }
        }
        best.1
    }

    /// The languages in table order.
    pub fn langs(&self) -> Vec<Lang> {
        (0..CODES.len())
            .filter(|i| self.0 & (1u128 << i) != 0)
            .map(lang_at)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_maps_both_ways() {
        let mut with_whatlang = 0;
        for lang in supported() {
            if let Some(wl) = to_whatlang(lang) {
                assert_eq!(from_whatlang(wl), Some(lang));
                with_whatlang += 1;
            }
        }
        assert_eq!(with_whatlang, 70, "every whatlang language has a code");
    }

    #[test]
    fn lists_parse_and_reject() {
        let l = parse_lang_list("en, RU,es,en").unwrap_or_default();
        assert_eq!(l.len(), 3);
        assert_eq!(l[1].as_str(), "ru");
        assert!(matches!(
            parse_lang_list("en,xx"),
            Err(LangError::Unsupported(_))
        ));
        assert_eq!(
            parse_lang_list("eng,rus_Cyrl,pt-BR"),
            parse_lang_list("en,ru,pt")
        );
        assert!(matches!(
            parse_lang_list("english"),
            Err(LangError::BadCode(_))
        ));
        assert!(matches!(parse_lang_list(" , "), Err(LangError::Empty)));
    }

    #[test]
    fn sets_hold_languages() {
        let s = LangSet::of_codes(&["ru", "uk"]);
        assert_eq!(s.len(), 2);
        assert!(s.contains(Lang::new("uk").unwrap_or_default()));
        assert_eq!(
            s.and(LangSet::of_codes(&["uk"]))
                .single()
                .map(|l| l.to_string()),
            Some("uk".into())
        );
        assert_eq!(LangSet::all().len(), 88);
        assert_eq!(s.indices().count(), 2);
    }

    #[test]
    fn the_languages_most_sets_share_win_the_vote() {
        let de = LangSet::of_codes(&["de"]);
        let votes = [
            LangSet::of_codes(&["en", "de"]),
            de,
            LangSet::of_codes(&["de", "pl"]),
        ];
        assert_eq!(LangSet::most_common(&votes), de);
        assert!(LangSet::most_common(&[]).is_empty());
    }
}

/// ISO 639-3 (and 639-2/B) codes with their ISO 639-1 code, from `data/iso639.tsv`.
fn three_to_two() -> &'static std::collections::HashMap<[u8; 3], [u8; 2]> {
    static TABLE: OnceLock<std::collections::HashMap<[u8; 3], [u8; 2]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../data/iso639.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (three, two) = l.split_once('\t')?;
                Some((
                    three.as_bytes().try_into().ok()?,
                    two.as_bytes().try_into().ok()?,
                ))
            })
            .collect()
    })
}

/// The primary language subtag of a code whose other subtags are a script, a region or a
/// variant: `pt-BR`, `eng_Latn`, `zh-Hant-TW`, `sr_Latn_RS`, `de-CH-1996` (BCP-47, or
/// FLORES-200's underscore form). Two language codes joined (`spa-eng`, a language pair) are
/// not one code.
fn primary_subtag(code: &str) -> Option<&str> {
    let mut parts = code.split(['-', '_']);
    let primary = parts.next()?;
    let alpha = |p: &str| p.bytes().all(|b| b.is_ascii_alphabetic());
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let alnum = |p: &str| p.bytes().all(|b| b.is_ascii_alphanumeric());
    let subtag_ok = |p: &str| match p.len() {
        // a region (BR, 419), a script (Latn), a variant (1996, rozaj)
        2 => alpha(p),
        3 => digits(p),
        4 => alpha(p) || (p.starts_with(|c: char| c.is_ascii_digit()) && alnum(p)),
        5..=8 => alnum(p),
        _ => false,
    };
    parts.all(subtag_ok).then_some(primary)
}

/// A language code in any of the usual forms, as one canonical [`Lang`]: ISO 639-1 (`de`),
/// ISO 639-3 or 639-2/B (`deu`, `ger`), BCP-47 (`pt-BR`, `zh-Hant`), FLORES-200 (`eng_Latn`),
/// any case; the two-letter code when the language has one (`deu` → `de`, `cmn` → `zh`), else
/// the three letters (`yue`). `und` stays `und`. `None` for anything else.
pub fn canonical_code(code: &str) -> Option<Lang> {
    // the common case, a bare ISO 639-1 code in lowercase (tables, `--langs`), without the
    // parsing and the copy below
    if let &[a, b] = code.as_bytes() {
        if a.is_ascii_lowercase() && b.is_ascii_lowercase() {
            return Some(Lang::from_bytes([a, b, b' ']));
        }
    }
    let primary = primary_subtag(code.trim())?;
    let lower = primary.to_ascii_lowercase();
    let b = lower.as_bytes();
    if !b.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    match b.len() {
        2 => Some(Lang::from_bytes([b[0], b[1], b' '])),
        3 if lower == "und" => Some(Lang::UND),
        3 => {
            let three = [b[0], b[1], b[2]];
            Some(match three_to_two().get(&three) {
                Some(two) => Lang::from_bytes([two[0], two[1], b' ']),
                None => Lang::from_bytes(three),
            })
        }
        _ => None,
    }
}

/// [`canonical_code`] for codes written into names and ids (`story.deu.txt`, a record
/// `story.pt-BR`): only codes that map to a two-letter code, so a word such as `old` or `fin`al
/// parts of names are not taken for a language unless it is a known code.
pub fn known_code(code: &str) -> Option<Lang> {
    let primary = primary_subtag(code.trim())?;
    let lang = canonical_code(code)?;
    let two_letter = lang.as_str().len() == 2;
    (two_letter
        && (primary.len() == 2
            || three_to_two().contains_key(&{
                let b = primary.to_ascii_lowercase().into_bytes();
                [b[0], b[1], b[2]]
            })))
    .then_some(lang)
}

#[cfg(test)]
mod code_form_tests {
    use super::*;

    fn code(s: &str) -> Option<String> {
        canonical_code(s).map(|l| l.as_str().to_string())
    }

    #[test]
    fn every_usual_form_of_a_code_maps_to_one_canonical_code() {
        for (given, canonical) in [
            ("de", "de"),
            ("DE", "de"),
            ("deu", "de"),
            ("ger", "de"),
            ("pt-BR", "pt"),
            ("pt_br", "pt"),
            ("eng_Latn", "en"),
            ("zh-Hant-TW", "zh"),
            ("cmn_Hans", "zh"),
            ("arb_Arab", "ar"),
            ("ukr", "uk"),
            ("und", "und"),
            ("yue_Hant", "yue"),
        ] {
            assert_eq!(code(given).as_deref(), Some(canonical), "{given}");
        }
        for bad in [
            "",
            "e",
            "english",
            "en-",
            "en-toolongsubtag",
            "e1",
            "ру",
            "spa-eng",
        ] {
            assert_eq!(code(bad), None, "{bad}");
        }
    }

    #[test]
    fn names_and_ids_take_only_codes_that_have_a_two_letter_form() {
        assert_eq!(known_code("deu").map(|l| l.to_string()), Some("de".into()));
        assert_eq!(known_code("es").map(|l| l.to_string()), Some("es".into()));
        assert_eq!(
            known_code("pt-BR").map(|l| l.to_string()),
            Some("pt".into())
        );
        assert_eq!(known_code("old"), None);
        assert_eq!(known_code("yue"), None);
        assert_eq!(known_code("final"), None);
    }
}
