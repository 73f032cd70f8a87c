//! Words for lexical matching, split where a language glues several words into one written
//! token: elisions (`j'aurais` → `je aurais`, `dell'acqua` → `della acqua`), clitic pronouns
//! (`sentarte` → `sentar te`, `dá-me` → `dá me`, `dis-moi` → `dis moi`) and English contractions
//! (`should've` → `should have`). Apostrophe variants (’ ‘ ʼ ´ ` ′ ＇) are one apostrophe first,
//! so a text typed with any of them gives the same words.
//!
//! Elided and contracted pieces come back in their full form (`j'` → `je`, `n't` → `not`), the
//! form a bilingual lexicon lists. Languages where the apostrophe is a letter (Ukrainian `м'ясо`,
//! Belarusian) keep it inside the word.
//!
//! ```
//! use talign::align::tokens::word_tokens;
//! use talign::Lang;
//! let fr = Lang::new("fr").unwrap_or_default();
//! let words: Vec<String> = word_tokens("J’aurais dû me taire.", fr)
//!     .into_iter()
//!     .map(|w| w.text)
//!     .collect();
//! assert_eq!(words, ["je", "aurais", "dû", "me", "taire"]);
//! ```

use crate::align::anchors::words;
use crate::doc::Lang;

/// Characters written for an apostrophe (typographic, modifier letter, accents used as one).
const APOSTROPHES: &[char] = &[
    '\u{2019}', '\u{2018}', '\u{02BC}', '\u{00B4}', '`', '\u{2032}', '\u{FF07}', '\u{02B9}',
];

/// The text with every apostrophe variant written as `'`.
pub fn normalize_apostrophes(text: &str) -> String {
    text.chars()
        .map(|c| if APOSTROPHES.contains(&c) { '\'' } else { c })
        .collect()
}

/// One word of a text as matching sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordToken {
    /// The word, lowercase, in full form (`je` for `j'`).
    pub text: String,
    /// True when the written word it came from starts with a capital letter.
    pub capital: bool,
    /// Index of the written word it came from (0 for the text's first word).
    pub written: usize,
}

/// The words of a text in a language, lowercase, split at elisions, clitics and contractions.
pub fn word_tokens(text: &str, lang: Lang) -> Vec<WordToken> {
    let text = normalize_apostrophes(text);
    let mut out = Vec::new();
    for (written, (word, capital)) in words(&text).into_iter().enumerate() {
        for piece in split_word(&word, lang) {
            if !piece.is_empty() {
                out.push(WordToken {
                    text: piece,
                    capital,
                    written,
                });
            }
        }
    }
    out
}

/// One lowercase written word split into the words it stands for in `lang` (apostrophes
/// already normalised to `'`).
pub fn split_word(word: &str, lang: Lang) -> Vec<String> {
    match lang.as_str() {
        "en" => english_contraction(word),
        "fr" => romance_split(word, FRENCH_ELISIONS, FRENCH_CLITICS, &[]),
        "it" => {
            let mut out = Vec::new();
            for piece in romance_split(word, ITALIAN_ELISIONS, &[], &[]) {
                out.extend(enclitic_split(
                    &piece,
                    ITALIAN_ENCLITICS,
                    ITALIAN_HOSTS,
                    "e",
                ));
            }
            out
        }
        "es" => enclitic_split(word, SPANISH_ENCLITICS, SPANISH_HOSTS, ""),
        "pt" | "gl" => romance_split(word, PORTUGUESE_ELISIONS, PORTUGUESE_CLITICS, &[]),
        "ca" => romance_split(
            word,
            CATALAN_ELISIONS,
            CATALAN_CLITICS,
            CATALAN_APOSTROPHE_CLITICS,
        ),
        "uk" | "be" => vec![word.to_string()],
        // Other languages: apostrophes and hyphens are not split (names such as O'Neill).
        _ => vec![word.to_string()],
    }
}

/// French elided words (`l'` … `jusqu'`) with the full form the lexicon knows.
const FRENCH_ELISIONS: &[(&str, &str)] = &[
    ("l", "le"),
    ("d", "de"),
    ("j", "je"),
    ("m", "me"),
    ("t", "te"),
    ("s", "se"),
    ("c", "ce"),
    ("n", "ne"),
    ("qu", "que"),
    ("jusqu", "jusque"),
    ("lorsqu", "lorsque"),
    ("puisqu", "puisque"),
    ("quoiqu", "quoique"),
];

