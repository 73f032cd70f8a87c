//! Coarse-to-fine search bands: long documents are first aligned as blocks of sentences
//! (summed hashed bag vectors and summed lengths), and each finer level searches only near the
//! coarser path, so memory and time grow with the document length, not with its square.

use super::dp::{self, Band, Step};
use super::length::LengthModel;
use super::score::SideBags;

/// Dimensions of the hashed sketch vector of a unit.
const DIM: usize = 64;

/// Inputs up to this many DP states are searched in full.
pub const FULL_SEARCH_CELLS: usize = 200_000;

/// Sentences per block at each coarser level.
const FACTOR: usize = 8;

/// Link types at the coarse levels (in blocks).
const COARSE_TYPES: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];

/// The units of one level: lengths and hashed bag sketches.
#[derive(Debug, Clone, Default)]
pub struct Units {
    len: Vec<f64>,
    sketch: Vec<[f32; DIM]>,
}

/// A 64-bit mixer (splitmix64's finaliser) for hashing keys into sketch dimensions.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

impl Units {
    /// The sentence-level units of one side.
    pub fn sentences(side: &SideBags) -> Self {
        let n = side.len_prefix.len().saturating_sub(1);
        let mut units = Units::default();
        for i in 0..n {
            let (bag, _) = side.span(i, 1);
            let mut s = [0.0f32; DIM];
            for &(k, w) in bag {
                let h = mix(u64::from(k));
                let d = (h % DIM as u64) as usize;
                s[d] += if h & (1 << 40) != 0 { w } else { -w };
            }
            units.len.push(side.length(i, 1));
            units.sketch.push(s);
        }
        units
    }

    /// Number of units.
    pub fn len(&self) -> usize {
        self.len.len()
    }

    /// True when there are no units.
    pub fn is_empty(&self) -> bool {
        self.len.is_empty()
    }

    /// The next coarser level: blocks of `FACTOR` consecutive units.
    fn group(&self) -> Units {
        let mut out = Units::default();
        for chunk in 0..self.len().div_ceil(FACTOR) {
            let range = chunk * FACTOR..((chunk + 1) * FACTOR).min(self.len());
            let mut s = [0.0f32; DIM];
            for u in &self.sketch[range.clone()] {
                for (d, v) in s.iter_mut().zip(u) {
                    *d += v;
                }
            }
            out.len.push(self.len[range].iter().sum());
            out.sketch.push(s);
        }
        out
    }

    /// Summed length and sketch of units `i..i+a`.
    fn span(&self, i: usize, a: usize) -> (f64, [f32; DIM]) {
        let mut s = [0.0f32; DIM];
        let mut l = 0.0;
        for u in i..(i + a).min(self.len()) {
            l += self.len[u];
            for (d, v) in s.iter_mut().zip(&self.sketch[u]) {
                *d += v;
            }
        }
        (l, s)
    }
}

fn cosine(a: &[f32; DIM], b: &[f32; DIM]) -> f64 {
    let (mut ab, mut aa, mut bb) = (0.0f32, 0.0f32, 0.0f32);
    for (x, y) in a.iter().zip(b) {
        ab += x * y;
        aa += x * x;
        bb += y * y;
    }
    if aa <= 0.0 || bb <= 0.0 {
        0.0
    } else {
        f64::from(ab / (aa.sqrt() * bb.sqrt()))
    }
}

/// Whether [`band_for`] gives `n` × `m` units the whole table (small enough to search whole).
pub fn searches_whole(n: usize, m: usize) -> bool {
    (n + 1).saturating_mul(m + 1) <= FULL_SEARCH_CELLS || n < 2 * FACTOR || m < 2 * FACTOR
}

/// The band to search at the level of `src`/`tgt` units: everything when small, otherwise the
/// neighbourhood of the path found one level coarser (recursively).
pub fn band_for(src: &Units, tgt: &Units, length: &LengthModel) -> Band {
    let (n, m) = (src.len(), tgt.len());
    if searches_whole(n, m) {
        return Band::full(n, m);
    }
    let (cs, ct) = (src.group(), tgt.group());
    let coarse_band = band_for(&cs, &ct, length);
    let score = |i: usize, a: usize, j: usize, b: usize, _floor: f64| -> f64 {
        if a == 0 || b == 0 {
            return -6.0;
        }
        let (ls, ss) = cs.span(i, a);
        let (lt, st) = ct.span(j, b);
        8.0 * cosine(&ss, &st) + length.log_prob(ls, lt) - 2.0 * (a + b - 2) as f64
    };
    let path = dp::search(cs.len(), ct.len(), &coarse_band, &COARSE_TYPES, score);
    widen(&path, FACTOR, 2 * FACTOR, n, m)
}

/// The band covering `boxes` (`(first row, last row, first column, last column)`, clamped to the
/// `n × m` grid by the caller) over rows `0..=n`; rows no box touches get the whole row.
fn band_of(
    boxes: impl IntoIterator<Item = (usize, usize, usize, usize)>,
    n: usize,
    m: usize,
) -> Band {
    let mut ranges: Vec<(usize, usize)> = vec![(usize::MAX, 0); n + 1];
    for (r0, r1, lo, hi) in boxes {
        for r in ranges.iter_mut().take(r1 + 1).skip(r0) {
            r.0 = r.0.min(lo);
            r.1 = r.1.max(hi);
        }
    }
    for r in ranges.iter_mut().filter(|r| r.0 == usize::MAX) {
        *r = (0, m);
    }
    Band::from_ranges(ranges, m)
}

