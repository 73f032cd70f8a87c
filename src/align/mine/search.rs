//! Candidate blocking over an inverted index, rescoring by the exact pair score
//! ([`super::exact`]), margin scoring and the one-to-one assignment.

use rayon::prelude::*;

use super::exact::PairScorer;
use super::side::{Item, Key, Side};

/// Constants of the pair score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreParams {
    /// Weight of the length-ratio penalty (per unit of |log ratio − expected|).
    pub length: f64,
    /// Bonus when the `?` and `!` counts agree and at least one is present; the same as a penalty
    /// per disagreeing mark kind.
    pub marks: f64,
    /// Bonus when both texts are in the past (see [`super::tense`]); the same as a penalty when
    /// one is and the other is not.
    pub tense: f64,
    /// Bonus when two names of the query stand in the same order in the candidate; the same as
    /// a penalty when they stand reversed (see [`super::exact::name_order`]).
    pub name_order: f64,
    /// Least similarity of two romanised names to count as the same name.
    pub name_min: f64,
    /// Neighbours on each side for the margin (CSLS-style: score minus the mean of the k best).
    pub k: usize,
    /// Candidates kept per query after blocking.
    pub candidates: usize,
    /// Weight of the fine score (see [`super::rerank`]) in the scores of a query's candidates,
    /// as the difference to its best candidate's fine score.
    pub fine: f64,
}

impl Default for ScoreParams {
    fn default() -> Self {
        ScoreParams {
            length: 0.15,
            marks: 0.04,
            tense: 0.04,
            name_order: 0.04,
            name_min: 0.78,
            k: 4,
            candidates: 24,
            fine: 1.0,
        }
    }
}

/// A scored candidate pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Query index.
    pub query: usize,
    /// Pool index.
    pub pool: usize,
    /// Pair score, 0 to about 1.
    pub score: f64,
    /// Score minus the mean of both sides' k nearest neighbours.
    pub margin: f64,
    /// Score minus the best other score of the query or of the pool entry (how clearly this
    /// pair stands out; near 0 between near-duplicates).
    pub gap: f64,
    /// Matched query words that are content evidence (anchors, words of four letters or more).
    pub content: u32,
}

/// Pool postings: for each key, the pool items holding it.
struct Index {
    postings: Vec<Vec<(u32, f32)>>,
    /// Keys held by more pool items than this are not used for blocking (too common to tell).
    max_df: usize,
}

impl Index {
    fn build(pool: &Side, n_keys: usize) -> Index {
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_keys];
        for (p, item) in pool.items.iter().enumerate() {
            let mut per_key: Vec<(Key, f32)> = Vec::new();
            for w in &item.words {
                for &k in &w.keys {
                    per_key.push((k, w.weight));
                }
            }
            per_key.sort_unstable_by_key(|&(k, _)| k);
            per_key.dedup_by(|a, b| {
                if a.0 == b.0 {
                    b.1 = b.1.max(a.1);
                    true
                } else {
                    false
                }
            });
            for (k, w) in per_key {
                if let Some(list) = postings.get_mut(k as usize) {
                    list.push((p as u32, w));
                }
            }
        }
        let max_df = (pool.items.len() / 64).max(64);
        Index { postings, max_df }
    }
}

/// Expected log length ratio query/pool per pool language group (from the sides' mean log lengths).
pub(crate) fn expected_ratios(queries: &Side, pool: &Side) -> Vec<f64> {
    let mean_log = |items: &mut dyn Iterator<Item = &Item>| -> Option<f64> {
        let (mut s, mut n) = (0.0, 0usize);
        for it in items {
            s += (it.len + 1.0).ln();
            n += 1;
        }
        (n > 0).then(|| s / n as f64)
    };
    let q = mean_log(&mut queries.items.iter()).unwrap_or(0.0);
    (0..pool.langs.len())
        .map(|g| {
            let p = mean_log(&mut pool.items.iter().filter(|i| i.group == g)).unwrap_or(q);
            // Small groups say little about the ratio: shrink towards 1:1.
            let n = pool.items.iter().filter(|i| i.group == g).count() as f64;
            (q - p) * n / (n + 20.0)
        })
        .collect()
}

