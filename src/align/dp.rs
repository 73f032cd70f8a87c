//! The monotonic dynamic program over link types, restricted to a band of allowed states so
//! that memory grows with the band, not with the product of the two lengths.

/// Allowed DP states: for each source prefix length `i` (0..=n), the target prefix lengths
/// `lo[i]..=hi[i]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    m: usize,
}

impl Band {
    /// Every state: the full n·m table (for small inputs).
    pub fn full(n: usize, m: usize) -> Self {
        Band {
            lo: vec![0; n + 1],
            hi: vec![m; n + 1],
            m,
        }
    }

    /// A band from per-row column ranges (`ranges[i]` for i in 0..=n, inclusive), repaired so
    /// that it holds both corners and every row connects to the next.
    pub fn from_ranges(ranges: Vec<(usize, usize)>, m: usize) -> Self {
        let n1 = ranges.len().max(1);
        let mut lo: Vec<usize> = ranges.iter().map(|r| r.0.min(m)).collect();
        let mut hi: Vec<usize> = ranges.iter().map(|r| r.1.min(m)).collect();
        lo.resize(n1, m);
        hi.resize(n1, m);
        lo[0] = 0;
        hi[n1 - 1] = m;
        // Monotone edges: lo never decreases, hi never decreases.
        for i in 1..n1 {
            lo[i] = lo[i].max(lo[i - 1]);
            hi[i] = hi[i].max(hi[i - 1]);
        }
        for i in (0..n1 - 1).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 0..n1 {
            hi[i] = hi[i].max(lo[i]);
        }
        // Row i+1 must overlap row i so a (1,0) step can always be taken.
        for i in 0..n1 - 1 {
            if lo[i + 1] > hi[i] {
                lo[i + 1] = hi[i];
            }
        }
        Band { lo, hi, m }
    }

    /// Number of states in the band.
    pub fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h - l + 1).sum()
    }

    /// The allowed columns of row `i`.
    pub fn row(&self, i: usize) -> (usize, usize) {
        (
            self.lo.get(i).copied().unwrap_or(0),
            self.hi.get(i).copied().unwrap_or(self.m),
        )
    }
}

/// One link found by the search: `a` source units from `i`, `b` target units from `j`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// First source unit.
    pub i: usize,
    /// Number of source units.
    pub a: usize,
    /// First target unit.
    pub j: usize,
    /// Number of target units.
    pub b: usize,
    /// The link's score.
    pub score: f64,
}

/// Finds the best-scoring monotonic sequence of links covering `n` source and `m` target units,
/// using link types `types` (pairs of unit counts) and states within `band`.
///
/// `score(i, a, j, b, floor)` rates a link of `a` source units from `i` and `b` target units
/// from `j`; higher is better. A link scoring at most `floor` cannot win, so the scorer may
/// return any value ≤ `floor` for it without finishing its work. Ties go to the type listed
/// first, so the result is deterministic.
pub fn search<F>(n: usize, m: usize, band: &Band, types: &[(usize, usize)], score: F) -> Vec<Step>
where
    F: Fn(usize, usize, usize, usize, f64) -> f64,
{
    let mut offset = Vec::with_capacity(n + 2);
    let mut total = 0usize;
    for i in 0..=n {
        offset.push(total);
        let (lo, hi) = band.row(i);
        total += hi - lo + 1;
    }
    let mut best = vec![f64::NEG_INFINITY; total];
    let mut back = vec![u8::MAX; total];
    let at = |i: usize, j: usize| -> Option<usize> {
        let (lo, hi) = band.row(i);
        (j >= lo && j <= hi).then(|| offset[i] + j - lo)
    };
    if let Some(k) = at(0, 0) {
        best[k] = 0.0;
    }
    for i in 0..=n {
        let (lo, hi) = band.row(i);
        for j in lo..=hi {
            let Some(here) = at(i, j) else { continue };
            for (t, &(a, b)) in types.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(prev) = at(i - a, j - b) else {
                    continue;
                };
                let base = best[prev];
                if base == f64::NEG_INFINITY {
                    continue;
                }
                let s = base + score(i - a, a, j - b, b, best[here] - base);
                if s > best[here] {
                    best[here] = s;
                    back[here] = t as u8;
                }
            }
        }
    }
    backtrack(n, m, &best, &back, types, &at)
}

