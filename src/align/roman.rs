//! Roman numerals that stand for numbers: centuries and millennia ("X–XI вв.", "siglo XIV",
//! "XIVe siècle"), which other languages write as ordinals in digits ("10th–11th centuries").
//!
//! A numeral counts only next to a unit word of `data/roman_context.tsv`, or joined to such a
//! numeral by a dash or a join word: alone, `X` is a platform, `I` a pronoun, `CD` an abbreviation.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::table::rows;

/// The largest numeral a unit word takes: centuries and millennia are written with I, V and X
/// only, so "Ce siècle" (this century) and "De siglo" are not C and D.
const MAX_UNIT_NUMERAL: u32 = 39;

/// The unit words and the join words of the shipped table, lowercase.
struct Context {
    units: HashSet<String>,
    joins: HashSet<String>,
}

fn context() -> &'static Context {
    static TABLE: OnceLock<Context> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut ctx = Context {
            units: HashSet::new(),
            joins: HashSet::new(),
        };
        for row in rows(include_str!("../../data/roman_context.tsv")) {
            match row[..] {
                ["unit", w, ..] => ctx.units.insert(w.to_lowercase()),
                ["join", w, ..] => ctx.joins.insert(w.to_lowercase()),
                _ => false,
            };
        }
        ctx
    })
}

/// The value of an upper-case Roman numeral written in canonical form (`XIV`, not `XIIII`),
/// 1 to 3999; `None` for anything else.
pub fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values: Vec<i64> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (k, &v) in values.iter().enumerate() {
        match values.get(k + 1) {
            Some(&next) if next > v => total -= v,
            _ => total += v,
        }
    }
    // Only the canonical spelling of its value: rejects IIII, VX, IC and the like.
    let total = u32::try_from(total)
        .ok()
        .filter(|t| (1..4000).contains(t))?;
    (to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// One piece of the text as the numeral rule sees it.
enum Item<'a> {
    /// A run of letters, with a period directly after it when there is one (`вв.`).
    Word(&'a str, bool),
    /// A dash, comma or slash between words.
    Mark(char),
    /// Anything else: digits and other punctuation break a run of numerals.
    Other,
}

fn items(text: &str) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            let dot = chars.peek().is_some_and(|&(_, d)| d == '.');
            out.push(Item::Word(&text[start..end], dot));
        } else if matches!(c, '-' | '–' | '—' | ',' | '/') {
            out.push(Item::Mark(c));
        } else if !c.is_whitespace() && c != '.' {
            out.push(Item::Other);
        }
    }
    out
}

/// The value of a word read as a Roman numeral, French ordinal endings read off (`XIVe`, `Ier`).
fn numeral(word: &str) -> Option<u32> {
    roman_value(word).or_else(|| {
        ["ème", "eme", "er", "re", "e"]
            .iter()
            .find_map(|end| word.strip_suffix(end))
            .and_then(roman_value)
    })
}

fn is_unit(item: Option<&Item>) -> bool {
    let ctx = context();
    match item {
        Some(Item::Word(w, dot)) => {
            let lower = w.to_lowercase();
            ctx.units.contains(&lower) || (*dot && ctx.units.contains(&format!("{lower}.")))
        }
        _ => false,
    }
}

fn is_join(item: &Item) -> bool {
    let ctx = context();
    match item {
        Item::Mark(c) => ctx.joins.contains(&c.to_string()),
        Item::Word(w, false) => ctx.joins.contains(&w.to_lowercase()),
        _ => false,
    }
}

/// The numbers that Roman numerals in a unit context stand for, in order of appearance.
pub fn roman_numbers(text: &str) -> Vec<u32> {
    let items = items(text);
    let mut out = Vec::new();
    let mut k = 0;
    while k < items.len() {
        let Some(first) = word_numeral(&items[k]) else {
            k += 1;
            continue;
        };
        // A run: numeral (join numeral)*.
        let mut run = vec![first];
        let mut end = k;
        while let (Some(join), Some(next)) = (items.get(end + 1), items.get(end + 2)) {
            match word_numeral(next) {
                Some(v) if is_join(join) => {
                    run.push(v);
                    end += 2;
                }
                _ => break,
            }
        }
        let before = k.checked_sub(1).and_then(|b| items.get(b));
        let plausible = run.iter().all(|&v| v <= MAX_UNIT_NUMERAL);
        if plausible && (is_unit(before) || is_unit(items.get(end + 1))) {
            out.extend(run);
        }
        k = end + 1;
    }
    out
}

fn word_numeral(item: &Item) -> Option<u32> {
    match item {
        Item::Word(w, _) => numeral(w),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_numerals_only() {
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("XC"), Some(90));
        assert_eq!(roman_value("MCMXCIX"), Some(1999));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("VX"), None);
        assert_eq!(roman_value("xiv"), None);
        assert_eq!(roman_value("Xi"), None);
    }

    #[test]
    fn centuries_in_roman_numerals_are_numbers() {
        assert_eq!(
            roman_numbers("Готический стиль X–XI вв. и XIV в. до сих пор заметен."),
            [10, 11, 14]
        );
        assert_eq!(
            roman_numbers("Los siglos X y XI, y el siglo XIV."),
            [10, 11, 14]
        );
        assert_eq!(roman_numbers("Une église du XIVe siècle."), [14]);
        assert_eq!(roman_numbers("Во IV веке."), [4]);
        assert_eq!(roman_numbers("Збудований у XVII столітті."), [17]);
        assert_eq!(roman_numbers("Im XX. Jahrhundert."), [20]);
    }

    #[test]
    fn numerals_outside_a_unit_context_are_words() {
        assert!(roman_numbers("He wrote on X that I was wrong.").is_empty());
        assert!(roman_numbers("Burned to a CD in Washington DC.").is_empty());
        assert!(roman_numbers("Глава XIV описывает войну.").is_empty());
        assert!(roman_numbers("Ce siècle commence. De siglo en siglo.").is_empty());
    }
}
