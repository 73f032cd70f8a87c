//! Penalties of merged links: sentences inside a merge that the other side does not translate
//! (a caption, a stray line, a sentence the translator left out).

use super::score::{shared_weight, Scorer, SideBags};

/// A sentence at the edge of a merged side is untranslated when it adds no shared weight to the
/// link although a lexicon lists at least this many of its words.
const MIN_LISTED_WORDS: u32 = 3;

/// The share of the listed words of sentence `k` whose translation class the bag `other` holds
/// (0 when none is listed).
fn translated_share(mine: &SideBags, k: usize, other: &[(u32, f32)]) -> f64 {
    let listed = mine.listed.get(k).copied().unwrap_or(0);
    if listed == 0 {
        return 0.0;
    }
    let keys = mine.listed_keys.get(k).map_or(&[][..], Vec::as_slice);
    let held = keys
        .iter()
        .filter(|key| other.binary_search_by_key(*key, |e| e.0).is_ok())
        .count();
    (held as f64 / f64::from(listed)).min(1.0)
}

impl Scorer<'_> {
    /// How untranslated the sentences at the edges of a merged side (two or more sentences) are,
    /// summed: an edge sentence counts when it adds less than `untranslated_share` of its own
    /// matchable weight (keys that match somewhere in the other document) to the weight the side
    /// shares with the other side of the link, although a lexicon lists `MIN_LISTED_WORDS` or
    /// more of its words; it counts with the share of those listed words whose translation the
    /// other side of the link does not hold (1 when it holds none). A sentence left untranslated
    /// next to a translated one on the same topic (whose few matches are names and words its
    /// neighbour holds too) is caught here, the more surely the fewer of its words the link
    /// translates; without a lexicon nothing is.
    pub fn untranslated(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let side = |mine: &SideBags, k0: usize, n: usize, other: &[(u32, f32)]| -> f64 {
            if n < 2 {
                return 0.0;
            }
            let listed = |k: usize| mine.listed.get(k).copied().unwrap_or(0) >= MIN_LISTED_WORDS;
            let (first, last) = (listed(k0), listed(k0 + n - 1));
            if !first && !last {
                return 0.0;
            }
            let whole = shared_weight(mine.span(k0, n).0, other);
            let share = self.params.untranslated_share as f32;
            let adds_little = |rest: &[(u32, f32)], k: usize| {
                shared_weight(rest, other) + share * mine.span(k, 1).1 >= whole
            };
            let missing = |k: usize| 1.0 - translated_share(mine, k, other);
            let mut sum = 0.0;
            if first && adds_little(mine.span(k0 + 1, n - 1).0, k0) {
                sum += missing(k0);
            }
            if last && adds_little(mine.span(k0, n - 1).0, k0 + n - 1) {
                sum += missing(k0 + n - 1);
            }
            sum
        };
        let (sb, _) = self.bags.src.span(i, a);
        let (tb, _) = self.bags.tgt.span(j, b);
        side(&self.bags.src, i, a, tb) + side(&self.bags.tgt, j, b, sb)
    }

    /// Sentences of a merged side (two or more sentences) that share no weight with the other
    /// side of the link and are not joined to a neighbour in the link by a continuation junction.
    pub fn orphans(&self, i: usize, a: usize, j: usize, b: usize) -> u32 {
        let side = |mine: &SideBags, k0: usize, n: usize, other: &[(u32, f32)]| -> u32 {
            if n < 2 {
                return 0;
            }
            (k0..k0 + n)
                .filter(|&k| {
                    let joined = (k > k0 && mine.joint_before(k))
                        || (k + 1 < k0 + n && mine.joint_before(k + 1));
                    let bag = mine.span(k, 1).0;
                    !joined && (bag.is_empty() || shared_weight(bag, other) <= 0.0)
                })
                .count() as u32
        };
        let (sb, _) = self.bags.src.span(i, a);
        let (tb, _) = self.bags.tgt.span(j, b);
        side(&self.bags.src, i, a, tb) + side(&self.bags.tgt, j, b, sb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::Translit;
    use crate::align::length::LengthModel;
    use crate::align::lexicon::{match_document, DocLexicon, Lexicon};
    use crate::align::score::{PairBags, ScoreParams, Tokenised};
    use crate::doc::Lang;

    #[test]
    fn stray_lines_are_orphans_in_merges() {
        let src = [
            "Die Expedition erreichte 1956 den Gipfel .",
            "Photo : Archiv",
        ];
        let tgt = ["L' expédition atteignit le sommet en 1956 ."];
        let tok = Tokenised::new(&src, &tgt, Translit::Russian, Translit::Russian);
        let lens = ([40.0, 14.0], [42.0]);
        let bags = PairBags::build(
            &tok,
            &[],
            &DocLexicon::default(),
            (&lens.0, &lens.1),
            3,
            (0.0, 0.0, 1.0),
            false,
        );
        let scorer = Scorer::new(
            &bags,
            LengthModel::from_totals(54.0, 42.0, 2.5),
            ScoreParams::default(),
            4,
        );
        assert_eq!(scorer.orphans(0, 1, 0, 1), 0);
        assert_eq!(scorer.orphans(0, 2, 0, 1), 1);
    }

    /// The scorer of a German-French pair with the given lexicon entries (German, French).
    fn with_lexicon<R>(
        src: &[&str],
        tgt: &[&str],
        entries: &[(&str, &str)],
        check: impl FnOnce(&Scorer) -> R,
    ) -> R {
        let tok = Tokenised::new(src, tgt, Translit::Russian, Translit::Russian);
        let lex = Lexicon::from_pairs(entries.iter().copied());
        let doc = match_document(&tok, &[lex], Lang::new("de"), Lang::new("fr"));
        let lens: (Vec<f64>, Vec<f64>) = (
            src.iter().map(|s| s.len() as f64).collect(),
            tgt.iter().map(|s| s.len() as f64).collect(),
        );
        let bags = PairBags::build(
            &tok,
            &[],
            &doc,
            (&lens.0, &lens.1),
            3,
            (0.0, 0.0, 1.0),
            false,
        );
        let totals = (lens.0.iter().sum(), lens.1.iter().sum());
        let scorer = Scorer::new(
            &bags,
            LengthModel::from_totals(totals.0, totals.1, 2.5),
            ScoreParams::default(),
            4,
        );
        check(&scorer)
    }

    #[test]
    fn a_sentence_the_translation_leaves_out_is_untranslated_in_a_merge() {
        // the second German sentence shares only the year its neighbour holds too; the lexicon
        // lists four of its words and none of their translations is in the French sentence
        let src = [
            "Die Expedition erreichte 1956 den Gipfel .",
            "1956 war das Wetter schlecht , kalt und windig .",
        ];
        let tgt = ["L' expédition atteignit le sommet en 1956 ."];
        let entries = [
            ("wetter", "temps"),
            ("schlecht", "mauvais"),
            ("kalt", "froid"),
            ("windig", "venteux"),
            ("gipfel", "sommet"),
        ];
        with_lexicon(&src, &tgt, &entries, |s| {
            assert_eq!(s.orphans(0, 2, 0, 1), 0, "the year is shared: no orphan");
            assert_eq!(s.untranslated(0, 2, 0, 1), 1.0);
            assert_eq!(
                s.untranslated(0, 1, 0, 1),
                0.0,
                "a single sentence is never counted"
            );
        });
        // translated, the same sentence adds the words the lexicon pairs: not untranslated
        let tgt2 = ["L' expédition atteignit le sommet en 1956 . Le temps était mauvais , froid et venteux ."];
        with_lexicon(&src, &tgt2, &entries, |s| {
            assert_eq!(s.untranslated(0, 2, 0, 1), 0.0);
        });
        // a name shared with the link is not enough when the sentence's other matchable words
        // (weather, cold: their translations are elsewhere in the document) are not in it
        let src3 = [
            src[0],
            "Mit Hillary war das Wetter schlecht , kalt und windig .",
        ];
        let tgt3 = [
            "L' expédition atteignit le sommet en 1956 avec Hillary .",
            "Le temps resta froid .",
        ];
        with_lexicon(&src3, &tgt3, &entries, |s| {
            assert_eq!(s.untranslated(0, 2, 0, 1), 1.0);
        });
        // without a lexicon nothing is known about the sentence
        with_lexicon(&src, &tgt, &[], |s| {
            assert_eq!(s.untranslated(0, 2, 0, 1), 0.0);
        });
    }

    #[test]
    fn an_untranslated_sentence_counts_less_the_more_of_its_words_the_link_translates() {
        // the second German sentence adds only "schlecht" (mauvais) to the link; the lexicon's
        // other three words of it are translated in the next French sentence: one in four of
        // its listed words is translated in the link, so it counts three quarters
        let src = [
            "Die Expedition erreichte 1956 den Gipfel .",
            "1956 war das Wetter schlecht , kalt und windig .",
        ];
        let tgt = [
            "L' expédition atteignit le sommet en 1956 , mauvais .",
            "Il faisait froid et venteux , le temps .",
        ];
        let entries = [
            ("wetter", "temps"),
            ("schlecht", "mauvais"),
            ("kalt", "froid"),
            ("windig", "venteux"),
        ];
        with_lexicon(&src, &tgt, &entries, |s| {
            assert_eq!(s.untranslated(0, 2, 0, 1), 0.75);
        });
    }
}
