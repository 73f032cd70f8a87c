//! A length-based sentence aligner (Gale & Church 1993), banded around the diagonal: the
//! stand-in aligner of `talign run` until the feature-based `align` module is merged.

use crate::doc::Link;

/// (source count, target count, prior probability) of each link shape.
const SHAPES: [(usize, usize, f64); 6] = [
    (1, 1, 0.89),
    (1, 0, 0.0099 / 2.0),
    (0, 1, 0.0099 / 2.0),
    (2, 1, 0.089 / 2.0),
    (1, 2, 0.089 / 2.0),
    (2, 2, 0.011),
];

/// Target characters per source character, and the variance of that ratio (Gale & Church).
const RATIO: f64 = 1.0;
const VARIANCE: f64 = 6.8;
/// Half-width of the band around the diagonal, in sentences (widened by the length gap).
const BAND: usize = 60;

/// The standard normal upper tail, `P(Z > z)`, by the Abramowitz–Stegun 26.2.17 formula.
fn upper_tail(z: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * z);
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    (-z * z / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly
}

/// The cost (−log probability) of linking `ls` source characters to `lt` target characters.
fn cost(ls: usize, lt: usize, prior: f64) -> f64 {
    let (ls, lt) = (ls as f64, lt as f64);
    let mean = (ls + lt / RATIO) / 2.0;
    let z = if mean > 0.0 {
        ((lt - ls * RATIO) / (mean * VARIANCE).sqrt()).abs()
    } else {
        0.0
    };
    let p = (2.0 * upper_tail(z)).max(1e-12);
    -(prior.ln()) - p.ln()
}

/// Aligns sentences by length: a monotonic sequence of 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 links
/// covering every sentence once, each scored `exp(−cost)` (higher is better).
pub fn length_align(src: &[&str], tgt: &[&str]) -> Vec<Link> {
    let (n, m) = (src.len(), tgt.len());
    let ls: Vec<usize> = src.iter().map(|s| s.chars().count()).collect();
    let lt: Vec<usize> = tgt.iter().map(|s| s.chars().count()).collect();
    let band = BAND + n.abs_diff(m);
    let range = |i: usize| {
        let centre = (i * m).checked_div(n).unwrap_or(m);
        (centre.saturating_sub(band), (centre + band).min(m))
    };
    // cost and back-pointer (shape index) per cell, row i stored from column lo(i).
    let mut rows: Vec<(usize, Vec<f64>, Vec<u8>)> = Vec::with_capacity(n + 1);
    for i in 0..=n {
        let (lo, hi) = range(i);
        let mut costs = vec![f64::INFINITY; hi - lo + 1];
        let mut back = vec![u8::MAX; hi - lo + 1];
        for j in lo..=hi {
            if i == 0 && j == 0 {
                costs[0] = 0.0;
                continue;
            }
            for (k, &(di, dj, prior)) in SHAPES.iter().enumerate() {
                if di > i || dj > j {
                    continue;
                }
                let (pi, pj) = (i - di, j - dj);
                let prev = if pi == i {
                    (j - dj >= lo).then(|| costs[j - dj - lo])
                } else {
                    rows.get(pi).and_then(|(plo, pc, _)| {
                        pj.checked_sub(*plo).and_then(|o| pc.get(o).copied())
                    })
                };
                let Some(prev) = prev.filter(|c| c.is_finite()) else {
                    continue;
                };
                let c = prev + cost(ls[pi..i].iter().sum(), lt[pj..j].iter().sum(), prior);
                if c < costs[j - lo] {
                    costs[j - lo] = c;
                    back[j - lo] = k as u8;
                }
            }
        }
        rows.push((lo, costs, back));
    }
    trace_back(&rows, n, m)
}

fn trace_back(rows: &[(usize, Vec<f64>, Vec<u8>)], n: usize, m: usize) -> Vec<Link> {
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some((lo, costs, back)) = rows.get(i) else {
            break;
        };
        let Some(&(di, dj, _)) = j
            .checked_sub(*lo)
            .and_then(|o| back.get(o))
            .and_then(|&k| SHAPES.get(k as usize))
        else {
            break;
        };
        let here = costs.get(j - lo).copied().unwrap_or(f64::INFINITY);
        let before = rows
            .get(i - di)
            .and_then(|(plo, pc, _)| (j - dj).checked_sub(*plo).and_then(|o| pc.get(o).copied()))
            .unwrap_or(0.0);
        links.push(Link {
            src: (i - di..i).collect(),
            tgt: (j - dj..j).collect(),
            score: (-(here - before)).exp(),
        });
        i -= di;
        j -= dj;
    }
    links.reverse();
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_lengths_align_one_to_one() {
        let s = ["aaaa aaaa", "bbbbbbbbbbbbbbbbbbbb", "cc"];
        let t = ["xxxx xxxx", "yyyyyyyyyyyyyyyyyyy", "zz"];
        let links = length_align(&s, &t);
        let shape: Vec<_> = links
            .iter()
            .map(|l| (l.src.clone(), l.tgt.clone()))
            .collect();
        assert_eq!(
            shape,
            vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
        );
        assert!(links.iter().all(|l| l.score > 0.0 && l.score <= 1.0));
    }

    #[test]
    fn a_merged_sentence_is_a_two_to_one_link() {
        let s = [
            "short one here.",
            "another short one.",
            "a third sentence, longer than the rest.",
        ];
        let t = [
            "short one here. another short one.",
            "a third sentence, longer than the rest!",
        ];
        let links = length_align(&s, &t);
        assert_eq!(links[0].src, vec![0, 1]);
        assert_eq!(links[0].tgt, vec![0]);
    }

    #[test]
    fn empty_sides() {
        assert!(length_align(&[], &[]).is_empty());
        assert_eq!(length_align(&["a"], &[]).len(), 1);
    }
}
