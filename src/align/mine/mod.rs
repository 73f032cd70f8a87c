//! Translation-pair search between two sets of texts in different languages, with no bilingual
//! model: each query finds at most one original in the pool and each pool entry serves at most
//! one query.
//!
//! Evidence is lexical and survives translation: lexicon translations matched stem to stem
//! (Snowball stemmers on both sides; long stems also reach the derivations of their root that
//! no lexicon lists, at half weight, see [`roots`]), cognates and names across scripts
//! (news-style romanisation, fuzzy for names), numbers, URLs, @mentions and #hashtags, `?`/`!`,
//! whether both texts speak of the past ([`tense`]) and the length ratio. Words weigh by inverse document frequency on their side and count once.
//! Candidates come from an inverted index over the rarer keys (no n·m comparisons), scores become
//! margins against both sides' k nearest neighbours (CSLS), and the one-to-one assignment with
//! the largest total margin decides. After the first pass, translations learned from its
//! confident pairs join the lexicon, and a finer score over word forms and endings (IBM Model 1
//! on the same pairs, [`rerank`]) separates near-duplicate candidates. Positions in the inputs
//! are never evidence.
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

pub mod assign;
pub mod discount;
pub mod exact;
pub mod fallback;
pub mod learn;
mod lexicons;
pub mod numbers;
pub mod rerank;
pub mod roots;
pub mod search;
pub mod side;
pub mod tense;

use std::sync::Arc;

use crate::align::anchors::{guess_langs, Stemmers};
use crate::align::lexicon::Lexicon;
use crate::doc::Lang;

pub use lexicons::{core_lexicons, PreparedLexicons};
pub use search::ScoreParams;

use lexicons::LexiconTables;
use side::{Interner, Role, Side};

/// Searches again after learning translations from the pairs found so far (the second round
/// learns from the first round's gains: +0.008 / +0.011 top-1 over one round on Tatoeba rus /
/// spa without a lexicon).
const LEARN_ROUNDS: usize = 2;

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
    /// Also use the small core lexicons shipped with the crate (closed-class words, the forms of
    /// the commonest irregular verbs and very common words of English with Russian, Ukrainian,
    /// Spanish, French, Italian, Portuguese, German and Polish; see `data/lexicon/`).
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
    /// Search again with word translations learned from the first pass's accepted pairs (IBM
    /// Model 1 on the pool itself; see [`learn`]).
    pub learn: bool,
    /// Score constants.
    pub params: ScoreParams,
    /// Lexicons prepared once for many calls; when set, `lexicons` and `core_lexicon` are not
    /// read (they were given to [`PreparedLexicons::new`]).
    pub prepared: Option<Arc<PreparedLexicons>>,
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
            learn: true,
            params: ScoreParams::default(),
            prepared: None,
        }
    }
}

/// The outcome for one query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MineHit {
    /// Query index (0-based, input order).
    pub query: usize,
    /// The pool entry reported for the query: `None` only when the pool is empty.
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
    let mut q_langs: Vec<Lang> = queries.iter().map(|(_, l)| *l).collect();
    q_langs.sort_unstable();
    q_langs.dedup();
    let mut p_langs: Vec<Lang> = pool.iter().map(|(_, l)| *l).collect();
    p_langs.sort_unstable();
    p_langs.dedup();
    let tables = match &opts.prepared {
        Some(prepared) => prepared.tables(&q_langs, &p_langs, &stemmers),
        None => {
            let core = if opts.core_lexicon {
                core_lexicons()
            } else {
                Vec::new()
            };
            let lexicons: Vec<&Lexicon> = opts.lexicons.iter().chain(&core).collect();
            Arc::new(LexiconTables::build(
                &lexicons, &q_langs, &p_langs, &stemmers,
            ))
        }
    };
    let mut keys = Interner::over(Arc::clone(&tables.keys));
    let translations = &tables.translations;
    let mut q_side = Side::build(queries, Role::Query, &stemmers, translations, &mut keys);
    let mut p_side = Side::build(pool, Role::Pool, &stemmers, translations, &mut keys);
    discount::discount_unmatchable(&mut q_side, &mut p_side, keys.len());
    let mut lists = search::candidates(&q_side, &p_side, keys.len(), &opts.params);
    let mut assigned = finish_pass(&q_side, &p_side, &lists, opts);
    let rounds = if opts.learn { LEARN_ROUNDS } else { 0 };
    let mut fine: Option<rerank::FineModel> = None;
    for _ in 0..rounds {
        let confident: Vec<(usize, usize)> = assigned
            .iter()
            .flatten()
            .filter(|c| accepted(c, opts))
            .map(|c| (c.query, c.pool))
            .collect();
        let learned = learn::learn(&q_side, &p_side, &confident);
        let gained = learn::apply(&mut q_side, &learned);
        // The fine model learns once, from the first pass's confident pairs.
        let new_model = fine.is_none();
        if new_model {
            fine = rerank::FineModel::train(&q_side, &p_side, &confident);
        }
        if gained > 0 {
            discount::discount_unmatchable(&mut q_side, &mut p_side, keys.len());
            lists = search::candidates(&q_side, &p_side, keys.len(), &opts.params);
        } else if !(new_model && fine.is_some()) {
            break;
        }
        // Refined in place: later rounds either search again or stop.
        if let Some(model) = &fine {
            rerank::refine(&q_side, &p_side, model, &opts.params, &mut lists);
        }
        assigned = finish_pass(&q_side, &p_side, &lists, opts);
    }
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
                accepted: accepted(&c, opts),
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

