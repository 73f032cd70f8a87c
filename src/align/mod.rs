//! Sentence alignment of parallel documents: a monotonic dynamic program over link types
//! (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3, …) scoring each link by a length model estimated from
//! the pair and by lexical evidence (numbers, identical words, cognates and names across scripts,
//! punctuation shape, a given lexicon), then re-aligning with a lexicon learned from the first
//! pass by IBM Model 1.
//!
//! ```
//! use talign::align::{align_sentences, AlignOptions};
//! let src = ["Der Everest ist 8848 m hoch.", "Er wurde 1953 bestiegen."];
//! let tgt = ["L'Everest mesure 8848 m.", "Il a été gravi en 1953."];
//! let links = align_sentences(&src, &tgt, &AlignOptions::default());
//! assert_eq!(links.len(), 2);
//! assert_eq!((links[1].src.clone(), links[1].tgt.clone()), (vec![1], vec![1]));
//! ```

pub mod anchors;
pub mod debris;
pub mod dp;
pub mod edges;
pub mod features;
pub mod ibm1;
pub mod length;
pub mod lexicon;
pub mod merged;
pub mod mine;
pub mod params;
pub mod roman;
pub mod score;
pub mod search;
pub mod stem;
pub mod tokens;
pub mod vocab;

use crate::doc::{Lang, Link};

pub use lexicon::{Lexicon, LexiconError};
pub use score::ScoreParams;

use features::{text_length, Translit};
use length::LengthModel;
use score::{PairBags, Scorer, TokenId, Tokenised};

/// How to align a document pair.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Language of the source side, when known (picks the romanisation for Cyrillic).
    pub src_lang: Option<Lang>,
    /// Language of the target side, when known.
    pub tgt_lang: Option<Lang>,
    /// Bilingual word lists to use as lexical evidence (in either direction).
    pub lexicons: Vec<Lexicon>,
    /// The most sentences one link may hold, both sides together (7: up to 1-6, 2-5, 3-4, …);
    /// taken within 2..=8. Large links are scored only where the sentence lengths ask for
    /// them, so a generous limit costs little.
    pub max_link: usize,
    /// Re-align with a lexicon learned from the first pass (IBM Model 1).
    pub realign: bool,
    /// The constants of the link score.
    pub params: ScoreParams,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            src_lang: None,
            tgt_lang: None,
            lexicons: Vec::new(),
            max_link: 7,
            realign: true,
            params: ScoreParams::default(),
        }
    }
}

/// The largest links of a first pass that is followed by a re-alignment pass.
const FIRST_PASS_LINK: usize = 4;

/// Minimum normalised similarity for two spellings to count as cognates.
const COGNATE_MIN: f64 = 0.72;

/// Most links used to train the learned lexicon (evenly spread over the document).
const MAX_TRAINING_LINKS: usize = 20_000;

/// Sentences around the anchor rectangles searched by the first pass.
const ANCHOR_MARGIN: usize = 6;

/// The anchor band is used when it holds at most this many states per sentence.
const MAX_ANCHOR_CELLS_PER_SENTENCE: usize = 40;

/// The largest `max_link` honoured (larger links are never needed and slow the search down).
const MAX_LINK_LIMIT: usize = 8;

/// The longest run of unaligned sentences scored as one gap.
const MAX_GAP: usize = 6;

/// Training links a learned word pair must be seen together in.
const MIN_PAIR_COUNT: usize = 2;

/// EM iterations of IBM Model 1.
const IBM1_ITERATIONS: usize = 5;

/// Re-alignment passes, each with a lexicon learned from the previous pass.
const REALIGN_PASSES: usize = 1;

/// Sentences on each side of the previous path searched by a re-alignment pass of a long pair,
/// whose first pass searched a coarse-to-fine band: its path strays where the coarse level
/// did, and a wider margin lets the re-alignment find the way back (strict F1 on the synthetic
/// 100,717-sentence pair: margin 3 0.9763, 6 0.9768, 10 0.9771).
const REALIGN_MARGIN: usize = 6;

