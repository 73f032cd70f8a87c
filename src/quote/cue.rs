//! Translation cues ("replied in Russian", "according to a translated version", "translated from
//! Ukrainian", "(translated)") and platforms (tweet, post, statement, interview) in attributions.

use std::sync::OnceLock;

use regex::Regex;

use crate::doc::Lang;

/// Where a quote was said or written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Platform {
    /// A tweet (Twitter, X).
    Tweet,
    /// A social-media or blog post (Facebook, Telegram, Instagram, …).
    Post,
    /// A written statement or press release.
    Statement,
    /// An interview.
    Interview,
}

impl Platform {
    /// The lowercase name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            Platform::Tweet => "tweet",
            Platform::Post => "post",
            Platform::Statement => "statement",
            Platform::Interview => "interview",
        }
    }

    /// True for written social-media platforms, whose quotes are often translated silently.
    pub fn is_social(&self) -> bool {
        matches!(self, Platform::Tweet | Platform::Post)
    }
}

/// A phrase saying a quote is a translation, with the source language when it names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationCue {
    /// The language the quote was translated from, if the text says.
    pub lang: Option<Lang>,
    /// The cue as written.
    pub phrase: String,
}

/// One language name of `data/languages.tsv`: lowercase name, code, form (empty when none).
struct LangName {
    name: String,
    lang: Lang,
    form: String,
}

/// The language-name table `data/languages.tsv`.
fn languages() -> &'static [LangName] {
    static TABLE: OnceLock<Vec<LangName>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../data/languages.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let name = cols.next()?.trim().to_lowercase();
                let lang = Lang::new(cols.next()?)?;
                let form = cols.next().unwrap_or("").trim().to_string();
                Some(LangName { name, lang, form })
            })
            .collect()
    })
}

/// True for the forms of `data/languages.tsv` matched as a word prefix: the first part of a
/// compound adjective (`англоязычн`) and the stem of an adjective (`английск`).
fn is_prefix_form(form: &str) -> bool {
    form == "comp" || form == "adj"
}

/// The language a name (or adjective) designates: `Russian` → `ru`, `ruso` → `ru`,
/// `англоязычном` → `en` (the first part of a compound adjective), `английском` → `en`.
pub fn language_by_name(name: &str) -> Option<Lang> {
    let n = name.trim().to_lowercase();
    let table = languages();
    table
        .iter()
        .find(|e| e.name == n && !is_prefix_form(&e.form))
        .or_else(|| {
            table
                .iter()
                .filter(|e| is_prefix_form(&e.form) && n.starts_with(e.name.as_str()))
                .max_by_key(|e| e.name.chars().count())
        })
        .map(|e| e.lang)
}

/// What a pattern of `data/attribution.tsv` finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// Names the source language.
    Named,
    /// Names it when the name is used as a noun.
    Noun,
    /// Says the quote is translated, without a language.
    Unnamed,
}

/// The attribution table `data/attribution.tsv`: cue patterns in file order, verb endings.
struct AttributionTable {
    cues: Vec<(CueKind, Regex)>,
    verb_suffixes: Vec<String>,
}

/// The regex alternation of the language names of one form (`None`: every form but the prefix
/// forms).
fn name_alternation(form: Option<&str>) -> String {
    let mut names: Vec<&LangName> = languages()
        .iter()
        .filter(|e| match form {
            Some(f) => e.form == f,
            None => !is_prefix_form(&e.form),
        })
        .collect();
    // Longest first, so "englischen" is tried before "englisch".
    names.sort_by_key(|e| std::cmp::Reverse(e.name.chars().count()));
    let alts: Vec<String> = names.iter().map(|e| regex::escape(&e.name)).collect();
    format!("(?P<l>{})", alts.join("|"))
}

/// The regex of any message noun of the table (`noun` lines), as a whole word.
fn noun_alternation(nouns: &[String]) -> String {
    format!("(?:{})\\b", nouns.join("|"))
}

