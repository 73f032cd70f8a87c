//! Sibling languages (Dutch and Afrikaans, Bokmål and Nynorsk, Indonesian and Malay ...): groups
//! whose character n-gram models differ in details only, so a lead of one over another is weaker
//! evidence than the same lead over an unrelated language. The groups are `data/lang/siblings.tsv`.

use std::sync::OnceLock;

use super::codes::LangSet;
use crate::doc::Lang;

const TABLE: &str = include_str!("../../data/lang/siblings.tsv");

fn groups() -> &'static [LangSet] {
    static GROUPS: OnceLock<Vec<LangSet>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| LangSet::of_codes(&l.split_whitespace().collect::<Vec<_>>()))
            .collect()
    })
}

/// True when two different languages belong to one sibling group.
pub fn are_siblings(a: Lang, b: Lang) -> bool {
    a != b && groups().iter().any(|g| g.contains(a) && g.contains(b))
}

/// The languages that share a sibling group with `lang` (`lang` itself left out).
pub fn siblings_of(lang: Lang) -> LangSet {
    let set = groups()
        .iter()
        .filter(|g| g.contains(lang))
        .fold(LangSet::EMPTY, |a, g| a.or(*g));
    set.and(LangSet::of(&[lang]).complement())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(code: &str) -> Lang {
        Lang::new(code).unwrap_or_default()
    }

    #[test]
    fn related_languages_are_siblings_and_others_are_not() {
        assert!(are_siblings(l("id"), l("ms")));
        assert!(are_siblings(l("nn"), l("da")));
        assert!(!are_siblings(l("en"), l("de")));
        assert!(!are_siblings(l("nl"), l("nl")));
    }
}
