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

/// The language-name table `data/languages.tsv`: (lowercase name, code).
fn languages() -> &'static [(String, Lang)] {
    static TABLE: OnceLock<Vec<(String, Lang)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../data/languages.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (name, code) = l.split_once('\t')?;
                Some((name.trim().to_lowercase(), Lang::new(code)?))
            })
            .collect()
    })
}

/// The language a name (or adjective) designates: `Russian` → `ru`, `ruso` → `ru`.
pub fn language_by_name(name: &str) -> Option<Lang> {
    let n = name.trim().to_lowercase();
    languages().iter().find(|(k, _)| *k == n).map(|(_, l)| *l)
}

fn cue_patterns() -> &'static [Regex] {
    static RES: OnceLock<Vec<Regex>> = OnceLock::new();
    RES.get_or_init(|| {
        [
            // "in a Russian-language post", "in a Ukrainian language video"
            r"(?i)\bin an? (\p{L}+)[- ]language\b",
            // "translated from Ukrainian", "translation from the Russian"
            r"(?i)\btranslat(?:ed|ion) from (?:the )?(\p{L}+)",
            // "replied in Russian", "wrote in Spanish", "— in Russian —"
            r"(?i)\b(?:in|into) (\p{L}+)\b",
            // "according to a translated version", "(translated)", "a translation of the tweet"
            r"(?i)\btranslat(?:ed|ion|ions)\b",
            // "via Google Translate", "machine-translated"
            r"(?i)\b(?:google translate|machine[- ]translated)\b",
        ]
        .iter()
        .filter_map(|p| Regex::new(p).ok())
        .collect()
    })
}

/// Words before "in <Language>" that make it about a skill, not the quote ("fluent in Russian").
const NOT_CUE_BEFORE: &[&str] = &[
    "fluent",
    "proficient",
    "degree",
    "courses",
    "classes",
    "lessons",
];

/// Finds a translation cue in attribution text; the first naming a language wins, else the first
/// without one.
pub fn translation_cue(text: &str) -> Option<TranslationCue> {
    let mut unnamed: Option<TranslationCue> = None;
    for re in cue_patterns() {
        for caps in re.captures_iter(text) {
            let Some(whole) = caps.get(0) else {
                continue;
            };
            match caps.get(1) {
                Some(name) => {
                    let Some(lang) = language_by_name(name.as_str()) else {
                        continue;
                    };
                    let before = text.get(..whole.start()).unwrap_or("").to_lowercase();
                    let last = before.split_whitespace().last().unwrap_or("");
                    let last = last.trim_matches(|c: char| !c.is_alphabetic());
                    if NOT_CUE_BEFORE.contains(&last) {
                        continue;
                    }
                    return Some(TranslationCue {
                        lang: Some(lang),
                        phrase: whole.as_str().to_string(),
                    });
                }
                None => {
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
        assert_eq!(cue("escribió en inglés in ruso"), lang("ru"));
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
