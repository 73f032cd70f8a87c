//! The length model: Gale and Church's, with the length ratio and variance estimated from the
//! document pair itself instead of fixed for one language pair.

/// Gale-Church length model: target length ≈ `ratio` × source length, with variance
/// `variance` × source length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthModel {
    /// Expected target characters per source character.
    pub ratio: f64,
    /// Variance of the target length per source character.
    pub variance: f64,
}

/// The log-probability floor of a length match, so that one wild length never outweighs
/// everything else a link has going for it.
const MIN_LOG_PROB: f64 = -12.0;

/// Pairs of evidence the prior is worth when refitting (a pair of five sentences leans on the
/// prior, a pair of two hundred on its own links).
const PRIOR_PAIRS: f64 = 10.0;

/// Sentences of equal length on both sides the ratio prior of a document's totals is worth.
const PRIOR_SENTENCES: f64 = 6.0;

/// One-to-one links of equal length on both sides the ratio prior is worth when the ratio is
/// measured on links (see [`LengthModel::from_links`]): fewer than for totals, which a sentence
/// left untranslated moves by its whole length and links do not.
const PRIOR_LINKS: f64 = 4.0;

impl LengthModel {
    /// Gale and Church's variance per character for European languages (in units of the source).
    pub const GC_VARIANCE: f64 = 6.8;

    /// The variance per character measured on professionally translated sentence pairs (FLORES
    /// en-ru 2.5, en-es 2.8, en-uk 2.0; Text+Berg de-fr 1.9 to 2.5, character counts without
    /// spaces): well below Gale and Church's paragraph-level 6.8.
    pub const SENTENCE_VARIANCE: f64 = 2.5;

    /// The initial model for a pair: the ratio of the two documents' total lengths, and
    /// `variance` (per source character, at ratio 1) scaled by that ratio.
    pub fn from_totals(src_total: f64, tgt_total: f64, variance: f64) -> Self {
        Self::from_document(src_total, tgt_total, f64::INFINITY, variance)
    }

    /// The initial model for a pair of `sentences` sentences a side (the shorter side): as
    /// [`LengthModel::from_totals`], with the log of the ratio shrunk towards 0 as if
    /// six more sentences had the same length on both sides. One sentence left
    /// untranslated in a five-sentence article moves the ratio of its totals by a fifth; most
    /// language pairs (scripts weighted by [`super::features::char_weight`]) lie within 0.8–1.25.
    pub fn from_document(src_total: f64, tgt_total: f64, sentences: f64, variance: f64) -> Self {
        Self::shrunk(src_total, tgt_total, sentences, PRIOR_SENTENCES, variance)
    }

    /// The ratio of two totals measured on `count` items (infinite: no shrinking), its log shrunk
    /// towards 0 as if `prior` more items had the same length on both sides; `variance` scaled
    /// by that ratio. Ratio 1 when a total is not positive.
    fn shrunk(src_total: f64, tgt_total: f64, count: f64, prior: f64, variance: f64) -> Self {
        let ratio = if src_total > 0.0 && tgt_total > 0.0 {
            let seen = (tgt_total / src_total).ln();
            let weight = if count.is_finite() {
                count / (count + prior)
            } else {
                1.0
            };
            (seen * weight).exp().clamp(0.05, 20.0)
        } else {
            1.0
        };
        LengthModel {
            ratio,
            variance: variance * ratio,
        }
    }

    /// The model measured on sentence-length pairs believed to be translations of each other
    /// (a first pass's one-to-one links): the ratio of their totals, its log shrunk towards 0 as
    /// if `PRIOR_LINKS` more links had the same length on both sides, and `variance` scaled by
    /// that ratio; `None` without a pair of five characters or more a side. Unlike the
    /// document's totals, which a sentence left untranslated moves by its whole length (a fifth
    /// of a five-sentence article), these links hold no unaligned sentence and no merge, so
    /// the realigning pass measures merges and gaps against the ratio of the translated text.
    pub fn from_links(pairs: &[(f64, f64)], variance: f64) -> Option<Self> {
        let (n, sa, sb) = pairs
            .iter()
            .filter(|&&(a, b)| a >= 5.0 && b >= 5.0)
            .fold((0.0, 0.0, 0.0), |(n, x, y), &(a, b)| {
                (n + 1.0, x + a, y + b)
            });
        (n > 0.0).then(|| Self::shrunk(sa, sb, n, PRIOR_LINKS, variance))
    }

    /// Re-estimates ratio and variance from sentence-length pairs believed to be translations
    /// (robustly: a median-absolute-deviation variance), each shrunk towards `self` as if `self`
    /// were ten pairs: short documents lean on the prior, long ones on their links.
    pub fn refit(&self, pairs: &[(f64, f64)]) -> Self {
        let pairs: Vec<(f64, f64)> = pairs
            .iter()
            .copied()
            .filter(|&(a, b)| a >= 5.0 && b >= 5.0)
            .collect();
        if pairs.len() < 3 {
            return *self;
        }
        let n = pairs.len() as f64;
        let (sa, sb) = pairs
            .iter()
            .fold((0.0, 0.0), |(x, y), &(a, b)| (x + a, y + b));
        let seen = (sb / sa).clamp(0.05, 20.0);
        let ratio = (PRIOR_PAIRS * self.ratio + n * seen) / (PRIOR_PAIRS + n);
        // z = (b - ratio·a)/sqrt(a); var = (1.4826·MAD)², a robust estimate under outliers.
        let mut z: Vec<f64> = pairs
            .iter()
            .map(|&(a, b)| ((b - ratio * a) / a.sqrt()).abs())
            .collect();
        z.sort_by(f64::total_cmp);
        let mad = z.get(z.len() / 2).copied().unwrap_or(1.0);
        let sd = 1.4826 * mad;
        // Stay within a sane range around the classic estimate.
        let measured = (sd * sd).clamp(0.5 * ratio, 4.0 * Self::GC_VARIANCE * ratio);
        let prior = self.variance / self.ratio * ratio;
        let variance = (PRIOR_PAIRS * prior + n * measured) / (PRIOR_PAIRS + n);
        LengthModel { ratio, variance }
    }

