//! The exact score of a query against one pool item, with the query's keys held in a table so
//! that scoring it against many candidates costs one lookup per pool key.

use super::search::ScoreParams;
use super::side::{Item, Key};
use crate::align::features::word_similarity;

/// Letters a matched word needs to count as content evidence (shorter words are mostly
/// pronouns, particles and prepositions).
const CONTENT_LETTERS: usize = 4;

/// Letters a word needs to be compared as a name (shorter names match too many words).
const NAME_LETTERS: usize = 4;

/// Share of its weight a word matched only through a prefix or sound key counts (see
/// [`super::side::Word::weak`]): a shared root or sound is weaker evidence than a shared stem.
pub(crate) const PREFIX_MATCH: f32 = 0.5;

/// The exact score of a pair: weighted coverage of both sides by matched words (each word counted
/// once, names matched fuzzily after romanisation), a length-ratio penalty and mark agreement.
pub fn pair_score(q: &Item, p: &Item, expected_log_ratio: f64, params: &ScoreParams) -> f64 {
    pair_evidence(q, p, expected_log_ratio, params).0
}

/// The pair score and the number of matched query words that are content evidence (anchors, or
/// words of at least four letters). For many pool items against one query, [`PairScorer`] does
/// the same work once per query.
pub fn pair_evidence(
    q: &Item,
    p: &Item,
    expected_log_ratio: f64,
    params: &ScoreParams,
) -> (f64, u32) {
    let mut scorer = PairScorer::default();
    scorer.load(q);
    scorer.evidence(q, p, expected_log_ratio, params)
}

/// Where a key's holders start in [`PairScorer::holders`], for the query loaded last.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// The load count when the slot was written (older slots are empty).
    stamp: u32,
    start: u32,
    len: u32,
}

/// Reusable buffers for scoring one query against many pool items: for each key of the query,
/// the query words holding it (and whether the key is weak for that word).
#[derive(Debug, Default)]
pub struct PairScorer {
    slots: Vec<Slot>,
    /// (key, query word, weak), sorted by key.
    holders: Vec<(Key, u32, bool)>,
    stamp: u32,
    /// Letters of each word of the loaded query (its romanised form), counted once per load.
    q_letters: Vec<usize>,
    /// Address of the loaded query, to check that [`PairScorer::evidence`] is given the same one.
    loaded: usize,
    q_matched: Vec<f32>,
    p_matched: Vec<f32>,
}

