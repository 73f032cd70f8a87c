//! Similarity features shared by the sentence aligner and the translation-pair miner.
//!
//! Everything here works on single strings and is language-agnostic: tokens are normalised
//! (lowercase, no diacritics, Cyrillic written in Latin letters the way news agencies do:
//! Медведев → medvedev, Зеленский → zelensky, Київ → kyiv), numbers are normalised across
//! thousands separators ("1 000", "1,000", "4'478"), and punctuation that survives translation
//! (? ! : quotes, parentheses) is kept as a shape.

use unicode_normalization::UnicodeNormalization;

/// Which Cyrillic romanisation to use: Ukrainian reads и as y and г as h, Russian as i and g.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Translit {
    /// Russian-style news romanisation (also used for other Cyrillic languages).
    #[default]
    Russian,
    /// Ukrainian national romanisation (Київ → Kyiv, Харків → Kharkiv).
    Ukrainian,
}

impl Translit {
    /// Guesses the romanisation from the letters of a text: і, ї, є or ґ mean Ukrainian.
    pub fn guess(text: &str) -> Translit {
        if text
            .chars()
            .any(|c| matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ'))
        {
            Translit::Ukrainian
        } else {
            Translit::Russian
        }
    }
}

/// The kind of a token produced by [`tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A word, normalised (see [`normalize_word`]).
    Word(String),
    /// A number, normalised (see [`normalize_number`]).
    Number(String),
    /// A punctuation mark that tends to survive translation (see [`punct_shape`]).
    Punct(char),
}

/// Romanises one lowercase Cyrillic letter in a word; `first` is true at the start of the word.
fn cyrillic_to_latin(c: char, first: bool, style: Translit) -> Option<&'static str> {
    let uk = style == Translit::Ukrainian;
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => {
            if uk {
                "h"
            } else {
                "g"
            }
        }
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "yo",
        'є' => {
            if first {
                "ye"
            } else {
                "ie"
            }
        }
        'ж' => "zh",
        'з' => "z",
        'и' => {
            if uk {
                "y"
            } else {
                "i"
            }
        }
        'і' => "i",
        'ї' => {
            if first {
                "yi"
            } else {
                "i"
            }
        }
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' | '\'' | '’' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// Romanises a Cyrillic word news-style (Медведев → Medvedev, Зеленский → Zelensky, Київ → Kyiv).
///
/// Letters that are not Cyrillic pass through unchanged; case follows the first letter.
pub fn transliterate(word: &str, style: Translit) -> String {
    let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let mut out = String::with_capacity(word.len() + 4);
    let n = lower.len();
    let mut i = 0;
    while i < n {
        let c = lower[i];
        let next = lower.get(i + 1).copied();
        let at_end = i + 2 == n;
        // Adjective endings -ий/-ый/-ій are written as a single "y" (Zelensky, Dostoyevsky).
        if at_end && matches!(c, 'и' | 'ы' | 'і') && next == Some('й') {
            out.push('y');
            i += 2;
            continue;
        }
        match cyrillic_to_latin(c, i == 0, style) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
        i += 1;
    }
    // "yy" only arises from Ukrainian -ий (Zelenskyy): news style writes one y.
    let out = out.replace("yy", "y");
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    if capital {
        let mut chars = out.chars();
        match chars.next() {
            Some(f) => f.to_uppercase().chain(chars).collect(),
            None => out,
        }
    } else {
        out
    }
}

/// True for letters of the Cyrillic block.
pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// Normalises a word for comparison: lowercase, Cyrillic romanised, diacritics removed, ß → ss.
pub fn normalize_word(word: &str, style: Translit) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let romanised;
    let word = if word.chars().any(is_cyrillic) {
        romanised = transliterate(word, style);
        romanised.as_str()
    } else {
        word
    };
    let mut out = String::with_capacity(word.len());
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// True for Unicode combining diacritical marks (the part NFD splits off accented letters).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

/// Characters that may separate digit groups inside one number ("1 000", "1,000", "4'478").
fn is_digit_separator(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | '\'' | '’' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'
    )
}

