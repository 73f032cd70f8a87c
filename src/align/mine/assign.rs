//! The one-to-one assignment of scored candidates as a whole: the pairs with the largest total
//! margin (a forward auction over the sparse candidate lists), instead of pairs taken one by one
//! in order of margin. Greedy order lets one strong but wrong pair take an entry whose own query
//! then falls back to a worse one; the total weighs both.

use std::collections::VecDeque;

use super::search::{fill_greedily, Candidate};

/// Price step of the auction: the total margin found is within `queries × EPSILON` of the
/// largest one.
const EPSILON: f64 = 1e-4;

/// Most bids per candidate pair before the auction is given up for the greedy assignment (a
/// bound on the time of price wars between near-equal candidates).
const BIDS_PER_PAIR: usize = 32;

/// One-to-one assignment: the pairs of positive margin whose total margin is largest, then the
/// queries left over take their best free candidate in order of margin (as
/// [`super::search::assign`] does for all). Returns, per query, its assigned candidate.
pub fn assign(cands: &[Candidate], n_queries: usize, n_pool: usize) -> Vec<Option<Candidate>> {
    let mut assigned = auction(cands, n_queries, n_pool).unwrap_or_else(|| vec![None; n_queries]);
    fill_greedily(cands, &mut assigned, n_pool);
    assigned
}

/// The forward auction (Bertsekas): queries bid for pool entries at the margin minus the entry's
/// price; staying unassigned is worth 0. Bidders are served in query order, ties go to the lower
/// pool index, so the result is deterministic. `None` when the bid budget runs out.
fn auction(cands: &[Candidate], n_queries: usize, n_pool: usize) -> Option<Vec<Option<Candidate>>> {
    let mut edges: Vec<Vec<&Candidate>> = vec![Vec::new(); n_queries];
    let mut n_edges = 0usize;
    for c in cands.iter().filter(|c| c.margin > 0.0) {
        if c.pool < n_pool {
            if let Some(list) = edges.get_mut(c.query) {
                list.push(c);
                n_edges += 1;
            }
        }
    }
    for list in &mut edges {
        list.sort_by_key(|c| c.pool);
        list.dedup_by_key(|c| c.pool);
    }
    let mut price = vec![0f64; n_pool];
    let mut owner: Vec<Option<usize>> = vec![None; n_pool];
    let mut held: Vec<Option<&Candidate>> = vec![None; n_queries];
    let mut queue: VecDeque<usize> = (0..n_queries).collect();
    let mut budget = n_edges
        .saturating_mul(BIDS_PER_PAIR)
        .saturating_add(n_queries);
    while let Some(q) = queue.pop_front() {
        budget = budget.checked_sub(1)?;
        let Some(list) = edges.get(q) else { continue };
        // Best and second-best net value; the empty choice is worth 0.
        let mut best: Option<&Candidate> = None;
        let (mut v1, mut v2) = (0.0f64, 0.0f64);
        for &c in list {
            let v = c.margin - price[c.pool];
            if v > v1 {
                v2 = v1;
                v1 = v;
                best = Some(c);
            } else if v > v2 {
                v2 = v;
            }
        }
        let Some(c) = best else { continue };
        price[c.pool] += v1 - v2 + EPSILON;
        if let Some(prev) = owner[c.pool].replace(q) {
            held[prev] = None;
            queue.push_back(prev);
        }
        held[q] = Some(c);
    }
    Some(held.into_iter().map(|c| c.copied()).collect())
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

    fn pools(a: &[Option<Candidate>]) -> Vec<Option<usize>> {
        a.iter().map(|c| c.map(|c| c.pool)).collect()
    }

    #[test]
    fn the_largest_total_wins_over_the_largest_single_pair() {
        // Greedy would give entry 0 to query 1 (0.6) and leave query 0 with 0.1: total 0.7.
        // Query 0 taking entry 0 (0.5) and query 1 entry 1 (0.5) totals 1.0.
        let c = vec![
            cand(0, 0, 0.5),
            cand(0, 1, 0.1),
            cand(1, 0, 0.6),
            cand(1, 1, 0.5),
        ];
        assert_eq!(pools(&assign(&c, 2, 2)), vec![Some(0), Some(1)]);
        assert_eq!(
            pools(&crate::align::mine::search::assign(&c, 2, 2)),
            vec![Some(1), Some(0)]
        );
    }

    #[test]
    fn every_entry_serves_one_query_and_leftovers_still_get_an_answer() {
        // Three queries want the same entry; the two that lose it take what is left, even a
        // pair of negative margin (an answer, never accepted on margin).
        let c = vec![
            cand(0, 0, 0.9),
            cand(1, 0, 0.8),
            cand(1, 1, 0.3),
            cand(2, 0, 0.7),
            cand(2, 2, -0.1),
        ];
        let a = pools(&assign(&c, 3, 3));
        assert_eq!(a, vec![Some(0), Some(1), Some(2)]);
    }

    #[test]
    fn the_same_candidates_in_any_order_give_the_same_assignment() {
        let mut c = vec![
            cand(0, 0, 0.4),
            cand(0, 1, 0.4),
            cand(1, 0, 0.4),
            cand(1, 1, 0.4),
            cand(2, 1, 0.2),
        ];
        let first = pools(&assign(&c, 3, 2));
        c.reverse();
        assert_eq!(pools(&assign(&c, 3, 2)), first);
        assert_eq!(first.iter().flatten().count(), 2);
    }
}