impl PairScorer {
    /// Makes `q` the query that the following [`PairScorer::evidence`] calls score.
    pub fn load(&mut self, q: &Item) {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            // After 2^32 loads the stamps wrap: clear them so no old slot looks current.
            self.slots.iter_mut().for_each(|s| *s = Slot::default());
            self.stamp = 1;
        }
        self.loaded = std::ptr::from_ref(q) as usize;
        self.q_letters.clear();
        self.q_letters
            .extend(q.words.iter().map(|w| w.norm.chars().count()));
        self.holders.clear();
        for (i, w) in q.words.iter().enumerate() {
            for &k in &w.keys {
                let weak = w.weak.binary_search(&k).is_ok();
                self.holders.push((k, i as u32, weak));
            }
        }
        self.holders.sort_unstable();
        let need = self.holders.last().map_or(0, |h| h.0 as usize + 1);
        if self.slots.len() < need {
            self.slots.resize(need, Slot::default());
        }
        let mut start = 0;
        while let Some(&(k, _, _)) = self.holders.get(start) {
            let len = self.holders[start..].partition_point(|h| h.0 == k);
            if let Some(slot) = self.slots.get_mut(k as usize) {
                *slot = Slot {
                    stamp: self.stamp,
                    start: start as u32,
                    len: len as u32,
                };
            }
            start += len;
        }
    }

    /// The query words holding key `k` (empty when the loaded query lacks it).
    fn holders_of(&self, k: Key) -> &[(Key, u32, bool)] {
        match self.slots.get(k as usize) {
            Some(s) if s.stamp == self.stamp => {
                let (a, n) = (s.start as usize, s.len as usize);
                self.holders.get(a..a + n).unwrap_or(&[])
            }
            _ => &[],
        }
    }

    /// Match levels of both sides' words: 1 through a stem, cognate or anchor key,
    /// [`PREFIX_MATCH`] through weak keys only, 0 not at all.
    fn match_levels(&mut self, q: &Item, p: &Item) {
        let mut q_matched = std::mem::take(&mut self.q_matched);
        let mut p_matched = std::mem::take(&mut self.p_matched);
        q_matched.clear();
        q_matched.resize(q.words.len(), 0.0);
        p_matched.clear();
        p_matched.resize(p.words.len(), 0.0);
        for (pw, pm) in p.words.iter().zip(p_matched.iter_mut()) {
            for &k in &pw.keys {
                let held = self.holders_of(k);
                if held.is_empty() {
                    continue;
                }
                let level = if pw.weak.binary_search(&k).is_ok() {
                    PREFIX_MATCH
                } else {
                    1.0
                };
                *pm = pm.max(level);
                for &(_, i, weak) in held {
                    if let Some(m) = q_matched.get_mut(i as usize) {
                        *m = m.max(if weak { PREFIX_MATCH } else { 1.0 });
                    }
                }
            }
        }
        self.q_matched = q_matched;
        self.p_matched = p_matched;
    }

    /// The pair score and content count of the loaded query `q` against `p` (see
    /// [`pair_evidence`]); `q` must be the item last given to [`PairScorer::load`].
    pub fn evidence(
        &mut self,
        q: &Item,
        p: &Item,
        expected_log_ratio: f64,
        params: &ScoreParams,
    ) -> (f64, u32) {
        self.match_levels(q, p);
        let (q_matched, p_matched) = (&mut self.q_matched, &mut self.p_matched);
        debug_assert_eq!(
            self.loaded,
            std::ptr::from_ref(q) as usize,
            "score the loaded query"
        );
        match_names(q, p, &self.q_letters, q_matched, p_matched, params.name_min);
        let covered = |item: &Item, total: f32, m: &[f32]| -> f64 {
            let got: f32 = item.words.iter().zip(m).map(|(w, &m)| m * w.weight).sum();
            if total > 0.0 {
                f64::from(got / total)
            } else {
                0.0
            }
        };
        let cq = covered(q, q.total_against(p.group), q_matched);
        let cp = covered(p, p.total, p_matched);
        let lexical = if cq + cp > 0.0 {
            2.0 * cq * cp / (cq + cp)
        } else {
            0.0
        };
        let ratio = ((q.len + 1.0).ln() - (p.len + 1.0).ln() - expected_log_ratio).abs();
        let mut marks = 0.0;
        for k in 0..2 {
            let (a, b) = (q.marks[k], p.marks[k]);
            if a != b {
                marks -= params.marks;
            } else if a > 0 {
                marks += params.marks;
            }
        }
        match (q.past, p.past) {
            (Some(a), Some(b)) if a != b => marks -= params.tense,
            (Some(true), Some(true)) => marks += params.tense,
            _ => {}
        }
        match name_order(q, p, params.name_min) {
            Some(true) => marks += params.name_order,
            Some(false) => marks -= params.name_order,
            None => {}
        }
        let content = self
            .q_letters
            .iter()
            .zip(q_matched.iter())
            .filter(|(&letters, &m)| m > 0.0 && letters >= CONTENT_LETTERS)
            .count() as u32;
        (lexical - params.length * ratio + marks, content)
    }
}

/// Letters a capitalised word needs to count as a name for [`name_order`].
const ORDER_NAME_LETTERS: usize = 3;

/// Whether the first two names of the query that both occur in `p` stand in the same order
/// there (`Mary slapped Tom.` / `Mary pegó a Tom.`, not `Tom asintió a Mary.`): near-duplicates
/// that name the same two people tell who did what to whom by their order. A name is a
/// capitalised query word of three letters or more; it occurs where a capitalised pool word is
/// spelled alike after romanisation (similarity `name_min`, as unmatched names are), so a
/// sentence's first word that is translated rather than copied (`Yesterday` / `Ayer`, `What` /
/// `Что`) is no name. `None` when fewer than two names occur.
pub fn name_order(q: &Item, p: &Item, name_min: f64) -> Option<bool> {
    let mut found: Option<usize> = None;
    for qw in &q.words {
        if !qw.capital || qw.norm.chars().count() < ORDER_NAME_LETTERS {
            continue;
        }
        let at = p
            .words
            .iter()
            .position(|pw| pw.capital && word_similarity(&qw.norm, &pw.norm) >= name_min);
        match (found, at) {
            (None, Some(a)) => found = Some(a),
            (Some(first), Some(a)) if a != first => return Some(first < a),
            _ => {}
        }
    }
    None
}

/// Pairs unmatched query names of four letters or more with unmatched pool words spelled
/// alike after romanisation (each pool word used once).
/// `q_letters` holds the letters of each query word.
fn match_names(
    q: &Item,
    p: &Item,
    q_letters: &[usize],
    q_matched: &mut [f32],
    p_matched: &mut [f32],
    name_min: f64,
) {
    for ((qw, &letters), qm) in q.words.iter().zip(q_letters).zip(q_matched.iter_mut()) {
        if !qw.name || *qm != 0.0 || letters < NAME_LETTERS {
            continue;
        }
        for (pw, pm) in p.words.iter().zip(p_matched.iter_mut()) {
            if *pm != 0.0 || pw.norm.chars().count() < NAME_LETTERS {
                continue;
            }
            if word_similarity(&qw.norm, &pw.norm) >= name_min {
                *qm = 1.0;
                *pm = 1.0;
                break;
            }
        }
    }
}

