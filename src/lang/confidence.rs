//! Calibrated confidence for the n-gram model's answers: the probability that the answer is right,
//! from how far each other candidate trails the best language.
//!
//! Each trailing candidate `j` with a log-likelihood gap `g` gives a logit
//! `z = min(slope · g + intercept, cap)`, the log-odds that the best language beats `j`, and the
//! confidence is `1 / (1 + max(Σ_j e^(-slope·g-intercept), max_j e^(-cap)))` ([`confidence`]).
//! Unrelated languages share one `slope` (a nat of lead
//! means the same everywhere); each pair of sibling languages (Indonesian and Malay, Croatian and
//! Bosnian ...) has its own line, fitted on the dev data by `examples/fit_lang_calibration.rs`:
//! where the models barely tell two languages apart, the slope is small and the cap low, so no
//! lead between them, however long the text, gives a confident answer. The table is
//! `data/lang/calibration.tsv`.

use std::sync::OnceLock;

use crate::doc::Lang;

use super::siblings;

const TABLE: &str = include_str!("../../data/lang/calibration.tsv");

/// Gaps (nats) beyond this count as this: the fit clips them here, since the model stops reading
/// a text once one language leads every other by 80.
pub const MAX_GAP: f32 = 60.0;

/// How a gap between two languages becomes a logit: `min(slope · gap + intercept, cap)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GapLogit {
    /// Logit per nat of gap.
    pub slope: f32,
    /// Logit at a gap of zero.
    pub intercept: f32,
    /// Highest logit, however large the gap.
    pub cap: f32,
}

impl GapLogit {
    /// The log-odds that the leading language is right against one that trails it by `gap`.
    pub fn logit(&self, gap: f32) -> f32 {
        (self.slope * gap + self.intercept).min(self.cap)
    }
}

/// The parsed calibration table.
#[derive(Debug)]
struct Table {
    /// Any two languages that are not siblings.
    strangers: GapLogit,
    /// Two siblings without a line of their own.
    siblings: GapLogit,
    /// Sibling pairs with a line of their own, each pair in code order.
    pairs: Vec<([Lang; 2], GapLogit)>,
}

/// Fallback when the table lacks a line: a softmax over gaps divided by five (one per n-gram
/// order), and by twenty between siblings.
const STRANGERS: GapLogit = GapLogit {
    slope: 0.2,
    intercept: 0.0,
    cap: f32::INFINITY,
};
const SIBLINGS: GapLogit = GapLogit {
    slope: 0.05,
    intercept: 0.0,
    cap: f32::INFINITY,
};

fn parse_number(s: &str) -> Option<f32> {
    match s {
        "inf" => Some(f32::INFINITY),
        _ => s.parse().ok().filter(|v: &f32| v.is_finite()),
    }
}

fn parse_line(line: &str) -> Option<(&str, &str, GapLogit)> {
    let mut f = line.split('\t');
    let (a, b) = (f.next()?, f.next()?);
    let slope = parse_number(f.next()?)?;
    let intercept = parse_number(f.next()?)?;
    let cap = parse_number(f.next()?)?;
    Some((
        a,
        b,
        GapLogit {
            slope,
            intercept,
            cap,
        },
    ))
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table {
            strangers: STRANGERS,
            siblings: SIBLINGS,
            pairs: Vec::new(),
        };
        for line in TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let Some((a, b, logit)) = parse_line(line) else {
                continue;
            };
            match (a, b) {
                ("*", "*") => t.strangers = logit,
                ("~", "~") => t.siblings = logit,
                _ => {
                    if let (Some(a), Some(b)) = (Lang::new(a), Lang::new(b)) {
                        t.pairs.push((pair_key(a, b), logit));
                    }
                }
            }
        }
        t
    })
}

fn pair_key(a: Lang, b: Lang) -> [Lang; 2] {
    if a <= b {
        [a, b]
    } else {
        [b, a]
    }
}

/// How a gap between `best` and another candidate becomes a logit.
pub fn gap_logit(best: Lang, other: Lang) -> GapLogit {
    let t = table();
    if !siblings::are_siblings(best, other) {
        return t.strangers;
    }
    let key = pair_key(best, other);
    t.pairs
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(t.siblings, |(_, l)| *l)
}

/// The probability that `best` is right, given every other candidate's gap behind it.
///
/// The odds against `best` are the sum of each rival's odds on its line, but at least the largest
/// floor of a rival past its line's top (its cap, or its logit at [`MAX_GAP`], beyond which the
/// fit saw no data): the top is a pair's error that no lead removes (two languages the models
/// barely tell apart, text filed under the wrong one), and forty distant strangers each at their
/// floor do not add up to forty such errors.
pub fn confidence(best: Lang, gaps: impl IntoIterator<Item = (Lang, f32)>) -> f32 {
    let (mut odds, mut floor) = (0f32, 0f32);
    for (other, gap) in gaps {
        let line = gap_logit(best, other);
        let top = line.logit(MAX_GAP);
        let z = line.slope * gap + line.intercept;
        if z >= top {
            floor = floor.max((-top).exp());
        } else {
            odds += (-z).exp();
        }
    }
    (1.0 / (1.0 + odds.max(floor))).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(code: &str) -> Lang {
        Lang::new(code).unwrap_or_default()
    }

    #[test]
    fn the_shipped_table_parses_line_by_line() {
        let lines: Vec<&str> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        assert!(lines.len() > 2);
        for line in lines {
            assert!(parse_line(line).is_some(), "bad calibration line: {line}");
        }
    }

    #[test]
    fn a_lead_over_a_sibling_is_worth_less_than_the_same_lead_over_a_stranger() {
        let (id, ms, en) = (l("id"), l("ms"), l("en"));
        assert!(confidence(id, [(ms, 20.0)]) < confidence(id, [(en, 20.0)]));
        assert_eq!(gap_logit(ms, id), gap_logit(id, ms));
    }

    #[test]
    fn no_lead_makes_indonesian_sure_against_malay() {
        // the two models barely differ: Malay text is as often closer to the Indonesian model
        let (id, ms) = (l("id"), l("ms"));
        assert!(confidence(id, [(ms, 500.0)]) < 0.9);
    }

    #[test]
    fn more_competitors_and_smaller_gaps_mean_less_confidence() {
        let (en, de, fr) = (l("en"), l("de"), l("fr"));
        assert!(confidence(en, [(de, 5.0)]) < confidence(en, [(de, 15.0)]));
        assert!(confidence(en, [(de, 5.0), (fr, 5.0)]) < confidence(en, [(de, 5.0)]));
        assert!((confidence(en, []) - 1.0).abs() < 1e-6);
    }
}