/// The same after a first pass over the whole table or between anchors, whose path is the best
/// of its model: the re-alignment merges and re-pairs links along it (its states stay on the
/// path or one sentence beside it; margins 1 to 6 give the same links on Text+Berg dev and
/// FLORES seeds 1-10, also with the target vocabulary enciphered).
const REALIGN_MARGIN_EXACT: usize = 3;

/// Largest links (both sides together) whose words train the learned lexicon.
const MAX_TRAINING_LINK: usize = 2;

/// The link types allowed by `max_link`: 1-1, the null links, then merges up to `max_link`
/// sentences (both sides together), smaller first.
pub fn link_types(max_link: usize) -> Vec<(usize, usize)> {
    let mut types = vec![(1, 1), (1, 0), (0, 1)];
    for total in 3..=max_link.max(2) {
        for a in 1..total {
            types.push((a, total - a));
        }
    }
    types
}

/// Runs of unaligned sentences the search scores as one gap (each is written as single null
/// links): 2..=`MAX_GAP` sentences on either side.
fn gap_types() -> impl Iterator<Item = (usize, usize)> {
    (2..=MAX_GAP).flat_map(|k| [(k, 0), (0, k)])
}

/// The romanisation for a side: from its language when given, else from its letters.
fn style_for(lang: Option<Lang>, texts: &[&str]) -> Translit {
    match lang.map(|l| l.to_string()) {
        Some(l) if l == "uk" => Translit::Ukrainian,
        Some(l) if l != "und" => Translit::Russian,
        _ => {
            let sample: String = texts.iter().take(2000).copied().collect();
            Translit::guess(&sample)
        }
    }
}

/// Aligns two documents given as sentences; returns links in order, every sentence of both sides
/// in exactly one link. A link's ids are consecutive except where OCR debris inside it was
/// left unaligned (see [`debris`]).
pub fn align_sentences(src: &[&str], tgt: &[&str], opts: &AlignOptions) -> Vec<Link> {
    let links = with_final_scorer(src, tgt, opts, |scorer, band, types| {
        dp::search(src.len(), tgt.len(), band, types, |i, a, j, b, floor| {
            scorer.score_above(i, a, j, b, floor)
        })
    })
    .into_iter()
    .flat_map(step_links)
    .collect();
    debris::detach(links, src, tgt)
}

/// A link's score and the two terms that decide most links.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkTerms {
    /// The link's score (as [`Link::score`]).
    pub score: f64,
    /// Lexical similarity, 0 to 1 (0 for a link with an empty side).
    pub similarity: f64,
    /// Length log-probability.
    pub length: f64,
    /// Sentences of a merged side that share nothing with the other side (see the scorer).
    pub orphans: u32,
    /// How untranslated the edge sentences of a merged side are (see the scorer).
    pub untranslated: f64,
}

/// The score and terms each given link (source ids, target ids: consecutive, possibly empty on
/// one side) gets from the model the aligner ends with on this pair: for reading errors, the
/// links of a gold alignment beside the links found. A link with an empty side is scored as one
/// unaligned sentence per id, summed.
pub fn link_scores(
    src: &[&str],
    tgt: &[&str],
    opts: &AlignOptions,
    links: &[(Vec<usize>, Vec<usize>)],
) -> Vec<LinkTerms> {
    with_final_scorer(src, tgt, opts, |scorer, _, _| {
        links
            .iter()
            .map(|(s, t)| {
                let (i, a) = (s.first().copied().unwrap_or(0), s.len());
                let (j, b) = (t.first().copied().unwrap_or(0), t.len());
                let terms = |i: usize, a: usize, j: usize, b: usize| LinkTerms {
                    score: scorer.score(i, a, j, b),
                    similarity: if a > 0 && b > 0 {
                        scorer.similarity(i, a, j, b)
                    } else {
                        0.0
                    },
                    length: scorer
                        .length
                        .log_prob(scorer.bags.src.length(i, a), scorer.bags.tgt.length(j, b)),
                    orphans: scorer.orphans(i, a, j, b),
                    untranslated: scorer.untranslated(i, a, j, b),
                };
                if a > 0 && b > 0 {
                    return terms(i, a, j, b);
                }
                let singles = s.iter().map(|&i| terms(i, 1, 0, 0));
                singles.chain(t.iter().map(|&j| terms(0, 0, j, 1))).fold(
                    LinkTerms {
                        score: 0.0,
                        similarity: 0.0,
                        length: 0.0,
                        orphans: 0,
                        untranslated: 0.0,
                    },
                    |x, y| LinkTerms {
                        score: x.score + y.score,
                        length: x.length + y.length,
                        ..x
                    },
                )
            })
            .collect()
    })
}

