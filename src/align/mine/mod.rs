//! Translation-pair search between two sets of texts in different languages, with no bilingual
//! model: each query finds at most one original in the pool and each pool entry serves at most
//! one query.
//!
//! Evidence is lexical and survives translation: lexicon translations matched stem to stem
//! (Snowball stemmers on both sides), cognates and names across scripts (news-style
//! romanisation, fuzzy for names), numbers, URLs, @mentions and #hashtags, `?`/`!` and the
//! length ratio. Words weigh by inverse document frequency on their side and count once.
//! Candidates come from an inverted index over the rarer keys (no n·m comparisons), scores become
//! margins against both sides' k nearest neighbours (CSLS), and a greedy one-to-one assignment by
//! margin decides. Positions in the inputs are never evidence.
//!
//! ```
//! use talign::align::mine::{mine, MineOptions};
//! use talign::align::Lexicon;
//! let queries = ["The war began in 2014.", "Kelly returned the medal to Medvedev."];
//! let pool = ["Келли вернул медаль Медведеву.", "Война началась в 2014 году.", "Сегодня идёт дождь."];
//! let opts = MineOptions {
//!     lexicons: vec![Lexicon::from_pairs([("war", "война"), ("medal", "медаль")])],
//!     ..MineOptions::default()
//! };
//! let hits = mine(&queries, &pool, &opts);
//! assert_eq!(hits[0].pool, Some(1));
//! assert_eq!(hits[1].pool, Some(0));
//! ```

pub mod search;
pub mod side;

use crate::align::anchors::{guess_langs, Stemmers};
use crate::align::lexicon::Lexicon;
use crate::doc::Lang;

pub use search::ScoreParams;

use side::{Interner, Role, Side, Translations};

/// The default acceptance threshold on the margin (chosen for precision).
pub const DEFAULT_THRESHOLD: f64 = 0.06;

/// How to mine.
#[derive(Debug, Clone)]
pub struct MineOptions {
    /// Bilingual word lists (either direction).
    pub lexicons: Vec<Lexicon>,
    /// Language of all queries; guessed per text when `None`.
    pub query_lang: Option<Lang>,
    /// Language of all pool entries; guessed per text when `None`.
    pub pool_lang: Option<Lang>,
    /// Also use the small core lexicons shipped with the crate (closed-class and very common
    /// words, English with Russian, Spanish and Ukrainian; see `data/lexicon/`).
    pub core_lexicon: bool,
    /// Least margin for a pair to be accepted.
    pub threshold: f64,
    /// Least score for a pair to be accepted.
    pub min_score: f64,
    /// Least lead of the pair's score over the best other score of its query and of its pool
    /// entry (0 means: both must be each other's best; near-duplicates are refused above 0).
    pub min_gap: f64,
    /// Least number of matched content words (anchors, words of four letters or more): pairs
    /// that meet only through pronouns and particles are refused.
    pub min_content: u32,
    /// Score constants.
    pub params: ScoreParams,
}

impl Default for MineOptions {
    fn default() -> Self {
        MineOptions {
            lexicons: Vec::new(),
            core_lexicon: true,
            query_lang: None,
            pool_lang: None,
            threshold: DEFAULT_THRESHOLD,
            min_score: 0.3,
            min_gap: 0.01,
            min_content: 1,
            params: ScoreParams::default(),
        }
    }
}

/// The core lexicons shipped with the crate, written for it (English–Russian, English–Spanish,
/// English–Ukrainian function words and common words).
pub fn core_lexicons() -> Vec<Lexicon> {
    [
        (
            include_str!("../../../data/lexicon/core.en-ru.tsv"),
            "core.en-ru",
        ),
        (
            include_str!("../../../data/lexicon/core.en-es.tsv"),
            "core.en-es",
        ),
        (
            include_str!("../../../data/lexicon/core.en-uk.tsv"),
            "core.en-uk",
        ),
    ]
    .into_iter()
    .filter_map(|(text, name)| Lexicon::from_reader(text.as_bytes(), name).ok())
    .collect()
}

/// The outcome for one query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MineHit {
    /// Query index (0-based, input order).
    pub query: usize,
    /// The pool entry assigned to the query, if any candidate was left.
    pub pool: Option<usize>,
    /// The pair's score (0 when nothing was found).
    pub score: f64,
    /// The pair's margin over the neighbours (0 when nothing was found).
    pub margin: f64,
    /// Score minus the best other score of the query or the pool entry.
    pub gap: f64,
    /// True when the pair passes the threshold.
    pub accepted: bool,
}

/// Mines pairs between queries and pool; languages from the options or guessed per text.
pub fn mine(queries: &[&str], pool: &[&str], opts: &MineOptions) -> Vec<MineHit> {
    let langs = |fixed: Option<Lang>, texts: &[&str]| -> Vec<Lang> {
        match fixed {
            Some(l) => vec![l; texts.len()],
            None => guess_langs(texts),
        }
    };
    let q: Vec<(&str, Lang)> = queries
        .iter()
        .copied()
        .zip(langs(opts.query_lang, queries))
        .collect();
    let p: Vec<(&str, Lang)> = pool
        .iter()
        .copied()
        .zip(langs(opts.pool_lang, pool))
        .collect();
    mine_with_langs(&q, &p, opts)
}

/// Mines pairs between queries and pool entries given with their languages (pools may mix
/// languages; a query never pairs through words of its own language's stems).
pub fn mine_with_langs(
    queries: &[(&str, Lang)],
    pool: &[(&str, Lang)],
    opts: &MineOptions,
) -> Vec<MineHit> {
    let stemmers = Stemmers::new();
    let mut keys = Interner::default();
    let mut q_langs: Vec<Lang> = queries.iter().map(|(_, l)| *l).collect();
    q_langs.sort_unstable();
    q_langs.dedup();
    let mut p_langs: Vec<Lang> = pool.iter().map(|(_, l)| *l).collect();
    p_langs.sort_unstable();
    p_langs.dedup();
    let mut lexicons = opts.lexicons.clone();
    if opts.core_lexicon {
        lexicons.extend(core_lexicons());
    }
    let translations = Translations::build(&lexicons, &q_langs, &p_langs, &stemmers, &mut keys);
    let mut q_side = Side::build(queries, Role::Query, &stemmers, &translations, &mut keys);
    let mut p_side = Side::build(pool, Role::Pool, &stemmers, &translations, &mut keys);
    side::discount_unmatchable(&mut q_side, &mut p_side, keys.len());
    let cands = search::scored_candidates(&q_side, &p_side, keys.len(), &opts.params);
    let mut assigned = search::assign(&cands, queries.len(), pool.len());
    search::second_round(&q_side, &p_side, &mut assigned, &opts.params);
    assigned
        .into_iter()
        .enumerate()
        .map(|(query, c)| match c {
            Some(c) => MineHit {
                query,
                pool: Some(c.pool),
                score: c.score,
                margin: c.margin,
                gap: c.gap,
                accepted: c.margin >= opts.threshold
                    && c.score >= opts.min_score
                    && c.gap >= opts.min_gap
                    && c.content >= opts.min_content,
            },
            None => MineHit {
                query,
                pool: None,
                score: 0.0,
                margin: 0.0,
                gap: 0.0,
                accepted: false,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_lexicons_load() {
        let lex = core_lexicons();
        assert_eq!(lex.len(), 3);
        assert!(lex.iter().all(|l| l.len() > 50));
    }
}
