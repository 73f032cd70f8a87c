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
    /// An item is not a two-letter code.
    #[error("`{0}` is not an ISO 639-1 language code (two letters, e.g. en, ru, es)")]
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
        assert!(matches!(parse_lang_list("eng"), Err(LangError::BadCode(_))));
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