/// Runs the passes before the last one, then hands the last pass's scorer, band and link types
/// to `last`.
fn with_final_scorer<R>(
    src: &[&str],
    tgt: &[&str],
    opts: &AlignOptions,
    last: impl FnOnce(&Scorer, &dp::Band, &[(usize, usize)]) -> R,
) -> R {
    let max_link = opts.max_link.clamp(2, MAX_LINK_LIMIT);
    let mut types = link_types(max_link);
    types.extend(gap_types());
    // A first pass that is re-aligned only finds the neighbourhood of the path and the links
    // that train the learned lexicon: links of up to FIRST_PASS_LINK sentences do for both.
    let mut first_types = link_types(max_link.min(FIRST_PASS_LINK));
    first_types.extend(gap_types());
    let max_span = max_link - 1;
    let tok = Tokenised::new(
        src,
        tgt,
        style_for(opts.src_lang, src),
        style_for(opts.tgt_lang, tgt),
    );
    let src_len: Vec<f64> = src.iter().map(|s| text_length(s)).collect();
    let tgt_len: Vec<f64> = tgt.iter().map(|s| text_length(s)).collect();
    let mut length = LengthModel::from_document(
        src_len.iter().sum(),
        tgt_len.iter().sum(),
        src.len().min(tgt.len()) as f64,
        opts.params.variance,
    );
    let mut pairs = tok.cognate_pairs(COGNATE_MIN);
    pairs.sort_unstable();
    pairs.dedup();
    let lex = lexicon::match_document(&tok, &opts.lexicons, opts.src_lang, opts.tgt_lang);

    let base_pairs = pairs;
    let mut steps: Vec<dp::Step> = Vec::new();
    let mut margin = REALIGN_MARGIN;
    let passes = if opts.realign { 1 + REALIGN_PASSES } else { 1 };
    let mut pass = 0;
    loop {
        let mut pairs = base_pairs.clone();
        if pass > 0 {
            let lens: Vec<(f64, f64)> = steps
                .iter()
                .filter(|s| s.a == 1 && s.b == 1)
                .map(|s| (src_len[s.i], tgt_len[s.j]))
                .collect();
            // the ratio of the links the first pass found one to one, not of the totals that
            // its gaps and merges hold, is the prior the links refine
            length = LengthModel::from_links(&lens, opts.params.variance)
                .unwrap_or(length)
                .refit(&lens);
            pairs.extend(learned_pairs(&tok, &steps));
            pairs.sort_unstable();
            pairs.dedup();
        }
        let final_pass = pass + 1 >= passes;
        // a pass that is re-aligned merges no more than FIRST_PASS_LINK sentences: its bags
        // need no longer spans
        let span = if final_pass {
            max_span
        } else {
            max_span.min(FIRST_PASS_LINK - 1)
        };
        let mut bags = PairBags::build(
            &tok,
            &pairs,
            &lex,
            (&src_len, &tgt_len),
            span,
            (
                opts.params.unmatched as f32,
                opts.params.unmatched_known as f32,
                opts.params.lexicon as f32,
            ),
            final_pass && opts.params.moved_boundary.is_finite(),
        );
        bags.src.set_joints(src);
        bags.tgt.set_joints(tgt);
        let band = if pass == 0 {
            let (band, exact) = first_band(&bags, &length, src.len(), tgt.len());
            margin = if exact {
                REALIGN_MARGIN_EXACT
            } else {
                REALIGN_MARGIN
            };
            band
        } else {
            search::widen(&steps, 1, margin, src.len(), tgt.len())
        };
        let mut params = opts.params;
        if !final_pass {
            // a pass that is re-aligned keeps splitting links whose boundary moved: their
            // 1-1 halves still train the learned lexicon
            params.moved_boundary = f64::INFINITY;
        }
        let scorer = Scorer::new(&bags, length, params, MAX_GAP);
        if final_pass {
            return last(&scorer, &band, &types);
        }
        steps = dp::search(
            src.len(),
            tgt.len(),
            &band,
            &first_types,
            |i, a, j, b, floor| scorer.score_above(i, a, j, b, floor),
        );
        pass += 1;
    }
}