/// Normalises the digit groups of one number, given as the groups and the separators between them.
///
/// Groups of exactly three digits after the first are thousands ("1 000", "1,000", "4'478" →
/// "1000", "4478"); a final group after `,` or `.` that is not three digits long is a decimal part
/// ("19,29" → "19.29"). Returns one or more numbers (spaces that do not separate thousands split).
fn normalize_groups(groups: &[&str], seps: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for (k, g) in groups.iter().enumerate() {
        if k == 0 {
            current.push_str(g);
            continue;
        }
        let sep = seps.get(k - 1).copied().unwrap_or(' ');
        let is_last = k + 1 == groups.len();
        if g.len() == 3 && current.len() <= 3 + 3 * (k - 1) && !current.contains('.') {
            current.push_str(g);
        } else if matches!(sep, ',' | '.') && is_last && !current.contains('.') {
            current.push('.');
            current.push_str(g);
        } else {
            out.push(std::mem::take(&mut current));
            current.push_str(g);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.into_iter()
        .map(|n| {
            let trimmed = n.trim_start_matches('0');
            if trimmed.is_empty() || trimmed.starts_with('.') {
                format!("0{trimmed}")
            } else {
                trimmed.to_string()
            }
        })
        .collect()
}

/// Normalises a number as written ("1 000", "1,000", "4'478", "19,29") to plain digits
/// ("1000", "1000", "4478", "19.29"); `None` when the text holds no digit.
pub fn normalize_number(text: &str) -> Option<String> {
    numbers(text).into_iter().next()
}

/// All numbers in a text, normalised as by [`normalize_number`], in order of appearance.
pub fn numbers(text: &str) -> Vec<String> {
    tokens(text, Translit::Russian)
        .into_iter()
        .filter_map(|t| match t {
            Token::Number(n) => Some(n),
            _ => None,
        })
        .collect()
}

/// The punctuation shape of a mark: `?`, `!`, `:`, `"` for any quote mark, `(` for brackets,
/// `;`, `%`; `None` for marks that do not survive translation reliably (commas, full stops).
pub fn punct_shape(c: char) -> Option<char> {
    Some(match c {
        '?' | '¿' | '？' => '?',
        '!' | '¡' | '！' => '!',
        ':' | '：' => ':',
        ';' => ';',
        '%' => '%',
        '"' | '«' | '»' | '“' | '”' | '„' | '‟' | '「' | '」' | '『' | '』' => '"',
        '(' | '[' | '（' => '(',
        _ => return None,
    })
}

/// Splits a text into normalised words, numbers and punctuation shapes, in order.
pub fn tokens(text: &str, style: Translit) -> Vec<Token> {
    let mut out = Vec::new();
    scan_tokens(text, style, |t, _| out.push(t));
    out
}

/// Calls `f` with each token of [`tokens`] and, for words, the word as written (otherwise "").
pub fn scan_tokens(text: &str, style: Translit, mut f: impl FnMut(Token, &str)) {
    scan_pieces(text, |piece| match piece {
        Piece::Word(word) => f(Token::Word(normalize_word(word, style)), word),
        Piece::Number(n) => f(Token::Number(n), ""),
        Piece::Punct(p) => f(Token::Punct(p), ""),
    });
}

/// A token of [`scan_pieces`]: words as written, not yet normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'t> {
    /// A word as written in the text.
    Word(&'t str),
    /// A number, normalised (see [`normalize_number`]).
    Number(String),
    /// A punctuation shape (see [`punct_shape`]).
    Punct(char),
}

/// Calls `f` with each token of [`tokens`], words as written (a caller that meets the same
/// word many times normalises it once).
pub fn scan_pieces<'t>(text: &'t str, mut f: impl FnMut(Piece<'t>)) {
    let chars: Vec<char> = text.chars().collect();
    let mut numbers = Vec::new();
    let mut i = 0;
    let mut byte = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let end = push_number(&chars, i, &mut numbers);
            byte += chars[i..end].iter().map(|c| c.len_utf8()).sum::<usize>();
            i = end;
            for n in numbers.drain(..) {
                f(Piece::Number(n));
            }
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || is_word_joiner(&chars, i)) {
                if chars[i].is_ascii_digit() {
                    break;
                }
                i += 1;
            }
            let len: usize = chars[start..i].iter().map(|c| c.len_utf8()).sum();
            let word = text.get(byte..byte + len).unwrap_or_default();
            byte += len;
            f(Piece::Word(word));
        } else {
            if let Some(p) = punct_shape(c) {
                f(Piece::Punct(p));
            }
            byte += c.len_utf8();
            i += 1;
        }
    }
}

/// The value of a Roman numeral of two or more capitals among I, V and X (`II`, `IV`, `XIV`:
/// camps, volumes, centuries; `camp IV` is `Lager 4`), written the usual way; `None` for other
/// words. A lone `I`, `V` or `X` is a word or a letter as often as a number.
pub fn roman_numeral(word: &str) -> Option<u32> {
    if word.len() < 2 || !word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    super::roman::roman_value(word)
}

