//! The tunable constants of the link score.

use super::length::LengthModel;

/// The tunable constants of the link score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreParams {
    /// Weight of the lexical similarity (0 to 1) in a link's score.
    pub lexical: f64,
    /// Weight of the length log-probability.
    pub length: f64,
    /// Score of leaving one sentence unaligned (a 1-0 or 0-1 link).
    pub null: f64,
    /// Score of each further sentence in a run of unaligned sentences on one side.
    pub null_extend: f64,
    /// Penalty per sentence beyond the second in a link (merges need evidence).
    pub merge: f64,
    /// Matchable weight added to every denominator, so near-empty sentences are not certain.
    pub smoothing: f64,
    /// Share of a word's weight that counts in the denominator when it cannot match anything.
    pub unmatched: f64,
    /// Weight of the length term of a null link (Gale-Church: long sentences are rarely dropped).
    pub null_length: f64,
    /// Extra penalty per sentence beyond two on one side of a link (3-1, 1-3).
    pub long_side: f64,
    /// Bonus per merged junction that looks like one sentence continuing (see [`continues`](super::features::continues)).
    pub cohesion: f64,
    /// Penalty per merged sentence that shares no lexical weight with the other side of its
    /// link and is not joined to its neighbours as one sentence continuing: such a sentence (a
    /// caption, a stray OCR line) is better left unaligned than merged.
    pub orphan: f64,
    /// The lexical term grows as (sentences in the link / 2) to this power, so merging does not
    /// lose the evidence of the sentences it merges.
    pub size_power: f64,
    /// The length model's variance per source character before the pair's own links refine it
    /// (see [`LengthModel::SENTENCE_VARIANCE`]).
    pub variance: f64,
    /// Share of a word's weight that counts in the denominator when a lexicon lists it but no
    /// translation of it occurs on the other side (lexical coverage).
    pub unmatched_known: f64,
    /// Weight of a lexicon translation class as a match key, beside 1 for an identical word.
    pub lexicon: f64,
    /// Penalty per merged sentence at the edge of its side that adds little shared weight to the
    /// link although a lexicon lists several of its words (the lexicon says it is untranslated),
    /// times the share of those words the other side of the link does not translate.
    pub untranslated: f64,
    /// Share of its own matchable weight an edge sentence may add to a merged link's shared
    /// weight and still count as untranslated (0: it adds nothing).
    pub untranslated_share: f64,
    /// What a link of two or more sentences on each side pays, below its split's score plus
    /// the lexical score of the names and numbers that crossed the split's boundary (see
    /// [`edges`](super::edges)); infinite: such links are scored as one sentence a side only.
    pub moved_boundary: f64,
}

impl Default for ScoreParams {
    fn default() -> Self {
        ScoreParams {
            lexical: 12.0,
            length: 1.0,
            null: -4.0,
            null_extend: -1.5,
            merge: 2.3,
            smoothing: 2.0,
            unmatched: 0.0,
            null_length: 0.3,
            long_side: 0.0,
            size_power: 0.0,
            cohesion: 2.0,
            orphan: 2.0,
            variance: LengthModel::SENTENCE_VARIANCE,
            unmatched_known: 0.0,
            lexicon: 1.0,
            untranslated: 14.0,
            untranslated_share: 0.5,
            moved_boundary: 0.5,
        }
    }
}

impl ScoreParams {
    /// The constants from a list in field order (for tuning tools); `None` unless the list has
    /// one value per field.
    pub fn from_slice(v: &[f64]) -> Option<Self> {
        let &[lexical, length, null, null_extend, merge, smoothing, unmatched, null_length, long_side, cohesion, orphan, size_power, variance, unmatched_known, lexicon, untranslated, untranslated_share, moved_boundary] =
            v
        else {
            return None;
        };
        Some(ScoreParams {
            lexical,
            length,
            null,
            null_extend,
            merge,
            smoothing,
            unmatched,
            null_length,
            long_side,
            cohesion,
            orphan,
            size_power,
            variance,
            unmatched_known,
            lexicon,
            untranslated,
            untranslated_share,
            moved_boundary,
        })
    }
}
