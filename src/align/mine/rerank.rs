//! A finer pair score for the candidates of each query: soft IBM Model 1 translation
//! probabilities, both directions, over every word form and word ending of the two texts,
//! learned from the confident pairs of the previous pass.
//!
//! The pair score matches stems through lexicons and weighs words by rarity, so two pool entries
//! that share all content words (`Esperamos hasta las dos` / `Nos han pospuesto hasta las dos`,
//! `…что ты умеешь…` / `…что вы умеете…`) tie. What separates them is what the stems drop and
//! the rarity weights discount: pronouns, auxiliaries, and the endings that carry person, number
//! and tense (`-mos` for *we*, `-ré` for *will*). Nobody lists those as translations; the model
//! learns them from the pool's own confident pairs (any language pair, no table), and each
//! candidate gains in proportion to how well its forms and endings translate the query's.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet, FxHasher};
use std::hash::Hasher;

use rayon::prelude::*;

use super::search::{Candidate, ScoreParams};
use super::side::{Item, Side};
use crate::align::ibm1::Model1;
use crate::align::tokens::WordToken;
use crate::doc::Lang;

/// EM iterations of each direction.
const ITERATIONS: usize = 5;

/// Translation probabilities below this are dropped from the tables (they only add noise and
/// time).
const MIN_PROB: f32 = 0.05;

/// Fewest confident pairs worth training on.
const MIN_TRAINING_PAIRS: usize = 20;

/// Most training pairs (evenly spread over the confident ones): function words and endings
/// are frequent, a thousand pairs teach them.
const MAX_TRAINING_PAIRS: usize = 1_000;

/// Most entries kept in a row of the model (the likeliest translations of one token).
const ROW_MAX: usize = 4;

/// Letters a word needs beyond its ending for the ending to be a token of its own.
const STEM_LETTERS: usize = 2;

/// Letters of a word ending token.
const ENDING_LETTERS: usize = 3;

/// A fine token: a hashed, language-tagged word form or word ending.
pub type Fine = u32;

/// The hash of a tagged token string (deterministic; never the IBM null word `u32::MAX`).
fn fine_id(kind: u8, lang: Lang, text: &str) -> Fine {
    let mut h = FxHasher::default();
    h.write_u8(kind);
    h.write(lang.as_str().as_bytes());
    h.write_u8(0xff);
    h.write(text.as_bytes());
    let v = h.finish();
    let id = (v ^ (v >> 32)) as u32;
    id.min(u32::MAX - 1)
}

/// The fine tokens of a text's words: each lowercase form, and the last three letters of each
/// word long enough to keep a stem before them (its ending).
pub fn fine_tokens(words: &[WordToken], lang: Lang) -> Vec<Fine> {
    let mut out = Vec::with_capacity(words.len() * 2);
    for w in words {
        out.push(fine_id(b'f', lang, &w.text));
        let n = w.text.chars().count();
        if n >= ENDING_LETTERS + STEM_LETTERS {
            let cut = w
                .text
                .char_indices()
                .nth(n - ENDING_LETTERS)
                .map(|(i, _)| i);
            if let Some(end) = cut.and_then(|i| w.text.get(i..)) {
                out.push(fine_id(b'x', lang, end));
            }
        }
    }
    out
}

/// Both directions of the model as rows by source token: t(f | e) for each query token `e`,
/// t(e | f) for each pool token `f`, each row best first and cut to its most likely entries.
#[derive(Debug, Default)]
pub struct FineModel {
    forward: HashMap<Fine, Vec<(Fine, f32)>>,
    /// Every pool token seen in training has a row, empty or not (the others say nothing
    /// either way).
    backward: HashMap<Fine, Vec<(Fine, f32)>>,
    /// Query tokens seen in training.
    known_query: HashSet<Fine>,
}

/// The rows of a model's entries by source token, best first, cut to [`ROW_MAX`].
fn rows(model: &Model1) -> HashMap<Fine, Vec<(Fine, f32)>> {
    let mut rows: HashMap<Fine, Vec<(Fine, f32)>> = HashMap::default();
    for ((a, b), p) in model.entries() {
        if p >= MIN_PROB && a != u32::MAX && b != u32::MAX {
            rows.entry(a).or_default().push((b, p));
        }
    }
    for r in rows.values_mut() {
        r.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        r.truncate(ROW_MAX);
    }
    rows
}

/// The pool's known tokens with their backward rows, looked up once per pool entry (each is a
/// candidate of many queries).
#[derive(Debug, Default)]
pub struct PoolRows {
    /// Per pool entry, the (token, row start, row length) of each token the model knows.
    items: Vec<Vec<(Fine, u32, u32)>>,
    /// The rows, end to end.
    flat: Vec<(Fine, f32)>,
}

