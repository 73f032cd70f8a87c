//! The last resort for queries the assignment and the second round left without a pool entry:
//! a query whose candidates all went to other queries reports its best candidate (an entry no
//! query holds first); a query with no candidate at all (all its words missed the blocking
//! keys, as short idiomatic sentences do) is scored exactly against the pool entries nearest to
//! it in length, unused entries first, and reports the best. Such answers are never accepted;
//! they are the best remaining guess (top-1), so no query of a non-empty pool goes without one.

use rayon::prelude::*;

use super::exact::PairScorer;
use super::search::{expected_ratios, mean_top_k, Candidate, ScoreParams};
use super::side::Side;

/// Most pool entries scored for one query without candidates (all of them in pools up to
/// this size).
pub const FALLBACK_SCAN: usize = 2048;

/// Gives every unanswered query (`None` in `assigned`) a pool entry: its best-scoring candidate
/// from `cands` (entries no query holds first), or, for a query without candidates, its best
/// pool entry by exact score among the [`FALLBACK_SCAN`] entries closest to the expected length
/// (entries no query holds first). Ties go to the closer length, then the lower index. The
/// answers have gap −1 (never accepted) and may share a pool entry with another answer.
pub fn answer_the_rest(
    queries: &Side,
    pool: &Side,
    cands: &[Candidate],
    assigned: &mut [Option<Candidate>],
    params: &ScoreParams,
) {
    if pool.items.is_empty() || assigned.iter().all(Option::is_some) {
        return;
    }
    let mut used = vec![false; pool.items.len()];
    for c in assigned.iter().flatten() {
        if let Some(u) = used.get_mut(c.pool) {
            *u = true;
        }
    }
    // Best own candidate: unused entries before used ones, then by score.
    let mut own: Vec<Option<Candidate>> = vec![None; assigned.len()];
    for c in cands {
        let free = !used.get(c.pool).copied().unwrap_or(true);
        let Some(slot) = own.get_mut(c.query) else {
            continue;
        };
        let better = slot.is_none_or(|b| {
            let b_free = !used.get(b.pool).copied().unwrap_or(true);
            (free, c.score, std::cmp::Reverse(c.pool))
                > (b_free, b.score, std::cmp::Reverse(b.pool))
        });
        if better {
            *slot = Some(*c);
        }
    }
    for (slot, best) in assigned.iter_mut().zip(own) {
        if slot.is_none() {
            *slot = best.map(|c| Candidate { gap: -1.0, ..c });
        }
    }
    let left: Vec<usize> = (0..assigned.len())
        .filter(|&i| assigned.get(i).is_some_and(Option::is_none))
        .collect();
    if left.is_empty() {
        return;
    }
    let ratios = expected_ratios(queries, pool);
    // Pool entries by log length shifted by their group's expected ratio, unused ones apart.
    let shifted = |j: usize| -> f64 {
        pool.items.get(j).map_or(0.0, |p| {
            (p.len + 1.0).ln() + ratios.get(p.group).copied().unwrap_or(0.0)
        })
    };
    let sorted = |keep: &dyn Fn(usize) -> bool| -> Vec<(f64, usize)> {
        let mut v: Vec<(f64, usize)> = (0..pool.items.len())
            .filter(|&j| keep(j))
            .map(|j| (shifted(j), j))
            .collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        v
    };
    let free = sorted(&|j| !used.get(j).copied().unwrap_or(true));
    let all = if free.is_empty() {
        sorted(&|_| true)
    } else {
        free
    };
    let answers: Vec<(usize, Candidate)> = left
        .par_iter()
        .map_init(PairScorer::default, |scorer, &qi| {
            let q = queries.items.get(qi)?;
            let target = (q.len + 1.0).ln();
            let window = nearest(&all, target, FALLBACK_SCAN);
            let mut best: Option<(f64, f64, usize, u32)> = None;
            let mut scores = Vec::with_capacity(window.len());
            scorer.load(q);
            for &(len, j) in window {
                let p = pool.items.get(j)?;
                let r = ratios.get(p.group).copied().unwrap_or(0.0);
                let (score, content) = scorer.evidence(q, p, r, params);
                scores.push(score);
                let dist = (len - target).abs();
                let better = best.is_none_or(|(bs, bd, bj, _)| {
                    score > bs || (score == bs && (dist < bd || (dist == bd && j < bj)))
                });
                if better {
                    best = Some((score, dist, j, content));
                }
            }
            let (score, _, pool_idx, content) = best?;
            let margin = score - mean_top_k(&mut scores, params.k);
            Some((
                qi,
                Candidate {
                    query: qi,
                    pool: pool_idx,
                    score,
                    margin,
                    gap: -1.0,
                    content,
                },
            ))
        })
        .flatten()
        .collect();
    for (qi, c) in answers {
        if let Some(slot) = assigned.get_mut(qi) {
            *slot = Some(c);
        }
    }
}

/// The `n` entries of a sorted list closest to `target` (a contiguous window).
fn nearest(sorted: &[(f64, usize)], target: f64, n: usize) -> &[(f64, usize)] {
    if sorted.len() <= n {
        return sorted;
    }
    let mid = sorted.partition_point(|&(v, _)| v < target);
    let (mut lo, mut hi) = (mid, mid);
    while hi - lo < n {
        let take_low = match (lo.checked_sub(1), sorted.get(hi)) {
            (Some(l), Some(h)) => target - sorted.get(l).map_or(f64::MAX, |x| x.0) <= h.0 - target,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if take_low {
            lo -= 1;
        } else {
            hi += 1;
        }
    }
    sorted.get(lo..hi).unwrap_or(sorted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_holds_the_entries_nearest_the_target() {
        let v: Vec<(f64, usize)> = (0..10).map(|i| (i as f64, i)).collect();
        let w: Vec<usize> = nearest(&v, 6.2, 3).iter().map(|x| x.1).collect();
        assert_eq!(w, vec![5, 6, 7]);
        assert_eq!(nearest(&v, -5.0, 2).len(), 2);
        assert_eq!(nearest(&v, 50.0, 2)[0].1, 8);
        assert_eq!(nearest(&v, 1.0, 20).len(), 10);
    }
}