/// Margins of the candidate lists, one-to-one assignment and the second round for the
/// leftovers.
fn finish_pass(
    q_side: &Side,
    p_side: &Side,
    lists: &[Vec<search::Candidate>],
    opts: &MineOptions,
) -> Vec<Option<search::Candidate>> {
    let cands = search::with_margins(lists, p_side, &opts.params);
    let mut assigned = assign::assign(&cands, q_side.items.len(), p_side.items.len());
    search::second_round(q_side, p_side, &mut assigned, &opts.params);
    fallback::answer_the_rest(q_side, p_side, &cands, &mut assigned, &opts.params);
    assigned
}

/// True when a pair passes every acceptance test of the options.
fn accepted(c: &search::Candidate, opts: &MineOptions) -> bool {
    c.margin >= opts.threshold
        && c.score >= opts.min_score
        && c.gap >= opts.min_gap
        && c.content >= opts.min_content
}

/// The pool entry each English query is given against a pool in `pool_lang`, with the
/// score's constants changed by `set` (for tests that switch one piece of evidence off).
#[cfg(test)]
pub(crate) fn mined_with(
    queries: &[&str],
    pool: &[&str],
    pool_lang: &str,
    set: impl Fn(&mut ScoreParams),
) -> Vec<Option<usize>> {
    let mut opts = MineOptions {
        query_lang: Lang::new("en"),
        pool_lang: Lang::new(pool_lang),
        ..MineOptions::default()
    };
    set(&mut opts.params);
    mine(queries, pool, &opts).iter().map(|h| h.pool).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepared_lexicons_give_the_same_hits() {
        let l = |c: &str| Lang::new(c).unwrap_or(Lang::UND);
        let queries = [
            ("The war began in 2014.", l("en")),
            ("Kelly returned the medal to Medvedev.", l("en")),
            ("The port is open again.", l("en")),
        ];
        let pool = [
            ("Келли вернул медаль Медведеву.", l("ru")),
            ("Война началась в 2014 году.", l("ru")),
            ("El puerto está abierto de nuevo.", l("es")),
            ("Сегодня идёт дождь.", l("ru")),
        ];
        let plain = MineOptions {
            lexicons: vec![Lexicon::from_pairs([
                ("war", "война"),
                ("medal", "медаль"),
                ("port", "puerto"),
            ])],
            ..MineOptions::default()
        };
        let prepared = MineOptions {
            prepared: Some(Arc::new(PreparedLexicons::new(&plain.lexicons, true))),
            lexicons: Vec::new(),
            ..plain.clone()
        };
        let want = mine_with_langs(&queries, &pool, &plain);
        assert!(want.iter().filter(|h| h.accepted).count() >= 2, "{want:?}");
        // Twice: built, then from the cache; then another language combination in between.
        assert_eq!(mine_with_langs(&queries, &pool, &prepared), want);
        let ru_only = &pool[..2];
        assert_eq!(
            mine_with_langs(&queries, ru_only, &prepared),
            mine_with_langs(&queries, ru_only, &plain)
        );
        assert_eq!(mine_with_langs(&queries, &pool, &prepared), want);
    }
}
