//! Fits the confidence calibration of the language detector (`data/lang/calibration.tsv`) on a
//! gold folder `DIR/<lang>/{sentences,word-pairs,single-words}.txt`, the layout of lingua's test
//! data (`../shared/data/langid`).
//!
//! Every item is detected with every language allowed; where the n-gram model chose, its ranking
//! (best language, and each other candidate's gap behind it) gives one sample per pair of
//! languages the answer was between: the best and the gold language when the answer is wrong (a
//! miss), the best and its nearest rival when it is right (a hit). Each sibling pair with enough
//! samples gets its own logistic curve `min(slope · gap + intercept, cap)`, fitted by maximum
//! likelihood (Newton steps for slope and intercept, the cap chosen from a grid); unrelated
//! languages share one curve, and sibling pairs with few samples share another. A pair that even
//! long text separates less than 97% of the time is capped below 0.9: answers at 0.9 or more must
//! be right at least 97% of the time, for every language. Where the fitted curve turns confident
//! at a gap beyond which fewer than 98% of the pair's samples are right, its intercept is lowered
//! until it turns confident only where 98% are (or the pair is capped, if no gap is that safe).
//!
//! ```sh
//! cargo run --release --example fit_lang_calibration -- ../shared/data/langid > data/lang/calibration.tsv
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;
use talign::eval::langid::language_folders;
use talign::lang::{confidence, siblings::are_siblings, Detector, Ranking};
use talign::Lang;

/// Samples a pair needs for a curve of its own.
const MIN_SAMPLES: usize = 100;
/// Gaps beyond this (nats) are read as this, as `confidence` does.
const MAX_GAP: f64 = confidence::MAX_GAP as f64;
/// Caps tried (logits); 20 means none in practice.
const CAPS: [f64; 13] = [
    0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 8.0, 20.0,
];

/// (gap, right?) samples.
type Samples = Vec<(f64, bool)>;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: fit_lang_calibration DIR")?,
    );
    let detector = Detector::new(None);
    let mut rankings: Vec<(Lang, Ranking)> = Vec::new();
    for (gold, folder) in language_folders(&dir, None)? {
        for kind in ["sentences", "word-pairs", "single-words"] {
            let Ok(text) = std::fs::read_to_string(folder.join(format!("{kind}.txt"))) else {
                continue;
            };
            let items: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let found: Vec<Ranking> = items
                .par_iter()
                .filter_map(|item| detector.ranking(item))
                .collect();
            rankings.extend(found.into_iter().map(|r| (gold, r)));
        }
    }
    let mut pairs: BTreeMap<[Lang; 2], Samples> = BTreeMap::new();
    let mut siblings: Samples = Vec::new();
    let mut strangers: Samples = Vec::new();
    for (gold, r) in &rankings {
        let gap_of = |l: Lang| r.gaps.iter().find(|(o, _)| *o == l).map(|(_, g)| *g);
        let mut push = |other: Lang, gap: f32, right: bool| {
            let sample = ((f64::from(gap)).min(MAX_GAP), right);
            if are_siblings(r.best, other) {
                let key = if r.best < other {
                    [r.best, other]
                } else {
                    [other, r.best]
                };
                pairs.entry(key).or_default().push(sample);
                siblings.push(sample);
            } else {
                strangers.push(sample);
            }
        };
        if *gold == r.best {
            // a hit: against the nearest sibling and the nearest stranger
            let nearest = |sib: bool| {
                r.gaps
                    .iter()
                    .filter(|(o, _)| are_siblings(r.best, *o) == sib)
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .copied()
            };
            for (other, gap) in [nearest(true), nearest(false)].into_iter().flatten() {
                push(other, gap, true);
            }
        } else if let Some(gap) = gap_of(*gold) {
            push(*gold, gap, false);
        }
    }
    println!(
        "# Calibration of the n-gram model's confidence (src/lang/confidence.rs): per pair of languages,\n\
         # logit = min(slope * gap + intercept, cap), gap in nats; `* *` any two unrelated languages,\n\
         # `~ ~` two siblings without a line of their own. Fitted on {} rankings of the dev data by\n\
         # examples/fit_lang_calibration.rs (samples: hits and misses per pair).",
        rankings.len()
    );
    print_line("*", "*", &strangers);
    print_line("~", "~", &siblings);
    for ([a, b], samples) in &pairs {
        if samples.len() >= MIN_SAMPLES {
            print_line(a.as_str(), b.as_str(), samples);
        }
    }
    Ok(())
}

/// A pair whose curve never rises above this probability (its cap, or its value at `MAX_GAP`) ...
const SEPARABLE: f64 = 0.97;
/// ... is capped here instead, below the confidence of a confident answer (0.9): on long text the
/// two are told apart less often than confident answers must be right, so none is confident.
const INSEPARABLE_CAP: f64 = 2.0;