/// True when the character at `i` is a hyphen or apostrophe between two letters (kept in words).
fn is_word_joiner(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if !matches!(c, '-' | '\u{2010}') {
        return false;
    }
    let before = i.checked_sub(1).and_then(|k| chars.get(k));
    let after = chars.get(i + 1);
    before.is_some_and(|b| b.is_alphabetic()) && after.is_some_and(|a| a.is_alphabetic())
}

/// Reads one number starting at `start` (a digit) and pushes its normalised form(s).
fn push_number(chars: &[char], start: usize, out: &mut Vec<String>) -> usize {
    let mut groups: Vec<String> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut i = start;
    loop {
        let g_start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        groups.push(chars[g_start..i].iter().collect());
        // A separator continues the number only when a digit follows it directly.
        match (chars.get(i), chars.get(i + 1)) {
            (Some(&s), Some(d)) if is_digit_separator(s) && d.is_ascii_digit() => {
                seps.push(s);
                i += 1;
            }
            _ => break,
        }
    }
    let refs: Vec<&str> = groups.iter().map(String::as_str).collect();
    out.extend(normalize_groups(&refs, &seps));
    i
}

/// The second reading of a Cyrillic word romanised as `roman`: its Russian-style romanisation,
/// or `None` when that is the same. The Ukrainian romanisation writes `г` as `h` and `и` as `y`
/// (Харків → Kharkiv, Глухів → Hlukhiv), which native names want, but loanwords and foreign
/// names keep the spelling of their source, which the Russian style comes closer to
/// (стратегічне → stratehichne / strategichne, *strategic*; географія → heohrafiia / geografiia).
pub fn second_reading(surface: &str, roman: &str) -> Option<String> {
    // only г and и read differently (Russian-style `g` and `i`)
    if !surface.contains(['г', 'и']) {
        return None;
    }
    let other = normalize_word(surface, Translit::Russian);
    (other != roman).then_some(other)
}

/// Case and number endings of Russian and Ukrainian nouns, adjectives and names, longest first.
const CYRILLIC_ENDINGS: &[&str] = &[
    "ями", "ами", "ові", "еві", "ого", "его", "ому", "ему", "ими", "ыми", "ією", "ею", "ою", "ій",
    "ий", "ый", "ой", "ей", "ая", "яя", "ое", "ее", "ів", "ов", "ев", "ах", "ях", "ам", "ям", "ом",
    "ем", "ію", "ія", "ії", "ию", "ия", "ии", "а", "я", "у", "ю", "е", "є", "о", "и", "і", "ы",
    "ь",
];

/// The stem reading of a lowercase Cyrillic word: its case or number ending dropped, romanised the
/// Russian way (`Британію` → `britan`, `тарифами` → `tarif`), so that an inflected loanword
/// or name meets the other side's spelling (*Britain*, *tariffs*); `None` for other words, and
/// when fewer than four letters would be left.
pub fn stem_reading(surface: &str) -> Option<String> {
    if !surface.chars().next().is_some_and(is_cyrillic) {
        return None;
    }
    let stem = CYRILLIC_ENDINGS
        .iter()
        .find_map(|e| surface.strip_suffix(e))
        .filter(|s| s.chars().count() >= 4)?;
    Some(normalize_word(stem, Translit::Russian))
}

/// Similarity of two normalised words, 0 to 1: the better of normalised Levenshtein similarity
/// and the share of the shorter word that is a common prefix (inflection and derivation change
/// word endings: Himalaya / himalayenne, Expedition / expédition).
pub fn word_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la == 0 || lb == 0 {
        return 0.0;
    }
    normalized_levenshtein(a, b, la, lb).max(share_of_prefix(a, b, la, lb))
}

/// Longest words whose edit distance is computed on the stack (bytes, one row).
const SHORT_WORD: usize = 48;

/// `strsim::normalized_levenshtein` of words of `la` and `lb` characters: ASCII words that fit
/// [`SHORT_WORD`] are compared byte by byte in one row on the stack (the same distance, without
/// the allocation and the character decoding, in the cognate search's inner loop).
fn normalized_levenshtein(a: &str, b: &str, la: usize, lb: usize) -> f64 {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if !(x.len() <= SHORT_WORD && y.len() <= SHORT_WORD && a.is_ascii() && b.is_ascii()) {
        return strsim::normalized_levenshtein(a, b);
    }
    let mut row = [0u8; SHORT_WORD + 1];
    for (k, cell) in row.iter_mut().enumerate().take(y.len() + 1) {
        *cell = k as u8;
    }
    for (i, &cx) in x.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i as u8 + 1;
        for (j, &cy) in y.iter().enumerate() {
            let substitution = diagonal + u8::from(cx != cy);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(diagonal + 1).min(row[j] + 1);
        }
    }
    1.0 - f64::from(row[y.len()]) / la.max(lb) as f64
}