impl FineModel {
    /// Trains both directions on the confident (query, pool) pairs; `None` when there are fewer
    /// than 20.
    pub fn train(queries: &Side, pool: &Side, confident: &[(usize, usize)]) -> Option<FineModel> {
        if confident.len() < MIN_TRAINING_PAIRS {
            return None;
        }
        let stride = confident.len().div_ceil(MAX_TRAINING_PAIRS).max(1);
        let data: Vec<(&[Fine], &[Fine])> = confident
            .iter()
            .step_by(stride)
            .filter_map(|&(q, p)| {
                let (q, p) = (queries.items.get(q)?, pool.items.get(p)?);
                (!q.fine.is_empty() && !p.fine.is_empty())
                    .then_some((q.fine.as_slice(), p.fine.as_slice()))
            })
            .collect();
        let swapped: Vec<(&[Fine], &[Fine])> = data.iter().map(|&(a, b)| (b, a)).collect();
        let (forward, backward) = rayon::join(
            || Model1::train(&data, ITERATIONS),
            || Model1::train(&swapped, ITERATIONS),
        );
        let mut backward = rows(&backward);
        for (_, p) in &data {
            for f in p.iter() {
                backward.entry(*f).or_default();
            }
        }
        Some(FineModel {
            forward: rows(&forward),
            backward,
            known_query: data.iter().flat_map(|(q, _)| q.iter().copied()).collect(),
        })
    }

    /// Looks up the backward rows of every pool entry's tokens.
    pub fn pool_rows(&self, pool: &Side) -> PoolRows {
        let mut out = PoolRows::default();
        let mut at: HashMap<Fine, (u32, u32)> = HashMap::default();
        for item in &pool.items {
            let mut known = Vec::with_capacity(item.fine.len());
            for f in &item.fine {
                let Some(row) = self.backward.get(f) else {
                    continue;
                };
                let (start, len) = *at.entry(*f).or_insert_with(|| {
                    let start = out.flat.len() as u32;
                    out.flat.extend_from_slice(row);
                    (start, row.len() as u32)
                });
                known.push((*f, start, len));
            }
            out.items.push(known);
        }
        out
    }

    /// The tables of one query, ready to score its candidates.
    pub fn for_query<'a>(&self, q: &Item, pool: &'a PoolRows) -> QueryTable<'a> {
        let mut forward: HashMap<Fine, f32> = HashMap::default();
        let mut slots: Vec<Fine> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        for e in q.fine.iter().filter(|e| self.known_query.contains(e)) {
            match slots.iter().position(|s| s == e) {
                Some(i) => counts[i] += 1,
                None => {
                    slots.push(*e);
                    counts.push(1);
                    for &(f, p) in self.forward.get(e).map_or(&[][..], Vec::as_slice) {
                        let best = forward.entry(f).or_default();
                        *best = best.max(p);
                    }
                }
            }
        }
        QueryTable {
            pool,
            forward,
            slots,
            counts,
        }
    }
}

/// One query's view of the model: for each pool token, its best t(f | e) over the query's
/// tokens; the query's known tokens (distinct, with their counts) for t(e | f).
#[derive(Debug)]
pub struct QueryTable<'a> {
    pool: &'a PoolRows,
    forward: HashMap<Fine, f32>,
    slots: Vec<Fine>,
    counts: Vec<u32>,
}

impl QueryTable<'_> {
    /// The fine score of pool entry `p`, 0 to 1: the mean, over both directions, of the
    /// average best translation probability of each token the model knows (pool tokens from
    /// the query's, query tokens from the pool entry's).
    pub fn score(&self, p: usize) -> f64 {
        let n_query: u32 = self.counts.iter().sum();
        let Some(tokens) = self.pool.items.get(p) else {
            return 0.0;
        };
        if n_query == 0 || tokens.is_empty() {
            return 0.0;
        }
        let mut best_back = vec![0f32; self.slots.len()];
        let mut fwd = 0f32;
        for &(f, start, len) in tokens {
            fwd += self.forward.get(&f).copied().unwrap_or(0.0);
            let row = self
                .pool
                .flat
                .get(start as usize..(start + len) as usize)
                .unwrap_or(&[]);
            for &(e, t) in row {
                if let Some(i) = self.slots.iter().position(|&s| s == e) {
                    best_back[i] = best_back[i].max(t);
                }
            }
        }
        let fwd = f64::from(fwd) / tokens.len() as f64;
        let bwd: f32 = best_back
            .iter()
            .zip(&self.counts)
            .map(|(b, &c)| b * c as f32)
            .sum();
        (fwd + f64::from(bwd) / f64::from(n_query)) / 2.0
    }
}