/// For each query, the best candidates by an approximate score accumulated over the inverted
/// index (rare keys only), then rescored exactly.
pub fn candidates(
    queries: &Side,
    pool: &Side,
    n_keys: usize,
    params: &ScoreParams,
) -> Vec<Vec<Candidate>> {
    let index = Index::build(pool, n_keys);
    let ratios = expected_ratios(queries, pool);
    let n_pool = pool.items.len();
    queries
        .items
        .par_iter()
        .enumerate()
        .map_init(
            || {
                (
                    vec![[0f32; 2]; n_pool],
                    vec![u32::MAX; n_pool],
                    Vec::<u32>::new(),
                    PairScorer::default(),
                )
            },
            |(acc, stamp, touched, scorer), (qi, q)| {
                touched.clear();
                accumulate(q, &index, index.max_df, acc, stamp, touched);
                if touched.len() < params.candidates {
                    // Too little rare evidence: let the common keys propose candidates too.
                    for &p in touched.iter() {
                        acc[p as usize] = [0.0; 2];
                        stamp[p as usize] = u32::MAX;
                    }
                    touched.clear();
                    accumulate(q, &index, usize::MAX, acc, stamp, touched);
                }
                let mut short: Vec<(f32, u32)> = touched
                    .iter()
                    .map(|&p| {
                        let (total, q_total) = pool
                            .items
                            .get(p as usize)
                            .map_or((0.0, q.total), |i| (i.total, q.total_against(i.group)));
                        (approximate(acc[p as usize], q_total, total), p)
                    })
                    .collect();
                for &p in touched.iter() {
                    acc[p as usize] = [0.0; 2];
                    stamp[p as usize] = u32::MAX;
                }
                let keep = params.candidates.saturating_mul(2);
                if short.len() > keep {
                    short.select_nth_unstable_by(keep, |a, b| {
                        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
                    });
                    short.truncate(keep);
                }
                scorer.load(q);
                let mut scored: Vec<Candidate> = short
                    .into_iter()
                    .filter_map(|(_, p)| {
                        let item = pool.items.get(p as usize)?;
                        let r = ratios.get(item.group).copied().unwrap_or(0.0);
                        let (score, content) = scorer.evidence(q, item, r, params);
                        Some(Candidate {
                            query: qi,
                            pool: p as usize,
                            score,
                            margin: 0.0,
                            gap: 0.0,
                            content,
                        })
                    })
                    .collect();
                scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.pool.cmp(&b.pool)));
                scored.truncate(params.candidates);
                scored
            },
        )
        .collect()
}

/// Adds the matched weights of one query's candidates into `acc` (query words, each once per
/// pool item; pool words, once per key) over keys held by at most `max_df` pool items; `touched`
/// collects the pool items reached.
fn accumulate(
    q: &Item,
    index: &Index,
    max_df: usize,
    acc: &mut [[f32; 2]],
    stamp: &mut [u32],
    touched: &mut Vec<u32>,
) {
    for (wi, w) in q.words.iter().enumerate() {
        for &k in &w.keys {
            let Some(list) = index.postings.get(k as usize) else {
                continue;
            };
            if list.len() > max_df {
                continue;
            }
            for &(p, pw) in list {
                let pu = p as usize;
                let (Some(a), Some(s)) = (acc.get_mut(pu), stamp.get_mut(pu)) else {
                    continue;
                };
                if *s == u32::MAX {
                    touched.push(p);
                }
                // The query word counts once per pool item; the pool word's weight is added
                // for each distinct key (an approximation, rescored exactly afterwards).
                if *s != wi as u32 {
                    *s = wi as u32;
                    a[0] += w.weight;
                }
                a[1] += pw;
            }
        }
    }
}

/// The approximate score of a candidate from its accumulated weights: the harmonic mean of the
/// covered shares of the query's and the pool item's weight, as the exact score has it (raw
/// sums would favour long pool items that share many common words).
fn approximate(acc: [f32; 2], q_total: f32, p_total: f32) -> f32 {
    let share = |got: f32, total: f32| {
        if total > 0.0 {
            (got / total).min(1.0)
        } else {
            0.0
        }
    };
    let (cq, cp) = (share(acc[0], q_total), share(acc[1], p_total));
    if cq + cp > 0.0 {
        2.0 * cq * cp / (cq + cp)
    } else {
        0.0
    }
}

/// Mean of the k largest values, missing values counted as 0.
pub(crate) fn mean_top_k(values: &mut [f64], k: usize) -> f64 {
    if k == 0 {
        return 0.0;
    }
    values.sort_by(|a, b| b.total_cmp(a));
    values.iter().take(k).map(|v| v.max(0.0)).sum::<f64>() / k as f64
}