/// A pattern of the table with its `{L}` / `{L:form}` slots (language names) and `{N}` slot
/// (message nouns) filled.
fn expand(pattern: &str, nouns: &[String]) -> String {
    let pattern = pattern.replace("{N}", &noun_alternation(nouns));
    let mut out = String::new();
    let mut rest = pattern.as_str();
    while let Some(at) = rest.find("{L") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[at..]);
            return out;
        };
        let form = after[..close].strip_prefix(':');
        out.push_str(&name_alternation(form));
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The rows of `data/attribution.tsv`: (kind, pattern).
fn attribution_rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    include_str!("../../data/attribution.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut cols = line.splitn(3, '\t');
            let (Some(kind), Some(_lang), Some(pattern)) = (cols.next(), cols.next(), cols.next())
            else {
                return None;
            };
            Some((kind, pattern.trim()))
        })
}

/// The message nouns of the table (`noun` rows).
fn message_nouns() -> Vec<String> {
    attribution_rows()
        .filter(|(kind, _)| *kind == "noun")
        .map(|(_, p)| p.to_string())
        .collect()
}

/// A cue pattern of the table as a case-insensitive regex.
fn compile(pattern: &str, nouns: &[String]) -> Result<Regex, regex::Error> {
    Regex::new(&format!("(?i){}", expand(pattern, nouns)))
}

fn table() -> &'static AttributionTable {
    static TABLE: OnceLock<AttributionTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = AttributionTable {
            cues: Vec::new(),
            verb_suffixes: Vec::new(),
        };
        let nouns = message_nouns();
        for (kind, pattern) in attribution_rows() {
            let kind = match kind {
                "cue" => CueKind::Named,
                "cue-noun" => CueKind::Noun,
                "unnamed" => CueKind::Unnamed,
                "verb-suffix" => {
                    t.verb_suffixes.push(pattern.to_lowercase());
                    continue;
                }
                _ => continue,
            };
            // The table ships with the crate and is checked by a unit test: a bad line is skipped.
            if let Ok(re) = compile(pattern, &nouns) {
                t.cues.push((kind, re));
            }
        }
        t
    })
}

/// True for a lowercase word with the ending of a past-tense verb (`data/attribution.tsv`,
/// `verb-suffix`): next to a quote, such a word most likely says who spoke ("fumed", "съязвил").
pub fn looks_like_verb(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    if !w.chars().next().is_some_and(char::is_lowercase) || w.chars().count() < 4 {
        return false;
    }
    table()
        .verb_suffixes
        .iter()
        .any(|s| w.ends_with(s.as_str()) && w.chars().count() >= s.chars().count() + 3)
}

/// Words before a language name that make it about a skill, not the quote ("fluent in Russian").
const NOT_CUE_BEFORE: &[&str] = &[
    "fluent",
    "proficient",
    "degree",
    "courses",
    "classes",
    "lessons",
];

/// Words that may follow a language name used as a noun ("in Russian on Telegram", "in
/// Ukrainian, adding"); any other lowercase word makes it an adjective ("Russian state media").
const AFTER_NOUN: &[&str] = &[
    "on",
    "in",
    "to",
    "at",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "as",
    "for",
    "from",
    "with",
    "by",
    "via",
    "after",
    "before",
    "while",
    "when",
    "the",
    "a",
    "an",
    "this",
    "then",
    "so",
    "during",
    "about",
    "language",
    "was",
    "is",
    "were",
    "his",
    "her",
    "their",
    "its",
    "only",
    "too",
    "also",
    "again",
    "saying",
    "adding",
    "writing",
    "according",
];

/// Articles before a name that make it a person ("the Ukrainian said").
const PERSON_BEFORE: &[&str] = &["a", "an", "the"];

/// True when the language name `name` inside the cue `whole` is used as a noun (see
/// [`AFTER_NOUN`], [`NOT_CUE_BEFORE`], [`PERSON_BEFORE`]).
fn noun_usage(text: &str, whole: regex::Match, name: regex::Match) -> bool {
    let before = text.get(..whole.start()).unwrap_or("").to_lowercase();
    let prev: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .collect();
    if prev.iter().any(|w| NOT_CUE_BEFORE.contains(w)) {
        return false;
    }
    let bare_name = whole.start() == name.start();
    if bare_name && prev.first().is_some_and(|w| PERSON_BEFORE.contains(w)) {
        return false;
    }
    let after = text.get(name.end()..).unwrap_or("");
    if after.starts_with(['-', '‐']) {
        return false; // "Russian-held", "Russian-made"
    }
    let next = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let adjacent = after.len() - after.trim_start().len() > 0
        && after.trim_start().starts_with(char::is_alphabetic);
    if !adjacent || next.is_empty() {
        return true;
    }
    match next.chars().next() {
        Some(c) if c.is_lowercase() => AFTER_NOUN.contains(&next),
        // A capitalised word right after a bare name is a title or a name ("Russian President").
        _ => !bare_name,
    }
}