/// The band of a finer level around a path of `steps` between units `scale` times larger,
/// widened by `margin` finer units on each side.
pub fn widen(steps: &[Step], scale: usize, margin: usize, n: usize, m: usize) -> Band {
    let boxes = steps.iter().map(|s| {
        (
            (s.i * scale).min(n),
            ((s.i + s.a) * scale).min(n),
            (s.j * scale).saturating_sub(margin),
            ((s.j + s.b) * scale + margin).min(m),
        )
    });
    band_of(boxes, n, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_tables_are_searched_whole_and_long_pairs_from_a_coarser_level() {
        assert!(searches_whole(140, 150));
        assert!(!searches_whole(100_000, 100_000));
    }

    #[test]
    fn widened_band_covers_path_and_margin() {
        let steps = vec![
            Step {
                i: 0,
                a: 1,
                j: 0,
                b: 1,
                score: 0.0,
            },
            Step {
                i: 1,
                a: 1,
                j: 1,
                b: 2,
                score: 0.0,
            },
        ];
        let band = widen(&steps, 4, 2, 8, 12);
        assert_eq!(band.row(0), (0, 6));
        assert_eq!(band.row(8), (2, 12));
        assert!(band.cells() < 9 * 13);
    }
}

/// Anchor points: sentence pairs that share a key found in exactly one sentence of each side
/// (a number, a name), reduced to the longest chain increasing on both sides.
pub fn anchors(src: &SideBags, tgt: &SideBags) -> Vec<(usize, usize)> {
    use std::collections::HashMap;
    /// The last sentence holding a key on one side, and in how many sentences it occurs.
    type Seen = (usize, u32);
    let mut seen: HashMap<u32, (Seen, Seen)> = HashMap::new();
    let n = src.len_prefix.len().saturating_sub(1);
    let m = tgt.len_prefix.len().saturating_sub(1);
    for i in 0..n {
        for &(k, _) in src.span(i, 1).0 {
            let e = seen.entry(k).or_insert(((0, 0), (0, 0)));
            e.0 = (i, e.0 .1 + 1);
        }
    }
    for j in 0..m {
        for &(k, _) in tgt.span(j, 1).0 {
            let e = seen.entry(k).or_insert(((0, 0), (0, 0)));
            e.1 = (j, e.1 .1 + 1);
        }
    }
    let mut points: Vec<(usize, usize)> = seen
        .values()
        .filter(|((_, cs), (_, ct))| *cs == 1 && *ct == 1)
        .map(|((i, _), (j, _))| (*i, *j))
        .collect();
    points.sort_unstable();
    points.dedup();
    longest_chain(&points)
}

/// The longest chain of points strictly increasing in both coordinates (patience sorting on the
/// second coordinate; points come sorted by the first). Ties resolve to the earliest points.
fn longest_chain(points: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[len] = index of the smallest-ending chain of length len+1
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; points.len()];
    let mut k = 0;
    while k < points.len() {
        // Points of one row go in together so no chain takes two points of the same row.
        let row = points[k].0;
        let end = points[k..].iter().take_while(|p| p.0 == row).count() + k;
        let mut updates = Vec::new();
        for (idx, &(_, j)) in points.iter().enumerate().take(end).skip(k) {
            let pos = tails.partition_point(|&t| points[t].1 < j);
            updates.push((pos, idx));
            prev[idx] = pos.checked_sub(1).map(|p| tails[p]);
        }
        for (pos, idx) in updates {
            if pos == tails.len() {
                tails.push(idx);
            } else if points[idx].1 < points[tails[pos]].1 {
                tails[pos] = idx;
            }
        }
        k = end;
    }
    let mut chain = Vec::new();
    let mut at = tails.last().copied();
    while let Some(idx) = at {
        chain.push(points[idx]);
        at = prev[idx];
    }
    chain.reverse();
    chain
}

/// The band between consecutive anchors (each gap's rectangle), widened by `margin`.
pub fn anchor_band(anchors: &[(usize, usize)], margin: usize, n: usize, m: usize) -> Band {
    let mut points = Vec::with_capacity(anchors.len() + 2);
    points.push((0, 0));
    points.extend(anchors.iter().copied().map(|(i, j)| (i + 1, j + 1)));
    points.push((n, m));
    let boxes = points.windows(2).map(|w| {
        let ((i1, j1), (i2, j2)) = (w[0], w[1]);
        (
            i1.saturating_sub(margin).min(n),
            (i2 + margin).min(n),
            j1.saturating_sub(margin),
            (j2 + margin).min(m),
        )
    });
    band_of(boxes, n, m)
}

#[cfg(test)]
mod anchor_tests {
    use super::*;

    #[test]
    fn chain_skips_crossing_points() {
        let pts = vec![(0, 0), (1, 5), (2, 1), (3, 2), (3, 3), (4, 4)];
        assert_eq!(longest_chain(&pts), vec![(0, 0), (2, 1), (3, 2), (4, 4)]);
        assert!(longest_chain(&[]).is_empty());
    }

    #[test]
    fn anchor_band_is_narrow_between_anchors() {
        let anchors: Vec<(usize, usize)> = (1..10).map(|k| (10 * k - 1, 10 * k - 1)).collect();
        let band = anchor_band(&anchors, 2, 100, 100);
        assert!(band.cells() < 101 * 101 / 4, "{}", band.cells());
        assert_eq!(band.row(100).1, 100);
        let (lo, hi) = band.row(10);
        assert!(lo <= 10 && hi >= 10);
    }
}