/// French pronouns joined to a verb by a hyphen (`dis-moi`, `a-t-il`, `allez-vous-en`).
const FRENCH_CLITICS: &[&str] = &[
    "moi", "toi", "lui", "nous", "vous", "leur", "le", "la", "les", "y", "en", "il", "elle", "ils",
    "elles", "on", "je", "tu", "ce", "t",
];

/// Italian elided words (`dell'`, `un'`, `c'`) with their full form.
const ITALIAN_ELISIONS: &[(&str, &str)] = &[
    ("l", "la"),
    ("un", "una"),
    ("dell", "della"),
    ("dall", "dalla"),
    ("nell", "nella"),
    ("sull", "sulla"),
    ("all", "alla"),
    ("coll", "colla"),
    ("quest", "questo"),
    ("quell", "quello"),
    ("c", "ci"),
    ("d", "di"),
    ("m", "mi"),
    ("t", "ti"),
    ("s", "si"),
    ("v", "vi"),
    ("n", "ne"),
    ("anch", "anche"),
    ("com", "come"),
    ("dov", "dove"),
    ("cos", "cosa"),
    ("tutt", "tutto"),
    ("nessun", "nessuna"),
    ("buon", "buona"),
    ("sant", "santo"),
    ("mezz", "mezzo"),
    ("senz", "senza"),
];

/// Italian pronouns glued to an infinitive or a gerund (`aiutarti`, `vedendola`), longest first.
const ITALIAN_ENCLITICS: &[&str] = &[
    "gliela", "glielo", "gliele", "glieli", "gliene", "mela", "melo", "mele", "meli", "mene",
    "tela", "telo", "tele", "teli", "tene", "sela", "selo", "sele", "seli", "sene", "cela", "celo",
    "cene", "vela", "velo", "vene", "gli", "mi", "ti", "si", "ci", "vi", "lo", "la", "li", "le",
    "ne",
];

/// Endings of the Italian verb forms that take enclitics (the infinitive without its final
/// `e`: `aiutar-ti` is `aiutare ti`, and gerunds).
const ITALIAN_HOSTS: &[&str] = &["ar", "er", "ir", "ndo"];

/// Spanish pronouns glued to an infinitive, a gerund or an imperative, longest first.
const SPANISH_ENCLITICS: &[&str] = &[
    "selas", "selos", "sela", "selo", "melas", "melos", "mela", "melo", "telas", "telos", "tela",
    "telo", "noslas", "noslos", "nosla", "noslo", "oslo", "osla", "nos", "las", "los", "les", "me",
    "te", "se", "os", "lo", "la", "le",
];

/// Endings of the Spanish verb forms that take enclitics: infinitives and gerunds (accents
/// removed from the host when the clitic goes: `diciéndome` → `diciendo me`).
const SPANISH_HOSTS: &[&str] = &[
    "ar", "er", "ir", "ár", "ér", "ír", "ando", "iendo", "yendo", "ándo", "iéndo", "yéndo",
];

/// Portuguese elisions (rare: `d'água`).
const PORTUGUESE_ELISIONS: &[(&str, &str)] = &[("d", "de")];

/// Portuguese pronouns joined by a hyphen (`dá-me`, `fazê-lo`, `chamo-me`, `dir-lhe-ei`).
const PORTUGUESE_CLITICS: &[&str] = &[
    "me", "te", "se", "nos", "vos", "lhe", "lhes", "o", "a", "os", "as", "lo", "la", "los", "las",
    "no", "na", "nas", "mo", "ma", "to", "ta", "lho", "lha",
];

/// Catalan elisions.
const CATALAN_ELISIONS: &[(&str, &str)] = &[
    ("l", "el"),
    ("d", "de"),
    ("s", "es"),
    ("n", "en"),
    ("m", "em"),
    ("t", "et"),
];