/// Sets the margins (and gaps) of the candidate lists of [`candidates`]; returns all candidate
/// pairs.
pub fn with_margins(lists: &[Vec<Candidate>], pool: &Side, params: &ScoreParams) -> Vec<Candidate> {
    let mut by_pool: Vec<Vec<f64>> = vec![Vec::new(); pool.items.len()];
    for c in lists.iter().flatten() {
        if let Some(v) = by_pool.get_mut(c.pool) {
            v.push(c.score);
        }
    }
    let r_pool: Vec<f64> = by_pool
        .iter_mut()
        .map(|v| mean_top_k(v, params.k))
        .collect();
    // by_pool is sorted best first now: the two best scores of each pool entry.
    let top2 = |v: &[f64]| (v.first().copied(), v.get(1).copied());
    let pool_top: Vec<(Option<f64>, Option<f64>)> = by_pool.iter().map(|v| top2(v)).collect();
    let mut out = Vec::new();
    for list in lists {
        let mut scores: Vec<f64> = list.iter().map(|c| c.score).collect();
        let r_q = mean_top_k(&mut scores, params.k);
        let q_top = top2(&scores);
        for mut c in list.iter().copied() {
            let r_p = r_pool.get(c.pool).copied().unwrap_or(0.0);
            c.margin = c.score - (r_q + r_p) / 2.0;
            let p_top = pool_top.get(c.pool).copied().unwrap_or((None, None));
            c.gap = c.score - best_other(q_top, c.score).max(best_other(p_top, c.score));
            out.push(c);
        }
    }
    out
}

/// The best score other than `own` among the two best (a tie counts as another).
fn best_other((a, b): (Option<f64>, Option<f64>), own: f64) -> f64 {
    match (a, b) {
        (Some(a), _) if a > own => a,
        (Some(_), Some(b)) => b,
        _ => 0.0,
    }
}

/// One-to-one assignment, greedy by margin (then score, then indices): each query and each pool
/// item is used at most once. Returns, per query, its assigned candidate.
pub fn assign(cands: &[Candidate], n_queries: usize, n_pool: usize) -> Vec<Option<Candidate>> {
    let mut q_done: Vec<Option<Candidate>> = vec![None; n_queries];
    fill_greedily(cands, &mut q_done, n_pool);
    q_done
}

/// Completes an assignment greedily by margin (then score, then indices): queries without a
/// pool entry take their best candidate whose pool entry is still free.
pub fn fill_greedily(cands: &[Candidate], assigned: &mut [Option<Candidate>], n_pool: usize) {
    let mut order: Vec<&Candidate> = cands.iter().collect();
    order.sort_by(|a, b| {
        b.margin
            .total_cmp(&a.margin)
            .then(b.score.total_cmp(&a.score))
            .then(a.query.cmp(&b.query))
            .then(a.pool.cmp(&b.pool))
    });
    let mut p_used = vec![false; n_pool];
    for c in assigned.iter().flatten() {
        if let Some(u) = p_used.get_mut(c.pool) {
            *u = true;
        }
    }
    for c in order {
        let (Some(slot), Some(used)) = (assigned.get_mut(c.query), p_used.get_mut(c.pool)) else {
            continue;
        };
        if slot.is_some() || *used {
            continue;
        }
        *slot = Some(*c);
        *used = true;
    }
}

/// Most leftover pairs compared exhaustively in the second round.
const SECOND_ROUND_PAIRS: usize = 1_000_000;