/// The band of the first pass: between anchors (sentences sharing a number or name found once
/// on each side) when they are dense enough, else the whole table when small, else coarse-to-fine;
/// and whether it is one of the first two (searched exactly, not from a coarser level).
fn first_band(bags: &PairBags, length: &LengthModel, n: usize, m: usize) -> (dp::Band, bool) {
    let anchors = search::anchors(&bags.src, &bags.tgt);
    let band = search::anchor_band(&anchors, ANCHOR_MARGIN, n, m);
    if band.cells() <= MAX_ANCHOR_CELLS_PER_SENTENCE * (n + m + 1) {
        return (band, true);
    }
    let band = search::band_for(
        &search::Units::sentences(&bags.src),
        &search::Units::sentences(&bags.tgt),
        length,
    );
    (band, search::searches_whole(n, m))
}

/// The links of one search step: a gap becomes one null link per sentence.
fn step_links(s: dp::Step) -> Vec<Link> {
    if (s.a == 0 || s.b == 0) && s.a + s.b > 1 {
        let share = s.score / (s.a + s.b) as f64;
        let src = (s.i..s.i + s.a).map(|i| (vec![i], vec![]));
        let tgt = (s.j..s.j + s.b).map(|j| (vec![], vec![j]));
        return src
            .chain(tgt)
            .map(|(src, tgt)| Link {
                src,
                tgt,
                score: share,
                confidence: confidence(share, true),
            })
            .collect();
    }
    vec![Link {
        src: (s.i..s.i + s.a).collect(),
        tgt: (s.j..s.j + s.b).collect(),
        score: s.score,
        confidence: confidence(s.score, s.a == 0 || s.b == 0),
    }]
}

/// The chance that a link with this score is exactly right: a logistic curve fitted on the
/// links of the development gold (Text+Berg de-fr dev and FLORES en-ru/en-es documents, with and
/// without lexicon; `align_report --scores`). On that data links given 0.8–0.95 were right 89 %
/// of the time, 0.95–0.99 97 %, above 0.99 99.8 %. A link with an empty side is right 93 % of
/// the time there, whatever its score (the score of a gap says little about it).
pub fn confidence(score: f64, null: bool) -> f64 {
    if null {
        return NULL_LINK_CONFIDENCE;
    }
    if !score.is_finite() {
        return 0.0;
    }
    let z = CONFIDENCE_SLOPE * score + CONFIDENCE_OFFSET;
    1.0 / (1.0 + (-z).exp())
}

/// Slope of the confidence curve over the link score (fitted, see [`confidence`]).
const CONFIDENCE_SLOPE: f64 = 0.30;

/// Offset of the confidence curve (fitted, see [`confidence`]).
const CONFIDENCE_OFFSET: f64 = 2.19;

/// The share of links with an empty side that were right on the development gold.
const NULL_LINK_CONFIDENCE: f64 = 0.93;

