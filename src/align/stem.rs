//! Light stemming for languages Snowball lacks (Ukrainian, Belarusian, Polish, Czech, Slovak,
//! Croatian, Bosnian, Slovenian, Bulgarian): the longest inflectional ending from the
//! language's table in `data/stem/` is stripped, as long as the stem keeps a few letters.
//!
//! A bilingual lexicon lists the dictionary form (`війна`), a text any inflected form (`війни`,
//! `війною`); both stemmed with the same table meet. The tables are lists of endings written
//! for this crate; `min` in a table is the fewest letters a stem keeps.
//!
//! ```
//! use talign::align::stem::light_stem;
//! use talign::Lang;
//! let uk = Lang::new("uk").unwrap_or_default();
//! assert_eq!(light_stem("війною", uk), light_stem("війна", uk));
//! ```

use std::sync::OnceLock;

use crate::doc::Lang;

/// The suffix tables shipped with the crate, by ISO 639-1 code.
const TABLES: &[(&str, &str)] = &[
    ("uk", include_str!("../../data/stem/uk.tsv")),
    ("be", include_str!("../../data/stem/be.tsv")),
    ("pl", include_str!("../../data/stem/pl.tsv")),
    ("cs", include_str!("../../data/stem/cs.tsv")),
    ("sk", include_str!("../../data/stem/sk.tsv")),
    ("hr", include_str!("../../data/stem/hr.tsv")),
    ("bs", include_str!("../../data/stem/bs.tsv")),
    ("sl", include_str!("../../data/stem/sl.tsv")),
    ("bg", include_str!("../../data/stem/bg.tsv")),
];

/// Fewest letters a stem keeps when a table does not say.
const DEFAULT_MIN_STEM: usize = 3;

/// One language's endings, longest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SuffixTable {
    /// The endings, longest first (ties in file order).
    suffixes: Vec<String>,
    /// Fewest letters a stem keeps.
    min_stem: usize,
}

impl SuffixTable {
    /// Reads a table: one ending a line, `#` comments, and an optional `min<TAB>n` line.
    pub fn parse(text: &str) -> SuffixTable {
        let mut suffixes: Vec<String> = Vec::new();
        let mut min_stem = DEFAULT_MIN_STEM;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(n) = line.strip_prefix("min\t") {
                min_stem = n.trim().parse().unwrap_or(DEFAULT_MIN_STEM);
                continue;
            }
            let suffix = line.split('\t').next().unwrap_or("").to_lowercase();
            if !suffix.is_empty() && !suffixes.contains(&suffix) {
                suffixes.push(suffix);
            }
        }
        // Stable: equal lengths keep file order.
        suffixes.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        SuffixTable { suffixes, min_stem }
    }

    /// The stem of a lowercase word: without its longest listed ending that leaves at least
    /// `min` letters; the word itself when none does.
    pub fn stem<'a>(&self, word: &'a str) -> &'a str {
        let letters = word.chars().count();
        for suffix in &self.suffixes {
            if let Some(stem) = word.strip_suffix(suffix.as_str()) {
                if letters - suffix.chars().count() >= self.min_stem {
                    return stem;
                }
            }
        }
        word
    }

    /// Number of endings.
    pub fn len(&self) -> usize {
        self.suffixes.len()
    }

    /// True when the table has no endings.
    pub fn is_empty(&self) -> bool {
        self.suffixes.is_empty()
    }
}

fn tables() -> &'static [(Lang, SuffixTable)] {
    static TABLES_PARSED: OnceLock<Vec<(Lang, SuffixTable)>> = OnceLock::new();
    TABLES_PARSED.get_or_init(|| {
        TABLES
            .iter()
            .filter_map(|(code, text)| Some((Lang::new(code)?, SuffixTable::parse(text))))
            .collect()
    })
}

/// The shipped suffix table of a language, if there is one.
pub fn suffix_table(lang: Lang) -> Option<&'static SuffixTable> {
    tables().iter().find(|(l, _)| *l == lang).map(|(_, t)| t)
}