/// Follows the back pointers from (n, m) to (0, 0).
fn backtrack(
    n: usize,
    m: usize,
    best: &[f64],
    back: &[u8],
    types: &[(usize, usize)],
    at: &dyn Fn(usize, usize) -> Option<usize>,
) -> Vec<Step> {
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(here) = at(i, j) else { break };
        let Some(&(a, b)) = types.get(back[here] as usize) else {
            break;
        };
        let (pi, pj) = (i - a, j - b);
        let prev_score = at(pi, pj).map_or(0.0, |p| best[p]);
        steps.push(Step {
            i: pi,
            a,
            j: pj,
            b,
            score: best[here] - prev_score,
        });
        i = pi;
        j = pj;
    }
    if i > 0 || j > 0 {
        // Unreachable corner (cannot happen with a repaired band): fall back to deletions.
        steps.clear();
        steps.extend((0..n).rev().map(|k| Step {
            i: k,
            a: 1,
            j: m,
            b: 0,
            score: 0.0,
        }));
        steps.extend((0..m).rev().map(|k| Step {
            i: 0,
            a: 0,
            j: k,
            b: 1,
            score: 0.0,
        }));
    }
    steps.reverse();
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPES: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];

    /// Scores links by how well unit lengths add up: a tiny length-only aligner.
    fn by_length<'a>(
        src: &'a [f64],
        tgt: &'a [f64],
    ) -> impl Fn(usize, usize, usize, usize, f64) -> f64 + 'a {
        move |i, a, j, b, _| {
            if a == 0 || b == 0 {
                return -3.0;
            }
            let s: f64 = src[i..i + a].iter().sum();
            let t: f64 = tgt[j..j + b].iter().sum();
            -(s - t).abs() - 0.5 * (a + b - 2) as f64
        }
    }

    fn pairs(steps: &[Step]) -> Vec<(usize, usize, usize, usize)> {
        steps.iter().map(|s| (s.i, s.a, s.j, s.b)).collect()
    }

    #[test]
    fn finds_merges_and_deletions() {
        let src = [10.0, 20.0, 5.0, 30.0];
        let tgt = [10.0, 12.0, 8.0, 5.0, 50.0, 30.0];
        let steps = search(4, 6, &Band::full(4, 6), &TYPES, by_length(&src, &tgt));
        assert_eq!(
            pairs(&steps),
            vec![
                (0, 1, 0, 1),
                (1, 1, 1, 2),
                (2, 1, 3, 1),
                (3, 0, 4, 1),
                (3, 1, 5, 1)
            ]
        );
    }

    #[test]
    fn empty_sides() {
        assert!(search(0, 0, &Band::full(0, 0), &TYPES, |_, _, _, _, _| 0.0).is_empty());
        let steps = search(0, 2, &Band::full(0, 2), &TYPES, |_, _, _, _, _| -1.0);
        assert_eq!(pairs(&steps), vec![(0, 0, 0, 1), (0, 0, 1, 1)]);
    }

    #[test]
    fn narrow_band_gives_same_path_when_it_contains_it() {
        let src: Vec<f64> = (0..50).map(|k| (k * 7 % 13) as f64 + 1.0).collect();
        let tgt = src.clone();
        let ranges: Vec<(usize, usize)> = (0..=50usize)
            .map(|i| (i.saturating_sub(2), i + 2))
            .collect();
        let band = Band::from_ranges(ranges, 50);
        assert!(band.cells() < 51 * 6);
        let full = search(50, 50, &Band::full(50, 50), &TYPES, by_length(&src, &tgt));
        let banded = search(50, 50, &band, &TYPES, by_length(&src, &tgt));
        assert_eq!(pairs(&full), pairs(&banded));
        assert!(full.iter().all(|s| s.a == 1 && s.b == 1 && s.i == s.j));
    }

    #[test]
    fn repaired_band_is_connected() {
        let band = Band::from_ranges(vec![(5, 6), (0, 1), (9, 9)], 9);
        assert_eq!(band.row(0), (0, 6));
        let steps = search(2, 9, &band, &TYPES, |_, _, _, _, _| -1.0);
        let a: usize = steps.iter().map(|s| s.a).sum();
        let b: usize = steps.iter().map(|s| s.b).sum();
        assert_eq!((a, b), (2, 9));
    }
}
