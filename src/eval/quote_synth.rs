//! Quote tests built from a line-aligned multilingual corpus (FLORES): English articles that quote
//! English sentences as translated posts, with attributions worded in many ways, and a pool of
//! posts holding their originals (Russian, Spanish, Ukrainian …) among distractors: sentences of
//! the same source pages (same topic, same names) and the translation of an English-original
//! quote of the article, which must not be taken.
//!
//! Seeded and deterministic: the same corpus and seed give the same test.

pub mod news;
pub mod wordings;

use super::synth::SplitMix64;
use crate::doc::{Document, Lang};
use crate::run::quotes::{Post, QuotePair};

/// One foreign side of the corpus: its language, its English name, and its lines.
#[derive(Debug, Clone)]
pub struct ForeignSide<'a> {
    /// The language.
    pub lang: Lang,
    /// Its English name, as written in attributions ("Russian").
    pub name: &'a str,
    /// Its lines, aligned with the English lines.
    pub lines: Vec<&'a str>,
}

/// A built quote test.
#[derive(Debug, Clone, Default)]
pub struct QuoteTest {
    /// The articles.
    pub docs: Vec<Document>,
    /// The pool of posts.
    pub pool: Vec<Post>,
    /// Gold: (document id, English quote text, pool id of its original).
    pub gold: Vec<(String, String, String)>,
}

/// Speakers of the synthetic articles (invented names).
const NAMES: &[&str] = &[
    "Olena Marchuk",
    "Ivan Sorokin",
    "Lucía Herrera",
    "Marta Kovalenko",
    "Pablo Ortega",
    "Nikolai Belov",
    "Carmen Ruiz",
    "Taras Hnatiuk",
];

/// Attributions of translated quotes: `{n}` the speaker, `{l}` the language's English name.
const CUED: &[&str] = &[
    "{n} wrote in {l}.",
    "{n} said in a {l}-language post.",
    "{n} replied in {l}.",
    "{n} wrote, according to a translated version of the post.",
    "{n} tweeted in {l}.",
    "{n} posted, in a translation from {l}.",
    "{n} wrote on Telegram (translated from {l}).",
    "{n} said in {l} on Facebook.",
];

/// Attributions of English-original quotes.
const PLAIN: &[&str] = &[
    "{n} said.",
    "{n} told reporters.",
    "{n} said in an interview.",
    "said {n}.",
];

/// True when a sentence can be quoted (no quote marks of its own, not too short).
fn quotable(s: &str) -> bool {
    s.len() >= 40 && !s.contains(['"', '“', '”', '«', '»', '„'])
}