/// Share of a pair's samples beyond the gap where the curve turns confident that must be right:
/// above [`SEPARABLE`], because a pair's samples mix both directions and only the nearest rival
/// of each hit, while the bar (97% right at 0.9 or more) holds per answered language.
const SAFE: f64 = 0.98;

/// Logit of the confidence of a confident answer (0.9).
const CONFIDENT_LOGIT: f64 = 2.197_224_577_336_219_6;

/// The intercept that makes the curve reach [`CONFIDENT_LOGIT`] only at gaps where at least
/// [`SAFE`] of the pair's samples are right: the fitted curve is a compromise over all
/// gaps, and a pair whose look-alike texts (Bosnian written as Croatian) sit far out in the
/// tail would otherwise give confident answers that are wrong too often. `None` when no gap is
/// that safe.
fn safe_intercept(slope: f64, intercept: f64, cap: f64, samples: &Samples) -> Option<f64> {
    let logit = |gap: f64| (slope * gap + intercept).min(cap);
    let precision_from = |gap: f64| {
        let (mut n, mut right) = (0usize, 0usize);
        for &(_, y) in samples.iter().filter(|s| s.0 >= gap) {
            n += 1;
            right += usize::from(y);
        }
        (n > 0).then(|| right as f64 / n as f64)
    };
    let mut gaps: Vec<f64> = samples.iter().map(|s| s.0).collect();
    gaps.sort_by(f64::total_cmp);
    gaps.dedup();
    // the gap where the fitted curve turns confident (none: no sample is answered confidently)
    let Some(start) = gaps.iter().copied().find(|&g| logit(g) >= CONFIDENT_LOGIT) else {
        return Some(intercept);
    };
    if precision_from(start).is_some_and(|p| p >= SAFE) {
        return Some(intercept);
    }
    let safe = gaps
        .iter()
        .copied()
        .filter(|&g| g > start)
        .find(|&g| precision_from(g).is_some_and(|p| p >= SAFE))?;
    Some(CONFIDENT_LOGIT - slope * safe)
}

fn print_line(a: &str, b: &str, samples: &Samples) {
    let (slope, fitted, mut cap) = fit(samples);
    let safe = safe_intercept(slope, fitted, cap, samples);
    let intercept = safe.unwrap_or(fitted);
    let top = cap.min(slope * MAX_GAP + intercept);
    let clamped = safe.is_none() || 1.0 / (1.0 + (-top).exp()) < SEPARABLE;
    if clamped {
        cap = cap.min(INSEPARABLE_CAP);
    }
    let cap = if cap >= 20.0 {
        "inf".to_string()
    } else {
        format!("{cap}")
    };
    let hits = samples.iter().filter(|s| s.1).count();
    println!(
        "{a}\t{b}\t{slope:.4}\t{intercept:.4}\t{cap}\t# {hits} hits, {} misses{}",
        samples.len() - hits,
        if clamped { ", inseparable" } else { "" }
    );
}

/// Maximum-likelihood `(slope, intercept, cap)` of `P(right) = σ(min(slope · gap + intercept, cap))`.
fn fit(samples: &Samples) -> (f64, f64, f64) {
    let mut best = (f64::INFINITY, 0.2, 0.0, 20.0);
    // from the largest cap down: a lower one must fit strictly better (gaps are clipped at
    // MAX_GAP, so a cap above slope · MAX_GAP fits as well as none)
    for cap in CAPS.into_iter().rev() {
        let (mut w0, mut w1) = (0.1f64, 0.0f64);
        for _ in 0..100 {
            let (mut g0, mut g1, mut h00, mut h01, mut h11) =
                (1e-3 * w0, 1e-3 * w1, 1e-3, 0.0, 1e-3);
            for &(x, y) in samples {
                let z = w0 * x + w1;
                if z > cap {
                    continue;
                }
                let p = 1.0 / (1.0 + (-z).exp());
                let d = p - f64::from(u8::from(y));
                g0 += d * x;
                g1 += d;
                let v = p * (1.0 - p);
                h00 += v * x * x;
                h01 += v * x;
                h11 += v;
            }
            let det = h00 * h11 - h01 * h01;
            if det.abs() < 1e-12 {
                break;
            }
            w0 -= (h11 * g0 - h01 * g1) / det;
            w1 -= (h00 * g1 - h01 * g0) / det;
        }
        let loss: f64 = samples
            .iter()
            .map(|&(x, y)| {
                let p = (1.0 / (1.0 + (-(w0 * x + w1).min(cap)).exp())).clamp(1e-9, 1.0 - 1e-9);
                if y {
                    -p.ln()
                } else {
                    -(1.0 - p).ln()
                }
            })
            .sum();
        if loss < best.0 {
            best = (loss, w0, w1, cap);
        }
    }
    (best.1, best.2, best.3)
}