/// The light stem of a lowercase word in a language with a shipped table; `None` for other
/// languages.
pub fn light_stem(word: &str, lang: Lang) -> Option<&str> {
    suffix_table(lang).map(|t| t.stem(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(c: &str) -> Lang {
        Lang::new(c).unwrap_or(Lang::UND)
    }

    fn same(words: &[&str], lang: &str) {
        let stems: Vec<Option<&str>> = words.iter().map(|w| light_stem(w, l(lang))).collect();
        assert!(
            stems.iter().all(|s| s.is_some() && *s == stems[0]),
            "{lang}: {words:?} -> {stems:?}"
        );
    }

    #[test]
    fn every_shipped_table_loads() {
        for (code, _) in TABLES {
            let t = suffix_table(l(code));
            assert!(t.is_some_and(|t| t.len() > 20), "{code}");
        }
        assert!(suffix_table(l("en")).is_none(), "English has Snowball");
    }

    #[test]
    fn ukrainian_case_forms_of_a_noun_share_a_stem() {
        same(&["війна", "війни", "війні", "війною", "війну"], "uk");
        same(
            &["президент", "президента", "президентові", "президентом"],
            "uk",
        );
    }

    #[test]
    fn ukrainian_adjective_forms_share_a_stem() {
        same(
            &[
                "новий",
                "нового",
                "новому",
                "новим",
                "нових",
                "нова",
                "нову",
            ],
            "uk",
        );
    }

    #[test]
    fn polish_case_forms_share_a_stem() {
        same(&["wojna", "wojny", "wojnie", "wojną", "wojnę"], "pl");
        same(&["nowy", "nowego", "nowemu", "nowym", "nowych"], "pl");
        same(&["kot", "kota", "kotem", "kotów"], "pl");
    }

    #[test]
    fn czech_slovak_croatian_bulgarian_case_forms_share_a_stem() {
        same(&["válka", "války", "válku", "válkou"], "cs");
        same(&["hrad", "hradu", "hradom", "hradov"], "sk");
        same(&["grad", "grada", "gradu", "gradom", "gradovi"], "hr");
        same(&["град", "градът", "града", "градове"], "bg");
    }

    /// A lexicon lists a verb by its infinitive and a text uses finite forms: the thematic vowel
    /// the infinitive keeps (`робити`, `widzieć`) must go in every form, or they never meet.
    #[test]
    fn the_forms_of_a_verb_share_the_stem_of_its_infinitive() {
        same(
            &[
                "робити",
                "робиш",
                "робить",
                "робимо",
                "робив",
                "робила",
                "робили",
            ],
            "uk",
        );
        same(
            &[
                "читати",
                "читаю",
                "читаєш",
                "читає",
                "читаємо",
                "читав",
                "читала",
            ],
            "uk",
        );
        same(&["сидіти", "сидиш", "сидить", "сидів", "сиділа"], "uk");
        same(
            &[
                "працювати",
                "працює",
                "працюєш",
                "працюють",
                "працював",
                "працюватиме",
            ],
            "uk",
        );
        same(&["купувати", "купую", "купує", "купують", "купували"], "uk");
        same(&["читайте", "читати", "читаю"], "uk");
        same(&["робити", "робитиме", "робитимуть"], "uk");
        same(
            &[
                "robić", "robię", "robisz", "robi", "robimy", "robił", "robiła",
            ],
            "pl",
        );
        same(
            &["czytać", "czytam", "czytasz", "czyta", "czytał", "czytała"],
            "pl",
        );
        same(
            &[
                "widzieć",
                "widzę",
                "widzisz",
                "widzi",
                "widział",
                "widziała",
            ],
            "pl",
        );
        same(
            &["правя", "правиш", "прави", "правим", "правил", "правила"],
            "bg",
        );
        same(&["чакам", "чакаш", "чака", "чакал", "чакала"], "bg");
        same(&["dělat", "dělám", "děláme", "dělal", "dělala"], "cs");
    }

    #[test]
    fn short_words_keep_their_letters() {
        let uk = l("uk");
        assert_eq!(light_stem("мати", uk), Some("мат"));
        assert_eq!(light_stem("ми", uk), Some("ми"));
        assert_eq!(light_stem("так", uk), Some("так"));
    }

    #[test]
    fn tables_parse_min_comments_and_longest_first() {
        let t = SuffixTable::parse("# c\nmin\t2\na\nama\n\nma\n");
        assert_eq!(t.stem("kama"), "ka");
        assert_eq!(t.stem("lama"), "la");
        assert_eq!(t.stem("xyama"), "xy");
        assert_eq!(t.stem("ab"), "ab");
    }
}