/// Finds a translation cue in attribution text (patterns of `data/attribution.tsv` in file
/// order): the first naming a language wins, else the first without one.
pub fn translation_cue(text: &str) -> Option<TranslationCue> {
    let mut unnamed: Option<TranslationCue> = None;
    for (kind, re) in &table().cues {
        for caps in re.captures_iter(text) {
            let Some(whole) = caps.get(0) else {
                continue;
            };
            match (kind, caps.name("l")) {
                (CueKind::Named | CueKind::Noun, Some(name)) => {
                    let Some(lang) = language_by_name(name.as_str()) else {
                        continue;
                    };
                    if *kind == CueKind::Noun && !noun_usage(text, whole, name) {
                        continue;
                    }
                    return Some(TranslationCue {
                        lang: Some(lang),
                        phrase: whole.as_str().to_string(),
                    });
                }
                _ => {
                    if unnamed.is_none() {
                        unnamed = Some(TranslationCue {
                            lang: None,
                            phrase: whole.as_str().to_string(),
                        });
                    }
                }
            }
        }
    }
    unnamed
}

/// The platform named in attribution text, if any (the first kind found in this order: tweet,
/// post, statement, interview).
pub fn platform(text: &str) -> Option<Platform> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if has(&["tweet", "tweets", "tweeted", "twitter", "retweeted"]) {
        Some(Platform::Tweet)
    } else if has(&[
        "post",
        "posted",
        "posts",
        "facebook",
        "telegram",
        "instagram",
        "vk",
        "vkontakte",
        "blog",
        "threads",
        "mastodon",
        "bluesky",
    ]) {
        Some(Platform::Post)
    } else if has(&["statement", "release", "communique", "communiqué"]) {
        Some(Platform::Statement)
    } else if has(&["interview", "podcast"]) {
        Some(Platform::Interview)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(c: &str) -> Option<Lang> {
        Lang::new(c)
    }

    #[test]
    fn cues_name_their_language() {
        let cue = |t: &str| translation_cue(t).and_then(|c| c.lang);
        assert_eq!(cue("Kelly replied in Russian."), lang("ru"));
        assert_eq!(cue("she wrote in Spanish"), lang("es"));
        assert_eq!(cue("he said in a Russian-language post"), lang("ru"));
        assert_eq!(cue("translated from Ukrainian by CNN"), lang("uk"));
        assert_eq!(cue("announced on Twitter — in Russian — that"), lang("ru"));
    }

    #[test]
    fn cues_in_the_article_languages() {
        let cue = |t: &str| translation_cue(t).and_then(|c| c.lang);
        assert_eq!(cue("escribió Pablo Ortega en inglés en X."), lang("en"));
        assert_eq!(
            cue("publicó en Facebook (traducido del inglés)."),
            lang("en")
        );
        assert_eq!(cue("написал Песков в Telegram на английском."), lang("en"));
        assert_eq!(cue("заявил он в англоязычном посте."), lang("en"));
        assert_eq!(cue("сообщил он (в переводе с английского)."), lang("en"));
        assert_eq!(cue("ответил он по-английски."), lang("en"));
        assert_eq!(cue("написав Кулеба англійською."), lang("en"));
        assert_eq!(
            cue("написав він у Facebook (переклад з англійської)."),
            lang("en")
        );
        assert_eq!(cue("повідомив він в англомовному дописі."), lang("en"));
        assert_eq!(cue("schrieb Kallas auf Englisch."), lang("en"));
        assert_eq!(cue("aus dem Russischen übersetzt"), lang("ru"));
        assert_eq!(cue("a écrit Kallas en anglais."), lang("en"));
        assert_eq!(cue("traduit du russe par l'AFP"), lang("ru"));
    }

    #[test]
    fn a_language_name_used_as_a_noun_is_a_cue_and_an_adjective_is_not() {
        let cue = |t: &str| translation_cue(t).and_then(|c| c.lang);
        assert_eq!(cue("Kallas wrote in her native Estonian on X."), lang("et"));
        assert_eq!(cue("Kelly replied in Russian."), lang("ru"));
        assert_eq!(cue("he told Russian state media."), None);
        assert_eq!(cue("said in Russian state media"), None);
        assert_eq!(cue("said Russian President Vladimir Putin."), None);
        assert_eq!(cue("said the Ukrainian, a veteran of the war."), None);
        assert_eq!(cue("said a spokesman in Russian-held Kherson."), None);
    }

    #[test]
    fn a_language_next_to_a_message_noun_names_the_message_language() {
        let cue = |t: &str| translation_cue(t).and_then(|c| c.lang);
        assert_eq!(cue("Kallas fumed in a Ukrainian post on X."), lang("uk"));
        assert_eq!(cue("she wrote in a Russian Telegram post:"), lang("ru"));
        assert_eq!(cue("The original Russian text was deleted."), lang("ru"));
        assert_eq!(cue("in two Spanish tweets on Sunday"), lang("es"));
        assert_eq!(cue("съязвил он в своём английском посте."), lang("en"));
        assert_eq!(cue("написав він в англійському дописі."), lang("en"));
        assert_eq!(cue("schrieb sie in einem englischen Beitrag."), lang("en"));
        assert_eq!(cue("a-t-il écrit dans un message anglais."), lang("en"));
    }

    #[test]
    fn a_nationality_next_to_another_noun_names_no_language() {
        let cue = |t: &str| translation_cue(t).and_then(|c| c.lang);
        assert_eq!(cue("said the Russian embassy's post on X."), None);
        assert_eq!(cue("he said of the Russian post-war order."), None);
        assert_eq!(cue("said Russian President Vladimir Putin."), None);
        assert_eq!(cue("заявил он российским журналистам."), None);
        assert_eq!(cue("сказав він українським журналістам."), None);
    }

    #[test]
    fn every_pattern_of_the_table_compiles() {
        let nouns = message_nouns();
        let bad: Vec<String> = attribution_rows()
            .filter(|(k, _)| matches!(*k, "cue" | "cue-noun" | "unnamed"))
            .filter_map(|(_, p)| compile(p, &nouns).err().map(|e| format!("{p}: {e}")))
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn cues_without_language() {
        let c = translation_cue("Kelly wrote, according to a translated version of the tweet.");
        assert_eq!(
            c.map(|c| (c.lang, c.phrase)),
            Some((None, "translated".into()))
        );
        assert!(translation_cue("\"Go home\" (translated), he wrote").is_some());
    }

    #[test]
    fn no_cue_in_plain_attributions() {
        assert_eq!(translation_cue("Kelly said."), None);
        assert_eq!(
            translation_cue("said Kathy Lueders, NASA's associate administrator"),
            None
        );
        assert_eq!(
            translation_cue("Kelly, who is fluent in Russian, said"),
            None
        );
        assert_eq!(translation_cue("he said in an interview in March"), None);
        assert_eq!(translation_cue("dijo Pablo Ortega a la prensa."), None);
        assert_eq!(translation_cue("заявил Песков журналистам."), None);
        assert_eq!(translation_cue("сказав Кулеба українській пресі."), None);
    }

    #[test]
    fn platforms() {
        assert_eq!(
            platform("Rogozin said in a quickly deleted Tweet."),
            Some(Platform::Tweet)
        );
        assert_eq!(
            platform("NASA said in a statement Tuesday"),
            Some(Platform::Statement)
        );
        assert_eq!(platform("she posted on Telegram"), Some(Platform::Post));
        assert_eq!(
            platform("In an interview with CNN"),
            Some(Platform::Interview)
        );
        assert_eq!(platform("Kelly said."), None);
    }
}