/// Normalises a quote for comparison: letters and digits only, lowercase.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Builds `n_docs` articles with `per_doc` translated quotes each and one English-original quote,
/// and a pool with the originals, `distractors` foreign sentences per article from the same
/// source pages (`pages[i]` names line i's page), and the translation of the English quote.
pub fn build(
    english: &[&str],
    foreign: &[ForeignSide],
    pages: &[&str],
    n_docs: usize,
    per_doc: usize,
    distractors: usize,
    seed: u64,
) -> QuoteTest {
    let mut rng = SplitMix64::new(seed);
    let n = english.len();
    let mut used = vec![false; n];
    let mut test = QuoteTest::default();
    if foreign.is_empty() || n == 0 {
        return test;
    }
    let pick = |rng: &mut SplitMix64, used: &mut Vec<bool>| -> Option<usize> {
        for _ in 0..200 {
            let i = rng.below(n);
            if !used.get(i).copied().unwrap_or(true) && english.get(i).is_some_and(|s| quotable(s))
            {
                used[i] = true;
                return Some(i);
            }
        }
        None
    };
    for d in 0..n_docs {
        let doc_id = format!("article-{d:03}");
        let mut text = String::new();
        let mut quoted = Vec::new();
        for _ in 0..per_doc {
            let Some(i) = pick(&mut rng, &mut used) else {
                break;
            };
            let side = &foreign[rng.below(foreign.len())];
            let speaker = NAMES[rng.below(NAMES.len())];
            let template = CUED[rng.below(CUED.len())];
            // Narrative between quotes: another English sentence, not quoted.
            if let Some(j) = pick(&mut rng, &mut used) {
                text.push_str(english.get(j).copied().unwrap_or(""));
                text.push_str("\n\n");
            }
            let q = english.get(i).copied().unwrap_or("");
            let attribution = template.replace("{n}", speaker).replace("{l}", side.name);
            text.push_str(&format!("“{q}” {attribution}\n\n"));
            let post_id = format!("{}-{i}", side.lang);
            test.pool.push(Post {
                id: post_id.clone(),
                text: side.lines.get(i).copied().unwrap_or("").to_string(),
                lang: Some(side.lang),
            });
            test.gold.push((doc_id.clone(), q.to_string(), post_id));
            quoted.push(i);
        }
        // One English-original quote whose translation sits in the pool as a trap.
        if let Some(i) = pick(&mut rng, &mut used) {
            let speaker = NAMES[rng.below(NAMES.len())];
            let template = PLAIN[rng.below(PLAIN.len())];
            let q = english.get(i).copied().unwrap_or("");
            text.push_str(&format!("“{q}” {}\n", template.replace("{n}", speaker)));
            let side = &foreign[rng.below(foreign.len())];
            test.pool.push(Post {
                id: format!("{}-{i}-trap", side.lang),
                text: side.lines.get(i).copied().unwrap_or("").to_string(),
                lang: Some(side.lang),
            });
        }
        // Distractors from the same source pages as the quotes (same topic, same names).
        for k in 0..distractors {
            let Some(&base) = quoted.get(k % quoted.len().max(1)) else {
                break;
            };
            let page = pages.get(base).copied().unwrap_or("");
            let same_page: Vec<usize> = (base.saturating_sub(8)..(base + 8).min(n))
                .filter(|&j| !used.get(j).copied().unwrap_or(true) && pages.get(j) == Some(&page))
                .collect();
            let j = match same_page.get(rng.below(same_page.len().max(1))) {
                Some(&j) => j,
                None => match pick(&mut rng, &mut used) {
                    Some(j) => j,
                    None => continue,
                },
            };
            used[j] = true;
            let side = &foreign[rng.below(foreign.len())];
            test.pool.push(Post {
                id: format!("{}-{j}-d", side.lang),
                text: side.lines.get(j).copied().unwrap_or("").to_string(),
                lang: Some(side.lang),
            });
        }
        test.docs.push(Document {
            id: doc_id,
            text,
            lang: Lang::new("en"),
        });
    }
    // Shuffle the pool so positions say nothing.
    for i in (1..test.pool.len()).rev() {
        let j = rng.below(i + 1);
        test.pool.swap(i, j);
    }
    test
}

/// Precision and recall of quote pairs against the gold of a quote test.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct QuoteScores {
    /// Gold pairs.
    pub gold: usize,
    /// Pairs output (rows with an original).
    pub found: usize,
    /// Output pairs that are gold.
    pub correct: usize,
    /// `correct / found` (1 when nothing was found).
    pub precision: f64,
    /// `correct / gold`.
    pub recall: f64,
}

/// Scores quote-pair rows against the gold (quotes compared on letters and digits).
pub fn score(test: &QuoteTest, rows: &[QuotePair]) -> QuoteScores {
    let gold: Vec<(String, String, String)> = test
        .gold
        .iter()
        .map(|(d, q, p)| (d.clone(), key(q), p.clone()))
        .collect();
    let mut s = QuoteScores {
        gold: gold.len(),
        ..QuoteScores::default()
    };
    for r in rows.iter().filter(|r| !r.original_id.is_empty()) {
        s.found += 1;
        let k = key(&r.quote_text);
        if gold
            .iter()
            .any(|(d, q, p)| *d == r.doc_id && *q == k && *p == r.original_id)
        {
            s.correct += 1;
        }
    }
    s.precision = if s.found == 0 {
        1.0
    } else {
        s.correct as f64 / s.found as f64
    };
    s.recall = if s.gold == 0 {
        1.0
    } else {
        s.correct as f64 / s.gold as f64
    };
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_deterministic_tests_with_traps() {
        let en: Vec<String> = (0..60)
            .map(|i| format!("This is English sentence number {i} about the weather today."))
            .collect();
        let ru: Vec<String> = (0..60)
            .map(|i| format!("Это русское предложение {i}."))
            .collect();
        let en_r: Vec<&str> = en.iter().map(String::as_str).collect();
        let side = ForeignSide {
            lang: Lang::new("ru").unwrap_or_default(),
            name: "Russian",
            lines: ru.iter().map(String::as_str).collect(),
        };
        let pages: Vec<&str> = (0..60).map(|i| if i < 30 { "a" } else { "b" }).collect();
        let t = build(&en_r, std::slice::from_ref(&side), &pages, 3, 2, 2, 5);
        let t2 = build(&en_r, &[side], &pages, 3, 2, 2, 5);
        assert_eq!(t.docs, t2.docs);
        assert_eq!(t.docs.len(), 3);
        assert_eq!(t.gold.len(), 6);
        assert_eq!(t.pool.iter().filter(|p| p.id.ends_with("-trap")).count(), 3);
        assert!(t.docs[0].text.contains('“'));
    }
}