/// How well a word is matched by an item of the other side, by the definition
/// [`PairScorer`] computes faster: 1 through a stem, cognate or anchor key, [`PREFIX_MATCH`]
/// through its prefix or sound keys only, 0 not at all.
#[cfg(test)]
pub(crate) fn match_level(w: &super::side::Word, other: &Item) -> f32 {
    let mut level = 0.0;
    for k in &w.keys {
        if other.keyset.binary_search(k).is_ok() {
            if w.weak.binary_search(k).is_err() {
                return 1.0;
            }
            level = PREFIX_MATCH;
        }
    }
    level
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::anchors::Stemmers;
    use crate::align::lexicon::Lexicon;
    use crate::align::mine::side::{Interner, Role, Side, Translations};
    use crate::Lang;

    /// One scorer reused over many pool items matches each word exactly as the definition does,
    /// whatever query it held before.
    #[test]
    fn the_reused_scorer_matches_words_as_the_definition_does() {
        let (en, ru) = (
            Lang::new("en").unwrap_or(Lang::UND),
            Lang::new("ru").unwrap_or(Lang::UND),
        );
        let lex = Lexicon::from_pairs([
            ("worry", "беспокоиться"),
            ("house", "дом"),
            ("old", "старый"),
            ("friend", "друг"),
            ("city", "город"),
        ]);
        let stemmers = Stemmers::new();
        let mut keys = Interner::default();
        let tr = Translations::build(&[&lex], &[en], &[ru], &stemmers, &mut keys);
        let queries = [
            ("Do not worry about the old house.", en),
            ("My friend lives in Moscow, a big city.", en),
            ("The house of my friend.", en),
        ];
        let pool = [
            ("Не беспокойся о старом доме.", ru),
            ("Мой друг живёт в Москве, большом городе.", ru),
            ("Дом моего друга.", ru),
            ("Беспокойство о городе.", ru),
        ];
        let q = Side::build(&queries, Role::Query, &stemmers, &tr, &mut keys);
        let p = Side::build(&pool, Role::Pool, &stemmers, &tr, &mut keys);
        let params = ScoreParams::default();
        let mut scorer = PairScorer::default();
        let mut hits = 0;
        for qi in &q.items {
            scorer.load(qi);
            for pi in &p.items {
                scorer.match_levels(qi, pi);
                let want_q: Vec<f32> = qi.words.iter().map(|w| match_level(w, pi)).collect();
                let want_p: Vec<f32> = pi.words.iter().map(|w| match_level(w, qi)).collect();
                assert_eq!(scorer.q_matched, want_q);
                assert_eq!(scorer.p_matched, want_p);
                hits += want_q.iter().filter(|&&m| m > 0.0).count();
                let reused = scorer.evidence(qi, pi, 0.0, &params);
                assert_eq!(reused, pair_evidence(qi, pi, 0.0, &params));
            }
        }
        assert!(hits >= 6, "too few matches to test anything: {hits}");
    }

    /// The pool entry each query is given, with name order weighing `weight`.
    fn mined(queries: &[&str], pool: &[&str], weight: f64) -> Vec<Option<usize>> {
        crate::align::mine::mined_with(queries, pool, "es", |p| p.name_order = weight)
    }

    /// Near-duplicates that name the same two people tell who did what to whom by the names'
    /// order; a sentence's capitalised first word is no name unless the other side writes it
    /// with a capital too.
    #[test]
    fn the_order_of_two_names_settles_who_did_what_to_whom() {
        let queries = ["Yesterday Mary saw Tom.", "Yesterday Tom saw Mary."];
        let pool = ["Ayer Tom vio a Mary.", "Ayer Mary vio a Tom."];
        let want = vec![Some(1), Some(0)];
        assert_eq!(mined(&queries, &pool, 0.04), want);
        assert_ne!(mined(&queries, &pool, 0.0), want, "the order decides these");

        let stemmers = Stemmers::new();
        let (en, es) = (
            Lang::new("en").unwrap_or(Lang::UND),
            Lang::new("es").unwrap_or(Lang::UND),
        );
        let mut keys = Interner::default();
        let lex = Lexicon::from_pairs([("what", "qué")]);
        let tr = Translations::build(&[&lex], &[en], &[es], &stemmers, &mut keys);
        let side = |texts: &[(&str, Lang)], role, keys: &mut Interner| {
            Side::build(texts, role, &stemmers, &tr, keys)
        };
        let q = side(
            &[("Mary saw Tom.", en), ("What did Tom see?", en)],
            Role::Query,
            &mut keys,
        );
        let p = side(
            &[
                ("Tom vio a Mary.", es),
                ("Mary vio a Tom.", es),
                ("¿Qué vio Tom?", es),
            ],
            Role::Pool,
            &mut keys,
        );
        let order = |i: usize, j: usize| name_order(&q.items[i], &p.items[j], 0.78);
        assert_eq!((order(0, 0), order(0, 1)), (Some(false), Some(true)));
        // `What` is translated, not copied: a word of the pair, not a name
        assert_eq!(order(1, 2), None);
    }
}
