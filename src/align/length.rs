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

impl LengthModel {
    /// Gale and Church's variance per character for European languages (in units of the source).
    pub const GC_VARIANCE: f64 = 6.8;

    /// The initial model for a pair: the ratio of the two documents' total lengths, and Gale and
    /// Church's variance scaled by that ratio.
    pub fn from_totals(src_total: f64, tgt_total: f64) -> Self {
        let ratio = if src_total > 0.0 && tgt_total > 0.0 {
            (tgt_total / src_total).clamp(0.05, 20.0)
        } else {
            1.0
        };
        LengthModel {
            ratio,
            variance: Self::GC_VARIANCE * ratio,
        }
    }

    /// Re-estimates ratio and variance from sentence-length pairs believed to be translations
    /// (robustly: the median ratio and a median-absolute-deviation variance); keeps `self` when
    /// there are too few pairs.
    pub fn refit(&self, pairs: &[(f64, f64)]) -> Self {
        let pairs: Vec<(f64, f64)> = pairs
            .iter()
            .copied()
            .filter(|&(a, b)| a >= 5.0 && b >= 5.0)
            .collect();
        if pairs.len() < 20 {
            return *self;
        }
        let (sa, sb) = pairs
            .iter()
            .fold((0.0, 0.0), |(x, y), &(a, b)| (x + a, y + b));
        let ratio = (sb / sa).clamp(0.05, 20.0);
        // z = (b - ratio·a)/sqrt(a); var = (1.4826·MAD)², a robust estimate under outliers.
        let mut z: Vec<f64> = pairs
            .iter()
            .map(|&(a, b)| ((b - ratio * a) / a.sqrt()).abs())
            .collect();
        z.sort_by(f64::total_cmp);
        let mad = z.get(z.len() / 2).copied().unwrap_or(1.0);
        let sd = 1.4826 * mad;
        // Stay within a sane range around the classic estimate.
        let variance = (sd * sd).clamp(0.5 * ratio, 4.0 * Self::GC_VARIANCE * ratio);
        LengthModel { ratio, variance }
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
        let m = LengthModel::from_totals(1000.0, 1100.0);
        assert!((m.ratio - 1.1).abs() < 1e-9);
        assert!(m.log_prob(100.0, 110.0) > m.log_prob(100.0, 160.0));
        assert!(m.log_prob(100.0, 110.0) > -0.1);
        assert!(m.log_prob(100.0, 10.0) >= MIN_LOG_PROB);
    }

    #[test]
    fn refit_finds_ratio_and_spread() {
        let pairs: Vec<(f64, f64)> = (0..100)
            .map(|i| {
                let a = 20.0 + i as f64;
                (a, 2.0 * a + if i % 2 == 0 { 3.0 } else { -3.0 })
            })
            .collect();
        let m = LengthModel::from_totals(1.0, 1.0).refit(&pairs);
        assert!((m.ratio - 2.0).abs() < 0.05, "{m:?}");
        assert!(m.variance < 2.0 * LengthModel::GC_VARIANCE);
    }
}