    /// An upper bound of [`LengthModel::log_prob`] that needs no logarithm (the Chernoff bound
    /// 2(1 − Φ(δ)) ≤ exp(−δ²/2)): lets the search skip links whose lengths cannot fit.
    pub fn log_prob_bound(&self, src: f64, tgt: f64) -> f64 {
        let mean = (src + tgt / self.ratio) / 2.0;
        if mean <= 0.0 {
            return 0.0;
        }
        let d = tgt - self.ratio * src;
        (-(d * d) / (2.0 * self.variance * mean)).max(MIN_LOG_PROB)
    }

    /// The log-probability that a source of length `src` and a target of length `tgt` are
    /// translations of each other (two-sided tail of the normalised length difference).
    pub fn log_prob(&self, src: f64, tgt: f64) -> f64 {
        // Gale and Church's mean of the two lengths keeps short/empty sides well defined.
        let mean = (src + tgt / self.ratio) / 2.0;
        if mean <= 0.0 {
            return 0.0;
        }
        let delta = (tgt - self.ratio * src) / (self.variance * mean).sqrt();
        let p = 2.0 * (1.0 - std_normal_cdf(delta.abs()));
        if p <= 0.0 {
            MIN_LOG_PROB
        } else {
            p.ln().max(MIN_LOG_PROB)
        }
    }
}

/// The standard normal cumulative distribution (Abramowitz and Stegun 7.1.26, error < 1.5e-7).
pub fn std_normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs() / std::f64::consts::SQRT_2);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-(x * x) / 2.0).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdf_is_a_cdf() {
        assert!((std_normal_cdf(0.0) - 0.5).abs() < 1e-6);
        assert!((std_normal_cdf(1.96) - 0.975).abs() < 1e-3);
        assert!(std_normal_cdf(-3.0) < 0.01);
    }

    #[test]
    fn matching_lengths_score_higher() {
        let m = LengthModel::from_totals(1000.0, 1100.0, LengthModel::GC_VARIANCE);
        assert!((m.ratio - 1.1).abs() < 1e-9);
        assert!(m.log_prob(100.0, 110.0) > m.log_prob(100.0, 160.0));
        assert!(m.log_prob(100.0, 110.0) > -0.1);
        assert!(m.log_prob(100.0, 10.0) >= MIN_LOG_PROB);
        for (a, b) in [
            (100.0, 110.0),
            (100.0, 150.0),
            (10.0, 90.0),
            (50.0, 0.0),
            (0.0, 0.0),
        ] {
            assert!(
                m.log_prob_bound(a, b) >= m.log_prob(a, b) - 1e-9,
                "the bound holds at {a} {b}"
            );
        }
    }

    #[test]
    fn a_short_document_leans_on_equal_lengths() {
        // five sentences a side, one of them left untranslated: totals say 1.25
        let short = LengthModel::from_document(400.0, 500.0, 5.0, 2.5);
        // as if six more sentences had equal lengths: exp(ln 1.25 · 5/11) ≈ 1.107
        assert!(short.ratio < 1.12 && short.ratio > 1.0, "{short:?}");
        let long = LengthModel::from_document(40_000.0, 50_000.0, 500.0, 2.5);
        assert!((long.ratio - 1.25).abs() < 0.01, "{long:?}");
    }

    #[test]
    fn links_give_the_ratio_of_the_translated_text() {
        // three one-to-one links of equal length on both sides: the ratio stays 1 however long
        // a sentence left out of them was
        let links = [(60.0, 60.0), (90.0, 90.0), (40.0, 40.0)];
        let m = LengthModel::from_links(&links, 2.5);
        assert_eq!(m.map(|m| m.ratio), Some(1.0));
        let longer = [(60.0, 72.0), (90.0, 108.0), (40.0, 48.0)];
        let m = LengthModel::from_links(&longer, 2.5).map_or(0.0, |m| m.ratio);
        assert!(
            m > 1.05 && m < 1.2,
            "shrunk towards 1 as a short document: {m}"
        );
        assert_eq!(LengthModel::from_links(&[(3.0, 4.0)], 2.5), None);
    }

    #[test]
    fn refit_finds_ratio_and_spread() {
        let pairs: Vec<(f64, f64)> = (0..100)
            .map(|i| {
                let a = 20.0 + i as f64;
                (a, 2.0 * a + if i % 2 == 0 { 3.0 } else { -3.0 })
            })
            .collect();
        let prior = LengthModel::from_totals(1.0, 1.0, LengthModel::GC_VARIANCE);
        let m = prior.refit(&pairs);
        assert!(
            (m.ratio - 2.0).abs() < 0.1,
            "a long pair follows its links: {m:?}"
        );
        assert!(m.variance < 2.0 * LengthModel::GC_VARIANCE);
        let few = prior.refit(&pairs[..4]);
        assert!(
            few.ratio < 1.5,
            "a short pair leans on the prior ratio of its totals: {few:?}"
        );
        assert_eq!(prior.refit(&pairs[..2]), prior, "two pairs say nothing");
    }
}