/// Gives queries left without a pool entry (all their candidates went to other queries) a second
/// chance: leftover queries and leftover pool entries are compared exhaustively (when few enough)
/// and assigned greedily by score. Such pairs lost their best candidates to other queries, so they
/// are never accepted (their gap is −1); they still give the best remaining answer (top-1).
pub fn second_round(
    queries: &Side,
    pool: &Side,
    assigned: &mut [Option<Candidate>],
    params: &ScoreParams,
) {
    let q_left: Vec<usize> = (0..assigned.len())
        .filter(|&i| assigned.get(i).is_some_and(|a| a.is_none()))
        .collect();
    let mut p_used = vec![false; pool.items.len()];
    for c in assigned.iter().flatten() {
        if let Some(u) = p_used.get_mut(c.pool) {
            *u = true;
        }
    }
    let p_left: Vec<usize> = (0..pool.items.len()).filter(|&j| !p_used[j]).collect();
    if q_left.is_empty()
        || p_left.is_empty()
        || q_left.len().saturating_mul(p_left.len()) > SECOND_ROUND_PAIRS
    {
        return;
    }
    let ratios = expected_ratios(queries, pool);
    let ratios = &ratios;
    let p_left = &p_left;
    let mut pairs: Vec<Candidate> = q_left
        .par_iter()
        .map_init(PairScorer::default, |scorer, &qi| {
            let Some(q) = queries.items.get(qi) else {
                return Vec::new();
            };
            scorer.load(q);
            p_left
                .iter()
                .filter_map(|&pj| {
                    let p = pool.items.get(pj)?;
                    let r = ratios.get(p.group).copied().unwrap_or(0.0);
                    let (score, content) = scorer.evidence(q, p, r, params);
                    (score > 0.0).then_some(Candidate {
                        query: qi,
                        pool: pj,
                        score,
                        margin: 0.0,
                        gap: -1.0,
                        content,
                    })
                })
                .collect::<Vec<_>>()
        })
        .flatten_iter()
        .collect();
    // Margins against the leftover neighbourhood of the query.
    let mut by_q: Vec<Vec<f64>> = vec![Vec::new(); assigned.len()];
    for c in &pairs {
        if let Some(v) = by_q.get_mut(c.query) {
            v.push(c.score);
        }
    }
    let r_q: Vec<f64> = by_q.iter_mut().map(|v| mean_top_k(v, params.k)).collect();
    for c in &mut pairs {
        c.margin = c.score - r_q.get(c.query).copied().unwrap_or(0.0);
    }
    pairs.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.query.cmp(&b.query))
            .then(a.pool.cmp(&b.pool))
    });
    for c in pairs {
        let free_q = assigned.get(c.query).is_some_and(|a| a.is_none());
        let free_p = p_used.get(c.pool).is_some_and(|u| !u);
        if free_q && free_p {
            assigned[c.query] = Some(c);
            p_used[c.pool] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(query: usize, pool: usize, margin: f64) -> Candidate {
        Candidate {
            query,
            pool,
            score: margin,
            margin,
            gap: 0.0,
            content: 1,
        }
    }

    #[test]
    fn assignment_is_one_to_one_by_margin() {
        let c = vec![cand(0, 0, 0.5), cand(1, 0, 0.6), cand(0, 1, 0.3)];
        let a = assign(&c, 2, 2);
        assert_eq!(a[1].map(|c| c.pool), Some(0));
        assert_eq!(a[0].map(|c| c.pool), Some(1));
    }

    /// A short translation that covers the query whole is a candidate even when long pool
    /// entries hold the same words among many others (raw weight sums would rank them first).
    #[test]
    fn blocking_ranks_by_covered_share_not_by_raw_weight() {
        use crate::align::anchors::Stemmers;
        use crate::align::lexicon::Lexicon;
        use crate::align::mine::side::{Interner, Role, Translations};
        use crate::doc::Lang;
        let (en, ru) = (
            Lang::new("en").unwrap_or_default(),
            Lang::new("ru").unwrap_or_default(),
        );
        let lex = Lexicon::from_pairs([("what", "что"), ("you", "ты"), ("doing", "делаешь")]);
        let stemmers = Stemmers::new();
        let mut keys = Interner::default();
        let tr = Translations::build(&[&lex], &[en], &[ru], &stemmers, &mut keys);
        let long = "Ты знаешь, что ты делаешь, когда мама с папой уезжают в город на ярмарку?";
        let pool = [
            (long, ru),
            (
                "Что ты делаешь в субботу вечером, когда все друзья уехали?",
                ru,
            ),
            (
                "Скажи, что ты делаешь с этими старыми газетами и журналами?",
                ru,
            ),
            ("Что ты делаешь?", ru),
        ];
        let q = Side::build(
            &[("What are you doing?", en)],
            Role::Query,
            &stemmers,
            &tr,
            &mut keys,
        );
        let p = Side::build(&pool, Role::Pool, &stemmers, &tr, &mut keys);
        let params = ScoreParams {
            candidates: 1,
            ..ScoreParams::default()
        };
        let got = candidates(&q, &p, keys.len(), &params);
        assert_eq!(got[0].first().map(|c| c.pool), Some(3), "{got:?}");
    }

    #[test]
    fn top_k_mean_pads_with_zero() {
        assert!((mean_top_k(&mut [0.8, 0.2], 4) - 0.25).abs() < 1e-9);
        assert!((mean_top_k(&mut [0.1, 0.9, 0.5, 0.4, 0.3], 2) - 0.7).abs() < 1e-9);
    }
}