/// Lowers each candidate's score by `params.fine` times the amount its fine score (see
/// [`FineModel`]) falls short of the best fine score among its query's candidates, and sorts
/// each list again: candidates that tie on content words are told apart by their forms and
/// endings. Each list holds the candidates of one query (as [`super::search::candidates`] returns them).
pub fn refine(
    queries: &Side,
    pool: &Side,
    model: &FineModel,
    params: &ScoreParams,
    lists: &mut [Vec<Candidate>],
) {
    if params.fine == 0.0 {
        return;
    }
    let rows = model.pool_rows(pool);
    lists.par_iter_mut().for_each(|list| {
        let Some(q) = list.first().and_then(|c| queries.items.get(c.query)) else {
            return;
        };
        if list.len() < 2 {
            return;
        }
        let table = model.for_query(q, &rows);
        let fine: Vec<f64> = list.iter().map(|c| table.score(c.pool)).collect();
        let best = fine.iter().copied().fold(0.0, f64::max);
        for (c, f) in list.iter_mut().zip(fine) {
            c.score -= params.fine * (best - f);
        }
        list.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.pool.cmp(&b.pool)));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::lexicon::Lexicon;
    use crate::align::mine::{mine_with_langs, MineOptions};

    fn l(c: &str) -> Lang {
        Lang::new(c).unwrap_or(Lang::UND)
    }

    /// Confident pairs where "I will" comes with the Spanish ending `-aré` and "we will" with
    /// `-emos`, then two near-duplicates that share every content word: only the ending tells
    /// which is which.
    fn corpus() -> (Vec<String>, Vec<String>, Lexicon) {
        let nouns = [
            ("car", "coche"),
            ("house", "casa"),
            ("book", "libro"),
            ("horse", "caballo"),
            ("table", "mesa"),
            ("boat", "barco"),
            ("chair", "silla"),
            ("bread", "pan"),
            ("shirt", "camisa"),
            ("guitar", "guitarra"),
            ("computer", "ordenador"),
            ("bicycle", "bicicleta"),
        ];
        let (mut en, mut es) = (Vec::new(), Vec::new());
        for (e, s) in nouns {
            en.push(format!("I will buy the {e} tomorrow."));
            es.push(format!("Compraré el {s} mañana."));
            en.push(format!("We will sell the old {e}."));
            es.push(format!("Venderemos el viejo {s}."));
        }
        en.push("We will wait for the train.".to_string());
        en.push("I will wait for the train.".to_string());
        es.push("Esperaré el tren.".to_string());
        es.push("Esperaremos el tren.".to_string());
        let mut pairs: Vec<(&str, &str)> = nouns.to_vec();
        pairs.extend([
            ("buy", "comprar"),
            ("sell", "vender"),
            ("old", "viejo"),
            ("tomorrow", "mañana"),
            ("wait", "esperar"),
            ("train", "tren"),
        ]);
        (en, es, Lexicon::from_pairs(pairs))
    }

    #[test]
    fn verb_endings_learned_from_confident_pairs_separate_near_duplicates() {
        let (en, es, lex) = corpus();
        let q: Vec<(&str, Lang)> = en.iter().map(|t| (t.as_str(), l("en"))).collect();
        let p: Vec<(&str, Lang)> = es.iter().map(|t| (t.as_str(), l("es"))).collect();
        let opts = MineOptions {
            lexicons: vec![lex],
            core_lexicon: false,
            ..MineOptions::default()
        };
        let n = en.len();
        let pools = |o: &MineOptions| -> Vec<Option<usize>> {
            mine_with_langs(&q, &p, o)[n - 2..]
                .iter()
                .map(|h| h.pool)
                .collect()
        };
        // "We will wait" → "Esperaremos", "I will wait" → "Esperaré".
        assert_eq!(pools(&opts), vec![Some(n - 1), Some(n - 2)]);
        let mut plain = opts.clone();
        plain.params.fine = 0.0;
        assert_ne!(pools(&plain), vec![Some(n - 1), Some(n - 2)]);
    }

    #[test]
    fn endings_are_tokens_of_long_words_only() {
        let words = crate::align::tokens::word_tokens("Esperaremos el tren", l("es"));
        let fine = fine_tokens(&words, l("es"));
        // esperaremos: form and ending; el: form; tren: form only (too short for an ending).
        assert_eq!(fine.len(), 4);
        assert_eq!(fine[1], fine_id(b'x', l("es"), "mos"));
        assert_ne!(fine_id(b'f', l("es"), "el"), fine_id(b'f', l("pt"), "el"));
    }
}
