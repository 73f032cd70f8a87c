//! Numbers written as words (`diecinueve`, `триста`, `two`) as keys of the digits they stand
//! for, so that a text that spells a number meets one that writes it in digits (`I am 19` /
//! `Tengo diecinueve`; the hour of `2:30` / `las dos y media`). The table is data
//! (`data/lexicon/numbers.tsv`: cardinals per language, a few inflected forms); the value 1 is
//! left out on purpose, since its words are also articles (`un`, `una`, `ein`).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::align::anchors::fold;
use crate::doc::Lang;
use crate::table::rows;

/// Language code → folded lowercase word → value, from the shipped table (looked up per word of
/// every text, so without building a key string for each).
fn table() -> &'static HashMap<String, HashMap<String, String>> {
    static TABLE: OnceLock<HashMap<String, HashMap<String, String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: HashMap<String, HashMap<String, String>> = HashMap::new();
        for row in rows(include_str!("../../../data/lexicon/numbers.tsv")) {
            let [lang, value, words, ..] = row[..] else {
                continue;
            };
            let words_of = map.entry(lang.to_string()).or_default();
            for w in words.split_whitespace() {
                words_of.insert(fold(w), value.to_string());
            }
        }
        map
    })
}

/// The number key (`n:19`, the form of digit anchors) of a lowercase word that spells a number
/// in `lang`; `None` for other words.
pub fn number_key(word: &str, lang: Lang) -> Option<String> {
    table()
        .get(lang.as_str())?
        .get(fold(word).as_str())
        .map(|v| format!("n:{v}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::anchors::anchors;

    fn l(c: &str) -> Lang {
        Lang::new(c).unwrap_or(Lang::UND)
    }

    #[test]
    fn spelled_numbers_key_as_their_digits() {
        assert_eq!(number_key("diecinueve", l("es")), Some("n:19".to_string()));
        assert_eq!(number_key("триста", l("ru")), Some("n:300".to_string()));
        assert!(anchors("I am 19 years old.").contains(&"n:19".to_string()));
        assert!(anchors("I have $300.").contains(&"n:300".to_string()));
        // Articles that also mean "one" are not numbers; words of another language are not.
        assert_eq!(number_key("una", l("es")), None);
        assert_eq!(number_key("dos", l("en")), None);
    }
}