/// The prefix part of [`word_similarity`]: the share of the shorter word that is a common prefix
/// of four letters or more, less when the longer word goes on much further; 0 otherwise.
pub fn prefix_share(a: &str, b: &str) -> f64 {
    share_of_prefix(a, b, a.chars().count(), b.chars().count())
}

/// [`prefix_share`] of words of `la` and `lb` characters.
#[inline]
fn share_of_prefix(a: &str, b: &str, la: usize, lb: usize) -> f64 {
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if prefix < 4 {
        return 0.0;
    }
    let shorter = la.min(lb);
    prefix as f64 / shorter as f64 * (shorter as f64 / la.max(lb) as f64).sqrt()
}

/// Similarity of two names or cognates as written in any script, 0 to 1: both are normalised
/// (romanised, lowercased, no diacritics) and compared with [`word_similarity`].
pub fn name_similarity(a: &str, b: &str) -> f64 {
    let na = normalize_word(a, Translit::guess(a));
    let nb = normalize_word(b, Translit::guess(b));
    word_similarity(&na, &nb)
}

/// The weight of a character in a sentence's length: 0 for spaces, 3 for the ideographic and
/// syllabic scripts (one character holds about a word), 1 otherwise.
pub fn char_weight(c: char) -> f64 {
    if c.is_whitespace() {
        0.0
    } else if matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}')
    {
        3.0
    } else {
        1.0
    }
}

/// The length of a text in characters that count for its script (see [`char_weight`]).
pub fn text_length(text: &str) -> f64 {
    // the weights are whole numbers: counted as integers, the sum is the same and cheaper
    let units: u64 = text
        .chars()
        .map(|c| {
            if c.is_ascii() {
                u64::from(!c.is_whitespace())
            } else {
                char_weight(c) as u64
            }
        })
        .sum();
    units as f64
}