/// Word pairs learned by IBM Model 1 (both directions) from the previous pass's links.
fn learned_pairs(tok: &Tokenised, steps: &[dp::Step]) -> Vec<(TokenId, TokenId)> {
    let usable: Vec<&dp::Step> = steps
        .iter()
        .filter(|s| s.a > 0 && s.b > 0 && s.a + s.b <= MAX_TRAINING_LINK)
        .collect();
    let stride = usable.len().div_ceil(MAX_TRAINING_LINKS).max(1);
    let words = |sents: &[Vec<TokenId>], from: usize, count: usize| -> Vec<TokenId> {
        sents
            .iter()
            .skip(from)
            .take(count)
            .flatten()
            .copied()
            .filter(|&t| tok.is_word.get(t as usize).copied().unwrap_or(false))
            .collect()
    };
    let mut data: Vec<(Vec<TokenId>, Vec<TokenId>)> = usable
        .iter()
        .step_by(stride)
        .map(|s| (words(&tok.src, s.i, s.a), words(&tok.tgt, s.j, s.b)))
        .collect();
    // A word in fewer than MIN_PAIR_COUNT training links cannot be learned (a pair must be seen
    // together that often): training without such words gives the same candidates for a
    // fraction of the work (hapaxes are most of a document's vocabulary).
    let mut seen = vec![(0u32, 0u32); tok.vocab.len()];
    for (e, f) in &mut data {
        for (side, words) in [(0, e), (1, f)] {
            words.sort_unstable();
            words.dedup();
            for &w in words.iter() {
                if let Some(c) = seen.get_mut(w as usize) {
                    if side == 0 {
                        c.0 += 1;
                    } else {
                        c.1 += 1;
                    }
                }
            }
        }
    }
    let often = |w: &TokenId, side: usize| {
        seen.get(*w as usize)
            .is_some_and(|c| (if side == 0 { c.0 } else { c.1 }) >= MIN_PAIR_COUNT as u32)
    };
    for (e, f) in &mut data {
        e.retain(|w| often(w, 0));
        f.retain(|w| often(w, 1));
    }
    data.retain(|(e, f)| !e.is_empty() && !f.is_empty());
    let refs: Vec<(&[TokenId], &[TokenId])> = data
        .iter()
        .map(|(a, b)| (a.as_slice(), b.as_slice()))
        .collect();
    ibm1::learn_pairs(&refs, IBM1_ITERATIONS, 0.2, MIN_PAIR_COUNT)
        .into_iter()
        .filter(|(a, b)| a != b)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_types_follow_max_link() {
        assert_eq!(
            link_types(4),
            vec![
                (1, 1),
                (1, 0),
                (0, 1),
                (1, 2),
                (2, 1),
                (1, 3),
                (2, 2),
                (3, 1)
            ]
        );
        assert_eq!(link_types(2), vec![(1, 1), (1, 0), (0, 1)]);
    }

    #[test]
    fn confidence_is_a_probability_that_grows_with_the_score() {
        let mut last = 0.0;
        for score in [-50.0, -5.0, 0.0, 5.0, 9.0, 50.0] {
            let c = confidence(score, false);
            assert!((0.0..=1.0).contains(&c) && c >= last, "{score}: {c}");
            last = c;
        }
        assert!(
            confidence(9.0, false) > 0.95,
            "a typical good link is confident"
        );
        assert_eq!(confidence(f64::NAN, false), 0.0);
        assert!((0.0..=1.0).contains(&confidence(-7.6, true)));
    }

    #[test]
    fn empty_documents() {
        let opts = AlignOptions::default();
        assert!(align_sentences(&[], &[], &opts).is_empty());
        let links = align_sentences(&["a"], &[], &opts);
        assert_eq!(links.len(), 1);
        assert!(links[0].tgt.is_empty());
    }

    #[test]
    fn a_sentence_added_to_a_short_translation_stays_unaligned() {
        // the Russian adds a sentence of its own (the dynasty) after the first: its length
        // raises the ratio of the totals, under which the first Russian sentence alone looks
        // too short for its English one and the merge fits; the ratio of the links found one to
        // one does not hold the added sentence
        let en = [
            "Monaco has about 38,000 residents and covers only two square kilometres.",
            "French is the official language, although many older residents of Monaco still speak Monegasque at home.",
            "Most citizens of Monaco are Roman Catholic.",
        ];
        let ru = [
            "В Монако живёт около 38 000 человек на двух квадратных километрах.",
            "С 1297 года Монако управляет династия Гримальди, чей дворец стоит на скале.",
            "Официальный язык — французский, но многие пожилые жители Монако дома говорят на монегаскском.",
            "Большинство граждан Монако — католики.",
        ];
        let opts = AlignOptions {
            src_lang: Lang::new("en"),
            tgt_lang: Lang::new("ru"),
            ..AlignOptions::default()
        };
        let links: Vec<(Vec<usize>, Vec<usize>)> = align_sentences(&en, &ru, &opts)
            .into_iter()
            .map(|l| (l.src, l.tgt))
            .collect();
        let gold = [
            (vec![0], vec![0]),
            (vec![], vec![1]),
            (vec![1], vec![2]),
            (vec![2], vec![3]),
        ];
        assert_eq!(links, gold);
    }
}