/// Catalan pronouns joined by a hyphen (`dona-me`, `fer-ho`).
const CATALAN_CLITICS: &[&str] = &[
    "me", "te", "se", "nos", "vos", "lo", "la", "los", "les", "li", "hi", "ne", "ho", "us",
];

/// Catalan pronouns joined by an apostrophe after a vowel (`porta'l`, `fes-m'ho` pieces).
const CATALAN_APOSTROPHE_CLITICS: &[(&str, &str)] = &[
    ("l", "el"),
    ("m", "em"),
    ("t", "et"),
    ("s", "es"),
    ("n", "en"),
    ("ls", "els"),
    ("ns", "ens"),
    ("hi", "hi"),
    ("ho", "ho"),
];

/// Splits a Romance-language word at a leading elision (`qu'il` → `que il`), at hyphens
/// before clitic pronouns (`dis-moi` → `dis moi`) and at apostrophes before clitics
/// (`porta'l` → `porta el`). Words such as `aujourd'hui` or `peut-être` stay whole.
fn romance_split(
    word: &str,
    elisions: &[(&str, &str)],
    hyphen_clitics: &[&str],
    apostrophe_clitics: &[(&str, &str)],
) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = word;
    // Leading elisions, possibly stacked (`qu'l'on` is not French, but `jusqu'à l'` comes as
    // separate words; `s'l` does not occur), so at most two rounds.
    for _ in 0..2 {
        let Some((head, tail)) = rest.split_once('\'') else {
            break;
        };
        match elisions.iter().find(|(e, _)| *e == head) {
            Some((_, full)) if !tail.is_empty() => {
                out.push((*full).to_string());
                rest = tail;
            }
            _ => break,
        }
    }
    // Trailing clitics after an apostrophe (Catalan).
    let mut trailing: Vec<String> = Vec::new();
    if let Some((head, tail)) = rest.rsplit_once('\'') {
        if let Some((_, full)) = apostrophe_clitics.iter().find(|(c, _)| *c == tail) {
            if !head.is_empty() {
                trailing.push((*full).to_string());
                rest = head;
            }
        }
    }
    // Hyphenated clitics: split only when every piece after the first is a clitic.
    let pieces: Vec<&str> = rest.split('-').collect();
    if pieces.len() > 1
        && pieces.first().is_some_and(|p| !p.is_empty())
        && pieces.iter().skip(1).all(|p| hyphen_clitics.contains(p))
    {
        out.extend(pieces.iter().filter(|p| **p != "t").map(|p| p.to_string()));
    } else {
        out.push(rest.to_string());
    }
    out.extend(trailing.into_iter().rev());
    out
}

/// Splits a verb with glued clitic pronouns (`sentarte` → `sentar te`, `aiutarti` →
/// `aiutare ti`): the longest clitic ending whose remainder ends like a verb form that takes
/// clitics (`hosts`) and keeps letters before that ending. `restore` is added
/// back to infinitives that drop a final vowel (Italian `aiutar` → `aiutare`). Nouns and
/// adjectives that only look like such forms are left whole: no infinitive ends in `-ier`,
/// `-uer` (`muerte`, `suerte`), `-per` or `-fer` (`esperti`, `offerti`), and a short list of
/// such words (`parte`, `charla`, `concerti`) is kept as written.
fn enclitic_split(word: &str, clitics: &[&str], hosts: &[&str], restore: &str) -> Vec<String> {
    if NOT_ENCLITIC.contains(&word) {
        return vec![word.to_string()];
    }
    for clitic in clitics {
        let Some(host) = word.strip_suffix(clitic) else {
            continue;
        };
        let Some(ending) = hosts.iter().find(|h| host.ends_with(*h)) else {
            continue;
        };
        // Two letters before an infinitive ending (`parte` is not `par te`), one before a gerund's.
        let before = if ending.chars().count() > 2 { 1 } else { 2 };
        if host.chars().count() < ending.chars().count() + before {
            continue;
        }
        let stem = host.strip_suffix(ending).unwrap_or(host);
        if ending.starts_with('e') && ["i", "u", "p", "f"].iter().any(|s| stem.ends_with(s)) {
            continue;
        }
        let mut host = unaccent_host(host, ending);
        if !restore.is_empty() && ["ar", "er", "ir"].contains(ending) {
            host.push_str(restore);
        }
        return vec![host, (*clitic).to_string()];
    }
    vec![word.to_string()]
}