/// True when `next` looks like the continuation of `prev` rather than a new sentence: `prev`
/// ends with `,` `;` `:` `(` or a dash, or leaves a bracket open that `next` closes, or `next`
/// starts with a lowercase letter or a closing bracket. Sentence splitters and OCR leave such
/// fragments, and their translations rarely split at the same place.
pub fn continues(prev: &str, next: &str) -> bool {
    let (p, n) = (prev.trim_end(), next.trim_start());
    let Some(last) = p.chars().next_back() else {
        return false;
    };
    let Some(first) = n.chars().next() else {
        return false;
    };
    if matches!(last, ',' | ';' | ':' | '(' | '-' | '–' | '«' | '„') {
        return true;
    }
    if first.is_lowercase() || matches!(first, ')' | ']') {
        return true;
    }
    let open = p.matches('(').count() > p.matches(')').count();
    let closes_first = match (n.find(')'), n.find('(')) {
        (Some(c), Some(o)) => c < o,
        (Some(_), None) => true,
        _ => false,
    };
    open && closes_first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stack_edit_distance_is_strsims() {
        let words = [
            "",
            "a",
            "ab",
            "expedition",
            "expédition",
            "himalaya",
            "himalayenne",
            "kitten",
            "sitting",
            "flaw",
            "lawn",
            "medvedev",
            "medvedevu",
            "x",
            "abcabcabcabcabcabc",
        ];
        for a in words {
            for b in words {
                let (la, lb) = (a.chars().count(), b.chars().count());
                if la == 0 || lb == 0 {
                    continue;
                }
                assert_eq!(
                    normalized_levenshtein(a, b, la, lb),
                    strsim::normalized_levenshtein(a, b),
                    "{a} / {b}"
                );
            }
        }
    }

    #[test]
    fn news_style_transliteration() {
        assert_eq!(transliterate("Медведев", Translit::Russian), "Medvedev");
        assert_eq!(transliterate("Зеленский", Translit::Russian), "Zelensky");
        assert_eq!(transliterate("Зеленський", Translit::Ukrainian), "Zelensky");
        assert_eq!(transliterate("Київ", Translit::Ukrainian), "Kyiv");
        assert_eq!(transliterate("Харків", Translit::Ukrainian), "Kharkiv");
        let roman = transliterate("стратегічне", Translit::Ukrainian);
        assert_eq!(roman, "stratehichne");
        assert_eq!(
            second_reading("стратегічне", &roman).as_deref(),
            Some("strategichne")
        );
        assert_eq!(second_reading("стратегическое", "strategicheskoe"), None);
        assert_eq!(second_reading("strategic", "strategic"), None);
        assert_eq!(transliterate("Путин", Translit::Russian), "Putin");
        assert_eq!(Translit::guess("Київ і Львів"), Translit::Ukrainian);
        assert_eq!(Translit::guess("Москва"), Translit::Russian);
    }

    #[test]
    fn words_normalise_across_scripts_and_accents() {
        assert_eq!(
            normalize_word("Expédition", Translit::Russian),
            "expedition"
        );
        assert_eq!(normalize_word("Straße", Translit::Russian), "strasse");
        assert_eq!(normalize_word("МЕДВЕДЕВ", Translit::Russian), "medvedev");
    }

    #[test]
    fn stem_readings_drop_cyrillic_case_endings() {
        assert_eq!(stem_reading("британію").as_deref(), Some("britan"));
        assert_eq!(stem_reading("тарифами").as_deref(), Some("tarif"));
        assert_eq!(stem_reading("Britain"), None);
        // Too little left after the ending: no reading.
        assert_eq!(stem_reading("дому"), None);
    }

    #[test]
    fn roman_numerals_have_values() {
        let values: Vec<Option<u32>> = ["IV", "III", "XIV", "XXXIX", "II"]
            .iter()
            .map(|w| roman_numeral(w))
            .collect();
        assert_eq!(values, [Some(4), Some(3), Some(14), Some(39), Some(2)]);
        for word in ["I", "V", "IIII", "VX", "IIX", "Iv", "iv", "XL", "MIX"] {
            assert_eq!(roman_numeral(word), None, "{word}");
        }
    }

    #[test]
    fn numbers_normalise_separators() {
        assert_eq!(
            numbers("1 000 und 1,000 und 1.000"),
            ["1000", "1000", "1000"]
        );
        assert_eq!(numbers("4'478 m"), ["4478"]);
        assert_eq!(numbers("( 19,29 m )"), ["19.29"]);
        assert_eq!(numbers("3.5 km"), ["3.5"]);
        assert_eq!(numbers("am 12 3 Uhr"), ["12", "3"]);
        assert_eq!(numbers("no digits"), Vec::<String>::new());
        assert_eq!(normalize_number("8 848 m"), Some("8848".into()));
        assert_eq!(normalize_number("007"), Some("7".into()));
    }

    #[test]
    fn tokens_keep_words_numbers_and_punctuation_shapes() {
        let t = tokens("«Wer?» fragte Jean-Paul 1956!", Translit::Russian);
        assert_eq!(
            t,
            vec![
                Token::Punct('"'),
                Token::Word("wer".into()),
                Token::Punct('?'),
                Token::Punct('"'),
                Token::Word("fragte".into()),
                Token::Word("jean-paul".into()),
                Token::Number("1956".into()),
                Token::Punct('!'),
            ]
        );
    }

    #[test]
    fn cognates_are_similar_and_strangers_are_not() {
        assert!(word_similarity("himalaya", "himalayenne") > 0.6);
        assert!(word_similarity("expedition", "expedition") > 0.99);
        assert!(word_similarity("gipfel", "sommet") < 0.3);
        assert!(name_similarity("Медведев", "Medvedev") > 0.99);
        assert!(name_similarity("Зеленский", "Zelensky") > 0.99);
        assert!(name_similarity("Київ", "Kyiv") > 0.99);
    }

    #[test]
    fn fragments_continue_and_sentences_do_not() {
        assert!(continues(
            "Le temps finit par s' améliorer ;",
            "toutes les forces"
        ));
        assert!(continues(
            "Das Buch ( « Makalu » , Grenoble-Paris :",
            "B.Arthaud ) , das"
        ));
        assert!(continues(
            "Spuren , die anfänglich ( von",
            "Bären ) herausgestellt"
        ));
        assert!(continues("l' arête", "est atteinte rapidement ."));
        assert!(!continues("Er kam an .", "Dann ging er ."));
        assert!(!continues("", "und"));
    }

    #[test]
    fn lengths_count_script_characters() {
        assert_eq!(text_length("a b"), 2.0);
        assert_eq!(text_length("日本"), 6.0);
        // every character weighs what char_weight says, spaces of any kind nothing
        let mixed = "Ein\u{b}Satz\u{a0}— 日本語 und 한국어.\t";
        let by_char: f64 = mixed.chars().map(char_weight).sum();
        assert_eq!(text_length(mixed), by_char);
    }
}