/// Words that end like an infinitive with a clitic but are nouns, adjectives or other verb forms.
const NOT_ENCLITIC: &[&str] = &[
    "parte",
    "aparte",
    "comparte",
    "reparte",
    "arte",
    "marte",
    "estandarte",
    "baluarte",
    "charla",
    "charlas",
    "carlos",
    "carlo",
    "parla",
    "parlo",
    "parli",
    "carne",
    "scarsi",
    "allarmi",
    "concerti",
    "inserti",
    "deserti",
    "inerti",
    "inerte",
    "esterne",
    "interne",
];

/// A host verb with the written accent its clitic required removed (`diciéndo` → `diciendo`,
/// `oír` keeps its accent: it is part of the infinitive).
fn unaccent_host(host: &str, ending: &str) -> String {
    if ending == "ír" {
        return host.to_string();
    }
    host.chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            other => other,
        })
        .collect()
}

/// English contractions written out (`didn't` → `did not`, `should've` → `should have`,
/// `I'd` → `I would`); `'s` is dropped (possessive or "is"); other words come back unchanged.
pub fn english_contraction(word: &str) -> Vec<String> {
    let whole: Option<&[&str]> = match word {
        "can't" | "cannot" => Some(&["can", "not"]),
        "won't" => Some(&["will", "not"]),
        "shan't" => Some(&["shall", "not"]),
        "ain't" => Some(&["is", "not"]),
        "y'all" => Some(&["you", "all"]),
        "'em" => Some(&["them"]),
        "gonna" => Some(&["going", "to"]),
        "wanna" => Some(&["want", "to"]),
        "gotta" => Some(&["got", "to"]),
        _ => None,
    };
    if let Some(parts) = whole {
        return parts.iter().map(|p| p.to_string()).collect();
    }
    let mut rest = word;
    let mut tail: Vec<&str> = Vec::new();
    // Stacked contractions (`shouldn't've`, `I'd've`): strip from the end, twice at most.
    for _ in 0..2 {
        let found = [
            ("n't", "not"),
            ("'ll", "will"),
            ("'re", "are"),
            ("'ve", "have"),
            ("'m", "am"),
            ("'d", "would"),
            ("'s", ""),
        ]
        .iter()
        .find_map(|(suffix, full)| {
            let stem = rest.strip_suffix(suffix)?;
            (!stem.is_empty()).then_some((stem, *full))
        });
        let Some((stem, full)) = found else {
            break;
        };
        if !full.is_empty() {
            tail.push(full);
        }
        rest = stem;
    }
    let mut out = vec![rest.to_string()];
    out.extend(tail.into_iter().rev().map(str::to_string));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(c: &str) -> Lang {
        Lang::new(c).unwrap_or(Lang::UND)
    }

    fn toks(text: &str, lang: &str) -> Vec<String> {
        word_tokens(text, l(lang))
            .into_iter()
            .map(|w| w.text)
            .collect()
    }

    #[test]
    fn french_elisions_give_the_full_words() {
        assert_eq!(
            toks("J'aurais dû me taire.", "fr"),
            ["je", "aurais", "dû", "me", "taire"]
        );
        assert_eq!(toks("qu'il", "fr"), ["que", "il"]);
        assert_eq!(toks("C'est l'homme.", "fr"), ["ce", "est", "le", "homme"]);
        assert_eq!(
            toks("Je peux t'aider.", "fr"),
            ["je", "peux", "te", "aider"]
        );
        assert_eq!(toks("jusqu'ici", "fr"), ["jusque", "ici"]);
    }

    #[test]
    fn french_words_with_an_inner_apostrophe_or_hyphen_stay_whole() {
        assert_eq!(toks("aujourd'hui", "fr"), ["aujourd'hui"]);
        assert_eq!(toks("peut-être", "fr"), ["peut-être"]);
    }

    #[test]
    fn french_hyphenated_pronouns_are_words() {
        assert_eq!(toks("Dis-moi", "fr"), ["dis", "moi"]);
        assert_eq!(toks("a-t-il", "fr"), ["a", "il"]);
    }

    #[test]
    fn italian_elided_articles_and_prepositions_are_words() {
        assert_eq!(toks("dell'acqua", "it"), ["della", "acqua"]);
        assert_eq!(toks("L'uomo c'è", "it"), ["la", "uomo", "ci", "è"]);
        assert_eq!(toks("un'amica", "it"), ["una", "amica"]);
    }

    #[test]
    fn italian_pronouns_glued_to_infinitives_are_words() {
        assert_eq!(toks("Posso aiutarti", "it"), ["posso", "aiutare", "ti"]);
        assert_eq!(toks("vedendola", "it"), ["vedendo", "la"]);
        // Not a verb form with a clitic: left alone.
        assert_eq!(toks("molti esperti", "it"), ["molti", "esperti"]);
    }

    #[test]
    fn spanish_pronouns_glued_to_verbs_are_words() {
        assert_eq!(
            toks("¿Quieres sentarte?", "es"),
            ["quieres", "sentar", "te"]
        );
        assert_eq!(toks("diciéndome", "es"), ["diciendo", "me"]);
        assert_eq!(toks("dándoselo", "es"), ["dando", "selo"]);
        // Nouns and verb forms that only end like a pronoun stay whole.
        assert_eq!(toks("parte", "es"), ["parte"]);
        assert_eq!(toks("muerte suerte", "es"), ["muerte", "suerte"]);
        assert_eq!(toks("hablamos", "es"), ["hablamos"]);
    }

    #[test]
    fn portuguese_hyphenated_pronouns_are_words() {
        assert_eq!(toks("Dá-me isso", "pt"), ["dá", "me", "isso"]);
        assert_eq!(toks("fazê-lo", "pt"), ["fazê", "lo"]);
        assert_eq!(toks("guarda-chuva", "pt"), ["guarda-chuva"]);
    }

    #[test]
    fn catalan_elisions_and_pronouns_are_words() {
        assert_eq!(toks("l'home", "ca"), ["el", "home"]);
        assert_eq!(toks("fer-ho", "ca"), ["fer", "ho"]);
    }

    #[test]
    fn an_english_contraction_is_its_written_out_words() {
        assert_eq!(english_contraction("didn't"), vec!["did", "not"]);
        assert_eq!(english_contraction("can't"), vec!["can", "not"]);
        assert_eq!(english_contraction("he'd"), vec!["he", "would"]);
        assert_eq!(english_contraction("Tom's"), vec!["Tom"]);
        assert_eq!(english_contraction("house"), vec!["house"]);
    }

    #[test]
    fn english_contractions_are_written_out() {
        assert_eq!(
            toks("I should've known.", "en"),
            ["i", "should", "have", "known"]
        );
        assert_eq!(toks("didn't", "en"), ["did", "not"]);
        assert_eq!(toks("won't", "en"), ["will", "not"]);
        assert_eq!(toks("I'd've", "en"), ["i", "would", "have"]);
        assert_eq!(toks("shouldn't've", "en"), ["should", "not", "have"]);
        assert_eq!(toks("Tom's car", "en"), ["tom", "car"]);
        assert_eq!(toks("Let's go", "en"), ["let", "go"]);
        assert_eq!(toks("O'Neill", "en"), ["o'neill"]);
    }

    #[test]
    fn apostrophe_variants_are_one_apostrophe() {
        for text in ["didn't", "didn’t", "didnʼt", "didn‘t", "didn´t"] {
            assert_eq!(toks(text, "en"), ["did", "not"], "{text}");
        }
        assert_eq!(toks("j’aurais", "fr"), ["je", "aurais"]);
    }

    #[test]
    fn ukrainian_apostrophe_is_a_letter() {
        assert_eq!(toks("м’ясо п'ять", "uk"), ["м'ясо", "п'ять"]);
    }

    #[test]
    fn capital_flags_follow_the_written_word() {
        let w = word_tokens("L'Europe est là", l("fr"));
        let flags: Vec<(bool, usize)> = w.iter().map(|t| (t.capital, t.written)).collect();
        assert_eq!(flags, [(true, 0), (true, 0), (false, 1), (false, 2)]);
    }
}
